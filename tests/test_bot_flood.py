"""Telegram's limits, through the Bot API emulator: a 429 is waited out and the message sent
(a reply and a reminder notice alike), a burst of notices to many chats keeps ~30 messages a
second overall and one a second in a chat (measured on the emulator's clock, with the
emulator refusing anything faster as Telegram would), and a file a user sent is fetched
with getFile and downloaded over HTTP by python-telegram-bot, Telegram's 20 MB included."""

from __future__ import annotations

import asyncio
import dataclasses
import io
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from telegram import Bot as PtbBot
from telegram.error import BadRequest, RetryAfter

from bot.reminders import Subscription, due_reminders
from bot.storage import subscriptions
from tests.telegram_emulator import GETFILE_LIMIT, Emulator, FloodLimits
from tests.test_bot_duties import Clock, Running, at, make_settings, set_clock, start_bot, stop_bot

TOKEN = "123456789:AAH-flood-SECRET_token"
USER = 2
MARK = at(2024, 12, 8, 8, 0)  # the 7-day mark of the seed's 15/12/2024 report

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def bot(emu, tmp_path_factory, assistant, directive_index, embed_cache) -> AsyncIterator[Running]:
    tmp = tmp_path_factory.mktemp("flood")
    settings = make_settings(tmp, directive_index, embed_cache, emu, f"sqlite:///{tmp}/bot.sqlite3")
    settings = dataclasses.replace(settings, telegram_bot_token=TOKEN, allowed_user_ids=frozenset(),
                                   telegram_file_url=emu.file_url)  # open: many chats below
    running = await start_bot(emu, settings, assistant, Clock(at(2024, 12, 1)))
    yield running
    await stop_bot(running)


# -- 429: wait, then send ----------------------------------------------------------------------------
async def test_a_reply_is_sent_after_a_429s_retry_after(bot: Running):
    emu = bot.emu
    user, chat = bot.chat(USER)
    since = len(emu.calls)
    emu.flood(count=1, retry_after=1, method="sendMessage", chat_id=chat["id"])
    await emu.send_text(user, chat, "/help")
    (reply,) = await emu.replies(chat["id"], since, 1, timeout=30)
    (refused,) = emu.too_many(since)
    assert refused.method == "sendMessage" and int(refused.params["chat_id"]) == chat["id"]
    assert reply.params["text"] == refused.params["text"]  # the same message, not dropped
    assert reply.at - refused.at >= 1.0  # after retry_after, not before


@pytest.mark.slow
async def test_a_reminder_is_sent_after_a_429s_retry_after(bot: Running):
    emu = bot.emu
    chat_id = 610001
    emu.private_chat(emu.user(chat_id))
    set_clock(bot, at(2024, 12, 1))
    assert bot.dialogue.facts.subscribe(chat_id, "Sở Tư pháp", bot.dialogue.clock())
    set_clock(bot, MARK)
    since = len(emu.calls)
    emu.flood(count=2, retry_after=1, method="sendMessage", chat_id=chat_id)  # refused twice, then taken
    (notice,) = await bot.run_job()  # the job returns once it is delivered
    first, second = emu.too_many(since)
    assert int(notice.params["chat_id"]) == chat_id and "còn 7 ngày" in notice.result["text"]
    assert second.at - first.at >= 1.0 and notice.at - second.at >= 1.0
    assert len(subscriptions.sent_keys(bot.store.engine, chat_id)) == 1  # claimed, and kept: sent once
    assert await bot.run_job() == []
    subscriptions.unsubscribe(bot.store.engine, chat_id)


# -- pacing ---------------------------------------------------------------------------------------------
def _max_in_window(times: list[float], window: float = 1.0) -> int:
    times = sorted(times)
    best, j = 0, 0
    for i, t in enumerate(times):
        while times[j] <= t - window:
            j += 1
        best = max(best, i - j + 1)
    return best


@pytest.mark.slow
async def test_a_burst_of_notices_keeps_telegrams_rates(bot: Running):
    emu = bot.emu
    limits = emu.enforce_flood_limits(FloodLimits())  # anything faster than Telegram allows gets a 429
    try:
        facts = bot.dialogue.facts.current()
        # the units the seed's report reminds of at the 7-day mark
        units = [u.name for u in facts.units.units
                 if due_reminders([Subscription(1, u.name)], facts.obligations, facts.units, MARK)]
        assert len(units) >= 3
        many = list(range(620000, 620045))  # 45 chats, one notice each
        busy = 630000  # one chat following three units: three notices
        set_clock(bot, at(2024, 12, 1))
        for chat_id in many + [busy]:
            emu.private_chat(emu.user(chat_id))
        for chat_id in many:
            assert bot.dialogue.facts.subscribe(chat_id, units[0], bot.dialogue.clock())
        for unit in units[:3]:
            assert bot.dialogue.facts.subscribe(busy, unit, bot.dialogue.clock())
        set_clock(bot, MARK)

        since = len(emu.calls)
        sent = await bot.run_job()
        assert emu.too_many(since) == []  # never over the limits, so never told to wait
        assert sorted(int(c.params["chat_id"]) for c in sent) == sorted(many + [busy] * 3)  # none lost
        times = [c.at for c in sent]
        # ~30 a second overall: 48 messages take at least 1.5 s, and no second holds more than 30
        assert _max_in_window(times) <= 31, _max_in_window(times)
        assert max(times) - min(times) >= (len(times) - 1) / 30 * 0.9
        # one a second in a chat
        busy_times = sorted(c.at for c in sent if int(c.params["chat_id"]) == busy)
        assert all(b - a >= 0.95 for a, b in zip(busy_times, busy_times[1:])), busy_times
        # the busy chat's pace held up no other chat: theirs were all out before its last notice
        assert max(c.at for c in sent if int(c.params["chat_id"]) != busy) < busy_times[-1]
    finally:
        emu.flood_limits = None
        for chat_id in list(range(620000, 620045)) + [630000]:
            subscriptions.unsubscribe(bot.store.engine, chat_id)
    assert limits.overall_per_second == 30


async def test_the_emulators_limits_refuse_an_unpaced_bot(emu: Emulator):
    """The check above means something: a bot without the limiter is told to wait."""
    emu.enforce_flood_limits(FloodLimits())
    try:
        chats = list(range(640000, 640040))
        for chat_id in chats:
            emu.private_chat(emu.user(chat_id))
        async with PtbBot(TOKEN, base_url=emu.base_url) as plain:
            results = [await _try(plain.send_message(c, "x")) for c in chats]  # back to back, unpaced
            assert any(isinstance(r, RetryAfter) for r in results)  # over ~30 a second
            await asyncio.sleep(1.1)
            one = [await _try(plain.send_message(640000, f"m{i}")) for i in range(5)]
            assert one[:3] == [True] * 3 and all(isinstance(r, RetryAfter) for r in one[3:])  # a short burst, then 429
    finally:
        emu.flood_limits = None


async def _try(coro) -> object:  # type: ignore[no-untyped-def]
    try:
        await coro
        return True
    except RetryAfter as exc:
        return exc


# -- files ----------------------------------------------------------------------------------------------
async def test_a_sent_document_is_downloaded_with_getfile(bot: Running):
    emu = bot.emu
    user, chat = bot.chat(USER)
    data = bytes(range(256)) * 1000 + "Kế hoạch số 187/KH-UBND".encode()
    msg = await emu.send_document(user, chat, "ke-hoach-187.pdf", data, "application/pdf")
    doc = msg["document"]
    assert doc["file_name"] == "ke-hoach-187.pdf" and doc["mime_type"] == "application/pdf"
    assert doc["file_size"] == len(data) and doc["file_id"] and doc["file_unique_id"]

    # the Application's own bot (base_file_url from Settings.telegram_file_url), as a handler would
    tg_file = await bot.app.bot.get_file(doc["file_id"])
    assert tg_file.file_size == len(data) and tg_file.file_unique_id == doc["file_unique_id"]
    assert bytes(await tg_file.download_as_bytearray()) == data
    buf = io.BytesIO()
    await tg_file.download_to_memory(buf)
    assert buf.getvalue() == data
    assert [c.method for c in emu.calls if c.method in ("getFile", "download")][-3:] == ["getFile", "download",
                                                                                        "download"]

    with pytest.raises(BadRequest, match="(?i)invalid file_id"):
        await bot.app.bot.get_file("no-such-file")


async def test_getfile_refuses_a_file_over_20_mb(emu: Emulator):
    user = emu.user(USER)
    chat = emu.private_chat(user)
    big = await emu.send_document(user, chat, "scan.pdf", b"\0" * (GETFILE_LIMIT + 1), "application/pdf")
    exact = await emu.send_document(user, chat, "max.pdf", b"\1" * GETFILE_LIMIT, "application/pdf")
    assert big["document"]["file_size"] == GETFILE_LIMIT + 1  # the message says how big it is
    async with PtbBot(TOKEN, base_url=emu.base_url, base_file_url=emu.file_url) as plain:
        with pytest.raises(BadRequest, match="(?i)file is too big"):
            await plain.get_file(big["document"]["file_id"])
        f = await plain.get_file(exact["document"]["file_id"])  # 20 MB itself is allowed
        assert len(await f.download_as_bytearray()) == GETFILE_LIMIT
