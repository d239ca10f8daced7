"""Where a clause ends for who-did-it: the subject a coordinated verb in reported speech continues, and
whether a party stands in the object of an earlier verb or in a relative clause, so that it is never taken
for the subject of what comes after (قصف مواقع X واعتقل …، الائتلاف الذي تقوده X … يشاركون في معارك).

Arabic writes no clause boundaries: a و-verb may continue the first verb's subject or start anew, and a
noun after a verb is its subject (VSO) or its object when the subject came before. These rules read the
verb's inflection, the article, titles, agent heads and relative pronouns, nothing fitted to an article.
"""

from __future__ import annotations

from marsad.events.anaphora import (
    _ADVERBS,
    _ARMS,
    _COMPLEMENTIZERS,
    _MACHINES,
    _OPENERS,
    _PASSIVE_PRONE,
    _RESUMPTIVE,
    _TIME_NOUNS,
    _agrees,
    _takes,
    agrees_with_verb,
    antecedent,
    complementizer_features,
    has_object,
    pronoun_features,
    verb_features,
)
from marsad.events.lexicon import FORMS, Trigger
from marsad.events.partitive import MEMBER_NOUNS
from marsad.events.tokens import (
    CLAUSE_BREAK,
    GENERIC_AGENTS,
    POSITIONS,
    PREPS,
    TIME_ADVERBS,
    Ment,
    Sentence,
    Tok,
    is_agent,
    owned_title,
    participle,
)
from marsad.kb.agreement import is_human_plural
from marsad.kb.orgchunk import nisba
from marsad.kb.titles import RANKS, title_head

__all__ = ["adjacent_subject", "after_an_object", "common_noun_subject", "possessed_subject", "reported_subject",
           "subject_before_relative"]


def common_noun_subject(toks: list[Tok], v: int, ms: list[Ment]) -> bool:
    """A common noun after a verb of saying, meeting or judging is its subject (اتهم الغرب روسيا، دعا المجلس
    إيران), unless the verb carries an object pronoun (رفضهم السماح: a noun and its genitive), is a
    participle, a party joined by و or a party's adjective follows the noun (المحكمة والولايات المتحدة،
    الفصائل الأردنية), or the noun is a dual standing for parties named before (واتفق الاثنان)."""
    n = len(toks)
    return not has_object(toks[v].key) and not participle(toks[v].key) and \
        toks[v + 1].bare not in _DUAL_PARTIES and not (v + 2 < n and any(m.ti == v + 2 for m in ms) and (
            toks[v + 2].key[:1] == "و" or nisba(toks[v + 2].key)))  # (a nisba after the noun qualifies it)


_DUAL_PARTIES = frozenset({"اثنان", "طرفان", "جانبان", "بلدان", "زعيمان", "رجلان"})


def possessed_subject(st: Sentence, v: int, assault: bool) -> Ment | None:
    """«إن طائراته استهدفت مواقع X»، «قواتها قصفت»: armed means or men carrying a possessive pronoun right
    before the verb are its subject, so their owner, the party the pronoun takes back, did it."""
    toks = st.toks
    if v < 1 or toks[v].key[:1] in "وف" or st.doc.text[toks[v - 1].end - 1] == "ة":
        return None
    noun = toks[v - 1].key
    feats = pronoun_features(noun)
    if feats is None or any(m.ti <= v - 1 < m.tj for m in st.ments):
        return None
    suffix = next(s for s in ("هما", "هم", "ها", "ه") if noun.endswith(s))
    stem = noun[: -len(suffix)].removeprefix("و")
    if stem not in _ARMS and stem not in _MEN:
        return None
    return antecedent(st, v - 1, feats, assault, set())


#: Men of a party, as the possessed subject of a verb (مقاتلوه، عناصرها).
_MEN = frozenset({"عناصر", "مقاتلو", "مقاتلي", "جنود", "رجال", "مسلحو", "مسلحي"})


def adjacent_subject(st: Sentence, v: int, assault: bool, trig: Trigger) -> Ment | None:
    """The party right before the verb that is its subject (SVO): «أن الجيش قصف مواقع المسلحين»,
    «قوات النظام قصفت الأحياء». A noun phrase that ends where the verb starts is its subject, so whatever
    follows the verb is its object, however much it looks like a VSO subject (a party in a genitive, a
    definite common noun). A negation, قد or كان may stand between. Not where the verb carries an object
    pronoun (مواقع الجيش قصفتها الطائرات: the fronted phrase is the object taken back), not after a و-
    or ف-verb (the coordinated clause continues the first clause's subject), and not when the party
    stands in an earlier verb's object or does not agree with the verb. A singular verb of violence with no
    object after it is read as a passive (الملا X قُتل إلا أن …: X was killed), the spelling being the same."""
    toks = st.toks
    key = toks[v].key
    if v < 1 or key[:1] in "وف" or key.endswith(_OBJECT_SUFFIXES) or st.doc.text[toks[v].end - 1] == "ة":
        return None  # (استقالة: a noun whose spelling reads as a verb)
    if _read_passive(toks, v, trig):
        return None
    k = v - 1
    while k >= 1 and toks[k].bare.removeprefix("و") in _BETWEEN:
        k -= 1
    m = next((m for m in st.ments if m.tj == k + 1), None)
    if m is None or m.prep is not None or m.loc or id(m) in st.victims or not is_agent(m, assault) or \
            not agrees_with_verb(st, m, key) or after_an_object(st, m):
        return None
    return m


def _read_passive(toks: list[Tok], v: int, trig: Trigger) -> bool:
    """A singular verb of violence with no object after it is read as a passive (قُتل إلا أن، اعتُقل ثم):
    the party before it underwent it."""
    if trig.type not in _PASSIVE_PRONE or verb_features(toks[v].key) not in (None, ("m", "sg"), ("f", "sg")):
        return False
    k = v + 1
    while k < len(toks) and toks[k].bare in _ADVERBS:
        k += 1
    return k >= len(toks) or toks[k].key in CLAUSE_BREAK or toks[k].key == "." or toks[k].bare in PREPS or \
        toks[k].bare in _NO_OBJECT


#: Particles that follow a verb with no object (قُتل إلا أن، اعتُقل ثم، أصيب حيث).
_NO_OBJECT = frozenset({"الا", "ان", "انه", "لكن", "لكنه", "ثم", "حيث", "بعد", "قبل", "عندما", "حين", "اثر", "خلال"})
#: Object pronouns on a verb (قصفتها، استهدفهم): the phrase before is the object taken back.
_OBJECT_SUFFIXES = ("ها", "هم", "هما", "هن")
#: Words that may stand between a fronted subject and its verb.
_BETWEEN = frozenset({"قد", "لم", "لن", "لا", "ما", "سوف", "كان", "كانت", "كانوا", "يكون", "تكون", "ايضا", "بدورها",
                      "بدوره", "بدورهم",
                      # still (القوات ما تزال تحاصر المدينة، لا يزال الجيش يقصف)
                      "تزال", "يزال", "يزالون", "زال", "زالت", "مازال", "مازالت", "لازال", "لازالت"})


def reported_subject(st: Sentence, v: int, ms: list[Ment], speaker: Ment | None, trig: Trigger,
                     assault: bool, exclude: set[str]) -> Ment | None:
    """The dropped subject of a verb coordinated inside reported speech: «أعلن X التزامه بالقرار وتعهد
    بتنفيذه», «قال الجيش إنه قتل مسلحين واعتقل آخرين». Reported speech ends nowhere in the script, so the
    quote layer gives it to the sentence end; a و-verb there continues the nearest agreeing party inside
    the report, else the one who reported (a direct quote's third person is someone else: not read)."""
    toks = st.toks
    key = toks[v].key
    if key[:1] not in "وف" or len(key) < 4 or not st.indirect_at(toks[v].start) or trig.cas:
        return None
    feats = verb_features(key)
    if feats is None or (trig.type in _PASSIVE_PRONE and feats[1] != "pl" and not has_object(key)):
        return None  # (وقُتل: a singular violent verb may be passive)
    for m in reversed(ms):
        if m.tj <= v and m.prep is None and m.loc == 0 and id(m) not in st.victims and \
                m.ent.id not in exclude and is_agent(m, assault) and not after_an_object(st, m):
            return m if _agrees(_takes(st, m), feats) else None
    if speaker is not None and speaker.ent.id not in exclude and _agrees(_takes(st, speaker), feats):
        return speaker
    return None


def after_an_object(st: Sentence, m: Ment, until: int | None = None) -> bool:
    """Whether the mention at token k stands in the object of an earlier verb of its clause (قصف مواقعَ
    المسلحين، داهمت منزلَ القيادي): a noun stands between the verb and it, and no title (أعلن الرئيس
    الروسي X: the subject). Before a و-verb such a mention ends the first clause and is never the subject
    the second continues. The object of a verb of compelling or calling (أجبر X على، دعا X إلى) is the
    one who does what follows, and a clause opener (عندما، حيث، أن) starts another clause. The subject of a
    relative clause acts in nothing after the clause; `until`, the token of the act asked about, is inside
    the clause when at most four words other than names and no verb or comma stand between."""
    toks, text = st.toks, st.doc.text
    k = m.ti
    if m.lead < k or (k >= 1 and _control_noun(toks[k - 1].key)):
        return False  # (a titled person: وجه مديرها العام الشيخ X رسالة — the title phrase is the subject)
    for vt in range(k - 1, max(-1, k - 7), -1):
        t = toks[vt]
        if t.key in CLAUSE_BREAK or t.key == "." or t.key in _OPENERS or t.bare in _COMPLEMENTIZERS:
            return False
        form = FORMS.get(t.key)
        verb = form is not None and form.verbal and text[t.end - 1] != "ة"  # (دعوة is a noun)
        if verb and (_control_noun(t.key) or form.trig.type in ("REQUEST", "ACCUSE")):
            return False  # طالبت بعثة الأمم المتحدة بإجراء تحقيق، اتهمت X النظام بتنفيذ: the one called on or accused does it
        if vt == k - 1 and _opens_relative(toks, vt):
            # الجنود الذين دربهم X …: X is that clause's subject, not of what follows it
            return until is None or not _same_clause(st, m, until)
        if verb:
            if k < len(toks) and _relative_after(toks, k):
                return False  # حملوا السلاح لمنع عناصر الحزب الذين أرادوا …: the relative's subject
            between = [x for x in toks[vt + 1:k] if not _filler(x)]
            if not between:
                # right after a verb whose subject came first (X أبلغ لجنة التحقيق: the object), or the subject of a
                # relative clause (الائتلاف الذي تقوده X): no subject of what follows the clause
                relative = _opens_relative(toks, vt) and (until is None or not _same_clause(st, m, until))
                return relative or (_has_subject(st, vt) and not has_object(toks[vt].key))
            if _after_titled_subject(st, m, vt):
                return True  # زار الوزير فلانٌ القاهرةَ: past the titled subject, the object
            if any(_titled(x.key) for x in between) or all(_agent_head(x) for x in between):
                return False
            # one noun between a verb that has no subject yet and the mention: «وتقود بعثة الأمم المتحدة
            # وساطة», a verb-subject-object clause whose subject the mention ends; with the subject before
            # the verb (إنه قصف، X قصف) or in its plural inflection, the noun is the object (قصف مواقع X)
            # (a position's owner, واستهدفت مواقعَ X بالغارات, is hit, whether the verb is active or passive)
            return len(between) > 1 or _has_subject(st, vt) or between[0].bare in POSITIONS
    return False


def _after_titled_subject(st: Sentence, m: Ment, vt: int) -> bool:
    """A person named between the verb at vt and `m`, with only adverbs of time between the name and `m`:
    the person is the verb's subject, so `m` is its object (زار وزير الخارجية فلانٌ أمس القاهرةَ)."""
    ends = [x.tj for x in st.ments if vt < x.ti and x.tj <= m.ti and x.ent.type == "PER"]
    return bool(ends) and m.prep is None and st.toks[m.ti].key[:1] != "و" and all(
        st.toks[k].bare in TIME_ADVERBS for k in range(max(ends), min(m.ti, m.lead)))


def _titled(key: str) -> bool:
    """A title or rank, with a possessive too (مديرها العام الشيخ X: the title phrase of a subject)."""
    return key in RANKS or title_head(key) is not None or owned_title(key)


def _same_clause(st: Sentence, m: Ment, until: int) -> bool:
    """Whether token `until` continues the clause of mention m: no comma or verb between, and at most four
    words that are not names."""
    toks = st.toks
    words = 0
    for k in range(m.tj, until):
        if any(x.ti <= k < x.tj for x in st.ments):
            continue
        t = toks[k]
        if t.key in CLAUSE_BREAK or t.key == "." or (t.key in FORMS and FORMS[t.key].verbal):
            return False
        words += 1
    return words <= 4


_RELATIVES = frozenset({"الذي", "التي", "الذين"})
#: Verbs of doing, whose relative clause names who does the acts listed after it (الأعمال التي يقوم بها X: …).
_DOING = frozenset({"قام", "قامت", "يقوم", "تقوم", "يقومون"})


def _opens_relative(toks: list[Tok], vt: int) -> bool:
    """The word at vt is the verb of a relative clause (الذي/التي/الذين before it), not one of doing."""
    return vt >= 1 and toks[vt - 1].key.lstrip("وف") in _RELATIVES and toks[vt].bare not in _DOING


def _has_subject(st: Sentence, vt: int) -> bool:
    toks = st.toks
    if vt >= 1 and (complementizer_features(toks[vt - 1].key) is not None or
                    toks[vt - 1].bare in ("هو", "هي", "هم")):
        return True
    if verb_features(toks[vt].key) in (("m", "pl"), ("*", "pl"), ("f", "pl")) or has_object(toks[vt].key):
        return True
    return any(m.tj == vt for m in st.ments)


# Verbal nouns of compelling, calling and enabling: their genitive does the act that follows them
# (بإجبار X على التوقيع، دعوة X إلى الانسحاب، لمنع X من …).
_CONTROL = frozenset({"اجبار", "ارغام", "الزام", "اكراه", "دعوه", "مطالبه", "حث", "تكليف", "منع", "حمل", "دفع",
                      "اقناع", "تشجيع", "مساعده", "تمكين", "اجبر", "ارغم", "الزم", "دعا", "طالب"})


def _agent_head(t: Tok) -> bool:
    """A noun that heads a party named after it (قوات التحالف، عناصر الحزب، طائرات X، مقاتلو X): the
    phrase is the subject, not an object with the party as its genitive."""
    b = t.bare
    return b in GENERIC_AGENTS or b.removeprefix("ال") in _MACHINES or is_human_plural(b) or \
        (b.endswith("ي") and is_human_plural(b + "ن"))


def _control_noun(key: str) -> bool:
    k = key
    for p in ("وب", "ول", "فب", "ب", "ل", "و"):
        if k.startswith(p) and k[len(p):] in _CONTROL:
            return True
    return k in _CONTROL or k.removeprefix("ال") in _CONTROL


def _relative_after(toks: list[Tok], k: int) -> bool:
    """A relative pronoun within the two words after the mention starting at k (its head's clause)."""
    return any(toks[x].key.lstrip("وف") in _RELATIVES for x in range(k + 1, min(len(toks), k + 4)))


def _filler(t: Tok) -> bool:
    """A word between a verb and its subject that is not a noun of the clause: a resumptive or an
    adverb of time (أعلنت فيه قوات X، نفذت أمس القوات)."""
    b = t.bare
    return t.key in _RESUMPTIVE or b in _RESUMPTIVE or b in _ADVERBS or b in _TIME_NOUNS or \
        b in ("قد", "من", "اول", "اليوم", "الان", "بعض", "عدد", "كل", "جميع", "عشرات", "ميات", "الاف") or b[:1].isdigit()


def subject_then_resumptive(st: Sentence, v: int, assault: bool) -> bool:
    """After a relative, a party right after the verb and then a noun whose pronoun takes the antecedent
    back (القمة التي طلبت القيادة الفلسطينية عقدها): the party is the verb's subject (VSO)."""
    m = next((m for m in st.ments if v < m.ti <= v + 2), None)
    if m is None or m.prep is not None or m.tj >= len(st.toks) or not is_agent(m, assault):
        return False
    key = st.toks[m.tj].key
    return key[:1] not in "وف" and not key.startswith("ال") and pronoun_features(key) is not None


def whoever(toks: list[Tok], v: int, verbal: bool) -> bool:
    """«من» before the verb is "who(ever)", the subject with no antecedent: after «هناك» or a break
    (هناك من اتهم واشنطن), or before an imperfect, which no preposition governs (جهود من يقاتل الإرهاب);
    only the masculine يـ, which «من» takes: a تـ may open a perfect (رغم من تعهد الحكومة: a noun)."""
    if v < 1 or toks[v - 1].key not in ("من", "ومن"):
        return False
    return v == 1 or toks[v - 2].bare.lstrip("وف") in ("هناك", "هنالك", "ثمه", "منهم") or \
        toks[v - 2].key in CLAUSE_BREAK or (verbal and toks[v].key[:1] == "ي")


_NOT_TITLES = PREPS | {"امام"}  # أمام "before" is spelt like إمام "imam"


def titled_holder(toks: list[Tok], ms: list[Ment], m: Ment) -> Ment | None:
    """The person a title names when the mention found is the title's complement: «محافظ القطيف فلان»,
    «وزير خارجية إيران فلان» — the place or body belongs to the office, the person holds it; also when the
    person stands in apposition after a comma, with his rank (رئيس حزب X، النائب فلان)."""
    if m.ent.type == "PER" or m.ti < 1 or not any(title_head(toks[k].key) and toks[k].bare not in _NOT_TITLES
                                                  for k in range(max(0, m.ti - 2), m.ti)):
        return None  # (أمام spells the title إمام too: أمام هجمات X من Y)
    for p in ms:
        if p.ent.type != "PER" or p.ti < m.tj:
            continue
        if p.ti == m.tj or (p.ti - m.tj == 1 and toks[m.tj].bare not in PREPS):
            return p
        if p.ti - m.tj <= 3 and toks[m.tj].key in ("،", ",") and all(
                toks[k].key in RANKS or title_head(toks[k].key) is not None for k in range(m.tj + 1, p.ti)):
            return p
    return None


#: Pronouns that open a parenthesis about the noun before them (X، وهي أكبر جماعة مسلحة، هاجمت …).
_PARENTHESIS = frozenset({"وهي", "وهو", "وهم", "وهما"})
#: Words after which a noun opens a clause as its topic: the subject of a verb that comes later.
_TOPIC_OPENERS = frozenset({"ان", "وان", "بان", "لكن", "ولكن", "كان", "وكان", "كانت", "وكانت", "اما", "واما"})


def subject_before_relative(st: Sentence, v: int, assault: bool) -> Ment | None:
    """«أن الحركة التي تنشط في الإقليم هاجمت القافلة»، «X، وهي أكبر جماعة مسلحة، هاجمت»: a relative clause
    or a parenthesis closes right before the verb, so the party it describes, standing as the topic (at
    the start of the sentence, after أن/إن/كان or a comma), is the verb's subject and the noun after the
    verb its object. Not for a و/ف-verb (it may continue the relative clause) nor past a complementizer or
    another clause's opener (X التي قالت إنها هاجمت: the verb is inside the relative clause)."""
    toks, key = st.toks, st.toks[v].key
    if v < 3 or key[:1] in "وف" or key.endswith(_OBJECT_SUFFIXES) or st.doc.text[toks[v].end - 1] == "ة" or \
            toks[v - 1].key.lstrip("وف") in _RELATIVES:
        return None
    for r in range(v - 2, max(-1, v - 16), -1):
        t = toks[r]
        if t.key == "." or t.key in _OPENERS or t.bare in _COMPLEMENTIZERS or \
                complementizer_features(t.key) is not None:
            return None
        opens = t.key.lstrip("وف") in _RELATIVES or (t.key in _PARENTHESIS and r >= 1 and toks[r - 1].key in ("،", ","))
        if not opens:
            continue
        end = r - 1 if toks[r - 1].key in ("،", ",") else r
        m = next((m for m in st.ments if m.tj == end), None)
        if m is None or m.prep is not None or m.loc or not is_agent(m, assault) or after_an_object(st, m) or \
                not agrees_with_verb(st, m, key):
            return None
        before = min(m.ti, m.lead) - 1
        if before < 0 or toks[before].key in CLAUSE_BREAK or toks[before].bare in _TOPIC_OPENERS:
            return m
        return None
    return None


#: What may stand between a complementizer's topic and its verb: place phrases and where they are.
_TOPIC_GAP = frozenset({"في", "من", "قرب", "داخل", "شمال", "جنوب", "شرق", "غرب", "وسط", "اطراف"})


def complementizer_topic(st: Sentence, v: int, assault: bool, trig: Trigger) -> Ment | None:
    """The topic of «أنّ/إنّ» is the subject of the first verb after it: «إن عناصر الحوثيين في شبوة
    تستهدف المركبات» — whatever follows the verb is its object, not a VSO subject. Only with place
    phrases and the topic's own mentions between it and the verb (one other word at most: وجيوبهم), never
    past a clause break, a relative, another verb or a complementizer carrying a pronoun; the party agrees
    with the verb or is the genitive of a member noun whose plural does (عناصر X تستهدف)."""
    toks, key = st.toks, st.toks[v].key
    if v < 2 or key[:1] in "وف" or key.endswith(_OBJECT_SUFFIXES) or st.doc.text[toks[v].end - 1] == "ة" or \
            _read_passive(toks, v, trig):
        return None
    other = 0
    for r in range(v - 1, max(-1, v - 14), -1):
        t = toks[r]
        if any(m.ti <= r < m.tj for m in st.ments):
            continue
        if t.bare in _COMPLEMENTIZERS:
            k = r + 1 + (r + 1 < v and toks[r + 1].bare in MEMBER_NOUNS)
            m = next((m for m in st.ments if m.ti == k and m.tj <= v), None)
            if m is None or m.prep is not None or m.loc or id(m) in st.victims or not is_agent(m, assault):
                return None
            joined = (verb_features(key) or ("", ""))[1] == "pl" and \
                toks[m.tj].key[:1] == "و" and m.tj < v  # الولايات المتحدة وحلفاؤها شنّوا: a coordinated topic
            return m if (k > r + 1 or joined or agrees_with_verb(st, m, key)) else None
        if t.key in CLAUSE_BREAK or t.key == "." or t.key.lstrip("وف") in _RELATIVES or \
                complementizer_features(t.key) is not None or FORMS.get(t.key) is not None:
            return None
        if t.bare in _TOPIC_GAP or t.bare in _BETWEEN or t.bare in MEMBER_NOUNS:
            continue
        other += 1
        if other > 1:
            return None
    return None


_KANA = frozenset({"كان", "كانت", "كانوا", "كانا", "كانتا"})
_CLAUSE_MARKS = frozenset({"،", ",", "؛", ";", ":", ".", "«", '"'})


def fronted_subject(toks: list[Tok], v: int) -> bool:
    """«وكانت X قد اتهمت Y»: كان, its subject, then قد and the verb. The subject stands before the verb, so
    what follows the verb is its object, not its subject."""
    if v < 3 or toks[v - 1].key not in ("قد", "وقد"):
        return False
    for k in range(v - 3, max(-1, v - 10), -1):
        if toks[k].key in _CLAUSE_MARKS:
            return False
        if toks[k].bare.removeprefix("و") in _KANA:
            return True
    return False
