"""Telegram's flood limits, kept by the bot rather than discovered by its 429s.

Telegram allows a bot about 30 messages a second overall, about one a second in any one
chat, and 20 a minute in a group; over that it answers 429 with `retry_after`. `FloodLimiter`
is python-telegram-bot's `AIORateLimiter` (overall and per-group limits; a `RetryAfter`
pauses every request for `retry_after` seconds and the request is retried, up to
`max_retries` times, instead of being dropped) with what it lacks: each chat's pace of one
message a second. It is the Application's rate limiter (`bot/app.py`), so replies under
load and reminder notices to many chats are paced alike.

- overall: at most `overall_per_second` requests naming a chat, spaced evenly (no burst
  above the rate, so no second window ever holds more than ~30);
- per chat: messages posted into a chat (`send*` but chat actions, copies, forwards) one
  at a time and in order, each at least `per_chat_interval` seconds after the previous one
  was answered — a reply's "typing…" and edits of a message already sent (the sources
  shown in place) are not held back;
- per group: Telegram's 20 a minute (PTB's own group limiter).

`getUpdates` is never limited (PTB), and neither is downloading a file.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.constants import FloodLimit
from telegram.ext import AIORateLimiter

OVERALL_PER_SECOND = float(FloodLimit.MESSAGES_PER_SECOND)  # 30
PER_CHAT_INTERVAL = 1.0
GROUP_PER_MINUTE = float(FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP)  # 20
MAX_RETRIES = 5  # RetryAfter waited out and retried this many times before the request fails

# what posts a new message into a chat (Telegram's "one message a second" counts these)
_NOT_MESSAGES = frozenset({"sendChatAction"})
_ALSO_MESSAGES = frozenset({"copyMessage", "copyMessages", "forwardMessage", "forwardMessages"})
_MAX_IDLE_CHATS = 512  # per-chat limiters kept before idle ones are dropped


def posts_a_message(endpoint: str) -> bool:
    return (endpoint.startswith("send") and endpoint not in _NOT_MESSAGES) or endpoint in _ALSO_MESSAGES


class _ChatPace:
    """One chat's turn: messages go one at a time, each `interval` after the last one's answer."""

    __slots__ = ("lock", "last")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.last = float("-inf")  # loop time the previous message's request completed


class FloodLimiter(AIORateLimiter):
    def __init__(self, overall_per_second: float = OVERALL_PER_SECOND, per_chat_interval: float = PER_CHAT_INTERVAL,
                 group_per_minute: float = GROUP_PER_MINUTE, max_retries: int = MAX_RETRIES) -> None:
        # one request every 1/rate seconds: the bucket holds one, so a burst never goes over the rate
        super().__init__(overall_max_rate=1 if overall_per_second else 0,
                         overall_time_period=1 / overall_per_second if overall_per_second else 0,
                         group_max_rate=group_per_minute, group_time_period=60, max_retries=max_retries)
        self.per_chat_interval = per_chat_interval
        self._chats: dict[int | str, _ChatPace] = {}

    def _pace(self, endpoint: str, data: dict[str, Any]) -> _ChatPace | None:
        chat_id = data.get("chat_id")
        if chat_id is None or not self.per_chat_interval or not posts_a_message(endpoint):
            return None
        key: int | str = chat_id
        with contextlib.suppress(TypeError, ValueError):
            key = int(chat_id)
        chats = self._chats
        if key not in chats and len(chats) >= _MAX_IDLE_CHATS:
            idle = asyncio.get_running_loop().time() - self.per_chat_interval
            for k, pace in list(chats.items()):
                if pace.last < idle and not pace.lock.locked():  # nothing to wait for: forget it
                    del chats[k]
        return chats.setdefault(key, _ChatPace())

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        pace = self._pace(endpoint, data)
        if pace is None:
            return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
        # the chat's turn first, then (inside AIORateLimiter) the group's and the overall pace and
        # the RetryAfter retries. The interval runs from the previous message's answer, not from
        # when it was queued: however long the overall queue, two messages never reach one chat
        # closer together than that.
        loop = asyncio.get_running_loop()
        async with pace.lock:
            wait = pace.last + self.per_chat_interval - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            finally:
                pace.last = loop.time()
