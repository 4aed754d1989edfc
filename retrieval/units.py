"""The province's organisations: canonical names, groups, short forms and aliases.

`corpus/units.yaml` lists them; `Units` resolves a name as typed by a user or written in
a document ("Tư pháp", "STP", "so tu phap", "thị xã Mỹ Hòa", "UBND các huyện, thị xã,
thành phố") to one unit or one group, tolerant of missing diacritics, case, punctuation
and the spelling variants the aliases list. Nothing is guessed beyond that: a name that
matches no key resolves to None (or, for a near-miss typed by a user, to the single
unit it is very close to), never to an arbitrary unit.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .text import fold, nfc

DEFAULT_UNITS_PATH = Path(__file__).resolve().parents[1] / "corpus" / "units.yaml"

# how a document or a user names a unit of each kind before its short name
KIND_PREFIXES: dict[str, tuple[str, ...]] = {
    "sở": ("sở",),
    "huyện": ("huyện", "UBND huyện", "Ủy ban nhân dân huyện", "H."),
    "thị xã": ("thị xã", "TX", "UBND thị xã", "Ủy ban nhân dân thị xã"),
    "thành phố": ("thành phố", "TP", "UBND thành phố", "Ủy ban nhân dân thành phố"),
}
DISTRICT_KINDS = ("huyện", "thị xã", "thành phố")

_KIND_WORDS = frozenset("so bo cuc ban huyen ubnd uy tp tx thanh thi xa vien van tong".split())
_DOC_NUMBER = re.compile(r"\S*\d\S*/\S+")  # 145/BC-SNV must not read as "SNV"


# folded words that, right before a unit's name, make it part of a different name
_OTHER_NAME_BEFORE = frozenset({"co", "bo", "cuc", "tong", "vien", "truong", "hoc"})


def key(text: str) -> str:
    """Matching form: accent-free, lower case, punctuation as spaces ("Sở GD&ĐT" -> "so gd dt")."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(nfc(text))).split())


@dataclass(frozen=True)
class Unit:
    name: str
    short: str
    kind: str
    groups: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    bare: bool = False  # the short name alone identifies it in free text
    standalone: bool = True  # the short name alone is accepted as a name given on its own

    def keys(self, free_text: bool) -> set[str]:
        """Keys that name this unit; `free_text` leaves out a short name that needs its prefix."""
        out = {key(self.name)} | {key(a) for a in self.aliases}
        for prefix in KIND_PREFIXES.get(self.kind, ()):
            out.add(key(f"{prefix} {self.short}"))
        if self.bare or (not free_text and self.standalone):
            out.add(key(self.short))
        return {k for k in out if k}


@dataclass(frozen=True)
class Group:
    name: str
    aliases: tuple[str, ...] = ()

    def keys(self) -> set[str]:
        return {key(self.name)} | {key(a) for a in self.aliases}


@dataclass(frozen=True)
class Resolution:
    """What a name resolved to: exactly one of unit / group is set."""

    unit: Unit | None
    group: Group | None
    how: str  # "exact" | "fuzzy"
    text: str  # the name as given

    @property
    def name(self) -> str:
        return self.unit.name if self.unit else self.group.name  # type: ignore[union-attr]

    @property
    def is_group(self) -> bool:
        return self.group is not None


@dataclass(frozen=True)
class Mention:
    """A unit or group named in running text (a question, a heading)."""

    resolution: Resolution
    start: int  # token positions in key(text)
    end: int


@dataclass
class Units:
    province: str
    units: list[Unit]
    groups: list[Group]
    _by_key: dict[str, Unit] = field(default_factory=dict, repr=False)
    _free: dict[str, Unit] = field(default_factory=dict, repr=False)
    _group_by_key: dict[str, Group] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        group_names = {g.name for g in self.groups}
        for u in self.units:
            for g in u.groups:
                if g not in group_names:
                    raise ValueError(f"units: {u.name} names an unknown group {g!r}")
            for k in u.keys(free_text=False):
                other = self._by_key.get(k)
                if other is not None and other is not u:
                    raise ValueError(f"units: {k!r} names both {other.name} and {u.name}")
                self._by_key[k] = u
            for k in u.keys(free_text=True):
                self._free[k] = u
        for grp in self.groups:
            for k in grp.keys():
                if k in self._by_key:
                    raise ValueError(f"units: {k!r} names both group {grp.name} and unit {self._by_key[k].name}")
                self._group_by_key[k] = grp
        self._max_len = max((len(k.split()) for k in [*self._free, *self._group_by_key]), default=1)

    # -- loading --------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict) -> "Units":  # type: ignore[type-arg]
        groups = [Group(nfc(g["name"]), tuple(nfc(a) for a in g.get("aliases") or ())) for g in data.get("groups") or ()]
        units = []
        for u in data.get("units") or ():
            units.append(
                Unit(
                    name=nfc(u["name"]),
                    short=nfc(u.get("short") or u["name"]),
                    kind=nfc(u.get("kind") or ""),
                    groups=tuple(nfc(g) for g in u.get("groups") or ()),
                    aliases=tuple(nfc(str(a)) for a in u.get("aliases") or ()),
                    bare=bool(u.get("bare", False)),
                    standalone=bool(u.get("standalone", True)),
                )
            )
        return cls(nfc(str(data.get("province") or "")), units, groups)

    @classmethod
    def load(cls, path: Path) -> "Units":
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: not valid YAML ({exc})") from exc
        try:
            return cls.from_dict(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: {exc}") from exc

    @classmethod
    def empty(cls) -> "Units":
        return cls("", [], [])

    # -- lookups ----------------------------------------------------------------------
    def unit(self, name: str) -> Unit | None:
        """The unit with this canonical name."""
        return next((u for u in self.units if u.name == name), None)

    def group(self, name: str) -> Group | None:
        return next((g for g in self.groups if g.name == name), None)

    def members(self, group: str) -> list[Unit]:
        return [u for u in self.units if group in u.groups]

    def resolve(self, name: str, kinds: tuple[str, ...] = (), fuzzy: bool = True) -> Resolution | None:
        """A name as given (CLI argument, bot command, item of a document's list) -> unit or group.

        `kinds` is the context of a document's list ("các sở: Tư pháp, …" -> ("sở",)):
        the short name is then read with that prefix first."""
        k = key(name)
        if not k:
            return None
        for kind in kinds:
            for prefix in KIND_PREFIXES.get(kind, ()):
                u = self._by_key.get(key(f"{prefix} {name}"))
                if u is not None:
                    return Resolution(u, None, "exact", name)
        stripped = re.sub(r"^cac ", "", k)
        for cand in (k, stripped):
            if cand in self._by_key:
                return Resolution(self._by_key[cand], None, "exact", name)
            if cand in self._group_by_key:
                return Resolution(None, self._group_by_key[cand], "exact", name)
        if not fuzzy:
            return None
        # a near-miss typed by a user ("So Tu phat"): only one clearly closest unit, and
        # never across kinds ("Bộ Tư pháp" is not "Sở Tư pháp")
        head = k.split()[0]
        scored = sorted(
            (
                (difflib.SequenceMatcher(None, k, cand).ratio(), u)
                for cand, u in self._by_key.items()
                if len(cand) >= 4 and (head not in _KIND_WORDS or cand.split()[0] == head)
            ),
            key=lambda x: -x[0],
        )
        if scored and scored[0][0] >= 0.88:
            best = scored[0][1]
            runner = next((s for s, u in scored if u is not best), 0.0)
            if scored[0][0] - runner >= 0.05:
                return Resolution(best, None, "fuzzy", name)
        return None

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Canonical names close to a name that did not resolve."""
        k = key(name)
        scores: dict[str, float] = {}
        words = set(k.split()) - {"so", "huyen", "ubnd", "thi", "xa", "thanh", "pho", "tinh", "va"}
        for cand, u in self._by_key.items():
            r = difflib.SequenceMatcher(None, k, cand).ratio()
            if words and words & set(cand.split()):
                r = max(r, 0.6 + 0.1 * len(words & set(cand.split())))
            scores[u.name] = max(scores.get(u.name, 0.0), r)
        for cand, g in self._group_by_key.items():
            r = difflib.SequenceMatcher(None, k, cand).ratio()
            scores[g.name] = max(scores.get(g.name, 0.0), r)
        ranked = sorted((s, nm) for nm, s in scores.items() if s >= 0.6)
        return [nm for _s, nm in sorted(ranked, key=lambda x: (-x[0], x[1]))[:n]]

    def find(self, text: str, groups: bool = True) -> list[Mention]:
        """Units (and groups) named in running text, longest match first, left to right.
        Short names that need a prefix ("Tư pháp") are not read alone here."""
        toks = key(_DOC_NUMBER.sub(" ", nfc(text))).split()
        out: list[Mention] = []
        i = 0
        while i < len(toks):
            hit = None
            for n in range(min(self._max_len, len(toks) - i), 0, -1):
                cand = " ".join(toks[i : i + n])
                if cand in self._free:
                    hit = Mention(Resolution(self._free[cand], None, "exact", cand), i, i + n)
                elif groups and cand in self._group_by_key:
                    hit = Mention(Resolution(None, self._group_by_key[cand], "exact", cand), i, i + n)
                if hit:
                    break
            # "cơ sở giáo dục", "Bộ Giáo dục và Đào tạo": the words belong to another name
            if hit and i > 0 and toks[i - 1] in _OTHER_NAME_BEFORE:
                hit = None
            if hit:
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out

    def first_unit(self, text: str) -> Unit | None:
        for m in self.find(text, groups=False):
            return m.resolution.unit
        return None


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
