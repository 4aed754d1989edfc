"""The served index and the document store held against each other, and made to agree
without losing a document either side holds.

An index can hold documents its database has never seen: it was built from more corpora
than the bot's `CORPUS_DIRS`, it is a replica's own, or the database is new. Such a
document is stored from the index's own record (its corpus file while it still exists,
else the copy the index keeps) — never dropped. One the store says is out of force (removed
by an admin, superseded) goes, with a log line naming it. When the index and the store each
hold a version of the same document that the other has never seen, the newer one serves
(the later document date; on the same date, the later arrival), the other is kept as its
older version, and the start-up log says so in one line.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.documents.readers import ParseError
from retrieval.documents.references import number_key
from retrieval.index.stored import LoadedIndex, Original, read_originals
from retrieval.store.corpus import CorpusStore, StoredInfo, document_facts

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexedDocument:
    """A document as the index holds it."""

    doc_id: str
    checksum: str
    label: str  # "Kế hoạch 27/KH-UBND"
    number_key: str
    issued: str  # ISO date, "" when unknown
    path: str  # the corpus file it was read from ("" when it came from the store)
    indexed_at: str


@dataclass
class Comparison:
    """Where the index and the store agree and where they differ."""

    version: int  # the store's newest version
    index_docs: list[IndexedDocument]
    store_docs: list[StoredInfo]
    agree: list[str] = field(default_factory=list)  # doc ids held by both, same bytes
    unseen: list[IndexedDocument] = field(default_factory=list)  # in the index, never seen by the store
    out_of_force: list[tuple[IndexedDocument, StoredInfo]] = field(default_factory=list)  # store: removed/superseded
    elsewhere: list[tuple[IndexedDocument, StoredInfo]] = field(default_factory=list)  # same bytes, another id
    conflicts: list[tuple[IndexedDocument, StoredInfo]] = field(default_factory=list)  # two versions, each unseen
    missing: list[StoredInfo] = field(default_factory=list)  # in force in the store, not in the index

    @property
    def differs(self) -> bool:
        return bool(self.unseen or self.out_of_force or self.elsewhere or self.conflicts or self.missing)


def indexed_documents(index: LoadedIndex) -> list[IndexedDocument]:
    sums = index.manifest.get("document_checksums") or {}
    sources = index.manifest.get("sources") or {}
    out = []
    for doc in index.documents:
        facts = document_facts(doc)
        number = facts["number"]
        rec = sources.get(doc.doc_id) or {}
        label = f"{facts['kind']} {number}".strip() if number else (facts["subject"][:60] or doc.doc_id)
        out.append(IndexedDocument(doc.doc_id, sums.get(doc.doc_id, ""), label,
                                   number_key(number) if number and not number.startswith("/") else "",
                                   facts["issued"], rec.get("path") or "", rec.get("indexed_at") or ""))
    return out


def compare(index: LoadedIndex, store: CorpusStore) -> Comparison:
    version, _wanted = store.latest_version()
    stored = store.all()
    by_sum: dict[str, list[StoredInfo]] = {}
    for info in stored:
        by_sum.setdefault(info.checksum, []).append(info)
    current = [i for i in stored if i.status == "current"]
    mine = indexed_documents(index)
    held = {d.checksum for d in mine}
    cmp = Comparison(version, mine, stored)
    for d in mine:
        rows = by_sum.get(d.checksum, [])
        if any(r.doc_id == d.doc_id and r.status == "current" for r in rows):
            cmp.agree.append(d.doc_id)
        elif live := [r for r in rows if r.status == "current"]:
            cmp.elsewhere.append((d, live[0]))
        elif rows:
            cmp.out_of_force.append((d, rows[0]))
        elif rival := next((r for r in current if r.checksum not in held and
                            (r.doc_id == d.doc_id or (d.number_key and number_key(r.number) == d.number_key))), None):
            cmp.conflicts.append((d, rival))
        else:
            cmp.unseen.append(d)
    cmp.missing = [r for r in current if r.checksum not in held]
    return cmp


def _index_is_newer(d: IndexedDocument, rival: StoredInfo) -> bool:
    if d.issued and rival.issued and d.issued != rival.issued:
        return d.issued > rival.issued
    try:
        indexed = dt.datetime.fromisoformat(d.indexed_at.replace("Z", "+00:00"))
    except ValueError:
        return False
    added = rival.added_at if rival.added_at.tzinfo else rival.added_at.replace(tzinfo=dt.UTC)
    return indexed > added


def _original(index: LoadedIndex, d: IndexedDocument, kept: dict[str, Original]) -> tuple[str, bytes, str] | None:
    """(file name, bytes, where they came from): the corpus file while it still holds the
    indexed bytes, else the copy the index keeps."""
    from retrieval.store.corpus import checksum

    if d.path:
        path = Path(d.path)
        try:
            data = path.read_bytes()
            if checksum(data) == d.checksum:
                return path.name, data, f"file {path}"
        except OSError:
            pass
    o = kept.get(d.doc_id)
    if o is not None and checksum(o.data) == d.checksum:
        gone = f" ({d.path} is gone or changed since)" if d.path else ""
        return o.filename, o.data, f"copy kept in the index{gone}"
    return None


def reconcile(index: LoadedIndex, store: CorpusStore, actor: str = "index") -> list[str]:
    """Store what the index holds and the store has never seen, and settle documents changed
    on both sides. Returns the lines it logged (one per document)."""
    _version, wanted = store.latest_version()
    sums = index.manifest.get("document_checksums") or {}
    if set(sums.values()) <= set(wanted.values()):
        return []  # everything the index holds is in force in the store: nothing to settle
    cmp = compare(index, store)
    if not (cmp.unseen or cmp.conflicts):
        return []
    kept = read_originals(index)
    lines: list[str] = []
    for d in cmp.unseen:
        lines.append(_store_unseen(index, store, d, kept, actor))
    for d, rival in cmp.conflicts:
        lines.append(_settle(index, store, d, rival, kept, actor))
    return lines


def _store_unseen(index: LoadedIndex, store: CorpusStore, d: IndexedDocument, kept: dict[str, Original],
                  actor: str) -> str:
    got = _original(index, d, kept)
    if got is None:
        line = f"{d.doc_id} ({d.label}): the store has never seen it and its original is not in the index; kept " \
               f"in the index only"
        log.warning(line)
        return line
    filename, data, origin = got
    try:
        prepared = store.prepare(filename, data)
        store.add(prepared, f"{actor}:{index.path}", origin="index")
    except (ParseError, ValueError) as exc:
        line = f"{d.doc_id} ({d.label}): not stored ({exc}); kept in the index only"
        log.warning(line)
        return line
    line = f"{d.doc_id} ({d.label}): held by the index {index.path}, unknown to the store: stored from its " \
           f"{origin}" + (f" as {prepared.doc_id}" if prepared.doc_id != d.doc_id else "")
    log.info(line)
    return line


def _settle(index: LoadedIndex, store: CorpusStore, d: IndexedDocument, rival: StoredInfo, kept: dict[str, Original],
            actor: str) -> str:
    got = _original(index, d, kept)
    newer = _index_is_newer(d, rival)
    head = f"{d.doc_id} ({d.label}): the index and the store hold different versions " \
           f"(index {d.checksum[:8]} {d.issued or d.indexed_at[:10]}, store {rival.checksum[:8]} " \
           f"{rival.issued or rival.added_at.date().isoformat()})"
    if got is None:
        line = f"{head}; the index's original is gone: serving the store's"
        log.warning(line)
        return line
    filename, data, _origin = got
    try:
        prepared = store.prepare(filename, data)
        if newer:
            if prepared.replaces is None or prepared.replaces.doc_id != rival.doc_id:
                prepared.replaces = rival
            store.add(prepared, f"{actor}:{index.path}", origin="index")
        else:
            store.add(prepared, f"{actor}:{index.path}", origin="index", superseded_by=rival.doc_id)
    except (ParseError, ValueError) as exc:
        line = f"{head}; the index's version could not be stored ({exc}): serving the store's"
        log.warning(line)
        return line
    line = f"{head}; serving the newer: the {'index' if newer else 'store'}'s, the other kept as its older version"
    log.warning(line)
    return line


def out_of_force_reason(rows: list[StoredInfo]) -> str | None:
    """Why the store does not want a document with these stored rows (None: it never saw it)."""
    if not rows:
        return None
    live = [r for r in rows if r.status == "current"]
    if live:
        return f"the same file is in force in the store as {live[0].doc_id}"
    r = rows[0]
    if r.status == "removed":
        return f"removed from the store ({r.doc_id})"
    return f"superseded by {r.superseded_by or 'a newer version'} in the store"


def render_comparison(index: LoadedIndex, cmp: Comparison, store_name: str) -> str:
    """The `doctor` report: both sides, then the differences and what the bot does about each."""
    m = index.manifest
    lines = [f"index {index.path}/: {len(cmp.index_docs)} documents, {m.get('chunks', len(index.chunks))} chunks, "
             f"built {m.get('built_at', '?')}, store version {m.get('db_version', '—')}"]
    for d in cmp.index_docs:
        lines.append(f"  {d.doc_id:<45} {d.label:<28} {d.checksum[:10]}  {d.path or '(from the store)'}")
    count = {s: sum(1 for i in cmp.store_docs if i.status == s) for s in ("current", "superseded", "removed")}
    lines.append(f"store {store_name}: version {cmp.version}; {count['current']} in force, {count['superseded']} "
                 f"superseded, {count['removed']} removed")
    for i in sorted(cmp.store_docs, key=lambda i: (i.status != "current", i.doc_id)):
        lines.append(f"  {i.doc_id:<45} {i.label[:28]:<28} {i.checksum[:10]}  {i.status} ({i.origin}, {i.added_by})")
    if not cmp.differs:
        lines.append("no difference: the index holds exactly the documents in force in the store")
        return "\n".join(lines)
    lines.append("differences:")
    for d in cmp.unseen:
        lines.append(f"  {d.doc_id}: in the index, never seen by the store — the bot stores it at start")
    for d, r in cmp.conflicts:
        lines.append(f"  {d.doc_id}: changed on both sides (index {d.checksum[:10]}, store {r.doc_id} "
                     f"{r.checksum[:10]}) — the bot serves the newer and keeps the other as its older version")
    for d, r in cmp.out_of_force:
        lines.append(f"  {d.doc_id}: in the index, {out_of_force_reason([r])} — the bot drops it")
    for d, r in cmp.elsewhere:
        lines.append(f"  {d.doc_id}: {out_of_force_reason([r])} — the bot serves it under that id")
    for r in cmp.missing:
        lines.append(f"  {r.doc_id}: in force in the store, not in the index — the bot adds it")
    return "\n".join(lines)


__all__ = ["render_comparison", "Comparison", "IndexedDocument", "compare", "indexed_documents", "out_of_force_reason", "reconcile"]
