"""Arabic text layer: shadow normalisation, segmentation with offsets, language guess."""

from marsad.text.language import detect_language
from marsad.text.normalize import normalize, query_terms, shadow_terms, strip_proclitics
from marsad.text.segment import Token, sentences, tokens

__all__ = ["Token", "detect_language", "normalize", "query_terms", "sentences", "shadow_terms",
           "strip_proclitics", "tokens"]
