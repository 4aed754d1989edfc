"""The province's organisations: canonical names, groups, short forms, aliases, former names.

`corpus/units.yaml` lists them; `Units` resolves a name as typed by a user or written in
a document ("Tư pháp", "STP", "so tu phap", "thị xã Mỹ Hòa", "UBND các huyện, thị xã,
thành phố", "Chủ tịch UBND các xã, phường") to one unit or one group, tolerant of missing
diacritics, case, punctuation and the spelling variants the aliases list.

- A former name (the 2025 reorganisation: "Sở Thông tin và Truyền thông" is now "Sở Khoa
  học và Công nghệ") resolves to its successor, and `Resolution.via_former` says so.
- A head's title before a name ("Giám đốc Sở Nội vụ", "Thủ trưởng các sở, ban, ngành
  tỉnh") names the unit or group; `Resolution.head` keeps the title.
- A well-formed commune or district name the registry lacks ("UBND xã Tân Tiến",
  "UBND huyện Hưng Hà") resolves to a synthetic unit of that kind (`how == "kind"`), so
  the duties given to its group apply to it; nothing of the kind is done for "Sở …".

Nothing is guessed beyond that: a name that matches no key resolves to None (or, for a
near-miss typed by a user, to the single unit it is very close to, never across levels:
"Thanh tra Chính phủ" is not "Thanh tra tỉnh"), never to an arbitrary unit.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from retrieval.lang.text import fold, nfc

DEFAULT_UNITS_PATH = Path(__file__).resolve().parents[2] / "corpus" / "units.yaml"

# how a document or a user names a unit of each kind before its short name
KIND_PREFIXES: dict[str, tuple[str, ...]] = {
    "sở": ("sở",),
    "huyện": ("huyện", "UBND huyện", "Ủy ban nhân dân huyện", "H."),
    "thị xã": ("thị xã", "TX", "UBND thị xã", "Ủy ban nhân dân thị xã"),
    "thành phố": ("thành phố", "TP", "UBND thành phố", "Ủy ban nhân dân thành phố"),
    "xã": ("xã", "UBND xã", "Ủy ban nhân dân xã"),
    "phường": ("phường", "UBND phường", "Ủy ban nhân dân phường"),
    "thị trấn": ("thị trấn", "UBND thị trấn", "Ủy ban nhân dân thị trấn"),
}
DISTRICT_KINDS = ("huyện", "thị xã", "thành phố")  # district level, until 30/6/2025
COMMUNE_KINDS = ("xã", "phường", "thị trấn")  # commune level (thị trấn until 30/6/2025)

# the canonical prefix of a synthetic unit's name ("xã Tân Tiến" -> "UBND xã Tân Tiến")
_CANONICAL_PREFIX = {kind: f"UBND {kind}" for kind in (*DISTRICT_KINDS, *COMMUNE_KINDS)}
# centrally-run cities: "thành phố Hà Nội" is no district of the province
_PROVINCE_LEVEL_CITIES = frozenset({"ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"})

_KIND_WORDS = frozenset("so bo cuc ban huyen ubnd uy tp tx thanh thi xa phuong vien van tong".split())
_DOC_NUMBER = re.compile(r"\S*\d\S*/\S+")  # 145/BC-SNV must not read as "SNV"


def key(text: str) -> str:
    """Matching form: accent-free, lower case, punctuation as spaces ("Sở GD&ĐT" -> "so gd dt")."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(nfc(text))).split())


# folded words that, right before a unit's name, make it part of a different name
_OTHER_NAME_BEFORE = frozenset({"co", "bo", "cuc", "tong", "vien", "truong", "hoc"})
# folded word pairs that, right before "các xã, phường", "xã …", "huyện …", make the words
# name something of that place, not its People's Committee ("Công an các xã, phường")
_OWNERS = frozenset({("cong", "an"), ("cong", "chuc"), ("vien", "chuc"), ("can", "bo"), ("chinh", "cong"),
                     ("mot", "cua")})
_PLACE_FIRST = frozenset({"cac", "xa", "phuong", "huyen", "thi", "thanh", "tp", "tx", "cap"})

# a head's title before the name of the unit or group they lead, longest first
_HEADS: tuple[tuple[str, ...], ...] = tuple(sorted(
    (tuple(h.split()) for h in (
        "thu truong", "hieu truong", "chi huy truong", "pho chu tich", "chu tich", "pho giam doc", "giam doc",
        "pho chanh", "chanh", "pho truong", "truong", "lanh dao", "dai dien lanh dao", "dai dien",
        "nguoi dung dau",
    )),
    key=len, reverse=True,
))

# the province's own bodies: issuer and recipients of reports, never a unit of the registry
_NOT_UNITS = frozenset(key(x) for x in (
    "UBND tỉnh", "Ủy ban nhân dân tỉnh", "UBND tỉnh Hưng Yên", "Ủy ban nhân dân tỉnh Hưng Yên", "tỉnh",
    "tỉnh Hưng Yên", "HĐND tỉnh", "Hội đồng nhân dân tỉnh", "Thường trực HĐND tỉnh", "Tỉnh ủy",
    "Thường trực Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh",
))

# real departments elsewhere (other provinces, before or after 2025) that this province has
# not: a near-miss typed by a user is never read as one of these ("Sở Ngoại vụ" is not
# "Sở Nội vụ"); a document naming one keeps it under its own name
_ELSEWHERE = frozenset(key(x) for x in (
    "Sở Ngoại vụ", "Sở Dân tộc và Tôn giáo", "Sở Dân tộc", "Ban Dân tộc", "Sở Du lịch", "Sở Quy hoạch - Kiến trúc",
    "Sở Quy hoạch Kiến trúc", "Sở An toàn thực phẩm", "Sở Thể thao", "Sở Văn hóa và Thể thao", "Sở Giao thông công chính",
    "Sở Tài nguyên nước",
))

# words that never belong to a commune's or district's own name
_NAME_STOP = frozenset("so ubnd uy bo cuc tinh huyen xa phuong thi tran tp tx va cac cap".split())
_CENTRAL = re.compile(r"\b(?:chinh phu|quoc hoi|thu tuong|trung uong|tong cuc)\b")

_LIST_KIND_WORDS: dict[tuple[str, ...], str] = {
    ("so",): "sở", ("huyen",): "huyện", ("thi", "xa"): "thị xã", ("thanh", "pho"): "thành phố",
    ("xa",): "xã", ("phuong",): "phường", ("thi", "tran"): "thị trấn",
}
_LIST_KIND_WORDS_LONGEST = sorted(_LIST_KIND_WORDS.items(), key=lambda kv: -len(kv[0]))


def kinds_in(label: str) -> tuple[str, ...]:
    """The kinds a list's label names ("các sở" -> ("sở",); "UBND các huyện, thị xã" ->
    ("huyện", "thị xã"); "UBND các xã, phường" -> ("xã", "phường")), in order: the context
    in which to read the list's short names."""
    toks = key(label).split()
    out: list[str] = []
    i = 0
    while i < len(toks):
        for words, kind in _LIST_KIND_WORDS_LONGEST:
            if tuple(toks[i : i + len(words)]) == words:
                if kind not in out:
                    out.append(kind)
                i += len(words) - 1
                break
        i += 1
    return tuple(out)


def _short_of(name: str, kind: str) -> str | None:
    """The short name inside a full name of this kind ("Sở Giao thông vận tải" -> "Giao thông vận tải")."""
    words = name.split()
    for prefix in sorted(KIND_PREFIXES.get(kind, ()), key=lambda p: -len(p.split())):
        n = len(prefix.split())
        if len(words) > n and key(" ".join(words[:n])) == key(prefix):
            return " ".join(words[n:])
    return None


@lru_cache(maxsize=8192)
def _level(k: str) -> frozenset[str]:
    """The levels of government a folded name speaks of: central, province, district, commune."""
    s = f" {k} "
    out = set()
    if _CENTRAL.search(k) or (k.startswith(("bo ", "cuc ")) and " tinh " not in s and not k.startswith("bo chi huy")):
        out.add("trung ương")
    if " tinh " in s:
        out.add("tỉnh")
    if re.search(r" (?:huyen|thi xa|thanh pho|tp|tx|h) ", s):
        out.add("huyện")
    if re.search(r" (?:phuong|thi tran) ", s) or re.search(r"(?<!thi) xa (?!hoi )", s):
        out.add("xã")
    return frozenset(out)


@dataclass(frozen=True)
class Unit:
    name: str
    short: str
    kind: str
    groups: tuple[str, ...] = ()  # every group it belongs to (named, by kind, by inclusion)
    aliases: tuple[str, ...] = ()
    bare: bool = False  # the short name alone identifies it in free text
    standalone: bool = True  # the short name alone is accepted as a name given on its own
    former: tuple[str, ...] = ()  # canonical names of the units it succeeded (2025 reorganisation)
    former_aliases: tuple[tuple[str, str], ...] = ()  # (abbreviation of a former name, that former name)
    parent: str | None = None  # the unit it is attached to (Trung tâm PVHCC -> Văn phòng UBND tỉnh)
    synthetic: bool = False  # not in the registry: made from a well-formed name of its kind

    def named_keys(self, free_text: bool) -> dict[str, str | None]:
        """Keys that name this unit, each with the former name it comes from (None: a current
        name); `free_text` leaves out a short name that needs its prefix."""
        out: dict[str, str | None] = {}

        def add(text: str, former: str | None = None) -> None:
            k = key(text)
            if k and k not in out:
                out[k] = former

        add(self.name)
        for a in self.aliases:
            add(a)
        for prefix in KIND_PREFIXES.get(self.kind, ()):
            add(f"{prefix} {self.short}")
        if self.bare or (not free_text and self.standalone):
            add(self.short)
        for old in self.former:
            add(old, old)
            old_short = _short_of(old, self.kind)
            if old_short:
                for prefix in KIND_PREFIXES.get(self.kind, ()):
                    add(f"{prefix} {old_short}", old)
                if not free_text and self.standalone:
                    add(old_short, old)
        for alias, old in self.former_aliases:
            add(alias, old)
        return out

    def keys(self, free_text: bool) -> set[str]:
        """Keys that name this unit; `free_text` leaves out a short name that needs its prefix."""
        return set(self.named_keys(free_text))


@dataclass(frozen=True)
class Group:
    name: str
    aliases: tuple[str, ...] = ()
    standalone_aliases: tuple[str, ...] = ()  # accepted given on their own, never read in running text ("cấp xã")
    includes: tuple[str, ...] = ()  # groups whose members are members of this one too
    kinds: tuple[str, ...] = ()  # every unit of these kinds is a member (a synthetic one too)
    complete: bool = True  # False: the registry lists only some of its members
    total: int | None = None  # how many members it has in fact, when known

    def keys(self) -> set[str]:
        return {key(self.name)} | {key(a) for a in (*self.aliases, *self.standalone_aliases)} - {""}

    def free_keys(self) -> set[str]:
        out = {key(self.name)} | {key(a) for a in self.aliases} - {""}
        return out | {f"cac {k}" for k in out if not k.startswith("cac ")}


@dataclass(frozen=True)
class Resolution:
    """What a name resolved to: exactly one of unit / group is set."""

    unit: Unit | None
    group: Group | None
    how: str  # "exact" | "fuzzy" | "kind" (a synthetic unit made from a well-formed name of its kind)
    text: str  # the name as given
    via_former: str | None = None  # the former name it was given as ("Sở Thông tin và Truyền thông")
    head: str | None = None  # the head's title given before it ("Giám đốc", "Chủ tịch")

    @property
    def name(self) -> str:
        return self.unit.name if self.unit else self.group.name  # type: ignore[union-attr]

    @property
    def is_group(self) -> bool:
        return self.group is not None

    @property
    def former_note(self) -> str | None:
        """"Sở Thông tin và Truyền thông, nay là Sở Khoa học và Công nghệ" for a former name."""
        return f"{self.via_former}, nay là {self.name}" if self.via_former else None


@dataclass(frozen=True)
class Mention:
    """A unit or group named in running text (a question, a heading)."""

    resolution: Resolution
    start: int  # token positions in key(text), the head's title included
    end: int


@dataclass(frozen=True)
class _Tok:
    key: str  # folded
    orig: str  # as written
    start: int  # character offsets in the normalised text
    end: int


def _tokens(text: str, drop_numbers: bool = False) -> tuple[str, list[_Tok]]:
    """The normalised text and its tokens: exactly key(text).split(), each with its original."""
    s = nfc(text)
    if drop_numbers:
        s = _DOC_NUMBER.sub(lambda m: " " * len(m.group()), s)
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(s):
        for c in fold(ch):
            chars.append(c)
            origin.append(i)
    folded = "".join(chars)
    toks = []
    for m in re.finditer(r"[0-9a-z]+", folded):
        a, b = origin[m.start()], origin[m.end() - 1] + 1
        toks.append(_Tok(m.group(), s[a:b], a, b))
    return s, toks


def _punct_between(s: str, a: _Tok, b: _Tok) -> bool:
    return bool(s[a.end : b.start].strip())


def _capitalised(t: _Tok) -> bool:
    """"Tân", "Đồng" – not "tân", not "HỘI" (a heading in capitals says nothing of names)."""
    return t.orig[:1].isupper() and not (len(t.orig) > 1 and t.orig.isupper())


# prefixes that make a synthetic commune or district unit: (folded words, kind, read in running text)
_SYNTH_PREFIXES: tuple[tuple[tuple[str, ...], str, bool], ...] = tuple(sorted(
    (
        (tuple(key(p).split()), kind, key(p) not in ("tp", "tx", "thanh pho"))
        for kind in (*DISTRICT_KINDS, *COMMUNE_KINDS)
        for p in KIND_PREFIXES[kind]
        if len(key(p)) > 1
    ),
    key=lambda x: -len(x[0]),
))


@dataclass
class Units:
    province: str
    units: list[Unit]
    groups: list[Group]
    _by_key: dict[str, Unit] = field(default_factory=dict, repr=False)
    _free: dict[str, Unit] = field(default_factory=dict, repr=False)
    _group_by_key: dict[str, Group] = field(default_factory=dict, repr=False)
    _group_free: dict[str, Group] = field(default_factory=dict, repr=False)
    _former_of_key: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        group_names = [g.name for g in self.groups]
        if len(set(group_names)) != len(group_names):
            raise ValueError("units: a group is listed twice")
        for grp in self.groups:
            for inc in grp.includes:
                if inc not in group_names or inc == grp.name:
                    raise ValueError(f"units: group {grp.name} includes an unknown group {inc!r}")
        unit_names = [u.name for u in self.units]
        seen: set[str] = set()
        for nm in unit_names:
            if nm in seen:
                raise ValueError(f"units: {nm} is listed twice")
            seen.add(nm)
        units = []
        for u in self.units:
            for g in u.groups:
                if g not in group_names:
                    raise ValueError(f"units: {u.name} names an unknown group {g!r}")
            if u.parent is not None and u.parent not in seen:
                raise ValueError(f"units: {u.name} names an unknown parent {u.parent!r}")
            groups = self._groups_for(u.kind, u.groups)
            units.append(u if groups == u.groups else dataclasses.replace(u, groups=groups))
        self.units = units
        for u in self.units:
            for k, old in u.named_keys(free_text=False).items():
                other = self._by_key.get(k)
                if other is not None and other.name != u.name:
                    raise ValueError(f"units: {k!r} names both {other.name} and {u.name}")
                self._by_key[k] = u
                if old:
                    self._former_of_key[k] = old
            for k in u.keys(free_text=True):
                self._free[k] = u
        for grp in self.groups:
            for k in grp.keys():
                if k in self._by_key:
                    raise ValueError(f"units: {k!r} names both group {grp.name} and unit {self._by_key[k].name}")
                other_group = self._group_by_key.get(k)
                if other_group is not None and other_group.name != grp.name:
                    raise ValueError(f"units: {k!r} names both group {other_group.name} and group {grp.name}")
                self._group_by_key[k] = grp
            for k in grp.free_keys():
                if k not in self._free:
                    self._group_free.setdefault(k, grp)
        self._max_len = max((len(k.split()) for k in [*self._free, *self._group_free]), default=1)

    def _groups_for(self, kind: str, named: tuple[str, ...]) -> tuple[str, ...]:
        """Named groups, then the groups of the unit's kind, then every group including one of those."""
        out = list(named)
        out += [g.name for g in self.groups if kind and kind in g.kinds and g.name not in out]
        grown = True
        while grown:
            grown = False
            for g in self.groups:
                if g.name not in out and any(i in out for i in g.includes):
                    out.append(g.name)
                    grown = True
        return tuple(out)

    # -- loading --------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict) -> "Units":  # type: ignore[type-arg]
        def strs(value: Any) -> tuple[str, ...]:
            return tuple(nfc(str(v)) for v in value or ())

        groups = []
        for g in data.get("groups") or ():
            total = g.get("total")
            groups.append(
                Group(
                    name=nfc(g["name"]),
                    aliases=strs(g.get("aliases")),
                    standalone_aliases=strs(g.get("standalone_aliases")),
                    includes=strs(g.get("includes")),
                    kinds=strs(g.get("kinds")),
                    complete=bool(g.get("complete", True)),
                    total=int(total) if total is not None else None,
                )
            )
        units = []
        for u in data.get("units") or ():
            former: list[str] = []
            former_aliases: list[tuple[str, str]] = []
            for f in u.get("former") or ():
                if isinstance(f, dict):
                    old = nfc(str(f["name"]))
                    former_aliases += [(a, old) for a in strs(f.get("aliases"))]
                elif isinstance(f, str):
                    old = nfc(f)
                else:
                    raise ValueError(f"units: {u.get('name')}: a former name must be a name or {{name, aliases}}")
                former.append(old)
            parent = u.get("parent")
            units.append(
                Unit(
                    name=nfc(u["name"]),
                    short=nfc(u.get("short") or u["name"]),
                    kind=nfc(u.get("kind") or ""),
                    groups=strs(u.get("groups")),
                    aliases=strs(u.get("aliases")),
                    bare=bool(u.get("bare", False)),
                    standalone=bool(u.get("standalone", True)),
                    former=tuple(former),
                    former_aliases=tuple(former_aliases),
                    parent=nfc(str(parent)) if parent else None,
                )
            )
        return cls(nfc(str(data.get("province") or "")), units, groups)

    @classmethod
    def load(cls, path: Path) -> "Units":
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader) or {}
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: not valid YAML ({exc})") from exc
        try:
            return cls.from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"{path}: {exc}") from exc

    @classmethod
    def empty(cls) -> "Units":
        return cls("", [], [])

    # -- lookups ----------------------------------------------------------------------
    def unit(self, name: str) -> Unit | None:
        """The unit with this canonical name."""
        return next((u for u in self.units if u.name == name), None)

    def current(self, name: str) -> Unit | None:
        """The unit with this canonical name, or the one a unit of this former name is now
        ("Sở Giao thông vận tải" -> Sở Xây dựng): for names stored before the reorganisation."""
        return self.unit(name) or next((u for u in self.units if name in u.former), None)

    def group(self, name: str) -> Group | None:
        return next((g for g in self.groups if g.name == name), None)

    def members(self, group: str) -> list[Unit]:
        """The registry's units of a group (canonical name or any name of it)."""
        if self.group(group) is None:
            r = self.resolve(group, fuzzy=False)
            if r is not None and r.group is not None:
                group = r.group.name
        return [u for u in self.units if group in u.groups]

    def groups_of(self, name: str) -> tuple[str, ...]:
        """The groups a unit belongs to (a group: the groups including it); () for an unknown name."""
        r = self.resolve(name, fuzzy=False)
        if r is None:
            return ()
        if r.unit is not None:
            return r.unit.groups
        assert r.group is not None
        return tuple(g for g in self._groups_for("", (r.group.name,)) if g != r.group.name)

    def resolve(self, name: str, kinds: tuple[str, ...] = (), fuzzy: bool = True) -> Resolution | None:
        """A name as given (CLI argument, bot command, item of a document's list) -> unit or group.

        `kinds` is the context of a document's list ("các sở: Tư pháp, …" -> ("sở",)):
        the short name is then read with that prefix first."""
        s, toks = _tokens(name or "")
        if not toks:
            return None
        keys = [t.key for t in toks]
        k = " ".join(keys)
        if k in _NOT_UNITS:
            return None
        for kind in kinds:
            for prefix in KIND_PREFIXES.get(kind, ()):
                kk = key(f"{prefix} {name}")
                if kk in self._by_key:
                    return self._found(kk, "exact", name)
        # the name itself, without "các", without a head's title ("Giám đốc Sở Nội vụ")
        starts = [(0, None)] + [(len(h), s[toks[0].start : toks[len(h) - 1].end]) for h in _HEADS
                                if len(h) < len(keys) and tuple(keys[: len(h)]) == h]
        for start, head in starts:
            rest = keys[start:]
            for cand in (rest, rest[1:] if rest[0] == "cac" else None):
                if not cand:
                    continue
                ck = " ".join(cand)
                if ck in _NOT_UNITS:
                    return None  # "Chủ tịch UBND tỉnh"
                if ck in self._by_key:
                    return self._found(ck, "exact", name, head)
                if ck in self._group_by_key:
                    return Resolution(None, self._group_by_key[ck], "exact", name, head=head)
        # a commune or district the registry lacks ("UBND xã Tân Tiến", "huyện Hưng Hà")
        for start, head in starts:
            r = self._kind_name(s, toks, start, kinds, fuzzy, name, head)
            if r is not None:
                return r
        if not fuzzy:
            return None
        start, head = max(starts, key=lambda x: x[0])
        r = self._fuzzy(" ".join(keys[start:]), name)
        return dataclasses.replace(r, head=head) if r is not None else None

    def _found(self, k: str, how: str, text: str, head: str | None = None) -> Resolution:
        return Resolution(self._by_key[k], None, how, text, self._former_of_key.get(k), head)

    def _synthetic(self, kind: str, display: str) -> Unit | None:
        if kind == "thành phố" and key(display) in _PROVINCE_LEVEL_CITIES:
            return None
        return Unit(name=f"{_CANONICAL_PREFIX[kind]} {display}", short=display, kind=kind,
                    groups=self._groups_for(kind, ()), standalone=False, synthetic=True)

    def _kind_name(self, s: str, toks: list[_Tok], start: int, kinds: tuple[str, ...], fuzzy: bool,
                   text: str, head: str | None) -> Resolution | None:
        """A whole name that is a commune's or district's: its registry unit at the same level
        under another kind word (for a user), else a synthetic unit of that kind."""
        keys = [t.key for t in toks]
        kind, n = None, 0
        for words, pkind, _free in _SYNTH_PREFIXES:
            if tuple(keys[start : start + len(words)]) == words:
                kind, n = pkind, len(words)
                break
        if kind is None:
            # an item of a list of communes or districts ("UBND các xã: Tân Tiến, …")
            kind = next((kd for kd in kinds[:1] if kd in _CANONICAL_PREFIX), None)
            if kind is None:
                return None
        name_toks = toks[start + n :]
        if not 1 <= len(name_toks) <= 4 or any(t.key in _NAME_STOP for t in name_toks):
            return None
        if any(_punct_between(s, a, b) for a, b in zip(name_toks, name_toks[1:])):
            return None
        orig = " ".join(s[name_toks[0].start : name_toks[-1].end].split())
        lower, upper = orig == orig.lower(), orig == orig.upper()
        if lower and not fuzzy:
            return None  # a document writes names with capitals
        if not (lower or upper) and not all(t.orig[:1].isupper() for t in name_toks):
            return None  # "xã có hồ sơ quá hạn"
        display = " ".join(t.orig.capitalize() for t in name_toks) if (lower or upper) else orig
        name_key = key(display)
        if fuzzy:
            level = DISTRICT_KINDS if kind in DISTRICT_KINDS else COMMUNE_KINDS
            peers = [u for u in self.units if u.kind in level]
            same = [u for u in peers if key(u.short) == name_key]
            if len(same) == 1:
                return Resolution(same[0], None, "fuzzy", text, head=head)  # "huyện Mỹ Hào": the thị xã
            scored = sorted(((difflib.SequenceMatcher(None, name_key, key(u.short)).ratio(), u) for u in peers),
                            key=lambda x: -x[0])
            if scored and scored[0][0] >= 0.88 and scored[0][0] - (scored[1][0] if len(scored) > 1 else 0.0) >= 0.05:
                return Resolution(scored[0][1], None, "fuzzy", text, head=head)
        unit = self._synthetic(kind, display)
        return Resolution(unit, None, "kind", text, head=head) if unit else None

    def _fuzzy(self, k: str, text: str) -> Resolution | None:
        """A near-miss typed by a user ("So Tu phat"): only one clearly closest unit, never
        across kinds ("Bộ Tư pháp" is not "Sở Tư pháp") nor levels ("Thanh tra Chính phủ",
        "Trung tâm Phục vụ hành chính công cấp xã")."""
        if not k or k in _NOT_UNITS or k in _ELSEWHERE:
            return None
        if any(key(u.short) == k and not u.standalone for u in self.units):
            return None  # a short name that names more than this unit ("Mỹ Hào", "Hưng Yên")
        level = _level(k)
        if "trung ương" in level:
            return None
        head = k.split()[0]
        scored = sorted(
            (
                (difflib.SequenceMatcher(None, k, cand).ratio(), cand, u)
                for cand, u in self._by_key.items()
                if len(cand) >= 4 and (head not in _KIND_WORDS or cand.split()[0] == head) and _level(cand) == level
            ),
            key=lambda x: -x[0],
        )
        if scored and scored[0][0] >= 0.88:
            best_key, best = scored[0][1], scored[0][2]
            runner = next((sc for sc, _c, u in scored if u.name != best.name), 0.0)
            if scored[0][0] - runner >= 0.05:
                return Resolution(best, None, "fuzzy", text, self._former_of_key.get(best_key))
        return None

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Canonical names close to a name that did not resolve ("Mỹ Hào": both the former
        thị xã and the phường)."""
        k = key(name)
        scores: dict[str, float] = {}
        words = set(k.split()) - {"so", "huyen", "ubnd", "thi", "xa", "phuong", "thanh", "pho", "tinh", "va", "cac"}
        cands: list[tuple[str, str]] = [(c, u.name) for c, u in self._by_key.items()]
        cands += [(key(u.short), u.name) for u in self.units]
        for cand, nm in cands:
            r = difflib.SequenceMatcher(None, k, cand).ratio()
            if words and words & set(cand.split()):
                r = max(r, 0.6 + 0.1 * len(words & set(cand.split())))
            scores[nm] = max(scores.get(nm, 0.0), r)
        for cand, g in self._group_by_key.items():
            r = difflib.SequenceMatcher(None, k, cand).ratio()
            scores[g.name] = max(scores.get(g.name, 0.0), r)
        ranked = sorted((s, nm) for nm, s in scores.items() if s >= 0.6)
        return [nm for _s, nm in sorted(ranked, key=lambda x: (-x[0], x[1]))[:n]]

    # -- running text ---------------------------------------------------------------------
    def find(self, text: str, groups: bool = True) -> list[Mention]:
        """Units (and groups) named in running text, longest match first, left to right.

        Short names that need a prefix ("Tư pháp") are not read alone here, except in a
        list a kind opens ("các sở: Nội vụ, Tư pháp"; "UBND các phường: Phố Hiến, Mỹ Hào").
        A head's title before a name belongs to the mention ("Chủ tịch UBND các xã, phường");
        "UBND xã <Tên>" / "phường <Tên>" the registry lacks gives a synthetic unit."""
        s, toks = _tokens(text, drop_numbers=True)
        keys = [t.key for t in toks]
        out: list[Mention] = []
        i = last_end = 0
        while i < len(toks):
            listed = self._list_at(s, toks, i)
            if listed:
                out += listed
                i = last_end = listed[-1].end
                continue
            hit = self._registry_at(keys, i, groups) or self._synthetic_at(s, toks, keys, i)
            if hit is None:
                i += 1
                continue
            res, end = hit
            head = self._head_before(s, toks, i, last_end)
            if head is None and self._inside_other_name(s, toks, i):
                i += 1
                continue
            start = head if head is not None else i
            res = dataclasses.replace(
                res, text=s[toks[i].start : toks[end - 1].end],
                head=s[toks[start].start : toks[i - 1].end] if start < i else None,
            )
            out.append(Mention(res, start, end))
            i = last_end = end
        return out

    def _registry_at(self, keys: list[str], i: int, groups: bool) -> tuple[Resolution, int] | None:
        for n in range(min(self._max_len, len(keys) - i), 0, -1):
            cand = " ".join(keys[i : i + n])
            if cand in self._free:
                return Resolution(self._free[cand], None, "exact", cand, self._former_of_key.get(cand)), i + n
            if groups and cand in self._group_free:
                return Resolution(None, self._group_free[cand], "exact", cand), i + n
        return None

    def _synthetic_at(self, s: str, toks: list[_Tok], keys: list[str], i: int) -> tuple[Resolution, int] | None:
        """"UBND xã Tân Tiến", "phường Hiến Nam", "huyện Hưng Hà": 1-4 capitalised syllables
        after a commune or district prefix, up to lower-case words or punctuation."""
        for words, kind, free in _SYNTH_PREFIXES:
            n = len(words)
            if not free or tuple(keys[i : i + n]) != words:
                continue
            if i > 0 and keys[i - 1] in ("thi", "cap") and words[0] == "xa":
                return None  # "thị xã", "cấp xã"
            if any(_punct_between(s, a, b) for a, b in zip(toks[i : i + n], toks[i + 1 : i + n + 1])):
                return None
            j = i + n
            while (j < len(toks) and j - (i + n) < 4 and _capitalised(toks[j]) and toks[j].key not in _NAME_STOP
                   and not _punct_between(s, toks[j - 1], toks[j])
                   and (j == i + n or self._registry_at(keys, j, True) is None)):
                j += 1
            if j == i + n:
                return None
            unit = self._synthetic(kind, " ".join(t.orig for t in toks[i + n : j]))
            return (Resolution(unit, None, "kind", s[toks[i].start : toks[j - 1].end]), j) if unit else None
        return None

    def _head_before(self, s: str, toks: list[_Tok], i: int, last_end: int) -> int | None:
        """Where a head's title right before token i starts ("Giám đốc Sở …"), or None."""
        for h in _HEADS:
            a = i - len(h)
            if a < last_end or tuple(t.key for t in toks[a:i]) != h:
                continue
            if any(_punct_between(s, x, y) for x, y in zip(toks[a:i], toks[a + 1 : i + 1])):
                continue
            if h == ("truong",) and not (toks[a].orig[:1].isupper() and toks[i].key == "ban"):
                continue  # "môi trường Sở …" is no title; "Trưởng Ban Quản lý …" is
            return a
        return None

    def _inside_other_name(self, s: str, toks: list[_Tok], i: int) -> bool:
        """"cơ sở giáo dục", "Bộ Giáo dục và Đào tạo", "Công an các xã, phường": the words
        belong to another name."""
        if i == 0 or _punct_between(s, toks[i - 1], toks[i]):
            return False
        if toks[i - 1].key in _OTHER_NAME_BEFORE:
            return True
        return (toks[i].key in _PLACE_FIRST and i >= 2 and not _punct_between(s, toks[i - 2], toks[i - 1])
                and (toks[i - 2].key, toks[i - 1].key) in _OWNERS)

    def _list_at(self, s: str, toks: list[_Tok], i: int) -> list[Mention]:
        """A list a kind opens at token i: "[UBND] các <kinds>: A, B; C và D" -> its units."""
        j = i
        if toks[j].key == "ubnd":
            j += 1
        elif [t.key for t in toks[j : j + 4]] == ["uy", "ban", "nhan", "dan"]:
            j += 4
        if j >= len(toks) or toks[j].key != "cac":
            return []
        j += 1
        kinds: list[str] = []
        while j < len(toks):
            for words, kind in _LIST_KIND_WORDS_LONGEST:
                if tuple(t.key for t in toks[j : j + len(words)]) == words:
                    kinds.append(kind)
                    j += len(words)
                    break
            else:
                break
            if j >= len(toks) or s[toks[j - 1].end : toks[j].start].strip() != ",":
                break
        if not kinds or j > len(toks):
            return []
        colon = toks[j - 1].end
        after = s[colon:].lstrip()
        if not after.startswith(":"):
            return []
        body_start = colon + (len(s[colon:]) - len(after)) + 1
        stop = re.search(r"[.:()\n]", s[body_start:])
        body_end = body_start + stop.start() if stop else len(s)
        out: list[Mention] = []
        pos = body_start
        for piece in re.split(r"([,;])", s[body_start:body_end]):
            if piece in (",", ";"):
                pos += 1
                continue
            found = self._list_item(s, toks, piece, pos, tuple(kinds))
            if not found:
                break
            out += found
            pos += len(piece)
        return out  # each mention spans its item only: the list's label names no unit

    def _list_item(self, s: str, toks: list[_Tok], piece: str, pos: int, kinds: tuple[str, ...]) -> list[Mention]:
        """An item of a list ("Thái Bình và xã Nghĩa Trụ" is two) -> its mentions, or []."""
        parts = [(piece, pos)]
        r = self.resolve(piece, kinds, fuzzy=False) if piece.strip() else None
        if r is None or r.unit is None:
            m = re.search(r"\s+và\s+", piece)
            if not m:
                return []
            parts = [(piece[: m.start()], pos), (piece[m.end() :], pos + m.end())]
        out = []
        for text, at in parts:
            r = self.resolve(text, kinds, fuzzy=False) if text.strip() else None
            if r is None or r.unit is None:
                return []
            lead = len(text) - len(text.lstrip())
            a, b = at + lead, at + len(text.rstrip())
            idx = [n for n, t in enumerate(toks) if t.start >= a and t.end <= b]
            if not idx:
                return []
            out.append(Mention(dataclasses.replace(r, text=s[a:b]), idx[0], idx[-1] + 1))
        return out

    def first_unit(self, text: str) -> Unit | None:
        for m in self.find(text, groups=False):
            return m.resolution.unit
        return None


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader refusing a key given twice in one mapping (PyYAML would keep the last)."""


def _strict_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    for key_node, _value in node.value:
        k = loader.construct_object(key_node)  # type: ignore[no-untyped-call]
        if k in seen:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark, f"found duplicate key {k!r}", key_node.start_mark)
        seen.add(k)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _strict_mapping)


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> Units:
    return Units.load(Path(path))


def load_units(path: Path | None = None) -> Units:
    """Units from a file (default corpus/units.yaml); an empty set when the file is missing."""
    p = path or DEFAULT_UNITS_PATH
    if not p.is_file():
        return Units.empty()
    return _load_cached(str(p.resolve()), p.stat().st_mtime)


def units_for_index(index_dir: Path) -> Units:
    """The units that travel with an index (index/units.yaml), else corpus/units.yaml."""
    p = index_dir / "units.yaml"
    return load_units(p if p.is_file() else None)


# -- a name typed by a user -------------------------------------------------------------
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
