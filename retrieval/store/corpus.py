"""The corpus in the database: every document's original bytes and what it is, every change
(who, when, what), numbered versions of the set the index must hold, and the passage
vectors beside them.

A document is read here exactly as the index reads it (`prepare`: the reader of its type,
the document model), so a file that cannot be read is refused before anything is stored.
Adding one records it and a new version in one transaction; a document with a number
already stored is a new version of it (the old one kept, superseded); one that says it
replaces others ("thay thế", "bãi bỏ") supersedes them. The index follows the versions
(`retrieval.index.update`, driven by the bot's engine), so every process on the same
database converges on the same corpus.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from retrieval.documents.ingest import load_document
from retrieval.documents.model import AdminDocument, Document, Law
from retrieval.documents.readers import ParseError
from retrieval.documents.references import number_key
from retrieval.store.db import DocumentEvent, IndexVersion, StoredDocument, StoredVector, init_schema, make_engine

SAFE_NAME = re.compile(r"[^0-9A-Za-zÀ-ỹà-ỹĐđ._ -]+")


@dataclass(frozen=True)
class StoredInfo:
    doc_id: str
    filename: str
    checksum: str
    size: int
    number: str
    kind: str
    subject: str
    issued: str
    issuer: str
    status: str
    superseded_by: str | None
    origin: str
    added_at: dt.datetime
    added_by: str

    @property
    def label(self) -> str:
        """"Kế hoạch 68/KH-UBND (15/4/2025)"."""
        head = f"{self.kind} {self.number}".strip() if self.number else (self.subject[:60] or self.filename)
        if self.issued:
            y, m, d = self.issued.split("-")
            head += f" ({int(d)}/{int(m)}/{y})"
        return head


@dataclass(frozen=True)
class EventInfo:
    doc_id: str
    action: str
    actor: str
    at: dt.datetime
    note: str
    version: int | None


@dataclass
class Prepared:
    """A file read and understood, not stored yet: what adding it would do."""

    filename: str
    data: bytes
    checksum: str
    document: Document
    doc_id: str  # the id it gets (its file name's, made unique)
    duplicate: StoredInfo | None = None  # the very same bytes are stored already (and not removed)
    replaces: StoredInfo | None = None  # a document in force with the same number: this is its new version
    supersedes: list[StoredInfo] = field(default_factory=list)  # documents in force it says it replaces


@dataclass(frozen=True)
class Change:
    version: int
    added: list[str]
    removed: list[str]  # superseded or removed: no longer in the index
    note: str = ""


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(filename: str, data: bytes) -> Document:
    """A document from bytes, by the reader of its file type (ParseError names the file)."""
    name = SAFE_NAME.sub("_", Path(filename).name).strip() or "tai-lieu"
    with tempfile.TemporaryDirectory(prefix="doc-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return load_document(path)


def _info(row: StoredDocument) -> StoredInfo:
    return StoredInfo(row.doc_id, row.filename, row.checksum, row.size, row.number, row.kind, row.subject, row.issued,
                      row.issuer, row.status, row.superseded_by, row.origin, row.added_at, row.added_by)


def document_facts(doc: Document) -> dict[str, str]:
    if isinstance(doc, AdminDocument):
        d = doc.header.date
        issued = f"{d.year:04d}-{d.month:02d}-{d.day:02d}" if d.year and d.month and d.day else ""
        return {"number": doc.number or "", "kind": doc.kind, "subject": doc.subject, "issued": issued,
                "issuer": doc.issuer}
    assert isinstance(doc, Law)
    return {"number": doc.number or "", "kind": "Luật", "subject": doc.title, "issued": "", "issuer": "Quốc hội"}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class CorpusStore:
    def __init__(self, url_or_engine: str | Engine) -> None:
        self.engine = make_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
        init_schema(self.engine)
        self._lock = threading.Lock()  # one change at a time in this process; the database serialises processes

    def dispose(self) -> None:
        self.engine.dispose()

    # -- reading -------------------------------------------------------------------------------
    def current(self) -> list[StoredInfo]:
        with Session(self.engine) as s:
            rows = s.scalars(select(StoredDocument).where(StoredDocument.status == "current")).all()
            return sorted((_info(r) for r in rows), key=lambda i: (i.issued, i.added_at), reverse=True)

    def all(self) -> list[StoredInfo]:
        with Session(self.engine) as s:
            return [_info(r) for r in s.scalars(select(StoredDocument)).all()]

    def get(self, doc_id: str) -> StoredInfo | None:
        with Session(self.engine) as s:
            row = s.get(StoredDocument, doc_id)
            return _info(row) if row is not None else None

    def by_checksum(self, checksums: Iterable[str]) -> dict[str, list[StoredInfo]]:
        """Every stored document (any status) whose bytes have one of these checksums."""
        wanted = sorted(set(checksums))
        found: dict[str, list[StoredInfo]] = {}
        with Session(self.engine) as s:
            for i in range(0, len(wanted), 500):
                for r in s.scalars(select(StoredDocument).where(StoredDocument.checksum.in_(wanted[i: i + 500]))):
                    found.setdefault(r.checksum, []).append(_info(r))
        return found

    def content(self, doc_id: str) -> bytes:
        with Session(self.engine) as s:
            data = s.scalar(select(StoredDocument.content).where(StoredDocument.doc_id == doc_id))
            if data is None:
                raise KeyError(doc_id)
            return bytes(data)

    def history(self, limit: int = 20) -> list[EventInfo]:
        with Session(self.engine) as s:
            rows = s.scalars(select(DocumentEvent).order_by(DocumentEvent.id.desc()).limit(limit)).all()
            return [EventInfo(r.doc_id, r.action, r.actor, r.at, r.note, r.version) for r in rows]

    def latest_version(self) -> tuple[int, dict[str, str]]:
        """(version, {doc id: checksum}); (0, {}) before anything is stored."""
        with Session(self.engine) as s:
            row = s.scalars(select(IndexVersion).order_by(IndexVersion.version.desc()).limit(1)).first()
            return (row.version, dict(row.documents)) if row is not None else (0, {})

    def vectors(self) -> "StoredVectors":
        return StoredVectors(self.engine)

    # -- changing ------------------------------------------------------------------------------
    def prepare(self, filename: str, data: bytes) -> Prepared:
        """Read a file and say what adding it would do; nothing is stored. ParseError when
        it cannot be read."""
        if not data:
            raise ParseError(f"{filename}: tệp rỗng")
        doc = read_bytes(filename, data)
        sha = checksum(data)
        with Session(self.engine) as s:
            # the same bytes stored and not removed (an admin may send a removed document again)
            same = s.scalars(select(StoredDocument).where(StoredDocument.checksum == sha,
                                                          StoredDocument.status != "removed")).first()
            duplicate = _info(same) if same is not None else None
            number = getattr(doc, "number", "") or ""
            key = number_key(number) if number and not number.startswith("/") else ""
            older = s.scalars(select(StoredDocument).where(StoredDocument.number_key == key,
                                                             StoredDocument.status == "current")).first() if key else None
            replaced = [number_key(n) for n in getattr(doc, "replaces", [])]
            supersedes = [_info(r) for r in s.scalars(select(StoredDocument).where(
                StoredDocument.number_key.in_(replaced), StoredDocument.status == "current")).all()] if replaced else []
            taken = set(s.scalars(select(StoredDocument.doc_id)).all())
        doc_id = doc.doc_id
        n = 2
        while doc_id in taken:
            doc_id = f"{doc.doc_id}-{n}"
            n += 1
        doc.doc_id = doc_id
        return Prepared(filename, data, sha, doc, doc_id, duplicate, _info(older) if older is not None else None,
                        [x for x in supersedes if older is None or x.doc_id != older.doc_id])

    def add(self, prepared: Prepared, actor: str, origin: str = "upload", superseded_by: str | None = None) -> Change:
        """Store a prepared document, supersede what it replaces, and record a new version.
        With `superseded_by`, the document is recorded as an older version of that one
        instead (known, kept, not in force): a copy an index held of a document the store
        has a newer version of."""
        if prepared.duplicate is not None:
            raise ValueError(f"{prepared.filename}: đã có trong kho ({prepared.duplicate.label})")
        facts = document_facts(prepared.document)
        now = _now()
        with self._lock, Session(self.engine) as s, s.begin():
            self._serialise(s)
            if s.scalars(select(StoredDocument.doc_id).where(StoredDocument.checksum == prepared.checksum,
                                                             StoredDocument.status != "removed")).first():
                raise ValueError(f"{prepared.filename}: đã có trong kho")
            if s.get(StoredDocument, prepared.doc_id) is not None:
                raise ValueError(f"{prepared.filename}: mã văn bản {prepared.doc_id} đã có")
            s.add(StoredDocument(doc_id=prepared.doc_id, filename=Path(prepared.filename).name, checksum=prepared.checksum,
                                 content=prepared.data, size=len(prepared.data), number_key=number_key(facts["number"])
                                 if facts["number"] and not facts["number"].startswith("/") else "",
                                 status="superseded" if superseded_by else "current", superseded_by=superseded_by,
                                 origin=origin, added_at=now, added_by=actor, **facts))
            removed: list[str] = []
            events = [(prepared.doc_id, "add", prepared.filename)]
            if superseded_by:
                events = [(prepared.doc_id, "add-superseded", f"{prepared.filename}: bản cũ hơn {superseded_by}")]
                prepared = Prepared(prepared.filename, prepared.data, prepared.checksum, prepared.document,
                                    prepared.doc_id)  # an older version replaces nothing
            for old, why in ([(prepared.replaces, "replace")] if prepared.replaces else []) + \
                    [(x, "supersede") for x in prepared.supersedes]:
                row = s.get(StoredDocument, old.doc_id)
                if row is not None and row.status == "current":
                    row.status, row.superseded_by = "superseded", prepared.doc_id
                    removed.append(old.doc_id)
                    events.append((old.doc_id, why, f"bị thay thế bởi {prepared.doc_id}"))
            version = self._new_version(s, f"add {prepared.doc_id}", now)
            for doc_id, action, note in events:
                s.add(DocumentEvent(doc_id=doc_id, action=action, actor=actor, at=now, note=note, version=version))
        return Change(version, [prepared.doc_id], removed, f"add {prepared.doc_id}")

    def remove(self, doc_id: str, actor: str) -> Change:
        now = _now()
        with self._lock, Session(self.engine) as s, s.begin():
            self._serialise(s)
            row = s.get(StoredDocument, doc_id)
            if row is None or row.status != "current":
                raise KeyError(doc_id)
            row.status = "removed"
            version = self._new_version(s, f"remove {doc_id}", now)
            s.add(DocumentEvent(doc_id=doc_id, action="remove", actor=actor, at=now, note="", version=version))
        return Change(version, [], [doc_id], f"remove {doc_id}")

    def import_files(self, paths: Iterable[Path], actor: str = "corpus",
                     refused: list[str] | None = None) -> list[Change]:
        """Files of the corpus directories into the store, once each: a file whose bytes are
        stored (even as removed: an admin took it out) is skipped; an edited file is a new
        version of the document with its number. A file that cannot be read is left out with
        its reason in `refused`: one broken file never keeps the others out."""
        changes = []
        known = {i.checksum for i in self.all()}
        for path in paths:
            try:
                data = path.read_bytes()
                if checksum(data) in known:
                    continue
                prepared = self.prepare(path.name, data)
            except (OSError, ParseError) as exc:
                if refused is not None:
                    refused.append(str(exc))
                continue
            try:
                changes.append(self.add(prepared, actor, origin="corpus"))
            except ValueError as exc:
                # another process on this database stored it meanwhile (replicas starting
                # together); else its id was taken meanwhile: the next import takes it
                if refused is not None and prepared.checksum not in {i.checksum for i in self.all()}:
                    refused.append(str(exc))
                continue
            known.add(prepared.checksum)
        return changes

    def _serialise(self, s: Session) -> None:
        """Changes from several processes one at a time, so each version holds them all."""
        if self.engine.dialect.name == "postgresql":
            s.execute(text("SELECT pg_advisory_xact_lock(7230)"))

    def _new_version(self, s: Session, note: str, now: dt.datetime) -> int:
        s.flush()
        docs = {doc_id: sha for doc_id, sha in s.execute(
            select(StoredDocument.doc_id, StoredDocument.checksum).where(StoredDocument.status == "current")).all()}
        v = IndexVersion(created_at=now, documents=docs, note=note)
        s.add(v)
        s.flush()
        return int(v.version)


class StoredVectors:
    """The database as the embedding cache (`retrieval.embedding.embedder.VectorCache`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with Session(self.engine) as s:
            for i in range(0, len(keys), 500):
                part = keys[i: i + 500]
                for k, blob in s.execute(select(StoredVector.key, StoredVector.vec).where(StoredVector.key.in_(part))):
                    found[k] = np.frombuffer(bytes(blob), dtype=np.float32)
        return found

    def put_many(self, items: list[tuple[str, np.ndarray]]) -> None:
        """Insert what is not there yet; another process writing the same vector is no error."""
        if not items:
            return
        rows = [{"key": k, "dim": int(v.shape[0]), "vec": np.asarray(v, dtype=np.float32).tobytes()}
                for k, v in dict(items).items()]
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        stmt = insert(StoredVector).on_conflict_do_nothing(index_elements=["key"])  # type: ignore[operator]
        with self.engine.begin() as conn:
            for i in range(0, len(rows), 500):
                conn.execute(stmt, rows[i: i + 500])

    def count(self) -> int:
        from sqlalchemy import func

        with Session(self.engine) as s:
            return int(s.scalar(select(func.count()).select_from(StoredVector)) or 0)

    def close(self) -> None:  # the engine belongs to the store
        pass


__all__ = ["Change", "CorpusStore", "EventInfo", "Prepared", "StoredInfo", "StoredVectors", "checksum", "read_bytes"]
