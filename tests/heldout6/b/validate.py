#!/usr/bin/env python3
"""Validate held-out set heldout6/b: the checks of heldout2/a/validate.py run on this folder (num2doc.json, prefix q6b),
then the checks heldout2/a lacks (as in heldout4/a and heldout5): kinds from the documented list (with table_compare),
recurrence values, recurring duties with deadline null, the three phrasings' texts differ, 180 lines and 15 base
questions (2 of them abstain) per document; every gold anchor, must_include alternative and evidence string of a PDF is
found verbatim (whitespace-normalised) in plain `pdftotext` output of the PDF itself, and the PDF has embedded fonts and
text. New here: the Phụ lục table of the Kế hoạch PDF starts on one page and continues on the next (its header row,
repeated, is on two pages at least), and every document prints on 2-4 pages (the .docx files converted by LibreOffice
in a temporary folder, if `soffice` is installed; the .md file estimated at 500 words a page)."""
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
KH_PDF = "ke-hoach-nang-ty-le-ho-so-truc-tuyen-phuong-vu-phuc-6-thang-cuoi-2026.pdf"
ws = lambda s: re.sub(r"\s+", " ", s).strip()
errors, notes = [], []
qa = [json.loads(l) for l in open(os.path.join(HERE, "qa.jsonl"), encoding="utf-8") if l.strip()]
obl = json.load(open(os.path.join(HERE, "obligations.json"), encoding="utf-8"))
num2doc = json.load(open(os.path.join(HERE, "num2doc.json"), encoding="utf-8"))

if len(qa) != 180:
    errors.append("qa.jsonl has %d lines, not 180" % len(qa))
bases = collections.defaultdict(list)
for r in qa:
    if r["kind"] not in KINDS:
        errors.append("%s: unknown kind %r" % (r["id"], r["kind"]))
    bases[r["id"][:-1]].append(r)
for b, rs in bases.items():
    if len({r["question"] for r in rs}) != len(rs):
        errors.append("%s: two phrasings are identical" % b)
per_doc = collections.Counter(rs[0]["doc"] for rs in bases.values())
abst = collections.Counter(rs[0]["doc"] for rs in bases.values() if rs[0].get("expect_abstain"))
for name in num2doc.values():
    if per_doc[name] != 15 or abst[name] != 2:
        errors.append("%s: %d base questions, %d abstain (want 15 and 2)" % (name, per_doc[name], abst[name]))
for i, o in enumerate(obl):
    tag = "obligation %d (%s, %s)" % (i, o["unit"], o["document_number"])
    if o["recurrence"] not in RECUR:
        errors.append(tag + ": bad recurrence %r" % o["recurrence"])
    if o["recurrence"] and o["deadline"] is not None:
        errors.append(tag + ": a recurring duty must have deadline null")

# PDFs: anchors, alternatives and evidence must be in plain pdftotext output of the PDF itself
pdf_text = {}
for name in sorted(os.listdir(os.path.join(HERE, "documents"))):
    if not name.endswith(".pdf"):
        continue
    path = os.path.join(HERE, "documents", name)
    txt = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    pdf_text[name] = ws(unicodedata.normalize("NFC", txt))
    fonts = subprocess.run(["pdffonts", path], capture_output=True, text=True).stdout.splitlines()[2:]
    if not fonts or not pdf_text[name]:
        errors.append("%s: no fonts or no text layer" % name)
checked = 0
for r in qa:
    if r["doc"] in pdf_text:
        for s in r["gold_anchor"] + [a for g in r["must_include"] for a in g]:
            checked += 1
            if ws(s) not in pdf_text[r["doc"]]:
                errors.append("%s: not in pdftotext output: %r" % (r["id"], s))
for i, o in enumerate(obl):
    name = num2doc[o["document_number"]]
    if name in pdf_text:
        for s in [o["evidence"]] + ([o["deadline_text"]] if o["deadline_text"] else []):
            checked += 1
            if ws(s) not in pdf_text[name]:
                errors.append("obligation %d: not in pdftotext output: %r" % (i, s))
notes.append("%d PDF anchors, alternatives, evidence and deadline texts checked in plain pdftotext output" % checked)

# the Phụ lục table of the Kế hoạch spans a page break
path = os.path.join(HERE, "documents", KH_PDF)
npages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", path], capture_output=True,
                                                         text=True).stdout).group(1))
with_header = []
for p in range(1, npages + 1):
    t = ws(subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), path, "-"], capture_output=True,
                          text=True).stdout)
    if "Cơ quan chủ trì" in t and "Cơ quan phối hợp" in t and "Sản phẩm" in t:
        with_header.append(p)
if len(with_header) < 2:
    errors.append("%s: the Phụ lục table does not span a page break (header on pages %s)" % (KH_PDF, with_header))
else:
    notes.append("%s: Phụ lục table header on pages %s of %d" % (KH_PDF, with_header, npages))

# lengths: 2-4 printed pages
pages = {}
for name in sorted(os.listdir(os.path.join(HERE, "documents"))):
    path = os.path.join(HERE, "documents", name)
    if name.endswith(".pdf"):
        pages[name] = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", path], capture_output=True,
                                                                       text=True).stdout).group(1))
    elif name.endswith(".docx") and shutil.which("soffice"):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, path],
                           capture_output=True)
            out = os.path.join(tmp, name[:-5] + ".pdf")
            if os.path.exists(out):
                pages[name] = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
                    ["pdfinfo", out], capture_output=True, text=True).stdout).group(1))
    elif name.endswith(".md"):
        words = len(re.sub(r"[|*#-]", " ", open(path, encoding="utf-8").read()).split())
        pages[name] = -(-words // 500)
for name, n in pages.items():
    notes.append("%s: %d pages" % (name, n))
    if not 2 <= n <= 4:
        errors.append("%s: %d pages, not 2-4" % (name, n))

for x in notes:
    print("note:", x)
print("extra checks:", "OK" if not errors else "FAILED")
for e in errors:
    print(" -", e)
sys.exit(1 if (rc or errors) else 0)
