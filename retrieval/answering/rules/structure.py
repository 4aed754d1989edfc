"""Rules over a document's tree: a part the question points to ("Mục II của kế hoạch nói
gì?", "Chương III của Quy chế", "Điều 5 … quy định thế nào"), and lists ("những yếu tố
nào", "áp dụng đối với những cơ quan nào") read from an item's entries."""

from __future__ import annotations

import datetime as dt
import re

from retrieval.answering.draft import Draft, end, shorten, strip_label, unique
from retrieval.answering.evidence import (
    Evidence,
    Library,
    asked_kinds,
    node_text,
    numbers_agree,
    numbers_disagree,
    overlap,
)
from retrieval.answering.question import Question
from retrieval.documents.model import AdminDocument, Node, Table, TableRow
from retrieval.documents.passages import Chunk
from retrieval.lang.text import clean_inline, fold, syllables

_LIST_KINDS = ("point", "bullet", "subbullet", "section", "subsection", "article", "roman", "chapter")


def _parts_of(d: AdminDocument, q: Question) -> list[AdminDocument]:
    """The document and what it issues, the one the question names first ("Quy chế …")."""
    parts = [d, *d.attachments]
    wants_attached = any(k in ("Quy chế", "Quy định") for k in q.documents.kinds) or "quy che" in q.folded
    return sorted(parts, key=lambda p: 0 if (p.attached_to and wants_attached) or (not p.attached_to and not wants_attached) else 1)


def _chunk_of(lib: Library, d: AdminDocument, n: Node) -> Chunk | None:
    return lib.chunk_for(d.doc_id, n.path, n.text or n.heading)


def _entries(n: Node) -> list[str]:
    # a short list is shown whole: its entries are the answer; a long one, each entry's start
    items = [c for c in n.children if c.kind not in ("paragraph", "table") or c.children]
    limit = 400 if len(items) <= 4 else 180
    out = []
    for c in n.children:
        if c.kind in ("paragraph",) and not c.children:
            continue
        if c.kind == "table":
            continue
        # a headed entry with nothing of its own says what its first item says ("1. Mục đích: Nâng cao …")
        inner = c.text or next((x.text for x in c.children if x.text), "")
        text = c.title if (c.heading and not inner) else (f"{c.title}: {strip_label(inner)}" if c.heading else _label(c) + c.text)
        out.append(shorten(strip_label(text) if c.kind in ("bullet", "subbullet") else text, limit))
    return out


def _row_line(t: Table, r: TableRow) -> str:
    cell = {role: r.cells[i] for i, role in enumerate(t.roles) if i < len(r.cells) and r.cells[i].strip()}
    what = cell.get("task") or next((c for c in r.cells if c.strip() and c.strip() != r.label), "")
    extra = [f"{t.columns[t.roles.index(role)].lower()}: {cell[role]}" for role in ("lead", "deadline")
             if role in cell and role in t.roles]
    return shorten(f"{r.label}. {clean_inline(what)}" + (f" ({'; '.join(extra)})" if extra else ""), 220)


def _label(c: Node) -> str:
    if c.kind == "point":
        return f"{c.label}) "
    if c.kind in ("section", "subsection", "roman"):
        return f"{c.label}. "
    if c.kind == "article":
        return f"Điều {c.label}. "
    return ""


def navigation(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    """A part as a whole ("Mục II … gồm những gì", "Điều 5 … quy định thế nào", "mục tiêu của
    kế hoạch … là gì" when a part of the named document has that heading); a question asking
    who, by when or how much within a part is the other rules' (they favour the part)."""
    if not ev.docs:
        return None
    if q.asks("lead", "cooperate", "deadline", "duration", "recipient", "via") and not q.asks("section"):
        return None
    topic = ev.topic
    if not q.parts:
        # a part named by its heading, in the document the question names or retrieval ranks
        # first ("kinh phí thực hiện kế hoạch … lấy từ đâu": the part holds the figure and its
        # source); a unit named asks for its duties there, not for the part
        top = ev.hits[0].chunk.doc_id if ev.hits else None
        about = ev.named_docs or ev.docs[0].doc_id == top
        # the unit that issued the document names the document, not whose duties are asked
        found = _part_by_heading(q, ev) if about and not (ev.units_besides_issuer() or ev.groups) else None
        return _part_draft(q, found[0], found[1], lib, topic) if found else None
    if q.asks("figure") and not q.asks("section"):
        return None
    for d in ev.docs[:2]:
        for part in _parts_of(d, q):
            for pm in q.parts:
                n = part.find(pm.path) if pm.kind not in ("phu luc", "bang") else None
                if pm.kind == "phu luc" and part.appendices:
                    n = part.appendices[0]
                if n is None:
                    continue
                return _part_draft(q, d, n, lib, topic)
    return None


# headings too common to name a part on their own
_PLAIN_HEADINGS = {"noi dung", "chung", "khac", "ket luan", "quy dinh chung", "dieu khoan thi hanh"}


def _part_by_heading(q: Question, ev: Evidence) -> tuple[AdminDocument, Node] | None:
    """The top-level part of the named document whose heading the question quotes whole
    ("MỤC TIÊU", "TỔ CHỨC THỰC HIỆN", "KINH PHÍ THỰC HIỆN"): the longest such heading."""
    asked = re.findall(r"\w+", q.folded)
    words, joined = set(asked), f" {' '.join(asked)} "
    best: tuple[tuple[int, int], AdminDocument, Node] | None = None
    opening: dict[str, int] = {}
    for d in ev.docs[:1]:
        for part in _parts_of(d, q):
            for n in part.body:
                head = fold(clean_inline(n.heading)).strip(" .:")
                hw = [w for w in re.findall(r"\w+", head) if w not in ("va", "cac")]
                if len(hw) < 2 or head in _PLAIN_HEADINGS:
                    continue
                opening[" ".join(hw[:2])] = opening.get(" ".join(hw[:2]), 0) + 1
                if f" {' '.join(hw[:2])} " not in joined:
                    continue  # the heading's words together, not scattered over the question
                # the whole heading quoted, or its opening words ("kết luận gì" for "Kết luận
                # của đồng chí Chủ tịch UBND xã") when no other part opens with them
                whole = all(w in words for w in hw)
                if not whole and not set(ev.topic) <= set(hw):
                    continue  # its opening words name it only when the question is about nothing else
                rank = (int(whole), len(hw) if whole else 0)
                if best is None or rank > best[0]:
                    best = (rank, d, n)
    if best is not None and not best[0][0]:
        opens = [w for w in re.findall(r"\w+", fold(clean_inline(best[2].heading))) if w not in ("va", "cac")]
        if opening.get(" ".join(opens[:2]), 0) > 1:
            return None
    return (best[1], best[2]) if best else None


def _part_draft(q: Question, d: AdminDocument, n: Node, lib: Library, topic: list[str]) -> Draft:
    # "Điều 5 … xử lý hồ sơ có nguy cơ quá hạn như thế nào": the khoản on that subject
    heading_words = set(syllables(fold(n.heading)))
    # a part the question names by its heading ("… kết luận gì?") is the answer as a whole
    if n.children and q.asks("content") and not q.asks("section", "list") and not set(topic) <= heading_words:
        best = max(n.walk(), key=lambda c: overlap(topic, node_text(c)) if c is not n else -1)
        if overlap(topic, node_text(best)) >= 0.35:
            c = _chunk_of(lib, d, best)
            text = clean_inline(node_text(best))
            return Draft(f"{n.title.rstrip('.')}, {best.path}: {text}", [x for x in (c,) if x],
                         "navigation", 0.9, doc_id=d.doc_id)
    entries = _entries(n)
    head = n.heading or n.title or n.path
    paras = [clean_inline(c.text) for c in n.children if c.kind == "paragraph" and c.text]
    lines = [end(f"{_cap(n.path)} “{clean_inline(head)}”" + (f" gồm {len(entries)} phần" if entries else ""))]
    if n.text:
        lines.append(shorten(clean_inline(n.text), 300))
    lines += [shorten(p, 300) for p in paras[:2]]
    lines += [f"- {e}" for e in entries[:10]]
    for child in n.children:
        t = child.table
        if t is None or not t.rows:
            continue
        if entries:
            lines.append(f"(kèm bảng {len(t.rows)} dòng)")
            continue
        # a part that is a table: its rows are its entries (task, who leads, by when)
        lines[0] = end(f"{_cap(n.path)} “{clean_inline(head)}” gồm {len(t.rows)} dòng")
        lines += [f"- {_row_line(t, r)}" for r in t.rows[:10]]
    # the part's own passage carries its outline or short entries; then its entries
    cited = unique([_chunk_of(lib, d, n), *(_chunk_of(lib, d, c) for c in n.children[:5])])
    return Draft("\n".join(lines), cited, "navigation", 0.9, doc_id=d.doc_id)


def _cap(path: str) -> str:
    return path[:1].upper() + path[1:]


def lists(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    """"Những … nào", "gồm những gì": the entries of the item the best passages point to."""
    if not q.asks("list"):
        return None
    topic = ev.topic
    best: tuple[float, AdminDocument, Node] | None = None
    docs = ev.docs if ev.named_docs else ev.top_admin(lib, 3)
    hit_paths = {(h.chunk.doc_id, h.chunk.section) for h in ev.hits[:5]}
    for d in docs:
        for part in [d, *d.attachments]:
            for n in part.walk():
                items = [c for c in n.children if c.kind in _LIST_KINDS]
                if len(items) < 2:
                    continue
                # what the item says of its list (heading and lead-in) weighs more than the entries
                own = " ".join([node_text(n), *(c.text for c in n.children if c.kind == "paragraph")])
                if numbers_disagree(q.folded, own):
                    continue  # "giai đoạn 1" asked, "Giai đoạn 2" here
                own_match = overlap(topic, own)
                if numbers_agree(q.folded, node_text(n)):
                    own_match += 0.3  # "giai đoạn 2 … gồm những gì": the item numbered so
                if own_match < 0.2:
                    continue  # what the entries are must be the question's subject, not their words
                s = max(own_match, 0.6 * overlap(topic, own + " " + " ".join(node_text(c) for c in items)))
                if all(not c.children for c in items):
                    s += 0.15  # a list of leaves is a list; a list of sections is an outline
                elif any(c.heading and c.children for c in items):
                    s -= 0.1
                if (d.doc_id, n.path) in hit_paths or any((d.doc_id, c.path) in hit_paths for c in items):
                    s += 0.1
                if best is None or s > best[0]:
                    best = (s, d, n)
    kinds = asked_kinds(q)
    enumeration = _unit_enumeration(q, ev, lib, topic, docs, kinds) if kinds else None
    if enumeration is not None and (best is None or enumeration[0] >= best[0] - 0.1):
        s, label, names, chunk = enumeration
        if q.asks("figure"):  # "bao nhiêu đơn vị …": the count, then who
            text = end(f"{len(names)} {_shown_kind(q, kinds[0])}: " + ", ".join(names))
        else:
            text = end(f"{label}: " + ", ".join(names))
        return Draft(text, [chunk], "lists", min(1.0, s + 0.1), doc_id=chunk.doc_id)
    # a list inside a sentence ("Tham dự cuộc họp có: lãnh đạo các sở: Nội vụ, Tài chính, …")
    # the lead-in of the item found ("Thí điểm tại phường A, phường B …, gồm các nội dung:")
    lead = None if best is None else _chunk_of(lib, best[1], best[2])
    near = [] if best is None or lead is None else \
        [(c.text, lead) for c in best[2].children if c.kind == "paragraph"]
    # an entry of the list found is a part of its answer, not another answer
    inside = set() if best is None else {(best[1].doc_id, c.path) for c in best[2].walk()}
    sentence = _listing_sentence(ev, lib, topic, asked_kinds(q), near, inside)
    if best is not None and kinds and not any(
            m.resolution.unit is not None and fold(m.resolution.unit.kind) in kinds
            for c in best[2].children if c.kind in _LIST_KINDS for m in lib.units.find(node_text(c))):
        best = (best[0] - 0.15, best[1], best[2])  # "những xã nào": entries that name no xã are not the list
    if sentence is not None and (best is None or sentence[0] > best[0]):
        s, text, chunk = sentence
        return Draft(text, [chunk], "lists", min(1.0, s), doc_id=chunk.doc_id)
    if best is None or best[0] < 0.45:
        return None
    s, d, n = best
    entries = _entries(n)
    head = clean_inline(node_text(n)).rstrip(":")
    text = f"{head}:\n" + "\n".join(f"- {e}" for e in entries[:12])
    cited = unique([_chunk_of(lib, d, n), *(_chunk_of(lib, d, c) for c in n.children[:6])])
    return Draft(text, cited, "lists", min(1.0, s), doc_id=d.doc_id)


def _unit_enumeration(q: Question, ev: Evidence, lib: Library, topic: list[str], docs: list[AdminDocument],
                      kinds_asked: list[str]) -> tuple[float, str, list[str], Chunk] | None:
    """Units a heading enumerates ("Các đơn vị được kiểm tra (các sở: Tư pháp, …; UBND các
    huyện: Yên Mỹ, …)"), as the document counts them, each resolved through the registry:
    what "những đơn vị nào" and "bao nhiêu đơn vị" ask for, where the item's entries are what
    those units must do."""
    from retrieval.documents.references import find_numbers
    from retrieval.facts.obligations import listed_names

    hit_paths = {(h.chunk.doc_id, h.chunk.section) for h in ev.hits[:5]}
    best: tuple[float, str, list[str], Chunk] | None = None
    for d in docs:
        for part in [d, *d.attachments]:
            for n in part.walk():
                head = n.heading or (n.text if n.text.rstrip().endswith(":") else "")
                listed = listed_names(head) if "(" in head else None
                if listed is None or len(listed[1]) < 2:
                    continue
                label, names = listed
                chunk = _chunk_of(lib, d, n)
                if chunk is None:
                    continue
                s = overlap(topic, label) + (0.1 if (d.doc_id, n.path) in hit_paths else 0.0)
                # "được kiểm tra theo Kế hoạch 191": the list the document it names defines
                if any(m.matches(x) for m in q.documents.numbers for x in find_numbers(label)):
                    s += 0.3
                # "những huyện, thị xã nào": only the names of the kinds asked
                wanted = [(nm, k) for nm, k in names if any(_is_kind(kind, k) for kind in kinds_asked)]
                shown = [_shown(lib, nm, k) for nm, k in (wanted or names)]
                if s >= 0.5 and (best is None or s > best[0]):
                    best = (s, label, shown, chunk)
    return best


def _is_kind(asked: str, kinds: tuple[str, ...]) -> bool:
    return any(fold(k) == asked or fold(k).endswith(" " + asked) for k in kinds)


def _shown_kind(q: Question, kind: str) -> str:
    """"đơn vị" as the question wrote it (folding keeps positions)."""
    at = fold(q.restored).find(kind)
    return q.restored[at:at + len(kind)] if at >= 0 else kind


def _shown(lib: Library, name: str, kinds: tuple[str, ...]) -> str:
    """A listed name as the registry knows it; a former name with what it is now."""
    r = lib.units.resolve(name, kinds, fuzzy=False)
    if r is None:
        return name
    return f"{r.via_former} (nay là {r.name})" if r.via_former else r.name


def _listing_sentence(ev: Evidence, lib: Library, topic: list[str], kinds: list[str],
                      near: list[tuple[str, Chunk]], inside: set[tuple[str, str]]) -> tuple[float, str, Chunk] | None:
    """A sentence that lists ("… tại phường A, phường B, xã C …"), in the best passages or in
    the item the list rule found (`near`): its lead-in may say what its bullets do not."""
    from retrieval.facts.obligations import split_sentences

    best: tuple[float, str, Chunk] | None = None
    hits = [(h.chunk.text, h.chunk) for h in ev.hits[:5] if (h.chunk.doc_id, h.chunk.section) not in inside]
    for text, chunk in [*hits, *near]:
        # a table's rows are not one sentence, and a named document's list is in that document
        if chunk.kind == "table" or (ev.named_docs and chunk.doc_id not in ev.doc_ids):
            continue
        for sent in (x for line in text.splitlines() for x in split_sentences(line)):
            if ":" not in sent or sent.count(",") < 3 or numbers_disagree(ev.question.folded, sent):
                continue
            # the item's heading says what the sentence's list is of ("Giai đoạn 1 …: thí điểm tại …")
            s = overlap(topic, f"{chunk.text.splitlines()[0]} {sent}") + 0.15
            if any(re.search(rf"\b{k}\s*:", fold(sent)) for k in kinds):
                s += 0.2  # "những sở nào" answered by "các sở: Nội vụ, Tài chính, …"
            elif kinds and sum(1 for m in lib.units.find(sent) if m.resolution.unit is not None
                               and fold(m.resolution.unit.kind) in kinds) >= 2:
                s += 0.3  # "những xã, phường nào" answered by "tại phường A, phường B, xã C"
            if best is None or s > best[0]:
                best = (s, sent, chunk)
    return best if best is not None and best[0] >= 0.5 else None


__all__ = ["COUNT_ASKED", "lists", "navigation"]


_COUNTED = {"chuong": ("chapter", "chương"), "dieu": ("article", "điều"), "muc": ("roman", "mục"),
            "phan": ("part", "phần"), "phu luc": ("appendix", "phụ lục")}
COUNT_ASKED = re.compile(r"\b(?:bao nhieu|may) (chuong|dieu|muc|phan(?! tram)|phu luc)\b")  # not "phần trăm"


def structure_counts(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    """"Quy chế … gồm mấy chương, mấy điều?": its parts counted, the one the question names
    (the document, or the Quy chế it issues)."""
    asked = list(dict.fromkeys(COUNT_ASKED.findall(q.folded)))
    if not asked or not ev.docs:
        return None
    if not ev.named_docs and not (ev.hits and ev.hits[0].chunk.doc_id == ev.docs[0].doc_id and q.documents.kinds):
        return None  # a document named, or of the kind named and ranked first
    d = ev.docs[0]
    part = _parts_of(d, q)[0]
    counts = []
    for word in asked:
        kind, label = _COUNTED[word]
        n = len(part.appendices) if kind == "appendix" else sum(1 for x in part.walk() if x.kind == kind)
        if kind == "roman" and n == 0:  # a letter's numbered points are its "mục" (cited so)
            n = sum(1 for x in part.body if x.path.startswith("mục "))
        counts.append(f"{n} {label}")
    name = part.title if part is not d else d.short_name
    if part is not d:
        name = f"{part.kind} ban hành kèm theo {d.short_name}"
    head = _chunk_of(lib, d, part.body[0]) if part.body else None
    cited = [c for c in (head,) if c is not None] or lib.by_doc.get(d.doc_id, [])[:1]
    return Draft(end(f"{name} gồm " + ", ".join(counts)), cited, "structure_counts", 0.95, doc_id=d.doc_id)
