"""Documents sent to the bot, end to end over real HTTP: the real PTB Application (bot.app)
polls the local Bot API emulator (tests/telegram_emulator.py), downloads the file it is sent
(getFile + the file URL), previews it in one status message that it edits, adds it on
"Thêm vào kho" to the corpus the database keeps (retrieval.store.corpus) and to the live
index (Engine.follow) — no rebuild, no restart — tells the chats following the units it
gives duties to, and refuses what it must refuse. The index starts as the seed corpus only
(corpus/), copied aside: uploads change the copy, never the session's shared index."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import re
import shutil
import time
import zipfile
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from conftest import (
    DIRECTIVES,
    EVAL,
    FIXTURES,
    LAWS,
    ROOT,
    SMALL_LAWS,
    drop_schema,
    need_shared,
    pg_available,
    pg_schema_url,
)

from bot.access import AccessPolicy
from bot.app import build_application, serve
from bot.dialogue import ADMIN_ONLY, REFUSAL, UPLOAD_ADMIN_ONLY, UPLOAD_PRIVATE_ONLY, Dialogue
from bot.documents import PAGE_SIZE
from bot.engine import Engine
from bot.storage import Store
from retrieval.answering import Assistant
from retrieval.lang.text import fold
from retrieval.settings import Settings
from retrieval.store.corpus import CorpusStore, checksum
from tests.telegram_emulator import Call, Emulator

TOKEN = "123456789:AAH-uploads-test-token"
ADMIN = 1
ADMIN_NAME = "Quản trị Lan"
OTHER_ADMINS = list(range(101, 116))  # admins too: bad files are sent from several chats at once
USER = 2  # an ordinary allowed user
STRANGER = 666
GROUP = -100700
SUBSCRIBERS = list(range(31, 40))
ASKERS = range(500000, 500400)  # a fresh chat per question: no "văn bản này" carried over

SEED = ROOT / "corpus" / "hung-yen-cchc-6-thang-cuoi-2024.md"
SEED_QUESTIONS = [  # about the seed directive: asked before and after the bad files
    "Sở Tư pháp phải báo cáo kết quả khắc phục tồn tại, hạn chế cho ai và chậm nhất khi nào?",
    "Kế hoạch số 187/KH-UBND được ban hành ngày nào và về nội dung gì?",
    "Ai ký văn bản triển khai nhiệm vụ CCHC 6 tháng cuối năm 2024?",
]
# the seven public documents: their type and number as the preview must show them
SEVEN = {
    "bao-cao-ket-qua-cchc-quy-i-2026.md": ("Báo cáo", "58/BC-UBND"),
    "chi-thi-ky-luat-ky-cuong-2025.md": ("Chỉ thị", "05/CT-UBND"),
    "cong-van-hoa-toc-2026.pdf": ("Công văn", "1456/UBND-KGVX"),
    "ke-hoach-dao-tao-boi-duong-2026.docx": ("Kế hoạch", "27/KH-UBND"),
    "ke-hoach-khao-sat-hai-long-2025.md": ("Kế hoạch", "68/KH-UBND"),
    "quyet-dinh-ban-hanh-quy-che-2025.md": ("Quyết định", "1875/QĐ-UBND"),
    "thong-bao-ket-luan-pho-chu-tich-2025.md": ("Thông báo", "142/TB-VP"),
}
MIME = {".md": "text/markdown", ".pdf": "application/pdf", ".txt": "text/plain",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
PROGRESS = ("Đang thêm vào kho", "Đang lưu", "Đang lập chỉ mục")
OCR_PROGRESS = re.compile(r"^(Tệp .+ là bản quét: đang nhận dạng chữ \d+ trang|Đang nhận dạng chữ: trang \d+/\d+)")
NOTICE_HEAD = "📄 Văn bản mới giao nhiệm vụ cho"
# reserved for the tests that need their duties or their number; the others take what is left
CONG_VAN_610 = FIXTURES / "cong-van-bao-cao-chi-so-2026.md"
KE_HOACH_41 = FIXTURES / "ke-hoach-chuyen-doi-so-2026.md"

pytestmark = pytest.mark.asyncio(loop_scope="session")


class _Keep(logging.Handler):
    """Warnings and errors logged while the bot runs (an update that failed is logged here)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    def errors(self) -> list[str]:
        return [x for x in self.lines if " ERROR " in x or " CRITICAL " in x]


@dataclass
class Bot:
    emu: Emulator
    dialogue: Dialogue
    corpus: CorpusStore
    store: Store
    settings: Settings
    logs: _Keep
    askers: Iterator[int]

    def chat(self, user_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
        name = ADMIN_NAME if user_id == ADMIN else f"Cán bộ {user_id}"
        user = self.emu.user(user_id, name, username=f"user{user_id}")
        return user, self.emu.private_chat(user)

    def current(self) -> list[tuple[str, str, str]]:
        return sorted((i.doc_id, i.status, i.checksum) for i in self.corpus.current())


@asynccontextmanager
async def running_bot(tmp: Path, directive_index: Path, embedder: Any, embed_cache: Path,
                      database_url: str) -> AsyncIterator[Bot]:
    """The bot as production runs it (`Dialogue.open` / `open_engine`), on a private copy of
    the seed index and corpus, with the document store of `database_url` attached."""
    corpus_dir = tmp / "corpus"
    shutil.copytree(ROOT / "corpus", corpus_dir)
    index = tmp / "index"
    shutil.copytree(directive_index, index)  # follow() rewrites the index in place: a copy
    emu = Emulator(TOKEN)
    await emu.start()
    settings = Settings(
        index_dir=index, corpus_dirs=(corpus_dir,), embed_cache=embed_cache,
        database_url=database_url, outbox_path=tmp / "outbox.jsonl",
        telegram_bot_token=TOKEN, telegram_api_url=emu.base_url, telegram_file_url=emu.file_url,
        allowed_user_ids=frozenset([USER, *SUBSCRIBERS, *ASKERS]),
        allowed_chat_ids=frozenset([GROUP]), admin_user_ids=frozenset([ADMIN, *OTHER_ADMINS]),
        rate_limit_per_minute=1000, poll_timeout=1,
        # no replica here: the versions are this process's own (a sync job would race the
        # confirmation for the same follow and is tested with replicas elsewhere)
        index_sync_seconds=0,
    )
    logs = _Keep()
    logging.getLogger().addHandler(logs)
    store = Store(settings.database_url, settings.outbox_path)
    store.start()
    access = AccessPolicy(settings, store)
    access.refresh()
    engine = Engine(Assistant.open(index, embedder=embedder), index, [corpus_dir], embed_cache,
                    settings.answer_cache_size, settings.top_k)
    corpus = CorpusStore(settings.database_url)
    assert engine.connect(corpus), "the document store could not be attached"
    dialogue = Dialogue(settings, engine, store, access)
    app = build_application(settings, dialogue)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, stop))
    try:
        await emu.wait_for(lambda: [c for c in emu.calls if c.method == "getUpdates"], 30)
        yield Bot(emu, dialogue, corpus, store, settings, logs, iter(ASKERS))
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
        await emu.stop()
        store.dispose()
        corpus.dispose()
        logging.getLogger().removeHandler(logs)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def bot(tmp_path_factory, directive_index, embedder, embed_cache):
    tmp = tmp_path_factory.mktemp("uploads")
    async with running_bot(tmp, directive_index, embedder, embed_cache, f"sqlite:///{tmp}/bot.sqlite3") as b:
        yield b


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def pg_bot(tmp_path_factory, directive_index, embedder, embed_cache):
    why = pg_available()
    if why:
        pytest.skip(f"PostgreSQL upload test skipped: {why}")
    schema, url = pg_schema_url()
    tmp = tmp_path_factory.mktemp("uploads-pg")
    try:
        async with running_bot(tmp, directive_index, embedder, embed_cache, url) as b:
            yield b
    finally:
        drop_schema(schema)


# -- acting and observing ------------------------------------------------------------------------
def buttons(call: Call) -> dict[str, str]:
    markup = call.params.get("reply_markup") or {}
    return {b["callback_data"]: b["text"] for row in markup.get("inline_keyboard", []) for b in row}


def edits_of(emu: Emulator, chat_id: int, message_id: int, since: int = 0) -> list[Call]:
    return [c for c in emu.sent(chat_id, "editMessageText", since) if int(c.params["message_id"]) == message_id]


@dataclass
class Sent:
    """A file sent in: the bot's status message ("Đang đọc …", None when it refused the file
    outright) and the outcome (the status edited into the preview or the reason; or the reply)."""

    since: int
    file_id: str
    status: Call | None
    outcome: Call

    @property
    def text(self) -> str:
        return str(self.outcome.result["text"])

    @property
    def buttons(self) -> dict[str, str]:
        return buttons(self.outcome)

    @property
    def token(self) -> str:
        ok = [d for d in self.buttons if d.startswith("up:") and d.endswith(":ok")]
        assert len(ok) == 1, (self.text, self.buttons)
        return ok[0][3:-3]


async def send_file(bot: Bot, user_id: int, name: str, data: bytes, mime: str | None = None,
                    timeout: float = 60) -> Sent:
    user, chat = bot.chat(user_id)
    since = len(bot.emu.calls)
    mime = mime or MIME.get(Path(name).suffix, "application/octet-stream")
    msg = await bot.emu.send_document(user, chat, name, data, mime)
    (first,) = await bot.emu.replies(chat["id"], since, 1, timeout)
    if not first.result["text"].startswith("Đang đọc"):
        return Sent(since, msg["document"]["file_id"], None, first)
    mid = first.result["message_id"]
    # the status is edited into the preview or the reason (a scan's OCR progress on the way)
    (edit, *_) = await bot.emu.wait_for(lambda: [e for e in edits_of(bot.emu, chat["id"], mid, since)
                                                 if not OCR_PROGRESS.match(e.result["text"])], timeout)
    return Sent(since, msg["document"]["file_id"], first, edit)


def downloads(bot: Bot, sent: Sent) -> list[Call]:
    """The bot's getFile calls for the file `sent` carried."""
    return [c for c in bot.emu.calls[sent.since:] if c.method == "getFile" and c.params.get("file_id") == sent.file_id]


async def confirm(bot: Bot, user_id: int, sent: Sent, timeout: float = 240) -> list[str]:
    """Press "Thêm vào kho"; the texts the status message is edited through, the result last."""
    assert sent.status is not None
    user, chat = bot.chat(user_id)
    mid = sent.status.result["message_id"]
    since = len(bot.emu.calls)
    await bot.emu.press(user, sent.status.result, f"up:{sent.token}:ok")

    def finished() -> list[Call] | None:
        found = edits_of(bot.emu, chat["id"], mid, since)
        return found if found and not found[-1].result["text"].startswith(PROGRESS) else None

    found = await bot.emu.wait_for(finished, timeout)
    assert not buttons(found[0]), "the buttons stay while the file is added"
    return [c.result["text"] for c in found]


async def add(bot: Bot, name: str, data: bytes, user_id: int = ADMIN) -> str:
    """Upload and confirm; the final status text."""
    sent = await send_file(bot, user_id, name, data)
    assert sent.status is not None and "Thêm vào kho" in " ".join(sent.buttons.values()), sent.text
    texts = await confirm(bot, user_id, sent)
    assert texts[-1].startswith("Xong"), texts
    return texts[-1]


async def ask(bot: Bot, question: str, timeout: float = 120) -> str:
    """A question from a fresh chat; the whole answer (every part) as the user sees it."""
    user, chat = bot.chat(next(bot.askers))
    since = len(bot.emu.calls)
    await bot.emu.send_text(user, chat, question)

    def answered() -> list[Call] | None:
        sent = bot.emu.sent(chat["id"], since=since)
        return sent if sent and buttons(sent[-1]) else None  # an answer ends with its buttons

    return "\n".join(c.result["text"] for c in await bot.emu.wait_for(answered, timeout))


async def command(bot: Bot, user_id: int, text: str, timeout: float = 60) -> Call:
    user, chat = bot.chat(user_id)
    since = len(bot.emu.calls)
    await bot.emu.send_text(user, chat, text)
    (reply,) = await bot.emu.replies(chat["id"], since, 1, timeout)
    return reply


def has_facts(text: str, must_include: list[list[str]]) -> bool:
    t = fold(text)
    return all(any(fold(alt) in t for alt in group) for group in must_include)


def citation(text: str) -> str:
    """The "Nguồn: …" part of an answer ("" when it has none)."""
    return text.rpartition("Nguồn:")[2] if "Nguồn:" in text else ""


def questions_for(name: str, number: str, n: int = 2) -> list[dict[str, Any]]:
    """`n` answerable questions of the shared evaluation set about one document: its first
    and its last (by id), so that no question was picked for how it is answered."""
    lines = (EVAL / "qa_directives.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(x) for x in lines if x.strip()]
    mine = [i for i in items if not i.get("expect_abstain") and
            (i.get("doc") == name or (not i.get("doc") and number.split("/")[0] in i["question"]))]
    assert len(mine) >= n, name
    return [mine[0], mine[-1]][:n] if n == 2 else mine[:n]


def no_bot_errors(bot: Bot, since: int) -> list[str]:
    """Failed API calls (but 429s, which the flood limiter waits out) and logged errors."""
    failed = [f"{c.method}: {c.error}" for c in bot.emu.calls[since:]
              if not c.ok and not (c.error or "").startswith("Too Many Requests")]
    return failed + bot.logs.errors()


# -- files ---------------------------------------------------------------------------------------
def _fpdf() -> Any:
    return pytest.importorskip("fpdf").FPDF()


def text_pdf(text: str = "Thong bao ket qua kiem tra") -> bytes:
    pdf = _fpdf()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for i in range(30):
        pdf.cell(0, 8, f"{i + 1}. {text}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    pdf = _fpdf()
    pdf.set_encryption(owner_password="chu-so-huu", user_password="mat-khau")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Tai lieu mat")
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    pdf = _fpdf()
    pdf.add_page()
    pdf.rect(20, 20, 170, 250, style="F")  # marks like a scan: no text layer
    return bytes(pdf.output())


def zip_bomb_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>" + " " * 30_000_000)
    return buf.getvalue()


def small_documents(tmp: Path) -> list[tuple[str, bytes]]:
    """Small documents of every kind (.md, .docx, .pdf) that no test needs for their content;
    then two small laws and the seven public documents, should more be needed."""
    from retrieval.dev import docgen

    docs = [(p.name, p.read_bytes()) for p in sorted(FIXTURES.glob("*.md")) if p not in (CONG_VAN_610, KE_HOACH_41)]
    docs.append(("ke-hoach-12.md", docgen.KE_HOACH.encode()))
    docx_path = tmp / "cong-van-34.docx"
    docgen.write_docx(docx_path)
    docs.append((docx_path.name, docx_path.read_bytes()))
    if docgen.have_fonts():
        pdf_path = tmp / "thong-bao-56.pdf"
        docgen.write_pdf(pdf_path)
        docs.append((pdf_path.name, pdf_path.read_bytes()))
    docs += [(n, (LAWS / n).read_bytes()) for n in SMALL_LAWS if (LAWS / n).exists()]
    docs += [(n, (DIRECTIVES / n).read_bytes()) for n in SEVEN if (DIRECTIVES / n).exists()]
    return docs


def fresh(bot: Bot, docs: list[tuple[str, bytes]], n: int) -> list[tuple[str, bytes]]:
    """The first `n` of `docs` that adding would neither refuse (same bytes) nor make a new
    version of a document in force (same number): documents new to the corpus."""
    out: list[tuple[str, bytes]] = []
    stored = {i.checksum for i in bot.corpus.all()}
    taken: set[str] = set()
    for name, data in docs:
        if len(out) == n:
            break
        if checksum(data) in stored:
            continue
        p = bot.corpus.prepare(name, data)  # reads only; nothing is stored
        number = getattr(p.document, "number", "") or ""
        if p.duplicate is None and p.replaces is None and number not in taken:
            out.append((name, data))
            taken.add(number)
    return out


# == 1. the seven public documents, uploaded one after another =====================================
async def upload_the_seven(bot: Bot) -> None:
    need_shared(DIRECTIVES)
    need_shared(EVAL / "qa_directives.jsonl")
    _user, chat = bot.chat(ADMIN)
    start = len(bot.emu.calls)
    t_start = time.monotonic()
    timings = []
    for name, (kind, number) in SEVEN.items():
        t0 = time.monotonic()
        data = (DIRECTIVES / name).read_bytes()
        before = bot.corpus.latest_version()[0]
        sent = await send_file(bot, ADMIN, name, data)
        # one status message, edited into the preview
        assert sent.status is not None, sent.text
        assert sent.status.result["text"].startswith(f"Đang đọc {name}")
        assert downloads(bot, sent), "the file was not fetched from Telegram"
        preview = sent.text
        assert sent.outcome.result["message_id"] == sent.status.result["message_id"]
        assert "Xem trước văn bản" in preview, preview
        assert f"Loại: {kind}" in preview and f"Số, ký hiệu: {number}" in preview, preview
        assert "Nhiệm vụ tìm thấy" in preview and re.search(r"^• .+: \d+ nhiệm vụ", preview, re.M), preview
        assert sorted(sent.buttons.values()) == ["✅ Thêm vào kho", "✖ Hủy"]
        assert {d.rpartition(":")[2] for d in sent.buttons} == {"ok", "no"}
        assert bot.corpus.latest_version()[0] == before, "a preview stores nothing"
        # "Thêm vào kho": the same message, through "Đang lập chỉ mục…", to "Xong"
        texts = await confirm(bot, ADMIN, sent)
        assert any(t.startswith("Đang lập chỉ mục") for t in texts[:-1]), texts
        done = texts[-1]
        assert done.startswith("Xong") and number in done and "có thể hỏi ngay" in done, done
        version = bot.corpus.latest_version()[0]
        assert version > before and f"phiên bản {version}" in done
        assert [i for i in bot.corpus.current() if i.number == number], number
        assert bot.dialogue.engine.version == version  # the live index follows, no restart
        # "typing…" while it was read and indexed
        assert [c for c in bot.emu.calls[sent.since:] if c.method == "sendChatAction" and
                c.params.get("action") == "typing" and int(c.params["chat_id"]) == chat["id"]]
        # questions about it, at once, each from its own chat: answered from it, cited
        items = questions_for(name, number)
        answers = await asyncio.gather(*(ask(bot, i["question"]) for i in items))
        for item, answer in zip(items, answers):
            assert has_facts(answer, item["must_include"]), (item["id"], item["must_include"], answer[:400])
            assert fold(number) in fold(answer), (item["id"], number, answer[:400])
        timings.append((name, round(time.monotonic() - t0, 1)))
    assert not no_bot_errors(bot, start), no_bot_errors(bot, start)
    print(f"seven uploads in {time.monotonic() - t_start:.1f}s: {timings}")


@pytest.mark.slow
async def test_admin_uploads_the_seven_documents_and_they_answer_at_once(bot: Bot):
    await upload_the_seven(bot)


@pytest.mark.slow
async def test_admin_uploads_the_seven_documents_on_postgresql(pg_bot: Bot):
    await upload_the_seven(pg_bot)
    statuses = {i.number: i.status for i in pg_bot.corpus.all()}
    assert all(statuses[number] == "current" for _, number in SEVEN.values())


# == 2. notices to the chats following a unit =========================================================
@pytest.mark.slow
async def test_followers_of_a_unit_are_told_of_its_new_duties_even_through_429(bot: Bot):
    noi_vu, y_te, cong_an = SUBSCRIBERS[:3]
    for uid, unit in ((noi_vu, "Sở Nội vụ"), (y_te, "Sở Y tế"), (cong_an, "Công an tỉnh")):
        reply = await command(bot, uid, f"/theodoi {unit}")
        text = reply.result["text"]
        assert unit in text and ("Đã đăng ký" in text or "đã theo dõi" in text), text
    sent = await send_file(bot, ADMIN, CONG_VAN_610.name, CONG_VAN_610.read_bytes())
    assert "610/UBND-NC" in sent.text
    since = len(bot.emu.calls)
    bot.emu.flood(count=2, retry_after=1, chat_id=y_te)  # Telegram says "wait" twice to this chat
    texts = await confirm(bot, ADMIN, sent)
    assert texts[-1].startswith("Xong"), texts

    (nv,) = await bot.emu.replies(noi_vu, since, 1, 60)
    (yt,) = await bot.emu.replies(y_te, since, 1, 60)  # waited out and retried, not dropped
    text = nv.result["text"]
    assert text.startswith(NOTICE_HEAD) and "Sở Nội vụ" in text, text
    assert "31/01/2026" in text and "Bộ Nội vụ" in text, text  # its own duty, with its deadline
    assert "Nguồn:" in text and "610/UBND-NC" in text, text
    text = yt.result["text"]
    assert text.startswith(NOTICE_HEAD) and "Sở Y tế" in text, text
    assert "20/01/2026" in text and "610/UBND-NC" in text, text  # the duty of the sở it belongs to
    assert [c for c in bot.emu.too_many(since) if int(c.params["chat_id"]) == y_te], "no 429 was injected"
    await bot.emu.quiet(2)
    assert len(bot.emu.sent(y_te, since=since)) == 1, "a notice retried twice"
    assert not bot.emu.sent(cong_an, since=since), "a unit the document gives nothing was told"
    assert not no_bot_errors(bot, since), no_bot_errors(bot, since)


# == 3. who may not upload, where nothing is previewed ==================================================
async def test_only_an_admin_in_a_private_chat_gets_a_preview(bot: Bot):
    data = KE_HOACH_41.read_bytes()
    before, version = bot.current(), bot.corpus.latest_version()
    since = len(bot.emu.calls)

    refused = await send_file(bot, USER, KE_HOACH_41.name, data)
    assert refused.status is None and refused.text == UPLOAD_ADMIN_ONLY and not refused.buttons
    stranger = await send_file(bot, STRANGER, KE_HOACH_41.name, data)
    assert stranger.status is None and stranger.text == REFUSAL

    # in a group: a file shared among people is not for the bot; one addressed to it is not
    # previewed there either (documents are added in a private chat)
    admin = bot.chat(ADMIN)[0]
    group = bot.emu.group_chat(GROUP)
    mark = len(bot.emu.calls)
    await bot.emu.send_document(admin, group, KE_HOACH_41.name, data, MIME[".md"])
    f = bot.emu.store_file(KE_HOACH_41.name, data, MIME[".md"])
    mention = f"@{bot.emu.bot_username}"
    msg = bot.emu._message(admin, group, caption=f"{mention} thêm văn bản này", caption_entities=[
        {"type": "mention", "offset": 0, "length": len(mention)}], document={
        "file_id": f.file_id, "file_unique_id": f.file_unique_id, "file_name": f.file_name,
        "mime_type": f.mime_type, "file_size": len(f.data)})
    await bot.emu._push({"message": msg})
    (group_reply,) = await bot.emu.replies(GROUP, mark, 1, 30)
    assert group_reply.result["text"] == UPLOAD_PRIVATE_ONLY
    await bot.emu.quiet(1.5)
    assert len(bot.emu.sent(GROUP, since=mark)) == 1  # nothing for the file shared among people

    # a forged "Thêm vào kho" from someone who is not an admin
    user = bot.chat(USER)[0]
    mark = len(bot.emu.calls)
    await bot.emu.press(user, refused.outcome.result, "up:forged:ok")
    answered = await bot.emu.wait_for(lambda: [c for c in bot.emu.calls[mark:] if c.method == "answerCallbackQuery"])
    assert answered[0].params.get("text") == ADMIN_ONLY

    fetched = [c for c in bot.emu.calls[since:] if c.method in ("getFile", "download")]
    assert not fetched, "a refused file was downloaded"
    assert not [c for c in bot.emu.calls[since:] if c.method == "sendMessage" and
                str(c.params.get("text", "")).startswith("Đang đọc")]
    assert bot.current() == before and bot.corpus.latest_version() == version
    assert not no_bot_errors(bot, since), no_bot_errors(bot, since)


# == 4. bad files =========================================================================================
async def test_bad_files_are_refused_with_their_reason_and_change_nothing(bot: Bot):
    bad: list[tuple[str, bytes, str, list[str]]] = [
        # name, bytes, mime, what the message says (any of the words in each entry)
        ("ban-chup-rat-lon.pdf", b"%PDF-1.4\n" + bytes(21 * 1024 * 1024), "application/pdf", ["20 MB"]),
        ("cai-dat.exe", b"MZ\x90\x00\x03" + bytes(2000), "application/x-msdownload",
         ["không phải loại văn bản", ".docx"]),
        ("anh-chup.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(2000), "image/jpeg", ["không phải loại văn bản"]),
        ("hong.docx", b"PK\x03\x04 this is not really a zip", MIME[".docx"], ["Không đọc được", "hong.docx"]),
        ("bom.docx", zip_bomb_docx(), MIME[".docx"], ["Không đọc được", "zip bomb"]),
        ("mat.pdf", encrypted_pdf(), MIME[".pdf"], ["Không đọc được", "mật khẩu"]),
        ("hong.pdf", text_pdf()[:700], MIME[".pdf"], ["Không đọc được", "hong.pdf"]),
        ("ban-quet.pdf", scanned_pdf(), MIME[".pdf"], ["Không đọc được", "OCR"]),
        ("rong.md", b"", MIME[".md"], ["Không đọc được", "rỗng"]),
        (SEED.name, SEED.read_bytes(), MIME[".md"], ["đã có trong kho"]),
    ]
    cancelled = FIXTURES / "to-trinh-so-noi-vu-2025.md"
    before_answers = await asyncio.gather(*(ask(bot, q) for q in SEED_QUESTIONS))
    before, version = bot.current(), bot.corpus.latest_version()
    generation = bot.dialogue.engine.generation
    since = len(bot.emu.calls)

    # all at once, each from an admin's own chat
    outcomes = await asyncio.gather(*(send_file(bot, uid, name, data, mime)
                                      for uid, (name, data, mime, _) in zip(OTHER_ADMINS, bad)))
    problems: list[tuple[str, object, object]] = []
    for (name, _data, _mime, words), sent in zip(bad, outcomes):
        if not all(fold(w) in fold(sent.text) for w in words):
            problems.append((name, words, sent.text))
        if any(d.startswith("up:") for d in sent.buttons):
            problems.append((name, "offered to add", sent.buttons))
    assert not problems, problems
    # too big or not a document: refused from what Telegram said of the file, not downloaded
    for (name, *_), sent in zip(bad[:3], outcomes[:3]):
        assert sent.status is None, name
        assert not downloads(bot, sent), name
    for (name, *_), sent in zip(bad[3:], outcomes[3:]):
        assert sent.status is not None and sent.outcome.result["message_id"] == sent.status.result["message_id"], name

    # a good file, previewed, then "Hủy"
    sent = await send_file(bot, ADMIN, cancelled.name, cancelled.read_bytes())
    assert "412/TTr-SNV" in sent.text
    user, chat = bot.chat(ADMIN)
    mark = len(bot.emu.calls)
    await bot.emu.press(user, sent.status.result if sent.status else sent.outcome.result, f"up:{sent.token}:no")
    (gone,) = await bot.emu.wait_for(lambda: edits_of(bot.emu, chat["id"], sent.outcome.result["message_id"], mark))
    assert "Đã hủy" in gone.result["text"] and not buttons(gone)

    assert bot.current() == before and bot.corpus.latest_version() == version
    assert bot.dialogue.engine.generation == generation  # the served index was not touched
    after_answers = await asyncio.gather(*(ask(bot, q) for q in SEED_QUESTIONS))
    assert after_answers == before_answers
    assert not no_bot_errors(bot, since), no_bot_errors(bot, since)


# == 4b. a scanned PDF ====================================================================================
@pytest.mark.slow
async def test_a_scanned_pdf_is_read_by_ocr_with_its_progress_and_the_words_to_check(bot: Bot, tmp_path, monkeypatch):
    """The status message follows the OCR page by page, the preview says the file was read by
    OCR and lists the words the engine was unsure of; "Hủy" changes nothing."""
    from scans import need_ocr, scanned_copy

    from bot import handlers
    from retrieval.documents.readers import reading
    from retrieval.documents.readers.ocr import duration_text, estimate_seconds

    need_shared(DIRECTIVES / "cong-van-hoa-toc-2026.pdf")
    need_ocr()
    monkeypatch.setattr(handlers, "STATUS_EVERY", 0.0)  # every page's edit, not one in three seconds
    scan = scanned_copy(DIRECTIVES / "cong-van-hoa-toc-2026.pdf", tmp_path / "cong-van-ban-quet.pdf")
    data = scan.read_bytes()
    before, version = bot.current(), bot.corpus.latest_version()
    since = len(bot.emu.calls)
    sent = await send_file(bot, ADMIN, scan.name, data, timeout=180)
    assert sent.status is not None
    statuses = [e.result["text"] for e in edits_of(bot.emu, ADMIN, sent.status.result["message_id"], since)]
    when = duration_text(estimate_seconds(2))
    assert statuses[0] == f"Tệp {scan.name} là bản quét: đang nhận dạng chữ 2 trang (khoảng {when})…", statuses
    assert "Đang nhận dạng chữ: trang 2/2" in statuses and statuses[-1] == sent.text, statuses
    preview = sent.text
    assert "Xem trước văn bản" in preview and "Số, ký hiệu: 1456/UBND-KGVX" in preview, preview
    assert "Văn bản được đọc từ bản quét bằng nhận dạng chữ (OCR), trang 1–2" in preview, preview
    with reading() as read:  # the same bytes read again: the words the preview must list
        bot.corpus.prepare(scan.name, data)
    if read.unsure_words:
        listed = preview.split(f"Từ máy đọc chưa chắc ({len(read.unsure_words)}): ", 1)[1].split("\n")[0]
        assert listed.startswith(", ".join(read.unsure_words[:12])), (listed, read.unsure_words)
    else:
        assert "chưa chắc" not in preview
    user, chat = bot.chat(ADMIN)
    mark = len(bot.emu.calls)
    await bot.emu.press(user, sent.status.result, f"up:{sent.token}:no")
    (gone,) = await bot.emu.wait_for(lambda: edits_of(bot.emu, chat["id"], sent.status.result["message_id"], mark))
    assert "Đã hủy" in gone.result["text"]
    assert bot.current() == before and bot.corpus.latest_version() == version
    assert not no_bot_errors(bot, since), no_bot_errors(bot, since)


# == 5. a new version, a removal, the history ============================================================
@pytest.mark.slow
async def test_new_version_supersedes_the_old_then_removal_and_history(bot: Bot):
    original = KE_HOACH_41.read_text(encoding="utf-8")
    assert "25/6/2026" in original
    question = ("Theo Kế hoạch 41/KH-UBND, Sở Khoa học và Công nghệ định kỳ 6 tháng tổng hợp, báo cáo UBND tỉnh "
                "trước ngày nào?")
    unnamed = ("Sở Khoa học và Công nghệ tổng hợp, báo cáo UBND tỉnh kết quả chuyển đổi số trong giải quyết TTHC "
               "năm 2026 trước ngày nào?")
    since = len(bot.emu.calls)

    await add(bot, KE_HOACH_41.name, original.encode())
    (old,) = [i for i in bot.corpus.current() if i.number == "41/KH-UBND"]
    answer = await ask(bot, question)
    assert "25/6/2026" in answer and "41/KH-UBND" in citation(answer), answer

    # the same number, one deadline changed: previewed as its new version
    edited = original.replace("25/6/2026", "30/6/2026")
    sent = await send_file(bot, ADMIN, KE_HOACH_41.name, edited.encode())
    assert "bản mới của" in sent.text and "41/KH-UBND" in sent.text and "đánh dấu đã thay thế" in sent.text, sent.text
    texts = await confirm(bot, ADMIN, sent)
    assert texts[-1].startswith("Xong") and old.doc_id in texts[-1] and "đã được thay thế" in texts[-1], texts
    rows = {i.doc_id: i for i in bot.corpus.all()}
    (new,) = [i for i in bot.corpus.current() if i.number == "41/KH-UBND"]
    assert new.doc_id != old.doc_id
    assert rows[old.doc_id].status == "superseded" and rows[old.doc_id].superseded_by == new.doc_id
    assert rows[new.doc_id].status == "current"
    answer = await ask(bot, question)
    assert "30/6/2026" in answer and "25/6/2026" not in answer, answer

    # removal: not by a user; by the admin, after a confirmation with a button
    refused = await command(bot, USER, "/vanban xoa 41/KH-UBND")
    assert refused.result["text"] == ADMIN_ONLY
    assert rows[new.doc_id].status == bot.corpus.get(new.doc_id).status == "current"  # type: ignore[union-attr]
    ask_remove = await command(bot, ADMIN, "/vanban xoa 41/KH-UBND")
    assert "Xóa" in ask_remove.result["text"] and "41/KH-UBND" in ask_remove.result["text"], ask_remove.result["text"]
    rm = [d for d in buttons(ask_remove) if d.startswith("rm:") and d.endswith(":ok")]
    assert rm == [f"rm:{new.doc_id}:ok"], buttons(ask_remove)
    assert "rm::no" in buttons(ask_remove)
    user, chat = bot.chat(ADMIN)
    mark = len(bot.emu.calls)
    await bot.emu.press(user, ask_remove.result, rm[0])
    mid = ask_remove.result["message_id"]
    (removed,) = await bot.emu.wait_for(lambda: edits_of(bot.emu, chat["id"], mid, mark), 120)
    version = bot.corpus.latest_version()[0]
    assert "Đã xóa" in removed.result["text"] and f"phiên bản {version}" in removed.result["text"]
    assert bot.corpus.get(new.doc_id).status == "removed"  # type: ignore[union-attr]
    assert not [i for i in bot.corpus.current() if i.number == "41/KH-UBND"]
    assert bot.dialogue.engine.version == version
    for q in (question, unnamed):
        answer = await ask(bot, q)
        assert "41/KH-UBND" not in citation(answer) and "30/6/2026" not in answer, answer

    # the history: each change, what it was, who made it
    history = (await command(bot, USER, "/vanban lichsu")).result["text"]
    assert history.startswith("Lịch sử kho văn bản"), history
    lines = [x for x in history.splitlines() if "41/KH-UBND" in x]
    by = f"(bởi {ADMIN_NAME} ({ADMIN}))"
    for verb, count in (("xóa", 1), ("thay bằng bản mới", 1), ("thêm", 2)):
        mine = [x for x in lines if f"— {verb}:" in x]
        assert len(mine) == count and all(x.endswith(by) for x in mine), (verb, history)
    assert history.index("— xóa:") < history.index("— thay bằng bản mới:")  # newest first

    # removed by mistake: the same file sent again is previewed and added back (not "đã có")
    sent = await send_file(bot, ADMIN, KE_HOACH_41.name, edited.encode())
    assert "đã có" not in sent.text and "41/KH-UBND" in sent.text and sent.token, sent.text
    texts = await confirm(bot, ADMIN, sent)
    assert texts[-1].startswith("Xong"), texts
    (back,) = [i for i in bot.corpus.current() if i.number == "41/KH-UBND"]
    assert back.doc_id != new.doc_id and back.checksum == new.checksum
    answer = await ask(bot, question)
    assert "30/6/2026" in answer and "41/KH-UBND" in citation(answer), answer
    assert not no_bot_errors(bot, since), no_bot_errors(bot, since)


# == 7. two confirmations at once ============================================================================
@pytest.mark.slow
async def test_two_uploads_confirmed_at_once_are_both_added_one_after_the_other(bot: Bot, tmp_path):
    docs = fresh(bot, small_documents(tmp_path), 2)
    assert len(docs) == 2
    since = len(bot.emu.calls)
    sents = [await send_file(bot, uid, name, data) for uid, (name, data) in zip((ADMIN, OTHER_ADMINS[0]), docs)]
    version = bot.corpus.latest_version()[0]
    # both pressed before either is done
    await asyncio.gather(*(confirm(bot, uid, s) for uid, s in zip((ADMIN, OTHER_ADMINS[0]), sents)))
    finals = []
    for uid, s in zip((ADMIN, OTHER_ADMINS[0]), sents):
        assert s.status is not None
        finals.append(edits_of(bot.emu, uid, s.status.result["message_id"], since)[-1].result["text"])
    versions = sorted(int(m.group(1)) for t in finals for m in [re.search(r"phiên bản (\d+)", t)] if m)
    assert all(t.startswith("Xong") for t in finals), finals
    assert versions == [version + 1, version + 2], finals  # one after the other, each its own version
    assert bot.corpus.latest_version()[0] == version + 2 == bot.dialogue.engine.version
    served = bot.dialogue.engine.assistant.documents
    added = [i for i in bot.corpus.current() if i.filename in {n for n, _ in docs}]
    assert len(added) == 2 and all(i.doc_id in served for i in added)
    assert not no_bot_errors(bot, since), no_bot_errors(bot, since)


# == 6. /vanban: a type filter, pages ========================================================================
@pytest.mark.slow
async def test_vanban_lists_by_type_and_pages_with_buttons(bot: Bot, tmp_path):
    # more than a page of documents in force (the tests above added most of them)
    candidates = small_documents(tmp_path)
    plans_missing = 2 - len([i for i in bot.corpus.current() if i.kind == "Kế hoạch"])  # a list to filter
    for name, data in fresh(bot, [d for d in candidates if d[0].startswith("ke-hoach")], max(0, plans_missing)):
        await add(bot, name, data)
    for name, data in fresh(bot, candidates, max(0, PAGE_SIZE + 1 - len(bot.corpus.current()))):
        await add(bot, name, data)
    current = bot.corpus.current()
    assert len(current) > PAGE_SIZE
    pages = (len(current) + PAGE_SIZE - 1) // PAGE_SIZE
    since = len(bot.emu.calls)

    first = await command(bot, USER, "/vanban")
    text = first.result["text"]
    assert f"Văn bản đang dùng ({len(current)})" in text and f"Trang 1/{pages}" in text, text
    numbered = re.findall(r"^(\d+)\. ", text, re.M)
    assert numbered == [str(i) for i in range(1, PAGE_SIZE + 1)], text
    assert buttons(first) == {"vb:1:": "Sau ▶"}
    user, chat = bot.chat(USER)
    mark = len(bot.emu.calls)
    await bot.emu.press(user, first.result, "vb:1:")
    (second,) = await bot.emu.wait_for(lambda: edits_of(bot.emu, chat["id"], first.result["message_id"], mark))
    text2 = second.result["text"]
    assert f"Trang 2/{pages}" in text2, text2
    numbered2 = re.findall(r"^(\d+)\. ", text2, re.M)
    assert numbered2 and numbered2[0] == str(PAGE_SIZE + 1), text2
    assert buttons(second).get("vb:0:") == "◀ Trước" and (pages > 2) == ("vb:2:" in buttons(second))
    listed = re.findall(r"^\d+\. (.+)$", text, re.M) + re.findall(r"^\d+\. (.+)$", text2, re.M)
    assert len(set(listed)) == len(listed) == min(len(current), 2 * PAGE_SIZE)

    plans = [i for i in current if i.kind == "Kế hoạch"]
    filtered = await command(bot, USER, "/vanban kế hoạch")
    text = filtered.result["text"]
    assert f"Văn bản đang dùng ({len(plans)})" in text and "lọc: kế hoạch" in text, text
    items = re.findall(r"^\d+\. (.+)$", text, re.M)
    assert len(items) == min(len(plans), PAGE_SIZE) and all(x.startswith("Kế hoạch") for x in items), text
    assert all(i.number in text for i in plans[:PAGE_SIZE] if i.number and not i.number.startswith("/"))
    assert not no_bot_errors(bot, since), no_bot_errors(bot, since)
