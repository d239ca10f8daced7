"""Attributed quotes in Arabic news: cue finding, content spans, speaker resolution (see `extract`).

The lexicon (`marsad.quotes.lexicon`) holds the word lists; `extract_quotes` is the entry point.
"""

from marsad.quotes.extract import extract_quotes, quotes_in_text

__all__ = ["extract_quotes", "quotes_in_text"]
