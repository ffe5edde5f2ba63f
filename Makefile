# gazette — see README.md. `make run` and `make test` are the two commands.
SHELL := /bin/bash
export PKG_CONFIG_PATH := $(CURDIR)/.deps/pkgconfig:$(PKG_CONFIG_PATH)
SWIFT ?= swift
SCORE := python3 ../shared/tools/score.py
OPENCC_DATA := .deps/opencc/share/opencc

.PHONY: run test deps deps-test build build-debug unit score bench bench-baseline fuzz clean

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

# The whole test suite, then the scorer against ../shared/gold and ../shared/roundtrip.
test: deps-test build build-debug
	$(SWIFT) test --skip-build
	.build/release/gazette run --config pipeline.yml --quiet; rc=$$?; [ $$rc -le 1 ] || exit $$rc
	$(SCORE) all --output Output --gold ../shared/gold --bin .build/release/gazette --dir ../shared/roundtrip

score:
	$(SCORE) all --output Output --gold ../shared/gold --bin .build/release/gazette --dir ../shared/roundtrip

# Benchmarks (not part of `make test`): bench/run.py over the release binary; SIZES=1000,10000,100000 for the big one.
SIZES ?= 1000,10000
bench: deps build
	python3 bench/run.py --sizes $(SIZES)

bench-baseline: deps build
	python3 bench/run.py --sizes $(SIZES) --save-baseline

clean:
	rm -rf .build .gazette-cache Output/documents Output/*.json
