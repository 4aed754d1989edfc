"""The database: one SQLAlchemy 2 declarative `Base`, the engine factory, the versioned
migration runner, and every table that belongs to `retrieval/`.

Who owns which table:

- here, `retrieval/`: the documents' facts (`fact_documents`, `fact_obligations`, read and
  written by `factstore.py`); the document store's tables (stored documents, document
  events, embeddings, index versions) belong in this module too, in a section of their own;
- `bot/storage/tables.py`: the chat side (users, chats, questions, feedback, allowlist,
  reminder subscriptions, reminders sent), declared on this same `Base` so that one
  `init_schema` creates every table of the process and one migration list stays ordered.

This module imports nothing of the project: `factstore.py` and `bot/storage/` import it,
never the other way round. A table is on `Base.metadata` once the module declaring it is
imported; `bot.storage` imports its tables when it is imported, so whoever holds a `Store`
gets the chat tables created by `init_schema` as well.

Migrations are versioned create-if-missing: `init_schema` creates missing tables and
applies, in step order, the numbered steps registered with `migration` that have not run
yet (recorded in `schema_version`), so an upgrade adds what is new and never drops a row.
Step numbers are one sequence for the whole product (retrieval's and the bot's alike):
take the next free number; two steps with one number are refused at import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    event,
    inspect,
    select,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


# == the base ==================================================================================
class Base(DeclarativeBase):
    pass


class SchemaVersion(Base):
    __tablename__ = "schema_version"
    step: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


# == engine ====================================================================================
def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, pool_pre_ping=True, future=True)
    if url.startswith("sqlite"):

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

    return engine


# == migrations ================================================================================
Step = Callable[[Any], None]  # fn(connection), run inside its own transaction

# numbered, append-only: (step, name, function(connection)); `init_schema` runs them in step order
MIGRATIONS: list[tuple[int, str, Step]] = []


def migration(step: int, name: str) -> Callable[[Step], Step]:
    """Register a numbered schema change (decorator). Never edit or drop a released step."""

    def register(fn: Step) -> Step:
        for known, known_name, _fn in MIGRATIONS:
            if known == step:
                raise ValueError(f"migration step {step} ({name!r}) is already taken by {known_name!r}")
        MIGRATIONS.append((step, name, fn))
        return fn

    return register


SCHEMA_LOCK = 7229  # PostgreSQL advisory lock: one process at a time creates tables and runs steps


def init_schema(engine: Engine) -> None:
    """Create the missing tables of every module imported so far, then run the pending steps.
    On PostgreSQL, processes starting together on a new database take turns (two concurrent
    CREATE TABLE of one name fail)."""
    if engine.dialect.name != "postgresql":
        _create_and_migrate(engine)
        return
    with engine.connect() as lock:
        lock.execute(text("SELECT pg_advisory_lock(:k)"), {"k": SCHEMA_LOCK})
        try:
            _create_and_migrate(engine)
        finally:
            lock.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": SCHEMA_LOCK})


def _create_and_migrate(engine: Engine) -> None:
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        done = set(s.scalars(select(SchemaVersion.step)))
        for step, name, fn in sorted(MIGRATIONS, key=lambda m: m[0]):
            if step in done:
                continue
            with engine.begin() as conn:
                fn(conn)
            s.add(SchemaVersion(step=step, name=name))
            s.commit()


def _columns(conn: Any, table: str) -> set[str]:
    return {c["name"] for c in inspect(conn).get_columns(table)}


# == documents' facts (retrieval/factstore.py) ==================================================
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


@migration(1, "fact_obligations.details: roles, schedule and relative deadlines")
def _add_details_column(conn: Any) -> None:
    if "details" not in _columns(conn, "fact_obligations"):
        conn.execute(text("ALTER TABLE fact_obligations ADD COLUMN details JSON"))


# == document store (retrieval/corpus_store.py) ==================================================
class StoredDocument(Base):
    """A document of the corpus as it was received: its bytes, what it is, and whether it is
    the version in force (current), replaced by a newer one (superseded) or removed."""

    __tablename__ = "stored_documents"
    doc_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    filename: Mapped[str] = mapped_column(String(300))
    checksum: Mapped[str] = mapped_column(String(64), index=True)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    size: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(100), default="")
    number_key: Mapped[str] = mapped_column(String(100), default="", index=True)
    kind: Mapped[str] = mapped_column(String(50), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    issued: Mapped[str] = mapped_column(String(20), default="")  # ISO date, "" when unknown
    issuer: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default="current", index=True)  # current | superseded | removed
    superseded_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    origin: Mapped[str] = mapped_column(String(20), default="upload")  # corpus | upload | index (imported from a served index)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    added_by: Mapped[str] = mapped_column(String(200), default="")


class DocumentEvent(Base):
    """Every change to the corpus: who, when, what (add, replace, supersede, remove)."""

    __tablename__ = "document_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(String(200), index=True)
    action: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)


class IndexVersion(Base):
    """A numbered state of the corpus: which documents, at which checksums, the index holds.
    Every bot process serves the newest one it has applied and watches for a newer one."""

    __tablename__ = "index_versions"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    documents: Mapped[dict] = mapped_column(JSON)  # type: ignore[type-arg]  # doc id -> sha256
    note: Mapped[str] = mapped_column(Text, default="")


class StoredVector(Base):
    """Passage (and probe) vectors keyed like the embedding cache: sha1(embedder id, text).
    Beside the documents, so a replica or a fresh machine never embeds them again."""

    __tablename__ = "stored_vectors"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    dim: Mapped[int] = mapped_column(Integer)
    vec: Mapped[bytes] = mapped_column(LargeBinary)
