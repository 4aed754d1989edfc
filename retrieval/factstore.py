"""Facts in the database: documents, the obligations extracted from them, reminder
subscriptions and the reminders already sent.

- `sync_facts` mirrors the parsed corpus: a document whose checksum (its metadata and the
  obligations extracted from it with the current units) changed gets its obligations
  replaced; an unchanged one is left alone; a document gone from the corpus is removed.
  Running it twice changes nothing the second time.
- Subscriptions are (chat_id, canonical unit name), unique per pair, and outlive restarts.
- `record_sent(key)` inserts the reminder's idempotency key under a unique constraint and
  returns False when it was already there: that constraint, not process memory, is what
  guarantees a reminder is never sent twice, across restarts and concurrent workers.

Blocking (SQLAlchemy sync engine): callers on an event loop run these in a thread.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Iterable, Sequence

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from .db import MIGRATIONS, Base
from .deadlines import Recurrence, Relative
from .document import AdminDocument
from .model import Document, Law
from .obligations import Obligation, extract_obligations
from .reminders import Subscription
from .units import Units


class FactDocument(Base):
    __tablename__ = "fact_documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(Text)
    number: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(50), default="")
    source: Mapped[str] = mapped_column(String(500), default="")
    checksum: Mapped[str] = mapped_column(String(64))
    synced_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class FactObligation(Base):
    __tablename__ = "fact_obligations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("fact_documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(300), index=True)
    units: Mapped[list] = mapped_column(JSON)  # type: ignore[type-arg]
    group_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    label: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="task")
    action: Mapped[str] = mapped_column(Text)
    recipient: Mapped[str | None] = mapped_column(String(300), nullable=True)
    via: Mapped[str | None] = mapped_column(String(300), nullable=True)
    what: Mapped[str | None] = mapped_column(Text, nullable=True)
    deadline: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    deadline_text: Mapped[str | None] = mapped_column(String(200), nullable=True)
    recurrence: Mapped[str | None] = mapped_column(String(50), nullable=True)
    purpose: Mapped[str | None] = mapped_column(Text, nullable=True)
    section: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    chunk_id: Mapped[str] = mapped_column(String(300), default="")
    unresolved: Mapped[list] = mapped_column(JSON, default=list)  # type: ignore[type-arg]
    # roles, lead and cooperating units, hour, schedule, relative time limit, basis (migration 1)
    details: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # type: ignore[type-arg]


def _add_details_column(conn) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import inspect, text

    cols = {c["name"] for c in inspect(conn).get_columns("fact_obligations")}
    if "details" not in cols:
        conn.execute(text("ALTER TABLE fact_obligations ADD COLUMN details JSON"))


MIGRATIONS.append((1, "fact_obligations.details: roles, schedule and relative deadlines", _add_details_column))


class ReminderSubscription(Base):
    __tablename__ = "reminder_subscriptions"
    __table_args__ = (UniqueConstraint("chat_id", "unit", name="uq_reminder_subscription_chat_unit"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    unit: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class SentReminder(Base):
    __tablename__ = "reminder_sent"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    chat_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    unit: Mapped[str | None] = mapped_column(String(200), nullable=True)
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _aware(t: dt.datetime) -> dt.datetime:
    """Stored in UTC (SQLite keeps no zone: a naive value read back is UTC)."""
    return t.astimezone(dt.timezone.utc) if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)


# -- documents and obligations ------------------------------------------------------------
@dataclass
class SyncReport:
    added: list[str]
    updated: list[str]
    removed: list[str]
    unchanged: list[str]
    obligations: int  # obligations stored after the sync

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def _doc_fields(doc: Document) -> dict[str, str]:
    if isinstance(doc, AdminDocument):
        return {"title": doc.title, "number": doc.number, "kind": doc.kind, "source": doc.source}
    if isinstance(doc, Law):
        return {"title": doc.title, "number": doc.number, "kind": "Luật", "source": doc.source}
    raise TypeError(f"not a document: {type(doc).__name__}")


def document_checksum(doc: Document, obligations: Sequence[Obligation]) -> str:
    """Changes when the document's metadata or anything extracted from it changes
    (including a unit added to a group in units.yaml)."""
    payload = {
        "doc": _doc_fields(doc),
        "obligations": [
            {**o.to_json(), "key": o.key, "label": o.label, "responsible": o.responsible, "what": o.what,
             "chunk_id": o.chunk_id, "unresolved": o.unresolved}
            for o in obligations
        ],
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _row(doc_pk: int, i: int, o: Obligation) -> FactObligation:
    return FactObligation(
        document_id=doc_pk, position=i, key=o.key, units=list(o.units), group_name=o.group, label=o.label,
        responsible=o.responsible, kind=o.kind, action=o.action, recipient=o.recipient, via=o.via, what=o.what,
        deadline=o.deadline, deadline_text=o.deadline_text, recurrence=o.recurrence, purpose=o.purpose,
        section=o.section, text=o.text, chunk_id=o.chunk_id, unresolved=list(o.unresolved), details=_details(o),
    )


def _details(o: Obligation) -> dict[str, object]:
    return {
        "roles": o.roles, "lead": o.lead, "sentence": o.sentence, "cooperating": o.cooperating, "time": o.time, "basis": o.basis,
        # the part it is written in: a Quy chế's duties cite the Quy chế, not the Quyết định it is attached to
        "doc_title": o.doc_title,
        "doc_type": o.doc_type, "doc_date": o.doc_date.isoformat() if o.doc_date else None,
        "start": o.start.isoformat() if o.start else None,
        "rule": ({"period": o.rule.period, "label": o.rule.label, "day": o.rule.day, "month": o.rule.month}
                 if o.rule is not None else None),
        "relative": ({"amount": o.relative.amount, "unit": o.relative.unit, "anchor": o.relative.anchor}
                     if o.relative is not None else None),
    }


def _from_details(d: dict | None) -> dict[str, object]:  # type: ignore[type-arg]
    if not d:
        return {}
    day = lambda v: dt.date.fromisoformat(v) if v else None  # noqa: E731
    rule = d.get("rule")
    rel = d.get("relative")
    out: dict[str, object] = {
        "roles": list(d.get("roles") or []), "lead": list(d.get("lead") or []), "sentence": d.get("sentence") or "",
        "cooperating": list(d.get("cooperating") or []), "time": d.get("time"), "basis": d.get("basis") or "direct",
        "doc_type": d.get("doc_type") or "", "doc_date": day(d.get("doc_date")), "start": day(d.get("start")),
        "rule": Recurrence(rule["period"], rule["label"], rule.get("day"), rule.get("month")) if rule else None,
        "relative": Relative(rel["amount"], rel["unit"], rel["anchor"]) if rel else None,
    }
    if d.get("doc_title"):
        out["doc_title"] = d["doc_title"]
    return out


def sync_facts(engine: Engine, documents: Iterable[Document], units: Units, prune: bool = True,
               now: dt.datetime | None = None) -> SyncReport:
    """Bring the stored documents and obligations in line with `documents` (idempotent)."""
    when = _aware(now or _now())
    report = SyncReport([], [], [], [], 0)
    docs = list(documents)
    with Session(engine) as s, s.begin():
        stored = {d.doc_id: d for d in s.scalars(select(FactDocument))}
        for doc in docs:
            obs = extract_obligations(doc, units) if isinstance(doc, AdminDocument) else []
            checksum = document_checksum(doc, obs)
            row = stored.get(doc.doc_id)
            if row is not None and row.checksum == checksum:
                report.unchanged.append(doc.doc_id)
                continue
            fields = _doc_fields(doc)
            if row is None:
                row = FactDocument(doc_id=doc.doc_id, checksum=checksum, synced_at=when, **fields)
                s.add(row)
                s.flush()
                report.added.append(doc.doc_id)
            else:
                s.execute(delete(FactObligation).where(FactObligation.document_id == row.id))
                for k, v in fields.items():
                    setattr(row, k, v)
                row.checksum, row.synced_at = checksum, when
                report.updated.append(doc.doc_id)
            s.add_all(_row(row.id, i, o) for i, o in enumerate(obs))
        if prune:
            wanted = {d.doc_id for d in docs}
            for doc_id, row in stored.items():
                if doc_id not in wanted:
                    s.execute(delete(FactObligation).where(FactObligation.document_id == row.id))
                    s.delete(row)
                    report.removed.append(doc_id)
        s.flush()
        report.obligations = len(s.scalars(select(FactObligation.id)).all())
    return report


def load_obligations(engine: Engine) -> list[Obligation]:
    """The stored obligations, in document and position order."""
    with Session(engine) as s:
        rows = s.execute(
            select(FactObligation, FactDocument)
            .join(FactDocument, FactObligation.document_id == FactDocument.id)
            .order_by(FactDocument.doc_id, FactObligation.position)
        ).all()
        return [
            Obligation(**{  # type: ignore[arg-type]
                "responsible": o.responsible, "action": o.action, "recipient": o.recipient, "via": o.via,
                "what": o.what, "deadline": o.deadline, "deadline_text": o.deadline_text, "purpose": o.purpose,
                "doc_id": d.doc_id, "doc_title": d.title, "doc_number": d.number, "section": o.section, "text": o.text,
                "units": list(o.units or []), "group": o.group_name, "label": o.label, "recurrence": o.recurrence,
                "kind": o.kind, "chunk_id": o.chunk_id, "unresolved": list(o.unresolved or []),
                **_from_details(o.details),
            })
            for o, d in rows
        ]


def stored_documents(engine: Engine) -> dict[str, str]:
    """doc_id -> checksum of what is stored."""
    with Session(engine) as s:
        return {d.doc_id: d.checksum for d in s.scalars(select(FactDocument))}


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
