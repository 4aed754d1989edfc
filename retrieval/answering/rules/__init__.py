"""The answer rules, registered explicitly. Each takes the question, the evidence, the
library and today's date and returns a `Draft` or nothing; none names the content of a
particular document. Every rule that fires competes: the draft that answers the asked slot
best wins (ties go to the earlier rule); the passage rule answers with the best passage's
sentences when no fact does."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Callable

from retrieval.answering.draft import Draft, unique
from retrieval.answering.evidence import Evidence, Library
from retrieval.answering.question import Question
from retrieval.answering.rules.cited import cited_document
from retrieval.answering.rules.duties import reporting, roles, unit_duties
from retrieval.answering.rules.fields import labelled
from retrieval.answering.rules.figures import figures
from retrieval.answering.rules.laws import law_facts
from retrieval.answering.rules.metadata import metadata, person, summary, which_document
from retrieval.answering.rules.passages import conversation, glossary, passage
from retrieval.answering.rules.periods import period
from retrieval.answering.rules.structure import lists, navigation, structure_counts
from retrieval.answering.rules.table_query import table_query
from retrieval.answering.rules.tables import table_cell

RuleFn = Callable[[Question, Evidence, Library, dt.date], Draft | None]


@dataclass(frozen=True)
class Rule:
    name: str
    fn: RuleFn
    concept: str  # what it answers, for the README and logs
    slots: frozenset[str] = frozenset()  # the asked slots its answer covers (declared routing)


def _slots(words: str) -> frozenset[str]:
    return frozenset(words.split())


RULES: list[Rule] = [
    Rule("conversation", conversation, "a greeting or thanks"),
    Rule("glossary", glossary, "an abbreviation"),
    Rule("cited", cited_document, "a document another one cites: number, date, issuer, subject", _slots("doc_number doc_date issuer summary")),
    Rule("law_facts", law_facts, "a named law's number, effect date, article count, or an article it points to", _slots("doc_number effect doc_date section")),
    Rule("which_document", which_document, "which document of the corpus is about a subject", _slots("summary doc_number")),
    Rule("metadata", metadata, "number, date, issuer, signer, effect, urgency, Kính gửi, Nơi nhận", _slots("doc_number doc_date issuer signer effect recipients")),
    Rule("person", person, "who holds an office the question names, or that no document names one", _slots("person signer")),
    Rule("labelled", labelled, "a labelled line: the time, place, chair, participants of a meeting", _slots("deadline person lead list")),
    Rule("period", period, "a span of time the document states: từ ngày … đến ngày …", _slots("period deadline")),
    Rule("summary", summary, "what a document is about", _slots("summary content")),
    Rule("structure_counts", structure_counts, "how many chapters, articles, parts or appendices a document has", _slots("figure")),
    Rule("navigation", navigation, "a part the question points to: Mục II, Chương III, Điều 5, Phụ lục", _slots("section content")),
    Rule("table_query", table_query, "a table asked as a table: highest, lowest, rows meeting a condition, a total, a row's asked columns", _slots("figure list deadline person")),
    Rule("table_cell", table_cell, "a cell of a table: a TTHC's time limit, place, fee, field; a task's product", _slots("figure deadline lead")),
    Rule("figures", figures, "a figure, a table's value, or that the documents give none", _slots("figure")),
    Rule("roles", roles, "who leads and who cooperates, and when", _slots("lead cooperate deadline")),
    Rule("reporting", reporting, "to whom, via whom, by when, how long", _slots("recipient via deadline duration")),
    Rule("unit_duties", unit_duties, "a unit's duties in one document or in all", _slots("duties deadline")),
    Rule("lists", lists, "the entries of a list", _slots("list")),
    Rule("passage", passage, "the best passage's matching sentences"),
]
# rules that answer whatever the documents are about: they need no topic in common
TOPIC_FREE = frozenset({"conversation", "glossary"})
# rules whose answer is a fact of the document as a whole (its header, subject, parts, span):
# each of several documents a question may mean can be told by it
DOCUMENT_FACTS = frozenset({"metadata", "summary", "structure_counts", "period", "labelled"})


# the slots a second fact may be added for: each says one thing a question can ask beside another
COMPOSABLE = frozenset({"summary", "period", "doc_date", "doc_number", "issuer", "signer", "effect", "recipient", "via",
                        "deadline", "lead", "cooperate", "figure", "person", "duration"})
_BY_NAME = {r.name: r for r in RULES}


def compose(q: Question, drafts: list[Draft]) -> Draft | None:
    """The best draft, with what other rules found for the slots it does not cover: "về nội
    dung gì, bắt đầu khi nào, ở đâu?" is a summary and a labelled line, each from the rule
    declared for it, of the same document."""
    if not drafts:
        return None
    first = drafts[0]
    rule = _BY_NAME.get(first.rule)
    if rule is None or first.not_stated or not rule.slots:
        return first  # a passage answers in its own words, whatever it is asked
    covered = set(rule.slots) | first.covers
    added: list[Draft] = []
    for slot in q.slots:
        if slot in covered or slot not in COMPOSABLE:
            continue
        other = next((d for d in drafts[1:] if d.rule in _BY_NAME and slot in _BY_NAME[d.rule].slots
                      and d.rule != first.rule and not d.not_stated and d.score >= 0.85
                      and (d.doc_id is None or first.doc_id is None or d.doc_id == first.doc_id)), None)
        if other is None or other in added:
            continue
        added.append(other)
        covered |= _BY_NAME[other.rule].slots | other.covers
        if len(added) == 2:
            break
    if not added:
        return first
    text = "\n".join([first.text.strip(), *(d.text.strip() for d in added)])
    cited = unique([c for d in [first, *added] for c in d.cited])
    return replace(first, text=text, cited=cited)


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
    if out and words is not None and out[0] is not words and 0 <= out[0].match < 0.65 and words.match >= out[0].match + 0.3:
        out.remove(words)
        out.insert(0, words)
    return out
