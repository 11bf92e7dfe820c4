#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Runs the fuzzers of tests/fuzz (README.md) one after another and prints what each reached.

  tests/fuzz/run.py --build build-fuzz --smoke            # make test: seconds each
  tests/fuzz/run.py --build build-fuzz --seconds 600      # make fuzz: FUZZ_SECONDS each
  tests/fuzz/run.py --build build-fuzz --seconds 60 fuzz_coach fuzz_url_target

Each fuzzer first replays its regression inputs (tests/fuzz/regressions/<fuzzer>/: every input
that once broke it), then fuzzes from its seeds (tests/fuzz/corpus/<fuzzer>/) with its
dictionary (tests/fuzz/dict/<fuzzer>.dict). What a long run learns goes to
<build>/corpus/<fuzzer>/, never into the committed seeds, and the next long run starts from it. An input
that breaks a fuzzer is kept as <build>/artifacts/<fuzzer>-crash-…; commit it under
regressions/ with the fix. Exits 1 when any fuzzer found something.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FUZZERS = ["fuzz_live_message", "fuzz_request_bodies", "fuzz_session_events",
           "fuzz_group_events", "fuzz_method_toml", "fuzz_url_target", "fuzz_coach",
           "fuzz_calendar_text", "fuzz_http_head", "fuzz_sealed"]
# The smoke: every fuzzer a few seconds from its seeds, so the whole stays under two minutes.
SMOKE_SECONDS = 8
SMOKE_RUNS = 200000
ENV = dict(os.environ,
           ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:allocator_may_return_null=1",
           UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")


def files_in(folder):
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, name) for name in os.listdir(folder)
                  if not name.startswith(".") and os.path.isfile(os.path.join(folder, name)))


def replay(binary, fuzzer):
    """Runs each regression input once; they must all pass now."""
    inputs = files_in(os.path.join(HERE, "regressions", fuzzer))
    if not inputs:
        return True, 0
    result = subprocess.run([binary] + inputs, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stdout.write(result.stderr[-6000:])
    return result.returncode == 0, len(inputs)


def fuzz(binary, fuzzer, build, seconds, runs):
    # The smoke starts from the seeds alone each time, so it takes as long on a clone that fuzzed
    # for days as on a fresh one; a long run builds on what the runs before it learnt.
    learnt = os.path.join(build, "smoke-corpus" if runs else "corpus", fuzzer)
    if runs:
        shutil.rmtree(learnt, ignore_errors=True)
    artifacts = os.path.join(build, "artifacts")
    os.makedirs(learnt, exist_ok=True)
    os.makedirs(artifacts, exist_ok=True)
    command = [binary, learnt, os.path.join(HERE, "corpus", fuzzer),
               f"-dict={os.path.join(HERE, 'dict', fuzzer + '.dict')}",
               f"-max_total_time={seconds}", f"-artifact_prefix={artifacts}/{fuzzer}-",
               "-print_final_stats=1", "-max_len=16384", "-timeout=10", "-rss_limit_mb=2048"]
    if runs:
        command.append(f"-runs={runs}")
    result = subprocess.run(command, env=ENV, capture_output=True, text=True)
    log = result.stderr
    with open(os.path.join(build, f"{fuzzer}.log"), "w") as f:
        f.write(log)
    done = re.findall(r"#(\d+)\s+DONE\s+cov: (\d+) ft: (\d+) corp: (\d+)", log)
    execs = re.search(r"stat::number_of_executed_units: (\d+)", log)
    figures = {"execs": int(execs.group(1)) if execs else 0,
               "cov": int(done[-1][1]) if done else None,
               "ft": int(done[-1][2]) if done else None,
               "corpus": int(done[-1][3]) if done else None}
    if result.returncode != 0:
        tail = log[log.find("==ERROR") if "==ERROR" in log else max(0, len(log) - 6000):]
        sys.stdout.write(tail[:6000] + "\n")
    return result.returncode == 0, figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build-fuzz")
    parser.add_argument("--seconds", type=int, default=60, help="time per fuzzer")
    parser.add_argument("--smoke", action="store_true",
                        help=f"{SMOKE_SECONDS} s or {SMOKE_RUNS} runs each, whichever ends first")
    parser.add_argument("fuzzers", nargs="*", default=FUZZERS)
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    seconds, runs = (SMOKE_SECONDS, SMOKE_RUNS) if args.smoke else (args.seconds, 0)

    failed = []
    print(f"{'fuzzer':<22} {'regressions':>11} {'seconds':>7} {'execs':>11} {'cov':>6} "
          f"{'ft':>7} {'corpus':>6}", flush=True)
    for fuzzer in args.fuzzers:
        binary = os.path.join(build, "tests", "fuzz", fuzzer)
        if not os.path.isfile(binary):
            print(f"{fuzzer}: not built ({binary}); run `make build-fuzz`")
            failed.append(fuzzer)
            continue
        start = time.monotonic()
        replayed, count = replay(binary, fuzzer)
        passed, figures = fuzz(binary, fuzzer, build, seconds, runs) if replayed else (False, {})
        took = time.monotonic() - start
        print(f"{fuzzer:<22} {count:>11} {took:>7.0f} {figures.get('execs', 0):>11} "
              f"{figures.get('cov') or '-':>6} {figures.get('ft') or '-':>7} "
              f"{figures.get('corpus') or '-':>6}{'' if passed else '  FAILED'}", flush=True)
        if not passed:
            failed.append(fuzzer)
    if failed:
        print(f"fuzz: {', '.join(failed)} found something; the input is in {build}/artifacts/")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
