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

import numpy as np

from retrieval.documents.model import Document
from retrieval.documents.passages import Chunk, chunk_document
from retrieval.embedding.embedder import Embedder, VectorCache, embed_with_cache
from retrieval.index.build import IndexParts, definition_table, write_index
from retrieval.index.stored import REFERENCE_DATA, IndexError_, LoadedIndex, Original, read_originals
from retrieval.index.tokencache import tokens_cached_at
from retrieval.lang.accents import AccentRestorer
from retrieval.lang.text import folded_tokens

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
    extra = {k: index.manifest[k] for k in ("corpus_dirs", "db_version", "skipped") if k in index.manifest}
    extra.update(note or {})
    # the reference data and the slot examples' vectors go with it (the examples are not embedded again)
    reference = [index.path / n for n in (*REFERENCE_DATA, "slots.npz")]
    loaded = write_index(new_parts, index.path, embedder, cache, extra, reference)
    change = IndexChange([a.document.doc_id for a in add], sorted(set(remove)), len(new_chunks), embedded,
                         time.perf_counter() - t0)
    return loaded, change

