"""A rule's answer before it is rendered: the facts, the passages that say them, how well
it answers the asked slot."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from retrieval.documents.passages import Chunk
from retrieval.lang.text import clean_inline


@dataclass
class Draft:
    text: str  # the facts, short, in Vietnamese
    cited: list[Chunk]  # the passages that say it, the main one first
    rule: str  # the rule's name, for logs and the answer's intent
    score: float  # 0..1: how well it answers what is asked
    not_stated: bool = False  # an honest "the documents do not say"
    choices: list[str] = field(default_factory=list)  # doc ids to choose between (an ambiguous question)
    doc_id: str | None = None  # the document it answers from ("văn bản này" next time)
    match: float = -1.0  # how much of the question's topic its evidence covers (-1: not measured)
    # answered from the facts alone, the question having no topic of its own ("Sở X phải làm gì?"
    # for a unit the documents reach only through its group): no passage need be on topic
    topic_free: bool = False
    # asked slots it answers beside its rule's own ("ngày nào, về việc gì": a date with its trích yếu)
    covers: frozenset[str] = frozenset()


def unique(chunks: "Iterable[Chunk | None]") -> list[Chunk]:
    """Chunks in order, each once, none missing."""
    seen: set[str] = set()
    out = []
    for c in chunks:
        if c is not None and c.chunk_id not in seen:
            seen.add(c.chunk_id)
            out.append(c)
    return out


def shorten(text: str, limit: int = 200) -> str:
    text = clean_inline(text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def end(text: str) -> str:
    text = text.rstrip().rstrip(".;,:")
    return text if text.endswith(("…", "?", "!")) else text + "."


def strip_label(text: str) -> str:
    """"a) Chủ trì …" -> "Chủ trì …"."""
    return re.sub(r"^(?:[a-zđ]\)|\d+(?:\.\d+)*\.|[-+•])\s*", "", clean_inline(text))
