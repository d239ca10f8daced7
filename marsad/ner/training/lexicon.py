"""The training-entity lexicon (`trainlex.tsv`) and the cross-fitted view of it the CRFs train on.

The shipped lexicon covers all of ANERcorp-train. While training, each of `LEX_FOLDS` contiguous folds
sees a lexicon built from the other folds only, so the feature is as incomplete on training text as it
will be on unseen text (otherwise it would fire on every training entity and the CRF would over-trust
it). The fast CRF and the accurate-mode CRF use the very same folds.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from marsad.ner.bio import entities
from marsad.ner.features import FeatureExtractor, Gazetteer, Resources, clitic_candidates, normalize
from marsad.ner.training.data import Sentence

LEX_FOLDS = 5


def entity_lexicon(sents: list[Sentence]) -> list[tuple[str, str]]:
    """(label, phrase) rows for entity strings of ``sents`` that are mostly tagged as entities.

    A phrase is kept when at least half of its occurrences in ``sents`` are tagged with its
    majority type; the label is the type, suffixed with ``?`` when that share is below 80 %, so the
    CRF can weigh reliable names (الامم المتحده) above ambiguous ones (العربي).
    """
    per: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for toks, tags in sents:
        norms = [normalize(t) for t in toks]
        for typ, s, e in entities(tags):
            per[tuple(norms[s:e])][typ] += 1
    if not per:
        return []
    max_len = max(map(len, per))
    occ: Counter[tuple[str, ...]] = Counter()
    for toks, _ in sents:
        norms = [normalize(t) for t in toks]
        for i in range(len(norms)):
            for length in range(1, min(max_len, len(norms) - i) + 1):
                key = tuple(norms[i:i + length])
                if key in per:
                    occ[key] += 1
    rows: set[tuple[str, str]] = set()
    for key, cnt in per.items():
        typ, c = cnt.most_common(1)[0]
        share = c / max(occ[key], 1)
        if share < 0.5:
            continue
        label = typ if share >= 0.8 else typ + "?"
        rows.add((label, " ".join(key)))
        tag, rest = next(((t, r) for t, r in clitic_candidates(key[0])[1:] if r.startswith("ال")), ("", ""))
        if tag:
            rows.add((label, " ".join((rest, *key[1:]))))
    return sorted(rows)


def lexicon_folds(train: list[Sentence], res: Resources) -> Iterator[tuple[range, FeatureExtractor]]:
    """For each fold: the indices of its sentences in ``train`` and an extractor whose training
    lexicon comes from the other folds only."""
    size = (len(train) + LEX_FOLDS - 1) // LEX_FOLDS
    for k in range(LEX_FOLDS):
        others = train[: k * size] + train[(k + 1) * size:]
        fx = FeatureExtractor(res, train_lex=Gazetteer.build(entity_lexicon(others)))
        yield range(k * size, min((k + 1) * size, len(train))), fx
