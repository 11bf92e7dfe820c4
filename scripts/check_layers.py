#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Checks who includes whom in src/ (docs/architecture.md, section 2); run by every build.

- A layer includes only the layers below it: core nothing else; language and store the core;
  server the core and the store's interfaces (store/*.hpp, not an adapter's folder or file);
  cli anything (it is the composition root).
- A header that says "Internal to" in its opening comment is included only from its own folder.
- Two habits of src/server/ that once went wrong (issue 15): a route never waits for another
  thread (`wait_for`/`wait_until`: it continues in a handler instead), and errors are chosen by
  their typed value, never by comparing a wire code with a string (`code == "..."`).
- The network threads never wait for the store: in src/server/http/ and src/server/live/ a call
  to a `..._blocking(` member (SessionRegistry::find_blocking, say) is a breach, unless its line
  says "// on a blocking thread" (a handler that posted itself there).
Prints each breach as file:line and exits 1; prints nothing when all is well.
"""
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(TOP, "src")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
SERVER_HABITS = (
    (re.compile(r"\.wait_(for|until)\s*\("),
     "the server does not wait for another thread; continue in the handler it posts back"),
    (re.compile(r'\bcode(\(\))?\s*[!=]=\s*"|"\s*[!=]=\s*[\w.]*code\b'),
     "errors are typed: compare the error's value, not its wire code"),
)
NETWORK_FOLDERS = ("server/http/", "server/live/")
BLOCKING_CALL = re.compile(r"\b\w+_blocking\s*\(")
BLOCKING_DEFINED = ("server/live/session_registry.",)

# The store's adapters: the server must receive them as ports, never name them.
STORE_ADAPTERS = ("store/sqlite/", "store/postgresql/", "store/sealed/", "store/sqlite_",
                  "store/postgresql_", "store/method_directory", "store/migrations",
                  "store/group_migrations")
ALLOWED = {
    "core": ("core/",),
    "language": ("core/", "language/"),
    "store": ("core/", "store/"),
    "server": ("core/", "store/", "server/"),
    "cli": ("core/", "store/", "server/", "language/", "cli/"),
    "coach_training": ("core/", "coach_training/"),
}


def opening_comment(path):
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("//"):
                break
            lines.append(line)
    return "".join(lines)


def main():
    internal = {}
    sources = []
    for root, _, files in os.walk(SRC):
        for name in files:
            if name.endswith((".cpp", ".hpp")):
                path = os.path.join(root, name)
                sources.append(path)
                if name.endswith(".hpp") and "Internal to" in opening_comment(path):
                    internal[os.path.relpath(path, SRC)] = os.path.dirname(path)
    breaches = []
    for path in sorted(sources):
        relative = os.path.relpath(path, SRC)
        layer = relative.split(os.sep)[0]
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                target = match.group(1)
                where = f"src/{relative}:{number}"
                if layer in ALLOWED and not target.startswith(ALLOWED[layer]):
                    breaches.append(f"{where}: the {layer} layer may not include {target}")
                elif layer == "server" and target.startswith(STORE_ADAPTERS):
                    breaches.append(f"{where}: the server receives the store's adapters as ports; "
                                    f"{target} is one (open it in src/cli)")
                elif target in internal and os.path.dirname(path) != internal[target]:
                    breaches.append(f"{where}: {target} is internal to its folder")
        if layer == "server":
            with open(path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    for pattern, why in SERVER_HABITS:
                        if pattern.search(line):
                            breaches.append(f"src/{relative}:{number}: {why}")
                    if (relative.startswith(NETWORK_FOLDERS) and
                            not relative.startswith(BLOCKING_DEFINED) and
                            BLOCKING_CALL.search(line) and "// on a blocking thread" not in line):
                        breaches.append(f"src/{relative}:{number}: a network thread never waits "
                                        "for the store; post to the blocking threads first")
    for breach in breaches:
        print(breach)
    sys.exit(1 if breaches else 0)


if __name__ == "__main__":
    main()
