"""Who may import whom. `retrieval/` is a stack of packages that only import downwards
(lang → embedding → documents → facts, index → store, answering → commands, dev) with no
import circle between modules; it never imports the bot, Telegram, the chat storage or the
tests; one `Base` carries every table and one `init_schema` creates them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

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


# the floors of retrieval/, lowest first: a package may import its own floor's and lower ones
LAYERS = [
    {"retrieval.settings", "retrieval.lang"},
    {"retrieval.embedding"},
    {"retrieval.documents"},
    {"retrieval.facts", "retrieval.index"},
    {"retrieval.store", "retrieval.answering"},
    {"retrieval.commands", "retrieval.dev"},
]


def _package(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


def _floor(package: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if package in layer)


def test_retrieval_is_a_stack_of_packages_importing_only_downwards():
    graph = _graph()
    packages = {_package(m) for m in graph if m.startswith("retrieval.") and m not in ("retrieval.__main__",)}
    assert packages <= set().union(*LAYERS), packages - set().union(*LAYERS)
    upwards = sorted((m, t) for m, deps in graph.items() if m.startswith("retrieval.") and m != "retrieval.__main__"
                     for t in deps if t.startswith("retrieval.") and _floor(_package(t)) > _floor(_package(m)))
    assert upwards == []
    # siblings on one floor do not lean on each other either
    sideways = sorted((m, t) for m, deps in graph.items() if m.startswith("retrieval.") and m != "retrieval.__main__"
                      for t in deps if t.startswith("retrieval.") and _package(t) != _package(m)
                      and _floor(_package(t)) == _floor(_package(m)) and _package(m) != "retrieval.commands")
    assert sideways == []


def test_no_module_imports_itself_through_others():
    graph = _graph()
    index = {m: i for i, m in enumerate(graph)}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    circles: list[list[str]] = []
    counter = [0]

    def visit(m: str) -> None:  # Tarjan: strongly connected components are the circles
        low[m] = index_of[m] = counter[0]
        counter[0] += 1
        stack.append(m)
        on.add(m)
        for t in graph.get(m, ()):
            if t not in graph:
                continue
            if t not in index_of:
                visit(t)
                low[m] = min(low[m], low[t])
            elif t in on:
                low[m] = min(low[m], index_of[t])
        if low[m] == index_of[m]:
            comp = []
            while True:
                x = stack.pop()
                on.discard(x)
                comp.append(x)
                if x == m:
                    break
            if len(comp) > 1:
                circles.append(sorted(comp))

    index_of: dict[str, int] = {}
    for m in sorted(index):
        if m not in index_of:
            visit(m)
    assert circles == []


def test_the_product_never_imports_the_tests():
    for name, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        assert "tests." not in " ".join(line for line in text.splitlines() if "import" in line), name
        assert "spec_from_file_location" not in text, name


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

    storage = ["retrieval.store.db", "retrieval.store.facts", "bot.storage", "bot.storage.tables", "bot.storage.store",
               "bot.storage.subscriptions", "bot.reminders", "bot.facts"]
    assert [m for m in storage if reaches(m, m)] == []
    assert graph["retrieval.store.db"] == set()  # the base imports nothing of the project


def test_retrieval_alone_loads_no_chat_table_and_the_bot_adds_them(tmp_path):
    """A process of retrieval's alone (sync_facts, the CLI) creates only its tables; the bot's
    `init_schema` then adds the chat tables to the same database, keeping the rows there."""
    db = tmp_path / "a.sqlite3"
    code = f"""
import sys
from sqlalchemy import inspect, text
import retrieval.store.facts, retrieval.commands.cli
from retrieval.store.db import init_schema, make_engine
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

    from retrieval.store.db import MIGRATIONS, migration

    before = list(MIGRATIONS)
    with pytest.raises(ValueError, match="already taken"):
        migration(1, "another step 1")(lambda conn: None)
    assert MIGRATIONS == before
