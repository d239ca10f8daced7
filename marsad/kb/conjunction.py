"""A conjunction و written onto the first word of a name is not part of the name.

Arabic writes و ("and") attached: «وخالد الحميدان», «وسيف», «وتكساس». A tagger's span often keeps it,
and the name is then «وخالد الحميدان», a person no one is called. But many names begin with و (وليد،
وائل، وسام، واشنطن، وزارة…). The leading و is kept when the whole word is a word or name of its own:
listed as a name, a KB name, or about as frequent as the word without it (`common_words`, flag W);
otherwise it is the conjunction, and the mention starts after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from marsad.kb.common_words import has_radical_waw
from marsad.kb.tokens import norm_tokens, skip_letters

Mention = tuple[int, int, str]


@lru_cache(maxsize=50_000)
def is_conjunction(word: str) -> bool:
    """Whether the leading و of the normalised `word` is the conjunction (وخالد → خالد, not وليد)."""
    from marsad.kb.store import get_kb

    if not word.startswith("و") or len(word) < 4 or has_radical_waw(word):
        return False
    kb = get_kb()
    return word not in kb.names and word not in kb.auto_first


def trim_conjunctions(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """`mentions` with a conjunction و cut from the start of each (offsets into `text`)."""
    toks = norm_tokens(text)
    starts = {t[0]: t[2] for t in toks}
    out: list[Mention] = []
    for s, e, t in mentions:
        w = starts.get(s)
        if w is not None and is_conjunction(w):
            s2 = skip_letters(text, s, 1)
            if s2 < e:
                s = s2
        out.append((s, e, t))
    return out
