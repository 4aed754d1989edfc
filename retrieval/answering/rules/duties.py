"""Rules over duty records: a reporting line and its deadline, who leads and who cooperates,
a unit's duties in one document or in all, yes-or-no questions about a unit's duty.

They read the records `retrieval.facts.obligations` extracted from sentences and task tables
alike; none reads a document's text itself."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from retrieval.answering.draft import Draft, end, lower_first, shorten, unique, upper_first
from retrieval.answering.evidence import Evidence, Library, asked_kinds, overlap
from retrieval.answering.question import Question, asks_chair
from retrieval.answering.rules.cited import asks_about_document
from retrieval.answering.slots import CUES, DUTIES_ASKING, DUTY_SLOT_WORDS, DUTY_YES_NO
from retrieval.answering.targets import newest_first
from retrieval.documents.passages import Chunk
from retrieval.facts.deadlines import format_date
from retrieval.facts.obligations import Obligation, applicable, who
from retrieval.facts.units import Unit
from retrieval.lang.text import clean_inline, fold, syllables

# phrases a question uses to ask, not to name its topic: "phải làm gì" asks, "làm sạch" does not
_ASKING = re.compile(
    r"\b(?:(?:phai|can|duoc giao|co) )?(?:lam|thuc hien) (?:gi|nhung gi|nhung viec gi|nhung nhiem vu gi)\b"
    r"|\b(?:co |nhung )?(?:nhiem vu|trach nhiem|viec) (?:gi|nao)\b|\bduoc giao(?: nhung)?(?: nhiem vu| viec)?(?: gi| nao)?\b"
    r"|\b(?:han chot|cham nhat|thoi han|thoi diem|thoi gian)(?: la)?(?: nao| bao lau| khi nao)?\b"
    r"|\b(?:(?:hoan thanh|to chuc|thuc hien|bao cao|nop|gui) )?(?:khi nao|bao gio|vao (?:thoi gian|ngay|thoi diem) nao)\b"
    r"|\b(?:truoc )?(?:ngay|thang|may gio) nao\b|\bbao lau\b|\btruoc may gio\b|\bco khong\b|\bco (?:thoi han )?cu the khong\b"
    r"|\b(?:o|ve) dau\b|\bcho ai\b|\b(?:la )?ai\b|\bnhung gi\b|\bcu the\b|\bkhong\b")


def _asking_only(q: Question) -> set[str]:
    """Words the question uses only inside asking phrases."""
    spans = " ".join(m.group(0) for m in _ASKING.finditer(q.folded))
    rest = _ASKING.sub(" ", q.folded)
    return set(spans.split()) - set(rest.split())
# and the words of each slot ("do cơ quan nào chủ trì, ai phối hợp")
_SLOT_WORDS = DUTY_SLOT_WORDS


def _topic(q: Question, ev: Evidence, listing: bool = False) -> list[str]:
    """The question's words that say which duty it asks; `listing` (a unit's duties listed):
    not the words that ask for the list ("nhiệm vụ của …", "phải làm gì")."""
    drop = _asking_only(q)
    for slot in q.slots:
        drop |= _SLOT_WORDS.get(slot, frozenset())
    if listing:
        drop |= DUTIES_ASKING
    if re.search(r"\b(?:qua|gui|ve|nop|den|toi)\s+dau\b|(?:^|[:,;]\s*)dau\s*(?:,|\?|$)", q.folded):
        drop |= {"dau"}  # "qua đâu", "gửi đâu": the asking word, not "đầu mối"
    return [t for t in ev.topic if t not in drop]


def _rank_bonus(ev: Evidence, o: Obligation) -> float:
    """Retrieval already weighs the topic: a duty whose passage it ranks high gains."""
    for i, h in enumerate(ev.hits[:5]):
        if h.chunk.chunk_id == o.chunk_id:
            return 0.15 if i == 0 else (0.1 if i < 3 else 0.05)
    return 0.0


@dataclass
class Scored:
    score: float  # how well it answers: topic match, slot and retrieval bonuses
    match: float  # how much of the question's topic the record's words cover
    ob: Obligation


def _scored(q: Question, ev: Evidence, lib: Library) -> list[Scored]:
    """Records that may answer, with how well they match the question's topic and slots."""
    if q.documents.numbers and not ev.named_docs and asks_about_document(q) and any(
            any(m.matches(k) for m in q.documents.numbers) for k in lib.references):
        return []  # "Báo cáo số 145/BC-SNV ban hành ngày nào?" asks about a cited document
    docs = ev.doc_ids if ev.named_docs else None
    pool = [o for o in lib.obligations if docs is None or o.doc_id in docs]
    spelled = _spelled_words(q, lib)
    if ev.units:
        mine: list[Obligation] = []
        for u in ev.units:
            mine += applicable(pool, u.name, u.groups)
            mine += [o for o in _of_own_commune(pool, u, lib) if o not in mine]
        # "Văn phòng Đảng ủy xã Lạc Đạo làm gì": a body of the unit, named as the document names
        # it, holds its own duties, not the unit's
        asked = _asked_words(q, spelled)
        organ = [o for o in pool if _organ_named(o, ev.units, asked)]
        pool = organ or mine
    elif ev.groups:
        given = [o for o in pool if o.group in ev.groups or (o.group is None and _names_group(o, ev.groups, lib))]
        if not given and ev.named_docs:
            # "Chủ tịch UBND các xã, phường chậm tiến độ làm gì": the document gives it to some of
            # the group by name (a set it defined); their duties, not "none"
            members = [u for g in ev.groups for u in lib.units.members(g)]
            names = {u.name for u in members}
            # a commune the registry lacks, named by its kind as the group's members are ("UBND xã …")
            kinds = tuple({f"UBND {u.kind} " for u in members})
            given = [o for o in pool if o.units and all(u in names or u.startswith(kinds) for u in o.units)]
        pool = given
    topic = _topic(q, ev)
    # an abbreviation says as much as its words ("VPCP": Văn phòng Chính phủ)
    said = len(topic) + sum(1 for t in topic if (g := lib.glossary.lookup(t.upper())) and len(g[1][0].split()) >= 3)
    if said < 2 and not (ev.units or ev.groups):
        return []  # nothing says which duty: "ai chủ trì cuộc họp …" is not about a duty
    out = []
    ranked = {h.chunk.doc_id for h in ev.hits[:5]}
    for o in pool:
        facts, whole = lib.duty_texts(o)
        match = max(overlap(topic, facts), 0.85 * overlap(topic, whole))
        if q.parts and any(o.section.startswith(p.path) or p.path in o.section for p in q.parts):
            match += 0.1  # "theo phụ lục …", "tại Điều 6 …"
        # the slot alone ("trong thời hạn bao lâu") does not make a duty the answer: its words
        # must be the question's, most of them when the question names no unit
        floor = 0.3 if (ev.units or ev.groups) else 0.55
        unit_duties = q.asks("duties") and bool(ev.units or ev.groups)  # "Sở Tư pháp phải làm gì?": every document
        if match < floor and topic and not unit_duties:
            continue
        if match < 0.6 and not unit_duties and not ev.named_docs and o.doc_id not in ranked:
            continue  # a weak match in a document retrieval does not even rank: another subject
        s = match + _rank_bonus(ev, o)
        if q.asks("recipient", "via") and o.recipient:
            s += 0.15
        if q.asks("deadline") and (o.deadline or o.rule or o.recurrence):
            s += 0.12
        if q.asks("duration") and o.relative is not None:
            s += 0.2
        if q.asks("lead") and "chủ trì" in o.roles:
            s += 0.08
        if q.asks("cooperate") and (o.cooperating or "phối hợp" in o.roles):
            s += 0.08
        if "phối hợp" in o.roles and not q.asks("cooperate", "duties"):
            s -= 0.1  # the partner's copy of a duty answers "who cooperates", not "who must"
        if (ev.units or ev.groups) and o.group is None:
            s += 0.08  # given to the unit by name, not through a group it belongs to
        elif not (ev.units or ev.groups) and _holder_named(q, o, spelled):
            s += 0.1  # "thành viên Ban Chỉ đạo báo cáo …": the one the question names holds it
        out.append(Scored(s, match, o))
    return sorted(out, key=lambda x: -x.score)


def _of_own_commune(pool: list[Obligation], u: Unit, lib: Library) -> list[Obligation]:
    """"UBND xã", "Công an xã" in a document a commune issues are that commune's own: the
    duties a xã's resolution gives "Ủy ban nhân dân xã" are its UBND's."""
    short = fold(u.short or "")
    if not short or u.kind not in ("xã", "phường", "thị trấn"):
        return []
    own = {d.doc_id for d in lib.admin if re.search(rf"\b{re.escape(short)}\b", fold(d.issuer))}
    out = []
    for o in pool:
        if o.doc_id not in own:
            continue
        every = [lib.units.resolve(n) for n in o.units]
        if any(r is not None and r.unit is not None and u.kind in r.unit.commune_kinds and r.unit.name != u.name
               and fold(r.unit.name).split()[0] == fold(u.name).split()[0] for r in every):
            out.append(o)
    return out


def _holder_named(q: Question, o: Obligation, spelled: set[str]) -> bool:
    """Whether the question names who holds the duty as the document writes it ("các thành
    viên Ban Chỉ đạo", "Tổ giúp việc"), though the registry has no such unit; by its
    abbreviation too ("UBKT Đảng ủy xã": `spelled`)."""
    holder = [w for w in (fold(x) for x in syllables(o.responsible or "")) if w not in ("cac", "nhung")]
    if len(holder) < 2:
        return False
    asked = set(q.content) | spelled
    return sum(w in asked for w in holder) >= max(2, round(0.75 * len(holder)))


def _spelled_words(q: Question, lib: Library) -> set[str]:
    """The folded words of the question's abbreviations spelled out, however short ("VP",
    "UBKT"): read once a question, not once a duty."""
    return {fold(w) for a in lib.glossary.abbreviations_in(q.text) for m in lib.glossary.entries.get(a, [])
            for w in syllables(m)}


def _asked_words(q: Question, spelled: set[str]) -> set[str]:
    """Every folded syllable of the question, its abbreviations spelled out."""
    return {fold(w) for w in syllables(q.text)} | spelled


def _organ_named(o: Obligation, units: list[Unit], asked: set[str]) -> bool:
    """Whether the duty's holder is a body of a unit the question names ("Văn phòng", "Ủy ban
    Kiểm tra" of the Đảng ủy xã), and the question (its words, `asked`) names that body too,
    every word of it."""
    if o.group is not None or not o.responsible:
        return False
    holder = " ".join(fold(x) for x in syllables(o.responsible))
    for u in units:
        at = holder.find(" ".join(fold(u.name).split()[:2]))
        # words before the unit's own name ("văn phòng đảng ủy xã"): a body of it
        if at > 0 and all(w in asked for w in holder[:at].split()):
            return True
    return False


def _names_group(o: Obligation, groups: list[str], lib: Library) -> bool:
    """Whether a duty given by name reaches a group: to all its members, or to the units a
    heading picks out of it by the group's own words ("Các sở, ngành được UBND tỉnh giao tham
    mưu (…)" is a part of "các sở, ngành")."""
    if o.within in groups:
        return True  # "UBND các xã, phường còn lại": part of the group, by the group's own words
    for g in groups:
        members = {u.name for u in lib.units.members(g)}
        if members and members <= set(o.units):
            return True
    named = {m.resolution.name for m in lib.units.find(o.responsible)} if o.responsible else set()
    return any(g in named for g in groups)


def _chunk(lib: Library, o: Obligation) -> Chunk | None:
    return lib.chunk_by_id.get(o.chunk_id) or lib.chunk_for(o.doc_id, o.section, o.text)


def _who(o: Obligation, ev: Evidence) -> str:
    """The unit the question asks about, with the group the duty reaches it through."""
    for u in ev.units:
        if u.name in o.units and o.group is None:
            return u.name
        if o.group is not None and o.province is None and o.group in u.groups:
            return f"{u.name} (thuộc {o.group})"
        if u.name in o.units:
            return u.name
    if o.group is not None:
        return upper_first(who(o))
    if o.units and len(o.units) <= 3:
        return ", ".join(o.units)
    if o.responsible:
        return upper_first(clean_inline(o.responsible))
    return f"{len(o.units)} đơn vị"


def _body(o: Obligation, full: bool = False) -> str:
    """What the duty says, with its recipient, channel and deadline as the document writes them."""
    text = o.sentence if (full and o.sentence and len(o.sentence) <= 420) else o.action
    text = clean_inline(text)
    text = re.sub(r"^(?:Giao|giao)\s+", "", text)
    line = lower_first(re.sub(r"[./\s]+$", "", text))  # "… thi hành Quyết định này./."
    if o.recipient and fold(o.recipient) not in fold(line):
        line += f"; gửi {o.recipient}" + (f" (qua {o.via})" if o.via else "")
    if o.deadline_text and fold(o.deadline_text) not in fold(line):
        line += f", {lower_first(o.deadline_text)}"
    return line


def _subject_in(text: str, who: str) -> bool:
    return fold(who.split(" (")[0])[:25] in fold(text[:80])


def describe(o: Obligation, ev: Evidence, today: dt.date, full: bool = False) -> str:
    who = _who(o, ev)
    body = _body(o, full)
    line = body if _subject_in(body, who) else f"{who}: {body}"
    line = upper_first(line)
    nxt = o.next_deadlines(today, 1) if o.deadline is None and o.rule is not None else []
    if nxt:
        line = end(line) + f" Kỳ tới: {format_date(nxt[0])} (tính từ {format_date(today)})"
    return end(line)


def _draft(lines: list[str], obs: list[Obligation], lib: Library, rule: str, score: float, match: float = -1.0) -> Draft:
    cited = unique([_chunk(lib, o) for o in obs])
    return Draft("\n".join(lines), cited, rule, score, doc_id=obs[0].doc_id if obs else None, match=match)


def reporting(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    """To whom, via whom, by when, how long: the best matching duty, every date of it."""
    if not q.asks("recipient", "via", "deadline", "duration", "yes_no", "content", "figure") or q.primary == "duties":
        return None
    if (asked_kinds(q) or q.asks("list")) and not q.asks("recipient", "via", "deadline", "duration"):
        return None  # "bao nhiêu đơn vị …", "những sở nào …", "gồm những nội dung gì": not what they report
    if q.slots and set(q.slots) <= {"figure", "content"} and not any(w in q.folded for w in ("bao lau", "may lan")):
        return None  # "còn bao nhiêu hồ sơ tồn đọng?": a figure, which a duty does not give
    if q.asks("effect"):
        return None  # "… có hiệu lực khi nào": the document's own date, not a duty's
    scored = _scored(q, ev, lib)
    if q.asks("yes_no") and ev.units:
        no = _not_theirs(q, ev, lib, scored, today)
        if no is not None:
            return no
    if not scored:
        return None
    best, o = scored[0].score, scored[0].ob
    if best < 0.4:
        return None
    extra = _other_asks(q, ev, lib, o)
    # the same duty at several dates ("trước ngày 15/6/2025 và trước ngày 15/12/2025"), or the
    # same words in a clause and a table row: keep every record that matches as well
    same = [x.ob for x in scored if x.score >= best - 0.02 and x.ob.doc_id == o.doc_id]
    if not (ev.units or ev.groups) and o.kind == "report" and o.recurrence:
        # "Báo cáo quý theo QCPH 03: ai gửi ai?", no one named: the document's reports of that
        # period, each link of the chain (Công an tỉnh to Sở Nội vụ by the 20th, Sở Nội vụ to
        # UBND tỉnh by the 25th)
        same += [x.ob for x in scored if x.ob not in same and x.ob.doc_id == o.doc_id and x.ob.kind == "report"
                 and x.ob.recurrence == o.recurrence and x.score >= best - 0.15]
    picked: list[Obligation] = []
    for x in same:
        if any(x.deadline_text == y.deadline_text and x.section == y.section for y in picked):
            continue
        picked.append(x)
    picked = picked[:3] + [x for x in extra if x not in picked]
    picked += [x for x in _each_holder(ev, lib, scored, best) if x not in picked]
    full = q.asks("cooperate", "lead") or bool(q.units and len(picked) == 1)
    # a duty read from a clause that says little alone ("…; báo cáo UBND tỉnh trước ngày …")
    # is shown with its sentence
    lines = [describe(x, ev, today, full or _bare(x)) for x in picked]
    if len(picked) > 1 and len({x.sentence for x in picked}) == 1 and picked[0].sentence:
        lines = [describe(picked[0], ev, today, True)]
    prefix = ""
    if q.asks("yes_no"):
        prefix = "Có. "
    if q.asks("deadline", "duration") and not any(x.deadline_text for x in picked):
        twin = _timed_twin(scored, o)
        if twin is not None:
            picked.append(twin)
            lines.append(f"Thời gian: {twin.deadline_text} ({twin.section}).")
        else:
            lines.append("Văn bản không nêu thời hạn cụ thể cho việc này.")
    # a question that is all asking words ("Sở Y tế báo cáo qua đâu, hạn?") has no topic to
    # measure a passage against: its unit's duty is the answer
    match = scored[0].match if _topic(q, ev) else -1.0
    return _draft([prefix + lines[0], *lines[1:]], picked, lib, "reporting", min(1.0, best), match)


def _each_holder(ev: Evidence, lib: Library, scored: list[Scored], best: float) -> list[Obligation]:
    """"Sở, ban, ngành và UBND xã, phường gửi báo cáo … trước ngày nào?": each unit or group
    the question names gets its own best duty, when it matches nearly as well as the best."""
    holders: list[Callable[[Obligation], bool]] = [
        *(lambda o, u=u: o.applies_to(u.name, u.groups) for u in ev.units),
        *(lambda o, g=g: o.group == g or (o.group is None and _names_group(o, [g], lib)) for g in ev.groups)]
    if len(holders) < 2:
        return []
    out: list[Obligation] = []
    for holds in holders:
        mine = next((x.ob for x in scored if holds(x.ob)), None)
        if mine is not None and mine not in out and any(x.ob is mine and x.score >= best - 0.2 for x in scored):
            out.append(mine)
    return out


def _not_theirs(q: Question, ev: Evidence, lib: Library, scored: list[Scored], today: dt.date) -> Draft | None:
    """"Huyện Kim Động có phải báo cáo khắc phục không?": when the duty the question describes
    is given to others and the unit has nothing as close, the answer is no, and who it is for."""
    if not any(re.search(rf"\b{w}\b", q.folded) for w in DUTY_YES_NO):
        return None  # a fact asked yes or no, not whether the duty is the unit's
    everyone = _scored(q, replace(ev, units=[], groups=[]), lib)
    if not everyone or everyone[0].match < 0.6:
        return None
    o = everyone[0].ob
    if any(o.applies_to(u.name, u.groups) for u in ev.units):
        return None
    said = fold(f"{o.sentence} {o.text}")
    if any(fold(n) in said for u in ev.units for n in (u.name, u.short, *u.aliases) if n and len(n) > 3):
        return None  # the unit is in the duty itself ("… làm việc tại Bộ phận Một cửa"): no plain no
    if scored and scored[0].match >= everyone[0].match - 0.15:
        return None  # the unit has a duty about as close: the usual answer
    names = ", ".join(u.name for u in ev.units)
    given = o.group or (", ".join(o.units) if len(o.units) <= 12 else f"{len(o.units)} đơn vị")
    line = (f"Không. Việc “{shorten(lower_first(o.action), 160)}” được giao cho {given}; "
            f"{names} không thuộc số đó.")
    return _draft([line], [o], lib, "reporting", 0.95, everyone[0].match)


# where a question asking two things joins them (on folded text: typed with or without accents)
_JOINS = re.compile(r",\s*va\s+|;\s*|\?\s+|,\s*(?=(?:con|dong thoi|va|ngoai ra)\s)")


def _other_asks(q: Question, ev: Evidence, lib: Library, first: Obligation) -> list[Obligation]:
    """A question that asks two things ("… nội dung gì, và … trước ngày nào?"): the duty that
    answers each part, when it is another one."""
    parts = [p for p in _JOINS.split(q.folded) if len(p.split()) >= 4]
    if len(parts) < 2:  # "… trước ngày nào và tổ chức lớp bồi dưỡng … khi nào": two asking clauses
        halves = [h for h in re.split(r"\s+va\s+", q.folded) if len(h.split()) >= 5]
        if len(halves) >= 2 and sum(bool(CUES["deadline"].search(h) or CUES["recipient"].search(h)) for h in halves) >= 2:
            parts = halves
    if len(parts) < 2:
        return []
    out: list[Obligation] = []
    for part in parts:
        words = [t for t in (fold(w) for w in part.split()) if t in set(ev.topic)]
        if len(words) < 2:
            continue
        sub = Evidence(q, ev.hits, ev.targets, ev.docs, ev.named_docs, ev.units, ev.groups, words)
        scored = _scored(q, sub, lib)
        if scored and scored[0].score >= 0.5 and scored[0].ob is not first and scored[0].ob.action != first.action:
            ob = scored[0].ob
            if CUES["deadline"].search(part) and not _has_day(ob):
                # "… trình UBND tỉnh ban hành trước ngày 15 tháng 12 …": the same sentence's dated duty
                ob = _in_same_sentence(lib, ob, _has_day) or ob
            out.append(ob)
    return out[:2]


def _in_same_sentence(lib: Library, o: Obligation, wanted: Callable[[Obligation], bool]) -> Obligation | None:
    """Another duty the same sentence gives that has what `o` lacks ("…; báo cáo UBND tỉnh trước
    ngày 15/10/2025": the date of the task before it)."""
    return next((x for x in lib.obligations if x is not o and x.doc_id == o.doc_id and x.sentence == o.sentence
                 and wanted(x)), None)


def _bare(o: Obligation) -> bool:
    """A duty whose own words say little: a short clause, or only its time ("trước ngày 15
    tháng 12 của năm trước năm kế hoạch")."""
    return len(o.action.split()) < 8 or bool(o.deadline_text) and fold(o.action).startswith(fold(o.deadline_text))


def _has_day(o: Obligation) -> bool:
    """A deadline with a day to meet ("trước ngày 15 tháng 12"), not a period alone ("hằng năm")."""
    return o.deadline is not None or (o.rule is not None and o.rule.day is not None)


def _timed_twin(scored: list[Scored], o: Obligation) -> Obligation | None:
    """The same task where the document gives its time: a plan says "Sở KH&CN chủ trì xây
    dựng phiếu khảo sát" in its text and "Tháng 5/2025" in its table of tasks."""
    top = next((x.match for x in scored if x.ob is o), 0.0)
    return next((x.ob for x in scored if x.ob is not o and x.ob.deadline_text and x.ob.doc_id == o.doc_id
                 and x.match >= top - 0.15 and set(x.ob.units) & set(o.units)), None)


def roles(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    """Who leads and who cooperates in a task, and when: table rows and "X chủ trì, phối hợp với Y"."""
    if not q.asks("lead", "cooperate") or asks_chair(q.folded):
        return None  # who chaired a meeting is a person, not the lead of a task
    scored = [x for x in _scored(q, ev, lib) if "phối hợp" not in x.ob.roles or not x.ob.lead]
    if not scored or scored[0].score < 0.4:
        return None
    best, o = scored[0].score, scored[0].ob
    lead = ", ".join(o.units) if o.group is None and o.units else (o.group or clean_inline(o.responsible))
    if o.group is None and o.responsible and not o.units:
        lead = clean_inline(o.responsible)
    if o.section.endswith(tuple(f"dòng {i}" for i in range(0, 100))) or ", dòng " in o.section:
        lead = clean_inline(o.responsible) or lead
    parts = [f"Chủ trì: {lead}"]
    if o.cooperating:
        parts.append("phối hợp: " + "; ".join(_coop_names(o, lib)))
    twin = None
    if o.deadline_text:
        parts.append(f"thời gian: {o.deadline_text}")
    elif q.asks("deadline"):
        twin = _timed_twin(scored, o)
        if twin is not None:
            parts.append(f"thời gian: {twin.deadline_text} ({twin.section})")
    if o.recipient:
        parts.append(f"báo cáo {o.recipient}" + (f" (qua {o.via})" if o.via else ""))
    elif not o.deadline_text and o.sentence:
        # "… rà soát, đề xuất …; báo cáo UBND tỉnh trước ngày 15/10/2025": the task's date is
        # its report's, a duty of the same sentence
        report = _in_same_sentence(lib, o, lambda x: bool(x.deadline_text and x.recipient))
        if report is not None:
            parts.append(f"báo cáo {report.recipient}" + (f" (qua {report.via})" if report.via else "")
                         + f" {report.deadline_text}")
    task = shorten(re.sub(r"^(?:Giao|giao)\s+", "", o.sentence or o.action), 260)
    text = "; ".join(parts) + "." + f"\nNội dung: {task.rstrip('.')}."
    return _draft([text], [o, *([twin] if twin else [])], lib, "roles", min(1.0, best), scored[0].match)


def _coop_names(o: Obligation, lib: Library) -> list[str]:
    """The partners as the document writes them when it names a group ("Các sở, ban, ngành tỉnh")."""
    if ", dòng " in o.section:
        chunk = lib.chunk_by_id.get(o.chunk_id)
        m = re.search(r"(?:phối hợp|Phối hợp)[^:|]*:\s*([^|]+)", chunk.text if chunk is not None else "")
        if m:
            return [m.group(1).strip()]
    return o.cooperating


def unit_duties(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    """"Sở Tư pháp phải làm gì?": the unit's duties per document, newest first, each cited."""
    if not q.asks("duties") or not (ev.units or ev.groups):
        return None
    scored = _scored(q, ev, lib)
    if not scored:
        name = ev.units[0].name if ev.units else ev.groups[0]
        where = f" trong {ev.docs[0].short_name}" if ev.named_docs and ev.docs else " trong các văn bản đang có"
        return Draft(f"Không thấy nhiệm vụ nào giao cho {name}{where}.", [], "unit_duties", 0.5, not_stated=True)
    topic = _topic(q, ev, listing=True)
    # "… theo công điện bão số 9", "Quy chế một cửa: …": the documents of the kind the question
    # names (or that issue one), when it has some
    kinds = set(q.documents.kinds)
    of_kind = [x for x in scored if kinds and (d := lib.admin_doc(x.ob.doc_id)) is not None
               and any(p.kind in kinds for p in [d, *d.attachments])]
    if of_kind and not ev.named_docs:
        scored = of_kind
    # the words that name the document ("theo quy chế phối hợp … một cửa") are not a subject
    if ev.named_docs or of_kind:
        named_docs = ev.docs if ev.named_docs else [d for d in (lib.admin_doc(k) for k in {x.ob.doc_id for x in of_kind}) if d]
        own = {w for d in named_docs for p in [d, *d.attachments] for w in syllables(fold(f"{p.kind} {p.subject}"))}
        topic = [t for t in topic if t not in own]
    # a question about one subject ("… về số hóa hộ tịch") keeps the duties on it
    if len(topic) >= 2 and scored[0].score >= 0.55:
        scored = [x for x in scored if x.score >= 0.35]
    by_doc: dict[str, list[Obligation]] = {}
    leads: dict[str, list[Obligation]] = {}
    for o in (x.ob for x in scored):
        # a cooperating part is listed only where the unit has no duty of its own in the document
        (by_doc if not ("phối hợp" in o.roles and o.lead) else leads).setdefault(o.doc_id, []).append(o)
    for doc_id, coop in leads.items():
        by_doc.setdefault(doc_id, coop)
    if not by_doc:
        return None
    docs = newest_first([d for d in (lib.admin_doc(k) for k in by_doc) if d is not None])
    name = ev.units[0].name if ev.units else upper_first(ev.groups[0])
    bodies = {clean_inline(x.ob.responsible) for x in scored if x.ob.responsible}
    if ev.units and len(bodies) == 1 and (asked := _asked_words(q, _spelled_words(q, lib))) and \
            all(_organ_named(x.ob, ev.units, asked) for x in scored):
        name = upper_first(bodies.pop())  # "Văn phòng Đảng ủy xã", the body asked, not its Đảng ủy
    lines = []
    cited: list[Obligation] = []
    several = len(docs) > 1
    if several:
        lines.append(f"{name} có nhiệm vụ trong {len(docs)} văn bản (mới nhất trước):")
    for d in docs:
        obs = sorted(by_doc[d.doc_id], key=lambda o: _order(o))
        seen: set[str] = set()
        items = []
        for o in obs:
            k = f"{o.section}|{o.action}"
            if k in seen:
                continue
            seen.add(k)
            via_group = f" (giao chung cho {o.group})" if o.group else ""
            body = upper_first(_body(o))
            if "phối hợp" in o.roles and o.lead and not any(fold(x) in fold(body) for x in o.lead):
                body = f"Phối hợp với {', '.join(o.lead)}: {lower_first(body)}"
            items.append(f"• {body}{via_group} [{o.section}]")
            cited.append(o)
        head = f"{d.short_name} ({d.header.date.short()}):" if several else f"Theo {d.short_name}, {name}:"
        lines.append(head)
        lines += items[:8] + ([f"… và {len(items) - 8} việc nữa."] if len(items) > 8 else [])
    draft = _draft(lines, cited, lib, "unit_duties", 0.85)
    # a unit of the registry and nothing else asked: its duties are the answer, even when the
    # documents reach it only through a group they name (retrieval finds no passage naming it)
    draft.topic_free = bool(ev.units) and not _topic(q, ev)
    return draft


def _order(o: Obligation) -> tuple[int, str]:
    return (0 if o.group is None else 1, o.section)
