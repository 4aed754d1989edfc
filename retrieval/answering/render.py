"""Plain-text rendering of an answer, for the console and the CLI."""

from __future__ import annotations

from retrieval.answering.answer import Answer


def source_label(s) -> str:  # type: ignore[no-untyped-def]
    return f"{s.doc_title}" + (f" ({s.doc_number})" if s.doc_number and s.doc_number[0].isdigit() else "") + f" — {s.section}"


def render_text(answer: Answer, with_sources: bool = False, max_quote: int = 400) -> str:
    out = [answer.text]
    if with_sources and answer.sources and not answer.abstained:
        out.append("")
        out.append("Trích dẫn:")
        for i, s in enumerate(answer.sources, 1):
            quote = s.text if len(s.text) <= max_quote else s.text[: max_quote - 1] + "…"
            out.append(f"[{i}] {source_label(s)}: “{quote}”")
    return "\n".join(out)
