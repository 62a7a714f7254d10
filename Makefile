# rehabjournal: make run | make test | make bench | make installer | make lock
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ARGS   ?=

.PHONY: run test lint bench installer lock clean translations

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet -e '.[test,encryption]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m rehabjournal $(ARGS)

lint: $(STAMP)
	$(PY) -m ruff check src tests benchmarks

test: lint
	QT_QPA_PLATFORM=offscreen $(PY) tools/run_tests.py

# Qt .ts (pyside6-lupdate) and gettext .po (Babel) updated from the code, then compiled
translations: $(STAMP)
	$(PY) tools/translations.py

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

# this system's installer, built in build/installer-venv from installer/requirements.lock
installer:
	$(MAKE) -C installer installer PYTHON=$(PYTHON)

# installer/requirements.lock again (uv) after a dependency changed in pyproject.toml
lock:
	$(MAKE) -C installer lock PYTHON=$(PYTHON)

clean:
	rm -rf build dist .pytest_cache .ruff_cache
