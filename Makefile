# ContactKeeper: `make run` starts the program, `make test` runs every test.
# Both set up .venv from uv.lock first (Python 3.11+ and the Debian packages in .ci/run).

PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test lint typecheck pytest screenshots translations bench bundle test-bundle lock clean

run: $(VENV)/.synced
	$(VENV)/bin/contactkeeper

test: lint typecheck pytest

lint: $(VENV)/.synced
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

typecheck: $(VENV)/.synced
	$(VENV)/bin/mypy

pytest: $(VENV)/.synced
	$(VENV)/bin/pytest -n auto

screenshots: $(VENV)/.synced
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m contactkeeper.gui.screenshots docs/screenshots

# Extract the marked strings, update each language's catalogue, compile (docs/translating.md).
translations: $(VENV)/.synced
	$(VENV)/bin/python -m contactkeeper.catalogues

bench: $(VENV)/.synced
	$(VENV)/bin/python -m benchmarks.run
	$(VENV)/bin/python -m benchmarks.bundle

# The one-folder application, its .tar.gz and its .deb, into dist/ (packaging/README.md).
bundle: $(VENV)/.synced
	$(VENV)/bin/python packaging/bundle.py

# Build the bundles and try them as a machine with nothing else would (run by .ci/run).
test-bundle: $(VENV)/.synced
	$(VENV)/bin/pytest -m bundle tests/bundle

lock: $(UV)
	$(UV) lock --python $(PYTHON)

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) uv.lock pyproject.toml
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

clean:
	rm -rf .tools $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
