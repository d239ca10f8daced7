from marsad.text import detect_language, sentences, tokens


def test_sentences_keep_offsets():
    t = "قال الجيش إنه أنجز مهمته. وأضاف أن 3.5 مليون نزحوا؟ نعم\nسطر آخر"
    spans = list(sentences(t))
    got = [t[s:e] for s, e in spans]
    assert got == ["قال الجيش إنه أنجز مهمته.", "وأضاف أن 3.5 مليون نزحوا؟", "نعم", "سطر آخر"]


def test_tokens_offsets_point_into_original():
    t = "وقال لافروف، «إنّ الوضع» 1,500"
    toks = tokens(t)
    assert all(t[k.start:k.end] == k.text for k in toks)
    assert [k.text for k in toks] == ["وقال", "لافروف", "،", "«", "إنّ", "الوضع", "»", "1,500"]


def test_huge_token_is_split_not_quadratic():
    t = "ا" * 10_000
    toks = tokens(t)
    assert sum(k.end - k.start for k in toks) == 10_000
    assert max(k.end - k.start for k in toks) <= 200


def test_language():
    assert detect_language("قال الجيش الروسي") == "ar"
    assert detect_language("The Russian army said on Thursday") == "en"
    assert detect_language("12345 ...") == "und"
