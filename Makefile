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

.PHONY: install run demo serve test lint typecheck migrations-check bench clean web-install web-build web-client web-test chromium e2e screenshots

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
	$(BIN)/spendsense pipeline

run: demo web-build
	$(BIN)/spendsense demo-logins
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

test: lint migrations-check web-test web-build chromium
	$(PY) -m pytest

bench: install
	$(PY) -m bench

# The web UI (web/): React + TypeScript + Vite, component tests in Vitest, end-to-end tests
# with Playwright (Python) in Debian's Chromium against `spendsense serve`.
WEB := web
WEB_SOURCES := $(shell find $(WEB)/src $(WEB)/index.html $(WEB)/vite.config.ts $(WEB)/tsconfig.json $(WEB)/package.json -type f 2>/dev/null)

$(WEB)/node_modules/.installed: $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund
	@touch $@

web-install: $(WEB)/node_modules/.installed

$(WEB)/dist/index.html: $(WEB)/node_modules/.installed $(WEB_SOURCES)
	cd $(WEB) && npm run build

web-build: $(WEB)/dist/index.html

# Regenerate the API client (web/src/api/schema.d.ts) from create_app().openapi(); commit the result.
web-client: install web-install
	cd $(WEB) && npm run gen:api

# Lint and format, types, the generated client against the app's schema (fails when stale), component tests.
web-test: install web-install
	cd $(WEB) && npm run lint
	cd $(WEB) && npm run typecheck
	cd $(WEB) && npm run check:api
	cd $(WEB) && npm test

# Debian's Chromium for the end-to-end tests (Playwright's own browser download is not used).
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

e2e: install web-build chromium
	$(PY) -m pytest -m e2e tests/e2e

# Refresh docs/screenshots, the README's images (an ordinary test run writes them under build/).
screenshots: install web-build chromium
	SPENDSENSE_SCREENSHOTS=1 $(PY) -m pytest -m e2e tests/e2e

clean:
	rm -rf $(VENV) data .mypy_cache .ruff_cache .pytest_cache
