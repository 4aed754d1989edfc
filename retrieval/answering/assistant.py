"""Assistant: question in, a short exact answer with its sources out.

One pass: the question is read once (`Question`: restored diacritics, units, documents,
parts, slots); the documents it names are found; retrieval runs once with them lifted; the
evidence is gathered once; every rule drafts what it can and the best draft is rendered,
facts first, then "Nguồn:" with document and section. With no draft, the best passage
speaks — unless the corpus is off topic, or the passage cannot fill the asked slot, when
the answer says the documents do not state it.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

from retrieval.answering import rules
from retrieval.answering.abstain import Thresholds, out_of_scope
from retrieval.answering.answer import Answer, Source
from retrieval.answering.draft import Draft, shorten, unique
from retrieval.answering.evidence import Library, about_documents, dated_first, dated_passages, gather
from retrieval.answering.focus import readable
from retrieval.answering.question import Question, parse_documents, read_question, with_slots
from retrieval.answering.rules.figures import value_not_given
from retrieval.answering.slots import SLOTS, decide
from retrieval.answering.subject_terms import unit_unsaid, unsaid
from retrieval.answering.targets import Target, ambiguous, find_targets, named
from retrieval.documents.model import AdminDocument, Law
from retrieval.documents.passages import Chunk
from retrieval.documents.references import number_key
from retrieval.embedding.embedder import Embedder, make_embedder
from retrieval.facts.obligations import Obligation, extract_obligations
from retrieval.facts.subjects import SubjectReader
from retrieval.facts.units import units_for_index
from retrieval.index.examples import LabelledExamples, load_labelled
from retrieval.index.retriever import FusionParams, Hit, HybridRetriever, PreparedQuery
from retrieval.index.stored import IndexError_, LoadedIndex, load_index, read_manifest
from retrieval.lang.glossary import Glossary
from retrieval.lang.lexicon import load_lexicon, lower_same_length
from retrieval.lang.text import fold, nfc

MAX_QUESTION_CHARS = 1000
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
log = logging.getLogger(__name__)

ABSTAIN_TEXT = (
    "Tôi không tìm thấy nội dung này trong các văn bản đang có ({scope}). "
    "Bạn có thể hỏi về nhiệm vụ, thời hạn báo cáo, đơn vị chịu trách nhiệm hoặc các văn bản được dẫn chiếu."
)


def _known_slots(examples: LabelledExamples | None) -> LabelledExamples | None:
    """The index's examples of the slots this code knows (an older examples file may name others)."""
    if examples is None:
        return None
    keep = [i for i, s in enumerate(examples.labels) if s in SLOTS]
    return LabelledExamples([examples.labels[i] for i in keep], [examples.texts[i] for i in keep], examples.vectors[keep])


class Assistant:
    def __init__(self, index: LoadedIndex, embedder: Embedder, glossary: Glossary | None = None,
                 params: FusionParams | None = None, thresholds: Thresholds | None = None,
                 clock: "callable[[], dt.date] | None" = None) -> None:  # type: ignore[valid-type]
        self.index = index
        self.embedder = embedder
        gl = glossary or Glossary.load(index.path / "glossary.tsv")
        self.retriever = HybridRetriever(index, embedder, gl, params)
        self.thresholds = thresholds or Thresholds(min_dense=float(index.manifest.get("abstain_dense", Thresholds.min_dense)))
        # the units that travel with this index; duty answers and the bot read these records
        self.units = units_for_index(index.path)
        admin = [d for d in index.documents if isinstance(d, AdminDocument)]
        self.obligations: list[Obligation] = [o for d in admin for o in extract_obligations(d, self.units)]
        self.library = Library.build(index.documents, index.chunks, self.obligations, self.units, self.retriever.glossary)
        # who a clause is about, read as the duty reader reads it (two asks in one message)
        self._subjects = SubjectReader(self.units, load_lexicon())
        self.slot_examples = _known_slots(load_labelled(index.path))
        self.clock = clock or (lambda: dt.datetime.now(TZ).date())

    def warm_in_background(self) -> threading.Thread:
        """What the rules read once a document, read now in a daemon thread: a serving process
        calls it once loaded, so no user's first question on a document waits for it."""
        worker = threading.Thread(target=self.library.warm, name="warm-library", daemon=True)
        worker.start()
        return worker

    # compatibility for callers that read these directly
    @property
    def documents(self) -> dict[str, AdminDocument | Law]:
        return self.library.documents

    @property
    def chunk_by_id(self) -> dict[str, Chunk]:
        return self.library.chunk_by_id

    @property
    def scope(self) -> str:
        return self.library.scope

    @classmethod
    def open(cls, index_dir: Path, embedder_spec: str | None = None, embedder: Embedder | None = None) -> "Assistant":
        """Load an index and the configured embedder (EMBEDDER, default onnx); refuse a mismatch."""
        manifest = read_manifest(index_dir)
        if embedder is None and embedder_spec is None:
            from retrieval.settings import Settings

            embedder_spec = Settings.from_env().embedder
        emb = embedder or make_embedder(embedder_spec or "")
        if manifest["embedder"] != emb.id:
            raise IndexError_(
                f"the index at {index_dir}/ was built with embedder {manifest['embedder']!r}, but the configured "
                f"embedder is {emb.id!r}: rebuild the index (python -m retrieval build) or set EMBEDDER to match"
            )
        return cls(load_index(index_dir, emb.id), emb)

    # -- entry point ------------------------------------------------------------------------
    def ask(self, question: str, top_k: int = 5, context_doc: str | None = None,
            chosen_doc: str | None = None) -> Answer:
        """`context_doc`: the document the chat last talked about ("văn bản này" means it);
        `chosen_doc`: the document the user picked when the question matched several."""
        t0 = time.perf_counter()
        text = nfc(question or "").strip()
        if not text:
            return Answer("Bạn chưa nhập câu hỏi. Hãy gõ một câu hỏi, ví dụ: “Sở Tư pháp phải báo cáo cho ai, chậm nhất khi nào?”",
                          [], True, "empty")
        if len(text) > MAX_QUESTION_CHARS:
            return Answer(f"Câu hỏi dài {len(text)} ký tự, vượt giới hạn {MAX_QUESTION_CHARS} ký tự. Hãy hỏi ngắn gọn một ý.",
                          [], True, "too_long")
        parts = self._two_asks(text)
        if parts is not None:
            answer = self._answer_both(parts, top_k, context_doc, chosen_doc)
        else:
            answer = self._answer(text, top_k, context_doc, chosen_doc)
        answer.latency_ms = (time.perf_counter() - t0) * 1000
        return answer

    def _two_asks(self, text: str) -> tuple[str, str] | None:
        """"Các xã báo cáo cho ai, trước ngày nào; Sở Nội vụ báo cáo ai?": two questions of two
        units in one message, each answered in full. One ";" between two asks, the second naming
        a unit the first does not."""
        if text.count(";") != 1:
            return None
        first, second = (x.strip(" ;?") for x in text.split(";"))
        if len(first.split()) < 3 or len(second.split()) < 3:
            return None
        def names(part: str) -> set[str]:
            found = {m.resolution.name for m in self.units.find(part)}
            # a subject the registry does not hold ("công chức địa chính xã …") opens the ask too
            opening = self._subjects.opening(part)
            if opening is not None and opening.subject.label:
                return found | {fold(opening.subject.label)}
            # else the words before its first verb of duty ("công chức địa chính xã giải quyết …")
            low = lower_same_length(part)
            verbs = self._subjects.lex.verbs_in(low)
            head = fold(part[:verbs[0][0]]).strip(" :,") if verbs else ""
            return found | ({head} if len(head.split()) >= 2 else set())
        theirs, mine = names(second), names(first)
        return (first + "?", second + "?") if theirs and not theirs <= mine else None

    def _answer_both(self, parts: tuple[str, str], top_k: int, context_doc: str | None,
                     chosen_doc: str | None) -> Answer:
        """Each ask answered on its own, the second in the document the first was answered from
        when it names none ("…; SKHCN báo cáo trước ngày mấy" of "KH 24: …")."""
        one = self._draft(parts[0], top_k, context_doc, chosen_doc)
        if isinstance(one, Answer):
            return one  # a choice to make, or nothing found: the first ask says so
        q2 = parse_documents(parts[1], fold(parts[1]))
        carried = chosen_doc or (one[0].doc_id if not (q2.numbers or q2.kinds or q2.this) else None)
        two = self._draft(parts[1], top_k, context_doc, carried)
        if isinstance(two, Answer):
            return self._render(one[0], one[1], top_k)
        (first, hits), (second, more) = one, two
        both = replace(first, text=f"{first.text.strip()}\n{second.text.strip()}", cited=unique([*first.cited, *second.cited]),
                       not_stated=first.not_stated and second.not_stated)
        seen = {h.chunk.chunk_id for h in hits}
        return self._render(both, [*hits, *(h for h in more if h.chunk.chunk_id not in seen)], top_k)

    def read(self, text: str) -> tuple[Question, np.ndarray, PreparedQuery]:
        """The question read once: restored, embedded, scored by BM25, its slots decided."""
        # its words read while it is embedded; its slots wait for the vector
        prepared, vector, words = self.retriever.read_beside(
            text, lambda p: read_question(text, p.restored, self.units))
        slots = decide(prepared.restored, vector, self.slot_examples)
        return with_slots(words, slots), vector, prepared

    def _answer(self, text: str, top_k: int, context_doc: str | None, chosen_doc: str | None = None) -> Answer:
        found = self._draft(text, top_k, context_doc, chosen_doc)
        return found if isinstance(found, Answer) else self._render(found[0], found[1], top_k)

    def _draft(self, text: str, top_k: int, context_doc: str | None,
               chosen_doc: str | None = None) -> Answer | tuple[Draft, list[Hit]]:
        """The draft that answers and the passages found, or an answer that needs no draft (a
        choice between documents, "không tìm thấy")."""
        text = readable(text)  # the asking part of a chatty message, chat words spelled out
        q, vector, prepared = self.read(text)
        lib = self.library
        cited_only = {k for k in lib.references}
        picked = lib.catalog.by_id(chosen_doc) if chosen_doc else None
        targets = [Target(picked, 1.0, "number")] if picked is not None else \
            find_targets(q, lib.catalog, context_doc, cited_only)
        # a named document is lifted above the rest; a subject only half quoted lifts nothing
        boost = {t.doc.doc_id: (2.0 if t.why in ("number", "context") else 0.5) for t in targets if named(t)}
        hits = self.retriever.search(text, top_k=max(top_k, 10), vector=vector, boost_docs=boost or None,
                                     prepared=prepared)
        holding = dated_passages(q, lib)
        hits = dated_first(hits, holding)
        # a date only one document states names that document ("ai chủ trì họp 19/9/2025?")
        dated = {c.doc_id for c in holding}
        dated_doc = lib.admin_doc(next(iter(dated))) if len(dated) == 1 else None
        if dated_doc is not None and not any(named(t) for t in targets):
            targets = [Target(dated_doc, 1.0, "date"), *targets]
        if q.documents.this and not targets:
            targets = this_among(q, hits, lib)
        ev = gather(q, hits, targets, lib)
        if ambiguous(targets) and not q.documents.numbers:
            return self._choose(q, targets, hits, top_k)
        drafts = rules.run(q, ev, lib, self.clock())
        # an off-topic question ("ai vô địch World Cup?") asks a slot too; no fact of the
        # documents answers it unless it names a document ("văn bản này" when only one can be
        # meant names it too), and "not stated, nearest passage …" is only for questions on the
        # documents' topic
        if not any(t.why in ("number", "context", "this") for t in targets) and not about_documents(q, ev) and \
                out_of_scope(q, hits, lib, self.retriever, self.thresholds):
            drafts = [d for d in drafts if d.rule in rules.TOPIC_FREE or d.topic_free]
            if not drafts:
                return Answer(ABSTAIN_TEXT.format(scope=lib.scope), [], True, "abstain")
        if not drafts:  # not even a passage shares the question's words
            return Answer(ABSTAIN_TEXT.format(scope=lib.scope), [], True, "abstain")
        draft = rules.compose(q, drafts) or drafts[0]
        # a passage found for the rest of the question's words answers something else when the
        # document never says what the question is about ("mức kỷ luật", "máy quét")
        # the only document of a kind the question names ("Tờ trình …: mấy máy chiếu?") is named
        meant = lib.catalog.only_of_kind(q)
        missing = unsaid(q, draft, lib, named=any(named(t) for t in targets) or (
            meant is not None and draft.doc_id == meant.doc_id), found=[h.chunk.doc_id for h in hits])
        if not missing:
            # a sum asked, a passage with none answered; a place asked, a document that never names it
            lacking = value_not_given(q, draft) or unit_unsaid(q, draft, lib)
            missing = [lacking] if lacking else []
        if missing:
            draft = not_said(draft, missing, lib)
        elif meant is not None:
            draft = self._other_document(q, draft, meant)
        return draft, hits

    def _other_document(self, q: Question, draft: Draft, meant: AdminDocument) -> Draft:
        """An answer drawn from another document than the one the question names by its kind
        alone, from a passage that does not speak of that kind: when the named document never
        says what is asked ("Đề án … mua bao nhiêu máy quét" answered from a meeting's minutes),
        the answer says so, and where the words were found."""
        if draft.doc_id in (None, meant.doc_id) or draft.not_stated:
            return draft
        kinds = {fold(k) for k in q.documents.document_only_kinds}
        if any(k in fold(c.text) or k in fold(c.context) for c in draft.cited for k in kinds):
            return draft  # the passage speaks of that document ("họp nghe báo cáo … Đề án …")
        missing = unsaid(q, replace(draft, doc_id=meant.doc_id), self.library, named=True, found=[])
        return not_said(replace(draft, doc_id=meant.doc_id), missing, self.library, found_in=draft.doc_id) \
            if missing else draft

    def _choose(self, q: Question, targets: list[Target], hits: list[Hit], top_k: int) -> Answer:
        lines = [f"Câu hỏi khớp với {len(targets)} văn bản:"]
        choices = []
        cited: list[Chunk] = []
        for i, t in enumerate(targets, 1):
            d = t.doc
            date = d.header.date.short()
            # "văn bản này gửi tới ai?" with several documents it may mean: what each one states,
            # when it is a fact of that document, so the choice is also an answer
            said = self._fact_of(q, hits, d) if t.why == "this" else None
            if said is not None:
                lines.append(f"{i}. {d.short_name}" + (f" ({date})" if date else "") + f" — {shorten(said.text.strip(), 240)}")
                cited.extend(said.cited[:1])
            else:
                about = "" if fold(d.subject) in fold(d.short_name) else f": {shorten(d.subject, 90)}"
                lines.append(f"{i}. {d.short_name}" + (f" ({date})" if date else "") + about)
            choices.append((d.doc_id, f"{d.short_name}"))
        lines.append("Bạn muốn hỏi văn bản nào? (chọn một, hoặc ghi số văn bản trong câu hỏi)")
        return Answer("\n".join(lines), self._sources(hits, top_k, cited), False, "choose", choices=choices)

    def _fact_of(self, q: Question, hits: list[Hit], doc: AdminDocument) -> Draft | None:
        """What the question's declared route finds in one document, when that is a fact of the
        document as a whole (not a passage standing in for one, not a duty, not "không nêu")."""
        ev = gather(q, hits, [Target(doc, 0.9, "this")], self.library)
        drafts = rules.run(q, ev, self.library, self.clock())
        draft = rules.compose(q, drafts) if drafts else None
        if draft is None or draft.rule not in rules.DOCUMENT_FACTS or draft.not_stated or draft.doc_id != doc.doc_id \
                or draft.score < 0.6:
            return None
        return draft

    # -- rendering ---------------------------------------------------------------------------
    def citation_line(self, cited: list[Chunk]) -> str:
        """"Kế hoạch 68/KH-UBND (UBND tỉnh Hưng Yên, 15/4/2025), Phụ lục, dòng 4; mục IV.1"."""
        groups: dict[str, list[str]] = {}
        for c in cited:
            name, where = self.library.citation_parts(c)
            places = groups.setdefault(name, [])
            if where and where not in places:
                places.append(where)
        # "Phụ lục" said once when "Phụ lục, dòng 4" already says it
        parts = []
        for name, places in groups.items():
            kept = [w for w in places if not any(o != w and o.startswith(w + ", ") for o in places)]
            parts.append(f"{name}, {'; '.join(kept)}" if kept else name)
        return "; ".join(parts)

    def _render(self, draft: Draft, hits: list[Hit], top_k: int) -> Answer:
        text = draft.text.strip()
        if draft.cited:
            text += "\n\nNguồn: " + self.citation_line(draft.cited) + "."
        abstained = draft.not_stated
        # a greeting or thanks says nothing of the documents: no passage is its source
        sources = [] if draft.rule == "conversation" else self._sources(hits, top_k, draft.cited)
        return Answer(text, sources, abstained, draft.rule, doc_id=draft.doc_id)

    def _sources(self, hits: list[Hit], top_k: int, first: list[Chunk]) -> list[Source]:
        chunks: list[tuple[Chunk, float]] = [(c, 1.0) for c in first]
        seen = {c.chunk_id for c in first}
        seen_units = {h.unit for h in hits if h.chunk.chunk_id in seen}
        for h in hits:
            if h.chunk.chunk_id in seen or h.unit in seen_units:
                continue
            seen.add(h.chunk.chunk_id)
            seen_units.add(h.unit)
            chunks.append((h.chunk, h.score))
        return [Source(c.doc_title, c.doc_number, c.article, c.section, c.text, s, c.chunk_id, c.footnotes)
                for c, s in chunks[:top_k]]


def not_said(draft: Draft, missing: list[str], lib: Library, found_in: str | None = None) -> Draft:
    """"Công điện 06/CĐ-UBND không nêu “kỷ luật”", with the nearest passage for the reader — and
    the document it is from, when that is another one (`found_in`)."""
    d = lib.admin_doc(draft.doc_id or "")
    who = d.short_name if d is not None else "Các văn bản đang có"
    terms = ", ".join(f"“{m}”" for m in missing[:2])
    near = shorten(draft.text.strip().split("\n")[0], 200)
    other = lib.admin_doc(found_in) if found_in else None
    where = f"{other.short_name} có nêu" if other is not None else "Đoạn gần nhất"
    return replace(draft, text=f"{who} không nêu {terms}.\n{where}: “{near}”", not_stated=True)


def this_among(q: Question, hits: list[Hit], lib: Library, most: int = 4) -> list[Target]:
    """"Văn bản này …" with no document talked about yet and more documents than a list can
    offer: the documents the question's words find first, to choose from (one alone is meant).
    "Gửi tới ai" is asked of a letter: the documents with a Kính gửi come first."""
    docs: list[AdminDocument] = []
    for h in hits[:8]:
        d = lib.admin_doc(h.chunk.doc_id)
        if d is not None and d not in docs:
            docs.append(d)
    if q.asks("recipients") and "noi nhan" not in q.folded:
        letters = [d for d in lib.documents.values() if isinstance(d, AdminDocument) and d.recipients]
        found = {d.doc_id: i for i, d in enumerate(docs)}
        letters.sort(key=lambda d: found.get(d.doc_id, len(found)))
        docs = [*letters, *(d for d in docs if d not in letters)]
    docs = docs[:most]
    return [Target(docs[0], 0.9, "this")] if len(docs) == 1 else [Target(d, 0.5, "this") for d in docs]


__all__ = ["ABSTAIN_TEXT", "Assistant", "MAX_QUESTION_CHARS", "Thresholds", "number_key"]
