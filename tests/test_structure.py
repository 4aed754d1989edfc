"""The document model read off real documents of every form: header (issuer and parent,
motto kept apart, số/ký hiệu in parts, place and date, urgency), type and trích yếu, the
body tree, tables with column roles, appendices, attached documents, footnotes linked to
the passage citing them, signature and Nơi nhận. Expected values are read off the
documents by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DIRECTIVE, ROOT, SHARED, need_shared

from retrieval.documents.ingest import load_document
from retrieval.documents.model import AdminDocument, Law
from retrieval.documents.passages import chunk_document
from retrieval.documents.structure import column_roles, parse_number

DIRS = SHARED / "corpus" / "directives"
FIXTURES = ROOT / "tests" / "fixtures"


def load(name: str) -> AdminDocument:
    path = DIRS / name if not name.startswith("/") else Path(name)
    need_shared(path)
    doc = load_document(path)
    assert isinstance(doc, AdminDocument)
    return doc


def paths(doc: AdminDocument) -> list[str]:
    return [n.path for n in doc.walk() if n.kind != "paragraph"]


# -- số và ký hiệu ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, number, year, type_code, issuer, unit", [
    ("68/KH-UBND", "68", "", "KH", "UBND", ""),
    ("1456/UBND-KGVX", "1456", "", "", "UBND", "KGVX"),  # a công văn: no type code, a drafting unit
    ("142/TB-VP", "142", "", "TB", "VP", ""),
    ("1875/QĐ-UBND", "1875", "", "QĐ", "UBND", ""),
    ("/UBND-NC", "", "", "", "UBND", "NC"),  # the number left blank is kept blank
    ("35/2023/UBTVQH15", "35", "2023", "", "UBTVQH15", ""),
    ("45/2025/NQ-HĐND", "45", "2025", "NQ", "HĐND", ""),
    ("412/TTr-SNV", "412", "", "TTr", "SNV", ""),
])
def test_number_parts(text, number, year, type_code, issuer, unit):
    n = parse_number(text)
    assert (n.text, n.number, n.year, n.type_code, n.issuer_code, n.unit_code) == (text, number, year, type_code, issuer, unit)
    assert n.blank == (number == "")


def test_column_roles_from_header_words():
    assert column_roles(["TT", "Nội dung công việc", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện"]) == [
        "index", "task", "lead", "cooperate", "deadline"]
    assert column_roles(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"]) == [
        "index", "task", "lead", "cooperate", "deadline", "product"]
    assert column_roles(["TT", "Cơ quan, đơn vị", "Tỷ lệ hồ sơ đúng hạn (%)", "Điểm Bộ chỉ số (thang 100)"]) == [
        "index", "unit", "value", "value"]


# -- the seed (a công văn with its number left blank) ---------------------------------------------------
def test_seed_header_and_tree():
    d = load_document(DIRECTIVE)
    assert isinstance(d, AdminDocument)
    h = d.header
    assert (d.kind, h.number.text, h.number.blank, h.date.day, h.date.month, h.date.year) == (
        "Công văn", "/UBND-NC", True, None, 8, 2024)
    assert d.subject == "V/v triển khai nhiệm vụ công tác CCHC 6 tháng cuối năm 2024"
    assert d.issuer == "UBND tỉnh Hưng Yên"  # no header lines: from the issuer code and place
    assert d.recipients == ["Các sở, ban, ngành tỉnh", "Các đơn vị sự nghiệp công lập trực thuộc UBND tỉnh",
                            "UBND huyện, thị xã, thành phố"]
    assert [n.path for n in d.body] == ["mục 1", "mục 2", "mục 3"]
    assert [c.label for c in d.body[0].children] == ["a", "b", "c", "d", "đ", "e", "g"]
    # point b) runs across a page break with the page's footnotes printed in its middle
    b = d.body[0].children[1]
    assert "Ban Chấp hành Đảng bộ tỉnh tiếp tục triển khai" in b.text and b.text.endswith("HĐND, UBND tỉnh<sup>10</sup>.")
    assert d.signer is not None and (d.signer.name, d.signer.title) == ("Nguyễn Duy Hưng", "Phó Chủ tịch")
    assert d.signer.capacity == ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]
    assert d.copies[0] == "Như trên" and "Trung tâm PVHCC&KSTTHC" in d.copies
    expected = {1: ["mở đầu"], 2: ["mục 1.a"], 3: ["mục 1.a"], 4: ["mục 1.a"], 5: ["mục 1.b"], 6: ["mục 1.b"],
                7: ["mục 1.b"], 8: ["mục 1.b"], 9: ["mục 1.b"], 10: ["mục 1.b"], 11: ["mục 1.đ"], 12: ["mục 2"], 13: ["mục 2"]}
    assert {n: f.cited_in for n, f in d.footnotes.items()} == expected
    assert d.closing == ["Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc thực hiện./."]


# -- the seven documents of other forms --------------------------------------------------------------
def test_chi_thi():
    d = load("chi-thi-ky-luat-ky-cuong-2025.md")
    h = d.header
    assert (d.kind, h.number.text, h.date.short(), d.issuer) == ("Chỉ thị", "05/CT-UBND", "17/3/2025", "UBND tỉnh Hưng Yên")
    assert h.issuer_lines == ["ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN"]
    assert h.motto == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]  # never in a name
    assert d.subject.startswith("Về tăng cường kỷ luật, kỷ cương hành chính")
    assert [n.path for n in d.body] == [f"mục {i}" for i in range(1, 9)]
    assert d.body[1].heading == "Sở Nội vụ" and [c.label for c in d.body[1].children] == ["a", "b", "c"]
    assert d.signer is not None and (d.signer.name, d.signer.title, d.signer.capacity) == ("Lê Minh Đức", "Chủ tịch", [])
    assert d.footnotes[3].cited_in == ["mục 1.d"] and d.footnotes[4].cited_in == ["mục 3"]
    assert d.closing == ["Chỉ thị này có hiệu lực kể từ ngày ký./."]
    assert {r.number for r in d.references} >= {"26/CT-TTg", "512/NQ-HĐND", "1567/QĐ-UBND", "2958/QĐ-UBND"}


def test_ke_hoach_with_task_table_in_an_appendix():
    d = load("ke-hoach-khao-sat-hai-long-2025.md")
    assert (d.kind, d.number, d.header.date.short()) == ("Kế hoạch", "68/KH-UBND", "15/4/2025")
    assert [n.path for n in d.body] == ["mục I", "mục II", "mục III", "mục IV"]
    assert "mục II.2.1" in paths(d) and "mục IV.6" in paths(d)
    iv = d.find("mục IV")
    assert iv is not None and [c.heading for c in iv.children][:2] == ["Sở Nội vụ", "Văn phòng UBND tỉnh"]
    (app,) = d.appendices
    assert app.path == "Phụ lục" and app.heading.startswith("PHÂN CÔNG NHIỆM VỤ")
    assert app.text == "(Kèm theo Kế hoạch số 68/KH-UBND ngày 15/4/2025 của UBND tỉnh Hưng Yên)"
    ((node, table),) = list(d.tables())
    assert table.roles == ["index", "task", "lead", "cooperate", "deadline"]
    assert len(table.rows) == 10
    r4 = table.rows[3]
    assert (r4.label, table.get(r4, "task"), table.get(r4, "lead"), table.get(r4, "cooperate"), table.get(r4, "deadline")) == (
        "4", "Tập huấn nghiệp vụ cho điều tra viên, công chức đầu mối", "Sở Nội vụ", "Bưu điện tỉnh", "Trước 31/5/2025")
    # the table rows are not glued to the signature block
    assert d.signer is not None and d.signer.name == "Nguyễn Thị Thanh Hương"
    assert d.closing[0].startswith("Trong quá trình thực hiện, nếu có khó khăn")


def test_quyet_dinh_issues_a_quy_che():
    d = load("quyet-dinh-ban-hanh-quy-che-2025.md")
    assert (d.kind, d.number) == ("Quyết định", "1875/QĐ-UBND")  # a Quyết định, not a law
    assert d.authority == "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN"
    assert [b[:20] for b in d.bases] == ["Căn cứ Luật Tổ chức ", "Căn cứ Nghị định số ", "Theo đề nghị của Giá"]
    assert [n.path for n in d.body] == ["Điều 1", "Điều 2", "Điều 3"]
    assert d.effective == "kể từ ngày 01 tháng 9 năm 2025" and d.replaces == ["2307/QĐ-UBND"]
    assert d.signer is not None and d.signer.name == "Lê Minh Đức" and d.signer.title == "Chủ tịch"
    (qc,) = d.attachments
    assert qc.kind == "Quy chế" and qc.subject.startswith("Phối hợp giải quyết thủ tục hành chính")
    assert qc.attached_to.startswith("Quyết định số 1875/QĐ-UBND")
    assert [n.path for n in qc.body] == ["Chương I", "Chương II", "Chương III"]
    articles = [n.path for n in qc.walk() if n.kind == "article"]
    assert articles == [f"Điều {i}" for i in range(1, 9)]
    assert qc.find("điểm d khoản 2 Điều 1") is not None and qc.find("khoản 1 Điều 6") is not None


def test_thong_bao_of_an_office_under_its_parent():
    d = load("thong-bao-ket-luan-pho-chu-tich-2025.md")
    h = d.header
    assert (h.parent, d.issuer, h.number.issuer_code) == ("UBND tỉnh Hưng Yên", "Văn phòng UBND tỉnh Hưng Yên", "VP")
    assert d.kind == "Thông báo" and len(d.preamble) == 2
    assert [c.label for c in d.find("mục I.2").children if c.kind == "point"] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert d.find("mục II.2") is not None
    assert d.signer is not None and d.signer.capacity == ["KT. Chánh Văn phòng"] and d.signer.title == "Phó Chánh Văn phòng"


def test_bao_cao_with_a_value_table():
    d = load("bao-cao-ket-qua-cchc-quy-i-2026.md")
    assert (d.kind, d.number) == ("Báo cáo", "58/BC-UBND")
    ((node, table),) = list(d.tables())
    assert node.path == "mục I.6, bảng" and table.roles[:2] == ["index", "unit"] and not table.assigns_tasks
    assert [r.cells[1] for r in table.rows][-2:] == ["Phường Phố Hiến", "Xã Nghĩa Trụ"]
    assert d.footnotes[3].cited_in == ["mục I.6"]


def test_cong_van_hoa_toc_from_pdf():
    d = load("cong-van-hoa-toc-2026.pdf")
    h = d.header
    assert (d.kind, h.number.text, h.urgency, h.date.short()) == ("Công văn", "1456/UBND-KGVX", "Hỏa tốc", "09/3/2026")
    assert d.subject.startswith("V/v khẩn trương báo cáo tình hình thực hiện liên thông điện tử")
    assert d.recipients == ["Sở Y tế", "Sở Tư pháp", "Công an tỉnh", "Bảo hiểm xã hội tỉnh",
                            "Trung tâm Phục vụ hành chính công tỉnh", "UBND các xã, phường"]
    assert [n.path for n in d.body] == [f"mục {i}" for i in range(1, 8)]
    assert d.body[0].text.endswith("trước 16 giờ 00 ngày 10/3/2026.")
    assert any(c.startswith("(Thông tin liên hệ") for c in d.closing)
    assert d.signer is not None and (d.signer.name, d.signer.title) == ("Vũ Đình Khải", "Phó Chủ tịch")
    assert d.footnotes[1].text.startswith("Công văn số 1820/VPCP-KSTT") and d.footnotes[1].cited_in == ["mở đầu"]


def test_ke_hoach_from_an_eoffice_docx():
    d = load("ke-hoach-dao-tao-boi-duong-2026.docx")
    h = d.header
    # the header and signature are layout tables; their cells are furniture, not data tables
    assert (d.kind, h.number.text, h.date.short(), d.issuer) == ("Kế hoạch", "27/KH-UBND", "12/2/2026", "UBND tỉnh Hưng Yên")
    assert h.motto == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    # Word numbering drawn by numbering.xml: "1. Sở Nội vụ" and its bullets
    iv1 = d.find("mục IV.1")
    assert iv1 is not None and iv1.heading == "Sở Nội vụ" and [c.kind for c in iv1.children] == ["bullet", "bullet"]
    ((node, table),) = list(d.tables())  # the data table stays in its place, under mục II.2
    assert node.path == "mục II.2, bảng" and table.caption.startswith("Bảng: Các lớp")
    assert table.roles == ["index", "task", "target", "lead", "cooperate", "deadline"] and len(table.rows) == 7
    assert d.footnotes[1].text.startswith("Quyết định số 2745/QĐ-UBND") and d.footnotes[2].cited_in == ["mở đầu"]
    assert d.signer is not None and d.signer.name == "Nguyễn Thị Thanh Hương" and "Các sở, ban, ngành tỉnh" in d.copies


# -- forms written for the tests ------------------------------------------------------------------
def test_to_trinh_of_a_department():
    d = load(str(FIXTURES / "to-trinh-so-noi-vu-2025.md"))
    assert (d.kind, d.number, d.issuer, d.header.parent) == ("Tờ trình", "412/TTr-SNV", "Sở Nội vụ tỉnh Hưng Yên",
                                                             "UBND tỉnh Hưng Yên")
    assert d.recipients == ["Ủy ban nhân dân tỉnh Hưng Yên"] and len(d.bases) == 2
    assert d.signer is not None and (d.signer.title, d.signer.name) == ("Giám đốc", "Trần Văn Bình")


def test_nghi_quyet_is_not_a_law():
    d = load(str(FIXTURES / "nghi-quyet-hdnd-2025.md"))
    assert (d.kind, d.number, d.issuer) == ("Nghị quyết", "45/2025/NQ-HĐND", "HĐND tỉnh Hưng Yên")
    assert [n.path for n in d.body] == ["Điều 1", "Điều 2", "Điều 3"] and d.effective == "từ ngày 01 tháng 01 năm 2026"


def test_tthc_table_with_group_rows():
    d = load(str(FIXTURES / "quyet-dinh-cong-bo-tthc-2025.md"))
    ((node, table),) = list(d.tables())
    assert node.path == "Phụ lục" and [r.label for r in table.rows] == ["1", "2", "3", "4"]
    assert [r.group for r in table.rows] == ["I. Lĩnh vực hộ tịch"] * 3 + ["II. Lĩnh vực chứng thực"]
    assert d.header.date.short() == "14/10/2025" and d.authority.startswith("CHỦ TỊCH ỦY BAN NHÂN DÂN")


def test_chunks_cite_every_part_with_stable_ids():
    d = load("ke-hoach-khao-sat-hai-long-2025.md")
    chunks = chunk_document(d)
    ids = [c.chunk_id for c in chunks]
    assert len(ids) == len(set(ids)) and ids == [c.chunk_id for c in chunk_document(load("ke-hoach-khao-sat-hai-long-2025.md"))]
    sections = {c.section for c in chunks}
    assert {"phần đầu", "mục IV.1", "Phụ lục", "Phụ lục, dòng 4", "Nơi nhận", "phần ký", "chú thích 3"} <= sections
    row = next(c for c in chunks if c.section == "Phụ lục, dòng 4")
    assert "Đơn vị thực hiện: Sở Nội vụ" in row.text and "Thời gian thực hiện: Trước 31/5/2025" in row.text
    # the document's own number names all of it, so no passage "mentions" it
    assert all("68/KH-UBND" not in c.numbers for c in chunks)


def test_laws_are_told_apart_by_type():
    need_shared(SHARED / "corpus" / "laws" / "luat-gia.md")
    law = load_document(SHARED / "corpus" / "laws" / "luat-gia.md")
    assert isinstance(law, Law) and law.title == "Luật Giá"
