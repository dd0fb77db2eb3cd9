# Kancelaria — developer and CI entry points (GNU make).
#
#   make run    virtualenv + migrate + demo data, then the development server on 127.0.0.1:8000
#   make test   lint + the whole test suite (PostgreSQL when DATABASE_URL is set, else SQLite)
#
# Only python3 >= 3.11 is needed; everything else goes into .venv from requirements-dev.lock.
# The lock file is installed again only when its content changes (stamp .venv/.installed-<hash>).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
LOCK := requirements-dev.lock
LDAP_LOCK := requirements-ldap.lock
LOCK_HASH := $(firstword $(shell cat $(LOCK) $(LDAP_LOCK) 2>/dev/null | sha256sum | cut -c1-16))
STAMP := $(VENV)/.installed-$(LOCK_HASH)

RUN_ADDR ?= 127.0.0.1:8000
PYTEST_ARGS ?= -n 2

# Values for `make check-deploy`: a production configuration that is never started, only checked.
DEPLOY_HOST ?= kancelaria.example.gov.pl
DEPLOY_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
DEPLOY_REDIS_URL ?= redis://127.0.0.1:6379/0

.PHONY: help install install-ldap run test lint format messages check-deploy compose-check worker beat bench clean distclean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): $(LOCK) $(LDAP_LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Kancelaria needs Python 3.11 or newer as '$(PYTHON)' (found: $$($(PYTHON) --version 2>&1))." >&2; exit 1; }
	@if [ ! -x $(PY) ] || ! $(PY) -c 'import sys' >/dev/null 2>&1; then \
		echo "Creating the virtual environment in $(VENV)"; \
		rm -rf $(VENV); \
		$(PYTHON) -m venv $(VENV) \
			|| { echo "'$(PYTHON) -m venv' failed (on Debian: apt-get install python3-venv)." >&2; exit 1; }; \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r $(LOCK)
	@if [ -f /usr/include/ldap.h ] && [ -f /usr/include/sasl/sasl.h ]; then \
		$(PY) -m pip install --quiet --disable-pip-version-check -r $(LDAP_LOCK); \
	else \
		echo "Directory login (LDAP) not installed: it needs 'apt-get install libldap2-dev libsasl2-dev', then 'make install-ldap'."; \
	fi
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP) ## Create .venv and install requirements-dev.lock (only when it changed)

install-ldap: install ## Directory login's packages (needs libldap2-dev and libsasl2-dev)
	$(PY) -m pip install --quiet --disable-pip-version-check -r $(LDAP_LOCK)

var:
	@mkdir -p var

run: install var ## Migrate, load demo data (prints the logins), serve http://127.0.0.1:8000
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) runserver $(RUN_ADDR)

lint: install ## ruff, import contracts, migrations in step with the models
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(MANAGE) makemigrations --check --dry-run

test: lint ## Lint, then the whole pytest suite
	DJANGO_ENV=test $(VENV)/bin/pytest $(PYTEST_ARGS) tests

format: install ## Fix what ruff can fix and format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install ## Extract strings for pl and en, then compile the .mo files
	@mkdir -p locale
	$(MANAGE) makemessages -l pl -l en --ignore .venv --ignore var --ignore node_modules
	$(MANAGE) compilemessages --ignore .venv --ignore var --ignore node_modules

check-deploy: install ## Django's deployment checks against a production configuration
	env -u DJANGO_ALLOW_ASYNC_UNSAFE DJANGO_ENV=production \
	SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(48))')" \
	ALLOWED_HOSTS=$(DEPLOY_HOST) \
	DATABASE_URL=$(DEPLOY_DATABASE_URL) \
	REDIS_URL=$(DEPLOY_REDIS_URL) \
	$(MANAGE) check --deploy --fail-level WARNING

compose-check: install ## Validate docker-compose.yml against the Compose specification (offline)
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml

worker: install ## Celery worker (needs REDIS_URL; without it tasks run inside the web process)
	$(VENV)/bin/celery -A office worker -l info

beat: install ## Celery beat with the database scheduler (run exactly one)
	$(VENV)/bin/celery -A office beat -l info

bench: install ## Run every bench/*.py (nothing to do when bench/ is empty or missing)
	@found=0; \
	for script in bench/[!_]*.py; do \
		[ -f "$$script" ] || continue; \
		found=1; echo "== $$script"; \
		$(PY) "$$script"; \
	done; \
	[ $$found = 1 ] || echo "No benchmarks in bench/."

clean: ## Remove caches, test artefacts and collected static files (keeps .venv and data)
	find . -path ./.venv -prune -o -type d -name __pycache__ -print0 | xargs -0r rm -rf
	rm -rf .pytest_cache .ruff_cache test-results playwright-report htmlcov .coverage var/static

distclean: clean ## Also remove .venv and var/ (the development database and uploaded files)
	rm -rf $(VENV) var
