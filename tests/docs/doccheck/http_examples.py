# SPDX-License-Identifier: EUPL-1.2
"""The HTTP examples of a page, run in the page's order against the server.

    <!-- check: http [scene=S] [do=A] [shape] -->    a block `METHOD PATH HTTP/1.1`, headers,
        a body; the answer is the next block (`HTTP/1.1 STATUS …` and its JSON)
    <!-- check: request METHOD PATH [answered=STATUS] -->    a block that is the body; the answer
        is the next block, marked `response STATUS`
    <!-- check: response STATUS [to METHOD PATH] [body=JSON] -->    the JSON of an answer;
        with `to`, the request it answers (no body shown)
    <!-- check: lines METHOD PATH STATUS -->    lines `REQUEST BODY → ANSWER`
    <!-- check: headers -->    header lines that every answer carries
    <!-- check: curl -->    a shell script of curl calls; each must succeed

Options: `scene=` starts from a situation of doccheck.scenes, `do=` does a small thing first
(doccheck.scenes.ACTIONS), `shape` compares keys and types only, `partial` lets the example
show some of the object's keys, `some=KEY` some items of the list KEY (matched by `id`),
`path=a/b/c` compares with a part of the answer (list items picked by `id`).
"""
import json
import re
import time

from doccheck import scenes
from doccheck.compare import Comparison, Substitutions
from doccheck.session import FAILURES, Session

REQUEST_LINE = re.compile(r"^(GET|POST|DELETE|HEAD|PUT) (\S+)(?: HTTP/1\.1)?$")
STATUS_LINE = re.compile(r"^HTTP/1\.1 (\d{3})")


def parse_json(text, where, problems):
    """The JSON of an example; `{…words…}` stands for an object with any keys."""
    text = re.sub(r"\{…[^{}\"]*…\}", '{"…": "…"}', text)
    try:
        return json.loads(text)
    except ValueError as error:
        problems.append((where, f"the example is not JSON: {error}"))
        return None


def pick(value, path):
    """`methods/incident/steps/reframe`: keys of objects, `id`s of list items."""
    for part in path.split("/"):
        if isinstance(value, list):
            value = next((item for item in value if item.get("id") == part), None)
        elif isinstance(value, dict):
            value = value.get(part)
        if value is None:
            return None
    return value


class PageExamples:
    def __init__(self, run, page, problems):
        self.run = run
        self.page = page
        self.problems = problems
        self.options = page.page_marker.options if page.page_marker else {}
        self.substitutions = self.fresh_substitutions()
        self.session = None
        self.story = None
        self.account = None  # cookie and csrf token of the page's own sign-up
        self.ids = {}  # `{group}` in the page's own paths
        self.clock_shift = 0
        if "clock" in self.options:
            self.clock_shift = int(time.time() * 1000) - int(self.options["clock"])
        self.checked = 0

    def fresh_substitutions(self, context=None):
        """The page's `base=` (the server's address in its examples) stands for the real one."""
        substitutions = Substitutions(context)
        if "base" in self.options:
            substitutions.learn(self.options["base"], self.run.server.base)
        return substitutions

    # The situation an example starts from.

    def prepare(self, marker):
        """A session scene holds for the examples after it; a group story (docs/api.md) only
        for the example that names it."""
        self.story = None
        if "scene" in marker.options:
            name = marker.options["scene"]
            made = scenes.SCENES[name](self.run)
            if isinstance(made, Session):
                self.session = made
                self.substitutions = self.fresh_substitutions(made)
            else:
                self.story = made
        if "do" in marker.options:
            scenes.ACTIONS[marker.options["do"]](self.session)

    def shifted(self, value, key=None):
        """Times in a request move with the clock: the page's examples are written as if it
        were the moment of its `clock=`."""
        if isinstance(value, dict):
            return {k: self.shifted(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self.shifted(v, key) for v in value]
        if isinstance(value, int) and not isinstance(value, bool) and key and (
                key.endswith("_at") or key == "dates"):
            return value + self.clock_shift
        return value

    def send(self, method, target, body_text, headers=None):
        headers = dict(headers or {})
        for key, value in (self.story.values() if self.story else self.ids).items():
            target = target.replace("{" + key + "}", value)
        self.substitutions.learn_from_context(target + " " + (body_text or "") + " "
                                              + " ".join(headers.values()))
        target = self.substitutions.apply(target)
        body = None
        if body_text is not None and body_text.strip():
            body = self.substitutions.apply(body_text)
            if self.clock_shift:
                body = json.dumps(self.shifted(json.loads(body)), ensure_ascii=False)
        elif method == "POST":
            body = "{}"
        headers = {k: self.substitutions.apply(v) for k, v in headers.items()}
        who = self.story.anna if self.story else self.account
        if who:
            headers.setdefault("Cookie", who.cookie)
            headers.setdefault("X-CSRF-Token", who.csrf)
        answer = self.run.http(method, target, body, headers)
        self.learn(method, target, body, answer)
        return answer

    def learn(self, method, target, body, answer):
        """A session made or joined by an example is the page's from then on."""
        if answer.json is None or answer.status >= 300:
            return
        if method == "POST" and target == "/api/sessions":
            self.session = Session.made(self.run, answer.json,
                                        json.loads(body)["facilitator_name"])
            self.substitutions.context = self.session
        elif method == "POST" and target.endswith("/participants") and self.session:
            name = json.loads(body).get("name")
            if answer.status == 201 and name:
                self.session.ids[name] = answer.json["participant_id"]
                self.session.tokens[answer.json["participant_id"]] = answer.json["token"]
        elif method == "POST" and target == "/api/accounts":
            self.account = _Login(answer)

    # Comparing.

    def compare(self, documented, real, where, marker):
        words = marker.args
        comparison = Comparison(self.substitutions, shape="shape" in words)
        if "path" in marker.options:
            real = pick(real, marker.options["path"])
        if "some" in marker.options:
            key = marker.options["some"]
            wanted = {item.get("id") for item in documented.get(key, [])}
            real = dict(real)
            real[key] = [item for item in real.get(key, []) if item.get("id") in wanted]
        if "partial" in words and isinstance(documented, dict):
            documented = dict(documented, **{"…": "…"})
        comparison.same(documented, real)
        for problem in comparison.problems:
            self.problems.append((where, problem))

    def expect(self, answer, status, documented, where, marker):
        self.checked += 1
        if answer.status != status:
            self.problems.append((where, f"documented {status}, the server answered {answer}"))
            return
        if documented is not None:
            self.compare(documented, answer.json, where, marker)

    # The kinds of example.

    def http(self, block, answer_block):
        lines = block.lines
        found = REQUEST_LINE.match(lines[0].strip())
        if not found:
            self.problems.append((block.where(), "an http example starts with METHOD PATH"))
            return
        headers = {}
        index = 1
        while index < len(lines) and lines[index].strip():
            name, _, value = lines[index].partition(":")
            if name.lower() not in ("host", "content-type"):
                headers[name.strip()] = value.strip()
            index += 1
        body = "\n".join(lines[index:]).strip() or None
        if answer_block is None or not STATUS_LINE.match(answer_block.lines[0]):
            self.problems.append((block.where(), "no answer block (HTTP/1.1 …) follows"))
            return
        answer_block.used = True
        self.prepare(block.marker)
        answer = self.send(found.group(1), found.group(2), body, headers)
        status = int(STATUS_LINE.match(answer_block.lines[0]).group(1))
        text = "\n".join(answer_block.lines[1:]).strip()
        documented = parse_json(text, answer_block.where(), self.problems) if text else None
        self.expect(answer, status, documented, answer_block.where(), block.marker)

    def request(self, block, answer_block):
        method, target = block.marker.args[:2]
        if answer_block is not None and answer_block.marker and \
                answer_block.marker.kind == "response" and "to" not in answer_block.marker.args:
            answer_block.used = True
        self.prepare(block.marker)
        answer = self.send(method, target, block.text)
        if "answered" in block.marker.options:
            self.expect(answer, int(block.marker.options["answered"]), None, block.where(),
                        block.marker)
            self.remember(answer)
            return
        marker = answer_block.marker if answer_block else None
        if not marker or marker.kind != "response" or "to" in marker.args:
            self.problems.append((block.where(), "a request example needs its answer next, "
                                  "marked `<!-- check: response STATUS -->`"))
            return
        documented = parse_json(answer_block.text, answer_block.where(), self.problems)
        self.expect(answer, int(marker.args[0]), documented, answer_block.where(), marker)
        self.remember(answer)

    def response(self, block):
        marker = block.marker
        if len(marker.args) < 4 or marker.args[1] != "to":
            self.problems.append((block.where(), "a response on its own says `to METHOD PATH`"))
            return
        self.prepare(marker)
        answer = self.send(marker.args[2], marker.args[3], marker.options.get("body"))
        documented = parse_json(block.text, block.where(), self.problems)
        self.expect(answer, int(marker.args[0]), documented, block.where(), marker)

    def remember(self, answer):
        """The page's own group (an answer that is a group view), for `{group}` in the paths of
        the examples after it."""
        if isinstance(answer.json, dict) and "members" in answer.json and self.story is None:
            self.ids["group"] = answer.json["id"]

    def lines(self, block):
        method, target, status = block.marker.args[:3]
        for offset, line in enumerate(block.lines):
            if not line.strip():
                continue
            request_text, arrow, answer_text = line.partition("→")
            where = block.where(offset)
            if not arrow:
                self.problems.append((where, "a line reads `REQUEST → ANSWER`"))
                continue
            answer = self.send(method, target, request_text.strip())
            documented = parse_json(answer_text.strip(), where, self.problems)
            self.expect(answer, int(status), documented, where, block.marker)

    def headers(self, block):
        for path in ("/healthz", "/api/no-such-thing"):
            answer = self.run.http("GET", path)
            for offset, line in enumerate(block.lines):
                name, _, value = line.partition(":")
                real = answer.headers.get(name.strip().lower())
                if real != value.strip():
                    self.problems.append((block.where(offset), f"GET {path} answered "
                                          f"{name.strip()}: {real}"))
        self.checked += 1

    def curl(self, block):
        """Runs each curl call with its body and URL; `$T` is the csrf token, `<id>` the
        group's id and `<mid>` the meeting's, as the script's reader fills them in."""
        starts = [offset for offset, line in enumerate(block.lines)
                  if line.strip().startswith("curl ")]
        calls = [line for line in re.sub(r"\\\n\s*", " ", block.text).split("\n")
                 if line.strip().startswith("curl ")]
        cookie = csrf = None
        names = {}
        for offset, line in zip(starts, calls):
            line = line.split(" #")[0]
            data = re.search(r"-d '([^']*)'", line)
            url = re.search(r"(https?://\S+)", line).group(1)
            target = "/" + url.split("/", 3)[3]
            for placeholder, value in names.items():
                target = target.replace(placeholder, value)
            body = data.group(1) if data else None
            headers = {"Cookie": cookie, "X-CSRF-Token": csrf} if cookie else {}
            if body and self.clock_shift:
                body = json.dumps(self.shifted(json.loads(body)))
            answer = self.run.http("POST" if data else "GET", target, body, headers)
            self.checked += 1
            if answer.status >= 300:
                self.problems.append((block.where(offset), f"the server answered {answer}"))
                return
            if "set-cookie" in answer.headers:
                cookie = answer.headers["set-cookie"].split(";")[0]
                csrf = answer.json["csrf_token"]
            if target == "/api/groups":
                names["<id>"] = answer.json["id"]
            if target.endswith("/meetings"):
                names["<mid>"] = answer.json["id"]

    def run_all(self):
        items = self.page.items
        for index, item in enumerate(items):
            marker = item.marker
            if item.used or marker is None or not marker.checked or \
                    marker.kind not in HTTP_KINDS:
                continue
            following = next((other for other in items[index + 1:] if hasattr(other, "lines")),
                             None)
            try:
                if marker.kind == "http":
                    self.http(item, following)
                elif marker.kind == "request":
                    self.request(item, following)
                elif marker.kind == "response":
                    self.response(item)
                elif marker.kind == "lines":
                    self.lines(item)
                elif marker.kind == "headers":
                    self.headers(item)
                elif marker.kind == "curl":
                    self.curl(item)
            except FAILURES as error:
                self.problems.append((getattr(error, "where", None) or item.where(),
                                      str(error)))


class _Login:
    def __init__(self, answer):
        self.cookie = answer.headers["set-cookie"].split(";")[0]
        self.csrf = answer.json["csrf_token"]


HTTP_KINDS = {"http", "request", "response", "lines", "headers", "curl"}
