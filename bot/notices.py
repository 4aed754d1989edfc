"""Notices of new duties: when a document added to the corpus gives a unit a duty, every chat
following that unit (/theodoi) is told what, by when and where it is written — once, by the
process that added the document. Deadline reminders (`bot/reminders.py`) follow later as usual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from retrieval.facts.obligations import Obligation, applicable, describe, source_label
from retrieval.facts.units import Units

from .reminders import Subscription

MAX_DUTIES = 8  # a notice lists this many duties; /nhiemvu has them all


@dataclass(frozen=True)
class Notice:
    chat_id: int
    unit: str
    text: str  # plain text: the sender escapes it


def new_duty_notices(subscriptions: Iterable[Subscription], duties: list[Obligation], units: Units,
                     document: str) -> list[Notice]:
    """One notice per subscription whose unit the new document gives a duty (directly or as a
    member of a group it names), its dated duties first."""
    out = []
    for sub in subscriptions:
        unit = units.unit(sub.unit)
        mine = applicable(duties, sub.unit, unit.groups if unit else ())
        if not mine:
            continue
        mine.sort(key=lambda o: (o.deadline is None and o.rule is None, o.deadline or dt.date.max))
        lines = [f"📄 Văn bản mới giao nhiệm vụ cho {sub.unit}: {document}"]
        for o in mine[:MAX_DUTIES]:
            via = f" (giao chung cho {o.group})" if o.group else ""
            lines.append(f"• {describe(o)}{via}\n  Nguồn: {source_label(o)}")
        if len(mine) > MAX_DUTIES:
            lines.append(f"… và {len(mine) - MAX_DUTIES} nhiệm vụ nữa.")
        lines.append(f"Gõ /nhiemvu {sub.unit} để xem mọi nhiệm vụ và thời hạn của đơn vị.")
        out.append(Notice(sub.chat_id, sub.unit, "\n".join(lines)))
    return out

