"""A document named by its kind and subject when a document of another kind shares the subject's
words; a document's number and date asked tersely ("Số, ngày KH …?"); a document named by the
words of its subject asked the span it covers, when a row of its table repeats those words. Each
on two forms, in three phrasings (accented, unaccented with abbreviations, short). Assertions
name facts, never an answer's wording."""

from __future__ import annotations

import pytest
from conftest import assistant_over

BAO_CAO = """**SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH HƯNG YÊN**

Số: 530/BC-SNNMT

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 03 tháng 10 năm 2026*

**BÁO CÁO
Kết quả giải quyết hồ sơ đất đai quý III năm 2026**

Trong quý III năm 2026, Sở tiếp nhận 1.240 hồ sơ đất đai, giải quyết đúng hạn 1.198 hồ sơ.

**GIÁM ĐỐC**

**Đinh Công Hoan**
"""

QUYET_DINH = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 2411/QĐ-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 21 tháng 10 năm 2026*

**QUYẾT ĐỊNH
Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc trong giải quyết hồ sơ đất đai quý III năm 2026**

**Điều 1.** Tặng Giấy khen cho 03 tập thể và 05 cá nhân có tên tại danh sách kèm theo.

**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Nguyễn Thị Thanh Hương**
"""

KE_HOACH = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 77/KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 14 tháng 01 năm 2027*

**KẾ HOẠCH
Kiểm tra công tác văn thư, lưu trữ năm 2027**

Sở Nội vụ kiểm tra công tác văn thư, lưu trữ tại 08 sở, ngành và 12 xã, phường trong quý II/2027.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Đào Quang Minh**
"""

THONG_BAO = """**SỞ NỘI VỤ TỈNH HƯNG YÊN**

Số: 96/TB-SNV

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 25 tháng 11 năm 2026*

**THÔNG BÁO
Kết quả kiểm tra công tác văn thư, lưu trữ năm 2026**

Đoàn kiểm tra đã kiểm tra 10 sở, ngành; 02 đơn vị chưa lập hồ sơ điện tử.

**GIÁM ĐỐC**

**Phạm Quốc Khánh**
"""

LICH = """**VĂN PHÒNG UBND TỈNH HƯNG YÊN**

Số: 88/TB-VP

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 02 tháng 10 năm 2026*

**THÔNG BÁO
Lịch công tác tuần 41 năm 2026 của lãnh đạo UBND tỉnh
(Từ ngày 05/10/2026 đến ngày 10/10/2026)**

| Thứ, ngày | Thời gian | Nội dung công việc | Địa điểm |
|---|---|---|---|
| Thứ Hai (05/10) | 08 giờ 00 | Giao ban lãnh đạo UBND tỉnh tuần 41 | Phòng họp số 1 |
| Thứ Tư (07/10) | 14 giờ 00 | Họp Ban Chỉ đạo chuyển đổi số | Phòng họp số 2 |
"""

CHUONG_TRINH = """**BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH TỈNH HƯNG YÊN**

Số: 03/CTr-BCĐ

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 06 tháng 01 năm 2027*

**CHƯƠNG TRÌNH
Kiểm tra cải cách hành chính của Ban Chỉ đạo quý I năm 2027
(Từ ngày 15/01/2027 đến ngày 31/3/2027)**

| STT | Nội dung | Thời gian | Đơn vị chủ trì |
|---|---|---|---|
| 1 | Kiểm tra cải cách hành chính quý I tại Sở Xây dựng | 20/01/2027 | Sở Nội vụ |
| 2 | Kiểm tra cải cách hành chính quý I tại phường Mỹ Hào | 12/02/2027 | Sở Nội vụ |
"""


@pytest.fixture(scope="module")
def forms5(tmp_path_factory, embedder, embed_cache):
    return assistant_over(tmp_path_factory, embedder, embed_cache, {
        "bao-cao-ho-so-dat-dai-quy-iii.md": BAO_CAO, "quyet-dinh-giay-khen-dat-dai.md": QUYET_DINH,
        "ke-hoach-kiem-tra-van-thu.md": KE_HOACH, "thong-bao-ket-qua-kiem-tra-van-thu.md": THONG_BAO,
        "lich-cong-tac-tuan-41.md": LICH, "chuong-trinh-kiem-tra-bcd.md": CHUONG_TRINH})


@pytest.mark.parametrize(("question", "number", "other"), [
    # the Báo cáo's subject is all in these questions; the kind they open with is the Quyết định's
    ("Quyết định tặng Giấy khen cho tập thể, cá nhân có thành tích trong giải quyết hồ sơ đất đai quý III năm 2026 "
     "có số và ngày ban hành nào?", "2411/QĐ-UBND", "530/BC"),
    ("qd tang giay khen giai quyet ho so dat dai quy 3 nam 2026 so may, ngay nao", "2411/QĐ-UBND", "530/BC"),
    ("Số, ngày QĐ khen thưởng giải quyết hồ sơ đất đai quý III/2026?", "2411/QĐ-UBND", "530/BC"),
    ("Kế hoạch kiểm tra công tác văn thư, lưu trữ có số và ngày ban hành nào?", "77/KH-UBND", "96/TB"),
    ("kh kiem tra van thu luu tru so may, ngay nao", "77/KH-UBND", "96/TB"),
    ("Số, ngày KH kiểm tra văn thư, lưu trữ?", "77/KH-UBND", "96/TB"),
])
def test_a_document_named_by_kind_and_subject_is_not_another_kind_sharing_its_words(forms5, question, number, other):
    a = forms5.ask(question)
    assert number in a.text and other not in a.text, a.text
    assert any(d in a.text for d in ("21 tháng 10 năm 2026", "21/10/2026", "14 tháng 01 năm 2027", "14/01/2027")), a.text


@pytest.mark.parametrize(("question", "span", "row"), [
    ("Thông báo lịch công tác tuần 41 năm 2026 của lãnh đạo UBND tỉnh áp dụng từ ngày nào đến ngày nào?",
     ("05/10/2026", "10/10/2026"), "Phòng họp số 1"),
    ("lich cong tac tuan 41 cua lanh dao ubnd tinh tu ngay nao den ngay nao", ("05/10/2026", "10/10/2026"), "Phòng họp số 1"),
    ("Lịch tuần 41 của lãnh đạo UBND tỉnh: từ ngày nào đến ngày nào?", ("05/10/2026", "10/10/2026"), "Phòng họp số 1"),
    ("Chương trình kiểm tra cải cách hành chính của Ban Chỉ đạo quý I năm 2027 thực hiện từ ngày nào đến ngày nào?",
     ("15/01/2027", "31/3/2027"), "Sở Xây dựng"),
    ("ctr kiem tra cchc cua bcd quy 1 nam 2027 tu ngay nao den ngay nao", ("15/01/2027", "31/3/2027"), "Sở Xây dựng"),
    ("Chương trình kiểm tra CCHC quý I/2027 của BCĐ: từ ngày nào đến ngày nào?", ("15/01/2027", "31/3/2027"), "Sở Xây dựng"),
])
def test_the_span_of_a_document_named_by_its_subject_is_not_a_row_repeating_those_words(forms5, question, span, row):
    a = forms5.ask(question)
    assert all(d in a.text for d in span), a.text
    assert row not in a.text.split("\n")[0], a.text


@pytest.mark.parametrize(("question", "date", "about"), [
    ("Thông báo 96/TB-SNV: ngày, công tác được kiểm tra?", ("25 tháng 11 năm 2026", "25/11/2026"), "văn thư, lưu trữ"),
    ("tb 96 snv ngay nao, v/v gi", ("25 tháng 11 năm 2026", "25/11/2026"), "văn thư, lưu trữ"),
    ("TB 96: ngày ban hành, lĩnh vực kiểm tra?", ("25 tháng 11 năm 2026", "25/11/2026"), "văn thư, lưu trữ"),
    ("Quyết định 2411/QĐ-UBND: ngày, thành tích được khen?", ("21 tháng 10 năm 2026", "21/10/2026"), "hồ sơ đất đai"),
    ("qd 2411 ubnd ngay nao, v/v gi", ("21 tháng 10 năm 2026", "21/10/2026"), "hồ sơ đất đai"),
    ("QĐ 2411: ngày ký, thành tích được khen thưởng?", ("21 tháng 10 năm 2026", "21/10/2026"), "hồ sơ đất đai"),
])
def test_a_terse_date_ask_with_another_item_gives_what_the_document_is_about(forms5, question, date, about):
    a = forms5.ask(question)
    assert any(d in a.text for d in date) and about in a.text, a.text


XIN_Y_KIEN = """**SỞ TƯ PHÁP TỈNH HƯNG YÊN**

Số: 902/STP-XDVB

V/v xin ý kiến dự thảo Quyết định về bồi thường nhà nước

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 06 tháng 7 năm 2026*

Sở Tư pháp đề nghị các cơ quan góp ý dự thảo, tập trung vào các nội dung sau:

| STT | Cơ quan | Nội dung góp ý | Hạn gửi |
|---|---|---|---|
| 1 | Sở Tài chính | Điều 8 (kinh phí chi trả); việc phối hợp giữa Sở Nội vụ và Sở Xây dựng | 15/7/2026 |
| 2 | Sở Xây dựng | Điều 5 (thiệt hại về nhà ở) | 17/7/2026 |
| 3 | Sở Y tế | Điều 6 (thiệt hại về sức khỏe) | 20/7/2026 |

1. Các cơ quan có tên tại Bảng trên gửi ý kiến góp ý về Sở Tư pháp theo thời hạn tại cột "Hạn gửi".

**GIÁM ĐỐC**

**Đỗ Thị Minh Nguyệt**
"""

KIEM_TRA = """**ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN**

Số: 131/KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

*Hưng Yên, ngày 10 tháng 3 năm 2027*

**KẾ HOẠCH
Kiểm tra công tác lưu trữ năm 2027**

**I. LỊCH KIỂM TRA**

| STT | Đơn vị được kiểm tra | Nội dung kiểm tra | Thời hạn nộp báo cáo |
|---|---|---|---|
| 1 | Sở Công Thương | Hồ sơ lưu trữ điện tử; số liệu do Sở Nội vụ và Sở Tài chính cung cấp | 05/4/2027 |
| 2 | Sở Giáo dục và Đào tạo | Kho lưu trữ | 12/4/2027 |
| 3 | Sở Nông nghiệp và Môi trường | Hồ sơ đất đai | 19/4/2027 |

**II. TỔ CHỨC THỰC HIỆN**

1. Các đơn vị nêu tại bảng trên gửi báo cáo tự kiểm tra về Sở Nội vụ theo thời hạn nêu tại Bảng.

**KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**

**Đào Quang Minh**
"""


@pytest.mark.parametrize(("text", "number", "dated", "passing"), [
    (XIN_Y_KIEN, "902/STP-XDVB", {"Sở Tài chính": "2026-07-15", "Sở Xây dựng": "2026-07-17", "Sở Y tế": "2026-07-20"},
     "Sở Nội vụ"),
    (KIEM_TRA, "131/KH-UBND", {"Sở Công Thương": "2027-04-05", "Sở Giáo dục và Đào tạo": "2027-04-12",
                               "Sở Nông nghiệp và Môi trường": "2027-04-19"}, "Sở Tài chính"),
])
def test_units_of_a_table_column_each_take_their_rows_deadline(text, number, dated, passing):
    """"Các cơ quan có tên tại Bảng trên … theo thời hạn tại cột 'Hạn gửi'": the units of the
    table's column of units, each with its own row's date; a unit a task cell names in passing
    is none of them."""
    import tempfile
    from pathlib import Path

    from retrieval.documents.ingest import load_document
    from retrieval.facts.obligations import extract_obligations
    from retrieval.facts.units import load_units

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.md"
        path.write_text(text, encoding="utf-8")
        duties = [o for o in extract_obligations(load_document(path), load_units()) if o.doc_number == number]
    by_unit = {u: o for o in duties for u in o.units if o.basis.startswith("reference")}
    assert {u: str(by_unit[u].deadline) for u in dated if u in by_unit} == dated, [(o.units, o.deadline) for o in duties]
    assert passing not in by_unit


THONG_TRI = """**ĐẢNG BỘ TỈNH HƯNG YÊN
TỈNH ỦY**

Số 07-TT/TU

**ĐẢNG CỘNG SẢN VIỆT NAM**

*Hưng Yên, ngày 12 tháng 5 năm 2026*

**THÔNG TRI
về lãnh đạo số hóa hồ sơ đảng viên**

1. Ban Tổ chức Tỉnh ủy hướng dẫn số hóa hồ sơ đảng viên, hoàn thành trong quý III/2026.

2. Ban Tổ chức Tỉnh ủy tổng hợp kết quả, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 15/12/2026.

**T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ**

**Trần Quốc Văn**
"""

# as a scan of two header columns reads: the number and the date on one line, and the parties'
# preamble opening "Hôm nay, ngày …"
BAN_GHI_NHO = """UBND TỈNH HƯNG YÊN
SỞ NỘI VỤ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 12/BGN-SNV-BĐHY Hưng Yên, ngày 03 tháng 9 năm 2026

BẢN GHI NHỚ HỢP TÁC
Về chuyển phát hồ sơ, kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích

Hôm nay, ngày 03 tháng 9 năm 2026, tại trụ sở Sở Nội vụ, chúng tôi gồm:

Điều 1. Bưu điện tỉnh chuyển phát kết quả giải quyết thủ tục hành chính đến tận nhà người dân từ ngày 01/10/2026.

Điều 2. Sở Nội vụ hướng dẫn các xã, phường đăng ký sử dụng dịch vụ trước ngày 20/9/2026.
"""


@pytest.fixture(scope="module")
def agreements(tmp_path_factory, embedder, embed_cache):
    return assistant_over(tmp_path_factory, embedder, embed_cache, {
        "thong-tri-so-hoa-ho-so-dang-vien.md": THONG_TRI, "ban-ghi-nho-buu-chinh-cong-ich.md": BAN_GHI_NHO})


@pytest.mark.parametrize(("question", "kind", "date"), [
    ("Thông tri 07-TT/TU của Tỉnh ủy ban hành ngày nào?", "Thông tri", ("12 tháng 5 năm 2026", "12/5/2026")),
    ("thong tri 07 tinh uy ngay nao", "Thông tri", ("12 tháng 5 năm 2026", "12/5/2026")),
    ("TT 07-TT/TU: ngày ban hành?", "Thông tri", ("12 tháng 5 năm 2026", "12/5/2026")),
    ("Bản ghi nhớ 12/BGN-SNV-BĐHY được ký ngày nào?", "Bản ghi nhớ", ("03 tháng 9 năm 2026", "03/9/2026")),
    ("ban ghi nho 12 ky ngay nao", "Bản ghi nhớ", ("03 tháng 9 năm 2026", "03/9/2026")),
    ("BGN 12: ngày ký?", "Bản ghi nhớ", ("03 tháng 9 năm 2026", "03/9/2026")),
])
def test_a_party_thong_tri_and_a_scanned_agreement_are_read_with_their_kind_number_and_date(agreements, question, kind, date):
    a = agreements.ask(question)
    assert kind in a.text and any(d in a.text for d in date), a.text
    assert "Thông tư" not in a.text


@pytest.mark.parametrize("question", [
    "Ban Tổ chức Tỉnh ủy được giao những nhiệm vụ gì trong Thông tri 07-TT/TU và hạn hoàn thành?",
    "ban to chuc tinh uy lam gi theo thong tri 07, han",
    "Thông tri 07-TT/TU: nhiệm vụ của Ban Tổ chức Tỉnh ủy?",
])
def test_a_party_documents_number_is_no_topic_of_a_units_duties(agreements, question):
    """"05-TT/TU" names the document: its letters do not narrow the unit's duties to one."""
    a = agreements.ask(question)
    assert "quý III/2026" in a.text and "15/12/2026" in a.text, a.text


KE_HOACH_TINH_UY = """**ĐẢNG BỘ TỈNH HƯNG YÊN
TỈNH ỦY**

Số 41-KH/TU

**ĐẢNG CỘNG SẢN VIỆT NAM**

*Hưng Yên, ngày 02 tháng 3 năm 2026*

**KẾ HOẠCH
tổng kết công tác dân vận năm 2026**

1. Các đảng bộ trực thuộc Tỉnh ủy tổng kết công tác dân vận, gửi báo cáo về Ban Dân vận Tỉnh ủy trước ngày 20/11/2026.

**T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ**

**Trần Quốc Văn**
"""

THONG_TRI_CAP_UY = THONG_TRI.replace("07-TT/TU", "08-TT/TU").replace(
    "2. Ban Tổ chức Tỉnh ủy tổng hợp kết quả",
    "2. Các cấp ủy trực thuộc Tỉnh ủy rà soát hồ sơ đảng viên, hoàn thành trước ngày 31/8/2026.\n\n"
    "3. Ban Tổ chức Tỉnh ủy tổng hợp kết quả")


@pytest.mark.parametrize(("text", "number", "deadline"), [
    (THONG_TRI_CAP_UY, "08-TT/TU", "2026-08-31"),   # "các cấp ủy trực thuộc Tỉnh ủy"
    (KE_HOACH_TINH_UY, "41-KH/TU", "2026-11-20"),   # "các đảng bộ trực thuộc Tỉnh ủy"
])
def test_the_party_committees_under_the_provincial_one_are_a_group_with_members(text, number, deadline):
    """A duty of "các đảng ủy / đảng bộ / cấp ủy trực thuộc Tỉnh ủy" is the group's, and reaches
    its members: a xã's Đảng ủy and the province-level ones (Đảng ủy Công an tỉnh)."""
    import tempfile
    from pathlib import Path

    from retrieval.documents.ingest import load_document
    from retrieval.facts.obligations import applicable, extract_obligations
    from retrieval.facts.units import load_units

    units = load_units()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.md"
        path.write_text(text, encoding="utf-8")
        duties = [o for o in extract_obligations(load_document(path), units) if o.doc_number == number]
    grouped = [o for o in duties if o.group and "trực thuộc" in o.group]
    assert grouped and str(grouped[0].deadline) == deadline, [(o.units, o.group, o.deadline) for o in duties]
    police = units.unit("Đảng ủy Công an tỉnh")
    assert police is not None
    assert applicable(duties, police.name, units.groups_of(police.name)), [o.group for o in duties]
