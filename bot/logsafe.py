"""Logging that never shows the bot token.

The token is part of every Bot API URL, and httpx logs each request URL at INFO; tracebacks
of network errors quote URLs too. Redaction happens where every record is born (the log
record factory), so it covers all loggers and handlers, including ones added later
(pytest's caplog, a file handler), the formatted message, the traceback and stack info.
"""

from __future__ import annotations

import logging
import traceback

_installed: list[str] = []


def redact(text: str, secrets: list[str] | None = None) -> str:
    for secret in secrets if secrets is not None else _installed:
        if secret:
            text = text.replace(secret, "<TOKEN>")
    return text


def install_redaction(*secrets: str | None) -> None:
    """Scrub these strings from every log record from now on (idempotent)."""
    new = [s for s in secrets if s and len(s) >= 8 and s not in _installed]
    if not new:
        return
    _installed.extend(new)
    if getattr(logging.getLogRecordFactory(), "_redacting", False):
        return
    base = logging.getLogRecordFactory()

    def factory(*args, **kwargs):  # type: ignore[no-untyped-def]
        record = base(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to logging's own error path
            return record
        record.msg, record.args = redact(message), None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return record

    factory._redacting = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


def configure_logging(level: int = logging.INFO, *secrets: str | None) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs every request URL (token included) at INFO; only its warnings matter here
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    install_redaction(*secrets)
