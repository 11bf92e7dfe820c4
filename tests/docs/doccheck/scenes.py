# SPDX-License-Identifier: EUPL-1.2
"""The situations an HTTP example of the docs speaks of (`scene=`), and the small things that
happen between two examples (`do=`). Each returns the Session it leaves behind (or the page's
group story for docs/api.md); a documented session id or token then stands for that session's
(doccheck.compare)."""
import time

from doccheck.session import Session, TourError


def running(run):
    """An incident session under way: Fenna connected, Pieter joined but not connected."""
    s = Session(run, "incident", ["Fenna", "Pieter"])
    s.connect("Fenna")
    s.do("Fenna", {"kind": "start"})
    return s


def returns(run):
    """Fenna, Pieter and Anna in the lobby; only Fenna connected, to vouch for returns."""
    s = Session(run, "incident", ["Fenna", "Pieter", "Anna"])
    s.connect("Fenna")
    return s


def finished(run):
    """A Balint session that Pieter presented, finished."""
    s = Session(run, "balint", ["Fenna", "Pieter", "Anna"])
    s.connect("Fenna")
    s.do("Fenna", {"kind": "assign_presenter", "participant": 2})
    s.do("Fenna", {"kind": "start"})
    s.do("Fenna", {"kind": "set_statement", "text": "Ik wil vaker nee zeggen."})
    for _ in range(5):
        s.do("Fenna", {"kind": "next_step", "confirm": True})
    return s


def tour(run):
    """The incident tour's session (doccheck.tours), finished."""
    if "tour" not in run.scenes:
        raise TourError("the incident tour did not finish (see its mismatch)")
    return run.scenes["tour"]


class Account:
    """A logged-in account of docs/api.md's group story."""

    def __init__(self, run, email, name):
        self.run = run
        answer = run.http("POST", "/api/accounts", {"email": email, "password":
                                                    "de fietsenstalling bij school",
                                                    "display_name": name})
        if answer.status != 201:
            raise TourError(f"signing up {email} answered {answer}")
        self.cookie = answer.headers["set-cookie"].split(";")[0]
        self.csrf = answer.json["csrf_token"]
        self.id = answer.json["account"]["id"]

    def call(self, method, path, body=None, expect=200):
        headers = {"Cookie": self.cookie, "X-CSRF-Token": self.csrf}
        answer = self.run.http(method, path, body, headers)
        if expect is not None and answer.status != expect:
            raise TourError(f"{method} {path} answered {answer}, not {expect}")
        return answer.json


class GroupStory:
    """A group with two members, an open invitation, a meeting about to start with a
    facilitator, and a live Balint case in it whose presenter is chosen."""

    def __init__(self, run):
        stamp = time.monotonic_ns()
        self.anna = Account(run, f"anna.{stamp}@school.nl", "Anna")
        self.pieter = Account(run, f"pieter.{stamp}@school.nl", "Pieter")
        self.daan = Account(run, f"daan.{stamp}@school.nl", "Daan")
        self.group = self.anna.call("POST", "/api/groups", {
            "name": "Dinsdaggroep", "own_rules": ["We beginnen op tijd."]}, expect=201)["id"]
        invitation = self.anna.call("POST", f"/api/groups/{self.group}/invitations", {},
                                    expect=201)
        self.pieter.call("POST", f"/api/invitations/{invitation['token']}/accept",
                         {"accept_ground_rules": True})
        invitation = self.anna.call("POST", f"/api/groups/{self.group}/invitations", {},
                                    expect=201)
        self.daan.call("POST", f"/api/invitations/{invitation['token']}/accept",
                       {"accept_ground_rules": True})
        self.invitation = self.anna.call("POST", f"/api/groups/{self.group}/invitations", {},
                                         expect=201)["token"]
        starts = (int(time.time()) + 1800) * 1000
        self.meeting = self.anna.call("POST", f"/api/groups/{self.group}/meetings", {
            "starts_at": starts, "minutes": 120, "place": "Lokaal 12"}, expect=201)["id"]
        self.pieter.call("POST", f"/api/meetings/{self.meeting}/signup", {})
        self.anna.call("POST", f"/api/meetings/{self.meeting}/facilitator",
                       {"member": self.anna.id})
        case = self.anna.call("POST", f"/api/meetings/{self.meeting}/cases", {
            "method": "balint", "title": "Nee zeggen"}, expect=201)
        self.case = case["session_id"]
        self.pieter.call("POST", f"/api/meetings/{self.meeting}/cases/{self.case}/participants",
                         {}, expect=201)
        live = run.live(f"/api/sessions/{self.case}/live?token={case['token']}", name="Anna")
        live.next()
        live.send({"type": "command", "id": "p", "command": {
            "kind": "assign_presenter", "participant": 2}})
        while live.next().get("type") != "ack":
            pass
        live.close()
        # A second case, whose follow-up is still due at the next meeting.
        second = self.anna.call("POST", f"/api/meetings/{self.meeting}/cases", {
            "method": "balint", "title": "Grenzen"}, expect=201)
        live = run.live(f"/api/sessions/{second['session_id']}/live?token={second['token']}",
                        name="Anna")
        live.next()
        self.pieter.call("POST", f"/api/meetings/{self.meeting}/cases/{second['session_id']}"
                         "/participants", {}, expect=201)
        live.send({"type": "command", "id": "q", "command": {
            "kind": "assign_presenter", "participant": 2}})
        while live.next().get("id") != "q":
            pass
        live.close()
        self.anna.call("GET", f"/api/groups/{self.group}")  # the group learns its presenters
        # The next meeting: Pieter and Anna cancel, so Anna (the second) proposes new dates.
        later = starts + 8 * 24 * 3600 * 1000
        self.next_meeting = self.anna.call("POST", f"/api/groups/{self.group}/meetings", {
            "starts_at": later, "minutes": 120, "place": "Lokaal 12"}, expect=201)["id"]
        self.anna.call("POST", f"/api/meetings/{self.next_meeting}/facilitator",
                       {"member": self.anna.id})
        self.anna.call("POST", f"/api/meetings/{self.next_meeting}/follow-ups",
                       {"session_id": self.case, "note": "Het ging beter."})
        self.pieter.call("POST", f"/api/meetings/{self.next_meeting}/signup", {})
        self.daan.call("POST", f"/api/meetings/{self.next_meeting}/signup", {})
        self.pieter.call("POST", f"/api/meetings/{self.next_meeting}/cancel",
                         {"reason": "ouderavond"})
        self.anna.call("POST", f"/api/meetings/{self.next_meeting}/cancel", {})
        day = 24 * 3600 * 1000
        self.anna.call("POST", f"/api/meetings/{self.next_meeting}/proposals",
                       {"dates": [later + day, later + 2 * day]})
        self.pieter.call("POST", f"/api/meetings/{self.next_meeting}/answers",
                         {"suits": [False, True]})
        self.anna.call("POST", f"/api/meetings/{self.next_meeting}/answers",
                       {"suits": [True, False]})

    def values(self):
        """What `{group}`, `{meeting}`, … in an example's path stand for: `{meeting}` is the
        next meeting, which needs a new date."""
        return {"group": self.group, "meeting": self.next_meeting, "case": self.case,
                "invitation": self.invitation}


def group(run):
    """docs/api.md's group story, told once (sign-ups are limited to ten a minute)."""
    if "group" not in run.scenes:
        try:
            run.scenes["group"] = GroupStory(run)
        except TourError as error:
            run.scenes["group"] = error
    if isinstance(run.scenes["group"], TourError):
        raise run.scenes["group"]
    return run.scenes["group"]


SCENES = {"running": running, "returns": returns, "finished": finished, "tour": tour,
          "group": group}


def add_anna(session):
    """The facilitator adds Anna, who has no device (2.5's claim needs her place)."""
    name = session.facilitator
    if name not in session.live:
        session.connect(name)
    session.do(name, {"kind": "add_participant", "name": "Anna"})
    session.ids["Anna"] = max(session.ids.values()) + 1


def admit_first_request(session):
    """The facilitator admits request 1 (2.12)."""
    session.do(session.facilitator, {"kind": "admit_return", "request": 1})


ACTIONS = {"add-anna": add_anna, "admit-request": admit_first_request}
