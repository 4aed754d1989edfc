"""Tables asked as tables, labelled offices, answers that cover every asked slot — on documents
written for these tests (a sở's Báo cáo with a table of wards in groups with subtotals and a
total; a commune's Đề án with a budget by source and by item; a committee decision with its
members; a meeting's minutes), each asked in three ways: accented, unaccented with
abbreviations, short. Assertions name the facts, never an answer's wording."""

from __future__ import annotations

import pytest
from conftest import answered_by, assistant_over

from retrieval.answering.table_query import number, read_ask

BAO_CAO = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN
SỞ KHOA HỌC VÀ CÔNG NGHỆ**

Số: 41/BC-SKHCN

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 05 tháng 4 năm 2026

**BÁO CÁO
Kết quả thanh toán trực tuyến phí, lệ phí TTHC quý I năm 2026**

**I. KẾT QUẢ**

Tỷ lệ hồ sơ thanh toán trực tuyến của các xã, phường trong quý I năm 2026 như sau:

| TT | Xã, phường | Hồ sơ có phí | Thanh toán trực tuyến | Tỷ lệ thanh toán trực tuyến (%) | Tăng, giảm so với quý IV/2025 (%) |
|---|---|---|---|---|---|
| I | Các phường | 5.210 | 3.160 | 60,65 | |
| 1 | Phường Lam Sơn | 1.820 | 1.402 | 77,03 | +6,2 |
| 2 | Phường Bảo Khê | 1.640 | 1.011 | 61,65 | -2,4 |
| 3 | Phường Hiến Nam | 1.750 | 747 | 42,69 | +1,1 |
| II | Các xã | 2.980 | 1.190 | 39,93 | |
| 4 | Xã Quảng Châu | 1.130 | 604 | 53,45 | -0,8 |
| 5 | Xã Hoàng Long | 910 | 311 | 34,18 | +3,5 |
| 6 | Xã Tân Phúc | 940 | 275 | 29,26 | -5,1 |
| | Tổng cộng | 8.190 | 4.350 | 53,11 | |

**II. NHIỆM VỤ QUÝ II**

Các xã có tỷ lệ dưới 40% xây dựng kế hoạch khắc phục, gửi Sở Khoa học và Công nghệ trước ngày 20/4/2026.

**GIÁM ĐỐC**

**Trần Minh Khoa**
"""

DE_AN = """**ỦY BAN NHÂN DÂN
XÃ QUẢNG CHÂU**

Số: 12/ĐA-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Quảng Châu, ngày 02 tháng 3 năm 2026

**ĐỀ ÁN
Nâng cấp Bộ phận một cửa xã Quảng Châu giai đoạn 2026 - 2027**

**I. MỤC TIÊU**

Đến hết năm 2027, 100% hồ sơ TTHC của xã được số hóa khi tiếp nhận.

**II. KINH PHÍ THỰC HIỆN**

Khái toán kinh phí thực hiện Đề án (đơn vị: triệu đồng):

| TT | Nội dung | Năm 2026 | Năm 2027 | Cộng |
|---|---|---|---|---|
| I | Theo nguồn vốn | | | |
| 1 | Ngân sách xã | 820 | 640 | 1.460 |
| 2 | Ngân sách tỉnh hỗ trợ | 300 | 200 | 500 |
| II | Theo nội dung chi | | | |
| 1 | Sửa chữa phòng tiếp dân | 450 | 120 | 570 |
| 2 | Mua máy quét, máy tính | 390 | 310 | 700 |
| 3 | Tập huấn công chức | 280 | 410 | 690 |
| | Tổng cộng | 1.120 | 840 | 1.960 |

**CHỦ TỊCH**

**Lê Văn Tùng**
"""

QUYET_DINH = """**ỦY BAN NHÂN DÂN
XÃ QUẢNG CHÂU**

Số: 88/QĐ-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Quảng Châu, ngày 10 tháng 3 năm 2026

**QUYẾT ĐỊNH
Về việc thành lập Tổ công tác số hóa hồ sơ xã Quảng Châu**

**Điều 1.** Thành lập Tổ công tác số hóa hồ sơ xã Quảng Châu, gồm:

1. Tổ trưởng: ông Lê Văn Tùng, Chủ tịch UBND xã.

2. Tổ phó thường trực: bà Đinh Thị Hoa, Phó Chủ tịch UBND xã.

3. Thư ký tổ: bà Vũ Thu Trang, công chức Văn phòng - Thống kê.

**Điều 2.** Tổ công tác họp mỗi tháng một lần.

**CHỦ TỊCH**

**Lê Văn Tùng**
"""


CONG_VAN = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN
SỞ NỘI VỤ**

Số: 377/SNV-CCHC

V/v cấp tài khoản phần mềm đánh giá Chỉ số CCHC cấp xã

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 14 tháng 4 năm 2026

Kính gửi: Ủy ban nhân dân các xã, phường có tên tại Phụ lục.

1. Sở Nội vụ cấp tài khoản phần mềm đánh giá Chỉ số CCHC cho các xã, phường theo Phụ lục kèm theo; các xã, phường hoàn thành tự chấm điểm theo thời hạn tại Phụ lục.

2. Mọi vướng mắc, đề nghị liên hệ bà Trịnh Thu Hằng, Phòng Cải cách hành chính, Sở Nội vụ (điện thoại: 0221.3551.742).

**KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC**

**Phan Quốc Toản**

**Phụ lục**

| TT | Xã, phường | Số tài khoản | Hạn tự chấm điểm |
|---|---|---|---|
| 1 | Phường Lam Sơn | 05 tài khoản | Trước 08/5/2026 |
| 2 | Phường Bảo Khê | 03 tài khoản | Trước 12/5/2026 |
| 3 | Xã Quảng Châu | 04 tài khoản | Trước 08/5/2026 |
| 4 | Xã Tân Phúc | 02 tài khoản | Trước 15/5/2026 |
| | Tổng cộng | 14 tài khoản | |
"""

NGHI_QUYET = """**HỘI ĐỒNG NHÂN DÂN
XÃ QUẢNG CHÂU**

Số: 05/NQ-HĐND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Quảng Châu, ngày 20 tháng 3 năm 2026

**NGHỊ QUYẾT
Về nhiệm vụ cải cách hành chính năm 2026 của xã Quảng Châu**

**Điều 1.** Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này, báo cáo kết quả tại kỳ họp cuối năm.

**Điều 2.** Nghị quyết này đã được Hội đồng nhân dân xã Quảng Châu khóa I, kỳ họp thứ tư thông qua ngày 20 tháng 3 năm 2026 và có hiệu lực từ ngày 01 tháng 4 năm 2026./.

**CHỦ TỊCH**

**Hoàng Văn Lực**
"""

LICH = """**ỦY BAN NHÂN DÂN
XÃ QUẢNG CHÂU**

Số: 19/TB-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Quảng Châu, ngày 03 tháng 4 năm 2026

**THÔNG BÁO
Lịch công tác tuần của lãnh đạo UBND xã Quảng Châu (từ ngày 06/4/2026 đến ngày 10/4/2026)**

| Thứ, ngày | Thời gian | Lãnh đạo UBND xã | Nội dung công việc | Địa điểm |
|---|---|---|---|---|
| Thứ Hai (06/4) | 08 giờ 00 | Chủ tịch Lê Văn Tùng | Giao ban đầu tuần | Phòng họp số 1 |
| Thứ Ba (07/4) | 14 giờ 00 | Phó Chủ tịch Đinh Thị Hoa | Kiểm tra Bộ phận một cửa | Trụ sở UBND xã |
| Thứ Tư (08/4) | 08 giờ 30 | Chủ tịch Lê Văn Tùng | Tiếp công dân định kỳ | Phòng tiếp dân |
| Thứ Năm (09/4) | 15 giờ 00 | Phó Chủ tịch Đinh Thị Hoa | Họp Tổ công tác số hóa hồ sơ | Phòng họp số 2 |
"""


@pytest.fixture(scope="module")
def tables_assistant(tmp_path_factory, embedder, embed_cache):
    return assistant_over(tmp_path_factory, embedder, embed_cache, {
        "bao-cao-thanh-toan-truc-tuyen-quy-i-2026.md": BAO_CAO,
        "de-an-nang-cap-mot-cua-quang-chau-2026.md": DE_AN,
        "quyet-dinh-to-cong-tac-so-hoa-2026.md": QUYET_DINH,
        "cong-van-tai-khoan-chi-so-cchc-2026.md": CONG_VAN,
        "nghi-quyet-hdnd-xa-quang-chau-2026.md": NGHI_QUYET,
        "thong-bao-lich-cong-tac-quang-chau-2026.md": LICH,
    })


def test_a_question_is_read_into_its_table_operation():
    assert read_ask("xa nao co ty le thap nhat").op == "min"
    assert read_ask("phuong nao dan dau ve ty le").op == "max"
    assert read_ask("nhung xa nao giam so voi quy truoc").op == "decrease"
    assert read_ask("cac xa nao co ty le duoi 40%").op == "below" and read_ask("cac xa nao co ty le duoi 40%").level == 40
    assert read_ask("tong kinh phi la bao nhieu").op == "sum"
    assert read_ask("phuong lam son bao nhieu ho so").op == "lookup"
    assert "place" in read_ask("hop o dau, luc may gio").kinds and "time" in read_ask("hop o dau, luc may gio").kinds


def test_cells_are_read_as_typed_numbers():
    assert number("8.190") == 8190 and number("53,11") == 53.11 and number("-5,1") == -5.1 and number("+6,2") == 6.2
    assert number("Phường Lam Sơn") is None and number("") is None


@pytest.mark.parametrize("question", [
    "Xã, phường nào có tỷ lệ thanh toán trực tuyến thấp nhất trong quý I năm 2026?",
    "xa phuong nao ty le thanh toan truc tuyen thap nhat quy 1",
    "Tỷ lệ TT trực tuyến thấp nhất?",
])
def test_the_lowest_row_of_a_column(tables_assistant, question):
    ans = tables_assistant.ask(question)
    answered_by(ans, "table_query", "Báo cáo")
    assert "Tân Phúc" in ans.text and "29,26" in ans.text, ans.text
    assert "Các xã" not in ans.text.split("\n")[0].split(":")[1], ans.text  # a group's subtotal is no row


@pytest.mark.parametrize("question", [
    "Phường nào có tỷ lệ thanh toán trực tuyến cao nhất?",
    "phuong nao dan dau ty le thanh toan truc tuyen",
    "Cao nhất tỷ lệ thanh toán trực tuyến – đơn vị nào?",
])
def test_the_highest_row_of_a_column(tables_assistant, question):
    ans = tables_assistant.ask(question)
    assert ans.intent == "table_query" and "Lam Sơn" in ans.text and "77,03" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Những xã, phường nào có tỷ lệ thanh toán trực tuyến giảm so với quý IV/2025?",
    "nhung xa phuong nao giam so voi quy 4 nam 2025",
    "Đơn vị nào giảm so với quý trước?",
])
def test_rows_whose_change_falls(tables_assistant, question):
    ans = tables_assistant.ask(question)
    assert ans.intent == "table_query", ans.text
    for name in ("Bảo Khê", "Quảng Châu", "Tân Phúc"):
        assert name in ans.text, ans.text
    for name in ("Lam Sơn", "Hiến Nam", "Hoàng Long"):
        assert name not in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Phường Bảo Khê có bao nhiêu hồ sơ có phí và tỷ lệ thanh toán trực tuyến là bao nhiêu?",
    "phuong bao khe bao nhieu ho so co phi, ty le thanh toan truc tuyen",
    "Bảo Khê – số hồ sơ có phí, tỷ lệ thanh toán trực tuyến?",
])
def test_a_row_with_every_column_asked(tables_assistant, question):
    ans = tables_assistant.ask(question)
    assert ans.intent in ("table_query", "table_cell") and "1.640" in ans.text and "61,65" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Tổng kinh phí thực hiện Đề án nâng cấp Bộ phận một cửa xã Quảng Châu là bao nhiêu?",
    "tong kinh phi de an nang cap bo phan mot cua xa quang chau",
    "Đề án 12/ĐA-UBND: tổng kinh phí?",
])
def test_a_total_is_the_tables_own(tables_assistant, question):
    ans = tables_assistant.ask(question)
    answered_by(ans, "table_query", "Đề án")
    assert "1.960" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Theo nội dung chi của Đề án 12/ĐA-UBND, khoản chi nào lớn nhất?",
    "de an 12 theo noi dung chi khoan nao lon nhat",
    "Khoản chi lớn nhất theo nội dung chi – ĐA 12?",
])
def test_the_largest_item_within_a_group(tables_assistant, question):
    ans = tables_assistant.ask(question)
    assert ans.intent == "table_query" and "Mua máy quét, máy tính" in ans.text and "700" in ans.text, ans.text
    assert "Ngân sách xã" not in ans.text, ans.text  # a row of the other group


@pytest.mark.parametrize("question", [
    "Ai là Tổ phó thường trực Tổ công tác số hóa hồ sơ xã Quảng Châu?",
    "to pho thuong truc to cong tac so hoa ho so xa quang chau la ai",
    "Tổ phó thường trực là ai?",
])
def test_a_line_labelled_with_the_office_asked_names_its_holder(tables_assistant, question):
    ans = tables_assistant.ask(question)
    answered_by(ans, "labelled", "Quyết định")
    assert "Đinh Thị Hoa" in ans.text and "88/QĐ-UBND" in ans.text, ans.text


def test_a_greeting_or_thanks_has_no_source(tables_assistant):
    for text in ("xin chào", "cam on ban", "Cảm ơn nhé"):
        ans = tables_assistant.ask(text)
        assert ans.intent == "conversation" and not ans.sources and "Nguồn" not in ans.text, (text, ans.text)


def test_a_superlative_off_the_tables_subject_is_not_a_tables_answer(tables_assistant):
    for text in ("Đội bóng nào vô địch World Cup nhiều nhất?", "con song nao dai nhat the gioi"):
        ans = tables_assistant.ask(text)
        assert ans.intent != "table_query", (text, ans.text)


def test_a_row_the_table_does_not_hold_is_not_answered_with_the_total(tables_assistant):
    ans = tables_assistant.ask("Phường Minh Khai có tỷ lệ thanh toán trực tuyến bao nhiêu?")
    assert "53,11" not in ans.text and "8.190" not in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Theo Phụ lục Công văn 377/SNV-CCHC, xã, phường nào được cấp ít tài khoản nhất?",
    "cv 377 xa nao it tai khoan nhat",
    "Ít tài khoản nhất – CV 377?",
])
def test_the_fewest_counted_in_cells_with_their_unit(tables_assistant, question):
    ans = tables_assistant.ask(question)
    assert ans.intent == "table_query" and "Tân Phúc" in ans.text and "02 tài khoản" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Theo Công văn 377/SNV-CCHC, những xã, phường nào có hạn tự chấm điểm 08/5/2026?",
    "cv 377 han 08/5/2026 gom xa phuong nao",
    "Hạn 08/5/2026 – đơn vị nào?",
])
def test_rows_named_by_the_day_they_hold(tables_assistant, question):
    ans = tables_assistant.ask(question)
    assert ans.intent == "table_query", ans.text
    assert "Lam Sơn" in ans.text and "Quảng Châu" in ans.text and "Bảo Khê" not in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Trong tuần từ 06/4 đến 10/4/2026, Phó Chủ tịch Đinh Thị Hoa có những lịch công tác nào?",
    "tuan 6/4 den 10/4 pho chu tich dinh thi hoa co lich gi",
    "Lịch của Phó Chủ tịch Đinh Thị Hoa tuần này?",
])
def test_rows_named_by_the_person_they_hold(tables_assistant, question):
    ans = tables_assistant.ask(question)
    assert "Kiểm tra Bộ phận một cửa" in ans.text and "Họp Tổ công tác số hóa hồ sơ" in ans.text, ans.text
    assert "Giao ban đầu tuần" not in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Khi có vướng mắc về tài khoản phần mềm Chỉ số CCHC thì liên hệ ai, số điện thoại nào?",
    "cv 377 lien he ai, sdt",
    "CV 377: đầu mối liên hệ?",
])
def test_whom_to_contact_and_the_phone_number(tables_assistant, question):
    ans = tables_assistant.ask(question)
    assert "Trịnh Thu Hằng" in ans.text and "0221.3551.742" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Nghị quyết 05/NQ-HĐND của xã Quảng Châu được thông qua tại kỳ họp nào, ngày nào?",
    "nq 05 hdnd xa quang chau thong qua ky hop nao",
    "NQ 05/NQ-HĐND: kỳ họp, ngày thông qua?",
])
def test_a_resolution_says_its_session_and_day(tables_assistant, question):
    ans = tables_assistant.ask(question)
    assert ans.intent == "metadata" and "kỳ họp thứ tư" in ans.text and "20 tháng 3 năm 2026" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Công văn 377/SNV-CCHC ban hành ngày nào và ai ký?",
    "cv 377 ngay nao, ai ky",
    "CV 377: ngày, người ký?",
])
def test_a_terse_list_of_a_documents_facts_is_answered_whole(tables_assistant, question):
    ans = tables_assistant.ask(question)
    assert ans.intent == "metadata" and "14 tháng 4 năm 2026" in ans.text and "Phan Quốc Toản" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Báo cáo 41/BC-SKHCN tổng hợp số liệu của bao nhiêu xã?",
    "bc 41 co bao nhieu xa",
    "Bao nhiêu xã trong BC 41?",
])
def test_how_many_rows_of_the_kind_asked(tables_assistant, question):
    ans = tables_assistant.ask(question)
    answered_by(ans, "table_query", "Báo cáo")
    assert ans.text.startswith("3 xã"), ans.text
    assert "Quảng Châu" in ans.text and "Lam Sơn" not in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Tỷ lệ thanh toán trực tuyến của các xã, phường dao động trong khoảng nào?",
    "ty le thanh toan truc tuyen cac xa phuong tu bao nhieu den bao nhieu",
    "Khoảng tỷ lệ thanh toán trực tuyến: từ bao nhiêu đến bao nhiêu?",
])
def test_the_span_of_a_columns_values(tables_assistant, question):
    ans = tables_assistant.ask(question)
    answered_by(ans, "table_query", "Báo cáo")
    assert "29,26" in ans.text and "77,03" in ans.text, ans.text
    assert "60,65" not in ans.text and "53,11" not in ans.text, ans.text  # subtotals and the total are no rows


@pytest.mark.parametrize("question", [
    "Những xã, phường nào chưa đạt 40% thanh toán trực tuyến?",
    "nhung xa phuong nao co ty le thanh toan truc tuyen duoi 40%",
    "Các xã, phường nào không đạt 40% tỷ lệ thanh toán trực tuyến?",
])
def test_rows_below_a_share_said_as_not_reached(tables_assistant, question):
    ans = tables_assistant.ask(question)
    answered_by(ans, "table_query", "Báo cáo")
    assert "Hoàng Long" in ans.text and "Tân Phúc" in ans.text, ans.text
    assert "Quảng Châu" not in ans.text and "Các xã" not in ans.text, ans.text
