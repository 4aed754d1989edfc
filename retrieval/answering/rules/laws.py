"""Facts of a law the question names by its title or number: its number, when it takes effect,
how many articles it has, and what an article it points to says ("Điều 3 Luật Tiếp cận thông
tin quy định gì?"). Retrieval answers everything else about laws (the passage rule)."""

from __future__ import annotations

import datetime as dt
import re

from retrieval.answering.draft import Draft, end, shorten
from retrieval.answering.evidence import Evidence, Library
from retrieval.answering.question import Question
from retrieval.documents.model import Law
from retrieval.documents.passages import Chunk
from retrieval.lang.text import clean_inline, fold

# the words a question about the law itself may use besides its title
_ABOUT_LAW = set("theo luat bo co hieu luc thi hanh tu ke vao ngay nao khi bao gio luc so may bao nhieu hieu ky "
                 "gom dieu la cua duoc ban va quy dinh".split())
_EFFECT = re.compile(r"có hiệu lực(?: thi hành)?(?: (?:kể )?từ| vào)? ngày[^.;]*", re.IGNORECASE)
_ASKS_NUMBER = re.compile(r"\b(so may|so bao nhieu|so hieu|so ky hieu|ky hieu)\b")
_ASKS_COUNT = re.compile(r"\b(bao nhieu|may) dieu\b")
_ASKS_EFFECT = re.compile(r"\bhieu luc\b")


def named_law(q: Question, lib: Library) -> Law | None:
    """The law whose title (or number) the question quotes; the longest title wins."""
    best: tuple[int, Law] | None = None
    for doc_id, title in lib.law_titles.items():
        d = lib.documents[doc_id]
        assert isinstance(d, Law)
        quoted = title in q.folded and re.search(rf"\b{re.escape(title)}\b", q.folded) is not None
        by_number = bool(d.number) and any(m.matches(d.number) for m in q.documents.numbers)
        if (quoted or by_number) and (best is None or len(title) > best[0]):
            best = (len(title), d)
    return best[1] if best else None


def _only_about(q: Question, law: Law) -> bool:
    """Nothing asked besides the law itself: "Luật X có hiệu lực từ ngày nào?", not "hợp đồng
    theo Luật X có hiệu lực khi nào?" (a question for the articles)."""
    title = set(re.findall(r"\w+", fold(law.title)))
    rest = [w for w in re.findall(r"\w+", q.folded) if w not in title and w not in _ABOUT_LAW and not w.isdigit()]
    return not [w for w in rest if not any(w in fold(n) for n in [law.number] if n)]


def _chunks(lib: Library, law: Law, article: str | None = None) -> list[Chunk]:
    return [c for c in lib.by_doc.get(law.doc_id, []) if article is None or c.article == article]


def law_facts(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    law = named_law(q, lib)
    if law is None:
        return None
    name = law.title + (f" số {law.number}" if law.number else "")
    article = next((p.path.split()[-1] for p in q.parts if p.kind == "dieu" and p.path.startswith("Điều ")), None)
    if article is not None and not re.search(r"\bkhoan\b|\bdiem\b", fold(q.parts[0].path)):
        art = next((a for a in law.articles if a.number == article), None)
        if art is None:
            return Draft(f"{name} không có Điều {article} ({len(law.articles)} điều).", [], "law_facts", 0.8,
                         not_stated=True, doc_id=law.doc_id)
        body = "\n".join(shorten(clean_inline(p), 300) for p in art.paragraphs[:8])
        more = f"\n… ({len(art.paragraphs) - 8} đoạn nữa)" if len(art.paragraphs) > 8 else ""
        text = f"Điều {art.number}. {art.heading}".rstrip(". ") + f" ({law.title}):\n{body}{more}"
        return Draft(text, _chunks(lib, law, art.number)[:4], "law_facts", 1.0, doc_id=law.doc_id)
    if not _only_about(q, law):
        return None
    if _ASKS_EFFECT.search(q.folded) and not q.parts:
        for a in reversed(law.articles):  # the effect clause stands among the last articles
            for p in a.paragraphs:
                m = _EFFECT.search(p)
                if m:
                    cited = [c for c in _chunks(lib, law, a.number) if fold(m.group(0))[:30] in fold(c.text)][:1]
                    return Draft(end(f"{name} {m.group(0).strip().rstrip('.')} (Điều {a.number})"), cited or _chunks(lib, law, a.number)[:1],
                                 "law_facts", 1.0, doc_id=law.doc_id)
        return None
    if _ASKS_COUNT.search(q.folded):
        chapters = len({a.chapter for a in law.articles if a.chapter})
        text = f"{name} gồm {len(law.articles)} điều" + (f", {chapters} chương" if chapters else "") + "."
        return Draft(text, _chunks(lib, law)[:1], "law_facts", 1.0, doc_id=law.doc_id)
    if _ASKS_NUMBER.search(q.folded) and law.number:
        return Draft(f"{law.title} có số, ký hiệu {law.number}.", _chunks(lib, law)[:1], "law_facts", 1.0,
                     doc_id=law.doc_id)
    return None
