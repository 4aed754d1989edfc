"""Duties, deadlines and reminder subscriptions for the bot: the obligations of the index
being served, mirrored in the fact store, and the chats subscribed to a unit's deadlines.

The obligations are extracted once per loaded `Assistant` (so a /reload brings new ones)
with the units that travel with the index; /nhiemvu and /hanchot read them from memory,
so they keep working while the database is down. The database holds the same records
(`retrieval.store.facts.sync_facts`, at start-up and after /reload); `bot.storage` holds the
subscriptions and the keys of the reminders already sent — what must outlive a restart.

Blocking (SQLAlchemy sync engine): the Telegram side calls these from worker threads.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Engine as SqlEngine

from retrieval.facts.obligations import Obligation
from retrieval.facts.units import Units
from retrieval.store import facts as fs
from retrieval.store.facts import SyncReport

from .engine import Engine
from .reminders import TZ, Reminder, Subscription, due_reminders, next_due_at
from .storage import Store, init_schema
from .storage import subscriptions as subscription_store

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
T = TypeVar("T")


def hanoi_now() -> dt.datetime:
    """The default clock: deadlines in the documents are Hà Nội dates."""
    return dt.datetime.now(TZ)


def local_today(now: dt.datetime) -> dt.date:
    return (now.astimezone(TZ) if now.tzinfo else now).date()


class FactsUnavailable(RuntimeError):
    """The database cannot be reached (or has no schema yet) for subscriptions."""


@dataclass(frozen=True)
class Facts:
    units: Units
    obligations: list[Obligation]


class FactService:
    def __init__(self, engine: Engine, store: Store | None) -> None:
        self.engine = engine
        self.store = store
        self._facts: tuple[object, Facts] | None = None  # (the assistant they were extracted from, facts)
        self._lock = threading.Lock()
        self._schema_ready = False

    # -- obligations ----------------------------------------------------------------------------
    def current(self) -> Facts:
        """The units and obligations of the assistant being served (re-extracted after /reload)."""
        assistant = self.engine.assistant
        with self._lock:
            if self._facts is None or self._facts[0] is not assistant:
                self._facts = (assistant, Facts(assistant.units, assistant.obligations))
            return self._facts[1]

    def sync(self) -> SyncReport | None:
        """Mirror the served index's documents and obligations in the database. None (and a
        warning) when the database is unreachable: the bot works on without it."""
        assistant = self.engine.assistant
        facts = self.current()
        try:
            report = fs.sync_facts(self._db(), assistant.documents.values(), facts.units)
        except FactsUnavailable as exc:
            log.warning("obligations not synced to the database: %s", exc)
            return None
        except Exception as exc:  # a refused write must not stop the bot either
            log.warning("obligations not synced to the database (%s)", _short(exc))
            return None
        log.info("fact store: %d obligations (%d added, %d updated, %d removed documents)",
                 report.obligations, len(report.added), len(report.updated), len(report.removed))
        return report

    # -- database ---------------------------------------------------------------------------------
    def _db(self) -> SqlEngine:
        """The SQLAlchemy engine with the schema in place; FactsUnavailable otherwise."""
        if self.store is None:
            raise FactsUnavailable("chưa cấu hình cơ sở dữ liệu")
        if not self._schema_ready:
            # the database may have been down at start-up: create the tables on first use
            try:
                init_schema(self.store.engine)
            except Exception as exc:
                raise FactsUnavailable(_short(exc)) from exc
            self._schema_ready = True
        return self.store.engine

    def _call(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        try:
            return fn(self._db(), *args, **kwargs)
        except FactsUnavailable:
            raise
        except Exception as exc:  # connection refused, timeout, lost schema: the caller says so
            raise FactsUnavailable(_short(exc)) from exc

    # -- subscriptions ------------------------------------------------------------------------------
    def subscribe(self, chat_id: int, unit: str, now: dt.datetime) -> bool:
        # created_at comes from the same clock as the reminders: marks before it are not sent
        return self._call(subscription_store.subscribe, chat_id, unit, now=now)

    def unsubscribe(self, chat_id: int, unit: str | None = None) -> int:
        return self._call(subscription_store.unsubscribe, chat_id, unit)

    def subscriptions(self, chat_id: int | None = None) -> list[Subscription]:
        return self._call(subscription_store.list_subscriptions, chat_id)

    def next_reminder(self, subscription: Subscription, now: dt.datetime) -> dt.datetime | None:
        facts = self.current()
        return next_due_at([subscription], facts.obligations, facts.units, now)

    # -- reminders ----------------------------------------------------------------------------------
    def due(self, now: dt.datetime) -> list[Reminder]:
        """Reminders due at `now` and not yet sent (FactsUnavailable when the DB is down)."""
        facts = self.current()
        subs = self.subscriptions()
        if not subs:
            return []
        sent = self._call(subscription_store.sent_keys)
        return due_reminders(subs, facts.obligations, facts.units, now, sent)

    def claim(self, reminder: Reminder, now: dt.datetime) -> bool:
        """True: this caller sends it. The unique key, not memory, prevents a second send."""
        return self._call(subscription_store.record_sent, reminder.key, chat_id=reminder.chat_id, unit=reminder.unit,
                          now=now)

    def release(self, reminder: Reminder) -> None:
        """Telegram refused the reminder for certain: let a later run try again."""
        self._call(subscription_store.release_sent, reminder.key)


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"
