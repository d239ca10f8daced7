"""To whom an event is done: the party aimed at (على/ضد X، استهدف X), a bare object after the subject, the
party met, visited, helped or asked, and the side that loses ground (من قبضة X). Runs after the actor
rules of `roles`, on the same `Frame`, and never takes a party already the actor."""

from __future__ import annotations

from marsad.events.dyads import coordinated, mutual_fight
from marsad.events.evaluated import OWNED, member_of, members_of
from marsad.events.frame import Frame
from marsad.events.tokens import AGENT_TYPES, Ment, Tok, is_agent, is_place, phrase_start, unclitic

__all__ = ["AGAINST", "AIMED", "losing_side", "recipient"]


def recipient(f: Frame, taken: set[str]) -> None:
    """The على/ضد phrase after the trigger, else the bare object after the subject."""
    toks, j, assault, trig = f.toks, f.j, f.assault, f.trig
    last = max([m.tj for m in f.actor if m.ti > j] + [j + 1])
    for m in f.after:
        if m.ti >= f.end or m.ent.id in taken:
            continue
        k0 = max(j + 1, m.ti - 5)
        on = any(toks[k].bare in AGAINST or unclitic(toks[k].bare) in AGAINST for k in range(k0, m.ti))
        if m.prep in ("من", "في") and m.ti >= 1 and member_of(toks, m.ti - 1) and trig.type in AIMED and \
                m.ent.type in AGENT_TYPES:
            f.recip = [m]  # أسرت القوات 9 مقاتلين من الجماعة، طالب الأعضاء في الحزب: their group
            break
        if trig.type in AIMED and members_of(toks, m, last) and m.ent.type in AGENT_TYPES:
            f.recip = [m]  # قتلت القوات عددا من مسلحي الجماعة: whose men they are
            break
        if trig.type in AIMED and m.ti >= 1 and unclitic(toks[m.ti - 1].bare) in OWNED and m.prep == "ل" and \
                m.ti - max(j, last) <= 8 and is_agent(m, False):
            f.recip = [m]  # استنكر قيام مسلحين تابعين للحزب بـ …، قصف مواقع تابعة للجيش: whose they are
            break
        if trig.type in AIMED and m.prep == "ل" and m.ti >= 1 and toks[m.ti - 1].key in _HOLDINGS and \
                m.ti - j <= 8 and is_agent(m, False):
            f.recip = [m]  # قصفت المدفعية مواقع لوحدات X، دمرت آليات للحوثيين: an indefinite holding's owner
            break
        if m.prep == "مع" and trig.type in ("CONSULT", "AGREE", "COOPERATE", "SUPPORT") and m.lead - j <= 4 and \
                (is_agent(m, False) or m.ent.type == "GPE"):
            f.recip = [m]  # مباحثاته مع الوزير اللبناني، تضامنها مع الأردن
            break
        if m.prep == "مع" and trig.type == "ASSAULT" and m.lead - j <= 4 and is_agent(m, assault) and \
                mutual_fight(toks[f.i].bare):
            f.recip = coordinated(f.after, m, toks, assault)  # اشتباكات مع X، اشتبكوا مع X: the other side
            break
        if m.prep == "ب" and trig.type == "CONSULT" and m.lead - max(j, last) <= 2 and is_agent(m, False):
            f.recip = [m]  # التقى بالرئيس X، اجتمع بوزير الخارجية X: whom one meets
            break
        if trig.cameo in ("042", "043") and m.ent.type == "GPE" and m.ent.precision == "country" and (
                (m.ti - j <= 2 and m.prep in (None, "ل")) or (m.ti - j <= 6 and m.prep in ("ل", "الى", "الي"))):
            f.recip = [m]  # زيارته تونس، زيارة للأردن، زيارة استغرقت يومين إلى مصر: the host country
            break
        if m.prep in ("على", "علي", "ضد", "بحق") or on:
            if is_agent(m, assault) or (m.ent.type == "GPE" and m.ent.precision == "country" and not assault):
                f.recip = [m]
            elif is_place(m.ent) and f.target_place is None:
                f.target_place = f.st.ments.index(m)
            break
        if f.verbal and m.prep is None and m.loc == 0 and 0 <= phrase_start(m) - last <= 3 and is_agent(m, assault):
            # (the object's title phrase counts from its start: استقبل X في عمّان وزيرَ الدفاع الفرنسي Y)
            f.recip = coordinated(f.after, m, toks, assault)
            break
        if not f.verbal and last > j + 1 and (is_agent(m, assault) or _country(m)) and (
                (m.prep == "ل" and phrase_start(m) - last <= 1) or _lam_holding(toks, m, last)):
            # اعتقال الشرطة للناشط X، قصف القوات لمواقع X: a verbal noun's object follows its doer after ل
            f.recip = [m]
            break
        if not f.verbal and last > j + 1 and m.prep is None and _country(m) and m.ti == last and \
                any(_country(x) for x in f.actor):
            f.recip = [m]  # اجتياح إسرائيل لبنان: two countries in a row are no apposition; the second is the object
            break
        if m.prep == "ل" and trig.type in ("AID", "SUPPORT", "REQUEST", "COOPERATE", "ACCUSE") and \
                m.ti - j <= 6 and is_agent(m, assault):
            f.recip = [m]
            break
        if m.ti - j > 10:
            break


#: Indefinite nouns of what a force holds (مواقع، مقرات، آليات): «X لـY» is Y's, and attacking it attacks Y.
_HOLDINGS = frozenset({"مواقع", "موقعا", "مقرات", "مقرا", "مقر", "مراكز", "مركزا", "تجمعات", "تجمعا", "اليات", "اليه",
                       "اليتين", "مخازن", "مخزنا", "معسكرات", "معسكرا", "ثكنات", "ثكنه", "نقاط", "نقطه", "تحصينات",
                       "قواعد", "قاعده", "منصات", "مستودعات", "مستودعا", "دوريه", "دوريات", "رتلا", "رتل", "عربات",
                       "دبابات", "مدرعات", "عناصر", "مقاتلين", "قياديين"})


def _country(m: Ment) -> bool:
    """A country after a preposition: `is_agent` reads it as a place (في العراق), but after a verbal noun's
    doer, لـ makes it the object (غزو العراق للكويت، تهديد إيران للسعودية)."""
    return m.ent.type == "GPE" and m.ent.precision == "country" and m.loc == 0


def _lam_holding(toks: list[Tok], m: Ment, last: int) -> bool:
    """«لمواقع X» right after the doer of a verbal noun: X's holdings are the object."""
    k = m.ti - 1
    return k - last <= 1 and k >= 0 and toks[k].key[:1] == "ل" and toks[k].key[1:] in _HOLDINGS


# Words after which a party is the one hit or aimed at (على مواقع X، ضد X، استهدف X، طالت X).
AGAINST = frozenset({"على", "علي", "ضد", "بحق", "تجاه", "استهداف", "استهدف", "استهدفت", "استهدفوا",
                      "يستهدف", "تستهدف", "مستهدفا", "مستهدفه", "طال", "طالت"})
#: Event types with a party aimed at (attacked, arrested, accused, asked, threatened, sanctioned).
AIMED = frozenset({"ASSAULT", "COERCE", "ACCUSE", "REQUEST", "THREATEN", "SANCTION"})


def losing_side(f: Frame, taken: set[str]) -> None:
    """تحرير/طرد … من قبضة (سيطرة، أيدي) X: X is the side losing ground."""
    toks, j = f.toks, f.j
    for m in f.after:
        if m.ti >= f.end or m.ti - j > 8 or m.ent.id in taken:
            continue
        if m.ti >= 2 and toks[m.ti - 1].bare in ("قبضه", "سيطره", "ايدي", "يد") and \
                toks[m.ti - 2].bare == "من" and is_agent(m, False):
            f.recip = [m]
            break
