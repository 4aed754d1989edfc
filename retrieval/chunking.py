"""Structure-aware chunks: one retrievable unit per point, khoản or footnote.

Every chunk knows its document and where it stands in it (section path or article
number), carries the heading path into both indexes, and has an id that only changes
when the document's structure does, so embeddings can be cached by id and text.
"""

from __future__ import annotations

import re

from .model import Chunk, Directive, Document, Law
from .references import find_numbers, number_key
from .text import clean_inline

_POINT_LINE = re.compile(r"^([a-zđ])\)\s")
_KHOAN_LINE = re.compile(r"^(\d+)\.\s")


def directive_citation(d: Directive) -> str:
    """How the answer names a directive: by number when it has one, else by subject,
    issuer and month ("Số: /UBND-NC" has no number filled in)."""
    m = d.meta
    when = f"{m.month}/{m.year}" if m.month and m.year else (str(m.year) if m.year else "")
    who = ", ".join(x for x in (m.issuer, when) if x)
    if m.number and m.number[0].isdigit():
        return f"{m.kind} số {m.number}" + (f" ({who})" if who else "")
    return f"{d.title}" + (f" ({who})" if who else "")


def chunk_document(doc: Document) -> list[Chunk]:
    if isinstance(doc, Law):
        return chunk_law(doc)
    return chunk_directive(doc)


def chunk_directive(d: Directive) -> list[Chunk]:
    title = d.title
    number = d.meta.number
    head = f"{title} ({d.meta.issuer})"
    defined: dict[str, list[str]] = {}
    for r in d.references:
        defined.setdefault(r.location, []).append(number_key(r.number))
    chunks: list[Chunk] = []

    def add(key: str, kind: str, section: str, text: str, context: str, notes: list[int] | None = None) -> None:
        notes = notes or []
        shown = clean_inline(text)
        chunks.append(
            Chunk(
                chunk_id=f"{d.doc_id}:{key}",
                doc_id=d.doc_id,
                doc_title=title,
                doc_number=number,
                kind=kind,
                section=section,
                article=None,
                text=shown,
                context=context,
                footnotes=[f"({n}) {d.footnotes[n].text}" for n in notes if n in d.footnotes],
                numbers=sorted({number_key(x) for x in find_numbers(shown)}),
                defines=defined.get(section, []),
            )
        )

    m = d.meta
    header = [f"Số: {m.number}" if m.number else "", f"{m.place}, {m.date_text}" if m.place else "", m.subject]
    add("dau", "meta", "phần đầu", f"{m.issuer}. " + ". ".join(x for x in header if x), head)
    if m.recipients:
        add("kinh-gui", "meta", "Kính gửi", "Kính gửi: " + "; ".join(m.recipients) + ".", head)
    for i, p in enumerate(d.preamble):
        add(f"mo-dau-{i + 1}", "preamble", "phần mở đầu", p, head, _marks(p))
    for s in d.sections:
        heading = f"{s.number}. {s.heading}"
        ctx = f"{head}\nMục {clean_inline(heading)}"
        if s.paragraphs and not s.points:
            body = heading + " " + " ".join(s.paragraphs)
            add(f"muc-{s.number}", "section", f"mục {s.number}", body, head, s.footnotes)
            continue
        add(f"muc-{s.number}", "section", f"mục {s.number}", heading, head, _marks(s.heading))
        for j, para in enumerate(s.paragraphs):
            add(f"muc-{s.number}-{j + 1}", "point", f"mục {s.number}", para, ctx, _marks(para))
        for pt in s.points:
            add(f"muc-{s.number}.{pt.label}", "point", f"mục {s.number}.{pt.label}", f"{pt.label}) {pt.text}", ctx, pt.footnotes)
    for i, p in enumerate(d.closing):
        add(f"ket-{i + 1}", "closing", "phần kết", p, head)
    if m.copies:
        add("noi-nhan", "meta", "Nơi nhận", "Nơi nhận: " + "; ".join(m.copies) + ".", head)
    if m.signer:
        add("ky", "meta", "phần ký", m.signer.text, head)
    for n in sorted(d.footnotes):
        fn = d.footnotes[n]
        where = ", ".join(f"mục {c}" if c[0].isdigit() else c for c in fn.cited_in)
        ctx = f"{head}\nChú thích {n}" + (f" (dẫn tại {where})" if where else "")
        add(f"chu-thich-{n}", "footnote", f"chú thích {n}", fn.text, ctx)
    return chunks


def _marks(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"<sup>\s*(\d+)\s*</sup>", text)]


def chunk_law(law: Law) -> list[Chunk]:
    chunks: list[Chunk] = []
    for art in law.articles:
        heading = f"Điều {art.number}. {art.heading}".strip().rstrip(".") if art.heading else f"Điều {art.number}"
        ctx = f"{law.title}\n{heading}"
        paragraphs = art.paragraphs or [heading]
        lead = ""
        khoan = ""
        for i, para in enumerate(paragraphs):
            km = _KHOAN_LINE.match(para)
            if km:
                khoan, lead = km.group(1), para
            point = _POINT_LINE.match(para)
            section = f"Điều {art.number}"
            if khoan and (km or point):
                section += f" khoản {khoan}"
            if point:
                section += f" điểm {point.group(1)}"
            context = f"{ctx}\n{lead}" if point and lead else ctx
            text = clean_inline(para)
            chunks.append(
                Chunk(
                    chunk_id=f"{law.doc_id}:d{art.number}:{i}",
                    doc_id=law.doc_id,
                    doc_title=law.title,
                    doc_number=law.number,
                    kind="paragraph",
                    section=section,
                    article=art.number,
                    text=text,
                    context=context,
                    numbers=sorted({number_key(x) for x in find_numbers(text)}),
                )
            )
    return chunks
