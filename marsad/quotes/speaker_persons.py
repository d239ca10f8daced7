"""Persons the tagger missed whom a quote names as its speaker: «وقال المتحدث باسم الحكومة راجح بادي».

A title chain read as a quote's subject ends in a name (`phrases.NP.name`), and the reporting verb says a
person stands there, so a name the statistical tagger never saw is still a person: the quote stage makes
him one of the document's entities, with every other occurrence of the same full name, before the event
coder reads the sentence (events after «دعا الأمين العام لحلف شمال الأطلسي ينس شتولتينبيرج إلى …» get
their actor). Only names of at least two words right after a title count, with no word that is a
preposition phrase or a demonstrative, and whose first word is a listed given name, a word of the NER's
name clusters (`kb.persons.cluster_names`, learnt from SaudiNewsNet), or stands before a family name
with the article (رأفت الصباغ): a title followed by a verbal noun (أكد المبعوث لقاءه) is no name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.document import Entity, Span
from marsad.kb.ids import unknown_id
from marsad.kb.persons import cluster_names, given_names
from marsad.quotes.chains import PERSON
from marsad.quotes.phrases import DEMONSTRATIVES, NP
from marsad.quotes.tokens import Tokens, char_span
from marsad.text.normalize import normalize

__all__ = ["add_speaker_persons"]

_MAX_WORDS = 4
#: Words that follow a verb-like first word in formulae (صلى الله عليه وسلم), never a family name.
_NOT_SURNAMES = frozenset({"الله", "الي", "علي"})


def add_speaker_persons(tk: Tokens, phrases: Sequence[NP | None], entities: list[Entity]) -> int:
    """Add to `entities` a person for each speaker phrase whose name no mention covers and that reads as
    a name (see the module doc); returns how many persons were added."""
    made: dict[str, Entity] = {}
    for np in phrases:
        if np is None or np.kind != PERSON or not np.titled or np.name is None or np.name <= np.a:
            continue
        a, b = np.name, np.name_b if np.name_b is not None else np.b
        if not 2 <= b - a <= _MAX_WORDS or any(tk.entity_at(t) is not None for t in range(a, b)):
            continue
        if not _reads_as_name(tk.keys[a:b]):
            continue
        s, e = char_span(tk, a, b)
        name = tk.text[s:e]
        if normalize(name) in made:
            continue
        mentions = _occurrences(tk.text, name, entities)
        if mentions:
            made[normalize(name)] = ent = Entity(id=unknown_id(name), name=name, type="PER", mentions=mentions)
            entities.append(ent)
    if made:
        entities.sort(key=lambda x: x.mentions[0].start if x.mentions else 0)
    return len(made)


def _reads_as_name(words: Sequence[str]) -> bool:
    if any(w[:1] in "لب" and w[1:3] == "ال" or w in DEMONSTRATIVES or not w.isalpha() for w in words):
        return False
    first, second = words[0], words[1]
    if second in _NOT_SURNAMES and len(words) > 2:
        return False
    if first in given_names() or first in cluster_names():
        return True
    # an unlisted first word before a family name with the article (رأفت الصباغ), unless it has the
    # shape of a verbal noun or a noun in construct: a preposition or a تـ before it, ة after it
    # (بهذا الخصوص، لشؤون الأمن، تدريب النجم، تعازي القيادة، حصيلة القتلى)
    return second.startswith("ال") and len(second) > 4 and not first.startswith(("ال", "ت", "ب", "ل")) and \
        not first.endswith("ه")


def _occurrences(text: str, name: str, entities: Sequence[Entity]) -> list[Span]:
    """Every occurrence of the name as whole words (a proclitic و/ف/ل/ب allowed before it) that no
    mention already covers."""
    taken = [(m.start, m.end) for x in entities for m in x.mentions]
    out = []
    for m in re.finditer(r"(?<![\w])[وفلب]?(" + re.escape(name) + r")(?![\w])", text):
        s, e = m.start(1), m.end(1)
        if not any(ts < e and s < te for ts, te in taken):
            out.append(Span(s, e, name))
    return out
