"""Units a heading enumerates, each under the kind its list gives: "Các đơn vị được kiểm tra
(các sở: Giáo dục và Đào tạo, Tư pháp; UBND các huyện, thị xã: Yên Mỹ, …, thị xã Mỹ Hòa)",
"Các sở: Tư pháp, Ngoại vụ; UBND các xã: Nghĩa Trụ, Phụng Công". A name the registry lacks is
kept as written, with its kind when the list names one ("Ngoại vụ" under "các sở" is "Sở
Ngoại vụ")."""

from __future__ import annotations

import re

from retrieval.facts.subjects import Responsible
from retrieval.facts.units import DISTRICT_KINDS, Units, key
from retrieval.lang.lexicon import load_lexicon, lower_same_length
from retrieval.lang.text import clean_inline


def _kinds_of(prefix: str) -> tuple[str, ...]:
    k = key(prefix)
    if re.search(r"\b(xa|phuong)\b", k) and not re.search(r"\b(huyen|thi xa)\b", k):
        return ("xã", "phường")
    if re.search(r"\b(huyen|thi xa|thanh pho)\b", k):
        return DISTRICT_KINDS
    if re.search(r"\bso\b", k):
        return ("sở",)
    return ()


# the one kind a list's prefix names, and how a unit of it is named: "các sở" -> "Sở", "UBND các xã" ->
# "UBND xã" (none for "UBND các xã, phường": a name there could be either)
_KIND_WORDS = {"so": "Sở", "xa": "UBND xã", "phuong": "UBND phường", "thi tran": "UBND thị trấn",
               "huyen": "UBND huyện", "thi xa": "UBND thị xã", "thanh pho": "UBND thành phố"}
_KIND_WORD = re.compile(r"\b(thi tran|thi xa|thanh pho|huyen|phuong|xa|so)\b")
_KIND_PREFIX = re.compile(r"^(?:(?:ubnd|uy ban nhan dan)\s+)?(?:(?:cac|nhung)\s+)?" + _KIND_WORD.pattern[2:])
# a list entry that is a name: capitalised (after its kind: "thị xã Mỹ Hào"), a few words, no verb of a duty
_LISTED_NAME = re.compile(
    r"(?!.*\b(?:thực hiện|triển khai|chủ trì|phối hợp|báo cáo|có trách nhiệm|như sau|tổ chức|chỉ đạo|theo dõi)\b)"
    r"(?:(?:thị xã|thị trấn|thành phố|huyện|xã|phường|sở)\s+)?(?:[A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]|\d)[^\s:;()]*(?:\s+[^\s:;()]+){0,6}")


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
    if not word or key(name).startswith(key(word).split()[-1] + " ") or load_lexicon().org_head_re.match(
            lower_same_length(name)):
        return name
    return f"{word} {name}"




def listed_subject(text: str, units: Units) -> Responsible | None:
    """Who a heading's enumerated list names, or None when the heading has no such list."""
    listed = _listed(text)
    if listed is None:
        return None
    label, names = listed
    resp = Responsible(label=label)
    for name, kinds, word in names:
        r = units.resolve(name, kinds, fuzzy=False)
        if r is not None and r.unit is not None:
            if r.unit.name not in resp.units:
                resp.units.append(r.unit.name)
            continue
        if r is not None and r.group is not None:
            if r.group.name not in resp.groups:
                resp.groups.append(r.group.name)
            continue
        # a proper name the registry lacks: kept as written, with the kind its list gives
        name = _with_kind(name, word)
        resp.unresolved.append(name)
        if name[:1].isupper():
            resp.units.append(name)
    return resp


__all__ = ["listed_names", "listed_subject"]
