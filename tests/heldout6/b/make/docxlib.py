"""Small python-docx helpers (copied from heldout5/a/make, plus rows that do not split across pages and multi-line cells) for the held-out documents (NĐ 30/2020 layout): A4, margins 2/2/3/1.5 cm,
Times New Roman 13 pt, borderless header and signature tables, bordered data tables with a shaded repeating header."""
import unicodedata

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

N = lambda s: unicodedata.normalize('NFC', s)
C, J, L, R = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT


def new_document():
    d = Document()
    s = d.sections[0]
    s.page_width, s.page_height = Cm(21), Cm(29.7)
    s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Cm(2), Cm(2), Cm(3), Cm(1.5)
    st = d.styles['Normal']
    st.font.name = 'Times New Roman'
    st.font.size = Pt(13)
    st.element.rPr.rFonts.set(qn('w:eastAsia'), 'Times New Roman')
    pf = st.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(4), 1.0
    return d


def para(d, text, align=J, bold=False, italic=False, size=None, indent=True, after=None, container=None):
    p = (container or d).add_paragraph()
    p.alignment = align
    if indent and align == J:
        p.paragraph_format.first_line_indent = Cm(1)
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    # simple **bold** runs inside a paragraph
    parts = N(text).split('**')
    for i, part in enumerate(parts):
        if not part:
            continue
        r = p.add_run(part)
        r.bold = bold or (i % 2 == 1)
        r.italic = italic
        if size:
            r.font.size = Pt(size)
    return p


def cell_lines(cell, lines, align=C, size=None, first_clear=True):
    """lines: list of (text, bold, italic)."""
    for i, (text, b, it) in enumerate(lines):
        p = cell.paragraphs[0] if (i == 0 and first_clear) else cell.add_paragraph()
        p.alignment = align
        p.paragraph_format.space_after = Pt(0)
        if text:
            r = p.add_run(N(text))
            r.bold, r.italic = b, it
            if size:
                r.font.size = Pt(size)


def two_col(d, left, right, widths=(6.5, 10), align_left=C, align_right=C, size_left=None, size_right=None):
    t = d.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for i, w in enumerate(widths):
        t.columns[i].width = Cm(w)
        t.rows[0].cells[i].width = Cm(w)
    cell_lines(t.rows[0].cells[0], left, align_left, size_left)
    cell_lines(t.rows[0].cells[1], right, align_right, size_right)
    return t


def _shade(cell, fill='D9D9D9'):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement('w:shd')
    shd.set(qn('w:val'), 'clear')
    shd.set(qn('w:color'), 'auto')
    shd.set(qn('w:fill'), fill)
    tcPr.append(shd)


def _repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    h = OxmlElement('w:tblHeader')
    h.set(qn('w:val'), 'true')
    trPr.append(h)


def _cant_split(row):
    trPr = row._tr.get_or_add_trPr()
    c = OxmlElement('w:cantSplit')
    c.set(qn('w:val'), 'true')
    trPr.append(c)


def _cell_margins(table, side_cm):
    """Left/right cell margins of a table (wider gaps keep pdftotext from joining the lines of adjacent cells)."""
    tblPr = table._tbl.tblPr
    mar = OxmlElement('w:tblCellMar')
    for side in ('left', 'right'):
        e = OxmlElement('w:' + side)
        e.set(qn('w:w'), str(int(side_cm * 567)))
        e.set(qn('w:type'), 'dxa')
        mar.append(e)
    tblPr.append(mar)


def grid(d, header, rows, widths, total=None, size=12, aligns=None, cant_split=True, margin_cm=None):
    """header: list of str; rows: list of lists; total: (label, span, values after the span) or None.
    A cell value may hold several lines separated by '\n' (one paragraph each). Rows do not break across pages."""
    t = d.add_table(rows=1, cols=len(header))
    t.style = 'Table Grid'
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    if margin_cm:
        _cell_margins(t, margin_cm)
    aligns = aligns or [C] * len(header)
    hdr = t.rows[0]
    _repeat_header(hdr)
    for i, h in enumerate(header):
        c = hdr.cells[i]
        c.width = Cm(widths[i])
        _shade(c)
        cell_lines(c, [(h, True, False)], C, size)
    for row in rows:
        r = t.add_row()
        if cant_split:
            _cant_split(r)
        cells = r.cells
        for i, v in enumerate(row):
            cells[i].width = Cm(widths[i])
            cell_lines(cells[i], [(x, False, False) for x in str(v).split('\n')], aligns[i], size)
    if total:
        label, span, vals = total
        cells = t.add_row().cells
        for i in range(len(header)):
            cells[i].width = Cm(widths[i])
        m = cells[0].merge(cells[span - 1])
        cell_lines(m, [(label, True, False)], C, size)
        for j, v in enumerate(vals):
            cell_lines(cells[span + j], [(str(v), True, False)], aligns[span + j], size)
    for i, w in enumerate(widths):
        t.columns[i].width = Cm(w)
    d.add_paragraph().paragraph_format.space_after = Pt(0)
    return t


def page_break(d):
    p = d.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    p.add_run().add_break(WD_BREAK.PAGE)
