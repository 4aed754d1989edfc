"""From a file to the right model: laws and administrative documents told apart by the type
they declare, laws from Markdown, portal .docx exports and PDF, the corpus's file list,
malformed files refused with their name, and input in NFD read as NFC."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import DIRECTIVE, LAWS, SHARED, need_shared

from retrieval.documents.ingest import corpus_files, document_type, load_document, parse_markdown
from retrieval.documents.law import parse_law_markdown
from retrieval.documents.model import AdminDocument, Law
from retrieval.documents.readers import ParseError, read_file
from retrieval.documents.readers.markdown import read_markdown

DOCX = SHARED / "corpus" / "docx-samples"
DIRS = SHARED / "corpus" / "directives"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = FONT.with_name("DejaVuSans-Bold.ttf")

# (file, title, number, articles, first article heading) read off the documents by hand
SAMPLES = [
    ("VBPL_101873.docx", "Luật Tiếp cận thông tin", "104/2016/QH13", 37, "Phạm vi điều chỉnh"),
    ("VBPL_1032.docx", "Luật Về việc quy định quyền tự do hội họp", "101-SL/L003", 10, ""),
    ("VBPL_10803.docx", "Luật Thuế sử dụng đất nông nghiệp", "", 39, ""),
    ("VBPL_124614.docx", "Luật Cảnh vệ", "13/2017/QH14", 33, "Phạm vi điều chỉnh"),
    ("VBPL_136051.docx", "Luật Cảnh sát biển Việt Nam", "33/2018/QH14", 41, "Phạm vi điều chỉnh"),
    ("VBPL_14836.docx", "Luật Hiến, lấy, ghép mô, bộ phận cơ thể người và hiến, lấy xác", "75/2006/QH11", 40,
     "Phạm vi điều chỉnh"),
    ("VBPL_152571.docx", "Luật Sửa đổi, bổ sung một số điều và Phụ lục Danh mục chỉ tiêu thống kê quốc gia của Luật "
     "Thống kê", "01/2021/QH15", 2, "Sửa đổi, bổ sung một số điều và Phụ lục Danh mục chỉ tiêu thống kê quốc gia của "
     "Luật Thống kê"),
    # an amending law: Điều 1 amends, Điều 2 sets the date; the articles it inserts are quoted inside Điều 1
    ("VBPL_186573.docx", "Luật Sửa đổi, bổ sung một số điều của luật công nghiệp quốc phòng, an ninh và động viên "
     "công nghiệp", "119/2025/QH15", 2, "Sửa đổi, bổ sung một số điều của Luật Công nghiệp quốc phòng, an ninh và "
     "động viên công nghiệp"),
    ("VBPL_27698.docx", "Luật Phổ biến, giáo dục pháp luật", "14/2012/QH13", 41, "Phạm vi điều chỉnh"),
    ("VBPL_96118.docx", "Luật Trưng cầu ý dân", "96/2015/QH13", 52, "Phạm vi điều chỉnh"),
]


def load_law(path: Path) -> Law:
    law = load_document(path)
    assert isinstance(law, Law), path.name
    return law


def _strings(d: AdminDocument) -> list[str]:
    """Every piece of text the model holds, for the NFC check."""
    h = d.header
    out = [d.kind, d.subject, d.issuer, d.authority, h.parent, h.number.text, h.date.text, h.date.place or "",
           *h.issuer_lines, *h.motto, *d.recipients, *d.bases, *d.closing, *d.copies]
    if d.signer:
        out += [d.signer.name, d.signer.title, d.signer.text, *d.signer.capacity]
    for n in d.walk():
        out += [n.heading, n.text, n.path]
        if n.table is not None:
            out += n.table.columns + [c for r in n.table.rows for c in r.cells]
    out += [f.text for f in d.footnotes.values()]
    out += [x or "" for r in d.references for x in (r.number, r.kind, r.issuer, r.subject, r.text)]
    return out


# -- law or administrative document: by declared type ----------------------------------------------------
QD_WITH_ARTICLES = """**ỦY BAN NHÂN DÂN  
TỈNH HƯNG YÊN**

Số: 201/QĐ-UBND

Hưng Yên, ngày 05 tháng 5 năm 2025

**QUYẾT ĐỊNH**

**Về việc thành lập Tổ công tác rà soát thủ tục hành chính**

**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH**

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;

**QUYẾT ĐỊNH:**

**Điều 1.** Thành lập Tổ công tác rà soát thủ tục hành chính của tỉnh.

**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.

**Điều 3.** Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.

**CHỦ TỊCH**

**Lê Minh Đức**
"""


def test_quyet_dinh_with_articles_is_an_administrative_document():
    raw = read_markdown(QD_WITH_ARTICLES, "qd-201.md")
    assert document_type(raw) == "admin"
    d = parse_markdown(QD_WITH_ARTICLES, "qd-201.md")
    assert isinstance(d, AdminDocument)
    assert (d.kind, d.number, d.header.date.short()) == ("Quyết định", "201/QĐ-UBND", "05/5/2025")
    assert [n.path for n in d.body] == ["Điều 1", "Điều 2", "Điều 3"]
    assert d.bases == ["Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;"]  # a law cited is not a law
    assert d.signer is not None and d.signer.name == "Lê Minh Đức"


def test_shared_quyet_dinh_is_not_a_law():
    path = DIRS / "quyet-dinh-ban-hanh-quy-che-2025.md"
    need_shared(path)
    assert document_type(read_file(path)) == "admin"
    assert isinstance(load_document(path), AdminDocument)


@pytest.mark.parametrize("text,expected", [
    ("# Luật Thử\n\nĐiều 1. Phạm vi\n\nNội dung.\n\nĐiều 2. Khác\n\nNội dung.", "law"),  # the benchmark's title line
    ("QUỐC HỘI\n\nLUẬT\n\nTHỬ NGHIỆM\n\nĐiều 1. Phạm vi\n\nĐiều 2. Khác", "law"),  # a portal export's title block
    ("Luật Cảnh vệ số 13/2017/QH14\n\nĐiều 1. Phạm vi\n\nĐiều 2. Khác", "law"),  # a portal title line
    ("Điều 1. Phạm vi\n\nNội dung.\n\nĐiều 2. Khác\n\nNội dung.", "law"),  # declares nothing, made of articles
    ("KẾ HOẠCH\n\nKiểm tra năm 2025\n\n1. Sở Nội vụ chủ trì kiểm tra.", "admin"),
    ("Số: 12/QĐ-UBND\n\nĐiều 1. Thành lập.\n\nĐiều 2. Hiệu lực.\n\nĐiều 3. Thi hành.", "admin"),  # a type code
    ("V/v triển khai nhiệm vụ\n\nKính gửi: Sở Nội vụ.\n\n1. Báo cáo trước ngày 15/12/2025.", "admin"),  # a công văn
    ("NGHỊ QUYẾT\n\nVề giá dịch vụ\n\nĐiều 1. Giá.\n\nĐiều 2. Hiệu lực.", "admin"),
    ("Đề nghị các đơn vị báo cáo trước ngày 15/12/2025.", "admin"),
])
def test_document_type(text, expected):
    assert document_type(read_markdown(text, "x.md")) == expected


def test_law_title_blocks_are_cased_as_names():
    # "BỘ LUẬT / DÂN SỰ" and "PHÁP LỆNH …": the law word keeps its own case, not "Bộ Luật", "Pháp Lệnh"
    bl = parse_markdown("QUỐC HỘI\n\nBỘ LUẬT\n\nDÂN SỰ\n\nĐiều 1. Phạm vi điều chỉnh\n\nĐiều 2. Nguyên tắc", "bl.md")
    pl = parse_markdown("PHÁP LỆNH\n\nCHỐNG THỬ NGHIỆM\n\nĐiều 1. Phạm vi\n\nĐiều 2. Đối tượng", "pl.md")
    assert isinstance(bl, Law) and bl.title.startswith("Bộ luật ") and bl.title.lower() == "bộ luật dân sự"
    assert isinstance(pl, Law) and pl.title.startswith("Pháp lệnh ") and pl.title.lower() == "pháp lệnh chống thử nghiệm"


def test_markdown_emphasis_in_a_law():
    law = parse_markdown("**QUỐC HỘI**\n\n**LUẬT**\n\n**CẢNH VỆ**\n\n**Điều 1.** Phạm vi điều chỉnh\n\nLuật này quy định "
                         "về cảnh vệ.\n\n**Điều 2. Đối tượng cảnh vệ**\n\n1. Người giữ chức vụ;", "cv.md")
    assert isinstance(law, Law) and law.title == "Luật Cảnh vệ"
    assert [(a.number, a.heading, a.paragraphs) for a in law.articles] == [
        ("1", "Phạm vi điều chỉnh", ["Luật này quy định về cảnh vệ."]), ("2", "Đối tượng cảnh vệ", ["1. Người giữ chức vụ;"])]


# -- laws ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name,title,number,n_articles,first_heading", SAMPLES)
def test_portal_docx_samples(name, title, number, n_articles, first_heading):
    need_shared(DOCX / name)
    law = load_document(DOCX / name)
    assert isinstance(law, Law)
    assert (law.title, law.number, len(law.articles)) == (title, number, n_articles)
    assert law.articles[0].number == "1" and law.articles[0].heading == first_heading
    assert [a.number for a in law.articles] == [str(i) for i in range(1, n_articles + 1)]
    # the signature block after "Luật này đã được Quốc hội … thông qua" is not law text
    assert not any("thông qua ngày" in p and "Quốc hội" in p for p in law.articles[-1].paragraphs)


def test_article_without_period_keeps_its_body():
    need_shared(DOCX)
    law = load_law(DOCX / "VBPL_10803.docx")
    a1 = law.articles[0]
    assert a1.heading == ""
    assert a1.paragraphs[0].startswith("Tổ chức, cá nhân sử dụng đất vào sản xuất nông nghiệp")


def test_amending_law_keeps_quoted_sections_inside_the_article_quoting_them():
    need_shared(DOCX)
    law = load_law(DOCX / "VBPL_186573.docx")
    assert [a.number for a in law.articles] == ["1", "2"]
    one = law.articles[0].paragraphs
    # “Mục 8 / TỔ HỢP CÔNG NGHIỆP AN NINH QUỐC GIA / Điều 45a. … Điều 45d. …” is what Điều 1 inserts
    assert "“Mục 8" in one and "TỔ HỢP CÔNG NGHIỆP AN NINH QUỐC GIA" in one
    assert any(p.startswith("Điều 45a. Chức năng, nhiệm vụ") for p in one)
    assert any(p.startswith("“Điều 22.") for p in one)
    assert law.articles[1].heading == "Hiệu lực thi hành"
    assert law.articles[1].paragraphs[0].startswith("1. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026")


def test_every_shared_law_reads_as_a_law():
    need_shared(LAWS)
    files = sorted(LAWS.glob("*.md"))
    assert len(files) == 28
    for path in files:
        law = load_law(path)
        assert law.title.startswith(("Luật ", "Bộ luật ", "Hiến pháp")), (path.name, law.title)
        assert law.articles[0].number == "1", path.name
    assert len(load_law(LAWS / "bo-luat-dan-su.md").articles) == 689


def test_markdown_laws_nfc_and_numbers():
    need_shared(LAWS)
    law = load_document(LAWS / "luat-hon-nhan-va-gia-dinh.md")
    assert isinstance(law, Law) and law.title == "Luật Hôn nhân và gia đình"
    assert [a.number for a in law.articles[:3]] == ["1", "2", "3"]
    assert all(unicodedata.is_normalized("NFC", p) for a in law.articles for p in a.paragraphs)


def test_wrapped_line_starting_with_dieu_is_not_an_article():
    law = parse_law_markdown("# Luật Thử\n\nĐiều 1. Phạm vi\n\n1. Theo quy định tại\nĐiều 169 của Luật này.\n\nĐiều 2. Khác\n\n"
                             "Nội dung.", "t.md")
    assert [a.number for a in law.articles] == ["1", "2"]
    assert law.articles[0].paragraphs == ["1. Theo quy định tại Điều 169 của Luật này."]


def test_docx_round_trip_law(tmp_path):
    import docx

    d = docx.Document()
    for p in ["QUỐC HỘI", "LUẬT", "THỬ NGHIỆM VĂN BẢN", "Chương I", "NHỮNG QUY ĐỊNH CHUNG", "Điều 1 ", "Phạm vi điều chỉnh",
              "Luật này quy định việc thử.", "Điều 2. Đối tượng áp dụng", "1. Cơ quan nhà nước;", "a) cấp tỉnh;"]:
        d.add_paragraph(p)
    path = tmp_path / "luat.docx"
    d.save(str(path))
    law = load_document(path)
    assert isinstance(law, Law)
    assert law.title == "Luật Thử nghiệm văn bản"
    assert [(a.number, a.heading) for a in law.articles] == [("1", "Phạm vi điều chỉnh"), ("2", "Đối tượng áp dụng")]
    assert law.articles[0].chapter == "Chương I. NHỮNG QUY ĐỊNH CHUNG"
    assert law.articles[1].paragraphs == ["1. Cơ quan nhà nước;", "a) cấp tỉnh;"]


def _law_pdf(path: Path, paragraphs: list[tuple[str, str]]) -> None:
    from fpdf import FPDF

    if not (FONT.exists() and FONT_BOLD.exists()):
        pytest.skip(f"no Unicode TTF fonts at {FONT.parent} to write a Vietnamese PDF")
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("dejavu", "", str(FONT))
    pdf.add_font("dejavu", "B", str(FONT_BOLD))
    for style, text in paragraphs:
        pdf.set_font("dejavu", style, size=11)
        pdf.multi_cell(0, 6, text)
        pdf.ln(2)
    pdf.output(str(path))


LONG = ("Luật này quy định về quyền, nghĩa vụ và trách nhiệm của thanh niên; chính sách của Nhà nước đối với thanh niên "
        "và tổ chức thanh niên được viết dài để xuống dòng.")


def test_pdf_round_trip_law(tmp_path):
    # a law as printed: bold title block and article headings, regular text
    path = tmp_path / "luat.pdf"
    _law_pdf(path, [("B", "LUẬT"), ("B", "THANH NIÊN THỬ"), ("B", "Điều 1. Phạm vi điều chỉnh"), ("", LONG),
                    ("B", "Điều 2. Thanh niên"), ("", "Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi.")])
    law = load_document(path)
    assert isinstance(law, Law)
    assert law.title == "Luật Thanh niên thử"
    # the wrapped paragraph is joined back into one
    assert [(a.number, a.heading, a.paragraphs) for a in law.articles] == [
        ("1", "Phạm vi điều chỉnh", [LONG]), ("2", "Thanh niên", ["Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi."])]


def test_pdf_law_with_plain_article_headings(tmp_path):
    path = tmp_path / "luat.pdf"
    _law_pdf(path, [("", "# Luật Thanh niên thử"), ("", "Điều 1. Phạm vi điều chỉnh"), ("", LONG), ("", "Điều 2. Thanh niên"),
                    ("", "Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi.")])
    law = load_document(path)
    assert isinstance(law, Law) and [a.number for a in law.articles] == ["1", "2"]
    assert law.articles[1].heading == "Thanh niên"
    assert law.articles[1].paragraphs == ["Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi."]


# -- the corpus's files ---------------------------------------------------------------------------------
def test_corpus_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    (a / "sub").mkdir(parents=True)
    b.mkdir()
    for rel in ["z-cong-van.md", "ke-hoach.docx", "sub/thong-bao.pdf", "sub/ghi-chu.txt", "glossary.tsv", "units.yaml",
                "README.md", "Glossary.md", ".an.md", "~$ke-hoach.docx", "bang.xlsx", "anh.png"]:
        (a / rel).write_text("x", encoding="utf-8")
    (b / "luat.md").write_text("x", encoding="utf-8")
    single = tmp_path / "mot-tep.md"
    single.write_text("x", encoding="utf-8")
    files = corpus_files([a, b, single])
    # sorted within each directory, recursively; reference data, hidden, lock and unsupported files left out
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "a/ke-hoach.docx", "a/sub/ghi-chu.txt", "a/sub/thong-bao.pdf", "a/z-cong-van.md", "b/luat.md", "mot-tep.md"]
    assert corpus_files([b, a])[0] == b / "luat.md"  # directories in the order given
    with pytest.raises(ParseError, match="khong-co"):
        corpus_files([tmp_path / "khong-co"])


def test_the_project_corpus_holds_the_seed():
    files = corpus_files([DIRECTIVE.parent])
    assert DIRECTIVE in files and all(p.suffix in (".md", ".txt", ".docx", ".pdf") for p in files)


# -- malformed files --------------------------------------------------------------------------------------
@pytest.mark.parametrize("name,content,why", [
    ("hong.docx", b"PK\x03\x04 this is not really a zip", "docx"),
    ("rong.docx", b"", "rỗng"),
    ("hong.pdf", b"%PDF-1.4\n garbage without xref", "PDF"),
    ("ma-hoa.md", "Điều 1. x".encode("utf-16"), "UTF-8"),
    ("trong.md", b"   \n\n", "không có nội dung"),
    ("nhi-phan.md", b"abc\x00def", "nhị phân"),
    ("luat-khong-dieu.md", "# Luật Không có điều\n\nChỉ có lời nói đầu.\n".encode(), "Điều N"),
    ("chi-co-dau.md", "ỦY BAN NHÂN DÂN\n\nSố: 12/KH-UBND\n\nKẾ HOẠCH\n\nVề việc kiểm tra\n".encode(), "nội dung"),
    ("bang.xlsx", b"x", ".xlsx"),
])
def test_malformed_files_fail_with_their_name(tmp_path, name, content, why):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ParseError) as exc:
        load_document(path)
    assert str(exc.value).startswith(f"{name}:") and why in str(exc.value)


def test_docx_without_its_document_part(tmp_path):
    import zipfile

    path = tmp_path / "thieu.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(ParseError, match=r"^thieu\.docx: .*word/document\.xml"):
        load_document(path)


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "lon.pdf"
    with path.open("wb") as f:
        f.truncate(21 * 1024 * 1024)  # sparse: nothing is written
    with pytest.raises(ParseError, match=r"^lon\.pdf: .*MB"):
        load_document(path)


# -- NFD in, NFC out -------------------------------------------------------------------------------------
def test_nfd_markdown_reads_as_its_nfc_self(tmp_path):
    text = DIRECTIVE.read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    path = tmp_path / "nfd.md"
    path.write_text(nfd, encoding="utf-8")
    d, ref = load_document(path), load_document(DIRECTIVE)
    assert isinstance(d, AdminDocument) and isinstance(ref, AdminDocument)
    assert all(unicodedata.is_normalized("NFC", s) for s in _strings(d))
    assert (d.kind, d.subject, d.number, d.issuer, d.recipients) == (ref.kind, ref.subject, ref.number, ref.issuer,
                                                                       ref.recipients)
    assert [n.path for n in d.walk()] == [n.path for n in ref.walk()]
    assert d.signer is not None and ref.signer is not None and d.signer.name == ref.signer.name == "Nguyễn Duy Hưng"
    assert [r.number for r in d.references] == [r.number for r in ref.references]


def test_nfd_law_reads_as_nfc():
    law = parse_markdown(unicodedata.normalize("NFD", "# Luật Thử nghiệm\n\nĐiều 1. Phạm vi điều chỉnh\n\nLuật này "
                                                      "quy định việc thử.\n\nĐiều 2. Đối tượng\n\nCơ quan nhà nước."), "t.md")
    assert isinstance(law, Law) and law.title == "Luật Thử nghiệm"
    assert [(a.number, a.heading) for a in law.articles] == [("1", "Phạm vi điều chỉnh"), ("2", "Đối tượng")]
    assert law.articles[0].paragraphs == ["Luật này quy định việc thử."]


def test_nfd_docx_reads_as_nfc(tmp_path):
    import docx

    def nfd(s: str) -> str:
        return unicodedata.normalize("NFD", s)

    d = docx.Document()
    for p in ["ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN", "Số: 31/KH-UBND", "Hưng Yên, ngày 02 tháng 3 năm 2026", "KẾ HOẠCH",
              "Kiểm tra công tác văn thư năm 2026", "I. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ",
              "- Chủ trì kiểm tra, báo cáo UBND tỉnh trước ngày 30/6/2026."]:
        d.add_paragraph(nfd(p))
    t = d.add_table(rows=2, cols=3)
    for cell, text in zip([*t.rows[0].cells, *t.rows[1].cells],
                          ["Nội dung công việc", "Đơn vị thực hiện", "Thời gian thực hiện",
                           "Kiểm tra tại Sở Tư pháp", "Sở Nội vụ", "Tháng 7/2026"]):
        cell.text = nfd(text)
    path = tmp_path / "nfd.docx"
    d.save(str(path))
    doc = load_document(path)
    assert isinstance(doc, AdminDocument)
    assert all(unicodedata.is_normalized("NFC", s) for s in _strings(doc))
    assert (doc.kind, doc.number, doc.subject) == ("Kế hoạch", "31/KH-UBND", "Kiểm tra công tác văn thư năm 2026")
    i1 = doc.find("mục I.1")
    assert i1 is not None and i1.heading == "Sở Nội vụ"
    ((_node, table),) = list(doc.tables())
    assert table.roles == ["task", "lead", "deadline"]
    assert table.rows[0].cells == ["Kiểm tra tại Sở Tư pháp", "Sở Nội vụ", "Tháng 7/2026"]
