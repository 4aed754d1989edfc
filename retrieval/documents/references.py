"""Document numbers and the cited-document records built around them.

"Kế hoạch số 187/KH-UBND ngày 21/12/2023 của UBND tỉnh về CCHC nhà nước tỉnh Hưng Yên
năm 2024" becomes Reference(number="187/KH-UBND", kind="Kế hoạch", date="21/12/2023",
issuer="UBND tỉnh", subject="CCHC nhà nước tỉnh Hưng Yên năm 2024").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.documents.model import Reference
from retrieval.lang.text import clean_inline, fold

_L = "A-ZĐa-zđ\u00c0-\u1ef9"
# 187/KH-UBND, 28-CT/TU, 35/2023/UBTVQH15, 01/TB-ĐKT, 133/CTr-UBND, 52/2014/QH13 — never a
# date (15/12/2024): a letter must follow the last separator.
NUMBER_RE = re.compile(
    rf"(?<![\w/])(\d{{1,5}}(?:/\d{{4}})?[/-][A-ZĐ][{_L}0-9]*(?:[/-][A-ZĐ0-9][{_L}0-9]*)*)(?![\w/])"
)

KIND_WORDS = [
    "Chương trình hành động",
    "Chương trình",
    "Kế hoạch",
    "Công văn",
    "Chỉ thị",
    "Thông báo",
    "Nghị quyết",
    "Nghị định",
    "Kết luận",
    "Báo cáo",
    "Quyết định",
    "Thông tư",
    "Luật",
    "Hướng dẫn",
    "Tờ trình",
    "Thông tri",
    "Thông cáo",
    "Bản ghi nhớ",
    "Phương án",
    "Quy chế",
]

# the type code inside a number tells the kind when the text does not
CODE_KIND = {
    "KH": "Kế hoạch",
    "TB": "Thông báo",
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "BC": "Báo cáo",
    "CTR": "Chương trình",
    "QD": "Quyết định",
    "ND": "Nghị định",
    "TT": "Thông tư",
    "HD": "Hướng dẫn",
    "TTR": "Tờ trình",
    "BB": "Biên bản",
    "DA": "Đề án",
    "GM": "Giấy mời",
    "CD": "Công điện",
    "BGN": "Bản ghi nhớ",
    "TCBC": "Thông cáo",
    "PA": "Phương án",
    "QC": "Quy chế",
    # issued jointly by two bodies ("03/KHLT-MTTQ-SNV"): a kind's code of its own
    "KHLT": "Kế hoạch",
    "NQLT": "Nghị quyết",
    "CTPH": "Chương trình",
    "HDLT": "Hướng dẫn",
    "QCPH": "Quy chế",
}
# "Thông tri 05" is a party's "05-TT/TU", whose code is a Thông tư's: the kind word names no code;
# a kind's own code is its first ("kế hoạch" is KH, not KHLT)
KIND_CODE = {fold(v): k for k, v in reversed(list(CODE_KIND.items()))} | {"cong van": "", "chuong trinh hanh dong": "CTR",
                                                         "thong tri": "", "quy che": ""}

_DATE = r"(\d{1,2}/\d{1,2}/\d{4})"
# the words that open what a cited document does or is about, after its issuer:
# "của UBND tỉnh phê duyệt …", "của Chính phủ sửa đổi, bổ sung …", "của Bộ Chính trị về …"
_SUBJECT_START = re.compile(
    r"\s(về|triển khai|ban hành|thực hiện|kết luận|hướng dẫn|quy định|phê duyệt|sửa đổi|công bố|tiếp tục)[\s,]")
# a footnote mark ends the citation it follows ("… năm 2025<sup>1</sup> và …")
_MARK = "\ue000"
_SUP_NUMBER = re.compile(r"<sup>\s*\d{1,3}\s*</sup>")


def number_key(number: str) -> str:
    """Comparison form: case- and accent-free ("01/TB-ĐKT" -> "01/TB-DKT")."""
    return fold(number).upper().replace(" ", "")


def number_code(number: str) -> str:
    """The type code of a number: 187/KH-UBND -> KH, 28-CT/TU -> CT, 433/UBND-NC -> ''."""
    parts = re.split(r"[/-]", number_key(number))
    for p in parts[1:]:
        if p in CODE_KIND:
            return p
    return ""


def find_numbers(text: str) -> list[str]:
    return [m.group(1) for m in NUMBER_RE.finditer(clean_inline(text))]


@dataclass
class NumberMention:
    """A document number as a user types it: full ("363/TB-VPCP") or partial ("KH 187")."""

    digits: str
    code: str  # "" when unknown
    full: str | None  # normalised full number when typed in full
    # "cv 287": a letter's number carries no type code (287/SNV-CCHC), so 287/BC-TTPVHCC is not it
    letter: bool = False

    def matches(self, number: str) -> bool:
        key = number_key(number)
        if self.full is not None:
            return key == self.full
        head = re.split(r"[/-]", key)[0]
        if head != self.digits:
            return False
        if self.letter:
            return not number_code(number)
        return not self.code or self.code == number_code(number)


_PARTIAL_RE = re.compile(
    r"\b(kh|tb|nq|ct|kl|bc|qd|ctr|cv|ttr|hd|gm|cd|bb|da|ke hoach|thong bao|nghi quyet|chi thi|ket luan|bao cao|to trinh|"
    r"quyet dinh|chuong trinh(?: hanh dong)?|cong van|cong dien|nghi dinh|thong tu|huong dan|giay moi|bien ban|de an|"
    r"thong tri|thong cao|ban ghi nho|phuong an|quy che|bgn|tcbc|pa|khlt|nqlt|ctph|hdlt|qcph)"
    # "công văn hỏa tốc 1456", "công văn khẩn số 610": the urgency between the kind and the number
    r"\s*(?:(?:hoa toc|thuong khan|khan|mat|toi mat)\s+)?(?:so\s*)?(\d{1,5})\b"
)


def mentions_in_question(question: str) -> list[NumberMention]:
    """Document numbers a question names, in full or as "KH 187" / "kế hoạch 187"."""
    out: list[NumberMention] = []
    # typed in lower case ("363/tb-vpcp") a number is still a number: upper-casing changes
    # only the letters of the codes, which number_key compares in upper case anyway
    for num in find_numbers(question.upper()):
        key = number_key(num)
        out.append(NumberMention(re.split(r"[/-]", key)[0], number_code(num), key))
    folded = fold(question)
    for m in _PARTIAL_RE.finditer(folded):
        word, digits = m.group(1), m.group(2)
        code = word.upper() if len(word) <= 3 else KIND_CODE.get(word, "")
        letter = code == "CV" or word == "cong van"
        if letter:
            code = ""
        if not any(x.digits == digits for x in out):
            out.append(NumberMention(digits, code, None, letter))
    return out


def _kind_before(text: str, start: int, number: str) -> str:
    window = text[max(0, start - 40) : start]
    best = ""
    best_pos = -1
    for kw in KIND_WORDS:
        pos = window.rfind(kw)
        if pos < 0:
            pos = window.rfind(kw.lower())
        if pos > best_pos:
            best, best_pos = kw, pos
    if best:
        return best
    code = number_code(number)
    if code:
        return CODE_KIND[code]
    return "Công văn" if "UBND" in number.upper() else ""


_TRAILING_KIND = re.compile(
    r"[,;]?\s*(?:và\s+)?(?:các\s+)?(?:" + "|".join(KIND_WORDS) + r")?\s*(?:số)?\s*$", re.IGNORECASE
)


# words a subject cannot end on: what follows them is the document they act upon
_DANGLING = re.compile(r"\b(thực hiện|triển khai|hướng dẫn|sửa đổi|bổ sung|theo|tại|quy định|ban hành|của)\s*$", re.IGNORECASE)


_ENACTS = re.compile(r",\s*[^,]{2,80}?\s(?:hướng dẫn|ban hành|quyết định|thông báo|báo cáo|đề nghị|yêu cầu|"
                     r"chỉ thị|xây dựng)[^,]{0,80}?\s*như sau\s*[:.]?\s*$", re.IGNORECASE)


def _parse_tail(tail: str) -> tuple[str | None, str | None, str | None]:
    """From the words after a number: (date, issuer, subject)."""
    tail = tail.strip().rstrip(".;,")
    date = None
    m = re.match(rf"ngày\s+{_DATE}\s*", tail)
    long = re.match(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*", tail)
    if m:
        date = m.group(1)
        tail = tail[m.end() :]
    elif long:
        date = f"{int(long.group(1)):02d}/{int(long.group(2))}/{long.group(3)}"
        tail = tail[long.end() :]
    issuer = None
    subject: str | None = None
    if tail.startswith("của "):
        rest = tail[4:]
        sm = _SUBJECT_START.search(" " + rest + " ")
        if sm:
            cut = sm.start()
            issuer = rest[:cut].strip() or None
            subject = rest[cut:].strip() or None
        else:
            issuer = rest.strip() or None
    elif tail:
        subject = tail
    if subject and subject.startswith("về "):
        subject = subject[3:]
    return date, issuer, subject


_CITATION_STOP = re.compile(r"\.(?:\s|$)|\((?!.*\))|" + _MARK)
_TEXT_STOP = re.compile(r";|\.(?:\s|$)|\((?!.*\))|" + _MARK + r"|,\s")


def _clause_stop(segment: str, stop_re: re.Pattern[str]) -> re.Match[str] | None:
    """Where the citation at the start of `segment` ends. In running text a comma ends it
    only when a clause follows ("… năm 2023, khẩn trương thực hiện …"), not inside an
    enumeration of short items ("về đào tạo, bồi dưỡng cán bộ, công chức, viên chức") nor
    in "sửa đổi, bổ sung"."""
    for m in stop_re.finditer(segment):
        if not m.group(0).startswith(","):
            return m
        after = segment[m.end() :]
        if re.match(r"bổ\s+sung\b", after):
            continue
        piece = re.split(r"[,;(" + _MARK + r"]|\.(?:\s|$)", after, maxsplit=1)
        item = piece[0] if len(piece) > 1 else _TRAILING_KIND.sub("", after)
        if 0 < len(item.split()) <= 5:  # syllables: "bồi dưỡng cán bộ", "viên chức"
            continue
        return m
    return None


def _unmark(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(_MARK, " ")).strip() if _MARK in text else text


def _close(text: str | None) -> str | None:
    """Without a closing parenthesis the citation's own words never opened
    ("(Kèm theo Kế hoạch số 68/KH-UBND … của UBND tỉnh Hưng Yên)")."""
    if text is None:
        return None
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip()
    return text or None


def extract_references(text: str, location: str) -> list[Reference]:
    """Every document number in `text`, with what the text says about it."""
    plain = clean_inline(_SUP_NUMBER.sub(_MARK, text))
    # in running text a citation ends at the comma that resumes the sentence; a
    # footnote or a "Căn cứ …" line is all citation, and its subjects may contain commas
    in_footnote = location.startswith(("chú thích", "căn cứ"))
    matches = list(NUMBER_RE.finditer(plain))
    # "Các Thông báo của Đoàn kiểm tra CCHC tỉnh ngày 19/7/2024: số 01/TB-ĐKT …; số 02/…"
    header_kind = header_issuer = header_date = None
    colon = plain.find(":")
    if matches and 0 < colon < matches[0].start():
        header = _unmark(plain[:colon])
        header_date = (re.search(_DATE, header) or [None, None])[1] if re.search(_DATE, header) else None
        hm = re.search(r"của\s+(.+?)(?:\s+ngày\s+\d|$)", header)
        header_issuer = hm.group(1).strip() if hm else None
        for kw in KIND_WORDS:
            if kw.lower() in header.lower():
                header_kind = kw
                break
    refs: list[Reference] = []
    for i, m in enumerate(matches):
        number = m.group(1)
        end = matches[i + 1].start() if i + 1 < len(matches) else len(plain)
        segment = plain[m.end() : end]
        # a reference ends at the clause boundary; the next one starts after it
        # a footnote is all citation: its subject may run on through ";" ("… khai sinh, …; đăng
        # ký khai tử …"), the next citation starting only at the next number
        stop_re = _CITATION_STOP if in_footnote else _TEXT_STOP
        stop = _clause_stop(segment, stop_re)
        tail = segment[: stop.start()] if stop else segment
        tail = _TRAILING_KIND.sub("", _unmark(tail))
        # "… ban hành Chương trình hành động thực hiện Kết luận số 50-KL/TW …": the subject
        # runs on through the document it names, up to the clause boundary
        if stop is None and _DANGLING.search(tail):
            rest = plain[m.end() :]
            far = _clause_stop(rest, stop_re)
            tail = _TRAILING_KIND.sub("", _unmark(rest[: far.start()] if far else rest))
        # "Căn cứ …, Sở Nội vụ hướng dẫn như sau:": the sentence's own verb is not the subject
        tail = _ENACTS.sub("", tail)
        date, issuer, subject = _parse_tail(tail)
        kind = _kind_before(plain, m.start(), number)
        if header_kind and not re.search(r"\w", plain[max(0, m.start() - 12) : m.start()].replace("số", "")):
            kind = header_kind
        if header_kind:
            date = date or header_date
            issuer = issuer or header_issuer
        # the clause as written: from the kind word (or "số") to the end of the tail
        begin = m.start()
        lead = plain[max(0, m.start() - 40) : m.start()]
        km = re.search(rf"({re.escape(kind)}\s+)?(số\s+)?$", lead, re.IGNORECASE) if kind else None
        if km and km.group(0):
            begin = m.start() - len(km.group(0))
        clause = _unmark(plain[begin : m.end()] + tail).strip().rstrip(",")
        refs.append(Reference(number, kind, _close(date), _close(issuer), _close(subject), clause, location))
    return refs


def merge_references(refs: list[Reference]) -> list[Reference]:
    """One record per number, keeping the most complete description of it."""
    by_key: dict[str, Reference] = {}
    order: list[str] = []
    for r in refs:
        key = number_key(r.number)
        if not key.split("/")[0] or key.startswith("/"):
            continue
        cur = by_key.get(key)
        if cur is None:
            by_key[key] = Reference(**r.__dict__)
            order.append(key)
            continue
        richer = _richness(r) > _richness(cur)
        base, other = (Reference(**r.__dict__), cur) if richer else (cur, r)
        base.date = base.date or other.date
        base.issuer = base.issuer or other.issuer
        base.subject = base.subject or other.subject
        base.kind = base.kind or other.kind
        by_key[key] = base
    return [by_key[k] for k in order]


def _richness(r: Reference) -> int:
    return (r.date is not None) + (r.issuer is not None) + 2 * (r.subject is not None)


def describe(ref: Reference) -> str:
    """One-line Vietnamese description of a cited document."""
    parts = [f"{ref.kind} số {ref.number}".strip()]
    if ref.date:
        parts.append(f"ngày {ref.date}")
    if ref.issuer:
        parts.append(f"của {ref.issuer}")
    if ref.subject:
        subj = ref.subject
        parts.append(subj if re.match(r"(triển khai|ban hành|thực hiện|kết luận|hướng dẫn|phê duyệt|sửa đổi|công bố|tiếp tục|quy định)", subj)
                     else f"về {subj}")
    return " ".join(parts)
