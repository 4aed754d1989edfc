"""BM25 tokens of passages, cached beside their embeddings.

After the embedding cache, pyvi segmentation is most of a rebuild of an unchanged corpus
(about 35 of 45 seconds for the 28 laws). Tokens are keyed by the passage text and by a
fingerprint of the tokenizer's rules, so a change of stopwords or of the segmenter makes
old entries unreachable instead of wrong.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from retrieval.lang.text import STOPWORDS, bm25_tokens

RULES = "bm25-tokens-v1|pyvi3|" + hashlib.sha1(" ".join(sorted(STOPWORDS)).encode("utf-8")).hexdigest()[:12]


class TokenCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path))
        self._db.execute("CREATE TABLE IF NOT EXISTS bm25_tokens (key TEXT PRIMARY KEY, tokens TEXT)")

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(f"{RULES}\n{text}".encode("utf-8")).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            q = f"SELECT key, tokens FROM bm25_tokens WHERE key IN ({','.join('?' * len(part))})"
            for k, toks in self._db.execute(q, part):
                found[k] = json.loads(toks)
        return found

    def put_many(self, items: list[tuple[str, list[str]]]) -> None:
        self._db.executemany("INSERT OR REPLACE INTO bm25_tokens VALUES (?, ?)",
                             [(k, json.dumps(t, ensure_ascii=False)) for k, t in items])
        self._db.commit()

    def close(self) -> None:
        self._db.close()


def tokens_with_cache(texts: list[str], cache: TokenCache | None) -> list[list[str]]:
    """`bm25_tokens` of every text, segmenting only those not segmented before."""
    if cache is None:
        return [bm25_tokens(t) for t in texts]
    keys = [TokenCache.key(t) for t in texts]
    found = cache.get_many(keys)
    new: list[tuple[str, list[str]]] = []
    out: list[list[str]] = []
    for k, t in zip(keys, texts):
        toks = found.get(k)
        if toks is None:
            toks = found[k] = bm25_tokens(t)
            new.append((k, toks))
        out.append(toks)
    if new:
        cache.put_many(new)
    return out


def tokens_cached_at(texts: list[str], path: Path | None) -> list[list[str]]:
    """`tokens_with_cache` with the cache at `path` (none: segment everything), opened for the call."""
    cache = TokenCache(path) if path else None
    try:
        return tokens_with_cache(texts, cache)
    finally:
        if cache is not None:
            cache.close()
