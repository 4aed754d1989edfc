"""When the corpus does not answer: off-topic questions (calibrated per index), live data,
names no passage mentions, and asked slots the evidence has no value for."""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.answering.evidence import Library
from retrieval.answering.question import QUESTION_WORDS, Question
from retrieval.documents.model import Law
from retrieval.index.calibration import is_realtime
from retrieval.index.retriever import Hit, HybridRetriever
from retrieval.lang.text import fold, nfc, segment, syllables


@dataclass
class Thresholds:
    """Abstain when neither the meaning nor the words of the question are in the corpus."""

    min_dense: float = 0.78  # replaced by the index's calibrated bar (manifest "abstain_dense")
    min_coverage: float = 0.5
    strong_coverage: float = 0.9


def _unit_text(lib: Library, hit: Hit) -> str:
    """What a unit says: a law article in full (its paragraphs share one subject), else the chunk."""
    doc = lib.documents.get(hit.chunk.doc_id)
    if isinstance(doc, Law) and hit.chunk.article is not None:
        art = next((a for a in doc.articles if a.number == hit.chunk.article), None)
        if art is not None:
            return f"{doc.title} {art.heading} " + " ".join(art.paragraphs)
    return f"{hit.chunk.context} {hit.chunk.text}"


def proper_names(question: str) -> list[str]:
    """Runs of capitalised words that do not open the question or a clause: names."""
    out: list[str] = []
    run: list[str] = []
    opening = True
    for raw in nfc(question).split():
        word = raw.strip(".,;:?!“”\"'()[]")
        capital = bool(word) and word[0].isupper() and word[0].isalpha()
        if capital and not (opening and not run):
            run.append(word)
        elif run:
            out.append(" ".join(run))
            run = []
        opening = not word or raw[-1] in ".?!:;,(" or raw[0] in "“\"("
        if run and raw[-1] in ".?!:;,)”\"":
            out.append(" ".join(run))
            run = []
    if run:
        out.append(" ".join(run))
    return out


def coverage(q: Question, retriever: HybridRetriever, best: list[str]) -> float:
    """Share of the question's content syllables found, accents and all, in the best units."""
    toks = [t for t in syllables(q.restored) if fold(t) not in QUESTION_WORDS]
    if not toks:
        return 1.0
    have = set(best)
    return sum(1 for t in toks if t in have) / len(toks)


def word_coverage(q: Question, best: list[str]) -> float:
    """Like `coverage`, by pyvi words: "tổng thống" is missing from "tổng hợp" and "hệ thống"."""
    text = f" {' '.join(best)} "
    words = []
    for w in segment(q.restored):
        syl = syllables(w.replace("_", " "))
        if syl and not all(fold(t) in QUESTION_WORDS for t in syl):
            words.append(" ".join(syl))
    if not words:
        return 1.0
    return sum(1 for w in words if f" {w} " in text) / len(words)


def missing_name(q: Question, lib: Library, best: list[str]) -> str | None:
    text = f" {' '.join(fold(t) for t in best)} "
    for name in proper_names(q.text):
        if f" {' '.join(syllables(fold(name)))} " not in text and lib.glossary.lookup(name) is None:
            return name
    return None


def out_of_scope(q: Question, hits: list[Hit], lib: Library, retriever: HybridRetriever, th: Thresholds) -> bool:
    """Off topic when the question asks for live data, when its words are not in the best
    passages, or when its meaning is no closer to them than off-topic probes get on this
    index (unless nearly every word of it is there)."""
    if not hits:
        return True
    if hits[0].number_match:
        return False
    if is_realtime(q.text):
        return True
    dense = max(h.dense for h in hits[:3])
    best = syllables(" ".join(_unit_text(lib, h) for h in hits[:3]))
    if dense < th.min_dense and missing_name(q, lib, best):
        return True
    cov = coverage(q, retriever, best)
    if cov < th.min_coverage:
        return True
    return dense < th.min_dense and min(cov, word_coverage(q, best)) < th.strong_coverage
