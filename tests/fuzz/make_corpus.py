#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Writes the fuzzers' seed corpora (tests/fuzz/corpus/<fuzzer>/) from the real examples: the
JSON of docs/protocol.md and docs/api.md, the method files in methods/, the JSON strings of the
codec tests in tests/server/ and the coach's labelled questions.

  tests/fuzz/make_corpus.py [--methods-json FILE]

FILE is `intervisie methods --json` (GET /api/methods): with it, the stored session_created
events embed the real methods, as the store keeps them. Without it, the corpus of
fuzz_session_events keeps what it has. Files are named by their content's hash, so running
this again adds only what is new; delete a folder to start it afresh.
"""
import argparse
import base64
import hashlib
import json
import os
import re

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(TOP, "tests", "fuzz", "corpus")


def read(path):
    with open(os.path.join(TOP, path), encoding="utf-8") as f:
        return f.read()


def write(fuzzer, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = os.path.join(CORPUS, fuzzer)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def fenced_blocks(markdown):
    """(the check comment before it, the block's text) for every fenced block."""
    for match in re.finditer(r"(<!--[^>]*-->)?\s*```[a-z]*\n(.*?)```", markdown, re.S):
        yield (match.group(1) or ""), match.group(2)


def json_lines(text):
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            yield line


def test_strings(path):
    """The raw strings R"(...)" of a test file, adjacent ones joined."""
    text = read(path)
    for match in re.finditer(r'((?:R"\((?:.*?)\)"\s*)+)', text, re.S):
        yield "".join(re.findall(r'R"\((.*?)\)"', match.group(1), re.S))


def decoder_strings(path):
    """(decoder, body) for each `name_from_json(R"(...)"` in a test file."""
    text = read(path)
    for match in re.finditer(r'(\w+_from_json)\(\s*((?:R"\((?:.*?)\)"\s*)+)', text, re.S):
        yield match.group(1), "".join(re.findall(r'R"\((.*?)\)"', match.group(2), re.S))


# The order of fuzz_request_bodies.cpp's routes.
ROUTES = ["new_group_from_json", "retention_from_json", "invitation_days_from_json",
          "acceptance_from_json", "new_meeting_from_json", "cancellation_from_json",
          "proposal_from_json", "answers_from_json", "choice_from_json",
          "facilitator_from_json", "follow_up_from_json", "new_case_from_json",
          "no_fields_from_json", "new_session_from_json", "join_from_json",
          "join_token_from_json", "coach_request_from_json", "new_account_from_json",
          "login_from_json", "logout_everywhere_from_json", "account_deletion_from_json",
          "calendar_feed", "return_from_json", "join_code_from_json"]
PATHS = [(r"^/api/groups$", "new_group_from_json"), (r"/retention$", "retention_from_json"),
         (r"^/api/groups/[^/]+/invitations$", "invitation_days_from_json"),
         (r"/accept$", "acceptance_from_json"), (r"^/api/groups/[^/]+/meetings$", "new_meeting_from_json"),
         (r"/cancel$", "cancellation_from_json"), (r"/proposals$", "proposal_from_json"),
         (r"/answers$", "answers_from_json"), (r"/choice$", "choice_from_json"),
         (r"/facilitator$", "facilitator_from_json"), (r"/follow-ups$", "follow_up_from_json"),
         (r"^/api/meetings/[^/]+/cases$", "new_case_from_json"),
         (r"^/api/sessions$", "new_session_from_json"), (r"/participants$", "join_from_json"),
         (r"/invitation$", "join_token_from_json"), (r"^/api/coach$", "coach_request_from_json"),
         (r"^/api/accounts$", "new_account_from_json"), (r"^/api/login$", "login_from_json"),
         (r"^/api/logout$", "logout_everywhere_from_json"), (r"^/api/me$", "account_deletion_from_json"),
         (r"^/api/me/calendar-feed$", "calendar_feed"), (r"/returns$", "return_from_json"),
         (r"^/api/join-codes$", "join_code_from_json")]


def route_of(path):
    path = path.split("?")[0]
    for pattern, route in PATHS:
        if re.search(pattern, path):
            return route
    return None


def body_seed(route, body):
    write("fuzz_request_bodies", bytes([ROUTES.index(route)]) + body.encode("utf-8"))


def request_bodies(docs):
    for markdown in docs:
        # "METHOD /path" then the body on the next line (transcripts and http blocks)
        for match in re.finditer(r"^(POST|DELETE|PUT) (/\S+)[^\n]*\n(\{[^\n]*)", markdown, re.M):
            if route := route_of(match.group(2)):
                body_seed(route, match.group(3))
        for comment, block in fenced_blocks(markdown):
            found = re.search(r"check: (?:request|lines) (?:POST|DELETE) (\S+)", comment)
            if found and (route := route_of(found.group(1))):
                for line in block.splitlines():
                    body = line.split("→")[0].strip()
                    if body.startswith("{"):
                        body_seed(route, body)
    for example in re.findall(r"`(\{[^`]*\})`", docs[1]):
        for route in ROUTES:
            body_seed(route, example)
    for test in ["tests/server/codec_group_request_test.cpp",
                 "tests/server/codec_session_request_test.cpp",
                 "tests/server/codec_account_request_test.cpp"]:
        for decoder, body in decoder_strings(test):
            if decoder in ROUTES:
                body_seed(decoder, body)


def live_messages(protocol):
    commands = [line for line in json_lines(protocol) if '"type":"command"' in line]
    for line in commands:
        write("fuzz_live_message", line)
    write("fuzz_live_message", "\n".join(commands))  # the whole story, one after another
    for text in test_strings("tests/server/codec_envelope_test.cpp"):
        write("fuzz_live_message", text)
    for text in test_strings("tests/server/codec_command_test.cpp"):
        if text.startswith("{"):
            write("fuzz_live_message", '{"type":"command","id":"c1","command":' + text + "}")


def session_events(protocol, methods_json):
    events = []
    for comment, block in fenced_blocks(protocol):
        if "check: events" in comment:
            events += list(json_lines(block))
    events += [m for m in re.findall(r'"event":(\{"kind"[^\n]*\})\}$', protocol, re.M)]
    if methods_json:
        methods = {m["id"]: m for m in json.loads(methods_json)["methods"]}
        fixed = []
        for line in events:
            event = json.loads(line)
            if event.get("kind") == "session_created":
                event["method"] = methods[event["method"]["id"]]
            fixed.append(json.dumps(event, ensure_ascii=False, separators=(",", ":")))
        events = fixed
    for line in events:
        write("fuzz_session_events", line)
    write("fuzz_session_events", "\n".join(events))
    # The worked example of 9 as one whole history: its events by seq, after the four that
    # the transcript does not show (the session and its three people).
    if methods_json:
        shown = {}
        for seq, event in re.findall(r'"type":"event","seq":(\d+),"event":(\{.*?\})\}\s*$',
                                     protocol, re.M):
            shown.setdefault(int(seq), event)
        created = {"kind": "session_created", "at": 1773306000000, "actor": None,
                   "method": methods["incident"], "title": "Intervisie maart",
                   "facilitator_takes_turns": True}
        history = [json.dumps(created, ensure_ascii=False, separators=(",", ":"))]
        for number, name in [(1, "Fenna"), (2, "Pieter"), (3, "Anna")]:
            history.append(json.dumps({"kind": "participant_joined", "at": 1773306000000 + number,
                                       "actor": number, "participant": number, "name": name},
                                      separators=(",", ":")))
        history += [shown[seq] for seq in sorted(shown)]
        write("fuzz_session_events", "\n".join(history))
    for text in test_strings("tests/server/codec_event_test.cpp"):
        if text.startswith("{"):
            write("fuzz_session_events", text)


def group_events():
    lines = [t for t in test_strings("tests/server/codec_group_event_test.cpp") if t.startswith("{")]
    for line in lines:
        write("fuzz_group_events", line)
    write("fuzz_group_events", "\n".join(lines))
    # One group's year in brief, every kind once, as group_event_to_json writes them.
    t = 1767261600000
    day = 86400000
    story = [
        {"kind": "group_created", "at": t, "actor": "account-anna", "name": "Dinsdaggroep",
         "own_rules": ["We beginnen op tijd."]},
        {"kind": "member_joined", "at": t, "actor": "account-anna", "member": "account-anna",
         "display_name": "Anna", "invitation": None, "rules_accepted_at": t},
        {"kind": "invitation_created", "at": t + 1, "actor": "account-anna", "invitation": "i-1",
         "expires_at": t + 7 * day},
        {"kind": "member_joined", "at": t + 2, "actor": "account-bram", "member": "account-bram",
         "display_name": "Bram", "invitation": "i-1", "rules_accepted_at": t + 2},
        {"kind": "invitation_created", "at": t + 3, "actor": "account-anna", "invitation": "i-2",
         "expires_at": t + 7 * day},
        {"kind": "invitation_revoked", "at": t + 4, "actor": "account-anna", "invitation": "i-2"},
        {"kind": "meeting_scheduled", "at": t + 5, "actor": "account-anna", "meeting": "m-1",
         "starts_at": t + 14 * day, "minutes": 120, "place": "Lokaal 12",
         "video_link": "https://meet.example/abc"},
        {"kind": "signed_up", "at": t + 6, "actor": "account-bram", "meeting": "m-1"},
        {"kind": "cancelled", "at": t + 7, "actor": "account-bram", "meeting": "m-1",
         "reason": "Ziek."},
        {"kind": "cancellation_withdrawn", "at": t + 8, "actor": "account-bram", "meeting": "m-1"},
        {"kind": "new_date_needed", "at": t + 9, "actor": "account-anna", "meeting": "m-1",
         "rescheduler": "account-anna"},
        {"kind": "rescheduler_changed", "at": t + 10, "actor": "account-anna", "meeting": "m-1",
         "rescheduler": "account-bram"},
        {"kind": "dates_proposed", "at": t + 11, "actor": "account-bram", "meeting": "m-1",
         "dates": [t + 15 * day, t + 16 * day]},
        {"kind": "dates_answered", "at": t + 12, "actor": "account-anna", "meeting": "m-1",
         "suits": [False, True]},
        {"kind": "meeting_moved", "at": t + 13, "actor": "account-bram", "meeting": "m-1",
         "starts_at": t + 16 * day, "signed_up": ["account-anna"]},
        {"kind": "facilitator_set", "at": t + 14, "actor": "account-anna", "meeting": "m-1",
         "member": "account-bram"},
        {"kind": "case_started", "at": t + 16 * day, "actor": "account-bram", "meeting": "m-1",
         "session": "s-1", "method": "incident", "facilitator": "account-bram"},
        {"kind": "presenter_recorded", "at": t + 16 * day + 1, "actor": "account-bram",
         "session": "s-1", "presenter": "account-anna"},
        {"kind": "follow_up_recorded", "at": t + 17 * day, "actor": "account-anna",
         "session": "s-1", "note": "Eén keer nee gezegd."},
        {"kind": "retention_set", "at": t + 18 * day, "actor": "account-anna", "days": 90},
        {"kind": "meeting_scheduled", "at": t + 19 * day, "actor": "account-anna",
         "meeting": "m-2", "starts_at": t + 30 * day, "minutes": 90, "place": "Lokaal 12",
         "video_link": ""},
        {"kind": "new_date_needed", "at": t + 19 * day + 1, "actor": "account-anna",
         "meeting": "m-2", "rescheduler": "account-anna"},
        {"kind": "reschedule_dropped", "at": t + 19 * day + 2, "actor": "account-anna",
         "meeting": "m-2"},
        {"kind": "meeting_called_off", "at": t + 19 * day + 3, "actor": "account-anna",
         "meeting": "m-2"},
        {"kind": "member_left", "at": t + 20 * day, "actor": "account-bram",
         "member": "account-bram", "meetings_left": []},
    ]
    written = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in story]
    for line in written:
        write("fuzz_group_events", line)
    write("fuzz_group_events", "\n".join(written))


def methods():
    for name in sorted(os.listdir(os.path.join(TOP, "methods"))):
        if name.endswith(".toml"):
            write("fuzz_method_toml", read(os.path.join("methods", name)))


def url_targets(docs):
    for markdown in docs:
        for target in re.findall(r"^(?:GET|POST|DELETE|PUT|HEAD) (/\S*)", markdown, re.M):
            write("fuzz_url_target", target)
        for target in re.findall(r"`((?:GET|POST|DELETE) )?(/api/[^`\s]*)`", markdown):
            write("fuzz_url_target", target[1])
    for target in ["/api/sessions/NPN4lXUd6uzaHs516MLuJg/live?token=1.aH0G9&since=12&lang=en"
                   "&stream=patches", "/api/qr.svg?text=https%3A%2F%2Fexample.nl%2Fjoin%2Fabc",
                   "/api/calendar/account-anna/k3Fz.ics", "/join/abc#def", "/%2e%2e/etc/passwd",
                   "/api/groups/g-1/cases/c%2F2/report?lang=en"]:
        write("fuzz_url_target", target)
    # The live query's refusals and repeats, the QR code's limits, and the web app's files
    # beside what fuzz_url_target's web directory must never serve (a dot-file, links out).
    for target in ["/api/sessions/s/live?since=-1", "/api/sessions/s/live?since=1e3&stream=x",
                   "/api/sessions/s/live?stream=events&stream=snapshots&since=0&since=18446744073709551615",
                   "/api/sessions/s/live?token=a%26b%3Dc&lang=nl&lang=en&token",
                   "/api/sessions/s/report?lang=en&lang=nl", "/api/qr.svg", "/api/qr.svg?text=",
                   "/api/qr.svg?text=" + "7" * 1024, "/api/qr.svg?text=" + "%C3%AB" * 300,
                   "/", "/index.html", "/assets/app-1a2b.js", "/join/page.txt", "/favicon.ico",
                   "/.env", "/.git/config", "/link.txt", "/up/secret.txt", "/up/web/index.html",
                   "/%2e%2e/secret.txt", "/assets/../.env", "//index.html", "/join/abc/",
                   "/assets/app-1a2b.js.gz", "/a%2Fb.txt"]:
        write("fuzz_url_target", target)


def coach(protocol):
    for comment, block in fenced_blocks(protocol):
        if "/api/coach" in comment:
            for line in block.splitlines():
                body = line.split("→")[0].strip()
                if body.startswith("{"):
                    request = json.loads(body)
                    kind = ["statement", "question", "advice"].index(request["kind"])
                    closed_ok = 4 if request.get("open_questions") is False else 0
                    write("fuzz_coach", bytes([kind | closed_ok]) + request["text"].encode())
    kinds = {"statement": 0, "question": 1, "advice": 2}
    rows = read("tests/data/coach/questions.tsv").splitlines()
    for row in rows[1::40]:  # a spread of the labelled corpus, not all of it
        fields = row.split("\t")
        text = max(fields, key=len)
        write("fuzz_coach", bytes([kinds["question"]]) + text.encode())
        write("fuzz_coach", bytes([kinds["advice"]]) + text.encode())
    for statement in ["Ik wil vaker nee zeggen zonder me schuldig te voelen.",
                      "Ik zeg te vaak ja tegen extra werk.", "Hij luistert nooit naar mij.",
                      "Ik liep gisteren vast in het gesprek."]:
        write("fuzz_coach", bytes([kinds["statement"]]) + statement.encode())


def calendar():
    for parts in [["Dinsdaggroep", "Intervisie\r\nmet de incidentmethode", "Lokaal 12",
                   "https://meet.example/abc"],
                  ["  Groep;met,tekens\\  ", "Regel 1\rRegel 2\n\tingesprongen", "", ""],
                  ["Afgelast: ziek\x07", "", "Zaal \x1b[31m3", "https://meet.example/a b"],
                  ["Ω≈ç√ — één ü", "x" * 200, "", "http://x\r\n/y"]]:
        write("fuzz_calendar_text", "\0".join(parts))


def http_heads(docs):
    for markdown in docs:
        for comment, block in fenced_blocks(markdown):
            if "check: http" in comment:
                request = block.split("\n```")[0]
                head, _, body = request.partition("\n{")
                lines = head.strip("\n").split("\n")
                if not re.match(r"^[A-Z]+ /", lines[0]):
                    continue
                body = ("{" + body).strip() if body else ""
                text = "\r\n".join(lines + ["Host: localhost"] +
                                   ([f"Content-Length: {len(body.encode())}"] if body else []))
                write("fuzz_http_head", text + "\r\n\r\n" + body)
    write("fuzz_http_head", "POST /api/coach HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
          "\r\n5\r\n{\"a\":\r\n2\r\n1}\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
    write("fuzz_http_head", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked, identity\r\n"
          "Content-Length: 3\r\n\r\nabc")
    write("fuzz_http_head", "GET /api/sessions/x/live?token=1.a HTTP/1.1\r\nHost: a\r\n"
          "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZQ==\r\n"
          "Sec-WebSocket-Version: 13\r\nOrigin: http://a\r\n\r\n")
    # The headers the server reads itself: the login cookie, the bearer token, the Origin, and
    # a proxy's X-Real-IP.
    for headers in ["Cookie: theme=dark; intervisie_login=tok3n; lang=nl\r\nCookie: intervisie_login=",
                    "Cookie: intervisie_login = x;intervisie_login=;  intervisie_login=y  ",
                    "Authorization: Bearer 1.aH0G9\r\nAuthorization: Basic YTpi",
                    "Authorization: bearer x", "Origin: https://intervisie.example.nl",
                    "Origin: http://127.0.0.1:8080", "Origin: http://[::1]:8080\r\nHost: [::1]:8080",
                    "Origin: null", "Origin: https://a\r\nHost: a",
                    "X-Real-IP: 192.0.2.1", "X-Real-IP: ::ffff:10.0.0.1", "X-Real-IP: 10.0.0.1, 1.2.3.4",
                    "X-Real-IP: fe80::1%eth0", "X-Real-IP: 999.1.1.1\r\nX-Real-IP: 1.1.1.1"]:
        write("fuzz_http_head", "GET /api/me HTTP/1.1\r\nHost: a\r\n" + headers + "\r\n\r\n")


def sealed():
    """Key files, sealed texts and wrapped keys (fuzz_sealed: the first byte picks which). Without
    a key, no sealed text here opens: the fuzzer seals and opens its own to reach that path."""
    key = base64.urlsafe_b64encode(bytes(range(32))).decode().rstrip("=")
    for text in [f"intervisie-master-key-v1 {key}\n", f"intervisie-master-key-v1 {key}\r\n\n",
                 f"intervisie-master-key-v1 {key[:-1]}", f"intervisie-master-key-v1 {key}=",
                 f"intervisie-master-key-v1  {key}", f"intervisie-master-key-v2 {key}", key, ""]:
        write("fuzz_sealed", b"\x00" + text.encode())
    box = base64.urlsafe_b64encode(bytes(range(24)) + b"plain" + bytes(16)).decode().rstrip("=")
    for text in [f"s1.{box}", "s1.", "s1.====", "s1.AAAA", '{"kind":"question_asked"}',
                 "s1." + "A" * 54]:
        write("fuzz_sealed", b"\x01" + text.encode())
    for text in [f"@:s1.{box}", "@:", "@", "0123456789abcdef:s1." + box, "nocolon", "@:s1.",
                 "@:" + "x" * 40]:
        write("fuzz_sealed", b"\x02" + text.encode())
    write("fuzz_sealed", b"\x02" + bytes(range(40)))


def literals(*paths):
    """The snake_case string literals of source files: the wire names they read and write."""
    words = set()
    for path in paths:
        full = os.path.join(TOP, path)
        files = [os.path.join(full, f) for f in os.listdir(full)] if os.path.isdir(full) else [full]
        for name in files:
            if name.endswith((".cpp", ".hpp", ".json")):
                with open(name, encoding="utf-8") as f:
                    words |= set(re.findall(r'"([a-z][a-z0-9_-]{1,40})"', f.read()))
    return words


def dictionary(fuzzer, entries):
    folder = os.path.join(TOP, "tests", "fuzz", "dict")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, fuzzer + ".dict"), "w", encoding="utf-8") as f:
        f.write(f"# Written by tests/fuzz/make_corpus.py: the words of {fuzzer}'s input.\n")
        for entry in sorted(set(entries)):
            data = entry.encode("utf-8")
            escaped = "".join(chr(b) if 32 <= b < 127 and chr(b) not in '"\\' else f"\\x{b:02X}"
                              for b in data)
            f.write(f'"{escaped}"\n')


def dictionaries():
    json_syntax = ['{"', '":', ',"', '"}', "null", "true", "false", "[]", "{}", "[", "]", "-1",
                   "0", "4294967296", "1767261600000", "\\u0000", "\\ud800", "1e400"]
    codec = literals("src/server/codec", "src/core/session", "src/core/method/method.cpp")
    groups = literals("src/server/codec/group_request_json.cpp",
                      "src/server/codec/group_event_json.cpp", "src/core/group",
                      "src/server/codec/session_request_json.cpp",
                      "src/server/codec/account_request_json.cpp",
                      "src/server/codec/return_request_json.cpp",
                      "src/server/codec/join_code_json.cpp")

    def quoted(words):
        return [f'"{w}"' for w in words]

    dictionary("fuzz_live_message", quoted(codec) + json_syntax + ['"type":"command"', '"command":'])
    dictionary("fuzz_session_events", quoted(codec) + json_syntax + ["\n"])
    dictionary("fuzz_group_events", quoted(groups) + json_syntax + ["\n", '"account-anna"'])
    dictionary("fuzz_request_bodies", quoted(groups) + json_syntax + ["@", "https://"])
    toml = literals("src/core/method/method_parser.cpp", "src/core/method/method.cpp")
    dictionary("fuzz_method_toml", list(toml) + [f"{w} = " for w in toml] +
               ["[[steps]]", "[steps.branches]", "{ nl = ", ", en = ", " }", '"""', "'''", "\n",
                " = [", "]", "true", "false", "1979-05-27T07:32:00Z", "inf", "nan", "0x10", "#"])
    dictionary("fuzz_url_target", ["/api/", "sessions", "groups", "meetings", "invitations",
                                   "calendar", "cases", "live", "report", "participants", "accept",
                                   "?token=", "&since=", "&lang=en", "&stream=", "events",
                                   "snapshots", "patches", "text=", "%2F", "%00", "%", "+", "..",
                                   "qr.svg", "index.html", "assets/", ".js", ".env", "link.txt",
                                   "up/", "secret.txt", "%2e%2e", "lang=",
                                   "//", ";", "#", "?", "&", "="])
    dictionary("fuzz_http_head", ["GET ", "POST ", "DELETE ", "HEAD ", "OPTIONS ",
                                  " HTTP/1.1\r\n", " HTTP/1.0\r\n", "\r\n", "\r\n\r\n", "Host: ",
                                  "Content-Length: ", "Transfer-Encoding: ", "chunked", "gzip",
                                  "identity", ", ", "Connection: ", "keep-alive", "close",
                                  "Upgrade: websocket", "Expect: 100-continue", "0\r\n\r\n",
                                  "Cookie: ", "Origin: ", "X-Real-IP: ", ";ext=1", "\t",
                                  "intervisie_login=", "; ", "Authorization: Bearer ",
                                  "https://intervisie.example.nl", "http://localhost:8080",
                                  "http://127.0.0.1:8080", "http://[::1]:8080", "https://",
                                  "http://", "10.0.0.2", "::1", "192.0.2.7", "%"])
    dictionary("fuzz_coach", ["ik ", "je ", "jij ", "u ", "hij ", "zij ", "we ", "wat ", "hoe ",
                              "waarom ", "wanneer ", "welke ", "wie ", "zou ", "moet ", "kun ",
                              "kan ", "heb ", "ben ", "is ", "als ", "misschien ", "eens ",
                              "niet ", "geen ", "?", ".", "!", ", ", "\u2019", "\u00eb",
                              "ik zou ", "heb je al ", "wat als ", "mijn advies is ", "probeer ",
                              "had ", "was ", "werkte ", "liep "])
    dictionary("fuzz_sealed", ["intervisie-master-key-v1 ", "\n", "\r\n", "s1.", "@:", ":", "=",
                               "-", "_", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"])
    dictionary("fuzz_calendar_text", ["\r\n", "\r", "\n", "\t", " ", "\x00", ";", ",", "\\", ":",
                                      "https://", "\x7f", "\u00e9", "\u2014"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods-json", help="`intervisie methods --json`")
    args = parser.parse_args()
    methods_json = read(os.path.abspath(args.methods_json)) if args.methods_json else None
    protocol, api = read("docs/protocol.md"), read("docs/api.md")
    docs = [protocol, api, read("docs/groups.md")]
    request_bodies(docs)
    live_messages(protocol)
    session_events(protocol, methods_json)
    group_events()
    methods()
    url_targets(docs)
    coach(protocol)
    calendar()
    http_heads(docs)
    sealed()
    dictionaries()
    for fuzzer in sorted(os.listdir(CORPUS)):
        print(f"{fuzzer}: {len(os.listdir(os.path.join(CORPUS, fuzzer)))} seeds")


if __name__ == "__main__":
    main()
