"""Persons read from the shape of a «و» list (kb/coordination.py)."""

from __future__ import annotations

from marsad.kb.coordination import coordinated_persons


def _spans(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    return [(text.index(n), text.index(n) + len(n), "PERS") for n in names]


def test_missed_conjuncts_of_a_person_list_are_persons() -> None:
    text = "وضمت اللجنة كلا من خالد منصور وسمير العلي وفادي الحسيني وعمر ياسين في عضويتها."
    found = _spans(text, ["العلي", "عمر ياسين"])
    found[0] = (found[0][0], found[0][1], "PERS")
    out = {text[s:e] for s, e, _t in coordinated_persons(text, found)}
    assert out == {"خالد منصور", "سمير العلي", "فادي الحسيني", "عمر ياسين"}


def test_a_clause_between_persons_or_after_punctuation_is_not_a_person() -> None:
    text = "استقبل خالد منصور وبحث معه الأوضاع، وعمر ياسين حضر اللقاء."
    found = _spans(text, ["خالد منصور", "عمر ياسين"])
    assert coordinated_persons(text, found) == sorted(found)


def test_a_person_written_on_the_last_word_after_its_conjunction_is_kept() -> None:
    # the mention starts inside the text's last token (after its «و»): no token follows it
    text = "وزار الوفد مدنا كثيرة منها حمص ودرعا، وقابل سمير العلي وحسان"
    found = _spans(text, ["سمير العلي"]) + [(text.rindex("حسان"), len(text), "PERS")]
    out = {text[s:e] for s, e, _t in coordinated_persons(text, found)}
    assert {"سمير العلي", "حسان"} <= out
