"""Knowledge base, entity linking and geocoding for Arabic conflict/politics news.

The KB (curated actors, countries, 85K Middle East places, world cities, UniversalPetrarch actors) is
built offline by `python -m marsad.kb.build` into `data/kb.sqlite` and loaded once per process by
`get_kb()`. Everything here works on normalised names (`marsad.text.normalize`), so spelling variants
and proclitics do not defeat a lookup.
"""

from marsad.kb.coref import resolve_title
from marsad.kb.countries import country_of_adjective
from marsad.kb.geocode import geocode
from marsad.kb.link import find_known_mentions, link_mentions, lookup, unknown_id
from marsad.kb.store import KB, KBEntry, get_kb


def agent_sector(phrase: str) -> str | None:
    """CAMEO sector of a generic role noun from UniversalPetrarch's agents (`النازحين` → REF), else None."""
    from marsad.kb.tokens import norm_key

    return get_kb().agents.get(norm_key(phrase))


__all__ = [
    "KB", "KBEntry", "agent_sector", "country_of_adjective", "find_known_mentions", "geocode", "get_kb",
    "link_mentions", "lookup", "resolve_title", "unknown_id",
]
