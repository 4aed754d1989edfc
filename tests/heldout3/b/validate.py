#!/usr/bin/env python
"""Validate a held-out set b in this folder, or in the folder given (run with a Python that has python-docx).

Checks:
  * every gold_anchor lies inside one paragraph / line / table cell of its document (whitespace-normalised);
    a .pdf is checked against its source .docx in pdf-source/ (same stem)
  * every must_include alternative of an answerable question occurs in its document
  * abstain questions have empty must_include / gold_anchor
  * every obligation evidence lies inside one paragraph / line / cell of its document;
    every action keyword, recipient and via occurs inside its evidence
  * ids, three phrasings per base question, doc files exist, deadlines are ISO dates
  * kinds come from the documented list; recurrence values come from the documented list
  * all text (qa, obligations, README, documents) is NFC
Extra information (not a failure): anchors that cannot be found in the pdftotext output of the PDF.
"""
import collections
import datetime
import json
import os
import re
import subprocess
import sys
import unicodedata

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

# the folder validated: this one, or the one given (heldout2/b runs these checks on its own set)
HERE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
PREFIX = "q" + re.search(r"heldout(\d+)", HERE).group(1) + os.path.basename(HERE)
DOCS = os.path.join(HERE, "documents")
SRC = os.path.join(HERE, "pdf-source")
errors, notes = [], []


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def docx_units(path):
    """Paragraphs of the body plus every table cell (and each paragraph inside a cell)."""
    d = Document(path)
    units = []

    def walk(parent_el, parent):
        for el in parent_el.iterchildren():
            if el.tag == qn("w:p"):
                units.append(Paragraph(el, parent).text)
            elif el.tag == qn("w:tbl"):
                t = Table(el, parent)
                seen = []  # keep the elements themselves: lxml proxies and id() are not stable
                for row in t.rows:
                    for c in row.cells:
                        if any(c._tc is e for e in seen):
                            continue
                        seen.append(c._tc)
                        units.append(c.text)
                        walk(c._tc, c)
    walk(d.element.body, d)
    return units


def units_of(doc):
    p = os.path.join(DOCS, doc)
    if not os.path.exists(p):
        errors.append(f"missing document {doc}")
        return []
    if doc.endswith(".md"):
        return open(p, encoding="utf-8").read().splitlines()
    if doc.endswith(".docx"):
        return docx_units(p)
    if doc.endswith(".pdf"):
        src = os.path.join(SRC, doc[:-4] + ".docx")
        if not os.path.exists(src):
            errors.append(f"missing pdf source {src}")
            return []
        return docx_units(src)
    errors.append(f"unknown document type {doc}")
    return []


UNITS = {f: [norm(u) for u in units_of(f)] for f in sorted(os.listdir(DOCS))}
FULL = {f: "\n".join(u) for f, u in UNITS.items()}


def in_one_unit(doc, s):
    s = norm(s)
    return any(s in u for u in UNITS[doc])


def nfc_check(label, text):
    if unicodedata.normalize("NFC", text) != text:
        errors.append(f"not NFC: {label}")


# ---------------------------------------------------------------- documents: NFC
for f in UNITS:
    for i, u in enumerate(UNITS[f]):
        nfc_check(f"{f} unit {i}", u)

# ---------------------------------------------------------------- qa.jsonl
qa_raw = open(os.path.join(HERE, "qa.jsonl"), encoding="utf-8").read()
nfc_check("qa.jsonl", qa_raw)
QA = [json.loads(l) for l in qa_raw.splitlines() if l.strip()]
ids = [r["id"] for r in QA]
if len(ids) != len(set(ids)):
    errors.append("duplicate qa ids")
bases = collections.defaultdict(list)
for r in QA:
    m = re.fullmatch(PREFIX + r"(\d{3})([abc])", r["id"])
    if not m:
        errors.append(f"bad id {r['id']}")
        continue
    bases[m.group(1)].append(r)
    for k in ("id", "kind", "question", "must_include", "gold_anchor", "doc"):
        if k not in r:
            errors.append(f"{r['id']}: missing {k}")
    doc = r["doc"]
    if doc not in UNITS:
        errors.append(f"{r['id']}: unknown doc {doc}")
        continue
    if r.get("expect_abstain"):
        if r["must_include"] or r["gold_anchor"] or r["kind"] != "out_of_scope":
            errors.append(f"{r['id']}: abstain question must have kind out_of_scope and empty lists")
        continue
    if not r["must_include"] or not r["gold_anchor"]:
        errors.append(f"{r['id']}: answerable question needs must_include and gold_anchor")
    for a in r["gold_anchor"]:
        if not in_one_unit(doc, a):
            errors.append(f"{r['id']}: gold_anchor not inside one paragraph/line/cell: {a!r}")
    for grp in r["must_include"]:
        if not grp:
            errors.append(f"{r['id']}: empty must_include group")
        for alt in grp:
            if norm(alt) not in FULL[doc]:
                errors.append(f"{r['id']}: must_include alternative not in document: {alt!r}")
KINDS = {"metadata", "signer", "lead", "lookup", "obligation", "reporting", "contact", "people", "summary",
         "table_cell", "table_filter", "table_count", "table_max", "table_min", "table_total", "out_of_scope",
         "standin", "schedule"}
for r in QA:
    if r.get("kind") not in KINDS:
        errors.append(f"{r['id']}: unknown kind {r.get('kind')!r}")
for b, rs in bases.items():
    suf = sorted(r["id"][-1] for r in rs)
    if suf != ["a", "b", "c"]:
        errors.append(f"base {b}: phrasings {suf}")
    keys = {json.dumps([r["kind"], r["must_include"], r["gold_anchor"], r["doc"], r.get("expect_abstain")],
                       ensure_ascii=False) for r in rs}
    if len(keys) != 1:
        errors.append(f"base {b}: the three phrasings disagree on kind/answer/doc")

# ---------------------------------------------------------------- obligations.json
ob_raw = open(os.path.join(HERE, "obligations.json"), encoding="utf-8").read()
nfc_check("obligations.json", ob_raw)
OB = json.loads(ob_raw)
num2doc = {}
for f in UNITS:
    m = re.search(r"Số: (\S+)", FULL[f])
    if m:
        num2doc[m.group(1)] = f
FIELDS = ["unit", "document_number", "action_keywords", "recipient", "via", "deadline", "recurrence",
          "deadline_text", "basis", "evidence"]
for i, o in enumerate(OB):
    lab = f"obligation {i} ({o.get('unit')}, {o.get('document_number')})"
    if list(o.keys()) != FIELDS:
        errors.append(f"{lab}: fields {list(o.keys())}")
    doc = num2doc.get(o["document_number"])
    if not doc:
        errors.append(f"{lab}: document number not found in any document")
        continue
    ev = o["evidence"]
    if not in_one_unit(doc, ev):
        errors.append(f"{lab}: evidence not inside one paragraph/line/cell of {doc}: {ev!r}")
    nev = norm(ev)
    for kw in o["action_keywords"]:
        if norm(kw) not in nev:
            errors.append(f"{lab}: action keyword not in evidence: {kw!r}")
    for fld in ("recipient", "via"):
        if o[fld] is not None and norm(o[fld]) not in nev:
            errors.append(f"{lab}: {fld} not in evidence: {o[fld]!r}")
    if o["deadline"] is not None:
        try:
            datetime.date.fromisoformat(o["deadline"])
        except ValueError:
            errors.append(f"{lab}: bad deadline {o['deadline']!r}")
    if o["deadline_text"] and o["deadline_text"] not in ("báo cáo ngay",) and norm(o["deadline_text"]) not in nev \
            and norm(o["deadline_text"]) not in FULL[doc]:
        errors.append(f"{lab}: deadline_text not in document: {o['deadline_text']!r}")
    if o["recurrence"] not in (None, "hằng tuần", "hằng tháng", "hằng quý", "6 tháng", "hằng năm"):
        errors.append(f"{lab}: bad recurrence {o['recurrence']!r}")
    if o["recurrence"] and o["deadline"] is not None:
        errors.append(f"{lab}: a recurring duty must have deadline null")
    if not (o["basis"] == "direct" or o["basis"].startswith("group: ")):
        errors.append(f"{lab}: bad basis {o['basis']!r}")

# ---------------------------------------------------------------- README
rd = os.path.join(HERE, "README.md")
if os.path.exists(rd):
    nfc_check("README.md", open(rd, encoding="utf-8").read())
else:
    errors.append("README.md missing")

# ---------------------------------------------------------------- informational: anchors in PDF text
for f in UNITS:
    if not f.endswith(".pdf"):
        continue
    try:
        txt = subprocess.run(["pdftotext", os.path.join(DOCS, f), "-"], capture_output=True, text=True).stdout
    except FileNotFoundError:
        break
    nt = norm(txt)
    nfc_check(f"{f} (pdftotext)", txt)
    miss = [a for r in QA if r["doc"] == f for a in r["gold_anchor"] if norm(a) not in nt]
    miss += [o["evidence"] for o in OB if num2doc.get(o["document_number"]) == f and norm(o["evidence"]) not in nt]
    notes.append(f"{f}: {len(set(miss))} anchor/evidence strings not found verbatim in pdftotext output"
                 + (": " + "; ".join(sorted(set(miss))[:5]) if miss else ""))

# ---------------------------------------------------------------- report
per_doc = collections.Counter()
abst = collections.Counter()
for b, rs in bases.items():
    per_doc[rs[0]["doc"]] += 1
    if rs[0].get("expect_abstain"):
        abst[rs[0]["doc"]] += 1
duties = collections.Counter(num2doc.get(o["document_number"]) for o in OB)
print(f"documents: {len(UNITS)}; qa lines: {len(QA)}; base questions: {len(bases)}; duties: {len(OB)}")
for f in UNITS:
    print(f"  {f}: {per_doc[f]} base questions ({abst[f]} abstain), {duties[f]} duties")
for n in notes:
    print("note:", n)
if errors:
    print(f"FAIL: {len(errors)} problem(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("OK: all checks passed")
