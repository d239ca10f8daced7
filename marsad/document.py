"""The one data model that flows through the pipeline.

Every stage reads and extends a `Document`; offsets always index `Document.text` (the original cleaned
article), never a normalised copy, so any span can be shown to a user exactly as the outlet printed it.
`to_json()` produces the v1 annotation contract (`../shared/spec/annotation.md`).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str  # PER ORG GPE LOC FAC MISC
    mentions: list[Span] = field(default_factory=list)
    name_en: str | None = None
    wikidata: str | None = None
    country: str | None = None
    sector: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # settlement | region | country, for places


@dataclass(slots=True)
class Quote:
    speaker: dict[str, Any] | None
    cue: dict[str, Any]
    content: dict[str, Any]
    direct: bool
    via: str | None = None
    date: str | None = None


@dataclass(slots=True)
class Event:
    type: str
    trigger: dict[str, Any]
    sentence: dict[str, Any]
    mode: str | None = None
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    location: str | None = None
    date: str | None = None
    date_precision: str | None = None
    dead: int | None = None
    injured: int | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    source: str | None = None
    confidence: float = 0.5


@dataclass(slots=True)
class DateRef:
    text: str
    start: int
    end: int
    value: str
    precision: str  # day | month | year


@dataclass(slots=True)
class Document:
    """A cleaned article. `text` starts with the title line; `source` says where it came from."""

    text: str
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    outlet: str | None = None
    dateline: str | None = None
    url: str | None = None
    language: str | None = None
    author: str | None = None
    source: str | None = None  # file path, archive member or stream name, for messages and provenance
    external_id: str | None = None  # the `id` a JSONL caller gave, echoed back
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        """Identity of the wording: equal text and title means the same stored article."""
        h = hashlib.sha256()
        h.update((self.title or "").encode("utf-8"))
        h.update(b"\x00")
        h.update(self.text.encode("utf-8"))
        return h.hexdigest()

    @property
    def id(self) -> str:
        """Content-derived id, so two stores fed the same articles agree whatever the order."""
        return self.content_hash[:16]

    def meta(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "dateline": self.dateline,
            "url": self.url,
            "language": self.language,
            "text": self.text,
        }

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "document": self.meta(),
            "entities": [_entity_json(e) for e in self.entities],
            "quotes": [asdict(q) for q in self.quotes],
            "events": [asdict(e) for e in self.events],
            "dates": [asdict(d) for d in self.dates],
        }
        if self.external_id is not None:
            out = {"id": self.external_id, **out}
        return out


def _entity_json(e: Entity) -> dict[str, Any]:
    d = asdict(e)
    d["mentions"] = [asdict(m) for m in e.mentions]
    return d
