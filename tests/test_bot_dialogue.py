"""The dialogue and its policies on the real index, without Telegram in between."""

from __future__ import annotations

from conftest import ROOT

from bot.access import AccessPolicy, RateLimiter, Who
from bot.dialogue import REFUSAL, Dialogue
from bot.engine import Engine
from retrieval.answering.answer import Answer, Source
from retrieval.settings import Settings
from tests.telegram_emulator import parse_telegram_html, utf16_len


def dialogue(assistant, directive_index, **settings) -> Dialogue:  # type: ignore[no-untyped-def]
    s = Settings(index_dir=directive_index, **settings)
    return Dialogue(s, Engine(assistant, directive_index, [ROOT / "corpus"], None), store=None)


def test_sources_too_long_for_the_answer_message_come_as_new_valid_messages(assistant, directive_index):
    d = dialogue(assistant, directive_index)
    long = "Các sở, ban, ngành <tỉnh> & UBND cấp huyện thực hiện nhiệm vụ. " * 60
    # a long answer: its last message has no room left for the passages
    answer = Answer("Trả lời: " + "nội dung & chi tiết. " * 130 + "\n\nNguồn: Công văn, mục 1.", [Source("Công văn", "/UBND-NC", None, f"mục {i}", long, 1.0)
                                                          for i in range(3)], False)
    d._remember("q1", "câu hỏi", answer)
    result = d.callback(Who(1, 1), "src:q1")
    assert result.edit is None and result.send is not None and result.toast
    for m in result.send.messages:
        assert utf16_len(parse_telegram_html(m)) <= 4096
    assert d.callback(Who(1, 1), "src:unknown").toast.startswith("Không còn lưu")  # type: ignore[union-attr]
    assert d.callback(Who(1, 1), "zz:1").toast  # stale or forged data: a notice, not an error


def test_access_policy_open_closed_and_admins(assistant, directive_index):
    open_ = AccessPolicy(Settings(), None)
    assert open_.is_open and "OPEN TO EVERYONE" in open_.describe() and open_.allowed(Who(5, 5))
    closed = AccessPolicy(Settings(allowed_user_ids=frozenset({1}), allowed_chat_ids=frozenset({-9}),
                                   admin_user_ids=frozenset({7})), None)
    assert closed.allowed(Who(1, 1)) and closed.allowed(Who(2, -9, chat_type="group"))
    assert closed.allowed(Who(7, 7)) and not closed.allowed(Who(2, 2))
    assert closed.first_refusal(Who(2, 2)) and not closed.first_refusal(Who(2, 2))
    d = Dialogue(Settings(allowed_user_ids=frozenset({1})), Engine(assistant, directive_index, [], None), None, closed)
    assert d.command(Who(3, 3), "help").messages == [REFUSAL]
    assert d.command(Who(3, 3), "help").silent  # one refusal, then silence
    assert "Cách dùng" in d.command(Who(0, 0, local=True), "help").messages[0]  # the console operator


def test_rate_limiter_sliding_window():
    rl = RateLimiter(3, window=60)
    assert [rl.check(1, now=t) for t in (0, 1, 2)] == [0, 0, 0]
    assert rl.check(1, now=30) == 30  # the oldest question leaves the window at t=60
    assert rl.check(2, now=30) == 0  # per user
    assert rl.check(1, now=60) == 0
    assert RateLimiter(0).check(1) == 0  # 0 disables the limit


def test_answer_cache_serves_repeats_and_is_cleared_on_reload(assistant, directive_index):
    engine = Engine(assistant, directive_index, [ROOT / "corpus"], None, cache_size=2)
    q = "Ai ký văn bản triển khai nhiệm vụ CCHC 6 tháng cuối năm 2024?"
    first = engine.ask(q)
    again = engine.ask("  ai KÝ văn bản triển khai nhiệm vụ CCHC 6 tháng cuối năm 2024? ")
    assert again.text == first.text and "Nguyễn Duy Hưng" in again.text
    assert len(engine._cache) == 1
    report = engine.reload()
    assert not report.rebuilt and report.documents == 1 and len(engine._cache) == 0
    assert engine.assistant is not assistant and engine.ask(q).text == first.text
