"""The closed word classes of the event coder are spelled as the tokens they are compared with.

Tokens are compared in their normalised spelling (hamza seats, alef maqsura and taa marbuta folded), so a
list entry written «قذائف» or «حتى» silently never matches: four such lists had dead entries for years
(`_INSTRUMENT`, `GENERIC_AGENTS`, the quantity and count words). This test reads every set literal of
Arabic words in `marsad/events` and asserts each word is already in the folded spelling.
"""

from __future__ import annotations

import ast
from pathlib import Path

import marsad.events
from marsad.events.tokens import ARABIC
from marsad.text.normalize import normalize

_PACKAGE = Path(marsad.events.__file__).parent


def _set_literals(tree: ast.AST) -> list[tuple[int, list[str]]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "frozenset" and node.args and \
                isinstance(node.args[0], ast.Set):
            elts = node.args[0].elts
        elif isinstance(node, ast.Set):
            elts = node.elts
        else:
            continue
        out.append((node.lineno, [e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]))
    return out


def test_every_listed_arabic_word_is_in_the_spelling_tokens_have() -> None:
    unfolded = []
    for path in sorted(_PACKAGE.glob("*.py")):
        for line, words in _set_literals(ast.parse(path.read_text(encoding="utf-8"))):
            # (a word listed in both spellings is harmless: على beside علي)
            unfolded += [f"{path.name}:{line} {w}" for w in words
                         if ARABIC.search(w) and normalize(w) != w and normalize(w) not in words]
    assert unfolded == []
