"""Full-text query translation and original-text snippets.

Users type Arabic words as they read them (with or without ال, diacritics, hamza variants) and may use
FTS5 operators (OR, NOT, AND, parentheses, "phrases", prefix*). Words are mapped into the same shadow
space the index was built in (`marsad.text.normalize`), operators are kept, and snippets are cut from the
original article text, never from the shadow copy.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from marsad.text.normalize import fold_letters, normalize, strip_proclitics

_QUERY_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+')
_OPERATORS = {"AND", "OR", "NOT"}
# A prefix of one letter, or the article alone (ال*), matches most words of most articles: ranking that
# took 1.3-2 s on the 30K-article store, holding a server worker the whole time. Two letters: under 0.1 s.
MIN_PREFIX = 2
_WORD = re.compile(r"[\w\u0600-\u06ff]+")


class SearchSyntaxError(ValueError):
    """A query the full-text engine cannot parse; the message says what to fix."""


def to_fts_query(query: str) -> tuple[str, list[str]]:
    """FTS5 MATCH expression for a user query, plus the plain terms for highlighting."""
    parts: list[str] = []
    terms: list[str] = []
    depth = 0
    for tok in _QUERY_TOKEN.findall(query):
        if tok == "(":
            depth += 1
            parts.append(tok)
        elif tok == ")":
            depth -= 1
            if depth < 0:
                raise SearchSyntaxError("unbalanced ')' in query")
            parts.append(tok)
        elif tok in _OPERATORS:
            parts.append(tok)
        elif tok.startswith('"'):
            if len(tok) < 2 or not tok.endswith('"'):
                raise SearchSyntaxError('unterminated "phrase" in query')
            words = [strip_proclitics(w) for w in _WORD.findall(normalize(tok[1:-1]))]
            if not words:
                continue
            terms += words
            quoted = " ".join(f'"{w}"' for w in words)
            # The shadow column interleaves each word with its stem, so a phrase is a tight NEAR group.
            parts.append(quoted if len(words) == 1 else f"NEAR({quoted}, {2 * len(words)})")
        else:
            prefix = tok.endswith("*")
            words = [strip_proclitics(w) for w in _WORD.findall(normalize(tok))]
            if prefix and words and len(words[-1].removeprefix("ال")) < MIN_PREFIX:
                raise SearchSyntaxError(
                    f"prefix {tok!r} is too short: give at least {MIN_PREFIX} letters before * (besides ال)")
            for i, w in enumerate(words):
                star = "*" if prefix and i == len(words) - 1 else ""
                terms.append(w + star)
                parts.append(f'"{w}"{star}')
    if depth != 0:
        raise SearchSyntaxError("unbalanced '(' in query")
    if not terms:
        raise SearchSyntaxError("query has no words to search for")
    if parts and (parts[0] in _OPERATORS - {"NOT"} or parts[-1] in _OPERATORS):
        raise SearchSyntaxError(f"query cannot start or end with an operator: {query!r}")
    return " ".join(parts), terms


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str
    highlights: list[tuple[int, int]]  # offsets into `text`

    def marked(self, left: str = "[", right: str = "]") -> str:
        out, pos = [], 0
        for s, e in self.highlights:
            out += [self.text[pos:s], left, self.text[s:e], right]
            pos = e
        out.append(self.text[pos:])
        return "".join(out)


_MARKS = "[\u0610-\u061a\u064b-\u065f\u0670\u0640]*"
# Original letters that the shadow text folds into each normalised letter (the inverse of normalize()).
_VARIANTS: dict[str, str] = {"ا": "اأإآٱٲٳ", "ه": "هة", "ي": "يىئی", "و": "وؤ", "ك": "كک"}
_VARIANTS.update({str(i): f"{i}{chr(0x660 + i)}{chr(0x6f0 + i)}" for i in range(10)})


def _letter(c: str) -> str:
    alts = _VARIANTS.get(c)
    return (f"[{alts}]" if alts else re.escape(c)) + _MARKS


def term_pattern(term: str) -> str:
    """A regex for every original spelling of a shadow term: letter variants, diacritics, proclitics."""
    prefix_ok = term.endswith("*")
    t = term.rstrip("*")
    if t.startswith("ال"):
        body = "".join(_letter(c) for c in t[2:])
        head = f"(?:[وف]{_MARKS})?(?:(?:[بكل]{_MARKS})?{_letter('ا')}ل{_MARKS}|ل{_MARKS}ل{_MARKS})"
    else:
        body = "".join(_letter(c) for c in t)
        head = f"(?:[وفبكل]{_MARKS})?"
    tail = r"\w*" if prefix_ok else r"(?!\w)"
    return f"(?<!\\w){head}{body}{tail}"


_MARK = re.compile(_MARKS[:-1])
_HEAD_AL = re.compile("[وف]?(?:[بكل]?ال|لل)")
_HEAD = re.compile("[وفبكل]?")
_MAX_HEAD = 4  # letters a proclitic head can take: و + ب + ال


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"  # what `\w` means in a str pattern


@dataclass(frozen=True, slots=True)
class _Probe:
    """A text in shadow letters with its diacritics and tatweel taken out, and the ways between its offsets
    and the original's: `marks` are the original offsets of the removed characters and `cut[j]` is how
    many kept characters precede the j-th of them."""

    text: str
    marks: list[int]
    cut: list[int]

    @classmethod
    def of(cls, text: str) -> _Probe | None:
        marks = [m.start() for m in _MARK.finditer(text)]
        if marks:
            text = _MARK.sub("", text)
        low = fold_letters(text).lower()
        if len(low) != len(text):
            return None  # a letter whose lower case is longer: let the full pattern handle this text
        return cls(low, marks, [r - j for j, r in enumerate(marks)])

    def original(self, k: int) -> int:
        """Offset in the original text of probe offset k (an end offset lands after any trailing marks)."""
        return k + bisect.bisect_right(self.cut, k) if self.cut else k

    def probe(self, i: int) -> int:
        """Offset in the probe of original offset i (a removed mark maps to the next kept character)."""
        return i - bisect.bisect_left(self.marks, i) if self.marks else i


@dataclass(frozen=True, slots=True)
class _Term:
    body: str  # the shadow letters after any article
    article: bool
    prefix: bool

    @classmethod
    def of(cls, term: str) -> _Term:
        t = term.rstrip("*")
        article = t.startswith("ال")
        return cls(t[2:] if article else t, article, term.endswith("*"))

    def spans(self, s: str, lo: int = 0, hi: int | None = None) -> Iterator[tuple[int, int]]:
        """Every occurrence in probe text `s` lying within [lo, hi), with the same extent as `term_pattern`
        gives: a whole word made of allowed proclitics, the term, and (for a prefix term) the rest of the
        word. Found with `str.find`, which is many times faster than letting the regex engine try every
        position; word boundaries are judged on the whole text."""
        head, n, pos = (_HEAD_AL if self.article else _HEAD), len(s), lo
        hi = n if hi is None else hi
        while (i := s.find(self.body, pos, hi)) != -1 if self.body else False:
            pos = i + 1
            end = i + len(self.body)
            if self.prefix:
                while end < n and _is_word(s[end]):
                    end += 1
            elif end < n and _is_word(s[end]):
                continue
            start = i
            while start > 0 and i - start < _MAX_HEAD and _is_word(s[start - 1]):
                start -= 1
            if start > 0 and _is_word(s[start - 1]):
                continue
            if start >= lo and end <= hi and head.fullmatch(s, start, i):  # all letters before it: proclitics
                yield start, end


@dataclass(frozen=True, slots=True)
class Highlighter:
    """Finds a query's terms in original text; built once per query, used on every hit.

    Hits are found in a folded copy of the text with its diacritics taken out (`_Probe`) and mapped back
    to original offsets; `pattern`, which matches every original spelling directly, is the reference and
    the fallback for the rare text that cannot be folded one letter for one. They differ in one place: the
    pattern lets a mark inside a word end it («جنوبًا» gives a hit for جنوب), while the folded copy reads the
    word as the index does (جنوبا) and gives none."""

    terms: tuple[str, ...]
    parts: tuple[_Term, ...]

    @classmethod
    def for_terms(cls, terms: list[str]) -> Highlighter:
        return _highlighter(tuple(sorted(set(terms))))

    @property
    def pattern(self) -> re.Pattern[str]:
        return _full_pattern(self.terms)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Non-overlapping hits in the original text, in order (the leftmost, then the longest, wins)."""
        probe = _Probe.of(text)
        if probe is None:
            return [m.span() for m in self.pattern.finditer(text)]
        return self._spans(probe, 0, len(probe.text))

    def _spans(self, probe: _Probe, lo: int, hi: int) -> list[tuple[int, int]]:
        found = sorted((s, -e) for t in self.parts for s, e in t.spans(probe.text, lo, hi))
        out: list[tuple[int, int]] = []
        last = -1
        for s, neg_e in found:
            if s >= last:
                out.append((probe.original(s), probe.original(-neg_e)))
                last = -neg_e
        return out

    def snippet(self, text: str, before: int = 60, after: int = 160) -> Snippet:
        """A window around the first hit, cut at spaces, with every hit inside it highlighted. Only the
        first occurrence of each term and the hits inside the window are looked for."""
        probe = _Probe.of(text)
        if probe is None:
            hits = [m.span() for m in self.pattern.finditer(text)]
            centre = hits[0][0] if hits else 0
        else:
            firsts = [h for t in self.parts if (h := next(t.spans(probe.text), None)) is not None]
            centre = probe.original(min(firsts)[0]) if firsts else 0
        lo = max(0, centre - before)
        if lo > 0:
            sp = text.find(" ", lo, centre)
            lo = sp + 1 if sp != -1 else lo
        hi = min(len(text), centre + after)
        if hi < len(text):
            sp = text.rfind(" ", centre, hi)
            hi = sp if sp > centre else hi
        if probe is not None:
            hits = self._spans(probe, probe.probe(lo), probe.probe(hi))
        lead = "…" if lo > 0 else ""
        body = text[lo:hi].replace("\n", " ")
        marks = [(s - lo + len(lead), e - lo + len(lead)) for s, e in hits if s >= lo and e <= hi]
        return Snippet(lead + body + ("…" if hi < len(text) else ""), marks)


@functools.lru_cache(maxsize=1024)
def _highlighter(terms: tuple[str, ...]) -> Highlighter:
    return Highlighter(terms, tuple(_Term.of(t) for t in terms))


@functools.lru_cache(maxsize=256)
def _full_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    alts = sorted({term_pattern(t) for t in terms}, key=len, reverse=True)
    return re.compile("|".join(alts) or "(?!)", re.IGNORECASE)


def snippet(text: str, terms: list[str]) -> Snippet:
    return Highlighter.for_terms(terms).snippet(text)
