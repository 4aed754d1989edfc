"""Trợ lý CCHC retrieval core: parse → chunk → index → retrieve → answer. No Telegram here."""

from .answer import Assistant
from .model import Answer, Source

__all__ = ["Assistant", "Answer", "Source"]
