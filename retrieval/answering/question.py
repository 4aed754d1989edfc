"""A question, read once per ask: its text in every form the rules need, the units and
documents it names, the parts of a document it points to, and the slots it asks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from retrieval.answering.table_query import TableAsk, read_ask
from retrieval.documents.references import NumberMention, mentions_in_question
from retrieval.facts.units import Resolution, Units
from retrieval.lang.text import STOPWORDS, Syllable, fold, has_diacritics, nfc, segment, syllables

# question words and fillers: they say what is asked, not what about. Compared with accents
# where the question has them: folded, "đúng" would also drop "dụng" and "bao" drop "báo"
_ASKING_WORDS = """
    là gì nào ai đâu nhiêu mấy khi sao thế không có phải được những các cho biết hỏi
    hãy xin vui lòng theo về của và với trong tại đã sẽ đang này đó thì mà nếu như nhé ạ
    văn bản quy định đúng sai hay ra gồm
    """.split()
QUESTION_WORDS_ACCENTED = frozenset(_ASKING_WORDS) | frozenset(w for w in STOPWORDS if "_" not in w)
QUESTION_WORDS = frozenset(fold(w) for w in QUESTION_WORDS_ACCENTED) | {"bao"}
_ASKING_PHRASES = re.compile(r"\b(?:bao nhiêu|bao giờ|bao lâu|như thế nào|thế nào|ra sao|là gì|làm gì)\b", re.IGNORECASE)

DATA = Path(__file__).resolve().parents[1] / "lang" / "data" / "question.yaml"


@lru_cache(maxsize=1)
def language_data() -> dict:  # type: ignore[type-arg]
    """lang/data/question.yaml, read once."""
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _language() -> tuple[dict[str, str], re.Pattern[str]]:
    raw = language_data()
    kinds: dict[str, str] = raw["document_kinds"]
    long_words = sorted((w for w in kinds if len(w) > 3), key=len, reverse=True)
    this = re.compile(r"\b(van ban|" + "|".join(re.escape(w) for w in long_words) + r") ("
                      + "|".join(re.escape(w) for w in raw["this_words"]) + r")\b")
    return kinds, this


# "Mục II", "mục 2", "Chương III", "Điều 5", "khoản 2 Điều 6", "phụ lục"
_PART = re.compile(
    r"\b(?:(?P<p>điểm|diem)\s+(?P<pl>[a-zđ])\s+)?(?:(?P<k>khoản|khoan)\s+(?P<kl>\d+)\s+)?"
    r"(?P<kind>[Mm]ục|MỤC|[Cc]hương|CHƯƠNG|[Pp]hần|PHẦN|Điều|điều|dieu|muc|chuong|phan)\s+(?P<label>[IVXLCivxlc]+(?:\.\d+)*|\d+(?:\.\d+)*)\b"
    r"|\b(?P<app>[Pp]hụ lục|phu luc|PHỤ LỤC)\b|\b(?P<table>[Bb]ảng|bang) (?:phân công|kết quả|phan cong|ket qua)\b"
)


@dataclass
class DocMention:
    """A document the question names: by number, by type and subject words, by year."""

    numbers: list[NumberMention] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # "Kế hoạch", "Quy chế"
    # of those, the kinds named by a word that names nothing but a document ("đề án", "biên
    # bản"; not "báo cáo", also a verb)
    document_only_kinds: list[str] = field(default_factory=list)
    # the kinds it surely names as the document asked about: an abbreviation ("KH tuyên truyền",
    # "qd 318") and a kind the question opens with ("Quyết định tặng Bằng khen … số mấy?"); not
    # a kind said further on ("cuộc họp nghe báo cáo tiến độ Đề án …" asks of the minutes)
    stated_kinds: list[str] = field(default_factory=list)
    year: int | None = None
    this: bool = False  # "văn bản này", "kế hoạch trên": the document the chat last talked about


@dataclass
class PartMention:
    path: str  # "mục II", "Chương III", "Điều 5", "khoản 2 Điều 6", "Phụ lục"
    kind: str  # "muc" | "chuong" | "dieu" | "phan" | "phu luc" | "bang"


# how a question names a document: "Công văn hỏa tốc 1456/UBND-KGVX", "Chỉ thị số 05/CT-UBND",
# "KH 27", "QĐ 1875/QĐ-UBND" — words that say which document, not what about
@lru_cache(maxsize=1)
def _doc_name() -> re.Pattern[str]:
    """A document named by kind and number, on folded text ("biên bản họp 31/BB-UBND", "kh 27",
    "thông báo kết luận 142"): its words name the document, they are not the question's topic."""
    kinds = sorted({*_language()[0], "van ban", "qd"}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in kinds) + r")(?:\s+(?:hoa toc|khan|thuong khan|so|ket luan|hop))*"
                      r"\s*(?:\d+(?:[/-][\w-]+)*)")  # a party's "05-tt/tu" too


@lru_cache(maxsize=1)
def _kind_opener() -> re.Pattern[str]:
    """The words before a kind that still open the question with it ("theo Quyết định …")."""
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in language_data()["kind_openers"]) + r") ")


@lru_cache(maxsize=1)
def _chairing() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(language_data()["meetings"], key=len, reverse=True))
    return re.compile(rf"\b(?:chu tri|chu toa)\s+(?:{words})\b|\b(?:{words})\b.{{0,40}}\b(?:ai|do ai) (?:chu tri|chu toa)\b")


def asks_chair(folded: str) -> bool:
    """"Ai chủ trì cuộc họp …?", "cuộc họp … do ai chủ trì?": who chaired, a person."""
    return bool(_chairing().search(folded))


@dataclass
class Question:
    text: str  # NFC as typed
    folded: str
    restored: str  # diacritics put back when typed without them
    syllables: list[str]  # of the restored text, lower case
    content: list[str]  # folded syllables that carry the topic
    units: list[Resolution]
    documents: DocMention
    parts: list[PartMention]
    slots: list[str]
    dates: list[str] = field(default_factory=list)
    naming: set[str] = field(default_factory=set)  # folded words that only name a document
    table: TableAsk | None = None  # what it asks of a table: rows, columns, operation
    which: list[str] = field(default_factory=list)  # things asked "which" of: "dự án" of "những dự án nào"

    def asks(self, *slots: str) -> bool:
        return any(s in self.slots for s in slots)

    @property
    def primary(self) -> str:
        return self.slots[0] if self.slots else "content"


def content_tokens(text: str, typed: str = "") -> list[str]:
    """The folded syllables that carry a question's topic; those written with diacritics in
    `typed` (the question as the user typed it, none guessed) remember their marks."""
    if not has_diacritics(text):
        return [t for t in (fold(s) for s in syllables(text)) if t not in QUESTION_WORDS]
    text = _ASKING_PHRASES.sub(" ", nfc(text))
    written = set(syllables(typed))
    return [Syllable(s) if s in written and fold(s) != s else fold(s) for s in syllables(text)
            if s not in QUESTION_WORDS_ACCENTED]


def _roman_upper(label: str) -> str:
    return label.upper() if re.fullmatch(r"[ivxlc]+(?:\.\d+)*", label, re.IGNORECASE) else label


def parse_parts(text: str) -> list[PartMention]:
    out: list[PartMention] = []
    for m in _PART.finditer(nfc(text)):
        if m.group("app"):
            out.append(PartMention("Phụ lục", "phu luc"))
            continue
        if m.group("table"):
            out.append(PartMention("bảng", "bang"))
            continue
        kind = fold(m.group("kind")).lower()
        label = _roman_upper(m.group("label"))
        if kind == "dieu":
            path = f"Điều {label}"
            if m.group("kl"):
                path = f"khoản {m.group('kl')} {path}"
            if m.group("pl"):
                path = f"điểm {m.group('pl')} {path}"
        elif kind == "muc":
            path = f"mục {label}"
        elif kind == "chuong":
            path = f"Chương {label}"
        else:
            path = f"Phần {label}"
        out.append(PartMention(path, kind))
    return out


def parse_documents(text: str, folded: str) -> DocMention:
    dm = DocMention(numbers=mentions_in_question(text))
    kinds, this = _language()
    everyday = set(language_data()["kind_words_also_said_otherwise"])
    opening = _kind_opener().sub("", folded)
    upper = {fold(w) for w in re.findall(r"\b[A-ZĐ]{2,3}\b", text)}
    for word, kind in kinds.items():
        opens = opening == word or opening.startswith(word + " ")
        if len(word) <= 3:
            # an abbreviation names a document before a number, typed in capitals or opening
            # the question; else "da", "hd" may be other words
            if re.search(rf"\b{word}\s*\d", folded) or word in upper or opens:
                dm.kinds.append(kind)
                dm.stated_kinds.append(kind)
        elif re.search(rf"\b{word}\b", folded) and kind not in dm.kinds:
            dm.kinds.append(kind)
            if word not in everyday:
                dm.document_only_kinds.append(kind)
            if opens:
                dm.stated_kinds.append(kind)
    dm.kinds = list(dict.fromkeys(dm.kinds))
    dm.stated_kinds = list(dict.fromkeys(dm.stated_kinds))
    ym = re.search(r"\bnam (20\d\d|19\d\d)\b", folded)
    if ym:
        dm.year = int(ym.group(1))
    dm.this = bool(this.search(folded))
    return dm


def _duty_holders(restored: str, units: Units, typed_accents: bool) -> list[Resolution]:
    """The units the question asks about, not those it names as whom a report goes to or
    through ("xã thí điểm gửi danh sách cho SKHCN trước ngày nào": the xã, not the Sở)."""
    from retrieval.answering.slots import ASSIGNING_MARKERS, HOLDER_KINDS, RECIPIENT_MARKERS

    folded = fold(restored)
    out = []
    found = units.find(restored, proper_names=True, typed_accents=typed_accents)
    first_to_whom = -1
    for m in found:
        at = folded.find(fold(m.resolution.text))
        before = " ".join(folded[:at].split()[-2:]) if at > 0 else ""
        to_whom = bool(before) and (before.split()[-1] in RECIPIENT_MARKERS or before in RECIPIENT_MARKERS) \
            and not before.endswith(ASSIGNING_MARKERS)
        if not to_whom:
            out.append(m.resolution)
        elif first_to_whom < 0:
            first_to_whom = at
    # a question that names only whom it reports to still asks about that unit ("gửi cho Sở Nội
    # vụ những gì" has no other unit to ask about), unless a kind of unit stands before it
    # unnamed ("xã, phường thí điểm gửi danh sách cho SKHCN …": theirs is the duty)
    if not out and first_to_whom > 0:
        ahead = f" {' '.join(re.findall(r'[a-z0-9]+', folded[:first_to_whom]))} "
        if any(f" {k} " in ahead for k in HOLDER_KINDS):
            return []
    return out or [m.resolution for m in found]


def _document_fact_first(slots: list[str], folded: str, dm: DocMention, units: list[Resolution]) -> list[str]:
    """"Văn bản này ban hành ngày nào?": a question made only of a document's name and the words
    of one of its facts asks that fact, not the deadline of a duty that says "ban hành"; "cv 287
    snv ngày nào, v/v gì" (its issuer's name and the words of two of its facts) asks its date
    and what it is about."""
    from retrieval.answering.slots import DOCUMENT_SLOT_WORDS

    if not (dm.this or dm.kinds or dm.numbers):
        return slots
    kinds, this = _language()
    rest = this.sub(" ", _doc_name().sub(" ", folded))
    rest = re.sub(r"\b(?:" + "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True)) + r")\b", " ", rest)
    words = set(re.findall(r"[a-z0-9]+", rest)) - set(language_data()["document_fact_fillers"])
    for slot in slots:
        if slot in DOCUMENT_SLOT_WORDS and words and words <= DOCUMENT_SLOT_WORDS[slot]:
            return [slot, *(s for s in slots if s != slot and s in DOCUMENT_SLOT_WORDS)]
    # the words of several of its facts, beside the name of the unit that issued it
    words -= {w for u in units for w in fold(u.text).split()}
    # of a document named alone, "ngày nào" is its date and "nội dung gì" what it is about
    as_fact = {"deadline": "doc_date", "content": "summary"}
    facts = [as_fact.get(s, s) for s in slots if s in DOCUMENT_SLOT_WORDS or s in as_fact]
    if len(facts) >= 2 and words and words <= set().union(*(DOCUMENT_SLOT_WORDS[s] for s in facts)):
        return list(dict.fromkeys(facts))
    return slots


def which_things(restored: str) -> list[str]:
    """The things a question asks "which" of, in lower case: "dự án" of "xem xét những dự án nào",
    "cơ quan" of "cơ quan nào chuẩn bị" (not "khi nào", a time)."""
    words = [w.replace("_", " ") for w in segment(restored)]
    skip = set(language_data()["which_not_things"])
    return [w.lower() for w, after in zip(words, words[1:])
            if fold(after) == "nao" and fold(w) not in skip and fold(w) not in QUESTION_WORDS]


def with_slots(q: Question, slots: list[str]) -> Question:
    """The question asking `slots` (decided from its vector, read apart from its words)."""
    return replace(q, slots=_document_fact_first(slots, q.folded, q.documents, q.units))


def read_question(text: str, restored: str, units: Units) -> Question:
    """Everything of the question but its slots, which wait for its vector."""
    q = nfc(text or "").strip()
    folded = fold(q)
    documents = parse_documents(q, folded)
    holders = _duty_holders(restored, units, has_diacritics(q)) if restored else []
    return Question(
        text=q,
        folded=folded,
        restored=restored,
        syllables=syllables(restored),
        content=content_tokens(restored, q),
        units=holders,
        documents=documents,
        parts=parse_parts(q),
        slots=[],
        dates=re.findall(r"\b\d{1,2}/\d{1,2}(?:/\d{4})?\b", q),
        naming={fold(w) for m in [*_doc_name().finditer(fold(restored or q)), *_PART.finditer(restored or q)]
                for w in syllables(m.group(0))},
        table=read_ask(fold(restored or q)),
        which=which_things(restored) if restored else [],
    )
