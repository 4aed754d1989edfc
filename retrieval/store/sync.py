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

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.documents.passages import chunk_document
from retrieval.embedding.embedder import ChainedCache, Embedder, VectorCache, embed_with_cache
from retrieval.index.build import IndexParts, write_index
from retrieval.index.stored import IndexError_, LoadedIndex, Original, now_iso
from retrieval.index.tokencache import tokens_cached_at
from retrieval.index.update import Addition, IndexChange, update_index

if TYPE_CHECKING:
    from retrieval.store.corpus import CorpusStore



log = logging.getLogger(__name__)


def follow(index: LoadedIndex, store: "CorpusStore", embedder: Embedder, token_cache: Path | None = None,
           local_cache: VectorCache | None = None) -> tuple[LoadedIndex, IndexChange, int] | None:
    """Bring `index` to the store's newest version: the documents it lacks added (read from
    their stored bytes, their vectors from the database), those the store says are out of
    force removed, each with a log line naming it and why. A document the store has never
    seen is kept (`retrieval.store.reconcile` stores it first). None when there is nothing to do.
    Every process on one database runs this and converges."""
    from retrieval.store.reconcile import out_of_force_reason

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
    from retrieval.store.corpus import read_bytes

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
    from retrieval.embedding.embedder import EmbeddingCache

    vectors = store.vectors()
    keys = [EmbeddingCache.key(embedder_id, c.dense_text()) for c in index.chunks]
    have = vectors.get_many(keys)
    todo = [i for i, k in enumerate(keys) if k not in have]
    if todo:
        mat = index.dense.reconstruct_n(0, len(index.chunks))  # type: ignore[attr-defined]
        vectors.put_many([(keys[i], mat[i]) for i in todo])
    return len(todo)

