"""Rules over a document's header and signature: number, type, date, issuer, signer with
capacity, effect date and what it replaces, urgency, Kính gửi and Nơi nhận; and the
summary of a document ("Kế hoạch 27/KH-UBND về việc gì?", "tóm tắt văn bản")."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from retrieval.answering.draft import Draft, end, lower_first, shorten, unique
from retrieval.answering.evidence import Evidence, Library, about_documents, overlap
from retrieval.answering.question import Question, language_data
from retrieval.answering.rules.fields import member_cues, role_cues
from retrieval.answering.slots import DOCUMENT_SLOT_WORDS, lexical_slots
from retrieval.documents.model import AdminDocument, Signature
from retrieval.documents.passages import Chunk
from retrieval.facts.people import OFFICE, asked_office, asks_contact, holds, phone_of
from retrieval.lang.text import clean_inline, fold, syllables


def _target(q: Question, ev: Evidence, lib: Library, sections: tuple[str, ...] = ()) -> AdminDocument | None:
    """The document asked about: the one named; else the one whose header part the question
    is after ("Kính gửi", "phần ký") ranks best among the passages; else the best passages'."""
    if ev.named_docs and ev.docs:
        return ev.docs[0]
    for h in ev.hits[:10]:
        if h.chunk.section in sections:
            d = lib.admin_doc(h.chunk.doc_id)
            if d is not None:
                return d
    # the passages may all be law articles ("ai ký văn bản này" shares words with many): the
    # best-ranked administrative document, or the only one there is
    top = ev.top_admin(lib, 3) or ev.top_admin(lib, 10)
    if top:
        return top[0]
    return lib.admin[0] if len(lib.admin) == 1 else None


def _chunks(lib: Library, d: AdminDocument, *sections: str) -> list[Chunk]:
    out = []
    for s in sections:
        out += [c for c in lib.by_section.get((d.doc_id, s), []) if ":kem-" not in c.chunk_id][:1]
    return out


def signer_line(d: AdminDocument) -> str:
    """"Phó Chủ tịch Nguyễn Văn A (ký thay Chủ tịch)"; every signer of a minutes, each with
    the part they had ("Thư ký: Đỗ Thị B; Chủ trì: Chủ tịch UBND xã Phạm Văn C")."""
    if d.cosigners and d.signer is not None:
        return "; ".join(f"{s.role}: " * bool(s.role) + _one_signer(s) for s in [*d.cosigners, d.signer])
    return _one_signer(d.signer)


def _one_signer(s: Signature | None) -> str:
    """"Phó Chủ tịch Nguyễn Văn A (KT. Chủ tịch: ký thay Chủ tịch)": the capacity as the block
    writes it, which is what a reader checks it against, and what it means."""
    if s is None or not s.name:
        return ""
    # a block printed as one line ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH") still holds two capacities
    cap = [x.strip() for c in s.capacity for x in re.split(r"\s+(?=(?:KT|TM|TL|TUQ)\.\s|T/M\s)", c, flags=re.IGNORECASE)]
    meaning = []
    for c in cap:
        mark, _, whom = c.partition(" ")
        said = {"KT.": "ký thay", "TL.": "thừa lệnh", "TUQ.": "thừa ủy quyền", "TM.": "thay mặt",
                "T/M": "thay mặt"}.get(mark.upper())
        if said and whom:
            meaning.append(f"{said} {whom}")
    how = f" ({' / '.join(cap)}: {', '.join(meaning)})" if meaning else (f" ({' / '.join(cap)})" if cap else "")
    return f"{s.title} {s.name}{how}".strip()


def _asks_another_kind(q: Question, d: AdminDocument) -> bool:
    """"… kế hoạch nào?" of a Tờ trình: which document of another kind, not this one's number."""
    asked = re.findall(r"\b(van ban|cong van|ke hoach|quyet dinh|chi thi|thong bao|bao cao|nghi quyet|to trinh|de an|"
                       r"quy che|chuong trinh) (?:so )?nao\b", q.folded)
    kinds = {fold(p.kind) for p in [d, *d.attachments]} | {"van ban"}
    return bool(asked) and not any(k in kinds for k in asked)


def _asks_besides_date(q: Question) -> bool:
    """"… ban hành ngày nào và về việc gì / mời dự hội nghị gì / thực hiện nghị quyết nào?": a
    question word left once the date's own are taken out asks what the document is about too;
    so does a terse list's other item ("TB 12: ngày, đơn vị được kiểm tra?") that is no other
    fact of its header ("ngày, ai ký")."""
    rest = re.sub(r"\b(?:" + "|".join(re.escape(a) for a in language_data()["date_asks"]) + r")\b", " ", q.folded)
    if re.search(r"\b(?:gi|nao|dau)\b", rest):
        return True
    asked = q.folded.rsplit(":", 1)[-1]
    items = [set(re.findall(r"[a-z0-9]+", x)) for x in re.split(r"[,;]|\bva\b", asked)]
    return len(items) >= 2 and any(x and not x <= _header_words() for x in items)


@lru_cache(maxsize=1)
def _header_words() -> frozenset[str]:
    """The words that ask a fact of a document's header ("ngày", "ai ký", "số") and fill around them."""
    return frozenset().union(*DOCUMENT_SLOT_WORDS.values()) | frozenset(language_data()["document_fact_fillers"])


def _words_besides_header(q: Question, d: AdminDocument) -> list[str]:
    """What a question says beyond naming a document (its kind, number, issuer) and asking facts
    of its header: "CV 472 STP ngày nào, gửi ai?" says nothing else; "Báo cáo quý theo QCPH 03:
    ai gửi ai?" asks of a report the document requires."""
    own = set(syllables(fold(d.header.issuer))) | set(re.split(r"[/\-\s]+", fold(d.number)))
    return [w for w in q.content if w not in q.naming and w not in _header_words() and w not in own]


def _about(d: AdminDocument) -> str:
    """What a document is about, as its trích yếu says it ("V/v đôn đốc …", "về kết quả …")."""
    subject = clean_inline(d.subject).rstrip(".")
    if not subject:
        return ""
    if re.match(r"(?i)^(?:v/v|về)\b", subject):
        return shorten(subject, 200)
    return shorten(f"về {lower_first(subject)}", 200)


def metadata(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    wanted = [s for s in q.slots if s in ("signer", "doc_date", "issuer", "effect", "recipients", "doc_number")]
    if "doc_number" in wanted and ev.named_docs and ev.docs and _asks_another_kind(q, ev.docs[0]):
        wanted.remove("doc_number")  # "Tờ trình 412 đề nghị ban hành kế hoạch nào?": another document
    urgency = bool(re.search(r"\b(muc )?do khan\b|\b(khan|hoa toc|thuong khan) (khong|gi|nao)\b|\bco (khan|hoa toc)\b",
                             q.folded))
    if wanted and "deadline" in q.slots and "doc_date" not in wanted and ev.named_docs and \
            not (ev.units_besides_issuer() or ev.groups):
        wanted.append("doc_date")  # "CV 377 ngày nào, ai ký?": beside a document's other facts, its date
    if "recipient" in q.slots and "recipients" not in wanted and ev.named_docs and ev.docs and \
            not (ev.units_besides_issuer() or ev.groups) and re.search(r"\bgui (?:ai|cho ai|nhung|toi|den|co quan|don vi)\b", q.folded) \
            and not _words_besides_header(q, ev.docs[0]):
        # "CV 472 ngày nào, gửi ai?": a named document's addressees, when no unit's report is asked
        wanted.append("recipients")
        if "deadline" in q.slots and "doc_date" not in wanted:
            wanted.append("doc_date")
    if not wanted and not urgency:
        return None
    # a question with a topic of its own ("… do cơ quan nhà nước thành lập ra?") asks about that
    # topic, not about a document's header: it must name the document or ask in so many words
    said = set(lexical_slots(q.text)) & set(wanted)
    if not (ev.named_docs or said or urgency or about_documents(q, ev)):
        return None
    # "gửi tới những ai" is the Kính gửi of a letter; "nơi nhận" says the copies
    sent_to = ("Nơi nhận",) if "noi nhan" in q.folded else ("Kính gửi",)
    parts = {"recipients": sent_to, "signer": ("phần ký",), "doc_date": ("phần đầu",)}
    d = _target(q, ev, lib, tuple(x for w in wanted for x in parts.get(w, ())))
    if d is None:
        return None
    # a number the question names that is not this document's: a cited document, not this one
    if q.documents.numbers and not ev.named_docs:
        return None
    if "doc_number" in wanted and (not ev.named_docs or any(m.matches(d.number) for m in q.documents.numbers)):
        wanted.remove("doc_number")  # "… là thông báo số mấy?" asks a cited document's number
        if not wanted and not urgency:
            return None
    name = d.short_name
    covers: frozenset[str] = frozenset()
    facts: list[str] = []
    sections: list[str] = []
    if "doc_date" in wanted or urgency:
        date = d.header.date
        when = date.text or date.short()
        subject = _about(d) if _asks_besides_date(q) else ""
        covers = frozenset({"summary"}) if subject else frozenset()
        about = f" ({subject})" if subject else ""
        facts.append(f"{name}{about} ban hành {lower_first(when)}" + (f" tại {date.place}" if date.place else ""))
        sections.append("phần đầu")
        passed = _passed(d)
        if passed is not None:  # a resolution says where and when its council passed it
            facts.append(passed[0])
            sections.append(passed[1])
    if urgency:
        facts.append(f"độ khẩn: {d.header.urgency}" if d.header.urgency else "văn bản không ghi độ khẩn")
    if "signer" in wanted:
        line = signer_line(d)
        if line:
            # the day it was signed belongs to who signed it, unless the date is given already
            when = d.header.date.text or d.header.date.short()
            signed = f"; ký {lower_first(when)}" if when and "doc_date" not in wanted and not urgency else ""
            facts.append(f"người ký: {line}{signed}")
            sections.append("phần ký")
    if "issuer" in wanted:
        facts.append(f"cơ quan ban hành: {d.issuer}")
        sections.append("phần đầu")
    if "doc_number" in wanted:
        facts.append(f"số và ký hiệu: {d.number or 'để trống'}")
        sections.append("phần đầu")
    if "effect" in wanted:
        eff = d.effective or next((a.effective for a in d.attachments if a.effective), None)
        if eff and any("hiệu lực" in f for f in facts):
            pass  # the sentence that passed it said so already
        elif eff:
            signed = d.header.date.short()
            facts.append(f"{name} có hiệu lực {eff}"
                         + (f" (ký ngày {signed})" if "ngày ký" in eff and signed else ""))
        if d.replaces:
            facts.append("thay thế " + ", ".join(_ref_name(lib, n) for n in d.replaces))
        elif re.search(r"\b(thay the|bai bo)\b", q.folded):
            facts.append("văn bản không nêu văn bản nào bị thay thế hay bãi bỏ")
        if not eff and not d.replaces:
            facts.append("văn bản không nêu ngày có hiệu lực")
        cands = [c for c in lib.by_doc.get(d.doc_id, []) if "hiệu lực" in c.text]
        sections += [cands[0].section] if cands else []
    if "recipients" in wanted:
        if "noi nhan" in q.folded and d.copies:
            facts.append("Nơi nhận: " + "; ".join(d.copies))
            sections.append("Nơi nhận")
        elif d.recipients:
            facts.append(f"{name} gửi {len(d.recipients)} nơi (Kính gửi): " + "; ".join(d.recipients))
            sections.append("Kính gửi")
        elif d.copies:
            facts.append("Nơi nhận: " + "; ".join(d.copies))
            sections.append("Nơi nhận")
    if not facts:
        return None
    text = end("; ".join([facts[0][:1].upper() + facts[0][1:], *facts[1:]]))
    cited = _chunks(lib, d, *dict.fromkeys(sections))
    # "nơi nhận", "ai ký", "ban hành ngày nào" said in so many words ask this fact, whichever
    # document it is; a slot only guessed from similar questions is less sure
    return Draft(text, cited, "metadata", 0.9 if ev.named_docs or said else 0.7, doc_id=d.doc_id, covers=covers)


def _ref_name(lib: Library, number: str) -> str:
    from retrieval.documents.references import number_key

    ref = lib.references.get(number_key(number))
    if ref is None:
        return number
    r = ref[0]
    head = f"{r.kind} số {r.number}".strip()
    return head + (f" ngày {r.date}" if r.date else "")


def summary(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    """What a document is about: number, date, issuer, signer, subject, and its parts."""
    if not q.asks("summary") or not ev.named_docs or not ev.docs or q.parts:
        return None  # "Mục II của kế hoạch nói gì?" asks a part: navigation's
    d = ev.docs[0]
    date = d.header.date
    head = f"{d.kind} số {d.number}" if not d.header.number.blank else d.title
    # "… ngày nào, về việc gì": the day asked, as the document writes it
    when = date.text if q.asks("doc_date", "deadline") and date.day and date.text else \
        (f"ngày {date.short()}" if date.short() else "")
    line = f"{head}" + (f" {lower_first(when)}" if when else "") + f" của {d.issuer}"
    subject = re.sub(r"^(?:V/v|Về việc)\s+", "về việc ", d.subject, flags=re.IGNORECASE)
    # "Kết luận … của Ban Thường vụ Tỉnh ủy về …": a subject that says whose it is goes on as written
    line += f" {subject}" if fold(subject).startswith(("ve ", "cua ")) else f" về {lower_first(subject)}"
    # who signed, in short: the capacity is the signer question's, not the summary's
    signers = "; ".join(f"{s.title} {s.name}".strip() for s in [*d.cosigners, d.signer] if s is not None and s.name)
    signed = f" Người ký: {signers}." if signers else ""
    parts = [n for n in d.body if n.kind in ("roman", "part", "chapter", "article", "section") and (n.heading or n.text)]
    outline = ""
    if d.attachments:
        a = d.attachments[0]
        outline = f" Ban hành kèm theo: {a.kind} {a.subject} ({len([n for n in a.walk() if n.kind == 'article'])} điều)."
    elif parts and len(parts) <= 8 and all(p.heading for p in parts):
        outline = " Gồm: " + "; ".join(p.title.rstrip(':') for p in parts) + "."
    text = end(line) + signed + outline + _situation(d) + _aims(d) + _tasks(d, lib)
    cited = _chunks(lib, d, "phần đầu")
    # a Quyết định says what it issues in its first article
    issuing = [c for c in lib.by_doc.get(d.doc_id, []) if ":kem-" not in c.chunk_id
               and re.search(r"ban hành kèm theo", c.text, re.IGNORECASE) and c.kind not in ("meta", "footnote")]
    cited = issuing[:1] + cited
    return Draft(text, cited, "summary", 0.9, doc_id=d.doc_id)




_FIGURE = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{3})+(?![\d.])|\d+(?:,\d+)?\s*%")


def _situation(d: AdminDocument) -> str:
    """The first figure the body gives (how things stand, or the target it sets): a summary
    says the size of what the document is about."""
    for n in d.walk():
        text = clean_inline(n.text or "")
        if not text or re.match(r"(?i)căn cứ|theo đề nghị", text):
            continue
        for sentence in re.split(r"(?<=[.;])\s+", text):
            if _FIGURE.search(sentence) and len(sentence) >= 40:
                return f" Nêu: {shorten(sentence, 180)}"
    return ""


def _aims(d: AdminDocument) -> str:
    """The first figure a part of targets sets ("Mục tiêu năm 2026": "… đạt từ 70% trở lên"), when
    the figure the summary already gives is another."""
    first = _situation(d)
    for n in d.walk():
        if not n.heading or not re.search(r"(?i)\b(mục tiêu|chỉ tiêu)\b", n.heading):
            continue
        for c in n.walk():
            for sentence in re.split(r"(?<=[.;])\s+", clean_inline(c.text or "")):
                if _FIGURE.search(sentence) and len(sentence) >= 30:
                    said = shorten(sentence, 160)
                    return "" if said in first else f" Mục tiêu: {said}"
    return ""


def _tasks(d: AdminDocument, lib: Library) -> str:
    """How many duties it gives, to whom most, and by which dates: what a reader must act on."""
    obs = [o for o in lib.obligations if o.doc_id == d.doc_id and "phối hợp" not in o.roles]
    if not obs:
        return ""
    counts: dict[str, int] = {}
    for o in obs:
        # whom the document gives it to, as it names them ("Ban cán sự đảng UBND tỉnh", "UBND các xã,
        # phường"), not the first member of a group
        u = o.responsible if o.responsible and len(o.responsible) <= 60 else (o.group or (o.units or [""])[0])
        counts[u] = counts.get(u, 0) + 1
    who = [u for u, _n in sorted(counts.items(), key=lambda x: -x[1]) if u][:3]
    signed = d.header.date.date
    dates = sorted({o.deadline for o in obs if o.deadline and (signed is None or o.deadline >= signed)})
    when = f"; hạn: {', '.join(f'{x.day:02d}/{x.month}/{x.year}' for x in dates[:5])}" if dates else ""
    return f" Giao {len(obs)} việc, nhiều nhất cho: {', '.join(who)}{when}."


def person(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    """Who holds an office: a person the documents name with it; else that they do not
    name one, with the nearest holder they do name ("Phó Chủ tịch …, ký thay Chủ tịch")."""
    named = _named_people(q, ev, lib)
    if named is not None:
        return named
    office = asked_office(q.restored) if q.asks("person") else None
    if office is None:
        return _members(q, ev, lib)
    pool = lib.people
    if ev.named_docs and ev.docs:
        ids = {d.doc_id for d in ev.docs}
        pool = [p for p in pool if p.doc_id in ids] or pool
    exact = [p for p in pool if holds(p, office)]
    if exact:
        p = exact[0]
        chunk = lib.chunk_by_id.get(p.chunk_id)
        said = f"{p.office}: {p.name}" + (f" ({p.note})" if p.note else "")
        sources = [chunk] if chunk else []
        phone = phone_of(p, lib.by_doc.get(p.doc_id, [])) if asks_contact(q.folded) else None
        if phone is not None:
            said += f"; điện thoại: {phone[0]}"
            sources = unique([*sources, phone[1]])
        # the office asked and a person the documents name in it: as sure as a fact gets
        return Draft(end(said), sources, "person", 1.0, doc_id=p.doc_id)
    title = OFFICE.search(office)
    base = title.group(1).removeprefix("pho ") if title else ""
    near = [p for p in pool if p.title.removeprefix("pho ") == base]
    at = fold(q.restored).find(office)  # folding keeps positions: show the office as typed
    shown = q.restored[at:at + len(office)] if at >= 0 else office
    text = f"Các văn bản đang có không nêu tên người giữ chức {shown}."
    cited: list[Chunk] = []
    if near:
        p = near[0]
        text += f" Văn bản nêu {p.office} {p.name}" + (f" ({p.note})" if p.note else "") + "."
        chunk = lib.chunk_by_id.get(p.chunk_id)
        cited = [chunk] if chunk else []
    return Draft(text, cited, "person", 0.85, not_stated=True, doc_id=near[0].doc_id if near else None)


_WHICH = re.compile(r"\b(van ban|cong van|ke hoach|quyet dinh|chi thi|thong bao|bao cao|quy che|huong dan|chuong trinh|"
                    r"to trinh|nghi quyet|cong dien|giay moi) nao\b")


def which_document(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    """"Văn bản nào quy định về khảo sát sự hài lòng?": the corpus's documents whose subject
    the question quotes (a cited document is the `cited` rule's)."""
    m = _WHICH.search(q.folded)
    if not m or q.documents.numbers:
        return None
    # the kind asked is the word before "nào" ("văn bản nào quy định …": "quy định" is the verb)
    kinds = {k for k in q.documents.kinds if fold(k) == m.group(1)}
    docs = [t.doc for t in ev.targets if not kinds or t.doc.kind in kinds][:3]
    if not docs:  # the subject quoted loosely: the first-ranked document, when its subject fits
        top = ev.top_admin(lib, 1)
        docs = [d for d in top if (not kinds or d.kind in kinds) and overlap(ev.topic, d.subject) >= 0.5]
    if not docs:
        return None
    lines = []
    for d in docs:
        date = d.header.date.short()
        lines.append(f"{d.short_name}" + (f" ngày {date}" if date else "") + f" của {d.issuer}: {d.subject}")
    return Draft("\n".join(end(x) for x in lines), lib.by_doc.get(docs[0].doc_id, [])[:1], "which_document", 1.0,
                 doc_id=docs[0].doc_id)


def _named_people(q: Question, ev: Evidence, lib: Library) -> Draft | None:
    """"Ông Mai Xuân Trường giữ vai trò gì …?": every office and part the documents give the
    person the question names in full (the words of the name, in order)."""
    if not (q.asks("person") or any(re.search(rf"\b{re.escape(c)}\b", q.folded) for c in role_cues())):
        return None
    padded = f" {' '.join(syllables(q.folded))} "
    pool = [p for p in lib.people if len(p.name.split()) >= 2 and f" {' '.join(syllables(fold(p.name)))} " in padded]
    if ev.named_docs and ev.docs:
        ids = {d.doc_id for d in ev.docs}
        pool = [p for p in pool if p.doc_id in ids] or pool
    if not pool:
        return None
    lines = list(dict.fromkeys(end(f"{p.name}: {p.office}" + (f" ({p.note})" if p.note else "")) for p in pool[:6]))
    cited = unique(lib.chunk_by_id.get(p.chunk_id) for p in pool[:6])
    return Draft("\n".join(lines), cited, "person", 0.9, doc_id=pool[0].doc_id)


def _members(q: Question, ev: Evidence, lib: Library) -> Draft | None:
    """The people of a unit the question names on a roster ("Công an tỉnh có ai tham gia Ban
    Chỉ đạo, với vai trò gì?"): each with the office and the role the list gives them."""
    if not ev.units or not any(re.search(rf"\b{re.escape(c)}\b", q.folded) for c in member_cues()):
        return None
    pool = [p for p in lib.people if p.note and not p.note.startswith("ký ")]
    if ev.named_docs and ev.docs:
        ids = {d.doc_id for d in ev.docs}
        pool = [p for p in pool if p.doc_id in ids] or pool
    names = [fold(n) for u in ev.units for n in (u.name, u.short, *u.aliases) if n]
    found = [p for p in pool if any(n and n in fold(p.office) for n in names)]
    if not found:
        return None
    lines = [end(f"{p.name}, {p.office} ({p.note})") for p in found[:5]]
    cited = unique(lib.chunk_by_id.get(p.chunk_id) for p in found[:5])
    # the unit named, on the roster of the body the question names: a fact on the question's
    # own topic, however few of its words the passages share
    on_body = max(overlap(ev.topic, lib.spelled(p.note)) for p in found[:5]) >= 0.5
    return Draft("\n".join(lines), cited, "person", 0.9, doc_id=found[0].doc_id, topic_free=on_body)


def _passed(d: AdminDocument) -> tuple[str, str] | None:
    """"Nghị quyết này đã được HĐND tỉnh … khóa XVII, kỳ họp thứ mười ba thông qua ngày …": the
    sentence that says where and when a council passed the document, and its part."""
    for n in d.walk():
        text = clean_inline(n.text or "")
        for sentence in re.split(r"(?<=[.;])\s+", text):
            f = fold(sentence)
            if "thong qua" in f and "ky hop" in f and re.search(r"\bngay \d", f):
                return lower_first(sentence.strip().rstrip("./")), n.path or "phần kết"
    return None
