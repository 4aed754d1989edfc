"""Obligation extraction from the province directive and from a second directive written
here with other phrasing. Expected tables are written by hand from the documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from retrieval.directive import parse_directive
from retrieval.obligations import (
    applicable,
    extract_obligations,
    parse_deadline,
    parse_recurrence,
    parse_report,
    parse_responsible,
)
from retrieval.units import load_units

from conftest import DIRECTIVE, ROOT

UNITS = load_units(ROOT / "corpus" / "units.yaml")

SO_GROUP = "sở, ban, ngành tỉnh"
DVSN_GROUP = "đơn vị sự nghiệp công lập trực thuộc UBND tỉnh"
HUYEN_GROUP = "UBND huyện, thị xã, thành phố"

INSPECTED = [
    "Sở Giáo dục và Đào tạo",
    "Sở Tư pháp",
    "Sở Khoa học và Công nghệ",
    "Sở Giao thông vận tải",
    "Sở Thông tin và Truyền thông",
    "Sở Công Thương",
    "UBND huyện Yên Mỹ",
    "UBND huyện Khoái Châu",
    "UBND huyện Ân Thi",
    "UBND huyện Văn Lâm",
    "UBND thị xã Mỹ Hào",
]
ADVISORY = ["Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Thông tin và Truyền thông"]

# (section, group, units or None for "the group's members", recipient, via, deadline, deadline_text,
#  how the action starts)
EXPECTED = (
    [
        (f"mục 1.{p}", g, None, None, None, None, None, start)
        for p, start in [
            ("a", "Tiếp tục quán triệt, tổ chức thực hiện toàn diện"),
            ("b", "Triển khai thực hiện quyết liệt, đồng bộ, toàn diện"),
            ("c", "Tăng cường thanh tra, kiểm tra"),
            ("d", "Đẩy mạnh cải cách thể chế"),
            ("đ", "Tập trung chỉ đạo, lãnh đạo, điều hành"),
            ("e", "Tiếp tục thực hiện, hoàn thành đảm bảo chất lượng, đúng tiến độ 100%"),
            ("g", "Tăng cường thông tin truyền thông về CCHC"),
        ]
        for g in (SO_GROUP, DVSN_GROUP, HUYEN_GROUP)
    ]
    + [
        ("mục 2", None, INSPECTED, "UBND tỉnh", "Sở Nội vụ", dt.date(2024, 12, 15),
         "chậm nhất vào ngày 15/12/2024", "Tổ chức khắc phục ngay những tồn tại, hạn chế"),
        ("mục 3.a", None, ADVISORY, None, None, None, None, "Căn cứ kết quả công bố Chỉ số PAR INDEX"),
        ("mục 3.b", None, ADVISORY, None, None, None, None, "Chủ động triển khai thực hiện, theo dõi"),
    ]
)


@pytest.fixture(scope="module")
def directive():
    return parse_directive(DIRECTIVE.read_text(encoding="utf-8"), DIRECTIVE.name)


@pytest.fixture(scope="module")
def obligations(directive):
    return extract_obligations(directive, UNITS)


def test_every_obligation_of_the_province_directive(obligations):
    got = sorted(
        (o.section, o.group or "", tuple(o.units), o.recipient, o.via, o.deadline, o.deadline_text, o.action[:40])
        for o in obligations
    )
    want = sorted(
        (
            sec,
            g or "",
            tuple(units if units is not None else [u.name for u in UNITS.members(g)]),
            rec,
            via,
            dl,
            dlt,
            start[:40],
        )
        for sec, g, units, rec, via, dl, dlt, start in EXPECTED
    )
    assert [w[:2] for w in want] == [g[:2] for g in got]
    for w, g in zip(want, got):
        assert g[2:7] == w[2:7], g[0]
        assert g[7].startswith(w[7][:40]) or w[7].startswith(g[7]), (g[0], g[7])
    assert all(not o.unresolved for o in obligations)


def test_section_2_record_in_full(obligations):
    (o,) = [o for o in obligations if o.section == "mục 2"]
    assert o.kind == "report"
    assert o.units == INSPECTED  # in the order the heading lists them; "thị xã Mỹ Hòa" is Mỹ Hào
    assert o.group is None
    assert o.what == "kết quả khắc phục tồn tại, hạn chế"
    assert o.purpose == "tổng hợp chung phục vụ chấm điểm xác định Chỉ số PAR INDEX của tỉnh Hưng Yên năm 2024"
    assert o.label.startswith("Các đơn vị được kiểm tra theo Kế hoạch số 191/KH-UBND")
    assert o.chunk_id == "hung-yen-cchc-6-thang-cuoi-2024:muc-2"
    assert "chậm nhất vào ngày 15/12/2024" in o.text
    assert o.to_json()["deadline"] == "2024-12-15"
    assert o.to_json()["source"]["section"] == "mục 2"


def test_group_expansion_of_section_1(obligations):
    rows = [o for o in obligations if o.section == "mục 1.c"]
    by_group = {o.group: o.units for o in rows}
    assert set(by_group) == {SO_GROUP, DVSN_GROUP, HUYEN_GROUP}
    assert "Sở Tư pháp" in by_group[SO_GROUP] and "Văn phòng UBND tỉnh" in by_group[SO_GROUP]
    assert "UBND huyện Kim Động" not in by_group[SO_GROUP]
    assert sorted(by_group[HUYEN_GROUP]) == sorted(
        ["UBND thành phố Hưng Yên", "UBND thị xã Mỹ Hào", "UBND huyện Văn Lâm", "UBND huyện Văn Giang",
         "UBND huyện Yên Mỹ", "UBND huyện Khoái Châu", "UBND huyện Ân Thi", "UBND huyện Kim Động",
         "UBND huyện Phù Cừ", "UBND huyện Tiên Lữ"]
    )
    # a plain task has no recipient and no date, and never invents one
    assert all(o.recipient is None and o.deadline is None and o.kind == "task" for o in rows)


def test_duties_of_units(obligations):
    tp = UNITS.unit("Sở Tư pháp")
    assert tp is not None
    mine = applicable(obligations, tp.name, tp.groups)
    assert [o.section for o in mine] == [
        "mục 1.a", "mục 1.b", "mục 1.c", "mục 1.d", "mục 1.đ", "mục 1.e", "mục 1.g", "mục 2", "mục 3.a", "mục 3.b",
    ]
    kd = UNITS.unit("UBND huyện Kim Động")
    assert kd is not None
    kd_duties = applicable(obligations, kd.name, kd.groups)
    assert [o.section for o in kd_duties] == ["mục 1.a", "mục 1.b", "mục 1.c", "mục 1.d", "mục 1.đ", "mục 1.e", "mục 1.g"]
    assert all(o.group == HUYEN_GROUP for o in kd_duties)
    nv = UNITS.unit("Sở Nội vụ")
    assert nv is not None
    # Sở Nội vụ receives the section 2 reports; it is not one of the units that send them
    assert "mục 2" not in [o.section for o in applicable(obligations, nv.name, nv.groups)]


def test_heading_lists_are_read_with_their_prefixes():
    r = parse_responsible(
        "Các đơn vị được kiểm tra (các sở: Tư pháp, Y tế; UBND các huyện, thị xã: Văn Giang, thị xã Mỹ Hòa):", UNITS
    )
    assert r.units == ["Sở Tư pháp", "Sở Y tế", "UBND huyện Văn Giang", "UBND thị xã Mỹ Hào"]
    assert r.label == "Các đơn vị được kiểm tra"
    # a name the units file does not know is reported, not replaced by a guess
    r2 = parse_responsible("Các sở (các sở: Tư pháp, Ngoại giao hành tinh)", UNITS)
    assert r2.units == ["Sở Tư pháp"] and r2.unresolved == ["Ngoại giao hành tinh"]
    r3 = parse_responsible("Sở Tài chính, Sở Tư pháp:", UNITS)
    assert r3.units == ["Sở Tài chính", "Sở Tư pháp"] and not r3.groups
    r4 = parse_responsible("Tổ chức thực hiện", UNITS)
    assert r4.empty and r4.unresolved == ["Tổ chức thực hiện"]


@pytest.mark.parametrize(
    "text, date, phrase",
    [
        ("báo cáo chậm nhất vào ngày 15/12/2024 để tổng hợp", dt.date(2024, 12, 15), "chậm nhất vào ngày 15/12/2024"),
        ("hoàn thành trước ngày 30/6/2025.", dt.date(2025, 6, 30), "trước ngày 30/6/2025"),
        ("gửi trong tháng 12/2024", dt.date(2024, 12, 31), "trong tháng 12/2024"),
        ("gửi trong tháng 2/2024", dt.date(2024, 2, 29), "trong tháng 2/2024"),
        ("xong trước tháng 12/2024", dt.date(2024, 11, 30), "trước tháng 12/2024"),
        ("trong quý IV/2024", dt.date(2024, 12, 31), "trong quý IV/2024"),
        ("chậm nhất ngày 20 tháng 11 năm 2025", dt.date(2025, 11, 20), "chậm nhất ngày 20 tháng 11 năm 2025"),
        ("báo cáo hằng quý", None, "hằng quý"),
        ("định kỳ 6 tháng báo cáo", None, "định kỳ 6 tháng"),
        ("trước ngày 31/2/2025", None, "trước ngày 31/2/2025"),  # no such day: no date, never a guess
        ("giai đoạn 2021-2025; 6 tháng cuối năm 2024", None, None),
        ("Báo cáo số 145/BC-SNV ngày 04/5/2024 của Sở Nội vụ", None, None),
    ],
)
def test_parse_deadline(text, date, phrase):
    assert parse_deadline(text) == (date, phrase)


def test_date_without_year_takes_the_directive_year_only_forwards():
    assert parse_deadline("trước ngày 20/12", 2024, 8) == (dt.date(2024, 12, 20), "trước ngày 20/12")
    assert parse_deadline("trước ngày 20/01", 2024, 8) == (None, "trước ngày 20/01")
    assert parse_deadline("trước ngày 20/12") == (None, "trước ngày 20/12")


def test_recurrence():
    assert parse_recurrence("Định kỳ hằng quý, báo cáo") == "hằng quý"
    assert parse_recurrence("báo cáo hàng tháng") == "hằng tháng"
    assert parse_recurrence("định kỳ 6 tháng") == "6 tháng"
    assert parse_recurrence("6 tháng cuối năm 2024") is None


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả khắc phục tồn tại, hạn chế chậm nhất vào ngày 15/12/2024",
         ("UBND tỉnh", "Sở Nội vụ", "kết quả khắc phục tồn tại, hạn chế")),
        ("báo cáo UBND tỉnh qua Sở Nội vụ trước ngày 30/6/2025", ("UBND tỉnh", "Sở Nội vụ", "")),
        ("Gửi báo cáo về Sở Nội vụ định kỳ 6 tháng để tổng hợp", ("Sở Nội vụ", None, "")),
        ("báo cáo Chủ tịch UBND tỉnh tình hình thực hiện", ("Chủ tịch UBND tỉnh", None, "tình hình thực hiện")),
        ("trình UBND tỉnh trong tháng 4/2025", ("UBND tỉnh", None, "")),
        ("Báo cáo số 145/BC-SNV ngày 04/5/2024 của Sở Nội vụ", None),
        ("Chương trình hành động số 133/CTr-UBND", None),
    ],
)
def test_parse_report(sentence, expected):
    assert parse_report(sentence) == expected


SECOND = """UỶ BAN NHÂN DÂN TỈNH HƯNG YÊN

Số: 25/KH-UBND

Hưng Yên, ngày 15 tháng 3 năm 2025

KẾ HOẠCH

Đánh giá công tác cải cách hành chính năm 2025

Để nâng cao chất lượng công tác CCHC năm 2025, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

**1. Sở Nội vụ:**

a) Chủ trì xây dựng bộ tiêu chí đánh giá, trình UBND tỉnh trong tháng 4/2025.

b) Tổng hợp kết quả đánh giá của các cơ quan, đơn vị, báo cáo UBND tỉnh trước ngày 30/6/2025.

**2. UBND các huyện, thị xã, thành phố:**

Định kỳ hằng quý, báo cáo UBND tỉnh (qua Sở Nội vụ) tình hình thực hiện nhiệm vụ CCHC trên địa bàn.

**3. Sở Tài chính, Sở Tư pháp:**

a) Phối hợp với Sở Nội vụ thẩm định các tiêu chí thuộc lĩnh vực quản lý.

b) Gửi báo cáo về Sở Nội vụ định kỳ 6 tháng để tổng hợp.

**4. Các đơn vị thí điểm (các huyện: Kim Động, Phù Cừ; TP Hưng Yên):**

Hoàn thành thí điểm số hóa hồ sơ, báo cáo Chủ tịch UBND tỉnh chậm nhất ngày 20 tháng 11 năm 2025.

**5. Tổ chức thực hiện**

Trước ngày 15/5/2025, Sở Thông tin và Truyền thông hoàn thành nâng cấp Hệ thống thông tin giải quyết TTHC của tỉnh.

Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./.

**Nơi nhận:**

- Như trên;
- Lưu: VT.

**TM. ỦY BAN NHÂN DÂN  
KT. CHỦ TỊCH  
PHÓ CHỦ TỊCH**

**Nguyễn Văn A**
"""


def test_second_directive_with_other_phrasing():
    d = parse_directive(SECOND, "ke-hoach-danh-gia-2025.md")
    obs = extract_obligations(d, UNITS)
    districts = [u.name for u in UNITS.members(HUYEN_GROUP)]
    got = [
        (o.section, o.units, o.group, o.recipient, o.via, o.deadline, o.deadline_text, o.recurrence, o.kind)
        for o in obs
    ]
    assert got == [
        ("mục 1.a", ["Sở Nội vụ"], None, "UBND tỉnh", None, dt.date(2025, 4, 30), "trong tháng 4/2025", None, "report"),
        ("mục 1.b", ["Sở Nội vụ"], None, "UBND tỉnh", None, dt.date(2025, 6, 30), "trước ngày 30/6/2025", None, "report"),
        ("mục 2", districts, HUYEN_GROUP, "UBND tỉnh", "Sở Nội vụ", None, "Định kỳ hằng quý", "hằng quý", "report"),
        ("mục 3.a", ["Sở Tài chính", "Sở Tư pháp"], None, None, None, None, None, None, "task"),
        ("mục 3.b", ["Sở Tài chính", "Sở Tư pháp"], None, "Sở Nội vụ", None, None, "định kỳ 6 tháng", "6 tháng", "report"),
        ("mục 4", ["UBND huyện Kim Động", "UBND huyện Phù Cừ", "UBND thành phố Hưng Yên"], None,
         "Chủ tịch UBND tỉnh", None, dt.date(2025, 11, 20), "chậm nhất ngày 20 tháng 11 năm 2025", None, "report"),
        ("mục 5", ["Sở Thông tin và Truyền thông"], None, None, None, dt.date(2025, 5, 15), "Trước ngày 15/5/2025",
         None, "deadline"),
    ]
    (o3b,) = [o for o in obs if o.section == "mục 3.b"]
    assert o3b.purpose == "tổng hợp"
    assert all(o.doc_number == "25/KH-UBND" for o in obs)


def test_extraction_without_a_units_file_still_finds_the_report_but_names_no_unit(directive):
    from retrieval.units import Units

    obs = extract_obligations(directive, Units.empty())
    assert [o.section for o in obs] == ["mục 2"]
    assert obs[0].units == [] and obs[0].recipient == "UBND tỉnh" and obs[0].deadline == dt.date(2024, 12, 15)
    assert obs[0].unresolved  # every listed name is reported as not found


def test_keys_are_stable_and_distinct(obligations, directive):
    again = extract_obligations(directive, UNITS)
    assert [o.key for o in obligations] == [o.key for o in again]
    assert len({o.key for o in obligations}) == len(obligations)


def test_units_file_is_what_the_default_uses():
    assert Path(UNITS.units[0].name)  # loaded
    assert load_units() is load_units()  # cached per file version
