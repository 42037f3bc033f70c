# Peace-process timelines. `make run` to use it, `make test` to test it.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
SHARED ?= ../shared

# An interpreter >= 3.12: $(PYTHON) if given, else python3.14..3.12 on PATH, else the
# newest pyenv-installed 3.12+.
FIND_PYTHON = $(shell \
  for c in $(PYTHON) python3.14 python3.13 python3.12 python3 \
      $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
    p=$$(command -v $$c 2>/dev/null) || continue; \
    $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; \
  done)

.PHONY: help venv run serve migrate demo admin test test-fast test-browser check lint format bench bench-extract bench-timeline bench-robustness bench-import bench-extract-compare evaluate evaluate-events evaluate-timelines worker clean

help:
	@echo "make run           set everything up and serve on http://$(HOST):$(PORT)/"
	@echo "make test          run the whole test suite"
	@echo "make check         ruff + makemigrations --check"
	@echo "make admin         create an admin login"
	@echo "make bench         all benchmarks (bench-extract, bench-timeline, bench-robustness)"
	@echo "make bench-import  import throughput with joining on, 1k and 10k articles (ARTICLES=1000,10000)"
	@echo "make bench-extract-compare  extract() throughput now beside an earlier commit (REV=b97c8d4)"
	@echo "make evaluate      score the extractor on TimeBank/AQUAINT"
	@echo "make evaluate-events     score the event layer on event set 1 (rolled back)"
	@echo "make evaluate-timelines  score timelines on the French Crisis dev set (rolled back)"

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@py="$(FIND_PYTHON)"; \
	if [ -z "$$py" ]; then \
	  echo "No Python 3.12 or newer found: install Python 3.12+ (or pass PYTHON=/path/to/python3.12) and run make again."; \
	  exit 1; \
	fi; \
	if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	  rm -rf $(VENV); echo "Creating $(VENV) with $$py"; $$py -m venv $(VENV) || exit 1; \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

venv: $(VENV)/.installed

migrate: venv
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput

demo: migrate
	DJANGO_DEBUG=1 $(PY) manage.py load_demo

run: demo
	@echo ""
	@echo "  Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "  Admin login: run 'make admin' in another terminal, or set DJANGO_SUPERUSER_USERNAME,"
	@echo "  DJANGO_SUPERUSER_EMAIL and DJANGO_SUPERUSER_PASSWORD before 'make run'."
	@echo ""
	@if [ -n "$$DJANGO_SUPERUSER_USERNAME" ] && [ -n "$$DJANGO_SUPERUSER_PASSWORD" ]; then \
	  DJANGO_DEBUG=1 $(PY) manage.py ensure_superuser; fi
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

admin: migrate
	DJANGO_DEBUG=1 $(PY) manage.py createsuperuser

worker: migrate
	DJANGO_DEBUG=1 $(PY) manage.py db_worker

test: venv
	$(PY) -m pytest -n 2 --dist loadgroup -q

test-fast: venv
	$(PY) -m pytest -q -m "not browser and not slow"

test-browser: venv
	$(PY) -m pytest -q -m browser

check: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	DJANGO_SECRET_KEY=check-only-0123456789-abcdefghijklmnopqrstuvwxyz $(PY) manage.py makemigrations --check --dry-run

lint: check

format: venv
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

evaluate: venv
	DJANGO_DEBUG=1 $(PY) manage.py evaluate_extraction $(SHARED)/corpora/te3-train

# Both import into a transaction that is rolled back: the database is left as it was.
evaluate-events: migrate
	DJANGO_DEBUG=1 $(PY) manage.py evaluate_events tests/events/data/regression/set1

evaluate-timelines: migrate
	DJANGO_DEBUG=1 $(PY) manage.py evaluate_timelines $(SHARED)/corpora/crisis-dev

bench: bench-extract bench-timeline bench-robustness

# One run per language: TimeBank for English, the French TimeBank for French, the
# hand-annotated sets of tests/extraction/spec/<language>/ for the others.
bench-extract: venv
	$(PY) tests/benchmarks/bench_extract.py $(SHARED)/corpora/te3-train --language en
	$(PY) tests/benchmarks/bench_extract.py $(SHARED)/corpora/ftib-dev --language fr
	@for dir in tests/extraction/spec/*/; do \
	  lang=$$(basename $$dir); \
	  case $$lang in en|fr) continue;; esac; \
	  $(PY) tests/benchmarks/bench_extract.py $$dir --language $$lang || exit 1; \
	done

bench-timeline: venv
	$(PY) tests/benchmarks/bench_timeline.py

bench-robustness: venv
	$(PY) tests/benchmarks/bench_robustness.py

bench-import: venv
	$(PY) tests/benchmarks/bench_import.py --articles $(or $(ARTICLES),1000,10000)

# extract() throughput now beside an earlier commit (REV), same documents, interleaved.
bench-extract-compare: venv
	$(PY) tests/benchmarks/bench_extract_compare.py $(or $(REV),b97c8d4)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .hypothesis
