"""Plain data passed between stages: read -> model -> chunk -> index -> retrieve -> answer.

The administrative document model lives in `document.py`; a law keeps the article model
below (Hiến pháp, Bộ luật, Luật, Pháp lệnh are cited by article).
"""


from __future__ import annotations

from dataclasses import dataclass, field


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

