# The two commands of the README, and the steps they stand on.
PYTHON ?= python3.11
VENV := .venv

.PHONY: run test lint messages install install-dev

run: install
	./scripts/system_deps.sh
	./scripts/run.sh

test: install-dev
	./scripts/system_deps.sh --with-browser
	./scripts/test.sh $(ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

messages: install
	DJANGO_SETTINGS_MODULE=portal.settings_test $(VENV)/bin/python manage.py makemessages \
	  --all --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=bench --ignore=tests
	DJANGO_SETTINGS_MODULE=portal.settings_test $(VENV)/bin/python manage.py compilemessages --ignore=.venv

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@
