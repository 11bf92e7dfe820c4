# SPDX-License-Identifier: EUPL-1.2
"""The tables of status codes of an HTTP route (protocol 2.x):

    <!-- check: statuses METHOD PATH -->   a table `Status | code | When [| message]`

Each code of the table that the checker knows how to provoke (TRIGGERS) is provoked: the status
must be the table's, and the message the table's (a literal in backticks, `<…>` for any words;
"English refusal message" for the English text of the refusals table, 8.2). The English texts
heard this way count for the refusals table too.
"""
import re

from doccheck import wire
from doccheck.markdown import Table
from doccheck.session import FAILURES, Session

CODE = re.compile(r"`([a-z_]+)`")
LONG = "x" * 17000


def create(**fields):
    body = {"method": "incident", "title": "Intervisie maart", "facilitator_name": "Fenna"}
    body.update(fields)
    return lambda run, fixtures: run.http("POST", "/api/sessions", body)


def join(body, fixture="lobby"):
    def send(run, fixtures):
        session = fixtures.get(fixture)
        if isinstance(body, (bytes, str)):
            text = body
        else:
            text = dict({"join_token": session.join_token}, **body)
        return run.http("POST", f"/api/sessions/{session.session_id}/participants", text)
    return send


def coach(body):
    return lambda run, fixtures: run.http("POST", "/api/coach", body)


def report(who, fixture="tour"):
    def send(run, fixtures):
        session = fixtures.get(fixture)
        token = {"nobody": "1.x", "presenter": session.tokens.get(2), "adviser":
                 session.tokens.get(4) or session.tokens.get(3)}[who]
        return run.http("GET", f"/api/sessions/{session.session_id}/report",
                        headers={"Authorization": f"Bearer {token}"})
    return send


def join_code(body):
    return lambda run, fixtures: run.http("POST", "/api/join-codes", body)


def invitation(body):
    def send(run, fixtures):
        session = fixtures.get("lobby")
        text = body if isinstance(body, str) else dict({"join_token": session.join_token},
                                                       **body)
        return run.http("POST", f"/api/sessions/{session.session_id}/invitation", text)
    return send


def returns(body, fixture="lobby"):
    def send(run, fixtures):
        session = fixtures.get(fixture)
        text = body if isinstance(body, str) else dict({"join_token": session.join_token},
                                                       **body)
        return run.http("POST", f"/api/sessions/{session.session_id}/returns", text)
    return send


def forget(who, fixture):
    def send(run, fixtures):
        session = fixtures.get(fixture)
        token = {"nobody": "1.x", "presenter": session.tokens.get(2),
                 "adviser": session.tokens.get(3)}[who]
        return run.http("DELETE", f"/api/sessions/{session.session_id}/content",
                        headers={"Authorization": f"Bearer {token}"})
    return send


def upgrade(tail="/live", origin=None, **query):
    """A refused upgrade (3.2): its HTTP answer."""
    def send(run, fixtures):
        session = fixtures.get("lobby")
        token = query.get("token", session.tokens[1])
        path = f"/api/sessions/{session.session_id}{tail}?token={token}" + "".join(
            f"&{key}={value}" for key, value in query.items() if key != "token")
        live = run.live(path, origin=origin)
        if live.refusal is None:
            live.close()
            return wire.Response(live.status, {}, b"")
        run.observed.on_response("GET", path, live.refusal)
        return live.refusal
    return send


TRIGGERS = {
    "POST /api/sessions": {
        "bad_message": lambda run, f: run.http("POST", "/api/sessions", "[]"),
        "unknown_field": create(colour="red"),
        "missing_field": lambda run, f: run.http("POST", "/api/sessions", {"title": "x"}),
        "wrong_type": create(title=7),
        "unknown_method": create(method="dance"),
        "title_required": create(title="   "),
        "title_too_long": create(title="x" * 201),
        "text_empty": create(facilitator_name=" "),
        "name_too_long": create(facilitator_name="x" * 61),
        "invalid_text": create(title="Intervisie\u0007"),
        "too_large": create(title=LONG),
    },
    "POST /api/sessions/{id}/participants": {
        "bad_message": join("[]"),
        "unknown_field": join({"name": "Eva", "colour": "red"}),
        "missing_field": join({}),
        "wrong_type": join({"name": "Eva", "claim": "yes"}),
        "unauthorized": lambda run, f: run.http(
            "POST", f"/api/sessions/{f.get('lobby').session_id}/participants",
            {"join_token": "x" * 43, "name": "Eva"}),
        "session_finished": join({"name": "Eva"}, fixture="finished"),
        "text_empty": join({"name": " "}),
        "name_too_long": join({"name": "x" * 61}),
        "invalid_text": join({"name": "Eva\u200b"}),
        "group_full": join({"name": "Gijs"}, fixture="full"),
        "place_without_device": join({"name": "Anna"}),
        "name_taken": join({"name": "pieter"}),
        "too_large": join({"name": LONG}),
    },
    "GET /api/sessions/{id}/report": {
        "unauthorized": report("nobody"),
        "not_presenter": report("adviser"),
        "session_not_finished": report("presenter", fixture="presenting"),
        "case_erased": report("presenter", fixture="erased"),
    },
    "DELETE /api/sessions/{id}/content": {
        "unauthorized": forget("nobody", "finished"),
        "not_presenter": forget("adviser", "finished"),
        "session_not_finished": forget("presenter", "presenting"),
        "case_erased": forget("presenter", "erased"),
    },
    # Requests to come back are limited to ten a minute per address: only a few here.
    "POST /api/sessions/{id}/returns": {
        "bad_message": returns("[]"),
        "missing_field": returns({}),
        "unauthorized": lambda run, f: run.http(
            "POST", f"/api/sessions/{f.get('lobby').session_id}/returns",
            {"join_token": "x" * 43, "participant": 2}),
        "unknown_participant": returns({"participant": 9}),
        "session_finished": returns({"participant": 2}, fixture="finished"),
    },
    "GET /api/sessions/{id}/returns/{request}": {
        "unauthorized": lambda run, f: run.http(
            "GET", f"/api/sessions/{f.get('lobby').session_id}/returns/1",
            headers={"Authorization": f"Bearer {f.get('lobby').tokens[1]}"}),
    },
    "GET /api/sessions/{id}/live": {
        "bad_origin": upgrade(origin="http://elsewhere.example"),
        "unauthorized": upgrade(token="1.x"),
        "not_found": upgrade(tail="/elsewhere"),
        "bad_since": upgrade(since="-1"),
        "bad_stream": upgrade(stream="all"),
    },
    "POST /api/coach": {
        "bad_message": coach("[]"),
        "unknown_field": coach({"kind": "question", "text": "", "colour": "red"}),
        "missing_field": coach({"text": ""}),
        "wrong_type": coach({"kind": "question", "text": 7}),
        "unknown_kind": coach({"kind": "poem", "text": ""}),
        "text_too_long": coach({"kind": "question", "text": "x" * 4001}),
        "invalid_text": coach({"kind": "question", "text": "Wat?\u0007"}),
        "too_large": coach({"kind": "question", "text": LONG}),
    },
    "POST /api/sessions/{id}/invitation": {
        "bad_message": invitation("[]"),
        "unknown_field": invitation({"colour": "red"}),
        "missing_field": invitation("{}"),
        "wrong_type": invitation('{"join_token": 7}'),
        "unauthorized": lambda run, f: run.http(
            "POST", f"/api/sessions/{f.get('lobby').session_id}/invitation",
            {"join_token": "x" * 43}),
    },
    "POST /api/join-codes": {
        "bad_message": join_code("[]"),
        "unknown_field": join_code({"code": "123456", "colour": "red"}),
        "missing_field": join_code({}),
        "wrong_type": join_code({"code": 123456}),
        "bad_value": join_code({"code": "12345"}),
        "unknown_code": join_code({"code": "000000"}),
    },
}


class Fixtures:
    """The sessions the triggers need, made when first asked for."""

    def __init__(self, run):
        self.run = run
        self.made = {}

    def get(self, name):
        if name not in self.made:
            self.made[name] = getattr(self, name)()
        return self.made[name]

    def lobby(self):
        s = Session(self.run, "incident", ["Fenna", "Pieter"])
        s.connect("Fenna")
        s.do("Fenna", {"kind": "add_participant", "name": "Anna"})
        return s

    def presenting(self):
        s = Session(self.run, "balint", ["Fenna", "Pieter"])
        s.connect("Fenna")
        s.do("Fenna", {"kind": "assign_presenter", "participant": 2})
        return s

    def finished(self):
        from doccheck.scenes import finished
        return finished(self.run)

    def erased(self):
        """A finished session that its presenter erased (2.13)."""
        from doccheck.scenes import finished
        s = finished(self.run)
        forget("presenter", "erased")(self.run, _Given(s))
        return s

    def full(self):
        s = Session(self.run, "incident", ["Fenna", "Pieter"])
        s.connect("Fenna")
        for name in ("Anna", "Bram", "Cas", "Daan", "Eva", "Fleur"):
            s.do("Fenna", {"kind": "add_participant", "name": name})
        return s

    def tour(self):
        from doccheck.scenes import tour
        return tour(self.run)


class _Given:
    """One fixture, as the triggers ask for them."""

    def __init__(self, session):
        self.session = session

    def get(self, name):
        return self.session


def english_texts(page):
    """code -> the English text of the page's refusals table."""
    for item in page.items:
        if isinstance(item, Table) and item.marker and item.marker.kind == "refusals":
            return {CODE.match(cells[0]).group(1): cells[3] for _, cells in item.rows
                    if CODE.match(cells[0])}
    return {}


def pattern_of(example):
    return re.sub(r"<[^>]+>", ".+", re.escape(example).replace(r"\<", "<").replace(r"\>", ">"))


class Statuses:
    @staticmethod
    def status_and_codes(cells):
        """A row `Status | codes | When [| message]`, or (3.2) `… | `NNN code` | message`."""
        if re.fullmatch(r"\d{3}", cells[0]):
            return cells[0], CODE.findall(cells[1]), cells[3] if len(cells) > 3 else ""
        for cell in cells:
            found = re.fullmatch(r"`(\d{3}) ([a-z_]+)`", cell)
            if found:
                return found.group(1), [found.group(2)], cells[-1]
        return "", [], ""

    def __init__(self, run, problems, unchecked):
        self.run = run
        self.problems = problems
        self.unchecked = unchecked
        self.fixtures = Fixtures(run)
        self.checked = 0

    def table(self, table):
        route = " ".join(table.marker.args[:2])
        triggers = TRIGGERS.get(route)
        if triggers is None:
            self.problems.append((table.where(), f"no triggers for {route} "
                                  "(tests/docs/doccheck/statuses.py)"))
            return
        english = english_texts(table.page)
        rows = [(line, *self.status_and_codes(cells)) for line, cells in table.rows]
        listed = {code for _, _, codes, _ in rows for code in codes}
        for code in sorted(set(triggers) - listed):
            try:
                answer = triggers[code](self.run, self.fixtures)
            except FAILURES as error:
                answer = error
            self.problems.append((table.where(), f"{route} can answer {code} ({answer}), which "
                                  "this table does not list"))
        for line, status, codes, documented in rows:
            where = f"{table.page.name}:{line}"
            for code in codes:
                trigger = triggers.get(code)
                if trigger is None:
                    self.unchecked.append((where, f"{route} {code}: not provoked"))
                    continue
                try:
                    answer = trigger(self.run, self.fixtures)
                except FAILURES as error:
                    self.problems.append((where, f"{code}: {error}"))
                    continue
                self.checked += 1
                got = answer.json.get("code") if isinstance(answer.json, dict) else None
                if str(answer.status) != status or got != code:
                    self.problems.append((where, f"{code}: the server answered {answer}"))
                    continue
                message = answer.json.get("message", "")
                if code in english:
                    heard = self.run.observed.refusals.setdefault(code, {"nl": set(),
                                                                         "en": set()})
                    heard["en"].add(message)
                examples = re.findall(r"`([^`]+)`", documented)
                if "English refusal message" in documented:
                    examples = [english.get(code, "")]
                if examples and not any(re.fullmatch(pattern_of(e), message) for e in examples):
                    self.problems.append((where, f"{code}: the server's message is “{message}”"))
