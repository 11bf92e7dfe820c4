# SPDX-License-Identifier: EUPL-1.2
"""Examples held against what the server said during the run, rather than against one answer.

    <!-- check: commands -->        each line a command envelope that a tour sends as written
                                    (doccheck.tours); it must be accepted
    <!-- check: command-table -->   the table of command kinds: the same kinds as the examples
    <!-- check: events [old=KIND,…] -->   each line an event; some event of its kind that the
                                    server sent has the same keys and types (`old`: kinds the
                                    server no longer makes)
    <!-- check: message -->         one live message; one the server sent is the same (its `id`
                                    and `seq` aside)
    <!-- check: state-item path=a/b [shape] -->   an item of a list in the state: some item at
                                    that place in a snapshot the server sent is the same
    <!-- check: refusals -->        a table `code | meaning | Dutch | English`: each refusal the
                                    tours provoked reads the same in both languages, and each
                                    code they provoked is in it
    <!-- check: codec-errors -->    a table `code | meaning | example messages`
    <!-- check: http-errors [not=/path,…] -->   a table `status | codes | where`: every error
                                    answer of the run is listed with its status (but those of
                                    routes under the paths of `not`, another page's)
"""
import json
import re

from doccheck.compare import Comparison, Substitutions
from doccheck.http_examples import parse_json

CODE = re.compile(r"`([a-z_]+)`")


def documented_commands(pages, problems):
    """id -> (where, envelope) of every line of every `commands` block."""
    found = {}
    for page in pages:
        for item in page.items:
            if item.marker and item.marker.checked and item.marker.kind == "commands":
                for offset, line in enumerate(item.lines):
                    if not line.strip():
                        continue
                    envelope = parse_json(line, item.where(offset), problems)
                    if envelope is None:
                        continue
                    if envelope.get("id") in found:
                        problems.append((item.where(offset), "two examples have the id "
                                         f"{envelope['id']}"))
                    found[envelope.get("id")] = (item.where(offset), envelope)
    return found


class Seen:
    def __init__(self, observed, problems):
        self.observed = observed
        self.problems = problems
        self.checked = 0
        self.unchecked = []

    def problem(self, where, text):
        self.problems.append((where, text))

    def commands(self, block, table):
        kinds = set()
        for offset, line in enumerate(block.lines):
            if not line.strip():
                continue
            try:
                envelope = json.loads(line)
                kinds.add(envelope["command"]["kind"])
            except (ValueError, KeyError, TypeError):
                continue  # reported by documented_commands
            outcome = self.observed.commands.get(envelope["id"], "unsent")
            if outcome == "unsent" and self.observed.tour_stopped:
                self.problem(block.where(offset), "not sent: a tour stopped before it")
            elif outcome == "unsent":
                self.problem(block.where(offset), "no tour sends this example "
                             "(tests/docs/doccheck/tours.py): give it a place there")
            elif outcome:
                self.problem(block.where(offset), outcome)
            self.checked += 1
        if table is None:
            self.problem(block.where(), "no table marked `check: command-table` on this page")
            return
        listed = {CODE.match(cells[0]).group(1) for _, cells in table.rows if CODE.match(cells[0])}
        for kind in sorted(listed - kinds):
            self.problem(table.where(), f"{kind} has no example below (5.4)")
        for kind in sorted(kinds - listed):
            self.problem(block.where(), f"{kind} is not in the table of commands")

    def events(self, block):
        old = set(block.marker.options.get("old", "").split(","))
        for offset, line in enumerate(block.lines):
            if not line.strip():
                continue
            where = block.where(offset)
            documented = parse_json(line, where, self.problems)
            if documented is None:
                continue
            kind = documented.get("kind")
            candidates = [m["event"] for m in self.observed.messages
                          if m.get("type") == "event" and m["event"].get("kind") == kind]
            if not candidates:
                if kind in old:
                    self.unchecked.append((where, f"{kind}: the server no longer makes it"))
                else:
                    self.problem(where, f"no tour made a {kind} event to compare with")
                continue
            self.best(documented, candidates, where, shape=True)
            self.checked += 1

    def message(self, block):
        documented = parse_json(block.text, block.where(), self.problems)
        if documented is None:
            return
        def alike(message):
            """Of the same type, and of the same event kind or error code."""
            if message.get("type") != documented.get("type"):
                return False
            if "event" in documented and message["event"].get("kind") != \
                    documented["event"].get("kind"):
                return False
            return "code" not in documented or message.get("code") == documented["code"]

        candidates = [m for m in self.observed.messages if alike(m)]
        if not candidates:
            self.problem(block.where(), "the run saw no message like this to compare with")
            return
        self.best(documented, candidates, block.where(), varying=("id", "seq"))
        self.checked += 1

    def state_item(self, block):
        documented = parse_json(block.text, block.where(), self.problems)
        if documented is None:
            return
        candidates = []
        for message in self.observed.messages:
            if message.get("type") == "snapshot":
                found = message["state"]
                for part in block.marker.options["path"].split("/"):
                    found = found.get(part, {}) if isinstance(found, dict) else {}
                candidates.extend(found if isinstance(found, list) else [])
        if "coach" in documented:
            candidates = [item for item in candidates if "coach" in item] or candidates
        if not candidates:
            self.problem(block.where(), "no snapshot of the run had such an item")
            return
        self.best(documented, candidates, block.where(), shape="shape" in block.marker.args)
        self.checked += 1

    def best(self, documented, candidates, where, shape=False, varying=()):
        """Passes when one candidate is the same; else reports the differences from the
        closest one."""
        trials = []
        for candidate in candidates:
            comparison = Comparison(Substitutions(), shape=shape, varying=varying)
            comparison.same(documented, candidate)
            if not comparison.problems:
                return
            trials.append(comparison.problems)
        for problem in min(trials, key=len):
            self.problem(where, problem)

    def refusals(self, table, codec_codes):
        listed = set()
        for line, cells in table.rows:
            found = CODE.match(cells[0])
            if not found:
                continue
            code = found.group(1)
            listed.add(code)
            heard = self.observed.refusals.get(code, {})
            for column, language in ((2, "nl"), (3, "en")):
                where = f"{table.page.name}:{line}"
                if not heard.get(language):
                    self.unchecked.append((where, f"{code} ({language}): not provoked"))
                elif cells[column] not in heard[language]:
                    self.problem(where, f"{code}: the server says "
                                 f"“{' / '.join(sorted(heard[language]))}” ({language})")
                else:
                    self.checked += 1
        for code in sorted(set(self.observed.refusals) - listed - codec_codes):
            self.problem(table.where(), f"the server refused with {code}, which is not listed")

    def codec_errors(self, table):
        """Each example message (after "with `lang=en`:" an English one) must be one that the
        server sent for its code, in that language; `<…>` stands for any words."""
        codes = set()
        sent = {"nl": {}, "en": {}}
        for language, messages in (("nl", self.observed.messages),
                                   ("en", self.observed.english)):
            for message in messages:
                if message.get("type") == "error":
                    sent[language].setdefault(message["code"], set()).add(message["message"])
        for line, cells in table.rows:
            found = CODE.match(cells[0])
            if not found:
                continue
            code = found.group(1)
            codes.add(code)
            where = f"{table.page.name}:{line}"
            for part in cells[2].split(" / "):
                language = "en" if "lang=en" in part else "nl"
                example = re.findall(r"`([^`]+)`", part)[-1]
                messages = sent[language].get(code, set())
                if language == "nl":
                    # Messages that are always English come on either connection.
                    messages = messages | sent["en"].get(code, set())
                if not messages:
                    self.unchecked.append((where, f"{code} ({language}): not provoked"))
                    continue
                pattern = re.sub(r"<[^>]+>", ".+", re.escape(example).replace(
                    r"\<", "<").replace(r"\>", ">"))
                if not any(re.fullmatch(pattern, message) for message in messages):
                    self.problem(where, f"{code}: no message of the server reads “{example}”; "
                                 "it said: " + " / ".join(f"“{m[:100]}”" for m in sorted(messages)))
                self.checked += 1
        return codes

    def http_errors(self, table):
        rows = []
        for line, cells in table.rows:
            status = cells[0].strip()
            rows.append((line, status, set(CODE.findall(cells[1]))))
        elsewhere = tuple(table.marker.options.get("not", "-").split(","))
        for (status, code), requests in sorted(self.observed.http_errors.items()):
            requests = [r for r in requests if not r.split(" ")[1].startswith(elsewhere)]
            if not requests:
                continue
            request = requests[0]
            if any(status == int(s) and code in codes for _, s, codes in rows):
                self.checked += 1
                continue
            listed = [s for _, s, codes in rows if code in codes]
            self.problem(table.where(), f"{request} answered {status} {code}, which this table "
                         + (f"lists as {', '.join(listed)}" if listed else "does not list"))
