"""Answers through the real Assistant (real e5 model, FAISS, BM25): every answer rule on at
least two documents of different forms, honest "not stated" on near-topic questions, choices
between documents, and the scored sets.

The questions here are written for these tests: none is an evaluation question nor one of
the calibration probes (retrieval/calibration.py), and none abstains because of a live-data
word. The quick tests use the seed directive (a công văn) and five documents of other forms in
tests/fixtures; the scored sets over ../shared are marked slow.
"""

from __future__ import annotations

import pytest
from conftest import EVAL, answered_by, need_shared

from retrieval.dev.evaluation import evaluate_rows, load_rows
from retrieval.index.calibration import PROBES
from retrieval.lang.text import fold

SEED = "Công văn V/v triển khai nhiệm vụ công tác CCHC"


def ask(a, question: str, **kw):
    ans = a.ask(question, **kw)
    return ans, ans.text.split("Nguồn:")[0]


def cited(ans) -> str:
    return ans.text.split("Nguồn:", 1)[1] if "Nguồn:" in ans.text else ""


# -- every rule, two forms each -------------------------------------------------------------------
# (rule, question, facts the answer must hold, the document the source line must name)
CASES = [
    ("metadata", "ai ky cong van trien khai nhiem vu CCHC 6 thang cuoi nam 2024", ["Nguyễn Duy Hưng", "ký thay Chủ tịch"],
     SEED),
    ("metadata", "Ai ký Tờ trình 412/TTr-SNV?", ["Trần Văn Bình", "Giám đốc"], "Tờ trình 412/TTr-SNV"),
    ("metadata", "Quyết định 2210/QĐ-UBND ban hành ngày nào?", ["14 tháng 10 năm 2025"], "Quyết định 2210/QĐ-UBND"),
    ("metadata", "Công văn 610/UBND-NC có khẩn không?", ["Khẩn"], "610/UBND-NC"),
    ("metadata", "Quyết định 2210 có hiệu lực từ khi nào?", ["kể từ ngày ký", "14/10/2025"], "Quyết định 2210/QĐ-UBND"),
    ("metadata", "Nơi nhận của công văn triển khai nhiệm vụ CCHC 6 tháng cuối năm 2024 gồm những ai?",
     ["Trung tâm PVHCC&KSTTHC"], SEED),
    ("person", "Giám đốc Sở Nội vụ là ai?", ["Trần Văn Bình"], "Tờ trình 412/TTr-SNV"),
    ("person", "Phó Chủ tịch UBND tỉnh ký Quyết định 2210 là ai?", ["Vũ Đình Khải"], "Quyết định 2210/QĐ-UBND"),
    ("summary", "Kế hoạch 41/KH-UBND về việc gì?", ["chuyển đổi số", "Vũ Đình Khải"], "Kế hoạch 41/KH-UBND"),
    ("summary", "Tờ trình 412 về việc gì?", ["Kế hoạch tuyên truyền cải cách hành chính năm 2026", "Sở Nội vụ"],
     "Tờ trình 412/TTr-SNV"),
    ("navigation", "Mục III của Kế hoạch 41 nói gì?", ["cơ quan thường trực", "Bảo hiểm xã hội tỉnh"], "mục III"),
    ("navigation", "Điều 2 của Nghị quyết 45/2025/NQ-HĐND quy định gì?", ["1.500.000 đồng", "1.000.000 đồng"], "Điều 2"),
    ("table_cell", "Thủ tục đăng ký kết hôn giải quyết trong bao lâu?", ["03 ngày làm việc"], "Phụ lục, dòng 2"),
    ("table_cell", "Đăng ký khai tử nộp hồ sơ ở đâu?", ["Trung tâm Phục vụ hành chính công cấp xã"], "Phụ lục, dòng 3"),
    ("table_cell", "Thủ tục chứng thực chữ ký thuộc lĩnh vực nào?", ["chứng thực"], "Phụ lục, dòng 4"),
    ("table_cell", "Sản phẩm của nhiệm vụ tích hợp thanh toán trực tuyến phí, lệ phí là gì?",
     ["Chức năng thanh toán trực tuyến"], "Kế hoạch 41/KH-UBND"),
    ("figures", "Công chức làm việc tại Trung tâm Phục vụ hành chính công tỉnh được hỗ trợ bao nhiêu tiền mỗi tháng?",
     ["1.500.000 đồng"], "Nghị quyết 45/2025/NQ-HĐND"),
    ("figures", "Năm 2025 chỉ số thành phần Tuyên truyền cải cách hành chính của tỉnh đạt bao nhiêu phần trăm?",
     ["78,5%"], "Tờ trình 412/TTr-SNV"),
    ("roles", "Ai chủ trì cập nhật các thủ tục hành chính lên Cơ sở dữ liệu quốc gia, phối hợp với ai?",
     ["Sở Tư pháp", "Trung tâm Phục vụ hành chính công tỉnh", "05 ngày làm việc"], "Quyết định 2210/QĐ-UBND"),
    ("roles", "Nhiệm vụ nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh do cơ quan nào chủ trì, cơ quan nào phối hợp?",
     ["Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh", "Quý II/2026"], "Phụ lục, dòng 1"),
    ("reporting", "so tu phap bao cao cho ai, cham nhat khi nao", ["UBND tỉnh (qua Sở Nội vụ)", "15/12/2024"], SEED),
    ("reporting", "Các sở phải gửi báo cáo tự đánh giá Chỉ số CCHC năm 2025 về đâu, trước ngày nào?",
     ["UBND tỉnh", "Sở Nội vụ", "20/01/2026"], "610/UBND-NC"),
    ("unit_duties", "Bảo hiểm xã hội tỉnh phải làm gì theo Kế hoạch 41?", ["kết nối dữ liệu", "quý II/2026"],
     "Kế hoạch 41/KH-UBND"),
    ("unit_duties", "Các đơn vị sự nghiệp công lập phải làm gì?", ["Chương trình CCHC", "Kế hoạch số 209-KH/TU"], SEED),
    ("lists", "Những huyện, thị xã nào được kiểm tra theo Kế hoạch 191/KH-UBND?",
     ["Yên Mỹ", "Khoái Châu", "Ân Thi", "Văn Lâm", "Mỹ Hào"], SEED),
    ("lists", "Nghị quyết 45 áp dụng đối với những đối tượng nào?", ["Bộ phận Một cửa"], "Nghị quyết 45/2025/NQ-HĐND"),
    ("cited", "363/tb-vpcp la van ban gi", ["Văn phòng Chính phủ", "06/8/2024"], SEED),
    ("cited", "Công văn 9055/BNV-CCHC là văn bản gì?", ["Bộ Nội vụ", "20/12/2025"], "610/UBND-NC"),
    ("glossary", "TTHC là viết tắt của gì?", ["thủ tục hành chính"], None),
    ("glossary", "HĐND là viết tắt của gì?", ["Hội đồng nhân dân"], None),
    ("passage", "Vì sao cần ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026?", ["78,5%"],
     "Tờ trình 412/TTr-SNV"),
    ("passage", "Ngày 15/7/2024 Ban Chỉ đạo cải cách hành chính của Chính phủ làm gì?", ["Ban Chỉ đạo"], SEED),
]


@pytest.mark.parametrize("rule, question, facts, source", CASES, ids=[f"{c[0]}:{c[1][:40]}" for c in CASES])
def test_rule_answers_with_its_facts_and_source(forms_assistant, rule, question, facts, source):
    ans, body = ask(forms_assistant, question)
    assert not ans.abstained, ans.text
    answered_by(ans, rule, source or "")
    for f in facts:
        assert f in body, (f, ans.text)
    if source is not None:
        assert source in cited(ans), ans.text
        assert body.strip() and ans.text.index("Nguồn:") > 0  # facts first, then the source


def test_conversation_gets_a_short_reply_not_a_refusal(forms_assistant):
    for text in ("Xin chào", "chào bạn", "cảm ơn nhé", "Ok cảm ơn nhiều"):
        ans = forms_assistant.ask(text)
        assert ans.intent == "conversation" and "không tìm thấy" not in ans.text and len(ans.text) < 200
    # a question that starts with thanks is still a question
    ans = forms_assistant.ask("Cảm ơn, vậy Sở Tư pháp báo cáo kết quả khắc phục cho ai?")
    assert ans.intent != "conversation" and "Sở Nội vụ" in ans.text


# -- honest "not stated" on questions near the documents' topic ---------------------------------------
NEAR_TOPIC = [
    # the level asked is not the level the list is for
    ("Lệ phí đăng ký kết hôn ở cấp huyện là bao nhiêu?", "cấp xã"),
    # a kind of support the resolution does not give
    ("Theo Nghị quyết 45, công chức Bộ phận Một cửa được hỗ trợ tiền xăng xe bao nhiêu mỗi tháng?", "không nêu"),
    # a budget the plan never states
    ("Kế hoạch 41 bố trí bao nhiêu kinh phí cho chuyển đổi số?", "không nêu"),
    ("Công văn triển khai nhiệm vụ CCHC 6 tháng cuối năm 2024 giao bao nhiêu tỷ đồng cho Sở Nội vụ?", "không nêu"),
    # an office the documents name nobody for (a deputy signs for the head)
    ("Ai là Chủ tịch UBND tỉnh?", "Phó Chủ tịch"),
    # a unit the document gives nothing to
    ("Sở Y tế phải làm gì theo Tờ trình 412?", "Sở Y tế"),
]


@pytest.mark.parametrize("question, hint", NEAR_TOPIC)
def test_near_topic_questions_are_declined_honestly(forms_assistant, question, hint):
    ans = forms_assistant.ask(question)
    assert ans.abstained, ans.text
    assert hint in ans.text


def test_not_stated_cites_the_nearest_on_topic_passage(forms_assistant):
    ans = forms_assistant.ask("Theo Nghị quyết 45, công chức Bộ phận Một cửa được hỗ trợ tiền xăng xe bao nhiêu mỗi tháng?")
    assert "Mức chi hỗ trợ" in ans.text  # the article that gives the support it does give
    assert ans.sources and ans.sources[0].section == "Điều 2"


@pytest.mark.parametrize("question", [
    "Ai đoạt giải Oscar năm 2020?",
    "Cách pha cà phê trứng?",
    "Giá cổ phiếu FPT bao nhiêu?",
    "Ai là tổng thống Pháp?",
])
def test_off_topic_questions_are_not_found_without_quotes(forms_assistant, question):
    assert question not in PROBES
    ans = forms_assistant.ask(question)
    assert ans.abstained and "không tìm thấy" in ans.text and ans.sources == []


# -- the right document ------------------------------------------------------------------------
def test_this_document_without_a_chat_document_offers_a_choice(forms_assistant):
    ans = forms_assistant.ask("Ai ký văn bản này?")
    assert ans.intent == "choose" and len(ans.choices) >= 2
    labels = dict(ans.choices)
    qd = next(doc_id for doc_id, label in labels.items() if "2210" in label)
    tt = next(doc_id for doc_id, label in labels.items() if "412" in label)
    # with the chat's document the same question is answered from it
    ans = forms_assistant.ask("Ai ký văn bản này?", context_doc=qd)
    assert "Vũ Đình Khải" in ans.text and ans.doc_id == qd
    ans = forms_assistant.ask("ai ky van ban nay", context_doc=tt)
    assert "Trần Văn Bình" in ans.text


def test_a_kind_alone_names_the_only_one_or_asks_which(forms_assistant):
    ans = forms_assistant.ask("ai ky cong van")  # two công văn: which one?
    assert ans.intent == "choose" and len(ans.choices) == 2
    assert "610/UBND-NC" in ans.text and "6 tháng cuối năm 2024" in ans.text


def test_this_plan_is_the_only_plan(forms_assistant):
    ans = forms_assistant.ask("Kế hoạch này ban hành ngày nào?")
    assert "02 tháng 3 năm 2026" in ans.text and "Kế hoạch 41/KH-UBND" in ans.text


def test_a_unit_in_several_documents_is_answered_per_document_newest_first(forms_assistant):
    ans, body = ask(forms_assistant, "Sở Tư pháp phải làm gì?")
    order = [body.find(n) for n in ("Kế hoạch 41/KH-UBND", "Công văn 610/UBND-NC", "Quyết định 2210/QĐ-UBND")]
    assert all(i >= 0 for i in order) and order == sorted(order), body


@pytest.mark.parametrize("assistant_name, question, yes, given_to", [
    ("assistant", "Sở Tư pháp có phải báo cáo khắc phục tồn tại không?", True, "Sở Tư pháp"),
    ("assistant", "Huyện Kim Động có phải báo cáo khắc phục tồn tại không?", False, "UBND huyện Yên Mỹ"),
    ("forms_assistant", "Sở Tư pháp có phải làm sạch dữ liệu hộ tịch không?", True, "Sở Tư pháp"),
    ("forms_assistant", "Sở Y tế có phải làm sạch dữ liệu hộ tịch không?", False, "Sở Tư pháp"),
])
def test_yes_or_no_for_a_unit_says_who_the_duty_is_for(request, assistant_name, question, yes, given_to):
    ans, body = ask(request.getfixturevalue(assistant_name), question)
    assert body.startswith("Có." if yes else "Không."), body
    assert given_to in body and "Nguồn:" in ans.text


def test_answers_name_the_document_they_come_from(forms_assistant):
    # the same duty words, two documents: the one the question names answers
    ans = forms_assistant.ask("Theo Kế hoạch 41, các sở báo cáo kết quả thực hiện về đâu, khi nào?")
    assert "Sở Khoa học và Công nghệ" in ans.text and "Kế hoạch 41/KH-UBND" in cited(ans)
    assert "trước ngày 15 của tháng cuối quý" in ans.text
    assert "15/3/2026" in ans.text  # the next one after the fixed clock (10/1/2026)


# -- the seed directive: typed without accents, abbreviations, counts ------------------------------
@pytest.fixture(scope="module")
def qa_rows():
    need_shared(EVAL / "qa_public.jsonl")
    return load_rows(EVAL / "qa_public.jsonl")


def _outs(a, rows, transform=lambda q: q):
    return [a.ask(transform(r["question"]), top_k=10).to_json(r["question"]) for r in rows]


def test_public_directive_questions(assistant, qa_rows):
    stats = evaluate_rows(qa_rows, _outs(assistant, qa_rows))
    assert stats["facts"] == 1.0 and stats["anchor3"] == 1.0, stats
    assert stats["false_abstain"] == 0 and stats["oos_abstained"] == "2/2", stats


def test_public_questions_typed_without_diacritics(assistant, qa_rows):
    stats = evaluate_rows(qa_rows, _outs(assistant, qa_rows, fold))
    assert stats["facts"] >= 0.9 and stats["anchor3"] >= 0.9, stats
    assert stats["oos_abstained"] == "2/2", stats


def test_counts_are_of_the_names_the_document_lists(assistant):
    ans, body = ask(assistant, "Có bao nhiêu đơn vị được kiểm tra theo Kế hoạch 191?")
    assert body.startswith("11 đơn vị")
    # a former name is shown with the unit it is now
    assert "Sở Giao thông vận tải (nay là Sở Xây dựng)" in body


def test_a_cited_number_names_that_document(assistant):
    ans = assistant.ask("Thông báo số 02/TB-ĐKT kết luận kiểm tra tại đơn vị nào?")
    assert "Sở Tư pháp" in ans.text and "01/TB-ĐKT" not in ans.text
    assert ans.sources[0].section == "chú thích 13"


def test_abbreviations_both_ways(assistant):
    assert "cải cách hành chính" in assistant.ask("cchc viết tắt của từ gì").text
    ans = assistant.ask("Về thủ tục hành chính cần rà soát, kiến nghị bãi bỏ những gì?")
    assert "TTHC" in ans.text  # the spelled-out question finds the abbreviated text


@pytest.mark.parametrize("question, expected", [
    ("", "chưa nhập câu hỏi"),
    ("   \n  ", "chưa nhập câu hỏi"),
    ("báo cáo " * 1300, "vượt giới hạn"),
])
def test_bad_questions_get_a_clear_message(assistant, question, expected):
    ans = assistant.ask(question)
    assert ans.abstained and expected in ans.text


# -- the scored sets (slow: they build indexes over ../shared) ----------------------------------------
@pytest.mark.slow
def test_directive_questions_on_the_public_documents(directives_index, embedder):
    """qa_directives.jsonl: 84 questions over the seven public documents, scored like score_cli."""
    from retrieval.answering import Assistant

    need_shared(EVAL / "qa_directives.jsonl")
    rows = load_rows(EVAL / "qa_directives.jsonl")
    a = Assistant.open(directives_index, embedder=embedder)
    outs = [a.ask(r["question"], top_k=10).to_json(r["question"]) for r in rows]
    stats = evaluate_rows(rows, outs)
    assert stats["facts"] >= 0.95 and stats["anchor3"] >= 0.95, stats
    assert stats["oos_abstained"] == "8/8" and stats["false_abstain"] <= 1, stats
    assert stats["ans_len_med"] <= 400, stats


@pytest.mark.slow
def test_fixture_questions(forms_index, embedder):
    """tests/fixtures/qa_fixtures.jsonl: twenty questions on the five fixture documents."""
    from conftest import FIXTURES

    from retrieval.answering import Assistant

    rows = load_rows(FIXTURES / "qa_fixtures.jsonl")
    a = Assistant.open(forms_index, embedder=embedder)
    stats = evaluate_rows(rows, [a.ask(r["question"], top_k=10).to_json(r["question"]) for r in rows])
    assert stats["facts"] >= 0.9 and stats["anchor3"] >= 0.9 and stats["oos_abstained"] == "3/3", stats


@pytest.mark.slow
@pytest.mark.parametrize("question", ["Ai đoạt giải Oscar năm 2020?", "Cách pha cà phê trứng?"])
def test_off_topic_questions_abstain_among_laws(law_assistant, question):
    ans = law_assistant.ask(question)
    assert ans.abstained and "không tìm thấy" in ans.text


@pytest.mark.slow
def test_directive_questions_still_reach_the_directive_among_laws(law_assistant):
    assert "Nguyễn Duy Hưng" in law_assistant.ask("ai ky van ban nay").text
    assert "Trung tâm PVHCC&KSTTHC" in law_assistant.ask("Nơi nhận của văn bản gồm những ai?").text
    ans = law_assistant.ask("so tu phap bao cao cho ai")
    assert "Sở Nội vụ" in ans.text and "15/12/2024" in ans.text


def test_warming_in_the_background_changes_no_answer(directive_index, embedder):
    """A serving process reads every document's tables in a background thread once loaded
    (the first question on a law of a thousand passages no longer pays for them); questions
    asked while it runs, and after, get the answers a cold assistant gives."""
    from retrieval.answering import Assistant

    questions = ["Sở Tư pháp phải báo cáo cho ai, chậm nhất khi nào?", "so noi vu bao cao gi, han nao",
                 "Ai ký Chỉ thị về kỷ luật kỷ cương?", "Tóm tắt kế hoạch khảo sát hài lòng",
                 "Chủ tịch UBND xã phải làm gì khi hồ sơ quá hạn?"]
    cold = Assistant.open(directive_index, embedder=embedder)
    expected = [cold.ask(q, top_k=10).text for q in questions]
    warming = Assistant.open(directive_index, embedder=embedder)
    worker = warming.warm_in_background()
    during = [warming.ask(q, top_k=10).text for q in questions]
    worker.join(timeout=60)
    assert not worker.is_alive()
    after = [warming.ask(q, top_k=10).text for q in questions]
    assert during == expected and after == expected
    lib = warming.library
    assert set(lib._spread) == set(lib.by_doc) and set(lib._pairs) == set(lib.by_doc)
