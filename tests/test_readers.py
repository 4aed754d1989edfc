"""One document written as Markdown, as an eOffice-style .docx (python-docx: header and
signature tables, Word list numbering, a data table) and as a PDF (fpdf2: two-column
header, a task table, side-by-side signature) parses to the same structure; and bad files
fail with the reader's own error, naming the file."""

from __future__ import annotations

import random
import re
import zipfile
from pathlib import Path

import pytest

from retrieval.documents.ingest import load_document
from retrieval.documents.model import AdminDocument
from retrieval.documents.readers import ParseError, read_file
from retrieval.lang.text import clean_inline

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

ISSUER = ["ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN"]
NUMBER = "Số: 73/KH-UBND"
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
DATE = "Hưng Yên, ngày 20 tháng 5 năm 2026"
TITLE = "KẾ HOẠCH"
SUBJECT = "Kiểm tra công tác cải cách hành chính năm 2026"
INTRO = "Thực hiện Kế hoạch số 214/KH-UBND ngày 26/12/2025 của UBND tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"
# (level, label, text, bold): level 0 roman, 1 numbered, 2 bullet
BODY = [
    (0, "I", "MỤC ĐÍCH, YÊU CẦU", True),
    (1, "1", "Mục đích", True),
    (2, "-", "Đánh giá việc thực hiện nhiệm vụ cải cách hành chính của các cơ quan, đơn vị.", False),
    (0, "II", "TỔ CHỨC THỰC HIỆN", True),
    (1, "1", "Sở Nội vụ", True),
    (2, "-", "Chủ trì tổ chức kiểm tra; tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/11/2026.", False),
    (1, "2", "Các sở, ban, ngành tỉnh", True),
    (2, "-", "Tự kiểm tra, báo cáo kết quả về Sở Nội vụ trước ngày 30/9/2026.", False),
]
TABLE = [
    ["TT", "Nội dung công việc", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện"],
    ["1", "Kiểm tra tại Sở Tư pháp", "Sở Nội vụ", "Thanh tra tỉnh", "Tháng 7/2026"],
    ["2", "Kiểm tra tại UBND xã Nghĩa Trụ", "Sở Nội vụ", "Văn phòng UBND tỉnh", "Quý III/2026"],
]
COPIES = ["Như trên", "Lưu: VT, NC"]
SIGN = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
SIGNER = "Vũ Đình Khải"


def write_md(path: Path) -> None:
    lines = [f"**{ISSUER[0]}  \n{ISSUER[1]}**", NUMBER, f"**{MOTTO[0]}  \n{MOTTO[1]}**", DATE, f"**{TITLE}**",
             f"**{SUBJECT}**", INTRO]
    for level, label, text, bold in BODY:
        item = f"{label}. {text}" if level < 2 else f"- {text}"
        lines.append(f"**{item}**" if bold else item)
    lines.append("**PHỤ LỤC**")
    lines.append("| " + " | ".join(TABLE[0]) + " |\n|" + "---|" * len(TABLE[0]) + "\n"
                 + "\n".join("| " + " | ".join(r) + " |" for r in TABLE[1:]))
    lines.append("**Nơi nhận:**\n" + "\n".join(f"- {c};" for c in COPIES))
    lines.append("**" + "  \n".join(SIGN) + "**")
    lines.append(f"**{SIGNER}**")
    # the appendix after the signature, as real plans print it
    md = "\n\n".join(lines[:-5] + lines[-3:] + lines[-5:-3])
    path.write_text(md, encoding="utf-8")


def write_docx(path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()
    head = d.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.paragraphs[0].add_run(ISSUER[0]).bold = True
    left.add_paragraph().add_run(ISSUER[1]).bold = True
    left.add_paragraph(NUMBER)
    right.paragraphs[0].add_run(MOTTO[0]).bold = True
    right.add_paragraph().add_run(MOTTO[1]).bold = True
    right.add_paragraph(DATE).runs[0].italic = True
    for text in (TITLE, SUBJECT):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True
    d.add_paragraph(INTRO)
    num_id = None
    for level, label, text, bold in BODY:
        if level == 0:
            p = d.add_paragraph()
            p.add_run(f"{label}. {text}").bold = bold
            num_id = None
        elif level == 1:
            p = d.add_paragraph(style="List Number")  # the label is Word's numbering, not typed
            if num_id is None:  # each roman part restarts at 1, as Word does with a startOverride
                num_id = _restarted_list(d, p)
            _set_num(p, num_id)
            p.add_run(text).bold = bold
        else:
            p = d.add_paragraph(style="List Bullet")
            p.add_run(text)
    p = d.add_paragraph()
    p.add_run("PHỤ LỤC").bold = True
    t = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for i, row in enumerate(TABLE):
        for j, cell in enumerate(row):
            t.cell(i, j).text = cell
    sig = d.add_table(rows=1, cols=2)
    l2, r2 = sig.rows[0].cells
    l2.paragraphs[0].add_run("Nơi nhận:").bold = True
    for c in COPIES:
        l2.add_paragraph(f"- {c};")
    r2.paragraphs[0].add_run(SIGN[0]).bold = True
    for s in SIGN[1:]:
        r2.add_paragraph().add_run(s).bold = True
    r2.add_paragraph().add_run(SIGNER).bold = True
    # the appendix table after the signature, as in the Markdown
    body = d.element.body
    body.remove(p._p)
    body.remove(t._tbl)
    sect = body[-1]
    sect.addprevious(p._p)
    sect.addprevious(t._tbl)
    d.save(str(path))


def _restarted_list(d, p) -> int:
    """A new w:num over the style's list, restarting at 1."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numbering = d.part.numbering_part.element
    style_num = p.style.element.pPr.numPr.numId.val
    abstract = next(n for n in numbering.findall(qn("w:num")) if n.numId == style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    return int(num.numId)


def _set_num(p, num_id: int) -> None:
    pPr = p._p.get_or_add_pPr()
    pPr.get_or_add_numPr().get_or_add_numId().val = num_id
    pPr.get_or_add_numPr().get_or_add_ilvl().val = 0


def write_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("dv", "", str(FONT))
    pdf.add_font("dv", "B", str(FONT_BOLD))
    pdf.add_page()
    pdf.set_margins(20, 15, 15)
    y = 15
    for i, (l_text, r_text) in enumerate(zip(ISSUER + [NUMBER], MOTTO + [DATE])):
        pdf.set_font("dv", "B" if i < 2 else "", 11 if i < 2 else 12)
        pdf.set_xy(20, y)
        pdf.cell(70, 6, l_text, align="C")
        pdf.set_xy(100, y)
        pdf.cell(95, 6, r_text, align="C")
        y += 7
    pdf.set_y(y + 6)
    pdf.set_font("dv", "B", 13)
    for text in (TITLE, SUBJECT):
        pdf.cell(0, 7, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("dv", "", 12)
    pdf.multi_cell(0, 6, "      " + INTRO, new_x="LMARGIN", new_y="NEXT")
    for level, label, text, bold in BODY:
        pdf.set_font("dv", "B" if bold else "", 12)
        item = f"{label}. {text}" if level < 2 else f"- {text}"
        pdf.multi_cell(0, 6, "      " + item, new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 4
    pdf.set_font("dv", "B", 11)
    pdf.set_xy(20, y)
    pdf.cell(70, 6, "Nơi nhận:")
    pdf.set_font("dv", "", 10)
    for k, c in enumerate(COPIES):
        pdf.set_xy(20, y + 6 * (k + 1))
        pdf.cell(70, 6, f"- {c};")
    pdf.set_font("dv", "B", 12)
    for k, s in enumerate(SIGN + [SIGNER]):
        pdf.set_xy(110, y + 6 * k + (12 if s == SIGNER else 0))
        pdf.cell(80, 6, s, align="C")
    pdf.add_page()
    pdf.set_font("dv", "B", 13)
    pdf.cell(0, 7, "PHỤ LỤC", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", "", 10)
    with pdf.table(col_widths=(10, 60, 35, 35, 30)) as table:
        for r in TABLE:
            row = table.row()
            for cell in r:
                row.cell(cell)
    pdf.output(str(path))


def summary(doc: AdminDocument) -> dict[str, object]:
    nodes = []
    for n in doc.walk():
        if n.kind in ("paragraph", "table"):
            continue
        nodes.append((n.path, n.kind, clean_inline(n.heading), re.sub(r"\s+", " ", clean_inline(n.text))))
    tables = [[r.cells for r in t.rows] for _n, t in doc.tables()]
    return {
        "kind": doc.kind, "number": doc.number, "date": doc.header.date.short(), "issuer": doc.issuer,
        "subject": doc.subject, "nodes": nodes, "tables": tables, "copies": doc.copies,
        "signer": (doc.signer.name, doc.signer.title, doc.signer.capacity) if doc.signer else None,
        "appendix": [a.path for a in doc.appendices],
    }


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    d = tmp_path_factory.mktemp("three")
    write_md(d / "ke-hoach.md")
    write_docx(d / "ke-hoach.docx")
    out = {"md": load_document(d / "ke-hoach.md"), "docx": load_document(d / "ke-hoach.docx")}
    if FONT.exists() and FONT_BOLD.exists():
        write_pdf(d / "ke-hoach.pdf")
        out["pdf"] = load_document(d / "ke-hoach.pdf")
    return out


def test_markdown_reads_as_expected(three):
    s = summary(three["md"])
    assert (s["kind"], s["number"], s["date"], s["issuer"], s["subject"]) == (
        "Kế hoạch", "73/KH-UBND", "20/5/2026", "UBND tỉnh Hưng Yên", SUBJECT)
    assert [p for p, *_ in s["nodes"]] == ["mục I", "mục I.1", "mục I.1", "mục II", "mục II.1", "mục II.1", "mục II.2",
                                           "mục II.2", "Phụ lục"]
    assert s["tables"] == [TABLE[1:]]
    assert s["signer"] == (SIGNER, "Phó Chủ tịch", ["TM. Ủy ban nhân dân", "KT. Chủ tịch"])
    assert s["copies"] == COPIES


@pytest.mark.parametrize("form", ["docx", "pdf"])
def test_same_structure_as_markdown(three, form):
    if form not in three:
        pytest.skip(f"no Unicode TTF font at {FONT} to write a Vietnamese PDF")
    assert summary(three[form]) == summary(three["md"])


# -- bad files -----------------------------------------------------------------------------------
def test_scanned_pdf_asks_for_ocr(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")
    path = tmp_path / "ban-scan.pdf"
    pdf.output(str(path))
    with pytest.raises(ParseError, match="OCR"):
        read_file(path)


def test_zip_bomb_docx_is_refused(tmp_path):
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document/>" + " " * 30_000_000)
    with pytest.raises(ParseError, match="zip bomb"):
        read_file(path)


@pytest.mark.parametrize("name, content", [
    ("hong.docx", b"PK\x03\x04 this is not really a zip"),
    ("rong.docx", b""),
    ("hong.pdf", b"%PDF-1.4\n garbage without xref"),
    ("ma-hoa.md", "Điều 1. x".encode("utf-16")),
    ("trong.md", b"   \n\n"),
    ("nhi-phan.md", b"\x00\x01\x02 binary"),
    ("bang.xlsx", b"x"),
])
def test_bad_files_fail_with_their_name(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ParseError) as exc:
        load_document(path)
    assert name in str(exc.value)


def test_mutated_docx_only_fails_with_parse_error(tmp_path, three):
    """Random byte damage to a real .docx: a document or the reader's own error, never a crash."""
    src = tmp_path / "src.docx"
    write_docx(src)
    data = src.read_bytes()
    rng = random.Random(7)
    for i in range(60):
        b = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        path = tmp_path / f"m{i}.docx"
        path.write_bytes(bytes(b))
        try:
            load_document(path)
        except ParseError:
            pass
