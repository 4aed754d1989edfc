"""Laws and directives from .md, .docx and .pdf, including the portal's messy exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.directive import ParseError
from retrieval.ingest import load_document
from retrieval.law import parse_law_markdown
from retrieval.model import Directive, Law
from tests.conftest import DIRECTIVE, LAWS, SHARED, need_shared

DOCX = SHARED / "corpus" / "docx-samples"

# (file, title, number, articles, first article heading) read off the documents by hand
SAMPLES = [
    ("VBPL_101873.docx", "Luật Tiếp cận thông tin", "104/2016/QH13", 37, "Phạm vi điều chỉnh"),
    ("VBPL_1032.docx", "Luật Về việc quy định quyền tự do hội họp", "101-SL/L003", 10, ""),
    ("VBPL_10803.docx", "Luật Thuế sử dụng đất nông nghiệp", "", 39, ""),
    ("VBPL_124614.docx", "Luật Cảnh vệ", "13/2017/QH14", 33, "Phạm vi điều chỉnh"),
    ("VBPL_136051.docx", "Luật Cảnh sát biển Việt Nam", "33/2018/QH14", 41, "Phạm vi điều chỉnh"),
    ("VBPL_14836.docx", "Luật Hiến, lấy, ghép mô, bộ phận cơ thể người và hiến, lấy xác", "75/2006/QH11", 40, "Phạm vi điều chỉnh"),
    ("VBPL_152571.docx", "Luật Sửa đổi, bổ sung một số điều và Phụ lục Danh mục chỉ tiêu thống kê quốc gia của Luật Thống kê", "01/2021/QH15", 2, None),
    ("VBPL_186573.docx", "Luật Sửa đổi, bổ sung một số điều của luật công nghiệp quốc phòng, an ninh và động viên công nghiệp", "119/2025/QH15", 6, None),
    ("VBPL_27698.docx", "Luật Phổ biến, giáo dục pháp luật", "14/2012/QH13", 41, "Phạm vi điều chỉnh"),
    ("VBPL_96118.docx", "Luật Trưng cầu ý dân", "96/2015/QH13", 52, "Phạm vi điều chỉnh"),
]


@pytest.mark.parametrize("name,title,number,n_articles,first_heading", SAMPLES)
def test_portal_docx_samples(name, title, number, n_articles, first_heading):
    need_shared(DOCX)
    law = load_document(DOCX / name)
    assert isinstance(law, Law)
    assert law.title == title
    assert law.number == number
    assert len(law.articles) == n_articles
    assert law.articles[0].number == "1"
    if first_heading is not None:
        assert law.articles[0].heading == first_heading
    # the signature block after "Luật này đã được Quốc hội … thông qua" is not law text
    assert not any("thông qua ngày" in p and "Quốc hội" in p for p in law.articles[-1].paragraphs)


def test_article_without_period_keeps_its_body():
    need_shared(DOCX)
    law = load_document(DOCX / "VBPL_10803.docx")
    a1 = law.articles[0]
    assert a1.heading == ""
    assert a1.paragraphs[0].startswith("Tổ chức, cá nhân sử dụng đất vào sản xuất nông nghiệp")


def test_amending_law_keeps_quoted_articles_inside():
    need_shared(DOCX)
    law = load_document(DOCX / "VBPL_186573.docx")
    numbers = [a.number for a in law.articles]
    assert numbers[:3] == ["1", "45a", "45b"] or numbers[0] == "1"
    assert any(p.startswith("“") for p in law.articles[0].paragraphs)


def test_markdown_laws_nfc_and_numbers():
    need_shared(LAWS)
    law = load_document(LAWS / "luat-hon-nhan-va-gia-dinh.md")
    assert law.title == "Luật Hôn nhân và gia đình"
    assert [a.number for a in law.articles[:3]] == ["1", "2", "3"]
    import unicodedata

    assert all(unicodedata.is_normalized("NFC", p) for a in law.articles for p in a.paragraphs)


def test_wrapped_line_starting_with_dieu_is_not_an_article():
    law = parse_law_markdown("# Luật Thử\n\nĐiều 1. Phạm vi\n\n1. Theo quy định tại\nĐiều 169 của Luật này.\n\nĐiều 2. Khác\n\nNội dung.", "t.md")
    assert [a.number for a in law.articles] == ["1", "2"]
    assert law.articles[0].paragraphs == ["1. Theo quy định tại Điều 169 của Luật này."]


def _write_docx(path: Path, paragraphs: list[str]) -> None:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))


def test_docx_round_trip_directive(tmp_path):
    paragraphs = [line for line in DIRECTIVE.read_text(encoding="utf-8").split("\n\n") if line.strip()]
    path = tmp_path / "cong-van.docx"
    _write_docx(path, [p.replace("  \n", "\n").strip() for p in paragraphs])
    d = load_document(path)
    assert isinstance(d, Directive)
    assert d.meta.signer and d.meta.signer.name == "Nguyễn Duy Hưng"
    assert [s.number for s in d.sections] == ["1", "2", "3"]
    assert [p.label for p in d.sections[0].points] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert len(d.footnotes) == 13


def test_docx_round_trip_law(tmp_path):
    path = tmp_path / "luat.docx"
    _write_docx(path, ["LUẬT", "THỬ NGHIỆM VĂN BẢN", "Chương I", "NHỮNG QUY ĐỊNH CHUNG", "Điều 1 ", "Phạm vi điều chỉnh",
                       "Luật này quy định việc thử.", "Điều 2. Đối tượng áp dụng", "1. Cơ quan nhà nước;", "a) cấp tỉnh;"])
    law = load_document(path)
    assert isinstance(law, Law)
    assert law.title == "Luật Thử nghiệm văn bản"
    assert [(a.number, a.heading) for a in law.articles] == [("1", "Phạm vi điều chỉnh"), ("2", "Đối tượng áp dụng")]
    assert law.articles[0].chapter == "Chương I. NHỮNG QUY ĐỊNH CHUNG"
    assert law.articles[1].paragraphs == ["1. Cơ quan nhà nước;", "a) cấp tỉnh;"]


FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_pdf_round_trip_law(tmp_path):
    if not FONT.exists():
        pytest.skip(f"no Unicode TTF font at {FONT} to write a Vietnamese PDF")
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("dejavu", "", str(FONT))
    pdf.set_font("dejavu", size=11)
    text = ("# Luật Thanh niên thử\n\nĐiều 1. Phạm vi điều chỉnh\n\nLuật này quy định về quyền, nghĩa vụ và trách nhiệm "
            "của thanh niên; chính sách của Nhà nước đối với thanh niên và tổ chức thanh niên được viết dài để xuống dòng.\n\n"
            "Điều 2. Thanh niên\n\nThanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi.")
    for para in text.split("\n\n"):
        pdf.multi_cell(0, 6, para)
        pdf.ln(2)
    path = tmp_path / "luat.pdf"
    pdf.output(str(path))
    law = load_document(path)
    assert isinstance(law, Law)
    assert law.title == "Luật Thanh niên thử"
    assert [a.number for a in law.articles] == ["1", "2"]
    # the wrapped paragraph is joined back into one
    assert len(law.articles[0].paragraphs) == 1
    assert law.articles[0].paragraphs[0].endswith("để xuống dòng.")
    assert law.articles[1].paragraphs == ["Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi."]


@pytest.mark.parametrize("name,content", [
    ("hong.docx", b"PK\x03\x04 this is not really a zip"),
    ("rong.docx", b""),
    ("hong.pdf", b"%PDF-1.4\n garbage without xref"),
    ("ma-hoa.md", "Điều 1. x".encode("utf-16")),
    ("trong.md", b"   \n\n"),
])
def test_malformed_files_fail_with_their_name(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ParseError) as exc:
        load_document(path)
    assert name in str(exc.value)


def test_unsupported_type(tmp_path):
    path = tmp_path / "bang.xlsx"
    path.write_bytes(b"x")
    with pytest.raises(ParseError, match="bang.xlsx"):
        load_document(path)
