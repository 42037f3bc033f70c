import datetime as dt

import pytest

from timeline.dates import format_event_date

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
        ("2001", "year", D(2001, 1, 1), D(2001, 12, 31), "", "2001"),
        ("199", "decade", D(1990, 1, 1), D(1999, 12, 31), "", "1990s"),
        ("2016", "year", D(2016, 1, 1), D(2016, 12, 31), "BEFORE", "before 2016"),
    ],
)
def test_display_follows_precision_and_mod(value, precision, start, end, mod, expected):
    assert (
        format_event_date(value=value, precision=precision, start=start, end=end, mod=mod)
        == expected
    )


@pytest.mark.parametrize("precision", ["month", "season", "quarter", "year", "decade", "week"])
def test_coarse_dates_never_show_a_fake_first_of_the_month(precision):
    text = format_event_date(
        value="2020-09", precision=precision, start=D(2020, 9, 1), end=D(2020, 9, 30)
    )
    assert not text.startswith("1 ")
