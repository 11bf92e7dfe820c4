#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""bench/compare: Intervisie beside two bare room-broadcast servers, one driver, one run.

  bench/compare/compare.py [--meetings 300] [--paces 10,83] [--duration 10] [--warmup 3]
                           [--sustain] [--servers intervisie,intervisie-events,node,beast]

Servers: `intervisie` is the web app's stream (stream=patches), `intervisie-events` the event
stream, `intervisie-snapshots` the snapshot stream (what the web app used before patches),
`node` and `beast` the two bare peers, `beast-durable` the Beast peer that also commits each
message to SQLite on disk (WAL, synchronous = FULL) before it sends it: the floor of a durable
broadcast (one commit per message, no validation, no views).

Every server gets the same load from build/intervisie_load: --meetings meetings of 8
WebSockets, one command per meeting every 10 s / pace, and the same latency: from a command's
send until all 8 members have what it caused (Intervisie: the patch or event; the peers: the
command echoed to the room). Each run starts its server afresh. Printed per server and pace:
deliveries/s (messages the clients received), p50/p99, server CPU µs per delivery (from /proc,
as the load tool reads it), RSS per idle connection. With --sustain it then raises the pace of
each server until p99 passes 20 ms and prints the highest deliveries/s that kept p99 <= 20 ms.

The peers (bench/compare/README.md): Node.js `ws` (node-peer/peer.mjs, `npm ci` is run when
needed) and Boost.Beast on one thread (build/intervisie_beast_peer). They do no validation
and no storage. Intervisie runs with its SQLite store on disk (fsync on), as `make run` does.
"""
import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(port, proc, what, poll=0.05):
    """Returns once /healthz answers 200; `poll`: seconds between tries."""
    deadline = time.time() + 30
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit(f"compare: {what} stopped at once (exit {proc.returncode})")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(poll)
    sys.exit(f"compare: {what} did not answer /healthz within 30 s")


class Server:
    """One server under test, started afresh for every run."""

    def __init__(self, name, build):
        self.name = name
        self.build = build
        self.proc = None
        self.data = None

    def start(self):
        self.port = free_port()
        if self.name.startswith("intervisie"):
            self.data = tempfile.mkdtemp(prefix="intervisie-compare-")
            cmd = [os.path.join(self.build, "intervisie"), "serve", "--host", "127.0.0.1",
                   "--port", str(self.port), "--data", self.data,
                   "--sessions-per-minute", "1000000",
                   # Thousands of clients, all from this machine's address.
                   "--connections-per-address", "0"]
        elif self.name == "node":
            cmd = ["node", os.path.join(HERE, "node-peer", "peer.mjs"), str(self.port)]
        elif self.name == "beast-durable":
            self.data = tempfile.mkdtemp(prefix="intervisie-compare-peer-")
            cmd = [os.path.join(self.build, "intervisie_beast_peer"), str(self.port),
                   "--durable", self.data]
        else:
            cmd = [os.path.join(self.build, "intervisie_beast_peer"), str(self.port)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_healthy(self.port, self.proc, self.name)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.data:
            shutil.rmtree(self.data, ignore_errors=True)
            self.data = None

    def load_args(self):
        if self.name == "intervisie":
            return ["--stream", "patches"]
        if self.name == "intervisie-events":
            return ["--stream", "events"]
        if self.name == "intervisie-snapshots":
            return ["--stream", "snapshots"]
        return ["--rooms"]


def number(pattern, text, default=None):
    m = re.search(pattern, text)
    return float(m.group(1)) if m else default


def run_load(server, args, pace):
    server.start()
    try:
        cmd = [os.path.join(args.build, "intervisie_load"), "--port", str(server.port),
               "--server-pid", str(server.proc.pid), "--meetings", str(args.meetings),
               "--pace", str(pace), "--duration", str(args.duration),
               "--warmup", str(args.warmup), "--settle", str(args.settle)] + server.load_args()
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout).stdout
    finally:
        server.stop()
    deliveries = number(r"messages\s+\d+ \S+ received by the clients \(([\d.]+)/s\)", out, 0.0)
    cpu = number(r"CPU\s+server (\d+)% of one core", out)
    row = {
        "server": server.name,
        "pace": pace,
        "commands": number(r"([\d.]+) acked/s", out, 0.0),
        "deliveries": deliveries,
        "p50": number(r"sent -> all 8 have the event: p50 ([\d.]+) ms", out),
        "p99": number(r"sent -> all 8 have the event: p50 [\d.]+ ms\s+p99 ([\d.]+) ms", out),
        "cpu_us": (cpu / 100.0 * 1e6 / deliveries) if cpu is not None and deliveries else None,
        "rss": number(r"per client\s+([\d.]+) KiB per idle connection", out),
        "rss_alone": number(r"; ([\d.]+) KiB for the connection alone", out),
        "timed_out": number(r"(\d+) timed out", out, 0.0),
    }
    if row["p50"] is None:
        sys.stderr.write(f"compare: {server.name} at pace {pace} printed no latency:\n{out}\n")
    return row


def fmt(value, digits=1):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def print_table(rows, out=sys.stdout):
    out.write("| server | pace | commands/s | deliveries/s | p50 ms | p99 ms | server CPU µs per "
              "delivery | RSS per idle connection (alone) |\n")
    out.write("|---|---|---|---|---|---|---|---|\n")
    for r in rows:
        out.write(f"| {r['server']} | {fmt(r['pace'], 0)} | {fmt(r['commands'], 0)} | "
                  f"{fmt(r['deliveries'], 0)} | {fmt(r['p50'], 2)} | {fmt(r['p99'], 2)} | "
                  f"{fmt(r['cpu_us'])} | {fmt(r['rss'])} KiB ({fmt(r['rss_alone'])}) |\n")
    # The ratios that matter, per pace: Intervisie's CPU per delivery over the Node peer's.
    for pace in sorted({r["pace"] for r in rows}):
        node = next((r for r in rows if r["pace"] == pace and r["server"] == "node"), None)
        if not node or not node["cpu_us"]:
            continue
        for r in rows:
            if r["pace"] == pace and r["server"] != "node" and r["cpu_us"]:
                out.write(f"pace {pace:g}: {r['server']} CPU per delivery = "
                          f"{r['cpu_us'] / node['cpu_us']:.2f} x node\n")
    out.flush()


def sustain(server, args):
    """The highest deliveries/s with p99 <= 20 ms, raising the pace by half each time."""
    best = None
    pace = args.sustain_from
    while pace <= args.sustain_to:
        row = run_load(server, args, pace)
        ok = row["p99"] is not None and row["p99"] <= 20.0 and not row["timed_out"]
        sys.stderr.write(f"  {server.name} pace {pace:g}: {fmt(row['deliveries'], 0)}/s, "
                         f"p99 {fmt(row['p99'], 2)} ms{'' if ok else ' (over)'}\n")
        if not ok:
            break
        best = row
        pace *= 1.5
    return best


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--build", default=os.path.join(TOP, "build"))
    p.add_argument("--meetings", type=int, default=300)
    p.add_argument("--paces", default="10,83", help="multiples of human pace, comma-separated")
    p.add_argument("--duration", type=float, default=10)
    p.add_argument("--warmup", type=float, default=3)
    p.add_argument("--settle", type=float, default=2)
    p.add_argument("--timeout", type=float, default=600)
    p.add_argument("--servers", default="intervisie,intervisie-events,node,beast")
    p.add_argument("--sustain", action="store_true")
    p.add_argument("--sustain-from", type=float, default=40)
    p.add_argument("--sustain-to", type=float, default=2000)
    args = p.parse_args()

    for binary in ("intervisie", "intervisie_load", "intervisie_beast_peer"):
        if not os.access(os.path.join(args.build, binary), os.X_OK):
            sys.exit(f"compare: {args.build}/{binary} is missing: build it first (make build)")
    servers = [Server(name, args.build) for name in args.servers.split(",")]
    if any(s.name == "node" for s in servers) and not os.path.isdir(
            os.path.join(HERE, "node-peer", "node_modules", "ws")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=os.path.join(HERE, "node-peer"),
                       check=True, stdout=subprocess.DEVNULL)

    rows = []
    for pace in [float(x) for x in args.paces.split(",")]:
        for server in servers:
            sys.stderr.write(f"compare: {server.name} at pace {pace:g} ({args.meetings} meetings)\n")
            rows.append(run_load(server, args, pace))
    print(f"{args.meetings} meetings x 8 connections, {args.duration:g} s measured after "
          f"{args.warmup:g} s of warm-up, on {os.cpu_count()} cores")
    print_table(rows)
    if args.sustain:
        print("\nsustained with p99 <= 20 ms (pace raised by half until p99 passed 20 ms):")
        for server in servers:
            best = sustain(server, args)
            print(f"  {server.name}: " + (f"{fmt(best['deliveries'], 0)} deliveries/s at pace "
                                          f"{best['pace']:g}, p99 {fmt(best['p99'], 2)} ms, "
                                          f"{fmt(best['cpu_us'])} µs CPU per delivery"
                                          if best else "p99 over 20 ms already at the lowest pace"))


if __name__ == "__main__":
    main()
