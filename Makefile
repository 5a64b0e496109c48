# korelect: two commands set everything up.
#   make demo   installs korelect and computes the 2004 assembly with its explanation
#   make test   installs korelect with its test tools and runs every check

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test lint typecheck pytest install clean data bench sysdeps fuzz
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

sysdeps:   # Debian packages the tests use: a real headless browser and a Korean font for charts
	@if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/truetype/nanum ]; then \
	  echo "installing Debian packages: chromium fonts-nanum"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-nanum >/dev/null; \
	fi

demo: $(STAMP)
	$(BIN)/korelect results 1996
	$(BIN)/korelect results 1996 --by province
	$(BIN)/korelect allocate examples/2004.csv --rules 2004 --explain

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks fuzz
	$(BIN)/ruff format --check src tests scripts benchmarks fuzz

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

test: sysdeps lint typecheck pytest

data: $(STAMP)   # rebuild the shipped tables from ../shared/data and ../shared/seeds
	$(BIN)/python scripts/build_data.py
	$(BIN)/python scripts/build_crawls.py
	$(BIN)/python scripts/extract_seed_tables.py
	$(BIN)/python scripts/build_golden.py
	$(BIN)/python scripts/build_map.py

bench: export KORELECT_BENCH_FIGURES = $(CURDIR)/.bench/figures.jsonl
bench: $(STAMP)   # every benchmark side by side with its peer; the README's table rewritten from the figures
	rm -f .bench/figures.jsonl && mkdir -p .bench
	$(BIN)/python benchmarks/bench_results.py
	$(BIN)/python benchmarks/bench_allocate.py
	$(BIN)/python benchmarks/bench_hemicycle.py
	$(BIN)/python benchmarks/bench_allocate_many.py
	$(BIN)/python benchmarks/bench_simulate.py
	$(BIN)/python benchmarks/bench_web.py
	$(BIN)/python benchmarks/bench_article.py
	$(BIN)/python benchmarks/soak_web.py
	$(BIN)/python benchmarks/report.py .bench/figures.jsonl --readme README.md

FUZZ_SECONDS ?= 300
fuzz: $(STAMP)   # every reader fuzzed for FUZZ_SECONDS each (make test runs 8 s each); corpus kept in .fuzz/
	$(BIN)/python fuzz/fuzz.py --seconds $(FUZZ_SECONDS) --corpus .fuzz/corpus --crashes .fuzz/crashes --json .fuzz/figures.json

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .fuzz .bench
