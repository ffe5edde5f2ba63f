# gazette — see README.md. `make run` and `make test` are the two commands.
SHELL := /bin/bash
export PKG_CONFIG_PATH := $(CURDIR)/.deps/pkgconfig:$(PKG_CONFIG_PATH)
SWIFT ?= swift
SCORE := python3 ../shared/tools/score.py
OPENCC_DATA := .deps/opencc/share/opencc

.PHONY: run test deps deps-test build build-debug unit score quality bench bench-baseline fuzz clean

run: deps build
	.build/release/gazette run --config pipeline.yml; rc=$$?; [ $$rc -le 1 ] || exit $$rc

deps:
	@scripts/deps.sh run

deps-test:
	@scripts/deps.sh test

build:
	$(SWIFT) build -c release --product gazette
	@rm -rf .build/release/opencc && cp -r $(OPENCC_DATA) .build/release/opencc

build-debug:
	$(SWIFT) build --build-tests
	@rm -rf .build/debug/opencc && cp -r $(OPENCC_DATA) .build/debug/opencc

# The whole test suite, the scorer on the samples, then the quality gate: the samples, the devset
# and their five layout variants against scripts/quality_thresholds.json (a regression fails).
test: deps-test build build-debug
	@# XCTest only (the suite has no swift-testing tests, whose empty run would close the log);
	@# the plain "N passed, N failed" line at the end sums the suite up for CI.
	set -o pipefail; $(SWIFT) test --skip-build --disable-swift-testing 2>&1 | tee .build/test.log
	.build/release/gazette run --config pipeline.yml --quiet; rc=$$?; [ $$rc -le 1 ] || exit $$rc
	$(SCORE) all --output Output --gold ../shared/gold --bin .build/release/gazette --dir ../shared/roundtrip
	python3 scripts/quality_gate.py --bin .build/release/gazette
	@grep -Eo 'Executed [0-9]+ tests?, with [0-9]+ failures?' .build/test.log | tail -1 \
	  | awk '{print $$2 - $$5 " passed, " $$5 " failed"}'

score:
	$(SCORE) all --output Output --gold ../shared/gold --bin .build/release/gazette --dir ../shared/roundtrip

# Clause-structure quality on the samples, the devset and their layout variants, against the
# minimums in scripts/quality_thresholds.json (QUALITY_ARGS: e.g. --verbose, --only devset).
QUALITY_ARGS ?=
quality: deps build
	python3 scripts/quality_gate.py --bin .build/release/gazette $(QUALITY_ARGS)

# Benchmarks (not part of `make test`): bench/run.py over the release binary; SIZES=1000,10000,100000 for the big one.
SIZES ?= 1000,10000
bench: deps build
	python3 bench/run.py --sizes $(SIZES)

bench-baseline: deps build
	python3 bench/run.py --sizes $(SIZES) --save-baseline

clean:
	rm -rf .build .gazette-cache Output/documents Output/*.json

# libFuzzer over ingest + clean (Fuzz/): FUZZ_SECONDS of fuzzing from the corpus kept in
# Fuzz/corpus/ingest; inputs that reach new code are merged back into it, crashes land in
# Fuzz/crashes/ (copy each into Fuzz/regressions/ingest/: the test suite replays them).
FUZZ_SECONDS ?= 60
fuzz:
	cd Fuzz && $(SWIFT) build -c release --sanitize fuzzer -Xswiftc -DFUZZING --scratch-path ../.build-fuzz --product fuzz-ingest
	@mkdir -p .build-fuzz/new-corpus Fuzz/crashes
	.build-fuzz/release/fuzz-ingest -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048 -timeout=20 \
	  -artifact_prefix=Fuzz/crashes/ -print_final_stats=1 .build-fuzz/new-corpus Fuzz/corpus/ingest
	.build-fuzz/release/fuzz-ingest -merge=1 Fuzz/corpus/ingest .build-fuzz/new-corpus
