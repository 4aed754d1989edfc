"""Duties read from a document clause by clause: who must do what, leading or cooperating,
to whom, via whom, by when — from sentences and from tables alike, on any form.

Each item's text is cut into sentences and clauses (`retrieval.facts.clauses`). A clause's
subject is read wherever it stands (`retrieval.facts.subjects`: after opening phrases of
time, condition, purpose or basis, after "Giao"/"Đề nghị", as a list, as a group, as a set
the document lists elsewhere); a clause with no subject of its own takes the one before it
in the sentence, else the item's heading or lead-in ("2. Sở Nội vụ:", "Các sở, ban, ngành
tỉnh; UBND các xã, phường:", "1. Trung tâm …: chủ trì …"), else — in a document about its
issuer's own work (a sở's Báo cáo, a Tờ trình) — the issuer. Every clause with a duty verb
(`retrieval/lang/data/duties.yaml`) is a duty: its roles, recipient and channel
(`retrieval.facts.reports`), each of its deadlines (`retrieval.facts.deadlines`), its
recurrence. Tables give a duty per row when a column says who ("Đơn vị chủ trì", "Cơ quan
chuẩn bị") with the row's date; a set of units listed in a table's column gives each unit
its own row's deadline.

Parts that describe (results, aims, scope, budget, a meeting's discussion) give no duty
unless a sentence there assigns one ("giao …", "đề nghị …"); a Báo cáo's or Tờ trình's
proposals to a higher body give none. A group ("sở, ban, ngành tỉnh") gives one record whose
units are its members; a name the registry lacks is kept under its own name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from retrieval.documents.model import AdminDocument, Node, Table, TableRow
from retrieval.documents.passages import node_chunk_ids
from retrieval.facts.clauses import split_clauses, split_sentences
from retrieval.facts.deadlines import Deadline, Recurrence, Relative, find_deadlines, format_date, parse_cell
from retrieval.facts.definitions import Definitions
from retrieval.facts.lists import listed_names, listed_subject
from retrieval.facts.reports import ReportReader, purpose
from retrieval.facts.subjects import Opening, Responsible, SubjectReader
from retrieval.facts.units import Units, load_units
from retrieval.lang.lexicon import ROLE_NAMES, Lexicon, load_lexicon, lower_same_length
from retrieval.lang.text import clean_inline, fold

__all__ = [
    "Obligation", "Responsible", "applicable", "core", "describe", "extract_obligations", "format_date",
    "listed_names", "parse_report", "parse_responsible", "shorten", "source_label", "split_clauses",
    "split_sentences", "who",
]


# -- the record --------------------------------------------------------------------------------
@dataclass
class Obligation:
    responsible: str  # who, as the document names them (a heading, a sentence's subject)
    action: str  # the clause that states the duty
    recipient: str | None
    via: str | None
    what: str | None
    deadline: dt.date | None
    deadline_text: str | None
    purpose: str | None
    doc_id: str
    doc_title: str
    doc_number: str
    section: str  # citation: "mục IV.1", "khoản 1 Điều 6", "Phụ lục, dòng 4"
    text: str  # the passage as written (the evidence)
    units: list[str] = field(default_factory=list)  # canonical names (or the document's own, if unknown)
    group: str | None = None  # the group it is given to ("sở, ban, ngành tỉnh")
    label: str = ""  # who, as the heading describes them ("Các đơn vị được kiểm tra …")
    recurrence: str | None = None  # "hằng tháng", "hằng quý", "6 tháng"
    kind: str = "task"  # "report" (has a recipient), "deadline" (a date or schedule), "task"
    chunk_id: str = ""  # the indexed passage it comes from
    unresolved: list[str] = field(default_factory=list)  # names the registry does not know
    roles: list[str] = field(default_factory=list)  # "chủ trì", "phối hợp", "thực hiện", "báo cáo", "chỉ đạo", "tham mưu"
    lead: list[str] = field(default_factory=list)  # who leads the task (for a cooperating unit's record)
    cooperating: list[str] = field(default_factory=list)  # who cooperates with the lead
    time: str | None = None  # "16:00" when the deadline has an hour
    rule: Recurrence | None = None  # a schedule with a day: its next dates for /hanchot and reminders
    relative: Relative | None = None  # "trong thời hạn 03 ngày làm việc kể từ …"
    start: dt.date | None = None  # a range's first day
    doc_type: str = ""  # Kế hoạch, Quyết định, Quy chế, …
    doc_date: dt.date | None = None
    basis: str = "direct"  # "direct" | "group: …" | "reference: …"
    sentence: str = ""  # the whole sentence the clause stands in (its task, when the clause only reports)
    province: str | None = None  # the group is another province's ("tỉnh Ninh Bình"): none of this registry's units
    within: str | None = None  # the units are part of this group, picked out by a qualifier ("… còn lại", "… có tên tại Phụ lục")

    @property
    def key(self) -> str:
        """Stable identity across rebuilds (changes only when the duty's text does)."""
        digest = hashlib.sha1(
            f"{self.action}|{self.deadline_text or ''}|{','.join(self.roles)}".encode("utf-8")).hexdigest()[:10]
        return f"{self.doc_id}:{self.section}:{self.group or '-'}:{digest}"

    def applies_to(self, unit_name: str, unit_groups: tuple[str, ...] | list[str] = ()) -> bool:
        if self.group is not None and (unit_name in (self.recipient or "") or unit_name in (self.via or "")):
            return False  # a group's report "về Sở X" is not Sở X's own duty, though Sở X is one of the group
        return unit_name in self.units or (self.group is not None and self.province is None and self.group in unit_groups)

    def next_deadlines(self, today: dt.date, count: int = 3) -> list[dt.date]:
        """The dates it falls due from today: its date, or the next ones of its schedule (never
        before the document gives the duty: a Chỉ thị of March has no report due in January)."""
        if self.deadline is not None:
            return [self.deadline] if self.deadline >= today else []
        if self.rule is None:
            return []
        out: list[dt.date] = []
        day = max(d for d in (today, self.doc_date, self.start) if d is not None)
        while len(out) < count:
            nxt = self.rule.next_on_or_after(day)
            if nxt is None:
                break
            out.append(nxt)
            day = nxt + dt.timedelta(days=1)
        return out

    def to_json(self, resolved_unit: str | None = None) -> dict[str, object]:
        row: dict[str, object] = {
            "units": list(self.units),
            "group": self.group,
            "province": self.province,
            "within": self.within,
            "roles": list(self.roles),
            "action": self.action,
            "recipient": self.recipient,
            "via": self.via,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_text": self.deadline_text,
            "time": self.time,
            "recurrence": self.recurrence,
            "rule": ({"period": self.rule.period, "day": self.rule.day, "month": self.rule.month}
                     if self.rule is not None else None),
            "relative": ({"amount": self.relative.amount, "unit": self.relative.unit, "anchor": self.relative.anchor}
                         if self.relative is not None else None),
            "purpose": self.purpose,
            "kind": self.kind,
            "lead": list(self.lead),
            "cooperating": list(self.cooperating),
            "basis": self.basis,
            "unresolved": list(self.unresolved),
            "doc_number": self.doc_number,
            "doc_type": self.doc_type,
            "source": {
                "doc_title": self.doc_title,
                "doc_number": self.doc_number,
                "section": self.section,
                "text": self.text,
            },
        }
        if resolved_unit is not None:
            row["resolved_unit"] = resolved_unit
        return row


def applicable(obligations: list[Obligation], unit_name: str, unit_groups: tuple[str, ...] | list[str] = ()) -> list[Obligation]:
    """The obligations that apply to a unit, directly or through one of its groups, one per
    duty (a point given to two of the unit's groups is listed once)."""
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for o in obligations:
        if not o.applies_to(unit_name, unit_groups):
            continue
        k = (o.doc_id, o.section, o.action, ",".join(o.roles))
        if k in seen:
            continue
        seen.add(k)
        out.append(o)
    return out


# -- how a record reads (CLI, /nhiemvu, /hanchot, reminders) -------------------------------------
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


def _of_province(group: str, province: str | None) -> str:
    """"sở, ban, ngành tỉnh" of "tỉnh Ninh Bình" -> "sở, ban, ngành tỉnh Ninh Bình"."""
    if not province:
        return group
    word, _, name = province.partition(" ")
    return f"{group} {name}" if group.endswith(f" {word}") else f"{group} {province}"


def who(ob: Obligation) -> str:
    """Who a record is given to, briefly."""
    if ob.group:
        return _of_province(ob.group, ob.province)
    if len(ob.units) <= 3 and ob.units:
        return ", ".join(ob.units)
    label = re.sub(r"^Các\s", "các ", ob.label) if ob.label else ""
    return f"{label} ({len(ob.units)} đơn vị)" if label else f"{len(ob.units)} đơn vị"




# -- the reader ---------------------------------------------------------------------------------------
@dataclass
class _Scope:
    """What the parts above an item say of it."""

    subject: Responsible | None = None  # the nearest heading or lead-in that names who
    label: str = ""
    descriptive: bool = False  # a part that describes: duties only where one is assigned
    proposal: bool = False  # a proposal to a higher body: no duty at all
    own_tasks: bool = False  # a task part of a document about its issuer's own work
    assigned: bool = False  # under a lead-in that assigns ("Văn phòng UBND tỉnh đề nghị:")


@dataclass
class _Ctx:
    doc: AdminDocument  # the top document (numbers, citations)
    part: AdminDocument  # the document or attachment the item belongs to
    units: Units
    lex: Lexicon
    subjects: SubjectReader
    reports: ReportReader
    chunk_ids: dict[tuple[int, int], str]
    year: int | None
    month: int | None
    issuer: Responsible | None = None  # the issuer itself, for a document about its own work
    addressees: Responsible | None = None  # the Kính gửi list: who "các cơ quan, đơn vị" means in a công văn
    elsewhere: str | None = None  # another province the document is of: its groups are not this one's
    out: list[Obligation] = field(default_factory=list)


def _records(ctx: _Ctx, resp: Responsible, base: dict[str, object], rows: bool = True) -> None:
    """One record for the named units, one per group (its members); a set read from a table's
    column gives each unit the deadline of its own row when the clause has none."""
    own_rows = _dated_rows(ctx, resp, str(base["action"]))
    if rows and own_rows and base.get("deadline") is None and base.get("rule") is None:
        dated = {u: r for u, r in own_rows.items() if u in resp.units}
        appendix = ctx.subjects.defs.appendix
        table = next((s.table for s in [*ctx.subjects.defs.sets, *ctx.subjects.defs.by_path.values(),
                                        *([appendix] if appendix else [])]
                      if s.table is not None and set(dated) & set(s.rows)), None)
        if dated and table is not None and ("deadline" in table.roles or "date" in table.roles):
            rest = [u for u in resp.units if u not in dated]
            for u, row in dated.items():
                when = _row_deadline(ctx, table, row)
                if when is not None and when.date is not None and ctx.lex.day_before_re.search(
                        lower_same_length(str(base["action"]))):
                    when = _working_day_before(when, str(base["action"]))
                own = dict(base)
                if when is not None:
                    _apply_deadline(own, when, own["action"])  # type: ignore[arg-type]
                    own["kind"] = "report" if own.get("recipient") else "deadline"
                own["text"] = f"{base['text']} | {' | '.join(c for c in row.cells if c)}"
                _records(ctx, Responsible(units=[u], label=resp.label, via_reference=resp.via_reference,
                                          within=resp.within), own, False)
            if rest:
                _records(ctx, Responsible(units=rest, label=resp.label, via_reference=resp.via_reference,
                                          within=resp.within), base, False)
            return
    goes_to = {base.get("recipient"), base.get("via")}
    named = [u for u in resp.units if u not in goes_to]  # a unit reports to others, never to itself
    if resp.units and not named:
        return
    if named or (not resp.groups and resp.unresolved):
        ctx.out.append(Obligation(units=named, group=None, unresolved=list(resp.unresolved), within=resp.within,
                                  basis=f"reference: {resp.via_reference}" if resp.via_reference else "direct",
                                  **base))  # type: ignore[arg-type]
    for g in resp.groups:
        if ctx.elsewhere:  # "UBND các xã, phường" of a Ninh Bình plan: Ninh Bình's, none of this registry's
            ctx.out.append(Obligation(units=[], group=g, unresolved=[], basis=f"group: {_of_province(g, ctx.elsewhere)}",
                                      province=ctx.elsewhere, **base))  # type: ignore[arg-type]
            continue
        ctx.out.append(Obligation(units=[u.name for u in ctx.units.members(g)], group=g, unresolved=[],
                                  basis=f"group: {g}", **base))  # type: ignore[arg-type]


def _working_day_before(when: Deadline, clause: str) -> Deadline:
    """The working day before a row's event, at the hour the clause names ("trước 16 giờ 00 của
    ngày làm việc liền trước ngày họp")."""
    assert when.date is not None
    day = when.date - dt.timedelta(days=1)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    hour = next((d.time for d in find_deadlines(clause) if d.time), None) or \
        (lambda m: f"{int(m.group(1)):02d}:{m.group(2) or '00'}" if m else None)(
            re.search(r"(\d{1,2})\s*(?:giờ|h)\s*(\d{2})?", clause))
    return Deadline(text=f"{when.text} (ngày làm việc liền trước)", kind="date", date=day, time=hour)


def _dated_rows(ctx: _Ctx, resp: Responsible, action: str) -> dict[str, TableRow]:
    """Each named unit's row of the table the clause leaves its date to ("theo thời hạn tại Phụ
    lục"): the rows its subject was read from, else the appendix's."""
    low = lower_same_length(action)
    if resp.rows and ctx.lex.row_event_re.search(low):
        return resp.rows  # "trước … ngày họp": each unit's meeting is in its own row
    if not ctx.lex.appendix_time_re.search(low):
        return {}
    if resp.rows:
        return resp.rows
    appendix = ctx.subjects.defs.appendix
    return {u: r for u, r in appendix.rows.items() if u in resp.units} if appendix is not None else {}


def _row_deadline(ctx: _Ctx, table: Table, row: TableRow) -> Deadline | None:
    for role in ("deadline", "date"):
        cell = _carried(table, row, role)
        d = parse_cell(cell, ctx.year, ctx.month) if cell else None
        if d is not None and (d.date is not None or d.recurrence is not None or d.relative is not None):
            return d
    for cell in row.cells:
        found = [d for d in find_deadlines(cell, ctx.year, ctx.month) if d.date is not None]
        if found:
            return found[0]
    return None


def _carried(table: Table, row: TableRow, role: str) -> str:
    """A row's cell of a time column; an empty one is the cell merged with the rows above it
    (a schedule's day written once for its rows)."""
    cell = table.get(row, role)
    if cell or role not in ("date", "deadline"):
        return cell
    for above in reversed(table.rows[: row.index - 1]):
        if above.span or above.group != row.group:
            break
        if table.get(above, role):
            return table.get(above, role)
    return ""


def _base(ctx: _Ctx, section: str, text: str, chunk_id: str, action: str, label: str, responsible: str) -> dict[str, object]:
    title = ctx.part.title if not ctx.part.attached_to else f"{ctx.part.title} (ban hành kèm theo Quyết định {ctx.doc.number})"
    return dict(responsible=responsible, action=action, recipient=None, via=None, what=None, deadline=None,
                deadline_text=None, purpose=None, doc_id=ctx.doc.doc_id, doc_title=title, doc_number=ctx.doc.number,
                section=section, text=text, label=label, chunk_id=chunk_id, doc_type=ctx.part.kind,
                doc_date=ctx.doc.header.date.date)


def _apply_deadline(base: dict[str, object], d: Deadline | None, clause: str) -> None:
    if d is not None:
        base["deadline"] = d.date if d.kind not in ("relative", "recurring", "asap") else None
        base["deadline_text"] = d.text
        base["time"] = d.time
        base["rule"] = d.recurrence
        base["relative"] = d.relative
        base["start"] = d.start
        if d.recurrence is not None:
            base["recurrence"] = d.recurrence.label
    if base.get("recurrence") is None:
        base["recurrence"] = load_lexicon().recurrence_of(lower_same_length(clause))


def _completion_only(clause: str) -> bool:
    """"hoàn thành trước ngày 30/4/2025": a deadline for the clause before it, not a task."""
    return bool(re.match(r"^(?:và\s+)?(?:hoàn thành|xong|thực hiện xong|kết thúc)?\s*(?:trước|chậm nhất|trong|ngay)\b",
                         clause.strip(), re.IGNORECASE)) and len(clause) < 70


def _roles(ctx: _Ctx, body: str, has_recipient: bool) -> list[str]:
    """What the subject does in the clause, read from its verbs before any purpose: "phối hợp
    kết nối …" cooperates; "báo cáo UBND tỉnh … để chỉ đạo giải quyết" reports (UBND tỉnh is
    the one to direct)."""
    head = re.split(r"\s(?:để|nhằm)\s", body, maxsplit=1)[0]
    low = lower_same_length(head)
    verbs = ctx.lex.verbs_in(low)
    found = [r for _a, _b, r in verbs]
    roles: list[str] = []
    if "lead" in found:
        roles.append(ROLE_NAMES["lead"])
    elif verbs and (verbs[0][2] == "cooperate" or re.search(r"^(?:[^,;]{0,80})\bphối hợp với\b", low)):
        roles.append(ROLE_NAMES["cooperate"])
    for r in ("direct", "advise"):
        if r in found:
            roles.append(ROLE_NAMES[r])
    if has_recipient and ("report" in found or "advise" not in found):
        roles.append(ROLE_NAMES["report"])  # advice has a recipient too, but is no report
    if not roles:
        roles.append(ROLE_NAMES["perform"])
    return roles


def _cooperates(roles: list[str]) -> bool:
    """The subject itself cooperates ("Sở Tài chính phối hợp với Sở Nội vụ thẩm định …"): those
    it works with are not its partners under its lead, and what they do is not said here."""
    return "phối hợp" in roles and "chủ trì" not in roles


def _split_by_deadline(clause: str, deadlines: list[Deadline]) -> list[tuple[str, Deadline | None]]:
    """"báo cáo 6 tháng trước ngày 10/6/2026 và báo cáo năm trước ngày 10/11/2026 về Sở Nội vụ"
    is two duties; one deadline (or none) leaves the clause whole."""
    dated = [d for d in deadlines if d.kind != "asap"]
    if len(dated) <= 1:
        return [(clause, dated[0] if dated else None)]
    out: list[tuple[str, Deadline | None]] = []
    start = 0
    for i, d in enumerate(dated):
        end = dated[i + 1].span[0] if i + 1 < len(dated) else len(clause)
        piece = clause[start:end]
        cut = piece.rfind(" và ", d.span[1] - start) if i + 1 < len(dated) else -1
        if cut >= 0:
            end = start + cut
        piece = clause[start:end].strip(" ,;") if i else clause[:end].strip(" ,;")
        if i and not re.sub(r"\b(?:và|hoặc)\b", "", piece.replace(d.text, "")).strip(" ,;."):
            # "… trước ngày 15/6/2025 và trước ngày 15/12/2025": the same duty, due again
            first, first_d = out[0]
            body = first.replace(first_d.text, "").strip(" ,;") if first_d is not None else first
            piece = f"{body} {d.text}"
        out.append((piece, d))
        start = end + (4 if cut >= 0 else 0)
    # the words after the last deadline ("… về Sở Nội vụ để tổng hợp") belong to every piece
    return out


_CITATION = re.compile(r"(?:số\s+)?\d+[\w/.-]*/[\w/.-]+\s+ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}\s*/\s*\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})")


def _bare_deadline(ctx: _Ctx, body: str) -> list[Deadline]:
    """A time written with its year and no word before it ("báo cáo … tại phiên họp thường kỳ
    tháng 11/2025"): the time the duty is done by, unless it dates a document cited."""
    plain = re.sub(r"\([^()]*\)", " ", _CITATION.sub(" ", body))  # asides and cited documents date nothing
    d = parse_cell(plain, ctx.year, ctx.month)
    if d is None or d.date is None or d.kind not in ("month", "quarter") or not re.search(r"\d{4}", d.text):
        return []
    return [d]


def _merge_completions(ctx: _Ctx, clauses: list[str]) -> list[str]:
    merged: list[str] = []
    for c in clauses:
        if merged and _completion_only(c) and not find_deadlines(merged[-1], ctx.year, ctx.month):
            merged[-1] = f"{merged[-1]}; {c}"
        else:
            merged.append(c)
    return merged


def _opens_with_duty(ctx: _Ctx, clause: str) -> bool:
    """A clause that opens with what someone must do (after its opening phrases)."""
    from retrieval.facts.clauses import skip_openers

    at = skip_openers(clause, ctx.lex)
    low = lower_same_length(clause)
    at = len(clause) - len(clause[at:].lstrip())
    return bool(ctx.lex.verb_re.match(low, at) or ctx.lex.assign_re.match(low, at)
                or re.match(r"(?:và|đồng thời|không)\s", low[at:]))


def _continuations(ctx: _Ctx, clauses: list[str], here: str) -> list[str]:
    """A clause that opens with the next document of a list the one before began goes on with
    it ("… Nghị quyết số 76/NQ-CP; Chương trình hành động số 133/CTr-UBND …")."""
    out: list[str] = []
    for c in clauses:
        low = lower_same_length(c.lstrip())
        if out and ctx.lex.continuation_re.match(low) and not _opens_with_duty(ctx, c) and \
                ctx.subjects.opening(c, here) is None:
            out[-1] = f"{out[-1]}; {c}"
        else:
            out.append(c)
    return out


def _passage(ctx: _Ctx, text: str, section: str, chunk_id: str, scope: _Scope, evidence: str | None = None) -> None:
    """Records of one item's text (a point, a khoản, a bullet, a paragraph, a spanning row);
    `evidence` is the passage to keep as the records' text when it is more than `text`."""
    plain = clean_inline(text)
    if not plain or scope.proposal:
        return
    shown = clean_inline(evidence) if evidence else plain
    subjects = ctx.subjects
    for sent in split_sentences(plain):
        subject: Responsible | None = None
        subject_name = ""
        assigned = scope.assigned
        # a subject listed with semicolons ("Các sở, ban, ngành tỉnh; các cơ quan ngành dọc …; UBND
        # các xã, phường báo cáo …") is read before the sentence is cut into clauses
        opening = subjects.opening(sent, section)
        if opening is not None and ";" in sent[opening.start:opening.end]:
            subject, subject_name = opening.subject, opening.subject.label
            assigned = assigned or opening.assigned
            clauses = split_clauses(sent[opening.end:])
        else:
            clauses = split_clauses(sent)
        merged = _continuations(ctx, _merge_completions(ctx, clauses), section)
        subject_from = 0  # the clause where the current subject was named (its partners are said there or after)
        leads = False  # the subject leads in this sentence ("Là cơ quan thường trực, chủ trì …; phối hợp với …")
        for ci, clause in enumerate(merged):
            op = subjects.opening(clause, section)
            if op is not None and _leads_another(ctx, clause, op, subject if subject is not None else scope.subject):
                op = None
            body = clause
            if op is not None:
                subject, subject_name = op.subject, op.subject.label
                subject_from = ci
                body = clause[op.end:]
                assigned = assigned or op.assigned
            elif re.search(r"(?:^|[:;]\s*)(?:giao|đề nghị|yêu cầu)\s", clause, re.IGNORECASE):
                assigned = True
            who = subject if subject is not None else scope.subject
            if (who is None or who.empty) and ctx.addressees is not None and op is None and \
                    re.search(r"(?:đề nghị|yêu cầu)\s+(?:các|những|Quý|quý)\s+(?:cơ quan|đơn vị|địa phương)", clause):
                # "UBND tỉnh đề nghị các cơ quan, đơn vị …" in a công văn: those it is sent to
                who, subject_name, assigned = ctx.addressees, "; ".join(ctx.part.recipients), True
            if (who is None or who.empty) and scope.own_tasks and ctx.issuer is not None:
                who = ctx.issuer
            if who is None or who.empty:
                continue
            if scope.descriptive and not assigned:
                continue
            if not ctx.lex.verbs_in(lower_same_length(body)) or body.rstrip().endswith(":"):
                continue  # no duty verb, or a lead-in ("… giao nhiệm vụ như sau:") whose items say the duties
            verbs = ctx.lex.verbs_in(lower_same_length(body))
            _clause(ctx, clause, body, sent, merged, ci, subject_from, who, subject_name or scope.label, section,
                    shown, chunk_id, leads)
            leads = leads or any(r == "lead" for _a, _b, r in verbs)


def _leads_another(ctx: _Ctx, clause: str, op: Opening, current: Responsible | None) -> bool:
    """"Đảng ủy UBND tỉnh: Lãnh đạo UBND tỉnh ban hành …": under a subject already named, a
    clause opening with a verb of directing that is also a title ("lãnh đạo") directs the unit
    after it; that unit's leaders are not a new subject."""
    if current is None or current.empty or set(op.subject.units) & set(current.units) \
            or set(op.subject.groups) & set(current.groups):
        return False
    low = lower_same_length(clause)
    first = ctx.lex.verbs_in(low, op.start, min(len(low), op.start + 12))
    return bool(first) and first[0][0] == op.start and first[0][2] == "direct" \
        and bool(ctx.lex.head_re.match(low, op.start))


def _clause(ctx: _Ctx, clause: str, body: str, sent: str, merged: list[str], ci: int, subject_from: int,
            who: Responsible, name: str, section: str, shown: str, chunk_id: str, led: bool = False) -> None:
    """The records one clause gives: a record per deadline it sets, its partners' records."""
    deadlines = find_deadlines(clause, ctx.year, ctx.month) or _bare_deadline(ctx, body)
    before = " ".join(merged[:ci])
    report = ctx.reports.parse(body, before)
    channel = ctx.reports.channel(clause)
    scheduled = [d for d in deadlines if d.kind != "asap" or report is not None]
    coop, coop_unres, leads = ctx.reports.partners(clause, section)
    partners_task = ""  # the task the partners were named for, when it is not this clause
    if not coop and ci > subject_from:
        # "X chủ trì, phối hợp với Y …; báo cáo … trước ngày …": the partners named with the
        # subject earlier in the sentence (never another subject's partners)
        partners_task = "; ".join(merged[subject_from:ci])
        if scheduled or report is not None:
            coop, coop_unres, leads = ctx.reports.partners(partners_task, section)
    for piece, d in _split_by_deadline(clause, scheduled):
        base = _base(ctx, section, shown, chunk_id, piece, who.label, name)
        if report is not None:
            base["recipient"], base["via"], base["what"] = report
            base["kind"] = "report"
        elif d is not None and d.kind != "asap":
            base["kind"] = "deadline"
        else:
            base["kind"] = "task"
        if channel and not base.get("via"):
            base["via"] = channel
        asap = [x for x in deadlines if x.kind == "asap"]
        _apply_deadline(base, d if d is not None else (asap[0] if asap else None), piece)
        base["purpose"] = purpose(piece)
        piece_body = body if piece == clause else piece[len(clause) - len(body):] if piece.startswith(clause[:len(clause) - len(body)]) else piece
        roles = _roles(ctx, piece_body, report is not None)
        if leads and "chủ trì" not in roles:
            roles = ["chủ trì", *[r for r in roles if r != "thực hiện"]]
        base["roles"] = roles
        base["cooperating"] = coop
        base["sentence"] = sent
        _records(ctx, who, base)
        if coop and (not _cooperates(roles) or led):
            # a lead's partners share the task; when the subject itself only cooperates, its partners'
            # part is not said — unless the subject leads the whole sentence
            cbase = dict(base)
            cbase["roles"] = ["phối hợp"]
            cbase["lead"] = [*who.units, *who.groups]
            cbase["cooperating"] = []
            cbase["kind"] = "deadline" if base.get("deadline") else "task"
            cbase["recipient"] = cbase["via"] = cbase["what"] = None
            if report is not None and partners_task:
                # the lead reports; its partners share the task, by the same date
                cbase["action"] = f"{partners_task}; {d.text}" if d is not None else partners_task
            _records(ctx, Responsible(units=[c for c in coop if ctx.units.group(c) is None],
                                      groups=[c for c in coop if ctx.units.group(c) is not None],
                                      unresolved=coop_unres), cbase, rows=False)


def _heading_subject(ctx: _Ctx, piece: str, here: str) -> Responsible | None:
    """Who a heading or a lead-in names, when it names nobody else: an enumerated list, a
    subject alone, or a lead-in "X có trách nhiệm:"."""
    listed = listed_subject(piece, ctx.units)
    if listed is not None and not listed.empty:
        return listed
    got = ctx.subjects.heading(piece, here)
    if got is None:
        # "Trách nhiệm của Sở Khoa học và Công nghệ", "Nhiệm vụ, quyền hạn của Ban Chỉ đạo"
        m = re.match(r"^(?P<what>[^:]{2,60}?)\s+của\s+(?P<who>.+?)\s*:?$", clean_inline(piece))
        if m and ctx.lex.heading_is(m.group("what"), ctx.lex.task_headings):
            got = ctx.subjects.heading(m.group("who"), here)
    return got


def _names_a_set(ctx: _Ctx, title: str) -> bool:
    """A heading that is a set's name ("Các đồng chí được phân công tại Điều 1", "Các tổ dân
    phố"), not a matter ("Các nhiệm vụ trọng tâm", "Các giải pháp")."""
    words = title.rstrip(":").split()
    return (2 <= len(words) <= 14 and words[0] in ("Các", "Những") and ":" not in title.rstrip(":")
            and any(r.match(lower_same_length(title)) is not None
                    for r in (ctx.lex.set_noun_re, ctx.lex.community_re, ctx.lex.people_re))
            and not ctx.lex.heading_is(title, ctx.lex.task_headings) and not ctx.lex.heading_is(title, ctx.lex.descriptive))


def _addressee_proposes(ctx: _Ctx, title: str, here: str) -> bool:
    """"KIẾN NGHỊ CỦA UBND XÃ KHOÁI CHÂU" in a reply sent to that xã: the part quotes what the
    addressee proposed and answers it; what the issuer asks of it there is a duty."""
    m = re.search(r"\bcủa\s+(?P<who>.+)$", title, re.IGNORECASE)
    if m is None or ctx.addressees is None or ctx.addressees.empty:
        return False
    who = ctx.subjects.cell(m.group("who"), here)
    return bool(set(who.units) & set(ctx.addressees.units) or set(who.groups) & set(ctx.addressees.groups))


def _scope(ctx: _Ctx, n: Node, above: _Scope) -> _Scope:
    s = _Scope(above.subject, above.label, above.descriptive, above.proposal, above.own_tasks, above.assigned)
    title = clean_inline(n.heading)
    if title:
        # a regulation's chapter ("Chương II. ĐÁNH GIÁ VÀ KHEN THƯỞNG") names the matter its
        # articles rule on, not a part that describes: its articles' own headings say which do
        if ctx.lex.heading_is(title, ctx.lex.descriptive) and n.kind != "chapter":
            s.descriptive = True
        elif ctx.lex.heading_is(title, ctx.lex.task_headings):
            s.descriptive = False
            s.own_tasks = ctx.issuer is not None
        if ctx.lex.heading_is(title, ctx.lex.proposals) and not (
                ctx.lex.heading_is(title, ctx.lex.requests) and ctx.part.kind not in ctx.lex.self_kinds) \
                and not _addressee_proposes(ctx, title, n.path):
            s.proposal = True
        got = _heading_subject(ctx, title, n.path)
        if (got is None or got.empty) and n.children and _names_a_set(ctx, title):
            # "Các đồng chí được phân công tại Điều 1" over its duties: people, or bodies no
            # registry holds, named as the heading names them
            got = Responsible()
            got.keep_unknown(title.rstrip(":"))
        if got is not None and not got.empty:
            s.subject, s.label = got, title.rstrip(":")
    lead_in = clean_inline(n.text)
    if lead_in.endswith(":") and n.children:
        got = _heading_subject(ctx, lead_in, n.path)
        if got is None or got.empty:
            op = ctx.subjects.opening(lead_in, n.path)
            if op is not None and not op.subject.empty:
                got = op.subject  # "Giao Ủy ban nhân dân tỉnh:", "Sở Nội vụ có trách nhiệm:"
        if got is not None and not got.empty:
            s.subject, s.label = got, lead_in.rstrip(":")
        elif re.search(r"(?:^|\s)(?:giao|đề nghị|yêu cầu)(?:\s+như sau)?\s*:$", lead_in, re.IGNORECASE):
            s.assigned = True  # "Văn phòng UBND tỉnh đề nghị:" — the items below are assigned
    return s


def _item_text(ctx: _Ctx, n: Node) -> str:
    """An item's running text; a numbered paragraph taken for a heading ("1. Trung tâm …: chủ trì
    …") is text."""
    if n.text:
        return n.text
    head = clean_inline(n.heading)
    if len(head) > 90 and ctx.lex.verbs_in(lower_same_length(head)) and not n.children:
        return n.heading
    return ""


def _walk(ctx: _Ctx, nodes: list[Node], above: _Scope) -> None:
    for n in nodes:
        scope = _scope(ctx, n, above)
        if n.table is not None:
            _table(ctx, n, n.table, scope)
            continue
        text = _item_text(ctx, n)
        about = scope.subject.units if scope.subject is not None else []
        ctx.subjects.body = about[0] if len(about) == 1 else ""
        if text and not (clean_inline(text).endswith(":") and n.children):
            chunk_id = ctx.chunk_ids.get((id(n), -1), "")
            mine = scope
            op = ctx.subjects.opening(clean_inline(text), n.path)
            if op is not None and op.colon and not op.subject.empty:
                # "Phòng Kinh tế: chủ trì …": the item's own subject, for all its clauses
                mine = _Scope(op.subject, op.subject.label, scope.descriptive, scope.proposal, scope.own_tasks,
                              scope.assigned)
                text = clean_inline(text)[op.end:]
            _passage(ctx, text, n.path, chunk_id, mine, evidence=n.text or n.heading)
        _walk(ctx, n.children, scope)


# -- tables -------------------------------------------------------------------------------------------
def _table(ctx: _Ctx, node: Node, table: Table, scope: _Scope) -> None:
    if "lead" not in table.roles or scope.proposal:
        return
    for row in table.rows:
        section = f"{node.path}, {row.citation}"
        chunk_id = ctx.chunk_ids.get((id(node), row.index), "")
        if row.span:
            text = next((c for c in row.cells if c), "")
            body = text.split(":", 1)[1].strip() if ":" in text[:120] else text
            _passage(ctx, body, section, chunk_id, _Scope(descriptive=False), evidence=text)
            continue
        _row(ctx, table, row, section, chunk_id)


def _row(ctx: _Ctx, table: Table, row: TableRow, section: str, chunk_id: str) -> None:
    task = table.get(row, "task") or next((c for c, r in zip(row.cells, table.roles) if r == "value" and c), "")
    lead = ctx.subjects.cell(table.get(row, "lead"), section)
    coop = ctx.subjects.cell(table.get(row, "cooperate"), section)
    d = _row_deadline(ctx, table, row)
    when = d.text if d is not None else ""
    text = " | ".join(c for c in row.cells if c)
    if lead.empty:
        # a row with no lead column filled says who in its task ("Các lớp …: các sở, ban, ngành
        # tỉnh, UBND các xã, phường chủ động tổ chức … và gửi kết quả về Sở Nội vụ")
        body = task.split(":", 1)[1].strip() if ":" in task[:120] else task
        _passage(ctx, body, section, chunk_id, _Scope(), evidence=text)
        return
    base = _base(ctx, section, text, chunk_id, task, row.group or "", table.get(row, "lead"))
    _apply_deadline(base, d, when or task)
    report = ctx.reports.parse(task)
    if report is not None:
        base["recipient"], base["via"], base["what"] = report
    base["kind"] = "report" if report is not None else ("deadline" if d is not None and d.date else "task")
    base["roles"] = ["chủ trì"] + (["báo cáo"] if report is not None else [])
    base["cooperating"] = [*coop.units, *coop.groups]
    base["sentence"] = task
    _records(ctx, lead, base, rows=False)
    if not coop.empty:
        cbase = dict(base)
        cbase["roles"] = ["phối hợp"]
        cbase["lead"] = [*lead.units, *lead.groups]
        cbase["cooperating"] = []
        cbase["recipient"] = cbase["via"] = cbase["what"] = None
        cbase["kind"] = "deadline" if base.get("deadline") else "task"
        cbase["responsible"] = table.get(row, "cooperate")
        _records(ctx, coop, cbase, rows=False)


# -- a document -------------------------------------------------------------------------------------
def _lead_body(doc: AdminDocument, subjects: SubjectReader, lex: Lexicon) -> list[str]:
    """The body a document makes its lead ("X là cơ quan thường trực", "X chủ trì, phối hợp với
    …" at the top of its duties): who "cơ quan chủ trì" means."""
    for n in doc.walk():
        text = clean_inline(n.text or n.heading)
        for sent in split_sentences(text):
            op = subjects.opening(sent, n.path)
            if op is None or not op.subject.units:
                continue
            verbs = lex.verbs_in(lower_same_length(sent), op.end)
            if verbs and verbs[0][2] == "lead":
                return list(op.subject.units)
    return []


def _issuer(doc: AdminDocument, units: Units) -> Responsible | None:
    """The issuer as a unit, for a document about its own work (a sở's Báo cáo)."""
    lex = load_lexicon()
    if doc.kind not in lex.self_kinds:
        return None
    for m in units.find(doc.issuer or " ".join(doc.header.issuer_lines), groups=False):
        if m.resolution.unit is not None:
            return Responsible(units=[m.resolution.unit.name], label=m.resolution.unit.name)
    return None


def extract_obligations(doc: AdminDocument, units: Units | None = None) -> list[Obligation]:
    units = units if units is not None else load_units()
    lex = load_lexicon()
    date = doc.header.date
    ids = node_chunk_ids(doc)
    defs = Definitions.build(doc, units)
    subjects = SubjectReader(units, lex, defs)
    subjects.lead = _lead_body(doc, subjects, lex)
    reports = ReportReader(subjects)
    out: list[Obligation] = []
    for part in [doc, *doc.attachments]:
        ctx = _Ctx(doc, part, units, lex, subjects, reports, ids, date.year, date.month, _issuer(part, units),
                   elsewhere=units.other_province(f"{doc.header.parent}\n{doc.issuer}"))
        if part.recipients:
            ctx.addressees = subjects.cell("\n".join(part.recipients))
        # a document with no numbered items says everything in its opening paragraphs
        if not part.body and part.preamble:
            for n in part.preamble:
                _passage(ctx, n.text, "mở đầu", ids.get((id(n), -1), ""), _Scope())
        elif part.preamble:
            for n in part.preamble:
                if re.search(r"(?:^|[:;]\s*)(?:giao|đề nghị|yêu cầu)\s+\S", clean_inline(n.text), re.IGNORECASE):
                    _passage(ctx, n.text, "mở đầu", ids.get((id(n), -1), ""), _Scope(descriptive=True))
        _walk(ctx, part.body, _Scope())
        _walk(ctx, part.appendices, _Scope())
        out += ctx.out
    return out


# -- kept for callers that read a single piece ----------------------------------------------------------
def parse_report(clause: str, units: Units | None = None) -> tuple[str, str | None, str] | None:
    """(recipient, via, what) of "báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả …", "gửi báo cáo …
    về Sở Nội vụ", "cung cấp cho Sở Tư pháp", "trình Chủ tịch UBND tỉnh"."""
    return ReportReader(SubjectReader(units if units is not None else load_units(), load_lexicon())).parse(clause)


def parse_responsible(heading: str, units: Units) -> Responsible:
    """The units and groups a heading (or a lead-in ending with ":") gives its duties to."""
    reader = SubjectReader(units, load_lexicon())
    text = clean_inline(heading).strip().rstrip(":").strip()
    got = listed_subject(text, units) or reader.heading(text)
    if got is None:  # a heading that names nobody ("Tổ chức thực hiện") is no subject
        return Responsible(unresolved=[text], label=text)
    got.label = got.label or text
    return got


def own_bodies(doc: AdminDocument, lex: Lexicon | None = None) -> list[str]:
    """The bodies a document sets up itself, folded: the one its subject establishes ("thành lập
    Ban Chỉ đạo cải cách hành chính …") and the short names it gives them ("sau đây gọi tắt là
    Ban Chỉ đạo")."""
    lex = lex or load_lexicon()
    out: list[str] = []
    subject = fold(doc.subject)
    for w in lex.own_establish:
        at = subject.find(w + " ")
        if at >= 0:
            out.append(subject[at + len(w) + 1:].strip(" .;"))
    text = fold(" ".join(clean_inline(n.text) for n in doc.walk() if n.text))
    for w in lex.own_alias:
        for m in re.finditer(rf"\b{re.escape(w)}\s+([^);,.]+)", text):
            out.append(m.group(1).strip())
    return [o for o in dict.fromkeys(out) if o]


def unknown_names(doc: AdminDocument, obligations: "list[Obligation]") -> list[str]:
    """The names the duties keep as written because the registry lacks them, less the bodies
    the document sets up itself and their officers."""
    lex = load_lexicon()
    # a person given a task by name ("đồng chí Nguyễn Thị Lan") is no unit the registry lacks
    names = sorted({n for o in obligations for n in o.unresolved if not _a_persons_name(n, lex)})
    own = own_bodies(doc, lex)
    if not own:
        return names
    mine = set(own)
    for _ in range(2):  # a body named after an own one ("Tổ giúp việc Ban Chỉ đạo"), then its short form
        for n in names:
            f = fold(n)
            if any(b in f or f in b for b in mine):
                mine.add(f)
    return [n for n in names if fold(n) not in mine and fold(n) not in lex.own_officers]


def _a_persons_name(name: str, lex: Lexicon) -> bool:
    """"Nguyễn Thị Lan": two to five capitalised words, none an organisation's first word."""
    words = name.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and w[1:].islower() for w in words) \
        and lex.org_head_re.match(lower_same_length(name)) is None
