"""Sense checks for trigger words that are also ordinary words.

* A verb of killing or destroying attacks only what can be attacked: people, forces, weapons and attacks
  (as the subject that killed), places and buildings, vehicles. «لقتل الدود», «قتل الوقت», «يدمر الاقتصاد»,
  «تدمير الأسلحة الكيماوية», «قتلت إنفلونزا الطيور …» are no attacks; a bare «القتل» / «التدمير» with
  nothing to attack is a topic, not an event.
* «استشهد بـ…» is "to cite" (استشهدت الصحيفة بخبير), not "to be martyred" (استشهد برصاص …).
* «الإعدام» as a penalty in a law or a sentence (عقوبات تصل إلى الإعدام، حكم بالإعدام) is no execution.
* «دعا الله أن …», «داعيا لهم بالتوفيق» is a prayer, not an appeal to a party, and «أيده الله» a blessing,
  not support (`prayer`).
* A bomb found, seized or defused (تفكيك عبوة ناسفة) exploded nowhere.
* «تحقيق» + a definite object is "achieving" it (تحقيق الأهداف), not an inquiry.
* An event noun names no occurrence where it only qualifies another noun or a judgement (`occurs`): the
  complement of an agreement, a law, a plan or talks («اتفاق وقف القتال», «خطة لنشر قوات»), what a speaker
  calls an event already told («وصف ما جرى بالمجزرة»), and a kind of act judged in general («اقتحام البيوت
  ضروري»).
"""

from __future__ import annotations

from marsad.events.lexicon import bare, bare_prefixes
from marsad.events.tokens import CARDINALS, CLAUSE_BREAK, PREPS, Hit, Ment, Tok, unclitic
from marsad.text.normalize import normalize

__all__ = ["FORCE", "civilians", "human_follows", "occurs", "policed", "policing", "prayer", "sense_ok", "target_word"]


# What a killing or destroying verb can hit, or what can kill (bare-spelling prefixes).
_TARGET = bare_prefixes(
    # people
    "شخص اشخاص مدني جندي جنود طفل اطفال امرأة نساء رجل رجال شاب شبان فتاة فتى فتيات ضابط ضباط شرطي عنصر "
    "عناصر مقاتل مواطن سكان ناس انسان بشر صحفي عامل عمال طالب طلاب معلم اسير اسرى رهين معتقل سجين سجناء "
    "زعيم قائد قادة رئيس امير ملك وزير نائب مسؤول متظاهر محتج لاجئ نازح حاج مصل زائر زوار سائح سياح ركاب "
    "راكب طاقم ضحايا ضحية ابرياء اسرة عائلة افراد قاض محافظ سفير نشطاء ناشط مسلم مسيحي شيعي سني كردي "
    "متطوع موظف رعايا منتسب حارس حراس مهاجر مهاجرين "
    # forces and armed groups
    "قوات قوة جيش جيوش مسلح ميليشي مليشي ارهابي متشدد كتيبة لواء فرقة فصيل فصائل تنظيم جماعة حركة "
    "دورية دبابة دبابات مدرعة مدرعات الية اليات عربة عربات طائرة طائرات مروحية مقاتلات سفينة سفن زورق "
    "قارب انتحاري مهاجم مهاجمين قناص متمرد انفصالي "
    # attacks and weapons (as what killed or destroyed)
    "غارة غارات قصف هجوم هجمات انفجار تفجير قذيفة قذائف صاروخ صواريخ رصاص عبوة لغم الغام سيارة مفخخة "
    "قنبلة برميل براميل نيران اشتباك معارك "
    # places, buildings, infrastructure
    "منزل منازل بيت بيوت مبنى مباني مسجد مساجد كنيسة كنائس مدرسة مدارس مستشفى جسر جسور طريق طرق موقع "
    "مواقع مقر مقرات معسكر قاعدة مطار ميناء مخزن مخازن مستودع مصنع مصانع حي احياء قرية قرى بلدة بلدات "
    "مدينة مدن منطقة مناطق بنية انفاق نفق منشأة منشآت مركز مراكز حاجز حواجز نقطة نقاط دشم تحصين مخبأ "
    "مخابئ سوق اسواق محطة خط خطوط شبكة ابراج برج سد محل محلات فندق مكتب مكاتب ثكنة ثكنات مخيم مخيمات "
    "سجن حقل حقول انبوب خزان مبان")
# Words that may stand between a verb and what it hit: time words, particles, numbers are handled apart.
_SKIP = frozenset(bare(normalize(w)) for w in (
    "أمس اليوم الليلة صباح مساء فجر ظهر أيضا كذلك بدورها بدوره نحو حوالي قرابة زهاء أكثر اكثر ما لا يقل عن "
    "على الأقل الاقل قد كل جميع بعض عدد عشرات مئات آلاف الاف بالفعل فعلا مؤخرا سابقا لاحقا جميعا "
    "بالكامل كليا جزئيا تماما الكثير العديد معظم كافة غالبية").split())
# After «استشهد بـ»: what one is martyred by (else: one cites it).
_MARTYR_BY = bare_prefixes("رصاص رصاصة نيران نار قصف غارة غارات انفجار تفجير قذيفة قذائف صاروخ صواريخ جروح "
                       "جراح اصابة اصابات شظايا هجوم هجمات عبوة لغم طلق طعنة طعنات سلاح اسلحة")
# After «استشهد بـ»: what one cites.
_CITED = bare_prefixes("قول اقوال مقولة كلام تصريح تصريحات حديث اية ايات مثال امثلة مجموعة دراسة دراسات تقرير "
                   "تقارير خبير خبراء كاتب باحث بيت شعر كتاب رأي اراء ارقام احصاءات بيانات وثيقة وثائق ما")
_MARTYR_FORMS = frozenset(bare(normalize(w)) for w in "استشهد استشهدت استشهدوا استشهدا يستشهد تستشهد".split())
# Before «الإعدام»: a penalty, not an execution.
_PENALTY = bare_prefixes("عقوبة عقوبات حكم احكام يعاقب تعاقب قضت قضى تصل يصل الحكم جريمة جرائم")



# People one arrests (beyond the people of _TARGET): suspects, the wanted, cells and gangs.
_ARRESTEE = bare_prefixes("موقوف مطلوب مشتبه متهم عصابة عصابات خلية خلايا مهرب مخالف متسلل جان جناة شخص اشخاص "
                      "مواطن مقيم وافد شاب شبان رجل رجال امرأة نساء عنصر عناصر ارهابي مسلح ناشط نشطاء "
                      "صحفي معارض زعيم قيادي عدد عشرات مئات")
_NUMBER_WORDS = CARDINALS | {"اثنين"}
_DEFUSED = frozenset(bare(normalize(w)) for w in (
    "تفكيك ابطال ضبط العثور عثر عثرت مصادره مصادرة ضبطت فككت فكك بحوزته بحوزتها بحوزتهم حيازة حيازته "
    "تخزين تهريب").split())
# What bursts by accident (a tyre, a pipe, a gas cylinder), not a bomb.
_BURST = bare_prefixes("اطار اطارات انبوب انابيب ماسوره اسطوانه اسطوانات قاروره خزان محول بالون غلايه")
_PARTICIPLES_AS_NOUNS = frozenset({"متهما", "متهمين"})
#: What one gets or gives in return (لقاء رفع العقوبات، لقاء الإفراج عن …): لقاء is "in exchange for".
_IN_RETURN = frozenset(bare(normalize(w)) for w in (
    "رفع دفع تقديم منح تسليم حصول الحصول تخفيف إطلاق الإفراج افراج ثمن أجر أموال مال إعطاء إلغاء تعويض "
    "تعويضات مقابل").split())
#: «أي»، «أية»: any act of a kind (لمواجهة أية عمليات إرهابية).
_ANY = frozenset({"اي", "ايه", "ايا", "ايت"})
_AMOUNTS = frozenset(bare(normalize(w)) for w in "مبلغ مبالغ مليون ملايين مليار مليارات الف ألف آلاف".split())


def human_follows(toks: list[Tok], h: Hit, ments: list[Ment]) -> bool:
    """People within three words after the trigger: a person named, a number, a people noun."""
    people = {m.ti for m in ments if m.ent.type == "PER" or
              (m.ent.type == "MISC" and m.ent.sector not in (None, "COP", "MIL", "GOV"))}
    for k in range(h.j + 1, min(len(toks), h.j + 4)):
        t = toks[k]
        if t.key in CLAUSE_BREAK:
            break
        u = unclitic(t.bare)
        if k in people or t.key[:1].isdigit() or t.bare in _NUMBER_WORDS or t.bare.startswith(_ARRESTEE) or \
                u.startswith(_ARRESTEE) or t.key in ("(",):
            return True
    return False


def target_word(b: str) -> bool:
    """A bare word naming people, forces, weapons, places or buildings: what can be attacked."""
    return b.startswith(_TARGET) or unclitic(b).startswith(_TARGET)


def _targetable(toks: list[Tok], h: Hit, ments: list[Ment]) -> bool:
    """The first word after a killing/destroying trigger is something that can be attacked (or the
    attacker, or a number of victims), or a name; a definite ordinary noun there (الدود، الوقت، الاقتصاد)
    says the word is used in its everyday sense."""
    starts = {m.ti for m in ments}
    # a definite verbal noun (القتل، التدمير) needs something attacked after it
    topic = not h.form.verbal and toks[h.i].key.lstrip("وفبل")[:2] == "ال"
    for k in range(h.j + 1, min(len(toks), h.j + 5)):
        t = toks[k]
        if t.key in CLAUSE_BREAK:
            break
        if k in starts or t.key[:1].isdigit():
            return True
        b = t.bare
        if b in _SKIP:
            continue
        u = unclitic(b)
        if b.startswith(_TARGET) or u.startswith(_TARGET):
            return True
        if t.key.endswith(("ه", "ها", "هم", "هما")) and k == h.j + 1 and len(b) <= 3:
            return True  # a pronoun object standing alone (قتله)
        if topic:
            return False  # القتل والإجرام، التحريض على القتل: a topic, nothing attacked
        # a definite ordinary noun: not a target; a family name or a people in -ي/-يين (القذافي، العلويين)
        # still may be
        return not (b != t.key and t.key.lstrip("وفبل").startswith("ال") and not b.endswith(("ي", "يين", "يون")))
    # nothing after it: a verb (killed / was killed) is an event, a bare definite noun (القتل) a topic
    return not topic


def _cites(toks: list[Tok], h: Hit, ments: list[Ment]) -> bool:
    """استشهد followed by بـ + a source one quotes (a saying, a text, an expert, a person): "to cite"."""
    starts = {m.ti: m for m in ments}
    for k in range(h.j + 1, min(len(toks), h.j + 13)):
        key = toks[k].key
        if key in (".", "؛", ";"):
            break
        if key[:1] == "ب" and len(key) > 3:
            u = unclitic(toks[k].bare) if toks[k].bare[:1] == "ب" else toks[k].bare
            if u.startswith(_MARTYR_BY):
                return False
            m = starts.get(k)
            if u.startswith(_CITED) or (m is not None and m.ent.type == "PER"):
                return True
    return False


# Adjectives that make «هجوم» a verbal attack (لاذع، كلامي، إعلامي، حاد اللهجة).
_VERBAL = bare_prefixes("لاذع كلامي اعلامي إعلامي سياسي لفظي")
_SHARP = frozenset({"حاد", "حادا", "حاده"})  # whole words: «حادث» is an incident


def _penalty(toks: list[Tok], h: Hit) -> bool:
    key = toks[h.i].key
    if key.lstrip("وف").startswith("بالاعدام"):
        return True  # حكم عليه بالإعدام، يعاقب بالإعدام
    return any(toks[k].bare.startswith(_PENALTY) or unclitic(toks[k].bare).startswith(_PENALTY)
               for k in range(max(0, h.i - 4), h.i))


#: Situations that "explode" or "erupt" (تفجر الأحداث، انفجار الأزمة): no bomb, an escalation.
_SITUATIONS = bare_prefixes("احداث اوضاع وضع ازمة ازمات صراع صراعات خلاف خلافات موقف غضب احتجاجات ثورة "
                        "مشكلة مشكلات نزاع توتر الاوضاع")
#: What one declines to give when «رفض» is declining to comment (رفض المصدر كشف هويته): no rejection.
_TELLING = frozenset(bare(normalize(w)) for w in "كشف الكشف ذكر الافصاح التعليق الادلاء الحديث التصريح "
                                                 "الافصاح الإفصاح الإدلاء الكشف".split())


#: Verbs of constituting or posing (a danger): «يشكل تهديدا»، «تمثل تهديدا».
_CONSTITUTE = frozenset(bare(normalize(w)) for w in (
    "يشكل تشكل شكل شكلت يمثل تمثل مثل مثلت يعد تعد يعتبر تعتبر باتت بات أصبح أصبحت يبقى تبقى").split())
#: Adjectives and nouns that make «تظاهرة» a cultural or sporting event (prefixes of the bare spelling).
_FESTIVE = bare_prefixes("ثقافي فني سينمائي رياضي علمي موسيقي مسرحي ادبي سياحي تراثي احتفالي فكري مهرجان معرض "
                     "كرنفال")


def _clause_words(toks: list[Tok], j: int, n: int) -> list[str]:
    """The bare words (no attached ب/ل) of up to n tokens after token j, within its clause."""
    out = []
    for k in range(j + 1, min(len(toks), j + 1 + n)):
        if toks[k].key in CLAUSE_BREAK or toks[k].key == "." or toks[k].bare in ("ان", "بان"):
            break  # (نفى أن يكون صاحب التعليق: what follows أن is another clause)
        out.append(unclitic(toks[k].bare))
    return out


def sense_ok(toks: list[Tok], h: Hit, ments: list[Ment]) -> bool:
    """False where the trigger word is used in its ordinary sense here."""
    t = h.form.trig
    nxt = [unclitic(toks[k].bare) for k in range(h.j + 1, min(len(toks), h.j + 3))]
    if t.mode == "explosives" and nxt and nxt[0].startswith(_SITUATIONS):
        return False  # «منذ تفجر الأحداث»: the situation erupted
    reach = 5 if "رفض" in toks[h.i].bare else 2  # رفض X أمس التعليق: the subject may stand between
    if t.type == "REJECT" and any(w in _TELLING for w in _clause_words(toks, h.j, reach)):
        return False  # «رفض المصدر كشف هويته»، «رفضت الوزارة أمس التعليق»: declined to say
    if (t.type == "THREATEN" or (t.type == "ASSAULT" and not toks[h.i].key.startswith("ال"))) and \
            not h.form.verbal and h.i >= 1 and toks[h.i - 1].bare in _CONSTITUTE:  # (لم تعد المواجهات: no longer)
        return False  # «يشكل تهديدا لحياة السكان»، «يعد اعتداء على»: a danger or a judgement, not an act told
    if t.type == "ASSAULT" and not h.form.verbal and _on_a_right(toks, h):
        return False  # «اعتداء مباشر على حق الشعوب»: an infringement, not an attack
    if t.type == "PROTEST" and any(w.startswith(_FESTIVE) for w in _clause_words(toks, h.j, 3)):
        return False  # «تظاهرة ثقافية»، «تظاهرة أيام قرطاج السينمائية»: a festival (Maghrebi usage)
    if "هجوم" in toks[h.i].key and any(toks[k].bare.startswith(_VERBAL) or toks[k].bare in _SHARP
                                      for k in range(h.j + 1, min(len(toks), h.j + 3))):
        return False  # «هجوما لاذعا على الحكومة»، «هجوم إعلامي»: words, not an attack
    if t.target and not _targetable(toks, h, ments):
        return False
    if t.cameo == "1823" and unclitic(toks[h.i].bare) in _MARTYR_FORMS and _cites(toks, h, ments):
        return False
    return not (t.cameo == "185" and "اعدام" in toks[h.i].key and _penalty(toks, h))


#: What an «attack on» that is no attack infringes (whole words, bare spelling, so without the article): a
#: right, a sovereignty, a law.
_RIGHTS = frozenset(bare(normalize(w)) for w in (
    "حق حقوق سيادة كرامة حرية حريات إرادة قانون دستور شرعية مبادئ قيم ثوابت هوية "
    "سمعة مشاعر").split())


def _on_a_right(toks: list[Tok], h: Hit) -> bool:
    """An attack noun whose على (after its adjectives) governs a right or a law (اعتداء سافر على سيادة)."""
    for k in range(h.j + 1, min(len(toks) - 1, h.j + 5)):
        if toks[k].bare in ("علي", "على"):
            return unclitic(toks[k + 1].bare) in _RIGHTS or toks[k + 1].bare in _RIGHTS
    return False


# Nouns whose complement is the content of a text, an agreement or a project, not an occurrence (whole
# words: «قانونية» or «اتفاقهم» is no head of a construct).
_FRAME = frozenset(bare(normalize(w)) for w in (
    "اتفاق اتفاقية اتفاقيات اتفاقات مشروع مشاريع مشروعات قانون قوانين خطة خطط مبادرة مبادرات شروط بنود "
    "منطقة مناطق استراتيجية سياسة سياسات مفاوضات محادثات مباحثات مسودة وثيقة ميثاق معاهدة معاهدات اقتراح "
    "مقترح مقترحات أسلوب أساليب طريقة ثقافة مبدأ").split())
# Heads of a body's name (هيئة التنسيق، مركز الإغاثة، لجنة المتابعة).
_BODIES = frozenset(bare(normalize(w)) for w in (
    "هيئة لجنة مجلس مكتب مركز إدارة وحدة غرفة قيادة وزارة دائرة جهاز مديرية منظمة جمعية صندوق").split())
# Verbs (and participles) of calling something by a name: وصف/يصف/واصفا/وصفه.
_DESCRIBE = ("وصف", "يصف", "تصف", "نصف", "واصف")
_BY_PRONOUN = frozenset({"به", "بها", "بهم", "بهما", "بهن"})  # «وصفت بها عمليات …»: what is described follows
# Judgements that make an event noun a kind of act: «اقتحام البيوت ضروري».
_JUDGED = frozenset(bare(normalize(w)) for w in (
    "ضروري ضرورية ضروريا لازم لازمة لازما واجب مبرر مبررة مقبول مقبولة ممنوع ممنوعة محظور "
    "محظورة محرم محرمة مرفوض مرفوضة جائز جائزة").split())


# Groups a definite event noun in construct describes (ميليشيات العدوان، قوى الانقلاب): an epithet.
_GROUPS = frozenset(bare(normalize(w)) for w in "ميليشيات مليشيات ميليشيا مليشيا قوى قوات دول تحالف عصابات جماعات".split())


def _named_body(toks: list[Tok], h: Hit) -> bool:
    """The event noun names a body or qualifies a group: «اللجنة العليا للإغاثة» (a body's head, perhaps an
    adjective, then لل + the noun), «ميليشيات العدوان» (an indefinite group noun governing it)."""
    key = toks[h.i].key.lstrip("وف")
    if key.startswith("لل") and h.form.trig.type not in ("ASSAULT", "PROTEST", "COERCE"):
        # (a body is named after what it administers; «خضعت اللجنة للاحتجاجات» yields to protests)
        for k in (h.i - 1, h.i - 2):
            if k >= 0 and (toks[k].bare in _BODIES or _bare_word(toks[k]) in _BODIES):
                return True
            if k < 0 or not toks[k].key.startswith("ال"):
                break  # only one adjective (with the article) between the head and the noun
    return key.startswith("ال") and h.i >= 1 and toks[h.i - 1].bare in _GROUPS and \
        not toks[h.i - 1].key.lstrip("وف").startswith(("ال", "لل", "ب", "ل"))


def _bare_word(t: Tok) -> str:
    return unclitic(t.bare).lstrip("«\"“(")


def _any_of_a_kind(toks: list[Tok], i: int) -> bool:
    """«أي»/«أية» + an indefinite noun within the five words before token i, in its clause: the trigger
    (or the clause on that noun) speaks of any act of a kind. «أي» before a definite word is "that is"."""
    for k in range(i - 1, max(-1, i - 6), -1):
        if toks[k].key in CLAUSE_BREAK or toks[k].key == "." or toks[k].bare in PREPS:
            return False  # (مقتل أي مدنيين في الهجوم: «أي» is on another noun)
        if toks[k].bare in _ANY and toks[k].key == toks[k].bare:
            nxt = toks[k + 1].key.lstrip("وف")
            return not nxt.startswith(("ال", "لل"))
    return False


def occurs(toks: list[Tok], h: Hit) -> bool:
    """False where a nominal trigger names no occurrence: the complement of a frame noun, the name a
    speaker gives to what happened, or a kind of act under a general judgement; and a threat whose subject
    is a situation (… مما يهدد بانفجار أزمة)."""
    if _any_of_a_kind(toks, h.i):
        return False  # «أي هجوم»، «أية عمليات إرهابية تستهدف»: any act of the kind, none that happened
    if h.form.verbal:
        return not (h.form.trig.type == "THREATEN" and h.i >= 1 and toks[h.i - 1].key.lstrip("و") in ("ما", "مما"))
    if h.i >= 1 and toks[h.i].key.lstrip("وف").startswith("ال") and (
            (toks[h.i - 1].bare in _BODIES or _bare_word(toks[h.i - 1]) in _BODIES)
            and not toks[h.i - 1].key.lstrip("وف").startswith("ال")):
        return False  # «هيئة التنسيق»، «مكتب الإغاثة»: the name of a body, not an event
    if _named_body(toks, h):
        return False
    if h.form.trig.cameo == "090" and h.i == h.j and h.j + 1 < len(toks) and \
            not toks[h.i].key.lstrip("وفبل").startswith("ال") and toks[h.j + 1].key.startswith("ال"):
        return False  # «تحقيق التوازن»: achieving an aim, not an inquiry (تحقيق في، تحقيق مستقل)
    if toks[h.i].bare == "لقاء" and h.j + 1 < len(toks) and (
            toks[h.j + 1].key[:1].isdigit() or toks[h.j + 1].bare in _NUMBER_WORDS or
            toks[h.j + 1].bare in _AMOUNTS or toks[h.j + 1].bare in _IN_RETURN):
        return False  # «لقاء أربعة ملايين»، «لقاء رفع العقوبات»: in exchange for, not a meeting

    if h.form.trig.mode == "explosives" and (any(
            toks[k].bare.lstrip("وف") in _DEFUSED for k in range(max(0, h.i - 4), h.i)) or any(
            toks[k].bare.startswith(_BURST) or unclitic(toks[k].bare).startswith(_BURST)
            for k in range(h.j + 1, min(len(toks), h.j + 3)))):
        return False  # «تفكيك عبوة ناسفة», «بحوزتهم عبوات», «انفجار أحد الإطارات»: no bomb went off at anyone
    if toks[h.i].bare in _PARTICIPLES_AS_NOUNS and h.i >= 1 and (
            toks[h.i - 1].key[:1].isdigit() or toks[h.i - 1].bare in _NUMBER_WORDS):
        return False  # «24 متهما»: defendants, not «accusing»
    prev = h.i - 1
    while prev >= 0 and toks[prev].key in ("«", "\"", "“", "("):
        prev -= 1
    # construct state: a frame noun governs the event noun directly or through one more noun of the chain
    # (مشروع مكافحة الهجمات); a noun with a preposition on it (لدعم، بالتفجير) is no member of a chain
    chain = (prev, prev - 1) if toks[h.i].key.lstrip("وف")[:1] not in ("ب", "ل", "ك") else ()
    for k in chain:
        if k < 0 or toks[k].bare in PREPS:
            break
        head = toks[k].key.lstrip("وف")
        definite = "ال" in head[:3] or head.startswith("لل")
        if not definite and (_bare_word(toks[k]) in _FRAME or toks[k].bare in _FRAME):
            return False  # the head of a construct carries no article (اتفاق وقف النار، بمشروع مكافحة …)
        if definite or head.startswith(("ب", "ل", "ك", "ي")):
            break  # a definite noun ends the chain; a preposition or an imperfect verb (يخفف) opens another
    for k in range(h.i - 1, max(-1, h.i - 7), -1):
        key = toks[k].key
        if key in (".", "؛", ";", "،", ","):
            break
        if toks[k].bare.startswith(_DESCRIBE) or _bare_word(toks[k]).startswith(_DESCRIBE):
            # called by that name: «واصفا الحادث بالمذبحة»، «وصفها بأنها حرب …»
            # the name comes with «بـ» on it or on the word before it (بعملية قتل، بأنه هجوم)
            if toks[h.i].key.lstrip("وف")[:1] == "ب" or any(
                    toks[x].key[:1] == "ب" and toks[x].key not in _BY_PRONOUN
                    for x in range(max(k + 1, h.i - 2), h.i)):
                return False
            break
    # a judgement one to three words after the noun: the act in general, not one occurrence
    for k in range(h.j + 1, min(len(toks), h.j + 4)):
        if toks[k].key in (".", "؛", ";", "،", ","):
            break
        if toks[k].key in _JUDGED:  # a bare predicate: not «الممنوعة» (an attribute), not «للمشروع»
            return False
    return True


_GOD = frozenset(bare(normalize(w)) for w in "الله لله المولى للمولى ربه ربها ربنا".split())
_CALLING = ("دع", "يدع", "تدع", "ندع", "داعي", "دعو")
_FOR_THEM = frozenset({"له", "لها", "لهم", "لهما", "لكم", "لنا"})


def _god(t: Tok) -> bool:
    return t.key in _GOD or t.bare in _GOD  # «الله» keeps its article in the key, loses it in the bare form


def prayer(toks: list[Tok], h: Hit) -> bool:
    """A verb of calling (دعا، داعيا) addressed to God, or «for someone» + ب (داعيا لهم بالشفاء): a prayer."""
    k = h.j + 1
    if k >= len(toks):
        return False
    if _god(toks[k]) and h.form.verbal and toks[h.i].key.endswith(("ه", "ها", "هم")):
        return True  # a blessing formula after a name: أيده الله، نصره الله
    if not unclitic(toks[h.i].bare).startswith(_CALLING):
        return False
    if _god(toks[k]):
        return True
    return toks[k].key in _FOR_THEM and any(t.key[:1] == "ب" for t in toks[k + 1:k + 3])


#: Types of force: civilians, by what the word means, are never the ones who use it.
FORCE = frozenset({"ASSAULT", "COERCE"})


def civilians(m: Ment) -> bool:
    """A group named as civilians (المدنيين), not residents or the people, who may riot or fight."""
    return m.ent.sector == "CVL" and "مدني" in normalize(m.ent.name)


#: Stems of what the authorities do to a protest (guard, allow, ban, break up, suppress, confront).
_POLICE_STEMS = frozenset({"حمي", "سمح", "منع", "حظر", "فرق", "فض", "قمع", "واجه", "تصدي"})


def policing(bare: str) -> bool:
    """A verb of guarding, allowing, banning or breaking up (سيحمي، منعت، فرقت، يقمع), whatever its clitics."""
    return any(_police_stem(w) for w in (bare, bare[1:] if len(bare) > 3 and bare[0] in "وف" else ""))


def _police_stem(w: str) -> bool:
    """`policing` for a word without its conjunction (the ف of فرقت may be the root's)."""
    w = w[1:] if len(w) > 3 and w[0] == "س" else w  # سيحمي، ستمنع
    w = w[:-1] if len(w) > 3 and w.endswith("ت") else w  # منعت، فرقت
    return w in _POLICE_STEMS or (len(w) > 3 and w[0] in "يت" and w[1:] in _POLICE_STEMS)


def policed(toks: list[Tok], i: int) -> bool:
    """The event noun at i is the object of a verb of guarding, banning or breaking up (فرقت المظاهرة، منعت
    الاحتجاج): the verb's subject is the police, not the crowd."""
    return any(policing(toks[k].bare) for k in range(max(0, i - 2), i))
