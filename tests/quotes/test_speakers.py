"""Speaker resolution through its seam: text, cue positions and entities in, one speaker per quote out."""

from __future__ import annotations

from marsad.document import Entity, Span
from marsad.quotes.phrases import chunk
from marsad.quotes.speakers import SpeakerCue, resolve_phrases, resolve_speakers
from marsad.quotes.tokens import Tokens


def _tokens(text: str) -> Tokens:
    tk = Tokens(text)
    tk.segment()
    return tk


def _cue(tk: Tokens, verb: str, subject: str | None = None, pro: tuple[str, str] | None = None) -> SpeakerCue:
    i = tk.raw.index(verb)
    np = chunk(tk, tk.raw.index(subject), tk.n) if subject else None
    return SpeakerCue(cue=i, sent=tk.sent_of[i], np=np, pro=pro, embedded=False)


def test_explicit_subject_is_the_speaker() -> None:
    tk = _tokens("عنوان\nقال الوزير إن الاجتماع انتهى.")
    [sp] = resolve_speakers(tk, [_cue(tk, "قال", "الوزير")], [])
    assert sp == {"entity": None, "text": "الوزير", "start": tk.text.index("الوزير"),
                  "end": tk.text.index("الوزير") + 6}


def test_pro_drop_takes_the_agreeing_clause_subject_not_the_last_speaker() -> None:
    tk = _tokens("عنوان\nوقال لافروف إن التنظيم ضعيف.\n"
                 "وسحبت القوات الرئيسية، لكن موسكو أبقت على عدد من الوحدات. وقالت إن القوات باقية.")
    cues = [_cue(tk, "وقال", "لافروف"), _cue(tk, "وقالت", pro=("f", "sg"))]
    first, second = resolve_phrases(tk, cues)
    assert first is not None and tk.raw[first.a] == "لافروف"
    assert second is not None and tk.raw[second.a:second.b] == ["موسكو"]


def test_pro_drop_falls_back_to_the_previous_speaker() -> None:
    tk = _tokens("عنوان\nقال الوسيط الأممي ستفان دي ميستورا إن المفاوضات ستستأنف.\nوأضاف أن الوفد موجود.")
    sps = resolve_speakers(tk, [_cue(tk, "قال", "الوسيط"), _cue(tk, "وأضاف", pro=("m", "sg"))], [])
    assert sps[0] == sps[1] and sps[1] is not None and "دي ميستورا" in sps[1]["text"]


def test_anaphoric_title_resolves_to_the_named_person() -> None:
    tk = _tokens("عنوان\nقال الوسيط الأممي ستفان دي ميستورا إن المفاوضات ستستأنف.\n"
                 "وأوضح الوسيط الأممي أن الوفد موجود.")
    second = tk.raw.index("الوسيط", tk.raw.index("وأوضح"))
    cues = [_cue(tk, "قال", "الوسيط"),
            SpeakerCue(cue=tk.raw.index("وأوضح"), sent=tk.sent_of[second], np=chunk(tk, second, tk.n),
                       pro=None, embedded=False)]
    first, resolved = resolve_phrases(tk, cues)
    assert cues[1].np is not None and cues[1].np.anaphoric
    assert resolved is not None and "ميستورا" in " ".join(tk.raw[resolved.a:resolved.b])


def test_no_explicit_subject_and_no_features_gives_no_speaker() -> None:
    tk = _tokens("عنوان\nقال الوزير إن الاجتماع انتهى.")
    cue = SpeakerCue(cue=tk.raw.index("قال"), sent=1, np=None, pro=None, embedded=False)
    assert resolve_speakers(tk, [cue], []) == [None]


def test_entity_link_is_the_name_never_a_place_inside_the_title() -> None:
    text = "عنوان\nواعتبر وزير الخارجية الروسي سيرغي لافروف أن التنظيم موجود."
    tk = _tokens(text)
    s, r = text.index("سيرغي لافروف"), text.index("الروسي")
    ents = [Entity(id="Q159", name="روسيا", type="GPE", mentions=[Span(r, r + 6, "الروسي")]),
            Entity(id="Q7803", name="سيرغي لافروف", type="PER", mentions=[Span(s, s + 12, "سيرغي لافروف")])]
    [sp] = resolve_speakers(tk, [_cue(tk, "واعتبر", "وزير")], ents)
    assert sp is not None and sp["entity"] == "Q7803"
    tk = _tokens(text)
    [sp] = resolve_speakers(tk, [_cue(tk, "واعتبر", "وزير")], ents[:1])
    # no mention on the name: the speaker is still the minister, not Russia inside his title
    assert sp is not None and sp["entity"] is None and sp["text"] == "سيرغي لافروف"
