"""The doer of a verbal noun named in its genitive through a title the tokens of a name do not show as
one: a dual title for two persons (اجتماع وزيري الخارجية X وY), a title with a possessive pronoun (دعوة
أمينه العام X); and the object that follows that doer after ل (اعتقال الشرطة للناشط X، قصف القوات
لمواقع X).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from marsad.events.tokens import Tok, dual_title, owned_title
from marsad.events.triggers import find_hits
from marsad.text.normalize import fold_letters, normalize
from marsad.text.segment import TOKEN_PATTERN
from tests.events.test_genitives import _typed
from tests.events.test_roles import _events

PARTIES = {
    "سامر حداد": ("m:haddad", "PER", None, None, None),
    "نبيل عيسى": ("m:issa", "PER", None, None, None),
    "حركة الفجر": ("m:fajr", "ORG", None, None, None),
    "الشرطة": ("m:police", "ORG", None, None, None),
    "القوات الحكومية": ("m:forces", "ORG", None, None, None),
}


def test_a_dual_title_leads_the_phrase_of_the_two_persons_after_it() -> None:
    ev = _typed(_events("وتناول اجتماع وزيري الداخلية الأردني سامر حداد والعراقي نبيل عيسى أمن الحدود.",
                        PARTIES), "CONSULT")
    assert ev.actor == ["m:haddad", "m:issa"]


def test_a_title_with_a_possessive_leads_the_holders_phrase() -> None:
    ev = _typed(_events("وجاء البيان بعد يوم من دعوة أمينها العام الدكتور سامر حداد إلى انتخابات مبكرة، وقالت "
                        "حركة الفجر إنها سترد.", PARTIES), "REQUEST")
    assert ev.actor == ["m:haddad"]


def test_a_verbal_nouns_object_follows_its_doer_after_lam() -> None:
    ev = _typed(_events("وانتقدت المنظمة اعتقال الشرطة للناشط سامر حداد الأسبوع الماضي.", PARTIES), "COERCE")
    assert ev.actor == ["m:police"] and ev.recipient == ["m:haddad"]
    ev = _typed(_events("وتواصل قصف القوات الحكومية لمواقع حركة الفجر طوال الليل.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:forces"] and ev.recipient == ["m:fajr"]


def test_which_words_are_dual_or_owned_titles() -> None:
    assert dual_title(normalize("وزيرا")) and dual_title(normalize("الرئيسين"))
    assert not dual_title(normalize("وزير")) and not dual_title(normalize("الرئيس"))
    assert owned_title(normalize("رئيسها")) and owned_title(normalize("أمينه"))
    # a title plus ة that is another word: a province, aid
    assert not owned_title(normalize("محافظة")) and not owned_title(normalize("مساعدة"))


def test_a_coordinated_topic_of_anna_is_the_subject_of_a_plural_verb() -> None:
    ev = _typed(_events("وذكر البيان أن حركة الفجر وحلفاءها نفذوا عشر غارات على مواقع الشرطة.", PARTIES),
                "ASSAULT")
    assert ev.actor == ["m:fajr"]


def test_civilians_are_whom_force_is_used_on() -> None:
    civilians = {**PARTIES, "المدنيين": ("m:civ", "MISC", None, None, "CVL")}
    ev = _typed(_events("وطوقت الشرطة الحي صباحا واحتجزت عشرات المدنيين لساعات.", civilians), "COERCE")
    assert "m:civ" not in ev.actor and ev.recipient == ["m:civ"]


def test_after_a_preposition_a_feminine_verbal_noun_with_a_possessive_is_a_noun() -> None:
    text = fold_letters("وقتل عشرات عند سيطرتها على البلدة ثم سيطرتها قواتهم")
    toks = [Tok(m.start(), m.end(), m.group()) for m in TOKEN_PATTERN.finditer(text)]
    read = [(text[toks[h.i].start:toks[h.i].end], h.form.verbal) for h in find_hits(toks, [])]
    # «her control» after عند; «she controlled it» after ثم
    assert [v for w, v in read if w == "سيطرتها"] == [False, True]
    # a verb whose own letters end like a possessive stays a verb (من اتهم: who accused)
    toks = [Tok(m.start(), m.end(), m.group()) for m in TOKEN_PATTERN.finditer(fold_letters("ومن اتهم الحكومة"))]
    assert [h.form.verbal for h in find_hits(toks, [])] == [True]


def test_who_announces_a_deal_or_a_meeting_with_another_party_is_its_party() -> None:
    ev = _typed(_events("وأعلنت حركة الفجر عن التوصل إلى اتفاق مع الحكومة بشأن تبادل الأسرى.",
                        {**PARTIES, "الحكومة": ("m:gov", "ORG", None, None, None)}), "AGREE")
    assert ev.actor == ["m:fajr"] and ev.recipient == ["m:gov"]


def test_a_relative_clause_in_the_imperfect_names_who_commits_the_act() -> None:
    ev = _typed(_events("وأبدى الأهالي خوفهم من حملات الخطف التي ترتكبها حركة الفجر في القرى.", PARTIES), "ASSAULT")
    assert ev.actor == ["m:fajr"]


def test_who_guards_or_breaks_up_a_protest_is_not_its_actor() -> None:
    for text in ("وقالت الحكومة إن الشرطة ستحمي المسيرات السلمية في العاصمة.",
                 "وفرقت الشرطة الاعتصام أمام البرلمان بالقوة."):
        ev = _typed(_events(text, PARTIES), "PROTEST")
        assert "m:police" not in ev.actor


def test_a_speakers_pronoun_must_agree_with_the_speaker() -> None:
    # «أنهم» is plural: the speaker (one man) is not the one who attacked
    ev = _typed(_events("وقال سامر حداد إن مقاتلي الجبهة تقدموا، موضحا أنهم هاجموا مواقع الشرطة.", PARTIES),
                "ASSAULT")
    assert "m:haddad" not in ev.actor
    ev = _typed(_events("وقال سامر حداد إنه التقى قادة حركة الفجر في العاصمة.", PARTIES), "CONSULT")
    assert ev.actor == ["m:haddad"]


def test_a_verb_of_breaking_up_whose_fa_is_the_roots_still_polices() -> None:
    ev = _typed(_events("وأفاد ناشطون بأن الشرطة التي طوقت الساحة منذ الصباح فرقت الوقفة الاحتجاجية بالقوة.",
                        PARTIES), "PROTEST")
    assert "m:police" not in ev.actor


def test_after_a_governing_noun_the_word_is_a_verbal_noun_not_a_verb() -> None:
    # «دعم» after «بشأن» is the noun (support of X), so its genitive is whom the support goes to; read as
    # the verb «دعمَ» the party after it would be its subject
    ev = _typed(_events("وتباينت المواقف في الاجتماع بشأن دعم حركة الفجر بالسلاح.", PARTIES), "SUPPORT")
    assert ev.actor != ["m:fajr"] and ev.recipient == ["m:fajr"]
