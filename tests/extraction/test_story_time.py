"""The story's own time, dates before the common era and ranges, through extract() and its
TimeML view (the case-by-case values are in spec/<language>/resolution.json)."""

from __future__ import annotations

import datetime

import pytest

from timeline.extraction import extract
from timeline.extraction.timeml import timexes_from_expressions

WIKI = datetime.date(2009, 12, 19)  # a download date, decades after the story


def _by_text(text: str, published: datetime.date = WIKI, language: str = "en"):
    result = extract(text, published=published, language=language)
    return {e.text: e for e in result.expressions}, result


def _value(text: str, expression: str, published: datetime.date = WIKI, language: str = "en"):
    """The value extract() gives ``expression`` where it stands in ``text``."""
    found, _ = _by_text(text, published, language)
    return found[expression].value


def test_a_date_read_in_the_story_says_so_in_its_trail():
    found, _ = _by_text("In 1916 the offensive stalled. On 27 August, Romania entered the war.")
    e = found["27 August"]
    assert (e.value, e.anchor_kind, e.anchor) == ("1916-08-27", "story", datetime.date(1916, 1, 1))
    assert e.explanation == "'27 August' + story year 1916 → 1916-08-27 (day)"


def test_anchor_kinds_stay_short():
    text = (
        "In 1916 the offensive stalled. On 27 August, Romania entered the war. Three days "
        "later, Bucharest was bombed. In 480 BC Xerxes crossed the Hellespont. In August, his "
        "army reached Thermopylae."
    )
    _, result = _by_text(text)
    kinds = {e.anchor_kind for e in result.expressions}
    assert "story" in kinds
    assert all(len(k) <= 16 for k in kinds)


def test_the_story_ends_where_the_text_speaks_from_the_publication_date():
    text = (
        "In 1939 Germany invaded Poland. By early October, Poland was divided. On Tuesday, "
        "veterans gathered in Warsaw. In March, they will meet again."
    )
    found, _ = _by_text(text)
    assert found["early October"].value == "1939-10"
    assert found["March"].value == "2010-03"  # spoken from the publication date
    assert found["March"].anchor_kind == "published"


def test_dates_before_the_common_era_have_a_value_but_no_place_on_the_timeline():
    found, result = _by_text("In September 480 BC the fleet won at Salamis. In 238 BC, peace.")
    for text, value in (("September 480 BC", "BC0480-09"), ("238 BC", "BC0238")):
        e = found[text]
        assert (e.type, e.value) == ("DATE", value)
        assert not e.is_dating
        assert e.interval_start is None and e.precision is None
    assert not result.events or all(ev.date.is_dating for ev in result.events)
    assert found["238 BC"].explanation == "'238 BC' → BC0238"


def test_a_bc_story_counts_on_its_own_calendar():
    found, _ = _by_text(
        "In 492 BC Mardonius campaigned. Darius ordered a new campaign for the following year."
    )
    e = found["the following year"]
    assert (e.value, e.anchor_kind, e.anchor) == ("BC0491", "previous", None)


def test_a_day_counted_from_a_bc_story_stays_in_its_era():
    found, _ = _by_text(
        "In June 479 BC the Greeks won at Plataea. The fleet won at Mycale that same day."
    )
    e = found["that same day"]
    assert (e.value, e.anchor_kind, e.is_dating) == ("BCXXXX-XX-XX", "previous", False)
    # Known to the day, the story gives the day.
    found, _ = _by_text("On 17 August 480 BC the fleet sailed. The next day, it fought.")
    assert found["The next day"].value == "BC0480-08-18"


@pytest.mark.parametrize(
    ("text", "language", "published", "halves"),
    [
        ("Fighting went on throughout 1915-17.", "en", WIKI, [("1915", "1915"), ("17", "1917")]),
        ("The Eastern Theater 1861-1863.", "en", WIKI, [("1861", "1861"), ("1863", "1863")]),
        ("The war lasted from 1939 to 1945.", "en", WIKI, [("1939", "1939"), ("1945", "1945")]),
        (
            "Le festival aura lieu du 20 au 26 décembre.",
            "fr",
            datetime.date(2002, 12, 2),
            [("20", "2002-12-20"), ("26 décembre", "2002-12-26")],
        ),
        (
            "De 499 à 493 av. J.-C., l'Ionie se révolte.",
            "fr",
            WIKI,
            [("499", "BC0499"), ("493 av. J.-C.", "BC0493")],
        ),
    ],
)
def test_both_halves_of_a_range_are_timeml_timexes(text, language, published, halves):
    result = extract(text, published=published, language=language)
    timexes = timexes_from_expressions(result.expressions)
    assert [(t.text, t.value) for t in timexes] == halves
    for t in timexes:
        assert text[t.start : t.end] == t.text


def test_a_span_of_years_is_one_interval_on_the_timeline():
    found, _ = _by_text("Fighting went on throughout 1915-17.")
    e = found["1915-17"]
    assert (e.interval_start, e.interval_end) == (
        datetime.date(1915, 1, 1),
        datetime.date(1917, 12, 31),
    )
    assert e.is_dating


def test_counts_are_not_spans_of_years():
    found, _ = _by_text("Some 1500-2000 troops crossed; pages 1200-1250 describe it.")
    assert not any(e.is_dating for e in found.values())


@pytest.mark.parametrize(
    ("text", "language", "published", "want"),
    [
        (
            "Il est arrivé le 30 juin et il est reparti du 2 au 5 juillet.",
            "fr",
            "2002-07-10",
            ["le 30 juin", "2", "5 juillet"],
        ),
        ("Elle est née le 6 mars 1941 à Nancy.", "fr", "2003-02-16", ["le 6 mars 1941"]),
        (
            "Les six derniers mois ont été durs ; l'année dernière aussi.",
            "fr",
            "2003-02-16",
            ["Les six derniers mois", "l'année dernière"],
        ),
        (
            "El presidente llegó el 12 de octubre y se fue del 14 de octubre.",
            "es",
            "2016-10-25",
            ["el 12 de octubre", "14 de octubre"],
        ),
        (
            "En los pasados seis meses, las ventas cayeron; El martes habló.",
            "es",
            "2016-10-27",
            ["los pasados seis meses", "El martes"],
        ),
        # English TimeML leaves "the" out: no article list in en.toml
        (
            "The talks ended on June 30, under the 2018 deal.",
            "en",
            "2016-10-27",
            ["June 30", "2018"],
        ),
    ],
)
def test_timeml_extents_hold_the_article_where_the_language_counts_it(
    text, language, published, want
):
    result = extract(text, published=datetime.date.fromisoformat(published), language=language)
    timexes = timexes_from_expressions(result.expressions)
    assert [t.text for t in timexes] == want
    for t in timexes:
        assert text[t.start : t.end] == t.text


def test_the_timeline_keeps_the_expression_without_its_article():
    result = extract(
        "Il est arrivé le 30 juin.", published=datetime.date(2002, 7, 10), language="fr"
    )
    (e,) = result.expressions
    assert (e.text, e.determiner) == ("30 juin", "le ")
    assert e.explanation.startswith("'30 juin'")


def test_a_pair_of_days_is_two_timexes_and_the_first_keeps_its_article():
    text = "Les élections auront lieu les 6 et 13 avril prochains."
    result = extract(text, published=datetime.date(2003, 2, 24), language="fr")
    timexes = timexes_from_expressions(result.expressions)
    assert [(t.text, t.value) for t in timexes] == [
        ("les 6", "2003-04-06"),
        ("13 avril prochains", "2003-04-13"),
    ]


def test_a_span_since_a_yearless_date_reaches_to_now():
    text = (
        "The Houthis seized the capital in September 2014, and a coalition intervened in "
        "March 2015. Since June, coalition-backed forces have been fighting towards Hodeidah."
    )
    found, _ = _by_text(text, datetime.date(2018, 12, 6))
    assert (found["June"].value, found["June"].anchor_kind) == ("2018-06", "published")
    # ... while a past perfect keeps it in the story
    told = "In 1941 Germany invaded the Soviet Union. Since June, the armies had advanced far."
    assert _value(told, "June") == "1941-06"


def test_a_count_restated_in_apposition_takes_the_restated_date():
    text = (
        "Aidarús firmó con el Gobierno el Acuerdo de Riad en noviembre de 2019.\n\n"
        "Menos de una semana antes, el viernes 1 de abril, el enviado había anunciado una tregua."
    )
    found, result = _by_text(text, datetime.date(2022, 4, 8), "es")
    e = found["Menos de una semana antes"]
    assert (e.value, e.interval_start) == ("2022-04-01", datetime.date(2022, 4, 1))
    timex = next(t for t in timexes_from_expressions(result.expressions) if t.start == e.start)
    assert timex.type == "DURATION"  # TimeML still writes the count


def test_a_sentence_opening_date_after_news_sets_the_scene_for_its_paragraph():
    text = (
        "Lunedì prossimo è in programma la prima riunione del Foro.\n\n"
        "Il Paese è in guerra da un decennio. Nel 2011 la rivolta scoppiò a Bengasi il 17 "
        "febbraio; il 19 marzo cominciarono i raid, e il 20 ottobre il colonnello fu ucciso.\n\n"
        "Il governo prevede un vertice a fine ottobre."
    )
    found, _ = _by_text(text, datetime.date(2020, 10, 24), "it")
    assert found["il 17 febbraio"].value == "2011-02-17"
    assert found["il 20 ottobre"].value == "2011-10-20"
    assert found["fine ottobre"].value.startswith("2020")  # the next paragraph is news again


def test_a_glance_back_dates_the_rest_of_its_sentence_told_in_the_past():
    text = (
        "Oggi il presidente giura. La prima tregua era cominciata il 24 novembre 2023, prima "
        "che il 1° dicembre i combattimenti riprendessero."
    )
    found, _ = _by_text(text, datetime.date(2025, 1, 20), "it")
    assert found["il 1° dicembre"].value == "2023-12-01"
    told, _ = _by_text(
        "Today the president is sworn in. The deal signed on March 3, 2015 expires on June 30.",
        datetime.date(2025, 1, 20),
    )
    assert told["June 30"].anchor_kind == "published"  # not told in the past: from now


def test_a_date_of_the_story_s_year_takes_the_story_up_again_after_news_of_the_day():
    text = (
        "In 1975 the offensive reached the coast. On 21 April, Thieu resigned. Two years "
        "ago the war was over, a reporter wrote last week. The evacuation began early on "
        "29 April 1975. On 30 April, tanks entered the palace."
    )
    found, _ = _by_text(text)
    assert found["21 April"].value == "1975-04-21"
    assert found["30 April"].value == "1975-04-30"
    assert found["30 April"].anchor_kind == "story"
    # A date of another year does not take the story up again.
    other = text.replace("29 April 1975", "29 April 2008")
    assert _value(other, "30 April") == "2009-04-30"


def test_a_speaker_s_words_do_not_end_the_story():
    text = (
        "In 1862 the army crossed the river. \u201cWe will be home by next month,\u201d a "
        "soldier wrote. On 17 September, the armies met at Antietam."
    )
    assert _value(text, "17 September") == "1862-09-17"
    # The same words spoken by the writer end the story.
    plain = text.replace(
        "\u201cWe will be home by next month,\u201d a soldier wrote.",
        ("Historians will meet next month to mark it."),
    )
    assert _value(plain, "17 September") != "1862-09-17"


def test_in_a_story_told_a_new_paragraph_sets_its_own_scene():
    text = (
        "In May 1943 the Allies took Tunis. By the end of April, the fighting had ended.\n\n"
        "On the eastern front, the Germans launched their offensive in June 1942. By "
        "mid-November they had nearly taken Stalingrad."
    )
    assert _value(text, "mid-November") == "1942-11"
    # Inside one paragraph the earlier date is a glance back, and so it is in a new
    # paragraph that looks back in the past perfect.
    for other in (
        text.replace("\n\n", " "),
        text.replace("the Germans launched", "the Germans had launched"),
    ):
        assert _value(other, "mid-November") == "1943-11"


def test_a_clock_time_beside_a_dated_day_takes_that_day_s_year():
    found, _ = _by_text(
        "At dawn on March 20, 2003 (9:34 p.m., March 19 EST) the invasion began.",
        published=datetime.date(2009, 12, 19),
    )
    assert found["9:34 p.m., March 19"].value == "2003-03-19T21:34"


def test_a_date_ending_a_span_told_ahead_does_not_move_the_story():
    text = (
        "In September 1944 the Red Army entered Yugoslavia. On October 20 Belgrade fell. The "
        "Soviets then launched an assault that lasted until the fall of Budapest in February "
        "1945. By the start of July, the Japanese had been repelled in Assam."
    )
    assert _value(text, "the start of July") == "1944-07"
    # Reached, not told ahead: the story moves on to 1945.
    reached = text.replace("lasted until the fall of Budapest in", "took Budapest in")
    assert _value(reached, "the start of July") == "1945-07"
    # Behind a comma, the until word governs another clause.
    other = text.replace("lasted until the fall of Budapest in", "lasted until then, and in")
    assert _value(other, "the start of July") == "1945-07"


def test_the_second_half_of_a_range_after_until_still_steps_like_a_range():
    text = "In 1938 Poland mobilised. The war went on from 1939 until 1945. In May, it ended."
    assert _value(text, "May") == "1945-05"


_LUZON = (
    "In January 1945 the Americans landed on Luzon and seized Manila in March. Chinese "
    "forces defeated the Japanese in Burma from October to March, then the British "
    "pushed on to Rangoon by May 3."
)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (_LUZON, "October", "1944-10"),
        (_LUZON, "May 3", "1945-05-03"),
        # A range that runs forward is read where the story is.
        (_LUZON.replace("from October to March", "from April to June"), "April", "1945-04"),
    ],
)
def test_a_year_less_range_is_read_back_from_where_its_second_half_falls(text, phrase, value):
    assert _value(text, phrase) == value


def test_a_bare_season_in_lower_case_is_read_in_the_story_without_moving_it():
    text = (
        "In November 1904 the siege went on. With the onset of the severe Manchurian winter, "
        "no major battles took place. Meade's inconclusive fall campaign ended. On January "
        "25, the Russians attacked."
    )
    found, _ = _by_text(text)
    assert (found["winter"].value, found["winter"].anchor_kind) == ("1904-WI", "story")
    assert found["fall"].value == "1904-FA"
    assert found["January 25"].value == "1905-01-25"  # the story stayed in November 1904
    # "spring" and "fall" need a campaign after them; capitalised seasons are names.
    other, _ = _by_text(
        "In 1904 they drank from a hot spring. The fall of Port Arthur. Winter Palace."
    )
    assert set(other) == {"1904"}


def test_words_reported_with_suggested_do_not_end_the_story():
    text = (
        "On 21 April 1975 Thieu resigned. He suggested Kissinger had tricked him into signing "
        "the agreement two years ago. He left for Taiwan on 25 April."
    )
    assert _value(text, "25 April") == "1975-04-25"
    plain = text.replace("He suggested", "We know")
    assert _value(plain, "25 April") != "1975-04-25"
