from marsad.text import normalize, query_terms, shadow_terms, strip_proclitics


def test_normalize_unifies_variants_and_drops_marks():
    assert normalize("الإسلاميّة") == normalize("الاسلامية") == "الاسلاميه"
    assert normalize("مُوسْكُو") == "موسكو"
    assert normalize("الأولى") == "الاولي"
    assert normalize("ســـوريا") == "سوريا"  # tatweel
    assert normalize("٢٠١٧") == "2017"


def test_normalize_never_touches_length_of_plain_letters():
    s = "قال الجيش الروسي"
    assert normalize(s) == s


def test_proclitics_stripped_before_article():
    for w in ("والجيش", "بالجيش", "فالجيش", "وبالجيش", "للجيش", "كالجيش"):
        assert strip_proclitics(w) == "الجيش", w
    assert strip_proclitics("وزير") == "وزير"  # a root letter, not a conjunction
    assert strip_proclitics("الجيش") == "الجيش"


def test_shadow_keeps_word_and_stem():
    terms = shadow_terms("وروسيا والجيش").split()
    assert terms == ["وروسيا", "روسيا", "الجيش"]
    assert query_terms("الجَيش") == ["الجيش"]


def test_fold_letters_short_and_long_strings_agree() -> None:
    from marsad.text.normalize import _LETTERS, fold_letters

    word = "أإآٱٲٳةىؤئیک٠١٢٣۴۵ abc"
    want = "".join(_LETTERS.get(c, c) for c in word)
    assert fold_letters(word) == want
    assert fold_letters(word * 10) == want * 10
    assert fold_letters("") == ""
