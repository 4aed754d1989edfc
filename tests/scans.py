"""Scanned copies made in the tests themselves: a PDF's pages printed to 300-dpi grey images
(poppler's pdftoppm, the program OCR renders with) and put back into an image-only PDF
(Pillow, which fpdf2 brings into the test environment) — no text layer, as a scanner makes.

The programs OCR and .doc conversion need are checked here: a test that needs one is skipped
with the reason when it is missing, and fails under CI=true (`.ci/run` installs them with
`make system-tools`), so a CI run cannot pass green by skipping them."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from retrieval.documents.readers import doc, ocr


def _need(ok: bool, what: str) -> None:
    if ok:
        return
    message = f"{what} is not installed (make system-tools, or: {ocr.INSTALL} libreoffice-writer-nogui)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{message}; CI needs it", pytrace=False)
    pytest.skip(message)


def need_ocr() -> None:
    """Tesseract with its Vietnamese data, and pdftoppm."""
    _need(ocr.ready(), "Tesseract with Vietnamese data (tesseract-ocr, tesseract-ocr-vie) or pdftoppm (poppler-utils)")


def need_libreoffice() -> None:
    _need(doc.ready(), "LibreOffice (libreoffice-writer-nogui)")


def page_images(pdf: Path, pages: list[int] | None = None, dpi: int = 300) -> list:  # type: ignore[type-arg]
    """The PDF's pages (1-based; all when None) as grey Pillow images."""
    image = pytest.importorskip("PIL.Image")
    _need(shutil.which("pdftoppm") is not None, "pdftoppm (poppler-utils)")
    out = []
    with tempfile.TemporaryDirectory(prefix="scan-") as tmp:
        for n in pages or range(1, _count(pdf) + 1):
            target = Path(tmp) / f"p{n}"
            subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", str(n), "-l", str(n),
                            str(pdf), str(target)], check=True, capture_output=True, timeout=120)
            with image.open(target.with_suffix(".png")) as im:
                out.append(im.convert("L"))
    return out


def _count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def image_pdf(images: list, out: Path, dpi: int = 300) -> Path:  # type: ignore[type-arg]
    """Images into a PDF of image pages only."""
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out


def scanned_copy(pdf: Path, out: Path, pages: list[int] | None = None, turn: dict[int, int] | None = None) -> Path:
    """An image-only copy of the PDF; `turn` maps a page (1-based, of those copied) to the
    degrees it is turned clockwise, as a sheet fed into the scanner sideways."""
    images = page_images(pdf, pages)
    for n, degrees in (turn or {}).items():
        images[n - 1] = images[n - 1].rotate(-degrees, expand=True)
    return image_pdf(images, out)
