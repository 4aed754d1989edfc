"""The same administrative text written in different forms reads alike: a table announced by a
numbered item of running text is that item's table, a `#` title line is read like a bold title
line, and a heading that lists units after a colon gives them its duties as the bracketed list
does. Every case is written both as Markdown and as a Word document (python-docx), small
documents the tests make themselves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Union

import pytest

from retrieval.dev import docgen
from retrieval.documents.ingest import document_type, load_document, parse_markdown
from retrieval.documents.model import AdminDocument, Node
from retrieval.documents.readers.markdown import read_markdown
from retrieval.facts.obligations import extract_obligations, parse_responsible
from retrieval.facts.units import load_units

UNITS = load_units()
# a line of a test document: text (bold when it opens with "**"), or a table as its rows
Line = Union[str, list[list[str]]]

HEADER: list[Line] = ["**ỦY BAN NHÂN DÂN**", "**TỈNH HƯNG YÊN**", "Số: 34/UBND-NC",
                      "V/v rà soát thủ tục hành chính lĩnh vực hộ tịch", "Hưng Yên, ngày 05 tháng 5 năm 2025",
                      "Kính gửi: Sở Tư pháp; UBND các xã, phường."]
PLAN_HEADER: list[Line] = ["**ỦY BAN NHÂN DÂN**", "**TỈNH HƯNG YÊN**", "Số: 80/KH-UBND",
                           "Hưng Yên, ngày 02 tháng 6 năm 2025", "**KẾ HOẠCH**",
                           "**Kiểm tra công tác cải cách hành chính năm 2025**"]
CLOSING: list[Line] = ["**Nơi nhận:**", "- Như trên;", "- Lưu: VT, NC.", "**KT. CHỦ TỊCH**", "**PHÓ CHỦ TỊCH**",
                       "**Vũ Đình Khải**"]
TASKS = [["TT", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian thực hiện"],
         ["1", "Thống kê hồ sơ khai sinh quá hạn", "UBND các xã, phường", "Trước 15/5/2025"],
         ["2", "Tổng hợp, đề xuất phương án", "Sở Tư pháp", "Trước 20/5/2025"]]


def _md(lines: list[Line]) -> str:
    out = []
    for x in lines:
        if isinstance(x, list):
            out.append("\n".join(["| " + " | ".join(x[0]) + " |", "|" + "---|" * len(x[0])]
                                 + ["| " + " | ".join(r) + " |" for r in x[1:]]))
        else:
            out.append(x)
    return "\n\n".join(out) + "\n"


def _docx(lines: list[Line], path: Path) -> Path:
    import docx

    d = docx.Document()
    for x in lines:
        if isinstance(x, list):
            t = d.add_table(rows=len(x), cols=len(x[0]))
            for i, row in enumerate(x):
                for j, text in enumerate(row):
                    t.cell(i, j).text = text
        elif x.startswith("**"):
            d.add_paragraph().add_run(x.strip("*")).bold = True
        else:
            d.add_paragraph(x)
    d.save(str(path))
    return path


def _both(lines: list[Line], tmp_path: Path, name: str) -> dict[str, AdminDocument]:
    """The document read from Markdown and from Word."""
    out = {}
    md = tmp_path / f"{name}.md"
    md.write_text(_md(lines), encoding="utf-8")
    for form, path in (("md", md), ("docx", _docx(lines, tmp_path / f"{name}.docx"))):
        doc = load_document(path)
        assert isinstance(doc, AdminDocument), form
        out[form] = doc
    return out


def _tables(doc: AdminDocument) -> list[tuple[str, str]]:
    """(path of each table, kind and label of the item it stands under)."""
    out: list[tuple[str, str]] = []

    def walk(nodes: list[Node], parent: Node | None) -> None:
        for n in nodes:
            if n.table is not None:
                out.append((n.path, f"{parent.kind} {parent.label}" if parent else "root"))
            walk(n.children, n)

    walk(doc.body, None)
    return out


def _outline(doc: AdminDocument) -> list[tuple[str, str, str, str]]:
    return [(n.kind, n.path, n.heading, n.text) for n in doc.walk()]


# == 1. a table after a numbered item of running text ==================================================
def test_docgen_cong_van_table_stands_under_the_item_announcing_it(tmp_path):
    """The công văn tests/docgen.py writes in Word, and the same text in Markdown."""
    dx = tmp_path / "cong-van-34.docx"
    docgen.write_docx(dx)
    md = _md([*HEADER, "1. Sở Tư pháp rà soát thủ tục hành chính lĩnh vực hộ tịch, đề xuất phương án đơn giản hóa, "
                       "báo cáo UBND tỉnh trước ngày 20/5/2025.",
              "2. UBND các xã, phường phối hợp cung cấp số liệu theo bảng dưới đây.", TASKS, *CLOSING])
    for doc in (load_document(dx), parse_markdown(md, "cong-van-34.md")):
        assert isinstance(doc, AdminDocument)
        assert _tables(doc) == [("mục 2, bảng", "section 2")]
        sections = sorted({o.section for o in extract_obligations(doc, UNITS)})
        assert sections == ["mục 1", "mục 2", "mục 2, bảng, dòng 1", "mục 2, bảng, dòng 2"]


@pytest.mark.parametrize("lead_in, path, under", [
    ("2. UBND các xã, phường phối hợp cung cấp số liệu theo bảng dưới đây.", "mục 2, bảng", "section 2"),
    ("2. UBND các xã, phường phối hợp cung cấp số liệu theo biểu mẫu sau, gửi Sở Tư pháp.", "mục 2, bảng",
     "section 2"),
    ("2. UBND các xã, phường phối hợp thực hiện các nội dung như sau:", "mục 2, bảng", "section 2"),
    # an item that does not announce it: the table is its parent's, as a paragraph would be
    ("2. UBND các xã, phường phối hợp cung cấp số liệu, báo cáo trước ngày 15/5/2025.", "bảng", "root"),
    ("2. UBND các xã, phường phối hợp cung cấp số liệu, sau đó gửi Sở Tư pháp.", "bảng", "root"),
])
def test_a_table_belongs_to_the_item_that_announces_it(tmp_path, lead_in, path, under):
    lines: list[Line] = [*HEADER, "1. Sở Tư pháp rà soát thủ tục hành chính, báo cáo UBND tỉnh trước ngày 20/5/2025.",
                         lead_in, TASKS, *CLOSING]
    docs = _both(lines, tmp_path, "cv")
    for form, doc in docs.items():
        assert _tables(doc) == [(path, under)], form
    assert _outline(docs["md"]) == _outline(docs["docx"])


def test_an_announced_table_under_a_point_and_under_a_heading(tmp_path):
    lines: list[Line] = [*PLAN_HEADER, "**I. NHIỆM VỤ**", "**1. Sở Tư pháp**",
                         "a) Rà soát thủ tục hành chính lĩnh vực hộ tịch theo danh mục sau:", TASKS,
                         "b) Báo cáo UBND tỉnh trước ngày 20/5/2025.",
                         "**2. Phân công thực hiện**", TASKS, *CLOSING]
    for form, doc in _both(lines, tmp_path, "kh").items():
        assert _tables(doc) == [("mục I.1.a, bảng", "point a"), ("mục I.2, bảng", "section 2")], form
        # the point after the table is the heading's, not the table's nor the point's before it
        (one,) = [n for n in doc.walk() if n.path == "mục I.1"]
        assert [c.label for c in one.children] == ["a", "b"]


def test_paragraphs_after_a_lead_in_stay_with_it(tmp_path):
    """"2. … thực hiện các nội dung sau:" and the unnumbered paragraphs it introduces are one item."""
    lines: list[Line] = [*HEADER, "1. Sở Tư pháp rà soát thủ tục hành chính, báo cáo UBND tỉnh trước ngày 20/5/2025.",
                         "2. UBND các xã, phường thực hiện các nội dung sau:",
                         "Thống kê hồ sơ khai sinh quá hạn, gửi Sở Tư pháp trước ngày 15/5/2025.",
                         "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa.", *CLOSING]
    for form, doc in _both(lines, tmp_path, "cv").items():
        (two,) = [n for n in doc.body if n.label == "2"]
        assert [c.kind for c in two.children] == ["paragraph", "paragraph"], form
        (dated,) = [o for o in extract_obligations(doc, UNITS) if o.deadline == dt.date(2025, 5, 15)]
        assert dated.group == "UBND cấp xã" and dated.section == "mục 2" and dated.recipient == "Sở Tư pháp"


# == 2. a `#` title line ===================================================================================
QD_BODY = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;", "**QUYẾT ĐỊNH:**",
           "**Điều 1.** Ban hành kèm theo Quyết định này Quy chế làm việc của Tổ công tác cải cách hành chính tỉnh.",
           "**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.",
           "**Điều 3.** Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./."]
SUBJECT = "Ban hành Quy chế làm việc của Tổ công tác cải cách hành chính tỉnh"


def _read(doc: AdminDocument) -> tuple[str, str, str, list[str], str]:
    return doc.kind, doc.subject, doc.authority, [n.path for n in doc.body], doc.effective


@pytest.mark.parametrize("title", [
    ["# QUYẾT ĐỊNH", SUBJECT],
    ["# Quyết định", SUBJECT],
    ["# Quyết định " + SUBJECT[:1].lower() + SUBJECT[1:]],  # the type and the trích yếu on one line
    ["# QUYẾT ĐỊNH", f"## {SUBJECT}"],
])
def test_a_hash_title_is_read_like_a_bold_title_line(title):
    lines = [*title, "**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN**", *QD_BODY]
    doc = parse_markdown("\n\n".join(lines), "quyet-dinh.md")
    assert isinstance(doc, AdminDocument)
    expected = ("Quyết định", SUBJECT, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN", ["Điều 1", "Điều 2", "Điều 3"],
                "kể từ ngày ký")
    assert _read(doc) == expected
    # the same document with its title set in bold reads the same
    bold = ["**" + x.lstrip("# ") + "**" for x in title]
    again = parse_markdown("\n\n".join([*bold, "**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN**", *QD_BODY]), "qd.md")
    assert isinstance(again, AdminDocument) and _read(again) == expected


def test_a_hash_title_after_the_header_and_hash_headings_in_the_body():
    text = "\n\n".join(["**ỦY BAN NHÂN DÂN  \nTỈNH HƯNG YÊN**", "Số: 15/KH-UBND", "Hưng Yên, ngày 10 tháng 3 năm 2025",
                        "# KẾ HOẠCH", "Kiểm tra công tác văn thư, lưu trữ năm 2025",
                        "## I. NHIỆM VỤ", "### 1. Sở Nội vụ",
                        "Chủ trì kiểm tra công tác văn thư, lưu trữ tại các sở; báo cáo UBND tỉnh trước ngày 30/6/2025.",
                        "**CHỦ TỊCH**", "**Lê Minh Đức**"])
    doc = parse_markdown(text, "ke-hoach.md")
    assert isinstance(doc, AdminDocument)
    assert (doc.kind, doc.number, doc.subject) == ("Kế hoạch", "15/KH-UBND", "Kiểm tra công tác văn thư, lưu trữ năm 2025")
    assert [(n.path, n.heading) for n in doc.walk() if n.kind != "paragraph"] == [
        ("mục I", "NHIỆM VỤ"), ("mục I.1", "Sở Nội vụ")]
    obs = extract_obligations(doc, UNITS)  # a duty a clause: the inspection it leads, then the report
    assert [(o.units, o.roles, o.deadline) for o in obs] == [
        (["Sở Nội vụ"], ["chủ trì"], None), (["Sở Nội vụ"], ["báo cáo"], dt.date(2025, 6, 30))]


def test_a_word_heading_title_with_its_trich_yeu(tmp_path):
    """A Word document whose title is set in the Heading 1 style, type and trích yếu on one line."""
    import docx

    d = docx.Document()
    d.add_heading("Quyết định " + SUBJECT[:1].lower() + SUBJECT[1:], level=1)
    d.add_paragraph().add_run("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN").bold = True
    for x in QD_BODY:
        d.add_paragraph(x.replace("**", ""))
    path = tmp_path / "quyet-dinh.docx"
    d.save(str(path))
    doc = load_document(path)
    assert isinstance(doc, AdminDocument)
    assert _read(doc) == ("Quyết định", SUBJECT, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN",
                          ["Điều 1", "Điều 2", "Điều 3"], "kể từ ngày ký")


def test_a_portal_title_gives_number_and_date_too():
    text = "\n\n".join(["# Kế hoạch số 12/KH-UBND ngày 03/01/2025 về kiểm tra công tác văn thư, lưu trữ năm 2025",
                        "**1. Sở Nội vụ**", "Chủ trì kiểm tra, báo cáo UBND tỉnh trước ngày 30/6/2025."])
    doc = parse_markdown(text, "kh.md")
    assert isinstance(doc, AdminDocument)
    assert (doc.kind, doc.number, doc.header.date.short(), doc.subject) == (
        "Kế hoạch", "12/KH-UBND", "03/1/2025", "Về kiểm tra công tác văn thư, lưu trữ năm 2025")


@pytest.mark.parametrize("title", ["# KẾ HOẠCH", "# Kế hoạch số 12/KH-UBND",
                                   "# Kế hoạch số 12/KH-UBND ngày 03/01/2025 về kiểm tra công tác văn thư, lưu trữ"])
def test_a_title_over_the_documents_own_header_adds_nothing(title):
    """A portal's or an export's title line above the header the document prints itself."""
    def read(text: str) -> tuple[object, ...]:
        d = parse_markdown(text, "ke-hoach-12.md")
        assert isinstance(d, AdminDocument)
        return d.kind, d.subject, d.number, d.header.date.short(), d.issuer, d.authority, _outline(d), d.preamble

    plain = read(docgen.KE_HOACH)
    assert plain[:5] == ("Kế hoạch", "Kiểm tra công tác văn thư, lưu trữ năm 2025", "12/KH-UBND", "03/1/2025",
                         "UBND tỉnh Hưng Yên")
    assert read(f"{title}\n\n{docgen.KE_HOACH}") == plain


def test_a_law_keeps_its_hash_title():
    raw = read_markdown("# Luật Giá\n\nĐiều 1. Phạm vi điều chỉnh\n\nLuật này quy định …\n", "luat-gia.md")
    assert raw.title == "Luật Giá" and document_type(raw) == "law"


# == 3. a heading that lists units after a colon ==========================================================
def _plan(heading: str, *, bold: bool = True) -> list[Line]:
    return [*PLAN_HEADER, f"**1. {heading}**" if bold else f"1. {heading}",
            "Tự kiểm tra, báo cáo UBND tỉnh trước ngày 30/7/2025.", *CLOSING]


@pytest.mark.parametrize("heading, units, unresolved", [
    ("Các sở: Tư pháp, Ngoại vụ", ["Sở Tư pháp", "Sở Ngoại vụ"], ["Sở Ngoại vụ"]),
    ("Các đơn vị được kiểm tra (các sở: Tư pháp, Ngoại vụ)", ["Sở Tư pháp", "Sở Ngoại vụ"], ["Sở Ngoại vụ"]),
    ("UBND các xã: Nghĩa Trụ, Phụng Công:", ["UBND xã Nghĩa Trụ", "UBND xã Phụng Công"], []),
    ("Các sở: Tư pháp, Ngoại vụ; UBND các xã: Nghĩa Trụ, Phụng Công",
     ["Sở Tư pháp", "Sở Ngoại vụ", "UBND xã Nghĩa Trụ", "UBND xã Phụng Công"], ["Sở Ngoại vụ"]),
])
def test_a_colon_list_heading_gives_its_duties_as_a_bracketed_one(tmp_path, heading, units, unresolved):
    for form, doc in _both(_plan(heading), tmp_path, "kh").items():
        (ob,) = extract_obligations(doc, UNITS)
        assert (ob.section, ob.units, ob.unresolved, ob.deadline) == ("mục 1", units, unresolved,
                                                                       dt.date(2025, 7, 30)), form


def test_a_colon_list_lead_in_of_running_text(tmp_path):
    """Not set apart: "1. UBND các xã: Nghĩa Trụ, Phụng Công:" leads in to the paragraph after it."""
    for form, doc in _both(_plan("UBND các xã: Nghĩa Trụ, Tân Tiến:", bold=False), tmp_path, "kh").items():
        (ob,) = extract_obligations(doc, UNITS)
        assert ob.section == "mục 1" and ob.units == ["UBND xã Nghĩa Trụ", "UBND xã Tân Tiến"], form


def test_colon_lists_read_on_their_own():
    r = parse_responsible("Các sở: Tư pháp, Ngoại vụ", UNITS)
    assert r.units == ["Sở Tư pháp", "Sở Ngoại vụ"] and r.unresolved == ["Sở Ngoại vụ"] and not r.groups
    # the kind holds across a semicolon inside its list, and a name that says its own kind keeps it
    r2 = parse_responsible("Các sở: Tư pháp; Ngoại vụ; Ban Dân tộc tỉnh", UNITS)
    assert r2.units == ["Sở Tư pháp", "Sở Ngoại vụ", "Ban Dân tộc tỉnh"]
    # a place the registry lacks is a unit of the list's kind (the registry's own rule for place names)
    r3 = parse_responsible("UBND các huyện, thị xã: Văn Giang, Bình Minh", UNITS)
    assert r3.units == ["UBND huyện Văn Giang", "UBND huyện Bình Minh"] and not r3.unresolved
    # a heading with its text after the colon is no list
    for text in ("Sở Nội vụ: chủ trì, phối hợp với Sở Tư pháp", "Các sở, ban, ngành tỉnh: Tổ chức thực hiện"):
        r4 = parse_responsible(text, UNITS)
        assert not r4.units and not r4.groups, text
