"""Read source files (.md, .txt, .docx, .pdf) into Directive or Law structures."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .directive import ParseError, parse_directive
from .law import parse_law_lines
from .model import Document
from .text import nfc

SUPPORTED = (".md", ".txt", ".docx", ".pdf")
_ARTICLE_LINE = re.compile(r"^Điều\s+\d+")


def read_docx_lines(path: Path) -> list[str]:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ParseError(f"{path.name}: not a readable .docx file ({exc.__class__.__name__}: {exc})") from exc
    lines: list[str] = []
    for para in document.paragraphs:
        lines.extend(para.text.split("\n"))
    for table in document.tables:
        for row in table.rows:
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # merged cells repeat
                    continue
                seen.add(id(cell._tc))
                lines.extend(cell.text.split("\n"))
    return lines


_BLOCK_START = re.compile(r"^(Điều\s+\d+|Chương\s|Mục\s+\d|\d+\.\s|[a-zđ]\)\s|[-+•]\s|<sup>|\*\*|Kính gửi|Nơi nhận|Số:)")


def read_pdf_lines(path: Path) -> list[str]:
    """PDF text comes as wrapped lines; join them back into paragraphs."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        raw = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise ParseError(f"{path.name}: not a readable .pdf file ({exc.__class__.__name__}: {exc})") from exc
    paragraphs: list[str] = []
    for line in nfc(raw).split("\n"):
        line = line.strip()
        if not line:
            continue
        prev = paragraphs[-1] if paragraphs else ""
        # headings ("Điều 2. Thanh niên", "Chương I") end without punctuation but stand alone
        joins = (
            prev
            and not _BLOCK_START.match(line)
            and not re.search(r"[.:;!?]$", prev)
            and not prev.isupper()
            and not re.match(r"^(#|Điều\s+\d+|Chương\s)", prev)
        )
        if joins:
            paragraphs[-1] = f"{prev} {line}"
        else:
            paragraphs.append(line)
    return paragraphs


def _is_law(lines: list[str]) -> bool:
    return sum(1 for x in lines if _ARTICLE_LINE.match(x.strip())) >= 2 or (
        bool(lines) and lines[0].startswith("# ") and any(_ARTICLE_LINE.match(x.strip()) for x in lines)
    )


def load_document(path: Path) -> Document:
    """Parse one file. Raises ParseError naming the file when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ParseError(f"{path.name}: unsupported file type {suffix!r} (supported: {', '.join(SUPPORTED)})")
    try:
        if suffix == ".docx":
            lines = read_docx_lines(path)
        elif suffix == ".pdf":
            lines = read_pdf_lines(path)
        else:
            lines = path.read_text(encoding="utf-8").split("\n")
    except UnicodeDecodeError as exc:
        raise ParseError(f"{path.name}: not UTF-8 text ({exc})") from exc
    lines = [nfc(x) for x in lines]
    if not any(x.strip() for x in lines):
        raise ParseError(f"{path.name}: the file has no text")
    if _is_law(lines):
        return parse_law_lines(lines, path.name)
    return parse_directive("\n".join(lines), path.name)


def corpus_files(dirs: list[Path]) -> list[Path]:
    """Source files under the corpus directories, in a stable order. Small reference
    data (glossary, units) lives beside them and is not a document."""
    files: list[Path] = []
    for d in dirs:
        if d.is_file():
            files.append(d)
            continue
        if not d.is_dir():
            raise ParseError(f"{d}: corpus directory not found")
        for p in sorted(d.rglob("*")):
            if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith((".", "~$")):
                if p.stem.lower() in ("readme", "glossary", "units"):
                    continue
                files.append(p)
    return files
