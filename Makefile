# Huddle: `make run` serves the dashboard on the demo company; `make test` runs every test.
# Both set up what they need first (a virtual environment from requirements*.txt; for the
# browser tests, Debian's Chromium; for the PostgreSQL tests, Debian's postgresql).

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8501
# A DuckDB file by default; with HUDDLE_DATABASE_URL=postgresql://... set, that server instead.
DB ?= $(or $(HUDDLE_DATABASE_URL),data/huddle.duckdb)
LOCALE ?= en
BIN := $(VENV)/bin

.PHONY: run test test-fast lint format demo bench bench-goals bench-postgres screenshots browser postgres clean help

help:
	@echo "make run         serve Huddle on http://localhost:$(PORT) (builds the demo data first)"
	@echo "make demo LOCALE=zh_CN   rebuild the demo company with Chinese names (en by default)"
	@echo "make test        every test, the browser ones included"
	@echo "make test-fast   every test but the browser ones"
	@echo "make bench       print page and query timings on the demo and on 1M order lines"
	@echo "make bench-goals issue #16's goals at 10M order lines, judged (about 15 minutes)"
	@echo "make bench-postgres   the main pages' requests on PostgreSQL beside DuckDB, at 1M lines"
	@echo "make lint        ruff check and format check"

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@echo "==> Creating the virtual environment in $(VENV) and installing requirements"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# Huddle's modules compiled once (0.1 s when nothing changed), so a fresh server's first page
# does not compile them again: a shell with PYTHONDONTWRITEBYTECODE set (this machine's)
# never keeps what an import compiled, which cost every new process about 0.3 s. Python
# checks each file's time stamp, so a .pyc older than its source is never used.
BYTECODE := $(BIN)/python -m compileall -q components metrics data

# On a server, the client library (libpq) comes with Debian's postgresql package.
run: $(BIN)/.installed $(if $(HUDDLE_DATABASE_URL),postgres)
	@$(BYTECODE) > /dev/null
	@$(BIN)/python cli.py demo --if-missing --locale $(LOCALE) --db $(DB)
	HUDDLE_DB=$(DB) $(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true \
		--browser.gatherUsageStats false

demo: $(BIN)/.installed
	$(BIN)/python cli.py demo --locale $(LOCALE) --db $(DB)

browser:
	@bash scripts/ensure-chromium.sh

# The tests start their own throwaway server from it (tests/postgres_server.py).
postgres:
	@bash scripts/ensure-postgres.sh

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# -n auto: one worker per core; --dist loadfile keeps a file's tests (and the browser tests'
# shared app server) on one worker, so each worker builds its demo databases once.
TEST_WORKERS ?= auto

test: $(BIN)/.installed browser postgres lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

test-fast: $(BIN)/.installed postgres lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile -m "not browser"

bench: $(BIN)/.installed
	@$(BYTECODE) > /dev/null
	$(BIN)/python benchmarks/bench_pages.py
	$(BIN)/python benchmarks/bench_queries.py
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_reruns.py

# Issue #16's goals measured at the sizes it names (10M order lines, a 5M-line import, the
# test suite), one after another, then judged one by one (benchmarks/goals.py).
bench-goals: $(BIN)/.installed browser postgres
	@$(BYTECODE) > /dev/null
	$(BIN)/python benchmarks/goals.py

# The main pages' requests at 1M order lines on a throwaway PostgreSQL beside DuckDB (ratios).
bench-postgres: $(BIN)/.installed postgres
	$(BIN)/python benchmarks/bench_postgres.py

# The browser tests with their full-page screenshots taken (tests/screenshots/); `make test`
# skips the shots. scripts/screenshots.py shoots any database in both languages at 3 sizes.
screenshots: $(BIN)/.installed browser
	HUDDLE_SCREENSHOTS=1 $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile tests/e2e

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/screenshots
