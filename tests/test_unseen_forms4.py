"""Forms and constructions the fourth held-out set brought, written again for these tests with
other content: the only Đề án or Tờ trình of a corpus asked what another document says; a
schedule's or plan's row asked "which" of a thing it does not name; a plan's activities asked by
the quarter they fall in; targets asked at the share they must reach; two groups asked their
reports in one question; a regulation whose chapter heading sounds descriptive, whose articles
open with a time before their verb, name a defined table ("có tên tại Bảng trên") or say a duty
in the passive with "được". Each capability on two forms, in three phrasings (accented,
unaccented with abbreviations, short). Assertions name facts, never an answer's wording."""

from __future__ import annotations

import pytest
from conftest import assistant_over

from retrieval.documents.references import mentions_in_question

DE_AN = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 45/ĐA-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 10 tháng 3 năm 2026*

**ĐỀ ÁN
Số hóa tài liệu lưu trữ của các sở, ngành giai đoạn 2026 - 2027**

**I. MỤC TIÊU**

Số hóa 100% hồ sơ lưu trữ có thời hạn bảo quản vĩnh viễn của các sở, ngành trước ngày 31/12/2027.

**II. TỔ CHỨC THỰC HIỆN**

1. Sở Nội vụ chủ trì hướng dẫn nghiệp vụ số hóa, hoàn thành trước ngày 30/4/2026.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Đào Quang Minh**
"""

TO_TRINH = """**SỞ TƯ PHÁP TỈNH HƯNG YÊN**

Số: 77/TTr-STP

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 02 tháng 4 năm 2026*

**TỜ TRÌNH
Đề nghị phê duyệt kinh phí tập huấn công chức tư pháp - hộ tịch năm 2026**

Kính gửi: UBND tỉnh Hưng Yên.

Sở Tư pháp đề nghị UBND tỉnh phê duyệt kinh phí 180 triệu đồng để tổ chức 03 lớp tập huấn công chức tư pháp - hộ tịch cấp xã trong quý II/2026.

**GIÁM ĐỐC**

**Lê Văn Hòa**
"""

BIEN_BAN_HOP = """**ỦY BAN NHÂN DÂN
XÃ KIM ĐỘNG**

Số: 19/BB-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Kim Động, ngày 15 tháng 4 năm 2026*

**BIÊN BẢN
Họp giao ban công tác lưu trữ và tập huấn quý II năm 2026**

1. Đồng chí Phạm Thu Trang, công chức Văn phòng: đề xuất mua 02 máy quét cho kho lưu trữ của xã, kinh phí dự kiến 60 triệu đồng; mua 01 máy chiếu cho phòng tập huấn, kinh phí 25 triệu đồng.

**CHỦ TRÌ**

**Nguyễn Văn Hải**
"""

LICH = """**VĂN PHÒNG UBND TỈNH HƯNG YÊN**

Số: 61/TB-VP

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 08 tháng 5 năm 2026*

**THÔNG BÁO
Lịch công tác tuần 19 năm 2026 của lãnh đạo UBND tỉnh**

| Thứ, ngày | Thời gian | Lãnh đạo UBND tỉnh | Nội dung công việc | Địa điểm | Cơ quan chuẩn bị |
|---|---|---|---|---|---|
| Thứ Hai (11/5) | 08 giờ 00 | Chủ tịch Lê Minh Đức | Giao ban lãnh đạo UBND tỉnh | Phòng họp số 1 | Văn phòng UBND tỉnh |
| Thứ Ba (12/5) | 14 giờ 00 | Phó Chủ tịch Nguyễn Thị Thanh Hương | Họp Hội đồng Thi đua - Khen thưởng tỉnh | Phòng họp số 2 | Sở Nội vụ |
| Thứ Năm (14/5) | 08 giờ 00 | Phó Chủ tịch Đào Quang Minh | Làm việc với Sở Xây dựng về dự án nhà ở xã hội | Trụ sở Sở Xây dựng | Sở Xây dựng |
"""

KE_HOACH = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 58/KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 20 tháng 01 năm 2026*

**KẾ HOẠCH
Bồi dưỡng nghiệp vụ một cửa năm 2026**

**I. CÁC HOẠT ĐỘNG**

| STT | Nội dung | Thời gian | Đơn vị thực hiện | Kinh phí (triệu đồng) |
|---|---|---|---|---|
| 1 | Hội nghị tập huấn nghiệp vụ một cửa cho công chức cấp xã | Quý II/2026 | Sở Nội vụ | 120 |
| 2 | Biên soạn sổ tay hướng dẫn giải quyết thủ tục hành chính | Tháng 5 - 6/2026 | Sở Tư pháp | 45 |
| 3 | Khảo sát sự hài lòng của người dân | Quý III/2026 | Trung tâm Phục vụ hành chính công tỉnh | 80 |
| 4 | Hội thi công chức một cửa giỏi | Tháng 10/2026 | Sở Văn hóa, Thể thao và Du lịch | 150 |

**II. CHẾ ĐỘ BÁO CÁO**

1. Các sở, ban, ngành tỉnh gửi báo cáo kết quả bồi dưỡng về UBND tỉnh (qua Sở Nội vụ) trước ngày 15 của tháng cuối quý.

2. UBND các xã, phường gửi báo cáo kết quả bồi dưỡng về UBND tỉnh (qua Sở Nội vụ) trước ngày 10 của tháng cuối quý.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Nguyễn Thị Thanh Hương**
"""

CHUONG_TRINH = """ĐẢNG BỘ TỈNH HƯNG YÊN
**ĐẢNG ỦY XÃ TIÊN LỮ**
\\*

Số 11-CTr/ĐU

**ĐẢNG CỘNG SẢN VIỆT NAM**

*Tiên Lữ, ngày 05 tháng 5 năm 2026*

**CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện chuyển đổi số trong các chi bộ giai đoạn 2026 - 2027**

**I. CHỈ TIÊU**

| STT | Chỉ tiêu | Năm 2026 (%) | Năm 2027 (%) |
|---|---|---|---|
| 1 | Tỷ lệ đảng viên dùng Sổ tay đảng viên điện tử | 80 | 100 |
| 2 | Tỷ lệ chi bộ họp có tài liệu điện tử | 100 | 100 |
| 3 | Tỷ lệ hồ sơ đảng viên được số hóa | 60 | 90 |

**II. NHIỆM VỤ**

| STT | Nội dung | Cơ quan chủ trì | Thời gian |
|---|---|---|---|
| 1 | Tập huấn Sổ tay đảng viên điện tử | Văn phòng Đảng ủy | Tháng 6/2026 |
| 2 | Số hóa hồ sơ đảng viên đợt 1 | Ban Xây dựng Đảng | Quý III/2026 |
| 3 | Sơ kết một năm thực hiện | Văn phòng Đảng ủy | Tháng 8/2026 |

**T/M BAN THƯỜNG VỤ
BÍ THƯ**

**Hoàng Văn Long**
"""

QUY_DINH = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 204/QĐ-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 18 tháng 02 năm 2026*

**QUY ĐỊNH
Về chế độ báo cáo kiểm soát thủ tục hành chính trên địa bàn tỉnh**

**Chương I
ĐÁNH GIÁ VÀ BÁO CÁO**

**Điều 1. Báo cáo định kỳ**

1. Hằng quý, trước ngày 12 của tháng cuối quý, các sở, ngành và UBND các xã, phường báo cáo kết quả kiểm soát thủ tục hành chính, gửi Sở Tư pháp.

2. Báo cáo của các đơn vị được Sở Tư pháp thẩm định, trình Chủ tịch UBND tỉnh trong thời hạn 10 ngày làm việc.

**Chương II
TỔ CHỨC THỰC HIỆN**

**Điều 2. Trách nhiệm của Sở Tư pháp**

Hằng quý, trước ngày 20 của tháng cuối quý, tổng hợp tình hình báo cáo của các sở, ngành, UBND các xã, phường, báo cáo Chủ tịch UBND tỉnh.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Đào Quang Minh**
"""

DON_DOC = """**SỞ NỘI VỤ TỈNH HƯNG YÊN**

Số: 412/SNV-CCHC
V/v đôn đốc gửi báo cáo tự đánh giá Chỉ số CCHC năm 2026

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 05 tháng 11 năm 2026*

Kính gửi: Các đơn vị có tên tại Bảng dưới đây.

| STT | Đơn vị | Số ngày chậm (tính đến ngày 04/11/2026) |
|---|---|---|
| 1 | Sở Y tế | 6 |
| 2 | Sở Xây dựng | 11 |
| 3 | UBND xã Phù Cừ | 3 |

1. Thủ trưởng các đơn vị có tên tại Bảng trên gửi báo cáo tự đánh giá về Sở Nội vụ trước ngày 12/11/2026.

**KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC**

**Trương Thị Hạnh**
"""


@pytest.fixture(scope="module")
def forms4(tmp_path_factory, embedder, embed_cache):
    return assistant_over(tmp_path_factory, embedder, embed_cache, {
        "de-an-so-hoa-luu-tru.md": DE_AN, "to-trinh-kinh-phi-tap-huan.md": TO_TRINH,
        "bien-ban-giao-ban-luu-tru.md": BIEN_BAN_HOP, "lich-cong-tac-tuan-19.md": LICH,
        "ke-hoach-boi-duong-mot-cua.md": KE_HOACH, "chuong-trinh-hanh-dong-dang-uy-xa.md": CHUONG_TRINH,
        "quy-dinh-bao-cao-kstthc.md": QUY_DINH, "cong-van-don-doc-tu-danh-gia.md": DON_DOC})


def _rows_named(text: str, inside: list[str], outside: list[str]) -> None:
    assert all(x in text for x in inside), text
    assert not any(x in text for x in outside), text


def _duties(a, number: str, unit: str):  # type: ignore[no-untyped-def]
    return [o for o in a.library.obligations if o.doc_number == number and unit in o.units]


@pytest.mark.parametrize("question", [
    "Đề án số hóa tài liệu lưu trữ dự kiến mua bao nhiêu máy quét?",
    "de an so hoa luu tru mua may may quet",
    "Đề án lưu trữ: số máy quét?",
    "Tờ trình tập huấn tư pháp đề nghị mua bao nhiêu máy chiếu?",
    "to trinh tap huan tu phap xin mua may may chieu",
    "Tờ trình tập huấn: mấy máy chiếu?",
])
def test_the_only_document_of_a_kind_named_is_not_answered_by_another_ones_passage(forms4, question):
    """The minutes mention both machines; the Đề án and the Tờ trình the question names do not."""
    a = forms4.ask(question)
    assert a.abstained, a.text
    assert "02 máy quét" not in a.text.split("\n")[0] and "01 máy chiếu" not in a.text.split("\n")[0]


@pytest.mark.parametrize("question", [
    "Cuộc họp Hội đồng Thi đua - Khen thưởng tỉnh ngày 12/5 xét những tập thể nào?",
    pytest.param("hop hoi dong thi dua khen thuong tinh ngay 12/5 xet nhung tap the nao", marks=pytest.mark.xfail(
        strict=True, reason="known gap: unaccented, this 'which' is not read as asking a list")),
    "Họp Hội đồng Thi đua - Khen thưởng 12/5: những tập thể nào?",
    "Hội nghị tập huấn nghiệp vụ một cửa cho công chức cấp xã mời những giảng viên nào?",
    "hoi nghi tap huan nghiep vu mot cua cho cong chuc cap xa moi nhung giang vien nao",
    "Tập huấn nghiệp vụ một cửa cho công chức cấp xã: những giảng viên nào?",
])
def test_a_row_asked_which_of_a_thing_it_does_not_name_says_so(forms4, question):
    a = forms4.ask(question)
    assert a.abstained, a.text


@pytest.mark.parametrize(("question", "inside", "outside"), [
    ("Những hoạt động nào trong Kế hoạch bồi dưỡng nghiệp vụ một cửa được thực hiện trong quý II/2026?",
     ["Hội nghị tập huấn nghiệp vụ một cửa", "Biên soạn sổ tay"], ["Khảo sát sự hài lòng", "Hội thi công chức"]),
    ("kh 58 hoat dong nao lam trong quy 2/2026", ["Hội nghị tập huấn nghiệp vụ một cửa", "Biên soạn sổ tay"],
     ["Khảo sát sự hài lòng"]),
    ("Hoạt động bồi dưỡng một cửa nào rơi vào quý II/2026?", ["Hội nghị tập huấn nghiệp vụ một cửa", "Biên soạn sổ tay"],
     ["Hội thi công chức"]),
    ("Những nội dung nào trong Chương trình hành động của Đảng ủy xã Tiên Lữ thực hiện trong quý III/2026?",
     ["Số hóa hồ sơ đảng viên đợt 1", "Sơ kết một năm"], ["Tập huấn Sổ tay"]),
    ("ctr 11 dang uy xa tien lu noi dung nao thuc hien trong quy 3/2026", ["Số hóa hồ sơ đảng viên đợt 1",
                                                                          "Sơ kết một năm"], ["Tập huấn Sổ tay"]),
    ("Nội dung nào của 11-CTr/ĐU làm trong quý III/2026?", ["Số hóa hồ sơ đảng viên đợt 1", "Sơ kết một năm"],
     ["Tập huấn Sổ tay"]),
    *(pytest.param(q, inside, outside, marks=pytest.mark.xfail(strict=True, reason=(
        "known gap: 'nhiệm vụ nào' of a party programme is read as a unit's duties or the part's rows, "
        "which outrank the table's period rows"))) for q, inside, outside in [
        ("Theo Chương trình hành động của Đảng ủy xã Tiên Lữ, những nhiệm vụ nào thực hiện trong quý III/2026?",
         ["Số hóa hồ sơ đảng viên đợt 1", "Sơ kết một năm"], ["Tập huấn Sổ tay"]),
        ("ctr 11 dang uy xa tien lu nhiem vu nao lam trong quy 3/2026", ["Số hóa hồ sơ đảng viên đợt 1",
                                                                       "Sơ kết một năm"], ["Tập huấn Sổ tay"]),
        ("Nhiệm vụ nào của 11-CTr/ĐU rơi vào quý III/2026?", ["Số hóa hồ sơ đảng viên đợt 1", "Sơ kết một năm"],
         ["Tập huấn Sổ tay"])]),
])
def test_rows_of_a_plan_are_found_by_the_quarter_they_fall_in(forms4, question, inside, outside):
    _rows_named(forms4.ask(question).text, inside, outside)


@pytest.mark.parametrize(("question", "inside", "outside"), [
    ("Những chỉ tiêu nào trong Chương trình hành động của Đảng ủy xã Tiên Lữ phải đạt 100% năm 2026?",
     ["tài liệu điện tử"], ["Sổ tay đảng viên", "được số hóa"]),
    ("nhung chi tieu nao dat 100% nam 2027 trong ctr 11 dang uy xa tien lu", ["Sổ tay đảng viên", "tài liệu điện tử"],
     ["được số hóa"]),
    ("Chỉ tiêu đạt 100% năm 2027 — 11-CTr/ĐU?", ["Sổ tay đảng viên", "tài liệu điện tử"], ["được số hóa"]),
])
def test_rows_at_the_share_asked_are_listed(forms4, question, inside, outside):
    _rows_named(forms4.ask(question).text, inside, outside)


@pytest.mark.parametrize("question", [
    "Theo Kế hoạch bồi dưỡng nghiệp vụ một cửa, các sở, ban, ngành và UBND các xã, phường gửi báo cáo cho ai, trước ngày nào?",
    "kh 58 cac so, ban, nganh va ubnd cac xa, phuong gui bao cao ve dau, han ngay nao",
    "Báo cáo bồi dưỡng một cửa của sở, ngành và của UBND các xã, phường: gửi đâu, hạn?",
    "Theo Quy định 204/QĐ-UBND, các sở, ngành và UBND các xã, phường báo cáo kiểm soát thủ tục hành chính gửi ai, trước ngày nào?",
    "qd 204 so nganh va ubnd cac xa, phuong bao cao kiem soat tthc gui ai, han nao",
    "Báo cáo kiểm soát TTHC của sở, ngành và UBND các xã, phường (QĐ 204): gửi ai, hạn?",
])
def test_two_groups_asked_together_each_get_their_report(forms4, question):
    a = forms4.ask(question)
    if "204" in question:
        assert "ngày 12 của tháng cuối quý" in a.text and "Sở Tư pháp" in a.text, a.text
    else:
        assert "ngày 15 của tháng cuối quý" in a.text and "ngày 10 của tháng cuối quý" in a.text, a.text


def test_a_regulations_chapter_is_no_descriptive_part_and_its_articles_give_duties(forms4):
    mine = [o for o in forms4.library.obligations if o.doc_number == "204/QĐ-UBND" and o.group == "sở, ban, ngành tỉnh"]
    assert any(o.recipient and "Sở Tư pháp" in o.recipient for o in mine), mine


def test_a_clause_opening_with_a_time_then_its_verb_is_the_headings_subjects(forms4):
    """"Hằng quý, trước ngày 20 …, tổng hợp … của các sở, ngành, UBND các xã, phường, báo cáo
    Chủ tịch UBND tỉnh" under "Trách nhiệm của Sở Tư pháp": the Sở's, not the communes'."""
    theirs = [o for o in forms4.library.obligations if o.doc_number == "204/QĐ-UBND" and o.section == "Điều 2"]
    assert theirs and all("Sở Tư pháp" in o.units for o in theirs), theirs


@pytest.mark.parametrize(("number", "unit", "needle"), [
    ("204/QĐ-UBND", "Sở Tư pháp", "thẩm định"),
    ("412/SNV-CCHC", "Sở Xây dựng", "tự đánh giá"),
    ("412/SNV-CCHC", "UBND xã Phù Cừ", "tự đánh giá"),
])
def test_passive_agents_and_a_table_named_as_above_hold_their_duties(forms4, number, unit, needle):
    mine = _duties(forms4, number, unit)
    assert any(needle in f"{o.action} {o.text}" for o in mine), [o.text for o in forms4.library.obligations
                                                             if o.doc_number == number]


@pytest.mark.parametrize(("question", "about"), [
    ("Công văn 412/SNV-CCHC ban hành ngày nào, về việc gì?", "tự đánh giá"),
    ("cv 412 snv ngay nao, v/v gi", "tự đánh giá"),
    ("Thông báo 61/TB-VP ban hành ngày nào và thông báo lịch công tác tuần mấy?", "tuần 19"),
])
def test_a_date_asked_with_what_the_document_is_about_gives_both(forms4, question, about):
    a = forms4.ask(question)
    assert about in a.text and any(d in a.text for d in ("05 tháng 11 năm 2026", "05/11/2026", "08 tháng 5 năm 2026")), a.text


def test_a_letter_number_typed_loosely_is_not_a_report_of_the_same_number():
    (cv,) = mentions_in_question("cv 287 gửi ai?")
    assert cv.matches("287/SNV-CCHC") and not cv.matches("287/BC-TTPVHCC")
    (bc,) = mentions_in_question("bc 287 ngày nào?")
    assert bc.matches("287/BC-TTPVHCC") and not bc.matches("287/SNV-CCHC")
