"""Vietnamese text handling shared by every stage: NFC, accent folding, tokenising.

Everything that enters the system passes through `nfc` first: 15 of the 28 law files
and the question files carry decomposed (NFD) Vietnamese, and BM25 would otherwise see
"hôn" and "hôn" as two different words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SUP_RE = re.compile(r"<sup>\s*([^<]*?)\s*</sup>")
_WS_RE = re.compile(r"[ \t\u00a0]+")
_WORD_RE = re.compile(r"[0-9a-zA-Z\u00c0-\u1ef9_]+(?:[/\-.][0-9a-zA-Z\u00c0-\u1ef9_]+)*", re.UNICODE)

# Function words that carry no retrieval signal. Kept short on purpose: legal
# language uses "không", "được", "phải" meaningfully, so those stay.
STOPWORDS = frozenset(
    """
    là và của các những cho có được với trong theo về để tại từ thì mà này đó khi nào gì ai
    bao_nhiêu bao nhiêu như thế_nào thế nào hay hoặc đã sẽ đang một số vào ra lại cũng rằng
    sau trên dưới nếu việc hãy xin vui_lòng ạ nhé không_ạ đúng sai hỏi
    """.split()
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_sup(text: str) -> str:
    """Remove footnote marks (<sup>3</sup>) for display and matching."""
    return SUP_RE.sub("", text)


def clean_inline(text: str) -> str:
    """Display form of a passage: no markdown emphasis, no footnote marks, single spaces."""
    text = strip_sup(text).replace("**", "")
    return _WS_RE.sub(" ", text).strip()


_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free form: 'Sở Tư pháp' -> 'so tu phap'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_TABLE))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return stripped.lower()


# the five tone marks; where a syllable carries one ("hoá" or "hóa") is only a habit of spelling
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


@lru_cache(maxsize=65536)
def marked(syllable: str) -> str:
    """A syllable's letters with their marks, its tone last, lower case: "Họp" -> "họp" and
    "hợp" stay apart where `fold` makes both "hop"; "hoá" and "hóa" are one."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tone = "".join(c for c in decomposed if c in _TONES)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES)) + tone


class Syllable(str):
    """A folded syllable of a question that also remembers how it was typed with diacritics:
    it compares, hashes and prints as the folded form, so every set of folded words takes it,
    and a match that can afford to may ask for the marks too ("họp" is not "tổng hợp")."""

    marks: str

    def __new__(cls, typed: str) -> "Syllable":
        out = super().__new__(cls, fold(typed))
        out.marks = marked(typed)
        return out


_VI_MARKS = re.compile(r"[\u00c0-\u1ef9]")


def has_diacritics(text: str) -> bool:
    return bool(_VI_MARKS.search(nfc(text)))


def words(text: str) -> list[str]:
    """Lower-cased surface tokens (document numbers such as 187/kh-ubnd stay whole)."""
    return [w.lower() for w in _WORD_RE.findall(nfc(text))]


def syllables(text: str) -> list[str]:
    """Lower-cased syllables, splitting document numbers too."""
    return [w for w in re.split(r"[^0-9a-z\u00c0-\u1ef9]+", nfc(text).lower()) if w]


_segmenter = None


def segment(text: str) -> list[str]:
    """pyvi word segmentation ('Sở Tư_pháp báo_cáo'), lower-cased, punctuation dropped."""
    global _segmenter
    if _segmenter is None:
        from retrieval.lang.segmenter import Segmenter  # pyvi's model, loaded lazily and without scikit-learn

        _segmenter = Segmenter()
    out = []
    for tok in _segmenter.tokenize(nfc(text)).split():
        tok = tok.lower()
        if re.search(r"[0-9a-z\u00c0-\u1ef9]", tok):
            out.append(tok)
    return out


def bm25_tokens(text: str) -> list[str]:
    """Accented field: pyvi words plus their syllables, so a query word that pyvi
    segments differently from the passage still meets it half-way."""
    toks: list[str] = []
    for w in segment(text):
        if w in STOPWORDS:
            continue
        toks.append(w)
        if "_" in w:
            toks.extend(s for s in w.split("_") if s not in STOPWORDS)
    return toks


def folded_tokens(text: str) -> list[str]:
    """Accent-folded field: syllables and syllable bigrams, for questions typed without
    diacritics ("so tu phap bao cao cho ai")."""
    syl = [fold(s) for s in syllables(text)]
    stop = _FOLDED_STOP
    toks = [s for s in syl if s not in stop]
    toks.extend(f"{a}_{b}" for a, b in zip(syl, syl[1:]) if not (a in stop and b in stop))
    return toks


FOLDED_STOPWORDS = _FOLDED_STOP = frozenset(fold(w) for w in STOPWORDS if "_" not in w)

