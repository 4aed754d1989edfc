"""The bot never shrinks the index it was given: an index that holds documents its database
has never seen (built from more corpora than CORPUS_DIRS, a replica's own, a new database)
gets them stored, not dropped; what an admin removed stays removed across a rebuild; two
replicas on different indexes converge on the union; a document changed on both sides is
served in its newer version with one log line; the manifest says what the index holds.

Through the console (`python -m bot --console`, a real process) and the Telegram emulator,
on SQLite and on the real PostgreSQL."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DIRECTIVES, ROOT, SMALL_LAWS, need_shared, run_cli

from bot.engine import Engine
from retrieval.answering import Assistant
from retrieval.index.build import build_index, is_stale
from retrieval.index.stored import load_index
from retrieval.store.corpus import CorpusStore
from retrieval.store.reconcile import compare
from tests.test_bot_uploads import ADMIN, ask, buttons, command, edits_of, running_bot

TOKEN = "123456789:AAH-index-integrity-token"
SEVEN_NUMBERS = ["58/BC-UBND", "05/CT-UBND", "1456/UBND-KGVX", "27/KH-UBND", "68/KH-UBND", "1875/QĐ-UBND",
                 "142/TB-VP"]

pytestmark = pytest.mark.slow


def manifest(index: Path) -> dict:
    return json.loads((index / "manifest.json").read_text(encoding="utf-8"))


def copy_index(src: Path, tmp: Path, name: str = "index") -> Path:
    out = tmp / name
    shutil.copytree(src, out)
    return out


def console(index: Path, database_url: str, lines: list[str], corpus: Path = ROOT / "corpus") -> tuple[str, str]:
    """`python -m bot --console` as a user runs it: (what it printed, its log)."""
    env = dict(os.environ, INDEX_DIR=str(index), DATABASE_URL=database_url, CORPUS_DIRS=str(corpus),
               OUTBOX_PATH=str(index.parent / "outbox.jsonl"), EMBED_CACHE=str(index.parent / "cache.sqlite"))
    env.pop("TELEGRAM_BOT_TOKEN", None)
    p = subprocess.run([sys.executable, "-m", "bot", "--console"], input="".join(x + "\n" for x in lines),
                       capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert p.returncode == 0, p.stderr
    return p.stdout, p.stderr


def listed(text: str) -> int:
    m = re.search(r"Văn bản đang dùng \((\d+)\)", text)
    assert m, text
    return int(m.group(1))


# -- the issue's own commands, through the console ---------------------------------------------------------
def test_console_on_an_index_of_eight_with_a_fresh_database_answers_about_all_eight(directives_index, db_url,
                                                                                 tmp_path):
    index = copy_index(directives_index, tmp_path)
    chunks = manifest(index)["chunks"]
    out, log = console(index, db_url, ["Kế hoạch 27/KH-UBND ban hành ngày nào?", "/vanban",
                                       *[f"Văn bản {n} do ai ký?" for n in SEVEN_NUMBERS]])
    assert "12 tháng 02 năm 2026" in out or "12/2/2026" in out or "12/02/2026" in out, out
    assert listed(out) == 8
    for n in SEVEN_NUMBERS:  # every document answers with its own number as the source
        assert "Nguồn: " in out and n in out, n
    # the index on disk kept every passage; the seven were stored, each named in the log with its origin
    assert manifest(index)["chunks"] == chunks and manifest(index)["documents"] == 8
    stored = [x for x in log.splitlines() if "unknown to the store: stored from its file" in x]
    assert len(stored) == 7, log
    # a second start has nothing to settle and still serves the eight
    out2, log2 = console(index, db_url, ["/vanban"])
    assert listed(out2) == 8 and "unknown to the store" not in log2 and "left the index" not in log2
    assert manifest(index)["chunks"] == chunks


def test_the_laws_index_keeps_its_laws(law_index, db_url, tmp_path):
    need_shared(DIRECTIVES)
    index = copy_index(law_index, tmp_path)
    before = manifest(index)
    out, log = console(index, db_url, ["/vanban", "Luật Thanh niên quy định độ tuổi của thanh niên là bao nhiêu?"])
    assert listed(out) == 1 + len(SMALL_LAWS)
    assert "16" in out and "30" in out and "Luật Thanh niên" in out, out
    after = manifest(index)
    assert after["chunks"] == before["chunks"] and after["document_checksums"] == before["document_checksums"]


def test_a_document_whose_file_is_gone_is_stored_from_the_index_s_own_copy(tmp_path, embedder, embed_cache):
    need_shared(DIRECTIVES)
    corpus = tmp_path / "extra"
    corpus.mkdir()
    shutil.copy(DIRECTIVES / "ke-hoach-khao-sat-hai-long-2025.md", corpus)
    index = tmp_path / "index"
    build_index([ROOT / "corpus", corpus], index, embedder, embed_cache)
    shutil.rmtree(corpus)  # the corpus it was built from is gone
    db = f"sqlite:///{tmp_path}/a.sqlite3"
    out, log = console(index, db, ["/vanban", "Kế hoạch 68/KH-UBND do ai ký?"])
    assert listed(out) == 2 and "68/KH-UBND" in out
    assert "stored from its copy kept in the index" in log, log
    store = CorpusStore(db)
    try:
        (info,) = [i for i in store.current() if i.number == "68/KH-UBND"]
        assert store.content(info.doc_id) == (DIRECTIVES / "ke-hoach-khao-sat-hai-long-2025.md").read_bytes()
        assert info.origin == "index"
    finally:
        store.dispose()


# -- through Telegram -----------------------------------------------------------------------------------------
async def test_through_telegram_the_eight_are_answered_and_listed(tmp_path, directives_index, embedder, embed_cache,
                                                                 db_url):
    async with running_bot(tmp_path, directives_index, embedder, embed_cache, db_url) as bot:
        assert len(bot.corpus.current()) == 8
        reply = await command(bot, ADMIN, "/vanban")
        assert listed(reply.result["text"]) == 8
        answer = await ask(bot, "Kế hoạch 27/KH-UBND ban hành ngày nào?")
        assert "12 tháng 02 năm 2026" in answer and "27/KH-UBND" in answer, answer
        answer = await ask(bot, "Công văn 1456/UBND-KGVX do ai ký?")
        assert "1456/UBND-KGVX" in answer
        assert len(bot.dialogue.engine.assistant.documents) == 8


async def test_a_removed_document_stays_removed_after_a_restart_on_a_rebuilt_index(tmp_path, directives_index,
                                                                                  embedder, embed_cache, db_url):
    async with running_bot(tmp_path, directives_index, embedder, embed_cache, db_url) as bot:
        reply = await command(bot, ADMIN, "/vanban xoa 68/KH-UBND")
        (data,) = [d for d in buttons(reply) if d.startswith("rm:") and d.endswith(":ok")]
        user, chat = bot.chat(ADMIN)
        since = len(bot.emu.calls)
        await bot.emu.press(user, reply.result, data)
        (done,) = await bot.emu.wait_for(lambda: edits_of(bot.emu, chat["id"], reply.result["message_id"], since), 120)
        assert "Đã xóa" in done.result["text"]
        assert "ke-hoach-khao-sat-hai-long-2025" not in bot.dialogue.engine.assistant.documents
    # the operator rebuilds the index from the files, which still hold the plan
    index = tmp_path / "index"
    build_index([ROOT / "corpus", DIRECTIVES], index, embedder, embed_cache)
    assert "ke-hoach-khao-sat-hai-long-2025" in manifest(index)["document_checksums"]
    out, log = console(index, db_url, ["/vanban", "Kế hoạch 68/KH-UBND về khảo sát do ai ký?"],
                       corpus=tmp_path / "corpus")
    assert listed(out) == 7
    assert "ke-hoach-khao-sat-hai-long-2025" not in manifest(index)["document_checksums"]
    line = next(x for x in log.splitlines() if "ke-hoach-khao-sat-hai-long-2025" in x)
    assert "left the index" in line and "removed from the store" in line, log


# -- replicas on different indexes ------------------------------------------------------------------------------
def test_replicas_started_on_different_indexes_converge_on_the_union(tmp_path, directives_index, forms_index,
                                                                     embedder, db_url):
    a_dir, b_dir = copy_index(directives_index, tmp_path, "a"), copy_index(forms_index, tmp_path, "b")
    union = set(manifest(a_dir)["document_checksums"].values()) | set(manifest(b_dir)["document_checksums"].values())
    stores = [CorpusStore(db_url), CorpusStore(db_url)]
    try:
        a = Engine(Assistant.open(a_dir, embedder=embedder), a_dir, [ROOT / "corpus"], None)
        assert a.connect(stores[0])
        b = Engine(Assistant.open(b_dir, embedder=embedder), b_dir, [ROOT / "corpus"], None)
        assert b.connect(stores[1])  # b stores its own documents, and takes a's
        a.follow()  # a takes b's
        for e in (a, b):
            held = set(e.assistant.index.manifest["document_checksums"].values())
            assert held == union, (e.index_dir, len(held), len(union))
            assert not compare(e.assistant.index, stores[0]).differs
        assert {i.checksum for i in stores[0].current()} == union
        # and each answers about a document only the other one was built with
        assert "27/KH-UBND" in b.ask("Kế hoạch 27/KH-UBND ban hành ngày nào?").text
        fixture_numbers = [d.number for d in load_index(b_dir).documents if getattr(d, "number", "")]
        assert any(n in a.ask(f"Văn bản {n} do ai ký?").text for n in fixture_numbers if "/" in n)
    finally:
        for s in stores:
            s.dispose()


# -- a document changed on both sides -----------------------------------------------------------------------------
PLAN = """**ỦY BAN NHÂN DÂN  
TỈNH HƯNG YÊN**

Số: 91/KH-UBND

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  
Độc lập - Tự do - Hạnh phúc**

Hưng Yên, ngày {day} tháng 5 năm 2026

**KẾ HOẠCH**

**Kiểm tra công tác văn thư, lưu trữ năm 2026**

1. Sở Nội vụ chủ trì kiểm tra công tác văn thư tại các sở, hoàn thành trước ngày {due}/2026.

**KT. CHỦ TỊCH  
PHÓ CHỦ TỊCH**

**Nguyễn Văn An**
"""


@pytest.mark.parametrize("newer", ["index", "store"])
def test_a_document_changed_on_both_sides_serves_the_newer_with_one_line(tmp_path, embedder, embed_cache, caplog,
                                                                         newer):
    store_day, index_day = ("20", "25") if newer == "index" else ("25", "20")
    files, up = tmp_path / "files", tmp_path / "upload"
    files.mkdir()
    up.mkdir()
    (files / "ke-hoach-91.md").write_text(PLAN.format(day=index_day, due="30/9"), encoding="utf-8")
    (up / "ke-hoach-91.md").write_text(PLAN.format(day=store_day, due="31/10"), encoding="utf-8")
    index = tmp_path / "index"
    build_index([ROOT / "corpus", files], index, embedder, embed_cache)
    store = CorpusStore(f"sqlite:///{tmp_path}/s.sqlite3")
    try:
        store.add(store.prepare("ke-hoach-91.md", (up / "ke-hoach-91.md").read_bytes()), "admin")
        engine = Engine(Assistant.open(index, embedder=embedder), index, [ROOT / "corpus"], None)
        with caplog.at_level(logging.INFO):
            assert engine.connect(store)
        lines = [r.getMessage() for r in caplog.records if "different versions" in r.getMessage()]
        assert len(lines) == 1 and "91/KH-UBND" in lines[0] and f"the {newer}'s" in lines[0], lines
        served = engine.ask("Sở Nội vụ kiểm tra văn thư hoàn thành trước ngày nào?").text
        assert ("30/9/2026" if newer == "index" else "31/10/2026") in served, served
        # both versions are known to the store: the next start has nothing to report
        statuses = sorted(i.status for i in store.all() if i.number == "91/KH-UBND")
        assert statuses == ["current", "superseded"]
        caplog.clear()
        with caplog.at_level(logging.INFO):
            engine.follow()
        assert not [r for r in caplog.records if "different versions" in r.getMessage()]
    finally:
        store.dispose()


# -- what the manifest says, and the doctor ----------------------------------------------------------------------
def test_the_manifest_follows_every_update_and_if_stale_reads_real_content(tmp_path, directives_index, embedder):
    need_shared(DIRECTIVES)
    index = copy_index(directives_index, tmp_path)
    corpora = [ROOT / "corpus", DIRECTIVES]
    assert is_stale(index, corpora) is None
    # built from two corpora, asked about one: the other corpus's documents make it stale, named
    why = is_stale(index, [ROOT / "corpus"])
    assert why and "read from other corpora" in why and "ke-hoach-dao-tao-boi-duong-2026.docx" in why
    store = CorpusStore(f"sqlite:///{tmp_path}/m.sqlite3")
    try:
        engine = Engine(Assistant.open(index, embedder=embedder), index, [ROOT / "corpus"], None)
        assert engine.connect(store)
        doc = next(i for i in store.current() if i.number == "68/KH-UBND")
        store.remove(doc.doc_id, "admin")
        engine.follow()
        m = manifest(index)
        assert doc.doc_id not in m["document_checksums"] and doc.doc_id not in m["sources"]
        assert m["documents"] == 7 == len(m["sources"]) and m["db_version"] == store.latest_version()[0]
        # the file is still in the corpus: the index no longer holds it, and --if-stale says so
        assert is_stale(index, corpora) == "corpus changed (added: ke-hoach-khao-sat-hai-long-2025.md)"
    finally:
        store.dispose()


def test_doctor_names_each_difference_then_none(tmp_path, directives_index, forms_index):
    need_shared(DIRECTIVES)
    index = copy_index(directives_index, tmp_path)
    db = f"sqlite:///{tmp_path}/d.sqlite3"
    env = {"DATABASE_URL": db}
    first = run_cli("doctor", "--index", str(index), env=env)
    assert first.returncode == 1, first.stderr
    assert first.stdout.count("never seen by the store") == 8 and "8 documents" in first.stdout
    console(index, db, ["/vanban"])
    again = run_cli("doctor", "--index", str(index), env=env)
    assert again.returncode == 0 and "no difference" in again.stdout, again.stdout
    # the store now also holds what another replica's index brought: the doctor lists it as missing here
    other = copy_index(forms_index, tmp_path, "other")
    console(other, db, ["/vanban"])
    third = run_cli("doctor", "--index", str(index), env=env)
    assert third.returncode == 1 and "in force in the store, not in the index — the bot adds it" in third.stdout
