"""The administrative document, after the format Nghị định 30/2020/NĐ-CP prescribes.

Phụ lục I of that decree fixes what every văn bản hành chính carries: the issuing body
under its parent body, the national motto (furniture, never part of a name), số and ký
hiệu ("68/KH-UBND": number, type code, issuer code and, for a công văn, the drafting
unit "1456/UBND-KGVX"), place and date, the type and trích yếu, "Kính gửi", the body,
the signature block (TM., KT., TL., TUQ., Q.) and "Nơi nhận"; Phụ lục III the urgency
marks (KHẨN, THƯỢNG KHẨN, HỎA TỐC). The body is a tree — Phần, Chương, Mục, Điều and
khoản, roman parts (I.), numbered sections (1., 1.1., 1.1.1.), lettered points (a) … đ)),
bullets (-, +) — with tables whose columns have roles, appendices (PHỤ LỤC) and documents
issued together with it (the Quy chế a Quyết định issues).

Every reader (Markdown, .docx, .pdf) produces the same `AdminDocument` through
`retrieval.documents.structure`; laws (Hiến pháp, Bộ luật, Luật, Pháp lệnh) keep their own article
model (`retrieval.documents.model.Law`): the two are told apart by their type, not by layout.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterator

from retrieval.documents.readers.blocks import Origin


@dataclass
class DocNumber:
    """Số và ký hiệu: "68/KH-UBND" -> number 68, type KH, issuer UBND; "1456/UBND-KGVX" ->
    number 1456, no type code (a công văn), issuer UBND, drafting unit KGVX."""

    text: str = ""  # as written after "Số:"; "/UBND-NC" when the number is left blank
    number: str = ""  # "" when left blank
    year: str = ""  # "2023" in "35/2023/UBTVQH15"
    type_code: str = ""  # KH, QĐ, TB, CT, BC …; "" for a công văn
    issuer_code: str = ""  # UBND, VP, TU, SNV …
    unit_code: str = ""  # the drafting unit of a công văn (KGVX) or of a sở's document

    @property
    def blank(self) -> bool:
        return not self.number


@dataclass
class IssueDate:
    """"Hưng Yên, ngày 09 tháng 3 năm 2026"; a blank day (not yet signed) stays None."""

    text: str = ""  # "ngày 09 tháng 3 năm 2026" as written
    place: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None

    @property
    def date(self) -> dt.date | None:
        if self.day and self.month and self.year:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None

    def short(self) -> str:
        """"09/3/2026", "8/2024" when the day is blank, "" when nothing is known."""
        if self.day and self.month and self.year:
            return f"{self.day:02d}/{self.month}/{self.year}"
        if self.month and self.year:
            return f"{self.month}/{self.year}"
        return str(self.year or "")


@dataclass
class Header:
    parent: str = ""  # cơ quan chủ quản: "UBND TỈNH HƯNG YÊN" above "VĂN PHÒNG"
    issuer_lines: list[str] = field(default_factory=list)  # the issuing body as written, line by line
    issuer: str = ""  # display name: "UBND tỉnh Hưng Yên", "Văn phòng UBND tỉnh Hưng Yên"
    motto: list[str] = field(default_factory=list)  # furniture, kept apart from every name
    number: DocNumber = field(default_factory=DocNumber)
    date: IssueDate = field(default_factory=IssueDate)
    urgency: str | None = None  # "Hỏa tốc", "Thượng khẩn", "Khẩn"
    confidentiality: str | None = None  # "Mật", "Tối mật", "Tuyệt mật"


@dataclass
class TableRow:
    index: int  # 1-based among the table's rows below the header
    label: str  # the TT column ("4"), "" when the table has none
    cells: list[str]  # aligned with the table's columns
    group: str | None = None  # the group row it stands under ("I. Nhiệm vụ chung")
    span: bool = False  # one text across the whole width (a note or a merged row)
    origin: Origin | None = None
    total: bool = False  # a group's subtotal or the table's total ("I | Các phường | 36", "Tổng cộng | 61")

    @property
    def citation(self) -> str:
        return f"dòng {self.label or self.index}"


@dataclass
class Table:
    """A table with the role of each column, so rows read as facts: the task, who leads,
    who cooperates, by when."""

    columns: list[str]
    roles: list[str]  # per column: index | measure | task | lead | cooperate | deadline | date | product | target | note | unit | value
    rows: list[TableRow]
    caption: str = ""  # "Bảng: Các lớp …", the appendix title
    # group rows with figures of their own and the total row, kept apart from the rows they sum
    aggregates: list[TableRow] = field(default_factory=list)

    def column(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None

    def get(self, row: TableRow, role: str) -> str:
        i = self.column(role)
        return row.cells[i] if i is not None and i < len(row.cells) else ""

    @property
    def assigns_tasks(self) -> bool:
        return "task" in self.roles and "lead" in self.roles


# the kinds of node, from the outermost; a new item closes every open item of its rank or deeper
NODE_RANKS = {
    "part": 0,  # Phần I / PHẦN THỨ NHẤT
    "chapter": 1,  # Chương II
    "division": 2,  # Mục 1 (inside a chapter)
    "article": 3,  # Điều 5.
    "roman": 4,  # I.
    "section": 5,  # 1.
    "subsection": 6,  # 1.1.
    "subsubsection": 7,  # 1.1.1.
    "point": 8,  # a)
    "bullet": 9,  # -
    "subbullet": 10,  # +
    "paragraph": 11,
    "table": 11,
}


@dataclass
class Node:
    kind: str  # a key of NODE_RANKS, or "appendix"
    label: str = ""  # "IV", "1", "1.1", "a", "-", "6" (an article's number)
    heading: str = ""  # a heading's words ("Sở Nội vụ", "TỔ CHỨC THỰC HIỆN")
    text: str = ""  # the item's running text (footnote marks as <sup>n</sup>)
    children: list["Node"] = field(default_factory=list)
    table: Table | None = None
    origin: Origin | None = None
    path: str = ""  # where it stands, for citations: "IV.1", "I.2.d", "Điều 6 khoản 1", "Phụ lục"

    def walk(self) -> Iterator["Node"]:
        yield self
        for c in self.children:
            yield from c.walk()

    @property
    def title(self) -> str:
        """Label and heading as the document prints them ("IV. TỔ CHỨC THỰC HIỆN", "Điều 6. …")."""
        if self.kind == "article":
            return f"Điều {self.label}. {self.heading}".strip().rstrip(".")
        if self.kind in ("part", "chapter", "division"):
            word = {"part": "Phần", "chapter": "Chương", "division": "Mục"}[self.kind]
            return f"{word} {self.label}. {self.heading}".strip().rstrip(".")
        if self.kind in ("roman", "section", "subsection", "subsubsection"):
            return f"{self.label}. {self.heading}".strip()
        if self.kind == "point":
            return f"{self.label}) {self.heading}".strip()
        return self.heading


@dataclass
class Signature:
    name: str
    title: str  # the signer's own title: "Phó Chủ tịch"
    capacity: list[str] = field(default_factory=list)  # ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    text: str = ""  # the block as written, one line after another
    role: str = ""  # the part the signer had in a meeting, which a minutes' block opens with: "Thư ký", "Chủ trì"


@dataclass
class Footnote:
    number: int
    text: str
    cited_in: list[str] = field(default_factory=list)  # paths of the items whose text marks it
    origin: Origin | None = None


@dataclass
class Reference:
    """A document cited by another one: "Kế hoạch số 187/KH-UBND ngày 21/12/2023 của UBND tỉnh về …"."""

    number: str
    kind: str  # "Kế hoạch", "Thông báo", … ("" when the text does not say)
    date: str | None
    issuer: str | None
    subject: str | None
    text: str  # the sentence or footnote clause that describes it
    location: str  # "chú thích 2", "mục 1.a"


@dataclass
class AdminDocument:
    doc_id: str
    source: str  # the file's name
    kind: str  # Công văn, Kế hoạch, Quyết định, Thông báo, Chỉ thị, Báo cáo, Tờ trình, Quy chế, …
    subject: str  # trích yếu: "V/v triển khai …" for a công văn, the title's subject otherwise
    header: Header = field(default_factory=Header)
    recipients: list[str] = field(default_factory=list)  # Kính gửi
    authority: str = ""  # the issuing authority line of a Quyết định ("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN")
    bases: list[str] = field(default_factory=list)  # "Căn cứ …", "Theo đề nghị của …"
    preamble: list[Node] = field(default_factory=list)  # paragraphs before the first numbered item
    body: list[Node] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)  # "… nghiêm túc thực hiện./.", contact lines
    copies: list[str] = field(default_factory=list)  # Nơi nhận
    signer: Signature | None = None
    # the other signatures: a minutes' secretary beside its chair, each party of a joint document
    cosigners: list[Signature] = field(default_factory=list)
    footnotes: dict[int, Footnote] = field(default_factory=dict)
    appendices: list[Node] = field(default_factory=list)  # kind "appendix"
    attachments: list["AdminDocument"] = field(default_factory=list)  # issued with it (Quy chế, Quy định)
    attached_to: str = ""  # for an attachment: "Quyết định số 1875/QĐ-UBND ngày 28 tháng 8 năm 2025 …"
    effective: str | None = None  # "kể từ ngày 01 tháng 9 năm 2025", "kể từ ngày ký"
    replaces: list[str] = field(default_factory=list)  # numbers of documents it replaces or repeals
    references: list[Reference] = field(default_factory=list)

    # -- naming -------------------------------------------------------------------------
    @property
    def number(self) -> str:
        return self.header.number.text

    @property
    def issuer(self) -> str:
        return self.header.issuer

    @property
    def title(self) -> str:
        """"Kế hoạch Khảo sát …", "Công văn V/v triển khai …"."""
        return f"{self.kind} {self.subject}".strip()

    @property
    def short_name(self) -> str:
        """How answers name it: "Kế hoạch 68/KH-UBND"; by subject when the number is blank."""
        if not self.header.number.blank:
            return f"{self.kind} {self.number}"
        return self.title

    def walk(self) -> Iterator[Node]:
        for n in [*self.preamble, *self.body, *self.appendices]:
            yield from n.walk()

    def find(self, path: str) -> Node | None:
        return next((n for n in self.walk() if n.path == path), None)

    def tables(self) -> Iterator[tuple[Node, Table]]:
        for n in self.walk():
            if n.table is not None:
                yield n, n.table


# -- laws: Hiến pháp, Bộ luật, Luật, Pháp lệnh are cited by article --------------------------------
@dataclass
class Article:
    number: str
    heading: str
    paragraphs: list[str]
    chapter: str | None = None


@dataclass
class Law:
    doc_id: str
    source: str
    title: str  # "Luật Hôn nhân và gia đình"
    number: str  # "52/2014/QH13" or ""
    articles: list[Article]
    preamble: list[str] = field(default_factory=list)


Document = AdminDocument | Law

