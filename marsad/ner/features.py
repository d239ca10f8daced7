"""Feature extraction for the Arabic NER CRF.

Arabic has no capital letters, so a name is recognised from its context, its morphology (clitics,
the article, nisba suffixes) and from outside knowledge of names (gazetteers, distributional clusters
learnt on unlabelled news). Everything here is computed from precomputed lookups built once in
`FeatureExtractor.__init__`; per-word feature lists are memoised because news vocabulary is Zipfian
and most tokens repeat, which is what keeps tagging far above 20k tokens/s on one core.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

_STRIP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_TABLE = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك",
        "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    }
)
_ARABIC = re.compile("[\u0621-\u064a]")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile("[0-9]")

#: Longest word we build features for; longer tokens are truncated so that pathological input
#: (a 10,000-character "word") cannot blow up time or memory.
MAX_WORD = 40

# Closed-class cue words (normalised, article-less where useful). They encode what a newspaper
# reader knows: what precedes a person, what heads an organisation, what introduces a place.
PERSON_TITLES = frozenset(
    """الرئيس رئيس الملك ملك الامير امير الشيخ شيخ السيد السيده الدكتور د الاستاذ المهندس اللواء العميد
    العقيد الفريق المشير الجنرال النائب الوزير وزير الامين امين المتحدث الناطق المستشار مستشار الحاج
    الاب البابا الامام الإمام القاضي المحامي الكاتب الشاعر الفنان الفنانه اللاعب المدرب الروائي المخرج
    المطرب الممثل الممثله الصحفي الزميل السفير سفير المبعوث مبعوث قائد القائد زعيم الزعيم مدير المدير
    الرئيسه الوزيره السيناتور الحاكم حاكم عاهل العاهل ولي نجل ابن بن بنت ابو ام المواطن المواطنه
    الطالب الدكتوره الباحث العالم المفكر الفيلسوف المؤرخ الخليفه السلطان سلطان الرسول النبي القديس""".split()
)
SPEECH_VERBS = frozenset("قال وقال قالت وقالت اكد واكد اكدت واضاف اضاف اضافت اوضح واوضح صرح وصرح اعلن واعلن اعلنت".split())
ORG_HEADS = frozenset(
    """وزاره حزب شركه جامعه منظمه مجلس جمعيه اتحاد هيئه مؤسسه بنك مصرف وكاله صحيفه جريده حركه جبهه نادي
    منتدي لجنه محكمه معهد مركز قناه اذاعه تلفزيون مكتب مجموعه رابطه نقابه كليه اكاديميه بورصه سوق صندوق
    دار مدرسه مستشفي برلمان حكومه اداره مديريه اتحاديه تحالف كتائب كتيبه لواء فيلق جيش قوات مجمع
    مصلحه امانه رئاسه سفاره قنصليه بلديه غرفه شرطه""".split()
)
LOC_TRIGGERS = frozenset(
    """مدينه محافظه ولايه دوله عاصمه قريه منطقه جزيره جزر اقليم اقاليم اقليمي بلده حي نهر بحر جبل خليج
    مضيق صحراء شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي ضواحي قضاء ناحيه مخيم ميناء مطار بلاد""".split()
)
MISC_CUES = frozenset("دولار دولارا يورو جنيه درهم ريال دينار ليره شيكل ين جائزه بطوله كاس مهرجان حرب الحرب".split())

# Proclitic splits tried from longest to shortest (normalised forms). ``لل`` is ``ل`` + ``ال``.
_PREFIXES: tuple[tuple[str, str, str], ...] = (
    # (written prefix, tag, what replaces it)
    ("وبال", "w+b+al", "ال"), ("فبال", "f+b+al", "ال"), ("وكال", "w+k+al", "ال"), ("ولل", "w+l+al", "ال"),
    ("فلل", "f+l+al", "ال"), ("بال", "b+al", "ال"), ("كال", "k+al", "ال"), ("لل", "l+al", "ال"),
    ("وال", "w+al", "ال"), ("فال", "f+al", "ال"),
    ("وب", "w+b", ""), ("ول", "w+l", ""), ("وك", "w+k", ""), ("فب", "f+b", ""), ("فل", "f+l", ""),
    ("و", "w", ""), ("ف", "f", ""), ("ب", "b", ""), ("ل", "l", ""), ("ك", "k", ""),
)
#: `_PREFIXES` by their first letter, in the same order: most words start with none of و ف ب ل ك, and
#: the two loops below were a fifth of a new word type's cost
_PREFIXES_BY_FIRST: dict[str, tuple[tuple[str, str, str], ...]] = {
    ch: tuple(p for p in _PREFIXES if p[0][0] == ch) for ch in {p[0][0] for p in _PREFIXES}
}
_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه", "ك", "ي")


def normalize(word: str) -> str:
    """Spelling-variant-free form of a token (alef/ya/ta-marbuta unified, marks dropped).

    ANERcorp writes أ/ا and ي/ى inconsistently and WikiFANE drops hamzas entirely, so every lookup
    key (clusters, gazetteers, features) lives in this space.
    """
    if len(word) > MAX_WORD:
        word = word[:MAX_WORD]
    return _STRIP.sub("", word).translate(_TABLE).lower()


def normalize_many(words: Sequence[str]) -> list[str]:
    """`normalize` of each word, in one pass over the words joined by newlines: per word, the regex and the
    translation table cost more in call overhead than in work. The split is exact as long as no word holds
    a newline (nothing maps to one); if one does, the words are normalised one by one."""
    out = _STRIP.sub("", "\n".join([w[:MAX_WORD] for w in words])).translate(_TABLE).lower().split("\n")
    return out if len(out) == len(words) else [normalize(w) for w in words]


def clitic_candidates(norm: str) -> list[tuple[str, str]]:
    """All (prefix tag, remaining word) readings of a normalised word, unsegmented reading first.

    Gazetteer matching needs every reading (لبنان is a name, not ل + بنان) and lets the lexicon
    decide; feature extraction takes the first stripped reading as the stem.
    """
    out = [("", norm)]
    for written, tag, repl in _PREFIXES_BY_FIRST.get(norm[:1], ()):
        if norm.startswith(written):
            rest = repl + norm[len(written):]
            if len(rest) - len(repl) >= 2:
                out.append((tag, rest))
    return out


def reading_forms(firsts: Iterable[str]) -> set[str]:
    """Every normalised word that may have one of `firsts` among its `clitic_candidates` readings: the word
    itself, or a proclitic's written form before it (the article's «ال» written «لل» after ل). A superset, for
    a C-level intersection with a document's words before the exact test."""
    out: set[str] = set()
    for f in firsts:
        out.add(f)
        out.update(written + f[len(repl):] for written, _tag, repl in _PREFIXES if f.startswith(repl))
    return out


def stem_of(norm: str) -> tuple[str, str]:
    """Heuristic (prefix tag, stem) of a normalised word: proclitics and the article removed.

    Bare one-letter proclitics (و ف ب ل ك without a following ال) are cut only when at least three
    letters remain, which keeps short names intact more often than not; the CRF sees both the word
    and the stem, so a wrong cut only costs a weak feature.
    """
    for written, tag, repl in _PREFIXES_BY_FIRST.get(norm[:1], ()):
        if norm.startswith(written):
            rest = norm[len(written):]
            if repl:
                if len(rest) >= 2:
                    return tag, rest
            elif len(rest) >= 3 and not rest.startswith("ال"):
                return tag, rest
            elif len(rest) >= 4 and rest.startswith("ال"):
                return tag + "+al", rest[2:]
    if norm.startswith("ال") and len(norm) >= 4:
        return "al", norm[2:]
    return "", norm


def _shape(word: str) -> str:
    """Coarse script/character class of a raw token."""
    if not word:
        return "empty"
    if _ARABIC.search(word):
        return "ar" if not _DIGIT.search(word) else "ar+d"
    if _DIGIT.search(word):
        return "digit" if word.isdigit() else "d+x"
    if _LATIN.search(word):
        return "latin"
    return "punct"


#: (reading, the lengths of the entries it starts) for each reading of a word that starts one
Starts = tuple[tuple[str, tuple[int, ...]], ...]


@dataclass
class Gazetteer:
    """Multi-word name lists keyed by normalised token tuples.

    ``entries`` maps a phrase (tuple of normalised tokens) to the labels it carries, e.g.
    ``("الامم", "المتحده") -> ("wiki:ORG",)``; ``max_len`` bounds the longest-match search per first
    token so matching a sentence is linear in practice.
    """

    entries: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    max_len: dict[str, int] = field(default_factory=dict)
    #: the entry lengths that exist for each first token, longest first (only these are tried)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, rows: Iterable[tuple[str, str]]) -> Gazetteer:
        """Index (label, phrase) rows; phrases are normalised and whitespace-tokenised here."""
        acc: dict[tuple[str, ...], set[str]] = {}
        for label, phrase in rows:
            key = tuple(normalize(t) for t in phrase.split())
            if not key or any(not k for k in key):
                continue
            acc.setdefault(key, set()).add(label)
        g = cls()
        lengths: dict[str, set[int]] = {}
        for key, labels in acc.items():
            g.entries[key] = tuple(sorted(labels))
            if len(key) > g.max_len.get(key[0], 0):
                g.max_len[key[0]] = len(key)
            lengths.setdefault(key[0], set()).add(len(key))
        g.lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}
        return g

    def annotate(
        self, norms: Sequence[str], cands: Sequence[list[tuple[str, str]]], mask: Sequence[bool] | None = None
    ) -> list[list[str]]:
        """Per-token gazetteer features ``gz<B|I>=label`` from longest matches at every start.

        The first token of a match may carry proclitics (والعراق، ببغداد); later tokens must match
        as written. Every start position is tried (but those `mask` rules out: their word starts no entry),
        so overlapping names all contribute features.
        """
        return self.annotate_starts(norms, [self.starts(c) if mask is None or mask[i] else ()
                                            for i, c in enumerate(cands)])

    def starts(self, cands: Sequence[tuple[str, str]]) -> Starts:
        """The readings of a word that start an entry, each with its entry lengths (longest first), in the
        order of `cands`: a property of the word type, so the fast decoder keeps it with the word."""
        lengths = self.lengths
        return tuple((first, lengths[first]) for _tag, first in cands if lengths.get(first))

    def annotate_starts(self, norms: Sequence[str], starts: Sequence[Starts]) -> list[list[str]]:
        """`annotate` from each token's `starts` (empty: the token starts nothing)."""
        n = len(norms)
        out: list[list[str]] = [[] for _ in range(n)]
        entries = self.entries
        for i, st in enumerate(starts):
            for first, ls in st:
                for length in ls:
                    if length > n - i:
                        continue
                    key = (first, *norms[i + 1:i + length])
                    labels = entries.get(key)
                    if labels is None:
                        continue
                    for lab in labels:
                        out[i].append("gzB=" + lab)
                        if length > 1:
                            out[i].append("gzM=" + lab)
                        for j in range(i + 1, i + length):
                            out[j].append("gzI=" + lab)
                    break
        return out


@dataclass
class Resources:
    """Everything the feature extractor looks up: clusters and gazetteers (see `resources.py`)."""

    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: Gazetteer = field(default_factory=Gazetteer)
    train_lex: Gazetteer = field(default_factory=Gazetteer)
    word_lists: dict[str, frozenset[str]] = field(default_factory=dict)


#: word lists learnt from silver-tagged news (`training/silver.py`): ``sv:TYPE``, ``sfirst``, ``slast``
SILVER_LISTS = ("sv:", "sfirst", "slast")

_LEN = tuple(f"len={i}" for i in range(8))
_OOV_CTX = ("c1=oov",)
_CLUSTER_FEATURES: dict[tuple[str, ...], tuple[list[str], list[str]]] = {}


def _cluster_features(c: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(own, context) feature strings of a cluster path, memoised: there are far fewer paths than words,
    and formatting them was a good part of a new word type's cost."""
    hit = _CLUSTER_FEATURES.get(c)
    if hit is None:
        hit = _CLUSTER_FEATURES[c] = ([f"c{i}={v}" for i, v in enumerate(c)],
                                      [f"c{i}={v}" for i, v in enumerate(c[:3])])
    return hit


#: (own features, features by context offset, normalised form, clitic readings, org head?, may start a
#: gazetteer or training-lexicon match?)
_WordInfo = tuple[list[str], dict[int, list[str]], str, list[tuple[str, str]], bool, bool]
#: the same with the context features as one sorted list of base features (``w=…``), unprefixed
_WordCore = tuple[list[str], list[str], str, list[tuple[str, str]], bool, bool]


class FeatureExtractor:
    """Turns a token sentence into CRFsuite feature-string lists.

    Per-word features are memoised in ``self._cache`` (bounded at 30K words: a 200K cache tripled RSS
    with no speed gain on SaudiNewsNet, news vocabulary being Zipfian) as ready-made lists for each
    context offset, so a sentence costs one dict lookup per token and per offset plus the
    gazetteer scan.
    """

    OFFSETS = (-2, -1, 1, 2)

    def __init__(self, resources: Resources, cache_size: int = 30_000, train_lex: Gazetteer | None = None) -> None:
        self.res = resources
        # The training-entity lexicon; training passes a cross-fitted one per fold (see there).
        self.train_lex = resources.train_lex if train_lex is None else train_lex
        self._cache: dict[str, _WordInfo] = {}
        self._cache_size = cache_size
        wl = resources.word_lists
        self._first = wl.get("first", frozenset())
        self._last = wl.get("last", frozenset())
        self._nisba = wl.get("nisba", frozenset())
        # name-context lists learnt from silver-tagged news (`training/silver.py`), keyed by stem
        self._silver: dict[str, list[str]] = {}
        for name, words in sorted(wl.items()):
            if name.startswith(SILVER_LISTS):
                for w in words:
                    self._silver.setdefault(w, []).append("lex=" + name)

    def word_info(self, word: str) -> _WordInfo:
        """Everything about one word type that does not depend on its neighbours (memoised)."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        feats, keep, norm, cands, org, gz = self.word_core(word)
        ctx = {off: [f"{off}:{f}" for f in keep] for off in self.OFFSETS}
        out = (feats, ctx, norm, cands, org, gz)
        if len(self._cache) < self._cache_size:
            self._cache[word] = out
        return out

    def word_core(self, word: str) -> _WordCore:
        """`word_info` before its context features are spelt out, unmemoised: the fast decoder maps the
        sorted context base features to weight rows itself, so building ``-2:…``…``2:…`` strings (and
        caching them a second time beside its own vectors) was most of a new word type's cost."""
        return self._core(word, normalize(word))

    def word_cores(self, words: Sequence[str]) -> list[_WordCore]:
        """`word_core` of each word, normalised together (`normalize_many`): the decoder asks for a
        document's new word types at once."""
        return list(map(self._core, words, normalize_many(words)))

    def _core(self, word: str, norm: str) -> _WordCore:
        tag, stem = stem_of(norm)
        clusters = self.res.clusters
        shape = "sh=" + _shape(word)
        n = len(norm)
        feats = ["b", "w=" + norm, "s=" + stem, "p=" + tag, shape, _LEN[n] if n < 8 else "len=8+"]
        ls = len(stem)
        if ls > 1:
            feats += ("sf1=" + stem[-1:], "sp1=" + stem[:1])
            if ls > 2:
                feats += ("sf2=" + stem[-2:], "sp2=" + stem[:2])
                if ls > 3:
                    feats += ("sf3=" + stem[-3:], "sp3=" + stem[:3])
        if n > 4:
            feats.append("nf4=" + norm[-4:])
        c = clusters.get(norm) or clusters.get(stem) or clusters.get("ال" + stem)
        if c is None:
            feats.append("c=oov")
            ctx_c: Sequence[str] = _OOV_CTX
        else:
            own_c, ctx_c = _cluster_features(c)
            feats += own_c
        lex = self._lex(norm, stem)
        feats += lex
        # sorted, not a set order: feature order must not depend on the per-process string hash salt, or
        # two training runs would write byte-different (if equivalent) models. The kinds' prefixes sort
        # c… < lex= < p= < s= < sh= < w= (and c0 < c1 < c2), so only the word lists need a sort of their own
        keep = [*ctx_c, *(sorted(set(lex)) if len(lex) > 1 else lex), "p=" + tag, "s=" + stem, shape, "w=" + norm]
        cands = clitic_candidates(norm)
        g, t = self.res.gazetteer.max_len, self.train_lex.max_len
        gz = False
        for _t, first in cands:
            if first in g or first in t:
                gz = True
                break
        return feats, keep, norm, cands, "lex=orghead" in lex, gz

    def _lex(self, norm: str, stem: str) -> list[str]:
        """The word-list features of a word (closed-class cues, name lists, silver lists, nisba shape)."""
        lex = []
        if norm in PERSON_TITLES or stem in PERSON_TITLES:
            lex.append("lex=title")
        if norm in SPEECH_VERBS:
            lex.append("lex=say")
        if stem in ORG_HEADS or norm in ORG_HEADS:
            lex.append("lex=orghead")
        if stem in LOC_TRIGGERS or norm in LOC_TRIGGERS:
            lex.append("lex=loctrig")
        if stem in MISC_CUES or norm in MISC_CUES:
            lex.append("lex=misc")
        if norm in self._first or stem in self._first:
            lex.append("lex=first")
        if norm in self._last or stem in self._last:
            lex.append("lex=last")
        if norm in self._nisba or stem in self._nisba:
            lex.append("lex=nisba")
        silver = self._silver.get(stem)
        if silver:
            lex += silver
        if len(stem) > 5 and stem.endswith(("يون", "يين", "يه", "يات")):
            lex.append("lex=nisbasuf")
        return lex

    def gazetteer_match(
        self, norms: Sequence[str], cands: Sequence[list[tuple[str, str]]], mask: Sequence[bool]
    ) -> list[list[str]]:
        """Per-token gazetteer and training-lexicon features; `mask` marks tokens that may start a match."""
        g, t = self.res.gazetteer, self.train_lex
        return self.gazetteer_from_starts(norms, [g.starts(c) if m else () for c, m in zip(cands, mask, strict=True)],
                                          [t.starts(c) if m else () for c, m in zip(cands, mask, strict=True)])

    def gazetteer_from_starts(self, norms: Sequence[str], gaz_starts: Sequence[Starts],
                              lex_starts: Sequence[Starts]) -> list[list[str]]:
        """`gazetteer_match` from each token's `Gazetteer.starts` in the gazetteer and the training lexicon."""
        gaz = self.res.gazetteer.annotate_starts(norms, gaz_starts)
        if self.train_lex.entries:
            for i, feats in enumerate(self.train_lex.annotate_starts(norms, lex_starts)):
                gaz[i].extend("t" + f for f in feats)
        return gaz

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """CRFsuite item sequence (one feature-string list per token) for one sentence."""
        infos = [self.word_info(t) for t in tokens]
        n = len(infos)
        norms = [x[2] for x in infos]
        cands = [x[3] for x in infos]
        mask = [x[5] for x in infos]
        gaz = self.gazetteer_match(norms, cands, mask) if any(mask) else [[] for _ in range(n)]
        out: list[list[str]] = []
        for i in range(n):
            f = list(infos[i][0])
            f.extend(gaz[i])
            # the label regardless of B/I position: "gzB=ext:PERS" -> "gz=ext:PERS", "tgzI=LOC" -> "tgz=LOC"
            f.extend(sorted({g[: g.index("gz") + 2] + g[g.index("=") :] for g in gaz[i]}))
            if i > 0:
                f.extend(infos[i - 1][1][-1])
                f.append("bg-=" + norms[i - 1] + "|" + norms[i])
                f.extend("-1:" + g for g in gaz[i - 1])
            else:
                f.append("BOS")
            if i > 1:
                f.extend(infos[i - 2][1][-2])
            if i + 1 < n:
                f.extend(infos[i + 1][1][1])
                f.append("bg+=" + norms[i] + "|" + norms[i + 1])
                f.extend("+1:" + g for g in gaz[i + 1])
            else:
                f.append("EOS")
            if i + 2 < n:
                f.extend(infos[i + 2][1][2])
            # an organisation head word up to three tokens back: وزارة [الشؤون] الخارجية
            for j in range(max(0, i - 3), i):
                if infos[j][4]:
                    f.append(f"orgh-{i - j}")
            out.append(f)
        return out


def gaz_context_features(gaz: Sequence[Sequence[str]], i: int) -> list[str]:
    """The gazetteer-derived features `FeatureExtractor.sentence` gives token i (in another order).

    Used by the fast decoder (`decode.py`), which scores these few features per token instead of the
    whole list; a test checks both give identical scores.
    """
    own = gaz[i]
    f = list(own)
    f.extend({g[: g.index("gz") + 2] + g[g.index("=") :] for g in own})
    if i > 0:
        f.extend("-1:" + g for g in gaz[i - 1])
    if i + 1 < len(gaz):
        f.extend("+1:" + g for g in gaz[i + 1])
    return f


def add_stacked(feats: list[list[str]], tags: Sequence[str]) -> list[list[str]]:
    """Append the WikiFANE-trained tagger's tags (own and ±1 neighbours) as features, in place.

    WikiFANE as extra training data hurts (its conventions differ from ANERcorp's), but its 500k
    tokens know many names; as features the main CRF learns how far to trust that second opinion.
    """
    n = len(tags)
    for i, f in enumerate(feats):
        t = tags[i]
        f.append("wk=" + t)
        f.append("wkt=" + t[2:] if t != "O" else "wkt=O")
        f.append("wk-1=" + (tags[i - 1] if i > 0 else "BOS") + "|" + t)
        f.append("wk+1=" + (tags[i + 1] if i + 1 < n else "EOS"))
    return feats
