"""Fighters named by the adjective of their group: «مسلحون حوثيون»، «ميليشيات حوثية»، «عناصر حوثية».

Arabic news names a group's members with a group noun and the nisba adjective of the group, as it names a
country's forces with a nationality (المقاتلات التركية). The adjective is no name, so neither the tagger nor
the dictionary finds it; read as the group it stands for, the phrase is a mention of that group. The group
is the organisation the KB knows by the adjective's plural (حوثية → الحوثيين → جماعة الحوثي); a country
adjective is left to the nationality readings, and an adjective the KB does not know stays a word.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.document import Entity, Span
from marsad.kb.link import lookup
from marsad.kb.spans import TakenSpans
from marsad.kb.tokens import clitic_forms, clitic_variants, norm_tokens, skip_letters, tokens_where
from marsad.text.normalize import normalize

__all__ = ["add_group_adjective_mentions"]

#: Nouns of armed members and groups that take the group's adjective (bare, without the article).
_MEMBERS = frozenset(normalize(w) for w in (
    "مسلحون مسلحين مسلحو مسلحي ميليشيات ميليشيا مليشيات مليشيا عناصر مقاتلون مقاتلين مقاتلو مقاتلي جماعات "
    "مجموعات مجموعة فصائل خلية خلايا قيادات قيادي قياديين متمردون متمردين قناصة قناصون قناصين").split())


#: the written forms a member noun may have (`clitic_forms` of the nouns, bare and with the article)
_MEMBER_FORMS = frozenset(clitic_forms(_MEMBERS | {"ال" + w for w in _MEMBERS}))


def add_group_adjective_mentions(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with «member noun + group adjective» phrases added as mentions of the group; a span an
    existing mention covers is left alone."""
    toks = norm_tokens(text)
    taken: TakenSpans | None = None
    by_id = {e.id: e for e in entities}
    out = list(entities)
    for i in tokens_where(text, _MEMBER_FORMS, _member):  # the member nouns, not the last token
        noun = _member(toks[i][2])
        group = _group(toks[i + 1][2]) if i + 1 < len(toks) else None
        if group is None:
            continue
        start = toks[i][0] if toks[i][2] == noun else skip_letters(text, toks[i][0], len(toks[i][2]) - len(noun))
        end = toks[i + 1][1]
        taken = taken or TakenSpans(entities)
        if not taken.free(start, end):
            continue
        eid, name, country, sector = group
        ent = by_id.get(eid)
        if ent is None:
            ent = by_id[eid] = Entity(id=eid, name=name, type="ORG", mentions=[], country=country, sector=sector)
            out.append(ent)
        ent.mentions.append(Span(start, end, text[start:end]))
        ent.mentions.sort(key=lambda m: m.start)
    out.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
    return out


@lru_cache(maxsize=200_000)
def _member(word: str) -> str | None:
    """The member noun a token is, its proclitics off (ومسلحون → مسلحون); cached per spelling."""
    return next((v for v, _cut in clitic_variants(word) if v.removeprefix("ال") in _MEMBERS), None)


@lru_cache(maxsize=50_000)
def _group(word: str) -> tuple[str, str, str | None, str | None] | None:
    """(id, name, country, sector) of the organisation a nisba adjective stands for, cached per spelling."""
    stem = word.removeprefix("ال")
    for suffix in ("يون", "يين", "يه", "ي"):
        if stem.endswith(suffix) and len(stem) > len(suffix) + 2:
            stem = stem[: -len(suffix)]
            break
    else:
        stem = ""
    found = None
    if stem:
        entry = next((e for e in lookup("ال" + stem + "يين") if e.type == "ORG"), None)
        if entry is not None:
            found = (entry.id, entry.name, entry.country, entry.sector)
    return found
