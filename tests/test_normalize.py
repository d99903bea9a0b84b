from rasd.text.normalize import norm, normalize


def test_diacritics_tatweel_and_letters_are_unified():
    assert norm("قُتِلَ") == "قتل"
    assert norm("مسيّرة") == "مسيره"
    assert norm("أإآ ى ة") == "ااا ي ه"
    assert norm("٢٠٢٤ و۱۲") == "2024 و12"
    assert norm("الـمـدفعية") == "المدفعيه"


def test_offset_map_points_back_to_the_original_characters():
    text = "قُتِلَ جنديّان في «الرَّقة»"
    n = normalize(text)
    i = n.text.index("الرقه")
    a, b = n.span_to_original(i, i + len("الرقه"))
    assert text[a:b] == "الرَّقة"
    j = n.text.index("جنديان")
    a, b = n.span_to_original(j, j + len("جنديان"))
    assert text[a:b] == "جنديّان"


def test_identity_map_when_nothing_is_dropped():
    n = normalize("هجوم على قاعدة")
    assert n.origin is None
    assert n.span_to_original(2, 6) == (2, 6)
