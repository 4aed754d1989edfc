"""Golden files: what `inspect --json` reads of every document the project knows — the seed, the
fourteen public documents of ../shared (directives and directives2), the test documents of other
forms (tests/fixtures, tests/heldout, tests/provinces) — checked in under tests/golden and
compared here, so that every change to reading (header, tree, tables, duties) shows as a
reviewable diff, as docling's tests do.

Regenerate after a deliberate change, then read the diff before committing:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py   (or: make golden)
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest
from conftest import ROOT, SHARED, need_shared

from retrieval.commands.facts import inspect_json
from retrieval.facts.units import load_units

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN", "").lower() in ("1", "true", "yes")
SUFFIXES = (".md", ".docx", ".pdf")


def _documents() -> list[tuple[str, Path]]:
    """(golden name, file) for every document, grouped by where it comes from."""
    places = [("corpus", ROOT / "corpus"), ("directives", SHARED / "corpus" / "directives"),
              ("directives2", SHARED / "corpus" / "directives2"), ("fixtures", ROOT / "tests" / "fixtures"),
              ("heldout", ROOT / "tests" / "heldout" / "documents")]
    out = []
    for label, folder in places:
        if not folder.is_dir():
            continue
        for p in sorted(folder.iterdir()):
            if p.suffix.lower() in SUFFIXES and p.stem.lower() not in ("readme", "glossary", "units"):
                out.append((f"{label}/{p.name}", p))
    return out


def _render(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


DOCS = _documents()


@pytest.mark.parametrize("name, path", DOCS, ids=[n for n, _p in DOCS])
def test_reading_matches_its_golden_file(name: str, path: Path):
    if name.startswith("directives"):
        need_shared(path)
    got = _render(inspect_json(path, load_units()))
    golden = GOLDEN / f"{name}.json"
    if UPDATE or not golden.exists():
        if not UPDATE:
            pytest.fail(f"no golden file for {name}: run UPDATE_GOLDEN=1 pytest tests/test_golden.py and review it")
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
        return
    want = golden.read_text(encoding="utf-8")
    if got != want:
        diff = "".join(list(difflib.unified_diff(want.splitlines(True), got.splitlines(True), f"golden/{name}",
                                                 "now", n=2))[:120])
        pytest.fail(f"{name} is read differently from its golden file (UPDATE_GOLDEN=1 to accept):\n{diff}",
                    pytrace=False)


def test_every_golden_file_has_its_document():
    """A golden file whose document went away is stale: nothing checks it any more."""
    names = {n for n, _p in DOCS}
    stale = sorted(str(p.relative_to(GOLDEN))[:-len(".json")] for p in GOLDEN.rglob("*.json")
                   if str(p.relative_to(GOLDEN))[:-len(".json")] not in names)
    if not (SHARED / "corpus").is_dir():
        stale = [s for s in stale if not s.startswith("directives")]
    assert stale == []
