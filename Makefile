# The two commands a newcomer needs: `make run` and `make test`. Each installs .venv when missing.
PYTHON ?= python3.11
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/whosaid run

test: $(STAMP)
	$(VENV)/bin/ruff check bot handlers tests bench
	$(VENV)/bin/python -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check bot handlers tests bench

bench: $(STAMP)
	$(VENV)/bin/python -m bench.ingest
	$(VENV)/bin/python -m bench.lookup

clean:
	rm -rf $(VENV) whosaid.db .pytest_cache
