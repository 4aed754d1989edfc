"""The answer rules, registered explicitly. Each takes the question, the evidence, the
library and today's date and returns a `Draft` or nothing; none names the content of a
particular document. Every rule that fires competes: the draft that answers the asked slot
best wins (ties go to the earlier rule); the passage rule answers with the best passage's
sentences when no fact does."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from retrieval.answering.draft import Draft
from retrieval.answering.evidence import Evidence, Library
from retrieval.answering.question import Question
from retrieval.answering.rules.cited import cited_document
from retrieval.answering.rules.duties import reporting, roles, unit_duties
from retrieval.answering.rules.fields import labelled
from retrieval.answering.rules.figures import figures
from retrieval.answering.rules.laws import law_facts
from retrieval.answering.rules.metadata import metadata, person, summary, which_document
from retrieval.answering.rules.passages import conversation, glossary, passage
from retrieval.answering.rules.structure import lists, navigation, structure_counts
from retrieval.answering.rules.tables import table_cell

RuleFn = Callable[[Question, Evidence, Library, dt.date], Draft | None]


@dataclass(frozen=True)
class Rule:
    name: str
    fn: RuleFn
    concept: str  # what it answers, for the README and logs


RULES: list[Rule] = [
    Rule("conversation", conversation, "a greeting or thanks"),
    Rule("glossary", glossary, "an abbreviation"),
    Rule("cited", cited_document, "a document another one cites: number, date, issuer, subject"),
    Rule("law_facts", law_facts, "a named law's number, effect date, article count, or an article it points to"),
    Rule("which_document", which_document, "which document of the corpus is about a subject"),
    Rule("metadata", metadata, "number, date, issuer, signer, effect, urgency, Kính gửi, Nơi nhận"),
    Rule("person", person, "who holds an office the question names, or that no document names one"),
    Rule("labelled", labelled, "a labelled line: the time, place, chair, participants of a meeting"),
    Rule("summary", summary, "what a document is about"),
    Rule("structure_counts", structure_counts, "how many chapters, articles, parts or appendices a document has"),
    Rule("navigation", navigation, "a part the question points to: Mục II, Chương III, Điều 5, Phụ lục"),
    Rule("table_cell", table_cell, "a cell of a table: a TTHC's time limit, place, fee, field; a task's product"),
    Rule("figures", figures, "a figure, a table's value, or that the documents give none"),
    Rule("roles", roles, "who leads and who cooperates, and when"),
    Rule("reporting", reporting, "to whom, via whom, by when, how long"),
    Rule("unit_duties", unit_duties, "a unit's duties in one document or in all"),
    Rule("lists", lists, "the entries of a list"),
    Rule("passage", passage, "the best passage's matching sentences"),
]
# rules that answer whatever the documents are about: they need no topic in common
TOPIC_FREE = frozenset({"conversation", "glossary"})


def run(q: Question, ev: Evidence, lib: Library, today: dt.date) -> list[Draft]:
    """Every draft the rules make, best first."""
    drafts: list[tuple[float, int, Draft]] = []
    for i, rule in enumerate(RULES):
        d = rule.fn(q, ev, lib, today)
        if d is not None:
            drafts.append((d.score, -i, d))
    drafts.sort(key=lambda x: (x[0], x[1]), reverse=True)
    out = [d for _s, _i, d in drafts]
    # a fact whose passage covers the question far less than the best passage does answers
    # something else ("ai chủ trì cuộc họp …" is not about a task): the passage speaks
    words = next((d for d in out if d.rule == "passage"), None)
    if out and words is not None and out[0] is not words and 0 <= out[0].match < 0.5 and words.match >= out[0].match + 0.3:
        out.remove(words)
        out.insert(0, words)
    return out
