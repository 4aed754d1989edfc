"""The CLI contract the independent scorer depends on."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import EVAL, ROOT, SHARED, need_shared, run_cli


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


def test_ask_plain_text(directive_index):
    p = run_cli("ask", "--index", str(directive_index), "Ai ký văn bản?")
    assert p.returncode == 0
    assert "Nguyễn Duy Hưng" in p.stdout and "Nguồn:" in p.stdout


def test_missing_index_message(tmp_path):
    p = run_cli("ask", "--index", str(tmp_path / "none"), "x")
    assert p.returncode == 2
    assert "python -m retrieval build" in p.stderr
    assert "Traceback" not in p.stderr


def test_build_rejects_malformed_file_and_names_it(tmp_path):
    bad = tmp_path / "corpus"
    bad.mkdir()
    (bad / "hong.docx").write_bytes(b"not a zip")
    p = run_cli("build", "--corpus", str(bad), "--index", str(tmp_path / "idx"),
                env={"EMBED_CACHE": str(tmp_path / "c.sqlite")})
    assert p.returncode == 2
    assert "hong.docx" in p.stderr and "Traceback" not in p.stderr
    assert not (tmp_path / "idx").exists()


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


def test_ask_builds_the_default_index_on_a_fresh_checkout(tmp_path, embed_cache):
    # no index yet and no --index: build it from corpus/ instead of refusing; stdout stays JSON
    index = tmp_path / "index"
    res = run_cli("ask", "--json", "-", stdin="so tu phap bao cao cho ai\n",
                  env={"INDEX_DIR": str(index), "EMBED_CACHE": str(embed_cache)})
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout.strip())
    assert "Sở Nội vụ" in out["answer"] and "15/12/2024" in out["answer"]
    assert "building it" in res.stderr and (index / "manifest.json").exists()
