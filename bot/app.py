"""The python-telegram-bot `Application`, built in one place from `Settings`, and its life:
start-up (commands, access notice, obligations synced to the database, outbox and reminder
jobs), polling or webhook, shutdown. Every request goes through `FloodLimiter`
(`bot/flood.py`): Telegram's rates kept, a 429's `retry_after` waited out and retried.

`serve` is what production runs (`python -m bot`) and what the tests run against the
local Bot API emulator: `TELEGRAM_API_URL` is PTB's `base_url`, so the same code talks to
Telegram, to a local Bot API server, or to the emulator.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import secrets
import signal
from urllib.parse import urlparse

from telegram import Bot, BotCommand, BotCommandScopeChat, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.ext import Application, ContextTypes

from retrieval.settings import Settings

from .dialogue import ADMIN_COMMANDS, PUBLIC_COMMANDS, Dialogue
from .facts import FactService, FactsUnavailable
from .flood import FloodLimiter
from .handlers import NO_PREVIEW, TelegramFrontend
from .logsafe import install_redaction
from .reminders import Reminder
from .render import Block, pack

log = logging.getLogger(__name__)


def build_application(settings: Settings, dialogue: Dialogue) -> Application:
    if not settings.telegram_bot_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    install_redaction(settings.telegram_bot_token, settings.webhook_secret)
    builder = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_api_url)
        # each update in its own task: one slow question never holds up other chats
        .concurrent_updates(True)
        .connection_pool_size(64)
        .pool_timeout(30)
        # Telegram's flood limits kept here (~30 messages/s overall, 1/s per chat, 20/min per
        # group); a 429 is waited out and the request retried, never dropped
        .rate_limiter(FloodLimiter())
    )
    if settings.telegram_file_url:
        builder = builder.base_file_url(settings.telegram_file_url)
    app = builder.build()
    frontend = TelegramFrontend(dialogue)
    frontend.register(app)
    app.bot_data["frontend"] = frontend
    app.bot_data["dialogue"] = dialogue
    app.bot_data["settings"] = settings
    return app


async def on_startup(app: Application) -> None:
    settings: Settings = app.bot_data["settings"]
    dialogue: Dialogue = app.bot_data["dialogue"]
    public = [BotCommand(c, d) for c, d in PUBLIC_COMMANDS]
    await app.bot.set_my_commands(public)
    for admin in sorted(settings.admin_user_ids):
        try:  # admins see their commands in the menu too; fails until they open a chat with the bot
            await app.bot.set_my_commands(public + [BotCommand(c, d) for c, d in ADMIN_COMMANDS],
                                          scope=BotCommandScopeChat(admin))
        except TelegramError as exc:
            log.info("admin commands for %s not set yet (%s)", admin, exc)
    # an open bot is a deliberate choice: say so where operators look
    log.log(logging.WARNING if dialogue.access.is_open else logging.INFO, dialogue.access.describe())
    # the index's obligations into the database (a no-op when nothing changed; an
    # unreachable database is logged and the bot starts anyway)
    await asyncio.to_thread(dialogue.facts.sync)
    log.info("bot @%s ready; %s", app.bot.username, "webhook" if settings.webhook_url else "polling")
    if dialogue.store is not None and app.job_queue is not None:
        app.job_queue.run_repeating(_flush_outbox, interval=settings.outbox_flush_seconds,
                                    first=settings.outbox_flush_seconds, name="outbox")
        app.job_queue.run_repeating(send_reminders, interval=settings.reminder_check_seconds,
                                    first=settings.reminder_check_seconds, name=REMINDER_JOB)
    if dialogue.engine.store is not None and settings.index_sync_seconds > 0 and app.job_queue is not None:
        app.job_queue.run_repeating(sync_index, interval=settings.index_sync_seconds,
                                    first=settings.index_sync_seconds, name=SYNC_JOB)


SYNC_JOB = "index-sync"


async def sync_index(context: ContextTypes.DEFAULT_TYPE) -> None:
    """A replica's watch: a newer corpus version stored by another process is applied in a
    worker thread while the old index goes on answering, then swapped in."""
    dialogue: Dialogue = context.bot_data["dialogue"]
    try:
        change = await asyncio.to_thread(dialogue.engine.follow)
    except Exception:  # a bad version or a database hiccup: keep serving, try at the next run
        log.exception("index sync failed; the current index keeps serving")
        return
    if change is not None:
        await asyncio.to_thread(dialogue.facts.sync)


async def _flush_outbox(context: ContextTypes.DEFAULT_TYPE) -> None:
    dialogue: Dialogue = context.bot_data["dialogue"]
    store = dialogue.store
    if store is not None and store.pending():
        await asyncio.to_thread(store.flush)


REMINDER_JOB = "reminders"
# Telegram said no: nothing was delivered, so a later run may try again (RetryAfter reaches
# here only once the flood limiter's retries are spent)
_REFUSED = (BadRequest, RetryAfter, ChatMigrated)


async def send_reminders(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The reminder job: what is due at the dialogue's clock, each claimed, then sent."""
    dialogue: Dialogue = context.bot_data["dialogue"]
    now = dialogue.clock()
    try:
        due = await asyncio.to_thread(dialogue.facts.due, now)
    except FactsUnavailable as exc:
        log.warning("reminders not checked, database unavailable: %s", exc)
        return
    by_chat: dict[int, list[Reminder]] = {}
    for reminder in due:
        by_chat.setdefault(reminder.chat_id, []).append(reminder)
    # one sender per chat, all at once: the flood limiter paces them (one message a second in
    # a chat, ~30 a second in all), so a chat with several notices holds up no other chat
    results = await asyncio.gather(*(_deliver_in_order(context.bot, dialogue.facts, chat_reminders, now)
                                     for chat_reminders in by_chat.values()), return_exceptions=True)
    for failure in (r for r in results if isinstance(r, BaseException)):
        log.error("reminder delivery failed: %r", failure)


async def _deliver_in_order(bot: Bot, facts: FactService, reminders: list[Reminder], now: dt.datetime) -> None:
    for reminder in reminders:
        await deliver_reminder(bot, facts, reminder, now)


async def deliver_reminder(bot: Bot, facts: FactService, reminder: Reminder, now: dt.datetime) -> bool:
    """Claim, then send. True when this call delivered it."""
    try:
        if not await asyncio.to_thread(facts.claim, reminder, now):
            return False  # another run or process has it: never twice
    except FactsUnavailable as exc:
        log.warning("reminder %s not claimed, so not sent: %s", reminder.key, exc)
        return False
    delivered = 0
    try:
        for text in pack([Block(reminder.text)]):  # escaped: the text quotes the documents
            await bot.send_message(reminder.chat_id, text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW)
            delivered += 1
    except Forbidden as exc:
        # blocked by the user or removed from the group: the chat no longer takes messages.
        # Keep the claim and end the subscription; /theodoi starts it again.
        log.warning("chat %s refuses the bot (%s); its reminder subscriptions end", reminder.chat_id, exc)
        try:
            await asyncio.to_thread(facts.unsubscribe, reminder.chat_id)
        except FactsUnavailable as db_exc:
            log.warning("subscriptions of chat %s not removed: %s", reminder.chat_id, db_exc)
        return False
    except _REFUSED as exc:
        log.warning("reminder %s refused by Telegram for chat %s (%s)", reminder.key, reminder.chat_id, exc)
        if delivered == 0:
            try:
                await asyncio.to_thread(facts.release, reminder)
            except FactsUnavailable as db_exc:
                log.warning("reminder %s not released: %s", reminder.key, db_exc)
        return False
    except TelegramError as exc:
        # a timeout or a broken connection: it may have arrived, and a duplicate is worse than a gap
        log.warning("reminder %s to chat %s may not have arrived (%s); not retried", reminder.key,
                    reminder.chat_id, exc)
        return False
    log.info("reminder %s sent to chat %s", reminder.key, reminder.chat_id)
    return True


def webhook_path(settings: Settings) -> str:
    return urlparse(settings.webhook_url or "").path.lstrip("/")


async def serve(app: Application, stop: asyncio.Event) -> None:
    """Run until `stop` is set: polling by default, a webhook when WEBHOOK_URL is set."""
    settings: Settings = app.bot_data["settings"]
    async with app:  # initialize (getMe) ... shutdown
        await on_startup(app)
        if settings.webhook_url:
            # Telegram sends the secret back in a header; PTB's server rejects requests without it
            secret = settings.webhook_secret or secrets.token_urlsafe(32)
            install_redaction(secret)
            await app.updater.start_webhook(  # type: ignore[union-attr]
                listen=settings.webhook_listen, port=settings.webhook_port, url_path=webhook_path(settings),
                webhook_url=settings.webhook_url, secret_token=secret, allowed_updates=Update.ALL_TYPES)
        else:
            await app.updater.start_polling(  # type: ignore[union-attr]
                allowed_updates=Update.ALL_TYPES, timeout=settings.poll_timeout)
        await app.start()
        try:
            await stop.wait()
        finally:
            await app.updater.stop()  # type: ignore[union-attr]
            await app.stop()
            app.bot_data["frontend"].close()


def run(settings: Settings, dialogue: Dialogue) -> int:
    app = build_application(settings, dialogue)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await serve(app, stop)

    asyncio.run(main())
    return 0
