"""Reminder scheduling with a clock the test sets: dated duties (the seed's 15/12/2024 report),
recurring ones with a due day (the Chỉ thị's "trước ngày 20 hằng tháng", the Quy chế's "trước
ngày 25 của tháng cuối quý"), the database's idempotency keys on SQLite and on the real
PostgreSQL, and a restart between runs."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import DIRECTIVE, ROOT, SHARED, need_shared

from bot.reminders import TZ, Subscription, due_reminders, next_due_at, reminder_key
from bot.storage import init_schema, make_engine
from bot.storage import subscriptions as stored
from retrieval.documents.ingest import load_document, parse_markdown
from retrieval.documents.model import AdminDocument
from retrieval.facts.obligations import Obligation, extract_obligations
from retrieval.facts.units import load_units

UNITS = load_units(ROOT / "corpus" / "units.yaml")
DIRS = SHARED / "corpus" / "directives"
KC = "UBND huyện Khoái Châu"  # inspected: reports by 15/12/2024
KD = "UBND huyện Kim Động"  # not inspected: no dated duty
TP = "Sở Tư pháp"
D = dt.date


def _duties(path) -> list[Obligation]:
    need_shared(path)
    doc = load_document(path)
    assert isinstance(doc, AdminDocument)
    return extract_obligations(doc, UNITS)


@pytest.fixture(scope="module")
def obligations() -> list[Obligation]:
    return _duties(DIRECTIVE)


@pytest.fixture(scope="module")
def chi_thi() -> list[Obligation]:
    """Chỉ thị 05/CT-UBND (17/3/2025)."""
    return _duties(DIRS / "chi-thi-ky-luat-ky-cuong-2025.md")


@pytest.fixture(scope="module")
def monthly(chi_thi) -> list[Obligation]:
    """Mục 8: the sở and huyện report "về UBND tỉnh (qua Sở Nội vụ) trước ngày 20 hằng tháng"."""
    obs = [o for o in chi_thi if o.section == "mục 8" and o.deadline_text == "trước ngày 20 hằng tháng"]
    assert {o.group for o in obs} == {"sở, ban, ngành tỉnh", "UBND huyện, thị xã, thành phố"}
    return obs


def at(y, m, d, h=0, mi=0):
    return dt.datetime(y, m, d, h, mi, tzinfo=TZ)


# -- a dated duty -------------------------------------------------------------------------------------
def test_marks_7_days_and_1_day_before(obligations):
    subs = [Subscription(1, KC)]
    assert due_reminders(subs, obligations, UNITS, at(2024, 12, 8, 7, 59)) == []
    (r7,) = due_reminders(subs, obligations, UNITS, at(2024, 12, 8, 8, 0))
    assert r7.days_before == 7 and r7.deadline == D(2024, 12, 15) and r7.chat_id == 1 and r7.unit == KC
    assert r7.obligation.section == "mục 2"
    assert r7.text.startswith(f"⏰ Nhắc hạn (còn 7 ngày) cho {KC}:\nBáo cáo UBND tỉnh (qua Sở Nội vụ)")
    assert "15/12/2024" in r7.text and "mục 2" in r7.text and "Kỳ này" not in r7.text  # its own date is in the text
    # the 7-day mark stays due (until sent) right up to the 1-day mark, which replaces it
    still = due_reminders(subs, obligations, UNITS, at(2024, 12, 13, 23, 0))
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
    again = _duties(DIRECTIVE)
    b = due_reminders(subs, again, UNITS, at(2024, 12, 10, 9))
    assert [r.key for r in a] == [r.key for r in b]
    (ob,) = [o for o in obligations if o.section == "mục 2"]
    assert a[0].key == reminder_key(1, KC, ob, 7) == reminder_key(1, KC, ob, 7, D(2024, 12, 15))


def test_units_without_a_dated_duty_get_nothing(obligations):
    subs = [Subscription(1, KD), Subscription(2, "Sở Y tế")]
    for day in range(1, 20):
        assert due_reminders(subs, obligations, UNITS, at(2024, 12, day, 9)) == []
    assert next_due_at(subs, obligations, UNITS, at(2024, 12, 1)) is None


def test_each_subscription_is_reminded_separately(obligations):
    subs = [Subscription(1, KC), Subscription(1, TP), Subscription(2, KC), Subscription(3, KD)]
    due = due_reminders(subs, obligations, UNITS, at(2024, 12, 8, 9))
    assert sorted((r.chat_id, r.unit) for r in due) == [(1, TP), (1, KC), (2, KC)]
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


def test_group_subscription_reach_and_schedules_without_a_day():
    doc = parse_markdown(
        "Số: 25/KH-UBND\n\nHưng Yên, ngày 15 tháng 3 năm 2025\n\nV/v thử nghiệm\n\nKính gửi:\n\n- Các sở.\n\n"
        "**1. UBND các huyện, thị xã, thành phố:**\n\n"
        "Báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả rà soát trước ngày 30/6/2025.\n\n"
        "**2. Sở Nội vụ:**\n\nĐịnh kỳ hằng quý, báo cáo UBND tỉnh tình hình thực hiện.\n",
        "thu.md")
    assert isinstance(doc, AdminDocument)
    obs = extract_obligations(doc, UNITS)
    subs = [Subscription(5, KD), Subscription(6, "Sở Nội vụ")]
    due = due_reminders(subs, obs, UNITS, at(2025, 6, 23, 9))
    # Kim Động is reached through its group; "hằng quý" names no day: there is no date to remind of
    assert [(r.chat_id, r.days_before, r.deadline) for r in due] == [(5, 7, D(2025, 6, 30))]
    assert next_due_at([Subscription(6, "Sở Nội vụ")], obs, UNITS, at(2025, 3, 20)) is None


# -- recurring duties with a due day ---------------------------------------------------------------------
def test_a_monthly_duty_is_reminded_before_each_20th(monthly):
    subs = [Subscription(1, TP)]  # a sở: reached through "Thủ trưởng các sở, ban, ngành tỉnh"
    assert next_due_at(subs, monthly, UNITS, at(2025, 4, 1)) == at(2025, 4, 13, 8)
    assert due_reminders(subs, monthly, UNITS, at(2025, 4, 13, 7, 59)) == []
    (r7,) = due_reminders(subs, monthly, UNITS, at(2025, 4, 13, 8))
    assert (r7.deadline, r7.days_before, r7.obligation.section) == (D(2025, 4, 20), 7, "mục 8")
    assert r7.text.splitlines()[:3] == [
        f"⏰ Nhắc hạn (còn 7 ngày) cho {TP}:",
        "Báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả thực hiện, trước ngày 20 hằng tháng.",
        "Kỳ này: hạn 20/4/2025.",
    ]
    assert "05/CT-UBND, mục 8" in r7.text
    (r1,) = due_reminders(subs, monthly, UNITS, at(2025, 4, 19, 8), sent={r7.key})
    assert (r1.deadline, r1.days_before) == (D(2025, 4, 20), 1) and "hạn là ngày mai" in r1.text
    assert next_due_at(subs, monthly, UNITS, at(2025, 4, 19, 8)) == at(2025, 5, 13, 8)
    # on the 20th itself the 1-day mark is still due (once); the day after, April is over
    assert [r.key for r in due_reminders(subs, monthly, UNITS, at(2025, 4, 20, 17), sent={r7.key})] == [r1.key]
    assert due_reminders(subs, monthly, UNITS, at(2025, 4, 21, 9)) == []
    # May is a reminder of its own: same duty and mark, another date, another key
    (may,) = due_reminders(subs, monthly, UNITS, at(2025, 5, 13, 8), sent={r7.key, r1.key})
    assert (may.deadline, may.days_before) == (D(2025, 5, 20), 7) and "Kỳ này: hạn 20/5/2025." in may.text
    assert may.key != r7.key and may.key == reminder_key(1, TP, r7.obligation, 7, D(2025, 5, 20))
    # a district reports too (its group), a province unit outside both groups does not
    (kd,) = due_reminders([Subscription(2, KD)], monthly, UNITS, at(2025, 5, 13, 8))
    assert kd.obligation.group == "UBND huyện, thị xã, thành phố" and kd.deadline == D(2025, 5, 20)
    assert due_reminders([Subscription(3, "Công an tỉnh")], monthly, UNITS, at(2025, 5, 13, 8)) == []


def test_a_recurring_duty_caught_up_and_subscribed_late(monthly):
    # down from the 12th to the 19th at noon: only the latest mark (1 day) for the 20th
    (r,) = due_reminders([Subscription(1, TP)], monthly, UNITS, at(2025, 6, 19, 12))
    assert (r.deadline, r.days_before) == (D(2025, 6, 20), 1)
    # subscribed on the 15th: the 7-day mark of the 20th was before it
    late = [Subscription(1, TP, created_at=at(2025, 6, 15, 10))]
    assert due_reminders(late, monthly, UNITS, at(2025, 6, 15, 11)) == []
    assert [x.days_before for x in due_reminders(late, monthly, UNITS, at(2025, 6, 19, 8))] == [1]


def test_quarterly_and_monthly_rules_of_other_documents(chi_thi):
    quy_che = _duties(DIRS / "quyet-dinh-ban-hanh-quy-che-2025.md")
    # "báo cáo định kỳ hằng quý … trước ngày 25 của tháng cuối quý" (Quy chế, Điều 6.1): Công an tỉnh through
    # the list the Quy chế refers to
    report = [o for o in quy_che if o.section == "khoản 1 Điều 6"]
    ca = [Subscription(9, "Công an tỉnh")]
    assert next_due_at(ca, report, UNITS, at(2025, 9, 1)) == at(2025, 9, 18, 8)
    assert next_due_at(ca, report, UNITS, at(2025, 9, 25, 9)) == at(2025, 12, 18, 8)
    (q,) = due_reminders(ca, report, UNITS, at(2025, 12, 24, 8))
    assert (q.deadline, q.days_before) == (D(2025, 12, 25), 1) and "Kỳ này: hạn 25/12/2025." in q.text
    # "công khai … trước ngày 05 hằng tháng" (Chỉ thị, 4.b) for Văn phòng UBND tỉnh; its "hằng tháng báo cáo"
    # (4.a) names no day and gives no reminder
    vp = [o for o in chi_thi if o.section in ("mục 4.a", "mục 4.b")]
    due = due_reminders([Subscription(4, "Văn phòng UBND tỉnh")], vp, UNITS, at(2026, 1, 29, 8))
    assert [(r.obligation.section, r.deadline, r.days_before) for r in due] == [("mục 4.b", D(2026, 2, 5), 7)]


# -- with the database ---------------------------------------------------------------------------------------
def test_scheduler_with_database_across_a_restart(db_url, obligations, monthly):
    """The bot's loop: list subscriptions, compute due reminders, claim each key, send. A restart (a new
    engine on the same database) neither loses subscriptions nor resends; recurring duties come back
    every month with keys of their own."""
    duties = obligations + monthly
    delivered: list[tuple[int, dt.date, int]] = []

    def run(start: dt.datetime, end: dt.datetime, step: dt.timedelta) -> None:
        eng = make_engine(db_url)  # a new process: new engine, schema init runs again
        init_schema(eng)
        clock = start
        while clock < end:
            for r in due_reminders(stored.list_subscriptions(eng), duties, UNITS, clock, stored.sent_keys(eng)):
                if stored.record_sent(eng, r.key, r.chat_id, r.unit, now=clock):
                    delivered.append((r.chat_id, r.deadline, r.days_before))
            clock += step
        eng.dispose()

    eng = make_engine(db_url)
    init_schema(eng)
    stored.subscribe(eng, 42, KC, now=at(2024, 12, 1, 10))  # the seed's dated report
    stored.subscribe(eng, 43, "Công an tỉnh", now=at(2024, 12, 1, 10))  # given nothing dated in either
    stored.subscribe(eng, 44, TP, now=at(2025, 4, 1, 10))  # the monthly report
    eng.dispose()

    run(at(2024, 12, 1), at(2024, 12, 17), dt.timedelta(hours=8))  # the bot checks more often; 08:00 is a mark
    assert delivered == [(42, D(2024, 12, 15), 7), (42, D(2024, 12, 15), 1)]
    run(at(2025, 4, 1), at(2025, 5, 1), dt.timedelta(hours=8))
    run(at(2025, 5, 1), at(2025, 6, 21), dt.timedelta(hours=8))  # after another restart
    # the Chỉ thị gives the monthly report to Khoái Châu (a district) and Sở Tư pháp (a sở) alike
    assert delivered[2:] == [(chat, D(2025, m, 20), mark) for m in (4, 5, 6) for mark in (7, 1) for chat in (42, 44)]
    # running the whole period again (another restart, same database) sends nothing new
    before = list(delivered)
    run(at(2024, 12, 1), at(2024, 12, 17), dt.timedelta(hours=12))
    run(at(2025, 4, 1), at(2025, 6, 21), dt.timedelta(hours=24))
    assert delivered == before
    eng = make_engine(db_url)
    assert len(stored.sent_keys(eng)) == 14 and len(stored.sent_keys(eng, 44)) == 6 and not stored.sent_keys(eng, 43)
    eng.dispose()


def test_claiming_is_what_prevents_a_double_send(db_url, monthly):
    """Two workers that computed the same due reminder before either recorded it: only one claim succeeds."""
    eng = make_engine(db_url)
    init_schema(eng)
    subs = [Subscription(42, TP)]
    a = due_reminders(subs, monthly, UNITS, at(2025, 4, 13, 9), stored.sent_keys(eng))
    b = due_reminders(subs, monthly, UNITS, at(2025, 4, 13, 9), stored.sent_keys(eng))
    assert [r.key for r in a] == [r.key for r in b] and len(a) == 1
    assert [stored.record_sent(eng, r.key) for r in a + b] == [True, False]
    assert due_reminders(subs, monthly, UNITS, at(2025, 4, 14, 9), stored.sent_keys(eng)) == []
    eng.dispose()
