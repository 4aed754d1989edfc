"""One structure parser for every reader: a `RawDocument`'s blocks into an `AdminDocument`.

The parts Nghị định 30/2020/NĐ-CP prescribes are recognised by what they say, not by
where a particular file puts them: the header's furniture (national motto, rule lines)
is set apart; the issuing body, số/ký hiệu, place and date, urgency, type and trích yếu
are read in whatever order the reader delivers them (a .docx header table gives the left
column before the right one, Markdown gives them line by line); the body is a tree built
with one stack of open items ranked Phần > Chương > Mục > Điều > I. > 1. > 1.1. > a) > - > +.
A labelled line is a heading when it is set apart (bold, upper case, or short without a
final stop) and running text otherwise ("1. Sở Y tế chủ trì, … trước ngày 10/3/2026.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.documents.model import (
    NODE_RANKS,
    AdminDocument,
    DocNumber,
    Footnote,
    Header,
    IssueDate,
    Node,
    Reference,
    Signature,
    Table,
    TableRow,
)
from retrieval.documents.readers.blocks import Block, Cell, Origin, ParseError, RawDocument
from retrieval.documents.references import extract_references, merge_references
from retrieval.lang.lexicon import load_lexicon
from retrieval.lang.text import clean_inline, fold, nfc

# -- vocabulary of the format ------------------------------------------------------------------
# type titles as printed above the trích yếu, and the type codes of số/ký hiệu (NĐ 30, Phụ lục III)
TYPE_TITLES = {
    "CÔNG VĂN": "Công văn", "KẾ HOẠCH": "Kế hoạch", "QUYẾT ĐỊNH": "Quyết định", "CHỈ THỊ": "Chỉ thị",
    "THÔNG BÁO": "Thông báo", "BÁO CÁO": "Báo cáo", "TỜ TRÌNH": "Tờ trình", "QUY CHẾ": "Quy chế",
    "QUY ĐỊNH": "Quy định", "CHƯƠNG TRÌNH": "Chương trình", "CHƯƠNG TRÌNH HÀNH ĐỘNG": "Chương trình hành động",
    "NGHỊ QUYẾT": "Nghị quyết", "HƯỚNG DẪN": "Hướng dẫn", "ĐỀ ÁN": "Đề án", "PHƯƠNG ÁN": "Phương án",
    "KẾT LUẬN": "Kết luận", "CÔNG ĐIỆN": "Công điện", "GIẤY MỜI": "Giấy mời", "BIÊN BẢN": "Biên bản",
    "THÔNG CÁO": "Thông cáo", "NGHỊ ĐỊNH": "Nghị định", "THÔNG TƯ": "Thông tư", "ĐIỀU LỆ": "Điều lệ",
    "DỰ ÁN": "Dự án", "THÔNG TƯ LIÊN TỊCH": "Thông tư liên tịch", "LỆNH": "Lệnh", "SẮC LỆNH": "Sắc lệnh",
    # a party committee's (HD 36) and the agreements between two parties
    "THÔNG TRI": "Thông tri", "QUY CHẾ PHỐI HỢP": "Quy chế", "THÔNG CÁO BÁO CHÍ": "Thông cáo",
    "BẢN GHI NHỚ": "Bản ghi nhớ", "BẢN GHI NHỚ HỢP TÁC": "Bản ghi nhớ", "BẢN THỎA THUẬN": "Bản thỏa thuận",
    "THỎA THUẬN HỢP TÁC": "Bản thỏa thuận", "HỢP ĐỒNG": "Hợp đồng", "GIẤY GIỚI THIỆU": "Giấy giới thiệu",
    # issued jointly by two bodies
    "KẾ HOẠCH LIÊN TỊCH": "Kế hoạch", "NGHỊ QUYẾT LIÊN TỊCH": "Nghị quyết", "CHƯƠNG TRÌNH PHỐI HỢP": "Chương trình",
    "CHƯƠNG TRÌNH LIÊN TỊCH": "Chương trình", "QUY CHẾ LIÊN TỊCH": "Quy chế", "HƯỚNG DẪN LIÊN TỊCH": "Hướng dẫn",
}
LAW_TITLES = {"LUẬT": "Luật", "BỘ LUẬT": "Bộ luật", "HIẾN PHÁP": "Hiến pháp", "PHÁP LỆNH": "Pháp lệnh"}
TYPE_CODES = {
    "KH": "Kế hoạch", "QĐ": "Quyết định", "CT": "Chỉ thị", "TB": "Thông báo", "BC": "Báo cáo", "TTR": "Tờ trình",
    "QC": "Quy chế", "QYĐ": "Quy định", "CTR": "Chương trình", "NQ": "Nghị quyết", "HD": "Hướng dẫn",
    "ĐA": "Đề án", "PA": "Phương án", "KL": "Kết luận", "CĐ": "Công điện", "GM": "Giấy mời", "BB": "Biên bản",
    "TC": "Thông cáo", "NĐ": "Nghị định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch", "DA": "Dự án",
    "QH": "Luật", "L": "Luật", "BGN": "Bản ghi nhớ", "TCBC": "Thông cáo", "QCPH": "Quy chế", "HĐ": "Hợp đồng",
    "GGT": "Giấy giới thiệu", "KHLT": "Kế hoạch", "NQLT": "Nghị quyết", "CTPH": "Chương trình", "HDLT": "Hướng dẫn",
}
# the kind a header gets when its title is "PHỤ LỤC": folded into the document it is attached to
APPENDIX_KIND = "Phụ lục"
# a party committee's number ("05-TT/TU") uses some codes for its own kinds
PARTY_TYPE_CODES = {"TT": "Thông tri"}
URGENCY = {"HỎA TỐC": "Hỏa tốc", "HOẢ TỐC": "Hỏa tốc", "THƯỢNG KHẨN": "Thượng khẩn", "KHẨN": "Khẩn"}
SECRECY = {"MẬT": "Mật", "TỐI MẬT": "Tối mật", "TUYỆT MẬT": "Tuyệt mật"}
# parts whose sentences describe (results, shortcomings, aims, scope) rather than assign
# the national motto, and the party's (a party body's documents carry "ĐẢNG CỘNG SẢN VIỆT NAM" instead)
_MOTTO = re.compile(r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI|Độc\s+lập\s*[-–]\s*Tự\s+do|^ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM\s*$|"
                    r"^[-_*=~.…―─—–━‒\s]{3,}$|^\s*\*{1,3}\s*$", re.IGNORECASE)
_NUMBER_LINE = re.compile(r"^(?:[\w ]{0,12}\s)?Số\s*(?:và\s+ký\s+hiệu)?\s*:?\s*(\S*)\s*$", re.IGNORECASE)
_PLACE_DATE = re.compile(
    r"^(?P<place>[^,\d]{2,40}),\s*ngày\s*(?P<d>\d{0,2})\s*tháng\s*(?P<m>\d{0,2})\s*năm\s*(?P<y>\d{4})", re.IGNORECASE
)
_TRICH_YEU = re.compile(r"^(?:V/v|Về\s+việc)\b", re.IGNORECASE)
_NUMBER_THEN_SUBJECT = re.compile(r"^(Số\s*:?\s*\S+)\s+((?:V/v|Về\s+việc)\b.+)$", re.IGNORECASE)
# a scan's two header columns read as one line: "Số: 09/BGN-SKHCN Hưng Yên, ngày 28 tháng 8 năm 2026"
_NUMBER_THEN_DATE = re.compile(r"^(Số\s*:?\s*\S+)\s+([^,\d]{2,40},\s*ngày\s.+)$", re.IGNORECASE)
# a title line that names the type and goes on with its number, date or trích yếu, as a portal or a
# Markdown export prints it: "# Quyết định ban hành Quy chế …", "Kế hoạch số 12/KH-UBND ngày 03/01/2025 về …"
_TITLED = re.compile(
    r"^(?P<type>" + "|".join(sorted((re.escape(t).replace(r"\ ", r"\s+") for t in TYPE_TITLES), key=len, reverse=True))
    + r")(?:\s+(?:số\s*:?\s*)?(?P<number>\d{1,5}(?:/\d{4})?[/-][A-ZĐ][\wĐđ/-]*)(?:\s+năm\s+\d{4})?)?"
    r"(?:\s+ngày\s+(?P<date>(?P<d>\d{1,2})\s*(?:/|tháng)\s*(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>\d{4})))?"
    r"(?:\s+của\s+[^,]{2,80}?(?=\s+(?:về|V/v)\b))?"
    r"(?:\s*[:.–-]?\s+(?!số\b)(?P<subject>\S.*))?$", re.IGNORECASE | re.DOTALL)
_KINH_GUI = re.compile(r"^(?:Kính\s+gửi\s*:?|(?:[^:\n]{0,80}\s)?(?:trân\s+trọng\s+)?kính\s+mời\s*:)\s*(.*)$",
                       re.IGNORECASE | re.DOTALL)  # a giấy mời's "… trân trọng kính mời:" too
# a công điện names its sender and then its recipients: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:"
_DIEN = re.compile(r"^(?P<who>[^:\n]{3,150}?)\s+điện\s*:\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_NOI_NHAN = re.compile(r"^Nơi\s+nhận\s*:?\s*(.*)$", re.IGNORECASE | re.DOTALL)
_BASIS = re.compile(r"^(?:Căn\s+cứ|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Xét\s+(?:Tờ\s+trình|báo\s+cáo))\b", re.IGNORECASE)
_ENACTING = re.compile(r"^(QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|CHỈ\s+THỊ|BAN\s+HÀNH|RA\s+SẮC\s+LỆNH)\s*:\s*$", re.IGNORECASE)
_CAPACITY = re.compile(r"^(?:(TM|KT|TL|TUQ|Q)\.|[TK]/[ML])\s*\S", re.IGNORECASE)
_SIGNER_TITLES = (
    "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
    "CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "BỘ TRƯỞNG", "THỨ TRƯỞNG",
    "THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "BÍ THƯ", "PHÓ BÍ THƯ", "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "CỤC TRƯỞNG",
    "TỔNG CỤC TRƯỞNG", "HIỆU TRƯỞNG", "CHỦ NHIỆM", "TRƯỞNG ĐOÀN", "THỦ TRƯỞNG", "VIỆN TRƯỞNG",
)
# the parts people have in a meeting, by which the blocks of a minutes' signature open
_MEETING_ROLES = {"THƯ KÝ": "Thư ký", "CHỦ TRÌ": "Chủ trì", "CHỦ TỌA": "Chủ tọa", "NGƯỜI GHI BIÊN BẢN": "Người ghi biên bản",
                  "THƯ KÝ CUỘC HỌP": "Thư ký", "CHỦ TRÌ CUỘC HỌP": "Chủ trì"}
_TITLE_CASE = {
    "CHỦ TỊCH": "Chủ tịch", "PHÓ CHỦ TỊCH": "Phó Chủ tịch", "GIÁM ĐỐC": "Giám đốc", "PHÓ GIÁM ĐỐC": "Phó Giám đốc",
    "CHÁNH VĂN PHÒNG": "Chánh Văn phòng", "PHÓ CHÁNH VĂN PHÒNG": "Phó Chánh Văn phòng",
    "CHÁNH THANH TRA": "Chánh Thanh tra", "PHÓ CHÁNH THANH TRA": "Phó Chánh Thanh tra",
    "TRƯỞNG BAN": "Trưởng ban", "PHÓ TRƯỞNG BAN": "Phó Trưởng ban", "BỘ TRƯỞNG": "Bộ trưởng",
    "THỨ TRƯỞNG": "Thứ trưởng", "THỦ TƯỚNG": "Thủ tướng", "PHÓ THỦ TƯỚNG": "Phó Thủ tướng",
    "ỦY BAN NHÂN DÂN": "Ủy ban nhân dân", "UỶ BAN NHÂN DÂN": "Ủy ban nhân dân",
    "BÍ THƯ": "Bí thư", "PHÓ BÍ THƯ": "Phó Bí thư", "BAN THƯỜNG VỤ": "Ban Thường vụ",
    "THƯỜNG TRỰC": "Thường trực", "BAN CHẤP HÀNH": "Ban Chấp hành",
}
_APPENDIX = re.compile(r"^PHỤ\s+LỤC\b\s*(?P<label>[IVXLC]+|\d+|SỐ\s+\S+)?\s*[:.]?\s*(?P<rest>.*)$", re.DOTALL)
_ATTACHED = re.compile(r"^\(?\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo\s+(?P<what>.+?)\)?\s*$", re.DOTALL)
_CLOSING_MARK = re.compile(r"\.?\s*/\s*\.\s*$")  # "… thực hiện./."
_CONTACT = re.compile(r"^\(?\s*(Thông tin liên hệ|Đầu mối liên hệ|Liên hệ)\b", re.IGNORECASE)

# labels that open an item of the body tree
_LABELS: list[tuple[str, re.Pattern[str]]] = [
    ("part", re.compile(r"^(?:PHẦN|Phần)\s+(?P<label>THỨ\s+\S+|[Tt]hứ\s+\S+|[IVXLC]+|\d+)\s*[.:]?\s*(?P<rest>.*)$", re.DOTALL)),
    ("chapter", re.compile(r"^(?:CHƯƠNG|Chương)\s+(?P<label>[IVXLC]+|\d+)\s*[.:]?\s*(?P<rest>.*)$", re.DOTALL)),
    ("division", re.compile(r"^(?:MỤC|Mục)\s+(?P<label>\d+)\s*[.:]?\s*(?P<rest>.*)$", re.DOTALL)),
    ("article", re.compile(r"^Điều\s+(?P<label>\d+[a-zđ]?)\s*[.:]\s*(?P<rest>.*)$", re.DOTALL)),
    ("roman", re.compile(r"^(?P<label>[IVXL]{1,6})\s*[.)]\s+(?P<rest>.*)$", re.DOTALL)),
    ("subsubsection", re.compile(r"^(?P<label>\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+(?P<rest>.*)$", re.DOTALL)),
    ("subsection", re.compile(r"^(?P<label>\d{1,2}\.\d{1,2})\.?\s+(?P<rest>.*)$", re.DOTALL)),
    ("section", re.compile(r"^(?P<label>\d{1,2})\s*[.)]\s+(?P<rest>.*)$", re.DOTALL)),
    ("point", re.compile(r"^(?P<label>[a-zđ])\s*\)\s*(?P<rest>.*)$", re.DOTALL)),
    ("bullet", re.compile(r"^(?P<label>[-–—•])\s*(?P<rest>.*)$", re.DOTALL)),
    ("subbullet", re.compile(r"^(?P<label>\+)\s*(?P<rest>.*)$", re.DOTALL)),
]

def column_roles(headers: list[str]) -> list[str]:
    roles: list[str] = []
    lex = load_lexicon()  # the header words of each role are language data
    for h in headers:
        role = lex.column_role(clean_inline(h))
        if role in roles and role not in ("value", "note"):
            role = "value"
        roles.append(role)
    if "task" not in roles and "lead" in roles:
        # "Nội dung" may be missing from a header that says "Tên …": the widest text column is the task
        for i, r in enumerate(roles):
            if r == "value":
                roles[i] = "task"
                break
    return roles


_TOTAL = re.compile(r"^(?:tổng\s+cộng|tổng\s+số|tổng|cộng|toàn\s+tỉnh|toàn\s+bộ|bình\s+quân|điểm\s+trung\s+bình|trung\s+bình\s+chung)(?!\w)",
                    re.IGNORECASE)


# -- small readers ---------------------------------------------------------------------------
def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


_ONSETS = frozenset("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph q qu r s t th tr v x".split()) | {""}
_CODAS = frozenset("c ch m n ng nh p t".split()) | {""}
_VOWELS = re.compile(r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]+")


def _is_syllable(word: str) -> bool:
    """Whether a word can be one Vietnamese syllable ("TỊCH", "XÃ"), not an abbreviation ("UBND", "HĐND")."""
    w = word.lower()
    m = _VOWELS.search(w)
    if m is None or not w.isalpha():
        return False
    return w[: m.start()] in _ONSETS and w[m.end():] in _CODAS and _VOWELS.search(w, m.end()) is None


def _sentence_case(text: str) -> str:
    """"CHỦ TỊCH UBND XÃ" -> "Chủ tịch UBND xã": abbreviations keep their capitals."""
    words = [w if w.isupper() and len(w) > 1 and (not _is_syllable(w) or re.fullmatch(r"[IVXL]+", w)) else w.lower()
             for w in text.split(" ")]
    low = " ".join(words)
    return low[:1].upper() + low[1:]


def parse_number(text: str) -> DocNumber:
    """"68/KH-UBND", "1456/UBND-KGVX", "/UBND-NC", "35/2023/UBTVQH15", "28-CT/TU"."""
    t = clean_inline(text).strip().rstrip(".;,")
    t = re.sub(r"\s*([/-])\s*", r"\1", t)
    if not t:
        return DocNumber()
    m = re.match(r"^(?P<n>\d*)(?:/(?P<y>\d{4}))?[/-](?P<rest>.+)$", t)
    if not m:
        return DocNumber(text=t, number=t if t.isdigit() else "")
    parts = [p for p in re.split(r"[/-]", m.group("rest")) if p]
    dn = DocNumber(text=t, number=m.group("n"), year=m.group("y") or "")
    if parts and fold(parts[0]).upper() in {fold(k).upper() for k in TYPE_CODES}:
        dn.type_code = parts[0]
        parts = parts[1:]
    if parts:
        dn.issuer_code = parts[0]
        dn.unit_code = "-".join(parts[1:])
    return dn


def _kind_of_code(code: str) -> str:
    key = fold(code).upper()
    for k, v in TYPE_CODES.items():
        if fold(k).upper() == key:
            return v
    return ""


def _display_name(lines: list[str]) -> str:
    """"ỦY BAN NHÂN DÂN / TỈNH HƯNG YÊN" -> "UBND tỉnh Hưng Yên"; "VĂN PHÒNG" -> "Văn phòng"."""
    text = " ".join(x.strip() for x in lines if x.strip())
    if not _upper(text):
        return text
    text = re.sub(r"\b(?:ỦY|UỶ) BAN NHÂN DÂN\b", "UBND", text)
    text = re.sub(r"\bHỘI ĐỒNG NHÂN DÂN\b", "HĐND", text)
    # the Front's name is a proper name, each word capitalised: "Ủy ban Mặt trận Tổ quốc Việt Nam"
    text = re.sub(r"\b(?:ỦY|UỶ) BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\b", "UBMTTQ", text)
    out: list[str] = []
    words = text.split()
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("UBND", "HĐND"):
            out.append(w)
        elif w == "UBMTTQ":
            out.append("Ủy ban MTTQ Việt Nam")
        elif w in ("TỈNH", "HUYỆN", "THÀNH", "THỊ", "ĐẢNG", "QUẬN") and i + 1 < len(words) and words[i + 1] in ("ỦY", "UỶ"):
            # a party committee: "TỈNH ỦY HƯNG YÊN" is "Tỉnh ủy Hưng Yên", "ĐẢNG ỦY XÃ …" "Đảng ủy xã …"
            out.append((w[:1] + w[1:].lower() if not out else w.lower()) + " ủy")
            i += 2
            if i < len(words) and words[i] in ("XÃ", "PHƯỜNG", "HUYỆN", "TỈNH"):
                continue  # "ĐẢNG ỦY XÃ …": the place's kind and name follow
            out += [x[:1] + x[1:].lower() for x in words[i:]]  # the place's name: every syllable capitalised
            break
        elif w in ("TỈNH", "HUYỆN", "XÃ", "PHƯỜNG", "QUẬN") or (w in ("THÀNH", "THỊ") and i + 1 < len(words)):
            if w in ("THÀNH", "THỊ"):
                out.append(f"{w.lower()} {words[i + 1].lower()}")
                i += 1
            else:
                out.append(w.lower())
            # the place's name: every syllable capitalised
            j = i + 1
            while j < len(words):
                out.append(words[j][:1] + words[j][1:].lower())
                j += 1
            i = j
            continue
        else:
            out.append(w.lower() if out else w[:1] + w[1:].lower())
        i += 1
    name = " ".join(out)
    # "Văn phòng", "Sở nội vụ" -> the first word and the first word of a proper name capitalised
    name = re.sub(r"^(sở|ban|văn phòng|thanh tra|trung tâm|cục|bộ|đoàn|phòng|hội đồng)\s+(\w)",
                  lambda m: m.group(1).capitalize() + " " + m.group(2).upper(), name, flags=re.IGNORECASE)
    # the coordinated parts of a body's name too: "Sở Khoa học và Công nghệ", "Văn hóa, Thể thao và Du lịch"
    if re.match(r"^(Sở|Ban|Trung tâm|Cục|Bộ)\s", name):
        name = re.sub(r"(\s(?:và|-)\s|,\s)(\w)", lambda m: m.group(1) + m.group(2).upper(), name)
    return name[:1].upper() + name[1:]


def _issuer(lines: list[str], number: DocNumber, place: str | None) -> tuple[str, str]:
    """(parent body, issuing body) from the header's name lines."""
    body_words = ("VĂN PHÒNG", "SỞ ", "BAN ", "THANH TRA", "TRUNG TÂM", "PHÒNG ", "CỤC ", "ĐOÀN ", "HỘI ĐỒNG",
                  "BỘ CHỈ HUY", "CÔNG AN", "TRƯỜNG ", "ĐÀI ", "VIỆN ", "CHI CỤC", "ĐẢNG ỦY ", "ĐẢNG UỶ ")
    # the star under a party committee's name is no name, on its own line or run into the name
    names = [y for x in lines if (y := re.sub(r"(?:\s+[^\w\s]+)+\s*$", "", x)) and re.search(r"\w", y)]
    if len(names) == 1:
        # one line where the header printed two ("UBND TỈNH HƯNG YÊN VĂN PHÒNG", a copy that lost
        # its line break): split before the body that issues, after the place it belongs to
        m = re.search(r"\b(?:TỈNH|HUYỆN|XÃ|PHƯỜNG|THÀNH PHỐ)\s+\S+(?:\s+\S+)*?\s+(?=(?:" +
                      "|".join(re.escape(w.strip()) for w in body_words) + r")\b)", names[0])
        if m and _upper(names[0]):
            names = [names[0][: m.end()].strip(), names[0][m.end():].strip()]
    if len(names) >= 2 and names[0].upper().startswith("ĐẢNG BỘ") and \
            re.fullmatch(r"(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(?:ỦY|UỶ)", names[-1].strip().upper()):
        # "ĐẢNG BỘ TỈNH HƯNG YÊN / TỈNH ỦY": the committee is named by its Đảng bộ's place
        parent = _display_name(names[:-1])
        where = re.search(r"\b(?:tỉnh|thành phố|huyện|quận|thị xã)\s+(.+)$", parent)
        committee = _display_name(names[-1:])
        return parent, f"{committee} {where.group(1)}" if where else committee
    if len(names) >= 2:
        # "UBND TỈNH HƯNG YÊN" above "VĂN PHÒNG": the parent is a complete name, the issuer another
        for cut in range(1, len(names)):
            head, tail = names[:cut], names[cut:]
            if tail[0].upper().startswith(body_words) and re.search(r"\b(TỈNH|HUYỆN|XÃ|PHƯỜNG|THÀNH PHỐ|BỘ)\b", " ".join(head).upper()):
                parent = _display_name(head)
                issuer = _display_name(tail)
                if re.search(r"\b(tỉnh|huyện|xã|phường)\b", issuer):
                    return parent, issuer
                if issuer.lower().startswith("văn phòng") or re.search(r"\b(Tỉnh|Huyện|Thành|Đảng) ủy\b|\bMTTQ\b", parent):
                    # "Văn phòng UBND tỉnh Hưng Yên"; a party committee's own bodies carry its whole name:
                    # "Ban Thường vụ Tỉnh ủy Hưng Yên", "Ban Tổ chức Tỉnh ủy Hưng Yên"
                    return parent, f"{issuer} {parent}"
                locality = re.search(r"\b(tỉnh|huyện|xã|phường|thành phố)\s.+$", parent)
                return parent, f"{issuer} {locality.group(0)}" if locality else issuer  # "Sở Nội vụ tỉnh Hưng Yên"
    if names:
        return "", _display_name(names)
    code = fold(number.issuer_code).upper()
    by_code = {"UBND": "UBND", "VP": "Văn phòng UBND", "HDND": "HĐND", "TU": "Tỉnh ủy", "SNV": "Sở Nội vụ",
               "STP": "Sở Tư pháp", "VPCP": "Văn phòng Chính phủ"}
    base = by_code.get(code, number.issuer_code)
    if base in ("UBND", "Văn phòng UBND", "HĐND") and place:
        return "", f"{base} tỉnh {place}"
    return "", base


_AUTHORITY_HEADS = ("ỦY BAN", "UỶ BAN", "UBND", "HĐND", "HỘI ĐỒNG NHÂN DÂN", "CÔNG AN", "BỘ CHỈ HUY")
_PLACE_WORD = re.compile(r"\b(TỈNH|HUYỆN|XÃ|PHƯỜNG|THÀNH PHỐ)\b")


def _joint_issuers(blocks: list[list[str]]) -> list[list[str]]:
    """The header's name blocks grouped by body: a block that opens with an authority of a place
    ("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN / SỞ NỘI VỤ") after another body's block begins a second
    issuer; a block without one ("SỞ NỘI VỤ" on its own line) goes on with the one above."""
    groups: list[list[str]] = []
    for b in blocks:
        first = b[0].upper() if b else ""
        placed = _PLACE_WORD.search(" ".join(b).upper())
        before = " ".join(groups[-1]).upper() if groups else ""
        if groups and first.startswith(_AUTHORITY_HEADS) and placed and _PLACE_WORD.search(before) \
                and not before.startswith("ĐẢNG BỘ"):
            groups.append(list(b))
        elif groups:
            groups[-1] += b
        else:
            groups.append(list(b))
    return groups


def _title_case(title: str) -> str:
    t = clean_inline(title).strip()
    return _TITLE_CASE.get(t.upper(), t if not _upper(t) else _sentence_case(t))


def _capacity_case(line: str) -> str:
    head, _, rest = clean_inline(line).partition(" ")
    return f"{head.upper()} {_title_case(rest)}".strip()


def _is_person_name(text: str) -> bool:
    words = clean_inline(text).split()
    return (2 <= len(words) <= 6 and all(w[:1].isupper() and w[:1].isalpha() for w in words)
            and not _upper(text) and not re.search(r"\d|[:;,]", text))


def _split_items(text: str) -> list[str]:
    """"Sở Y tế; Sở Tư pháp." or "- Sở Y tế;\n- Sở Tư pháp." into items."""
    out = []
    for part in re.split(r"\n|;\s*(?=\S)", text):
        part = clean_inline(part).lstrip("-–•+ ").rstrip(";.,").strip()
        if part:
            out.append(part)
    return out


# -- the parser ----------------------------------------------------------------------------
@dataclass
class _Item:
    """A text block as the parser reads it: the file's list label folded into the text."""

    text: str  # NFC, footnote marks kept, hard breaks as "\n"
    plain: str  # without marks and emphasis, breaks as spaces
    block: Block
    heading: bool  # set apart: bold, upper case, centred

    @property
    def origin(self) -> Origin:
        return self.block.origin


def _items(blocks: list[Block]) -> list[_Item | Block]:
    out: list[_Item | Block] = []
    for b in blocks:
        if b.kind == "table":
            out.append(b)
            continue
        text = nfc(b.text).strip()
        if b.label and not text.startswith(b.label):
            text = f"{b.label} {text}"
        plain = re.sub(r"\s+", " ", clean_inline(text.replace("\n", " "))).strip()
        if not plain:
            continue
        heading = b.bold or b.centered or (_upper(plain) and len(plain) > 3)
        out.append(_Item(text, plain, b, heading))
    return out


@dataclass
class _Cursor:
    items: list[_Item | Block]
    i: int = 0

    def peek(self, k: int = 0) -> _Item | Block | None:
        j = self.i + k
        return self.items[j] if 0 <= j < len(self.items) else None

    def text(self, k: int = 0) -> _Item | None:
        it = self.peek(k)
        return it if isinstance(it, _Item) else None

    def done(self) -> bool:
        return self.i >= len(self.items)


@dataclass
class _HeaderState:
    issuer_lines: list[str] = field(default_factory=list)
    issuer_blocks: list[list[str]] = field(default_factory=list)  # as printed: two for a joint document
    motto: list[str] = field(default_factory=list)
    number: DocNumber = field(default_factory=DocNumber)
    number_seen: bool = False
    date: IssueDate = field(default_factory=IssueDate)
    urgency: str | None = None
    secrecy: str | None = None
    kind: str = ""
    kind_line: str = ""
    subject: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    authority: str = ""
    bases: list[str] = field(default_factory=list)
    attached_to: str = ""


def _read_header(cur: _Cursor, st: _HeaderState) -> None:
    """Consume the header: everything before the first line of running text."""
    subject_open = False  # the lines right after the type title are its subject
    start = cur.i
    while not cur.done():
        it = cur.peek()
        if not isinstance(it, _Item):
            return
        p = it.plain
        tm = _TITLED.match(p) if it.heading and not st.kind and not _label_of(p) and len(p) < 400 else None
        if tm and not (tm.group("number") or tm.group("date") or tm.group("subject")):
            tm = None
        if (tm or it.heading and p.upper().strip(" .") in TYPE_TITLES) and cur.i == start and _has_own_header(cur):
            # a title over the document's own header, which says it all again ("# Kế hoạch số 12/KH-UBND …"
            # above "ỦY BAN NHÂN DÂN …", "Số: 12/KH-UBND", "KẾ HOẠCH")
            cur.i += 1
            continue
        lines = [clean_inline(x) for x in it.text.split("\n") if clean_inline(x)]
        joined = (_NUMBER_THEN_SUBJECT.match(p) or _NUMBER_THEN_DATE.match(p)) if len(lines) == 1 else None
        if joined:  # "Số: 1507/UBND-KSTT V/v …" run into one line (a soft break)
            lines = [joined.group(1), joined.group(2)]
        if len(lines) > 1 and (_NUMBER_LINE.match(lines[0]) or _PLACE_DATE.match(lines[0])):
            # "Số: 2318/UBND-KSTT" and its "V/v …" in one block (hard line breaks): read line by line
            cur.items[cur.i:cur.i + 1] = _header_lines(lines, it)
            continue
        upper_p = p.upper()
        # furniture first: a block may hold motto and rule lines only
        if _MOTTO.search(p):
            keep = [x for x in lines if not _MOTTO.search(x)]
            st.motto += [x for x in lines if _MOTTO.search(x)]
            if keep and not st.issuer_lines and not st.number_seen and all(_upper(x) for x in keep):
                st.issuer_lines += keep
                st.issuer_blocks.append(keep)
            cur.i += 1
            continue
        nm = _NUMBER_LINE.match(p)
        if nm and not st.number_seen and (it.block.layout or cur.i < 12):
            st.number = parse_number(nm.group(1))
            st.number_seen = True
            cur.i += 1
            continue
        dm = _PLACE_DATE.match(p)
        if dm and not st.date.year:  # "Hôm nay, ngày 28 tháng 8 …" of an agreement's preamble is no second date line
            st.date = IssueDate(
                text=p[len(dm.group("place")) + 1:].strip().strip(","),
                place=dm.group("place").strip(),
                day=int(dm.group("d")) if dm.group("d") else None,
                month=int(dm.group("m")) if dm.group("m") else None,
                year=int(dm.group("y")),
            )
            cur.i += 1
            continue
        if upper_p.strip(" .:") in URGENCY and len(p) < 20:
            st.urgency = URGENCY[upper_p.strip(" .:")]
            cur.i += 1
            continue
        if upper_p.strip(" .:") in SECRECY and len(p) < 20:
            st.secrecy = SECRECY[upper_p.strip(" .:")]
            cur.i += 1
            continue
        if _TRICH_YEU.match(p) and not st.kind:
            st.kind = "Công văn"
            st.subject = [p]
            subject_open = True
            cur.i += 1
            continue
        # a scan's rule or speck before the title ("-THÔNG BÁO") is no bullet
        title = upper_p.strip(" .:") if not it.heading else upper_p.strip(" .:-–—•*_~|'\"")
        if it.heading and not st.kind and not st.number_seen and len(p) < 200 and _APPENDIX.match(upper_p):
            # a Phụ lục printed under a header of its own ("Phụ lục", its title, "(Kèm theo Quyết
            # định số …)"): part of the document it is attached to, not a document of its own
            st.kind, st.kind_line = APPENDIX_KIND, p
            subject_open = True
            cur.i += 1
            continue
        if title in TYPE_TITLES and not p.rstrip().endswith(":") and (not st.kind or st.kind == "Công văn" and not st.subject):
            st.kind, st.kind_line = TYPE_TITLES[title], p
            subject_open = True
            cur.i += 1
            continue
        if tm:
            st.kind, st.kind_line = TYPE_TITLES[" ".join(tm.group("type").upper().split())], tm.group("type")
            if tm.group("number") and not st.number_seen:
                st.number, st.number_seen = parse_number(tm.group("number")), True
            if tm.group("date") and not st.date.year:
                st.date = IssueDate(text=f"ngày {tm.group('date')}", day=int(tm.group("d")), month=int(tm.group("m")),
                                    year=int(tm.group("y")))
            subject = (tm.group("subject") or "").strip()
            st.subject = [subject[:1].upper() + subject[1:]] if subject else []
            subject_open = True
            cur.i += 1
            continue
        if _ENACTING.match(p):
            cur.i += 1
            subject_open = False
            continue
        km = _KINH_GUI.match(p)
        dm = _DIEN.match(p) if km is None and st.kind == "Công điện" else None
        if dm and _upper(dm.group("who")):
            st.authority = dm.group("who").strip()
            km = dm
        if km:
            rest = km.group(km.lastindex or 1).strip()
            st.recipients += _split_items(rest) if rest else []
            cur.i += 1
            while (nxt := cur.text()) is not None and re.match(r"^[-–•+]\s*\S", nxt.plain):
                st.recipients += _split_items(nxt.plain)
                cur.i += 1
            subject_open = False
            continue
        if _BASIS.match(p) and st.kind:
            st.bases.append(p)
            cur.i += 1
            subject_open = False
            continue
        am = _ATTACHED.match(p)
        if am and (it.block.italic or p.startswith("(")) and st.kind:
            st.attached_to = am.group("what").strip().rstrip(")")
            cur.i += 1
            subject_open = False
            continue
        if st.subject and _upper(p) and not any(_upper(x) for x in st.subject) and not it.block.layout and not _label_of(p):
            # the issuing authority of a Quyết định stands under its trích yếu
            st.authority = p
            subject_open = False
            cur.i += 1
            continue
        if subject_open and (it.heading or it.block.layout or not st.subject) and not _label_of(p) and len(p) < 400:
            if st.kind == "Công văn" and st.subject and not it.block.layout and not it.heading:
                return
            st.subject.append(p)
            cur.i += 1
            continue
        # upper-case lines: the issuing body before the number, the authority after the subject
        if _upper(p) and not _label_of(p) and len(p) < 120:
            if st.subject or st.kind:
                st.authority = p
                subject_open = False
            elif not st.number_seen or it.block.layout == "left":
                st.issuer_lines += lines
                st.issuer_blocks.append(lines)
            cur.i += 1
            continue
        # a short line in the header's left column continues the trích yếu of a công văn
        if it.block.layout and st.kind == "Công văn" and len(p) < 200:
            st.subject.append(p)
            cur.i += 1
            continue
        return


def _header_lines(lines: list[str], it: _Item) -> list[_Item | Block]:
    """A header block's lines as items of their own; a trích yếu keeps the lines that wrap it."""
    out: list[_Item | Block] = []
    for line in lines:
        last = out[-1] if out else None
        if isinstance(last, _Item) and _TRICH_YEU.match(last.plain) and not (_NUMBER_LINE.match(line) or _PLACE_DATE.match(line)):
            out[-1] = _Item(f"{last.text}\n{line}", f"{last.plain} {line}", it.block, it.heading)
        else:
            out.append(_Item(line, line, it.block, it.heading))
    return out


def _has_own_header(cur: _Cursor, reach: int = 12) -> bool:
    """Whether the lines after the current one print a header of their own: a số/ký hiệu line or
    a type title standing alone ("KẾ HOẠCH")."""
    for k in range(1, reach + 1):
        it = cur.peek(k)
        if it is None:
            break
        if isinstance(it, _Item) and (_NUMBER_LINE.match(it.plain) or (
                it.plain.upper().strip(" .:") in TYPE_TITLES and not it.plain.rstrip().endswith(":"))):
            return True
    return False


def _label_of(text: str) -> tuple[str, str, str] | None:
    """(kind, label, rest) of a labelled line."""
    for kind, pat in _LABELS:
        m = pat.match(text)
        if m:
            label = m.group("label")
            if kind == "roman" and not re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", label):
                continue
            if kind == "section" and len(m.group("rest").strip()) == 0:
                continue
            return kind, label, m.group("rest")
    return None


def _is_heading(item: _Item, rest: str, kind: str) -> bool:
    """Whether a labelled line is a heading ("2. Sở Nội vụ:") or running text."""
    if kind in ("part", "chapter", "division"):
        return True
    body = clean_inline(rest.replace("\n", " ")).strip()
    if item.block.bold or _upper(body):
        return True
    if item.block.bold_lead and len(item.block.bold_lead) >= len(item.plain) - 2:
        return True
    if kind in ("bullet", "subbullet", "point"):
        return False
    return len(body) <= 90 and not re.search(r"[.;]$", body) and not re.search(r"\d{4}[.]?$", body) and "," not in body[:-1]


@dataclass
class _Tree:
    roots: list[Node] = field(default_factory=list)
    stack: list[Node] = field(default_factory=list)
    # items whose lead-in opened a list of their own kind ("3. Kết luận … như sau:" then "1. …")
    nested: dict[int, Node] = field(default_factory=dict)

    def open(self, node: Node) -> None:
        rank = NODE_RANKS[node.kind]
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == node.kind and _first_label(node.label) and not _follows(top.label, node.label) \
                and top.children and top.children[-1].kind == "paragraph" and clean_inline(top.children[-1].text).endswith(":"):
            # a numbering that starts again under a lead-in ending with a colon is that item's list
            self.nested[id(top)] = top
            top.children.append(node)
            self.stack.append(node)
            return
        while self.stack and NODE_RANKS[self.stack[-1].kind] >= rank:
            cur = self.stack[-1]
            if id(cur) in self.nested and cur.kind == node.kind and cur.children and \
                    _follows(cur.children[-1].label, node.label) and cur.children[-1].kind == node.kind:
                break  # the next entry of the nested list
            self.stack.pop()
        (self.stack[-1].children if self.stack else self.roots).append(node)
        self.stack.append(node)

    def attach(self, node: Node) -> None:
        """A paragraph or table belongs to the innermost open item that is not a list entry.

        A paragraph after an item of running text ("1. Sở Y tế chủ trì …") or a list entry is
        its parent's, not a continuation of it, unless that item leads in to what follows
        ("… thực hiện các nội dung sau:"). A table also stays with the item that announces it
        ("2. UBND các xã … theo bảng dưới đây."): it is that item's table."""
        table = node.kind == "table"
        while self.stack:
            top = self.stack[-1]
            if top.text and (clean_inline(top.text).endswith(":") or table and _announces_table(top.text)
                             or _QUESTION_ITEM.match(clean_inline(f"{top.heading}: {top.text}" if top.heading else top.text))):
                break  # a kiến nghị or question an item states: the reply after it is its own
            if top.kind in ("bullet", "subbullet") or top.text or (table and top.kind == "point"):
                self.stack.pop()
                continue
            break
        (self.stack[-1].children if self.stack else self.roots).append(node)


# an item that states a question or a kiến nghị ("1. Nội dung kiến nghị: …") which the paragraphs
# after it ("Trả lời: …") answer
_QUESTION_ITEM = re.compile(r"(?:nội dung\s+)?(?:kiến nghị|câu hỏi|hỏi|vướng mắc|đề nghị|phản ánh)\s*:", re.IGNORECASE)
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


def _first_label(label: str) -> bool:
    return label in ("1", "a", "I")


def _follows(prev: str, label: str) -> bool:
    """Whether `label` is the one after `prev` ("3" → "4", "d" → "đ", "IV" → "V")."""
    if prev.isdigit() and label.isdigit():
        return int(label) == int(prev) + 1
    if prev in _ROMAN and label in _ROMAN:
        return _ROMAN.index(label) == _ROMAN.index(prev) + 1
    if len(prev) == 1 and len(label) == 1 and prev in _LETTERS and label in _LETTERS:
        return _LETTERS.index(label) == _LETTERS.index(prev) + 1
    return False


# the words with which running text announces the table printed after it
_TABLE_WORDS = r"(?:bảng|biểu(?:\s+mẫu)?|danh\s+sách|danh\s+mục|mẫu)"
_HERE_BELOW = r"(?:dưới\s+đây|sau\s+đây|như\s+sau|sau(?!\s+(?:đó|khi|này|cùng)\b))"
_ANNOUNCES_TABLE = re.compile(
    rf"\b{_TABLE_WORDS}\b[^.;:()]{{0,60}}?\b{_HERE_BELOW}(?![\wà-ỹ])"
    r"|\b(?:như\s+sau|dưới\s+đây|sau\s+đây)\s*[:.]?\s*$|:\s*$", re.IGNORECASE)


def _announces_table(text: str) -> bool:
    """Whether an item's running text announces a table after it: "… theo bảng dưới đây.",
    "… theo biểu mẫu sau", "… như sau:" (its text ends with a colon)."""
    return bool(_ANNOUNCES_TABLE.search(clean_inline(text).strip()))


def _table(block: Block, caption: str) -> Table:
    rows = [r for r in block.rows if any(c.text.strip() for c in r)]
    if not rows:
        return Table([], [], [], caption)
    width = max(sum(c.span for c in r) for r in rows)

    def expand(r: list[Cell]) -> list[str]:
        out: list[str] = []
        for c in r:
            out.append(clean_inline(c.text.replace("\n", " ")))
            out.extend([""] * (c.span - 1))
        return out + [""] * (width - len(out))

    header = expand(rows[0])
    roles = column_roles(header)
    out_rows: list[TableRow] = []
    aggregates: list[TableRow] = []
    group: str | None = None
    idx_col = roles.index("index") if "index" in roles else None
    for n, r in enumerate(rows[1:], 1):
        cells = expand(r)
        filled = [c for c in cells if c]
        span = len(r) == 1 and width > 1 or (len(filled) == 1 and len(set(x.text for x in r)) == 1 and len(r) > 1)
        label = cells[idx_col] if idx_col is not None else ""
        # a group row: a roman or lettered label with a title ("I | Nhiệm vụ chung"), or its
        # subtotal too ("I | Các phường | 36 tài khoản"); a total row ("Tổng cộng | 61")
        others = [c for i, c in enumerate(cells) if c and i != idx_col]
        origin = Origin(block.origin.file, page=block.origin.page, line=block.origin.line,
                        paragraph=block.origin.paragraph, table=block.origin.table, row=n)
        if (label and re.fullmatch(r"[IVXLC]+|[A-ZĐ]", label) and others) or (
                span and n < len(rows) - 1 and not re.match(r"^\d", filled[0] if filled else "")):
            group = (f"{label}. " if label and not span else "") + (others[0] if others else filled[0] if filled else "")
            if len(others) > 1:
                aggregates.append(TableRow(len(aggregates) + 1, label, cells, group, False, origin, total=True))
            continue
        # the total's words in the name column, or in the index column when the row merges both
        # ("Cộng điểm tự đánh giá (lĩnh vực 1 - 7) | 80 | 76", "Bình quân | 76,7 | …")
        named = label if label and not re.fullmatch(r"\d+[.)]?|[IVXLC]+|[A-ZĐ]", label) else (others[0] if not label and others else "")
        if named and _TOTAL.match(named) and len(filled) > 1:
            aggregates.append(TableRow(len(aggregates) + 1, label, cells, None, False, origin, total=True))
            continue
        if span:
            text = filled[0] if filled else ""
            cells = [""] * width
            target = roles.index("task") if "task" in roles else (1 if width > 1 else 0)
            cells[target] = text
            label = label if label and label != text else ""
        out_rows.append(TableRow(len(out_rows) + 1, label, cells, group, span, origin))
    return Table(header, _numeric_columns(roles, out_rows), out_rows, caption, aggregates)


def _numeric_columns(roles: list[str], rows: list[TableRow]) -> list[str]:
    """A column of figures holds values, whatever its header names ("Điểm tối đa xã, phường" is no
    column of units)."""
    out = list(roles)
    for i, role in enumerate(roles):
        if role not in ("unit", "lead", "cooperate", "task"):
            continue
        cells = [r.cells[i] for r in rows if i < len(r.cells) and r.cells[i] and not r.span]
        if cells and sum(bool(re.fullmatch(r"[\d.,%\s-]+", c)) for c in cells) >= 0.8 * len(cells):
            out[i] = "value"
    return out


@dataclass
class _Body:
    preamble: list[Node] = field(default_factory=list)
    tree: _Tree = field(default_factory=_Tree)
    closing: list[str] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)
    sign_lines: list[str] = field(default_factory=list)
    appendices: list[Node] = field(default_factory=list)


def _read_body(cur: _Cursor, body: _Body, stop_at_attachment: bool = True) -> None:
    state = "body"  # body | closing | copies | signature | appendix
    appendix: _Tree | None = None
    pending_caption = ""
    while (it := cur.peek()) is not None:
        if isinstance(it, Block):  # a table
            caption = pending_caption
            pending_caption = ""
            node = Node("table", table=_table(it, caption), origin=it.origin)
            (appendix or body.tree).attach(node)
            if state in ("closing",):
                state = "body"
            cur.i += 1
            continue
        p, text = it.plain, it.text
        # a document issued with this one begins: its own header after the signature
        if stop_at_attachment and state in ("signature", "copies", "appendix") and (_MOTTO.search(p) or (
                _upper(p) and p.upper().strip(" .:") in TYPE_TITLES and state == "signature")):
            return
        am = _APPENDIX.match(p)
        if am and it.heading and len(p) < 200:
            appendix = _Tree()
            label = (am.group("label") or "").replace("SỐ", "").strip()
            node = Node("appendix", label=label, heading=clean_inline(am.group("rest")), origin=it.origin,
                        path=f"Phụ lục {label}".strip())
            body.appendices.append(node)
            appendix.roots = node.children
            appendix.stack = []
            state = "appendix"
            cur.i += 1
            # its title lines and "(Kèm theo …)"
            while (nxt := cur.text()) is not None and (nxt.heading or _ATTACHED.match(nxt.plain)) and not _label_of(nxt.plain):
                if _ATTACHED.match(nxt.plain) and nxt.plain.startswith("("):
                    node.text = nxt.plain
                else:
                    node.heading = f"{node.heading} {nxt.plain}".strip()
                cur.i += 1
            continue
        nm = _NOI_NHAN.match(p)
        if nm and state != "appendix":
            state = "copies"
            if nm.group(1).strip():
                body.copies += _split_items(nm.group(1))
            cur.i += 1
            continue
        if state == "copies" and re.match(r"^[-–•+]\s*\S", p):
            body.copies += _split_items(p)
            cur.i += 1
            continue
        if state in ("body", "closing", "copies", "signature") and (
                _CAPACITY.match(p) or (_opens_signature(clean_inline(text)) and (it.heading or it.block.layout))):
            state = "signature"
            body.sign_lines += [clean_inline(x) for x in text.split("\n") if clean_inline(x)]
            cur.i += 1
            continue
        if state == "signature":
            named = _is_person_name(body.sign_lines[-1]) if body.sign_lines else False
            if not named and (_is_person_name(p) or re.match(r"^\(?(Đã ký|đã ký|Ký)", p) or _upper(p) and len(p) < 40):
                body.sign_lines.append(clean_inline(p))
                cur.i += 1
                continue
            if stop_at_attachment and (_upper(p) or _MOTTO.search(p)):
                return
        if state == "copies" and not re.match(r"^[-–•+]", p):
            state = "signature" if _is_person_name(p) else "closing"
            if state == "signature":
                body.sign_lines.append(p)
                cur.i += 1
                continue
        if state == "appendix" and appendix is not None:
            _place(appendix, it, cur, None)
            cur.i += 1
            continue
        if re.match(r"^Bảng\s*(\d+|[:.])", p) and isinstance(cur.peek(1), Block):
            pending_caption = p
            cur.i += 1
            continue
        if state == "closing" or _CONTACT.match(p):
            body.closing.append(text)
            state = "closing"
            cur.i += 1
            continue
        lab = _label_of(p)
        top = body.tree.stack[-1] if body.tree.stack else None
        bare_heading = top is not None and not top.children and not top.text
        if lab is None and _CLOSING_MARK.search(p) and (body.tree.roots or body.preamble) and not bare_heading:
            body.closing.append(text)
            state = "closing"
            cur.i += 1
            continue
        if lab is None and not body.tree.roots:
            body.preamble.append(Node("paragraph", text=text, origin=it.origin))
            cur.i += 1
            continue
        _place(body.tree, it, cur, lab)
        cur.i += 1


def _place(tree: _Tree, it: _Item, cur: _Cursor, lab: tuple[str, str, str] | None) -> None:
    lab = lab if lab is not None else _label_of(it.plain)
    if lab is not None:
        # the label read on the plain text; the rest keeps its footnote marks and line breaks
        marked = _label_of(it.text)
        if marked is not None and marked[0] == lab[0]:
            lab = marked
    if lab is None:
        tree.attach(Node("paragraph", text=it.text, origin=it.origin))
        return
    kind, label, rest = lab
    # a numbered line directly under an article is its khoản
    node = Node(kind, label=label, origin=it.origin)
    rest_lines = rest.split("\n")
    if kind in ("part", "chapter", "division"):
        heading = " ".join(x.strip() for x in rest_lines if x.strip())
        if not heading:
            nxt = cur.text(1)
            if nxt is not None and (nxt.heading or _upper(nxt.plain)) and _label_of(nxt.plain) is None:
                heading = nxt.plain
                cur.i += 1
        node.heading = heading
    elif _is_heading(it, rest, kind):
        lead = it.block.bold_lead
        if lead and not it.block.bold and len(lead) < len(it.plain) - 2:
            # "**Điều 1.** Ban hành …": a bold label, then running text
            node.text = re.sub(rf"^{re.escape(label)}\s*[.):]?\s*", "", rest).strip()
        else:
            node.heading = re.sub(r"\s+", " ", rest.replace("\n", " ")).strip().rstrip(":").strip()
            m = re.match(r"^(?P<h>[^:]{2,200}):\s+(?P<t>\S.*)$", node.heading, re.DOTALL)
            if m and not it.block.bold and kind not in ("bullet", "subbullet"):
                node.heading, node.text = m.group("h").strip(), m.group("t").strip()
    else:
        node.text = rest.strip()
    if kind in ("section", "subsection") and tree.stack:
        parents = [n for n in tree.stack if NODE_RANKS[n.kind] < NODE_RANKS[kind]]
        if parents and parents[-1].kind == "point":
            # "a) …" then "1. …" inside it is unusual; keep the numbering as the document's
            pass
    tree.open(node)


# -- paths, footnotes, signer -------------------------------------------------------------------
def _assign_paths(nodes: list[Node], parent: Node | None = None, parent_path: str = "") -> None:
    for n in nodes:
        if n.kind == "appendix":
            n.path = n.path or "Phụ lục"
            _assign_paths(n.children, n, n.path)
            continue
        if n.kind == "part":
            n.path = f"Phần {n.label}"
        elif n.kind == "chapter":
            n.path = f"Chương {n.label}"
        elif n.kind == "division":
            n.path = f"{parent_path}, Mục {n.label}" if parent_path else f"Mục {n.label}"
        elif n.kind == "article":
            n.path = f"Điều {n.label}"
        elif parent is not None and parent.kind == "article" and n.kind == "section":
            n.path = f"khoản {n.label} {parent.path}"
        elif parent is not None and parent.kind == "section" and n.kind == "point" and parent.path.startswith("khoản"):
            n.path = f"điểm {n.label} {parent.path}"
        elif parent is not None and parent.kind == "article" and n.kind == "point":
            n.path = f"điểm {n.label} {parent.path}"
        elif n.kind in ("roman", "section", "subsection", "subsubsection", "point"):
            base = parent_path if parent_path.startswith("mục ") else ""
            label = n.label
            if n.kind in ("subsection", "subsubsection") and base:
                # "2.1" under "II.2": the label repeats its parent's number
                head = base.removeprefix("mục ")
                roman = head.split(".")[0] if re.match(r"^[IVXLC]+(\.|$)", head) else ""
                n.path = f"mục {roman + '.' if roman else ''}{label}"
            else:
                n.path = f"{base}.{label}" if base else f"mục {label}"
        elif n.kind == "table":
            n.path = f"{parent_path}, bảng" if parent_path and parent is not None and parent.kind != "appendix" else (
                parent_path or "bảng")
        else:
            n.path = parent_path or "mở đầu"
        _assign_paths(n.children, n, n.path)


def _link_footnotes(doc: AdminDocument) -> None:
    mark = re.compile(r"<sup>\s*(\d+)\s*</sup>")
    for n in doc.walk():
        for m in mark.finditer(f"{n.heading} {n.text}"):
            fn = doc.footnotes.get(int(m.group(1)))
            if fn is not None and n.path not in fn.cited_in:
                fn.cited_in.append(n.path)
    for b in doc.bases:
        for m in mark.finditer(b):
            fn = doc.footnotes.get(int(m.group(1)))
            if fn is not None and "căn cứ" not in fn.cited_in:
                fn.cited_in.append("căn cứ")


def _collect_references(doc: AdminDocument) -> list[Reference]:
    """Every document the text cites, with what the text says of it, one record a number."""
    refs: list[Reference] = []
    for b in doc.bases:
        refs += extract_references(b, "căn cứ")
    refs += extract_references(doc.attached_to, "phần đầu") if doc.attached_to else []
    for d in [doc, *doc.attachments]:
        for n in d.walk():
            for piece in (n.heading, n.text):
                if piece:
                    refs += extract_references(piece, n.path)
            if n.table is not None:
                for row in n.table.rows:
                    refs += extract_references(" ".join(row.cells), f"{n.path}, {row.citation}")
    for c in doc.closing:
        refs += extract_references(c, "phần kết")
    for k in sorted(doc.footnotes):
        refs += extract_references(doc.footnotes[k].text, f"chú thích {k}")
    return merge_references(refs)


def _split_capacity(line: str) -> list[str]:
    """"KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" on one line (a Markdown copy without its hard break): the
    capacity, then the signer's own title, which is the longest known title that ends it."""
    if not _CAPACITY.match(line):
        return [line]
    words = line.split()
    for i in range(2, len(words)):
        if " ".join(words[i:]).upper().strip(" .") in _SIGNER_TITLES:
            return [" ".join(words[:i]), " ".join(words[i:])]
    return [line]


def _opens_signature(line: str) -> bool:
    """A signature block's first line: a title ("TRƯỞNG BAN", "TRƯỞNG ĐOÀN KIỂM TRA"), a part in a
    meeting ("THƯ KÝ"), or the body a signer stands for ("ĐẠI DIỆN UBND PHƯỜNG …")."""
    first = line.split("\n")[0].upper().strip(" .")
    if len(first) > 60:
        return False
    return first in _SIGNER_TITLES or first in _MEETING_ROLES or _split_role(first)[0] != "" \
        or first.startswith(_REPRESENTING) or (_upper(first) and first.startswith(tuple(t + " " for t in _SIGNER_TITLES)))


_REPRESENTING = ("ĐẠI DIỆN ", "THAY MẶT ")


def _split_role(line: str) -> tuple[str, str]:
    """"CHỦ TRÌ CHỦ TỊCH UBND XÃ" on one line (a copy without its line break): the meeting role
    and the title after it; ("", line) when it opens with none."""
    upper = line.upper().strip(" .")
    for role in sorted(_MEETING_ROLES, key=len, reverse=True):
        if upper.startswith(role + " ") and _upper(line):
            return role, line.strip()[len(role):].strip()
    return "", line


def _signers(lines: list[str]) -> list[Signature]:
    """One signature a block: a block ends with its signer's name ("THƯ KÝ / Đỗ Thị Hồng
    Nhung", then "CHỦ TRÌ / CHỦ TỊCH UBND XÃ / Phạm Văn Hùng"); the main one last, as the
    right-hand block is printed after the left."""
    blocks: list[list[str]] = [[]]
    for x in lines:
        blocks[-1].append(x)
        if _is_person_name(x):
            blocks.append([])
    out = [s for b in blocks if b and (s := _signer(b)) is not None and s.name]
    if not out:
        one = _signer(lines)
        return [one] if one is not None else []
    return out


def _office_case(line: str) -> str:
    """"PHÓ GIÁM ĐỐC SỞ NỘI VỤ" -> "Phó Giám đốc Sở Nội vụ", "ĐẠI DIỆN UBND PHƯỜNG SƠN NAM" ->
    "Đại diện UBND phường Sơn Nam": a known title, then the body it is of, named as a header names it."""
    up = line.upper().strip(" .")
    for t in sorted((*_SIGNER_TITLES, *(x.strip() for x in _REPRESENTING)), key=len, reverse=True):
        if up.startswith(t + " "):
            rest = line.strip()[len(t):].strip()
            head = _TITLE_CASE.get(t, _sentence_case(t))
            body = _display_name([rest]) if re.search(r"\b(SỞ|UBND|ỦY BAN|UỶ BAN|BAN|VĂN PHÒNG|PHƯỜNG|XÃ|TỈNH|ĐẢNG)\b", rest.upper()) \
                else rest.lower()
            return f"{head} {body}"
    return _title_case(line)


def _main_signer(signed: list[Signature]) -> Signature | None:
    """The main signature is printed last, unless that is the clerk's ("THƯ KÝ" under the head of
    an inspection team in the right-hand column)."""
    heads = [x for x in signed if fold(x.role) not in ("thu ky", "nguoi ghi bien ban")]
    return (heads or signed)[-1] if signed else None


def _signer(lines: list[str]) -> Signature | None:
    if not lines:
        return None
    lines = [part for x in lines for part in _split_capacity(x)]
    lines = [part for x in lines for part in ([y for y in _split_role(x) if y] if _split_role(x)[0] else [x])]
    role = next((_MEETING_ROLES[x.upper().strip(" .")] for x in lines if x.upper().strip(" .") in _MEETING_ROLES), "")
    if role:
        lines = [x for x in lines if x.upper().strip(" .") not in _MEETING_ROLES]
    capacity = [_capacity_case(x) for x in lines if _CAPACITY.match(x)]
    titles = [x for x in lines if not _CAPACITY.match(x) and x.upper().strip(" .") in _SIGNER_TITLES] or [
        x for x in lines if not _CAPACITY.match(x) and _upper(x) and not re.match(r"^\(", x)]
    names = [x for x in lines if _is_person_name(x)]
    title = _title_case(titles[-1]) if titles else ""
    upper = [x for x in lines if not _CAPACITY.match(x) and _upper(x) and not _is_person_name(x)]
    if not role and len(upper) >= 2 and (upper[0].upper().startswith(_REPRESENTING) or upper[0] != titles[-1]):
        # two lines over the name: the part signed in ("TRƯỞNG ĐOÀN KIỂM TRA", "ĐẠI DIỆN UBND
        # PHƯỜNG …"), then the signer's own office
        role = _office_case(upper[0])
        title = _office_case(upper[-1])
    if not title and capacity:
        last = capacity[-1].split(" ", 1)[-1]
        if not capacity[-1].upper().startswith("TM."):
            title = last
    return Signature(name=names[-1] if names else "", title=title, capacity=capacity, text="\n".join(lines), role=role)


_EFFECTIVE = re.compile(r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?P<when>(?:kể\s+)?từ\s+(?:ngày\s+ký(?:\s+ban\s+hành)?|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|ngày\s+\d{1,2}/\d{1,2}/\d{4}))",
                        re.IGNORECASE)
_ALSO_REPLACED = re.compile(r"(?:,|\bvà)\s+(?:Quyết định|Chỉ thị|Kế hoạch|Thông báo|Công văn|Nghị quyết|Quy chế|Quy định)\s+"
                            r"(?:số\s+)?(?P<num>\d{1,5}(?:/\d{4})?[/-][A-ZĐ][\wĐđ/-]*)", re.IGNORECASE)
_REPLACES = re.compile(r"(?:thay\s+thế|bãi\s+bỏ)\s+(?:[^.;]{0,40}?)(?:số\s+)?(?P<num>\d{1,5}(?:/\d{4})?[/-][A-ZĐ][\wĐđ/-]*)", re.IGNORECASE)


def _doc_id(source: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", fold(Path(source).stem.lower())).strip("-")


def _assemble(source: str, st: _HeaderState, body: _Body, doc_id: str) -> AdminDocument:
    number = st.number
    party = re.match(r"^\d+-", number.text or "") is not None
    kind = st.kind or (PARTY_TYPE_CODES.get(number.type_code.upper()) if party else None) or _kind_of_code(number.type_code) or ("Công văn" if number.text and not number.type_code else "Văn bản")
    subject_lines = [clean_inline(x) for x in st.subject]
    subject = " ".join(x for x in subject_lines if x)
    if kind != "Công văn" and subject.isupper():
        subject = _sentence_case(subject)
    parent, issuer = _issuer(st.issuer_lines, number, st.date.place)
    joint = _joint_issuers(st.issuer_blocks)
    if len(joint) >= 2:
        # a Kế hoạch liên tịch, a Quy chế phối hợp: each body's name stands in its own block
        named = [_issuer(b, DocNumber(), st.date.place) for b in joint]
        parent, issuer = named[0][0], " và ".join(x[1] for x in named)
    header = Header(parent=parent, issuer_lines=st.issuer_lines, issuer=issuer, motto=st.motto, number=number,
                    date=st.date, urgency=st.urgency, confidentiality=st.secrecy)
    signed = _signers(body.sign_lines)
    doc = AdminDocument(
        doc_id=doc_id, source=source, kind=kind, subject=subject, header=header,
        recipients=st.recipients, authority=st.authority, bases=st.bases, preamble=body.preamble,
        body=body.tree.roots, closing=body.closing, copies=body.copies,
        signer=main if (main := _main_signer(signed)) else None, cosigners=[x for x in signed if x is not main],
        appendices=body.appendices, attached_to=st.attached_to,
    )
    for n in doc.preamble:
        n.path = "mở đầu"
    _assign_paths(doc.body)
    _assign_paths(doc.appendices)
    # a Chỉ thị or a công văn prints "… có hiệu lực kể từ ngày ký./." among its closing lines
    text = " ".join([*(clean_inline(f"{n.heading} {n.text}") for n in doc.walk()), *map(clean_inline, doc.closing)])
    em = _EFFECTIVE.search(text)
    if em:
        doc.effective = em.group("when")
    replaced = []
    for m in _REPLACES.finditer(text):
        replaced.append(m.group("num"))
        # "thay thế Quyết định số 1256/QĐ-UBND … và Quyết định số 2187/QĐ-UBND …": each one joined on
        sentence = re.split(r"[.;]\s", text[m.end():], maxsplit=1)[0]
        replaced += [a.group("num") for a in _ALSO_REPLACED.finditer(sentence)]
    doc.replaces = list(dict.fromkeys(replaced))
    return doc


def _appendix_of(st: _HeaderState, body: _Body) -> Node:
    """A Phụ lục read as a document of its own (its header repeats the issuer and the motto)
    as the appendix node of the document it is attached to, so its tables are cited and
    referred to ("các đơn vị có tên tại Phụ lục") as that document's."""
    am = _APPENDIX.match(st.kind_line.upper())
    label = ((am.group("label") or "") if am else "").replace("SỐ", "").strip()
    rest = clean_inline(st.kind_line[am.start("rest"):]) if am and am.group("rest") else ""
    heading = " ".join(x for x in [rest, *(clean_inline(x) for x in st.subject)] if x)
    node = Node("appendix", label=label, heading=heading, text=f"(Kèm theo {st.attached_to})" if st.attached_to else "",
                children=[*body.preamble, *body.tree.roots, *(c for a in body.appendices for c in a.children)],
                path=f"Phụ lục {label}".strip())
    _assign_paths([node])
    return node


def parse_admin(raw: RawDocument) -> AdminDocument:
    """A `RawDocument` into an `AdminDocument`, with the documents issued together with it."""
    cur = _Cursor(_items(raw.blocks))
    doc_id = _doc_id(raw.source)
    st = _HeaderState()
    _read_header(cur, st)
    body = _Body()
    _read_body(cur, body)
    doc = _assemble(raw.source, st, body, doc_id)
    doc.footnotes = {f.number: Footnote(f.number, clean_inline(f.text), origin=f.origin) for f in raw.footnotes}
    n = 0
    while not cur.done():
        start = cur.i
        ast = _HeaderState()
        _read_header(cur, ast)
        abody = _Body()
        _read_body(cur, abody)
        if cur.i == start:  # nothing readable: keep what is left as closing text
            it = cur.peek()
            if isinstance(it, _Item):
                doc.closing.append(it.text)
            cur.i += 1
            continue
        if ast.kind == APPENDIX_KIND and not ast.number.text:
            doc.appendices.append(_appendix_of(ast, abody))
            continue
        n += 1
        att = _assemble(raw.source, ast, abody, f"{doc_id}#{n}")
        if not att.header.number.text:
            att.header.number = DocNumber()
        att.header.issuer = att.header.issuer or doc.header.issuer
        att.header.date = att.header.date if att.header.date.year else IssueDate()
        doc.attachments.append(att)
    _link_footnotes(doc)
    for att in doc.attachments:
        att.footnotes = doc.footnotes
        _link_footnotes(att)
    doc.references = _collect_references(doc)
    if not doc.body and not doc.preamble and not doc.attachments and not doc.appendices:
        raise ParseError(f"{raw.source}: không tìm thấy nội dung văn bản (chỉ có phần đầu hoặc trống)")
    return doc
