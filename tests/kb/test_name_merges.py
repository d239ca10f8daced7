"""Two people are never one entity because their names share a word (kb/link.py `_may_be_title`)."""

from __future__ import annotations


def _linked(text: str, *names: str) -> list[list[str]]:
    from marsad.kb import link_mentions

    ms = [(text.find(n), text.find(n) + len(n), "PERS") for n in names]
    return [[m.text for m in e.mentions] for e in link_mentions(text, ms)]


def test_two_names_sharing_one_word_stay_two_people():
    text = "وكان بين الموقوفين خالد بن محمد القرني وسعد العتيبي. وقال محمد الفهيد إن التحقيق مستمر."
    assert _linked(text, "خالد بن محمد القرني", "سعد العتيبي", "محمد الفهيد") == [
        ["خالد بن محمد القرني"], ["سعد العتيبي"], ["محمد الفهيد"]]
    text = "ردا على كيفن قال دانيال برايت إن الخطة فاشلة. وقال كيفن مالوري إنه سيواصل."
    assert _linked(text, "دانيال برايت", "كيفن مالوري") == [["دانيال برايت"], ["كيفن مالوري"]]


def test_a_surname_that_starts_like_a_clitic_keeps_its_letter() -> None:
    # «بحاح» cut after ب reads a village of the gazetteer («حاح»); the document spells the person's
    # surname with its ب, so the lone surname is that person, whole
    text = "وصل رئيس الحكومة صالح بحاح إلى المكلا. وقال بحاح في كلمته إن الإعمار سيبدأ قريبا."
    first = text.find("صالح بحاح")
    lone = text.find("بحاح", first + 9)
    from marsad.kb import link_mentions

    ents = link_mentions(text, [(first, first + 9, "PERS"), (lone, lone + 4, "PERS")])
    assert [[m.text for m in e.mentions] for e in ents] == [["صالح بحاح", "بحاح"]]
