"""Actors named by a nationality: an adjective after a nominal trigger (غارات روسية), on an unlinked subject
before the verb (الزوارق الحربية الإيرانية اعترضت), or on a common-noun subject after it (قصفت المدفعية التركية).
The adjective stands for its country only when the article names that country, so the actor is one of the
document's entities. Split from `roles`, which calls these in its fixed order over one `Frame`."""

from __future__ import annotations

from marsad.events.anaphora import common_subject_adjectives
from marsad.events.evaluated import adjective_country
from marsad.events.frame import Frame
from marsad.events.lexicon import FORMS
from marsad.events.tokens import CLAUSE_BREAK, RELATIVE, Ment, Tok

__all__ = ["adjective_actor", "envoy_subject", "subject_nationality"]


def adjective_actor(f: Frame) -> None:
    """A nationality adjective after a nominal trigger: غارات فرنسية، ضربات بطائرات ومروحيات تركية."""
    toks, j = f.toks, f.j
    lim = min(f.n, j + 10, f.end + 1)
    via_min = False
    for k in range(j + 1, lim):
        bk = toks[k].bare
        if bk in ("مع", "على", "علي", "ضد", "بين", "بحق", "في"):
            break  # (للقتال في سورية: after في, the country's name, not the feminine adjective)
        if bk == "من":
            via_min = True
            continue
        if k > j + 2 and not via_min:
            continue
        code = adjective_country(toks[k].key)
        if code and code in f.st.country_ents:
            ent = f.st.country_ents[code]
            f.actor = [Ment(toks[k].start, toks[k].end, ent)]
            break


def subject_nationality(f: Frame) -> None:
    """An unlinked subject with a nationality (الزوارق الحربية الإيرانية اعترضت، شنت مقاتلات روسية غارات،
    قصفت المدفعية التركية): its country."""
    toks, v = f.toks, f.v
    for k in range(v - 1, max(-1, v - 5), -1):
        if toks[k].key in CLAUSE_BREAK or toks[k].key in FORMS or toks[k].key.lstrip("وف") in RELATIVE:
            break  # not past an event noun or a relative (X الألمانية التفجير الذي استهدف)
        code = adjective_country(toks[k].key)
        if code and code in f.st.country_ents:
            f.actor = [Ment(toks[k].start, toks[k].end, f.st.country_ents[code])]
            return
    # شنت مقاتلات روسية غارات: the subject between a support verb and its noun, with its nationality
    between = [k for k in range(v + 2, f.i) if not any(m.ti <= k < m.tj for m in f.ms)] if v < f.i else []
    if not between and f.verbal and v == f.i and envoy_subject(toks, v, f.ms):
        between = [v + 2]  # زار وفد إماراتي المحافظة: an indefinite delegation and its nationality
    for a in between or (common_subject_adjectives(toks, v, f.st.ments) if f.verbal and f.assault else ()):
        code = adjective_country(toks[a].key)  # قصفت المدفعية التركية مواقع X: the common subject's nationality
        if code and code in f.st.country_ents:
            f.actor = [Ment(toks[a].start, toks[a].end, f.st.country_ents[code])]
            break


#: Indefinite nouns of people sent or speaking for a state, whose nationality adjective names it when they
#: are the subject right after the verb (زار وفد إماراتي، أكد مسؤول أمريكي، التقى دبلوماسيون أوروبيون).
ENVOYS = frozenset({"وفد", "وفود", "بعثه", "مسوول", "مسوولون", "دبلوماسي", "دبلوماسيون", "مبعوث", "سفير",
                     "مصدر", "مصادر", "قوات", "قوه", "طايرات", "مقاتلات", "سفن", "زوارق", "وحدات", "دوريه"})


def envoy_subject(toks: list[Tok], v: int, ms: list[Ment]) -> bool:
    """Whether the subject right after verb `v` is an indefinite envoy noun with a nationality adjective
    (زار وفد إماراتي، اتهم مسؤول أمريكي): an unnamed subject, so no party after it is the actor."""
    return v + 2 < len(toks) and toks[v + 1].key in ENVOYS and adjective_country(toks[v + 2].key) is not None \
        and not any(m.ti <= v + 2 < m.tj for m in ms)
