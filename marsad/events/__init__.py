"""PLOVER event coding of Arabic news: a lexicon of triggers (`lexicon`, `cameo`) and the coder that turns
a document's sentences, entities, dates and quotes into events (`coder`).

The pipeline component lives in `marsad.annotate.events`; this package imports nothing from the
pipeline, so the coder can run on any `Document` that carries entities, dates and quotes.
"""
