# make run  : set up everything on a fresh clone, build demo data, serve on http://127.0.0.1:8000
# make test : every check a reviewer would run (format, lint, types, import contracts, migrations, tests)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_USERS ?= 100
DEMO_SEED ?= 42
DEMO_MONTHS ?= 6
DEMO_AS_OF ?= $(shell date -u +%F)
DEMO_DIR := data/demo

.PHONY: install run demo serve test lint typecheck migrations-check bench clean

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/.installed

demo: install
	@if [ ! -f $(DEMO_DIR)/users.csv ]; then \
		$(BIN)/spendsense generate --users $(DEMO_USERS) --seed $(DEMO_SEED) --as-of $(DEMO_AS_OF) --months $(DEMO_MONTHS) --out $(DEMO_DIR); \
	fi
	$(BIN)/spendsense ingest $(DEMO_DIR)

run: demo
	$(BIN)/spendsense serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

migrations-check: install
	@tmp=$$(mktemp -d); \
	DATABASE_URL=sqlite:///$$tmp/check.db $(BIN)/alembic upgrade head && \
	DATABASE_URL=sqlite:///$$tmp/check.db $(BIN)/alembic check; rc=$$?; rm -rf $$tmp; exit $$rc

test: lint migrations-check
	$(PY) -m pytest

bench: install
	$(PY) -m bench

clean:
	rm -rf $(VENV) data .mypy_cache .ruff_cache .pytest_cache
