"""Statement translation from marsad's SQLite dialect to PostgreSQL.

The store, the API queries and the cross-document analysis share one body of SQL. Rather than fork it,
the PostgreSQL connection passes every statement through `translate()`, which rewrites the handful of
SQLite habits that PostgreSQL reads differently, so both backends give the same rows in the same order:

* `?` placeholders become psycopg's `%s` (and a literal `%` becomes `%%`);
* `LIKE` becomes `ILIKE`: SQLite's LIKE ignores ASCII case, and on marsad's `COLLATE "C"` columns
  PostgreSQL's ILIKE folds exactly ASCII case too;
* scalar `max(a, b)` / `min(a, b)` become `greatest` / `least` (aggregate max/min take one argument);
* every ORDER BY term gets SQLite's NULL placement made explicit: SQLite sorts NULL first ascending and
  last descending, PostgreSQL the other way round. Terms that can never be NULL (row ids, ids) are left
  alone so PostgreSQL can still walk an index for them.

Quoted literals and identifiers are never touched. Translations are cached: the statements are a fixed
set of strings, so each is tokenised once per process.
"""

from __future__ import annotations

import functools
import re

_TOKEN = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*|\d+(?:\.\d+)?|\s+|.""", re.S)
# Column names that are NOT NULL in every marsad table that has them: their sort order needs no NULL rule.
NOT_NULL = frozenset({"rowid", "id", "idx", "doc_rowid"})
# Words that end an ORDER BY list at the top level of a statement.
_ORDER_END = frozenset({"LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "FOR", "FETCH", "RETURNING", "WINDOW"})


@functools.lru_cache(maxsize=4096)
def translate(sql: str) -> str:
    """The PostgreSQL form of one marsad SQL statement (see the module docstring for what changes)."""
    toks = _TOKEN.findall(sql)
    _scalar_minmax(toks)
    _order_by_nulls(toks)
    out = []
    for t in toks:
        if t == "?":
            out.append("%s")
        elif t[0] in "'\"":
            out.append(t.replace("%", "%%"))
        elif t == "%":
            out.append("%%")
        elif t.upper() == "LIKE":
            out.append("ILIKE")
        else:
            out.append(t)
    return "".join(out)


def _next(toks: list[str], i: int) -> int:
    """Index of the first non-space token at or after i (len(toks) if none)."""
    while i < len(toks) and toks[i].isspace():
        i += 1
    return i


def _scalar_minmax(toks: list[str]) -> None:
    """Rename max/min calls with more than one argument to greatest/least, in place."""
    for i, t in enumerate(toks):
        low = t.lower()
        if low not in ("max", "min"):
            continue
        j = _next(toks, i + 1)
        if j >= len(toks) or toks[j] != "(":
            continue
        depth = 0
        for k in range(j, len(toks)):
            if toks[k] == "(":
                depth += 1
            elif toks[k] == ")":
                depth -= 1
                if depth == 0:
                    break
            elif toks[k] == "," and depth == 1:
                toks[i] = "greatest" if low == "max" else "least"
                break


def _order_by_nulls(toks: list[str]) -> None:
    """Append SQLite's NULL placement to each ORDER BY term, in place."""
    i = 0
    while i < len(toks):
        if toks[i].upper() == "ORDER":
            j = _next(toks, i + 1)
            if j < len(toks) and toks[j].upper() == "BY":
                i = _rewrite_order_list(toks, j + 1)
                continue
        i += 1


def _rewrite_order_list(toks: list[str], start: int) -> int:
    """Rewrite the ORDER BY list starting at toks[start]; returns the index just past it. The list ends
    at a closing bracket of an enclosing expression, a LIMIT/OFFSET/set operator, or the statement's end."""
    depth = 0
    term_start = start
    k = start
    while k < len(toks):
        t = toks[k]
        if t == "(":
            depth += 1
        elif t == ")":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (t == ";" or t.upper() in _ORDER_END):
            break
        elif depth == 0 and t == ",":
            k += _add_nulls(toks, term_start, k)
            term_start = k + 1
        k += 1
    return k + _add_nulls(toks, term_start, k)


def _add_nulls(toks: list[str], start: int, end: int) -> int:
    """Give the term toks[start:end] an explicit NULLS clause; returns how many tokens were inserted."""
    words = [t for t in toks[start:end] if not t.isspace()]
    if not words or any(w.upper() == "NULLS" for w in words):
        return 0
    desc = words[-1].upper() == "DESC"
    core = words[:-1] if words[-1].upper() in ("ASC", "DESC") else words
    if len(core) in (1, 3) and core[-1].lower() in NOT_NULL and (len(core) == 1 or core[1] == "."):
        return 0
    last = end - 1
    while toks[last].isspace():
        last -= 1
    toks.insert(last + 1, " NULLS LAST" if desc else " NULLS FIRST")
    return 1
