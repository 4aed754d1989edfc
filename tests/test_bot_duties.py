"""/nhiemvu, /hanchot, /theodoi, /huytheodoi and the reminder job, end to end: the real
Application polling the Bot API emulator over HTTP, the real index, a real database, and
a clock the test sets (the Dialogue's, shared by the commands and the reminder job).

The reminder job is run the way JobQueue runs it (`Job.run` on the registered job), at
clock times chosen by the test; its interval is an hour, so it never fires by itself."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from conftest import ROOT, SHARED, index_over, need_shared

from bot.access import AccessPolicy, Who
from bot.app import REMINDER_JOB, build_application, serve
from bot.console import Console
from bot.console import run as run_console
from bot.dialogue import CONSOLE_REMINDERS, Dialogue
from bot.duties import nhiemvu_text
from bot.engine import Engine
from bot.reminders import TZ
from bot.render import to_plain
from bot.storage import Store, subscriptions
from retrieval.facts.units import units_for_index
from retrieval.settings import Settings
from retrieval.store import facts as fs
from tests.telegram_emulator import Call, Emulator
from tests.test_store import _closed_port

TOKEN = "123456789:AAH-duties-SECRET_token"
USER = 2
OTHER = 3
GROUP = -100700
STP_REPORT = "Báo cáo UBND tỉnh (qua Sở Nội vụ)"

pytestmark = pytest.mark.asyncio(loop_scope="session")


def at(y: int, m: int, d: int, h: int = 9, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, tzinfo=TZ)


class Clock:
    """The Dialogue's clock: the test moves it, the bot reads it."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@dataclass
class Running:
    emu: Emulator
    app: Any
    dialogue: Dialogue
    store: Store
    stop: asyncio.Event
    task: asyncio.Task[None]

    def chat(self, user_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
        user = self.emu.user(user_id, f"Cán bộ {user_id}")
        return user, self.emu.private_chat(user)

    async def say(self, user_id: int, text: str, chat: dict[str, Any] | None = None) -> str:
        """Send `text` as the user; the bot's visible reply."""
        user, private = self.chat(user_id)
        chat = chat or private
        since = len(self.emu.calls)
        await self.emu.send_text(user, chat, text)
        (reply,) = await self.emu.replies(chat["id"], since, 1, timeout=60)
        assert reply.params["parse_mode"] == "HTML"
        return str(reply.result["text"])

    async def run_job(self) -> list[Call]:
        """One run of the reminder job, as JobQueue would run it; the messages it sent."""
        (job,) = self.app.job_queue.get_jobs_by_name(REMINDER_JOB)
        since = len(self.emu.calls)
        await job.run(self.app)  # returns once the callback (and every send) is done
        return self.emu.sent(since=since)


def make_settings(tmp: Path, index: Path, embed_cache: Path, emu: Emulator, database_url: str) -> Settings:
    return Settings(
        index_dir=index, corpus_dirs=(index,), embed_cache=embed_cache, database_url=database_url,
        outbox_path=tmp / "outbox.jsonl", telegram_bot_token=TOKEN, telegram_api_url=emu.base_url,
        allowed_user_ids=frozenset([USER, OTHER]), allowed_chat_ids=frozenset([GROUP]),
        reminder_check_seconds=3600, outbox_flush_seconds=3600, poll_timeout=1,
    )


async def start_bot(emu: Emulator, settings: Settings, assistant: Any, clock: Clock) -> Running:
    """A fresh Store, Dialogue and Application (what `python -m bot` builds), serving."""
    store = Store(settings.database_url, settings.outbox_path)
    store.start()
    access = AccessPolicy(settings, store)
    access.refresh()
    engine = Engine(assistant, settings.index_dir, list(settings.corpus_dirs), settings.embed_cache)
    dialogue = Dialogue(settings, engine, store, access, clock=clock)
    app = build_application(settings, dialogue)
    stop = asyncio.Event()
    since = len(emu.calls)
    task = asyncio.create_task(serve(app, stop))
    # polling starts after on_startup: the facts are synced and the jobs registered by then
    await emu.wait_for(lambda: [c for c in emu.calls[since:] if c.method == "getUpdates"], 30)
    return Running(emu, app, dialogue, store, stop, task)


async def stop_bot(bot: Running) -> None:
    bot.stop.set()
    await asyncio.wait_for(bot.task, 30)
    bot.store.dispose()


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def bot(emu, tmp_path_factory, assistant, directive_index, embed_cache) -> AsyncIterator[Running]:
    tmp = tmp_path_factory.mktemp("duties")
    settings = make_settings(tmp, directive_index, embed_cache, emu, f"sqlite:///{tmp}/bot.sqlite3")
    running = await start_bot(emu, settings, assistant, Clock(at(2024, 12, 1)))
    yield running
    await stop_bot(running)


def set_clock(bot: Running, now: dt.datetime) -> None:
    clock = bot.dialogue.clock
    assert isinstance(clock, Clock)
    clock.now = now


# -- start-up ----------------------------------------------------------------------------------
async def test_startup_syncs_obligations_and_registers_the_commands(bot: Running, directive_index):
    stored = fs.load_obligations(bot.store.engine)
    served = bot.dialogue.facts.current().obligations
    assert len(stored) == len(served) and len({(o.section, o.group) for o in served}) == 24
    (report,) = [o for o in stored if "Sở Tư pháp" in o.units and o.deadline == dt.date(2024, 12, 15)]
    assert report.recipient == "UBND tỉnh" and report.via == "Sở Nội vụ" and report.section == "mục 2"
    assert bot.dialogue.facts.sync().changed is False  # type: ignore[union-attr]  # nothing new: a no-op
    menu = {c["command"]: c["description"] for c in bot.emu.commands['{"type": "default"}']}
    assert {"nhiemvu", "hanchot", "theodoi", "huytheodoi"} <= set(menu)
    assert "đơn vị" in menu["nhiemvu"] and "tatca" in menu["hanchot"] and "nhắc hạn" in menu["theodoi"].lower()
    help_text = await bot.say(USER, "/help")
    assert "/nhiemvu" in help_text and "/huytheodoi" in help_text


# -- /nhiemvu ----------------------------------------------------------------------------------
async def test_nhiemvu_shows_the_section_2_report(bot: Running):
    set_clock(bot, at(2024, 12, 1))
    text = await bot.say(USER, "/nhiemvu Sở Tư pháp")
    lines = text.splitlines()
    assert lines[0].startswith("Nhiệm vụ của Sở Tư pháp")
    # nearest deadline first: the section 2 report, to UBND tỉnh via Sở Nội vụ, by 15/12/2024
    assert lines[1].startswith(f"1. {STP_REPORT}") and "15/12/2024" in lines[1] and "(còn 14 ngày)" in lines[1]
    assert "[mục 2]" in lines[1]
    assert "giao cho sở, ban, ngành tỉnh" in text  # duties reaching it through its group


@pytest.mark.slow
async def test_nhiemvu_accepts_unaccented_and_abbreviated_names(bot: Running):
    set_clock(bot, at(2024, 12, 1))
    canonical = await bot.say(USER, "/nhiemvu Sở Tư pháp")
    assert await bot.say(USER, "/nhiemvu so tu phap") == canonical
    assert await bot.say(USER, "/nhiemvu STP") == canonical
    kc = await bot.say(USER, "/nhiemvu huyen khoai chau")
    assert kc.startswith("Nhiệm vụ của UBND huyện Khoái Châu") and "15/12/2024" in kc


@pytest.mark.slow
async def test_nhiemvu_unknown_unit_no_unit_and_markup_in_the_name(bot: Running):
    # the closest name is suggested first
    assert (await bot.say(USER, "/nhiemvu Khoai Trau")).startswith(
        "Không tìm thấy đơn vị “Khoai Trau”. Có phải: UBND huyện Khoái Châu")
    assert (await bot.say(USER, "/nhiemvu")).startswith("Cách dùng: /nhiemvu <tên đơn vị>")
    # what the user typed goes back escaped: Telegram would refuse a stray tag
    odd = await bot.say(USER, "/nhiemvu <b>Sở & Co</b>")
    assert "<b>Sở & Co</b>" in odd
    assert not bot.emu.errors()


# -- /hanchot ----------------------------------------------------------------------------------
@pytest.mark.slow
async def test_hanchot_lists_the_coming_30_days(bot: Running):
    set_clock(bot, at(2024, 12, 1))
    text = await bot.say(USER, "/hanchot")
    assert text.startswith("Thời hạn trong 30 ngày tới (từ 01/12/2024)")
    assert "15/12/2024 (còn 14 ngày)" in text and STP_REPORT in text
    set_clock(bot, at(2026, 3, 1))
    assert (await bot.say(USER, "/hanchot")).startswith("Không có thời hạn nào trong 30 ngày tới")


@pytest.mark.slow
async def test_hanchot_tatca_marks_the_past_deadline_overdue(bot: Running):
    set_clock(bot, at(2026, 3, 1))
    text = await bot.say(USER, "/hanchot tatca")
    assert "15/12/2024 (quá hạn)" in text and STP_REPORT in text
    assert await bot.say(USER, "/hanchot tất cả") == text


# -- /theodoi without reminders ---------------------------------------------------------------------
@pytest.mark.slow
async def test_theodoi_a_group_name_or_an_unknown_one_subscribes_nothing(bot: Running):
    set_clock(bot, at(2024, 12, 1))
    assert "là một nhóm đơn vị" in await bot.say(OTHER, "/theodoi UBND các huyện")
    assert (await bot.say(OTHER, "/theodoi Khoai Trau")).startswith("Không tìm thấy đơn vị “Khoai Trau”")
    assert subscriptions.list_subscriptions(bot.store.engine, OTHER) == []
    # a unit with no dated duty: subscribed, and told there is nothing to remind yet
    kd = await bot.say(OTHER, "/theodoi Kim Dong")
    assert "UBND huyện Kim Động" in kd and "chưa có thời hạn sắp tới" in kd
    assert "• UBND huyện Kim Động — chưa có thời hạn sắp tới" in await bot.say(OTHER, "/theodoi")
    assert (await bot.say(OTHER, "/huytheodoi")).startswith("Đã hủy theo dõi 1 đơn vị: UBND huyện Kim Động")
    assert (await bot.say(OTHER, "/huytheodoi")) == "Chat này chưa theo dõi đơn vị nào."


# -- reminders across a restart ---------------------------------------------------------------------
@pytest_asyncio.fixture(loop_scope="session")
async def own_emu() -> AsyncIterator[Emulator]:
    """An emulator of its own, for a test that stops and starts bots."""
    e = Emulator(TOKEN)
    await e.start()
    yield e
    await e.stop()


@pytest.mark.slow
async def test_reminder_is_sent_once_and_the_subscription_survives_a_restart(
        own_emu, tmp_path, db_url, assistant, directive_index, embed_cache):
    emu = own_emu
    settings = make_settings(tmp_path, directive_index, embed_cache, emu, db_url)
    clock = Clock(at(2024, 12, 1))
    first = await start_bot(emu, settings, assistant, clock)
    try:
        _user, chat = first.chat(USER)
        reply = await first.say(USER, "/theodoi so tu phap")
        assert "Sở Tư pháp" in reply and "Lần nhắc tiếp theo: 08:00 ngày 08/12/2024." in reply
        assert "Chat này đã theo dõi Sở Tư pháp từ trước." in await first.say(USER, "/theodoi STP")
        assert "• Sở Tư pháp — lần nhắc tới: 08:00 ngày 08/12/2024" in await first.say(USER, "/theodoi")

        clock.now = at(2024, 12, 8, 7, 59)
        assert await first.run_job() == []  # a minute early
        clock.now = at(2024, 12, 8, 8, 0)
        (reminder,) = await first.run_job()
        assert int(reminder.params["chat_id"]) == chat["id"] and reminder.params["parse_mode"] == "HTML"
        text = reminder.result["text"]
        assert "còn 7 ngày" in text and "Sở Tư pháp" in text and "15/12/2024" in text and "UBND tỉnh" in text
        assert "Sở Nội vụ" in text and "mục 2" in text
        assert await first.run_job() == []  # the second run sends nothing
    finally:
        await stop_bot(first)

    # restart: a new Store, Dialogue and Application on the same database
    clock.now = at(2024, 12, 8, 9, 0)
    second = await start_bot(emu, settings, assistant, clock)
    try:
        assert "• Sở Tư pháp" in await second.say(USER, "/theodoi")
        assert await second.run_job() == []  # the 7-day reminder is not sent again
        clock.now = at(2024, 12, 14, 8, 0)
        (tomorrow,) = await second.run_job()
        assert "hạn là ngày mai" in tomorrow.result["text"]
        assert await second.run_job() == []
        assert len(subscriptions.sent_keys(second.store.engine, chat["id"])) == 2

        assert await second.say(USER, "/huytheodoi tu phap") == "Đã hủy theo dõi Sở Tư pháp."
        assert (await second.say(USER, "/theodoi")).startswith("Chat này chưa theo dõi đơn vị nào.")
        assert subscriptions.list_subscriptions(second.store.engine) == []
        assert (await second.say(USER, "/huytheodoi Sở Tư pháp")) == "Chat này không theo dõi Sở Tư pháp."
    finally:
        await stop_bot(second)


async def test_a_group_is_reminded_in_the_group(bot: Running):
    set_clock(bot, at(2024, 12, 7, 12, 0))
    user, _ = bot.chat(USER)
    group = bot.emu.group_chat(GROUP)
    since = len(bot.emu.calls)
    await bot.emu.send_text(user, group, "/theodoi@cchc_test_bot UBND huyện Khoái Châu")
    (reply,) = await bot.emu.replies(GROUP, since, 1)
    assert "UBND huyện Khoái Châu" in reply.result["text"]
    set_clock(bot, at(2024, 12, 8, 8, 30))
    (reminder,) = await bot.run_job()
    assert int(reminder.params["chat_id"]) == GROUP and "UBND huyện Khoái Châu" in reminder.result["text"]
    subscriptions.unsubscribe(bot.store.engine, GROUP)


async def _refused_at_the_7_day_mark(bot: Running, chat: int) -> str:
    """Subscribe `chat` to Sở Tư pháp, run the job at the 7-day mark: the one refused send's error."""
    set_clock(bot, at(2024, 12, 1))
    assert bot.dialogue.facts.subscribe(chat, "Sở Tư pháp", bot.dialogue.clock())
    set_clock(bot, at(2024, 12, 8, 8, 5))
    since = len(bot.emu.calls)
    assert await bot.run_job() == []
    refused = [c for c in bot.emu.calls[since:] if c.method == "sendMessage" and not c.ok]
    assert len(refused) == 1
    return refused[0].error or ""


async def test_a_refused_reminder_is_released_and_sent_later(bot: Running):
    """Telegram refusing a send (chat not found) gives the claim back; a later run delivers it."""
    unknown = 424242  # not a chat the emulator knows yet
    assert "chat not found" in await _refused_at_the_7_day_mark(bot, unknown)
    assert subscriptions.sent_keys(bot.store.engine, unknown) == set()
    bot.emu.private_chat(bot.emu.user(unknown))  # the user opens the chat
    (late,) = await bot.run_job()
    assert int(late.params["chat_id"]) == unknown and "còn 7 ngày" in late.result["text"]
    assert await bot.run_job() == []
    subscriptions.unsubscribe(bot.store.engine, unknown)


async def test_a_chat_that_blocked_the_bot_loses_its_subscription(bot: Running):
    """403 from Telegram: no retry every few minutes until the deadline, the subscription ends."""
    blocker = 515151
    bot.emu.private_chat(bot.emu.user(blocker))
    bot.emu.blocked.add(blocker)
    assert "blocked" in await _refused_at_the_7_day_mark(bot, blocker)
    assert subscriptions.list_subscriptions(bot.store.engine, blocker) == []
    since = len(bot.emu.calls)
    assert await bot.run_job() == []
    assert not [c for c in bot.emu.calls[since:] if c.method == "sendMessage"]
    bot.emu.blocked.discard(blocker)


# -- a recurring duty, reminded every month ---------------------------------------------------------
CHI_THI = SHARED / "corpus" / "directives" / "chi-thi-ky-luat-ky-cuong-2025.md"


@pytest.fixture(scope="module")
def chi_thi_index(tmp_path_factory, embedder, embed_cache) -> Path:
    """corpus/ and Chỉ thị 05/CT-UBND, whose sở report "về UBND tỉnh (qua Sở Nội vụ) trước ngày 20 hằng tháng"."""
    need_shared(CHI_THI)
    return index_over(tmp_path_factory, embedder, embed_cache, ROOT / "corpus", CHI_THI)


@pytest.mark.slow
async def test_a_monthly_report_is_shown_and_reminded_every_month(own_emu, tmp_path, chi_thi_index, embedder,
                                                                 embed_cache):
    from retrieval.answering import Assistant

    settings = make_settings(tmp_path, chi_thi_index, embed_cache, own_emu, f"sqlite:///{tmp_path}/bot.sqlite3")
    clock = Clock(at(2025, 4, 5))
    bot = await start_bot(own_emu, settings, Assistant.open(chi_thi_index, embedder=embedder), clock)
    try:
        duties = await bot.say(USER, "/nhiemvu Sở Tư pháp")
        assert "trước ngày 20 hằng tháng (kỳ tới 20/4/2025, còn 15 ngày)" in duties
        assert "20/4/2025 (hằng tháng, kỳ tới) (còn 15 ngày)" in await bot.say(USER, "/hanchot")
        assert "Lần nhắc tiếp theo: 08:00 ngày 13/4/2025." in await bot.say(USER, "/theodoi Sở Tư pháp")

        clock.now = at(2025, 4, 13, 8, 0)
        (april,) = await bot.run_job()
        text = april.result["text"]
        assert "còn 7 ngày" in text and "trước ngày 20 hằng tháng" in text and "Kỳ này: hạn 20/4/2025." in text
        assert await bot.run_job() == []
        clock.now = at(2025, 4, 19, 8, 0)
        (eve,) = await bot.run_job()
        assert "hạn là ngày mai" in eve.result["text"] and "Kỳ này: hạn 20/4/2025." in eve.result["text"]
        # the bot was down from 20/4 to 13/5: the 30/4 duty is over, May's report is next
        clock.now = at(2025, 5, 13, 9, 0)
        (may,) = await bot.run_job()
        assert "còn 7 ngày" in may.result["text"] and "Kỳ này: hạn 20/5/2025." in may.result["text"]
        assert "• Sở Tư pháp — lần nhắc tới: 08:00 ngày 19/5/2025" in await bot.say(USER, "/theodoi")
        assert len(subscriptions.sent_keys(bot.store.engine)) == 3
    finally:
        await stop_bot(bot)


# -- database down ------------------------------------------------------------------------------------
@pytest.mark.slow
async def test_database_down_gives_a_clear_message_and_the_bot_runs_on(own_emu, tmp_path, assistant,
                                                                      directive_index, embed_cache):
    dead = f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/test"
    settings = make_settings(tmp_path, directive_index, embed_cache, own_emu, dead)
    down = await start_bot(own_emu, settings, assistant, Clock(at(2024, 12, 1)))
    try:
        assert (await down.say(USER, "/nhiemvu STP")).startswith("Nhiệm vụ của Sở Tư pháp")
        assert "15/12/2024" in await down.say(USER, "/hanchot")
        for command, what in (("/theodoi Sở Tư pháp", "đăng ký nhắc hạn"), ("/theodoi", "xem danh sách theo dõi"),
                              ("/huytheodoi", "hủy theo dõi")):
            text = await down.say(USER, command)
            assert text.startswith(f"Không kết nối được cơ sở dữ liệu nên chưa {what} được."), text
            assert "Traceback" not in text and "psycopg" not in text
        assert await down.run_job() == []  # logged, nothing sent, no error reply anywhere
        assert not [c for c in own_emu.calls if c.method == "sendMessage" and "lỗi" in str(c.params.get("text"))]
    finally:
        await stop_bot(down)


# -- the console ----------------------------------------------------------------------------------------
async def test_console_nhiemvu_is_the_same_dialogue(tmp_path, assistant, directive_index, embed_cache):
    settings = Settings(index_dir=directive_index, embed_cache=embed_cache,
                        database_url=f"sqlite:///{tmp_path}/console.sqlite3", outbox_path=tmp_path / "outbox.jsonl")
    store = Store(settings.database_url, settings.outbox_path)
    store.start()
    engine = Engine(assistant, directive_index, [directive_index], embed_cache)
    dialogue = Dialogue(settings, engine, store, clock=Clock(at(2024, 12, 1)))
    out = io.StringIO()
    # the console's start-up syncs the obligations, as the bot's does (blocking: no bot runs on this loop)
    assert run_console(dialogue, stdin=io.StringIO("/nhiemvu so tu phap\n/hanchot tatca\n"), out=out) == 0
    stored = fs.load_obligations(store.engine)
    assert len({(o.section, o.group) for o in stored}) == 24 and len(stored) >= 24
    printed = out.getvalue()
    expected = nhiemvu_text(dialogue.facts.current().obligations, units_for_index(directive_index), "Sở Tư pháp",
                            dt.date(2024, 12, 1))
    assert expected in printed and f"1. {STP_REPORT}" in printed
    assert "15/12/2024 (còn 14 ngày)" in printed  # /hanchot tatca on the same clock
    console = Console(dialogue, io.StringIO())
    console.handle("/theodoi Sở Tư pháp")
    assert CONSOLE_REMINDERS in console.out.getvalue()  # type: ignore[attr-defined]
    assert subscriptions.list_subscriptions(store.engine) == []
    # the plain text is what Telegram shows for the same reply
    reply = dialogue.command(Who(USER, USER), "nhiemvu", "STP")
    assert to_plain(reply.messages[0]) in printed
    store.dispose()
