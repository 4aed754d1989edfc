"""Parser tests on the real province directive."""

from __future__ import annotations

import pytest

from retrieval.directive import parse_directive
from retrieval.chunking import chunk_directive
from tests.conftest import DIRECTIVE


@pytest.fixture(scope="module")
def directive():
    return parse_directive(DIRECTIVE.read_text(encoding="utf-8"), DIRECTIVE.name)


def test_metadata(directive):
    m = directive.meta
    assert m.number == "/UBND-NC"  # left blank in the original
    assert m.kind == "Công văn"
    assert m.place == "Hưng Yên"
    assert (m.month, m.year) == (8, 2024)
    assert m.subject == "V/v triển khai nhiệm vụ công tác CCHC 6 tháng cuối năm 2024"
    assert m.issuer == "UBND tỉnh Hưng Yên"


def test_recipients_and_copies(directive):
    assert directive.meta.recipients == [
        "Các sở, ban, ngành tỉnh",
        "Các đơn vị sự nghiệp công lập trực thuộc UBND tỉnh",
        "UBND huyện, thị xã, thành phố",
    ]
    copies = directive.meta.copies
    assert copies[0] == "Như trên"
    assert "Chủ tịch, các Phó Chủ tịch UBND tỉnh" in copies
    assert "Trung tâm PVHCC&KSTTHC" in copies
    assert len(copies) == 6


def test_signer(directive):
    s = directive.meta.signer
    assert s is not None
    assert s.name == "Nguyễn Duy Hưng"
    assert s.title.lower() == "phó chủ tịch"
    assert s.capacity == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]


def test_sections_and_points(directive):
    assert [s.number for s in directive.sections] == ["1", "2", "3"]
    s1, s2, s3 = directive.sections
    assert [p.label for p in s1.points] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert s1.heading.startswith("Các sở, ban, ngành tỉnh; đơn vị sự nghiệp công lập")
    assert s2.points == [] and len(s2.paragraphs) == 1
    assert "chậm nhất vào ngày 15/12/2024" in s2.paragraphs[0]
    assert [p.label for p in s3.points] == ["a", "b"]
    assert "(Văn phòng UBND tỉnh, Nội vụ, Tài chính, Tư pháp, Thông tin và Truyền thông)" in s3.heading


def test_point_b_survives_the_page_break(directive):
    # point b) is printed across the footnote block: "… của Ban Chấp" / footnotes / "hành Đảng bộ tỉnh …"
    b = directive.sections[0].points[1]
    assert "Ban Chấp hành Đảng bộ tỉnh tiếp tục triển khai thực hiện Nghị quyết số 19-NQ/TW" in b.text
    assert b.text.rstrip().endswith("HĐND, UBND tỉnh<sup>10</sup>.")


def test_all_thirteen_footnotes_attached_to_their_citing_passage(directive):
    fn = directive.footnotes
    assert sorted(fn) == list(range(1, 14))
    expected = {1: ["mở đầu"], 2: ["1.a"], 3: ["1.a"], 4: ["1.a"], 5: ["1.b"], 6: ["1.b"], 7: ["1.b"],
                8: ["1.b"], 9: ["1.b"], 10: ["1.b"], 11: ["1.đ"], 12: ["2"], 13: ["2"]}
    assert {n: f.cited_in for n, f in fn.items()} == expected
    assert fn[1].text.startswith("Thông báo số 363/TB-VPCP ngày 06/8/2024 của Văn phòng Chính phủ")
    assert "<sup>" not in fn[1].text  # the stray mark inside footnote 1 is removed
    assert fn[13].text.endswith("số 11/TB-ĐKT kết luận kiểm tra CCHC tại thị xã Mỹ Hòa.")


def test_dates_in_text(directive):
    assert directive.preamble[0].startswith("Ngày 15/7/2024, Ban Chỉ đạo cải cách hành chính")


def test_chunks_carry_footnotes_and_stable_ids(directive):
    chunks = chunk_directive(directive)
    ids = [c.chunk_id for c in chunks]
    assert len(ids) == len(set(ids))
    again = [c.chunk_id for c in chunk_directive(parse_directive(DIRECTIVE.read_text(encoding="utf-8"), DIRECTIVE.name))]
    assert ids == again
    by_section = {c.section: c for c in chunks}
    a = by_section["mục 1.a"]
    assert [f[:4] for f in a.footnotes] == ["(2) ", "(3) ", "(4) "]
    assert "Kế hoạch số 187/KH-UBND ngày 21/12/2023" in a.footnotes[0]
    assert "<sup>" not in a.text
    # footnotes are retrievable on their own, knowing where they are cited
    f12 = by_section["chú thích 12"]
    assert f12.kind == "footnote" and "dẫn tại mục 2" in f12.context
    assert {"mục 1.đ", "Kính gửi", "Nơi nhận", "phần ký"} <= set(by_section)
