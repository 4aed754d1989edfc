"""The corpus's facts, built once per index (`Library`), and what one question gathers from
them (`Evidence`): its target documents, its best passages, and the duties, rows and
sections of those documents — so that no rule parses or searches again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from retrieval.answering.question import Question, language_data
from retrieval.answering.targets import DocumentCatalog, Target, named
from retrieval.documents.model import AdminDocument, Law, Node, Reference
from retrieval.documents.passages import Chunk, citation_name
from retrieval.documents.references import number_key
from retrieval.facts.obligations import Obligation
from retrieval.facts.people import Person, people_in
from retrieval.facts.units import Resolution, Unit, Units, key, load_units
from retrieval.index.retriever import Hit
from retrieval.lang.glossary import Glossary
from retrieval.lang.text import Syllable, clean_inline, fold, marked, syllables


@dataclass
class Library:
    """Everything an answer may cite, indexed for the rules."""

    documents: dict[str, AdminDocument | Law]
    admin: list[AdminDocument]
    catalog: DocumentCatalog
    obligations: list[Obligation]
    references: dict[str, tuple[Reference, AdminDocument]]  # number key -> (what a document says of it, that document)
    chunks: list[Chunk]
    chunk_by_id: dict[str, Chunk]
    by_section: dict[tuple[str, str], list[Chunk]]
    units: Units
    glossary: Glossary
    people: list[Person]  # signers and the people the texts introduce, with their offices
    scope: str  # "8 văn bản của UBND tỉnh Hưng Yên và 28 luật", for the "không tìm thấy" reply
    by_doc: dict[str, list[Chunk]] = field(default_factory=dict)  # a document's chunks, in order
    law_titles: dict[str, str] = field(default_factory=dict)  # law doc id -> its title folded
    # number key -> every distinct document cited under it: "Chỉ thị số 26/CT-TTg" of 2016 and
    # of 2024 are two documents that share a number, told apart by their dates
    cited_under: dict[str, list[tuple[Reference, AdminDocument]]] = field(default_factory=dict)
    _spelled: dict[str, str] = field(default_factory=dict, repr=False)
    _by_date: dict[tuple[int, int, int], list[Chunk]] | None = field(default=None, repr=False)
    _spread: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)
    _duty_texts: dict[int, tuple[str, str]] = field(default_factory=dict, repr=False)
    _pairs: dict[str, frozenset[tuple[str, str]]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, documents: list, chunks: list[Chunk], obligations: list[Obligation], units: Units,
              glossary: Glossary) -> "Library":
        admin = [d for d in documents if isinstance(d, AdminDocument)]
        refs: dict[str, tuple[Reference, AdminDocument]] = {}
        under: dict[str, list[tuple[Reference, AdminDocument]]] = {}
        for d in admin:
            for r in d.references:
                k = number_key(r.number)
                cur = refs.get(k)
                if cur is None or _richness(r) > _richness(cur[0]):
                    refs[k] = (r, d)
                _add_variant(under.setdefault(k, []), r, d)
        by_section: dict[tuple[str, str], list[Chunk]] = {}
        by_doc: dict[str, list[Chunk]] = {}
        for c in chunks:
            by_section.setdefault((c.doc_id, c.section), []).append(c)
            by_doc.setdefault(c.doc_id, []).append(c)
        n_laws = sum(isinstance(d, Law) for d in documents)
        issuers = sorted({_province(d) for d in admin if _province(d)})
        scope = []
        if admin:
            scope.append(f"{len(admin)} văn bản" + (f" của {', '.join(issuers)}" if issuers else ""))
        if n_laws:
            scope.append(f"{n_laws} luật")
        return cls(
            documents={d.doc_id: d for d in documents}, admin=admin,
            # abbreviations spelled out: "CCHC" counts as the common words it stands for
            catalog=DocumentCatalog(admin, [f"{c.text} {glossary.expand(c.text)}" for c in chunks
                                            if c.doc_id in {d.doc_id for d in admin}]),
            obligations=obligations, references=refs, chunks=chunks, chunk_by_id={c.chunk_id: c for c in chunks},
            by_section=by_section, units=units, glossary=glossary,
            people=[p for d in admin for p in people_in(d, chunks)],
            scope=" và ".join(scope) or "chưa có văn bản nào",
            by_doc=by_doc, law_titles={d.doc_id: fold(d.title) for d in documents if isinstance(d, Law) and d.title},
            cited_under=under,
        )

    def stating(self, date: tuple[int, int, int]) -> list[Chunk]:
        """The passages that state a full date (day, month, year): the dates of every passage
        read once, on the first question that gives one."""
        if self._by_date is None:
            by_date: dict[tuple[int, int, int], list[Chunk]] = {}
            for c in self.chunks:
                if c.kind not in ("footnote", "meta"):
                    for d in _full_dates(c.text):
                        by_date.setdefault(d, []).append(c)
            self._by_date = by_date  # whole, as `warm` may build it beside a question
        return self._by_date.get(date, [])

    def warm(self) -> None:
        """Read now what the rules read once a document: the first question on a law of a
        thousand passages paid 50–90 ms for its spread and its pairs. A serving process runs
        this in the background once it has loaded; each table is stored whole when done, so a
        question beside it reads it complete or builds its own."""
        self.stating((1, 1, 1))
        for doc_id in self.by_doc:
            self.spread(doc_id)
            self.said_pairs(doc_id)
        for o in self.obligations:
            self.duty_texts(o)

    def spread(self, doc_id: str) -> dict[str, float]:
        """The share of a document's passages each folded syllable stands in: "Ban Chỉ đạo" is
        in every passage of the decision that sets it up, so it cannot tell them apart."""
        out = self._spread.get(doc_id)
        if out is None:
            chunks = [c for c in self.by_doc.get(doc_id, []) if c.kind not in ("footnote", "meta")]
            counts: dict[str, int] = {}
            for c in chunks:
                # not through `_folded_words`: a document's every passage would crowd out its cache
                for w in {fold(x) for x in syllables(c.text)}:
                    counts[w] = counts.get(w, 0) + 1
            out = self._spread[doc_id] = {w: n / len(chunks) for w, n in counts.items()} if chunks else {}
        return out

    def said_pairs(self, doc_id: str) -> frozenset[tuple[str, str]]:
        """The folded syllable pairs a document says, its abbreviations spelled out ("TTHC" says
        "thủ tục hành chính"). Read once a document."""
        out = self._pairs.get(doc_id)
        if out is None:
            # not through `_folded_words`: a whole document read once would crowd out its cache
            pairs: set[tuple[str, str]] = set()
            for c in self.by_doc.get(doc_id, []):
                words = [fold(w) for w in syllables(f"{c.context} {c.text}")]
                pairs.update(zip(words, words[1:]))
            said = {w for p in pairs for w in p}
            for abbr, meanings in self.glossary.entries.items():
                if all(w in said for w in fold(abbr).split()):
                    for m in meanings:
                        words = [fold(w) for w in syllables(m)]
                        pairs.update(zip(words, words[1:]))
            out = self._pairs[doc_id] = frozenset(pairs)
        return out

    def duty_texts(self, o: Obligation) -> tuple[str, str]:
        """A duty's facts (its action, what, to whom, via whom, by when; a table row's cells too)
        and its whole sentence, spelled out: each the same string question after question, so
        the words read of it are found again at once."""
        out = self._duty_texts.get(id(o))
        if out is None:
            row = ", dòng " in o.section
            facts = " ".join(x for x in (o.action, o.what or "", o.recipient or "", o.via or "", o.deadline_text or "",
                                         o.text if row else "") if x)
            out = self._duty_texts[id(o)] = (self.spelled(facts), self.spelled(f"{o.sentence} {o.text}"))
        return out

    def spelled(self, text: str) -> str:
        """The text with its abbreviations spelled out and its spelled-out terms abbreviated,
        so "Chỉ số CCHC" matches "Chỉ số cải cách hành chính"; cached, texts repeat."""
        out = self._spelled.get(text)
        if out is None:
            out = self._spelled[text] = f"{text} {self.glossary.expand(text)}"
        return out

    def admin_doc(self, doc_id: str) -> AdminDocument | None:
        d = self.documents.get(doc_id)
        return d if isinstance(d, AdminDocument) else None

    def chunk_for(self, doc_id: str, section: str, text: str = "") -> Chunk | None:
        cands = self.by_section.get((doc_id, section), [])
        if text and len(cands) > 1:
            ft = fold(text)[:80]
            for c in cands:
                if ft and ft in fold(c.text):
                    return c
        return cands[0] if cands else None

    def citation_parts(self, chunk: Chunk) -> tuple[str, str]:
        """(the document as cited, where in it): ("Kế hoạch 68/KH-UBND … (UBND tỉnh, 15/4/2025)",
        "Phụ lục, dòng 4"); a footnote is its own name ("chú thích 13 của …, dẫn tại mục 2", "")."""
        doc = self.admin_doc(chunk.doc_id)
        if doc is None:
            return chunk.doc_title, chunk.section
        part = doc
        if ":kem-" in chunk.chunk_id:
            idx = int(chunk.chunk_id.split(":kem-")[1].split(":")[0]) - 1
            if 0 <= idx < len(doc.attachments):
                part = doc.attachments[idx]
        name = citation_name(part) if part is not doc else citation_name(doc)
        if part is not doc:
            name = f"{name} ({doc.issuer}, {doc.header.date.short()})"
        if chunk.kind == "footnote":
            n = chunk.section.split()[-1]
            fn = doc.footnotes.get(int(n)) if n.isdigit() else None
            where = ", ".join(fn.cited_in) if fn and fn.cited_in else ""
            return f"{chunk.section} của {name}" + (f", dẫn tại {where}" if where else ""), ""
        return name, chunk.section

    def citation(self, chunk: Chunk) -> str:
        name, where = self.citation_parts(chunk)
        return f"{name}, {where}" if where else name


def _year(r: Reference) -> str | None:
    m = re.search(r"(?:19|20)\d\d\b", r.date or "")
    return m.group(0) if m else None


def _add_variant(variants: list[tuple[Reference, AdminDocument]], r: Reference, d: AdminDocument) -> None:
    """One entry per distinct document: citations of another year are another document; a
    citation without a date is the same one as any other (the richest description kept)."""
    year = _year(r)
    for i, (v, vd) in enumerate(variants):
        if year is None or _year(v) is None or _year(v) == year:
            if _richness(r) > _richness(v) and (year is not None or _year(v) is None):
                variants[i] = (r, d)
            return
    variants.append((r, d))


def _richness(r: Reference) -> int:
    return (r.date is not None) + (r.issuer is not None) + 2 * (r.subject is not None)


def _province(d: AdminDocument) -> str:
    m = re.search(r"(tỉnh\s+[A-ZĐ][\wà-ỹ]*(?:\s+[A-ZĐ][\wà-ỹ]*)*)", d.issuer)
    return f"UBND {m.group(1)}" if m else ""


@dataclass
class Evidence:
    question: Question
    hits: list[Hit]
    targets: list[Target]
    docs: list[AdminDocument]  # the documents the question is about, best first
    named_docs: bool  # whether the question named them (number, subject, "văn bản này")
    units: list[Unit] = field(default_factory=list)  # the units it names (a unit, not a group)
    groups: list[str] = field(default_factory=list)  # the groups it names
    topic: list[str] = field(default_factory=list)  # what it is about (see `topic_tokens`)

    @property
    def doc_ids(self) -> set[str]:
        return {d.doc_id for d in self.docs}

    def units_besides_issuer(self) -> list[Unit]:
        """The units named other than the named document's issuer ("TB 71 VP UBND tỉnh ai ký":
        the Văn phòng names the document, it is not whose duty is asked)."""
        issuers = [fold(d.issuer) for d in self.docs] if self.named_docs else []
        # "Sở Khoa học và Công nghệ" issues as "Sở Khoa học và Công nghệ tỉnh Hưng Yên"
        return [u for u in self.units if not any(i.startswith(fold(u.name)) for i in issuers)]

    def top_admin(self, lib: Library, n: int = 3) -> list[AdminDocument]:
        out: list[AdminDocument] = []
        for h in self.hits[:n]:
            d = lib.admin_doc(h.chunk.doc_id)
            if d is not None and d not in out:
                out.append(d)
        return out


_FULL_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")


def _full_dates(text: str) -> frozenset[tuple[int, int, int]]:
    return frozenset((int(d), int(m), int(y)) for d, m, y in _FULL_DATE.findall(text))


def dated_passages(q: Question, lib: Library, limit: int = 3) -> list[Chunk]:
    """The passages that state every full date the question gives ("từ 01/7/2025 đến
    15/9/2025", "họp ngày 19/9/2025"): a date written out names its passage better than any
    word. None when many passages hold them all: a common date picks nothing."""
    asked = sorted(_full_dates(" ".join(q.dates)))
    if not asked:
        return []
    # the passages that state the first date and every other
    others = [{c.chunk_id for c in lib.stating(d)} for d in asked[1:]]
    holding = [c for c in lib.stating(asked[0]) if all(c.chunk_id in ids for ids in others)]
    return holding if len(holding) <= limit else []


def dated_first(hits: list[Hit], holding: list[Chunk]) -> list[Hit]:
    """The hits with the passages that state the question's dates (`dated_passages`) first."""
    if not holding:
        return hits
    ids = {c.chunk_id for c in holding}
    top = hits[0].score if hits else 1.0
    ranked = {h.chunk.chunk_id: h for h in hits}
    first = [ranked.get(c.chunk_id) or Hit(c, top, c.chunk_id) for c in holding]
    return [*first, *(h for h in hits if h.chunk.chunk_id not in ids)]


def gather(q: Question, hits: list[Hit], targets: list[Target], lib: Library) -> Evidence:
    targets = [t for t in targets if named(t)]
    named_docs = bool(targets)
    docs = [t.doc for t in targets]
    if not docs:
        for h in hits[:5]:
            d = lib.admin_doc(h.chunk.doc_id)
            if d is not None and d not in docs:
                docs.append(d)
    units: list[Unit] = []
    groups: list[str] = []
    for r in q.units:
        if r.unit is not None and r.unit not in units:
            units.append(r.unit)
        elif r.group is not None and r.group.name not in groups:
            groups.append(r.group.name)
    ev = Evidence(q, hits, targets, docs, named_docs, units, groups)
    # a question about the named document itself ("Quyết định 2210 công bố bao nhiêu thủ tục?")
    # has its subject for topic
    ev.topic = topic_tokens(q, ev=ev) or topic_tokens(q, ev=ev, subject=False)
    return ev


# -- matching words ---------------------------------------------------------------------------
def topic_tokens(q: Question, drop_units: list[Resolution] | None = None, ev: "Evidence | None" = None,
                 subject: bool = True) -> list[str]:
    """The question's topic: content syllables without the names of the units it asks about,
    of the document it names, nor the words its subject quotes (they chose the document), nor
    bare small numbers ("15 giờ 00")."""
    drop: set[str] = set(q.naming)
    content = list(q.content)
    if ev is not None and ev.targets and subject:
        # the words that describe the named document ("Chỉ thị 05 về kỷ luật, kỷ cương") chose
        # it; within it they say nothing about which passage. Only phrases count: a lone
        # syllable of the subject ("cao" of "nâng cao") may well be the topic ("báo cáo")
        pairs: set[tuple[str, str]] = set()
        for t in ev.targets:
            words = [fold(w) for w in syllables(f"{t.doc.kind} {t.doc.subject}")]
            pairs |= set(zip(words, words[1:]))
        keep = [True] * len(content)
        for i, pair in enumerate(zip(content, content[1:])):
            if pair in pairs:
                keep[i] = keep[i + 1] = False
        content = [t for t, k in zip(content, keep) if k]
    drop |= {t for t in content if t.isdigit() and len(t) <= 2}
    # "những cơ quan, đơn vị nào": the kind of thing asked for, not the topic
    for kind in asked_kinds(q):
        drop |= set(kind.split())
    for r in drop_units if drop_units is not None else q.units:
        names = [r.name]
        if r.unit is not None:
            names += [r.unit.short, *r.unit.aliases]
        for n in names:
            drop |= set(fold(n).replace("&", " ").split())
    drop |= {"ubnd", "so", "tinh", "huyen", "xa", "phuong", "cac"}
    # the province's name ("tỉnh Hưng Yên") is where every document is from, not what one says
    province = list(_province_words())
    if province:
        width = len(province)
        at = [i for i in range(len(content) - width + 1) if content[i:i + width] == province]
        content = [t for i, t in enumerate(content) if not any(a <= i < a + width for a in at)]
    return [t for t in content if t not in drop]


@lru_cache(maxsize=1)
def _province_words() -> tuple[str, ...]:
    return tuple(key(load_units().province).split())


@lru_cache(maxsize=1)
def _numbered_pattern() -> re.Pattern[str]:
    things = language_data()["numbered_things"]
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in things) + r") (\d{1,2}|[ivx]{1,4})\b")


# a count of things ("146 hồ sơ", "02 máy quét"), not a date, a document's number or a share
_COUNTED = re.compile(r"(?<![\d/.,-])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/,.%-]) ([a-z]+ [a-z]+)")


def _numbered(folded: str) -> dict[str, set[str]]:
    """The things a text numbers ("giai đoạn 2") and the things it counts ("146 hồ sơ", keyed
    by the counted words): a question that counts 146 files is not about a passage that counts
    218 of them and never 146."""
    out: dict[str, set[str]] = {}
    for word, num in _numbered_pattern().findall(folded):
        out.setdefault(word, set()).add(num)
    stop = _count_stopwords()
    for num, noun in _COUNTED.findall(_numbered_pattern().sub(" ", folded)):
        if noun.split()[0] not in stop:
            out.setdefault("#" + noun, set()).add(str(int(num.replace(".", ""))))
    return out


@lru_cache(maxsize=1)
def _count_stopwords() -> frozenset[str]:
    return frozenset(language_data()["count_stopwords"])


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def years_disagree(question_folded: str, text: str) -> bool:
    """Whether the question is about a year ("chỉ tiêu năm 2026") the text is not about while
    it names others ("kết quả năm 2025")."""
    asked = set(_YEAR.findall(re.sub(r"\d+/[\w/-]+", " ", question_folded)))  # not the year of a number
    folded = fold(text)
    said = set(_YEAR.findall(folded))
    # "giai đoạn 2026 - 2028" is about 2027 too
    for a, b in re.findall(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", folded):
        said |= {str(y) for y in range(int(a), int(b) + 1)} if int(b) - int(a) <= 10 else set()
    return bool(asked and said and not asked & said)


def numbers_agree(question_folded: str, text: str) -> bool:
    """Whether the text numbers every thing the question numbers as the question does
    ("giai đoạn 2" asked, "Giai đoạn 2 (năm 2027 - 2028)" here)."""
    asked, said = _numbered(question_folded), _numbered(fold(clean_inline(text)))
    return bool(asked) and all(w in said and nums & said[w] for w, nums in asked.items())


def numbers_disagree(question_folded: str, text: str) -> bool:
    """Whether the question numbers a thing ("giai đoạn 1", "đợt 2") that the text numbers
    otherwise, and never as the question does."""
    asked, said = _numbered(question_folded), _numbered(fold(clean_inline(text)))
    return any(w in said and not (nums & said[w]) for w, nums in asked.items())


def overlap(tokens: list[str], text: str, spread: dict[str, float] | None = None) -> float:
    """Share of `tokens` found in `text`, with a bonus for pairs found side by side. With the
    `spread` of the text's document, a word found in most of its passages counts for little. A
    syllable the user typed with diacritics is found only as typed ("họp" is not in "tổng hợp")."""
    if not tokens:
        return 0.0
    have, pairs, marked_words = _folded_words(text)
    hit = [t in have and (not isinstance(t, Syllable) or t.marks in marked_words) for t in tokens]
    if not any(hit):
        return 0.0  # most texts a question is scored against: every duty of the corpus
    weight = [1.0 - 0.8 * spread.get(t, 0.0) for t in tokens] if spread else [1.0] * len(tokens)
    single = sum(w for w, h in zip(weight, hit) if h) / sum(weight)
    n_pairs = len(tokens) - 1
    bonus = sum(1 for i in range(n_pairs) if hit[i] and hit[i + 1] and (tokens[i], tokens[i + 1]) in pairs) / n_pairs \
        if n_pairs > 0 else 0.0
    return 0.7 * single + 0.3 * bonus


@lru_cache(maxsize=20_000)
def _folded_words(text: str) -> tuple[frozenset[str], frozenset[tuple[str, str]], frozenset[str]]:
    """A text's folded syllables, adjacent pairs and syllables with their marks: the rules score
    the same duty sentences and passages against question after question."""
    typed = syllables(text)
    words = [fold(w) for w in typed]
    return frozenset(words), frozenset(zip(words, words[1:])), frozenset(marked(w) for w in typed)


KINDS = ("co quan", "don vi", "dia phuong", "to chuc", "ca nhan", "so", "ban nganh", "huyen", "thi xa", "thanh pho",
          "xa", "phuong")


def asked_kinds(q: Question) -> list[str]:
    """"Những sở nào", "những cơ quan, đơn vị nào": the kinds of entity a list question asks for."""
    out = []
    for m in re.finditer(r"\b(?:nhung|cac)\s+((?:[a-z]+[ ,]+){1,5}?)nao\b", q.folded):
        words = m.group(1).replace(",", " ")
        out += [k for k in KINDS if re.search(rf"\b{k}\b", words)]
    for m in re.finditer(r"\b(?:bao nhieu|may)\s+((?:[a-z]+ ){0,2}[a-z]+)", q.folded):  # "bao nhiêu đơn vị"
        out += [k for k in KINDS if re.match(rf"{k}\b", m.group(1)) and k not in out]
    return out


def node_text(n: Node) -> str:
    return f"{n.heading} {n.text}".strip()




def about_documents(q: Question, ev: Evidence) -> bool:
    """"Ai ký văn bản này?", "kế hoạch ban hành ngày nào?": a document fact asked with no
    topic besides it (it cannot be off topic, however little its words match a passage)."""
    from retrieval.answering.slots import DOCUMENT_SLOT_WORDS

    words = DOCUMENT_SLOT_WORDS.get(q.primary)
    return words is not None and all(t in words for t in ev.topic)
