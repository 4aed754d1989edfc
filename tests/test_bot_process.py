"""The bot as it is deployed: `python -m bot` in its own process (Telegram or console),
webhook mode with its secret token, and a database that goes away and comes back."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import time
from pathlib import Path

import pytest
import pytest_asyncio
from conftest import ROOT, drop_schema, pg_available, pg_schema_url
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.access import AccessPolicy, Who
from bot.app import build_application, serve
from bot.dialogue import Dialogue
from bot.engine import Engine
from bot.render import to_plain
from bot.storage import Question, Store
from retrieval.settings import Settings
from tests.telegram_emulator import Emulator

TOKEN = "987654321:AAF-process-SECRET-token"
pytestmark = pytest.mark.asyncio(loop_scope="session")
QUESTION = "Phiên họp thứ 8 của Ban Chỉ đạo cải cách hành chính của Chính phủ được tổ chức vào ngày nào?"


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest_asyncio.fixture(loop_scope="session")
async def emu():
    e = Emulator(TOKEN)
    await e.start()
    yield e
    await e.stop()


def make_dialogue(settings: Settings, assistant, directive_index) -> Dialogue:  # type: ignore[no-untyped-def]
    store = Store(settings.database_url, settings.outbox_path)
    store.start()
    access = AccessPolicy(settings, store)
    access.refresh()
    engine = Engine(assistant, directive_index, [ROOT / "corpus"], None, settings.answer_cache_size)
    return Dialogue(settings, engine, store, access)


async def test_webhook_mode_checks_the_secret_token_on_every_request(emu, tmp_path, assistant, directive_index):
    import aiohttp

    port = free_port()
    settings = Settings(
        index_dir=directive_index, database_url=f"sqlite:///{tmp_path}/wh.sqlite3", outbox_path=tmp_path / "o.jsonl",
        telegram_bot_token=TOKEN, telegram_api_url=emu.base_url, webhook_url=f"http://127.0.0.1:{port}/telegram/hook",
        webhook_listen="127.0.0.1", webhook_port=port, webhook_secret="hook-secret-0123456789",
    )
    dialogue = make_dialogue(settings, assistant, directive_index)
    app = build_application(settings, dialogue)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, stop))
    try:
        await emu.wait_for(lambda: emu.webhook_url, 30)
        assert emu.webhook_url == settings.webhook_url and emu.webhook_secret == settings.webhook_secret
        assert not [c for c in emu.calls if c.method == "getUpdates"]  # no polling in webhook mode
        await _listening(port)  # PTB registers the webhook, then opens its server
        user = emu.user(51, "Webhook")
        chat = emu.private_chat(user)
        forged = {"update_id": 999, "message": {"message_id": 1, "date": int(time.time()), "chat": chat,
                                                "from": user, "text": QUESTION}}
        async with aiohttp.ClientSession() as http:
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
                async with http.post(settings.webhook_url, json=forged, headers=headers) as resp:
                    assert resp.status == 403
        await emu.quiet(0.3)
        assert emu.sent(chat["id"]) == []  # forged updates never reached the dialogue
        since = len(emu.calls)
        await emu.send_text(user, chat, QUESTION)  # the emulator posts with the right header
        (answer,) = await emu.replies(chat["id"], since, 1)
        assert "15/7/2024" in answer.result["text"]
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
        dialogue.store.dispose()  # type: ignore[union-attr]


async def _listening(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            _, w = await asyncio.open_connection("127.0.0.1", port)
            w.close()
            return
        except OSError:
            assert time.monotonic() < deadline, f"nothing listens on {port}"
            await asyncio.sleep(0.05)


class Proxy:
    """A TCP pass-through to PostgreSQL that can be switched off and on: the database
    'goes away' for the bot while the real server keeps running for everyone else."""

    def __init__(self, port: int, target: tuple[str, int]) -> None:
        self.port, self.target = port, target
        self.server: asyncio.base_events.Server | None = None
        self.conns: list[asyncio.StreamWriter] = []

    async def up(self) -> None:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)

    async def down(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
            self.server = None
        for w in self.conns:
            w.close()
        self.conns.clear()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self.conns += [writer, up_writer]

        async def pipe(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
            try:
                while data := await r.read(65536):
                    w.write(data)
                    await w.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                w.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


async def test_answers_continue_while_the_database_is_down_and_logs_arrive_when_it_is_back(emu, tmp_path, assistant,
                                                                                          directive_index):
    why = pg_available()
    if why:
        pytest.skip(f"PostgreSQL outage test skipped: {why}")
    schema, url = pg_schema_url()
    port = free_port()
    proxy = Proxy(port, ("127.0.0.1", 5432))  # down: nothing listens on `port` yet
    settings = Settings(
        index_dir=directive_index, database_url=url.replace("127.0.0.1:5432", f"127.0.0.1:{port}"),
        outbox_path=tmp_path / "outbox.jsonl", outbox_flush_seconds=0.5,
        telegram_bot_token=TOKEN, telegram_api_url=emu.base_url, poll_timeout=1,
    )
    dialogue = make_dialogue(settings, assistant, directive_index)
    store = dialogue.store
    assert store is not None
    app = build_application(settings, dialogue)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, stop))
    try:
        await emu.wait_for(lambda: [c for c in emu.calls if c.method == "getUpdates"], 30)
        user = emu.user(52, "Outage")
        chat = emu.private_chat(user)
        since = len(emu.calls)
        await emu.send_text(user, chat, QUESTION)
        (answer,) = await emu.replies(chat["id"], since, 1)
        assert "15/7/2024" in answer.result["text"]  # answered with the database down
        qid = next(b["callback_data"] for row in answer.params["reply_markup"]["inline_keyboard"] for b in row
                   if b["callback_data"].startswith("fb:")).split(":")[1]
        await emu.press(user, answer.result, f"fb:{qid}:+")
        deadline = time.monotonic() + 20
        while store.pending() < 2:
            assert time.monotonic() < deadline, "question and feedback never reached the outbox"
            await asyncio.sleep(0.1)

        await proxy.up()  # the database is back: the periodic job writes the outbox
        deadline = time.monotonic() + 30
        while store.pending():
            assert time.monotonic() < deadline, "the outbox was not written after the database came back"
            await asyncio.sleep(0.2)
        counts = await asyncio.to_thread(store.counts)
        assert counts["questions"] == 1 and counts["feedback"] == 1

        def rows_for_question() -> int:  # in a thread: the proxy runs on this event loop
            with Session(store.engine) as s:
                return int(s.scalar(select(func.count()).select_from(Question).where(Question.key == qid)) or 0)

        assert await asyncio.to_thread(rows_for_question) == 1
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
        store.dispose()
        await proxy.down()
        drop_schema(schema)


def _env(tmp_path: Path, directive_index: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ALLOWED_", "ADMIN_", "WEBHOOK_"))}
    env.update(INDEX_DIR=str(directive_index), CORPUS_DIRS=str(ROOT / "corpus"),
               DATABASE_URL=f"sqlite:///{tmp_path}/proc.sqlite3", OUTBOX_PATH=str(tmp_path / "outbox.jsonl"),
               PYTHONIOENCODING="utf-8", POLL_TIMEOUT="1", **extra)
    return env


@pytest.mark.slow
async def test_python_m_bot_starts_telegram_with_a_token(emu, tmp_path, directive_index):
    env = _env(tmp_path, directive_index, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=emu.base_url)
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=ROOT, env=env,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        await emu.wait_for(lambda: [c for c in emu.calls if c.method == "getUpdates"], 120)
        user = emu.user(53, "Process")
        chat = emu.private_chat(user)
        since = len(emu.calls)
        await emu.send_text(user, chat, QUESTION)
        (answer,) = await emu.replies(chat["id"], since, 1, timeout=60)
        assert "15/7/2024" in answer.result["text"]
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(proc.communicate(), 30)
    log = err.decode()
    assert proc.returncode == 0, log[-2000:]
    assert "OPEN TO EVERYONE" in log  # an unset allowlist is announced at start-up
    assert TOKEN not in log and TOKEN not in out.decode()


@pytest.mark.slow
async def test_python_m_bot_without_a_token_is_the_console_with_the_same_dialogue(tmp_path, directive_index, assistant):
    env = _env(tmp_path, directive_index)
    lines = ["/viettat CCHC", QUESTION, "nguồn", "+", "/vanban KH 187"]
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=ROOT, env=env,
                                                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(("\n".join(lines) + "\n").encode()), 180)
    text = out.decode()
    assert proc.returncode == 0, err.decode()[-2000:]
    # what the Telegram bot would say, from the same Dialogue in this process
    settings = Settings(index_dir=directive_index, database_url=f"sqlite:///{tmp_path}/same.sqlite3",
                        outbox_path=tmp_path / "same.jsonl")
    dialogue = make_dialogue(settings, assistant, directive_index)
    me = Who(0, 0, local=True, chat_type="console")
    for expected in (dialogue.command(me, "start"), dialogue.command(me, "viettat", "CCHC"),
                     dialogue.ask(me, QUESTION), dialogue.command(me, "vanban", "KH 187")):
        for message in expected.messages:
            assert to_plain(message) in text
    assert "Trích dẫn" in text and "Cảm ơn phản hồi" in text
    assert "Traceback" not in err.decode()
    dialogue.store.dispose()  # type: ignore[union-attr]
    # the console logged its question and feedback like the bot does
    store = Store(env["DATABASE_URL"], Path(env["OUTBOX_PATH"]))
    assert store.counts()["questions"] == 1 and store.counts()["feedback"] == 1
    store.dispose()
