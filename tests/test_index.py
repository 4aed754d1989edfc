"""Index lifecycle over a small corpus of every form (a Kế hoạch in Markdown, a công văn
written with python-docx, a Thông báo printed with fpdf2): what a build holds, the
embedding cache, staleness and `build --if-stale`, a malformed file that leaves the previous
index whole, and indexes of another format version or damaged ones refused with a clear
message. One index is built per module; tests that change things work on copies."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from retrieval.answering import Assistant
from retrieval.dev.docgen import have_fonts, write_corpus
from retrieval.documents.model import AdminDocument
from retrieval.documents.readers import ParseError
from retrieval.index.build import build_index, is_stale
from retrieval.index.stored import FORMAT_VERSION, IndexError_, load_index, read_manifest

NUMBERS = {"ke-hoach-12": "12/KH-UBND", "cong-van-34": "34/UBND-NC", "thong-bao-56": "56/TB-UBND"}

UNIQUE = """Số: 78/KH-UBND

Hưng Yên, ngày 02 tháng 10 năm 2025

**KẾ HOẠCH**

**Tổ chức Ngày Pháp luật Việt Nam năm 2025 tại phường Hồng Châu**

**1. Sở Tư pháp**

Chủ trì tổ chức cuộc thi tìm hiểu pháp luật về hòa giải ở cơ sở tại phường Hồng Châu trước ngày 09/11/2025.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory, embedder, embed_cache):
    """(corpus, index, report): the three documents with the project's glossary and units."""
    if not have_fonts():
        pytest.skip("no DejaVu fonts to print the PDF")
    root = tmp_path_factory.mktemp("small")
    corpus = root / "corpus"
    write_corpus(corpus)
    for name in ("glossary.tsv", "units.yaml"):
        shutil.copy(ROOT / "corpus" / name, corpus / name)
    index = root / "index"
    report = build_index([corpus], index, embedder, embed_cache)
    return corpus, index, report


@pytest.fixture
def own(built, tmp_path, embedder, embed_cache):
    """A copy of the corpus with its own index (from the cache: nothing is embedded again)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(built[0], corpus)
    index = tmp_path / "index"
    report = build_index([corpus], index, embedder, embed_cache)
    assert report.embedded == 0 and report.chunks == built[2].chunks
    return corpus, index


def _manifest(index: Path) -> dict:
    return json.loads((index / "manifest.json").read_text(encoding="utf-8"))


# -- what a build holds ------------------------------------------------------------------------------------
@pytest.mark.slow
def test_index_holds_every_form(built):
    corpus, index, report = built
    assert report.files == 3 and report.chunks > 0
    m = _manifest(index)
    assert m["format_version"] == FORMAT_VERSION and m["embedder"].startswith("onnx:") and m["dim"] == 384
    assert m["documents"] == 3 and m["chunks"] == report.chunks
    # what it holds, document by document: the file each was read from and its checksum
    assert sorted(Path(r["path"]).name for r in m["sources"].values()) == [
        "cong-van-34.docx", "ke-hoach-12.md", "thong-bao-56.pdf"]
    assert {r["checksum"] for r in m["sources"].values()} == set(m["document_checksums"].values())
    assert sorted(m["reference"]) == ["glossary.tsv", "units.yaml"]
    for name in ("dense.faiss", "chunks.jsonl", "documents.pkl", "bm25", "bm25_folded", "restore.json", "definitions.json",
                 "glossary.tsv", "units.yaml", "originals.zip"):
        assert (index / name).exists(), name
    assert 0 < m["abstain_dense"] < 1  # calibrated at build time

    idx = load_index(index)
    assert idx.dense.ntotal == len(idx.chunks) == report.chunks  # type: ignore[attr-defined]
    assert all(isinstance(d, AdminDocument) for d in idx.documents)
    assert {d.doc_id: (d.kind, d.number) for d in idx.documents if isinstance(d, AdminDocument)} == {
        "ke-hoach-12": ("Kế hoạch", "12/KH-UBND"), "cong-van-34": ("Công văn", "34/UBND-NC"),
        "thong-bao-56": ("Thông báo", "56/TB-UBND")}
    ids = [c.chunk_id for c in idx.chunks]
    assert len(ids) == len(set(ids))
    for doc_id, number in NUMBERS.items():
        mine = [c for c in idx.chunks if c.doc_id == doc_id]
        assert mine and all(c.doc_number == number for c in mine)
        assert {"phần đầu", "mục 1", "phần ký"} <= {c.section for c in mine}, doc_id
    # the .docx's task table: a chunk per row, its cells named by their columns
    row = next(c for c in idx.chunks if c.doc_id == "cong-van-34" and c.section.endswith("dòng 2"))
    assert "Tổng hợp, đề xuất phương án" in row.text and "Đơn vị thực hiện: Sở Tư pháp" in row.text
    # the PDF's header table read as furniture, its items as passages
    pdf_head = next(c for c in idx.chunks if c.doc_id == "thong-bao-56" and c.section == "phần đầu")
    assert "Số: 56/TB-UBND" in pdf_head.text and "CỘNG HÒA" not in pdf_head.text


@pytest.mark.slow
def test_the_built_index_answers_from_each_form(built, embedder):
    assistant = Assistant.open(built[1], embedder=embedder)
    for question, number, fact in [
        ("Thanh tra tỉnh phải chuẩn bị hồ sơ tiếp công dân trước ngày nào?", "56/TB-UBND", "12/7/2025"),
        ("Sở Tư pháp báo cáo UBND tỉnh kết quả rà soát thủ tục hộ tịch trước ngày nào?", "34/UBND-NC", "20/5/2025"),
        ("Ai ký Kế hoạch kiểm tra công tác văn thư, lưu trữ năm 2025?", "12/KH-UBND", "Lê Minh Đức"),
    ]:
        ans = assistant.ask(question)
        assert not ans.abstained, question
        assert ans.sources[0].doc_number == number and fact in ans.text, (question, ans.text)


# -- the cache and staleness ---------------------------------------------------------------------------
@pytest.mark.slow
def test_adding_a_document_embeds_only_its_chunks(own, embedder, embed_cache):
    corpus, index = own
    assert is_stale(index, [corpus]) is None
    before = _manifest(index)["chunks"]
    (corpus / "ke-hoach-78.md").write_text(UNIQUE, encoding="utf-8")
    assert is_stale(index, [corpus]) == "corpus changed (added: ke-hoach-78.md)"
    report = build_index([corpus], index, embedder, embed_cache)
    assert report.files == 4 and report.embedded == report.chunks - before > 0
    assert is_stale(index, [corpus]) is None
    assert "78/KH-UBND" in {d.number for d in load_index(index).documents}


@pytest.mark.slow
def test_staleness_names_what_changed(own, embedder):
    corpus, index = own
    (corpus / "cong-van-34.docx").unlink()
    assert is_stale(index, [corpus]) == "corpus changed (removed: cong-van-34.docx)"
    with (corpus / "units.yaml").open("a", encoding="utf-8") as f:
        f.write("\n# a comment is a change too\n")
    (corpus / "ke-hoach-12.md").write_text(UNIQUE, encoding="utf-8")
    assert is_stale(index, [corpus]) == "corpus changed (removed: cong-van-34.docx; changed: ke-hoach-12.md, units.yaml)"
    assert is_stale(index, [corpus], embedder.id) is not None
    assert "configured embedder is st:other" in (is_stale(index, [corpus], "st:other") or "")
    assert "not found" in (is_stale(index, [corpus / "khong-co"]) or "")


# -- a malformed file ------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("name,content", [("hong.docx", b"PK\x03\x04 broken"), ("hong.pdf", b"%PDF-1.7\n garbage")])
def test_malformed_file_is_named_and_the_previous_index_kept_when_strict(own, embedder, embed_cache, name, content):
    corpus, index = own
    before = (index / "manifest.json").read_bytes()
    (corpus / name).write_bytes(content)
    assert "added: " + name in (is_stale(index, [corpus]) or "")
    with pytest.raises(ParseError, match=rf"^{name.replace('.', '[.]')}: "):
        build_index([corpus], index, embedder, embed_cache, strict=True)
    # nothing of the previous index is lost: the same manifest, all three documents still served
    assert (index / "manifest.json").read_bytes() == before
    assert {d.doc_id for d in load_index(index).documents} == set(NUMBERS)
    assert sorted(p.name for p in index.parent.iterdir()) == ["corpus", "index"]  # no half-built index left


@pytest.mark.slow
def test_a_build_leaves_out_what_it_cannot_read_and_records_it(own, embedder, embed_cache):
    corpus, index = own
    (corpus / "hong.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (corpus / "rong.md").write_bytes(b"")
    report = build_index([corpus], index, embedder, embed_cache)
    assert report.files == 3 and {d.doc_id for d in load_index(index).documents} == set(NUMBERS)
    assert [(s.path.name, s.tool) for s in report.skipped] == [("hong.pdf", ""), ("rong.md", "")]
    assert report.skipped[0].reason.startswith("hong.pdf: không đọc được tệp PDF")
    assert report.skipped[1].why == "tệp rỗng"
    skipped = _manifest(index)["skipped"]
    assert {r["file"] for r in skipped.values()} == {"hong.pdf", "rong.md"}
    # an unreadable file left as it is does not make the index stale; changed, it does
    assert is_stale(index, [corpus]) is None
    (corpus / "hong.pdf").write_bytes(b"%PDF-1.7\n other garbage")
    assert is_stale(index, [corpus]) == "corpus changed (changed: hong.pdf)"
    # an update (a document added from the chat) keeps the record
    from retrieval.documents.ingest import parse_markdown
    from retrieval.index.stored import Original
    from retrieval.index.update import Addition, update_index

    doc = parse_markdown(UNIQUE, "ke-hoach-78.md")
    update_index(load_index(index), embedder, [Addition(doc, Original("ke-hoach-78.md", UNIQUE.encode()))])
    assert _manifest(index)["skipped"] == skipped
    # nothing readable at all: refused, the index kept
    empty = corpus.parent / "only-bad"
    empty.mkdir()
    (empty / "hong.docx").write_bytes(b"not a zip")
    before = (index / "manifest.json").read_bytes()
    with pytest.raises(IndexError_, match="no readable documents .*hong.docx"):
        build_index([empty], index, embedder, embed_cache)
    assert (index / "manifest.json").read_bytes() == before


# -- format version and damaged indexes -----------------------------------------------------------------
def _copy(index: Path, to: Path) -> Path:
    shutil.copytree(index, to)
    return to


@pytest.mark.slow
def test_other_format_version_is_refused_with_the_way_out(built, tmp_path, embedder):
    corpus, index, _report = built
    old = _copy(index, tmp_path / "old")
    m = _manifest(old)
    m["format_version"] = FORMAT_VERSION - 1
    (old / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    wanted = rf"format {FORMAT_VERSION - 1}, this code reads {FORMAT_VERSION}: rebuild it with python -m retrieval build"
    for open_it in (read_manifest, load_index, lambda p: Assistant.open(p, embedder=embedder)):
        with pytest.raises(IndexError_, match=wanted):
            open_it(old)
    reason = is_stale(old, [corpus])
    assert reason is not None and f"format {FORMAT_VERSION - 1}" in reason


@pytest.mark.slow
def test_missing_and_damaged_indexes(built, tmp_path, embedder):
    with pytest.raises(IndexError_, match="build it first: python -m retrieval build --index"):
        Assistant.open(tmp_path / "khong-co", embedder=embedder)
    index = built[1]
    for part in ("dense.faiss", "documents.pkl", "definitions.json"):
        broken = _copy(index, tmp_path / f"broken-{part}")
        (broken / part).unlink()
        with pytest.raises(IndexError_, match="incomplete or damaged .*rebuild it"):
            load_index(broken)
    # vectors and chunks that do not agree
    short = _copy(index, tmp_path / "short")
    lines = (short / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
    (short / "chunks.jsonl").write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(IndexError_, match="inconsistent"):
        load_index(short)
    with pytest.raises(IndexError_, match="built with embedder"):
        load_index(index, embedder_id="st:another-model")


@pytest.mark.slow
def test_documents_are_the_parsed_model(built):
    with (built[1] / "documents.pkl").open("rb") as f:
        docs = pickle.load(f)
    cv = next(d for d in docs if d.doc_id == "cong-van-34")
    assert cv.recipients == ["Sở Tư pháp", "UBND các xã, phường"] and cv.signer.name == "Vũ Đình Khải"


# -- the command line -------------------------------------------------------------------------------------
@pytest.mark.slow
def test_build_if_stale(own, embed_cache):
    corpus, index = own
    env = {"EMBED_CACHE": str(embed_cache)}
    args = ("build", "--corpus", str(corpus), "--index", str(index), "--if-stale")
    before = (index / "manifest.json").read_bytes()
    up = run_cli(*args, env=env)
    assert up.returncode == 0, up.stderr
    assert f"index {index}/ is up to date" in up.stdout
    assert (index / "manifest.json").read_bytes() == before  # not rebuilt

    m = _manifest(index)
    m["format_version"] = FORMAT_VERSION - 1
    (index / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    res = run_cli(*args, env=env)
    assert res.returncode == 0, res.stderr
    assert f"rebuilding {index}/" in res.stdout and f"format {FORMAT_VERSION - 1}" in res.stdout
    assert "0 newly embedded" in res.stdout  # the cache survives a rebuild
    assert _manifest(index)["format_version"] == FORMAT_VERSION

    (corpus / "ke-hoach-12.md").write_text(UNIQUE, encoding="utf-8")
    res = run_cli(*args, env=env)
    assert res.returncode == 0, res.stderr
    assert "corpus changed (changed: ke-hoach-12.md)" in res.stdout
    assert is_stale(index, [corpus]) is None


@pytest.mark.slow
def test_build_names_a_malformed_file_and_builds_from_the_others(own, embed_cache):
    corpus, index = own
    before = (index / "manifest.json").read_bytes()
    (corpus / "hong.docx").write_bytes(b"not a zip")
    env = {"EMBED_CACHE": str(embed_cache)}
    strict = run_cli("build", "--strict", "--corpus", str(corpus), "--index", str(index), env=env)
    assert strict.returncode == 2
    assert "hong.docx" in strict.stderr and "left unchanged" in strict.stderr and "Traceback" not in strict.stderr
    assert (index / "manifest.json").read_bytes() == before
    assert not [p for p in os.listdir(index.parent) if ".tmp-" in p]

    res = run_cli("build", "--corpus", str(corpus), "--index", str(index), env=env)
    assert res.returncode == 0 and "Traceback" not in res.stderr, res.stderr
    assert f"left out {corpus / 'hong.docx'}: không phải tệp .docx hợp lệ" in res.stderr
    last = res.stdout.strip().splitlines()[-1]
    assert last.startswith(f"built {index}/: 3 files") and "left out 1 file: hong.docx (không phải tệp .docx hợp lệ" in last
    assert {d.doc_id for d in load_index(index).documents} == set(NUMBERS)
    up = run_cli("build", "--if-stale", "--corpus", str(corpus), "--index", str(index), env=env)
    assert up.returncode == 0 and f"index {index}/ is up to date" in up.stdout


# -- build-time tables ------------------------------------------------------------------------------------
@pytest.mark.slow
def test_definitions_are_indexed_at_build(law_index):
    # "Thanh niên là công dân Việt Nam …" opens Điều 1 of Luật Thanh niên: found by its term, no scan at query time
    ix = load_index(law_index)
    ids = ix.definitions.get("thanh nien", [])
    assert any(ix.chunks[i].chunk_id.startswith("luat-thanh-nien:d1:") for i in ids)
    assert all(ix.chunks[i].article is not None for ids_ in ix.definitions.values() for i in ids_)


def test_token_cache_gives_the_same_tokens_and_skips_segmentation(tmp_path):
    from retrieval.index.tokencache import TokenCache, tokens_with_cache
    from retrieval.lang.text import bm25_tokens

    texts = ["Sở Tư pháp báo cáo UBND tỉnh (qua Sở Nội vụ)", "Thanh niên là công dân Việt Nam"]
    cache = TokenCache(tmp_path / "c.sqlite")
    first = tokens_with_cache(texts, cache)
    assert first == [bm25_tokens(t) for t in texts]
    cache.close()
    cache = TokenCache(tmp_path / "c.sqlite")
    assert len(cache.get_many([TokenCache.key(t) for t in texts])) == 2  # stored, found by text
    assert tokens_with_cache(texts, cache) == first
    cache.close()


def test_an_index_swap_cut_short_is_recovered(tmp_path, directive_index):
    """A process killed between the two renames of a swap leaves no index, the new one complete
    beside it: the next reader puts it back and removes the dead process's other leftovers."""
    import subprocess

    proc = subprocess.Popen(["true"])
    proc.wait()  # finished: its pid names a dead process
    index = tmp_path / "index"
    shutil.copytree(directive_index, tmp_path / f"index.tmp-{proc.pid}-2")  # complete: manifest written last
    partial = tmp_path / f"index.tmp-{proc.pid}-3"
    shutil.copytree(directive_index, partial)
    (partial / "manifest.json").unlink()  # cut short before its manifest
    assert read_manifest(index)["format_version"] == FORMAT_VERSION
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index"]
    assert load_index(index).chunks
