# marsad: every target sets up .venv itself, so a fresh clone needs nothing installed by hand.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DB ?= marsad.db

.PHONY: run test eval bench lint venv clean

$(BIN)/marsad: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/marsad

venv: $(BIN)/marsad

run: venv
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/marsad ingest examples/ --db $(DB)
	$(BIN)/marsad stats --db $(DB)
	$(BIN)/marsad search 'الجيش الروسي' --db $(DB) --limit 3

test: venv
	$(BIN)/ruff check marsad tests benchmarks eval
	$(BIN)/pytest -q

eval: venv
	$(BIN)/python eval/run_eval.py --shared $(SHARED)

bench: venv
	$(BIN)/python benchmarks/bench_ingest.py --shared $(SHARED)

lint: venv
	$(BIN)/ruff check marsad tests benchmarks eval

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
