"""Subjects that a governing word supplies: a verb that announces, decides or manages an act whose verbal
noun follows (أعلن الجيش قصف …، تمكن X من تصفية …), and the main clause of a circumstantial participle
(…، مطالبا). Split from `roles`, which calls these in its fixed order over one `Frame`."""

from __future__ import annotations

from marsad.document import Event
from marsad.events.anaphora import agrees_with_verb, can_be_masculine_singular, pronoun_party
from marsad.events.charges import evaluates
from marsad.events.clauses import after_an_object
from marsad.events.dyads import coordinated
from marsad.events.frame import Frame
from marsad.events.lexicon import FORMS, verb_trigger
from marsad.events.senses import policing
from marsad.events.tokens import (
    ADVERBS,
    CLAUSE_BREAK,
    Ment,
    Tok,
    ability_preposition,
    governs_masdar,
    is_agent,
    is_place,
    phrase_start,
)

__all__ = ["behind", "dropped_governor_subject", "governing_subject", "main_clause_subject", "masdar_of_subject", "support_masdar_subject"]

#: Verbal nouns of the support verbs that carry an event noun (شن غارات، تنفيذ هجوم، إطلاق صواريخ).
_SUPPORT_MASDARS = frozenset({"شن", "تنفيذ", "اطلاق"})


def masdar_of_subject(f: Frame, by_prefix_actor: Ment | None) -> bool:
    """أعلن الجيش قصف مواقع X، قررت الحكومة سحب قواتها: the verbal noun object of a verb that announces,
    decides, begins or continues an act (`tokens.MASDAR_GOVERNORS`) is its subject's act, so the subject
    between them is the actor and the genitive after the noun is what the act is done to."""
    if by_prefix_actor is not None or (f.trig.cas and not f.trig.target):
        return False  # (أعلن الجيش مقتل X: a death noun tells what befell X, never the announcer's act)
    toks, i = f.toks, f.i
    k = i  # (وأعلن الجيش أمس شن ضربات: a support noun and adverbs of time may stand between)
    if k >= 1 and toks[k - 1].bare in _SUPPORT_MASDARS:
        k -= 1
    if k < i or (k >= 1 and toks[k - 1].bare in ADVERBS):
        sub = _announcer(f, k)
        if sub is None:
            return False
    else:
        sub = next((m for m in reversed(f.before) if m.tj >= i - 1), None)
        if sub is None or sub.prep is not None or sub.ti < 1 or not is_agent(sub, f.assault):
            return False
        verb = toks[phrase_start(sub) - 1].key if phrase_start(sub) >= 1 else ""
        if sub.tj == i:
            if not governs_masdar(verb) and ability_preposition(verb) != "":
                return False
        elif ability_preposition(verb) != toks[i - 1].bare:  # تمكن الجيش من قتل، نجحت القوات في تحرير
            return False
    f.actor = [sub]
    gen = next((m for m in f.after if m.ti - f.j <= 2 and m.ti < f.end), None)
    if gen is not None and gen.prep is None and gen.loc == 0:
        if is_agent(gen, f.assault):
            f.recip = coordinated(f.after, gen, toks, f.assault)
        elif is_place(gen.ent):
            f.target_place = f.st.ments.index(gen)
    return True


def support_masdar_subject(f: Frame) -> bool:
    """وأعلن الجيش شن غارات: a support verb spelt as its verbal noun (شن) after a verb that announces or
    decides an act, with that verb's subject between, is the noun: the subject made the attack."""
    if f.v >= f.i or f.toks[f.v].bare not in _SUPPORT_MASDARS:
        return False
    sub = _announcer(f, f.v)
    if sub is not None:
        f.actor = [sub]
    return sub is not None


def _announcer(f: Frame, k: int) -> Ment | None:
    """The subject of a verb governing the verbal noun at token k (`tokens.MASDAR_GOVERNORS`), standing
    right before it or before adverbs of time (أعلن الجيش أمس قصف …)."""
    toks = f.toks
    while k >= 1 and toks[k - 1].bare in ADVERBS:
        k -= 1
    sub = next((m for m in f.st.ments if m.tj == k), None)
    if sub is None or sub.prep is not None or sub.ti < 1 or not is_agent(sub, f.assault):
        return None
    return sub if governs_masdar(toks[phrase_start(sub) - 1].key) else None


def dropped_governor_subject(f: Frame) -> None:
    """وتمكنت في المدينة من تصفية …: a verb of managing whose subject is dropped governs the verbal noun;
    the party that subject continues did the act. (Verbs of saying and deciding that take a verbal noun,
    أكد، بدأ، رفض, were tried here too: their dropped subjects resolve worse than the nearer clause.)"""
    toks = f.toks
    for g in range(f.i - 1, max(-1, f.i - 6), -1):
        key = toks[g].key
        if ability_preposition(key) is not None:
            if not any(m.ti <= g < m.tj for m in f.ms) and not any(m.prep is None and g < m.ti < f.i for m in f.ms):
                # a و-verb continues the subject of the clause before (the actor of its event), never its
                # object: قصفت X مواقع Y وتمكنت …
                m = previous_clause_actor(f, g) if key[:1] in "وف" else None
                if m is None:
                    skip = {x.ent.id for x in f.recip} | (
                        {x.ent.id for x in f.before if after_an_object(f.st, x)} if key[:1] in "وف" else set())
                    m = pronoun_party(f.st, g, g, True, False, f.trig, f.assault, skip)
                f.actor = [m] if m is not None else []
            return
        if key in CLAUSE_BREAK or verb_trigger(key):
            return


def previous_clause_actor(f: Frame, g: int) -> Ment | None:
    """The actor of this sentence's last event before token g, if it can be the subject of the verb at g."""
    start = f.toks[g].start
    for ev in reversed(f.st.coded):
        if ev.trigger.start >= start or not ev.actor:
            continue
        m = _actor_mention(f, ev, start)
        return m if m is not None and is_agent(m, f.assault) and agrees_with_verb(f.st, m, f.toks[g].key) else None
    return None


def _actor_mention(f: Frame, ev: Event, before: int) -> Ment | None:
    """The sentence's mention of a coded event's first actor that starts before offset `before`."""
    return next((m for m in f.st.ments if m.ent.id == ev.actor[0] and m.start < before), None)


def main_clause_subject(f: Frame) -> list[Ment]:
    """The subject of a circumstantial participle after a comma (دعا X … إلى التحقيق …، مطالبا …) is the
    subject of its sentence's main clause: the actor of the sentence's first verbal event, masculine
    singular as the participle is. The sayer the quote layer found for the participle (a cue) comes first."""
    m = f.st.speaker_of_cue(f.toks[f.i].start)
    if m is not None and is_agent(m, False):
        return [m]
    for ev in f.st.coded:
        if not ev.actor or ev.trigger.start >= f.toks[f.i].start or f.st.quote_at(ev.trigger.start) is not None:
            continue  # (قال X إن الجيش قصف …، مطالبا: the reported clause's subject is not the sayer)
        key = next((t.key for t in f.toks if t.start == ev.trigger.start), "")
        if key not in FORMS or not FORMS[key].verbal:
            continue
        m = _actor_mention(f, ev, f.toks[f.i].start)
        return [m] if m is not None and can_be_masculine_singular(f.st, m) else []
    return []


_BEHIND = frozenset({"وراء", "خلف"})


def behind(f: Frame) -> None:
    """X يقف وراء الهجوم: who stands behind an attack carried it out."""
    toks, i = f.toks, f.i
    if i >= 2 and toks[i - 1].bare in _BEHIND and toks[i - 2].bare.lstrip("وف").startswith(("يقف", "تقف", "وقف")):
        for m in reversed(f.before):
            if i - 2 - m.tj <= 1 and is_agent(m, f.assault):
                f.actor = [m]
            break


def governing_subject(f: Frame) -> None:
    """The subject of the clause governing a nominal trigger (تمكنت وحدات الجيش … من استعادة
    البلدة): never across a clause break (a byline, a colon), and never the subject of another event's
    verb: the condemner of a bombing (دانت مصر التفجير) did not bomb."""
    toks = f.toks
    for m in reversed(f.before):
        if f.v - m.tj > 12:
            break
        if any(toks[k].key in _HEADLINE_BREAK or toks[k].bare in _CAUSE or _other_event(toks[k].key, f.trig.type)
               for k in range(m.tj, f.i)):
            break  # (مددت الرئاسة حالة الطوارئ بسبب الاعتداءات: what a clause answers is not its subject's act)
        if f.i - m.tj <= 2 and evaluates(toks, _office_start(toks, m) - 1, f.trig.type):
            break  # the subject of a verb judging the event (وأدانت الخارجية الأمريكية الهجوم) did not do it
        if id(m) in f.st.victims:
            break  # (X الذي قتل منتحرا بحزام ناسف: the clause is the victim's; its author is not named)
        if f.trig.type == "PROTEST" and any(policing(toks[k].bare) for k in range(max(0, phrase_start(m) - 2), f.i)):
            break  # (الجيش سيحمي التظاهرات، فرقت الشرطة المظاهرة: who guards or breaks up a protest is not in it)
        if m.prep is None and m.loc == 0 and is_agent(m, f.assault) and \
                not after_an_object(f.st, m, f.i):  # (قصفت طائرة موقعا للحوثيين ما أدى إلى تدمير …)
            f.actor = [m]
            break


_HEADLINE_BREAK = frozenset({":", "-", "–"})  # a byline or a headline ends there: القاهرة - فلان:
#: Words of cause and response: the act they introduce is another's (بسبب الهجمات، ردا على القصف).
_CAUSE = frozenset({"بسبب", "جراء", "نتيجه", "ردا", "خشيه", "خوفا"})


def _other_event(key: str, typ: str | None) -> bool:
    """A verb of another type of event (دانت مصر التفجير: a condemnation governs the bombing)."""
    form = FORMS.get(key)
    # a verb that is a trigger only with its complement (وقّع اتفاقاً) is here, usually, another verb (وقعت)
    return form is not None and form.trig.type not in (None, typ) and form.verbal and not form.trig.need


def _office_start(toks: list[Tok], m: Ment) -> int:
    """Where the subject phrase that mention `m` ends starts: its title, or the office joined to it by
    «باسم» or لـ, up to three words before (انتقد المتحدث باسم الحزب، دان الأمين العام للأمم المتحدة)."""
    k = phrase_start(m)
    if not (k >= 1 and toks[k - 1].bare == "باسم" or m.prep == "ل"):
        return k
    for y in range(k - 1, max(0, k - 4), -1):
        if toks[y - 1].key in CLAUSE_BREAK or toks[y - 1].key in FORMS:
            return y
    return k
