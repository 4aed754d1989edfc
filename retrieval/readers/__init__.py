"""One reader per file type, each producing the same `RawDocument` (see blocks.py).

`read_file` is the only way in: it picks the reader by suffix and turns every failure of
the libraries underneath on a malformed or hostile file into a `ParseError` that names
the file, so one broken upload or corpus file never surfaces as a traceback.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from .blocks import Block, Cell, Origin, ParseError, RawDocument, RawFootnote

SUPPORTED = (".md", ".txt", ".docx", ".pdf")
MAX_FILE_BYTES = 20 * 1024 * 1024  # what a Telegram bot may download; a province document is far smaller

# what python-docx, lxml, zipfile and pypdf raise on damaged input
_LIBRARY_ERRORS: tuple[type[BaseException], ...] = (
    ValueError, KeyError, IndexError, TypeError, AttributeError, AssertionError, EOFError, OSError,
    NotImplementedError, RecursionError, OverflowError, UnicodeError, zlib.error, struct.error, LookupError,
    zipfile.BadZipFile,  # a damaged member's CRC, noticed only when python-docx reads it
)


def _extra_errors() -> tuple[type[BaseException], ...]:
    extra: list[type[BaseException]] = []
    try:
        from lxml import etree

        extra.append(etree.LxmlError)
    except ImportError:  # lxml comes with python-docx; without it .docx is refused anyway
        pass
    try:
        from pypdf.errors import PyPdfError

        extra.append(PyPdfError)
    except ImportError:
        pass
    try:
        from docx.opc.exceptions import OpcError

        extra.append(OpcError)
    except ImportError:
        pass
    return tuple(extra)


def read_file(path: Path) -> RawDocument:
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
            from .docx import read_docx

            raw = read_docx(path)
        elif suffix == ".pdf":
            from .pdf import read_pdf

            raw = read_pdf(path)
        else:
            from .markdown import read_markdown

            try:
                text = path.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise ParseError(f"{path.name}: không phải văn bản UTF-8 ({exc.reason} tại byte {exc.start})") from exc
            if "\x00" in text:
                raise ParseError(f"{path.name}: tệp nhị phân, không phải văn bản")
            raw = read_markdown(text, path.name)
    except ParseError:
        raise
    except _LIBRARY_ERRORS + _extra_errors() as exc:
        kind = {".docx": ".docx", ".pdf": "PDF"}.get(suffix, "văn bản")
        raise ParseError(f"{path.name}: không đọc được tệp {kind} ({exc.__class__.__name__}: {str(exc)[:200]})") from exc
    if not any(b.text.strip() or b.rows for b in raw.blocks):
        raise ParseError(f"{path.name}: tệp không có nội dung chữ")
    return raw


__all__ = ["Block", "Cell", "Origin", "ParseError", "RawDocument", "RawFootnote", "SUPPORTED", "read_file"]
