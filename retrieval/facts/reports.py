"""To whom and through whom a duty goes: "báo cáo UBND tỉnh (qua Sở Nội vụ) kết quả …",
"gửi báo cáo … về Sở Nội vụ", "cung cấp cho Sở Tư pháp", "trình Trưởng ban", "lập danh
sách gửi Chi nhánh" (the Chi nhánh the clause named before), a reporting system ("qua Hệ
thống quản lý văn bản và điều hành"); and with whom a lead works ("chủ trì, phối hợp với …")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from retrieval.facts.subjects import SubjectReader
from retrieval.lang.lexicon import Lexicon, lower_same_length
from retrieval.lang.text import clean_inline


def _superior(lex: Lexicon) -> re.Pattern[str]:
    """Bodies a province reports to whose names the registry of its own units does not hold:
    its own People's Committee and Council (and their heads), the ministries and the central
    bodies of the data file, a steering committee, a reporting system."""
    alt = lambda xs: "|".join(re.escape(x) for x in xs)  # noqa: E731
    return re.compile(
        r"^(?:(?:Chủ tịch|Phó Chủ tịch|Thường trực|Lãnh đạo|Ban Thường vụ|Thường trực Đảng ủy)\s+)?"
        r"(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)\s+(?:tỉnh|huyện|xã|phường|thành phố|thị xã)"
        r"(?:\s+[A-ZĐ][\wà-ỹ]*)*"
        rf"|^(?:{alt(lex.central)}|Ban Thường vụ Tỉnh ủy|Thường trực Tỉnh ủy|Tỉnh ủy)(?!\w)"
        # a party committee of a commune or ward, or its standing board ("Ban Thường vụ Đảng ủy phường")
        r"|^(?:(?:Ban Thường vụ|Thường trực|Ban Chấp hành)\s+)?Đảng ủy\s+(?:xã|phường)(?:\s+[A-ZĐ][\wà-ỹ]*)*"
        rf"|^Bộ\s+(?:{alt(lex.ministries)})(?!\w)"
        r"|^Ban Chỉ đạo(?:\s+[\wà-ỹ]+){0,6}?\s+(?:tỉnh|Chính phủ)"
        r"|^(?:Hệ thống|Cổng)\s+[\wà-ỹ ]+?(?=\s*(?:[,;.(]|$|\strước|\schậm|\sđể|\strong))")
_TO = re.compile(r"^\s*(?:kết quả\s+)?(?:(?:về|cho|lên|đến|tới|với)\s+)?")
_OBJECT_TO = re.compile(r"\s(?:về|cho|đến|tới|lên|với)\s+(?=\S)")
_VIA = re.compile(r"^\s*(?:\(\s*(?:qua|thông qua)\s+(?P<p>[^)]+)\)|,?\s*(?:qua|thông qua)\s+(?P<q>[^,;.()]+?)"
                  r"(?=\s+(?:trước|chậm nhất|để|trong|kết quả|tình hình|ngay)\b|[,;.(]|$))")
_CHANNEL = re.compile(r"\b(?:gửi|cập nhật|thực hiện)\s+(?:qua|trên)\s+(?P<sys>(?:Hệ thống|Cổng|phần mềm|Trục)[^,;.()]*?)"
                      r"(?=[,;.(]|$|\s(?:trước|chậm nhất|để))")
# a verb under "không": right after it ("không gửi", "không được chuyển") or in a short list it heads
_NEGATED = re.compile(r"\bkhông\s+(?:(?:được|để)\s+)?(?:[^\s,;]+(?:\s+[^\s,;]+)?\s*,\s*)?$", re.IGNORECASE)
_COOPERATE = re.compile(r"\b(?P<lead>chủ trì,?\s+)?phối hợp với\s+", re.IGNORECASE)
# the one a report is made to, named by its title alone ("trình Trưởng ban", "báo cáo Tổ trưởng")
_TITLE = re.compile(r"^(?:Trưởng ban|Phó Trưởng ban|Tổ trưởng|Trưởng đoàn|Chủ tịch|Giám đốc|Bí thư|Chánh Văn phòng)"
                    r"(?![\wà-ỹ])(?:\s+(?:UBND|Ủy ban nhân dân|HĐND)\s+(?:tỉnh|xã|phường))?")


class ReportReader:
    def __init__(self, subjects: SubjectReader) -> None:
        self.subjects = subjects
        self.lex: Lexicon = subjects.lex
        self.superior = _superior(self.lex)
        # the verbs that send something to someone, from the data ("báo cáo", "trình", "bàn giao" …);
        # failing those, the verbs of advising, whose object receives the advice ("tham mưu UBND
        # tỉnh bố trí …", but "tham mưu UBND tỉnh báo cáo Văn phòng Chính phủ" goes to the latter)
        def verbs(role: str) -> re.Pattern[str]:
            words = sorted((v for v, r in self.lex.verb_role.items() if r == role), key=len, reverse=True)
            return re.compile(r"(?<!\w)(?P<verb>" + "|".join(re.escape(v) for v in words) + r")(?!\w)", re.IGNORECASE)

        self.report_verb = verbs("report")
        self.advise_verb = verbs("advise")

    def org_at(self, text: str) -> str | None:
        """The body (or several, joined by "và"/",") that `text` opens with."""
        names: list[str] = []
        pos = 0
        ments = self.subjects._mentions(text)
        low = lower_same_length(text)
        while True:
            rest = text[pos:]
            j = pos + len(rest) - len(rest.lstrip())
            cand: tuple[str, int] | None = None
            sm = self.superior.match(text[j:])
            if j in ments:
                end, res = ments[j]
                cand = (text[j:end], end)
            if sm and (cand is None or j + sm.end() > cand[1]):
                cand = (sm.group(0).strip(), j + sm.end())
            if cand is None:
                tm = _TITLE.match(text[j:])
                if tm:
                    cand = (tm.group(0), j + tm.end())
            if cand is None and text[j:j + 1].isupper():
                om = self.lex.org_head_re.match(low, j)
                if om:
                    end = self.subjects._name_end(text, low, om.end(), ments)
                    name = clean_inline(text[j:end]).strip(" ,;:")
                    cand = (name or text[j:om.end()], max(end, om.end()))
            if cand is None:
                break
            names.append(cand[0].strip(" ,;."))
            pos = cand[1]
            sep = re.match(r"\s*(?:,|và)\s+", text[pos:])
            if not sep:
                break
            nxt = pos + sep.end()
            if not (nxt in ments or self.superior.match(text[nxt:]) or (
                    text[nxt:nxt + 1].isupper() and self.lex.org_head_re.match(low, nxt))):
                break
            pos = nxt
        if not names:
            return None
        if len(names) == 1:
            return names[0]
        joiner = " và " if " và " in text[:pos] else ", "
        return ", ".join(names[:-1]) + joiner + names[-1]

    def parse(self, clause: str, before: str = "") -> tuple[str, str | None, str] | None:
        """(recipient, via, what) of a reporting clause. `before` is what the passage said
        earlier: a recipient named by its kind alone ("gửi Chi nhánh") is the one named there.
        Of a chain ("trình Chủ tịch UBND phường ký gửi UBND tỉnh (qua Sở Nội vụ)") the step that
        names its channel is where the duty goes; else the first."""
        found = list(self._each(clause, before, self.report_verb)) or list(self._each(clause, before, self.advise_verb))
        return next((f for f in found if f[1]), found[0] if found else None)

    def _each(self, clause: str, before: str, sends: re.Pattern[str]) -> Iterator[tuple[str, str | None, str]]:
        for vm in sends.finditer(clause):
            if _NEGATED.search(clause[: vm.start()]):
                continue  # "không đùn đẩy, chuyển việc … lên UBND tỉnh": a prohibition, not a report
            after = clause[vm.end():]
            lead = _TO.match(after)
            start = lead.end() if lead else 0
            org = self.org_at(after[start:])
            what_text = ""
            if org is None:
                # the object first, then the recipient: "báo cáo kết quả thực hiện về UBND tỉnh"
                window = re.split(r";|\s(?:để|nhằm)\s", after, maxsplit=1)[0]
                for om in _OBJECT_TO.finditer(window):
                    org = self.org_at(window[om.end():])
                    if org is not None:
                        what_text = window[: om.start()].strip()
                        start = om.end()
                        break
                if org is None:
                    continue
            idx = after.find(org, start)
            tail = after[idx + len(org):] if idx >= 0 else after[start:]
            via = None
            vm2 = _VIA.match(tail)
            if vm2:
                via = (vm2.group("p") or vm2.group("q") or "").strip()
                tail = tail[vm2.end():]
            if not what_text:
                what_text = re.split(
                    r"\s+(?:chậm nhất|muộn nhất|trước ngày|trước\s+\d|trong tháng|trong quý|ngay trong|để|nhằm|định kỳ|"
                    r"(?:hằng|hàng) (?:tháng|quý|năm))\b", tail, maxsplit=1)[0]
            what_text = re.sub(r"^\s*[,;]?\s*(?:về\s+)?", "", what_text).strip().rstrip(".,;")
            verb = vm.group("verb").lower()
            if verb in ("gửi", "nộp", "gửi về"):
                what_text = re.sub(r"^báo cáo\b\s*", "", what_text)
            if verb == "báo cáo" and what_text.startswith("của"):
                continue
            # as the text names it ("Ủy ban nhân dân tỉnh"): what a reader searches the passage for
            yield self._expand(org, before + " " + clause[: vm.start()]), via, what_text

    def _expand(self, org: str, before: str) -> str:
        """"Chi nhánh" after "… phối hợp với Chi nhánh Văn phòng đăng ký đất đai khu vực Tiên Lữ …":
        the body named in full before."""
        if not org[:1].isupper() or not self.lex.org_head_re.fullmatch(lower_same_length(org.strip())):
            return org  # a name, not a kind of body alone
        m = re.search(rf"\b{re.escape(org)}(?:\s+[^\s,;:.()]+){{1,10}}", before)
        if m:
            low = lower_same_length(m.group(0))
            end = self.subjects._name_end(m.group(0), low, len(org), {})
            full = clean_inline(m.group(0)[:end])
            if len(full) > len(org):
                return full
        return org

    def channel(self, clause: str) -> str | None:
        m = _CHANNEL.search(clause)
        return m.group("sys").strip() if m else None

    def partners(self, clause: str, here: str = "") -> tuple[list[str], list[str], bool]:
        """(units and groups, unresolved names, whether the subject leads) after "(chủ trì,)
        phối hợp với" in a clause."""
        m = _COOPERATE.search(clause)
        if not m:
            return [], [], False
        got = self.subjects._phrase_at(clause + " thực hiện", lower_same_length(clause + " thực hiện"), m.end(), here)
        if got is None:
            return [], [], bool(m.group("lead"))
        resp = got[0]
        return [*resp.units, *resp.groups], list(resp.unresolved), bool(m.group("lead"))


def purpose(clause: str) -> str | None:
    m = re.search(r"(?<=\s)(?:để|nhằm)\s+(.+?)\s*(?:[;.]|$)", clause)
    return m.group(1).strip() if m else None


__all__ = ["ReportReader", "purpose"]
