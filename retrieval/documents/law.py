"""Parse a law into articles, from the benchmark's Markdown or from real portal exports.

Real files are messy: "Điều 1 " without a period, "Điều 1." with the heading on the next
line or no heading at all, chapter headings ("Chương I" then an upper-case title, or both
on one line), multi-line upper-case titles, amending laws that quote whole articles
(“Điều 5. …” inside quotes belongs to the article that quotes it).
"""

from __future__ import annotations

import re
from pathlib import Path

from retrieval.documents.model import Article, Law
from retrieval.documents.readers.blocks import ParseError
from retrieval.lang.text import nfc

_ARTICLE_RE = re.compile(r"^Điều\s+(\d+[a-zđ]?)\s*(?:[.:]\s*|\s+|$)(.*)$")
_CHAPTER_RE = re.compile(r"^(Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+([IVXLC]+|\d+)\b[.:]?\s*(.*)$")
# greedy title: "Luật Sửa đổi, bổ sung một số điều … số 01/2021/QH15" splits at the last "số"
_PORTAL_TITLE_RE = re.compile(
    r"^((?:Bộ luật|Luật|Hiến pháp|Pháp lệnh|Nghị định|Nghị quyết)\b.*)\s+(?:số|SỐ)\s*[:]?\s*(\d[\w/.\- ]*|Không số)\s*$"
)
_ENACTED_RE = re.compile(r"^(Luật|Bộ luật|Hiến pháp) này (đã )?được Quốc hội .*thông qua")
_RULE_RE = re.compile(r"^[_\-*=.…]{3,}$")
_LAW_WORDS = ("BỘ LUẬT", "LUẬT", "HIẾN PHÁP", "PHÁP LỆNH")
_BOILERPLATE = re.compile(
    r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập|-{3,}|_{3,}|\*{3,}|Nguồn:|QUỐC HỘI$|Căn cứ|Quốc hội ban hành)", re.IGNORECASE
)


def _doc_id(source: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", Path(source).stem.lower()).strip("-")


def _sentence_case(text: str) -> str:
    low = text.lower()
    return low[:1].upper() + low[1:]


def _is_upper_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _looks_like_heading(line: str) -> bool:
    """The line after a bare "Điều 3." is its heading only if it reads like one."""
    return (
        len(line) <= 160
        and not line.endswith((".", ";", ":", ","))
        and not re.match(r"^(\d+\.|[a-zđ]\)|-|“|\")", line)
    )


def parse_law_lines(lines: list[str], source: str, title: str | None = None) -> Law:
    # Markdown emphasis is not text: "**LUẬT**", "**Điều 1.** Phạm vi"
    lines = [re.sub(r"\s+", " ", nfc(x).replace("**", "")).strip() for x in lines]
    lines = [x for x in lines if x]
    if not lines:
        raise ParseError(f"{source}: the file is empty")
    number = ""
    start = 0
    if lines[0].startswith("# "):
        title = title or lines[0][2:].strip()
        start = 1
    if title is None:
        title, number = _title_from_header(lines)
    if title:
        m = _PORTAL_TITLE_RE.match(title)
        if m and not number:
            title, number = m.group(1).strip(), m.group(2).strip()
        if number.lower().startswith("không"):
            number = ""

    articles: list[Article] = []
    preamble: list[str] = []
    chapter: str | None = None
    pending_chapter = False
    current: Article | None = None
    expect_heading = False
    quoted = 0  # open “ quotations: an amending law quoting the text it inserts
    for line in lines[start:]:
        if _RULE_RE.match(line):
            continue
        if current is not None and _ENACTED_RE.match(line):
            break  # what follows is the signature block
        if current is not None and quoted:
            # “Mục 8 / TỔ HỢP … / Điều 45a. … / … Điều này.”: the quoted section, its heading and
            # its articles are the text of the article that inserts them, not articles of this law
            current.paragraphs.append(line)
            quoted = _quote_depth(line, quoted)
            continue
        am = _ARTICLE_RE.match(line)
        if am and am.group(2)[:1].islower() and current is not None and current.paragraphs:
            # "… quy định tại" / "Điều 169 của Luật này." is a wrapped line, not an article
            current.paragraphs[-1] += " " + line
            continue
        if am:
            heading = am.group(2).strip()
            body: list[str] = []
            if heading and not _looks_like_heading(heading):
                body, heading = [heading], ""
            current = Article(am.group(1), heading.rstrip("."), body, chapter)
            articles.append(current)
            expect_heading = not heading and not body
            pending_chapter = False
            continue
        cm = _CHAPTER_RE.match(line)
        if cm and (cm.group(3) == "" or _is_upper_heading(cm.group(3)) or len(cm.group(3)) < 120):
            chapter = f"{cm.group(1).capitalize()} {cm.group(2)}" + (f". {cm.group(3)}" if cm.group(3) else "")
            pending_chapter = not cm.group(3)
            continue
        if pending_chapter and _is_upper_heading(line):
            chapter = f"{chapter}. {line}"
            pending_chapter = False
            continue
        pending_chapter = False
        if current is None:
            preamble.append(line)
            continue
        if expect_heading and _looks_like_heading(line):
            current.heading = line.rstrip(".")
            expect_heading = False
            continue
        expect_heading = False
        if _is_upper_heading(line) and not line.startswith(("“", '"')) and len(line) < 120:
            # chapter titles without "Chương", or the signer's title after the last article
            continue
        current.paragraphs.append(line)
        quoted = _quote_depth(line, quoted)
    if not articles:
        raise ParseError(f"{source}: no article (\"Điều N\") found; is this a law?")
    if not title:
        title = Path(source).stem
    return Law(_doc_id(source), Path(source).name, title, number, articles, preamble)


def _quote_depth(line: str, depth: int) -> int:
    """Open “…” quotations after `line`; a quotation may run over many lines."""
    return max(0, depth + line.count("“") - line.count("”"))


def _title_from_header(lines: list[str]) -> tuple[str, str]:
    """Title and number from a portal export's header, or its upper-case title block."""
    for line in lines[:8]:
        m = _PORTAL_TITLE_RE.match(line)
        if m:
            return m.group(1).strip(), m.group(2).strip()
    # "LUẬT" then one or more upper-case lines: "SỬA ĐỔI, BỔ SUNG …", "QUỐC PHÒNG, …"
    for i, line in enumerate(lines[:30]):
        if line.upper() in _LAW_WORDS or any(line.startswith(w + " ") for w in _LAW_WORDS):
            parts = [line]
            for nxt in lines[i + 1 : i + 5]:
                if _is_upper_heading(nxt) and not _BOILERPLATE.match(nxt) and not nxt.startswith("SỐ "):
                    parts.append(nxt)
                else:
                    break
            text = " ".join(parts)
            number = ""
            nm = re.search(r"\s+SỐ\s*:?\s*(\S*\d\S*)?\s*$", text)
            if nm:
                number = nm.group(1) or ""
                text = text[: nm.start()]
            # "BỘ LUẬT DÂN SỰ" -> "Bộ luật dân sự", "PHÁP LỆNH …" -> "Pháp lệnh …", "LUẬT CẢNH VỆ" -> "Luật Cảnh vệ"
            first = next(w for w in sorted(_LAW_WORDS, key=len, reverse=True) if text.startswith(w))
            rest = text[len(first):].strip()
            return (_sentence_case(first) + (" " + _sentence_case(rest) if rest else "")).strip(), number
    return "", ""


def parse_law_markdown(text: str, source: str) -> Law:
    return parse_law_lines(text.replace("\r\n", "\n").split("\n"), source)
