"""Who may ask, who administers, and how often.

The allowlist is the union of the settings (ALLOWED_USER_IDS / ALLOWED_CHAT_IDS) and the
entries admins add with /allow (kept in the database). Both empty means open to everyone.
The database part is cached in memory (refreshed on start and on every change) so that
an unreachable database never opens or closes the door by accident.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass

from retrieval.settings import Settings

from .storage import Store, StoreUnavailable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Who:
    """The person behind a message, as the dialogue needs it (no Telegram types)."""

    user_id: int
    chat_id: int
    name: str = ""
    username: str | None = None
    chat_type: str = "private"  # private | group | supergroup | channel | console
    chat_title: str | None = None
    local: bool = False  # the console: the operator at the keyboard, trusted and unlimited

    @property
    def is_group(self) -> bool:
        return self.chat_type in ("group", "supergroup")


class AccessPolicy:
    def __init__(self, settings: Settings, store: Store | None) -> None:
        self.settings = settings
        self.store = store
        self._db_users: frozenset[int] = frozenset()
        self._db_chats: frozenset[int] = frozenset()
        self._refused: set[int] = set()
        self._lock = threading.Lock()

    def refresh(self) -> None:
        if self.store is None:
            return
        try:
            self._db_users, self._db_chats = self.store.allowlist()
        except StoreUnavailable as exc:
            log.warning("allowlist from the database unavailable (%s); using the last known one", exc)

    @property
    def users(self) -> frozenset[int]:
        return self.settings.allowed_user_ids | self._db_users

    @property
    def chats(self) -> frozenset[int]:
        return self.settings.allowed_chat_ids | self._db_chats

    @property
    def is_open(self) -> bool:
        return not self.users and not self.chats

    def describe(self) -> str:
        if self.is_open:
            return ("access: OPEN TO EVERYONE (ALLOWED_USER_IDS and ALLOWED_CHAT_IDS are unset and no /allow entries); "
                    f"{len(self.settings.admin_user_ids)} admin(s)")
        return (f"access: restricted to {len(self.users)} user(s) and {len(self.chats)} chat(s); "
                f"{len(self.settings.admin_user_ids)} admin(s)")

    def is_admin(self, who: Who) -> bool:
        return who.local or who.user_id in self.settings.admin_user_ids

    def allowed(self, who: Who) -> bool:
        if who.local or self.is_admin(who) or self.is_open:
            return True
        return who.user_id in self.users or who.chat_id in self.chats

    def first_refusal(self, who: Who) -> bool:
        """True the first time a stranger is refused: one polite refusal, then silence."""
        with self._lock:
            if who.user_id in self._refused:
                return False
            self._refused.add(who.user_id)
            return True

    def allow(self, kind: str, entity_id: int, by: int) -> None:
        if self.store is not None:
            self.store.allow(kind, entity_id, by)
        self._add_local(kind, entity_id)
        self.refresh()

    def deny(self, kind: str, entity_id: int) -> None:
        if self.store is not None:
            self.store.deny(kind, entity_id)
        if kind == "user":
            self._db_users = self._db_users - {entity_id}
        else:
            self._db_chats = self._db_chats - {entity_id}
        self.refresh()

    def _add_local(self, kind: str, entity_id: int) -> None:
        # effective at once, even while the database write waits in the outbox
        if kind == "user":
            self._db_users = self._db_users | {entity_id}
            self._refused.discard(entity_id)
        else:
            self._db_chats = self._db_chats | {entity_id}


class RateLimiter:
    """At most `per_minute` questions per user in any sliding 60-second window."""

    def __init__(self, per_minute: int, window: float = 60.0) -> None:
        self.per_minute = per_minute
        self.window = window
        self._hits: dict[int, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def check(self, user_id: int, now: float | None = None) -> float:
        """0 when the question may go ahead (and counts it), else seconds to wait."""
        if self.per_minute <= 0:
            return 0.0
        now = time.monotonic() if now is None else now
        with self._lock:
            q = self._hits[user_id]
            while q and now - q[0] >= self.window:
                q.popleft()
            if len(q) >= self.per_minute:
                return max(0.1, self.window - (now - q[0]))
            q.append(now)
            return 0.0
