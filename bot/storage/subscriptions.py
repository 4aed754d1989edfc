"""Reminder subscriptions and the reminders already sent, in the database.

- Subscriptions are (chat_id, canonical unit name), unique per pair, and outlive restarts.
- `record_sent(key)` inserts the reminder's idempotency key under a unique constraint and
  returns False when it was already there: that constraint, not process memory, is what
  guarantees a reminder is never sent twice, across restarts and concurrent workers.

Blocking (SQLAlchemy sync engine): callers on an event loop run these in a thread.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..reminders import Subscription
from .tables import ReminderSubscription, SentReminder


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _aware(t: dt.datetime) -> dt.datetime:
    """Stored in UTC (SQLite keeps no zone: a naive value read back is UTC)."""
    return t.astimezone(dt.timezone.utc) if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)


# -- subscriptions ---------------------------------------------------------------------------
def subscribe(engine: Engine, chat_id: int, unit: str, now: dt.datetime | None = None) -> bool:
    """Subscribe a chat to a unit's reminders; False when it already was."""
    try:
        with Session(engine) as s, s.begin():
            s.add(ReminderSubscription(chat_id=chat_id, unit=unit, created_at=_aware(now or _now())))
        return True
    except IntegrityError:
        return False


def unsubscribe(engine: Engine, chat_id: int, unit: str | None = None) -> int:
    """Remove one subscription, or all of the chat's when `unit` is None; how many were removed."""
    with Session(engine) as s, s.begin():
        q = delete(ReminderSubscription).where(ReminderSubscription.chat_id == chat_id)
        if unit is not None:
            q = q.where(ReminderSubscription.unit == unit)
        return int(s.execute(q).rowcount or 0)  # type: ignore[attr-defined]


def list_subscriptions(engine: Engine, chat_id: int | None = None) -> list[Subscription]:
    with Session(engine) as s:
        q = select(ReminderSubscription).order_by(ReminderSubscription.chat_id, ReminderSubscription.id)
        if chat_id is not None:
            q = q.where(ReminderSubscription.chat_id == chat_id)
        return [Subscription(r.chat_id, r.unit, _aware(r.created_at)) for r in s.scalars(q)]


# -- sent reminders ---------------------------------------------------------------------------
def record_sent(engine: Engine, key: str, chat_id: int | None = None, unit: str | None = None,
                now: dt.datetime | None = None) -> bool:
    """Claim a reminder's idempotency key. True: this caller may send it; False: already sent.

    Claim before sending: a crash between the claim and the send loses one reminder
    rather than sending one twice."""
    try:
        with Session(engine) as s, s.begin():
            s.add(SentReminder(key=key, chat_id=chat_id, unit=unit, sent_at=_aware(now or _now())))
        return True
    except IntegrityError:
        return False


def release_sent(engine: Engine, key: str) -> None:
    """Give a claimed key back (the send failed for certain, e.g. the API refused it)."""
    with Session(engine) as s, s.begin():
        s.execute(delete(SentReminder).where(SentReminder.key == key))


def sent_keys(engine: Engine, chat_id: int | None = None) -> set[str]:
    with Session(engine) as s:
        q = select(SentReminder.key)
        if chat_id is not None:
            q = q.where(SentReminder.chat_id == chat_id)
        return set(s.scalars(q))
