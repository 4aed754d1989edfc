"""make_scan.py SRC.pdf OUT.pdf — turns a text PDF into an image-only "scan": pdftoppm -r 200 -gray, then with Pillow a
small rotation (under 1°, a different one per page), paper and ink greys, a slight blur, speckles and a darker scanner
edge; img2pdf writes the pages back as one PDF (A4 at 200 dpi) with no text layer. Needs Pillow and img2pdf (Debian:
python3-pil, python3-img2pdf), so it is run with /usr/bin/python3, not the project's venv."""
import glob
import io
import os
import random
import subprocess
import sys
import tempfile

import img2pdf
from PIL import Image, ImageChops, ImageDraw, ImageFilter

SRC, OUT = sys.argv[1], sys.argv[2]
ANGLES = [0.6, -0.4, 0.35, -0.7]          # degrees, page by page
random.seed(118)

tmp = tempfile.mkdtemp()
subprocess.run(['pdftoppm', '-r', '200', '-gray', '-png', SRC, os.path.join(tmp, 'p')], check=True)
pages = []
for i, f in enumerate(sorted(glob.glob(os.path.join(tmp, 'p-*.png')))):
    im = Image.open(f).convert('L')
    w, h = im.size
    im = im.rotate(ANGLES[i % len(ANGLES)], resample=Image.BICUBIC, expand=False, fillcolor=255)
    # paper is not white, ink is not black
    im = im.point(lambda v: 36 + v * (230 - 36) // 255)
    im = im.filter(ImageFilter.GaussianBlur(0.5))
    # speckles
    dr = ImageDraw.Draw(im)
    for _ in range(600):
        x, y = random.randrange(w), random.randrange(h)
        r = random.choice([0, 0, 1])
        g = random.randrange(60, 170)
        dr.ellipse([x, y, x + r, y + r], fill=g)
    # mild noise
    noise = Image.effect_noise((w, h), 6).point(lambda v: v - 128 + 128)
    im = ImageChops.add(im, noise, scale=1.0, offset=-128)
    # darker scanner edge on the left
    edge = Image.new('L', (w, h), 0)
    de = ImageDraw.Draw(edge)
    for x in range(40):
        de.line([(x, 0), (x, h)], fill=int(90 * (1 - x / 40)))
    im = ImageChops.subtract(im, edge)
    buf = io.BytesIO()
    im.save(buf, format='JPEG', quality=80, dpi=(200, 200))
    pages.append(buf.getvalue())
layout = img2pdf.get_layout_fun((img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297)))
with open(OUT, 'wb') as fh:
    fh.write(img2pdf.convert(pages, layout_fun=layout))
for f in glob.glob(os.path.join(tmp, '*')):
    os.remove(f)
os.rmdir(tmp)
print('scan:', OUT, len(pages), 'pages')
