"""Content spans on their own: where the content opens after cue and subject, and where it stops."""

from __future__ import annotations

from marsad.quotes.content import build_content, find_opener, via_between
from marsad.quotes.lexicon import CUES
from marsad.quotes.tokens import Tokens
from marsad.text import normalize


def _tokens(text: str) -> Tokens:
    tk = Tokens(text)
    tk.segment()
    return tk


def _text(tk: Tokens, span: tuple[int, int]) -> str:
    return tk.text[span[0]:span[1]]


def test_complementiser_after_adverbials_opens_indirect_content() -> None:
    tk = _tokens("عنوان\nقال لافروف أمس إن التنظيم لا يزال موجودا في سوريا.")
    after = tk.raw.index("لافروف") + 1
    op, via = find_opener(tk, CUES[normalize("قال")], after, tk.n, True, None)
    assert op == ("comp", tk.raw.index("إن")) and via is None
    built = build_content(tk, *op)
    assert built is not None
    span, direct = built
    assert _text(tk, span) == "التنظيم لا يزال موجودا في سوريا" and direct is False


def test_quotation_marks_make_a_direct_content_across_sentences() -> None:
    tk = _tokens("عنوان\nوقال الوزير: \"الوضع صعب. لكننا سننتصر\".\nوانتهى الاجتماع.")
    built = build_content(tk, "colon", tk.raw.index(":"))
    assert built is not None
    span, direct = built
    assert _text(tk, span) == "الوضع صعب. لكننا سننتصر" and direct is True


def test_indirect_content_stops_at_a_coordinated_cue() -> None:
    tk = _tokens("عنوان\nقال الوزير إن الأمن أولوية، وأضاف أن الجيش مستعد.")
    built = build_content(tk, "comp", tk.raw.index("إن"))
    assert built is not None and _text(tk, built[0]) == "الأمن أولوية"


def test_one_word_indirect_content_is_refused() -> None:
    tk = _tokens("عنوان\nقال الوزير إن نعم.")
    assert build_content(tk, "comp", tk.raw.index("إن")) is None


def test_short_quoted_name_after_a_preposition_is_the_intermediary() -> None:
    tk = _tokens("عنوان\nوقال الوزير لـ\"عين اليوم\" إن الاتفاق قريب.")
    after = tk.raw.index("الوزير") + 1
    op, via = find_opener(tk, CUES[normalize("قال")], after, tk.n, True, None)
    assert op == ("comp", tk.raw.index("إن"))
    assert via is not None and _text(tk, via) == "عين اليوم"


def test_media_between_cue_and_content() -> None:
    tk = _tokens("عنوان\nقال لافروف في مقابلة مع قناة روسيا 1 إن التنظيم موجود.")
    via = via_between(tk, tk.raw.index("لافروف") + 1, tk.raw.index("إن"))
    assert via is not None and _text(tk, via).startswith("قناة روسيا")
