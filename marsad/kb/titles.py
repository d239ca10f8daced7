"""Title-only mentions: «وزير الخارجية الإيطالي» later in an article that introduced «باولو جينتيلوني» with it.

News style introduces a person once with a title in apposition, before the name («وزير الخارجية الروسي
سيرغي لافروف», «رئيس هيئة قناة السويس الفريق مهاب مميش») or after it («لافروف، وزير الخارجية الروسي»),
and then often refers to him by the title alone («وقال وزير الخارجية الروسي»). This module reads the
titles each person of the document was introduced with (and the KB's titles for persons it knows) and
turns every later stand-alone occurrence of such a title into a mention of that person.

The title grammar is the iḍāfa chain: one or more indefinite heads in construct (نائب رئيس), then
genitives ending in a definite word, then definite adjectives (الروسي، السابق) or a باسم/ل complement
(المتحدثة باسم الخارجية الروسية). A definite word followed by a new title head ends a chain (the next
head opens another apposition), so «رئيس الوزراء وزير الخارجية» is two titles. A stand-alone title is
one not followed by a name or by more definite words (which would make it a different, longer title).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from marsad.document import Entity, Span
from marsad.kb.countries import country_of_adjective
from marsad.kb.store import get_kb
from marsad.kb.tokens import (
    WORD,
    bare_member,
    clitic_forms,
    clitic_variants,
    norm_tokens,
    skip_letters,
    tokens_where,
)
from marsad.text.normalize import normalize


def _n(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


#: Office nouns that head a title (without the article; the feminine with ة).
TITLE_HEADS = _n(
    "وزير وزيرة رئيس رئيسة نائب نائبة متحدث متحدثة ناطق ناطقة أمين أمينة سفير سفيرة مبعوث مبعوثة مندوب "
    "مندوبة ممثل ممثلة قائد قائدة زعيم زعيمة مدير مديرة مستشار مستشارة محافظ أمير أميرة ملك ملكة ولي عضو "
    "عضوة مسؤول مسؤولة سكرتير سكرتيرة منسق منسقة مفوض مفوضة مساعد مساعدة وكيل وكيلة مفتي حاكم عمدة "
    "محلل محللة خبير خبيرة مراسل مراسلة مرشد إمام قاضي مدعي نقيب أسقف بطريرك مطران "
    "موفد موفدة وسيط مفاوض كبير قنصل ملحق ناشط ناشطة قيادي قيادية صحفي صحفية صحافي صحافية كاتب كاتبة "
    "باحث باحثة مدون مدونة مصور معارض معارضة")
#: Ranks and honorifics that sit between a title and the name («… الفريق مهاب مميش»); not titles alone.
RANKS = _n(
    "الفريق اللواء العقيد العميد المقدم الرائد النقيب المشير الجنرال الأدميرال الدكتور الدكتورة د "
    "المهندس المهندسة الشيخ الشيخة السيد السيدة الأستاذ الأستاذة البروفيسور الحاج الملا المستشار "
    "دكتور مهندس")
#: Words that cannot be inside a title chain: prepositions, complementisers, relatives, demonstratives.
STOPS = _n(
    "في على من إلى الى عن مع بين حول ضد منذ عند لدى خلال بعد قبل أن إن بأن لأن أنه إنه كما لكن ثم أو "
    "الذي التي الذين اللذين اللتين هذا هذه ذلك تلك هو هي هم قد لقد لم لن لا ما قال قالت وقال وقالت أمس "
    "اليوم الليلة غدا الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الماضي الجاري المقبل "
    "صباح مساء أيضا كذلك بدوره بدورها")
#: Adjectives that do not make a title specific: «الرئيس السابق» may be any of several former presidents.
GENERIC_ADJ = _n("السابق السابقة الأسبق الحالي الحالية الجديد الجديدة المؤقت المؤقتة المقبل الراحل المخلوع "
                 "المعزول المستقيل المكلف الأول الثاني")
_QUOTES = set('«»"“”\'‘’')
MAX_CHAIN = 8  # tokens between a title head and the name it introduces


@lru_cache(maxsize=100_000)
def title_head(word: str) -> str | None:
    """The title head a token is (وللرئيس → رئيس), else None."""
    return bare_member(word, TITLE_HEADS)


def _definite(word: str) -> bool:
    return any(v.startswith("ال") for v, _c in clitic_variants(word)) or word.startswith("لل")


def _has_conj(word: str, lemma: str) -> bool:
    """A conjunction before a title head (ووزير الخارجية) opens a new, coordinated title."""
    return word[:1] in "وف" and title_head(word[1:]) == lemma


@lru_cache(maxsize=8)
def token_gaps(text: str) -> tuple[str, ...]:
    """The punctuation between each token of `norm_tokens(text)` and the next ("" when only spaces), "."
    after the last; memoised because the title and alias passes both need it."""
    toks = norm_tokens(text)
    pieces = WORD.split(text)  # the text between the words, around them: one cut per word
    if len(pieces) == len(toks) + 1:  # every word a token (none normalised to nothing)
        return (*map(str.strip, pieces[1:-1]), ".")
    return tuple(text[toks[j][1]:toks[j + 1][0]].strip() for j in range(len(toks) - 1)) + (".",)


class TokenDoc:
    """The tokens of one text with the breaks (punctuation) between them and where mentions start."""

    def __init__(self, text: str, entities: Sequence[Entity]) -> None:
        self.text = text
        self.toks = norm_tokens(text)
        self.starts = [t[0] for t in self.toks]
        self.gap = token_gaps(text)
        self.per_at: dict[int, Entity] = {}  # token index of a PER mention's first word → entity
        self.per_end: dict[int, Entity] = {}  # token index of a PER mention's last word → entity
        for e in entities:
            if e.type != "PER":
                continue
            for m in e.mentions:
                i = self.tok(m.start)
                j = self.tok(m.end - 1, right=True)
                if i is not None:
                    self.per_at.setdefault(i, e)
                if j is not None:
                    self.per_end.setdefault(j, e)

    def covered(self, entities: Sequence[Entity]) -> set[int]:
        """The tokens inside a mention of any of `entities`: no new mention may start there."""
        out: set[int] = set()
        for e in entities:
            for m in e.mentions:
                a, b = self.tok(m.start), self.tok(m.end - 1)
                if a is not None and b is not None:
                    out.update(range(a, b + 1))
        return out

    def tok(self, pos: int, right: bool = False) -> int | None:
        """The token containing character `pos` (or starting at it)."""
        k = bisect_left(self.starts, pos + 1) - 1
        if k < 0 or not (self.toks[k][0] <= pos < self.toks[k][1]):
            return None
        return k


def title_before(d: TokenDoc, i: int) -> tuple[int, int] | None:
    """(first, last) token of the title chain introducing the name that starts at token i, if any."""
    k = i - 1
    while k >= 0 and d.toks[k][2] in RANKS and not d.gap[k]:  # the rank is part of the name's introduction
        k -= 1
    if k >= 0 and d.gap[k] not in ("", "،", ","):
        return None
    end = k
    start = None
    while k >= 0 and end - k < MAX_CHAIN:
        w = d.toks[k][2]
        if w in STOPS or (k < end and d.gap[k]):
            break
        lem = title_head(w)
        if lem is not None:
            start = k
            if _has_conj(w, lem) or k == 0 or d.gap[k - 1]:
                break
            prev = d.toks[k - 1][2]
            if title_head(prev) is None or _definite(prev):  # a verb, or a definite word ending an earlier NP
                break
        k -= 1
    return (start, end) if start is not None and start <= end and end - start < MAX_CHAIN else None


def title_after(d: TokenDoc, j: int) -> tuple[int, int] | None:
    """(first, last) token of a title in apposition after the name ending at token j («لافروف، وزير …»)."""
    k = j + 1
    n = len(d.toks)
    if k >= n or d.gap[j] not in ("", "،", ",") or title_head(d.toks[k][2]) is None:
        return None
    if d.toks[k][2][:1] in "وف" and title_head(d.toks[k][2][1:]):
        return None  # «… وزير» after a name with a conjunction is another person
    end = k
    while end + 1 < n and end + 1 - k < MAX_CHAIN and not d.gap[end]:
        w = d.toks[end + 1][2]
        if w in STOPS or not (_definite(w) or title_head(w) or w == "باسم" or w.isdigit()):
            break
        end += 1
    while end > k and not _definite(d.toks[end][2]) and not d.toks[end][2].isdigit():
        end -= 1
    return (k, end) if end > k else None


def _key(d: TokenDoc, a: int, b: int) -> tuple[str, ...]:
    """A title's words, the head reduced to its lemma (الرئيس → رئيس) and proclitics off the others' first."""
    head = title_head(d.toks[a][2]) or d.toks[a][2]
    return (head, *(d.toks[k][2] for k in range(a + 1, b + 1) if d.toks[k][2] not in RANKS))


Intro = tuple[int, Entity, bool]  # (token of the introduction, person, the title needs his nationality after it)


def _intro_titles(d: TokenDoc) -> tuple[dict[tuple[str, ...], list[Intro]], set[int]]:
    """Title key → the persons introduced with it (appositions; the KB's titles for persons it knows, which
    count only with the person's nationality after them); and the first tokens of the appositions, which
    introduce a name and so are not stand-alone titles."""
    out: dict[tuple[str, ...], list[Intro]] = {}
    intro: set[int] = set()
    for pos, e, t in [(i, e, title_before(d, i)) for i, e in d.per_at.items()] + \
            [(j, e, title_after(d, j)) for j, e in d.per_end.items()]:
        if t is not None:
            intro.add(t[0])
            key = _key(d, *t)
            if _specific(key):
                out.setdefault(key, []).append((pos, e, False))
    kb = get_kb()
    for e in {id(e): e for e in d.per_at.values()}.values():
        entry = kb.by_id.get(e.id)
        first = d.tok(e.mentions[0].start)
        if entry is None or not entry.titles or not e.country or first is None:
            continue
        for t in entry.titles:
            words = t.split(" ")
            key = (words[0][2:] if words[0].startswith("ال") else words[0], *words[1:])
            out.setdefault(key, []).append((first, e, True))
    return out, intro


def _specific(key: tuple[str, ...]) -> bool:
    """A title that names one office: a definite word after the head, not only generic adjectives
    («وزير دفاع» is any defence minister, «الرئيس السابق» any former president)."""
    rest = key[1:]
    return any(w not in GENERIC_ADJ for w in rest) and any(_definite(w) or w.isdigit() for w in rest)


def _next_token(d: TokenDoc, b: int) -> tuple[int | None, str]:
    """The token after b across quotation marks only, and the punctuation crossed ("" when none)."""
    if b + 1 >= len(d.toks):
        return None, "."
    gap = d.gap[b]
    return b + 1, "" if set(gap) <= _QUOTES else gap


def _standalone(d: TokenDoc, a: int, titles: dict[tuple[str, ...], list[Intro]],
                heads: dict[str, list[tuple[str, ...]]]) -> tuple[int, Entity] | None:
    """(last token, person) of a stand-alone title starting at token a, or None.

    Not stand-alone: a title inside a longer one (وكيلة وزير الخارجية، «وزير الخارجية» before الروسي), or one
    that introduces a name (followed by a name, a rank or a comma and a name)."""
    if a > 0 and not d.gap[a - 1] and title_head(d.toks[a - 1][2]) is not None:
        return None
    best: tuple[int, int, int, Entity] | None = None  # (exactness, -distance, end, person)
    for key in heads[title_head(d.toks[a][2]) or ""]:
        b = a + len(key) - 1
        if b >= len(d.toks) or any(d.gap[k] for k in range(a, b)):
            continue
        if any(d.toks[a + k][2] != key[k] for k in range(1, len(key))):
            continue
        nxt, gap = _next_token(d, b)
        if nxt is not None and (nxt in d.per_at or (not gap and d.toks[nxt][2] in RANKS)):
            return None
        country = None
        if nxt is not None and not gap and _definite(d.toks[nxt][2]):
            country = country_of_adjective(d.toks[nxt][2])
            if country is None:
                continue  # a longer title
        for pos, person, needs_adj in titles[key]:
            if (country or needs_adj) and person.country != country:
                continue  # a nationality after the title must be the person's (known) one
            dist = a - pos if pos < a else 10_000 + pos - a  # an earlier introduction before a later one
            cand = (0 if country else 1, -dist, nxt if country else b, person)
            if best is None or cand[:2] > best[:2]:
                best = cand
    return None if best is None else (best[2], best[3])


def add_title_mentions(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with every stand-alone title added as a mention of the person introduced with it."""
    if not any(e.type == "PER" for e in entities):
        return entities
    d = TokenDoc(text, entities)
    titles, intro = _intro_titles(d)
    if not titles:
        return entities
    heads: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(titles, key=len, reverse=True):
        heads.setdefault(key[0], []).append(key)
    spans = sorted((m.start, m.end, e.type) for e in entities for m in e.mentions)
    added = False
    # the tokens whose head opens a title of this text, each word type tested once
    todo = tokens_where(text, clitic_forms(heads.keys() | {"ال" + h for h in heads}),
                        lambda w: title_head(w) in heads)
    at = 0
    while at < len(todo):
        a = todo[at]
        hit = _standalone(d, a, titles, heads) if a not in intro else None
        if hit is None:
            at += 1
            continue
        b, person = hit
        start, end = _span(d, a, b)
        if _free_for_title(spans, start, end):
            person.mentions.append(Span(start, end, text[start:end]))
            added = True
        at = bisect_left(todo, b + 1, at + 1)
    if added:
        for e in entities:
            e.mentions.sort(key=lambda m: m.start)
    return entities


def _span(d: TokenDoc, a: int, b: int) -> tuple[int, int]:
    """Character span of tokens a..b, a proclitic on the head left outside (ووزير → وزير)."""
    word = d.toks[a][2]
    cut = 0
    for v, c in clitic_variants(word):
        bare = v[2:] if v.startswith("ال") and len(v) > 4 else v
        if bare in TITLE_HEADS:
            cut = c
            break
    start = skip_letters(d.text, d.toks[a][0], cut) if cut else d.toks[a][0]
    return start, d.toks[b][1]


def _free_for_title(spans: Sequence[tuple[int, int, str]], start: int, end: int) -> bool:
    """A title may contain the names of places and bodies (محافظ القطيف) but not cross or sit in a mention."""
    k = bisect_left(spans, (end,))
    for s, e, _typ in spans[max(0, k - 12):k]:
        if s < end and start < e and not (start <= s and e <= end):
            return False
        if s < end and start < e and _typ == "PER":
            return False
    return True
