"""Forms the earlier tests did not hold, written for these tests: a Công văn passing on a leader's
instructions (its number and trích yếu in one block, a set it defines and names later, a duty
in the passive, a time of the week opening a sentence, signed TL. / KT.), a Biên bản kiểm tra
(its "Kiến nghị, yêu cầu" as duties, three signature blocks, a table whose total sits in the
index column), a Quyết định công bố xếp hạng (two ranking tables with an average row each) and
a Kết luận of a Tỉnh ủy. Each capability is asked on two forms where it is an answer route, in
three phrasings (accented, unaccented with abbreviations, short). Assertions name facts, never
an answer's wording."""

from __future__ import annotations

import pytest
from conftest import answered_by, assistant_over

CONG_VAN = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 1507/UBND-KSTT
V/v khắc phục tình trạng hồ sơ quá hạn tại các xã chậm tiến độ

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 09 tháng 6 năm 2026*

Kính gửi:

- Sở Nội vụ;
- Sở Tư pháp;
- UBND các xã: Ân Thi, Phù Cừ, Kim Động.

Theo báo cáo của Sở Nội vụ, có 03 xã có tỷ lệ hồ sơ quá hạn cao, gồm: xã Ân Thi (6,2%), xã Phù Cừ (5,8%) và xã Kim Động (5,1%) (sau đây gọi là 03 xã chậm tiến độ). Phó Chủ tịch UBND tỉnh Đào Quang Minh có ý kiến chỉ đạo như sau:

1. Chủ tịch UBND 03 xã chậm tiến độ tổ chức rà soát toàn bộ hồ sơ quá hạn, gửi Sở Nội vụ trước ngày 20/6/2026.

2. Sáng thứ Hai hằng tuần, Sở Tư pháp cập nhật tình hình giải quyết hồ sơ chứng thực, gửi Văn phòng UBND tỉnh.

3. Việc kiểm tra đột xuất tại xã Ân Thi trong tháng 7/2026 do Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp thực hiện.

**TL. CHỦ TỊCH
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG**

**Vũ Thị Lan Anh**
"""

BIEN_BAN = """**SỞ NỘI VỤ TỈNH HƯNG YÊN
ĐOÀN KIỂM TRA**

Số: 11/BB-ĐKT

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Ân Thi, ngày 14 tháng 7 năm 2026*

**BIÊN BẢN
Kiểm tra công tác cải cách hành chính tại UBND xã Ân Thi**

**I. KẾT QUẢ KIỂM TRA**

Bảng 1. Kết quả kiểm tra xác suất hồ sơ

| STT | Lĩnh vực | Số hồ sơ kiểm tra | Giải quyết quá hạn |
|---|---|---|---|
| 1 | Đất đai | 18 | 06 |
| 2 | Hộ tịch | 12 | 01 |
| 3 | Chứng thực | 10 | 0 |
| Tổng cộng | | 40 | 07 |

**II. KIẾN NGHỊ, YÊU CẦU**

1. Công chức địa chính xã giải quyết dứt điểm 06 hồ sơ đất đai quá hạn trước ngày 31/7/2026.

2. UBND xã Ân Thi báo cáo kết quả khắc phục, gửi Sở Nội vụ (qua Phòng Cải cách hành chính) trước ngày 15/8/2026.

**ĐẠI DIỆN UBND XÃ ÂN THI
CHỦ TỊCH**

**Lương Văn Tài**

**TRƯỞNG ĐOÀN KIỂM TRA
PHÓ GIÁM ĐỐC SỞ NỘI VỤ**

**Hà Minh Quân**

**THƯ KÝ**

**Đặng Thu Hà**
"""

XEP_HANG = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 733/QĐ-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 02 tháng 4 năm 2026*

**QUYẾT ĐỊNH
Công bố kết quả xếp hạng Chỉ số cải cách hành chính năm 2025**

**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN**

**QUYẾT ĐỊNH:**

**Điều 1.** Công bố kết quả xếp hạng Chỉ số cải cách hành chính năm 2025 của các sở (Phụ lục I) và các xã (Phụ lục II).

**Điều 2.** Sở Nội vụ đăng tải kết quả trên Cổng Thông tin điện tử tỉnh trước ngày 10/4/2026.

**TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Nguyễn Thị Thanh Hương**

**PHỤ LỤC I
KẾT QUẢ XẾP HẠNG CỦA CÁC SỞ**

| STT | Đơn vị | Điểm | Xếp loại |
|---|---|---|---|
| 1 | Sở Tư pháp | 91,20 | Tốt |
| 2 | Sở Y tế | 78,40 | Khá |
| 3 | Sở Xây dựng | 72,15 | Khá |
| Điểm trung bình | | 80,58 | |

**PHỤ LỤC II
KẾT QUẢ XẾP HẠNG CỦA CÁC XÃ**

| STT | Đơn vị | Điểm | Xếp loại |
|---|---|---|---|
| 1 | Xã Ân Thi | 69,10 | Trung bình |
| 2 | Xã Phù Cừ | 83,25 | Khá |
| 3 | Xã Kim Động | 87,90 | Tốt |
| Điểm trung bình | | 80,08 | |
"""

KET_LUAN = """ĐẢNG BỘ TỈNH HƯNG YÊN
**TỈNH ỦY**
\\*

Số 52-KL/TU

**ĐẢNG CỘNG SẢN VIỆT NAM**

*Hưng Yên, ngày 20 tháng 01 năm 2026*

**KẾT LUẬN
của Ban Thường vụ Tỉnh ủy về cải cách hành chính năm 2026**

1. Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh ban hành Kế hoạch cải cách hành chính năm 2026 trước ngày 28/02/2026.

2. Việc theo dõi, đôn đốc thực hiện Kết luận này do Văn phòng Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy thực hiện.

**T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC**

**Trần Quốc Hưng**
"""


@pytest.fixture(scope="module")
def unseen(tmp_path_factory, embedder, embed_cache):
    return assistant_over(tmp_path_factory, embedder, embed_cache, {
        "cong-van-khac-phuc-ho-so-qua-han.md": CONG_VAN, "bien-ban-kiem-tra-xa-an-thi.md": BIEN_BAN,
        "quyet-dinh-xep-hang-chi-so-cchc.md": XEP_HANG, "ket-luan-tinh-uy-cchc.md": KET_LUAN})


def _duties(a, number: str, unit: str):  # type: ignore[no-untyped-def]
    return [o for o in a.library.obligations if o.doc_number == number and unit in o.units]


def _doc(a, number: str):  # type: ignore[no-untyped-def]
    return next(d for d in a.library.documents.values() if getattr(d, "number", None) == number)


def test_a_number_and_its_trich_yeu_in_one_block_are_both_read(unseen):
    d = _doc(unseen, "1507/UBND-KSTT")
    assert d.kind == "Công văn" and d.header.date.day == 9 and "hồ sơ quá hạn" in d.subject
    assert "Sở Tư pháp" in d.recipients


def test_a_tinh_uy_under_its_dang_bo_is_named_by_the_place(unseen):
    assert _doc(unseen, "52-KL/TU").header.issuer == "Tỉnh ủy Hưng Yên"


@pytest.mark.parametrize("unit", ["UBND xã Ân Thi", "UBND xã Phù Cừ", "UBND xã Kim Động"])
def test_a_set_the_document_defines_is_read_where_its_term_names_it(unseen, unit):
    mine = _duties(unseen, "1507/UBND-KSTT", unit)
    assert any("rà soát" in o.action and o.deadline and o.deadline.isoformat() == "2026-06-20" for o in mine), mine
    assert not _duties(unseen, "1507/UBND-KSTT", "UBND xã Tiên Lữ")


@pytest.mark.parametrize(("number", "lead", "partner"), [
    ("1507/UBND-KSTT", "Sở Nội vụ", "Sở Tư pháp"),
    ("52-KL/TU", "Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"),
])
def test_a_duty_in_the_passive_is_its_agents(unseen, number, lead, partner):
    led = [o for o in _duties(unseen, number, lead) if "chủ trì" in o.roles]
    assert led, _duties(unseen, number, lead)
    assert any(partner in o.cooperating for o in led)


def test_a_time_of_the_week_before_the_subject(unseen):
    mine = _duties(unseen, "1507/UBND-KSTT", "Sở Tư pháp")
    assert any("cập nhật" in o.action and o.recurrence for o in mine), mine


@pytest.mark.parametrize(("unit", "deadline"), [
    ("UBND xã Ân Thi", "2026-08-15"),
])
def test_the_requests_of_an_inspection_are_duties(unseen, unit, deadline):
    mine = _duties(unseen, "11/BB-ĐKT", unit)
    assert any(o.deadline and o.deadline.isoformat() == deadline and o.via == "Phòng Cải cách hành chính" for o in mine), mine


@pytest.mark.parametrize("question", [
    "Biên bản kiểm tra 11/BB-ĐKT tại xã Ân Thi do những ai ký, với tư cách gì?",
    "bb 11 kiem tra xa an thi ai ky",
    "Người ký BB 11/BB-ĐKT?",
])
def test_every_signer_of_an_inspection_with_the_part_they_signed_in(unseen, question):
    ans = unseen.ask(question)
    answered_by(ans, "metadata", "Biên bản kiểm tra")
    for fact in ("Hà Minh Quân", "Trưởng đoàn", "Lương Văn Tài", "Đặng Thu Hà"):
        assert fact in ans.text, ans.text
    assert _doc(unseen, "11/BB-ĐKT").signer.name == "Hà Minh Quân"  # the clerk is not the main signer


@pytest.mark.parametrize(("question", "facts"), [
    ("Ai ký Công văn 1507/UBND-KSTT và ký với thẩm quyền gì?", ("Vũ Thị Lan Anh", "TL. Chủ tịch")),
    ("cv 1507 ai ky, tham quyen gi", ("Vũ Thị Lan Anh", "TL. Chủ tịch")),
    ("Người ký CV 1507?", ("Vũ Thị Lan Anh",)),
    ("Ai ký Kết luận 52-KL/TU?", ("Trần Quốc Hưng", "Phó bí thư thường trực")),
    ("kl 52 ai ky", ("Trần Quốc Hưng",)),
    ("Người ký KL 52?", ("Trần Quốc Hưng",)),
])
def test_the_signer_of_a_letter_passed_on_and_of_a_party_conclusion(unseen, question, facts):
    ans = unseen.ask(question)
    form = "Công văn" if "1507" in question else "Kết luận"
    answered_by(ans, "metadata", form)
    for fact in facts:
        assert fact.casefold() in ans.text.casefold(), ans.text


@pytest.mark.parametrize(("question", "row", "not_row"), [
    ("Trong khối sở, đơn vị nào có điểm Chỉ số cải cách hành chính năm 2025 thấp nhất theo QĐ 733?", "Sở Xây dựng", "Xã Ân Thi"),
    ("so nao diem cchc 2025 thap nhat qd 733", "Sở Xây dựng", "Xã Ân Thi"),
    ("Sở điểm thấp nhất (QĐ 733)?", "Sở Xây dựng", "Xã Ân Thi"),
    ("Theo Biên bản 11/BB-ĐKT, lĩnh vực nào có nhiều hồ sơ quá hạn nhất?", "Đất đai", "Tổng cộng"),
    ("bb 11 linh vuc nao nhieu ho so qua han nhat", "Đất đai", "Tổng cộng"),
    ("Nhiều hồ sơ quá hạn nhất – lĩnh vực nào (BB 11)?", "Đất đai", "Tổng cộng"),
])
def test_the_table_and_column_an_ordering_question_means(unseen, question, row, not_row):
    ans = unseen.ask(question)
    answered_by(ans, "table_query", "Quyết định xếp hạng" if "733" in question else "Biên bản kiểm tra")
    first = ans.text.split("\n\nNguồn")[0]
    assert row in first and not_row not in first, ans.text


@pytest.mark.parametrize(("question", "figure"), [
    ("Điểm trung bình Chỉ số cải cách hành chính năm 2025 của các xã theo Quyết định 733/QĐ-UBND là bao nhiêu?", "80,08"),
    ("diem trung binh cchc cac xa qd 733", "80,08"),
    ("Điểm trung bình khối sở (QĐ 733)?", "80,58"),
])
def test_an_average_row_the_question_names(unseen, question, figure):
    ans = unseen.ask(question)
    answered_by(ans, "table_query", "Quyết định xếp hạng")
    assert figure in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Văn bản này được gửi tới những cơ quan, đơn vị nào?",
    "van ban nay gui cho nhung co quan, don vi nao",
    "Văn bản này gửi những ai?",
])
def test_this_document_with_several_it_may_mean_says_each_ones_fact(unseen, question):
    ans = unseen.ask(question)
    assert ans.intent == "choose" and len(ans.choices) >= 2, ans.text
    # the letters come first, each with whom it is sent to
    assert "Sở Tư pháp" in ans.text and "Kính gửi" in ans.text, ans.text


@pytest.mark.parametrize("question", ["Văn bản này ban hành ngày nào?", "van ban nay ban hanh ngay nao",
                                      "Ngày ban hành văn bản này?"])
def test_a_documents_own_fact_is_not_a_duty_that_says_its_words(unseen, question):
    ans = unseen.ask(question, context_doc=_doc(unseen, "52-KL/TU").doc_id)
    assert "20" in ans.text and "2026" in ans.text and "28/02/2026" not in ans.text.split("\n\nNguồn")[0], ans.text


@pytest.mark.parametrize("question", [
    "Công văn 1507/UBND-KSTT yêu cầu Chủ tịch UBND các xã chậm tiến độ làm gì?",
    "cv 1507 chu tich ubnd cac xa cham tien do phai lam gi",
    "UBND các xã chậm tiến độ – nhiệm vụ (CV 1507)?",
])
def test_a_group_asked_where_the_document_names_some_of_it(unseen, question):
    ans = unseen.ask(question)
    # the duty route answers; a terse one may take the reporting route, which reads the same duty
    assert ans.intent in ("unit_duties", "reporting") and not ans.abstained, ans.text
    assert "20/6/2026" in ans.text and "rà soát" in ans.text, ans.text


@pytest.mark.parametrize(("question", "facts"), [
    ("Tóm tắt nội dung chính của Công văn 1507/UBND-KSTT.", ("03 xã chậm tiến độ", "20/6/2026")),
    ("tom tat cv 1507", ("03 xã chậm tiến độ", "20/6/2026")),
    ("Tóm tắt Kết luận 52-KL/TU?", ("Ban cán sự đảng UBND tỉnh", "28/2/2026")),
    ("kl 52 noi dung chinh", ("Ban cán sự đảng UBND tỉnh", "28/2/2026")),
])
def test_a_summary_names_whom_the_duties_go_to_as_the_document_does(unseen, question, facts):
    ans = unseen.ask(question)
    answered_by(ans, "summary", "Công văn" if "1507" in question else "Kết luận")
    for fact in facts:
        assert fact in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Theo Công văn 1507/UBND-KSTT, tỷ lệ hồ sơ quá hạn của xã Tiên Lữ là bao nhiêu?",
    "cv 1507 ty le ho so qua han cua xa tien lu bao nhieu",
    "Tỷ lệ quá hạn xã Tiên Lữ (CV 1507) bao nhiêu?",
])
def test_a_figure_said_of_other_units_is_not_the_named_units(unseen, question):
    ans = unseen.ask(question)
    assert ans.abstained, ans.text
    assert "6,2%" not in ans.text.split("\n")[0], ans.text


@pytest.mark.parametrize("question", [
    "Theo Công văn 1507/UBND-KSTT, tỷ lệ hồ sơ quá hạn của xã Ân Thi là bao nhiêu?",
    "cv 1507 ty le ho so qua han cua xa an thi bao nhieu",
    "Tỷ lệ quá hạn xã Ân Thi (CV 1507) bao nhiêu?",
])
def test_a_figure_said_of_the_named_unit_is_answered(unseen, question):
    ans = unseen.ask(question)
    assert not ans.abstained and "6,2%" in ans.text, ans.text


@pytest.mark.parametrize(("question", "facts"), [
    ("Theo Công văn 1507/UBND-KSTT, các xã chậm tiến độ gửi kết quả rà soát cho ai, trước ngày nào; Sở Tư pháp cập nhật "
     "tình hình chứng thực gửi cơ quan nào, khi nào?", ("20/6/2026", "Văn phòng UBND tỉnh", "thứ Hai")),
    ("cv 1507 cac xa cham tien do gui ket qua ra soat cho ai, han nao; stp cap nhat chung thuc gui dau, khi nao",
     ("20/6/2026", "Văn phòng UBND tỉnh", "thứ Hai")),
    ("CV 1507: xã chậm tiến độ gửi ai, hạn; Sở Tư pháp gửi ai, khi nào?", ("20/6/2026", "Văn phòng UBND tỉnh")),
    ("Theo Biên bản 11/BB-ĐKT, UBND xã Ân Thi báo cáo kết quả khắc phục cho ai, trước ngày nào; công chức địa chính "
     "xã phải giải quyết hồ sơ quá hạn trước ngày nào?", ("15/8/2026", "Sở Nội vụ", "31/7/2026")),
    ("bb 11 ubnd xa an thi bao cao khac phuc cho ai, han nao; cong chuc dia chinh xa giai quyet ho so qua han truoc ngay nao",
     ("15/8/2026", "Sở Nội vụ", "31/7/2026")),
    ("BB 11: xã Ân Thi báo cáo ai, hạn; công chức địa chính xã giải quyết hồ sơ hạn nào?", ("15/8/2026", "31/7/2026")),
])
def test_two_asks_of_two_units_in_one_message_are_both_answered(unseen, question, facts):
    ans = unseen.ask(question)
    for fact in facts:
        assert fact in ans.text, ans.text
