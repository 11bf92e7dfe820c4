# SPDX-License-Identifier: EUPL-1.2
# Intervisie: every day-to-day command. `make run` and `make test` work on a fresh Debian 12.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# Targets run one after another; ninja and ctest do the parallel work inside each.
.NOTPARALLEL:

BUILD_DIR ?= build
ASAN_DIR ?= build-asan
FUZZ_DIR ?= build-fuzz
# libFuzzer comes with clang; Debian 12's clang 14 is too old for our C++23 (scripts/setup.sh).
FUZZ_CXX ?= clang++-16
# `make fuzz`: seconds per fuzzer, and which (all by default; tests/fuzz/README.md).
FUZZ_SECONDS ?= 60
FUZZERS ?=
# One job per core: a C++23 translation unit with Boost fits easily in memory (24 GiB).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
RUN_ARGS ?= serve --port 8080 --data data

# ccache (scripts/setup.sh installs it) keeps what was compiled in ~/.cache/ccache, outside the
# clone: a fresh clone, a second build tree or CI's next run compiles only what changed. Paths
# under the clone count relative to it, so two clones share the cache. The sloppiness lets it
# cache files built with precompiled headers.
CCACHE := $(shell command -v ccache 2>/dev/null)
ifneq ($(CCACHE),)
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_SLOPPINESS := pch_defines,time_macros,include_file_mtime,include_file_ctime
export CCACHE_MAXSIZE ?= 6G
CCACHE_LAUNCHER := -DCMAKE_CXX_COMPILER_LAUNCHER=$(CCACHE)
endif
CMAKE_CONFIGURE := cmake -G Ninja $(CCACHE_LAUNCHER)
CTEST_FLAGS := --output-on-failure --no-tests=error -j $(JOBS)
ASAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# Every C++ file of ours that clang-format looks after, NUL-separated for xargs.
FIND_FORMAT_FILES := { find src tests bench -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0 2>/dev/null || true; }

.PHONY: all setup build build-product build-asan build-fuzz fuzz fuzz-smoke web test check test-web \
  web-tests run bench chaos soak format format-check tidy clean

all: build

setup:
	bash scripts/setup.sh

# -g1: line tables only. Enough for stack traces and profiles, and a quarter less compile time
# than full debug info on the Beast-heavy files.
RELEASE_CONFIGURE := $(CMAKE_CONFIGURE) -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"

# Everything: the server, its tools and benchmarks, and the tests (for `make check`).
build:
	$(RELEASE_CONFIGURE) -DINTERVISIE_TESTS=ON
	cmake --build $(BUILD_DIR) --parallel $(JOBS)

# The server, its tools and benchmarks, without the tests: what `make run` serves and the
# browser tests drive. `make test` builds and runs the C++ tests once, under ASan + UBSan.
build-product:
	$(RELEASE_CONFIGURE) -DINTERVISIE_TESTS=OFF
	cmake --build $(BUILD_DIR) --parallel $(JOBS)

# Debug with -Og: half the compile time of -O1 under the sanitizers (Beast's templates: 37 s
# against 76 s for websocket_session.cpp; the whole build 539 s against ~720 s), for a quarter
# more test time (118 s against 93 s, the same load). -g1 still gives precise stack traces.
build-asan:
	$(CMAKE_CONFIGURE) -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_FLAGS_DEBUG="-g1 -Og" \
	  -DINTERVISIE_SANITIZE=ON -DINTERVISIE_BENCHMARKS=OFF
	cmake --build $(ASAN_DIR) --parallel $(JOBS)

# The fuzzers of tests/fuzz (libFuzzer, ASan + UBSan) in a clang build tree of their own, with
# only the sources they need: the core and the server's parsers of untrusted bytes.
build-fuzz:
	$(CMAKE_CONFIGURE) -S . -B $(FUZZ_DIR) -DCMAKE_CXX_COMPILER=$(FUZZ_CXX) \
	  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1" -DINTERVISIE_FUZZ=ON \
	  -DINTERVISIE_TESTS=OFF -DINTERVISIE_BENCHMARKS=OFF
	cmake --build $(FUZZ_DIR) --target fuzzers --parallel $(JOBS)

# Each fuzzer FUZZ_SECONDS long, building on what earlier runs learnt ($(FUZZ_DIR)/corpus/).
fuzz: build-fuzz
	python3 tests/fuzz/run.py --build $(FUZZ_DIR) --seconds $(FUZZ_SECONDS) $(FUZZERS)

# What `make test` runs: every regression input, then each fuzzer a few seconds from its seeds.
fuzz-smoke: build-fuzz
	python3 tests/fuzz/run.py --build $(FUZZ_DIR) --smoke

# The web app: npm packages exactly as locked (only when the lock changed), the linter (oxlint,
# with import/no-cycle) and Prettier's check, then a typechecked build that prints its size and
# fails over budget. Text files get a .gz twin: the server sends it to browsers that accept gzip.
web:
	@if [ ! -f web/node_modules/.package-lock.json ] || \
	    [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then \
	  cd web && npm ci --no-audit --no-fund; \
	fi
	cd web && npm run lint
	cd web && npm run build
	find web/dist -type f \( -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' \) \
	  -exec gzip -kf9 {} +

# The web app's unit tests (vitest), then the browser tests, which drive the real server binary
# in Debian's Chromium against the build that `make web` just made (`npm run e2e` would build it
# once more). `make test` points E2E_SERVER at the ASan + UBSan binary: one build instead of two,
# and a server that ends with a memory error or a leak fails its scenario.
E2E_SERVER ?= $(BUILD_DIR)/intervisie
test-web: web build-product web-tests

web-tests:
	cd web && npm test
	cd web && $(ASAN_ENV) INTERVISIE_BINARY=$(abspath $(E2E_SERVER)) \
	  INTERVISIE_METHODS_DIR=$(CURDIR)/methods node e2e/run.mjs

# Every suite always runs; the target fails if any failed. The time of each phase is printed at
# the end, so a slow phase shows itself. Everything is built once, with ASan + UBSan: the C++
# tests, clang-tidy's compile commands and the server the browser tests drive. The plain build
# (-O2, what `make run` serves) took a third of the CI's time beside it; `make check` builds it.
test:
	@set +e; status=0; summary=""; \
	phase() { \
	  local name="$$1"; shift; local start=$$SECONDS; "$$@"; local rc=$$?; \
	  summary+="$$(printf '  %-36s %5d s' "$$name" $$((SECONDS - start)))"; \
	  [ $$rc = 0 ] || summary+="  (failed)"; summary+=$$'\n'; return $$rc; \
	}; \
	phase "setup" $(MAKE) --no-print-directory setup && \
	phase "format-check" $(MAKE) --no-print-directory format-check && \
	phase "build (ASan + UBSan)" $(MAKE) --no-print-directory build-asan && \
	phase "build (fuzzers, clang)" $(MAKE) --no-print-directory build-fuzz && \
	phase "clang-tidy (what changed)" python3 scripts/tidy.py --build $(ASAN_DIR) && \
	phase "web app" $(MAKE) --no-print-directory web || status=1; \
	if [ $$status = 0 ]; then \
	  echo "== tests: $(ASAN_DIR) (ASan + UBSan)"; \
	  phase "tests (ASan + UBSan)" env $(ASAN_ENV) ctest --test-dir $(ASAN_DIR) $(CTEST_FLAGS) \
	    || status=1; \
	  echo "== fuzz smoke: $(FUZZ_DIR)"; \
	  phase "fuzz smoke" python3 tests/fuzz/run.py --build $(FUZZ_DIR) --smoke || status=1; \
	  echo "== tests: web (Chromium)"; \
	  phase "web tests (vitest, Chromium)" $(MAKE) --no-print-directory web-tests \
	    E2E_SERVER=$(ASAN_DIR)/intervisie || status=1; \
	fi; \
	echo "== time per phase"; printf '%s' "$$summary"; \
	exit $$status

# The quick inner loop: the plain build and its tests (no ASan, no browser).
check: build
	ctest --test-dir $(BUILD_DIR) $(CTEST_FLAGS)

run: setup build-product web
	./$(BUILD_DIR)/intervisie $(RUN_ARGS)

# Benchmarks report figures; none of them is a pass/fail test.
bench: build
	@found=0; \
	while IFS= read -r -d '' exe; do \
	  found=1; echo "== $$exe"; "$$exe"; \
	done < <(find $(BUILD_DIR)/bench -maxdepth 1 -type f -executable -print0 2>/dev/null | sort -z); \
	if [ $$found = 0 ]; then echo "no benchmarks in $(BUILD_DIR)/bench"; fi
	@echo "== bench/compare: Intervisie beside two bare broadcast servers (bench/compare/README.md)"
	python3 bench/compare/compare.py --build $(BUILD_DIR)
	@echo "== bench/restore: cold start and restore with years of meetings (bench/restore/README.md)"
	python3 bench/restore/run.py --build $(BUILD_DIR)
	@echo "== bench/memory: the server's memory over 10,000 meetings (bench/memory/README.md)"
	python3 bench/memory/run.py --build $(BUILD_DIR)

# Faults and endurance (bench/chaos/README.md): whole meetings under kill -9, and an hour without.
chaos: build-product
	./$(BUILD_DIR)/intervisie_chaos $(CHAOS_ARGS)

soak: build-product
	./$(BUILD_DIR)/intervisie_chaos --kills 0 --duration 3600 $(CHAOS_ARGS)

# C++ by clang-format; the web app by Prettier (once its npm packages are there: `make web`).
format:
	@$(FIND_FORMAT_FILES) | xargs -0 -r clang-format -i
	@if [ -x web/node_modules/.bin/prettier ]; then cd web && npm run --silent format; fi

# clang-tidy over every file of src/ (~9 min on 2 cores), with the short list of checks in
# .clang-tidy; rewrites .clang-tidy-passed, so `make test` checks only what changed since.
tidy: build-product
	python3 scripts/tidy.py --all --build $(BUILD_DIR)

# clang-format, and the licence line at the top of every source file (scripts/spdx.py).
format-check:
	@$(FIND_FORMAT_FILES) | xargs -0 -r clang-format --dry-run --Werror
	@python3 scripts/spdx.py
	@echo "format-check: ok"

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(FUZZ_DIR)
