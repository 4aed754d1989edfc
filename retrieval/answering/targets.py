"""Which documents a question is about: by number, by type and subject words, by year, by
the chat's last document ("văn bản này") — or, failing those, the documents its best
passages come from. Several equally good candidates make the question ambiguous."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import AdminDocument
from ..references import number_key
from ..text import fold, syllables
from .question import QUESTION_WORDS, Question

# words of a subject that say nothing about which document it is
_SUBJECT_NOISE = QUESTION_WORDS | frozenset(
    "tinh hung yen nam ve viec cua tai tren dia ban nha nuoc ubnd uy ban nhan dan thuc hien trien khai "
    "van ban ke hoach quyet dinh chi thi thong bao bao cao cong van quy che".split()
)


@dataclass
class Target:
    doc: AdminDocument
    score: float
    why: str  # "number" | "subject" | "context" | "passages"


@dataclass
class DocumentCatalog:
    """The corpus's administrative documents, as a question may name them."""

    docs: list[AdminDocument]
    _subjects: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for d in self.docs:
            words: set[str] = set()
            for part in [d, *d.attachments]:
                words |= {fold(w) for w in syllables(f"{part.subject} {part.kind}")}
            self._subjects[d.doc_id] = words - _SUBJECT_NOISE

    def by_id(self, doc_id: str) -> AdminDocument | None:
        return next((d for d in self.docs if d.doc_id == doc_id), None)

    def by_number(self, q: Question) -> list[AdminDocument]:
        out = []
        for d in self.docs:
            if d.header.number.blank:
                continue
            if any(m.matches(d.number) for m in q.documents.numbers):
                out.append(d)
        return out

    def kinds_of(self, d: AdminDocument) -> set[str]:
        return {d.kind, *(a.kind for a in d.attachments)}

    def by_subject(self, q: Question) -> list[tuple[float, AdminDocument]]:
        """Documents whose type and subject words the question uses, best first."""
        qwords = set(q.content)
        scored = []
        for d in self.docs:
            subj = self._subjects[d.doc_id]
            if not subj:
                continue
            shared = qwords & subj
            score = len(shared) / max(4, min(len(subj), 12))
            kinds = self.kinds_of(d)
            if q.documents.kinds and kinds & set(q.documents.kinds):
                score += 0.25
            if q.documents.year and d.header.date.year and q.documents.year in (d.header.date.year,):
                score += 0.1
            elif q.documents.year and str(q.documents.year) in d.subject:
                score += 0.1
            if score > 0:
                scored.append((score, d))
        return sorted(scored, key=lambda x: -x[0])


def find_targets(q: Question, catalog: DocumentCatalog, context_doc: str | None,
                 cited: set[str]) -> list[Target]:
    """The documents the question names, most certain first; [] when it names none.

    `cited` holds the numbers the corpus only cites: a question about one of those is about
    the citing passage, not about a document of the corpus."""
    by_number = catalog.by_number(q)
    if by_number:
        return [Target(d, 1.0, "number") for d in by_number]
    if q.documents.this and context_doc:
        d = catalog.by_id(context_doc)
        if d is not None:
            return [Target(d, 0.9, "context")]
    if q.documents.numbers and any(number_key(n.full or "") in cited for n in q.documents.numbers if n.full):
        return []
    ranked = catalog.by_subject(q)
    if not ranked:
        return []
    best = ranked[0][0]
    # a type word plus at least two subject words, or three subject words, names a document
    if best < 0.45:
        return []
    return [Target(d, s, "subject") for s, d in ranked if s >= best - 0.1][:3]


def ambiguous(targets: list[Target]) -> bool:
    return len(targets) > 1 and targets[0].why == "subject" and targets[1].score >= targets[0].score - 0.05


def doc_year(d: AdminDocument) -> int:
    return d.header.date.year or 0


def newest_first(docs: list[AdminDocument]) -> list[AdminDocument]:
    def when(d: AdminDocument) -> tuple[int, int, int]:
        dd = d.header.date
        return (dd.year or 0, dd.month or 0, dd.day or 0)

    return sorted(docs, key=when, reverse=True)


def mentions_year(q: Question) -> int | None:
    m = re.search(r"\b(20\d\d)\b", q.text)
    return int(m.group(1)) if m else None
