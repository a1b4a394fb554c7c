# Everything a fresh machine needs: `make run` and `make test` create .venv on first use.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
AGENDA  ?= agendas/district-conference.zh.yaml

.PHONY: run test bench lint clean catalogs

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/podium run $(AGENDA)

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Messages: extract the marked English texts, merge them into the Chinese catalog (then write
# the new msgstr there and run it again), compile the .mo files shipped in the package; it
# says what is still missing. See docs/translating.md.
catalogs: $(STAMP)
	$(BIN)/python tools/catalogs.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools docs/make_screenshot.py
	$(BIN)/ruff format --check src tests benchmarks tools docs/make_screenshot.py
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
