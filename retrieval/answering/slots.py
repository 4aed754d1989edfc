"""What a question asks for: the slot (to whom, by when, who leads, how many, …).

Decided from data first: `corpus/slots.tsv` holds labelled example questions per slot,
embedded at build time with the same e5 query vector that retrieval computes for a
question, and a question takes the slots of its nearest examples. Adding an example
teaches a phrasing without code. A lexical backstop (cue words) covers what the examples
do not: it confirms or adds slots, and decides alone when the nearest examples disagree.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import yaml

from retrieval.index.examples import LabelledExamples
from retrieval.lang.text import fold, nfc

SLOTS = (
    "recipient", "via", "deadline", "duration", "period", "lead", "cooperate", "duties", "figure", "list", "content",
    "doc_number", "doc_date", "issuer", "signer", "person", "effect", "recipients", "summary", "section", "definition",
    "yes_no", "greeting", "thanks",
)

CONVERSATION = ("greeting", "thanks")

DATA = Path(__file__).resolve().parents[1] / "lang" / "data" / "slots.yaml"
_RAW = yaml.safe_load(DATA.read_text(encoding="utf-8"))
# the backstop: cue patterns on the folded question, per slot (lang/data/slots.yaml)
CUES: dict[str, re.Pattern[str]] = {slot: re.compile("|".join(pats)) for slot, pats in _RAW["cues"].items()}
# the words that only say which fact of a document is asked ("ai ký", "ban hành ngày nào"):
# a question made of these and a document's name is about the documents themselves
DOCUMENT_SLOT_WORDS: dict[str, frozenset[str]] = {
    slot: frozenset(str(words).split()) for slot, words in _RAW["document_slot_words"].items()}
# the words that only say which fact of a duty is asked ("gửi đâu", "hạn ngày mấy")
DUTY_SLOT_WORDS: dict[str, frozenset[str]] = {
    slot: frozenset(str(words).split()) for slot, words in _RAW["duty_slot_words"].items()}
DUTIES_ASKING = frozenset(str(_RAW["duties_asking"]).split())
RECIPIENT_MARKERS = tuple(_RAW["recipient_markers"])
ASSIGNING_MARKERS = tuple(_RAW["assigning_markers"])
HOLDER_KINDS = tuple(_RAW["holder_kinds"])
DUTY_YES_NO = tuple(_RAW["duty_yes_no"])
unknown = set(CUES) - set(SLOTS)
if unknown:  # a slot the rules do not know is a typo in the data, not a new slot
    raise ValueError(f"{DATA}: unknown slots {sorted(unknown)}")


def lexical_slots(question: str) -> list[str]:
    fq = fold(nfc(question)).strip()
    return [s for s, pat in CUES.items() if pat.search(fq)]


def knn_slots(vector: np.ndarray | None, examples: LabelledExamples | None, k: int = 5) -> list[tuple[str, float]]:
    """Slots of the nearest examples, weighted by similarity, best first."""
    if vector is None or examples is None or not len(examples.labels):
        return []
    sims = examples.vectors @ np.asarray(vector, dtype=np.float32).reshape(-1)
    top = np.argsort(-sims)[:k]
    votes: dict[str, float] = {}
    for i in top:
        votes[examples.labels[int(i)]] = votes.get(examples.labels[int(i)], 0.0) + float(sims[int(i)])
    total = sum(votes.values()) or 1.0
    return sorted(((s, v / total) for s, v in votes.items()), key=lambda x: -x[1])


def decide(question: str, vector: np.ndarray | None, examples: LabelledExamples | None) -> list[str]:
    """The slots a question asks, most confident first.

    The nearest examples decide when they agree (a clear majority); the cue words add the
    other slots a compound question asks ("cho ai, qua đâu, trước ngày nào") and decide
    alone when the examples are split."""
    lex = lexical_slots(question)
    # a chatty reply to a real question is worse than none: greetings and thanks are a closed
    # class of phrases, so only their cue words decide them
    knn = [(s, w) for s, w in knn_slots(vector, examples) if s not in CONVERSATION or s in lex]
    out: list[str] = []
    # the words said outweigh the nearest examples unless these agree strongly: "thư ký … là
    # ai" is near "ai ký …" in meaning, but it asks a person; the examples' slot still counts,
    # after the words'
    lead = knn and (knn[0][1] >= 0.8 or (knn[0][1] >= 0.6 and (not lex or knn[0][0] in lex)))
    if lead:
        out.append(knn[0][0])
    for s in lex:
        if s not in out:
            out.append(s)
    if knn and not lead and knn[0][1] >= 0.6 and knn[0][0] not in out:
        out.append(knn[0][0])
    if not out and knn:
        out.append(knn[0][0])
    return out
