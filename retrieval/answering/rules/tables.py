"""A cell of a table: the row the question names and the column it asks for.

"Thủ tục đăng ký kết hôn giải quyết trong bao lâu?" names the row "Đăng ký kết hôn" of a
TTHC list and asks its "Thời hạn giải quyết"; "Sản phẩm của nhiệm vụ nâng cấp hệ thống là
gì?" names a task-table row and asks its "Sản phẩm". Which column is asked is read from
the header's own words and from what kind of value each way of asking wants (a place for
"ở đâu", a fee for "bao nhiêu tiền"), so any table with a header row answers, whatever its
subject.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from retrieval.answering.draft import Draft, end, unique
from retrieval.answering.evidence import Evidence, Library, overlap
from retrieval.answering.question import Question
from retrieval.answering.table_query import LEVEL
from retrieval.documents.model import AdminDocument, Node, Table, TableRow
from retrieval.documents.passages import Chunk
from retrieval.lang.text import FOLDED_STOPWORDS, clean_inline, fold, syllables

# how a question asks for a kind of value -> the header words (or column role) of that value
ASKS: list[tuple[re.Pattern[str], re.Pattern[str] | None, str | None]] = [
    (re.compile(r"\bbao lau\b|\bmay ngay\b|\bthoi han\b|\bbao nhieu ngay\b|\bkhi nao\b|\bbao gio\b|\bngay nao\b|\bthang nao\b"),
     re.compile(r"thoi han|thoi gian|tien do|han hoan thanh"), "deadline"),
    (re.compile(r"\bo dau\b|\btai dau\b|\bnoi nao\b|\bnop (ho so )?(o|tai) dau\b|\bdia diem\b"),
     re.compile(r"dia diem|noi (tiep nhan|nop|thuc hien|giai quyet)|co quan tiep nhan"), None),
    (re.compile(r"\b(le )?phi\b|\bbao nhieu tien\b|\bmat tien\b|\bmien phi\b"), re.compile(r"\bphi\b|\ble phi\b|muc thu"), None),
    (re.compile(r"\bcan cu\b|\btheo (luat|nghi dinh|quy dinh) nao\b"), re.compile(r"can cu"), None),
    (re.compile(r"\bsan pham\b|\bket qua (la )?gi\b"), re.compile(r"san pham|ket qua"), "product"),
    (re.compile(r"\b(co quan|don vi|ai) (nao )?(chu tri|thuc hien|giai quyet)\b|\bdo (ai|co quan nao|don vi nao)\b|\btham quyen\b"),
     re.compile(r"co quan (giai quyet|thuc hien|chu tri)|tham quyen|chu tri|don vi thuc hien"), "lead"),
    (re.compile(r"\bphoi hop\b"), None, "cooperate"),
    (re.compile(r"\bdoi tuong\b"), re.compile(r"doi tuong"), "target"),
]
_LEVEL_NAMES = {"tinh": "tỉnh", "huyen": "huyện", "xa": "xã", "trung uong": "trung ương", "bo": "bộ"}
DUTY_ROLES = ("lead", "cooperate", "deadline")
_FIELD = re.compile(r"\blinh vuc (nao|gi)\b|\bthuoc linh vuc\b")
_AUTHORITY = re.compile(r"thẩm quyền giải quyết của\s+([^,.;()]+)", re.IGNORECASE)


@dataclass
class _Row:
    score: float
    doc: AdminDocument
    node: Node
    table: Table
    row: TableRow
    name: str


def _name_column(table: Table) -> int | None:
    for role in ("task", "unit"):
        i = table.column(role)
        if i is not None:
            return i
    return next((i for i, r in enumerate(table.roles) if r == "value"), None)


def _tables(d: AdminDocument) -> list[tuple[Node, Table]]:
    out = list(d.tables())
    for a in d.attachments:
        out += list(a.tables())
    return out


def _best_row(q: Question, ev: Evidence, lib: Library) -> _Row | None:
    docs = ev.docs if ev.named_docs else ev.top_admin(lib, 5)
    asked = [fold(w) for w in syllables(q.restored)]
    best: _Row | None = None
    by_subject = {t.doc.doc_id for t in ev.targets if t.why == "subject"}
    for d in docs:
        # the words that name a document by its subject name no row of it ("lịch công tác tuần
        # 12 của lãnh đạo UBND tỉnh áp dụng từ ngày nào" is not the row "Giao ban lãnh đạo … tuần 12")
        quoted = {fold(w) for w in syllables(d.subject)} if d.doc_id in by_subject else set()
        said = [w if w not in quoted else "" for w in asked]
        for node, table in _tables(d):
            col = _name_column(table)
            if col is None:
                continue
            rows = [r for r in table.rows if not r.span and col < len(r.cells) and r.cells[col].strip()]
            names = [[fold(w) for w in syllables(clean_inline(r.cells[col]))] for r in rows]
            df: dict[str, int] = {}
            for ws in names:
                for w in set(ws):
                    df[w] = df.get(w, 0) + 1
            for row, ws in zip(rows, names):
                if len(ws) < 2 or not _concerns(q, lib, table, row):
                    continue
                s = _named_share(ws, said, df, len(rows))
                if best is None or s > best.score or (s == best.score and len(ws) < len(syllables(best.name))):
                    best = _Row(s, d, node, table, row, clean_inline(row.cells[col]))
    return best if best is not None and best.score >= 0.5 else None


def _named_share(name: list[str], asked: list[str], df: dict[str, int], n_rows: int) -> float:
    """How much of a row's name the question says, in runs of two words or more, each word
    weighted by how few rows share it: "một cửa liên thông" tells a row apart, "bồi dưỡng
    nghiệp vụ" (in every row) does not."""
    weight = [0.0 if w in FOLDED_STOPWORDS else math.log(1 + n_rows / df.get(w, 1)) for w in name]
    total = sum(weight)
    if total == 0:
        return 0.0
    covered = [False] * len(name)
    for j in range(len(name) - 1):
        for i in range(len(asked) - 1):
            if asked[i] == name[j] and asked[i + 1] == name[j + 1]:
                covered[j] = covered[j + 1] = True
    share = sum(w for w, c in zip(weight, covered) if c) / total
    # people name a thing by its head: "chứng thực chữ ký" for "Chứng thực chữ ký trong các giấy tờ"
    head = next((k for k, c in enumerate(covered) if not c), len(covered))
    return max(share, 0.6) if head >= 3 else share


def _concerns(q: Question, lib: Library, table: Table, row: TableRow) -> bool:
    """A question naming a unit asks about rows that unit (or a group of it) leads or joins."""
    if not q.units or not any(r in table.roles for r in ("lead", "cooperate")):
        return True
    cells = " ".join(table.get(row, r) for r in ("lead", "cooperate"))
    named = {m.resolution.name for m in lib.units.find(cells)}
    for r in q.units:
        if r.name in named or any(g in named for g in lib.units.groups_of(r.name)):
            return True
    return False


def _asked_columns(q: Question, table: Table, name_col: int) -> list[int]:
    out: list[int] = []
    for ask, header, role in ASKS:
        if not ask.search(q.folded):
            continue
        for i, h in enumerate(table.columns):
            if i == name_col or i in out:
                continue
            if table.assigns_tasks and table.roles[i] in DUTY_ROLES:
                continue  # a task table's rows are duties: who and by when are the duty rules' answer
            folded_header = fold(clean_inline(h))
            if (header is not None and header.search(folded_header)) or (role is not None and table.roles[i] == role):
                out.append(i)
                break
    # a header named in the question ("căn cứ pháp lý", "ghi chú"): that column
    for i, header_text in enumerate(table.columns):
        words = [fold(w) for w in syllables(clean_inline(header_text))]
        if table.assigns_tasks and table.roles[i] in DUTY_ROLES:
            continue
        if i != name_col and i not in out and len(words) >= 2 and overlap(words, q.restored) >= 0.99:
            out.append(i)
    return out


def table_cell(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    if q.primary == "period":
        return None  # the span a document covers is its own, not a cell's
    found = _best_row(q, ev, lib)
    if found is None:
        return None
    table, row = found.table, found.row
    name_col = _name_column(table)
    assert name_col is not None
    facts: list[str] = []
    if _FIELD.search(q.folded) and row.group:
        group = clean_inline(re.sub(r"^[IVXL]+\.?\s*", "", row.group))
        facts.append(f"thuộc {group[:1].lower()}{group[1:]}")
    for i in _asked_columns(q, table, name_col):
        value = clean_inline(row.cells[i]) if i < len(row.cells) else ""
        facts.append(f"{clean_inline(table.columns[i]).lower()}: {value or 'bảng để trống'}")
    if not facts and re.search(r"\b(co quan|don vi|cap) nao\b.{0,20}\bgiai quyet\b|\btham quyen\b", q.folded):
        # the authority the list is under ("… thuộc thẩm quyền giải quyết của UBND cấp xã")
        m = _AUTHORITY.search(f"{table.caption} {found.node.heading} {found.doc.subject}")
        if m:
            facts.append(f"thuộc thẩm quyền giải quyết của {m.group(1).strip()}")
    if not facts:
        return _not_in_row(q, found, lib)
    cited = unique([_row_chunk(lib, found), *_table_chunk(lib, found)])
    # "… ở cấp huyện" of a list for "cấp xã": the document says nothing for the level asked
    scope = f"{table.caption} {found.node.heading} {found.doc.subject}"
    asked_level = {m.group(1) for m in LEVEL.finditer(q.folded)}
    levels = {m.group(1) for m in LEVEL.finditer(fold(scope))}
    if asked_level and levels and not asked_level & levels:
        shown = ", ".join(f"cấp {_LEVEL_NAMES[x]}" for x in sorted(levels))
        text = (f"{found.doc.short_name} chỉ nêu “{found.name}” ở {shown}; "
                f"văn bản không nêu cho cấp {', '.join(_LEVEL_NAMES[x] for x in sorted(asked_level))}.")
        return Draft(text, cited, "table_cell", 0.95, not_stated=True, doc_id=found.doc.doc_id)
    text = end(f"{found.name}: " + "; ".join(facts))
    # a row its question names and a column it asks for: as sure as a fact gets (ties go to
    # this rule, before the figures and duties that would quote the whole row); how much of the
    # question the row covers is its match, a passage that covers far more answers instead
    return Draft(text, cited, "table_cell", 1.0 if found.score >= 0.6 else 0.9,
                 doc_id=found.doc.doc_id, match=overlap(ev.topic, " ".join([*table.columns, *found.row.cells])))


def _not_in_row(q: Question, found: _Row, lib: Library) -> Draft | None:
    """A row the question names well, asked "which" of a thing neither its cells nor the header
    speak of ("cuộc họp … ngày 17/3 xem xét những dự án nào" of a schedule's row): the row is
    all the document says of it."""
    if found.score < 0.6 or not q.which or q.primary != "list":
        return None
    said = f" {' '.join(fold(w) for w in syllables(' '.join([*found.table.columns, *found.row.cells])))} "
    unsaid = [w for w in q.which if f" {fold(w)} " not in said]
    if not unsaid or len(unsaid) < len(q.which):
        return None
    cells = [f"{clean_inline(h)}: {clean_inline(v)}" for h, v in zip(found.table.columns, found.row.cells)
             if clean_inline(v) and clean_inline(h)]
    text = (f"{found.doc.short_name} không nêu {unsaid[0]} nào. Văn bản chỉ ghi: “{found.name}” — "
            + "; ".join(c for c in cells if not c.endswith(found.name)) + ".")
    cited = unique([_row_chunk(lib, found), *_table_chunk(lib, found)])
    return Draft(text, cited, "table_cell", 0.95, not_stated=True, doc_id=found.doc.doc_id)


def _row_chunk(lib: Library, r: _Row) -> Chunk | None:
    return lib.chunk_for(r.doc.doc_id, f"{r.node.path}, {r.row.citation}", r.name)


def _table_chunk(lib: Library, r: _Row) -> list[Chunk]:
    return [c for c in lib.by_section.get((r.doc.doc_id, r.node.path), []) if c.kind == "table"][:1]


__all__ = ["table_cell"]
