"""Arabic named-entity tagging (PERS, LOC, ORG, MISC) with a fast feature-rich CRF.

Use `get_tagger().tag(tokens)`; see `marsad/ner/model/README.md` for the training data. The code that
rebuilds the model lives in `marsad.ner.training`, which nothing on the tagging path imports.
"""

from marsad.ner.tagger import NerTagger, get_tagger

__all__ = ["NerTagger", "get_tagger"]
