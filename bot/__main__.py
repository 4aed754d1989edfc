"""`python -m bot`: the Telegram bot when TELEGRAM_BOT_TOKEN is set, else the console chat.

`--console` forces the console. Both use the same Dialogue, opened once from Settings.
"""

from __future__ import annotations

import argparse
import logging
import sys

from retrieval.index.stored import IndexError_
from retrieval.settings import Settings

from .logsafe import configure_logging


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bot", description="Trợ lý CCHC: Telegram bot or console chat")
    p.add_argument("--console", action="store_true", help="console chat even when TELEGRAM_BOT_TOKEN is set")
    args = p.parse_args(argv)
    settings = Settings.from_env()
    telegram = bool(settings.telegram_bot_token) and not args.console
    # the console keeps its terminal for the conversation: only warnings go to stderr
    configure_logging(logging.INFO if telegram else logging.WARNING, settings.telegram_bot_token, settings.webhook_secret)
    # what enters or leaves the served index is said even in the console: nothing changes silently
    for name in ("retrieval.store.reconcile", "retrieval.store.sync"):
        logging.getLogger(name).setLevel(logging.INFO)

    from .dialogue import Dialogue

    try:
        dialogue = Dialogue.open(settings)
    except IndexError_ as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    if not telegram:
        from .console import run as run_console

        return run_console(dialogue)
    from .app import run

    return run(settings, dialogue)


if __name__ == "__main__":
    sys.exit(main())
