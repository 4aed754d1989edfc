"""Parse a provincial directive (công văn, kế hoạch, thông báo) into its real structure.

The input is the text of the document, one paragraph per line, as the seed Markdown has
it or as the .docx/.pdf readers produce it: header metadata, "Kính gửi" list, preamble,
numbered sections (bold or not) with lettered points a), b), … đ), footnotes marked
<sup>n</sup> whose text may be printed in the middle of a paragraph that runs across a
page break, "Nơi nhận" list and the signature block.
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import Directive, DirectiveMeta, Footnote, Point, Reference, Section, Signer
from .references import CODE_KIND, extract_references, merge_references, number_code
from .text import clean_inline, nfc

_FOOTNOTE_RE = re.compile(r"^<sup>\s*(\d+)\s*</sup>\s*(.*)$")
_MARK_RE = re.compile(r"<sup>\s*(\d+)\s*</sup>")
_SECTION_RE = re.compile(r"^(?:\*\*)?\s*((?:\d+)|(?:[IVX]+))\.\s+(.+?)\s*(?:\*\*)?$")
_POINT_RE = re.compile(r"^([a-zđ])\)\s*(.*)$")
_NUMBER_LINE_RE = re.compile(r"^(?:\*\*)?Số\s*(?:và ký hiệu)?\s*:\s*(.*?)(?:\*\*)?$", re.IGNORECASE)
_PLACE_DATE_RE = re.compile(
    r"^(?:\*\*)?([^,]+),\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})", re.IGNORECASE
)
_SIGN_CAPACITY_RE = re.compile(r"^(TM\.|KT\.|Q\.|TL\.|TUQ\.)", re.IGNORECASE)
_TITLE_WORDS = ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG", "BÍ THƯ", "CHÁNH VĂN PHÒNG", "THỦ TRƯỞNG")
_KIND_HEADINGS = {
    "KẾ HOẠCH": "Kế hoạch",
    "THÔNG BÁO": "Thông báo",
    "CHỈ THỊ": "Chỉ thị",
    "QUYẾT ĐỊNH": "Quyết định",
    "BÁO CÁO": "Báo cáo",
    "CÔNG VĂN": "Công văn",
}
_ISSUER_CODES = {
    "UBND": "UBND tỉnh",
    "VPCP": "Văn phòng Chính phủ",
    "SNV": "Sở Nội vụ",
    "TU": "Tỉnh ủy",
    "HĐND": "HĐND tỉnh",
    "VP": "Văn phòng UBND tỉnh",
}


class ParseError(ValueError):
    """A file that cannot be read as a directive or a law; the message names the file."""


def _strip_bold(line: str) -> str:
    return line.replace("**", "").strip()


def _is_continuation(line: str) -> bool:
    """A paragraph that starts in lower case continues the one cut by a page break."""
    first = line.lstrip()[:1]
    return bool(first) and first.islower() and not _POINT_RE.match(line)


def _title_case(line: str) -> str:
    low = line.lower()
    return low[:1].upper() + low[1:]


def parse_directive(text: str, source: str = "directive.md") -> Directive:
    raw_lines = [nfc(line).rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    # a trailing double space is a Markdown line break inside one paragraph
    paragraphs: list[str] = []
    buf: list[str] = []
    for line in raw_lines:
        if not line.strip():
            if buf:
                paragraphs.append(" ".join(buf))
                buf = []
            continue
        buf.append(line.strip())
        if not line.endswith("  "):
            paragraphs.append(" ".join(buf))
            buf = []
    if buf:
        paragraphs.append(" ".join(buf))
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in paragraphs if p.strip()]
    if not paragraphs:
        raise ParseError(f"{source}: the file is empty")

    footnotes: dict[int, Footnote] = {}
    body: list[str] = []
    last_was_footnote = False
    for p in paragraphs:
        fm = _FOOTNOTE_RE.match(p)
        if fm:
            n = int(fm.group(1))
            footnotes[n] = Footnote(n, clean_inline(_MARK_RE.sub("", fm.group(2))))
            last_was_footnote = True
            continue
        if last_was_footnote and body and _is_continuation(p):
            body[-1] = f"{body[-1]} {p}"
        else:
            body.append(p)
        last_was_footnote = False

    number, kind_hint, place, date_text, month, year = "", "", None, None, None, None
    subject_lines: list[str] = []
    header_issuer: list[str] = []
    recipients: list[str] = []
    i = 0
    # header: everything before the first paragraph of running text
    while i < len(body):
        p = _strip_bold(body[i])
        nm = _NUMBER_LINE_RE.match(p)
        dm = _PLACE_DATE_RE.match(p)
        if nm:
            number = nm.group(1).strip()
        elif dm:
            place = dm.group(1).strip()
            date_text = p[len(dm.group(1)) + 1 :].strip()
            month = int(dm.group(3)) if dm.group(3) else None
            year = int(dm.group(4))
        elif p.upper() in _KIND_HEADINGS:
            kind_hint = _KIND_HEADINGS[p.upper()]
        elif re.match(r"^(V/v|Về việc)\b", p, re.IGNORECASE):
            subject_lines.append(p)
        elif subject_lines and not p.lower().startswith("kính gửi") and len(p) < 120 and not p.endswith("."):
            subject_lines.append(p)
        elif p.lower().startswith("kính gửi"):
            rest = p.split(":", 1)[1].strip() if ":" in p else ""
            if rest:
                recipients.append(rest)
            i += 1
            while i < len(body) and _strip_bold(body[i]).startswith(("-", "+", "•")):
                recipients.append(_strip_bold(body[i]).lstrip("-+• ").rstrip(";.").strip())
                i += 1
            break
        elif p.isupper() and not subject_lines:
            if kind_hint:
                subject_lines.append(_title_case(p))
            elif not re.search(r"CỘNG HÒA|Độc lập", p, re.IGNORECASE):
                header_issuer.append(p)
        elif not subject_lines and not number and len(p) < 80 and not p.endswith("."):
            header_issuer.append(p)
        else:
            break
        i += 1

    preamble: list[str] = []
    sections: list[Section] = []
    closing: list[str] = []
    copies: list[str] = []
    sign_lines: list[str] = []
    current: Section | None = None
    state = "preamble"
    while i < len(body):
        p = body[i]
        plain = _strip_bold(p)
        if re.match(r"^Nơi nhận\s*:?", plain, re.IGNORECASE):
            state = "copies"
            rest = plain.split(":", 1)[1].strip() if ":" in plain else ""
            if rest:
                copies.append(rest)
            i += 1
            continue
        if state == "copies":
            if plain.startswith(("-", "+", "•")):
                copies.append(clean_inline(plain.lstrip("-+• ")).rstrip(";.").strip())
                i += 1
                continue
            state = "signature"
        if state == "signature" or (
            p.startswith("**") and _SIGN_CAPACITY_RE.match(plain) and state != "preamble"
        ):
            state = "signature"
            sign_lines.append(plain)
            i += 1
            continue
        sm = _SECTION_RE.match(p)
        if sm and (p.startswith("**") or sm.group(1).isdigit()) and state in ("preamble", "sections"):
            state = "sections"
            heading = sm.group(2).strip().rstrip("*").strip()
            current = Section(sm.group(1), heading)
            current.footnotes = [int(n) for n in _MARK_RE.findall(heading)]
            sections.append(current)
            i += 1
            continue
        if state == "preamble":
            preamble.append(p)
        elif state == "sections" and current is not None:
            if re.match(r"^(Ủy ban nhân dân|UBND|Sở|Văn phòng).{0,40}(yêu cầu|đề nghị).*(thực hiện|nghiêm túc)", plain) and not _POINT_RE.match(p):
                state = "closing"
                closing.append(p)
            else:
                pm = _POINT_RE.match(p)
                if pm:
                    current.points.append(
                        Point(pm.group(1), pm.group(2), [int(n) for n in _MARK_RE.findall(pm.group(2))])
                    )
                elif current.points and _is_continuation(p):
                    current.points[-1].text += " " + p
                else:
                    current.paragraphs.append(p)
                current.footnotes.extend(int(n) for n in _MARK_RE.findall(p))
        else:
            closing.append(p)
        i += 1

    signer = _parse_signer(sign_lines)
    kind = kind_hint or _kind_from_number(number) or ("Công văn" if subject_lines and subject_lines[0].lower().startswith("v/v") else "Văn bản")
    subject = clean_inline(" ".join(subject_lines))
    issuer = _issuer(header_issuer, number, place)
    meta = DirectiveMeta(
        number=number,
        kind=kind,
        place=place,
        date_text=date_text,
        month=month,
        year=year,
        subject=subject,
        issuer=issuer,
        recipients=[clean_inline(r) for r in recipients],
        copies=copies,
        signer=signer,
    )
    directive = Directive(
        doc_id=_doc_id(source),
        source=source,
        meta=meta,
        preamble=preamble,
        sections=sections,
        closing=closing,
        footnotes=footnotes,
    )
    _link_footnotes(directive)
    directive.references = _collect_references(directive)
    if not sections and not preamble:
        raise ParseError(f"{source}: no running text found; is this a directive?")
    return directive


def _doc_id(source: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", Path(source).stem.lower()).strip("-")


def _kind_from_number(number: str) -> str:
    code = number_code(number) if number and number[0].isdigit() else ""
    if not code and number:
        code = number_code("0" + number) if number.startswith("/") else ""
    return CODE_KIND.get(code, "")


def _issuer(header: list[str], number: str, place: str | None) -> str:
    if header:
        return " ".join(_title_case(h) if h.isupper() else h for h in header)
    code = number.lstrip("/").split("-")[0].split("/")[0].upper() if number else ""
    base = _ISSUER_CODES.get(code, code)
    if base == "UBND tỉnh" and place:
        return f"UBND tỉnh {place}"
    return base


def _parse_signer(lines: list[str]) -> Signer | None:
    if not lines:
        return None
    parts: list[str] = []
    for line in lines:
        parts.extend(x.strip() for x in re.split(r"\s{2,}|\n", line) if x.strip())
    capacity = [p for p in parts if _SIGN_CAPACITY_RE.match(p)]
    titles = [p for p in parts if p not in capacity and p.isupper()]
    names = [p for p in parts if p not in capacity and not p.isupper()]
    # "PHÓ CHỦ TỊCH" stands on its own line; sometimes it is glued to the KT. line
    title = titles[-1] if titles else ""
    if not title:
        for c in capacity:
            for w in _TITLE_WORDS:
                if c.upper().endswith(w) and not c.upper().startswith(("TM.", "KT.")):
                    title = w
    name = names[-1] if names else ""
    return Signer(
        name=name,
        title=_title_case(title) if title.isupper() else title,
        capacity=capacity,
        text=" ".join(parts),
    )


def _link_footnotes(d: Directive) -> None:
    for idx, p in enumerate(d.preamble):
        for n in _MARK_RE.findall(p):
            if int(n) in d.footnotes:
                d.footnotes[int(n)].cited_in.append("mở đầu")
    for s in d.sections:
        for n in _MARK_RE.findall(s.heading):
            if int(n) in d.footnotes:
                d.footnotes[int(n)].cited_in.append(s.number)
        for pt in s.points:
            for n in pt.footnotes:
                if n in d.footnotes:
                    d.footnotes[n].cited_in.append(f"{s.number}.{pt.label}")
        for para in s.paragraphs:
            for n in _MARK_RE.findall(para):
                if int(n) in d.footnotes:
                    d.footnotes[int(n)].cited_in.append(s.number)


def _collect_references(d: Directive) -> list[Reference]:
    refs: list[Reference] = []
    for p in d.preamble:
        refs += extract_references(p, "mở đầu")
    for s in d.sections:
        refs += extract_references(s.heading, f"mục {s.number}")
        for pt in s.points:
            refs += extract_references(pt.text, f"mục {s.number}.{pt.label}")
        for para in s.paragraphs:
            refs += extract_references(para, f"mục {s.number}")
    for n in sorted(d.footnotes):
        refs += extract_references(d.footnotes[n].text, f"chú thích {n}")
    return merge_references(refs)
