"""Ids of entities the knowledge base does not know, shared by every pass that creates one."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from marsad.kb.tokens import norm_key

__all__ = ["unknown_id"]


@lru_cache(maxsize=65_536)
def unknown_id(name: str) -> str:
    """Stable project id of an entity the KB does not know: hash of its normalised name, so the same
    name gets the same id in every document and run."""
    return "m:" + hashlib.sha1(norm_key(name).encode()).hexdigest()[:12]
