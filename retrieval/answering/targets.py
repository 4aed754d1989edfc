"""Which documents a question is about: by number, by type and subject words, by year, by
the chat's last document ("văn bản này") — or, failing those, the documents its best
passages come from. Several equally good candidates make the question ambiguous."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from retrieval.answering.question import QUESTION_WORDS, Question
from retrieval.answering.slots import DOCUMENT_SLOT_WORDS
from retrieval.documents.model import AdminDocument
from retrieval.documents.references import number_key
from retrieval.facts.units import load_units
from retrieval.lang.text import fold, syllables

DOCUMENT_SLOTS = frozenset(DOCUMENT_SLOT_WORDS)

# words of a subject that say nothing about which document it is
_SUBJECT_NOISE = QUESTION_WORDS | load_units().province_words() | frozenset(
    "tinh nam ve viec cua tai tren dia ban nha nuoc ubnd uy ban nhan dan thuc hien trien khai "
    "van ban ke hoach quyet dinh chi thi thong bao bao cao cong van quy che".split()
)


@dataclass
class Target:
    doc: AdminDocument
    score: float
    why: str  # "number" | "subject" | "context" | "passages" | "date" (the only document stating a date the question gives)


@dataclass
class DocumentCatalog:
    """The corpus's administrative documents, as a question may name them."""

    docs: list[AdminDocument]
    passages: list[str] = field(default_factory=list)  # the corpus's passages, for how common a word is
    _subjects: dict[str, list[str]] = field(default_factory=dict)
    _idf: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # a subject word the whole corpus uses ("kết quả", "công tác") says little about which
        # document is meant; one few passages use ("khảo sát", "bồi dưỡng") says much
        df: dict[str, int] = {}
        for text in self.passages:
            for w in {fold(x) for x in syllables(text)}:
                df[w] = df.get(w, 0) + 1
        n = max(len(self.passages), 1)
        for d in self.docs:
            words: list[str] = []
            for part in [d, *d.attachments]:
                words += [fold(w) for w in syllables(part.subject) if fold(w) not in _SUBJECT_NOISE]
            self._subjects[d.doc_id] = words
            for w in words:
                self._idf[w] = math.log(1 + n / max(df.get(w, 0), 1))

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

    def only_of_kind(self, q: Question) -> AdminDocument | None:
        """The one document of a kind the question names by a word that names only documents
        ("Đề án …" where the corpus holds one Đề án): the document it asks about, whatever of its
        subject it abridges."""
        only = set(q.documents.document_only_kinds)
        if not only or q.documents.numbers:
            return None
        docs = [d for d in self.docs if self.kinds_of(d) & only]
        return docs[0] if len(docs) == 1 else None

    def by_subject(self, q: Question) -> list[tuple[float, AdminDocument]]:
        """Documents whose subject the question quotes, best first: the share of the subject's
        distinctive words (weighted by how few subjects use them) the question has, more for
        words side by side as in the subject, with the type word and year as tie-breakers."""
        qwords = set(q.content)
        stated = set(q.documents.stated_kinds)
        qpairs = set(zip(q.content, q.content[1:]))
        scored = []
        for d in self.docs:
            subj = self._subjects[d.doc_id]
            if not subj:
                continue
            weight = sum(self._idf[w] for w in set(subj))
            shared = sum(self._idf[w] for w in set(subj) if w in qwords)
            # pairs weigh as their rarer word: "cải cách hành chính" side by side says little
            pairs = [p for p in zip(subj, subj[1:])]
            pair_weight = sum(min(self._idf[a], self._idf[b]) for a, b in pairs)
            pair_share = sum(min(self._idf[a], self._idf[b]) for a, b in pairs if (a, b) in qpairs) / max(pair_weight, 1e-6)
            score = 0.6 * shared / max(weight, 1e-6) + 0.4 * pair_share
            if score <= 0:
                continue
            if q.documents.kinds and self.kinds_of(d) & set(q.documents.kinds):
                score += 0.1
            if stated and not self.kinds_of(d) & stated:
                score -= OTHER_KIND  # "Quyết định tặng Bằng khen … 10 tháng" is not the month's Báo cáo
            year = d.header.date.year
            if q.documents.year and (q.documents.year == year or str(q.documents.year) in d.subject):
                score += 0.05
            # a subject is quoted only with what sets it apart: its rarest words, not only the
            # theme every document shares ("cải cách hành chính")
            rare = sorted(set(subj), key=lambda w: -self._idf[w])[:3]
            # … unless the question also names its kind as a document's
            if not (rare[0] in qwords or sum(w in qwords for w in rare) >= 2 or self.kinds_of(d) & stated):
                score = min(score, NAMING - 0.01)
            scored.append((score, d))
        # a document of the kind the question states, its subject well quoted, is the one meant
        # ("Số, ngày QĐ khen thưởng … hồ sơ đất đai quý III" quotes the quarter's Báo cáo too)
        if any(s >= 0.3 and self.kinds_of(d) & stated for s, d in scored):
            scored = [(s, d) for s, d in scored if self.kinds_of(d) & stated]
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
    # "kế hoạch này" with no document talked about yet, or "ai ký công văn" (a fact of a
    # document named by its kind alone): the only one of that kind, or a choice between
    # those there are, newest first
    ranked = catalog.by_subject(q)
    # … and nothing else: "thông báo kết luận kiểm tra tại huyện Văn Lâm là thông báo số mấy"
    # describes a document (maybe one the corpus only cites), it does not point at one
    slot_words = DOCUMENT_SLOT_WORDS.get(q.primary, frozenset())
    kind_words = {fold(w) for k in q.documents.kinds for w in k.split()}
    described = [t for t in q.content if t not in q.naming and t not in slot_words and t not in kind_words]
    bare_kind = (bool(q.documents.kinds) and q.primary in DOCUMENT_SLOTS and not described
                 and (not ranked or ranked[0][0] < 0.3))
    if q.documents.this or bare_kind:
        kinds = set(q.documents.kinds)
        cands = [d for d in catalog.docs if not kinds or d.kind in kinds]
        if q.documents.year:
            cands = [d for d in cands if doc_year(d) == q.documents.year] or cands
        if len(cands) == 1:
            return [Target(cands[0], 0.9, "this")]
        if 1 < len(cands) <= 6:
            return [Target(d, 0.5, "this") for d in newest_first(cands)]
    if q.documents.numbers and any(number_key(n.full or "") in cited for n in q.documents.numbers if n.full):
        return []
    if not ranked:
        return []
    best = ranked[0][0]
    second = ranked[1][0] if len(ranked) > 1 else 0.0
    # a good share of a subject's distinctive words, some side by side, names a document when
    # no other subject is quoted nearly as well; two about equally well quoted are both
    # candidates (the question is ambiguous)
    if best < 0.3 or (best < 0.45 and best - second < 0.1):
        return []
    return [Target(d, s, "subject") for s, d in ranked if s >= best - 0.03][:3]


OTHER_KIND = 0.15  # a document of another kind than the question states quotes its subject less
NAMING = 0.45  # a subject quoted this well names the document; below, it only leans towards it


def named(t: Target) -> bool:
    return t.why in ("number", "context", "date") or t.score >= NAMING


def ambiguous(targets: list[Target]) -> bool:
    """Two documents whose subjects the question quotes about equally well, both well enough;
    or "văn bản này" with several documents it may mean."""
    if len(targets) > 1 and targets[0].why == "this":
        return True
    return (len(targets) > 1 and targets[0].why == "subject" and named(targets[1])
            and targets[1].score >= targets[0].score - 0.03)


def doc_year(d: AdminDocument) -> int:
    return d.header.date.year or 0


def newest_first(docs: list[AdminDocument]) -> list[AdminDocument]:
    def when(d: AdminDocument) -> tuple[int, int, int]:
        dd = d.header.date
        return (dd.year or 0, dd.month or 0, dd.day or 0)

    return sorted(docs, key=when, reverse=True)

