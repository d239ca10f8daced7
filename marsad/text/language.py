"""Cheap script-based language guess: marsad reads Arabic and must refuse what it cannot read."""

from __future__ import annotations

import re

_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def detect_language(text: str, sample: int = 4000) -> str:
    """'ar' when Arabic letters dominate the letters of the first `sample` characters, else a guess."""
    s = text[:sample]
    ar = len(_ARABIC.findall(s))
    la = len(_LATIN.findall(s))
    cy = len(_CYRILLIC.findall(s))
    total = ar + la + cy
    if total == 0:
        return "und"
    if ar / total >= 0.3:
        return "ar"
    if cy > la:
        return "ru"
    return "en" if la else "und"
