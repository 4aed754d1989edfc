"""The fast segmenter must segment exactly as pyvi does: BM25 tokens depend on it."""

from __future__ import annotations

from conftest import DIRECTIVE, LAWS
from pyvi import ViTokenizer

from retrieval.lang.segmenter import Segmenter


def test_same_words_as_pyvi_on_the_directive_and_a_law():
    seg = Segmenter()
    lines = [ln for ln in DIRECTIVE.read_text(encoding="utf-8").splitlines() if ln.strip()]
    law = LAWS / "luat-thanh-nien.md"
    if law.exists():
        lines += [ln for ln in law.read_text(encoding="utf-8").splitlines() if ln.strip()][:200]
    lines += ["so tu phap bao cao cho ai", "Sở Tư pháp phải báo cáo cho ai, chậm nhất khi nào?", "KH 187 ...", "=> a@b.vn"]
    assert len(lines) > 50
    for line in lines:
        assert seg.tokenize(line) == ViTokenizer.tokenize(line), line
    assert "Sở Tư_pháp" in seg.tokenize("Sở Tư pháp báo cáo")


def test_empty_and_symbol_only_text():
    seg = Segmenter()
    assert seg.tokenize("") == ""
    assert seg.tokenize("   ") == "   "
    assert seg.tokenize("?!") == "? !"
