"""The store on real databases: SQLite files and the PostgreSQL at 127.0.0.1:5432.

PostgreSQL tests run in a schema of their own (dropped afterwards) so parallel runs and
other suites never collide; where no server answers they skip, saying so.
"""

from __future__ import annotations

import socket
import threading

import pytest
from sqlalchemy import inspect, select, text

from bot.storage import (
    Feedback,
    Question,
    QuestionRecord,
    Store,
    StoreUnavailable,
    init_schema,
    make_engine,
    new_question_id,
)


def record(user: int = 1, question: str = "Sở Tư pháp báo cáo cho ai?", abstained: bool = False,
           latency: float = 120.0, key: str | None = None) -> QuestionRecord:
    return QuestionRecord(key=key or new_question_id(), user_id=user, chat_id=user, question=question,
                          answer="UBND tỉnh (qua Sở Nội vụ).\n\nNguồn: Công văn …, mục 2.",
                          sources=[{"doc_title": "Công văn", "doc_number": "/UBND-NC", "section": "mục 2",
                                    "text": "…chậm nhất vào ngày 15/12/2024…", "score": 0.9, "article": None,
                                    "footnotes": [], "chunk_id": "c1"}],
                          intent="reporting", abstained=abstained, latency_ms=latency, username=f"u{user}",
                          full_name="Nguyễn Văn A")


def test_questions_feedback_allowlist_round_trip(db_url, tmp_path):
    store = Store(db_url, tmp_path / "outbox.jsonl")
    assert store.start() is True
    recs = [record(user=1), record(user=2, abstained=True, latency=900.0), record(user=1, latency=50.0)]
    for r in recs:
        assert store.record_question(r) is True
    assert store.record_feedback(recs[0].key, 1, +1)
    assert store.record_feedback(recs[0].key, 1, -1)  # changed mind: one row, last vote wins
    assert store.record_feedback(recs[1].key, 2, -1)
    assert store.allow("user", 42, added_by=7) and store.allow("chat", -100500, added_by=7)
    assert store.allow("user", 42, added_by=7)  # twice: still one entry

    counts = store.counts()
    assert counts == {"users": 2, "chats": 2, "questions": 3, "feedback": 2, "allowlist": 2}
    assert store.allowlist() == (frozenset({42}), frozenset({-100500}))
    assert store.deny("user", 42)
    assert store.allowlist() == (frozenset(), frozenset({-100500}))

    row = store.question(recs[0].key)
    assert row is not None and row.sources[0]["text"] == "…chậm nhất vào ngày 15/12/2024…"
    assert row.abstained is False and row.intent == "reporting"

    st = store.stats()
    assert st.total == 3 and st.abstained == 1 and abs(st.abstention_rate - 1 / 3) < 1e-9
    assert st.feedback_up == 0 and st.feedback_down == 2
    assert [round(ms) for ms, _, _ in st.slowest] == [900, 120, 50]
    assert sum(d.questions for d in st.per_day) == 3 and st.users == 2
    with Session(store) as s:
        values = s.scalars(select(Feedback.value).where(Feedback.question_key == recs[0].key)).all()
    assert values == [-1]
    store.dispose()


class Session:
    """A plain SQLAlchemy session on a store's engine (for assertions only)."""

    def __init__(self, store: Store) -> None:
        from sqlalchemy.orm import Session as S

        self.s = S(store.engine)

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self.s

    def __exit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
        self.s.close()


def test_outbox_keeps_everything_while_the_database_is_down_and_across_a_restart(db_url, tmp_path):
    outbox = tmp_path / "outbox.jsonl"
    dead = Store(f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/test", outbox)
    assert dead.start() is False  # unreachable: no exception, answers go on
    recs = [record(user=10 + i, question=f"câu hỏi {i}") for i in range(5)]
    for r in recs:
        assert dead.record_question(r) is False
    assert dead.record_feedback(recs[0].key, 10, +1) is False
    assert dead.allow("user", 77) is False
    assert dead.pending() == 7
    with pytest.raises(StoreUnavailable):
        dead.stats()
    dead.dispose()

    # "restart": a new process with the database back finds the outbox and writes it all
    back = Store(db_url, outbox)
    assert back.start() is True
    assert back.pending() == 0 and not outbox.exists()
    assert back.counts()["questions"] == 5 and back.counts()["feedback"] == 1
    assert back.allowlist()[0] == frozenset({77})
    # a replay (crash after commit, before the outbox was cleared) duplicates nothing
    for r in recs:
        back._append({"type": "question", **r.__dict__})
    assert back.flush() == 5
    assert back.counts()["questions"] == 5
    with Session(back) as s:
        keys = s.scalars(select(Question.key)).all()
    assert sorted(keys) == sorted(r.key for r in recs)
    back.dispose()


def test_order_is_kept_when_older_events_wait(db_url, tmp_path):
    """A new write while the outbox is not empty goes behind the older ones."""
    outbox = tmp_path / "outbox.jsonl"
    dead = Store(f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/test", outbox)
    key = new_question_id()
    dead.record_feedback(key, 5, +1)
    dead.dispose()
    live = Store(db_url, outbox)  # not started: the outbox is still full
    assert live.pending() == 1
    assert live.record_feedback(key, 5, -1) is True  # written after the older vote
    with Session(live) as s:
        assert s.scalars(select(Feedback.value)).all() == [-1]
    live.dispose()


def test_torn_outbox_line_is_set_aside_not_lost(tmp_path):
    outbox = tmp_path / "outbox.jsonl"
    r = record()
    store = Store(f"sqlite:///{tmp_path}/db.sqlite3", outbox)
    store._append({"type": "question", **r.__dict__})
    with outbox.open("a", encoding="utf-8") as f:
        f.write('{"type": "feedback", "question_k')  # a crash mid-write
    assert store.start() is True
    assert store.counts()["questions"] == 1
    assert outbox.with_suffix(".rejected").read_text(encoding="utf-8").startswith('{"type": "feedback"')
    store.dispose()


def test_concurrent_writers_lose_nothing(db_url, tmp_path):
    store = Store(db_url, tmp_path / "outbox.jsonl")
    store.start()
    recs = [record(user=100 + i % 7, question=f"q{i}") for i in range(60)]
    threads = [threading.Thread(target=store.record_question, args=(r,)) for r in recs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.counts()["questions"] == 60 and store.pending() == 0
    store.dispose()


def test_upgrade_keeps_rows(db_url, tmp_path):
    """An older database (tables missing) is upgraded in place: new tables appear, rows stay."""
    engine = make_engine(db_url)
    Question.__table__.create(engine)  # the "previous release" had only questions
    store = Store(engine, tmp_path / "outbox.jsonl")
    store._schema_ready = True  # write with the old schema, as the old release did
    r = record()
    assert store.record_question(r) is False  # users table missing: kept in the outbox, not lost
    with engine.begin() as c:
        c.execute(Question.__table__.insert().values(
            key="old1", user_id=1, chat_id=1, question="cũ", answer="cũ", sources=[], intent="passage",
            abstained=False, latency_ms=1.0, created_at=__import__("datetime").datetime(2024, 1, 1)))
    store._schema_ready = False
    assert store.start() is True  # init_schema: create-if-missing + numbered steps
    names = set(inspect(engine).get_table_names())
    assert {"users", "chats", "questions", "feedback", "allowlist", "schema_version"} <= names
    assert store.counts()["questions"] == 2
    init_schema(engine)  # idempotent
    with engine.connect() as c:
        assert c.execute(text("select count(*) from questions")).scalar() == 2
    engine.dispose()


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_an_event_the_database_refuses_is_set_aside_and_does_not_block_the_rest(db_url, tmp_path):
    outbox = tmp_path / "outbox.jsonl"
    store = Store(db_url, outbox)
    good = [record(user=1, question="trước"), record(user=1, question="sau")]
    store._append({"type": "question", **good[0].__dict__})
    store._append({"type": "question", **{**record().__dict__, "question": None}})  # NOT NULL violated
    store._append({"type": "question", **good[1].__dict__})
    assert store.start() is True
    assert store.pending() == 0 and store.counts()["questions"] == 2
    rejected = outbox.with_suffix(".rejected").read_text(encoding="utf-8").splitlines()
    assert len(rejected) == 1 and '"_error"' in rejected[0]
    store.dispose()
