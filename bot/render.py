"""Telegram HTML: answers, sources and document outlines as messages of at most 4096 characters.

Every piece of document or user text goes through `html.escape`; markup is only ever
added by this module, around whole blocks. Messages are packed from blocks on paragraph
boundaries, so every message is valid HTML on its own (no tag opened in one message and
closed in the next). A block too long for one message is cut at a line, sentence or word
boundary and each piece is wrapped in the block's tag again.

Lengths are measured on the HTML source in UTF-16 code units (what Telegram counts),
which is never less than the length Telegram sees after parsing: a message that fits
here fits there.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from retrieval.answering.answer import Answer, Source

TELEGRAM_LIMIT = 4096
QUOTE_LIMIT = 700  # characters of a source passage shown under "Xem nguồn"
SHOWN_SOURCES = 3  # the cited passage first, then the next best: enough to check, short enough to read


def tg_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def esc(text: str) -> str:
    return html.escape(text, quote=False)


@dataclass(frozen=True)
class Block:
    """One paragraph: plain text, optionally wrapped in a tag (b, i, blockquote) and
    preceded by fixed markup (an emoji or a bold label) that is already HTML."""

    text: str
    tag: str | None = None
    lead: str = ""

    def html(self, text: str | None = None, lead: str | None = None) -> str:
        body = esc(self.text if text is None else text)
        if self.tag:
            body = f"<{self.tag}>{body}</{self.tag}>"
        return (self.lead if lead is None else lead) + body


def paragraphs(text: str, tag: str | None = None) -> list[Block]:
    return [Block(p.strip(), tag) for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def pack(blocks: list[Block], limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Blocks joined by blank lines into messages of at most `limit` characters."""
    messages: list[str] = []
    current = ""
    for piece in (p for b in blocks for p in _fit(b, limit)):
        candidate = f"{current}\n\n{piece}" if current else piece
        if tg_len(candidate) <= limit:
            current = candidate
        else:
            messages.append(current)
            current = piece
    if current:
        messages.append(current)
    return messages


def _fit(block: Block, limit: int) -> list[str]:
    whole = block.html()
    if tg_len(whole) <= limit:
        return [whole]
    overhead = tg_len(block.html(""))
    pieces: list[str] = []
    for i, part in enumerate(_cut(block.text, limit - overhead)):
        pieces.append(block.html(part, lead=block.lead if i == 0 else ""))
    return pieces


def _cut(text: str, budget: int) -> list[str]:
    """Plain text in pieces whose escaped form fits `budget`, cut at the best boundary."""
    out: list[str] = []
    rest = text
    while tg_len(esc(rest)) > budget:
        # the longest prefix that fits once escaped
        lo, hi = 1, len(rest)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if tg_len(esc(rest[:mid])) <= budget:
                lo = mid
            else:
                hi = mid - 1
        head = rest[:lo]
        cut = -1
        for sep in ("\n", ". ", "; ", ", ", " "):
            pos = head.rfind(sep)
            if pos > len(head) // 3:
                cut = pos + len(sep)
                break
        if cut <= 0:
            cut = lo
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        out.append(rest)
    return out


# -- answers -------------------------------------------------------------------------------
def split_citation(text: str) -> tuple[str, str | None]:
    """The answer's facts and its "Nguồn: …" line (retrieval puts it last)."""
    head, sep, tail = (text or "").rpartition("\n\nNguồn: ")
    if not sep:
        return text, None
    return head, tail.strip()


def source_label(s: Source) -> str:
    number = s.doc_number if s.doc_number and s.doc_number[0].isdigit() else ""
    name = s.doc_title + (f" ({number})" if number else "")
    return f"{name} — {s.section}" if s.section else name


def answer_blocks(answer: Answer) -> list[Block]:
    facts, citation = split_citation(answer.text)
    blocks = [Block(line.strip()) for line in facts.split("\n") if line.strip()]
    if citation is None and answer.sources and not answer.abstained:
        citation = "; ".join(dict.fromkeys(source_label(s) for s in answer.sources[:1]))
    if citation:
        blocks.append(Block(citation, lead="📄 <b>Nguồn:</b> "))
    return blocks


def answer_messages(answer: Answer, limit: int = TELEGRAM_LIMIT) -> list[str]:
    return pack(answer_blocks(answer), limit)


def sources_blocks(sources: list[Source]) -> list[Block]:
    blocks = [Block("Trích dẫn", "b")]
    for i, s in enumerate(sources[:SHOWN_SOURCES], 1):
        blocks.append(Block(f"[{i}] {source_label(s)}", "b"))
        quote = s.text if len(s.text) <= QUOTE_LIMIT else s.text[: QUOTE_LIMIT - 1].rstrip() + "…"
        blocks.append(Block(quote, "blockquote"))
        for fn in s.footnotes[:1]:
            blocks.append(Block(fn if len(fn) <= 300 else fn[:299] + "…", "i", lead="Chú thích: "))
    return blocks


def sources_messages(sources: list[Source], limit: int = TELEGRAM_LIMIT) -> list[str]:
    return pack(sources_blocks(sources), limit)


# -- HTML to plain text (the console shows the same replies without markup) ------------------
class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.quote = 0

    def handle_starttag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        if tag == "blockquote":
            self.quote += 1
            self.out.append("“")

    def handle_endtag(self, tag: str) -> None:
        if tag == "blockquote":
            self.quote -= 1
            self.out.append("”")

    def handle_data(self, data: str) -> None:
        self.out.append(data)


def to_plain(html_text: str) -> str:
    p = _Text()
    p.feed(html_text)
    p.close()
    return "".join(p.out)
