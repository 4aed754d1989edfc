"""pyvi's Vietnamese word segmenter, without its start-up cost.

`pyvi.ViTokenizer` unpickles a `sklearn_crfsuite.CRF` at import, which imports
scikit-learn: about two seconds before the first question can be segmented, most of the
`ask` cold start. The model inside is a plain CRFsuite model, and pyvi's features are
plain dicts, so this module reads the CRFsuite bytes out of pyvi's own pickle (without
importing scikit-learn), tags with python-crfsuite directly, and applies pyvi's rules for
joining syllables. The output is the same as `ViTokenizer.tokenize` (a test checks it
against pyvi on the corpus).
"""

from __future__ import annotations

import importlib.util
import pickle
import re
import string
import unicodedata
from pathlib import Path
from typing import Any

_SPECIALS = ["==>", "->", r"\.\.\.", ">>", "\n"]
_ABBREVIATIONS = [r"[A-ZĐ]+\.", r"Tp\.", r"Mr\.", r"Mrs\.", r"Ms\.", r"Dr\.", r"ThS\."]
# pyvi's syllable pattern, in its order: abbreviations, specials, web, email, numbers, symbols, words
_SYLLABLE = re.compile(
    "(" + "|".join(_ABBREVIATIONS + _SPECIALS + [r"\w+://[^\s]+", r"([a-zA-Z0-9_.+-]+@([a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+)",
                                                  r"\d+([\.,_]\d+)+", r"[^\w\s]", r"\w+"]) + ")",
    re.UNICODE,
)


def _pyvi_dir() -> Path:
    spec = importlib.util.find_spec("pyvi")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvi is not installed (pip install pyvi)")
    return Path(list(spec.submodule_search_locations)[0])


class _State:
    """Stands in for the pickled scikit-learn objects: keeps their state, imports nothing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.state: dict[str, Any] = {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.state = state


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module.startswith(("sklearn", "pycrfsuite._logparser")):
            return _State
        return super().find_class(module, name)


def crf_model_bytes(pickle_path: Path) -> bytes:
    with pickle_path.open("rb") as f:
        crf = _Unpickler(f).load()
    data = crf.state["modelfile"].state.get("__FILE_RESOURCE_DATA__")
    if not data:
        raise RuntimeError(f"no CRFsuite model inside {pickle_path}")
    return bytes(data)


class Segmenter:
    def __init__(self, models: Path | None = None) -> None:
        import pycrfsuite

        models = models or _pyvi_dir() / "models"
        self.bi_grams: set[str] = set()
        self.tri_grams: set[str] = set()
        for token in (models / "words.txt").read_text(encoding="utf-8").split("\n"):
            n = len(token.split(" "))
            if n == 2:
                self.bi_grams.add(token)
            elif n == 3:
                self.tri_grams.add(token)
        # the tagger reads the model in place: the bytes must live as long as it does
        self._model = crf_model_bytes(models / "pyvi3.pkl")
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open_inmemory(self._model)

    def _features(self, sent: list[str], i: int) -> dict[str, Any]:
        word = sent[i]
        f: dict[str, Any] = {
            "bias": 1.0,
            "word.lower()": word.lower(),
            "word.isupper()": word.isupper(),
            "word.istitle()": word.istitle(),
            "word.isdigit()": word.isdigit(),
        }
        if i > 0:
            w1 = sent[i - 1]
            f["-1:word.lower()"] = w1.lower()
            f["-1:word.istitle()"] = w1.istitle()
            f["-1:word.isupper()"] = w1.isupper()
            f["-1:word.bi_gram()"] = f"{w1} {word}".lower() in self.bi_grams
            if i > 1:
                f["-2:word.tri_gram()"] = f"{sent[i - 2]} {w1} {word}".lower() in self.tri_grams
        if i < len(sent) - 1:
            w1 = sent[i + 1]
            f["+1:word.lower()"] = w1.lower()
            f["+1:word.istitle()"] = w1.istitle()
            f["+1:word.isupper()"] = w1.isupper()
            f["+1:word.bi_gram()"] = f"{word} {w1}".lower() in self.bi_grams
            if i < len(sent) - 2:
                f["+2:word.tri_gram()"] = f"{word} {w1} {sent[i + 2]}".lower() in self.tri_grams
        return f

    def tokenize(self, text: str) -> str:
        """Syllables joined into words with "_", exactly as `ViTokenizer.tokenize`."""
        syl = [m.group(0) for m in _SYLLABLE.finditer(unicodedata.normalize("NFC", text))]
        if not syl:
            return text
        labels = self.tagger.tag([self._features(syl, i) for i in range(len(syl))])
        out = syl[0]
        for i in range(1, len(labels)):
            cur, prev = syl[i], syl[i - 1]
            if (labels[i] == "I_W" and cur not in string.punctuation and prev not in string.punctuation
                    and not cur[0].isdigit() and not prev[0].isdigit()
                    and not (cur[0].istitle() and not prev[0].istitle())):
                out += "_" + cur
            else:
                out += " " + cur
        return out
