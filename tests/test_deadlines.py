"""Deadline reading (retrieval/deadlines.py): every form the province's documents use,
from a sentence and from a task table's time column, with expected values written by hand
from the documents (corpus/, ../shared/corpus/directives, ../shared/eval/sources)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import need_shared

from retrieval.facts.deadlines import Deadline, Recurrence, Relative, find_deadlines, format_date, iso, parse_cell

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

D = dt.date


@dataclass(frozen=True)
class Want:
    """What one deadline must read as; `text` None means "the whole input"."""

    kind: str
    date: dt.date | None = None
    time: str | None = None
    start: dt.date | None = None
    rec: tuple[str, str, int | None, int | None] | None = None  # period, label, day, month
    rel: tuple[int, str, str] | None = None  # amount, unit, anchor
    text: str | None = None


def check(got: Deadline, want: Want, source: str) -> None:
    assert got.kind == want.kind
    assert got.date == want.date
    assert got.time == want.time
    assert got.start == want.start
    if want.rec is None:
        assert got.recurrence is None
    else:
        assert got.recurrence == Recurrence(*want.rec)
    if want.rel is None:
        assert got.relative is None
    else:
        assert got.relative == Relative(*want.rel)
    assert got.text == (want.text if want.text is not None else source)
    assert source[got.span[0] : got.span[1]] == got.text


MONTHLY = ("month", "hằng tháng")
QUARTERLY = ("quarter", "hằng quý")
YEARLY = ("year", "hằng năm")

# -- the deadline table: one phrase, one deadline ---------------------------------------------
# (phrase, document year, document month, expected)
TABLE: list[tuple[str, int | None, int | None, Want]] = [
    # a day
    ("chậm nhất vào ngày 15/12/2024", None, None, Want("date", D(2024, 12, 15))),
    ("chậm nhất ngày 16/6/2026", None, None, Want("date", D(2026, 6, 16))),
    ("chậm nhất là ngày 31/12/2025", None, None, Want("date", D(2025, 12, 31))),
    ("hạn chót là ngày 31/12/2025", None, None, Want("date", D(2025, 12, 31))),
    ("trước ngày 30/4/2025", None, None, Want("date", D(2025, 4, 30))),
    ("hoàn thành trước ngày 20/10/2025", None, None, Want("date", D(2025, 10, 20), text="trước ngày 20/10/2025")),
    ("hoàn thành vào ngày 30/6/2025", None, None, Want("date", D(2025, 6, 30))),
    ("không muộn hơn ngày 30 tháng 6 năm 2025", None, None, Want("date", D(2025, 6, 30))),
    ("trước 15-12-2024", None, None, Want("date", D(2024, 12, 15))),
    ("trước 16 giờ 00 ngày 10/3/2026", None, None, Want("date", D(2026, 3, 10), time="16:00")),
    ("trước 10 giờ 00 ngày 10/3/2026", None, None, Want("date", D(2026, 3, 10), time="10:00")),
    ("trước 17 giờ 00 ngày 11/3/2026", None, None, Want("date", D(2026, 3, 11), time="17:00")),
    ("trước 16h00 ngày 10/3/2026", None, None, Want("date", D(2026, 3, 10), time="16:00")),
    ("chậm nhất 16 giờ 30 phút ngày 10/3/2026", None, None, Want("date", D(2026, 3, 10), time="16:30")),
    ("trước 16 giờ, ngày 10/3/2026", None, None, Want("date", D(2026, 3, 10), time="16:00")),
    ("ngay trong ngày 09/3/2026", None, None, Want("date", D(2026, 3, 9))),
    ("trong ngày 09/3/2026", None, None, Want("date", D(2026, 3, 9))),
    ("đến hết ngày 31/12/2025", None, None, Want("date", D(2025, 12, 31))),
    # a month, a quarter, a year
    ("trong tháng 12/2024", None, None, Want("month", D(2024, 12, 31))),
    ("trong tháng 7/2025", None, None, Want("month", D(2025, 7, 31))),
    ("trong tháng 10/2025", None, None, Want("month", D(2025, 10, 31))),
    ("trong tháng 2 năm 2028", None, None, Want("month", D(2028, 2, 29))),
    ("hoàn thành trong tháng 12/2024", None, None, Want("month", D(2024, 12, 31), text="trong tháng 12/2024")),
    ("trước tháng 6/2025", None, None, Want("month", D(2025, 5, 31))),
    ("trong quý IV/2024", None, None, Want("quarter", D(2024, 12, 31))),
    ("trong quý II/2026", None, None, Want("quarter", D(2026, 6, 30))),
    ("chậm nhất trong quý III năm 2025", None, None, Want("quarter", D(2025, 9, 30))),
    ("trong quý 3 năm 2025", None, None, Want("quarter", D(2025, 9, 30))),
    ("trước quý III/2025", None, None, Want("quarter", D(2025, 6, 30))),
    ("trong năm 2025", None, None, Want("year", D(2025, 12, 31))),
    ("đến hết năm 2025", None, None, Want("year", D(2025, 12, 31))),
    ("từ nay đến hết năm 2025", None, None, Want("year", D(2025, 12, 31))),
    ("trước năm 2026", None, None, Want("year", D(2025, 12, 31))),
    # ranges
    ("từ ngày 01/6/2025 đến ngày 30/9/2025", None, None, Want("range", D(2025, 9, 30), start=D(2025, 6, 1))),
    ("Từ 01/6 đến 30/9/2025", None, None, Want("range", D(2025, 9, 30), start=D(2025, 6, 1))),
    ("Từ tháng 5 đến tháng 9/2025", None, None, Want("range", D(2025, 9, 30), start=D(2025, 5, 1))),
    ("từ ngày 01/10/2024 đến ngày 30/9/2025", None, None, Want("range", D(2025, 9, 30), start=D(2024, 10, 1))),
    ("từ ngày 05 đến ngày 09/3/2026", None, None, Want("range", D(2026, 3, 9), start=D(2026, 3, 5))),
    ("từ 01/12 đến 31/1/2026", None, None, Want("range", D(2026, 1, 31), start=D(2025, 12, 1))),
    ("từ quý II đến quý IV/2025", None, None, Want("range", D(2025, 12, 31), start=D(2025, 4, 1))),
    ("trong 6 tháng đầu năm 2025", None, None, Want("range", D(2025, 6, 30), start=D(2025, 1, 1))),
    # recurring, with a due day
    ("trước ngày 20 hằng tháng", None, None, Want("recurring", rec=(*MONTHLY, 20, None))),
    ("trước ngày 05 hằng tháng", None, None, Want("recurring", rec=(*MONTHLY, 5, None))),
    ("trước ngày 25 hằng tháng", None, None, Want("recurring", rec=(*MONTHLY, 25, None))),
    ("vào ngày 25 hàng tháng", None, None, Want("recurring", rec=(*MONTHLY, 25, None))),
    ("trước ngày 05 của tháng sau", None, None, Want("recurring", rec=(*MONTHLY, 5, None))),
    ("trước ngày 25 của tháng cuối quý", None, None, Want("recurring", rec=(*QUARTERLY, 25, 3))),
    ("trước ngày 28 của tháng cuối quý", None, None, Want("recurring", rec=(*QUARTERLY, 28, 3))),
    ("trước ngày 15 của tháng đầu quý sau", None, None, Want("recurring", rec=(*QUARTERLY, 15, 1))),
    ("trước ngày 15/12 hằng năm", None, None, Want("recurring", rec=(*YEARLY, 15, 12))),
    ("trước ngày 15 tháng 12 hằng năm", None, None, Want("recurring", rec=(*YEARLY, 15, 12))),
    ("trước ngày 15 của tháng cuối năm", None, None, Want("recurring", rec=(*YEARLY, 15, 12))),
    ("trước 16 giờ ngày 20 hằng tháng", None, None, Want("recurring", time="16:00", rec=(*MONTHLY, 20, None))),
    # recurring, no day
    ("hằng tháng", None, None, Want("recurring", rec=MONTHLY + (None, None))),
    ("hàng tháng", None, None, Want("recurring", rec=MONTHLY + (None, None))),
    ("định kỳ hằng quý", None, None, Want("recurring", rec=QUARTERLY + (None, None))),
    ("hằng quý", None, None, Want("recurring", rec=QUARTERLY + (None, None))),
    ("định kỳ 6 tháng", None, None, Want("recurring", rec=("half-year", "6 tháng", None, None))),
    ("định kỳ 06 tháng một lần", None, None, Want("recurring", rec=("half-year", "6 tháng", None, None))),
    ("định kỳ 03 tháng/lần", None, None, Want("recurring", rec=QUARTERLY + (None, None))),
    ("hằng năm", None, None, Want("recurring", rec=YEARLY + (None, None))),
    ("báo cáo 01 lần/năm", None, None, Want("recurring", rec=YEARLY + (None, None), text="01 lần/năm")),
    ("phát sóng định kỳ hằng tuần", None, None,
     Want("recurring", rec=("week", "hằng tuần", None, None), text="định kỳ hằng tuần")),
    # relative to an event
    ("trong thời hạn 03 ngày làm việc kể từ ngày nhận được đề nghị", None, None,
     Want("relative", rel=(3, "ngày làm việc", "ngày nhận được đề nghị"))),
    ("trong thời hạn 04 giờ làm việc kể từ khi nhận được thông báo", None, None,
     Want("relative", rel=(4, "giờ làm việc", "khi nhận được thông báo"))),
    ("Trong thời hạn 30 ngày kể từ ngày kết quả khảo sát được công bố", None, None,
     Want("relative", rel=(30, "ngày", "ngày kết quả khảo sát được công bố"))),
    ("Trong 30 ngày kể từ ngày công bố kết quả", None, None,
     Want("relative", rel=(30, "ngày", "ngày công bố kết quả"))),
    ("chậm nhất 01 ngày làm việc trước ngày hết hạn giải quyết", None, None,
     Want("relative", rel=(1, "ngày làm việc", "trước ngày hết hạn giải quyết"))),
    ("trong thời hạn 15 (mười lăm) ngày kể từ ngày nhận đủ hồ sơ hợp lệ", None, None,
     Want("relative", rel=(15, "ngày", "ngày nhận đủ hồ sơ hợp lệ"))),
    ("chậm nhất sau 10 ngày, kể từ ngày kết thúc đợt kiểm tra", None, None,
     Want("relative", rel=(10, "ngày", "ngày kết thúc đợt kiểm tra"))),
    ("trong thời hạn 05 ngày làm việc", None, None, Want("relative", rel=(5, "ngày làm việc", ""))),
    # at once / continuously
    ("kịp thời", None, None, Want("asap")),
    ("thường xuyên", None, None, Want("asap")),
    ("ngay", None, None, Want("asap")),
    ("ngay lập tức", None, None, Want("asap")),
    ("ngay trong ngày", None, None, Want("asap")),
    # a year completed from the document's issue date, never backwards
    ("trước ngày 30/6", 2025, 4, Want("date", D(2025, 6, 30))),
    ("trước ngày 30/6", 2025, 8, Want("date", None)),  # ambiguous: next year, or the past
    ("trước ngày 30/6", 2025, None, Want("date", None)),  # the document's month unknown
    ("trong tháng 3", 2026, 3, Want("month", D(2026, 3, 31))),
    ("trong quý IV", 2024, 8, Want("quarter", D(2024, 12, 31))),
    ("trong quý I", 2024, 8, Want("quarter", None)),
    ("Từ 01/6 đến 30/9", 2025, 4, Want("range", D(2025, 9, 30), start=D(2025, 6, 1))),
    ("trước ngày 15/12/2024", 2025, 8, Want("date", D(2024, 12, 15))),  # a written year is kept
    # unreadable dates: found, with no date, never an exception
    ("trước ngày 31/2/2025", None, None, Want("date", None)),
    ("trước ngày 15/13/2025", None, None, Want("date", None)),
    ("trong tháng 13/2025", None, None, Want("month", None)),
    ("trước 25 giờ 00 ngày 10/3/2026", None, None, Want("date", D(2026, 3, 10))),
    ("trước ngày 20", None, None, Want("date", None)),  # a day without its month
]


@pytest.mark.parametrize(("phrase", "year", "month", "want"), TABLE, ids=[f"{r[0]}|{r[1]}/{r[2]}" for r in TABLE])
def test_deadline_table(phrase: str, year: int | None, month: int | None, want: Want) -> None:
    found = find_deadlines(phrase, year, month)
    assert len(found) == 1, found
    check(found[0], want, phrase)


# -- table cells ------------------------------------------------------------------------------
CELLS: list[tuple[str, Want]] = [
    ("Tháng 5/2025", Want("month", D(2025, 5, 31))),
    ("Trước 25/5/2025", Want("date", D(2025, 5, 25))),
    ("Trước 31/5/2025", Want("date", D(2025, 5, 31))),
    ("Trước 15/11/2025", Want("date", D(2025, 11, 15))),
    ("Quý III/2025", Want("quarter", D(2025, 9, 30))),
    ("Tháng 12/2025", Want("month", D(2025, 12, 31))),
    ("Từ 01/6 đến 30/9/2025", Want("range", D(2025, 9, 30), start=D(2025, 6, 1))),
    ("Từ tháng 5 đến tháng 9/2025", Want("range", D(2025, 9, 30), start=D(2025, 5, 1))),
    ("Trong 30 ngày kể từ ngày công bố kết quả", Want("relative", rel=(30, "ngày", "ngày công bố kết quả"))),
    ("Quý II/2026", Want("quarter", D(2026, 6, 30))),
    ("Quý III/2026", Want("quarter", D(2026, 9, 30))),
    ("Tháng 4/2026", Want("month", D(2026, 4, 30))),
    ("Tháng 5/2026", Want("month", D(2026, 5, 31))),
    ("Tháng 10/2026", Want("month", D(2026, 10, 31))),
    ("Từ tháng 6 đến tháng 9/2026", Want("range", D(2026, 9, 30), start=D(2026, 6, 1))),
    ("Năm 2026", Want("year", D(2026, 12, 31))),
    ("2026", Want("year", D(2026, 12, 31))),
    ("Cả năm 2026", Want("year", D(2026, 12, 31))),
    ("Hằng tháng", Want("recurring", rec=MONTHLY + (None, None))),
    ("Hằng quý, trước ngày 25 của tháng cuối quý", Want("recurring", rec=(*QUARTERLY, 25, 3),
                                                       text="trước ngày 25 của tháng cuối quý")),
    ("Thường xuyên", Want("asap")),
    ("30/6/2026", Want("date", D(2026, 6, 30))),
    ("Ngày 30/6/2026", Want("date", D(2026, 6, 30))),
    ("Tháng 5 - 9/2025", Want("range", D(2025, 9, 30), start=D(2025, 5, 1))),
    ("Quý II - III/2026", Want("range", D(2026, 9, 30), start=D(2026, 4, 1))),
    ("6 tháng đầu năm 2026", Want("range", D(2026, 6, 30), start=D(2026, 1, 1))),
    ("Thường xuyên; báo cáo trước 15/12/2025", Want("date", D(2025, 12, 15), text="trước 15/12/2025")),
    ("  Tháng 5/2025  ", Want("month", D(2025, 5, 31), text="Tháng 5/2025")),
]


@pytest.mark.parametrize(("cell", "want"), CELLS, ids=[c for c, _ in CELLS])
def test_cell_table(cell: str, want: Want) -> None:
    got = parse_cell(cell)
    assert got is not None
    check(got, want, cell)


def test_cell_completes_year_from_document() -> None:
    got = parse_cell("Tháng 5", 2025, 4)
    assert got is not None and got.date == D(2025, 5, 31)
    got = parse_cell("Tháng 3", 2025, 4)
    assert got is not None and got.kind == "month" and got.date is None


@pytest.mark.parametrize(
    "cell", ["", "   ", "Thời gian thực hiện", "Sở Nội vụ", "93,15", "98,7", "Kế hoạch số 187/KH-UBND ngày 21/12/2023",
             "Khẩn trương"]
)
def test_cell_without_deadline(cell: str) -> None:
    assert parse_cell(cell) is None


# -- not deadlines ------------------------------------------------------------------------------
NOT_DEADLINES = [
    "6 tháng đầu năm 2024",
    "6 tháng cuối năm",
    "phương hướng nhiệm vụ 6 tháng cuối năm 2024",
    "Phiên họp Chính phủ thường kỳ tháng 3/2026",
    "điểm trung bình quý I/2026 của các sở, ban, ngành tỉnh đạt 86,42 điểm",
    "07 cơ quan, đơn vị gửi báo cáo CCHC quý IV/2025 chậm so với thời hạn",
    "Kế hoạch số 187/KH-UBND ngày 21/12/2023",
    "Nghị định số 63/2024/NĐ-CP",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "văn bản được ban hành ngày 21/12/2023",
    "Ngày 19/9/2025, tại Trụ sở UBND tỉnh",
    "Năm 2024, tỷ lệ hồ sơ thủ tục hành chính (TTHC) được giải quyết đúng hạn trên toàn tỉnh đạt 98,7%.",
    "Tổng số phiếu khảo sát dự kiến toàn tỉnh: 4.980 phiếu",
    "15 giờ 00",
    "Hồ sơ tiếp nhận trước 15 giờ 00 được chuyển đến cơ quan có thẩm quyền giải quyết trong ngày làm việc; "
    "hồ sơ tiếp nhận sau 15 giờ 00 được chuyển trong ngày làm việc tiếp theo.",
    "khẩn trương",
    "Ngay sau Phiên họp của Chính phủ",
    "phát phiếu cho người dân, tổ chức ngay sau khi nhận kết quả giải quyết TTHC",
    "Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 9 năm 2025",
    "Từ ngày 01/3/2025, các cơ quan chuyên môn thuộc UBND tỉnh đã được sắp xếp",
    "tính đến ngày 15/9/2025, toàn tỉnh tiếp nhận 186.720 hồ sơ",
    "triển khai thực hiện Nghị quyết số 19-NQ/TW đến năm 2026",
    "Chương trình CCHC nhà nước giai đoạn 2021-2025 của tỉnh",
    "trong dự toán chi thường xuyên năm 2025",
    "báo cáo chưa kịp thời, chất lượng chưa cao",
    "Sau gần 03 tháng vận hành",
    "Cơ quan để hồ sơ quá hạn từ 02 lần trở lên trong một quý",
    "chế độ báo cáo định kỳ về công tác cải cách hành chính",
    "phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên",
    "trẻ em dưới 6 tuổi",
    "Hưng Yên, ngày 23 tháng 3 năm 2026",
]


@pytest.mark.parametrize("text", NOT_DEADLINES)
def test_not_a_deadline(text: str) -> None:
    assert find_deadlines(text, 2025, 3) == []


# -- whole sentences from the documents ---------------------------------------------------------
def _brief(found: list[Deadline]) -> list[tuple[str, str, str | None]]:
    return [(d.kind, d.text, iso(d)) for d in found]


def test_quarterly_report_and_its_due_day_are_one_deadline() -> None:
    s = ("Các sở, ban, ngành tỉnh; các cơ quan ngành dọc quy định tại điểm d khoản 2 Điều 1 Quy chế này; UBND các "
         "xã, phường báo cáo định kỳ hằng quý tình hình, kết quả giải quyết TTHC theo cơ chế một cửa, một cửa liên "
         "thông, gửi UBND tỉnh (qua Trung tâm Phục vụ hành chính công tỉnh) trước ngày 25 của tháng cuối quý.")
    found = find_deadlines(s, 2025, 8)
    assert len(found) == 1
    check(found[0], Want("recurring", rec=(*QUARTERLY, 25, 3), text="trước ngày 25 của tháng cuối quý"), s)


def test_monthly_period_takes_a_bare_day_of_its_clause() -> None:
    s = "Hằng tháng, Sở Nội vụ tổng hợp, báo cáo Chủ tịch UBND tỉnh trước ngày 20."
    found = find_deadlines(s)
    assert len(found) == 1
    check(found[0], Want("recurring", rec=(*MONTHLY, 20, None), text="trước ngày 20"), s)
    # a period in another clause is not joined
    s2 = "Hằng tháng công khai kết quả; báo cáo trước ngày 20."
    assert [(d.kind, d.text) for d in find_deadlines(s2)] == [("recurring", "Hằng tháng"), ("date", "trước ngày 20")]


def test_half_yearly_report_with_two_dates() -> None:
    """The rule and its two dates of the year are three deadlines; the dates carry no
    recurrence (documented choice: `recurrence` is set exactly for kind "recurring")."""
    s = ("Định kỳ 6 tháng, báo cáo Chủ tịch UBND tỉnh kết quả thanh tra công vụ trước ngày 15/6/2025 và trước "
         "ngày 15/12/2025.")
    found = find_deadlines(s, 2025, 3)
    assert _brief(found) == [
        ("recurring", "Định kỳ 6 tháng", None),
        ("date", "trước ngày 15/6/2025", "2025-06-15"),
        ("date", "trước ngày 15/12/2025", "2025-12-15"),
    ]
    assert found[0].recurrence == Recurrence("half-year", "6 tháng")
    assert all(d.recurrence is None for d in found[1:])


def test_list_of_dates_shares_its_year() -> None:
    found = find_deadlines("báo cáo trước ngày 15/6 và 15/12/2025")
    assert _brief(found) == [("date", "trước ngày 15/6", "2025-06-15"), ("date", "15/12/2025", "2025-12-15")]
    found = find_deadlines("trước ngày 15/6 và trước ngày 15/12/2025")
    assert [iso(d) for d in found] == ["2025-06-15", "2025-12-15"]
    found = find_deadlines("trước ngày 15/6 và ngày 15/12 hằng năm")
    assert [d.recurrence for d in found] == [Recurrence("year", "hằng năm", 15, 6),
                                             Recurrence("year", "hằng năm", 15, 12)]


def test_two_monthly_rules_in_one_paragraph() -> None:
    s = ("Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố và các cơ quan, đơn vị có "
         "liên quan tổ chức triển khai thực hiện nghiêm túc Chỉ thị này; báo cáo kết quả thực hiện về UBND tỉnh (qua "
         "Sở Nội vụ) trước ngày 20 hằng tháng. Sở Nội vụ tổng hợp, báo cáo Chủ tịch UBND tỉnh trước ngày 25 hằng "
         "tháng; tham mưu sơ kết 6 tháng thực hiện Chỉ thị trong tháng 7/2025.")
    found = find_deadlines(s, 2025, 3)
    assert _brief(found) == [
        ("recurring", "trước ngày 20 hằng tháng", None),
        ("recurring", "trước ngày 25 hằng tháng", None),
        ("month", "trong tháng 7/2025", "2025-07-31"),
    ]
    assert [d.recurrence.day for d in found[:2] if d.recurrence] == [20, 25]


def test_urgent_letter() -> None:
    intro = ("Thực hiện Công văn số 1820/VPCP-KSTT ngày 06/3/2026 của Văn phòng Chính phủ về việc báo cáo tình hình "
             "thực hiện liên thông điện tử 02 nhóm thủ tục hành chính theo Nghị định số 63/2024/NĐ-CP của Chính phủ, "
             "phục vụ Phiên họp Chính phủ thường kỳ tháng 3/2026, Chủ tịch UBND tỉnh yêu cầu các cơ quan, đơn vị "
             "khẩn trương thực hiện ngay các nội dung sau:")
    assert _brief(find_deadlines(intro, 2026, 3)) == [("asap", "ngay", None)]
    s = ("3. Công an tỉnh chỉ đạo Công an các xã, phường giải quyết dứt điểm hồ sơ đăng ký thường trú, xóa đăng ký "
         "thường trú liên thông còn tồn đọng; tổng hợp số liệu, gửi Sở Tư pháp ngay trong ngày 09/3/2026 để tổng hợp "
         "chung.")
    assert _brief(find_deadlines(s, 2026, 3)) == [("date", "ngay trong ngày 09/3/2026", "2026-03-09")]
    s = ("6. Chủ tịch UBND các xã, phường chỉ đạo Trung tâm Phục vụ hành chính công cấp xã, công chức tư pháp - hộ "
         "tịch xử lý ngay các hồ sơ tồn đọng thuộc thẩm quyền; báo cáo số hồ sơ tồn đọng và nguyên nhân về Sở Tư "
         "pháp trước 10 giờ 00 ngày 10/3/2026.")
    found = find_deadlines(s, 2026, 3)
    assert _brief(found) == [("asap", "ngay", None), ("date", "trước 10 giờ 00 ngày 10/3/2026", "2026-03-10")]
    assert found[1].time == "10:00"


def test_citations_and_events_beside_deadlines() -> None:
    s = ("Tổ chức khắc phục ngay những tồn tại, hạn chế được Đoàn kiểm tra CCHC của tỉnh chỉ ra tại các Thông báo "
         "kết luận kiểm tra, báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả khắc phục tồn tại, hạn chế chậm nhất vào ngày "
         "15/12/2024 để tổng hợp chung phục vụ chấm điểm xác định Chỉ số PAR INDEX của tỉnh Hưng Yên năm 2024.")
    assert _brief(find_deadlines(s, 2024, 8)) == [("asap", "ngay", None),
                                                  ("date", "chậm nhất vào ngày 15/12/2024", "2024-12-15")]
    s = ("Chủ trì, phối hợp với Thanh tra tỉnh, Văn phòng UBND tỉnh xây dựng Kế hoạch kiểm tra đột xuất việc chấp "
         "hành kỷ luật, kỷ cương hành chính năm 2025, trình UBND tỉnh trước ngày 10/4/2025; tổ chức kiểm tra tối "
         "thiểu 12 cơ quan, đơn vị, địa phương trong năm 2025.")
    assert _brief(find_deadlines(s, 2025, 3)) == [("date", "trước ngày 10/4/2025", "2025-04-10"),
                                                  ("year", "trong năm 2025", "2025-12-31")]
    s = ("Báo cáo kết quả đào tạo, bồi dưỡng 6 tháng đầu năm trước ngày 10/6/2026 và báo cáo năm trước ngày "
         "10/11/2026 về Sở Nội vụ để tổng hợp.")
    assert _brief(find_deadlines(s, 2026, 2)) == [("date", "trước ngày 10/6/2026", "2026-06-10"),
                                                  ("date", "trước ngày 10/11/2026", "2026-11-10")]


def test_data_periods_are_ranges_for_the_caller_to_judge() -> None:
    s = ("Người dân, người đại diện của tổ chức đã trực tiếp giao dịch và nhận kết quả giải quyết TTHC tại Trung tâm "
         "Phục vụ hành chính công và Kiểm soát thủ tục hành chính tỉnh, Bộ phận Một cửa cấp huyện, cấp xã trong thời "
         "gian từ ngày 01/10/2024 đến ngày 30/9/2025.")
    found = find_deadlines(s, 2025, 4)
    assert len(found) == 1
    check(found[0], Want("range", D(2025, 9, 30), start=D(2024, 10, 1),
                         text="từ ngày 01/10/2024 đến ngày 30/9/2025"), s)


def test_schedule_lines_read_like_cells() -> None:
    text = ("- Chuẩn bị, xây dựng phiếu và tập huấn: tháng 5/2025.\n"
            "- Tổ chức khảo sát: từ ngày 01/6/2025 đến ngày 30/9/2025.\n"
            "- Tổng hợp, phân tích, báo cáo kết quả: hoàn thành trước ngày 15/11/2025.\n"
            "- Công bố kết quả: tháng 12/2025.")
    assert _brief(find_deadlines(text, 2025, 4)) == [
        ("month", "tháng 5/2025", "2025-05-31"),
        ("range", "từ ngày 01/6/2025 đến ngày 30/9/2025", "2025-09-30"),
        ("date", "trước ngày 15/11/2025", "2025-11-15"),
        ("month", "tháng 12/2025", "2025-12-31"),
    ]
    # a colon followed by more than a time is no schedule line
    assert find_deadlines("Tham dự cuộc họp có: lãnh đạo các sở tháng 5/2025") == []


def test_relative_anchor_stops_at_the_clause() -> None:
    s = ("Cơ quan phối hợp có ý kiến bằng văn bản trong thời hạn 03 ngày làm việc kể từ ngày nhận được đề nghị, trừ "
         "trường hợp pháp luật chuyên ngành quy định thời hạn khác.")
    (d,) = find_deadlines(s)
    assert d.relative == Relative(3, "ngày làm việc", "ngày nhận được đề nghị")
    assert d.text == "trong thời hạn 03 ngày làm việc kể từ ngày nhận được đề nghị"


def test_spans_are_in_order_and_disjoint() -> None:
    s = ("Định kỳ 6 tháng, báo cáo trước ngày 15/6/2025 và trước ngày 15/12/2025; hằng tháng công khai kết quả "
         "trước ngày 05 hằng tháng; trong thời hạn 04 giờ làm việc kể từ khi nhận được thông báo; kịp thời báo cáo.")
    found = find_deadlines(s)
    assert len(found) == 6
    for a, b in zip(found, found[1:]):
        assert a.span[1] <= b.span[0]
    for d in found:
        assert s[d.span[0] : d.span[1]] == d.text


def test_nothing_raises_on_odd_input() -> None:
    for s in ["", " ", "trước", "trước ngày", "trong tháng", "quý", "ngày 99/99/9999", "trước ngày 00/0/0000",
              "trước 99 giờ 99 ngày 31/2/2025", "từ ngày 31/2 đến ngày 30/2/2025", "trước ngày 0 hằng tháng",
              "trước ngày 31/2 hằng năm", "trong thời hạn 0 ngày kể từ", "Từ tháng 13 đến tháng 14/2025", "0000",
              "năm 0000", "trong năm 0000", "Từ 01/6 đến 30/9/0000"]:
        for d in find_deadlines(s, 2025, 1):
            assert s[d.span[0] : d.span[1]] == d.text
        parse_cell(s, 2025, 1)


# -- recurrence dates --------------------------------------------------------------------------
MONTH_20 = Recurrence("month", "hằng tháng", day=20)
QUARTER_3_25 = Recurrence("quarter", "hằng quý", day=25, month=3)
YEAR_12_15 = Recurrence("year", "hằng năm", day=15, month=12)


def test_occurrences() -> None:
    assert MONTH_20.occurrences(D(2026, 1, 1), D(2026, 4, 30)) == [D(2026, 1, 20), D(2026, 2, 20), D(2026, 3, 20),
                                                                   D(2026, 4, 20)]
    assert MONTH_20.occurrences(D(2026, 1, 21), D(2026, 3, 20)) == [D(2026, 2, 20), D(2026, 3, 20)]
    assert QUARTER_3_25.occurrences(D(2026, 1, 1), D(2026, 12, 31)) == [D(2026, 3, 25), D(2026, 6, 25),
                                                                        D(2026, 9, 25), D(2026, 12, 25)]
    assert YEAR_12_15.occurrences(D(2025, 1, 1), D(2026, 12, 31)) == [D(2025, 12, 15), D(2026, 12, 15)]
    assert Recurrence("half-year", "6 tháng", day=15, month=6).occurrences(D(2025, 1, 1), D(2025, 12, 31)) == [
        D(2025, 6, 15), D(2025, 12, 15)]
    assert MONTH_20.occurrences(D(2026, 5, 1), D(2026, 4, 1)) == []


def test_day_31_is_clamped_to_the_month() -> None:
    last = Recurrence("month", "hằng tháng", day=31)
    assert last.occurrences(D(2025, 1, 1), D(2025, 4, 30)) == [D(2025, 1, 31), D(2025, 2, 28), D(2025, 3, 31),
                                                               D(2025, 4, 30)]
    assert Recurrence("month", "hằng tháng", day=30).next_on_or_after(D(2028, 2, 1)) == D(2028, 2, 29)


@pytest.mark.parametrize("rule", [
    Recurrence("month", "hằng tháng"),
    Recurrence("quarter", "hằng quý"),
    Recurrence("half-year", "6 tháng"),
    Recurrence("year", "hằng năm"),
    Recurrence("week", "hằng tuần"),
    Recurrence("quarter", "hằng quý", day=20),  # which month of the quarter is not said
])
def test_rules_without_a_day_have_no_dates(rule: Recurrence) -> None:
    assert rule.occurrences(D(2025, 1, 1), D(2026, 12, 31)) == []
    assert rule.next_on_or_after(D(2025, 6, 1)) is None


@pytest.mark.parametrize(("rule", "today", "due"), [
    (QUARTER_3_25, D(2026, 11, 26), D(2026, 12, 25)),
    (QUARTER_3_25, D(2026, 12, 25), D(2026, 12, 25)),
    (QUARTER_3_25, D(2026, 12, 26), D(2027, 3, 25)),
    (QUARTER_3_25, D(2026, 1, 1), D(2026, 3, 25)),
    (MONTH_20, D(2026, 11, 26), D(2026, 12, 20)),
    (MONTH_20, D(2026, 12, 20), D(2026, 12, 20)),
    (MONTH_20, D(2026, 12, 21), D(2027, 1, 20)),
    (YEAR_12_15, D(2026, 11, 26), D(2026, 12, 15)),
    (YEAR_12_15, D(2026, 12, 16), D(2027, 12, 15)),
    (Recurrence("quarter", "hằng quý", day=15, month=1), D(2026, 11, 26), D(2027, 1, 15)),
])
def test_next_on_or_after(rule: Recurrence, today: dt.date, due: dt.date) -> None:
    assert rule.next_on_or_after(today) == due


def test_parsed_rules_give_dates() -> None:
    (d,) = find_deadlines("gửi UBND tỉnh trước ngày 25 của tháng cuối quý")
    assert d.recurrence is not None and d.recurrence.next_on_or_after(D(2026, 11, 26)) == D(2026, 12, 25)
    (d,) = find_deadlines("trước ngày 20 hằng tháng")
    assert d.recurrence is not None and d.recurrence.next_on_or_after(D(2026, 11, 26)) == D(2026, 12, 20)


def test_recurrence_rejects_impossible_rules() -> None:
    with pytest.raises(ValueError):
        Recurrence("fortnight", "x")
    with pytest.raises(ValueError):
        Recurrence("quarter", "hằng quý", day=25, month=4)
    with pytest.raises(ValueError):
        Recurrence("month", "hằng tháng", day=32)


# -- formatting -------------------------------------------------------------------------------
def test_format_date_and_iso() -> None:
    assert format_date(D(2024, 8, 6)) == "06/8/2024"
    assert format_date(D(2024, 12, 15)) == "15/12/2024"
    assert iso(find_deadlines("trong quý IV/2024")[0]) == "2024-12-31"
    assert iso(find_deadlines("hằng quý")[0]) is None
    assert iso(None) is None


# -- the real documents -----------------------------------------------------------------------
def _documents() -> list[Path]:
    files = [ROOT / "corpus" / "hung-yen-cchc-6-thang-cuoi-2024.md"]
    files += sorted((SHARED / "corpus" / "directives").glob("*.md"))
    files += sorted((SHARED / "eval" / "sources").glob("*.md"))
    return [f for f in files if f.exists()]


def _issue(raw: str) -> tuple[int, int]:
    m = re.search(r"ngày\s+(?:\d{1,2}\s+)?tháng\s+(\d{1,2})\s+năm\s+(\d{4})", raw)
    assert m, "no issue date"
    return int(m.group(2)), int(m.group(1))


def _plain(line: str) -> str:
    return re.sub(r"<sup>[^<]*</sup>|\*\*", "", line).strip()


# phrases that are deadlines with a date wherever they appear, found without this module
_DATED = re.compile(r"(?:trước|chậm nhất(?: vào)?)(?: \d{1,2} giờ \d{2})? (?:ngày )?\d{1,2}/\d{1,2}/\d{4}")


def test_every_dated_phrase_in_the_documents_is_read() -> None:
    need_shared(SHARED / "corpus" / "directives")
    docs = _documents()
    seen = 0
    for f in docs:
        raw = f.read_text(encoding="utf-8")
        year, month = _issue(raw)
        for line in raw.splitlines():
            if line.startswith("|"):
                continue
            text = _plain(line)
            found = find_deadlines(text, year, month)
            for d in found:
                assert text[d.span[0] : d.span[1]] == d.text
                assert not re.search(r"(?:số|\d/[A-ZĐ][\w-]*)\s*(?:ngày\s*)?$", text[: d.span[0]]), (f.name, d)
            for m in _DATED.finditer(text):
                seen += 1
                assert any(d.span[0] <= m.start() < d.span[1] and d.date is not None for d in found), (f.name, m[0])
    assert seen >= 25


def test_every_time_cell_in_the_documents_is_read() -> None:
    docs = [f for f in _documents() if "|" in f.read_text(encoding="utf-8")]
    cells = 0
    for f in docs:
        raw = f.read_text(encoding="utf-8")
        year, month = _issue(raw)
        rows = [line.strip().strip("|").split("|") for line in raw.splitlines() if line.startswith("|")]
        header = [c.strip() for c in rows[0]]
        if not header[-1].startswith("Thời gian"):
            continue
        for row in rows[2:]:
            cell = _plain(row[-1])
            if not cell:
                continue
            cells += 1
            d = parse_cell(cell, year, month)
            assert d is not None and (d.date is not None or d.relative is not None), (f.name, cell)
    if cells == 0:
        pytest.skip("no task table found")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Làm việc trực tiếp tại các xã trong tháng 4 và tháng 5/2026", dt.date(2026, 4, 1), dt.date(2026, 5, 31)),
        ("hoàn thành trong các tháng 4, 5 và 6/2026", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        ("kiểm tra trong quý II và quý III/2026", dt.date(2026, 4, 1), dt.date(2026, 9, 30)),
        ("tổ chức trong tháng 12 và tháng 01/2027", dt.date(2026, 12, 1), dt.date(2027, 1, 31)),
    ],
)
def test_several_months_of_one_period_are_due_at_the_end_of_the_last(text: str, start: dt.date, end: dt.date) -> None:
    (d,) = find_deadlines(text, 2026, 3)
    assert (d.kind, d.start, d.date) == ("range", start, end)


def test_a_month_before_an_unrelated_clause_stays_one_month() -> None:
    (d,) = find_deadlines("trong tháng 5, tổ chức hội nghị và báo cáo kết quả", 2026, 3)
    assert (d.kind, d.date) == ("month", dt.date(2026, 5, 31))
