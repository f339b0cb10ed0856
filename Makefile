# The quick start: `make scan` and `make test` each work first on a fresh Debian 12 machine.
# Both install missing packages (scripts/install-deps.sh), then build a Release binary.
BUILD_DIR ?= build/release
JOBS ?= $(shell nproc)
SCAN_ARGS ?=

MAKEFLAGS += --no-print-directory

.PHONY: all deps build scan test bench docs clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Scan the sample share and print a human summary (the full JSON Lines go to build/corpus-scan.jsonl).
scan: build
	@$(BUILD_DIR)/gdprscan scan corpus --output build/corpus-scan.jsonl --summary $(SCAN_ARGS); \
	  rc=$$?; [ $$rc -le 1 ] || exit $$rc; \
	  echo "Records (JSON Lines): build/corpus-scan.jsonl; for people: $(BUILD_DIR)/gdprscan scan corpus --format text"

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	@bash bench/run.sh

# Regenerate the detector catalogue in docs/detectors.md from rules/*.toml.
docs: build
	@/usr/bin/python3 scripts/update-detector-docs.py $(BUILD_DIR)/gdprscan

clean:
	rm -rf build
