"""Who may import whom: `retrieval/` (documents, their facts, the index) never imports the
bot, Telegram or the chat storage; the database modules form no import circle; one `Base`
carries every table and one `init_schema` creates them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PACKAGES = ("retrieval", "bot")
CHAT_TABLES = {"users", "chats", "questions", "feedback", "allowlist", "reminder_subscriptions", "reminder_sent"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `name` imports anywhere in its body (function-local imports too)."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            # `from pkg import mod` imports the module pkg.mod when there is one
            targets = [f"{stem}.{a.name}" if f"{stem}.{a.name}" in known else stem for a in node.names]
        else:
            continue
        for t in targets:
            # the module itself or its closest known parent package
            while t and t not in known and "." in t:
                t = t.rpartition(".")[0]
            if t in known or t.split(".")[0] in ("bot", "telegram"):
                out.add(t)
    out.discard(name)
    return out


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {name: _imports(name, path, known) for name, path in mods.items()}


def test_retrieval_imports_neither_the_bot_nor_telegram():
    graph = _graph()
    offenders = {name: sorted(t for t in deps if t.split(".")[0] in ("bot", "telegram"))
                 for name, deps in graph.items() if name.startswith("retrieval")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_no_import_circle_through_the_database_modules():
    graph = _graph()

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            m = todo.pop()
            for nxt in graph.get(m, ()):
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    storage = ["retrieval.db", "retrieval.factstore", "bot.storage", "bot.storage.tables", "bot.storage.store",
               "bot.storage.subscriptions", "bot.reminders", "bot.facts"]
    assert [m for m in storage if reaches(m, m)] == []
    assert graph["retrieval.db"] == set()  # the base imports nothing of the project


def test_retrieval_alone_loads_no_chat_table_and_the_bot_adds_them(tmp_path):
    """A process of retrieval's alone (sync_facts, the CLI) creates only its tables; the bot's
    `init_schema` then adds the chat tables to the same database, keeping the rows there."""
    db = tmp_path / "a.sqlite3"
    code = f"""
import sys
from sqlalchemy import inspect, text
import retrieval.factstore, retrieval.cli
from retrieval.db import init_schema, make_engine
assert not [m for m in sys.modules if m.split(".")[0] in ("bot", "telegram")], "retrieval loaded the bot"
e = make_engine("sqlite:///{db}")
init_schema(e)
with e.begin() as c:
    c.execute(text("INSERT INTO fact_documents (doc_id, title, number, kind, source, checksum, synced_at) "
                   "VALUES ('d', 't', '', '', '', 'x', '2024-01-01')"))
print(",".join(sorted(inspect(e).get_table_names())))
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    tables = set(out.stdout.strip().split(","))
    assert {"fact_documents", "fact_obligations", "schema_version"} <= tables and not tables & CHAT_TABLES

    from sqlalchemy import inspect, text

    from bot.storage import init_schema, make_engine

    engine = make_engine(f"sqlite:///{db}")
    init_schema(engine)
    assert CHAT_TABLES <= set(inspect(engine).get_table_names())
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM fact_documents")).scalar() == 1
        assert 1 in c.execute(text("SELECT step FROM schema_version")).scalars().all()
    engine.dispose()


def test_a_migration_step_is_taken_once():
    import pytest

    from retrieval.db import MIGRATIONS, migration

    before = list(MIGRATIONS)
    with pytest.raises(ValueError, match="already taken"):
        migration(1, "another step 1")(lambda conn: None)
    assert MIGRATIONS == before
