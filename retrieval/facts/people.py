"""People a document names, with the office they hold: the signer ("PHÓ CHỦ TỊCH Nguyễn Duy
Hưng"), and anyone the text introduces the way official prose does ("đồng chí Vũ Đình
Khải, Phó Chủ tịch UBND tỉnh", "ông Nguyễn Văn A - Giám đốc Sở Nội vụ"). Answers about a
person must never promote a Phó Chủ tịch to Chủ tịch, so the office is kept whole."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from retrieval.documents.model import AdminDocument
from retrieval.documents.passages import Chunk
from retrieval.lang.text import clean_inline, fold

FIELDS = Path(__file__).resolve().parents[1] / "lang" / "data" / "fields.yaml"

# the heads of offices, folded; "pho" is part of the office, never dropped
OFFICE_TITLES = (
    "chu tich", "giam doc", "chanh van phong", "chanh thanh tra", "truong ban", "truong doan", "bi thu",
    "thu truong", "truong phong", "bo truong", "thu tuong", "tong giam doc", "vien truong", "hieu truong",
    "chuyen vien", "to truong", "to pho", "thu ky", "uy vien", "truong cong an", "chi huy truong", "cuc truong",
    "vu truong",
)
OFFICE = re.compile(r"\b((?:pho )?(?:" + "|".join(OFFICE_TITLES) + r"))\b")

_NAME = r"[A-ZĐ][a-zà-ỹđ]*(?:\s+[A-ZĐ][a-zà-ỹđ]*){1,4}"
_HONORIFIC = r"(?:đồng chí|đ/c|ông|bà|đại tá|thượng tá|trung tá|thiếu tá|đại úy)"
_INTRODUCED = re.compile(rf"\b{_HONORIFIC}\s+({_NAME})\s*[,–-]\s*([^;:()\n]{{3,120}}?)(?=[;:()\n]|,\s*(?:điện thoại|chủ trì|đt)|\s+chủ trì|$)",
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
    # a committee's roster: "2. Phó Trưởng ban thường trực: bà X, Phó Chủ tịch UBND tỉnh." and
    # "4. Các Ủy viên:" over "- Bà Y, Giám đốc Sở Z;": each member with the role the list gives
    for role, text in _roster(doc):
        for m in _INTRODUCED.finditer(text):
            name, office = m.group(1).strip(), m.group(2).strip(" ,.;")
            chunk = next((c for c in own if name in c.text), None)
            key = (fold(name), fold(office))
            if key in seen or not office or chunk is None:
                continue
            seen.add(key)
            out.append(Person(name, office, doc.doc_id, chunk.chunk_id, f"{role} {_body(doc)}".strip()))
    # a table of members: the role each has in the body is the office asked ("Tổ trưởng")
    body = _body(doc)
    for name, role, post, where in _table_roster(doc):
        chunk = next((c for c in own if c.section == where), None) or next((c for c in own if name in c.text), None)
        office = f"{role} {body}".strip() if body and fold(body) not in fold(role) else role
        key = (fold(name), fold(office))
        if key in seen or not role or chunk is None:
            continue
        seen.add(key)
        out.append(Person(name, office, doc.doc_id, chunk.chunk_id, post))
    not_offices = tuple(_language()["not_offices"])
    for c in own:
        if c.kind == "meta":
            continue
        for m in _INTRODUCED.finditer(clean_inline(c.text)):
            name, office = m.group(1).strip(), m.group(2).strip(" ,.")
            key = (fold(name), fold(office))
            if key in seen or not office or fold(office).startswith(not_offices):
                continue
            seen.add(key)
            out.append(Person(name, office, doc.doc_id, c.chunk_id))
    return out


_ROLE_LINE = re.compile(r"^\s*(?:\d+\.\s*)?(?:các\s+)?(?P<role>[^:]{2,40}?)\s*:\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)


@lru_cache(maxsize=1)
def _language() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(FIELDS.read_text(encoding="utf-8"))


def _column(headers: list[str], words: list[str]) -> int | None:
    return next((i for i, h in enumerate(headers) if any(w in fold(h) for w in words)), None)


def _table_roster(doc: AdminDocument) -> list[tuple[str, str, str, str]]:
    """(name, role in the body, post, where) of each row of a table of members ("Họ và tên |
    Chức vụ, đơn vị công tác | Nhiệm vụ trong Tổ công tác")."""
    cols = _language()["roster_columns"]
    out = []
    for node, table in doc.tables():
        name_col = _column(table.columns, cols["name"])
        role_col = _column(table.columns, cols["role"])
        if name_col is None or role_col is None or role_col == name_col:
            continue
        post_col = _column(table.columns, cols["post"])
        for row in table.rows:
            if max(name_col, role_col) >= len(row.cells):
                continue
            name = re.sub(rf"^{_HONORIFIC}\s+", "", clean_inline(row.cells[name_col]), flags=re.IGNORECASE).strip()
            if not re.fullmatch(_NAME, name):
                continue
            post = clean_inline(row.cells[post_col]) if post_col is not None and post_col < len(row.cells) else ""
            out.append((name, clean_inline(row.cells[role_col]), post, f"{node.path}, {row.citation}"))
    return out


def _roster(doc: AdminDocument) -> list[tuple[str, str]]:
    """(role, text) of each line of a list of members: a labelled line, and each item under a
    labelled heading."""
    out: list[tuple[str, str]] = []
    role = ""  # the role a "Các Ủy viên:" line gives the items that follow it
    for n in doc.walk():
        text = clean_inline(n.text or "")
        if role and n.kind in ("bullet", "subbullet", "point") and text:
            out.append((role, text))
            continue
        role = ""
        if n.heading and not text and len(n.heading.split()) <= 6:  # "4. Các Ủy viên:" read as a heading
            role = re.sub(r"^(?:các|những)\s+", "", clean_inline(n.heading).rstrip(":"), flags=re.IGNORECASE)
            role = role[:1].upper() + role[1:]
            continue
        m = _ROLE_LINE.match(text)
        if not m or len(m.group("role").split()) > 6:
            continue
        label = re.sub(r"^(?:các|những)\s+", "", m.group("role").strip(), flags=re.IGNORECASE)
        label = label[:1].upper() + label[1:]
        if m.group("rest").strip():
            out.append((label, m.group("rest")))
        else:
            role = label
            out += [(label, clean_inline(k.text)) for k in n.children if k.text]
    return out


def _body(doc: AdminDocument) -> str:
    """The body a decision sets up ("Ban Chỉ đạo …" of "thành lập Ban Chỉ đạo …"), else ""."""
    m = re.search(r"thành lập\s+(.+)$", doc.subject or "", re.IGNORECASE)
    return m.group(1).strip(" .") if m else ""


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
    # the body's words end where the question goes on ("… UBND tỉnh ký Quyết định 2210")
    after = re.split(r"\b(?:ky|trong|theo|tai|thuoc|duoc|giu|va|voi|la|co|o)\b", office[want.end():], maxsplit=1)[0]
    body = set(after.split()) - {"cua", "hien", "nay", "tinh", "la", "ai"}
    have = set(fold(person.office).split())
    # "Giám đốc Trung tâm Phục vụ hành chính công tỉnh" is not "Giám đốc Sở Nội vụ" for sharing "vụ"
    return not body or len(body & have) >= max(1, round(0.6 * len(body)))


_PHONE = re.compile(r"(?:điện thoại|ĐT|đt|sđt|SĐT)\s*:?\s*(\+?\d[\d .]{6,}\d)")


def asks_contact(folded: str) -> bool:
    """"… là ai, số điện thoại?": the person's phone is asked too."""
    return any(re.search(rf"\b{re.escape(w)}\b", folded) for w in _language()["not_offices"])


def phone_of(person: Person, chunks: list[Chunk]) -> tuple[str, Chunk] | None:
    """The phone number the document gives right after the person's name ("bà Phạm Thu Hà,
    điện thoại: 0983.275.614")."""
    for c in chunks:
        if c.doc_id != person.doc_id:
            continue
        text = clean_inline(c.text)
        at = text.find(person.name)
        if at < 0:
            continue
        m = _PHONE.search(text, at + len(person.name), at + len(person.name) + 60)
        if m:
            return m.group(1).strip(" ."), c
    return None
