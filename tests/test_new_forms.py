"""Rules added from documents of forms the development set lacks (a Công điện, a Chương trình
with a task table), each shown on at least two forms: a công điện's "… điện:" recipients, a
daily reporting hour, a part asked for by its heading words, a part that is a table counted,
and an abbreviation that only qualifies what "… là gì" asks about."""

from __future__ import annotations

import re

import pytest
from conftest import DIRECTIVES, ROOT, answered_by, assistant_over, need_shared

from retrieval.answering import Assistant
from retrieval.documents.ingest import parse_markdown
from retrieval.facts.deadlines import find_deadlines
from retrieval.facts.obligations import extract_obligations
from retrieval.facts.units import load_units

CONG_DIEN = """**ỦY BAN NHÂN DÂN  
TỈNH HƯNG YÊN**

Số: 07/CĐ-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 22 tháng 9 năm 2025

**CÔNG ĐIỆN**

**Về việc tập trung ứng phó với bão số 9 và mưa lũ sau bão**

**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:**

- Giám đốc các sở, ban, ngành tỉnh;
- Chủ tịch UBND các xã, phường.

Bão số 9 có khả năng ảnh hưởng trực tiếp đến tỉnh từ đêm ngày 24/9/2025. Chủ tịch UBND tỉnh yêu cầu:

1. Chủ tịch UBND các xã, phường sẵn sàng sơ tán người dân đến nơi an toàn, hoàn thành trước 17 giờ ngày 24/9/2025.

2. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Công an tỉnh theo dõi chặt chẽ diễn biến của bão; báo cáo Chủ tịch UBND tỉnh tình hình thiệt hại trước 8 giờ hằng ngày trong thời gian có bão.

3. Sở Xây dựng chỉ đạo kiểm tra, gia cố các công trình đang thi công.

**Nơi nhận:**

- Như trên;
- Lưu: VT, KT.

**CHỦ TỊCH**

**Trần Quốc Văn**
"""

CHUONG_TRINH = """**ỦY BAN NHÂN DÂN  
TỈNH HƯNG YÊN**

Số: 12/CTr-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 05 tháng 01 năm 2026

**CHƯƠNG TRÌNH**

**Công tác năm 2026 của Ủy ban nhân dân tỉnh về cải cách hành chính**

**I. MỤC TIÊU**

Nâng cao Chỉ số cải cách hành chính (PAR INDEX) của tỉnh năm 2026, phấn đấu xếp trong nhóm 20 tỉnh dẫn đầu.

**II. CÁC ĐỀ ÁN, NHIỆM VỤ TRÌNH UBND TỈNH**

| STT | Tên đề án, nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian trình |
|---|---|---|---|---|
| 1 | Quy định phân cấp giải quyết thủ tục hành chính lĩnh vực đất đai | Sở Nông nghiệp và Môi trường | Sở Tư pháp | Quý I/2026 |
| 2 | Đề án chuyển đổi số trong tiếp nhận hồ sơ thủ tục hành chính | Sở Khoa học và Công nghệ | Trung tâm Phục vụ hành chính công tỉnh | Tháng 4/2026 |
| 3 | Kế hoạch kiểm tra công tác cải cách hành chính năm 2026 | Sở Nội vụ | Văn phòng UBND tỉnh | Tháng 2/2026 |

**III. TỔ CHỨC THỰC HIỆN**

1. Các cơ quan được giao chủ trì trình UBND tỉnh đúng thời hạn; trường hợp chậm phải báo cáo UBND tỉnh bằng văn bản, nêu rõ lý do.

**Nơi nhận:**

- Các sở, ban, ngành tỉnh;
- Lưu: VT, NC.

**TM. ỦY BAN NHÂN DÂN  
KT. CHỦ TỊCH  
PHÓ CHỦ TỊCH**

**Nguyễn Lê Huy**
"""

UNITS = load_units(ROOT / "corpus" / "units.yaml")


@pytest.fixture(scope="module")
def extra_assistant(tmp_path_factory, embedder, embed_cache):
    return assistant_over(tmp_path_factory, embedder, embed_cache, {
        "cong-dien-bao-so-9-2025.md": CONG_DIEN, "chuong-trinh-cong-tac-2026.md": CHUONG_TRINH})


def test_a_cong_dien_names_its_recipients_after_dien():
    doc = parse_markdown(CONG_DIEN, "cong-dien.md")
    assert doc.kind == "Công điện" and doc.number == "07/CĐ-UBND"
    assert doc.subject == "Về việc tập trung ứng phó với bão số 9 và mưa lũ sau bão"
    assert doc.recipients == ["Giám đốc các sở, ban, ngành tỉnh", "Chủ tịch UBND các xã, phường"]
    # the recipients are addressed, not given a duty of their own
    assert all(o.section != "mở đầu" for o in extract_obligations(doc, UNITS))


@pytest.mark.parametrize("text, hour", [
    ("báo cáo Chủ tịch UBND tỉnh tình hình thiệt hại trước 8 giờ hằng ngày trong thời gian có bão", "trước 8 giờ hằng ngày"),
    ("gửi báo cáo nhanh về Sở Y tế trước 15h30 hàng ngày", "trước 15h30 hàng ngày"),
    ("định kỳ hằng ngày cập nhật số liệu lên hệ thống", "định kỳ hằng ngày"),
])
def test_a_daily_report_is_a_daily_rule(text, hour):
    (d,) = find_deadlines(text)
    assert d.text == hour and d.recurrence is not None and d.recurrence.label == "hằng ngày"


def test_daily_work_is_no_deadline():
    assert find_deadlines("bảo đảm công việc hằng ngày của cán bộ") == []


def test_the_daily_duty_of_a_cong_dien_keeps_its_hour():
    doc = parse_markdown(CONG_DIEN, "cong-dien.md")
    (o,) = [o for o in extract_obligations(doc, UNITS) if o.recipient and "Nông nghiệp" in " ".join(o.units)]
    assert o.recurrence == "hằng ngày" and o.deadline_text == "trước 8 giờ hằng ngày"


def test_a_part_asked_by_its_heading(extra_assistant):
    ans = extra_assistant.ask("Mục tiêu của chương trình công tác CCHC năm 2026 là gì?")
    assert "nhóm 20 tỉnh dẫn đầu" in ans.text and "12/CTr-UBND" in ans.text and "mục I" in ans.text
    assert ans.intent == "navigation"


def test_a_part_asked_by_its_heading_in_public_documents(directives_assistant):
    ans = directives_assistant.ask("Kế hoạch 68/KH-UBND có mục đích, yêu cầu gì?")  # .md, two headed items
    assert ans.intent == "navigation" and "Mục đích:" in ans.text and "Yêu cầu:" in ans.text
    ans = directives_assistant.ask("Kinh phí thực hiện kế hoạch đào tạo bồi dưỡng năm 2026 lấy từ đâu?")  # .docx
    assert "8.450 triệu đồng" in ans.text and "ngân sách tỉnh" in ans.text and "27/KH-UBND" in ans.text


def test_a_part_that_is_a_table_counts_its_rows(extra_assistant, directives_assistant):
    ans = extra_assistant.ask("Chương trình 12/CTr-UBND có bao nhiêu đề án, nhiệm vụ trình UBND tỉnh?")
    assert re.search(r"\b3\b", ans.text.split(":")[0]), ans.text  # the count, before the rows
    assert "Sở Khoa học và Công nghệ" in ans.text and "Tháng 2/2026" in ans.text, ans.text


def test_an_abbreviation_that_qualifies_the_asked_thing_is_not_what_is_asked(extra_assistant, assistant):
    ans = extra_assistant.ask("Mục tiêu của chương trình công tác CCHC năm 2026 là gì?")
    assert ans.intent != "glossary"
    for a in (extra_assistant, assistant):
        assert a.ask("CCHC là gì?").intent == "glossary"
        assert a.ask("cụm từ PAR INDEX nghĩa là gì").intent == "glossary"


@pytest.fixture(scope="module")
def directives_assistant(directives_index, embedder):
    need_shared(DIRECTIVES)
    return Assistant.open(directives_index, embedder=embedder)


def test_an_appendix_that_is_a_table_counts_its_rows(directives_assistant):
    ans = directives_assistant.ask("Phụ lục Kế hoạch 68/KH-UBND gồm bao nhiêu công việc?")
    assert re.search(r"\b10\b", ans.text.split(":")[0]), ans.text  # the count, before the rows
    assert "Xây dựng phiếu khảo sát" in ans.text and "Sở Nội vụ" in ans.text, ans.text


def test_a_bare_number_means_the_corpus_document_not_one_it_cites(extra_assistant, assistant):
    ans = extra_assistant.ask("ai ky cong dien 07")  # the seed cites a Thông báo số 07/TB-ĐKT
    assert "Trần Quốc Văn" in ans.text and "07/TB-ĐKT" not in ans.text
    ans = assistant.ask("Thông báo 07 kết luận kiểm tra ở đâu?")  # only cited: the citing passage says
    assert "07/TB-ĐKT" in ans.text and "Ân Thi" in ans.text


def test_a_unit_reached_only_through_its_group_gets_its_duties(assistant, directives_assistant):
    for a, doc in ((assistant, "6 tháng cuối năm 2024"), (directives_assistant, "27/KH-UBND")):
        ans = a.ask("Sở Giáo dục và Đào tạo phải làm gì?")  # no document names it
        assert not ans.abstained and "giao chung cho sở, ban, ngành tỉnh" in ans.text and doc in ans.text
    # a topic of its own that no document treats is still declined
    assert assistant.ask("Sở Y tế phải làm gì để phòng chống dịch cúm gia cầm?").abstained


def test_a_unit_that_only_cooperates_is_told_with_whom(extra_assistant, directives_assistant):
    ans = extra_assistant.ask("STP phối hợp nhiệm vụ gì trong chương trình công tác 2026?")
    assert "Phối hợp với Sở Nông nghiệp và Môi trường" in ans.text and "đất đai" in ans.text and "12/CTr-UBND" in ans.text
    ans = directives_assistant.ask("Sở Xây dựng phải làm gì theo thông báo 142?")
    assert "Sở Nội vụ chủ trì, phối hợp với" in ans.text and "15/10/2025" in ans.text


def test_the_kind_a_question_names_keeps_that_kinds_duties(extra_assistant, directives_assistant):
    ans = extra_assistant.ask("So Xay dung phai lam gi theo cong dien bao so 9")
    assert "07/CĐ-UBND" in ans.text and "6 tháng cuối năm 2024" not in ans.text
    ans = directives_assistant.ask("Sở Nội vụ có nhiệm vụ gì trong chỉ thị?")
    assert "05/CT-UBND" in ans.text and "27/KH-UBND" not in ans.text


GIAY_MOI = """**UBND TỈNH HƯNG YÊN  
VĂN PHÒNG**

Số: 45/GM-VP

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 10 tháng 3 năm 2026

**GIẤY MỜI**

**Họp Ban Chỉ đạo cải cách hành chính tỉnh quý I năm 2026**

Văn phòng UBND tỉnh trân trọng kính mời:

- Đồng chí Giám đốc Sở Nội vụ;
- Đồng chí Giám đốc Sở Tư pháp;
- Đại diện lãnh đạo Trung tâm Phục vụ hành chính công tỉnh.

Dự cuộc họp Ban Chỉ đạo cải cách hành chính tỉnh đánh giá kết quả quý I năm 2026.

Chủ trì: Đồng chí Nguyễn Lê Huy, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo.

Thời gian: 14 giờ 00 phút, thứ Năm, ngày 19/3/2026.

Địa điểm: Phòng họp số 2, trụ sở UBND tỉnh.

Giao Sở Nội vụ chuẩn bị báo cáo đánh giá kết quả CCHC quý I, gửi về Văn phòng UBND tỉnh trước 16 giờ ngày 17/3/2026.

Kính mời các đồng chí tham dự đúng thời gian và địa điểm trên./.

**Nơi nhận:**

- Như trên;
- Lưu: VT, NC.

**KT. CHÁNH VĂN PHÒNG  
PHÓ CHÁNH VĂN PHÒNG**

**Phạm Thị Lan**
"""

KE_HOACH_HOI_NGHI = """**ỦY BAN NHÂN DÂN  
TỈNH HƯNG YÊN**

Số: 77/KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày 02 tháng 10 năm 2026

**KẾ HOẠCH**

**Tổ chức Hội nghị đối thoại với doanh nghiệp về thủ tục hành chính năm 2026**

**I. NỘI DUNG, THỜI GIAN, ĐỊA ĐIỂM**

1. Nội dung: tiếp nhận, giải đáp phản ánh, kiến nghị của doanh nghiệp về thủ tục hành chính lĩnh vực đầu tư, đất đai.

2. Thời gian, địa điểm

- Thời gian: 08 giờ 00 phút, ngày 25/10/2026.
- Địa điểm: Hội trường Trung tâm Hội nghị tỉnh.
- Chủ trì: Chủ tịch UBND tỉnh.

**II. TỔ CHỨC THỰC HIỆN**

1. Sở Tài chính chủ trì tổng hợp kiến nghị của doanh nghiệp, gửi về Văn phòng UBND tỉnh trước ngày 15/10/2026.

**Nơi nhận:**

- Các sở, ban, ngành tỉnh;
- Lưu: VT, KT.

**CHỦ TỊCH**

**Trần Quốc Văn**
"""


@pytest.fixture(scope="module")
def meeting_assistant(tmp_path_factory, embedder, embed_cache):
    return assistant_over(tmp_path_factory, embedder, embed_cache, {
        "giay-moi-hop-ban-chi-dao-2026.md": GIAY_MOI, "ke-hoach-hoi-nghi-doi-thoai-2026.md": KE_HOACH_HOI_NGHI})


def test_a_giay_moi_names_its_invitees_after_kinh_moi():
    doc = parse_markdown(GIAY_MOI, "giay-moi.md")
    assert doc.kind == "Giấy mời" and doc.recipients[0] == "Đồng chí Giám đốc Sở Nội vụ" and len(doc.recipients) == 3
    assert doc.closing and "Kính mời các đồng chí" in doc.closing[0]  # the closing courtesy is no list


@pytest.mark.parametrize("question, wants, doc", [
    ("Cuộc họp Ban Chỉ đạo CCHC quý I năm 2026 diễn ra khi nào, ở đâu?", ("19/3/2026", "Phòng họp số 2"), "45/GM-VP"),
    ("Ai chủ trì cuộc họp Ban Chỉ đạo CCHC quý I 2026?", ("Nguyễn Lê Huy",), "45/GM-VP"),
    ("Giấy mời 45/GM-VP mời những ai?", ("Giám đốc Sở Tư pháp", "Trung tâm Phục vụ hành chính công tỉnh"), "45/GM-VP"),
    ("Hội nghị đối thoại với doanh nghiệp về thủ tục hành chính tổ chức ở đâu, lúc mấy giờ?",
     ("Hội trường Trung tâm Hội nghị tỉnh", "08 giờ 00 phút"), "77/KH-UBND"),
    ("hoi nghi doi thoai doanh nghiep do ai chu tri", ("Chủ tịch UBND tỉnh",), "77/KH-UBND"),
])
def test_labelled_lines_answer_when_where_and_who(meeting_assistant, question, wants, doc):
    ans = meeting_assistant.ask(question)
    answered_by(ans, "labelled", doc)
    assert doc in ans.text, ans.text
    assert all(w in ans.text for w in wants), ans.text


def test_a_units_deadline_is_its_duty_not_a_labelled_time(meeting_assistant):
    ans = meeting_assistant.ask("Sở Nội vụ phải gửi báo cáo cho cuộc họp Ban Chỉ đạo trước khi nào?")
    assert ans.intent != "labelled" and "17/3/2026" in ans.text


def test_parts_of_a_document_counted(directives_assistant, forms_assistant):
    ans = directives_assistant.ask("Quy chế phối hợp giải quyết TTHC gồm mấy chương, mấy điều?")
    answered_by(ans, "structure_counts", "Quy chế of Quyết định 1875/QĐ-UBND")
    assert "3 chương, 8 điều" in ans.text and "1875/QĐ-UBND" in ans.text
    ans = directives_assistant.ask("Kế hoạch 68/KH-UBND có mấy mục?")
    assert "gồm 4 mục" in ans.text
    ans = forms_assistant.ask("Nghị quyết 45/2025/NQ-HĐND có bao nhiêu điều?")
    answered_by(ans, "structure_counts", "Nghị quyết 45/2025/NQ-HĐND")
    assert "gồm 3 điều" in ans.text


def test_which_document_is_about_a_subject(directives_assistant):
    cases = [("Văn bản nào quy định về khảo sát sự hài lòng?", "Kế hoạch 68/KH-UBND"),  # .md, "quy định" a verb
             ("Kế hoạch nào về đào tạo bồi dưỡng cán bộ năm 2026?", "Kế hoạch 27/KH-UBND"),  # .docx
             ("Văn bản nào quy định về phối hợp giải quyết thủ tục hành chính theo cơ chế một cửa?", "Quyết định 1875/QĐ-UBND")]
    for question, doc in cases:
        ans = directives_assistant.ask(question)
        answered_by(ans, "which_document", doc)
        assert ans.text.startswith(doc), ans.text


def test_an_urgency_word_between_the_kind_and_the_number(directives_assistant, forms_assistant):
    ans = directives_assistant.ask("Công văn hỏa tốc 1456 gửi những ai?")  # .pdf
    assert "1456/UBND-KGVX" in ans.text and "Bảo hiểm xã hội tỉnh" in ans.text
    ans = forms_assistant.ask("công văn khẩn số 610 gửi ai?")  # .md
    assert "610/UBND-NC" in ans.text and "UBND các xã, phường" in ans.text


def test_a_count_of_an_abbreviated_noun(directives_assistant, forms_assistant):
    ans = directives_assistant.ask("Quý I/2026 có bao nhiêu TTHC được công bố?")  # a Báo cáo
    assert ans.intent == "figures" and "146 thủ tục hành chính" in ans.text
    ans = forms_assistant.ask("Quyết định 2210 công bố bao nhiêu TTHC?")  # a Quyết định công bố
    assert ans.intent == "figures" and "04 thủ tục hành chính" in ans.text


def test_what_a_document_replaces_or_that_it_names_none(directives_assistant, forms_assistant):
    ans = directives_assistant.ask("Quyết định 1875 thay thế quyết định nào?")
    assert "2307/QĐ-UBND" in ans.text
    for question in ("Quyết định 2210 thay thế quyết định nào?", "Nghị quyết 45/2025/NQ-HĐND có thay thế văn bản nào không?"):
        ans = forms_assistant.ask(question)
        assert "không nêu văn bản nào bị thay thế" in ans.text, ans.text


@pytest.mark.parametrize("text, location, number, subject", [
    # a Hướng dẫn's basis line, its own verb after the last comma
    ("Căn cứ Quyết định số 1195/QĐ-BNV ngày 14/12/2025 của Bộ Nội vụ phê duyệt Đề án Xác định Chỉ số cải cách "
     "hành chính, Sở Nội vụ hướng dẫn như sau:", "căn cứ", "1195/QĐ-BNV",
     "phê duyệt Đề án Xác định Chỉ số cải cách hành chính"),
    # a Kế hoạch's opening paragraph
    ("Thực hiện Công văn số 9055/BNV-CCHC ngày 20/12/2025 của Bộ Nội vụ về việc tự đánh giá Chỉ số cải cách hành "
     "chính năm 2025, UBND tỉnh ban hành Kế hoạch như sau:", "căn cứ", "9055/BNV-CCHC",
     "việc tự đánh giá Chỉ số cải cách hành chính năm 2025"),
])
def test_a_basis_lines_own_verb_is_not_the_cited_subject(text, location, number, subject):
    from retrieval.documents.references import extract_references

    (ref,) = [r for r in extract_references(text, location) if r.number == number]
    assert ref.subject == subject and ref.issuer == "Bộ Nội vụ"
