""".docx into blocks, with python-docx, paragraphs and tables in body order.

What real exports (eOffice and the national portal) put in a .docx and plain text
extraction loses:
- the header and the signature are two-column layout tables (issuing body and "Số:" on
  the left, motto and date on the right; "Nơi nhận" left, signature right): their cells
  are read as furniture blocks, left column first, never as a data table;
- list labels ("1.", "a)", "-") are drawn by Word's numbering, not typed: they are
  computed from numbering.xml so the structure parser sees them;
- footnote marks are w:footnoteReference runs and their texts live in footnotes.xml;
- a merged cell appears once per grid column it covers in python-docx's `row.cells`:
  cells are read from the XML so a merged cell is read once (a vertically merged cell
  carries its text down: the value holds for every row it spans).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from retrieval.documents.readers.blocks import (
    MAX_BLOCKS,
    MAX_CELLS,
    Block,
    Cell,
    Origin,
    ParseError,
    RawDocument,
    RawFootnote,
)
from retrieval.lang.text import nfc

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# a .docx whose parts inflate beyond this is refused before python-docx reads it (zip bomb)
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
MAX_XML_PART = 40 * 1024 * 1024  # one XML part (document.xml of the longest law: a few MB); images are not XML
# the bounds Word itself keeps: list levels 0-8, list numbers up to 32767, 63 table columns
MAX_LEVEL = 8
MAX_LIST_NUMBER = 32767
MAX_COLUMNS = 63
# the furniture of a state body's header or signature, and of a party body's (Hướng dẫn 36-HD/VPTW:
# "ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY …", "Số 05-CT/TU", "T/M BAN THƯỜNG VỤ")
_LAYOUT_MARKS = re.compile(
    r"CỘNG H[OÒ]A|Độc lập|Số\s*:|^Số\s+\d|Nơi nhận|^(TM|KT|TL|TUQ|Q)\.|^[TK]/[ML]\b|ỦY BAN|UỶ BAN|CHỦ TỊCH|GIÁM ĐỐC|"
    r"VĂN PHÒNG|ĐẢNG CỘNG SẢN|TỈNH ỦY|TỈNH UỶ|ĐẢNG ỦY|ĐẢNG UỶ|THÀNH ỦY|BAN THƯỜNG VỤ|BÍ THƯ", re.MULTILINE
)


def _int(value: str | None, default: int, lo: int, hi: int) -> int:
    """A whole-number attribute as Word bounds it; anything else (absent, "abc", "²", 10**20) is the default or the bound."""
    if not value or not re.fullmatch(r"-?[0-9]{1,12}", value.strip()):
        return default
    return max(lo, min(hi, int(value)))


def _val(el: Any, tag: str) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val") if child is not None else None


def _on(el: Any, tag: str) -> bool | None:
    """A toggle property (w:b, w:i): None when absent."""
    child = el.find(W + tag) if el is not None else None
    if child is None:
        return None
    return child.get(W + "val") not in ("0", "false", "off")


# -- numbering ---------------------------------------------------------------------------
_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(n: int) -> str:
    out = ""
    for v, s in _ROMAN:
        while n >= v:
            out, n = out + s, n - v
    return out


def _letter(n: int) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter",):
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """Word list numbering: the label a numbered paragraph shows ("1.", "a)", "-")."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: Any) -> "Numbering":
        num = cls()
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return num
        abstract: dict[str, dict[int, _Level]] = {}
        for an in root.findall(W + "abstractNum"):
            lv: dict[int, _Level] = {}
            for lvl in an.findall(W + "lvl"):
                ilvl = _int(lvl.get(W + "ilvl"), 0, 0, MAX_LEVEL)
                lv[ilvl] = _Level(_val(lvl, "numFmt") or "decimal", (_val(lvl, "lvlText") or "")[:100],
                                  _int(_val(lvl, "start"), 1, 0, MAX_LIST_NUMBER))
            abstract[an.get(W + "abstractNumId") or ""] = lv
        for n in root.findall(W + "num"):
            aid = _val(n, "abstractNumId") or ""
            levels = {k: _Level(v.fmt, v.text, v.start) for k, v in abstract.get(aid, {}).items()}
            for ov in n.findall(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0, 0, MAX_LEVEL)
                so = _val(ov, "startOverride")
                if so is not None and ilvl in levels:
                    levels[ilvl].start = _int(so, levels[ilvl].start, 0, MAX_LIST_NUMBER)
            num.levels[n.get(W + "numId") or ""] = levels
        return num

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        lvl = levels[ilvl]
        if lvl.fmt == "bullet":
            return "+" if lvl.text.strip() in ("+",) else "-"
        if lvl.fmt == "none":
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, lvl.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        text = lvl.text
        for k in range(9):
            if f"%{k + 1}" in text:
                ref = levels.get(k, _Level())
                text = text.replace(f"%{k + 1}", _format(counts.get(k, ref.start), ref.fmt))
        return text.strip()


# -- paragraphs ----------------------------------------------------------------------------
@dataclass
class _Context:
    document: Any
    source: str
    numbering: Numbering
    footnote_ids: dict[str, int] = field(default_factory=dict)  # w:id -> number as shown
    cells: int = 0  # table cells read so far

    def mark(self, fid: str) -> int:
        if fid not in self.footnote_ids:
            self.footnote_ids[fid] = len(self.footnote_ids) + 1
        return self.footnote_ids[fid]


def _style_chain(style: Any) -> list[Any]:
    out: list[Any] = []
    while style is not None and len(out) < 10:
        out.append(style)
        style = getattr(style, "base_style", None)
    return out


def _style_of(ctx: _Context, p_el: Any) -> Any:
    sid = _val(p_el.find(W + "pPr"), "pStyle")
    if not sid:
        return None
    try:
        return ctx.document.styles.get_by_id(sid, 1)  # WD_STYLE_TYPE.PARAGRAPH
    except (KeyError, ValueError, AttributeError):
        return None


def _style_toggle(styles: list[Any], tag: str) -> bool:
    for st in styles:
        rpr = st.element.find(W + "rPr") if st is not None else None
        v = _on(rpr, tag)
        if v is not None:
            return v
    return False


def _num_pr(ctx: _Context, p_el: Any, styles: list[Any]) -> tuple[str, int] | None:
    ppr = p_el.find(W + "pPr")
    for holder in [ppr] + [st.element.find(W + "pPr") for st in styles]:
        npr = holder.find(W + "numPr") if holder is not None else None
        if npr is not None:
            num_id = _val(npr, "numId")
            ilvl = _val(npr, "ilvl")
            if num_id:
                return num_id, _int(ilvl, 0, 0, MAX_LEVEL)
    return None


def _alignment(p_el: Any, styles: list[Any]) -> str | None:
    for holder in [p_el.find(W + "pPr")] + [st.element.find(W + "pPr") for st in styles]:
        jc = _val(holder, "jc") if holder is not None else None
        if jc:
            return jc
    return None


def _paragraph(ctx: _Context, p_el: Any, origin: Origin, layout: str = "") -> Block | None:
    styles = _style_chain(_style_of(ctx, p_el))
    style_bold = _style_toggle(styles, "b")
    style_italic = _style_toggle(styles, "i")
    pieces: list[tuple[str, bool, bool]] = []  # text, bold, italic
    for r in p_el.iter(W + "r"):
        # deleted text (tracked changes) is not part of the document
        if any(a.tag == W + "del" for a in r.iterancestors()):
            continue
        rpr = r.find(W + "rPr")
        b = _on(rpr, "b")
        it = _on(rpr, "i")
        bold = style_bold if b is None else b
        italic = style_italic if it is None else it
        for child in r:
            tag = child.tag
            if tag == W + "t":
                pieces.append((child.text or "", bold, italic))
            elif tag in (W + "tab",):
                pieces.append((" ", bold, italic))
            elif tag in (W + "br", W + "cr"):
                pieces.append(("\n", bold, italic))
            elif tag == W + "noBreakHyphen":
                pieces.append(("-", bold, italic))
            elif tag == W + "footnoteReference":
                pieces.append((f"<sup>{ctx.mark(child.get(W + 'id') or '')}</sup>", bold, italic))
    text = nfc("".join(t for t, _b, _i in pieces))
    text = "\n".join(re.sub(r"[ \t\u00a0]+", " ", x).strip() for x in text.split("\n")).strip("\n ")
    npr = _num_pr(ctx, p_el, styles)
    label = ctx.numbering.label(*npr) if npr and text else ""
    if not text:
        return None
    visible = [(t, b, i) for t, b, i in pieces if t.strip() and not t.startswith("<sup>")]
    all_bold = bool(visible) and all(b for _t, b, _i in visible)
    all_italic = bool(visible) and all(i for _t, _b, i in visible)
    lead = ""
    if not all_bold and visible and visible[0][1]:
        lead_parts = []
        for t, b, _i in visible:
            if not b:
                break
            lead_parts.append(t)
        lead = nfc("".join(lead_parts)).strip()
    align = _alignment(p_el, styles)
    return Block("text", text, origin, bold=all_bold, bold_lead=lead, italic=all_italic,
                 centered=align == "center", label=label, layout=layout)


# -- tables ----------------------------------------------------------------------------
def _cell_text(ctx: _Context, tc: Any, origin: Origin) -> str:
    parts = []
    for p in tc.iter(W + "p"):
        b = _paragraph(ctx, p, origin)
        if b is not None:
            parts.append((b.label + " " if b.label else "") + b.text)
    return "\n".join(parts).strip()


def _grid_rows(ctx: _Context, tbl: Any, origin: Origin) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    above: dict[int, str] = {}  # grid column -> text of a vertically merged cell
    for r_i, tr in enumerate(tbl.findall(W + "tr")):
        row: list[Cell] = []
        col = 0
        cells = tr.findall(W + "tc")
        ctx.cells += len(cells)
        if ctx.cells > MAX_CELLS:
            raise ParseError(f"{ctx.source}: các bảng có hơn {MAX_CELLS} ô, vượt giới hạn")
        for tc in cells:
            tcpr = tc.find(W + "tcPr")
            span_v = _val(tcpr, "gridSpan")
            span = _int(span_v, 1, 1, MAX_COLUMNS)
            vm = tcpr.find(W + "vMerge") if tcpr is not None else None
            text = _cell_text(ctx, tc, Origin(origin.file, table=origin.table, row=r_i))
            if vm is not None and vm.get(W + "val") != "restart":
                text = above.get(col, text)
            else:
                above[col] = text
            row.append(Cell(text, span))
            col += span
        rows.append(row)
    return rows


def _is_layout(rows: list[list[Cell]]) -> bool:
    """A header or signature table: few rows, two or three columns, furniture inside."""
    if not rows or len(rows) > 3:
        return False
    width = max(len(r) for r in rows)
    text = "\n".join(c.text for r in rows for c in r)
    return width <= 3 and bool(_LAYOUT_MARKS.search(text))


def _layout_blocks(ctx: _Context, tbl: Any, origin: Origin) -> list[Block]:
    out: list[Block] = []
    for r_i, tr in enumerate(tbl.findall(W + "tr")):
        for c_i, tc in enumerate(tr.findall(W + "tc")):
            side = "left" if c_i == 0 else "right"
            for p in tc.iter(W + "p"):
                b = _paragraph(ctx, p, Origin(origin.file, table=origin.table, row=r_i), layout=side)
                if b is None:
                    continue
                # a cell paragraph may stack several lines with breaks: one block a line
                for line in b.text.split("\n"):
                    if line.strip():
                        out.append(Block("text", line.strip(), b.origin, bold=b.bold, bold_lead=b.bold_lead,
                                         italic=b.italic, centered=b.centered, label=b.label, layout=side))
    return out


# -- footnotes -------------------------------------------------------------------------------
def _footnotes(ctx: _Context) -> list[RawFootnote]:
    from lxml import etree

    part = None
    for rel in ctx.document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            part = rel.target_part
            break
    if part is None or not ctx.footnote_ids:
        return []
    root = etree.fromstring(part.blob, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    out = []
    for fn in root.findall(W + "footnote"):
        fid = fn.get(W + "id") or ""
        if fid not in ctx.footnote_ids:
            continue
        texts = []
        for p in fn.findall(W + "p"):
            b = _paragraph(ctx, p, Origin(ctx.source))
            if b is not None:
                texts.append(re.sub(r"<sup>\d+</sup>", "", b.text).strip())
        out.append(RawFootnote(ctx.footnote_ids[fid], nfc(" ".join(t for t in texts if t)), Origin(ctx.source)))
    return sorted(out, key=lambda f: f.number)


# -- the file ----------------------------------------------------------------------------------
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: Word's encrypted .docx, or an old .doc
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # what Word writes; zipfile would also try bzip2 and LZMA


def _check_zip(path: Path) -> None:
    with open(path, "rb") as f:
        head = f.read(8)
    if head == _OLE_MAGIC:
        raise ParseError(f"{path.name}: tệp được Word bảo vệ bằng mật khẩu (mã hóa) hoặc là tệp .doc cũ đổi đuôi — "
                         "cần bản .docx không đặt mật khẩu")
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ParseError(f"{path.name}: không phải tệp .docx hợp lệ (không mở được như tệp nén: {exc})") from exc
    size = path.stat().st_size
    beyond = [i for i in infos if i.header_offset + i.compress_size > size]
    if beyond:  # a header that claims more bytes than the file has: reading it would allocate that much
        raise ParseError(f"{path.name}: không phải tệp .docx hợp lệ (phần {beyond[0].filename} khai báo "
                         f"{beyond[0].compress_size} byte, vượt kích thước tệp)")
    encrypted = [i.filename for i in infos if i.flag_bits & 0x1]
    if encrypted:
        raise ParseError(f"{path.name}: tệp .docx có phần được mã hóa bằng mật khẩu ({encrypted[0]}) — "
                         "cần bản không đặt mật khẩu")
    odd = [i for i in infos if i.compress_type not in _METHODS]
    if odd:
        raise ParseError(f"{path.name}: không phải tệp .docx hợp lệ ({odd[0].filename} nén theo kiểu "
                         f"{odd[0].compress_type}, Word chỉ dùng deflate)")
    if "word/document.xml" not in names:
        raise ParseError(f"{path.name}: không phải tệp .docx hợp lệ (thiếu word/document.xml)")
    if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise ParseError(
            f"{path.name}: tệp .docx giải nén ra {total // 1024 // 1024} MB (gấp {total // packed} lần), "
            "vượt giới hạn an toàn — có thể là tệp độc hại (zip bomb)")
    big = [i for i in infos if i.file_size > MAX_XML_PART and i.filename.lower().endswith((".xml", ".rels"))]
    if big:
        raise ParseError(f"{path.name}: phần {big[0].filename} của tệp .docx giải nén ra {big[0].file_size // 1024 // 1024} MB, "
                         f"vượt giới hạn {MAX_XML_PART // 1024 // 1024} MB")


def read_docx(path: Path) -> RawDocument:
    import docx  # python-docx

    _check_zip(path)
    document = docx.Document(str(path))
    ctx = _Context(document, path.name, Numbering.from_document(document))
    blocks: list[Block] = []
    table_no = 0
    lines: list[str] = []
    for i, el in enumerate(document.element.body.iterchildren()):
        if len(blocks) > MAX_BLOCKS:  # stop reading here: read_file says why
            break
        if el.tag == W + "p":
            b = _paragraph(ctx, el, Origin(path.name, paragraph=i))
            if b is not None:
                blocks.append(b)
                lines.extend(((b.label + " ") if b.label else "") + x for x in b.text.split("\n"))
        elif el.tag == W + "tbl":
            origin = Origin(path.name, paragraph=i, table=table_no)
            table_no += 1
            rows = _grid_rows(ctx, el, origin)
            if _is_layout(rows):
                layout = _layout_blocks(ctx, el, origin)
                blocks.extend(layout)
                lines.extend(b.text for b in layout)
            elif rows:
                blocks.append(Block("table", origin=origin, rows=rows))
                for r in rows:
                    lines.extend(c.text for c in r if c.text)
    return RawDocument(path.name, blocks, _footnotes(ctx), None, lines)
