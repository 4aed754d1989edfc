"""A unit's duties, the corpus's deadlines, and answers to "what must unit X do?".

Pure functions over extracted `Obligation` records (from `extract_obligations` or
`factstore.load_obligations`) and `Units`; the bot's /nhiemvu and /hanchot are thin
wrappers around `nhiemvu_text` and `hanchot_text`, and `duty_answer` is the Assistant's
handler for questions that name a unit and ask about its duties, reporting line or
deadline. Dates are compared with a `today` the caller passes (a controllable clock).
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .model import Answer
from .text import fold as fold_text
from .obligations import Obligation, applicable, format_date
from .units import Resolution, Unit, Units

if TYPE_CHECKING:
    from .model import Chunk

TELEGRAM_LIMIT = 3800  # under Telegram's 4096, with room for a footer


# -- wording -------------------------------------------------------------------------------
def shorten(text: str, limit: int = 160) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def describe(ob: Obligation, limit: int = 200) -> str:
    """One line: what, to whom, via whom, by when ("Báo cáo UBND tỉnh (qua Sở Nội vụ) …")."""
    if ob.recipient:
        verb = "Trình" if re.search(r"\btrình\s", ob.action) and "báo cáo" not in ob.action.lower() else "Báo cáo"
        line = f"{verb} {ob.recipient}"
        if ob.via:
            line += f" (qua {ob.via})"
        if ob.what:
            line += f" {ob.what}"
    else:
        line = shorten(core(ob.action).rstrip("."), limit)
    if ob.deadline_text and ob.deadline_text.lower() not in line.lower():
        line += f", {_lower_first(ob.deadline_text)}"
    return _end(line)


def _end(line: str) -> str:
    line = line.rstrip().rstrip(".")
    return line if line.endswith("…") else line + "."


def _doc_short(ob: Obligation) -> str:
    if ob.doc_number[:1].isdigit():
        return f"văn bản số {ob.doc_number}"
    return shorten(ob.doc_title, 70)


def core(action: str) -> str:
    """The duty without its opening grounds ("Căn cứ …, khẩn trương thực hiện …")."""
    m = re.match(r"^(?:Căn cứ|Trên cơ sở|Theo)\s[^,]{10,300},\s*(?=[a-zđà-ỹ])", action)
    if m:
        rest = action[m.end():]
        return rest[:1].upper() + rest[1:]
    return action


def source_label(ob: Obligation) -> str:
    """The document and place a record comes from, for texts made without the index."""
    number = f", số {ob.doc_number}" if ob.doc_number[:1].isdigit() else ""
    return f"{ob.doc_title}{number}, {ob.section}"


def who(ob: Obligation) -> str:
    """Who a record is given to, briefly."""
    if ob.group:
        return ob.group
    if len(ob.units) <= 3 and ob.units:
        return ", ".join(ob.units)
    label = re.sub(r"^Các\s", "các ", ob.label) if ob.label else ""
    return f"{label} ({len(ob.units)} đơn vị)" if label else f"{len(ob.units)} đơn vị"


# -- /nhiemvu --------------------------------------------------------------------------------
@dataclass
class UnitLookup:
    query: str
    resolution: Resolution | None
    suggestions: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.resolution is not None


def lookup_unit(units: Units, name: str) -> UnitLookup:
    name = (name or "").strip()
    r = units.resolve(name) if name else None
    return UnitLookup(name, r, [] if r else units.suggest(name))


def unknown_unit_message(lookup: UnitLookup) -> str:
    if not lookup.query:
        return "Hãy ghi tên đơn vị, ví dụ: Sở Tư pháp, huyện Kim Động."
    msg = f"Không tìm thấy đơn vị “{lookup.query}”."
    if lookup.suggestions:
        msg += " Có phải: " + "; ".join(lookup.suggestions) + "?"
    return msg


@dataclass
class DutyItem:
    obligation: Obligation
    status: str  # "upcoming" | "overdue" | "recurring" | "undated"
    days_left: int | None
    through_group: str | None  # the group the duty reaches the unit through


def _status(ob: Obligation, today: dt.date) -> tuple[str, int | None]:
    if ob.deadline is not None:
        left = (ob.deadline - today).days
        return ("overdue" if left < 0 else "upcoming"), left
    return ("recurring" if ob.recurrence else "undated"), None


_ORDER = {"upcoming": 0, "overdue": 1, "recurring": 2, "undated": 3}


def unit_duties(obligations: list[Obligation], unit: Unit, today: dt.date) -> list[DutyItem]:
    """A unit's duties, nearest deadline first: upcoming (soonest first), overdue (latest
    first), recurring, then duties with no date, in document order."""
    items = []
    for i, ob in enumerate(applicable(obligations, unit.name, unit.groups)):
        status, left = _status(ob, today)
        items.append((i, DutyItem(ob, status, left, ob.group)))

    def order(x: tuple[int, DutyItem]) -> tuple[int, int, int]:
        i, it = x
        rank = _ORDER[it.status]
        if it.status == "upcoming":
            return rank, it.days_left or 0, i
        if it.status == "overdue":  # the most recently passed first
            return rank, -(it.days_left or 0), i
        return rank, 0, i

    return [it for _i, it in sorted(items, key=order)]


def _status_text(item: DutyItem) -> str:
    if item.status == "overdue":
        return " (quá hạn)"
    if item.status == "upcoming" and item.days_left is not None:
        return " (hôm nay)" if item.days_left == 0 else f" (còn {item.days_left} ngày)"
    return ""


def format_unit_duties(unit: Unit, items: list[DutyItem], limit: int = TELEGRAM_LIMIT) -> str:
    if not items:
        return f"Không thấy nhiệm vụ nào giao cho {unit.name} trong các văn bản đang có."
    docs = list(dict.fromkeys(_doc_short(it.obligation) for it in items))
    lines = [f"Nhiệm vụ của {unit.name} ({len(items)}), hạn gần nhất trước:"]
    for n, it in enumerate(items, 1):
        ob = it.obligation
        where = (f"{_doc_short(ob)}, " if len(docs) > 1 else "") + ob.section
        via = f"; giao cho {it.through_group}" if it.through_group else ""
        line = describe(ob, 140)
        if it.status in ("overdue", "upcoming"):
            line = line.rstrip(".") + _status_text(it) + "."
        lines.append(f"{n}. {line} [{where}{via}]")
    if len(docs) == 1:
        lines.append(f"Nguồn: {items[0].obligation.doc_title}" + (
            f", số {items[0].obligation.doc_number}" if items[0].obligation.doc_number[:1].isdigit() else "") + ".")
    return _fit(lines, limit)


def _fit(lines: list[str], limit: int) -> str:
    out: list[str] = []
    size = 0
    for i, line in enumerate(lines):
        if size + len(line) + 1 > limit:
            out.append(f"… và {len(lines) - i} mục nữa.")
            break
        out.append(line)
        size += len(line) + 1
    return "\n".join(out)


def nhiemvu_text(obligations: list[Obligation], units: Units, arg: str, today: dt.date) -> str:
    """/nhiemvu <đơn vị>."""
    lk = lookup_unit(units, arg)
    if not lk.ok:
        return unknown_unit_message(lk)
    r = lk.resolution
    assert r is not None
    if r.unit is None:
        members = ", ".join(u.name for u in units.members(r.name)) or "chưa có đơn vị nào trong danh sách"
        return f"“{r.name}” là một nhóm đơn vị ({members}). Hãy ghi tên một đơn vị cụ thể."
    text = format_unit_duties(r.unit, unit_duties(obligations, r.unit, today))
    if r.how == "fuzzy":
        text = f"(Hiểu “{arg.strip()}” là {r.unit.name}.)\n" + text
    return text


# -- /hanchot --------------------------------------------------------------------------------
@dataclass
class DeadlineItem:
    obligation: Obligation  # the first record of the duty
    units: list[str]  # every unit the duty is given to (groups merged)
    groups: list[str]
    deadline: dt.date | None
    days_left: int | None
    overdue: bool


def deadlines(obligations: list[Obligation], today: dt.date, days: int | None = 30,
              include_all: bool = False) -> list[DeadlineItem]:
    """Dated duties across the corpus, soonest first: those due within `days` from today,
    or with `include_all` every dated one (past ones overdue) and then the recurring ones."""
    merged: dict[tuple[str, str, str], DeadlineItem] = {}
    for ob in obligations:
        if ob.deadline is None and not (include_all and ob.recurrence):
            continue
        k = (ob.doc_id, ob.section, ob.action)
        item = merged.get(k)
        if item is None:
            left = (ob.deadline - today).days if ob.deadline else None
            item = merged[k] = DeadlineItem(ob, [], [], ob.deadline, left, left is not None and left < 0)
        item.units += [u for u in ob.units if u not in item.units]
        if ob.group and ob.group not in item.groups:
            item.groups.append(ob.group)
    items = list(merged.values())
    if not include_all:
        items = [i for i in items if i.days_left is not None and 0 <= i.days_left <= (days if days is not None else 10**6)]
    return sorted(items, key=lambda i: (i.deadline is None, i.deadline or dt.date.max))


def _item_who(item: DeadlineItem) -> str:
    if item.groups:
        return "; ".join(item.groups)
    return who(item.obligation)


def format_deadlines(items: list[DeadlineItem], today: dt.date, include_all: bool, days: int = 30,
                     limit: int = TELEGRAM_LIMIT) -> str:
    if not items:
        if include_all:
            return "Các văn bản đang có không nêu thời hạn nào."
        return (f"Không có thời hạn nào trong {days} ngày tới (tính từ {format_date(today)}). "
                "Gõ /hanchot tatca để xem mọi thời hạn.")
    head = "Mọi thời hạn trong các văn bản:" if include_all else f"Thời hạn trong {days} ngày tới (từ {format_date(today)}):"
    lines = [head]
    for it in items:
        ob = it.obligation
        if it.deadline is None:
            when = (ob.recurrence or ob.deadline_text or "định kỳ").capitalize()
        else:
            when = format_date(it.deadline)
            if it.overdue:
                when += " (quá hạn)"
            elif it.days_left == 0:
                when += " (hôm nay)"
            else:
                when += f" (còn {it.days_left} ngày)"
        lines.append(f"• {when} — {_item_who(it)}: {describe(ob, 140)} [{source_label(ob)}]")
    return _fit(lines, limit)


def hanchot_text(obligations: list[Obligation], today: dt.date, arg: str = "", days: int = 30) -> str:
    """/hanchot (the coming `days`) or /hanchot tatca (every deadline, past ones quá hạn)."""
    from .text import fold

    include_all = fold(arg or "").strip().replace(" ", "") in {"tatca", "all", "het"}
    return format_deadlines(deadlines(obligations, today, days, include_all), today, include_all, days)


# -- answering questions -----------------------------------------------------------------------
_CUE = re.compile(
    r"phai lam gi|can lam gi|lam gi|lam nhung gi|nhiem vu|trach nhiem|duoc giao|phai thuc hien|can thuc hien|"
    r"bao cao|cho ai|thoi han|han chot|han nop|den han|het han|qua han|khi nao|ngay nao|bao gio|cham nhat|"
    r"truoc ngay|\bhan\b(?! che)|nop (cho|ve)|gui (cho|ve)|ap dung|lien quan|co phai"
)
_EXCLUDE = re.compile(r"ban hanh|\bky\b|viet tat|so may|so hieu|so bao nhieu|thong bao so|ke hoach so nao")
_ASKS_WHEN = re.compile(r"khi nao|ngay nao|bao gio|thoi han|han chot|han nop|cham nhat|truoc ngay|\bhan\b(?! che)")
_ASKS_WHOM = re.compile(r"cho ai|\bai\b|co quan nao|noi nao|\bdau\b|\bqua\b")
_ASKS_REPORT = re.compile(r"bao cao|\bnop\b|\bgui\b")
_YES_NO = re.compile(r"\bco\b.*\bkhong\b|co phai")
# words that say what kind of question it is, not what it is about
_GENERIC = frozenset(
    "phai lam gi can nhiem vu trach nhiem duoc giao thuc hien van ban nay khong co nhung gi nao theo ai "
    "khi han chot thoi ngay bao gio cham nhat truoc ap dung lien quan don vi minh toi chung".split()
)


@dataclass
class _Context:
    units: Units
    obligations: list[Obligation]
    text: str = ""  # every directive's words, folded, space-separated, for topic checks


_CONTEXTS: "weakref.WeakKeyDictionary[Any, _Context]" = weakref.WeakKeyDictionary()


def _context(assistant: Any) -> _Context:
    ctx = _CONTEXTS.get(assistant)
    if ctx is None:
        units, obs = assistant.units, assistant.obligations
        ids = {d.doc_id for d in assistant.directives}
        words = " ".join(f"{c.context} {c.text}" for c in assistant.index.chunks if c.doc_id in ids)
        ctx = _CONTEXTS[assistant] = _Context(units, obs, " " + " ".join(re.findall(r"[0-9a-z]+", fold_text(words))) + " ")
    return ctx


def _topic(question: str, unit: Unit) -> list[str]:
    from .answer import _content_tokens
    from .units import key

    drop = set(key(unit.name).split()) | set(key(unit.short).split()) | {"ubnd", "so", "huyen", "thi", "xa", "thanh", "pho"}
    return [t for t in _content_tokens(question) if t not in drop and t not in _GENERIC]


def _off_topic(question: str, unit: Unit, folded_text: str) -> bool:
    """True when a word of the question's subject (a whole word, "công chứng", not its
    syllables) never occurs in the directives."""
    from .answer import _FOLDED_STOP, _QWORDS
    from .text import segment
    from .units import key

    names = [unit.name, unit.short, *unit.aliases]
    drop = {w for n in names for w in key(n).split()} | _GENERIC | _QWORDS | _FOLDED_STOP
    for word in segment(question):
        syl = re.findall(r"[0-9a-z]+", fold_text(word.replace("_", " ")))
        if syl and not all(t in drop for t in syl) and f" {' '.join(syl)} " not in folded_text:
            return True
    return False


def _overlap(tokens: list[str], text: str) -> float:
    from .text import fold

    if not tokens:
        return 0.0
    have = set(re.findall(r"[0-9a-z]+", fold(text)))
    return sum(1 for t in tokens if t in have) / len(tokens)


def _chunk(assistant: Any, ob: Obligation, whole_section: bool = False) -> "Chunk | None":
    if whole_section:
        number = ob.section.removeprefix("mục ").split(".")[0]
        c = assistant.chunk_by_id.get(f"{ob.doc_id}:muc-{number}")
        if c is not None:
            return c
    return assistant.chunk_by_id.get(ob.chunk_id)


def _membership(unit: Unit, ob: Obligation) -> str:
    """'(thuộc các đơn vị được kiểm tra theo …)' / '(thuộc sở, ban, ngành tỉnh)'."""
    if ob.group:
        return f" (thuộc {ob.group})"
    if len(ob.units) > 1 and ob.label:
        return f" (thuộc {_lower_first(ob.label)})"
    return ""


def _fact(unit: Unit, ob: Obligation) -> str:
    line = f"{unit.name}{_membership(unit, ob)} " + _lower_first(describe(ob, 260).rstrip("."))
    if ob.recipient is None and ob.deadline_text is None:
        line = f"{unit.name}{_membership(unit, ob)}, theo {ob.section}: " + _lower_first(shorten(core(ob.action).rstrip("."), 260))
    line += "."
    if ob.purpose and ob.recipient:
        line += f" Mục đích: {ob.purpose.rstrip('.')}."
    return line


def _point_label(ob: Obligation) -> str:
    return ob.section.rsplit(".", 1)[-1] if "." in ob.section else ""


def _whom(ob: Obligation) -> str:
    if ob.group:
        return ob.group
    if len(ob.units) > 3 and ob.label:
        return _lower_first(ob.label)
    return ", ".join(ob.units) or _lower_first(ob.label)


def _duty_list(unit: Unit, duties: list[Obligation]) -> tuple[list[str], list[Obligation]]:
    """Compact lines grouped by section, and the records whose passages to cite
    (a section's heading for several of its points)."""
    groups: dict[tuple[str, str], list[Obligation]] = {}
    for ob in duties:
        number = ob.section.removeprefix("mục ").split(".")[0]
        groups.setdefault((ob.doc_id, number), []).append(ob)
    # reports and dated duties first, soonest first; then the rest in document order
    def rank(k: tuple[str, str]) -> tuple[int, dt.date, int]:
        obs = groups[k]
        dated = [o.deadline for o in obs if o.deadline]
        has_report = any(o.recipient or o.deadline_text for o in obs)
        return (0 if has_report else 1, min(dated) if dated else dt.date.max, list(groups).index(k))

    lines: list[str] = []
    cited: list[Obligation] = []
    for k in sorted(groups, key=rank):
        obs = groups[k]
        first = obs[0]
        number = k[1]
        if len(obs) == 1 and (first.recipient or first.deadline_text):
            lines.append(f"• {first.section} (giao cho {_whom(first)}): {_lower_first(describe(first, 220))}")
            cited.append(first)
            continue
        labels = [_point_label(o) for o in obs]
        where = f"mục {number}" + (f".{labels[0]}–{labels[-1]}" if len(obs) > 1 and all(labels) else
                                   (f".{labels[0]}" if labels[0] else ""))
        whom = _whom(first)
        items = "; ".join(
            (f"{_point_label(o)}) " if _point_label(o) else "") + _lower_first(shorten(core(o.action).rstrip("."), 70))
            for o in obs
        )
        lines.append(_end(f"• {where} (giao cho {whom}): {items}"))
        cited.append(first if len(obs) == 1 else obs[0])
    return lines, cited


def duty_answer(assistant: Any, question: str, fq: str, hits: list[Any], top_k: int) -> Answer | None:
    """Questions that name a unit and ask what it must do, report, to whom, by when."""
    if not _CUE.search(fq) or _EXCLUDE.search(fq):
        return None
    from .references import mentions_in_question

    if mentions_in_question(question):
        return None  # a question about another document's duties: the passages answer it
    ctx = _context(assistant)
    if not ctx.obligations:
        return None
    unit = ctx.units.first_unit(question)
    if unit is None:
        return None
    if _off_topic(question, unit, ctx.text):
        return None  # "Sở Tư pháp … về công chứng": the directives give no duty on that subject
    mine = applicable(ctx.obligations, unit.name, unit.groups)
    topic = _topic(question, unit)
    asks_report = bool(_ASKS_REPORT.search(fq))
    asks_when = bool(_ASKS_WHEN.search(fq))
    asks_whom = bool(_ASKS_WHOM.search(fq)) and asks_report
    yes_no = bool(_YES_NO.search(fq))

    # the duty the question is about, among all records (it may not be this unit's)
    seen: set[tuple[str, str, str]] = set()
    scored: list[tuple[float, Obligation]] = []
    for ob in ctx.obligations:
        k = (ob.doc_id, ob.section, ob.action)
        if k in seen:
            continue
        seen.add(k)
        s = _overlap(topic, f"{ob.action} {ob.what or ''}")
        if asks_report and ob.recipient:
            s += 1.0
        if asks_when and ob.deadline_text:
            s += 0.5
        scored.append((s, ob))
    best = max((s for s, _ in scored), default=0.0)
    specific = best >= 0.5 and (asks_report or asks_when or asks_whom or best >= 0.6 or yes_no)

    if specific:
        top = [ob for s, ob in scored if s >= best - 1e-9]
        hit = [ob for ob in top if ob.applies_to(unit.name, unit.groups)]
        if hit:
            facts = [_fact(unit, ob) for ob in hit]
            lead = ("Có. " if yes_no else "") + " ".join(facts)
            cited = [c for c in (_chunk(assistant, ob) for ob in hit) if c is not None]
            return assistant._finish(lead, cited, hits, top_k, "duty")
        ob = top[0]
        role = ""
        if any(_names(ctx.units, x, unit) for x in (ob.via, ob.recipient)):
            role = f" {unit.name} là nơi tiếp nhận" + (f" (báo cáo gửi {ob.recipient} qua {ob.via})." if ob.via else ".")
        given_to = ", ".join(ob.units) if ob.units else who(ob)
        label = f"{_lower_first(ob.label)}: " if ob.label and len(ob.units) > 1 else ""
        lead = (
            ("Không. " if yes_no else "") + f"{unit.name} không thuộc các đơn vị phải thực hiện nhiệm vụ này ({ob.section}: "
            f"{_lower_first(describe(ob, 200).rstrip('.'))}); nhiệm vụ đó giao cho {label}{given_to}.{role}"
        )
        cited_obs = [ob]
        if mine:
            lines, more = _duty_list(unit, mine)
            lead += f"\nNhiệm vụ áp dụng cho {unit.name}:\n" + "\n".join(lines)
            cited_obs += more
        cited = []
        for o in cited_obs:
            c = _chunk(assistant, o, whole_section=(o is not ob and sum(x.section.split('.')[0] == o.section.split('.')[0] for x in mine) > 1))
            if c is not None and c not in cited:
                cited.append(c)
        return assistant._finish(lead, cited, hits, top_k, "duty")

    if not mine:
        return assistant._finish(
            f"Các văn bản đang có không giao nhiệm vụ nào cho {unit.name}.", [], hits, top_k, "duty")
    lines, cited_obs = _duty_list(unit, mine)
    lead = f"Nhiệm vụ của {unit.name}:\n" + "\n".join(lines)
    cited = []
    for o in cited_obs:
        several = sum(1 for x in mine if x.doc_id == o.doc_id and x.section.split(".")[0] == o.section.split(".")[0]) > 1
        c = _chunk(assistant, o, whole_section=several)
        if c is not None and c not in cited:
            cited.append(c)
    return assistant._finish(lead, cited, hits, top_k, "duty")


def _names(units: Units, text: str | None, unit: Unit) -> bool:
    r = units.resolve(text, fuzzy=False) if text else None
    return r is not None and r.unit is not None and r.unit.name == unit.name
