"""Gender and number of Arabic noun phrases and names, read off their morphology.

Every resolver that picks an antecedent (a pro-drop speaker, a title, a short form) must respect
agreement: «وأضافت» continues a feminine singular subject, «وأكدوا» a human plural. Arabic marks both on
the noun: taa marbuta (ة) mostly marks the feminine singular (وزيرة، المتحدثة، الحكومة), the sound
feminine plural ends in ات, the sound masculine plural in ون/ين, and a closed set of broken plurals
(قادة، خبراء، شهود) must be listed. Non-human plurals take feminine singular agreement (المصادر قالت),
and places and most institutions are grammatically feminine (روسيا أعلنت، الوزارة أكدت).

All functions take normalised words (`marsad.text.normalize`: ة→ه, ى→ي, no hamza seats), so a word
ending in ه is taken as taa marbuta. They return "m"/"f" and "sg"/"pl" (duals count as plural: a dual
verb never agrees with a singular antecedent); `None` where the morphology says nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.text.normalize import normalize


def _n(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


#: Masculine given names that end in taa marbuta.
MASC_TAA = _n("أسامة حمزة معاوية طلحة عبيدة خليفة عطية قتيبة عروة جبلة أمية ربيعة عنترة ميسرة حذيفة "
              "سلامة عكرمة عبادة نوفل ثعلبة مسلمة شيبة قدامة")
#: Feminine given names without taa marbuta (Arabic and names common in foreign news).
FEM_NAMES = _n(
    "مريم زينب هند سعاد نوال أمل منى هدى ليلى سلمى رحاب وداد إيمان نور دعاء آمال ابتسام سناء وفاء رجاء "
    "هيفاء أسماء شيماء لمياء علياء رغد غدير نسرين ياسمين جيهان نهى سهى ريم بشرى كوثر عبير حنان أحلام "
    "سوزان نادين هيام سماح إسراء آلاء ولاء رشا دينا رانيا هالة لينا رزان بتول زهراء خديجة عائشة "
    "هيلاري أنجيلا أنغيلا انجيلا ميركل ماريا ماري كاثرين كاترين فيديريكا فيدريكا موغيريني تيريزا "
    "كريستين إليزابيث اليزابيث نيكي سامانثا سوزان كوندوليزا مادلين جولي آن آنا صوفيا إيرينا ناتاليا "
    "يوليا سيغولين ايزابيل إيزابيل مارين أنيسة نجاة عفاف سلوى نجوى ندى لبنى رضوى هويدا عزة")
#: Titles and role nouns whose feminine has no ة in normalised spelling are rare; these are masculine
#: even though they end in ه (a normalised taa marbuta would otherwise make them feminine).
MASC_TITLES = _n("خليفة الخليفة داعية الداعية علامة العلامة")
#: Human broken plurals (they agree with masculine plural verbs: «قال شهود»، «أكد خبراء»).
HUMAN_BROKEN_PLURALS = _n(
    "شهود قادة خبراء نشطاء علماء أطباء وزراء نواب زعماء رؤساء سفراء ضباط جنود عناصر أعضاء أنصار "
    "مقاتلو ممثلو مسؤولو مشايخ شيوخ سكان أهالي أهل رجال أطفال أبناء طلاب طلبة عمال أسرى ناس مواطنو "
    "عملاء رفاق حلفاء خصوم أعداء فقهاء شعراء كتاب صحفيو أئمة أمراء قضاة دعاة رعايا لاجئو ضحايا "
    "جرحى قتلى معتقلو مسلحو نازحو متظاهرو")
#: Non-human broken plurals seen as subjects in news (they take feminine singular agreement).
NONHUMAN_BROKEN_PLURALS = _n(
    "مصادر تقارير وسائل أنباء معلومات سلطات أجهزة أوساط دوائر جهات تقديرات دول قوات فصائل مجموعات "
    "جماعات حكومات أحزاب منظمات وكالات صحف مواقع بيانات أرقام إحصاءات وثائق")
#: Place and institution heads: grammatically feminine singular (الوزارة، المدينة), plus the
#: masculine ones that are common subjects (الجيش، الحزب، المجلس …) need nothing: masculine is the default.
_SUFFIX_MIN = 5  # a word must be this long before ون/ين/ات is read as a plural ending
#: Words (without the article) that end like a plural but are not plurals: places and names in ين/ون/ات.
_NOT_PLURAL = _n("فلسطين بحرين حسين ياسين جنين تشرين حطين ميادين عابدين صفين زيتون تسعين ثمانين سبعين ستين "
                 "قانون كانون هارون مأمون ميمون فرعون صابون حنين برلين")


def _bare(word: str) -> str:
    """The word without a proclitic and the article (والمسؤولون → مسؤولون), for pattern tests."""
    w = word
    if len(w) > 4 and w[0] in "وف" and w[1:3] in ("ال", "لل", "با", "كا"):
        w = w[1:]
    if len(w) > 4 and w[0] in "بكل" and w[1:3] == "ال":
        w = w[1:]
    if w.startswith("لل") and len(w) > 4:
        w = w[2:]
    elif w.startswith("ال") and len(w) > 4:
        w = w[2:]
    return w


def is_human_plural(word: str) -> bool:
    """A masculine (human) plural: sound plural in ون/ين, or a listed broken plural."""
    w = _bare(normalize(word))
    if w in HUMAN_BROKEN_PLURALS:
        return True
    if len(w) < _SUFFIX_MIN or w in _NOT_PLURAL:
        return False
    return w.endswith("ون") or (w.endswith("ين") and len(w) >= 6)


def is_feminine_plural(word: str) -> bool:
    """A sound feminine plural (ات) or a listed non-human broken plural."""
    w = _bare(normalize(word))
    return w in NONHUMAN_BROKEN_PLURALS or (len(w) >= _SUFFIX_MIN and w.endswith("ات"))


def name_gender(words: Sequence[str]) -> str | None:
    """Gender of a person's name from its first word (the given name) or a feminine Russian-style surname.

    «فاطمة» and «المتحدثة» are feminine by ة, «أسامة» is a known masculine exception, «مريم» a known
    feminine name; «زاخاروفا» ends in the feminine surname endings -ova/-eva/-ina.
    """
    if not words:
        return None
    first = normalize(words[0])
    if first in FEM_NAMES:
        return "f"
    if first in MASC_TAA or first.startswith("عبد") or first.endswith("الله"):
        return "m"  # (a final ه of a theophoric name is God's, not a taa marbuta: عبدربه، عبدالله، نصرالله)
    if first.endswith("ه") and len(first) >= 3:
        return "f"
    last = normalize(words[-1])
    if len(words) > 1 and len(last) >= 6 and last.endswith(("وفا", "يفا", "ينا", "سكايا", "فنا")):
        return "f"
    return "m"


def gender(words: Sequence[str]) -> str:
    """Grammatical gender of a noun phrase from its head (first) word: "m" or "f".

    Feminine: taa marbuta (الحكومة، المتحدثة, except masculine names and titles such as أسامة، الخليفة),
    sound feminine plurals and non-human plurals (which take feminine agreement), known feminine names.
    """
    if not words:
        return "m"
    head = normalize(words[0])
    bare = _bare(head)
    if head in FEM_NAMES or bare in FEM_NAMES:
        return "f"
    if head in MASC_TAA or head in MASC_TITLES or bare in MASC_TAA or bare in MASC_TITLES:
        return "m"
    if is_human_plural(head):
        return "m"
    if is_feminine_plural(head) or bare.endswith("ه"):
        return "f"
    return "m"


def number(words: Sequence[str]) -> str:
    """Grammatical number of a noun phrase from its head word: "pl" (plural or dual) or "sg"."""
    if not words:
        return "sg"
    head = normalize(words[0])
    return "pl" if is_human_plural(head) or is_feminine_plural(head) else "sg"


def verb_agreement(words: Sequence[str], kind: str | None = None) -> tuple[str, str]:
    """(gender, number) of the verb a noun phrase takes as subject.

    Human plurals take a masculine plural verb (قال الشهود / أكدوا); non-human plurals and places take a
    feminine singular one (ذكرت المصادر، أعلنت روسيا). `kind` is an entity type when known: PER from the
    name, GPE/LOC always feminine singular, ORG from the head noun.
    """
    if kind in ("GPE", "LOC"):
        return "f", "sg"
    if kind in ("PER", "PERS"):
        return name_gender(words) or "m", "sg"
    if words and is_human_plural(words[0]):
        return "m", "pl"
    if words and is_feminine_plural(words[0]):
        return "f", "sg"
    return gender(words), "sg"
