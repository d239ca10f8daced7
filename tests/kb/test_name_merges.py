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
