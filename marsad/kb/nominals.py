"""Nominal mentions: anaphoric descriptions (`التنظيم المتطرف`) and generic group agents (`المعارضة`).

News names an actor once and then refers back to it with a description (`التنظيم`, `الحركة`), and much of
what happens in conflict news is done by groups that have no name at all: `المعارضة`, `المسلحين`,
`المدنيين`, `قوات الأمن`. An analyst asking "who did what" needs both: the first as more mentions of an
entity already found (so the event coder sees `التنظيم المتطرف` as ISIS), the second as generic actors
with a CAMEO agent code in `sector` (the codes UniversalPetrarch's agent dictionary uses: OPP, REB, INS, UAF,
CVL, REF, COP, GOV, MIL, IMG), typed `MISC` because they are not named entities, and with the country
of a following nationality adjective (`المعارضة السورية` → SYR). Existing mentions always win: nothing
here overlaps a span the NER or the dictionary already took.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from marsad.document import Entity, Span
from marsad.kb.aliases import add_alias_mentions
from marsad.kb.bare_titles import add_bare_title_mentions
from marsad.kb.coref import ORG_NOMINALS, resolve_title
from marsad.kb.countries import country_of_adjective
from marsad.kb.group_adjectives import add_group_adjective_mentions
from marsad.kb.honorifics import add_honorific_mentions
from marsad.kb.kingdom import kingdom_mentions
from marsad.kb.metonymy import capitals_as_states
from marsad.kb.persons import add_apposed_persons
from marsad.kb.spans import TakenSpans
from marsad.kb.titles import add_title_mentions
from marsad.kb.tokens import clitic_forms, clitic_variants, norm_tokens, skip_letters, tokens_where
from marsad.kb.units import add_unit_mentions
from marsad.text.normalize import normalize

# Generic collective agents (normalised words) → CAMEO agent code. Plural and collective forms only:
# a singular (`مسلح`) is usually one person described in passing, not an actor of the story.
_AGENT_PHRASES: dict[str, str] = {
    "المعارضة": "OPP", "المعارضين": "OPP", "المعارضون": "OPP",
    "المعارضة المسلحة": "REB", "فصائل المعارضة": "REB", "قوات المعارضة": "REB", "مقاتلي المعارضة": "REB",
    "الفصائل المسلحة": "REB", "الفصائل المعارضة": "REB", "الثوار": "REB", "مسلحي المعارضة": "REB",
    "المقاومة الشعبية": "REB",
    # insurgents and putschists are the other side of the same wars (in Yemen: الثوار/المقاومة against
    # المتمردين/الانقلابيين): CAMEO's INS keeps them apart from the rebels of REB
    "المتمردين": "INS", "المتمردون": "INS", "الانقلابيين": "INS", "الانقلابيون": "INS",
    # the insurgency named by its act, in construct with a group noun (فلول التمرد، ميليشيات التمرد)
    "قوات التمرد": "INS", "ميليشيات التمرد": "INS", "مليشيات التمرد": "INS", "ميليشيا التمرد": "INS",
    "فلول التمرد": "INS", "عناصر التمرد": "INS",
    "المسلحين": "UAF", "المسلحون": "UAF", "مسلحين": "UAF", "مسلحون": "UAF", "الجماعات المسلحة": "UAF",
    "المدنيين": "CVL", "المدنيون": "CVL", "مدنيين": "CVL", "مدنيون": "CVL", "السكان": "CVL",
    "الأهالي": "CVL",
    "المتظاهرين": "OPP", "المتظاهرون": "OPP", "متظاهرين": "OPP", "متظاهرون": "OPP",
    "المحتجين": "OPP", "المحتجون": "OPP", "محتجين": "OPP", "محتجون": "OPP",
    "اللاجئين": "REF", "اللاجئون": "REF", "النازحين": "REF", "النازحون": "REF",
    "قوات الأمن": "COP", "الشرطة": "COP", "الأجهزة الأمنية": "COP",
    "السلطات": "GOV", "الحكومة": "GOV",
    "الجيش": "MIL", "القوات الحكومية": "MIL",
    # warplanes are the air force acting (نفذ الطيران الحربي غارة): who flies them is named elsewhere or not
    "الطيران الحربي": "MIL", "الطائرات الحربية": "MIL", "المقاتلات الحربية": "MIL", "المقاتلات": "MIL", "الطيران العسكري": "MIL", "القوات النظامية": "MIL", "قوات النظام": "MIL",
    "الجهاديين": "IMG", "الجهاديون": "IMG", "المتشددين": "IMG", "المتشددون": "IMG",
    # the resistance is an armed side (ردت المقاومة، وشنت قصفا), named by the noun alone or by its men
    "المقاومة": "REB", "قوات المقاومة": "REB", "رجال المقاومة": "REB", "عناصر المقاومة": "REB",
    "مقاتلي المقاومة": "REB", "مقاتلو المقاومة": "REB", "فصائل المقاومة": "REB",
}
#: Heads that are a state's body only with its nationality adjective after them (مددت الرئاسة التونسية،
#: وقالت الإدارة الأمريكية، القيادة الفلسطينية، البحرية الإيرانية): bare, they are the abstract noun
#: (الإدارة، القيادة: management, leadership) or a word of another sense (الخارجية: external).
_NATIONAL_ONLY: dict[str, str] = {
    "الرئاسة": "GOV", "القيادة": "GOV", "الإدارة": "GOV", "الخارجية": "GOV", "الداخلية": "GOV",
    "الدبلوماسية": "GOV", "الاستخبارات": "GOV", "المخابرات": "GOV",
    "البحرية": "MIL", "القوات": "MIL", "الطائرات": "MIL", "القوات الجوية": "MIL",
}
#: Adjectives that may follow an anaphoric head (`التنظيم المتطرف`) and belong to the mention.
_ANAPHOR_ADJECTIVES = frozenset(normalize(w) for w in (
    "المتطرف", "المتشدد", "الإرهابي", "الارهابي", "المسلح", "الجهادي", "المتطرفة", "المتشددة", "الإرهابية",
    "المسلحة", "الجهادية",
))


def _index() -> dict[str, list[tuple[tuple[str, ...], str, bool]]]:
    """Phrases by first word: (words, agent code, whether a nationality adjective must follow)."""
    by_first: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for table, national in ((_AGENT_PHRASES, False), (_NATIONAL_ONLY, True)):
        for phrase, code in table.items():
            words = tuple(normalize(w) for w in phrase.split())
            by_first.setdefault(words[0], []).append((words, code, national))
    for lst in by_first.values():
        lst.sort(key=lambda x: -len(x[0]))
    return by_first


_BY_FIRST = _index()
_ANAPHOR_HEADS = frozenset(ORG_NOMINALS)
_READINGS: dict[str, tuple[tuple[str, int], ...]] = {}
#: the written forms a word starting a nominal may have (`clitic_forms`)
_FORMS = frozenset(clitic_forms(_ANAPHOR_HEADS | _BY_FIRST.keys()))


def _readings(word: str) -> tuple[tuple[str, int], ...]:
    """The clitic readings of a word that can start a nominal (memoised: almost every word has none)."""
    hit = _READINGS.get(word)
    if hit is None:
        hit = tuple((v, cut) for v, cut in clitic_variants(word) if v in _ANAPHOR_HEADS or v in _BY_FIRST)
        if len(_READINGS) < 200_000:
            _READINGS[word] = hit
    return hit


def agent_id(code: str, country: str | None) -> str:
    """Stable id of a generic agent: its CAMEO code, and its country where one is named."""
    return f"agent:{code}:{country}" if country else f"agent:{code}"


def add_nominal_mentions(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with anaphoric mentions added to their antecedents and generic agents appended.

    Capitals and state nouns standing for their state (`capitals_as_states`), a bare «المملكة» for its
    kingdom (`kingdom_mentions`), persons named in
    apposition to a title (`add_apposed_persons`), military units by designation (`add_unit_mentions`,
    before the titles: «اللواء 35» is no rank), fighters named by their group's adjective (مسلحون حوثيون,
    `add_group_adjective_mentions`), stand-alone titles of persons
    (`add_title_mentions`), bare titles referring back (`add_bare_title_mentions`: وعقد الوزير اجتماعا)
    and the short forms and acronyms of bodies
    (`add_alias_mentions`) go first: they are more specific than the generic agents below, and once
    something is a mention nothing inside it becomes one.
    """
    entities = add_apposed_persons(text, kingdom_mentions(text, capitals_as_states(text, entities)))
    entities = add_group_adjective_mentions(text, add_unit_mentions(text, entities))
    entities = add_honorific_mentions(text, add_bare_title_mentions(text, add_title_mentions(text, entities)))
    entities = add_alias_mentions(text, entities)
    toks = norm_tokens(text)
    if not toks:
        return entities
    taken = TakenSpans(entities)

    agents: dict[str, Entity] = {}
    out = list(entities)
    # only tokens with a reading that can start a nominal are visited (each word type is read once)
    todo = tokens_where(text, _FORMS, _readings)
    words = [t[2] for t in toks]
    at = 0
    while at < len(todo):
        i = todo[at]
        hit = _match(text, toks, i, out, _readings(words[i]))
        if hit is None or not taken.free(hit[1], hit[2]):
            at += 1
            continue
        ln, start, end, target, code, country = hit
        span = Span(start, end, text[start:end])
        if target is not None:
            target.mentions.append(span)
            target.mentions.sort(key=lambda m: m.start)
        else:
            aid = agent_id(code, country)
            ent = agents.get(aid)
            if ent is None:
                ent = agents[aid] = Entity(id=aid, name=span.text, type="MISC", mentions=[], country=country,
                                           sector=code)
                out.append(ent)
            ent.mentions.append(span)
        at = bisect_left(todo, i + ln, at + 1)
    out.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
    return out


def _match(text: str, toks: Sequence[tuple[int, int, str]], i: int, entities: list[Entity],
           readings: tuple[tuple[str, int], ...]) -> tuple[int, int, int, Entity | None, str, str | None] | None:
    """(tokens used, start, end, antecedent or None, agent code, country) of a nominal at token i."""
    n = len(toks)
    for word, cut in readings:
        start = skip_letters(text, toks[i][0], cut) if cut else toks[i][0]
        if word in _ANAPHOR_HEADS and not (i + 1 < n and country_of_adjective(toks[i + 1][2])):
            # (not before a nationality: الجيش السوري is another army than the one named before)
            ln = 2 if i + 1 < n and toks[i + 1][2] in _ANAPHOR_ADJECTIVES else 1
            end = toks[i + ln - 1][1]
            ant = resolve_title(text, start, end, entities)
            if ant is not None and (ant.type == "ORG" or (ant.type == "MISC" and ant.country)):
                return ln, start, end, ant, "", None
        for words, code, national in _BY_FIRST.get(word, ()):
            ln = len(words)
            if i + ln > n or any(toks[i + k][2] != words[k] for k in range(1, ln)):
                continue
            country = country_of_adjective(toks[i + ln][2]) if i + ln < n else None
            if national and (not country or not toks[i + ln][2].endswith("يه")):
                continue  # a national-only head, with a feminine nationality (the heads are feminine)
            if country:
                ln += 1
            return ln, start, toks[i + ln - 1][1], None, code, country
    return None
