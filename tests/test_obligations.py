"""Duties extracted from documents: the province directive (corpus/), a second document
written here with other phrasing, and each of the seven public documents of other forms
(../shared/corpus/directives: Chỉ thị, Kế hoạch with a task table, Kế hoạch as .docx,
hỏa tốc công văn as PDF, Quyết định with its Quy chế, Thông báo kết luận, Báo cáo).

Every expected value is written by hand from the document's text: who (a unit, or the group
it is reached through), role (chủ trì / phối hợp / thực hiện / báo cáo / chỉ đạo / tham mưu),
to whom and via whom, by when (date, schedule or relative limit) and where it is written."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DIRECTIVE, EVAL, ROOT, SHARED, need_shared, run_cli

from retrieval.documents.ingest import load_document, parse_markdown
from retrieval.documents.model import AdminDocument
from retrieval.facts.deadlines import Recurrence, Relative
from retrieval.facts.obligations import Obligation, applicable, extract_obligations, parse_report, parse_responsible
from retrieval.facts.units import Units, load_units

UNITS = load_units(ROOT / "corpus" / "units.yaml")
DIRS = SHARED / "corpus" / "directives"
D = dt.date

SO = "sở, ban, ngành tỉnh"
DVSN = "đơn vị sự nghiệp công lập trực thuộc UBND tỉnh"
HUYEN = "UBND huyện, thị xã, thành phố"
XA = "UBND cấp xã"
NGANH_DOC = "cơ quan Trung ương đóng trên địa bàn tỉnh"
TTPVHCC = "Trung tâm Phục vụ hành chính công tỉnh"

# the ten district-level units the seed's group means (Hưng Yên before 01/7/2025)
DISTRICTS = ["UBND thành phố Hưng Yên", "UBND thị xã Mỹ Hào", "UBND huyện Văn Lâm", "UBND huyện Văn Giang",
             "UBND huyện Yên Mỹ", "UBND huyện Khoái Châu", "UBND huyện Ân Thi", "UBND huyện Kim Động",
             "UBND huyện Phù Cừ", "UBND huyện Tiên Lữ"]


def _load(path: Path) -> AdminDocument:
    need_shared(path)
    doc = load_document(path)
    assert isinstance(doc, AdminDocument)
    return doc


# -- one parse per document per module ------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_doc() -> AdminDocument:
    doc = load_document(DIRECTIVE)
    assert isinstance(doc, AdminDocument)
    return doc


@pytest.fixture(scope="module")
def seed(seed_doc) -> list[Obligation]:
    return extract_obligations(seed_doc, UNITS)


_PUBLIC: dict[str, tuple[AdminDocument, list[Obligation]]] = {}


@pytest.fixture(scope="module")
def public():
    """name -> (document, its duties), each public document parsed once for the module."""

    def get(name: str) -> tuple[AdminDocument, list[Obligation]]:
        if name not in _PUBLIC:
            doc = _load(DIRS / name)
            _PUBLIC[name] = (doc, extract_obligations(doc, UNITS))
        return _PUBLIC[name]

    yield get
    _PUBLIC.clear()


# -- a hand-written duty and how a record is matched against it -------------------------------------
@dataclass(frozen=True)
class Duty:
    """One duty as the document states it. `words` are words of the duty as written (they must
    be in the record's action); every other field must equal the record's exactly (None: the
    record has none). `lead`/`cooperating` list the partners the record names."""

    unit: str  # a unit the record gives the duty to (canonical name)
    section: str  # citation: "mục 2.a", "khoản 1 Điều 6", "Phụ lục, dòng 4"
    role: str  # one of the record's roles
    words: tuple[str, ...]
    recipient: str | None = None
    via: str | None = None
    deadline: dt.date | None = None
    deadline_text: str | None = None
    recurrence: str | None = None
    rule: Recurrence | None = None
    relative: Relative | None = None
    time: str | None = None
    start: dt.date | None = None
    group: str | None = None  # the group it reaches the unit through (None: named directly)
    lead: tuple[str, ...] = ()
    cooperating: tuple[str, ...] = ()


def _fields(o: Obligation) -> dict[str, object]:
    return dict(recipient=o.recipient, via=o.via, deadline=o.deadline, deadline_text=o.deadline_text,
                recurrence=o.recurrence, rule=o.rule, relative=o.relative, time=o.time, start=o.start,
                group=o.group, lead=tuple(o.lead), cooperating=tuple(o.cooperating))


def _sections(obligations: list[Obligation]) -> list[str]:
    return list(dict.fromkeys(o.section for o in obligations))


def _check(obligations: list[Obligation], want: Duty) -> Obligation:
    cands = [o for o in obligations if want.unit in o.units and o.section == want.section
             and all(w in o.action for w in want.words)]
    assert cands, f"no duty of {want.unit} in {want.section} with {want.words}: " + "; ".join(
        f"{o.section} {o.units[:3]} {o.action[:60]!r}" for o in obligations if want.unit in o.units)
    expected = {k: getattr(want, k) for k in _fields(cands[0])}
    for o in cands:
        if want.role in o.roles and _fields(o) == expected:
            return o
    raise AssertionError(f"{want.unit} {want.section} {want.words}: expected {want.role} {expected}, got "
                         + " | ".join(f"{o.roles} {_fields(o)}" for o in cands))


# == the seed: a công văn whose number is left blank ====================================================
# mục 2's heading lists the inspected units by short names; "Giao thông vận tải" and "Thông tin
# và Truyền thông" are former departments (now Sở Xây dựng and Sở Khoa học và Công nghệ, which
# is listed already); "thị xã Mỹ Hòa" is the misspelt Mỹ Hào.
INSPECTED = ["Sở Giáo dục và Đào tạo", "Sở Tư pháp", "Sở Khoa học và Công nghệ", "Sở Xây dựng", "Sở Công Thương",
             "UBND huyện Yên Mỹ", "UBND huyện Khoái Châu", "UBND huyện Ân Thi", "UBND huyện Văn Lâm",
             "UBND thị xã Mỹ Hào"]
# mục 3: "(Văn phòng UBND tỉnh, Nội vụ, Tài chính, Tư pháp, Thông tin và Truyền thông)"
ADVISORY = ["Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Khoa học và Công nghệ"]

# (section, group, units or None for "the group's members", recipient, via, deadline, deadline_text,
#  roles, how the action starts)
SEED = (
    [
        (f"mục 1.{p}", g, None, None, None, None, None, roles, start)
        for p, roles, start in [
            ("a", ["thực hiện"], "Tiếp tục quán triệt, tổ chức thực hiện toàn diện"),
            ("b", ["thực hiện"], "Triển khai thực hiện quyết liệt, đồng bộ, toàn diện"),
            ("c", ["thực hiện"], "Tăng cường thanh tra, kiểm tra"),
            ("d", ["thực hiện"], "Đẩy mạnh cải cách thể chế"),
            ("đ", ["chỉ đạo"], "Tập trung chỉ đạo, lãnh đạo, điều hành"),
            ("e", ["thực hiện"], "Tiếp tục thực hiện, hoàn thành đảm bảo chất lượng, đúng tiến độ 100%"),
            ("g", ["thực hiện"], "Tăng cường thông tin truyền thông về CCHC"),
        ]
        for g in (SO, DVSN, HUYEN)
    ]
    + [
        ("mục 2", None, INSPECTED, "UBND tỉnh", "Sở Nội vụ", D(2024, 12, 15), "chậm nhất vào ngày 15/12/2024",
         ["báo cáo"], "Tổ chức khắc phục ngay những tồn tại, hạn chế"),
        ("mục 3.a", None, ADVISORY, None, None, None, None, ["thực hiện"], "Căn cứ kết quả công bố Chỉ số PAR INDEX"),
        ("mục 3.b", None, ADVISORY, None, None, None, None, ["thực hiện"], "Chủ động triển khai thực hiện, theo dõi"),
    ]
)


def test_every_duty_of_the_seed(seed):
    """Each item's duties, clause by clause: the item's first duty is the one written above,
    the item's other clauses are duties of the same units (nothing else is given to anyone)."""
    first: dict[tuple[str, str], Obligation] = {}
    for o in seed:
        first.setdefault((o.section, o.group or ""), o)
    want = {(sec, g or ""): (tuple(units if units is not None else [u.name for u in UNITS.members(g or "")]),
                             rec, via, dl, dlt, roles, start)
            for sec, g, units, rec, via, dl, dlt, roles, start in SEED}
    assert sorted(first) == sorted(want)
    for k, (units, rec, via, dl, dlt, roles, start) in want.items():
        o = first[k]
        assert (tuple(o.units), o.recipient, o.via, o.deadline, o.deadline_text, o.roles) == \
            (units, rec, via, dl, dlt, roles), k
        assert o.action.startswith(start), (k, o.action[:80])
    # the other clauses of an item: the same units, each its own duty
    for o in seed:
        assert tuple(o.units) == want[(o.section, o.group or "")][0]
    assert len({(o.section, o.group, o.action) for o in seed}) == len(seed)
    assert all(not o.unresolved for o in seed)
    assert all(o.doc_number == "/UBND-NC" and o.doc_type == "Công văn" for o in seed)


def test_section_2_record_in_full(seed):
    (o,) = [o for o in seed if o.section == "mục 2"]
    assert o.kind == "report"
    assert o.units == INSPECTED  # in the order the heading lists them
    assert o.group is None and o.basis == "direct"
    assert o.what == "kết quả khắc phục tồn tại, hạn chế"
    assert o.purpose == "tổng hợp chung phục vụ chấm điểm xác định Chỉ số PAR INDEX của tỉnh Hưng Yên năm 2024"
    assert o.label.startswith("Các đơn vị được kiểm tra theo Kế hoạch số 191/KH-UBND")
    assert o.chunk_id == "hung-yen-cchc-6-thang-cuoi-2024:muc-2"
    assert "chậm nhất vào ngày 15/12/2024" in o.text
    row = o.to_json()
    assert row["deadline"] == "2024-12-15" and row["roles"] == ["báo cáo"] and row["rule"] is None
    assert row["source"] == {"doc_title": o.doc_title, "doc_number": "/UBND-NC", "section": "mục 2", "text": o.text}


def test_group_expansion_of_section_1(seed):
    rows = [o for o in seed if o.section == "mục 1.c"]
    by_group = {o.group: o.units for o in rows}
    assert set(by_group) == {SO, DVSN, HUYEN}
    assert "Sở Tư pháp" in by_group[SO] and "Văn phòng UBND tỉnh" in by_group[SO]
    assert "UBND huyện Kim Động" not in by_group[SO]
    assert sorted(by_group[HUYEN]) == sorted(DISTRICTS)
    assert all(o.basis == f"group: {o.group}" for o in rows)
    # a plain task has no recipient and no date, and never invents one
    assert all(o.recipient is None and o.deadline is None and o.rule is None and o.kind == "task" for o in rows)


def test_duties_of_units_in_the_seed(seed):
    tp = UNITS.unit("Sở Tư pháp")
    assert tp is not None
    # an item's clauses are duties of their own: the sections, in order, once each
    assert _sections(applicable(seed, tp.name, tp.groups)) == [
        "mục 1.a", "mục 1.b", "mục 1.c", "mục 1.d", "mục 1.đ", "mục 1.e", "mục 1.g", "mục 2", "mục 3.a", "mục 3.b"]
    kd = UNITS.unit("UBND huyện Kim Động")
    assert kd is not None
    kd_duties = applicable(seed, kd.name, kd.groups)
    assert _sections(kd_duties) == [
        "mục 1.a", "mục 1.b", "mục 1.c", "mục 1.d", "mục 1.đ", "mục 1.e", "mục 1.g"]
    assert all(o.group == HUYEN for o in kd_duties)
    nv = UNITS.unit("Sở Nội vụ")
    assert nv is not None
    # Sở Nội vụ receives the section 2 reports; it is not one of the units that send them
    assert "mục 2" not in [o.section for o in applicable(seed, nv.name, nv.groups)]


def test_seed_without_a_units_file_keeps_every_name_as_written(seed_doc):
    obs = extract_obligations(seed_doc, Units.empty())
    assert _sections(obs) == ["mục 2", "mục 3.a", "mục 3.b"]  # groups need the registry
    s2 = obs[0]
    assert s2.recipient == "UBND tỉnh" and s2.via == "Sở Nội vụ" and s2.deadline == D(2024, 12, 15)
    # nothing dropped, nothing guessed: the department short names stay as the heading writes them, with
    # the kind its list gives them ("các sở: …, Tư pháp; Khoa học và Công nghệ, …")
    for name in ("Tư pháp", "Giao thông vận tải", "Thông tin và Truyền thông", "Công Thương"):
        assert f"Sở {name}" in s2.units and f"Sở {name}" in s2.unresolved
    assert "UBND huyện Khoái Châu" in s2.units  # "UBND các huyện, thị xã: …, Khoái Châu" names its kind
    assert obs[1].units == ["Văn phòng UBND tỉnh", "Nội vụ", "Tài chính", "Tư pháp", "Thông tin và Truyền thông"]


def test_keys_are_stable_and_distinct(seed, seed_doc):
    again = extract_obligations(seed_doc, UNITS)
    assert [o.key for o in seed] == [o.key for o in again]
    assert len({o.key for o in seed}) == len(seed)


# == helpers read on their own ==========================================================================
def test_heading_lists_are_read_with_their_prefixes():
    r = parse_responsible(
        "Các đơn vị được kiểm tra (các sở: Tư pháp, Y tế; UBND các huyện, thị xã: Văn Giang, thị xã Mỹ Hòa):", UNITS)
    assert r.units == ["Sở Tư pháp", "Sở Y tế", "UBND huyện Văn Giang", "UBND thị xã Mỹ Hào"]
    assert r.label == "Các đơn vị được kiểm tra" and not r.groups
    # a name the units file does not know is kept as written, with its kind, and reported, never replaced
    # by a guess
    r2 = parse_responsible("Các sở (các sở: Tư pháp, Ngoại giao hành tinh)", UNITS)
    assert r2.units == ["Sở Tư pháp", "Sở Ngoại giao hành tinh"] and r2.unresolved == ["Sở Ngoại giao hành tinh"]
    r3 = parse_responsible("Sở Tài chính, Sở Tư pháp:", UNITS)
    assert r3.units == ["Sở Tài chính", "Sở Tư pháp"] and not r3.groups
    r4 = parse_responsible("Các sở, ban, ngành tỉnh; UBND các xã, phường", UNITS)
    assert r4.groups == [SO, XA] and not r4.units
    r5 = parse_responsible("Tổ chức thực hiện", UNITS)  # a heading that names nobody
    assert not r5.units and not r5.groups and r5.unresolved == ["Tổ chức thực hiện"]


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả khắc phục tồn tại, hạn chế chậm nhất vào ngày 15/12/2024",
         ("UBND tỉnh", "Sở Nội vụ", "kết quả khắc phục tồn tại, hạn chế")),
        ("báo cáo UBND tỉnh qua Sở Nội vụ trước ngày 30/6/2025", ("UBND tỉnh", "Sở Nội vụ", "")),
        ("Gửi báo cáo về Sở Nội vụ định kỳ 6 tháng để tổng hợp", ("Sở Nội vụ", None, "")),
        ("gửi báo cáo kết quả CCHC quý II/2026 về UBND tỉnh (qua Sở Nội vụ) chậm nhất ngày 16/6/2026",
         ("UBND tỉnh", "Sở Nội vụ", "kết quả CCHC quý II/2026")),
        ("báo cáo Chủ tịch UBND tỉnh tình hình thực hiện", ("Chủ tịch UBND tỉnh", None, "tình hình thực hiện")),
        ("trình UBND tỉnh trong tháng 4/2025", ("UBND tỉnh", None, "")),
        ("cung cấp cho Sở Tư pháp, Sở Y tế ngay trong ngày 09/3/2026", ("Sở Tư pháp, Sở Y tế", None, "")),
        ("gửi UBND tỉnh (qua Trung tâm Phục vụ hành chính công tỉnh) trước ngày 25 của tháng cuối quý",
         ("UBND tỉnh", TTPVHCC, "")),
        ("báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Nội vụ) trước ngày 20 hằng tháng",
         ("UBND tỉnh", "Sở Nội vụ", "kết quả thực hiện")),
        ("nếu không thực hiện được phải báo cáo UBND tỉnh", ("UBND tỉnh", None, "")),
        # a prohibition is no report: "không đùn đẩy, chuyển việc … lên UBND tỉnh" (Chỉ thị 05, mục 1.e)
        ("không đùn đẩy, chuyển việc thuộc thẩm quyền lên UBND tỉnh", None),
        ("Báo cáo số 145/BC-SNV ngày 04/5/2024 của Sở Nội vụ", None),
        ("Chương trình hành động số 133/CTr-UBND", None),
    ],
)
def test_parse_report(clause, expected):
    assert parse_report(clause, UNITS) == expected


# == a second document written here, with other phrasing ================================================
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


def test_second_document_with_other_phrasing():
    d = parse_markdown(SECOND, "ke-hoach-danh-gia-2025.md")
    assert isinstance(d, AdminDocument)
    obs = extract_obligations(d, UNITS)
    # a group's members in the registry's order (the order of its data, not of any document)
    got = [(o.section, sorted(o.units) if o.group else o.units, o.group, o.roles, o.recipient, o.via, o.deadline,
            o.deadline_text, o.recurrence, o.kind) for o in obs]
    assert got == [
        ("mục 1.a", ["Sở Nội vụ"], None, ["chủ trì", "báo cáo"], "UBND tỉnh", None, D(2025, 4, 30),
         "trong tháng 4/2025", None, "report"),
        ("mục 1.b", ["Sở Nội vụ"], None, ["báo cáo"], "UBND tỉnh", None, D(2025, 6, 30), "trước ngày 30/6/2025",
         None, "report"),
        ("mục 2", sorted(DISTRICTS), HUYEN, ["báo cáo"], "UBND tỉnh", "Sở Nội vụ", None, "Định kỳ hằng quý", "hằng quý",
         "report"),
        # Tài chính and Tư pháp cooperate with Sở Nội vụ: what Sở Nội vụ does is not said here
        ("mục 3.a", ["Sở Tài chính", "Sở Tư pháp"], None, ["phối hợp"], None, None, None, None, None, "task"),
        ("mục 3.b", ["Sở Tài chính", "Sở Tư pháp"], None, ["báo cáo"], "Sở Nội vụ", None, None, "định kỳ 6 tháng",
         "6 tháng", "report"),
        ("mục 4", ["UBND huyện Kim Động", "UBND huyện Phù Cừ", "UBND thành phố Hưng Yên"], None, ["báo cáo"],
         "Chủ tịch UBND tỉnh", None, D(2025, 11, 20), "chậm nhất ngày 20 tháng 11 năm 2025", None, "report"),
        # the former Sở Thông tin và Truyền thông is now Sở Khoa học và Công nghệ
        ("mục 5", ["Sở Khoa học và Công nghệ"], None, ["thực hiện"], None, None, D(2025, 5, 15), "Trước ngày 15/5/2025",
         None, "deadline"),
    ]
    (o3a,) = [o for o in obs if o.section == "mục 3.a"]
    assert o3a.cooperating == ["Sở Nội vụ"] and o3a.lead == []
    (o3b,) = [o for o in obs if o.section == "mục 3.b"]
    assert o3b.purpose == "tổng hợp"
    # a schedule without a day has no date to compute
    (o2,) = [o for o in obs if o.section == "mục 2"]
    assert o2.rule == Recurrence("quarter", "hằng quý") and o2.next_deadlines(D(2025, 4, 1)) == []
    assert all(o.doc_number == "25/KH-UBND" and o.doc_type == "Kế hoạch" for o in obs)


# == the seven public documents, each with a few duties written by hand ===============================
CHI_THI = "chi-thi-ky-luat-ky-cuong-2025.md"  # Chỉ thị 05/CT-UBND, 17/3/2025
KH_KHAO_SAT = "ke-hoach-khao-sat-hai-long-2025.md"  # Kế hoạch 68/KH-UBND, 15/4/2025, with a task table
KH_DAO_TAO = "ke-hoach-dao-tao-boi-duong-2026.docx"  # Kế hoạch 27/KH-UBND, 12/02/2026 (.docx)
HOA_TOC = "cong-van-hoa-toc-2026.pdf"  # Công văn 1456/UBND-KGVX, hỏa tốc, 09/3/2026 (PDF)
QUY_CHE = "quyet-dinh-ban-hanh-quy-che-2025.md"  # Quyết định 1875/QĐ-UBND and its Quy chế, 28/8/2025
THONG_BAO = "thong-bao-ket-luan-pho-chu-tich-2025.md"  # Thông báo 142/TB-VP, 24/9/2025
BAO_CAO = "bao-cao-ket-qua-cchc-quy-i-2026.md"  # Báo cáo 58/BC-UBND, 23/3/2026

MONTHLY = "hằng tháng"

EXPECTED: dict[str, tuple[str, list[Duty]]] = {
    CHI_THI: ("05/CT-UBND", [
        # "1. Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thị xã, thành phố:" b) …
        Duty("Sở Tư pháp", "mục 1.b", "thực hiện", ("Rà soát", "quy chế làm việc"), deadline=D(2025, 4, 30),
             deadline_text="trước ngày 30/4/2025", group=SO),
        Duty("UBND huyện Kim Động", "mục 1.b", "thực hiện", ("Rà soát", "quy chế làm việc"), deadline=D(2025, 4, 30),
             deadline_text="trước ngày 30/4/2025", group=HUYEN),
        Duty("Sở Y tế", "mục 1.e", "báo cáo", ("vượt thẩm quyền",), recipient="UBND tỉnh", group=SO),
        # "2. Sở Nội vụ: a) Chủ trì, phối hợp với Thanh tra tỉnh, Văn phòng UBND tỉnh xây dựng Kế hoạch kiểm tra
        # đột xuất …, trình UBND tỉnh trước ngày 10/4/2025"
        Duty("Sở Nội vụ", "mục 2.a", "chủ trì", ("Kế hoạch kiểm tra đột xuất", "trình UBND tỉnh"),
             recipient="UBND tỉnh", deadline=D(2025, 4, 10), deadline_text="trước ngày 10/4/2025",
             cooperating=("Thanh tra tỉnh", "Văn phòng UBND tỉnh")),
        Duty("Thanh tra tỉnh", "mục 2.a", "phối hợp", ("Kế hoạch kiểm tra đột xuất",), deadline=D(2025, 4, 10),
             deadline_text="trước ngày 10/4/2025", lead=("Sở Nội vụ",)),
        Duty("Sở Nội vụ", "mục 2.a", "chủ trì", ("tối thiểu 12 cơ quan",), deadline=D(2025, 12, 31),
             deadline_text="trong năm 2025", cooperating=("Thanh tra tỉnh", "Văn phòng UBND tỉnh")),
        # "3. Thanh tra tỉnh: … Định kỳ 6 tháng, báo cáo Chủ tịch UBND tỉnh kết quả thanh tra công vụ trước ngày
        # 15/6/2025 và trước ngày 15/12/2025."
        Duty("Thanh tra tỉnh", "mục 3", "báo cáo", ("báo cáo Chủ tịch UBND tỉnh kết quả thanh tra công vụ",),
             recipient="Chủ tịch UBND tỉnh", deadline=D(2025, 6, 15), deadline_text="trước ngày 15/6/2025"),
        Duty("Thanh tra tỉnh", "mục 3", "báo cáo", ("báo cáo Chủ tịch UBND tỉnh kết quả thanh tra công vụ",),
             recipient="Chủ tịch UBND tỉnh", deadline=D(2025, 12, 15), deadline_text="trước ngày 15/12/2025"),
        Duty("Thanh tra tỉnh", "mục 3", "báo cáo", ("kết quả thanh tra công vụ",), recipient="Chủ tịch UBND tỉnh",
             deadline_text="Định kỳ 6 tháng", recurrence="6 tháng", rule=Recurrence("half-year", "6 tháng")),
        # "4. Văn phòng UBND tỉnh: a) … hằng tháng báo cáo Chủ tịch UBND tỉnh danh sách nhiệm vụ quá hạn …"
        Duty("Văn phòng UBND tỉnh", "mục 4.a", "báo cáo", ("nhiệm vụ quá hạn",), recipient="Chủ tịch UBND tỉnh",
             deadline_text=MONTHLY, recurrence=MONTHLY, rule=Recurrence("month", MONTHLY)),
        # "b) Chỉ đạo Trung tâm … công khai tỷ lệ hồ sơ TTHC quá hạn … trước ngày 05 hằng tháng."
        Duty("Văn phòng UBND tỉnh", "mục 4.b", "chỉ đạo", ("công khai tỷ lệ hồ sơ TTHC quá hạn",),
             deadline_text="trước ngày 05 hằng tháng", recurrence=MONTHLY, rule=Recurrence("month", MONTHLY, 5)),
        Duty("Sở Khoa học và Công nghệ", "mục 5", "thực hiện", ("chữ ký số",), deadline=D(2025, 3, 31),
             deadline_text="trước ngày 31/3/2025"),
        Duty("Đài Phát thanh và Truyền hình tỉnh", "mục 6", "thực hiện", ("biểu dương",), deadline_text="kịp thời"),
        Duty("UBND huyện Khoái Châu", "mục 7", "chỉ đạo", ("UBND các xã, phường, thị trấn",), group=HUYEN),
        # "8. … báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Nội vụ) trước ngày 20 hằng tháng. Sở Nội vụ tổng
        # hợp, báo cáo Chủ tịch UBND tỉnh trước ngày 25 hằng tháng; tham mưu sơ kết … trong tháng 7/2025."
        Duty("Sở Y tế", "mục 8", "báo cáo", ("kết quả thực hiện",), recipient="UBND tỉnh", via="Sở Nội vụ",
             deadline_text="trước ngày 20 hằng tháng", recurrence=MONTHLY, rule=Recurrence("month", MONTHLY, 20),
             group=SO),
        Duty("UBND huyện Phù Cừ", "mục 8", "báo cáo", ("kết quả thực hiện",), recipient="UBND tỉnh", via="Sở Nội vụ",
             deadline_text="trước ngày 20 hằng tháng", recurrence=MONTHLY, rule=Recurrence("month", MONTHLY, 20),
             group=HUYEN),
        Duty("Sở Nội vụ", "mục 8", "báo cáo", ("Sở Nội vụ tổng hợp",), recipient="Chủ tịch UBND tỉnh",
             deadline_text="trước ngày 25 hằng tháng", recurrence=MONTHLY, rule=Recurrence("month", MONTHLY, 25)),
        Duty("Sở Nội vụ", "mục 8", "tham mưu", ("sơ kết 6 tháng",), deadline=D(2025, 7, 31),
             deadline_text="trong tháng 7/2025"),
    ]),
    KH_KHAO_SAT: ("68/KH-UBND", [
        # the task table (Phụ lục): lead column, cooperating column, time column
        Duty("Sở Nội vụ", "Phụ lục, dòng 1", "chủ trì", ("Xây dựng phiếu khảo sát",), deadline=D(2025, 5, 31),
             deadline_text="Tháng 5/2025", cooperating=("Văn phòng UBND tỉnh",)),
        Duty("Văn phòng UBND tỉnh", "Phụ lục, dòng 1", "phối hợp", ("Xây dựng phiếu khảo sát",),
             deadline=D(2025, 5, 31), deadline_text="Tháng 5/2025", lead=("Sở Nội vụ",)),
        Duty("Văn phòng UBND tỉnh", "Phụ lục, dòng 2", "chủ trì", ("danh sách tổ chức, cá nhân",),
             deadline=D(2025, 5, 25), deadline_text="Trước 25/5/2025", cooperating=(HUYEN,)),
        Duty("UBND huyện Tiên Lữ", "Phụ lục, dòng 2", "phối hợp", ("danh sách tổ chức, cá nhân",),
             deadline=D(2025, 5, 25), deadline_text="Trước 25/5/2025", group=HUYEN, lead=("Văn phòng UBND tỉnh",)),
        Duty("Bưu điện tỉnh", "Phụ lục, dòng 6", "chủ trì", ("Phát, thu phiếu",), deadline=D(2025, 9, 30),
             deadline_text="Từ 01/6 đến 30/9/2025", start=D(2025, 6, 1), cooperating=(SO, HUYEN)),
        Duty("Sở Y tế", "Phụ lục, dòng 6", "phối hợp", ("Phát, thu phiếu",), deadline=D(2025, 9, 30),
             deadline_text="Từ 01/6 đến 30/9/2025", start=D(2025, 6, 1), group=SO, lead=("Bưu điện tỉnh",)),
        Duty("Sở Nội vụ", "Phụ lục, dòng 7", "chủ trì", ("Kiểm tra, giám sát",), deadline=D(2025, 9, 30),
             deadline_text="Quý III/2025", cooperating=("Thanh tra tỉnh",)),
        Duty("Sở Nội vụ", "Phụ lục, dòng 8", "báo cáo", ("báo cáo UBND tỉnh kết quả khảo sát",), recipient="UBND tỉnh",
             deadline=D(2025, 11, 15), deadline_text="Trước 15/11/2025", cooperating=("Sở Khoa học và Công nghệ",)),
        Duty("Sở Tư pháp", "Phụ lục, dòng 10", "chủ trì", ("kế hoạch khắc phục",),
             deadline_text="Trong 30 ngày kể từ ngày công bố kết quả",
             relative=Relative(30, "ngày", "ngày công bố kết quả"), group=SO, cooperating=("Sở Nội vụ",)),
        Duty("Sở Nội vụ", "Phụ lục, dòng 10", "phối hợp", ("kế hoạch khắc phục",),
             deadline_text="Trong 30 ngày kể từ ngày công bố kết quả",
             relative=Relative(30, "ngày", "ngày công bố kết quả"), lead=(SO, HUYEN)),
        # the text: "1. Sở Nội vụ – … phối hợp với Bưu điện tỉnh tập huấn cho điều tra viên."
        Duty("Bưu điện tỉnh", "mục IV.1", "phối hợp", ("tập huấn cho điều tra viên",), lead=("Sở Nội vụ",)),
        Duty("Sở Nội vụ", "mục IV.1", "báo cáo", ("tổng hợp, phân tích kết quả",), recipient="UBND tỉnh",
             deadline=D(2025, 11, 15), deadline_text="trước ngày 15/11/2025"),
        Duty("Văn phòng UBND tỉnh", "mục IV.2", "chỉ đạo", ("trích xuất danh sách",), recipient="Sở Nội vụ",
             deadline=D(2025, 5, 25), deadline_text="trước ngày 25/5/2025"),
        Duty("Sở Tài chính", "mục IV.4", "tham mưu", ("bố trí kinh phí",), recipient="UBND tỉnh"),  # advice goes to whom it is given
        # "6. Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố – Trong thời hạn 30 ngày kể từ ngày kết quả
        # khảo sát được công bố, xây dựng kế hoạch khắc phục …, gửi UBND tỉnh (qua Sở Nội vụ) để theo dõi."
        Duty("Sở Tư pháp", "mục IV.6", "báo cáo", ("xây dựng kế hoạch khắc phục",), recipient="UBND tỉnh",
             via="Sở Nội vụ", deadline_text="Trong thời hạn 30 ngày kể từ ngày kết quả khảo sát được công bố",
             relative=Relative(30, "ngày", "ngày kết quả khảo sát được công bố"), group=SO),
        Duty("UBND huyện Ân Thi", "mục IV.6", "chỉ đạo", ("UBND các xã, phường, thị trấn",), group=HUYEN),
    ]),
    KH_DAO_TAO: ("27/KH-UBND", [
        # the .docx table "Các lớp trọng tâm": lead and cooperating columns, time column
        Duty("Sở Khoa học và Công nghệ", "mục II.2, bảng, dòng 1", "chủ trì", ("kỹ năng số",), deadline=D(2026, 6, 30),
             deadline_text="Quý II/2026", cooperating=("Sở Nội vụ", XA)),
        Duty("UBND phường Phố Hiến", "mục II.2, bảng, dòng 1", "phối hợp", ("kỹ năng số",), deadline=D(2026, 6, 30),
             deadline_text="Quý II/2026", group=XA, lead=("Sở Khoa học và Công nghệ",)),
        Duty(TTPVHCC, "mục II.2, bảng, dòng 2", "chủ trì", ("một cửa liên thông",), deadline=D(2026, 4, 30),
             deadline_text="Tháng 4/2026", cooperating=("Sở Tư pháp", "Công an tỉnh")),
        Duty("Công an tỉnh", "mục II.2, bảng, dòng 2", "phối hợp", ("một cửa liên thông",), deadline=D(2026, 4, 30),
             deadline_text="Tháng 4/2026", lead=(TTPVHCC,)),
        Duty("Sở Xây dựng", "mục II.2, bảng, dòng 4", "phối hợp", ("đất đai, xây dựng",), deadline=D(2026, 9, 30),
             deadline_text="Quý III/2026", lead=("Sở Nông nghiệp và Môi trường",)),
        Duty("Trường Chính trị tỉnh", "mục II.2, bảng, dòng 5", "chủ trì", ("chuyên viên chính",),
             deadline=D(2026, 9, 30), deadline_text="Từ tháng 6 đến tháng 9/2026", start=D(2026, 6, 1),
             cooperating=("Sở Nội vụ",)),
        # row 7 has no lead column: "các sở, ban, ngành tỉnh, UBND các xã, phường chủ động tổ chức … và gửi kết
        # quả về Sở Nội vụ"
        Duty("Sở Y tế", "mục II.2, bảng, dòng 7", "báo cáo", ("chủ động tổ chức",), recipient="Sở Nội vụ", group=SO),
        Duty("UBND xã Nghĩa Trụ", "mục II.2, bảng, dòng 7", "báo cáo", ("chủ động tổ chức",), recipient="Sở Nội vụ",
             group=XA),
        Duty("Sở Nội vụ", "mục IV.1", "thực hiện", ("phân bổ chỉ tiêu",), deadline=D(2026, 3, 15),
             deadline_text="trước ngày 15/3/2026"),
        Duty("Sở Nội vụ", "mục IV.1", "báo cáo", ("Tổng hợp kết quả đào tạo",), recipient="UBND tỉnh và Bộ Nội vụ",
             deadline=D(2026, 12, 15), deadline_text="trước ngày 15/12/2026"),
        Duty("Sở Tài chính", "mục IV.2", "tham mưu", ("bố trí kinh phí",), recipient="UBND tỉnh"),  # advice goes to whom it is given
        Duty("Trường Chính trị tỉnh", "mục IV.4", "báo cáo", ("sau khi kết thúc mỗi lớp",), recipient="Sở Nội vụ"),
        # "Báo cáo kết quả … 6 tháng đầu năm trước ngày 10/6/2026 và báo cáo năm trước ngày 10/11/2026 về Sở Nội vụ"
        Duty("Sở Tư pháp", "mục IV.5", "báo cáo", ("6 tháng đầu năm",), recipient="Sở Nội vụ", deadline=D(2026, 6, 10),
             deadline_text="trước ngày 10/6/2026", group=SO),
        Duty("Sở Tư pháp", "mục IV.5", "báo cáo", ("báo cáo năm",), recipient="Sở Nội vụ", deadline=D(2026, 11, 10),
             deadline_text="trước ngày 10/11/2026", group=SO),
        Duty("UBND xã Nghĩa Trụ", "mục IV.5", "thực hiện", ("Cử cán bộ",), group=XA),
    ]),
    HOA_TOC: ("1456/UBND-KGVX", [
        # "1. Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh chỉ đạo …; tổng hợp số liệu, báo cáo UBND tỉnh
        # (qua Văn phòng UBND tỉnh) trước 16 giờ 00 ngày 10/3/2026."
        Duty("Sở Y tế", "mục 1", "chủ trì", ("tổng hợp số liệu", "báo cáo UBND tỉnh"), recipient="UBND tỉnh",
             via="Văn phòng UBND tỉnh", deadline=D(2026, 3, 10), deadline_text="trước 16 giờ 00 ngày 10/3/2026",
             time="16:00", cooperating=("Bảo hiểm xã hội tỉnh",)),
        Duty("Bảo hiểm xã hội tỉnh", "mục 1", "phối hợp", ("giấy chứng sinh điện tử",), deadline=D(2026, 3, 10),
             deadline_text="trước 16 giờ 00 ngày 10/3/2026", time="16:00", lead=("Sở Y tế",)),
        Duty("Sở Tư pháp", "mục 2", "chủ trì", ("báo cáo UBND tỉnh",), recipient="UBND tỉnh", via="Văn phòng UBND tỉnh",
             deadline=D(2026, 3, 10), deadline_text="trước 16 giờ 00 ngày 10/3/2026", time="16:00",
             cooperating=("Công an tỉnh", TTPVHCC)),
        Duty(TTPVHCC, "mục 2", "phối hợp", ("rà soát toàn bộ hồ sơ liên thông",), deadline=D(2026, 3, 10),
             deadline_text="trước 16 giờ 00 ngày 10/3/2026", time="16:00", lead=("Sở Tư pháp",)),
        Duty("Công an tỉnh", "mục 3", "báo cáo", ("gửi Sở Tư pháp",), recipient="Sở Tư pháp", deadline=D(2026, 3, 9),
             deadline_text="ngay trong ngày 09/3/2026"),
        Duty("Bảo hiểm xã hội tỉnh", "mục 4", "báo cáo", ("gửi Sở Y tế",), recipient="Sở Y tế", deadline=D(2026, 3, 9),
             deadline_text="ngay trong ngày 09/3/2026"),
        Duty(TTPVHCC, "mục 5", "báo cáo", ("trích xuất số liệu",), recipient="Sở Tư pháp, Sở Y tế",
             deadline=D(2026, 3, 9), deadline_text="ngay trong ngày 09/3/2026"),
        # "6. Chủ tịch UBND các xã, phường chỉ đạo …; báo cáo … về Sở Tư pháp trước 10 giờ 00 ngày 10/3/2026."
        Duty("UBND xã Nghĩa Trụ", "mục 6", "báo cáo", ("số hồ sơ tồn đọng",), recipient="Sở Tư pháp",
             deadline=D(2026, 3, 10), deadline_text="trước 10 giờ 00 ngày 10/3/2026", time="10:00", group=XA),
        # "7. Giao Văn phòng UBND tỉnh tổng hợp …, tham mưu UBND tỉnh báo cáo Văn phòng Chính phủ trước 17 giờ 00 …"
        Duty("Văn phòng UBND tỉnh", "mục 7", "tham mưu", ("tổng hợp báo cáo",), recipient="Văn phòng Chính phủ",
             deadline=D(2026, 3, 11), deadline_text="trước 17 giờ 00 ngày 11/3/2026", time="17:00"),
    ]),
    QUY_CHE: ("1875/QĐ-UBND", [
        # the Quyết định: "Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc Trung tâm …; Thủ trưởng các sở …"
        Duty("Văn phòng UBND tỉnh", "Điều 3", "thực hiện", ("chịu trách nhiệm thi hành",)),
        Duty("Sở Y tế", "Điều 3", "thực hiện", ("chịu trách nhiệm thi hành",), group=SO),
        # the Quy chế: "Điều 6. 1. Các sở, ban, ngành tỉnh; các cơ quan ngành dọc quy định tại điểm d khoản 2 Điều 1
        # Quy chế này; UBND các xã, phường báo cáo định kỳ hằng quý …, gửi UBND tỉnh (qua Trung tâm …) trước ngày 25
        # của tháng cuối quý."
        Duty("Công an tỉnh", "khoản 1 Điều 6", "báo cáo", ("định kỳ hằng quý",), recipient="UBND tỉnh", via=TTPVHCC,
             deadline_text="trước ngày 25 của tháng cuối quý", recurrence="hằng quý",
             rule=Recurrence("quarter", "hằng quý", 25, 3)),
        Duty("Sở Tư pháp", "khoản 1 Điều 6", "báo cáo", ("định kỳ hằng quý",), recipient="UBND tỉnh", via=TTPVHCC,
             deadline_text="trước ngày 25 của tháng cuối quý", recurrence="hằng quý",
             rule=Recurrence("quarter", "hằng quý", 25, 3), group=SO),
        Duty("UBND xã Nghĩa Trụ", "khoản 1 Điều 6", "báo cáo", ("định kỳ hằng quý",), recipient="UBND tỉnh",
             via=TTPVHCC, deadline_text="trước ngày 25 của tháng cuối quý", recurrence="hằng quý",
             rule=Recurrence("quarter", "hằng quý", 25, 3), group=XA),
        Duty(TTPVHCC, "khoản 2 Điều 6", "báo cáo", ("tổng hợp",), recipient="UBND tỉnh",
             deadline_text="trước ngày 28 của tháng cuối quý", recurrence="hằng quý",
             rule=Recurrence("quarter", "hằng quý", 28, 3)),
        Duty(TTPVHCC, "điểm b khoản 1 Điều 7", "thực hiện", ("công khai danh sách",), deadline_text="Hằng tháng",
             recurrence=MONTHLY, rule=Recurrence("month", MONTHLY)),
        Duty("Sở Khoa học và Công nghệ", "khoản 2 Điều 7", "thực hiện", ("sự cố kỹ thuật",),
             deadline_text="trong thời hạn 04 giờ làm việc kể từ khi nhận được thông báo",
             relative=Relative(4, "giờ làm việc", "khi nhận được thông báo")),
        Duty("Sở Tài chính", "khoản 4 Điều 7", "tham mưu", ("bố trí kinh phí",), recipient="UBND tỉnh"),  # advice goes to whom it is given
        # "Công an tỉnh phối hợp kết nối …; hướng dẫn xác thực … VNeID": the first clause cooperates,
        # the second is a duty of its own
        Duty("Công an tỉnh", "khoản 5 Điều 7", "phối hợp", ("kết nối, khai thác",)),
        Duty("Công an tỉnh", "khoản 5 Điều 7", "thực hiện", ("VNeID",)),
        Duty("UBND phường Phố Hiến", "điểm a khoản 6 Điều 7", "thực hiện", ("Cử công chức",), group=XA),
    ]),
    THONG_BAO: ("142/TB-VP", [
        # "a) Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Trung tâm …, Công an tỉnh rà soát, khắc phục dứt
        # điểm lỗi kết nối …; báo cáo UBND tỉnh kết quả thực hiện trước ngày 10/10/2025."
        Duty("Sở Khoa học và Công nghệ", "mục I.2.a", "chủ trì", ("báo cáo UBND tỉnh",), recipient="UBND tỉnh",
             deadline=D(2025, 10, 10), deadline_text="trước ngày 10/10/2025", cooperating=(TTPVHCC, "Công an tỉnh")),
        Duty("Công an tỉnh", "mục I.2.a", "phối hợp", ("lỗi kết nối",), deadline=D(2025, 10, 10),
             deadline_text="trước ngày 10/10/2025", lead=("Sở Khoa học và Công nghệ",)),
        Duty("Sở Nội vụ", "mục I.2.b", "chủ trì", ("báo cáo UBND tỉnh",), recipient="UBND tỉnh",
             deadline=D(2025, 10, 15), deadline_text="trước ngày 15/10/2025",
             cooperating=("Sở Nông nghiệp và Môi trường", "Sở Xây dựng", XA)),
        Duty("UBND phường Phố Hiến", "mục I.2.b", "phối hợp", ("điều động, biệt phái",), deadline=D(2025, 10, 15),
             deadline_text="trước ngày 15/10/2025", group=XA, lead=("Sở Nội vụ",)),
        Duty("Sở Tài chính", "mục I.2.c", "chủ trì", ("trình UBND tỉnh",), recipient="UBND tỉnh",
             deadline=D(2025, 10, 30), deadline_text="trước ngày 30/10/2025",
             cooperating=("Sở Khoa học và Công nghệ",)),
        Duty("Sở Tư pháp", "mục I.2.d", "chủ trì", ("hướng dẫn, hỗ trợ",), deadline=D(2025, 10, 20),
             deadline_text="trước ngày 20/10/2025", cooperating=("Công an tỉnh", "Bảo hiểm xã hội tỉnh")),
        Duty(TTPVHCC, "mục I.2.đ", "báo cáo", ("kịp thời báo cáo",), recipient="UBND tỉnh", deadline_text="kịp thời"),
        Duty("UBND xã Nghĩa Trụ", "mục I.2.e", "báo cáo", ("tổng hợp khó khăn",), recipient=TTPVHCC,
             deadline=D(2025, 10, 5), deadline_text="trước ngày 05/10/2025", group=XA),
        Duty("Đài Phát thanh và Truyền hình tỉnh", "mục I.2.g", "phối hợp", ("chuyên mục",),
             deadline_text="định kỳ hằng tuần", recurrence="hằng tuần", rule=Recurrence("week", "hằng tuần"),
             cooperating=(TTPVHCC,)),
        Duty("Sở Nội vụ", "mục II.1", "thực hiện", ("giao Sở Nội vụ nghiên cứu",)),
        Duty("Công an tỉnh", "mục II.2", "chủ trì", ("tổ chức thực hiện",), deadline=D(2025, 10, 31),
             deadline_text="trong tháng 10/2025", cooperating=(TTPVHCC,)),
    ]),
    BAO_CAO: ("58/BC-UBND", [
        Duty("Sở Nội vụ", "mục III.1", "báo cáo", ("thẩm định", "trình UBND tỉnh công bố"), recipient="UBND tỉnh",
             deadline=D(2026, 4, 30), deadline_text="trước ngày 30/4/2026"),
        Duty("Sở Nông nghiệp và Môi trường", "mục III.2", "báo cáo", ("kết quả xử lý",), recipient="UBND tỉnh",
             via=TTPVHCC, deadline=D(2026, 5, 15), deadline_text="trước ngày 15/5/2026"),
        Duty("Sở Khoa học và Công nghệ", "mục III.3", "chủ trì", ("thanh toán trực tuyến",), deadline=D(2026, 6, 30),
             deadline_text="trong quý II/2026"),
        Duty("Sở Tư pháp", "mục III.4", "chủ trì", ("số hóa dữ liệu hộ tịch",), deadline=D(2026, 6, 30),
             deadline_text="trước ngày 30/6/2026", cooperating=(XA,)),
        Duty("UBND xã Nghĩa Trụ", "mục III.4", "phối hợp", ("số hóa dữ liệu hộ tịch",), deadline=D(2026, 6, 30),
             deadline_text="trước ngày 30/6/2026", group=XA, lead=("Sở Tư pháp",)),
        Duty(TTPVHCC, "mục III.5", "thực hiện", ("Bộ chỉ số",), deadline_text=MONTHLY, recurrence=MONTHLY,
             rule=Recurrence("month", MONTHLY)),
        Duty("Sở Y tế", "mục III.6", "báo cáo", ("quý II/2026",), recipient="UBND tỉnh", via="Sở Nội vụ",
             deadline=D(2026, 6, 16), deadline_text="chậm nhất ngày 16/6/2026", group=SO),
    ]),
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_hand_written_duties_of_each_public_document(public, name):
    doc, obs = public(name)
    number, duties = EXPECTED[name]
    assert doc.number == number
    for want in duties:
        o = _check(obs, want)
        assert o.doc_number == number and o.doc_id == Path(name).stem
        src = o.to_json()["source"]
        assert isinstance(src, dict) and src["section"] == o.section and src["doc_number"] == number
    # no name in these documents is missing from the registry
    assert not sorted({n for o in obs for n in o.unresolved})


@pytest.mark.parametrize("name, parts", [
    # results, shortcomings, aims, scope, timing and budget describe; they assign nothing
    (BAO_CAO, ("mục I", "mục II")),  # "Sở Tư pháp thẩm định 17 dự thảo …" is a result, not a duty
    (KH_KHAO_SAT, ("mục I", "mục II", "mục III")),  # "… đã giao Sở Nội vụ" (kinh phí) is no duty
    (KH_DAO_TAO, ("mục I", "mục III")),
    (THONG_BAO, ("mục I.1",)),  # "Đánh giá chung"
])
def test_descriptive_parts_give_no_duty(public, name, parts):
    _doc, obs = public(name)
    assert obs
    for o in obs:
        assert not any(o.section == p or o.section.startswith(p + ".") for p in parts), (o.section, o.action[:80])


def test_a_prohibition_is_not_a_report(public):
    """Chỉ thị 05, mục 1.e: "không đùn đẩy, chuyển việc thuộc thẩm quyền lên UBND tỉnh; đối với nội dung
    vượt thẩm quyền phải báo cáo UBND tỉnh …": one report (the second clause), not two."""
    _doc, obs = public(CHI_THI)
    e = [o for o in obs if o.section == "mục 1.e" and o.group == SO]
    reports = [o.action for o in e if o.recipient is not None]
    assert reports == ["đối với nội dung vượt thẩm quyền phải báo cáo UBND tỉnh kèm theo đề xuất cụ thể."]
    # the prohibition is a duty of its own (to resolve what is within reach), never a report
    assert any("không đùn đẩy" in o.action and o.recipient is None and "báo cáo" not in o.roles for o in e)


def test_partners_of_a_unit_that_itself_cooperates_get_no_duty_of_theirs(public):
    """Thông báo 142, I.2.g: "Giao Đài … phối hợp với Trung tâm … xây dựng chuyên mục": the Trung tâm's own
    part is not stated, so it gets no record there (the Đài's record names it as partner)."""
    _doc, obs = public(THONG_BAO)
    assert [o.units for o in obs if o.section == "mục I.2.g"] == [["Đài Phát thanh và Truyền hình tỉnh"]]


def test_a_list_referred_to_elsewhere_names_exactly_its_members(public):
    """Quy chế Điều 6.1 gives the report to "các cơ quan ngành dọc quy định tại điểm d khoản 2 Điều 1", which
    lists Công an tỉnh, Bảo hiểm xã hội tỉnh, Thuế tỉnh: not every member of the registry's group."""
    _doc, obs = public(QUY_CHE)
    (ref,) = [o for o in obs if o.section == "khoản 1 Điều 6" and o.basis.startswith("reference")]
    assert ref.units == ["Công an tỉnh", "Bảo hiểm xã hội tỉnh", "Thuế tỉnh"]
    assert ref.basis == "reference: điểm d khoản 2 Điều 1" and ref.group is None
    assert "Bộ Chỉ huy Quân sự tỉnh" in [u.name for u in UNITS.members(NGANH_DOC)]
    assert not [o for o in obs if o.section == "khoản 1 Điều 6" and o.group == NGANH_DOC]
    # the Quy chế's duties cite the Quy chế, attached to its Quyết định
    assert ref.doc_title.startswith("Quy chế ") and "kèm theo Quyết định 1875/QĐ-UBND" in ref.doc_title
    (art3,) = [o for o in obs if o.section == "Điều 3" and "Văn phòng UBND tỉnh" in o.units and o.group is None]
    assert art3.doc_title.startswith("Quyết định ")


# -- recurring duties: their next concrete dates ------------------------------------------------------------
def _one(obs: list[Obligation], section: str, unit: str, text: str) -> Obligation:
    (o,) = [o for o in obs if o.section == section and unit in o.units and text in (o.deadline_text or "")]
    return o


def test_recurring_duties_give_their_next_dates(public):
    _doc, ct = public(CHI_THI)
    monthly = _one(ct, "mục 8", "Sở Tư pháp", "trước ngày 20 hằng tháng")
    assert monthly.deadline is None
    assert monthly.next_deadlines(D(2025, 4, 5), 3) == [D(2025, 4, 20), D(2025, 5, 20), D(2025, 6, 20)]
    assert monthly.next_deadlines(D(2025, 4, 20), 1) == [D(2025, 4, 20)]  # due today is still due
    assert monthly.next_deadlines(D(2025, 4, 21), 1) == [D(2025, 5, 20)]
    fifth = _one(ct, "mục 4.b", "Văn phòng UBND tỉnh", "trước ngày 05 hằng tháng")
    assert fifth.next_deadlines(D(2025, 12, 6), 2) == [D(2026, 1, 5), D(2026, 2, 5)]
    _doc, qc = public(QUY_CHE)
    quarterly = _one(qc, "khoản 1 Điều 6", "Sở Tư pháp", "tháng cuối quý")
    assert quarterly.next_deadlines(D(2025, 9, 1), 3) == [D(2025, 9, 25), D(2025, 12, 25), D(2026, 3, 25)]
    assert quarterly.next_deadlines(D(2025, 9, 26), 1) == [D(2025, 12, 25)]
    # a dated duty falls due once; a schedule without a day ("hằng tháng") has no date
    dated = _one(ct, "mục 1.b", "Sở Tư pháp", "30/4/2025")
    assert dated.next_deadlines(D(2025, 4, 1), 3) == [D(2025, 4, 30)] and dated.next_deadlines(D(2025, 5, 1)) == []
    assert _one(ct, "mục 4.a", "Văn phòng UBND tỉnh", MONTHLY).next_deadlines(D(2025, 4, 1)) == []


# -- names the registry lacks are kept -----------------------------------------------------------------------
def _without(*names: str) -> Units:
    return Units(UNITS.province, [u for u in UNITS.units if u.name not in names], list(UNITS.groups))


def test_unknown_units_are_kept_under_their_own_names(public):
    """The same documents read with a registry that lacks Bưu điện tỉnh and Thanh tra tỉnh: their duties
    stay, under the names the documents use, from table cells, a sentence's partners and a heading."""
    units = _without("Bưu điện tỉnh", "Thanh tra tỉnh")
    assert units.resolve("Bưu điện tỉnh", fuzzy=False) is None
    kh, _ = public(KH_KHAO_SAT)
    ct, _ = public(CHI_THI)
    obs = extract_obligations(kh, units) + extract_obligations(ct, units)

    def of(name: str) -> list[tuple[str, tuple[str, ...]]]:
        return [(o.section, tuple(o.roles)) for o in obs if name in o.units]

    assert all(not o.unresolved or set(o.unresolved) <= {"Bưu điện tỉnh", "Thanh tra tỉnh"} for o in obs)
    post = of("Bưu điện tỉnh")
    assert ("Phụ lục, dòng 6", ("chủ trì",)) in post  # the lead cell
    assert ("Phụ lục, dòng 4", ("phối hợp",)) in post  # the cooperating cell
    assert ("mục IV.1", ("phối hợp",)) in post  # "phối hợp với Bưu điện tỉnh tập huấn …"
    inspectorate = of("Thanh tra tỉnh")
    assert ("mục 3", ("báo cáo",)) in inspectorate  # the heading "3. Thanh tra tỉnh:"
    assert ("mục 2.a", ("phối hợp",)) in inspectorate  # "phối hợp với Thanh tra tỉnh, Văn phòng UBND tỉnh"
    # the known partner listed after the unknown one is not lost either
    (lead,) = [o for o in obs if o.section == "mục 2.a" and o.units == ["Sở Nội vụ"] and o.deadline == D(2025, 4, 10)]
    assert lead.cooperating == ["Thanh tra tỉnh", "Văn phòng UBND tỉnh"]


UNKNOWN = """ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN

Số: 77/KH-UBND

Hưng Yên, ngày 02 tháng 6 năm 2025

KẾ HOẠCH

Thử nghiệm tên đơn vị mới

**1. Ban Dân tộc tỉnh:**

Chủ trì, phối hợp với Sở Tư pháp rà soát danh mục, báo cáo UBND tỉnh trước ngày 30/7/2025.

**2. Kho bạc Nhà nước khu vực IV:**

Báo cáo UBND tỉnh kết quả giải ngân vốn đầu tư công trước ngày 15/8/2025.

**3. Phân công**

| TT | Nội dung công việc | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện |
|---|---|---|---|---|
| 1 | Số hóa hồ sơ lưu trữ | Kho bạc Nhà nước khu vực IV | Sở Nội vụ; Ban Quản lý dự án XYZ | Quý III/2025 |
"""


def test_unknown_names_in_a_new_document_are_kept():
    d = parse_markdown(UNKNOWN, "thu-ten-moi.md")
    assert isinstance(d, AdminDocument)
    obs = extract_obligations(d, UNITS)
    (ban,) = [o for o in obs if o.section == "mục 1" and "chủ trì" in o.roles]
    assert ban.units == ["Ban Dân tộc tỉnh"] and ban.unresolved == ["Ban Dân tộc tỉnh"]
    assert ban.recipient == "UBND tỉnh" and ban.deadline == D(2025, 7, 30) and ban.cooperating == ["Sở Tư pháp"]
    (partner,) = [o for o in obs if o.section == "mục 1" and "phối hợp" in o.roles]
    assert partner.units == ["Sở Tư pháp"] and partner.lead == ["Ban Dân tộc tỉnh"] and not partner.unresolved
    (kb,) = [o for o in obs if o.section == "mục 2"]
    assert kb.units == ["Kho bạc Nhà nước khu vực IV"] and kb.recipient == "UBND tỉnh" and kb.deadline == D(2025, 8, 15)
    (row,) = [o for o in obs if o.section.endswith("dòng 1") and "chủ trì" in o.roles]
    assert row.units == ["Kho bạc Nhà nước khu vực IV"] and row.deadline == D(2025, 9, 30)
    assert row.cooperating == ["Sở Nội vụ", "Ban Quản lý dự án XYZ"]
    (coop,) = [o for o in obs if o.section.endswith("dòng 1") and "phối hợp" in o.roles]
    assert coop.units == ["Sở Nội vụ", "Ban Quản lý dự án XYZ"] and coop.unresolved == ["Ban Quản lý dự án XYZ"]


# == the `obligations` CLI and the scorer ================================================================
@pytest.mark.slow
def test_cli_obligations_json(directive_index):
    r = run_cli("obligations", "--index", str(directive_index), "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    # a record per clause: every item of the seed, each group once per clause
    assert {(x["source"]["section"], x["group"]) for x in rows} == {(sec, g) for sec, g, *_ in SEED}
    assert len(rows) >= len(SEED)
    (s2,) = [x for x in rows if x["source"]["section"] == "mục 2"]
    assert s2["recipient"] == "UBND tỉnh" and s2["via"] == "Sở Nội vụ" and s2["deadline"] == "2024-12-15"
    assert s2["deadline_text"] == "chậm nhất vào ngày 15/12/2024" and s2["group"] is None and s2["roles"] == ["báo cáo"]
    assert s2["units"] == INSPECTED
    assert set(s2["source"]) == {"doc_title", "doc_number", "section", "text"}
    assert all("resolved_unit" not in x for x in rows)


@pytest.mark.slow
def test_cli_obligations_for_a_unit(directive_index):
    r = run_cli("obligations", "--index", str(directive_index), "--unit", "huyen kim dong", "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert list(dict.fromkeys(x["source"]["section"] for x in rows)) == [
        "mục 1.a", "mục 1.b", "mục 1.c", "mục 1.d", "mục 1.đ", "mục 1.e", "mục 1.g"]
    assert {x["resolved_unit"] for x in rows} == {"UBND huyện Kim Động"}
    assert {x["group"] for x in rows} == {HUYEN}
    r2 = run_cli("obligations", "--index", str(directive_index), "--unit", "thị xã Mỹ Hòa")
    assert r2.returncode == 0 and "→ UBND thị xã Mỹ Hào: " in r2.stdout and "15/12/2024" in r2.stdout
    # its duties: mục 1.a–g through its group, mục 2 (inspected) — each clause a line
    assert sorted(set(re.findall(r"\[/UBND-NC (mục [\w.]+)\]", r2.stdout))) == [
        "mục 1.a", "mục 1.b", "mục 1.c", "mục 1.d", "mục 1.e", "mục 1.g", "mục 1.đ", "mục 2"]
    r3 = run_cli("obligations", "--index", str(directive_index), "--unit", "Khoai Trau")
    assert r3.returncode == 2 and r3.stdout == ""
    assert "Không tìm thấy đơn vị “Khoai Trau”" in r3.stderr and "UBND huyện Khoái Châu" in r3.stderr


SCORER = SHARED / "tools" / "score_obligations.py"
OBLIGATIONS_EVAL = EVAL / "obligations_directives.json"


@pytest.mark.slow
def test_scorer_recall_on_the_public_documents(directives_index):
    need_shared(SCORER)
    need_shared(OBLIGATIONS_EVAL)
    # the scorer runs `PY -m retrieval obligations --index INDEX --unit U --json` from the working directory
    p = subprocess.run([sys.executable, str(SCORER), str(OBLIGATIONS_EVAL), str(directives_index),
                        "--python", sys.executable, "--show-misses"],
                       capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert p.returncode == 0, p.stderr
    m = re.search(r"recall=([\d.]+) dated_recall=([\d.]+) expected=(\d+)", p.stdout)
    assert m, p.stdout
    assert float(m.group(1)) >= 0.95, p.stdout
    assert float(m.group(2)) >= 0.95, p.stdout
    assert int(m.group(3)) == len(json.loads(OBLIGATIONS_EVAL.read_text(encoding="utf-8")))
    assert "note:" not in p.stdout  # every unit of the eval file is known to the CLI


@pytest.mark.parametrize("name, unit, other", [
    (CHI_THI, "Sở Nội vụ", "Sở Y tế"),  # mục 8: the sở, ban, ngành report to UBND tỉnh via Sở Nội vụ
    (KH_DAO_TAO, "Sở Nội vụ", "Sở Tư pháp"),  # mục IV.5 (.docx): they report to Sở Nội vụ
])
def test_a_group_report_to_or_through_a_member_is_not_that_members_duty(public, name, unit, other):
    """Sở Nội vụ is one of the sở, ban, ngành tỉnh, but their report "về Sở Nội vụ" or "(qua Sở
    Nội vụ)" is not a report Sở Nội vụ makes to itself; the other members keep it."""
    _doc, obs = public(name)
    group_reports = [o for o in obs if o.group == SO and unit in f"{o.recipient} {o.via}"]
    assert group_reports
    groups = UNITS.unit(unit).groups  # type: ignore[union-attr]
    assert not [o for o in applicable(obs, unit, groups) if o in group_reports]
    assert all(o in applicable(obs, other, UNITS.unit(other).groups) for o in group_reports)  # type: ignore[union-attr]
