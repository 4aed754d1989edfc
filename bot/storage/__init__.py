"""What the bot keeps in the database: chats, users, the question log, feedback, the
allowlist (`store.py`, with its outbox), reminder subscriptions and the reminders sent
(`subscriptions.py`). The tables (`tables.py`) are declared on `retrieval.store.db.Base`, so
`init_schema` — re-exported here — creates them with the documents' tables.

Importing this package registers the chat tables: `init_schema` called after it creates
everything. `retrieval/` never imports this package.
"""

from __future__ import annotations

from retrieval.store.db import init_schema, make_engine

from . import subscriptions, tables
from .store import DayCount, QuestionRecord, Stats, Store, StoreUnavailable, new_question_id
from .tables import (
    AllowEntry,
    Chat,
    Feedback,
    Question,
    ReminderSubscription,
    SentReminder,
    User,
)

__all__ = [
    "AllowEntry", "Chat", "DayCount", "Feedback", "Question", "QuestionRecord", "ReminderSubscription",
    "SentReminder", "Stats", "Store", "StoreUnavailable", "User", "init_schema", "make_engine",
    "new_question_id", "subscriptions", "tables",
]
