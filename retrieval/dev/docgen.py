"""Small documents of every form, written for tests and as fuzzing seeds: a Kế hoạch in Markdown, a
công văn as Word writes it (python-docx) and a Thông báo printed to PDF (fpdf2)."""

from __future__ import annotations

from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = FONT.with_name("DejaVuSans-Bold.ttf")

KE_HOACH = """**ỦY BAN NHÂN DÂN  
TỈNH HƯNG YÊN**

Số: 12/KH-UBND

Hưng Yên, ngày 03 tháng 01 năm 2025

**KẾ HOẠCH**

**Kiểm tra công tác văn thư, lưu trữ năm 2025**

**1. Sở Nội vụ**

Chủ trì kiểm tra công tác văn thư, lưu trữ tại các sở; báo cáo UBND tỉnh trước ngày 30/6/2025.

**2. Các sở, ban, ngành tỉnh**

Tự kiểm tra, gửi kết quả về Sở Nội vụ trước ngày 31/5/2025./.

**CHỦ TỊCH**

**Lê Minh Đức**
"""


def write_docx(path: Path) -> None:
    """A công văn as an office writes it in Word: header lines, Kính gửi, numbered items, a task table."""
    import docx

    d = docx.Document()
    for text, bold in [("ỦY BAN NHÂN DÂN", True), ("TỈNH HƯNG YÊN", True), ("Số: 34/UBND-NC", False),
                       ("V/v rà soát thủ tục hành chính lĩnh vực hộ tịch", False),
                       ("Hưng Yên, ngày 05 tháng 5 năm 2025", False),
                       ("Kính gửi: Sở Tư pháp; UBND các xã, phường.", False),
                       ("1. Sở Tư pháp rà soát thủ tục hành chính lĩnh vực hộ tịch, đề xuất phương án đơn giản hóa, "
                        "báo cáo UBND tỉnh trước ngày 20/5/2025.", False),
                       ("2. UBND các xã, phường phối hợp cung cấp số liệu theo bảng dưới đây.", False)]:
        d.add_paragraph().add_run(text).bold = bold
    t = d.add_table(rows=3, cols=4)
    for i, row in enumerate([["TT", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian thực hiện"],
                             ["1", "Thống kê hồ sơ khai sinh quá hạn", "UBND các xã, phường", "Trước 15/5/2025"],
                             ["2", "Tổng hợp, đề xuất phương án", "Sở Tư pháp", "Trước 20/5/2025"]]):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    for text, bold in [("Nơi nhận:", True), ("- Như trên;", False), ("- Lưu: VT, NC.", False), ("KT. CHỦ TỊCH", True),
                       ("PHÓ CHỦ TỊCH", True), ("Vũ Đình Khải", True)]:
        d.add_paragraph().add_run(text).bold = bold
    d.save(str(path))


def write_pdf(path: Path) -> None:
    """A Thông báo printed to PDF: the two-column header, centred title, numbered items, the signature on the right."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("dv", "", str(FONT))
    pdf.add_font("dv", "B", str(FONT_BOLD))
    pdf.add_page()
    pdf.set_margins(20, 15, 15)
    left = ["ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN", "Số: 56/TB-UBND"]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hưng Yên, ngày 10 tháng 6 năm 2025"]
    for i, (l_text, r_text) in enumerate(zip(left, right)):
        pdf.set_font("dv", "B" if i < 2 else "", 11)
        pdf.set_xy(20, 15 + 7 * i)
        pdf.cell(70, 6, l_text, align="C")
        pdf.set_xy(100, 15 + 7 * i)
        pdf.cell(95, 6, r_text, align="C")
    pdf.set_y(45)
    pdf.set_font("dv", "B", 13)
    for text in ("THÔNG BÁO", "Lịch tiếp công dân định kỳ tháng 7 năm 2025"):
        pdf.cell(0, 7, text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("dv", "", 12)
    for text in ("1. Chủ tịch UBND tỉnh tiếp công dân định kỳ vào ngày 15/7/2025 tại Trụ sở Tiếp công dân tỉnh.",
                 "2. Thanh tra tỉnh chuẩn bị hồ sơ, tài liệu phục vụ buổi tiếp công dân, báo cáo Chủ tịch UBND tỉnh "
                 "trước ngày 12/7/2025."):
        pdf.multi_cell(0, 6, "      " + text, new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 6
    pdf.set_font("dv", "B", 12)
    for k, s in enumerate(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Minh Đức"]):
        pdf.set_xy(110, y + 6 * k + (12 if k == 2 else 0))
        pdf.cell(80, 6, s, align="C")
    pdf.output(str(path))


def have_fonts() -> bool:
    return FONT.exists() and FONT_BOLD.exists()


def write_corpus(corpus: Path) -> list[Path]:
    """The three documents in `corpus`: (.md, .docx, .pdf)."""
    corpus.mkdir(parents=True, exist_ok=True)
    md, dx, pdf = corpus / "ke-hoach-12.md", corpus / "cong-van-34.docx", corpus / "thong-bao-56.pdf"
    md.write_text(KE_HOACH, encoding="utf-8")
    write_docx(dx)
    write_pdf(pdf)
    return [md, dx, pdf]


def markdown_to_docx(text: str, path: Path) -> None:
    """The same document as Word writes it: the header and the signature as borderless
    two-column layout tables (issuing body and number left, motto and date right; Nơi nhận left,
    the signature right), bold runs where Markdown has **…**, Markdown tables as Word tables.
    A test document written once in Markdown is thus read in a second form."""
    import re

    import docx

    d = docx.Document()
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    # the header: the blocks before the type title (an upper-case bold line), or before the
    # "Kính gửi" of a công văn, which has none
    head: list[str] = []
    while blocks and not re.fullmatch(r"\*\*[A-ZĐÀ-Ỹ ,]+\*\*", blocks[0].strip()) \
            and not re.match(r"\**Kính gửi", blocks[0].strip()):
        head.append(blocks.pop(0))
    left = [b for b in head if not re.search(r"CỘNG HÒA|Độc lập|ĐẢNG CỘNG SẢN|, ngày ", b)]
    right = [b for b in head if b not in left]
    # the end: from "Nơi nhận" on, signature blocks (bold, short) after it
    tail: list[str] = []
    for i, b in enumerate(blocks):
        if re.match(r"\**Nơi nhận", b.strip()):
            tail = blocks[i:]
            blocks = blocks[:i]
            break

    def lines(b: str) -> list[str]:
        return [x.strip() for x in b.replace("  \n", "\n").splitlines() if x.strip()]

    def put(cell_or_doc, line: str) -> None:  # type: ignore[no-untyped-def]
        p = cell_or_doc.add_paragraph()
        for part in re.split(r"(\*\*[^*]+\*\*)", line):
            if part:
                p.add_run(part.strip("*")).bold = part.startswith("**")

    def layout(left_lines: list[str], right_lines: list[str]) -> None:
        t = d.add_table(rows=1, cols=2)
        for cell, content in zip(t.rows[0].cells, (left_lines, right_lines)):
            cell.paragraphs[0].text = ""
            for line in content:
                put(cell, line)

    layout([x for b in left for x in lines(b)], [x for b in right for x in lines(b)])
    def block(b: str) -> None:
        """A Markdown block as a Word table when it is one, else its lines as paragraphs."""
        rows = [r for r in lines(b) if r.startswith("|")]
        if rows and len(rows) == len(lines(b)):
            cells = [[c.strip() for c in r.strip("|").split("|")] for r in rows if not re.fullmatch(r"\|[-| :]+\|", r)]
            t = d.add_table(rows=len(cells), cols=max(len(r) for r in cells))
            t.style = "Table Grid"
            for i, r in enumerate(cells):
                for j, c in enumerate(r):
                    t.cell(i, j).text = c
            return
        for line in lines(b):
            put(d, line)

    for b in blocks:
        block(b)
    if tail:
        copies: list[str] = [tail[0]]
        sign: list[str] = []
        rest: list[str] = []
        for b in tail[1:]:
            if rest or (sign and not b.strip().startswith("**")):
                rest.append(b)
            elif b.strip().startswith("**"):
                sign.append(b)
            else:
                copies.append(b)
        layout([x for b in copies for x in lines(b)], [x for b in sign for x in lines(b)])
        for b in rest:  # footnotes, then the appendices
            block(b)
    d.save(str(path))
