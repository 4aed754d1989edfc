"""The sets of units a document names in one place and refers to in another.

"Các đơn vị nêu tại mục II.1", "các xã, phường có tên tại Phụ lục", "UBND các xã, phường
thực hiện thí điểm giai đoạn 1", "các thành viên Ban Chỉ đạo", "các cơ quan được giao
chuẩn bị nội dung", "UBND các xã, phường còn lại": a duty's subject is often a set the
document lists elsewhere — in a part ("Thí điểm tại phường Phố Hiến, …, xã Tiên Lữ"), a
labelled line ("Địa bàn thí điểm: …"), the members of a committee (Điều 1), a table's
column of units (a Phụ lục of wards, the "Cơ quan chuẩn bị" of a schedule). Each such place
is a `NamedSet`: the units it lists and the words that describe it. A reference is resolved
by its path when it gives one, else by the words it uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from retrieval.documents.model import AdminDocument, Node, Table, TableRow
from retrieval.facts.units import Units
from retrieval.lang.text import STOPWORDS, clean_inline, fold

# words that say nothing of which set is meant ("các xã, phường thực hiện …")
_GENERIC = frozenset(fold(w) for w in STOPWORDS) | frozenset(
    "cac nhung don vi co quan to chuc dia phuong xa phuong so ban nganh tinh ubnd uy nhan dan thuc hien duoc giao "
    "nay tai theo thuoc gom sau day sau nhu ten co trong danh sach ke hoach quyet dinh van ban".split())
# a part's path as a reference gives it: "mục II.1", "điểm d khoản 2 Điều 1", "Điều 1", "Phụ lục"
PATH_RE = re.compile(
    r"(?:điểm\s+(?P<p>[a-zđ])\s+)?(?:khoản\s+(?P<k>\d+)\s+)?Điều\s+(?P<a>\d+)"
    r"|điểm\s+(?P<p2>[a-zđ])\s+khoản\s+(?P<k2>\d+)\s+[Mm]ục\s+(?P<m2>[IVXLC]+)"
    # "Mục II Phụ lục", "mục I của Phụ lục 2": a group of an appendix's rows
    r"|[Mm]ục\s+(?P<am>[IVXLC]+|\d+)\s+(?:của\s+)?[Pp]hụ lục(?:\s*(?P<apl>[IVXLC]+|\d+)(?![\wà-ỹ]))?"
    r"|[Mm]ục\s+(?P<m>[IVXLC]+(?:\.\d+)*|\d+(?:\.\d+)*)(?:\s+(?:[Bb]ảng|[Pp]hụ lục)\s*(?P<t>\d+))?"
    r"|[Pp]hụ lục\s*(?P<pl>[IVXLC]+|\d+)?(?![\wà-ỹ])"
    r"|[Bb]ảng\s*(?P<b>\d+)"
    # "các đơn vị có tên tại Bảng trên": the document's table of units, unnumbered
    r"|[Bb]ảng\s+(?P<bt>nêu trên|trên|dưới đây|sau đây|kèm theo)")


def content_words(text: str) -> frozenset[str]:
    """The folded syllables of a text that can tell one set from another."""
    return frozenset(w for w in re.findall(r"[0-9a-z]+", fold(clean_inline(text))) if w not in _GENERIC)


@dataclass
class NamedSet:
    units: list[str]  # canonical names, in the order the document gives them
    words: frozenset[str]  # what the place says of them
    where: str  # the citation of the place that lists them
    rows: dict[str, TableRow] = field(default_factory=dict)  # unit -> its row, for a table's column of units
    table: Table | None = None
    title: frozenset[str] = frozenset()  # what its heading or label calls it ("Lịch kiểm tra")
    term: str = ""  # the name the document defines for it ("05 xã, phường chậm tiến độ")
    role: str = ""  # of a table's column of units, what its header makes them ("lead", "cooperate", "unit")


def _units_in(units: Units, text: str) -> list[str]:
    out: list[str] = []
    for m in units.find(text, groups=False):
        r = m.resolution
        if r.unit is not None and r.unit.name not in out:
            out.append(r.unit.name)
    return out


def path_of(m: re.Match[str]) -> str:
    """The path of a `PATH_RE` match, as `structure` names parts."""
    if m.group("m2"):
        return f"mục {m.group('m2')}.{m.group('k2')}.{m.group('p2')}"
    if m.group("a"):
        parts = [f"điểm {m.group('p')}"] if m.group("p") else []
        if m.group("k"):
            parts.append(f"khoản {m.group('k')}")
        parts.append(f"Điều {m.group('a')}")
        return " ".join(parts)
    if m.group("am"):
        return f"Phụ lục {m.group('apl') or ''}".strip() + f", mục {m.group('am')}"
    if m.group("m"):
        return f"mục {m.group('m')}"
    if m.group(0).lower().startswith("phụ lục"):
        return f"Phụ lục {m.group('pl') or ''}".strip()
    if m.group("bt"):
        return "bảng"
    return f"bảng {m.group('b')}"


@dataclass
class Definitions:
    sets: list[NamedSet] = field(default_factory=list)
    by_path: dict[str, NamedSet] = field(default_factory=dict)
    appendix: NamedSet | None = None  # every unit the appendices list
    resolved: list[list[str]] = field(default_factory=list)  # sets already used as subjects, in order

    @classmethod
    def build(cls, doc: AdminDocument, units: Units) -> "Definitions":
        d = cls()
        for part in [doc, *doc.attachments]:
            for n in [*part.preamble, *part.body]:
                d._node(n, units, "")
            for a in part.appendices:
                d._node(a, units, "")
            listed: list[str] = []
            rows: dict[str, TableRow] = {}
            words: set[str] = set()
            for a in part.appendices:
                for n in a.walk():
                    words |= content_words(f"{n.heading}")
                    if n.table is not None:
                        for s in d._table_sets(n, n.table, units, ""):
                            listed += [u for u in s.units if u not in listed]
                            rows.update({u: r for u, r in s.rows.items() if u not in rows})
                            d._row_groups(a.path, s)
                    else:
                        listed += [u for u in _units_in(units, n.text) if u not in listed]
            if listed and d.appendix is None:
                d.appendix = NamedSet(listed, frozenset(words), "Phụ lục", rows,
                                      next((s.table for s in d.sets if s.table is not None and set(s.rows) & set(rows)),
                                           None))
        return d

    def _node(self, n: Node, units: Units, parent_words: str) -> tuple[list[str], dict[str, TableRow], Table | None]:
        """The units a part and everything under it name (its set kept when it lists two or more),
        with their rows when a table under it lists them."""
        own = _units_in(units, f"{n.heading}\n{n.text}")
        below: list[str] = []
        rows: dict[str, TableRow] = {}
        table: Table | None = None
        for c in n.children:
            got, got_rows, got_table = self._node(c, units, f"{n.heading} {n.text}" if c.table is not None else n.heading)
            below += [u for u in got if u not in below]
            rows.update({u: r for u, r in got_rows.items() if u not in rows})
            table = table or got_table
        if n.table is not None:
            for s in self._table_sets(n, n.table, units, parent_words):
                below += [u for u in s.units if u not in below]
                rows.update({u: r for u, r in s.rows.items() if u not in rows})
                table = table or s.table
        self.sets += _defined_terms(n, units)
        every = own + [u for u in below if u not in own]
        said = f"{parent_words} {n.heading} {n.text}"
        title = content_words(n.heading or (n.text or "").split(":", 1)[0][:80])
        if len(own) >= 2:
            self.sets.append(NamedSet(own, content_words(said), n.path, title=title))
        if len(every) >= 2 and n.path:
            whole = NamedSet(every, content_words(said), n.path, rows, table, title)
            self.by_path.setdefault(n.path, whole)
            if every != own:
                self.sets.append(whole)
        return every, rows, table

    def _row_groups(self, where: str, s: NamedSet) -> None:
        """The units of each numbered group of an appendix's rows ("II. Khối xã, phường"), at
        the path a reference gives it ("các xã có tên tại Mục II Phụ lục")."""
        groups: dict[str, list[str]] = {}
        for u, r in s.rows.items():
            gm = re.match(r"\s*([IVXLC]+|\d+)\s*[.)]", r.group or "")
            if gm:
                groups.setdefault(gm.group(1), []).append(u)
        for label, members in groups.items():
            self.by_path.setdefault(f"{where}, mục {label}", NamedSet(
                members, s.words, f"{where}, mục {label}", {u: s.rows[u] for u in members}, s.table, s.title))

    def _table_sets(self, n: Node, table: Table, units: Units, above: str) -> list[NamedSet]:
        """A column whose cells name units: the units, each with its row."""
        out = []
        # a table with a column of units lists them there; a task's cell naming two in passing
        # ("… giữa Sở Nội vụ và Công an tỉnh") lists none
        listing = {"unit", "lead", "cooperate"} & set(table.roles)
        for col, header in enumerate(table.columns):
            if listing and col < len(table.roles) and table.roles[col] in ("task", "product", "note", "value"):
                continue
            names: list[str] = []
            rows: dict[str, TableRow] = {}
            for row in table.rows:
                if row.span or col >= len(row.cells):
                    continue
                for u in _units_in(units, row.cells[col]):
                    if u not in names:
                        names.append(u)
                        rows[u] = row
            if len(names) >= 2:
                label = (n.text or "").split(":", 1)[0][:80] if table is n.table else ""
                s = NamedSet(names, content_words(f"{header} {table.caption} {n.heading} {above}"), f"{n.path}", rows,
                             table, content_words(f"{header} {table.caption} {n.heading} {label} {above}"),
                             role=table.roles[col] if col < len(table.roles) else "")
                self.sets.append(s)
                out.append(s)
        return out

    # -- resolving a reference ----------------------------------------------------------------
    def at_path(self, path: str, qualifier: str = "") -> NamedSet | None:
        """The set a part lists; of the sets in it, the one the reference's words describe
        ("các cơ quan có thành viên nêu tại Điều 1": the members' column, not the places named)."""
        whole = (self.by_path.get(path) or (self.appendix if ", mục" not in path else None)) \
            if path.startswith("Phụ lục") else self.by_path.get(path)
        # "Bảng trên": the one table of units the document has; "tại Phụ lục" of a document whose
        # Phụ lục is a table after the signature, not a part of its own (only when the words
        # choose one of its columns: "các cơ quan chủ trì nhiệm vụ tại Phụ lục")
        unparted = whole is None and path.startswith("Phụ lục") and ", mục" not in path
        if whole is None and (path == "bảng" or unparted):
            # of a table, the column that lists most units: "Đơn vị", not a "Nội dung" cell
            # that names two of them in passing
            columns = sorted((x for x in self.sets if x.table is not None and x.rows), key=lambda x: -len(x.units))
            tables = list({id(x.table): x for x in reversed(columns)}.values())
            whole = tables[0] if len(tables) == 1 else None
            if whole is not None:
                path = whole.where  # its columns are the sets a reference's words choose from
        want = content_words(qualifier)
        inside = [s for s in self.sets if s.where == path or s.where.startswith(path + ",")
                  or s.where.endswith(" " + path) or f" {path}" in f" {s.where}"]
        if want and inside:
            scored = sorted(inside, key=lambda s: -len(want & s.words))
            if len(want & scored[0].words) > (len(want & whole.words) if whole else 0) - 1 and want & scored[0].words:
                if unparted and (scored[0] is whole or scored[0].role not in ("lead", "cooperate")):
                    return None
                return scored[0]
        return None if unparted else whole

    def by_words(self, qualifier: str, among: set[str] | None = None, here: str = "") -> NamedSet | None:
        """The set the qualifier's words describe best (half of them at least), of units in
        `among` when given, never the part the reference stands in."""
        want = content_words(qualifier)
        if not want:
            return None
        best: tuple[float, float, int, NamedSet] | None = None
        for i, s in enumerate(self.sets):
            if here and s.where == here:
                continue
            if among is not None and not set(s.units) <= among:
                continue
            shared = len(want & s.words)
            score = shared / len(want)
            # half the words at least, and two when the reference has two to give; of sets the
            # words fit alike, the one they are the title of ("Lịch kiểm tra": the table under
            # that label, not a part that mentions it)
            titled = len(want & s.title) / len(want)
            if score >= 0.5 and shared >= min(2, len(want)) and (best is None or (score, titled) > best[:2]):
                best = (score, titled, -i, s)
        return best[3] if best else None


def _defined_terms(n: Node, units: Units) -> list[NamedSet]:
    """"Có 05 xã, phường đạt thấp, gồm: xã A (28,6%), …, phường E (41,3%) (sau đây gọi là 05 xã,
    phường chậm tiến độ)": the units listed before the definition, under the name it gives them."""
    from retrieval.lang.lexicon import load_lexicon

    out = []
    text = clean_inline(n.text)
    alias = "|".join(re.escape(a) for a in sorted(load_lexicon().own_alias, key=len, reverse=True))
    for m in re.finditer(rf"\((?:{alias})\s+(?P<term>[^()]{{3,80}})\)", fold(text)):
        term = text[m.start("term"):m.end("term")]
        before = text[:m.start()]
        # the list runs back to its lead-in ("gồm:", a colon) or to the sentence's start
        lead = max(before.rfind(":"), before.rfind(". "), before.rfind("gồm"))
        listed = _units_in(units, before[lead + 1:] if lead >= 0 else before)
        if len(listed) >= 2:
            words = content_words(term)
            out.append(NamedSet(listed, words, n.path, title=words, term=term.strip()))
    return out


__all__ = ["PATH_RE", "Definitions", "NamedSet", "content_words", "path_of"]
