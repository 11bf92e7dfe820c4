# SPDX-License-Identifier: EUPL-1.2
"""A live session as the checker drives it: who is who, their tokens and connections, and
what the server said along the way."""
import json

from doccheck import wire


class TourError(Exception):
    """The server did not answer as a step of a scene expects; `where` names the doc line when
    the step was one of the documented examples."""

    def __init__(self, text, where=None):
        super().__init__(text)
        self.where = where


# What a step that talks to the server can fail with, short of a bug in the checker.
FAILURES = (TourError, TimeoutError, wire.Closed, OSError)


class Observed:
    """Everything the server said during the run, for the checks that compare the docs with
    what was seen rather than with one answer."""

    def __init__(self):
        self.messages = []  # every live message, in order of arrival
        self.english = []  # those of the connections opened with lang=en
        self.refusals = {}  # code -> {"nl": {messages}, "en": {messages}}
        self.http_errors = {}  # (status, code) -> the requests that got it
        self.commands = {}  # a documented command's id ("c13") -> None (accepted) or a problem
        self.tour_stopped = False

    def on_message(self, live, message):
        (self.english if live.name.endswith("(en)") else self.messages).append(message)

    def on_response(self, method, path, response):
        body = response.json
        if response.status >= 400 and isinstance(body, dict) and "code" in body:
            self.http_errors.setdefault((response.status, body["code"]), []).append(
                f"{method} {path}")


class Run:
    """What every check shares: the server, the observations, the documented commands."""

    def __init__(self, server, observed, documented_commands):
        self.server = server
        self.port = server.port
        self.observed = observed
        self.documented_commands = documented_commands  # id -> (where, envelope)
        self.scenes = {}

    def http(self, method, path, body=None, headers=None):
        response = wire.request(self.port, method, path, body, headers)
        self.observed.on_response(method, path, response)
        return response

    def live(self, path, name="?", origin=None):
        return wire.Live(self.port, path, origin=origin, name=name,
                         on_message=self.observed.on_message)


class Session:
    def __init__(self, run, method, names, takes_turns=True, title="Intervisie maart"):
        body = {"method": method, "title": title, "facilitator_name": names[0]}
        if not takes_turns:
            body["facilitator_takes_turns"] = False
        created = run.http("POST", "/api/sessions", body)
        if created.status != 201:
            raise TourError(f"POST /api/sessions answered {created}")
        self.adopt(run, created.json, names[0])
        for name in names[1:]:
            self.join(name)

    @classmethod
    def made(cls, run, created, facilitator):
        """The session that a documented POST /api/sessions made."""
        session = cls.__new__(cls)
        session.adopt(run, created, facilitator)
        return session

    def adopt(self, run, created, facilitator):
        self.run = run
        self.session_id = created["session_id"]
        self.join_token = created["join_token"]
        self.beamer_token = created["beamer_token"]
        self.join_code = created["join_code"]
        self.tokens = {1: created["token"]}
        self.ids = {facilitator: 1}
        self.live = {}
        self.english = {}
        self.counter = 0

    @property
    def facilitator(self):
        return next(name for name, pid in self.ids.items() if pid == 1)

    def join(self, name):
        joined = self.run.http("POST", f"/api/sessions/{self.session_id}/participants",
                               {"join_token": self.join_token, "name": name})
        if joined.status != 201:
            raise TourError(f"joining as {name} answered {joined}")
        self.ids[name] = joined.json["participant_id"]
        self.tokens[self.ids[name]] = joined.json["token"]
        return self.ids[name]

    def path(self, token, **query):
        tail = "".join(f"&{key}={value}" for key, value in query.items())
        return f"/api/sessions/{self.session_id}/live?token={token}{tail}"

    def connect(self, name, **query):
        """Opens (or reopens) `name`'s connection and returns its first message."""
        token = self.beamer_token if name == "beamer" else self.tokens[self.ids[name]]
        live = self.run.live(self.path(token, **query), name=name)
        if live.status != 101:
            raise TourError(f"{name} could not connect: {live.refusal}")
        self.live[name] = live
        return live.next()

    def reconnect(self, name):
        self.live.pop(name).close()
        return self.connect(name)

    def drop(self, name):
        self.live.pop(name).drop()
        english = self.english.pop(name, None)
        if english:
            english.drop()

    def await_presence(self, name, connected):
        while True:
            message = self.live[name].next()
            if message.get("type") == "presence" and message["connected"] == connected:
                return

    def send(self, name, command, command_id=None, live=None):
        self.counter += 1
        command_id = command_id or f"t{self.counter}"
        envelope = command if "type" in command else {
            "type": "command", "id": command_id, "command": command}
        (live or self.live[name]).send(envelope)
        return envelope.get("id")

    def reply(self, live, command_id):
        """The events `live` received up to the reply to `command_id`, and that reply."""
        events = []
        while True:
            message = live.next()
            if message.get("type") in ("ack", "error") and message.get("id") == command_id:
                return events, message
            if message.get("type") == "event":
                events.append(message["event"])

    def do(self, name, command, where=None):
        """Sends a command that must be accepted; returns its events."""
        command_id = self.send(name, command)
        events, answer = self.reply(self.live[name], command_id)
        if answer["type"] != "ack":
            raise TourError(f"{name}'s {json.dumps(command, ensure_ascii=False)} was refused: "
                            f"{answer['code']}: {answer['message']}", where)
        return events

    def documented(self, name, command_id, expect=None):
        """Sends the command of protocol 5.4 with this id, as documented; it must be accepted
        (or refused with `expect`)."""
        where, envelope = self.run.documented_commands[command_id]
        self.live[name].send(envelope)
        events, answer = self.reply(self.live[name], command_id)
        got = answer.get("code") if answer["type"] == "error" else None
        if got != expect:
            problem = (f"{command_id} sent by {name} was "
                       + (f"refused: {got}: {answer['message']}" if got else "accepted")
                       + (f", not refused with {expect}" if expect else ""))
            self.run.observed.commands[command_id] = problem
            raise TourError(problem, where)
        self.run.observed.commands.setdefault(command_id, None)
        return events

    def refuse(self, name, command, code):
        """Sends a command that must be refused with `code`, once in Dutch and once in English
        (a refused command changes nothing, so both see the same session)."""
        command_id = self.send(name, command)
        _, answer = self.reply(self.live[name], command_id)
        if answer["type"] != "error" or answer["code"] != code:
            raise TourError(f"{name}'s {json.dumps(command, ensure_ascii=False)} got {answer}, "
                            f"not the refusal {code}")
        english = self.english.get(name)
        if english is None:
            token = self.beamer_token if name == "beamer" else self.tokens[self.ids[name]]
            english = self.run.live(self.path(token, lang="en"), name=f"{name} (en)")
            self.english[name] = english
        command_id = self.send(name, command, live=english)
        _, in_english = self.reply(english, command_id)
        found = self.run.observed.refusals.setdefault(code, {"nl": set(), "en": set()})
        found["nl"].add(answer["message"])
        found["en"].add(in_english["message"])

    def close(self):
        for live in list(self.live.values()) + list(self.english.values()):
            live.close()
        self.live.clear()
        self.english.clear()
