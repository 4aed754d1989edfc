"""Plain data passed between stages: parse -> chunk -> index -> retrieve -> answer."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Footnote:
    number: int
    text: str
    # where the mark stands: section paths such as "1.a" or "mở đầu"
    cited_in: list[str] = field(default_factory=list)


@dataclass
class Point:
    """A lettered point such as `đ)` inside a numbered section."""

    label: str
    text: str
    footnotes: list[int] = field(default_factory=list)


@dataclass
class Section:
    number: str
    heading: str
    points: list[Point] = field(default_factory=list)
    # paragraphs of the section that are not lettered points
    paragraphs: list[str] = field(default_factory=list)
    footnotes: list[int] = field(default_factory=list)


@dataclass
class Signer:
    name: str
    title: str  # the signer's own title, e.g. "Phó Chủ tịch"
    capacity: list[str] = field(default_factory=list)  # ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    text: str = ""  # the signature block as written


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
class DirectiveMeta:
    number: str  # "/UBND-NC" when the number is left blank
    kind: str  # "Công văn", "Kế hoạch", "Thông báo", …
    place: str | None
    date_text: str | None  # "ngày tháng 8 năm 2024" as written
    month: int | None
    year: int | None
    subject: str  # trích yếu: "V/v triển khai …"
    issuer: str  # "UBND tỉnh Hưng Yên"
    recipients: list[str] = field(default_factory=list)  # Kính gửi
    copies: list[str] = field(default_factory=list)  # Nơi nhận
    signer: Signer | None = None


@dataclass
class Directive:
    doc_id: str
    source: str  # file name
    meta: DirectiveMeta
    preamble: list[str]
    sections: list[Section]
    closing: list[str]
    footnotes: dict[int, Footnote]
    references: list[Reference] = field(default_factory=list)

    @property
    def title(self) -> str:
        subject = self.meta.subject
        if subject.lower().startswith("v/v"):
            return f"{self.meta.kind} {subject}"
        return f"{self.meta.kind} {subject}".strip()

    def section(self, number: str) -> Section | None:
        return next((s for s in self.sections if s.number == number), None)


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


Document = Directive | Law


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


@dataclass
class Source:
    doc_title: str
    doc_number: str
    article: str | None
    section: str
    text: str
    score: float
    chunk_id: str = ""
    footnotes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "doc_title": self.doc_title,
            "doc_number": self.doc_number,
            "article": self.article,
            "section": self.section,
            "text": self.text,
            "score": round(float(self.score), 4),
            "footnotes": self.footnotes,
        }


@dataclass
class Answer:
    text: str
    sources: list[Source]
    abstained: bool
    intent: str = "passage"

    def to_json(self, question: str) -> dict[str, object]:
        return {
            "question": question,
            "answer": self.text,
            "abstained": self.abstained,
            "sources": [s.to_json() for s in self.sources],
        }
