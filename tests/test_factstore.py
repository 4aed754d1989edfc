"""Fact store on SQLite (a temporary file) and on the real PostgreSQL when it answers."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace

import pytest
from sqlalchemy import event, text

from retrieval import factstore as fs
from retrieval.db import init_schema, make_engine
from retrieval.directive import parse_directive
from retrieval.obligations import extract_obligations
from retrieval.units import load_units

from conftest import DIRECTIVE, ROOT

UNITS = load_units(ROOT / "corpus" / "units.yaml")
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _directive(text: str | None = None, name: str = DIRECTIVE.name):
    return parse_directive(text if text is not None else DIRECTIVE.read_text(encoding="utf-8"), name)


def _sqlite(path):
    engine = make_engine(f"sqlite:///{path}")
    init_schema(engine)
    return engine


def _postgres():
    try:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/test", connect_timeout=3):
            pass
    except Exception as exc:  # noqa: BLE001 - any failure means "no server here"
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432/test does not answer ({type(exc).__name__}: {exc})")
    schema = f"t_facts_{uuid.uuid4().hex[:10]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(PG_URL)

    @event.listens_for(engine, "connect")
    def _path(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        cur.execute(f'SET search_path TO "{schema}"')
        cur.close()

    init_schema(engine)
    return engine, admin, schema


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        eng = _sqlite(tmp_path / "facts.sqlite3")
        yield eng
        eng.dispose()
        return
    eng, admin, schema = _postgres()
    try:
        yield eng
    finally:
        eng.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_sync_stores_documents_and_obligations(engine):
    d = _directive()
    rep = fs.sync_facts(engine, [d], UNITS)
    assert rep.added == [d.doc_id] and not rep.updated and not rep.removed
    stored = fs.load_obligations(engine)
    assert len(stored) == rep.obligations == len(extract_obligations(d, UNITS)) == 24
    (s2,) = [o for o in stored if o.section == "mục 2"]
    assert s2.recipient == "UBND tỉnh" and s2.via == "Sở Nội vụ"
    assert s2.deadline == dt.date(2024, 12, 15) and s2.deadline_text == "chậm nhất vào ngày 15/12/2024"
    assert "UBND thị xã Mỹ Hào" in s2.units and s2.group is None
    assert s2.doc_title == d.title and s2.chunk_id == f"{d.doc_id}:muc-2"
    # what comes back is what was extracted, field for field
    assert [o.to_json() for o in stored] == [o.to_json() for o in extract_obligations(d, UNITS)]
    assert [o.key for o in stored] == [o.key for o in extract_obligations(d, UNITS)]


def test_sync_is_idempotent_and_replaces_only_changed_documents(engine):
    d = _directive()
    fs.sync_facts(engine, [d], UNITS)
    before = fs.stored_documents(engine)
    again = fs.sync_facts(engine, [d], UNITS)
    assert again.unchanged == [d.doc_id] and not again.changed
    assert fs.stored_documents(engine) == before
    assert len(fs.load_obligations(engine)) == 24

    changed_text = DIRECTIVE.read_text(encoding="utf-8").replace("15/12/2024", "20/12/2024")
    d2 = _directive(changed_text)
    rep = fs.sync_facts(engine, [d2], UNITS)
    assert rep.updated == [d.doc_id]
    (s2,) = [o for o in fs.load_obligations(engine) if o.section == "mục 2"]
    assert s2.deadline == dt.date(2024, 12, 20)
    assert len(fs.load_obligations(engine)) == 24  # replaced, not added to


def test_units_change_changes_the_checksum(engine):
    d = _directive()
    fs.sync_facts(engine, [d], UNITS)
    fewer = replace(UNITS, units=[u for u in UNITS.units if u.name != "UBND huyện Kim Động"])
    rep = fs.sync_facts(engine, [d], fewer)
    assert rep.updated == [d.doc_id]
    assert all("UBND huyện Kim Động" not in o.units for o in fs.load_obligations(engine))


def test_documents_gone_from_the_corpus_are_removed(engine):
    d = _directive()
    other = _directive(
        "Số: 25/KH-UBND\n\nHưng Yên, ngày 15 tháng 3 năm 2025\n\nV/v thử\n\nKính gửi:\n\n- Sở Nội vụ.\n\n"
        "**1. Sở Nội vụ:**\n\nBáo cáo UBND tỉnh trước ngày 30/6/2025.\n",
        "thu.md",
    )
    fs.sync_facts(engine, [d, other], UNITS)
    assert set(fs.stored_documents(engine)) == {d.doc_id, "thu"}
    rep = fs.sync_facts(engine, [d], UNITS)
    assert rep.removed == ["thu"]
    assert set(fs.stored_documents(engine)) == {d.doc_id}
    assert all(o.doc_id == d.doc_id for o in fs.load_obligations(engine))


def test_subscriptions(engine):
    t0 = dt.datetime(2024, 12, 1, 9, 0, tzinfo=dt.timezone.utc)
    assert fs.subscribe(engine, 42, "Sở Tư pháp", now=t0) is True
    assert fs.subscribe(engine, 42, "Sở Tư pháp", now=t0) is False  # unique per chat and unit
    assert fs.subscribe(engine, 42, "UBND huyện Khoái Châu", now=t0) is True
    assert fs.subscribe(engine, 7, "Sở Tư pháp", now=t0) is True
    subs = fs.list_subscriptions(engine, 42)
    assert [(s.chat_id, s.unit) for s in subs] == [(42, "Sở Tư pháp"), (42, "UBND huyện Khoái Châu")]
    assert subs[0].created_at == t0
    assert fs.unsubscribe(engine, 42, "Sở Tư pháp") == 1
    assert fs.unsubscribe(engine, 42, "Sở Tư pháp") == 0
    assert fs.unsubscribe(engine, 42) == 1
    assert [(s.chat_id, s.unit) for s in fs.list_subscriptions(engine)] == [(7, "Sở Tư pháp")]


def test_record_sent_is_once_only(engine):
    assert fs.record_sent(engine, "k1", 42, "Sở Tư pháp") is True
    assert fs.record_sent(engine, "k1", 42, "Sở Tư pháp") is False
    assert fs.sent_keys(engine) == {"k1"}
    fs.release_sent(engine, "k1")
    assert fs.record_sent(engine, "k1") is True


def test_restart_keeps_subscriptions_and_sent_keys(tmp_path):
    path = tmp_path / "assistant.sqlite3"
    eng = _sqlite(path)
    fs.subscribe(eng, 42, "UBND huyện Khoái Châu")
    fs.record_sent(eng, "rem|x", 42, "UBND huyện Khoái Châu")
    eng.dispose()
    eng2 = _sqlite(path)  # a new process: new engine, schema init runs again
    assert [(s.chat_id, s.unit) for s in fs.list_subscriptions(eng2)] == [(42, "UBND huyện Khoái Châu")]
    assert fs.record_sent(eng2, "rem|x") is False
    eng2.dispose()


def test_subscription_time_survives_the_round_trip_in_any_zone(engine):
    from retrieval.reminders import TZ

    t = dt.datetime(2024, 12, 1, 10, 0, tzinfo=TZ)
    fs.subscribe(engine, 1, "Sở Tư pháp", now=t)
    (s,) = fs.list_subscriptions(engine, 1)
    assert s.created_at == t  # same instant
