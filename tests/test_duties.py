"""/nhiemvu and /hanchot as the chat shows them (bot/duties.py), on a fixed clock: the seed
công văn, the Kế hoạch with a task table, the Chỉ thị with monthly reports, the hỏa tốc
công văn with hours, and all of them at once (the Telegram length limit). Dates and counts
are worked out by hand from the documents and the clock."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import DIRECTIVE, ROOT, SHARED, need_shared

from bot.duties import TELEGRAM_LIMIT, deadlines, hanchot_text, nhiemvu_text, unit_duties
from retrieval.documents.ingest import load_document, parse_markdown
from retrieval.documents.model import AdminDocument
from retrieval.facts.obligations import Obligation, applicable, extract_obligations
from retrieval.facts.units import load_units

UNITS = load_units(ROOT / "corpus" / "units.yaml")
DIRS = SHARED / "corpus" / "directives"
D = dt.date
CHI_THI = "chi-thi-ky-luat-ky-cuong-2025.md"  # 05/CT-UBND: reports "trước ngày 20 hằng tháng"
KH_KHAO_SAT = "ke-hoach-khao-sat-hai-long-2025.md"  # 68/KH-UBND: duties in a task table too
HOA_TOC = "cong-van-hoa-toc-2026.pdf"  # 1456/UBND-KGVX: due within hours


def _duties(path: Path) -> list[Obligation]:
    need_shared(path)
    doc = load_document(path)
    assert isinstance(doc, AdminDocument)
    return extract_obligations(doc, UNITS)


@pytest.fixture(scope="module")
def seed() -> list[Obligation]:
    return _duties(DIRECTIVE)


@pytest.fixture(scope="module")
def public() -> dict[str, list[Obligation]]:
    need_shared(DIRS)
    return {p.name: _duties(p) for p in sorted(DIRS.iterdir())}


def _left(line: str) -> int | None:
    m = re.search(r"còn (\d+) ngày\)", line)
    return int(m.group(1)) if m else (0 if "(hôm nay)" in line or "hôm nay)" in line else None)


# -- the seed --------------------------------------------------------------------------------------------
def test_nhiemvu_seed(seed):
    text = nhiemvu_text(seed, UNITS, "so tu phap", D(2024, 12, 1))
    lines = text.splitlines()
    # mục 1.a–g through its group, mục 2 (it was inspected), mục 3.a–b (it advises): a line a clause
    mine = applicable(seed, "Sở Tư pháp", UNITS.groups_of("Sở Tư pháp"))
    assert {o.section for o in mine} == {"mục 1.a", "mục 1.b", "mục 1.c", "mục 1.d", "mục 1.đ", "mục 1.e", "mục 1.g",
                                         "mục 2", "mục 3.a", "mục 3.b"}
    assert lines[0] == f"Nhiệm vụ của Sở Tư pháp ({len(mine)}), hạn gần nhất trước:"
    assert lines[1].startswith("1. Báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả khắc phục tồn tại, hạn chế")
    assert lines[1].endswith("15/12/2024 (còn 14 ngày). [mục 2]")
    assert "[mục 1.a; giao cho sở, ban, ngành tỉnh]" in text and "[mục 3.b]" in text
    assert lines[-1] == "Nguồn: Công văn V/v triển khai nhiệm vụ công tác CCHC 6 tháng cuối năm 2024."  # no number yet
    assert "15/12/2024 (quá hạn)" in nhiemvu_text(seed, UNITS, "Sở Tư pháp", D(2025, 1, 10))
    assert "15/12/2024 (hôm nay)" in nhiemvu_text(seed, UNITS, "STP", D(2024, 12, 15))
    kd = nhiemvu_text(seed, UNITS, "Kim Dong", D(2024, 12, 1))
    kd_own = applicable(seed, "UBND huyện Kim Động", UNITS.groups_of("UBND huyện Kim Động"))
    assert len({o.section for o in kd_own}) == 7  # mục 1.a–g through its group
    assert kd.startswith(f"Nhiệm vụ của UBND huyện Kim Động ({len(kd_own)})") and "15/12/2024" not in kd  # not inspected


def test_nhiemvu_names_that_are_not_one_unit(seed):
    today = D(2024, 12, 1)
    unknown = nhiemvu_text(seed, UNITS, "Khoai Trau", today)
    assert unknown.startswith("Không tìm thấy đơn vị “Khoai Trau”. Có phải: UBND huyện Khoái Châu")
    assert nhiemvu_text(seed, UNITS, "", today).startswith("Hãy ghi tên đơn vị")
    group = nhiemvu_text(seed, UNITS, "UBND các huyện", today)
    assert group.startswith("“UBND huyện, thị xã, thành phố” là một nhóm đơn vị (") and "UBND huyện Kim Động" in group
    assert group.endswith("Hãy ghi tên một đơn vị cụ thể.")
    n = len(applicable(seed, "Sở Tư pháp", UNITS.groups_of("Sở Tư pháp")))
    assert nhiemvu_text(seed, UNITS, "So Tu phat", today).startswith(
        f"(Hiểu “So Tu phat” là Sở Tư pháp.)\nNhiệm vụ của Sở Tư pháp ({n})")
    # a unit in the registry that the seed gives nothing to
    assert nhiemvu_text(seed, UNITS, "Công an tỉnh", today) == (
        "Không thấy nhiệm vụ nào giao cho Công an tỉnh trong các văn bản đang có.")


def test_hanchot_seed(seed):
    soon = hanchot_text(seed, D(2024, 12, 1))
    assert soon.startswith("Thời hạn trong 30 ngày tới (từ 01/12/2024):")
    assert "15/12/2024 (còn 14 ngày)" in soon and "Báo cáo UBND tỉnh (qua Sở Nội vụ)" in soon and "mục 2]" in soon
    assert soon.count("\n• ") == 1  # one duty, however many units it is given to
    # 30 days: 15/11 is the first day the deadline enters the window
    assert "15/12/2024" in hanchot_text(seed, D(2024, 11, 15))
    assert hanchot_text(seed, D(2024, 11, 14)).startswith(
        "Không có thời hạn nào trong 30 ngày tới (tính từ 14/11/2024)")
    later = D(2025, 11, 25)
    assert "Không có thời hạn nào trong 30 ngày tới" in hanchot_text(seed, later)
    every = hanchot_text(seed, later, "tatca")
    assert every.startswith("Mọi thời hạn trong các văn bản:") and "15/12/2024 (quá hạn)" in every
    assert every == hanchot_text(seed, later, "tất cả") == hanchot_text(seed, later, "Tat ca")


# -- a Kế hoạch with a task table ---------------------------------------------------------------------------
def test_nhiemvu_from_a_task_table(public):
    obs = public[KH_KHAO_SAT]
    text = nhiemvu_text(obs, UNITS, "Sở Nội vụ", D(2025, 5, 10))
    lines = text.splitlines()
    assert lines[0].startswith("Nhiệm vụ của Sở Nội vụ (")
    # the soonest: row 1 (it leads), due 31/5/2025 ("Tháng 5/2025")
    assert lines[1] == ("1. Xây dựng phiếu khảo sát, tài liệu hướng dẫn nghiệp vụ khảo sát, tháng 5/2025 "
                        "(còn 21 ngày). [Phụ lục, dòng 1]")
    # row 3: Sở Khoa học và Công nghệ leads, Sở Nội vụ cooperates — the line says so
    (row3,) = [x for x in lines if x.endswith("[Phụ lục, dòng 3]")]
    assert "Phối hợp với Sở Khoa học và Công nghệ: Xây dựng, tích hợp phiếu khảo sát trực tuyến" in row3
    # row 6 reaches it as a member of the cooperating group
    assert any(x.endswith("[Phụ lục, dòng 6; giao cho sở, ban, ngành tỉnh]") and "Phối hợp với Bưu điện tỉnh" in x
               for x in lines)
    # nearest first; the duty due 30 days after the results are published has no date yet: after the dated ones
    dated = [v for x in lines[1:] if (v := _left(x)) is not None]
    assert dated == sorted(dated) and dated[0] == 21 and dated[-1] == 235  # 31/12/2025, "Tháng 12/2025"
    relative = [i for i, x in enumerate(lines) if "trong 30 ngày kể từ ngày công bố kết quả" in x]
    assert relative and min(relative) > max(i for i, x in enumerate(lines) if _left(x) is not None)
    assert lines[-1].startswith("Nguồn: Kế hoạch Khảo sát, đo lường sự hài lòng")
    assert lines[-1].endswith(", số 68/KH-UBND.")


def test_hanchot_from_a_task_table(public):
    obs = public[KH_KHAO_SAT]
    text = hanchot_text(obs, D(2025, 5, 10))
    items = text.splitlines()[1:]
    # due by 09/6/2025: 25/5 (the text's mục IV.2 and row 2), 31/5 (rows 1, 3, 4)
    assert [x.split(" (")[0] for x in items] == ["• 25/5/2025"] * 2 + ["• 31/5/2025"] * 3
    assert "— Văn phòng UBND tỉnh: Trích xuất, cung cấp danh sách tổ chức, cá nhân đã giao dịch TTHC" in text
    assert "— Sở Khoa học và Công nghệ: Xây dựng, tích hợp phiếu khảo sát trực tuyến" in text
    # a row's cooperating units do not make a second line of it
    assert text.count("Phụ lục, dòng 1]") == 1 and "— Sở Nội vụ: Xây dựng phiếu khảo sát" in text


# -- recurring duties: their next concrete date -----------------------------------------------------------------
def test_recurring_duties_show_their_next_date(public):
    obs = public[CHI_THI]
    text = nhiemvu_text(obs, UNITS, "Sở Tư pháp", D(2025, 4, 5))
    lines = text.splitlines()
    # "báo cáo … trước ngày 20 hằng tháng" (mục 8, to every sở): next due 20/4/2025
    assert lines[1] == ("1. Báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả thực hiện, trước ngày 20 hằng tháng "
                        "(kỳ tới 20/4/2025, còn 15 ngày). [mục 8; giao cho sở, ban, ngành tỉnh]")
    assert lines[2].startswith("2. Rà soát, sửa đổi")
    assert lines[2].endswith("30/4/2025 (còn 25 ngày). [mục 1.b; giao cho sở, ban, ngành tỉnh]")
    # after the 20th, the next month's
    later = nhiemvu_text(obs, UNITS, "Sở Tư pháp", D(2025, 4, 21)).splitlines()
    assert later[1].startswith("1. Rà soát") and "(còn 9 ngày)" in later[1]
    assert "(kỳ tới 20/5/2025, còn 29 ngày)" in later[2]
    on_the_day = nhiemvu_text(obs, UNITS, "Sở Tư pháp", D(2025, 5, 20))
    assert "(kỳ tới 20/5/2025, hôm nay)" in on_the_day


def test_hanchot_lists_the_next_occurrences(public):
    obs = public[CHI_THI]
    text = hanchot_text(obs, D(2025, 4, 5))
    assert text.startswith("Thời hạn trong 30 ngày tới (từ 05/4/2025):")
    starts = [x.split(" — ")[0] for x in text.splitlines()[1:]]
    assert starts == [
        "• 05/4/2025 (hằng tháng, kỳ tới) (hôm nay)",  # mục 4.b, "trước ngày 05 hằng tháng"
        "• 10/4/2025 (còn 5 ngày)",  # mục 2.a
        "• 20/4/2025 (hằng tháng, kỳ tới) (còn 15 ngày)",  # mục 8, the units' reports
        "• 25/4/2025 (hằng tháng, kỳ tới) (còn 20 ngày)",  # mục 8, Sở Nội vụ's report
        "• 30/4/2025 (còn 25 ngày)",  # mục 1.b
    ]
    assert "— sở, ban, ngành tỉnh; UBND huyện, thị xã, thành phố: Báo cáo UBND tỉnh (qua Sở Nội vụ)" in text
    # /hanchot tatca: every date, then the schedules without a day ("hằng tháng", "6 tháng")
    every = hanchot_text(obs, D(2025, 4, 5), "tatca").splitlines()
    assert every[1].startswith("• 31/3/2025 (quá hạn) — Sở Khoa học và Công nghệ")
    undated = [x for x in every if x.startswith(("• Hằng tháng", "• 6 tháng"))]
    assert undated and every.index(undated[0]) > max(i for i, x in enumerate(every) if re.match(r"• \d\d/\d+/\d{4}", x))


def test_hanchot_on_a_day_of_hours(public):
    obs = public[HOA_TOC]
    text = hanchot_text(obs, D(2026, 3, 9))
    starts = [x.split(" — ")[0] for x in text.splitlines()[1:]]
    assert starts == ["• 09/3/2026 (hôm nay)"] * 3 + ["• 10/3/2026 (còn 1 ngày)"] * 3 + ["• 11/3/2026 (còn 2 ngày)"]
    assert "— Sở Y tế: Báo cáo UBND tỉnh (qua Văn phòng UBND tỉnh) trước 16 giờ 00 ngày 10/3/2026." in text
    assert "— UBND cấp xã: Báo cáo Sở Tư pháp" in text  # "Chủ tịch UBND các xã, phường …": one line for the group


# -- the Telegram length limit ----------------------------------------------------------------------------------
def test_long_lists_stay_under_the_telegram_limit(public):
    everything = [o for obs in public.values() for o in obs]
    today = D(2025, 5, 10)
    every = hanchot_text(everything, today, "tatca")
    assert len(every) <= TELEGRAM_LIMIT < 4096
    shown = [x for x in every.splitlines() if x.startswith("• ")]
    m = re.fullmatch(r"… và (\d+) mục nữa\.", every.splitlines()[-1])
    assert m, every.splitlines()[-1]
    assert len(shown) + int(m.group(1)) == len(deadlines(everything, today, include_all=True))
    nv = nhiemvu_text(everything, UNITS, "Sở Nội vụ", today)
    assert len(nv) <= TELEGRAM_LIMIT
    unit = UNITS.unit("Sở Nội vụ")
    assert unit is not None
    total = len(unit_duties(everything, unit, today))
    assert nv.startswith(f"Nhiệm vụ của Sở Nội vụ ({total}), hạn gần nhất trước:")
    m2 = re.fullmatch(r"… và (\d+) mục nữa\.", nv.splitlines()[-1])
    assert m2 and len(nv.splitlines()) - 2 + int(m2.group(1)) == total
    # several documents: each line names its document
    assert "[Kế hoạch 68/KH-UBND, Phụ lục, dòng 1]" in nv and "[Chỉ thị 05/CT-UBND, mục 8]" in nv


# -- ordering, on a document written here -------------------------------------------------------------------------
ORDERING = """Số: 30/KH-UBND

Hưng Yên, ngày 10 tháng 3 năm 2025

V/v thử

Kính gửi:

- Các sở.

**1. Sở Tư pháp:**

a) Rà soát văn bản quy phạm pháp luật.

b) Báo cáo UBND tỉnh kết quả rà soát trước ngày 30/6/2025.

c) Gửi báo cáo về Sở Nội vụ hằng quý.

d) Báo cáo UBND tỉnh kết quả tự kiểm tra trước ngày 15/4/2025.

đ) Báo cáo Chủ tịch UBND tỉnh việc sắp xếp trước ngày 01/3/2025.

e) Báo cáo Sở Nội vụ tình hình tuyển dụng trước ngày 10 hằng tháng.
"""


def test_ordering_nearest_deadline_first():
    doc = parse_markdown(ORDERING, "thu.md")
    assert isinstance(doc, AdminDocument)
    obs = extract_obligations(doc, UNITS)
    tp = UNITS.unit("Sở Tư pháp")
    assert tp is not None
    items = unit_duties(obs, tp, D(2025, 4, 1))
    # upcoming (the monthly report's next date is 10/4), overdue, a schedule without a day, no date
    assert [(i.obligation.section, i.status, i.days_left, i.due) for i in items] == [
        ("mục 1.e", "upcoming", 9, D(2025, 4, 10)),
        ("mục 1.d", "upcoming", 14, D(2025, 4, 15)),
        ("mục 1.b", "upcoming", 90, D(2025, 6, 30)),
        ("mục 1.đ", "overdue", -31, D(2025, 3, 1)),
        ("mục 1.c", "recurring", None, None),
        ("mục 1.a", "undated", None, None),
    ]
    window = deadlines(obs, D(2025, 4, 1))
    assert [(i.obligation.section, i.deadline) for i in window] == [
        ("mục 1.e", D(2025, 4, 10)), ("mục 1.d", D(2025, 4, 15))]
    every = deadlines(obs, D(2025, 4, 1), include_all=True)
    assert [(i.obligation.section, i.overdue) for i in every] == [
        ("mục 1.đ", True), ("mục 1.e", False), ("mục 1.d", False), ("mục 1.b", False), ("mục 1.c", False)]
