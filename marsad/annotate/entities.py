"""Entity stage: statistical NER and the knowledge base's dictionary matcher, merged, then linked.

The CRF finds names it has never seen (a new spokesman, a village) but misses names that look like
ordinary words or that ANERcorp rarely saw (داعش، قسد، حميميم); the dictionary matcher finds exactly those.
Overlaps keep the longer span, so `وزارة الدفاع الروسية` wins over `الروسية`; linking then groups every
mention of one real-world entity under one id and attaches KB facts (country, sector, coordinates).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from marsad.annotate.pipeline import register
from marsad.document import Document
from marsad.text.segment import Token, sentences, token_spans

if TYPE_CHECKING:
    from marsad.ner.tagger import NerTagger

Mention = tuple[int, int, str]


def bio_spans(sent_tokens: Sequence[Sequence[Token]], tags: Sequence[Sequence[str]]) -> list[Mention]:
    """Character spans (start, end, type) of B-/I- tag runs."""
    return tag_spans([[(t.start, t.end) for t in toks] for toks in sent_tokens], tags)


def tag_spans(sent_spans: Sequence[Sequence[tuple[int, int]]], tags: Sequence[Sequence[str]]) -> list[Mention]:
    """`bio_spans` from each token's (start, end)."""
    out: list[Mention] = []
    for toks, tgs in zip(sent_spans, tags, strict=True):
        cur: list[int] | None = None
        cur_type = ""
        for (ts, te), tag in zip(toks, tgs, strict=True):
            if tag == "O":  # most tokens: close the open mention, if any
                if cur is not None:
                    out.append((cur[0], cur[1], cur_type))
                    cur = None
                continue
            if tag.startswith("I-") and cur is not None and tag[2:] == cur_type:
                cur[1] = te
                continue
            if cur is not None:
                out.append((cur[0], cur[1], cur_type))
                cur = None
            if tag != "O":
                cur, cur_type = [ts, te], tag[2:]
        if cur is not None:
            out.append((cur[0], cur[1], cur_type))
    return out


def merge_mentions(statistical: list[Mention], known: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: longer spans first, the dictionary's type on a tie (it is curated)."""
    cands = [(s, e, t, 1) for s, e, t in known] + [(s, e, t, 0) for s, e, t in statistical]
    cands.sort(key=lambda m: (-(m[1] - m[0]), -m[3], m[0]))
    starts: list[int] = []  # the taken spans, kept sorted by start (they never overlap)
    ends: list[int] = []
    out: list[Mention] = []
    for s, e, t, _src in cands:
        k = bisect_left(starts, e)  # taken spans starting before e; only the last of them can reach past s
        if k and ends[k - 1] > s:
            continue
        starts.insert(k, s)
        ends.insert(k, e)
        out.append((s, e, t))
    out.sort()
    return out


def drop_non_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` without God in formulas, peoples in the plural and months of dates (`kb.non_names`): the
    tagger marks them, and the person linker then joined every «حفظه الله» to a person named nearby."""
    from marsad.kb.non_names import month_of_a_date, not_a_name

    return [m for m in mentions if not not_a_name(text[m[0]:m[1]]) and not month_of_a_date(text, m[0], m[1])]


def find_entities(doc: Document, tagger: NerTagger) -> Document:
    """Fill `doc.entities`: tagger and dictionary mentions merged, linked, then propagated and nominals added."""
    from marsad.kb import find_known_mentions, link_mentions
    from marsad.kb.conjunction import trim_conjunctions
    from marsad.kb.coordination import coordinated_persons
    from marsad.kb.cued_places import cued_places
    from marsad.kb.facilities import attach_heads
    from marsad.kb.name_parts import extend_person_names
    from marsad.kb.nominals import add_nominal_mentions
    from marsad.kb.propagate import propagate_mentions

    text = doc.text
    sents = list(sentences(text))
    spans = [token_spans(text, s, e) for s, e in sents]
    tags = tagger.tag_sentences([[text[a:b] for a, b in sp] for sp in spans])
    stat = tag_spans(spans, tags)
    known = [(s, e, t) for s, e, t, _id in find_known_mentions(text, stat)]
    mentions = attach_heads(text, trim_conjunctions(text, drop_non_names(text, merge_mentions(stat, known))))
    mentions = cued_places(text, extend_person_names(text, coordinated_persons(text, mentions)))
    linked = propagate_mentions(text, link_mentions(text, mentions, sents))
    doc.entities = add_nominal_mentions(text, linked)
    return doc


@register("entities")
def build_entities():  # noqa: ANN201 - a pipeline factory
    from marsad.kb import get_kb
    from marsad.ner.tagger import get_tagger

    tagger = get_tagger()  # loaded once per process, never per document
    get_kb()

    def component(doc: Document) -> Document:
        return find_entities(doc, tagger)

    return component
