"""The bot's reminder bookkeeping (`bot.storage.subscriptions`) on SQLite and on the real
PostgreSQL (conftest's `db_url`): subscriptions unique per chat and unit, the sent keys
that make a reminder go out once, both kept across a restart."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.reminders import TZ
from bot.storage import init_schema, make_engine
from bot.storage import subscriptions as subs


@pytest.fixture
def engine(db_url):
    eng = make_engine(db_url)
    init_schema(eng)
    yield eng
    eng.dispose()


def test_subscriptions(engine):
    t0 = dt.datetime(2024, 12, 1, 9, 0, tzinfo=dt.timezone.utc)
    assert subs.subscribe(engine, 42, "Sở Tư pháp", now=t0) is True
    assert subs.subscribe(engine, 42, "Sở Tư pháp", now=t0) is False  # unique per chat and unit
    assert subs.subscribe(engine, 42, "UBND huyện Khoái Châu", now=t0) is True
    assert subs.subscribe(engine, 7, "Sở Tư pháp", now=t0) is True
    chat42 = subs.list_subscriptions(engine, 42)
    assert [(s.chat_id, s.unit) for s in chat42] == [(42, "Sở Tư pháp"), (42, "UBND huyện Khoái Châu")]
    assert chat42[0].created_at == t0
    assert subs.unsubscribe(engine, 42, "Sở Tư pháp") == 1
    assert subs.unsubscribe(engine, 42, "Sở Tư pháp") == 0
    assert subs.unsubscribe(engine, 42) == 1
    assert [(s.chat_id, s.unit) for s in subs.list_subscriptions(engine)] == [(7, "Sở Tư pháp")]


def test_record_sent_is_once_only(engine):
    assert subs.record_sent(engine, "k1", 42, "Sở Tư pháp") is True
    assert subs.record_sent(engine, "k1", 42, "Sở Tư pháp") is False
    assert subs.sent_keys(engine) == {"k1"}
    subs.release_sent(engine, "k1")
    assert subs.record_sent(engine, "k1") is True


def test_restart_keeps_subscriptions_and_sent_keys(db_url):
    eng = make_engine(db_url)
    init_schema(eng)
    subs.subscribe(eng, 42, "UBND huyện Khoái Châu")
    subs.record_sent(eng, "rem|x", 42, "UBND huyện Khoái Châu")
    eng.dispose()
    eng2 = make_engine(db_url)  # a new process: new engine, schema init runs again
    init_schema(eng2)
    assert [(s.chat_id, s.unit) for s in subs.list_subscriptions(eng2)] == [(42, "UBND huyện Khoái Châu")]
    assert subs.record_sent(eng2, "rem|x") is False
    eng2.dispose()


def test_subscription_time_survives_the_round_trip_in_any_zone(engine):
    t = dt.datetime(2024, 12, 1, 10, 0, tzinfo=TZ)
    subs.subscribe(engine, 1, "Sở Tư pháp", now=t)
    (s,) = subs.list_subscriptions(engine, 1)
    assert s.created_at == t  # same instant
