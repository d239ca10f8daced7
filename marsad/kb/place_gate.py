"""Evidence that a gazetteer name in a text is a place, for names that are also ordinary words.

A gazetteer holds every hamlet, and many are named by common words: فندق (hotel), ثانية (second), جروح
(wounds), الريف (the countryside), or verbs: تدمر (she destroys) is also Palmyra. A match on such a word
is a place only with evidence:

- the word is not common for a place of its standing: wordfreq's Zipf frequency of the name (or of the
  name without its article, صدر for الصدر) against a bar that rises with the place's prominence in the KB,
  so دمشق (very common, and a capital) needs nothing while the village الصدر does; and a reading that
  needs a proclitic cut (بسيطة → سيطة) is doubtful when the whole word is the more common word;
- or a place word right before it (مدينة، بلدة، قرية، محافظة، ريف، منطقة، حي، مخيم…, a direction such
  as شمال or شرقي), or it continues a list of places started by one («بلدات الراعي والعياش»);
- or another occurrence in the same text has that evidence (one sense per discourse);
- or the statistical tagger also read it as a place, which is enough for a word that is only fairly
  common but not for a very common one (level 2).

A verb-governing particle or a relative pronoun right before the word (لم، لن، قد، سوف، التي، الذي) makes
it a verb, whatever else is said. Everything is dictionary lookups on the normalised tokens of the text,
computed once per text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import product

from marsad.kb.common_words import is_place_word, zipf
from marsad.kb.store import KBEntry
from marsad.kb.tokens import clitic_variants, norm_tokens, tokens_where
from marsad.text.normalize import normalize

# Nouns of place in construct with a name («مدينة الباب», «بريف حماة»): a name after one is a place even
# if it is a very common word.
STRONG_CUES = frozenset(normalize(w) for w in (
    "مدينة", "بلدة", "قرية", "محافظة", "ريف", "منطقة", "حي", "مخيم", "ناحية", "قضاء", "إقليم", "ولاية",
    "مديرية", "عاصمة", "ضاحية", "مدينتي", "بلدتي", "قريتي", "محافظتي", "منطقتي", "حيي", "مخيمي",
))
# Plurals and features: often followed by an adjective or a preposition («مناطق جديدة», «مناطق تحت
# سيطرة»), so they vouch only for a name that is not a very common word.
WEAK_CUES = frozenset(normalize(w) for w in (
    "العاصمة", "مدن", "بلدات", "قرى", "محافظات", "مناطق", "أحياء", "مخيمات", "نواحي", "مديريات", "ضواحي",
    "أطراف", "مشارف", "تخوم", "جبل", "جبال", "سهل", "وادي", "نهر", "بحيرة", "جزيرة",
))
# Directions («شرقي الرمادي», but «جنوب معقل الإسلاميين»): they let the matcher try a name, not vouch for it.
DIRECTIONS = frozenset(normalize(w) for w in (
    "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "شمالا", "جنوبا", "شرقا", "غربا",
))
PLACE_CUES = STRONG_CUES | WEAK_CUES | DIRECTIONS
CUE_STRENGTH = {**{w: 1 for w in DIRECTIONS}, **{w: 2 for w in WEAK_CUES}, **{w: 3 for w in STRONG_CUES}}
# Words that are followed by a verb, never by a name: particles that govern the imperfect, relative pronouns.
VERB_BEFORE = frozenset(normalize(w) for w in (
    "لم", "لن", "قد", "سوف", "كي", "لكي", "لئلا", "لما", "الذي", "التي", "الذين", "اللذين", "اللتين",
    "اللذان", "اللتان", "اللاتي", "اللواتي", "اللائي",
))
# Cue words that are also the first word of an idiom: «من ناحية ثانية» is "on the other hand".
IDIOMS = {normalize("ناحية"): frozenset(normalize(w) for w in ("من", "ومن"))}
# Place nouns that a tagger sometimes takes for a name when they stand alone («في ريف», «للمدينة التي»).
GENERIC_PLACES = frozenset(normalize(w) for w in (
    "ريف", "الريف", "مدينة", "المدينة", "بلدة", "البلدة", "قرية", "القرية", "محافظة", "المحافظة", "منطقة",
    "المنطقة", "حي", "الحي", "مخيم", "المخيم", "ناحية", "الناحية", "إقليم", "الإقليم", "ولاية", "الولاية",
    "العاصمة", "البلاد", "الضاحية", "الأرياف", "المناطق", "المدن", "البلدات", "القرى", "الشمال", "الجنوب",
    "الشرق", "الغرب", "الوسط",
))
LIST_JOINERS = frozenset(("و", "،", ",", "او", "أو"))
# Countries whose towns make news in Arabic; a town elsewhere (an American or Indian town named كيري
# or ورود) is read as the common word or the surname first unless it is a large city.
NEWS_REGION = frozenset((
    "SAU", "SYR", "IRQ", "YEM", "EGY", "LBN", "JOR", "PSE", "KWT", "QAT", "BHR", "ARE", "OMN", "LBY", "TUN",
    "DZA", "MAR", "SDN", "MRT", "SOM", "DJI", "COM", "ESH", "TUR", "IRN", "ISR", "AFG", "PAK",
))
FOREIGN_TOWN_RANK = 65.0  # rank of a town of ~100,000 people (GeoNames: 15 + 10·log10(population))

BASE_BAR = 3.0  # a village whose name is at least this common (once in 1M words) is a word first
BAR_PER_RANK = 0.06  # the bar rises with KB prominence above rank 40 (towns, cities, capitals)
STRONG_MARGIN = 1.0  # this far above the bar, the tagger's word alone is not evidence
OWN_STRONG_MARGIN = 1.5  # … and this far for a name's own frequency (تحت، أن: function words)
CUT_MARGIN = 0.5
FUNCTION_WORD = 6.0  # the most frequent few hundred words (كان، على، الله) are no village's name
PLACE_WORD_MAX = 5.5  # gold NER's place words above this are ordinary words first (كان is also Cannes)
OWN_DISCOUNT = 1.0  # a name's own frequency counts this much less than its other form's  # a proclitic reading is doubtful when the whole word is this much more common


def bar(rank: float) -> float:
    """The Zipf frequency above which a place name of this KB rank is read as a common word first."""
    return BASE_BAR + max(0.0, rank - 40.0) * BAR_PER_RANK


def word_likeness(key: str, raw: str, places: Sequence[KBEntry]) -> tuple[float, float]:
    """How strongly `key` reads as an ordinary word, on the Zipf scale: (as a noun, by its own frequency).

    A noun alternates with and without the article (فندق/الفندق، الصدر/صدر) where a name seldom does
    (دمشق، تدمر، كوباني), so the other form's frequency is the word's; a token written with a final ه
    where the place's name ends in ة is first a noun with a pronoun (سبيله، حينه). The name's own
    frequency counts `OWN_DISCOUNT` lower, since a famous name is frequent because it is famous.
    """
    other = key[2:] if key.startswith("ال") and len(key) > 4 else "ال" + key
    noun = zipf(other)
    if raw.endswith("ه") and key.endswith("ه") and any(c.name.endswith("ة") for c in places):
        noun = max(noun, zipf(key[:-1]))
        if key.endswith("ته"):  # زاويته: زاوية with its ة written ت before the pronoun
            noun = max(noun, zipf(key[:-2] + "ه"))
    return noun, zipf(key) - OWN_DISCOUNT


def _hamza_mismatch(key: str, raw: str, places: Sequence[KBEntry]) -> bool:
    """A short word written with a hamza on alif that no candidate's name has: another word (إن ≠ ان)."""
    if len(key) > 3 or not any(h in raw for h in "أإآ"):
        return False
    return not any(any(h in c.name for h in "أإآ") for c in places)


def commonness(key: str, token: str, cands: Iterable[KBEntry], raw: str = "") -> int | None:
    """0: a place name as such; 1: also a common word; 2: a very common word, or another word's reading.

    `key` is the normalised name that matched (a proclitic cut off `token`, the normalised word, when
    they differ; `raw` is the word as written). Only one-word gazetteer names are judged; curated
    actors, country names and multi-word names are names whatever the context (None). A word that gold
    NER data mostly tags as a place (آسيا، الخليج) is a name unless it is a very common word (النيل من).
    """
    first = key.split(" ")[0]
    if token != first:
        zt, zk = zipf(token), zipf(first)
        if zt >= BASE_BAR and zt > zk + CUT_MARGIN:
            return 2  # the whole word is the commoner reading: بسيطة, كبير على (not بئر علي)
    if " " in key:
        return None
    places = [c for c in cands if c.is_place]
    if not places or any(c.source == "core" or c.precision == "country" for c in places):
        return None
    level = 0
    if zipf(key) >= FUNCTION_WORD or _hamza_mismatch(key, raw, places):
        return 2  # كان، على؛ وإن is not the town وان
    top = max(places, key=lambda c: c.rank)
    noun, own = word_likeness(key, raw or token, places)
    if noun - bar(top.rank) >= STRONG_MARGIN or own - bar(top.rank) >= OWN_STRONG_MARGIN:
        level = 2
    elif max(noun, own) >= bar(top.rank) or (
            zipf(key) >= BASE_BAR and top.rank < FOREIGN_TOWN_RANK and top.country not in NEWS_REGION):
        level = max(level, 1)
    if level == 1 and is_place_word(key) and zipf(key) < PLACE_WORD_MAX:
        level = 0
    return level


@lru_cache(maxsize=100_000)
def is_cue(word: str) -> bool:
    """Whether a normalised word is itself a place cue (مدينتي، قرى، شرق), hence no place name."""
    return _cue_word(word) is not None


def _cue_forms() -> dict[str, str]:
    """Every written form of a place cue → the cue: the cue itself, or one or two proclitics of و ف ب ل ك
    before a cue of two letters or more. One proclitic is tried before two (و + لبلدة before ول + بلدة) and
    the bare cue before both, so the forms are laid down in the reverse order, later ones winning."""
    out: dict[str, str] = {}
    for k in (2, 1):
        for pre in map("".join, product("وفبلك", repeat=k)):
            out.update({pre + c: c for c in PLACE_CUES if len(c) > 1})
    out.update({c: c for c in PLACE_CUES})
    return out


#: `_cue_forms`, built once: a word's cue is one lookup, with nothing to compute for a word seen first
_CUE_FORMS = _cue_forms()


def _cue_word(word: str) -> str | None:
    """The place cue `word` is, proclitics allowed (بمدينة، وبلدات، بحي), else None."""
    return _CUE_FORMS.get(word)


class PlaceEvidence:
    """Per text: which tokens are announced as places, which are verbs, which names are so announced."""

    def __init__(self, text: str) -> None:
        toks = norm_tokens(text)
        self.toks = toks
        n = len(toks)
        # a cue counts only if nothing but spaces separates it from the name
        # `CUE_STRENGTH` of the cue right before each token (0: none); a cue counts only if nothing but
        # spaces separates it from the name. Only the few tokens after a cue are visited.
        self.cued = [0] * n
        after_cue = [k + 1 for k in tokens_where(text, _CUE_FORMS.keys(), bool) if k + 1 < n]
        for i in after_cue:
            c = _CUE_FORMS[toks[i - 1][2]]
            if text[toks[i - 1][1]:toks[i][0]].strip():
                continue
            if i > 1 and toks[i - 2][2] in IDIOMS.get(c, ()):
                continue
            self.cued[i] = CUE_STRENGTH[c]
        self.verbal = [False] * n
        for k in tokens_where(text, VERB_BEFORE, bool):
            if k + 1 < n:
                self.verbal[k + 1] = True
        self.cued_words: dict[str, int] = {}
        for i in after_cue:
            if self.cued[i]:
                for v, _c in clitic_variants(toks[i][2]):
                    self.cued_words[v] = max(self.cued_words.get(v, 0), self.cued[i])

    def token_at(self, start: int) -> int:
        """Index of the token that contains offset `start` (or the next one)."""
        from bisect import bisect_right

        i = bisect_right([t[0] for t in self.toks], start) - 1
        return max(i, 0)

    def announced(self, i: int, key: str) -> int:
        """How strongly a place word announces token `i` as a place: right before it, or before another
        occurrence of `key` (`CUE_STRENGTH`, 0: not at all)."""
        return max(self.cued[i], self.cued_words.get(key, 0))


@lru_cache(maxsize=4)
def evidence_for(text: str) -> PlaceEvidence:
    """The text's `PlaceEvidence`, built once and shared by the matcher and the linker."""
    return PlaceEvidence(text)


def continues_list(text: str, prev_end: int, start: int) -> bool:
    """Only a list joiner between a place ending at `prev_end` and a name at `start`: a comma, أو, or a
    conjunction و, apart or attached («الراعي، العياش», «الراعي والعياش»)."""
    if prev_end < 0 or prev_end > start:
        return False
    gap = text[prev_end:start]
    g = gap.strip()
    if g in LIST_JOINERS:
        return True
    return g == "" and gap != "" and text.startswith("و", start)


def place_ok(level: int | None, cue: int, verbal: bool, tagged: bool) -> bool:
    """The decision: never after a verb particle; a common-word place needs a cue stronger than its
    doubt (`PlaceEvidence.announced`: a plural for a fairly common word, a singular place noun for a
    very common one), or, if only fairly common, the tagger's agreement."""
    if level is None:
        return True
    if verbal:
        return False
    return level == 0 or cue > level or (level == 1 and tagged)


def is_generic_place(words: Sequence[str]) -> bool:
    """A mention that is one place noun and nothing else («ريف», «بريف», «للمدينة»)."""
    return len(words) == 1 and any(v in GENERIC_PLACES for v, _c in clitic_variants(words[0]))


def words_of(spans: Sequence[tuple[int, int]], text: str) -> set[str]:
    """Every clitic reading of every word inside `spans` (the tagger's place mentions)."""
    out: set[str] = set()
    for s, e in spans:
        for _a, _b, w in norm_tokens(text[s:e]):
            out.update(v for v, _c in clitic_variants(w))
    return out
