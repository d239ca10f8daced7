"""Full-text search on PostgreSQL: a tsvector over the shadow terms, and the FTS5 query language on top.

The index holds the same terms as the SQLite FTS5 shadow column (`marsad.text.normalize.shadow_terms`):
normalised words, with a word that may carry a proclitic indexed together with its stem. (One deliberate
exception: in words glued by `_`, as in hashtags, each part is a word here, so `#باص_والعيد` indexes
`العيد`; the shadow column only strips proclitics at the start of the whole glued string.) Like the
`simple` text-search configuration it neither stems nor drops stop words; it is built here rather than by
`to_tsvector('simple', …)` for two reasons:

* tokens must split exactly where SQLite's unicode61 tokenizer splits (letters, digits, marks and private
  use characters are word characters, everything else separates), so a query finds the same documents on
  both backends — PostgreSQL's parser keeps `3.5`, `example.com` or `covid-19` whole;
* a word and its stem share one position, the way a synonym dictionary would place them, so a quoted
  phrase is an exact `<->` phrase (FTS5 needs a NEAR group to step over the interleaved stems).

Title words carry weight A and rank 3× body words (bm25 weights 3:1 on SQLite).

Queries are first validated and translated by `search.to_fts_query` (same errors as on SQLite); the FTS5
expression it returns is then parsed here with FTS5's grammar — juxtaposed phrases bind tightest, then
NOT, AND, OR; a parenthesised group cannot be juxtaposed — and written as a tsquery. A query FTS5 would
reject raises the same `SearchSyntaxError`. Words with no word characters (`؟`) become empty phrases,
which FTS5 drops from juxtapositions and treats as matching nothing elsewhere; the same rules apply here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.store.search import SearchSyntaxError, to_fts_query
from marsad.text.normalize import normalize, stems

# Word characters as unicode61 sees them: letters and digits (\w without _), combining diacritics, private use.
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f\ue000-\uf8ff\U000f0000-\U0010fffd])+")
_CLITICS = "وفبكل"
MAX_POS = 16383  # tsvector positions stop here
MAX_POSITIONS = 256  # positions kept per lexeme
MAX_LEXEME_BYTES = 2046
MAX_VECTOR_BYTES = 900_000  # lexeme bytes per tsvector (PostgreSQL's limit is 1 MB)
TITLE_GAP = 2  # body positions start this far after the title's last, so no phrase spans the two
RANK_WEIGHTS = "{0.1, 0, 0, 0.3}"  # ts_rank weights for D (body), C, B, A (title)

_LEXEMES: dict[str, tuple[str, ...]] = {}


def tokens(text: str) -> list[str]:
    """The index words of a text, in order, split as unicode61 splits (text is normalised first)."""
    return _TOKEN.findall(normalize(text))


def _lexemes(word: str) -> tuple[str, ...]:
    """Index terms for one normalised word: the word, or its stem(s) when it may carry a proclitic."""
    t = _LEXEMES.get(word)
    if t is None:
        if len(_LEXEMES) > 500_000:  # bounded like normalize's cache: the vocabulary is Zipfian
            _LEXEMES.clear()
        t = _LEXEMES[word] = tuple(stems(word)) if len(word) >= 4 and word[0] in _CLITICS else (word,)
    return t


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(title: str | None, body: str) -> str:
    """The document's tsvector in PostgreSQL's input syntax: title positions weighted A, then body."""
    positions: dict[str, list[str]] = {}
    pos = 0
    for part, weight in ((title or "", "A"), (body, "")):
        for word in tokens(part):
            pos = min(pos + 1, MAX_POS)
            for lex in _lexemes(word):
                ps = positions.setdefault(lex, [])
                if len(ps) < MAX_POSITIONS:
                    ps.append(f"{pos}{weight}")
        pos += TITLE_GAP - 1
    out, size = [], 0
    for lex, ps in positions.items():
        n = len(lex.encode("utf-8"))
        if n > MAX_LEXEME_BYTES or size + n > MAX_VECTOR_BYTES:
            continue  # a run-on token, or a pathological document: search loses it, the document stays
        size += n
        out.append(f"{_quote(lex)}:{','.join(ps)}")
    return " ".join(out)


# -- queries ---------------------------------------------------------------------------------------------
_EXPR_TOKEN = re.compile(r'"[^"]*"\*?|NEAR\(|,\s*\d+\s*\)|\(|\)|AND\b|OR\b|NOT\b|\S')


@dataclass(frozen=True, slots=True)
class _Node:
    """A tsquery fragment; `empty` marks an expression that matches nothing (an empty phrase)."""

    text: str
    empty: bool = False


_EMPTY = _Node("", True)


def to_tsquery(query: str) -> tuple[str | None, list[str]]:
    """tsquery text for a user query (None when it can match nothing), plus the terms to highlight."""
    match, terms = to_fts_query(query)
    node = _Parser(_EXPR_TOKEN.findall(match), query).parse()
    return (None if node.empty else node.text), terms


def _phrase(words: list[tuple[str, bool]]) -> _Node:
    """A phrase from quoted words (word, prefix): every token in order, adjacent."""
    parts = []
    for w, prefix in words:
        toks = tokens(w)
        parts += [_quote(t) for t in toks]
        if prefix and toks:
            parts[-1] += ":*"
    if not parts:
        return _EMPTY
    return _Node(parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")")


def _combine(op: str, a: _Node, b: _Node) -> _Node:
    """FTS5's treatment of empty phrases under AND, OR and NOT (as observed on SQLite 3.40)."""
    if op == "AND":
        return _EMPTY if a.empty or b.empty else _Node(f"({a.text} & {b.text})")
    if op == "OR":
        return b if a.empty else a if b.empty else _Node(f"({a.text} | {b.text})")
    return a if a.empty or b.empty else _Node(f"({a.text} & !{b.text})")


class _Parser:
    """Recursive descent over FTS5's grammar for the expressions `to_fts_query` writes."""

    def __init__(self, toks: list[str], query: str) -> None:
        self.toks, self.i, self.query = toks, 0, query

    def error(self) -> SearchSyntaxError:
        near = self.toks[self.i] if self.i < len(self.toks) else "end of query"
        return SearchSyntaxError(f"cannot parse query {self.query!r}: syntax error near {near}")

    def peek(self) -> str | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def parse(self) -> _Node:
        node = self.binary(0)
        if self.peek() is not None:
            raise self.error()
        return node

    _LEVELS = ("OR", "AND", "NOT")

    def binary(self, level: int) -> _Node:
        if level == len(self._LEVELS):
            return self.primary()
        op = self._LEVELS[level]
        node = self.binary(level + 1)
        while self.peek() == op:
            self.i += 1
            node = _combine(op, node, self.binary(level + 1))
        return node

    def primary(self) -> _Node:
        tok = self.peek()
        if tok == "(":
            self.i += 1
            node = self.binary(0)
            if self.peek() != ")":
                raise self.error()
            self.i += 1
            return node
        items = []
        while (tok := self.peek()) is not None and (tok.startswith('"') or tok == "NEAR("):
            items.append(self.nearset())
        if not items:
            raise self.error()
        kept = [n for n in items if not n.empty]  # juxtaposition drops empty phrases
        if not kept:
            return _EMPTY
        return kept[0] if len(kept) == 1 else _Node("(" + " & ".join(n.text for n in kept) + ")")

    def nearset(self) -> _Node:
        tok = self.toks[self.i]
        self.i += 1
        if tok != "NEAR(":
            return _phrase([(tok.rstrip("*")[1:-1], tok.endswith("*"))])
        words = []
        while (tok := self.peek()) is not None and tok.startswith('"'):
            words.append((tok.rstrip("*")[1:-1], tok.endswith("*")))
            self.i += 1
        if not words or tok is None or not (tok == ")" or tok.startswith(",")):
            raise self.error()
        self.i += 1
        return _phrase(words)
