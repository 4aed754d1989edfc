"""Which document a chat talks about, end to end through the Bot API emulator over real HTTP:
"văn bản này" means the document the chat last talked about (kept per chat); a question that
matches several documents gets one button each, and the one pressed answers it."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from telegram_emulator import Call, Emulator

from bot.access import AccessPolicy
from bot.app import build_application, serve
from bot.dialogue import Dialogue
from bot.engine import Engine
from bot.storage import Store
from retrieval.settings import Settings

TOKEN = "123456789:AAH-documents-test-token"
ALICE, BOB = 11, 12

ON_SESSION_LOOP = pytest.mark.asyncio(loop_scope="session")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def emu_bot(tmp_path_factory, forms_assistant, forms_index, embed_cache):
    tmp: Path = tmp_path_factory.mktemp("docbot")
    emu = Emulator(TOKEN)
    await emu.start()
    settings = Settings(
        index_dir=forms_index, database_url=f"sqlite:///{tmp}/bot.sqlite3", outbox_path=tmp / "outbox.jsonl",
        telegram_bot_token=TOKEN, telegram_api_url=emu.base_url, allowed_user_ids=frozenset([ALICE, BOB]),
        poll_timeout=1,
    )
    store = Store(settings.database_url, settings.outbox_path)
    access = AccessPolicy(settings, store)
    engine = Engine(forms_assistant, forms_index, [], embed_cache, settings.answer_cache_size, settings.top_k)
    dialogue = Dialogue(settings, engine, store, access)
    app = build_application(settings, dialogue)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, stop))
    await emu.wait_for(lambda: [c for c in emu.calls if c.method == "getUpdates"], 30)
    yield emu
    stop.set()
    await asyncio.wait_for(task, 30)
    await emu.stop()
    store.dispose()


def _chat(emu: Emulator, user_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    user = emu.user(user_id, f"Cán bộ {user_id}")
    return user, emu.private_chat(user)


async def ask(emu: Emulator, user_id: int, text: str) -> Call:
    user, chat = _chat(emu, user_id)
    since = len(emu.calls)
    await emu.send_text(user, chat, text)
    (reply,) = await emu.replies(chat["id"], since, 1, 60)
    return reply


def buttons(call: Call) -> dict[str, str]:
    markup = call.params.get("reply_markup") or {}
    return {b["callback_data"]: b["text"] for row in markup.get("inline_keyboard", []) for b in row}


@pytest.mark.slow
@ON_SESSION_LOOP
async def test_this_document_is_per_chat_and_a_choice_is_a_button(emu_bot: Emulator):
    emu = emu_bot
    # no document talked about yet: which one?
    choice = await ask(emu, ALICE, "Ai ký văn bản này?")
    options = {data: label for data, label in buttons(choice).items() if data.startswith("doc:")}
    assert len(options) >= 2 and "Bạn muốn hỏi văn bản nào" in choice.result["text"]
    pick = next(data for data, label in options.items() if "2210" in label)

    user, chat = _chat(emu, ALICE)
    since = len(emu.calls)
    await emu.press(user, choice.result, pick)
    (answer,) = await emu.replies(chat["id"], since, 1, 60)
    assert "Vũ Đình Khải" in answer.result["text"] and "Quyết định 2210/QĐ-UBND" in answer.result["text"]
    (edit,) = await emu.wait_for(lambda: emu.sent(chat["id"], "editMessageText", since))
    assert "Đã chọn" in edit.result["text"] and not buttons(edit)  # the choice is settled

    # the chat now talks about that Quyết định
    follow = await ask(emu, ALICE, "Văn bản này có hiệu lực khi nào?")
    assert "kể từ ngày ký" in follow.result["text"] and "2210" in follow.result["text"]

    # another chat has talked about nothing yet
    other = await ask(emu, BOB, "Ai ký văn bản này?")
    assert any(d.startswith("doc:") for d in buttons(other))

    # a question naming another document moves the chat on to it
    await ask(emu, ALICE, "Tờ trình 412/TTr-SNV về việc gì?")
    again = await ask(emu, ALICE, "ai ky van ban nay")
    assert "Trần Văn Bình" in again.result["text"]
    assert [c for c in emu.errors() if c.method in ("sendMessage", "editMessageText")] == []


@ON_SESSION_LOOP
async def test_an_expired_choice_says_so(emu_bot: Emulator):
    emu = emu_bot
    user, chat = _chat(emu, BOB)
    choice = await ask(emu, BOB, "Ai ký văn bản này?")
    assert buttons(choice)
    since = len(emu.calls)
    await emu.press(user, choice.result, "doc:khong-con:0")  # a question the bot no longer holds
    (notice,) = await emu.replies(chat["id"], since, 1, 30)
    assert "hết hạn" in notice.result["text"]


def test_console_picks_a_document_by_number(tmp_path, forms_assistant, forms_index):
    import io

    from bot.console import Console

    settings = Settings(index_dir=forms_index, database_url=f"sqlite:///{tmp_path}/c.sqlite3",
                        outbox_path=tmp_path / "outbox.jsonl")
    store = Store(settings.database_url, settings.outbox_path)
    dialogue = Dialogue(settings, Engine(forms_assistant, forms_index, [], None), store, AccessPolicy(settings, store))
    out = io.StringIO()
    console = Console(dialogue, out)
    console.handle("Ai ký văn bản này?")
    listing = out.getvalue()
    assert "[1] Kế hoạch 41/KH-UBND" in listing and "gõ số để chọn" in listing  # newest first
    console.handle("1")
    assert "Vũ Đình Khải" in out.getvalue()[len(listing):]
    mark = len(out.getvalue())
    console.handle("văn bản này ban hành ngày nào")
    assert "02 tháng 3 năm 2026" in out.getvalue()[mark:]
    store.dispose()
