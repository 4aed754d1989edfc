"""The chat side's tables, declared on retrieval's one `Base` (`retrieval/db.py`), so that
`init_schema` creates them with the documents' tables and runs one ordered list of steps.

- `users`, `chats`, `questions`, `feedback`, `allowlist`: what `Store` writes (`store.py`);
- `reminder_subscriptions`, `reminder_sent`: a chat's units and the keys of the reminders
  already sent (`subscriptions.py`).

The table names are those of earlier releases: an existing database is used as it is.
A change to one of these tables is a step registered with `retrieval.store.db.migration` here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from retrieval.store.db import Base


# -- people and conversations ------------------------------------------------------------------
class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    username: Mapped[str | None] = mapped_column(String(64))
    full_name: Mapped[str | None] = mapped_column(String(256))
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Chat(Base):
    __tablename__ = "chats"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    type: Mapped[str] = mapped_column(String(16))  # private | group | supergroup | console
    title: Mapped[str | None] = mapped_column(String(256))
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Question(Base):
    __tablename__ = "questions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(32), unique=True)  # new_question_id()
    user_id: Mapped[int] = mapped_column(BigInteger, index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    sources: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    intent: Mapped[str] = mapped_column(String(32))
    abstained: Mapped[bool] = mapped_column(Boolean)
    latency_ms: Mapped[float] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class Feedback(Base):
    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("question_key", "user_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # no foreign key: feedback may reach the database before its question (outbox order
    # is kept, but a question logged by another process may lag) and must not be refused
    question_key: Mapped[str] = mapped_column(String(32), index=True)
    user_id: Mapped[int] = mapped_column(BigInteger)
    value: Mapped[int] = mapped_column(SmallInteger)  # +1 / -1
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class AllowEntry(Base):
    __tablename__ = "allowlist"
    __table_args__ = (UniqueConstraint("kind", "entity_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(8))  # "user" | "chat"
    entity_id: Mapped[int] = mapped_column(BigInteger)
    added_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


# -- reminders -------------------------------------------------------------------------------------
class ReminderSubscription(Base):
    __tablename__ = "reminder_subscriptions"
    __table_args__ = (UniqueConstraint("chat_id", "unit", name="uq_reminder_subscription_chat_unit"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    unit: Mapped[str] = mapped_column(String(200))  # canonical unit name
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class SentReminder(Base):
    __tablename__ = "reminder_sent"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)  # bot.reminders.reminder_key
    chat_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    unit: Mapped[str | None] = mapped_column(String(200), nullable=True)
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


CHAT_TABLES = (User, Chat, Question, Feedback, AllowEntry)
