"""Deadlines in Vietnamese administrative documents, read into typed data.

A duty record is only as useful as its deadline: /hanchot lists what falls due, reminders
fire on dates, and a recurring report ("trước ngày 20 hằng tháng") must be turned into its
next concrete date. A province's documents write deadlines in a small number of shapes,
and this module reads all of them, from a sentence (`find_deadlines`) or from a task
table's time column (`parse_cell`), into `Deadline` records:

=============  ===========================================================================
kind           written as
=============  ===========================================================================
``date``       "chậm nhất (vào) ngày 15/12/2024", "trước ngày 30/4/2025", "trước 16 giờ 00
               ngày 10/3/2026" (time 16:00), "(ngay) trong ngày 09/3/2026", "không muộn hơn
               ngày 30 tháng 6 năm 2025", "đến hết ngày 31/12/2025"
``month``      "trong tháng 12/2024" (its last day), "trước tháng 6/2025" (31/5/2025: the
               last day before that month)
``quarter``    "trong quý IV/2024" (31/12/2024), "trước quý III/2025" (30/6/2025)
``year``       "trong năm 2025", "đến hết năm 2025" (31/12/2025)
``range``      "từ ngày 01/6/2025 đến ngày 30/9/2025", "Từ 01/6 đến 30/9/2025", "Từ tháng 5
               đến tháng 9/2025", "trong 6 tháng đầu năm 2025": `start` .. `date`
``relative``   "trong thời hạn 03 ngày làm việc kể từ ngày nhận được đề nghị", "chậm nhất 01
               ngày làm việc trước ngày hết hạn giải quyết": a `Relative`, no date
``recurring``  "hằng tháng", "định kỳ hằng quý", "định kỳ 6 tháng", "hằng năm", "hằng tuần",
               "trước ngày 20 hằng tháng", "trước ngày 25 của tháng cuối quý", "trước ngày
               15/12 hằng năm": a `Recurrence`, whose `occurrences`/`next_on_or_after` give
               concrete dates when it names a day
``asap``       "kịp thời", "thường xuyên", "ngay", "ngay lập tức": no date
=============  ===========================================================================

How a sentence is read (`find_deadlines`):

* A date, month, quarter or year is a deadline only after a deadline word: "chậm nhất",
  "muộn nhất", "hạn chót", "không muộn hơn", "trước", "trong", "ngay trong", "hoàn thành
  (vào)", "đến hết", "từ nay đến", "đến" (for a day, month or quarter; not after "tính" or
  "cho": "tính đến ngày 15/9/2025" is a data cut-off; "đến năm 2030" is a horizon, only
  "đến hết năm" is a deadline). So "Ngày 19/9/2025, tại Trụ sở UBND tỉnh" (an event),
  "Kế hoạch số 187/KH-UBND ngày 21/12/2023" (a citation), "Phiên họp Chính phủ thường kỳ
  tháng 3/2026", "6 tháng đầu năm 2024" give nothing. A range needs "từ … đến …"; a bare
  "từ ngày 01/3/2025" (a starting point) is not a deadline.
* The phrase starts at the deadline word: "hoàn thành trước ngày 20/10/2025" gives
  "trước ngày 20/10/2025"; "hoàn thành" belongs to the phrase only when no other deadline
  word follows it ("hoàn thành vào ngày 30/6/2025").
* "trước ngày X" is due on X (the documents' usage); "trước tháng/quý/năm X" is due on
  the last day before that period begins.
* A schedule line "Công bố kết quả: tháng 12/2025." (a label, a colon, then nothing but a
  time) is read like a table cell.
* A time of day without a date ("trước 15 giờ 00", a daily cut-off) is not a deadline: it
  gives nothing. "khẩn trương" is an exhortation, not a deadline; "chưa kịp thời",
  "không thường xuyên" and "chi thường xuyên" (recurrent expenditure) are not deadlines;
  "ngay sau/khi/tại/cả …" is not "ngay" (at once).
* Phrases come back in order and never overlap (the longest reading wins at a position):
  "trước ngày 15/12 hằng năm" is one yearly rule, not a date plus a recurrence.
* A period stated once and its due day stated later in the same clause are ONE deadline:
  "báo cáo định kỳ hằng quý … trước ngày 25 của tháng cuối quý" gives the quarter rule
  (month 3, day 25) whose text is the due-day phrase; "Hằng tháng, … báo cáo trước ngày
  20" gives the month rule, day 20. (A clause ends at ";", at "." before a space, or at a
  line break.)
* Concrete dates never carry a recurrence (`recurrence` is set exactly when kind is
  "recurring"): "Định kỳ 6 tháng, báo cáo … trước ngày 15/6/2025 và trước ngày 15/12/2025"
  gives the half-year rule (no day) and the two dates, three deadlines; the duty record
  keeps the label and the reminders fire on the dates. Attaching the sentence's label to
  the dates would be a guess whenever a sentence holds a recurring duty and a one-off one.
* A list "trước ngày 15/6 và 15/12/2025" gives one deadline per date; like the first day
  of a range ("Từ 01/6 đến 30/9/2025"), a day/month written without its year takes the
  year written later in the same phrase (the year before, if that would put it after the
  later date).

Dates without a year. `year`/`month` are the document's issue year and month. A date,
month or quarter written without its year gets the document's year only when it does not
end before the document's month ("trước ngày 30/6" in a document of April 2025 ->
30/6/2025). Otherwise it is ambiguous (a follow-up next year, or a reference to the past)
and the deadline keeps its kind with `date` None; so does any deadline when the
document's year or month is unknown. Invalid dates (31/2/2025) also give `date` None,
never an exception.

Text must be NFC (as everywhere in the project: `retrieval.lang.text.nfc`); spans index into
the string given. Footnote marks and markdown emphasis are best removed first
(`retrieval.lang.text.clean_inline`).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from retrieval.lang.text import fold

__all__ = [
    "Deadline",
    "Recurrence",
    "Relative",
    "find_deadlines",
    "format_date",
    "iso",
    "parse_cell",
    "spans_in",
]

# -- the records ----------------------------------------------------------------------------
PERIODS = ("day", "week", "month", "quarter", "half-year", "year")
LABELS = {
    "day": "hằng ngày",
    "week": "hằng tuần",
    "month": "hằng tháng",
    "quarter": "hằng quý",
    "half-year": "6 tháng",
    "year": "hằng năm",
}
_MONTHS_IN = {"month": 1, "quarter": 3, "half-year": 6, "year": 12}  # months in one period


def _clamp(year: int, month: int, day: int) -> dt.date:
    """The day of that month, or its last day when the month is shorter (31 -> 30/4)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


@dataclass(frozen=True)
class Recurrence:
    """A duty that comes back every period, due on `day` of its `month` within the period.

    `month` counts within the period: for "quarter" 1..3 ("tháng cuối quý" = 3), for
    "half-year" 1..6, for "year" the calendar month 1..12; a monthly rule has none.
    Without a day (plain "hằng quý") there is no date to compute. A weekly rule's day is its
    weekday, 1 (thứ Hai) to 7 (Chủ nhật)."""

    period: str  # "week" | "month" | "quarter" | "half-year" | "year"
    label: str  # "hằng tuần", "hằng tháng", "hằng quý", "6 tháng", "hằng năm"
    day: int | None = None
    month: int | None = None

    def __post_init__(self) -> None:
        if self.period not in PERIODS:
            raise ValueError(f"unknown period {self.period!r}")
        if self.day is not None and not 1 <= self.day <= 31:
            raise ValueError(f"day {self.day} out of range")
        if self.month is not None:
            n = _MONTHS_IN.get(self.period, 0)
            if n < 2 or not 1 <= self.month <= n:
                raise ValueError(f"month {self.month} does not fit a {self.period} rule")

    def _due_months(self) -> frozenset[int]:
        """Calendar months in which it falls due (none when the rule has no day)."""
        if self.day is None or self.period == "week":
            return frozenset()
        n = _MONTHS_IN[self.period]
        if n == 1:
            return frozenset(range(1, 13))
        if self.month is None:
            return frozenset()
        return frozenset(m for m in range(1, 13) if (m - 1) % n + 1 == self.month)

    def _dates_from(self, start: dt.date) -> Iterator[dt.date]:
        """Due dates on or after `start`, in order, without end ([] for a rule with no day)."""
        if self.period == "week" and self.day is not None and 1 <= self.day <= 7:
            # a weekly rule's day is its weekday (thứ Hai = 1 … Chủ nhật = 7)
            d = start + dt.timedelta(days=(self.day - start.isoweekday()) % 7)
            while True:
                yield d
                d += dt.timedelta(days=7)
        months, day = self._due_months(), self.day
        if not months or day is None:
            return
        y, m = start.year, start.month
        while True:
            if m in months:
                d = _clamp(y, m, day)
                if d >= start:
                    yield d
            y, m = _next_month(y, m)

    def occurrences(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """The concrete due dates in [start, end]; [] when the rule names no day."""
        out: list[dt.date] = []
        if end < start:
            return out
        for d in self._dates_from(start):
            if d > end:
                break
            out.append(d)
        return out

    def next_on_or_after(self, today: dt.date) -> dt.date | None:
        """The first due date on or after `today` (today itself when due today)."""
        return next(self._dates_from(today), None)


@dataclass(frozen=True)
class Relative:
    """A time limit counted from an event: "03 ngày làm việc kể từ ngày nhận được đề nghị".

    `anchor` is the event as written after "kể từ"/"tính từ", or with its direction
    word when counted backwards or forwards: "trước ngày hết hạn giải quyết"; "" when
    the phrase names none ("trong thời hạn 05 ngày làm việc")."""

    amount: int
    unit: str  # "ngày" | "ngày làm việc" | "giờ" | "giờ làm việc" | "tuần" | "tháng" | "năm"
    anchor: str


@dataclass(frozen=True)
class Deadline:
    """One deadline phrase and what it means.

    `date` is the last day it allows (month: its last day; quarter: the quarter's last
    day; range: its end); `start` is set only for ranges; `time` ("16:00") only when an
    hour is written; `recurrence` exactly for kind "recurring", `relative` exactly for
    kind "relative"; `span` is where `text` sits in the input (text == input[span])."""

    text: str
    kind: str  # "date" | "month" | "quarter" | "year" | "range" | "relative" | "recurring" | "asap"
    date: dt.date | None = None
    time: str | None = None
    start: dt.date | None = None
    recurrence: Recurrence | None = None
    relative: Relative | None = None
    span: tuple[int, int] = (0, 0)


def format_date(d: dt.date) -> str:
    """The documents' way: 06/8/2024, 15/12/2024 (day zero-padded, month not)."""
    return f"{d.day:02d}/{d.month}/{d.year}"


def iso(d: Deadline | None) -> str | None:
    """The deadline's last allowed day as YYYY-MM-DD (None without a concrete date)."""
    return d.date.isoformat() if d is not None and d.date is not None else None


# -- patterns, built from named parts -------------------------------------------------------
# Every pattern is compiled VERBOSE | IGNORECASE: spaces in them are layout, `\s` is a space.
_FLAGS = re.VERBOSE | re.IGNORECASE

_D2 = r"\d{1,2}"
_Y4 = r"\d{4}"
_FRESH = r"(?<![\d/.,])"  # a number that does not continue another (1.680, 63/2024)
_YEAR_TAIL = rf"(?: \s*/\s* | \s*,?\s+năm\s+ ){_Y4}(?!\d)"  # "/2025" or " năm 2025"
_ROMAN = r"(?:IV|III|II|I|[1-4])(?!\w)"

# 15/12/2024, 15/12, 15-12-2024, 15 tháng 12 năm 2024, 15 tháng 12
_DAY_MONTH = rf"""
    {_FRESH}{_D2}\s*/\s*{_D2}(?:\s*/\s*{_Y4})?(?![\d/])
  | {_FRESH}{_D2}-{_D2}-{_Y4}(?![\d\-])
  | {_FRESH}{_D2}\s+tháng\s+{_D2}(?!\d)(?:\s*,?\s+năm\s+{_Y4}(?!\d))?
"""
_DATE = rf"(?:ngày\s+)?(?:{_DAY_MONTH})"
_MONTH = rf"tháng\s+{_D2}(?!\d)(?:{_YEAR_TAIL}|(?!\s*/))"
_QUARTER = rf"quý\s+{_ROMAN}(?:{_YEAR_TAIL}|(?!\s*/))"
_HALF = rf"(?<![\d/])(?:0?6|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+{_Y4}(?!\d))?"
_YEAR = rf"năm\s+{_Y4}(?![\d/])(?!\s*[-–]\s*\d)"
_POINT = rf"(?:{_DATE}|{_MONTH}|{_QUARTER}|{_HALF}|{_YEAR})"

# the first and second ends of a range: "Từ 01/6 đến 30/9/2025", "từ ngày 05 đến ngày
# 09/3/2026", "Từ tháng 5 đến tháng 9/2025", "tháng 5 - 9/2025", "Quý II - III/2026"
_RANGE_FROM = rf"(?:{_DATE}|ngày\s+{_D2}(?![\d/])(?!\s+tháng)|{_MONTH}|{_QUARTER}|{_YEAR})"
_RANGE_TO = rf"""(?:{_POINT}
  | {_FRESH}{_D2}\s*/\s*{_Y4}(?![\d/])        # 9/2025: the month of a month range
  | (?:IV|III|II|I)\s*/\s*{_Y4}(?!\d)        # III/2026: the quarter of a quarter range
  | {_FRESH}{_D2}(?![\d/])                   # 9: the month of "tháng 5 đến 9/…" without year
)"""
_RANGE_SEP = r"\s*(?:đến(?:\s+hết)?|tới|[-–])\s*"

# 16 giờ 00, 16 giờ, 16h00, 16h, 16 giờ 30 phút, 16:00
_TIME = rf"""(?:
    (?P<hh>{_D2})\s*(?:giờ|h)(?![^\W\d_])(?:\s*(?P<mm>\d{{2}})(?!\d))?(?:\s*phút)?
  | (?P<hh2>{_D2}):(?P<mm2>\d{{2}})(?!\d)
)"""

# words that make the time after them a deadline
_DEADLINE_WORD = r"""(?:
    (?:chậm|muộn)\s+nhất(?:\s+là)?(?:\s+(?:vào|trước|trong|đến\s+hết|đến))?
  | hạn\s+chót(?:\s+là)?(?:\s+(?:vào|trước|trong))?
  | không\s+muộn\s+hơn
  | hoàn\s+thành(?:\s+vào)?
  | ngay\s+trong
  | từ\s+nay\s+đến(?:\s+hết)?
  | (?<!tính\s)(?<!cho\s)đến(?:\s+hết)?
  | (?<!từ\s)trước
  | trong
  | (?<=bắt\sđầu\s)từ | (?<=hoạt\sđộng\s)từ | (?<=vận\shành\s)từ | (?<=áp\sdụng\s)từ
)"""
# words before the due day of a recurring duty ("trước ngày 20 hằng tháng")
_DUE_WORD = r"""(?:
    trước | vào | trong | không\s+muộn\s+hơn
  | (?:chậm|muộn)\s+nhất(?:\s+(?:là|vào|trước))* | hạn\s+chót(?:\s+là)?
)"""
_EVERY = r"(?:hằng|hàng|mỗi)"
_FOLLOWING = r"(?:sau|tiếp\s+theo|kế\s+tiếp|liền\s+kề)"

_AT = re.compile(
    rf"""(?<!\w)(?P<word>{_DEADLINE_WORD})\s+
    (?:{_TIME}\s*,?\s*)?
    (?P<point>{_POINT})""",
    _FLAGS,
)
_RANGE = re.compile(
    rf"(?<!\w)(?:kể\s+)?từ\s+(?P<p1>{_RANGE_FROM}){_RANGE_SEP}(?P<p2>{_RANGE_TO})",
    _FLAGS,
)
# the due day within a period: "trước ngày 20 hằng tháng", "trước ngày 25 của tháng cuối
# quý", "trước ngày 05 của tháng sau", "ngày 15 tháng đầu của quý tiếp theo"
_DUE_DAY = re.compile(
    rf"""(?<!\w)(?:(?P<word>{_DUE_WORD})\s+)?(?:{_TIME}\s*,?\s*)?
    ngày\s+(?P<d>{_D2})(?![\d/])\s+(?:của\s+)?
    (?:
        {_EVERY}\s+tháng(?!\s*\d)
      | tháng\s+{_FOLLOWING}
      | tháng\s+(?P<pos>đầu|giữa|cuối|thứ\s+(?:nhất|hai|ba|[1-3]))\s+(?:của\s+)?(?:{_EVERY}\s+)?
        (?P<of>quý|năm)(?:\s+{_FOLLOWING})?
    )(?!\w)""",
    _FLAGS,
)
# a day and month with no year, then "hằng năm": "trước ngày 15/12 hằng năm", "vào ngày
# 15/6 và ngày 15/12 hằng năm"
_DM_NO_YEAR = rf"""(?:
    {_FRESH}{_D2}\s*/\s*{_D2}(?![\d/])
  | {_FRESH}{_D2}\s+tháng\s+{_D2}(?!\d)(?!\s*,?\s*năm\s+\d)
)"""
_YEARLY = re.compile(
    rf"""(?<!\w)(?:(?P<word>{_DUE_WORD})\s+)?(?:{_TIME}\s*,?\s*)?(?:(?:các\s+)?ngày\s+)?
    (?P<dms>{_DM_NO_YEAR}(?:\s*(?:,|và|hoặc)\s*(?:{_DUE_WORD}\s+)?(?:ngày\s+)?{_DM_NO_YEAR})*)
    \s+(?:của\s+)?{_EVERY}\s+năm(?!\w)""",
    _FLAGS,
)
_DM_ONE = re.compile(_DM_NO_YEAR, _FLAGS)
# a period without a day: "hằng tháng", "định kỳ hằng quý", "định kỳ 6 tháng", "03 tháng/lần"
_PERIOD = re.compile(
    rf"""(?<!\w)(?:
        (?:định\s+kỳ\s+)?{_EVERY}\s+(?P<unit>tuần|tháng|quý|năm)
            (?!\s+(?:\d|(?:đầu|cuối|giữa|sau|trước|tới|qua|nay|này|đó|thứ|học)(?!\w)))
      | (?:định\s+kỳ\s+)?{_EVERY}\s+(?P<six>0?6|sáu)\s+tháng
      | định\s+kỳ\s+(?P<n>{_D2})\s+tháng(?:\s*/\s*(?:0?1\s+|một\s+)?lần|\s+(?:một|0?1)\s+lần)?
      | (?:định\s+kỳ\s+)?(?P<n2>{_D2})\s+tháng\s*(?:/\s*lần|\s+(?:một|0?1)\s+lần)
      | (?:định\s+kỳ\s+)?(?:0?1|một)\s+lần\s*/\s*(?P<unit2>tuần|tháng|quý|năm)
      | định\s+kỳ\s+(?P<unit3>tuần|tháng|quý|năm)(?!\s*\d)
    )(?!\w)""",
    _FLAGS,
)
# a due day without its month: "trước ngày 20" (a monthly rule when the clause says
# "hằng tháng"; otherwise a date that cannot be read)
_DAY_ALONE = re.compile(
    rf"""(?<!\w)(?P<word>trước|(?:chậm|muộn)\s+nhất(?:\s+(?:là|vào))*|hạn\s+chót(?:\s+là)?
        |không\s+muộn\s+hơn|hoàn\s+thành\s+vào)
    \s+ngày\s+(?P<d>{_D2})(?![\d/\-])(?!\s*(?:tháng|giờ|h\b|ngày|làm|[/\-]))""",
    _FLAGS,
)
# a time limit counted from an event
_ANCHOR = r"[^,;.:()\n]+"
_RELATIVE = re.compile(
    rf"""(?<!\w)(?:(?P<lead>trong\s+thời\s+hạn|trong\s+vòng|trong\s+thời\s+gian
        |(?:chậm|muộn)\s+nhất(?:\s+(?:là|sau))?|không\s+quá|tối\s+đa|sau|trong)\s+)?
    {_FRESH}(?P<n>\d{{1,3}})(?:\s*\([^()\n]{{1,40}}\))?\s+
    (?P<unit>ngày\s+làm\s+việc|giờ\s+làm\s+việc|ngày|giờ|tuần|tháng|năm)(?!\w)
    (?:
        \s*,?\s*(?:kể\s+từ|tính\s+từ)\s+(?P<since>{_ANCHOR})
      | \s+(?P<around>(?:trước|sau)\s+(?:ngày|khi|thời\s+điểm|lúc|hạn|thời\s+hạn)(?!\w){_ANCHOR})
    )?""",
    _FLAGS,
)
_ANCHOR_END = re.compile(r"\s+(?:trừ|đồng\s+thời|để|nhằm|theo\s+quy\s+định)(?!\w)", re.IGNORECASE)
_ASAP = re.compile(
    r"""(?<!\w)(?<!chưa\s)(?<!không\s)(?<!thiếu\s)(?<!chi\s)
    (?:
        kịp\s+thời
      | thường\s+xuyên
      | ngay(?:\s+lập\s+tức|\s+trong\s+ngày(?!\s+(?:làm|\d)))?
        (?!\s+(?:sau|khi|từ|tại|cả|cạnh|trên|dưới|trước|bên|thẳng|đó|lúc|đầu|giữa|cuối)(?!\w))
    )(?!\w)""",
    _FLAGS,
)
# bare forms, deadlines only in a table cell or after a schedule line's colon
_BARE_RANGE = re.compile(rf"(?<![\w/])(?P<p1>{_RANGE_FROM}){_RANGE_SEP}(?P<p2>{_RANGE_TO})", _FLAGS)
_BARE_POINT = re.compile(rf"(?<![\w/])(?P<point>{_POINT}|cả\s+năm(?:\s+{_Y4}(?!\d))?)(?![\w/])", _FLAGS)
_WHOLE_YEAR = re.compile(rf"\s*(?:năm\s+)?(?P<y>{_Y4})\s*", re.IGNORECASE)
_SCHEDULE = re.compile(r":[ \t]*(?P<cell>[^:;\n]+?)[ \t]*[.;]?[ \t]*$", re.MULTILINE)
# what stands before a date that belongs to a citation: "… số 187/KH-UBND ngày", "ban hành ngày"
_CITATION_BEFORE = re.compile(
    r"(?:\d+[/\-][\wĐđ/\-.]*|ban\s+hành|ký|thông\s+qua)\s*(?:,\s*)?(?:ngày\s*)?$", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"[;.](?=\s|$)|\n")
_LIST_NEXT = re.compile(rf"\s*(?:,|và|hoặc)\s*(?:{_DUE_WORD}\s+)?(?P<point>{_DATE})", _FLAGS)


# -- points of time ----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Point:
    """A day, month, quarter, half-year or year as written, its year possibly missing.
    unit "?" is a bare number whose unit a range's other end supplies."""

    unit: str  # "day" | "month" | "quarter" | "half" | "year" | "?"
    day: int | None = None
    month: int | None = None  # day, month
    part: int | None = None  # quarter 1..4, half 1..2
    year: int | None = None

    def last_month(self) -> int | None:
        if self.unit in ("day", "month"):
            return self.month
        if self.unit == "quarter" and self.part:
            return 3 * self.part
        if self.unit == "half" and self.part:
            return 6 * self.part
        return 12 if self.unit == "year" else None

    def bounds(self, year: int) -> tuple[dt.date, dt.date] | None:
        """First and last day in `year`; None for an impossible date or month."""
        try:
            if self.unit == "day" and self.day is not None and self.month is not None:
                d = dt.date(year, self.month, self.day)
                return d, d
            if self.unit == "month" and self.month is not None:
                return dt.date(year, self.month, 1), _clamp(year, self.month, 31)
            if self.unit in ("quarter", "half") and self.part is not None:
                n = 3 if self.unit == "quarter" else 6
                return dt.date(year, n * self.part - n + 1, 1), _clamp(year, n * self.part, 31)
            if self.unit == "year":
                return dt.date(year, 1, 1), dt.date(year, 12, 31)
        except ValueError:
            return None
        return None


_ROMAN_VALUE = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR_OPT = r"(?:(?:\s*/\s*|\s*,?\s+năm\s+)(?P<y>\d{4}))?"
_READERS: list[tuple[str, re.Pattern[str]]] = [
    ("day", re.compile(r"(?:ngày\s+)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?", re.I)),
    ("day", re.compile(r"(?:ngày\s+)?(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})", re.I)),
    ("day", re.compile(r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*,?\s+năm\s+(?P<y>\d{4}))?", re.I)),
    ("day", re.compile(r"ngày\s+(?P<d>\d{1,2})", re.I)),
    ("month", re.compile(rf"tháng\s+(?P<m>\d{{1,2}}){_YEAR_OPT}", re.I)),
    ("month", re.compile(r"(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})", re.I)),
    ("quarter", re.compile(rf"quý\s+(?P<q>IV|III|II|I|[1-4]){_YEAR_OPT}", re.I)),
    ("quarter", re.compile(r"(?P<q>IV|III|II|I)\s*/\s*(?P<y>\d{4})", re.I)),
    ("half", re.compile(r"(?:0?6|sáu)\s+tháng\s+(?P<h>đầu|cuối)\s+năm(?:\s+(?P<y>\d{4}))?", re.I)),
    ("year", re.compile(r"(?:cả\s+)?năm(?:\s+(?P<y>\d{4}))?", re.I)),
    ("?", re.compile(r"(?P<d>\d{1,2})", re.I)),
]


def _read_point(s: str) -> _Point | None:
    s = " ".join(s.split())
    for unit, rx in _READERS:
        m = rx.fullmatch(s)
        if not m:
            continue
        g = m.groupdict()
        year = int(g["y"]) if g.get("y") else None
        if unit in ("day", "?"):
            return _Point(unit, day=int(g["d"]), month=int(g["m"]) if g.get("m") else None, year=year)
        if unit == "month":
            return _Point("month", month=int(g["m"]), year=year)
        if unit == "quarter":
            return _Point("quarter", part=_ROMAN_VALUE[g["q"].upper()], year=year)
        if unit == "half":
            return _Point("half", part=1 if g["h"].lower() == "đầu" else 2, year=year)
        return _Point("year", year=year)
    return None


_KIND = {"day": "date", "month": "month", "quarter": "quarter", "half": "range", "year": "year"}


@dataclass(frozen=True)
class _Doc:
    """The document's issue year and month, which complete a date written without year."""

    year: int | None
    month: int | None

    def complete(self, last_month: int | None) -> int | None:
        """The document's year for a time ending in `last_month`, when that does not point
        before the document's month; else None (ambiguous)."""
        if self.year is None or self.month is None or last_month is None:
            return None
        return self.year if last_month >= self.month else None


def _point_dates(p: _Point, year: int | None, before: bool) -> tuple[dt.date | None, dt.date | None]:
    """(start, date) of a deadline at point `p`: its last day, or the day before it begins."""
    if year is None:
        return None, None
    b = p.bounds(year)
    if b is None:
        return None, None
    first, last = b
    if before and p.unit != "day":
        return None, first - dt.timedelta(days=1)
    return (first if p.unit == "half" else None), last


# -- candidates ------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Cand:
    deadline: Deadline
    day_alone: int | None = None  # "trước ngày 20": a day waiting for its month ("hằng tháng")
    point: _Point | None = None  # a dated point, for year inheritance along a list
    before: bool = False

    @property
    def start(self) -> int:
        return self.deadline.span[0]

    @property
    def end(self) -> int:
        return self.deadline.span[1]


def _dl(
    text: str,
    s: int,
    e: int,
    kind: str,
    *,
    date: dt.date | None = None,
    time: str | None = None,
    start: dt.date | None = None,
    recurrence: Recurrence | None = None,
    relative: Relative | None = None,
) -> Deadline:
    return Deadline(text[s:e], kind, date, time, start, recurrence, relative, (s, e))


def _time(m: re.Match[str]) -> str | None:
    hh, mm = m.group("hh") or m.group("hh2"), m.group("mm") or m.group("mm2")
    if hh is None:
        return None
    h, mi = int(hh), int(mm or 0)
    return f"{h:02d}:{mi:02d}" if h <= 23 and mi <= 59 else None


def _words(s: str) -> str:
    return " ".join(s.lower().split())


def _at_point(text: str, doc: _Doc) -> Iterator[_Cand]:
    """'<deadline word> [time] <day|month|quarter|half-year|year>'."""
    for m in _AT.finditer(text):
        word, p = _words(m.group("word")), _read_point(m.group("point"))
        if p is None:
            continue
        before = word.endswith("trước")
        plain_to = word.endswith("đến") and "từ nay" not in word  # "đến" without "hết"
        time = _time(m)
        if (
            (word.endswith("từ") and p.unit != "day")  # "từ năm 2027" says when something begins, not a due date
            or (time is not None and p.unit != "day")
            or (p.unit in ("year", "half") and (word.startswith("hoàn thành") or plain_to))
            or (p.unit == "half" and before)
        ):
            continue
        year = p.year if p.year is not None else doc.complete(p.last_month())
        start, date = _point_dates(p, year, before)
        d = _dl(text, m.start(), m.end(), _KIND[p.unit], date=date, time=time, start=start)
        yield _Cand(d, point=p, before=before)


def _range_dates(p1: _Point, p2: _Point, doc: _Doc) -> tuple[dt.date | None, dt.date | None] | None:
    """(start, end) of a range, the ends completing each other's month and year; None when
    the two ends do not make a range."""
    if p2.unit == "?":  # "tháng 5 đến 9/2025", "ngày 5/3 đến 9"
        if p1.unit == "month":
            p2 = _Point("month", month=p2.day, year=p2.year)
        elif p1.unit == "day" and p1.month is not None:
            p2 = _Point("day", day=p2.day, month=p1.month, year=p2.year)
        else:
            return None
    if p1.unit == "day" and p1.month is None:  # "từ ngày 05 đến ngày 09/3/2026"
        if p2.unit != "day" or p2.month is None:
            return None
        p1 = replace(p1, month=p2.month)
    y1, y2 = p1.year, p2.year
    if y2 is None and y1 is not None:
        y2 = y1
        b1, b2 = p1.bounds(y1), p2.bounds(y2)
        if b1 and b2 and b2[1] < b1[0]:
            y2 += 1
    if y1 is None:
        if y2 is None:
            y2 = doc.complete(p2.last_month())
        if y2 is not None:
            y1 = y2
            b1, b2 = p1.bounds(y1), p2.bounds(y2)
            if b1 and b2 and b1[0] > b2[1]:
                y1 -= 1
    b1 = p1.bounds(y1) if y1 is not None else None
    b2 = p2.bounds(y2) if y2 is not None else None
    return (b1[0] if b1 else None), (b2[1] if b2 else None)


def _ranges(text: str, doc: _Doc, rx: re.Pattern[str] = _RANGE) -> Iterator[_Cand]:
    for m in rx.finditer(text):
        p1, p2 = _read_point(m.group("p1")), _read_point(m.group("p2"))
        if p1 is None or p2 is None or p1.unit in ("?", "half"):
            continue
        r = _range_dates(p1, p2, doc)
        if r is None:
            continue
        yield _Cand(_dl(text, m.start(), m.end(), "range", start=r[0], date=r[1]))


# several months or quarters in one period: "trong tháng 4 và tháng 5/2026", "trong các tháng
# 4, 5 và 6/2026", "trong quý II và quý III/2026": due at the end of the last
_SPAN_LIST = re.compile(
    rf"""(?<!\w)trong\s+(?:các\s+)?(?P<p1>(?:tháng\s+{_D2}|quý\s+(?:IV|III|II|I))(?:\s*/\s*{_Y4}(?!\d)|(?![\w/])))
        (?:\s*,\s*(?:tháng\s+|quý\s+)?(?:{_D2}|IV|III|II|I)(?![\d/\w]))*
        \s*(?:,|và)\s*(?P<p2>(?:tháng\s+|quý\s+)?(?:{_D2}|IV|III|II|I)(?:\s*/\s*{_Y4}(?!\d)|(?![\d/\w])))""",
    _FLAGS,
)


def _span_lists(text: str, doc: _Doc) -> Iterator[_Cand]:
    for m in _SPAN_LIST.finditer(text):
        p1 = _read_point(m.group("p1"))
        second = m.group("p2")
        if p1 is None:
            continue
        if not re.match(r"(?:tháng|quý)\s", second, re.IGNORECASE):
            second = f"{'tháng' if p1.unit == 'month' else 'quý'} {second}"
        p2 = _read_point(second)
        if p2 is None or p2.unit != p1.unit:
            continue
        r = _range_dates(p1, p2, doc)
        if r is None or r[0] is None or r[1] is None or r[1] <= r[0]:
            continue
        yield _Cand(_dl(text, m.start(), m.end(), "range", start=r[0], date=r[1]))


def _quarter_month(pos: str) -> int | None:
    pos = _words(pos)
    return {"đầu": 1, "giữa": 2, "cuối": 3, "thứ nhất": 1, "thứ 1": 1, "thứ hai": 2, "thứ 2": 2,
            "thứ ba": 3, "thứ 3": 3}.get(pos)


def _due_days(text: str) -> Iterator[_Cand]:
    """'trước ngày 20 hằng tháng', 'trước ngày 25 của tháng cuối quý', 'ngày 05 tháng sau'."""
    for m in _DUE_DAY.finditer(text):
        day: int | None = int(m.group("d"))
        if day is not None and not 1 <= day <= 31:
            day = None
        of, pos = m.group("of"), m.group("pos")
        if of is None:
            rule = Recurrence("month", LABELS["month"], day=day)
        elif _words(of) == "quý":
            month = _quarter_month(pos)
            if month is None:
                continue
            rule = Recurrence("quarter", LABELS["quarter"], day=day, month=month)
        else:  # "tháng đầu năm" / "tháng cuối năm"
            month = {"đầu": 1, "cuối": 12}.get(_words(pos))
            if month is None:
                continue
            rule = Recurrence("year", LABELS["year"], day=day, month=month)
        yield _Cand(_dl(text, m.start(), m.end(), "recurring", time=_time(m), recurrence=rule))


def _yearly(text: str) -> Iterator[_Cand]:
    """'trước ngày 15/12 hằng năm' (and '15/6 và 15/12 hằng năm': one rule per date)."""
    for m in _YEARLY.finditer(text):
        time = _time(m)
        parts = list(_DM_ONE.finditer(text, m.start("dms"), m.end("dms")))
        for i, dm in enumerate(parts):
            p = _read_point(dm.group(0))
            day = month = None
            if p is not None and p.day is not None and p.month is not None:
                try:
                    dt.date(2000, p.month, p.day)  # a leap year: 29/02 is a valid yearly day
                    day, month = p.day, p.month
                except ValueError:
                    pass
            s = m.start() if i == 0 else dm.start()
            e = m.end() if i == len(parts) - 1 else dm.end()
            rule = Recurrence("year", LABELS["year"], day=day, month=month)
            yield _Cand(_dl(text, s, e, "recurring", time=time, recurrence=rule))


_MONTH_COUNT = {1: "month", 3: "quarter", 6: "half-year", 12: "year"}
_UNIT_PERIOD = {"tuần": "week", "tháng": "month", "quý": "quarter", "năm": "year"}


# a daily report, at an hour or "định kỳ": "trước 8 giờ hằng ngày", "định kỳ hằng ngày" (a rule
# with no date of its own: /hanchot and reminders do not list every day)
_DAILY = re.compile(
    rf"""(?<!\w)(?:
        (?:(?:trước|chậm\s+nhất(?:\s+(?:là|lúc|vào))?|vào|lúc|trước\s+lúc)\s+
            (?P<h>{_D2})\s*(?:giờ|h)(?:\s*(?P<mi>\d{{2}})(?:\s*phút)?)?\s+(?:trong\s+ngày\s+)?)
      | định\s+kỳ\s+
    ){_EVERY}\s+ngày(?!\s*(?:\d|làm\s+việc))(?!\w)""",
    _FLAGS,
)


# a weekly duty due on a weekday, at an hour or not: "trước 15 giờ 00 thứ Năm hằng tuần",
# "vào sáng thứ Sáu hằng tuần", "chiều thứ Hai hàng tuần"
_WEEKDAYS = {"hai": 1, "ba": 2, "tư": 3, "tu": 3, "năm": 4, "nam": 4, "sáu": 5, "sau": 5, "bảy": 6, "bay": 6,
             "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
_WEEKDAY = r"(?:(?:buổi\s+)?(?:sáng|chiều|tối)\s+)?(?:(?:ngày\s+)?thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|Chủ\s+nhật)"
_WEEKLY = re.compile(
    rf"""(?<!\w)(?:(?P<word>trước|chậm\s+nhất(?:\s+(?:là|vào|lúc))?|vào|lúc)\s+)?
    (?:{_TIME}\s+)?(?P<days>{_WEEKDAY}(?:\s*(?:,|và|hoặc)\s*{_WEEKDAY})*)
    \s+{_EVERY}\s+tuần(?!\w)""",
    _FLAGS,
)
_ONE_WEEKDAY = re.compile(r"thứ\s+(Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|(Chủ\s+nhật)", _FLAGS)


def _weekly(text: str) -> Iterator[_Cand]:
    """"trước 15 giờ 00 thứ Năm hằng tuần": due on that weekday; "sáng thứ Ba và sáng thứ Năm
    hằng tuần" names two days, a weekly rule with no one due day."""
    for m in _WEEKLY.finditer(text):
        named = _ONE_WEEKDAY.findall(m.group("days"))
        if len(named) != 1:
            yield _Cand(_dl(text, m.start(), m.end(), "recurring", recurrence=Recurrence("week", LABELS["week"])))
            continue
        wd, sun = named[0]
        day = 7 if sun else _WEEKDAYS[wd.lower()]
        hh, mm = m.group("hh") or m.group("hh2"), m.group("mm") or m.group("mm2")
        time = f"{int(hh):02d}:{mm or '00'}" if hh else None
        yield _Cand(_dl(text, m.start(), m.end(), "recurring", time=time,
                        recurrence=Recurrence("week", LABELS["week"], day=day)))


def _daily(text: str) -> Iterator[_Cand]:
    for m in _DAILY.finditer(text):
        yield _Cand(_dl(text, m.start(), m.end(), "recurring", recurrence=Recurrence("day", LABELS["day"])))


def _periods(text: str) -> Iterator[_Cand]:
    """'hằng tháng', 'định kỳ hằng quý', 'định kỳ 6 tháng', '03 tháng/lần', '01 lần/năm'."""
    for m in _PERIOD.finditer(text):
        unit = m.group("unit") or m.group("unit2") or m.group("unit3")
        if unit:
            period: str | None = _UNIT_PERIOD[_words(unit)]
        elif m.group("six"):
            period = "half-year"
        else:
            period = _MONTH_COUNT.get(int(m.group("n") or m.group("n2")))
        if period is None:
            continue
        yield _Cand(_dl(text, m.start(), m.end(), "recurring", recurrence=Recurrence(period, LABELS[period])))


def _days_alone(text: str) -> Iterator[_Cand]:
    for m in _DAY_ALONE.finditer(text):
        yield _Cand(_dl(text, m.start(), m.end(), "date"), day_alone=int(m.group("d")))


def _relatives(text: str) -> Iterator[_Cand]:
    """'trong thời hạn 03 ngày làm việc kể từ …', 'chậm nhất 01 ngày làm việc trước …'."""
    for m in _RELATIVE.finditer(text):
        lead = _words(m.group("lead") or "")
        group = "since" if m.group("since") else ("around" if m.group("around") else None)
        if group is None and lead not in ("trong thời hạn", "trong vòng", "trong thời gian"):
            continue  # "6 tháng đầu năm", "sau gần 03 tháng": a span of time, not a limit
        end = m.end()
        anchor = ""
        if group is not None:
            a_start, raw = m.start(group), m.group(group)
            cut = _ANCHOR_END.search(raw)
            raw = raw[: cut.start()] if cut else raw
            raw = raw.rstrip()
            anchor = " ".join(raw.split())
            end = a_start + len(raw)
        if group is not None and not anchor:
            continue
        rel = Relative(amount=int(m.group("n")), unit=_words(m.group("unit")), anchor=anchor)
        yield _Cand(_dl(text, m.start(), end, "relative", relative=rel))


def _asap(text: str) -> Iterator[_Cand]:
    for m in _ASAP.finditer(text):
        yield _Cand(_dl(text, m.start(), m.end(), "asap"))


def _is_citation(text: str, start: int) -> bool:
    """A date right after a document number or "ban hành/ký" is the document's, not a deadline."""
    return bool(_CITATION_BEFORE.search(text[max(0, start - 60) : start]))


def _bare(text: str, doc: _Doc, offset: int = 0, whole: bool = False) -> Iterator[_Cand]:
    """Times written without a deadline word: a table cell, or a schedule line's value.
    With `whole`, only a reading that covers all of `text` counts."""
    if not text.strip():
        return
    found: list[_Cand] = list(_ranges(text, doc, _BARE_RANGE))
    for m in _BARE_POINT.finditer(text):
        p = _read_point(m.group("point"))
        if p is None or p.unit == "?":
            continue
        year = p.year if p.year is not None else doc.complete(p.last_month())
        start, date = _point_dates(p, year, before=False)
        found.append(_Cand(_dl(text, m.start(), m.end(), _KIND[p.unit], start=start, date=date), point=p))
    y = _WHOLE_YEAR.fullmatch(text)  # a cell that is only a year: "2026"
    if y:
        p = _Point("year", year=int(y.group("y")))
        _, date = _point_dates(p, p.year, before=False)
        found.append(_Cand(_dl(text, y.start("y"), y.end("y"), "year", date=date), point=p))
    for c in found:
        if _is_citation(text, c.start):
            continue
        if whole and (text[: c.start].strip() or text[c.end :].strip()):
            continue
        s, e = c.deadline.span
        yield replace(c, deadline=replace(c.deadline, span=(s + offset, e + offset)))


def _schedule_lines(text: str, doc: _Doc) -> Iterator[_Cand]:
    """'- Công bố kết quả: tháng 12/2025.': the value after a colon, when it is only a time."""
    for m in _SCHEDULE.finditer(text):
        yield from _bare(m.group("cell"), doc, offset=m.start("cell"), whole=True)


# -- assembling ------------------------------------------------------------------------------
def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping, left to right; at one position the longest reading wins (ties go to
    the reader listed first)."""
    order = sorted(enumerate(cands), key=lambda ic: (ic[1].start, -(ic[1].end - ic[1].start), ic[0]))
    out: list[_Cand] = []
    last_end = -1
    for _i, c in order:
        if c.start >= last_end and c.end > c.start:
            out.append(c)
            last_end = c.end
    return out


def _with_year(c: _Cand, year: int) -> _Cand:
    assert c.point is not None
    start, date = _point_dates(c.point, year, c.before)
    return replace(c, deadline=replace(c.deadline, date=date, start=start), point=replace(c.point, year=year))


def _dated_day(c: _Cand) -> bool:
    return c.point is not None and c.point.unit == "day" and c.deadline.kind == "date"


def _share_years(members: list[_Cand]) -> list[_Cand]:
    """A member written without its year takes the next member's year (the year before, if
    that would put it after that member)."""
    out = list(members)
    for k in range(len(out) - 2, -1, -1):
        c, later = out[k], out[k + 1]
        assert c.point is not None and later.point is not None
        y = later.point.year
        if c.point.year is not None or y is None:
            continue
        upd = _with_year(c, y)
        if upd.deadline.date and later.deadline.date and upd.deadline.date > later.deadline.date:
            upd = _with_year(c, y - 1)
        out[k] = upd
    return out


def _lists(text: str, chosen: list[_Cand], doc: _Doc) -> list[_Cand]:
    """'trước ngày 15/6 và 15/12/2025': a date listed right after a dated deadline is a
    deadline too, and the members share a year written once."""
    chosen = sorted(chosen, key=lambda c: c.start)
    out: list[_Cand] = []
    i = 0
    while i < len(chosen):
        head = chosen[i]
        i += 1
        if not _dated_day(head):
            out.append(head)
            continue
        members, pos = [head], head.end
        while m := _LIST_NEXT.match(text, pos):
            if i < len(chosen) and chosen[i].start < m.end():  # the next phrase is already read
                nxt = chosen[i]
                if not (_dated_day(nxt) and nxt.end == m.end()):
                    break
                members.append(nxt)
                i += 1
                pos = nxt.end
                continue
            p = _read_point(m.group("point"))
            if p is None or p.unit != "day":
                break
            year = p.year if p.year is not None else doc.complete(p.last_month())
            start, date = _point_dates(p, year, head.before)
            s, e = m.span("point")
            members.append(_Cand(_dl(text, s, e, "date", date=date, start=start), point=p, before=head.before))
            pos = e
        out.extend(_share_years(members))
    return out


def _rule(c: _Cand) -> Recurrence | None:
    return c.deadline.recurrence


def _clauses(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """Join a period to its due day within a clause ("định kỳ hằng quý … trước ngày 25 của
    tháng cuối quý"; "Hằng tháng, … trước ngày 20"): the period alone is dropped."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text)]
    clauses: dict[int, list[int]] = {}
    for i, c in enumerate(chosen):
        clauses.setdefault(bisect.bisect_right(ends, c.start), []).append(i)
    out = list(chosen)
    drop: set[int] = set()
    for idxs in clauses.values():
        bare = {i: r.period for i in idxs if (r := _rule(out[i])) is not None and r.day is None}
        if "month" in bare.values():
            for i in idxs:
                day = out[i].day_alone
                if day is not None and 1 <= day <= 31:
                    rule = Recurrence("month", LABELS["month"], day=day)
                    out[i] = _Cand(replace(out[i].deadline, kind="recurring", recurrence=rule))
        dated = {r.period for i in idxs if (r := _rule(out[i])) is not None and r.day is not None}
        drop.update(i for i, period in bare.items() if period in dated)
    return [c for i, c in enumerate(out) if i not in drop]


_Reader = Callable[[str, _Doc], Iterator[_Cand]]
# at one span the reader listed first wins: the specific ones (a recurring due day) come
# before the general ones (a date after "trước")
_READ_TEXT: list[_Reader] = [
    lambda t, d: _weekly(t),
    lambda t, d: _due_days(t),
    lambda t, d: _yearly(t),
    _ranges,
    _span_lists,
    _at_point,
    lambda t, d: _periods(t),
    lambda t, d: _daily(t),
    lambda t, d: _relatives(t),
    lambda t, d: _days_alone(t),
    lambda t, d: _asap(t),
    _schedule_lines,
]


def _scan(text: str, doc: _Doc, cell: bool) -> list[Deadline]:
    cands = [c for read in _READ_TEXT for c in read(text, doc)]
    if cell:
        cands += list(_bare(text, doc))
    chosen = _select(cands)
    chosen = _lists(text, chosen, doc)
    chosen = _clauses(text, chosen)
    return [c.deadline for c in sorted(chosen, key=lambda c: c.start)]


def find_deadlines(text: str, year: int | None = None, month: int | None = None) -> list[Deadline]:
    """Every deadline phrase in a sentence (or passage), in order, non-overlapping.

    `year`/`month` are the document's issue year and month; they complete a date written
    without its year only when that does not point before the document's month (otherwise,
    or when either is unknown, the deadline keeps its kind and has `date` None)."""
    return _scan(text, _Doc(year, month), cell=False)


def find_spans(text: str) -> list[tuple[int, int]]:
    """Where a text states a span of time ("từ ngày 16/3/2026 đến ngày 21/3/2026", "từ tháng
    02/2026 đến hết tháng 12/2026"): (start, end) offsets, in order."""
    return [(m.start(), m.end()) for m in _RANGE.finditer(text)]


def parse_cell(text: str, year: int | None = None, month: int | None = None) -> Deadline | None:
    """The deadline in a task table's time column ("Tháng 5/2025", "Quý III/2025", "Từ 01/6
    đến 30/9/2025", "Năm 2026", "30/6/2026", "Hằng tháng", "Thường xuyên", "Trong 30 ngày kể
    từ ngày công bố kết quả"), where a bare time is a deadline; None when the cell holds none.

    A cell with several readings gives the first that has a date, else the first that is
    not "asap" (a recurrence or a relative limit), else the first."""
    found = _scan(text, _Doc(year, month), cell=True)
    for pick in (lambda d: d.date is not None, lambda d: d.kind != "asap", lambda d: True):
        for d in found:
            if pick(d):
                return d
    return None


# -- periods a text names, as spans (a table's time cells, a question's "trong quý II/2027") ----
_ROMAN_PART = r"(?:iv|iii|ii|i|[1-4])"
_SPAN_YEAR = r"(?:\s*/\s*|\s+nam\s+)(\d{4})"
_QUARTERS = re.compile(rf"\bquy\s+({_ROMAN_PART}(?:\s*(?:,|va|-|den)\s*(?:quy\s+)?{_ROMAN_PART})*)(?:{_SPAN_YEAR})?\b")
_MONTHS = re.compile(rf"\bthang\s+(\d{{1,2}})(?:\s*(?:-|den|va)\s*(?:thang\s+)?(\d{{1,2}}))?(?:{_SPAN_YEAR})?\b")
_DAYS = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def spans_in(text: str, year: int | None = None) -> list[tuple[dt.date, dt.date]]:
    """Every quarter, month (or run of months) and day a text names, as its first and last day:
    "Quý II/2027", "Tháng 5 - 6/2027", "quý I và quý III/2027", "trước 30/6/2026". A period
    written without its year takes `year`; without either, it is left out."""
    f = " ".join(fold(text).split())
    out: list[tuple[dt.date, dt.date]] = []
    for m in _QUARTERS.finditer(f):
        y = int(m.group(2)) if m.group(2) else year
        if y is None:
            continue
        for part in re.findall(_ROMAN_PART, m.group(1)):
            q = _ROMAN_VALUE[part.upper()]
            out.append((dt.date(y, 3 * q - 2, 1), _clamp(y, 3 * q, 31)))
    for m in _MONTHS.finditer(f):
        y = int(m.group(3)) if m.group(3) else year
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if y is None or not (1 <= first <= last <= 12):
            continue
        out.append((dt.date(y, first, 1), _clamp(y, last, 31)))
    for m in _DAYS.finditer(f):
        try:
            d = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
        out.append((d, d))
    return out
