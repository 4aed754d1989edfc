"""Diacritics restored from the corpus's own words, for questions typed without them."""

from __future__ import annotations

from conftest import DIRECTIVE

from retrieval.lang.accents import AccentRestorer

LAW_LIKE = [
    "Nghiêm cấm hành vi cản trở người thi hành công vụ.",
    "Hành vi cản trở việc thanh tra bị xử lý.",
    "Người sợ hãi được bảo vệ.", "Không sợ hãi.", "Sợ hãi, lo lắng.",
    "Kết quả cận lâm sàng.",
]


def _restorer() -> AccentRestorer:
    return AccentRestorer.build([DIRECTIVE.read_text(encoding="utf-8"), *LAW_LIKE])


def test_directive_words_come_back():
    r = _restorer()
    assert r.restore("so tu phap bao cao cho ai, cham nhat khi nao") == "sở tư pháp báo cáo cho ai, chậm nhất khi nào"
    assert r.restore("KH 187 ban hanh ngay nao").startswith("KH 187 ban hành ngày nào")  # abbreviations kept


def test_question_phrasing_beats_the_statistics_of_documents():
    # "vi cản" (hành vi cản trở) and "cận lâm" are the corpus's pairs, but a question asks "cần làm gì"
    assert _restorer().restore("cac don vi can lam gi") == "các đơn vị cần làm gì"


def test_a_pair_must_agree_with_its_neighbours_choice():
    # "chỉ số" fixes "so" as số; "sợ hãi" must then not drag "hai" away from "hài lòng"
    assert _restorer().restore("chi so hai long") == "chỉ số hài lòng"


def test_accented_questions_are_left_alone():
    assert _restorer().restore("Sở Tư pháp báo cáo cho ai?") == "Sở Tư pháp báo cáo cho ai?"
