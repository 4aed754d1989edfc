# Two commands matter: `make run` and `make test`. Both start with `make setup`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: setup run test index eval bench chat clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# torch first and pinned: an unpinned one would pull a multi-GB CUDA build
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

index: setup
	$(BIN)/python -m retrieval build --if-stale

run: index
	$(BIN)/python -m bot

test: setup
	$(BIN)/python -m pytest -q

eval: index
	$(BIN)/python -m retrieval eval ../shared/eval/qa_public.jsonl

bench: index
	$(BIN)/python -m retrieval bench

chat: index
	$(BIN)/python -m bot --console

clean:
	rm -rf index .cache data
