"""A named law's own facts (number, effect date, article count, an article it points to) and a
lead-in that ends its passage ("… bằng các cách thức sau:") answered with its items — on laws
read from Markdown (../shared/corpus/laws) and from the national portal's .docx."""

from __future__ import annotations

import pytest
from conftest import SHARED, answered_by, assistant_over, need_shared

DOCX_LAW = SHARED / "corpus" / "docx-samples" / "VBPL_124614.docx"  # Luật Cảnh vệ 13/2017/QH14


@pytest.fixture(scope="module")
def docx_law_assistant(tmp_path_factory, embedder, embed_cache):
    need_shared(DOCX_LAW)
    return assistant_over(tmp_path_factory, embedder, embed_cache, files=(DOCX_LAW,))


@pytest.mark.slow
def test_a_named_laws_effect_date_count_and_number(law_assistant, docx_law_assistant):
    ans = law_assistant.ask("Luật Thanh niên có hiệu lực từ ngày nào?")
    answered_by(ans, "law_facts", "Luật Thanh niên (.md)")
    assert "01 tháng 01 năm 2021" in ans.text and "Điều 41" in ans.text
    ans = law_assistant.ask("Luật Tiếp cận thông tin có hiệu lực thi hành khi nào?")
    assert "01 tháng 7 năm 2018" in ans.text
    ans = docx_law_assistant.ask("Luật Cảnh vệ số mấy?")
    answered_by(ans, "law_facts", "Luật Cảnh vệ (.docx)")
    assert "13/2017/QH14" in ans.text
    ans = docx_law_assistant.ask("Luật Cảnh vệ gồm bao nhiêu điều?")
    assert ans.intent == "law_facts" and "điều" in ans.text and any(ch.isdigit() for ch in ans.text)


@pytest.mark.slow
def test_an_article_the_question_points_to(law_assistant, docx_law_assistant):
    ans = law_assistant.ask("Điều 3 Luật Tiếp cận thông tin quy định gì?")
    assert ans.text.startswith("Điều 3.") and "Nguyên tắc" in ans.text
    assert ans.sources and ans.sources[0].article == "3"
    ans = docx_law_assistant.ask("Điều 1 Luật Cảnh vệ quy định gì?")
    assert ans.text.startswith("Điều 1.") and "Phạm vi điều chỉnh" in ans.text


@pytest.mark.slow
def test_a_question_with_a_topic_of_its_own_is_for_the_articles(law_assistant):
    ans = law_assistant.ask("Theo Luật Tiếp cận thông tin, yêu cầu cung cấp thông tin có hiệu lực khi nào?")
    assert ans.intent != "law_facts"


@pytest.mark.slow
def test_a_lead_in_is_answered_with_its_items(law_assistant, docx_law_assistant):
    ans = law_assistant.ask("Công dân được tiếp cận thông tin bằng những cách thức nào?")
    assert "Tự do tiếp cận thông tin" in ans.text and "Yêu cầu cơ quan nhà nước cung cấp thông tin" in ans.text
    # one entry retrieved first: the list, from its lead-in
    ans = docx_law_assistant.ask("Nội dung hợp tác quốc tế trong công tác cảnh vệ bao gồm những gì?")
    assert "Nội dung hợp tác bao gồm:" in ans.text and ans.text.count("\n- ") == 5, ans.text
