"""What the dialogue answers with, independent of Telegram: messages (HTML, each within
Telegram's limit), buttons as (label, callback data), and what a pressed button does."""

from __future__ import annotations

from dataclasses import dataclass, field

from retrieval.answering.answer import Answer

from .notices import Notice
from .storage import QuestionRecord


@dataclass(frozen=True)
class Button:
    text: str
    data: str  # callback data, at most 64 bytes


@dataclass
class Reply:
    messages: list[str] = field(default_factory=list)  # HTML, each within Telegram's limit
    buttons: list[list[Button]] = field(default_factory=list)  # under the last message
    question_id: str | None = None
    record: QuestionRecord | None = None  # what to persist once the reply is sent
    answer: Answer | None = None

    @property
    def silent(self) -> bool:
        return not self.messages


@dataclass
class CallbackResult:
    toast: str | None = None  # the small notice on the pressed button
    edit: Reply | None = None  # new text and buttons for the pressed message
    send: Reply | None = None  # new messages
    notices: list[Notice] = field(default_factory=list)  # to other chats: subscribers of a unit given new duties
