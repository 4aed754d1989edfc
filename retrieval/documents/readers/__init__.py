"""One reader per file type, each producing the same `RawDocument` (see blocks.py).

`read_file` is the only way in: it picks the reader by suffix and turns every failure of
the libraries underneath on a malformed or hostile file into a `ParseError` that names
the file, so one broken upload or corpus file never surfaces as a traceback.

Two readers call programs: a scanned PDF is read by OCR (Tesseract, `ocr.py`) and an old
Word .doc is converted by LibreOffice (`doc.py`); without the program the file is refused
with a `MissingTool` saying what to install. Reading a scan takes seconds a page: whoever
waits for it (the bot's status message, a console) follows it with `reading(progress)`,
which also tells afterwards which pages OCR read and the words it was unsure of — without
every layer between the one who waits and the reader passing them along.
"""

from __future__ import annotations

import contextvars
import lzma
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.documents.readers.blocks import (
    MAX_BLOCKS,
    MAX_CELLS,
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    Block,
    Cell,
    MissingTool,
    Origin,
    ParseError,
    RawDocument,
    RawFootnote,
)

SUPPORTED = (".md", ".txt", ".docx", ".doc", ".pdf")
Progress = Callable[[int, int], None]  # (pages read, pages to read by OCR); (0, n) before the first


@dataclass
class Reading:
    """What the files read under `reading()` did beyond their text."""

    progress: Progress | None = None
    ocr_pages: list[int] = field(default_factory=list)  # of the last file read
    unsure_words: list[str] = field(default_factory=list)


_READING: contextvars.ContextVar[Reading | None] = contextvars.ContextVar("reading", default=None)


@contextmanager
def reading(progress: Progress | None = None) -> Iterator[Reading]:
    """Follow the files read in this thread meanwhile: `progress` hears of OCR'd pages, and the
    `Reading` yielded says afterwards what OCR read."""
    watch = Reading(progress)
    token = _READING.set(watch)
    try:
        yield watch
    finally:
        _READING.reset(token)


def can_read_with(tool: str) -> bool:
    """Whether the program a `MissingTool` named is there now."""
    if tool == "tesseract":
        from retrieval.documents.readers.ocr import ready

        return ready()
    if tool == "soffice":
        from retrieval.documents.readers.doc import ready as doc_ready

        return doc_ready()
    return False

# what python-docx, lxml, zipfile and pypdf raise on damaged input (found by `make fuzz`, retrieval/fuzz.py)
_LIBRARY_ERRORS: tuple[type[BaseException], ...] = (
    ValueError, KeyError, IndexError, TypeError, AttributeError, AssertionError, EOFError, OSError,
    NotImplementedError, RecursionError, OverflowError, UnicodeError, zlib.error, struct.error, LookupError,
    zipfile.BadZipFile,  # a damaged member's CRC, noticed only when python-docx reads it
    lzma.LZMAError,  # a member whose header says LZMA over other data
    RuntimeError,  # zipfile: "File … is encrypted, password required"
)


def _extra_errors() -> tuple[type[BaseException], ...]:
    extra: list[type[BaseException]] = []
    try:
        from lxml import etree

        extra.append(etree.LxmlError)
    except ImportError:  # lxml comes with python-docx; without it .docx is refused anyway
        pass
    try:
        from pypdf.errors import DependencyError, PyPdfError

        extra += [PyPdfError, DependencyError]  # DependencyError: AES without the cryptography package
    except ImportError:
        pass
    try:
        from docx.opc.exceptions import OpcError

        extra.append(OpcError)
    except ImportError:
        pass
    return tuple(extra)


def read_file(path: Path, progress: Progress | None = None) -> RawDocument:
    watch = _READING.get()
    if progress is None and watch is not None:
        progress = watch.progress
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ParseError(
            f"{path.name}: không hỗ trợ loại tệp {suffix or '(không có đuôi)'} (hỗ trợ: {', '.join(SUPPORTED)})")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ParseError(f"{path.name}: không đọc được tệp ({exc})") from exc
    if size == 0:
        raise ParseError(f"{path.name}: tệp rỗng")
    if size > MAX_FILE_BYTES:
        raise ParseError(f"{path.name}: tệp {size / 1024 / 1024:.1f} MB, vượt giới hạn {MAX_FILE_BYTES // 1024 // 1024} MB")
    try:
        if suffix == ".docx":
            from retrieval.documents.readers.docx import read_docx

            raw = read_docx(path)
        elif suffix == ".doc":
            from retrieval.documents.readers.doc import read_doc

            raw = read_doc(path)
        elif suffix == ".pdf":
            from retrieval.documents.readers.pdf import read_pdf

            raw = read_pdf(path, progress)
        else:
            from retrieval.documents.readers.markdown import read_markdown

            try:
                text = path.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise ParseError(f"{path.name}: không phải văn bản UTF-8 ({exc.reason} tại byte {exc.start})") from exc
            if "\x00" in text:
                raise ParseError(f"{path.name}: tệp nhị phân, không phải văn bản")
            if len(text) > MAX_TEXT_CHARS:
                raise ParseError(f"{path.name}: văn bản dài {_n(len(text))} ký tự, vượt giới hạn {_n(MAX_TEXT_CHARS)} ký tự")
            raw = read_markdown(text, path.name)
    except ParseError:
        raise
    except _LIBRARY_ERRORS + _extra_errors() as exc:
        kind = {".docx": ".docx", ".doc": ".doc", ".pdf": "PDF"}.get(suffix, "văn bản")
        raise ParseError(f"{path.name}: không đọc được tệp {kind} ({exc.__class__.__name__}: {str(exc)[:200]})") from exc
    if not any(b.text.strip() or b.rows for b in raw.blocks):
        raise ParseError(f"{path.name}: tệp không có nội dung chữ")
    check_size(raw, path.name)
    if watch is not None:
        watch.ocr_pages, watch.unsure_words = list(raw.ocr_pages), list(raw.unsure_words)
    return raw


def _n(x: int) -> str:
    return f"{x:,}".replace(",", ".")  # 2.000.000, as Vietnamese writes it


def check_size(raw: RawDocument, name: str) -> None:
    """Refuse a document beyond what one document may hold (MAX_BLOCKS, MAX_CELLS, MAX_TEXT_CHARS)."""
    if len(raw.blocks) > MAX_BLOCKS:
        raise ParseError(f"{name}: văn bản có {_n(len(raw.blocks))} đoạn, vượt giới hạn {_n(MAX_BLOCKS)} đoạn")
    cells = sum(len(r) for b in raw.blocks for r in b.rows)
    if cells > MAX_CELLS:
        raise ParseError(f"{name}: các bảng có {_n(cells)} ô, vượt giới hạn {_n(MAX_CELLS)} ô")
    chars = (sum(len(b.text) for b in raw.blocks) + sum(len(c.text) for b in raw.blocks for r in b.rows for c in r)
             + sum(len(f.text) for f in raw.footnotes))
    if chars > MAX_TEXT_CHARS:
        raise ParseError(f"{name}: văn bản dài {_n(chars)} ký tự, vượt giới hạn {_n(MAX_TEXT_CHARS)} ký tự")


__all__ = ["Block", "Cell", "MAX_BLOCKS", "MAX_CELLS", "MAX_TEXT_CHARS", "MissingTool", "Origin", "ParseError", "Progress",
           "RawDocument", "RawFootnote", "Reading", "SUPPORTED", "can_read_with", "check_size", "read_file", "reading"]
