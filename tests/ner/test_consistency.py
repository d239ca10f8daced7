"""Document-level consistency (`marsad.ner.consistency`): repeats of a document's names, and nothing else."""

from __future__ import annotations

from marsad.ner.consistency import propagate
from marsad.ner.features import clitic_candidates, normalize


def _readings(word: str) -> tuple[str, list[tuple[str, str]]]:
    norm = normalize(word)
    return norm, clitic_candidates(norm)


def test_untagged_repeat_and_surname_are_tagged() -> None:
    sents = ["قال راجح بادي إن".split(), "وأضاف راجح بادي أن".split(), "وقال بادي إن".split()]
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O", "O"], ["O", "O", "O"]]
    out = propagate(sents, tags, _readings)
    assert out[1] == ["O", "B-PERS", "I-PERS", "O"]
    assert out[2] == ["O", "B-PERS", "O"]
    assert tags[1] == ["O", "O", "O", "O"]  # the input is not changed in place


def test_proclitic_and_continuation() -> None:
    sents = ["في بغداد".split(), "ولبغداد".split(), "محمد بادي".split(), "وقال محمد بادي".split()]
    tags = [["O", "B-LOC"], ["O"], ["B-PERS", "I-PERS"], ["O", "B-PERS", "O"]]
    out = propagate(sents, tags, _readings)
    assert out[1] == ["B-LOC"]
    assert out[3] == ["O", "B-PERS", "I-PERS"]  # a name cut short is continued, not split


def test_mostly_untagged_word_is_left_alone() -> None:
    sents = [["الحكومة"], ["الحكومة"], ["الحكومة"]]
    tags = [["B-ORG"], ["O"], ["O"]]
    assert propagate(sents, tags, _readings) == tags


def test_surname_tagged_otherwise_is_not_a_person() -> None:
    sents = ["جورج واشنطن".split(), ["واشنطن"], ["في", "واشنطن"]]
    tags = [["B-PERS", "I-PERS"], ["O"], ["O", "B-LOC"]]
    assert propagate(sents, tags, _readings)[1] == ["B-LOC"]  # its own one-word reading, never PERS


def test_a_surname_that_is_also_a_compound_preposition() -> None:
    # «لصالح» + a noun is "in favour of"; before a particle or a comma it is "to Saleh"
    sents = ["التقى سالم صالح الوفد".split(), "وصوت المجلس لصالح المشروع".split(), "القوات الموالية لصالح في المدينة".split()]
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O"] * 4, ["O"] * 5]
    out = propagate(sents, tags, _readings)
    assert out[1] == ["O"] * 4
    assert out[2] == ["O", "O", "B-PERS", "O", "O"]


def test_reading_forms_hold_every_word_with_that_reading() -> None:
    """The consistency pass tests only words in `reading_forms` of the names' first words."""
    from marsad.ner.features import reading_forms

    for word in ["وبالعراق", "للعراق", "والعراق", "بالعراق", "لبادي", "وبادي", "فبادي", "ولبادي", "العراق", "بادي"]:
        norm = normalize(word)
        for _tag, first in clitic_candidates(norm):
            assert norm in reading_forms([first]), (norm, first)
