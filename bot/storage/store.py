"""What the assistant remembers: users, chats, every question with its answer, feedback,
and the allowlist (tables in `tables.py`) — plus a durable outbox so that a database
outage never loses a row.

Every write is an *event* (a small JSON-able dict). `Store.record` applies it to the
database at once when it can; when the database is unreachable (or older events are
still waiting) the event is appended to a local JSONL outbox file, fsync'd, and written
later by `Store.flush` — on the next start, periodically, or after the next successful
write. Applying an event is idempotent (questions are keyed by an id chosen before the
write, feedback by question and user, last vote wins), so an event replayed after a
crash between "committed" and "removed from the outbox" is never duplicated.

Blocking (SQLAlchemy sync engine): callers on an event loop run these methods in a thread.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from retrieval.store.db import init_schema, make_engine

from .tables import CHAT_TABLES, AllowEntry, Chat, Feedback, Question, User

log = logging.getLogger(__name__)


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_question_id() -> str:
    # chosen before any write, so buttons, logs and feedback agree even while the DB is down;
    # 16 hex characters keep callback data far below Telegram's 64-byte limit
    return uuid.uuid4().hex[:16]


# -- records -------------------------------------------------------------------------------
@dataclass
class QuestionRecord:
    key: str
    user_id: int
    chat_id: int
    question: str
    answer: str
    sources: list[dict[str, Any]]
    intent: str
    abstained: bool
    latency_ms: float
    username: str | None = None
    full_name: str | None = None
    chat_type: str = "private"
    chat_title: str | None = None
    created_at: str = field(default_factory=lambda: utcnow().isoformat())


@dataclass
class DayCount:
    day: str
    questions: int
    abstained: int


@dataclass
class Stats:
    total: int
    abstained: int
    per_day: list[DayCount]
    feedback_up: int
    feedback_down: int
    slowest: list[tuple[float, str, str]]  # (latency ms, created_at, question)
    users: int
    pending_outbox: int

    @property
    def abstention_rate(self) -> float:
        return self.abstained / self.total if self.total else 0.0


class StoreUnavailable(RuntimeError):
    """The database cannot be read right now (writes go to the outbox instead)."""


def _ts(value: str) -> datetime:
    dt = datetime.fromisoformat(value)
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _aware(dt: datetime) -> datetime:
    # SQLite hands back naive datetimes for timezone-aware columns; they were written in UTC
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _engine_for(url: str) -> Engine:
    # an unreachable PostgreSQL must fail fast: the bot answers first and spools the log
    if url.startswith("postgresql") and "connect_timeout" not in url:
        url += ("&" if "?" in url else "?") + "connect_timeout=3"
    return make_engine(url)


class Store:
    def __init__(self, url_or_engine: str | Engine, outbox_path: Path) -> None:
        self.engine = _engine_for(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
        self.outbox_path = Path(outbox_path)
        self._lock = threading.RLock()
        self._schema_ready = False

    # -- lifecycle ---------------------------------------------------------------------
    def start(self) -> bool:
        """Create the schema and write what the outbox kept. False when the DB is down."""
        try:
            self._ensure_schema()
        except Exception as exc:  # whatever the cause, answers must not stop: logs wait in the outbox
            log.warning("database unavailable at start (%s); answers continue, logs go to %s",
                        _short(exc), self.outbox_path)
            return False
        self.flush()
        return True

    def _ensure_schema(self) -> None:
        if not self._schema_ready:
            init_schema(self.engine)
            self._schema_ready = True

    def dispose(self) -> None:
        self.engine.dispose()

    # -- writes ------------------------------------------------------------------------
    def record_question(self, rec: QuestionRecord) -> bool:
        return self.record({"type": "question", **rec.__dict__})

    def record_feedback(self, question_key: str, user_id: int, value: int) -> bool:
        return self.record({"type": "feedback", "question_key": question_key, "user_id": user_id,
                            "value": 1 if value > 0 else -1, "at": utcnow().isoformat()})

    def allow(self, kind: str, entity_id: int, added_by: int | None = None) -> bool:
        return self.record({"type": "allow", "kind": kind, "entity_id": entity_id, "added_by": added_by,
                            "at": utcnow().isoformat()})

    def deny(self, kind: str, entity_id: int) -> bool:
        return self.record({"type": "deny", "kind": kind, "entity_id": entity_id})

    def record(self, event: dict[str, Any]) -> bool:
        """Write an event now, or keep it in the outbox. True when it reached the database."""
        with self._lock:
            if not self.pending():
                try:
                    self._apply_all([event])
                    return True
                except Exception as exc:  # any failure to write keeps the event, never loses it
                    log.warning("database write failed (%s); kept in outbox %s", _short(exc), self.outbox_path)
                    self._append(event)
                    return False
            # older events wait: keep the order, then try to write them all
            self._append(event)
            return self.flush() > 0 and not self.pending()

    def flush(self) -> int:
        """Write what the outbox holds, oldest first. Returns how many events were written."""
        with self._lock:
            events = self._read_outbox()
            if not events:
                return 0
            written = done = 0
            batch = 100
            while done < len(events):
                chunk = events[done : done + batch]
                try:
                    self._apply_all(chunk)
                    written += len(chunk)
                except Exception as exc:
                    if _unreachable(exc):
                        log.warning("database still unreachable (%s); %d events wait in %s",
                                    _short(exc), len(events) - done, self.outbox_path)
                        break
                    # the database answers but refuses something in this batch: write the
                    # batch one event at a time and set aside only what is refused, so one
                    # bad event can never block the outbox forever
                    ok = self._apply_one_by_one(chunk)
                    if ok < 0:
                        break
                    written += ok
                done += len(chunk)
                # committed: drop them from the outbox (a crash before this line replays
                # them, which the idempotent apply absorbs)
                self._rewrite_outbox(events[done:])
            if written:
                log.info("wrote %d events from the outbox", written)
            return written

    def _apply_one_by_one(self, events: list[dict[str, Any]]) -> int:
        """Events written; -1 when the database went away meanwhile (nothing set aside)."""
        ok = 0
        for e in events:
            try:
                self._apply_all([e])
                ok += 1
            except Exception as exc:
                if _unreachable(exc):
                    return -1
                self._reject(e, exc)
        return ok

    def _reject(self, event: dict[str, Any], exc: BaseException) -> None:
        path = self.outbox_path.with_suffix(".rejected")
        with path.open("a", encoding="utf-8") as f:
            f.write(json.dumps({**event, "_error": _short(exc)}, ensure_ascii=False, default=str) + "\n")
        log.error("event refused by the database (%s); kept in %s", _short(exc), path)

    def pending(self) -> int:
        try:
            with self.outbox_path.open("rb") as f:
                return sum(1 for line in f if line.strip())
        except FileNotFoundError:
            return 0

    def _append(self, event: dict[str, Any]) -> None:
        self.outbox_path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(event, ensure_ascii=False, default=str) + "\n"
        with self.outbox_path.open("a", encoding="utf-8") as f:
            f.write(line)
            f.flush()
            os.fsync(f.fileno())  # survives a crash or restart of the bot

    def _read_outbox(self) -> list[dict[str, Any]]:
        try:
            text = self.outbox_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        events = []
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                events.append(json.loads(line))
            except json.JSONDecodeError:
                # a line torn by a crash mid-write: set aside, never silently dropped
                with self.outbox_path.with_suffix(".rejected").open("a", encoding="utf-8") as bad:
                    bad.write(line + "\n")
                log.error("unreadable outbox line moved to %s", self.outbox_path.with_suffix(".rejected"))
        return events

    def _rewrite_outbox(self, remaining: list[dict[str, Any]]) -> None:
        if not remaining:
            self.outbox_path.unlink(missing_ok=True)
            return
        tmp = self.outbox_path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as f:
            for e in remaining:
                f.write(json.dumps(e, ensure_ascii=False, default=str) + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.outbox_path)

    def _apply_all(self, events: Iterable[dict[str, Any]]) -> None:
        self._ensure_schema()
        with Session(self.engine) as s, s.begin():
            for e in events:
                _APPLY[e["type"]](s, e)

    # -- reads -------------------------------------------------------------------------
    def _read(self, fn):  # type: ignore[no-untyped-def]
        try:
            self._ensure_schema()
            with Session(self.engine) as s:
                return fn(s)
        except Exception as exc:  # unreachable, or its schema cannot be created
            raise StoreUnavailable(f"cơ sở dữ liệu không truy cập được ({_short(exc)})") from exc

    def question(self, key: str) -> Question | None:
        def q(s: Session) -> Question | None:
            row = s.scalar(select(Question).where(Question.key == key))
            if row is not None:
                s.expunge(row)
            return row

        return self._read(q)

    def allowlist(self) -> tuple[frozenset[int], frozenset[int]]:
        """(user ids, chat ids) added by admins."""

        def q(s: Session) -> tuple[frozenset[int], frozenset[int]]:
            rows = s.execute(select(AllowEntry.kind, AllowEntry.entity_id)).all()
            return (frozenset(i for k, i in rows if k == "user"), frozenset(i for k, i in rows if k == "chat"))

        return self._read(q)

    def counts(self) -> dict[str, int]:
        def q(s: Session) -> dict[str, int]:
            return {t.__tablename__: int(s.scalar(select(func.count()).select_from(t)) or 0)
                    for t in CHAT_TABLES}

        return self._read(q)

    def stats(self, days: int = 7, slowest: int = 5) -> Stats:
        since = utcnow() - timedelta(days=days)

        def q(s: Session) -> Stats:
            total = int(s.scalar(select(func.count()).select_from(Question)) or 0)
            abst = int(s.scalar(select(func.count()).select_from(Question).where(Question.abstained.is_(True))) or 0)
            per: dict[str, list[int]] = {}
            for created, abstained in s.execute(
                select(Question.created_at, Question.abstained).where(Question.created_at >= since)
            ):
                day = _aware(created).date().isoformat()
                c = per.setdefault(day, [0, 0])
                c[0] += 1
                c[1] += int(bool(abstained))
            up = int(s.scalar(select(func.count()).select_from(Feedback).where(Feedback.value > 0)) or 0)
            down = int(s.scalar(select(func.count()).select_from(Feedback).where(Feedback.value < 0)) or 0)
            slow = [
                (float(r.latency_ms), _aware(r.created_at).strftime("%Y-%m-%d %H:%M"), r.question)
                for r in s.scalars(select(Question).order_by(Question.latency_ms.desc()).limit(slowest))
            ]
            users = int(s.scalar(select(func.count()).select_from(User)) or 0)
            return Stats(total, abst, [DayCount(d, c[0], c[1]) for d, c in sorted(per.items())], up, down, slow,
                         users, self.pending())

        return self._read(q)


# -- idempotent event application ------------------------------------------------------------
def _apply_question(s: Session, e: dict[str, Any]) -> None:
    at = _ts(e["created_at"])
    _touch_user(s, int(e["user_id"]), e.get("username"), e.get("full_name"), at)
    _touch_chat(s, int(e["chat_id"]), e.get("chat_type") or "private", e.get("chat_title"), at)
    if s.scalar(select(Question.id).where(Question.key == e["key"])) is not None:
        return  # replayed after a crash: already written
    s.add(Question(key=e["key"], user_id=int(e["user_id"]), chat_id=int(e["chat_id"]), question=e["question"],
                   answer=e["answer"], sources=e.get("sources") or [], intent=e.get("intent") or "",
                   abstained=bool(e["abstained"]), latency_ms=float(e["latency_ms"]), created_at=at))
    s.flush()


def _touch_user(s: Session, uid: int, username: str | None, full_name: str | None, at: datetime) -> None:
    u = s.get(User, uid)
    if u is None:
        s.add(User(id=uid, username=username, full_name=full_name, first_seen=at, last_seen=at))
        s.flush()
        return
    if _aware(u.last_seen) < at:
        u.last_seen = at
        u.username = username or u.username
        u.full_name = full_name or u.full_name


def _touch_chat(s: Session, cid: int, ctype: str, title: str | None, at: datetime) -> None:
    c = s.get(Chat, cid)
    if c is None:
        s.add(Chat(id=cid, type=ctype, title=title, first_seen=at, last_seen=at))
        s.flush()
        return
    if _aware(c.last_seen) < at:
        c.last_seen = at
        c.title = title or c.title


def _apply_feedback(s: Session, e: dict[str, Any]) -> None:
    at = _ts(e["at"])
    row = s.scalar(select(Feedback).where(Feedback.question_key == e["question_key"],
                                          Feedback.user_id == int(e["user_id"])))
    if row is None:
        s.add(Feedback(question_key=e["question_key"], user_id=int(e["user_id"]), value=int(e["value"]),
                       created_at=at, updated_at=at))
        s.flush()
    elif _aware(row.updated_at) <= at:  # the latest vote wins, whatever order replays come in
        row.value = int(e["value"])
        row.updated_at = at


def _apply_allow(s: Session, e: dict[str, Any]) -> None:
    exists = s.scalar(select(AllowEntry.id).where(AllowEntry.kind == e["kind"],
                                                  AllowEntry.entity_id == int(e["entity_id"])))
    if exists is None:
        s.add(AllowEntry(kind=e["kind"], entity_id=int(e["entity_id"]), added_by=e.get("added_by"),
                         created_at=_ts(e["at"])))
        s.flush()


def _apply_deny(s: Session, e: dict[str, Any]) -> None:
    s.execute(delete(AllowEntry).where(AllowEntry.kind == e["kind"], AllowEntry.entity_id == int(e["entity_id"])))


_APPLY = {"question": _apply_question, "feedback": _apply_feedback, "allow": _apply_allow, "deny": _apply_deny}


def _unreachable(exc: BaseException) -> bool:
    """Connection trouble (retry later) rather than an event the database refuses."""
    from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError

    return isinstance(exc, (OperationalError, InterfaceError, DisconnectionError, OSError, ImportError))


def _short(exc: BaseException) -> str:
    # the first line is enough for a log; SQLAlchemy appends SQL and a help URL
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__


