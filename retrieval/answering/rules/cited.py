"""Documents a document cites: "Nghị quyết số 512/NQ-HĐND ban hành ngày nào, về việc gì?",
"… là thông báo số mấy?", "… để thực hiện văn bản nào của Văn phòng Chính phủ?"."""

from __future__ import annotations

import datetime as dt
import re

from retrieval.answering.draft import Draft, end, unique
from retrieval.answering.evidence import Evidence, Library, overlap, topic_tokens
from retrieval.answering.question import Question
from retrieval.documents.model import AdminDocument, Reference
from retrieval.documents.passages import Chunk
from retrieval.documents.references import describe, number_key
from retrieval.lang.text import fold


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
    out = [c for c in lib.by_doc.get(doc_id, []) if key in c.defines]
    if not out:
        out = [c for c in lib.by_doc.get(doc_id, []) if key in c.numbers]
    return out[:1]


def cited_document(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    mentions = q.documents.numbers
    asks_number = q.asks("doc_number") or bool(re.search(r"\b(van ban|cong van|thong bao|ke hoach|chi thi|quyet dinh|"
                                                         r"nghi quyet|bao cao) nao\b", q.folded))
    own = {number_key(d.number) for d in lib.admin if not d.header.number.blank}
    # a number the question names that the corpus only cites, and a question about that document
    # ("công điện 07" is not "Thông báo số 07/TB-ĐKT"; a bare number that a document of the
    # corpus carries means that document)
    kinds = {fold(k) for k in q.documents.kinds}
    named = [k for k in lib.references if k not in own and any(m.matches(k) for m in mentions)
             and (not kinds or not lib.references[k][0].kind or fold(lib.references[k][0].kind) in kinds)]
    if any(t.why == "number" for t in ev.targets) and not any(m.code for m in mentions):
        named = []
    # "qd 52" when the corpus holds Quyết định 52/QĐ-UBND: that document, not a citation of a
    # number only a part of which the mention gives ("52/QĐ" as a scan misread it)
    if named:
        mine = [m for m in mentions if m.full is None and any(
            m.matches(number_key(d.number)) and (not kinds or fold(d.kind) in kinds) for d in lib.admin
            if not d.header.number.blank)]
        named = [k for k in named if not any(m.matches(k) for m in mine)]
    # naming the number already says which document: "Thông báo số 02/TB-ĐKT … tại đơn vị nào?"
    if named and (asks_number or asks_about_document(q)):
        lines, cited = [], []
        for k in named[:3]:
            variants = _variants(q, lib, k)
            if len(variants) > 1:
                lines.append(f"Có {len(variants)} văn bản cùng số {variants[0][0].number} được dẫn:")
            for ref, d in variants:
                lines.append(("- " if len(variants) > 1 else "") + sentence(ref))
                cited += _defining(lib, ref, d.doc_id)
        return Draft("\n".join(lines), cited, "cited", 1.0, doc_id=cited[0].doc_id if cited else None)
    if not asks_number or q.asks("effect"):
        return None  # "… thay thế quyết định nào?" is the document's own effect clause
    grounds = _grounds(q, ev, lib)
    if grounds is not None:
        return grounds
    # which cited document fits the question's words ("kết luận kiểm tra CCHC tại huyện Văn Lâm"):
    # each number judged by the clause it stands in and by what the corpus says of it; the
    # names of units count here (they tell one inspection notice from the next)
    topic = topic_tokens(q, drop_units=[], ev=ev)
    cands: list[tuple[float, Reference, Chunk]] = []
    hits = [h.chunk for h in ev.hits[:5]]
    if ev.named_docs:
        hits = [c for c in hits if c.doc_id in ev.doc_ids] or hits
    for rank, c in enumerate(hits):
        for key in c.numbers:
            if key in own or key not in lib.references or any(m.matches(key) for m in mentions):
                continue
            ref, _d = lib.references[key]
            local = clause_around(c.text, ref.number)
            s = max(overlap(topic, local), overlap(topic, f"{ref.kind} {ref.text} {describe(ref)}")) - 0.05 * rank
            cands.append((s, ref, c))
    if not cands:
        return None
    cands.sort(key=lambda x: -x[0])
    best, ref, chunk = cands[0]
    if best < 0.35:
        return None
    if re.search(r"\b(nhung|cac)\b", q.folded):
        picked: list[tuple[Reference, Chunk]] = []
        for sc, r, c in cands:
            if sc >= best - 0.1 and all(number_key(r.number) != number_key(x.number) for x, _ in picked):
                picked.append((r, c))
        if len(picked) > 1:
            return Draft("\n".join(f"- {sentence(r)}" for r, _ in picked[:6]), unique([c for _, c in picked]), "cited", best)
    return Draft(sentence(ref), [chunk], "cited", min(1.0, best + 0.2), doc_id=chunk.doc_id)


# what a document's opening says of the documents it carries out ("Thực hiện …", "Căn cứ …")
_OPENINGS = ("mở đầu", "phần mở đầu", "căn cứ")
_CARRIES_OUT = re.compile(r"\b(thuc hien|trien khai|can cu|cu the hoa|de thuc hien)\b")


def _grounds(q: Question, ev: Evidence, lib: Library) -> Draft | None:
    """"KH 09 được ban hành để thực hiện những văn bản nào (của UBND tỉnh)?": every document
    the named document's opening cites, of the issuer the question names."""
    if not ev.named_docs or not ev.docs or not _CARRIES_OUT.search(q.folded):
        return None
    d = ev.docs[0]
    own = number_key(d.number) if not d.header.number.blank else ""
    refs = [r for r in d.references if r.location in _OPENINGS and number_key(r.number) != own]
    by = [r for r in refs if r.issuer and fold(r.issuer) in q.folded]
    refs = by or refs
    if not refs:
        return None
    cited = unique([c for r in refs for c in _defining(lib, r, d.doc_id)])
    how = "căn cứ" if "can cu" in q.folded else "để thực hiện"
    lines = [f"{d.short_name} được ban hành {how}:", *(f"- {sentence(r)}" for r in refs[:6])]
    return Draft("\n".join(lines), cited, "cited", 1.0, doc_id=d.doc_id)


def _variants(q: Question, lib: Library, key: str) -> list[tuple[Reference, AdminDocument]]:
    """The documents cited under one number; the year the question gives picks one of them."""
    every = lib.cited_under.get(key) or [lib.references[key]]
    year = str(q.documents.year) if q.documents.year else None
    dated = [v for v in every if year and year in (v[0].date or "")]
    return dated or every


def clause_around(text: str, number: str) -> str:
    """The part of a sentence (between ; : or sentence ends) in which a document number stands."""
    pos = text.find(number)
    if pos < 0:
        return ""
    start = max(text.rfind(";", 0, pos), text.rfind(". ", 0, pos), text.rfind(":", 0, pos)) + 1
    ends = [i for i in (text.find(";", pos), text.find(". ", pos)) if i >= 0]
    return text[start: min(ends) if ends else len(text)]


def asks_about_document(q: Question) -> bool:
    """"… ban hành ngày nào, về việc gì, của ai": the document itself, not what it assigns."""
    return q.asks("doc_date", "summary", "issuer", "signer", "content", "effect", "definition") or not q.slots




__all__ = ["cited_document", "clause_around", "sentence"]
