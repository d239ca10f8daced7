"""The one data model that flows through the pipeline.

Every stage reads and extends a `Document`; offsets always index `Document.text` (the original cleaned
article), never a normalised copy, so any span can be shown to a user exactly as the outlet printed it.
`to_json()` produces the v1 annotation contract (`../shared/spec/annotation.md`).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(slots=True)
class Extent:
    """A stretch of `Document.text` shown by position only (an event's sentence)."""

    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Span:
    """Characters `text[start:end]` of the document, kept with the text so a record reads on its own."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        """The contract's entity-mention order (start, end, text)."""
        return {"start": self.start, "end": self.end, "text": self.text}

    def quoted_json(self) -> dict[str, Any]:
        """The contract's order for quote content and event triggers (text first)."""
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Cue(Span):
    """The words that mark reported speech, with the statement class they give it (say, deny, …).

    `negated` is set for «لم ينف»-style cues, whose class is the opposite of the verb's own; the contract
    carries the flag only when it is set, so ordinary cues keep their four keys.
    """

    cls: str = "say"
    negated: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end, "class": self.cls}
        if self.negated:
            out["negated"] = True
        return out


@dataclass(slots=True)
class Speaker(Span):
    """Who a quote is attributed to: the words in the text, and the entity they resolve to if any."""

    entity: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"entity": self.entity, "text": self.text, "start": self.start, "end": self.end}


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
    speaker: Speaker | None
    cue: Cue
    content: Span
    direct: bool
    via: str | None = None
    date: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"speaker": self.speaker.to_json() if self.speaker is not None else None,
                "cue": self.cue.to_json(), "content": self.content.quoted_json(),
                "direct": self.direct, "via": self.via, "date": self.date}


@dataclass(slots=True)
class Event:
    type: str
    trigger: Span
    sentence: Extent
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

    def to_json(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["trigger"] = self.trigger.quoted_json()
        out["sentence"] = self.sentence.to_json()
        out["actor"], out["recipient"] = list(self.actor), list(self.recipient)
        return out


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
            "quotes": [q.to_json() for q in self.quotes],
            "events": [e.to_json() for e in self.events],
            "dates": [asdict(d) for d in self.dates],
        }
        if self.external_id is not None:
            out = {"id": self.external_id, **out}
        return out


def _entity_json(e: Entity) -> dict[str, Any]:
    d = asdict(e)
    d["mentions"] = [m.to_json() for m in e.mentions]
    return d
