"""A span of time a document states: "Lịch công tác tuần 12 áp dụng từ ngày nào đến ngày
nào?", "số liệu của báo cáo tính từ ngày nào đến ngày nào?": the span whose sentence, or the
title it stands in, fits the question best."""

from __future__ import annotations

import datetime as dt

from retrieval.answering.draft import Draft, end, upper_first
from retrieval.answering.evidence import Evidence, Library, overlap
from retrieval.answering.question import Question
from retrieval.documents.model import AdminDocument
from retrieval.documents.passages import Chunk
from retrieval.facts.deadlines import find_spans
from retrieval.lang.text import clean_inline


def _sentence_around(text: str, start: int, stop: int) -> str:
    """The clause a span stands in: from the last break before it (sentence, comma, bracket) to
    the end of the span, or the sentence when the span opens it."""
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind(",", 0, start),
            text.rfind("(", 0, start), text.rfind(";", 0, start)) + 1
    ends = [i for i in (text.find(". ", stop), text.find("\n", stop), text.find(";", stop), text.find(",", stop),
                        text.find(")", stop)) if i >= 0]
    return text[a: min(ends) if ends else len(text)].strip()


def _places(d: AdminDocument, lib: Library) -> list[tuple[str, Chunk | None, bool]]:
    """(text, the passage that holds it, whether it is the document's title)."""
    chunks = lib.by_doc.get(d.doc_id, [])
    return [(d.subject, chunks[0] if chunks else None, True), *((c.text, c, False) for c in chunks)]


def period(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    if not q.asks("period") or not ev.docs:
        return None
    docs = ev.docs[:1] if ev.named_docs else ev.top_admin(lib, 2)
    best: tuple[float, str, str, Chunk | None, AdminDocument] | None = None
    for d in docs:
        for text, chunk, title in _places(d, lib):
            text = clean_inline(text) if title else text
            for a, b in find_spans(text):
                sentence = _sentence_around(text, a, b)
                # a span in the title is the document's own: the whole title says what it is of
                fit = overlap(ev.topic, f"{d.kind} {text if title else sentence}") + (0.2 if title else 0.0)
                if best is None or fit > best[0]:
                    best = (fit, text[a:b], sentence, chunk, d)
    if best is None or best[0] < 0.3:
        return None
    fit, span, sentence, chunk, d = best
    head = upper_first(span.strip())
    said = sentence.strip(" ()")
    text = end(f"{head} (theo {d.short_name}" + (f": “{said}”)" if said.lower() != span.strip().lower() else ")"))
    # a span asked in so many words ("từ ngày nào đến ngày nào") is this rule's to answer
    return Draft(text, [chunk] if chunk is not None else [], "period", 1.0 if fit >= 0.5 else 0.75 + fit / 2,
                 doc_id=d.doc_id)


__all__ = ["period"]
