"""Cue finding on its own: which drafts a text yields, before any speaker is resolved."""

from __future__ import annotations

from marsad.document import Document
from marsad.quotes import extract_quotes, quotes_in_text
from marsad.quotes.cues import Draft, find_cues
from marsad.quotes.tokens import Tokens


def _drafts(text: str) -> tuple[Tokens, list[Draft]]:
    tk = Tokens(text)
    tk.segment()
    return tk, find_cues(tk)


def test_explicit_subject_and_pro_drop_continuation() -> None:
    tk, ds = _drafts("عنوان\nوقال الوزير إن الأمن أولوية، وأضافت أن الجيش مستعد.")
    assert [d.cls for d in ds] == ["say", "say"]
    assert ds[0].np is not None and tk.raw[ds[0].np.a] == "الوزير" and ds[0].pro is None
    assert ds[1].np is None and ds[1].pro == ("f", "sg")


def test_negated_denial_becomes_assert_and_other_negations_yield_nothing() -> None:
    tk, ds = _drafts("عنوان\nولم ينف الوزير أن القوات دخلت المدينة.\nولم يؤكد الوزير أن الاتفاق وقع.")
    assert len(ds) == 1
    assert ds[0].cls == "assert" and ds[0].negated and tk.raw[ds[0].cue_a] == "ولم"


def test_nested_quote_is_marked_embedded() -> None:
    _, ds = _drafts("عنوان\nوأوضح الضابط أحمد بورقيبة، أن الرجل أكد أنه تصرف لإنقاذ شرف ابنته.")
    assert [d.embedded for d in ds] == [False, True]


def test_headline_speaker_and_colon() -> None:
    tk, ds = _drafts("لافروف: لن نسمح بعودة الإرهاب\nنص الخبر.")
    assert len(ds) == 1 and ds[0].np is not None and tk.raw[ds[0].np.a] == "لافروف"


def test_text_entry_point_matches_document_entry_point() -> None:
    text = "عنوان\nوقال الوزير إن الاجتماع انتهى."
    assert quotes_in_text(text) == extract_quotes(Document(text=text))
    assert quotes_in_text("") == [] and quotes_in_text("no cue here") == []


def test_describing_an_act_as_a_crime_is_an_accusation() -> None:
    _tk, ds = _drafts("عنوان\nووصف النائب قصف المستشفى بالجريمة النكراء.\nووصف الوزير الاتفاق بالخطوة المهمة.")
    assert [d.cls for d in ds] == ["accuse", "say"]
    _tk, ds = _drafts("عنوان\nوندد المتحدث بالهجوم، واصفا إياه بالعمل الإرهابي الجبان.")
    assert ds[-1].cls == "accuse"
    _tk, ds = _drafts("عنوان\nووصف الرئيس الاتفاق بأنه خطوة حاسمة في الحرب ضد الإرهاب.")
    assert ds[-1].cls == "say"
