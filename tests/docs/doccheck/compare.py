# SPDX-License-Identifier: EUPL-1.2
"""How a documented JSON value is held against what the server sent.

- Objects have the same keys, unless the documented one has a key "…" (then it lists some).
- Lists have the same items in order; a last item "…" means "and perhaps more"; a list whose
  only item is a text with "…" in it stands for any list.
- A text with "…" in it stands for any text; "a|b|c" (names joined by |) for one of them.
- Times (`at`, `…_at`, `kept_until`, `date`, `left_ms`, `preparation_left_ms`) vary: only their
  type is compared. So do secrets and ids (`session_id`, `token`, `join_code`, …): the first time
  a documented one is met, the real one it stands for is learnt, and from then on the
  documented value is replaced by the real one wherever it appears (in texts, paths, requests).
- In `shape` mode only keys and types count (a documented `null` stands for any value), and each
  documented list item must have the shape of at least one real item.
"""
import json
import re

ELLIPSIS = "…"
TIME_KEYS = {"at", "kept_until", "date", "left_ms", "preparation_left_ms"}
SECRET_KEYS = {"session_id", "token", "join_token", "beamer_token", "join_code", "csrf_token",
               "invitation_id", "meeting_id", "calendar_feed_url"}
TOKEN = re.compile(r"\b(\d+)\.[A-Za-z0-9_-]{43}\b")
SESSION_IN_PATH = re.compile(r"/api/sessions/([A-Za-z0-9_-]{22})\b")
JOIN_TOKEN = re.compile(r'"join_token":\s*"([A-Za-z0-9_-]{43})"')
JOIN_CODE = re.compile(r'"code":\s*"(\d{3} ?\d{3})"')
ALTERNATIVES = re.compile(r"^[a-z_]+(\|[a-z_]+)+$")


def is_time_key(key):
    return key in TIME_KEYS or key.endswith("_at")


def kind_of(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    return "object"


def brief(value, limit=120):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + "…"


class Substitutions:
    """Documented secrets and ids, and the real values they stand for."""

    def __init__(self, context=None):
        self.pairs = {}
        self.context = context  # what an unknown session id or token stands for

    def learn(self, documented, real):
        if isinstance(documented, str) and isinstance(real, str) and documented != real:
            self.pairs[documented] = real
            if documented.isdigit() and len(documented) == 6:  # a join code, as people type it
                self.pairs[f"{documented[:3]} {documented[3:]}"] = f"{real[:3]} {real[3:]}"

    def learn_from_context(self, text):
        """Session ids in paths and participants' tokens that the docs use before any response
        named them stand for the current scene's."""
        if self.context is None:
            return
        for found in SESSION_IN_PATH.finditer(text):
            if found.group(1) not in self.pairs and self.context.session_id:
                self.learn(found.group(1), self.context.session_id)
        for found in JOIN_TOKEN.finditer(text):
            if found.group(1) not in self.pairs:
                self.learn(found.group(1), self.context.join_token)
        for found in JOIN_CODE.finditer(text):
            if found.group(1).replace(" ", "") not in self.pairs:
                self.learn(found.group(1).replace(" ", ""), self.context.join_code)
        for found in TOKEN.finditer(text):
            if found.group(0) not in self.pairs:
                real = self.context.tokens.get(int(found.group(1)))
                if real:
                    self.learn(found.group(0), real)

    def apply(self, text):
        for documented in sorted(self.pairs, key=len, reverse=True):
            text = text.replace(documented, self.pairs[documented])
        return text


class Comparison:
    def __init__(self, substitutions, shape=False, varying=()):
        self.substitutions = substitutions
        self.shape = shape
        self.varying = set(varying)  # more keys whose values vary (`seq`, `id` of a message)
        self.problems = []

    def problem(self, where, text):
        self.problems.append(f"{where or 'the value'}: {text}")

    def same(self, documented, real, where=""):
        """Compares; records what differs; returns whether all was the same."""
        before = len(self.problems)
        self._value(documented, real, where, key=None)
        return len(self.problems) == before

    def _value(self, documented, real, where, key):
        if isinstance(documented, str) and ELLIPSIS in documented and isinstance(real, str):
            return
        if key is not None and (is_time_key(key) or key in self.varying):
            if kind_of(documented) != kind_of(real) and documented is not None:
                self.problem(where, f"documented a {kind_of(documented)}, "
                             f"the server sent {brief(real)}")
            return
        if key in SECRET_KEYS or (key == "id" and isinstance(documented, str)):
            if isinstance(documented, str) and isinstance(real, str):
                if documented not in self.substitutions.pairs and documented != real:
                    self.substitutions.learn(documented, real)
                    return
        if self.shape and documented is None:
            return
        if kind_of(documented) != kind_of(real):
            self.problem(where, f"documented {brief(documented)}, the server sent {brief(real)}")
            return
        if isinstance(documented, dict):
            self._object(documented, real, where)
        elif isinstance(documented, list):
            self._list(documented, real, where)
        elif self.shape:
            return
        elif isinstance(documented, str):
            expected = self.substitutions.apply(documented)
            if ALTERNATIVES.match(documented) and real in documented.split("|"):
                return
            if expected != real:
                self.problem(where, f"documented {brief(documented)}, "
                             f"the server sent {brief(real)}")
        elif documented != real:
            self.problem(where, f"documented {brief(documented)}, the server sent {brief(real)}")

    def _object(self, documented, real, where):
        some = ELLIPSIS in documented
        for key, value in documented.items():
            if key == ELLIPSIS:
                continue
            if key not in real:
                self.problem(where, f'documented "{key}", which the server did not send')
                continue
            self._value(value, real[key], f"{where}.{key}" if where else key, key)
        if not some:
            extra = [key for key in real if key not in documented]
            if extra:
                self.problem(where, "the server also sent " + ", ".join(f'"{k}"' for k in extra)
                             + ", which the example lacks")

    def _list(self, documented, real, where):
        if len(documented) == 1 and isinstance(documented[0], str) and ELLIPSIS in documented[0]:
            return
        open_ended = bool(documented) and documented[-1] == ELLIPSIS
        items = documented[:-1] if open_ended else documented
        if self.shape:
            if items and not real:
                self.problem(where, "the server sent an empty list, so the documented items "
                             "could not be checked")
                return
            for index, item in enumerate(items):
                if not any(self._fits(item, candidate) for candidate in real):
                    trial = Comparison(self.substitutions, shape=True, varying=self.varying)
                    trial._value(item, real[0], f"{where}[{index}]", None)
                    self.problems.extend(trial.problems)
            return
        if len(real) < len(items) or (not open_ended and len(real) != len(items)):
            self.problem(where, f"documented {len(items)} items, the server sent {len(real)}: "
                         f"{brief(real)}")
            return
        for index, item in enumerate(items):
            self._value(item, real[index], f"{where}[{index}]", None)

    def _fits(self, documented, real):
        trial = Comparison(self.substitutions, shape=True, varying=self.varying)
        trial._value(documented, real, "", None)
        return not trial.problems
