# `make` sets up .venv, installs the project, builds the package from seeds/ and validates it.
# `make test` does the same set-up and runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: all package test preview clean-venv

all: package

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

package: $(STAMP)
	$(BIN)/conflict-timeline build --seeds seeds --out .
	$(BIN)/conflict-timeline dictionary --readme README.md
	$(BIN)/frictionless validate datapackage.json

test: $(STAMP)
	$(BIN)/python -m pytest

# The README's preview image; needs Debian's chromium (apt-get install chromium).
preview: $(STAMP)
	$(BIN)/python -m conflict_timeline.timeline.preview datapackage/timeline.html datapackage/timeline.png

clean-venv:
	rm -rf $(VENV)
