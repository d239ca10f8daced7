"""One text read into flat token arrays, the shared ground of cue finding, content spans and speakers.

Quote extraction runs on every article, so the text is tokenised once into parallel lists (raw string,
normalised key, is-a-word, cue form, is-an-attribution) rather than one object per token, and each distinct
raw token is analysed once per process (`_INFO`): news vocabulary repeats, so after a few articles nearly
every lookup is a hit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from marsad.document import Entity
from marsad.quotes.lexicon import (
    ADJ,
    ATTRIB,
    COMPS,
    CUES,
    NEG,
    OPENERS,
    PREPS,
    REL,
    SKIP_ADV,
    TIME,
    CueForm,
)
from marsad.text import normalize, sentences
from marsad.text.segment import TOKEN_PATTERN as _TOKEN

OPEN_QUOTES = {"«": "»", "“": "”", '"': '"', "„": "“", "‹": "›"}
CLOSE_QUOTES = frozenset("»”\"›″")
TRIM = " \t\n\r،,.;؛:!?؟-–—"
COMMAS = frozenset("،,")
# Words that end a speaker phrase and may not sit inside an intermediary's or an object's name.
BOUND = PREPS | COMPS | TIME | REL | OPENERS | NEG | SKIP_ADV | frozenset(
    normalize(w) for w in ("و", "او", "ما", "بما", "مما", "عما", "لما", "كما", "ومما", "وبما"))
QAWL_RAW = "بالقول"
QAWL_KEYS = frozenset(normalize(w) for w in ("بالقول", "قائلا"))
_WORD0 = re.compile(r"[^\W_]")

# Per raw token: normalised key, is-a-word, (cue form, has a proclitic و/ف) or None, is-an-attribution,
# may-start-a-quote (one of the previous two, or بالقول).
TokenInfo = tuple[str, bool, tuple[CueForm, bool] | None, bool, bool]


class Tokens:
    """Token arrays for one text, built once per call: keys are normalised token strings.

    Sentence arrays (`sent_of`, `sent_rng`, `sent_chars`) exist only after `segment()`, which callers run
    only on texts that may hold a quote (`promising`): segmentation costs more than the cue scan.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # The token pattern of marsad.text.tokens, read into flat arrays: allocating one Token object per
        # token would cost more than the whole extraction on a typical article.
        ms = list(_TOKEN.finditer(text))
        raw = [m.group() for m in ms]
        info = _INFO
        if len(info) > 200_000:
            info.clear()
        infos = [info.get(x) or _remember(x) for x in raw]
        self.starts = [m.start() for m in ms]
        self.ends = [m.end() for m in ms]
        self.raw = raw
        self.n = len(raw)
        self.keys = [x[0] for x in infos]
        self.word = [x[1] for x in infos]
        self.cue = [x[2] for x in infos]
        self.attr = [x[3] for x in infos]
        # tokens where a reader may start: cues, attributions, بالقول/قائلاً (scanned by `find_cues`)
        self.triggers = [i for i, x in enumerate(infos) if x[4]]
        first_nl = text.find("\n")
        self.title_end = first_nl if first_nl >= 0 else len(text)
        self.promising = bool(self.triggers) or ":" in text[:self.title_end]
        # entity mentions by token: start token -> (end token, type, entity id); token -> covering start
        self.mention: dict[int, tuple[int, str, str]] = {}
        self.covered: dict[int, int] = {}
        # speaker phrases read so far, by (start, limit, lead_ok): `marsad.quotes.phrases.chunk` memoises here
        self.phrases: dict[tuple[int, int, bool], Any] = {}

    def attach(self, entities: Sequence[Entity]) -> None:
        """Index the document's entity mentions by token, so phrase reading can see names, bodies and
        places the entity stage found (a longer mention wins where two start on one token)."""
        self.phrases.clear()
        starts = self.starts
        for ent in entities:
            for m in ent.mentions:
                a = max(bisect_right(starts, m.start) - 1, 0)  # the token holding the mention's start
                b = bisect_right(starts, m.end - 1)
                if a >= b or a >= self.n or self.ends[a] <= m.start:
                    continue
                old = self.mention.get(a)
                if old is None or old[0] < b:
                    self.mention[a] = (b, ent.type, ent.id)
        for a, (b, _, _) in sorted(self.mention.items()):
            for t in range(a, b):
                self.covered.setdefault(t, a)

    def entity_at(self, t: int) -> tuple[int, int, str, str] | None:
        """The mention covering token t: (start token, end token, type, entity id)."""
        a = self.covered.get(t)
        if a is None:
            return None
        b, typ, eid = self.mention[a]
        return a, b, typ, eid

    def segment(self) -> None:
        """Sentence id of each token and each sentence's token range (only for texts with a cue)."""
        text = self.text
        self.sent_of = [0] * self.n
        self.sent_rng: list[tuple[int, int]] = []
        self.sent_chars: list[tuple[int, int]] = []
        ti = 0
        for sid, (s, e) in enumerate(sentences(text)):
            while ti < self.n and self.starts[ti] < s:
                self.sent_of[ti] = max(sid - 1, 0)
                ti += 1
            a = ti
            while ti < self.n and self.starts[ti] < e:
                self.sent_of[ti] = sid
                ti += 1
            self.sent_rng.append((a, ti))
            self.sent_chars.append((s, e))


def lookup_cue(k: str) -> tuple[CueForm, bool] | None:
    """The cue form of a normalised word, and whether it carries a proclitic و/ف."""
    f = CUES.get(k)
    if f is not None:
        return f, False
    if len(k) > 2 and k[0] in "وف":
        f = CUES.get(k[1:])
        if f is not None:
            return f, True
    return None


def _remember(s: str) -> TokenInfo:
    """Normalised key, is-a-word, cue form and is-an-attribution of one raw token, memoised in _INFO."""
    w = _WORD0.match(s) is not None
    k = normalize(s) if (w and not s.isascii()) else s
    c = lookup_cue(k) if w else None
    a = is_attrib(k) if w else False
    inf = (k, w, c, a, c is not None or a or k in QAWL_KEYS)
    if len(s) <= 40:
        _INFO[s] = inf
    return inf


# Raw token -> its TokenInfo; cleared when it grows past 200,000 entries.
_INFO: dict[str, TokenInfo] = {}


def is_attrib(k: str) -> bool:
    """بحسب، وفقاً، نقلاً ... with or without a proclitic و."""
    return k in ATTRIB or (len(k) > 3 and k[0] == "و" and k[1:] in ATTRIB)


def definite(k: str) -> bool:
    return k.startswith("ال") and len(k) > 2


def nisba(k: str) -> bool:
    """A relational adjective (الروسي، الأمريكيين) or a listed one: it may follow a title in a speaker."""
    return k in ADJ or k.endswith(("ي", "يه", "يين", "يون", "يان")) and definite(k)


def skip_adv(tk: Tokens, j: int, lim: int) -> int:
    """The first token at or after j that is not a time word, a listed adverb or a comma."""
    while j < lim and (tk.keys[j] in TIME or tk.keys[j] in SKIP_ADV or tk.keys[j] in COMMAS):
        j += 1
    return j


def char_span(tk: Tokens, a: int, b: int) -> tuple[int, int]:
    """Char offsets of tokens a..b-1, trimmed of punctuation at both ends."""
    if b <= a:
        return (0, 0)
    s, e = tk.starts[a], tk.ends[b - 1]
    text = tk.text
    while s < e and (text[s] in TRIM or text[s] in OPEN_QUOTES):
        s += 1
    while e > s and (text[e - 1] in TRIM):
        e -= 1
    return s, e


def count_words(tk: Tokens, a: int, b: int) -> int:
    """Word tokens (not punctuation) among tokens a..b-1."""
    return sum(1 for x in range(a, b) if tk.word[x])
