"""Deadline reminders, decided by a pure function of (subscriptions, obligations, now, sent).

A chat subscribed to a unit is reminded 7 days and 1 day before each dated deadline that
applies to the unit (directly or through its group), at 08:00 Hà Nội time. A recurring duty
with a due day ("trước ngày 20 hằng tháng", "trước ngày 25 của tháng cuối quý") is reminded
before each of its due dates in turn (`Obligation.next_deadlines`): each occurrence is a
reminder of its own, with its own key. A schedule without a day ("hằng quý") has no date to
remind of. The scheduler holds no state and reads no clock: the caller passes `now` and the
keys already sent (`bot.storage.subscriptions.sent_keys`), sends what `due_reminders`
returns, and claims each key with `subscriptions.record_sent` first, whose unique constraint
makes a second send impossible.

The dates themselves come from `retrieval/`: a duty's deadline and schedule
(`retrieval.facts.deadlines`, `Obligation.next_deadlines`); what is per chat — who is subscribed,
when to remind, what the message says — is here.

Catching up after downtime: of the marks already passed, only the latest is due, sent
late and saying how many days are actually left (a bot down through both marks that comes
back on the deadline day sends one reminder, not two). A mark that passed before the chat
subscribed is not sent, and nothing is sent once the deadline day is over.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable
from zoneinfo import ZoneInfo

from retrieval.facts.deadlines import format_date
from retrieval.facts.obligations import Obligation, applicable, describe, source_label
from retrieval.facts.units import Units

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
REMIND_DAYS: tuple[int, ...] = (7, 1)
REMIND_AT = dt.time(8, 0)


@dataclass(frozen=True)
class Subscription:
    chat_id: int
    unit: str  # canonical unit name
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class Reminder:
    key: str  # idempotency key: the same reminder always has the same key
    chat_id: int
    unit: str
    days_before: int  # the mark it is for (7 or 1)
    remind_at: dt.datetime
    deadline: dt.date
    obligation: Obligation
    text: str


def reminder_key(chat_id: int, unit: str, ob: Obligation, days_before: int, due: dt.date | None = None) -> str:
    """Stable across restarts and rebuilds; a changed deadline is a new reminder, and so is
    each occurrence of a recurring duty (`due`, the date it falls due; its own date by default)."""
    due = due if due is not None else ob.deadline
    assert due is not None
    return f"rem1|{chat_id}|{unit}|{ob.key}|{due.isoformat()}|{days_before}d"


def _local(t: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    return t.replace(tzinfo=tz) if t.tzinfo is None else t.astimezone(tz)


def _marks(deadline: dt.date, days: Iterable[int], at: dt.time, tz: dt.tzinfo) -> list[tuple[int, dt.datetime]]:
    """(days_before, when) from the earliest mark to the latest."""
    return sorted(((d, dt.datetime.combine(deadline - dt.timedelta(days=d), at, tzinfo=tz)) for d in days),
                  key=lambda x: x[1])


def _dated(subscription: Subscription, obligations: list[Obligation], units: Units) -> list[Obligation]:
    """The unit's duties that have a date to remind of: their own, or their schedule's."""
    unit = units.unit(subscription.unit)
    groups = unit.groups if unit else ()
    return [o for o in applicable(obligations, subscription.unit, groups)
            if o.deadline is not None or (o.rule is not None and o.rule.day is not None)]


def _due_dates(ob: Obligation, today: dt.date, count: int) -> list[dt.date]:
    """The dates a duty falls due from `today` on: its own date (while not past), or the next
    `count` of its schedule."""
    return ob.next_deadlines(today, count)


def due_reminders(
    subscriptions: Iterable[Subscription],
    obligations: list[Obligation],
    units: Units,
    now: dt.datetime,
    sent: set[str] | frozenset[str] = frozenset(),
    days: Iterable[int] = REMIND_DAYS,
    at: dt.time = REMIND_AT,
    tz: dt.tzinfo = TZ,
) -> list[Reminder]:
    """The reminders to send at `now` (naive means Hà Nội time), oldest mark first."""
    now_l = _local(now, tz)
    days = tuple(days)
    out: list[Reminder] = []
    for sub in subscriptions:
        created = _local(sub.created_at, tz) if sub.created_at else None
        for ob in _dated(sub, obligations, units):
            # the first date not yet over: a dated duty's own, a schedule's current occurrence
            for due in _due_dates(ob, now_l.date(), 1):
                passed = [(d, t) for d, t in _marks(due, days, at, tz) if t <= now_l]
                if not passed:
                    continue
                d, t = passed[-1]
                if created is not None and t < created:
                    continue
                key = reminder_key(sub.chat_id, sub.unit, ob, d, due)
                if key in sent:
                    continue
                left = (due - now_l.date()).days
                out.append(Reminder(key, sub.chat_id, sub.unit, d, t, due, ob, reminder_text(ob, sub.unit, left, due)))
    out.sort(key=lambda r: (r.remind_at, r.chat_id, r.key))
    return out


def next_due_at(
    subscriptions: Iterable[Subscription],
    obligations: list[Obligation],
    units: Units,
    now: dt.datetime,
    days: Iterable[int] = REMIND_DAYS,
    at: dt.time = REMIND_AT,
    tz: dt.tzinfo = TZ,
) -> dt.datetime | None:
    """When the next reminder mark falls after `now` (for JobQueue.run_once), or None."""
    now_l = _local(now, tz)
    days = tuple(days)
    best: dt.datetime | None = None
    for sub in subscriptions:
        for ob in _dated(sub, obligations, units):
            # two occurrences: the current one's marks may all be behind us
            for due in _due_dates(ob, now_l.date(), 2):
                for _d, t in _marks(due, days, at, tz):
                    if t > now_l and (best is None or t < best):
                        best = t
    return best


def reminder_text(ob: Obligation, unit: str, days_left: int, due: dt.date | None = None) -> str:
    if days_left <= 0:
        when = "hạn là hôm nay"
    elif days_left == 1:
        when = "hạn là ngày mai"
    else:
        when = f"còn {days_left} ngày"
    # a recurring duty's text says "trước ngày 20 hằng tháng": the reminder names this time's date
    this_time = f"\nKỳ này: hạn {format_date(due)}." if due is not None and ob.deadline is None else ""
    return (
        f"⏰ Nhắc hạn ({when}) cho {unit}:\n"
        f"{describe(ob)}{this_time}\n"
        f"Nguồn: {source_label(ob)}."
    )
