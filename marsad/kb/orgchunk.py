"""The noun phrase an institution noun heads, read from tokens: «الرابطة التشادية لحقوق الإنسان».

Arabic names bodies with a common noun and its modifiers rather than with a proper name: a head
(رابطة، لجنة، مكتب، الفرقة), an iḍāfa chain of indefinite nouns closed by a definite one (لجنة إعادة
تشكيل المجلس العسكري، مكتب حاكم إقليم أغري), then definite adjectives (التشادية، البلدي), a number (الفرقة
30) or a complement with ل (لحقوق الإنسان، التابعة للأمم المتحدة). Later the article shortens the phrase
(«اللجنة», «رابطة حقوق الإنسان», «مكتب الحاكم»): every short form keeps the head and a subsequence of the
other words, which is what `lemmas` makes comparable (article and proclitics removed).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from marsad.kb.titles import RANKS, TITLE_HEADS
from marsad.kb.tokens import bare_member
from marsad.text.normalize import normalize, strip_proclitics


def _n(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


#: Nouns that head the name of a body (without the article).
INSTITUTIONS = _n(
    "مرصد لجنة مجلس برلمان رابطة فرقة كتيبة مكتب وكالة صحيفة هيئة وزارة حزب حركة تنظيم "
    "جماعة منظمة اتحاد ائتلاف تحالف جمعية نقابة مركز معهد جامعة محكمة نيابة شركة مصرف بنك بعثة "
    "مديرية سفارة قنصلية مؤسسة صندوق كتائب سرايا ميليشيا مليشيا إذاعة مجلة تلفزيون ديوان أمانة مفوضية "
    "دائرة حرس")
#: Nouns that classify a proper name after them (تنظيم «أجناد مصر»، صحيفة «لوفيجارو»، مليشيا الحشد).
CLASSIFIERS = _n(
    "تنظيم جماعة حركة مليشيا ميليشيا مليشيات ميليشيات حزب جبهة كتائب لواء فصيل صحيفة وكالة قناة موقع "
    "مجلة شركة إذاعة تلفزيون شبكة مجموعة ائتلاف تحالف منظمة")
#: Words that end a phrase: prepositions (except ل, part of complements), complementisers, relatives,
#: pronouns, time words (قال المرصد الأحد), quantity words.
STOPS = _n(
    "في على من إلى الى عن مع بين حول ضد منذ عند لدى خلال بعد قبل أن إن بأن لأن أنه إنه كما لكن ثم أو "
    "الذي التي الذين هذا هذه ذلك تلك هو هي هم قد لقد لم لن لا ما أمس اليوم الليلة غدا الأحد الاثنين "
    "الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الماضي الماضية الجاري المقبل صباح مساء أيضا كذلك "
    "بدوره بدورها جميع كل بعض عدد الآن حاليا عليه عليها عليهم فيه فيها فيهم منه منها منهم له لها لهم "
    "عنه عنها عنهم إليه إليها به بها بهم معه معها")
#: Nouns of bodies that are not institution heads of names but still end a name when coordinated.
BODY_NOUNS = _n("قوات جيش حكومة شرطة سلطات أجهزة رئاسة أمن")
#: Modifiers that do not make a name (الجبهة الأخرى، المجلس نفسه): a body is not founded on them, and a
#: short form may drop them (عضو المجلس البلدي السابق).
#: Evaluative epithets news style puts after a definite classifier to refer back to a body already
#: named (التنظيم المتطرف، الجماعة الإرهابية، الميليشيات المسلحة): a judgement, not part of a name.
EPITHETS = _n("المتطرف المتطرفة المتطرفين الإرهابي الإرهابية الإرهابيين المتشدد المتشددة المتشددين "
              "الجهادي الجهادية التكفيري التكفيرية المسلح المسلحة المسلحين المحظور المحظورة "
              "الانفصالي الانفصالية الانقلابي الانقلابية المتمرد المتمردة الإجرامي الإجرامية")
GENERIC = _n("السابق السابقة الأسبق الحالي الحالية الجديد الجديدة المؤقت المؤقتة الأخرى الآخر الأخير "
             "الأخيرة نفسه نفسها ذاته ذاتها المذكور المذكورة المعني المعنية المنتهية") | EPITHETS
MAX_LEN = 8


@lru_cache(maxsize=100_000)
def head_of(word: str) -> str | None:
    """The institution noun a token is (وللجنة → لجنه), else None."""
    return bare_member(word, INSTITUTIONS)


@lru_cache(maxsize=100_000)
def classifier_of(word: str) -> str | None:
    """The classifier noun a token is (بصحيفة → صحيفه), else None."""
    return bare_member(word, CLASSIFIERS)


def definite(word: str) -> bool:
    return strip_proclitics(word).startswith("ال") or word.startswith("لل")


def lemma(word: str) -> str:
    """A word with proclitics, the article and a preposition ل/ب off: the unit short forms are compared in."""
    v = strip_proclitics(word)
    if v.startswith("ال") and len(v) > 3:
        return v[2:]
    if v[:1] in "لب" and len(v) > 4:
        return v[1:]
    return v


def lemmas(words: Sequence[str]) -> tuple[str, ...]:
    """Lemmas of a phrase, the head reduced like `head_of` does."""
    out = [lemma(w) for w in words]
    if words:
        out[0] = head_of(words[0]) or classifier_of(words[0]) or out[0]
    return tuple(out)


def is_short_form(short: Sequence[str], long: Sequence[str]) -> bool:
    """`short` keeps the head of `long` and a subsequence of its other lemmas (اللجنة، رابطة حقوق الإنسان)."""
    if not short or not long or short[0] != long[0] or len(short) > len(long):
        return False
    k = 1
    for w in short[1:]:
        while k < len(long) and long[k] != w:
            k += 1
        if k == len(long):
            return False
        k += 1
    return True


def _bare_definite(w: str) -> bool:
    """A definite word that can modify a name: with the article, or و + article (coordination inside a
    name, دائرة الأراضي والمساحة), not after ب/ك (a new prepositional phrase)."""
    return w.startswith("ال") or (w.startswith("وال") and len(w) > 4)


def _coordinated_body(w: str) -> bool:
    """و + another body noun (البرلمان والجيش): two bodies, not one name."""
    return w[:1] == "و" and (head_of(w[1:]) is not None or lemma(w[1:]) in BODY_NOUNS)


def nisba(w: str) -> bool:
    """A definite nisba adjective (السعودية، الخليجي، الإسلامية): it closes the noun it describes."""
    return _bare_definite(w) and w.endswith(("ي", "يه", "يين", "يون")) and len(w) > 5


def _adjective_like(w: str) -> bool:
    """A definite word that may follow an adjective inside one name: another nisba, a participle (المتحدة،
    المستقلة), an elative or common adjective (العليا، العامة), or a coordinated word (والأوقاف)."""
    a = w[1:] if w.startswith("وال") else w
    return w.startswith("وال") or nisba(w) or a.startswith("الم") or a[2:] in _ADJECTIVES


#: Adjectives of names that are no nisba or participle (الهيئة العليا، الأمانة العامة، المحكمة الكبرى).
_ADJECTIVES = frozenset(normalize(w) for w in "عليا عامة خاصة كبرى أعلى عظمى أولى ثانية ثالثة جديد جديدة حر حرة "
                        "شعبية وطني وطنية عام خاص أول ثاني ثالث أحرار".split())


def _agrees(head: str, adj: str) -> bool:
    """A nisba adjective right after a definite head agrees with it in gender (الوزارة الرئيسية)."""
    a = adj[1:] if adj.startswith("وال") else adj
    if not a.endswith(("ي", "يه")):
        return True
    fem_head = head.endswith("ه") or head.endswith("ات")
    return fem_head == a.endswith("يه")


def chunk(words: Sequence[str], gaps: Sequence[str], i: int, named: frozenset[int] | set[int] = frozenset()) -> int:
    """Last token of the institution phrase headed at token i (i itself when nothing follows).

    After an indefinite word the chain is open: a bare genitive must follow (a ل-phrase after an
    indefinite head, «صندوق لدعم …», is an indefinite description, not a name); a definite word, a
    number or a token of a name (`named`: inside a place or person mention) closes it. After that only
    definite adjectives, numbers and ل-complements continue it. The phrase ends at punctuation, a stop
    word, a new title or another body, and never open.
    """
    n = len(words)
    is_open = not definite(words[i])
    last_closed = i if not is_open else -1
    lam = False  # the chain was opened by a ل-complement: its genitive must come at once
    j = i
    while j + 1 < n and j + 1 - i < MAX_LEN and not gaps[j]:
        w = words[j + 1]
        if w in STOPS or w in RANKS or (w.startswith("ال") and w[2:] in TITLE_HEADS) or _coordinated_body(w):
            break  # a new apposition («المجلس البلدي السابق المهندس …») or a second body
        if w.isdigit():
            if is_open:
                break
            j += 1
            last_closed = j
            continue
        if is_open:
            closes = w.startswith("ال") or (j + 1) in named
            if (w[:1] in "لب" and not w.startswith("ال")) or (lam and not closes) or (j - i >= 3 and not closes):
                break  # an iḍāfa chain of more than three indefinite nouns is a clause, not a name
            j += 1
            is_open = not closes
        elif _bare_definite(w):
            if j == i and not _agrees(words[i], w):
                break  # «دور الجمعية الريادي»: the adjective belongs to another noun
            if j > i and nisba(words[j]) and not _adjective_like(w):
                break  # «وزارة الداخلية السعودية القبض»: after an adjective, a noun starts another phrase
            j += 1
        elif w[:1] == "ل" and len(w) > 3 and not (j == i and definite(words[i])):
            j += 1  # (a definite head takes a ل-complement only after an adjective: الهيئة العامة للاستثمار)
            is_open = lam = not w.startswith("لل")
        else:
            break
        if not is_open:
            last_closed = j
    return last_closed if last_closed >= 0 else i
