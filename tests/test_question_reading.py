"""The question read once, from data: a chatty message without its courtesies, chat words
spelled out, the slots a terse list asks, the kinds and loose numbers of documents — each on
accented, unaccented and short phrasings. Pure functions: no index needed."""

from __future__ import annotations

import pytest

from retrieval.answering.focus import readable
from retrieval.answering.question import parse_documents
from retrieval.answering.slots import lexical_slots
from retrieval.documents.references import mentions_in_question
from retrieval.lang.text import fold


@pytest.mark.parametrize("message, kept, dropped", [
    ("Dạ cho em hỏi, bên em là Công an tỉnh, phải gửi số liệu cho ai ạ?", "bên em là Công an tỉnh", "Dạ cho em hỏi"),
    ("Anh chị cho em hỏi với, Sở Y tế báo cáo về đâu?", "Sở Y tế báo cáo về đâu", "Anh chị"),
    ("cho em hoi so tu phap bao cao cho ai", "so tu phap bao cao cho ai", "cho em hoi"),
])
def test_a_chatty_message_is_read_without_its_courtesies(message, kept, dropped):
    text = readable(message)
    assert kept in text and dropped not in text and not text.endswith("ạ?"), text


def test_what_looks_like_a_courtesy_without_diacritics_stays():
    # folded, "Đã" is "da" and a final "a" may be a word: only "dạ", "ạ" typed so are courtesies
    assert readable("Đã có văn bản nào về CCHC chưa?").startswith("Đã có")
    assert readable("so tu phap bao cao cho ai a").endswith("ai a")


@pytest.mark.parametrize("typed, spelled", [
    ("ty le hs tthc qua han", "ty le ho so tthc qua han"),  # typed without diacritics: spelled without
    ("Tỷ lệ hs trực tuyến", "Tỷ lệ hồ sơ trực tuyến"),
    ("kq khac phuc gui dau, sdt lien he", "ket qua khac phuc gui dau, so dien thoai lien he"),
])
def test_chat_words_are_spelled_out(typed, spelled):
    assert readable(typed) == spelled


@pytest.mark.parametrize("question, slots", [
    ("Tờ trình 96/TTr-SKHCN ký ngày nào, ai ký?", {"doc_date", "signer"}),
    ("tt 96 skhcn ngay ky, nguoi ky", {"doc_date", "signer"}),
    ("TTr 96: ngày ký, người ký?", {"doc_date", "signer"}),
    ("Công văn 2186 ban hành ngày nào, trích yếu là gì?", {"doc_date", "summary"}),
    ("cv 2186 ngay nao, v/v gi", {"summary"}),
    ("CV 2186: ngày, trích yếu?", {"doc_date", "summary"}),
    ("Nghị quyết 07 được thông qua tại kỳ họp nào, có hiệu lực từ ngày nào?", {"doc_date", "effect"}),
    ("nq 07 thong qua ky hop nao", {"doc_date"}),
    ("NQ 07: kỳ họp nào?", {"doc_date"}),
])
def test_a_terse_list_asks_each_of_its_items(question, slots):
    assert slots <= set(lexical_slots(question)), lexical_slots(question)


def test_passed_at_a_session_is_not_sent_via():
    assert "via" not in lexical_slots("Nghị quyết được thông qua tại kỳ họp nào?")
    assert "via" in lexical_slots("Sở Tư pháp gửi báo cáo thông qua cơ quan nào?")


@pytest.mark.parametrize("question, kind, digits", [
    ("Biên bản 31 kết luận gì?", "Biên bản", "31"),
    ("bb 31 ket luan gi", "Biên bản", "31"),
    ("BB 31: kết luận?", "Biên bản", "31"),
    ("Đề án 12 có tổng kinh phí bao nhiêu?", "Đề án", "12"),
    ("da 12 tong kinh phi", "Đề án", "12"),
    ("TTr 96: ai ký?", "Tờ trình", "96"),
])
def test_documents_are_named_by_kind_and_loose_number(question, kind, digits):
    dm = parse_documents(question, fold(question))
    assert kind in dm.kinds, dm
    assert any(m.digits == digits for m in mentions_in_question(question))


@pytest.mark.parametrize("question, text, disagree", [
    ("Giai đoạn 1 của Đề án gồm những nội dung gì?", "3. Giai đoạn 2 (năm 2027 - 2028): nhân rộng", True),
    ("giai doan 1 de an gom nhung gi", "2. Giai đoạn 1 (từ tháng 02/2026): thí điểm", False),
    ("Đợt 2 gồm những xã nào?", "Đợt 1 gồm 48 xã, phường; đợt 2 gồm 48 xã", False),  # it numbers both
    ("Đợt 2 gồm những xã nào?", "Kế hoạch thực hiện trong năm 2026", False),  # it numbers nothing asked
])
def test_a_thing_numbered_otherwise_is_another_thing(question, text, disagree):
    from retrieval.answering.evidence import numbers_disagree

    assert numbers_disagree(fold(question), text) is disagree
