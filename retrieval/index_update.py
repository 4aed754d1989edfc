"""Adding, replacing and removing documents in a built index, without building it again.

A new document is parsed, chunked and embedded alone (its vectors come from the cache when
its text was embedded before, by this process or by another one sharing the database); the
rest of the index is taken as it is: its vectors from FAISS, its BM25 tokens from
`tokens.jsonl`, its accent dictionary merged rather than recounted. The lexical indexes are
re-indexed over the token lists (seconds even for the 28 laws), the abstention bar
recalibrated, and the new index written beside the old one and swapped in whole, as a build
does: a failure leaves the served index as it was.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .chunking import chunk_document
from .embedder import ChainedCache, Embedder, VectorCache, embed_with_cache
from .index import (REFERENCE_DATA, IndexError_, IndexParts, LoadedIndex, Original, definition_table, now_iso,
                    read_originals, write_index)
from .model import Chunk, Document
from .restore import AccentRestorer
from .text import folded_tokens
from .tokencache import tokens_cached_at

if TYPE_CHECKING:
    from .corpus_store import CorpusStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Addition:
    """A document to put into an index, with the file it was read from."""

    document: Document
    original: Original

    @property
    def checksum(self) -> str:
        import hashlib

        return hashlib.sha256(self.original.data).hexdigest()


@dataclass
class IndexChange:
    added: list[str]  # doc ids
    removed: list[str]
    chunks_added: int
    embedded: int  # chunks embedded now (the others' vectors came from the cache)
    seconds: float
    reasons: dict[str, str] = field(default_factory=dict)  # removed or replaced doc id -> why


def read_parts(index: LoadedIndex) -> IndexParts:
    """The parts of a loaded index, as a build made them."""
    path = index.path / "tokens.jsonl"
    try:
        with path.open(encoding="utf-8") as f:
            pairs = [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as exc:
        raise IndexError_(f"the index at {index.path}/ has no usable tokens.jsonl ({exc}); rebuild it") from exc
    n = len(index.chunks)
    if len(pairs) != n:
        raise IndexError_(f"the index at {index.path}/ is inconsistent (tokens vs chunks); rebuild it")
    vectors = index.dense.reconstruct_n(0, n) if n else np.zeros((0, index.manifest["dim"]), dtype=np.float32)  # type: ignore[attr-defined]
    return IndexParts(list(index.documents), list(index.chunks), np.asarray(vectors, dtype=np.float32),
                      [p[0] for p in pairs], dict(index.manifest.get("document_checksums") or {}), index.restorer,
                      dict(index.definitions), [p[1] for p in pairs], read_originals(index))


def update_index(index: LoadedIndex, embedder: Embedder, add: list[Addition] = (),  # type: ignore[assignment]
                 remove: set[str] | frozenset[str] = frozenset(), cache: VectorCache | None = None,
                 token_cache: Path | None = None, note: dict | None = None) -> tuple[LoadedIndex, IndexChange]:  # type: ignore[type-arg]
    """A new index: `index` without the documents `remove` names, with the documents of `add`
    (one whose id is already indexed replaces it). Written over `index.path`, returned loaded;
    its manifest describes exactly the documents it holds."""
    t0 = time.perf_counter()
    if index.manifest["embedder"] != embedder.id:
        raise IndexError_(f"the index was built with {index.manifest['embedder']}, not {embedder.id}")
    parts = read_parts(index)
    drop = set(remove) | {a.document.doc_id for a in add}
    known = {d.doc_id for d in parts.documents}
    missing = set(remove) - known
    if missing:
        raise IndexError_(f"not in the index: {', '.join(sorted(missing))}")
    keep = [i for i, c in enumerate(parts.chunks) if c.doc_id not in drop]
    dropped_chunks = len(parts.chunks) - len(keep)
    new_chunks: list[Chunk] = [c for a in add for c in chunk_document(a.document)]
    vectors, embedded = embed_with_cache(embedder, [c.dense_text() for c in new_chunks], cache)
    lexical = tokens_cached_at([c.lexical_text() for c in new_chunks], token_cache)
    chunks = [parts.chunks[i] for i in keep] + new_chunks
    if dropped_chunks:
        # words a removed document brought must go: count the dictionary again
        restorer = AccentRestorer.build(c.lexical_text() for c in chunks)
    else:
        restorer = (parts.restorer or AccentRestorer.build([])).merged(AccentRestorer.build(c.lexical_text() for c in new_chunks))
    checksums = {k: v for k, v in parts.checksums.items() if k not in drop}
    checksums.update({a.document.doc_id: a.checksum for a in add})
    originals = {k: v for k, v in parts.originals.items() if k not in drop}
    originals.update({a.document.doc_id: a.original for a in add})
    # definitions: the kept chunks' entries moved to their new places, the new chunks' added
    at = {old: new for new, old in enumerate(keep)}
    definitions: dict[str, list[int]] = {}
    for term, ids in (parts.definitions or {}).items():
        moved = [at[i] for i in ids if i in at]
        if moved:
            definitions[term] = moved
    for term, ids in definition_table(new_chunks).items():
        definitions.setdefault(term, []).extend(i + len(keep) for i in ids)
    old_folded = parts.folded or [folded_tokens(c.lexical_text()) for c in parts.chunks]
    new_parts = IndexParts(
        documents=[d for d in parts.documents if d.doc_id not in drop] + [a.document for a in add],
        chunks=chunks,
        vectors=np.concatenate([parts.vectors[keep], vectors]) if len(chunks) else parts.vectors[:0],
        lexical=[parts.lexical[i] for i in keep] + lexical,
        checksums=checksums,
        restorer=restorer,
        definitions=definitions,
        folded=[old_folded[i] for i in keep] + [folded_tokens(c.lexical_text()) for c in new_chunks],
        originals=originals,
    )
    extra = {k: index.manifest[k] for k in ("corpus_dirs", "db_version") if k in index.manifest}
    extra.update(note or {})
    # the reference data and the slot examples' vectors go with it (the examples are not embedded again)
    reference = [index.path / n for n in (*REFERENCE_DATA, "slots.npz")]
    loaded = write_index(new_parts, index.path, embedder, cache, extra, reference)
    change = IndexChange([a.document.doc_id for a in add], sorted(set(remove)), len(new_chunks), embedded,
                         time.perf_counter() - t0)
    return loaded, change




def follow(index: LoadedIndex, store: "CorpusStore", embedder: Embedder, token_cache: Path | None = None,
           local_cache: VectorCache | None = None) -> tuple[LoadedIndex, IndexChange, int] | None:
    """Bring `index` to the store's newest version: the documents it lacks added (read from
    their stored bytes, their vectors from the database), those the store says are out of
    force removed, each with a log line naming it and why. A document the store has never
    seen is kept (`retrieval.reconcile` stores it first). None when there is nothing to do.
    Every process on one database runs this and converges."""
    from .reconcile import out_of_force_reason

    version, wanted = store.latest_version()
    have = dict(index.manifest.get("document_checksums") or {})
    if version == index.manifest.get("db_version") and have == wanted:
        return None
    add_ids = [d for d, sha in wanted.items() if have.get(d) != sha]
    stale = {d: sha for d, sha in have.items() if wanted.get(d) != sha}
    known = store.by_checksum(stale.values()) if stale else {}
    remove: set[str] = set()
    reasons: dict[str, str] = {}
    unknown: list[str] = []
    for d, sha in sorted(stale.items()):
        why = out_of_force_reason(known.get(sha, []))
        if why is None and d not in wanted:
            unknown.append(d)  # never seen by the store: never dropped
            continue
        reasons[d] = why or "replaced by the store's version of the same id (this copy was never stored)"
        if d not in add_ids:
            remove.add(d)
    if not add_ids and not remove:
        if version != index.manifest.get("db_version"):
            for d in unknown:
                log.warning("%s stays in %s although the store does not hold it", d, index.path)
            index.manifest["db_version"] = version  # the same documents: nothing on disk changes
            return index, IndexChange([], [], 0, 0, 0.0), version
        return None
    add = [_stored_addition(store, d) for d in add_ids]
    # the database's vectors first (every process shares them), then this machine's cache
    cache = ChainedCache(store.vectors(), local_cache)
    new, change = update_index(index, embedder, add=add, remove=remove, cache=cache,
                               token_cache=token_cache, note={"db_version": version})
    for d, why in sorted(reasons.items()):
        log.info("%s: %s left the index (%s)", index.path, d, why)
    for d in unknown:
        log.warning("%s stays in %s although the store does not hold it", d, index.path)
    change.reasons = reasons
    return new, change, version


def _stored_addition(store: "CorpusStore", doc_id: str) -> Addition:
    """A stored document read again from its bytes, under its stored id."""
    from .corpus_store import read_bytes

    info = store.get(doc_id)
    if info is None:
        raise KeyError(doc_id)
    data = store.content(doc_id)
    doc = read_bytes(info.filename, data)
    doc.doc_id = doc_id
    return Addition(doc, Original(info.filename, data, "", now_iso()))


def build_from_store(store: "CorpusStore", index_dir: Path, embedder: Embedder, reference: list[Path],
                     token_cache: Path | None = None,
                     local_cache: VectorCache | None = None) -> tuple[LoadedIndex, IndexChange]:
    """An index of the store's documents in force, from their stored bytes; vectors from the
    database (only text never embedded before is embedded, and stored for the next one)."""
    t0 = time.perf_counter()
    version, wanted = store.latest_version()
    if not wanted:
        raise IndexError_("the database holds no documents yet: add some (the bot imports CORPUS_DIRS at start)")
    additions = [_stored_addition(store, d) for d in sorted(wanted)]
    documents = [a.document for a in additions]
    chunks = [c for d in documents for c in chunk_document(d)]
    vectors, embedded = embed_with_cache(embedder, [c.dense_text() for c in chunks],
                                         ChainedCache(store.vectors(), local_cache))
    lexical = tokens_cached_at([c.lexical_text() for c in chunks], token_cache)
    parts = IndexParts(documents, chunks, vectors, lexical, dict(wanted),
                       originals={a.document.doc_id: a.original for a in additions})
    loaded = write_index(parts, index_dir, embedder, store.vectors(), {"db_version": version}, reference)
    return loaded, IndexChange(sorted(wanted), [], len(chunks), embedded, time.perf_counter() - t0)


def store_vectors(index: LoadedIndex, store: "CorpusStore", embedder_id: str) -> int:
    """The vectors of an index built from files, written beside the stored documents (once),
    so a replica or `build --from-db` never embeds them again. Returns how many were new."""
    from .embedder import EmbeddingCache

    vectors = store.vectors()
    keys = [EmbeddingCache.key(embedder_id, c.dense_text()) for c in index.chunks]
    have = vectors.get_many(keys)
    todo = [i for i, k in enumerate(keys) if k not in have]
    if todo:
        mat = index.dense.reconstruct_n(0, len(index.chunks))  # type: ignore[attr-defined]
        vectors.put_many([(keys[i], mat[i]) for i in todo])
    return len(todo)


__all__ = ["Addition", "IndexChange", "build_from_store", "follow", "read_parts", "store_vectors", "update_index"]
