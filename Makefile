# Intervisie: every day-to-day command. `make run` and `make test` work on a fresh Debian 12.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# Targets run one after another; ninja and ctest do the parallel work inside each.
.NOTPARALLEL:

BUILD_DIR ?= build
ASAN_DIR ?= build-asan
# One job per core: a C++23 translation unit with Boost fits easily in memory (24 GiB).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
RUN_ARGS ?= serve --port 8080 --data data

CMAKE_CONFIGURE := cmake -G Ninja
CTEST_FLAGS := --output-on-failure --no-tests=error -j $(JOBS)
ASAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# Every C++ file of ours that clang-format looks after, NUL-separated for xargs.
FIND_FORMAT_FILES := { find src tests bench -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0 2>/dev/null || true; }

.PHONY: all setup build build-asan test run bench format format-check clean

all: build

setup:
	bash scripts/setup.sh

build:
	$(CMAKE_CONFIGURE) -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD_DIR) --parallel $(JOBS)

# Debug with -O1: fast enough for the whole suite, still precise stack traces.
build-asan:
	$(CMAKE_CONFIGURE) -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
	  -DINTERVISIE_SANITIZE=ON -DINTERVISIE_BENCHMARKS=OFF
	cmake --build $(ASAN_DIR) --parallel $(JOBS)

# Both suites always run; the target fails if either failed.
test: setup format-check build build-asan
	@status=0; \
	echo "== tests: $(BUILD_DIR)"; \
	ctest --test-dir $(BUILD_DIR) $(CTEST_FLAGS) || status=1; \
	echo "== tests: $(ASAN_DIR) (ASan + UBSan)"; \
	$(ASAN_ENV) ctest --test-dir $(ASAN_DIR) $(CTEST_FLAGS) || status=1; \
	exit $$status

run: setup build
	./$(BUILD_DIR)/intervisie $(RUN_ARGS)

# Benchmarks report figures; none of them is a pass/fail test.
bench: build
	@found=0; \
	while IFS= read -r -d '' exe; do \
	  found=1; echo "== $$exe"; "$$exe"; \
	done < <(find $(BUILD_DIR)/bench -maxdepth 1 -type f -executable -print0 2>/dev/null | sort -z); \
	if [ $$found = 0 ]; then echo "no benchmarks in $(BUILD_DIR)/bench"; fi

format:
	@$(FIND_FORMAT_FILES) | xargs -0 -r clang-format -i

format-check:
	@$(FIND_FORMAT_FILES) | xargs -0 -r clang-format --dry-run --Werror
	@echo "format-check: ok"

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
