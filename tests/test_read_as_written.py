"""Facts read as the documents write them, asked of documents written for these tests (a
party committee's resolution, a commune's report with two tables of figures, a decision with
a table of members, a minutes), each in three ways (accented, unaccented with abbreviations,
short): the signer's capacity as written and the day signed; a person named in full and the
parts they have; the issuer under a party committee's header; a commune's own UBND in its
documents; a summary with the first figure and the duties given; the lowest share, both ends
of a column, the measure column that names no row; names written half abbreviated; marks
typed matched as typed. Assertions name the facts, never an answer's wording."""

from __future__ import annotations

import pytest
from conftest import answered_by, assistant_over

from retrieval.answering.evidence import overlap
from retrieval.answering.question import content_tokens

NGHI_QUYET = """**ĐẢNG BỘ TỈNH HƯNG YÊN
ĐẢNG ỦY XÃ TÂN PHÚC**
\\*

Số 05-NQ/ĐU

**ĐẢNG CỘNG SẢN VIỆT NAM**

*Tân Phúc, ngày 02 tháng 3 năm 2026*

**NGHỊ QUYẾT
về đẩy mạnh cải cách hành chính xã Tân Phúc năm 2026**

Năm 2025, tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến của xã mới đạt 54,2%, thấp hơn bình quân của tỉnh.

**I. MỤC TIÊU**

Đến hết năm 2026, tỷ lệ hồ sơ nộp trực tuyến của xã đạt từ 75% trở lên.

**II. TỔ CHỨC THỰC HIỆN**

1. Ủy ban nhân dân xã xây dựng Kế hoạch thực hiện Nghị quyết, trình Ban Thường vụ Đảng ủy trước ngày 20/3/2026.

2. Văn phòng Đảng ủy theo dõi, tổng hợp kết quả thực hiện Nghị quyết, báo cáo Ban Thường vụ Đảng ủy trước ngày 10/12/2026.

**T/M ĐẢNG ỦY
BÍ THƯ**

**Hoàng Văn Phúc**
"""

BAO_CAO = """**ỦY BAN NHÂN DÂN
XÃ HOÀNG LONG**

Số: 21/BC-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Hoàng Long, ngày 15 tháng 6 năm 2026

**BÁO CÁO
Kết quả cải cách hành chính 6 tháng đầu năm 2026**

**I. KẾT QUẢ THỰC HIỆN**

1. Trong kỳ, Trung tâm Phục vụ hành chính công xã tiếp nhận 2.475 hồ sơ thủ tục hành chính.

Bảng 1. Kết quả thực hiện các chỉ tiêu

| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch | Thực hiện | Tỷ lệ so với kế hoạch (%) |
|---|---|---|---|---|---|
| 1 | Số hồ sơ được số hóa | hồ sơ | 3.500 | 2.140 | 61,1 |
| 2 | Số tài khoản định danh được kích hoạt | tài khoản | 1.200 | 1.080 | 90,0 |
| 3 | Số cuộc kiểm tra công vụ | cuộc | 06 | 02 | 33,3 |
| 4 | Số lớp tập huấn nghiệp vụ | lớp | 04 | 04 | 100,0 |

2. Kết quả giải quyết hồ sơ theo lĩnh vực:

Bảng 2. Hồ sơ theo lĩnh vực

| TT | Lĩnh vực | Tiếp nhận | Giải quyết đúng hạn | Giải quyết quá hạn | Tỷ lệ đúng hạn (%) | Nhóm lĩnh vực |
|---|---|---|---|---|---|---|
| 1 | Hộ tịch | 820 | 815 | 5 | 99,39 | Khối tư pháp |
| 2 | Đất đai | 410 | 372 | 38 | 90,73 | Khối kinh tế |
| 3 | Chứng thực | 1.150 | 1.150 | 0 | 100 | Khối tư pháp |
| 4 | Xây dựng | 95 | 89 | 6 | 93,68 | Khối kinh tế |

**II. NHIỆM VỤ 6 THÁNG CUỐI NĂM**

1. Công chức địa chính - xây dựng giải quyết dứt điểm 38 hồ sơ đất đai quá hạn, hoàn thành trước ngày 31/7/2026.

2. Văn phòng HĐND và UBND xã tổng hợp kết quả, báo cáo Chủ tịch UBND xã trước ngày 05/12/2026.

**TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Phan Thị Hạnh**
"""

QUYET_DINH = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 91/QĐ-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 18 tháng 3 năm 2026

**QUYẾT ĐỊNH
Về việc thành lập Tổ công tác rà soát thủ tục hành chính nội bộ**

**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN**

**QUYẾT ĐỊNH:**

**Điều 1.** Thành lập Tổ công tác rà soát thủ tục hành chính nội bộ, gồm các thành viên sau:

| TT | Họ và tên | Chức vụ, đơn vị công tác | Nhiệm vụ trong Tổ công tác |
|---|---|---|---|
| 1 | Ông Đào Quang Vinh | Phó Giám đốc Sở Tư pháp | Tổ trưởng |
| 2 | Bà Lại Thị Hoa | Trưởng phòng Kiểm soát thủ tục hành chính, Văn phòng UBND tỉnh | Tổ phó |

**Điều 2.** Tổ công tác báo cáo Chủ tịch UBND tỉnh kết quả rà soát trước ngày 30/4/2026.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Lưu Văn Bình**
"""


PHAN_CONG = """**ỦY BAN NHÂN DÂN
XÃ TÂN PHÚC**

Số: 19/TB-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Tân Phúc, ngày 06 tháng 4 năm 2026

**THÔNG BÁO
Phân công nhiệm vụ của Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân xã**

**1. Ông Vũ Minh Khang, Chủ tịch UBND xã**

a) Lãnh đạo, điều hành chung; trực tiếp phụ trách các lĩnh vực: tổ chức, cán bộ; tài chính, ngân sách; cải cách hành chính.

b) Theo dõi, chỉ đạo: Văn phòng HĐND và UBND xã.

**2. Bà Đinh Thị Phương Lan, Phó Chủ tịch UBND xã**

a) Trực tiếp phụ trách các lĩnh vực: văn hóa, giáo dục, y tế; tư pháp - hộ tịch.

b) Theo dõi, chỉ đạo: Phòng Văn hóa - Xã hội, Trạm Y tế xã.

**3. Ông Cao Văn Đức, Phó Chủ tịch UBND xã**

a) Trực tiếp phụ trách các lĩnh vực: đất đai, xây dựng, giao thông, nông nghiệp.

**TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH**

**Vũ Minh Khang**
"""

KIEM_TRA = """**UBND TỈNH HƯNG YÊN
SỞ NỘI VỤ**

Số: 77/KH-SNV

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 10 tháng 4 năm 2026

**KẾ HOẠCH
Kiểm tra công tác văn thư, lưu trữ năm 2026**

**I. THÀNH PHẦN ĐOÀN KIỂM TRA**

Đoàn kiểm tra do Phó Giám đốc Sở Nội vụ làm Trưởng đoàn; thành viên gồm công chức Sở Nội vụ, Sở Tư pháp, Văn phòng UBND tỉnh theo Lịch kiểm tra.

**II. LỊCH KIỂM TRA**

1. Lịch kiểm tra: kiểm tra 03 cơ quan, cụ thể như sau:

| TT | Đoàn kiểm tra | Đơn vị được kiểm tra | Thời gian kiểm tra | Số kiến nghị năm 2025 chưa khắc phục |
|---|---|---|---|---|
| 1 | Đoàn số 1 | Sở Xây dựng | 12/5/2026 | 2 |
| 2 | Đoàn số 1 | Sở Y tế | 19/5/2026 | 0 |
| 3 | Đoàn số 2 | Sở Tài chính | 26/5/2026 | 1 |

**III. TỔ CHỨC THỰC HIỆN**

1. Các cơ quan, đơn vị có tên tại Lịch kiểm tra:

a) Gửi báo cáo tự kiểm tra về Sở Nội vụ trước ngày 05/5/2026;

b) Bố trí lãnh đạo làm việc với Đoàn kiểm tra vào ngày kiểm tra ghi tại Lịch kiểm tra.

**KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC**

**Ngô Văn Quyết**
"""

GIAY_MOI = """**UBND TỈNH HƯNG YÊN
VĂN PHÒNG**

Số: 120/GM-VP

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 02 tháng 6 năm 2026

**GIẤY MỜI
Dự họp giao ban công tác số hóa hồ sơ**

**1. Thành phần mời**

a) Dự tại điểm cầu trụ sở UBND tỉnh:

- Lãnh đạo Sở Nội vụ;

- Lãnh đạo Sở Khoa học và Công nghệ;

- Lãnh đạo Công an tỉnh.

b) Dự tại điểm cầu các xã, phường: Chủ tịch UBND các xã, phường.

**2. Thời gian:** 08 giờ 00, thứ Tư ngày 10/6/2026.

**3. Đề nghị**

Các cơ quan, đơn vị mời dự tại điểm cầu trụ sở UBND tỉnh đăng ký danh sách đại biểu với Văn phòng UBND tỉnh trước 11 giờ 00 ngày 09/6/2026.

**CHÁNH VĂN PHÒNG**

**Trịnh Văn Sơn**
"""


@pytest.fixture(scope="module")
def written(tmp_path_factory, embedder, embed_cache):
    return assistant_over(tmp_path_factory, embedder, embed_cache, {
        "nghi-quyet-dang-uy-xa-tan-phuc-cchc-2026.md": NGHI_QUYET,
        "bao-cao-cchc-6-thang-xa-hoang-long-2026.md": BAO_CAO,
        "quyet-dinh-to-cong-tac-tthc-noi-bo-2026.md": QUYET_DINH,
        "thong-bao-phan-cong-xa-tan-phuc-2026.md": PHAN_CONG,
        "ke-hoach-kiem-tra-van-thu-2026.md": KIEM_TRA,
        "giay-moi-giao-ban-so-hoa-2026.md": GIAY_MOI,
    })


@pytest.mark.parametrize(("question", "facts"), [
    ("Ai ký Quyết định 91/QĐ-UBND, với tư cách gì?", ("Lưu Văn Bình", "kt. chủ tịch", "18 tháng 3 năm 2026")),
    ("qd 91 ai ky, tham quyen ky", ("Lưu Văn Bình", "kt. chủ tịch", "18 tháng 3 năm 2026")),
    ("Người ký QĐ 91?", ("Lưu Văn Bình", "kt. chủ tịch", "18 tháng 3 năm 2026")),
    ("Ai ký Nghị quyết 05-NQ/ĐU, với tư cách gì?", ("Hoàng Văn Phúc", "t/m đảng ủy", "02 tháng 3 năm 2026")),
    ("nq 05 dang uy xa tan phuc ai ky", ("Hoàng Văn Phúc", "t/m đảng ủy", "02 tháng 3 năm 2026")),
    ("Người ký NQ 05?", ("Hoàng Văn Phúc", "t/m đảng ủy", "02 tháng 3 năm 2026")),
])
def test_the_signer_with_the_capacity_as_written_and_the_day_signed(written, question, facts):
    ans = written.ask(question)
    answered_by(ans, "metadata", "Quyết định" if "91" in question else "Nghị quyết")
    for fact in facts:
        assert fact.casefold() in ans.text.casefold(), ans.text


@pytest.mark.parametrize(("question", "facts"), [
    ("Ông Đào Quang Vinh giữ vai trò gì trong Tổ công tác?", ("Tổ trưởng", "Sở Tư pháp")),
    ("ong dao quang vinh giu vai tro gi trong to cong tac", ("Tổ trưởng", "Sở Tư pháp")),
    ("Đào Quang Vinh là ai?", ("Tổ trưởng",)),
    ("Bà Phan Thị Hạnh giữ chức vụ gì?", ("Phó Chủ tịch",)),
    ("ba phan thi hanh giu chuc vu gi", ("Phó Chủ tịch",)),
    ("Phan Thị Hạnh là ai?", ("Phó Chủ tịch",)),
])
def test_a_person_named_in_full_with_the_parts_they_have(written, question, facts):
    ans = written.ask(question)
    for fact in facts:
        assert fact in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Nghị quyết 05-NQ/ĐU do cơ quan nào ban hành?",
    "nq 05 co quan nao ban hanh",
    "Cơ quan ban hành NQ 05?",
])
def test_the_issuer_under_a_party_committees_header(written, question):
    ans = written.ask(question)
    assert "Đảng ủy xã Tân Phúc" in ans.text and "\\*" not in ans.text and "Đảng bộ" not in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Theo Nghị quyết 05-NQ/ĐU, UBND xã Tân Phúc phải làm gì, trước ngày nào?",
    "ubnd xa tan phuc phai lam gi theo nq 05, han khi nao",
    "UBND xã Tân Phúc – NQ 05: việc gì, hạn?",
])
def test_a_communes_own_ubnd_in_the_documents_it_issues(written, question):
    ans = written.ask(question)
    assert "20/3/2026" in ans.text and "Kế hoạch thực hiện Nghị quyết" in ans.text, ans.text


@pytest.mark.parametrize(("question", "facts"), [
    ("Tóm tắt Nghị quyết 05-NQ/ĐU của Đảng ủy xã Tân Phúc.", ("54,2%", "20/3/2026", "10/12/2026")),
    ("tom tat nq 05 dang uy xa tan phuc", ("54,2%", "20/3/2026", "10/12/2026")),
    ("NQ 05: nội dung chính?", ("54,2%", "20/3/2026")),
    ("Tóm tắt Báo cáo 21/BC-UBND của xã Hoàng Long.", ("2.475", "31/7/2026")),
    ("tom tat bc 21 xa hoang long", ("2.475", "31/7/2026")),
    ("BC 21: nội dung chính?", ("2.475", "31/7/2026")),
])
def test_a_summary_says_the_first_figure_and_the_duties_with_their_dates(written, question, facts):
    ans = written.ask(question)
    answered_by(ans, "summary", "Nghị quyết" if "05" in question else "Báo cáo")
    for fact in facts:
        assert fact in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Theo Báo cáo 21/BC-UBND, chỉ tiêu nào có tỷ lệ thực hiện so với kế hoạch thấp nhất?",
    "bc 21 chi tieu nao ty le so voi ke hoach thap nhat",
    "Tỷ lệ so với kế hoạch thấp nhất – BC 21?",
])
def test_the_lowest_share_is_named_by_its_row_not_its_measure(written, question):
    ans = written.ask(question)
    assert "Số cuộc kiểm tra công vụ" in ans.text and "33,3" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "Theo Báo cáo 21/BC-UBND, lĩnh vực nào có tỷ lệ giải quyết hồ sơ đúng hạn thấp nhất và có bao nhiêu hồ sơ quá hạn?",
    "bc 21 linh vuc nao ty le giai quyet dung han thap nhat, bao nhieu ho so qua han",
    "Tỷ lệ đúng hạn thấp nhất, mấy hồ sơ giải quyết quá hạn – BC 21?",
])
def test_a_share_asked_orders_by_the_column_of_shares(written, question):
    ans = written.ask(question)
    assert "Đất đai" in ans.text and "90,73" in ans.text and "38" in ans.text, ans.text


@pytest.mark.parametrize(("question", "facts"), [
    ("Theo Báo cáo 21/BC-UBND, lĩnh vực nào tiếp nhận nhiều hồ sơ nhất và lĩnh vực nào ít nhất?",
     ("Chứng thực", "1.150", "Xây dựng", "95")),
    ("bc 21 linh vuc nao tiep nhan nhieu nhat, it nhat", ("Chứng thực", "1.150", "Xây dựng", "95")),
    ("Tiếp nhận nhiều nhất và ít nhất – BC 21?", ("Chứng thực", "Xây dựng")),
    ("Theo Báo cáo 21/BC-UBND, chỉ tiêu nào có kế hoạch cao nhất và thấp nhất?",
     ("Số hồ sơ được số hóa", "3.500", "Số lớp tập huấn nghiệp vụ")),
    ("bc 21 ke hoach cao nhat va thap nhat la chi tieu nao", ("Số hồ sơ được số hóa", "Số lớp tập huấn nghiệp vụ")),
    ("Kế hoạch cao nhất, thấp nhất (BC 21)?", ("Số hồ sơ được số hóa", "Số lớp tập huấn nghiệp vụ")),
])
def test_both_ends_of_a_column_when_both_are_asked(written, question, facts):
    ans = written.ask(question)
    for fact in facts:
        assert fact in ans.text, ans.text


@pytest.mark.parametrize(("text", "unit"), [
    ("Ban Chỉ đạo CCHC và chuyển đổi số tỉnh họp khi nào?", "Ban Chỉ đạo cải cách hành chính và chuyển đổi số tỉnh"),
    ("ban chi dao cai cach hanh chinh va cds tinh hop khi nao", "Ban Chỉ đạo cải cách hành chính và chuyển đổi số tỉnh"),
    ("Ban Chỉ đạo cải cách hành chính và CĐS tỉnh?", "Ban Chỉ đạo cải cách hành chính và chuyển đổi số tỉnh"),
    ("TT Phục vụ HCC tỉnh được giao việc gì?", "Trung tâm Phục vụ hành chính công tỉnh"),
    ("tt phuc vu hcc tinh duoc giao viec gi", "Trung tâm Phục vụ hành chính công tỉnh"),
    ("Trung tâm Phục vụ HCC tỉnh?", "Trung tâm Phục vụ hành chính công tỉnh"),
])
def test_a_name_written_half_abbreviated_names_its_unit(written, text, unit):
    found = [m.resolution.name for m in written.units.find(text)]
    assert unit in found, found


@pytest.mark.parametrize(("typed", "text", "found"), [
    ("Tổ công tác họp khi nào?", "tổng hợp báo cáo của các thành viên", False),
    ("Tổ công tác họp khi nào?", "triệu tập họp Tổ công tác vào sáng thứ Hai", True),
    ("to cong tac hop khi nao", "tổng hợp báo cáo của các thành viên", True),
])
def test_marks_typed_are_matched_as_typed(typed, text, found):
    words = [t for t in content_tokens(typed, typed) if t in ("hop",)]
    assert (overlap(words, text) > 0) is found, (words, text)


@pytest.mark.parametrize("question", [
    "Nghị quyết 05-NQ/ĐU quy định mức phụ cấp nào cho cán bộ làm chuyển đổi số?",
    "nq 05 phu cap can bo chuyen doi so bao nhieu",
    "Phụ cấp cán bộ theo NQ 05?",
    "Theo Báo cáo 21/BC-UBND, xã Hoàng Long xếp hạng thứ mấy về Chỉ số CCHC năm 2025?",
    "bc 21 xa hoang long xep thu hang may",
    "Xếp hạng Chỉ số CCHC của xã Hoàng Long (BC 21)?",
])
def test_a_subject_the_document_never_says_is_not_stated(written, question):
    ans = written.ask(question)
    assert ans.abstained, ans.text


@pytest.mark.parametrize(("question", "fact"), [
    ("Theo Báo cáo 21/BC-UBND, Trung tâm Phục vụ hành chính công xã tiếp nhận bao nhiêu hồ sơ?", "2.475"),
    ("bc 21 tt phuc vu hcc xa tiep nhan bao nhieu ho so", "2.475"),
    ("BC 21: tiếp nhận bao nhiêu hồ sơ?", "2.475"),
    ("Nghị quyết 05-NQ/ĐU đặt mục tiêu tỷ lệ hồ sơ nộp trực tuyến bao nhiêu?", "75%"),
    ("nq 05 muc tieu ty le ho so truc tuyen", "75%"),
    ("Mục tiêu trực tuyến của NQ 05?", "75%"),
])
def test_a_subject_the_document_says_is_answered(written, question, fact):
    ans = written.ask(question)
    assert not ans.abstained and fact in ans.text, ans.text


@pytest.mark.parametrize(("question", "person"), [
    ("Phó Chủ tịch nào của UBND xã Tân Phúc phụ trách tư pháp - hộ tịch?", "Đinh Thị Phương Lan"),
    ("pct nao xa tan phuc phu trach tu phap ho tich", "Đinh Thị Phương Lan"),
    ("Phụ trách tư pháp - hộ tịch xã Tân Phúc?", "Đinh Thị Phương Lan"),
    ("Ai phụ trách đất đai, xây dựng ở xã Tân Phúc?", "Cao Văn Đức"),
    ("ai phu trach dat dai xay dung xa tan phuc", "Cao Văn Đức"),
    ("Phụ trách đất đai xã Tân Phúc?", "Cao Văn Đức"),
])
def test_the_person_a_field_is_assigned_to(written, question, person):
    ans = written.ask(question)
    assert person in ans.text, ans.text


@pytest.mark.parametrize("name", ["Bà Đinh Thị Phương Lan", "Lê Thị Phương Thảo", "ông Nguyễn Phương Nam"])
def test_a_persons_name_is_no_ward(written, name):
    assert not [m.resolution.name for m in written.units.find(f"{name} phụ trách lĩnh vực gì?")]


def test_a_set_named_by_the_table_that_lists_it_with_each_rows_day(written):
    mine = {u: [o for o in written.library.obligations if o.doc_number == "77/KH-SNV" and u in o.units]
            for u in ("Sở Xây dựng", "Sở Y tế", "Sở Tài chính")}
    for unit, day in (("Sở Xây dựng", "2026-05-12"), ("Sở Y tế", "2026-05-19"), ("Sở Tài chính", "2026-05-26")):
        assert any("báo cáo tự kiểm tra" in o.action for o in mine[unit]), mine[unit]
        assert any("Đoàn kiểm tra" in o.action and o.deadline and o.deadline.isoformat() == day for o in mine[unit]), \
            mine[unit]
    assert not any(o.doc_number == "77/KH-SNV" and "Sở Tư pháp" in o.units and "báo cáo tự kiểm tra" in o.action
                   for o in written.library.obligations)


def test_a_set_named_by_the_part_that_invites_it(written):
    rows = [o for o in written.library.obligations if o.doc_number == "120/GM-VP" and "đăng ký" in o.action]
    units = {u for o in rows for u in o.units}
    assert {"Sở Nội vụ", "Sở Khoa học và Công nghệ", "Công an tỉnh"} <= units, rows


@pytest.mark.parametrize(("question", "rows", "not_rows"), [
    ("Đoàn kiểm tra số 1 theo Kế hoạch 77/KH-SNV kiểm tra những cơ quan nào?", ("Sở Xây dựng", "Sở Y tế"), ("Sở Tài chính",)),
    ("doan so 1 kh 77 kiem tra nhung don vi nao", ("Sở Xây dựng", "Sở Y tế"), ("Sở Tài chính",)),
    ("Danh sách đơn vị của Đoàn số 1 (KH 77)?", ("Sở Xây dựng", "Sở Y tế"), ("Sở Tài chính",)),
    ("Theo Báo cáo 21/BC-UBND, những lĩnh vực nào thuộc khối tư pháp?", ("Hộ tịch", "Chứng thực"), ("Đất đai",)),
    ("bc 21 nhung linh vuc nao thuoc khoi tu phap", ("Hộ tịch", "Chứng thực"), ("Đất đai",)),
    ("Danh sách lĩnh vực khối tư pháp – BC 21?", ("Hộ tịch", "Chứng thực"), ("Đất đai",)),
])
def test_the_rows_a_value_the_question_names_groups(written, question, rows, not_rows):
    _names_only(written.ask(question), rows, not_rows)


@pytest.mark.parametrize(("question", "rows", "not_rows"), [
    ("Theo Báo cáo 21/BC-UBND, những lĩnh vực nào không có hồ sơ giải quyết quá hạn?", ("Chứng thực",),
     ("Hộ tịch", "Đất đai", "Xây dựng")),
    ("bc 21 nhung linh vuc nao khong co ho so giai quyet qua han", ("Chứng thực",), ("Hộ tịch", "Đất đai", "Xây dựng")),
    ("Những lĩnh vực nào không có giải quyết quá hạn – BC 21?", ("Chứng thực",), ("Hộ tịch", "Đất đai", "Xây dựng")),
    ("Theo Kế hoạch 77/KH-SNV, những đơn vị nào không có kiến nghị năm 2025 chưa khắc phục?", ("Sở Y tế",),
     ("Sở Xây dựng", "Sở Tài chính")),
    ("kh 77 nhung don vi nao khong co kien nghi chua khac phuc", ("Sở Y tế",), ("Sở Xây dựng", "Sở Tài chính")),
    ("Đơn vị nào không còn kiến nghị chưa khắc phục (KH 77)?", ("Sở Y tế",), ("Sở Xây dựng", "Sở Tài chính")),
])
def test_the_rows_a_count_is_zero_in(written, question, rows, not_rows):
    _names_only(written.ask(question), rows, not_rows)


def _names_only(ans, rows: tuple[str, ...], not_rows: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """The answer, before its source line, names every row in `rows` and none in `not_rows`."""
    first = ans.text.split("\n\nNguồn")[0]
    for row in rows:
        assert row in first, ans.text
    for row in not_rows:
        assert row not in first, ans.text
