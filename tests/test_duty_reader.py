"""The duty reader on documents written for these tests, each read in two forms (Markdown and
the same text as Word writes it): a subject after a leading phrase of time or purpose, a
subject defined in another part ("Địa bàn thí điểm: …" then "Các xã, phường thực hiện thí
điểm …"), a list, a group, the document's lead body ("cơ quan chủ trì"), the wards a Phụ lục
lists each with its own row's deadline, the communes "còn lại", a duty due on several dates;
a party directive (Hướng dẫn 36-HD/VPTW) with its bodies as units; a meeting's minutes whose
conclusions give duties to a commune's offices and to a person, and whose discussion gives
none. No expectation here was read off the reader's output: each is what the text says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT

from retrieval.dev.docgen import markdown_to_docx
from retrieval.documents.ingest import load_document
from retrieval.documents.model import AdminDocument
from retrieval.facts.obligations import Obligation, extract_obligations
from retrieval.facts.units import load_units

UNITS = load_units(ROOT / "corpus" / "units.yaml")
D = dt.date

PILOT_PLAN = """**ỦY BAN NHÂN DÂN  
TỈNH HƯNG YÊN**

Số: 77/KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 05 tháng 3 năm 2026

**KẾ HOẠCH**

**Thí điểm số hóa sổ hộ tịch tại cấp xã năm 2026**

**I. PHẠM VI THÍ ĐIỂM**

Địa bàn thí điểm: phường Phố Hiến, xã Tiên Lữ và xã Khoái Châu.

**II. TỔ CHỨC THỰC HIỆN**

1. Các xã, phường thực hiện thí điểm xây dựng kế hoạch triển khai, gửi Sở Nội vụ trước ngày 15/4/2026.

2. Định kỳ 6 tháng (trước ngày 10/6 và 10/12), các cơ quan chuyên môn thuộc UBND tỉnh gửi báo cáo kết quả thực hiện về Sở Tài chính.

3. Sở Tư pháp là cơ quan chủ trì, phối hợp với Sở Khoa học và Công nghệ hướng dẫn nghiệp vụ số hóa, hoàn thành trước ngày 20/3/2026; báo cáo UBND tỉnh kết quả thực hiện trước ngày 15/6 và 15/12 hằng năm.

4. Để bảo đảm tiến độ, Sở Tài chính và Sở Khoa học và Công nghệ bố trí kinh phí số hóa, hoàn thành trong quý II/2026.

5. Cơ quan chủ trì tổng hợp kết quả thí điểm, báo cáo Chủ tịch UBND tỉnh trước ngày 31/10/2026.

6. Các xã, phường có tên tại Phụ lục cử công chức đầu mối theo số lượng và thời hạn tại Phụ lục.

7. UBND các xã, phường còn lại tìm hiểu mô hình thí điểm, chuẩn bị điều kiện triển khai.

**Nơi nhận:**

- Như mục II;
- Lưu: VT.

**KT. CHỦ TỊCH  
PHÓ CHỦ TỊCH**

**Nguyễn Văn An**

**PHỤ LỤC**

**SỐ CÔNG CHỨC ĐẦU MỐI CỦA CÁC XÃ, PHƯỜNG THÍ ĐIỂM**

| TT | Xã, phường | Số công chức đầu mối | Thời hạn cử |
|---|---|---|---|
| I | Các phường | 02 người | |
| 1 | Phường Phố Hiến | 02 người | Trước 10/4/2026 |
| II | Các xã | 03 người | |
| 2 | Xã Tiên Lữ | 01 người | Trước 12/4/2026 |
| 3 | Xã Khoái Châu | 02 người | Trước 14/4/2026 |
| | Tổng cộng | 05 người | |
"""

PARTY = """**TỈNH ỦY HƯNG YÊN  
BAN THƯỜNG VỤ**

Số 12-CT/TU

**ĐẢNG CỘNG SẢN VIỆT NAM**

Hưng Yên, ngày 20 tháng 01 năm 2026

**CHỈ THỊ**

**Về tăng cường kỷ luật, kỷ cương trong giải quyết thủ tục hành chính ở cấp xã**

Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt các nội dung sau:

1. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Ủy ban Kiểm tra Tỉnh ủy xây dựng tiêu chí đánh giá người đứng đầu, trình Ban Thường vụ Tỉnh ủy trước ngày 31/3/2026.

2. Trong thời gian thực hiện Chỉ thị, Đảng ủy các xã, phường lãnh đạo chính quyền cùng cấp giải quyết dứt điểm hồ sơ quá hạn; báo cáo Ban Thường vụ Tỉnh ủy (qua Ban Tổ chức Tỉnh ủy) trước ngày 05 hằng tháng.

3. Đề nghị Ủy ban MTTQ Việt Nam tỉnh giám sát việc giải quyết thủ tục hành chính tại các xã, phường.

**T/M BAN THƯỜNG VỤ  
PHÓ BÍ THƯ**

**Trần Văn Bình**
"""

MINUTES = """**ỦY BAN NHÂN DÂN  
XÃ NGHĨA TRỤ**

Số: 18/BB-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập - Tự do - Hạnh phúc**

**BIÊN BẢN**

**Họp triển khai tiếp nhận hồ sơ trực tuyến quý I năm 2026**

Thời gian bắt đầu: 08 giờ 00 phút, ngày 12 tháng 01 năm 2026.

Chủ trì: đồng chí Lê Văn Tâm, Chủ tịch UBND xã.

**1. Ý kiến thảo luận**

- Đồng chí Trưởng Công an xã: đề nghị Phòng Văn hóa - Xã hội cử thêm 02 cán bộ hỗ trợ người dân.

**2. Kết luận của Chủ tịch UBND xã**

1. Trung tâm Phục vụ hành chính công xã: chủ trì hướng dẫn người dân nộp hồ sơ trực tuyến, hoàn thành trước ngày 31/3/2026.

2. Phòng Văn hóa - Xã hội: phối hợp với Đoàn Thanh niên xã tuyên truyền trên hệ thống truyền thanh xã 02 buổi mỗi tuần.

3. Giao đồng chí Phạm Thị Thu, Phó Chủ tịch UBND xã theo dõi, tổng hợp kết quả, báo cáo Chủ tịch UBND xã trước ngày 05/4/2026.

**THƯ KÝ**

**Vũ Thị Lan**
"""


def _both(text: str, tmp: Path, name: str) -> dict[str, AdminDocument]:
    md, dx = tmp / f"{name}.md", tmp / f"{name}.docx"
    md.write_text(text, encoding="utf-8")
    markdown_to_docx(text, dx)
    out = {}
    for form, path in (("md", md), ("docx", dx)):
        doc = load_document(path)
        assert isinstance(doc, AdminDocument), form
        out[form] = doc
    return out


def _at(obs: list[Obligation], section: str) -> list[Obligation]:
    return [o for o in obs if o.section == section]


@pytest.fixture(scope="module")
def pilot(tmp_path_factory) -> dict[str, tuple[AdminDocument, list[Obligation]]]:
    docs = _both(PILOT_PLAN, tmp_path_factory.mktemp("pilot"), "ke-hoach-77")
    return {form: (d, extract_obligations(d, UNITS)) for form, d in docs.items()}


PILOTS = ["UBND phường Phố Hiến", "UBND xã Tiên Lữ", "UBND xã Khoái Châu"]


@pytest.mark.parametrize("form", ["md", "docx"])
def test_a_subject_defined_in_another_part(pilot, form):
    _doc, obs = pilot[form]
    (o,) = [o for o in _at(obs, "mục II.1") if o.recipient]
    assert o.units == PILOTS and o.recipient == "Sở Nội vụ" and o.deadline == D(2026, 4, 15), o
    assert o.basis.startswith("reference:")


@pytest.mark.parametrize("form", ["md", "docx"])
def test_a_subject_after_a_leading_time_phrase_with_each_of_its_dates(pilot, form):
    _doc, obs = pilot[form]
    rows = [o for o in _at(obs, "mục II.2") if o.recipient == "Sở Tài chính"]
    assert rows and all(o.group == "cơ quan chuyên môn thuộc UBND tỉnh" for o in rows)
    assert {o.deadline for o in rows} >= {D(2026, 6, 10), D(2026, 12, 10)}


@pytest.mark.parametrize("form", ["md", "docx"])
def test_a_lead_its_partner_and_a_report_due_twice_a_year(pilot, form):
    _doc, obs = pilot[form]
    lead = [o for o in _at(obs, "mục II.3") if o.units == ["Sở Tư pháp"] and "chủ trì" in o.roles]
    assert lead and lead[0].deadline == D(2026, 3, 20) and lead[0].cooperating == ["Sở Khoa học và Công nghệ"]
    partner = [o for o in _at(obs, "mục II.3") if o.units == ["Sở Khoa học và Công nghệ"]]
    assert partner and partner[0].roles == ["phối hợp"] and partner[0].lead == ["Sở Tư pháp"]
    reports = [o for o in _at(obs, "mục II.3") if o.units == ["Sở Tư pháp"] and o.recipient == "UBND tỉnh"]
    # "trước ngày 15/6 và 15/12 hằng năm": each date, every year
    assert {(o.rule.month, o.rule.day) for o in reports if o.rule} == {(6, 15), (12, 15)}


@pytest.mark.parametrize("form", ["md", "docx"])
def test_a_list_after_a_purpose_and_the_lead_body_named_by_its_role(pilot, form):
    _doc, obs = pilot[form]
    (money,) = _at(obs, "mục II.4")
    assert money.units == ["Sở Tài chính", "Sở Khoa học và Công nghệ"] and money.deadline == D(2026, 6, 30)
    (sum_up,) = [o for o in _at(obs, "mục II.5") if o.recipient]
    assert sum_up.units == ["Sở Tư pháp"] and sum_up.recipient == "Chủ tịch UBND tỉnh"  # "Cơ quan chủ trì"
    assert sum_up.deadline == D(2026, 10, 31)


@pytest.mark.parametrize("form", ["md", "docx"])
def test_the_wards_of_an_appendix_each_with_its_row(pilot, form):
    doc, obs = pilot[form]
    got = {tuple(o.units): o.deadline for o in _at(obs, "mục II.6")}
    assert got == {("UBND phường Phố Hiến",): D(2026, 4, 10), ("UBND xã Tiên Lữ",): D(2026, 4, 12),
                   ("UBND xã Khoái Châu",): D(2026, 4, 14)}
    # the table: its group rows and its total kept apart from the rows they sum
    (_n, table), = list(doc.tables())
    assert [r.cells[1] for r in table.rows] == ["Phường Phố Hiến", "Xã Tiên Lữ", "Xã Khoái Châu"]
    assert [r.group for r in table.rows] == ["I. Các phường", "II. Các xã", "II. Các xã"]
    assert [r.cells[1] for r in table.aggregates] == ["Các phường", "Các xã", "Tổng cộng"]


@pytest.mark.parametrize("form", ["md", "docx"])
def test_the_communes_that_remain(pilot, form):
    _doc, obs = pilot[form]
    (rest,) = _at(obs, "mục II.7")
    communes = {u.name for u in UNITS.members("UBND cấp xã")}
    assert set(rest.units) == communes - set(PILOTS) and len(rest.units) == len(communes) - 3


@pytest.fixture(scope="module")
def party(tmp_path_factory) -> dict[str, AdminDocument]:
    return _both(PARTY, tmp_path_factory.mktemp("party"), "chi-thi-12")


@pytest.mark.parametrize("form", ["md", "docx"])
def test_a_party_directive_in_the_document_model(party, form):
    doc = party[form]
    assert (doc.kind, doc.number, doc.issuer) == ("Chỉ thị", "12-CT/TU", "Ban Thường vụ Tỉnh ủy Hưng Yên")
    assert doc.header.date.date == D(2026, 1, 20) and "ĐẢNG CỘNG SẢN VIỆT NAM" in doc.header.motto
    assert doc.signer is not None and doc.signer.capacity == ["T/M Ban Thường vụ"] and doc.signer.name == "Trần Văn Bình"


@pytest.mark.parametrize("form", ["md", "docx"])
def test_party_bodies_are_units(party, form):
    obs = extract_obligations(party[form], UNITS)
    (org,) = [o for o in obs if o.units == ["Ban Tổ chức Tỉnh ủy"] and o.recipient]
    assert org.recipient == "Ban Thường vụ Tỉnh ủy" and org.deadline == D(2026, 3, 31)
    assert org.cooperating == ["Ủy ban Kiểm tra Tỉnh ủy"]
    monthly = [o for o in obs if o.group == "Đảng ủy cấp xã" and o.recipient]
    assert monthly and monthly[0].recipient == "Ban Thường vụ Tỉnh ủy" and monthly[0].via == "Ban Tổ chức Tỉnh ủy"
    assert monthly[0].rule is not None and monthly[0].rule.day == 5
    assert any(o.units == ["Ủy ban MTTQ Việt Nam tỉnh"] for o in obs)
    assert all(not o.unresolved for o in obs)


@pytest.mark.parametrize("form", ["md", "docx"])
def test_minutes_give_duties_in_their_conclusions_only(tmp_path, form):
    doc = _both(MINUTES, tmp_path, "bien-ban-18")[form]
    assert (doc.kind, doc.number) == ("Biên bản", "18/BB-UBND")
    obs = extract_obligations(doc, UNITS)
    # the discussion proposes; only the conclusions assign
    assert not [o for o in obs if "02 cán bộ" in o.action]
    centre = [o for o in obs if o.units == ["Trung tâm Phục vụ hành chính công xã"]]
    assert centre and centre[0].deadline == D(2026, 3, 31) and centre[0].roles == ["chủ trì"]
    culture = [o for o in obs if o.units == ["Phòng Văn hóa - Xã hội"]]
    assert culture and culture[0].recurrence == "hằng tuần" and culture[0].cooperating == ["Đoàn Thanh niên xã"]
    person = [o for o in obs if o.units == ["Phạm Thị Thu"] and o.recipient]
    assert person and person[0].recipient == "Chủ tịch UBND xã" and person[0].deadline == D(2026, 4, 5)


OTHER_PROVINCE_LETTER = """**UBND TỈNH THANH HÓA  
SỞ NỘI VỤ**

Số: 415/SNV-CCHC

V/v cập nhật dữ liệu hồ sơ cán bộ, công chức cấp xã

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập - Tự do - Hạnh phúc**

Thanh Hóa, ngày 02 tháng 4 năm 2026

Kính gửi: UBND các xã, phường.

Thực hiện Kế hoạch của UBND tỉnh về số hóa hồ sơ cán bộ, công chức, Sở Nội vụ đề nghị:

1. UBND các xã, phường có tên tại Phụ lục hoàn thành cập nhật hồ sơ lên phần mềm theo thời hạn ghi tại Phụ lục.

2. UBND các xã, phường báo cáo kết quả về Sở Nội vụ trước ngày 20/5/2026.

**KT. GIÁM ĐỐC  
PHÓ GIÁM ĐỐC**

**Lê Văn Hòa**

**PHỤ LỤC**

**DANH SÁCH XÃ, PHƯỜNG CẬP NHẬT TRƯỚC**

| TT | Xã, phường | Số hồ sơ | Thời hạn hoàn thành |
|---|---|---|---|
| 1 | Phường Hạc Thành | 420 | 30/4/2026 |
| 2 | Phường Sầm Sơn | 310 | 30/4/2026 |
| 3 | Xã Hoằng Tiến | 150 | 15/5/2026 |
"""

HOME_PLAN_WITH_SCHEDULE = """**ỦY BAN NHÂN DÂN  
TỈNH HƯNG YÊN**

Số: 88/KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 10 tháng 3 năm 2026

**KẾ HOẠCH**

**Chuẩn hóa dữ liệu thủ tục hành chính năm 2026**

**I. NHIỆM VỤ**

1. Các sở có tên tại Phụ lục rà soát, chuẩn hóa dữ liệu thủ tục hành chính theo tiến độ quy định tại Phụ lục.

2. Các sở có tên tại Phụ lục công khai kết quả trên Cổng dịch vụ công của tỉnh.

**TM. ỦY BAN NHÂN DÂN  
KT. CHỦ TỊCH  
PHÓ CHỦ TỊCH**

**Nguyễn Văn Minh**

**PHỤ LỤC**

**TIẾN ĐỘ CHUẨN HÓA DỮ LIỆU**

| TT | Cơ quan | Số thủ tục | Thời điểm hoàn thành |
|---|---|---|---|
| 1 | Sở Tư pháp | 120 | 15/4/2026 |
| 2 | Sở Xây dựng | 95 | 30/4/2026 |
| 3 | Sở Y tế | 140 | 20/5/2026 |
"""


@pytest.mark.parametrize("form", ["md", "docx"])
def test_each_unit_takes_its_date_from_the_appendix_the_clause_points_to(tmp_path, form):
    # a plan of this province and another province's letter: "theo tiến độ / thời hạn … tại Phụ lục"
    plan = _both(HOME_PLAN_WITH_SCHEDULE, tmp_path, "ke-hoach-88")[form]
    obs = extract_obligations(plan, UNITS)
    dated = {tuple(o.units): o.deadline for o in _at(obs, "mục I.1")}
    assert dated == {("Sở Tư pháp",): D(2026, 4, 15), ("Sở Xây dựng",): D(2026, 4, 30), ("Sở Y tế",): D(2026, 5, 20)}
    # the next clause names the same units but leaves its time unsaid: no row's date is lent to it
    (publish,) = _at(obs, "mục I.2")
    assert publish.units == ["Sở Tư pháp", "Sở Xây dựng", "Sở Y tế"] and publish.deadline is None
    letter = _both(OTHER_PROVINCE_LETTER, tmp_path, "cong-van-415")[form]
    dated = {tuple(o.units): o.deadline for o in extract_obligations(letter, UNITS) if o.section == "mục 1"}
    assert dated == {("UBND phường Hạc Thành",): D(2026, 4, 30), ("UBND phường Sầm Sơn",): D(2026, 4, 30),
                     ("UBND xã Hoằng Tiến",): D(2026, 5, 15)}


@pytest.mark.parametrize("form", ["md", "docx"])
def test_another_provinces_groups_are_not_this_provinces(tmp_path, form):
    letter = _both(OTHER_PROVINCE_LETTER, tmp_path, "cong-van-415")[form]
    obs = extract_obligations(letter, UNITS)
    (report,) = _at(obs, "mục 2")
    assert report.group == "UBND cấp xã" and report.province == "tỉnh Thanh Hóa" and report.units == []
    assert report.recipient == "Sở Nội vụ" and report.deadline == D(2026, 5, 20)
    home = UNITS.resolve("UBND xã Tiên Lữ")
    assert home is not None and home.unit is not None and "UBND cấp xã" in home.unit.groups
    assert not report.applies_to(home.unit.name, home.unit.groups)
    # nor do this province's groups reach that province's communes
    theirs = UNITS.resolve("phường Hạc Thành")
    assert theirs is not None and theirs.unit is not None and theirs.unit.groups == ()


PARTY_CONCLUSION = """**TỈNH ỦY HƯNG YÊN**

Số 214-TB/TU

**ĐẢNG CỘNG SẢN VIỆT NAM**

Hưng Yên, ngày 12 tháng 3 năm 2026

**THÔNG BÁO**

**Kết luận của Thường trực Tỉnh ủy về tiến độ sắp xếp đơn vị sự nghiệp công lập**

Thường trực Tỉnh ủy kết luận như sau:

1. Đảng ủy Ủy ban nhân dân tỉnh: Lãnh đạo Ủy ban nhân dân tỉnh hoàn thiện Đề án sắp xếp đơn vị sự nghiệp công lập, trình Ban Thường vụ Tỉnh ủy trước ngày 30/6/2026.

2. Để bảo đảm tiến độ giải ngân, kịp thời, đúng quy định, Sở Tài chính chủ trì, phối hợp với Sở Xây dựng tham mưu Ủy ban nhân dân tỉnh điều chuyển vốn trong quý III và quý IV/2026.

3. Căn cứ kết luận này, Trưởng các thôn, tổ dân phố phổ biến đến Nhân dân tại hội nghị thôn, tổ dân phố trong tháng 4 và tháng 5/2026.

**T/L BAN THƯỜNG VỤ  
CHÁNH VĂN PHÒNG**

**Đỗ Minh Tâm**
"""


@pytest.fixture(scope="module")
def conclusion(tmp_path_factory) -> dict[str, list[Obligation]]:
    docs = _both(PARTY_CONCLUSION, tmp_path_factory.mktemp("conclusion"), "thong-bao-214")
    return {form: extract_obligations(d, UNITS) for form, d in docs.items()}


@pytest.mark.parametrize("form", ["md", "docx"])
def test_a_party_body_that_leads_another_body(conclusion, form):
    # "Đảng ủy UBND tỉnh: Lãnh đạo UBND tỉnh …": the party body directs; "Lãnh đạo UBND tỉnh" is no subject here
    (o,) = _at(conclusion[form], "mục 1")
    assert o.units == ["Đảng ủy UBND tỉnh"] and "chỉ đạo" in o.roles
    assert o.recipient == "Ban Thường vụ Tỉnh ủy" and o.deadline == D(2026, 6, 30)


@pytest.mark.parametrize("form", ["md", "docx"])
def test_a_purpose_phrase_with_commas_of_its_own_and_advice_to_a_body(conclusion, form):
    rows = _at(conclusion[form], "mục 2")
    lead = [o for o in rows if o.units == ["Sở Tài chính"]]
    partner = [o for o in rows if o.units == ["Sở Xây dựng"]]
    assert lead and partner and partner[0].roles == ["phối hợp"]
    # advice goes to whom it is given (named as the text names it); the period runs to the end of its last quarter
    assert lead[0].recipient == "Ủy ban nhân dân tỉnh" and lead[0].deadline == D(2026, 12, 31) and lead[0].start == D(2026, 7, 1)


@pytest.mark.parametrize("form", ["md", "docx"])
def test_heads_of_a_community_set_give_the_set_its_duty(conclusion, form):
    (o,) = _at(conclusion[form], "mục 3")
    assert o.group == "các thôn, tổ dân phố" and o.deadline == D(2026, 5, 31)


WEEKLY_SCHEDULE = """**UBND XÃ TIÊN LỮ  
VĂN PHÒNG HĐND VÀ UBND**

Số: 12/TB-VP

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập - Tự do - Hạnh phúc**

Tiên Lữ, ngày 20 tháng 3 năm 2026

**THÔNG BÁO**

**Lịch làm việc tuần của Chủ tịch, các Phó Chủ tịch UBND xã (từ ngày 23/3/2026 đến ngày 27/3/2026)**

| Thứ, ngày | Thời gian | Nội dung công việc | Cơ quan chuẩn bị |
|---|---|---|---|
| Thứ Hai (23/3) | 08 giờ 00 | Giao ban tuần | Văn phòng HĐND và UBND xã Tiên Lữ |
| Thứ Tư (25/3) | 14 giờ 00 | Nghe báo cáo tiến độ số hóa hồ sơ | Phòng Văn hóa - Xã hội xã Tiên Lữ |
| Thứ Năm (26/3) | 08 giờ 30 | Làm việc về quy hoạch khu dân cư | Phòng Kinh tế xã Tiên Lữ |

1. Các cơ quan được giao chuẩn bị nội dung gửi tài liệu về Văn phòng HĐND và UBND xã Tiên Lữ trước 15 giờ 00 của ngày làm việc liền trước ngày họp.

2. Các cơ quan được giao chuẩn bị nội dung chủ động bố trí phòng họp.

**CHÁNH VĂN PHÒNG**

**Nguyễn Thị Mai**
"""


@pytest.mark.parametrize("form", ["md", "docx"])
def test_a_time_said_from_each_rows_meeting(tmp_path, form):
    doc = _both(WEEKLY_SCHEDULE, tmp_path, "lich-tuan")[form]
    obs = extract_obligations(doc, UNITS)
    sent = {o.units[0]: (o.deadline, o.time) for o in _at(obs, "mục 1") if o.recipient and len(o.units) == 1}
    # the working day before each meeting, at the hour said; the office that receives sends nothing to itself
    culture, economy = (UNITS.resolve(n).name for n in ("Phòng Văn hóa - Xã hội xã Tiên Lữ", "Phòng Kinh tế xã Tiên Lữ"))
    assert sent == {culture: (D(2026, 3, 24), "15:00"), economy: (D(2026, 3, 25), "15:00")}
    # a clause that says no time borrows none of the rows' dates
    assert all(o.deadline is None for o in _at(obs, "mục 2"))
