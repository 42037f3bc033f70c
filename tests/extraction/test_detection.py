"""Offline language detection of article texts."""

import pytest

from timeline.extraction.detection import detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Il 17 febbraio 2011 migliaia di persone sono scese in piazza a Bengasi "
            "contro il regime.",
            "it",
        ),
        ("في 17 فبراير 2011 خرج الآلاف إلى الشوارع في بنغازي احتجاجا على النظام", "ar"),
        ("17 февраля 2011 года тысячи людей вышли на улицы Бенгази против режима.", "ru"),
        ("Am 17. Februar 2011 gingen in Bengasi Tausende gegen das Regime auf die Straße.", "de"),
        ("Talks between the government and the rebels resumed in Doha on Sunday.", "en"),
        (
            "Les négociations entre le gouvernement et les rebelles ont repris dimanche à Doha.",
            "fr",
        ),
    ],
)
def test_languages_are_told_apart(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "2021 — 12", "OK"])
def test_too_little_text_says_nothing(text):
    assert detect_language(text) is None
