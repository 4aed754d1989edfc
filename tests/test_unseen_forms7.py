"""What a question asks besides its topic, kept in the answer: a sum of money asked of a document
that gives none is "không nêu", not a neighbour passage, while a document that gives it answers
with the sum; "ngày nào, về việc gì" of a named document gives its date as the document writes
it; a party document whose trích yếu opens "của Ban Thường vụ …" is cited as written. Documents
of several forms written for these tests (a party Chỉ thị, a xã's Kế hoạch, a Quyết định khen
thưởng, a sở's Báo cáo), questions in three phrasings (accented, unaccented with abbreviations,
short). Assertions name facts, never an answer's wording."""

from __future__ import annotations

import pytest
from conftest import assistant_over

from retrieval.lang.text import fold

CT_THI_DUA = """**ĐẢNG BỘ TỈNH HƯNG YÊN
ĐẢNG ỦY XÃ PHÙ CỪ**

Số: 09-CT/ĐU

**ĐẢNG CỘNG SẢN VIỆT NAM**

*Phù Cừ, ngày 12 tháng 3 năm 2027*

**CHỈ THỊ**

**của Ban Thường vụ Đảng ủy xã**

**về phát động thi đua thực hiện dịch vụ công trực tuyến năm 2027**

-----

Thời gian qua, tỷ lệ hồ sơ trực tuyến toàn trình của xã mới đạt 41%, thấp hơn bình quân của tỉnh.

**1. Mục tiêu**

Phấn đấu đến hết năm 2027, tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình của xã đạt từ 75% trở lên; 100% thôn có tổ công nghệ số cộng đồng hoạt động.

**2. Nhiệm vụ**

a) Các chi bộ thôn tuyên truyền, hướng dẫn người dân nộp hồ sơ trực tuyến, báo cáo kết quả về Văn phòng Đảng ủy trước ngày 25 hằng tháng.

b) Đảng ủy xã biểu dương, khen thưởng kịp thời các chi bộ, thôn dẫn đầu phong trào khi sơ kết năm.

**NƠI NHẬN:**
- Các chi bộ trực thuộc,
- Lưu VPĐU.

**T/M BAN THƯỜNG VỤ
BÍ THƯ**

**Đỗ Văn Khang**
"""

KH_XA = """**ỦY BAN NHÂN DÂN
XÃ TÂN TIẾN**

Số: 18/KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Tân Tiến, ngày 03 tháng 02 năm 2027*

**KẾ HOẠCH
Nâng cấp Bộ phận Một cửa xã Tân Tiến năm 2027**

**I. MỤC ĐÍCH, YÊU CẦU**

Bảo đảm Bộ phận Một cửa có đủ trang thiết bị tiếp nhận hồ sơ điện tử; 100% hồ sơ được số hóa khi tiếp nhận.

**II. NHIỆM VỤ**

1. Văn phòng HĐND và UBND xã mua sắm bổ sung máy tính, máy quét tài liệu cho quầy tiếp nhận, hoàn thành trước ngày 30/4/2027.

2. Công chức Văn phòng - Thống kê lắp đặt màn hình tra cứu hồ sơ tại sảnh chờ trong quý II năm 2027.

**III. KINH PHÍ**

Kinh phí thực hiện từ nguồn chi thường xuyên của ngân sách xã năm 2027.

**CHỦ TỊCH**

**Lương Thị Hoa**
"""

QD_KHEN = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 77/QĐ-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 20 tháng 01 năm 2027*

**QUYẾT ĐỊNH
Về việc tặng Giấy khen cho tổ công nghệ số cộng đồng tiêu biểu năm 2026**

**Điều 1.** Tặng Giấy khen của Chủ tịch UBND tỉnh cho 06 tổ công nghệ số cộng đồng có thành tích tiêu biểu trong hướng dẫn người dân sử dụng dịch vụ công trực tuyến năm 2026.

**Điều 2.** Mức tiền thưởng kèm theo Giấy khen là 1.500.000 đồng cho mỗi tổ, chi từ Quỹ thi đua, khen thưởng của tỉnh.

**Điều 3.** Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và các tổ có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Trần Quang Vinh**
"""

BC_SO = """**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
SỞ XÂY DỰNG**

Số: 64/BC-SXD

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 07 tháng 4 năm 2027*

**BÁO CÁO
Kết quả giải quyết thủ tục hành chính lĩnh vực xây dựng quý I năm 2027**

**I. KẾT QUẢ**

Trong quý I năm 2027, Sở tiếp nhận 1.126 hồ sơ cấp giấy phép xây dựng; giải quyết đúng hạn 1.094 hồ sơ, đạt 97,2%.

**II. KIẾN NGHỊ**

Đề nghị Sở Nội vụ hướng dẫn việc đánh giá mức độ hài lòng đối với hồ sơ xây dựng nộp trực tuyến.

**GIÁM ĐỐC**

**Phan Văn Lộc**
"""


@pytest.fixture(scope="module")
def forms7(tmp_path_factory, embedder, embed_cache):
    return assistant_over(tmp_path_factory, embedder, embed_cache, {
        "chi-thi-thi-dua-dvc-phu-cu.md": CT_THI_DUA, "ke-hoach-mot-cua-tan-tien.md": KH_XA,
        "quyet-dinh-giay-khen-to-cnsc.md": QD_KHEN, "bao-cao-tthc-xay-dung-quy-i.md": BC_SO})


def _body(ans) -> str:
    return fold(ans.text.split("Nguồn:")[0])


@pytest.mark.parametrize(("question", "document"), [
    ("Chỉ thị 09-CT/ĐU quy định mức tiền thưởng bao nhiêu cho chi bộ dẫn đầu phong trào?", "09-CT/ĐU"),
    ("ct 09 dang uy xa phu cu thuong bao nhieu tien cho thon dan dau", "09-CT/ĐU"),
    ("Mức thưởng chi bộ dẫn đầu (CT 09)?", "09-CT/ĐU"),
    ("Kế hoạch 18/KH-UBND xã Tân Tiến bố trí bao nhiêu tiền mua máy quét cho Bộ phận Một cửa?", "18/KH-UBND"),
    ("kh 18 tan tien mua may tinh may quet het bao nhieu tien", "18/KH-UBND"),
    ("Số tiền mua máy quét quầy một cửa xã Tân Tiến?", "18/KH-UBND"),
])
def test_a_sum_a_document_never_gives_is_not_stated(forms7, question, document):
    """The Chỉ thị speaks of rewards and the Kế hoạch of buying scanners, neither gives a sum:
    the answer says so, naming the document, instead of quoting a passage with no amount."""
    ans = forms7.ask(question, top_k=10)
    assert ans.abstained, ans.text
    assert "khong neu" in _body(ans) and fold(document) in fold(ans.text), ans.text


@pytest.mark.parametrize("question", [
    "Mức tiền thưởng kèm theo Giấy khen cho mỗi tổ công nghệ số cộng đồng là bao nhiêu?",
    "qd 77 thuong bao nhieu tien cho moi to cong nghe so",
    "Số tiền thưởng mỗi tổ (QĐ 77)?",
])
def test_a_sum_a_document_gives_is_answered_with_it(forms7, question):
    ans = forms7.ask(question, top_k=10)
    assert not ans.abstained, ans.text
    assert "1.500.000" in ans.text.split("Nguồn:")[0] and "77/QĐ-UBND" in ans.text, ans.text


@pytest.mark.parametrize(("question", "written", "subject"), [
    ("Chỉ thị 09-CT/ĐU của Đảng ủy xã Phù Cừ ban hành ngày nào, về việc gì?", "12 thang 3 nam 2027", "thi dua"),
    ("ct 09 dang uy xa phu cu ngay nao, ve viec gi", "12 thang 3 nam 2027", "thi dua"),
    ("CT 09-CT/ĐU: ngày nào, nội dung gì?", "12 thang 3 nam 2027", "thi dua"),
    ("Báo cáo 64/BC-SXD của Sở Xây dựng ban hành ngày nào, về việc gì?", "07 thang 4 nam 2027", "xay dung"),
    ("bc 64 sxd ngay nao, ve viec gi", "07 thang 4 nam 2027", "xay dung"),
    ("BC 64/BC-SXD: ngày, nội dung?", "07 thang 4 nam 2027", "xay dung"),
])
def test_the_date_asked_with_what_a_document_is_about_is_as_written(forms7, question, written, subject):
    ans = forms7.ask(question, top_k=10)
    assert not ans.abstained, ans.text
    body = _body(ans)
    assert written in body and subject in body, ans.text


def test_a_party_trich_yeu_that_says_whose_it_is_is_cited_as_written(forms7):
    """"CHỈ THỊ của Ban Thường vụ Đảng ủy xã về …": the citation says "của Ban Thường vụ …",
    not "về của Ban Thường vụ …"."""
    for question in ("Chỉ thị 09-CT/ĐU đặt mục tiêu tỷ lệ hồ sơ trực tuyến toàn trình bao nhiêu?",
                     "ct 09 muc tieu truc tuyen toan trinh bao nhieu"):
        ans = forms7.ask(question, top_k=10)
        assert "75%" in ans.text.split("Nguồn:")[0], ans.text
        cited = ans.text.split("Nguồn:")[1]
        assert "09-CT/ĐU của Ban Thường vụ" in cited and "về của" not in cited, ans.text
