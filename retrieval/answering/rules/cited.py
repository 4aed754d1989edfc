"""Documents a document cites: "Nghị quyết số 512/NQ-HĐND ban hành ngày nào, về việc gì?",
"… là thông báo số mấy?", "… để thực hiện văn bản nào của Văn phòng Chính phủ?"."""

from __future__ import annotations

import datetime as dt
import re

from ...document import Reference
from ...model import Chunk
from ...references import describe, number_key
from ...text import fold
from ..draft import Draft, end
from ..evidence import Evidence, Library, overlap, topic_tokens
from ..question import Question


def sentence(ref: Reference) -> str:
    head = f"{ref.kind} số {ref.number}".strip()
    text = head + (f" ban hành ngày {ref.date}" if ref.date else "")
    desc = []
    if ref.issuer:
        desc.append(f"của {ref.issuer}")
    if ref.subject:
        subj = ref.subject
        desc.append(subj if re.match(r"(triển khai|ban hành|thực hiện|kết luận|hướng dẫn|về|quy định|phê duyệt)\b", subj)
                    else f"về {subj}")
    if desc:
        text += ": " + (ref.kind.lower() + " " if ref.kind else "") + " ".join(desc)
    return end(text)


def _defining(lib: Library, ref: Reference, doc_id: str) -> list[Chunk]:
    key = number_key(ref.number)
    out = [c for c in lib.chunks if c.doc_id == doc_id and key in c.defines]
    if not out:
        out = [c for c in lib.chunks if c.doc_id == doc_id and key in c.numbers]
    return out[:1]


def cited_document(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    mentions = q.documents.numbers
    asks_number = q.asks("doc_number") or bool(re.search(r"\b(van ban|cong van|thong bao|ke hoach|chi thi|quyet dinh|"
                                                         r"nghi quyet|bao cao) nao\b", q.folded))
    own = {number_key(d.number) for d in lib.admin if not d.header.number.blank}
    # a number the question names that the corpus only cites
    named = [k for k in lib.references if k not in own and any(m.matches(k) for m in mentions)]
    if named and not asks_number:
        lines, cited = [], []
        for k in named[:3]:
            ref, d = lib.references[k]
            lines.append(sentence(ref))
            cited += _defining(lib, ref, d.doc_id)
        return Draft("\n".join(lines), cited, "cited", 0.95, doc_id=cited[0].doc_id if cited else None)
    if not asks_number:
        return None
    # which cited document fits the question's words ("kết luận kiểm tra CCHC tại huyện Văn Lâm")
    topic = ev.topic
    cands: list[tuple[float, Reference, Chunk]] = []
    pool = ev.docs if ev.named_docs else ev.top_admin(lib, 3)
    for d in pool:
        for r in d.references:
            if number_key(r.number) in own or any(m.matches(r.number) for m in mentions):
                continue
            s = max(overlap(topic, f"{r.kind} {r.issuer or ''} {r.subject or ''}"), overlap(topic, r.text))
            chunks = _defining(lib, r, d.doc_id)
            if chunks:
                cands.append((s, r, chunks[0]))
    if not cands:
        return None
    cands.sort(key=lambda x: -x[0])
    best, ref, chunk = cands[0]
    if best < 0.35:
        return None
    if re.search(r"\b(nhung|cac)\b", q.folded):
        picked = [(r, c) for s, r, c in cands if s >= best - 0.1][:6]
        if len(picked) > 1:
            return Draft("\n".join(f"- {sentence(r)}" for r, _ in picked), list({c.chunk_id: c for _, c in picked}.values()),
                         "cited", best)
    text = sentence(ref)
    return Draft(text, [chunk], "cited", min(1.0, best + 0.2), doc_id=chunk.doc_id)


def mentions_cited(q: Question, lib: Library) -> bool:
    own = {number_key(d.number) for d in lib.admin if not d.header.number.blank}
    return any(k not in own and any(m.matches(k) for m in q.documents.numbers) for k in lib.references)


__all__ = ["cited_document", "describe", "mentions_cited", "sentence"]
_ = fold
