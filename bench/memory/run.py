#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Memory over many meetings: does the server's memory stay flat while meetings come and go?

  bench/memory/run.py [--build build] [--meetings 10000] [--at-once 8] [--report-every 1000]

Starts `intervisie serve` on a store in /dev/shm (the figure is memory, not the disk), then
holds `--meetings` whole Balint meetings, `--at-once` of them side by side: each is created
over HTTP, two people join, the facilitator connects, and the meeting runs to its end
(presenter, start, the statement, then next_step until it is finished); then everyone leaves.
Every `--report-every` meetings it prints the server's RSS (VmRSS), its open descriptors and
how many sessions its last eviction report left in memory. With the server's eviction (a
finished session nobody uses leaves memory after --evict-finished-after, here 1 s) the RSS
levels off after the warm-up; without it (--no-eviction) it grows with every meeting.
Prints figures; it is not a pass/fail test.
"""
import argparse
import concurrent.futures
import os
import re
import sys
import threading
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(TOP, "tests", "docs"))
from doccheck import wire  # noqa: E402  (the docs checker's HTTP and WebSocket client)


class Meeting:
    """One Balint meeting from its creation to its end."""

    def __init__(self, port, number):
        self.port = port
        created = self.http("POST", "/api/sessions", {
            "method": "balint", "title": f"Intervisie {number}", "facilitator_name": "Fenna"})
        self.id = created["session_id"]
        for name in ("Pieter", "Anna"):
            self.http("POST", f"/api/sessions/{self.id}/participants",
                      {"join_token": created["join_token"], "name": name})
        self.live = wire.Live(port, f"/api/sessions/{self.id}/live?token={created['token']}",
                              name=f"meeting {number}")
        if self.live.status != 101:
            raise RuntimeError(f"meeting {number}: the upgrade answered {self.live.status}")
        self.live.next()  # the snapshot
        self.sent = 0

    def http(self, method, path, body):
        for _ in range(50):
            answer = wire.request(self.port, method, path, body)
            if answer.status not in (429, 503):
                break
            time.sleep(0.1)
        if answer.status != 201:
            raise RuntimeError(f"{method} {path} answered {answer.status}: {answer.body[:200]}")
        return answer.json

    def do(self, command):
        """Sends the command; True while the session has not finished."""
        self.sent += 1
        command_id = f"c{self.sent}"
        self.live.send({"type": "command", "id": command_id, "command": command})
        finished = False
        while True:
            message = self.live.next(timeout=30)
            if message.get("type") == "event" and message["event"]["kind"] == "session_finished":
                finished = True
            if message.get("type") in ("ack", "error") and message.get("id") == command_id:
                if message["type"] == "error" and message["code"] != "session_finished":
                    raise RuntimeError(f"{self.id}: {command} was refused: {message['code']}")
                return not finished and message["type"] == "ack"

    def hold(self):
        self.do({"kind": "assign_presenter", "participant": 2})
        self.do({"kind": "start"})
        self.do({"kind": "set_statement", "text": "Ik wil vaker nee zeggen tegen extra taken."})
        for _ in range(20):
            if not self.do({"kind": "next_step", "confirm": True}):
                break
        self.live.close()


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(re.search(r"VmRSS:\s+(\d+) kB", status.read()).group(1))


def descriptors(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def in_memory(log):
    found = re.findall(r"are in memory", "".join(log))
    last = None
    for line in reversed(log):
        match = re.search(r"(\d+) are in memory", line)
        if match:
            last = int(match.group(1))
            break
    return last if found else None


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(TOP, "build"))
    parser.add_argument("--meetings", type=int, default=10000)
    parser.add_argument("--at-once", type=int, default=8)
    parser.add_argument("--report-every", type=int, default=1000)
    parser.add_argument("--no-eviction", action="store_true",
                        help="keep every session in memory (a year), to compare")
    args = parser.parse_args()

    binary = os.path.join(args.build, "intervisie")
    evict = "31536000" if args.no_eviction else "1"
    shm = "/dev/shm" if os.path.isdir("/dev/shm") else None
    server = wire.Server(binary, os.path.join(TOP, "methods"),
                         extra=["--evict-finished-after", evict], data_parent=shm,
                         sessions_per_minute=1000000)
    pid = server.process.pid
    print(f"server pid {pid}, store in {server.data}; {args.meetings} meetings, "
          f"{args.at_once} at once, eviction {'off' if args.no_eviction else 'after 1 s'}")
    print(f"{'meetings':>9} {'RSS MiB':>8} {'fds':>5} {'in memory':>10} {'meetings/s':>11}")
    done = 0
    lock = threading.Lock()
    started = time.monotonic()
    first_rss = None

    def one(number):
        nonlocal done
        Meeting(server.port, number).hold()
        with lock:
            done += 1
            return done

    try:
        with concurrent.futures.ThreadPoolExecutor(args.at_once) as pool:
            for count in pool.map(one, range(1, args.meetings + 1)):
                if count % args.report_every == 0 or count == args.meetings:
                    time.sleep(2.5)  # a sweep or two: what is unused leaves
                    rss = rss_kib(pid) / 1024
                    first_rss = first_rss or rss
                    remembered = in_memory(server.log)
                    print(f"{count:>9} {rss:>8.1f} {descriptors(pid):>5} "
                          f"{'-' if remembered is None else remembered:>10} "
                          f"{count / (time.monotonic() - started):>11.1f}", flush=True)
    finally:
        code = server.stop()
    print(f"the server ended with {code}")


if __name__ == "__main__":
    main()
