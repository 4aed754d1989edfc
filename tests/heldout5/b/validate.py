#!/usr/bin/env python3
"""Validate held-out set heldout5/b: the checks of heldout2/a/validate.py run on this folder (num2doc.json, prefix q5b),
then the checks heldout2/a lacks (as heldout4/a): kinds from the documented list, recurrence values, recurring duties
with deadline null, the three phrasings' texts differ; then, for the PDFs (as heldout4/b plus one more check):
- the text PDF (Quyết định 1588): every gold_anchor, must_include alternative and evidence is found verbatim in plain
  `pdftotext` output (whitespace-normalised), not only in its source .docx;
- the scanned Bản ghi nhớ: no text layer, no fonts; for information, how many of its anchors/alternatives
  `tesseract -l vie` finds on the 200 dpi pages (if tesseract is installed)."""
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
rc = subprocess.call([sys.executable, os.path.join(HERE, "..", "..", "heldout2/a", "validate.py"), HERE])

KINDS = {"metadata", "signer", "lead", "lookup", "obligation", "reporting", "contact", "people", "summary",
         "table_cell", "table_filter", "table_count", "table_max", "table_min", "table_total", "table_compare",
         "out_of_scope"}
RECUR = {None, "hằng tuần", "hằng tháng", "hằng quý", "6 tháng", "hằng năm"}
TEXT_PDF = "quyet-dinh-danh-muc-dich-vu-cong-truc-tuyen-toan-trinh-2026.pdf"
SCAN = "ban-ghi-nho-hop-tac-chuyen-doi-so-mot-cua-so-khcn-vien-thong-hung-yen.pdf"
ws = lambda s: re.sub(r"\s+", " ", s).strip()
errors, notes = [], []
qa = [json.loads(l) for l in open(os.path.join(HERE, "qa.jsonl"), encoding="utf-8") if l.strip()]
obl = json.load(open(os.path.join(HERE, "obligations.json"), encoding="utf-8"))
num2doc = json.load(open(os.path.join(HERE, "num2doc.json"), encoding="utf-8"))

bases = collections.defaultdict(list)
for r in qa:
    if r["kind"] not in KINDS:
        errors.append("%s: unknown kind %r" % (r["id"], r["kind"]))
    bases[r["id"][:-1]].append(r)
for b, rs in bases.items():
    if len({r["question"] for r in rs}) != len(rs):
        errors.append("%s: two phrasings are identical" % b)
for i, o in enumerate(obl):
    tag = "obligation %d (%s, %s)" % (i, o["unit"], o["document_number"])
    if o["recurrence"] not in RECUR:
        errors.append(tag + ": bad recurrence %r" % o["recurrence"])
    if o["recurrence"] and o["deadline"] is not None:
        errors.append(tag + ": a recurring duty must have deadline null")

# the text PDF: plain pdftotext output holds every anchor, alternative and evidence
pdf = os.path.join(HERE, "documents", TEXT_PDF)
txt = ws(unicodedata.normalize("NFC", subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout))
n = 0
for r in qa:
    if r["doc"] != TEXT_PDF:
        continue
    for s in r["gold_anchor"] + [a for g in r["must_include"] for a in g]:
        n += 1
        if ws(s) not in txt:
            errors.append("%s: not in pdftotext output of %s: %r" % (r["id"], TEXT_PDF, s))
for o in obl:
    if num2doc[o["document_number"]] == TEXT_PDF:
        n += 1
        if ws(o["evidence"]) not in txt:
            errors.append("evidence not in pdftotext output of %s: %r" % (TEXT_PDF, o["evidence"]))
notes.append("%s: %d anchors/alternatives/evidence strings checked in plain pdftotext output" % (TEXT_PDF, n))

# the scan: image only
scan = os.path.join(HERE, "documents", SCAN)
text = subprocess.run(["pdftotext", scan, "-"], capture_output=True, text=True).stdout
fonts = subprocess.run(["pdffonts", scan], capture_output=True, text=True).stdout.splitlines()[2:]
if text.strip() or fonts:
    errors.append("the scanned PDF has a text layer or fonts: %r %r" % (text[:80], fonts[:2]))
else:
    notes.append("%s: no text layer, no fonts (image only)" % SCAN)
if shutil.which("tesseract") and shutil.which("pdftoppm"):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "200", "-gray", scan, os.path.join(tmp, "p")], check=True)
        ocr = ""
        for f in sorted(os.listdir(tmp)):
            ocr += subprocess.run(["tesseract", os.path.join(tmp, f), "-", "-l", "vie"], capture_output=True,
                                  text=True).stdout + "\n"
    ocr = ws(unicodedata.normalize("NFC", ocr))
    found = total = 0
    missed = []
    for r in qa:
        if r["doc"] != SCAN or not r["id"].endswith("a"):
            continue
        for s in r["gold_anchor"] + [a for g in r["must_include"] for a in g]:
            total += 1
            if ws(s) in ocr:
                found += 1
            else:
                missed.append(s)
    notes.append("scan, for information: tesseract -l vie finds %d/%d anchors and alternatives verbatim%s"
                 % (found, total, (" (missed: %s)" % "; ".join(repr(m[:50]) for m in missed)) if missed else ""))

for x in notes:
    print("note:", x)
print("extra checks:", "OK" if not errors else "FAILED")
for e in errors:
    print(" -", e)
sys.exit(1 if (rc or errors) else 0)
