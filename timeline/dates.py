"""The date of an event, as one value: TIMEX3 value, modifier, precision and interval.

An :class:`EventDate` is what the models store in five columns, what forms read from an
editor's text, what charts draw and exports write. Its :attr:`~EventDate.display` follows
the precision: a month is shown as a month ("Sep 2020"), never as a fake first of the
month; a week as "week of 15 Feb 2021"; modifiers as "early", "mid", "late", "c.",
"before", "after". Pure Python: the calendar is ``timeline.extraction.timex_calendar``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.extraction import timex_calendar as cal

if TYPE_CHECKING:
    from timeline.extraction.types import TemporalExpression

PRECISIONS = cal.PRECISIONS
PRECISION_RANK = cal.PRECISION_RANK
MODS = ("", "START", "MID", "END", "APPROX", "BEFORE", "AFTER")
# Modifiers that narrow the period itself (early/mid/late) rather than qualify it.
PART_MODS = ("START", "MID", "END")

_MOD_PREFIX = {
    "START": "early ",
    "MID": "mid ",
    "END": "late ",
    "APPROX": "c. ",
    "BEFORE": "before ",
    "AFTER": "after ",
}


class DateTextError(ValueError):
    """Raised when a typed date cannot be read or leaves the calendar's range."""


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date at the precision the sources gave it.

    ``value`` is the TIMEX3 value ("2020-09", "2021-W07"), ``mod`` its modifier ("" or
    START, MID, END, APPROX, BEFORE, AFTER), ``precision`` one of :data:`PRECISIONS`, and
    ``start``/``end`` the inclusive calendar interval it covers ("early February 2021" is
    1-10 Feb).
    """

    value: str
    precision: str
    start: datetime.date
    end: datetime.date
    mod: str = ""

    # --- Making one ---------------------------------------------------------------------

    @classmethod
    def of_period(cls, period: cal.Period, mod: str = "") -> EventDate:
        """The date of a calendar period, narrowed by an early/mid/late ``mod``."""
        start, end = cal.part_interval(period, mod)
        return cls(period.value, period.precision, start, end, mod if mod in MODS else "")

    @classmethod
    def of_day(cls, day: datetime.date) -> EventDate:
        """The date of one day."""
        return cls.of_period(cal.day(day))

    @classmethod
    def from_expression(cls, expr: TemporalExpression) -> EventDate:
        """The date an extracted expression gives (a point or period: ``expr.is_dating``)."""
        if expr.interval_start is None or expr.interval_end is None:
            raise ValueError(f"{expr.text!r} does not date anything")
        precision = expr.precision if expr.precision in PRECISION_RANK else "day"
        mod = expr.mod if expr.mod in MODS else ""
        value = expr.value[:32]
        if "T" in value and precision == "day":
            # A clock time or part of day ("Friday afternoon", "8am") dates its day; the
            # time stays in the expression and its trail.
            value = value.split("T", 1)[0]
        start, end = expr.interval_start, expr.interval_end
        period = cal.from_value(value)
        if period is not None and period.precision == precision and mod not in ("BEFORE", "AFTER"):
            # The calendar, not the resolver's arithmetic, says what a value covers (a
            # February shifted from a common year to a leap year keeps its 29th).
            start, end = cal.part_interval(period, mod)
        return cls(value, precision, start, end, mod)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        anchor: datetime.date,
        language: str = "en",
        precision: str = "",
        mod: str | None = None,
    ) -> EventDate:
        """Read a date an editor typed ("12 Feb 2021", "early March 2020", "last week").

        Relative phrases are read against ``anchor``. ``precision`` and ``mod``, when
        given, override what was read (``mod=None`` keeps it): see :meth:`at`. Raises
        :class:`DateTextError` with a message for the editor when the text is no date.
        """
        from timeline.extraction.tagger import normalise_phrase

        try:
            expr = normalise_phrase(text, anchor=anchor, language=language)
        except Exception:  # the normaliser must never turn a typo into a server error
            expr = None
        if expr is None or not expr.is_dating:
            raise DateTextError(
                f"Could not read a date from “{text}”. Try “12 Feb 2021”, “early March 2020”, "
                "“Q3 2019” or “2019”."
            )
        return cls.from_expression(expr).at(precision=precision, mod=mod)

    # --- Reading it ---------------------------------------------------------------------

    @property
    def rank(self) -> int:
        """0 for a day ... 6 for a decade: sorting by (start, rank) puts finer dates first."""
        return PRECISION_RANK.get(self.precision, len(PRECISIONS))

    @property
    def period(self) -> cal.Period | None:
        """The calendar period the value names (None for values it cannot place)."""
        return cal.from_value(self.value)

    @property
    def display(self) -> str:
        """The date as a reader should see it, following its precision and modifier."""
        period = self.period
        if period is None or period.precision != self.precision:
            # A value the calendar cannot place (a clock time, an old row): the period of
            # the stated precision around the start, never a fake first of the month.
            try:
                period = cal.containing(self.precision, self.start)
            except (ValueError, cal.OutOfRange):
                period = None
        if period is not None and self.precision in PRECISION_RANK:
            core = cal.label(period)
        elif self.start == self.end:
            core = cal.label(cal.day(self.start))
        else:
            core = f"{cal.label(cal.day(self.start))} – {cal.label(cal.day(self.end))}"
        return _MOD_PREFIX.get(self.mod, "") + core

    @property
    def interval_label(self) -> str:
        """ "2021-02-01 – 2021-02-10", or one ISO date when the interval is a single day."""
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    def overlaps(self, other: EventDate) -> bool:
        """True when the two intervals share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def within(self, other: EventDate) -> bool:
        """True when this interval lies inside ``other``'s."""
        return other.start <= self.start and self.end <= other.end

    # --- Changing it --------------------------------------------------------------------

    def at(self, *, precision: str = "", mod: str | None = None) -> EventDate:
        """This date re-read at another precision or with another modifier.

        The value and interval are derived again from the period the date falls in, so
        "12 Feb 2021" at month precision is 2021-02 (1-28 Feb), never a fake day.
        """
        new_precision = precision or self.precision
        new_mod = self.mod if mod is None else mod
        if new_precision == self.precision and new_mod == self.mod:
            return self
        if new_precision not in PRECISION_RANK or new_mod not in MODS:
            raise DateTextError(f"Unknown precision or modifier: {new_precision!r}, {new_mod!r}")
        try:
            period = cal.containing(new_precision, self.start)
        except (ValueError, cal.OutOfRange) as exc:
            raise DateTextError(f"That date is out of range: {exc}") from None
        return EventDate.of_period(period, new_mod)

    @classmethod
    def of_fields(cls, obj: object, prefix: str = "date_") -> EventDate:
        """The date held in ``obj``'s columns ``<prefix>value``, ``<prefix>precision``...
        (a model, a plain row, or a dict from ``.values()``): :meth:`as_fields` reversed."""
        get = obj.get if isinstance(obj, dict) else lambda name: getattr(obj, name)
        return cls(
            get(f"{prefix}value"),
            get(f"{prefix}precision"),
            get(f"{prefix}start"),
            get(f"{prefix}end"),
            get(f"{prefix}mod"),
        )

    def as_fields(self, prefix: str = "date_") -> dict:
        """The model columns holding this date (``date_value``, ``date_mod``, ...)."""
        return {
            f"{prefix}value": self.value,
            f"{prefix}mod": self.mod,
            f"{prefix}precision": self.precision,
            f"{prefix}start": self.start,
            f"{prefix}end": self.end,
        }
