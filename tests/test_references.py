"""Cited documents: numbers, dates, issuers and subjects as each document gives them — in
running text, in footnotes, in "Căn cứ" lines and in an appendix's "(Kèm theo …)" line —
read off the seed công văn (Markdown), a Kế hoạch from an eOffice .docx, a công văn from a
PDF, a Báo cáo and a Quyết định. Expected values are read off the documents by hand."""

from __future__ import annotations

import pytest
from conftest import DIRECTIVE, SHARED, need_shared

from retrieval.documents.ingest import load_document
from retrieval.documents.model import AdminDocument, Reference
from retrieval.documents.references import describe, extract_references, find_numbers, mentions_in_question, number_key

DIRS = SHARED / "corpus" / "directives"


def _refs(path) -> dict[str, Reference]:
    need_shared(path)
    d = load_document(path)
    assert isinstance(d, AdminDocument)
    numbers = [number_key(r.number) for r in d.references]
    assert len(numbers) == len(set(numbers))  # one record a number
    return {r.number: r for r in d.references}


@pytest.fixture(scope="module")
def refs() -> dict[str, Reference]:
    return _refs(DIRECTIVE)


@pytest.fixture(scope="module")
def docx_refs() -> dict[str, Reference]:
    return _refs(DIRS / "ke-hoach-dao-tao-boi-duong-2026.docx")


@pytest.fixture(scope="module")
def pdf_refs() -> dict[str, Reference]:
    return _refs(DIRS / "cong-van-hoa-toc-2026.pdf")


# -- the seed công văn (Markdown) --------------------------------------------------------------------
@pytest.mark.parametrize(
    "number,kind,date,issuer,subject_part",
    [
        ("187/KH-UBND", "Kế hoạch", "21/12/2023", "UBND tỉnh", "CCHC nhà nước tỉnh Hưng Yên năm 2024"),
        ("363/TB-VPCP", "Thông báo", "06/8/2024", "Văn phòng Chính phủ", "nhiệm vụ trọng tâm công tác CCHC"),
        ("28-CT/TU", "Chỉ thị", "10/8/2022", "Tỉnh ủy", "đẩy mạnh công tác CCHC trên địa bàn tỉnh"),
        ("35/2023/UBTVQH15", "Nghị quyết", "12/7/2023", "UBTV Quốc hội", "sắp xếp ĐVHC cấp huyện, cấp xã giai đoạn 2023-2030"),
        ("01/TB-ĐKT", "Thông báo", "19/7/2024", "Đoàn kiểm tra CCHC tỉnh", "kết luận kiểm tra CCHC tại huyện Khoái Châu"),
        ("09/TB-ĐKT", "Thông báo", "19/7/2024", "Đoàn kiểm tra CCHC tỉnh", "tại huyện Văn Lâm"),
        ("184/KH-UBND", "Kế hoạch", "07/12/2021", "UBND tỉnh", "giai đoạn 2021-2025"),
        ("145/BC-SNV", "Báo cáo", "04/5/2024", "Sở Nội vụ", "kết quả Chỉ số PAR INDEX tỉnh Hưng Yên năm 2023"),
        ("26/CT-TTg", "Chỉ thị", "08/8/2024", "Thủ tướng Chính phủ", "giải ngân vốn đầu tư công"),
        ("454/NQ-HĐND", "Nghị quyết", "06/6/2024", "HĐND tỉnh", "sắp xếp các ĐVHC cấp xã"),
        ("1238/UBND-NC", "Công văn", "10/5/2024", "UBND tỉnh", "PAR INDEX, SIPAS, PAPI"),
    ],
)
def test_reference_records(refs, number, kind, date, issuer, subject_part):
    r = refs[number]
    assert r.kind == kind
    assert r.date == date
    assert r.issuer == issuer
    assert r.subject is not None and subject_part in r.subject


def test_body_citation_stops_at_the_comma(refs):
    # "… của Sở Nội vụ về kết quả … năm 2023, khẩn trương thực hiện …": the subject ends at the comma
    assert refs["145/BC-SNV"].subject == "kết quả Chỉ số PAR INDEX tỉnh Hưng Yên năm 2023"
    assert refs["28-CT/TU"].subject == "đẩy mạnh công tác CCHC trên địa bàn tỉnh"


def test_issuer_ends_where_the_subject_begins(refs):
    # "… của Ban Chấp hành Đảng bộ tỉnh tiếp tục triển khai thực hiện Nghị quyết số 19-NQ/TW …"
    r = refs["209-KH/TU"]
    assert r.issuer == "Ban Chấp hành Đảng bộ tỉnh"
    assert r.subject is not None and r.subject.startswith("tiếp tục triển khai thực hiện Nghị quyết số 19-NQ/TW")


def test_all_eleven_inspection_notices(refs):
    assert [n for n in refs if n.endswith("/TB-ĐKT")] == [f"{i:02d}/TB-ĐKT" for i in range(1, 12)]


def test_subject_runs_on_through_the_document_it_acts_upon(refs):
    # "ban hành Chương trình hành động thực hiện Kết luận số 50-KL/TW …" must not stop at "thực hiện"
    assert refs["99/NQ-CP"].subject.endswith("thực hiện Kết luận số 50-KL/TW ngày 28/02/2023 của Bộ Chính trị "
                                              "về tiếp tục thực hiện Nghị quyết số 18-NQ/TW")
    assert refs["133/CTr-UBND"].subject == "triển khai thực hiện Nghị quyết số 99/NQ-CP của Chính phủ"
    # the document named inside keeps its own record
    assert refs["50-KL/TW"].date == "28/02/2023" and refs["50-KL/TW"].issuer == "Bộ Chính trị"


def test_references_know_where_they_are_cited(refs):
    assert refs["187/KH-UBND"].location == "chú thích 2"
    assert refs["28-CT/TU"].location == "mục 1.a"
    assert refs["145/BC-SNV"].text.startswith("Báo cáo số 145/BC-SNV ngày 04/5/2024 của Sở Nội vụ")


# -- a Kế hoạch read from an eOffice .docx ---------------------------------------------------------------
def test_docx_citations_in_running_text(docx_refs):
    # "Thực hiện Nghị định số 101/2017/NĐ-CP ngày 01/9/2017 của Chính phủ về đào tạo, bồi dưỡng cán bộ,
    # công chức, viên chức và Nghị định số 89/2021/NĐ-CP ngày 18/10/2021 của Chính phủ sửa đổi, bổ sung
    # một số điều của Nghị định số 101/2017/NĐ-CP; …"
    a = docx_refs["101/2017/NĐ-CP"]
    assert (a.kind, a.date, a.issuer, a.subject) == (
        "Nghị định", "01/9/2017", "Chính phủ", "đào tạo, bồi dưỡng cán bộ, công chức, viên chức")
    b = docx_refs["89/2021/NĐ-CP"]
    assert (b.kind, b.date, b.issuer) == ("Nghị định", "18/10/2021", "Chính phủ")
    assert b.subject == "sửa đổi, bổ sung một số điều của Nghị định số 101/2017/NĐ-CP"
    assert a.location == b.location == "mở đầu"


def test_docx_citations_in_footnotes(docx_refs):
    qd = docx_refs["2745/QĐ-UBND"]
    assert (qd.kind, qd.date, qd.issuer, qd.location) == ("Quyết định", "15/12/2025", "UBND tỉnh", "chú thích 1")
    # "… của UBND tỉnh phê duyệt Đề án …": the verb opens the subject, it is not part of the issuer
    assert qd.subject == "phê duyệt Đề án đào tạo, bồi dưỡng cán bộ, công chức cấp xã tỉnh Hưng Yên giai đoạn 2026 - 2030"
    cv = docx_refs["215/SNV-CCVC"]
    assert (cv.kind, cv.date, cv.issuer) == ("Công văn", "20/01/2026", "Sở Nội vụ")
    assert cv.subject == "việc đăng ký nhu cầu đào tạo, bồi dưỡng năm 2026"
    # the plan's own number is not a cited document
    assert "27/KH-UBND" not in docx_refs


# -- a công văn read from a PDF -----------------------------------------------------------------------
def test_pdf_citations(pdf_refs):
    assert set(pdf_refs) == {"1820/VPCP-KSTT", "63/2024/NĐ-CP"}
    cv = pdf_refs["1820/VPCP-KSTT"]
    assert (cv.kind, cv.date, cv.issuer) == ("Công văn", "06/3/2026", "Văn phòng Chính phủ")
    # the body's "… của Văn phòng Chính phủ¹ về việc báo cáo …" ends at the footnote mark; the
    # footnote's full citation gives the subject
    assert cv.subject == "việc báo cáo tình hình thực hiện liên thông điện tử các nhóm thủ tục hành chính thiết yếu"
    nd = pdf_refs["63/2024/NĐ-CP"]
    assert (nd.kind, nd.date, nd.issuer) == ("Nghị định", "10/6/2024", "Chính phủ")
    # a footnote's subject runs on through its commas and its semicolon
    assert nd.subject is not None and nd.subject.startswith("quy định thực hiện liên thông điện tử 02 nhóm")
    assert nd.subject.endswith("giải quyết mai táng phí, tử tuất")


# -- a Báo cáo and a Quyết định (Markdown) --------------------------------------------------------------
def test_footnote_mark_ends_a_citation_in_running_text():
    refs = _refs(DIRS / "bao-cao-ket-qua-cchc-quy-i-2026.md")
    # "… Kế hoạch số 214/KH-UBND … năm 2026<sup>1</sup> và chế độ báo cáo định kỳ …": the report
    # regime after the mark is not the plan's subject
    assert refs["214/KH-UBND"].subject == "cải cách hành chính nhà nước tỉnh Hưng Yên năm 2026"
    tg = refs["766/QĐ-TTg"]
    assert (tg.issuer, tg.date) == ("Thủ tướng Chính phủ", "23/6/2022")
    assert tg.subject is not None and tg.subject.startswith("phê duyệt Bộ chỉ số chỉ đạo, điều hành")
    # "Các Quyết định của Chủ tịch UBND tỉnh: số 45/QĐ-UBND ngày 08/01/2026, số 212/QĐ-UBND …"
    assert [(refs[n].kind, refs[n].issuer, refs[n].date) for n in ("45/QĐ-UBND", "212/QĐ-UBND", "389/QĐ-UBND")] == [
        ("Quyết định", "Chủ tịch UBND tỉnh", "08/01/2026"),
        ("Quyết định", "Chủ tịch UBND tỉnh", "03/02/2026"),
        ("Quyết định", "Chủ tịch UBND tỉnh", "02/3/2026"),
    ]


def test_basis_lines_are_whole_citations():
    refs = _refs(DIRS / "quyet-dinh-ban-hanh-quy-che-2025.md")
    nd = refs["118/2025/NĐ-CP"]
    assert (nd.kind, nd.date, nd.issuer, nd.location) == ("Nghị định", "09/6/2025", "Chính phủ", "căn cứ")
    # "một cửa, một cửa liên thông": a "Căn cứ" line is all citation, its commas do not end it
    assert nd.subject == ("thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận "
                          "Một cửa và Cổng Dịch vụ công quốc gia")
    assert refs["96/TTr-TTPVHCC"].kind == "Tờ trình" and refs["96/TTr-TTPVHCC"].date == "20/8/2025"
    old = refs["2307/QĐ-UBND"]
    assert (old.date, old.issuer, old.location) == ("15/10/2021", "UBND tỉnh", "Điều 2")


def test_appendix_line_in_parentheses():
    refs = _refs(DIRS / "ke-hoach-khao-sat-hai-long-2025.md")
    # "(Kèm theo Kế hoạch số 68/KH-UBND ngày 15/4/2025 của UBND tỉnh Hưng Yên)": no stray ")"
    own = refs["68/KH-UBND"]
    assert (own.date, own.issuer, own.location) == ("15/4/2025", "UBND tỉnh Hưng Yên", "Phụ lục")
    assert refs["2640/QĐ-BNV"].issuer == "Bộ trưởng Bộ Nội vụ"


# -- the extractor on its own ------------------------------------------------------------------------
def test_extract_from_one_sentence():
    text = ("Thực hiện Kế hoạch số 35/KH-UBND ngày 20/02/2025 của UBND tỉnh về cải cách hành chính năm 2025<sup>1</sup> "
            "và Công văn số 1820/VPCP-KSTT ngày 06 tháng 3 năm 2026 của Văn phòng Chính phủ, Ủy ban nhân dân tỉnh "
            "ban hành Kế hoạch như sau:")
    a, b = extract_references(text, "mở đầu")
    assert (a.number, a.kind, a.date, a.issuer, a.subject) == (
        "35/KH-UBND", "Kế hoạch", "20/02/2025", "UBND tỉnh", "cải cách hành chính năm 2025")
    assert "<sup>" not in a.text and "\ue000" not in a.text
    # the long date form, and the comma that resumes the sentence
    assert (b.number, b.kind, b.date, b.issuer, b.subject) == (
        "1820/VPCP-KSTT", "Công văn", "06/3/2026", "Văn phòng Chính phủ", None)


def test_numbers_are_not_dates():
    assert find_numbers("chậm nhất vào ngày 15/12/2024, giai đoạn 2021-2025") == []
    assert find_numbers("Nghị quyết số 35/2023/UBTVQH15 và số 209-KH/TU") == ["35/2023/UBTVQH15", "209-KH/TU"]


def test_question_mentions_full_and_partial():
    full = mentions_in_question("Thông báo 363/tb-vpcp nói gì?")
    assert full[0].matches("363/TB-VPCP") and not full[0].matches("363/KH-UBND")
    kh = mentions_in_question("kh 187 ban hanh ngay nao")
    assert kh[0].matches("187/KH-UBND") and not kh[0].matches("187/TB-VPCP")
    assert mentions_in_question("Kế hoạch 191 kiểm tra những sở nào")[0].matches("191/KH-UBND")
    assert number_key("01/TB-ĐKT") == number_key("01/tb-dkt")


def test_describe_reads_like_the_citation():
    r = Reference("2745/QĐ-UBND", "Quyết định", "15/12/2025", "UBND tỉnh", "phê duyệt Đề án đào tạo", "", "chú thích 1")
    assert describe(r) == "Quyết định số 2745/QĐ-UBND ngày 15/12/2025 của UBND tỉnh phê duyệt Đề án đào tạo"
    r2 = Reference("187/KH-UBND", "Kế hoạch", "21/12/2023", "UBND tỉnh", "CCHC năm 2024", "", "chú thích 2")
    assert describe(r2) == "Kế hoạch số 187/KH-UBND ngày 21/12/2023 của UBND tỉnh về CCHC năm 2024"
