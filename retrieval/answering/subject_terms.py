"""A near-topic question the documents do not answer: its subject's words are nowhere in the
document its answer comes from ("Công điện 06 quy định mức kỷ luật nào …" of a Công điện that
never says "kỷ luật"). A passage found for the rest of its words answers something else.

The subject is the question's compound words less those that frame what is asked (language
data in lang/data/question.yaml), the units, people and places it names, and the words that
name the document. Only short questions are judged: a chatty one tells its own story first."""

from __future__ import annotations

import re
from functools import lru_cache

from retrieval.answering.draft import Draft
from retrieval.answering.evidence import Library
from retrieval.answering.question import QUESTION_WORDS, Question, language_data
from retrieval.lang.text import fold, segment, syllables

# the answers drawn from words (a passage, a sentence with a figure, a list, a duty); a fact
# the document's form gives (its signer, its date, a person's office, a table's rows and
# columns the question named) is not judged
JUDGED = frozenset({"passage", "figures", "lists", "reporting", "unit_duties", "roles"})


@lru_cache(maxsize=1)
def _frame() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = language_data()
    return (frozenset(data.get("frame_words", [])), frozenset(data.get("frame_prefixes", [])),
            frozenset(data.get("first_person", [])))


def chatty(folded: str) -> bool:
    """A message that tells who asks ("em là …", "bên em đang …") or runs to two sentences."""
    _frame_words, _prefixes, first = _frame()
    words = f" {folded} "
    return any(f" {w} " in words for w in first) or len(re.findall(r"[.!?]\s+\S", folded)) >= 1


def subject_words(q: Question) -> list[tuple[list[str], str]]:
    """The question's subject: each compound word as its folded syllables, and as typed."""
    frame, prefixes, _first = _frame()
    named = {w for r in q.units for n in (r.name, r.text or "") for w in fold(n).split()}
    proper = {fold(w) for w in re.findall(r"(?<![.?!]\s)(?<!^)\b[A-ZĐÀ-Ỹ][\wÀ-ỹ]*", q.text)}
    out = []
    for word in segment(q.restored):
        if "_" not in word:
            continue
        syl = [fold(s) for s in syllables(word.replace("_", " "))]
        if len(syl) < 2 or (len(syl) == 2 and syl[0] in prefixes) or " ".join(syl) in frame \
                or all(s in QUESTION_WORDS for s in syl):
            continue  # "tổng phiếu": a frame's word and one of the subject's, said by the pairs of others
        if any(s in named or s in proper or s in q.naming or s.isdigit() for s in syl):
            continue
        out.append((syl, word.replace("_", " ")))
    return out


def unsaid(q: Question, draft: Draft, lib: Library, named: bool, found: list[str]) -> list[str]:
    """The subject words the answer's document never says (nor any pair of their syllables,
    compared folded, so a guessed spelling cuts no word wrong); when the question named no
    document, those none of the documents retrieval `found` says (a document that said them
    would be among those)."""
    if draft.rule not in JUDGED or draft.not_stated or draft.doc_id is None or chatty(q.folded):
        return []
    docs = [draft.doc_id] if named else list(dict.fromkeys([draft.doc_id, *found]))
    words = subject_words(q)
    # one document must say the whole subject: "lệ phí" in one and "chứng thực bản sao" in
    # another is no document about the fee for a copy
    unsaid_by = [[shown for syl, shown in words if not any(p in s for p in zip(syl, syl[1:]))]
                 for s in (lib.said_pairs(d) for d in docs)]
    return min(unsaid_by, key=len) if unsaid_by else []


# the answers that stand on what a passage or a table says of a place; a duty reaches a
# commune through its group ("UBND các xã, phường") without naming it
UNIT_JUDGED = frozenset({"passage", "figures", "table_cell", "table_query", "labelled", "lists", "navigation"})


def unit_unsaid(q: Question, draft: Draft, lib: Library) -> str | None:
    """The unit the question names that the answer's document never names ("Xã Phù Cừ quý
    I/2026: tỷ lệ toàn trình?" answered from a phường's own report): its figures are not there."""
    if draft.rule not in UNIT_JUDGED or draft.not_stated or draft.doc_id is None or chatty(q.folded):
        return None  # a chatty message names the asker's own unit, not what it asks about
    pairs = lib.said_pairs(draft.doc_id)
    words = {w for pair in pairs for w in pair}

    def said(name: str) -> bool:
        syl = [fold(x) for x in syllables(name)]
        return bool(syl) and (all(p in pairs for p in zip(syl, syl[1:])) if len(syl) >= 2 else syl[0] in words)

    for r in q.units:
        u = r.unit
        # a name read as typed ("Xã Phù Cừ", "sở tư pháp"), not a guess ("xã, phường" read as a
        # commune through a former name's alias)
        if u is None or u.authority or r.how not in ("exact", "kind") or fold(u.short) not in fold(r.text):
            continue
        if not any(said(n) for n in (u.short, u.name, *u.aliases) if n):
            return u.name
    return None


__all__ = ["JUDGED", "UNIT_JUDGED", "chatty", "subject_words", "unit_unsaid", "unsaid"]
