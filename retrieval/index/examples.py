"""Labelled example questions that travel with an index (`slots.tsv`: `label<TAB>question`),
embedded at build time exactly as questions are, so that at question time a question's
nearest examples are one matrix product away. What the labels mean is the answering's
business (`retrieval.answering.slots`); the index only keeps them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval.lang.text import nfc

EXAMPLES = "slots.tsv"
VECTORS = "slots.npz"


@dataclass(frozen=True)
class LabelledExamples:
    labels: list[str]
    texts: list[str]
    vectors: np.ndarray  # (n, dim), normalised question vectors


def read_labelled(path: Path) -> list[tuple[str, str]]:
    """(label, example) pairs of a labelled examples file; comments and blank lines skipped."""
    pairs: list[tuple[str, str]] = []
    if not path.is_file():
        return pairs
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        label, text = line.split("\t", 1)
        if label.strip() and text.strip():
            pairs.append((label.strip(), nfc(text.strip())))
    return pairs


def embed_labelled(index_dir: Path, query_vector: Callable[[str], np.ndarray]) -> None:
    """The index's examples embedded as questions (kept when the index came with them for the
    same examples)."""
    pairs = read_labelled(index_dir / EXAMPLES)
    if not pairs:
        return
    done = index_dir / VECTORS
    if done.is_file():
        with np.load(done, allow_pickle=False) as old:
            if [str(t) for t in old["texts"]] == [t for _s, t in pairs] and \
                    [str(x) for x in old["slots"]] == [x for x, _t in pairs]:
                return
    vecs = np.stack([query_vector(t) for _s, t in pairs]).astype(np.float32)
    np.savez(done, slots=np.array([s for s, _t in pairs]), texts=np.array([t for _s, t in pairs]), vectors=vecs)


def load_labelled(index_dir: Path) -> LabelledExamples | None:
    path = index_dir / VECTORS
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        return LabelledExamples([str(s) for s in data["slots"]], [str(t) for t in data["texts"]],
                                np.asarray(data["vectors"], dtype=np.float32))
