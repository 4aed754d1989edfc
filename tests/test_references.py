"""Cited documents: numbers, dates, issuers and subjects as the directive gives them."""

from __future__ import annotations

import pytest

from retrieval.directive import parse_directive
from retrieval.references import find_numbers, mentions_in_question, number_key
from tests.conftest import DIRECTIVE


@pytest.fixture(scope="module")
def refs():
    d = parse_directive(DIRECTIVE.read_text(encoding="utf-8"), DIRECTIVE.name)
    return {r.number: r for r in d.references}


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
    assert subject_part in r.subject


def test_body_citation_stops_at_the_comma(refs):
    # "… của Sở Nội vụ về kết quả … năm 2023, khẩn trương thực hiện …": the subject ends at the comma
    assert refs["145/BC-SNV"].subject == "kết quả Chỉ số PAR INDEX tỉnh Hưng Yên năm 2023"
    assert refs["28-CT/TU"].subject == "đẩy mạnh công tác CCHC trên địa bàn tỉnh"


def test_all_eleven_inspection_notices(refs):
    assert [n for n in refs if n.endswith("/TB-ĐKT")] == [f"{i:02d}/TB-ĐKT" for i in range(1, 12)]


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


def test_subject_runs_on_through_the_document_it_acts_upon(refs):
    # "ban hành Chương trình hành động thực hiện Kết luận số 50-KL/TW …" must not stop at "thực hiện"
    assert refs["99/NQ-CP"].subject.endswith("thực hiện Kết luận số 50-KL/TW ngày 28/02/2023 của Bộ Chính trị "
                                              "về tiếp tục thực hiện Nghị quyết số 18-NQ/TW")
    assert refs["133/CTr-UBND"].subject == "triển khai thực hiện Nghị quyết số 99/NQ-CP của Chính phủ"
    # the document named inside keeps its own record
    assert refs["50-KL/TW"].date == "28/02/2023" and refs["50-KL/TW"].issuer == "Bộ Chính trị"
