"""Closed-class vocabulary for finding reported speech in Arabic news, in normalised (shadow) spelling.

Reported speech in news Arabic is marked by a small, closed set of reporting verbs, participles and
attribution prepositions; what varies is inflection (gender, number, aspect) and proclitics. Rather than
run a morphological analyser per token, every inflected form is generated once at import time into one
dict, so recognising a cue costs one hash lookup per token. Spelling follows `marsad.text.normalize`
(أ/إ/آ→ا, ة→ه, ى→ي, ؤ→و, ئ→ي, no diacritics), which is also how tokens are looked up.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.text import normalize


@dataclass(frozen=True, slots=True)
class CueForm:
    """One inflected cue word: what it means and which agreement features it carries."""

    lemma: str
    cls: str  # say assert deny accuse announce call warn express condemn
    kind: str  # verb | part (participle) | nqal (نقل عن ... قوله)
    gender: str  # m | f
    number: str  # sg | pl (duals count as plural: they never agree with a singular antecedent)
    preps: frozenset[str]  # prepositions that may open a nominal content (أشار إلى وجود ...)
    direct_object: bool  # content may follow with no marker (أعلنت الوزارة توجيه حملات)


def _n(s: str) -> str:
    return normalize(s)


# lemma: (class, perfect 3ms, perfect 3fs, perfect 3mpl, imperfect stem after the prefix, imperfect plural,
#         content prepositions, direct object allowed)
# Weak verbs spell their forms out; the rest follow the regular pattern.
_VERBS: list[tuple[str, str, list[str], list[str], list[str], str, bool]] = [
    # lemma, class, perfect forms (3ms 3fs 3mpl 3du...), imperfect 3ms forms (ي..), imperfect 3mpl forms, preps, dobj
    ("قال", "say", ["قال", "قالت", "قالوا", "قالا", "قالتا"], ["يقول"], ["يقولون"], "", False),
    ("أضاف", "say", ["أضاف", "أضافت", "أضافوا", "أضافا"], ["يضيف"], ["يضيفون"], "", False),
    ("تابع", "say", ["تابع", "تابعت", "تابعوا"], ["يتابع"], ["يتابعون"], "", False),
    ("اعتبر", "say", ["اعتبر", "اعتبرت", "اعتبروا"], ["يعتبر"], ["يعتبرون"], "", False),
    ("أوضح", "say", ["أوضح", "أوضحت", "أوضحوا", "أوضحا"], ["يوضح"], ["يوضحون"], "", False),
    ("أشار", "say", ["أشار", "أشارت", "أشاروا", "أشارا"], ["يشير"], ["يشيرون"], "إلى", False),
    ("لفت", "say", ["لفت", "لفتت", "لفتوا"], ["يلفت"], ["يلفتون"], "إلى", False),
    ("ذكر", "say", ["ذكر", "ذكرت", "ذكروا"], ["يذكر"], ["يذكرون"], "", False),
    ("أفاد", "say", ["أفاد", "أفادت", "أفادوا"], ["يفيد"], ["يفيدون"], "ب عن", False),
    ("رأى", "say", ["رأى", "رأت", "رأوا"], ["يرى"], ["يرون"], "", False),
    ("كشف", "announce", ["كشف", "كشفت", "كشفوا"], ["يكشف"], ["يكشفون"], "عن", False),
    ("صرح", "say", ["صرح", "صرحت", "صرحوا"], ["يصرح"], ["يصرحون"], "", False),
    ("أردف", "say", ["أردف", "أردفت"], ["يردف"], [], "", False),
    ("استطرد", "say", ["استطرد", "استطردت"], ["يستطرد"], [], "", False),
    ("أبلغ", "say", ["أبلغ", "أبلغت", "أبلغوا"], [], [], "", False),  # يُبلغ is spelled as يَبلغ «amounts to»
    ("زعم", "say", ["زعم", "زعمت", "زعموا"], ["يزعم"], ["يزعمون"], "", False),
    ("أبان", "say", ["أبان", "أبانت", "أبانوا"], [], [], "", False),
    ("بين", "say", ["بينت", "بينوا", "بينا"], [], [], "", False),  # بيّن; the bare بين is «between»
    ("نوه", "say", ["نوه", "نوهت", "نوهوا"], ["ينوه"], [], "إلى ب", False),
    ("وصف", "say", ["وصف", "وصفت", "وصفوا"], ["يصف"], [], "ب", False),
    ("أقر", "assert", ["أقر", "أقرت", "أقروا"], ["يقر"], [], "ب", False),
    ("نبه", "say", ["نبه", "نبهت", "نبهوا"], ["ينبه"], [], "إلى من", False),
    ("اعترف", "assert", ["اعترف", "اعترفت", "اعترفوا"], ["يعترف"], [], "ب", False),
    ("أكد", "assert", ["أكد", "أكدت", "أكدوا", "أكدا"], ["يؤكد"], ["يؤكدون"], "على", True),
    ("شدد", "assert", ["شدد", "شددت", "شددوا"], ["يشدد"], ["يشددون"], "على", False),
    ("جزم", "assert", ["جزم", "جزمت"], ["يجزم"], [], "", False),
    ("نفى", "deny", ["نفى", "نفت", "نفوا"], ["ينفي"], ["ينفون"], "", True),
    ("أنكر", "deny", ["أنكر", "أنكرت", "أنكروا"], ["ينكر"], [], "", True),
    ("اتهم", "accuse", ["اتهم", "اتهمت", "اتهموا"], ["يتهم"], ["يتهمون"], "ب", False),
    ("أعلن", "announce", ["أعلن", "أعلنت", "أعلنوا", "أعلنا"], ["يعلن"], ["يعلنون"], "عن", True),
    ("دعا", "call", ["دعا", "دعت", "دعوا"], ["يدعو"], ["يدعون"], "إلى", False),
    ("طالب", "call", ["طالب", "طالبت", "طالبوا"], ["يطالب"], ["يطالبون"], "ب", False),
    ("ناشد", "call", ["ناشد", "ناشدت", "ناشدوا"], ["يناشد"], [], "", False),
    ("حث", "call", ["حث", "حثت", "حثوا"], ["يحث"], [], "على", False),
    ("أوصى", "call", ["أوصى", "أوصت"], ["يوصي"], [], "ب", False),
    ("حذر", "warn", ["حذر", "حذرت", "حذروا"], ["يحذر"], ["يحذرون"], "من", False),
    ("توعد", "warn", ["توعد", "توعدت"], ["يتوعد"], [], "ب", False),
    ("هدد", "warn", ["هدد", "هددت", "هددوا"], ["يهدد"], ["يهددون"], "ب", False),
    ("أعرب", "express", ["أعرب", "أعربت", "أعربوا"], ["يعرب"], [], "عن", False),
    ("عبر", "express", ["عبر", "عبرت", "عبروا"], ["يعبر"], [], "عن", False),
    ("أشاد", "express", ["أشاد", "أشادت", "أشادوا"], ["يشيد"], ["يشيدون"], "ب", False),
    ("أثنى", "express", ["أثنى", "أثنت", "أثنوا"], ["يثني"], [], "على", False),
    ("رحب", "express", ["رحب", "رحبت", "رحبوا"], ["يرحب"], ["يرحبون"], "ب", False),
    ("ثمن", "express", ["ثمن", "ثمنت", "ثمنوا"], ["يثمن"], [], "", True),
    ("أدان", "condemn", ["أدان", "أدانت", "أدانوا"], ["يدين"], ["يدينون"], "", True),
    ("ندد", "condemn", ["ندد", "نددت", "نددوا"], ["يندد"], ["ينددون"], "ب", False),
    ("استنكر", "condemn", ["استنكر", "استنكرت", "استنكروا"], ["يستنكر"], [], "", True),
    ("شجب", "condemn", ["شجب", "شجبت", "شجبوا"], ["يشجب"], [], "", True),
]
# Verbs whose bare form is too often something else unless a content marker follows at once; they are
# still cues, but `extract_quotes` requires their expected preposition or a complementiser.
MARKER_REQUIRED = frozenset({"عبر", "أعرب", "طالب", "حذر", "لفت", "كشف", "رأى", "ذكر", "تابع", "أضاف", "أبان", "بين",
                             "نوه", "وصف", "أقر", "اعترف", "أشاد", "أثنى", "رحب", "نبه"})
# First-person forms that open a direct quotation and make it the act they name (قال: «ندين ونستنكر ...»
# is a condemnation, «نطالب بـ» a call): 1pl ن- and 1sg أ- imperfects of every cue that is not plain saying.
PERFORMATIVE: dict[str, str] = {}
for _lemma, _cls, _perf, _impf, _pl, _preps, _dobj in _VERBS:
    if _cls != "say":
        for _f in _impf:
            PERFORMATIVE[_n("ن" + _f[1:])] = _cls
            PERFORMATIVE[_n("أ" + _f[1:])] = _cls
# Content that is itself a denial or an accusation whatever the cue (GUIDE: «غير صحيح» is deny, حمّل
# المسؤولية is accuse).
DENIAL_PHRASES = tuple(_n(w) for w in ("غير صحيح", "غير صحيحة", "عار من الصحة", "عارية من الصحة",
                                        "عار عن الصحة", "عارية عن الصحة", "لا أساس له من الصحة",
                                        "لا أساس لها من الصحة", "لا صحة له", "لا صحة لها"))
BLAME_VERBS = frozenset(_n(w) for w in ("حمل", "حملت", "حملوا", "يحمل", "تحمل", "يحملون", "تحملان", "يحملان",
                                        "نحمل", "أحمل"))
RESPONSIBILITY = _n("المسؤولية")
# «وصف X بـ Y»: describing someone's act as a crime imputes it (واصفا القصف بالمجزرة، وصف الهجوم
# بالعمل الإرهابي): with one of these charges the description is an accusation, not a plain saying.
CHARGES = frozenset(_n(w) for w in (
    "إجرامي", "إجرامية", "إجرام", "جريمة", "جرائم", "إرهابي", "إرهابية", "إرهاب", "إعدام", "مجزرة", "مجازر",
    "عدوان", "عدواني", "عدوانية", "خيانة", "همجي", "همجية", "وحشي", "وحشية", "جبان", "جبانة", "غادر",
    "غادرة", "عنصري", "عنصرية", "تطهير", "إبادة", "الكفر", "كفر", "مشين", "مشينة", "انتهاك", "انتهاكات"))
# Imperfect forms that, with no subject, are the journalist's impersonal passive (يُذكر أن، يُشار إلى أن،
# يُعتبر): no one is quoted.
IMPERSONAL = frozenset(_n(w) for w in ("يذكر", "ويذكر", "يشار", "ويشار", "يعتبر", "ويعتبر", "تعتبر", "يقال",
                                        "ويقال", "يعتقد", "يفترض"))
# Verbs whose bare form is also a common noun (ثمن «price»): a cue only after a subject that can speak.
NOUN_HOMOGRAPHS = frozenset({"ثمن"})
# The class of a verb that changes with the preposition opening its content: نوّه إلى (points out) / نوّه بـ
# (praises).
CLASS_BY_PREP: dict[str, dict[str, str]] = {"نوه": {_n("ب"): "express"}, "نبه": {_n("من"): "warn"}}

# Participles of circumstance (حال): "..., مؤكداً أن", "مشيرة إلى", "داعياً إلى", "معربة عن".
_PARTICIPLES: list[tuple[str, str, str, str]] = [
    # masculine singular, lemma, class, content prepositions
    ("مؤكدا", "أكد", "assert", "على"),
    ("مشددا", "شدد", "assert", "على"),
    ("مشيرا", "أشار", "say", "إلى"),
    ("لافتا", "لفت", "say", "إلى"),
    ("مضيفا", "أضاف", "say", ""),
    ("موضحا", "أوضح", "say", ""),
    ("معتبرا", "اعتبر", "say", ""),
    ("مبينا", "بين", "say", ""),
    ("قائلا", "قال", "say", ""),
    ("مستدركا", "استدرك", "say", ""),
    ("ناقلا", "نقل", "say", "عن"),
    ("نافيا", "نفى", "deny", ""),
    ("متهما", "اتهم", "accuse", "ب"),
    ("معلنا", "أعلن", "announce", "عن"),
    ("داعيا", "دعا", "call", "إلى"),
    ("مطالبا", "طالب", "call", "ب"),
    ("محذرا", "حذر", "warn", "من"),
    ("متوعدا", "توعد", "warn", "ب"),
    ("مهددا", "هدد", "warn", "ب"),
    ("معربا", "أعرب", "express", "عن"),
    ("معبرا", "عبر", "express", "عن"),
    ("منددا", "ندد", "condemn", "ب"),
    ("مستنكرا", "استنكر", "condemn", ""),
    ("مشيدا", "أشاد", "express", "ب"),
    ("مثنيا", "أثنى", "express", "على"),
    ("مرحبا", "رحب", "express", "ب"),
    ("منوها", "نوه", "say", "إلى ب"),
    ("مثمنا", "ثمن", "express", ""),
    ("معترفا", "اعترف", "assert", "ب"),
    ("مقرا", "أقر", "assert", "ب"),
    ("واصفا", "وصف", "say", "ب"),
    ("منبها", "نبه", "say", "إلى من"),
    ("مستطردا", "استطرد", "say", ""),
    ("متسائلا", "تساءل", "say", ""),
]

# نقل/نقلت X عن Y قوله: the verb introduces an intermediary; the speaker follows عن.
_NQAL = ["نقل", "نقلت", "نقلوا", "ينقل", "تنقل"]
# The masdar after the relayed speaker says what force the relayed words had.
NQAL_MASDAR: dict[str, str] = {}
for _stem, _cls in (("قول", "say"), ("تأكيد", "assert"), ("نفي", "deny"), ("تحذير", "warn"), ("دعوة", "call"),
                    ("إعلان", "announce"), ("اتهام", "accuse"), ("إشارة", "say")):
    for _suf in ("ه", "ها", "هم", "هما"):
        NQAL_MASDAR[_n(_stem.removesuffix("ة") + ("ت" if _stem.endswith("ة") else "") + _suf)] = _cls

CUES: dict[str, CueForm] = {}
# Imperfect (present-tense) forms: inside another quote they are mostly descriptions (النتائج تؤكد ...).
IMPERFECT: set[str] = set()


def _add(form: str, cue: CueForm) -> None:
    key = _n(form)
    CUES.setdefault(key, cue)


def _build() -> None:
    for lemma, cls, perf, impf, impf_pl, preps, dobj in _VERBS:
        ps = frozenset(_n(p) for p in preps.split()) if preps else frozenset()
        for idx, f in enumerate(perf):
            nf = _n(f)
            if idx == 0:
                g, num = "m", "sg"
            elif nf.endswith("وا"):
                g, num = "m", "pl"
            elif nf.endswith("تا"):
                g, num = "f", "pl"
            elif nf.endswith("ت"):
                g, num = "f", "sg"
            else:  # the dual -ا (قالا، أضافا) never agrees with a singular antecedent
                g, num = "m", "pl"
            _add(f, CueForm(lemma, cls, "verb", g, num, ps, dobj))
        for f in impf:
            stem = f[1:]
            _add(f, CueForm(lemma, cls, "verb", "m", "sg", ps, dobj))
            _add("ت" + stem, CueForm(lemma, cls, "verb", "f", "sg", ps, dobj))
            IMPERFECT.update((_n(f), _n("ت" + stem)))
        for f in impf_pl:
            _add(f, CueForm(lemma, cls, "verb", "m", "pl", ps, dobj))
            IMPERFECT.add(_n(f))
    # jussive forms after لم (لم ينفِ، لم يقل): weak verbs lose their long vowel
    for lemma, jus in (("نفى", "نف"), ("قال", "قل"), ("دعا", "دع"), ("أضاف", "ضف"), ("أشار", "شر"),
                       ("أفاد", "فد"), ("أدان", "دن")):
        base = next(v for v in _VERBS if v[0] == lemma)
        ps = frozenset(_n(p) for p in base[5].split()) if base[5] else frozenset()
        _add("ي" + jus, CueForm(lemma, base[1], "verb", "m", "sg", ps, base[6]))
        _add("ت" + jus, CueForm(lemma, base[1], "verb", "f", "sg", ps, base[6]))
    dobj_lemmas = {v[0] for v in _VERBS if v[6]}
    for masc, lemma, cls, preps in _PARTICIPLES:
        ps = frozenset(_n(p) for p in preps.split()) if preps else frozenset()
        base = masc[:-1]
        d = lemma in dobj_lemmas  # مؤكداً تضامن ...: after a comma, the object is the content
        _add(masc, CueForm(lemma, cls, "part", "m", "sg", ps, d))  # not the bare base: مطالب، لافت are nouns
        _add(base + "ة", CueForm(lemma, cls, "part", "f", "sg", ps, d))
        _add(base + "ين", CueForm(lemma, cls, "part", "m", "pl", ps, d))
    for f in _NQAL:
        g = "f" if f in ("نقلت", "تنقل") else "m"
        _add(f, CueForm("نقل", "say", "nqal", g, "pl" if f.endswith("وا") else "sg", frozenset(), False))
    _build_object_forms()


# Verbs that take their object before the content (اتهم X بـ، دعا X إلى، وصف X بـ): also read with the
# object as a pronoun suffix (اتهمها، وصفه، يتهمها، دعته).
OBJ_VERBS = frozenset({"اتهم", "دعا", "طالب", "حذر", "حث", "ناشد", "أوصى", "هدد", "توعد", "وصف"})


def _build_object_forms() -> None:
    for lemma, cls, perf, impf, _pl, preps, dobj in _VERBS:
        if lemma not in OBJ_VERBS:
            continue
        ps = frozenset(_n(p) for p in preps.split()) if preps else frozenset()
        m_sg, f_sg = perf[0], perf[1]
        # دعا + ه would read دعاة (advocates) once normalised: a perfect in ا takes no suffix here
        stems = [] if m_sg.endswith("ا") else [(m_sg[:-1] + "ا" if m_sg.endswith("ى") else m_sg, "m")]
        stems.append((f_sg, "f"))
        stems += [(f, "m") for f in impf] + [("ت" + f[1:], "f") for f in impf]
        for stem, g in stems:
            for suf in ("ه", "ها", "هم"):
                _add(stem + suf, CueForm(lemma, cls, "verb", g, "sg", ps, dobj))


_build()
# Attribution prepositions: بحسب X، وفقاً لـ X، نقلاً عن X، طبقاً لـ X.
ATTRIB = frozenset(_n(w) for w in ("بحسب", "حسب", "وفقا", "وفق", "طبقا", "نقلا", "حسبما", "برأي"))
# A verb after ما in these frames is an attribution of what precedes (بحسب ما ذكر موقع ...، كما قالت).
ATTRIB_MA = frozenset(_n(w) for w in ("بحسب", "حسب", "وفق", "وفقا", "طبقا", "على", "كما"))

# Complementisers that open an indirect quote; suffixed forms (أنها، إنه) are kept in the content,
# since they carry the subject of the reported clause.
_COMP_BASE = ("أن", "إن", "بأن")
_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن", "ني", "نا", "ي")
COMPS: frozenset[str] = frozenset(_n(b + s) for b in _COMP_BASE for s in _SUFFIXES)
BARE_COMPS = frozenset(_n(b) for b in _COMP_BASE)

PREPS = frozenset(_n(w) for w in (
    "في", "على", "عن", "إلى", "من", "مع", "خلال", "أمام", "لدى", "عبر", "حول", "ضد", "بعد", "قبل", "منذ",
    "حتى", "عند", "بين", "تجاه", "نحو", "وسط", "داخل", "خارج", "لـ", "ل", "ب", "إثر", "عقب", "أثناء", "بشأن",
    "حيال", "إزاء", "ضمن", "لدي"))
TIME = frozenset(_n(w) for w in (
    "أمس", "اليوم", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "صباح", "مساء", "ليلة", "الليلة", "غدا", "حاليا", "مؤخرا", "أيضا", "كذلك", "بدوره", "بدورها", "بدورهم",
    "الأسبوع", "الشهر", "الماضي", "الماضية", "الفائت", "الجاري", "أول", "آنذاك", "حينها", "قد", "لقد",
    "فجر", "ظهر", "عصر", "اليومين", "الثلثاء"))
REL = frozenset(_n(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللواتي",
                                 "اللاتي", "اللائي"))
OPENERS = frozenset(_n(w) for w in ("لكن", "ولكن", "لكنه", "لكنها", "بينما", "فيما", "حيث", "إذ", "كما", "ثم",
                                     "غير", "إلا", "أما", "وأما", "في حين", "وفيما", "وبينما", "وكان", "كان",
                                     "كانت", "وكانت"))
NEG = frozenset(_n(w) for w in ("لم", "لن", "لا", "ولم", "ولن", "ولا", "فلم", "ليس"))
PRONOUNS = {_n("هو"): ("m", "sg"), _n("هي"): ("f", "sg"), _n("هم"): ("m", "pl"), _n("وهو"): ("m", "sg"),
            _n("وهي"): ("f", "sg"), _n("وهم"): ("m", "pl"), _n("لكنه"): ("m", "sg"), _n("لكنها"): ("f", "sg"),
            _n("لكنهم"): ("m", "pl"), _n("إنه"): ("m", "sg"), _n("إنها"): ("f", "sg")}
SKIP_ADV = frozenset(_n(w) for w in ("أيضا", "كذلك", "بدوره", "بدورها", "بدورهم", "قد", "لقد", "أمس", "اليوم",
                                     "رسميا", "هاتفيا", "سابقا", "لاحقا", "مجددا", "علنا", "صراحة", "شخصيا",
                                     "كتابيا", "ميدانيا", "مبدئيا", "أخيرا", "مرارا", "أولا", "ثانيا"))

# Words that open a speaker's title; a name may follow them (وزير الخارجية الروسي سيرغي لافروف).
TITLES = frozenset(_n(w) for w in (
    "وزير", "وزيرة", "الوزير", "الوزيرة", "رئيس", "رئيسة", "الرئيس", "الرئيسة", "نائب", "النائب", "المتحدث",
    "متحدث", "المتحدثة", "متحدثة", "الناطق", "ناطق", "الناطقة", "الأمين", "أمين", "السفير", "سفير",
    "السفيرة", "المبعوث", "مبعوث", "المبعوثة", "الوسيط", "المندوب", "مندوب", "قائد", "القائد", "الجنرال",
    "اللواء", "العقيد", "العميد", "الفريق", "المشير", "الشيخ", "الملك", "الأمير", "الأميرة", "ولي", "الدكتور",
    "الدكتورة", "د", "المحلل", "محلل", "الخبير", "خبير", "الكاتب", "الكاتبة", "الصحافي", "الصحفي", "المدعي",
    "القاضي", "مدير", "المدير", "مديرة", "المديرة", "مستشار", "المستشار", "المستشارة", "زعيم", "الزعيم", "عضو",
    "العضو", "السيناتور", "البابا", "الإمام", "المرشد", "الضابط", "المسؤول", "مسؤول", "المسؤولة", "الحاكم",
    "محافظ", "المحافظ", "عمدة", "المفوض", "مفوض", "المفوضة", "المنسق", "منسق", "النقيب", "الرائد", "المقدم",
    "الوكيل", "وكيل", "السيد", "السيدة", "المراسل", "الباحث", "الأستاذ", "البروفيسور", "المستشارة", "الشاعر",
    "المطران", "المفتي", "الداعية", "الناشط", "الناشطة", "القيادي", "قيادي", "المرشح", "المرشحة"))
# Title words that, on their own, name an anaphor for someone already introduced (وقال المسؤول العسكري).
ANAPHORIC_TITLES = TITLES | frozenset(_n(w) for w in ("المصدر", "الخبير", "المحلل", "الجنرال", "الدبلوماسي"))
# Definite words that can modify a head without being nisba adjectives.
ADJ = frozenset(_n(w) for w in (
    "العام", "العامة", "الأعلى", "الخاص", "الخاصة", "المتحدة", "الأسبق", "السابق", "السابقة", "الجديد",
    "الجديدة", "الأول", "الأولى", "الأممي", "الأممية", "الرسمي", "الرسمية", "المساعد", "المساعدة", "المكلف",
    "الكبرى", "الأكبر", "الأمنية", "الدائم", "الدائمة", "التنفيذي", "التنفيذية", "المنتخب", "المؤقت", "المؤقتة",
    "الحالي", "الحالية", "المستقيل", "المقال", "الراحل", "المخلوع", "الأعلى", "البارز", "البارزة", "الثاني"))
# Heads of institutions that may follow ل in a speaker name (الأمانة العامة لهيئة كبار العلماء).
INSTITUTIONS = frozenset(_n(w) for w in (
    "هيئة", "وزارة", "مجلس", "حركة", "منظمة", "جامعة", "حزب", "جبهة", "اتحاد", "لجنة", "رابطة", "مركز",
    "مكتب", "جمعية", "الهيئة", "الوزارة", "المجلس", "الحركة", "المنظمة", "الجامعة", "الحزب", "الاتحاد",
    "اللجنة", "الرابطة", "المركز", "المكتب", "الجمعية", "التحالف", "الائتلاف", "الجيش", "القوات", "قوات",
    "الأمم", "الحكومة", "حكومة", "الرئاسة", "رئاسة", "المجموعة", "مجموعة"))
# Media nouns: an NP headed by one of these, after a preposition, is the intermediary (`via`).
MEDIA = frozenset(_n(w) for w in (
    "قناة", "تلفزيون", "التلفزيون", "وكالة", "صحيفة", "موقع", "إذاعة", "شبكة", "محطة", "تويتر", "فيسبوك",
    "حسابه", "حسابها", "صفحته", "صفحتها", "مجلة", "القناة", "الوكالة", "الصحيفة", "الموقع", "الإذاعة",
    "يومية", "برنامج", "التلفزيون", "التلفزيوني", "تلفزيونية", "وسائل"))
# Plural heads: human plurals agree with plural verbs (وأشاروا), non-human ones with feminine singular
# ones (وأكدت مصادر ... مشيرة).
HUMAN_PLURALS = frozenset(_n(w) for w in (
    "شهود", "مسؤولون", "مسؤولين", "قادة", "خبراء", "نشطاء", "ناشطون", "محللون", "مواطنون", "سكان", "مسلحون",
    "علماء", "أطباء", "مسعفون", "وزراء", "نواب", "زعماء", "رؤساء", "سفراء", "ضباط", "جنود", "دبلوماسيون",
    "باحثون", "معارضون", "مراقبون", "مصادرنا", "الأهالي", "أهالي", "شهود", "متظاهرون", "الناشطون", "المتظاهرون",
    "قياديون", "مسؤولو", "ممثلو", "أعضاء", "أنصار", "عناصر", "مقاتلون", "المقاتلون", "ناخبون", "الخبراء",
    "المسؤولون", "المحللون", "الباحثون", "القادة", "الشهود", "السكان", "العلماء", "الوزراء", "النواب"))
NONHUMAN_PLURALS = frozenset(_n(w) for w in (
    "مصادر", "المصادر", "تقارير", "التقارير", "وسائل", "الأنباء", "أنباء", "المعلومات", "معلومات", "السلطات",
    "سلطات", "الأجهزة", "أوساط", "الأوساط", "دوائر", "الدوائر", "الجهات", "جهات", "تقديرات", "مصادرنا"))
MASC_TAA = frozenset(_n(w) for w in ("أسامة", "حمزة", "معاوية", "طلحة", "عبيدة", "خليفة", "عطية", "قتيبة",
                                     "عروة", "جبلة", "أمية", "ربيعة", "عنترة"))
# Places are grammatically feminine (روسيا أعلنت، موسكو قالت): countries and capitals that news
# attributes statements to. Used only when no entity stage has typed the mention.
GPE = frozenset(_n(w) for w in (
    "روسيا", "موسكو", "سوريا", "سورية", "دمشق", "مصر", "القاهرة", "إيران", "طهران", "تركيا", "أنقرة", "العراق",
    "بغداد", "لبنان", "بيروت", "الأردن", "عمان", "السعودية", "الرياض", "المملكة", "قطر", "الدوحة", "الإمارات",
    "أبوظبي", "الكويت", "البحرين", "المنامة", "اليمن", "صنعاء", "عدن", "ليبيا", "طرابلس", "تونس", "الجزائر",
    "المغرب", "الرباط", "السودان", "الخرطوم", "إسرائيل", "تل أبيب", "فلسطين", "واشنطن", "أمريكا", "أميركا",
    "الولايات", "فرنسا", "باريس", "بريطانيا", "لندن", "ألمانيا", "برلين", "الصين", "بكين", "اليابان", "طوكيو",
    "الهند", "باكستان", "إسلام آباد", "أفغانستان", "كابول", "أوكرانيا", "كييف", "إيطاليا", "روما", "إسبانيا",
    "مدريد", "بلجيكا", "بروكسل", "هولندا", "السويد", "النرويج", "كندا", "أستراليا", "البرازيل", "الأرجنتين",
    "المكسيك", "فنزويلا", "كوبا", "إثيوبيا", "الصومال", "كينيا", "نيجيريا", "جنوب", "كوريا", "بيونغيانغ", "سيول",
    "أنقرة", "إسطنبول", "جنيف", "فيينا", "الحكومة", "الوزارة", "الرئاسة", "الخارجية", "الداخلية", "الدفاع"))
