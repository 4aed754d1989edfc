"""From a question to an answer: the question read once, the documents it names, the
evidence gathered once, named rules over document facts, an honest "not stated"."""

from retrieval.answering.assistant import ABSTAIN_TEXT, MAX_QUESTION_CHARS, Assistant

__all__ = ["ABSTAIN_TEXT", "MAX_QUESTION_CHARS", "Assistant"]
