"""Sentences and clauses of a passage, and the phrases that may open a clause before its
subject ("Định kỳ 6 tháng (trước ngày 10/6 và 10/12), …", "Căn cứ …, …", "Để …, …")."""

from __future__ import annotations

import re

from retrieval.lang.lexicon import Lexicon, lower_same_length


def split_sentences(text: str) -> list[str]:
    """Sentences, split at a stop before a capital, never inside parentheses or quotes, nor
    after an abbreviation such as "TP." or "TX."."""
    out, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(“":
            depth += 1
        elif ch in ")”":
            depth = max(0, depth - 1)
        elif ch == "." and depth == 0:
            nxt = text[i + 1: i + 3]
            if len(nxt) == 2 and nxt[0].isspace() and (nxt[1].isupper() or nxt[1].isdigit()):
                word = re.search(r"(\S+)$", text[start:i])
                if word and re.fullmatch(r"[A-ZĐ]{1,3}", word.group(1)):
                    continue
                if re.fullmatch(r"\d+(?:\.\d+)*|[IVXLC]+", text[start:i].strip()):
                    continue  # "2. Công chức …": a list label opens the sentence, it is not one
                out.append(text[start: i + 1].strip())
                start = i + 2
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def split_clauses(sentence: str) -> list[str]:
    """Clauses at semicolons outside parentheses and quotes."""
    out: list[str] = []
    buf: list[str] = []
    depth = 0
    for ch in sentence:
        if ch in "(“":
            depth += 1
        elif ch in ")”":
            depth = max(0, depth - 1)
        if ch == ";" and depth == 0:
            out.append("".join(buf).strip())
            buf = []
            continue
        buf.append(ch)
    if "".join(buf).strip():
        out.append("".join(buf).strip())
    return [c for c in out if c]


def comma_after(text: str, start: int, limit: int = 220) -> int | None:
    """The first comma after `start` outside parentheses, within `limit` characters."""
    depth = 0
    for i in range(start, min(len(text), start + limit)):
        ch = text[i]
        if ch in "(“":
            depth += 1
        elif ch in ")”":
            depth = max(0, depth - 1)
        elif ch in ";:":
            return None
        elif ch == "," and depth == 0:
            return i
    return None


def skip_openers(text: str, lex: Lexicon, pos: int = 0) -> int:
    """Where the clause's subject may start: after every opening phrase of time, condition,
    purpose or basis, each running to its comma ("Định kỳ hằng tháng, trước ngày 05 của
    tháng sau, các xã, phường …" skips two). A phrase with no comma of its own is not one."""
    low = lower_same_length(text)
    while True:
        at = len(text) - len(text[pos:].lstrip())
        m = lex.opener_re.match(low, at)
        if not m:
            return pos
        verb = lex.verb_re.match(low, at)
        if verb and verb.end() > m.end():
            return pos  # "theo dõi …" is a duty, not "theo …,"
        comma = comma_after(text, m.end())
        if comma is None:
            return pos
        pos = comma + 1


def subject_starts(text: str, lex: Lexicon, limit: int = 220) -> list[int]:
    """Where the clause's subject may start, nearest first: after the opening phrases as
    `skip_openers` reads them, then after each later comma of an opening phrase that has
    commas of its own ("Để giải quyết dứt điểm 2.864 hồ sơ tồn đọng, quá hạn, Sở … chủ trì")."""
    first = skip_openers(text, lex)
    if first == 0:
        return [0]
    # "Hằng quý, trước ngày 20, tổng hợp … của các sở, ngành, UBND các xã, phường, báo cáo …":
    # the predicate follows the opening phrase, so the subject is given elsewhere (a heading);
    # the units after its later commas are what it is about
    low = lower_same_length(text)
    at = len(text) - len(text[first:].lstrip())
    run = text[at:].split(",", 1)[0]
    # (a verb with what it acts on, not a manner word among the opening's commas: "Để bảo đảm
    # tiến độ, kịp thời, đúng quy định, Sở Tài chính chủ trì …")
    if len(run.split()) >= 4 and any(v[0] == at for v in lex.verbs_in(low, at, min(len(low), at + 40))):
        return [first, 0]
    out = [first]
    pos = first
    while True:
        comma = comma_after(text, pos, limit - pos)
        if comma is None or comma >= limit:
            break
        pos = comma + 1
        out.append(pos)
    return out + [0]


__all__ = ["comma_after", "skip_openers", "split_clauses", "split_sentences", "subject_starts"]
