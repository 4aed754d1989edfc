"""Put the diacritics back on a question typed without them, using the corpus's own words.

"so tu phap bao cao cho ai" → "sở tư pháp báo cáo cho ai". Each folded syllable pair
votes for the accented pair the corpus uses most often; a lone syllable falls back to its
most frequent accented form. Questions about these documents use these documents' words,
so the corpus is the right dictionary; a syllable it never saw stays as typed (which is
also what tells the abstention check that the words are not in the corpus).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Iterable

from retrieval.lang.text import fold, has_diacritics, nfc

_SYL = re.compile(r"[0-9a-zA-Z\u00c0-\u1ef9]+")


def _syllables(text: str) -> list[str]:
    return [m.group(0).lower() for m in _SYL.finditer(nfc(text))]


# How questions are phrased, which documents seldom are: these pairs win over the corpus's
# statistics ("vi can" is "vi cản" in "hành vi cản trở", but "đơn vị cần làm gì" asks).
QUESTION_PAIRS = (
    "cần làm", "làm gì", "phải làm", "cần phải", "có cần", "là gì", "là ai", "ai là", "khi nào", "ngày nào",
    "bao nhiêu", "bao giờ", "thế nào", "như thế", "ra sao", "có phải", "phải không", "hay không", "được không",
    "những gì", "ở đâu", "vì sao", "tại sao", "có được", "được phép", "nào được", "gì để", "cần gì",
)
_QUESTION_WEIGHT = 10_000
# and single words a question needs even when the corpus never uses them
QUESTION_WORDS = ("phải", "cần", "làm", "gì", "nào", "không", "được", "những", "bao", "nhiêu", "đâu", "sao", "ai")


class AccentRestorer:
    def __init__(self, unigrams: dict[str, str], bigrams: dict[str, list]) -> None:  # type: ignore[type-arg]
        self.unigrams = unigrams  # folded syllable -> accented syllable
        self.bigrams = bigrams  # "a b" folded -> [accented "a b", count]

    @classmethod
    def build(cls, texts: Iterable[str], min_count: int = 1) -> "AccentRestorer":
        # counted flat, then grouped by folded form (a Counter per occurrence was most of a
        # cached rebuild's time); among forms seen equally often the first seen wins
        uni: Counter[str] = Counter()
        bi: Counter[tuple[str, str]] = Counter()
        for text in texts:
            syl = _syllables(text)
            uni.update(syl)
            bi.update(zip(syl, syl[1:]))
        folded = {s: fold(s) for s in uni}
        best: dict[str, tuple[str, int]] = {}
        for s, n in uni.items():
            k = folded[s]
            if k not in best or n > best[k][1]:
                best[k] = (s, n)
        unigrams = {k: form for k, (form, _n) in best.items()}
        for w in QUESTION_WORDS:
            unigrams.setdefault(fold(w), w)
        best = {}
        for (a, b), n in bi.items():
            k = f"{folded[a]} {folded[b]}"
            if k not in best or n > best[k][1]:
                best[k] = (f"{a} {b}", n)
        bigrams = {}
        for k, (form, n) in best.items():
            if n >= min_count and form != k:
                bigrams[k] = [form, n]
        for pair in QUESTION_PAIRS:
            bigrams[fold(pair)] = [pair, _QUESTION_WEIGHT]
        return cls(unigrams, bigrams)

    def merged(self, other: "AccentRestorer") -> "AccentRestorer":
        """This dictionary with the words of `other` (a document added): a syllable or pair
        it did not know is added; a pair `other` saw more often takes the other form."""
        unigrams = {**other.unigrams, **self.unigrams}
        bigrams = dict(self.bigrams)
        for k, (form, n) in other.bigrams.items():
            if k not in bigrams or int(bigrams[k][1]) < int(n):
                bigrams[k] = [form, n]
        return AccentRestorer(unigrams, bigrams)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"uni": self.unigrams, "bi": self.bigrams}, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "AccentRestorer | None":
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["uni"], data["bi"])

    def _vote(self, folded: list[str], pairs: list[list | None], current: list[str] | None) -> list[str]:  # type: ignore[type-arg]
        votes: list[Counter[str]] = [Counter() for _ in folded]
        for i, hit in enumerate(pairs):
            if not hit:
                continue
            a, b = hit[0].split(" ")
            weight = int(hit[1])
            if current is None or current[i + 1] == b:
                votes[i][a] += weight
            if current is None or current[i] == a:
                votes[i + 1][b] += weight
        out = []
        for i, f in enumerate(folded):
            if votes[i]:
                out.append(votes[i].most_common(1)[0][0])
            else:
                out.append(current[i] if current is not None else self.unigrams.get(f, f))
        return out

    def restore(self, question: str) -> str:
        """The question with diacritics restored; unchanged if it already has any."""
        if has_diacritics(question):
            return question
        tokens = [m for m in _SYL.finditer(question)]
        if not tokens:
            return question
        folded = [t.group(0).lower() for t in tokens]
        pairs = [self.bigrams.get(f"{folded[i]} {folded[i + 1]}") for i in range(len(folded) - 1)]
        out = self._vote(folded, pairs, None)
        # again, counting a pair only where it agrees with its neighbour's choice: "chỉ số"
        # (36) makes "so" số, so "sợ hãi" (2) may no longer pull "hai" away from "hài lòng"
        for _ in range(2):
            out = self._vote(folded, pairs, out)
        # rebuild with the original separators; keep upper-case abbreviations as typed
        pieces, last = [], 0
        for t, word in zip(tokens, out):
            pieces.append(question[last : t.start()])
            typed = t.group(0)
            pieces.append(typed if typed.isupper() and len(typed) > 1 else word)
            last = t.end()
        pieces.append(question[last:])
        return "".join(pieces)
