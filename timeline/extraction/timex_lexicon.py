"""The closed word classes the temporal grammar is built from, read from a language's data.

For a language on the generic path (every dateparser language, and the resource files that
build on it) the words come from dateparser's locale data (:mod:`.timex_locale`) and the
resource file adds its own. English, French and Spanish, whose files predate the generic
grammar, take month and weekday names from dateparser where the file says so (so spelling
variants such as "setiembre" are covered), filtered to forms that are unambiguous in
running text, and list the rest themselves. Every word is folded the way the tagger folds
text (Arabic-Indic digits, letter variants: see ``[folds]`` in common.toml). Nothing here
names a language: the words are in ``timeline/extraction/languages/<code>.toml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .timex_locale import MONTH_KEYS, WEEKDAY_KEYS, LocaleWords, folder, locale_words

# Word tables the resolvers look words up in, one table a section of the language's file:
# season words -> TIMEX3 season codes, ordinals -> 1..4 (quarters, halves), deictic words
# -> day offsets (today 0, yesterday -1), reference words -> PRESENT_REF / PAST_REF /
# FUTURE_REF, reference words a past tense nearby makes narration (soon: within 3 words),
# set adverbs -> SET values (daily P1D), stems of set adjectives -> SET values
# (quotidien P1D), approximation words -> TIMEX3 mods,
# decade words -> the decade's first year in a century (nineties 90), spoken numbers of
# years (nineteen, ninety), anaphors -> steps from the previous date (le lendemain 1),
# offset words -> "forward"/"back" (+ "-prep" when they may take an object: "after"),
# dual unit words -> the count they carry ("يومين": 2).
TABLES = (
    "seasons",
    "bare_seasons",
    "terms",
    "ordinals",
    "deictic",
    "references",
    "narrated",
    "set_adverbs",
    "set_adjectives",
    "approximations",
    "decades",
    "spoken_tens",
    "spoken_ones",
    "anaphors",
    "offset_words",
    "clock",
    "duals",
    "holiday_words",
)


@dataclass(frozen=True)
class Lexicon:
    """The closed word classes of one language, ready to splice into regexes."""

    language: str
    months: dict[str, int]
    month_abbr: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    future: re.Pattern[str]
    past: re.Pattern[str]
    past_suffix: re.Pattern[str] | None = None
    future_suffix: re.Pattern[str] | None = None
    reporting: frozenset[str] = frozenset()
    # Where tense is an inflection (French, Spanish), a tense ending is as good as a listed
    # word; elsewhere ("-ed") it is only a guess.
    inflected_tense: bool = False
    auxiliaries: frozenset[str] = frozenset()
    participle: re.Pattern[str] | None = None
    determiners: frozenset[str] = frozenset()
    present_plan: re.Pattern[str] | None = None
    # Number words that multiply what comes before them ("two hundred").
    multipliers: frozenset[str] = frozenset()
    # Words joining tens and units ("vingt et un", "treinta y dos"), and the units they join.
    joiners: tuple[str, ...] = ()
    joined_units: tuple[str, ...] = ()
    # Word -> offset (-1, 0, 1, or "prev-1"/"prev+1" for words that continue the story).
    relative: dict[str, int | str] = field(default_factory=dict)
    # Word -> TIMEX3 mod ("early": START), part of day -> code ("morning": MO).
    modifiers: dict[str, str] = field(default_factory=dict)
    parts_of_day: dict[str, str] = field(default_factory=dict)
    # Spelled-out days of the month ("twenty-third": 23, "twenty third": 23).
    day_words: dict[str, int] = field(default_factory=dict)
    # Dateline abbreviations ("16 mar (EFE)"), read only where the dateline rule matched.
    dateline_month_abbr: dict[str, int] = field(default_factory=dict)
    # Month names that are also names of people ("Theresa May").
    name_months: frozenset[str] = frozenset()
    # Endings of a present-tense reporting verb ("dice", "déclare"): it reports now.
    present_reporting_endings: tuple[str, ...] = ()
    # A plan that governs its whole clause ("is scheduled to meet ... on Thursday").
    plan_clause: re.Pattern[str] | None = None
    # The verb of having an age, right before "58 ans" / "52 años".
    age_verb: re.Pattern[str] | None = None
    # The language's switches (see the [features] table of its file).
    features: dict[str, bool] = field(default_factory=dict)
    # The story's own time (the [story] table): words before a date that make it the start
    # of a span reaching to now ("since 2011"), and words before a bare year that make it
    # name a thing ("the 2002 ruling"); neither sets the time of the story being told.
    story_since: re.Pattern[str] | None = None
    story_modifiers: frozenset[str] = frozenset()
    # Words (and, where tense is an inflection, endings) that speak of what is to come from
    # the writer's now ("will", "anunciará"): a date they govern is not in a past story.
    story_ahead: frozenset[str] = frozenset()
    # Words of a plan right before a date ("a planned campaign in 1976"): it is what was
    # intended, not the time the story has reached.
    story_plans: frozenset[str] = frozenset()
    # Auxiliaries of a past perfect right before a date ("who had spent the spring"): the
    # date lies before the story's time.
    story_pluperfect: frozenset[str] = frozenset()
    # ... unless one of these stands right before the date ("had been repulsed by
    # January"): the date is then the time the story has reached.
    story_reached: frozenset[str] = frozenset()
    # Words that make the date a few words after them the end of a span ("lasted until the
    # fall of Budapest in February 1945"): a glance forward, not the time the story has
    # reached.
    story_until: frozenset[str] = frozenset()
    story_ahead_suffix: re.Pattern[str] | None = None
    # TimeML extents (the [extent] table): an article right before an expression that the
    # language's TimeBank counts in it ("le 30 juin", "el 12 de octubre").
    extent_article: re.Pattern[str] | None = None
    # Fixed relative phrases -> (unit, offset): "позавчера" -> ("day", -2).
    phrases: dict[str, tuple[str, int]] = field(default_factory=dict)
    # Words for "p.m." (a clock time after them is in the afternoon); empty: "p..." is p.m.
    pm_words: frozenset[str] = frozenset()
    # What dateparser's locale data gave (the generic grammar's word classes).
    locale: LocaleWords = field(default_factory=LocaleWords)
    # The one-to-one character folds applied to text before matching.
    fold: dict[int, int] = field(default_factory=dict)
    # The word tables of TABLES, by name (keys folded and lower case).
    tables: dict[str, dict] = field(default_factory=dict)
    # The [[holidays]] of the language file, names folded and lower case.
    holidays: tuple[dict, ...] = ()
    # The [cues] of the language file: compiled patterns and word sets by name.
    cues: dict[str, object] = field(default_factory=dict)

    def cue_re(self, name: str) -> re.Pattern[str] | None:
        """The compiled cue pattern ``name`` of ``[cues]`` (None when the file has none)."""
        found = self.cues.get(name)
        return found if isinstance(found, re.Pattern) else None

    def cue_words(self, name: str) -> frozenset[str]:
        """The cue word list ``name`` of ``[cues]`` (empty when the file has none)."""
        found = self.cues.get(name)
        return found if isinstance(found, frozenset) else frozenset()

    def table(self, name: str) -> dict:
        """The word table ``name`` of :data:`TABLES` ({} when the language has none)."""
        return self.tables.get(name, {})

    def feature(self, name: str) -> bool:
        """Whether the language file turns feature ``name`` on (off when not listed)."""
        return bool(self.features.get(name, False))

    @functools.cached_property
    def month_re(self) -> str:
        """Alternation of full month names (longest first)."""
        return alternation(self.months)

    @functools.cached_property
    def weekday_re(self) -> str:
        """Alternation of weekday names (longest first)."""
        return alternation(self.weekdays)

    @functools.cached_property
    def number_re(self) -> str:
        """Alternation of number words, digits and compound English numbers."""
        # An empty class must match nothing, not the empty string.
        words = alternation(self.numbers) or "(?!)"
        tens = (
            alternation([w for w, v in self.numbers.items() if v >= 20 and v % 10 == 0]) or "(?!)"
        )
        ones = alternation([w for w, v in self.numbers.items() if 1 <= v <= 9 and len(w) > 2])
        ones = ones or "(?!)"
        # Bounded and anchored at the start of a digit run, so a long run of digits costs
        # one attempt, not one per digit.
        digits = r"(?<![\d,.])(?:\d{1,3}(?:,\d{3}){1,3}|\d{1,7}(?:\.\d{1,3})?)(?![\d])(?:\s+1/2|½)?"
        multipliers = [w for w in self.numbers if w in self.multipliers]
        scaled = ""
        if multipliers:
            # "two hundred", "one thousand": a small count times a multiplier word.
            scaled = rf"(?:(?:{ones}|a|an|one)\s+)(?:{alternation(multipliers)})\b|"
        joined = ""
        if self.joiners:
            # "vingt et un", "treinta y dos": tens joined to units by a word.
            extra = "|".join(self.joined_units)
            joined = rf"(?:{tens})\s+(?:{'|'.join(self.joiners)})\s+(?:{ones}|{extra})\b|"
        return rf"(?:{digits}|{scaled}{joined}(?:{tens})[- ](?:{ones})|(?:{words}))"

    @functools.cached_property
    def unit_re(self) -> str:
        """Alternation of unit words (singular and plural)."""
        return alternation(self.units)

    def number(self, word: str) -> float | None:
        """Numeric value of a number word or digits; None when it is not a number."""
        w = word.lower().replace(",", "")
        try:
            return float(w)
        except ValueError:
            pass
        total = 0
        for part in re.split(r"[- ]+", w):
            if part in self.joiners and total:
                continue  # "vingt et un", "treinta y dos"
            if part not in self.numbers:
                return None
            if part in self.multipliers:
                total = (total or 1) * self.numbers[part]
            else:
                total += self.numbers[part]
        return float(total)


def alternation(words: dict[str, object] | list[str]) -> str:
    """A regex alternation of ``words``, longest first, with regex metacharacters escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _locale_names(language: str, keys: tuple[str, ...], bad: frozenset[str]) -> dict[str, int]:
    """Month or weekday names from dateparser's locale data, mapped to 1-based indexes."""
    out: dict[str, int] = {}
    try:
        from dateparser.languages.loader import LocaleDataLoader

        info = LocaleDataLoader().get_locale(language).info
    except Exception:  # dateparser data missing: fall back to nothing, the caller adds basics
        return out
    for index, key in enumerate(keys, start=1):
        forms = info.get(key, [])
        longest = max((len(f) for f in forms), default=0)
        for form in forms:
            f = form.lower()
            if f in bad or (len(f) < 4 and len(f) < longest):
                continue
            out[f] = index
    return out


def _names(language, section: str, keys: tuple[str, ...]) -> dict[str, int]:
    table = language.section(section)
    names: dict[str, int] = {}
    if table.get("dateparser_names"):
        code = language.section("language").get("dateparser", language.code)
        names = _locale_names(code, keys, frozenset(table.get("ambiguous", ())))
    names.update(table.get("forms", {}))
    return names


def _words_re(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?i)^(?:{'|'.join(words)})$")


def _suffix_re(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(rf"(?i){pattern}") if pattern else None


def _folded(table, fold):
    """A word table with its keys folded (``fold`` from :func:`.timex_locale.folder`)."""
    return {fold(k): v for k, v in table.items()}


def build_lexicon(language) -> Lexicon:
    """The :class:`Lexicon` of a :class:`~.languages.Language`, from its data."""
    numbers = language.section("numbers")
    tense = language.section("tense")
    months = language.section("months")
    weekdays = language.section("weekdays")
    table = language.fold
    fold = folder(table)
    words = locale_words(language.locale, table) if language.generic else LocaleWords()
    if language.generic:
        drop = {fold(w) for w in months.get("ambiguous", ())}
        month_names = {
            **{k: v for k, v in words.months.items() if k not in drop},
            **_folded(months.get("forms", {}), fold),
        }
        month_abbr = {
            **{k: v for k, v in words.month_abbr.items() if k not in drop},
            **_folded(months.get("abbreviations", {}), fold),
        }
        drop = {fold(w) for w in weekdays.get("ambiguous", ())}
        weekday_names = {
            **{k: v for k, v in words.weekdays.items() if k not in drop},
            **_folded(weekdays.get("forms", {}), fold),
        }
        cardinals = {**words.numbers, **_folded(numbers.get("cardinals", {}), fold)}
        units = {**words.units, **_folded(language.section("units"), fold)}
        relative = {**words.relative, **_folded(language.section("relative"), fold)}
        phrases = {
            **words.phrases,
            **{fold(k): (v[0], int(v[1])) for k, v in language.section("phrases").items()},
        }
        features = {
            "month_first_numeric_dates": words.date_order.startswith("M"),
            "year_first_numeric_dates": words.date_order.startswith("Y"),
            **language.section("features"),
        }
    else:
        month_names = _names(language, "months", MONTH_KEYS)
        month_abbr = dict(months.get("abbreviations", {}))
        weekday_names = _names(language, "weekdays", WEEKDAY_KEYS)
        cardinals = dict(numbers.get("cardinals", {}))
        units = dict(language.section("units"))
        relative = dict(language.section("relative"))
        phrases = {}
        features = dict(language.section("features"))
    pm = {fold(w) for w in language.section("clock").get("pm", ())} | set(words.pm)
    return Lexicon(
        language.code,
        month_names,
        month_abbr,
        weekday_names,
        cardinals,
        units,
        _words_re([fold(w) for w in tense.get("future", [])]),
        _words_re([fold(w) for w in tense.get("past", [])]),
        past_suffix=_suffix_re(tense.get("past_suffix")),
        future_suffix=_suffix_re(tense.get("future_suffix")),
        reporting=frozenset(fold(w) for w in tense.get("reporting", ())),
        inflected_tense=bool(tense.get("inflected", False)),
        auxiliaries=frozenset(fold(w) for w in tense.get("auxiliaries", ())),
        participle=_suffix_re(tense.get("participle")),
        determiners=frozenset(fold(w) for w in tense.get("determiners", ())),
        present_plan=_words_re(tense["present_plan"]) if tense.get("present_plan") else None,
        multipliers=frozenset(numbers.get("multipliers", ())),
        joiners=tuple(numbers.get("joiners", ())),
        joined_units=tuple(numbers.get("joined_units", ())),
        relative=relative,
        modifiers=_folded(language.section("modifiers"), fold),
        parts_of_day=_folded(language.section("parts_of_day"), fold),
        day_words=_day_words(language.section("day_words")),
        dateline_month_abbr=dict(months.get("dateline_abbreviations", {})),
        name_months=frozenset(months.get("also_names", ())),
        present_reporting_endings=tuple(tense.get("present_reporting_endings", ())),
        plan_clause=_suffix_re(tense.get("plan_clause")),
        age_verb=_suffix_re(numbers.get("age_verb")),
        features=features,
        phrases=phrases,
        pm_words=frozenset(pm),
        locale=words,
        fold=table,
        tables={name: _folded(language.section(name), fold) for name in TABLES},
        cues={
            k: re.compile(v) if isinstance(v, str) else frozenset(fold(w) for w in v)
            for k, v in language.section("cues").items()
        },
        holidays=tuple(
            {**spec, "names": frozenset(fold(n) for n in spec.get("names", ()))}
            for spec in language.data.get("holidays", ())
        ),
        **_story_fields(language, fold),
    )


def _story_fields(language, fold) -> dict[str, object]:
    """The :class:`Lexicon` fields read from the ``[story]`` and ``[extent]`` tables."""
    story = language.section("story")

    def words(name: str) -> frozenset[str]:
        return frozenset(fold(w) for w in story.get(name, ()))

    return {
        "story_since": _before_re([fold(w) for w in story.get("since", ())]),
        "story_modifiers": words("modifiers"),
        "story_ahead": words("ahead"),
        "story_plans": words("plans"),
        "story_pluperfect": words("pluperfect"),
        "story_reached": words("reached"),
        "story_until": words("until"),
        "story_ahead_suffix": _suffix_re(story.get("ahead_suffix")),
        "extent_article": _article_re(
            [fold(w) for w in language.section("extent").get("articles", ())]
        ),
    }


def _article_re(words) -> re.Pattern[str] | None:
    """A pattern for one of the articles ``words`` ending the text it is searched in: a
    word and a space ("le "), or an elided article written against the next word ("l'")."""
    if not words:
        return None
    spaced = [re.escape(w) for w in words if not w.endswith(("'", "’"))]
    elided = [re.escape(w[:-1]) for w in words if w.endswith(("'", "’"))]
    parts = []
    if spaced:
        parts.append(rf"(?:{'|'.join(sorted(spaced, key=len, reverse=True))})\s+")
    if elided:
        parts.append(rf"(?:{'|'.join(sorted(set(elided), key=len, reverse=True))})['’]")
    return re.compile(rf"(?i)(?<![\w'’-])(?:{'|'.join(parts)})$")


def _before_re(words) -> re.Pattern[str] | None:
    """A pattern for one of ``words`` ending the text it is searched in (articles and
    modifiers such as "early" may stand between it and the date)."""
    if not words:
        return None
    escaped = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(rf"(?i)(?<![\w'’])(?:{'|'.join(escaped)})\s+(?:\S+\s+)?$")


def _day_words(table) -> dict[str, int]:
    """The file's spelled-out days, each hyphenated one also spelled with a space."""
    out: dict[str, int] = {}
    for word, day in table.items():
        out[word] = day
        if "-" in word:
            out[word.replace("-", " ")] = day
    return out


def lexicon(language: str) -> Lexicon:
    """The lexicon for ``language`` (read as :func:`.languages.fallback` says)."""
    from . import languages

    return languages.fallback(language).lexicon
