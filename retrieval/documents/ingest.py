"""From a file to the document model: read (one reader per type), then tell a law from an
administrative document by its type and parse it with the right structure."""

from __future__ import annotations

import re
from pathlib import Path

from retrieval.documents.law import parse_law_lines
from retrieval.documents.model import AdminDocument, Document, Law
from retrieval.documents.readers import SUPPORTED, ParseError, RawDocument, read_file
from retrieval.documents.structure import LAW_TITLES, TYPE_TITLES, parse_admin
from retrieval.lang.text import clean_inline

_LAW_NAME = re.compile(r"^(Bộ luật|Luật|Hiến pháp|Pháp lệnh)\b", re.IGNORECASE)
_ARTICLE_LINE = re.compile(r"^Điều\s+\d+")
# every type of administrative document the model knows (Giấy mời, Biên bản, Phương án … too)
_TYPE_LINE = re.compile(r"^(" + "|".join(sorted(map(re.escape, TYPE_TITLES), key=len, reverse=True)) + r")\b")


def document_type(raw: RawDocument) -> str:
    """"law" or "admin": by the type the document declares, never by counting "Điều" lines.

    A law declares itself by its title ("# Luật Giá", "LUẬT", "BỘ LUẬT", a portal title
    "Luật Cảnh vệ số 13/2017/QH14"); an administrative document by its type line or by a
    số/ký hiệu with a type code. A text that declares nothing but is made of articles is a
    law fragment."""
    if raw.title and _LAW_NAME.match(raw.title):
        return "law"
    head = [clean_inline(b.text) for b in raw.blocks[:25] if b.kind == "text"]
    for line in head:
        first = line.split("\n")[0].strip()
        up = first.upper().strip(" .:")
        if _TYPE_LINE.match(up) and up == first.strip(" .:") and not up.startswith(tuple(LAW_TITLES)):
            return "admin"
        if up in LAW_TITLES or re.match(r"^(LUẬT|BỘ LUẬT)\s+[A-ZĐÀ-Ỹ]", first) and first.isupper():
            return "law"
        if _LAW_NAME.match(first) and re.search(r"\bsố\b", first) and len(first) < 300:
            return "law"
        if re.match(r"^(V/v|Về việc)\b", first) or re.match(r"^Số\s*:?\s*\S*/[A-ZĐ]", first):
            # a công văn's trích yếu, or a number with an administrative type code
            if not re.search(r"/QH\d*|/L-", first):
                return "admin"
    if raw.title:
        return "admin" if _TYPE_LINE.match(raw.title.upper()) else "law"
    articles = sum(1 for x in raw.lines if _ARTICLE_LINE.match(x.strip()))
    return "law" if articles >= 2 else "admin"


def load_document(path: Path) -> Document:
    """Parse one file. Raises ParseError naming the file when it cannot be read."""
    raw = read_file(path)
    return parse_raw(raw)


def parse_raw(raw: RawDocument) -> Document:
    if document_type(raw) == "law":
        return parse_law_lines(raw.lines, raw.source, raw.title)
    return parse_admin(raw)


def parse_markdown(text: str, source: str = "document.md") -> Document:
    """A document given as Markdown text (tests, the console's pasted text)."""
    from retrieval.documents.readers.markdown import read_markdown

    return parse_raw(read_markdown(text, source))


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


__all__ = ["AdminDocument", "Law", "ParseError", "SUPPORTED", "corpus_files", "document_type", "load_document",
           "parse_markdown", "parse_raw"]
