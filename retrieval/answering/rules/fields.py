"""Labelled facts: the "Thời gian: …", "Địa điểm: …", "Chủ trì: …", "Thành phần: …" lines that a
giấy mời, a thông báo or a kế hoạch of an event states outright, for "khi nào, ở đâu?", "ai chủ
trì cuộc họp?", "mời những ai?". A giấy mời's invitees are its "kính mời:" list."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from retrieval.answering.draft import Draft, end, unique
from retrieval.answering.evidence import Evidence, Library
from retrieval.answering.question import Question
from retrieval.documents.model import AdminDocument, Node
from retrieval.documents.passages import Chunk
from retrieval.lang.text import clean_inline, fold

# field -> the labels that state it, and the words of a question that ask for it
_LABELS = {
    "time": ("thoi gian",),
    "place": ("dia diem",),
    "chair": ("chu tri", "nguoi chu tri"),
    "members": ("thanh phan", "thanh phan moi", "thanh phan tham du", "thanh phan du hop"),
    "form": ("hinh thuc", "hinh thuc to chuc"),
}
_ASKED = {
    "time": re.compile(r"\b(khi nao|luc nao|may gio|bao gio|ngay nao|thoi gian nao|vao thoi gian|dien ra luc)\b"),
    "place": re.compile(r"\b(o dau|tai dau|dia diem|cho nao|noi nao|phong nao)\b"),
    "chair": re.compile(r"\b(ai chu tri|chu tri la ai|do ai chu tri|nguoi chu tri)\b"),
    "members": re.compile(r"\b(thanh phan|moi nhung ai|moi ai|nhung ai (?:du|tham du)|ai (?:du|tham du)|gom nhung ai)\b"),
    "form": re.compile(r"\b(hinh thuc)\b"),
}
_NAMES = {"time": "Thời gian", "place": "Địa điểm", "chair": "Chủ trì", "members": "Thành phần", "form": "Hình thức"}
_LINE = re.compile(r"^\s*(?P<label>[^:]{2,30}?)\s*:\s*(?P<value>\S.*)$", re.DOTALL)


@dataclass(frozen=True)
class Field:
    name: str
    value: str
    node: Node


def labelled_fields(d: AdminDocument) -> dict[str, Field]:
    """The document's labelled lines, the first of each field."""
    out: dict[str, Field] = {}
    for part in [d, *d.attachments]:
        for top in [*part.preamble, *part.body]:
            for n in top.walk():
                m = _LINE.match(clean_inline(n.text or ""))
                if not m:
                    continue
                label = fold(m.group("label")).strip(" -+•*")
                for name, labels in _LABELS.items():
                    if label in labels and name not in out:
                        out[name] = Field(name, m.group("value").strip(), n)
    return out


def _chunk_with(lib: Library, d: AdminDocument, n: Node) -> Chunk | None:
    """The passage that holds the line (an unnumbered line has no section of its own)."""
    found = lib.chunk_for(d.doc_id, n.path, n.text) if n.path else None
    if found is not None:
        return found
    needle = fold(clean_inline(n.text))[:60]
    return next((c for c in lib.by_doc.get(d.doc_id, []) if needle in fold(c.text)), None)


def labelled(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    asked = [name for name, pat in _ASKED.items() if pat.search(q.folded)]
    if not asked or ev.units or ev.groups:
        return None  # a unit's "trước khi nào" is a duty's deadline
    docs = ev.docs[:1] if ev.named_docs else ev.top_admin(lib, 1)
    for d in docs:
        fields = labelled_fields(d)
        lines, nodes = [], []
        for name in asked:
            f = fields.get(name)
            if f is not None:
                lines.append(end(f"{_NAMES[name]}: {f.value}"))
                nodes.append(f.node)
            elif name == "members" and d.recipients and d.kind == "Giấy mời":
                lines.append(end("Thành phần mời: " + "; ".join(r.rstrip(";.") for r in d.recipients)))
        if not lines:
            continue
        cited = unique(_chunk_with(lib, d, n) for n in nodes)
        if not cited:
            cited = lib.by_doc.get(d.doc_id, [])[:1]
        return Draft(f"Theo {d.short_name}:\n" + "\n".join(lines), cited, "labelled", 0.95, doc_id=d.doc_id)
    return None
