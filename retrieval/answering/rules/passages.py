"""Rules that answer from words: an abbreviation, a greeting or thanks, and the passage
fallback (the sentences of the best passage that match the question)."""

from __future__ import annotations

import datetime as dt
import re

from retrieval.answering.draft import Draft, shorten
from retrieval.answering.evidence import Evidence, Library, numbers_disagree, overlap, topic_tokens
from retrieval.answering.question import Question
from retrieval.answering.rules.fields import names_a_person
from retrieval.answering.slots import DUTY_SLOT_WORDS, lexical_slots
from retrieval.documents.model import Law
from retrieval.documents.passages import Chunk
from retrieval.facts.obligations import split_sentences
from retrieval.lang.text import clean_inline, fold

GREETING = ("Xin chào! Tôi trả lời câu hỏi về các văn bản CCHC và luật đang có, kèm trích dẫn. "
            "Ví dụ: “Sở Tư pháp phải báo cáo cho ai, chậm nhất khi nào?”")
THANKS = "Rất vui được giúp. Bạn cứ hỏi tiếp khi cần."


def conversation(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    """A greeting or thanks with nothing else in it gets a short reply, not "không tìm thấy"."""
    if q.asks("greeting") and len(q.content) <= 3:
        return Draft(GREETING, [], "conversation", 1.0)
    if q.asks("thanks") and len(q.content) <= 5:
        return Draft(THANKS, [], "conversation", 1.0)
    return None


_TERM = [
    re.compile(r"^(?:(?:chu|tu)\s+)?(.+?)\s+(?:la\s+)?(?:viet tat|nghia la gi|co nghia la gi|nghia la|la gi|"
               r"la (?:co quan|to chuc|don vi|chi so|cai) (?:gi|nao))"),
    re.compile(r"viet tat (?:cua\s+)?(?:chu\s+|tu\s+)?[\"“]?(.+?)[\"”]?\s*(?:la gi|nghia la gi)?\s*[?.]?$"),
]


_TERM_FILLER = {"chu", "tu", "cum", "ky", "hieu", "viet", "tat", "trong", "van", "ban", "nay", "cac"}


def glossary(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    if not q.asks("definition"):
        return None
    term = None
    asked = ""  # what "… là gì" asks about
    # the sentence that asks it: a chatty message says who asks first ("Em là sinh viên … .")
    starts = [0, *(m.end() for m in re.finditer(r"[.!?]\s+", q.folded))]
    for pat in _TERM:
        hit = next(((a, x) for a in reversed(starts) if (x := pat.search(q.folded[a:])) is not None), None)
        if hit:
            at, m = hit
            cand = q.text[at + m.start(1): at + m.end(1)].strip(" \"“”'?")
            asked = asked or cand
            if lib.glossary.lookup(cand):
                term = cand
                break
    if term is None:
        if "definition" not in lexical_slots(q.text):
            return None  # an abbreviation in a question about something else is not asked about
        for abbr in lib.glossary.abbreviations_in(q.text):
            # "CCHC là gì?", "cụm từ CCHC nghĩa là gì?" ask it; "Mục tiêu của chương trình CCHC
            # năm 2026 là gì?" asks for something the abbreviation only qualifies
            rest = fold(asked.replace(abbr, " ")).split() if asked else []
            if len(abbr) > 1 and len([w for w in rest if w not in _TERM_FILLER]) <= 1:
                term = abbr
                break
    if term is None:
        return None
    found = lib.glossary.lookup(term)
    if found is None:
        return None
    abbr, meanings = found
    text = f"{abbr} là viết tắt của “{meanings[0]}”" + (f" (còn gọi: {', '.join(meanings[1:])})" if len(meanings) > 1 else "") + "."
    spelled = re.compile(rf"{re.escape(meanings[0])}\s*\({re.escape(abbr)}\)", re.IGNORECASE)
    cited = [c for c in lib.chunks if abbr in c.text and spelled.search(c.text)][:1]
    if cited:
        text += f"\nVăn bản viết: “…{_window(cited[0].text, meanings[0] + ' (' + abbr + ')')}…”"
    return Draft(text, cited, "glossary", 0.95)


def _window(text: str, needle: str, width: int = 80) -> str:
    pos = text.lower().find(needle.lower())
    if pos < 0:
        return needle
    return text[max(0, pos - width): min(len(text), pos + len(needle) + width)].strip()


def _listing(sentence: str) -> bool:
    """"Tham dự cuộc họp có: lãnh đạo các sở: Nội vụ, Tài chính, …": a sentence that lists."""
    return ":" in sentence and sentence.count(",") >= 3


def best_sentences(q: Question, text: str, n: int = 2, topic: list[str] | None = None) -> str:
    sents = split_sentences(clean_inline(text))
    if len(sents) <= 1:
        return clean_inline(text)
    topic = topic if topic is not None else topic_tokens(q)
    lists = q.asks("list")
    scored = sorted(((overlap(topic, s) + (0.2 if lists and _listing(s) else 0.0), -i, i) for i, s in enumerate(sents)),
                    reverse=True)
    keep = sorted(i for s, _o, i in scored[:n] if s > 0) or [0]
    if n > 1 and len(keep) > 1 and scored[0][0] >= 2 * max(scored[1][0], 0.05):
        keep = [scored[0][2]]
    return " ".join(sents[i] for i in keep)


_STRUCTURED = ("duties", "lead", "cooperate", "recipient", "via", "signer", "doc_date", "issuer", "effect",
               "recipients", "summary", "section", "doc_number")


def passage(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    """The sentences of the best passage that match the question, with where they stand."""
    if not ev.hits:
        return None
    topic = ev.topic
    cands = ev.hits[:3] if not ev.named_docs else [h for h in ev.hits if h.chunk.doc_id in ev.doc_ids][:3] or ev.hits[:3]
    # the words of the question may pick a lower passage of a document; among law articles the
    # retrieval's own order (tuned on them) is the better judge
    law = [isinstance(lib.documents.get(h.chunk.doc_id), Law) for h in cands]
    # a passage that numbers the asked thing otherwise ("Giai đoạn 2" for "giai đoạn 1") is another one
    # within one document, the words all its passages share (its subject) tell none apart;
    # across documents, each one's own words weigh alike
    one_doc = len({h.chunk.doc_id for h in cands}) == 1
    scored = [(overlap(topic, f"{h.chunk.text}", lib.spread(h.chunk.doc_id) if one_doc else None)
               - (1.0 if law[i] else 0.04) * i
               - (0.5 if numbers_disagree(q.folded, f"{h.chunk.context} {h.chunk.text[:120]}") else 0.0), i, h.chunk)
              for i, h in enumerate(cands)]
    scored.sort(key=lambda x: -x[0])
    _s, _i, top = scored[0]
    # "… gồm những gì?" answered by one entry of a list: the list, from its lead-in
    if q.asks("list"):
        parent = _lead_in_above(lib, top)
        if parent is not None:
            top = parent
    text = best_sentences(q, top.text, 2, topic)
    cited: list[Chunk] = [top]
    if text.rstrip().endswith(":"):
        # a lead-in ("… bằng các cách thức sau:", "… gồm:") says nothing without its items
        items = _items_after(lib, top, text)
        if items:
            text = text.rstrip() + "\n" + "\n".join(f"- {strip_item(c.text)}" for c in items)
            cited += items
    lead = text
    # "Ai phải …?" answered by a lettered point: who is in its heading
    doc = lib.admin_doc(top.doc_id)
    asks_who = q.asks("person", "lead") or re.search(
        r"\bai\b|\b(don vi|co quan|so|nganh|dia phuong|chu tich|lanh dao|dong chi|nguoi) nao\b", q.folded)
    heading = _heading_of(doc, top.section) if doc is not None else ""
    # a point under a person's heading ("Ông Phạm Đức Toàn, Phó Chủ tịch": "a) … phụ trách …") is
    # theirs, whatever is asked of it
    if heading and (asks_who or names_a_person(heading)) and fold(heading)[:30] not in fold(text):
        lead = f"{heading} ({top.section}): {text[:1].lower() + text[1:]}"
    # the passage competes with the rules: it wins when its words answer better than any fact
    score = 0.75 * overlap(topic, text) if topic else 0.3
    if q.primary in _STRUCTURED:
        score *= 0.6  # a slot the facts fill (who, to whom, which document) is theirs to answer
    # measured as a duty is: on the topic without the words that only ask ("hạn", "gửi đâu")
    asking = {w for s in q.slots for w in DUTY_SLOT_WORDS.get(s, ())}
    told = [t for t in topic if t not in asking] or topic
    return Draft(shorten(lead, 700), cited, "passage", score, doc_id=top.doc_id, match=overlap(told, text))


def _items_after(lib: Library, top: Chunk, lead: str, limit: int = 8) -> list[Chunk]:
    """The passages nested under `top` that follow it (its khoản, points or entries), when the
    lead-in ends its own passage."""
    rest = top.text[top.text.find(lead.rstrip()[:40]) + len(lead.rstrip()):] if lead.rstrip()[:40] in top.text else ""
    if rest.strip():
        return []  # the items are in the passage itself
    chunks = lib.by_doc.get(top.doc_id, [])
    i = next((k for k, c in enumerate(chunks) if c is top), None)
    if i is None:
        return []
    out = []
    for c in chunks[i + 1:]:
        if not c.section.startswith(top.section + " ") and not c.section.startswith(top.section + "."):
            break
        out.append(c)
        if len(out) >= limit:
            break
    return out


def _lead_in_above(lib: Library, c: Chunk) -> Chunk | None:
    """The passage a point or khoản hangs from, when it is a lead-in ending with ':'."""
    for sep in (" điểm ", " khoản "):
        if sep in c.section:
            up = lib.chunk_for(c.doc_id, c.section.rsplit(sep, 1)[0])
            if up is not None and up.text.rstrip().endswith(":"):
                return up
            return None
    return None


def strip_item(text: str) -> str:
    return shorten(clean_inline(text).strip(), 200)


def _heading_of(doc, section: str) -> str:  # type: ignore[no-untyped-def]
    for part in [doc, *doc.attachments]:
        for n in part.walk():
            if n.path == section:
                break
        else:
            continue
        # the nearest item above with a heading that names someone
        path = section
        while "." in path:
            path = path.rsplit(".", 1)[0]
            up = part.find(path)
            if up is not None and up.heading:
                return clean_inline(up.heading).rstrip(":")
    return ""


__all__ = ["GREETING", "THANKS", "best_sentences", "conversation", "glossary", "passage"]
