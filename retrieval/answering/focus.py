"""A question as the reader takes it: a chatty message ("Dạ cho em hỏi, bên em là Công an tỉnh …
bao nhiêu ạ?") without its courtesies, and the words typed for longer ones in chat ("hs", "kq",
"cbcc") spelled out. Dropping the sentences about the asker was tried: they name whose duty is
asked ("bên em là Công an tỉnh") as often as not, so they stay. The language is in lang/data/question.yaml."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from retrieval.lang.text import fold, has_diacritics, nfc

DATA = Path(__file__).resolve().parents[1] / "lang" / "data" / "question.yaml"


@lru_cache(maxsize=1)
def _language() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))

    def words(items: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))

    courtesy = re.compile(rf"^(?:(?:{words(raw['courtesies'])})\b[\s,.!]*)+")
    said = words([nfc(w) for w in raw["courtesies_accented"]])
    courtesy_accented = re.compile(rf"^(?:(?:{said})(?!\w)[\s,.!]*)+|[\s,]*(?<!\w)(?:{said})\s*(?=[?.!]*$)")
    chat = {fold(k): v for k, v in raw["chat_words"].items()}
    return courtesy, courtesy_accented, chat


def spell_out(text: str) -> str:
    """"hs tthc qua han" -> "hồ sơ tthc qua han": chat words as whole lower-case words."""
    chat = _language()[2]
    # typed without diacritics, the words are spelled without them too: the accent restorer
    # reads a question that has none
    plain = not has_diacritics(text)
    out = []
    for token in re.split(r"(\s+)", text):
        key = fold(token).strip(",.?!:;")
        # lower case, or in capitals a chat word for common words ("SĐT"), not one for a name
        # ("KHCN" stays: "Sở KHCN" is the registry's)
        if token and key in chat and (token == token.lower() or (len(key) >= 3 and chat[key][:1].islower())):
            word = fold(chat[key]) if plain else chat[key]
            out.append(token.replace(token.strip(",.?!:;"), word))
        else:
            out.append(token)
    return "".join(out)


def asking_part(text: str) -> str:
    """The message without the courtesies that open or close it ("Dạ cho em hỏi, …", "… ạ?").
    What it says of the asker stays: "bên em là Công an tỉnh" says whose duty is asked."""
    text = nfc(text).strip()
    # each sentence may open with one ("Em là sinh viên … Cho em hỏi CCHC là gì ạ?")
    sentences = [_without_courtesies(x) for x in re.split(r"(?<=[.!?])\s+", text)]
    out = " ".join(x for x in sentences if x)
    return out if len(out.split()) >= 3 else text


def _without_courtesies(sentence: str) -> str:
    courtesy, courtesy_accented = _language()[:2]
    out = sentence
    for _ in range(3):  # "Dạ", "cho em hỏi", then "ạ" at the end
        m = courtesy.search(fold(out)) or courtesy_accented.search(out.lower())  # both keep the offsets
        if m is None or m.end() == m.start():
            break
        out = (out[:m.start()] + out[m.end():]).strip(" ,")
    return out


def readable(text: str) -> str:
    """The question as the reader takes it: its asking part, chat words spelled out."""
    return spell_out(asking_part(text))
