"""Plain data passed between stages: read -> model -> chunk -> index -> retrieve -> answer.

The administrative document model lives in `document.py`; a law keeps the article model
below (Hiến pháp, Bộ luật, Luật, Pháp lệnh are cited by article).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .document import AdminDocument, Footnote, Reference

__all__ = ["AdminDocument", "Answer", "Article", "Chunk", "Document", "Footnote", "Law", "Reference", "Source"]


@dataclass
class Article:
    number: str
    heading: str
    paragraphs: list[str]
    chapter: str | None = None


@dataclass
class Law:
    doc_id: str
    source: str
    title: str  # "Luật Hôn nhân và gia đình"
    number: str  # "52/2014/QH13" or ""
    articles: list[Article]
    preamble: list[str] = field(default_factory=list)


Document = AdminDocument | Law


@dataclass
class Chunk:
    """One retrievable unit with everything needed to cite it."""

    chunk_id: str
    doc_id: str
    doc_title: str
    doc_number: str
    kind: str  # meta | preamble | section | point | footnote | closing | paragraph
    section: str  # human citation: "mục 2", "mục 1.a", "chú thích 13", "Điều 3 khoản 2"
    article: str | None
    text: str  # the passage as it appears in the document (footnote marks removed)
    context: str  # heading path that travels with the passage into both indexes
    footnotes: list[str] = field(default_factory=list)  # texts of footnotes it cites
    numbers: list[str] = field(default_factory=list)  # document numbers it mentions (normalised)
    defines: list[str] = field(default_factory=list)  # numbers this passage describes (a reference)

    def dense_text(self) -> str:
        return f"{self.context}\n{self.text}" if self.context else self.text

    def lexical_text(self) -> str:
        extra = " ".join(self.footnotes)
        return f"{self.context}\n{self.text}\n{extra}".strip()


@dataclass
class Source:
    doc_title: str
    doc_number: str
    article: str | None
    section: str
    text: str
    score: float
    chunk_id: str = ""
    footnotes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "doc_title": self.doc_title,
            "doc_number": self.doc_number,
            "article": self.article,
            "section": self.section,
            "text": self.text,
            "score": round(float(self.score), 4),
            "footnotes": self.footnotes,
        }


@dataclass
class Answer:
    text: str
    sources: list[Source]
    abstained: bool
    intent: str = "passage"  # the rule that answered
    doc_id: str | None = None  # the document it answers from: what "văn bản này" means next
    choices: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, label) to pick from
    latency_ms: float = 0.0

    def to_json(self, question: str) -> dict[str, object]:
        out: dict[str, object] = {
            "question": question,
            "answer": self.text,
            "abstained": self.abstained,
            "intent": self.intent,
            "sources": [s.to_json() for s in self.sources],
        }
        if self.choices:
            out["choices"] = [{"doc_id": d, "label": label} for d, label in self.choices]
        return out
