"""Abbreviations (CCHC, TTHC, ĐVHC, PAR INDEX, …) used in both directions.

A question that says "CCHC" also searches "cải cách hành chính", and one that spells it
out also searches "CCHC". Two-letter codes (TB, CT, TU …) only count when typed in
upper case: folded, they collide with ordinary unaccented words ("so tu phap").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.lang.text import fold, nfc


@dataclass
class Glossary:
    entries: dict[str, list[str]] = field(default_factory=dict)  # abbreviation -> expansions

    @classmethod
    def load(cls, path: Path | None) -> "Glossary":
        entries: dict[str, list[str]] = {}
        if path is not None and path.exists():
            for line in nfc(path.read_text(encoding="utf-8")).splitlines():
                if not line.strip() or line.startswith("#") or "\t" not in line:
                    continue
                abbr, meaning = line.split("\t", 1)
                entries[abbr.strip()] = [m.strip() for m in meaning.split("|") if m.strip()]
        return cls(entries)

    def add_from_text(self, text: str) -> None:
        """Definitions the documents make themselves: "cải cách hành chính (CCHC)"."""
        for abbr, meaning in find_definitions(text):
            if abbr not in self.entries:
                self.entries[abbr] = [meaning]
            elif fold(meaning) not in {fold(m) for m in self.entries[abbr]}:
                self.entries[abbr].append(meaning)

    def lookup(self, term: str) -> tuple[str, list[str]] | None:
        key = fold(term.strip().rstrip(".?!"))
        for abbr, meanings in self.entries.items():
            if fold(abbr).rstrip(".") == key.rstrip("."):
                return abbr, meanings
        return None

    def abbreviations_in(self, question: str) -> list[str]:
        q = nfc(question)
        fq = f" {_plain(fold(q))} "
        found = []
        for abbr in self.entries:
            letters = abbr.rstrip(".")
            if len(letters.replace(" ", "")) <= 2 or "&" in letters:
                if re.search(rf"(?<![\w&]){re.escape(letters)}(?![\w&])", q):
                    found.append(abbr)
            elif f" {_plain(fold(letters))} " in fq:
                found.append(abbr)
        return found

    def expand(self, question: str) -> str:
        """Extra words for retrieval: expansions of abbreviations and abbreviations of
        spelled-out terms found in the question."""
        extra: list[str] = []
        for abbr in self.abbreviations_in(question):
            if len(abbr.rstrip(".")) > 2:
                extra.extend(self.entries[abbr])
        fq = f" {_plain(fold(question))} "
        for abbr, meanings in self.entries.items():
            if len(abbr.rstrip(".")) <= 2:
                continue
            if any(f" {_plain(fold(m))} " in fq for m in meanings):
                extra.append(abbr)
        return " ".join(dict.fromkeys(extra))


def _plain(folded: str) -> str:
    return re.sub(r"[^0-9a-z&]+", " ", folded).strip()


_DEF_RE = re.compile(r"([^()]{3,120}?)\s*\(([A-ZĐ][A-ZĐa-z&]{1,9}(?: [A-Z]+)?)\)")


def find_definitions(text: str) -> list[tuple[str, str]]:
    """(abbreviation, meaning) pairs where the text spells a term out before it."""
    out = []
    for m in _DEF_RE.finditer(nfc(text)):
        words = m.group(1).split()
        abbr = m.group(2)
        letters = fold(abbr.replace(" ", "")).replace("&", "")
        # the shortest tail of words whose initials spell the abbreviation
        for n in range(1, min(len(words), 12) + 1):
            tail = words[-n:]
            if "".join(fold(w)[0] for w in tail if w[:1].isalpha()) == letters:
                out.append((abbr, " ".join(tail)))
                break
    return out
