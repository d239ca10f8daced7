"""Speaker-like noun phrases: a small chunker that keeps a speaker to a title plus a name.

Both cue finding (the explicit subject next to a cue) and speaker resolution (clause subjects, the named
person behind an anaphoric title) need the same notion of "a phrase that can speak", so it lives here. The
chunker stops at prepositions, time words, relative pronouns, coordination and appositions
(الجنرال سيرغي رودسكوي | المسؤول عن ...), and reads gender and number off the head word so that
pro-drop continuations can be matched by agreement.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.quotes.lexicon import (
    ADJ,
    ANAPHORIC_TITLES,
    GPE,
    HUMAN_PLURALS,
    INSTITUTIONS,
    MASC_TAA,
    NONHUMAN_PLURALS,
    TITLES,
)
from marsad.quotes.tokens import BOUND, Tokens, definite, nisba
from marsad.text import normalize

MAX_SPEAKER = 9  # words
_BASM = normalize("باسم")
# Outcomes of `_prefix_rule`: the token ends the phrase, or continues it as an indefinite genitive.
_STOP = "stop"
_GENITIVE = "genitive"


@dataclass(slots=True)
class NP:
    """A speaker-like noun phrase: token range, where its name starts (if any), agreement features."""

    a: int
    b: int  # exclusive
    name: int | None = None  # token index of the first proper-name word
    titled: bool = False
    gender: str = "m"
    number: str = "sg"
    anaphoric: bool = False
    org: int | None = None  # token index after باسم: the body an unnamed spokesperson speaks for


def agree(np: NP, feats: tuple[str, str]) -> bool:
    """Whether a phrase can be the subject of a verb inflected for (gender, number); duals count as plural."""
    g, n = feats
    return np.gender == g and (np.number == "pl") == (n == "pl")


def np_features(keys: list[str], np: NP) -> None:
    """Gender and number of a noun phrase from its head word: places and institutions are feminine and
    non-human plurals take feminine singular agreement."""
    first = keys[np.a]
    head = first
    if first in TITLES:
        np.gender, np.number = ("f" if first.endswith("ه") and first not in MASC_TAA else "m"), "sg"
        return
    if head in HUMAN_PLURALS or head.endswith("ون") or (definite(head) and head.endswith("ين") and len(head) > 5):
        np.gender, np.number = "m", "pl"
    elif len(head) >= 6 and head.endswith("يان") or (definite(head) and head.endswith("ان") and len(head) > 5
                                                     and head not in GPE):
        np.gender, np.number = "m", "pl"
    elif head in NONHUMAN_PLURALS or head.endswith("ات") or head in GPE:
        np.gender, np.number = "f", "sg"
    elif head.endswith("ه") and head not in MASC_TAA:
        np.gender, np.number = "f", "sg"
    else:
        np.gender, np.number = "m", "sg"


def _prefix_rule(tk: Tokens, j: int, k: str, count: int, state: str, lead_ok: bool) -> str | None:
    """Whether token j (key k, `count` words into the phrase) ends it or joins it as a genitive, judged
    from its class and its proclitics; None leaves the decision to the definiteness states."""
    if k in BOUND or tk.cue[j] is not None or tk.attr[j]:
        return _STOP
    if count > 0 and len(k) > 2 and k[0] == "و" and not k.startswith("ول"):
        return _STOP  # coordination ends the phrase
    if (count > 0 or not lead_ok) and (
            k.startswith("بال") or (k.startswith("لل") and ("ال" + k[2:]) not in INSTITUTIONS)):
        return _STOP
    if count > 0 and state == "indef" and tk.keys[j - 1].endswith(("نا", "ها", "هم", "هما")) and k[0] in "بلك":
        return _STOP  # a head with a pronoun suffix (مصادرنا) takes no genitive
    if k[0] == "ل" and count > 0 and not definite(k):
        if k[1:] in INSTITUTIONS:
            return _GENITIVE
        if state != "name" and state != "indef":
            return _STOP
    if k.startswith("لل"):
        return _GENITIVE
    return None


def _after_definite(k: str, state: str, titled: bool, prev_title: bool, is_title: bool) -> tuple[str, bool] | None:
    """Next (state, titled) on a definite word inside the phrase, or None where it ends the phrase: a title
    word after a name is an apposition, a name may carry one definite family name (بشار الأسد)."""
    if state == "indef":
        if is_title and not prev_title:
            return None  # apposition: رودسكوي | المسؤول
        return "def", titled
    if state == "def":
        if not (nisba(k) or (titled and is_title)):
            return None
        return "def", titled or is_title
    if state == "name":
        if is_title or k in ADJ:
            return None
        return "fam", titled
    return None  # fam: nothing follows a family name


def _after_indefinite(tk: Tokens, j: int, state: str, titled: bool, name: int | None, prev_title: bool,
                      is_title: bool) -> tuple[str, bool, int | None] | None:
    """Next (state, titled, name) on an indefinite word inside the phrase, or None where it ends it: after a
    definite title it starts the name, after an indefinite title it is a genitive or the name."""
    if state in ("indef", "name") and tk.keys[j - 1] in GPE:
        return None  # a place name is complete in one word: موسكو | أبقت
    if state == "def":
        if not titled:
            return None
        state = "name"
        name = j if name is None else name
    elif state == "fam":
        return None
    elif state == "name":
        pass
    elif titled and name is None and not is_title and not prev_title:
        name = j  # indef: a genitive, an indefinite adjective or the next part of a name
        state = "name"
    return state, titled or is_title, name


def chunk(tk: Tokens, i: int, lim: int, lead_ok: bool = False) -> NP | None:
    """The speaker-like noun phrase starting at token i (ending before lim), or None.

    A title may be followed by its genitives and nisba adjectives and then a name; a name may carry one
    definite family name (بشار الأسد، ناجي السامعي) but a title word after a name is an apposition and ends
    the phrase. `lead_ok` lets the first word carry بال/لل (after بحسب: وفقاً للوزارة).
    """
    keys, words = tk.keys, tk.word
    j = i
    state = ""
    titled = False
    name: int | None = None
    org: int | None = None
    prev_title = False
    count = 0
    while j < lim and count < MAX_SPEAKER:
        k = keys[j]
        if not words[j] or not k:  # a token of only marks or tatweel normalises to nothing
            break
        if k == _BASM and count > 0:
            j += 1
            count += 1
            state = "indef"
            org = j
            prev_title = False
            continue
        rule = _prefix_rule(tk, j, k, count, state, lead_ok)
        if rule is _STOP:
            break
        if rule is _GENITIVE:
            state = "indef"
            j += 1
            count += 1
            continue
        is_title = k in TITLES
        if count == 0:
            titled = is_title
            state = "def" if definite(k) else "indef"
        elif definite(k):
            step = _after_definite(k, state, titled, prev_title, is_title)
            if step is None:
                break
            state, titled = step
        else:
            step2 = _after_indefinite(tk, j, state, titled, name, prev_title, is_title)
            if step2 is None:
                break
            state, titled, name = step2
        prev_title = is_title
        j += 1
        count += 1
    if j == i:
        return None
    return _finish(keys, i, j, name, titled, org)


def _finish(keys: list[str], i: int, j: int, name: int | None, titled: bool, org: int | None) -> NP:
    """The phrase over tokens i..j-1 with its agreement features and whether it is an anaphoric title."""
    np = NP(i, j, name=name, titled=titled, org=org)
    if name is None and not titled and not definite(keys[i]) and org is None:
        np.name = i  # an indefinite head with no title: a bare name (لافروف، دي ميستورا) or a common noun
    np_features(keys, np)
    if (keys[i] in ANAPHORIC_TITLES and definite(keys[i]) and name is None and org is None
            and all(nisba(keys[t]) or keys[t] in TITLES for t in range(i + 1, j))):
        np.anaphoric = True
    return np


def np_before(tk: Tokens, i: int, lo: int) -> NP | None:
    """The noun phrase ending right before token i (an SVO subject or a relative clause's head)."""
    b = i
    steps = 0
    while b > lo and steps < 7:
        k = tk.keys[b - 1]
        if not tk.word[b - 1] or k in BOUND or tk.cue[b - 1] is not None or tk.attr[b - 1]:
            break
        b -= 1
        steps += 1
    for a in range(b, i):
        np = chunk(tk, a, i)
        if np is not None and np.b == i:
            return np
        if np is not None and np.b == i - 1 and tk.keys[i - 1][:1] in "بل" and tk.word[i - 1]:
            np.b = i
            return np
    return None
