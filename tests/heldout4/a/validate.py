#!/usr/bin/env python3
"""Validate held-out set heldout4/a: the checks of heldout2/a/validate.py run on this folder (num2doc.json, prefix q4a),
then the checks heldout2/a lacks: kinds from the documented list (plus the new table_compare), recurrence values,
recurring duties with deadline null, the three phrasings' texts differ."""
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
rc = subprocess.call([sys.executable, os.path.join(HERE, "..", "..", "heldout2/a", "validate.py"), HERE])

KINDS = {"metadata", "signer", "lead", "lookup", "obligation", "reporting", "contact", "people", "summary",
         "table_cell", "table_filter", "table_count", "table_max", "table_min", "table_total", "table_compare",
         "out_of_scope"}
RECUR = {None, "hằng tuần", "hằng tháng", "hằng quý", "6 tháng", "hằng năm"}
errors = []
qa = [json.loads(l) for l in open(os.path.join(HERE, "qa.jsonl"), encoding="utf-8") if l.strip()]
bases = collections.defaultdict(list)
for r in qa:
    if r["kind"] not in KINDS:
        errors.append("%s: unknown kind %r" % (r["id"], r["kind"]))
    bases[r["id"][:-1]].append(r)
for b, rs in bases.items():
    if len({r["question"] for r in rs}) != len(rs):
        errors.append("%s: two phrasings are identical" % b)
for i, o in enumerate(json.load(open(os.path.join(HERE, "obligations.json"), encoding="utf-8"))):
    tag = "obligation %d (%s, %s)" % (i, o["unit"], o["document_number"])
    if o["recurrence"] not in RECUR:
        errors.append(tag + ": bad recurrence %r" % o["recurrence"])
    if o["recurrence"] and o["deadline"] is not None:
        errors.append(tag + ": a recurring duty must have deadline null")
print("extra checks:", "OK" if not errors else "FAILED")
for e in errors:
    print(" -", e)
sys.exit(1 if (rc or errors) else 0)
