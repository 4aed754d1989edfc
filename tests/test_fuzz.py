"""`make fuzz` in small: mutated .docx, .pdf and .md files reach the readers, and only their own
ParseError comes out. The full run (`make fuzz`, FUZZ_SECONDS) is bounded by time; this one by count."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from retrieval.dev.fuzz import DOCX_PARTS, collect_seeds, docx_package, run
from retrieval.documents.readers import ParseError, read_file


def test_a_bounded_run_tries_every_format_and_finds_no_crash(tmp_path: Path) -> None:
    seeds = collect_seeds(None)  # this repository's files only: the run is the same on every machine
    report = run(seconds=120, seed=20261126, timeout=30, workers=2, max_inputs=240, seeds=seeds,
                 crash_dir=tmp_path / "crashes", mem_mb=2048)
    assert report.total >= 240
    assert all(report.tried[s] > 0 for s in (".docx", ".pdf", ".md")), report.summary()
    assert report.outcomes["refused"] > 0 and report.outcomes["read"] > 0, report.summary()
    assert not report.failures, report.details()


@pytest.mark.parametrize("damage", ["encrypted flag", "lzma member", "huge attribute"])
def test_damaged_docx_packages_are_refused_by_name(tmp_path: Path, damage: str) -> None:
    good = tmp_path / "good.docx"
    good.write_bytes(docx_package(DOCX_PARTS))
    assert read_file(good).blocks  # the built-in package itself reads
    bad = tmp_path / "bad.docx"
    if damage == "encrypted flag":
        data = bytearray(good.read_bytes())
        at = data.find(b"PK\x03\x04")
        data[at + 6] |= 0x1  # the local header's general-purpose flag
        cd = data.find(b"PK\x01\x02")
        data[cd + 8] |= 0x1
        bad.write_bytes(bytes(data))
    elif damage == "lzma member":
        bad.write_bytes(docx_package(DOCX_PARTS, method=zipfile.ZIP_LZMA))
    else:
        parts = dict(DOCX_PARTS)
        parts["word/document.xml"] = str(parts["word/document.xml"]).replace(
            "<w:body>", '<w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="99999999999999999999"/><w:numId w:val="1"/>'
            '</w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>', 1)
        bad.write_bytes(docx_package(parts))
        assert read_file(bad).blocks  # an absurd list level is bounded, not an error
        return
    with pytest.raises(ParseError, match="bad.docx"):
        read_file(bad)
