#!/usr/bin/env python3
"""Every source file of ours starts with its licence: `SPDX-License-Identifier: EUPL-1.2`.

  scripts/spdx.py          # check: names each file without it, exits 1
  scripts/spdx.py --fix    # adds the line where it is missing (after a #! line)

Source files are the tracked C++, TypeScript/JavaScript, CSS, Python, shell and CMake files
and Makefiles; data (methods, test corpora, docs) is not source.
"""
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IDENTIFIER = "SPDX-License-Identifier: EUPL-1.2"
SLASHES = (".cpp", ".hpp", ".ts", ".tsx", ".js", ".mjs")
HASHES = (".py", ".sh", ".cmake")
HASH_NAMES = ("CMakeLists.txt", "Makefile", "run")


def comment_for(path):
    name = os.path.basename(path)
    if name.endswith(SLASHES):
        return f"// {IDENTIFIER}\n"
    if name.endswith(".css"):
        return f"/* {IDENTIFIER} */\n"
    if name.endswith(HASHES) or name in HASH_NAMES:
        return f"# {IDENTIFIER}\n"
    return None


def main():
    fix = "--fix" in sys.argv[1:]
    files = subprocess.run(["git", "ls-files", "-z"], cwd=TOP, capture_output=True, text=True,
                           check=True).stdout.split("\0")
    missing = []
    for relative in files:
        if not relative or "node_modules/" in relative or relative.startswith("tests/data/"):
            continue
        comment = comment_for(relative)
        path = os.path.join(TOP, relative)
        if comment is None or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if IDENTIFIER in "".join(text.splitlines(True)[:2]):
            continue
        if not fix:
            missing.append(relative)
            continue
        if text.startswith("#!"):
            first, _, rest = text.partition("\n")
            text = first + "\n" + comment + rest
        else:
            text = comment + text
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    for relative in missing:
        print(f"{relative}: no '{IDENTIFIER}' in its first two lines (scripts/spdx.py --fix)")
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
