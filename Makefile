# rehabjournal: make run | make test | make test-minimum | make bench | make installer | make lock
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ARGS   ?=

.PHONY: run test test-minimum lint bench installer lock clean translations

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

# The same lint and suite at the dependency floors: .venv-min holds every requirement of
# pyproject.toml at its ">=" version (constraints/minimum.txt), what those need in turn at
# the newest they allow (printed first, to reproduce a failure). Made anew whenever
# pyproject.toml or the constraints change. CI runs it beside `make test` (newest allowed).
VENV_MIN  ?= .venv-min
PY_MIN    := $(VENV_MIN)/bin/python
STAMP_MIN := $(VENV_MIN)/.installed

$(STAMP_MIN): pyproject.toml constraints/minimum.txt
	rm -rf $(VENV_MIN)
	$(PYTHON) -m venv $(VENV_MIN)
	echo '*' > $(VENV_MIN)/.gitignore
	$(PY_MIN) -m pip install --quiet --upgrade pip
	$(PY_MIN) -m pip install --quiet -e '.[test,encryption]' -c constraints/minimum.txt
	touch $(STAMP_MIN)

test-minimum: $(STAMP_MIN)
	$(PY_MIN) -m pip freeze --exclude-editable
	$(PY_MIN) -m ruff check src tests benchmarks
	QT_QPA_PLATFORM=offscreen $(PY_MIN) tools/run_tests.py

# Qt .ts (pyside6-lupdate) and gettext .po (Babel) updated from the code, then compiled
translations: $(STAMP)
	$(PY) tools/translations.py

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

# this system's installer, built in build/installer-venv from installer/requirements.lock
installer:
	$(MAKE) -C installer installer PYTHON=$(PYTHON)

# installer/requirements.lock again (uv) after a dependency changed in pyproject.toml
# (.venv first: the Flatpak's module list is read from the installed dependencies)
lock: $(STAMP)
	$(MAKE) -C installer lock PYTHON=$(PYTHON)

clean:
	rm -rf build dist .pytest_cache .ruff_cache
