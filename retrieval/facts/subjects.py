"""Who a clause gives its duty to: the subject read wherever it stands.

A clause's subject is the noun phrase after any opening phrase of time, condition, purpose
or basis ("Định kỳ 6 tháng (…), …", "Căn cứ …, …", "Để …, …") and any word that assigns
("Giao", "Đề nghị"), up to the clause's first duty verb (or a colon: "Phòng Kinh tế: chủ
trì …"). The phrase is a list ("Sở A, Sở B và UBND các xã, phường"; semicolons too) whose
items are:
- units and groups of the registry, a head's title included ("Giám đốc Sở Nội vụ" is Sở
  Nội vụ's duty, "Chủ tịch UBND các xã, phường" the communes');
- sets the document lists elsewhere ("các đơn vị nêu tại mục II.1", "các xã, phường có tên
  tại Phụ lục", "UBND các xã, phường thực hiện thí điểm giai đoạn 1", "… còn lại", "các thành
  viên Ban Chỉ đạo"), resolved through `retrieval.facts.definitions`;
- the document's lead body ("cơ quan chủ trì");
- organisations the registry lacks, read from the word their name opens with ("Phòng Kinh
  tế", "Tổ giúp việc", "Trung tâm Phục vụ hành chính công xã"), kept under their own name;
- a person given a duty by name ("đồng chí Nguyễn Thị Lan, Phó Chủ tịch UBND xã").
The vocabulary is `retrieval/lang/data/duties.yaml`; no name of a unit is written here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from retrieval.documents.model import TableRow
from retrieval.facts.definitions import PATH_RE, Definitions, NamedSet, content_words, path_of
from retrieval.facts.units import Resolution, Units, _tokens, key
from retrieval.lang.lexicon import Lexicon, lower_same_length
from retrieval.lang.text import clean_inline

_PERSON = re.compile(r"(?:đồng chí|đ/c|ông|bà)\s+(?P<name>(?:[A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ][\wà-ỹ]*\s*){2,5})")
# a name's words go on while they are capitalised, or lower-case and no duty verb
_NAME_STOP = re.compile(r"(?:là|có|được|để|nhằm|trong|tại|về|theo|với|cho|đến|từ|trước|sau|khi|đã|sẽ|đang|phải|tự|"
                        r"căn|thực|thuộc|gồm|không|chưa|cần|nếu|và các|các)(?!\w)")
_SEPARATOR = re.compile(r"\s*(?:,|;|\bvà\b|\bcùng\b|\bhoặc\b)\s*")
# the openers of a basis or purpose after a subject ("… căn cứ nhiệm vụ được giao, …", "… để …"),
# as their first six characters
_BASIS_OPENERS = ("căn cứ", "trên cơ", "để ", "nhằm ")
_NEGATED = re.compile(r"^\s*(?:không thuộc|ngoài|không có tên|không nằm trong|chưa thuộc)\b")


def _capital(text: str, i: int) -> bool:
    """A word that opens with a capital in running text ("Phòng", not "PHÒNG" of a heading in
    capitals, where case says nothing of names)."""
    m = re.match(r"\w+", text[i:])
    word = m.group(0) if m else ""
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


@dataclass
class Responsible:
    """Who a duty is given to, as read: named units, groups, names the registry lacks."""

    units: list[str] = field(default_factory=list)  # named directly (or a set's members)
    groups: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    label: str = ""
    via_reference: str = ""  # "mục II.1", "Phụ lục" when the subject points to a list elsewhere
    rows: dict[str, TableRow] = field(default_factory=dict)  # each unit's row when the set is a table's column
    within: str | None = None  # the group a qualifier narrowed ("UBND các xã, phường còn lại": UBND cấp xã)

    @property
    def empty(self) -> bool:
        return not self.units and not self.groups and not self.unresolved

    def keep_unknown(self, name: str) -> None:
        """A name the registry lacks, kept as written: a unit of the duty and listed as unknown."""
        if name not in self.units:
            self.units.append(name)
            self.unresolved.append(name)

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
        self.within = self.within or other.within
        self.rows.update({u: r for u, r in other.rows.items() if u not in self.rows})


@dataclass(frozen=True)
class Opening:
    subject: Responsible
    start: int  # where the subject starts in the clause
    end: int  # where what the subject must do starts
    assigned: bool  # given by "Giao …", "Đề nghị …"
    colon: bool  # "X: …" (a heading-like subject)


def _after_title_word(text: str, at: int, start: int) -> bool:
    """Whether the word before `at` is capitalised inside the clause: a verb after it belongs
    to a title ("tại Lịch kiểm tra", "theo Kế hoạch kiểm tra"), not to the clause."""
    before = text[start:at].split()
    return len(before) >= 2 and before[-1][:1].isupper() and before[-2][-1:] not in ".:;"


class SubjectReader:
    def __init__(self, units: Units, lex: Lexicon, defs: Definitions | None = None, lead: list[str] | None = None) -> None:
        self.units = units
        self.lex = lex
        self.defs = defs or Definitions()
        self.lead = lead if lead is not None else []  # the document's lead body ("cơ quan chủ trì")
        self.body = ""  # the body the current part is about, whose officers a title alone names
        self._groups_kind: dict[str, set[str]] = {}

    # -- where the registry names something ------------------------------------------------------
    def _mentions(self, text: str) -> dict[int, tuple[int, Resolution]]:
        s, toks = _tokens(text, drop_numbers=True)
        out: dict[int, tuple[int, Resolution]] = {}
        # the province's own authorities too: in a resolution of its Council or a party directive,
        # "UBND tỉnh" is given duties like any unit
        for m in self.units.find(text, authorities=True):
            if m.start < len(toks) and m.end - 1 < len(toks):
                out[toks[m.start].start] = (toks[m.end - 1].end, m.resolution)
        return out

    # -- the subject a clause opens with ----------------------------------------------------------
    def opening(self, clause: str, here: str = "") -> Opening | None:
        """The subject the clause opens with and where its predicate starts; None when it
        opens with its predicate (the subject is given elsewhere) or names nobody."""
        from retrieval.facts.clauses import subject_starts

        low = lower_same_length(clause)
        for pos in subject_starts(clause, self.lex):
            at = len(clause) - len(clause[pos:].lstrip())
            assigned = False
            am = self.lex.assign_re.match(low, at)
            if am:
                assigned, at = True, am.end()
            defined = self._defined_subject(clause, low, at)
            if defined is not None:
                return defined
            got = self._phrase_at(clause, low, at, here)
            if got is None:
                continue
            resp, end, colon = got
            rest = low[end:].lstrip()
            # "UBND tỉnh đề nghị các cơ quan …": the one who asks is not the one who must
            am2 = self.lex.assign_re.match(rest)
            if am2 and not colon:
                inner = end + (len(low[end:]) - len(rest)) + am2.end()
                got2 = self._phrase_at(clause, low, inner, here)
                if got2 is not None:
                    return Opening(got2[0], inner, got2[1], True, got2[2])
                # whom it asks is named otherwise ("các cơ quan, đơn vị" of Kính gửi): the
                # clause's own reading of what follows "đề nghị" finds them
                return None
            return Opening(resp, at, end, assigned, colon)
        passive = self._agent(clause, low, here)
        if passive is not None:
            return passive
        # "Về đề xuất của UBND phường …: giao Sở Nội vụ nghiên cứu …": the topic, then what is assigned
        tm = self.lex.topic_re.match(low, len(clause) - len(clause.lstrip()))
        colon_at = clause.find(":")
        if tm and 0 < colon_at < 300:
            after = len(clause) - len(clause[colon_at + 1:].lstrip())
            am = self.lex.assign_re.match(low, after)
            got = self._phrase_at(clause, low, am.end() if am else after, here)
            if got is not None and not got[2]:
                return Opening(got[0], am.end() if am else after, got[1], bool(am), False)
        return None

    def _defined_subject(self, clause: str, low: str, at: int) -> Opening | None:
        """A set named by the term the document defined for it, alone or after a title and the
        body it heads: "Chủ tịch UBND 05 xã, phường chậm tiến độ trực tiếp chỉ đạo …"."""
        for s in self.defs.sets:
            if not s.term:
                continue
            t = low.find(s.term.lower(), at, at + 60 + len(s.term))
            if t < 0:
                continue
            prefix = low[at:t].strip()
            h = self.lex.head_re.match(prefix)
            rest = prefix[h.end():].strip() if h else prefix
            if rest in ("", "ubnd", "ủy ban nhân dân", "uỷ ban nhân dân"):
                end = t + len(s.term)
                return Opening(Responsible(units=list(s.units), label=clean_inline(clause[at:end]), via_reference=s.where),
                               at, end, False, False)
        return None

    def _agent(self, clause: str, low: str, here: str) -> Opening | None:
        """"Việc kiểm tra … do Sở Nội vụ chủ trì, phối hợp với …": the duty said in the passive,
        its agent a unit the registry knows, followed at once by a verb of acting."""
        for m in self.lex.passive_re.finditer(low):
            if m.start() < 8:
                continue  # "do …" opening a clause gives a cause, not an agent
            got = self._phrase_at(clause, low, m.end(), here)
            if got is None or not (got[0].units or got[0].groups):
                continue
            resp, end, colon = got
            if colon or not self.lex.passive_verb_re.match(low, len(low) - len(low[end:].lstrip())):
                continue
            return Opening(resp, m.end(), end, False, False)
        return None

    def _phrase_at(self, text: str, low: str, pos: int, here: str) -> tuple[Responsible, int, bool] | None:
        """Read a subject phrase at `pos`: (subject, where the predicate starts, colon)."""
        ments = self._mentions(text)
        resp = Responsible()
        i = pos
        items = 0
        colon = False
        while i < len(text):
            j = len(text) - len(text[i:].lstrip())
            if j >= len(text):
                i = j
                break
            if items:
                sep = _SEPARATOR.match(text, i)
                if sep and sep.end() > i and text[sep.end():sep.end() + 1] not in ("", ":"):
                    nxt = sep.end()
                    if self._item_starts(text, low, nxt, ments):
                        i = nxt
                        continue
            i = j
            ch = text[i]
            if ch == ":":
                colon = True
                break
            if ch == "(" and items:
                close = text.find(")", i)
                if close > 0 and close - i < 120:
                    # "(trừ Sở Nội vụ)": the units the set leaves out
                    left_out = re.match(r"\(\s*(?:trừ|ngoại trừ|không kể)\s+", text[i:close])
                    if left_out:
                        out = self.cell(text[i + left_out.end():close], here)
                        resp.units = [u for u in resp.units if u not in out.units]
                    i = close + 1
                    continue
            if ch in ",;.()“”\"":
                break
            got = self._item(text, low, i, ments, here, resp)
            if got is None:
                break
            i = got
            items += 1
        if not items or resp.empty:
            return None
        end = i + 1 if colon else i
        # a subject is followed by what it must do (or by the colon of a heading-like item)
        if not colon and not self.lex.verb_re.search(low, end, min(len(low), end + 200)):
            return None
        resp.label = clean_inline(text[pos:i]).strip(" ,;:")
        return resp, end, colon

    def _item_starts(self, text: str, low: str, i: int, ments: dict[int, tuple[int, Resolution]]) -> bool:
        j = len(text) - len(text[i:].lstrip())
        return (j in ments or bool(self.lex.set_noun_re.match(low, j)) or bool(self.lex.community_re.match(low, j))
                or (_capital(text, j) and bool(self.lex.org_head_re.match(low, j)))
                or bool(self.lex.head_re.match(low, j)) or bool(_PERSON.match(text, j))
                or (_capital(text, j) and bool(self.lex.officer_re.match(low, j)))
                or any(low.startswith(p, j) for p in self.lex.role_ref))

    def _item(self, text: str, low: str, i: int, ments: dict[int, tuple[int, Resolution]], here: str,
              resp: Responsible) -> int | None:
        """One item of a subject list at `i`, added to `resp`; where it ends, or None."""
        if i in ments:
            end, res = ments[i]
            label = re.match(r"\s*:\s*", text[end:])
            if res.group is not None and label and end + label.end() in ments:
                return end + label.end()  # "UBND các xã: Tân Hưng, …": the list names who, not the group
            if res.group is not None:
                # "các sở, ngành và UBND các xã, phường có tên tại Phụ lục": what narrows the last
                # group of a list narrows the groups before it too
                earlier = set().union(*(self._members(g) for g in resp.groups)) if resp.groups else set()
                qualified = self._qualified(text, low, i, end, here, res, earlier)
                if qualified is not None:
                    named, q_end = qualified
                    if earlier & set(named.units):
                        resp.groups = [g for g in resp.groups if not self._members(g) & set(named.units)]
                    named.within = res.group.name
                    resp.merge(named)
                    return q_end
                if res.group.name not in resp.groups:
                    resp.groups.append(res.group.name)
            elif res.unit is not None:
                more = re.match(r"[ \t]+(?:[IVXLC]+|\d+)(?![\w/])", text[end:])
                if more:
                    # "Kho bạc Nhà nước khu vực IV": one of the bodies the registry names by kind
                    name = clean_inline(text[i:end + more.end()])
                    resp.keep_unknown(name)
                    return end + more.end()
                if res.unit.name not in resp.units:
                    resp.units.append(res.unit.name)
            return end
        om = self.lex.org_head_re.match(low, i) if _capital(text, i) else None
        opener = self.lex.opener_re.match(low, i)
        if om and opener and opener.end() >= om.end():
            om = None  # "Trường hợp …" opens a condition, not a school's name
        verb = self.lex.verb_re.match(low, i)
        if verb and om and verb.end() > om.end():
            om = None  # "Ban hành …", "Báo cáo …", "Tổ chức …": the longer reading, a verb
        if verb and om:
            # "Thanh tra tỉnh: …" names a body, "Thanh tra công vụ, …" and "Tổ chức 02 lớp …" are duties:
            # a name is what a colon follows, or has a proper word (a capital, its level)
            end = self._name_end(text, low, om.end(), ments)
            nxt = len(text) - len(text[end:].lstrip())
            tail = text[verb.end():end].split()
            proper = any(w[:1].isupper() or w in ("tỉnh", "huyện", "xã", "phường", "vực") for w in tail)
            if not (text[nxt:nxt + 1] == ":" or proper) or end <= verb.end():
                om = None
        if verb and not om:
            return None
        for phrase, role in self.lex.role_ref.items():
            if low.startswith(phrase, i) and not re.match(r"\w", low[i + len(phrase):i + len(phrase) + 1]):
                if role == "lead" and self.lead:
                    resp.units += [u for u in self.lead if u not in resp.units]
                    resp.via_reference = resp.via_reference or phrase
                    return i + len(phrase)
                return None
        of = self.lex.officer_re.match(low, i) if _capital(text, i) else None
        if of:
            # "Thư ký Tổ công tác (bà …)": the office of the body named after it; alone, of the body the
            # part is about ("Tổ trưởng chịu trách nhiệm …" in the Điều on the Tổ công tác)
            k = len(text) - len(text[of.end():].lstrip())
            om = self.lex.org_head_re.match(low, k) if _capital(text, k) else None
            end = self._name_end(text, low, om.end(), ments) if om else of.end()
            office = clean_inline(text[i:end]).strip(" ,;:")
            if not om and self.body:
                office = f"{office} {self.body}"
            resp.keep_unknown(office)
            return end
        pm = _PERSON.match(text, i)
        if pm:
            name = pm.group("name").strip()
            end = pm.end("name")
            # "…, Phó Chủ tịch UBND xã": the title that follows is the person's, not another subject
            title = re.match(r"\s*,\s*", text[end:])
            if title and self.lex.head_re.match(low, end + title.end()):
                k = end + title.end()
                while k < len(text) and not self.lex.verb_re.match(low, k) and text[k] not in ",;:.(":
                    k += 1
                end = k
            resp.keep_unknown(name)
            return end
        cm = self.lex.community_re.match(low, i)
        if cm:
            got_set, end = self._set(text, low, i, cm.end(), here)
            if got_set is not None and not got_set.empty:
                resp.merge(got_set)
                return end
            name = text[i:self._set_name_end(text, low, cm.end())]
            known = self.units.resolve(name, fuzzy=False)
            if known is not None and known.group is not None:
                # a registry that keeps the set as a group ("các thôn"): its duties are the group's
                if known.group.name not in resp.groups:
                    resp.groups.append(known.group.name)
                return i + len(name)
            name = name[:1].upper() + name[1:]
            resp.keep_unknown(name)
            return i + len(name)
        sm = self.lex.set_noun_re.match(low, i)
        if sm:
            got_set, end = self._set(text, low, i, sm.end(), here)
            if got_set is None:
                return None
            resp.merge(got_set)
            return end
        if om:
            end = self._name_end(text, low, om.end(), ments)
            name = clean_inline(text[i:end]).strip(" ,;:")
            if name:
                resp.keep_unknown(name)
                return end
        hm = self.lex.head_re.match(low, i)
        if hm:
            # a title with no unit after it ("Trưởng tổ dân phố"): the duty of whoever the heading names
            k = hm.end()
            nxt = len(text) - len(text[k:].lstrip())
            if nxt in ments or self.lex.set_noun_re.match(low, nxt) or self.lex.community_re.match(low, nxt) or (
                    _capital(text, nxt) and self.lex.org_head_re.match(low, nxt)):
                return nxt
            return None
        return None

    def _name_end(self, text: str, low: str, k: int, ments: dict[int, tuple[int, Resolution]]) -> int:
        """Where an organisation's name the registry lacks ends: at a duty verb, a word that
        cannot be part of a name, punctuation, or a unit the registry knows."""
        words = 0
        end = k
        while k < len(text) and words < 12:
            j = len(text) - len(text[k:].lstrip())
            if j >= len(text):
                break
            if text[j] == "," and j + 2 < len(text):
                # "Phòng Kinh tế, Hạ tầng và Đô thị": a capitalised word after the comma that begins
                # nothing of its own goes on with the name
                nj = len(text) - len(text[j + 1:].lstrip())
                if (text[nj:nj + 1].isupper() and nj not in ments and not self.lex.org_head_re.match(low, nj)
                        and not self.lex.head_re.match(low, nj) and not self.lex.set_noun_re.match(low, nj)):
                    k = nj
                    continue
                to_verb = self._lower_name_part(text, low, nj)
                if to_verb:
                    end = to_verb  # the name runs to the clause's verb, and ends there
                break
            if j in ments and not text[k:j].strip():
                # "Văn phòng Đảng ủy phường", "Ủy ban Kiểm tra Đảng ủy phường": an organ named by the
                # body it belongs to, one name
                end = ments[j][0]
                break
            if text[j] in ";:.()\"“”" or j in ments:
                break
            if self.lex.verb_re.match(low, j) and (text[j].isupper() or self._name_goes_on(text, low, j, ments)):
                # "Ban Tổ chức Tỉnh ủy": a capitalised word is the name's, though it spells a verb;
                # "Chi nhánh Văn phòng đăng ký đất đai khu vực Tiên Lữ": a verb inside a name, which
                # a proper name ends a few words later
                pass
            elif self.lex.verb_re.match(low, j) or _NAME_STOP.match(low, j):
                break
            m = re.match(r"[^\s,;:.()]+", text[j:])
            if not m:
                break
            k = end = j + m.end()
            words += 1
        return end

    def _lower_name_part(self, text: str, low: str, j: int) -> int:
        """"Phòng Phổ biến, giáo dục pháp luật đăng tải …": after a comma, a few lower-case words
        that are no verb, no stop word, and run straight to the verb of the clause are the
        name's."""
        words = list(re.finditer(r"[^\s,;:.()]+", text[j:j + 60]))
        for n, m in enumerate(words[:5]):
            at = j + m.start()
            if self.lex.verb_re.match(low, at):
                return j + words[n - 1].end() if n >= 1 else 0
            if not re.fullmatch(r"[a-zà-ỹđ]+", m.group(0)) or _NAME_STOP.match(low, at) \
                    or self.lex.set_noun_re.match(low, at) or self.lex.head_re.match(low, at):
                return 0
            if n + 1 < len(words) and text[j + m.end():j + words[n + 1].start()].strip():
                return 0  # punctuation before the verb: a list, not a name
        return 0

    def _set_name_end(self, text: str, low: str, k: int) -> int:
        """Where the name of a set kept under its own name ends: over what says which of them
        ("các chi bộ trực thuộc", "các chi bộ thôn"; set_attributes in duties.yaml)."""
        m = self.lex.set_attribute_re.match(low, len(low) - len(low[k:].lstrip()))
        return m.end() if m else k

    def _name_goes_on(self, text: str, low: str, j: int, ments: dict[int, tuple[int, Resolution]]) -> bool:
        """A capitalised word that begins nothing of its own within the next few words, before any
        punctuation: the words up to it are part of the name."""
        for m in list(re.finditer(r"[^\s,;:.()]+|[,;:.()]", text[j:j + 80]))[1:7]:
            w, at = m.group(0), j + m.start()
            if w in ",;:.()" or at in ments:
                return False
            if w[:1].isupper():
                return not (self.lex.org_head_re.match(low, at) or self.lex.head_re.match(low, at))
        return False

    # -- sets the document lists elsewhere ---------------------------------------------------------
    def _candidate_ends(self, low: str, start: int, text: str = "") -> list[int]:
        """Where a qualifier may end: before each duty verb after `start` (first one first), up
        to the end of the clause's first part. A capitalised verb is a name's ("Ban Chỉ đạo")."""
        stop = len(low)
        for ch in ";:":
            k = low.find(ch, start)
            if k >= 0:
                stop = min(stop, k)
        ends = [v[0] for v in self.lex.verbs_in(low, start, stop) if v[0] > start
                and not (text and (text[v[0]:v[0] + 1].isupper() or _after_title_word(text, v[0], start)))]
        # an opening phrase after the set ("… căn cứ nhiệm vụ được giao, …") begins what follows it
        ends += [m.start() for m in self.lex.opener_re.finditer(low, start, stop) if m.start() > start
                 and low[m.start():m.start() + 6] in _BASIS_OPENERS]
        ends = sorted(set(ends))
        return ends + ([stop] if stop not in ends else [])

    def _points_at_part(self, text: str, low: str, start: int, end: int) -> bool:
        """"các cơ quan, đơn vị chủ trì nhiệm vụ tại Bảng trên": a qualifier that opens with the
        role the units play and points to the part listing them (a table's column)."""
        first = self.lex.verbs_in(low, start, start + 12)
        return bool(first and first[0][0] == start and first[0][2] in ("lead", "cooperate")
                    and self.lex.pointer_re.search(low, start, end) and PATH_RE.search(text[start:end]))

    def _resolve(self, qualifier: str, here: str, among: set[str] | None) -> NamedSet | None:
        pm = PATH_RE.search(qualifier)
        if pm and self.lex.pointer_re.search(lower_same_length(qualifier)):
            found = self.defs.at_path(path_of(pm), qualifier)
            if found is not None and among is not None and not set(found.units) & among \
                    and all(self.units.unit(u) is None for u in found.units):
                return found  # another province's communes, which no group of this registry holds
            if found is not None and (among is None or set(found.units) & among):
                if among is not None:
                    return NamedSet([u for u in found.units if u in among], found.words, found.where, found.rows,
                                    found.table)
                return found
        return self.defs.by_words(qualifier, among, here)

    def _members(self, group_name: str) -> set[str]:
        if group_name not in self._groups_kind:
            self._groups_kind[group_name] = {u.name for u in self.units.members(group_name)}
        return self._groups_kind[group_name]

    def _as_subject(self, named: NamedSet, label: str, among: set[str] | None = None) -> Responsible:
        units = [u for u in named.units if among is None or u in among]
        self.defs.resolved.append(units)
        return Responsible(units=list(units), label=label, via_reference=named.where,
                           rows={u: r for u, r in named.rows.items() if u in units})

    def _qualified(self, text: str, low: str, start: int, end: int, here: str, res: Resolution,
                   earlier: set[str] | None = None) -> tuple[Responsible, int] | None:
        """A group followed by what narrows it: "UBND các xã, phường thực hiện thí điểm giai đoạn
        1", "… có tên tại Phụ lục", "… còn lại", "… không thuộc địa bàn thí điểm"."""
        assert res.group is not None
        members = self._members(res.group.name) | (earlier or set())
        after = low[end:]
        lead = len(after) - len(after.lstrip())
        q0 = end + lead
        rest = self.lex.rest_re.match(low, q0)
        if rest:
            used = {u for s in self.defs.resolved for u in s if u in members}
            if used:
                units = [u.name for u in self.units.members(res.group.name) if u.name not in used]
                return Responsible(units=units, label=clean_inline(text[start:rest.end()]), via_reference="còn lại"), rest.end()
            return None
        if low[q0:q0 + 6] in _BASIS_OPENERS and self.lex.opener_re.match(low, q0) \
                and not PATH_RE.search(re.split(r"[;.]", text[q0:], maxsplit=1)[0]):
            # "… UBND các xã, phường căn cứ nhiệm vụ được giao …": a basis, not who; "… căn cứ nhiệm
            # vụ được giao tại Phụ lục" names those the Phụ lục gives tasks to
            return None
        ends = self._candidate_ends(low, q0, text)
        negated = bool(_NEGATED.match(low[q0:]))
        best: tuple[Responsible, int] | None = None
        for e in ends[:4]:
            qualifier = text[q0:e].strip(" ,")
            if not qualifier or len(qualifier) > 160:
                continue
            # a group's own predicate is no qualifier: only a phrase that opens as one narrows it
            if not (self.lex.pointer_re.search(low[q0:e]) or negated or self.lex.qualifier_re.match(low, q0)):
                continue
            joined = re.match(r"(?:và|,)\s+", low[q0:e])
            if joined and self._item_starts(text, low, q0 + joined.end(), self._mentions(text)):
                return None  # "các sở, ngành và UBND các xã … có tên tại …": the list's last item takes it
            if earlier:
                # a list of groups narrowed by one table ("… có tên tại Phụ lục") means the units
                # it lists, when the groups hold most of them
                whole = self._resolve(qualifier, here, None)
                if whole is not None and len(set(whole.units) & members) * 4 >= len(whole.units) * 3:
                    return self._as_subject(whole, clean_inline(text[start:e])), e
            named = self._resolve(_NEGATED.sub("", qualifier) if negated else qualifier, here, members)
            if named is None:
                continue
            if negated:
                keep = set(named.units)
                units = [u.name for u in self.units.members(res.group.name) if u.name not in keep]
                best = (Responsible(units=units, label=clean_inline(text[start:e]), via_reference=named.where), e)
            else:
                best = (self._as_subject(named, clean_inline(text[start:e]),
                                         members if set(named.units) & members else None), e)
            break  # the shortest qualifier that names a set: what follows is the duty
        return best

    def _set(self, text: str, low: str, start: int, noun_end: int, here: str) -> tuple[Responsible | None, int]:
        """"các đơn vị nêu tại mục II.1", "các thành viên Ban Chỉ đạo", "các cơ quan được giao
        chuẩn bị nội dung", "các cơ quan, đơn vị có liên quan" (nobody in particular); the label
        of a list ("các sở: Nội vụ, Tư pháp") lets the list's items be read next."""
        label = re.match(r"\s*:\s*", text[noun_end:])
        if label and noun_end + label.end() in self._mentions(text):
            return Responsible(), noun_end + label.end()
        ends = self._candidate_ends(low, noun_end, text)
        label_end = ends[0]
        q0 = len(text) - len(text[noun_end:].lstrip(" ,"))
        best: tuple[int, NamedSet, str, int] | None = None
        for e in ends[:4]:
            qualifier = text[noun_end:e].strip(" ,")
            if not qualifier or len(qualifier) > 160:
                continue
            if e != ends[0] and not self.lex.qualifier_re.match(low, q0) and not self._points_at_part(text, low, q0, e):
                break  # past the first verb only a phrase that opens as a qualifier goes on
            if re.search(r"(?:^|\s)(?:có\s+)?liên quan$", qualifier):
                # "các thành viên Ban Chỉ đạo, Tổ giúp việc và các cơ quan … có liên quan": the
                # set before "và các …" is named; the rest is nobody in particular
                head = re.split(r"\s+và\s+các\s+", qualifier, maxsplit=1)[0]
                # "thành viên Ban Chỉ đạo, Tổ giúp việc": the members of each body it lists
                sets = [n for part in re.split(r"\s*,\s*|\s+và\s+", head) if part.strip()
                        and (n := self._resolve(part, here, None)) is not None] if head != qualifier else []
                if not sets:
                    return Responsible(), e  # "các cơ quan, đơn vị có liên quan": named nowhere
                every = list(dict.fromkeys(u for n in sets for u in n.units))
                joined = NamedSet(every, frozenset().union(*(n.words for n in sets)), sets[0].where)
                q = key(head)
                kept = [u for u in joined.units if not (key(u).startswith(q) or q.startswith(key(u)))]
                return self._as_subject(joined, clean_inline(text[start:e]), set(kept)), e
            found = self._resolve(qualifier, here, None)
            # a set one word describes ("mời") gives way to one a longer qualifier describes with
            # more ("mời dự tại điểm cầu trụ sở UBND tỉnh")
            said = len(content_words(qualifier) & found.words) if found is not None else 0
            if found is not None and (best is None or said > best[0]):
                best = (said, found, qualifier, e)
            if best is not None and best[0] >= 2:
                break  # described by two words: what follows is the duty
        if best is not None:
            _said, named, qualifier, e = best
            # "các thành viên Ban Chỉ đạo": the members, not the committee itself
            q = key(qualifier)
            kept = [u for u in named.units if not (key(u).startswith(q) or q.startswith(key(u)))]
            return self._as_subject(named, clean_inline(text[start:e]), set(kept)), e
        return None, label_end

    # -- a heading or a cell that is only a subject ------------------------------------------------
    def heading(self, text: str, here: str = "") -> Responsible | None:
        """The subject a heading (or a lead-in ending with ":") gives the items under it, when
        the heading is nothing but a subject: "2. Sở Nội vụ", "Các sở, ban, ngành tỉnh; UBND
        các xã, phường:", "6. Các tổ dân phố"."""
        plain = clean_inline(text).strip().rstrip(":").strip()
        if not plain:
            return None
        low = lower_same_length(plain)
        am = self.lex.assign_re.match(low)  # "Giao Ủy ban nhân dân tỉnh:" heads what it gives
        got = self._phrase_at(plain + ":", low + ":", am.end() if am else 0, here)
        if got is None:
            return None
        resp, end, colon = got
        return resp if colon and end >= len(plain) else None

    def cell(self, text: str, here: str = "") -> Responsible:
        """Who a table cell names ("Sở Nội vụ; Văn phòng UBND tỉnh", "Các sở, ban, ngành tỉnh")."""
        resp = Responsible(label=clean_inline(text))
        for part in re.split(r"\n", text):
            part = clean_inline(part).strip(" .;")
            if not part:
                continue
            got = self.heading(part, here)
            if got is not None:
                resp.merge(got)
            else:
                resp.units.append(part)
                resp.unresolved.append(part)
        return resp


__all__ = ["Opening", "Responsible", "SubjectReader"]
