#!/usr/bin/env python3
"""Validate held-out set heldout5/a: the checks of heldout2/a/validate.py run on this folder (num2doc.json, prefix q5a),
then the checks heldout2/a lacks (as in heldout4/a): kinds from the documented list (with table_compare), recurrence
values, recurring duties with deadline null, the three phrasings' texts differ; and, new here, every gold anchor and
evidence string of a PDF is found verbatim (whitespace-normalised) in plain `pdftotext` output of the PDF itself, not
only in its source .docx, and the PDF has embedded fonts and text."""
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
rc = subprocess.call([sys.executable, os.path.join(HERE, "..", "..", "heldout2/a", "validate.py"), HERE])

KINDS = {"metadata", "signer", "lead", "lookup", "obligation", "reporting", "contact", "people", "summary",
         "table_cell", "table_filter", "table_count", "table_max", "table_min", "table_total", "table_compare",
         "out_of_scope"}
RECUR = {None, "hằng tuần", "hằng tháng", "hằng quý", "6 tháng", "hằng năm"}
ws = lambda s: re.sub(r"\s+", " ", s).strip()
errors = []
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

# PDFs: anchors and evidence must be in plain pdftotext output of the PDF itself
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
        for a in r["gold_anchor"]:
            checked += 1
            if ws(a) not in pdf_text[r["doc"]]:
                errors.append("%s: gold_anchor not in pdftotext output: %r" % (r["id"], a))
        for g in r["must_include"]:
            if not any(ws(x) in pdf_text[r["doc"]] for x in g):
                errors.append("%s: no must_include alternative in pdftotext output: %r" % (r["id"], g))
for i, o in enumerate(obl):
    name = num2doc[o["document_number"]]
    if name in pdf_text:
        checked += 1
        if ws(o["evidence"]) not in pdf_text[name]:
            errors.append("obligation %d: evidence not in pdftotext output: %r" % (i, o["evidence"]))
print("extra checks (%d PDF anchor/evidence strings checked in plain pdftotext output):" % checked,
      "OK" if not errors else "FAILED")
for e in errors:
    print(" -", e)
sys.exit(1 if (rc or errors) else 0)
