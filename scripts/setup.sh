#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Installs every Debian package that building, testing and running Intervisie needs.
# Idempotent: when everything is present it only checks, and finishes in about a second.
# Works on a fresh Debian 12 as root, or through sudo for another user.
set -euo pipefail

# ---------------------------------------------------------------------------
# The packages. Add new ones here, one per line, with a short reason.
# ---------------------------------------------------------------------------
packages=(
  # Toolchain and build
  build-essential       # g++ 12, make
  cmake
  ninja-build
  pkg-config
  git
  clang-format          # make format / make format-check
  clang-tidy-16         # make tidy / make test (scripts/tidy.py; 16 reads our C++23 best)
  clang-16              # the fuzzers (tests/fuzz): libFuzzer is clang's; clang 14 lacks our C++23
  libclang-rt-16-dev    # libFuzzer and the sanitizers' runtimes for clang-16
  python3               # the build's layer check (scripts/check_layers.py), tidy, benchmarks
  ccache                # compiles each file once for all clones (cache in ~/.cache/ccache)
  # C++ libraries
  libboost1.81-dev      # Beast, Asio (src/server)
  libboost-json1.81-dev # JSON codec (src/server)
  libboost-url1.81-dev  # request targets and query strings (src/server)
  libtomlplusplus-dev   # method files in methods/*.toml
  libcli11-dev          # the intervisie command line (src/cli)
  libspdlog-dev         # logging
  libfmt-dev
  libsqlite3-dev        # default event store (src/store)
  libpq-dev             # PostgreSQL event store (src/store)
  libsodium-dev         # tokens, password hashing
  libical-dev           # meeting invitations (.ics)
  libqrencode-dev       # join-by-QR codes
  libhunspell-dev       # the wording coach's verb oracle (src/language)
  libicu-dev            # names compared by Unicode's rules (src/core/text/person_name)
  libjemalloc-dev       # the server's allocator: a live view is many small JSON nodes (bench/compare)
  hunspell-nl           # its Dutch dictionary
  # Tests and benchmarks
  postgresql-15         # a real server for the PostgreSQL store's tests (tests/support/postgres_server)
  libgtest-dev
  libgmock-dev
  googletest
  libbenchmark-dev
  # Web UI build and browser tests
  chromium
  # The cluster test: several nodes behind nginx, routed by session id (deploy/nginx/)
  nginx
  # The store tests of a read-only file system and a failed sync inject the errors with it
  # (tests/server/support/write_fault.hpp)
  strace
)

# Node.js and npm build web/. Many machines already have a Node.js from elsewhere
# (e.g. NodeSource, whose nodejs package bundles npm); only install Debian's when
# there is no node at all, so the two never fight.
if ! command -v node >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

say() { printf 'setup: %s\n' "$*"; }

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  say "all ${#packages[@]} packages present"
  exit 0
fi

as_root=()
if ((EUID != 0)); then
  if ! command -v sudo >/dev/null 2>&1; then
    say "missing ${missing[*]}, and not root and no sudo: install them as root" >&2
    exit 1
  fi
  as_root=(sudo)
fi

# apt prints a lot; keep it in a log and show it only when something goes wrong.
log=$(mktemp "${TMPDIR:-/tmp}/intervisie-setup.XXXXXX.log")
trap 'rm -f "$log"' EXIT
run_quietly() {
  if ! "$@" >>"$log" 2>&1; then
    say "failed: $*" >&2
    cat "$log" >&2
    exit 1
  fi
}

export DEBIAN_FRONTEND=noninteractive
apt_options=(-q -y -o DPkg::Lock::Timeout=600)

say "updating the package lists"
run_quietly "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" update

# Installing a service (nginx, PostgreSQL) must not start it: the tests start their own, on free
# ports, and a machine's port 80 is not ours to take. Debian asks /usr/sbin/policy-rc.d first;
# 101 means "not now". Only while we install, and only if the machine has no policy of its own.
policy=/usr/sbin/policy-rc.d
made_policy=0
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
  "${as_root[@]}" chmod 755 "$policy"
  made_policy=1
fi
trap 'rm -f "$log"; if ((made_policy)); then "${as_root[@]}" rm -f "$policy"; fi' EXIT

say "installing ${missing[*]}"
run_quietly "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get "${apt_options[@]}" install --no-install-recommends "${missing[@]}"

say "done"
