"""`python -m retrieval bench --ocr [PDF ...]`: how fast and how well scans are read.

Each PDF (with a text layer: by default the public PDFs of ../shared) is printed to 300-dpi
grey images with pdftoppm and put back into an image-only PDF, as a scanner makes it (written
here: no imaging library); the copy is read by OCR and compared, page by page, with the
original read by the same reader from its text layer — the same blocks in the same order, so
the difference is what OCR got wrong, recognition and layout both. Reported: seconds a page
(wall, and CPU of the Tesseract and pdftoppm processes); on the running text (text blocks and
footnotes), the character error rate (edit distance over the original's characters, white
space collapsed) and, of the characters carrying a Vietnamese diacritic (and đ), the share
not read as the very same character; of the tables' distinct cell texts, the share read
exactly.
"""

from __future__ import annotations

import resource
import subprocess
import tempfile
import time
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from retrieval.documents.readers import RawDocument
from retrieval.documents.readers.ocr import DPI, read_pgm

SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpus"
DEFAULT_PDFS = (SHARED / "directives" / "cong-van-hoa-toc-2026.pdf",
                SHARED / "directives2" / "de-an-trung-tam-pvhcc-mot-cap-2026.pdf",
                SHARED / "directives2" / "thong-bao-lich-cong-tac-tuan-12-2026.pdf")


@dataclass
class Counts:
    chars: int = 0
    errors: int = 0  # edit distance
    diacritics: int = 0
    diacritics_wrong: int = 0

    def add(self, other: Counts) -> None:
        self.chars += other.chars
        self.errors += other.errors
        self.diacritics += other.diacritics
        self.diacritics_wrong += other.diacritics_wrong

    @property
    def cer(self) -> float:
        return self.errors / max(self.chars, 1)

    @property
    def diacritic_error(self) -> float:
        return self.diacritics_wrong / max(self.diacritics, 1)


@dataclass
class OcrFigures:
    pages: int = 0
    seconds: float = 0.0  # wall, reading the scans
    cpu_seconds: float = 0.0  # of the programs run (Tesseract, pdftoppm)
    counts: Counts = field(default_factory=Counts)
    per_file: list[tuple[str, int, float, Counts]] = field(default_factory=list)
    unsure: int = 0
    cells: int = 0  # distinct table cell texts of the originals
    cells_read: int = 0  # of them, read exactly the same

    @property
    def seconds_per_page(self) -> float:
        return self.seconds / max(self.pages, 1)

    @property
    def cpu_per_page(self) -> float:
        return self.cpu_seconds / max(self.pages, 1)


def image_only_pdf(pdf: Path, out: Path, dpi: int = DPI) -> Path:
    """The PDF's pages as grey images in a PDF of image pages (Flate-compressed, lossless)."""
    from pypdf import PdfReader

    count = len(PdfReader(str(pdf)).pages)
    objects: list[bytes] = []
    kids = []
    for n in range(1, count + 1):
        pgm = subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(n), "-l", str(n), "-singlefile", str(pdf)],
                             capture_output=True, check=True, timeout=120).stdout
        img = read_pgm(pgm)
        h, w = img.shape
        wpt, hpt = w * 72 / dpi, h * 72 / dpi
        image_no, content_no, page_no = len(objects) + 3, len(objects) + 4, len(objects) + 5
        data = zlib.compress(np.ascontiguousarray(img).tobytes(), 6)
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                       b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(data))
                       + data + b"\nendstream")
        ops = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (wpt, hpt)
        objects.append(b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> "
                       b"/Contents %d 0 R >>" % (wpt, hpt, image_no, content_no))
        kids.append(page_no)
    head = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % count]
    body = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, obj in enumerate(head + objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
    out.write_bytes(bytes(body))
    return out


def page_texts(raw: RawDocument) -> dict[int, str]:
    """What the reader made of each page's running text: its text blocks, then its footnotes
    (tables are compared cell by cell: `table_cells`)."""
    out: dict[int, list[str]] = {}
    for b in raw.blocks:
        if b.kind == "text":
            out.setdefault(b.origin.page or 0, []).append(b.text)
    for f in raw.footnotes:
        out.setdefault(f.origin.page or 0, []).append(f"{f.number} {f.text}")
    return {p: " ".join(" ".join(parts).split()) for p, parts in out.items()}


def table_cells(raw: RawDocument) -> set[str]:
    """The distinct texts of the tables' cells. A set: a cell merged down the rows is read once
    per row by OCR (from the drawn grid) and once in all by the text layer's reader, and where
    its text stands in the merged rows differs."""
    return {" ".join(c.text.split()) for b in raw.blocks for row in b.rows for c in row if c.text.strip()}
def _diacritic(ch: str) -> bool:
    return ch in "đĐ" or len(unicodedata.normalize("NFD", ch)) > 1


def compare(reference: str, read: str) -> Counts:
    """Edit distance (Levenshtein, row by row in numpy) and the diacritic characters of the
    reference that the alignment does not pair with the very same character."""
    a = unicodedata.normalize("NFC", " ".join(reference.split()))
    b = unicodedata.normalize("NFC", " ".join(read.split()))
    n, m = len(a), len(b)
    av = np.array([ord(c) for c in a], dtype=np.int64)
    bv = np.array([ord(c) for c in b], dtype=np.int64)
    rows = np.empty((n + 1, m + 1), dtype=np.int32)
    rows[0] = np.arange(m + 1)
    steps = np.arange(m + 1, dtype=np.int32)
    for i in range(1, n + 1):
        prev = rows[i - 1]
        best = np.empty(m + 1, dtype=np.int32)
        best[0] = i
        best[1:] = np.minimum(prev[1:] + 1, prev[:-1] + (bv != av[i - 1]))
        # insertions along the row: min over k <= j of best[k] + (j - k)
        rows[i] = np.minimum.accumulate(best - steps) + steps
    same = [False] * n
    i, j = n, m
    while i > 0 and j > 0:
        if a[i - 1] == b[j - 1] and rows[i, j] == rows[i - 1, j - 1]:
            same[i - 1] = True
            i, j = i - 1, j - 1
        elif rows[i, j] == rows[i - 1, j - 1] + 1:
            i, j = i - 1, j - 1
        elif rows[i, j] == rows[i - 1, j] + 1:
            i -= 1
        else:
            j -= 1
    marked = [k for k, ch in enumerate(a) if _diacritic(ch)]
    return Counts(n, int(rows[n, m]), len(marked), sum(1 for k in marked if not same[k]))


def run_ocr_bench(pdfs: list[Path]) -> OcrFigures:
    from retrieval.documents.readers import read_file

    figures = OcrFigures()
    with tempfile.TemporaryDirectory(prefix="ocr-bench-") as tmp:
        for pdf in pdfs:
            original = read_file(pdf)
            scan = image_only_pdf(pdf, Path(tmp) / pdf.name)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            read = read_file(scan)
            seconds = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            want, got = page_texts(original), page_texts(read)
            counts = Counts()
            for page, text in want.items():
                counts.add(compare(text, got.get(page, "")))
            cells, read_cells = table_cells(original), table_cells(read)
            figures.cells += len(cells)
            figures.cells_read += len(cells & read_cells)
            figures.pages += len(read.ocr_pages)
            figures.seconds += seconds
            figures.cpu_seconds += cpu
            figures.counts.add(counts)
            figures.unsure += len(read.unsure_words)
            figures.per_file.append((pdf.name, len(read.ocr_pages), seconds, counts))
            print(f"  {pdf.name}: {len(read.ocr_pages)} pages in {seconds:.1f}s ({seconds / max(len(read.ocr_pages), 1):.2f}"
                  f" s/page, {cpu / max(len(read.ocr_pages), 1):.2f} CPU s/page); CER {counts.cer:.2%}, diacritics "
                  f"{counts.diacritic_error:.2%} of {counts.diacritics}; table cells read exactly "
                  f"{len(cells & read_cells)}/{len(cells)}; {len(read.unsure_words)} words unsure", flush=True)
    return figures


def report(figures: OcrFigures) -> str:
    c = figures.counts
    return (f"OCR: {figures.pages} pages, {figures.seconds_per_page:.2f} s/page wall "
            f"({figures.cpu_per_page:.2f} CPU s/page in Tesseract and pdftoppm); character error rate {c.cer:.2%} "
            f"({c.errors} edits over {c.chars} characters), diacritic characters wrong {c.diacritic_error:.2%} "
            f"({c.diacritics_wrong} of {c.diacritics}) in the running text; table cells read exactly "
            f"{figures.cells_read / max(figures.cells, 1):.1%} ({figures.cells_read} of {figures.cells}); "
            f"{figures.unsure} words reported unsure")


__all__ = ["DEFAULT_PDFS", "OcrFigures", "compare", "image_only_pdf", "page_texts", "report", "run_ocr_bench",
           "table_cells"]
