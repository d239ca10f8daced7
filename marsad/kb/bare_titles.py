"""A bare definite title as a mention of the person last introduced with it: «وعقد الوزير اجتماعا».

News introduces an office holder once in full (وزير الخارجية الفرنسي فلان، فلان، سفير …) and then, within a
few paragraphs, calls him by the office noun with the article alone: «الوزير», «السفير», «المبعوث», or
with his nationality: «الوزير الفرنسي». Such a word is a definite noun with nothing after it that would
make it another office (a genitive or an adjective: «الرئيس التنفيذي», «نائب الرئيس»), so it refers back;
the referent is, among the persons named before it whose title (written before or after a mention, opening
the mention, or known to the KB) has the same head, the one last spoken of, and whose country is the nationality after it, when
one is written. «الرئيس» alone is a head of state in news: only a president of a state, not the head of a
government, a parliament or a club, is its antecedent. Without such a person the word stays a noun.

`titles.add_title_mentions` reads the specific titles (وزير الخارجية السعودي); this pass reads what that one
leaves as too generic, and only as a reference back.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.document import Entity, Span
from marsad.kb.countries import country_of_adjective, names_a_state
from marsad.kb.persons import given_names
from marsad.kb.store import get_kb
from marsad.kb.titles import GENERIC_ADJ, RANKS, TokenDoc, title_after, title_before, title_head
from marsad.kb.tokens import (
    bare_member,
    clitic_forms,
    clitic_variants,
    norm_key,
    norm_tokens,
    skip_letters,
    tokens_where,
)
from marsad.text.normalize import normalize

__all__ = ["add_bare_title_mentions"]

#: Office nouns whose bare definite form refers back to a holder named before (not ranks: الشيخ، الدكتور;
#: not the many holders of one body: العضو، النائب، المسؤول).
_HEADS = frozenset(normalize(w) for w in (
    "وزير", "وزيرة", "رئيس", "رئيسة", "ملك", "أمير", "سفير", "سفيرة", "مبعوث", "مبعوثة", "موفد", "محافظ",
    "مفوض", "مفوضة", "عاهل"))
_REACH = 600  # tokens: a bare title refers to a holder named within a few paragraphs
_TITLE_REACH = 3  # tokens before a mention searched for the title that opens it (الرئيس الأمريكي باراك …)


@lru_cache(maxsize=100_000)
def _bare_head(word: str) -> tuple[str, int] | None:
    """(head, letters of the proclitics before the article) when the token is a head with the article."""
    for v, cut in clitic_variants(word):
        if v.startswith("ال") and v[2:] in _HEADS:
            return v[2:], cut
        if v.startswith("لل") and v[2:] in _HEADS:  # للوزير: ل + the article, its alef dropped
            return v[2:], cut
    return None


#: the written forms of a head with the article (`clitic_forms`), «لل» + head among them
_HEAD_FORMS = frozenset(clitic_forms({"ال" + h for h in _HEADS} | {"لل" + h for h in _HEADS}))

_SAME = {normalize(a): normalize(b) for a, b in (
    ("وزيرة", "وزير"), ("رئيسة", "رئيس"), ("سفيرة", "سفير"), ("مبعوثة", "مبعوث"), ("مفوضة", "مفوض"),
    ("عاهل", "ملك"))}
_PRESIDENT = normalize("رئيس")


def _base(head: str) -> str:
    """One head for both genders and for the king's two words (الوزيرة → وزير، العاهل → ملك)."""
    return _SAME.get(head, head)


def _holder_of(d: TokenDoc, a: int, b: int) -> str | None:
    """The base head of the title on tokens a..b, when a bare title can stand for its holder."""
    head = bare_member(d.toks[a][2], _HEADS)
    if head is None:
        return None
    base = _base(head)
    if base == _PRESIDENT and b > a:
        nxt = d.toks[a + 1][2]
        if not names_a_state(nxt):
            return None  # رئيس الوزراء، رئيس البرلمان: no head of state (رئيس مصر is one)
    return base


Intro = tuple[int, str, Entity, str | None]  # (token, base head, person, the country his title names)


def _nationality(d: TokenDoc, a: int, b: int, e: Entity) -> str | None:
    """The country a title's nationality adjective names (وزير الخارجية الفرنسي), else the person's."""
    for k in range(a, b + 1):
        c = country_of_adjective(d.toks[k][2])
        if c is not None:
            return c
    return e.country


def _introductions(d: TokenDoc) -> list[Intro]:
    """(token, base head, person, country) for every title a person is named with, sorted by token."""
    out: list[Intro] = []
    for i, e in d.per_at.items():
        t = title_before(d, i)
        if t is not None and (h := _holder_of(d, *t)) is not None:
            out.append((i, h, e, _nationality(d, *t, e)))
        for k in range(i, min(len(d.toks), i + _TITLE_REACH)):  # the mention opens with it (الملك سلمان)
            if d.per_end.get(k - 1) is e and k > i:
                break
            hit = _bare_head(d.toks[k][2])
            if hit is not None and (k == i or title_head(d.toks[k - 1][2]) is not None):
                out.append((i, _base(hit[0]), e, _nationality(d, k, k + 1, e)))
                break
    for j, e in d.per_end.items():
        t = title_after(d, j)
        if t is not None and (h := _holder_of(d, *t)) is not None:
            out.append((j, h, e, _nationality(d, *t, e)))
    kb = get_kb()
    for e in {id(e): e for e in d.per_at.values()}.values():
        entry = kb.by_id.get(e.id)
        first = d.tok(e.mentions[0].start) if e.mentions else None
        if entry is None or not entry.titles or first is None:
            continue
        for t in entry.titles:
            words = normalize(t).split(" ")
            head = words[0][2:] if words[0].startswith("ال") else words[0]
            if head in _HEADS and (_base(head) != _PRESIDENT or len(words) == 1 or names_a_state(words[1])):
                out.append((first, _base(head), e, e.country))
    return sorted(out, key=lambda x: x[0])


#: Plurals of office nouns, which take a title as their genitive (نواب الرئيس، مستشارو الملك).
_OFFICE_PLURALS = frozenset(normalize(w) for w in (
    "نواب", "مستشارو", "مستشاري", "مساعدو", "مساعدي", "وزراء", "سفراء", "مبعوثو", "مبعوثي", "ممثلو", "ممثلي"))


#: Verbs spelt with a leading «ال» (forms VIII and IV of roots in ل): التقى الرئيسُ is no adjective.
_AL_VERBS = frozenset(normalize(v + end) for v in ("التقى", "التزم", "التمس", "التحق", "ألغى", "ألقى", "ألزم",
                                                   "ألحق", "ألمح") for end in ("", "ت"))
_AL_VERBS |= {v[:-2] + "ت" for v in _AL_VERBS if v.endswith("يت")}  # التقت، ألغت


def _governs(prev: str, head: str) -> bool:
    """The word before a title makes it no reference back: an office whose genitive it is (نائب الرئيس،
    نواب الرئيس), or, for «الرئيس», a definite noun it qualifies as the adjective "main" (السبب الرئيس)."""
    if title_head(prev) is not None or bare_member(prev, _OFFICE_PLURALS) is not None:
        return True
    return head == _PRESIDENT and prev.lstrip("وف") not in _AL_VERBS and \
        any(v.startswith("ال") for v, _c in clitic_variants(prev))


def _names_a_person(d: TokenDoc, k: int, covered: set[int], names: set[str]) -> bool:
    """Token k starts or is a name, so the title before it introduces that name (الوزير فلان): a mention,
    a word of a person's name in this text (the tagger missed it here), a given name, a rank or a title."""
    w = d.toks[k][2]
    return k in d.per_at or k in covered or w in RANKS or w in names or w in given_names() or \
        title_head(w) is not None


def _reference(d: TokenDoc, a: int, covered: set[int], names: set[str]) -> tuple[int, str | None] | None:
    """(last token, nationality) of the bare title at token a when it refers back, else None: not when a
    name follows it, with or without a nationality between (العاهل الأردني الملك فلان), nor when an
    adjective or a genitive makes it another office or holder (الرئيس التنفيذي، الرئيس السابق)."""
    n = len(d.toks)
    if a + 1 >= n or d.gap[a]:
        return a, None
    nxt = d.toks[a + 1][2]
    if _names_a_person(d, a + 1, covered, names) or nxt in GENERIC_ADJ:
        return None
    if not (nxt.startswith("ال") or nxt.startswith("لل")):
        return a, None
    country = country_of_adjective(nxt)
    if country is None or (a + 2 < n and not d.gap[a + 1] and (
            _names_a_person(d, a + 2, covered, names) or d.toks[a + 2][2] in GENERIC_ADJ)):
        return None  # (الرئيس المصري الأسبق: another holder)
    return a + 1, country


def add_bare_title_mentions(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with each bare definite title added as a mention of the person it refers back to."""
    if not any(e.type == "PER" for e in entities):
        return entities
    # the memoised reading of every word (the tokens are memoised too): most articles have a few titles
    toks = norm_tokens(text)
    titles = [(a, _bare_head(toks[a][2])) for a in tokens_where(text, _HEAD_FORMS, _bare_head)]
    if not titles:
        return entities
    d = TokenDoc(text, entities)
    intros = _introductions(d)
    if not intros:
        return entities
    covered = d.covered(entities)
    names = {w for e in entities if e.type == "PER" for m in e.mentions for w in norm_key(m.text).split(" ")}
    added = False
    for a, hit in titles:
        if a in covered or (a > 0 and not d.gap[a - 1] and _governs(d.toks[a - 1][2], hit[0])):
            continue
        head, cut = hit
        ref = _reference(d, a, covered, names)
        if ref is None:
            continue
        end, country = ref
        pos = d.toks[a][0]
        holders = {id(p): p for k, h, p, c in intros if k < a and a - k <= _REACH and h == _base(head)
                   and (country is None or c == country)}
        if not holders:
            continue
        # the holder last spoken of, not the one last introduced (after «X التقى نظيره Y», «الوزير» is X)
        person = max(holders.values(), key=lambda p: max((m.start for m in p.mentions if m.start < pos), default=-1))
        start = skip_letters(text, d.toks[a][0], cut) if cut else d.toks[a][0]
        person.mentions.append(Span(start, d.toks[end][1], text[start:d.toks[end][1]]))
        added = True
    if added:
        for e in entities:
            e.mentions.sort(key=lambda m: m.start)
    return entities
