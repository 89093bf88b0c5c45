# Two commands set up a fresh machine and do everything:
#   make site   build the whole course into site/ (and trainer packs into dist/)
#   make test   the same set-up, then every test
# Both install what they need: the virtual environment .venv/, Python packages (pinned in
# pyproject.toml), the npm packages of package-lock.json, and Debian packages via apt-get.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
# Ralph, the LRS of the cmi5 tests, in a virtual environment of its own (it pins FastAPI/Starlette of its own).
RALPH_STAMP := .venv-ralph/.installed
SYSTEM_STAMP := build/.system-deps
# pytest-xdist workers for `make test` (each builds the real course once, one after the other: tests/e2e/conftest.py).
TEST_WORKERS ?= 2

# Debian packages: the PDF renderer's libraries (site), and the browser, database and Java runtime
# (for the Nu HTML Checker, npm vnu-jar) the tests use.
SITE_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_DEBS := chromium postgresql default-jre-headless

.PHONY: site test bench check clean system-deps test-system-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

$(RALPH_STAMP):
	$(PYTHON) -m venv .venv-ralph
	.venv-ralph/bin/pip install --quiet 'ralph-malph[cli,lrs,backend-fs]==5.1.0' 'requests==2.34.2'
	touch $(RALPH_STAMP)

system-deps:
	@sh build_tools/install_debs.sh $(SITE_DEBS)

test-system-deps:
	@sh build_tools/install_debs.sh $(SITE_DEBS) $(TEST_DEBS)

site: $(STAMP) system-deps
	$(BIN)/course build

check: $(STAMP)
	$(BIN)/course check

test: $(STAMP) $(NODE_STAMP) $(RALPH_STAMP) test-system-deps
	$(BIN)/course check
	$(BIN)/pytest -q -n $(TEST_WORKERS)

bench: $(STAMP) $(NODE_STAMP) test-system-deps
	@sh build_tools/install_debs.sh wrk
	$(BIN)/python -m build_tools.bench

clean:
	rm -rf site dist build .venv .venv-ralph node_modules
