# Two commands: `make run` sets everything up and serves; `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
# Stamp per database, so switching DATABASE_URL loads the directory into the new one.
DB_TAG := $(shell printf '%s' "$${DATABASE_URL:-sqlite}" | cksum | cut -d' ' -f1)

.PHONY: install setup demo run serve worker mail-intake test test-fast lint messages clean

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

var/directory-$(DB_TAG).stamp: $(VENV)/.installed lapor/regions/data/*.csv.gz lapor/agencies/directory_data.py
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_directory
	touch $@

# Schema, directory, routing rules and static files: what any server needs (no demo data).
setup: install var/directory-$(DB_TAG).stamp
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_routing_rules
	$(BIN)/python manage.py collectstatic --noinput -v0

# The one-command local demo: LAPOR_DEMO=1 allows the development SECRET_KEY and demo users
# (published passwords) on http://127.0.0.1. Production: README, section Production.
run demo: export LAPOR_DEMO := 1
demo: setup
	$(BIN)/python manage.py load_demo

run: demo serve

# The web server and, beside it, the worker (e-mails, sweep, digests). Ctrl-C or SIGTERM stops
# both, and the server exiting for any reason stops the worker. Granian's own worker process also
# gets the terminal's SIGINT and may then refuse to stop: --workers-kill-timeout bounds the wait.
# A worker or mail intake that exits is started again (`manage.py supervise`), and so is a
# granian worker process (--respawn-failed-workers).
serve:
	@echo "Lapor is at http://$(HOST):$(PORT)/  (English: http://$(HOST):$(PORT)/en/)"
	@server=; worker=; intake=; trap 'kill -TERM $$server $$worker $$intake 2>/dev/null' INT TERM; \
	$(BIN)/python manage.py supervise run_worker & worker=$$!; \
	$(BIN)/python manage.py supervise run_mail_intake & intake=$$!; \
	$(BIN)/granian --interface wsgi --host $(HOST) --port $(PORT) --workers 1 \
		--blocking-threads 8 --backpressure 32 --workers-kill-timeout 5 \
		--respawn-failed-workers --respawn-interval 1 \
		lapor.wsgi:application & server=$$!; \
	wait $$server; status=$$?; kill -TERM $$server $$worker $$intake 2>/dev/null; wait; exit $$status

# Only the worker: queued tasks plus the periodic schedule (for a separate process/host).
worker:
	$(BIN)/python manage.py run_worker

# Only the e-mail intake server (new reports and replies; MAIL_INTAKE_HOST/PORT, docs/email.md).
mail-intake:
	$(BIN)/python manage.py run_mail_intake

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not browser"

lint: install
	$(BIN)/ruff check lapor tests bench
	$(BIN)/ruff format --check lapor tests bench
	$(BIN)/mypy lapor

# Tooling runs with DEBUG=1: production settings refuse to load without a real SECRET_KEY.
messages lint: export DEBUG := 1
messages: install
	$(BIN)/python manage.py makemessages -l id --ignore '.venv/*' --ignore 'var/*' --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf var $(VENV)
