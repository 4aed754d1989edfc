"""What a question asks for: the slot (to whom, by when, who leads, how many, …).

Decided from data first: `corpus/slots.tsv` holds labelled example questions per slot,
embedded at build time with the same e5 query vector that retrieval computes for a
question, and a question takes the slots of its nearest examples. Adding an example
teaches a phrasing without code. A lexical backstop (cue words) covers what the examples
do not: it confirms or adds slots, and decides alone when the nearest examples disagree.
"""

from __future__ import annotations

import re

import numpy as np

from retrieval.index.examples import LabelledExamples
from retrieval.lang.text import fold, nfc

SLOTS = (
    "recipient", "via", "deadline", "duration", "lead", "cooperate", "duties", "figure", "list", "content",
    "doc_number", "doc_date", "issuer", "signer", "person", "effect", "recipients", "summary", "section", "definition",
    "yes_no", "greeting", "thanks",
)

CONVERSATION = ("greeting", "thanks")

# the backstop: cue words on the folded question, per slot
CUES: dict[str, re.Pattern[str]] = {
    "recipient": re.compile(r"\bcho ai\b|\bve dau\b|\b(bao cao|gui|nop|cung cap|trinh)\b.{0,60}\b(ai|co quan nao|don vi nao|dau)\b"
                            r"|\bcho (co quan|don vi) nao\b|\bgui (toi|den) dau\b"),
    "via": re.compile(r"\bqua (co quan|don vi|dau|ai)\b|\bthong qua\b|\bqua cq nao\b"),
    "deadline": re.compile(r"\b(truoc|cham nhat|han chot|thoi han|han) (ngay|thoi diem|gio) nao\b|\bngay nao\b|\bkhi nao\b"
                           r"|\bbao gio\b|\bthoi han nao\b|\bthoi diem nao\b|\bthoi gian nao\b|\bmay gio\b|\bhan chot\b"
                           r"|\bthang may\b|\bquy may\b|\bhan (nop|bao cao)\b|\bcham nhat\b"),
    "duration": re.compile(r"\bbao lau\b|\bthoi han bao (lau|nhieu)\b|\btrong (vong )?bao nhieu (ngay|gio|thang)\b"
                           r"|\bmay ngay\b|\bbao nhieu ngay lam viec\b"),
    "lead": re.compile(r"\b(ai|co quan nao|don vi nao|so nao|ben nao) (chu tri|thuc hien|to chuc|chiu trach nhiem|lam)\b"
                       r"|\bdo (ai|co quan nao|don vi nao|so nao) (chu tri|thuc hien|to chuc)\b|\bchu tri\b.{0,40}\b(ai|nao)\b"
                       r"|\b(giao|phan cong) cho (ai|co quan nao|don vi nao)\b|\bai (phu trach|dau moi)\b"),
    "cooperate": re.compile(r"\bphoi hop\b.{0,60}\b(ai|nao|nhung)\b|\b(ai|co quan nao|don vi nao) phoi hop\b"),
    "duties": re.compile(r"\b(phai|can|duoc giao|co trach nhiem|co nhiem vu) (lam|thuc hien) (gi|nhung gi|nhung viec gi)\b"
                         r"|\bnhiem vu (gi|nao|cua)\b|\btrach nhiem (gi|cua)\b|\bnhung (nhiem vu|viec) (gi|nao)\b"
                         r"|\bduoc giao (gi|nhung)\b|\blam gi\b|\bco trach nhiem gi\b"),
    "figure": re.compile(r"\bbao nhieu\b|\bmay (phieu|lop|lan|don vi|nguoi|ho so)\b|\bty le\b.{0,60}\b(dat|la)\b"
                         r"|\b(cao|thap) nhat\b|\bxep thu may\b|\bthu may\b"),
    "list": re.compile(r"\b(nhung|cac) [a-z ,]{0,50}\bnao\b|\bgom (nhung )?(gi|nao|nhung)\b|\bliet ke\b|\bnhung (gi|ai)\b"),
    "content": re.compile(r"\bvi sao\b|\btai sao\b|\bly do\b|\bsu can thiet\b|\bnhu the nao\b|\bthe nao\b|\bra sao\b|\bnoi dung gi\b|\bquy dinh gi\b|\bket luan (gi|the nao)\b"
                          r"|\bthi sao\b|\bxu ly (the nao|ra sao)\b"),
    "doc_number": re.compile(r"\bso may\b|\bso hieu\b|\bky hieu\b|\b(van ban|thong bao|ke hoach|chi thi|quyet dinh|cong van|"
                             r"bao cao|nghi quyet) (so )?nao\b|\bso bao nhieu\b"),
    "doc_date": re.compile(r"\bban hanh (vao )?(ngay|khi) (nao|bao gio)\b|\bngay ban hanh\b|\bky ngay\b|\bban hanh ngay\b"
                           r"|\bngay (nao|bao nhieu) ban hanh\b"),
    "issuer": re.compile(r"\b(co quan|don vi) nao ban hanh\b|\bdo (ai|co quan nao) ban hanh\b|\bcua co quan nao\b"),
    "signer": re.compile(r"\bai ky\b|\bnguoi ky\b|\bdo ai ky\b|\bky (boi|thay)\b|\bchuc vu gi\b|\bky van ban\b"),
    "person": re.compile(r"\bai (la|dang la|giu chuc) (pho )?(chu tich|giam doc|chanh|truong|bi thu|thu truong|bo truong)\b"
                         r"|\b(chu tich|giam doc|chanh van phong|truong (ban|doan|phong)|bi thu)\b.{0,50}\b(la ai|ten (la )?gi)\b"),
    "effect": re.compile(r"\bhieu luc\b|\b(thay the|bai bo)\b.{0,30}\b(van ban|quyet dinh|ke hoach|chi thi|cong van|"
                         r"quy che|thong bao) (nao|gi)\b"),
    "recipients": re.compile(r"\bkinh gui\b|\bnoi nhan\b|\bgui (toi|den|cho) (nhung|cac) (co quan|don vi|ai)\b"
                             r"|\bduoc gui (toi|den|cho)\b"),
    "summary": re.compile(r"\bve viec gi\b|\bve (van de|noi dung) gi\b|\btom tat\b|\bnoi (ve )?gi\b|\bnoi dung chinh\b"
                          r"|\bban hanh (quy che|ke hoach|quy dinh) gi\b|\bnham muc dich gi\b"),
    "section": re.compile(r"\b(muc|chuong|phan|dieu|khoan) ([ivxl]+|\d+)\b.{0,40}\b(noi gi|quy dinh|gom|noi dung|co gi|de cap)\b"
                          r"|\bphu luc\b.{0,30}\b(co gi|gom|noi dung)\b"),
    "definition": re.compile(r"\bviet tat\b|\bnghia la gi\b|\bla gi\s*\??$|\bthe nao la\b|\bkhai niem\b|\bdinh nghia\b"),
    "yes_no": re.compile(r"\bco\b.{1,80}\bkhong\s*\??$|\bco phai\b|\bphai khong\b|\bdung khong\b|\bduoc khong\b"),
    "greeting": re.compile(r"^\s*(xin )?chao( ban| anh| chi| em| bot)?\s*[!.?]*\s*$|^\s*(hi|hello|alo|a lo)\s*[!.?]*\s*$"
                           r"|^\s*ban la ai\s*\??\s*$"),
    "thanks": re.compile(r"^\s*(ok|oke|vang|da)?[ ,]*(cam on|thank|thanks|cam on ban)\b[^?]{0,30}$"),
}


# the words that only say which fact of a document is asked ("ai ký", "ban hành ngày nào"):
# a question made of these and a document's name is about the documents themselves
DOCUMENT_SLOT_WORDS: dict[str, frozenset[str]] = {
    slot: frozenset(words.split()) for slot, words in {
        "signer": "ky nguoi thay chuc vu pho chu tich ai la ten gi",
        "person": "ai la ten gi",
        "issuer": "ban hanh boi co quan don vi nao cua ai",
        "doc_date": "ban hanh ngay nao ky thang nam khi bao gio",
        "doc_number": "so ky hieu may bao nhieu",
        "recipients": "noi nhan kinh gui gom nhung ai co quan don vi nao duoc cho toi den",
        "effect": "hieu luc thi hanh ap dung tu ngay nao khi thay the bai bo",
        "summary": "noi dung tom tat ve viec gi chinh van de nham muc dich",
    }.items()
}


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
    if knn and knn[0][1] >= 0.6:
        out.append(knn[0][0])
    for s in lex:
        if s not in out:
            out.append(s)
    if not out and knn:
        out.append(knn[0][0])
    return out
