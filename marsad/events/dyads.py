"""Parties joined to each other: coordinations (A وB) and the two sides of «بين A وB».

A clash, talks or an agreement has two sides, and news names both in one phrase; an actor is often
several agents joined by و. Both readings only look at how mentions are joined, not at what they are.
"""

from __future__ import annotations

from marsad.document import Entity, Event
from marsad.events.tokens import ARABIC, CLAUSE_END, TIME_ADVERBS, Ment, Sentence, Tok, is_agent, unclitic
from marsad.text.normalize import normalize

__all__ = ["DYADIC", "between_sides", "coordinated", "dual_parties", "mutual_fight", "occurring_sides",
           "the_two_sides"]

#: Events between two sides (a clash, talks, an agreement): «بين A وB» names both.
DYADIC = ("ASSAULT", "CONSULT", "AGREE", "COOPERATE")


#: Fighting told as mutual (a clash, a confrontation, a battle): «مع X» is the other side (where after
#: قاتل it may be an ally: قاتل مع التنظيم), and a side that lost men in it is one of its two sides.
_MUTUAL_FIGHT = ("اشتباك", "اشتبك", "يشتبك", "تشتبك", "مواجه", "معارك", "معركه", "اقتتال", "تبادل")


def mutual_fight(bare_word: str) -> bool:
    return unclitic(bare_word).startswith(_MUTUAL_FIGHT)


def coordinated(ms: list[Ment], m: Ment, toks: list[Tok], assault: bool) -> list[Ment]:
    """`m` and the agents joined to it by و (الجيش والحرس الوطني)."""
    out = [m]
    cur = m
    for n in ms:
        if n.ti < cur.tj or n is cur:
            continue
        gap = n.ti - cur.tj
        joined = (gap == 0 and toks[n.ti].key[:1] == "و") or (
            0 < gap <= 2 and toks[cur.tj].key[:1] == "و" and all(ARABIC.search(toks[k].key)
                                                                   for k in range(cur.tj, n.ti)))
        if joined and is_agent(n, assault) and n.ent.id not in {x.ent.id for x in out}:
            out.append(n)
            cur = n
        else:
            break
    return out


def between_sides(toks: list[Tok], i: int, j: int, after: list[Ment], end: int,
                  assault: bool) -> tuple[list[Ment], list[Ment]] | None:
    """(actor, recipient) of «اشتباكات بين A وB» after the trigger ending at token `j`: A and B, the dyad
    PLOVER codes. When each side is a coordination of its own, news style closes each side with «من جهة»
    or «من ناحية» (بين الشرطة والجيش من ناحية، والمهربين من ناحية ثانية): what precedes the first mark is
    one side. None when no «بين» follows the trigger. A clause of taking place may stand between (اشتباكات
    اندلعت أمس في ريف حلب بين A وB، اجتماع عقد في القاهرة بين A وB), or the noun be that verb's subject
    (واندلعت مواجهات عنيفة في المدينة بين A وB); any other words, at most two."""
    occurs = _verb_before(toks, i, _TOOK_PLACE) or (
        i >= 2 and toks[i - 1].bare in TIME_ADVERBS and _verb_before(toks, i - 1, _TOOK_PLACE))  # (ودارت أمس معارك)
    for k in range(j + 1, min(len(toks), j + 10)):
        if toks[k].key in CLAUSE_END:
            return None
        if toks[k].bare != "بين" or (k > j + 3 and not occurs and
                                     not any(toks[x].bare in _TOOK_PLACE for x in range(j + 1, k))):
            continue
        sides = [m for m in after if m.ti > k and m.ti - k <= 6 and m.loc == 0 and m.prep in (None, "بين")]
        if not sides:
            return None
        first = coordinated(after, sides[0], toks, assault)
        side = _side_mark(toks, first[-1].tj, end)
        if side is None:
            return first[:1], first[1:]
        rest = [m for m in after if side < m.ti <= side + 4 and m.loc == 0 and is_agent(m, assault)]
        return first, coordinated(after, rest[0], toks, assault) if rest else []
    return None


#: Verbs of taking place (bare spelling) that may stand between an event noun and its «بين».
_TOOK_PLACE = frozenset({"جري", "جرت", "يجري", "تجري", "عقد", "عقدت", "انعقد", "انعقدت", "دار", "دارت", "يدور",
                         "تدور", "اندلع", "اندلعت", "نشب", "نشبت", "وقع", "وقعت", "اقيم", "اقيمت"})
_OCCURRED = _TOOK_PLACE - {"عقد", "عقدت", "اقيم", "اقيمت"}


def _verb_before(toks: list[Tok], i: int, verbs: frozenset[str]) -> bool:
    """Whether the word before token i is one of `verbs`, with or without a و/ف before it (a verb's own
    first و stays: وقعت)."""
    b = toks[i - 1].bare if i >= 1 else ""
    return b in verbs or (b[:1] in ("و", "ف") and b[1:] in verbs)


def _side_mark(toks: list[Tok], k: int, end: int) -> int | None:
    """The token after «من جهة» right after a side (k), if the text marks its sides so; else None."""
    if k + 1 < end and toks[k].bare == "من" and toks[k + 1].bare in ("جهه", "ناحيه"):
        return k + 1
    return None


#: «الطرفين»، «الجانبين» (bare spelling): the two sides just named, not a third party.
_BOTH = frozenset({"طرفين", "جانبين", "طرفان", "جانبان"})
#: How far back (characters) the pair the two sides refer to may stand: a paragraph, not the article.
_PAIR_REACH = 800


def the_two_sides(st: Sentence, j: int) -> tuple[list[Ment], list[Ment]] | None:
    """(actor, recipient) of «اشتباكات بين الطرفين» after the trigger ending at token `j`: the two parties of
    the latest earlier event of the paragraph that names both (اشتبك الجيش مع المسلحين … وأسفرت المواجهات
    بين الطرفين): «the two sides» refers back to a pair, not to whoever was named last."""
    toks = st.toks
    if not any(toks[k].bare == "بين" and k + 1 < len(toks) and toks[k + 1].bare in _BOTH
               for k in range(j + 1, min(len(toks) - 1, j + 3))):
        return None
    return _last_pair(st, DYADIC)


def _mention(ent: Entity | None, ev: Event) -> Ment | None:
    """A mention of `ent` in the sentence of event `ev`, as a party of another sentence (no token place)."""
    if ent is None:
        return None
    sp = next((m for m in ent.mentions if ev.sentence.start <= m.start < ev.sentence.end), None)
    return Ment(sp.start, sp.end, ent) if sp is not None else None


#: Definite duals that stand for two parties named before (وكان الرئيسان عقدا لقاء، وبحث الجانبان …), in
#: bare spelling (no article): a title's dual stands for the two persons given that title, «الجانبان»،
#: «الطرفان»، «البلدان» for the two parties of the last meeting, clash or agreement told.
_TITLE_DUALS: dict[str, str] = {}
for _stem in ("رييس", "وزير", "زعيم", "ملك", "امير", "قايد", "مبعوث", "سفير"):
    for _end in ("ان", "ين"):
        _TITLE_DUALS[_stem + _end] = _stem
_SIDE_DUALS = frozenset({"جانبان", "جانبين", "طرفان", "طرفين", "بلدان", "بلدين", "دولتان", "دولتين"})


def dual_parties(st: Sentence, k: int) -> list[Ment]:
    """The two parties a definite dual at token k stands for, in the order they were named, or [] when k
    is no such dual or the text before names no such pair."""
    key = st.toks[k].key.lstrip("وف")
    if not key.startswith("ال") or any(m.ti <= k < m.tj for m in st.ments):
        return []
    stem = key[2:]
    if any(0 < m.ti - k <= 2 for m in st.ments):
        return []  # the dual's names follow it (اتفق الرئيسان، X وY): the clause reads them
    if stem in _SIDE_DUALS:
        pair = _last_pair(st)
        return [*pair[0], *pair[1]] if pair else []
    title = _TITLE_DUALS.get(stem)
    if title is None:
        return []
    out: list[Ment] = []
    before = [m for m in st.ments if m.tj <= k]
    for m in [*reversed(before), *_named_before(st)]:
        e = m.ent
        if e.type != "PER" or any(x.ent.id == e.id for x in out) or not _holds_title(st.doc, e, title):
            continue
        out.append(m)
        if len(out) == 2:
            return out[::-1]
    return []


def _holds_title(doc: object, e: Entity, title: str) -> bool:
    """Whether a mention of person `e` has the title among the four words before it (الرئيس السوداني عمر
    البشير، وزير الخارجية المصري X), or «نظيره» (his counterpart holds the same title)."""
    text = doc.text  # type: ignore[attr-defined]
    for sp in e.mentions:
        words = normalize(text[max(0, sp.start - 60):sp.start]).split()[-4:]
        if any(_word_is(w, (title, title + "ا", title + "ان", title + "ين", "نظير", "نظيره", "نظيرها"))
               for w in words):  # (رئيسا الدولتين عمر البشير وعبد الفتاح السيسي)
            return True
    return False


def _word_is(w: str, lemmas: tuple[str, ...]) -> bool:
    """`w` is one of `lemmas` with or without the article and one proclitic (وزير، الوزير، والوزير)."""
    forms = {w, w.removeprefix("ال")}
    if w[:1] in "وفبل":
        forms |= {w[1:], w[1:].removeprefix("ال")}
    return any(f in lemmas for f in forms)


def _last_pair(st: Sentence, types: tuple[str, ...] | None = None) -> tuple[list[Ment], list[Ment]] | None:
    """(first side, second side) of the latest earlier event of the paragraph (of one of `types`, if given)
    that names both."""
    ents = {e.id: e for e in st.doc.entities}
    for ev in reversed(st.prior):
        if ev.trigger.start < st.s - _PAIR_REACH:
            break
        if (types is None or ev.type in types) and (pair := _pair_of(ev, ents)) is not None:
            return pair
    return None


def _pair_of(ev: Event, ents: dict[str, Entity]) -> tuple[list[Ment], list[Ment]] | None:
    """The mentions, in the event's sentence, of an event's first actor and first recipient, if it has both."""
    if not ev.actor or not ev.recipient:
        return None
    a, b = _mention(ents.get(ev.actor[0]), ev), _mention(ents.get(ev.recipient[0]), ev)
    return ([a], [b]) if a is not None and b is not None else None


def occurring_sides(st: Sentence, i: int, typ: str | None) -> tuple[list[Ment], list[Ment]] | None:
    """(actor, recipient) of an event noun that is the subject of a verb of taking place (ودارت معارك
    عنيفة، واندلعت اشتباكات): no clause governs it, so nobody before it is its doer; a fight's sides are
    those of an encounter this sentence told before it, else none is named. None when no such verb stands
    right before the noun. (عقد and أقيم are left out: «عقد الوزير اجتماعا» has the noun as its object.)"""
    if not _verb_before(st.toks, i, _OCCURRED):
        return None
    if typ not in DYADIC:
        return [], []
    ents = {e.id: e for e in st.doc.entities}
    for ev in reversed(st.coded):
        if ev.type == typ and (pair := _pair_of(ev, ents)) is not None:
            return pair
    return [], []


def _named_before(st: Sentence) -> list[Ment]:
    """Mentions of the paragraph before the sentence (within _PAIR_REACH characters), nearest first."""
    lo = st.s - _PAIR_REACH
    found = [(sp.start, sp.end, e) for e in st.doc.entities for sp in e.mentions if lo <= sp.start and sp.end <= st.s]
    found.sort(key=lambda x: -x[0])
    return [Ment(a, b, e) for a, b, e in found]
