"""Telegram updates in, dialogue replies out: the only module that speaks PTB types.

Everything that blocks (retrieval, database) runs in worker threads, so the event loop
keeps serving other chats while one question is being answered. Retrieval has its own
small pool: a burst of questions cannot starve the database writes, nor the reverse.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from .access import Who
from .dialogue import ADMIN_COMMANDS, PUBLIC_COMMANDS, Dialogue
from .notices import Notice
from .render import Block, pack
from .replies import Button, CallbackResult, Reply

log = logging.getLogger(__name__)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
TYPING_EVERY = 4.5  # Telegram shows "typing…" for 5 seconds per chat action
# a status message is edited at most this often while a scan is read (Telegram allows about one
# message a second in a chat, edits included; a 12-page scan gives a page every second or so)
STATUS_EVERY = 3.0


def keyboard(rows: list[list[Button]]) -> InlineKeyboardMarkup | None:
    if not rows:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(b.text, callback_data=b.data) for b in row] for row in rows])


def who_of(update: Update) -> Who:
    user, chat = update.effective_user, update.effective_chat
    return Who(
        user_id=user.id if user else (chat.id if chat else 0),
        chat_id=chat.id if chat else 0,
        name=user.full_name if user else "",
        username=user.username if user else None,
        chat_type=chat.type if chat else "private",
        chat_title=chat.title if chat else None,
    )


class TelegramFrontend:
    def __init__(self, dialogue: Dialogue, retrieval_workers: int = 4) -> None:
        self.dialogue = dialogue
        self.pool = ThreadPoolExecutor(max_workers=retrieval_workers, thread_name_prefix="retrieval")

    def register(self, app: Application) -> None:
        commands = [c for c, _ in PUBLIC_COMMANDS + ADMIN_COMMANDS]
        # order matters: the first matching handler of the group wins, and CommandHandler
        # would otherwise also take edited messages
        app.add_handler(MessageHandler(filters.UpdateType.EDITED, self.on_edited))
        app.add_handler(CommandHandler(commands, self.on_command))
        app.add_handler(MessageHandler(filters.COMMAND, self.on_unknown_command))
        app.add_handler(MessageHandler(filters.TEXT, self.on_text))
        app.add_handler(MessageHandler(filters.Sticker.ALL, self._media("sticker")))
        app.add_handler(MessageHandler(filters.PHOTO, self._media("photo")))
        app.add_handler(MessageHandler(filters.VOICE | filters.AUDIO | filters.VIDEO_NOTE, self._media("voice")))
        app.add_handler(MessageHandler(filters.Document.ALL, self.on_document))
        app.add_handler(MessageHandler(
            filters.ATTACHMENT | filters.LOCATION | filters.CONTACT | filters.POLL | filters.Dice.ALL,
            self._media("media")))
        app.add_handler(CallbackQueryHandler(self.on_callback))
        app.add_error_handler(self.on_error)

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)

    # -- group etiquette ------------------------------------------------------------------------
    @staticmethod
    def _addressed(message: Message, bot_id: int, bot_username: str | None) -> bool:
        """In a group, a message is for the bot when it mentions it or replies to it."""
        if message.chat.type not in (ChatType.GROUP, ChatType.SUPERGROUP):
            return True
        reply = message.reply_to_message
        if reply is not None and reply.from_user is not None and reply.from_user.id == bot_id:
            return True
        name = (bot_username or "").lower()
        for entity, text in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
            if entity.type == MessageEntity.MENTION and text.lstrip("@").lower() == name:
                return True
            if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id:
                return True
        for entity, text in message.parse_caption_entities([MessageEntity.MENTION]).items():
            if text.lstrip("@").lower() == name:
                return True
        return False

    @staticmethod
    def _strip_mentions(message: Message, bot_id: int, bot_username: str | None) -> str:
        text = message.text or ""
        name = (bot_username or "").lower()
        # cut from the end so earlier offsets stay valid; offsets are in UTF-16 units, which
        # parse_entities already converted to the Python slice it returns
        spans = []
        for entity, part in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
            if (entity.type == MessageEntity.MENTION and part.lstrip("@").lower() == name) or \
                    (entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id):
                spans.append(part)
        for part in spans:
            text = text.replace(part, " ", 1)
        return " ".join(text.split())

    # -- sending --------------------------------------------------------------------------------
    async def send(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, reply: Reply,
                   reply_to: Message | None = None) -> list[Message]:
        sent: list[Message] = []
        last = len(reply.messages) - 1
        for i, text in enumerate(reply.messages):
            sent.append(await context.bot.send_message(
                chat_id, text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                reply_markup=keyboard(reply.buttons) if i == last else None,
                # in a group, hang the first part on the question so the thread stays readable
                reply_parameters=ReplyParameters(reply_to.message_id, allow_sending_without_reply=True)
                if reply_to is not None and i == 0 and reply_to.chat.type != ChatType.PRIVATE else None,
            ))
        return sent

    async def _typing(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, done: asyncio.Event) -> None:
        while not done.is_set():
            with contextlib.suppress(TelegramError):
                await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(done.wait(), TYPING_EVERY)

    async def _answer(self, context: ContextTypes.DEFAULT_TYPE, who: Who, question: str,
                      reply_to: Message | None) -> None:
        loop = asyncio.get_running_loop()
        done = asyncio.Event()
        typing = None
        if self.dialogue.access.allowed(who):
            typing = asyncio.create_task(self._typing(context, who.chat_id, done))
        try:
            if self.dialogue.is_cached(who, question):
                # a repeat is a dictionary lookup: no need to queue behind real retrievals
                reply = self.dialogue.ask(who, question)
            else:
                reply = await loop.run_in_executor(self.pool, self.dialogue.ask, who, question)
        finally:
            done.set()
            if typing is not None:
                await typing
        await self.send(context, who.chat_id, reply, reply_to)
        if reply.record is not None:
            # after the answer is out: a slow or absent database never delays it
            await asyncio.to_thread(self.dialogue.persist, reply)

    # -- handlers -------------------------------------------------------------------------------
    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None:
            return
        bot = context.bot
        if not self._addressed(message, bot.id, bot.username):
            return  # group chatter not meant for the bot
        question = self._strip_mentions(message, bot.id, bot.username)
        await self._answer(context, who_of(update), question, message)

    async def on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or not message.text:
            return
        name = message.text.split()[0].lstrip("/").split("@")[0]
        parts = message.text.split(maxsplit=1)
        args = parts[1] if len(parts) > 1 else ""
        who = who_of(update)
        runner: Any = self.pool if name == "reload" else None  # a rebuild is retrieval work
        reply = await asyncio.get_running_loop().run_in_executor(runner, self.dialogue.command, who, name, args)
        if not reply.silent:
            await self.send(context, who.chat_id, reply, message)

    async def on_unknown_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or not message.text:
            return
        head = message.text.split()[0]
        if "@" in head and head.split("@", 1)[1].lower() != (context.bot.username or "").lower():
            return  # a command for another bot in the same group
        if message.chat.type != ChatType.PRIVATE and "@" not in head and \
                not self._addressed(message, context.bot.id, context.bot.username):
            return
        reply = self.dialogue.command(who_of(update), head.lstrip("/").split("@")[0], "")
        if not reply.silent:
            await self.send(context, message.chat_id, reply, message)

    async def on_edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.edited_message or update.edited_channel_post
        if message is None or not self._addressed(message, context.bot.id, context.bot.username):
            return
        reply = self.dialogue.unsupported(who_of(update), "edited")
        if not reply.silent:
            await self.send(context, message.chat_id, reply, message)

    def _media(self, kind: str) -> Callable[[Update, ContextTypes.DEFAULT_TYPE], Any]:
        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            message = update.effective_message
            if message is None or not self._addressed(message, context.bot.id, context.bot.username):
                return
            reply = self.dialogue.unsupported(who_of(update), kind)
            if not reply.silent:
                await self.send(context, message.chat_id, reply, message)

        return handler

    # -- documents sent in -------------------------------------------------------------------------
    async def on_document(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An admin's file, in a private chat: downloaded (getFile), read and previewed, the
        one status message edited as it goes; anyone else gets a polite refusal."""
        message = update.effective_message
        if message is None or message.document is None:
            return
        if not self._addressed(message, context.bot.id, context.bot.username):
            return  # a file shared in a group among people
        who = who_of(update)
        document = message.document
        name = document.file_name or "tệp không tên"
        refused = self.dialogue.upload_refusal(who, name, document.file_size)
        if refused is not None:
            if not refused.silent:
                await self.send(context, who.chat_id, refused, message)
            return
        status = await context.bot.send_message(who.chat_id, pack([Block(f"Đang đọc {name}…")])[0],
                                                parse_mode=ParseMode.HTML)
        loop = asyncio.get_running_loop()
        edits: list[concurrent.futures.Future[None]] = []
        last = [float("-inf")]

        def progress(text: str) -> None:  # a scan's OCR, from the worker thread: the status follows, throttled
            now = time.monotonic()
            if now - last[0] >= STATUS_EVERY:
                last[0] = now
                edits.append(asyncio.run_coroutine_threadsafe(self._edit(status, Reply(pack([Block(text)]))), loop))

        done = asyncio.Event()
        typing = asyncio.create_task(self._typing(context, who.chat_id, done))
        try:
            try:
                file = await context.bot.get_file(document.file_id)
                data = bytes(await file.download_as_bytearray())
            except TelegramError as exc:
                log.warning("file %s not downloaded: %s", name, exc)
                reply = Reply(pack([Block(f"Không tải được tệp {name} từ Telegram ({exc}). Hãy gửi lại sau ít phút.")]))
            else:
                reply = await loop.run_in_executor(self.pool, self.dialogue.upload, who, name, data, progress)
        finally:
            done.set()
            await typing
        for edit in edits:  # the progress edits land before the preview
            with contextlib.suppress(Exception):
                await asyncio.wrap_future(edit)
        await self._edit(status, reply)

    async def _edit(self, message: Message, reply: Reply) -> None:
        """Show `reply` in place of `message` (its first part; the rest, if any, after it)."""
        with contextlib.suppress(BadRequest):  # "not modified": nothing to change
            await message.edit_text(reply.messages[0], parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                    reply_markup=keyboard(reply.buttons) if len(reply.messages) == 1 else None)
        for i, text in enumerate(reply.messages[1:], start=2):
            await message.get_bot().send_message(message.chat_id, text, parse_mode=ParseMode.HTML,
                                                 link_preview_options=NO_PREVIEW,
                                                 reply_markup=keyboard(reply.buttons) if i == len(reply.messages) else None)

    async def _confirm_upload(self, query: CallbackQuery, context: ContextTypes.DEFAULT_TYPE, who: Who,
                              token: str) -> None:
        """"Thêm vào kho": the preview becomes the status ("Đang lưu…", "Đang lập chỉ mục…",
        "Xong …"); then the chats following the units it gives duties to are told."""
        await query.answer("Đang thêm vào kho…")
        message = query.message if isinstance(query.message, Message) else None
        loop = asyncio.get_running_loop()
        edits: list[concurrent.futures.Future[None]] = []

        def progress(text: str) -> None:  # called from the worker thread
            if message is not None:
                edits.append(asyncio.run_coroutine_threadsafe(self._edit(message, Reply(pack([Block(text)]))), loop))

        done = asyncio.Event()
        typing = asyncio.create_task(self._typing(context, who.chat_id, done))
        try:
            if message is not None:
                # the buttons go at once (no second press); the file was read already: it is being added
                await self._edit(message, Reply(pack([Block("Đang thêm vào kho…")])))
            result: CallbackResult = await loop.run_in_executor(self.pool, self.dialogue.confirm_upload, who, token,
                                                                progress)
        finally:
            done.set()
            await typing
        for edit in edits:  # the progress edits land before the result
            with contextlib.suppress(Exception):
                await asyncio.wrap_future(edit)
        if result.edit is not None:
            if message is not None:
                await self._edit(message, result.edit)
            else:
                await self.send(context, who.chat_id, result.edit)
        await self.notify(context, result.notices)

    async def notify(self, context: ContextTypes.DEFAULT_TYPE, notices: list[Notice]) -> None:
        """Notices to subscribers, all at once: the flood limiter paces them (a 429 is waited
        out and retried), and one chat that refuses the bot stops no other."""
        async def one(n: Notice) -> None:
            for text in pack([Block(n.text)]):
                await context.bot.send_message(n.chat_id, text, parse_mode=ParseMode.HTML,
                                               link_preview_options=NO_PREVIEW)

        results = await asyncio.gather(*(one(n) for n in notices), return_exceptions=True)
        for n, r in zip(notices, results):
            if isinstance(r, BaseException):
                log.warning("notice of new duties not delivered to chat %s: %r", n.chat_id, r)

    async def on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query: CallbackQuery | None = update.callback_query
        if query is None:
            return
        who = who_of(update)
        data = query.data or ""
        loop = asyncio.get_running_loop()
        if data.startswith("up:") and data.endswith(":ok") and self.dialogue.access.is_admin(who):
            await self._confirm_upload(query, context, who, data[3:-3])
            return
        if data.startswith("rm:") and data.endswith(":ok"):
            await query.answer()  # a removal re-indexes: the worker pool, and the result in place
            result = await loop.run_in_executor(self.pool, self.dialogue.callback, who, data)
            if result.toast:
                await context.bot.send_message(who.chat_id, result.toast)
            if result.edit is not None and isinstance(query.message, Message):
                await self._edit(query.message, result.edit)
            return
        if data.startswith(("ex:", "doc:")):
            # an example question, a document picked: acknowledge the press now, the answer
            # follows as a message (it runs a retrieval: the worker pool, like a question)
            await query.answer()
            result = await loop.run_in_executor(self.pool, self.dialogue.callback, who, data)
            if result.edit is not None and query.message is not None:
                with contextlib.suppress(BadRequest):  # a double press changes nothing
                    await query.edit_message_text(result.edit.messages[0], parse_mode=ParseMode.HTML,
                                                  link_preview_options=NO_PREVIEW,
                                                  reply_markup=keyboard(result.edit.buttons))
            elif result.toast:
                await context.bot.send_message(who.chat_id, result.toast)
            if result.send is not None:
                await self.send(context, who.chat_id, result.send)
                if result.send.record is not None:
                    await asyncio.to_thread(self.dialogue.persist, result.send)
            return
        result = await loop.run_in_executor(None, self.dialogue.callback, who, data)
        await query.answer(result.toast)
        if result.edit is not None and query.message is not None:
            try:
                await query.edit_message_text(result.edit.messages[0], parse_mode=ParseMode.HTML,
                                              link_preview_options=NO_PREVIEW,
                                              reply_markup=keyboard(result.edit.buttons))
            except BadRequest as exc:
                if "not modified" not in str(exc).lower():  # a double press changes nothing
                    raise
        if result.send is not None:
            await self.send(context, who.chat_id, result.send)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("error while handling an update", exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None and update.effective_message is not None:
            with contextlib.suppress(TelegramError):
                await context.bot.send_message(update.effective_chat.id,
                                               "Xin lỗi, đã có lỗi khi xử lý yêu cầu này. Hãy thử lại sau ít phút.")
