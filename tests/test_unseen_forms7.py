"""What a question asks besides its topic, kept in the answer: a sum of money asked of a document
that gives none is "không nêu", not a neighbour passage, while a document that gives it answers
with the sum; "ngày nào, về việc gì" of a named document gives its date as the document writes
it; a party document whose trích yếu opens "của Ban Thường vụ …" is cited as written. Documents
of several forms written for these tests (a party Chỉ thị, a xã's Kế hoạch, a Quyết định khen
thưởng, a sở's Báo cáo), questions in three phrasings (accented, unaccented with abbreviations,
short). Assertions name facts, never an answer's wording."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from conftest import assistant_over

from retrieval.documents.ingest import load_document
from retrieval.facts.obligations import extract_obligations
from retrieval.facts.units import load_units
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


# -- a party committee's organs, the duties said in the passive, sets named with what they are --
CTR_DANG_UY = """**ĐẢNG BỘ TỈNH HƯNG YÊN
ĐẢNG ỦY PHƯỜNG HỒNG CHÂU**

Số: 11-CTr/ĐU

**ĐẢNG CỘNG SẢN VIỆT NAM**

*Hồng Châu, ngày 06 tháng 5 năm 2027*

**CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Kết luận số 60-KL/TU về chuyển đổi số trong các cơ quan đảng năm 2027**

**I. NHIỆM VỤ**

1. Văn bản của Đảng ủy phường gửi các chi bộ (trừ văn bản mật) được Văn phòng Đảng ủy phường phát hành trên môi trường điện tử từ ngày 01/7/2027.

2. Việc cập nhật hồ sơ đảng viên vào Cơ sở dữ liệu đảng viên, hoàn thành trong quý III/2027, do Ban Xây dựng Đảng Đảng ủy phường chủ trì, phối hợp với Văn phòng Đảng ủy phường thực hiện.

3. Trong quý IV/2027, ít nhất 06 chi bộ được Ủy ban Kiểm tra Đảng ủy phường kiểm tra việc thực hiện Chương trình này.

**II. TỔ CHỨC THỰC HIỆN**

1. Các chi bộ trực thuộc xây dựng kế hoạch thực hiện, gửi Ban Thường vụ Đảng ủy phường (qua Văn phòng Đảng ủy) trước ngày 31/5/2027.

2. Văn phòng Đảng ủy phường theo dõi, đôn đốc việc thực hiện Chương trình; tham mưu Ban Thường vụ Đảng ủy phường báo cáo kết quả trước ngày 15/12/2027.

**T/M BAN THƯỜNG VỤ
BÍ THƯ**

**Vũ Thị Lan**
"""

QD_DANG_UY_XA = """**ĐẢNG BỘ TỈNH HƯNG YÊN
ĐẢNG ỦY XÃ ĐÔNG HƯNG**

Số: 74-QĐ/ĐU

**ĐẢNG CỘNG SẢN VIỆT NAM**

*Đông Hưng, ngày 14 tháng 4 năm 2027*

**QUYẾT ĐỊNH
về việc tổ chức sinh hoạt chuyên đề cải cách hành chính trong các chi bộ năm 2027**

**Điều 1.** Các chi bộ thôn tổ chức sinh hoạt chuyên đề về cải cách hành chính, chuyển đổi số trước ngày 30/6/2027.

**Điều 2.** Ủy ban Kiểm tra Đảng ủy xã kiểm tra việc tổ chức sinh hoạt chuyên đề tại ít nhất 05 chi bộ trong quý III/2027.

**Điều 3.** Văn phòng Đảng ủy xã tổng hợp kết quả sinh hoạt chuyên đề, báo cáo Ban Thường vụ Đảng ủy xã trước ngày 15/7/2027.

**T/M BAN THƯỜNG VỤ
BÍ THƯ**

**Hoàng Văn Tiến**
"""

CV_SO_DANG_TAI = """**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
SỞ TƯ PHÁP**

Số: 905/STP-PBGDPL

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 19 tháng 5 năm 2027*

V/v giải đáp vướng mắc về chứng thực chữ ký

Kính gửi: UBND các xã, phường.

1. Việc chứng thực chữ ký người dịch thực hiện theo Điều 31 Nghị định số 23/2015/NĐ-CP.

2. Nội dung giải đáp tại Công văn này được Phòng Phổ biến, giáo dục pháp luật đăng tải trên Cổng thông tin điện tử Sở Tư pháp trong thời hạn 05 ngày làm việc kể từ ngày ký.

**KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC**

**Đinh Văn Hòa**
"""


def _duties(text: str, number: str):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.md"
        path.write_text(text, encoding="utf-8")
        doc = load_document(path)
        return [o for o in extract_obligations(doc, load_units()) if o.doc_number == number]


@pytest.mark.parametrize(("text", "number", "holder", "words", "deadline"), [
    (CTR_DANG_UY, "11-CTr/ĐU", "Văn phòng Đảng ủy phường", "phát hành", None),
    (CTR_DANG_UY, "11-CTr/ĐU", "Ban Xây dựng Đảng Đảng ủy phường", "cập nhật hồ sơ đảng viên", "2027-09-30"),
    (CTR_DANG_UY, "11-CTr/ĐU", "Ủy ban Kiểm tra Đảng ủy phường", "kiểm tra", "2027-12-31"),
    (QD_DANG_UY_XA, "74-QĐ/ĐU", "Ủy ban Kiểm tra Đảng ủy xã", "kiểm tra", "2027-09-30"),
    (QD_DANG_UY_XA, "74-QĐ/ĐU", "Văn phòng Đảng ủy xã", "tổng hợp", "2027-07-15"),
    (QD_DANG_UY_XA, "74-QĐ/ĐU", "Các chi bộ thôn", "sinh hoạt chuyên đề", "2027-06-30"),
    (CTR_DANG_UY, "11-CTr/ĐU", "Các chi bộ trực thuộc", "kế hoạch thực hiện", "2027-05-31"),
    (CV_SO_DANG_TAI, "905/STP-PBGDPL", "Phòng Phổ biến, giáo dục pháp luật", "đăng tải", None),
])
def test_a_body_of_a_committee_holds_its_duty_whole_named_active_or_passive(text, number, holder, words, deadline):
    """"Văn phòng Đảng ủy phường" is one body, not a Văn phòng and the Đảng ủy; "… được Văn phòng
    Đảng ủy phường phát hành", "… do Ban Xây dựng Đảng … chủ trì" give the agent the duty;
    "các chi bộ trực thuộc", "các chi bộ thôn" are named with what says which of them."""
    duties = _duties(text, number)
    mine = [o for o in duties if holder in o.units]
    assert any(words in f"{o.action} {o.text}" and (deadline is None or str(o.deadline) == deadline) for o in mine), \
        [(o.units, o.action[:50], o.deadline) for o in duties]
    # the committee the body belongs to is not given the body's duty as well
    assert not any(u != holder and holder.endswith(u) for o in mine for u in o.units)


def test_a_report_to_a_partys_standing_board_goes_through_its_office():
    duties = _duties(CTR_DANG_UY, "11-CTr/ĐU")
    plan = [o for o in duties if "Các chi bộ trực thuộc" in o.units and "kế hoạch" in o.action]
    assert plan and plan[0].recipient == "Ban Thường vụ Đảng ủy phường" and plan[0].via == "Văn phòng Đảng ủy", \
        [(o.recipient, o.via) for o in plan]


@pytest.fixture(scope="module")
def forms7(tmp_path_factory, embedder, embed_cache):
    return assistant_over(tmp_path_factory, embedder, embed_cache, {
        "chi-thi-thi-dua-dvc-phu-cu.md": CT_THI_DUA, "ke-hoach-mot-cua-tan-tien.md": KH_XA,
        "quyet-dinh-giay-khen-to-cnsc.md": QD_KHEN, "bao-cao-tthc-xay-dung-quy-i.md": BC_SO,
        "chuong-trinh-dang-uy-hong-chau.md": CTR_DANG_UY, "quyet-dinh-dang-uy-dong-hung.md": QD_DANG_UY_XA,
        "ke-hoach-dvc-truc-tuyen-2027.md": KH_BANG, "thong-bao-so-hoa-ho-so.md": TB_PHU_LUC,
        "quy-che-phoi-hop-stp-ca.md": QC_PHOI_HOP, "ke-hoach-so-hoa-so-ho-tich.md": KH_CHUOI})


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


@pytest.mark.parametrize(("question", "said", "not_said"), [
    ("Ủy ban Kiểm tra Đảng ủy phường Hồng Châu có nhiệm vụ gì theo Chương trình 11-CTr/ĐU?", "06 chi bo", "phat hanh"),
    ("ubkt dang uy phuong hong chau lam gi theo ctr 11", "06 chi bo", "phat hanh"),
    ("UBKT Đảng ủy phường Hồng Châu — nhiệm vụ (CTr 11)?", "06 chi bo", "phat hanh"),
    ("Văn phòng Đảng ủy xã Đông Hưng được giao nhiệm vụ gì trong Quyết định 74-QĐ/ĐU?", "15/7/2027", "05 chi bo"),
    ("van phong dang uy xa dong hung lam gi theo qd 74", "15/7/2027", "05 chi bo"),
    ("VP Đảng ủy xã Đông Hưng: nhiệm vụ, hạn (QĐ 74)?", "15/7/2027", "05 chi bo"),
])
def test_a_body_of_a_committee_asked_gets_its_own_duties(forms7, question, said, not_said):
    """Asked of the committee's body, the answer lists that body's duties, not the committee's
    other bodies' ones."""
    ans = forms7.ask(question, top_k=10)
    body = _body(ans)
    assert said in body and not_said not in body, ans.text


@pytest.mark.parametrize(("question", "facts"), [
    ("Theo Chỉ thị 09-CT/ĐU, các chi bộ thôn báo cáo kết quả định kỳ thế nào, gửi đâu?", ["25", "van phong dang uy"]),
    ("ct 09 chi bo thon bao cao dinh ky the nao, gui dau", ["25", "van phong dang uy"]),
    ("Chi bộ thôn báo cáo — tần suất, gửi đâu (CT 09)?", ["25", "van phong dang uy"]),
    ("Kế hoạch 18/KH-UBND: mua sắm máy quét cho quầy tiếp nhận phải hoàn thành với kỳ hạn nào?", ["30/4/2027"]),
    ("kh 18 tan tien mua may quet ky han nao", ["30/4/2027"]),
    ("Kỳ hạn mua máy quét (KH 18)?", ["30/4/2027"]),
])
def test_a_word_that_frames_the_ask_is_not_a_subject_the_document_must_say(forms7, question, facts):
    """"định kỳ", "tần suất", "kỳ hạn" say what is asked of the subject; a document that answers
    in other words ("trước ngày 25 hằng tháng", "trước ngày 30/4/2027") is not "không nêu"."""
    ans = forms7.ask(question, top_k=10)
    assert not ans.abstained, ans.text
    body = _body(ans)
    assert all(f in body for f in facts), ans.text


# -- units named by the role a table gives them ("các cơ quan chủ trì nhiệm vụ tại Bảng trên") --
KH_BANG = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 205/KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 10 tháng 3 năm 2027*

**KẾ HOẠCH
Nâng cao chất lượng dịch vụ công trực tuyến năm 2027**

**I. NHIỆM VỤ**

Các nhiệm vụ cụ thể tại Bảng sau:

| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |
|---|---|---|---|---|
| 1 | Rà soát quy trình nội bộ TTHC | Sở Tư pháp | Sở Nội vụ | 30/4/2027 |
| 2 | Nâng cấp Cổng dịch vụ công | Sở Khoa học và Công nghệ | Sở Tài chính | 30/6/2027 |
| 3 | Tập huấn công chức một cửa | Sở Nội vụ | Sở Tư pháp | 31/5/2027 |

**II. TỔ CHỨC THỰC HIỆN**

1. Các cơ quan, đơn vị chủ trì nhiệm vụ tại Bảng trên (trừ Sở Nội vụ) gửi báo cáo tiến độ về Sở Nội vụ trước ngày 15/6/2027.

2. Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày 30/6/2027.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Nguyễn Văn Phú**
"""

TB_PHU_LUC = """**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN
VĂN PHÒNG**

Số: 233/TB-VP

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 02 tháng 6 năm 2027*

**THÔNG BÁO
Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về số hóa hồ sơ TTHC**

1. Giao các cơ quan, đơn vị tại Phụ lục kèm theo thực hiện nhiệm vụ được phân công.

2. Các cơ quan, đơn vị được giao chủ trì nhiệm vụ tại Phụ lục báo cáo kết quả về UBND tỉnh (qua Văn phòng UBND tỉnh) trước ngày 20/9/2027.

**KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG**

**Lê Thu Hà**

**Phụ lục**

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
|---|---|---|---|---|
| 1 | Số hóa hồ sơ đất đai còn tồn | Sở Nông nghiệp và Môi trường | Trung tâm Phục vụ hành chính công tỉnh | 31/8/2027 |
| 2 | Số hóa hồ sơ hộ tịch | Sở Tư pháp | Sở Nội vụ | 31/7/2027 |
"""


@pytest.mark.parametrize(("text", "number", "units", "to", "deadline", "not_given"), [
    (KH_BANG, "205/KH-UBND", {"Sở Tư pháp", "Sở Khoa học và Công nghệ"}, "Sở Nội vụ", "2027-06-15", "Sở Nội vụ"),
    (TB_PHU_LUC, "233/TB-VP", {"Sở Nông nghiệp và Môi trường", "Sở Tư pháp"}, "UBND tỉnh", "2027-09-20", "Sở Nội vụ"),
])
def test_units_named_by_the_role_a_table_gives_them_hold_the_duty(text, number, units, to, deadline, not_given):
    """"Các cơ quan, đơn vị chủ trì nhiệm vụ tại Bảng trên (trừ Sở Nội vụ) gửi báo cáo …": the
    units of the table's lead column, less those left out, each report by the date."""
    duties = _duties(text, number)
    reports = [o for o in duties if o.recipient == to and str(o.deadline) == deadline]
    given = {u for o in reports for u in o.units}
    assert units <= given and not_given not in given, [(o.units, o.recipient, o.deadline) for o in duties]


@pytest.mark.parametrize(("question", "who", "when"), [
    ("Theo Kế hoạch 205/KH-UBND, Sở Khoa học và Công nghệ gửi báo cáo tiến độ cho ai, trước ngày nào?", "so noi vu", "15/6/2027"),
    ("skhcn gui bao cao tien do kh 205 cho ai, han", "so noi vu", "15/6/2027"),
    ("Sở KH&CN báo cáo tiến độ (KH 205): gửi ai, hạn?", "so noi vu", "15/6/2027"),
    ("Theo Thông báo 233/TB-VP, Sở Tư pháp báo cáo kết quả số hóa cho ai, trước ngày nào?", "ubnd tinh", "20/9/2027"),
    ("so tu phap bao cao ket qua tb 233 cho ai, han nao", "ubnd tinh", "20/9/2027"),
    ("STP báo cáo (TB 233): gửi ai, hạn?", "ubnd tinh", "20/9/2027"),
])
def test_a_unit_a_table_names_as_lead_is_told_its_report(forms7, question, who, when):
    ans = forms7.ask(question, top_k=10)
    body = _body(ans)
    assert who in body and when in body, ans.text


# -- a chain of recurring reports, no one named in the question -------------------------------
QC_PHOI_HOP = """**SỞ TƯ PHÁP - CÔNG AN TỈNH HƯNG YÊN**

Số: 05/QCPH-STP-CAT

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 03 tháng 3 năm 2027*

**QUY CHẾ PHỐI HỢP
Giữa Sở Tư pháp và Công an tỉnh trong liên thông đăng ký khai sinh, đăng ký thường trú**

**Điều 1.** Phạm vi phối hợp

Quy chế này quy định việc phối hợp liên thông đăng ký khai sinh, đăng ký thường trú cho trẻ dưới 6 tuổi.

**Điều 2.** Chế độ thông tin, báo cáo

Hằng tháng, trước ngày 18, Công an tỉnh gửi Sở Tư pháp số liệu hồ sơ liên thông đã giải quyết; Sở Tư pháp tổng hợp, báo cáo UBND tỉnh trước ngày 22 hằng tháng.

**GIÁM ĐỐC SỞ TƯ PHÁP**

**Đinh Văn Hòa**
"""

KH_CHUOI = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 61/KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 15 tháng 3 năm 2027*

**KẾ HOẠCH
Số hóa sổ hộ tịch năm 2027**

**I. NHIỆM VỤ**

Các xã, phường số hóa toàn bộ sổ hộ tịch lưu trữ, hoàn thành trong năm 2027.

**II. CHẾ ĐỘ BÁO CÁO**

1. Hằng quý, trước ngày 12 của tháng cuối quý, UBND các xã, phường báo cáo tiến độ số hóa sổ hộ tịch về Sở Tư pháp.

2. Hằng quý, trước ngày 19 của tháng cuối quý, Sở Tư pháp tổng hợp tiến độ số hóa sổ hộ tịch, báo cáo UBND tỉnh.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Nguyễn Văn Phú**
"""


@pytest.mark.parametrize(("question", "first", "second"), [
    ("Theo Quy chế phối hợp 05/QCPH-STP-CAT, chế độ báo cáo hằng tháng được quy định thế nào?", "18", "22"),
    ("che do bao cao hang thang qcph 05 stp ca the nao", "18", "22"),
    ("Báo cáo tháng theo QCPH 05: ai gửi ai, hạn?", "18", "22"),
    ("Theo Kế hoạch 61/KH-UBND, báo cáo hằng quý về số hóa sổ hộ tịch được gửi thế nào, hạn khi nào?", "12", "19"),
    ("bao cao quy so hoa so ho tich kh 61 gui ai, han", "12", "19"),
    ("Báo cáo quý KH 61: ai gửi ai, hạn?", "12", "19"),
])
def test_a_chain_of_reports_of_one_period_is_given_whole(forms7, question, first, second):
    """No one named: each report of that period the document sets, each to its own recipient
    by its own day."""
    ans = forms7.ask(question, top_k=10)
    body = _body(ans)
    assert f"truoc ngay {first}" in body and second in body, ans.text


@pytest.mark.parametrize(("question", "document"), [
    ("Theo Kế hoạch 18/KH-UBND, xã Phù Cừ phải hoàn thành mua sắm máy quét trước ngày nào?", "18/KH-UBND"),
    ("kh 18 xa tien lu mua may quet xong truoc ngay nao", "18/KH-UBND"),
    ("Xã Phù Cừ: hạn mua máy quét (KH 18)?", "18/KH-UBND"),
    ("Theo Báo cáo 64/BC-SXD, Sở Y tế tiếp nhận bao nhiêu hồ sơ trong quý I năm 2027?", "64/BC-SXD"),
    ("bc 64 so tu phap tiep nhan bao nhieu ho so quy 1/2027", "64/BC-SXD"),
    ("Sở Y tế quý I/2027 (BC 64): số hồ sơ?", "64/BC-SXD"),
])
def test_a_place_the_document_never_names_is_not_answered_from_it(forms7, question, document):
    """The Kế hoạch is xã Tân Tiến's and the Báo cáo the Sở Xây dựng's: asked of another xã or
    sở, the answer says the document does not name it rather than give the issuer's figures."""
    ans = forms7.ask(question, top_k=10)
    assert ans.abstained and "khong neu" in _body(ans) and fold(document) in fold(ans.text), ans.text


@pytest.mark.parametrize("question", [
    "Theo Báo cáo 64/BC-SXD, Sở Xây dựng tiếp nhận bao nhiêu hồ sơ trong quý I năm 2027?",
    "bc 64 so xay dung tiep nhan bao nhieu ho so quy 1/2027",
    "Sở Xây dựng quý I/2027 (BC 64): số hồ sơ?",
])
def test_the_place_a_document_is_about_is_answered_from_it(forms7, question):
    ans = forms7.ask(question, top_k=10)
    assert not ans.abstained and "1.126" in ans.text.split("Nguồn:")[0], ans.text
