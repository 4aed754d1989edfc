"""Obligations extracted from directives: who must do what, report to whom, via whom, by when.

Precision over volume: a record is made only from a sentence that states the duty
explicitly, and its responsible units come from the heading of the section it stands in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .model import Directive
from .text import clean_inline

_DATE_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_DEADLINE_RE = re.compile(
    r"((?:chậm nhất|muộn nhất)\s+(?:vào\s+)?(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}"
    r"|trước\s+ngày\s+\d{1,2}/\d{1,2}/\d{4}"
    r"|(?:trong|trước)\s+tháng\s+\d{1,2}/\d{4}"
    r"|hằng\s+(?:tháng|quý|năm)|hàng\s+(?:tháng|quý|năm)|định\s+kỳ\s+(?:\d+\s+tháng|hằng\s+\w+|\w+))",
    re.IGNORECASE,
)
_RECIPIENT_HEAD = re.compile(
    r"\bbáo cáo\s+(?=(?:UBND|Ủy ban nhân dân|Sở|Bộ|Văn phòng|Ban|Chủ tịch|HĐND|Hội đồng|Thường trực|Thủ tướng|Chính phủ)\b)"
)
# what follows the recipient: the object of the report, a date or a purpose
_RECIPIENT_END = re.compile(
    r"\s(?:kết quả|tình hình|việc|về|trước|chậm nhất|muộn nhất|định kỳ|hằng|trong|để|theo|những|các)\b|[,;.]|$"
)


def parse_report(sentence: str) -> tuple[str, str | None, str] | None:
    """(recipient, via, what) of "báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả …"."""
    m = _RECIPIENT_HEAD.search(sentence)
    if not m:
        return None
    rest = sentence[m.end():]
    via = None
    paren = re.match(r"([^()]{2,80}?)\s*\((?:qua|thông qua)\s+([^)]+)\)\s*", rest)
    if paren:
        recipient, via = paren.group(1).strip(), paren.group(2).strip()
        tail = rest[paren.end():]
    else:
        end = _RECIPIENT_END.search(rest)
        recipient = rest[: end.start()].strip() if end else rest.strip()
        tail = rest[end.start():] if end else ""
    what = re.split(r"\s+(?:chậm nhất|muộn nhất|trước ngày|trong tháng|để)\b", tail, maxsplit=1)[0]
    return recipient, via, what.strip().rstrip(".,;")


@dataclass
class Obligation:
    responsible: str  # as the document names them (section heading)
    action: str  # the sentence that states the duty
    recipient: str | None
    via: str | None
    what: str | None
    deadline: dt.date | None
    deadline_text: str | None
    purpose: str | None
    doc_id: str
    doc_title: str
    doc_number: str
    section: str  # "mục 2", "mục 3.a"
    text: str  # the passage as written
    units: list[str] = field(default_factory=list)  # filled by unit resolution


def parse_deadline(text: str) -> tuple[dt.date | None, str | None]:
    m = _DEADLINE_RE.search(text)
    if not m:
        return None, None
    phrase = m.group(1)
    d = _DATE_RE.search(phrase)
    if d:
        day, month, year = int(d.group(1)), int(d.group(2)), int(d.group(3))
        try:
            return dt.date(year, month, day), phrase
        except ValueError:
            return None, phrase
    mm = re.search(r"tháng\s+(\d{1,2})/(\d{4})", phrase)
    if mm:
        month, year = int(mm.group(1)), int(mm.group(2))
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)) if 1 <= month <= 12 else None
        return last, phrase
    return None, phrase


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;])\s+(?=[A-ZĐ\u00c0-\u1ef8])", text) if s.strip()]


def extract_obligations(d: Directive) -> list[Obligation]:
    out: list[Obligation] = []
    for s in d.sections:
        responsible = clean_inline(s.heading).rstrip(":").strip()
        passages = [(f"mục {s.number}", p) for p in s.paragraphs] + [
            (f"mục {s.number}.{pt.label}", pt.text) for pt in s.points
        ]
        for section, raw in passages:
            text = clean_inline(raw)
            for sent in _sentences(text):
                rm = parse_report(sent)
                deadline, deadline_text = parse_deadline(sent)
                if not rm and not deadline_text:
                    continue
                purpose = None
                pm = re.search(r"\bđể\s+(.+?)[.;]?$", sent)
                if pm:
                    purpose = pm.group(1).strip()
                out.append(
                    Obligation(
                        responsible=responsible,
                        action=sent,
                        recipient=rm[0] if rm else None,
                        via=rm[1] if rm else None,
                        what=rm[2] if rm else None,
                        deadline=deadline,
                        deadline_text=deadline_text,
                        purpose=purpose,
                        doc_id=d.doc_id,
                        doc_title=d.title,
                        doc_number=d.meta.number,
                        section=section,
                        text=text,
                    )
                )
    return out


def format_date(d: dt.date) -> str:
    """The way the documents write dates: 06/8/2024, 15/12/2024."""
    return f"{d.day:02d}/{d.month}/{d.year}"
