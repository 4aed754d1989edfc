""".pdf into blocks, from pypdf's text layer, and from OCR for the pages that have none.

A PDF keeps no paragraphs, tables or footnotes: only text runs placed on pages. This
reader rebuilds them from geometry, the way a reader's eye does:
- runs on one baseline make a line; a small digit raised above a line is a footnote mark;
- small-font lines at the foot of a page that open with a number are footnotes, and a
  lone page number at the top or bottom is furniture;
- the two-column header of page 1 (issuing body, "Số:", "V/v …" on the left; motto and
  place-date on the right) and the two-column signature ("Nơi nhận" left, signer right)
  are read column by column as layout blocks, as the .docx reader does with its tables;
- lines whose runs keep to stable column gutters are a table; its rows are cut at the
  drawn horizontal rules when there are any (cells are often centred vertically, so the
  text alone hardly tells where a row ends), else where no column's cell runs on, else
  around the first column's cells (centred or top-aligned rows);
- the remaining lines are joined into paragraphs, cut at first-line indents, list and
  structure labels, style changes, wide vertical gaps and short lines ending a sentence.

Positions come from pypdf's visitor callbacks; run widths from the fonts' glyph widths,
because the visitor only gives where a run starts.

A page without a text layer (a scan) is read by OCR (`ocr.py`): its words come back placed on
the page, as runs come from a text layer, and go through the same steps, so a scanned copy
reads into the same blocks as its original; ruled tables come back whole, cell by cell. A
mixed file (some pages scanned) is one document in page order.
"""

from __future__ import annotations

import re
import struct
import time
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from retrieval.documents.readers.blocks import Block, Cell, Origin, ParseError, RawDocument, RawFootnote
from retrieval.documents.readers.ocr import OcrPage, OcrTable
from retrieval.documents.readers.ocr import Progress as OcrProgress

MAX_PAGES = 300
MAX_RULES_PER_PAGE = 5000  # drawn segments kept per page: a vector drawing must not cost more than a table
# What reading one file may cost. pypdf parses content streams in Python (about 150,000 operators or
# 4 MB of white space a second) and parses a form XObject again each time a page draws it, so a
# damaged or hostile file could keep it busy for minutes: the page contents are measured before they
# are parsed, the operators counted as they are read, and the whole read has a deadline.
MAX_CONTENT_BYTES = 16 * 1024 * 1024  # decoded page content streams of the whole file (a text page: 10-100 KB)
MAX_OPERATORS = 1_000_000  # content operators of the whole file, forms included (a text page: a few thousand)
MAX_SECONDS = 20.0
# a page with fewer letters and digits than this in its text layer, that draws an image, is a
# scan (a scanner may stamp a page number or its own name as text on the image)
MIN_TEXT_CHARS = 20
MAX_UNSURE_WORDS = 200  # kept in the RawDocument: the preview shows a few

# what pypdf lets escape on damaged or hostile input, besides its own PyPdfError family
_LIBRARY_ERRORS: tuple[type[BaseException], ...] = (
    ValueError, KeyError, TypeError, AttributeError, IndexError, OverflowError, RecursionError,
    NotImplementedError, zlib.error, struct.error, UnicodeDecodeError, AssertionError, LookupError,
    EOFError, OSError,
)

# list and structure labels that open a paragraph wherever they stand
_STRONG_LABEL = re.compile(
    r"^(Kính gửi|Nơi nhận|Số\s*:|PHỤ LỤC|Phụ lục\b|(?:Chương|CHƯƠNG|Phần|PHẦN)\s+[IVXLC\d]+\b|"
    r"(?:Mục|MỤC)\s+\d+\b|(?:Điều|ĐIỀU)\s+\d+[a-zđ]?\.)"
)
# labels that also occur where a sentence wraps ("… năm" / "2026. Ủy ban"): they open a
# paragraph only when the previous line could have ended one
_WEAK_LABEL = re.compile(r"^(\d+(?:\.\d+)*\.(?:\s|$)|\d+(?:\.\d+)+\s|\d+\)\s|[IVXLC]+\.\s|[a-zđ]\)\s|[-+–—*]\s|•)")
_SENTENCE_END = re.compile(r"(\./\.|[.:;!?…])[\"”’)]*$")
_PAGE_NUMBER = re.compile(r"^(?:-\s*\d{1,4}\s*-|\d{1,4}|Trang\s+\d{1,4}(?:\s*/\s*\d{1,4})?)$", re.IGNORECASE)
# the motto (the state's, or the party's for a party body) or a number line ("Số: 12/KH-UBND",
# a party document's "Số 08-CTr/ĐU") marks a header
_HEADER_MARK = re.compile(r"CỘNG H[OÒ]A|Độc lập|ĐẢNG CỘNG SẢN VIỆT NAM|^Số\s*:|^Số\s+\d|^V/v\b", re.IGNORECASE)
_SIGNER = re.compile(r"^(Nơi nhận|(?:TM|KT|TL|TUQ|Q)\.\s*\S|[TK]/[ML]\s*\S)")
_CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC)\s+[IVXLC\d]+\.?$")
_FOOTNOTE_INLINE = re.compile(r"^(\d{1,3})\s+(?![.)/:,-])(\S.*)$")
_DIGITS = re.compile(r"\d{1,3}")

BASELINE_TOLERANCE = 2.0  # pt: runs this close vertically share a line


# -- runs -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Run:
    """One piece of text as pypdf reports it: where it starts, its size and style."""

    text: str  # NFC, inner white space collapsed, stripped
    x0: float
    x1: float
    y: float  # baseline, text rise included
    size: float  # font size in page units
    bold: bool
    italic: bool
    space_before: bool  # the text began with white space
    space_after: bool
    sup: bool = False


@dataclass(frozen=True)
class _Page:
    number: int
    left: float
    right: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def mid(self) -> float:
        return (self.left + self.right) / 2


@dataclass(frozen=True)
class _Rule:
    """A horizontal stroke (table border or cell edge) drawn on the page."""

    y: float
    x0: float
    x1: float


@dataclass(frozen=True)
class _Post:
    """A vertical stroke: the border between two cells."""

    x: float
    y0: float
    y1: float


class _Widths:
    """Advance widths (1/1000 em) of one font by Unicode character.

    The visitor hands over decoded text, not glyph codes, so the font's code -> text map is
    inverted. pypdf keeps the parsed widths in its (private) Font class; without it every
    glyph falls back to half an em, which is only good enough for rough geometry."""

    def __init__(self, font_dict: Any) -> None:
        self.by_char: dict[str, float] = {}
        self.default = 500.0
        if font_dict is None:
            return
        try:
            from pypdf.generic._font import Font
        except ImportError:  # pragma: no cover - older or newer pypdf layouts
            return
        font = Font.from_font_resource(font_dict)
        widths = font.character_widths
        default = widths.get("default")
        if isinstance(default, (int, float)) and default > 0:
            self.default = float(default)
        for code, char in font.character_map.items():
            if isinstance(code, str) and isinstance(char, str) and len(char) == 1 and code in widths:
                self.by_char.setdefault(char, float(widths[code]))
        if isinstance(font.encoding, dict):
            for code_int, char in font.encoding.items():
                width = widths.get(chr(code_int)) if isinstance(code_int, int) else None
                if isinstance(char, str) and len(char) == 1 and width is not None:
                    self.by_char.setdefault(char, float(width))

    def measure(self, text: str) -> float:
        return sum(0.0 if unicodedata.combining(c) else self.by_char.get(c, self.default) for c in text)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _clean(text: str) -> str:
    # control characters come from broken ToUnicode maps; non-breaking spaces are spaces
    text = "".join(" " if c.isspace() else c for c in text if c.isspace() or unicodedata.category(c) != "Cc")
    return re.sub(r" {2,}", " ", _nfc(text)).strip()


def _matrix(tm: Sequence[float], cm: Sequence[float]) -> tuple[float, float, float, float, float, float]:
    """The text matrix in page space (tm x cm)."""
    a = tm[0] * cm[0] + tm[1] * cm[2]
    b = tm[0] * cm[1] + tm[1] * cm[3]
    c = tm[2] * cm[0] + tm[3] * cm[2]
    d = tm[2] * cm[1] + tm[3] * cm[3]
    e = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
    f = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    return a, b, c, d, e, f


def _apply(cm: Sequence[float], x: float, y: float) -> tuple[float, float]:
    return x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]


def _numbers(args: Sequence[Any], count: int) -> list[float] | None:
    if len(args) < count:
        return None
    try:
        return [float(a) for a in args[:count]]
    except (TypeError, ValueError):
        return None


def _font_style(font_dict: Any) -> tuple[bool, bool]:
    name = ""
    if font_dict is not None:
        base = font_dict.get("/BaseFont")
        name = str(base) if base is not None else ""
    lower = name.lower()
    return "bold" in lower, "italic" in lower or "oblique" in lower


class _PageCollector:
    """pypdf visitor state for one page: text runs, plus the horizontal rules drawn."""

    def __init__(self, widths: dict[int, tuple[Any, _Widths]], budget: _Budget | None = None,
                 page_size: tuple[float, float] | None = None) -> None:
        self.budget = budget
        self.page_size = page_size
        self.runs: list[_Run] = []
        self.rules: list[_Rule] = []
        self.posts: list[_Post] = []
        self._widths = widths
        self._rise = 0.0
        self._rise_stack: list[float] = []
        self._pending_rise: float | None = None  # the rise when the text now being gathered began
        self._point: tuple[float, float] | None = None
        self.images = False  # the page draws an XObject (a scan's page image) or an inline image

    def _font_widths(self, font_dict: Any) -> _Widths:
        key = id(font_dict)
        hit = self._widths.get(key)
        if hit is None or hit[0] is not font_dict:
            hit = (font_dict, _Widths(font_dict))
            self._widths[key] = hit
        return hit[1]

    def _rule(self, y: float, x0: float, x1: float) -> None:
        if len(self.rules) < MAX_RULES_PER_PAGE and abs(x1 - x0) > 2:
            self.rules.append(_Rule(y, min(x0, x1), max(x0, x1)))

    def _post(self, x: float, y0: float, y1: float) -> None:
        if len(self.posts) < MAX_RULES_PER_PAGE and abs(y1 - y0) > 2:
            self.posts.append(_Post(x, min(y0, y1), max(y0, y1)))

    def before(self, op: bytes, args: Any, cm: Any, tm: Any) -> None:
        if self.budget is not None:
            self.budget.operator()
        if op in (b"Do", b"INLINE IMAGE", b"BI"):
            self.images = True
        # pypdf ignores the text rise (Ts) that fpdf2 and Word use for superscripts, so it is tracked here
        if op == b"Ts":
            nums = _numbers(args, 1)
            self._rise = nums[0] if nums else 0.0
        elif op == b"q":
            self._rise_stack.append(self._rise)
        elif op == b"Q":
            self._rise = self._rise_stack.pop() if self._rise_stack else 0.0
        elif op in (b"Tj", b"TJ", b"'", b'"'):
            if self._pending_rise is None:
                self._pending_rise = self._rise
        elif op == b"re":
            nums = _numbers(args, 4)
            if nums:
                x, y, w, h = nums
                (ax, ay), (bx, by) = _apply(cm, x, y), _apply(cm, x + w, y + h)
                if self.page_size and abs(bx - ax) >= 0.9 * self.page_size[0] and abs(by - ay) >= 0.9 * self.page_size[1]:
                    return  # the page's background, not a border: it would enclose everything as one table
                self._rule(ay, ax, bx)
                if abs(by - ay) > 0.1:
                    self._rule(by, ax, bx)
                self._post(ax, ay, by)
                if abs(bx - ax) > 0.1:
                    self._post(bx, ay, by)
        elif op == b"m":
            nums = _numbers(args, 2)
            self._point = _apply(cm, nums[0], nums[1]) if nums else None
        elif op == b"l":
            nums = _numbers(args, 2)
            if nums:
                end = _apply(cm, nums[0], nums[1])
                if self._point is not None and abs(end[1] - self._point[1]) < 0.5:
                    self._rule(end[1], self._point[0], end[0])
                elif self._point is not None and abs(end[0] - self._point[0]) < 0.5:
                    self._post(end[0], self._point[1], end[1])
                self._point = end

    def text(self, text: Any, cm: Any, tm: Any, font_dict: Any, font_size: Any) -> None:
        rise = self._rise if self._pending_rise is None else self._pending_rise
        self._pending_rise = None
        if not isinstance(text, str) or not text.strip():
            return
        a, b, c, d, e, f = _matrix(tm, cm)
        if a <= 0 or d <= 0 or abs(b) > 1e-3 * abs(a) or abs(c) > 1e-3 * abs(d):
            return  # rotated or mirrored text: not part of an upright document body
        size = float(font_size) * d
        if size <= 0.5:
            return
        cleaned = _clean(text)
        if not cleaned:
            return
        raw = text.strip()
        width = self._font_widths(font_dict).measure(raw) / 1000 * float(font_size) * a
        bold, italic = _font_style(font_dict)
        self.runs.append(_Run(cleaned, e, e + width, f + rise * d, size, bold, italic,
                              text[:1].isspace(), text.rstrip("\n")[-1:].isspace()))


# -- lines ------------------------------------------------------------------------------------
@dataclass
class _Line:
    page: int
    y: float
    runs: list[_Run] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return min(r.x0 for r in self.runs)

    @property
    def x1(self) -> float:
        return max(r.x1 for r in self.runs)

    @property
    def body_runs(self) -> list[_Run]:
        return [r for r in self.runs if not r.sup] or self.runs

    @property
    def size(self) -> float:
        return _dominant_size(self.body_runs)

    @property
    def text(self) -> str:
        return _join_runs(self.runs)

    @property
    def bold(self) -> bool:
        return _all_styled(self.runs, "bold")


def _dominant_size(runs: Iterable[_Run]) -> float:
    weights: Counter[float] = Counter()
    for r in runs:
        weights[round(r.size, 1)] += len(r.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _all_styled(runs: Iterable[_Run], attr: str) -> bool:
    lettered = [r for r in runs if not r.sup and any(ch.isalnum() for ch in r.text)]
    return bool(lettered) and all(getattr(r, attr) for r in lettered)


def _spaced(a: _Run, b: _Run) -> bool:
    if a.space_after or b.space_before:
        return True
    return b.x0 - a.x1 > 0.15 * min(a.size, b.size) if not a.sup else b.x0 - a.x1 > 0.15 * b.size


def _join_runs(runs: Sequence[_Run]) -> str:
    out: list[str] = []
    prev: _Run | None = None
    for r in runs:
        if r.sup:
            out.append(f"<sup>{r.text}</sup>")  # a mark is glued to the word it annotates
        else:
            if prev is not None and _spaced(prev, r):
                out.append(" ")
            out.append(r.text)
        prev = r
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def _group_lines(runs: Iterable[_Run], page: int) -> list[_Line]:
    lines: list[_Line] = []
    for run in sorted(runs, key=lambda r: (-r.y, r.x0)):
        if lines and abs(lines[-1].y - run.y) <= BASELINE_TOLERANCE:
            lines[-1].runs.append(run)
        else:
            lines.append(_Line(page, run.y, [run]))
    for line in lines:
        line.runs = _dedupe(sorted(line.runs, key=lambda r: r.x0))
    return lines


def _dedupe(runs: list[_Run]) -> list[_Run]:
    # some producers fake bold by printing a run twice, a hair apart
    out: list[_Run] = []
    for r in runs:
        if out and out[-1].text == r.text and abs(out[-1].x0 - r.x0) < 1.0:
            continue
        out.append(r)
    return out


def _is_mark_candidate(run: _Run, body_size: float) -> bool:
    return bool(_DIGITS.fullmatch(run.text)) and run.size < 0.85 * body_size


def _host(mark: _Run, lines: Sequence[_Line]) -> _Line | None:
    """The line a raised small digit belongs to: just below it, and reaching to where it stands."""
    best: _Line | None = None
    for line in lines:
        size = line.size
        raise_ = mark.y - line.y
        if not (1.0 <= raise_ <= 0.8 * size) or mark.size >= 0.85 * size:
            continue
        if not (line.x0 - size <= mark.x0 <= line.x1 + size):
            continue
        if best is None or raise_ < mark.y - best.y:
            best = line
    return best


def _page_lines(runs: list[_Run], page: int, body_size: float) -> list[_Line]:
    """Lines of a page, footnote marks attached to the line they are raised above."""
    marks = [r for r in runs if _is_mark_candidate(r, body_size)]
    plain = [r for r in runs if not _is_mark_candidate(r, body_size)]
    provisional = _group_lines(plain, page)
    hosted: list[tuple[_Run, float]] = []
    for mark in marks:
        host = _host(mark, provisional)
        if host is None:
            plain.append(mark)
        else:
            hosted.append((mark, host.y))
    lines = _group_lines(plain, page)
    for mark, host_y in hosted:
        line = min(lines, key=lambda ln: abs(ln.y - host_y))
        line.runs = sorted([*line.runs, _as_mark(mark)], key=lambda r: r.x0)
    return lines


def _as_mark(run: _Run) -> _Run:
    return _Run(run.text, run.x0, run.x1, run.y, run.size, run.bold, run.italic, False, False, sup=True)


# -- chunks: pieces of a line separated by a visible gap (columns, cells) ---------------------------
@dataclass
class _Chunk:
    runs: list[_Run]

    @property
    def x0(self) -> float:
        return self.runs[0].x0

    @property
    def x1(self) -> float:
        return max(r.x1 for r in self.runs)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def text(self) -> str:
        return _join_runs(self.runs)


def _chunks(line: _Line) -> list[_Chunk]:
    out: list[_Chunk] = []
    for r in line.runs:
        if out and (r.sup or r.x0 - out[-1].x1 <= max(1.5, 0.2 * r.size)):
            out[-1].runs.append(r)
        else:
            out.append(_Chunk([r]))
    return out


def _side(chunk: _Chunk, page: _Page) -> str | None:
    """"left"/"right" for a piece of a two-column layout; None when it sits in the middle."""
    band = 0.08 * page.width
    slack = 0.06 * page.width
    if chunk.centre <= page.mid - band and chunk.x1 <= page.mid + slack:
        return "left"
    if chunk.centre >= page.mid + band and chunk.x0 >= page.mid - slack:
        return "right"
    return None


# -- furniture and footnotes --------------------------------------------------------------------
def _drop_page_numbers(lines: list[_Line]) -> list[_Line]:
    if not lines:
        return lines
    keep = list(lines)
    for edge in (0, -1):
        if keep and _PAGE_NUMBER.match(keep[edge].text) and len(_chunks(keep[edge])) == 1:
            keep.pop(edge)
    return keep


def _footnote_start(line: _Line) -> tuple[int, str] | None:
    first, rest = line.runs[0], line.runs[1:]
    if _DIGITS.fullmatch(first.text) and rest:
        # the number is its own run (superscript or not); the note's text follows it closely
        if first.sup or rest[0].x0 - first.x1 <= 1.5 * line.size:
            text = _join_runs(rest)
            return (int(first.text), text) if text else None
        return None
    m = _FOOTNOTE_INLINE.match(_join_runs(line.runs))
    return (int(m.group(1)), m.group(2)) if m else None


def _split_footnotes(lines: list[_Line], body_size: float, name: str,
                     expected: int = 1) -> tuple[list[_Line], list[RawFootnote]]:
    """Footnotes are the small-font lines at the foot of a page, from the first one that opens with a number.

    Small-font lines just above it are a note too when the numbering says one is missing right
    there (`expected`, the next note's number, is one less than the first found): its number
    did not come through (OCR lost or misread a small "1")."""
    zone = len(lines)
    while zone > 0 and 0 < lines[zone - 1].size < 0.9 * body_size:
        zone -= 1
    start = next((i for i in range(zone, len(lines)) if _footnote_start(lines[i])), None)
    if start is None:
        return lines, []
    notes: list[RawFootnote] = []
    cut = start
    first = _footnote_start(lines[start])
    if first is not None and start > zone and first[0] == expected + 1:
        unnumbered = lines[zone:start]
        notes.append(RawFootnote(expected, " ".join(ln.text for ln in unnumbered), Origin(name, page=unnumbered[0].page)))
        cut = zone
    for line in lines[start:]:
        opened = _footnote_start(line)
        # notes are numbered in sequence: a wrapped line that happens to start with a number continues
        if opened is not None and (not notes or opened[0] == notes[-1].number + 1):
            notes.append(RawFootnote(opened[0], opened[1], Origin(name, page=line.page)))
        else:
            notes[-1].text = f"{notes[-1].text} {line.text}".strip()
    return lines[:cut], notes


# -- two-column furniture: header and signature -------------------------------------------------------
@dataclass
class _Piece:
    """A line's part in one column of a two-column layout."""

    chunk: _Chunk
    line: _Line


def _layout_blocks(pieces: list[_Piece], side: str, name: str,
                   join: Callable[[list[_Piece], _Piece], bool]) -> list[Block]:
    """One block a line of the column; `join` says when a line continues the block before it."""
    groups: list[list[_Piece]] = []
    for p in pieces:
        if groups and join(groups[-1], p):
            groups[-1].append(p)
        else:
            groups.append([p])
    centres = sorted(p.chunk.centre for p in pieces)
    median = centres[len(centres) // 2] if centres else 0.0
    # a column whose lines all start at one x is left-aligned; otherwise its lines are centred in it
    aligned_left = bool(pieces) and max(p.chunk.x0 for p in pieces) - min(p.chunk.x0 for p in pieces) <= 2.0
    blocks = []
    for group in groups:
        runs = [r for p in group for r in p.chunk.runs]
        first = group[0].chunk
        centred = not aligned_left and abs(first.centre - median) <= max(6.0, 0.5 * first.runs[0].size)
        blocks.append(Block("text", " ".join(p.chunk.text for p in group), Origin(name, page=group[0].line.page),
                            bold=_all_styled(runs, "bold"), bold_lead=_bold_lead(runs),
                            italic=_all_styled(runs, "italic"), centered=centred, layout=side))
    return blocks


def _is_centred_on_page(chunk: _Chunk, page: _Page) -> bool:
    return chunk.x0 < page.mid < chunk.x1 and abs(chunk.centre - page.mid) <= max(6.0, 0.02 * page.width)


def _sides(line: _Line, page: _Page) -> list[tuple[str, _Chunk]] | None:
    """The line's chunks by column, or None when one of them does not keep to a column."""
    out = []
    chunks = _chunks(line)
    for chunk in chunks:
        side = None if _is_centred_on_page(chunk, page) else _side(chunk, page)
        if side is None:
            break
        out.append((side, chunk))
    else:
        return out
    # a narrow left column lets the right one's widest line ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    # start a little left of the middle: two pieces either side of the middle are still two columns
    if len(chunks) == 2 and chunks[0].x1 < chunks[1].x0 and chunks[0].centre < page.mid < chunks[1].centre \
            and _side(chunks[0], page) == "left" and chunks[1].centre >= page.mid + 0.08 * page.width:
        return [("left", chunks[0]), ("right", chunks[1])]
    return None


def _header(lines: list[_Line], page: _Page, name: str) -> tuple[list[Block], list[_Line]]:
    """The two-column header at the top of page 1, read left column first."""
    left: list[_Piece] = []
    right: list[_Piece] = []
    used = 0
    for line in lines:
        sides = _sides(line, page)
        if sides is None or line.text.startswith("Kính gửi"):
            break
        for side, chunk in sides:
            (left if side == "left" else right).append(_Piece(chunk, line))
        used += 1
    if not left or not right or not any(_HEADER_MARK.search(p.chunk.text) for p in left + right):
        return [], lines
    blocks = _layout_blocks(left, "left", name, _continues_subject) + _layout_blocks(right, "right", name, _never)
    return blocks, lines[used:]


def _never(_group: list[_Piece], _cur: _Piece) -> bool:
    return False


def _continues_subject(group: list[_Piece], cur: _Piece) -> bool:
    """The trích yếu ("V/v …") wraps over several lines of the left column: they make one block."""
    first, prev = group[0], group[-1]
    if not first.chunk.text.startswith("V/v") or cur.chunk.text.startswith(("V/v", "Số")):
        return False
    a, b = first.chunk.runs[0], cur.chunk.runs[0]
    close = prev.line.y - cur.line.y <= 1.6 * max(a.size, b.size)
    same_style = abs(a.size - b.size) < 0.6 and a.bold == b.bold
    return close and same_style


def _continues_item(group: list[_Piece], cur: _Piece) -> bool:
    # a recipient too long for the narrow column wraps; the wrapped part starts in lower case
    text = cur.chunk.text
    return bool(text) and text[0].islower() and group[-1].line.y - cur.line.y <= 1.6 * cur.chunk.runs[0].size


def _signature(lines: list[_Line], page: _Page, name: str) -> tuple[list[Block], int, int] | None:
    """The "Nơi nhận" / signer area of a page: (blocks, first line, end line) or None.

    Side by side (two columns sharing the same height) the columns are read one after the
    other as layout blocks; one after the other, every line is a block of its own."""
    start = next((i for i, ln in enumerate(lines) if _SIGNER.match(ln.text) and _sides(ln, page)), None)
    if start is None:
        return None
    # a signer's line just above "Nơi nhận" ("CHỦ TỊCH" set a little higher) belongs to the area
    while start > 0 and (sides := _sides(lines[start - 1], page)) and all(s == "right" for s, _ in sides) \
            and lines[start - 1].y - lines[start].y <= 2.0 * lines[start].size:
        start -= 1
    left: list[_Piece] = []
    right: list[_Piece] = []
    end = start
    while end < len(lines):
        sides = _sides(lines[end], page)
        if sides is None:
            break
        for side, chunk in sides:
            (left if side == "left" else right).append(_Piece(chunk, lines[end]))
        end += 1
    side_by_side = bool(left and right) and _overlap(_y_span(left), _y_span(right))
    if side_by_side:
        blocks = _layout_blocks(left, "left", name, _continues_item) + _layout_blocks(right, "right", name, _never)
    else:
        pieces = sorted(left + right, key=lambda p: -p.line.y)
        blocks = _layout_blocks(pieces, "", name, _continues_item)
        for b in blocks:
            b.centered = False
    return blocks, start, end


def _y_span(pieces: list[_Piece]) -> tuple[float, float]:
    ys = [p.line.y for p in pieces]
    return min(ys), max(ys)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + BASELINE_TOLERANCE and b[0] <= a[1] + BASELINE_TOLERANCE


# -- tables -------------------------------------------------------------------------------------------
def _merge_intervals(spans: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for x0, x1 in sorted(spans):
        if out and x0 < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], x1))
        else:
            out.append((x0, x1))
    return out


def _spans(chunks: Iterable[_Chunk]) -> list[tuple[float, float]]:
    # glyph widths are estimates: a cell's text may seem to touch the next cell's start
    return [(c.x0, max(c.x0 + 0.1, c.x1 - 2.0)) for c in chunks]


def _close(a: _Line, b: _Line) -> bool:
    return 0 < a.y - b.y <= 3.5 * max(a.size, b.size)


@dataclass
class _Region:
    start: int
    end: int  # exclusive
    columns: list[tuple[float, float]]
    tail: int  # merged-width lines right after `end`: table rows only if the table's border encloses them


def _fits(chunks: list[_Chunk], columns: list[tuple[float, float]]) -> bool:
    """Adding these chunks keeps every gutter between the columns open (a centred cell may
    widen its column, but no text may bridge two columns)."""
    return len(_merge_intervals([*columns, *_spans(chunks)])) >= len(columns)


def _spans_row(chunks: list[_Chunk], columns: list[tuple[float, float]]) -> bool:
    """One text across several columns: a row merged over the table's width."""
    if len(chunks) != 1:
        return False
    x0, x1 = _spans(chunks)[0]
    return sum(1 for c0, c1 in columns if x0 < c1 and c0 < x1) >= 2


def _grow_region(lines: list[_Line], chunks: list[list[_Chunk]], seed: int, floor: int) -> tuple[_Region | None, int]:
    """The table around a line of several chunks (the lines keeping to the same column gutters),
    and the end of the stretch searched, so that a failed search is not repeated from each of its lines."""
    columns = _merge_intervals(_spans(chunks[seed]))
    end = seed + 1
    pending_span = 0  # merged-width lines count only when more table follows them
    while end + pending_span < len(lines):
        k = end + pending_span
        if not _close(lines[k - 1], lines[k]):
            break
        if len(columns) >= 2 and _spans_row(chunks[k], columns):
            pending_span += 1
            continue
        if not _fits(chunks[k], columns):
            break
        columns = _merge_intervals([*columns, *_spans(chunks[k])])
        end = k + 1
        pending_span = 0
    # above the seed: wrapped or vertically centred cell text that keeps to the columns
    start = seed
    while start > floor and _close(lines[start - 1], lines[start]) and len(chunks[start - 1]) == 1 \
            and _fits(chunks[start - 1], columns):
        start -= 1
    multi = sum(1 for k in range(start, end) if len(chunks[k]) >= 2)
    if len(columns) < 3 or multi < 2:
        return None, end
    return _Region(start, end, columns, pending_span), end


@dataclass(frozen=True)
class _Level:
    """Strokes drawn at one height across a table, and the stretches of width they cover: a
    row border that skips a column leaves that column's cell spanning both rows."""

    y: float
    spans: list[tuple[float, float]]

    def crosses(self, x0: float, x1: float) -> bool:
        mid = (x0 + x1) / 2
        return any(a - 1.0 <= mid <= b + 1.0 for a, b in self.spans)


def _covering_rules(rules: list[_Rule], x0: float, x1: float) -> list[_Level]:
    """The strokes that run along at least half the table's width (not an underline), by height."""
    width = max(x1 - x0, 1.0)
    out: list[_Level] = []
    level: list[_Rule] = []  # strokes at one height, within a point
    for r in sorted((r for r in rules if min(r.x1, x1) > max(r.x0, x0)), key=lambda r: r.y):
        if level and r.y - level[0].y > 1.0:
            out.extend(_level_if_covering(level, x0, x1, width))
            level = []
        level.append(r)
    out.extend(_level_if_covering(level, x0, x1, width))
    return out


def _level_if_covering(level: list[_Rule], x0: float, x1: float, width: float) -> list[_Level]:
    spans = _merge_intervals((max(r.x0, x0), min(r.x1, x1)) for r in level)
    covered = sum(b - a for a, b in spans)
    return [_Level(level[0].y, spans)] if level and covered >= 0.5 * width else []


def _column_of(chunk: _Chunk, columns: list[tuple[float, float]]) -> int:
    idx = 0
    for i, (c0, _c1) in enumerate(columns):
        if chunk.x0 >= c0 - 3.0:
            idx = i
    return idx


def _rows_by_rules(lines: list[_Line], rules: list[_Level]) -> list[bool]:
    return [k == 0 or any(lines[k].y < r.y < lines[k - 1].y for r in rules) for k in range(len(lines))]


def _border_between(lines: list[_Line], rules: list[_Level], above: int, below: int) -> _Level | None:
    return next((r for r in rules if lines[below].y < r.y < lines[above].y), None)


def _carry_row_spans(out: list[list[Cell]], groups: list[list[int]], lines: list[_Line],
                     columns: list[tuple[float, float]], rules: list[_Level]) -> list[list[Cell]]:
    """A cell whose lower border is not drawn spans the next row too: its text (which the PDF
    centres, or wraps, across the rows it spans) goes to each of them, as the .docx reader does."""
    for col, (c0, c1) in enumerate(columns):
        run = [0]
        for g in range(1, len(groups) + 1):
            border = _border_between(lines, rules, groups[g - 1][-1], groups[g][0]) if g < len(groups) else None
            if g < len(groups) and border is not None and not border.crosses(c0, c1) \
                    and len(out[g]) == len(columns) and len(out[g - 1]) == len(columns):
                run.append(g)
                continue
            if len(run) > 1:
                text = " ".join(out[r][col].text for r in run if out[r][col].text)
                for r in run:
                    out[r][col] = Cell(text)
            run = [g]
    return out


def _rows_by_cells(lines: list[_Line], chunks: list[list[_Chunk]],
                   columns: list[tuple[float, float]]) -> list[bool] | None:
    """Row starts of a borderless table from each column's cells, or None when they cannot be told apart.

    A cell's wrapped lines are one line pitch apart; the gap to the next row's cell is
    wider (padding). A row ends where no column's cell runs on. This holds for vertically
    centred cells too, where the first column's number sits mid-row."""
    by_column = _lines_by_column(chunks, columns)
    gaps = [lines[a].y - lines[b].y for ks in by_column for a, b in zip(ks, ks[1:])]
    pitch = min(gaps, default=0.0)
    if pitch <= 0 or not any(g >= 1.3 * pitch for g in gaps):
        return None  # every gap alike: nothing wraps, or rows are packed as tight as lines

    def same_cell(a: int, b: int) -> bool:
        return lines[a].y - lines[b].y <= 1.2 * pitch

    blocked = [False] * len(lines)
    for ks in by_column:
        for a, b in zip(ks, ks[1:]):
            if same_cell(a, b):
                for k in range(a + 1, b + 1):
                    blocked[k] = True
    starts = [k == 0 or not blocked[k] for k in range(len(lines))]
    # two first-column cells in one row: the rows are packed too tightly for this reading
    first = by_column[0]
    for a, b in zip(first, first[1:]):
        if not same_cell(a, b) and not any(starts[a + 1:b + 1]):
            return None
    return starts


def _lines_by_column(chunks: list[list[_Chunk]], columns: list[tuple[float, float]]) -> list[list[int]]:
    by_column: list[list[int]] = [[] for _ in columns]
    for k, line_chunks in enumerate(chunks):
        for col in sorted({_column_of(c, columns) for c in line_chunks}):
            by_column[col].append(k)
    return by_column


def _rows_by_centres(lines: list[_Line], chunks: list[list[_Chunk]],
                     columns: list[tuple[float, float]]) -> list[bool] | None:
    """Row starts of a borderless table whose cells are centred vertically and packed without
    padding, or None when its cells are not centred.

    Each single-line first-column cell (the TT number) marks its row's centre; every other
    column's lines must then split into runs centred on those marks, top to bottom."""
    by_column = _lines_by_column(chunks, columns)
    anchors = by_column[0]
    if len(anchors) < 2:
        return None
    centres = [lines[k].y for k in anchors]
    row_of = [-1] * len(lines)
    for row, k in enumerate(anchors):
        row_of[k] = row
    for ks in by_column[1:]:
        i, next_row = 0, 0
        while i < len(ks):
            hit: int | None = None
            end = i
            while end < len(ks) and hit is None:
                centre = (lines[ks[i]].y + lines[ks[end]].y) / 2
                hit = next((r for r in range(next_row, len(centres)) if abs(centres[r] - centre) <= 1.5), None)
                end += 1
            if hit is None:
                return None
            for k in ks[i:end]:
                if row_of[k] not in (-1, hit):
                    return None
                row_of[k] = hit
            i, next_row = end, hit + 1
    if -1 in row_of or row_of != sorted(row_of):
        return None
    return [k == 0 or row_of[k] != row_of[k - 1] for k in range(len(lines))]


def _rows_by_first_column(lines: list[_Line], chunks: list[list[_Chunk]],
                          columns: list[tuple[float, float]]) -> list[bool]:
    # rows read as top-aligned: the first column (the TT number) opens each row
    gaps = [a.y - b.y for a, b in zip(lines, lines[1:])]
    min_gap = min(gaps, default=0.0)
    return [k == 0 or any(_column_of(c, columns) == 0 for c in chunks[k]) or lines[k - 1].y - lines[k].y > 1.5 * min_gap
            for k in range(len(lines))]


def _divided(columns: list[tuple[float, float]], posts: list[_Post], y0: float, y1: float) -> bool:
    """Some drawn cell border stands in a gutter between two columns over these heights."""
    gutters = [(a[1], b[0]) for a, b in zip(columns, columns[1:])]
    return any(g0 - 1.0 <= p.x <= g1 + 1.0 and p.y0 < y1 and y0 < p.y1 for g0, g1 in gutters for p in posts)


def _table_rows(lines: list[_Line], chunks: list[list[_Chunk]], columns: list[tuple[float, float]],
                rules: list[_Level], posts: list[_Post]) -> list[list[Cell]]:
    spans = [_spans_row(c, columns) for c in chunks]
    if rules:
        starts = _rows_by_rules(lines, rules)
    else:
        starts = (_rows_by_cells(lines, chunks, columns) or _rows_by_centres(lines, chunks, columns)
                  or _rows_by_first_column(lines, chunks, columns))
        # a merged-width row stands alone
        starts = [s or spans[k] or (k > 0 and spans[k - 1]) for k, s in enumerate(starts)]
    groups: list[list[int]] = []
    for k in range(len(lines)):
        if starts[k] or not groups:
            groups.append([])
        groups[-1].append(k)
    # a short centred title in a merged row sits inside one column: the missing cell borders tell
    bordered = any(_divided(columns, posts, lines[g[-1]].y, lines[g[0]].y + 1.0) for g in groups)
    out: list[list[Cell]] = []
    for group in groups:
        cells: list[list[str]] = [[] for _ in columns]
        for k in group:
            for c in chunks[k]:
                cells[_column_of(c, columns)].append(c.text)
        texts = [" ".join(parts) for parts in cells]
        filled = [t for t in texts if t]
        merged = any(spans[k] for k in group) or (
            bordered and len(filled) == 1 and not _divided(columns, posts, lines[group[-1]].y, lines[group[0]].y + 1.0))
        out.append([Cell(" ".join(filled), span=len(columns))] if merged else [Cell(t) for t in texts])
    return _carry_row_spans(out, groups, lines, columns, rules) if rules else out


@dataclass
class _Table:
    page: int
    rows: list[list[Cell]]


def _framed_extent(posts: list[_Post], x0: float, x1: float, y: float) -> tuple[float, float] | None:
    """The heights a framed table spans: those of the leftmost vertical border standing beside
    the line at `y`, followed up and down through the cells it borders."""
    beside = [p for p in posts if p.x <= x0 + 3.0 and p.x >= x0 - 60.0 and p.y0 - 1.0 <= y <= p.y1 + 1.0]
    if not beside:
        return None
    left = max(p.x for p in beside)
    spans = _merge_intervals((p.y0 - 1.0, p.y1 + 1.0) for p in posts if abs(p.x - left) < 1.5)
    return next(((a + 1.0, b - 1.0) for a, b in spans if a <= y <= b), None)


def _grid_columns(posts: list[_Post], bottom: float, top: float) -> list[tuple[float, float]]:
    """Columns between the vertical borders drawn inside a framed table, from its left border on."""
    inside = [p for p in posts if p.y0 < top - 1.0 and bottom + 1.0 < p.y1]
    xs: list[float] = []
    for x in sorted(p.x for p in inside):
        if not xs or x - xs[-1] > 2.0:
            xs.append(x)
    return list(zip(xs, xs[1:]))


def _tables(lines: list[_Line], rules: list[_Rule], posts: list[_Post]) -> list[_Line | _Table]:
    """The page's lines with table regions replaced by tables."""
    chunks = [_chunks(ln) for ln in lines]
    out: list[_Line | _Table] = []
    floor = 0  # lines before this index are already placed
    searched = 0  # lines before this index were part of a search that found no table
    i = 0
    while i < len(lines):
        region = None
        if len(chunks[i]) >= 2 and i >= searched:
            region, searched = _grow_region(lines, chunks, i, floor)
        if region is None:
            out.append(lines[i])
            i += 1
            continue
        start, end = region.start, region.end
        columns = region.columns
        x0, x1 = region.columns[0][0], max(c.x1 for k in range(start, end) for c in chunks[k])
        extent = _framed_extent(posts, x0, x1, lines[i].y)
        drawn = _covering_rules(rules, x0, x1)
        if extent is not None:
            # a framed table: its side borders say how far it reaches, its inner posts where its columns are
            drawn = [r for r in drawn if extent[0] - 1.0 <= r.y <= extent[1] + 1.0]
        if len(drawn) >= 2:
            # a ruled table: its text lies between its top and bottom borders
            bottom, top = drawn[0].y, drawn[-1].y
            if extent is not None:
                while start > floor and bottom < lines[start - 1].y < top:
                    start -= 1
            while start < i and not bottom < lines[start].y < top:
                start += 1
            while end > i + 1 and not bottom < lines[end - 1].y < top:
                end -= 1
            reach = len(lines) if extent is not None else region.end + region.tail
            if end == region.end or extent is not None:
                while end < reach and bottom < lines[end].y < top:
                    end += 1
            columns = _grid_columns(posts, bottom, top) if extent is not None else columns
            columns = columns if len(columns) >= 2 else region.columns
        else:
            drawn = []
        del out[len(out) - (i - start):]  # lines above the seed that belong to the table
        rows = _table_rows(lines[start:end], chunks[start:end], columns, drawn, posts if drawn else [])
        out.append(_Table(lines[start].page, rows))
        floor = i = end
    return out


# -- paragraphs ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Metrics:
    body_size: float
    left: float
    right: float
    pitch: float  # usual distance between the baselines of a paragraph's lines
    indent: float | None  # where first lines start, when the document indents them

    @classmethod
    def of(cls, lines: list[_Line], body_size: float, page_right: float) -> _Metrics:
        body = [ln for ln in lines if abs(ln.size - body_size) <= 1.0] or lines
        # the margin is where wrapped lines start: the leftmost x shared by several lines
        # (not the most common one: a document of short indented paragraphs has more first lines)
        lefts = Counter(round(ln.x0) for ln in body)
        shared = [x for x, n in lefts.items() if n >= 2] or list(lefts)
        left = float(min(shared)) if shared else 0.0
        left = min((ln.x0 for ln in body if abs(ln.x0 - left) <= 1.0), default=left)
        rights = sorted(ln.x1 for ln in body)
        right = rights[int(0.85 * (len(rights) - 1))] if len(rights) >= 3 else page_right - left
        pitches: Counter[float] = Counter()
        for a, b in zip(body, body[1:]):
            gap = a.y - b.y
            if a.page == b.page and 0 < gap <= 3 * body_size:
                pitches[round(gap * 2) / 2] += 1
        pitch = pitches.most_common(1)[0][0] if pitches else 1.2 * body_size
        indents = Counter(round(ln.x0) for ln in body if ln.x0 > left + 0.5 * body_size)
        common = indents.most_common(1)
        indent = float(common[0][0]) if common and common[0][1] >= 2 else None
        return cls(body_size, left, right, pitch, indent)


def _centred(line: _Line, m: _Metrics, page: _Page) -> bool:
    size = line.size or m.body_size
    if line.x0 - m.left <= 0.5 * size or m.right - line.x1 <= 0.5 * size:
        return False
    # a long first line starting at the document's paragraph indent is justified text, not a title
    if m.indent is not None and abs(line.x0 - m.indent) <= 1.0 and line.x1 - line.x0 > 0.5 * (m.right - m.left):
        return False
    centre = (line.x0 + line.x1) / 2
    tol = max(6.0, 0.02 * page.width)
    return abs(centre - page.mid) <= tol or abs(centre - (m.left + m.right) / 2) <= tol


def _letters_upper(text: str) -> bool | None:
    letters = [c for c in re.sub(r"<sup>\d+</sup>", "", text) if c.isalpha()]
    return all(c.isupper() for c in letters) if letters else None


@dataclass
class _Para:
    lines: list[_Line]
    seps: list[str]  # separator before each line after the first


class _Paragrapher:
    def __init__(self, metrics: _Metrics, pages: dict[int, _Page]) -> None:
        self.m = metrics
        self.pages = pages
        self._centred: dict[int, bool] = {}

    def centred(self, line: _Line) -> bool:
        key = id(line)
        if key not in self._centred:
            self._centred[key] = _centred(line, self.m, self.pages[line.page])
        return self._centred[key]

    def short(self, line: _Line) -> bool:
        return line.x1 < self.m.right - 4 * (line.size or self.m.body_size)

    def could_end(self, line: _Line) -> bool:
        return bool(_SENTENCE_END.search(line.text)) or self.short(line)

    def separator(self, para: _Para, line: _Line) -> str | None:
        """How `line` continues the paragraph (" " or a hard break "\\n"), or None when it opens a new one."""
        prev = para.lines[-1]
        text, prev_text = line.text, prev.text
        if line.page != prev.page:
            return " " if self.joins_across_pages(prev, line) else None
        if len(para.lines) == 1 and _CHAPTER.match(prev_text) and _letters_upper(text):
            return "\n"  # "Chương II" over its title: one heading, two lines
        if prev.y - line.y > 1.5 * max(self.m.pitch, 1.15 * line.size):
            return None
        if prev.bold != line.bold or self.centred(prev) != self.centred(line):
            return None
        if abs(prev.size - line.size) > 1.5:
            return None
        if _STRONG_LABEL.match(text):
            return None
        # a full line cut mid-sentence and carried on in lower case is one paragraph, whatever the indent
        if not self.could_end(prev) and text[:1].islower():
            return " "
        if _WEAK_LABEL.match(text) and self.could_end(prev):
            return None
        if self.short(prev) and _SENTENCE_END.search(prev_text):
            return None
        # lines wrap only when full: a short line followed by a capital is where a paragraph or
        # a heading ended ("Điều 2. Thanh niên" over "Thanh niên là công dân …")
        if self.short(prev) and text[:1].isupper() and not self.centred(line):
            return None
        if self.centred(line):
            up, prev_up = _letters_upper(text), _letters_upper(prev_text)
            return None if up is not None and prev_up is not None and up != prev_up else " "
        tol = 0.5 * (line.size or self.m.body_size)
        if line.x0 > self.m.left + tol and abs(line.x0 - prev.x0) > tol:
            return None
        return " "

    def joins_across_pages(self, prev: _Line, line: _Line) -> bool:
        text = line.text
        return (not _SENTENCE_END.search(prev.text) and text[:1].islower()
                and line.x0 <= self.m.left + 0.5 * (line.size or self.m.body_size)
                and prev.bold == line.bold and not self.centred(line))

    def block(self, para: _Para, name: str) -> Block:
        parts = [para.lines[0].text]
        for sep, line in zip(para.seps, para.lines[1:]):
            parts.append(sep + line.text)
        runs = [r for ln in para.lines for r in ln.runs]
        return Block("text", "".join(parts), Origin(name, page=para.lines[0].page),
                     bold=_all_styled(runs, "bold"), bold_lead=_bold_lead(runs),
                     italic=_all_styled(runs, "italic"), centered=all(self.centred(ln) for ln in para.lines))


def _bold_lead(runs: Sequence[_Run]) -> str:
    """The bold opening ("Điều 1.") of a paragraph that is not bold throughout."""
    visible = [r for r in runs if not r.sup]
    if not visible or all(r.bold for r in visible) or not visible[0].bold:
        return ""
    lead: list[_Run] = []
    for r in visible:
        if not r.bold:
            break
        lead.append(r)
    return _join_runs(lead)


# -- the file -------------------------------------------------------------------------------------------
def _library_errors() -> tuple[type[BaseException], ...]:
    try:
        from pypdf.errors import DependencyError, PyPdfError
    except ImportError:  # pragma: no cover
        return _LIBRARY_ERRORS
    # DependencyError (not a PyPdfError): an AES-encrypted file without the cryptography package
    return (PyPdfError, DependencyError, *_LIBRARY_ERRORS)


def _dependency_error() -> tuple[type[BaseException], ...]:
    try:
        from pypdf.errors import DependencyError
    except ImportError:  # pragma: no cover
        return ()
    return (DependencyError,)


def _aes_error(name: str, exc: BaseException) -> ParseError:
    return ParseError(f"{name}: tệp PDF được mã hóa AES, máy chủ chưa có thư viện giải mã (cryptography) — "
                      f"cần bản không mã hóa ({exc})")


def _open(path: Path) -> Any:
    from pypdf import PdfReader

    name = path.name
    reader = PdfReader(str(path))
    if reader.is_encrypted:
        # an owner password alone (printing/copying restrictions) still opens with the empty password
        try:
            opened = reader.decrypt("")
        except _dependency_error() as exc:
            raise _aes_error(name, exc) from exc
        except _library_errors() as exc:
            raise ParseError(f"{name}: tệp PDF được bảo vệ bằng mật khẩu, không mở được "
                             f"({exc.__class__.__name__}: {exc})") from exc
        if not opened:
            raise ParseError(f"{name}: tệp PDF được bảo vệ bằng mật khẩu — cần bản không đặt mật khẩu")
    count = len(reader.pages)
    if count > MAX_PAGES:
        raise ParseError(f"{name}: tệp PDF có {count} trang, vượt giới hạn {MAX_PAGES} trang")
    return reader


@dataclass
class _Extracted:
    page: _Page
    runs: list[_Run]
    rules: list[_Rule]
    posts: list[_Post]
    images: bool = False
    tables: list[tuple[float, _Table]] = field(default_factory=list)  # found whole (OCR): their top, y up

    @property
    def letters(self) -> int:
        return sum(1 for r in self.runs for ch in r.text if ch.isalnum())


class _Budget:
    """What reading one file may still cost: content bytes, operators, time (MAX_CONTENT_BYTES, …)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.content = 0
        self.operators = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def page(self, page: Any) -> None:
        """Count a page's decoded content streams before pypdf parses them."""
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        streams = list(contents) if isinstance(contents, list) else [contents]
        for ref in streams:
            stream = ref.get_object() if ref is not None else None
            if stream is not None and hasattr(stream, "get_data"):
                self.content += len(stream.get_data())
                if self.content > MAX_CONTENT_BYTES:
                    raise ParseError(f"{self.name}: nội dung các trang PDF vượt {MAX_CONTENT_BYTES // 1024 // 1024} MB "
                                     "— tệp hỏng hoặc quá phức tạp để đọc")
        self.check_time()

    def operator(self) -> None:
        self.operators += 1
        if self.operators > MAX_OPERATORS:
            raise ParseError(f"{self.name}: tệp PDF có hơn {MAX_OPERATORS:,} lệnh vẽ — tệp hỏng hoặc quá phức tạp "
                             "để đọc".replace(",", "."))
        self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise ParseError(f"{self.name}: đọc tệp PDF quá {MAX_SECONDS:.0f} giây — tệp hỏng hoặc quá phức tạp")


def _extract(reader: Any, name: str = "") -> list[_Extracted]:
    widths: dict[int, tuple[Any, _Widths]] = {}
    pages = []
    budget = _Budget(name)
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        budget.page(page)
        collector = _PageCollector(widths, budget, (float(box.width), float(box.height)))
        page.extract_text(orientations=(0,), visitor_operand_before=collector.before, visitor_text=collector.text)
        pages.append(_Extracted(_Page(number, float(box.left), float(box.right)), collector.runs, collector.rules,
                                collector.posts, collector.images))
    return pages


def _body_size(runs: Iterable[_Run]) -> float:
    return _dominant_size(runs) or 12.0


def _build(name: str, extracted: list[_Extracted]) -> RawDocument:
    body_size = _body_size(r for e in extracted for r in e.runs)
    pages = {e.page.number: e.page for e in extracted}
    footnotes: list[RawFootnote] = []
    header: list[Block] = []
    items: list[_Line | _Table | Block] = []
    body_lines: list[_Line] = []
    for e in extracted:
        page = e.page
        lines = _drop_page_numbers(_page_lines(e.runs, page.number, body_size))
        lines, notes = _split_footnotes(lines, body_size, name, footnotes[-1].number + 1 if footnotes else 1)
        footnotes.extend(notes)
        if page.number == 1:
            header, lines = _header(lines, page, name)
        page_items = _with_signature(_placed(_tables(lines, e.rules, e.posts), e.tables), page, name)
        items.extend(page_items)
        body_lines.extend(e for e in page_items if isinstance(e, _Line))
    page_right = max((p.right for p in pages.values()), default=595.0)
    paragrapher = _Paragrapher(_Metrics.of(body_lines, body_size, page_right), pages)
    blocks = list(header)
    table_no = 0
    para: _Para | None = None
    for item in items:
        if isinstance(item, _Line):
            sep = paragrapher.separator(para, item) if para is not None else None
            if para is not None and sep is not None:
                para.lines.append(item)
                para.seps.append(sep)
                continue
            if para is not None:
                blocks.append(paragrapher.block(para, name))
            para = _Para([item], [])
            continue
        if para is not None:
            blocks.append(paragrapher.block(para, name))
            para = None
        if isinstance(item, _Table):
            table_no = _add_table(blocks, item, name, table_no)
        else:
            blocks.append(item)
    if para is not None:
        blocks.append(paragrapher.block(para, name))
    return RawDocument(name, blocks, footnotes, None, _lines_of(blocks))


def _placed(elements: list[_Line | _Table], tables: list[tuple[float, _Table]]) -> list[_Line | _Table]:
    """Tables found whole (OCR'd cell by cell) put among the page's lines where they stand:
    before the first line below their top."""
    out = list(elements)
    for top, table in sorted(tables, key=lambda t: -t[0]):
        at = next((k for k, e in enumerate(out) if isinstance(e, _Line) and e.y < top), len(out))
        # after the tables already placed there, which stand higher
        while at < len(out) and isinstance(out[at], _Table) and any(out[at] is t for _, t in tables):
            at += 1
        out.insert(at, table)
    return out


def _with_signature(elements: list[_Line | _Table], page: _Page, name: str) -> list[_Line | _Table | Block]:
    """The page's elements with its signature area, if any, replaced by its layout blocks."""
    lines = [e for e in elements if isinstance(e, _Line)]
    found = _signature(lines, page, name)
    if found is None:
        return list(elements)
    blocks, start, end = found
    first, taken = lines[start], {id(ln) for ln in lines[start:end]}
    out: list[_Line | _Table | Block] = []
    for e in elements:
        if e is first:
            out.extend(blocks)
        if not (isinstance(e, _Line) and id(e) in taken):
            out.append(e)
    return out


def _add_table(blocks: list[Block], table: _Table, name: str, table_no: int) -> int:
    """Append a table; a table carried over a page break continues the one before it."""
    prev = blocks[-1] if blocks else None
    width = len(table.rows[0]) if table.rows else 0
    if (prev is not None and prev.kind == "table" and prev.rows and prev.origin.page is not None
            and prev.origin.page < table.page and len(prev.rows[0]) == width):
        rows = table.rows
        if rows and [c.text for c in rows[0]] == [c.text for c in prev.rows[0]]:
            rows = rows[1:]  # the header row repeated on the new page
        prev.rows.extend(rows)
        return table_no
    blocks.append(Block("table", origin=Origin(name, page=table.page, table=table_no), rows=table.rows))
    return table_no + 1


def _lines_of(blocks: list[Block]) -> list[str]:
    lines: list[str] = []
    for b in blocks:
        if b.kind == "table":
            lines.extend(" | ".join(c.text for c in row) for row in b.rows)
        else:
            lines.extend(x for x in b.text.split("\n") if x.strip())
    return lines


def read_pdf(path: Path, progress: OcrProgress | None = None) -> RawDocument:
    """Read a PDF into blocks: its text layer, and OCR for the pages without one (`progress(done,
    total)` as they are read); every failure is a ParseError naming the file."""
    name = path.name
    try:
        reader = _open(path)
        extracted = _extract(reader, name)
        scanned = _scanned(reader, extracted)
    except ParseError:
        raise
    except _dependency_error() as exc:  # AES streams are decrypted as they are read
        raise _aes_error(name, exc) from exc
    except _library_errors() as exc:
        raise ParseError(f"{name}: không đọc được tệp PDF ({exc.__class__.__name__}: {str(exc)[:200]})") from exc
    unsure: list[str] = []
    if scanned:
        from retrieval.documents.readers.ocr import ocr_pages

        result = ocr_pages(path, scanned, progress, name)
        for page in result.pages:
            extracted[page.number - 1] = _from_ocr(page)
        unsure = result.unsure[:MAX_UNSURE_WORDS]
        if not any(e.runs or e.tables for e in extracted):
            raise ParseError(f"{name}: không đọc được chữ trong tệp — đã nhận dạng chữ (OCR) {len(scanned)} trang quét "
                             "nhưng không thấy chữ nào (trang trắng, ảnh quá mờ hoặc không phải văn bản)")
    try:
        raw = _build(name, extracted)
    except _library_errors() as exc:  # a geometry the heuristics did not foresee must not escape either
        raise ParseError(f"{name}: không đọc được tệp PDF ({exc.__class__.__name__}: {str(exc)[:200]})") from exc
    raw.ocr_pages = sorted(scanned)
    raw.unsure_words = unsure
    return raw


def _scanned(reader: Any, extracted: list[_Extracted]) -> dict[int, tuple[float, float]]:
    """The pages to OCR, with their size as shown (points): those with (almost) no text layer
    that draw an image, and those with no text at all when no page of the file has any (text
    drawn as outlines, an image the parser could not see). A text page is never OCR'd; a
    blank page of a text document is left blank."""
    any_text = any(e.letters for e in extracted)
    out: dict[int, tuple[float, float]] = {}
    for e in extracted:
        if not ((e.letters < MIN_TEXT_CHARS and e.images) or (not any_text and not e.letters)):
            continue
        page = reader.pages[e.page.number - 1]
        box = page.mediabox
        width, height = abs(float(box.width)), abs(float(box.height))
        try:
            turned = int(page.rotation) % 180 == 90
        except (TypeError, ValueError):
            turned = False
        out[e.page.number] = (height, width) if turned else (width, height)
    return out


def _from_ocr(page: OcrPage) -> _Extracted:
    """An OCR'd page as the text layer's runs: a run a stretch of a line's piece in one style
    (a bold "Điều 1." before regular text), touching the next so that the piece stays one chunk."""
    runs: list[_Run] = []
    for line in page.lines:
        stretches: list[list[Any]] = []
        for w in line.words:
            if w.rise:  # a footnote mark: raised and small, where the line-grouping finds it one
                runs.append(_Run(w.text, w.x0, w.x1, line.baseline + w.rise, w.size, False, False, False, False))
                continue
            if stretches and stretches[-1][-1].bold == w.bold:
                stretches[-1].append(w)
            else:
                stretches.append([w])
        for k, words in enumerate(stretches):
            text = _clean(" ".join(w.text for w in words))
            if not text:
                continue
            x1 = stretches[k + 1][0].x0 - 0.1 if k + 1 < len(stretches) else words[-1].x1
            runs.append(_Run(text, words[0].x0, max(x1, words[0].x0 + 0.1), line.baseline, line.size, words[0].bold,
                             False, k > 0, False))
    tables = [(t.top, _Table(page.number, rows)) for t in page.tables if (rows := _ocr_rows(t))]
    return _Extracted(_Page(page.number, 0.0, page.width), runs, [], [], True, tables)


def _ocr_rows(table: OcrTable) -> list[list[Cell]]:
    """The grid's rows; a cell spanning rows carries its text down, as the .docx reader does."""
    if not any(c.text for c in table.cells):
        return []
    rows: list[list[Cell]] = []
    for r in range(table.rows):
        here = sorted((c for c in table.cells if c.row <= r < c.row + c.rowspan), key=lambda c: c.col)
        rows.append([Cell(_clean(c.text), c.colspan) for c in here])
    return [row for row in rows if row]
