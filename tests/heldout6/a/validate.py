#!/usr/bin/env python3
"""Validate held-out set heldout6/a (run with a python that has python-docx; needs soffice and poppler-utils).

heldout2/a/validate.py, which heldout4 and heldout5 ran first, cannot read an old Word .doc file, so its checks are
repeated here (same rules, same messages) with the .doc read in two ways, and the checks heldout4/5 added follow:

- documents: .md lines (and table cells); .docx paragraphs and cells; the .doc converted by `soffice --convert-to docx`
  into a temporary folder and read as paragraphs and cells, and also converted by `soffice --convert-to txt`; a PDF
  through its source .docx in pdf-source/; every file NFC
- qa.jsonl: 180 lines, ids q6aNNN[abc] unique, 60 bases with a/b/c, the three phrasings share kind, must_include,
  gold_anchor, doc and expect_abstain and differ in text; kinds from the documented list; abstain questions have empty
  lists and kind out_of_scope; every gold anchor lies inside one unit (paragraph, line or cell); every must_include
  alternative occurs in the document
- obligations.json: fields in order; evidence inside one unit; keywords, recipient and via inside the evidence;
  deadline ISO or null; recurrence from the list, and a recurring duty has deadline null; deadline_text in the document;
  basis "direct" or "group: …"
- the .doc: every anchor, alternative and evidence of it is also found in the `soffice` plain-text conversion
- the text PDF: every anchor, alternative and evidence is found in plain `pdftotext` output of the PDF itself, and the
  PDF has embedded fonts
- the scan: no text layer and no fonts in documents/…pdf; every anchor, alternative and evidence is found in plain
  `pdftotext` output of its source PDF pdf-source/…pdf (the LibreOffice PDF the scan was rasterised from); for
  information, how many of the scan's anchors and alternatives `tesseract -l vie` reads verbatim."""
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
DOCS = os.path.join(HERE, 'documents')
PDF_SRC = os.path.join(HERE, 'pdf-source')
PREFIX = 'q6a'
KINDS = {'metadata', 'signer', 'lead', 'lookup', 'obligation', 'reporting', 'contact', 'people', 'summary',
         'table_cell', 'table_filter', 'table_count', 'table_max', 'table_min', 'table_total', 'table_compare',
         'out_of_scope'}
RECUR = {None, 'hằng tuần', 'hằng tháng', 'hằng quý', '6 tháng', 'hằng năm'}
FIELDS = ['unit', 'document_number', 'action_keywords', 'recipient', 'via', 'deadline', 'recurrence', 'deadline_text',
          'basis', 'evidence']
SCAN = 'thong-bao-phan-cong-nhiem-vu-giao-ban-cchc-quy-i-2027.pdf'
ws = lambda s: re.sub(r'\s+', ' ', s).strip()
nfc = lambda s: unicodedata.normalize('NFC', s)
isnfc = lambda s: unicodedata.is_normalized('NFC', s)
errors, notes = [], []
TMP = tempfile.mkdtemp(prefix='h6a_validate_')


def docx_units(path):
    import docx
    d = docx.Document(path)
    units = [p.text for p in d.paragraphs]

    def walk(tables):
        for t in tables:
            for row in t.rows:
                for c in row.cells:
                    units.append(c.text)
                    units.extend(p.text for p in c.paragraphs)
                    walk(c.tables)
    walk(d.tables)
    return units


def soffice(src, fmt):
    out = os.path.join(TMP, fmt.split(':')[0])
    os.makedirs(out, exist_ok=True)
    subprocess.run(['soffice', '--headless', '--convert-to', fmt, '--outdir', out, src], check=True,
                   capture_output=True)
    return os.path.join(out, os.path.splitext(os.path.basename(src))[0] + '.' + fmt.split(':')[0])


def pdftotext(path):
    return ws(nfc(subprocess.run(['pdftotext', path, '-'], capture_output=True, text=True).stdout))


def units_of(name):
    """Returns (units for anchors/evidence, full text for must_include)."""
    path = os.path.join(DOCS, name)
    if name.endswith('.md'):
        raw = open(path, encoding='utf-8').read()
        units = raw.split('\n')
        for line in list(units):
            if line.startswith('|'):
                units.extend(c for c in line.strip('|').split('|'))
        return units, raw
    if name.endswith('.docx'):
        u = docx_units(path)
        return u, '\n'.join(u)
    if name.endswith('.doc'):
        u = docx_units(soffice(path, 'docx'))
        return u, '\n'.join(u)
    if name.endswith('.pdf'):
        u = docx_units(os.path.join(PDF_SRC, name[:-4] + '.docx'))
        return u, '\n'.join(u)
    raise ValueError(name)


cache = {}


def get(name):
    if name not in cache:
        units, full = units_of(name)
        cache[name] = ([ws(x) for x in units], ws(full), units)
    return cache[name]


def in_one_unit(s, name):
    return any(ws(s) in u for u in get(name)[0])


num2doc = json.load(open(os.path.join(HERE, 'num2doc.json'), encoding='utf-8'))
docs = sorted(os.listdir(DOCS))
print('documents:', docs)
for name in docs:
    units, full, raw = get(name)
    bad = [x for x in raw if not isnfc(x)]
    if bad:
        errors.append('%s: %d non-NFC units' % (name, len(bad)))
    if name.endswith('.md') and not isnfc(open(os.path.join(DOCS, name), encoding='utf-8').read()):
        errors.append('%s: file not NFC' % name)
for name in num2doc.values():
    if name not in docs:
        errors.append('missing document ' + name)

# ---------- qa.jsonl ----------
raw = open(os.path.join(HERE, 'qa.jsonl'), encoding='utf-8').read()
if not isnfc(raw):
    errors.append('qa.jsonl not NFC')
qa = []
for i, line in enumerate(raw.splitlines(), 1):
    if line.strip():
        try:
            qa.append(json.loads(line))
        except Exception as e:  # noqa: BLE001
            errors.append('qa.jsonl line %d: %s' % (i, e))
if len(qa) != 180:
    errors.append('qa.jsonl has %d lines, not 180' % len(qa))
ids = [x['id'] for x in qa]
if len(ids) != len(set(ids)):
    errors.append('duplicate ids')
bases = collections.OrderedDict()
for x in qa:
    m = re.fullmatch(PREFIX + r'(\d{3})([abc])', x['id'])
    if not m:
        errors.append('bad id ' + x['id'])
        continue
    bases.setdefault(m.group(1), []).append(x)
    if x['kind'] not in KINDS:
        errors.append('%s: unknown kind %r' % (x['id'], x['kind']))
for b, xs in bases.items():
    if sorted(x['id'][-1] for x in xs) != ['a', 'b', 'c']:
        errors.append('base %s lacks a/b/c' % b)
    if len({json.dumps([x['kind'], x['must_include'], x['gold_anchor'], x['doc'], x.get('expect_abstain', False)],
                       ensure_ascii=False) for x in xs}) != 1:
        errors.append('base %s: phrasings differ in kind/must_include/gold_anchor/doc' % b)
    if len({x['question'] for x in xs}) != len(xs):
        errors.append('base %s: two phrasings are identical' % b)
for x in qa:
    name = x['doc']
    if name not in docs:
        errors.append('%s: unknown doc %s' % (x['id'], name))
        continue
    if x.get('expect_abstain'):
        if x['must_include'] or x['gold_anchor'] or x['kind'] != 'out_of_scope':
            errors.append('%s: abstain question must have empty must_include/gold_anchor and kind out_of_scope' % x['id'])
        continue
    if x['kind'] == 'out_of_scope':
        errors.append('%s: out_of_scope without expect_abstain' % x['id'])
    if not x['must_include'] or not x['gold_anchor']:
        errors.append('%s: answerable question lacks must_include or gold_anchor' % x['id'])
    for a in x['gold_anchor']:
        if not in_one_unit(a, name):
            errors.append('%s: gold_anchor not inside one paragraph/line/cell: %r' % (x['id'], a))
    for g in x['must_include']:
        if not g:
            errors.append('%s: empty must_include group' % x['id'])
        for alt in g:
            if ws(alt) not in get(name)[1]:
                errors.append('%s: must_include alternative not in document: %r' % (x['id'], alt))

# ---------- obligations.json ----------
raw = open(os.path.join(HERE, 'obligations.json'), encoding='utf-8').read()
if not isnfc(raw):
    errors.append('obligations.json not NFC')
obl = json.loads(raw)
for i, o in enumerate(obl):
    tag = 'obligation %d (%s, %s)' % (i, o.get('unit'), o.get('document_number'))
    if list(o.keys()) != FIELDS:
        errors.append(tag + ': fields ' + str(list(o.keys())))
    name = num2doc.get(o['document_number'])
    if not name:
        errors.append(tag + ': unknown document_number')
        continue
    ev = o['evidence']
    if not in_one_unit(ev, name):
        errors.append(tag + ': evidence not in one paragraph/line/cell: %r' % ev)
    if not o['action_keywords']:
        errors.append(tag + ': no action keywords')
    for k in o['action_keywords']:
        if k not in ev:
            errors.append(tag + ': action keyword not in evidence: %r' % k)
    for f in ('recipient', 'via'):
        if o[f] is not None and o[f] not in ev:
            errors.append(tag + ': %s not in evidence: %r' % (f, o[f]))
    if o['deadline'] is not None and not re.fullmatch(r'\d{4}-\d{2}-\d{2}', o['deadline']):
        errors.append(tag + ': bad deadline ' + o['deadline'])
    if o['deadline_text'] and ws(o['deadline_text']) not in get(name)[1]:
        errors.append(tag + ': deadline_text not in document: %r' % o['deadline_text'])
    if not (o['basis'] == 'direct' or o['basis'].startswith('group: ')):
        errors.append(tag + ': bad basis')
    if o['recurrence'] not in RECUR:
        errors.append(tag + ': bad recurrence %r' % o['recurrence'])
    if o['recurrence'] and o['deadline'] is not None:
        errors.append(tag + ': a recurring duty must have deadline null')

for f in ('README.md',):
    p = os.path.join(HERE, f)
    if os.path.exists(p) and not isnfc(open(p, encoding='utf-8').read()):
        errors.append(f + ' not NFC')


# ---------- the files as delivered: .doc as plain text, PDFs through pdftotext ----------
def strings_of(name):
    out = []
    for x in qa:
        if x['doc'] == name:
            out += [('%s anchor' % x['id'], a) for a in x['gold_anchor']]
            out += [('%s must_include' % x['id'], alt) for g in x['must_include'] for alt in g]
    out += [('evidence of %s' % o['unit'], o['evidence']) for o in obl if num2doc[o['document_number']] == name]
    return out


for name in docs:
    path = os.path.join(DOCS, name)
    if name.endswith('.doc'):
        txt = ws(nfc(open(soffice(path, 'txt:Text (encoded):UTF8'), encoding='utf-8-sig').read()))
        label = 'soffice txt of the .doc'
    elif name == SCAN:
        if pdftotext(path) or subprocess.run(['pdffonts', path], capture_output=True, text=True).stdout.splitlines()[2:]:
            errors.append('%s: the scan has a text layer or fonts' % name)
        else:
            notes.append('%s: no text layer, no fonts (image only)' % name)
        txt = pdftotext(os.path.join(PDF_SRC, name))
        label = 'pdftotext of pdf-source/' + name
    elif name.endswith('.pdf'):
        txt = pdftotext(path)
        if not txt or not subprocess.run(['pdffonts', path], capture_output=True, text=True).stdout.splitlines()[2:]:
            errors.append('%s: no fonts or no text layer' % name)
        label = 'pdftotext of the PDF'
    else:
        continue
    ss = strings_of(name)
    for tag, s in ss:
        if ws(s) not in txt:
            errors.append('%s: %s not in %s: %r' % (name, tag, label, s))
    notes.append('%s: %d anchors/alternatives/evidence strings checked in %s' % (name, len(ss), label))
    if name.endswith('.pdf'):
        pages = subprocess.run(['pdfinfo', path], capture_output=True, text=True).stdout
        notes.append('%s: %s' % (name, [l for l in pages.splitlines() if l.startswith('Pages')][0]))

if shutil.which('tesseract'):
    d = os.path.join(TMP, 'ocr')
    os.makedirs(d)
    subprocess.run(['pdftoppm', '-r', '200', '-gray', os.path.join(DOCS, SCAN), os.path.join(d, 'p')], check=True)
    ocr = ''
    for f in sorted(os.listdir(d)):
        ocr += subprocess.run(['tesseract', os.path.join(d, f), '-', '-l', 'vie'], capture_output=True,
                              text=True).stdout + '\n'
    ocr = ws(nfc(ocr))
    ss = [s for x in qa if x['doc'] == SCAN and x['id'].endswith('a')
          for s in x['gold_anchor'] + [a for g in x['must_include'] for a in g]]
    missed = [s for s in ss if ws(s) not in ocr]
    notes.append('scan, for information: tesseract -l vie finds %d/%d anchors and alternatives verbatim%s'
                 % (len(ss) - len(missed), len(ss), (' (missed: %s)' % '; '.join(repr(m[:50]) for m in missed))
                    if missed else ''))
shutil.rmtree(TMP, ignore_errors=True)

# ---------- summary ----------
per = collections.OrderedDict((n, [0, 0, 0]) for n in num2doc.values())
for b, xs in bases.items():
    per[xs[0]['doc']][0] += 1
    per[xs[0]['doc']][1] += bool(xs[0].get('expect_abstain'))
for o in obl:
    per[num2doc[o['document_number']]][2] += 1
print('%-66s %5s %7s %6s' % ('document', 'base', 'abstain', 'duties'))
for n, (b, a, d) in per.items():
    print('%-66s %5d %7d %6d' % (n, b, a, d))
    if b != 15 or a != 2:
        errors.append('%s: %d base questions, %d abstain (15 and 2 expected)' % (n, b, a))
print('total: %d base questions, %d lines, %d duties' % (len(bases), len(qa), len(obl)))
print('kinds:', dict(collections.Counter(xs[0]['kind'] for xs in bases.values())))
for n in notes:
    print('note:', n)
if errors:
    print('\nFAILED with %d errors:' % len(errors))
    for e in errors:
        print(' -', e)
    sys.exit(1)
print('\nOK: all checks passed')
