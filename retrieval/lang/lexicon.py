"""The language of duties, read from `retrieval/lang/data/duties.yaml` into matchers.

Everything the duty reader knows of Vietnamese phrasing comes from there: the verbs of a
duty and the role each gives its subject, the words that put a subject after them ("Giao",
"Đề nghị"), the phrases that may open a sentence before its subject, the titles that stand
for their unit, the words an organisation's name opens with, the nouns of a set named
elsewhere, the headings of parts that describe or propose rather than assign, table column
headers. Matching is done on folded text (no case, no diacritics) of the same length as the
original, so every match is a span of the original text too: phrases are matched on the text
lower-cased with its diacritics (documents are written with them, and "ký" is not "kỳ"),
table headers on folded words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from retrieval.lang.text import fold, nfc

DATA = Path(__file__).resolve().parent / "data" / "duties.yaml"

ROLE_NAMES = {"lead": "chủ trì", "cooperate": "phối hợp", "advise": "tham mưu", "direct": "chỉ đạo",
              "report": "báo cáo", "perform": "thực hiện"}


def lower_same_length(text: str) -> str:
    """The text lower-cased, one character for one: offsets in the result are offsets in `text`."""
    out = nfc(text).lower()
    if len(out) == len(text):
        return out
    return "".join((ch.lower() or " ")[:1] for ch in text)


def _phrase(w: str) -> str:
    return " ".join(nfc(w).lower().split())


def _phrases(words: list[str]) -> list[str]:
    return sorted({_phrase(w) for w in words if w and w.strip()}, key=len, reverse=True)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _phrases(words))


@dataclass(frozen=True)
class Lexicon:
    verb_re: re.Pattern[str]  # a duty verb on lower-cased text, as a whole word
    verb_role: dict[str, str]  # verb -> role key (lead, cooperate, advise, direct, report, perform)
    assign_re: re.Pattern[str]  # "giao " at a position
    opener_re: re.Pattern[str]  # an opening phrase at a position (its comma found by the reader)
    head_re: re.Pattern[str]  # a title at a position
    officer_re: re.Pattern[str]  # an office of a committee at a position ("Tổ trưởng", "Thư ký")
    org_head_re: re.Pattern[str]  # a word an organisation's name opens with, at a position
    set_noun_re: re.Pattern[str]  # "các|những <set noun>" at a position
    community_re: re.Pattern[str]  # "các thôn", "các tổ dân phố" at a position: a set kept under its own name
    people_re: re.Pattern[str]  # "các đồng chí", "các cấp ủy viên" at a position: people a heading may give duties to
    set_attribute_re: re.Pattern[str]  # "trực thuộc", "thôn" after "các chi bộ": which of the set, part of its name
    continuation_re: re.Pattern[str]  # a clause that goes on with the list before it ("Chương trình … số …")
    topic_re: re.Pattern[str]  # "Về …:" before what a conclusion assigns
    pointer_re: re.Pattern[str]  # "nêu tại", "có tên tại" … anywhere
    rest_re: re.Pattern[str]  # "còn lại"
    qualifier_re: re.Pattern[str]  # how a phrase narrowing a group opens ("thực hiện thí điểm", "được …")
    role_ref: dict[str, str]  # phrase -> role ("cơ quan chủ trì" -> lead)
    descriptive: frozenset[str]
    proposals: frozenset[str]
    self_kinds: frozenset[str]
    requests: frozenset[str]  # proposal headings that, to lower bodies, ask duties
    task_headings: frozenset[str]
    recurrence: tuple[tuple[re.Pattern[str], str], ...]  # (phrase, label), longest first
    columns: tuple[tuple[str, re.Pattern[str]], ...]  # (role, header words) in the order they are tried
    ministries: tuple[str, ...]  # "Nội vụ": "Bộ Nội vụ" is a body reported to
    central: tuple[str, ...]  # "Văn phòng Chính phủ", "Thủ tướng Chính phủ"
    appendix_time_re: re.Pattern[str]  # "theo thời điểm … tại Phụ lục": each unit's date is in its row there
    row_event_re: re.Pattern[str]  # "… ngày họp": a time said from each row's own event
    day_before_re: re.Pattern[str]  # "ngày làm việc liền trước": a working day before that event
    passive_re: re.Pattern[str]  # "do " before an agent, anywhere
    passive_verb_re: re.Pattern[str]  # a verb that makes that agent the one who must act, at a position
    # a body a document sets up itself: the verbs that set it up, the phrases that give its short
    # name, its officers' titles (all folded)
    own_establish: tuple[str, ...] = ()
    own_alias: tuple[str, ...] = ()
    own_officers: frozenset[str] = frozenset()

    def verbs_in(self, low: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Every duty verb in low[start:end] (`lower_same_length` text): (start, end, role)."""
        out = []
        for m in self.verb_re.finditer(low, start, len(low) if end is None else end):
            out.append((m.start(), m.end(), self.verb_role[" ".join(m.group(0).split())]))
        return out

    def heading_is(self, heading: str, vocabulary: frozenset[str]) -> bool:
        """A heading that is one of these words, with or without its label and a qualifier
        after a comma or "của"/"năm" ("II. KẾT QUẢ ĐẠT ĐƯỢC", "Đề xuất, kiến nghị")."""
        unlabelled = re.sub(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)]\s+", "", heading)
        f = " ".join(re.sub(r"[^0-9a-z]+", " ", fold(unlabelled)).split())
        if not f:
            return False
        if f in vocabulary:
            return True
        return any(f.startswith(v + " ") for v in vocabulary)

    def recurrence_of(self, low: str) -> str | None:
        for pat, label in self.recurrence:
            if pat.search(low):
                return label
        return None

    def column_role(self, header: str) -> str:
        f = " ".join(re.sub(r"[^0-9a-z]+", " ", fold(header)).split())
        for role, pat in self.columns:
            if pat.search(f):
                return role
        return "value"


def _folded_alternation(words: list[str]) -> str:
    folded = sorted({" ".join(fold(w).split()) for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


def _word(alt: str) -> str:
    return rf"(?<!\w)(?:{alt})(?!\w)"


def _words_set(items: list[str]) -> frozenset[str]:
    return frozenset(" ".join(re.sub(r"[^0-9a-z]+", " ", fold(x)).split()) for x in items)


@lru_cache(maxsize=4)
def load_lexicon(path: Path = DATA) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    verb_role: dict[str, str] = {}
    for role in ("perform", "report", "direct", "advise", "cooperate", "lead"):  # later roles win a shared word
        for w in data["verbs"][role]:
            verb_role[_phrase(w)] = role
    openers = [w for ws in data["openers"].values() for w in ws]
    role_ref = {_phrase(w): role for role, ws in data["role_refs"].items() for w in ws}
    recurrence = tuple(sorted(((re.compile(_word(_alternation([w]))), label)
                               for label, ws in data["recurrence"].items() for w in ws),
                              key=lambda x: -len(x[0].pattern)))
    # tried in this order; the exact ones must be the whole header
    order = ("index", "measure", "cooperate", "deadline", "date", "lead_exact", "lead", "product", "target", "note", "task",
             "unit")
    exact = ("index", "date", "lead_exact")
    columns = tuple((role.removesuffix("_exact"), re.compile(r"^(?:" + _folded_alternation(data["columns"][role]) + r")$"
                                                             if role in exact else
                                                             _word(_folded_alternation(data["columns"][role]))))
                    for role in order)
    return Lexicon(
        verb_re=re.compile(_word(_alternation(list(verb_role)))),
        verb_role=verb_role,
        assign_re=re.compile(r"(?:" + _alternation(data["assign"]) + r")\s+(?=\S)"),
        opener_re=re.compile(_word(_alternation(openers))),
        head_re=re.compile(_word(_alternation(data["heads"]))),
        officer_re=re.compile(_word(_alternation(data["officers"]))),
        org_head_re=re.compile(_word(_alternation(data["org_heads"]))),
        set_noun_re=re.compile(r"(?:các|những)\s+(?:" + _alternation(data["set_nouns"]) + r")(?!\w)"),
        community_re=re.compile(r"(?:các|những)\s+(?:" + _alternation(data["community_sets"]) + r")(?!\w)"),
        people_re=re.compile(r"(?:các|những)\s+(?:" + _alternation(data["people_sets"]) + r")(?!\w)"),
        set_attribute_re=re.compile(_word(_alternation(data["set_attributes"]))),
        continuation_re=re.compile(_word(_alternation(data["continuation_starts"]))),
        topic_re=re.compile(_word(_alternation(data["topic_starts"]))),
        pointer_re=re.compile(_word(_alternation(data["pointers"]))),
        rest_re=re.compile(_word(_alternation(data["rest_words"]))),
        qualifier_re=re.compile(_word(_alternation(data["qualifier_starts"]))),
        role_ref=role_ref,
        descriptive=_words_set(data["descriptive"]),
        proposals=_words_set(data["proposals"]),
        requests=_words_set(data.get("requests", [])),
        self_kinds=frozenset(data["self_kinds"]),
        task_headings=_words_set(data["task_headings"]),
        recurrence=recurrence,
        columns=columns,
        ministries=tuple(sorted((nfc(m) for m in data["ministries"]), key=len, reverse=True)),
        central=tuple(sorted((nfc(m) for m in data["central"]), key=len, reverse=True)),
        appendix_time_re=re.compile(_word(_alternation(data["appendix_time"]["times"])) + r"[^.;]{0,60}?"
                                    + _word(_alternation(data["appendix_time"]["appendix"]))),
        row_event_re=re.compile(_word(_alternation(data["appendix_time"]["events"]))),
        day_before_re=re.compile(_word(_alternation(data["appendix_time"]["day_before"]))),
        passive_re=re.compile(_word(_alternation(data["passive"]["marker"])) + r"\s+(?=\S)"),
        passive_verb_re=re.compile(_word(_alternation(data["passive"]["verbs"]))),
        own_establish=tuple(fold(w) for w in data["own_body"]["establish"]),
        own_alias=tuple(fold(w) for w in data["own_body"]["alias"]),
        own_officers=frozenset(fold(w) for w in data["own_body"]["officers"]),
    )


__all__ = ["Lexicon", "ROLE_NAMES", "load_lexicon", "lower_same_length"]
