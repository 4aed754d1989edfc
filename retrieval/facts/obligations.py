"""Duties read from a document: who must do what, leading or cooperating, report to whom,
via whom, by when — from sentences and from task tables alike.

A duty's subject comes from where the document gives it, in this order:
- the sentence itself: "Sở Y tế chủ trì …", "Giao Sở Nội vụ chủ trì …", "Đề nghị X …",
  "Chủ tịch UBND các xã, phường chỉ đạo …" (a head of a unit stands for the unit), a list
  ("Các sở, ban, ngành tỉnh; các cơ quan ngành dọc quy định tại điểm d khoản 2 Điều 1 …; UBND
  các xã, phường báo cáo …") including a reference to a list given elsewhere in the document;
- the heading of the item or of an item above it ("2. Sở Nội vụ:", "IV.6 Các sở, ban, ngành
  tỉnh; UBND các huyện, thị xã, thành phố", a lead-in "6. Thủ trưởng các sở …:" over points,
  a heading's list in parentheses "(các sở: Tư pháp, …)" or after a colon "Các sở: Tư pháp, …",
  a name the registry lacks named with its list's kind: "Sở Ngoại vụ");
- a task table's columns (task, lead, cooperating, deadline).
A group ("sở, ban, ngành tỉnh") gives one record whose units are its members; a name the
registry lacks is kept under its own name (never dropped, never replaced by a guess).

Parts that describe rather than assign (results, shortcomings, aims, scope, budget) give
no duty unless a sentence there assigns one explicitly ("giao …", "đề nghị …"). Within an
item, every clause that carries a deadline, a schedule or a recipient is a record of its
own; an item with none is one task record. Deadlines, schedules and relative time limits
are read by `retrieval.facts.deadlines`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from retrieval.documents.model import AdminDocument, Node, Table, TableRow
from retrieval.documents.passages import node_chunk_ids
from retrieval.facts.deadlines import Deadline, Recurrence, Relative, find_deadlines, format_date, parse_cell
from retrieval.facts.units import DISTRICT_KINDS, Units, key, load_units
from retrieval.lang.text import clean_inline, fold

__all__ = [
    "Obligation", "Responsible", "applicable", "core", "describe", "extract_obligations", "format_date",
    "parse_report", "parse_responsible", "shorten", "source_label", "split_clauses", "split_sentences", "who",
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

    @property
    def key(self) -> str:
        """Stable identity across rebuilds (changes only when the duty's text does)."""
        digest = hashlib.sha1(
            f"{self.action}|{self.deadline_text or ''}|{','.join(self.roles)}".encode("utf-8")).hexdigest()[:10]
        return f"{self.doc_id}:{self.section}:{self.group or '-'}:{digest}"

    def applies_to(self, unit_name: str, unit_groups: tuple[str, ...] | list[str] = ()) -> bool:
        if self.group is not None and (unit_name in (self.recipient or "") or unit_name in (self.via or "")):
            return False  # a group's report "về Sở X" is not Sở X's own duty, though Sở X is one of the group
        return unit_name in self.units or (self.group is not None and self.group in unit_groups)

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


def who(ob: Obligation) -> str:
    """Who a record is given to, briefly."""
    if ob.group:
        return ob.group
    if len(ob.units) <= 3 and ob.units:
        return ", ".join(ob.units)
    label = re.sub(r"^Các\s", "các ", ob.label) if ob.label else ""
    return f"{label} ({len(ob.units)} đơn vị)" if label else f"{len(ob.units)} đơn vị"



# -- sentences and clauses ------------------------------------------------------------------------
def split_sentences(text: str) -> list[str]:
    """Sentences, split at a stop before a capital, never inside parentheses or quotes, nor
    after an abbreviation such as "TP." or "TX."."""
    out, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(“":
            depth += 1
        elif ch in ")”":
            depth = max(0, depth - 1)
        elif ch == "." and depth == 0:
            nxt = text[i + 1: i + 3]
            if len(nxt) == 2 and nxt[0].isspace() and (nxt[1].isupper() or nxt[1].isdigit()):
                word = re.search(r"(\S+)$", text[start:i])
                if word and re.fullmatch(r"[A-ZĐ]{1,3}", word.group(1)):
                    continue
                if re.fullmatch(r"\d+(?:\.\d+)*|[IVXLC]+", text[start:i].strip()):
                    continue  # "2. Công chức …": a list label opens the sentence, it is not one
                out.append(text[start: i + 1].strip())
                start = i + 2
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def split_clauses(sentence: str) -> list[str]:
    """Clauses at semicolons outside parentheses and quotes."""
    out: list[str] = []
    buf: list[str] = []
    depth = 0
    for ch in sentence:
        if ch in "(“":
            depth += 1
        elif ch in ")”":
            depth = max(0, depth - 1)
        if ch == ";" and depth == 0:
            out.append("".join(buf).strip())
            buf = []
            continue
        buf.append(ch)
    if "".join(buf).strip():
        out.append("".join(buf).strip())
    return [c for c in out if c]


# -- who: names in headings, sentences and cells ------------------------------------------------------
_HEAD_WORDS = ("thủ trưởng", "chủ tịch", "giám đốc", "chánh văn phòng", "chánh thanh tra", "trưởng ban", "lãnh đạo",
               "người đứng đầu", "chánh")
_GENERIC = re.compile(r"^(?:và\s+)?(?:các|những)\s+(?:cơ quan|đơn vị|tổ chức|địa phương|cá nhân)\b[^;,]*", re.IGNORECASE)
_CROSS_REF = re.compile(
    r"(?:quy định|nêu|được giao|liệt kê)?\s*tại\s+(?:(?:điểm\s+(?P<p>[a-zđ])\s+)?(?:khoản\s+(?P<k>\d+)\s+)?"
    r"(?:Điều\s+(?P<a>\d+)|[Mm]ục\s+(?P<m>[IVXLC]+(?:\.\d+)*|\d+(?:\.\d+)*))|điểm\s+(?P<p2>[a-zđ])\s+khoản\s+(?P<k2>\d+)"
    r"\s+[Mm]ục\s+(?P<m2>[IVXLC]+))(?:\s+(?:của\s+)?(?:Quy chế|Kế hoạch|Quyết định|Thông báo|Chỉ thị|văn bản|Công văn|Quy định)\s+này)?",
)
# an organisation that the registry may not know, named in a sentence or a cell
_ORG_HEAD = (r"(?:Sở|Ban|Trung tâm|Công an|Bảo hiểm|Đài|Trường|Bưu điện|Cục|Chi cục|Kho bạc|Ngân hàng|Thuế|Hội|Liên đoàn|"
             r"Văn phòng|Phòng|Viện|Bệnh viện|Tỉnh đoàn|Quỹ|Công ty|Bộ Chỉ huy|Thanh tra|UBND|Ủy ban nhân dân)")
# ("Sở Ngoại vụ", "Ban Dân tộc tỉnh", and a body with only its level: "Bưu điện tỉnh", "Thanh tra tỉnh";
# not "UBND tỉnh", which issues the documents and receives the reports)
_UNKNOWN_ORG = re.compile(
    rf"^{_ORG_HEAD}(?:(?:\s+(?:và\s+)?[A-ZĐÀ-Ỹ][\wà-ỹ]*){{1,6}}(?:\s+tỉnh)?"
    r"|(?<!UBND)(?<!Ủy ban nhân dân)\s+tỉnh)(?![\wà-ỹ])")


# a heading that is a name and nothing else: a few words, no verb of a duty
_NAME_ONLY = re.compile(
    r"(?!.*\b(?:thực hiện|triển khai|chủ trì|phối hợp|báo cáo|có trách nhiệm|như sau|tổ chức|chỉ đạo|theo dõi)\b)"
    r"[\wà-ỹ&]+(?:(?:\s*-\s*|\s+)[\wà-ỹ&]+){0,7}", re.IGNORECASE)


@dataclass
class Responsible:
    units: list[str] = field(default_factory=list)  # named directly
    groups: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    label: str = ""
    via_reference: str = ""  # "điểm d khoản 2 Điều 1" when the subject points to a list elsewhere

    @property
    def empty(self) -> bool:
        return not self.units and not self.groups and not self.unresolved

    def merge(self, other: "Responsible") -> None:
        for u in other.units:
            if u not in self.units:
                self.units.append(u)
        for g in other.groups:
            if g not in self.groups:
                self.groups.append(g)
        for n in other.unresolved:
            if n not in self.unresolved:
                self.unresolved.append(n)
        self.via_reference = self.via_reference or other.via_reference


def _kinds_of(prefix: str) -> tuple[str, ...]:
    k = key(prefix)
    if re.search(r"\b(xa|phuong)\b", k) and not re.search(r"\b(huyen|thi xa)\b", k):
        return ("xã", "phường")
    if re.search(r"\b(huyen|thi xa|thanh pho)\b", k):
        return DISTRICT_KINDS
    if re.search(r"\bso\b", k):
        return ("sở",)
    return ()


def _strip_head(name: str) -> str:
    low = name.lower()
    for h in _HEAD_WORDS:
        if low.startswith(h + " "):
            return name[len(h) + 1:]
    return name


def _add_name(resp: Responsible, name: str, units: Units, kinds: tuple[str, ...] = ()) -> bool:
    name = clean_inline(name).strip().strip(".;:,").strip()
    name = re.sub(r"^(?:và|cùng)\s+", "", name)
    if not name:
        return False
    for cand in (name, _strip_head(name)):
        r = units.resolve(cand, kinds, fuzzy=False)
        if r is None:
            continue
        if r.unit is not None:
            if r.unit.name not in resp.units:
                resp.units.append(r.unit.name)
        elif r.group is not None and r.group.name not in resp.groups:
            resp.groups.append(r.group.name)
        return True
    return False


# the one kind a list's prefix names, and how a unit of it is named: "các sở" -> "Sở", "UBND các xã" ->
# "UBND xã" (none for "UBND các xã, phường": a name there could be either)
_KIND_WORDS = {"so": "Sở", "xa": "UBND xã", "phuong": "UBND phường", "thi tran": "UBND thị trấn",
               "huyen": "UBND huyện", "thi xa": "UBND thị xã", "thanh pho": "UBND thành phố"}
_KIND_WORD = re.compile(r"\b(thi tran|thi xa|thanh pho|huyen|phuong|xa|so)\b")
_KIND_PREFIX = re.compile(r"^(?:(?:ubnd|uy ban nhan dan)\s+)?(?:(?:cac|nhung)\s+)?" + _KIND_WORD.pattern[2:])
# a list entry that is a name: capitalised (after its kind: "thị xã Mỹ Hào"), a few words, no verb of a duty
_LISTED_NAME = re.compile(
    r"(?!.*\b(?:thực hiện|triển khai|chủ trì|phối hợp|báo cáo|có trách nhiệm|như sau|tổ chức|chỉ đạo|theo dõi)\b)"
    r"(?:(?:thị xã|thị trấn|thành phố|huyện|xã|phường|sở)\s+)?(?:[A-ZĐÀ-Ỹ]|\d)[^\s:;()]*(?:\s+[^\s:;()]+){0,6}")


def _kind_word(prefix: str) -> str:
    """"các sở" -> "Sở", "UBND các xã" -> "UBND xã"; "" for "UBND các huyện, thị xã" (two kinds) and for
    a prefix that names something of a place, not its body ("Công an các xã")."""
    k = key(prefix)
    words = set(_KIND_WORD.findall(k))
    return _KIND_WORDS[words.pop()] if len(words) == 1 and _KIND_PREFIX.match(k) else ""


def _listed(text: str) -> tuple[str, list[tuple[str, tuple[str, ...], str]]] | None:
    """`listed_names`, each name also with the name of its kind when its prefix names one kind."""
    text = clean_inline(text).strip().rstrip(":").strip()
    paren = re.search(r"\(([^()]*)\)\s*:?\s*$", text)
    if paren and ("," in paren.group(1) or ":" in paren.group(1)):
        label, body = text[: paren.start()].strip(), paren.group(1)
    elif ":" in text and "(" not in text:
        # the same list without brackets: "Các sở: Tư pháp, Ngoại vụ; UBND các xã: Nghĩa Trụ, Phụng Công"
        label, body = text, text
        first = text.split(";", 1)[0]
        if ":" not in first or not _kinds_of(first.split(":", 1)[0]) or not re.search(
                r"\b(?:các|những)\b", first.split(":", 1)[0], re.IGNORECASE):
            return None
    else:
        return None
    kinds = _kinds_of(label) if label != body else ()
    word = ""  # a prefix's kind holds for the names after it, across semicolons, until the next prefix
    out: list[tuple[str, tuple[str, ...], str]] = []
    for seg in body.split(";"):
        if ":" in seg:
            prefix, names = seg.split(":", 1)
            kinds = _kinds_of(prefix) or kinds
            word = _kind_word(prefix) if kinds else ""
        else:
            names = seg
        for name in names.split(","):
            name = clean_inline(name).strip().strip(".;:")
            if not name:
                continue
            if label == body and not _LISTED_NAME.fullmatch(name):
                return None  # "Sở Nội vụ: chủ trì, phối hợp …" is a heading and its text, not a list
            out.append((name, kinds, word))
    return (label, out) if out else None


def listed_names(text: str) -> tuple[str, list[tuple[str, tuple[str, ...]]]] | None:
    """A label with the units it enumerates in brackets, each name as written with the kinds
    its prefix gives: "Các đơn vị được kiểm tra (các sở: Tư pháp; UBND các huyện: Yên Mỹ)"
    -> ("Các đơn vị được kiểm tra", [("Tư pháp", ("sở",)), ("Yên Mỹ", district kinds)]); the same
    list without brackets ("Các sở: Tư pháp, Ngoại vụ", "UBND các xã: Nghĩa Trụ, Phụng Công")
    is its own label. None when there is no such list."""
    listed = _listed(text)
    if listed is None:
        return None
    label, names = listed
    return label, [(name, kinds) for name, kinds, _word in names]


def _with_kind(name: str, word: str) -> str:
    """A listed name the registry lacks, named with its kind: "Ngoại vụ" under "các sở" is "Sở Ngoại vụ"."""
    if not word or key(name).startswith(key(word).split()[-1] + " ") or _UNKNOWN_ORG.match(name):
        return name
    return f"{word} {name}"


def parse_responsible(heading: str, units: Units) -> Responsible:
    """The units and groups a heading (or a lead-in ending with ":") gives its duties to.

    "Các đơn vị được kiểm tra … (các sở: Giáo dục và Đào tạo, Tư pháp; …; UBND các huyện,
    thị xã: Yên Mỹ, …, thị xã Mỹ Hòa)" -> each listed unit; "Các sở, ban, ngành tỉnh; …;
    UBND các huyện, thị xã, thành phố" -> those groups; "Sở Nội vụ" -> that unit."""
    text = clean_inline(heading).strip().rstrip(":").strip()
    resp = Responsible(label=text)
    listed = _listed(text)
    if listed is not None:
        resp.label, names = listed
        for name, kinds, word in names:
            if not _add_name(resp, name, units, kinds):
                # a proper name the registry lacks: kept as written, with the kind its list gives
                name = _with_kind(name, word)
                resp.unresolved.append(name)
                if name[:1].isupper():
                    resp.units.append(name)
        return resp
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if _add_name(resp, part, units):
            continue
        # "Sở Nội vụ, Sở Tài chính" or "Sở Nội vụ và Sở Tư pháp": every piece a unit
        found = _leading(part, units)
        if found is not None and not found.empty and found.end >= len(part.rstrip(" .:")) - 1:
            resp.merge(found.resp)
            continue
        if _UNKNOWN_ORG.fullmatch(part) or (_UNKNOWN_ORG.match(part) and _NAME_ONLY.fullmatch(part)):
            # a heading that is only a name the registry lacks: "Ban Dân tộc tỉnh", "Kho bạc Nhà nước
            # khu vực IV" (its lower-case syllables are part of it; in running text they could not be told
            # from the verb after the name)
            resp.unresolved.append(part)
            resp.units.append(part)
        else:
            resp.unresolved.append(part)
    # a heading that names nobody ("Tổ chức thực hiện") is not a subject
    if not resp.units and not resp.groups:
        resp.units = []
    return resp


@dataclass
class _Lead:
    resp: Responsible
    end: int  # where the subject ends in the sentence

    @property
    def empty(self) -> bool:
        return self.resp.empty


_LEAD_CLAUSE = re.compile(
    r"^(?:(?:Trước|Chậm nhất|Trong|Từ|Đến|Sau)\s[^,]{0,90},\s*|(?:Định kỳ|Hằng|Hàng)\s[^,]{0,30},\s*|Để\s[^,]{0,120},\s*)",
    re.IGNORECASE)
_ASSIGN = re.compile(r"^(?:Giao|giao|Đề nghị|đề nghị|Yêu cầu|yêu cầu|Phân công|phân công)\s+")


_WORD = re.compile(r"[^\W_]+")


def _mention_at(text: str, units: Units) -> tuple[str, int] | None:
    """The unit or group name that `text` opens with: (name as written, its length).

    Names are found as in running text (`Units.find`): a short name that needs its prefix
    ("Xây dựng" for Sở Xây dựng) is not a name here, so "xây dựng kế hoạch" is a verb."""
    plain = text
    head = 0
    words = list(_WORD.finditer(plain[:240]))
    if not words:
        return None
    mentions = units.find(plain[: words[min(len(words), 16) - 1].end()])
    if mentions and mentions[0].start == 0:
        m = mentions[0]
        end = words[m.end - 1].end() if m.end - 1 < len(words) else len(plain)
        return plain[:end], head + end
    um = _UNKNOWN_ORG.match(plain)
    if um:
        return um.group(0), head + um.end()
    return None


def _leading(sentence: str, units: Units, doc: AdminDocument | None = None) -> _Lead | None:
    """The subject a sentence opens with, as a list of units, groups and references."""
    s = sentence
    offset = 0
    m = _LEAD_CLAUSE.match(s)
    if m:
        offset = m.end()
    am = _ASSIGN.match(s[offset:])
    if am:
        offset += am.end()
    resp = Responsible()
    pos = offset
    found = False
    while pos < len(s):
        rest = s[pos:]
        mt = _mention_at(rest, units)
        if mt is not None:
            name, length = mt
            if not _add_name(resp, name, units):
                resp.units.append(name)
                resp.unresolved.append(name)
            pos += length
            found = True
            # "các cơ quan ngành dọc quy định tại điểm d khoản 2 Điều 1 Quy chế này"
            cm = _CROSS_REF.match(s[pos:].lstrip())
            if cm and doc is not None:
                # the list the reference points to says exactly who: it replaces the group's members
                r = units.resolve(name, fuzzy=False)
                if r is not None and r.group is not None and r.group.name in resp.groups:
                    resp.groups.remove(r.group.name)
                _add_reference(resp, cm, doc, units)
                pos += len(s[pos:]) - len(s[pos:].lstrip()) + cm.end()
        else:
            gm = _GENERIC.match(rest)
            if gm and found:
                # "… và các cơ quan, đơn vị có liên quan": nobody the registry can name
                stop = re.search(r"\s(?:có liên quan|liên quan)\b", gm.group(0))
                pos += stop.end() if stop else gm.end()
            elif gm and doc is not None:
                cm = _CROSS_REF.search(gm.group(0) + s[pos + gm.end(): pos + gm.end() + 120])
                if cm:
                    _add_reference(resp, cm, doc, units)
                    pos += (gm.group(0) + s[pos + gm.end():]).find(cm.group(0)) + cm.end()
                    found = True
                else:
                    break
            else:
                break
        sep = re.match(r"\s*(?:,|;|và|cùng)\s*", s[pos:])
        if not sep:
            break
        nxt = s[pos + sep.end():]
        if not (_mention_at(nxt, units) or _GENERIC.match(nxt)):
            break
        pos += sep.end()
    if not found:
        return None
    return _Lead(resp, pos)


def _add_reference(resp: Responsible, m: re.Match[str], doc: AdminDocument, units: Units) -> None:
    path = _ref_path(m)
    node = _find_node(doc, path)
    if node is None:
        return
    resp.via_reference = path
    text = clean_inline(f"{node.heading} {node.text}")
    # "… có TTHC được tiếp nhận tại Trung tâm …, gồm: Công an tỉnh, …": the members follow "gồm"
    listed = re.split(r"\bgồm\s*:?|:", text, maxsplit=1)
    if len(listed) == 2 and units.find(listed[1]):
        text = listed[1]
    for mention in units.find(text):
        r = mention.resolution
        if r.unit is not None and r.unit.name not in resp.units:
            resp.units.append(r.unit.name)


def _ref_path(m: re.Match[str]) -> str:
    if m.group("m2"):
        return f"mục {m.group('m2')}.{m.group('k2')}.{m.group('p2')}"
    if m.group("a"):
        parts = []
        if m.group("p"):
            parts.append(f"điểm {m.group('p')}")
        if m.group("k"):
            parts.append(f"khoản {m.group('k')}")
        parts.append(f"Điều {m.group('a')}")
        return " ".join(parts)
    path = f"mục {m.group('m')}"
    if m.group("k"):
        path += f".{m.group('k')}"
    if m.group("p"):
        path += f".{m.group('p')}"
    return path


def _find_node(doc: AdminDocument, path: str) -> Node | None:
    for d in [doc, *doc.attachments]:
        n = d.find(path)
        if n is not None:
            return n
    return None


# -- recipient and channel ----------------------------------------------------------------------------
# ministries and central bodies a province reports to: their names have lower-case syllables
_MINISTRIES = (
    "Văn hóa, Thể thao và Du lịch", "Lao động - Thương binh và Xã hội", "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường", "Tài nguyên và Môi trường", "Khoa học và Công nghệ", "Giáo dục và Đào tạo",
    "Thông tin và Truyền thông", "Kế hoạch và Đầu tư", "Giao thông vận tải", "Dân tộc và Tôn giáo", "Nội vụ",
    "Tư pháp", "Tài chính", "Công an", "Quốc phòng", "Ngoại giao", "Y tế", "Xây dựng", "Công Thương",
)
_SUPERIOR = re.compile(
    r"^Bộ\s+(?:" + "|".join(re.escape(m) for m in _MINISTRIES) + r")\b"
    r"|^(?:(?:Chủ tịch|Phó Chủ tịch|Thường trực|Lãnh đạo|Ban Thường vụ)\s+)?(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)"
    r"\s+(?:tỉnh|huyện|xã|phường|thành phố|thị xã)(?:\s+[A-ZĐ][\wà-ỹ]*)*"
    r"|^(?:Văn phòng Chính phủ|Thủ tướng Chính phủ|Chính phủ|Ban Thường vụ Tỉnh ủy|Thường trực Tỉnh ủy|Tỉnh ủy|Quốc hội)"
    r"|^Bộ\s+[A-ZĐ][\wà-ỹ]*(?:\s+(?:và\s+)?[A-ZĐ][\wà-ỹ]*)*"
    r"|^Ban Chỉ đạo(?:\s+[\wà-ỹ]+){0,6}?\s+(?:tỉnh|Chính phủ)"
    r"|^(?:Hệ thống|Cổng)\s+[\wà-ỹ ]+?(?=\s*(?:[,;.(]|$|\strước|\schậm|\sđể|\strong))"
)
_REPORT_VERB = re.compile(
    r"\b(?P<verb>báo cáo|trình|gửi|nộp|cung cấp|chuyển|phản ánh|giải trình bằng văn bản|giải trình|thông báo)\b", re.IGNORECASE)
_TO = re.compile(r"^\s*(?:kết quả\s+)?(?:(?:về|cho|lên|đến|tới|với)\s+)?")
_OBJECT_TO = re.compile(r"\s(?:về|cho|đến|tới|lên|với)\s+(?=\S)")


def _org_at(text: str, units: Units) -> str | None:
    """The organisation (or several, joined by "và"/",") that `text` opens with."""
    names: list[str] = []
    pos = 0
    while True:
        rest = text[pos:]
        m = _SUPERIOR.match(rest)
        mt = _mention_at(rest, units)
        cand = None
        if m and (mt is None or m.end() >= mt[1]):
            cand = (m.group(0).strip(), m.end())
        elif mt is not None:
            cand = mt
        if cand is None:
            break
        names.append(cand[0].strip(" ,;."))
        pos += cand[1]
        sep = re.match(r"\s*(?:,|và)\s+", text[pos:])
        if not sep:
            break
        nxt = text[pos + sep.end():]
        if not (_SUPERIOR.match(nxt) or _mention_at(nxt, units)):
            break
        pos += sep.end()
    if not names:
        return None
    return ", ".join(names[:-1]) + (" và " if len(names) > 1 and " và " in text[: pos] else (", " if len(names) > 1 else "")) + names[-1] if len(names) > 1 else names[0]


_VIA = re.compile(r"^\s*(?:\(\s*(?:qua|thông qua)\s+(?P<p>[^)]+)\)|,?\s*(?:qua|thông qua)\s+(?P<q>[^,;.()]+?)(?=\s+(?:trước|chậm nhất|để|trong|kết quả|tình hình|ngay)\b|[,;.(]|$))")
_CHANNEL = re.compile(r"\b(?:gửi|cập nhật|thực hiện)\s+(?:qua|trên)\s+(?P<sys>(?:Hệ thống|Cổng|phần mềm|Trục)[^,;.()]*?)(?=[,;.(]|$|\s(?:trước|chậm nhất|để))")


# a verb under "không": right after it ("không gửi", "không được chuyển") or in a short list
# it heads ("không đùn đẩy, chuyển việc …"); "nếu không thực hiện được phải báo cáo" is not one
_NEGATED = re.compile(r"\bkhông\s+(?:(?:được|để)\s+)?(?:[^\s,;]+(?:\s+[^\s,;]+)?\s*,\s*)?$", re.IGNORECASE)


def parse_report(clause: str, units: Units | None = None) -> tuple[str, str | None, str] | None:
    """(recipient, via, what) of "báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả …", "gửi báo cáo
    … về Sở Nội vụ", "cung cấp cho Sở Tư pháp", "trình Chủ tịch UBND tỉnh"."""
    units = units if units is not None else load_units()
    for vm in _REPORT_VERB.finditer(clause):
        if _NEGATED.search(clause[: vm.start()]):
            continue  # "không đùn đẩy, chuyển việc … lên UBND tỉnh": a prohibition, not a report
        after = clause[vm.end():]
        lead = _TO.match(after)
        start = lead.end() if lead else 0
        org = _org_at(after[start:], units)
        what_text = ""
        if org is None:
            # the object first, then the recipient: "báo cáo kết quả thực hiện về UBND tỉnh",
            # "báo cáo năm trước ngày 10/11/2026 về Sở Nội vụ"
            window = re.split(r";|\s(?:để|nhằm)\s", after, maxsplit=1)[0]
            for om in _OBJECT_TO.finditer(window):
                org = _org_at(window[om.end():], units)
                if org is not None:
                    what_text = window[: om.start()].strip()
                    start = om.end()
                    break
            if org is None:
                continue
        tail = after[start + len(org):] if after[start:].startswith(org) else after[start:]
        if not after[start:].startswith(org):
            idx = after.find(org, start)
            tail = after[idx + len(org):] if idx >= 0 else ""
        via = None
        vm2 = _VIA.match(tail)
        if vm2:
            via = (vm2.group("p") or vm2.group("q") or "").strip()
            tail = tail[vm2.end():]
        if not what_text:
            what_text = re.split(
                r"\s+(?:chậm nhất|muộn nhất|trước ngày|trước\s+\d|trong tháng|trong quý|ngay trong|để|nhằm|định kỳ|(?:hằng|hàng) (?:tháng|quý|năm))\b",
                tail, maxsplit=1)[0]
        what_text = re.sub(r"^\s*[,;]?\s*(?:về\s+)?", "", what_text).strip().rstrip(".,;")
        verb = vm.group("verb").lower()
        if verb in ("gửi", "nộp"):
            # "gửi báo cáo kết quả … về UBND tỉnh": what is sent is the report's content
            what_text = re.sub(r"^báo cáo\b\s*", "", what_text)
        if verb == "báo cáo" and what_text.startswith("của"):
            continue
        return org, via, what_text
    return None


def _channel(clause: str) -> str | None:
    m = _CHANNEL.search(clause)
    return m.group("sys").strip() if m else None


def _purpose(clause: str) -> str | None:
    m = re.search(r"(?<=\s)(?:để|nhằm)\s+(.+?)\s*(?:[;.]|$)", clause)
    return m.group(1).strip() if m else None


# -- roles ----------------------------------------------------------------------------------------
_COOPERATE = re.compile(r"\b(?P<lead>chủ trì,?\s+)?phối hợp với\s+", re.IGNORECASE)


def _cooperating(clause: str, units: Units) -> tuple[list[str], list[str], bool]:
    """(units, unresolved names, whether the subject leads) after "(chủ trì,) phối hợp với"
    in a clause."""
    m = _COOPERATE.search(clause)
    if not m:
        return [], [], False
    lead = _leading(clause[m.end():], units)
    if lead is None:
        return [], [], False
    return [*lead.resp.units, *lead.resp.groups], list(lead.resp.unresolved), bool(m.group("lead"))


def _cooperates(roles: list[str]) -> bool:
    """The subject itself cooperates ("Sở Tài chính phối hợp với Sở Nội vụ thẩm định …"): those
    it works with are not its partners under its lead, and what they do is not said here."""
    return "phối hợp" in roles and "chủ trì" not in roles


def _roles(clause: str, has_recipient: bool, subject: str = "") -> list[str]:
    """What the subject does in the clause, read after its own name and before any purpose:
    "Công an tỉnh phối hợp kết nối …" cooperates; "báo cáo UBND tỉnh … để chỉ đạo giải quyết"
    reports (UBND tỉnh is the one to direct)."""
    body = clause.strip()
    if subject and body.startswith(subject):
        body = body[len(subject):].lstrip(" ,:")
    body = re.split(r"\s(?:để|nhằm)\s", body, maxsplit=1)[0]
    f = fold(body)
    roles = []
    if re.search(r"\bchu tri\b", f):
        roles.append("chủ trì")
    elif re.match(r"^\s*(?:[a-zđ]\)\s*)?phoi hop\b", f) or re.search(r"^(?:[^,;]{0,80})\bphoi hop voi\b", f) and "chu tri" not in f:
        roles.append("phối hợp")
    if re.search(r"\bchi dao\b", f):
        roles.append("chỉ đạo")
    if re.search(r"\btham muu\b", f):
        roles.append("tham mưu")
    if has_recipient:
        roles.append("báo cáo")
    if not roles:
        roles.append("thực hiện")
    return roles


# -- where duties are not assigned ------------------------------------------------------------------------
_DESCRIPTIVE = re.compile(
    r"^(?:muc dich|yeu cau|ket qua|ton tai|han che|nguyen nhan|danh gia|tinh hinh|doi tuong|pham vi|phuong phap|"
    r"kinh phi|noi dung khao sat|quy dinh chung|nguyen tac|can cu|su can thiet|quan diem|muc tieu|boi canh|thuc trang|"
    r"giai thich tu ngu|ket qua dat duoc|nhung ket qua|thoi gian, kinh phi|chi tieu)")


def _descriptive(path: list[Node]) -> bool:
    for n in path:
        title = fold(clean_inline(n.heading)).strip(" .:")
        if title and _DESCRIPTIVE.match(title):
            return True
    return False


# -- extraction -------------------------------------------------------------------------------------
@dataclass
class _Ctx:
    doc: AdminDocument  # the top document (numbers, citations)
    part: AdminDocument  # the document or attachment the item belongs to
    units: Units
    chunk_ids: dict[tuple[int, int], str]
    year: int | None
    month: int | None
    out: list[Obligation] = field(default_factory=list)
    addressees: Responsible | None = None  # the Kính gửi list, who "các cơ quan, đơn vị" means in a công văn


def _records(ctx: _Ctx, resp: Responsible, base: dict[str, object]) -> None:
    """One record for the named units, one per group (its members), as the document gives them."""
    units = ctx.units
    named = [u for u in resp.units]
    if named or (not resp.groups and resp.unresolved):
        ctx.out.append(Obligation(units=named, group=None, unresolved=list(resp.unresolved),
                                  basis=f"reference: {resp.via_reference}" if resp.via_reference else "direct",
                                  **base))  # type: ignore[arg-type]
    for g in resp.groups:
        ctx.out.append(Obligation(units=[u.name for u in units.members(g)], group=g, unresolved=[],
                                  basis=f"group: {g}", **base))  # type: ignore[arg-type]


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
        rm = re.search(r"\b(?:định kỳ\s+)?(?:hằng|hàng)\s+(tuần|tháng|quý|năm)\b|\bđịnh kỳ\s+(\d+)\s+tháng\b", clause, re.IGNORECASE)
        if rm:
            base["recurrence"] = f"hằng {rm.group(1).lower()}" if rm.group(1) else f"{rm.group(2)} tháng"


def _completion_only(clause: str) -> bool:
    """"hoàn thành trước ngày 30/4/2025": a deadline for the clause before it, not a task."""
    return bool(re.match(r"^(?:và\s+)?(?:hoàn thành|xong|thực hiện xong|kết thúc)?\s*(?:trước|chậm nhất|trong|ngay)\b", clause.strip(), re.IGNORECASE)) \
        and len(clause) < 70


def _passage(ctx: _Ctx, text: str, section: str, chunk_id: str, structural: Responsible | None,
             descriptive: bool, label: str, evidence: str | None = None) -> None:
    """Records of one item's text (a point, a khoản, a bullet, a paragraph, a spanning row);
    `evidence` is the passage to keep as the records' text when it is more than `text`."""
    plain = clean_inline(text)
    if not plain:
        return
    shown = clean_inline(evidence) if evidence else plain
    units = ctx.units
    found_any = False
    first_task: tuple[Responsible, str, str] | None = None
    for sent in split_sentences(plain):
        subject: Responsible | None = None
        subject_name = ""
        # a subject listed with semicolons ("Các sở, ban, ngành tỉnh; các cơ quan ngành dọc …; UBND
        # các xã, phường báo cáo …") is read before the sentence is cut into clauses
        opening = _leading(sent, units, ctx.part)
        if opening is not None and not opening.empty and ";" in sent[: opening.end]:
            subject, subject_name = opening.resp, sent[: opening.end].strip()
            clauses = split_clauses(sent[opening.end:])
        else:
            clauses = split_clauses(sent)
        # a clause that only says by when ("hoàn thành trước ngày 30/4/2025") belongs to the one before
        merged: list[str] = []
        for c in clauses:
            if merged and _completion_only(c) and not find_deadlines(merged[-1], ctx.year, ctx.month):
                merged[-1] = f"{merged[-1]}; {c}"
            else:
                merged.append(c)
        subject_from = 0  # the clause where the current subject was named (its partners are said there or after)
        for ci, clause in enumerate(merged):
            lead = _leading(clause, units, ctx.part)
            if lead is not None and not lead.empty:
                subject_from = ci
            assigned = bool(_ASSIGN.match(clause.strip())) or bool(
                re.search(r"(?:^|[:;]\s*)(?:giao|đề nghị|yêu cầu)\s", clause)) or bool(
                re.search(r"\s(?:đề nghị|yêu cầu)\s+(?:các|những|Quý|quý)\s+(?:cơ quan|đơn vị|địa phương)", clause))
            if lead is not None and not lead.empty:
                subject, subject_name = lead.resp, clause[: lead.end].strip()
            elif assigned:
                gm = re.search(r"(?:^|[:;]\s*|\s)(?:[Gg]iao|đề nghị|[Yy]êu cầu|Đề nghị)\s+", clause)
                if gm:
                    inner = _leading(clause[gm.end():], units, ctx.part)
                    if inner is not None and not inner.empty:
                        subject, subject_name = inner.resp, clause[gm.end(): gm.end() + inner.end].strip()
                        clause = clause[gm.end():]  # the duty starts at its subject; before it, the grounds
                    elif _GENERIC.match(clause[gm.end():]) and ctx.addressees is not None:
                        # "UBND tỉnh đề nghị các cơ quan, đơn vị …" in a công văn: those it is sent to
                        subject, subject_name = ctx.addressees, "; ".join(ctx.part.recipients)
                        clause = clause[gm.end():]
            who = subject if subject is not None else structural
            if who is None or who.empty:
                continue
            if descriptive and not assigned:
                continue
            deadlines = find_deadlines(clause, ctx.year, ctx.month)
            report = parse_report(clause, units)
            channel = _channel(clause)
            scheduled = [d for d in deadlines if d.kind != "asap" or report is not None]
            if first_task is None:
                first_task = (who, sent, subject_name or (structural.label if structural else ""))
            if not scheduled and report is None and not re.search(r"\b(hằng|hàng)\s+(tuần|tháng|quý|năm)\b|\bkịp thời\b", clause, re.IGNORECASE):
                continue
            found_any = True
            coop, coop_unres, leads = _cooperating(clause, units)
            partners_task = ""  # the task the partners were named for, when it is not this clause
            if not coop and ci > subject_from:
                # "X chủ trì, phối hợp với Y …; báo cáo … trước ngày …": the partners named with
                # the subject earlier in the sentence (never another subject's partners)
                partners_task = "; ".join(merged[subject_from:ci])
                coop, coop_unres, leads = _cooperating(partners_task, units)
            pieces = _split_by_deadline(clause, scheduled)
            for piece, d in pieces:
                base = _base(ctx, section, shown, chunk_id, piece, label, subject_name or (structural.label if structural else ""))
                if report is not None:
                    base["recipient"], base["via"], base["what"] = report
                    base["kind"] = "report"
                elif d is not None and d.kind != "asap":
                    base["kind"] = "deadline"
                if channel and not base.get("via"):
                    base["via"] = channel
                asap = [x for x in deadlines if x.kind == "asap"]
                _apply_deadline(base, d if d is not None else (asap[0] if asap else None), piece)
                base["purpose"] = _purpose(piece)
                roles = _roles(piece, report is not None, subject_name)
                if leads and "chủ trì" not in roles:
                    roles = ["chủ trì", *[r for r in roles if r != "thực hiện"]]
                base["roles"] = roles
                base["cooperating"] = coop
                base["sentence"] = sent
                _records(ctx, who, base)
                if coop and not _cooperates(roles):
                    cbase = dict(base)
                    cbase["roles"] = ["phối hợp"]
                    cbase["lead"] = [*who.units, *who.groups]
                    cbase["cooperating"] = []
                    cbase["kind"] = "deadline" if base.get("deadline") else "task"
                    cbase["recipient"] = cbase["via"] = cbase["what"] = None
                    if report is not None and partners_task:
                        # the lead reports; its partners share the task, by the same date
                        cbase["action"] = f"{partners_task}; {d.text}" if d is not None else partners_task
                    _records(ctx, Responsible(units=[c for c in coop if units.group(c) is None],
                                              groups=[c for c in coop if units.group(c) is not None],
                                              unresolved=coop_unres), cbase)
    if not found_any and first_task is not None:
        who, sent, name = first_task
        base = _base(ctx, section, shown, chunk_id, sent, label, name)
        base["roles"] = _roles(sent, False, name)
        coop, coop_unres, _leads = _cooperating(sent, units)
        base["cooperating"] = coop
        base["sentence"] = sent
        _records(ctx, who, base)
        if coop and not _cooperates(base["roles"]):  # type: ignore[arg-type]
            cbase = dict(base)
            cbase["roles"] = ["phối hợp"]
            cbase["lead"] = [*who.units, *who.groups]
            cbase["cooperating"] = []
            _records(ctx, Responsible(units=[c for c in coop if units.group(c) is None],
                                      groups=[c for c in coop if units.group(c) is not None],
                                      unresolved=coop_unres), cbase)


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


def _structural(ctx: _Ctx, path: list[Node]) -> tuple[Responsible | None, str]:
    """The subject the nearest heading (or lead-in ending with ":") gives."""
    for n in reversed(path):
        for piece in (n.heading, n.text if n.text.rstrip().endswith(":") else ""):
            if not piece:
                continue
            resp = parse_responsible(piece, ctx.units)
            if resp.units or resp.groups:
                return resp, clean_inline(piece).rstrip(":")
            lead = _leading(clean_inline(piece), ctx.units, ctx.part)
            if lead is not None and not lead.empty and n.text.rstrip().endswith(":"):
                return lead.resp, clean_inline(piece).rstrip(":")
    return None, ""


def _walk(ctx: _Ctx, nodes: list[Node], path: list[Node]) -> None:
    for n in nodes:
        here = [*path, n]
        if n.table is not None:
            _table(ctx, n, n.table, _descriptive(here))
            continue
        structural, label = _structural(ctx, here)
        descriptive = _descriptive(here)
        text = n.text
        if text and not (text.rstrip().endswith(":") and n.children):
            chunk_id = ctx.chunk_ids.get((id(n), -1), "")
            # a heading's own subject is not a clause of its text: "2. Sở Nội vụ: …" reads the text only
            _passage(ctx, text, n.path, chunk_id, structural, descriptive, label)
        _walk(ctx, n.children, here)


def _cell_names(cell: str, units: Units) -> Responsible:
    """"Sở Nội vụ; Văn phòng UBND tỉnh", "Sở Văn hóa, Thể thao và Du lịch", "Các sở, ban, ngành tỉnh;
    UBND các huyện, thị xã, thành phố": a name with commas of its own is read whole first."""
    resp = Responsible(label=cell)
    for part in re.split(r";|\n", cell):
        part = part.strip().strip(".")
        if not part or _add_name(resp, part, units):
            continue
        lead = _leading(part, units)
        if lead is not None and not lead.empty and not lead.resp.unresolved:
            # "Sở Tài chính, Sở Tư pháp" or "Các sở, ban, ngành tỉnh, UBND các xã, phường"
            resp.merge(lead.resp)
            rest = part[lead.end:].strip(" ,;.")
            if rest and not re.match(r"^(?:các|những)?\s*(?:cơ quan|đơn vị|tổ chức)", rest):
                resp.units.append(rest)
                resp.unresolved.append(rest)
        else:
            # a name the registry lacks is kept whole ("Kho bạc Nhà nước khu vực IV")
            resp.units.append(part)
            resp.unresolved.append(part)
    return resp


def _table(ctx: _Ctx, node: Node, table: Table, descriptive: bool) -> None:
    if not table.assigns_tasks:
        return
    for row in table.rows:
        section = f"{node.path}, {row.citation}"
        chunk_id = ctx.chunk_ids.get((id(node), row.index), "")
        if row.span:
            text = next((c for c in row.cells if c), "")
            body = text.split(":", 1)[1].strip() if ":" in text[:120] else text
            _passage(ctx, body, section, chunk_id, None, False, "", evidence=text)
            continue
        _row(ctx, table, row, section, chunk_id)


def _row(ctx: _Ctx, table: Table, row: TableRow, section: str, chunk_id: str) -> None:
    task = table.get(row, "task")
    lead = _cell_names(table.get(row, "lead"), ctx.units)
    coop = _cell_names(table.get(row, "cooperate"), ctx.units)
    when = table.get(row, "deadline")
    d = parse_cell(when, ctx.year, ctx.month) if when else None
    text = " | ".join(c for c in row.cells if c)
    if lead.empty:
        # a row with no lead column filled says who in its task ("Các lớp …: các sở, ban, ngành
        # tỉnh, UBND các xã, phường chủ động tổ chức … và gửi kết quả về Sở Nội vụ")
        body = task.split(":", 1)[1].strip() if ":" in task[:120] else task
        _passage(ctx, body, section, chunk_id, None, False, "", evidence=text)
        return
    base = _base(ctx, section, text, chunk_id, task, row.group or "", table.get(row, "lead"))
    _apply_deadline(base, d, when)
    report = parse_report(task, ctx.units)
    if report is not None:
        base["recipient"], base["via"], base["what"] = report
    base["kind"] = "report" if report is not None else ("deadline" if d is not None and d.date else "task")
    base["roles"] = ["chủ trì"] + (["báo cáo"] if report is not None else [])
    base["cooperating"] = [*coop.units, *coop.groups]
    base["sentence"] = task
    _records(ctx, lead, base)
    if not coop.empty:
        cbase = dict(base)
        cbase["roles"] = ["phối hợp"]
        cbase["lead"] = [*lead.units, *lead.groups]
        cbase["cooperating"] = []
        cbase["recipient"] = cbase["via"] = cbase["what"] = None
        cbase["kind"] = "deadline" if base.get("deadline") else "task"
        cbase["responsible"] = table.get(row, "cooperate")
        _records(ctx, coop, cbase)


def extract_obligations(doc: AdminDocument, units: Units | None = None) -> list[Obligation]:
    units = units if units is not None else load_units()
    date = doc.header.date
    ids = node_chunk_ids(doc)
    out: list[Obligation] = []
    for part in [doc, *doc.attachments]:
        ctx = _Ctx(doc, part, units, ids, date.year, date.month)
        if part.recipients:
            ctx.addressees = parse_responsible("; ".join(part.recipients), units)
        # a document with no numbered items says everything in its opening paragraphs
        if not part.body and part.preamble:
            for n in part.preamble:
                _passage(ctx, n.text, "mở đầu", ids.get((id(n), -1), ""), None, False, "")
        elif part.preamble:
            for n in part.preamble:
                if re.search(r"(?:^|[:;]\s*)(?:giao|đề nghị|yêu cầu)\s+\S", clean_inline(n.text), re.IGNORECASE):
                    _passage(ctx, n.text, "mở đầu", ids.get((id(n), -1), ""), None, True, "")
        _walk(ctx, part.body, [])
        _walk(ctx, part.appendices, [])
        out += ctx.out
    return out
