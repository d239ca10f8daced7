"""The speaker-phrase chunker on its own: where a speaker phrase stops and what agreement it carries."""

from __future__ import annotations

from marsad.quotes.phrases import agree, chunk, np_before
from marsad.quotes.tokens import Tokens


def _words(tk: Tokens, a: int, b: int) -> list[str]:
    return tk.raw[a:b]


def test_title_then_name_with_name_start() -> None:
    tk = Tokens("وقال وزير الخارجية الروسي سيرغي لافروف إن التنظيم موجود")
    np = chunk(tk, 1, tk.n)
    assert np is not None
    assert _words(tk, np.a, np.b) == ["وزير", "الخارجية", "الروسي", "سيرغي", "لافروف"]
    assert np.titled and np.name == tk.raw.index("سيرغي")
    assert (np.gender, np.number) == ("m", "sg")


def test_apposition_after_a_name_ends_the_phrase() -> None:
    tk = Tokens("قال الجنرال سيرغي رودسكوي المسؤول عن العمليات إن القوات انسحبت")
    np = chunk(tk, 1, tk.n)
    assert np is not None and _words(tk, np.a, np.b) == ["الجنرال", "سيرغي", "رودسكوي"]


def test_spokesperson_for_a_body_marks_the_body() -> None:
    tk = Tokens("وقال المتحدث باسم الجيش الروسي إن الدوريات بدأت")
    np = chunk(tk, 1, tk.n)
    assert np is not None and _words(tk, np.a, np.b) == ["المتحدث", "باسم", "الجيش", "الروسي"]
    assert np.org == tk.raw.index("الجيش")


def test_agreement_features_of_heads() -> None:
    feats = {}
    for w in ("الوزارة", "موسكو", "المسؤولون", "المصادر", "لافروف"):
        tk = Tokens(w)
        np = chunk(tk, 0, tk.n)
        assert np is not None
        feats[w] = (np.gender, np.number)
    assert feats == {"الوزارة": ("f", "sg"), "موسكو": ("f", "sg"), "المسؤولون": ("m", "pl"),
                     "المصادر": ("f", "sg"), "لافروف": ("m", "sg")}
    tk = Tokens("المسؤولون")
    np = chunk(tk, 0, tk.n)
    assert np is not None and agree(np, ("m", "pl")) and not agree(np, ("m", "sg"))


def test_anaphoric_title() -> None:
    tk = Tokens("وقال المسؤول العسكري إن")
    np = chunk(tk, 1, tk.n)
    assert np is not None and np.anaphoric and np.name is None


def test_np_before_finds_an_svo_subject() -> None:
    tk = Tokens("لكن موسكو أبقت على عدد من الوحدات")
    np = np_before(tk, tk.raw.index("أبقت"), 0)
    assert np is not None and _words(tk, np.a, np.b) == ["موسكو"]
