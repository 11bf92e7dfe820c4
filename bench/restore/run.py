#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Cold start and restore: how long `intervisie serve` takes to answer /healthz on an empty data
directory and on one with years of meetings (10,000 finished, 100 unfinished by default), and
how long restoring the unfinished ones takes (the server logs it). Prints figures; never fails
on a number. See bench/restore/README.md."""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "compare"))
from compare import free_port, wait_healthy  # noqa: E402  (one place for both benchmarks)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def cold_start(server, data_dir):
    """Milliseconds from exec to the first 200 of /healthz, the restore as logged, and the RSS
    two seconds later."""
    port = free_port()
    log = tempfile.TemporaryFile(mode="w+")
    started = time.monotonic()
    process = subprocess.Popen(
        [server, "serve", "--host", "127.0.0.1", "--port", str(port), "--data", data_dir],
        stdout=subprocess.DEVNULL, stderr=log)
    try:
        wait_healthy(port, process, "intervisie", poll=0.002)
        ready_ms = (time.monotonic() - started) * 1000
        time.sleep(2)  # settled: the login decoy's password hash (64 MiB) is made and freed
        rss = rss_kib(process.pid)
    finally:
        process.terminate()
        process.wait()
    log.seek(0)
    found = re.search(r"restored (\d+) unfinished sessions in (\d+) ms", log.read())
    restored = (int(found.group(1)), int(found.group(2))) if found else (None, None)
    return ready_ms, restored, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default="build", help="the build directory")
    parser.add_argument("--finished", type=int, default=10_000)
    parser.add_argument("--unfinished", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3, help="starts per data directory")
    args = parser.parse_args()
    server = os.path.join(args.build, "intervisie")
    fill = os.path.join(args.build, "intervisie_fill_store")
    for program in (server, fill):
        if not os.access(program, os.X_OK):
            sys.exit(f"{program} is missing: build first (make build)")

    root = tempfile.mkdtemp(prefix="intervisie-restore-")
    try:
        empty = os.path.join(root, "empty")
        full = os.path.join(root, "full")
        os.makedirs(empty, mode=0o700)
        subprocess.run([fill, "--data", full, "--finished", str(args.finished),
                        "--unfinished", str(args.unfinished)], check=True)
        size = sum(os.path.getsize(os.path.join(full, name)) for name in os.listdir(full))
        print(f"data directory: {size / 2**20:.1f} MiB")
        print(f"{'data directory':<44} {'to /healthz':>12} {'restore':>18} {'RSS after 2 s':>14}")
        for label, data_dir in (("empty", empty),
                                (f"{args.finished:,} finished, {args.unfinished} unfinished", full)):
            for run in range(args.runs):
                ready_ms, (count, restore_ms), rss = cold_start(server, data_dir)
                restore = f"{count} in {restore_ms} ms" if count is not None else "?"
                print(f"{label + f' (run {run + 1})':<44} {ready_ms:>9.0f} ms {restore:>18} "
                      f"{rss / 1024:>10.1f} MiB")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
