"""Who a counted or member phrase stands for: «العشرات من رجال الأمن»، «عشرون من المقاتلين الأجانب لـX»،
«مسؤول رفيع في الوزارة». The count or the members are the grammatical subject; the body they belong to is
the party that acts. Split from `anaphora`, which reads subjects the same way.
"""

from __future__ import annotations

from marsad.events.tokens import QUANTITIES, Ment, Tok

__all__ = ["MEMBER_NOUNS", "members_of", "partitive_party"]

#: Nouns for a body's fighters or members: the party is their genitive (عناصر الحوثيين، مقاتلو الجبهة).
_MEMBERS = frozenset({"افراد", "عناصر", "مقاتلي", "جنود", "اعضاء", "منتسبي", "مسلحي", "ضباط", "رجال", "انصار",
                      "مناصري", "عسكريي", "مسلحون", "مسلحين", "مقاتلون", "مقاتلين"})
_MEMBER_CHAIN = _MEMBERS | frozenset({"قاده", "قيادات", "كوادر", "قوات"})  # (never after a preposition)
# Nouns for some of a body's people that take it after في (قيادات في الحركة، مسؤولون في الوزارة، عناصر في
# الشرطة): the body is the party, as after من. A count (عشرات في …) is no such noun: there في names a place.
MEMBER_NOUNS = _MEMBERS  # (public: the agent phrases, على يد مسلحي X, and the topic of إنّ, عناصر X)
_OF_BODY = _MEMBERS | frozenset({"قيادات", "قياديون", "قياديين", "قيادي", "قاده", "مسوولون", "مسوولين",
                                  "مسوول", "زعماء", "ضابط", "عنصر", "عضو", "نواب", "موظفون", "موظفين",
                                  "كوادر"})


#: Nouns that take the body they speak or vote for after في but count no members of it after من:
#: sources in a ministry, a majority in a parliament (مصادر في الحكومة، غالبية في المجلس).
_IN_BODY = _OF_BODY | frozenset({"مصادر", "مصدر", "غالبيه", "اغلبيه", "اكثريه"})
#: Indefinite adjectives of rank that stand between such a noun and في (قيادي بارز في، مسؤولون كبار في).
_RANK_ADJECTIVES = frozenset({"كبار", "كبير", "بارز", "بارزون", "بارزين", "رفيع", "رفيعو", "رفيعي", "سابق",
                              "سابقون", "سابقين", "مطلع", "مطلعه", "مقرب", "مقربه", "مسوول", "رسمي", "رسميه"})


def members_of(toks: list[Tok], m: Ment, ms: list[Ment]) -> bool:
    """Whether party `m` is the genitive of a member noun (عناصر الحوثيين، مقاتلو الجبهة): the members
    are the subject, and the verb agrees with them (a non-human plural, feminine singular), not with `m`."""
    k = m.ti - 1
    return m.prep is None and k >= 0 and toks[k].bare in _MEMBERS and not any(x.ti <= k < x.tj for x in ms)


def _past_adjectives(toks: list[Tok], k: int, ments: list[Ment]) -> int:
    """The token after at most two indefinite adjectives from `k` (مسؤول أمني رفيع، مصادر دبلوماسية):
    a relative adjective (-ي، -ية، -يون، -يين) or a word of rank, never a mention's word."""
    for _ in range(2):
        if k >= len(toks) or any(m.ti <= k < m.tj for m in ments):
            break
        b = toks[k].bare
        if toks[k].key.startswith(("ال", "لل", "وال", "بال")) or not (b in _RANK_ADJECTIVES or len(b) > 3 and b.endswith(("ي", "يه", "يون", "يين"))):
            break
        k += 1
    return k


_QUOTE_MARKS = frozenset({'"', "«", "'", "“"})


def partitive_party(toks: list[Tok], k: int, ments: list[Ment]) -> Ment | None:
    """The party that a quantity at token `k` counts members of (اقتحم العشراتُ من رجال الأمن، شارك نفر من
    عناصر الجيش): the quantity is the subject, so the party is who acts. None when `k` is no such phrase."""
    if k >= len(toks) or not (toks[k].bare in QUANTITIES or toks[k].bare in _IN_BODY or toks[k].bare.isdigit()):
        return None  # (a member noun counts too: عناصر من داعش هاجموا، قيادات في حماس اعتقلت)
    head = toks[k].bare
    k += 1
    if head in _IN_BODY:
        k = _past_adjectives(toks, k, ments)  # مسؤول أمني رفيع في الوزارة، مصادر دبلوماسية في الحكومة
        if k < len(toks) and toks[k].key[:1] == "و" and toks[k].key[1:] in _OF_BODY:
            k += 1  # كوادر وقادة في الحركة: two member nouns joined by و share the body
    if k + 1 < len(toks) and toks[k].key == "في" and head in _IN_BODY:
        # (a place after في is where they are: مسلحون في سيناء)
        return next((m for m in ments if m.ti == k + 1 and m.prep == "في" and m.ent.type in ("ORG", "PER", "MISC")), None)
    if k + 1 < len(toks) and toks[k].key == "من":
        k += 1
        member = False
        for _ in range(2):  # a member noun takes the party as its genitive (من رجال الأمن، من قادة قوات X)
            if toks[k].bare in _MEMBER_CHAIN and not any(m.ti <= k < m.tj for m in ments) and k + 1 < len(toks):
                member, k = True, k + 1
        head_end = k
        definite = member and toks[k - 1].key.startswith("ال")
        while k < len(toks) and (toks[k].key in _QUOTE_MARKS or definite and _definite_adjective(toks[k], k, ments)):
            k += 1  # ستة من عناصر «X»، عشرون من المقاتلين الأجانب لـX: past a definite adjective, لـ joins the party
        owned = definite and k > head_end  # (not «استسلم العشرات من الجنود للثوار»: to whom they surrendered)
        return next((m for m in ments if m.ti == k and (m.prep is None or not member or owned and m.prep == "ل")),
                    None)
    return None


def _definite_adjective(t: Tok, k: int, ments: list[Ment]) -> bool:
    """A definite word that is no mention's and carries no preposition: an adjective of the member noun
    before it (المقاتلين الأجانب، العناصر المسلحة)."""
    return t.key.startswith("ال") and not t.key.startswith("لل") and not any(m.ti <= k < m.tj for m in ments)
