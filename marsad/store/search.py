"""Full-text query translation and original-text snippets.

Users type Arabic words as they read them (with or without ال, diacritics, hamza variants) and may use
FTS5 operators (OR, NOT, AND, parentheses, "phrases", prefix*). Words are mapped into the same shadow
space the index was built in (`marsad.text.normalize`), operators are kept, and snippets are cut from the
original article text, never from the shadow copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text.normalize import normalize, strip_proclitics

_QUERY_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+')
_OPERATORS = {"AND", "OR", "NOT"}
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


@dataclass(frozen=True, slots=True)
class Highlighter:
    """Finds a query's terms in original text; built once per query, used on every hit."""

    pattern: re.Pattern[str]

    @classmethod
    def for_terms(cls, terms: list[str]) -> Highlighter:
        alts = sorted({term_pattern(t) for t in terms}, key=len, reverse=True)
        return cls(re.compile("|".join(alts) or "(?!)", re.IGNORECASE))

    def snippet(self, text: str, before: int = 60, after: int = 160) -> Snippet:
        """A window around the first hit, cut at spaces, with every hit inside it highlighted."""
        first = self.pattern.search(text)
        centre = first.start() if first else 0
        lo = max(0, centre - before)
        if lo > 0:
            sp = text.find(" ", lo, centre)
            lo = sp + 1 if sp != -1 else lo
        hi = min(len(text), centre + after)
        if hi < len(text):
            sp = text.rfind(" ", centre, hi)
            hi = sp if sp > centre else hi
        lead = "…" if lo > 0 else ""
        body = text[lo:hi].replace("\n", " ")
        marks = [(m.start() + len(lead), m.end() + len(lead)) for m in self.pattern.finditer(body)]
        return Snippet(lead + body + ("…" if hi < len(text) else ""), marks)


def snippet(text: str, terms: list[str]) -> Snippet:
    return Highlighter.for_terms(terms).snippet(text)
