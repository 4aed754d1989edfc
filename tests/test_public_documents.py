"""Each of the seven public documents of ../shared/corpus/directives, parsed once: header
(issuer, số/ký hiệu in parts, place and date, urgency), type and trích yếu, Kính gửi, the
whole body tree, every table row, every footnote and where it is cited, Nơi nhận, the
signature and the closing. Expected values are read off the documents by hand (the .docx
and the .pdf through their text in ../shared/eval/sources); tests/test_structure.py holds
the finer points of each form, this file the complete picture of every document."""

from __future__ import annotations

import pytest
from conftest import SHARED, need_shared

from retrieval.documents.ingest import load_document
from retrieval.documents.model import AdminDocument, Node

DIRS = SHARED / "corpus" / "directives"
SOURCES = SHARED / "eval" / "sources"
NAMES = [
    "bao-cao-ket-qua-cchc-quy-i-2026.md",
    "chi-thi-ky-luat-ky-cuong-2025.md",
    "cong-van-hoa-toc-2026.pdf",
    "ke-hoach-dao-tao-boi-duong-2026.docx",
    "ke-hoach-khao-sat-hai-long-2025.md",
    "quyet-dinh-ban-hanh-quy-che-2025.md",
    "thong-bao-ket-luan-pho-chu-tich-2025.md",
]
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
UBND = ["ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN"]
PCT = ("Nguyễn Thị Thanh Hương", "Phó Chủ tịch", ["TM. Ủy ban nhân dân", "KT. Chủ tịch"])


@pytest.fixture(scope="module")
def docs() -> dict[str, AdminDocument]:
    need_shared(DIRS)
    out = {}
    for name in NAMES:
        d = load_document(DIRS / name)
        assert isinstance(d, AdminDocument), name
        out[name] = d
    return out


def outline(nodes: list[Node], depth: int = 0, skip: str | None = None) -> list[str]:
    """The tree as the document prints it: a labelled item by its citation path and heading
    (a khoản or điểm by its path alone), "¶" a paragraph, "-"/"+" a list entry, a table by its
    size. A paragraph opening with `skip` is left out."""
    out: list[str] = []
    for n in nodes:
        if skip and n.kind == "paragraph" and n.text.startswith(skip):
            continue
        if n.kind == "paragraph":
            tag = "¶"
        elif n.kind in ("bullet", "subbullet"):
            tag = n.label
        elif n.table is not None:
            tag = f"bảng {len(n.table.rows)} dòng"
        elif n.path.startswith(("khoản", "điểm")):
            tag = n.path
        else:
            tag = f"{n.path} {n.heading}".strip()
        out.append("  " * depth + tag)
        out += outline(n.children, depth + 1, skip)
    return out


def lines(text: str) -> list[str]:
    return [x for x in text.strip("\n").split("\n")]


def header(d: AdminDocument) -> tuple:
    h, n = d.header, d.header.number
    return (d.kind, (n.text, n.number, n.type_code, n.issuer_code, n.unit_code), (h.date.place, h.date.day, h.date.month,
            h.date.year), h.issuer_lines, h.parent, d.issuer, h.urgency)


def signer(d: AdminDocument) -> tuple:
    assert d.signer is not None
    return d.signer.name, d.signer.title, d.signer.capacity


def check_footnotes(d: AdminDocument, expected: dict[int, tuple[str, list[str]]]) -> None:
    """Every footnote: how its text opens and the passages citing it."""
    assert sorted(d.footnotes) == sorted(expected)
    for k, (opening, cited_in) in expected.items():
        assert d.footnotes[k].text.startswith(opening), (k, d.footnotes[k].text)
        assert d.footnotes[k].cited_in == cited_in, k


def test_every_document_has_its_motto_apart(docs):
    for name, d in docs.items():
        assert d.header.motto == MOTTO, name
        assert not any("CỘNG HÒA" in x or "Độc lập" in x for x in [d.issuer, d.subject, *d.header.issuer_lines]), name


# -- Báo cáo 58/BC-UBND ------------------------------------------------------------------------------
def test_bao_cao(docs):
    d = docs["bao-cao-ket-qua-cchc-quy-i-2026.md"]
    assert header(d) == ("Báo cáo", ("58/BC-UBND", "58", "BC", "UBND", ""), ("Hưng Yên", 23, 3, 2026), UBND, "",
                         "UBND tỉnh Hưng Yên", None)
    assert d.subject == "Kết quả công tác cải cách hành chính quý I năm 2026"
    assert d.recipients == [] and d.bases == []
    assert [p.text[:21] for p in d.preamble] == ["Thực hiện Kế hoạch số"]
    assert outline(d.body) == lines("""
mục I KẾT QUẢ THỰC HIỆN
  mục I.1 Công tác chỉ đạo, điều hành
    ¶
  mục I.2 Cải cách thể chế
    ¶
  mục I.3 Cải cách thủ tục hành chính
    ¶
  mục I.4 Cải cách tổ chức bộ máy và chế độ công vụ
    ¶
  mục I.5 Xây dựng chính quyền điện tử, chính quyền số
    ¶
  mục I.6 Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp
    ¶
    bảng 7 dòng
mục II TỒN TẠI, HẠN CHẾ
  mục II.1
  mục II.2
  mục II.3
  ¶
mục III NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026
  mục III.1
  mục III.2
  mục III.3
  mục III.4
  mục III.5
  mục III.6
""")
    # the paragraph after a run of numbered items belongs to their part, not to the last item
    assert d.find("mục II").children[-1].text.startswith("Nguyên nhân chủ yếu là khối lượng hồ sơ tăng cao")
    assert d.find("mục III.6").text.endswith("chậm nhất ngày 16/6/2026, đồng thời cập nhật số liệu trên Hệ thống "
                                             "thông tin báo cáo của tỉnh.")
    ((_node, t),) = list(d.tables())
    assert t.columns == ["TT", "Cơ quan, đơn vị", "Tỷ lệ hồ sơ đúng hạn (%)", "Tỷ lệ trực tuyến toàn trình (%)",
                         "Điểm Bộ chỉ số (thang 100)"]
    assert [r.cells for r in t.rows] == [
        ["1", "Sở Tư pháp", "100", "92,4", "93,15"],
        ["2", "Sở Y tế", "99,8", "88,6", "90,27"],
        ["3", "Sở Công Thương", "99,6", "90,1", "89,84"],
        ["4", "Sở Xây dựng", "98,9", "71,3", "84,60"],
        ["5", "Sở Nông nghiệp và Môi trường", "93,7", "52,8", "72,35"],
        ["6", "Phường Phố Hiến", "99,2", "76,5", "85,12"],
        ["7", "Xã Nghĩa Trụ", "97,4", "48,9", "74,08"],
    ]
    assert [r.label for r in t.rows] == [str(i) for i in range(1, 8)] and not any(r.group for r in t.rows)
    # footnote 3 is printed after the signature: still the report's, cited in mục I.6
    check_footnotes(d, {1: ("Kế hoạch số 214/KH-UBND ngày", ["mở đầu"]),
                        2: ("Các Quyết định của Chủ", ["mục I.3"]),
                        3: ("Quyết định số 766/QĐ-TTg ngày", ["mục I.6"])})
    assert d.copies == ["Bộ Nội vụ (b/c)", "Văn phòng Chính phủ (b/c)", "Thường trực Tỉnh ủy (b/c)",
                        "Thường trực HĐND tỉnh", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Các sở, ban, ngành tỉnh",
                        "UBND các xã, phường", "Lưu: VT, NC"]
    assert signer(d) == PCT
    assert d.closing == ["Trên đây là báo cáo kết quả công tác CCHC quý I năm 2026 của UBND tỉnh Hưng Yên./."]
    assert d.appendices == [] and d.attachments == []


# -- Chỉ thị 05/CT-UBND ------------------------------------------------------------------------------
def test_chi_thi(docs):
    d = docs["chi-thi-ky-luat-ky-cuong-2025.md"]
    assert header(d) == ("Chỉ thị", ("05/CT-UBND", "05", "CT", "UBND", ""), ("Hưng Yên", 17, 3, 2025), UBND, "",
                         "UBND tỉnh Hưng Yên", None)
    assert d.subject == ("Về tăng cường kỷ luật, kỷ cương hành chính, nâng cao trách nhiệm thực thi công vụ của cán bộ, "
                         "công chức, viên chức sau sắp xếp tổ chức bộ máy")
    assert [p.text.split(",")[0] for p in d.preamble] == [
        "Thời gian qua", "Tuy nhiên", "Để chấn chỉnh những tồn tại nêu trên"]
    assert outline(d.body) == lines("""
mục 1 Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thị xã, thành phố
  mục 1.a
  mục 1.b
  mục 1.c
  mục 1.d
  mục 1.đ
  mục 1.e
mục 2 Sở Nội vụ
  mục 2.a
  mục 2.b
  mục 2.c
mục 3 Thanh tra tỉnh
  ¶
mục 4 Văn phòng UBND tỉnh
  mục 4.a
  mục 4.b
mục 5 Sở Khoa học và Công nghệ
  ¶
mục 6 Đài Phát thanh và Truyền hình tỉnh
  ¶
mục 7 Chủ tịch UBND các huyện, thị xã, thành phố
  ¶
mục 8 Tổ chức thực hiện
  ¶
""")
    # footnotes 1 and 2 are printed between points c) and d) (a page's foot): neither point takes them in
    assert d.find("mục 1.c").text.endswith("phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên.")
    assert d.find("mục 1.d").text.startswith("Thực hiện nghiêm chế độ báo cáo")
    assert d.find("mục 2.a").text.endswith("trong năm 2025.")
    check_footnotes(d, {1: ("Chỉ thị số 26/CT-TTg ngày", ["mở đầu"]),
                        2: ("Nghị quyết số 512/NQ-HĐND ngày", ["mở đầu"]),
                        3: ("Quyết định số 1567/QĐ-UBND ngày", ["mục 1.d"]),
                        4: ("Quyết định số 2958/QĐ-UBND ngày", ["mục 3"])})
    assert list(d.tables()) == []
    # the typist's initials (<sup>Tuấn</sup>) are not part of the last entry
    assert d.copies == ["Văn phòng Chính phủ", "Bộ Nội vụ", "Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh",
                        "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố",
                        "Đài PT&TH tỉnh", "Lưu: VT, NC"]
    assert signer(d) == ("Lê Minh Đức", "Chủ tịch", [])
    assert d.closing == ["Chỉ thị này có hiệu lực kể từ ngày ký./."]


def test_chi_thi_takes_effect_on_signing(docs):
    assert docs["chi-thi-ky-luat-ky-cuong-2025.md"].effective == "kể từ ngày ký"


# -- Công văn hỏa tốc 1456/UBND-KGVX (PDF) ---------------------------------------------------------------------
def test_cong_van_hoa_toc(docs):
    d = docs["cong-van-hoa-toc-2026.pdf"]
    assert header(d) == ("Công văn", ("1456/UBND-KGVX", "1456", "", "UBND", "KGVX"), ("Hưng Yên", 9, 3, 2026), UBND, "",
                         "UBND tỉnh Hưng Yên", "Hỏa tốc")
    assert d.subject == ("V/v khẩn trương báo cáo tình hình thực hiện liên thông điện tử nhóm thủ tục hành chính về "
                         "khai sinh, khai tử")
    assert d.recipients == ["Sở Y tế", "Sở Tư pháp", "Công an tỉnh", "Bảo hiểm xã hội tỉnh",
                            "Trung tâm Phục vụ hành chính công tỉnh", "UBND các xã, phường"]
    assert len(d.preamble) == 1 and d.preamble[0].text.endswith("khẩn trương thực hiện ngay các nội dung sau:")
    assert outline(d.body) == [f"mục {i}" for i in range(1, 8)]
    # each item: who acts, and by when, as the letter says
    expected = [
        ("Sở Y tế chủ trì", "báo cáo UBND tỉnh (qua Văn phòng UBND tỉnh) trước 16 giờ 00 ngày 10/3/2026."),
        ("Sở Tư pháp chủ trì", "báo cáo UBND tỉnh (qua Văn phòng UBND tỉnh) trước 16 giờ 00 ngày 10/3/2026."),
        ("Công an tỉnh chỉ đạo", "gửi Sở Tư pháp ngay trong ngày 09/3/2026 để tổng hợp chung."),
        ("Bảo hiểm xã hội tỉnh tổng hợp", "gửi Sở Y tế ngay trong ngày 09/3/2026."),
        ("Trung tâm Phục vụ hành chính công tỉnh trích xuất", "cung cấp cho Sở Tư pháp, Sở Y tế ngay trong ngày 09/3/2026."),
        ("Chủ tịch UBND các xã, phường chỉ đạo", "về Sở Tư pháp trước 10 giờ 00 ngày 10/3/2026."),
        ("Giao Văn phòng UBND tỉnh tổng hợp", "báo cáo Văn phòng Chính phủ trước 17 giờ 00 ngày 11/3/2026."),
    ]
    for n, (opening, ending) in zip(d.body, expected):
        assert n.text.startswith(opening) and n.text.endswith(ending), n.path
    check_footnotes(d, {1: ("Công văn số 1820/VPCP-KSTT ngày", ["mở đầu"]),
                        2: ("Nghị định số 63/2024/NĐ-CP ngày", ["mở đầu"])})
    assert list(d.tables()) == []
    assert d.copies == ["Như trên", "Văn phòng Chính phủ (b/c)", "Chủ tịch UBND tỉnh (b/c)", "Lãnh đạo VP UBND tỉnh",
                        "Lưu: VT, KGVX"]
    assert signer(d) == ("Vũ Đình Khải", "Phó Chủ tịch", ["KT. Chủ tịch"])
    assert [c[:30] for c in d.closing] == ["Đây là nhiệm vụ cấp bách, Chủ ", "(Thông tin liên hệ: đồng chí N"]


# -- Kế hoạch 27/KH-UBND (eOffice .docx) ---------------------------------------------------------------------
def test_ke_hoach_dao_tao(docs):
    d = docs["ke-hoach-dao-tao-boi-duong-2026.docx"]
    assert header(d) == ("Kế hoạch", ("27/KH-UBND", "27", "KH", "UBND", ""), ("Hưng Yên", 12, 2, 2026), UBND, "",
                         "UBND tỉnh Hưng Yên", None)
    assert d.subject == "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức tỉnh Hưng Yên năm 2026"
    assert d.recipients == [] and len(d.preamble) == 1
    assert outline(d.body) == lines("""
mục I MỤC ĐÍCH, YÊU CẦU
  mục I.1 Mục đích
    -
    -
  mục I.2 Yêu cầu
    -
    -
mục II ĐỐI TƯỢNG, NỘI DUNG VÀ CHỈ TIÊU
  mục II.1 Đối tượng
    ¶
  mục II.2 Nội dung và chỉ tiêu
    mục II.2.a
    mục II.2.b
    mục II.2.c
    mục II.2.d
    mục II.2.đ
    ¶
    bảng 7 dòng
mục III KINH PHÍ THỰC HIỆN
  ¶
mục IV TỔ CHỨC THỰC HIỆN
  mục IV.1 Sở Nội vụ
    -
    -
  mục IV.2 Sở Tài chính
    ¶
  mục IV.3 Sở Khoa học và Công nghệ
    ¶
  mục IV.4 Trường Chính trị tỉnh
    ¶
  mục IV.5 Các sở, ban, ngành tỉnh; UBND các xã, phường
    -
    -
""")
    ((node, t),) = list(d.tables())
    assert node.path == "mục II.2, bảng" and t.caption == "Bảng: Các lớp đào tạo, bồi dưỡng trọng tâm năm 2026"
    assert t.columns == ["TT", "Nội dung lớp bồi dưỡng", "Đối tượng", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
    rows = [(r.label, t.get(r, "task"), t.get(r, "target"), t.get(r, "lead"), t.get(r, "cooperate"), t.get(r, "deadline"))
            for r in t.rows]
    assert rows[:6] == [
        ("1", "Bồi dưỡng kỹ năng số, khai thác nền tảng số dùng chung", "Cán bộ, công chức cấp xã",
         "Sở Khoa học và Công nghệ", "Sở Nội vụ; UBND các xã, phường", "Quý II/2026"),
        ("2", "Bồi dưỡng nghiệp vụ tiếp nhận, giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
         "Công chức Trung tâm Phục vụ hành chính công cấp xã", "Trung tâm Phục vụ hành chính công tỉnh",
         "Sở Tư pháp; Công an tỉnh", "Tháng 4/2026"),
        ("3", "Bồi dưỡng nghiệp vụ hộ tịch, chứng thực", "Công chức tư pháp - hộ tịch cấp xã", "Sở Tư pháp", "Sở Nội vụ",
         "Tháng 5/2026"),
        ("4", "Bồi dưỡng quản lý nhà nước về đất đai, xây dựng", "Công chức phụ trách lĩnh vực đất đai, xây dựng cấp xã",
         "Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Quý III/2026"),
        ("5", "Bồi dưỡng ngạch chuyên viên chính", "Công chức cấp tỉnh, cấp xã", "Trường Chính trị tỉnh", "Sở Nội vụ",
         "Từ tháng 6 đến tháng 9/2026"),
        ("6", "Bồi dưỡng văn hóa công vụ, kỹ năng giao tiếp với người dân, doanh nghiệp", "Cán bộ, công chức, viên chức",
         "Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch", "Tháng 10/2026"),
    ]
    # row 7 names no lead or date: its text says who organises the other classes
    label, task, *rest = rows[6]
    assert label == "7" and task.startswith("Các lớp bồi dưỡng chuyên môn, nghiệp vụ khác") and rest == ["", "", "", ""]
    check_footnotes(d, {1: ("Quyết định số 2745/QĐ-UBND ngày", ["mở đầu"]),
                        2: ("Công văn số 215/SNV-CCVC ngày", ["mở đầu"])})
    assert d.copies == ["Bộ Nội vụ", "TT Tỉnh ủy, TT HĐND tỉnh", "Chủ tịch, các PCT UBND tỉnh", "Các sở, ban, ngành tỉnh",
                        "Trường Chính trị tỉnh", "UBND các xã, phường", "Lưu: VT, NC"]
    assert signer(d) == PCT
    assert d.closing == ["Trong quá trình tổ chức thực hiện, nếu có vướng mắc, các cơ quan, đơn vị phản ánh về Sở Nội vụ "
                         "để tổng hợp, báo cáo UBND tỉnh xem xét, giải quyết./."]


# -- Kế hoạch 68/KH-UBND with an appendix ------------------------------------------------------------------
def test_ke_hoach_khao_sat(docs):
    d = docs["ke-hoach-khao-sat-hai-long-2025.md"]
    assert header(d) == ("Kế hoạch", ("68/KH-UBND", "68", "KH", "UBND", ""), ("Hưng Yên", 15, 4, 2025), UBND, "",
                         "UBND tỉnh Hưng Yên", None)
    assert d.subject == ("Khảo sát, đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành "
                         "chính nhà nước trên địa bàn tỉnh Hưng Yên năm 2025")
    total = "Tổng số phiếu khảo sát dự kiến toàn tỉnh"
    # where the province-wide total (1.680 + 3.300 phiếu) hangs, under mục II.2 or under its 2.2, the layout cannot tell
    assert any(n.text.startswith(total) for n in d.find("mục II.2").walk())
    assert outline(d.body, skip=total) == lines("""
mục I MỤC ĐÍCH, YÊU CẦU
  mục I.1 Mục đích
    -
    -
  mục I.2 Yêu cầu
    -
    -
mục II ĐỐI TƯỢNG, PHẠM VI, NỘI DUNG VÀ PHƯƠNG PHÁP KHẢO SÁT
  mục II.1 Đối tượng khảo sát
    ¶
  mục II.2 Phạm vi, quy mô khảo sát
    mục II.2.1 Cấp tỉnh
      -
      -
    mục II.2.2 Cấp huyện, cấp xã
      -
      -
  mục II.3 Nội dung khảo sát
    ¶
    -
    -
    -
    -
    -
  mục II.4 Phương pháp khảo sát
    -
    -
      +
      +
      +
mục III THỜI GIAN, KINH PHÍ THỰC HIỆN
  mục III.1 Thời gian
    -
    -
    -
    -
  mục III.2 Kinh phí
    ¶
mục IV TỔ CHỨC THỰC HIỆN
  mục IV.1 Sở Nội vụ
    -
    -
  mục IV.2 Văn phòng UBND tỉnh
    ¶
  mục IV.3 Sở Khoa học và Công nghệ
    ¶
  mục IV.4 Sở Tài chính
    ¶
  mục IV.5 Đài Phát thanh và Truyền hình tỉnh
    ¶
  mục IV.6 Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố
    -
    -
    -
""")
    assert [c.text for c in d.find("mục II.4").children[1].children] == [
        "Quét mã QR được niêm yết tại quầy tiếp nhận và trả kết quả;",
        "Truy cập phiếu khảo sát điện tử tích hợp trên Cổng Dịch vụ công của tỉnh;",
        "Qua đường liên kết gửi bằng tin nhắn SMS đến số điện thoại của người nộp hồ sơ."]
    assert outline(d.appendices) == ["Phụ lục PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH KHẢO SÁT SỰ HÀI LÒNG NĂM 2025",
                                     "  bảng 10 dòng"]
    ((_node, t),) = list(d.tables())
    assert [(r.label, t.get(r, "lead"), t.get(r, "deadline")) for r in t.rows] == [
        ("1", "Sở Nội vụ", "Tháng 5/2025"),
        ("2", "Văn phòng UBND tỉnh", "Trước 25/5/2025"),
        ("3", "Sở Khoa học và Công nghệ", "Tháng 5/2025"),
        ("4", "Sở Nội vụ", "Trước 31/5/2025"),
        ("5", "Đài Phát thanh và Truyền hình tỉnh", "Từ tháng 5 đến tháng 9/2025"),
        ("6", "Bưu điện tỉnh", "Từ 01/6 đến 30/9/2025"),
        ("7", "Sở Nội vụ", "Quý III/2025"),
        ("8", "Sở Nội vụ", "Trước 15/11/2025"),
        ("9", "Sở Nội vụ", "Tháng 12/2025"),
        ("10", "Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố", "Trong 30 ngày kể từ ngày công bố kết quả"),
    ]
    assert [t.get(r, "cooperate") for r in t.rows][4:6] == [
        "Sở Văn hóa, Thể thao và Du lịch; Sở Nội vụ", "Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố"]
    assert t.get(t.rows[7], "task") == "Nhập, làm sạch, phân tích dữ liệu; tổng hợp, báo cáo UBND tỉnh kết quả khảo sát"
    # footnote 3 marks a list entry: it is cited at the entry's place, mục II.4
    check_footnotes(d, {1: ("Kế hoạch số 35/KH-UBND ngày", ["mở đầu"]),
                        2: ("Quyết định số 2640/QĐ-BNV ngày", ["mở đầu"]),
                        3: ("Thỏa thuận hợp tác số 12/TTHT-SNV-BĐ", ["mục II.4"])})
    assert d.copies == ["Bộ Nội vụ (Vụ Cải cách hành chính)", "Thường trực Tỉnh ủy", "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
                        "Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố", "Bưu điện tỉnh", "Đài PT&TH tỉnh",
                        "Lưu: VT, NC"]
    assert signer(d) == PCT


# -- Quyết định 1875/QĐ-UBND issuing a Quy chế ----------------------------------------------------------------
def test_quyet_dinh_and_its_quy_che(docs):
    d = docs["quyet-dinh-ban-hanh-quy-che-2025.md"]
    assert header(d) == ("Quyết định", ("1875/QĐ-UBND", "1875", "QĐ", "UBND", ""), ("Hưng Yên", 28, 8, 2025), UBND, "",
                         "UBND tỉnh Hưng Yên", None)
    assert d.subject == ("Ban hành Quy chế phối hợp giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông "
                         "trên địa bàn tỉnh Hưng Yên")
    assert len(d.bases) == 3 and d.bases[2].startswith("Theo đề nghị của Giám đốc Trung tâm Phục vụ hành chính công tỉnh")
    assert outline(d.body) == ["Điều 1", "Điều 2", "Điều 3"]
    assert d.find("Điều 3").text.startswith("Chánh Văn phòng UBND tỉnh; Giám đốc Trung tâm Phục vụ hành chính công tỉnh")
    assert d.copies == ["Như Điều 3", "Văn phòng Chính phủ (Cục Kiểm soát TTHC)", "Thường trực Tỉnh ủy",
                        "Thường trực HĐND tỉnh", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Cổng Thông tin điện tử tỉnh",
                        "Lưu: VT, KSTT"]
    assert signer(d) == ("Lê Minh Đức", "Chủ tịch", ["TM. Ủy ban nhân dân"])
    assert d.footnotes == {} and list(d.tables()) == []

    (qc,) = d.attachments
    assert (qc.kind, qc.header.issuer, qc.header.number.blank) == ("Quy chế", "UBND tỉnh Hưng Yên", True)
    assert qc.attached_to == "Quyết định số 1875/QĐ-UBND ngày 28 tháng 8 năm 2025 của UBND tỉnh Hưng Yên"
    assert qc.signer is None and qc.copies == []  # the Quy chế is signed through its Quyết định
    assert outline(qc.body) == lines("""
Chương I QUY ĐỊNH CHUNG
  Điều 1 Phạm vi điều chỉnh và đối tượng áp dụng
    khoản 1 Điều 1
    khoản 2 Điều 1
      điểm a khoản 2 Điều 1
      điểm b khoản 2 Điều 1
      điểm c khoản 2 Điều 1
      điểm d khoản 2 Điều 1
      điểm đ khoản 2 Điều 1
  Điều 2 Nguyên tắc phối hợp
    khoản 1 Điều 2
    khoản 2 Điều 2
Chương II NỘI DUNG PHỐI HỢP
  Điều 3 Phối hợp trong tiếp nhận và chuyển hồ sơ
    khoản 1 Điều 3
    khoản 2 Điều 3
  Điều 4 Phối hợp giải quyết hồ sơ liên thông
    khoản 1 Điều 4
    khoản 2 Điều 4
  Điều 5 Xử lý hồ sơ cần bổ sung, hồ sơ quá hạn
    khoản 1 Điều 5
    khoản 2 Điều 5
    khoản 3 Điều 5
  Điều 6 Chế độ thông tin, báo cáo
    khoản 1 Điều 6
    khoản 2 Điều 6
Chương III TỔ CHỨC THỰC HIỆN
  Điều 7 Trách nhiệm của các cơ quan, đơn vị
    khoản 1 Điều 7
      điểm a khoản 1 Điều 7
      điểm b khoản 1 Điều 7
    khoản 2 Điều 7
    khoản 3 Điều 7
    khoản 4 Điều 7
    khoản 5 Điều 7
    khoản 6 Điều 7
      điểm a khoản 6 Điều 7
      điểm b khoản 6 Điều 7
  Điều 8 Sửa đổi, bổ sung Quy chế
    ¶
""")
    assert qc.find("điểm d khoản 2 Điều 1").text.endswith("gồm: Công an tỉnh, Bảo hiểm xã hội tỉnh, Thuế tỉnh;")
    assert qc.find("khoản 1 Điều 6").text.endswith("trước ngày 25 của tháng cuối quý.")
    # the Quy chế's closing sentence stays in its Điều 8, not in the Quyết định's closing
    assert qc.find("Điều 8").children[0].text.endswith("báo cáo UBND tỉnh xem xét, quyết định./.")
    assert d.closing == []


# -- Thông báo 142/TB-VP of the province's office -----------------------------------------------------------
def test_thong_bao(docs):
    d = docs["thong-bao-ket-luan-pho-chu-tich-2025.md"]
    assert header(d) == ("Thông báo", ("142/TB-VP", "142", "TB", "VP", ""), ("Hưng Yên", 24, 9, 2025),
                         ["UBND TỈNH HƯNG YÊN", "VĂN PHÒNG"], "UBND tỉnh Hưng Yên", "Văn phòng UBND tỉnh Hưng Yên", None)
    assert d.subject == ("Kết luận của đồng chí Vũ Đình Khải, Phó Chủ tịch UBND tỉnh tại cuộc họp về tình hình cung cấp "
                         "dịch vụ công trực tuyến và hoạt động của Trung tâm Phục vụ hành chính công cấp xã")
    assert [p.text[:10] for p in d.preamble] == ["Ngày 19/9/", "Sau khi ng"]
    assert outline(d.body) == lines("""
mục I Ý KIẾN KẾT LUẬN
  mục I.1 Đánh giá chung
    ¶
    ¶
  mục I.2 Nhiệm vụ trong thời gian tới
    ¶
    mục I.2.a
    mục I.2.b
    mục I.2.c
    mục I.2.d
    mục I.2.đ
    mục I.2.e
    mục I.2.g
mục II VỀ ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC ĐƠN VỊ
  mục II.1
  mục II.2
""")
    assert d.find("mục I.2.b").text.startswith("Giao Sở Nội vụ chủ trì") and d.find("mục I.2.b").text.endswith(
        "báo cáo UBND tỉnh trước ngày 15/10/2025.")
    assert d.find("mục II.2").text.endswith("tổ chức thực hiện trong tháng 10/2025.")
    check_footnotes(d, {1: ("Kế hoạch số 118/KH-UBND ngày", ["mục I.1"]),
                        2: ("Nghị định số 63/2024/NĐ-CP ngày", ["mục I.1"])})
    assert list(d.tables()) == []
    # "Công an tỉnh; BHXH tỉnh;" on one line is two recipients
    assert d.copies == ["Chủ tịch, các PCT UBND tỉnh", "Các sở: NV, TC, TP, KHCN, XD, NNMT", "Công an tỉnh", "BHXH tỉnh",
                        "Trung tâm PVHCC tỉnh", "Đài PT&TH tỉnh", "UBND các xã, phường", "Lãnh đạo VP UBND tỉnh",
                        "Lưu: VT, KSTT"]
    assert signer(d) == ("Trịnh Thu Trang", "Phó Chánh Văn phòng", ["KT. Chánh Văn phòng"])
    assert d.closing == ["Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."]


# -- one document, two forms ------------------------------------------------------------------------------------
def _fingerprint(d: AdminDocument) -> dict:
    return {
        "header": header(d), "subject": d.subject, "recipients": d.recipients,
        "tree": outline([*d.preamble, *d.body, *d.appendices]),
        "text": [(n.heading, n.text) for n in d.walk()],
        "rows": [(t.roles, [r.cells for r in t.rows]) for _n, t in d.tables()],
        "footnotes": {k: (f.text, f.cited_in) for k, f in d.footnotes.items()},
        "copies": d.copies, "signer": signer(d), "closing": d.closing,
        "references": [(r.number, r.kind, r.date, r.issuer, r.subject) for r in d.references],
    }


@pytest.mark.parametrize("name", ["cong-van-hoa-toc-2026.pdf", "ke-hoach-dao-tao-boi-duong-2026.docx"])
def test_docx_and_pdf_read_as_their_markdown_text(docs, name):
    source = SOURCES / (name.rsplit(".", 1)[0] + ".md")
    need_shared(source)
    md = load_document(source)
    assert isinstance(md, AdminDocument)
    ours, theirs = _fingerprint(docs[name]), _fingerprint(md)
    for key in ours:
        assert ours[key] == theirs[key], key
