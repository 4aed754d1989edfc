"""Unit duty answers through the real Assistant, /nhiemvu and /hanchot texts with a fixed
clock, and the `obligations` CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from retrieval.directive import parse_directive
from retrieval.duties import (
    deadlines,
    duty_answer,
    hanchot_text,
    nhiemvu_text,
    unit_duties,
)
from retrieval.obligations import extract_obligations
from retrieval.text import fold
from retrieval.units import load_units

from conftest import DIRECTIVE, ROOT, run_cli

UNITS = load_units(ROOT / "corpus" / "units.yaml")


@pytest.fixture(scope="module")
def obligations():
    return extract_obligations(parse_directive(DIRECTIVE.read_text(encoding="utf-8"), DIRECTIVE.name), UNITS)


# -- answers -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "Sở Tư pháp phải báo cáo kết quả khắc phục tồn tại, hạn chế cho ai và chậm nhất khi nào?",
        "so tu phap phai bao cao cho ai, cham nhat khi nao?",
        "STP báo cáo cho ai?",
    ],
)
def test_reporting_line_of_an_inspected_department(assistant, question):
    ans = assistant.ask(question)
    assert ans.intent == "duty" and not ans.abstained
    for fact in ("Sở Tư pháp", "UBND tỉnh", "Sở Nội vụ", "15/12/2024"):
        assert fact in ans.text
    assert ans.sources[0].section == "mục 2"
    assert "chậm nhất vào ngày 15/12/2024" in ans.sources[0].text


def test_deadline_of_a_district(assistant):
    ans = assistant.ask("Huyện Khoái Châu phải báo cáo kết quả khắc phục tồn tại trước ngày nào?")
    assert ans.intent == "duty"
    assert "UBND huyện Khoái Châu" in ans.text and "15/12/2024" in ans.text
    assert ans.sources[0].section == "mục 2"


def test_everything_a_department_must_do(assistant):
    ans = assistant.ask("Sở Tư pháp phải làm gì theo văn bản này?")
    assert ans.intent == "duty"
    lead = ans.text.split("\n\nNguồn:")[0]
    # section 2's report, section 1's group duties, section 3's advisory duties
    assert "mục 2" in lead and "UBND tỉnh (qua Sở Nội vụ)" in lead and "15/12/2024" in lead
    assert "mục 1.a–g (giao cho sở, ban, ngành tỉnh)" in lead
    assert "mục 3.a–b" in lead and "khẩn trương thực hiện các giải pháp khắc phục" in lead
    assert lead.index("mục 2") < lead.index("mục 1.a–g")  # the dated report first
    assert [s.section for s in ans.sources[:3]] == ["mục 2", "mục 1", "mục 3"]
    assert len(lead) < 1500


@pytest.mark.parametrize(
    "question",
    ["Huyện Kim Động có phải báo cáo khắc phục không?", "huyen kim dong co phai bao cao khac phuc khong"],
)
def test_a_district_that_was_not_inspected(assistant, question):
    ans = assistant.ask(question)
    assert ans.intent == "duty"
    assert ans.text.startswith("Không. UBND huyện Kim Động không thuộc")
    lead = ans.text.split("\n\nNguồn:")[0]
    # who the duty is given to, and what does apply to Kim Động
    assert "các đơn vị được kiểm tra theo Kế hoạch số 191/KH-UBND" in lead
    assert "UBND huyện Khoái Châu" in lead and "UBND thị xã Mỹ Hào" in lead
    applies = lead.split("Nhiệm vụ áp dụng cho UBND huyện Kim Động:")[1]
    assert "mục 1.a–g (giao cho UBND huyện, thị xã, thành phố)" in applies
    assert "15/12/2024" not in applies and "mục 3" not in applies
    assert ans.sources[0].section == "mục 2" and ans.sources[1].section == "mục 1"


def test_yes_for_an_inspected_district(assistant):
    ans = assistant.ask("Thị xã Mỹ Hào có phải báo cáo kết quả khắc phục không?")
    assert ans.text.startswith("Có. UBND thị xã Mỹ Hào")
    assert "15/12/2024" in ans.text and "Sở Nội vụ" in ans.text


def test_the_channel_is_not_a_sender(assistant):
    ans = assistant.ask("Sở Nội vụ phải báo cáo gì?")
    assert ans.intent == "duty"
    assert "Sở Nội vụ không thuộc" in ans.text and "nơi tiếp nhận" in ans.text


def test_group_duty_reaches_a_unit_not_named_in_the_text(assistant):
    ans = assistant.ask("Sở Y tế có nhiệm vụ gì?")
    assert ans.intent == "duty"
    assert "mục 1.a–g (giao cho sở, ban, ngành tỉnh)" in ans.text
    assert "15/12/2024" not in ans.text


@pytest.mark.parametrize(
    "question, intent",
    [
        ("Những huyện, thị xã nào được kiểm tra công tác CCHC theo Kế hoạch 191/KH-UBND?", "list"),
        ("Báo cáo số 145/BC-SNV của Sở Nội vụ ban hành ngày nào?", "reference"),
        ("Thông báo kết luận kiểm tra CCHC tại huyện Văn Lâm là thông báo số mấy?", "reference"),
        ("Các sở được giao tham mưu cần làm gì để nâng cao Chỉ số CCHC của tỉnh năm 2024?", None),
    ],
)
def test_other_questions_are_left_to_their_rules(assistant, question, intent):
    ans = assistant.ask(question)
    assert ans.intent != "duty"
    if intent:
        assert ans.intent == intent


def test_handler_declines_without_a_unit_or_a_duty_cue(assistant):
    for q in (
        "Kết quả khắc phục tồn tại được tổng hợp để phục vụ việc gì?",  # no unit
        "Các cơ quan phải báo cáo cho ai?",  # a duty cue, no unit
        "Sở Tư pháp",  # a unit, no question about its duties
    ):
        hits = assistant.retriever.search(q, top_k=10)
        assert duty_answer(assistant, q, fold(q), hits, 5) is None, q
    q = "Sở Tư pháp phải làm gì?"
    ans = duty_answer(assistant, q, fold(q), assistant.retriever.search(q, top_k=10), 5)
    assert ans is not None and ans.intent == "duty"


# -- /nhiemvu and /hanchot -------------------------------------------------------------------------
def test_nhiemvu_text(obligations):
    text = nhiemvu_text(obligations, UNITS, "so tu phap", dt.date(2024, 12, 1))
    lines = text.splitlines()
    assert lines[0] == "Nhiệm vụ của Sở Tư pháp (10), hạn gần nhất trước:"
    assert lines[1].startswith("1. Báo cáo UBND tỉnh (qua Sở Nội vụ)") and "(còn 14 ngày)" in lines[1]
    assert "[mục 2]" in lines[1]
    assert "[mục 1.a; giao cho sở, ban, ngành tỉnh]" in text and "[mục 3.b]" in text
    late = nhiemvu_text(obligations, UNITS, "Sở Tư pháp", dt.date(2025, 1, 10))
    assert "15/12/2024 (quá hạn)" in late
    kd = nhiemvu_text(obligations, UNITS, "Kim Dong", dt.date(2024, 12, 1))
    assert "(7)" in kd and "15/12/2024" not in kd
    assert nhiemvu_text(obligations, UNITS, "Khoai Trau", dt.date(2024, 12, 1)) == (
        "Không tìm thấy đơn vị “Khoai Trau”. Có phải: UBND huyện Khoái Châu?"
    )
    assert "nhóm đơn vị" in nhiemvu_text(obligations, UNITS, "UBND các huyện", dt.date(2024, 12, 1))
    assert nhiemvu_text(obligations, UNITS, "So Tu phat", dt.date(2024, 12, 1)).startswith("(Hiểu “So Tu phat” là Sở Tư pháp.)")


def test_hanchot_text(obligations):
    soon = hanchot_text(obligations, dt.date(2024, 12, 1))
    assert "15/12/2024 (còn 14 ngày)" in soon and "Báo cáo UBND tỉnh (qua Sở Nội vụ)" in soon
    assert "mục 2" in soon
    # 30 days: 16/11 is the first day the deadline enters the window
    assert "15/12/2024" in hanchot_text(obligations, dt.date(2024, 11, 15))
    assert "Không có thời hạn nào" in hanchot_text(obligations, dt.date(2024, 11, 14))
    today = dt.date(2025, 11, 25)
    assert "Không có thời hạn nào trong 30 ngày tới" in hanchot_text(obligations, today)
    every = hanchot_text(obligations, today, "tatca")
    assert "15/12/2024 (quá hạn)" in every
    assert every == hanchot_text(obligations, today, "tất cả")


def test_ordering_nearest_deadline_first():
    text = (
        "Số: 30/KH-UBND\n\nHưng Yên, ngày 10 tháng 3 năm 2025\n\nV/v thử\n\nKính gửi:\n\n- Các sở.\n\n"
        "**1. Sở Tư pháp:**\n\n"
        "a) Rà soát văn bản quy phạm pháp luật.\n\n"
        "b) Báo cáo UBND tỉnh kết quả rà soát trước ngày 30/6/2025.\n\n"
        "c) Gửi báo cáo về Sở Nội vụ hằng quý.\n\n"
        "d) Báo cáo UBND tỉnh kết quả tự kiểm tra trước ngày 15/4/2025.\n\n"
        "đ) Báo cáo Chủ tịch UBND tỉnh việc sắp xếp trước ngày 01/3/2025.\n"
    )
    obs = extract_obligations(parse_directive(text, "thu.md"), UNITS)
    tp = UNITS.unit("Sở Tư pháp")
    assert tp is not None
    items = unit_duties(obs, tp, dt.date(2025, 4, 1))
    assert [(i.obligation.section, i.status) for i in items] == [
        ("mục 1.d", "upcoming"), ("mục 1.b", "upcoming"), ("mục 1.đ", "overdue"),
        ("mục 1.c", "recurring"), ("mục 1.a", "undated"),
    ]
    assert [i.days_left for i in items[:3]] == [14, 90, -31]
    window = deadlines(obs, dt.date(2025, 4, 1))
    assert [i.obligation.section for i in window] == ["mục 1.d"]
    every = deadlines(obs, dt.date(2025, 4, 1), include_all=True)
    assert [(i.obligation.section, i.overdue) for i in every] == [
        ("mục 1.đ", True), ("mục 1.d", False), ("mục 1.b", False), ("mục 1.c", False),
    ]


# -- CLI ---------------------------------------------------------------------------------------------
def test_cli_obligations_json(directive_index):
    r = run_cli("obligations", "--index", str(directive_index), "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert len(rows) == 24
    (s2,) = [x for x in rows if x["source"]["section"] == "mục 2"]
    assert s2["recipient"] == "UBND tỉnh" and s2["via"] == "Sở Nội vụ" and s2["deadline"] == "2024-12-15"
    assert s2["deadline_text"] == "chậm nhất vào ngày 15/12/2024" and s2["group"] is None
    assert "UBND thị xã Mỹ Hào" in s2["units"]
    assert set(s2["source"]) == {"doc_title", "doc_number", "section", "text"}
    assert all("resolved_unit" not in x for x in rows)


def test_cli_obligations_for_a_unit(directive_index):
    r = run_cli("obligations", "--index", str(directive_index), "--unit", "huyen kim dong", "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [x["source"]["section"] for x in rows] == ["mục 1.a", "mục 1.b", "mục 1.c", "mục 1.d", "mục 1.đ", "mục 1.e", "mục 1.g"]
    assert {x["resolved_unit"] for x in rows} == {"UBND huyện Kim Động"}
    assert {x["group"] for x in rows} == {"UBND huyện, thị xã, thành phố"}
    r2 = run_cli("obligations", "--index", str(directive_index), "--unit", "thị xã Mỹ Hòa")
    assert r2.returncode == 0 and "UBND thị xã Mỹ Hào: 8 nhiệm vụ" in r2.stdout and "15/12/2024" in r2.stdout


def test_cli_unknown_unit(directive_index):
    r = run_cli("obligations", "--index", str(directive_index), "--unit", "Khoai Trau")
    assert r.returncode == 2
    assert "Không tìm thấy đơn vị “Khoai Trau”" in r.stderr and "UBND huyện Khoái Châu" in r.stderr
