"""Labelled facts: the "Thời gian: …", "Địa điểm: …", "Chủ trì: …", "Thành phần: …" lines that a
giấy mời, a thông báo or a kế hoạch of an event states outright, for "khi nào, ở đâu?", "ai chủ
trì cuộc họp?", "mời những ai?". A giấy mời's invitees are its "kính mời:" list."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from retrieval.answering.draft import Draft, end, unique
from retrieval.answering.evidence import Evidence, Library
from retrieval.answering.question import Question
from retrieval.documents.model import AdminDocument, Node
from retrieval.documents.passages import Chunk
from retrieval.lang.text import clean_inline, fold

DATA = Path(__file__).resolve().parents[2] / "lang" / "data" / "fields.yaml"
_LINE = re.compile(r"^\s*(?:\d+\.\s*|[-+•]\s*)?(?P<label>[^:]{2,40}?)\s*:\s*(?P<value>\S.*)$", re.DOTALL)


@dataclass(frozen=True)
class FieldKind:
    name: str  # as an answer shows it
    labels: tuple[str, ...]
    cues: tuple[str, ...]


@lru_cache(maxsize=1)
def _data() -> dict:  # type: ignore[type-arg]
    """lang/data/fields.yaml, read once."""
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _kinds() -> tuple[dict[str, FieldKind], frozenset[str]]:
    raw = _data()
    kinds = {k: FieldKind(v["name"], tuple(v["labels"]), tuple(v["cues"])) for k, v in raw["fields"].items()}
    return kinds, frozenset(raw.get("duty_fields", []))


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    """The word lists of lang/data/fields.yaml."""
    raw = _data()
    return {k: tuple(raw.get(k, [])) for k in ("honorifics", "member_cues", "role_cues", "meeting_asks", "task_words")}


def _honorifics() -> tuple[str, ...]:
    return _words()["honorifics"]


def member_cues() -> tuple[str, ...]:
    return _words()["member_cues"]


def role_cues() -> tuple[str, ...]:
    return _words()["role_cues"]


def names_a_person(value: str) -> bool:
    v = fold(value).lstrip()
    return any(v.startswith(h + " ") for h in _honorifics())


def _says(phrase: str, folded: str) -> bool:
    return re.search(rf"\b{re.escape(phrase)}\b", folded) is not None


def _terse_items(folded: str) -> set[str]:
    """The items of a terse list after a colon: "TB 203: chủ trì, địa điểm?"."""
    return {x.strip(" ?.;") for x in re.split(r",|\bva\b", folded.split(":", 1)[1])} if ":" in folded else set()


def asked_fields(folded: str) -> list[str]:
    # a terse list asks each item by its label
    items = _terse_items(folded)
    return [k for k, f in _kinds()[0].items() if any(_says(c, folded) for c in f.cues) or items & set(f.labels)]


@dataclass(frozen=True)
class Field:
    name: str
    value: str
    node: Node


def labelled_fields(d: AdminDocument) -> dict[str, Field]:
    """The document's labelled lines, the first of each field."""
    out: dict[str, Field] = {}
    for label, value, n in labelled_lines(d):
        for name, kind in _kinds()[0].items():
            if name not in out and any(label == w or label.startswith(w + " ") or label.startswith(w + "(")
                                       for w in kind.labels):
                out[name] = Field(name, value, n)
    return out


@lru_cache(maxsize=1)
def _meeting_re() -> re.Pattern[str]:
    """"Ngày 08/4/2027, tại Phòng họp số 2, trụ sở UBND tỉnh, đồng chí X, Phó Chủ tịch UBND tỉnh
    chủ trì Hội nghị …": a notice's account of its meeting, its date, place and chair."""
    raw = _data()
    meetings = "|".join(re.escape(m) for m in sorted(raw["meeting_nouns"], key=len, reverse=True))
    people = "|".join(re.escape(h) for h in sorted(raw["meeting_chairs"], key=len, reverse=True))
    return re.compile(
        r"(?:^|[.;]\s+)(?:(?:Sáng|Chiều|Tối)\s+)?(?:(?:Vào|Hôm)\s+)?ngày\s+(?P<time>[^,]{4,40}?),\s*tại\s+(?P<place>.+?),\s*"
        rf"(?P<chair>(?:{people})\s.+?)\s+(?:đã\s+)?chủ\s+trì\s+(?:{meetings})\b", re.IGNORECASE)


def _asks_meeting(folded: str, asked: list[str]) -> bool:
    """The question is about the meeting itself ("ai chủ trì cuộc họp", "họp ngày nào"), not a
    task its notice assigns ("nhiệm vụ nào … do ai chủ trì")."""
    words = _words()
    items = _terse_items(folded)
    terse = bool(items) and items <= {w for f in _kinds()[0].values() for w in f.labels}
    # who chaired and where: a task has a lead but no place, so both asked ask of an event
    event = {"chair", "place"} <= set(asked)
    return (terse or event or any(_says(m, folded) for m in words["meeting_asks"])) and \
        not any(_says(t, folded) for t in words["task_words"])


def meeting_fields(d: AdminDocument) -> dict[str, Field]:
    """The date, place and chair a notice's opening account of its meeting gives."""
    for part in [d, *d.attachments]:
        for top in [*part.preamble, *part.body][:6]:
            for n in top.walk():
                m = _meeting_re().search(clean_inline(n.text or ""))
                if m:
                    return {"time": Field("time", f"ngày {m.group('time').strip()}", n),
                            "place": Field("place", m.group("place").strip(), n),
                            "chair": Field("chair", m.group("chair").strip(" ,"), n)}
    return {}


def labelled_lines(d: AdminDocument) -> list[tuple[str, str, Node]]:
    """Every "Label: value" line of a document: the label folded, the value as written. A label
    that ends its line ("Thành phần tham dự:") takes the items listed under it as its value."""
    out = []
    for part in [d, *d.attachments]:
        nodes = [n for top in [*part.preamble, *part.body] for n in top.walk()]
        for i, n in enumerate(nodes):
            text = clean_inline(n.text or "")
            m = _LINE.match(text)
            if m and len(m.group("label").split()) <= 7:
                out.append((fold(m.group("label")).strip(" -+•*("), m.group("value").strip().rstrip(")"), n))
                continue
            if text.endswith(":") and 1 <= len(text.split()) <= 7:
                items = []
                for k in nodes[i + 1:i + 20]:
                    if k.kind not in ("bullet", "subbullet", "point") or not k.text:
                        break
                    items.append(clean_inline(k.text).rstrip(";."))
                if items:
                    out.append((fold(text[:-1]).strip(" -+•*("), "; ".join(items), n))
    return out


_PHONE = re.compile(r"\b0\d{2,3}[.\s]?\d{3,4}[.\s]?\d{3,4}\b")


def _contact_sentence(d: AdminDocument) -> tuple[str, Node] | None:
    """A sentence that gives whom to contact and a phone number, when no line is labelled so
    ("Mọi vướng mắc …, đề nghị liên hệ ông X (điện thoại: 0912.486.307)")."""
    labels = _kinds()[0]["contact"].labels
    for part in [d, *d.attachments]:
        for top in [*part.preamble, *part.body, *[Node("paragraph", text=t) for t in part.closing]]:
            for n in top.walk():
                text = clean_inline(n.text or "")
                for sentence in re.split(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ(])", text):
                    if _PHONE.search(sentence) and any(_says(w, fold(sentence)) for w in labels):
                        return sentence.strip(), n
    return None


def _named_label(q: Question, d: AdminDocument) -> tuple[str, str, Node] | None:
    """A line whose label the question says in full ("Phó Trưởng ban thường trực là ai?"),
    the longest such label; a label of one word is a field's, not a name."""
    words = q.folded.split()
    best: tuple[int, tuple[str, str, Node]] | None = None
    for label, value, n in labelled_lines(d):
        lw = [w for w in re.split(r"[^a-z0-9]+", label) if w]
        if len(lw) < 2 or len(lw) > 6:
            continue
        if " ".join(lw) in " ".join(words) and names_a_person(value) and (best is None or len(lw) > best[0]):
            best = (len(lw), (label, value, n))
    return best[1] if best else None


def _chunk_with(lib: Library, d: AdminDocument, n: Node) -> Chunk | None:
    """The passage that holds the line (an unnumbered line has no section of its own)."""
    found = lib.chunk_for(d.doc_id, n.path, n.text) if n.path else None
    if found is not None:
        return found
    needle = fold(clean_inline(n.text))[:60]
    return next((c for c in lib.by_doc.get(d.doc_id, []) if needle in fold(c.text)), None)


def labelled(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    asked = asked_fields(q.folded)
    kinds, duty_fields = _kinds()
    if asked and (ev.units or ev.groups) and set(asked) <= duty_fields:
        return None  # a unit's "trước khi nào" is a duty's deadline
    docs = ev.docs[:1] if ev.named_docs else ev.top_admin(lib, 1)
    for d in docs:
        lines, nodes = [], []
        # "Phó Trưởng ban thường trực là ai?": a line labelled with the office asked
        named = _named_label(q, d) if q.asks("person", "lead") or re.search(r"\bai\b", q.folded) else None
        if named is not None:
            label, value, n = named
            lines.append(end(f"{clean_inline(_LINE.match(clean_inline(n.text)).group('label'))}: {value}"))  # type: ignore[union-attr]
            nodes.append(n)
        fields = labelled_fields(d) if asked else {}
        told = meeting_fields(d) if asked and not all(a in fields for a in asked) and _asks_meeting(q.folded, asked) else {}
        fields = {**told, **fields}
        for name in asked:
            f = fields.get(name)
            if f is not None and (f.node not in nodes or told.get(name) is f):
                lines.append(end(f"{kinds[name].name}: {f.value}"))
                nodes += [] if f.node in nodes else [f.node]
            elif f is None and name == "contact" and (said := _contact_sentence(d)) is not None:
                lines.append(end(said[0]))
                nodes.append(said[1])
            elif f is None and name == "members" and d.recipients and d.kind == "Giấy mời":
                lines.append(end("Thành phần mời: " + "; ".join(r.rstrip(";.") for r in d.recipients)))
        if not lines:
            continue
        cited = unique(_chunk_with(lib, d, n) for n in nodes)
        if not cited:
            cited = lib.by_doc.get(d.doc_id, [])[:1]
        # a line labelled with the very office the question says is on its topic, whatever else it says
        # the chair of the meeting a notice gives account of, asked by name: not a task's lead
        chaired = "chair" in asked and "chair" in told and told["chair"].node in nodes
        return Draft(f"Theo {d.short_name}:\n" + "\n".join(lines), cited, "labelled", 1.0 if chaired else 0.95,
                     doc_id=d.doc_id, topic_free=named is not None)
    return None
