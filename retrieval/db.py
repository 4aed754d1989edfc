"""One SQLAlchemy 2 declarative base and engine factory for every table in the product.

Tables live with the concept they store (`store.py`: users, chats, questions, feedback,
allowlist; `factstore.py`: documents, obligations, subscriptions); each module imports
`Base` from here so that `init_schema` creates them all.

Migrations are versioned create-if-missing: `init_schema` creates missing tables and
applies the numbered steps in MIGRATIONS that have not run yet (recorded in
schema_version), so an upgrade adds what is new and never drops a row.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from sqlalchemy import Engine, Integer, String, create_engine, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class SchemaVersion(Base):
    __tablename__ = "schema_version"
    step: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


# numbered, append-only: (step, name, function(connection))
MIGRATIONS: list[tuple[int, str, Callable[..., None]]] = []


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


def init_schema(engine: Engine) -> None:
    # importing registers the tables on Base.metadata
    from . import factstore, store  # noqa: F401

    Base.metadata.create_all(engine)
    with Session(engine) as s:
        done = set(s.scalars(select(SchemaVersion.step)))
        for step, name, fn in MIGRATIONS:
            if step in done:
                continue
            with engine.begin() as conn:
                fn(conn)
            s.add(SchemaVersion(step=step, name=name))
            s.commit()
