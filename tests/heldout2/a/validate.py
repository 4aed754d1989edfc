#!/usr/bin/env python3
"""Validate the held-out corpus in this folder, or in the folder given (run with a python that has python-docx)."""
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata

# the folder validated: this one, or the one given (heldout3/a runs these checks on its own set)
BASE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(BASE, 'documents')
PDF_SRC = os.path.join(BASE, 'pdf-source')
NUM2DOC = json.load(open(os.path.join(BASE, 'num2doc.json'), encoding='utf-8'))
# question ids of set N, half a: qNaNNN[abc]
PREFIX = 'q' + re.search(r'heldout(\d+)', BASE).group(1) + os.path.basename(BASE)
errors, notes = [], []
ws = lambda s: re.sub(r'\s+', ' ', s).strip()
isnfc = lambda s: unicodedata.is_normalized('NFC', s)

def docx_units(path):
    import docx
    d = docx.Document(path)
    units = [p.text for p in d.paragraphs]
    def walk(tables):
        for t in tables:
            for row in t.rows:
                for c in row.cells:
                    units.append(c.text)                 # whole cell
                    units.extend(p.text for p in c.paragraphs)
                    walk(c.tables)
    walk(d.tables)
    return units

def units_of(name):
    """Returns (units for anchors/evidence, full text for must_include, source label)."""
    path = os.path.join(DOCS, name)
    if name.endswith('.md'):
        raw = open(path, encoding='utf-8').read()
        units = raw.split('\n')
        # markdown table rows are split into cells too
        for line in list(units):
            if line.startswith('|'):
                units.extend(c for c in line.strip('|').split('|'))
        return units, raw, 'md lines'
    if name.endswith('.docx'):
        u = docx_units(path)
        return u, '\n'.join(u), 'docx paragraphs/cells'
    if name.endswith('.pdf'):
        src = os.path.join(PDF_SRC, name[:-4] + '.docx')
        u = docx_units(src)
        return u, '\n'.join(u), 'pdf-source docx paragraphs/cells'
    raise ValueError(name)

cache = {}
def get(name):
    if name not in cache:
        units, full, label = units_of(name)
        cache[name] = ([ws(x) for x in units], ws(full), label, units)
    return cache[name]

def in_one_unit(s, name):
    units = get(name)[0]
    return any(ws(s) in u for u in units)

# ---------- documents ----------
docs = sorted(os.listdir(DOCS))
print('documents:', docs)
for name in docs:
    units, full, label, rawunits = get(name)
    bad = [x for x in rawunits if not isnfc(x)]
    if bad: errors.append('%s: %d non-NFC units' % (name, len(bad)))
    if name.endswith('.md') and not isnfc(open(os.path.join(DOCS, name), encoding='utf-8').read()):
        errors.append('%s: file not NFC' % name)
    if name.endswith('.pdf'):
        txt = subprocess.run(['pdftotext', '-layout', os.path.join(DOCS, name), '-'], capture_output=True, text=True).stdout
        if not isnfc(txt): notes.append('%s: pdftotext output not NFC (extractor artefact)' % name)
        pages = subprocess.run(['pdfinfo', os.path.join(DOCS, name)], capture_output=True, text=True).stdout
        notes.append('%s: %s' % (name, [l for l in pages.splitlines() if l.startswith('Pages')][0]))
        cache[name + '#pdftext'] = ws(unicodedata.normalize('NFC', txt))
for name in NUM2DOC.values():
    if name not in docs: errors.append('missing document ' + name)

# ---------- qa.jsonl ----------
qa = []
raw = open(os.path.join(BASE, 'qa.jsonl'), encoding='utf-8').read()
if not isnfc(raw): errors.append('qa.jsonl not NFC')
for i, line in enumerate(raw.splitlines(), 1):
    if not line.strip(): continue
    try: qa.append(json.loads(line))
    except Exception as e: errors.append('qa.jsonl line %d: %s' % (i, e))
ids = [q['id'] for q in qa]
if len(ids) != len(set(ids)): errors.append('duplicate ids')
bases = collections.OrderedDict()
for q in qa:
    m = re.fullmatch(PREFIX + r'(\d{3})([abc])', q['id'])
    if not m: errors.append('bad id ' + q['id']); continue
    bases.setdefault(m.group(1), []).append(q)
for b, qs in bases.items():
    if sorted(x['id'][-1] for x in qs) != ['a', 'b', 'c']: errors.append('base %s lacks a/b/c' % b)
    if len({json.dumps([x['kind'], x['must_include'], x['gold_anchor'], x['doc'], x.get('expect_abstain', False)], ensure_ascii=False) for x in qs}) != 1:
        errors.append('base %s: phrasings differ in kind/must_include/gold_anchor/doc' % b)
pdf_anchor_breaks = 0
for q in qa:
    name = q['doc']
    if name not in docs: errors.append('%s: unknown doc %s' % (q['id'], name)); continue
    if q.get('expect_abstain'):
        if q['must_include'] or q['gold_anchor'] or q['kind'] != 'out_of_scope':
            errors.append('%s: abstain question must have empty must_include/gold_anchor and kind out_of_scope' % q['id'])
        continue
    if not q['must_include'] or not q['gold_anchor']:
        errors.append('%s: answerable question lacks must_include or gold_anchor' % q['id'])
    for a in q['gold_anchor']:
        if not in_one_unit(a, name):
            errors.append('%s: gold_anchor not inside one paragraph/line/cell: %r' % (q['id'], a))
        if name.endswith('.pdf') and ws(a) not in cache[name + '#pdftext']:
            pdf_anchor_breaks += 1
    full = get(name)[1]
    for g in q['must_include']:
        if not g: errors.append('%s: empty must_include group' % q['id'])
        for alt in g:
            if ws(alt) not in full:
                errors.append('%s: must_include alternative not in document: %r' % (q['id'], alt))
if pdf_anchor_breaks:
    notes.append('pdf: %d anchor occurrences (of a/b/c lines) are broken by pdftotext -layout line/column wrapping; checked against pdf-source docx instead' % pdf_anchor_breaks)

# ---------- obligations.json ----------
raw = open(os.path.join(BASE, 'obligations.json'), encoding='utf-8').read()
if not isnfc(raw): errors.append('obligations.json not NFC')
obl = json.loads(raw)
FIELDS = ['unit', 'document_number', 'action_keywords', 'recipient', 'via', 'deadline', 'recurrence', 'deadline_text', 'basis', 'evidence']
for i, o in enumerate(obl):
    tag = 'obligation %d (%s, %s)' % (i, o.get('unit'), o.get('document_number'))
    if list(o.keys()) != FIELDS: errors.append(tag + ': fields ' + str(list(o.keys())))
    name = NUM2DOC.get(o['document_number'])
    if not name: errors.append(tag + ': unknown document_number'); continue
    ev = o['evidence']
    if not in_one_unit(ev, name): errors.append(tag + ': evidence not in one paragraph/line/cell: %r' % ev)
    if not o['action_keywords']: errors.append(tag + ': no action keywords')
    for k in o['action_keywords']:
        if k not in ev: errors.append(tag + ': action keyword not in evidence: %r' % k)
    for f in ('recipient', 'via'):
        if o[f] is not None and o[f] not in ev: errors.append(tag + ': %s not in evidence: %r' % (f, o[f]))
    if o['deadline'] is not None and not re.fullmatch(r'\d{4}-\d{2}-\d{2}', o['deadline']):
        errors.append(tag + ': bad deadline ' + o['deadline'])
    if o['deadline_text'] and 'dòng của đơn vị' not in o['deadline_text'] and o['deadline_text'] not in get(name)[1]:
        errors.append(tag + ': deadline_text not in document: %r' % o['deadline_text'])
    if not (o['basis'] == 'direct' or o['basis'].startswith('group: ')): errors.append(tag + ': bad basis')

# ---------- README ----------
rd = os.path.join(BASE, 'README.md')
if os.path.exists(rd) and not isnfc(open(rd, encoding='utf-8').read()): errors.append('README.md not NFC')

# ---------- summary ----------
per = collections.OrderedDict((n, [0, 0, 0]) for n in NUM2DOC.values())
for b, qs in bases.items():
    per[qs[0]['doc']][0] += 1
    per[qs[0]['doc']][1] += bool(qs[0].get('expect_abstain'))
for o in obl:
    per[NUM2DOC[o['document_number']]][2] += 1
print('%-66s %5s %7s %6s' % ('document', 'base', 'abstain', 'duties'))
for n, (b, a, d) in per.items():
    print('%-66s %5d %7d %6d' % (n, b, a, d))
print('total: %d base questions, %d lines, %d duties' % (len(bases), len(qa), len(obl)))
print('kinds:', dict(collections.Counter(qs[0]['kind'] for qs in bases.values())))
for n in notes: print('note:', n)
if errors:
    print('\nFAILED with %d errors:' % len(errors))
    for e in errors: print(' -', e)
    sys.exit(1)
print('\nOK: all checks passed')
