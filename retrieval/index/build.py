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

A file no reader can read (damaged, a scan with no text, a .doc without LibreOffice) is left
out of a build, named with the reason, and recorded in the manifest (`skipped`: its checksum,
the reason, the program it lacked): the same file unchanged does not make the index stale
again, a changed one does, and so does the program it lacked once it is installed.
`strict` keeps the all-or-nothing build: any such file and nothing is written.

A build writes into a temporary directory and swaps it in only when complete, so a
malformed file or an interrupted build leaves the previous index untouched.
"""


from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from retrieval.documents.ingest import corpus_files, load_document
from retrieval.documents.model import Document
from retrieval.documents.passages import Chunk, chunk_document
from retrieval.documents.readers import ParseError, can_read_with, reading
from retrieval.embedding.embedder import Embedder, EmbeddingCache, QueryCache, VectorCache, embed_with_cache
from retrieval.index.examples import embed_labelled
from retrieval.index.progress import BuildProgress
from retrieval.index.stored import (
    FORMAT_VERSION,
    ORIGINALS,
    REFERENCE_DATA,
    IndexError_,
    LoadedIndex,
    Original,
    dense_index,
    file_checksum,
    import_bm25s,
    now_iso,
    read_manifest,
    recover_interrupted,
    write_originals,
)
from retrieval.index.tokencache import tokens_cached_at
from retrieval.lang.accents import AccentRestorer
from retrieval.lang.text import fold, folded_tokens

# the reference data that ships with the code (corpus/ of the repository), and the part of it
# that is language rather than one province's registry
PROJECT_CORPUS = Path(__file__).resolve().parents[2] / "corpus"
LANGUAGE_DATA = ("glossary.tsv", "slots.tsv")


def reference_files(corpus_dirs: list[Path]) -> list[Path]:
    """The glossary, registry additions and slot examples an index of these folders carries: the
    folders' own; for a folder of documents alone, the project's glossary and slot examples
    (language, not a province's data: without them "TT PVHCC" is not "Trung tâm Phục vụ hành
    chính công")."""
    own = [p for d in corpus_dirs if d.is_dir() for n in REFERENCE_DATA if (p := d / n).is_file()]
    return own or [p for n in LANGUAGE_DATA if (p := PROJECT_CORPUS / n).is_file()]


@dataclass(frozen=True)
class Skipped:
    """A corpus file a build left out."""

    path: Path
    reason: str  # the reader's ParseError, which names the file
    tool: str = ""  # the program whose absence was the reason (MissingTool), else ""

    @property
    def why(self) -> str:
        """The reason without the file's name in front."""
        return self.reason.removeprefix(f"{self.path.name}: ")


@dataclass
class BuildReport:
    files: int  # documents in the index
    chunks: int
    embedded: int  # chunks embedded in this build (the rest came from the cache)
    seconds: float
    embed_seconds: float
    tokens: int = 0
    skipped: list[Skipped] = field(default_factory=list)


def _bm25(token_lists: list[list[str]]):  # type: ignore[no-untyped-def]
    bm25s = import_bm25s()

    model = bm25s.BM25(k1=1.2, b=0.75)
    model.index([t or ["∅"] for t in token_lists], show_progress=False)
    return model


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


def file_originals(documents: list[Document], files: list[Path]) -> dict[str, Original]:
    at = now_iso()
    return {d.doc_id: Original(p.name, p.read_bytes(), str(p.resolve()), at) for d, p in zip(documents, files)}


def build_index(
    corpus_dirs: list[Path],
    index_dir: Path,
    embedder: Embedder,
    cache_path: Path | None,
    progress: BuildProgress | None = None,
    strict: bool = False,
) -> BuildReport:
    """Build the index of the corpora's files. A file that cannot be read is left out and named
    in the report's `skipped`; with `strict`, a ParseError naming every such file instead, and
    the index is left as it was."""
    t0 = time.perf_counter()
    shown = progress or BuildProgress(False)
    found = corpus_files(corpus_dirs)
    if not found:
        raise IndexError_(f"no documents found in {', '.join(map(str, corpus_dirs))}")
    documents, files, skipped = _read_all(found, shown)
    if skipped and strict:
        raise ParseError("\n".join(s.reason for s in skipped))
    if not documents:
        raise IndexError_(f"no readable documents in {', '.join(map(str, corpus_dirs))}: "
                          + "; ".join(s.reason for s in skipped))
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
    extra = {"corpus_dirs": [str(d.resolve()) for d in corpus_dirs], "skipped": skipped_record(skipped)}
    reference = reference_files(corpus_dirs)
    cache = EmbeddingCache(cache_path) if cache_path else None
    try:
        write_index(parts, index_dir, embedder, cache, extra, reference)
    finally:
        if cache is not None:
            cache.close()
    return BuildReport(len(files), len(chunks), embedded, time.perf_counter() - t0, embed_seconds, tokens, skipped)


def _read_all(files: list[Path], shown: BuildProgress) -> tuple[list[Document], list[Path], list[Skipped]]:
    """Every file read: (documents, the files they came from, the files left out and why)."""
    documents: list[Document] = []
    read: list[Path] = []
    skipped: list[Skipped] = []
    for path in shown.documents(files, len(files)):
        def pages(done: int, total: int, name: str = path.name) -> None:  # a scan read by OCR, on a terminal
            if done == 0:
                shown.note(f"{name}: {total} scanned pages, read by OCR …")
            elif done == total:
                shown.note(f"{name}: OCR done ({total} pages)")
        try:
            with reading(pages):
                documents.append(load_document(path))
            read.append(path)
        except ParseError as exc:  # it names the file and says why
            skipped.append(Skipped(path, str(exc), getattr(exc, "tool", "")))
    return documents, read, skipped


def skipped_record(skipped: list[Skipped]) -> dict[str, dict[str, str]]:
    """The manifest's `skipped`: by resolved path, the file's checksum, why, and the program it lacked."""
    return {str(s.path.resolve()): {"file": s.path.name, "checksum": file_checksum(s.path), "reason": s.reason,
                                    "tool": s.tool} for s in skipped if s.path.is_file()}


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


def _source_record(parts: IndexParts, doc_id: str) -> dict[str, str]:
    o = parts.originals.get(doc_id)
    return {"file": o.filename if o else "", "path": o.path if o else "", "checksum": parts.checksums.get(doc_id, ""),
            "indexed_at": o.indexed_at if o else ""}


def _calibrate(index: "LoadedIndex", embedder: Embedder, cache: "VectorCache | None") -> float:
    """The dense similarity off-topic probe questions reach on this index (see calibration.py)."""
    from retrieval.index.calibration import dense_bar, probe_questions
    from retrieval.index.retriever import HybridRetriever
    from retrieval.lang.glossary import Glossary

    probes = probe_questions()
    # the probes are the same for every build: embed them once per embedder, like passages
    cached = QueryCache(embedder, cache)
    cached.embed_queries(probes)
    retriever = HybridRetriever(index, cached, Glossary.load(index.path / "glossary.tsv"))
    best = [max((h.dense for h in retriever.search(q, top_k=3)), default=0.0) for q in probes]
    embed_labelled(index.path, retriever.query_vector)
    return round(dense_bar(best), 4)


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


def is_stale(index_dir: Path, corpus_dirs: list[Path], embedder_id: str | None = None) -> str | None:
    """Why the index must be rebuilt, or None when it is current.

    The corpora are compared with what the index really holds (the manifest's `sources`):
    every document file of the corpora must be in it with the same checksum, every document
    it read from a file under these corpora must still be that file, and it must have been
    read from no other corpus. Documents that came from the document store (uploads) have no
    file and make no index stale. A file the last build left out (`skipped`) counts as held
    while it is unchanged, unless the program it lacked is there now."""
    try:
        manifest = read_manifest(index_dir)
    except IndexError_ as exc:
        return str(exc)
    if embedder_id and manifest["embedder"] != embedder_id:
        return f"built with {manifest['embedder']}, configured embedder is {embedder_id}"
    try:
        files = corpus_files(corpus_dirs)
        now = {str(p.resolve()): file_checksum(p) for p in files}
        reference = {p.name: file_checksum(p) for p in reference_files(corpus_dirs)}
    except Exception as exc:  # a missing corpus dir: report rather than crash
        return str(exc)
    held = {rec.get("checksum") for rec in manifest.get("sources", {}).values()}
    read_from = {rec["path"]: rec.get("checksum") for rec in manifest.get("sources", {}).values() if rec.get("path")}
    left_out = {p: rec for p, rec in (manifest.get("skipped") or {}).items() if p in now}
    readable = sorted(p for p, rec in left_out.items()
                      if rec.get("checksum") == now[p] and rec.get("tool") and can_read_with(rec["tool"]))
    roots = [d.resolve() for d in corpus_dirs]
    added = sorted(p for p, sha in now.items() if sha not in held and p not in read_from and p not in left_out)
    changed = sorted(p for p, sha in now.items() if p in read_from and read_from[p] != sha)
    changed += sorted(p for p, rec in left_out.items() if rec.get("checksum") != now[p] and p not in read_from)
    removed = sorted(p for p in read_from if p not in now and _under(Path(p), roots))
    elsewhere = sorted(p for p in read_from if p not in now and not _under(Path(p), roots))
    changed += sorted(n for n in set(reference) | set(manifest.get("reference", {}))
                      if reference.get(n) != manifest.get("reference", {}).get(n))  # glossary, units, slots
    parts = [f"{label}: {', '.join(Path(x).name for x in xs)}" for label, xs in
             (("added", added), ("removed", removed), ("changed", changed), ("read from other corpora", elsewhere),
              ("readable now", readable))
             if xs]
    return "corpus changed (" + "; ".join(parts) + ")" if parts else None


def _under(path: Path, roots: list[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)

