"""Who a pronoun or a dropped subject stands for, by agreement: the actor of «وأضافت أنها ستقصف …».

Arabic drops the subject pronoun (pro-drop) and carries the subject's gender and number on the verb
(قصفت: feminine singular, هاجموا: masculine plural), and it attaches possessive pronouns to event nouns
(هجومهم "their attack", زيارته "his visit") and subject pronouns to complementizers (أنها "that she/it").
News continues the same actor across clauses and sentences this way, so an event whose own clause names no
party usually belongs to the nearest earlier party that agrees with that inflection. The rules here read
the inflection off the word and the agreement a party takes off its mention (`marsad.kb.agreement`:
persons by their given name, places and states feminine singular, human plurals masculine plural,
non-human plurals and most bodies feminine singular), and search the sentence first, then the two before
it, nearest first. A party governed by a preposition, a place phrase and a victim are never antecedents:
they are obliques, and the pronoun of a verb or a possessive is its subject or owner.
"""

from __future__ import annotations

from marsad.document import Document, Entity, Event
from marsad.events.lexicon import FORMS, Trigger
from marsad.events.tokens import (
    ADVERBS,
    AGENT_TYPES,
    TIME_ADVERBS,
    Ment,
    Sentence,
    Tok,
    apposed,
    is_agent,
    waw_between,
)
from marsad.kb.agreement import is_feminine_plural, is_human_plural, name_gender
from marsad.kb.titles import title_head
from marsad.text.normalize import normalize

__all__ = ["agrees_with_verb", "antecedent", "first_person", "has_object", "speaker_owns", "object_taken_back", "prior_parties", "overt_subject", "pronoun_party", "can_be_masculine_singular", "resumptive", "verb_features"]

Feats = tuple[str, str]  # (gender "m"/"f"/"*", number "sg"/"pl")

# Attached pronouns (longest first) and the features of what they stand for; the dual counts as plural.
_PRONOUNS: tuple[tuple[str, Feats], ...] = (("هما", ("*", "pl")), ("هم", ("m", "pl")), ("هن", ("f", "pl")),
                                             ("ها", ("f", "sg")), ("ه", ("m", "sg")))
# Complementizers carrying the subject pronoun (أنها ستقصف، بأنهم هاجموا).
_COMPLEMENTIZERS = ("بان", "لان", "وان", "فان", "ان")


def pronoun_features(key: str) -> Feats | None:
    """Features of the pronoun attached to `key` (a noun or a complementizer), or None."""
    for suf, feats in _PRONOUNS:
        if key.endswith(suf) and len(key) > len(suf) + 1:
            return feats
    return None


def complementizer_features(key: str) -> Feats | None:
    """أنه، أنها، بأنهم … : the features of the subject pronoun the complementizer carries."""
    for c in _COMPLEMENTIZERS:
        if key.startswith(c) and len(key) > len(c):
            rest = key[len(c):]
            for suf, feats in _PRONOUNS:
                if rest == suf:
                    return feats
    return None


def first_person(key: str) -> bool:
    """A verb in the first person plural (ندعو، نرحب، رحبنا): inside a quote, the speaker acts. Only نـ
    before an imperfect stem and the نا suffix are sure; a final ت may be the third person feminine."""
    w = key[1:] if key[:1] in "وف" and len(key) > 4 else key
    if len(w) >= 4 and w.endswith("نا") and (w[:-2] in FORMS and FORMS[w[:-2]].verbal):
        return True
    if len(w) >= 4 and w[0] == "ن" and w in FORMS and FORMS[w].verbal:
        stem = "ي" + w[1:]
        return stem in FORMS and FORMS[stem].verbal  # the same stem with يـ is the 3rd person: an imperfect
    return False  # أ+stem (أتهم) is spelt like a perfect (اتهم): never read as the first person


def verb_features(key: str) -> Feats | None:
    """Gender and number of the 3rd-person subject a verb form is inflected for; None when the form says
    nothing sure (a first or second person, a dual alif that may be a defective root's: دعا).

    Perfect: قصفوا m pl, قصفتا f dual, قصفت f sg, قصف m sg. Imperfect: يقصفون m pl, يقصفان dual, يقصف m sg,
    تقصف f sg (the 2nd person masculine spells the same; news narrates in the 3rd person)."""
    w = key
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    if len(w) > 3 and w[0] == "س" and w[1] in "يت" and not (w in FORMS and w[1:] not in FORMS):
        w = w[1:]  # future: سيقصف، ستقصف (not the root's س: سيطرت is a perfect)
    if len(w) < 3:
        return None
    for obj in ("هما", "هم", "ها", "ه"):  # an object pronoun: قصفوه، هاجمتها، يستهدفونهم
        if w.endswith(obj) and len(w) - len(obj) >= 3:
            w = w[: -len(obj)]
            if w.endswith("و"):
                w += "ا"
            break
    if w[0] == "ت" and "ي" + w in FORMS and not w.endswith(("وا", "ون", "ان")):
        # the ت is the stem's (forms V and VI: تعهد، تظاهر، تفاوض, whose imperfect is يتعهد, and whose
        # feminine imperfect is تتعهد): a perfect, 3rd person masculine singular
        return ("m", "sg")
    if w[0] in "يت" and len(w) >= 4:
        # a plural or dual ending only where the stem without it is itself a form (يقصفون → يقصف); else
        # the ن or the alif is the root's (يتعاون، تتعاون)
        if w.endswith(("ون", "وا")) and w[:-2] in FORMS:
            return ("m", "pl")
        if w.endswith("ان") and w[:-2] in FORMS:
            return ("*", "pl")
        if (w.endswith("ين") and w[:-2] in FORMS) or (w.endswith("ن") and w[:-1] in FORMS):
            return None  # feminine plural or 2nd person feminine: rare in news narration
        return ("f", "sg") if w[0] == "ت" else ("m", "sg")
    if w.endswith("وا"):
        return ("m", "pl")
    if w.endswith("تا"):
        return ("f", "pl")
    if w.endswith(("تم", "نا", "تما")):
        return None  # first or second person
    if w.endswith("ت"):
        return ("f", "sg")
    if w.endswith("ا"):
        # دعا، رمى: a defective root's perfect (three letters); قصفا، أكدا: a dual
        return ("m", "sg") if len(w) == 3 else ("*", "pl")
    return ("m", "sg")


def _takes(st: Sentence, m: Ment) -> frozenset[Feats]:
    """The verb agreements a party's mention can take as subject. Where the morphology says nothing sure
    (a foreign given name, a bare organisation name, a generic group) every reading is allowed."""
    e = m.ent
    if e.type == "GPE":
        # most country names take a feminine verb (أعربت مصر); a few are masculine (أعرب الأردن)
        return _ANY_SG if e.precision == "country" and e.country in _MASCULINE_COUNTRIES else _F_SG
    if e.type not in ("PER", "ORG", "MISC"):
        return _ANY
    words = normalize(st.doc.text[m.start:m.end]).split()
    if not words:
        return _ANY
    if e.type == "MISC":  # a generic party: aircraft and armour are things (المقاتلات شنت), never «هم»
        return _F_SG if words[0].removeprefix("ال") in _MACHINES else _ANY
    if e.type == "PER":
        g = name_gender(words)
        return frozenset({(g, "sg")}) if g else _ANY_SG
    head = words[0]
    if is_human_plural(head):
        return _M_PL  # المتمردون … هاجموا
    before = st.doc.text[max(0, m.start - 24):m.start].split()
    prev = normalize(before[-1]) if before else ""
    if prev and (is_human_plural(prev) or (prev.endswith("ي") and is_human_plural(prev + "ن"))):
        return _PLURAL_BODY  # مقاتلو الحزب هاجموا، عناصر التنظيم رفضوا: the members are the subject
    if is_feminine_plural(head):
        return _PLURAL_BODY  # القوات … تقدمت / تقدموا
    if head.endswith("ه") and len(head) > 3:
        return _F_SG  # الحكومة، حركة X، جبهة X
    if len(words) == 1 and not head.startswith("ال"):
        return _ANY  # a bare name (حماس، داعش): either gender, or the plural of its members
    return _ANY_SG  # الجيش، التحالف، حزب X: a singular noun heads it


#: Plurals of machines that stand for the force using them (المقاتلات، الطائرات الحربية): a non-human
#: plural agrees as a feminine singular (قصفت، استهدفتها)
_MACHINES = frozenset({"مقاتلات", "طايرات", "طيران", "دبابات", "مدرعات", "بوارج", "سفن", "زوارق",
                       "مروحيات", "مدفعيه", "راجمات"})
_F_SG = frozenset({("f", "sg")})
#: Countries whose Arabic names take a masculine verb (أكد العراق، أعرب الأردن), by ISO code: the state, never
#: a town of it (عمّان the capital is feminine; عُمان the country is not).
_MASCULINE_COUNTRIES = frozenset({"JOR", "IRQ", "LBN", "SDN", "MAR", "YEM", "BHR", "OMN", "SOM"})
_M_PL = frozenset({("m", "pl")})
_PLURAL_BODY = frozenset({("f", "sg"), ("m", "pl")})
_ANY_SG = frozenset({("m", "sg"), ("f", "sg")})
_ANY = frozenset({("m", "sg"), ("f", "sg"), ("m", "pl"), ("f", "pl")})


def _agrees(takes: frozenset[Feats], feats: Feats) -> bool:
    g, n = feats
    return any(n == tn and (g == "*" or g == tg) for tg, tn in takes)


def pronoun_agrees(st: Sentence, m: Ment, key: str) -> bool:
    """Whether the pronoun on a complementizer (أنه، أنها) can stand for `m`: the authorities are not «أنه»."""
    feats = complementizer_features(key)
    return feats is None or _agrees(_takes(st, m), feats)


def agrees_with_verb(st: Sentence, m: Ment, key: str) -> bool:
    """Whether `m`, standing before the verb `key` (SVO), can be its subject: there the verb agrees in
    gender and number (المسلحون هاجموا، الحكومة قررت); an uninflected form agrees with anything."""
    feats = verb_features(key)
    return feats is None or feats == ("m", "sg") or _agrees(_takes(st, m), feats)


def vso_agrees(st: Sentence, m: Ment, key: str) -> bool:
    """Whether `m`, after the verb `key`, can be its subject: a verb before its subject is singular but
    keeps its gender, and a feminine verb never has a masculine subject (دعت فيه حزبَ X: the party is
    the object). Only bodies whose head noun is surely masculine (حزب، مجلس، تنظيم) and masculine human
    plurals are ruled out, and only right after the verb or its resumptive (قيادة التحالف: the head
    decides): a foreign given name says nothing sure about gender."""
    if verb_features(key) != ("f", "sg") or not key.endswith("ت") or m.ent.type != "ORG" or m.ti < 1 or \
            st.toks[m.ti - 1].key not in (key, *_RESUMPTIVE):
        return True  # only a perfect's ت is sure (تظاهر may be a perfect); a noun before m heads the phrase
    words = normalize(st.doc.text[m.start:m.end]).split()
    head = words[0].removeprefix("ال") if words else ""
    return head not in _MASCULINE_HEADS and _takes(st, m) != _M_PL


_MASCULINE_HEADS = frozenset({"حزب", "مجلس", "تنظيم", "جيش", "تحالف", "اتحاد", "نظام", "حرس", "مكتب", "برلمان",
                              "جهاز", "وفد", "ايتلاف", "مرصد", "صندوق", "بنك", "فريق", "لواء", "فيلق"})


def antecedent(st: Sentence, ti: int, feats: Feats, assault: bool, exclude: set[str]) -> Ment | None:
    """The nearest party before token `ti` of the sentence, then in the two sentences before, that can be
    the subject agreeing with `feats`: not a place phrase, not after a preposition, not a victim, not one
    of `exclude` (the event's other party)."""
    for m in reversed(st.ments):
        if m.tj > ti:
            continue
        if m.prep is None and m.loc == 0 and id(m) not in st.victims and m.ent.id not in exclude and \
                is_agent(m, assault) and _agrees(_takes(st, m), feats):
            return m
    for m in reversed(st.context()):
        if m.ent.id not in exclude and is_agent(m, assault) and _agrees(_takes(st, m), feats):
            return m
    return None


def actor_mentions(ev: Event, ents: dict[str, Entity]) -> list[Ment]:
    """The mentions of a coded event's actors inside its own sentence (for a later sentence to refer to)."""
    out = []
    for aid in ev.actor:
        ent = ents.get(aid)
        sp = next((m for m in ent.mentions if ev.sentence.start <= m.start < ev.sentence.end), None) \
            if ent is not None else None
        if sp is not None:
            out.append(Ment(sp.start, sp.end, ent))
    return out


def prior_parties(doc: Document, events: list[Event], a: int, b: int) -> list[Ment]:
    """The parties that acted or spoke in [a, b) (the two sentences before), in text order: the actors of
    the events coded there and the speakers of the quotes. A dropped subject continues one of them — the
    topic of the discourse — far more often than any other party the sentences name."""
    ents = {e.id: e for e in doc.entities}
    out: list[tuple[int, Ment]] = []
    for ev in events:
        if a <= ev.trigger.start < b:
            out.extend((m.start, m) for m in actor_mentions(ev, ents))
    for q in doc.quotes:
        sp = q.speaker
        if sp is None or not (a <= q.cue.start < b):
            continue
        ent = ents.get(sp.entity) if sp.entity else None
        if ent is None:  # an unlinked speaker phrase: the party named inside it
            inner = [(m.start, e) for e in doc.entities if e.type in AGENT_TYPES for m in e.mentions
                     if sp.start <= m.start and m.end <= sp.end]
            if inner:
                start, ent = min(inner, key=lambda x: x[0])
                m0 = next(m for m in ent.mentions if m.start == start)
                out.append((m0.start, Ment(m0.start, m0.end, ent)))
            continue
        out.append((sp.start, Ment(sp.start, sp.end, ent)))
    out.sort(key=lambda x: x[0])
    return [m for _, m in out]


_RESUMPTIVE = frozenset(p + o for p in ("في", "علي", "من", "ب", "ل", "الي", "عن", "مع", "لدي") for o in ("ه", "ها", "هم"))


def has_object(key: str) -> bool:
    """An object pronoun on a verb form (دمرتها، قصفوه)."""
    for o in ("هما", "هم", "ها", "ه"):
        if key.endswith(o) and key[: -len(o)] in FORMS and FORMS[key[: -len(o)]].verbal:
            return True
    return False


def object_taken_back(toks: list[Tok], v: int, j: int) -> bool:
    """After a relative, the act's object pronoun takes the antecedent back — on the verb (الذي اعتقلته
    الشرطة) or on على/ضد after the whole trigger (الذي ألقي القبض عليه) — so the antecedent underwent it."""
    return has_object(toks[v].key) or (j + 1 < len(toks) and toks[j + 1].key in _AGAINST_PRONOUN)


_AGAINST_PRONOUN = frozenset(p + o for p in ("علي", "ضد") for o in ("ه", "ها", "هم", "هما"))


def resumptive(toks: list[Tok], v: int) -> bool:
    """The verb after a relative takes its antecedent back with a pronoun — an object suffix (يحاصرها) or a
    preposition with a pronoun right after it (انسحبت فيه) — so the antecedent is not its subject."""
    return has_object(toks[v].key) or (v + 1 < len(toks) and toks[v + 1].key in _RESUMPTIVE)


def overt_subject(toks: list[Tok], v: int, text: str = "") -> bool:
    """Whether the verb at v may have its subject written after it (وطالب مجمع الفقه، واستنكر يمنيون، ودعا
    البيان): then no earlier party is continued. A noun after a singular verb may be that subject; only a
    preposition, a complementizer or a clause break shows the subject is dropped (ودعا إلى، وطالب بـ). A
    plural verb carries its subject (VSO verbs are singular), so what follows it is the object."""
    feats = verb_features(toks[v].key)
    if feats is not None and feats[1] == "pl":
        return False
    k = v + 1
    while k < len(toks) and toks[k].bare in _ADVERBS:
        k += 1
    if k >= len(toks):
        return False
    key = toks[k].key
    if text and _possessed_object(toks[k], text) and toks[v].key[:1] in "وف":
        return False  # وقال X إن …. ودعا أنصارَه: a noun with a pronoun after a و-verb is its object
    if _judged_act(toks[v].key, key):
        return False  # كما انتقد عدمَ دعوته، رفض الاتفاقَ: what one judges is an act, never who judges
    return not (key in _PARTICLES or key in _BREAKS or (key[:1] in "بل" and not key.startswith("لا")
                                                          and toks[k].bare not in _SOURCE_NOUNS))


def _judged_act(verb: str, noun: str) -> bool:
    """A verb of judging or asking (انتقد، رفض، طالب) followed by an act: «عدم» or an event noun (not the
    protesters, who may be its subject: ودعا المعتصمون)."""
    f, g = FORMS.get(verb), FORMS.get(noun)
    return f is not None and f.verbal and f.trig.type in _JUDGING and (
        noun.removeprefix("ال") == "عدم" or (g is not None and not g.verbal and not g.trig.participant))


_JUDGING = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN"})


def _possessed_object(tok: Tok, text: str) -> bool:
    """A noun carrying a possessive pronoun (أنصاره، حكومتها، مواطنيه), not a noun in ة (منظمة) and not
    an office (رئيسه، نائبها), which may well be the subject (وقال رئيسها)."""
    key = tok.key
    if text[tok.end - 1] == "ة" or pronoun_features(key) is None or len(key) < 5:
        return False
    stem = next((key[: -len(s)] for s in ("هما", "هم", "ها", "ه") if key.endswith(s)), key)
    return not stem.startswith(("ال", "لل")) and title_head(stem) is None


def common_subject(toks: list[Tok], v: int, ments: list[Ment]) -> bool:
    """Whether a singular violent verb's subject is a definite common noun right after it that names no party
    (قصفت الطائرات مواقع X، استهدف الهجوم مقر X): the verb-subject-object order then puts a party that
    follows inside the object, so it is no actor, and no party before the verb is the subject either."""
    feats = verb_features(toks[v].key)
    if feats is not None and feats[1] != "sg" or v >= 1 and toks[v - 1].key.lstrip("وف") in _RELATIVE:
        return False  # a plural verb carries its subject; a relative clause's verb describes its antecedent
    k = v + 1
    while k < len(toks) and toks[k].bare in _ADVERBS:
        k += 1
    if k >= len(toks) or any(m.ti <= k < m.tj for m in ments):
        return False
    key = toks[k].key
    if key.endswith(("ي", "يون", "يين")) or k + 1 < len(toks) and any(
            m.ti == k + 1 and m.ent.type == "PER" for m in ments):
        return False  # an adjective (قصفها الجوي: a noun) or a descriptor before a name (الضابط فلان)
    return key.startswith("ال") and len(key) > 4 and key not in _PARTICLES and key not in _RELATIVE and \
        toks[k].bare not in _TIME_NOUNS and title_head(key) is None  # (the loop above skipped _ADVERBS)


def common_subject_adjectives(toks: list[Tok], v: int, ments: list[Ment]) -> list[int]:
    """The tokens that may be adjectives of the common-noun subject after the verb (قصفت المدفعية التركية،
    المدفعية الثقيلة الروسية): the first two definite words after the noun, outside any party's mention;
    none where the verb has no such subject."""
    if not common_subject(toks, v, ments):
        return []
    k = v + 1
    while toks[k].bare in _ADVERBS:
        k += 1
    if toks[k].bare not in _ARMS:
        return []  # (قُتل الطفل الفلسطيني: a person after a killing verb may be its passive subject, the victim)
    out = []
    for a in (k + 1, k + 2):
        if a >= len(toks) or not toks[a].key.startswith("ال") or any(m.ti <= a < m.tj for m in ments):
            break
        out.append(a)
    return out


#: Common nouns of armed means whose nationality names who fights with them (المدفعية التركية).
_ARMS = frozenset({"مدفعيه", "طايرات", "طايره", "طيران", "مقاتلات", "مقاتله", "قوات", "بحريه", "دبابات", "مروحيات",
                   "قاذفات", "بوارج", "بارجه", "سفن", "زوارق", "صواريخ", "راجمات", "وحدات", "قطع", "غواصه",
                   "مدرعات", "قناصه", "دوريات", "دوريه", "مسيره", "مسيرات", "دفاعات"})


def generic_names_party(toks: list[Tok], v: int, ments: list[Ment]) -> bool:
    """Whether the agent noun right after the verb only heads a party named next to it, which is then the
    subject: in construct (قوات النظام، فصائل «X»), with a nationality (السلطات الأردنية), joined by و
    (المحكمة والحكومة X), or a title before its holder's name (وزير الدفاع الأمريكي فلان)."""
    first = next((m for m in ments if m.ti > v + 1), None)
    if first is None or v >= 1 and toks[v - 1].key.startswith("ال") and toks[v - 1].key not in _RELATIVE and \
            not any(m.ti <= v - 1 < m.tj for m in ments):
        return False  # a noun before the verb is its subject (الغارات دمرت قوات X): what follows is the object
    k = v + 2
    while k < first.ti and toks[k].key in ('"', "«", "'"):
        k += 1
    if first.ti == k and first.prep is None and (not toks[v + 1].key.lstrip("وف").startswith("ال") or
                                                 first.ent.type == "GPE" or toks[k].key[:1] == "و"):
        return True  # (a definite title with a name right after it is read below: الرئيس فلان)
    holder = next((m for m in ments if v + 1 < m.ti <= v + 5 and m.ent.type == "PER"), None)
    # a titled name is the subject of a verb of meeting only with an object after it (التقى الوزير فلان
    # رئيسَ …) or on the verb (استقبله الوزير فلان); alone it is the object of a dropped subject (حيث التقى
    # وزير الخارجية فلان): whom one meets or visits is named right after the verb
    form = FORMS.get(toks[v].key)
    if holder is None:
        return False
    app = int(apposed(toks, holder.ti, holder.tj))  # (the comma before the name does not end the title)
    return title_head(toks[v + 1].key) is not None and \
        not any(toks[x].key in _BREAKS for x in range(v + 2, holder.ti - app)) and \
        (form is None or form.trig.type != "CONSULT" or has_object(toks[v].key) or any(
            m.ti >= holder.tj and m.ti - holder.tj <= 6 and m.prep is None and not waw_between(toks, holder.tj, m.ti)
            for m in ments) or _object_after(toks, holder.tj + app))



def _object_after(toks: list[Tok], k: int) -> bool:
    """An object stands at token k, past adverbs of time: an accusative, or an office named by its
    title alone (استقبل الرئيس فلان أمس رئيسَ الوزراء الليبي)."""
    while k < len(toks) and toks[k].bare in TIME_ADVERBS:
        k += 1
    return k < len(toks) and (_accusative(toks, k) or title_head(toks[k].key) is not None)



# Adverbs with the accusative ending -an: no object (قال الوزير فلان أيضا، التقى الرئيس فلان مجددا).
_AN_ADVERBS = frozenset({"ايضا", "مجددا", "سابقا", "لاحقا", "حاليا", "موخرا", "رسميا", "شخصيا", "فعلا", "تماما",
                         "جدا", "اولا", "ثانيا", "اخيرا", "غدا", "صباحا", "مساء", "ليلا", "نهارا", "يوميا", "هاتفيا"})


def _accusative(toks: list[Tok], k: int) -> bool:
    """Token k is an object whatever it names: an indefinite accusative noun (أطرافًا، قرارا) or a noun
    of relation with a possessive (نظيره، نظراءه، نظيرتها): not a preposition's (به، له) or a particle's."""
    if k >= len(toks):
        return False
    key = toks[k].key
    if len(key) >= 4 and key.endswith("ا") and not key.startswith(("ال", "وال")) and key not in _AN_ADVERBS:
        return True
    return key.startswith(_COUNTERPARTS)


#: Nouns of relation that stand as the object of a meeting (نظيره، نظراءه، نظيرته، نظرائه).
_COUNTERPARTS = ("نظير", "نظرا")


# Time nouns that may stand right after a verb as adverbs (قصفت الليلة، قتل يوم الأحد): not its subject
# (the other weekdays are in _ADVERBS).
_TIME_NOUNS = frozenset({"ليله", "صباح", "مساء", "فجر", "ظهر", "عصر", "اسبوع", "شهر", "عام", "سنه", "جاري",
                         "ماضي", "حالي", "اخير", "اخيره", "ساعه", "احد"})


# What may follow a verb whose subject is dropped: a preposition, a complementizer, a clause break.
_PARTICLES = frozenset({"الى", "الي", "على", "علي", "في", "عن", "من", "مع", "ان", "انه", "انها", "انهم", "بان",
                        "بانه", "بانها", "الا", "خلال", "امام", "ضد", "بين", "لدى", "لدي", "حتي", "عبر"})
_BREAKS = frozenset({"،", ",", "؛", ";", ":", ".", "«", '"'})
_ADVERBS = ADVERBS
# Nouns starting with ب/ل that are subjects, not a preposition (بيان، لجنة).
_SOURCE_NOUNS = frozenset({"بيان", "لجنه", "بلديه", "بلد", "بلدان", "لواء"})
_OPENERS = frozenset({"ثم", "كما", "حيث", "قد", "لقد", "وقد", "فقد", "كذلك", "بينما", "فيما", "حين", "عندما",
                      "بعدما", "لكنه", "ولكنه", "لكن", "ولكن", "اذ", "اذا", "كان", "وكان", "لم", "ولم", "لن", "ولن",
                      "لا", "ولا", "ما", "سوف", "ان", "وان", "بعد", "قبل", "عقب", "فور", "كانت", "وكانت"})


def _causative(b: str) -> bool:
    """A masdar of the تفعيل or استفعال pattern (تفجيرها، تدميره، استهدافهم): transitive, so its pronoun is
    mostly the object (detonating them), not the agent as in هجومهم، زيارته."""
    for suf in ("هما", "هم", "ها", "ه"):
        if b.endswith(suf):
            b = b[: -len(suf)]
            break
    return (len(b) == 5 and b[0] == "ت" and b[3] == "ي") or b.startswith("است")


def _opens_clause(toks: list[Tok], v: int) -> bool:
    """The verb at v starts a clause: the sentence's first word, after a comma or a clause opener, or
    with و/ف attached (وأضاف)."""
    if v == 0 or toks[v].key[:1] in "وف":
        return True
    prev = toks[v - 1].key
    return prev in _OPENERS or prev in ("،", ",", "؛", ";", ":", ".", "«", '"')


# Violent and coercive verbs are often passive (قُتل، استُهدفت حافلة), which the script does not show: only a
# plural inflection (هاجموا، يقصفون) is read as a dropped subject for them.
_PASSIVE_PRONE = frozenset({"ASSAULT", "COERCE"})
_RELATIVE = frozenset({"التي", "الذي", "الذين", "اللتين", "اللذين", "اللذان", "اللتان", "من", "ما"})


def pronoun_party(st: Sentence, v: int, j: int, verbal: bool, possessive: bool, trig: Trigger,
                  assault: bool, exclude: set[str]) -> Ment | None:
    """The party a dropped subject (a verb at `v` with no subject found), a subject pronoun on the
    complementizer before it (أنها ستقصف) or a possessive on an event noun (هجومهم) stands for."""
    toks = st.toks
    if verbal:
        if st.doc.text[toks[v].end - 1] == "ة":
            return None  # a taa marbuta in the text: a noun (دعوة), not a verb with a pronoun (دعوه)
        pre = toks[v - 1].key if v >= 1 else ""
        if pre in _RELATIVE:
            return None  # the relative's antecedent is the subject, read by the role rules
        feats = complementizer_features(pre)
        if feats is None:
            if trig.cas:
                return None
            feats = verb_features(toks[v].key)
            if feats is not None and trig.type in _PASSIVE_PRONE and feats[1] != "pl" and not has_object(toks[v].key) \
                    and not (feats == ("f", "sg") and toks[v].key[:1] in "وف" and not overt_subject(toks, v)):
                return None  # (a verb with an object pronoun is active: دمرتها; a feminine passive has its
                # subject after it, so a coordinated «وسيطرت على المدينة», a preposition next, is active)
            if not _opens_clause(toks, v):
                return None  # a dropped subject starts its clause; else a noun stands before the verb as its
                # subject (لا أحد يقبل …), or the form is a noun (عملية سحب القوات)
    else:
        # a possessive before a بـ complement is the object (اتهامه بالتخابر: accusing him of spying)
        obj = j + 1 < len(toks) and toks[j + 1].key[:1] == "ب"
        # the pronoun of a death noun is who died (لقوا مصرعهم), never who killed
        feats = pronoun_features(toks[j].key) if possessive and not obj and not trig.cas and \
            not _causative(toks[j].bare) else None
    if feats is None:
        return None
    return antecedent(st, v, feats, assault, exclude)


def can_be_masculine_singular(st: Sentence, m: Ment) -> bool:
    """Whether a party can be the subject of a masculine singular form (a participle such as مطالبا)."""
    return _agrees(_takes(st, m), ("m", "sg"))


def opens_quote(st: Sentence, j: int) -> bool:
    """Whether token j is among the first three words of what a speaker said or announced."""
    span = st.quote_at(st.toks[j].start)
    if span is None:
        return False
    first = next((k for k, t in enumerate(st.toks) if t.start >= span[0]), None)
    return first is not None and first <= j <= first + 2


def speaker_owns(st: Sentence, j: int, speaker: Ment) -> bool:
    """أعربت الكويت عن إدانتها، أعلن الأردن رفضه: an event noun among the first words of what a speaker
    expressed, whose possessive pronoun agrees with the speaker, names the speaker's own act."""
    if not opens_quote(st, j):
        return False
    tok = st.toks[j]
    if st.doc.text[tok.end - 1] == "ة" or tok.key.lstrip("وفبل").startswith("ال"):
        return False  # a taa marbuta (الهدنة) or the article: no possessive pronoun
    feats = pronoun_features(tok.key)
    return feats is not None and _agrees(_takes(st, speaker), feats)
