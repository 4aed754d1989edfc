"""Scores eval files the way ../shared/tools/score_cli.py does, in-process.

Directive QA rows: every must_include group present in the answer (fact accuracy),
gold_anchor inside a returned source (anchor@1/@3), abstention on out-of-scope rows.
Legal rows: article-level Recall@1/5/10 and MRR@10 over de-duplicated sources.
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

from retrieval.answering import Assistant


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFC", s or "")
    s = re.sub(r"<sup>\s*\d+\s*</sup>", "", s)
    s = re.sub(r"\s+", " ", s)
    return s.casefold().strip()


def norm_article(a: object) -> str:
    m = re.search(r"\d+", str(a or ""))
    return m.group(0) if m else str(a or "").strip()


def same_doc(gold: dict[str, str], key: tuple[str, str, str]) -> bool:
    title, number, article = key
    if norm_article(gold["article"]) != article:
        return False
    if "number" in gold:
        num = norm(gold.get("number"))
        return bool(num and (num in number or num in title)) or norm(gold["doc"]) in title
    doc = norm(gold["doc"])
    return title == doc or any(title.startswith(doc + sep) for sep in (" số ", " (", " - ", ", "))


def legal_ranks(row: dict[str, Any], sources: list[dict[str, Any]]) -> int | None:
    seen: list[tuple[str, str, str]] = []
    for s in sources:
        key = (norm(s.get("doc_title")), norm(s.get("doc_number")), norm_article(s.get("article")))
        if key not in seen:
            seen.append(key)
    ranks = [i for i, k in enumerate(seen[:10]) if any(same_doc(g, k) for g in row["gold"])]
    return ranks[0] if ranks else None


def evaluate_rows(rows: list[dict[str, Any]], outs: list[dict[str, Any]], show_misses: bool = False) -> dict[str, Any]:
    n = len(rows)
    stats: dict[str, Any] = {"n": n}
    if rows and "gold" in rows[0]:
        r1 = r5 = r10 = mrr = 0.0
        for r, o in zip(rows, outs):
            rk = legal_ranks(r, o.get("sources", []))
            if rk is None:
                if show_misses:
                    print("MISS", r.get("id"), r["question"][:90], file=sys.stderr)
                continue
            r1 += rk < 1
            r5 += rk < 5
            r10 += rk < 10
            mrr += 1.0 / (rk + 1)
        stats.update(recall1=r1 / n, recall5=r5 / n, recall10=r10 / n, mrr10=mrr / n)
        return stats
    answered = [(r, o) for r, o in zip(rows, outs) if not r.get("expect_abstain")]
    oos = [(r, o) for r, o in zip(rows, outs) if r.get("expect_abstain")]
    facts = hit1 = hit3 = false_abstain = 0
    for r, o in answered:
        ans = norm(o.get("answer"))
        ok = all(any(norm(alt) in ans for alt in group) for group in r["must_include"])
        facts += ok
        anchors = [norm(x) for x in r["gold_anchor"]]
        texts = [norm(s.get("text")) for s in o.get("sources", [])]
        pos = [i for i, t in enumerate(texts) if any(x in t for x in anchors)]
        hit1 += bool(pos) and pos[0] < 1
        hit3 += bool(pos) and pos[0] < 3
        false_abstain += bool(o.get("abstained"))
        if show_misses and (not ok or not pos or pos[0] >= 3):
            print("MISS", r.get("id"), r["question"][:80], "| facts_ok:", ok, "| anchor_pos:", pos[:1],
                  "| answer:", (o.get("answer") or "")[:300].replace("\n", " "), file=sys.stderr)
    lens = sorted(len(o.get("answer") or "") for _, o in answered)
    m = max(len(answered), 1)
    stats["ans_len_med"] = lens[len(lens) // 2] if lens else 0
    stats.update(facts=facts / m, anchor1=hit1 / m, anchor3=hit3 / m, false_abstain=false_abstain,
                 oos_abstained=f"{sum(bool(o.get('abstained')) for _, o in oos)}/{len(oos)}")
    if show_misses:
        for r, o in oos:
            if not o.get("abstained"):
                print("NOT ABSTAINED", r.get("id"), r["question"][:80], file=sys.stderr)
    return stats


def load_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate_file(assistant: Assistant, path: Path, top_k: int = 10, show_misses: bool = False) -> dict[str, Any]:
    rows = load_rows(path)
    t0 = time.perf_counter()
    outs = [assistant.ask(r["question"].replace("\n", " "), top_k=top_k).to_json(r["question"]) for r in rows]
    stats = evaluate_rows(rows, outs, show_misses)
    stats["sec_per_q"] = round((time.perf_counter() - t0) / max(len(rows), 1), 3)
    return stats


def format_report(stats: dict[str, Any]) -> str:
    return " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in stats.items())
