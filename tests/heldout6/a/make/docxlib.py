"""Small python-docx helpers for the held-out documents (NĐ 30/2020 layout): A4, margins 2/2/3/1.5 cm,
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


def _cant_split(table):
    """Rows are not broken across pages (Word: "Allow row to break across pages" off)."""
    for row in table.rows:
        trPr = row._tr.get_or_add_trPr()
        trPr.append(OxmlElement('w:cantSplit'))


def grid(d, header, rows, widths, total=None, size=12, aligns=None):
    """header: list of str; rows: list of lists; total: (label, span, values after the span) or None."""
    t = d.add_table(rows=1, cols=len(header))
    t.style = 'Table Grid'
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    aligns = aligns or [C] * len(header)
    hdr = t.rows[0]
    _repeat_header(hdr)
    for i, h in enumerate(header):
        c = hdr.cells[i]
        c.width = Cm(widths[i])
        _shade(c)
        cell_lines(c, [(h, True, False)], C, size)
    for row in rows:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].width = Cm(widths[i])
            cell_lines(cells[i], [(str(v), False, False)], aligns[i], size)
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
    _cant_split(t)
    d.add_paragraph().paragraph_format.space_after = Pt(0)
    return t


def page_break(d):
    p = d.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    p.add_run().add_break(WD_BREAK.PAGE)


# ---- added for heldout6/a -------------------------------------------------------------------------------------------
def grouped_grid(d, header, items, widths, size=12, aligns=None):
    """A bordered table whose rows are given as items:
    ('row', [cells...])          an ordinary row
    ('group', text)              a bold row merged across all columns
    ('sum', label, span, [vals]) a bold row: label merged over the first `span` columns, then the values."""
    t = d.add_table(rows=1, cols=len(header))
    t.style = 'Table Grid'
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    aligns = aligns or [C] * len(header)
    hdr = t.rows[0]
    _repeat_header(hdr)
    for i, h in enumerate(header):
        c = hdr.cells[i]
        c.width = Cm(widths[i])
        _shade(c)
        cell_lines(c, [(h, True, False)], C, size)
    for it in items:
        cells = t.add_row().cells
        for i in range(len(header)):
            cells[i].width = Cm(widths[i])
        if it[0] == 'row':
            for i, v in enumerate(it[1]):
                cell_lines(cells[i], [(str(v), False, False)], aligns[i], size)
        elif it[0] == 'group':
            m = cells[0].merge(cells[len(header) - 1])
            cell_lines(m, [(it[1], True, False)], L, size)
        elif it[0] == 'sum':
            _, label, span, vals = it
            m = cells[0].merge(cells[span - 1]) if span > 1 else cells[0]
            cell_lines(m, [(label, True, False)], C, size)
            for j, v in enumerate(vals):
                cell_lines(cells[span + j], [(str(v), True, False)], aligns[span + j], size)
    for i, w in enumerate(widths):
        t.columns[i].width = Cm(w)
    _cant_split(t)
    d.add_paragraph().paragraph_format.space_after = Pt(0)
    return t


def header_line(cell_or_doc, text, align=C, bold=False, italic=False, size=None, underline=False):
    p = cell_or_doc.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    r = p.add_run(N(text))
    r.bold, r.italic, r.underline = bold, italic, underline
    if size:
        r.font.size = Pt(size)
    return p


def convert(src, fmt, outdir):
    """soffice --headless --convert-to FMT; returns the output path."""
    import os
    import subprocess
    subprocess.run(['soffice', '--headless', '--convert-to', fmt, '--outdir', outdir, src], check=True,
                   capture_output=True)
    base = os.path.splitext(os.path.basename(src))[0]
    return os.path.join(outdir, base + '.' + fmt.split(':')[0])


def set_props(d, title, author, when):
    """Document properties as an office would leave them (python-docx's defaults name python-docx and 2013)."""
    import datetime
    cp = d.core_properties
    cp.title, cp.author, cp.last_modified_by, cp.comments = N(title), N(author), N(author), ''
    cp.created = cp.modified = datetime.datetime(*when)
    cp.revision = 3
