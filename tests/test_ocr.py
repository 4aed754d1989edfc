"""Scanned PDFs read by OCR (Tesseract), old .doc files converted by LibreOffice, and a
build that leaves out what no reader can read. Real programs on real files: the scans are
made here from public documents (pages printed to 300-dpi images, put back into an
image-only PDF, tests/scans.py); each scan is OCR'd once per session."""

from __future__ import annotations

import json
import os
import shutil
import time
import unicodedata
from pathlib import Path

import pytest
from conftest import DIRECTIVES, ROOT, SHARED, need_shared, run_cli
from scans import image_pdf, need_libreoffice, need_ocr, scanned_copy

from retrieval.documents.ingest import load_document, parse_raw
from retrieval.documents.model import AdminDocument
from retrieval.documents.readers import MissingTool, ParseError, RawDocument, read_file, reading
from retrieval.documents.readers import ocr as ocr_module
from retrieval.documents.readers.pdf import read_pdf
from retrieval.index.build import is_stale

CONG_VAN = DIRECTIVES / "cong-van-hoa-toc-2026.pdf"
DE_AN = SHARED / "corpus" / "directives2" / "de-an-trung-tam-pvhcc-mot-cap-2026.pdf"
SEED = ROOT / "corpus" / "hung-yen-cchc-6-thang-cuoi-2024.md"


def _nfc(raw: RawDocument) -> bool:
    texts = [b.text for b in raw.blocks] + [c.text for b in raw.blocks for r in b.rows for c in r]
    return all(unicodedata.is_normalized("NFC", t) for t in texts)


def _without(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *programs: str) -> None:
    """PATH with the programs it had, minus these: as on a machine where they are not installed."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    for name in ("tesseract", "pdftoppm", "soffice", "libreoffice"):
        found = shutil.which(name)
        if found and name not in programs:
            (bin_dir / name).symlink_to(found)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setattr(ocr_module, "_READY", {})  # what was found before is looked for again


# -- a scanned copy of a public document ------------------------------------------------------------------
@pytest.fixture(scope="session")
def scanned_cong_van(tmp_path_factory) -> Path:
    need_shared(CONG_VAN)
    need_ocr()
    return scanned_copy(CONG_VAN, tmp_path_factory.mktemp("scan") / "cong-van-hoa-toc-2026-scan.pdf")


@pytest.fixture(scope="session")
def cong_van_read(scanned_cong_van) -> tuple[RawDocument, list[tuple[int, int]], float]:
    """(the scan read, the progress it reported, seconds): OCR costs seconds a page, so once."""
    calls: list[tuple[int, int]] = []
    t0 = time.perf_counter()
    with reading(lambda done, total: calls.append((done, total))) as read:
        raw = read_file(scanned_cong_van)
    assert read.ocr_pages == raw.ocr_pages and read.unsure_words == raw.unsure_words
    return raw, calls, time.perf_counter() - t0


@pytest.mark.slow
def test_a_scan_reads_into_the_document_its_original_is(cong_van_read):
    raw, calls, _seconds = cong_van_read
    assert raw.ocr_pages == [1, 2]
    assert _nfc(raw)
    # the two-column header read column by column, as the text layer's is
    left = [b.text for b in raw.blocks if b.layout == "left" and b.origin.page == 1]
    right = [b.text for b in raw.blocks if b.layout == "right" and b.origin.page == 1]
    assert "Số: 1456/UBND-KGVX" in left and "Hưng Yên, ngày 09 tháng 3 năm 2026" in right, (left, right)
    assert any(t.startswith("V/v khẩn trương báo cáo") and t.endswith("khai sinh, khai tử") for t in left), left
    scanned, original = parse_raw(raw), load_document(CONG_VAN)
    assert isinstance(scanned, AdminDocument) and isinstance(original, AdminDocument)
    assert (scanned.kind, scanned.number, scanned.header.date.short()) == ("Công văn", "1456/UBND-KGVX", "09/3/2026")
    assert scanned.signer is not None and original.signer is not None
    assert (scanned.signer.name, scanned.signer.title) == (original.signer.name, original.signer.title) \
        == ("Vũ Đình Khải", "Phó Chủ tịch")
    # letter case is what OCR gets wrong most on these pages ("SỞ Y tế"): names are matched folded
    assert [r.casefold() for r in scanned.recipients] == [r.casefold() for r in original.recipients]
    sections = [(n.kind, n.label) for n in scanned.walk()]
    assert sections == [(n.kind, n.label) for n in original.walk()]
    assert [("section", str(i)) for i in range(1, 8)] == [s for s in sections if s[0] == "section"]
    # progress: announced, then page by page up to the last
    assert calls[0] == (0, 2) and calls[-1] == (2, 2) and [d for d, _ in calls] == sorted(d for d, _ in calls)


@pytest.mark.slow
def test_the_words_the_engine_was_unsure_of_are_reported(cong_van_read):
    raw, _calls, _seconds = cong_van_read
    text = " ".join([b.text for b in raw.blocks] + [f.text for f in raw.footnotes])
    assert len(raw.unsure_words) == len(set(raw.unsure_words))
    for word in raw.unsure_words:
        assert unicodedata.is_normalized("NFC", word) and any(ch.isalnum() for ch in word)
        assert word in text or word.rstrip(".,;:") in text, word
    # a clean 300-dpi scan: few words in doubt among hundreds
    assert len(raw.unsure_words) < 20, raw.unsure_words


@pytest.mark.slow
def test_a_ruled_table_is_read_cell_by_cell(tmp_path):
    need_shared(DE_AN)
    need_ocr()
    scan = scanned_copy(DE_AN, tmp_path / "phu-luc.pdf", pages=[5])
    raw = read_pdf(scan)
    tables = [b for b in raw.blocks if b.kind == "table"]
    assert raw.ocr_pages == [1] and len(tables) == 1
    rows = [[c.text for c in row] for row in tables[0].rows]
    assert rows[0] == ["TT", "Nội dung", "Năm 2026", "Năm 2027", "Năm 2028", "Tổng cộng"]
    assert rows[-1] == ["", "Tổng cộng", "22.050", "33.100", "31.250", "86.400"]
    merged = [row for row in tables[0].rows if len(row) == 2]  # "Theo nguồn vốn" across the five columns
    assert merged and all(row[1].span == 5 for row in merged)
    assert ["1", "Ngân sách tỉnh", "18.450", "22.300", "20.450", "61.200"] in rows
    assert len(rows) == 13 and all(sum(c.span for c in row) == 6 for row in tables[0].rows)
    # the text above the table stays text
    assert any(b.text.startswith("Đơn vị tính") for b in raw.blocks if b.kind == "text")


@pytest.mark.slow
def test_a_mixed_pdf_is_one_document_in_page_order_with_a_turned_page(tmp_path):
    """Page 1 keeps its text layer (not OCR'd); page 2 is a scan fed in sideways."""
    need_shared(CONG_VAN)
    need_ocr()
    from pypdf import PdfReader, PdfWriter

    scan = scanned_copy(CONG_VAN, tmp_path / "page-2.pdf", pages=[2], turn={1: 90})
    writer = PdfWriter()
    writer.add_page(PdfReader(str(CONG_VAN)).pages[0])
    writer.add_page(PdfReader(str(scan)).pages[0])
    mixed = tmp_path / "cong-van-mixed.pdf"
    with mixed.open("wb") as f:
        writer.write(f)
    raw = read_file(mixed)
    assert raw.ocr_pages == [2]
    pages = [b.origin.page for b in raw.blocks]
    assert pages == sorted(pages) and set(pages) == {1, 2}
    doc, original = parse_raw(raw), load_document(CONG_VAN)
    assert isinstance(doc, AdminDocument) and isinstance(original, AdminDocument)
    assert doc.number == "1456/UBND-KGVX" and doc.signer is not None and doc.signer.name == "Vũ Đình Khải"
    assert [(n.kind, n.label) for n in doc.walk()] == [(n.kind, n.label) for n in original.walk()]
    seventh = next(n for n in doc.walk() if n.label == "7")
    assert "Giao Văn phòng UBND tỉnh tổng hợp" in seventh.text and "11/3/2026" in seventh.text


@pytest.mark.slow
def test_an_upside_down_page_is_turned(tmp_path):
    need_shared(CONG_VAN)
    need_ocr()
    scan = scanned_copy(CONG_VAN, tmp_path / "dao-nguoc.pdf", pages=[1], turn={1: 180})
    doc = load_document(scan)
    assert isinstance(doc, AdminDocument)
    assert (doc.kind, doc.number, doc.header.date.short()) == ("Công văn", "1456/UBND-KGVX", "09/3/2026")


# -- what cannot be read -----------------------------------------------------------------------------------
def test_a_blank_scan_says_no_text_was_found(tmp_path):
    need_ocr()
    image = pytest.importorskip("PIL.Image")
    import random

    rnd = random.Random(7)
    page = image.new("L", (2480, 3508), 236)  # grey paper with a little grain: a page scanned empty
    for _ in range(4000):
        page.putpixel((rnd.randrange(2480), rnd.randrange(3508)), rnd.randrange(200, 256))
    path = image_pdf([page, page.copy()], tmp_path / "trang-trang.pdf")
    with pytest.raises(ParseError, match=r"^trang-trang\.pdf: không đọc được chữ trong tệp .*2 trang"):
        read_file(path)


def test_a_long_scan_is_refused_with_the_limit_and_the_time_before_reading(tmp_path):
    image = pytest.importorskip("PIL.Image")
    pages = [image.new("L", (62, 88), 255) for _ in range(200)]
    path = image_pdf(pages, tmp_path / "hai-tram-trang.pdf", dpi=7)
    t0 = time.perf_counter()
    with pytest.raises(ParseError) as caught:
        read_file(path)
    message = str(caught.value)
    assert message.startswith("hai-tram-trang.pdf: ") and "200 trang" in message
    assert f"vượt giới hạn {ocr_module.MAX_OCR_PAGES} trang" in message and "phút" in message, message
    assert time.perf_counter() - t0 < 10  # refused before any page is rendered


def test_without_tesseract_a_scan_is_refused_saying_what_to_install(tmp_path, monkeypatch):
    image = pytest.importorskip("PIL.Image")
    path = image_pdf([image.new("L", (620, 877), 255)], tmp_path / "ban-quet.pdf", dpi=75)
    _without(monkeypatch, tmp_path, "tesseract")
    with pytest.raises(MissingTool) as caught:
        read_file(path)
    assert caught.value.tool == "tesseract"
    message = str(caught.value)
    assert message.startswith("ban-quet.pdf: ") and "chưa cài Tesseract" in message
    assert "apt-get install tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd poppler-utils" in message


def test_without_vietnamese_data_a_scan_is_refused_saying_what_to_install(tmp_path, monkeypatch):
    image = pytest.importorskip("PIL.Image")
    path = image_pdf([image.new("L", (620, 877), 255)], tmp_path / "ban-quet.pdf", dpi=75)
    _without(monkeypatch, tmp_path, "tesseract")
    fake = tmp_path / "bin" / "tesseract"  # a Tesseract with English only
    fake.write_text("#!/bin/sh\nprintf 'List of available languages (2):\\neng\\nosd\\n'\n")
    fake.chmod(0o755)
    with pytest.raises(MissingTool, match=r"chưa có dữ liệu tiếng Việt của Tesseract \(vie\).*tesseract-ocr-vie"):
        read_file(path)


@pytest.mark.slow
def test_a_scan_without_tesseract_is_left_out_of_a_build_and_read_once_it_is_there(
        tmp_path, monkeypatch, scanned_cong_van, embed_cache):
    """`build` builds from the other files and names the scan with what to install; `--strict`
    refuses and leaves the index alone; the unchanged scan does not make the index stale until
    Tesseract is there."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    shutil.copy(scanned_cong_van, corpus / "cong-van-scan.pdf")
    index = tmp_path / "index"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "pdftoppm").symlink_to(shutil.which("pdftoppm") or "/usr/bin/pdftoppm")
    env = {"EMBED_CACHE": str(embed_cache), "PATH": str(bin_dir)}  # no tesseract on it

    strict = run_cli("build", "--strict", "--corpus", str(corpus), "--index", str(index), env=env)
    assert strict.returncode == 2 and "Traceback" not in strict.stderr, strict.stderr
    assert "cong-van-scan.pdf" in strict.stderr and "apt-get install tesseract-ocr" in strict.stderr
    assert "left unchanged" in strict.stderr and not index.exists()

    built = run_cli("build", "--corpus", str(corpus), "--index", str(index), env=env)
    assert built.returncode == 0, built.stderr
    assert f"left out {corpus / 'cong-van-scan.pdf'}: " in built.stderr and "chưa cài Tesseract" in built.stderr
    last = built.stdout.strip().splitlines()[-1]
    assert last.startswith(f"built {index}/: 1 files") and "left out 1 file: cong-van-scan.pdf (" in last, last
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    (record,) = manifest["skipped"].values()
    assert record["file"] == "cong-van-scan.pdf" and record["tool"] == "tesseract"

    _without(monkeypatch, tmp_path / "x", "tesseract")
    assert is_stale(index, [corpus]) is None  # unchanged, still unreadable: no rebuild each start
    monkeypatch.undo()
    ocr_module._READY.clear()
    assert is_stale(index, [corpus]) == "corpus changed (readable now: cong-van-scan.pdf)"
    again = run_cli("build", "--if-stale", "--corpus", str(corpus), "--index", str(index),
                    env={"EMBED_CACHE": str(embed_cache)})
    assert again.returncode == 0 and "readable now: cong-van-scan.pdf" in again.stdout, again.stderr
    assert "built" in again.stdout and "left out" not in again.stdout
    assert is_stale(index, [corpus]) is None


# -- old Word files ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def doc_file(tmp_path_factory) -> tuple[Path, Path]:
    """(a .docx, the same saved as .doc by LibreOffice)."""
    need_libreoffice()
    import subprocess

    from retrieval.dev.docgen import write_docx
    from retrieval.documents.readers.doc import program

    tmp = tmp_path_factory.mktemp("doc")
    docx = tmp / "cong-van-34.docx"
    write_docx(docx)
    exe = program()
    assert exe is not None
    subprocess.run([exe, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp / "old"), str(docx)], check=True, capture_output=True, timeout=180)
    return docx, tmp / "old" / "cong-van-34.doc"


@pytest.mark.slow
def test_a_doc_file_is_converted_and_reads_as_the_docx(doc_file):
    docx, old = doc_file
    raw, want = read_file(old), read_file(docx)
    assert raw.source == "cong-van-34.doc" and all(b.origin.file == "cong-van-34.doc" for b in raw.blocks)
    texts = [b.text for b in raw.blocks if b.text.strip()]
    assert texts == [b.text for b in want.blocks if b.text.strip()]
    assert [[c.text for c in r] for b in raw.blocks for r in b.rows] == \
        [[c.text for c in r] for b in want.blocks for r in b.rows]
    doc, expected = load_document(old), load_document(docx)
    assert isinstance(doc, AdminDocument) and isinstance(expected, AdminDocument)
    assert (doc.kind, doc.number, doc.signer) == (expected.kind, expected.number, expected.signer)


def test_a_broken_doc_is_refused_by_name(tmp_path):
    need_libreoffice()
    bad = tmp_path / "hong.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(3000))  # an OLE signature over noise
    with pytest.raises(ParseError, match=r"^hong\.doc: "):
        read_file(bad)


def test_without_libreoffice_a_doc_is_refused_saying_what_to_install(tmp_path, monkeypatch):
    old = tmp_path / "cu.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(3000))
    _without(monkeypatch, tmp_path, "soffice", "libreoffice")
    with pytest.raises(MissingTool, match=r"^cu\.doc: .*LibreOffice.*apt-get install .*libreoffice-writer-nogui") as caught:
        read_file(old)
    assert caught.value.tool == "soffice"
