"""A conjunction و attached to a name is cut, a و that belongs to the name is kept (kb/conjunction.py)."""

from __future__ import annotations

import pytest

from marsad.kb.conjunction import is_conjunction, trim_conjunctions
from marsad.text.normalize import normalize


@pytest.mark.parametrize(("word", "conj"), [
    ("وخالد", True), ("وسيف", True), ("وهزيم", True), ("وتكساس", True), ("والبنك", True),
    ("وليد", False), ("وائل", False), ("وسام", False), ("وزارة", False), ("واشنطن", False), ("والي", False),
])
def test_is_conjunction(word, conj):
    assert is_conjunction(normalize(word)) is conj


def test_trim_conjunctions_in_a_list_of_names():
    text = "شارك في اللقاء سالم الحربي وخالد المطيري ووليد العنزي."
    ms = []
    for p in ("سالم الحربي", "وخالد المطيري", "ووليد العنزي"):
        i = text.find(p)
        ms.append((i, i + len(p), "PERS"))
    got = [text[s:e] for s, e, _t in trim_conjunctions(text, ms)]
    assert got == ["سالم الحربي", "خالد المطيري", "وليد العنزي"]

