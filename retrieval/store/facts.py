"""Facts in the database: documents and the obligations extracted from them (the tables
`fact_documents` and `fact_obligations` are declared in `db.py`).

`sync_facts` mirrors the parsed corpus: a document whose checksum (its metadata and the
obligations extracted from it with the current units) changed gets its obligations
replaced; an unchanged one is left alone; a document gone from the corpus is removed.
Running it twice changes nothing the second time. `load_obligations` reads them back as
`Obligation`s, field for field.

Chat subscriptions and the reminders already sent are the bot's (`bot/storage/`).

Blocking (SQLAlchemy sync engine): callers on an event loop run these in a thread.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Iterable, Sequence

from sqlalchemy import Engine, delete, select, text
from sqlalchemy.orm import Session

from retrieval.documents.model import AdminDocument, Document, Law
from retrieval.facts.deadlines import Recurrence, Relative
from retrieval.facts.obligations import Obligation, extract_obligations
from retrieval.facts.units import Units
from retrieval.store.db import FactDocument, FactObligation


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
        "province": o.province, "within": o.within,
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
        "province": d.get("province"), "within": d.get("within"),
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
        if engine.dialect.name == "postgresql":
            # replicas sync the same documents together: one at a time, each reading what the
            # previous one wrote (else a duplicate key, or every obligation inserted twice)
            s.execute(text("SELECT pg_advisory_xact_lock(7231)"))
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
