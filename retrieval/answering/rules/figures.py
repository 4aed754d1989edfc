"""Figures: "bao nhiêu phiếu", "tỷ lệ … đạt bao nhiêu", "xếp thứ mấy", a table's value for a
unit, its highest or lowest — and the honest "văn bản không nêu" when no passage on the
topic gives a number of the asked kind (a sum of money, a count of times, a rank)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from retrieval.answering.draft import Draft, end, shorten, strip_label, unique
from retrieval.answering.evidence import Evidence, Library, overlap, topic_tokens, years_disagree
from retrieval.answering.question import Question, language_data
from retrieval.answering.rules.structure import COUNT_ASKED
from retrieval.answering.table_query import asks_target_not_held
from retrieval.documents.model import AdminDocument, Table, TableRow
from retrieval.documents.passages import Chunk
from retrieval.facts.obligations import split_sentences
from retrieval.lang.text import clean_inline, fold, segment, syllables

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# what "bao nhiêu" asks, when the noun after it or the one it stands for says: a sum, a share, a rank
_MONEY_WORDS = tuple(language_data()["money_words"])
_MONEY_ASKS = re.compile(r"\b(?:" + "|".join(map(re.escape, language_data()["money_asks"])) + r")\b")
# dates are numbers too, but never the figure asked for
_DATES = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|\b(?:năm|quý|tháng|ngày|giai đoạn)\s+[\dIVX]+(?:[/-]\d+)*|\b(?:19|20)\d\d\b",
                    re.IGNORECASE)
_SHARE_WORDS = ("ty le", "phan tram", "%")
_NOT_NOUN = frozenset("la dat va moi trong cho de thi tren cua duoc o tai vao nam thang ngay phan tram".split()) - {"phan", "tram"}
_MEASURE_AFTER = re.compile(r"\b(?:bao nhieu|may)\s+(?P<m>(?:[a-z]+\s?){1,3}?)(?=\s*(?:$|[,;.?]|\b(?:va|moi|trong|cho|de|thi|la|dat|tren|cua|duoc|o|tai|vao)\b))")


@dataclass
class Measure:
    """The kind of number a question asks for."""

    kind: str  # "money" | "share" | "rank" | "count" | "id" (a phone or account number) | "any"
    noun: str  # the folded noun a count is of ("phieu", "ho so", "lop")
    where: str  # the part of the question that asks it


def measures(q: Question) -> list[Measure]:
    fq = q.folded
    out: list[Measure] = []
    if re.search(r"\b(xep|dung|xep hang) (thu|hang) (may|bao nhieu)\b|\bthu may\b", fq):
        out.append(Measure("rank", "thu", "xep thu"))
    for m in re.finditer(r"\b(bao nhieu|may)\b", fq):
        if re.search(r"\b(thu|hang)\s*$", fq[: m.start()]):
            continue  # "xếp thứ mấy": the rank, read above
        # the noun it counts stands in its own clause: "… là bao nhiêu, giảm …" counts nothing named
        words = re.findall(r"[a-z0-9%]+", re.split(r"[,;?.]", fq[m.end(): m.end() + 40])[0])
        noun = " ".join(w for w in words[:2] if w not in _NOT_NOUN).split(" va ")[0]
        if words and words[0] in _NOT_NOUN:
            noun = ""
        # what the number is of: the words before it, back to the previous clause
        before = re.split(r"[,;?]|\bva\b", fq[: m.start()])[-1] or fq[: m.start()]
        ident = re.search(r"\bso (dien thoai|fax|tai khoan|hotline|hieu)\b", before)
        if ident:
            out.append(Measure("id", ident.group(1), before + " bao nhieu"))
            continue
        if noun.startswith(("phan tram", "%")) or (not noun and any(w in before for w in _SHARE_WORDS)):
            # "tỷ lệ A và tỷ lệ B là bao nhiêu": two shares, each of its own words
            clause = re.split(r"[,;?]", fq[: m.start()])[-1]
            parts = [p for p in re.split(r"\bva\b", clause) if "ty le" in p]
            out += [Measure("share", "%", p + " bao nhieu") for p in (parts if len(parts) > 1 else [before])]
        elif any(noun.startswith(w) or noun.endswith(w) for w in ("dong", "trieu dong", "ty dong", "tien")) or (
                not noun and any(w in before for w in _MONEY_WORDS)):
            out.append(Measure("money", "dong", before + " bao nhieu " + noun))
        elif noun.startswith(("lan",)):
            out.append(Measure("count", "lan", noun))
        elif noun and not noun.startswith(("ngay", "gio", "thang", "nam")):
            out.append(Measure("count", noun, noun))
        elif not noun:
            head = re.search(r"\b(?:tong )?so ([a-z]+(?: [a-z]+)?)\b[^,;]*$", before)
            out.append(Measure("count", head.group(1).split()[0], head.group(0)) if head else Measure("any", "", before))
    named = _MONEY_ASKS.search(fq)
    if named and not any(m.kind == "money" for m in out):
        out.append(Measure("money", "dong", named.group(0)))
    return out


# the answers drawn from words, not from a figure or a table's money column: they give the sum
# asked or the documents do not say it
_VALUE_JUDGED = frozenset({"passage", "navigation", "labelled", "lists", "reporting", "unit_duties", "roles"})
_AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")


def value_not_given(q: Question, draft: Draft) -> str | None:
    """What the question asks a sum of money of, when the answer, drawn from a passage or a
    duty, gives no sum ("Mức thưởng xã dẫn đầu …?" answered with the targets the Chỉ thị sets)."""
    if draft.rule not in _VALUE_JUDGED or draft.not_stated:
        return None
    money = [m for m in measures(q) if m.kind == "money"]
    if not money or _AMOUNT.search(draft.text) or any(_has_measure(draft.text, m) for m in money):
        return None
    return "số tiền"


def _has_measure(sentence: str, m: Measure) -> bool:
    sentence = strip_label(sentence)  # "1. …": a list label is no figure
    f = fold(sentence)
    if m.kind == "share":
        return bool(re.search(rf"(?:{_NUMBER})\s*%", sentence))
    if m.kind == "money":
        return bool(re.search(rf"(?:{_NUMBER})\s*(?:triệu|tỷ|nghìn|ngàn)?\s*đồng", sentence))
    if m.kind == "id":  # "điện thoại: 0221.3863.518"
        return bool(re.search(rf"\b{re.escape(m.noun)}\b\s*:?\s*\+?\d[\d .]{{5,}}", f))
    if m.kind == "rank":
        return bool(re.search(r"\b(?:xep|dung|xep hang|hang)\s*(?:thu\s*)?\d+", f))
    if m.kind == "count" and m.noun:
        first = re.escape(m.noun.split()[0])
        return bool(re.search(rf"(?:{_NUMBER})\s*(?:[a-z]+\s){{0,1}}{first}\b", f))
    return bool(re.search(_NUMBER, _DATES.sub(" ", sentence)))


def _pool(ev: Evidence, lib: Library) -> list[Chunk]:
    if ev.named_docs:
        ids = ev.doc_ids
        return [c for c in lib.chunks if c.doc_id in ids and c.kind not in ("footnote", "meta")]
    return [h.chunk for h in ev.hits[:8]]


def _about_units(doc_id: str, named: list[str], lib: Library) -> bool:
    """Whether a document is the named unit's own (its issuer or subject names it): its sentences
    say "phường" or nothing for it."""
    d = lib.admin_doc(doc_id)
    return d is not None and any(n in fold(f"{d.issuer} {d.subject}") for n in named)


def figures(q: Question, ev: Evidence, lib: Library, today: dt.date) -> Draft | None:
    if not q.asks("figure") or COUNT_ASKED.search(q.folded):
        return None  # "gồm mấy chương, mấy điều": the document's parts, counted by structure_counts
    ms = measures(q)
    if not ms:
        return None
    # "bao nhiêu TTHC": the documents count "146 thủ tục hành chính (TTHC)"
    asked_nouns = {w for m in ms for w in m.noun.split()}
    for i, m in enumerate(ms):
        spelled = lib.glossary.lookup(m.noun.split()[0].upper()) if m.kind == "count" and m.noun else None
        if spelled is not None:
            ms[i] = Measure(m.kind, fold(spelled[1][0]), m.where)
    tab = _table_value(q, ev, lib, ms)
    if tab is not None:
        return tab
    measure_words = asked_nouns | {w for m in ms for w in m.noun.split()} | {"ty", "le", "phan", "tram", "so", "tong", "dat", "bao", "nhieu",
                                                          "tien", "moi"}
    # the units named count here: they tell one figure from the next ("công chức ở Trung tâm
    # … tỉnh: 1.500.000 đồng", "… cấp xã: 1.000.000 đồng")
    topic = [t for t in q.content if t not in measure_words and t not in q.naming] or ev.topic
    found: list[tuple[float, str, Chunk]] = []
    missing: list[Measure] = []
    pool = _pool(ev, lib)
    # the units the figure is asked of, by the short names a passage calls them
    named = [fold(r.unit.short or r.unit.name) for r in q.units if r.unit is not None]
    # a word the question's figure hangs on that the documents never use ("tiền xăng xe",
    # "giải ngân"): whatever number stands near the other words is not that figure
    words = [[fold(w) for w in syllables(f"{c.context} {c.text}")] for c in pool]
    said = {w for ws in words for w in ws}
    said_pairs = {p for ws in words for p in zip(ws, ws[1:])}
    # the figure hangs on the words of the sentence that asks it, not on what a chatty opening
    # says of the asker ("em đang làm báo cáo … sau sắp xếp. Từ ngày … bao nhiêu hồ sơ?")
    asking = [x for x in re.split(r"[.!?]\s+", q.folded) if re.search(r"\b(bao nhieu|may)\b", x)]
    own = set(re.findall(r"[a-z0-9]+", " ".join(asking))) if asking else set(topic)
    # "lấy từ nguồn nào": the thing a "nào" asks for is an ask of its own, not a word the figure's
    # passage must say
    qw = q.folded.split()
    which = {qw[i - 1] for i, w in enumerate(qw) if w in ("nao", "gi") and i > 0}
    unsaid = [t for t in topic if t not in said and not t.isdigit() and len(t) > 1 and t in own and t not in which]
    topic = [t for t in topic if t in own] or topic
    kept = set(topic)
    # the compound words of the question (pyvi), "giải_ngân" absent where "giải quyết" and
    # "ngân sách" are not
    compounds = [tuple(fold(x) for x in w.split("_")) for w in segment(q.restored) if w.count("_") == 1]
    unsaid_pairs = [p for p in compounds if p[0] in kept and p[1] in kept and p not in said_pairs
                    and p[0] in own and p[1] in own]
    for m in ms:
        if len(unsaid) >= 2 or (unsaid and len(topic) <= 4) or len(unsaid_pairs) >= 2:
            missing.append(m)
            continue
        cands: list[tuple[float, str, Chunk]] = []
        # a measure of several asks its own words first ("tỷ lệ … đúng hạn" of "… và tỷ lệ …")
        own_words = set(re.findall(r"[a-z0-9]+", m.where))
        mine = [t for t in topic if t in own_words] if len([x for x in ms if x.kind == m.kind]) > 1 else []
        for c in pool:
            about = _about_units(c.doc_id, named, lib)
            for sent in (line for s in split_sentences(c.text) for line in s.split("\n") if line.strip()):
                if not _has_measure(sent, m):
                    continue
                if named and not about and not any(n in fold(f"{c.context} {sent}") for n in named):
                    continue  # "tỷ lệ của phường Phố Hiến": a figure said of others is not its figure
                # the heading the sentence stands under says what its figure is of ("Mức chi hỗ trợ")
                base = max(overlap(topic, sent), 0.9 * overlap(topic, f"{c.context} {sent}"))
                cands.append((0.4 * base + 0.6 * overlap(mine, sent) if mine else base, sent, c))
        cands.sort(key=lambda x: -x[0])
        if cands and cands[0][0] >= (0.5 if m.kind == "any" else 0.3):
            found.append(cands[0])
            # two sentences that fit as well give two figures ("đạt 98,7%" in 2024, "phấn đấu
            # đạt từ 98%" as the target): the question does not say which, the answer gives both
            if len(cands) > 1 and cands[1][0] >= cands[0][0] - 0.03 and cands[1][1] != cands[0][1]:
                found.append(cands[1])
        else:
            missing.append(m)
    if missing and not found:
        return _not_stated(q, ev, lib, missing)
    if not found:
        return None
    lines = list(dict.fromkeys(shorten(strip_label(s), 400) for _sc, s, _c in found))
    cited = unique([c for _s, _t, c in found])
    text = " ".join(end(x) for x in lines)
    if missing:
        text += " " + _missing_text(missing)
    return Draft(text, cited, "figures", min(1.0, max(s for s, _t, _c in found) + 0.2), doc_id=cited[0].doc_id)


def _missing_text(missing: list[Measure]) -> str:
    what = {"money": "số tiền", "share": "tỷ lệ", "rank": "thứ hạng", "count": "con số", "id": "số", "any": "con số"}
    return "Văn bản không nêu " + ", ".join(dict.fromkeys(what[m.kind] for m in missing)) + " được hỏi."


def _not_stated(q: Question, ev: Evidence, lib: Library, missing: list[Measure]) -> Draft:
    pool = [c for c in _pool(ev, lib) if c.kind not in ("meta", "closing")]
    near = max(pool, key=lambda c: overlap(ev.topic, f"{c.context} {c.text}"), default=None)
    scope = ev.docs[0].short_name if ev.named_docs and ev.docs else "Các văn bản đang có"
    text = f"{scope} không nêu " + ", ".join(
        dict.fromkeys({"money": "số tiền", "share": "tỷ lệ", "rank": "thứ hạng", "count": "con số", "id": "số", "any": "con số"}[m.kind]
                      for m in missing)) + " này."
    if near is not None:
        text += f"\nĐoạn gần nhất: “{shorten(near.text, 220)}”"
    return Draft(text, [near] if near is not None else [], "figures", 0.8, not_stated=True)


# -- tables ------------------------------------------------------------------------------------
def _value_columns(table: Table, m: Measure) -> list[int]:
    out = []
    for i, (col, role) in enumerate(zip(table.columns, table.roles)):
        if role not in ("value", "note"):
            continue
        f = fold(col)
        first = m.noun.split()[0] if m.noun else ""
        if (m.kind == "share" and ("%" in col or "ty le" in f)) or (first and re.search(rf"\b{first}\b", f)) or m.kind == "any":
            out.append(i)
    return out


def _as_number(text: str) -> float | None:
    m = re.search(_NUMBER, text)
    if not m:
        return None
    try:
        return float(m.group(0).replace(".", "").replace(",", "."))
    except ValueError:
        return None


def _row_name(table: Table, row: TableRow) -> str:
    for role in ("unit", "task", "lead"):
        v = table.get(row, role)
        if v:
            return v
    return next((c for c in row.cells[1:] if c), row.label)


def _table_value(q: Question, ev: Evidence, lib: Library, ms: list[Measure]) -> Draft | None:
    docs: list[AdminDocument] = ev.docs if ev.named_docs else ev.top_admin(lib, 3)
    topic = topic_tokens(q, drop_units=[])
    superlative = re.search(r"\b(cao nhat|thap nhat|lon nhat|nho nhat|nhieu nhat|it nhat)\b", q.folded)
    for d in docs:
        for node, table in d.tables():
            context = f"{d.subject} {table.caption} {node.heading} {' '.join(table.columns)}"
            if not table.rows or years_disagree(q.folded, context) or asks_target_not_held(q.folded, table, context):
                continue  # a table of another year's figures, or of results when a target is asked
            for m in ms:
                cols = _value_columns(table, m)
                if not cols:
                    continue
                col = max(cols, key=lambda i: overlap(topic, table.columns[i]))
                where = f"{node.path}"
                if superlative:
                    values = [(v, r) for r in table.rows if (v := _as_number(r.cells[col])) is not None]
                    if not values:
                        continue
                    low = superlative.group(1) in ("thap nhat", "nho nhat", "it nhat")
                    v, r = min(values, key=lambda x: x[0]) if low else max(values, key=lambda x: x[0])
                    text = (f"{_row_name(table, r)} có {clean_inline(table.columns[col])} "
                            f"{'thấp' if low else 'cao'} nhất: {r.cells[col]} (bảng {len(table.rows)} cơ quan, đơn vị).")
                    return Draft(text, _row_chunks(lib, d, node.path, [r]), "figures", 0.95, doc_id=d.doc_id)
                # a unit the question names: its row
                for unit in [*ev.units]:
                    rows = [r for r in table.rows if fold(unit.name) in fold(" ".join(r.cells))
                            or _names_unit(fold(_row_name(table, r)), fold(unit.short), fold(unit.kind))]
                    if rows:
                        r = rows[0]
                        text = f"{_row_name(table, r)}: {clean_inline(table.columns[col])} {r.cells[col]}."
                        return Draft(text, _row_chunks(lib, d, node.path, [r]), "figures", 0.95, doc_id=d.doc_id)
                if ev.units and len(table.rows) <= 30 and overlap(topic, " ".join(table.columns)) >= 0.3:
                    names = ", ".join(_row_name(table, r) for r in table.rows)
                    text = (f"{d.short_name} không nêu {clean_inline(table.columns[col]).lower()} của {ev.units[0].name}: "
                            f"bảng chỉ có {len(table.rows)} cơ quan, đơn vị ({names}).")
                    cited = [c for c in lib.by_section.get((d.doc_id, where), [])][:1]
                    return Draft(text, cited, "figures", 0.85, not_stated=True, doc_id=d.doc_id)
    return None


def _names_unit(row: str, short: str, kind: str) -> bool:
    """"Phường Sơn Nam", "Sở Tư pháp", "Sơn Nam": a row named by the unit's short name, alone or
    after its kind ("Lý lịch tư pháp" is not "Sở Tư pháp")."""
    return row == short or row in (f"{kind} {short}", f"ubnd {kind} {short}")


def _row_chunks(lib: Library, d: AdminDocument, path: str, rows: list[TableRow]) -> list[Chunk]:
    out = []
    for r in rows:
        c = lib.chunk_for(d.doc_id, f"{path}, {r.citation}")
        if c is not None:
            out.append(c)
    whole = lib.by_section.get((d.doc_id, path), [])
    return out + [c for c in whole if c.kind == "table"][:1]


