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
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .chunking import chunk_document
from .embedder import Embedder, EmbeddingCache, QueryCache, VectorCache, embed_with_cache
from .ingest import corpus_files, load_document
from .model import Chunk, Document
from .progress import BuildProgress
from .restore import AccentRestorer
from .text import fold, folded_tokens
from .tokencache import tokens_cached_at

FORMAT_VERSION = 11
# small reference data that travels with the index (looked up beside the documents)
REFERENCE_DATA = ("glossary.tsv", "units.yaml", "slots.tsv")
log = logging.getLogger(__name__)


class IndexError_(RuntimeError):
    """The index is missing, stale or was built with another embedder."""


@dataclass
class BuildReport:
    files: int
    chunks: int
    embedded: int  # chunks embedded in this build (the rest came from the cache)
    seconds: float
    embed_seconds: float
    tokens: int = 0


def file_checksum(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _import_bm25s():  # type: ignore[no-untyped-def]
    import bm25s

    # bm25s sets its own logger to DEBUG on import, which would print on every build
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


def _bm25(token_lists: list[list[str]]):  # type: ignore[no-untyped-def]
    bm25s = _import_bm25s()

    model = bm25s.BM25(k1=1.2, b=0.75)
    model.index([t or ["∅"] for t in token_lists], show_progress=False)
    return model


@dataclass(frozen=True)
class Original:
    """A document's original file as the index keeps it: enough to store it again."""

    filename: str
    data: bytes
    path: str = ""  # the corpus file it was read from; "" when it came from the document store
    indexed_at: str = ""  # when it entered the index (ISO, UTC); kept across updates


@dataclass
class IndexParts:
    """Everything an index is made of, in memory: what a build computes from files and what
    adding or removing a document changes (retrieval/index_update.py)."""

    documents: list[Document]
    chunks: list[Chunk]
    vectors: "np.ndarray"  # (chunks, dim) normalised passage vectors, in chunk order
    lexical: list[list[str]]  # BM25 tokens of each chunk (pyvi words)
    checksums: dict[str, str]  # doc id -> sha256 of the file it was read from
    restorer: AccentRestorer | None = None
    definitions: dict[str, list[int]] | None = None
    folded: list[list[str]] | None = None  # accent-folded tokens of each chunk (computed when None)
    originals: dict[str, Original] = field(default_factory=dict)  # doc id -> its original file


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def file_originals(documents: list[Document], files: list[Path]) -> dict[str, Original]:
    at = now_iso()
    return {d.doc_id: Original(p.name, p.read_bytes(), str(p.resolve()), at) for d, p in zip(documents, files)}


def build_index(
    corpus_dirs: list[Path],
    index_dir: Path,
    embedder: Embedder,
    cache_path: Path | None,
    progress: BuildProgress | None = None,
) -> BuildReport:
    t0 = time.perf_counter()
    shown = progress or BuildProgress(False)
    files = corpus_files(corpus_dirs)
    if not files:
        raise IndexError_(f"no documents found in {', '.join(map(str, corpus_dirs))}")
    # ParseError names the file
    documents: list[Document] = [load_document(p) for p in shown.documents(files, len(files))]
    seen: dict[str, str] = {}
    for doc, path in zip(documents, files):
        if doc.doc_id in seen:
            raise IndexError_(f"two files give the same document id {doc.doc_id!r}: {seen[doc.doc_id]} and {path}")
        seen[doc.doc_id] = str(path)
    chunks: list[Chunk] = [c for d in documents for c in chunk_document(d)]

    cache = EmbeddingCache(cache_path) if cache_path else None
    t_embed = time.perf_counter()
    texts = [c.dense_text() for c in chunks]
    seen_before = getattr(embedder, "tokens_seen", 0)
    vectors, embedded = embed_with_cache(embedder, texts, cache, progress=shown)
    embed_seconds = time.perf_counter() - t_embed
    tokens = getattr(embedder, "tokens_seen", 0) - seen_before  # 0 for an embedder that does not count
    if cache:
        cache.close()
    shown.note(f"{len(chunks)} chunks embedded ({embedded} new); BM25 and calibration …")
    lexical = tokens_cached_at([c.lexical_text() for c in chunks], cache_path)
    originals = file_originals(documents, files)
    checksums = {doc_id: hashlib.sha256(o.data).hexdigest() for doc_id, o in originals.items()}
    parts = IndexParts(documents, chunks, vectors, lexical, checksums, originals=originals)
    extra = {"corpus_dirs": [str(d.resolve()) for d in corpus_dirs]}
    reference = [d / n for d in corpus_dirs for n in REFERENCE_DATA if (d / n).is_file()]
    cache = EmbeddingCache(cache_path) if cache_path else None
    try:
        write_index(parts, index_dir, embedder, cache, extra, reference)
    finally:
        if cache is not None:
            cache.close()
    return BuildReport(len(files), len(chunks), embedded, time.perf_counter() - t0, embed_seconds, tokens)


def write_index(parts: IndexParts, index_dir: Path, embedder: Embedder, cache: "VectorCache | None",
                manifest_extra: dict, reference: list[Path]) -> "LoadedIndex":  # type: ignore[type-arg]
    """Write an index from its parts into a temporary directory, calibrate it, and swap it
    in only when complete: a failure leaves the previous index untouched. Returns it loaded
    (from memory: nothing is read back)."""
    import faiss

    recover_interrupted(index_dir)
    tmp = index_dir.with_name(index_dir.name + f".tmp-{os.getpid()}-{time.monotonic_ns()}")
    tmp.mkdir(parents=True)
    try:
        dense = dense_index(embedder.dim)
        if len(parts.chunks):
            dense.add(np.ascontiguousarray(parts.vectors, dtype=np.float32))
        faiss.write_index(dense, str(tmp / "dense.faiss"))
        lex = _bm25(parts.lexical)
        lex.save(str(tmp / "bm25"), show_progress=False)
        folded = parts.folded if parts.folded is not None else [folded_tokens(c.lexical_text()) for c in parts.chunks]
        lex_f = _bm25(folded)
        lex_f.save(str(tmp / "bm25_folded"), show_progress=False)
        with (tmp / "tokens.jsonl").open("w", encoding="utf-8") as f:
            for toks, ftoks in zip(parts.lexical, folded):
                f.write(json.dumps([toks, ftoks], ensure_ascii=False) + "\n")
        restorer = parts.restorer or AccentRestorer.build(c.lexical_text() for c in parts.chunks)
        restorer.save(tmp / "restore.json")
        definitions = parts.definitions if parts.definitions is not None else definition_table(parts.chunks)
        (tmp / "definitions.json").write_text(json.dumps(definitions, ensure_ascii=False), encoding="utf-8")
        with (tmp / "chunks.jsonl").open("w", encoding="utf-8") as f:
            for c in parts.chunks:  # a flat dataclass: its fields as they are (asdict copies deeply)
                f.write(json.dumps(vars(c), ensure_ascii=False) + "\n")
        with (tmp / "documents.pkl").open("wb") as fb:
            pickle.dump(parts.documents, fb)
        write_originals(tmp / ORIGINALS, parts.originals)
        articles = sorted({(c.doc_id, c.article) for c in parts.chunks if c.article is not None},
                          key=lambda x: (x[0], _num(x[1])))
        manifest = {
            "format_version": FORMAT_VERSION,
            "embedder": embedder.id,
            "dim": embedder.dim,
            "corpus_dirs": [],
            **manifest_extra,
            "documents": len(parts.documents),
            "document_checksums": parts.checksums,
            "sources": {d.doc_id: _source_record(parts, d.doc_id) for d in parts.documents},
            "reference": {p.name: file_checksum(p) for p in reference if p.is_file() and p.name in REFERENCE_DATA},
            "chunks": len(parts.chunks),
            "articles": [list(a) for a in articles],
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }
        for path in reference:
            if path.is_file() and not (tmp / path.name).exists():
                shutil.copy(path, tmp / path.name)
        faiss.omp_set_num_threads(1)
        loaded = LoadedIndex(tmp, manifest, parts.chunks, parts.documents, dense, lex, lex_f,
                             [(a, b) for a, b in articles], restorer, definitions)
        manifest["abstain_dense"] = _calibrate(loaded, embedder, cache)
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    # swap in only a complete index; the embedding cache lives elsewhere and survives
    old = index_dir.with_name(index_dir.name + f".old-{os.getpid()}-{time.monotonic_ns()}")
    if index_dir.exists():
        index_dir.rename(old)
    tmp.rename(index_dir)
    if old.exists():
        shutil.rmtree(old)
    loaded.path = index_dir
    return loaded


ORIGINALS = "originals.zip"


def _source_record(parts: IndexParts, doc_id: str) -> dict[str, str]:
    o = parts.originals.get(doc_id)
    return {"file": o.filename if o else "", "path": o.path if o else "", "checksum": parts.checksums.get(doc_id, ""),
            "indexed_at": o.indexed_at if o else ""}


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


def _calibrate(index: "LoadedIndex", embedder: Embedder, cache: "VectorCache | None") -> float:
    """The dense similarity off-topic probe questions reach on this index (see calibration.py)."""
    from .calibration import dense_bar, probe_questions
    from .glossary import Glossary
    from .retriever import HybridRetriever

    probes = probe_questions()
    # the probes are the same for every build: embed them once per embedder, like passages
    cached = QueryCache(embedder, cache)
    cached.embed_queries(probes)
    retriever = HybridRetriever(index, cached, Glossary.load(index.path / "glossary.tsv"))
    best = [max((h.dense for h in retriever.search(q, top_k=3)), default=0.0) for q in probes]
    _embed_slot_examples(index.path, retriever)
    return round(dense_bar(best), 4)


def _embed_slot_examples(index_dir: Path, retriever: "HybridRetriever") -> None:  # type: ignore[name-defined]
    """The labelled questions that decide what a question asks, embedded as questions are
    (kept as they are when the index came with them for the same examples)."""
    from .answering.slots import SlotExamples

    pairs = SlotExamples.read(index_dir / "slots.tsv")
    if not pairs:
        return
    done = index_dir / "slots.npz"
    if done.is_file():
        with np.load(done, allow_pickle=False) as old:
            if [str(t) for t in old["texts"]] == [t for _s, t in pairs] and \
                    [str(x) for x in old["slots"]] == [x for x, _t in pairs]:
                return
    vecs = np.stack([retriever.query_vector(t) for _s, t in pairs]).astype(np.float32)
    np.savez(index_dir / "slots.npz", slots=np.array([s for s, _t in pairs]), texts=np.array([t for _s, t in pairs]),
             vectors=vecs)


_LA = re.compile(r"\bla\b")
_NUMBERING = re.compile(r"^(?:\d+\.\s*|[a-zđ]\)\s*)?")


def definition_table(chunks: list[Chunk]) -> dict[str, list[int]]:
    """Law paragraphs that open by defining a term ("1. Thanh niên là …"), by folded term.
    Every way of reading the opening is kept: a term may itself contain the word "là"."""
    table: dict[str, list[int]] = {}
    for i, c in enumerate(chunks):
        if c.article is None:
            continue
        text = fold(c.text)
        text = text[_NUMBERING.match(text).end():]  # type: ignore[union-attr]
        terms: set[str] = set()
        for m in _LA.finditer(text[:160]):
            before = text[: m.start()].strip()
            terms.add(before)
            if before.endswith(")") and "(" in before:  # "Thanh niên (sau đây gọi là …) là"
                terms.add(before[: before.rindex("(")].strip())
        for term in terms - {""}:
            table.setdefault(term, []).append(i)
    return table


def _num(article: str) -> tuple[int, str]:
    digits = "".join(ch for ch in article if ch.isdigit())
    return (int(digits) if digits else 0, article)


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


def is_stale(index_dir: Path, corpus_dirs: list[Path], embedder_id: str | None = None) -> str | None:
    """Why the index must be rebuilt, or None when it is current.

    The corpora are compared with what the index really holds (the manifest's `sources`):
    every document file of the corpora must be in it with the same checksum, every document
    it read from a file under these corpora must still be that file, and it must have been
    read from no other corpus. Documents that came from the document store (uploads) have no
    file and make no index stale."""
    try:
        manifest = read_manifest(index_dir)
    except IndexError_ as exc:
        return str(exc)
    if embedder_id and manifest["embedder"] != embedder_id:
        return f"built with {manifest['embedder']}, configured embedder is {embedder_id}"
    try:
        files = corpus_files(corpus_dirs)
        now = {str(p.resolve()): file_checksum(p) for p in files}
        reference = {p.name: file_checksum(p) for d in corpus_dirs if d.is_dir() for n in REFERENCE_DATA
                     if (p := d / n).is_file()}
    except Exception as exc:  # a missing corpus dir: report rather than crash
        return str(exc)
    held = {rec.get("checksum") for rec in manifest.get("sources", {}).values()}
    read_from = {rec["path"]: rec.get("checksum") for rec in manifest.get("sources", {}).values() if rec.get("path")}
    roots = [d.resolve() for d in corpus_dirs]
    added = sorted(p for p, sha in now.items() if sha not in held and p not in read_from)
    changed = sorted(p for p, sha in now.items() if p in read_from and read_from[p] != sha)
    removed = sorted(p for p in read_from if p not in now and _under(Path(p), roots))
    elsewhere = sorted(p for p in read_from if p not in now and not _under(Path(p), roots))
    changed += sorted(n for n in set(reference) | set(manifest.get("reference", {}))
                      if reference.get(n) != manifest.get("reference", {}).get(n))  # glossary, units, slots
    parts = [f"{label}: {', '.join(Path(x).name for x in xs)}" for label, xs in
             (("added", added), ("removed", removed), ("changed", changed), ("read from other corpora", elsewhere))
             if xs]
    return "corpus changed (" + "; ".join(parts) + ")" if parts else None


def _under(path: Path, roots: list[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)


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

    bm25s = _import_bm25s()

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
