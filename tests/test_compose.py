"""docker-compose.yml and the Dockerfile cannot run here (no Docker engine, no `docker
compose config`): keep them honest by reading them and checking them against Settings."""

from __future__ import annotations

import inspect
import re

import yaml
from conftest import ROOT

from retrieval.settings import Settings

COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
SETTINGS_ENV = set(re.findall(r'e\.get\("([A-Z_]+)"\)', inspect.getsource(Settings.from_env)))
POSTGRES_ENV = {"POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"}


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default}, ${VAR:?error} and $$ (enough for this file)."""

    def sub(m: re.Match[str]) -> str:
        name, op, arg = m.group(1), m.group(2), m.group(3) or ""
        if op == ":?" and not env.get(name):
            raise KeyError(f"{name} is required: {arg}")
        if op == ":-" and not env.get(name):
            return arg
        return env.get(name, "")

    out = re.sub(r"\$\{([A-Z_][A-Z0-9_]*)(?:(:-|:\?)([^}]*))?\}", sub, value.replace("$$", "\0"))
    return out.replace("\0", "$")


def load() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def test_services_volumes_and_healthcheck():
    c = load()
    assert set(c["services"]) == {"bot", "db"}
    db, bot = c["services"]["db"], c["services"]["bot"]
    assert db["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    assert bot["build"] == "." and DOCKERFILE.exists()
    declared = set(c["volumes"])
    for service in (db, bot):
        for mount in service["volumes"]:
            source = mount.split(":", 1)[0]
            assert source in declared, f"volume {source} used but not declared"
    assert any(m.endswith(":/var/lib/postgresql/data") for m in db["volumes"])


def test_bot_environment_names_are_settings_and_resolve():
    bot = load()["services"]["bot"]
    env = bot["environment"]
    unknown = set(env) - SETTINGS_ENV
    assert not unknown, f"not read by Settings.from_env: {unknown}"
    needed = {"TELEGRAM_BOT_TOKEN", "TELEGRAM_API_URL", "INDEX_DIR", "DATABASE_URL", "ALLOWED_USER_IDS",
              "ALLOWED_CHAT_IDS", "ADMIN_USER_IDS", "WEBHOOK_URL", "WEBHOOK_PORT", "WEBHOOK_SECRET", "OUTBOX_PATH"}
    assert needed <= set(env)
    shell = {"TELEGRAM_BOT_TOKEN": "123:abc", "POSTGRES_PASSWORD": "pw", "ADMIN_USER_IDS": "42"}
    resolved = {k: interpolate(str(v), shell) for k, v in env.items()}
    s = Settings.from_env(resolved)
    assert s.telegram_bot_token == "123:abc" and s.admin_user_ids == frozenset({42})
    assert s.database_url == "postgresql+psycopg://cchc:pw@db:5432/cchc"  # the db service, by name
    assert s.telegram_api_url == Settings().telegram_api_url and s.webhook_url is None and s.webhook_port == 8443
    # the outbox lives on the named volume, so it survives a restart of the container
    data_mount = next(m.split(":", 1)[1] for m in bot["volumes"] if m.startswith("botdata:"))
    assert str(s.outbox_path).startswith(data_mount + "/")
    assert str(s.index_dir) == "/app/index"


def test_secrets_come_from_the_environment():
    c = load()
    for service in c["services"].values():
        for name, value in (service.get("environment") or {}).items():
            if any(w in name for w in ("TOKEN", "PASSWORD", "SECRET")):
                assert str(value).startswith("${") or str(value) == "", f"{name} is hard-coded"
    bot_env = c["services"]["bot"]["environment"]
    assert "${POSTGRES_PASSWORD" in bot_env["DATABASE_URL"]
    db_env = set(c["services"]["db"]["environment"])
    assert db_env == POSTGRES_ENV
    try:
        interpolate(bot_env["TELEGRAM_BOT_TOKEN"], {})
    except KeyError as exc:
        assert "TELEGRAM_BOT_TOKEN" in str(exc)
    else:
        raise AssertionError("a missing token must stop `docker compose up`")


def test_dockerfile_builds_the_index_and_runs_the_bot():
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim", text, re.MULTILINE)
    assert "python -m retrieval build" in text and "python -m bot" in text
    assert "[test]" not in text and "torch" not in text.replace("no torch", "")  # a small image
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".venv", ".git", "index", "data"} <= set(ignored)
    # the paths the image sets are the ones compose passes to Settings
    for var in ("INDEX_DIR=/app/index", "OUTBOX_PATH=/app/data/outbox.jsonl"):
        assert var in text
