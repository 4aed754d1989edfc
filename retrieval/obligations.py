"""Obligations extracted from directives: who must do what, report to whom, via whom, by when.

All extraction rules live here. Precision over volume: a record names only units that the
document names (a section heading, its list in parentheses, or the unit a sentence opens
with), resolved through `corpus/units.yaml`; a name that does not resolve is kept in
`unresolved`, never replaced by a guess. Dates are read only from explicit phrases
("chậm nhất vào ngày 15/12/2024", "trước ngày 30/6/2025", "trong tháng 12/2024",
"trong quý IV/2024"); recurring duties ("hằng quý", "định kỳ 6 tháng") have a
recurrence and no date.

Every numbered section is an obligation of its responsible units: each lettered point
(or paragraph) gives one record; a sentence that reports to someone or states a deadline
gives its own record with recipient, channel (via), deadline and purpose. A heading that
names several groups ("Các sở, ban, ngành tỉnh; …; UBND các huyện, thị xã, thành phố")
gives one record per group, its units being the group's members.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from .model import Directive
from .text import clean_inline
from .units import DISTRICT_KINDS, Units, key, load_units

# -- dates and recurrence --------------------------------------------------------------
_DATE = r"\d{1,2}/\d{1,2}(?:/\d{4})?|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?"
_DAY_DEADLINE = re.compile(
    rf"(?:(?:chậm nhất|muộn nhất|hạn chót|không muộn hơn)\s+(?:là\s+)?(?:vào\s+|trước\s+|trong\s+)?(?:ngày\s+)?"
    rf"|trước\s+(?:ngày\s+)?|hoàn thành\s+(?:vào\s+|trong\s+)?ngày\s+)(?P<date>{_DATE})",
    re.IGNORECASE,
)
_MONTH_DEADLINE = re.compile(
    r"(?P<rel>chậm nhất trong|trong|trước)\s+tháng\s+(?P<m>\d{1,2})(?:/|\s+năm\s+)(?P<y>\d{4})", re.IGNORECASE
)
_QUARTER_DEADLINE = re.compile(
    r"(?:chậm nhất trong|trong)\s+quý\s+(?P<q>IV|III|II|I|[1-4])(?:/|\s+năm\s+)(?P<y>\d{4})", re.IGNORECASE
)
_RECURRENCE = re.compile(
    r"định\s+kỳ\s+(?P<n>\d+)\s+tháng(?:\s+(?:một lần|1 lần))?"
    r"|(?:định\s+kỳ\s+)?(?:hằng|hàng)\s+(?P<p>tháng|quý|năm)"
    r"|định\s+kỳ\s+(?P<p2>tháng|quý|năm)",
    re.IGNORECASE,
)
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _last_day(year: int, month: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def _read_date(text: str, year: int | None, month: int | None) -> dt.date | None:
    m = re.match(r"(\d{1,2})(?:/|\s+tháng\s+)(\d{1,2})(?:(?:/|\s+năm\s+)(\d{4}))?$", text.strip())
    if not m:
        return None
    d, mo = int(m.group(1)), int(m.group(2))
    if m.group(3):
        y = int(m.group(3))
    # no year: the directive's own year, only when that cannot point backwards in time
    elif year and month and mo >= month:
        y = year
    else:
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def parse_deadline(text: str, year: int | None = None, month: int | None = None) -> tuple[dt.date | None, str | None]:
    """(date, phrase as written) of the first deadline in a sentence.

    A recurring phrase ("hằng quý") with no date gives (None, phrase); `year`/`month`
    (the directive's) complete a date written without its year."""
    found: list[tuple[int, dt.date | None, str]] = []
    m = _DAY_DEADLINE.search(text)
    if m:
        found.append((m.start(), _read_date(m.group("date"), year, month), m.group(0)))
    m2 = _MONTH_DEADLINE.search(text)
    if m2:
        mo, y = int(m2.group("m")), int(m2.group("y"))
        date = None
        if 1 <= mo <= 12:
            if m2.group("rel").lower() == "trước":  # before the month: the last day of the one before
                date = dt.date(y, mo, 1) - dt.timedelta(days=1)
            else:
                date = _last_day(y, mo)
        found.append((m2.start(), date, m2.group(0)))
    m3 = _QUARTER_DEADLINE.search(text)
    if m3:
        q = _QUARTERS[m3.group("q").upper()]
        found.append((m3.start(), _last_day(int(m3.group("y")), 3 * q), m3.group(0)))
    if found:
        found.sort(key=lambda x: x[0])
        _pos, date, phrase = found[0]
        return date, phrase.strip()
    r = _RECURRENCE.search(text)
    if r:
        return None, r.group(0).strip()
    return None, None


def parse_recurrence(text: str) -> str | None:
    """'hằng quý', 'hằng tháng', 'hằng năm', '6 tháng' for a recurring duty, else None."""
    r = _RECURRENCE.search(text)
    if not r:
        return None
    if r.group("n"):
        return f"{int(r.group('n'))} tháng"
    return f"hằng {(r.group('p') or r.group('p2')).lower()}"


# -- recipient and channel -----------------------------------------------------------
_ORG = r"(?:UBND|Ủy ban nhân dân|Sở|Bộ|Văn phòng|Ban|Chủ tịch|HĐND|Hội đồng|Thường trực|Thủ tướng|Chính phủ|Tỉnh ủy|Thanh tra|Cục)"
_RECIPIENT_HEAD = re.compile(
    rf"(?<![Cc]hương )\b(?:báo cáo|trình)\s+(?:(?:về|cho|lên|đến|tới|gửi)\s+)?(?={_ORG}\b)"
    rf"|\b(?:gửi|nộp)\s+(?:báo cáo\s+)?(?:kết quả\s+)?(?:về|đến|cho|tới|lên)\s+(?={_ORG}\b)"
)
# what follows the recipient: the object of the report, a date, a channel or a purpose
_RECIPIENT_END = re.compile(
    r"\s(?:kết quả|tình hình|việc|về|trước|chậm nhất|muộn nhất|định kỳ|hằng|hàng|trong|để|nhằm|theo|những|các|"
    r"qua|thông qua|đầy đủ|đúng|bằng|số liệu|nội dung|danh sách)\b|[,;.(]|$"
)


def parse_report(sentence: str) -> tuple[str, str | None, str] | None:
    """(recipient, via, what) of "báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả …"."""
    m = _RECIPIENT_HEAD.search(sentence)
    if not m:
        return None
    rest = sentence[m.end():]
    end = _RECIPIENT_END.search(rest)
    recipient = rest[: end.start()].strip() if end else rest.strip()
    tail = rest[end.start():] if end else ""
    via = None
    vm = re.match(r"\s*\(\s*(?:qua|thông qua)\s+([^)]+)\)\s*", tail) or re.match(
        rf"\s*,?\s*(?:qua|thông qua)\s+({_ORG}\b.*?)(?=\s(?:kết quả|tình hình|việc|về|trước|chậm nhất|muộn nhất|để|trong)\b|[,;.]|$)",
        tail,
    )
    if vm:
        via = vm.group(1).strip()
        tail = tail[vm.end():]
    if not recipient:
        return None
    what = re.split(r"\s+(?:chậm nhất|muộn nhất|trước ngày|trước\s+\d|trong tháng|trong quý|để|nhằm|định kỳ|(?:hằng|hàng) (?:tháng|quý|năm))\b", tail, maxsplit=1)[0]
    what = re.sub(r"^\s*[,;]?\s*(?:về\s+)?", "", what)
    return recipient, via, what.strip().rstrip(".,;")


# -- the record ------------------------------------------------------------------------
@dataclass
class Obligation:
    responsible: str  # as the document names them (section heading)
    action: str  # the sentence that states the duty (for a plain task: the point's first sentence)
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
    units: list[str] = field(default_factory=list)  # canonical names of the units it applies to
    group: str | None = None  # the group it is given to ("sở, ban, ngành tỉnh"), None for a named list
    label: str = ""  # who, as the heading describes them before its list ("Các đơn vị được kiểm tra …")
    recurrence: str | None = None  # "hằng quý", "6 tháng"
    kind: str = "task"  # "report" (has a recipient), "deadline" (a date, no recipient), "task"
    chunk_id: str = ""  # the indexed passage it comes from
    unresolved: list[str] = field(default_factory=list)  # names in the heading not found in units

    @property
    def key(self) -> str:
        """Stable identity across rebuilds (changes only when the duty's text does)."""
        digest = hashlib.sha1(f"{self.action}|{self.deadline_text or ''}".encode("utf-8")).hexdigest()[:10]
        return f"{self.doc_id}:{self.section}:{self.group or '-'}:{digest}"

    def applies_to(self, unit_name: str, unit_groups: tuple[str, ...] | list[str] = ()) -> bool:
        return unit_name in self.units or (self.group is not None and self.group in unit_groups)

    def to_json(self, resolved_unit: str | None = None) -> dict[str, object]:
        row: dict[str, object] = {
            "units": list(self.units),
            "group": self.group,
            "action": self.action,
            "recipient": self.recipient,
            "via": self.via,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_text": self.deadline_text,
            "recurrence": self.recurrence,
            "purpose": self.purpose,
            "kind": self.kind,
            "source": {
                "doc_title": self.doc_title,
                "doc_number": self.doc_number,
                "section": self.section,
                "text": self.text,
            },
        }
        if resolved_unit is not None:
            row["resolved_unit"] = resolved_unit
        return row


# -- who: headings and their lists ------------------------------------------------------
@dataclass
class Responsible:
    units: list[str] = field(default_factory=list)  # named directly (a list or a single unit)
    groups: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    label: str = ""

    @property
    def empty(self) -> bool:
        return not self.units and not self.groups


def _kinds_of(prefix: str) -> tuple[str, ...]:
    k = key(prefix)
    if re.search(r"\b(huyen|thi xa|thanh pho)\b", k):
        return DISTRICT_KINDS
    if re.search(r"\bso\b", k):
        return ("sở",)
    return ()


def _add(resp: Responsible, name: str, units: Units, kinds: tuple[str, ...]) -> None:
    name = name.strip().strip(".;:").strip()
    if not name:
        return
    r = units.resolve(name, kinds, fuzzy=False)
    if r is None:
        resp.unresolved.append(name)
    elif r.unit is not None:
        if r.unit.name not in resp.units:
            resp.units.append(r.unit.name)
    elif r.group is not None and r.group.name not in resp.groups:
        resp.groups.append(r.group.name)


def parse_responsible(heading: str, units: Units) -> Responsible:
    """The units and groups a section heading gives its duties to.

    "Các đơn vị được kiểm tra … (các sở: Giáo dục và Đào tạo, Tư pháp; …; UBND các huyện,
    thị xã: Yên Mỹ, …, thị xã Mỹ Hòa)" -> each listed unit; "Các sở, ban, ngành tỉnh; …;
    UBND các huyện, thị xã, thành phố" -> those groups."""
    text = clean_inline(heading).strip().rstrip(":").strip()
    resp = Responsible(label=text)
    paren = re.search(r"\(([^()]*)\)\s*:?\s*$", text)
    if paren and ("," in paren.group(1) or ":" in paren.group(1)):
        resp.label = text[: paren.start()].strip()
        kinds = _kinds_of(resp.label)
        for seg in paren.group(1).split(";"):
            if ":" in seg:
                prefix, names = seg.split(":", 1)
                kinds = _kinds_of(prefix) or kinds
            else:
                names = seg
            for name in names.split(","):
                _add(resp, name, units, kinds)
        return resp
    for part in text.split(";"):
        part = part.strip()
        r = units.resolve(part, fuzzy=False) if part else None
        if r is not None:
            _add(resp, part, units, ())
            continue
        # "Sở Nội vụ, Sở Tài chính" or "Sở Nội vụ và Sở Tư pháp": every piece a unit
        pieces = [p for p in re.split(r",|\svà\s", part) if p.strip()]
        resolved = [units.resolve(p, fuzzy=False) for p in pieces]
        if pieces and all(x is not None and x.unit is not None for x in resolved):
            for p in pieces:
                _add(resp, p, units, ())
        elif part:
            resp.unresolved.append(part)
    return resp


_LEAD_CLAUSE = re.compile(r"^(?:[^,]{0,60}?(?:\d{4}|hằng \w+|hàng \w+|định kỳ[^,]*)),\s*", re.IGNORECASE)


def _leading_units(sentence: str, units: Units) -> list[str]:
    """Units a sentence opens with: "Sở Nội vụ tổng hợp, báo cáo …", "Giao Sở Tư pháp …",
    "Trước ngày 30/6/2025, Sở Tài chính và Sở Tư pháp …"."""
    s = _LEAD_CLAUSE.sub("", sentence.strip())
    s = re.sub(r"^(?:Giao|Đề nghị|Yêu cầu)\s+", "", s)
    toks = key(s).split()
    mentions = units.find(" ".join(toks[:16]), groups=False)
    out: list[str] = []
    pos = 0
    for m in mentions:
        gap = toks[pos : m.start]
        if m.start != pos and gap != ["va"]:
            break
        if m.resolution.unit is not None:
            out.append(m.resolution.unit.name)
        pos = m.end
    return out


# -- sentences ---------------------------------------------------------------------------
def _sentences(text: str) -> list[str]:
    """Sentences split at a period followed by a capital, never inside parentheses or
    after an abbreviation such as "TP." or "TX."."""
    out, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "." and depth == 0:
            nxt = text[i + 1 : i + 3]
            if len(nxt) == 2 and nxt[0] == " " and nxt[1].isupper():
                word = re.search(r"(\S+)$", text[start:i])
                if word and re.fullmatch(r"[A-ZĐ]{1,3}", word.group(1)):
                    continue
                out.append(text[start : i + 1].strip())
                start = i + 2
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def _purpose(sentence: str) -> str | None:
    m = re.search(r"(?<=\s)(?:để|nhằm)\s+(.+?)\s*(?:[;.]|$)", sentence)
    return m.group(1).strip() if m else None


# -- extraction --------------------------------------------------------------------------
def extract_obligations(d: Directive, units: Units | None = None) -> list[Obligation]:
    units = units if units is not None else load_units()
    year, month = d.meta.year, d.meta.month
    out: list[Obligation] = []
    for s in d.sections:
        responsible = clean_inline(s.heading).rstrip(":").strip()
        who = parse_responsible(s.heading, units)
        passages: list[tuple[str, str, str]] = []
        if s.paragraphs and not s.points:
            passages = [(f"mục {s.number}", p, f"{d.doc_id}:muc-{s.number}") for p in s.paragraphs]
        else:
            passages = [(f"mục {s.number}", p, f"{d.doc_id}:muc-{s.number}-{j + 1}") for j, p in enumerate(s.paragraphs)]
            passages += [(f"mục {s.number}.{pt.label}", pt.text, f"{d.doc_id}:muc-{s.number}.{pt.label}") for pt in s.points]
        for section, raw, chunk_id in passages:
            text = clean_inline(raw)
            sents = _sentences(text)
            if not sents:
                continue
            found: list[tuple[str, tuple[str, str | None, str] | None, dt.date | None, str | None]] = []
            for sent in sents:
                rm = parse_report(sent)
                deadline, deadline_text = parse_deadline(sent, year, month)
                if rm or deadline_text:
                    found.append((sent, rm, deadline, deadline_text))
            if not found:
                if who.empty:
                    continue  # a plain task with nobody named: not a record
                found = [(sents[0], None, None, None)]
            for sent, rm, deadline, deadline_text in found:
                lead = _leading_units(sent, units)
                parties: list[tuple[list[str], str | None]]
                if lead:
                    parties = [(lead, None)]
                else:
                    parties = [(list(who.units), None)] if who.units or who.empty else []
                    parties += [([u.name for u in units.members(g)], g) for g in who.groups]
                kind = "report" if rm else ("deadline" if deadline_text else "task")
                for unit_names, group in parties:
                    out.append(
                        Obligation(
                            responsible=responsible,
                            action=sent,
                            recipient=rm[0] if rm else None,
                            via=rm[1] if rm else None,
                            what=rm[2] if rm else None,
                            deadline=deadline,
                            deadline_text=deadline_text,
                            purpose=_purpose(sent),
                            doc_id=d.doc_id,
                            doc_title=d.title,
                            doc_number=d.meta.number,
                            section=section,
                            text=text,
                            units=unit_names,
                            group=group,
                            label=who.label if not lead else ", ".join(lead),
                            recurrence=parse_recurrence(sent),
                            kind=kind,
                            chunk_id=chunk_id,
                            unresolved=list(who.unresolved) if not lead else [],
                        )
                    )
    return out


def applicable(obligations: list[Obligation], unit_name: str, unit_groups: tuple[str, ...] | list[str] = ()) -> list[Obligation]:
    """The obligations that apply to a unit, directly or through one of its groups,
    one per duty (a point given to two of the unit's groups is listed once)."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for o in obligations:
        if not o.applies_to(unit_name, unit_groups):
            continue
        k = (o.doc_id, o.section, o.action)
        if k in seen:
            continue
        seen.add(k)
        out.append(o)
    return out


def format_date(d: dt.date) -> str:
    """The way the documents write dates: 06/8/2024, 15/12/2024."""
    return f"{d.day:02d}/{d.month}/{d.year}"
