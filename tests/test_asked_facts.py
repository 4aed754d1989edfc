"""Facts a document states once, asked of documents written for these tests, each in three
ways (accented, unaccented with abbreviations, short): the span a schedule or a report covers;
a day a schedule does not reach; every signer of a minutes and its conclusions; the members of
a body listed in a table, with a phone; the documents a plan carries out; two cited documents
sharing one number; a meeting named by its date; who chaired it. Assertions name the facts,
never an answer's wording."""

from __future__ import annotations

import pytest
from conftest import answered_by, assistant_over

LICH = """**UBND TỈNH HƯNG YÊN
VĂN PHÒNG**

Số: 51/TB-VP

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 03 tháng 4 năm 2026

**THÔNG BÁO
Lịch công tác tuần của Chủ tịch, các Phó Chủ tịch UBND tỉnh (từ ngày 06/4/2026 đến ngày 11/4/2026)**

Văn phòng UBND tỉnh thông báo Lịch công tác tuần 15 năm 2026 của Chủ tịch, các Phó Chủ tịch UBND tỉnh như sau:

| Thứ, ngày | Thời gian | Lãnh đạo UBND tỉnh | Nội dung công việc | Địa điểm | Cơ quan chuẩn bị |
|---|---|---|---|---|---|
| Thứ Hai (06/4) | 08 giờ 00 | Chủ tịch Trần Quốc Huy | Giao ban lãnh đạo UBND tỉnh tuần 15 | Phòng họp số 1 | Văn phòng UBND tỉnh |
| Thứ Ba (07/4) | 14 giờ 00 | Phó Chủ tịch Lưu Văn Bình | Họp Hội đồng thi đua, khen thưởng tỉnh | Phòng họp số 2 | Sở Nội vụ |
| Thứ Tư (08/4) | 08 giờ 00 | Chủ tịch Trần Quốc Huy | Tiếp công dân định kỳ tháng 4/2026 | Trụ sở Tiếp công dân tỉnh | Thanh tra tỉnh |
| Thứ Năm (09/4) | 08 giờ 30 | Phó Chủ tịch Lưu Văn Bình | Kiểm tra tiến độ số hóa hồ sơ tại xã Hoàng Long | Xã Hoàng Long | Sở Khoa học và Công nghệ |
| Thứ Sáu (10/4) | 14 giờ 00 | Chủ tịch Trần Quốc Huy | Làm việc với Sở Tài chính về dự toán ngân sách | Phòng họp số 1 | Sở Tài chính |

Văn phòng UBND tỉnh đề nghị các cơ quan được giao chuẩn bị nội dung gửi tài liệu về Văn phòng UBND tỉnh trước 16 giờ 00 của ngày làm việc liền trước ngày họp.

**CHÁNH VĂN PHÒNG**

**Phạm Đức Thịnh**
"""

BAO_CAO = """**UBND TỈNH HƯNG YÊN
SỞ TÀI CHÍNH**

Số: 33/BC-STC

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 20 tháng 3 năm 2026

**BÁO CÁO
Kết quả thu phí, lệ phí qua thanh toán trực tuyến quý I năm 2026**

Thực hiện Chỉ thị số 12/CT-UBND ngày 20/01/2026 của UBND tỉnh về đẩy mạnh thanh toán trực tuyến phí, lệ phí, Sở Tài chính báo cáo kết quả thu phí, lệ phí qua thanh toán trực tuyến quý I năm 2026 (số liệu tính từ ngày 15/12/2025 đến ngày 14/3/2026) như sau:

**I. KẾT QUẢ**

*Đơn vị tính: triệu đồng*

| TT | Cơ quan | Tổng số thu | Thu trực tuyến |
|---|---|---|---|
| 1 | Sở Tư pháp | 1.240 | 1.016 |
| 2 | Sở Xây dựng | 860 | 602 |
| 3 | Sở Nông nghiệp và Môi trường | 2.110 | 1.266 |
| | Tổng cộng | 4.210 | 2.884 |

**II. ĐỀ XUẤT**

Các sở có tỷ lệ thu trực tuyến dưới 70% xây dựng kế hoạch khắc phục, gửi Sở Tài chính trước ngày 15/4/2026.

**GIÁM ĐỐC**

**Vũ Thị Lan**
"""

BIEN_BAN = """**ỦY BAN NHÂN DÂN
XÃ HOÀNG LONG**

Số: 07/BB-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

**BIÊN BẢN
Họp rà soát tiến độ số hóa hồ sơ thủ tục hành chính quý I năm 2026**

Thời gian bắt đầu: 14 giờ 00 phút, ngày 12 tháng 3 năm 2026.

Địa điểm: Phòng họp UBND xã Hoàng Long.

Chủ trì: đồng chí Đặng Văn Hải, Chủ tịch UBND xã.

Thư ký (người ghi biên bản): bà Ngô Thị Thu, công chức Văn phòng HĐND và UBND xã.

**1. Báo cáo tiến độ**

Đồng chí Lý Văn Nam, công chức Văn phòng - Thống kê báo cáo: đến ngày 12/3/2026, xã đã số hóa 2.140 hồ sơ, đạt 61% kế hoạch.

**2. Kết luận của đồng chí Chủ tịch UBND xã**

Đồng chí Chủ tịch UBND xã ghi nhận kết quả đạt được; tiến độ còn chậm so với kế hoạch. Chủ tịch UBND xã kết luận như sau:

1. Bộ phận một cửa: số hóa dứt điểm 1.370 hồ sơ còn lại, hoàn thành trước ngày 30/4/2026.

2. Văn phòng HĐND và UBND xã: đề xuất mua bổ sung 02 máy quét, trình Chủ tịch UBND xã trước ngày 20/3/2026.

3. Công an xã: hỗ trợ người dân kích hoạt tài khoản định danh điện tử vào sáng thứ Bảy hằng tuần.

Cuộc họp kết thúc vào 16 giờ 30 phút cùng ngày./.

**THƯ KÝ**

**Ngô Thị Thu**

**CHỦ TRÌ
CHỦ TỊCH UBND XÃ**

**Đặng Văn Hải**
"""

QUYET_DINH = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 88/QĐ-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 16 tháng 3 năm 2026

**QUYẾT ĐỊNH
Về việc thành lập Tổ công tác hỗ trợ số hóa hồ sơ thủ tục hành chính cấp xã**

**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN**

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

Căn cứ Kế hoạch số 50/KH-UBND ngày 10/02/2026 của UBND tỉnh về chuyển đổi số năm 2026;

Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ.

**QUYẾT ĐỊNH:**

**Điều 1.** Thành lập Tổ công tác hỗ trợ số hóa hồ sơ thủ tục hành chính cấp xã (sau đây gọi tắt là Tổ công tác), gồm các thành viên sau:

| TT | Họ và tên | Chức vụ, đơn vị công tác | Nhiệm vụ trong Tổ công tác |
|---|---|---|---|
| 1 | Ông Hà Minh Tuấn | Phó Giám đốc Sở Khoa học và Công nghệ | Tổ trưởng |
| 2 | Bà Trịnh Thị Mai | Phó Chánh Văn phòng UBND tỉnh | Tổ phó |
| 3 | Ông Kiều Văn Lực | Chuyên viên Sở Khoa học và Công nghệ | Thành viên, Thư ký |

**Điều 2.** Thư ký Tổ công tác (ông Kiều Văn Lực, điện thoại: 0912.555.318) tổng hợp báo cáo của các thành viên, trình Tổ trưởng trước ngày 25 hằng tháng.

**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Lưu Văn Bình**
"""

KE_HOACH = """**ỦY BAN NHÂN DÂN
PHƯỜNG HIẾN NAM**

Số: 14/KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Hiến Nam, ngày 25 tháng 02 năm 2026

**KẾ HOẠCH
Số hóa hồ sơ thủ tục hành chính phường Hiến Nam năm 2026**

Thực hiện Kế hoạch số 50/KH-UBND ngày 10/02/2026 của UBND tỉnh về chuyển đổi số năm 2026 và Chỉ thị số 12/CT-UBND ngày 05/3/2024 của UBND tỉnh về tăng cường số hóa hồ sơ, kết quả giải quyết thủ tục hành chính, UBND phường Hiến Nam ban hành Kế hoạch số hóa hồ sơ năm 2026 như sau:

**I. MỤC TIÊU**

100% hồ sơ thủ tục hành chính tiếp nhận từ ngày 01/4/2026 được số hóa.

**II. NHIỆM VỤ**

1. Bộ phận một cửa phường số hóa hồ sơ tồn, hoàn thành trước ngày 30/6/2026.

2. Công an phường hỗ trợ người dân kích hoạt tài khoản định danh điện tử.

**CHỦ TỊCH**

**Nguyễn Văn Tài**
"""


@pytest.fixture(scope="module")
def facts_assistant(tmp_path_factory, embedder, embed_cache):
    return assistant_over(tmp_path_factory, embedder, embed_cache, {
        "thong-bao-lich-cong-tac-tuan-15-2026.md": LICH,
        "bao-cao-thu-phi-truc-tuyen-quy-i-2026.md": BAO_CAO,
        "bien-ban-hop-so-hoa-xa-hoang-long-2026.md": BIEN_BAN,
        "quyet-dinh-to-cong-tac-so-hoa-2026.md": QUYET_DINH,
        "ke-hoach-so-hoa-phuong-hien-nam-2026.md": KE_HOACH,
    })


@pytest.mark.parametrize("question", [
    "Lịch công tác tuần 15 của lãnh đạo UBND tỉnh áp dụng từ ngày nào đến ngày nào?",
    "lich cong tac tuan 15 cua lanh dao ubnd tinh tu ngay nao den ngay nao",
    "TB 51: từ ngày nào đến ngày nào?",
])
def test_the_span_a_schedule_covers(facts_assistant, question):
    ans = facts_assistant.ask(question)
    answered_by(ans, "period", "Thông báo")
    assert "06/4/2026" in ans.text and "11/4/2026" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Số liệu của Báo cáo 33/BC-STC tính từ ngày nào đến ngày nào?",
    "bc 33/bc-stc so lieu tinh tu ngay nao den ngay nao",
    "BC 33: số liệu tính từ ngày nào?",
])
def test_the_span_a_reports_figures_cover(facts_assistant, question):
    ans = facts_assistant.ask(question)
    answered_by(ans, "period", "Báo cáo")
    assert "15/12/2025" in ans.text and "14/3/2026" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Thứ Hai ngày 13/4/2026, Chủ tịch UBND tỉnh có lịch công tác gì?",
    "thu hai 13/4/2026 chu tich ubnd tinh co lich cong tac gi",
    "Lịch công tác ngày 13/4/2026?",
])
def test_a_day_the_schedule_does_not_reach_is_not_stated(facts_assistant, question):
    ans = facts_assistant.ask(question)
    assert ans.abstained, ans.text
    assert "13/4" in ans.text and "Trần Quốc Huy" not in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Thứ Ba 07/4/2026 lãnh đạo UBND tỉnh có lịch gì?",
    "thu ba 07/4/2026 lanh dao ubnd tinh co lich gi",
    "Lịch ngày 07/4/2026?",
])
def test_a_day_the_schedule_holds_is_its_row(facts_assistant, question):
    ans = facts_assistant.ask(question)
    assert not ans.abstained and "Hội đồng thi đua" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Biên bản 07/BB-UBND do những ai ký, với tư cách gì?",
    "bien ban 07/bb-ubnd ai ky, voi tu cach gi",
    "BB 07: người ký?",
])
def test_every_signer_of_a_minutes_with_the_part_they_had(facts_assistant, question):
    ans = facts_assistant.ask(question)
    answered_by(ans, "metadata", "Biên bản")
    for fact in ("Ngô Thị Thu", "Thư ký", "Đặng Văn Hải", "Chủ trì"):
        assert fact in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Biên bản 07/BB-UBND kết luận gì?",
    "bien ban 07/bb-ubnd ket luan gi",
    "BB 07 kết luận những gì?",
])
def test_a_minutes_conclusions_with_every_task_they_give(facts_assistant, question):
    ans = facts_assistant.ask(question)
    for fact in ("1.370", "02 máy quét", "thứ Bảy"):
        assert fact in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Ai chủ trì cuộc họp ngày 12/3/2026?",
    "ai chu tri cuoc hop ngay 12/3/2026",
    "Họp 12/3/2026 do ai chủ trì?",
])
def test_a_meeting_named_by_its_date_and_its_chair(facts_assistant, question):
    ans = facts_assistant.ask(question)
    assert "Đặng Văn Hải" in ans.text, ans.text
    assert "Bộ phận một cửa" not in ans.text.split("\n")[0], ans.text  # a task's lead is not the chair


@pytest.mark.parametrize("question", [
    "Ai là Tổ trưởng Tổ công tác hỗ trợ số hóa hồ sơ theo Quyết định 88/QĐ-UBND?",
    "to truong to cong tac ho tro so hoa qd 88 la ai",
    "Tổ trưởng Tổ công tác QĐ 88 là ai?",
])
def test_a_member_listed_in_a_table_by_the_role_asked(facts_assistant, question):
    ans = facts_assistant.ask(question)
    answered_by(ans, "person", "Quyết định")
    assert "Hà Minh Tuấn" in ans.text and "Trịnh Thị Mai" not in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Thư ký Tổ công tác theo Quyết định 88/QĐ-UBND là ai, số điện thoại bao nhiêu?",
    "thu ky to cong tac qd 88 la ai, sdt",
    "SĐT thư ký Tổ công tác QĐ 88?",
])
def test_a_members_phone_beside_their_name(facts_assistant, question):
    ans = facts_assistant.ask(question)
    assert "Kiều Văn Lực" in ans.text and "0912.555.318" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Kế hoạch 14/KH-UBND của phường Hiến Nam được ban hành để thực hiện những văn bản nào?",
    "kh 14/kh-ubnd thuc hien nhung van ban nao cua ubnd tinh",
    "KH 14 thực hiện văn bản nào?",
])
def test_the_documents_a_plan_carries_out(facts_assistant, question):
    ans = facts_assistant.ask(question)
    answered_by(ans, "cited", "Kế hoạch")
    assert "50/KH-UBND" in ans.text and "12/CT-UBND" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Quyết định 88/QĐ-UBND được ban hành căn cứ những văn bản nào?",
    "qd 88 can cu nhung van ban nao",
    "QĐ 88 căn cứ văn bản nào?",
])
def test_the_documents_a_decision_rests_on(facts_assistant, question):
    ans = facts_assistant.ask(question)
    answered_by(ans, "cited", "Quyết định")
    assert "50/KH-UBND" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Chỉ thị số 12/CT-UBND của UBND tỉnh nói về vấn đề gì?",
    "chi thi 12/ct-ubnd noi ve van de gi",
    "CT 12/CT-UBND về gì?",
])
def test_two_cited_documents_sharing_a_number_are_both_told(facts_assistant, question):
    ans = facts_assistant.ask(question)
    assert "05/3/2024" in ans.text and "20/01/2026" in ans.text, ans.text


def test_the_year_asked_picks_one_of_two_documents_sharing_a_number(facts_assistant):
    ans = facts_assistant.ask("Chỉ thị số 12/CT-UBND năm 2026 nói về vấn đề gì?")
    assert "20/01/2026" in ans.text and "05/3/2024" not in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Tổng số thu phí, lệ phí theo Báo cáo 33/BC-STC là bao nhiêu?",
    "bc 33 tong so thu la bao nhieu",
    "Tổng số thu – BC 33?",
])
def test_a_tables_figures_carry_the_unit_it_states(facts_assistant, question):
    ans = facts_assistant.ask(question)
    assert "4.210 triệu đồng" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Văn bản này do ai ký?",
    "van ban nay ai ky",
    "Ai ký văn bản này?",
])
def test_this_document_without_a_context_offers_a_choice(facts_assistant, question):
    ans = facts_assistant.ask(question)
    assert ans.intent == "choose" and len(ans.choices) >= 2, ans.text


@pytest.mark.parametrize("question", [
    "Văn bản này do ai ký?",
    "van ban nay ai ky",
    "Ai ký văn bản này?",
])
def test_this_document_is_the_one_talked_about(facts_assistant, question):
    ans = facts_assistant.ask(question, context_doc="quyet-dinh-to-cong-tac-so-hoa-2026")
    assert "Lưu Văn Bình" in ans.text, ans.text
