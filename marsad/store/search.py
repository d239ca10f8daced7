"""Full-text query translation and original-text snippets.

Users type Arabic words as they read them (with or without ال, diacritics, hamza variants) and may use
FTS5 operators (OR, NOT, AND, parentheses, "phrases", prefix*). Words are mapped into the same shadow
space the index was built in (`marsad.text.normalize`), operators are kept, and snippets are cut from the
original article text, never from the shadow copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text.normalize import normalize, stems, strip_proclitics
from marsad.text.segment import tokens

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


def snippet(text: str, terms: list[str], width: int = 24) -> Snippet:
    """A window of about `width` tokens around the first hit, with every hit in it highlighted."""
    wanted = {t for t in terms if not t.endswith("*")}
    prefixes = tuple(t[:-1] for t in terms if t.endswith("*")) or ("\x00",)
    toks = tokens(text)
    hits = [
        i for i, t in enumerate(toks)
        if any(s in wanted or s.startswith(prefixes) for s in stems(normalize(t.text)))
    ]
    if not toks:
        return Snippet("", [])
    first = hits[0] if hits else 0
    lo = max(0, first - width // 3)
    hi = min(len(toks), lo + width)
    start, end = toks[lo].start, toks[hi - 1].end
    body = text[start:end].replace("\n", " ")
    lead = "…" if lo > 0 else ""
    tail = "…" if hi < len(toks) else ""
    marks = [(toks[i].start - start + len(lead), toks[i].end - start + len(lead)) for i in hits if lo <= i < hi]
    return Snippet(lead + body + tail, marks)
