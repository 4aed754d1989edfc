"""The corpus as admins keep it from the chat: a file sent in is read and previewed (what it
is, its parts and tables, the duties found per unit with their deadlines, names the
registry lacks), then added on confirmation — or refused with the reason; a document is
replaced by a new version or removed with confirmation; /vanban lists what is in force with
filters and pages, shows one document with its duties, and its history.

Nothing here parses a document itself: `retrieval.store.corpus` reads and stores, the
engine follows the new version (`Engine.follow`), and the duties come from
`retrieval.facts.obligations`. Replies are `Reply`s of `bot.dialogue`'s kind, buttons as data.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from retrieval.documents.model import AdminDocument, Document, Law
from retrieval.documents.readers import ParseError, Reading, reading
from retrieval.facts.deadlines import format_date
from retrieval.facts.obligations import Obligation, extract_obligations, unknown_names
from retrieval.lang.text import fold
from retrieval.store.corpus import CorpusStore, Prepared, StoredInfo

from .render import Block, pack
from .replies import Button, Reply

if TYPE_CHECKING:
    from .engine import Engine

PAGE_SIZE = 8
PENDING_SECONDS = 30 * 60  # a preview waits this long for its confirmation
MAX_BYTES = 20 * 1024 * 1024  # what a Telegram bot may download
TYPES = ("công văn", "kế hoạch", "quyết định", "chỉ thị", "thông báo", "báo cáo", "tờ trình", "nghị quyết",
         "quy chế", "quy định", "chương trình", "hướng dẫn", "công điện", "luật")
Progress = Callable[[str], None]


@dataclass
class _Pending:
    prepared: Prepared
    user_id: int
    at: float


@dataclass
class Added:
    """What an upload changed: the reply, and the new document's duties (for subscribers)."""

    reply: Reply
    document: Document | None
    duties: list[Obligation]


def _date(info: StoredInfo) -> str:
    if not info.issued:
        return ""
    y, m, d = info.issued.split("-")
    return f"{int(d)}/{int(m)}/{y}"


def _line(info: StoredInfo) -> str:
    date = _date(info)
    head = f"{info.kind} {info.number}".strip() if info.number and not info.number.startswith("/") else info.kind
    return f"{head}" + (f" ({date})" if date else "") + f": {info.subject[:110]}"


class DocumentDesk:
    def __init__(self, engine: "Engine", store: CorpusStore, reply: Callable[..., Reply],
                 button: Callable[[str, str], Button]) -> None:
        self.engine = engine
        self.store = store
        self._reply, self._button = reply, button
        self._pending: OrderedDict[str, _Pending] = OrderedDict()
        self._lock = threading.Lock()
        self._adding = threading.Lock()  # two uploads at once are added one after the other

    # -- upload ----------------------------------------------------------------------------------
    def preview(self, user_id: int, filename: str, data: bytes, progress: Progress | None = None) -> Reply:
        """Read a file and say what adding it would do, with buttons to add or cancel; a scan's
        OCR is followed page by page through `progress`."""
        if len(data) > MAX_BYTES:
            return self._text(f"Tệp {filename} lớn {len(data) / 1024 / 1024:.1f} MB, vượt giới hạn 20 MB.")
        try:
            with reading(ocr_progress(filename, progress)) as read:
                prepared = self.store.prepare(filename, data)
        except ParseError as exc:
            return self._text(f"Không đọc được tệp: {exc}", "Không có gì thay đổi trong kho văn bản.")
        if prepared.duplicate is not None:
            return self._text(f"Văn bản này đã có trong kho: {_line(prepared.duplicate)}.",
                              "Không có gì thay đổi.")
        token = secrets.token_urlsafe(6)
        with self._lock:
            self._expire()
            self._pending[token] = _Pending(prepared, user_id, time.monotonic())
        blocks = self._preview_blocks(prepared)
        if read.ocr_pages:
            blocks[-1:-1] = [ocr_note(read)]
        buttons = [[self._button("✅ Thêm vào kho", f"up:{token}:ok"), self._button("✖ Hủy", f"up:{token}:no")]]
        return self._reply(pack(blocks), buttons)

    def _preview_blocks(self, p: Prepared) -> list[Block]:
        doc = p.document
        units = self.engine.assistant.units
        blocks = [Block("Xem trước văn bản", "b")]
        if isinstance(doc, AdminDocument):
            h = doc.header
            facts = [f"Loại: {doc.kind}", f"Số, ký hiệu: {doc.number or '(chưa ghi số)'}",
                     f"Ngày: {h.date.short() or 'không ghi'}", f"Cơ quan ban hành: {doc.issuer or 'không rõ'}",
                     f"Trích yếu: {doc.subject}"]
            nodes = [n for n in doc.walk() if n.kind not in ("paragraph", "table")]
            tables = [t for _n, t in doc.tables()]
            rows = sum(len(t.rows) for t in tables)
            facts.append(f"{len(nodes)} mục/điểm, {len(tables)} bảng ({rows} dòng)"
                         + (f", kèm {len(doc.attachments)} văn bản ban hành kèm theo" if doc.attachments else ""))
            blocks.append(Block("\n".join(facts)))
            duties = extract_obligations(doc, units)
            blocks += self._duty_blocks(duties)
            unresolved = unknown_names(doc, duties)
            if unresolved:
                blocks.append(Block("Tên đơn vị chưa có trong danh mục (vẫn được giữ nguyên): " + "; ".join(unresolved[:12]), "i"))
        elif isinstance(doc, Law):
            blocks.append(Block(f"Loại: Luật\nTên: {doc.title}\n{len(doc.articles)} điều"))
        if p.replaces is not None:
            blocks.append(Block(f"Văn bản này là bản mới của {_line(p.replaces)}: bản cũ sẽ được đánh dấu đã thay thế.", "i"))
        for old in p.supersedes:
            blocks.append(Block(f"Văn bản này thay thế {_line(old)}: văn bản đó sẽ thôi được dùng để trả lời.", "i"))
        blocks.append(Block("Thêm vào kho văn bản?", "b"))
        return blocks

    def _duty_blocks(self, duties: list[Obligation], limit: int = 14) -> list[Block]:
        if not duties:
            return [Block("Không thấy nhiệm vụ giao cho đơn vị nào.", "i")]
        by_unit: dict[str, list[Obligation]] = {}
        for o in duties:
            for name in ([o.group] if o.group else o.units) or [o.responsible]:
                by_unit.setdefault(name, []).append(o)
        lines = []
        for name, obs in by_unit.items():
            dated = [o for o in obs if o.deadline or o.deadline_text]
            when = "; ".join(dict.fromkeys(format_date(o.deadline) if o.deadline else (o.deadline_text or "")
                                           for o in dated))[:80]
            lines.append(f"• {name}: {len(obs)} nhiệm vụ" + (f", hạn {when}" if when else ""))
        more = len(lines) - limit
        text = "\n".join(lines[:limit]) + (f"\n… và {more} đơn vị nữa" if more > 0 else "")
        return [Block(f"Nhiệm vụ tìm thấy ({len(duties)})", "b"), Block(text)]

    def confirm(self, user_id: int, actor: str, token: str, progress: Progress | None = None) -> Added:
        """Add a previewed file: store it, follow the new version, report."""
        with self._lock:
            pending = self._pending.pop(token, None)
        if pending is None or time.monotonic() - pending.at > PENDING_SECONDS:
            return Added(self._text("Bản xem trước này đã hết hạn. Hãy gửi lại tệp."), None, [])
        if pending.user_id != user_id:
            with self._lock:
                self._pending[token] = pending
            return Added(self._text("Chỉ người đã gửi tệp mới xác nhận được."), None, [])
        p = pending.prepared
        with self._adding:
            if progress:
                progress("Đang lưu vào kho…")
            try:
                change = self.store.add(p, actor)
            except ValueError as exc:  # stored meanwhile by someone else
                return Added(self._text(str(exc)), None, [])
            if progress:
                progress("Đang lập chỉ mục…")
            t0 = time.perf_counter()
            index_change = self.engine.follow()
            seconds = time.perf_counter() - t0
        doc = p.document
        duties = extract_obligations(doc, self.engine.assistant.units) if isinstance(doc, AdminDocument) else []
        name = doc.short_name if isinstance(doc, AdminDocument) else doc.title
        lines = [f"Xong: đã thêm {name} vào kho (phiên bản {change.version})."]
        if index_change is not None:
            lines.append(f"{index_change.chunks_added} đoạn được lập chỉ mục trong {seconds:.1f} giây; "
                         "có thể hỏi ngay về văn bản này.")
        elif self.engine.version >= change.version:  # the replica job applied it a moment before
            lines.append("Đã lập chỉ mục; có thể hỏi ngay về văn bản này.")
        if change.removed:
            lines.append("Thôi dùng để trả lời: " + ", ".join(change.removed) + " (đã được thay thế).")
        return Added(self._text(*lines), doc, duties)

    def cancel(self, token: str) -> Reply:
        with self._lock:
            self._pending.pop(token, None)
        return self._text("Đã hủy. Không có gì thay đổi trong kho văn bản.")

    def _expire(self) -> None:
        now = time.monotonic()
        for k in [k for k, v in self._pending.items() if now - v.at > PENDING_SECONDS]:
            del self._pending[k]
        while len(self._pending) > 100:
            self._pending.popitem(last=False)

    # -- remove ----------------------------------------------------------------------------------
    def ask_remove(self, query: str) -> Reply:
        found = self._find(query)
        if not found:
            return self._text(f"Không có văn bản “{query}” trong kho.")
        if len(found) > 1:
            return self._text("Có nhiều văn bản khớp; hãy ghi số ký hiệu đầy đủ:", *(f"• {_line(i)}" for i in found[:8]))
        info = found[0]
        return self._reply(pack([Block(f"Xóa {_line(info)} khỏi kho?", "b"),
                                 Block("Văn bản sẽ thôi được dùng để trả lời; lịch sử vẫn được giữ.", "i")]),
                           [[self._button("🗑 Xóa", f"rm:{info.doc_id[:50]}:ok"), self._button("✖ Hủy", "rm::no")]])

    def remove(self, actor: str, doc_id: str) -> Reply:
        if self.store.get(doc_id) is None:  # a button carries at most 50 characters of the id
            doc_id = next((i.doc_id for i in self.store.current() if i.doc_id.startswith(doc_id)), doc_id)
        with self._adding:
            try:
                change = self.store.remove(doc_id, actor)
            except KeyError:
                return self._text("Văn bản này không còn trong kho.")
            self.engine.follow()
        return self._text(f"Đã xóa {doc_id} khỏi kho (phiên bản {change.version}).")

    # -- /vanban ---------------------------------------------------------------------------------
    def matching(self, query: str) -> list[StoredInfo]:
        """Documents in force, newest first, filtered by type, year, issuer or subject words."""
        docs = self.store.current()
        kind, year, words = _filters(query)
        if kind:
            docs = [d for d in docs if fold(d.kind) == kind]
        if year:
            docs = [d for d in docs if d.issued.startswith(str(year))]
        for w in words:
            docs = [d for d in docs if w in fold(f"{d.subject} {d.issuer} {d.number} {d.kind}")]
        return docs

    def listing(self, query: str = "", page: int = 0) -> Reply:
        """Documents in force, newest first, filtered by type, year, issuer or subject words."""
        docs = self.matching(query)
        pages = max(1, (len(docs) + PAGE_SIZE - 1) // PAGE_SIZE)
        page = min(max(page, 0), pages - 1)
        shown = docs[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        title = f"Văn bản đang dùng ({len(docs)})" + (f" — lọc: {query}" if query else "")
        body = "\n".join(f"{page * PAGE_SIZE + i}. {_line(d)}" for i, d in enumerate(shown, 1)) or "Không có văn bản nào khớp."
        blocks = [Block(title, "b"), Block(body)]
        if pages > 1:
            blocks.append(Block(f"Trang {page + 1}/{pages}", "i"))
        blocks.append(Block("Lọc: /vanban kế hoạch 2025, /vanban khảo sát; xem một văn bản: /vanban 68/KH-UBND; "
                            "lịch sử: /vanban lichsu", "i"))
        nav = []
        # Telegram takes at most 64 bytes of callback data; a Vietnamese letter is 2-3 of them
        q = query.encode("utf-8")[:52].decode("utf-8", "ignore")
        if page > 0:
            nav.append(self._button("◀ Trước", f"vb:{page - 1}:{q}"))
        if page < pages - 1:
            nav.append(self._button("Sau ▶", f"vb:{page + 1}:{q}"))
        return self._reply(pack(blocks), [nav] if nav else [])

    def history(self, limit: int = 15) -> Reply:
        events = self.store.history(limit)
        if not events:
            return self._text("Kho văn bản chưa có thay đổi nào.")
        names = {i.doc_id: i for i in self.store.all()}
        verbs = {"add": "thêm", "replace": "thay bằng bản mới", "supersede": "bị thay thế", "remove": "xóa"}
        lines = []
        for e in events:
            when = e.at.astimezone(dt.timezone(dt.timedelta(hours=7))) if e.at.tzinfo else e.at
            info = names.get(e.doc_id)
            what = _line(info) if info else e.doc_id
            lines.append(f"• {when:%d/%m/%Y %H:%M} — {verbs.get(e.action, e.action)}: {what}"
                         + (f" (bởi {e.actor})" if e.actor else ""))
        return self._reply(pack([Block("Lịch sử kho văn bản", "b"), Block("\n".join(lines))]), [])

    def _find(self, query: str) -> list[StoredInfo]:
        from retrieval.documents.references import mentions_in_question, number_key

        current = self.store.current()
        mentions = mentions_in_question(query)
        if mentions:
            return [i for i in current if i.number and any(m.matches(i.number) for m in mentions)]
        fq = fold(query)
        return [i for i in current if fq and (fq == fold(i.doc_id) or fq in fold(i.subject) or
                                               fq == number_key(i.number).lower())]

    def _text(self, *paragraphs: str) -> Reply:
        return self._reply(pack([Block(p) for p in paragraphs if p]), [])


def ocr_progress(filename: str, progress: Progress | None) -> Callable[[int, int], None] | None:
    """The reader's OCR progress (pages done, pages) as status lines."""
    if progress is None:
        return None
    say: Progress = progress

    def pages(done: int, total: int) -> None:
        if done == 0:
            from retrieval.documents.readers.ocr import duration_text, estimate_seconds

            say(f"Tệp {filename} là bản quét: đang nhận dạng chữ {total} trang "
                f"(khoảng {duration_text(estimate_seconds(total))})…")
        else:
            say(f"Đang nhận dạng chữ: trang {done}/{total}")

    return pages


UNSURE_SHOWN = 12


def ocr_note(read: Reading) -> Block:
    """What the preview says of a file read by OCR: its pages, and the words to check."""
    pages = _ranges(read.ocr_pages)
    text = f"Văn bản được đọc từ bản quét bằng nhận dạng chữ (OCR), trang {pages}: hãy đối chiếu với bản gốc."
    if read.unsure_words:
        shown = ", ".join(read.unsure_words[:UNSURE_SHOWN])
        more = len(read.unsure_words) - UNSURE_SHOWN
        text += f"\nTừ máy đọc chưa chắc ({len(read.unsure_words)}): {shown}" + (f" … và {more} từ nữa" if more > 0 else "")
    return Block(text, "i")


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> "1–3, 5"."""
    spans: list[list[int]] = []
    for n in sorted(numbers):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def _filters(query: str) -> tuple[str, int | None, list[str]]:
    """"kế hoạch 2025 khảo sát" -> ("ke hoach", 2025, ["khao sat"])."""
    fq = fold(query).strip()
    kind = next((fold(t) for t in TYPES if fq.startswith(fold(t)) or f" {fold(t)}" in f" {fq}"), "")
    if kind:
        fq = re.sub(rf"\b{re.escape(kind)}\b", " ", fq)
    m = re.search(r"\b(19|20)\d\d\b", fq)
    year = int(m.group(0)) if m else None
    if m:
        fq = fq.replace(m.group(0), " ")
    words = [" ".join(fq.split())] if fq.split() else []
    return kind, year, words


__all__ = ["Added", "DocumentDesk", "MAX_BYTES"]
