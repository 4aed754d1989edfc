"""HTML rendering and 4096-character splitting, checked with the emulator's Telegram HTML parser."""

from __future__ import annotations

import pytest

from bot.render import TELEGRAM_LIMIT, Block, answer_messages, pack, sources_messages, tg_len, to_plain
from retrieval.answering.answer import Answer, Source
from tests.telegram_emulator import BadRequest, parse_telegram_html, utf16_len

NASTY = "Điều <b>3</b> & “khoản” <script>alert(1)</script> a<b c>d &amp; 1 < 2 > 0"


def _source(i: int, text: str) -> Source:
    return Source("Luật <Thử> & nghiệm", f"{i}/2024/QH15", None, f"Điều {i}", text, 0.5, f"c{i}", ["chú thích <1> & 2"])


def test_document_text_is_escaped_and_parses():
    ans = Answer(f"{NASTY}\n\nNguồn: Công văn <x> & y, mục 2.", [_source(1, NASTY)], False, "passage")
    msgs = answer_messages(ans)
    assert len(msgs) == 1
    visible = parse_telegram_html(msgs[0])
    assert NASTY in visible and "Nguồn: Công văn <x> & y, mục 2." in visible
    assert "<b>Nguồn:</b>" in msgs[0]  # our markup survives, theirs is text
    src = sources_messages(ans.sources)
    assert NASTY in parse_telegram_html("\n\n".join(src))
    assert "<blockquote>" in src[0]


def test_the_parser_used_for_checking_rejects_what_telegram_rejects():
    for bad in ("<b>open", "a <x>b</x>", "1 < 2", "AT&T", "<b><i>x</b></i>"):
        with pytest.raises(BadRequest):
            parse_telegram_html(bad)


@pytest.mark.parametrize("size", [4000, 4096, 4097, 9000, 20000])
def test_long_answers_split_on_paragraph_boundaries_into_valid_html(size):
    para = "Đoạn {i}: các sở, ban, ngành <tỉnh> & UBND huyện báo cáo kết quả thực hiện. "
    paragraphs = []
    total = 0
    i = 0
    while total < size:
        p = para.format(i=i) * (1 + i % 7)
        paragraphs.append(p.strip())
        total += len(p) + 2
        i += 1
    text = "\n".join(paragraphs) + "\n\nNguồn: Công văn, mục 1."
    msgs = answer_messages(Answer(text, [], False))
    for m in msgs:
        assert tg_len(m) <= TELEGRAM_LIMIT
        assert utf16_len(parse_telegram_html(m)) <= TELEGRAM_LIMIT
    joined = "\n".join(parse_telegram_html(m) for m in msgs)
    # nothing lost, nothing cut inside a paragraph
    for p in paragraphs:
        assert p in joined
    if tg_len("\n\n".join(msgs)) > TELEGRAM_LIMIT:
        assert len(msgs) > 1


def test_one_huge_paragraph_is_cut_at_words_and_keeps_its_tag():
    words = ("trách nhiệm <người> đứng đầu & " * 1200).strip()
    msgs = pack([Block(words, "blockquote")])
    assert len(msgs) >= 2
    for m in msgs:
        assert m.startswith("<blockquote>") and m.endswith("</blockquote>")
        assert tg_len(m) <= TELEGRAM_LIMIT
        parse_telegram_html(m)
    rejoined = " ".join(parse_telegram_html(m) for m in msgs)
    assert rejoined.split() == words.split()


def test_emoji_count_double_toward_the_limit():
    msgs = pack([Block("😀" * 3000)])  # 6000 UTF-16 units
    assert len(msgs) == 2 and all(tg_len(m) <= TELEGRAM_LIMIT for m in msgs)


def test_plain_text_for_the_console():
    assert to_plain("<b>A &amp; B</b>\n<blockquote>x &lt;y&gt;</blockquote>") == "A & B\n“x <y>”"
