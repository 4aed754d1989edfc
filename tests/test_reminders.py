"""Reminder scheduling with a controllable clock, the database's idempotency keys, and a
simulated restart between runs."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval import factstore as fs
from retrieval.db import init_schema, make_engine
from retrieval.directive import parse_directive
from retrieval.obligations import extract_obligations
from retrieval.reminders import TZ, Subscription, due_reminders, next_due_at, reminder_key
from retrieval.units import load_units

from conftest import DIRECTIVE, ROOT

UNITS = load_units(ROOT / "corpus" / "units.yaml")
KC = "UBND huyện Khoái Châu"  # inspected: reports by 15/12/2024
KD = "UBND huyện Kim Động"  # not inspected: no dated duty


@pytest.fixture(scope="module")
def obligations():
    return extract_obligations(parse_directive(DIRECTIVE.read_text(encoding="utf-8"), DIRECTIVE.name), UNITS)


def at(y, m, d, h=0, mi=0):
    return dt.datetime(y, m, d, h, mi, tzinfo=TZ)


def test_marks_7_days_and_1_day_before(obligations):
    subs = [Subscription(1, KC)]
    assert due_reminders(subs, obligations, UNITS, at(2024, 12, 8, 7, 59)) == []
    (r7,) = due_reminders(subs, obligations, UNITS, at(2024, 12, 8, 8, 0))
    assert r7.days_before == 7 and r7.deadline == dt.date(2024, 12, 15) and r7.chat_id == 1 and r7.unit == KC
    assert r7.obligation.section == "mục 2"
    assert "còn 7 ngày" in r7.text and "UBND tỉnh" in r7.text and "Sở Nội vụ" in r7.text and "15/12/2024" in r7.text
    assert "mục 2" in r7.text
    # the 7-day mark stays due (until sent) right up to the 1-day mark, which replaces it
    (still) = due_reminders(subs, obligations, UNITS, at(2024, 12, 13, 23, 0))
    assert [r.key for r in still] == [r7.key]
    (r1,) = due_reminders(subs, obligations, UNITS, at(2024, 12, 14, 8, 0), sent={r7.key})
    assert r1.days_before == 1 and "hạn là ngày mai" in r1.text
    assert r1.key != r7.key
    # nothing once the deadline day is over
    assert due_reminders(subs, obligations, UNITS, at(2024, 12, 16, 0, 0)) == []


def test_already_sent_keys_are_not_due_again(obligations):
    subs = [Subscription(1, KC)]
    (r7,) = due_reminders(subs, obligations, UNITS, at(2024, 12, 8, 9))
    assert due_reminders(subs, obligations, UNITS, at(2024, 12, 9, 9), sent={r7.key}) == []


def test_keys_are_stable(obligations):
    subs = [Subscription(1, KC)]
    a = due_reminders(subs, obligations, UNITS, at(2024, 12, 8, 9))
    again = extract_obligations(parse_directive(DIRECTIVE.read_text(encoding="utf-8"), DIRECTIVE.name), UNITS)
    b = due_reminders(subs, again, UNITS, at(2024, 12, 10, 9))
    assert [r.key for r in a] == [r.key for r in b]
    (ob,) = [o for o in obligations if o.section == "mục 2"]
    assert a[0].key == reminder_key(1, KC, ob, 7)


def test_units_without_a_dated_duty_get_nothing(obligations):
    subs = [Subscription(1, KD), Subscription(2, "Sở Y tế")]
    for day in range(1, 20):
        assert due_reminders(subs, obligations, UNITS, at(2024, 12, day, 9)) == []
    assert next_due_at(subs, obligations, UNITS, at(2024, 12, 1)) is None


def test_each_subscription_is_reminded_separately(obligations):
    subs = [Subscription(1, KC), Subscription(1, "Sở Tư pháp"), Subscription(2, KC), Subscription(3, KD)]
    due = due_reminders(subs, obligations, UNITS, at(2024, 12, 8, 9))
    assert sorted((r.chat_id, r.unit) for r in due) == [(1, "Sở Tư pháp"), (1, KC), (2, KC)]
    assert len({r.key for r in due}) == 3


def test_catch_up_after_downtime_sends_only_the_latest_mark(obligations):
    subs = [Subscription(1, KC)]
    (r,) = due_reminders(subs, obligations, UNITS, at(2024, 12, 15, 10))  # down through both marks
    assert r.days_before == 1 and "hạn là hôm nay" in r.text
    (late,) = due_reminders(subs, obligations, UNITS, at(2024, 12, 11, 10))
    assert late.days_before == 7 and "còn 4 ngày" in late.text


def test_marks_before_the_subscription_are_not_sent(obligations):
    subs = [Subscription(1, KC, created_at=at(2024, 12, 10, 12))]
    assert due_reminders(subs, obligations, UNITS, at(2024, 12, 10, 13)) == []
    (r,) = due_reminders(subs, obligations, UNITS, at(2024, 12, 14, 8))
    assert r.days_before == 1


def test_naive_now_is_local_time_and_aware_now_is_converted(obligations):
    subs = [Subscription(1, KC)]
    assert due_reminders(subs, obligations, UNITS, dt.datetime(2024, 12, 8, 8, 0))  # 08:00 Hà Nội
    # 00:59 UTC is 07:59 in Hà Nội: not yet
    assert due_reminders(subs, obligations, UNITS, dt.datetime(2024, 12, 8, 0, 59, tzinfo=dt.timezone.utc)) == []
    assert due_reminders(subs, obligations, UNITS, dt.datetime(2024, 12, 8, 1, 0, tzinfo=dt.timezone.utc))


def test_next_due_at(obligations):
    subs = [Subscription(1, KC)]
    assert next_due_at(subs, obligations, UNITS, at(2024, 12, 1)) == at(2024, 12, 8, 8)
    assert next_due_at(subs, obligations, UNITS, at(2024, 12, 8, 8)) == at(2024, 12, 14, 8)
    assert next_due_at(subs, obligations, UNITS, at(2024, 12, 14, 8)) is None


def test_second_directive_deadlines_and_group_subscription_reach():
    text = (
        "Số: 25/KH-UBND\n\nHưng Yên, ngày 15 tháng 3 năm 2025\n\nV/v thử nghiệm\n\nKính gửi:\n\n- Các sở.\n\n"
        "**1. UBND các huyện, thị xã, thành phố:**\n\n"
        "Báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả rà soát trước ngày 30/6/2025.\n\n"
        "**2. Sở Nội vụ:**\n\nĐịnh kỳ hằng quý, báo cáo UBND tỉnh tình hình thực hiện.\n"
    )
    obs = extract_obligations(parse_directive(text, "thu.md"), UNITS)
    subs = [Subscription(5, KD), Subscription(6, "Sở Nội vụ")]
    due = due_reminders(subs, obs, UNITS, at(2025, 6, 23, 9))
    # Kim Động is reached through its group; a recurring duty with no date is never scheduled
    assert [(r.chat_id, r.days_before, r.deadline) for r in due] == [(5, 7, dt.date(2025, 6, 30))]


def test_scheduler_with_database_across_a_restart(tmp_path, obligations):
    """The bot's loop: list subscriptions, compute due reminders, claim each key, send.
    A restart (new engine on the same file) neither loses subscriptions nor resends."""
    path = tmp_path / "assistant.sqlite3"
    delivered: list[tuple[int, str]] = []

    def tick(now: dt.datetime) -> None:
        eng = make_engine(f"sqlite:///{path}")
        init_schema(eng)
        due = due_reminders(fs.list_subscriptions(eng), obligations, UNITS, now, fs.sent_keys(eng))
        for r in due:
            if fs.record_sent(eng, r.key, r.chat_id, r.unit, now=now):
                delivered.append((r.chat_id, r.key))
        eng.dispose()

    eng = make_engine(f"sqlite:///{path}")
    init_schema(eng)
    fs.subscribe(eng, 42, KC, now=at(2024, 12, 1, 10))
    fs.subscribe(eng, 43, KD, now=at(2024, 12, 1, 10))
    eng.dispose()

    clock = at(2024, 12, 1, 0)
    while clock < at(2024, 12, 17):
        tick(clock)
        clock += dt.timedelta(hours=1)
    assert [c for c, _ in delivered] == [42, 42]
    assert [k.rsplit("|", 1)[-1] for _, k in delivered] == ["7d", "1d"]
    # running the whole period again (another restart, same database) sends nothing new
    before = list(delivered)
    clock = at(2024, 12, 1, 0)
    while clock < at(2024, 12, 17):
        tick(clock)
        clock += dt.timedelta(hours=6)
    assert delivered == before


def test_claiming_is_what_prevents_a_double_send(tmp_path, obligations):
    """Two workers that computed the same due reminder before either recorded it:
    only one claim succeeds."""
    eng = make_engine(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    init_schema(eng)
    subs = [Subscription(42, KC)]
    a = due_reminders(subs, obligations, UNITS, at(2024, 12, 8, 9), fs.sent_keys(eng))
    b = due_reminders(subs, obligations, UNITS, at(2024, 12, 8, 9), fs.sent_keys(eng))
    assert [r.key for r in a] == [r.key for r in b]
    assert [fs.record_sent(eng, r.key) for r in a + b] == [True, False]
    eng.dispose()
