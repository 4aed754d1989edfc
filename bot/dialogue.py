"""The conversation, independent of Telegram: commands, questions, buttons, refusals.

Telegram (`bot/handlers.py`) and the console (`bot/console.py`) both call this module and
only translate its plain results: HTML messages (every piece of document and user text
escaped, at most 4096 characters each) and buttons as (label, callback data). So the two
front ends give the same answers to the same commands.

Methods block (retrieval, database): the Telegram side runs them in worker threads.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
import threading
import time
from collections import OrderedDict
from typing import Any

from retrieval.answering.answer import Answer, Source
from retrieval.documents.model import AdminDocument, Law
from retrieval.documents.references import describe, mentions_in_question, number_key
from retrieval.facts.deadlines import format_date
from retrieval.facts.obligations import describe as describe_duty
from retrieval.facts.units import lookup_unit, unknown_unit_message
from retrieval.index.stored import IndexError_
from retrieval.lang.text import fold
from retrieval.settings import Settings

from .access import AccessPolicy, RateLimiter, Who
from .documents import MAX_BYTES, DocumentDesk, Progress
from .duties import hanchot_text, nhiemvu_text
from .engine import Engine, open_engine
from .facts import TZ, Clock, FactService, FactsUnavailable, hanoi_now, local_today
from .notices import Notice, new_duty_notices
from .reminders import Subscription
from .render import (
    TELEGRAM_LIMIT,
    Block,
    answer_messages,
    pack,
    sources_messages,
    tg_len,
)
from .replies import Button, CallbackResult, Reply
from .storage import QuestionRecord, Store, StoreUnavailable, new_question_id

log = logging.getLogger(__name__)

# (command, Vietnamese description) as registered with set_my_commands and shown by /help
PUBLIC_COMMANDS: list[tuple[str, str]] = [
    ("start", "Bắt đầu, xem câu hỏi mẫu"),
    ("help", "Hướng dẫn sử dụng"),
    ("vanban", "Danh sách văn bản; /vanban <số hiệu> để xem chi tiết"),
    ("viettat", "Tra từ viết tắt, ví dụ /viettat CCHC"),
    ("nhiemvu", "Nhiệm vụ của một đơn vị: /nhiemvu <đơn vị>"),
    ("hanchot", "Thời hạn trong 30 ngày tới; /hanchot tatca: mọi thời hạn"),
    ("theodoi", "Nhận nhắc hạn của đơn vị: /theodoi <đơn vị>"),
    ("huytheodoi", "Hủy nhắc hạn: /huytheodoi [đơn vị]"),
]
ADMIN_COMMANDS: list[tuple[str, str]] = [
    ("stats", "Thống kê câu hỏi, tỷ lệ không trả lời, phản hồi"),
    ("reload", "Nạp lại (hoặc dựng lại) chỉ mục văn bản"),
    ("allow", "Cho phép: /allow <user_id> hoặc /allow chat <chat_id>"),
    ("deny", "Thu hồi: /deny <user_id> hoặc /deny chat <chat_id>"),
    ("them", "Thêm văn bản: gửi tệp .docx, .doc, .pdf (cả bản quét), .md vào chat riêng với bot"),
]
UPLOAD_TYPES = (".docx", ".doc", ".pdf", ".md", ".txt")

# three questions the bundled directive answers well, offered as buttons by /start
EXAMPLES: list[str] = [
    "Sở Tư pháp phải báo cáo kết quả khắc phục tồn tại, hạn chế cho ai và chậm nhất khi nào?",
    "Kế hoạch số 187/KH-UBND được ban hành ngày nào và về nội dung gì?",
    "Ai ký văn bản triển khai nhiệm vụ CCHC 6 tháng cuối năm 2024?",
]

REFUSAL = ("Xin lỗi, bạn chưa được cấp quyền sử dụng trợ lý này. "
           "Vui lòng liên hệ quản trị viên của đơn vị để được thêm vào danh sách.")
ADMIN_ONLY = "Lệnh này chỉ dành cho quản trị viên."
UNSUPPORTED = {
    "sticker": "Tôi chỉ đọc được câu hỏi bằng chữ. Hãy gõ câu hỏi về văn bản CCHC, ví dụ: /start để xem câu hỏi mẫu.",
    "photo": "Tôi chưa đọc được ảnh. Hãy gõ câu hỏi bằng chữ (có thể chép số hiệu văn bản, ví dụ 187/KH-UBND).",
    "voice": "Tôi chưa nghe được tin nhắn thoại. Hãy gõ câu hỏi bằng chữ.",
    "media": "Tôi chỉ đọc được câu hỏi bằng chữ. Hãy gõ câu hỏi, hoặc /help để xem hướng dẫn.",
    "edited": "Tôi không xử lý tin nhắn đã sửa. Hãy gửi câu hỏi mới thành một tin nhắn mới.",
    "empty": "Bạn chưa nhập câu hỏi. Hãy gõ một câu hỏi, ví dụ: “Sở Tư pháp phải báo cáo cho ai, chậm nhất khi nào?”",
}
NO_DATABASE = ("Không kết nối được cơ sở dữ liệu nên chưa {what} được. Hãy thử lại sau ít phút; "
               "/nhiemvu và /hanchot vẫn dùng được.")
UPLOAD_ADMIN_ONLY = ("Cảm ơn bạn đã gửi tệp. Chỉ quản trị viên mới thêm được văn bản vào kho; nếu cần bổ sung "
                     "văn bản, hãy gửi cho quản trị viên của đơn vị. Bạn vẫn có thể hỏi về các văn bản đang có.")
UPLOAD_PRIVATE_ONLY = "Hãy gửi tệp văn bản trong chat riêng với tôi để thêm vào kho."
NO_DOCUMENT_STORE = ("Kho văn bản trong cơ sở dữ liệu chưa sẵn sàng (không kết nối được hoặc đã tắt DOCUMENT_STORE), "
                     "nên chưa thêm được văn bản. Không có gì thay đổi.")
CONSOLE_REMINDERS = ("Nhắc hạn được gửi qua Telegram. Trong cửa sổ dòng lệnh, hãy dùng /hanchot "
                     "hoặc /nhiemvu <đơn vị> để xem các thời hạn.")


def text_reply(*paragraphs: str) -> Reply:
    """Plain text (escaped here) as one or more messages."""
    return Reply(pack([Block(p) for p in paragraphs if p]))


class Dialogue:
    def __init__(self, settings: Settings, engine: Engine, store: Store | None, access: AccessPolicy | None = None,
                 limiter: RateLimiter | None = None, clock: Clock = hanoi_now) -> None:
        self.settings = settings
        self.engine = engine
        self.store = store
        # "today" for deadlines and the reminder job; tests pass a clock they control
        self.clock = clock
        self.facts = FactService(engine, store)
        self.access = access or AccessPolicy(settings, store)
        self.limiter = limiter or RateLimiter(settings.rate_limit_per_minute)
        # answers by question id, for "Xem nguồn" after the fact (the database is the fallback)
        self._recent: OrderedDict[str, tuple[str, Answer]] = OrderedDict()
        self._recent_max = 2000
        # the document each chat last talked about: "văn bản này", "kế hoạch trên" mean it
        self._chat_doc: OrderedDict[int, str] = OrderedDict()
        self._chat_doc_max = 20000
        self._lock = threading.Lock()
        self._desk: DocumentDesk | None = None

    @classmethod
    def open(cls, settings: Settings) -> Dialogue:
        """The assistant, the database (schema created, outbox written) and the allowlist,
        as configured. Raises IndexError_ with a clear message when the index is unusable."""
        engine = open_engine(settings)
        store = Store(settings.database_url, settings.outbox_path)
        store.start()
        access = AccessPolicy(settings, store)
        access.refresh()
        return cls(settings, engine, store, access)

    # -- gate -------------------------------------------------------------------------------
    def _refuse(self, who: Who) -> Reply | None:
        """None when `who` may use the assistant; else the refusal (once) or silence."""
        if self.access.allowed(who):
            return None
        log.info("refused user %s in chat %s", who.user_id, who.chat_id)
        return text_reply(REFUSAL) if self.access.first_refusal(who) else Reply()

    # -- questions ----------------------------------------------------------------------------
    def ask(self, who: Who, text: str) -> Reply:
        refused = self._refuse(who)
        if refused is not None:
            return refused
        question = (text or "").strip()
        if not question:
            return text_reply(UNSUPPORTED["empty"])
        limit = self.settings.max_question_chars
        if len(question) > limit:
            return text_reply(f"Câu hỏi dài {len(question)} ký tự, vượt giới hạn {limit} ký tự. "
                              "Hãy hỏi ngắn gọn một ý.")
        if not who.local:
            wait = self.limiter.check(who.user_id)
            if wait:
                return text_reply(f"Bạn đã hỏi {self.limiter.per_minute} câu trong một phút, đó là giới hạn. "
                                  f"Hãy thử lại sau khoảng {int(wait) + 1} giây.")
        t0 = time.perf_counter()
        answer = self.engine.ask(question, context_doc=self.chat_document(who.chat_id))
        latency = (time.perf_counter() - t0) * 1000
        return self._answer_reply(who, question, answer, latency)

    def _answer_reply(self, who: Who, question: str, answer: Answer, latency: float) -> Reply:
        qid = new_question_id()
        self._remember(qid, question, answer)
        if answer.doc_id:
            self._set_chat_document(who.chat_id, answer.doc_id)
        record = QuestionRecord(
            key=qid, user_id=who.user_id, chat_id=who.chat_id, question=question, answer=answer.text,
            sources=[_source_json(s) for s in answer.sources], intent=answer.intent, abstained=answer.abstained,
            latency_ms=round(latency, 1), username=who.username, full_name=who.name or None,
            chat_type=who.chat_type, chat_title=who.chat_title,
        )
        return Reply(answer_messages(answer), self._answer_buttons(qid, answer, expanded=False), qid, record, answer)

    def chat_document(self, chat_id: int) -> str | None:
        with self._lock:
            return self._chat_doc.get(chat_id)

    def _set_chat_document(self, chat_id: int, doc_id: str) -> None:
        with self._lock:
            self._chat_doc[chat_id] = doc_id
            self._chat_doc.move_to_end(chat_id)
            while len(self._chat_doc) > self._chat_doc_max:
                self._chat_doc.popitem(last=False)

    def is_cached(self, who: Who, question: str) -> bool:
        return self.engine.is_cached(question.strip(), self.chat_document(who.chat_id))

    def persist(self, reply: Reply) -> bool:
        """Log the question (after the reply is out: the database never delays an answer)."""
        if self.store is None or reply.record is None:
            return False
        return self.store.record_question(reply.record)

    def _answer_buttons(self, qid: str, answer: Answer, expanded: bool) -> list[list[Button]]:
        rows: list[list[Button]] = []
        if answer.choices:  # the question matched several documents: one button each
            return [[Button(_short(label, 60), f"doc:{qid}:{i}")] for i, (_d, label) in enumerate(answer.choices[:8])]
        if answer.sources and not answer.abstained:
            rows.append([Button("🔼 Ẩn nguồn", f"hide:{qid}") if expanded else Button("📚 Xem nguồn", f"src:{qid}")])
        rows.append([Button("👍 Hữu ích", f"fb:{qid}:+"), Button("👎 Chưa đúng", f"fb:{qid}:-")])
        return rows

    def _remember(self, qid: str, question: str, answer: Answer) -> None:
        with self._lock:
            self._recent[qid] = (question, answer)
            while len(self._recent) > self._recent_max:
                self._recent.popitem(last=False)

    def _recall_question(self, qid: str) -> tuple[str, Answer] | None:
        with self._lock:
            return self._recent.get(qid)

    def _recall(self, qid: str) -> Answer | None:
        with self._lock:
            hit = self._recent.get(qid)
        if hit is not None:
            return hit[1]
        if self.store is None:
            return None
        try:
            row = self.store.question(qid)
        except StoreUnavailable:
            return None
        if row is None:
            return None
        sources = [Source(s.get("doc_title", ""), s.get("doc_number", ""), s.get("article"), s.get("section", ""),
                          s.get("text", ""), float(s.get("score", 0.0)), s.get("chunk_id", ""),
                          list(s.get("footnotes") or [])) for s in row.sources]
        return Answer(row.answer, sources, row.abstained, row.intent)

    # -- buttons ------------------------------------------------------------------------------
    def callback(self, who: Who, data: str) -> CallbackResult:
        if not self.access.allowed(who):
            return CallbackResult(toast=REFUSAL[:190])
        kind, _, rest = (data or "").partition(":")
        if kind == "ex" and rest.isdigit() and int(rest) < len(EXAMPLES):
            return CallbackResult(toast=None, send=self.ask(who, EXAMPLES[int(rest)]))
        if kind in ("src", "hide"):
            answer = self._recall(rest)
            if answer is None:
                return CallbackResult(toast="Không còn lưu nguồn của câu trả lời này. Hãy hỏi lại.")
            parts = answer_messages(answer)
            if kind == "hide":
                return CallbackResult(edit=Reply([parts[-1]], self._answer_buttons(rest, answer, expanded=False), rest))
            src = sources_messages(answer.sources)
            if len(src) == 1 and tg_len(parts[-1] + "\n\n" + src[0]) <= TELEGRAM_LIMIT:
                return CallbackResult(edit=Reply([parts[-1] + "\n\n" + src[0]],
                                                 self._answer_buttons(rest, answer, expanded=True), rest))
            return CallbackResult(toast="Trích dẫn được gửi ở tin nhắn dưới.", send=Reply(src))
        if kind == "doc":
            return self._choose(who, rest)
        if kind in ("up", "rm", "vb"):
            return self._document_button(who, kind, rest)
        if kind == "fb":
            qid, _, sign = rest.partition(":")
            if not qid or sign not in ("+", "-"):
                return CallbackResult(toast="Nút này không còn dùng được.")
            if self.store is not None:
                self.store.record_feedback(qid, who.user_id, 1 if sign == "+" else -1)
            return CallbackResult(toast="Cảm ơn phản hồi của bạn! 👍" if sign == "+" else
                                  "Cảm ơn, chúng tôi sẽ xem lại câu trả lời này. 👎")
        return CallbackResult(toast="Nút này không còn dùng được.")

    def _choose(self, who: Who, rest: str) -> CallbackResult:
        """A document picked among those a question matched: the question answered from it,
        in place of the choice; the chat now talks about that document."""
        qid, _, index = rest.rpartition(":")
        hit = self._recall_question(qid)
        if hit is None or not index.isdigit() or int(index) >= len(hit[1].choices):
            return CallbackResult(toast="Lựa chọn này đã hết hạn. Hãy hỏi lại, ghi rõ số văn bản.")
        question, choice = hit
        doc_id, label = choice.choices[int(index)]
        t0 = time.perf_counter()
        answer = self.engine.ask(question, chosen_doc=doc_id)
        reply = self._answer_reply(who, question, answer, (time.perf_counter() - t0) * 1000)
        self._set_chat_document(who.chat_id, doc_id)
        # the choice keeps its text, loses its buttons and says what was picked
        picked = Reply([answer_messages(choice)[0] + "\n\n" + html.escape(f"✔ Đã chọn: {label}")])
        return CallbackResult(edit=picked, send=reply)

    # -- the corpus: uploads, removal, listing -----------------------------------------------------
    @property
    def desk(self) -> DocumentDesk | None:
        """The document desk while the corpus lives in the database (None: files only)."""
        store = self.engine.store
        if store is None:
            return None
        with self._lock:
            if self._desk is None or self._desk.store is not store:
                self._desk = DocumentDesk(self.engine, store, Reply, Button)
            return self._desk

    def upload_refusal(self, who: Who, filename: str, size: int | None) -> Reply | None:
        """Why a file sent in is not read (before it is downloaded), or None to go on."""
        refused = self._refuse(who)
        if refused is not None:
            return refused
        if not (who.local or self.access.is_admin(who)):
            return text_reply(UPLOAD_ADMIN_ONLY)
        if who.is_group or who.chat_type == "channel":
            return text_reply(UPLOAD_PRIVATE_ONLY)
        if not filename.lower().endswith(UPLOAD_TYPES):
            return text_reply(f"Tệp “{filename}” không phải loại văn bản tôi đọc được. Hãy gửi tệp .docx, .doc, .pdf "
                              "hoặc .md.")
        if size is not None and size > MAX_BYTES:
            return text_reply(f"Tệp “{filename}” lớn {size / 1024 / 1024:.1f} MB, vượt giới hạn 20 MB mà Telegram cho "
                              "bot tải về. Hãy gửi bản nhỏ hơn (ví dụ bản .docx không kèm ảnh quét).")
        if self.desk is None:
            return text_reply(NO_DOCUMENT_STORE)
        return None

    def upload(self, who: Who, filename: str, data: bytes, progress: Progress | None = None) -> Reply:
        """A file sent in by an admin: read, previewed, with buttons to add it or cancel;
        `progress` hears how a scan's OCR goes."""
        refused = self.upload_refusal(who, filename, len(data))
        if refused is not None:
            return refused
        assert self.desk is not None  # upload_refusal said so
        return self.desk.preview(who.user_id, filename, data, progress)

    def confirm_upload(self, who: Who, token: str, progress: Progress | None = None) -> CallbackResult:
        """Add a previewed file (the "Thêm vào kho" button): stored, indexed, its duties synced,
        and the notices to the chats following the units it gives duties to."""
        desk = self.desk
        if desk is None:
            return CallbackResult(edit=text_reply(NO_DOCUMENT_STORE))
        added = desk.confirm(who.user_id, _actor(who), token, progress)
        if added.document is None:
            return CallbackResult(edit=added.reply)
        self.facts.sync()  # the new duties in the database's fact tables too
        notices: list[Notice] = []
        if added.duties and self.store is not None:
            try:
                subs = self.facts.subscriptions()
            except FactsUnavailable as exc:
                log.warning("no notices of the new document's duties: %s", exc)
                subs = []
            doc = added.document
            label = doc.short_name if isinstance(doc, AdminDocument) else doc.title
            if isinstance(doc, AdminDocument) and doc.subject:
                label += f" — {doc.subject}"
            notices = new_duty_notices(subs, added.duties, self.facts.current().units, label)
        return CallbackResult(edit=added.reply, notices=notices)

    def _document_button(self, who: Who, kind: str, rest: str) -> CallbackResult:
        desk = self.desk
        if desk is None:
            return CallbackResult(toast="Kho văn bản chưa sẵn sàng.")
        if kind == "vb":
            page, _, query = rest.partition(":")
            return CallbackResult(edit=desk.listing(query, int(page) if page.isdigit() else 0))
        if not (who.local or self.access.is_admin(who)):
            return CallbackResult(toast=ADMIN_ONLY)
        key, _, action = rest.rpartition(":")
        if kind == "up":
            if action == "ok":
                return self.confirm_upload(who, key)
            return CallbackResult(edit=desk.cancel(key))
        if action != "ok" or not key:
            return CallbackResult(edit=text_reply("Đã hủy. Không có gì thay đổi trong kho văn bản."))
        reply = desk.remove(_actor(who), key)
        self.facts.sync()
        return CallbackResult(edit=reply)

    def cmd_them(self, who: Who, args: str) -> Reply:
        """The console's upload: /them PATH (on Telegram the file itself is sent)."""
        if who.chat_type != "console":
            return text_reply("Hãy gửi tệp .docx, .pdf hoặc .md vào chat riêng với tôi: tôi sẽ đọc, cho xem trước "
                              "và hỏi trước khi thêm vào kho.")
        if not args:
            return text_reply("Cách dùng: /them <đường dẫn tệp .docx, .pdf hoặc .md>")
        from pathlib import Path

        path = Path(args.strip().strip('"').strip("'")).expanduser()
        try:
            if path.stat().st_size > MAX_BYTES:
                return text_reply(f"Tệp {path.name} vượt giới hạn 20 MB.")
            data = path.read_bytes()
        except OSError as exc:
            return text_reply(f"Không mở được tệp {path}: {exc.strerror or exc}.")
        # the console waits in front of a scan's OCR: a line a page
        return self.upload(who, path.name, data, lambda line: print(line, flush=True))

    # -- other input ----------------------------------------------------------------------------
    def unsupported(self, who: Who, kind: str) -> Reply:
        refused = self._refuse(who)
        if refused is not None:
            return refused
        return text_reply(UNSUPPORTED.get(kind, UNSUPPORTED["media"]))

    # -- commands -------------------------------------------------------------------------------
    def command(self, who: Who, name: str, args: str = "") -> Reply:
        refused = self._refuse(who)
        if refused is not None:
            return refused
        name = name.lower()
        handler = getattr(self, f"cmd_{name}", None)
        if handler is None:
            return text_reply(f"Không có lệnh /{name}. Gõ /help để xem các lệnh.")
        if name in {c for c, _ in ADMIN_COMMANDS} and not self.access.is_admin(who):
            return text_reply(ADMIN_ONLY)
        return handler(who, args.strip())

    def cmd_start(self, who: Who, args: str) -> Reply:
        a = self.engine.assistant
        intro = [
            Block("Xin chào! Tôi là Trợ lý CCHC.", "b"),
            Block(f"Tôi trả lời câu hỏi về văn bản chỉ đạo cải cách hành chính ({a.scope}), "
                  "kèm số hiệu và mục của văn bản làm căn cứ. Khi văn bản không nói đến, tôi sẽ nói rõ là không tìm thấy."),
            Block("Hãy gõ câu hỏi, hoặc bấm một câu hỏi mẫu dưới đây. Gõ /help để xem các lệnh."),
        ]
        buttons = [[Button(_short(q, 60), f"ex:{i}")] for i, q in enumerate(EXAMPLES)]
        return Reply(pack(intro), buttons)

    def cmd_help(self, who: Who, args: str) -> Reply:
        blocks = [
            Block("Cách dùng", "b"),
            Block("Gõ câu hỏi bằng tiếng Việt, ví dụ: “Huyện Khoái Châu phải báo cáo cho ai, chậm nhất khi nào?”. "
                  "Câu trả lời có nguồn; bấm “Xem nguồn” để đọc đoạn văn bản được trích, 👍/👎 để góp ý."),
            Block("Lệnh", "b"),
            Block("\n".join(f"/{c} — {d}" for c, d in PUBLIC_COMMANDS)),
        ]
        if self.access.is_admin(who):
            blocks += [Block("Lệnh quản trị", "b"), Block("\n".join(f"/{c} — {d}" for c, d in ADMIN_COMMANDS))]
        if who.is_group:
            blocks.append(Block("Trong nhóm, hãy nhắc tên tôi (@…) hoặc trả lời tin nhắn của tôi để đặt câu hỏi."))
        blocks.append(Block(f"Câu hỏi tối đa {self.settings.max_question_chars} ký tự.", "i"))
        return Reply(pack(blocks))

    def cmd_viettat(self, who: Who, args: str) -> Reply:
        gl = self.engine.assistant.library.glossary
        if not args:
            lines = [f"{abbr}: {', '.join(m)}" for abbr, m in sorted(gl.entries.items(), key=lambda x: fold(x[0]))]
            return Reply(pack([Block("Từ viết tắt", "b"), *[Block(x) for x in lines]]))
        found = gl.lookup(args)
        if found is None:
            return text_reply(f"Không có “{args}” trong danh mục từ viết tắt. Gõ /viettat để xem cả danh mục.")
        abbr, meanings = found
        return Reply(pack([Block(abbr, "b", ), Block("\n".join(f"• {m}" for m in meanings))]))

    def cmd_vanban(self, who: Who, args: str) -> Reply:
        a = self.engine.assistant
        docs = list(a.documents.values())
        desk = self.desk
        word, _, rest = args.partition(" ")
        if fold(word) == "lichsu" or fold(args) == "lich su":
            return desk.history() if desk is not None else text_reply(NO_DOCUMENT_STORE)
        if fold(word) == "xoa":
            if not (who.local or self.access.is_admin(who)):
                return text_reply(ADMIN_ONLY)
            if desk is None:
                return text_reply(NO_DOCUMENT_STORE)
            if not rest.strip():
                return text_reply("Cách dùng: /vanban xoa <số hiệu>, ví dụ /vanban xoa 68/KH-UBND")
            return desk.ask_remove(rest.strip())
        if desk is not None and not mentions_in_question(args):
            # a list, filtered by type, year, issuer or subject words; one match is shown whole
            found = desk.matching(args)
            if len(found) == 1 and args and found[0].doc_id in a.documents:
                return Reply(pack(self._document_with_duties(a.documents[found[0].doc_id])))
            if found or not args:
                return desk.listing(args)
        if not args:
            blocks = [Block(f"Văn bản đang có ({len(docs)})", "b")]
            for d in docs:
                blocks.append(Block(_doc_line(d)))
            blocks.append(Block("Gõ /vanban <số hiệu> (ví dụ /vanban 363/TB-VPCP hoặc /vanban KH 187) "
                                "để xem chi tiết một văn bản.", "i"))
            return Reply(pack(blocks))
        mentions = mentions_in_question(args)
        # an indexed document, by number or by words of its title
        for d in docs:
            num = d.number
            if (num and any(m.matches(num) for m in mentions)) or \
                    (not mentions and fold(args) in fold(d.title + " " + (num or ""))):
                return Reply(pack(self._document_with_duties(d)))
        # a document the indexed ones cite
        refs = a.library.references
        cited = [(r, d) for key, (r, d) in refs.items() if any(m.matches(key) for m in mentions)]
        if not cited and not mentions:
            cited = [(r, d) for r, d in refs.values() if fold(args) in fold(r.number)]
        if cited:
            blocks = []
            for ref, d in cited[:5]:
                blocks.append(Block(f"{ref.kind} số {ref.number}".strip(), "b"))
                blocks.append(Block(describe(ref) + "."))
                blocks.append(Block(f"Được dẫn tại {ref.location} của {d.short_name}.", "i"))
                blocks.append(Block(ref.text, "blockquote"))
            blocks.append(Block("Văn bản này chỉ được dẫn chiếu; toàn văn không có trong kho.", "i"))
            return Reply(pack(blocks))
        return text_reply(f"Không tìm thấy văn bản “{args}” trong các văn bản đang có hoặc được dẫn chiếu. "
                          "Gõ /vanban để xem danh sách.")

    def _document_with_duties(self, d: AdminDocument | Law) -> list[Block]:
        """A document's facts and outline, then the duties it gives, unit by unit."""
        blocks = _document_blocks(d)
        duties = [o for o in self.facts.current().obligations if o.doc_id == d.doc_id]
        if not duties:
            return blocks
        by_unit: dict[str, list[str]] = {}
        for o in duties:
            who_ = o.group or ", ".join(o.units[:3]) or o.label or "(không rõ đơn vị)"
            by_unit.setdefault(who_, []).append(f"  – {describe_duty(o)} [{o.section}]")
        lines = []
        for unit, items in by_unit.items():
            items = list(dict.fromkeys(items))  # one sentence with two dates is two duties, one line
            lines.append(f"• {unit}:")
            lines += items[:6] + ([f"  … và {len(items) - 6} nhiệm vụ nữa"] if len(items) > 6 else [])
        blocks += [Block(f"Nhiệm vụ được giao ({len(duties)})", "b"), Block("\n".join(lines)),
                   Block("Xem theo đơn vị: /nhiemvu <đơn vị>.", "i")]
        return blocks

    # -- duties, deadlines, reminders ----------------------------------------------------------------
    def cmd_nhiemvu(self, who: Who, args: str) -> Reply:
        if not args:
            return text_reply("Cách dùng: /nhiemvu <tên đơn vị>, ví dụ /nhiemvu Sở Tư pháp "
                              "hoặc /nhiemvu huyện Kim Động (viết không dấu hay viết tắt như STP cũng được).")
        facts = self.facts.current()
        return text_reply(nhiemvu_text(facts.obligations, facts.units, args, local_today(self.clock())))

    def cmd_hanchot(self, who: Who, args: str) -> Reply:
        facts = self.facts.current()
        return text_reply(hanchot_text(facts.obligations, local_today(self.clock()), args))

    def cmd_theodoi(self, who: Who, args: str) -> Reply:
        if who.chat_type == "console":
            return text_reply(CONSOLE_REMINDERS)
        if not args:
            return self._subscriptions_reply(who)
        lk = lookup_unit(self.facts.current().units, args)
        if lk.resolution is None:
            return text_reply(unknown_unit_message(lk))
        if lk.resolution.unit is None:
            return text_reply(f"“{lk.resolution.name}” là một nhóm đơn vị. Hãy ghi tên một đơn vị cụ thể, "
                              "ví dụ /theodoi Sở Tư pháp.")
        unit = lk.resolution.unit.name
        now = self.clock()
        try:
            added = self.facts.subscribe(who.chat_id, unit, now)
        except FactsUnavailable as exc:
            log.warning("subscription not saved: %s", exc)
            return text_reply(NO_DATABASE.format(what="đăng ký nhắc hạn"))
        lines = []
        if lk.resolution.how == "fuzzy":
            lines.append(f"(Hiểu “{args}” là {unit}.)")
        lines.append(f"Đã đăng ký nhắc hạn cho {unit}: tôi sẽ nhắc trong chat này lúc 08:00, "
                     "7 ngày và 1 ngày trước mỗi thời hạn của đơn vị." if added else
                     f"Chat này đã theo dõi {unit} từ trước.")
        lines.append(self._next_line(who.chat_id, unit, now))
        return text_reply("\n".join(lines))

    def cmd_huytheodoi(self, who: Who, args: str) -> Reply:
        if who.chat_type == "console":
            return text_reply(CONSOLE_REMINDERS)
        try:
            subs = self.facts.subscriptions(who.chat_id)
            if not args:
                removed = self.facts.unsubscribe(who.chat_id)
                if not removed:
                    return text_reply("Chat này chưa theo dõi đơn vị nào.")
                return text_reply(f"Đã hủy theo dõi {removed} đơn vị: " + ", ".join(s.unit for s in subs) + ".")
            unit = self._subscribed_unit(args, [s.unit for s in subs])
            if unit is None:
                lk = lookup_unit(self.facts.current().units, args)
                return text_reply(unknown_unit_message(lk) if lk.resolution is None else
                                  f"Chat này không theo dõi {lk.resolution.name}." + _following(subs))
            self.facts.unsubscribe(who.chat_id, unit)
        except FactsUnavailable as exc:
            log.warning("subscription not removed: %s", exc)
            return text_reply(NO_DATABASE.format(what="hủy theo dõi"))
        left = [s for s in subs if s.unit != unit]
        return text_reply(f"Đã hủy theo dõi {unit}." + _following(left))

    def _subscribed_unit(self, name: str, subscribed: list[str]) -> str | None:
        """The subscription a name means: the unit it resolves to, or (for a unit gone from
        units.yaml since) the stored name itself written without accents or case."""
        from retrieval.facts.units import key

        lk = lookup_unit(self.facts.current().units, name)
        if lk.resolution is not None and lk.resolution.name in subscribed:
            return lk.resolution.name
        return next((u for u in subscribed if key(u) == key(name)), None)

    def _subscriptions_reply(self, who: Who) -> Reply:
        now = self.clock()
        try:
            subs = self.facts.subscriptions(who.chat_id)
        except FactsUnavailable as exc:
            log.warning("subscriptions not read: %s", exc)
            return text_reply(NO_DATABASE.format(what="xem danh sách theo dõi"))
        if not subs:
            return text_reply("Chat này chưa theo dõi đơn vị nào. Gõ /theodoi <đơn vị>, ví dụ /theodoi Sở Tư pháp, "
                              "để được nhắc 7 ngày và 1 ngày trước mỗi thời hạn.")
        lines = ["Chat này đang theo dõi nhắc hạn của:"]
        lines += [f"• {s.unit} — {self._next_line(who.chat_id, s.unit, now, short=True)}" for s in subs]
        lines.append("Gõ /huytheodoi <đơn vị> để hủy một đơn vị, /huytheodoi để hủy tất cả.")
        return text_reply("\n".join(lines))

    def _next_line(self, chat_id: int, unit: str, now: dt.datetime, short: bool = False) -> str:
        at = self.facts.next_reminder(Subscription(chat_id, unit, now), now)
        if at is None:
            return ("chưa có thời hạn sắp tới" if short else
                    f"Hiện chưa có thời hạn sắp tới nào của {unit} trong các văn bản đang có; "
                    "khi có văn bản mới nêu thời hạn, tôi sẽ nhắc.")
        when = at.astimezone(TZ)
        text = f"{when:%H:%M} ngày {format_date(when.date())}"
        return f"lần nhắc tới: {text}" if short else f"Lần nhắc tiếp theo: {text}."

    def cmd_stats(self, who: Who, args: str) -> Reply:
        if self.store is None:
            return text_reply("Chưa cấu hình cơ sở dữ liệu.")
        try:
            st = self.store.stats()
        except StoreUnavailable as exc:
            return text_reply(f"Không đọc được thống kê: {exc}. Câu hỏi và phản hồi vẫn được giữ để ghi sau.")
        blocks = [
            Block("Thống kê", "b"),
            Block(f"Tổng số câu hỏi: {st.total}; không tìm thấy câu trả lời: {st.abstained} "
                  f"({st.abstention_rate:.0%}).\nNgười dùng: {st.users}.\n"
                  f"Phản hồi: 👍 {st.feedback_up} · 👎 {st.feedback_down}."
                  + (f"\nĐang chờ ghi vào CSDL: {st.pending_outbox}." if st.pending_outbox else "")),
            Block("Câu hỏi theo ngày (7 ngày gần nhất)", "b"),
            Block("\n".join(f"{d.day}: {d.questions} câu, {d.abstained} không tìm thấy" for d in st.per_day)
                  or "Chưa có câu hỏi."),
            Block("Chậm nhất", "b"),
            Block("\n".join(f"{i}. {ms:.0f} ms — {when} — {_short(q, 80)}" for i, (ms, when, q) in
                            enumerate(st.slowest, 1)) or "Chưa có."),
        ]
        return Reply(pack(blocks))

    def cmd_reload(self, who: Who, args: str) -> Reply:
        try:
            rep = self.engine.reload()
        except (IndexError_, Exception) as exc:  # a bad file must not take the bot down
            log.exception("reload failed")
            return text_reply(f"Nạp lại chỉ mục thất bại, vẫn dùng chỉ mục cũ: {exc}")
        what = f"Đã dựng lại chỉ mục ({rep.reason})" if rep.rebuilt else "Chỉ mục đã mới nhất, đã nạp lại"
        self.facts.sync()  # the obligations of the new index, in the database too
        return text_reply(f"{what}: {rep.documents} văn bản, {rep.chunks} đoạn, {rep.seconds:.1f} giây.")

    def cmd_allow(self, who: Who, args: str) -> Reply:
        return self._allow_deny(who, args, allow=True)

    def cmd_deny(self, who: Who, args: str) -> Reply:
        return self._allow_deny(who, args, allow=False)

    def _allow_deny(self, who: Who, args: str, allow: bool) -> Reply:
        m = re.fullmatch(r"(?:(user|chat)\s+)?(-?\d+)", args.strip())
        if not m:
            return text_reply(f"Cú pháp: /{'allow' if allow else 'deny'} <user_id> hoặc "
                              f"/{'allow' if allow else 'deny'} chat <chat_id>")
        kind, ident = m.group(1) or "user", int(m.group(2))
        if allow:
            self.access.allow(kind, ident, who.user_id)
            return text_reply(f"Đã cho phép {kind} {ident}. {self.access.describe()}")
        self.access.deny(kind, ident)
        env = self.settings.allowed_user_ids if kind == "user" else self.settings.allowed_chat_ids
        note = " (vẫn còn trong biến môi trường, hãy sửa cấu hình)" if ident in env else ""
        return text_reply(f"Đã thu hồi {kind} {ident}{note}. {self.access.describe()}")


# -- helpers ------------------------------------------------------------------------------------
def _actor(who: Who) -> str:
    """Who made a change, as the history shows it."""
    name = who.name or (f"@{who.username}" if who.username else "")
    return f"{name} ({who.user_id})".strip() if not who.local else "console"


def _short(text: str, n: int) -> str:
    text = " ".join(re.sub(r"<sup>\d+</sup>", "", text).split())  # footnote marks as the parser kept them
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _following(subs: list[Subscription]) -> str:
    if not subs:
        return ""
    return " Chat này còn theo dõi: " + ", ".join(s.unit for s in subs) + "."


def _source_json(s: Source) -> dict[str, Any]:
    return {**s.to_json(), "chunk_id": s.chunk_id}


def _doc_line(d: AdminDocument | Law) -> str:
    if isinstance(d, AdminDocument):
        number = d.number if not d.header.number.blank else f"số …{d.number} (chưa ghi số)"
        parts = len([n for n in d.body if n.kind != "paragraph"])
        return f"• {d.kind} {number} — {d.issuer}: {d.subject} ({parts} phần)"
    return f"• {d.title}" + (f" ({d.number})" if d.number else "") + f" — {len(d.articles)} điều"


def _document_blocks(d: AdminDocument | Law) -> list[Block]:
    if isinstance(d, Law):
        blocks = [Block(d.title + (f" ({d.number})" if d.number else ""), "b"),
                  Block(f"{len(d.articles)} điều.", "i"), Block("Các điều", "b")]
        blocks.append(Block("\n".join(f"Điều {a.number}. {a.heading}" for a in d.articles)))
        return blocks
    h = d.header
    facts = [f"Loại: {d.kind}", f"Số, ký hiệu: {d.number}" + (" (chưa ghi số)" if h.number.blank else ""),
             f"Cơ quan ban hành: {d.issuer}"]
    if h.date.place or h.date.text:
        facts.append("Nơi, ngày: " + ", ".join(x for x in (h.date.place, h.date.text) if x))
    if h.urgency:
        facts.append(f"Độ khẩn: {h.urgency}")
    facts.append(f"Trích yếu: {d.subject}")
    if d.signer:
        facts.append(f"Người ký: {d.signer.title} {d.signer.name}".strip())
    if d.effective:
        facts.append(f"Hiệu lực: {d.effective}")
    blocks = [Block(d.title, "b"), Block("\n".join(facts))]
    if d.recipients:
        blocks += [Block("Kính gửi", "b"), Block("\n".join(f"• {r}" for r in d.recipients))]
    blocks.append(Block("Nội dung chính", "b"))
    outline = [f"{n.path}: {_short(n.heading or n.text, 160)}" for n in d.body if n.kind != "paragraph"]
    outline += [f"{a.kind} kèm theo: {_short(a.subject, 120)}" for a in d.attachments]
    outline += [f"{n.path}: {_short(n.heading, 120)}" for n in d.appendices]
    blocks.append(Block("\n".join(outline) or "(không có mục đánh số)"))
    if d.references:
        blocks.append(Block(f"Văn bản được dẫn chiếu ({len(d.references)})", "b"))
        seen: set[str] = set()
        lines = []
        for r in d.references:
            if number_key(r.number) in seen:
                continue
            seen.add(number_key(r.number))
            lines.append(f"• {describe(r)}")
        blocks.append(Block("\n".join(lines)))
    return blocks
