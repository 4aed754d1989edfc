"""What every reader produces: the file's content as a flat stream of blocks.

One reader per format (Markdown, .docx, .doc, .pdf) turns a file into a `RawDocument`; one
structure parser (`retrieval.documents.structure`) turns any `RawDocument` into the document model.
Like docling's items, every block knows where in the file it came from, and the
furniture of a two-column header or signature table is marked as such (`layout`) instead
of being mixed into the running text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_FILE_BYTES = 20 * 1024 * 1024  # what a Telegram bot may download; a province document is far smaller
# what one document may hold: the longest law of the corpus (Luật Đất đai) has 0.52 million characters in
# 2,700 paragraphs. Reading and structuring take time in proportion to the text (about 2 s a million
# characters): these bounds keep one hostile or runaway file from holding a parse for minutes.
MAX_TEXT_CHARS = 2_000_000
MAX_BLOCKS = 40_000
MAX_CELLS = 200_000


class ParseError(ValueError):
    """A file that cannot be read as a document; the message names the file and says why."""


class MissingTool(ParseError):
    """A file this machine could read once a program is installed (Tesseract for a scan,
    LibreOffice for a .doc): the message says what to install; `tool` names it, so a build
    that left the file out knows to try it again once the program is there."""

    def __init__(self, message: str, tool: str) -> None:
        super().__init__(message)
        self.tool = tool

    def __reduce__(self) -> tuple[type[MissingTool], tuple[str, str]]:  # pickled whole (worker processes)
        return MissingTool, (str(self), self.tool)


@dataclass(frozen=True)
class Origin:
    """Where an item stands in its file (docling's provenance)."""

    file: str
    page: int | None = None  # PDF page, 1-based
    line: int | None = None  # Markdown line, 1-based
    paragraph: int | None = None  # .docx body item, 0-based
    table: int | None = None  # table of the file, 0-based
    row: int | None = None  # row of that table, 0-based

    def describe(self) -> str:
        parts = [self.file]
        if self.page is not None:
            parts.append(f"trang {self.page}")
        if self.line is not None:
            parts.append(f"dòng {self.line}")
        if self.paragraph is not None:
            parts.append(f"đoạn {self.paragraph}")
        if self.table is not None:
            parts.append(f"bảng {self.table + 1}")
        if self.row is not None:
            parts.append(f"hàng {self.row + 1}")
        return ", ".join(parts)


@dataclass
class Cell:
    text: str
    span: int = 1  # columns covered: a merged cell is read once


@dataclass
class Block:
    """A paragraph (kind "text") or a table (kind "table").

    `text` is NFC with footnote marks as <sup>n</sup> and hard line breaks as "\\n".
    `label` is a list label the file's own numbering draws (Word's "1.", "a)", "-"),
    which is not part of the text. `layout` is "" for running text, "left"/"right"
    for the cells of a two-column header or signature table."""

    kind: str
    text: str = ""
    origin: Origin = field(default_factory=lambda: Origin(""))
    bold: bool = False  # the whole paragraph is bold
    bold_lead: str = ""  # a bold opening ("Điều 1.") of a paragraph that is not all bold
    italic: bool = False
    centered: bool = False
    label: str = ""
    layout: str = ""
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass
class RawFootnote:
    number: int
    text: str
    origin: Origin


@dataclass
class RawDocument:
    source: str  # the file's name
    blocks: list[Block]
    footnotes: list[RawFootnote] = field(default_factory=list)
    title: str | None = None  # a Markdown "# …" title line (the law benchmark's files)
    lines: list[str] = field(default_factory=list)  # the text as lines, for the law parser
    ocr_pages: list[int] = field(default_factory=list)  # PDF pages read by OCR (1-based): a scan
    unsure_words: list[str] = field(default_factory=list)  # words OCR read with low confidence, each once
