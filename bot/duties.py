"""/nhiemvu and /hanchot: a unit's duties and the corpus's deadlines, worded for a chat.

Pure functions over extracted `Obligation` records (from `extract_obligations` or
`factstore.load_obligations`) and `Units`. Dates are compared with a `today` the caller
passes (the dialogue's clock). Recurring duties with a due day ("trước ngày 20 hằng tháng")
show their next dates, so they appear among the coming deadlines too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from retrieval.facts.deadlines import format_date
from retrieval.facts.obligations import Obligation, applicable, describe, shorten, source_label, who
from retrieval.facts.units import Unit, Units, lookup_unit, unknown_unit_message
from retrieval.lang.text import fold

TELEGRAM_LIMIT = 3800  # under Telegram's 4096, with room for a footer


def _doc_short(ob: Obligation) -> str:
    if ob.doc_number[:1].isdigit():
        return f"{ob.doc_type or 'văn bản'} {ob.doc_number}".strip()
    return shorten(ob.doc_title, 70)


# -- /nhiemvu --------------------------------------------------------------------------------
@dataclass
class DutyItem:
    obligation: Obligation
    status: str  # "upcoming" | "overdue" | "recurring" | "undated"
    days_left: int | None
    through_group: str | None  # the group the duty reaches the unit through
    due: dt.date | None = None  # its date, or its schedule's next one


def _due(ob: Obligation, today: dt.date) -> dt.date | None:
    """The date a duty falls due: its own, or the next one of its schedule."""
    if ob.deadline is not None:
        return ob.deadline
    nxt = ob.next_deadlines(today, 1)
    return nxt[0] if nxt else None


def _status(ob: Obligation, today: dt.date) -> tuple[str, int | None]:
    due = _due(ob, today)
    if due is not None and ob.deadline is None:
        return "upcoming", (due - today).days
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
        items.append((i, DutyItem(ob, status, left, ob.group, _due(ob, today))))

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
        left = "hôm nay" if item.days_left == 0 else f"còn {item.days_left} ngày"
        if item.obligation.deadline is None and item.due is not None:
            # "trước ngày 20 hằng tháng": the date it falls due next
            return f" (kỳ tới {format_date(item.due)}, {left})"
        return f" ({left})"
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
        if "phối hợp" in ob.roles and ob.lead and not line.startswith("Phối hợp"):
            # the unit only cooperates: say with whom, or the line reads as its own task
            line = f"Phối hợp với {', '.join(ob.lead)}: {line}"
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
        # a schedule with a due day ("trước ngày 20 hằng tháng") falls due at its next date
        due = _due(ob, today)
        if due is None and not (include_all and ob.recurrence):
            continue
        if "phối hợp" in ob.roles and ob.lead:
            continue  # the partner's copy of a duty: the lead's record lists it
        k = (ob.doc_id, ob.section, ob.action)
        item = merged.get(k)
        if item is None:
            left = (due - today).days if due else None
            item = merged[k] = DeadlineItem(ob, [], [], due, left, left is not None and left < 0)
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
            when = format_date(it.deadline) + (f" ({ob.recurrence}, kỳ tới)" if ob.deadline is None and ob.recurrence else "")
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
    include_all = fold(arg or "").strip().replace(" ", "") in {"tatca", "all", "het"}
    return format_deadlines(deadlines(obligations, today, days, include_all), today, include_all, days)


