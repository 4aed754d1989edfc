"""The command line: `inspect` (what was understood of one file, as text or JSON),
`obligations --json`, clear messages for a missing index or file, and the `ask`/`eval`
contract the independent scorer depends on."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EVAL, LAWS, ROOT, SHARED, need_shared, run_cli

from retrieval.dev.docgen import write_docx

DIRS = SHARED / "corpus" / "directives"

# a plan whose first heading lists a department the registry does not know ("Ngoại vụ"), and
# a recurring report
KE_HOACH_90 = """**ỦY BAN NHÂN DÂN  
TỈNH HƯNG YÊN**

Số: 90/KH-UBND

Hưng Yên, ngày 14 tháng 7 năm 2025

**KẾ HOẠCH**

**Số hóa tài liệu lưu trữ lịch sử năm 2025**

**1. Các đơn vị được kiểm tra (các sở: Tư pháp, Ngoại vụ)**

Chủ trì số hóa tài liệu lưu trữ của cơ quan; báo cáo Sở Nội vụ kết quả thực hiện trước ngày 30/9/2025.

**2. Sở Nội vụ**

Tổng hợp, báo cáo UBND tỉnh tiến độ số hóa hằng quý, trước ngày 20 của tháng cuối quý.

**Nơi nhận:**

- Như trên;
- Lưu: VT, NC.

**CHỦ TỊCH**

**Lê Minh Đức**
"""


def _ok(p: subprocess.CompletedProcess) -> str:
    assert p.returncode == 0, p.stderr
    assert "Traceback" not in p.stderr
    return p.stdout


def _refused(p: subprocess.CompletedProcess, *words: str) -> None:
    assert p.returncode == 2, (p.stdout, p.stderr)
    assert p.stderr.startswith("lỗi: ") and "Traceback" not in p.stderr
    for w in words:
        assert w in p.stderr, (w, p.stderr)


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "ke-hoach-90.md"
    path.write_text(KE_HOACH_90, encoding="utf-8")
    return path


# -- inspect ---------------------------------------------------------------------------------------------
def test_inspect_markdown_shows_metadata_tree_tables_and_duties():
    path = DIRS / "ke-hoach-khao-sat-hai-long-2025.md"
    need_shared(path)
    out = _ok(run_cli("inspect", str(path)))
    lines = out.splitlines()
    assert lines[:5] == [
        "Loại: Kế hoạch",
        "Số, ký hiệu: 68/KH-UBND  [số 68, loại KH, cơ quan UBND, đơn vị soạn —]",
        "Cơ quan ban hành: UBND tỉnh Hưng Yên",
        "Nơi, ngày: Hưng Yên, ngày 15 tháng 4 năm 2025",
        "Trích yếu: Khảo sát, đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính "
        "nhà nước trên địa bàn tỉnh Hưng Yên năm 2025",
    ]
    # the tree, indented by depth, with citation paths
    assert "  [mục IV] roman: TỔ CHỨC THỰC HIỆN" in lines
    assert "    [mục IV.1] section: Sở Nội vụ" in lines
    assert "      [mục II.2.1] subsection: Cấp tỉnh" in lines
    # the appendix's table: its columns with their roles, then its rows
    assert ("    [Phụ lục] bảng 10 dòng; cột: TT (index); Nội dung công việc (task); Đơn vị thực hiện (lead); "
            "Đơn vị phối hợp (cooperate); Thời gian thực hiện (deadline)") in lines
    assert ("      dòng 4: 4 | Tập huấn nghiệp vụ cho điều tra viên, công chức đầu mối | Sở Nội vụ | Bưu điện tỉnh | "
            "Trước 31/5/2025") in lines
    assert any(x.startswith("Nơi nhận: Bộ Nội vụ (Vụ Cải cách hành chính); Thường trực Tỉnh ủy;") for x in lines)
    assert "Ký: TM. Ủy ban nhân dân / KT. Chủ tịch — Phó Chủ tịch Nguyễn Thị Thanh Hương" in lines
    assert any(x.startswith("Chú thích 3 (dẫn tại mục II.4): Thỏa thuận hợp tác số 12/TTHT-SNV-BĐ") for x in lines)
    # duties, each with its citation, who and role, and deadline
    count = next(x for x in lines if x.startswith("Nhiệm vụ ("))
    assert int(count[len("Nhiệm vụ ("):-2]) > 10
    assert "  - [Phụ lục, dòng 4] Sở Nội vụ (chủ trì) | hạn: 31/5/2025 | Tập huấn nghiệp vụ cho điều tra viên, công chức " \
           "đầu mối, trước 31/5/2025." in lines
    assert lines[-1] == "Tên đơn vị chưa có trong danh mục: không có"


def test_inspect_names_the_units_the_registry_lacks(plan):
    out = _ok(run_cli("inspect", str(plan)))
    assert "Số, ký hiệu: 90/KH-UBND  [số 90, loại KH, cơ quan UBND, đơn vị soạn —]" in out
    assert "  [mục 1] section: Các đơn vị được kiểm tra (các sở: Tư pháp, Ngoại vụ)" in out
    # the department the registry lacks is named as the list gives it ("Ngoại vụ"), or with its "Sở"
    unknown = (["Ngoại vụ"], ["Sở Ngoại vụ"])
    last = out.splitlines()[-1]
    assert last.startswith("Tên đơn vị chưa có trong danh mục: ") and [last.split(": ", 1)[1]] in unknown
    data = json.loads(_ok(run_cli("inspect", "--json", str(plan))))
    assert data["unresolved"] in unknown
    # a duty a clause: the digitising they lead, then the report with its date
    lead, report = [d for d in data["duties"] if d["source"]["section"] == "mục 1"]
    assert lead["roles"] == ["chủ trì"] and lead["recipient"] is None
    assert report["unresolved"] == data["unresolved"] and "Sở Tư pháp" in report["units"]
    assert report["recipient"] == "Sở Nội vụ" and report["deadline"] == "2025-09-30"
    recurring = next(d for d in data["duties"] if d["source"]["section"] == "mục 2")
    assert recurring["units"] == ["Sở Nội vụ"] and recurring["recurrence"] == "hằng quý"


def test_inspect_docx_as_json(tmp_path):
    path = tmp_path / "cong-van-34.docx"
    write_docx(path)
    data = json.loads(_ok(run_cli("inspect", "--json", str(path))))
    assert (data["file"], data["type"], data["kind"], data["number"]) == ("cong-van-34.docx", "admin", "Công văn", "34/UBND-NC")
    assert data["number_parts"] == {"number": "34", "year": "", "type_code": "", "issuer_code": "UBND", "unit_code": "NC"}
    assert (data["issuer"], data["place"], data["date"], data["date_iso"]) == (
        "UBND tỉnh Hưng Yên", "Hưng Yên", "ngày 05 tháng 5 năm 2025", "2025-05-05")
    assert data["subject"] == "V/v rà soát thủ tục hành chính lĩnh vực hộ tịch"
    assert data["recipients"] == ["Sở Tư pháp", "UBND các xã, phường"]
    assert [n["path"] for n in data["tree"] if n["kind"] == "section"] == ["mục 1", "mục 2"]
    (table,) = data["tables"]
    assert table["roles"] == ["index", "task", "lead", "deadline"]
    assert [r["cells"] for r in table["rows"]] == [["1", "Thống kê hồ sơ khai sinh quá hạn", "UBND các xã, phường", "Trước 15/5/2025"],
                                                   ["2", "Tổng hợp, đề xuất phương án", "Sở Tư pháp", "Trước 20/5/2025"]]
    def walk(nodes):
        for n in nodes:
            yield n
            yield from walk(n.get("children", []))

    # the table in its place: under the item that announces it ("… theo bảng dưới đây")
    assert [n["path"] for n in walk(data["tree"]) if n.get("table") == table] == ["mục 2, bảng"]
    assert data["copies"] == ["Như trên", "Lưu: VT, NC"]
    assert data["signer"] == "Vũ Đình Khải"
    assert data["signature"] == {"name": "Vũ Đình Khải", "title": "Phó Chủ tịch", "capacity": ["KT. Chủ tịch"]}
    report = next(d for d in data["duties"] if d["source"]["section"] == "mục 1")
    assert report["units"] == ["Sở Tư pháp"] and report["recipient"] == "UBND tỉnh" and report["deadline"] == "2025-05-20"
    assert any(d["source"]["section"] == "mục 2, bảng, dòng 2" and d["units"] == ["Sở Tư pháp"] for d in data["duties"])
    assert data["unresolved"] == []


def test_inspect_shared_docx_as_text():
    path = DIRS / "ke-hoach-dao-tao-boi-duong-2026.docx"
    need_shared(path)
    lines = _ok(run_cli("inspect", str(path))).splitlines()
    assert lines[1] == "Số, ký hiệu: 27/KH-UBND  [số 27, loại KH, cơ quan UBND, đơn vị soạn —]"
    assert ("      [mục II.2, bảng] bảng 7 dòng; cột: TT (index); Nội dung lớp bồi dưỡng (task); Đối tượng (target); "
            "Cơ quan chủ trì (lead); Cơ quan phối hợp (cooperate); Thời gian (deadline)") in lines
    assert "    [mục IV.4] section: Trường Chính trị tỉnh" in lines
    assert "  - [mục II.2, bảng, dòng 3] Sở Tư pháp (chủ trì) | hạn: 31/5/2026 | Bồi dưỡng nghiệp vụ hộ tịch, chứng thực, " \
           "tháng 5/2026." in lines


def test_inspect_a_law():
    path = LAWS / "luat-gia.md"
    need_shared(path)
    assert _ok(run_cli("inspect", str(path))).splitlines()[0] == "Luật: Luật Giá"
    data = json.loads(_ok(run_cli("inspect", "--json", str(path))))
    assert (data["type"], data["title"]) == ("law", "Luật Giá")
    assert data["articles"][0] == {"number": "1", "heading": "Phạm vi điều chỉnh", "chapter": None, "paragraphs": 1}
    assert len(data["articles"]) == 75


def test_inspect_refuses_clearly(tmp_path, plan):
    _refused(run_cli("inspect", str(tmp_path / "khong-co.md")), "khong-co.md", "không đọc được tệp")
    (tmp_path / "hong.docx").write_bytes(b"PK\x03\x04 broken")
    _refused(run_cli("inspect", "--json", str(tmp_path / "hong.docx")), "hong.docx")
    _refused(run_cli("inspect", "--units", str(tmp_path / "units.yaml"), str(plan)), "units.yaml")


# -- obligations -------------------------------------------------------------------------------------------
OLD_FIELDS = {"units", "group", "action", "recipient", "via", "deadline", "deadline_text", "purpose", "kind", "source"}
NEW_FIELDS = {"roles", "recurrence", "doc_number", "doc_type"}


@pytest.fixture(scope="module")
def duty_index(tmp_path_factory, embedder, embed_cache) -> Path:
    """An index over the plan above and a công văn written with python-docx, with the project's units."""
    from retrieval.index.build import build_index

    corpus = tmp_path_factory.mktemp("duties") / "corpus"
    corpus.mkdir()
    (corpus / "ke-hoach-90.md").write_text(KE_HOACH_90, encoding="utf-8")
    write_docx(corpus / "cong-van-34.docx")
    shutil.copy(ROOT / "corpus" / "units.yaml", corpus / "units.yaml")
    index = corpus.parent / "index"
    build_index([corpus], index, embedder, embed_cache)
    return index


@pytest.mark.slow
def test_obligations_json_rows(duty_index):
    rows = json.loads(_ok(run_cli("obligations", "--index", str(duty_index), "--json")))
    assert rows and all(OLD_FIELDS | NEW_FIELDS <= set(r) for r in rows)
    assert all(set(r["source"]) >= {"doc_title", "doc_number", "section", "text"} for r in rows)
    assert all(isinstance(r["roles"], list) and r["roles"] for r in rows)
    assert {(r["doc_number"], r["doc_type"]) for r in rows} == {("90/KH-UBND", "Kế hoạch"), ("34/UBND-NC", "Công văn")}
    assert all(r["doc_number"] == r["source"]["doc_number"] for r in rows)
    quarterly = [r for r in rows if r["recurrence"] == "hằng quý"]
    assert [(r["units"], r["roles"], r["recipient"]) for r in quarterly] == [(["Sở Nội vụ"], ["báo cáo"], "UBND tỉnh")]
    # the task table's rows: the "Đơn vị thực hiện" column leads, a group is given to all its members
    # (the table that item 2 announces is cited under it: "mục 2, bảng, dòng 1")
    by_row = {r["source"]["section"]: r for r in rows if "bảng, dòng" in r["source"]["section"]}
    row2 = by_row["mục 2, bảng, dòng 2"]
    assert (row2["units"], row2["roles"], row2["deadline"]) == (["Sở Tư pháp"], ["chủ trì"], "2025-05-20")
    communes = by_row["mục 2, bảng, dòng 1"]
    assert (communes["group"], communes["roles"], communes["deadline"]) == ("UBND cấp xã", ["chủ trì"], "2025-05-15")
    assert "UBND phường Hồng Châu" in communes["units"]


@pytest.mark.slow
def test_obligations_for_one_unit(duty_index):
    rows = json.loads(_ok(run_cli("obligations", "--index", str(duty_index), "--unit", "so tu phap", "--json")))
    assert rows and all(r["resolved_unit"] == "Sở Tư pháp" for r in rows)
    assert {r["doc_number"] for r in rows} == {"90/KH-UBND", "34/UBND-NC"}
    text = _ok(run_cli("obligations", "--index", str(duty_index), "--unit", "STP"))
    assert text.splitlines()[0].startswith("STP → Sở Tư pháp: ")
    assert "[34/UBND-NC mục 1] Sở Tư pháp (báo cáo) | hạn: 20/5/2025" in text, text
    everyone = _ok(run_cli("obligations", "--index", str(duty_index)))
    assert everyone.splitlines()[-1] in ("Tên đơn vị chưa có trong danh mục (giữ nguyên tên văn bản ghi): Ngoại vụ",
                                         "Tên đơn vị chưa có trong danh mục (giữ nguyên tên văn bản ghi): Sở Ngoại vụ")
    _refused(run_cli("obligations", "--index", str(duty_index), "--unit", "Sở Không Tồn Tại Gì Cả"))


def test_obligations_without_an_index(tmp_path):
    _refused(run_cli("obligations", "--index", str(tmp_path / "none"), "--json"), "build it first",
             "python -m retrieval build")


# -- ask, build and eval: the scorer's contract ---------------------------------------------------------------
@pytest.mark.slow
def test_ask_json_stdin_contract(directive_index):
    questions = ["Kế hoạch số 187/KH-UBND được ban hành ngày nào?", "", "Giá vàng SJC hôm nay là bao nhiêu?",
                 "so tu phap bao cao cho ai"]
    p = run_cli("ask", "--index", str(directive_index), "--json", "--top-k", "10", "-", stdin="\n".join(questions) + "\n")
    assert p.returncode == 0, p.stderr
    lines = [line for line in p.stdout.splitlines() if line.strip()]
    assert len(lines) == len(questions)  # one object per input line, even for an empty one
    objs = [json.loads(line) for line in lines]
    for q, o in zip(questions, objs):
        assert set(o) >= {"question", "answer", "abstained", "sources"}
        assert o["question"] == q
        for s in o["sources"]:
            assert set(s) >= {"doc_title", "doc_number", "article", "section", "text", "score"}
            assert s["article"] is None  # directive passages have no article
            assert isinstance(s["score"], float)
    assert "21/12/2023" in objs[0]["answer"] and not objs[0]["abstained"]
    assert "Kế hoạch số 187/KH-UBND ngày 21/12/2023" in objs[0]["sources"][0]["text"]
    assert objs[1]["abstained"] and objs[2]["abstained"] and objs[2]["sources"] == []
    assert "UBND tỉnh" in objs[3]["answer"]


@pytest.mark.slow
def test_ask_plain_text(directive_index):
    p = run_cli("ask", "--index", str(directive_index), "Ai ký văn bản?")
    assert p.returncode == 0
    assert "Nguyễn Duy Hưng" in p.stdout and "Nguồn:" in p.stdout


def test_missing_index_message(tmp_path):
    p = run_cli("ask", "--index", str(tmp_path / "none"), "x")
    _refused(p, "python -m retrieval build", "build it first")
    _refused(run_cli("eval", str(tmp_path / "qa.jsonl"), "--index", str(tmp_path / "none")), "build it first")


def test_build_rejects_malformed_file_and_names_it(tmp_path):
    bad = tmp_path / "corpus"
    bad.mkdir()
    (bad / "hong.docx").write_bytes(b"not a zip")
    p = run_cli("build", "--corpus", str(bad), "--index", str(tmp_path / "idx"),
                env={"EMBED_CACHE": str(tmp_path / "c.sqlite")})
    _refused(p, "hong.docx", "left unchanged")
    assert not (tmp_path / "idx").exists()


def test_build_with_a_missing_corpus(tmp_path):
    p = run_cli("build", "--corpus", str(tmp_path / "khong-co"), "--index", str(tmp_path / "idx"),
                env={"EMBED_CACHE": str(tmp_path / "c.sqlite")})
    _refused(p, "khong-co", "not found")
    assert not (tmp_path / "idx").exists()


@pytest.mark.slow
def test_eval_agrees_with_the_independent_scorer(directive_index):
    scorer = SHARED / "tools" / "score_cli.py"
    need_shared(scorer)
    qa = EVAL / "qa_public.jsonl"
    ours = run_cli("eval", str(qa), "--index", str(directive_index))
    assert ours.returncode == 0, ours.stderr
    theirs = subprocess.run([sys.executable, str(scorer), str(qa), "--index", str(directive_index), "--python", sys.executable],
                            capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert theirs.returncode == 0, theirs.stdout + theirs.stderr

    def metrics(line: str) -> dict[str, str]:
        kv = dict(x.split("=", 1) for x in line.split() if "=" in x)
        kv.pop("sec_per_q", None)
        return kv

    assert metrics(ours.stdout.strip().splitlines()[-1]) == metrics(theirs.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_ask_builds_the_default_index_on_a_fresh_checkout(tmp_path, embed_cache):
    # no index yet and no --index: build it from corpus/ instead of refusing; stdout stays JSON
    index = tmp_path / "index"
    res = run_cli("ask", "--json", "-", stdin="so tu phap bao cao cho ai\n",
                  env={"INDEX_DIR": str(index), "EMBED_CACHE": str(embed_cache)})
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout.strip())
    assert "Sở Nội vụ" in out["answer"] and "15/12/2024" in out["answer"]
    assert "building it" in res.stderr and (index / "manifest.json").exists()
