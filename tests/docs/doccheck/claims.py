# SPDX-License-Identifier: EUPL-1.2
"""Rules that protocol.md states in words rather than in an example (several were once wrong,
issue 15). Each is tied to a phrase of the page: a mismatch is reported at the line that says
it, and a phrase that is gone is reported too (change it here with the page)."""
from doccheck import wire
from doccheck.session import FAILURES, Session


def unparsable_target(run):
    """2.1: a target that cannot be parsed: 401 for an upgrade, 400 bad_target otherwise."""
    upgrade = run.live("/api/sessions/x/live?token=%zz")
    plain = run.http("GET", "/api/methods?x=%zz")
    problems = []
    if upgrade.status != 401 or upgrade.refusal.json.get("code") != "unauthorized":
        problems.append(f"an upgrade to /api/sessions/x/live?token=%zz got {upgrade.refusal}")
    if plain.status != 400 or plain.json != {"code": "bad_target",
                                             "message": "The request target cannot be read."}:
        problems.append(f"GET /api/methods?x=%zz got {plain}")
    return problems


def expect(answer, status, code, message=None):
    """A problem when `answer` is not status and code (and message, when given)."""
    body = answer.json if isinstance(answer.json, dict) else {}
    if answer.status != status or body.get("code") != code or (
            message is not None and body.get("message") != message):
        return [f"the server answered {answer}"]
    return []


def odd_requests(run):
    """2.1: what routing and the HTTP reader answer to requests that are not quite right."""
    return (expect(run.http("DELETE", "/api/methods"), 404, "not_found")
            + expect(run.http("OPTIONS", "/api/sessions"), 404, "not_found")
            + expect(run.http("GET", "/api/sessions/x/live"), 426, "upgrade_required")
            + expect(wire.raw(run.port, b"HELLO THERE\r\n\r\n"), 400, "bad_request")
            + expect(wire.raw(run.port, b"POST /api/coach HTTP/1.1\r\nHost: x\r\n"
                              b"Transfer-Encoding: gzip\r\n\r\n"), 400, "bad_request",
                     "Transfer-Encoding must end in chunked."))


def qr_code(run):
    """2.7: a QR code of a text, and none of nothing."""
    answer = run.http("GET", "/api/qr.svg?text=https%3A%2F%2Fintervisie.example")
    problems = [] if answer.status == 200 and answer.headers.get(
        "content-type", "").startswith("image/svg+xml") else [f"a QR code: {answer}"]
    return problems + expect(run.http("GET", "/api/qr.svg"), 400, "bad_qr_text")


def adjust_time_range(run):
    """5.2: adjust_time takes a 32-bit integer; beyond it the codec answers bad_value."""
    s = Session(run, "balint", ["Fenna", "Pieter"])
    s.connect("Fenna")
    s.do("Fenna", {"kind": "assign_presenter", "participant": 2})
    s.do("Fenna", {"kind": "start"})
    problems = []
    for seconds, code in ((2147483647, "time_out_of_range"), (-2147483648, "time_out_of_range"),
                          (2147483648, "bad_value"), (-2147483649, "bad_value")):
        command_id = s.send("Fenna", {"kind": "adjust_time", "seconds": seconds})
        _, answer = s.reply(s.live["Fenna"], command_id)
        if answer.get("code") != code:
            problems.append(f"seconds {seconds} got {answer}, not {code}")
    s.close()
    return problems


def drafts_order(run):
    """2.6 and 7.2: drafts come in the order their authors first wrote them (not the order of
    sharing); rewriting a draft keeps its place."""
    s = Session(run, "balint", ["Fenna", "Pieter", "Anna", "Daan"])
    for name in ("Fenna", "Pieter", "Anna", "Daan"):
        s.connect(name)
    s.do("Fenna", {"kind": "assign_presenter", "participant": 2})
    s.do("Fenna", {"kind": "start"})
    s.do("Pieter", {"kind": "set_statement", "text": "Ik wil vaker nee zeggen."})
    s.do("Fenna", {"kind": "next_step"})
    s.do("Fenna", {"kind": "next_step", "confirm": True})
    s.do("Daan", {"kind": "write_draft", "text": "Eerst Daan."})
    s.do("Anna", {"kind": "write_draft", "text": "Dan Anna."})
    s.do("Daan", {"kind": "write_draft", "text": "Daan herschrijft."})
    s.do("Fenna", {"kind": "next_step", "confirm": True})
    s.do("Fenna", {"kind": "pass"})
    s.do("Anna", {"kind": "share_advice", "essence": "Anna deelt eerst."})
    s.do("Daan", {"kind": "share_advice", "essence": "Daan daarna."})
    problems = []
    state = s.reconnect("Pieter")["state"]
    in_state = [draft["author"] for draft in state["flip_chart"]["drafts"]]
    if in_state != [4, 3]:
        problems.append(f"the presenter's flip_chart.drafts come by author {in_state}")
    s.do("Fenna", {"kind": "next_step"})
    s.do("Fenna", {"kind": "next_step", "confirm": True})
    record = run.http("GET", f"/api/sessions/{s.session_id}/report",
                      headers={"Authorization": f"Bearer {s.tokens[2]}"}).json
    in_record = [draft["by"] for draft in record.get("drafts", [])]
    if in_record != ["Daan", "Anna"]:
        problems.append(f"the record's drafts come by {in_record}")
    s.close()
    return problems


def reflect_without_reflection(run):
    """5.2: reflect in a gossip step whose presenter does not reflect is wrong_step."""
    s = Session(run, "fresh-questioning", ["Fenna", "Pieter", "Anna"])
    s.connect("Fenna")
    s.connect("Pieter")
    s.do("Fenna", {"kind": "assign_presenter", "participant": 2})
    s.do("Fenna", {"kind": "assign_scribe", "participant": 3})
    s.do("Fenna", {"kind": "start"})
    s.do("Pieter", {"kind": "set_statement", "text": "Ik wil vaker nee zeggen."})
    s.do("Fenna", {"kind": "next_step"})
    s.do("Fenna", {"kind": "next_step", "confirm": True})
    for gossip_closed in (False, True):
        command_id = s.send("Pieter", {"kind": "reflect", "text": "Klopt."})
        _, answer = s.reply(s.live["Pieter"], command_id)
        if answer.get("code") != "wrong_step":
            return [f"reflect in fresh questioning's gossip step (closed: {gossip_closed}) got "
                    f"{answer}"]
        if not gossip_closed:
            s.do("Fenna", {"kind": "close_gossip"})
    s.close()
    return []


CLAIMS = [
    ("Routing is by path and method.", odd_requests),
    ('`400 {"code":"bad_qr_text",…}`', qr_code),
    ("also in a `gossip` step without `presenter_reflects`", reflect_without_reflection),
    ("A request target that cannot be parsed", unparsable_target),
    ("a 32-bit one", adjust_time_range),
    ("in the order their authors first wrote them", drafts_order),
]


def check(run, page, problems):
    checked = 0
    for phrase, claim in CLAIMS:
        line = next((number for number, text in enumerate(page.source, 1) if phrase in text),
                    None)
        if line is None:
            problems.append((page.name, f"“{phrase}” is no longer on the page; "
                             "tests/docs/doccheck/claims.py checks what it said"))
            continue
        try:
            found = claim(run)
        except FAILURES as error:
            found = [str(error)]
        for problem in found:
            problems.append((f"{page.name}:{line}", problem))
        checked += 1
    return checked
