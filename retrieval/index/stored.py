"""Build and load the on-disk index: chunks, parsed documents, FAISS vectors, two BM25s.

index/
  manifest.json    format version, embedder id and dimension, corpus file checksums, counts
  chunks.jsonl     every chunk, in index order
  documents.pkl    parsed Directive/Law structures (metadata, references, footnotes)
  dense.faiss      inner-product index over normalised passage vectors, kept in fp16
  bm25/            pyvi-segmented accented field
  bm25_folded/     accent-folded syllables and bigrams
  restore.json     the corpus's accented forms of folded syllables, for questions typed without diacritics
  tokens.jsonl     each chunk's BM25 tokens, so adding or removing a document re-indexes without re-segmenting
  originals.zip    each document's original file, so the index can hand any document it holds to the
                   document store even when the corpus file is gone (bot start-up never drops one)

The manifest says what the index holds, document by document (`sources`: file name, the
corpus file it was read from, checksum, when it was indexed); every build and every update
rewrites it, and `is_stale` compares the corpora with that, not with a list of files.

A build writes into a temporary directory and swaps it in only when complete, so a
malformed file or an interrupted build leaves the previous index untouched.
"""


from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from retrieval.documents.model import Document
from retrieval.documents.passages import Chunk
from retrieval.lang.accents import AccentRestorer

FORMAT_VERSION = 11


# small reference data that travels with the index (looked up beside the documents)
REFERENCE_DATA = ("glossary.tsv", "units.yaml", "slots.tsv")


log = logging.getLogger(__name__)


class IndexError_(RuntimeError):
    """The index is missing, stale or was built with another embedder."""


def file_checksum(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def import_bm25s():  # type: ignore[no-untyped-def]
    import bm25s

    # bm25s sets its own logger to DEBUG on import, which would print on every build
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


@dataclass(frozen=True)
class Original:
    """A document's original file as the index keeps it: enough to store it again."""

    filename: str
    data: bytes
    path: str = ""  # the corpus file it was read from; "" when it came from the document store
    indexed_at: str = ""  # when it entered the index (ISO, UTC); kept across updates


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


ORIGINALS = "originals.zip"


def write_originals(path: Path, originals: dict[str, Original]) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for doc_id, o in sorted(originals.items()):
            z.writestr(doc_id, o.data)


def read_originals(index: "LoadedIndex") -> dict[str, Original]:
    """The original files the index keeps, by document id (with what the manifest says of them)."""
    import zipfile

    sources = index.manifest.get("sources") or {}
    path = index.path / ORIGINALS
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            return {doc_id: Original(rec.get("file") or doc_id, z.read(doc_id), rec.get("path") or "",
                                     rec.get("indexed_at") or "")
                    for doc_id, rec in sources.items() if doc_id in names}
    except (OSError, zipfile.BadZipFile) as exc:
        raise IndexError_(f"the index at {index.path}/ has no usable {ORIGINALS} ({exc}); rebuild it") from exc


def dense_index(dim: int) -> Any:
    """An exhaustive inner-product index holding the vectors in fp16. A question scans all of
    them and the scan is bound by memory: 20,000 law paragraphs are 31 MB in fp32 and take
    1.4 ms, 16 MB and 0.6 ms in fp16. fp16 keeps 11 bits of each component: a cosine moves
    by ~1e-5, a tenth of what separates neighbours in the rankings."""
    import faiss

    return faiss.IndexScalarQuantizer(dim, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def recover_interrupted(index_dir: Path) -> None:
    """What a process killed while swapping an index in left beside it: when the index itself
    is gone, the newest complete copy (its manifest is written last) takes its place; the other
    leftovers of dead processes are removed. Those of a live process (a build under way) stay."""
    leftovers = []
    for p in index_dir.parent.glob(f"{index_dir.name}.*-*-*"):
        kind, _, rest = p.name[len(index_dir.name) + 1:].partition("-")
        pid = rest.split("-")[0]
        if kind in ("tmp", "old") and pid.isdigit() and not _alive(int(pid)):
            leftovers.append(p)
    if not leftovers:
        return
    leftovers.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    if not (index_dir / "manifest.json").exists() and not index_dir.exists():
        complete = next((p for p in leftovers if (p / "manifest.json").is_file()), None)
        if complete is not None:
            log.warning("%s was missing (a process died while swapping it in): restored from %s", index_dir, complete.name)
            complete.rename(index_dir)
            leftovers.remove(complete)
    for p in leftovers:
        shutil.rmtree(p, ignore_errors=True)


def read_manifest(index_dir: Path) -> dict:  # type: ignore[type-arg]
    recover_interrupted(index_dir)
    path = index_dir / "manifest.json"
    if not path.exists():
        raise IndexError_(
            f"no index at {index_dir}/ — build it first: python -m retrieval build --index {index_dir}"
        )
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexError_(
            f"the index at {index_dir}/ has format {manifest.get('format_version')}, this code reads "
            f"{FORMAT_VERSION}: rebuild it with python -m retrieval build --index {index_dir}"
        )
    return manifest


@dataclass
class LoadedIndex:
    path: Path
    manifest: dict  # type: ignore[type-arg]
    chunks: list[Chunk]
    documents: list[Document]
    dense: object  # faiss.Index
    bm25: object
    bm25_folded: object
    articles: list[tuple[str, str]] = field(default_factory=list)
    restorer: AccentRestorer | None = None
    # folded term -> chunks (law paragraphs) that open by defining it: "Thanh niên là …"
    definitions: dict[str, list[int]] = field(default_factory=dict)


def load_index(index_dir: Path, embedder_id: str | None = None) -> LoadedIndex:
    import faiss

    bm25s = import_bm25s()

    manifest = read_manifest(index_dir)
    if embedder_id is not None and manifest["embedder"] != embedder_id:
        raise IndexError_(
            f"the index at {index_dir}/ was built with embedder {manifest['embedder']!r}, but this query "
            f"uses {embedder_id!r}; rebuild the index with the same EMBEDDER or query with the one it was built with"
        )
    try:
        with (index_dir / "chunks.jsonl").open(encoding="utf-8") as f:
            chunks = [Chunk(**json.loads(line)) for line in f if line.strip()]
        with (index_dir / "documents.pkl").open("rb") as f:
            documents = pickle.load(f)
        dense = faiss.read_index(str(index_dir / "dense.faiss"))
        lex = bm25s.BM25.load(str(index_dir / "bm25"), load_corpus=False, show_progress=False)
        lex_f = bm25s.BM25.load(str(index_dir / "bm25_folded"), load_corpus=False, show_progress=False)
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, RuntimeError) as exc:
        raise IndexError_(f"the index at {index_dir}/ is incomplete or damaged ({exc}); rebuild it") from exc
    if dense.ntotal != len(chunks) or dense.d != manifest["dim"]:
        raise IndexError_(f"the index at {index_dir}/ is inconsistent (vectors vs chunks); rebuild it")
    articles = [tuple(a) for a in manifest.get("articles", [])]
    # one query at a time: OpenMP threads cost more than they save, and contend with the embedder's
    faiss.omp_set_num_threads(1)
    try:
        definitions = json.loads((index_dir / "definitions.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexError_(f"the index at {index_dir}/ is incomplete or damaged ({exc}); rebuild it") from exc
    return LoadedIndex(index_dir, manifest, chunks, documents, dense, lex, lex_f, articles,  # type: ignore[arg-type]
                       AccentRestorer.load(index_dir / "restore.json"), definitions)

