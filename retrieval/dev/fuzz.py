"""Mutation fuzzing of the readers (`make fuzz`): damaged and hostile .docx, .pdf and .md files
are fed to `load_document`, and only its own `ParseError`, naming the file, may come out.

Seeds: corpus/*.md, tests/fixtures/*.md, the .docx and .pdf that tests/docgen.py writes, a
hand-made .docx (numbering, footnotes, merged cells, tracked changes) and .pdf (a ToUnicode font,
a form XObject), and ../shared's directives, .docx samples and smaller laws when they are there
(read in place, never copied).

Each input is one of:
- byte damage of a seed: bit flips, random bytes, cuts, insertions, repeats, splices, truncation;
- for .docx, a seed re-zipped with one XML part mutated (document, numbering, footnotes, styles,
  relationships, content types: attribute values, deleted or repeated elements, deep nesting,
  entity expansion, external entities), a part removed or doubled, or the zip's own headers
  damaged (CRC, compression method, encryption flag);
- for .pdf, a seed with its objects renumbered, its xref, /Length or numbers corrupted, a
  content stream inflated, damaged and deflated again, or a hand-built hostile file (recursive
  page tree or form XObject, reference loops, huge ToUnicode ranges and widths, deep nesting,
  flate bombs, bogus or real encryption, broken filters and predictors);
- for .md, a seed with NUL bytes, invalid UTF-8, enormous lines, deep bullets, huge tables,
  huge numbers, odd line ends, or a hand-built pathological text.

Every input runs in a worker process with a memory cap; a worker that passes the per-input
timeout is killed and replaced, and the input counts as a hang. Any exception other than
ParseError (or a ParseError that does not name the file, or text read from an external entity)
is a crash. Crashes and hangs are saved under .cache/fuzz-crashes/ with their traceback, and
make the run exit non-zero.

Environment: FUZZ_SECONDS (default 60), FUZZ_SEED (default: random, printed), FUZZ_TIMEOUT
(seconds per input, default 30: above the PDF reader's own 20 s deadline), FUZZ_WORKERS (default: the cores), FUZZ_INPUTS (stop after
so many). Replay saved inputs: `python -m retrieval.dev.fuzz --replay .cache/fuzz-crashes`.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import multiprocessing
import os
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
import unicodedata
import warnings
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CRASH_DIR = ROOT / ".cache" / "fuzz-crashes"
FORMATS = (".docx", ".pdf", ".md")
MAX_OUTPUT = 8 * 1024 * 1024  # mutated inputs stay below this (the readers refuse 20 MB before reading)
SECRET = "FUZZ-SECRET-3f9a1c"  # the text of the file that external entities point to: must never be read
SLOW_SECONDS = 2.0


# -- seeds ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Seed:
    name: str
    suffix: str
    data: bytes


def _read_seeds(paths: list[Path], origin: str) -> list[Seed]:
    out = []
    for p in paths:
        try:
            out.append(Seed(f"{origin}/{p.name}", p.suffix.lower(), p.read_bytes()))
        except OSError:
            continue
    return out


def _docgen_seeds() -> list[Seed]:
    """The .docx and .pdf that `docgen` writes (the .pdf needs fpdf2 and the DejaVu fonts)."""
    from retrieval.dev import docgen

    out: list[Seed] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            docx_path = Path(tmp) / "cong-van-34.docx"
            docgen.write_docx(docx_path)
            out.append(Seed("docgen/cong-van-34.docx", ".docx", docx_path.read_bytes()))
            if docgen.have_fonts():
                pdf_path = Path(tmp) / "thong-bao-56.pdf"
                docgen.write_pdf(pdf_path)
                out.append(Seed("docgen/thong-bao-56.pdf", ".pdf", pdf_path.read_bytes()))
    except ImportError as exc:  # fpdf2 is a test extra: the fuzzer runs on the other seeds
        print(f"fuzz: docgen seeds skipped ({exc})", file=sys.stderr)
    return out


def collect_seeds(shared: Path | None = SHARED, max_law_bytes: int = 150_000) -> list[Seed]:
    seeds = _read_seeds(sorted((ROOT / "corpus").glob("*.md")), "corpus")
    seeds += _read_seeds(sorted((ROOT / "tests" / "fixtures").glob("*.md")), "fixtures")
    seeds += _docgen_seeds()
    seeds += [Seed("built-in/cong-van.docx", ".docx", docx_package(DOCX_PARTS)),
              Seed("built-in/thong-bao.pdf", ".pdf", plain_pdf())]
    if shared is not None and shared.is_dir():
        corpus = shared / "corpus"
        seeds += _read_seeds(sorted((corpus / "directives").glob("*")), "shared/directives")
        seeds += _read_seeds(sorted((corpus / "docx-samples").glob("*.docx")), "shared/docx-samples")
        laws = [p for p in sorted((corpus / "laws").glob("*.md")) if p.stat().st_size <= max_law_bytes]
        seeds += _read_seeds(laws, "shared/laws")
    return [s for s in seeds if s.suffix in FORMATS + (".txt",) and s.data]


# -- a hand-made .docx ----------------------------------------------------------------------------
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _p(text: str, num: tuple[int, int] | None = None, bold: bool = False, center: bool = False,
       style: str | None = None, extra: str = "") -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if center:
        ppr += '<w:jc w:val="center"/>'
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r>{rpr}<w:t xml:space=\"preserve\">{text}</w:t></w:r>{extra}</w:p>"


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(text)}</w:tc>"


_BODY = "".join([
    "<w:tbl><w:tr>", _tc("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN"), _tc("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "</w:tr>",
    "<w:tr>", _tc("Số: 77/UBND-KSTT"), _tc("Hưng Yên, ngày 02 tháng 3 năm 2026"), "</w:tr></w:tbl>",
    _p("V/v triển khai thủ tục hành chính trực tuyến"),
    _p("Kính gửi: Các sở, ban, ngành tỉnh; UBND các xã, phường."),
    _p("CÔNG VĂN", bold=True, center=True, style="Heading1"),
    _p("Sở Nội vụ chủ trì rà soát, báo cáo UBND tỉnh trước ngày 15/4/2026", num=(1, 0),
       extra='<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'),
    _p("Các sở, ngành phối hợp cung cấp số liệu", num=(1, 0)),
    _p("hằng tháng gửi báo cáo", num=(1, 1)),
    _p("cập nhật cơ sở dữ liệu", num=(1, 2)),
    _p("Bổ sung theo Nghị định số 30/2020/NĐ-CP", num=(2, 3)),
    "<w:p><w:r><w:t>Văn bản </w:t></w:r><w:del w:id=\"9\"><w:r><w:delText>đã xóa</w:delText><w:t>cũ</w:t></w:r></w:del>"
    "<w:r><w:tab/><w:t>có</w:t><w:br/><w:t>hai dòng</w:t><w:noBreakHyphen/></w:r></w:p>",
    "<w:tbl><w:tr>", _tc("TT"), _tc("Nội dung"), _tc("Đơn vị thực hiện"), _tc("Thời hạn"), "</w:tr>",
    "<w:tr>", _tc("1"), _tc("Rà soát thủ tục", '<w:gridSpan w:val="2"/>'), _tc("Trước 30/4/2026",
                                                                            '<w:vMerge w:val="restart"/>'), "</w:tr>",
    "<w:tr>", _tc("2"), _tc("Báo cáo kết quả"), _tc("Sở Nội vụ"), _tc("", "<w:vMerge/>"), "</w:tr></w:tbl>",
    "<w:tbl><w:tr>", _tc("Nơi nhận: - Như trên; - Lưu: VT."), _tc("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A"),
    "</w:tr></w:tbl>",
])

DOCX_PARTS: dict[str, str] = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{_CT}.styles+xml"/>'
        f'<Override PartName="/word/numbering.xml" ContentType="{_CT}.numbering+xml"/>'
        f'<Override PartName="/word/footnotes.xml" ContentType="{_CT}.footnotes+xml"/>'
        "</Types>"),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>'),
    "word/_rels/document.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/numbering" Target="numbering.xml"/>'
        f'<Relationship Id="rId3" Type="{_REL}/footnotes" Target="footnotes.xml"/>'
        "</Relationships>"),
    "word/document.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W_NS}" xmlns:r="{_REL}"><w:body>{_BODY}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'),
    "word/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:styles xmlns:w="{_W_NS}">'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        '<w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:i w:val="0"/></w:rPr>'
        "</w:style></w:styles>"),
    "word/numbering.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:numbering xmlns:w="{_W_NS}"><w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
        '<w:lvl w:ilvl="3"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%4.%1"/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="3">'
        '<w:startOverride w:val="9"/></w:lvlOverride></w:num></w:numbering>'),
    "word/footnotes.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:footnotes xmlns:w="{_W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>Theo Quyết định số 12/QĐ-UBND ngày 05/01/2026.</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"),
}


def docx_package(parts: Mapping[str, str | bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, body in parts.items():
            z.writestr(name, body.encode("utf-8") if isinstance(body, str) else body)
    return buf.getvalue()


# -- a hand-made .pdf -------------------------------------------------------------------------------
def pdf_file(objects: list[bytes], trailer: bytes = b"/Root 1 0 R", header: bytes = b"%PDF-1.7") -> bytes:
    """A PDF of these object bodies (object i+1 is objects[i]) with a correct xref table."""
    out = bytearray(header + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, start)
    return bytes(out)


def pdf_stream(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_VI = "ỦYBANNHÂDỈƯGÊSốấàịợưởđệủưỹ"
_VI_CHARS = sorted(set(_VI))


def _vi_hex(text: str) -> bytes:
    """Text in the hand-made font's codes: ASCII as itself, the Vietnamese letters from 0x80 up."""
    codes = [ord(c) if ord(c) < 128 else 0x80 + _VI_CHARS.index(c) for c in text]
    return b"<" + bytes(codes).hex().encode() + b">"


def _to_unicode() -> bytes:
    chars = b"".join(b"<%02x> <%04x>\n" % (0x80 + i, ord(c)) for i, c in enumerate(_VI_CHARS))
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /F2 def\n"
            b"1 begincodespacerange <00> <ff> endcodespacerange\n"
            b"1 beginbfrange <20> <7e> <0020> endbfrange\n"
            b"%d beginbfchar\n" % len(_VI_CHARS) + chars + b"endbfchar\nendcmap CMapName currentdict /CMap "
            b"defineresource pop end end")


def _plain_objects(content: bytes | None = None, form: bytes | None = None) -> list[bytes]:
    lines = [(b"/F2", 11, 60, 800, "ỦY BAN NHÂN DÂN"), (b"/F1", 11, 330, 800, "CONG HOA XA HOI CHU NGHIA VIET NAM"),
             (b"/F2", 11, 60, 785, "Số: 56/TB-UBND"), (b"/F1", 14, 250, 740, "THONG BAO"),
             (b"/F1", 12, 72, 700, "1. So Noi vu chu tri, bao cao truoc ngay 15/7/2025."),
             (b"/F1", 12, 72, 684, "2. Thanh tra tinh phoi hop thuc hien."), (b"/F1", 8, 72, 80, "1 Theo Ke hoach so 12.")]
    ops = b""
    for font, size, x, y, text in lines:
        shown = _vi_hex(text) if font == b"/F2" else b"(" + text.encode() + b")"
        ops += b"BT %s %d Tf 1 0 0 1 %d %d Tm %s Tj ET\n" % (font, size, x, y, shown)
    ops += b"0.5 w 72 660 m 520 660 l S 72 600 m 520 600 l S 300 600 m 300 660 l S\n/Fm0 Do\n"
    widths = b"[" + b" ".join(b"%d" % (500 + (i % 7) * 20) for i in range(256)) + b"]"
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /Fm0 8 0 R >> >> >>",
        pdf_stream(content if content is not None else ops),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /FirstChar 0 /LastChar 255 /Widths "
        + widths + b" /ToUnicode 7 0 R >>",
        pdf_stream(_to_unicode()),
        pdf_stream(form if form is not None else b"BT /F1 10 Tf 72 640 Td (So Tu phap | Truoc 30/6/2025) Tj ET",
                   b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"),
    ]


def plain_pdf() -> bytes:
    return pdf_file(_plain_objects())


# -- hostile values ----------------------------------------------------------------------------------
NUMBERS = ["0", "-1", "-0", "1", "255", "65535", "2147483647", "2147483648", "-2147483649", "4294967296",
           "18446744073709551616", "9" * 40, "999999999999999999", "1e308", "nan", "inf", "0.0000001", "-99999999999",
           "1.2.3", "", " ", "0x10", "\u00b2", "\u0663", "00000000000000000001", "+5", "--1", ".", "1.", "-.5"]
WORDS = ["", "A" * 5000, "%1%2%3%4%5%6%7%8%9" * 50, "%1", "%0", "%10", "\u202e", "\u0301" * 200, "<sup>1</sup>",
         "Điều 1.", "bullet", "none", "decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "ordinal",
         "restart", "continue", "center", "both", "true", "false", "0", "off", "superscript", "x" * 100000,
         "\ufffd", "\U0001f600", "..", "/", "../../../../etc/passwd", "&#0;", "Heading1", "Normal"]


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _hostile_value(rng: random.Random) -> str:
    return rng.choice(NUMBERS) if rng.random() < 0.6 else rng.choice(WORDS)


# -- byte mutations ----------------------------------------------------------------------------------
_TOKENS = [b"\x00", b"\xff", b"\x7f", b"\x80", b"\xc3", b"\xe1\xbb", b"\r", b"\n", b"\r\n", b"<", b">", b"&", b'"',
           b"/", b"(", b")", b"[", b"]", b"<<", b">>", b"R", b"obj", b"endobj", b"stream", b"endstream", b"xref",
           b"trailer", b"%%EOF", b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06", b"|", b"**", b"- ", b"\t", b"\\"]


def mutate_bytes(data: bytes, rng: random.Random, others: list[bytes] | None = None) -> bytes:
    b = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 3, 5, 10, 30])):
        if not b:
            b += rng.randbytes(rng.randint(1, 64))
            continue
        at = rng.randrange(len(b))
        op = rng.randrange(10)
        if op == 0:
            b[at] ^= 1 << rng.randrange(8)
        elif op == 1:
            b[at] = rng.randrange(256)
        elif op == 2:
            del b[at:at + rng.choice([1, 2, 4, 16, 100, 1000])]
        elif op == 3:
            b[at:at] = rng.randbytes(rng.choice([1, 2, 4, 16, 100]))
        elif op == 4:
            b[at:at] = rng.choice(_TOKENS)
        elif op == 5:
            end = min(len(b), at + rng.choice([1, 8, 64, 512]))
            b[at:at] = bytes(b[at:end]) * rng.choice([2, 10, 100, 1000])
        elif op == 6:
            del b[rng.randrange(len(b) + 1):]
        elif op == 7 and others:
            other = rng.choice(others)
            if other:
                start = rng.randrange(len(other))
                b[at:at] = other[start:start + rng.choice([16, 256, 4096])]
        elif op == 8:
            b[at] = rng.choice([0, 0xFF, 0x7F, 0x80, 0x20, 0x30, 0x39])
        else:
            end = min(len(b), at + rng.randint(1, 32))
            b[at:end] = bytes(reversed(b[at:end]))
        if len(b) > MAX_OUTPUT:
            del b[MAX_OUTPUT:]
    return bytes(b)


# -- .docx --------------------------------------------------------------------------------------------
_XXE_DOCTYPE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{path}">]>'
_LAUGHS = ('<!DOCTYPE w:document [<!ENTITY a0 "ha">' + "".join(
    f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)) + "]>")
_PARAM_DOCTYPE = '<!DOCTYPE w:document [<!ENTITY % p SYSTEM "file://{path}"> %p;]>'


def _docx_members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i, z.read(i)) for i in z.infolist()]


def _rezip(members: list[tuple[str, bytes]], rng: random.Random) -> bytes:
    buf = io.BytesIO()
    method = zipfile.ZIP_STORED if rng.random() < 0.15 else zipfile.ZIP_DEFLATED
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a doubled part is one of the mutations
        with zipfile.ZipFile(buf, "w", method, compresslevel=1) as z:
            for name, body in members:
                z.writestr(name, body)
    return buf.getvalue()


def _with_doctype(xml: str, doctype: str) -> str:
    m = re.search(r"<\?xml[^>]*\?>", xml)
    at = m.end() if m else 0
    return xml[:at] + doctype + xml[at:]


def _elements(xml: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) of elements whose end tag is found naively (no nesting of the same tag)."""
    out = []
    for m in re.finditer(r"<(w:[A-Za-z]+)[\s>/]", xml):
        tag = m.group(1)
        close = xml.find(f"</{tag}>", m.end())
        self_close = xml.find("/>", m.end())
        gt = xml.find(">", m.end() - 1)
        if gt >= 0 and self_close == gt - 1:
            out.append((m.start(), gt + 1, tag))
        elif close >= 0:
            out.append((m.start(), close + len(tag) + 3, tag))
    return out


def mutate_xml(xml: str, rng: random.Random, secret_path: str) -> tuple[str, str]:
    """One structural mutation of a WordprocessingML part: (new text, what was done)."""
    op = rng.randrange(12)
    if op == 0:
        attrs = list(re.finditer(r'(\w+:\w+)="([^"]*)"', xml))
        if attrs:
            for m in sorted(rng.sample(attrs, min(len(attrs), rng.choice([1, 1, 3, 20]))), key=lambda m: -m.start()):
                xml = xml[:m.start(2)] + _xml_escape(_hostile_value(rng)) + xml[m.end(2):]
            return xml, "attribute values"
    if op in (1, 2, 3):
        els = _elements(xml)
        if els:
            start, end, tag = rng.choice(els)
            if op == 1:
                return xml[:start] + xml[end:], f"delete {tag}"
            if op == 2:
                n = rng.choice([2, 10, 100, 2000])
                return xml[:start] + xml[start:end] * n + xml[end:], f"repeat {tag} x{n}"
            piece = xml[start:end]
            return xml[:start] + piece[: rng.randrange(len(piece) + 1)] + xml[end:], f"cut {tag}"
    if op == 4:
        depth = rng.choice([10, 60, 85, 300, 3000])
        opener, closer = rng.choice([("<w:tbl><w:tr><w:tc>", "<w:p/></w:tc></w:tr></w:tbl>"), ("<w:del>", "</w:del>"),
                                     ("<w:ins>", "</w:ins>"), ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
                                     ("<w:r>", "</w:r>"), ("<w:p>", "</w:p>"), ("<w:hyperlink>", "</w:hyperlink>")])
        inner = '<w:p><w:r><w:t>sâu</w:t></w:r></w:p>'
        hit = re.search(r"<w:body>|<w:footnote [^>]*>|<w:numbering[^>]*>|<w:styles[^>]*>", xml)
        at = hit.end() if hit else len(xml) // 2
        return xml[:at] + opener * depth + inner + closer * depth + xml[at:], f"nest {opener} x{depth}"
    if op == 5:
        return _with_doctype(xml, _LAUGHS).replace("</w:t>", "&a9;</w:t>", 1), "billion laughs"
    if op == 6:
        doc = _with_doctype(xml, _XXE_DOCTYPE.format(path=secret_path))
        return doc.replace("</w:t>", "&xxe;</w:t>", 1), "external entity"
    if op == 7:
        return _with_doctype(xml, _PARAM_DOCTYPE.format(path=secret_path)), "parameter entity"
    if op == 8:
        texts = list(re.finditer(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)", xml))
        if texts:
            m = rng.choice(texts)
            value = rng.choice(WORDS + ["\x01\x02", "\ud800", "]]>", "&bogus;", "<w:t>", "Điều 1. " * 10000])
            if rng.random() < 0.5:
                value = _xml_escape(value)
            return xml[:m.start(2)] + value + xml[m.end(2):], "text"
    if op == 9:
        return xml.replace(_W_NS, rng.choice(["urn:x", "", _W_NS + "x", "http://purl.oclc.org/ooxml/wordprocessingml/main"]),
                           1), "namespace"
    if op == 10:
        enc = rng.choice(["UTF-16", "latin-1", "bogus", "UTF-8"])
        return re.sub(r'encoding="[^"]*"', f'encoding="{enc}"', xml, count=1), f"encoding {enc}"
    raw = mutate_bytes(xml.encode("utf-8", "surrogatepass"), rng)
    return raw.decode("utf-8", "surrogateescape"), "bytes"


def _patch_zip_headers(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """Damage the zip's own headers: compression method, encryption flag, sizes, CRC, names."""
    b = bytearray(data)
    central = [m.start() for m in re.finditer(rb"PK\x01\x02", data)]
    local = [m.start() for m in re.finditer(rb"PK\x03\x04", data)]
    if not central:
        return bytes(b), "zip (no central directory)"
    what = rng.randrange(6)
    targets = rng.sample(central, min(len(central), rng.choice([1, 2, len(central)])))
    for at in targets:
        if what == 0:  # compression method: LZMA, bzip2, AES, unknown
            method = rng.choice([14, 12, 99, 97, 1, 6, 9, 0xFFFF])
            b[at + 10:at + 12] = method.to_bytes(2, "little")
        elif what == 1:  # traditional encryption flag
            b[at + 8] |= 0x01
        elif what == 2:  # CRC
            b[at + 16:at + 20] = rng.randbytes(4)
        elif what == 3:  # uncompressed size
            b[at + 24:at + 28] = rng.choice([b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", rng.randbytes(4)])
        elif what == 4:  # compressed size
            b[at + 20:at + 24] = rng.choice([b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", rng.randbytes(4)])
        else:  # local header offset
            b[at + 42:at + 46] = rng.randbytes(4)
    if local and rng.random() < 0.3:
        at = rng.choice(local)
        b[at + 8:at + 10] = rng.choice([14, 12, 99]).to_bytes(2, "little")
    return bytes(b), f"zip header {['method', 'encrypted', 'crc', 'size', 'csize', 'offset'][what]}"


def _hostile_docx(rng: random.Random, secret_path: str) -> tuple[bytes, str]:
    parts: dict[str, str | bytes] = dict(DOCX_PARTS)
    kind = rng.randrange(12)
    numbering = str(parts["word/numbering.xml"])
    document = str(parts["word/document.xml"])
    if kind == 0:
        fmt = rng.choice(["upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "decimal"])
        start = rng.choice(["999999999999999999", "10000000", "2147483647", "-5", "0", "\u00b2"])
        numbering = numbering.replace('<w:start w:val="4"/><w:numFmt w:val="upperRoman"/>',
                                      f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>')
        parts["word/numbering.xml"] = numbering.replace('<w:startOverride w:val="9"/>',
                                                        f'<w:startOverride w:val="{start}"/>')
        what = f"numbering start {start} {fmt}"
    elif kind == 1:
        ilvl = rng.choice(["-1", "9", "99999999999", "abc", "\u00b2", ""])
        parts["word/numbering.xml"] = numbering.replace('w:ilvl="1"', f'w:ilvl="{ilvl}"')
        parts["word/document.xml"] = document.replace('<w:ilvl w:val="1"/>', f'<w:ilvl w:val="{ilvl}"/>')
        what = f"numbering ilvl {ilvl}"
    elif kind == 2:
        span = rng.choice(["1000000000", "0", "-3", "99999999999999999999", "2147483648"])
        parts["word/document.xml"] = document.replace('<w:gridSpan w:val="2"/>', f'<w:gridSpan w:val="{span}"/>')
        what = f"gridSpan {span}"
    elif kind == 3:
        n = rng.choice([1000, 20000])
        refs = "".join(f'<w:r><w:footnoteReference w:id="{i}"/></w:r>' for i in range(n))
        notes = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t>chú thích {i}</w:t></w:r></w:p></w:footnote>'
                        for i in range(n))
        parts["word/document.xml"] = document.replace("<w:body>", f"<w:body><w:p>{refs}</w:p>", 1)
        parts["word/footnotes.xml"] = str(parts["word/footnotes.xml"]).replace("</w:footnotes>", notes + "</w:footnotes>")
        what = f"{n} footnotes"
    elif kind == 4:
        target = rng.choice(["document.xml", "../../../../etc/passwd", "missing.xml", "", "http://x/y.xml",
                             "/word/styles.xml", "numbering.xml"])
        mode = ' TargetMode="External"' if rng.random() < 0.3 else ""
        rels = str(parts["word/_rels/document.xml.rels"])
        parts["word/_rels/document.xml.rels"] = re.sub(
            r'Target="(numbering|footnotes|styles)\.xml"', f'Target="{target}"{mode}', rels, count=rng.randint(1, 3))
        what = f"relationship target {target!r}{mode}"
    elif kind == 5:
        parts["word/styles.xml"] = (
            f'<?xml version="1.0"?><w:styles xmlns:w="{_W_NS}">'
            '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="A"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="Heading1"/><w:rPr><w:b/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Heading1"/></w:style></w:styles>')
        what = "style cycle"
    elif kind == 6:
        n = rng.choice([50_000, 200_000])
        parts["word/document.xml"] = document.replace("<w:body>", "<w:body>" + "<w:p><w:r><w:t>Điều 1. x</w:t></w:r></w:p>" * n)
        what = f"{n} paragraphs"
    elif kind == 7:
        cols = rng.choice([500, 5000])
        row = "<w:tr>" + "<w:tc><w:p><w:r><w:t>ô</w:t></w:r></w:p></w:tc>" * cols + "</w:tr>"
        parts["word/document.xml"] = document.replace("<w:body>", "<w:body><w:tbl>" + row * rng.choice([2, 50]) + "</w:tbl>")
        what = f"table of {cols} columns"
    elif kind == 8:
        body = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{i % 9}"/><w:numId w:val="{1 + i % 3}"/></w:numPr></w:pPr>'
                       f"<w:r><w:t>mục {i}</w:t></w:r></w:p>" for i in range(rng.choice([1000, 20000])))
        parts["word/document.xml"] = document.replace("<w:body>", "<w:body>" + body)
        parts["word/numbering.xml"] = numbering.replace('<w:lvlText w:val="%1."/>', '<w:lvlText w:val="%1.%2.%3.%4.%5.%6.%7.%8.%9."/>')
        what = "deep numbered list"
    elif kind == 9:
        parts.pop(rng.choice(["word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "[Content_Types].xml",
                              "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml"]))
        what = "a part removed"
    elif kind == 10:
        parts["[Content_Types].xml"] = str(parts["[Content_Types].xml"]).replace(
            "document.main+xml", rng.choice(["template.main+xml", "styles+xml", "bogus", "document.main+xml;x=\"&amp;\""]))
        what = "main part content type"
    else:
        parts["word/document.xml"] = _with_doctype(document, _XXE_DOCTYPE.format(path=secret_path)).replace(
            "</w:t>", "&xxe;</w:t>")
        parts["word/footnotes.xml"] = _with_doctype(str(parts["word/footnotes.xml"]),
                                                    _XXE_DOCTYPE.format(path=secret_path)).replace("</w:t>", "&xxe;</w:t>")
        what = "external entities everywhere"
    return docx_package(parts), "hostile docx: " + what


def mutate_docx(seed: bytes, rng: random.Random, secret_path: str, others: list[bytes]) -> tuple[bytes, str]:
    r = rng.random()
    if r < 0.15:
        return _hostile_docx(rng, secret_path)
    if r < 0.35:
        return mutate_bytes(seed, rng, others), "docx bytes"
    try:
        members = _docx_members(seed)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, RuntimeError, NotImplementedError):
        return mutate_bytes(seed, rng, others), "docx bytes"
    items = [(i.filename, body) for i, body in members]
    if r < 0.45:
        data = _rezip(items, rng)
        return _patch_zip_headers(data, rng)
    names = [n for n, _b in items]
    weights = [8 if n == "word/document.xml" else 4 if n in ("word/numbering.xml", "word/footnotes.xml") else
               3 if n.endswith(".rels") or n in ("word/styles.xml", "[Content_Types].xml") else 1 for n in names]
    what = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        k = rng.choices(range(len(items)), weights)[0]
        name, body = items[k]
        op = rng.random()
        if op < 0.06:
            items.pop(k)
            weights.pop(k)
            what.append(f"drop {name}")
        elif op < 0.1:
            items.append((name, mutate_bytes(body, rng)))
            weights.append(1)
            what.append(f"duplicate {name}")
        else:
            xml, did = mutate_xml(body.decode("utf-8", "surrogateescape"), rng, secret_path)
            items[k] = (name, xml.encode("utf-8", "surrogatepass"))
            what.append(f"{name}: {did}")
        if not items:
            break
    return _rezip(items, rng), "docx part " + "; ".join(what)


# -- .pdf ---------------------------------------------------------------------------------------------
_PDF_NAMES = [b"/Type", b"/Pages", b"/Page", b"/Kids", b"/Parent", b"/Count", b"/Length", b"/Filter", b"/FlateDecode",
              b"/LZWDecode", b"/ASCII85Decode", b"/ASCIIHexDecode", b"/RunLengthDecode", b"/DCTDecode", b"/JBIG2Decode",
              b"/CCITTFaxDecode", b"/Crypt", b"/Font", b"/Resources", b"/Contents", b"/MediaBox", b"/XObject",
              b"/Form", b"/Image", b"/ToUnicode", b"/Widths", b"/FirstChar", b"/LastChar", b"/Encoding", b"/Root",
              b"/Encrypt", b"/DecodeParms", b"/Predictor", b"/Subtype", b"/Type0", b"/DescendantFonts", b"/W",
              b"/Identity-H", b"/Differences", b"/Null", b"/ObjStm", b"/XRef", b"/Prev", b"/Size", b"/Index"]
_OPERATORS = [b"BT", b"ET", b"Tj", b"TJ", b"Tf", b"Td", b"TD", b"Tm", b"T*", b"'", b'"', b"Tc", b"Tw", b"Tz", b"TL",
              b"Ts", b"Tr", b"cm", b"q", b"Q", b"re", b"m", b"l", b"S", b"f", b"Do", b"BI", b"ID", b"EI", b"gs", b"cs",
              b"sc", b"BDC", b"EMC", b"BMC", b"d0", b"d1", b"sh", b"W", b"n"]
_OP_SNIPPETS = [b"BT /F1 12 Tf 1e308 0 0 1e308 0 0 Tm (x) Tj ET", b"BT /F1 0 Tf (zero) Tj ET", b"BT /F1 -99999 Tf (neg) Tj ET",
                b"BT /F9 12 Tf (no font) Tj ET", b"BT /F1 12 Tf 0 0 0 0 0 0 Tm (flat) Tj ET", b"q " * 5000 + b"\n",
                b"Q " * 5000 + b"\n", b"BT " * 2000, b"ET " * 2000, b"/Fm0 Do " * 100, b"/Nope Do",
                b"BT /F1 12 Tf [(" + b"A" * 200000 + b")] TJ ET", b"BT /F1 12 Tf [" + b"(a) -250 " * 20000 + b"] TJ ET",
                b"BI /W 100000 /H 100000 /BPC 8 /CS /RGB ID " + b"\x00" * 100 + b" EI",
                b"BI /W 1 /H 1 ID garbage", b"BT /F1 12 Tf 72 700 Td " + b"(x) Tj 0 -1 Td " * 20000 + b"ET",
                b"0 0 0 0 cm BT /F1 12 Tf (x) Tj ET", b"BT /F1 12 Tf 2 Tr 99999999999999999999 Tz (x) Tj ET",
                b"/P <</MCID 0>> BDC BT (x) Tj ET", b"[[[[[[[[[[ Tj", b"(unterminated Tj", b"<zz> Tj", b"<< /A >> Tj",
                b"BT /F1 12 Tf " + b"1 0 0 1 10 10 Tm (x) Tj " * 30000 + b"ET",
                b"BT /F2 12 Tf <" + b"8f" * 50000 + b"> Tj ET", b"1 w " + b"10 10 m 500 10 l S " * 20000,
                b"10 10 m 10 800 l S " * 20000]


def _pdf_streams(data: bytes) -> list[tuple[int, int, int]]:
    """(dict start, data start, data end) of each stream, found by its keywords."""
    out = []
    for m in re.finditer(rb"stream\r?\n", data):
        if data[max(0, m.start() - 3):m.start()] == b"end":
            continue
        end = data.find(b"endstream", m.end())
        if end < 0:
            continue
        dict_start = data.rfind(b"obj", 0, m.start())
        out.append((max(0, dict_start), m.end(), end))
    return out


def rebuild_xref(data: bytes) -> bytes:
    """A fresh xref table for the objects found by scanning, so structural damage is read as meant."""
    body_end = data.rfind(b"xref")
    if body_end < 0 or b"/ObjStm" in data:
        return data
    body = data[:body_end]
    objs: dict[int, int] = {}
    for m in re.finditer(rb"(?m)^(\d{1,7}) (\d{1,5}) obj\b", body):
        objs[int(m.group(1))] = m.start()
    if not objs:
        return data
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", data[body_end:]) or re.search(rb"/Root\s+(\d+\s+\d+\s+R)", data)
    extra = re.search(rb"/Encrypt\s+(\d+\s+\d+\s+R|<<.*?>>)", data[body_end:], re.S)
    size = max(objs) + 1
    if size > 100_000:
        return data
    out = bytearray(body)
    start = len(out)
    out += b"xref\n0 %d\n" % size
    for n in range(size):
        out += b"%010d 00000 n \n" % objs[n] if n in objs else b"0000000000 65535 f \n"
    trailer = b"/Size %d" % size
    if root:
        trailer += b" /Root " + root.group(1)
    if extra:
        trailer += b" /Encrypt " + extra.group(1)
    out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def _mutate_stream(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    streams = _pdf_streams(data)
    if not streams:
        return mutate_bytes(data, rng), "pdf bytes (no stream)"
    dict_start, start, end = rng.choice(streams)
    head = data[dict_start:start]
    raw = data[start:end].rstrip(b"\r\n")
    flate = b"/FlateDecode" in head
    content = raw
    if flate:
        try:
            content = zlib.decompressobj().decompress(raw, 50_000_000)
        except zlib.error:
            flate = False
    r = rng.random()
    if r < 0.45:
        toks = content.split(b" ")
        for _ in range(rng.choice([1, 3, 10])):
            if not toks:
                break
            i = rng.randrange(len(toks))
            choice = rng.randrange(4)
            if choice == 0:
                toks[i] = rng.choice(NUMBERS).encode("utf-8")
            elif choice == 1:
                toks[i] = rng.choice(_OPERATORS)
            elif choice == 2:
                toks.insert(i, rng.choice(_OP_SNIPPETS))
            else:
                del toks[i]
        content, what = b" ".join(toks), "content operators"
    elif r < 0.6:
        at = rng.randrange(len(content) + 1)
        content, what = content[:at] + b"\n" + rng.choice(_OP_SNIPPETS) + b"\n" + content[at:], "content snippet"
    else:
        content, what = mutate_bytes(content, rng), "stream bytes"
    new = zlib.compress(content) if flate and rng.random() < 0.9 else content
    head = re.sub(rb"/Length\s+\d+(?!\s+\d+\s+R)", b"/Length %d" % len(new), head, count=1)
    return data[:dict_start] + head + new + b"\n" + data[end:], ("inflated " if flate else "") + what


def _mutate_pdf_text(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    op = rng.randrange(9)
    if op == 0:
        nums = list(re.finditer(rb"(?<![\w./#])-?\d+(?:\.\d+)?(?![\w.])", data[:200_000]))
        if nums:
            picks = rng.sample(nums, min(len(nums), rng.choice([1, 3, 10])))
            for m in sorted(picks, key=lambda m: -m.start()):
                data = data[:m.start()] + rng.choice(NUMBERS).encode("utf-8") + data[m.end():]
            return data, "numbers"
    if op == 1:
        names = list(re.finditer(rb"/[A-Za-z][A-Za-z0-9]*", data[:200_000]))
        if names:
            m = rng.choice(names)
            return data[:m.start()] + rng.choice(_PDF_NAMES) + data[m.end():], "name swap"
    if op == 2:
        entries = list(re.finditer(rb"\d{10} \d{5} [nf]", data))
        if entries:
            for m in rng.sample(entries, min(len(entries), rng.choice([1, 3, len(entries)]))):
                data = data[:m.start()] + b"%010d %05d %s" % (rng.randrange(10 ** 10), rng.randrange(65536),
                                                              rng.choice([b"n", b"f"])) + data[m.end():]
            return data, "xref entries"
        hit = re.search(rb"startxref\s+(\d+)", data)
        if hit:
            return data[:hit.start(1)] + str(rng.randrange(len(data) * 2)).encode() + data[hit.end(1):], "startxref"
    if op == 3:
        objs = list(re.finditer(rb"(\d+) (\d+) obj", data))
        if objs:
            m = rng.choice(objs)
            new = b"%d %d obj" % (rng.choice([0, 1, 2, 3, int(m.group(1)) + 1, 2 ** 31, 10 ** 7]), rng.choice([0, 1, 65535]))
            return data[:m.start()] + new + data[m.end():], "object number"
    if op == 4:
        refs = list(re.finditer(rb"(\d+) 0 R", data[:200_000]))
        if refs:
            m = rng.choice(refs)
            target = rng.choice([b"1", b"2", b"3", m.group(1), b"0", b"99999", b"-1"])
            return data[:m.start()] + target + b" 0 R" + data[m.end():], "reference"
    if op == 5:
        lengths = list(re.finditer(rb"/Length\s+\d+", data))
        if lengths:
            m = rng.choice(lengths)
            return data[:m.start()] + b"/Length " + rng.choice(NUMBERS[4:12]).encode() + data[m.end():], "/Length"
    if op == 6:
        depth = rng.choice([100, 1000, 100_000])
        hit = re.search(rb"<<", data)
        at = hit.end() if hit else len(data) // 2
        nest = rng.choice([b"/A [" * 1 + b"[" * depth + b"]" * depth + b"]", b"/A " + b"<< /A " * depth + b">> " * depth])
        return data[:at] + b" " + nest + b" " + data[at:], f"nesting {depth}"
    if op == 7:
        hit = re.search(rb"trailer\s*<<", data)
        enc = rng.choice([b"/Encrypt << /Filter /Standard /V 4 /R 4 /Length 128 /O <00> /U <00> /P -1 >>",
                          b"/Encrypt << /Filter /FooSecurity /V 99 >>", b"/Encrypt 99999 0 R", b"/Encrypt 1 0 R",
                          b"/Encrypt << /Filter /Standard /V 5 /R 6 /O <" + b"00" * 48 + b"> /U <" + b"00" * 48 +
                          b"> /OE <00> /UE <00> /Perms <00> /P -4 >>"])
        if hit:
            return data[:hit.end()] + b" " + enc + b" " + data[hit.end():], "bogus encryption"
    return _mutate_stream(data, rng)


def _real_encryption(seed: bytes, rng: random.Random) -> tuple[bytes, str]:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(seed)))
    user = rng.choice(["", "mat-khau"])
    algorithm = rng.choice(["RC4-40", "RC4-128", "AES-128", "AES-256"])
    writer.encrypt(user_password=user, owner_password="chu-so-huu", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue(), f"encrypted {algorithm} user password {user!r}"


def _hostile_pdf(rng: random.Random) -> tuple[bytes, str]:
    objs = _plain_objects()
    kind = rng.randrange(16)
    trailer = b"/Root 1 0 R"
    if kind == 0:
        objs[7] = pdf_stream(b"/Fm0 Do BT /F1 10 Tf (x) Tj ET",
                             b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Fm0 8 0 R >> "
                             b"/Font << /F1 5 0 R >> >>")
        what = "form XObject drawing itself"
    elif kind == 1:
        objs[7] = pdf_stream(b"/Fm1 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Fm1 9 0 R >> >>")
        objs.append(pdf_stream(b"/Fm0 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Fm0 8 0 R >> >>"))
        what = "form XObjects drawing each other"
    elif kind == 2:
        objs[1] = rng.choice([b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
                              b"<< /Type /Pages /Kids [1 0 R 3 0 R] /Count 2 >>", b"<< /Type /Pages /Kids [3 0 R 3 0 R 3 0 R] /Count 3 >>"])
        what = "recursive page tree"
    elif kind == 3:
        objs[1] = b"<< /Type /Pages /Kids [3 0 R] /Count " + rng.choice([b"2147483647", b"-1", b"99999999999999999999", b"0"]) + b" >>"
        what = "page count"
    elif kind == 4:
        depth = rng.choice([500, 3000])
        base = len(objs) + 1
        for i in range(depth):
            kid = b"3 0 R" if i == depth - 1 else b"%d 0 R" % (base + i + 1)
            objs.append(b"<< /Type /Pages /Kids [%s] /Count 1 >>" % kid)
        objs[1] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % base
        what = f"page tree {depth} deep"
    elif kind == 5:
        rng_end = rng.choice([b"<ffff>", b"<ffffffff>", b"<ffffffffffffffff>"])
        cmap = (b"begincmap 1 begincodespacerange <0000> <ffff> endcodespacerange 2 beginbfrange <0000> " + rng_end +
                b" <0041> <0000> <ffff> [" + b"<0041> " * 1000 + b"] endbfrange endcmap")
        objs[6] = pdf_stream(cmap)
        what = "ToUnicode range"
    elif kind == 6:
        objs[5] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /FirstChar " + rng.choice([b"0", b"-5", b"2147483647"])
                   + b" /LastChar " + rng.choice([b"2147483647", b"99999999999", b"-1", b"0"]) + b" /Widths [1 2 3] /ToUnicode 7 0 R >>")
        what = "font widths range"
    elif kind == 7:
        objs.append(b"10 0 R")
        objs.append(b"9 0 R")
        objs[2] = objs[2].replace(b"/Resources <<", b"/Resources 9 0 R /X <<")
        what = "reference loop"
    elif kind == 8:
        size = rng.choice([20_000_000, 90_000_000, 200_000_000])
        objs[3] = pdf_stream(_bomb(size), b"/Filter /FlateDecode")
        what = f"flate bomb {size // 1_000_000} MB"
    elif kind == 9:
        filt = rng.choice([b"/LZWDecode", b"/ASCII85Decode", b"/ASCIIHexDecode", b"/RunLengthDecode", b"/DCTDecode",
                           b"/JBIG2Decode", b"/CCITTFaxDecode", b"/Crypt", b"/JPXDecode", b"/Bogus",
                           b"[/ASCIIHexDecode /FlateDecode /LZWDecode]", b"[" + b"/ASCIIHexDecode " * 200 + b"]"])
        objs[3] = pdf_stream(rng.randbytes(rng.choice([10, 1000])) + b"~>", b"/Filter " + filt)
        what = f"filter {filt[:30]!r}"
    elif kind == 10:
        parms = rng.choice([b"<< /Predictor 15 /Columns 2147483647 /Colors 255 /BitsPerComponent 16 >>",
                            b"<< /Predictor 2 /Columns 0 >>", b"<< /Predictor 12 /Columns -1 >>",
                            b"<< /Predictor 99 >>", b"<< /Predictor 15 /Columns 100000 /Colors 60 >>"])
        objs[3] = pdf_stream(zlib.compress(rng.randbytes(2000)), b"/Filter /FlateDecode /DecodeParms " + parms)
        what = "predictor"
    elif kind == 11:
        objs[3] = pdf_stream(rng.choice(_OP_SNIPPETS) + b"\n" + rng.choice(_OP_SNIPPETS), compress=rng.random() < 0.5)
        what = "content snippets"
    elif kind == 12:
        objs[2] = objs[2].replace(b"/MediaBox [0 0 595 842]", b"/MediaBox " + rng.choice(
            [b"[]", b"[0 0]", b"null", b"[0 0 1e308 1e308]", b"[(a) (b) (c) (d)]", b"[0 0 99999999999999999999 1]", b"7 0 R"]))
        what = "media box"
    elif kind == 13:
        n = rng.choice([301, 5000])
        base = len(objs) + 1
        kids = b" ".join(b"3 0 R" for _ in range(n))
        objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)
        what = f"{n} pages"
        del base
    elif kind == 14:
        objs[5] = (b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding " +
                   rng.choice([b"/Identity-H", b"/Bogus", b"7 0 R", b"<< /Differences [0 /a /b] >>"]) +
                   b" /DescendantFonts [<< /Subtype /CIDFontType2 /W [0 [" + b"500 " * 1000 + b"] 1 2147483647 700] >>]"
                   b" /ToUnicode 7 0 R >>")
        what = "composite font"
    else:
        objs[5] = b"<< /Type /Font /Subtype /Type1 /BaseFont /X /Encoding << /Differences [" + \
            rng.choice([b"2147483647 /a", b"-1 /b", b"0 " + b"/x " * 100000, b"(s) 1 2"]) + b"] >> >>"
        what = "font differences"
    data = pdf_file(objs, trailer)
    if rng.random() < 0.2:
        data = mutate_bytes(data, rng)
        what += " + bytes"
    return data, "hostile pdf: " + what


_BOMBS: dict[int, bytes] = {}


def _bomb(size: int) -> bytes:
    if size not in _BOMBS:
        c = zlib.compressobj(9)
        chunk = b"BT /F1 12 Tf 72 700 Td (x) Tj ET\n" + b" " * (1 << 20)
        parts = [c.compress(chunk[: min(len(chunk), size - n)]) for n in range(0, size, len(chunk))]
        _BOMBS[size] = b"".join(parts) + c.flush()
    return _BOMBS[size]


def mutate_pdf(seed: bytes, rng: random.Random, others: list[bytes]) -> tuple[bytes, str]:
    r = rng.random()
    if r < 0.25:
        return _hostile_pdf(rng)
    if r < 0.28:
        try:
            return _real_encryption(seed, rng)
        except Exception as exc:  # pypdf could not read the seed or lacks the cipher: damage bytes instead
            return mutate_bytes(seed, rng, others), f"pdf bytes (no encryption: {exc.__class__.__name__})"
    if r < 0.55:
        return mutate_bytes(seed, rng, others), "pdf bytes"
    data, what = seed, []
    for _ in range(rng.choice([1, 1, 2, 3])):
        data, did = _mutate_pdf_text(data, rng)
        what.append(did)
    if rng.random() < 0.6:
        data = rebuild_xref(data)
        what.append("xref rebuilt")
    return data[:MAX_OUTPUT], "pdf " + "; ".join(what)


# -- .md ----------------------------------------------------------------------------------------------
MD_TOKENS = ["|", "| --- ", "**", "*", "_", "- ", "+ ", "* ", "  ", "\t", "1. ", "a) ", "Điều 1. ", "Chương I", "Khoản 1",
             "Mục 1", "PHỤ LỤC", "Nơi nhận:", "Số: 1/KH-UBND", "V/v ", "<sup>1</sup>", "[^1]", "[^1]: ", "# ", "> ",
             "```", "(", ")", "[", "]", ".", "…", ";", ":", "/", "-", "0", "9", "ngày 31 tháng 12 năm 2025 ",
             "trước ngày 30/6/2025 ", "hằng tháng ", "chủ trì ", "phối hợp ", "UBND tỉnh ", "Sở Nội vụ ", "\u0301",
             "\u00a0", "\u200b", "\ufeff", "Ⅻ", "ǅ", "ﬁ", "𝐀", "\\", "<", ">", "&", "=", "QUYẾT ĐỊNH", "LUẬT ",
             "KẾ HOẠCH", "Điều ", "CHƯƠNG ", "M", "I", "X", "khoản 1 Điều 2 ", "điểm a khoản 1 Điều 2 Luật số 1/2020/QH14 ",
             "Nghị định số 30/2020/NĐ-CP ", "1.1.", "a a ", "ngày ", "/QĐ-", "Số:", "TM. ", "KT. CHỦ TỊCH", "**Điều 1.**",
             "1/1/1/", "30/6", "Quý I ", "6 tháng đầu năm ", "hoàn thành ", "trước ", "|:---:|", "---", "***", "~~~"]


def _hostile_markdown(rng: random.Random) -> tuple[str, str]:
    kind = rng.randrange(10)
    if kind == 0:
        depth = rng.choice([100, 1000, 2500])  # the text grows with the square of the depth
        return "KẾ HOẠCH\n\n" + "".join("  " * i + "- mục con\n" for i in range(depth)), f"bullets {depth} deep"
    if kind == 1:
        cols, rows = rng.choice([(500, 10), (20, 20000), (2000, 50)])
        head = "| " + " | ".join(f"Cột {i}" for i in range(cols)) + " |\n|" + "---|" * cols + "\n"
        row = "| " + " | ".join(rng.choice(["1", "Sở Nội vụ", "Trước 30/6/2025", ""]) for _ in range(cols)) + " |\n"
        return "KẾ HOẠCH\n\n" + head + row * rows, f"table {cols}x{rows}"
    if kind == 2:
        n = rng.choice([100_000, 1_000_000, 4_000_000])
        return "CHỈ THỊ\n\n" + rng.choice(MD_TOKENS) * (n // 4) + "\n", f"enormous line ~{n}"
    if kind == 3:
        n = rng.choice([10_000, 200_000])
        return "LUẬT\n\n" + "".join(f"Điều {i}. Điều khoản {i}\n{i}. khoản\na) điểm\n" for i in range(n)), f"{n} articles"
    if kind == 4:
        n = rng.choice([1000, 50_000])
        return "".join("#" * (1 + i % 200) + f" Tiêu đề {i}\n" for i in range(n)), "headings"
    if kind == 5:
        return "> " * rng.choice([1000, 100_000]) + "Kính gửi\n", "deep quote"
    if kind == 6:
        big = rng.choice(NUMBERS[4:14])
        return (f"QUYẾT ĐỊNH\n\nĐiều {big}. x\n\nChương {'M' * 5000}\n\n{big}. Sở Nội vụ trước ngày {big}/{big}/{big}\n\n"
                f"ngày {big} tháng {big} năm {big}\n\nSố: {big}/{big}/QĐ-UBND\n"), "huge numbers"
    if kind == 7:
        tokens = [rng.choice(MD_TOKENS) for _ in range(rng.choice([1000, 100_000]))]
        return "".join(tokens), "token soup"
    if kind == 8:
        n = rng.choice([10_000, 100_000])
        return "CÔNG VĂN\n\n" + "".join(f"Nội dung<sup>{i}</sup> [^{i}]\n\n[^{i}]: chú thích {i}\n" for i in range(n)), "footnotes"
    return ("KẾ HOẠCH\n" + rng.choice(["\r", "\u2028", "\x0c", "\x85", "\x0b", "\r\r\n"]).join(
        ["1. Sở Nội vụ", "a) chủ trì", "- phối hợp"] * 10000)), "odd line ends"


def mutate_markdown(seed: bytes, rng: random.Random, others: list[bytes]) -> tuple[bytes, str]:
    r = rng.random()
    if r < 0.2:
        text, hostile = _hostile_markdown(rng)
        data, enc = _encode_md(text, rng)
        return data[:MAX_OUTPUT], "hostile md: " + hostile + enc
    if r < 0.4:
        return mutate_bytes(seed, rng, others), "md bytes"
    text = seed.decode("utf-8", "replace")
    lines = text.split("\n")
    what: list[str] = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        op = rng.randrange(9)
        at = rng.randrange(len(lines) + 1)
        if op == 0:
            piece = rng.choice(MD_TOKENS)
            lines.insert(at, piece * rng.choice([10, 100, 1000, 10_000, 100_000, 1_000_000 // max(1, len(piece))]))
            what.append("long line")
        elif op == 1:
            lines[at:at] = ["  " * i + rng.choice(["- ", "+ ", "* ", "1. ", "a) "]) + "mục"
                            for i in range(rng.choice([5, 50, 500, 2000]))]
            what.append("deep bullets")
        elif op == 2 and lines:
            k = rng.randrange(len(lines))
            lines[k:k] = [lines[k]] * min(rng.choice([2, 10, 100, 1000, 50_000]), 2_000_000 // (len(lines[k]) + 1))
            what.append("repeated line")
        elif op == 3:
            cols = rng.choice([3, 3, 10, 50, 1000])
            rows = rng.choice([2, 10, 100, 5000])
            if cols * rows > 500_000:
                rows = 500_000 // cols
            table = ["| " + " | ".join("ô" for _ in range(cols)) + " |", "|" + "---|" * cols]
            table += ["| " + " | ".join(rng.choice(["1", "x", "", "|", "**b**"]) for _ in range(rng.choice([1, cols, cols * 2])))
                      + " |" for _ in range(rows)]
            lines[at:at] = table
            what.append("table")
        elif op == 4:
            rng.shuffle(lines)
            what.append("shuffled")
        elif op == 5:
            digits = list(re.finditer(r"\d+", "\n".join(lines)))
            joined = "\n".join(lines)
            for m in sorted(rng.sample(digits, min(len(digits), 10)), key=lambda m: -m.start()):
                joined = joined[:m.start()] + rng.choice(NUMBERS) + joined[m.end():]
            lines = joined.split("\n")
            what.append("numbers")
        elif op == 6:
            lines = unicodedata.normalize(rng.choice(["NFD", "NFKD", "NFKC"]), "\n".join(lines)).split("\n")
            what.append("normalised")
        elif op == 7:
            sep = rng.choice(["\r", "\u2028", "\x0c", "\x85", "\x1c"])
            lines = sep.join(lines).split("\n")
            what.append(f"line end {sep!r}")
        else:
            k = rng.randrange(len(lines)) if lines else 0
            if lines:
                s = lines[k]
                i = rng.randrange(len(s) + 1)
                lines[k] = s[:i] + rng.choice(["\x00", "\x01", "\ufffe", "\u0000\u0301", "\ud7ff", "\U0010ffff", "\x7f"]) + s[i:]
            what.append("control character")
    data, enc = _encode_md("\n".join(lines), rng)
    return data[:MAX_OUTPUT], "md " + "; ".join(what) + enc


def _encode_md(text: str, rng: random.Random) -> tuple[bytes, str]:
    r = rng.random()
    if r < 0.9:
        return text.encode("utf-8", "surrogatepass"), ""
    if r < 0.95:
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass"), " (BOM)"
    enc = rng.choice(["utf-16", "cp1258", "latin-1", "utf-32"])
    return text.encode(enc, "replace"), f" ({enc})"


# -- one input ----------------------------------------------------------------------------------------
@dataclass
class Case:
    suffix: str
    data: bytes
    seed: str
    what: str


class Mutator:
    def __init__(self, seeds: list[Seed], rng: random.Random, secret_path: str) -> None:
        self.rng = rng
        self.secret_path = secret_path
        self.by_suffix: dict[str, list[Seed]] = {}
        for s in seeds:
            self.by_suffix.setdefault(".md" if s.suffix == ".txt" else s.suffix, []).append(s)
        self.formats = [f for f in FORMATS if self.by_suffix.get(f)]
        if not self.formats:
            raise ValueError("no seed files")

    def next(self) -> Case:
        rng = self.rng
        suffix = rng.choice(self.formats)
        seeds = self.by_suffix[suffix]
        seed = rng.choice(seeds)
        others = [s.data for s in seeds]
        try:
            if suffix == ".docx":
                data, what = mutate_docx(seed.data, rng, self.secret_path, others)
            elif suffix == ".pdf":
                data, what = mutate_pdf(seed.data, rng, others)
            else:
                data, what = mutate_markdown(seed.data, rng, others)
        except Exception as exc:  # a mutator's own bug must not stop the run: say so, damage bytes instead
            print(f"fuzz: mutator error {exc.__class__.__name__}: {exc}", file=sys.stderr)
            data, what = mutate_bytes(seed.data, rng, others), "bytes (mutator error)"
        return Case(suffix, data, seed.name, what)


@dataclass
class Outcome:
    status: str  # read | refused | crash | unnamed | leak | hang | died
    error: str = ""  # exception type
    message: str = ""
    trace: str = ""
    where: str = ""  # the innermost frame: file:line function
    seconds: float = 0.0


def _innermost(tb: Any) -> str:
    frames = traceback.extract_tb(tb)
    if not frames:
        return ""
    f = frames[-1]
    return f"{Path(f.filename).name}:{f.lineno} {f.name}"


def check_file(path: Path, leak_check: bool = False) -> Outcome:
    """Feed one file to load_document: what came out."""
    from retrieval.documents.ingest import load_document
    from retrieval.documents.readers import ParseError, read_file

    started = time.monotonic()
    try:
        load_document(path)
        if leak_check:
            raw = read_file(path)
            texts = [b.text for b in raw.blocks] + [c.text for b in raw.blocks for r in b.rows for c in r]
            texts += [f.text for f in raw.footnotes] + raw.lines
            if any(SECRET in t for t in texts):
                return Outcome("leak", "XXE", "the text of an external entity was read into the document",
                               seconds=time.monotonic() - started)
        return Outcome("read", seconds=time.monotonic() - started)
    except ParseError as exc:
        seconds = time.monotonic() - started
        if not str(exc).startswith(path.name):
            return Outcome("unnamed", "ParseError", str(exc)[:500], traceback.format_exc(limit=-8),
                           _innermost(exc.__traceback__), seconds)
        return Outcome("refused", "ParseError", str(exc)[:300], seconds=seconds)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        return Outcome("crash", exc.__class__.__name__, str(exc)[:500], traceback.format_exc(limit=-12),
                       _innermost(exc.__traceback__), time.monotonic() - started)


def _context() -> Any:
    """Workers start from a small fresh process (forkserver), not as forks of the caller: a
    fork of a process that already maps gigabytes (a test session with models loaded) would
    hit the memory cap at its first allocation or stack growth, and count the file as a crash."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _worker(conn: Connection, mem_mb: int) -> None:
    import logging
    import warnings

    if mem_mb:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (mem_mb * 2 ** 20, mem_mb * 2 ** 20))
        except (ImportError, ValueError, OSError):
            pass
    logging.disable(logging.CRITICAL)  # pypdf's warnings about damaged files
    warnings.simplefilter("ignore")
    sys.stderr = open(os.devnull, "w")
    from retrieval.documents import ingest  # noqa: F401  (imported once, before the first input is timed)

    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        path, leak_check = job
        conn.send(check_file(Path(path), leak_check))


# -- the run -----------------------------------------------------------------------------------------
@dataclass
class Failure:
    case: Case
    outcome: Outcome
    saved: Path | None = None

    def signature(self) -> tuple[str, str, str]:
        return self.outcome.status, self.outcome.error, self.outcome.where


@dataclass
class Report:
    seed: int
    seconds: float = 0.0
    tried: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    slow: list[tuple[float, str, str]] = field(default_factory=list)  # seconds, suffix, what
    refusals: Counter[str] = field(default_factory=Counter)  # the kinds of ParseError seen

    @property
    def total(self) -> int:
        return sum(self.tried.values())

    def summary(self) -> str:
        per = ", ".join(f"{s} {self.tried[s]}" for s in FORMATS if self.tried[s])
        crashes = sum(1 for f in self.failures if f.outcome.status != "hang")
        hangs = sum(1 for f in self.failures if f.outcome.status == "hang")
        return (f"fuzz: {self.total} inputs in {self.seconds:.0f} s ({per}); seed {self.seed}: "
                f"{self.outcomes['read']} read, {self.outcomes['refused']} refused with ParseError, "
                f"{crashes} crashes, {hangs} hangs ({len(self.slow)} inputs took over {SLOW_SECONDS:.0f} s)")

    def details(self) -> str:
        lines = []
        groups: dict[tuple[str, str, str], list[Failure]] = {}
        for f in self.failures:
            groups.setdefault(f.signature(), []).append(f)
        for (status, error, where), fs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            first = fs[0]
            lines.append(f"  {status.upper()} x{len(fs)}: {error} at {where or '?'}: {first.outcome.message[:200]}")
            lines.append(f"    input: {first.case.suffix} from {first.case.seed} ({first.case.what[:160]})"
                         + (f" -> {first.saved}" if first.saved else ""))
        if self.slow:
            worst = sorted(self.slow, reverse=True)[:5]
            lines.append("  slowest (not failures): " + "; ".join(f"{s:.1f} s {suf} {w[:60]}" for s, suf, w in worst))
        return "\n".join(lines)


def _save(case: Case, outcome: Outcome, crash_dir: Path) -> Path | None:
    try:
        crash_dir.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha1(case.data).hexdigest()[:12]
        path = crash_dir / f"{outcome.status}-{digest}{case.suffix}"
        path.write_bytes(case.data)
        path.with_suffix(path.suffix + ".txt").write_text(
            f"status: {outcome.status}\nerror: {outcome.error}: {outcome.message}\nwhere: {outcome.where}\n"
            f"seed file: {case.seed}\nmutation: {case.what}\nseconds: {outcome.seconds:.2f}\n\n{outcome.trace}",
            encoding="utf-8")
        return path
    except OSError:
        return None


class _Slot:
    def __init__(self, ctx: Any, index: int, tmp: Path, mem_mb: int) -> None:
        self.ctx, self.index, self.tmp, self.mem_mb = ctx, index, tmp, mem_mb
        self.job: tuple[Case, float] | None = None
        self.start()

    def start(self) -> None:
        parent, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_worker, args=(child, self.mem_mb), daemon=True)
        self.proc.start()
        child.close()
        self.conn: Connection = parent

    def restart(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()
        self.start()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(2)
        self.conn.close()


def run(seconds: float = 60.0, seed: int | None = None, timeout: float = 30.0, workers: int | None = None,
        max_inputs: int | None = None, seeds: list[Seed] | None = None, crash_dir: Path | None = CRASH_DIR,
        mem_mb: int = 2048, progress: Callable[[str], None] | None = None) -> Report:
    """Fuzz for `seconds` (or `max_inputs` inputs): every failure is in the report."""
    seed = random.SystemRandom().randrange(2 ** 32) if seed is None else seed
    rng = random.Random(seed)
    report = Report(seed)
    tmp = Path(tempfile.mkdtemp(prefix="fuzz-"))
    secret = tmp / "secret.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    mutator = Mutator(seeds if seeds is not None else collect_seeds(), rng, str(secret))
    ctx = _context()
    slots = [_Slot(ctx, i, tmp, mem_mb) for i in range(max(1, workers or os.cpu_count() or 1))]
    started = time.monotonic()
    deadline = started + seconds
    last_note = started
    made = 0

    def record(slot: _Slot, outcome: Outcome) -> None:
        assert slot.job is not None
        case = slot.job[0]
        slot.job = None
        report.tried[case.suffix] += 1
        report.outcomes[outcome.status] += 1
        if outcome.status == "refused":
            report.refusals[re.sub(r"\d+", "N", outcome.message.split(": ", 1)[-1])[:60]] += 1
        if outcome.seconds > SLOW_SECONDS:
            report.slow.append((outcome.seconds, case.suffix, case.what))
        if outcome.status not in ("read", "refused"):
            saved = _save(case, outcome, crash_dir) if crash_dir is not None else None
            report.failures.append(Failure(case, outcome, saved))
            if progress:
                progress(f"fuzz: {outcome.status} {outcome.error} at {outcome.where}: {outcome.message[:120]} "
                         f"({case.suffix}, {case.what[:80]})")

    try:
        while True:
            now = time.monotonic()
            more = now < deadline and (max_inputs is None or made < max_inputs)
            for slot in slots:
                if slot.job is None and more:
                    case = mutator.next()
                    path = slot.tmp / f"dot-bien-{slot.index}{case.suffix}"
                    path.write_bytes(case.data)
                    slot.job = (case, time.monotonic())
                    made += 1
                    try:
                        slot.conn.send((str(path), "entit" in case.what))
                    except (OSError, ValueError):
                        record(slot, Outcome("died", "worker", "the worker was gone before the input was sent"))
                        slot.restart()
            busy = [s for s in slots if s.job is not None]
            if not busy and not more:
                break
            ready = wait([s.conn for s in busy], timeout=0.05)
            for slot in busy:
                assert slot.job is not None
                if slot.conn in ready:
                    try:
                        record(slot, slot.conn.recv())
                    except (EOFError, OSError):
                        slot.proc.join(1)
                        code = slot.proc.exitcode
                        record(slot, Outcome("died", f"exit {code}",
                                             "the worker process died (signal, or the memory cap of "
                                             f"{mem_mb} MB when negative)", where="worker"))
                        slot.restart()
                elif time.monotonic() - slot.job[1] > timeout:
                    record(slot, Outcome("hang", "Timeout", f"still running after {timeout:.0f} s", where="worker",
                                         seconds=timeout))
                    slot.restart()
            if progress and time.monotonic() - last_note > 15:
                last_note = time.monotonic()
                progress(f"fuzz: {sum(report.tried.values())} inputs, {len(report.failures)} failures so far")
    finally:
        for slot in slots:
            slot.stop()
        report.seconds = time.monotonic() - started
        shutil.rmtree(tmp, ignore_errors=True)
    return report


def replay(paths: list[Path], timeout: float = 30.0) -> int:
    """Feed saved inputs again (a file or a directory of them): how many still fail."""
    files: list[Path] = []
    for p in paths:
        files += sorted(q for q in p.iterdir() if q.suffix.lower() in FORMATS) if p.is_dir() else [p]
    failing = 0
    ctx = _context()
    for f in files:
        with tempfile.TemporaryDirectory() as tmp:
            slot = _Slot(ctx, 0, Path(tmp), 2048)
            slot.conn.send((str(f), True))
            if slot.conn.poll(timeout):
                try:
                    out: Outcome = slot.conn.recv()
                except EOFError:
                    out = Outcome("died", "worker")
            else:
                out = Outcome("hang", "Timeout", f"still running after {timeout:.0f} s")
            if out.status == "hang":
                slot.proc.kill()
            slot.stop()
        bad = out.status not in ("read", "refused")
        failing += bad
        print(f"{'FAIL' if bad else 'ok  '} {f.name}: {out.status} {out.error} {out.where} {out.message[:160]}")
    return failing


def main(argv: list[str] | None = None) -> int:
    env = os.environ
    ap = argparse.ArgumentParser(prog="python -m retrieval.dev.fuzz", description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--seconds", type=float, default=float(env.get("FUZZ_SECONDS", 60)))
    ap.add_argument("--seed", type=int, default=int(env["FUZZ_SEED"]) if env.get("FUZZ_SEED") else None)
    ap.add_argument("--timeout", type=float, default=float(env.get("FUZZ_TIMEOUT", 30)), help="seconds per input")
    ap.add_argument("--workers", type=int, default=int(env["FUZZ_WORKERS"]) if env.get("FUZZ_WORKERS") else None)
    ap.add_argument("--inputs", type=int, default=int(env["FUZZ_INPUTS"]) if env.get("FUZZ_INPUTS") else None,
                    help="stop after this many inputs")
    ap.add_argument("--no-shared", action="store_true", help="seeds from this repository only")
    ap.add_argument("--replay", nargs="+", type=Path, help="feed saved inputs (files or directories) again")
    args = ap.parse_args(argv)
    if args.replay:
        return 1 if replay(args.replay, args.timeout) else 0
    seeds = collect_seeds(None if args.no_shared else SHARED)
    counts = Counter(".md" if s.suffix == ".txt" else s.suffix for s in seeds)
    shared_note = "" if args.no_shared or SHARED.is_dir() else f" ({SHARED} not found: repository seeds only)"
    print(f"fuzz: {len(seeds)} seed files ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}){shared_note}; "
          f"{args.seconds:.0f} s, {args.timeout:.0f} s per input", flush=True)
    report = run(args.seconds, args.seed, args.timeout, args.workers, args.inputs, seeds,
                 progress=lambda s: print(s, file=sys.stderr, flush=True))
    details = report.details()
    if details:
        print(details)
    print(report.summary())
    if report.failures:
        print(f"fuzz: FAILED — inputs saved under {CRASH_DIR.relative_to(ROOT)}/ "
              f"(replay: python -m retrieval.dev.fuzz --replay {CRASH_DIR.relative_to(ROOT)})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
