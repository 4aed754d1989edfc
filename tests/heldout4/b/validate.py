#!/usr/bin/env python3
"""Validate held-out set heldout4/b: the checks of heldout2/a/validate.py, run on this folder (map: num2doc.json),
plus one check of its own: the scanned Giấy mời is an image-only PDF (pdftotext gives no text)."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
rc = subprocess.call([sys.executable, os.path.join(HERE, "..", "..", "heldout2/a", "validate.py"), HERE])
scan = os.path.join(HERE, "documents", "giay-moi-hoi-nghi-tong-ket-cchc-2026.pdf")
text = subprocess.run(["pdftotext", scan, "-"], capture_output=True, text=True).stdout
fonts = subprocess.run(["pdffonts", scan], capture_output=True, text=True).stdout.splitlines()[2:]
if text.strip() or fonts:
    print("FAILED: the scanned PDF has a text layer or fonts:", repr(text[:80]), fonts[:2])
    rc = rc or 1
else:
    print("scanned PDF: no text layer, no fonts (image only)")
sys.exit(rc)
