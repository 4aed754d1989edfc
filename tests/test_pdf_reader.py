"""read_pdf on real PDFs: the shared công văn, documents drawn here with fpdf2, broken files."""

from __future__ import annotations

import random
import re
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from conftest import need_shared

from retrieval.documents.readers.blocks import Block, Cell, Origin, ParseError, RawDocument, RawFootnote
from retrieval.documents.readers.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "corpus" / "directives" / "cong-van-hoa-toc-2026.pdf"
EXAMPLE_TEXT = SHARED / "eval" / "sources" / "cong-van-hoa-toc-2026.md"
FONTS = Path("/usr/share/fonts/truetype/dejavu")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _texts(doc: RawDocument, layout: str) -> list[str]:
    return [b.text for b in doc.blocks if b.kind == "text" and b.layout == layout]


def _block(doc: RawDocument, start: str) -> Block:
    found = [b for b in doc.blocks if b.kind == "text" and b.text.startswith(start)]
    assert len(found) == 1, (start, [b.text for b in doc.blocks])
    return found[0]


# -- (a) the shared công văn hỏa tốc ---------------------------------------------------------
@pytest.fixture(scope="module")
def example() -> RawDocument:
    need_shared(EXAMPLE)
    need_shared(EXAMPLE_TEXT)
    return read_pdf(EXAMPLE)


@pytest.fixture(scope="module")
def reference() -> list[str]:
    """The reference transcription's paragraphs, one a list item, Markdown bold removed."""
    out: list[str] = []
    for para in EXAMPLE_TEXT.read_text(encoding="utf-8").split("\n\n"):
        lines = [x for x in para.strip().split("\n") if x.strip()]
        if lines and all(x.startswith("- ") for x in lines):
            out.extend(_norm(x) for x in lines)
        elif lines:
            out.append(_norm(" ".join(lines).replace("**", "")))
    return out


def test_example_header_is_read_column_by_column(example: RawDocument) -> None:
    header = [(b.layout, b.text) for b in example.blocks[:8]]
    assert header == [
        ("left", "ỦY BAN NHÂN DÂN"),
        ("left", "TỈNH HƯNG YÊN"),
        ("left", "Số: 1456/UBND-KGVX"),
        ("left", "V/v khẩn trương báo cáo tình hình thực hiện liên thông điện tử nhóm thủ tục hành chính "
                 "về khai sinh, khai tử"),
        ("left", "HỎA TỐC"),
        ("right", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("right", "Độc lập - Tự do - Hạnh phúc"),
        ("right", "Hưng Yên, ngày 09 tháng 3 năm 2026"),
    ]
    bold = {b.text: b.bold for b in example.blocks[:8]}
    assert bold["TỈNH HƯNG YÊN"] and bold["HỎA TỐC"] and bold["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert not bold["Số: 1456/UBND-KGVX"]
    assert example.blocks[7].italic and all(b.centered for b in example.blocks[:8])


def test_example_body_matches_the_reference_paragraph_for_paragraph(example: RawDocument,
                                                                     reference: list[str]) -> None:
    start = reference.index("Kính gửi:")
    end = next(i for i, p in enumerate(reference) if p.startswith("(Thông tin liên hệ")) + 1
    assert [_norm(t) for t in _texts(example, "")] == reference[start:end]


def test_example_recipients_and_numbered_tasks_are_blocks_of_their_own(example: RawDocument) -> None:
    body = _texts(example, "")
    i = body.index("Kính gửi:")
    assert body[i + 1:i + 7] == ["- Sở Y tế;", "- Sở Tư pháp;", "- Công an tỉnh;", "- Bảo hiểm xã hội tỉnh;",
                                 "- Trung tâm Phục vụ hành chính công tỉnh;", "- UBND các xã, phường."]
    tasks = [t for t in body if re.match(r"\d\. ", t)]
    assert [t[:2] for t in tasks] == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    # paragraph 7 is set with stretched word spacing in the PDF; the text keeps single spaces
    assert tasks[6] == ("7. Giao Văn phòng UBND tỉnh tổng hợp báo cáo của các cơ quan, đơn vị, tham mưu UBND tỉnh "
                        "báo cáo Văn phòng Chính phủ trước 17 giờ 00 ngày 11/3/2026.")
    assert _block(example, "3. Công an tỉnh").origin == Origin(EXAMPLE.name, page=2)
    assert _block(example, "(Thông tin liên hệ").italic


def test_example_footnote_marks_and_footnotes(example: RawDocument, reference: list[str]) -> None:
    opening = _block(example, "Thực hiện Công văn số 1820")
    assert "Văn phòng Chính phủ<sup>1</sup> về việc" in opening.text
    assert "Nghị định số 63/2024/NĐ-CP của Chính phủ<sup>2</sup>, phục vụ" in opening.text
    expected = [re.sub(r"^<sup>\d+</sup> ", "", p) for p in reference if p.startswith("<sup>")]
    assert example.footnotes == [RawFootnote(1, expected[0], Origin(EXAMPLE.name, page=1)),
                                 RawFootnote(2, expected[1], Origin(EXAMPLE.name, page=1))]
    assert not any(b.text.startswith(("Công văn số 1820", "Nghị định số 63")) for b in example.blocks)


def test_example_signature_area(example: RawDocument) -> None:
    # in this PDF "Nơi nhận" and the signer stand side by side, so they are read as two columns
    assert _texts(example, "left")[-6:] == ["Nơi nhận:", "- Như trên;", "- Văn phòng Chính phủ (b/c);",
                                            "- Chủ tịch UBND tỉnh (b/c);", "- Lãnh đạo VP UBND tỉnh;",
                                            "- Lưu: VT, KGVX."]
    assert _texts(example, "right")[-3:] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vũ Đình Khải"]
    assert [b.text for b in example.blocks[-9:]][0] == "Nơi nhận:"  # after the body, left column first
    assert all(b.bold for b in example.blocks[-3:])


def test_example_provenance_lines_and_normal_form(example: RawDocument) -> None:
    assert example.source == EXAMPLE.name
    assert all(b.origin.file == EXAMPLE.name and b.origin.page in (1, 2) for b in example.blocks)
    texts = [b.text for b in example.blocks]
    assert example.lines == texts
    assert all(unicodedata.is_normalized("NFC", t) for t in texts + [f.text for f in example.footnotes])


# -- (b) documents drawn with fpdf2 ------------------------------------------------------------------
SUBJECT = ("Thực hiện Kế hoạch số 35/KH-UBND ngày 20/02/2025 của UBND tỉnh về cải cách hành chính nhà nước",
           " năm 2025, Ủy ban nhân dân tỉnh ban hành Kế hoạch khảo sát, đo lường sự hài lòng của người dân,"
           " tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn tỉnh như sau:")
FOOTNOTE = ("Kế hoạch số 35/KH-UBND ngày 20/02/2025 của UBND tỉnh về cải cách hành chính nhà nước tỉnh "
            "Hưng Yên năm 2025, ban hành kèm theo Quyết định số 120/QĐ-UBND.")
CARRIED = ("Kết quả khảo sát là căn cứ chấm điểm tiêu chí về mức độ hài lòng của người dân, tổ chức trong Bộ "
           "Chỉ số cải cách hành chính năm 2025 của các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường")
TASKS = [
    ("TT", "Nội dung công việc", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện"),
    ("1", "Xây dựng phiếu khảo sát, tài liệu hướng dẫn nghiệp vụ khảo sát", "Sở Nội vụ", "Văn phòng UBND tỉnh",
     "Tháng 5/2025"),
    ("2", "Tập huấn nghiệp vụ cho điều tra viên", "Sở Nội vụ", "Bưu điện tỉnh", "Trước 31/5/2025"),
]
MERGED_ROW = "Các nhiệm vụ phát sinh do Sở Nội vụ tổng hợp, báo cáo UBND tỉnh"


def _fpdf() -> Any:
    fpdf = pytest.importorskip("fpdf")
    for style in ("", "-Bold", "-Oblique"):
        if not (FONTS / f"DejaVuSans{style}.ttf").exists():
            pytest.skip(f"DejaVu fonts not found at {FONTS} (fonts-dejavu-core)")
    pdf = fpdf.FPDF(format="A4")
    pdf.set_margins(25, 20, 20)
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(FONTS / "DejaVuSans-Oblique.ttf"))
    return pdf


def _task_table(pdf: Any, **options: Any) -> None:
    with pdf.table(col_widths=(10, 60, 35, 35, 25), text_align="LEFT", **options) as table:
        for values in TASKS:
            row = table.row()
            for value in values:
                row.cell(value)


def _kế_hoạch(path: Path) -> None:
    pdf = _fpdf()
    pdf.set_auto_page_break(False)
    # page 1: header, title, heading, a paragraph with a footnote mark, a list, the footnote
    pdf.add_page()
    for row, (left, right) in enumerate([("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                         ("TỈNH HƯNG YÊN", "Độc lập - Tự do - Hạnh phúc"),
                                         ("Số: 68/KH-UBND", "Hưng Yên, ngày 15 tháng 4 năm 2025")]):
        pdf.set_font("DejaVu", "B" if row < 2 else "", 11)
        pdf.set_xy(15, 20 + row * 6)
        pdf.cell(75, 6, left, align="C")
        pdf.set_font("DejaVu", "B" if row < 2 else "I", 11)
        pdf.set_xy(95, 20 + row * 6)
        pdf.cell(105, 6, right, align="C")
    pdf.set_font("DejaVu", "B", 13)
    pdf.set_xy(25, 50)
    pdf.cell(165, 7, "KẾ HOẠCH", align="C")
    pdf.set_xy(25, 57)
    pdf.multi_cell(165, 6, "Khảo sát sự hài lòng của người dân, tổ chức năm 2025", align="C")
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 12)
    pdf.multi_cell(0, 6, "I. MỤC ĐÍCH, YÊU CẦU")
    pdf.set_font("DejaVu", "", 12)
    pdf.set_x(35)
    pdf.write(6, SUBJECT[0])
    pdf.char_vpos = "SUP"  # fpdf2 raises the mark with the text rise operator (Ts)
    pdf.write(6, "1")
    pdf.char_vpos = "LINE"
    pdf.write(6, SUBJECT[1])
    pdf.ln(8)
    pdf.set_font("DejaVu", "B", 12)
    pdf.set_x(35)
    pdf.write(6, "1. Mục đích:")
    pdf.set_font("DejaVu", "", 12)
    pdf.write(6, " đánh giá khách quan chất lượng cung cấp dịch vụ hành chính công.")
    pdf.ln(8)
    for item in ("- Bảo đảm khách quan, trung thực;", "- Công khai kết quả trên Cổng Thông tin điện tử tỉnh."):
        pdf.set_x(35)
        pdf.multi_cell(0, 6, item)
    pdf.ln(2)
    pdf.set_x(35)
    pdf.multi_cell(0, 6, CARRIED, new_x="LMARGIN")
    pdf.line(25, 262, 80, 262)
    pdf.set_font("DejaVu", "", 6)  # the footnote's number: small and raised by the line height
    pdf.set_xy(25, 265)
    pdf.write(4, "1")
    pdf.set_font("DejaVu", "", 9)
    pdf.set_xy(27, 265.6)
    pdf.multi_cell(0, 4.5, FOOTNOTE)
    pdf.set_xy(25, 282)
    pdf.cell(165, 5, "1", align="C")
    # page 2: a page number, the paragraph carried over, a table, a closing paragraph, the signature
    pdf.add_page()
    pdf.set_font("DejaVu", "", 10)
    pdf.set_xy(25, 10)
    pdf.cell(165, 5, "- 2 -", align="C")
    pdf.set_font("DejaVu", "", 12)
    pdf.set_xy(25, 20)
    pdf.multi_cell(0, 6, "trên địa bàn tỉnh.")
    pdf.ln(2)
    pdf.set_font("DejaVu", "B", 12)
    pdf.multi_cell(0, 6, "II. TỔ CHỨC THỰC HIỆN")
    pdf.ln(2)
    pdf.set_font("DejaVu", "", 10)
    with pdf.table(col_widths=(10, 60, 35, 35, 25), text_align="LEFT") as table:
        for values in TASKS:
            row = table.row()
            for value in values:
                row.cell(value)
        table.row().cell(MERGED_ROW, colspan=5)
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 12)
    pdf.set_x(35)
    pdf.multi_cell(0, 6, "Yêu cầu các cơ quan, đơn vị triển khai thực hiện nghiêm túc Kế hoạch này./.")
    top = pdf.get_y() + 6
    pdf.set_font("DejaVu", "B", 11)
    pdf.set_xy(25, top)
    pdf.cell(70, 5, "Nơi nhận:")
    pdf.set_font("DejaVu", "", 10)
    for k, item in enumerate(["- Bộ Nội vụ (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Lưu: VT, NC."]):
        pdf.set_xy(25, top + 6 + 5 * k)
        pdf.cell(70, 5, item)
    pdf.set_font("DejaVu", "B", 12)
    for k, text in enumerate(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]):
        pdf.set_xy(110, top + 6 * k)
        pdf.cell(80, 6, text, align="C")
    pdf.set_xy(110, top + 40)
    pdf.cell(80, 6, "Nguyễn Văn Phong", align="C")
    pdf.output(str(path))


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> RawDocument:
    path = tmp_path_factory.mktemp("pdf") / "ke-hoach.pdf"
    _kế_hoạch(path)
    return read_pdf(path)


def test_drawn_header(drawn: RawDocument) -> None:
    assert [(b.layout, b.text, b.bold) for b in drawn.blocks[:6]] == [
        ("left", "ỦY BAN NHÂN DÂN", True),
        ("left", "TỈNH HƯNG YÊN", True),
        ("left", "Số: 68/KH-UBND", False),
        ("right", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
        ("right", "Độc lập - Tự do - Hạnh phúc", True),
        ("right", "Hưng Yên, ngày 15 tháng 4 năm 2025", False),
    ]
    assert drawn.blocks[5].italic and all(b.centered for b in drawn.blocks[:6])


def test_drawn_title_and_headings(drawn: RawDocument) -> None:
    title, subtitle, heading = drawn.blocks[6:9]
    assert (title.text, title.bold, title.centered) == ("KẾ HOẠCH", True, True)
    assert (subtitle.text, subtitle.bold, subtitle.centered) == (
        "Khảo sát sự hài lòng của người dân, tổ chức năm 2025", True, True)
    assert (heading.text, heading.bold, heading.centered) == ("I. MỤC ĐÍCH, YÊU CẦU", True, False)
    assert _block(drawn, "II. TỔ CHỨC THỰC HIỆN").bold


def test_drawn_wrapped_paragraph_keeps_its_footnote_mark(drawn: RawDocument) -> None:
    block = drawn.blocks[9]
    assert block.text == f"{SUBJECT[0]}<sup>1</sup>{SUBJECT[1]}"
    assert not block.bold and block.layout == "" and block.origin == Origin("ke-hoach.pdf", page=1)


def test_drawn_bold_lead_and_list_items(drawn: RawDocument) -> None:
    lead = _block(drawn, "1. Mục đích:")
    assert lead.text == "1. Mục đích: đánh giá khách quan chất lượng cung cấp dịch vụ hành chính công."
    assert (lead.bold, lead.bold_lead) == (False, "1. Mục đích:")
    assert _texts(drawn, "")[5:7] == ["- Bảo đảm khách quan, trung thực;",
                                      "- Công khai kết quả trên Cổng Thông tin điện tử tỉnh."]


def test_drawn_paragraph_cut_by_the_page_break_is_joined(drawn: RawDocument) -> None:
    block = _block(drawn, "Kết quả khảo sát")
    assert block.text == f"{CARRIED} trên địa bàn tỉnh."
    assert block.origin.page == 1


def test_drawn_footnote_and_page_numbers(drawn: RawDocument) -> None:
    assert drawn.footnotes == [RawFootnote(1, FOOTNOTE, Origin("ke-hoach.pdf", page=1))]
    assert not any(b.text in ("1", "- 2 -") or b.text.startswith("Kế hoạch số 35") for b in drawn.blocks)


def test_drawn_task_table(drawn: RawDocument) -> None:
    tables = [b for b in drawn.blocks if b.kind == "table"]
    assert len(tables) == 1
    table = tables[0]
    assert table.origin == Origin("ke-hoach.pdf", page=2, table=0)
    assert table.rows == [[Cell(t) for t in row] for row in TASKS] + [[Cell(MERGED_ROW, span=5)]]
    assert "TT | Nội dung công việc | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện" in drawn.lines
    assert ("1 | Xây dựng phiếu khảo sát, tài liệu hướng dẫn nghiệp vụ khảo sát | Sở Nội vụ | "
            "Văn phòng UBND tỉnh | Tháng 5/2025") in drawn.lines
    after = drawn.blocks[drawn.blocks.index(table) + 1]
    assert after.text == "Yêu cầu các cơ quan, đơn vị triển khai thực hiện nghiêm túc Kế hoạch này./."


def test_drawn_signature_side_by_side(drawn: RawDocument) -> None:
    assert _texts(drawn, "left")[3:] == ["Nơi nhận:", "- Bộ Nội vụ (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh;",
                                         "- Lưu: VT, NC."]
    assert _texts(drawn, "right")[3:] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Phong"]
    assert [b.layout for b in drawn.blocks[-8:]] == ["left"] * 4 + ["right"] * 4


def test_signature_below_recipients_is_one_block_a_line(tmp_path: Path) -> None:
    pdf = _fpdf()
    pdf.add_page()
    pdf.set_font("DejaVu", "", 12)
    pdf.multi_cell(0, 6, "Đề nghị các cơ quan, đơn vị thực hiện nghiêm túc./.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(70, 5, "Nơi nhận:", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    for item in ("- Như trên;", "- Lưu: VT."):
        pdf.cell(70, 5, item, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("DejaVu", "B", 12)
    for text in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Trần Văn Nam"):
        pdf.set_x(110)
        pdf.cell(80, 6, text, align="C", new_x="LEFT", new_y="NEXT")
    pdf.output(str(tmp_path / "tuan-tu.pdf"))
    doc = read_pdf(tmp_path / "tuan-tu.pdf")
    assert [(b.layout, b.text) for b in doc.blocks] == [
        ("", "Đề nghị các cơ quan, đơn vị thực hiện nghiêm túc./."),
        ("", "Nơi nhận:"), ("", "- Như trên;"), ("", "- Lưu: VT."),
        ("", "KT. CHỦ TỊCH"), ("", "PHÓ CHỦ TỊCH"), ("", "Trần Văn Nam"),
    ]


@pytest.mark.parametrize("v_align", ["TOP", "MIDDLE"])
def test_borderless_table_rows(tmp_path: Path, v_align: str) -> None:
    pdf = _fpdf()
    pdf.add_page()
    pdf.set_font("DejaVu", "", 12)
    pdf.multi_cell(0, 6, "Phân công nhiệm vụ như sau:", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    _task_table(pdf, borders_layout="NONE", v_align=v_align, line_height=5)
    pdf.output(str(tmp_path / "bang.pdf"))
    doc = read_pdf(tmp_path / "bang.pdf")
    assert [b.kind for b in doc.blocks] == ["text", "table"]
    assert doc.blocks[1].rows == [[Cell(t) for t in row] for row in TASKS]


def test_table_across_a_page_break_with_a_centred_merged_row(tmp_path: Path) -> None:
    pdf = _fpdf()
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    pdf.set_font("DejaVu", "", 12)
    for _ in range(8):
        pdf.multi_cell(0, 6, "Nội dung mở đầu đủ dài để bảng phân công phải ngắt sang trang sau của văn bản.",
                       new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    expected = [list(TASKS[0])]
    with pdf.table(col_widths=(10, 60, 35, 35, 25), text_align="CENTER", repeat_headings=1) as table:
        row = table.row()
        for value in TASKS[0]:
            row.cell(value)
        for n in range(1, 15):
            if n == 5:
                table.row().cell("Giai đoạn 2", colspan=5)
                expected.append(["Giai đoạn 2"])
            values = [str(n), *TASKS[1 + n % 2][1:]]
            row = table.row()
            for value in values:
                row.cell(value)
            expected.append(values)
    pdf.output(str(tmp_path / "dai.pdf"))
    doc = read_pdf(tmp_path / "dai.pdf")
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].origin.page == 1
    assert [[c.text for c in row] for row in tables[0].rows] == expected
    assert [c.span for c in tables[0].rows[5]] == [5]


@pytest.mark.parametrize("background", [False, True])
def test_framed_schedule_with_cells_spanning_rows(tmp_path: Path, background: bool) -> None:
    """A weekly schedule whose day cell spans that day's rows, its text centred (or wrapped)
    across them; some exporters also fill the page with a white rectangle first."""
    pdf = _fpdf()
    pdf.add_page()
    if background:
        pdf.set_fill_color(255, 255, 255)
        pdf.rect(0, 0, pdf.w, pdf.h, style="F")
    pdf.set_font("DejaVu", "", 12)
    pdf.multi_cell(0, 6, "Đơn vị tính: buổi", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    days = [("Thứ Hai (16/3)", [("08 giờ 00", "Giao ban lãnh đạo", "Văn phòng UBND tỉnh"),
                                ("14 giờ 00", "Họp nghe báo cáo tiến độ", "Sở Xây dựng"),
                                ("16 giờ 00", "Làm việc với Sở Nội vụ", "Sở Nội vụ")]),
            ("Thứ Năm (19/3)", [("08 giờ 00", "Phiên họp thường kỳ", "Văn phòng UBND tỉnh"),
                                ("14 giờ 00", "Kiểm tra sản xuất vụ Xuân", "Sở Nông nghiệp và Môi trường")])]
    expected = [["Thứ, ngày", "Thời gian", "Nội dung công việc", "Cơ quan chuẩn bị"]]
    with pdf.table(col_widths=(20, 18, 40, 32), text_align=("CENTER", "CENTER", "LEFT", "LEFT"),
                   v_align="MIDDLE") as table:
        row = table.row()
        for value in expected[0]:
            row.cell(value)
        for day, slots in days:
            for i, slot in enumerate(slots):
                row = table.row()
                if i == 0:
                    row.cell(day, rowspan=len(slots))
                for value in slot:
                    row.cell(value)
                expected.append([day, *slot])
    pdf.multi_cell(0, 6, "Lịch có thể thay đổi, các cơ quan theo dõi trên Cổng thông tin.", new_x="LMARGIN",
                   new_y="NEXT")
    pdf.output(str(tmp_path / "lich.pdf"))
    doc = read_pdf(tmp_path / "lich.pdf")
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    assert [[c.text for c in row] for row in tables[0].rows] == expected
    texts = [b.text for b in doc.blocks if b.kind == "text"]
    assert "Đơn vị tính: buổi" in texts and any(t.startswith("Lịch có thể thay đổi") for t in texts)


def test_framed_table_columns_come_from_its_borders(tmp_path: Path) -> None:
    """A budget table whose headers are centred over wide columns while the cells below keep
    left (short names) or right (figures): the text alone would make two columns of one."""
    pdf = _fpdf()
    pdf.add_page(orientation="L")
    pdf.set_font("DejaVu", "", 10)
    header = ["TT", "Nội dung", "Năm 2026", "Năm 2027", "Tổng cộng"]
    body = [["I", "Theo nguồn vốn", "", "", ""], ["1", "Ngân sách tỉnh", "18.450", "22.300", "40.750"],
            ["2", "Nguồn xã hội hóa và nguồn hợp pháp khác", "1.200", "3.200", "4.400"],
            ["", "Tổng cộng", "19.650", "25.500", "45.150"]]
    with pdf.table(col_widths=(12, 90, 30, 30, 30), text_align=("CENTER", "LEFT", "RIGHT", "RIGHT", "RIGHT"),
                   first_row_as_headings=False) as table:
        row = table.row()
        for value in header:
            row.cell(value, align="CENTER")
        for values in body:
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.output(str(tmp_path / "kinh-phi.pdf"))
    doc = read_pdf(tmp_path / "kinh-phi.pdf")
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    assert [[c.text for c in row] for row in tables[0].rows] == [header, *body]


def test_decomposed_vietnamese_is_normalised(tmp_path: Path) -> None:
    pdf = _fpdf()
    pdf.add_page()
    pdf.set_font("DejaVu", "", 12)
    pdf.cell(0, 10, "Hu\u031bng Yên, nga\u0300y 15 tha\u0301ng 4")  # combining marks, as some exports store them
    pdf.output(str(tmp_path / "nfd.pdf"))
    assert read_pdf(tmp_path / "nfd.pdf").blocks[0].text == "Hưng Yên, ngày 15 tháng 4"


# -- (c) files that are not readable documents --------------------------------------------------------
def test_scanned_pdf_asks_for_ocr(tmp_path: Path) -> None:
    pdf = _fpdf()
    pdf.add_page()
    pdf.rect(20, 20, 170, 250, style="F")  # an image-like page: marks, no text layer
    pdf.output(str(tmp_path / "ban-quet.pdf"))
    with pytest.raises(ParseError, match=r"^ban-quet\.pdf: .*OCR"):
        read_pdf(tmp_path / "ban-quet.pdf")


def test_password_protected_pdf(tmp_path: Path) -> None:
    pdf = _fpdf()
    pdf.set_encryption(owner_password="chu-so-huu", user_password="mat-khau")
    pdf.add_page()
    pdf.set_font("DejaVu", "", 12)
    pdf.cell(0, 10, "Tài liệu mật")
    pdf.output(str(tmp_path / "mat.pdf"))
    with pytest.raises(ParseError, match=r"^mat\.pdf: .*mật khẩu"):
        read_pdf(tmp_path / "mat.pdf")


def test_owner_password_alone_still_opens(tmp_path: Path) -> None:
    pdf = _fpdf()
    pdf.set_encryption(owner_password="chu-so-huu")  # restrictions only: opens with the empty password
    pdf.add_page()
    pdf.set_font("DejaVu", "", 12)
    pdf.cell(0, 10, "Văn bản hạn chế sao chép.")
    pdf.output(str(tmp_path / "han-che.pdf"))
    assert [b.text for b in read_pdf(tmp_path / "han-che.pdf").blocks] == ["Văn bản hạn chế sao chép."]


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_damaged_file_names_itself(tmp_path: Path, damage: str) -> None:
    good = tmp_path / "good.pdf"
    _kế_hoạch(good)
    data = good.read_bytes()
    bad = tmp_path / "hong.pdf"
    bad.write_bytes({"truncated": data[: len(data) // 3], "garbage": bytes(range(256)) * 8, "empty": b""}[damage])
    with pytest.raises(ParseError, match=r"^hong\.pdf: "):
        read_pdf(bad)


def test_too_many_pages(tmp_path: Path) -> None:
    pdf = _fpdf()
    pdf.set_font("DejaVu", "", 12)
    for _ in range(301):
        pdf.add_page()
        pdf.cell(0, 10, "Trang")
    pdf.output(str(tmp_path / "dai.pdf"))
    with pytest.raises(ParseError, match=r"^dai\.pdf: .*301 trang"):
        read_pdf(tmp_path / "dai.pdf")


@pytest.mark.slow
def test_random_damage_only_ever_raises_parse_error(tmp_path: Path) -> None:
    pdf = _fpdf()
    pdf.set_compression(False)  # damage then hits content operators and fonts, not only zlib
    pdf.add_page()
    pdf.set_font("DejaVu", "", 12)
    pdf.write(6, "Văn phòng Chính phủ")
    pdf.char_vpos = "SUP"
    pdf.write(6, "1")
    pdf.char_vpos = "LINE"
    pdf.write(6, " về việc báo cáo.")
    pdf.ln(8)
    pdf.set_font("DejaVu", "", 10)
    _task_table(pdf)
    pdf.output(str(tmp_path / "goc.pdf"))
    data = (tmp_path / "goc.pdf").read_bytes()
    rng = random.Random(20260309)
    target = tmp_path / "dot-bien.pdf"
    outcomes = {"read": 0, "refused": 0}
    for _ in range(300):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(mutated))
            kind = rng.random()
            if kind < 0.5:
                mutated[at] = rng.randrange(256)
            elif kind < 0.75:
                del mutated[at:at + rng.randint(1, 40)]
            else:
                mutated[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 20)))
        target.write_bytes(bytes(mutated))
        started = time.monotonic()
        try:
            read_pdf(target)
            outcomes["read"] += 1
        except ParseError as exc:
            assert str(exc).startswith("dot-bien.pdf: ")
            outcomes["refused"] += 1
        assert time.monotonic() - started < 2.0
    assert outcomes["read"] and outcomes["refused"]
