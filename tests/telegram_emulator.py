"""A local Telegram Bot API emulator: an aiohttp server on 127.0.0.1 that the real
python-telegram-bot Application talks to over HTTP (PTB's `base_url`).

It implements what the bot calls (getMe, getUpdates with long polling, sendMessage,
editMessageText, answerCallbackQuery, sendChatAction, setMyCommands, deleteWebhook,
setWebhook, …), checks what Telegram checks (HTML that parses with Telegram's tags only,
at most 4096 characters after parsing, callback data at most 64 bytes, "message is not
modified"), records every call, and lets tests act as users: send text, stickers, photos,
voice, documents, edits, and press inline buttons. Updates reach the bot by getUpdates, or
are POSTed to its webhook with the secret token header when one was set.

Flood control, as Telegram does it: `flood(...)` answers the next calls (of a method, to a
chat) with HTTP 429 and `retry_after`; `enforce_flood_limits(...)` answers 429 whenever the
bot goes over a rate (about 30 messages a second overall, 1 a second in one chat, short
bursts tolerated). Files: `send_document` stores the bytes and sends a message carrying
`document`; `getFile` gives its `file_path` (refused above Telegram's 20 MB), and
`/file/bot<token>/<file_path>` serves the bytes (`file_url` is PTB's `base_file_url`).
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

TELEGRAM_LIMIT = 4096
GETFILE_LIMIT = 20 * 1024 * 1024  # getFile refuses larger files ("file is too big")
# methods that post a message into a chat: what Telegram's flood limits count
MESSAGE_METHODS = frozenset({"sendMessage", "sendDocument", "sendPhoto", "sendAudio", "sendVoice", "sendVideo",
                             "sendAnimation", "sendSticker", "sendMediaGroup", "copyMessage", "forwardMessage"})
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code",
                "pre", "blockquote", "tg-emoji"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^<>]*)?)\s*>")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


class BadRequest(Exception):
    pass


class Forbidden(Exception):
    """403: the user blocked the bot, or the bot was removed from the group."""


class TooManyRequests(Exception):
    """429: flood control; the bot is to wait `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too Many Requests: retry after {retry_after}")
        self.retry_after = retry_after


@dataclass
class FloodRule:
    """Answer the next `count` calls that match with 429 (method None: any; chat None: any)."""

    count: int
    retry_after: int
    method: str | None = "sendMessage"
    chat_id: int | None = None

    def matches(self, method: str, params: dict[str, Any]) -> bool:
        if self.count <= 0 or (self.method is not None and method != self.method):
            return False
        return self.chat_id is None or _chat_id(params) == self.chat_id


class _Bucket:
    """A token bucket: `burst` calls at once, refilled at `rate` a second."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self.level, self.at = burst, time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.level = min(self.burst, self.level + (now - self.at) * self.rate)
        self.at = now
        if self.level >= 1:
            self.level -= 1
            return True
        return False


@dataclass
class FloodLimits:
    """Telegram's limits as the emulator applies them to MESSAGE_METHODS."""

    overall_per_second: float = 30
    overall_burst: float = 30
    per_chat_per_second: float = 1
    per_chat_burst: float = 3  # "short bursts that go over this limit" are allowed
    retry_after: int = 1

    def __post_init__(self) -> None:
        self._overall = _Bucket(self.overall_per_second, self.overall_burst)
        self._chats: dict[int, _Bucket] = {}

    def admit(self, chat_id: int) -> bool:
        chat = self._chats.setdefault(chat_id, _Bucket(self.per_chat_per_second, self.per_chat_burst))
        # both must have room; a refused call takes nothing
        if chat.take():
            if self._overall.take():
                return True
            chat.level += 1
        return False


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    file_name: str
    mime_type: str
    data: bytes
    file_path: str


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_telegram_html(source: str) -> str:
    """The visible text of a Telegram HTML message; BadRequest where Telegram would refuse it."""
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    while pos < len(source):
        ch = source[pos]
        if ch == "<":
            m = _TAG.match(source, pos)
            if not m:
                raise BadRequest(f"Bad Request: can't parse entities: unexpected '<' at byte offset {pos}")
            closing, tag = m.group(1) == "/", m.group(2).lower()
            if tag not in ALLOWED_TAGS:
                raise BadRequest(f'Bad Request: can\'t parse entities: Unsupported start tag "{tag}" at byte offset {pos}')
            if closing:
                if not stack or stack[-1] != tag:
                    raise BadRequest(f'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "{stack[-1] if stack else tag}"')
                stack.pop()
            else:
                stack.append(tag)
            pos = m.end()
        elif ch == "&":
            m = _ENTITY.match(source, pos)
            if not m:
                raise BadRequest(f"Bad Request: can't parse entities: unescaped '&' at byte offset {pos}")
            out.append(html.unescape(m.group(0)))
            pos = m.end()
        elif ch == ">":
            raise BadRequest(f"Bad Request: can't parse entities: unescaped '>' at byte offset {pos}")
        else:
            out.append(ch)
            pos += 1
    if stack:
        raise BadRequest(f'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float
    ok: bool = True
    error: str | None = None
    result: Any = None


@dataclass
class Emulator:
    token: str
    bot_id: int = 7000000001
    bot_username: str = "cchc_test_bot"
    calls: list[Call] = field(default_factory=list)
    webhook_url: str | None = None
    webhook_secret: str | None = None
    commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)  # chats whose user blocked the bot
    flood_rules: list[FloodRule] = field(default_factory=list)
    flood_limits: FloodLimits | None = None
    files: dict[str, StoredFile] = field(default_factory=dict)  # by file_id

    def __post_init__(self) -> None:
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._changed = asyncio.Condition()
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._session: aiohttp.ClientSession | None = None

    # -- server -----------------------------------------------------------------------------
    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        self._new_update.set()
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def file_url(self) -> str:
        """PTB's `base_file_url` (Settings.telegram_file_url) for this emulator."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    @property
    def bot_user(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "Trợ lý CCHC", "username": self.bot_username,
                "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params = await _params(request)
        call = Call(method, params, time.monotonic())
        self.calls.append(call)
        fn = getattr(self, "api_" + method, None)
        try:
            if fn is None:
                raise _NotFound()
            self._flood_control(method, params)
            result = await fn(params)
        except TooManyRequests as exc:
            call.ok, call.error = False, str(exc)
            await self._notify()
            return web.json_response({"ok": False, "error_code": 429, "description": str(exc),
                                      "parameters": {"retry_after": exc.retry_after}}, status=429)
        except BadRequest as exc:
            call.ok, call.error = False, str(exc)
            await self._notify()
            return web.json_response({"ok": False, "error_code": 400, "description": str(exc)}, status=400)
        except Forbidden as exc:
            call.ok, call.error = False, str(exc)
            await self._notify()
            return web.json_response({"ok": False, "error_code": 403, "description": str(exc)}, status=403)
        except _NotFound:
            call.ok, call.error = False, "Not Found"
            await self._notify()
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        call.result = result
        await self._notify()
        return web.json_response({"ok": True, "result": result})

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _download(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.Response(status=401, text="Unauthorized")
        path = request.match_info["path"]
        self.calls.append(Call("download", {"file_path": path}, time.monotonic()))
        found = next((f for f in self.files.values() if f.file_path == path), None)
        if found is None:
            self.calls[-1].ok, self.calls[-1].error = False, "Not Found"
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        return web.Response(body=found.data, content_type="application/octet-stream")

    # -- flood control --------------------------------------------------------------------------
    def flood(self, count: int = 1, retry_after: int = 1, method: str | None = "sendMessage",
              chat_id: int | None = None) -> FloodRule:
        """Answer the next `count` matching calls with 429 Too Many Requests."""
        rule = FloodRule(count, retry_after, method, chat_id)
        self.flood_rules.append(rule)
        return rule

    def enforce_flood_limits(self, limits: FloodLimits | None = None) -> FloodLimits:
        """From now on, messages over Telegram's rates get 429 (None: its usual limits)."""
        self.flood_limits = limits or FloodLimits()
        return self.flood_limits

    def _flood_control(self, method: str, params: dict[str, Any]) -> None:
        for rule in self.flood_rules:
            if rule.matches(method, params):
                rule.count -= 1
                raise TooManyRequests(rule.retry_after)
        limits = self.flood_limits
        if limits is not None and method in MESSAGE_METHODS and not limits.admit(_chat_id(params)):
            raise TooManyRequests(limits.retry_after)

    def too_many(self, since: int = 0) -> list[Call]:
        """The calls answered with 429."""
        return [c for c in self.calls[since:] if not c.ok and (c.error or "").startswith("Too Many Requests")]

    # -- Bot API methods -------------------------------------------------------------------------
    async def api_getMe(self, p: dict[str, Any]) -> Any:
        return self.bot_user

    async def api_getUpdates(self, p: dict[str, Any]) -> Any:
        offset = int(p.get("offset") or 0)
        timeout = float(p.get("timeout") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + timeout
        while not self._updates and time.monotonic() < deadline:
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), max(0.01, deadline - time.monotonic()))
            except TimeoutError:
                break
        limit = int(p.get("limit") or 100)
        return self._updates[:limit]

    async def api_deleteWebhook(self, p: dict[str, Any]) -> Any:
        self.webhook_url = self.webhook_secret = None
        return True

    async def api_setWebhook(self, p: dict[str, Any]) -> Any:
        self.webhook_url = p["url"]
        self.webhook_secret = p.get("secret_token")
        return True

    async def api_getWebhookInfo(self, p: dict[str, Any]) -> Any:
        return {"url": self.webhook_url or "", "has_custom_certificate": False, "pending_update_count": 0}

    async def api_setMyCommands(self, p: dict[str, Any]) -> Any:
        commands = p["commands"]
        for c in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", c["command"]) or not 1 <= len(c["description"]) <= 256:
                raise BadRequest("Bad Request: invalid command")
        scope = p.get("scope") or {"type": "default"}
        self.commands[json.dumps(scope, sort_keys=True)] = commands
        return True

    async def api_getMyCommands(self, p: dict[str, Any]) -> Any:
        return self.commands.get(json.dumps(p.get("scope") or {"type": "default"}, sort_keys=True), [])

    async def api_deleteMyCommands(self, p: dict[str, Any]) -> Any:
        return True

    async def api_sendChatAction(self, p: dict[str, Any]) -> Any:
        self._chat(p)
        return True

    async def api_answerCallbackQuery(self, p: dict[str, Any]) -> Any:
        if p.get("text") and len(p["text"]) > 200:
            raise BadRequest("Bad Request: MESSAGE_TOO_LONG")
        return True

    async def api_sendMessage(self, p: dict[str, Any]) -> Any:
        chat = self._chat(p)
        text = self._visible(p)
        markup = self._markup(p)
        mid = next(self._message_ids)
        msg = {"message_id": mid, "date": int(time.time()), "chat": chat, "from": self.bot_user, "text": text}
        if markup:
            msg["reply_markup"] = markup
        rp = p.get("reply_parameters")
        if rp and (chat["id"], int(rp["message_id"])) in self.messages:
            msg["reply_to_message"] = self.messages[(chat["id"], int(rp["message_id"]))]
        self.messages[(chat["id"], mid)] = {**msg, "html": p.get("text")}
        return msg

    async def api_getFile(self, p: dict[str, Any]) -> Any:
        f = self.files.get(str(p.get("file_id") or ""))
        if f is None:
            raise BadRequest("Bad Request: invalid file_id")
        if len(f.data) > GETFILE_LIMIT:
            raise BadRequest("Bad Request: file is too big")
        return {"file_id": f.file_id, "file_unique_id": f.file_unique_id, "file_size": len(f.data),
                "file_path": f.file_path}

    async def api_editMessageText(self, p: dict[str, Any]) -> Any:
        chat = self._chat(p)
        key = (chat["id"], int(p["message_id"]))
        old = self.messages.get(key)
        if old is None or old["from"]["id"] != self.bot_id:
            raise BadRequest("Bad Request: message to edit not found")
        text = self._visible(p)
        markup = self._markup(p)
        if text == old["text"] and markup == old.get("reply_markup"):
            raise BadRequest("Bad Request: message is not modified: specified new message content and reply markup "
                             "are exactly the same as a current content and reply markup of the message")
        new = {**old, "text": text, "html": p.get("text"), "edit_date": int(time.time())}
        new.pop("reply_markup", None)
        if markup:
            new["reply_markup"] = markup
        self.messages[key] = new
        return {k: v for k, v in new.items() if k != "html"}

    def _chat(self, p: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(p.get("chat_id") or 0)
        chat = self._chats.get(chat_id)
        if chat is None:
            raise BadRequest("Bad Request: chat not found")
        if chat_id in self.blocked:
            raise Forbidden("Forbidden: bot was blocked by the user")
        return chat

    def _visible(self, p: dict[str, Any]) -> str:
        source = p.get("text") or ""
        text = parse_telegram_html(source) if (p.get("parse_mode") or "").upper() == "HTML" else source
        if not text.strip():
            raise BadRequest("Bad Request: message text is empty")
        if utf16_len(text) > TELEGRAM_LIMIT:
            raise BadRequest("Bad Request: message is too long")
        return text

    @staticmethod
    def _markup(p: dict[str, Any]) -> dict[str, Any] | None:
        markup = p.get("reply_markup")
        if not markup:
            return None
        for row in markup.get("inline_keyboard", []):
            for b in row:
                if "callback_data" in b and not 1 <= len(b["callback_data"].encode()) <= 64:
                    raise BadRequest("Bad Request: BUTTON_DATA_INVALID")
        return markup

    # -- acting as users -------------------------------------------------------------------------
    @property
    def _chats(self) -> dict[int, dict[str, Any]]:
        if not hasattr(self, "_chat_registry"):
            self._chat_registry: dict[int, dict[str, Any]] = {}
        return self._chat_registry

    def user(self, user_id: int, first_name: str = "Cán bộ", username: str | None = None) -> dict[str, Any]:
        u = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username:
            u["username"] = username
        return u

    def private_chat(self, user: dict[str, Any]) -> dict[str, Any]:
        chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        self._chats[chat["id"]] = chat
        return chat

    def group_chat(self, chat_id: int, title: str = "Nhóm CCHC") -> dict[str, Any]:
        chat = {"id": chat_id, "type": "supergroup", "title": title}
        self._chats[chat_id] = chat
        return chat

    async def _push(self, update_body: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": next(self._update_ids), **update_body}
        if self.webhook_url:
            await self._post_webhook(update)
        else:
            self._updates.append(update)
            self._new_update.set()
        return update

    async def _post_webhook(self, update: dict[str, Any]) -> None:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        headers = {"X-Telegram-Bot-Api-Secret-Token": self.webhook_secret} if self.webhook_secret else {}
        async with self._session.post(self.webhook_url, json=update, headers=headers) as resp:  # type: ignore[arg-type]
            if resp.status != 200:
                raise AssertionError(f"webhook answered {resp.status}")

    def _message(self, user: dict[str, Any], chat: dict[str, Any], **body: Any) -> dict[str, Any]:
        mid = next(self._message_ids)
        msg = {"message_id": mid, "date": int(time.time()), "chat": chat, "from": user, **body}
        self.messages[(chat["id"], mid)] = msg
        return msg

    async def send_text(self, user: dict[str, Any], chat: dict[str, Any], text: str,
                        reply_to: dict[str, Any] | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"text": text}
        entities = _entities(text)
        if entities:
            body["entities"] = entities
        if reply_to is not None:
            body["reply_to_message"] = {k: v for k, v in reply_to.items() if k != "html"}
        msg = self._message(user, chat, **body)
        await self._push({"message": msg})
        return msg

    async def send_sticker(self, user: dict[str, Any], chat: dict[str, Any]) -> dict[str, Any]:
        msg = self._message(user, chat, sticker={"file_id": "stk", "file_unique_id": "stku", "type": "regular",
                                                 "width": 512, "height": 512, "is_animated": False,
                                                 "is_video": False, "emoji": "👍"})
        await self._push({"message": msg})
        return msg

    async def send_photo(self, user: dict[str, Any], chat: dict[str, Any]) -> dict[str, Any]:
        msg = self._message(user, chat, photo=[{"file_id": "ph", "file_unique_id": "phu", "width": 90, "height": 90}])
        await self._push({"message": msg})
        return msg

    async def send_voice(self, user: dict[str, Any], chat: dict[str, Any]) -> dict[str, Any]:
        msg = self._message(user, chat, voice={"file_id": "vc", "file_unique_id": "vcu", "duration": 3,
                                               "mime_type": "audio/ogg"})
        await self._push({"message": msg})
        return msg

    def store_file(self, filename: str, data: bytes, mime_type: str = "application/octet-stream") -> StoredFile:
        n = next(self._file_ids)
        ext = filename.rpartition(".")[2] if "." in filename else "bin"
        f = StoredFile(file_id=f"BQACAgIAAx{n:06d}", file_unique_id=f"AgAD{n:06d}", file_name=filename,
                       mime_type=mime_type, data=bytes(data), file_path=f"documents/file_{n}.{ext}")
        self.files[f.file_id] = f
        return f

    async def send_document(self, user: dict[str, Any], chat: dict[str, Any], filename: str, data: bytes,
                            mime: str = "application/octet-stream", caption: str | None = None) -> dict[str, Any]:
        """A user uploads a file: stored here, and a message carrying `document` goes to the bot."""
        f = self.store_file(filename, data, mime)
        body: dict[str, Any] = {"document": {"file_id": f.file_id, "file_unique_id": f.file_unique_id,
                                             "file_name": filename, "mime_type": mime, "file_size": len(f.data)}}
        if caption:
            body["caption"] = caption
        msg = self._message(user, chat, **body)
        await self._push({"message": msg})
        return msg

    async def edit_text(self, user: dict[str, Any], message: dict[str, Any], text: str) -> dict[str, Any]:
        edited = {**message, "text": text, "edit_date": int(time.time())}
        entities = _entities(text)
        edited.pop("entities", None)
        if entities:
            edited["entities"] = entities
        await self._push({"edited_message": edited})
        return edited

    async def press(self, user: dict[str, Any], message: dict[str, Any], data: str) -> str:
        qid = str(next(self._callback_ids))
        current = self.messages[(message["chat"]["id"], message["message_id"])]
        await self._push({"callback_query": {
            "id": qid, "from": user, "chat_instance": f"ci{message['chat']['id']}", "data": data,
            "message": {k: v for k, v in current.items() if k != "html"}}})
        return qid

    # -- observing the bot ------------------------------------------------------------------------
    def sent(self, chat_id: int | None = None, method: str = "sendMessage", since: int = 0) -> list[Call]:
        return [c for c in self.calls[since:] if c.method == method and c.ok and
                (chat_id is None or int(c.params.get("chat_id", 0)) == chat_id)]

    def errors(self) -> list[Call]:
        return [c for c in self.calls if not c.ok]

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 60.0) -> Any:
        """Wait until predicate() is truthy (checked on every API call); its value."""
        deadline = time.monotonic() + timeout
        async with self._changed:
            while True:
                value = predicate()
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"timed out after {timeout}s waiting for the bot")
                try:
                    await asyncio.wait_for(self._changed.wait(), remaining)
                except TimeoutError:
                    pass

    async def replies(self, chat_id: int, since: int, n: int = 1, timeout: float = 60.0) -> list[Call]:
        """The first `n` messages the bot sends to `chat_id` after call index `since`."""
        def enough() -> list[Call] | None:
            sent = self.sent(chat_id, since=since)
            return sent if len(sent) >= n else None

        return (await self.wait_for(enough, timeout))[:n]

    async def quiet(self, seconds: float = 0.5) -> None:
        """Let the bot finish what it is doing (used only to check that nothing more comes)."""
        await asyncio.sleep(seconds)


class _NotFound(Exception):
    pass


def _chat_id(params: dict[str, Any]) -> int:
    try:
        return int(params.get("chat_id") or 0)
    except (TypeError, ValueError):
        return 0


def _entities(text: str) -> list[dict[str, Any]]:
    """What Telegram computes for a typed message: commands and @mentions (UTF-16 offsets)."""
    out = []
    for m in re.finditer(r"(?<![\w/])/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?|(?<!\w)@[A-Za-z0-9_]{3,}", text):
        kind = "bot_command" if m.group(0).startswith("/") else "mention"
        if kind == "bot_command" and m.start() != 0:
            continue
        out.append({"type": kind, "offset": utf16_len(text[: m.start()]), "length": utf16_len(m.group(0))})
    return out


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        raw = await request.json()
    else:
        raw = dict(await request.post())
    out: dict[str, Any] = {}
    for k, v in raw.items():
        if isinstance(v, str) and v[:1] in "[{" and k != "text":
            try:
                v = json.loads(v)
            except json.JSONDecodeError:
                pass
        out[k] = v
    return out
