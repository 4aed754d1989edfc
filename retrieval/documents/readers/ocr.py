"""Scanned pages read by OCR: the page images of a PDF turned into positioned words.

Tesseract (`-l vie --oem 1 --psm 3`, its hOCR output) is run as a program, one process per
call, isolated and bounded in time; pages are rendered by poppler's `pdftoppm` at 300 dpi.
The image work between them is numpy: contrast, orientation, skew, ruled tables. This
module answers "what is written where on these pages"; `pdf.py` turns that into blocks
exactly as it does a text layer (lines, the two-column header and signature, paragraphs),
so a scan reads into the same `RawDocument` as its original.

Per page (measured on 10 pages of the public PDFs against their text layer: plain Tesseract
read 14–16 % of the characters wrong and 58 % of the table pages; this, 0.9 % of the running
text and 92 % of the table cells exactly, `bench --ocr`):
- contrast normalised (grey paper, faint ink: Tesseract's threshold lost whole pages);
- blank pages skipped without running Tesseract;
- which way up: sideways from the ink's profile (lines alternate along the height), which
  of the two turns from Tesseract's OSD (`--psm 0`, whose confidence on Vietnamese is too low
  to trust alone: 0.01–2.6), and a page read at under 50 % confidence tried upside down;
- skew up to 3° measured on a reduced copy and straightened (two shears);
- ruled tables found from their drawn lines and read cell by cell (`--psm 6`, with a white
  margin): read as running text a table came out 58 % wrong (cells read across);
- a piece of a line read at under 50 % confidence read again alone (`--psm 6`): Tesseract
  makes one line of two small lines beside a bigger one (a signer's name) and reads nonsense;
- words under confidence 60 are reported: 57 % of them were wrong, 0.8 % of the others;
- font size from the letters' rise over the baseline, bold from the strokes' width, footnote
  numbers (raised and small, or a lone "1" misread), as the text layer's reader uses them.
One Tesseract thread per process (OpenMP's threads made a page ~4x slower on 2 cores) and
at most WORKERS pages at once in the whole process, whatever the number of files read.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import numpy as np

from retrieval.documents.readers.blocks import MissingTool, ParseError

INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd poppler-utils"
LANG = "vie"
DPI = 300
MAX_PIXELS = 40_000_000  # a page image at most (A3 at 300 dpi: 17 MP): an odd page size renders smaller
MAX_OCR_PAGES = 60  # scanned pages one file may have
PAGE_SECONDS = 120.0  # what one page may take, rendering and every Tesseract call on it
# measured here (README, `bench --ocr`): 3.3 s of one core a page on average (4-6 with a ruled
# table), two pages at once; rounded up for the estimate a user is told
SECONDS_PER_PAGE = 3.5
WORKERS = max(1, min(2, os.cpu_count() or 1))
UNSURE_BELOW = 60.0  # Tesseract's word confidence (0-100)
MIN_ORIENTATION_CONFIDENCE = 0.3  # OSD's, to turn a page upside down
FLIP_BELOW = 50.0  # mean word confidence under which the page turned 180° is read too
BOLD_RATIO = 1.3  # stroke width over the document's usual one (bold: 1.5-1.7)
# a line's font size from how far its letters rise above the baseline: the median word's top
# (capitals, ascenders and Vietnamese marks) stands at 0.70 of the size (measured against the
# text layer of the same pages: 0.69-0.71 for 10, 12 and 14 pt)
RISE = 0.70
CELL_MARGIN = 20  # white pixels around a table cell's image
SECOND_LOOK_BELOW = 50.0  # a line's piece read with a mean confidence under this is read again alone

Progress = Callable[[int, int], None]  # (pages done, pages to read)

# every OCR'd page of the process takes one of these: uploads read at once share the cores
_PAGES_AT_ONCE = threading.BoundedSemaphore(WORKERS)
_READY: dict[str, str] = {}  # tool -> its path, once found working (a missing one is looked for again)


@dataclass
class OcrWord:
    text: str  # NFC
    x0: float  # points from the left of the upright page
    x1: float
    confidence: float
    stroke: float  # stroke width over the line's font size, compared across the document for bold
    bold: bool = False
    rise: float = 0.0  # a footnote mark's height above the line's baseline, points (0: on the line)
    size: float = 0.0  # a footnote mark's own size, points


@dataclass
class OcrLine:
    """A line's piece between wide gaps (a column of a two-column header, or the whole line),
    in points with y upwards, as a PDF places text."""

    words: list[OcrWord]
    baseline: float
    size: float  # its font size as measured (RISE), points

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class OcrCell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    words: list[OcrWord] = field(default_factory=list)


@dataclass
class OcrTable:
    top: float  # points, y upwards
    bottom: float
    rows: int
    cols: int
    cells: list[OcrCell]


@dataclass
class OcrPage:
    number: int  # 1-based page of the PDF
    width: float  # of the upright page, points
    height: float
    lines: list[OcrLine] = field(default_factory=list)
    tables: list[OcrTable] = field(default_factory=list)
    rotation: int = 0  # degrees the page was turned clockwise to stand upright
    skew: float = 0.0  # degrees straightened
    confidence: float | None = None  # mean word confidence
    seconds: float = 0.0

    @property
    def words(self) -> list[OcrWord]:
        """Every word, running text first, then the tables' cells."""
        return [w for ln in self.lines for w in ln.words] + [w for t in self.tables for c in t.cells for w in c.words]


def estimate_seconds(pages: int) -> float:
    return pages * SECONDS_PER_PAGE / WORKERS


def duration_text(seconds: float) -> str:
    """"20 giây", "3 phút": an estimate as a person says it."""
    if seconds < 90:
        return f"{max(5, round(seconds / 5) * 5):.0f} giây"
    return f"{round(seconds / 60):.0f} phút"


# -- the programs ------------------------------------------------------------------------------------
def check_tools(name: str = "") -> None:
    """Tesseract with its Vietnamese data and pdftoppm, or a MissingTool saying what to install."""
    prefix = f"{name}: " if name else ""
    what = f"{prefix}tệp PDF là bản quét (không có lớp chữ), cần nhận dạng chữ (OCR) nhưng máy chủ"
    if _tool("pdftoppm") is None:
        raise MissingTool(f"{what} chưa cài poppler-utils (pdftoppm) — cài bằng: {INSTALL}", "tesseract")
    exe = _tool("tesseract")
    if exe is None:
        raise MissingTool(f"{what} chưa cài Tesseract — cài bằng: {INSTALL}", "tesseract")
    if LANG not in languages():
        raise MissingTool(f"{what} chưa có dữ liệu tiếng Việt của Tesseract ({LANG}) — cài bằng: {INSTALL}",
                          "tesseract")


def ready() -> bool:
    """Whether scanned PDFs can be read on this machine now."""
    try:
        check_tools()
    except MissingTool:
        return False
    return True


def _tool(program: str) -> str | None:
    found = _READY.get(program) or shutil.which(program)
    if found and not os.access(found, os.X_OK):
        _READY.pop(program, None)
        found = shutil.which(program)
    return found


def languages() -> set[str]:
    """The language data the installed Tesseract has (empty when it cannot run)."""
    exe = _tool("tesseract")
    if exe is None:
        return set()
    try:
        res = subprocess.run([exe, "--list-langs"], capture_output=True, timeout=30, env=_env(), check=False)
    except (OSError, subprocess.SubprocessError):
        return set()
    # the list goes to stdout (5.x) or stderr (older); its first line is a heading
    listing = (res.stdout + res.stderr).decode("utf-8", "replace").splitlines()[1:]
    langs = {x.strip() for x in listing if x.strip() and " " not in x.strip()}
    if LANG in langs:
        _READY["tesseract"] = exe
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm:
            _READY["pdftoppm"] = pdftoppm
    return langs


def _env() -> dict[str, str]:
    # one thread per Tesseract process: the cores are shared by reading pages side by side
    return dict(os.environ, OMP_THREAD_LIMIT="1")


class _Deadline:
    def __init__(self, name: str, page: int, seconds: float) -> None:
        self.name, self.page, self.seconds = name, page, seconds
        self.at = time.monotonic() + seconds

    def left(self) -> float:
        left = self.at - time.monotonic()
        if left <= 0:
            raise self.error()
        return left

    def error(self) -> ParseError:
        return ParseError(f"{self.name}: trang {self.page}: nhận dạng chữ (OCR) quá {self.seconds:.0f} giây — "
                          "ảnh quét quá phức tạp hoặc hỏng")


def _run(args: list[str], data: bytes | None, deadline: _Deadline) -> bytes:
    try:
        res = subprocess.run(args, input=data, capture_output=True, timeout=deadline.left(), env=_env(), check=False)
    except subprocess.TimeoutExpired as exc:
        raise deadline.error() from exc
    except OSError as exc:
        raise ParseError(f"{deadline.name}: trang {deadline.page}: không chạy được {Path(args[0]).name} ({exc})") from exc
    if res.returncode != 0:
        raise _Failed(res.stderr.decode("utf-8", "replace").strip()[-300:])
    return res.stdout


class _Failed(RuntimeError):
    """A program ended with an error (its stderr)."""


# -- images (8-bit grey numpy arrays, 0 black) -----------------------------------------------------
_PGM_FIELD = re.compile(rb"\s*(#[^\n]*\n\s*)*(\S+)")  # white space, comments, then a header field


def read_pgm(data: bytes) -> np.ndarray:
    """pdftoppm's -gray output: a binary PGM (P5, maxval 255)."""
    fields: list[bytes] = []
    at = 0
    while len(fields) < 4:
        m = _PGM_FIELD.match(data, at)
        if m is None:
            raise ValueError("not a PGM image")
        fields.append(m.group(2))
        at = m.end()
    if fields[0] != b"P5" or fields[3] != b"255":
        raise ValueError("not an 8-bit PGM image")
    w, h = int(fields[1]), int(fields[2])
    at += 1  # the single white space after maxval
    pixels = np.frombuffer(data, dtype=np.uint8, count=w * h, offset=at)
    return pixels.reshape(h, w)


def _pgm(img: np.ndarray) -> bytes:
    h, w = img.shape
    return f"P5\n{w} {h}\n255\n".encode() + np.ascontiguousarray(img, dtype=np.uint8).tobytes()


def _normalise(img: np.ndarray) -> np.ndarray | None:
    """Paper to white and ink to black (the 1 % at each end clipped), or None for a page with
    nothing on it. A grey page would otherwise differ from the white that turning it and
    blanking its tables paint, and Tesseract's threshold then loses the text."""
    hist = np.bincount(img.ravel(), minlength=256)
    cdf = np.cumsum(hist)
    n = int(cdf[-1])
    lo = int(np.searchsorted(cdf, n * 0.01))
    hi = int(np.searchsorted(cdf, n * 0.99))
    if hi - lo < 48:
        return None
    lut = np.clip((np.arange(256) - lo) * 255.0 / (hi - lo), 0, 255).astype(np.uint8)
    out = lut[img]
    if int(np.count_nonzero(out < 128)) < 200:
        return None
    return out


def _reduce(dark: np.ndarray, k: int) -> np.ndarray:
    h, w = dark.shape[0] // k * k, dark.shape[1] // k * k
    return dark[:h, :w].reshape(h // k, k, w // k, k).mean(axis=(1, 3))


def sideways(img: np.ndarray) -> bool:
    """Whether the page's lines of text run up or down it: its ink's profile alternates more
    across the page than along it (upright pages here: 0.43 against 0.22 and 0.74 against 0.34;
    turned: 0.23 against 0.40)."""
    dark = _reduce(img < 128, 4)

    def alternation(profile: np.ndarray) -> float:
        return float(np.abs(np.diff(profile)).mean() / max(float(profile.mean()), 1e-9))

    return alternation(dark.sum(axis=0)) > 1.15 * alternation(dark.sum(axis=1))


def skew_angle(img: np.ndarray, limit: float = 3.0) -> float:
    """The slope of the text rows in degrees (positive: falling to the right), the one whose
    row profile of ink is the most peaked, measured on a quarter-size copy in column strips."""
    small = _reduce(img < 160, 4)
    strip = 16
    w = small.shape[1] // strip * strip
    if w < strip * 4:
        return 0.0
    profiles = small[:, :w].reshape(small.shape[0], w // strip, strip).sum(axis=2).T  # (strips, rows)
    centres = (np.arange(profiles.shape[0]) + 0.5) * strip - w / 2
    pad = int(np.ceil(abs(w / 2) * np.tan(np.radians(limit)))) + 2

    def score(angle: float) -> float:
        shifts = np.rint(-centres * np.tan(np.radians(angle))).astype(int)
        total = np.zeros(profiles.shape[1] + 2 * pad)
        for s, prof in zip(shifts, profiles):
            total[pad + s:pad + s + prof.size] += prof
        return float(np.var(total))

    best = max(np.arange(-limit, limit + 1e-6, 0.25), key=score)
    best = max(np.arange(best - 0.25, best + 0.25 + 1e-6, 0.05), key=score)
    return round(float(best), 2)


def _shift_columns(img: np.ndarray, shifts: np.ndarray) -> np.ndarray:
    """Each column moved down by its shift (up when negative), white filling in."""
    out = np.full_like(img, 255)
    h = img.shape[0]
    edges = [0, *(np.flatnonzero(np.diff(shifts)) + 1).tolist(), img.shape[1]]
    for a, b in pairwise(edges):
        s = int(shifts[a])
        if abs(s) >= h:
            continue
        if s >= 0:
            out[s:, a:b] = img[:h - s, a:b]
        else:
            out[:h + s, a:b] = img[-s:, a:b]
    return out


def straighten(img: np.ndarray, angle: float) -> np.ndarray:
    """Turn the page by -angle degrees as two shears (rows, then columns): nearest pixels, no
    library; exact enough for the 3° a scanner's feeder leaves."""
    t = np.tan(np.radians(angle))
    h, w = img.shape
    out = _shift_columns(img, np.rint(-(np.arange(w) - w / 2) * t).astype(int))
    return _shift_columns(out.T, np.rint((np.arange(h) - h / 2) * t).astype(int)).T.copy()


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    d = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist()))


def _longest_run(a: np.ndarray) -> np.ndarray:
    """For each row of a boolean array, its longest run of True."""
    out = np.zeros(a.shape[0], dtype=np.int32)
    cur = np.zeros(a.shape[0], dtype=np.int32)
    for j in range(a.shape[1]):
        cur = np.where(a[:, j], cur + 1, 0)
        np.maximum(out, cur, out=out)
    return out


@dataclass
class _Grid:
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 (pixels)
    rows: int
    cols: int
    cells: list[tuple[int, int, int, int, tuple[int, int, int, int]]]  # row, col, rowspan, colspan, box


def find_tables(img: np.ndarray) -> list[_Grid]:
    """Ruled tables: horizontal rules (a quarter of the page wide) crossed by vertical ones.
    A rule missing between two cells makes one spanning cell."""
    dark = img < 128
    h, w = dark.shape
    rules = [((a + b) // 2, a, b) for a, b in _runs(_longest_run(dark) > w * 0.25)]
    grids: list[_Grid] = []
    i = 0
    while i < len(rules) - 1:
        # rules closer than a quarter page to the next belong to one candidate
        j = i
        while j + 1 < len(rules) and rules[j + 1][1] - rules[j][2] < h * 0.25:
            j += 1
        group, i = rules[i:j + 1], j + 1
        if len(group) < 2:
            continue
        top, bottom = group[0][1], group[-1][2]
        posts = [((a + b) // 2, a, b) for a, b in _runs(_longest_run(dark[top:bottom].T) > (bottom - top) * 0.10)]
        if len(posts) < 2:
            continue
        x0, x1 = posts[0][0], posts[-1][0]
        level = [r for r in group if dark[r[1]:r[2] + 1, x0 + 3:x1 - 3].any(axis=0).mean() > 0.6]
        if len(level) < 2:
            continue
        grids.append(_grid(level, posts, dark))
    return grids


def _grid(level: list[tuple[int, int, int]], posts: list[tuple[int, int, int]], dark: np.ndarray) -> _Grid:
    ys = [y for y, _, _ in level]
    xs = [x for x, _, _ in posts]
    nr, nc = len(ys) - 1, len(xs) - 1

    def h_drawn(y: int, a: int, b: int) -> bool:
        band = dark[max(0, y - 3):y + 4, a + 5:b - 5]
        return band.size > 0 and float(band.any(axis=0).mean()) > 0.8

    def v_drawn(x: int, a: int, b: int) -> bool:
        band = dark[a + 5:b - 5, max(0, x - 3):x + 4]
        return band.size > 0 and float(band.any(axis=1).mean()) > 0.8

    owned = [[False] * nc for _ in range(nr)]
    cells = []
    for r in range(nr):
        for c in range(nc):
            if owned[r][c]:
                continue
            c2 = c
            while c2 + 1 < nc and not owned[r][c2 + 1] and not v_drawn(xs[c2 + 1], ys[r], ys[r + 1]):
                c2 += 1
            r2 = r
            while r2 + 1 < nr and not h_drawn(ys[r2 + 1], xs[c], xs[c2 + 1]):
                r2 += 1
            for rr in range(r, r2 + 1):
                for cc in range(c, c2 + 1):
                    owned[rr][cc] = True
            cells.append((r, c, r2 - r + 1, c2 - c + 1, (xs[c], ys[r], xs[c2 + 1], ys[r2 + 1])))
    return _Grid((xs[0], ys[0], xs[-1], ys[-1]), nr, nc, cells)


def _stem(dark: np.ndarray) -> float:
    """The median length of the ink's horizontal runs in a word's box, pixels: the width of its
    vertical strokes, which bold widens by half or more (5 px against 8 at 14 pt, 300 dpi)."""
    if not dark.any():
        return 0.0
    padded = np.zeros((dark.shape[0], dark.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = dark
    step = np.diff(padded, axis=1)
    starts, ends = np.nonzero(step == 1)[1], np.nonzero(step == -1)[1]  # row by row, in order: pairs
    return float(np.median(ends - starts))


# -- Tesseract's hOCR --------------------------------------------------------------------------------
_LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}


@dataclass
class _HWord:
    text: str
    box: tuple[int, int, int, int]
    confidence: float


@dataclass
class _HLine:
    box: tuple[int, int, int, int]
    baseline: float  # pixels, image rows
    words: list[_HWord]

    @property
    def size(self) -> float:
        """The font size in pixels (see RISE); Tesseract's own x_size varied by a fifth between
        lines of one size."""
        rises = sorted(self.baseline - w.box[1] for w in self.words)
        return max(rises[len(rises) // 2], 1.0) / RISE


def _title(el: ET.Element) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in (el.get("title") or "").split(";"):
        bits = part.split()
        if bits:
            out[bits[0]] = bits[1:]
    return out


def _box(props: dict[str, list[str]]) -> tuple[int, int, int, int] | None:
    b = props.get("bbox")
    if not b or len(b) != 4:
        return None
    x0, y0, x1, y1 = (int(v) for v in b)
    return x0, y0, x1, y1


# what Tesseract writes for a character it confuses with another, in text that never has it
_CONFUSED = str.maketrans({"⁄": "/", "|": "I", "ﬁ": "fi", "ﬂ": "fl"})
# a "1" it was unsure of, alone, read as a letter no Vietnamese word is made of alone
_LONE_ONE = re.compile(r"^[ÌìÍíl]([.,)]?)$")
# what it reads a small raised footnote number as
_MARK_DIGITS = str.maketrans({"Ì": "1", "ì": "1", "Í": "1", "í": "1", "l": "1", "I": "1", "'": "1", "’": "1",
                              "‘": "1", "!": "1", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6",
                              "⁷": "7", "⁸": "8", "⁹": "9", "⁰": "0"})


def parse_hocr(data: bytes) -> list[_HLine]:
    root = ET.fromstring(data)
    lines: list[_HLine] = []
    for el in root.iter():
        if el.get("class") not in _LINE_CLASSES:
            continue
        props = _title(el)
        box = _box(props)
        if box is None:
            continue
        words = []
        for w in el.iter():
            if w.get("class") != "ocrx_word":
                continue
            text = unicodedata.normalize("NFC", "".join(w.itertext())).strip().translate(_CONFUSED)
            wp = _title(w)
            wb = _box(wp)
            if not text or wb is None:
                continue
            conf = float((wp.get("x_wconf") or ["0"])[0])
            if conf < 10 and not _letters(text):
                continue  # a speck read as a full stop
            if conf < UNSURE_BELOW:
                text = _LONE_ONE.sub(r"1\1", text)
            words.append(_HWord(text, wb, conf))
        if not words:
            continue
        slope, offset = 0.0, 0.0
        if len(props.get("baseline", [])) == 2:
            slope, offset = (float(v) for v in props["baseline"])
        mid = (box[0] + box[2]) / 2
        lines.append(_HLine(box, box[3] + offset + slope * (mid - box[0]), words))
    return lines


class _Tesseract:
    def __init__(self, name: str, page: int, deadline: _Deadline) -> None:
        exe = _tool("tesseract")
        if exe is None:  # checked before any page was started; gone meanwhile
            raise MissingTool(f"{name}: Tesseract không còn trên máy chủ — cài bằng: {INSTALL}", "tesseract")
        self.exe, self.name, self.page, self.deadline = exe, name, page, deadline

    def lines(self, img: np.ndarray, psm: int, dpi: int) -> list[_HLine]:
        try:
            out = _run([self.exe, "stdin", "stdout", "-l", LANG, "--oem", "1", "--psm", str(psm), "--dpi", str(dpi),
                        "hocr"], _pgm(img), self.deadline)
        except _Failed as exc:
            raise ParseError(f"{self.name}: trang {self.page}: Tesseract báo lỗi ({exc})") from exc
        try:
            return parse_hocr(out)
        except ET.ParseError as exc:
            raise ParseError(f"{self.name}: trang {self.page}: kết quả OCR không đọc được ({exc})") from exc

    def orientation(self, img: np.ndarray, dpi: int) -> tuple[int, float]:
        """(degrees to turn clockwise, confidence); (0, 0.0) when OSD finds too little text."""
        try:
            out = _run([self.exe, "stdin", "stdout", "--psm", "0", "--dpi", str(dpi), "-c", "min_characters_to_try=5"],
                       _pgm(img), self.deadline).decode("utf-8", "replace")
        except _Failed:
            return 0, 0.0
        rot = re.search(r"Rotate: (\d+)", out)
        conf = re.search(r"Orientation confidence: ([\d.]+)", out)
        return (int(rot.group(1)) if rot else 0), (float(conf.group(1)) if conf else 0.0)


# -- one page --------------------------------------------------------------------------------------
def render(path: Path, number: int, dpi: int, deadline: _Deadline) -> np.ndarray:
    exe = _tool("pdftoppm")
    if exe is None:
        raise MissingTool(f"{deadline.name}: pdftoppm không còn trên máy chủ — cài bằng: {INSTALL}", "tesseract")
    # a separate process: a page that hangs or crashes the renderer costs that page only
    try:
        out = _run([exe, "-r", str(dpi), "-gray", "-f", str(number), "-l", str(number), "-singlefile", str(path)],
                   None, deadline)
        return read_pgm(out)
    except (_Failed, ValueError) as exc:
        raise ParseError(f"{deadline.name}: trang {number}: không dựng được ảnh trang ({exc})") from exc


def page_dpi(width_pt: float, height_pt: float) -> int:
    """300 dpi, less for a page so large its image would pass MAX_PIXELS."""
    inches = max(width_pt, 1.0) / 72 * max(height_pt, 1.0) / 72
    return int(min(DPI, (MAX_PIXELS / inches) ** 0.5))


def ocr_page(path: Path, number: int, size: tuple[float, float], osd: bool, name: str = "") -> OcrPage:
    """Render page `number` of the PDF and read it."""
    name = name or path.name
    t0 = time.perf_counter()
    dpi = page_dpi(*size)
    with _PAGES_AT_ONCE:  # the page's time starts when it gets a core, not while it waits for one
        deadline = _Deadline(name, number, PAGE_SECONDS)
        img = render(path, number, dpi, deadline)
        page = ocr_image(img, number, dpi, osd, _Tesseract(name, number, deadline))
    page.seconds = round(time.perf_counter() - t0, 3)
    return page


def ocr_image(img: np.ndarray, number: int, dpi: int, osd: bool, tess: _Tesseract) -> OcrPage:
    scale = 72.0 / dpi
    norm = _normalise(img)
    if norm is None:  # nothing on the page
        return OcrPage(number, img.shape[1] * scale, img.shape[0] * scale)
    img = norm
    # which way up: lines of text make the ink's profile along the page's height alternate; a page
    # fed in sideways alternates across. OSD says which of the two sideways turns (its confidence
    # on these pages is low, 0.01-2.6: a sideways page is turned whatever it says); upside down,
    # only when it is sure, and a page read badly is tried turned over anyway (below)
    turn, confidence = tess.orientation(img, dpi) if osd else (0, 0.0)
    if sideways(img):
        turn = turn if turn in (90, 270) else 90
    elif not (turn == 180 and confidence >= MIN_ORIENTATION_CONFIDENCE):
        turn = 0
    rotation = 0
    if turn:
        img, rotation = np.rot90(img, k=-(turn // 90)).copy(), turn  # the turn is clockwise
    skew = skew_angle(img)
    if abs(skew) >= 0.2:
        img = straighten(img, skew)
    else:
        skew = 0.0
    page = _read_upright(img, number, dpi, tess)
    if page.confidence is not None and page.confidence < FLIP_BELOW:
        flipped = _read_upright(np.rot90(img, 2).copy(), number, dpi, tess)
        if (flipped.confidence or 0.0) > page.confidence + 10:
            page, rotation = flipped, (rotation + 180) % 360
    page.rotation, page.skew = rotation, skew
    return page


def _read_upright(img: np.ndarray, number: int, dpi: int, tess: _Tesseract) -> OcrPage:
    h, w = img.shape
    scale = 72.0 / dpi
    grids = find_tables(img)
    body = img
    if grids:
        body = img.copy()
        for g in grids:  # the rest of the page is read without its tables
            x0, y0, x1, y1 = g.box
            body[max(0, y0 - 5):min(h, y1 + 6), max(0, x0 - 5):min(w, x1 + 6)] = 255
    dark = img < 128
    lines = _body_lines(body, dark, dpi, tess, scale)
    tables = [_table(g, img, dark, dpi, tess, h, scale) for g in grids]
    page = OcrPage(number, w * scale, h * scale, lines, tables)
    confidences = [word.confidence for word in page.words]
    page.confidence = round(sum(confidences) / len(confidences), 1) if confidences else None
    return page


def _body_lines(body: np.ndarray, dark: np.ndarray, dpi: int, tess: _Tesseract, scale: float) -> list[OcrLine]:
    out: list[OcrLine] = []
    for hl in tess.lines(body, 3, dpi):
        for piece in _split(hl):
            for again in _second_look(piece, body, dpi, tess):
                for part in _split(again):
                    line = _line(part, dark, body.shape[0], scale)
                    if line is not None:
                        out.append(line)
    return out


def _split(hl: _HLine) -> list[_HLine]:
    """A Tesseract line cut where two words stand further apart than 1.5 font sizes: the two
    columns of a header (or of a signature) that Tesseract read as one line."""
    words = sorted(hl.words, key=lambda w: w.box[0])
    size = hl.size
    groups: list[list[_HWord]] = [[words[0]]]
    for a, b in pairwise(words):
        if b.box[0] - a.box[2] > 1.5 * size:
            groups.append([])
        groups[-1].append(b)
    return [_HLine(hl.box, hl.baseline, g) for g in groups]


def _second_look(hl: _HLine, img: np.ndarray, dpi: int, tess: _Tesseract) -> list[_HLine]:
    """A piece read with little confidence, read again on its own as a block (`--psm 6`), kept
    when that reads it with more: Tesseract may make one line of two small lines beside a
    bigger one (a signer's name set between two lines of "Nơi nhận") and read nonsense."""
    mean = sum(w.confidence for w in hl.words) / len(hl.words)
    if mean >= SECOND_LOOK_BELOW:
        return [hl]
    pad = 15
    x0 = max(0, min(w.box[0] for w in hl.words) - pad)
    x1 = min(img.shape[1], max(w.box[2] for w in hl.words) + pad)
    y0 = max(0, min([hl.box[1], *(w.box[1] for w in hl.words)]) - pad)
    y1 = min(img.shape[0], max([hl.box[3], *(w.box[3] for w in hl.words)]) + pad)
    found = tess.lines(np.ascontiguousarray(img[y0:y1, x0:x1]), 6, dpi)
    moved = [_HLine((a + x0, b + y0, c + x0, d + y0), line.baseline + y0,
                    [_HWord(w.text, (w.box[0] + x0, w.box[1] + y0, w.box[2] + x0, w.box[3] + y0), w.confidence)
                     for w in line.words])
             for line in found for (a, b, c, d) in [line.box]]
    words = [w for line in moved for w in line.words]
    if not words or sum(w.confidence for w in words) / len(words) <= mean:
        return [hl]
    return moved


def _line(hl: _HLine, dark: np.ndarray, page_h: int, scale: float) -> OcrLine | None:
    """A piece of a line in points, with its words' strokes and footnote marks; None for a speck."""
    size = hl.size
    words: list[OcrWord] = []
    for hw in hl.words:
        x0, y0, x1, y1 = hw.box
        stroke = _stem(dark[y0:y1 + 1, x0:x1 + 1]) / size
        word = OcrWord(hw.text, x0 * scale, x1 * scale, hw.confidence, stroke)
        mark = _mark(hw, hl.baseline, size)
        if mark:  # a footnote's number, raised and small: its own height and size, as a text layer has it
            word.text, word.rise, word.size = mark, (hl.baseline - y1) * scale, (y1 - y0) / RISE * scale
        words.append(word)
    line = OcrLine(words, (page_h - hl.baseline) * scale, size * scale)
    return None if _speck(line) else line


def _mark(word: _HWord, baseline: float, size: float) -> str:
    """The number of a footnote mark ("1" read as "Ì" or "'" too), or "" for a word on the line."""
    _x0, y0, _x1, y1 = word.box
    if len(word.text) > 3 or baseline - y1 < 0.25 * size or y1 - y0 > 0.6 * size:
        return ""
    digits = word.text.translate(_MARK_DIGITS)
    return digits if digits.isdigit() else ""


def _speck(piece: OcrLine) -> bool:
    """A piece that is no text: only punctuation, or one doubtful character (dust, a stroke of a
    signature or a stamp, read as "z" or "2")."""
    letters = sum(_letters(w.text) for w in piece.words)
    return letters == 0 or (letters == 1 and min(w.confidence for w in piece.words) < 70)


def _table(g: _Grid, img: np.ndarray, dark: np.ndarray, dpi: int, tess: _Tesseract, page_h: int,
           scale: float) -> OcrTable:
    cells: list[OcrCell] = []
    for row, col, rowspan, colspan, (x0, y0, x1, y1) in g.cells:
        a, b, c, d = _inside(dark, x0, y0, x1, y1)
        crop = img[b:d, a:c]
        words: list[OcrWord] = []
        if crop.size and int(np.count_nonzero(crop < 128)) >= 30:
            # a white margin: Tesseract misreads a lone digit that touches the image's edge ("5" as "Đ")
            padded = np.pad(crop, CELL_MARGIN, constant_values=255)
            for hl in tess.lines(padded, 6, dpi):
                for hw in hl.words:
                    wx0, wy0, wx1, wy1 = hw.box
                    stroke = _stem(padded[wy0:wy1 + 1, wx0:wx1 + 1] < 128) / hl.size
                    left = a - CELL_MARGIN
                    words.append(OcrWord(hw.text, (left + wx0) * scale, (left + wx1) * scale, hw.confidence, stroke))
        text = " ".join(" ".join(w.text for w in words).split())
        cells.append(OcrCell(text, row, col, rowspan, colspan, words))
    x0, y0, x1, y1 = g.box
    return OcrTable((page_h - y0) * scale, (page_h - y1) * scale, g.rows, g.cols, cells)


def _inside(dark: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> tuple[int, int, int, int]:
    """A cell's box without its borders: a few pixels in, then any rule still along an edge."""
    a, b, c, d = x0 + 4, y0 + 4, x1 - 3, y1 - 3
    while b < d and float(dark[b, a:c].mean() if c > a else 0) > 0.5:
        b += 1
    while d > b and float(dark[d - 1, a:c].mean() if c > a else 0) > 0.5:
        d -= 1
    while a < c and float(dark[b:d, a].mean() if d > b else 0) > 0.5:
        a += 1
    while c > a and float(dark[b:d, c - 1].mean() if d > b else 0) > 0.5:
        c -= 1
    return a + 2, b + 2, max(a + 2, c - 2), max(b + 2, d - 2)


# -- a document's pages ------------------------------------------------------------------------------
@dataclass
class OcrResult:
    pages: list[OcrPage]
    unsure: list[str]  # words read under UNSURE_BELOW, each once, in reading order

    @property
    def numbers(self) -> list[int]:
        return [p.number for p in self.pages]


def ocr_pages(path: Path, pages: dict[int, tuple[float, float]], progress: Progress | None = None,
              name: str = "") -> OcrResult:
    """OCR these pages of the PDF (page number -> its width and height in points, as shown),
    WORKERS at a time; `progress(done, total)` from the calling thread, (0, total) first.
    ParseError (MissingTool when a program is missing) before anything is read, when a page
    limit is passed, or when a page fails."""
    name = name or path.name
    count = len(pages)
    if count > MAX_OCR_PAGES:
        raise ParseError(f"{name}: tệp có {count} trang quét cần nhận dạng chữ (OCR), vượt giới hạn {MAX_OCR_PAGES} "
                         f"trang (sẽ mất khoảng {duration_text(estimate_seconds(count))}) — hãy tách tệp thành các phần "
                         f"dưới {MAX_OCR_PAGES} trang hoặc gửi bản có lớp chữ")
    check_tools(name)
    osd = "osd" in languages()
    if progress:
        progress(0, count)
    done: list[OcrPage] = []
    with ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="ocr") as pool:
        futures: set[Future[OcrPage]] = {pool.submit(ocr_page, path, n, size, osd, name)
                                         for n, size in sorted(pages.items())}
        try:
            pending = futures
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    done.append(f.result())  # a page's ParseError stops the file
                if progress:
                    progress(len(done), count)
        except BaseException:
            for f in futures:
                f.cancel()
            raise
    done.sort(key=lambda p: p.number)
    _decide_bold(done)
    _snap_sizes(done)
    unsure: dict[str, None] = {}
    for p in done:
        for w in p.words:
            if w.confidence < UNSURE_BELOW and any(ch.isalnum() for ch in w.text):
                unsure.setdefault(w.text)
    return OcrResult(done, list(unsure))


def _decide_bold(pages: list[OcrPage]) -> None:
    """Bold: a stroke clearly wider than the document's usual one (most of a document is
    regular). Far over BOLD_RATIO or not near it, a word decides alone; near it (a capital's
    strokes, a small size measured a little off), it follows the nearest word of its line that
    decided, or with none, the mean of the line. A word of under two letters or
    digits (a dash, "Y", "3") measures badly and follows the word before it (after it, first)."""
    words = [w for p in pages for w in p.words]
    weights = sorted((w.stroke, len(w.text)) for w in words if _letters(w.text) >= 2 and w.stroke > 0)
    if not weights:
        return
    total = sum(n for _, n in weights)
    acc, usual = 0, weights[0][0]
    for stroke, n in weights:
        acc += n
        if acc >= total / 2:
            usual = stroke
            break
    groups = [ln.words for p in pages for ln in p.lines] + [c.words for p in pages for t in p.tables for c in t.cells]
    for group in groups:
        measured = [w for w in group if _letters(w.text) >= 2]
        if not measured:
            continue
        ratio = {id(w): w.stroke / max(usual, 1e-9) for w in measured}
        sure = [i for i, w in enumerate(measured) if not 1.15 < ratio[id(w)] < 1.4]
        for i in sure:
            measured[i].bold = ratio[id(measured[i])] >= 1.4
        unsure = [i for i in range(len(measured)) if i not in sure]
        if sure:
            for i in unsure:  # the nearest decided word, the one before it on a tie
                nearest = min(sure, key=lambda j: (abs(j - i), j > i))
                measured[i].bold = measured[nearest].bold
        elif unsure:
            mean = sum(ratio[id(measured[i])] for i in unsure) / len(unsure)
            for i in unsure:
                measured[i].bold = mean > BOLD_RATIO
        for i, w in enumerate(group):
            if _letters(w.text) < 2:
                before = [x for x in group[:i] if _letters(x.text) >= 2]
                w.bold = (before[-1] if before else measured[0]).bold


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _snap_sizes(pages: list[OcrPage]) -> None:
    """Font sizes within 8 % of the document's usual one become it: OCR's measure varies by
    half a point from line to line, where a text layer's font size does not."""
    sizes: dict[float, int] = {}
    for p in pages:
        for ln in p.lines:
            key = round(ln.size * 2) / 2
            sizes[key] = sizes.get(key, 0) + len(ln.text)
    if not sizes:
        return
    usual = max(sizes.items(), key=lambda kv: kv[1])[0]
    for p in pages:
        for ln in p.lines:
            if abs(ln.size - usual) <= 0.08 * usual:
                ln.size = usual


__all__ = ["INSTALL", "MAX_OCR_PAGES", "PAGE_SECONDS", "OcrCell", "OcrLine", "OcrPage", "OcrResult", "OcrTable",
           "OcrWord", "check_tools", "duration_text", "estimate_seconds", "ocr_pages", "read_pgm", "ready"]
