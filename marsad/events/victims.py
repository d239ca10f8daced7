"""Victims of death and injury verbs are recipients, not actors.

`استشهد X`, `لقي X حتفه`, `أصيب X`, `مقتل X` make X a victim whatever X is. Unvocalised `قتل` is both
"killed" (قَتَل) and "was killed" (قُتِل): with a body that can kill as its subject (an organisation, a
country, an armed group that goes on to name whom it killed: قتلت جماعة بوكو حرام عشرة صيادين) it is an
attack of its own; with people as its subject (قتل ثلاثة مدنيين، أبو مالك قتل في غارة، قتل العشرات من
عناصر X: a count of a group's members) they are its victims, and the attacker is only who the text names (برصاص X، على يد X، في غارة لـX).
"""

from __future__ import annotations

from dataclasses import replace

from marsad.events.casualties import DEAD_NOUNS, HURT_NOUNS
from marsad.events.dyads import mutual_fight
from marsad.events.evaluated import lam_object, opens_accusative
from marsad.events.frame import Frame
from marsad.events.lexicon import FORMS, Form, bare
from marsad.events.partitive import partitive_party
from marsad.events.senses import target_word
from marsad.events.tokens import CARDINALS, CLAUSE_BREAK, PREPS, Hit, Ment, Sentence, Tok, is_agent
from marsad.kb.agreement import is_human_plural
from marsad.text.normalize import normalize

__all__ = ["find_victims", "victims_not_actors"]


def _forms(*words: str) -> frozenset[str]:
    out = set()
    for w in words:
        b = bare(normalize(w))
        out.update({b, "و" + b, "ف" + b})
    return frozenset(out)


# Verbs whose subject dies or is hurt (perfect and imperfect, with و/ف).
_DIE = _forms("استشهد", "استشهدت", "استشهدوا", "استشهدا", "يستشهد", "توفي", "توفيت", "توفوا", "لقي", "لقيت",
              "لقوا", "لقيا", "اصيب", "اصيبت", "اصيبوا", "اصيبا", "يصاب", "جرح", "جرحت", "جرحوا", "قضى", "قضوا",
              "سقط", "سقطوا", "غرق", "غرقوا")
# The ambiguous perfect of قتل ("killed" / "was killed").
_KILL = _forms("قتل", "قتلت", "قتلوا", "قتلا", "قتلتا")
# Nouns whose genitive is the victim (مقتل X).
_DEATH_NOUNS = _forms("مقتل", "استشهاد", "مصرع", "اصابة", "اصابه", "وفاة", "وفاه", "اغتيال", "اختطاف", "خطف",
                      "اعتقال", "احتجاز", "اعدام")
# Bodies that kill: armed or governing organisations (CAMEO agent codes).
_ARMED = frozenset({"MIL", "COP", "IMG", "REB", "UAF", "SPY", "GOV", "INS"})
_END = frozenset({"،", ",", ".", "؛", ";"})
_COUNT_WORDS = CARDINALS | frozenset({"عشرات", "ميات", "اثنين", "العشرات", "الميات"})
# Words of cause between a death verb and the attack it came from (قتل جراء قصف القوات).
_CAUSE = frozenset({"جراء", "اثر", "بسبب", "نتيجه", "بعد", "خلال", "اثناء"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})  # a place is hit, it does not die
#: «in it» after a death verb: the clash or raid the casualties fell in (سقط فيها، قتل خلالها).
_IN_IT = frozenset({"فيها", "فيه", "خلالها", "خلاله", "اثناءها", "اثناءه", "اثرها", "اثره", "جراءها", "جراءه"})
_ACTIVE_FORMS: dict[int, Form] = {}


def _can_kill(m: Ment) -> bool:
    e = m.ent
    if e.type == "GPE":
        return e.precision == "country"
    if e.type == "ORG":
        return True
    return e.type == "MISC" and e.sector in _ARMED


def _object_follows(toks: list[Tok], k: int, ments: list[Ment]) -> bool:
    """A number, a victim noun or a person within six words after position k (quote marks not counted,
    a comma or full stop ends the search): what an active killer goes on to name."""
    words = 0
    for x in range(k, min(len(toks), k + 12)):
        key, b = toks[x].key, toks[x].bare
        if key in _END:
            break
        if key in CLAUSE_BREAK:
            continue
        words += 1
        if words > 6:
            break
        if b[:1].isdigit() or b in _COUNT_WORDS or target_word(b):
            return True
        if any(m.ti == x and m.ent.type == "PER" for m in ments):
            return True
    return False


def _subject_after(st: Sentence, v: int) -> Ment | None:
    """The mention right after a verb (a time word may stand between: قتلت أمس جماعة …)."""
    for m in st.ments:
        if m.ti <= v:
            continue
        gap = range(v + 1, m.ti)
        if m.ti - v > 3 or any(st.toks[x].key in CLAUSE_BREAK or st.toks[x].bare in PREPS or
                               st.toks[x].bare in _CAUSE or st.toks[x].key in FORMS for x in gap):
            return None
        return m if m.prep is None and m.loc == 0 else None
    return None


def _subject_before(st: Sentence, v: int) -> Ment | None:
    for m in reversed(st.ments):
        if m.tj > v:
            continue
        gap = range(m.tj, v)
        if v - m.tj > 2 or any(st.toks[x].key in CLAUSE_BREAK or st.toks[x].bare in PREPS for x in gap):
            return None
        return m if m.prep is None and m.loc == 0 else None
    return None


def _counted_before(st: Sentence, v: int) -> Ment | None:
    """The party whose members are counted at the head of a death verb's clause, however long the phrase
    (أن خمسة من عناصر الفصيل الموالي للقائد السابق لقوا مصرعهم): its subject."""
    toks = st.toks
    for c in range(v - 1, max(-1, v - 14), -1):
        t = toks[c]
        if t.key in _END or t.key in CLAUSE_BREAK or t.key in FORMS:
            return None
        if t.bare[:1].isdigit() or t.bare in _COUNT_WORDS:
            return partitive_party(toks, c, st.ments)
    return None


def _counted_side(st: Sentence, k: int) -> Ment | None:
    """The party whose members a death noun counts (مقتل ٥٢ عنصرا من بينهم اثنان من قياديي X): after a
    count and «من», inside the noun's phrase (no comma, no other event word, no preposition but من, no
    cause word: in مقتل جنديين بنيران X the party after بـ is the killer)."""
    toks = st.toks
    counted = partitive = False
    for x in range(k + 1, min(len(toks), k + 10)):
        t = toks[x]
        member = partitive and (is_human_plural(t.bare) or is_human_plural(t.bare + "ن"))  # من قادة، من مسلحي
        if t.key in _END or t.key in CLAUSE_BREAK or t.bare in _CAUSE or (t.key in FORMS and not member) or \
                t.key in _DEATH_NOUNS:
            return None
        m = next((m for m in st.ments if m.ti == x), None)
        if m is not None:
            return m if counted and partitive and m.prep in (None, "من") and m.ent.type not in _PLACES else None
        if t.bare[:1].isdigit() or t.bare in _COUNT_WORDS:
            counted = True
        elif t.bare == "من":
            partitive = True
        elif t.bare in PREPS or t.key[:1] in "بل" and t.key[1:2] == "ا":
            return None
    return None


def _ranks_hit(st: Sentence) -> list[Ment]:
    """Parties whose ranks a casualty count fell among (عشرون قتيلا في صفوف X، جرحى وسط X، خسائر بين صفوف X):
    the side that lost them, a few words after the count (no comma between)."""
    toks, out = st.toks, []
    for m in st.ments:
        k = m.ti - 1
        if k < 1 or toks[k].bare not in ("صفوف", "وسط") or m.prep is not None or m.ent.type in _PLACES:
            continue
        for x in range(k - 1, max(-1, k - 4), -1):
            if toks[x].key in _END or toks[x].key in CLAUSE_BREAK:
                break
            if toks[x].bare in _CASUALTY_COUNTS:
                out.append(m)
                break
    return out


#: Nouns of the dead and hurt that a count names, and of losses and captives (bare spelling).
_CASUALTY_COUNTS = frozenset(DEAD_NOUNS + HURT_NOUNS) | frozenset(bare(normalize(w)) for w in ("خسائر", "أسرى", "أسيرا"))


def _active(form: Form) -> Form:
    """The same kill trigger, read as an attack of its own rather than a casualty of another."""
    key = id(form)
    if key not in _ACTIVE_FORMS:
        _ACTIVE_FORMS[key] = replace(form, trig=replace(form.trig, cas=False))
    return _ACTIVE_FORMS[key]


def find_victims(st: Sentence, hits: list[Hit]) -> tuple[set[int], list[Hit]]:
    """(ids of the victim mentions of the sentence, the hits with active killings made attacks of their own)."""
    toks, victims = st.toks, set()
    sides: list[Ment] = []
    out = []
    for k, t in enumerate(toks):
        key = t.key
        if key in _DIE or key in _KILL:
            # (قتل خلالها العشرات من عناصر X: «in it», the event the clause hangs on, may stand between)
            at = k + 2 if k + 1 < len(toks) and toks[k + 1].bare in _IN_IT else k + 1
            counted = partitive_party(toks, at, st.ments)
            if counted is not None:  # قتل/أصيب العشرات من عناصر X: whichever voice, the counted died
                victims.add(id(counted))
                victims.update(id(m) for m in st.ments if m.ti == k + 1)  # (قتل مسلحون من X: they too)
                continue
            after = _subject_after(st, k)
            before = _subject_before(st, k)
            subj = after or before
            if subj is None and key in _DIE and (side := _counted_before(st, k)) is not None:
                victims.add(id(side))  # أن خمسة من عناصر X الموالي لـ Y لقوا مصرعهم: the counted died
                continue
            if subj is None or subj.ent.type in _PLACES:
                continue
            if key in _KILL and _can_kill(subj) and (
                    subj.ent.type != "MISC" or _object_follows(toks, subj.tj if subj is after else k + 1, st.ments)):
                continue  # قتلت جماعة بوكو حرام عشرة صيادين، المسلحون قتلوا ثلاثة: an active killer
            victims.add(id(subj))
        elif key in _DEATH_NOUNS:
            for m in st.ments:
                if k < m.ti <= k + 2 and m.prep is None:
                    if m.ent.type not in _PLACES and not opens_accusative(toks, m.tj) and \
                            not (m.tj < len(toks) and lam_object(toks[m.tj].key)):
                        victims.add(id(m))  # not in اعتقال الجيش ١٢ شخصا: an object follows, the genitive acts
                    break
            else:
                side = _counted_side(st, k)
                if side is not None:
                    sides.append(side)
    sides.extend(_ranks_hit(st))
    if len({m.ent.id for m in sides}) == 1:  # (مقتل ٤٤ من X واستشهاد ٨ من Y: two sides, the dyad rules read them)
        victims.update(id(m) for m in sides)
    for h in hits:
        t = h.form.trig
        if t.cas and h.form.verbal and toks[h.i].key in _KILL:
            subj = _subject_after(st, h.i) or _subject_before(st, h.i)
            if subj is not None and id(subj) not in victims and _can_kill(subj) and \
                    partitive_party(toks, h.i + 1, st.ments) is None:
                h = Hit(h.i, h.j, _active(h.form))
        out.append(h)
    return victims, out


def victims_not_actors(f: Frame, by_prefix_actor: Ment | None) -> None:
    """Who died or was hurt in the sentence is never an actor; of an attack, they are the recipients, and
    the attacker is who the text names (برصاص X، على يد X)."""
    victims = f.st.victims
    f.actor = [m for m in f.actor if id(m) not in victims]
    if not f.actor and by_prefix_actor is not None and id(by_prefix_actor) not in victims:
        f.actor = [by_prefix_actor]
    if not f.actor and f.assault and mutual_fight(f.toks[f.i].bare):
        # اشتباكات قتل خلالها العشرات من عناصر X: a clash has two sides, and one that lost men is one of them
        # (civilians killed in it are not a side)
        sides = {m.ent.id: m for m in f.ms if id(m) in victims and m.ent.type not in ("GPE", "LOC", "FAC") and
                 m.ent.sector != "CVL" and is_agent(m, True) and m.ent.id not in {x.ent.id for x in f.recip}}
        if len(sides) == 1:
            f.actor = list(sides.values())
            return
    if f.assault and not f.recip:
        actors = {m.ent.id for m in f.actor}
        f.recip = [m for m in f.ms if id(m) in victims and m.ent.id not in actors]
