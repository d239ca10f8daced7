"""Choosing the place a name refers to, and its coordinates.

Place names repeat across the region (طرابلس in Libya and Lebanon, الرقة in Syria and Kuwait, dozens of
villages called السلام). The document itself usually says which: the other places and countries it
names. So candidates are ordered by (compatible type, country already present in the document, prior
importance from the build: placetype, population, Wikidata presence).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from marsad.kb.store import KBEntry, get_kb
from marsad.kb.tokens import clitic_variants, norm_key


def choose_place(cands: Iterable[KBEntry], context: Mapping[str, float] | None = None) -> KBEntry | None:
    """The most plausible place among same-named candidates given document context.

    `context` maps alpha-3 codes to how strongly the document evokes that country (counts of
    unambiguous mentions, weighted higher in the same sentence). A country evoked in the document beats
    the prior ranking by a bounded margin (enough for Tripoli-Lebanon over Tripoli-Libya, not for a village
    called القاهرة over Cairo); without context the more important place wins.
    """
    best: tuple[float, float, float] | None = None
    pick = None
    ctx = context or {}
    total = sum(ctx.values()) or 1.0
    for c in cands:
        if not c.is_place:
            continue
        # the share of the document's place evidence pointing at the candidate's country: a big-city
        # margin when the document is about that country, little when it is one of many (Geneva, not
        # Geneva, Illinois, in an article that also names the USA); never enough to turn a village into Cairo
        share = ctx.get(c.country or "", 0.0) / total
        score = c.rank + 35.0 * share + (50.0 if c.source == "core" else 0.0)
        key = (score, -c.idx, 0.0)
        if best is None or key > best:
            best, pick = key, c
    return pick


def geocode(name: str, context: Mapping[str, float] | Iterable[str] | None = None) -> KBEntry | None:
    """Resolve a place name (any spelling, proclitics allowed: بموسكو) to a KB place, or None.

    `context` is either a country→weight mapping or a list of alpha-3 codes evoked by the document.
    The returned entry carries lat, lon, precision (settlement/region/country) and country.
    """
    kb = get_kb()
    if context is not None and not isinstance(context, Mapping):
        context = {c: 1.0 for c in context}
    key = norm_key(name)
    if not key:
        return None
    first, _, rest = key.partition(" ")
    for v, _cut in clitic_variants(first):
        k = f"{v} {rest}" if rest else v
        pick = choose_place(kb.candidates(k), context)
        if pick is not None:
            return pick
    return None
