"""Replicas: real `python -m bot` processes sharing one PostgreSQL database, over real HTTP
against the Bot API emulator. A document an admin adds through one process is answered by
the other within seconds (the other keeps answering while it switches index); a fresh
replica builds its index from the database alone without embedding anything; a process
killed in the middle of an add, or while indexing, comes back with its index and the
database agreeing; a database that is down at start leaves the files' index serving.

Every process runs with its own INDEX_DIR and embedding cache, INDEX_SYNC_SECONDS=1 and
POLL_TIMEOUT=1; its stdout and stderr go to files, printed when a test fails."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest
import pytest_asyncio
from conftest import DIRECTIVES, LAWS, ROOT, TEST_EMBEDDER, drop_schema, need_shared, pg_available, pg_schema_url

from tests.telegram_emulator import Call, Emulator

pytestmark = [pytest.mark.slow, pytest.mark.asyncio(loop_scope="session")]

ADMIN = 1
USERS = list(range(2, 12))
SEED_QUESTION = "Phiên họp thứ 8 của Ban Chỉ đạo cải cách hành chính của Chính phủ được tổ chức vào ngày nào?"
SEED_FACT = "15/7/2024"
PLAN = DIRECTIVES / "ke-hoach-khao-sat-hai-long-2025.md"  # "Số: 68/KH-UBND"
PLAN_ID = "ke-hoach-khao-sat-hai-long-2025"
PLAN_NUMBER = "68/KH-UBND"
PLAN_QUESTION = "SNV phải báo cáo UBND tỉnh kết quả khảo sát sự hài lòng năm 2025 trước ngày nào?"
PLAN_FACT = "15/11/2025"
LAW = LAWS / "luat-thanh-nien.md"  # 177 passages: seconds of embedding, time enough to be killed in
LAW_ID = "luat-thanh-nien"
LAW_QUESTION = "Theo Luật Thanh niên, thanh niên là công dân Việt Nam trong độ tuổi nào?"
LAW_FACT = "30 tuổi"
FAILED = "Xin lỗi, đã có lỗi"
NOT_ALLOWED = "bạn chưa được cấp quyền"
START_TIMEOUT = 240.0  # a start on a busy machine: imports, the model, the database, an index to follow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def need_pg() -> None:
    why = pg_available()
    if why:
        pytest.skip(f"replica tests need PostgreSQL: {why}")


# -- one bot process ---------------------------------------------------------------------------
@dataclass
class BotProcess:
    name: str
    proc: asyncio.subprocess.Process
    out_path: Path
    err_path: Path
    files: list[IO[bytes]]
    index_dir: Path

    @property
    def pid(self) -> int:
        return self.proc.pid

    def log(self) -> str:
        parts = []
        for p in (self.out_path, self.err_path):
            with contextlib.suppress(OSError):
                parts.append(p.read_text(encoding="utf-8", errors="replace"))
        return "\n".join(parts)

    def running(self) -> bool:
        return self.proc.returncode is None

    async def stop(self, timeout: float = 30) -> int:
        """SIGTERM, as a deployment stops it; SIGKILL when it does not stop in time."""
        if self.running():
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), timeout)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        self._close_files()
        return int(self.proc.returncode or 0)

    async def kill(self) -> None:
        if self.running():
            os.kill(self.proc.pid, signal.SIGKILL)
        await asyncio.wait_for(self.proc.wait(), 30)
        self._close_files()

    def _close_files(self) -> None:
        for f in self.files:
            with contextlib.suppress(OSError):
                f.close()

    async def until(self, ready: Any, what: str, timeout: float = START_TIMEOUT) -> None:
        """Wait until `ready()` is truthy; fail at once (with the log) if the process exits."""
        deadline = time.monotonic() + timeout
        while not ready():
            if not self.running():
                raise AssertionError(f"{self.name} exited with {self.proc.returncode} before {what}:\n"
                                     f"{self.log()[-4000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}: no {what} after {timeout:.0f}s:\n{self.log()[-4000:]}")
            await asyncio.sleep(0.1)


async def _listening(port: int) -> bool:
    try:
        _, w = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return False
    w.close()
    return True


# -- the processes, emulators, databases and directories of one test ---------------------------
@dataclass
class Cluster:
    tmp: Path
    seed_index: Path
    embed_cache: Path
    procs: list[BotProcess] = field(default_factory=list)
    emulators: list[Emulator] = field(default_factory=list)
    schemas: list[str] = field(default_factory=list)
    disposables: list[Any] = field(default_factory=list)

    def database(self) -> str:
        need_pg()
        schema, url = pg_schema_url()
        self.schemas.append(schema)
        return url

    def store(self, url: str):  # type: ignore[no-untyped-def]
        import bot.storage  # noqa: F401  (the chat tables too, as the bot creates them)
        from retrieval.store.corpus import CorpusStore

        store = CorpusStore(url)
        self.disposables.append(store)
        return store

    def index_copy(self, name: str) -> Path:
        """A private copy of the session's seed-only index (the bot may write over it)."""
        out = self.tmp / name / "index"
        shutil.copytree(self.seed_index, out)
        return out

    def cache_copy(self, name: str) -> Path:
        out = self.tmp / name / "embeddings.sqlite"
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(self.embed_cache, out)
        return out

    async def emulator(self, name: str) -> Emulator:
        emu = Emulator(f"{7000 + len(self.emulators)}:AAH-replica-{name}-token")
        await emu.start()
        self.emulators.append(emu)
        return emu

    async def start(self, name: str, emu: Emulator, database_url: str, index_dir: Path, embed_cache: Path,
                    webhook_port: int | None = None, **extra: str) -> BotProcess:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("TELEGRAM_", "ALLOWED_", "ADMIN_", "WEBHOOK_"))}
        env.update(
            PYTHONIOENCODING="utf-8", PYTHONUNBUFFERED="1", EMBEDDER=TEST_EMBEDDER,
            INDEX_DIR=str(index_dir), CORPUS_DIRS=str(ROOT / "corpus"), DATABASE_URL=database_url,
            OUTBOX_PATH=str(self.tmp / name / "outbox.jsonl"), EMBED_CACHE=str(embed_cache),
            TELEGRAM_BOT_TOKEN=emu.token, TELEGRAM_API_URL=emu.base_url, TELEGRAM_FILE_URL=emu.file_url,
            ADMIN_USER_IDS=str(ADMIN), ALLOWED_USER_IDS=",".join(map(str, [ADMIN, *USERS])),
            POLL_TIMEOUT="1", INDEX_SYNC_SECONDS="1", DOCUMENT_STORE="1",
        )
        if webhook_port is not None:
            env.update(WEBHOOK_URL=f"http://127.0.0.1:{webhook_port}/telegram/{name}", WEBHOOK_LISTEN="127.0.0.1",
                       WEBHOOK_PORT=str(webhook_port), WEBHOOK_SECRET=f"replica-{name}-hook-secret")
        env.update(extra)
        (self.tmp / name).mkdir(parents=True, exist_ok=True)
        n = sum(1 for p in self.procs if p.name == name)
        out_path, err_path = self.tmp / name / f"stdout-{n}.log", self.tmp / name / f"stderr-{n}.log"
        out, err = out_path.open("wb"), err_path.open("wb")
        since = len(emu.calls)  # the emulator may have served an earlier process
        proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=ROOT, env=env,
                                                    stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=err)
        bp = BotProcess(name, proc, out_path, err_path, [out, err], index_dir)
        self.procs.append(bp)
        # ready: polling (getUpdates) or, in webhook mode, the webhook set and its server listening
        if webhook_port is None:
            await bp.until(lambda: any(c.method == "getUpdates" for c in emu.calls[since:]), "getUpdates")
        else:
            await bp.until(lambda: any(c.method == "setWebhook" and c.ok for c in emu.calls[since:]), "setWebhook")
            deadline = time.monotonic() + 30
            while not await _listening(webhook_port):
                assert time.monotonic() < deadline, f"{name}: nothing listens on {webhook_port}"
                await asyncio.sleep(0.05)
        return bp

    def dump(self) -> None:
        for p in self.procs:
            print(f"\n===== {p.name} (pid {p.pid}, exit {p.proc.returncode}) =====\n{p.log()[-6000:]}")

    @contextlib.asynccontextmanager
    async def explain(self) -> AsyncIterator[None]:
        """The processes' logs printed when the block fails (pytest shows them with the failure)."""
        try:
            yield
        except BaseException:
            self.dump()
            raise

    async def close(self) -> None:
        for p in self.procs:  # no process outlives its test
            if p.running():
                with contextlib.suppress(ProcessLookupError):
                    p.proc.kill()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(p.proc.wait(), 30)
            p._close_files()
        for emu in self.emulators:
            await emu.stop()
        for d in self.disposables:
            d.dispose()
        for schema in self.schemas:
            drop_schema(schema)


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory, embedder, embed_cache, directive_index) -> Path:
    """A copy of the session's embedding cache (filled by `directive_index`) with the plan's
    passages in it (embedded once here, not in every process that adds it); the law's are
    left out on purpose."""
    from retrieval.documents.ingest import load_document
    from retrieval.documents.passages import chunk_document
    from retrieval.embedding.embedder import EmbeddingCache, embed_with_cache

    need_shared(PLAN)
    out = tmp_path_factory.mktemp("replica-cache") / "embeddings.sqlite"
    shutil.copy(embed_cache, out)
    cache = EmbeddingCache(out)
    try:
        embed_with_cache(embedder, [c.dense_text() for c in chunk_document(load_document(PLAN))], cache)
    finally:
        cache.close()
    return out


@pytest.fixture
def pg() -> None:
    """Skip at once (before any index or process is made) when PostgreSQL is not reachable."""
    need_pg()


@pytest_asyncio.fixture(loop_scope="session")
async def cluster(tmp_path, directive_index, warm_cache) -> AsyncIterator[Cluster]:
    c = Cluster(tmp_path, directive_index, warm_cache)
    try:
        yield c
    finally:
        await c.close()


# -- acting as users ------------------------------------------------------------------------------
def chat_of(emu: Emulator, user_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
    user = emu.user(user_id, f"Cán bộ {user_id}")
    return user, emu.private_chat(user)


async def ask(emu: Emulator, user_id: int, question: str, timeout: float = 90) -> str:
    user, chat = chat_of(emu, user_id)
    since = len(emu.calls)
    await emu.send_text(user, chat, question)
    (reply,) = await emu.replies(chat["id"], since, 1, timeout)
    return str(reply.result["text"])


def proper(text: str, fact: str) -> bool:
    return fact in text and FAILED not in text and NOT_ALLOWED not in text


def _confirm_button(call: Call) -> str | None:
    markup = call.params.get("reply_markup") or {}
    for row in markup.get("inline_keyboard", []):
        for b in row:
            data = b.get("callback_data", "")
            if data.startswith("up:") and data.endswith(":ok"):
                return str(data)
    return None


async def upload_and_confirm(emu: Emulator, path: Path, timeout: float = 120) -> tuple[int, int]:
    """The admin sends a file and presses "Thêm vào kho" under its preview; the status
    message's (chat id, message id)."""
    user, chat = chat_of(emu, ADMIN)
    since = len(emu.calls)
    await emu.send_document(user, chat, path.name, path.read_bytes(), "text/markdown")

    def settled() -> Call | None:  # the preview, or whatever else the bot said instead ("Đang …": still reading)
        return next((c for c in emu.calls[since:] if c.ok and c.method in ("editMessageText", "sendMessage")
                     and int(c.params.get("chat_id", 0)) == chat["id"]
                     and (_confirm_button(c) or not str(c.result["text"]).startswith("Đang"))), None)

    call = await emu.wait_for(settled, timeout)
    assert _confirm_button(call), f"no preview of {path.name}: {call.result['text']}"
    key = (chat["id"], int(call.result["message_id"]))
    await emu.press(user, emu.messages[key], _confirm_button(call) or "")
    return key


def status(emu: Emulator, key: tuple[int, int]) -> str:
    return str(emu.messages.get(key, {}).get("text", ""))


def manifest(index_dir: Path) -> dict[str, Any]:
    from retrieval.index.stored import read_manifest

    return read_manifest(index_dir)


# == 1. two replicas, one database ===============================================================
async def test_a_document_added_on_one_replica_is_answered_by_the_other_without_a_failed_request(pg, cluster):
    need_shared(PLAN)
    url = cluster.database()
    emu_a, emu_b = await cluster.emulator("a"), await cluster.emulator("b")
    async with cluster.explain():
        # both at once on a new database: they create its tables and import the corpus files together
        a, b = await asyncio.gather(
            cluster.start("a", emu_a, url, cluster.index_copy("a"), cluster.cache_copy("a")),
            cluster.start("b", emu_b, url, cluster.index_copy("b"), cluster.cache_copy("b"), webhook_port=free_port(),
                          # every question retrieves (no answer cache) and none is rate limited
                          ANSWER_CACHE_SIZE="0", RATE_LIMIT_PER_MINUTE="10000"))
        assert not [c for c in emu_b.calls if c.method == "getUpdates"]  # B is on its webhook
        before = await ask(emu_b, USERS[0], PLAN_QUESTION)
        assert PLAN_NUMBER not in before and PLAN_FACT not in before  # B does not know the plan yet

        # B keeps answering about the seed document, from two chats at a time, all along
        answers: list[tuple[float, float, str]] = []
        stop = asyncio.Event()

        async def keep_asking(users: list[int]) -> None:
            i = 0
            while not stop.is_set():
                t0 = time.monotonic()
                text = await ask(emu_b, users[i % len(users)], SEED_QUESTION, timeout=60)
                answers.append((t0, time.monotonic(), text))
                i += 1

        loops = [asyncio.create_task(keep_asking(USERS[1:4])), asyncio.create_task(keep_asking(USERS[4:7]))]
        try:
            await emu_b.wait_for(lambda: len(answers) >= 2, 60)
            key = await upload_and_confirm(emu_a, PLAN)
            await emu_a.wait_for(lambda: status(emu_a, key).startswith("Xong"), 120)
            assert PLAN_NUMBER in status(emu_a, key), status(emu_a, key)
            added_at = time.monotonic()
            # B, on its own emulator and index, answers about the plan within seconds
            deadline = added_at + 20
            while True:
                text = await ask(emu_b, USERS[7], PLAN_QUESTION, timeout=30)
                if PLAN_NUMBER in text:
                    break
                assert time.monotonic() < deadline, f"B did not answer about {PLAN_NUMBER} 20 s after A:\n{text}"
                await asyncio.sleep(0.3)
            assert PLAN_FACT in text, text
            switched_at = time.monotonic()
            await emu_b.wait_for(lambda: any(t0 > switched_at for t0, _, _ in answers), 60)  # and on after it
        finally:
            stop.set()
            done = await asyncio.gather(*loops, return_exceptions=True)
        errors = [r for r in done if isinstance(r, BaseException)]
        assert not errors, errors
        bad = [t for _, _, t in answers if not proper(t, SEED_FACT)]
        assert not bad, f"{len(bad)} of {len(answers)} seed answers from B were not proper: {bad[:3]}"
        assert any(t0 < added_at for t0, _, _ in answers) and any(t0 > switched_at for t0, _, _ in answers)
        assert len(answers) >= 4
        assert not emu_b.errors(), [(c.method, c.error) for c in emu_b.errors()]
        assert not emu_a.errors(), [(c.method, c.error) for c in emu_a.errors()]
        # B followed the version A stored: its index holds what the database says is in force
        store = cluster.store(url)
        version, docs = store.latest_version()
        assert PLAN_ID in docs and len(store.all()) == 2  # the seed imported once, by one of them
        assert re.search(rf"index at version {version}: \+\['{PLAN_ID}'\]", b.log()), b.log()[-3000:]
        for p in (a, b):
            assert await p.stop() == 0, p.log()[-3000:]
            assert "Traceback" not in p.log(), p.log()[-6000:]
            # the two synced the same duties into the database together, one after the other
            assert "not synced to the database" not in p.log(), p.log()[-6000:]
            m = manifest(p.index_dir)
            assert m["document_checksums"] == docs and m["db_version"] == version


# == 2. a fresh replica from the database alone ==================================================
async def _database_with_the_plan(cluster: Cluster, embedder: Any) -> str:
    """A database as a first bot process leaves it: the corpus files imported, their vectors
    stored, the plan added and indexed (its vectors stored too)."""
    from retrieval.documents.ingest import corpus_files
    from retrieval.embedding.embedder import EmbeddingCache
    from retrieval.index.stored import load_index
    from retrieval.store.sync import follow, store_vectors

    url = cluster.database()
    store = cluster.store(url)
    store.import_files(corpus_files([ROOT / "corpus"]))
    index = load_index(cluster.index_copy("first"))
    assert store_vectors(index, store, embedder.id) > 0
    store.add(store.prepare(PLAN.name, PLAN.read_bytes()), "admin")
    local = EmbeddingCache(cluster.embed_cache)
    try:
        assert follow(index, store, embedder, local_cache=local) is not None
    finally:
        local.close()
    return url


async def test_a_fresh_replica_builds_its_index_from_the_database_without_embedding(pg, cluster, embedder):
    from conftest import run_cli

    from retrieval.answering import Assistant

    need_shared(PLAN)
    url = await _database_with_the_plan(cluster, embedder)
    store = cluster.store(url)
    version, docs = store.latest_version()
    emu = await cluster.emulator("c")
    empty = cluster.tmp / "c" / "index"
    empty.mkdir(parents=True)
    async with cluster.explain():
        # no index at all, and an empty embedding cache: every vector must come from the database
        c = await cluster.start("c", emu, url, empty, cluster.tmp / "c" / "empty-cache.sqlite")
        built = r"index built from the database at \S+: (\d+) documents, (\d+) chunks, (\d+) embedded now"
        m = re.search(built, c.log())
        assert m, c.log()[-3000:]
        assert (int(m[1]), int(m[3])) == (len(docs), 0)  # the passages' vectors all came from the database
        assert manifest(empty)["document_checksums"] == docs and manifest(empty)["db_version"] == version
        assert proper(text := await ask(emu, USERS[0], PLAN_QUESTION), PLAN_FACT) and PLAN_NUMBER in text, text
        assert proper(await ask(emu, USERS[1], SEED_QUESTION), SEED_FACT)
        assert await c.stop() == 0 and "Traceback" not in c.log(), c.log()[-4000:]

        # the same from the command line
        out = cluster.tmp / "cli" / "index"
        r = await asyncio.to_thread(run_cli, "build", "--from-db", "--index", str(out), env={
            "DATABASE_URL": url, "CORPUS_DIRS": str(ROOT / "corpus"), "EMBEDDER": TEST_EMBEDDER,
            "EMBED_CACHE": str(cluster.tmp / "cli" / "empty-cache.sqlite")})
        assert r.returncode == 0, r.stderr[-3000:]
        assert f"{len(docs)} documents" in r.stdout and " 0 newly embedded" in r.stdout, r.stdout
        assert manifest(out)["document_checksums"] == docs
        from_cli, from_bot = Assistant.open(out, embedder=embedder), Assistant.open(empty, embedder=embedder)
        for q in (PLAN_QUESTION, SEED_QUESTION):
            assert from_cli.ask(q).text == from_bot.ask(q).text
        assert PLAN_NUMBER in from_cli.ask(PLAN_QUESTION).text


# == 3. killed in the middle of an add ===========================================================
ADD_THEN_DIE = """
import os, signal, sys
from pathlib import Path
import bot.storage
from retrieval.store.corpus import CorpusStore
from retrieval.documents.ingest import corpus_files

store = CorpusStore(sys.argv[1])
store.import_files(corpus_files([Path(sys.argv[2])]))
path = Path(sys.argv[3])
change = store.add(store.prepare(path.name, path.read_bytes()), "admin")
print("added", change.version, flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # before any index follows
"""


async def test_a_process_killed_after_storing_a_document_is_repaired_on_restart(pg, cluster):
    need_shared(PLAN)
    url = cluster.database()
    script = await asyncio.create_subprocess_exec(
        sys.executable, "-c", ADD_THEN_DIE, url, str(ROOT / "corpus"), str(PLAN), cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(script.communicate(), 120)
    assert script.returncode == -signal.SIGKILL and b"added" in out, (out + err).decode()[-3000:]
    store = cluster.store(url)
    version, docs = store.latest_version()
    assert PLAN_ID in docs and store.vectors().count() == 0  # stored, never indexed anywhere
    index_dir = cluster.index_copy("r")
    assert PLAN_ID not in manifest(index_dir)["document_checksums"]
    emu = await cluster.emulator("r")
    async with cluster.explain():
        r = await cluster.start("r", emu, url, index_dir, cluster.cache_copy("r"))
        m = manifest(index_dir)  # the restart followed the stored version before it answered
        assert m["document_checksums"] == store.latest_version()[1] == docs and m["db_version"] == version
        assert proper(text := await ask(emu, USERS[0], PLAN_QUESTION), PLAN_FACT) and PLAN_NUMBER in text, text
        assert proper(await ask(emu, USERS[1], SEED_QUESTION), SEED_FACT)
        assert await r.stop() == 0 and "Traceback" not in r.log(), r.log()[-4000:]


async def test_a_process_killed_while_indexing_an_upload_comes_back_consistent(pg, cluster):
    from retrieval.index.stored import load_index

    need_shared(LAW)
    url = cluster.database()
    emu = await cluster.emulator("k")
    index_dir = cluster.index_copy("k")
    cache = cluster.cache_copy("k")
    async with cluster.explain():
        k = await cluster.start("k", emu, url, index_dir, cache)
        key = await upload_and_confirm(emu, LAW)
        await emu.wait_for(lambda: "Đang lập chỉ mục" in status(emu, key), 120)
        await k.kill()  # SIGKILL while the law's passages are being embedded
        store = cluster.store(url)
        version, docs = store.latest_version()
        assert LAW_ID in docs  # the add was committed before the index followed
        assert LAW_ID not in manifest(index_dir)["document_checksums"], "killed too late: the index was written"
        assert load_index(index_dir).manifest["documents"] == 1  # the served index is whole, not half written
        # what a kill inside the index writer leaves beside the index: a partial temporary directory
        leftover = index_dir.with_name(index_dir.name + ".tmp-99999-1")
        leftover.mkdir(exist_ok=True)
        shutil.copy(index_dir / "chunks.jsonl", leftover / "chunks.jsonl")
        (leftover / "tokens.jsonl").write_text('[["nửa', encoding="utf-8")

        k2 = await cluster.start("k", emu, url, index_dir, cache)
        m = manifest(index_dir)
        assert m["document_checksums"] == store.latest_version()[1] == docs and m["db_version"] == version
        assert load_index(index_dir).manifest["chunks"] == m["chunks"]
        assert re.search(rf"index at version {version}: \+\['{LAW_ID}'\]", k2.log()), k2.log()[-3000:]
        assert proper(text := await ask(emu, USERS[0], LAW_QUESTION), LAW_FACT), text
        assert proper(await ask(emu, USERS[1], SEED_QUESTION), SEED_FACT)
        assert await k2.stop() == 0 and "Traceback" not in k2.log(), k2.log()[-4000:]


# == 4. the database down at start ===============================================================
async def test_a_database_down_at_start_leaves_the_files_index_serving(cluster):
    need_shared(PLAN)
    closed = free_port()  # nothing listens there
    url = f"postgresql+psycopg://postgres@127.0.0.1:{closed}/test"
    emu = await cluster.emulator("d")
    async with cluster.explain():
        d = await cluster.start("d", emu, url, cluster.index_copy("d"), cluster.cache_copy("d"))
        assert proper(await ask(emu, USERS[0], SEED_QUESTION), SEED_FACT)
        user, chat = chat_of(emu, ADMIN)
        since = len(emu.calls)
        await emu.send_document(user, chat, PLAN.name, PLAN.read_bytes(), "text/markdown")
        (reply,) = await emu.replies(chat["id"], since, 1, 60)
        assert "Kho văn bản trong cơ sở dữ liệu chưa sẵn sàng" in reply.result["text"]
        assert not [c for c in emu.calls[since:] if c.method == "getFile"]  # not even downloaded
        assert proper(await ask(emu, USERS[1], SEED_QUESTION), SEED_FACT)
        log = d.log()
        # why, in the engine's own line: the connection to that port was refused
        line = next((ln for ln in log.splitlines() if "the document store is not used" in ln), "")
        assert "OperationalError" in line and f"port {closed}" in line and "refused" in line.lower(), log[-3000:]
        assert "Traceback" not in log, log[-3000:]
        assert await d.stop() == 0, d.log()[-3000:]
