"""«هاجم» and «هجوم» in political news are as often words as weapons: «هاجم الوزير سياسة الحكومة», «شنّ
هجوماً شديداً على الرئيس بسبب تصريحاته», «هاجمت الصحيفة تشكيك X». What is attacked tells them apart: a
person, a civil body (a party, a court, the press, an international organisation) or a thing said or decided
is criticised, unless the sentence has anything of force in it — arms, fighters, positions, casualties —
which makes the same words an armed attack («هاجم مسلحون منزل النائب», «هجوم على موكب الرئيس أسفر عن
مقتل …»). Criticism is the speaker's ACCUSE, not an ASSAULT.
"""

from __future__ import annotations

from marsad.events.lexicon import bare_prefixes
from marsad.events.tokens import CLAUSE_BREAK, POSITIONS, Hit, Ment, Tok, unclitic

__all__ = ["verbal_attack"]


#: What is said, decided or believed (prefixes of the bare spelling): what only words attack.
_DISCOURSE = bare_prefixes("تصريح تصريحات سياسة سياسات موقف مواقف قرار قرارات اتفاق الاتفاق إعلام الإعلام وسائل "
                       "صحيفة صحف خطاب دعوة دعوات تقرير بيان الأديان أديان الدين الإسلام تشكيك أداء نهج منهج "
                       "فكر أفكار مقال رواية فيلم برنامج حملة خطة مشروع")
#: Anything of force in the sentence (prefixes): arms, fighters, blasts, casualties, convoys and checkpoints.
_FORCE = bare_prefixes("مسلح مسلحون مسلحين انتحاري قنبلة قنابل صاروخ صواريخ قذيفة قذائف مفخخ عبوة ناسف رصاص "
                   "أسلحة سلاح بالأسلحة قتل قتيل قتلى مقتل جرح جريح جرحى إصابة إصابات أصيب استشهد شهيد شهداء "
                   "غارة غارات طائرة طائرات دبابة مدفع هاون اشتباك اشتباكات معارك معركة تفجير انفجار حاجز "
                   "دورية كمين موكب طعن سكين مقاتل مقاتلي مقاتلين ميليشيا مليشيا عسكري عسكرية جنود جندي قوات "
                   "اقتحام اقتحم خطف اختطاف هجمات إرهابي إرهابية")
#: Civil bodies: what words, not arms, are aimed at (ORG/MISC sectors).
_CIVIL = frozenset({"IGO", "NGO", "MED", "LEG", "JUD", "PTY"})


def _attack_word(key: str) -> bool:
    k = key.lstrip("وف")
    return "هجوم" in k or "هاجم" in k


def verbal_attack(toks: list[Tok], h: Hit, ments: list[Ment]) -> bool:
    """Whether an attack word here is criticism: a person, a civil body or a thing said or decided is what it
    is aimed at (within six words after the verb, or after the noun's «على», in its clause), and nothing of
    force is in the sentence."""
    if not _attack_word(toks[h.i].key):
        return False
    starts = {m.ti: m for m in ments}
    aimed = False
    ala = h.form.verbal  # a noun attacks what follows its «على»; a verb, its subject or object
    for k in range(h.j + 1, min(len(toks), h.j + 7)):
        if toks[k].key in CLAUSE_BREAK or toks[k].key == ".":
            break
        if toks[k].bare in ("علي", "على"):
            ala = True
            continue
        if not ala:
            continue  # (المسؤولة عن الهجوم فلان: the person after the noun is no target)
        m = starts.get(k)
        if m is not None:
            if m.ent.type == "PER" or (m.ent.type in ("ORG", "MISC") and m.ent.sector in _CIVIL):
                aimed = True
            break  # the first party named decides: an armed body or a place is attacked with arms
        if unclitic(toks[k].bare).startswith(_DISCOURSE):
            aimed = True
            break
    if not aimed:
        return False
    return not any(t.bare in POSITIONS or unclitic(t.bare) in POSITIONS or unclitic(t.bare).startswith(_FORCE)
                   or t.bare.startswith(_FORCE) for t in toks)
