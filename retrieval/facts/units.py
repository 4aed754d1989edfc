"""The province's organisations: canonical names, groups, short forms, aliases, former names.

The registry of one province (the `PROVINCE` setting) is assembled from four sources:

- `data/units_national.yaml`: the bodies every province has in the two-tier model after the
  2025 mergers (its sở and province-level bodies, the HĐND's, the party's, the Mặt trận and
  mass organisations), the units every commune has ("Văn phòng HĐND và UBND xã", "Công an
  phường"), and the groups documents give duties to — one national list;
- the `vietnam-provinces` package: the province's communes, wards and special zones;
- `data/legacy_units.json.gz`: the former districts and communes (until 30/6/2025) of the
  provinces merged into it, and those provinces' names ("Sở Tư pháp tỉnh Thái Bình");
- `corpus/units.yaml`: what is the province's own (its specific bodies and spellings).

`Units` resolves a name as typed by a user or written in a document ("Tư pháp", "STP",
"so tu phap", "thị xã Mỹ Hòa", "UBND các huyện, thị xã, thành phố", "Chủ tịch UBND các xã,
phường") to one unit or one group, tolerant of missing diacritics, case, punctuation and the
spelling variants the aliases list.

- A former name (the 2025 reorganisation: "Sở Thông tin và Truyền thông" is now "Sở Khoa
  học và Công nghệ"; "xã Thủ Sỹ (huyện Tiên Lữ)" is now part of xã Tân Hưng) resolves to its
  successor, and `Resolution.via_former` says so.
- A head's title before a name ("Giám đốc Sở Nội vụ", "Thủ trưởng các sở, ban, ngành
  tỉnh") names the unit or group; `Resolution.head` keeps the title.
- A well-formed commune or district name the registry lacks ("UBND xã Tân Tiến",
  "UBND huyện Gia Lâm") resolves to a synthetic unit of that kind (`how == "kind"`), so
  the duties given to its group apply to it; nothing of the kind is done for "Sở …".
- The bodies the province's documents come from and report to (UBND tỉnh, HĐND tỉnh, Tỉnh
  ủy …: `Unit.authority`) resolve when named on their own; running text finds them only
  when asked (`find(authorities=True)`): most mentions name a document's author.

Nothing is guessed beyond that: a name that matches no key resolves to None (or, for a
near-miss typed by a user, to the single unit it is very close to, never across levels:
"Thanh tra Chính phủ" is not "Thanh tra tỉnh"), never to an arbitrary unit.
"""

from __future__ import annotations

import dataclasses
import difflib
import gzip
import json
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml

from retrieval.lang.text import fold, nfc

log = logging.getLogger(__name__)

DEFAULT_UNITS_PATH = Path(__file__).resolve().parents[2] / "corpus" / "units.yaml"  # the province's own additions
DATA_DIR = Path(__file__).resolve().parent / "data"
NATIONAL_PATH = DATA_DIR / "units_national.yaml"
LEGACY_PATH = DATA_DIR / "legacy_units.json.gz"
FORMER_UNTIL = "30/6/2025"  # the last day of the district level and of the 63 provinces

# how a document or a user names a unit of each kind before its short name
KIND_PREFIXES: dict[str, tuple[str, ...]] = {
    "sở": ("sở",),
    "huyện": ("huyện", "UBND huyện", "Ủy ban nhân dân huyện", "H."),
    "thị xã": ("thị xã", "TX", "UBND thị xã", "Ủy ban nhân dân thị xã"),
    "thành phố": ("thành phố", "TP", "UBND thành phố", "Ủy ban nhân dân thành phố"),
    "xã": ("xã", "UBND xã", "Ủy ban nhân dân xã"),
    "phường": ("phường", "UBND phường", "Ủy ban nhân dân phường"),
    "thị trấn": ("thị trấn", "UBND thị trấn", "Ủy ban nhân dân thị trấn"),
    "đặc khu": ("đặc khu", "UBND đặc khu", "Ủy ban nhân dân đặc khu"),
    "quận": ("quận", "UBND quận", "Ủy ban nhân dân quận"),
}
DISTRICT_KINDS = ("huyện", "thị xã", "thành phố", "quận")  # district level, until 30/6/2025
COMMUNE_KINDS = ("xã", "phường", "thị trấn", "đặc khu")  # commune level (thị trấn until 30/6/2025)

# the canonical prefix of a synthetic unit's name ("xã Tân Tiến" -> "UBND xã Tân Tiến")
_CANONICAL_PREFIX = {kind: f"UBND {kind}" for kind in (*DISTRICT_KINDS, *COMMUNE_KINDS)}

_KIND_WORDS = frozenset("so bo cuc ban huyen ubnd uy tp tx thanh thi xa phuong vien van tong".split())
_DOC_NUMBER = re.compile(r"\S*\d\S*/\S+")  # 145/BC-SNV must not read as "SNV"


@lru_cache(maxsize=65536)  # a registry's names are folded when it is built and at every lookup
def key(text: str) -> str:
    """Matching form: accent-free, lower case, punctuation as spaces ("Sở GD&ĐT" -> "so gd dt")."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(nfc(text))).split())


def accented_key(text: str) -> str:
    """Matching form that keeps the diacritics ("xã Văn Lăng" -> "xã văn lăng"): for the few
    names told apart from another only by them."""
    return " ".join(re.sub(r"[\W_]+", " ", nfc(text).lower()).split())


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

# words that never belong to a commune's or district's own name
_NAME_STOP = frozenset("so ubnd uy bo cuc tinh huyen xa phuong thi tran tp tx va cac cap".split())
_CENTRAL = re.compile(r"\b(?:chinh phu|quoc hoi|thu tuong|trung uong|tong cuc)\b")

_LIST_KIND_WORDS: dict[tuple[str, ...], str] = {
    ("so",): "sở", ("huyen",): "huyện", ("thi", "xa"): "thị xã", ("thanh", "pho"): "thành phố",
    ("xa",): "xã", ("phuong",): "phường", ("thi", "tran"): "thị trấn", ("dac", "khu"): "đặc khu",
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


@lru_cache(maxsize=65536)
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
    level: str = ""  # "tỉnh" | "huyện" (until 30/6/2025) | "xã"; "" when the registry does not say
    authority: bool = False  # issues the province's documents, receives its reports (UBND tỉnh, Tỉnh ủy)
    code: int | None = None  # a commune's code (Tổng cục Thống kê), as vietnam-provinces gives it
    until: str | None = None  # a former unit's last day ("30/6/2025": the districts)
    successors: tuple[str, ...] = ()  # a former district: the communes its territory went to
    commune_kinds: tuple[str, ...] = ()  # a unit every commune has: the kinds of commune it is for
    # told apart from another unit of the province only by diacritics (xã Văn Lăng, xã Văn Lang):
    # its current names match only as written with them
    accented: bool = False

    def named_keys(self, free_text: bool, keyf: Callable[[str], str] = key) -> dict[str, str | None]:
        """Keys that name this unit, each with the former name it comes from (None: a current
        name); `free_text` leaves out a short name that needs its prefix."""
        out: dict[str, str | None] = {}

        def add(text: str, former: str | None = None) -> None:
            k = keyf(text)
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
            for text in self.former_texts(old, free_text):
                add(text, old)
        for alias, old in self.former_aliases:
            add(alias, old)
        return out

    def former_texts(self, old: str, free_text: bool) -> list[str]:
        """The ways a former name is written: itself, its short name under this unit's kind
        prefixes ("Sở GTVT" aside: "sở Giao thông vận tải"), the short alone in a list."""
        out = [old]
        old_short = _short_of(old, self.kind)
        if old_short:
            out += [f"{prefix} {old_short}" for prefix in KIND_PREFIXES.get(self.kind, ())]
            if not free_text and self.standalone:
                out.append(old_short)
        return out

    def keys(self, free_text: bool) -> set[str]:
        """Keys that name this unit; `free_text` leaves out a short name that needs its prefix."""
        return set(self.named_keys(free_text))

    def folded_keys(self, free_text: bool) -> dict[str, str | None]:
        """The keys it is matched by without diacritics: an accented unit's former names only."""
        out = self.named_keys(free_text)
        return {k: old for k, old in out.items() if old} if self.accented else out


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


@lru_cache(maxsize=4096)
def _accented_firsts(unit: Unit) -> frozenset[str]:
    """The first words of a unit's names, with their diacritics ("sở", "ubnd", "phường"): read
    once a unit, the names are many for a merged commune."""
    return frozenset(k.split()[0] for k in unit.named_keys(False, accented_key) if k)


def _kind_word(tok: _Tok, unit: Unit) -> bool:
    """Whether a token is the first word of the unit's kind ("sở", "phường", "ubnd")."""
    return any(tok.key == key(p).split()[0] for p in KIND_PREFIXES.get(unit.kind, ()) if key(p))


def _punct_between(s: str, a: _Tok, b: _Tok) -> bool:
    return bool(s[a.end : b.start].strip())


def _capitalised(t: _Tok) -> bool:
    """"Tân", "Đồng" – not "tân", not "HỘI" (a heading in capitals says nothing of names)."""
    return t.orig[:1].isupper() and not (len(t.orig) > 1 and t.orig.isupper())


# prefixes that make a synthetic commune or district unit: (folded words, kind, read in running
# text); not "quận" in running text: folded, it is also "quản" ("Quản lý"), "quan" ("cơ quan")
_SYNTH_PREFIXES: tuple[tuple[tuple[str, ...], str, bool], ...] = tuple(sorted(
    (
        (tuple(key(p).split()), kind, key(p) not in ("tp", "tx", "thanh pho", "quan"))
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
    merged_from: tuple[str, ...] = ()  # the provinces merged into this one on 01/7/2025 ("Thái Bình")
    city: bool = False  # a city under the central government ("thành phố Hà Nội", "Thành ủy")
    # every commune of the province is listed (from the national data): a commune it lacks is
    # another province's, which none of its groups reach
    communes_complete: bool = False
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
        self._by_name = {u.name: u for u in self.units}
        self._group_by_name = {g.name: g for g in self.groups}
        self._authority_free: dict[str, Unit] = {}
        self._by_accented: dict[str, Unit] = {}  # accented units' current names, with their diacritics
        self._ambiguous: set[str] = set()  # the same names without them: no unit
        self._free_accented: dict[str, Unit] = {}
        for u in self.units:
            for k, old in u.folded_keys(free_text=False).items():
                other = self._by_key.get(k)
                if other is not None and other.name != u.name:
                    raise ValueError(f"units: {k!r} names both {other.name} and {u.name}")
                self._by_key[k] = u
                if old:
                    self._former_of_key[k] = old
            for k in u.folded_keys(free_text=True):
                (self._authority_free if u.authority else self._free)[k] = u
            if u.accented:
                self._ambiguous.update(k for k, old in u.named_keys(False).items() if not old)
                for k, old in u.named_keys(False, accented_key).items():
                    if not old:
                        self._by_accented[k] = u
                self._free_accented.update({k: u for k, old in u.named_keys(True, accented_key).items() if not old})
        for grp in self.groups:
            for k in grp.keys():
                if k in self._by_key:
                    raise ValueError(f"units: {k!r} names both group {grp.name} and unit {self._by_key[k].name}")
                other_group = self._group_by_key.get(k)
                if other_group is not None and other_group.name != grp.name:
                    raise ValueError(f"units: {k!r} names both group {other_group.name} and group {grp.name}")
                self._group_by_key[k] = grp
            for k in grp.free_keys():
                if k not in self._free and k not in self._authority_free:
                    self._group_free.setdefault(k, grp)
        self._max_len = max((len(k.split()) for k in [*self._free, *self._authority_free, *self._group_free,
                                                        *self._free_accented]), default=1)
        # the province itself, by any of its names: a place, no unit ("tỉnh Hưng Yên")
        self._places = frozenset({"tinh", *(key(n) for n in self.province_names())})
        # departments of other provinces (or of before) that this one has not: never guessed
        self._elsewhere = _elsewhere_keys() - set(self._by_key)
        self._communes_by_short: dict[str, list[Unit]] = {}
        for u in self.units:
            if u.kind in COMMUNE_KINDS and u.until is None:
                self._communes_by_short.setdefault(key(u.short), []).append(u)

    def name_abbreviations(self, pairs: list[tuple[str, str]]) -> None:
        """Names written half abbreviated: "Ban Chỉ đạo CCHC và chuyển đổi số tỉnh" is the unit
        whose names spell both out or abbreviate both. Terms are swapped either way, one or two;
        a key another unit has is never taken."""
        for u in self.units:
            if u.authority:
                continue
            for k in list(u.folded_keys(free_text=True)):
                once = _swapped(k, pairs)
                # two terms swapped: "TT Phục vụ HCC tỉnh" of "Trung tâm Phục vụ hành chính công tỉnh"
                for variant in dict.fromkeys([*once, *(v for w in once for v in _swapped(w, pairs))]):
                    if variant not in self._by_key and variant not in self._free and variant not in self._group_by_key:
                        self._by_key[variant] = self._free[variant] = u
        self._max_len = max(self._max_len, *(len(k.split()) for k in self._free))

    def _groups_for(self, kind: str, named: tuple[str, ...]) -> tuple[str, ...]:
        """Named groups, else the groups of the unit's kind; then every group including one of
        those (a former district of a merged province names its own group, not its kind's)."""
        out = list(named)
        if not out:
            out += [g.name for g in self.groups if kind and kind in g.kinds]
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
        """Exactly the units and groups `data` lists (the schema of corpus/units.yaml), nothing
        of the national list or the province's communes: `Units.load` and `load_units` give
        a province's whole registry."""
        groups = [_group_from(g) for g in data.get("groups") or ()]
        units = [_unit_from(u) for u in data.get("units") or ()]
        return cls(nfc(str(data.get("province") or "")), units, groups)

    @classmethod
    def load(cls, path: Path, province: str | None = None) -> "Units":
        """The registry of a province with the additions of the file at `path` (corpus/units.yaml):
        `province`, else the one the file names, else the PROVINCE setting's. A file for
        another province than `province` adds nothing."""
        data = _read_additions(path)
        try:
            return cls.assemble(province or str(data.get("province") or "") or _setting_province(), data,
                                source=str(path))
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise ValueError(f"{path}: {exc}") from exc

    @classmethod
    def assemble(cls, province: str, additions: dict | None = None, source: str = "") -> "Units":  # type: ignore[type-arg]
        """The registry of a province from the national list, its communes (vietnam-provinces),
        its former districts and communes (legacy data) and its own additions (the schema of
        corpus/units.yaml, `province:` naming the province they are for)."""
        return _assemble(find_province(province), additions or {}, source)

    @classmethod
    def empty(cls) -> "Units":
        return cls("", [], [])

    # -- lookups ----------------------------------------------------------------------
    def unit(self, name: str) -> Unit | None:
        """The unit with this canonical name."""
        return self._by_name.get(name)

    def current(self, name: str) -> Unit | None:
        """The unit with this canonical name, or the one a unit of this former name is now
        ("Sở Giao thông vận tải" -> Sở Xây dựng): for names stored before the reorganisation."""
        return self.unit(name) or next((u for u in self.units if name in u.former), None)

    def group(self, name: str) -> Group | None:
        return self._group_by_name.get(name)

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

    def province_names(self) -> tuple[str, ...]:
        """The province's names as documents write them, its former provinces' too ("Hưng Yên",
        "tỉnh Hưng Yên", "Thái Bình", "tỉnh Thái Bình")."""
        word = "thành phố" if self.city else "tỉnh"
        out = [f"{word} {self.province}", self.province] if self.province else []
        for p in self.merged_from:
            out += [f"tỉnh {p}", p]
        return tuple(out)

    def other_province(self, text: str) -> str | None:
        """Another province a text places itself in ("UBND tỉnh Ninh Bình" -> "tỉnh Ninh Bình"),
        None for this province's text or one that names none."""
        own = {key(n) for n in self.province_names()}
        for m in re.finditer(r"\b(tỉnh|thành phố)\s+((?:[A-ZĐ]\w*\s?){1,4})", nfc(text)):
            words = m.group(2).split()
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n])
                if key(name) in own:
                    return None
                try:
                    found = find_province(name)
                except ValueError:
                    continue
                return f"{'thành phố' if found.city else 'tỉnh'} {found.name}"
        return None

    def province_words(self) -> frozenset[str]:
        """The folded syllables of the province's own name ({"hung", "yen"}): words of a
        document's subject that say nothing about which of the province's documents it is."""
        return frozenset(key(self.province).split())

    def resolve(self, name: str, kinds: tuple[str, ...] = (), fuzzy: bool = True) -> Resolution | None:
        """A name as given (CLI argument, bot command, item of a document's list) -> unit or group.

        `kinds` is the context of a document's list ("các sở: Tư pháp, …" -> ("sở",)):
        the short name is then read with that prefix first."""
        s, toks = _tokens(name or "")
        if not toks:
            return None
        keys = [t.key for t in toks]
        k = " ".join(keys)
        accented = [accented_key(t.orig) for t in toks]
        for kind in kinds:
            for prefix in KIND_PREFIXES.get(kind, ()):
                kk = key(f"{prefix} {name}")
                if kk in self._by_key:
                    return self._found(kk, "exact", name)
                if accented_key(f"{prefix} {name}") in self._by_accented:
                    return Resolution(self._by_accented[accented_key(f"{prefix} {name}")], None, "exact", name)
        if k in self._places:
            return None  # "Thái Bình" alone is the former province, in a list of phường the phường
        # the name itself, without "các", without a head's title ("Giám đốc Sở Nội vụ")
        starts = [(0, None)] + [(len(h), s[toks[0].start : toks[len(h) - 1].end]) for h in _HEADS
                                if len(h) < len(keys) and tuple(keys[: len(h)]) == h]
        for start, head in starts:
            rest = keys[start:]
            ak = " ".join(accented[start + 1 if rest[0] == "cac" and len(rest) > 1 else start :])
            if ak in self._by_accented:
                return Resolution(self._by_accented[ak], None, "exact", name, head=head)
            for cand in (rest, rest[1:] if rest[0] == "cac" else None):
                if not cand:
                    continue
                ck = " ".join(cand)
                if ck in self._places or ck in self._ambiguous:
                    return None  # "tỉnh Hưng Yên"; "xa van lang": Văn Lăng or Văn Lang
                if ck in self._by_key:
                    return self._found(ck, "exact", name, head)
                if ck in self._group_by_key:
                    return Resolution(None, self._group_by_key[ck], "exact", name, head=head)
        # a unit every commune has, named with its commune ("Công an xã Tiên Lữ")
        for start, head in starts:
            r = self._commune_office(keys[start:], name, head)
            if r is not None:
                return r
        # a commune or district the registry lacks ("UBND xã Tân Tiến", "huyện Gia Lâm")
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

    def _commune_office(self, keys: list[str], text: str, head: str | None) -> Resolution | None:
        """"Công an xã Tiên Lữ", "Phòng Kinh tế xã Tân Hưng": a unit every commune has, then the
        name of one of the province's communes of a kind it is for -> that unit."""
        for n in range(len(keys) - 1, 0, -1):
            k = " ".join(keys[:n])
            u = self._by_key.get(k)
            if u is None or not u.commune_kinds:
                continue
            rest = keys[n:]
            for kind in u.commune_kinds:  # the commune's kind word may come first
                words = key(kind).split()
                if rest[: len(words)] == words and len(rest) > len(words):
                    rest = rest[len(words) :]
                    break
            if any(c.kind in u.commune_kinds for c in self._communes_by_short.get(" ".join(rest), ())):
                return Resolution(u, None, "exact", text, self._former_of_key.get(k), head)
            return None
        return None

    def _synthetic(self, kind: str, display: str) -> Unit | None:
        if kind == "thành phố" and key(display) in _central_cities():
            return None  # "thành phố Hà Nội" is no district
        # a commune the province's own list lacks is another province's: none of its groups
        elsewhere = kind in COMMUNE_KINDS and self.communes_complete
        return Unit(name=f"{_CANONICAL_PREFIX[kind]} {display}", short=display, kind=kind,
                    groups=() if elsewhere else self._groups_for(kind, ()), standalone=False, synthetic=True)

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
        if not k or k in self._places or k in self._elsewhere:
            return None
        if any(key(u.short) == k and not u.standalone for u in self.units):
            return None  # a short name that names more than this unit ("Mỹ Hào", "Hưng Yên")
        level = _level(k)
        if "trung ương" in level:
            return None
        head = k.split()[0]
        # a candidate under 0.83 decides nothing (the best must reach 0.88 and lead the next unit
        # by 0.05): the cheap upper bounds skip most of the thousands of keys
        sm = difflib.SequenceMatcher(None, "", k)
        scored = []
        for cand, u in self._by_key.items():
            if len(cand) < 4 or (head in _KIND_WORDS and cand.split()[0] != head) or _level(cand) != level:
                continue
            sm.set_seq1(cand)
            if sm.real_quick_ratio() >= 0.83 and sm.quick_ratio() >= 0.83:
                scored.append((sm.ratio(), cand, u))
        scored.sort(key=lambda x: -x[0])
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
        cands += [(key(c), u.name) for c, u in self._by_accented.items()]
        cands += [(key(u.short), u.name) for u in self.units]
        cands += [(c, g.name) for c, g in self._group_by_key.items()]
        sm = difflib.SequenceMatcher(None, "", k)
        for cand, nm in cands:
            common = words & set(cand.split()) if words else set()
            r = 0.6 + 0.1 * len(common) if common else 0.0
            sm.set_seq1(cand)
            if sm.real_quick_ratio() >= max(r, 0.6) and sm.quick_ratio() >= max(r, 0.6):  # else it cannot count
                r = max(r, sm.ratio())
            if r:
                scores[nm] = max(scores.get(nm, 0.0), r)
        ranked = sorted((s, nm) for nm, s in scores.items() if s >= 0.6)
        return [nm for _s, nm in sorted(ranked, key=lambda x: (-x[0], x[1]))[:n]]

    # -- running text ---------------------------------------------------------------------
    def find(self, text: str, groups: bool = True, authorities: bool = False,
             proper_names: bool = False, typed_accents: bool = False) -> list[Mention]:
        """Units (and groups) named in running text, longest match first, left to right.

        Short names that need a prefix ("Tư pháp") are not read alone here, except in a
        list a kind opens ("các sở: Nội vụ, Tư pháp"; "UBND các phường: Phố Hiến, Mỹ Hào").
        A head's title before a name belongs to the mention ("Chủ tịch UBND các xã, phường");
        "UBND xã <Tên>" / "phường <Tên>" the registry lacks gives a synthetic unit. The
        province's authorities (UBND tỉnh, Tỉnh ủy …) are mentions only with `authorities`:
        a question or a sentence names them mostly as a document's author or addressee.
        `proper_names` (a question, typed tersely): a unit's short name written as a name, every
        syllable capitalised and nothing capitalised after it ("Phố Hiến tổng hợp …", "Công
        Thương báo cáo …"), names that unit without its prefix. `typed_accents`: the text was
        typed with diacritics, so a name must be written as the unit writes it ("hồ sơ tư
        pháp" folds to "so tu phap" but is not "Sở Tư pháp")."""
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
            hit = self._accented_at(toks, i) or self._registry_at(keys, i, groups, True)
            if hit is not None and hit[0].unit is not None and (typed_accents or _kind_word(toks[i], hit[0].unit)) \
                    and not self._accents_fit(toks[i], hit[0].unit):
                # "hồ sơ tư pháp" folds to "so tu phap", which is not "Sở Tư pháp"; the diacritics
                # put back on an unaccented question are trusted on a kind's word, not on names
                hit = None
            if hit is None and proper_names:
                hit = self._proper_name_at(s, toks, i)
            synthetic = self._synthetic_at(s, toks, keys, i)
            if synthetic is not None and (hit is None or synthetic[1] > hit[1]):
                hit = synthetic  # "UBND xã Tân Tiến", not the generic "UBND xã"
            if hit is None:
                i += 1
                continue
            res, end = hit
            if res.unit is not None and res.unit.authority and not authorities:
                i = last_end = end  # the whole name is read, and is none asked for
                continue
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

    def _registry_at(self, keys: list[str], i: int, groups: bool,
                     authorities: bool = False) -> tuple[Resolution, int] | None:
        for n in range(min(self._max_len, len(keys) - i), 0, -1):
            cand = " ".join(keys[i : i + n])
            u = self._free.get(cand) or (self._authority_free.get(cand) if authorities else None)
            if u is not None:
                return Resolution(u, None, "exact", cand, self._former_of_key.get(cand)), i + n
            if groups and cand in self._group_free:
                return Resolution(None, self._group_free[cand], "exact", cand), i + n
        return None

    @staticmethod
    def _accents_fit(first: _Tok, unit: Unit) -> bool:
        """Whether the first word of a name, when typed with diacritics, is written as the
        unit's names write it: "sơ" (of "hồ sơ") is not "Sở"."""
        word = accented_key(first.orig)
        if word == first.key:
            return True  # typed without diacritics: nothing to compare
        firsts = _accented_firsts(unit)
        return word in firsts or not any(fold(f) == first.key for f in firsts)

    def _proper_name_at(self, s: str, toks: list[_Tok], i: int) -> tuple[Resolution, int] | None:
        j = i
        while j < len(toks) and j - i < 6 and _capitalised(toks[j]) and (j == i or not _punct_between(s, toks[j - 1], toks[j])):
            j += 1
        if j - i < 2:
            return None  # one capitalised word is a sentence's first as often as a name
        cand = " ".join(t.key for t in toks[i:j])
        u = self._by_key.get(cand)
        if u is None or u.authority or not u.standalone or u.until is not None:
            return None
        return Resolution(u, None, "exact", cand), j

    def _accented_at(self, toks: list[_Tok], i: int) -> tuple[Resolution, int] | None:
        if not self._free_accented:
            return None
        for n in range(min(self._max_len, len(toks) - i), 0, -1):
            u = self._free_accented.get(" ".join(accented_key(t.orig) for t in toks[i : i + n]))
            if u is not None:
                return Resolution(u, None, "exact", " ".join(t.orig for t in toks[i : i + n])), i + n
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
            typed = accented_key(toks[i + n - 1].orig)
            if typed != toks[i + n - 1].key and typed not in _PREFIX_ACCENTED:
                return None  # "Lê Thị Phương Thảo": "Phương", typed so, is a name, not "phường"
            if any(_punct_between(s, a, b) for a, b in zip(toks[i : i + n], toks[i + 1 : i + n + 1])):
                return None
            j = i + n
            while (j < len(toks) and j - (i + n) < 4 and _capitalised(toks[j]) and toks[j].key not in _NAME_STOP
                   and not _punct_between(s, toks[j - 1], toks[j])
                   and (j == i + n or self._registry_at(keys, j, True, True) is None)):
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
        bare = not after.startswith(":")
        if bare:
            # "UBND các xã Khoái Châu, Quỳnh Phụ, Tiền Hải phổ biến …": the names run on while
            # their words are capitalised
            if not after[:1].isupper():
                return []
            body_start = colon + (len(s[colon:]) - len(after))
            body_end = body_start
            for w in re.finditer(r"[^\s,;]+|[,;]", s[body_start:]):
                if not (w.group(0)[:1].isupper() or w.group(0) in (",", "và")):
                    break
                body_end = body_start + w.end()
            body_end = body_start + len(s[body_start:body_end].rstrip(" ,;"))
            if body_end > body_start and s[body_end - 3:body_end] == " và":
                body_end -= 3
        else:
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
                if bare:
                    return []  # a name that is no unit of the kind: no list of them
                break
            out += found
            pos += len(piece)
        if bare and len(out) < 2:
            return []
        if bare:  # with no colon the label is the first name's: "UBND các xã Khoái Châu"
            first = out[0]
            out[0] = Mention(dataclasses.replace(first.resolution, text=s[toks[i].start:toks[first.end - 1].end]),
                             i, first.end)
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


# -- a province's registry, assembled from its sources -------------------------------------------
@dataclass(frozen=True)
class Province:
    """A province or centrally-run city of the 34 since 01/7/2025."""

    name: str  # without its kind: "Hưng Yên", "Hà Nội"
    code: int  # its code (Tổng cục Thống kê), as vietnam-provinces gives it
    city: bool  # a city under the central government: "thành phố", "Thành ủy", "Thành đoàn"
    merged: tuple[tuple[str, bool], ...] = ()  # the provinces merged into it: (name, was a city)


def _words(name: str, city: bool) -> dict[str, str]:
    """What the national list's placeholders stand for in a province."""
    return {"<tỉnh>": "thành phố" if city else "tỉnh", "<Tỉnh>": "Thành" if city else "Tỉnh", "<province>": name}


def _fill(text: str, words: dict[str, str]) -> str:
    for placeholder, word in words.items():
        text = text.replace(placeholder, word)
    return " ".join(nfc(text).split())


def _filler(words: dict[str, str]) -> Callable[[str], str]:
    return lambda text: _fill(text, words)


def _bare_province(name: str) -> tuple[str, bool]:
    """"Thành phố Hà Nội" -> ("Hà Nội", True); "Tỉnh Thái Bình" -> ("Thái Bình", False)."""
    n = " ".join(nfc(name).split())
    for prefix, city in (("thành phố ", True), ("tỉnh ", False)):
        if n.lower().startswith(prefix):
            return n[len(prefix):], city
    return n, False


@lru_cache(maxsize=64)
def find_province(name: str) -> Province:
    """The province a name means ("Hưng Yên", "tỉnh Hưng Yên", "hung yen", "TP Hồ Chí Minh")."""
    from vietnam_provinces import Province as Division
    from vietnam_provinces import VietNamDivisionType

    k = key(name)
    for prefix in ("tinh ", "thanh pho ", "tp "):
        if k.startswith(prefix):
            k = k[len(prefix):]
            break
    known = []
    for p in Division.iter_all():
        bare, _ = _bare_province(p.name)
        known.append(bare)
        if key(bare) == k:
            old = _legacy().get(str(int(p.code)), {}).get("old_provinces", ())
            merged = tuple(b for b in (_bare_province(o) for o in old) if key(b[0]) != k)
            return Province(bare, int(p.code), p.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG, merged)
    raise ValueError(f"PROVINCE={name!r}: không có tỉnh, thành phố nào tên này; 34 tỉnh, thành phố: "
                     + ", ".join(sorted(known)))


@lru_cache(maxsize=1)
def _central_cities() -> frozenset[str]:
    from vietnam_provinces import Province as Division
    from vietnam_provinces import VietNamDivisionType

    return frozenset(key(_bare_province(p.name)[0]) for p in Division.iter_all()
                     if p.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG)


@lru_cache(maxsize=1)
def _national() -> dict[str, Any]:
    data = yaml.load(NATIONAL_PATH.read_text(encoding="utf-8"), Loader=_StrictLoader)
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=1)
def _legacy() -> dict[str, Any]:
    """Per province code: the old provinces, districts and communes (until 30/6/2025)."""
    with gzip.open(LEGACY_PATH, "rt", encoding="utf-8") as f:
        provinces: dict[str, Any] = json.load(f)["provinces"]
    return provinces


@lru_cache(maxsize=1)
def _elsewhere_keys() -> frozenset[str]:
    """Folded names of the national list's optional bodies and of its `elsewhere` list, as any
    province would write them: a registry without them never reads a near name as one."""
    nat = _national()
    texts = [str(t) for t in nat.get("elsewhere") or ()]
    for u in nat.get("units") or ():
        if u.get("optional"):
            texts += [u["name"], *(u.get("aliases") or ())]
            for f in u.get("former") or ():
                texts += [f["name"], *(f.get("aliases") or ())] if isinstance(f, dict) else [f]
    return frozenset(key(_fill(t, _words("", city))) for t in texts for city in (False, True)) - {""}


def _strs(value: Any, fill: Callable[[str], str]) -> tuple[str, ...]:
    return tuple(fill(str(v)) for v in value or ())


def _group_from(g: dict[str, Any], fill: Callable[[str], str] = nfc) -> Group:
    total = g.get("total")
    return Group(
        name=fill(str(g["name"])),
        aliases=_strs(g.get("aliases"), fill),
        standalone_aliases=_strs(g.get("standalone_aliases"), fill),
        includes=_strs(g.get("includes"), fill),
        kinds=_strs(g.get("kinds"), fill),
        complete=bool(g.get("complete", True)),
        total=int(total) if total is not None else None,
    )


def _formers(u: dict[str, Any], fill: Callable[[str], str]) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    former: list[str] = []
    former_aliases: list[tuple[str, str]] = []
    for f in u.get("former") or ():
        if isinstance(f, dict):
            old = fill(str(f["name"]))
            former_aliases += [(a, old) for a in _strs(f.get("aliases"), fill)]
        elif isinstance(f, str):
            old = fill(f)
        else:
            raise ValueError(f"units: {u.get('name')}: a former name must be a name or {{name, aliases}}")
        former.append(old)
    return tuple(former), tuple(former_aliases)


def _unit_from(u: dict[str, Any], fill: Callable[[str], str] = nfc, level: str = "") -> Unit:
    former, former_aliases = _formers(u, fill)
    parent = u.get("parent")
    name = fill(str(u["name"]))
    return Unit(
        name=name,
        short=fill(str(u.get("short") or u["name"])),
        kind=nfc(str(u.get("kind") or "")),
        groups=_strs(u.get("groups"), fill),
        aliases=_strs(u.get("aliases"), fill),
        bare=bool(u.get("bare", False)),
        standalone=bool(u.get("standalone", True)),
        former=former,
        former_aliases=former_aliases,
        parent=fill(str(parent)) if parent else None,
        level=nfc(str(u.get("level") or level)),
        authority=bool(u.get("authority", False)),
    )


@dataclass
class _Draft:
    """A unit being assembled: what its source states (a clash is an error in that source),
    and names made from the data (a province's name added, a former commune) that are kept
    only where no other unit is named so."""

    unit: Unit
    aliases: list[str] = field(default_factory=list)
    former: list[tuple[str, list[str]]] = field(default_factory=list)  # (former name, its aliases)


# a province-level name that ends with the province's kind takes the province's name after it
_PROVINCE_ENDS = ("<tỉnh>", "<Tỉnh> ủy", "<Tỉnh> uỷ", "<Tỉnh> đoàn", "<Tỉnh> Đoàn")


def _with_province(raw: str, own_name: bool) -> str | None:
    """How a province-level name is written with the province's: "Công an <tỉnh>" -> "Công an
    <tỉnh> <province>"; a sở's own or former name -> "Sở Nội vụ <tỉnh> <province>"."""
    if raw.endswith(_PROVINCE_ENDS):
        return f"{raw} <province>"
    if own_name and raw.startswith("Sở ") and "<" not in raw:
        return f"{raw} <tỉnh> <province>"
    return None


def _national_unit(raw: dict[str, Any], prov: Province, name: str | None = None) -> _Draft:
    """A unit of the national list in this province, with the province's name (and the names
    of the provinces merged into it, as former names) written after its own."""
    own = _words(prov.name, prov.city)
    unit = _unit_from(raw, _filler(own), level="tỉnh")
    if name is not None:  # renamed by the province: the national name is a former name
        unit = dataclasses.replace(unit, name=name, short=name, former=(unit.name, *unit.former))
    draft = _Draft(unit)
    raws = [(str(raw["name"]), [str(a) for a in raw.get("aliases") or ()], unit.name)]
    for f in raw.get("former") or ():
        fd = f if isinstance(f, dict) else {"name": f}
        raws.append((str(fd["name"]), [str(a) for a in fd.get("aliases") or ()], _fill(str(fd["name"]), own)))
    for i, (rname, raliases, filled) in enumerate(raws):
        forms = [x for x in [_with_province(rname, True), *(_with_province(a, False) for a in raliases)] if x]
        for form in forms:  # "Sở Nội vụ tỉnh Hưng Yên"; "Sở Kế hoạch và Đầu tư tỉnh Hưng Yên"
            if i == 0:
                draft.aliases.append(_fill(form, own))
            else:
                draft.former.append((filled, [_fill(form, own)]))
        named = [a for a in raliases if "<province>" in a]
        for mname, mcity in prov.merged:  # "Sở Tư pháp tỉnh Thái Bình, nay là Sở Tư pháp"
            words = _words(mname, mcity)
            first = _with_province(rname, True)
            if first is None:
                continue
            draft.former.append((_fill(first, words), [_fill(x, words) for x in [*forms[1:], *named]]))
    return draft


def _communes(prov: Province) -> list[Unit]:
    """The province's communes, wards and special zones (vietnam-provinces)."""
    from vietnam_provinces import Ward

    out = []
    for w in Ward.iter_by_province(prov.code):  # type: ignore[arg-type]
        kind = w.division_type.value
        full = " ".join(nfc(w.name).split())  # "Xã  Bắc Đông Quan" has two spaces
        short = full[len(kind) + 1:] if full.lower().startswith(kind + " ") else full
        out.append(Unit(name=f"UBND {kind} {short}", short=short, kind=kind, level="xã", code=int(w.code)))
    return out


def _commune_level(nat: dict[str, Any], prov: Province, kinds: list[str]) -> tuple[list[Unit], list[Group]]:
    """The units every commune has and their groups, one per kind of commune the province has
    ("Công an xã", "Công an phường") or one for all when the name says no kind ("Phòng Văn hóa - Xã hội")."""
    own = _words(prov.name, prov.city)
    units: dict[str, Unit] = {}
    for raw in nat.get("commune_units") or ():
        these = [k for k in raw.get("for") or ("xã", "phường", "đặc khu") if k in kinds]
        for kind in these if "<cấp xã>" in raw["name"] else these[:1]:
            per = these if "<cấp xã>" not in raw["name"] else [kind]
            made = [_unit_from(raw, _filler({**own, "<cấp xã>": kd}), level="xã") for kd in per]
            u = dataclasses.replace(
                made[0], commune_kinds=tuple(per),
                aliases=tuple(dict.fromkeys(a for m in made for a in m.aliases)),
                groups=tuple(dict.fromkeys(g for m in made for g in m.groups)))
            units[u.name] = u
    groups: dict[str, Group] = {}
    for raw in nat.get("commune_groups") or ():
        for kind in kinds if "<cấp xã>" in raw["name"] else kinds[:1]:
            g = _group_from(raw, _filler({**own, "<cấp xã>": kind}))
            groups[g.name] = g
    return list(units.values()), list(groups.values())


def _former_districts(prov: Province, communes: dict[int, str], group: Group) -> tuple[list[Unit], list[Group]]:
    """The districts (until 30/6/2025) of the province and of those merged into it. The group
    of district People's Committees ("UBND các huyện, thị xã, thành phố" of a 2024 document of
    the province) holds the province's own; each merged province's have a group of their own."""
    data = _legacy().get(str(prov.code), {})
    districts = data.get("districts") or ()
    olds: list[str] = list(data.get("old_provinces") or ())
    # the old province that gave the new one its name (Huế: the only one, Thừa Thiên Huế)
    own = {key(prov.name)} | ({key(_bare_province(olds[0])[0])} if len(olds) == 1 else set())
    merged_groups: dict[str, Group] = {}
    seen: dict[str, int] = {}
    parsed = []
    for d in districts:
        kind = str(d["type"]).lower()
        name = " ".join(nfc(str(d["name"])).split())
        short = name[len(kind) + 1:] if name.lower().startswith(kind + " ") else name
        parsed.append((kind, short, d))
        seen[key(f"{kind} {short}")] = seen.get(key(f"{kind} {short}"), 0) + 1
    out = []
    for kind, short, d in parsed:
        old, city = _bare_province(str(d["old_province"]))
        place = f"{_words(old, city)['<tỉnh>']} {old}"
        if seen[key(f"{kind} {short}")] > 1:  # two merged provinces had a district of this name
            short = f"{short} ({place})"
        groups: tuple[str, ...] = ()  # the province's own: the group of their kind
        if key(old) not in own:
            g = merged_groups.setdefault(place, Group(
                name=f"{group.name} {place}",
                aliases=tuple(f"{a} {place}" for a in group.aliases if "huyện" in a), total=0))
            merged_groups[place] = dataclasses.replace(g, total=(g.total or 0) + 1)
            groups = (g.name,)
        out.append(Unit(name=f"UBND {kind} {short}", short=short, kind=kind, groups=groups, level="huyện",
                        until=FORMER_UNTIL, successors=tuple(communes[c] for c in d["wards"] if c in communes)))
    # in the order of the statistics codes (a district's communes were numbered after it)
    order = {c: i for i, c in enumerate(sorted(communes))}
    codes = {u.name: min((order[c] for c in d["wards"] if c in order), default=len(order)) for u, (_k, _s, d)
             in zip(out, parsed)}
    out.sort(key=lambda u: codes[u.name])
    own_count = sum(1 for u in out if not u.groups)
    return out, [dataclasses.replace(group, total=own_count), *merged_groups.values()] if out else []


def _former_communes(prov: Province, communes: dict[int, str]) -> dict[str, list[tuple[str, list[str]]]]:
    """Per new commune, the former communes now wholly in it: "xã Thủ Sỹ (huyện Tiên Lữ)", with
    its unqualified name where no other former commune of the province had it. A former commune
    split between several new ones has no single successor and is left out."""
    data = _legacy().get(str(prov.code), {})
    district_names = {}
    for d in data.get("districts") or ():
        kind = str(d["type"]).lower()
        name = " ".join(nfc(str(d["name"])).split())
        district_names[name] = kind + name[len(kind):] if name.lower().startswith(kind) else name
    rows = []
    for c in data.get("communes") or ():
        kind = str(c["type"]).lower()
        name = " ".join(nfc(str(c["name"])).split())
        short = name[len(kind) + 1:] if name.lower().startswith(kind + " ") else name
        rows.append((f"{kind} {short}", c))
    count: dict[str, int] = {}
    for plain, _c in rows:
        count[key(plain)] = count.get(key(plain), 0) + 1
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for plain, c in rows:
        targets = [communes[x] for x in c["to"] if x in communes]
        if len(targets) != 1 or c.get("split"):
            continue
        district = district_names.get(" ".join(nfc(str(c["district"])).split()), str(c["district"]))
        aliases = [f"{plain}, {district}", f"UBND {plain}, {district}", f"Ủy ban nhân dân {plain}, {district}"]
        if count[key(plain)] == 1:
            aliases += [plain, f"UBND {plain}", f"Ủy ban nhân dân {plain}"]
        out.setdefault(targets[0], []).append((f"{plain} ({district})", aliases))
    return out


def _settle(drafts: list[_Draft], groups: list[Group]) -> list[Unit]:
    """The units with the names made from the data that name no other unit or group."""
    taken: dict[str, str] = {k: "" for g in groups for k in g.keys()}
    for d in drafts:
        for k, old in d.unit.named_keys(free_text=False).items():
            taken[k] = "" if d.unit.accented and not old else taken.get(k, d.unit.name)
    claims: dict[str, set[str]] = {}

    def former_keys(d: _Draft, old: str) -> set[str]:
        return {key(t) for t in d.unit.former_texts(old, free_text=False)} - {""}

    for d in drafts:
        for a in d.aliases:
            claims.setdefault(key(a), set()).add(d.unit.name)
        for old, aliases in d.former:
            for k in former_keys(d, old) | {key(a) for a in aliases}:
                claims.setdefault(k, set()).add(d.unit.name)

    def free(k: str, name: str) -> bool:
        return bool(k) and taken.get(k, name) == name and claims.get(k, {name}) == {name}

    out = []
    for d in drafts:
        name = d.unit.name
        current = {k for k, old in d.unit.named_keys(free_text=False).items() if not old}
        aliases = [a for a in d.aliases if free(key(a), name)]
        former, former_aliases = list(d.unit.former), list(d.unit.former_aliases)
        for old, als in d.former:
            if old not in former:
                if not all(free(k, name) for k in former_keys(d, old)):
                    continue
                former.append(old)
            # "phường Hồng Châu" merged into the new phường Hồng Châu names it as it is now
            former_aliases += [(a, old) for a in als if free(key(a), name) and key(a) not in current]
        out.append(dataclasses.replace(d.unit, aliases=tuple(dict.fromkeys((*d.unit.aliases, *aliases))),
                                       former=tuple(former), former_aliases=tuple(dict.fromkeys(former_aliases))))
    return out


def _assemble(prov: Province, additions: dict[str, Any], source: str) -> Units:
    nat = _national()
    declared = additions.get("province")
    if declared and find_province(str(declared)).code != prov.code:
        log.warning("%s names the units of %s, the registry is for %s: its additions are not used",
                    source or "units.yaml", declared, prov.name)
        additions = {}
    fill = _filler(_words(prov.name, prov.city))
    enabled = {fill(str(e)) for e in additions.get("enable") or ()}
    renamed = {fill(str(a)): fill(str(b)) for a, b in (additions.get("rename") or {}).items()}
    groups = [_group_from(g, fill) for g in nat.get("groups") or ()]
    drafts: list[_Draft] = []
    for raw in nat.get("units") or ():
        name = fill(str(raw["name"]))
        if raw.get("optional") and name not in enabled and not (raw.get("only_city") and prov.city):
            continue
        drafts.append(_national_unit(raw, prov, renamed.get(name)))
    communes = _communes(prov)
    by_code = {u.code: u.name for u in communes if u.code is not None}
    kinds = [k for k in ("xã", "phường", "đặc khu") if any(u.kind == k for u in communes)]
    idx = next(i for i, g in enumerate(groups) if "xã" in g.kinds)  # UBND cấp xã: all of them, known
    groups[idx] = dataclasses.replace(groups[idx], complete=True, total=len(communes))
    level_units, level_groups = _commune_level(nat, prov, kinds)
    groups += level_groups
    districts, district_groups = _former_districts(prov, by_code, _group_from(nat["district_group"], fill))
    groups += district_groups
    former = _former_communes(prov, by_code)
    drafts += [_Draft(u, former=list(former.get(u.name, ()))) for u in communes]
    drafts += [_Draft(u) for u in (*level_units, *districts)]
    # names told apart only by diacritics are matched with them
    spelled: dict[str, set[str]] = {}
    for d in drafts:
        spelled.setdefault(key(d.unit.name), set()).add(d.unit.name)
    for d in drafts:
        if len(spelled[key(d.unit.name)]) > 1:
            d.unit = dataclasses.replace(d.unit, accented=True)
    # the short name alone names a commune or district only when nothing else has it
    places = {key(prov.name), *(key(m) for m, _c in prov.merged)}
    shorts: dict[str, int] = {}
    for d in drafts:
        shorts[key(d.unit.short)] = shorts.get(key(d.unit.short), 0) + 1
    for d in drafts:
        if d.unit.kind in (*COMMUNE_KINDS, *DISTRICT_KINDS):
            k = key(d.unit.short)
            d.unit = dataclasses.replace(d.unit, standalone=shorts[k] == 1 and k not in places)
    # the province's own additions
    by_name = {d.unit.name: d for d in drafts}
    for name, ext in (additions.get("extend") or {}).items():
        target = by_name.get(fill(str(name)))
        if target is None:
            raise ValueError(f"extend: no unit named {fill(str(name))!r} in the registry of {prov.name}")
        f, fa = _formers(ext or {}, fill)
        u = target.unit
        target.unit = dataclasses.replace(u, aliases=(*u.aliases, *_strs((ext or {}).get("aliases"), fill)),
                                          former=(*u.former, *f), former_aliases=(*u.former_aliases, *fa))
    groups += [_group_from(g, fill) for g in additions.get("groups") or ()]
    drafts += [_Draft(_unit_from(u, fill)) for u in additions.get("units") or ()]
    return Units(prov.name, _settle(drafts, groups), groups, tuple(m for m, _c in prov.merged), prov.city,
                 communes_complete=True)


def _read_additions(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a mapping of units and groups")
    return data


def _setting_province() -> str:
    from retrieval.settings import Settings

    return Settings.from_env().province


# the words of the commune and district prefixes as written with their marks ("phường", not "Phương")
_PREFIX_ACCENTED = frozenset(w for prefixes in KIND_PREFIXES.values() for p in prefixes for w in accented_key(p).split())


def _swapped(k: str, pairs: list[tuple[str, str]]) -> list[str]:
    """`k` with one abbreviation spelled out or one spelled-out term abbreviated."""
    out = []
    padded = f" {k} "
    for abbr, meaning in pairs:
        for a, b in ((abbr, meaning), (meaning, abbr)):
            if f" {a} " in padded:
                out.append(padded.replace(f" {a} ", f" {b} ", 1).strip())
    return out


@lru_cache(maxsize=16)
def _load_cached(path: str, mtime: float, province: str) -> Units:
    units = Units.load(Path(path), province) if path else Units.assemble(province)
    units.name_abbreviations(_abbreviations((Path(path) if path else DEFAULT_UNITS_PATH).parent / "glossary.tsv"))
    return units


def _abbreviations(glossary: Path) -> list[tuple[str, str]]:
    """(abbreviation, meaning) keys of the glossary next to a units file, of three letters or
    more ("CCHC", "CĐS"): names are written with them as often as spelled out."""
    out = []
    if glossary.is_file():
        for line in nfc(glossary.read_text(encoding="utf-8")).splitlines():
            abbr, _, meanings = line.partition("\t")
            if line.startswith("#") or not meanings or len(key(abbr).replace(" ", "")) < 3:
                continue
            out += [(key(abbr), key(m)) for m in meanings.split("|") if len(key(m).split()) >= 2]
    return out


def load_units(path: Path | None = None, province: str | None = None) -> Units:
    """The registry of a province with its additions from a units file, cached per file version
    and province (the bot loads it at start and for every index).

    Without `path`: the PROVINCE setting's province, with corpus/units.yaml when that file is
    for it (a missing file adds nothing). A file given by path (an index's, `inspect --units`)
    carries its own province (`province:`), else PROVINCE's. `province` overrides both."""
    p = path or DEFAULT_UNITS_PATH
    if province is None and path is not None and p.is_file():
        province = str(_read_additions(p).get("province") or "") or None
    name = find_province(province or _setting_province()).name
    if not p.is_file():
        return _load_cached("", 0.0, name)
    return _load_cached(str(p.resolve()), p.stat().st_mtime, name)


def units_for_index(index_dir: Path) -> Units:
    """The registry an index answers with: that of the province its units.yaml (copied from
    the corpus it was built from) is for, with those additions; for an index without one,
    corpus/units.yaml and the PROVINCE setting."""
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
