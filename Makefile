# Two entry points for people: `make demo` and `make test`. Both build .venv from scratch when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out/demo

.PHONY: demo test install clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# PDFs need LibreOffice; the demo makes them only where it is installed.
PDF_FLAG := $(if $(shell command -v soffice 2>/dev/null),--pdf,)

# The whole pipeline on the sample case; `scr build` prints where each output went.
demo: $(STAMP)
	$(BIN)/scr validate samples/child-a
	$(BIN)/scr build samples/child-a --out $(OUT) $(PDF_FLAG)

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) out build *.egg-info
