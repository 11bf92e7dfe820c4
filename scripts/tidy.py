#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""clang-tidy over src/ with the checks in .clang-tidy; exits 1 when any check finds something.

  scripts/tidy.py [--build build] [--jobs N] [--all] [PATH_PREFIX ...]

Reads the build's compile_commands.json (a unity build's batch files stand for their sources)
and, for each file, the project headers it includes (ninja's record of the last build). A file whose source, project headers, .clang-tidy and
clang-tidy version are exactly those of a passed check is not checked again: the hashes of
passed checks are kept in .clang-tidy-passed, which is committed. So CI checks what changed, and
`make tidy` (--all) checks everything and rewrites the list. A full check takes ~9 minutes on
2 cores: clang-tidy spends ~13 s on each file that includes Boost.Beast.

Two adjustments make Debian 12's clang-tidy (16) read what g++ 12 compiles: `-std=c++2b` (clang
16 does not know `-std=c++23`), and `__cpp_concepts=202002L`, without which libstdc++ 12 hides
`std::expected` from clang. GCC's precompiled headers are left out: clang cannot read them.
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSED = os.path.join(TOP, ".clang-tidy-passed")
EXTRA = ["--extra-arg=-std=c++2b", "--extra-arg=-Wno-macro-redefined",
         "--extra-arg=-D__cpp_concepts=202002L"]


def without_pch(arguments):
    out, skip = [], False
    for arg in arguments:
        if skip:
            skip = False
        elif arg == "-include":
            skip = True
        elif arg != "-Winvalid-pch":
            out.append(arg)
    return out


def output_of(arguments):
    return arguments[arguments.index("-o") + 1] if "-o" in arguments else None


def project_headers(build, output):
    """The project's headers that the object was compiled from, as ninja recorded them."""
    result = subprocess.run(["ninja", "-C", build, "-t", "deps", output],
                            capture_output=True, text=True)
    headers = set()
    for line in result.stdout.splitlines()[1:]:
        if not line.strip():
            continue
        path = os.path.normpath(os.path.join(build, line.strip()))
        # Generated files (in the build tree) follow from the sources they are made of.
        if path.startswith(TOP + os.sep) and not path.startswith(build + os.sep) \
                and os.path.isfile(path):
            headers.add(path)
    return sorted(headers) if result.returncode == 0 and headers else None


def sources_of(entry):
    """The files an entry compiles: itself, or the sources of a unity build's batch file."""
    name = os.path.basename(entry["file"])
    if not (name.startswith("unity_") and os.sep + "Unity" + os.sep in entry["file"]):
        return [entry["file"]]
    with open(entry["file"]) as f:
        return [line.split('"')[1] for line in f if line.startswith('#include "')]


def for_source(arguments, batch, source):
    """The batch's command, compiling one of its sources instead (clang-tidy reads each alone)."""
    return [source if arg == batch else arg for arg in arguments]


def fingerprint(source, headers, salt):
    digest = hashlib.sha256(salt)
    for path in [source] + headers:
        digest.update(os.path.relpath(path, TOP).encode() + b"\0")
        with open(path, "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--build", default=os.path.join(TOP, "build"))
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    p.add_argument("--tidy", default=shutil.which("clang-tidy-16") or "clang-tidy")
    p.add_argument("--all", action="store_true",
                   help="check every file and rewrite .clang-tidy-passed")
    p.add_argument("prefixes", nargs="*", default=["src/"])
    args = p.parse_args()
    build = os.path.abspath(args.build)

    database = os.path.join(build, "compile_commands.json")
    if not os.path.exists(database):
        sys.exit(f"tidy: {database} is missing: build first (make build-product)")
    version = subprocess.run([args.tidy, "--version"], capture_output=True, text=True).stdout
    with open(os.path.join(TOP, ".clang-tidy"), "rb") as f:
        salt = f.read() + version.encode() + " ".join(EXTRA).encode()

    entries = []
    seen = set()
    for entry in json.load(open(database)):
        arguments = entry.get("arguments") or shlex.split(entry["command"])
        output = output_of(arguments)
        # A unity build's batch: its headers are those of all its sources (a superset for each).
        headers = None
        for source in sources_of(entry):
            relative = os.path.relpath(source, TOP)
            # A file compiled into two targets (the coach's trainer) is checked once.
            if relative in seen or not any(relative.startswith(p) for p in args.prefixes):
                continue
            seen.add(relative)
            if headers is None and output:
                headers = project_headers(build, output)
            entries.append({"directory": entry["directory"], "file": source,
                            "arguments": without_pch(for_source(arguments, entry["file"], source)),
                            # No record of the headers (not built yet): always checked.
                            "fingerprint": fingerprint(source, headers, salt)
                            if headers is not None else None})
    if not entries:
        sys.exit("tidy: no files to check")

    # The list as it was: path -> fingerprint of what passed.
    keep = {}
    if os.path.exists(PASSED):
        with open(PASSED) as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    fp, path = line.split(maxsplit=1)
                    keep[path.strip()] = fp
    passed = set() if args.all else set(keep.values())
    todo = [e for e in entries if e["fingerprint"] is None or e["fingerprint"] not in passed]

    started = time.time()
    findings = []
    newly_passed = []
    seconds = {}
    with tempfile.TemporaryDirectory(prefix="intervisie-tidy-") as scratch:
        with open(os.path.join(scratch, "compile_commands.json"), "w") as out:
            json.dump([{k: e[k] for k in ("directory", "file", "arguments")} for e in todo], out)

        def check(entry):
            began = time.time()
            result = subprocess.run([args.tidy, "-p", scratch, "--quiet", *EXTRA, entry["file"]],
                                    capture_output=True, text=True, cwd=TOP)
            seconds[entry["file"]] = time.time() - began
            return entry, result.returncode, result.stdout + result.stderr

        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            for entry, code, output in pool.map(check, sorted(todo, key=lambda e: e["file"])):
                if code != 0 or "warning:" in output or "error:" in output:
                    findings.append(entry)
                    sys.stdout.write(f"== {os.path.relpath(entry['file'], TOP)}\n{output}\n")
                elif entry["fingerprint"]:
                    newly_passed.append(entry)

    # The list: what passed before (still there, not checked again), and what passed now.
    for entry in findings:
        keep.pop(os.path.relpath(entry["file"], TOP), None)
    for entry in newly_passed:
        keep[os.path.relpath(entry["file"], TOP)] = entry["fingerprint"]
    with open(PASSED, "w") as f:
        f.write("# Files that passed scripts/tidy.py: sha256 of the file, its project headers,\n"
                "# .clang-tidy and the clang-tidy version. `make tidy` checks all and rewrites it.\n")
        for path in sorted(keep):
            if os.path.exists(os.path.join(TOP, path)):
                f.write(f"{keep[path]} {path}\n")

    slowest = sorted(seconds.items(), key=lambda item: -item[1])[:3]
    if slowest:
        print("tidy: slowest " + ", ".join(f"{os.path.relpath(f, TOP)} {s:.0f} s"
                                          for f, s in slowest))
    print(f"tidy: {len(entries)} files, {len(todo)} checked ({len(entries) - len(todo)} unchanged "
          f"since they passed), {len(findings)} with findings, {time.time() - started:.0f} s")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
