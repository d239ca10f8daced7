"""In-document coreference helpers: partial names, spelling variants and nominal titles.

News names a person in full once (وزير الخارجية الروسي سيرغي لافروف) and then by surname (لافروف), by
title (الوزير الروسي), or with a typo (غيديني for غيدني); organisations come back as التنظيم or الحركة.
These functions link such later references to an entity already in the document. They are deliberately
conservative: a wrong merge corrupts who-did-what, a missed one only splits an entity.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import Indel

from marsad.document import Entity
from marsad.kb.countries import country_of_adjective
from marsad.kb.store import get_kb
from marsad.kb.tokens import norm_key
from marsad.kb.units import is_unit
from marsad.text.normalize import normalize

FUZZY_MIN_LEN = 5
FUZZY_MIN_RATIO = 0.90

# Nominal heads that refer back to an organisation of one of these kinds.
ORG_NOMINALS: dict[str, tuple[str, ...]] = {
    "التنظيم": ("IMG", "REB", "UAF"), "الجماعه": ("IMG", "REB", "OPP", "UAF"), "الحركه": ("IMG", "REB", "OPP"),
    "الميليشيا": ("IMG", "REB", "UAF", "MIL"), "الميليشيات": ("IMG", "REB", "UAF", "MIL"),
    "المليشيا": ("IMG", "REB", "UAF", "MIL"), "الفصيل": ("REB", "IMG", "OPP"), "المنظمه": ("IGO", "NGO"),
    "الوكاله": ("MED",), "الحزب": ("REB", "OPP", "GOV"), "الوزاره": ("GOV",), "الجيش": ("MIL",),
    "الجبهه": (),  # only a body whose name starts with جبهة (جبهة النصرة): fronts are of many kinds
}
_ORG_HEAD_NAME = {"الحزب": "حزب", "الوزاره": "وزاره", "الجيش": "الجيش", "الوكاله": "وكاله", "الجبهه": "جبهه"}
#: Heads that, bare and definite, refer back to a state's body named with its country (الجيش النيجيري).
_NATIONAL_BODIES = {"الجيش": ("MIL",)}


def token_fuzzy_equal(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two normalised names differ by one misspelt long word (ستيفن غيديني ~ ستيفن غيدني).

    Every other word must be identical and the differing words at least FUZZY_MIN_LEN letters with an
    Indel similarity ≥ FUZZY_MIN_RATIO, so محمد/محمود or حسن/حسين never merge.
    """
    if len(a) != len(b) or not a:
        return False
    x = y = ""
    found = False
    for p, q in zip(a, b, strict=True):  # the one differing pair; asked for every pair of names of a text
        if p != q:
            if found:
                return False
            x, y, found = p, q, True
    return min(len(x), len(y)) >= FUZZY_MIN_LEN and Indel.normalized_similarity(x, y) >= FUZZY_MIN_RATIO and \
        not affix_variant(x, y)


# Endings that make another word of a name, not a typo of it: the nisba (سليماني from سليمان), the
# feminine (كريمة)، plurals and duals (الحوثيون، الحوثيين); and the article or a proclitic before it.
_SUFFIXES = ("ي", "ه", "ة", "يه", "ية", "ون", "ين", "ان", "ات", "يون", "يين")
_PREFIXES = ("ال", "و", "ب", "ل", "ف", "ك")


def affix_variant(x: str, y: str) -> bool:
    """Whether one normalised word is the other with an ending or a prefix added: a different word
    (سليمان، سليماني) however close the spelling; a typo changes letters inside (غيدني، غيديني)."""
    if len(x) == len(y):
        return False
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    if long_.startswith(short):
        return long_[len(short):] in _SUFFIXES
    if long_.endswith(short):
        return long_[:-len(short)] in _PREFIXES
    return False


_NASAB = {"بن": "بن", "ابن": "بن", "بنت": "بنت"}
_FAMILY = ("بن", "بنت", "ال", "ابن")


def name_words(words: Sequence[str]) -> list[str]:
    """A person's normalised name words with spelling variants unified: «عبد العزيز» and «عبدالعزيز» are
    one word, ابن inside a name is بن, آل (normalised ال) stays a word of its own."""
    return list(_name_words(tuple(words)))


@lru_cache(maxsize=50_000)
def _name_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """`name_words` as a tuple, memoised: the linker compares every unknown name with every earlier one
    (`extends_name`, `is_partial_name`), so the same few names are unified thousands of times a document."""
    out: list[str] = []
    k = 0
    while k < len(words):
        w = words[k]
        if w in ("عبد", "ابو", "ابي") and k + 1 < len(words) and words[k + 1] not in _NASAB:
            out.append(w + words[k + 1])
            k += 2
            continue
        out.append(_NASAB.get(w, w) if out else w)
        k += 1
    return tuple(out)


def extends_name(longer: Sequence[str], known: Sequence[str]) -> bool:
    """`longer` is `known` with more of the lineage or the family name after it: «سلمان بن عبدالعزيز آل
    سعود» extends «سلمان بن عبد العزيز». `known` must have two words at least (a given name alone is shared
    by too many), and the added part must start with بن/بنت or آل, so «محمد بن سلمان» never extends into
    «محمد بن نايف»."""
    a, b = _name_words(tuple(longer)), _name_words(tuple(known))
    return len(b) >= 2 and len(a) > len(b) and a[:len(b)] == b and a[len(b)] in _FAMILY


def is_partial_name(short: Sequence[str], full: Sequence[str]) -> bool:
    """`short` is a surname-style reference to the person `full` (لافروف → سيرغي لافروف; دي ميستورا).

    The short form must be the tail of the full name, or a single long word of it that is not its first
    word (first names are shared by too many people to link on). Compound words are compared joined
    (عبد الرحمن → رامي عبدالرحمن).
    """
    return _partial(_name_words(tuple(short)), _name_words(tuple(full)))


def _partial(s: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`is_partial_name` of names already unified (`_name_words`)."""
    k = len(s)
    return 0 < k < len(full) and (full[-k:] == s or (k == 1 and len(s[0]) >= 4 and s[0] in full[1:]))


def first_same_name(ws: tuple[str, ...], pool: Sequence[tuple[tuple[str, ...], str]]) -> str | None:
    """The group of the first name in `pool` ((words, group) pairs) that is `ws`, exactly or with one
    misspelt word (`token_fuzzy_equal`); names of other lengths never are."""
    n = len(ws)
    for w, g in pool:
        if w == ws or (len(w) == n and token_fuzzy_equal(w, ws)):
            return g
    return None


def partial_name_groups(short: Sequence[str], named: Sequence[tuple[tuple[str, ...], str]]) -> set[str]:
    """The groups of the names in `named` that `short` is a partial name of (`is_partial_name`), with the
    short name unified once rather than once per pair: the linker asks it of every earlier name."""
    s = _name_words(tuple(short))
    k = len(s)
    out: set[str] = set()
    if not k:
        return out
    for w, g in named:
        if len(w) <= k or g in out:  # unifying never lengthens a name: too short a one cannot hold it
            continue
        if _partial(s, _name_words(w)):
            out.add(g)
    return out


def extension_groups(longer: Sequence[str], named: Sequence[tuple[tuple[str, ...], str]]) -> set[str]:
    """The groups of the names in `named` that `longer` extends (`extends_name`). A known name has two
    unified words at least and the longer one more, so a name of under three unified words extends none."""
    if len(_name_words(tuple(longer))) < 3:
        return set()
    return {g for w, g in named if extends_name(longer, w)}


def _title_parts(text: str) -> tuple[list[str], str | None]:
    """Normalised title words without the nationality adjective, and that adjective's country."""
    words = [w for w in norm_key(text).split(" ") if w]  # not norm_tokens: its cache holds the article
    country = None
    rest = []
    for w in words:
        c = country_of_adjective(w)
        if c and country is None:
            country = c
        else:
            rest.append(w)
    return rest, country


def _strip_al(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def resolve_title(text: str, start: int, end: int, entities: Sequence[Entity]) -> Entity | None:
    """The entity a nominal title at text[start:end] refers back to, or None.

    `الوزير الروسي` → the nearest earlier PER whose country is Russia and who is a minister (per the KB's
    titles, or per the words just before one of his mentions in this text). `التنظيم` / `الحركة` → the
    nearest earlier organisation of a fitting kind (armed group, movement …).
    """
    kb = get_kb()
    words, country = _title_parts(text[start:end])
    if not words and not country:
        return None
    head = words[0] if words else ""
    # organisations referred to by a generic noun
    if head in ORG_NOMINALS and not country:
        kinds = ORG_NOMINALS[head]
        best = None
        for e in entities:
            # a generic agent of a named country stands for its state's body too (الجيش النيجيري … الجيش)
            national = e.type == "MISC" and e.country is not None and e.sector in _NATIONAL_BODIES.get(head, ())
            if (e.type != "ORG" and not national) or not e.mentions or e.mentions[0].start >= start:
                continue
            name_ok = head in _ORG_HEAD_NAME and normalize(e.name).startswith(_ORG_HEAD_NAME[head])
            if (e.sector in kinds or name_ok or national) and not (head == "الجيش" and is_unit(e.name)):
                last = max(m.start for m in e.mentions if m.start < start)
                if best is None or last > best[0]:
                    best = (last, e)
        return best[1] if best else None
    head_core = " ".join(_strip_al(w) for w in words[:2]) if words else ""
    head1 = _strip_al(head)
    best = None
    for e in entities:
        if e.type != "PER" or not e.mentions:
            continue
        before = [m for m in e.mentions if m.start < start]
        if not before:
            continue
        entry = kb.by_id.get(e.id)
        ecountry = e.country
        left = " ".join(normalize(text[max(0, m.start - 60):m.start]) for m in e.mentions)
        if country:
            if ecountry and ecountry != country:
                continue
            if not ecountry and not any(country_of_adjective(w) == country for w in left.split()):
                continue
        if head1:
            titles = [_strip_al(t.split(" ")[0]) for t in (entry.titles if entry else ())]
            full_titles = [" ".join(_strip_al(x) for x in t.split(" ")[:2]) for t in (entry.titles if entry else ())]
            in_left = head1 in {_strip_al(w) for w in left.split()}
            if not (head1 in titles or head_core in full_titles or in_left):
                continue
        last = max(m.start for m in before)
        if best is None or last > best[0]:
            best = (last, e)
    return best[1] if best else None
