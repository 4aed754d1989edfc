"""People a document names, with the office they hold: the signer ("PHÓ CHỦ TỊCH Nguyễn Duy
Hưng"), and anyone the text introduces the way official prose does ("đồng chí Vũ Đình
Khải, Phó Chủ tịch UBND tỉnh", "ông Nguyễn Văn A - Giám đốc Sở Nội vụ"). Answers about a
person must never promote a Phó Chủ tịch to Chủ tịch, so the office is kept whole."""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.documents.model import AdminDocument
from retrieval.documents.passages import Chunk
from retrieval.lang.text import clean_inline, fold

# the heads of offices, folded; "pho" is part of the office, never dropped
OFFICE_TITLES = (
    "chu tich", "giam doc", "chanh van phong", "chanh thanh tra", "truong ban", "truong doan", "bi thu",
    "thu truong", "truong phong", "bo truong", "thu tuong", "tong giam doc", "vien truong", "hieu truong",
    "chuyen vien", "to truong", "truong cong an", "chi huy truong", "cuc truong", "vu truong",
)
OFFICE = re.compile(r"\b((?:pho )?(?:" + "|".join(OFFICE_TITLES) + r"))\b")

_NAME = r"[A-ZĐ][a-zà-ỹđ]*(?:\s+[A-ZĐ][a-zà-ỹđ]*){1,4}"
_INTRODUCED = re.compile(rf"\b(?:đồng chí|đ/c|ông|bà)\s+({_NAME})\s*[,–-]\s*([^;:()\n]{{3,120}}?)(?=[;:()\n]|,\s*(?:điện thoại|chủ trì|đt)|\s+chủ trì|$)",
                         re.IGNORECASE)


@dataclass(frozen=True)
class Person:
    name: str
    office: str  # as the document writes it: "Phó Chủ tịch UBND tỉnh"
    doc_id: str
    chunk_id: str
    note: str = ""  # how they appear: "ký thay Chủ tịch"

    @property
    def title(self) -> str:
        """The folded head of the office: "pho chu tich"."""
        m = OFFICE.search(fold(self.office))
        return m.group(1) if m else ""


def people_in(doc: AdminDocument, chunks: list[Chunk]) -> list[Person]:
    out: list[Person] = []
    seen: set[tuple[str, str]] = set()
    own = [c for c in chunks if c.doc_id == doc.doc_id]
    s = doc.signer
    if s is not None and s.name:
        sign = next((c for c in own if c.section == "phần ký"), None)
        kt = next((c.split(" ", 1)[1] for c in s.capacity if c.upper().startswith(("KT.", "TL.", "TUQ.")) and " " in c), "")
        # "Phó Chủ tịch" of the body that issues: "Phó Chủ tịch UBND tỉnh Hưng Yên", "Giám đốc Sở Nội vụ"
        office = f"{s.title} {doc.issuer}".strip() if doc.issuer and fold(doc.issuer) not in fold(s.title) else s.title
        note = f"ký {doc.short_name}" + (f" thay {kt}" if kt else "")
        out.append(Person(s.name, office, doc.doc_id, sign.chunk_id if sign else "", note))
        seen.add((fold(s.name), fold(s.title)))
    for c in own:
        if c.kind == "meta":
            continue
        for m in _INTRODUCED.finditer(clean_inline(c.text)):
            name, office = m.group(1).strip(), m.group(2).strip(" ,.")
            key = (fold(name), fold(office))
            if key in seen or not office:
                continue
            seen.add(key)
            out.append(Person(name, office, doc.doc_id, c.chunk_id))
    return out


def asked_office(question: str) -> str | None:
    """The office a question asks the holder of ("Ai là Chủ tịch UBND tỉnh?"), folded."""
    fq = fold(question)
    m = re.search(r"\bai (?:la|dang la|giu chuc)\s+(.+?)\s*\??$", fq) or re.search(r"^(.+?)\s+(?:la ai|ten (?:la )?gi)\b", fq) \
        or re.search(r"\bten (?:cua )?(.+?)\s*(?:la gi)?\s*\??$", fq)
    if not m:
        return None
    office = m.group(1).strip()
    return office if OFFICE.search(office) else None


def holds(person: Person, office: str) -> bool:
    """Whether a person holds the office asked: the same title (a deputy is not the head)
    and, when the question names the body ("… UBND tỉnh"), a body whose words they share."""
    want = OFFICE.search(office)
    if not want or want.group(1) != person.title:
        return False
    body = set(office[want.end():].split()) - {"cua", "hien", "nay", "tinh", "la", "ai"}
    have = set(fold(person.office).split())
    return not body or bool(body & have)
