# The two commands: `make run` serves the site, `make test` runs every test.
# Both create .venv and install what they need on first use.

VENV := .venv
PYTHON := $(VENV)/bin/python
ARGS ?=

.PHONY: run test install install-test lint clean

run: $(VENV)/.installed
	$(PYTHON) -m ecobiz.embedded run

test: $(VENV)/.installed-test
	$(PYTHON) -m ecobiz.embedded test $(ARGS)

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

$(VENV)/.created:
	interpreter=$$(sh bin/find-python) && "$$interpreter" -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: $(VENV)/.created pyproject.toml
	$(PYTHON) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PYTHON) -m pip install --quiet -e '.[test]'
	touch $@

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PYTHON) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var/staticfiles
