"""Structure-aware chunks: one retrievable unit per item of the document's tree.

An administrative document gives a chunk per point, khoản, numbered item with running
text, heading with its paragraphs, table row (its cells named by their columns) and
footnote, plus the header's facts (number, date, issuer, Kính gửi, căn cứ, Nơi nhận,
signature). A law gives one per paragraph of an article. Every chunk knows its document
and where it stands in it (its citation), carries its heading path into both indexes, and
has an id that changes only when the document's structure does, so embeddings are cached
by text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from retrieval.documents.model import AdminDocument, Document, Law, Node, Table, TableRow
from retrieval.documents.references import find_numbers, number_key
from retrieval.lang.text import clean_inline, fold

_POINT_LINE = re.compile(r"^([a-zđ])\)\s")
_KHOAN_LINE = re.compile(r"^(\d+)\.\s")
_MARK = re.compile(r"<sup>\s*(\d+)\s*</sup>")
# a list whose entries are this short is one passage with its heading ("05 yếu tố: - …; - …")

@dataclass
class Chunk:
    """One retrievable unit with everything needed to cite it."""

    chunk_id: str
    doc_id: str
    doc_title: str
    doc_number: str
    kind: str  # meta | preamble | section | point | footnote | closing | paragraph
    section: str  # human citation: "mục 2", "mục 1.a", "chú thích 13", "Điều 3 khoản 2"
    article: str | None
    text: str  # the passage as it appears in the document (footnote marks removed)
    context: str  # heading path that travels with the passage into both indexes
    footnotes: list[str] = field(default_factory=list)  # texts of footnotes it cites
    numbers: list[str] = field(default_factory=list)  # document numbers it mentions (normalised)
    defines: list[str] = field(default_factory=list)  # numbers this passage describes (a reference)

    def dense_text(self) -> str:
        return f"{self.context}\n{self.text}" if self.context else self.text

    def lexical_text(self) -> str:
        extra = " ".join(self.footnotes)
        return f"{self.context}\n{self.text}\n{extra}".strip()



SHORT_ENTRY = 160

ROLE_NAMES = {"task": "Nội dung", "lead": "Chủ trì", "cooperate": "Phối hợp", "deadline": "Thời gian",
              "product": "Sản phẩm", "target": "Đối tượng", "note": "Ghi chú"}


def citation_name(d: AdminDocument) -> str:
    """How answers name a document: "Kế hoạch 68/KH-UBND (UBND tỉnh Hưng Yên, 15/4/2025)";
    by subject, issuer and month when its number is blank ("Số: /UBND-NC")."""
    when = d.header.date.short()
    who = ", ".join(x for x in (d.issuer, when) if x)
    if d.attached_to:
        return f"{d.kind} ban hành kèm theo {short_reference(d.attached_to)}"
    name = d.short_name
    if d.header.urgency and d.kind == "Công văn":
        name = f"Công văn {d.header.urgency.lower()} {d.number}"
    if not d.header.number.blank and d.subject:
        # what it is about travels with its number ("Kế hoạch 27/KH-UBND về đào tạo, bồi dưỡng …")
        name += f" {about(d.subject)}"
    return f"{name} ({who})" if who else name


def about(subject: str, limit: int = 60) -> str:
    """"V/v khẩn trương báo cáo …" -> "V/v khẩn trương báo cáo …"; "Đào tạo, bồi dưỡng …" -> "về đào tạo, bồi dưỡng …"."""
    s = clean_inline(subject)
    if re.match(r"^(V/v|Về việc)\b", s, re.IGNORECASE):
        s = "V/v " + re.sub(r"^(V/v|Về việc)\s*", "", s, flags=re.IGNORECASE)
    elif re.match(r"^[Cc]ủa\s", s):
        s = "c" + s[1:]  # "của Ban Thường vụ Tỉnh ủy về …": a party trích yếu that says whose it is first
    else:
        s = re.sub(r"^[Vv]ề\s+", "", s)  # a party document's trích yếu opens "về …" in lower case
        s = "về " + (s[:1].lower() + s[1:] if s[1:2].islower() else s)
    if len(s) > limit:
        s = s[:limit].rsplit(" ", 1)[0].rstrip(",;") + "…"
    return s


def short_reference(text: str) -> str:
    """"Quyết định số 1875/QĐ-UBND ngày 28 tháng 8 năm 2025 của UBND tỉnh" -> "Quyết định 1875/QĐ-UBND"."""
    m = re.match(r"^(?P<kind>[^\d]+?)\s+(?:số\s+)?(?P<num>\d+[\w/.-]*)", clean_inline(text))
    return f"{m.group('kind')} {m.group('num')}" if m else clean_inline(text)


def chunk_document(doc: Document) -> list[Chunk]:
    if isinstance(doc, Law):
        return chunk_law(doc)
    return chunk_admin(doc)


class _Builder:
    def __init__(self, d: AdminDocument, root: AdminDocument, prefix: str,
                 node_ids: dict[tuple[int, int], str] | None = None) -> None:
        self.d, self.root, self.prefix = d, root, prefix
        # (id(node), row or -1) -> the chunk that carries the node's text, for citing duties
        self.node_ids = node_ids if node_ids is not None else {}
        self.chunks: list[Chunk] = []
        self.keys: dict[str, int] = {}
        self.title = d.title if not d.attached_to else f"{d.title} (ban hành kèm theo {short_reference(d.attached_to)})"
        self.number = root.number
        self.own = number_key(root.number) if not root.header.number.blank else ""
        self.head = f"{d.kind} {root.number} {d.subject} ({root.issuer})".replace("  ", " ")
        self.defined: dict[str, list[str]] = {}
        for r in root.references:
            self.defined.setdefault(r.location, []).append(number_key(r.number))

    def add(self, key: str, kind: str, section: str, text: str, context: str, notes: list[int] | None = None) -> str:
        key = re.sub(r"\s+", "-", key.strip())
        n = self.keys.get(key, 0)
        self.keys[key] = n + 1
        if n:
            key = f"{key}~{n + 1}"
        shown = clean_inline(text)
        if not shown:
            return ""
        notes = notes if notes is not None else [int(x) for x in _MARK.findall(text)]
        fns = self.root.footnotes
        self.chunks.append(Chunk(
            chunk_id=f"{self.root.doc_id}:{self.prefix}{key}",
            doc_id=self.root.doc_id,
            doc_title=self.title,
            doc_number=self.number,
            kind=kind,
            section=section,
            article=None,
            text=shown,
            context=context,
            footnotes=[f"({k}) {fns[k].text}" for k in notes if k in fns],
            # the document's own number names the whole document (retrieval lifts all of it),
            # not the passage that prints it
            numbers=sorted({number_key(x) for x in find_numbers(shown)} - {self.own}),
            defines=[n for n in self.defined.get(section, []) if n != self.own],
        ))
        return self.chunks[-1].chunk_id

    def mark(self, node: Node, chunk_id: str, row: int = -1) -> None:
        if chunk_id:
            self.node_ids[(id(node), row)] = chunk_id


def node_chunk_ids(d: AdminDocument) -> dict[tuple[int, int], str]:
    """Which chunk carries each item's text: (id(node), -1) or (id(table node), row index)."""
    ids: dict[tuple[int, int], str] = {}
    chunk_admin(d, ids)
    return ids


def chunk_admin(d: AdminDocument, node_ids: dict[tuple[int, int], str] | None = None) -> list[Chunk]:
    chunks: list[Chunk] = []
    for prefix, doc in [("", d)] + [(f"kem-{i + 1}:", a) for i, a in enumerate(d.attachments)]:
        b = _Builder(doc, d, prefix, node_ids)
        _header_chunks(b, doc)
        for n in doc.preamble:
            b.mark(n, b.add("mo-dau", "preamble", "phần mở đầu", n.text, b.head))
        for n in [*doc.body, *doc.appendices]:
            _node_chunks(b, n, [])
        for i, c in enumerate(doc.closing):
            b.add("ket", "closing", "phần kết", c, b.head)
        if doc.copies:
            b.add("noi-nhan", "meta", "Nơi nhận", "Nơi nhận: " + "; ".join(doc.copies) + ".", b.head)
        if doc.signer:
            b.add("ky", "meta", "phần ký", doc.signer.text.replace("\n", " "), b.head)
        if prefix == "":
            for k in sorted(d.footnotes):
                fn = d.footnotes[k]
                where = ", ".join(fn.cited_in)
                ctx = f"{b.head}\nChú thích {k}" + (f" (dẫn tại {where})" if where else "")
                b.add(f"chu-thich-{k}", "footnote", f"chú thích {k}", fn.text, ctx, [])
        chunks += b.chunks
    return chunks


def _header_chunks(b: _Builder, d: AdminDocument) -> None:
    h = d.header
    parts = [d.issuer + "."]
    if h.number.text:
        parts.append(f"Số: {h.number.text}.")
    if h.date.place or h.date.text:
        parts.append(f"{h.date.place or ''}, {h.date.text}.".lstrip(", "))
    if h.urgency:
        parts.append(f"Độ khẩn: {h.urgency}.")
    parts.append(f"{d.kind} {d.subject}".strip() + ".")
    if d.attached_to:
        parts.append(f"(Ban hành kèm theo {d.attached_to}).")
    if d.effective:
        parts.append(f"Hiệu lực: {d.effective}.")
    b.add("dau", "meta", "phần đầu", " ".join(parts), b.head)
    if d.recipients:
        b.add("kinh-gui", "meta", "Kính gửi", "Kính gửi: " + "; ".join(d.recipients) + ".", b.head)
    for basis in d.bases:
        b.add("can-cu", "meta", "căn cứ", basis, b.head)
    if d.authority:
        b.add("tham-quyen", "meta", "phần đầu", d.authority, b.head)


def _slug(path: str) -> str:
    return re.sub(r"[^0-9a-z.]+", "-", fold(path)).strip("-") or "x"


def _node_text(n: Node) -> str:
    title = n.title if n.heading else ""
    if n.kind in ("bullet", "subbullet"):
        return f"- {n.text}" if n.text else n.heading
    if n.text:
        label = {"section": f"{n.label}.", "subsection": f"{n.label}.", "subsubsection": f"{n.label}.", "roman": f"{n.label}.",
                 "point": f"{n.label})", "article": f"Điều {n.label}."}.get(n.kind, "")
        return " ".join(x for x in (title or label, n.text) if x)
    return title


def _node_chunks(b: _Builder, n: Node, path: list[str]) -> None:
    ctx = b.head + ("\n" + " > ".join(path) if path else "")
    if n.kind == "table" and n.table is not None:
        _table_chunks(b, n, n.table, ctx)
        return
    kind = {"point": "point", "bullet": "point", "subbullet": "point", "paragraph": "paragraph"}.get(n.kind, "section")
    key = _slug(n.path) + ("-b" if n.kind in ("bullet", "subbullet") else "")
    own = _node_text(n)
    texts = [c for c in n.children if c.kind in ("paragraph",)]
    lists = [c for c in n.children if c.kind in ("bullet", "subbullet", "point")]
    others = [c for c in n.children if c not in texts and c not in lists]
    short_list = lists and all(c.kind in ("bullet", "subbullet") and len(clean_inline(c.text)) <= SHORT_ENTRY
                               and not c.children for c in lists)
    if n.kind == "appendix":
        b.mark(n, b.add(key, "section", n.path, f"PHỤ LỤC {n.label} {n.heading} {n.text}".replace("  ", " "), ctx))
    elif not n.children:
        b.mark(n, b.add(key, kind, n.path, own, ctx))
    elif not lists and not others:
        # a heading and its paragraphs are one passage: "3. Thanh tra tỉnh: Chủ trì thanh tra …"
        cid = b.add(key, "section", n.path, "\n".join([own, *(c.text for c in texts)]), ctx)
        for c in [n, *texts]:
            b.mark(c, cid)
        texts = []
    elif short_list and not others:
        # a short list reads as one passage with its heading ("05 yếu tố: - …; - …")
        parts = [own, *(c.text for c in texts), *(_node_text(c) for c in lists)]
        cid = b.add(key, "section", n.path, "\n".join(p for p in parts if p), ctx)
        for c in [n, *texts, *lists]:
            b.mark(c, cid)
        texts, lists = [], []
    else:
        # a heading over short entries carries them ("2. Quy chế này áp dụng đối với: a) …; b) …"),
        # over headed parts their outline ("II. ĐỐI TƯỢNG, … — 1. Đối tượng; 2. Phạm vi; …"): the
        # passage that answers "what does it hold" is then one passage
        entries = [c for c in [*lists, *others] if c.kind not in ("table",)]
        leaves = all(not c.children and len(clean_inline(c.text or c.heading)) <= 220 for c in entries)
        if entries and leaves and sum(len(c.text or c.heading) for c in entries) <= 1500:
            parts = [own, *(c.text for c in texts), *(_node_text(c) for c in entries)]
            b.mark(n, b.add(key, "section", n.path, "\n".join(p for p in parts if p), ctx))
        elif entries and all(c.heading for c in entries) and len(entries) <= 12:
            outline = "; ".join(clean_inline(c.title) for c in entries)
            b.mark(n, b.add(key, "section", n.path, f"{own} — {outline}", ctx))
        else:
            b.mark(n, b.add(key, "section", n.path, own, ctx))
    sub = path + ([clean_inline(n.title or _node_text(n))[:160]] if n.kind not in ("paragraph",) else [])
    for c in texts:
        b.mark(c, b.add(key + "-p", "paragraph", n.path, c.text, b.head + "\n" + " > ".join(sub)))
    for c in lists:
        _node_chunks(b, c, sub)
    for c in others:
        _node_chunks(b, c, sub)


def row_text(table: Table, row: TableRow) -> str:
    """A row as a sentence of named cells: "Tập huấn … | Chủ trì: Sở Nội vụ | Phối hợp: Bưu điện tỉnh | Thời gian: …"."""
    if row.span:
        return next((c for c in row.cells if c), "")
    task = table.get(row, "task")
    parts = [task] if task else []
    for i, (col, role) in enumerate(zip(table.columns, table.roles)):
        if role in ("index", "task") or i >= len(row.cells) or not row.cells[i]:
            continue
        name = clean_inline(col) or ROLE_NAMES.get(role, "")
        parts.append(f"{name}: {row.cells[i]}")
    return " | ".join(parts)


def _table_chunks(b: _Builder, n: Node, table: Table, ctx: str) -> None:
    where = n.path
    caption = table.caption or (n.path if n.path.startswith("Phụ lục") else "")
    key = _slug(where) + "-bang"
    lines = [f"{r.label + '. ' if r.label else ''}{row_text(table, r)}" for r in table.rows]
    whole = "\n".join([caption, " | ".join(table.columns), *lines]).strip()
    if len(table.rows) <= 20:
        b.mark(n, b.add(key, "table", where, whole, ctx))
    tctx = ctx + (f"\n{caption}" if caption else "") + "\n" + " | ".join(table.columns)
    for r in table.rows:
        group = f"{r.group}: " if r.group else ""
        b.mark(n, b.add(f"{key}-{r.label or r.index}", "row", f"{where}, {r.citation}", group + row_text(table, r), tctx),
               r.index)


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
