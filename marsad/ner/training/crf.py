"""The CRFsuite models of the fast tagger: the main CRF (`ner.crfsuite`) and the optional WikiFANE CRF
whose tags feed it as stacked features (`wiki.crfsuite`, measured: no gain, so off by default).
"""

from __future__ import annotations

from pathlib import Path

from marsad.ner.features import FeatureExtractor, Gazetteer, add_stacked
from marsad.ner.resources import MODEL_FILE, TRAINLEX_FILE, WIKI_MODEL_FILE, load_resources, write_tsv
from marsad.ner.training import log
from marsad.ner.training.data import Sentence, cut_long
from marsad.ner.training.lexicon import entity_lexicon, lexicon_folds


def train_wiki_crf(out: Path, wiki: list[Sentence], iterations: int) -> Path:
    """The WikiFANE-only CRF whose predictions become features of the main model (stacking).

    It never sees ANERcorp, so its tags on ANERcorp-train are exactly as noisy as on new text. It is
    trained without the ``ext:`` gazetteer, which was mined from WikiFANE itself and would fire on
    every one of its training entities.
    """
    import pycrfsuite

    res = load_resources(out)
    res.gazetteer = Gazetteer.build(
        (lab, " ".join(k)) for k, labs in res.gazetteer.entries.items() for lab in labs if not lab.startswith("ext:"))
    res.train_lex = Gazetteer()
    fx = FeatureExtractor(res)
    trainer = pycrfsuite.Trainer(verbose=False)
    for toks, tags in cut_long(wiki):
        trainer.append(fx.sentence(toks), tags)
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    log(f"WikiFANE CRF on {sum(len(t) for t, _ in wiki)} tokens")
    path = out / WIKI_MODEL_FILE
    trainer.train(str(path))
    return path


def train_crf(out: Path, train: list[Sentence], extra: list[Sentence], c1: float, c2: float,
              iterations: int) -> Path:
    """Train the CRFsuite model on ANERcorp-train + extra sentences with the shipped resources."""
    import pycrfsuite

    wiki_tagger = None
    if (out / WIKI_MODEL_FILE).exists():
        wiki_tagger = pycrfsuite.Tagger()
        wiki_tagger.open(str(out / WIKI_MODEL_FILE))

    def feats(fx: FeatureExtractor, toks: list[str]) -> list[list[str]]:
        f = fx.sentence(toks)
        return add_stacked(f, wiki_tagger.tag(f)) if wiki_tagger is not None else f

    # the shipped lexicon covers all of train; each fold trains with the other folds' (see lexicon.py)
    write_tsv(out / TRAINLEX_FILE, entity_lexicon(train))
    res = load_resources(out)
    trainer = pycrfsuite.Trainer(verbose=False)
    n_tok = 0
    for fold, fx in lexicon_folds(train, res):
        for toks, tags in cut_long(train[fold.start:fold.stop]):
            trainer.append(feats(fx, toks), tags)
            n_tok += len(toks)
    fx = FeatureExtractor(res)
    for toks, tags in cut_long(extra):
        trainer.append(feats(fx, toks), tags)
        n_tok += len(toks)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    log(f"CRF on {n_tok} tokens ({len(train)} ANERcorp + {len(extra)} extra sentences)")
    path = out / MODEL_FILE
    trainer.train(str(path))
    return path
