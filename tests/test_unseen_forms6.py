"""Forms of the sixth held-out set, written anew: a Phụ lục printed under a header of its own;
a document issued jointly by two bodies; a reply that quotes its addressees' kiến nghị; a list
of units after "UBND các xã"; sets of people a heading gives duties to; tables asked for a total
with its groups, the rows holding a phrase, a group's rows counted, the unit with most rows, a
row of an agenda by its hour. Each on two forms, questions in three phrasings (accented,
unaccented with abbreviations, short). Assertions name facts, never an answer's wording."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from conftest import assistant_over

from retrieval.documents.ingest import load_document
from retrieval.facts.obligations import extract_obligations
from retrieval.facts.units import load_units

# -- a Phụ lục under its own header (the national motto again), grouped rows with subtotals ----
QD_KINH_PHI = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 31/QĐ-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 09 tháng 01 năm 2027*

**QUYẾT ĐỊNH
Về việc giao kinh phí số hóa hồ sơ thủ tục hành chính năm 2027**

**Điều 1.** Giao kinh phí số hóa hồ sơ thủ tục hành chính năm 2027 cho các cơ quan, đơn vị có tên tại Phụ lục kèm theo Quyết định này.

**Điều 2.** Tổ chức thực hiện

1. Thủ trưởng các sở, ngành và Chủ tịch UBND các xã, phường có tên tại Phụ lục lập báo cáo quyết toán kinh phí, gửi Sở Tài chính trước ngày 15/01/2028.

2. Chủ tịch UBND các xã, phường có tên tại Mục II Phụ lục ban hành kế hoạch số hóa chi tiết, gửi Sở Nội vụ trước ngày 20/02/2027.

**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Nguyễn Thị Thanh Hương**

**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

**Phụ lục**

**KINH PHÍ SỐ HÓA HỒ SƠ THỦ TỤC HÀNH CHÍNH NĂM 2027**

*(Kèm theo Quyết định số 31/QĐ-UBND ngày 09/01/2027 của UBND tỉnh Hưng Yên)*

| STT | Đơn vị | Nội dung | Kinh phí (triệu đồng) |
|---|---|---|---|
| **I** | **Khối sở, ngành** | | |
| 1 | Sở Y tế | Số hóa hồ sơ cấp chứng chỉ hành nghề | 410 |
| 2 | Sở Xây dựng | Số hóa hồ sơ cấp giấy phép xây dựng lưu trữ | 530 |
| 3 | Sở Công Thương | Số hóa hồ sơ đăng ký hộ kinh doanh; rà soát dữ liệu | 260 |
| | **Cộng I** | | **1.200** |
| **II** | **Khối xã, phường** | | |
| 4 | UBND phường Sơn Nam | Số hóa hồ sơ đăng ký hộ kinh doanh tồn đọng | 150 |
| 5 | UBND phường Hồng Châu | Số hóa Sổ đăng ký hộ tịch | 120 |
| 6 | UBND xã Tân Hưng | Số hóa Sổ đăng ký hộ tịch; sửa chữa kho lưu trữ | 90 |
| | **Cộng II** | | **360** |
| | **Tổng cộng (I + II)** | | **1.560** |
"""

KH_CHI_TIEU = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 44/KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 20 tháng 02 năm 2027*

**KẾ HOẠCH
Tập huấn kỹ năng số cho công chức Bộ phận Một cửa năm 2027**

**I. TỔ CHỨC THỰC HIỆN**

1. Các sở, ngành và UBND các xã, phường nêu tại Phụ lục cử công chức dự tập huấn, gửi danh sách về Sở Nội vụ trước ngày 10/3/2027.

2. UBND các xã, phường nêu tại Mục II Phụ lục bố trí phòng máy cho lớp tập huấn trước ngày 25/3/2027.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Đào Quang Minh**

**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

**PHỤ LỤC**

**SỐ HỌC VIÊN VÀ KINH PHÍ TẬP HUẤN**

*(Kèm theo Kế hoạch số 44/KH-UBND ngày 20/02/2027 của UBND tỉnh)*

| STT | Đơn vị | Nội dung tập huấn | Kinh phí (triệu đồng) |
|---|---|---|---|
| **I** | **Các sở, ngành** | | |
| 1 | Sở Tư pháp | Kỹ năng ký số văn bản điện tử | 45 |
| 2 | Sở Giáo dục và Đào tạo | Kỹ năng ký số văn bản điện tử; khai thác dữ liệu dân cư | 60 |
| | **Cộng I** | | **105** |
| **II** | **Các xã, phường** | | |
| 3 | UBND phường Thượng Hồng | Khai thác dữ liệu dân cư | 30 |
| 4 | UBND xã Hoàng Hoa Thám | Kỹ năng ký số văn bản điện tử | 25 |
| 5 | UBND phường Đường Hào | Khai thác dữ liệu dân cư; hướng dẫn dịch vụ công | 35 |
| | **Cộng II** | | **90** |
| | **Tổng cộng** | | **195** |
"""


def _duties(text: str, number: str):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.md"
        path.write_text(text, encoding="utf-8")
        doc = load_document(path)
        return doc, [o for o in extract_obligations(doc, load_units()) if o.doc_number == number]


@pytest.mark.parametrize(("text", "number", "rows"), [(QD_KINH_PHI, "31/QĐ-UBND", 6), (KH_CHI_TIEU, "44/KH-UBND", 5)])
def test_an_appendix_under_a_header_of_its_own_belongs_to_its_document(text, number, rows):
    doc, _ = _duties(text, number)
    assert not doc.attachments, [a.kind for a in doc.attachments]
    tables = [n.table for a in doc.appendices for n in a.walk() if n.table is not None]
    assert len(tables) == 1 and len(tables[0].rows) == rows


@pytest.mark.parametrize(("text", "number", "everyone", "deadline", "group_ii", "deadline_ii"), [
    (QD_KINH_PHI, "31/QĐ-UBND", ["Sở Y tế", "Sở Xây dựng", "Sở Công Thương", "UBND phường Sơn Nam",
                                "UBND phường Hồng Châu", "UBND xã Tân Hưng"], "2028-01-15",
     ["UBND phường Sơn Nam", "UBND phường Hồng Châu", "UBND xã Tân Hưng"], "2027-02-20"),
    (KH_CHI_TIEU, "44/KH-UBND", ["Sở Tư pháp", "Sở Giáo dục và Đào tạo", "UBND phường Thượng Hồng",
                                "UBND xã Hoàng Hoa Thám", "UBND phường Đường Hào"], "2027-03-10",
     ["UBND phường Thượng Hồng", "UBND xã Hoàng Hoa Thám", "UBND phường Đường Hào"], "2027-03-25"),
])
def test_groups_narrowed_by_an_appendix_are_the_units_it_lists(text, number, everyone, deadline, group_ii, deadline_ii):
    """"Các sở, ngành và UBND các xã, phường có tên tại Phụ lục": every unit the table lists, sở
    and xã alike; "… tại Mục II Phụ lục": the units of that group of rows only."""
    _, duties = _duties(text, number)
    by_deadline: dict[str, set[str]] = {}
    for o in duties:
        by_deadline.setdefault(str(o.deadline), set()).update(o.units)
    assert by_deadline.get(deadline) == set(everyone), by_deadline
    assert by_deadline.get(deadline_ii) == set(group_ii), by_deadline


# -- two issuers, each in its own header block -------------------------------------------------
KH_LIEN_TICH = """**ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM
TỈNH HƯNG YÊN
BAN THƯỜNG TRỰC**

**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
SỞ TƯ PHÁP**

Số: 07/KHLT-MTTQ-STP

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 11 tháng 3 năm 2027*

**KẾ HOẠCH LIÊN TỊCH**

**Phối hợp tuyên truyền, phổ biến pháp luật về thủ tục hành chính năm 2027**

1. Sở Tư pháp biên soạn tài liệu hỏi - đáp về thủ tục hành chính trước ngày 30/4/2027.
"""

CT_PHOI_HOP = """**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
SỞ KHOA HỌC VÀ CÔNG NGHỆ**

**CÔNG AN TỈNH HƯNG YÊN**

Số: 02/CTPH-SKHCN-CAT

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 05 tháng 4 năm 2027*

**CHƯƠNG TRÌNH PHỐI HỢP**

**Kết nối dữ liệu dân cư với Hệ thống thông tin giải quyết thủ tục hành chính tỉnh**

1. Sở Khoa học và Công nghệ hoàn thành kết nối trước ngày 30/6/2027.
"""


@pytest.mark.parametrize(("text", "number", "kind", "bodies"), [
    (KH_LIEN_TICH, "07/KHLT-MTTQ-STP", "Kế hoạch", ("Ban Thường trực Ủy ban MTTQ Việt Nam", "Sở Tư pháp")),
    (CT_PHOI_HOP, "02/CTPH-SKHCN-CAT", "Chương trình", ("Sở Khoa học và Công nghệ", "Công an tỉnh")),
])
def test_a_joint_document_names_both_issuers_and_its_kind(text, number, kind, bodies):
    doc, _ = _duties(text, number)
    assert doc.kind == kind and doc.header.number.text == number
    assert all(b.lower() in doc.header.issuer.lower() for b in bodies), doc.header.issuer
    assert not doc.subject.upper().startswith("LIÊN TỊCH"), doc.subject


# -- a reply to its addressees' kiến nghị; "UBND các xã A, B, C …" ----------------------------
CV_TRA_LOI = """**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
SỞ NỘI VỤ**

Số: 318/SNV-CCHC
V/v trả lời kiến nghị của UBND các phường Sơn Nam, Thượng Hồng

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 02 tháng 3 năm 2027*

Kính gửi:
- UBND phường Sơn Nam;
- UBND phường Thượng Hồng.

**I. KIẾN NGHỊ CỦA UBND PHƯỜNG SƠN NAM**

1. Nội dung kiến nghị: Phường đề nghị bổ sung 01 biên chế cho Trung tâm Phục vụ hành chính công phường.

Trả lời: Việc giao biên chế thực hiện theo Kế hoạch của UBND tỉnh.

Đề nghị UBND phường Sơn Nam rà soát vị trí việc làm, gửi Sở Nội vụ trước ngày 31/3/2027.

**II. KIẾN NGHỊ CỦA UBND PHƯỜNG LAM SƠN**

2. Nội dung kiến nghị: Phường hỏi về thời gian trả kết quả trong ngày.

Trả lời: Hồ sơ nộp trước 15 giờ được trả kết quả trong ngày.

Đề nghị UBND các phường Sơn Nam, Thượng Hồng niêm yết nội dung trả lời tại Bộ phận Một cửa trước ngày 10/3/2027.

**KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC**

**Mai Xuân Trường**
"""

TB_DON_DOC = """**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
VĂN PHÒNG**

Số: 77/TB-VP

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 16 tháng 3 năm 2027*

**THÔNG BÁO
Ý kiến chỉ đạo về giải quyết hồ sơ đất đai quá hạn**

1. UBND các xã Tân Hưng, Hoàng Hoa Thám và Tiên Lữ giải quyết dứt điểm hồ sơ đất đai quá hạn trước ngày 15/4/2027.

**KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG**

**Trịnh Thu Trang**
"""


@pytest.mark.parametrize(("text", "number", "deadline", "units"), [
    (CV_TRA_LOI, "318/SNV-CCHC", "2027-03-10", {"UBND phường Sơn Nam", "UBND phường Thượng Hồng"}),
    (TB_DON_DOC, "77/TB-VP", "2027-04-15", {"UBND xã Tân Hưng", "UBND xã Hoàng Hoa Thám", "UBND xã Tiên Lữ"}),
])
def test_units_listed_after_ubnd_cac_xa_each_take_the_duty(text, number, deadline, units):
    _, duties = _duties(text, number)
    got = {u for o in duties if str(o.deadline) == deadline for u in o.units}
    assert got == units, [(o.units, o.deadline) for o in duties]


def test_a_reply_keeps_the_requests_it_makes_under_its_addressees_kien_nghi():
    """"KIẾN NGHỊ CỦA UBND PHƯỜNG SƠN NAM" in a reply sent to that phường: the part answers it,
    and what the Sở asks of the phường there is a duty."""
    _, duties = _duties(CV_TRA_LOI, "318/SNV-CCHC")
    assert any("UBND phường Sơn Nam" in o.units and str(o.deadline) == "2027-03-31" for o in duties), \
        [(o.units, o.deadline) for o in duties]


# -- people a heading gives duties to -----------------------------------------------------------
QD_DANG_UY = """**ĐẢNG BỘ TỈNH HƯNG YÊN
ĐẢNG ỦY XÃ TÂN HƯNG**
\\*

Số 45-QĐ/ĐU

**ĐẢNG CỘNG SẢN VIỆT NAM**

*Tân Hưng, ngày 02 tháng 3 năm 2027*

**QUYẾT ĐỊNH
phân công cấp ủy viên theo dõi công tác chuyển đổi số**

**Điều 1.** Phân công 05 đồng chí cấp ủy viên theo dõi công tác chuyển đổi số tại các chi bộ.

**Điều 2.** Trách nhiệm thực hiện

1. Các đồng chí cấp ủy viên được phân công tại Điều 1:

a) Dự sinh hoạt chi bộ ít nhất 01 lần mỗi quý;

b) Báo cáo Ban Thường vụ Đảng ủy xã kết quả theo dõi trước ngày 20/6/2027.

**T/M BAN THƯỜNG VỤ
BÍ THƯ**

**Hoàng Văn Khải**
"""

KH_TO_CONG_NGHE = """**ỦY BAN NHÂN DÂN
PHƯỜNG LAM SƠN**

Số: 21/KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Thượng Hồng, ngày 08 tháng 3 năm 2027*

**KẾ HOẠCH
Hoạt động của Tổ công nghệ số cộng đồng năm 2027**

**I. TỔ CHỨC THỰC HIỆN**

**1. Các thành viên tổ công nghệ số cộng đồng**

a) Hướng dẫn người dân cài đặt ứng dụng định danh điện tử;

b) Báo cáo UBND phường số người được hướng dẫn trước ngày 25/6/2027.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Phan Văn Lợi**
"""


@pytest.mark.parametrize(("text", "number", "name", "deadline"), [
    (QD_DANG_UY, "45-QĐ/ĐU", "Các đồng chí cấp ủy viên được phân công tại Điều 1", "2027-06-20"),
    (KH_TO_CONG_NGHE, "21/KH-UBND", "Các thành viên tổ công nghệ số cộng đồng", "2027-06-25"),
])
def test_people_a_heading_names_as_a_set_hold_its_duties(text, number, name, deadline):
    _, duties = _duties(text, number)
    assert any(name in o.units and str(o.deadline) == deadline for o in duties), [(o.units, o.deadline) for o in duties]


# -- tables asked as tables ---------------------------------------------------------------------
BC_TIEP_THU = """**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
SỞ TƯ PHÁP**

Số: 92/BC-STP

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 18 tháng 5 năm 2027*

**BÁO CÁO
Tiếp thu, giải trình ý kiến góp ý dự thảo Quy chế phối hợp chứng thực điện tử**

**II. TIẾP THU, GIẢI TRÌNH**

| STT | Đơn vị góp ý | Nội dung góp ý | Ý kiến tiếp thu, giải trình |
|---|---|---|---|
| 1 | Sở Y tế | Bổ sung căn cứ Nghị định về chứng thực điện tử | Tiếp thu |
| 2 | Công an tỉnh | Quy định thời hạn xác thực tài khoản | Tiếp thu |
| 3 | Công an tỉnh | Bổ sung trách nhiệm bảo mật dữ liệu | Tiếp thu |
| 4 | Công an tỉnh | Giảm thời hạn trả kết quả xuống 01 ngày | Không tiếp thu |
| 5 | UBND phường Hồng Châu | Hướng dẫn lưu trữ bản chứng thực điện tử | Giải trình |

**GIÁM ĐỐC**

**Đỗ Thị Minh Nguyệt**
"""

DS_HO_SO = """**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG**

Số: 15/BC-TTPVHCC

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 04 tháng 5 năm 2027*

**BÁO CÁO
Danh sách hồ sơ trả lại tháng 4 năm 2027**

| STT | Cơ quan giải quyết | Tên hồ sơ | Lý do trả lại |
|---|---|---|---|
| 1 | Sở Xây dựng | Cấp giấy phép xây dựng nhà ở riêng lẻ | Thiếu bản vẽ |
| 2 | Sở Xây dựng | Điều chỉnh giấy phép xây dựng | Sai thông tin chủ đầu tư |
| 3 | Sở Y tế | Cấp chứng chỉ hành nghề dược | Thiếu văn bằng |
| 4 | Sở Xây dựng | Gia hạn giấy phép xây dựng | Quá hạn nộp |
| 5 | Sở Công Thương | Cấp giấy phép bán lẻ rượu | Thiếu biên lai nộp lệ phí |

**GIÁM ĐỐC**

**Nguyễn Thị Hải Yến**
"""

CT_HOI_NGHI = """**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
VĂN PHÒNG**

Số: 61/CTr-VP

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 02 tháng 6 năm 2027*

**CHƯƠNG TRÌNH
Hội nghị tập huấn chứng thực điện tử ngày 09/6/2027**

| Thời gian | Nội dung | Người thực hiện |
|---|---|---|
| 08 giờ 00 - 08 giờ 15 | Khai mạc hội nghị | Đồng chí Nguyễn Thị Thanh Hương, Phó Chủ tịch UBND tỉnh |
| 08 giờ 15 - 09 giờ 30 | Hướng dẫn quy trình chứng thực điện tử | Bà Đỗ Thị Minh Nguyệt, Giám đốc Sở Tư pháp |
| 09 giờ 30 - 10 giờ 30 | Thực hành trên Hệ thống | Ông Vũ Đình Phong, Phó Giám đốc Trung tâm Phục vụ hành chính công tỉnh |
| 10 giờ 30 - 11 giờ 00 | Bế mạc | Đồng chí Bùi Đức Thịnh, Chánh Văn phòng UBND tỉnh |
"""

LICH_KIEM_TRA = """**BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH TỈNH HƯNG YÊN**

Số: 19/TB-BCĐ

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 20 tháng 5 năm 2027*

**THÔNG BÁO
Lịch làm việc của Đoàn kiểm tra cải cách hành chính ngày 27/5/2027**

| Thời gian | Nội dung | Người thực hiện |
|---|---|---|
| 07 giờ 30 - 09 giờ 00 | Kiểm tra Bộ phận Một cửa phường Sơn Nam | Ông Mai Xuân Trường, Trưởng đoàn |
| 09 giờ 15 - 10 giờ 45 | Kiểm tra hồ sơ đất đai tại phường Hồng Châu | Bà Đàm Thị Thu Thủy, Phó Trưởng đoàn |
| 14 giờ 00 - 16 giờ 00 | Làm việc với UBND xã Tân Hưng | Ông Mai Xuân Trường, Trưởng đoàn |
"""


HD_GIAI_DAP = """**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
SỞ KHOA HỌC VÀ CÔNG NGHỆ**

Số: 25/HD-SKHCN

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 12 tháng 5 năm 2027*

**HƯỚNG DẪN
Giải đáp vướng mắc về ký số trên Hệ thống thông tin giải quyết thủ tục hành chính**

**I. VƯỚNG MẮC VỀ CHỮ KÝ SỐ**

1. Câu hỏi: Công chức chuyển công tác thì chứng thư chữ ký số cũ xử lý thế nào?

Trả lời: Cơ quan quản lý công chức đề nghị thu hồi chứng thư chữ ký số cũ trong 03 ngày làm việc và cấp chứng thư mới theo vị trí việc làm mới.

2. Câu hỏi: Văn bản ký số có cần đóng dấu đỏ khi gửi người dân không?

Trả lời: Không cần; bản điện tử có chữ ký số của cơ quan có giá trị như bản giấy có đóng dấu.

**GIÁM ĐỐC**

**Nguyễn Hữu Toàn**
"""


TB_KET_LUAN = """**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
VĂN PHÒNG**

Số: 203/TB-VP

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 14 tháng 6 năm 2027*

**THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số trong giải quyết thủ tục hành chính**

Ngày 10/6/2027, tại Phòng họp số 3, trụ sở UBND tỉnh, đồng chí Đào Quang Minh, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp về chuyển đổi số trong giải quyết thủ tục hành chính. Tham dự cuộc họp có lãnh đạo các sở: Nội vụ, Tư pháp.

1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Trung tâm Phục vụ hành chính công tỉnh khắc phục lỗi kết nối của Hệ thống thông tin giải quyết thủ tục hành chính, hoàn thành trước ngày 25/6/2027.

2. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 30/6/2027.
"""

CV_TRUYEN_DAT = """**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
SỞ NỘI VỤ**

Số: 455/SNV-CCHC
V/v truyền đạt kết luận buổi làm việc với UBND xã Tiên Lữ

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 21 tháng 6 năm 2027*

Kính gửi: UBND xã Tiên Lữ.

Sáng ngày 18/6/2027, tại trụ sở UBND xã Tiên Lữ, bà Phạm Thị Thu Hà, Giám đốc Sở Nội vụ chủ trì buổi làm việc về kết quả thực hiện Chỉ số cải cách hành chính của xã.

1. UBND xã Tiên Lữ chủ trì, phối hợp với Trung tâm Phục vụ hành chính công xã khắc phục tồn tại về niêm yết thủ tục hành chính, hoàn thành trước ngày 05/7/2027.

2. Phòng Cải cách hành chính, Sở Nội vụ chủ trì theo dõi việc khắc phục, báo cáo Giám đốc Sở trước ngày 15/7/2027.
"""


@pytest.fixture(scope="module")
def forms6(tmp_path_factory, embedder, embed_cache):
    return assistant_over(tmp_path_factory, embedder, embed_cache, {
        "quyet-dinh-kinh-phi-so-hoa-2027.md": QD_KINH_PHI, "ke-hoach-tap-huan-ky-nang-so-2027.md": KH_CHI_TIEU,
        "bao-cao-tiep-thu-chung-thuc-dien-tu.md": BC_TIEP_THU, "bao-cao-ho-so-tra-lai-thang-4.md": DS_HO_SO,
        "chuong-trinh-hoi-nghi-chung-thuc-dien-tu.md": CT_HOI_NGHI, "lich-doan-kiem-tra-27-5.md": LICH_KIEM_TRA,
        "cong-van-tra-loi-kien-nghi-son-nam.md": CV_TRA_LOI, "huong-dan-giai-dap-ky-so.md": HD_GIAI_DAP,
        "thong-bao-ket-luan-chuyen-doi-so-tthc.md": TB_KET_LUAN, "cong-van-truyen-dat-lam-viec-tien-lu.md": CV_TRUYEN_DAT,
        "ke-hoach-lien-tich-tuyen-truyen-tthc.md": KH_LIEN_TICH, "chuong-trinh-phoi-hop-du-lieu-dan-cu.md": CT_PHOI_HOP})


@pytest.mark.parametrize(("question", "date", "bodies"), [
    ("Kế hoạch liên tịch 07/KHLT-MTTQ-STP do cơ quan nào ban hành, ngày nào?", ("11 tháng 3 năm 2027", "11/3/2027"),
     ("Ban Thường trực Ủy ban MTTQ Việt Nam", "Sở Tư pháp")),
    ("khlt 07 do ai ban hanh, ngay nao", ("11 tháng 3 năm 2027", "11/3/2027"), ("Ban Thường trực Ủy ban MTTQ Việt Nam", "Sở Tư pháp")),
    ("KHLT 07: cơ quan ban hành, ngày?", ("11 tháng 3 năm 2027", "11/3/2027"), ("Ban Thường trực Ủy ban MTTQ Việt Nam", "Sở Tư pháp")),
    ("Chương trình phối hợp 02/CTPH-SKHCN-CAT do cơ quan nào ban hành, ngày nào?", ("05 tháng 4 năm 2027", "05/4/2027"),
     ("Sở Khoa học và Công nghệ", "Công an tỉnh")),
    ("ctph 02 do ai ban hanh, ngay nao", ("05 tháng 4 năm 2027", "05/4/2027"), ("Sở Khoa học và Công nghệ", "Công an tỉnh")),
    ("CTPH 02: cơ quan ban hành, ngày?", ("05 tháng 4 năm 2027", "05/4/2027"), ("Sở Khoa học và Công nghệ", "Công an tỉnh")),
])
def test_a_joint_document_is_named_by_its_code_and_gives_both_issuers(forms6, question, date, bodies):
    a = forms6.ask(question)
    assert any(d in a.text for d in date) and all(b in a.text for b in bodies), a.text


@pytest.mark.parametrize(("question", "addressees"), [
    ("Công văn 318/SNV-CCHC được ban hành ngày nào, gửi những đơn vị nào?", ("UBND phường Sơn Nam", "UBND phường Thượng Hồng")),
    ("cv 318 snv ngay nao, gui ai", ("UBND phường Sơn Nam", "UBND phường Thượng Hồng")),
    ("CV 318: ngày, gửi ai?", ("UBND phường Sơn Nam", "UBND phường Thượng Hồng")),
    ("Công văn 455/SNV-CCHC được ban hành ngày nào, gửi những đơn vị nào?", ("UBND xã Tiên Lữ",)),
    ("cv 455 snv ngay nao, gui ai", ("UBND xã Tiên Lữ",)),
    ("CV 455: ngày, gửi ai?", ("UBND xã Tiên Lữ",)),
])
def test_whom_a_named_letter_is_sent_to_is_its_kinh_gui(forms6, question, addressees):
    a = forms6.ask(question)
    assert all(x in a.text for x in addressees) and "Kính gửi" in a.text, a.text


@pytest.mark.parametrize(("question", "chair", "place"), [
    ("Ai chủ trì cuộc họp về chuyển đổi số trong giải quyết thủ tục hành chính theo Thông báo 203/TB-VP, họp ở đâu?",
     "Đào Quang Minh", "Phòng họp số 3"),
    ("ai chu tri cuoc hop chuyen doi so tthc (tb 203), hop o dau", "Đào Quang Minh", "Phòng họp số 3"),
    ("TB 203: chủ trì, địa điểm?", "Đào Quang Minh", "Phòng họp số 3"),
    ("Ai chủ trì buổi làm việc với UBND xã Tiên Lữ theo Công văn 455/SNV-CCHC, làm việc ở đâu?", "Phạm Thị Thu Hà",
     "trụ sở UBND xã Tiên Lữ"),
    ("ai chu tri buoi lam viec voi xa tien lu (cv 455 snv), o dau", "Phạm Thị Thu Hà", "trụ sở UBND xã Tiên Lữ"),
    ("CV 455: ai chủ trì, ở đâu?", "Phạm Thị Thu Hà", "trụ sở UBND xã Tiên Lữ"),
])
def test_the_chair_and_place_of_the_meeting_a_notice_tells_of(forms6, question, chair, place):
    """"Ngày …, tại …, đồng chí X, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp …": who chaired it and
    where, not the lead of a task the notice assigns."""
    a = forms6.ask(question)
    assert chair in a.text and place in a.text, a.text


@pytest.mark.parametrize(("question", "answer"), [
    ("Theo Công văn 318/SNV-CCHC trả lời phường Thượng Hồng, hồ sơ nộp trước mấy giờ thì được trả kết quả trong ngày?",
     "15 giờ"),
    ("cv 318 snv tra loi phuong thuong hong: nop truoc may gio thi tra ket qua trong ngay", "15 giờ"),
    ("Trả kết quả trong ngày — nộp trước mấy giờ (CV 318)?", "15 giờ"),
    ("Theo Hướng dẫn 25/HD-SKHCN, công chức chuyển công tác thì chứng thư chữ ký số cũ được xử lý thế nào?",
     "03 ngày làm việc"),
    ("hd 25 skhcn cong chuc chuyen cong tac thi chung thu chu ky so cu xu ly the nao", "03 ngày làm việc"),
    ("Chữ ký số cũ khi chuyển công tác (HD 25)?", "03 ngày làm việc"),
])
def test_a_question_the_document_answers_is_answered_with_its_reply(forms6, question, answer):
    """A reply or a Q&A guide states the question, then "Trả lời: …": the reply is the answer,
    not the question repeated."""
    a = forms6.ask(question)
    assert answer in a.text, a.text


@pytest.mark.parametrize(("question", "total", "parts", "number"), [
    ("Tổng kinh phí số hóa hồ sơ năm 2027 theo Quyết định 31/QĐ-UBND là bao nhiêu, chia cho khối sở, ngành và khối "
     "xã, phường thế nào?", "1.560", ("1.200", "360"), "31/QĐ-UBND"),
    ("tong kinh phi so hoa ho so 2027 qd 31 bao nhieu, khoi so nganh va khoi xa phuong moi ben bao nhieu",
     "1.560", ("1.200", "360"), "31/QĐ-UBND"),
    ("QĐ 31: tổng kinh phí số hóa và từng khối?", "1.560", ("1.200", "360"), "31/QĐ-UBND"),
    ("Tổng kinh phí tập huấn theo Phụ lục Kế hoạch 44/KH-UBND là bao nhiêu, các sở, ngành và các xã, phường mỗi bên "
     "bao nhiêu?", "195", ("105", "90"), "44/KH-UBND"),
    ("tong kinh phi tap huan kh 44 bao nhieu, cac so nganh va cac xa phuong moi ben bao nhieu", "195", ("105", "90"),
     "44/KH-UBND"),
    ("KH 44: tổng kinh phí tập huấn, chia từng khối?", "195", ("105", "90"), "44/KH-UBND"),
])
def test_a_total_of_grouped_rows_comes_with_its_groups_subtotals(forms6, question, total, parts, number):
    a = forms6.ask(question)
    assert total in a.text and all(p in a.text for p in parts), a.text
    assert number in a.text  # the appendix is cited as its document's


@pytest.mark.parametrize(("question", "rows", "other"), [
    ("Những đơn vị nào được giao kinh phí cho việc số hóa Sổ đăng ký hộ tịch theo Quyết định 31/QĐ-UBND?",
     ("UBND phường Hồng Châu", "UBND xã Tân Hưng"), "Sở Y tế"),
    ("nhung don vi nao duoc cap tien so hoa so dang ky ho tich theo qd 31", ("UBND phường Hồng Châu", "UBND xã Tân Hưng"),
     "Sở Y tế"),
    ("Số hóa Sổ đăng ký hộ tịch — những đơn vị nào có kinh phí (QĐ 31)?", ("UBND phường Hồng Châu", "UBND xã Tân Hưng"),
     "Sở Y tế"),
    ("Những đơn vị nào được tập huấn khai thác dữ liệu dân cư theo Kế hoạch 44/KH-UBND?",
     ("Sở Giáo dục và Đào tạo", "UBND phường Thượng Hồng", "UBND phường Đường Hào"), "UBND xã Hoàng Hoa Thám"),
    ("nhung don vi nao duoc tap huan khai thac du lieu dan cu theo kh 44",
     ("Sở Giáo dục và Đào tạo", "UBND phường Thượng Hồng", "UBND phường Đường Hào"), "UBND xã Hoàng Hoa Thám"),
    ("Khai thác dữ liệu dân cư — những đơn vị nào được tập huấn (KH 44)?",
     ("Sở Giáo dục và Đào tạo", "UBND phường Thượng Hồng", "UBND phường Đường Hào"), "UBND xã Hoàng Hoa Thám"),
])
def test_rows_are_found_by_a_phrase_their_cells_hold(forms6, question, rows, other):
    a = forms6.ask(question)
    assert all(r in a.text for r in rows) and other not in a.text, a.text


@pytest.mark.parametrize(("question", "count", "names"), [
    ("Có bao nhiêu xã, phường được giao kinh phí số hóa tại Quyết định 31/QĐ-UBND, đó là những xã, phường nào?", "3",
     ("Sơn Nam", "Hồng Châu", "Tân Hưng")),
    ("bao nhieu xa phuong duoc giao kinh phi so hoa trong qd 31, la nhung xa nao", "3", ("Sơn Nam", "Hồng Châu", "Tân Hưng")),
    pytest.param("QĐ 31: số xã, phường được giao kinh phí và tên từng nơi?", "3", ("Sơn Nam", "Hồng Châu", "Tân Hưng"),
                 marks=pytest.mark.xfail(strict=True, reason="known gap: a count asked as 'số xã, phường …' with no 'bao nhiêu'")),
    ("Có bao nhiêu xã, phường được tập huấn theo Kế hoạch 44/KH-UBND, đó là những xã, phường nào?", "3",
     ("Thượng Hồng", "Hoàng Hoa Thám", "Đường Hào")),
    ("bao nhieu xa phuong duoc tap huan theo kh 44, la nhung xa nao", "3", ("Thượng Hồng", "Hoàng Hoa Thám", "Đường Hào")),
    pytest.param("KH 44: số xã, phường được tập huấn và tên từng nơi?", "3", ("Thượng Hồng", "Hoàng Hoa Thám", "Đường Hào"),
                 marks=pytest.mark.xfail(strict=True, reason="known gap: a count asked as 'số xã, phường …' with no 'bao nhiêu'")),
])
def test_a_groups_rows_are_counted_and_named(forms6, question, count, names):
    a = forms6.ask(question)
    assert count in a.text and all(n in a.text for n in names), a.text


@pytest.mark.parametrize(("question", "most", "count"), [
    ("Đơn vị nào có nhiều ý kiến góp ý nhất trong Báo cáo 92/BC-STP và các ý kiến đó được xử lý thế nào?", "Công an tỉnh", "3"),
    ("bc 92 stp don vi nao gop y nhieu nhat, xu ly ra sao", "Công an tỉnh", "3"),
    ("Nhiều ý kiến nhất (92/BC-STP): đơn vị nào?", "Công an tỉnh", "3"),
    ("Cơ quan nào có nhiều hồ sơ bị trả lại nhất trong tháng 4 năm 2027 theo Báo cáo 15/BC-TTPVHCC?", "Sở Xây dựng", "3"),
    ("co quan nao bi tra lai nhieu ho so nhat thang 4/2027 theo bc 15", "Sở Xây dựng", "3"),
    ("Nhiều hồ sơ trả lại nhất (BC 15)?", "Sở Xây dựng", "3"),
])
def test_the_unit_with_most_rows_is_counted_from_the_rows(forms6, question, most, count):
    a = forms6.ask(question)
    assert most in a.text and count in a.text, a.text


@pytest.mark.parametrize(("question", "what", "who"), [
    ("Theo Chương trình 61/CTr-VP, từ 09 giờ 30 đến 10 giờ 30 là nội dung gì và do ai thực hiện?",
     "Thực hành trên Hệ thống", "Vũ Đình Phong"),
    ("ctr 61 tu 9h30 den 10h30 la noi dung gi, ai thuc hien", "Thực hành trên Hệ thống", "Vũ Đình Phong"),
    ("09 giờ 30 (hội nghị tập huấn chứng thực điện tử): nội dung, người thực hiện?", "Thực hành trên Hệ thống",
     "Vũ Đình Phong"),
    ("Theo lịch làm việc của Đoàn kiểm tra ngày 27/5/2027, lúc 14 giờ 00 đoàn làm gì, ai phụ trách?",
     "UBND xã Tân Hưng", "Mai Xuân Trường"),
    ("lich doan kiem tra 27/5 luc 14h doan lam gi, ai phu trach", "UBND xã Tân Hưng", "Mai Xuân Trường"),
    ("14 giờ 00 ngày 27/5/2027 — Đoàn kiểm tra làm việc ở đâu?", "UBND xã Tân Hưng", "Mai Xuân Trường"),
])
def test_a_row_of_an_agenda_is_found_by_the_hour_it_begins(forms6, question, what, who):
    a = forms6.ask(question)
    assert what in a.text and who in a.text, a.text


@pytest.mark.parametrize("question", [
    "Lệ phí thu hồi chứng thư chữ ký số của công chức chuyển công tác là bao nhiêu?",
    "le phi thu hoi chung thu chu ky so khi chuyen cong tac bao nhieu",
    "Lệ phí thu hồi chứng thư số?",
    "Kinh phí tổ chức Hội nghị tập huấn chứng thực điện tử ngày 09/6/2027 là bao nhiêu?",
    "kinh phi hoi nghi tap huan chung thuc dien tu 9/6/2027 bao nhieu",
    "Kinh phí hội nghị chứng thực điện tử?",
])
def test_a_subject_no_one_document_says_whole_is_not_answered_from_its_parts(forms6, question):
    """"Lệ phí" in one document and "chứng thư chữ ký số" in another: no document says what the
    fee is, so the answer says so instead of giving a figure of something else."""
    a = forms6.ask(question)
    assert a.abstained, a.text
