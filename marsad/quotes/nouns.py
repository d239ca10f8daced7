"""Word classes of the nouns that name a speaker, in normalised spelling (see `marsad.text.normalize`).

A speaker in news Arabic is a person named after a chain of titles (رئيس هيئة قناة السويس الفريق مهاب مميش),
an unnamed source described by its affiliation (مصدر مطلع من ريف حلب، مسؤولون عسكريون من مالي), a body
(وزارة الخارجية، الرابطة التشادية لحقوق الإنسان), an outlet (صحيفة «لوفيجارو») or a place standing for its
government (موسكو). The classes below are closed, general vocabulary of news style, not names: they let the
phrase reader (`marsad.quotes.phrases`) tell the head of such a phrase, where a name starts (after a rank or
an honorific) and which prepositional phrases belong to the speaker (مسؤول في الوزارة) rather than to the
circumstances of the statement (قال الوزير في بيان). Each list is compiled once at import.
"""

from __future__ import annotations

from marsad.quotes.lexicon import ADJ, GPE, HUMAN_PLURALS, INSTITUTIONS, MEDIA, NONHUMAN_PLURALS, TITLES
from marsad.text import normalize


def _set(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


def _with_article(words: str) -> frozenset[str]:
    """Each word with and without the article."""
    out = set()
    for w in words.split():
        k = normalize(w)
        out.add(k)
        out.add("ال" + k)
    return frozenset(out)


# Military and police ranks, honorifics and styles: a name follows them (اللواء محمد، الشيخ محمد،
# الدكتور السيد البدوي), possibly after another one (العقيد دكتور ...).
RANKS = frozenset("ال" + k for k in _set(
    "لواء عقيد عميد فريق مقدم رائد نقيب ملازم مشير جنرال كولونيل كابتن ميجور أدميرال عريف رقيب "
    "لفتنانت ليفتنانت سيرجنت كوماندر "
    "شيخ مهندس دكتور دكتورة أستاذ أستاذة بروفيسور حاج أمير أميرة ملك إمام مطران قس سيناتور")) | _set(
    "د دكتور دكتورة سمو معالي فضيلة سماحة الأنبا جنرال كولونيل أدميرال")
# Office titles and roles: the head of a title chain that may end in a name.
OFFICES = TITLES | _with_article(
    "وزير وزيرة رئيس رئيسة نائب أمين سفير سفيرة مبعوث مبعوثة وسيط مندوب مندوبة قائد قائدة محافظ "
    "مدير مديرة مستشار مستشارة زعيم زعيمة عضو عضوة سكرتير سكرتيرة قاضي قاضية مدعي نائبة مساعد مساعدة "
    "وكيل وكيلة ملحق ملحقة مقرر مقررة ممثل ممثلة منسق منسقة مفوض مفوضة متحدث متحدثة ناطق ناطقة "
    "مراسل مراسلة محلل محللة خبير خبيرة باحث باحثة كاتب كاتبة صحفي صحفية صحافي صحافية ناشط ناشطة "
    "قيادي قيادية مسؤول مسؤولة ضابط أمير أميرة حاكم عمدة رئيس مفتي داعية شاعر والي "
    "إعلامي إعلامية أكاديمي أكاديمية حقوقي حقوقية "
    "مؤسس مؤسسة منظر مرشح مرشحة عميد رئيس مدرب لاعب طبيب طبيبة محامي محامية أستاذ أستاذة "
    "ابن ابنة بنت والد والدة شقيق شقيقة زوج زوجة أخ أخت عم خال جد أرملة نجل نجلة "
    "ابنه ابنها ابنهم والده والدها شقيقه شقيقها زوجته زوجها أخوه أخته نجله نجلها") | RANKS
# Unnamed sources: a phrase headed by one of these is the speaker as described (مصادر في الشرطة
# العراقية); its nisba adjectives and affiliation belong to it, there is no name to look for.
SOURCES = _set(
    "مصدر مصادر مسؤول مسؤولون مسؤولين مسؤولة متحدث متحدثون متحدثين شاهد شهود سكان ساكن ناشط ناشطون "
    "ناشطين نشطاء خبير خبراء محلل محللون محللين دبلوماسي دبلوماسيون دبلوماسيين ملحق ضابط ضباط قيادي "
    "قياديون قياديين مراقب مراقبون مراقبين مسعف مسعفون طبيب أطباء عنصر عناصر جندي جنود موظف موظفون "
    "موظفين مواطن مواطنون مواطنين أهالي عضو أعضاء نائب نواب ممثل ممثلو ممثلون مقربون مقربين معارض "
    "معارضون مقاتل مقاتلون مقاتلين متظاهرون متظاهرين عدد بعض أحد إحدى جهات أوساط دوائر مصادرنا "
    "مراسل مراسلنا مندوب وسائل تقارير")
# Words whose referent can make a statement: the heads above, bodies, outlets, places standing for their
# government, and the generic nouns of sourcing (بحسب بيان ...، وفقاً لتقديرات ...).
STATEMENTS = _with_article(
    "بيان تصريح تصريحات حديث كلمة مقابلة مؤتمر لقاء رسالة تغريدة تدوينة منشور اتصال خطاب تسجيل "
    "شريط فيديو جلسة اجتماع ندوة ختام مستهل بداية نهاية سياق إطار معرض رد تعليق بيانها بيانه")
# The statement nouns through which a source is named: بحسب قول/رواية/تقرير X, بيان صدر عن X.
STATEMENT_OF = _set("قول رواية تقرير تقارير بيان تصريح تصريحات إحصائية إحصائيات إحصاءات تقديرات "
                    "أرقام معطيات معلومات دراسة وثيقة بلاغ شهادة شهادات")
# Nouns that open an affiliation (في الوزارة، لدى الأمم المتحدة): the preposition words.
AFFIL_PREPS = _set("في من لدى")
# Name particles that join the parts of one name (محمد بن سليمان، نبيه آل ابراهيم، أبو بكر).
NAME_LINKS = _set("بن ابن بنت أبو ابو أبي ابي آل ال عبد ولد أم ذو")
# The second part of a compound given name (عبد الله، رحمة الله، صلاح الدين، عبد الرحمن).
NAME_SECONDS = _set("الله الرحمن الرحيم الدين الإله العزيز الكريم الملك")
# Definite words that may still belong to a speaker chain after a definite element: participial
# adjectives not ending in -ي (المكلف، المنشق) are recognised by pattern in `adjective`.
_NOT_ADJ = _set("المنطقة المدينة المملكة المجلس المركز المكتب المرصد المنظمة المجموعة المؤسسة المحكمة "
                "المعارضة المقاومة المحافظة المديرية المستشفى المسجد الملف المشروع المفاوضات المعارك "
                "المسلحين المتظاهرين المواطنين المدنيين المسؤولين المعتقلين")
# Verbs whose object may stand right after the speaker's name: a name there is the object
# (اتهم زعيم حزب معارض اردوغان بشن ...).
OBJ_FIRST = frozenset(normalize(w) for w in ("اتهم", "حمل", "ناشد", "حث"))
# Words that begin with و without it being the conjunction.
WAW_WORDS = frozenset(k for k in (OFFICES | INSTITUTIONS | GPE | MEDIA | SOURCES | STATEMENTS | ADJ
                                  | _with_article("وزارة وكالة ولاية وفد وحدة وحدات وسائل وادي وطن"))
                      if k.startswith("و")) | _set("وليد وائل وحيد وجيه وسام وديع وفاء وداد وهبة واصل")

SPEAKING = (OFFICES | SOURCES | INSTITUTIONS | MEDIA | GPE | HUMAN_PLURALS | NONHUMAN_PLURALS
            | _with_article("شركة الشركة مؤسسة المؤسسة سلطات السلطات شرطة الشرطة نيابة النيابة محكمة المحكمة "
                            "مرصد المرصد رابطة الرابطة فرقة الفرقة لواء كتيبة الكتيبة جماعة الجماعة "
                            "تنظيم التنظيم فصائل الفصائل فصيل الفصيل قيادة القيادة إدارة الإدارة "
                            "بعثة البعثة أمانة الأمانة سفارة السفارة قنصلية القنصلية برلمان البرلمان "
                            "صندوق الصندوق بنك البنك هيئة كتلة الكتلة تيار التيار نقابة النقابة "
                            "مستشفى المستشفى معهد المعهد مكتب المكتب جهاز الجهاز أجهزة الأجهزة "
                            "وكالة الوكالة صحيفة الصحيفة قناة القناة موقع الموقع مجلة المجلة إذاعة"))


def base(k: str) -> str:
    """A key without its article or a proclitic و/ف (وللوزارة → وزاره; والمصدر → مصدر); memoised."""
    b = _BASES.get(k)
    if b is None:
        b = _base(k)
        if len(_BASES) > 100_000:
            _BASES.clear()
        _BASES[k] = b
    return b


_BASES: dict[str, str] = {}


def _base(k: str) -> str:
    if len(k) > 3 and k[0] in "وف" and (k[1:] in OFFICES or k[1:] in SPEAKING or k[1:].startswith("ال")):
        k = k[1:]
    if k.startswith("لل") and len(k) > 3:
        return k[2:]
    if k.startswith(("ال", "بال", "وال")) and len(k) > 3:
        return k[k.index("ال") + 2:]
    return k


_MORE_ADJ = _set("الركن الطيار الحر الحرة العرب العليا الدنيا العظمى الكبرى الأعلى الأدنى الشريف الشريفين المكرمة المنورة")


def adjective(k: str) -> bool:
    """A definite word that can modify the noun before it: a nisba (الروسي)، a listed adjective (السابق)
    or a participle of a derived verb (المكلف، المنشق، المعارض)."""
    if k in ADJ or k in _MORE_ADJ:
        return True
    if not k.startswith("ال") or len(k) <= 3 or k in INSTITUTIONS or (k in SPEAKING and k not in OFFICES):
        return False  # الهيئة looks like a nisba once normalised (الهييه)
    if k in OFFICES and not (k.endswith(("ي", "يه")) and len(k) > 7):
        return False  # القاضي، المحامي are titles; الإعلامي، الأكاديمي also adjectives
    if k.endswith(("ي", "يه", "يين", "يون", "يان")):
        return True
    return k.startswith(("الم", "المت", "المست")) and len(k) >= 6 and k not in _NOT_ADJ


def broken_plural(k: str) -> bool:
    """A broken plural by its pattern (الفصائل، الأطراف، المصادر، الخبراء، الشهود): it takes a feminine
    singular verb when non-human and either agreement when human, so it never clashes with a verb."""
    s = k[2:] if k.startswith("ال") and len(k) > 4 else k
    n = len(s)
    if n == 5 and s[0] == "ا" and s[3] == "ا":  # أفعال: أطراف، أكراد، أحزاب، أعضاء
        return True
    if n == 5 and s[2] == "ا" and s[3] == "ي":  # فعائل: فصائل، قبائل، رسائل
        return True
    if n == 5 and s[0] == "م" and s[2] == "ا":  # مفاعل: مصادر، مناطق
        return True
    if n == 6 and s[0] == "م" and s[2] == "ا" and s[4] == "ي":  # مفاعيل: مسؤوليين? مشاريع
        return True
    if n == 5 and s.endswith("اء") and s[0] != "ا":  # فعلاء: خبراء، علماء، وزراء
        return True
    return n == 4 and s[2] == "و" and s[0] != "ا"  # فعول: شهود، جنود


# Bodies and places a speaker belongs to (مسؤول في وزارة، مدير شرطة بمنطقة، ملحق بسفارة، مصدر من ريف ...),
# without the article; an affiliation is a prepositional phrase whose object is one of these, a place name
# or a mention the entity stage found.
AFFIL_NOUNS = frozenset(base(k) for k in _set(
    "منطقة محافظة مدينة بلدة قرية ولاية إقليم ريف حي ضاحية عاصمة دولة بلاد مقاطعة جزيرة شمال جنوب شرق "
    "غرب وسط قطاع مخيم معبر ميناء مطار سجن قاعدة ساحل بادية إمارة مملكة جمهورية "
    "وزارة شرطة سفارة قنصلية أكاديمية جامعة كلية معهد مدرسة مجلس هيئة إدارة مديرية قيادة شركة بنك مصرف "
    "مستشفى مركز مكتب قسم فرع لجنة جمعية نادي غرفة حزب حركة جبهة مرصد منظمة مؤسسة خدمة حرس دائرة "
    "سلطة جهاز بلدية أمانة رئاسة حكومة برلمان البرلمان الكونغرس الجيش جيش القوات قوات الشرطة الحرس الأمن "
    "الاستخبارات المخابرات البحرية الجوية الدفاع الخارجية الداخلية الأمم الاتحاد التحالف الائتلاف "
    "فريق فرقة لواء كتيبة فيلق مجموعة تنظيم جماعة فصيل فصائل نقابة اتحاد رابطة صندوق بعثة محكمة نيابة "
    "البيت الكرملين الإليزيه الفاتيكان")) | frozenset(base(k) for k in INSTITUTIONS)
