"""Markdown (and plain text) into blocks.

The conventions of the province's exports and of the seed: a paragraph per line or per
run of lines, blank lines between; a line ending in two spaces is a hard line break inside
one paragraph ("**ỦY BAN NHÂN DÂN  ⏎ TỈNH HƯNG YÊN**"); `**…**` bold; `*(…)*` italic;
footnote marks `<sup>n</sup>` and footnote texts as paragraphs opening with one; pipe
tables; `#` heading lines, read like a bold line of their own (an administrative document's
"# QUYẾT ĐỊNH", a section's "## II. NHIỆM VỤ"), the first of them before any paragraph also
the document's title (the law benchmark's "# Luật Giá"). A paragraph cut by a page break
has the footnotes of that page printed in its middle: the part after them starts in lower
case and continues the paragraph before them.
"""

from __future__ import annotations

import re

from retrieval.documents.readers.blocks import Block, Cell, Origin, RawDocument, RawFootnote
from retrieval.lang.text import clean_inline, nfc

_FOOTNOTE = re.compile(r"^<sup>\s*(\d{1,3})\s*</sup>\s*(.*)$", re.DOTALL)
# a line that opens a new paragraph even without a blank line before it
_BLOCK_START = re.compile(r"^(?:[-+•]\s|\*\s(?!\*)|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s|[IVXLC]+\.\s|\*\*|\||<sup>|#|Điều\s+\d)")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
# an ATX heading: "# QUYẾT ĐỊNH", "## II. NHIỆM VỤ ##"
_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*)$")  # greedy: a lazy text before "\s*$" is quadratic in a run of spaces


def _heading_text(text: str) -> str:
    """A heading's text without its closing hashes, in linear time."""
    text = text.rstrip()
    bare = text.rstrip("#")
    return (bare if bare != text and bare[-1:].isspace() else text).strip()


def _cells(line: str) -> list[str]:
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [c.strip() for c in inner.split("|")]


def _emphasis(text: str) -> tuple[str, bool, str, bool]:
    """(plain text, all bold, bold opening, italic) of a paragraph's Markdown emphasis."""
    t = text.strip()
    bold = False
    lead = ""
    italic = False
    m = re.fullmatch(r"\*\*(.+?)\*\*([.:;]?)", t, re.DOTALL)
    if m and "**" not in m.group(1):
        t, bold = m.group(1).strip() + m.group(2), True
    else:
        lm = re.match(r"^\*\*(.+?)\*\*\s*", t, re.DOTALL)
        if lm:
            lead = lm.group(1).strip()
    im = re.fullmatch(r"\*(?!\*)(.+?)(?<!\*)\*", t, re.DOTALL)
    if im:
        t, italic = im.group(1).strip(), True
    elif t.startswith("_") and t.endswith("_") and len(t) > 2:
        t, italic = t[1:-1].strip(), True
    t = t.replace("**", "")
    return t, bold, lead, italic


def read_markdown(text: str, source: str) -> RawDocument:
    raw_lines = [nfc(x).rstrip("\r") for x in text.replace("\r\n", "\n").split("\n")]
    title: str | None = None
    # paragraphs as (first line number, [lines]); a hard break keeps its own line
    paragraphs: list[tuple[int, list[str]]] = []
    headings: set[int] = set()  # the line numbers of the paragraphs that are heading lines
    cur: list[str] = []
    start = 0
    hard = False
    for i, line in enumerate(raw_lines, 1):
        stripped = line.strip()
        if not stripped:
            if cur:
                paragraphs.append((start, cur))
            cur, hard = [], False
            continue
        hm = _HEADING.match(stripped)
        if hm:
            # a heading is one line: it closes the paragraph before it and opens none after it
            if cur:
                paragraphs.append((start, cur))
            text = _heading_text(hm.group("text"))
            if text:
                if title is None and not paragraphs and stripped.startswith("# "):
                    title = clean_inline(text)
                paragraphs.append((i, [text]))
                headings.add(i)
            cur, hard = [], False
            continue
        is_table = stripped.startswith("|")
        if cur and (hard or not (is_table or _BLOCK_START.match(stripped)) and not cur[-1].startswith("|")):
            if hard:
                cur.append(stripped)
            else:
                cur[-1] = f"{cur[-1]} {stripped}"
        elif cur and is_table and cur[-1].startswith("|"):
            cur.append(stripped)
        else:
            if cur:
                paragraphs.append((start, cur))
            cur, start = [stripped], i
        hard = line.endswith("  ") and not is_table
    if cur:
        paragraphs.append((start, cur))

    blocks: list[Block] = []
    footnotes: list[RawFootnote] = []
    after_footnote = False
    for line_no, lines in paragraphs:
        origin = Origin(source, line=line_no)
        if lines[0].startswith("|"):
            rows = [_cells(x) for x in lines if not _TABLE_RULE.match(x.strip())]
            blocks.append(Block("table", origin=origin, rows=[[Cell(c) for c in r] for r in rows]))
            after_footnote = False
            continue
        joined = "\n".join(lines)
        fm = _FOOTNOTE.match(joined)
        if fm:
            footnotes.append(RawFootnote(int(fm.group(1)), re.sub(r"\s+", " ", fm.group(2)).strip(), origin))
            after_footnote = True
            continue
        plain, bold, lead, italic = _emphasis(joined)
        if line_no in headings:
            bold, lead = True, ""
        if after_footnote and blocks and blocks[-1].kind == "text" and plain[:1].islower() and not re.match(r"^[a-zđ]\)", plain):
            blocks[-1].text = f"{blocks[-1].text} {plain}"
            after_footnote = False
            continue
        after_footnote = False
        if re.match(r"^\*\s(?!\*)", plain):
            plain = "- " + plain[2:]
        blocks.append(Block("text", plain, origin, bold=bold, bold_lead=lead, italic=italic))
    lines_out = [x for x in raw_lines]
    return RawDocument(source, blocks, footnotes, title, lines_out)
