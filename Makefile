# The two set-up commands are `make test` and `make demo`; both build .venv from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# The peer suite (tests/peers) runs Podio's JavaScript SDK in Node.js and the OAuth pages in
# Chromium. `npm ci` leaves node_modules/.package-lock.json behind: newer than the lock file
# means installed (tests/peers/conftest.py applies the same rule).
PODIO_JS := tests/peers/podio-js
NPM_STAMP := $(PODIO_JS)/node_modules/.package-lock.json

.PHONY: test lint typecheck pytest peers chromium demo bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

test: $(STAMP) peers lint typecheck pytest

# What the peer suite needs beyond .venv. Where a tool cannot be had, say so and go on: its
# tests are then skipped with the reason. A failing install is an error.
peers: $(STAMP) chromium $(NPM_STAMP)

$(NPM_STAMP): $(PODIO_JS)/package.json $(PODIO_JS)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		echo "npm ci in $(PODIO_JS)"; \
		cd $(PODIO_JS) && npm ci --no-audit --no-fund --loglevel=error; \
	else \
		echo "note: npm is not installed: the podio-js tests will be skipped"; \
	fi

# Debian's Chromium, installed only when missing and only as root with apt-get.
chromium:
	@if command -v chromium >/dev/null 2>&1; then \
		:; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "apt-get install chromium"; \
		apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			chromium >/dev/null; \
	else \
		echo "note: Chromium is missing and installing it needs root and apt-get:" \
			"the browser tests will be skipped"; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) peers
	$(BIN)/pytest -q

demo: $(STAMP)
	$(BIN)/python examples/demo.py

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache $(PODIO_JS)/node_modules
