"""A question asked of a table: which rows (by their name, their group, a condition on a
column), which columns, and what operation (lookup, list, count, max, min, sum).

The question is read once into a `TableAsk` from `retrieval/lang/data/tables.yaml`; a table is
read into typed columns (number, percent, signed change, money, date, text) with its group
rows and totals kept apart (the document model already holds them apart); `run` answers the
ask on one table and says how well the table fits it, so the rule can pick the table that
fits best among the documents the question is about. Nothing here names a document.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from retrieval.answering.draft import shorten
from retrieval.documents.model import Table, TableRow
from retrieval.facts.deadlines import spans_in
from retrieval.lang.text import FOLDED_STOPWORDS, clean_inline, fold, syllables

DATA = Path(__file__).resolve().parents[1] / "lang" / "data" / "tables.yaml"

ORDERING_OPS = ("max", "min", "range")
CONDITION_OPS = ("decrease", "increase", "below", "above", "zero", "equal")


@dataclass(frozen=True)
class TableLanguage:
    operations: dict[str, tuple[str, ...]]
    asks_rows: frozenset[str]
    value_kinds: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # kind -> (cues, header words)
    total_headers: tuple[str, ...]
    filler: frozenset[str]
    targets: tuple[str, ...] = ()  # words that ask a target, which a table of results does not hold
    share_cues: tuple[str, ...] = ()  # words that ask a value as a share
    time_words: tuple[str, ...] = ()  # a superlative of time ("muộn nhất"): what orders a column of dates
    count_words: tuple[str, ...] = ()  # a superlative that counts rows ("nhiều … nhất", "ít … nhất")
    every_words: tuple[str, ...] = ()  # "từng khối", "mỗi khối": every group of rows


@lru_cache(maxsize=1)
def language() -> TableLanguage:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    kinds = {k: (tuple(v.get("cues", [])), tuple(v.get("headers", []))) for k, v in raw["value_kinds"].items()}
    return TableLanguage({k: tuple(v) for k, v in raw["operations"].items()}, frozenset(raw["asks_rows"]), kinds,
                         tuple(raw["total_headers"]), frozenset(raw["filler"]), tuple(raw["targets"]),
                         tuple(raw.get("share_cues", [])), tuple(raw.get("time_words", [])),
                         tuple(raw.get("count_words", [])), tuple(raw.get("every_words", [])))


_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b")
# the level of government a question or a row names ("cấp huyện"), folded
LEVEL = re.compile(r"\bcap (tinh|huyen|xa|trung uong|bo)\b")


def _has(phrase: str, folded: str) -> bool:
    return re.search(_pattern(phrase), folded) is not None


@dataclass
class TableAsk:
    """What a question asks of a table, read from its folded words."""

    words: list[str]  # the folded syllables of the question
    ops: list[str]  # max | min | sum | decrease | increase | below | above | count
    kinds: list[str]  # the kinds of value asked: time, place, person, deadline, money …
    lists: bool  # "những … nào": rows that meet a condition, not one row
    level: float | None = None  # the number of "dưới 90%", "trên 100 hồ sơ"
    dates: list[tuple[int, int, int]] = field(default_factory=list)  # the days it names ("hạn 05/11/2025")
    share: bool = False  # the level is a share ("dưới 40%"): a column of shares holds it
    ordered: list[str] = field(default_factory=list)  # what "nhiều … nhất" orders by ("hồ sơ quá hạn")
    # the quarters and months it names ("trong quý II/2027"), as first and last day
    periods: list[tuple[dt.date, dt.date]] = field(default_factory=list)

    @property
    def op(self) -> str:
        if "range" in self.ops or ("max" in self.ops and "min" in self.ops):
            return "range"  # "sớm nhất và muộn nhất": both ends
        for o in ("max", "min"):
            if o in self.ops:
                return o
        if self.lists:
            for o in CONDITION_OPS:
                if o in self.ops and (o in ("decrease", "increase", "zero") or self.level is not None):
                    return o
        if "equal" in self.ops and self.level is not None and self.share and not {"below", "above"} & set(self.ops):
            return "equal"  # "chỉ tiêu đạt 100% năm 2028": the rows at that share, a list or not
        if "sum" in self.ops:
            return "sum"
        return "lookup"


def _pattern(phrase: str) -> str:
    if phrase.startswith("re:"):  # a pattern, where a phrase cannot say what must not follow
        return phrase[3:]
    if ".." in phrase:  # "ít .. nhất": a few words between ("ít hồ sơ được kiểm tra nhất")
        a, b = (p.strip() for p in phrase.split("..", 1))
        # "cập nhật", "thống nhất" end in the word but order nothing; "báo cáo cho ai, chậm nhất"
        # is no "cao … nhất": the words between run within one clause, and "cáo" of "báo cáo" is no "cao"
        return rf"(?<!bao )\b{re.escape(a)}(?: [^\s,;:?]+){{1,8}} (?<!cap )(?<!thong )(?<!hop )(?<!duy ){re.escape(b)}\b"
    return rf"\b{re.escape(phrase)}\b"


@lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, re.Pattern[str]], dict[str, re.Pattern[str]]]:
    """One pattern per operation and per kind of value: the question is read once per ask."""
    lang = language()
    ops = {op: re.compile("|".join(_pattern(p) for p in phrases)) for op, phrases in lang.operations.items()}
    kinds = {k: re.compile("|".join(_pattern(c) for c in cues)) for k, (cues, _h) in lang.value_kinds.items()}
    return ops, kinds


def read_ask(folded: str) -> TableAsk:
    op_cues, kind_cues = _cues()
    ops = [op for op, pat in op_cues.items() if pat.search(folded)]
    kinds = [k for k, pat in kind_cues.items() if pat.search(folded)]
    lists = re.search(r"\b(nhung|cac)\b.{0,60}\bnao\b|\bliet ke\b|\bnao\b.{0,40}\b(giam|tang|duoi|tren|khong co|khong con)\b",
                      folded) is not None
    level = None
    m = re.search(r"\b(?:duoi|tren|thap hon|cao hon|nho hon|lon hon|khong qua|vuot)\s+(\d+(?:[.,]\d+)?)", folded) \
        or re.search(r"\btu\s+(\d+(?:[.,]\d+)?)\s*%?\s*tro len\b", folded)  # "(chưa) đạt từ 60% trở lên"
    if m is None and re.search(r"\b(?:chua dat|khong dat)\b", folded):
        m = re.search(r"(\d+(?:[.,]\d+)?)\s*%", folded)  # "chưa đạt chỉ tiêu 60%": the level is the share named
    if m is None:
        m = re.search(r"\b(?:dat|bang|la)\s+(\d+(?:[.,]\d+)?)\s*%", folded)  # "đạt 100%": the share reached
    if m:
        level = float(m.group(1).replace(",", "."))
    dates = [d for m in _DATE.finditer(folded) if (d := day(m.group(0))) is not None]
    share = m is not None and re.search(rf"\b{re.escape(m.group(1))}\s*%", folded) is not None
    inner = _ORDERED.search(folded) if ("max" in ops or "min" in ops) else None
    ordered = inner.group(1).split() if inner else []
    periods = [sp for sp in spans_in(folded) if sp[0] != sp[1]]  # a day is one of `dates`
    return TableAsk([w for w in syllables(folded)], ops, kinds, lists, level, dates, share, ordered, periods)


# the words a superlative wraps: "nhiều hồ sơ quá hạn nhất" orders rows by "hồ sơ quá hạn"
_ORDERED = re.compile(r"\b(?:nhieu|it|cao|thap|lon|nho|som|muon|dai|ngan)((?: (?!nhat\b)\S+){1,8}) nhat\b")


# -- typed columns -------------------------------------------------------------------------------
_NUMBER = re.compile(r"[+\-−–]?\s?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[+\-−–]?\s?\d+(?:,\d+)?")


_UNIT_AFTER = re.compile(r"^(?P<n>[+\-−–]?\s?\d[\d.,]*)\s*(?P<unit>%|[^\W\d_][^\d]{0,30})?$")


def number(text: str) -> float | None:
    """"18.450" -> 18450, "99,57" -> 99.57, "-17,3" -> -17.3, "08 tài khoản" -> 8; None for a
    text cell."""
    t = clean_inline(text).strip()
    m = _UNIT_AFTER.match(t) if t else None
    if m is None or (m.group("unit") and len(m.group("unit").split()) > 3):
        return None
    if _NUMBER.fullmatch(m.group("n").strip()) is None:
        return None
    s = m.group("n").replace(" ", "").replace("−", "-").replace("–", "-")
    try:
        return float(s.replace(".", "").replace(",", "."))
    except ValueError:
        return None


def day(text: str) -> tuple[int, int, int] | None:
    """The date a cell says ("Trước 05/11/2025" -> (2025, 11, 5)); year 0 when it gives none."""
    m = _DATE.search(clean_inline(text))
    if m is None:
        return None
    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    return (y, mo, d) if 1 <= d <= 31 and 1 <= mo <= 12 else None


def due(text: str) -> tuple[int, int, int] | None:
    """The day a cell of deadlines says, or the last day of the period it names ("Tháng 12/2026",
    "Quý III/2026"): what orders a column of deadlines. A recurring one ("Hằng tháng") has none."""
    d = day(text)
    if d is not None:
        return d
    spans = spans_in(text)
    if len(spans) != 1:
        return None
    end = spans[0][1]
    return (end.year, end.month, end.day)


@dataclass
class Column:
    index: int
    header: str
    words: list[str]  # folded header syllables that can be matched
    kind: str  # number | percent | change | date | text
    numeric: bool


_COLUMNS: dict[int, tuple[Table, list[Column]]] = {}


def columns(table: Table) -> list[Column]:
    """The table's typed columns, read once per table (kept while the table lives)."""
    got = _COLUMNS.get(id(table))
    if got is not None and got[0] is table:
        return got[1]
    if len(_COLUMNS) > 4096:  # an index reloaded many times: start afresh
        _COLUMNS.clear()
    cols = _typed_columns(table)
    _COLUMNS[id(table)] = (table, cols)
    return cols


def _typed_columns(table: Table) -> list[Column]:
    lang = language()
    out = []
    for i, h in enumerate(table.columns):
        cells = [r.cells[i] for r in table.rows if i < len(r.cells) and r.cells[i].strip()]
        nums = [number(c) for c in cells]
        numeric = bool(cells) and sum(n is not None for n in nums) >= 0.8 * len(cells)
        fh = fold(clean_inline(h))
        words = [w for w in syllables(fh) if w not in lang.filler]
        # "Số ngày chậm (tính đến ngày 24/3/2026)": a parenthesis with a date or figure qualifies
        # the column; the question names it by the words before (a unit, "(đồng)", stays)
        bare = [w for w in syllables(re.sub(r"\([^)]*\d[^)]*\)", " ", fh)) if w not in lang.filler]
        if bare and len(bare) < len(words):
            words = bare
        signed = numeric and any(c.strip()[:1] in "+-−–" for c in cells)
        dated = not numeric and bool(cells) and sum(due(c) is not None for c in cells) >= 0.8 * len(cells)
        kind = "change" if signed else "percent" if "%" in h or "ty le" in fh else "number" if numeric \
            else "date" if dated else "text"
        out.append(Column(i, clean_inline(h), words, kind, numeric))
    return out


def _name_column(table: Table, cols: list[Column]) -> int | None:
    for role in ("unit", "task"):
        i = table.column(role)
        if i is not None:
            return i
    return next((c.index for c in cols if not c.numeric and table.roles[c.index] not in ("index", "measure")), None)


def row_name(table: Table, row: TableRow, name_col: int | None) -> str:
    if name_col is not None and name_col < len(row.cells) and row.cells[name_col].strip():
        return clean_inline(row.cells[name_col])
    return next((clean_inline(c) for c in row.cells if c.strip() and number(c) is None), row.label)


# -- matching ------------------------------------------------------------------------------------
def _header_match(col: Column, asked: set[str]) -> float:
    if not col.words:
        return 0.0
    return sum(1 for w in col.words if w in asked) / len(col.words)


def _said_together(words: list[str], asked: list[str]) -> float:
    """How much of a header the question says in one stretch (fillers aside), the stretch no
    longer than the header and a word: "tỷ lệ giải quyết đúng hạn" says all of "Tỷ lệ đúng hạn";
    "tài khoản … cập nhật" far apart says two words of "Số tài khoản được cấp", not three."""
    want = set(words)
    if not want:
        return 0.0
    span = len(want) + 2
    best = 0
    for i, w in enumerate(asked):
        if w in want:
            best = max(best, len(want & set(asked[i:i + span])))
    return best / len(want)


def _kind_columns(table: Table, cols: list[Column], kinds: list[str]) -> list[int]:
    lang = language()
    out: list[int] = []
    for k in kinds:
        headers = lang.value_kinds[k][1]
        for c in cols:
            fh = fold(c.header)
            if c.index not in out and any(_has(h, fh) for h in headers):
                out.append(c.index)
    return out


def _row_share(name: list[str], asked: list[str], df: dict[str, int], n_rows: int) -> tuple[float, bool]:
    """How much of a row's name the question says, in runs of two words (a one-word name by
    itself), each word weighted by how few rows share it; and whether that names the row
    (people name a thing by its head: "chứng thực chữ ký" for "Chứng thực chữ ký trong các
    giấy tờ")."""
    weight = [0.0 if w in FOLDED_STOPWORDS else math.log(1 + n_rows / df.get(w, 1)) for w in name]
    total = sum(weight)
    if total == 0:
        return 0.0, False
    if len(name) == 1:
        return (1.0, True) if name[0] in asked else (0.0, False)
    pairs = set(zip(asked, asked[1:]))
    covered = [False] * len(name)
    for j in range(len(name) - 1):
        if (name[j], name[j + 1]) in pairs:
            covered[j] = covered[j + 1] = True
    share = sum(w for w, c in zip(weight, covered) if c) / total
    head = next((k for k, c in enumerate(covered) if not c), len(covered))
    return share, share >= 0.6 or (head >= 3 and share >= 0.3)


@dataclass
class TableAnswer:
    fit: float  # how well the table fits the question (0..)
    op: str
    rows: list[TableRow]  # the rows the answer names, in the order it names them
    columns: list[int]  # the columns it gives
    name_col: int | None
    text: str
    detail: dict[str, str] = field(default_factory=dict)


def _fmt_row(table: Table, row: TableRow, cols: list[int], name_col: int | None, with_headers: bool = True) -> str:
    parts = []
    for i in cols:
        if i == name_col or i >= len(row.cells) or not row.cells[i].strip():
            continue
        v = clean_inline(row.cells[i])
        parts.append(f"{clean_inline(table.columns[i])}: {v}" if with_headers else v)
    return f"{row_name(table, row, name_col)}: " + "; ".join(parts) if parts else row_name(table, row, name_col)


def run(table: Table, ask: TableAsk, asked_content: list[str], context: str = "", has_units: bool = False,
        asks_other: tuple[str, ...] = (), asks_duty: bool = False) -> TableAnswer | None:
    """The ask answered on this table, or None when it does not fit. `asked_content`: the
    question's topic syllables; `context`: the table's caption and section heading; `has_units`:
    the question names a unit, so a table's total is not its answer; `asks_other`: it asks what
    a table of figures does not hold (to whom, by when, what duty), so a named row alone is not
    its answer (the slots it asks beside a row: those the table has a column for do not count);
    `asks_duty`: it asks a unit's duty, which a row holding the unit's name is not."""
    cols = columns(table)
    held = {slot for slot, roles in _SLOT_ROLES.items() if any(r in table.roles for r in roles)}
    other = any(s not in held for s in asks_other)
    if not table.rows or not cols:
        return None
    asked = set(ask.words)
    name_col = _name_column(table, cols)
    data_rows = [r for r in table.rows if not r.span and not r.total]
    # which rows: named by the question
    names = [[fold(w) for w in syllables(row_name(table, r, name_col))] for r in data_rows]
    df: dict[str, int] = {}
    for ws in names:
        for w in set(ws):
            df[w] = df.get(w, 0) + 1
    shares = [_row_share(ws, ask.words, df, len(data_rows)) for ws in names]
    best_share = max((s for s, ok in shares if ok), default=0.0)
    keyed = [r for r, (s, ok) in zip(data_rows, shares) if ok and s >= 0.9 * best_share]
    # which group: "theo nội dung chi" picks the rows under "II. Theo nội dung chi"
    groups = list(dict.fromkeys(r.group for r in data_rows if r.group))
    group_fit = {g: _header_match(Column(0, g, [w for w in syllables(fold(re.sub(r"^[IVX\d.]+\s*", "", g)))
                                                   if w not in language().filler], "text", False), asked) for g in groups}
    top = max(group_fit.values(), default=0.0)
    # "xã, phường nào" names both "Các xã" and "Các phường": no one group is meant
    fitting = [g for g, f in group_fit.items() if f >= 0.5 and f == top]
    group = fitting[0] if len(fitting) == 1 else None
    # "từng khối", "mỗi khối", "các khối": every group, not the one whose other words it shares
    if group is not None:
        heads = {w for g in groups for w in syllables(fold(re.sub(r"^[IVX\d.]+\s*", "", g)))[:1]}
        spoken = " ".join(ask.words)
        if any(f"{e} {h}" in spoken for e in language().every_words for h in heads):
            group = None
    # a group that states the level asked ("Các phường đạt chỉ tiêu (từ 60% trở lên)") sorts
    # rows by it: the condition is read from the values, over every row
    if group is not None and ask.level is not None and re.search(rf"\b{ask.level:g}\b", group.replace(",", ".")):
        group = None
    pool = [r for r in data_rows if group is None or r.group == group]
    # which columns: named by their header, or by the kind of value asked
    numeric = [c for c in cols if c.numeric and c.index != name_col and table.roles[c.index] != "index"]
    plain = [w for w in ask.words if w not in language().filler]
    scored = [(c, _said_together(c.words, plain)) for c in cols if c.index != name_col and table.roles[c.index] != "index"]
    full = [c for c, s in scored if s >= 0.99]
    # a header only partly said counts unless a fully said one is its part ("Tiếp nhận" said,
    # "Tiếp nhận năm 2024" not)
    partial = [c for c, s in scored if 0.6 <= s < 0.99 and len(c.words) >= 2
               and not any(set(o.words) < set(c.words) for o in full)]
    match = dict((c.index, s) for c, s in scored)
    named = sorted(full + partial, key=lambda c: -match[c.index])
    # "giai đoạn 2026 - 2028" names a span, not the column "Năm 2026"
    years = [c for c in named if all(w.isdigit() for w in c.words)]
    if len(years) >= 2:
        named = [c for c in named if c not in years]
    # a column whose named words all lie in another named column's header is that column's part
    named = [c for c in named if not any(o is not c and set(c.words) < set(o.words) for o in named)]
    col_ids = [c.index for c in named]
    for i in _kind_columns(table, cols, ask.kinds):
        if i not in col_ids and i != name_col:
            col_ids.append(i)
    name_fit = _header_match(cols[name_col], asked) if name_col is not None else 0.0
    context_fit = sum(1 for w in set(syllables(fold(context))) if w in set(asked_content)) / max(1, len(set(asked_content)))
    op = ask.op
    if op == "sum" and keyed:  # "khoản chi X là bao nhiêu mỗi năm và cả giai đoạn": X's row
        op = "lookup"
    value_cols = [i for i in col_ids if cols[i].numeric or cols[i].kind == "date"]
    # rows asked by when they fall ("… nào / những việc gì … trong quý II"), not a figure or a
    # report's recipient of that period
    rows_asked = re.search(r"\b(?:nao|gi|liet ke)\b", " ".join(ask.words)) is not None
    # ("… nào trong quý II" read as a summary's ask still asks rows)
    if ask.periods and op == "lookup" and not keyed and not ask.ops and rows_asked and \
            not any(s not in held and s != "summary" for s in asks_other):
        within = _in_periods(table, pool, ask, name_col, context_fit)
        if within is not None:
            return within

    if op in ("decrease", "increase"):
        # a change is read from a signed column: "giảm so với năm 2024" names "Tăng, giảm so với năm 2024 (%)"
        value_cols = [i for i in value_cols if cols[i].kind == "change"]
    asks_share = any(_has(c, " ".join(ask.words)) for c in language().share_cues)
    also = list(value_cols)  # every column named, shown beside the one the rows are ordered by
    if op in ORDERING_OPS and asks_share and any(cols[i].kind == "percent" for i in col_ids):
        # "tỷ lệ đúng hạn thấp nhất": the column of shares the question names, not a count's
        value_cols = [i for i in value_cols if cols[i].kind == "percent"] or value_cols
    if op in ("below", "above", "equal") and ask.share:
        # "dưới 40%": the column of shares the question's words name most, not a count's
        share_cols = sorted((i for i in range(len(cols)) if cols[i].kind == "percent" and i != name_col),
                            key=lambda i: -match.get(i, 0.0))
        value_cols = [i for i in value_cols if cols[i].kind == "percent"] or share_cols[:1] or value_cols
    if op in ORDERING_OPS and ask.ordered:
        # "lĩnh vực nào có nhiều hồ sơ quá hạn nhất": the column the superlative wraps, first
        inner = [w for w in ask.ordered if w not in language().filler]
        pool_cols = list(dict.fromkeys([*value_cols, *(c.index for c in numeric)]))
        by_inner = sorted(((_said_together(cols[i].words, inner), i) for i in pool_cols), reverse=True)
        if by_inner and by_inner[0][0] > 0 and (len(by_inner) == 1 or by_inner[0][0] > by_inner[1][0]):
            value_cols = [by_inner[0][1], *(i for i in value_cols if i != by_inner[0][1])]
    if op in ORDERING_OPS or op in CONDITION_OPS or op == "sum":
        totals = [c.index for c in numeric if any(_has(h, fold(c.header)) for h in language().total_headers)]
        # the table's own subject said ("kinh phí" of a budget, its caption's words): a question
        # that names no column may mean the column that sums the others
        about = group is not None or context_fit >= 0.3 or "money" in ask.kinds
        if op == "sum" and totals and about and not any(cols[i] in named for i in value_cols):
            value_cols = totals[-1:]  # "tổng kinh phí": the column that sums the years
        if not value_cols:
            if op in (*ORDERING_OPS, "sum") and totals and about:
                value_cols = totals[-1:]
            elif op in ORDERING_OPS and len(numeric) == 1 and all(
                    w in numeric[0].words for w in ask.ordered if w not in language().filler):
                # one column of figures, and the superlative wraps none of another thing's words
                # ("chậm lâu nhất"; not "nhiều hồ sơ nhất" of a column of prizes): the one it orders by
                value_cols = [numeric[0].index]
            elif op in ("decrease", "increase"):
                value_cols = [c.index for c in numeric if c.kind == "change"][:1]
            if not value_cols:
                # "nhiều ý kiến nhất" of a table with a row per comment: rows counted, when the
                # superlative counts ("nhiều", "ít") and wraps no column's header
                inner = [w for w in ask.ordered if w not in language().filler]
                counts = any(w in language().count_words for w in ask.words)
                headed = any(_said_together(c.words, inner) >= 0.99 for c in cols if c.words)
                return _most_rows(table, cols, pool, op, name_col, context_fit) \
                    if op in ("max", "min") and counts and inner and not headed else None
        if op == "zero" and not any(cols[i] in named for i in value_cols[:1]):
            return None  # "không có" says nothing of a column the question does not name
        col = value_cols[0]
        if op in ORDERING_OPS and cols[col].kind == "date" and cols[col] not in named and \
                not any(_has(w, " ".join(ask.words)) for w in language().time_words):
            return None  # "nhiều hồ sơ nhất" is no order of a column of deadlines
        values = [(_value(cols[col], r.cells[col]), r) for r in pool if col < len(r.cells)]
        vals = [(v, r) for v, r in values if v is not None]
        if not vals:
            return None
        header = clean_inline(table.columns[col])
        scope = f" (trong {len(vals)} dòng" + (f" mục “{group}”" if group else "") + " của bảng)"
        if op == "range":
            low, high = min(vals, key=lambda x: x[0]), max(vals, key=lambda x: x[0])
            rows = [low[1], high[1]]
            text = (f"{header}: từ {low[1].cells[col]} ({row_name(table, low[1], name_col)}) đến "
                    f"{high[1].cells[col]} ({row_name(table, high[1], name_col)}){scope}.")
        elif op in ORDERING_OPS:
            target = max(v for v, _r in vals) if op == "max" else min(v for v, _r in vals)
            rows = [r for v, r in vals if v == target]
            word = "cao nhất" if op == "max" else "thấp nhất"
            if cols[col].kind == "date":
                word = "muộn nhất" if op == "max" else "sớm nhất"
            if any(w in asked for w in ("lon", "nhieu")) and op == "max" and cols[col].kind != "date":
                word = "lớn nhất"
            if any(w in asked for w in ("nho", "it")) and op == "min" and cols[col].kind != "date":
                word = "nhỏ nhất"
            # the row found is what is asked about: its other columns too ("… bao nhiêu, để làm gì")
            rest = [c.index for c in cols if c.index not in (col, name_col) and table.roles[c.index] != "index"
                    and not c.numeric]
            shown = [i for i in dict.fromkeys([*value_cols, *also, *(rest if len(rows) <= 2 else [])]) if i != col][:3]
            lines = "; ".join(f"{row_name(table, r, name_col)}: {r.cells[col]}" +
                              "".join(f", {clean_inline(table.columns[i])} {r.cells[i]}" for i in shown) for r in rows)
            text = f"{header} {word}: {lines}{scope}."
        elif op == "sum":
            total = _grand_total(table, col, ask.words)
            if total is not None and group is None:
                rows = [total]
                # the total row is short: all of it, the asked columns first
                shown = list(dict.fromkeys([col, *[i for i in value_cols if i != col], *[c.index for c in numeric]]))[:6]
                text = f"{row_name(table, total, name_col)}: " + "; ".join(
                    f"{clean_inline(table.columns[i])} {total.cells[i]}" for i in shown
                    if i < len(total.cells) and total.cells[i].strip()) + "." + _subtotals(table, total, col, groups)
            else:
                s = sum(v for v, _r in vals)
                rows = [r for _v, r in vals]
                each = "; ".join(f"{row_name(table, r, name_col)} {r.cells[col]}" for r in rows[:10])
                text = f"{header}: tổng {_fmt_number(s, vals[0][1].cells[col])}{scope}, gồm: {each}."
        else:
            test = {"decrease": lambda v: v < 0, "increase": lambda v: v > 0,
                    "below": lambda v: ask.level is not None and v < ask.level,
                    "above": lambda v: ask.level is not None and v > ask.level, "zero": lambda v: v == 0,
                    "equal": lambda v: ask.level is not None and abs(v - ask.level) < 1e-9}[op]
            rows = [r for v, r in vals if test(v)]
            level = f"{ask.level or 0:g}".replace(".", ",")
            label = {"decrease": "giảm", "increase": "tăng", "below": f"dưới {level}", "above": f"trên {level}",
                     "zero": "bằng 0", "equal": f"bằng {level}"}[op]
            # "có bao nhiêu chỉ tiêu, bao nhiêu chỉ tiêu đạt 100%": the rows counted too
            counted = _counted_noun(ask, cols[name_col].header if name_col is not None else "")
            whole = f"Bảng có {len(pool)} {counted}. " if counted else ""
            if rows:
                text = whole + (f"{len(rows)}/{len(vals)} dòng có {header} {label}: "
                        + "; ".join(f"{row_name(table, r, name_col)} ({r.cells[col]})" for r in rows) + ".")
            else:
                text = whole + f"Không dòng nào trong {len(vals)} dòng của bảng có {header} {label}."
        said = col in [c.index for c in named] or group is not None or cols[col].kind == "change"
        fit = 1.0 + 0.8 * name_fit + 0.5 * context_fit + (0.5 if said else 0.0)
        return TableAnswer(fit, op, rows, [col], name_col, text, {"column": header})

    # how many rows: "bao nhiêu phường" of a table whose rows are phường (within a group named)
    counted = _counted_noun(ask, cols[name_col].header if name_col is not None else "")
    if not counted and group is not None:
        # "bao nhiêu xã, phường" of rows grouped under "II. Khối xã, phường": that group's rows
        label = re.sub(r"^(?:[IVXLC]+|\d+)[.)]\s*", "", group.strip())
        label = re.sub(r"^(?:khối|nhóm|các)\s+", "", label, flags=re.IGNORECASE)
        counted = label.lower() if _counted_noun(ask, label) else ""
    if counted and not keyed:
        # each with who leads it and by when, when the table assigns tasks
        task_cols = [i for i, role in enumerate(table.roles) if role in ("lead", "deadline") and i != name_col]
        listed = [row_name(table, r, name_col) + (" (" + "; ".join(r.cells[i] for i in task_cols if i < len(r.cells)
                                                                      and r.cells[i].strip()) + ")" if task_cols else "")
                  for r in pool]
        text = (f"{len(pool)} {counted}" + (f" (mục “{group}”)" if group else "") + ": " + "; ".join(listed[:20])
                + ("…" if len(listed) > 20 else "") + ".")
        return TableAnswer(1.3 + 0.5 * context_fit + (0.3 if group else 0.0), "count", pool, [], name_col, text)
    # the rows of a group the question names: "những phường nào chưa đạt chỉ tiêu"
    if ask.lists and group is not None and not keyed and not other and top >= 0.8:
        shown = [i for i in col_ids if i != name_col][:2]
        text = (f"{group}: {len(pool)} dòng — " + "; ".join(
            row_name(table, r, name_col) + "".join(f" ({r.cells[i]})" for i in shown if i < len(r.cells)) for r in pool)
            + ".")
        return TableAnswer(1.3 + 0.5 * context_fit + 0.5 * top, "group", pool, shown, name_col, text)
    # a day the table's days do not reach: a weekly schedule asked about the next week
    # (only of a table the question is about: a date of another matter falls near its days too)
    outside = _day_outside(table, cols, pool, ask) if context_fit >= 0.25 else None
    if outside is not None:
        return TableAnswer(1.2 + 0.5 * context_fit, "no_day", [], [], name_col, outside)
    # rows named by a value they hold: a day ("hạn 05/11/2025 – đơn vị nào?"), a person or a
    # place their cells name ("thứ Tư 18/3, Chủ tịch Lê Minh Đức có lịch gì?")
    if not keyed:
        hits = _rows_holding(table, cols, pool, ask, by_name=not asks_duty)
        if hits:
            every = [c.index for c in cols if c.index != name_col and table.roles[c.index] != "index"]
            if len(hits) <= 4:
                text = " ".join(_fmt_row(table, r, every, name_col) + "." for r in hits)
            else:
                text = f"{len(hits)} dòng: " + "; ".join(row_name(table, r, name_col) for r in hits) + "."
            return TableAnswer(1.2 + 0.5 * context_fit, "match", hits, every, name_col, text)
    # a lookup: the named rows (or the total when none is named and a column is) and the asked columns
    # a row said in full ("Phó Chủ tịch Đinh Thị Hoa") or the table's own subject: the whole row —
    # unless the question asks what the table does not say ("… tiền ăn bao nhiêu mỗi ngày?")
    if keyed and not col_ids and len(keyed) <= 4 and best_share >= 0.6 and not other and \
            (named or context_fit >= 0.4 or best_share >= 0.8) and not _asks_beyond(table, keyed, asked_content, context):
        col_ids = [c.index for c in cols if c.index != name_col and table.roles[c.index] != "index"]
    if keyed and col_ids:
        rows = keyed[:4]
        text = " ".join(_fmt_row(table, r, col_ids, name_col) + "." for r in rows)
        fit = 0.8 + 0.4 * best_share + 0.3 * name_fit + 0.3 * context_fit + 0.2 * min(len(col_ids), 3)
        return TableAnswer(fit, "lookup", rows, col_ids, name_col, text)
    # a row of averages or subtotals the question names ("bình quân …", "điểm trung bình"): all of it
    said_total = None if keyed else _said_aggregate(table.aggregates, ask.words)
    if said_total is not None and not _averages(said_total, ask):
        said_total = None  # a subtotal is the sum's answer; looked up alone, only an average's words name it
    if said_total is not None:
        shown = list(dict.fromkeys([*value_cols, *[c.index for c in numeric]]))[:6]
        cells = "; ".join(f"{clean_inline(table.columns[i])}: {said_total.cells[i]}" for i in shown
                          if i < len(said_total.cells) and said_total.cells[i].strip())
        if cells:
            label = _aggregate_label(said_total)
            return TableAnswer(1.1 + 0.5 * context_fit, "total", [said_total], shown, name_col, f"{label} — {cells}.")
    if not keyed and not has_units and value_cols and any(cols[i] in named for i in value_cols) and \
            context_fit >= 0.3 and ("sum" in ask.ops or "money" in ask.kinds) and \
            not _asks_beyond(table, [], asked_content, context):
        total = _grand_total(table, value_cols[0], ask.words)
        if total is not None and group is None:
            shown = list(dict.fromkeys([*value_cols, *[c.index for c in numeric]]))[:6]
            cells = "; ".join(f"{clean_inline(table.columns[i])}: {total.cells[i]}" for i in shown
                              if i < len(total.cells) and total.cells[i].strip())
            if cells:
                return TableAnswer(0.9 + 0.5 * context_fit, "sum", [total], value_cols, name_col,
                                   f"{row_name(table, total, name_col)} — {cells}.")
    return None


def _in_periods(table: Table, pool: list[TableRow], ask: TableAsk, name_col: int | None,
                context_fit: float) -> TableAnswer | None:
    """"Những hoạt động nào thực hiện trong quý II/2027": the rows whose time cell ("Quý II/2027",
    "Tháng 5 - 6/2027") falls in a period the question names, in part or whole."""
    col = next((i for i, r in enumerate(table.roles) if r in ("deadline", "date")), None)
    if col is None:
        return None
    year = ask.periods[0][0].year

    def meets(r: TableRow) -> bool:
        cell = r.cells[col] if col < len(r.cells) else ""
        return any(a <= hi and b >= lo for a, b in spans_in(cell, year) for lo, hi in ask.periods)

    rows = [r for r in pool if meets(r)]
    if not rows:
        return None
    lo, hi = ask.periods[0][0], ask.periods[-1][1]
    header = clean_inline(table.columns[col])
    text = (f"{len(rows)}/{len(pool)} dòng có {header.lower()} trong khoảng {lo.day}/{lo.month}/{lo.year} – "
            f"{hi.day}/{hi.month}/{hi.year}: "
            + "; ".join(f"{row_name(table, r, name_col)} ({clean_inline(r.cells[col])})" for r in rows) + ".")
    return TableAnswer(1.6 + 0.5 * context_fit, "period", rows, [col], name_col, text, {"column": header})


def _counted_noun(ask: TableAsk, name_header: str) -> str:
    """What "bao nhiêu …" counts when it counts the table's rows: the noun after it, when the
    column of row names is headed by it ("bao nhiêu phường" of "Phường", "Xã, phường"); ""
    otherwise."""
    if "count" not in ask.ops or not name_header:
        return ""
    words = ask.words
    header = set(syllables(fold(name_header)))
    for i, w in enumerate(words):
        if w in ("nhieu", "may") and i + 1 < len(words) and words[i + 1] in header and words[i + 1] not in language().filler:
            # the header's part that says it: "Xã, phường" counts "xã" or "phường" as asked
            part = next((p for p in clean_inline(name_header).split(",") if words[i + 1] in syllables(fold(p))), "")
            return part.strip().lower() or words[i + 1]
    return ""


def _name_pairs(row: TableRow) -> set[str]:
    """The folded pairs of capitalised words of a row's cells: the names it holds ("Lê Minh
    Đức", "Khoái Châu"), not the words of its task."""
    out: set[str] = set()
    for cell in row.cells:
        words = re.findall(r"[^\W\d_]+", clean_inline(cell))
        for a, b in zip(words, words[1:]):
            if a[:1].isupper() and b[:1].isupper():
                out.add(f"{fold(a)} {fold(b)}")
    return out


def _asks_beyond(table: Table, rows: list[TableRow], asked: list[str], context: str) -> bool:
    """Whether the question's topic has a word that neither the table (its headers, its caption
    and section, the rows named) nor its document's subject says."""
    said = set(syllables(fold(" ".join([*table.columns, context, *(c for r in rows for c in r.cells)]))))
    filler = language().filler
    return any(w not in said and w not in filler and not w.isdigit() for w in asked)


# the slots a table answers when it has a column of one of these roles
_SLOT_ROLES = {"deadline": ("deadline", "date"), "lead": ("lead",), "cooperate": ("cooperate",)}


def _rows_holding(table: Table, cols: list[Column], pool: list[TableRow], ask: TableAsk,
                  by_name: bool = True) -> list[TableRow]:
    """The rows whose cells hold what the question says of them: the one day it names, and the
    pairs of words (a person's or a place's name) that some rows hold and others do not."""
    dated = [c.index for c in cols if c.kind == "date" or table.roles[c.index] == "date"]
    by_day = [r for r in pool if any(i < len(r.cells) and _same_day(day(r.cells[i]), ask.dates) for i in dated)] \
        if len(ask.dates) == 1 else []
    by_value = _rows_by_value(table, cols, pool, ask)
    if by_value:
        return by_value
    by_time = _rows_at_time(table, pool, ask)
    if by_time:
        return by_time
    pairs = {f"{a} {b}" for a, b in zip(ask.words, ask.words[1:]) if not (a.isdigit() or b.isdigit())}
    held = [pairs & _name_pairs(r) for r in pool]
    common = set.intersection(*held) if held else set()
    scores = [len(h - common) for h in held]
    top = max(scores, default=0)
    by_words = [r for r, n in zip(pool, scores) if n == top] if by_name and top >= 2 and scores.count(top) < len(pool) else []
    if by_day and by_words:
        both = [r for r in by_day if r in by_words]
        return both or by_day
    return by_day or by_words


def _most_rows(table: Table, cols: list[Column], pool: list[TableRow], op: str, name_col: int | None,
               context_fit: float) -> "TableAnswer | None":
    """"Đơn vị nào có nhiều ý kiến góp ý nhất?" of a table with a row per comment: the value of
    a column of units that most (fewest) rows repeat, with its rows."""
    for c in cols:
        if table.roles[c.index] not in ("unit", "lead") and c.index != name_col or c.numeric:
            continue
        by_value: dict[str, list[TableRow]] = {}
        for r in pool:
            if c.index < len(r.cells) and r.cells[c.index].strip():
                by_value.setdefault(clean_inline(r.cells[c.index]), []).append(r)
        if len(by_value) < 2 or len(by_value) == len(pool):
            continue  # every row its own value: nothing is counted
        target = (max if op == "max" else min)(len(rs) for rs in by_value.values())
        won = [(v, rs) for v, rs in by_value.items() if len(rs) == target]
        rest = [i for i, role in enumerate(table.roles) if i != c.index and role not in ("index",)]
        lines = []
        for v, rs in won[:4]:
            each = "; ".join(" — ".join(shorten(clean_inline(r.cells[i]), 90) for i in rest if i < len(r.cells)
                                        and r.cells[i].strip()) for r in rs[:6])
            lines.append(f"{v} ({len(rs)} dòng): {each}")
        word = "nhiều dòng nhất" if op == "max" else "ít dòng nhất"
        text = f"{clean_inline(table.columns[c.index])} có {word} trong bảng ({len(pool)} dòng): " + " ".join(
            line.rstrip(".") + "." for line in lines)
        rows = [r for _v, rs in won for r in rs]
        return TableAnswer(1.2 + 0.5 * context_fit, op, rows, [c.index], c.index, text)
    return None


_TIME = re.compile(r"\b(\d{1,2}) ?(?:gio|h)(?: ?(\d{2}))?\b")


def _rows_at_time(table: Table, pool: list[TableRow], ask: TableAsk) -> list[TableRow]:
    """"từ 09 giờ 50 đến 10 giờ 00 là nội dung gì?": the row of an agenda or a schedule whose
    time begins at the first hour the question says."""
    said = _TIME.search(" ".join(ask.words))
    if said is None:
        return []
    want = (int(said.group(1)), int(said.group(2) or 0))
    out = []
    for r in pool:
        for cell in r.cells:
            m = _TIME.search(" ".join(syllables(fold(cell))))
            if m and (int(m.group(1)), int(m.group(2) or 0)) == want:
                out.append(r)
                break
    return out if 0 < len(out) < len(pool) else []


def _rows_by_value(table: Table, cols: list[Column], pool: list[TableRow], ask: TableAsk) -> list[TableRow]:
    """"Đoàn số 2 kiểm tra những đơn vị nào?": the rows whose cell of a text column is a value
    the question says in full, when some rows hold it and others do not (the longest such)."""
    if not (ask.lists or _in_order(["danh", "sach"], ask.words, 0)):
        return []  # a list is asked: one row's words met in a unit's name ("Môi trường") ask no group
    name_col = _name_column(table, cols)
    best: tuple[int, list[TableRow]] = (0, [])
    for c in cols:
        # who leads or cooperates, and by when, are the duties' to read; a plain column of values
        # ("Đoàn kiểm tra", "Lĩnh vực") is what rows are grouped by
        if c.numeric or c.index == name_col or table.roles[c.index] not in ("value", "note", "target"):
            continue
        values: dict[str, list[TableRow]] = {}
        for r in pool:
            if c.index < len(r.cells) and r.cells[c.index].strip():
                values.setdefault(" ".join(syllables(fold(clean_inline(r.cells[c.index])))), []).append(r)
        for v, rows in values.items():
            n = len(v.split())
            if (n >= 2 or any(ch.isdigit() for ch in v)) and n <= 6 and _in_order(v.split(), ask.words) \
                    and len(rows) < len(pool) and n > best[0]:
                best = (n, rows)
    return best[1] or _rows_by_phrase(table, cols, pool, ask, name_col)


def _rows_by_phrase(table: Table, cols: list[Column], pool: list[TableRow], ask: TableAsk,
                    name_col: int | None) -> list[TableRow]:
    """"Những đơn vị nào được giao kinh phí cho việc số hóa Sổ hộ tịch?": the rows whose text
    cells hold the longest run of the question's words (three at least) that some rows hold
    and others do not."""
    text_cols = [c.index for c in cols if not c.numeric and c.index != name_col
                 and table.roles[c.index] in ("task", "value", "note", "target", "product")]
    if not text_cols:
        return []
    cells = [" " + " ".join(syllables(fold(" ".join(clean_inline(r.cells[i]) for i in text_cols if i < len(r.cells)))))
             + " " for r in pool]
    words = ask.words
    filler = language().filler
    for n in range(min(8, len(words)), 2, -1):
        for k in range(len(words) - n + 1):
            run = words[k:k + n]
            if sum(w not in filler for w in run) < 3:
                continue
            phrase = " " + " ".join(run) + " "
            rows = [r for r, c in zip(pool, cells) if phrase in c]
            if 2 <= len(rows) < len(pool):
                return rows
    return []


def _in_order(value: list[str], words: list[str], slack: int = 2) -> bool:
    """Whether the words say the value in order, with at most `slack` words put between
    ("Đoàn kiểm tra số 2" says "Đoàn số 2")."""
    for i, w in enumerate(words):
        if w != value[0]:
            continue
        j, k = i + 1, 1
        while k < len(value) and j < len(words) and j - i < len(value) + slack:
            if words[j] == value[k]:
                k += 1
            j += 1
        if k == len(value):
            return True
    return False


def _day_outside(table: Table, cols: list[Column], pool: list[TableRow], ask: TableAsk) -> str | None:
    """"Thứ Hai 23/3, Chủ tịch có lịch gì?" of a schedule from 16/3 to 21/3: the table says
    nothing of that day. Only a day near the table's own (within two weeks), so that a date
    of another subject ("họp ngày 19/9") is not read as a day the schedule skips."""
    if len(ask.dates) != 1:
        return None
    # a column of days, not of periods ("Quý III/2026") a deadline column may also hold
    dated = [c.index for c in cols if table.roles[c.index] == "date" or c.kind == "date" and sum(
        day(r.cells[c.index]) is not None for r in pool if c.index < len(r.cells)) >= 0.8 * len(pool)]
    days = sorted({(m, d) for r in pool for i in dated if i < len(r.cells) and (x := day(r.cells[i])) for _y, m, d in [x]})
    if len(days) < 2:
        return None
    y, m, d = ask.dates[0]
    if (m, d) in days:
        return None
    year = y or 2000

    def ordinal(md: tuple[int, int]) -> int:
        try:
            return dt.date(year, md[0], md[1]).toordinal()
        except ValueError:
            return 0

    asked, first, last = ordinal((m, d)), ordinal(days[0]), ordinal(days[-1])
    if not (asked and first and last) or first <= asked <= last and len(days) < 5:
        return None  # a short list of deadlines skips days; a schedule runs through them
    if min(abs(asked - first), abs(asked - last)) > 14 and not first <= asked <= last:
        return None
    return (f"Văn bản không nêu ngày {d}/{m}" + (f"/{y}" if y else "")
            + f": bảng chỉ gồm các ngày từ {days[0][1]}/{days[0][0]} đến {days[-1][1]}/{days[-1][0]}.")


def asks_target_not_held(question_folded: str, table: Table, context: str) -> bool:
    """"Chỉ tiêu … năm 2026 là bao nhiêu?" of a table of results: the table says what was done,
    not what is aimed at, unless its headers or heading speak of targets."""
    words = language().targets
    asked = any(_has(w, question_folded) for w in words)
    groups = {r.group for r in table.rows if r.group}
    return asked and not any(_has(w, fold(" ".join([*table.columns, context, *groups]))) for w in words)


def _value(col: Column, cell: str) -> float | None:
    """A cell as a number to compare: its figure, or its day as yyyymmdd in a column of dates."""
    if col.kind == "date":
        d = due(cell)
        return float(d[0] * 10000 + d[1] * 100 + d[2]) if d else None
    return number(cell)


def _same_day(d: tuple[int, int, int] | None, asked: list[tuple[int, int, int]]) -> bool:
    return d is not None and any(d[1:] == a[1:] and (not a[0] or not d[0] or a[0] == d[0]) for a in asked)


def _grand_total(table: Table, col: int, asked: Sequence[str] = ()) -> TableRow | None:
    """The table's own total ("Tổng cộng"), not a group's subtotal: the total row the question's
    words name ("cộng điểm tự đánh giá (lĩnh vực 1 - 7)"), else the one named as a total, else
    the last total row."""
    totals = [a for a in table.aggregates if a.total and col < len(a.cells) and a.cells[col].strip()]
    said = _said_aggregate(totals, asked)
    if said is not None:
        return said
    named = [a for a in totals if any(_has(h, fold(" ".join(a.cells))) for h in language().total_headers[:2])]
    found = named or totals[-1:]
    return found[0] if found else None


def _subtotals(table: Table, total: TableRow, col: int, groups: list[str]) -> str:
    """The groups' subtotals beside the table's total ("Cộng I" of "I. Khối sở, ngành"): a total
    of grouped rows is asked with its parts."""
    parts = [a for a in table.aggregates if a is not total and col < len(a.cells) and a.cells[col].strip()]
    if len(groups) < 2 or len(parts) < 2:
        return ""
    def named(a: TableRow) -> str:
        label = _aggregate_label(a)
        mark = re.search(r"\b([IVXLC]+|\d+)\s*$", label)
        group = next((g for g in groups if mark and re.match(rf"{mark.group(1)}[.)]\s", g.strip())), "")
        return f"{label} ({group})" if group else label
    return " Gồm: " + "; ".join(f"{named(a)} {a.cells[col]}" for a in parts) + "."


def _said_aggregate(rows: list[TableRow], asked: Sequence[str]) -> TableRow | None:
    """The total or average row whose own words (beyond "tổng", "cộng") the question says most."""
    plain = {w for w in asked if w not in language().filler}
    best: tuple[float, TableRow] | None = None
    for a in rows:
        label = _aggregate_label(a)
        words = {w for w in syllables(fold(label)) if w not in language().filler} - _TOTAL_WORDS
        if len(words) < 2:
            continue  # "Các phường": a group the question's words name anyway, not a row they point to
        share = len(words & plain) / len(words)
        if share >= 0.75 and (best is None or share > best[0]):
            best = (share, a)
    return best[1] if best else None


_TOTAL_WORDS = frozenset({"tong", "cong", "so"})


def _aggregate_label(row: TableRow) -> str:
    """A total or group row's own name: its first cell of words, not its label ("I") or figures."""
    return next((c for c in row.cells if re.search(r"[^\W\d_]{2,}", c) and not re.fullmatch(r"[IVXLC]+|[A-ZĐ]", c.strip())), "")


def _averages(row: TableRow, ask: TableAsk) -> bool:
    """Whether the row is an average ("Bình quân", "Điểm trung bình") and the question says so."""
    label = fold(_aggregate_label(row))
    said = " ".join(ask.words)
    return any(w in label and re.search(rf"\b{w}\b", said) for w in ("binh quan", "trung binh"))


def _fmt_number(value: float, like: str) -> str:
    """A sum written as the table writes its cells ("86.400", "99,5")."""
    if value == int(value):
        s = f"{int(value):,}".replace(",", ".")
        return s
    return f"{value:.2f}".rstrip("0").replace(".", ",")
