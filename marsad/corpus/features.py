"""Word-level views of a document shared by the cross-document stages.

All of them read the normalised shadow form (`marsad.text.normalize`), so spelling variants an outlet
happens to use (أ/ا, ة/ه, diacritics, proclitics before the article) never split a duplicate or a story.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from marsad.text.normalize import normalize, strip_proclitics

_WORD = re.compile(r"[\w\u0600-\u06ff]+")

# Function words carry no topic; IDF would shrink them anyway, but dropping them keeps the short
# per-document term lists (the story vectors) for words that can tell stories apart.
STOPWORDS = frozenset(normalize(w) for w in """
في من على الى إلى عن مع ان أن إن كان كانت يكون تكون هذا هذه ذلك تلك التي الذي الذين اللذين اللتين هو هي هم
هن نحن انا أنا انت أنت ما لا لم لن ليس قد وقد لقد كما كل بعض غير بين حتى ثم او أو أي اي عند عندما بعد قبل
خلال حيث منذ فيه فيها منه منها عليه عليها اليه إليه لها له لهم به بها وفي ومن وعلى وأن وان ولا وهو وهي
الا إلا اذا إذا لو لكن ولكن أيضا ايضا وكان وكانت يوم اليوم امس أمس قال وقال قالت وقالت واضاف وأضاف أضاف
اضاف وأشار واشار أشار اشار وأكد واكد أكد اكد تم وتم يتم عام العام سنة مدى جدا فقط دون تحت فوق أمام امام
""".split())


_STEM: dict[str, str] = {}


def _stem(w: str) -> str:
    if len(_STEM) > 1_000_000:  # bounded; news vocabulary is Zipfian and refills with what matters
        _STEM.clear()
    s = _STEM[w] = strip_proclitics(w)
    return s


def words(text: str) -> list[str]:
    """Normalised words with unambiguous proclitics cut, in reading order."""
    # the cache is looked up inline: a Python call per word was a tenth of the cross-document pass
    get = _STEM.get
    return [get(w) or _stem(w) for w in _WORD.findall(normalize(text))]


def shingles(text: str | list[str], n: int = 3) -> set[bytes]:
    """Word n-gram shingles of the normalised text (the near-duplicate unit); accepts `words()` output."""
    w = words(text) if isinstance(text, str) else text
    if len(w) < n:
        return {" ".join(w).encode()} if w else set()
    if n == 3:  # the hot case (every document at analysis): zip avoids a slice and a join per word
        return {f"{a} {b} {c}".encode() for a, b, c in zip(w, w[1:], w[2:], strict=False)}
    return {" ".join(w[i:i + n]).encode() for i in range(len(w) - n + 1)}


def content_terms(text: str | list[str], limit: int | None = None) -> list[str]:
    """Words that can carry a topic: no function words, no bare numbers, at least three letters."""
    w = words(text) if isinstance(text, str) else text
    out = [x for x in w if len(x) >= 3 and x not in STOPWORDS and not x.isdigit()]
    return out[:limit] if limit else out


def doc_terms(title: str | None, text: str | list[str], body_words: int = 250) -> Counter[str]:
    """Term counts for story matching: the title counts double, the body is cut where news gets generic.

    The lead of an article names the who/what/where; the tail drifts into background that many stories
    share, so only the first `body_words` content words are used.
    """
    c: Counter[str] = Counter()
    if title:
        for w in content_terms(title):
            c[w] += 2
    c.update(content_terms(text, body_words))
    return c


def tfidf(counts: Counter[str] | dict[str, int], df: dict[str, int], n_docs: int, top: int = 30,
          idf: dict[str, float] | None = None) -> dict[str, float]:
    """Top-`top` sublinear TF-IDF weights, L2-normalised (terms seen in over a fifth of documents dropped).

    `idf` caches the IDF of terms already seen in this pass (df and n_docs must not change meanwhile)."""
    weights = {}
    cap = max(5, n_docs // 5)
    for t, tf in counts.items():
        w = idf.get(t) if idf is not None else None
        if w is None:
            d = df.get(t, 0)
            w = 0.0 if d > cap else math.log((n_docs + 1) / (d + 1) + 1.0)
            if idf is not None:
                idf[t] = w
        if w:
            weights[t] = (1.0 + math.log(tf)) * w
    best = sorted(weights.items(), key=lambda kv: -kv[1])[:top]
    norm = math.sqrt(sum(v * v for _, v in best)) or 1.0
    return {t: v / norm for t, v in best}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two sparse vectors (normalised on the fly, so story centroids may be raw sums)."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0
