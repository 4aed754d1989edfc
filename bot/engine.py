"""The loaded assistant, swapped whole on /reload, with a small cache of recent answers.

Questions are answered by whichever `Assistant` is current when they start; a reload
builds or opens the new one aside and swaps the reference, so questions in flight finish
on the old index and none waits for the rebuild.
"""

from __future__ import annotations

import logging
import threading
import time
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.answering import Assistant
from retrieval.answering.answer import Answer
from retrieval.settings import Settings

if TYPE_CHECKING:
    from retrieval.index.update import IndexChange
    from retrieval.store.corpus import Change, CorpusStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReloadReport:
    rebuilt: bool
    reason: str | None  # why it was rebuilt (None: the index was current)
    documents: int
    chunks: int
    seconds: float


def _cache_key(question: str) -> str:
    return " ".join(unicodedata.normalize("NFC", question).casefold().split())


def _key(question: str, context_doc: str | None, chosen_doc: str | None) -> str:
    return f"{_cache_key(question)}\x00{context_doc or ''}\x00{chosen_doc or ''}"


class Engine:
    def __init__(self, assistant: Assistant, index_dir: Path, corpus_dirs: list[Path], embed_cache: Path | None,
                 cache_size: int = 256, top_k: int = 5) -> None:
        self.assistant = assistant
        assistant.warm_in_background()
        self.index_dir = Path(index_dir)
        self.corpus_dirs = [Path(p) for p in corpus_dirs]
        self.embed_cache = embed_cache
        self.cache_size = cache_size
        self.top_k = top_k
        self.generation = 0
        self._cache: OrderedDict[str, Answer] = OrderedDict()
        self.store: CorpusStore | None = None
        self.version = 0  # the database version served (0: files only)
        self._lock = threading.Lock()
        self._reload_lock = threading.Lock()

    @classmethod
    def open(cls, index_dir: Path, embedder_spec: str, corpus_dirs: list[Path], embed_cache: Path | None,
             cache_size: int = 256, top_k: int = 5) -> Engine:
        return cls(Assistant.open(Path(index_dir), embedder_spec), index_dir, corpus_dirs, embed_cache, cache_size, top_k)

    def ask(self, question: str, context_doc: str | None = None, chosen_doc: str | None = None) -> Answer:
        """Blocking: run it in a worker thread. Repeated questions come from the cache.

        `context_doc` is the document the chat last talked about ("văn bản này"), `chosen_doc`
        the one the user picked among several; both are part of what the answer depends on."""
        key = _key(question, context_doc, chosen_doc)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
        if hit is not None:
            # the same facts; the latency reported is this lookup's, not the original's
            return Answer(hit.text, hit.sources, hit.abstained, hit.intent, doc_id=hit.doc_id, choices=hit.choices)
        assistant = self.assistant
        answer = assistant.ask(question, top_k=self.top_k, context_doc=context_doc, chosen_doc=chosen_doc)
        if self.cache_size > 0:
            with self._lock:
                if assistant is self.assistant:  # never cache an answer from a replaced index
                    self._cache[key] = answer
                    while len(self._cache) > self.cache_size:
                        self._cache.popitem(last=False)
        return answer

    def is_cached(self, question: str, context_doc: str | None = None) -> bool:
        """A repeat that needs no retrieval (lets the caller skip the worker queue)."""
        with self._lock:
            return _key(question, context_doc, None) in self._cache

    # -- the corpus in the database ---------------------------------------------------------------
    def connect(self, store: "CorpusStore") -> bool:
        """Serve the corpus the database keeps: the corpus files imported into it (new or
        edited ones become versions), the served index's vectors stored beside them (a
        replica never embeds them again), then the newest version applied. False, with a
        warning, when the database cannot be used: the files' index serves on."""
        from sqlalchemy.exc import SQLAlchemyError

        from retrieval.index.stored import IndexError_
        from retrieval.store.sync import store_vectors

        try:
            self._import_corpus(store)
            stored = store_vectors(self.assistant.index, store, self.assistant.embedder.id)
            if stored:
                log.info("%d passage vectors stored in the database", stored)
            self.attach(store)
            self.follow()  # stores what the index holds and the database has never seen, first
        except (SQLAlchemyError, IndexError_, OSError) as exc:
            self.store = None
            log.warning("the document store is not used (%s: %s); answering from %s only",
                        exc.__class__.__name__, str(exc)[:200], self.index_dir)
            return False
        return True

    def attach(self, store: "CorpusStore") -> None:
        """Serve the corpus the database holds (`retrieval.store.corpus`): `follow` applies
        every new version, by this process or another one on the same database."""
        self.store = store

    def follow(self) -> "IndexChange | None":
        """Bring the served index to the database's newest version. The old index answers
        until the new one is ready; None when there was nothing to do. A document the index
        holds and the database has never seen is stored first (`retrieval.store.reconcile`), so
        following never drops it."""
        from retrieval.embedding.embedder import EmbeddingCache
        from retrieval.store.reconcile import reconcile
        from retrieval.store.sync import follow

        store = self.store
        if store is None:
            return None
        with self._reload_lock:
            current = self.assistant
            reconcile(current.index, store)
            local = EmbeddingCache(self.embed_cache) if self.embed_cache else None
            try:
                got = follow(current.index, store, current.embedder, token_cache=self.embed_cache, local_cache=local)
            finally:
                if local is not None:
                    local.close()
            if got is None:
                return None
            index, change, version = got
            fresh = current if index is current.index else Assistant(index, current.embedder)
            if fresh is not current:
                fresh.warm_in_background()
            with self._lock:
                self.assistant = fresh
                self.version = version
                self.generation += 1
                self._cache.clear()
            if change.added or change.removed:
                log.info("index at version %s: +%s -%s (%d chunks, %d embedded) in %.1fs", version, change.added,
                         change.removed, change.chunks_added, change.embedded, change.seconds)
            return change

    def reload(self) -> ReloadReport:
        """Rebuild the index when the corpus changed, then open it and swap it in. With the
        database's corpus: the corpus files imported again and its newest version applied."""
        if self.store is not None:
            return self._reload_store(self.store)
        from retrieval.index.build import build_index, is_stale

        with self._reload_lock:
            t0 = time.perf_counter()
            current = self.assistant
            reason = is_stale(self.index_dir, self.corpus_dirs, current.embedder.id)
            if reason is not None:
                log.info("rebuilding %s: %s", self.index_dir, reason)
                build_index(self.corpus_dirs, self.index_dir, current.embedder, self.embed_cache)
            fresh = Assistant.open(self.index_dir, embedder=current.embedder)
            fresh.warm_in_background()
            with self._lock:
                self.assistant = fresh
                self.generation += 1
                self._cache.clear()
            return ReloadReport(reason is not None, reason, len(fresh.documents), len(fresh.index.chunks),
                                time.perf_counter() - t0)

    def _import_corpus(self, store: "CorpusStore") -> tuple[list["Change"], list[str]]:
        """The corpus directories' new or edited files into the store: (changes, files left out)."""
        from retrieval.documents.ingest import corpus_files

        refused: list[str] = []
        imported = store.import_files(corpus_files([d for d in self.corpus_dirs if d.exists()]), refused=refused)
        for reason in refused:
            log.warning("corpus file left out: %s", reason)
        if imported:
            log.info("corpus files stored in the database: %s", ", ".join(c.note for c in imported))
        return imported, refused

    def _reload_store(self, store: "CorpusStore") -> ReloadReport:
        t0 = time.perf_counter()
        imported, refused = self._import_corpus(store)
        change = self.follow()
        a = self.assistant
        reason = None
        if imported or change is not None:
            reason = (f"{len(imported)} tệp mới trong thư mục văn bản; " if imported else "") + \
                     f"phiên bản {self.version} của kho"
        if refused:
            reason = (reason + "; " if reason else "") + "bỏ qua: " + "; ".join(refused)
        return ReloadReport(change is not None, reason, len(a.documents), len(a.index.chunks), time.perf_counter() - t0)


def open_engine(settings: Settings) -> Engine:
    """The engine as configured: the index on disk — or, when there is none, one built from
    the documents and vectors the database holds (a new replica) — following the corpus
    the database keeps (DOCUMENT_STORE, on by default)."""
    from sqlalchemy.exc import SQLAlchemyError

    from retrieval.index.stored import REFERENCE_DATA, IndexError_
    from retrieval.store.corpus import CorpusStore

    store: CorpusStore | None = None
    if settings.document_store:
        try:
            store = CorpusStore(settings.database_url)
        except SQLAlchemyError as exc:
            log.warning("the document store is not used (%s: %s); answering from %s only", exc.__class__.__name__,
                        " ".join(str(exc).split())[:200], settings.index_dir)
    try:
        engine = Engine.open(settings.index_dir, settings.embedder, list(settings.corpus_dirs), settings.embed_cache,
                             settings.answer_cache_size, settings.top_k)
    except IndexError_:
        if store is None or not _stored_documents(store):
            raise
        from retrieval.embedding.embedder import EmbeddingCache, make_embedder
        from retrieval.store.sync import build_from_store

        log.info("no usable index at %s: building it from the database's documents", settings.index_dir)
        embedder = make_embedder(settings.embedder)
        reference = [d / n for d in settings.corpus_dirs for n in REFERENCE_DATA if (d / n).is_file()]
        local = EmbeddingCache(settings.embed_cache) if settings.embed_cache else None
        try:
            _built, change = build_from_store(store, settings.index_dir, embedder, reference, settings.embed_cache,
                                              local)
            log.info("index built from the database at %s: %d documents, %d chunks, %d embedded now (the others' "
                     "vectors were in the database or the local cache) in %.1fs", settings.index_dir,
                     len(change.added), change.chunks_added, change.embedded, change.seconds)
        finally:
            if local is not None:
                local.close()
        engine = Engine(Assistant.open(settings.index_dir, embedder=embedder), settings.index_dir,
                        list(settings.corpus_dirs), settings.embed_cache, settings.answer_cache_size, settings.top_k)
    if store is not None:
        engine.connect(store)
    return engine


def _stored_documents(store: "CorpusStore") -> bool:
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return bool(store.latest_version()[1])
    except SQLAlchemyError:
        return False
