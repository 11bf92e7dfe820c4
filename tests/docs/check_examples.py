#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Runs the examples of docs/protocol.md and docs/api.md against a real `intervisie serve`, so
that the docs cannot drift from the server again. Each mismatch is printed with the doc's
file:line; the exit code is 1 when there is one.

    tests/docs/check_examples.py --server build/intervisie [--verbose]

How an example is marked (a `<!-- check: … -->` comment right before its block or table) is in
CONTRIBUTING.md, "Examples in the docs"; the kinds are in the modules of doccheck/.
"""
import argparse
import os
import sys
import time

sys.dont_write_bytecode = True  # run from the source tree by CTest: leave it as it is
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from doccheck import advice, claims, http_examples, seen, statuses, tours  # noqa: E402
from doccheck.markdown import Block, Page  # noqa: E402
from doccheck.session import FAILURES, Observed, Run  # noqa: E402
from doccheck.transcript import Probe, Transcript  # noqa: E402
from doccheck.wire import Server  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGES = ["docs/protocol.md", "docs/api.md"]
KINDS = http_examples.HTTP_KINDS | {
    "transcript", "snapshot", "patch", "commands", "command-table", "events", "message",
    "state-item", "statuses", "advice",
    "refusals", "codec-errors", "http-errors"}


def unmarked(page, problems):
    """Every fenced block is an example that is checked, or says why it is not."""
    for item in page.items:
        if isinstance(item, Block) and item.marker is None and not item.used:
            problems.append((item.where(), "a block without `<!-- check: … -->` or "
                             "`<!-- not checked: why -->` before it"))
        elif item.marker and item.marker.checked and item.marker.kind not in KINDS:
            problems.append((item.where(), f"unknown kind of check: {item.marker.kind}"))
    for marker in page.stray:
        problems.append((f"{page.name}:{marker.line}", "a marker must stand right before its "
                         "block or table"))


def run_tours(run, problems):
    for tour in tours.TOURS:
        try:
            session = tour(run)
        except FAILURES as error:
            where = getattr(error, "where", None) or "tests/docs/doccheck/tours.py"
            problems.append((where, f"{tour.__name__}: {error}"))
            run.observed.tour_stopped = True
            continue
        if tour is tours.incident:
            run.scenes["tour"] = session


def check_page(run, page, problems, counts, unchecked):
    items = [item for item in page.items if item.marker and item.marker.checked]
    probes = [Probe(item) for item in items if item.marker.kind in ("snapshot", "patch")]
    transcript = Transcript(run, page, problems, probes)
    for item in items:
        if item.marker.kind == "transcript":
            transcript.block(item)
    if probes:
        transcript.compare_probes()
    transcript.close()
    examples = http_examples.PageExamples(run, page, problems)
    examples.run_all()
    table_checks = statuses.Statuses(run, problems, unchecked)
    given = 0
    for item in items:
        if item.marker.kind == "statuses":
            table_checks.table(item)
        elif item.marker.kind == "advice":
            given += advice.check(run, item, problems)
    said = claims.check(run, page, problems) if page.name == "docs/protocol.md" else 0
    counts[page.name] = (transcript.checked + examples.checked + table_checks.checked + given
                         + said)


def check_seen(run, page, problems, counts, unchecked):
    watcher = seen.Seen(run.observed, problems)
    items = [item for item in page.items if item.marker and item.marker.checked]
    table = next((item for item in items if item.marker.kind == "command-table"), None)
    codec_codes = set()
    for item in items:
        if item.marker.kind == "codec-errors":
            codec_codes |= watcher.codec_errors(item)
    for item in items:
        kind = item.marker.kind
        if kind == "commands":
            watcher.commands(item, table)
        elif kind == "events":
            watcher.events(item)
        elif kind == "message":
            watcher.message(item)
        elif kind == "state-item":
            watcher.state_item(item)
        elif kind == "refusals":
            watcher.refusals(item, codec_codes)
        elif kind == "http-errors":
            watcher.http_errors(item)
    counts[page.name] += watcher.checked
    unchecked.extend(watcher.unchecked)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", required=True, help="the intervisie binary")
    parser.add_argument("--methods", default=os.path.join(TOP, "methods"))
    parser.add_argument("--top", default=TOP, help="the checkout whose docs are checked")
    parser.add_argument("--verbose", action="store_true", help="also list what is not checked")
    args = parser.parse_args()

    started = time.monotonic()
    pages = [Page(os.path.join(args.top, name), name) for name in PAGES]
    problems = []
    commands = seen.documented_commands(pages, problems)
    server = Server(args.server, args.methods)
    counts, unchecked = {}, []
    try:
        run = Run(server, Observed(), commands)
        run_tours(run, problems)
        for page in pages:
            check_page(run, page, problems, counts, unchecked)
        # Last: the checks of what the server said, now that everything has been said.
        for page in pages:
            check_seen(run, page, problems, counts, unchecked)
    finally:
        code = server.stop()
    if code != 0:
        problems.append((args.server, f"the server exited with {code}; the end of its output:\n"
                         + "".join(server.log[-30:])))
    for page in pages:
        unmarked(page, problems)

    def order(problem):
        name, _, line = problem[0].rpartition(":")
        return (name, int(line) if line.isdigit() else 0)

    for where, text in sorted(problems, key=order):
        print(f"{where}: {text}")
    if args.verbose:
        for where, text in sorted(unchecked, key=order):
            print(f"{where}: not checked: {text}")
    summary = ", ".join(f"{name}: {count} examples" for name, count in counts.items())
    print(f"check_examples: {summary}; {len(problems)} mismatches "
          f"({time.monotonic() - started:.1f} s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
