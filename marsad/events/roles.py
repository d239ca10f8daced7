"""Argument assignment: who did it (actor), to whom (recipient), and which place was hit (target).

No parser: Arabic news clauses are short and formulaic, so positional rules over the entity mentions of
the sentence recover who did what to whom most of the time:

* verbal clause (the trigger is a verb, or a noun after a support verb: `شنّ … غارات`): the actor is the
  first agent mention right after the verb (VSO: `أدانت موسكو`) or, failing that, the nearest agent before
  it (SVO: `المقاتلات التركية التي تشن غارات`); the recipient is the phrase after على/ضد (`على مواقع
  تابعة لتنظيم داعش`) or the bare object after the subject (`اتهمت المعارضة النظامَ`);
* nominal trigger (`غارات التحالف على …`, `غارات للتحالف`, `اغتيال X`, `قصف من قبل X`): the genitive is
  the actor, or the victim for nouns like اغتيال/اعتقال; a nationality adjective (`مقاتلات روسية`) stands for
  the country when the document mentions it;
* `تعرّضت X لقصف`: X is the target (a place: the location).

The rules run in a fixed order over one `Frame`, each filling what the earlier ones left empty.
"""

from __future__ import annotations

from marsad.events.agents import INSTRUMENT, by_prefix_actor
from marsad.events.anaphora import (
    agrees_with_verb,
    common_subject,
    first_person,
    generic_names_party,
    object_taken_back,
    opens_quote,
    overt_subject,
    pronoun_agrees,
    pronoun_party,
    resumptive,
    speaker_owns,
    verb_features,
    vso_agrees,
)
from marsad.events.charges import accused_party, charged
from marsad.events.clauses import (
    adjacent_subject,
    after_an_object,
    common_noun_subject,
    complementizer_topic,
    fronted_subject,
    possessed_subject,
    reported_subject,
    subject_before_relative,
    subject_then_resumptive,
    titled_holder,
    whoever,
)
from marsad.events.continued import continued_actor
from marsad.events.dyads import (
    DYADIC,
    between_sides,
    coordinated,
    dual_parties,
    occurring_sides,
    the_two_sides,
)
from marsad.events.evaluated import (
    OWNED,
    adjective_country,
    claimant,
    evaluated_party,
    lam_object,
    opens_accusative,
    received,
    undergone,
    undertaker,
)
from marsad.events.frame import Frame
from marsad.events.governed import (
    behind,
    dropped_governor_subject,
    governing_subject,
    main_clause_subject,
    masdar_of_subject,
    support_masdar_subject,
)
from marsad.events.lexicon import FORMS, bare, verb_trigger
from marsad.events.nationality import adjective_actor, envoy_subject, subject_nationality
from marsad.events.participants import represented_body
from marsad.events.partitive import members_of, partitive_party
from marsad.events.recipients import AGAINST, AIMED, losing_side, recipient
from marsad.events.senses import FORCE, civilians, policed
from marsad.events.tokens import (
    AGENT_TYPES,
    ARABIC,
    CLAUSE_BREAK,
    GENERIC_AGENTS,
    POSITIONS,
    PREPS,
    RELATIVE,
    TIME_ADVERBS,
    Hit,
    Ment,
    Sentence,
    Tok,
    fine_place,
    is_agent,
    is_place,
    participle,
    phrase_start,
    unclitic,
)
from marsad.events.victims import victims_not_actors
from marsad.kb.metonymy import CAPITALS
from marsad.kb.titles import title_head
from marsad.kb.tokens import norm_key
from marsad.text.normalize import normalize

__all__ = ["roles"]

_TAARRUD = frozenset(bare(normalize(w)) for w in (
    "تعرض", "تعرضت", "تعرضوا", "يتعرض", "تتعرض", "يتعرضون", "تعرضها", "تعرضه", "تعرضهم"))
# A subject pronoun before the verb (أعلنت روسيا أنها ستساعد دمشق): the subject is not after the verb.
_PRON_SUBJ = frozenset({"انها", "انه", "انهم", "انهما", "بانها", "بانه", "بانهم", "لانها", "لانه", "وانها",
                        "وانه", "انني", "اننا", "انا", "نحن", "هو", "هي", "هم", "التي", "الذي",
                        "الذين", "اللتين", "اللذين", "فانها", "فانه", "فانهم", "وانهم", "لانهم"})
# Relative pronouns: the subject of the verb after them is the noun before them (their antecedent).
_RELATIVE = RELATIVE
# A complementizer carrying the subject pronoun (قال الجيش إنه قصف …): inside a quote, the speaker.
_SPEAKER_PRON = frozenset({"انها", "انه", "انهم", "انهما", "بانها", "بانه", "بانهم", "وانها", "وانه",
                           "انني", "اننا", "باننا", "بانني"})
def roles(st: Sentence, hit: Hit, v: int, verbal: bool) -> tuple[list[Ment], list[Ment], int | None]:
    """(actors, recipients, index of a target place) for a trigger at token `hit.i`, verb at `v`."""
    f = Frame(st, hit, v, verbal)
    if f.trig.participant:
        # the protesters are the actor of their own protest (المتظاهرون, a generic agent)
        f.actor = [m for m in f.ms if m.ti <= f.i < m.tj and is_agent(m, False)][:1]
        taken = {m.ent.id for m in f.actor}
        recipient(f, taken)
        return f.actor, [m for m in f.recip if m.ent.id not in taken], f.target_place
    _passive(f)
    f.passive = f.passive or (verbal and f.trig.cas and not f.trig.target and v == f.i) or (  # استشهد: he died
        f.i >= 1 and f.toks[f.i - 1].bare in _DONE)  # تم رفض X: a passive, whatever the spelling's reading
    named_agent = by_prefix_actor(f)
    if not verbal and f.trig.type in DYADIC:
        _between(f)  # «اشتباكات بين A وB»: the sides name the parties, before any other reading
    if not f.actor and not f.passive:
        _implicit_subject(f)
    if not f.actor and verbal and not f.passive:
        if not support_masdar_subject(f):
            _verbal_actor(f)
    elif not f.actor and not verbal:
        _nominal_roles(f, named_agent)
    if not f.actor and named_agent is not None:
        f.actor = [named_agent]
    if not f.actor:  # أعلن X مسؤوليته عن الهجوم (الذي استهدف …): X's, whatever clause the trigger opens
        f.actor = claimant(f.toks, f.i, f.ms, f.speaker)
    if f.trig.crowd and f.actor and f.actor[0].tj <= v - 2:
        f.actor = []  # a crowd verb's subject is the crowd next to it (تجمع آلاف من …), never a party before
    if f.actor and f.trig.type == "PROTEST" and policed(f.toks, f.i) and all(m.tj <= f.i for m in f.actor):
        f.actor = []  # قوات الأمن التي انتشرت فرقت المظاهرة: who breaks up a protest is not in it
    if f.actor and f.trig.type in FORCE and all(civilians(m) for m in f.actor):
        f.recip, f.actor = f.recip or f.actor, []  # واعتقلت عشرات المدنيين: civilians are whom force is used on
    if not f.actor and not f.passive and (verbal or (f.i >= 1 and f.toks[f.i - 1].bare == "عن")):
        subject_nationality(f)  # … أعربت الحكومة الأردنية عن إدانتها: the subject of أعرب عن
    if not f.actor and verbal and not f.passive and f.speaker is None and not overt_subject(f.toks, v, st.doc.text):
        m = pronoun_party(st, v, f.j, True, False, f.trig, f.assault, {x.ent.id for x in f.recip})
        f.actor = [m] if m is not None else []  # وأضافت أنها ستواصل …، ثم هاجموا …: the party continued
    if not f.actor and verbal and not f.passive and f.speaker is not None and not overt_subject(f.toks, v, st.doc.text):
        m = reported_subject(st, v, f.ms, f.speaker, f.trig, f.assault, {x.ent.id for x in f.recip})
        f.actor = [m] if m is not None else []
    if not f.actor and verbal and not f.passive and f.assault:
        f.actor = continued_actor(f)  # واستهدفت الغارات …: the event just told, with its actor
    if f.trig.type in DYADIC and not f.actor:
        _between(f)
    u = undergone(f.toks, f.i) if not verbal else None
    if not verbal and (u is not None or received(f.toks, f.i, f.j)):
        # الضربات التي تلقاها X، تعرضت قوات X لهجوم: X was hit; only who is named after the noun did it
        keep = [m for m in f.actor if m is named_agent or (m.ti > f.j and m.prep == "من")]
        f.recip, f.actor = f.recip or [m for m in f.actor if m not in keep], keep
        if not f.recip and u is not None:  # تعرض مقر X لغارات: the owner of what was hit, after the verb
            f.recip = [m for m in f.ms if u < m.ti < f.i and m.prep is None and is_agent(m, f.assault)][:1]
    if st.victims:
        victims_not_actors(f, named_agent)
    taken = {m.ent.id for m in f.actor}
    if not f.recip:
        recipient(f, taken)
    if not f.recip and f.assault:
        losing_side(f, taken)
    if not f.recip and verbal:
        last = max([m.tj for m in f.actor if m.ti > f.j] + [f.j + 1])
        f.recip = evaluated_party(st, f.trig.type, last, [m for m in f.after if m.ent.id not in taken], taken,
                                  bool(f.actor))
    recip = [m for m in f.recip if m.ent.id not in taken]
    return [m for m in f.actor if _can_act(f, m)], recip, f.target_place


def _can_act(f: Frame, m: Ment) -> bool:
    """A town or a province does not act: a place named as the actor is a misreading, except a capital
    (for its government: ترفض موسكو، تعمل واشنطن) and a self-governing region (إقليم كردستان)."""
    if m.ent.type != "GPE" or m.ent.precision not in ("settlement", "region"):
        return True
    name = f.st.doc.text[m.start:m.end]
    return norm_key(name) in CAPITALS or normalize(m.ent.name).startswith("اقليم")


#: Acts done with another party (named after مع): who announces one is a party to it.
_MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
def _implicit_subject(f: Frame) -> None:
    """A subject no mention covers: a dual standing for two parties named before (وبحث الجانبان …،
    وكان الرئيسان عقدا لقاء) — the first acts, the second is the counterpart of a meeting or a clash — or,
    inside a quote, a force with «our» on it (قواتنا تقاتل، طائراتنا قصفت): the speaker's side."""
    toks, v, n = f.toks, f.v, f.n
    if not f.verbal and v == f.i:
        # an event noun after a verb the lexicon does not know, and its subject before (الرئيسان عقدا لقاء)
        # or after it (تبادل الطرفان القصف)
        if v < 2 or toks[v - 1].bare in PREPS or toks[v - 1].key in CLAUSE_BREAK or \
                any(m.ti <= v - 1 < m.tj for m in f.ms):
            return
        slots = [v - 1, v - 2]
    else:
        slots = [v + 1, v - 1] + ([v - 2] if v >= 2 and toks[v - 1].bare in ("قد", "كان", "كانت") else [])
    for k in slots:
        if not 0 <= k < n:
            continue
        pair = dual_parties(f.st, k)
        if pair:
            f.actor = [pair[0]]
            if f.trig.type in DYADIC:
                f.recip = [pair[1]]
            else:
                f.actor.append(pair[1])
            return
        key = toks[k].key.lstrip("وف")
        if f.speaker is not None and key.endswith("نا") and len(key) > 4 and _agent_stem(key[:-2]) and \
                is_agent(f.speaker, f.assault):
            f.actor = [f.speaker]
            return


def _agent_stem(stem: str) -> bool:
    return stem in GENERIC_AGENTS or stem.removesuffix("ت") + "ات" in GENERIC_AGENTS or \
        stem in ("جيش", "طايرات", "مقاتلات", "قوات", "عناصر", "جنود", "ابطال", "رجال", "مقاتلي")


def _passive(f: Frame) -> None:
    """X تعرض لقصف: X is the target (a place) or the recipient."""
    toks, ms, i = f.toks, f.ms, f.i
    f.passive = i >= 1 and toks[i - 1].bare in _TAARRUD
    if f.passive:
        for m in reversed([m for m in ms if m.tj <= i - 1]):
            if i - 1 - m.tj > 6:
                break
            if is_place(m.ent) and (not is_agent(m, True)):
                f.target_place = f.st.ments.index(m)
            else:
                f.recip = [m]
            break


def _verbal_actor(f: Frame) -> None:
    """The subject of a verbal clause: after the verb (VSO), else the nearest agent before it (SVO)."""
    toks, ms, v, i, j, assault = f.toks, f.ms, f.v, f.i, f.j, f.assault
    if v == i and whoever(toks, v, f.verbal):
        return  # «هناك من اتهم واشنطن»: "who" has no antecedent here; what follows the verb is its object
    # after a relative the antecedent is the subject, unless a pronoun in the clause takes it back (التي يحاصرها
    # الثوار، الذي انسحبت فيه الشركة): then the subject follows the verb (.bare drops the article of الذي/التي)
    after_rel = v >= 1 and toks[v - 1].key.lstrip("وف") in _RELATIVE
    taken_back = after_rel and _taken_back(f)
    rel = after_rel and not taken_back and not resumptive(toks, v) and not subject_then_resumptive(f.st, v, assault)
    pron_subject = rel or (v >= 1 and toks[v - 1].bare in _PRON_SUBJ) or fronted_subject(toks, v)
    # a verb before its subject is singular; a plural one carries its subject, the noun after is its object
    plural_verb = verb_features(toks[v].key) in (("m", "pl"), ("*", "pl"), ("f", "pl")) and \
        f.st.doc.text[toks[v].end - 1] != "ة"  # دعوة is a noun, دعوه a verb
    if rel:
        _antecedent(f)  # التفجير الذي استهدف …: the bombing's (unknown) author, never a party before it
        return
    if f.speaker is not None and ((pron_subject and toks[v - 1].bare in _SPEAKER_PRON and
                                   pronoun_agrees(f.st, f.speaker, toks[v - 1].key)) or first_person(toks[v].key)):
        f.actor = [f.speaker]  # قال الجيش إنه قصف …، قال الوزير: «ندعو …»
        return
    if not pron_subject and (topic := subject_before_relative(f.st, v, assault) or
                             complementizer_topic(f.st, v, assault, f.trig)) is not None:
        f.actor = [topic]  # أن الحركة التي تنشط في الإقليم هاجمت القافلة
        return
    if not pron_subject and adjacent_subject(f.st, v, assault, f.trig) is not None:
        pron_subject = True  # أن الجيش قصف مواقع X: the subject stands right before; what follows is the object
    if not pron_subject and (owner := possessed_subject(f.st, v, assault)) is not None:
        f.actor = [owner]  # إن طائراته استهدفت …: the owner of the armed means did it
        return
    part = None if pron_subject or plural_verb or f.trig.cas else partitive_party(toks, v + 1, ms)
    if part is not None:  # اقتحم العشرات من رجال الأمن: the counted are the subject (not after a death verb)
        f.actor = coordinated(ms, part, toks, assault) if is_agent(part, assault) else []
        return
    generic_subject = _generic_subject(f, pron_subject, plural_verb)
    # a nationality adjective right before the verb closes its subject (طائرة إسرائيلية استهدفت X): SVO
    nat_subject = v >= 1 and adjective_country(toks[v - 1].key) is not None and not any(
        m.ti <= v - 1 < m.tj for m in ms)
    if not pron_subject and not generic_subject and not plural_verb and not nat_subject:
        # VSO: the subject follows the verb (adverbs and dates may intervene); with a support verb it
        # stands between the verb and the noun (شنّ سلاح الجو الروسي آلاف الغارات)
        region = [m for m in ms if v < m.ti < i] if v < i else f.after
        for m in region:
            if phrase_start(m) - v > 6 or m.ti >= f.end:
                break  # (a long title may stand between: رفض قائد المقاومة الشعبية في تعز الشيخ X)
            if any(x.lead <= m.ti < x.ti and x.ent.type == "PER" for x in region):
                continue  # the state in an office's title (السفير السعودي في مصر X): the holder is the subject
            if any(toks[k].bare in AGAINST or verb_trigger(toks[k].key) or (
                    _pp(toks[k].key) and not any(x.ti <= k < x.tj for x in ms))
                   for k in range(v + 1, max(v + 1, min(m.ti, m.lead)))):  # (not inside its title phrase)
                break  # انفجرت سيارة استهدفت الجيش، تدعو لتعاون لوقف نفوذ X: past a verb or a PP, no subject
            if min(m.ti, m.lead) - 1 > v and (_event_noun(toks[min(m.ti, m.lead) - 1].key) or
                                               toks[min(m.ti, m.lead) - 1].bare in POSITIONS):
                break  # رفضت القبيلة مبايعة X، استهدفت مواقع X: the genitive of an event noun or a position
            if m.prep == "ل" and _office_of(toks, v, m) and f.st.doc.text[toks[v].end - 1] != "ة":
                # دعا الأمين العام لمجلس الأمن (الدكتور فلان): its holder, else its body (دعوة: a noun)
                f.actor = [next((x for x in region if 0 <= phrase_start(x) - m.tj <= 1 and x.ent.type == "PER"), m)]
                f.after = [x for x in f.after if x is not m]  # the body is in the subject's phrase: no recipient
                break
            if m.prep is not None or m.loc:
                break
            if is_agent(m, assault):  # a party that cannot agree with the verb is its object
                f.actor = coordinated(ms, titled_holder(toks, ms, m) or m, toks, assault) if vso_agrees(f.st, m, toks[v].key) else []
                break
            if assault and is_place(m.ent):
                if v == i and 0 < m.ti - j <= 2 and m.prep is None and m.loc == 0 and fine_place(m.ent):
                    f.target_place = f.st.ments.index(m)  # قصف حلب: the shelled place
                break
    if not f.actor and (not generic_subject or _met_titled(f)) and not taken_back:
        _preceding_subject(f, plural_verb)


#: Offices that news joins to their body with لـ (الأمين العام للأمم المتحدة، المبعوث الخاص لـX), and the
#: adjectives that may follow them (bare spellings).
_OFFICES = frozenset({"امين", "مبعوث", "ممثل", "منسق", "مفوض", "مدير", "مندوب", "متحدث", "ناطق"})
_OFFICE_ADJECTIVES = frozenset({"عام", "خاص", "اعلي", "سامي", "تنفيذي", "دايم", "اممي", "مساعد", "رسمي", "اقليمي"})


def _office_of(toks: list[Tok], v: int, m: Ment) -> bool:
    """The words between the verb and the body `m` (written with لـ) are an office of it: its title and the
    title's adjectives, time adverbs aside."""
    ks = [k for k in range(v + 1, m.ti) if toks[k].bare not in TIME_ADVERBS]
    return bool(ks) and len(ks) <= 3 and toks[ks[0]].bare in _OFFICES and all(
        toks[k].bare in _OFFICE_ADJECTIVES for k in ks[1:])


def _met_titled(f: Frame) -> bool:
    """A titled name alone after a verb of meeting is whom the subject met (زار X القاهرة والتقى الرئيسَ
    فلانًا): the subject was dropped, so it is the party the clause before names, as for any dropped subject."""
    return f.trig.type == "CONSULT" and f.v == f.i and f.v + 1 < f.n and title_head(f.toks[f.v + 1].key) is not None \
        and any(f.v + 1 < m.ti <= f.v + 5 and m.ent.type == "PER" for m in f.ms)


def _preceding_subject(f: Frame, plural_verb: bool) -> None:
    """SVO: the nearest agent before the verb that agrees with it (or owns the members or means that do)."""
    toks, ms, v, assault = f.toks, f.ms, f.v, f.assault
    for m in reversed(f.before):  # SVO: the nearest agent before the verb
        if v - m.tj > 12:
            break
        owner = m.prep == "ل" and m.ti >= 1 and unclitic(toks[m.ti - 1].bare) in OWNED or (  # دبابات تابعة لـ X
            m.prep in ("من", "في") and m.ti >= 2 and partitive_party(toks, m.ti - 2, ms) is m) or (  # عناصر من X هاجموا
            members_of(toks, m, ms))  # عناصر الحوثيين تستهدف: the members agree with the verb
        if after_an_object(f.st, m, None if toks[v].key[:1] in "وف" else v):
            # قصف مواقع المسلحين واعتقل …: the first clause's object never continues as subject; nor
            # does the object of a relative clause the verb comes after (X الذي زار واشنطن، هدد)
            continue
        if (m.prep is None or owner) and (m.loc == 0 or owner) and is_agent(m, assault) and (
                owner or agrees_with_verb(f.st, m, toks[v].key) or plural_verb and _joined_before(f, m)):
            f.actor = [m]
            for x in reversed([x for x in f.before if x.tj <= m.ti]):
                # agents coordinated before it: A وقوات B تشن …
                if m.ti - x.tj <= 2 and toks[x.tj].key[:1] == "و" and is_agent(x, assault):
                    f.actor.insert(0, x)
                break
            break


def _joined_before(f: Frame, m: Ment) -> bool:
    """Whether party `m` is the second of two joined by و right before it (وكان X وY قد اتفقا): the pair is
    the subject of a dual or plural verb that neither agrees with alone."""
    return f.toks[m.ti].key[:1] == "و" and any(
        x.tj == m.ti and x.prep is None and is_agent(x, f.assault) for x in f.before)


def _generic_subject(f: Frame, pron_subject: bool, plural_verb: bool) -> bool:
    """An unnamed agent or common noun right after the verb is its subject, so no party after it is."""
    toks, ms, v, i, n, assault = f.toks, f.ms, f.v, f.i, f.n, f.assault
    return (v + 1 < n and toks[v + 1].bare in GENERIC_AGENTS and not any(
        m.ti <= v + 1 < m.tj for m in ms) and not generic_names_party(toks, v, ms)) or (
        v == i and not pron_subject and common_subject(toks, v, f.st.ments) and (assault or common_noun_subject(toks, v, ms))) or (
        assault and v == i and v + 2 < n and not plural_verb and toks[v + 1].key == toks[v + 1].bare in INSTRUMENT and
        not any(m.ti in (v + 1, v + 2) for m in ms)) or (  # استهدفت قذائفُ مواقعَ X: the bare shells are the subject
        f.trig.type == "PROTEST" and _crowd_after(toks, v)) or (  # تظاهر أمس آلاف الطلاب
        f.verbal and v == i and envoy_subject(toks, v, ms))  # زار وفد إماراتي X: an unnamed envoy


#: Counts that open a crowd (تظاهر مئات الإيزيديين): the crowd is the subject, no party named before.
_CROWD_COUNTS = frozenset({"ميات", "الاف", "الوف", "عشرات", "حشود", "جموع", "ملايين"})


def _taken_back(f: Frame) -> bool:
    """An arrest or attack right after a relative whose pronoun takes the antecedent back (الذي اعتقلته
    الشرطة، الذي ألقي القبض عليه): the antecedent underwent it, so it is the recipient, and the actor can
    only follow the verb."""
    if not (f.v == f.i and f.trig.type in AIMED and object_taken_back(f.toks, f.v, f.j)):
        return False
    _antecedent(f)
    f.recip, f.actor = f.actor, []
    return True


def _crowd_after(toks: list[Tok], v: int) -> bool:
    k = v + 1
    while k < len(toks) and toks[k].bare in TIME_ADVERBS:
        k += 1
    return k < len(toks) and toks[k].bare in _CROWD_COUNTS


def _pp(key: str) -> bool:
    """A prepositional phrase's first word: a preposition, or a word with لـ/بـ attached (لتعاون، بالقرب)."""
    k = key.lstrip("وف")
    return k in PREPS or (len(k) > 3 and k[0] in "لب" and k[1] not in "ين" and not k.startswith(_NOT_PP))


# Words with a leading ب/ل that are no prepositional phrase before a subject: titles (المتحدث باسم),
# manner adverbs (بشكل مباشر، بقوة). (A name that starts so is a mention, which the caller skips.)
_NOT_PP = ("باسم", "بشكل", "بصوره", "بقوه", "بعنف", "بكثافه", "بالفعل", "بدوره", "بدورها", "بشده")


def _event_noun(key: str) -> bool:
    """An indefinite event noun (مبايعة، زيارة، قصف), which takes the name after it as its genitive."""
    form = FORMS.get(key)
    return form is not None and not form.verbal and form.trig.type is not None and not key.startswith("ال") \
        and key.lstrip("وف") not in INSTRUMENT  # (دمرت غارات التحالف: the strikes' owner is their subject)


def _possessive(key: str, trig: object) -> bool:
    """A trigger noun carrying a possessive pronoun (زيارته، محادثاتهم، هجومها)."""
    for suf in ("هما", "هم", "ها", "ه"):
        if key.endswith(suf) and len(key) > len(suf) + 2:
            stem = key[: -len(suf)]
            for cand in (stem, stem[:-1] + "ه" if stem.endswith("ت") else None):
                form = FORMS.get(cand) if cand else None
                if form is not None and form.trig is trig:
                    return True
    return False


def _antecedent(f: Frame) -> None:
    """The subject of a verb after a relative pronoun: the agent mention that the pronoun follows,
    adjectives allowed between (المسلحون المتشددون الذين هاجموا). After an event noun (الهجوم الذي
    استهدف) the subject is that event's author, unknown here."""
    toks, k = f.toks, f.v - 2
    for m in reversed(f.before):
        if m.tj <= k + 1 - 3:
            break
        between = range(m.tj, k + 1)  # adjectives, never an event noun (X الانفجار الدامي الذي …)
        if k + 1 - m.tj <= 2 and all(ARABIC.search(toks[x].key) and toks[x].key not in FORMS for x in between) \
                and m.prep is None and is_agent(m, f.assault):
            f.actor = [m]
        break


def _nominal_roles(f: Frame, by_prefix_actor: Ment | None) -> None:
    """A nominal trigger: its genitive, a nationality adjective after it, or the governing clause's subject."""
    toks, j, assault, trig = f.toks, f.j, f.assault, f.trig
    if f.i >= 1 and toks[f.i - 1].bare in _DONE:  # تم رفض مبادرة X: a passive, whose genitive undergoes it
        m = next((m for m in f.after if m.ti - j <= 2 and m.prep is None and m.ti < f.end), None)
        f.recip = [m] if m is not None and is_agent(m, assault) else []
        f.actor = [by_prefix_actor] if by_prefix_actor is not None else []
        return
    if masdar_of_subject(f, by_prefix_actor):
        return
    gen = [m for m in f.after if m.ti - j <= 4 and m.ti < f.end]
    if gen and gen[0].prep is None and gen[0].ti - j <= 2 and participle(toks[f.i].key):
        # داعيا إسرائيل إلى …، متهما الحكومة بـ …: the participle's object is the party addressed; its
        # subject is the main clause's
        if is_agent(gen[0], assault):
            f.recip = [gen[0]]
        gen = []
    if gen and gen[0].prep is None and gen[0].ti - j <= 2 and _possessive(toks[j].key, trig):
        # the pronoun is the genitive (زيارته تونس، هجومهم الأخير): the noun after is its object
        m = gen[0]
        if is_agent(m, assault) or (m.ent.type == "GPE" and m.ent.precision == "country"):
            f.recip = [m]
        gen = []
    if gen and any(toks[k].bare in AGAINST for k in range(j + 1, gen[0].ti)):
        # غارات على مواقع المهربين: what the attack is aimed at, never who makes it
        m = gen[0]
        if is_agent(m, assault):
            f.recip = coordinated(f.after, m, toks, assault)
        elif is_place(m.ent) and m.loc == 0:
            f.target_place = f.st.ments.index(m)
        gen = []
    if gen and gen[0].prep is None and toks[f.i].key.lstrip("وف").startswith(("ال", "بال", "كال", "لل")):
        gen = []  # a definite noun governs no genitive (استهدف الهجوم مقر X: X is in another phrase)
    if not assault and (body := represented_body(toks, j, f.after, f.end)) is not None:
        f.actor, gen = coordinated(f.after, body, toks, assault), []  # اجتماع وزراء خارجية دول X
    if gen and (phrase_start(gen[0]) - j <= 2 or (gen[0].prep == "من" and gen[0].ent.type in AGENT_TYPES)):
        m = gen[0]
        if m.prep == "من" and m.ent.type in AGENT_TYPES and not trig.victim:
            f.actor = coordinated(f.after, m, toks, assault)
        elif m.ent.type == "GPE" and m.ent.precision != "country" and m.prep is None:
            f.target_place = f.st.ments.index(m)  # مفاوضات جنيف، قصف حلب: the scene, not a party
        elif (m.prep in (None, "ل")) and m.loc == 0 and is_agent(m, assault):
            # اعتقال X، لدعم المعارضة: the genitive undergoes it — unless لـ names who does (دعم روسيا للأسد)
            # or the support is what something came with (بدعم X: X gave it)
            # (but اتهم X بدعم Y: the ب of the charge, Y is supported by the accused)
            with_it = trig.cameo == "050" and toks[f.i].key.lstrip("وف")[:1] == "ب" and not charged(f)
            # قتل قائد اللواء X: a titled person is the genitive, so the attack's victim, and X their side;
            # the genitive of a death noun died (مقتل X، مصرع X)
            titled = assault and any(title_head(toks[k].key) is not None for k in range(j + 1, m.ti))
            # غزو العراق، اجتياح لبنان: a country after a noun of invading is the land invaded
            # (اجتياح إسرائيل لبنان: a second country right after it is the object, the genitive the invader)
            invaded = m.ent.type == "GPE" and toks[f.i].bare in _INVADING and \
                not any(x.ti == m.tj and x.prep is None and x.ent.type == "GPE" for x in f.after)
            if (trig.victim or trig.cas or titled or invaded) and not with_it and not opens_accusative(toks, m.tj) and \
                    not any(x.prep == "ل" and 0 <= x.ti - m.tj <= 3 for x in f.after) and \
                    not (m.tj < f.n and lam_object(toks[m.tj].key)):
                f.recip = [m]
            elif trig.type == "PROTEST":
                f.recip = [m] if m.prep == "ل" else []
            elif assault and m.ent.sector == "CVL":
                f.recip = [m]  # قصف المدنيين: civilians are, by the word's meaning, never the ones who attack
            else:  # (دعوة رئيس حزب X، النائب فلان: the titled person)
                f.actor = coordinated(f.after, titled_holder(toks, f.ms, m) or m, toks, assault)
        elif is_place(m.ent) and m.loc == 0 and m.prep is None:
            f.target_place = f.st.ments.index(m)
    _nominal_fallbacks(f, by_prefix_actor)


#: Nouns of entering another's land by force (bare spelling): their genitive is the land entered, unless
#: a لـ-object follows it (غزو العراق للكويت: the genitive then invades).
_INVADING = frozenset({"غزو", "اجتياح", "اقتحام"})


def _nominal_fallbacks(f: Frame, by_prefix_actor: Ment | None) -> None:
    """When the noun's own phrase named no doer: the accused of a charge, an agent phrase, who stands behind
    it, a nationality, the speaker's own act, the owner of a possessive, then the governing clause."""
    toks, j, assault, trig = f.toks, f.j, f.assault, f.trig
    if (accused := accused_party(f)) is not None:
        if f.actor and f.actor[0] is not accused and not f.recip and is_agent(f.actor[0], assault):
            f.recip = f.actor  # the charge's act governs its genitive as its object (بقصف المدنيين)
        f.actor = [accused]
    if not f.actor and by_prefix_actor is not None:
        f.actor = [by_prefix_actor]
    if not f.actor:
        behind(f)
    if not f.actor and trig.cas and not trig.target and not _resulting(toks, f.i):
        return  # a death noun (مقتل، مصرع، استشهاد) names who died; only an agent phrase, or the attack it
        # resulted from (غارة خلّفت مصرع), names who killed
    if not f.actor and not trig.victim:
        adjective_actor(f)
    if not f.actor and f.speaker is not None and not trig.victim and (speaker_owns(f.st, j, f.speaker) or (
            trig.type in _MUTUAL and opens_quote(f.st, j) and is_agent(f.speaker, False) and
            any(m.prep == "مع" and m.ti - j <= 4 and m.ent.id != f.speaker.ent.id for m in f.after))):
        f.actor = [f.speaker]  # (أعلنت الحكومة التوصل إلى اتفاق مع X: who announces a deal with X made it)
    if not f.actor and _possessive(toks[j].key, trig):
        # هجومهم، زيارته: the owner of the pronoun made the attack or the visit (اعتقاله: underwent it)
        m = pronoun_party(f.st, f.i, j, False, True, trig, assault, {x.ent.id for x in f.recip})
        agent = j + 1 < f.n and toks[j + 1].key[:1] == "ل"  # اتهامه لها: his accusing her
        if m is not None and trig.victim and not agent:
            f.recip = f.recip or [m]
        elif m is not None:
            f.actor = [m]
    if not f.actor:
        f.actor = undertaker(f.toks, f.i, f.ms)
    if not f.actor and participle(toks[f.i].key) and f.i >= 1 and toks[f.i - 1].key in ("،", ","):
        f.actor = main_clause_subject(f)  # (before any nearer party: a relative clause's subject is not it)
    if not f.actor and (sides := occurring_sides(f.st, f.i, trig.type)) is not None:
        f.actor, f.recip = sides[0], f.recip or sides[1]  # ودارت معارك عنيفة: the noun is its verb's subject
        return
    if not f.actor:
        dropped_governor_subject(f)
    if not f.actor:
        governing_subject(f)
    if not f.actor and participle(toks[f.i].key):  # داعيا، مطالبا: who speaks, as the quote layer found
        f.actor = [m] if (m := f.st.speaker_of_cue(toks[f.i].start)) is not None and is_agent(m, False) else []


def _resulting(toks: list[Tok], i: int) -> bool:
    """Whether the noun at i is what something resulted in (أسفر عن، أدى إلى، خلّف), two words back at most."""
    return any(toks[k].bare.lstrip("وف").startswith(_RESULT) for k in range(max(0, i - 2), i))


_RESULT = ("اسفر", "يسفر", "تسفر", "ادي", "ادت", "يودي", "تودي", "خلف", "خلفت", "يخلف", "تخلف")


#: «was done»: تم/يتم/جرى + a verbal noun is the passive of its verb (تم اعتقال X: X was arrested).
_DONE = frozenset({"تم", "يتم", "سيتم", "جري", "يجري", "سيجري"})
def _between(f: Frame) -> None:
    """«اشتباكات بين A وB»: the two sides are the actor and the recipient (`dyads.between_sides`)."""
    sides = between_sides(f.toks, f.i, f.j, f.after, f.end, f.assault) or the_two_sides(f.st, f.j)
    if sides is not None:
        f.actor, f.recip = sides
