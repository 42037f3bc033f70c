"""The event date value: display at its precision, reading typed dates, re-precision."""

import datetime as dt

import pytest

from timeline.dates import DateTextError, EventDate
from timeline.extraction import timex_calendar as cal

D = dt.date


@pytest.mark.parametrize(
    ("value", "precision", "start", "end", "mod", "expected"),
    [
        ("2021-02-28", "day", D(2021, 2, 28), D(2021, 2, 28), "", "28 Feb 2021"),
        ("2021-W07", "week", D(2021, 2, 15), D(2021, 2, 21), "", "week of 15 Feb 2021"),
        ("2020-09", "month", D(2020, 9, 1), D(2020, 9, 30), "", "Sep 2020"),
        ("2021-02", "month", D(2021, 2, 1), D(2021, 2, 10), "START", "early Feb 2021"),
        ("2021-02", "month", D(2021, 2, 11), D(2021, 2, 20), "MID", "mid Feb 2021"),
        ("2021-02", "month", D(2021, 2, 21), D(2021, 2, 28), "END", "late Feb 2021"),
        ("2020-02", "month", D(2020, 2, 1), D(2020, 2, 29), "APPROX", "c. Feb 2020"),
        ("2020-SU", "season", D(2020, 6, 1), D(2020, 8, 31), "", "Summer 2020"),
        ("2020-Q3", "quarter", D(2020, 7, 1), D(2020, 9, 30), "", "Q3 2020"),
        ("2020-H1", "quarter", D(2020, 1, 1), D(2020, 6, 30), "", "H1 2020"),
        ("2001", "year", D(2001, 1, 1), D(2001, 12, 31), "", "2001"),
        ("199", "decade", D(1990, 1, 1), D(1999, 12, 31), "", "1990s"),
        ("2016", "year", D(2016, 1, 1), D(2016, 12, 31), "BEFORE", "before 2016"),
        ("2020-02-22T24:00", "day", D(2020, 2, 22), D(2020, 2, 22), "", "22 Feb 2020"),
    ],
)
def test_display_follows_precision_and_mod(value, precision, start, end, mod, expected):
    assert EventDate(value, precision, start, end, mod).display == expected


@pytest.mark.parametrize("precision", ["month", "season", "quarter", "year", "decade", "week"])
def test_coarse_dates_never_show_a_fake_first_of_the_month(precision):
    text = EventDate("2020-09", precision, D(2020, 9, 1), D(2020, 9, 30)).display
    assert not text.startswith("1 ")


def test_period_labels_come_from_the_one_calendar():
    assert cal.label(cal.week_of(D(2021, 2, 17))) == "week of 15 Feb 2021"
    assert cal.span("week", D(2021, 2, 17)) == (D(2021, 2, 15), D(2021, 2, 21))
    assert cal.from_value("2021-W07") == cal.week_of(D(2021, 2, 17))
    assert cal.from_value("P3D") is None


def test_typed_date_is_read_against_the_anchor():
    date = EventDate.from_text("September last year", anchor=D(2021, 2, 28))
    assert (date.value, date.precision, date.start, date.end) == (
        "2020-09",
        "month",
        D(2020, 9, 1),
        D(2020, 9, 30),
    )


def test_precision_override_rederives_value_and_interval():
    day = EventDate.from_text("12 Feb 2021", anchor=D(2021, 2, 28))
    month = day.at(precision="month")
    assert (month.value, month.start, month.end) == ("2021-02", D(2021, 2, 1), D(2021, 2, 28))
    early = day.at(precision="month", mod="START")
    assert (early.display, early.end) == ("early Feb 2021", D(2021, 2, 10))
    assert day.at() is day


@pytest.mark.parametrize("text", ["", "not a date", "the 45th of Smarch"])
def test_unreadable_text_raises_a_message_for_the_editor(text):
    with pytest.raises(DateTextError, match="Could not read a date"):
        EventDate.from_text(text, anchor=D(2021, 2, 28))


def test_fields_round_trip_through_the_model_columns():
    date = EventDate("2021-02", "month", D(2021, 2, 1), D(2021, 2, 10), "START")
    fields = date.as_fields("date_")
    assert fields == {
        "date_value": "2021-02",
        "date_mod": "START",
        "date_precision": "month",
        "date_start": D(2021, 2, 1),
        "date_end": D(2021, 2, 10),
    }
    assert (
        EventDate(*(fields[f"date_{k}"] for k in ("value", "precision", "start", "end", "mod")))
        == date
    )


def test_overlap_and_containment():
    feb = EventDate("2020-02", "month", D(2020, 2, 1), D(2020, 2, 29))
    day = EventDate.of_day(D(2020, 2, 29))
    march = EventDate("2020-03", "month", D(2020, 3, 1), D(2020, 3, 31))
    assert day.within(feb) and day.overlaps(feb) and not feb.within(day)
    assert not march.overlaps(feb)


def test_a_date_reads_back_from_the_columns_it_writes():
    date = EventDate.of_period(cal.month(2020, 2), "START")
    row = date.as_fields("resolved_")
    assert EventDate.of_fields(row, "resolved_") == date

    class Row:
        pass

    obj = Row()
    for name, value in date.as_fields().items():
        setattr(obj, name, value)
    assert EventDate.of_fields(obj) == date
