# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: demo test serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	sh scripts/install-test-deps.sh
	$(PIP) -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/linkchart demo

test: $(VENV)/.test-installed
	sh scripts/ensure-postgres.sh
	$(BIN)/python -m pytest -q -p no:cacheprovider

serve: $(VENV)/.installed
	$(BIN)/linkchart serve --db linkchart-demo.db

clean:
	rm -rf $(VENV) linkchart-demo.db* .pytest_cache
