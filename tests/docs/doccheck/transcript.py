# SPDX-License-Identifier: EUPL-1.2
"""A worked example (protocol 9) played against the server, block after block.

    <!-- check: transcript [first=drop:NAME] [then=connect:NAME,NAME] -->

Its lines:
    POST /api/sessions            a request; the lines after it are its body, then
    ← 201 {…}                     the answer
    GET /api/…/live?token=…   (WebSocket)      a live connection opens (whose: the token says)
    Fenna → {…}                   Fenna sends this
    Fenna, Anna ← {…}             each of them receives this next (`all`: everyone connected)

Presence messages that a block does not show are let pass (they come whenever anyone connects
or goes); any other message that a block does not show is a mismatch.

Two other examples are taken while the worked example runs, as they say they are:
    <!-- check: snapshot participant=N seq=S -->   N's snapshot on connecting just after seq S
    <!-- check: patch participant=N seq=S -->      the patch of seq S on N's patch stream
"""
import json
import re

from doccheck.compare import Comparison, Substitutions
from doccheck.http_examples import REQUEST_LINE, parse_json
from doccheck.session import Session
from doccheck.wire import Closed

LINE = re.compile(r"^([A-Za-z][A-Za-z, ]*?)\s*(→|←)\s*(\{.*)$")
ANSWER = re.compile(r"^←\s*(\d{3})\s*(.*)$")


class Probe:
    def __init__(self, block):
        self.block = block
        self.kind = block.marker.kind
        self.participant = int(block.marker.options["participant"])
        self.seq = int(block.marker.options["seq"])
        self.live = None
        self.result = None
        self.problem = None


class Transcript:
    def __init__(self, run, page, problems, probes):
        self.run = run
        self.page = page
        self.problems = problems
        self.substitutions = Substitutions()
        marker = page.page_marker
        if marker and "base" in marker.options:
            self.substitutions.learn(marker.options["base"], run.server.base)
        self.session = None
        self.names = {}  # name -> participant id
        self.live = {}  # name -> the connection the worked example speaks of
        self.probes = probes
        self.checked = 0

    def name_of(self, participant):
        return next(name for name, pid in self.names.items() if pid == participant)

    def problem(self, where, text):
        self.problems.append((where, text))

    def block(self, block):
        options = block.marker.options
        if options.get("first", "").startswith("drop:"):
            name = options["first"][5:]
            self.live.pop(name).drop()
        index = 0
        lines = block.lines
        while index < len(lines):
            line = lines[index].strip()
            where = block.where(index)
            index += 1
            if not line:
                continue
            request = REQUEST_LINE.match(line.split("  ")[0].strip())
            if request and "(WebSocket)" in line:
                self.connect(request.group(2), where)
                continue
            if request:
                body = []
                while index < len(lines) and not lines[index].startswith("←"):
                    body.append(lines[index])
                    index += 1
                answer = ANSWER.match(lines[index].strip()) if index < len(lines) else None
                if not answer:
                    self.problem(where, "a request needs its answer: `← STATUS {…}`")
                    return
                self.http(request.group(1), request.group(2), "\n".join(body),
                          int(answer.group(1)), answer.group(2), block.where(index))
                index += 1
                continue
            found = LINE.match(line)
            if not found:
                self.problem(where, "not a line of a transcript (NAME → {…} or NAME ← {…})")
                continue
            names = [name.strip() for name in found.group(1).split(",")]
            documented = parse_json(found.group(3), where, self.problems)
            if documented is None:
                continue
            if found.group(2) == "→":
                self.live[names[0]].send(documented)
            else:
                if names == ["all"]:
                    names = list(self.live)
                for name in names:
                    self.receive(name, documented, where)
        if options.get("then", "").startswith("connect:"):
            for name in options["then"][8:].split(","):
                self.open(name, self.session.path(self.session.tokens[self.names[name]]))
                self.live[name].next()  # the snapshot, which the block describes in words
        self.look_for_strays(block)
        self.checked += 1

    def http(self, method, target, body, status, answer_text, where):
        self.substitutions.learn_from_context(target + body)
        body = self.substitutions.apply(body)
        answer = self.run.http(method, self.substitutions.apply(target), body)
        if answer.status != status:
            self.problem(where, f"documented {status}, the server answered {answer}")
            return
        documented = parse_json(answer_text, where, self.problems)
        comparison = Comparison(self.substitutions)
        comparison.same(documented, answer.json)
        for problem in comparison.problems:
            self.problem(where, problem)
        if target == "/api/sessions":
            name = json.loads(body)["facilitator_name"]
            self.session = Session.made(self.run, answer.json, name)
            self.substitutions.context = self.session
            self.names[name] = 1
        elif target.endswith("/participants"):
            name = json.loads(body)["name"]
            self.names[name] = answer.json["participant_id"]
            self.session.tokens[self.names[name]] = answer.json["token"]

    def connect(self, target, where):
        self.substitutions.learn_from_context(target)
        target = self.substitutions.apply(target)
        token = re.search(r"token=(\d+)\.", target)
        if not token:
            self.problem(where, "a live connection needs a participant's token")
            return
        self.open(self.name_of(int(token.group(1))), target, where)

    def open(self, name, target, where=None):
        live = self.run.live(target, name=name)
        if live.status != 101:
            self.problem(where, f"{name} could not connect: {live.refusal}")
            return
        self.live[name] = live
        for probe in self.probes:
            if probe.kind == "patch" and probe.participant == self.names[name] and \
                    probe.live is None and probe.result is None:
                probe.live = self.run.live(self.session.path(
                    self.session.tokens[probe.participant], stream="patches"), name="probe")
                probe.live.next()  # its snapshot

    def receive(self, name, documented, where):
        live = self.live.get(name)
        if live is None:
            self.problem(where, f"{name} has no open connection here")
            return
        while True:
            try:
                message = live.next(timeout=5)
            except (TimeoutError, Closed) as error:
                self.problem(where, f"{name} did not receive it: {error}")
                return
            if message.get("type") == "presence" and (
                    documented.get("type") != "presence" or message != documented):
                continue
            break
        comparison = Comparison(self.substitutions)
        comparison.same(documented, message)
        for problem in comparison.problems:
            self.problem(where, f"{name} received {json.dumps(message, ensure_ascii=False)}"
                         f" — {problem}")
        if message.get("type") == "ack":
            self.after(message["seq"])

    def after(self, seq):
        """Takes the probes' examples once the worked example has reached their seq."""
        for probe in self.probes:
            if probe.result is not None or probe.problem is not None or seq < probe.seq:
                continue
            token = self.session.tokens.get(probe.participant)
            try:
                if probe.kind == "snapshot":
                    live = self.run.live(self.session.path(token), name="probe")
                    probe.result = live.next()
                    live.close()
                elif probe.live is not None:
                    while probe.result is None:
                        message = probe.live.next()
                        if message.get("type") == "patch" and message["seq"] == probe.seq:
                            probe.result = message
                    probe.live.close()
            except (TimeoutError, Closed) as error:
                probe.problem = f"the worked example did not give it: {error}"

    def look_for_strays(self, block):
        for name, live in self.live.items():
            for message in live.pending(wait=0.05):
                if message.get("type") != "presence":
                    self.problem(block.where(len(block.lines) - 1),
                                 f"{name} also received "
                                 f"{json.dumps(message, ensure_ascii=False)}, which the example "
                                 "does not show")

    def compare_probes(self):
        for probe in self.probes:
            block = probe.block
            if probe.result is None:
                self.problem(block.where(), probe.problem or "the worked example never reached "
                             f"seq {probe.seq} with participant {probe.participant} connected")
                continue
            documented = parse_json(block.text, block.where(), self.problems)
            comparison = Comparison(self.substitutions)
            comparison.same(documented, probe.result)
            for problem in comparison.problems:
                self.problem(block.where(), problem)
            self.checked += 1

    def close(self):
        for live in self.live.values():
            live.close()
