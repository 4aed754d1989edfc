"""A table asked as a table: the row with the highest or lowest value of a column, the rows
that meet a condition (a change below zero, a value under a level), a total, or a row named
by its unit or task with every column the question asks ("thời gian nào, ở đâu")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from retrieval.answering.draft import Draft
from retrieval.answering.evidence import KINDS, Evidence, Library, asked_kinds, topic_tokens, years_disagree
from retrieval.answering.question import Question
from retrieval.answering.table_query import (
    LEVEL,
    ORDERING_OPS,
    TableAnswer,
    asks_target_not_held,
    columns,
    read_ask,
    row_name,
    run,
)
from retrieval.documents.model import AdminDocument, Node, Table
from retrieval.documents.passages import Chunk
from retrieval.lang.text import clean_inline, fold, syllables

# slots a table of figures does not answer by a row alone
OTHER_SLOTS = ("recipient", "via", "deadline", "lead", "cooperate", "duties", "signer", "issuer", "summary", "yes_no",
               "period")


def _tables(d: AdminDocument) -> list[tuple[Node, Table, str]]:
    """Each table of a document and what says what it is about: the kind and subject of the part
    it stands in (a Đề án attached to its Quyết định), the heading of the section or appendix
    over it ("KHÁI TOÁN KINH PHÍ THỰC HIỆN ĐỀ ÁN"), its caption."""
    out: list[tuple[Node, Table, str]] = []
    for part in [d, *d.attachments]:
        for top in [*part.preamble, *part.body, *part.appendices]:
            for n in top.walk():
                if n.table is not None:
                    context = " ".join([part.kind, part.subject, top.heading, top.text[:200], n.table.caption, n.heading,
                                        *(c.text for c in top.children if c.kind == "paragraph")][:12])
                    out.append((n, n.table, context))
    return out


def _chunks(lib: Library, d: AdminDocument, node: Node, ans: TableAnswer) -> list[Chunk]:
    out: list[Chunk] = []
    for r in ans.rows[:4]:
        if r.total:  # a total row has no line of its own among the passages: the table says it
            continue
        c = lib.chunk_for(d.doc_id, f"{node.path}, {r.citation}")
        if c is not None and c not in out:
            out.append(c)
    whole = [c for c in lib.by_section.get((d.doc_id, node.path), []) if c.kind == "table"]
    return out + [c for c in whole[:1] if c not in out]


def _same_level(q: Question, ans: TableAnswer) -> bool:
    """A question asking at one level of government ("cấp huyện") and rows that say their level
    must agree."""
    asked = set(LEVEL.findall(q.folded))
    if not asked:
        return True
    said = {lv for r in ans.rows for lv in LEVEL.findall(fold(" ".join(r.cells)))}
    return not said or bool(asked & said)


def _names_other_units(q: Question, d: AdminDocument) -> bool:
    """Whether the question names a unit besides the ones the document is about ("Kinh phí Đề án
    Trung tâm PVHCC …" names the Trung tâm its subject names; "phường Sơn Nam …" names another)."""
    about = fold(f"{d.subject} {d.issuer}")
    return any(fold(r.name) not in about for r in q.units)


def _group_fit(q: Question, lib: Library, table: Table, name_col: int | None) -> float:
    """"Trong khối sở, ban, ngành, đơn vị nào …": of two tables of units, the one whose rows are
    the group the question names counts more; one whose rows are none of it, less."""
    groups = [r.group.name for r in q.units if r.group is not None]
    # "sở nào …", "những xã nào …": the kind of unit the rows must be
    kinds = {k for k in KINDS if re.search(rf"\b{k} nao\b|\b(?:cac|khoi|nhung) {k}\b", q.folded)} | set(asked_kinds(q))
    kinds -= {"don vi", "co quan"}
    if not (groups or kinds) or name_col is None:
        return 0.0
    members = {u.name for g in groups for u in lib.units.members(g)}
    found = [m.resolution.unit for r in table.rows if not r.span and not r.total
             for m in lib.units.find(row_name(table, r, name_col), groups=False)[:1] if m.resolution.unit is not None]
    if len(found) < 2:
        return 0.0
    inside = sum(1 for u in found if u.name in members or fold(u.kind) in kinds) / len(found)
    return 0.6 if inside >= 0.8 else -0.6 if inside == 0 else 0.0


def _rows_named_as_units(q: Question, table: Table, ans: TableAnswer) -> bool:
    names = [fold(r.name) for r in q.units if r.unit is not None]
    return len(names) >= len(ans.rows) and all(
        any(n in fold(row_name(table, row, ans.name_col)) for n in names) for row in ans.rows)


def table_query(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    ask = q.table
    if ask is None or q.asks("period"):
        return None  # the span a document covers is its own, not a row's
    docs = ev.docs if ev.named_docs else ev.top_admin(lib, 5)
    # "tthc" names the row "Cải cách thủ tục hành chính": the question's abbreviations spelled out too
    spelled = [w for a in lib.glossary.abbreviations_in(q.text) if len(a.rstrip(".")) > 2
               for w in syllables(fold(lib.glossary.entries[a][0]))]
    if spelled:
        ask = replace(ask, words=[*ask.words, *spelled])
    # an abbreviation ("PVHCC") is said in full by the table's document, not as typed
    topic = [w for w in topic_tokens(q, ev=ev) if lib.glossary.lookup(w) is None]
    asks_other = tuple(s for s in OTHER_SLOTS if q.asks(s))
    best: tuple[float, AdminDocument, Node, str, TableAnswer] | None = None
    for rank, d in enumerate(docs):
        for node, table, context in _tables(d):
            if years_disagree(q.folded, f"{d.subject} {context} {' '.join(table.columns)}") or \
                    asks_target_not_held(q.folded, table, context):
                continue  # "chỉ tiêu năm 2026" of a table of 2025's results
            ans = run(table, ask, topic, context, has_units=_names_other_units(q, d), asks_other=asks_other,
                      asks_duty=q.asks("duties", "recipient", "via"))
            if ans is None or (ans.op == "lookup" and table.assigns_tasks and q.asks("lead", "cooperate")):
                continue  # who leads and who joins a task: the duty rules read every row and passage
            if ans.op == "lookup" and not _same_level(q, ans):
                continue  # "ở cấp huyện" of a row done at "cấp xã": the row is not the answer
            fit = ans.fit - 0.05 * rank + _group_fit(q, lib, table, ans.name_col)
            if ans.op == "lookup" and ans.rows and _rows_named_as_units(q, table, ans):
                fit += 0.3  # every row found is a unit the question names ("Phố Hiến và Mỹ Hào")
            if best is None or fit > best[0]:
                best = (fit, d, node, context, ans)
    if best is None:
        return None
    fit, d, node, context, ans = best
    if ans.op == "lookup" and fit < 1.5 or fit < 0.9:
        return None
    if ans.op == "no_day":  # the table is what is asked about, and it has no such day
        return Draft(ans.text, _chunks(lib, d, node, ans), "table_query", 1.0, not_stated=True, doc_id=d.doc_id,
                     topic_free=True)
    assert node.table is not None
    text = _with_unit(ans.text, node.table, context)
    # a count of rows yields to a passage that states the count ("công bố 04 thủ tục")
    # — unless the rows are asked by name too ("bao nhiêu xã, phường, là những xã, phường nào")
    score = 0.85 if ans.op == "count" and not q.asks("list") else 1.0 if ans.op != "lookup" or len(ans.columns) >= 2 else 0.96
    # a table whose headers or groups the question names is what it asks about, however few of
    # its words the passages share ("đơn vị nào giảm so với quý trước?")
    return Draft(text, _chunks(lib, d, node, ans), "table_query", score, doc_id=d.doc_id,
                 topic_free=ans.fit >= (1.5 if ans.op != "lookup" else 1.7))


# "Đơn vị tính: triệu đồng", "ĐVT: hồ sơ" over a table: the unit of its figures
_UNIT_LINE = re.compile(r"\b(?:đơn vị tính|đơn vị|đvt)\s*:\s*([^;)\n|]{2,30}?)\s*(?:[;)\n|*]|$)", re.IGNORECASE)
_FIGURE = re.compile(r"(?<![\d.,/])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+)(?!\d|[.,/]\d|\s*%)")


def _with_unit(text: str, table: Table, context: str) -> str:
    """The figures a table gives, with the unit it states once over them ("86.400 triệu
    đồng"): a figure of money or a count alone is half the answer."""
    m = _UNIT_LINE.search(context)
    stated = m.group(1).strip(" .*") if m else ""
    # a column headed "(%)" holds shares; the others, what the table states over them
    units: dict[str, str] = {}
    for c in columns(table):
        if not c.numeric or table.roles[c.index] == "index":
            continue
        unit = "%" if "%" in c.header else stated
        for r in [*table.rows, *table.aggregates]:
            if unit and c.index < len(r.cells):
                units.setdefault(clean_inline(r.cells[c.index]), unit)
    if not units:
        return text
    return _FIGURE.sub(lambda x: x.group(0) + ("%" if units.get(x.group(0)) == "%" else f" {units[x.group(0)]}")
                       if x.group(0) in units else x.group(0), text)


__all__ = ["ORDERING_OPS", "read_ask", "table_query"]
