"""The temporal grammar: regexes over words that find TIMEX3 extents, per language.

Each :class:`Rule` pairs a compiled pattern with the name of the resolver that turns a match
into a value (see :mod:`timeline.extraction.resolve`). Patterns share named groups so one
resolver serves every language: ``mon`` (month name), ``d`` (day of month), ``y`` (year),
``wd`` (weekday), ``rel`` (last/next/this and their French and Spanish equivalents), ``u``
(unit word), ``n`` (a count), ``mod`` (early/mid/late...), ``part`` (part of day).

Patterns are plain alternations with bounded repetition, so a scan is linear in the text;
they never call dateparser.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import languages
from .timex_lexicon import Lexicon, alternation, lexicon

YEAR = r"(?<![\d,.$£€#])(?P<y>1\d{3}|2[0-2]\d\d)(?![\d%]|,\d|\.\d)"
DAYNUM = r"(?<![\d,.])(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|er|º)?(?![\d%])"
# Spelled-out days of the month ("March eighth", "the twenty-third of May").
DAY_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
for _unit, _n in list(DAY_WORDS.items())[:9]:
    DAY_WORDS[f"twenty-{_unit}"] = 20 + _n
    DAY_WORDS[f"twenty {_unit}"] = 20 + _n
DAY_WORDS["thirty-first"] = DAY_WORDS["thirty first"] = 31
_DAY_WORD_RE = "|".join(sorted((w.replace(" ", r"\s+") for w in DAY_WORDS), key=len, reverse=True))
DAYWORD = rf"(?P<dw>{_DAY_WORD_RE})(?![\w-])"
DAYWORD2 = DAYWORD.replace("?P<dw>", "?P<dw2>")

# Relative words -> offset (an int), or "prev+1"/"prev-1" for words that continue the story.
REL = {
    "last": -1,
    "past": -1,
    "this past": -1,
    "next": 1,
    "coming": 1,
    "this coming": 1,
    "this": 0,
    "current": 0,
    "previous": "prev-1",
    "preceding": "prev-1",
    "prior": "prev-1",
    "following": "prev+1",
    "dernier": -1,
    "dernière": -1,
    "passé": -1,
    "passée": -1,
    "prochain": 1,
    "prochaine": 1,
    "ce": 0,
    "cet": 0,
    "cette": 0,
    "précédent": "prev-1",
    "précédente": "prev-1",
    "suivant": "prev+1",
    "suivante": "prev+1",
    "pasado": -1,
    "pasada": -1,
    "el pasado": -1,
    "la pasada": -1,
    "próximo": 1,
    "próxima": 1,
    "el próximo": 1,
    "la próxima": 1,
    "que viene": 1,
    "este": 0,
    "esta": 0,
    "anterior": "prev-1",
    "siguiente": "prev+1",
}

MODS = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "first half": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "end": "END",
    "close": "END",
    "second half": "END",
    "début": "START",
    "milieu": "MID",
    "mi": "MID",
    "fin": "END",
    "principios": "START",
    "comienzos": "START",
    "inicios": "START",
    "mediados": "MID",
    "finales": "END",
    "fines": "END",
    "final": "END",
}

PARTS = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "matin": "MO",
    "après-midi": "AF",
    "soir": "EV",
    "soirée": "EV",
    "matinée": "MO",
    "nuit": "NI",
    "mañana": "MO",
    "tarde": "AF",
    "noche": "NI",
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One grammar rule: a rule id, the resolver it feeds and its compiled pattern."""

    name: str
    resolver: str
    pattern: re.Pattern[str]
    priority: int = 0


def _after_words(*words: str) -> str:
    """Zero-width: the position follows one of ``words`` and a space (fixed-width pieces)."""
    return "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in words) + ")"


def _cased(words: list[str]) -> str:
    """Alternation matching each word Capitalised or UPPER only (for "May", "March")."""
    forms: list[str] = []
    for w in words:
        forms += [w[:1].upper() + w[1:], w.upper()]
    return "(?-i:" + alternation(forms) + ")"


def _en_month_full(lex: Lexicon) -> str:
    # "march", "may", "august" are ordinary words in lower case; the rest are not.
    lower_ok = [m for m in lex.months if m not in ("march", "may", "august", "april", "june")]
    return f"(?:{_cased(list(lex.months))}|{alternation(lower_ok)})"


def _en_month_any(lex: Lexicon) -> str:
    abbr = [a[:1].upper() + a[1:] for a in lex.month_abbr]
    return rf"(?:{_en_month_full(lex)}|(?-i:{alternation(abbr)})\.?)"


def _compile(rules: list[tuple[str, str, str] | tuple[str, str, str, int]]) -> tuple[Rule, ...]:
    out = []
    for item in rules:
        name, resolver, pattern = item[0], item[1], item[2]
        prio = item[3] if len(item) > 3 else 0  # type: ignore[misc]
        # Matches start at a word start; saying so lets the engine skip mid-word positions.
        compiled = re.compile(r"(?<!\w)(?:" + pattern + ")", re.IGNORECASE)
        out.append(Rule(name, resolver, compiled, prio))
    return tuple(out)


def _english() -> tuple[Rule, ...]:
    lex = lexicon("en")
    mon = _en_month_full(lex)
    mon_any = _en_month_any(lex)
    wd = lex.weekday_re
    num = lex.number_re
    units = lex.unit_re
    b = r"\b"
    mod = (
        r"(?:(?P<mod>early|late|mid|(?:the\s+)?(?:beginning|start|middle|end|close)\s+of|"
        r"(?:the\s+)?(?:first|second)\s+half\s+of)(?:\s+|-)(?:the\s+)?)?"
    )
    count = (
        rf"(?P<n>{num}(?:\s+and\s+a\s+half)?|a\s+few|a\s+couple\s+of|couple\s+of|"
        r"several|many|some|few|half\s+an?)"
    )
    rel = r"(?P<rel>last|next|this\s+past|this\s+coming|this|past|coming)"
    # "nearly two years", "more than four decades ago": TimeML keeps the modifier in the
    # extent and records it as mod.
    approx = (
        r"(?:(?P<approx>about|approximately|roughly|nearly|almost|more\s+than|less\s+than|"
        r"fewer\s+than|at\s+least|up\s+to|some|just\s+under|"
        # "under an hour": a bound before a count ("over two days" is only when)
        r"under(?=\s+(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d)\b))\s+)?"
    )
    part = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
    clock = (
        r"(?<![\d:.])(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*"
        r"(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b)|\b(?P<nm>noon|midnight|midday)\b)"
        r"(?:\s+(?P<tz>EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|ET|BST|CET|CEST|EET|EEST|MSK|IST|"
        r"PKT|JST|KST|AEST|AEDT|AWST|NZST|NZDT|EAT|CAT|WAT|SAST|local\s+time|"
        r"(?-i:[A-Z][a-z]+)\s+time)\b)?"
        # "9 a.m. EST Tuesday" is one expression; "at 6 p.m. on Sunday" two (the
        # preposition stays out of both), the clock still dated by the weekday.
        rf"(?:,?\s+(?P<wd>{wd})\b|\s+(?P<dd>today|yesterday|tomorrow|tonight)\b"
        rf"|,?\s+(?P<cmon>{mon_any})\s*(?P<cd>3[01]|[12]\d|0?[1-9])\b(?![\d,.]\d)"
        r"(?:,\s+(?P<cy>1\d{3}|20\d\d)\b)?)?"
    )
    rules = [
        (
            "iso-date",
            "iso",
            r"(?<![\d-])(?P<y>1\d{3}|2[0-2]\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
            r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?(?![\d-])",
            5,
        ),
        (
            "numeric-date",
            "numeric",
            r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<c>\d{4}|\d{2})(?![\d/])"
            r"(?:\s+(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?",
            5,
        ),
        (
            # "Jan. 23 to 24, 2017", "March 14-15": one date spanning the days
            "absolute-day",
            "abs_day",
            rf"(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon_any})\s*{DAYNUM}"
            r"(?:\s*(?:-|–|to|through)\s*(?P<d2>3[01]|[12]\d|0?[1-9])(?![\d%:.,]\d|[\d%])"
            # "Nov. 15 and 16," (not "March 3 and 40 people")
            r"|\s+and\s+(?P<d3>3[01]|[12]\d|0?[1-9])(?=\s*[,.;:)]|\s*$))?"
            rf"(?:,?\s+{YEAR})?{b}",
            4,
        ),
        (
            # "March eighth", "the twenty-third of May, 1998": spelled-out days
            "absolute-day",
            "abs_day",
            rf"(?:(?P<wd>{wd}),?\s+)?(?:(?P<mon>{mon})\s+(?:the\s+)?{DAYWORD}|the\s+{DAYWORD2}"
            rf"\s+of\s+(?P<mon2>{mon}))(?:,?\s+{YEAR})?{b}",
            4,
        ),
        (
            # "Nov. 24 that year", "in March the following year": the year of the story
            "month+anaphoric-year",
            "month_anaphoric_year",
            rf"(?P<mon>{mon_any})(?:\s*{DAYNUM})?,?\s+(?:of\s+)?(?P<rel>that|the\s+same|"
            r"the\s+following|the\s+next|the\s+previous|the\s+preceding|the\s+prior)\s+year\b",
            4,
        ),
        (
            "week-of-month",
            "week_of_month",
            r"the\s+(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+"
            rf"(?P<mon>{mon})(?:,?\s+{YEAR})?{b}",
            4,
        ),
        (
            "absolute-day",
            "abs_day",
            rf"(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?{DAYNUM}\s+(?:of\s+)?(?P<mon>{mon_any})"
            rf"(?:,?\s+{YEAR})?{b}",
            4,
        ),
        ("month-year", "month_year", rf"{mod}(?P<mon>{mon_any}),?\s+(?:of\s+)?{YEAR}", 4),
        (
            "month+relative-year",
            "month_rel_year",
            rf"{mod}(?:(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+)?(?P<mon>{mon})"
            rf"(?:\s+(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?,?)?\s+(?:of\s+)?"
            rf"(?P<rel>last|next|this)\s+year{b}",
            4,
        ),
        ("relative-month", "rel_month", rf"{mod}{rel}\s+(?P<mon>{mon}){b}", 3),
        ("month", "month", rf"{mod}(?P<mon>{mon}){b}", 1),
        (
            "year",
            "year",
            rf"{mod}(?:(?P<fy>fiscal(?:\s+year)?|calendar\s+year|the\s+year|FY)\s*)?{YEAR}",
            1,
        ),
        (
            "decade",
            "decade",
            rf"(?:the\s+)?{mod}(?:(?P<dy>1\d{{2}}0|20\d0)'?s{b}|(?<=the\s)'?(?P<dyy>\d)0'?s{b}|'(?P<dyy2>\d)0s{b}"
            r"|(?<=the\s)(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))",
            2,
        ),
        (
            "century",
            "century",
            rf"(?:the\s+)?{mod}(?:(?P<c>\d{{1,2}})(?:st|nd|rd|th)|"
            r"(?P<cw>nineteenth|twentieth|twenty-first|eighteenth))[\s-]+century"
            # "the end of the century": this one
            r"|the\s+(?P<cend>end|turn|middle|start|beginning)\s+of\s+the\s+century",
            2,
        ),
        (
            "season",
            "season",
            r"(?!(?:the\s+)?(?-i:Spring|Summer|Autumn|Fall|Winter)\s+(?-i:[A-Z]))"
            rf"(?P<the0>the\s+)?{mod}(?:(?P<rel>last|next|this\s+past|this\s+coming|this|past|coming)\s+|(?P<the>the\s+))?"
            r"(?P<s>spring|summer|autumn|fall|winter)"
            rf"(?:\s+(?:of\s+)?{YEAR}|\s+(?:of\s+)?(?P<rel2>last|next|this)\s+year)?{b}",
            2,
        ),
        (
            "quarter",
            "quarter",
            r"(?:(?P<the>the|this\s+year's|last\s+year's|next\s+year's)\s+(?!\w+-quarter))?"
            r"(?:(?:fiscal|calendar)\s+)?"
            r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)(?:\s+|-)(?:fiscal\s+)?quarter"
            rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?{YEAR}|\s+of\s+(?P<rel>this|last|next)\s+year)?{b}",
            3,
        ),
        ("quarter", "quarter", rf"{b}Q(?P<q>[1-4])(?:\s+{YEAR})?{b}", 3),
        (
            "quarter",
            "quarter",
            rf"the\s+{YEAR}\s+(?:fiscal\s+)?(?P<q>first|second|third|fourth)(?:\s+|-)quarter{b}",
            3,
        ),
        (
            "quarter",
            "quarter",
            r"the\s+(?P<q>last|final)\s+quarter\s+of\s+" + YEAR,
            3,
        ),
        (
            # "in the first half", "the second half of the year": the story's year
            "half-year",
            "half",
            r"the\s+(?P<h>first|second)\s+half(?:\s+of\s+the\s+year)?\b"
            r"(?!\s+of\b)(?![\s-]+(?:century|decade|match|game|season|term|session))",
            2,
        ),
        (
            "duration-compound",
            "duration_compound",
            rf"{count}\s+(?P<u>{units})\s+and\s+(?P<n2>{num})\s+(?P<u2b>{units}){b}",
            2,
        ),
        (
            "set-date",
            "set_date",
            rf"every\s+(?P<mon>{mon})\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?{b}",
            4,
        ),
        (
            "midyear",
            "the_period",
            r"(?P<mod>mid)-?(?P<u>year)\b(?![\s-]+(?:results|report|exams?|review|budget))",
            2,
        ),
        (
            # "three days a week": a rate, one SET
            "set",
            "set",
            rf"(?:{num})\s+(?P<times>days|nights|evenings|mornings)\s+a\s+(?P<u>week){b}",
            4,
        ),
        (
            "set",
            "set",
            r"(?:(?<=\bat\s)|(?<=\bon\s))(?P<u>weekend)s\b",
            2,
        ),
        (
            # "the January-March period", "the July-September quarter"
            "month-range-quarter",
            "month_range",
            rf"(?:the\s+)?(?P<m1>{mon})\s*[-–]\s*(?P<m2>{mon})(?:,?\s+{YEAR})?"
            r"(?:\s+(?P<what>period|quarter|months))?\b",
            4,
        ),
        (
            # "the same month last year", "the same quarter a year earlier"
            "same-period-last-year",
            "same_period",
            r"the\s+same\s+(?P<u>month|quarter|week|day|period|season)\s+(?:of\s+)?(?:last\s+year|"
            r"a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|prior|preceding)\s+year)\b",
            4,
        ),
        (
            "half-year",
            "half",
            r"(?:the\s+)?(?P<h>first|second|last)(?:(?:\s+|-)half|\s+two\s+quarters)\s+of\s+"
            rf"(?:{YEAR}|(?P<rel>this|last|next)\s+year|the\s+year)",
            3,
        ),
        (
            "quarter-reference",
            "quarter_ref",
            r"the\s+(?P<adj>latest|current|past|last|most\s+recent|previous|prior|next|coming|"
            r"same|year-earlier|year-ago)?\s*quarter\b(?!\s+of)(?!-to-)",
            1,
        ),
        (
            "year-ago-period",
            "year_ago",
            r"the\s+(?:comparable\s+|same\s+)?year-(?:earlier|ago)\s+(?P<what>(?:(?P<q>first|second|"
            r"third|fourth)\s+)?quarter|period|(?P<months>three|six|nine)\s+months)\b"
            r"|year-(?:earlier|ago)(?:\s+(?P<what2>quarter|period))?\b"
            r"|the\s+(?:same\s+)?(?P<what3>quarter|period)\s+a\s+year\s+(?:ago|earlier)\b",
            2,
        ),
        (
            "relative-unit",
            "rel_unit",
            rf"{mod}{rel}\s+(?P<u>week|weekend|month|year|decade|century|quarter){b}",
            3,
        ),
        (
            "relative-unit",
            "rel_unit",
            r"(?:the\s+)?(?P<rel>current|previous|following)\s+(?P<u>week|month|year|quarter)\b",
            2,
        ),
        ("past-unit", "past_unit", r"the\s+(?:past|last)\s+(?P<u>week|month|year)\b", 3),
        # "over the past decade": the determiner belongs to the extent, as for "the past year".
        ("relative-unit", "rel_unit", r"the\s+(?P<rel>past|last)\s+(?P<u>decade|century)\b", 3),
        (
            "week-of",
            "week_of",
            rf"the\s+week\s+of\s+(?P<mon>{mon_any})\s*{DAYNUM}(?:,?\s+{YEAR})?{b}",
            4,
        ),
        (
            "the-period",
            "the_period",
            rf"{mod}the\s+(?:(?:current|full|latest)\s+)?(?:fiscal\s+)?(?P<u>year|weekend|month)\b"
            r"(?!\s+(?:of|before|after|ahead|ago|earlier|later)\b)",
            1,
        ),
        (
            "year-period",
            "year",
            rf"the\s+{YEAR}\s+fiscal\s+year\b",
            2,
        ),
        ("year-quarter", "year_quarter", rf"the\s+{YEAR}\s+(?P<what>quarter|period)\b", 2),
        (
            "earlier-this-unit",
            "el_unit",
            r"(?P<el>earlier|later)\s+(?P<rel>this|last|next)\s+(?P<u>month|year)\b",
            3,
        ),
        (
            "anaphoric-unit",
            "anaphoric",
            r"the\s+(?P<rel>next|following|previous|preceding|prior|same)\s+"
            r"(?P<u>day|week|weekend|month|year|morning|afternoon|evening|night)\b",
            3,
        ),
        (
            "anaphoric-unit",
            "anaphoric",
            r"(?:(?P<el>later|earlier)\s+)?(?P<rel>that)\s+(?:same\s+|very\s+)?"
            r"(?P<u>day|week|month|year|morning|afternoon|evening|night)\b",
            3,
        ),
        (
            "anaphoric-day",
            "day_before",
            r"the\s+day\s+(?P<dir>before|after)(?!\s+(?:yesterday|tomorrow))\b",
            3,
        ),
        (
            "deictic-day",
            "deictic",
            r"(?:(?P<mod>early|late)\s+)?(?P<dd>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
            rf"yesterday|today|tomorrow|tonight){part}{b}",
            3,
        ),
        (
            "year-end",
            "year_end",
            r"(?<![\w-])(?:the\s+(?=year[\s-]end\b(?!\s+[a-z])))?year[\s-]end(?![\w-])"
            r"|(?<![\w-])year[’']s\s+end\b",
            2,
        ),
        (
            # "the latest period" in a report on quarterly results: the quarter reported
            "latest-period",
            "period_ref",
            r"the\s+(?:latest|most\s+recent)\s+period\b",
            2,
        ),
        (
            "duration",
            "duration",
            r"the\s+(?P<u>days|weeks|months|years)\s+ahead\b",
            2,
        ),
        (
            "mid-part-of-day",
            "mid_part",
            r"\bmid[\s-]?(?P<part>morning|afternoon|evening)"
            r"(?:\s+(?P<dd>yesterday|today|tomorrow))?\b(?![\s-]+(?:break|snack|tea|coffee)\b)",
            3,
        ),
        (
            # "placed orders in the morning": that part of the story's day
            "the-part-of-day",
            "mid_part",
            r"(?:(?<=\bin\s)|(?<=\bthrough\s)|(?<=\binto\s)|(?<=\bduring\s)|(?<=\bsince\s)|"
            r"(?<=\bspent\s)|(?<=\bthroughout\s))the\s+(?P<part>morning|afternoon|evening|night)\b"
            r"(?!\s+(?:of|session|sessions|paper|papers|edition|news|show|prayers?|shift|trading)\b)",
            2,
        ),
        (
            "deictic-part",
            "deictic_part",
            r"(?P<dd>this|last|tomorrow|yesterday)\s+(?P<part>morning|afternoon|evening|night)\b",
            3,
        ),
        (
            # "tallied by early afternoon": the start of that part of the story's day
            "the-part-of-day",
            "mid_part",
            r"(?:(?<=\bby\s)|(?<=\buntil\s)|(?<=\bin\s)|(?<=\bfrom\s)|(?<=\bthrough\s))"
            r"(?P<mod>early|late)\s+(?P<part>morning|afternoon|evening)\b(?!\s+(?:session|trading|edition))",
            2,
        ),
        (
            "weekday",
            "weekday",
            rf"{mod}(?:{rel}\s+)?(?P<wd>{wd}){part}(?!s\b){b}",
            2,
        ),
        (
            # "the previous Friday", "the following Monday": counted from the story's day
            "anaphoric-weekday",
            "anaphoric_weekday",
            rf"the\s+(?P<rel>previous|preceding|prior|following|next)\s+(?P<wd>{wd}){part}{b}",
            3,
        ),
        ("weekday-set", "weekday_set", rf"(?<=\bon\s)(?P<wd>{wd})s{b}", 2),
        (
            "ago",
            "ago",
            rf"(?:{approx}{count}\s+(?P<u>{units})|(?P<bare>years|months|weeks|days|decades))"
            rf"(?P<orso>\s+or\s+so)?\s+ago{b}",
            4,
        ),
        (
            "offset",
            "offset",
            rf"{approx}{count}\s+(?P<u>{units})\s+(?P<dir>later|earlier|afterwards?|before|after|"
            r"previously|prior)\b",
            3,
        ),
        (
            "present",
            "ref",
            r"\b(?P<ref>(?:right\s+)?now|currently|nowadays|presently|these\s+days)\b",
            1,
        ),
        ("past-ref", "ref", r"\b(?P<ref>recently|lately)\b", 1),
        (
            "past-ref",
            "ref",
            r"(?P<ref>the\s+past)(?!\s+(?:\d|few|several|couple|" + num + r"|" + units + r"))\b",
            1,
        ),
        (
            "future-ref",
            "ref",
            r"(?P<ref>the\s+(?:near\s+)?future|(?:(?<=\bat\s)|(?<=\bto\s)|(?<=\buntil\s)|(?<=\bfor\s))a\s+later\s+date|the\s+(?:near|short)\s+term(?![\w-])(?!\s+(?:debt|"
            r"loans?|rates?|interest|notes?|bonds?|securities|paper|borrowing|outlook|goals?|"
            r"contracts?|financing|memory)\b)|(?<!as\s)soon(?!\s+(?:as|after)))\b",
            1,
        ),
        ("present", "ref", r"(?P<ref>current)\b(?!\s+(?:year|month|week|quarter)\b)", 0),
        (
            "spoken-year",
            "spoken_year",
            # Broadcast transcripts: "January nineteen ninety-seven", "the winter of ..."
            rf"(?:(?P<smon>{mon}),?\s+(?:of\s+)?|the\s+(?P<ss>spring|summer|autumn|fall|winter)"
            r"\s+of\s+)?"
            r"(?:(?:the\s+year\s+)?(?P<sy>nineteen|eighteen)[\s-]+(?P<yy>(?:twenty|thirty|forty|"
            r"fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|"
            r"eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
            r"eighteen|nineteen|hundred)\b|(?:the\s+year\s+)?(?P<tt>two\s+thousand)"
            r"(?:\s+and\s+(?P<ty>one|two|three|four|five|six|seven|eight|nine|ten))?\b)"
            # "two thousand years", "nineteen hundred miles": a count, not a year
            r"(?![\s-]+(?:years?|months?|weeks?|days?|hours?|decades?|centuries|people|troops|"
            r"dollars|miles|kilometers|kilometres|soldiers|refugees|men|women|more|of)\b)",
            1,
        ),
        (
            "duration",
            "duration",
            approx + r"(?:(?P<lead>(?:the\s+)?(?:past|(?<!\bto\s)(?<!\bwill\s)(?<!\bcould\s)"
            r"(?<!\bwould\s)(?<!\bmay\s)(?<!\bcan\s)(?<!\bmight\s)(?<!\bshould\s)last|next|"
            r"first|coming|previous|final|latest|following|remaining|initial|recent)|the)\s+)?"
            + count
            + r"(?:\s+(?:more|additional|extra|full|long|straight|consecutive))?"
            + r"(?:\s+(?:trading|business|working))?"
            + rf"\s+(?P<u>{units})(?P<half>\s+and\s+a\s+half)?{b}(?![\s-]+(?:quarter|half)\b)(?!-)",
            1,
        ),
        (
            "duration",
            "duration",
            rf"(?P<lead>(?:the\s+)?(?:past|last|next|coming|recent)|the\s+(?:first|final|early|"
            rf"initial|opening))\s+(?P<u>years|months|weeks|days|decades|hours){b}",
            1,
        ),
        (
            "duration-adjective",
            "duration",
            rf"(?P<n>{num}|half)-(?P<u>second|minute|hour|day|week|month|year|decade|century)"
            rf"(?P<old>-old)?{b}",
            2,
        ),
        (
            # "a day-long strike", "decades-long conflict", "several-year programme"
            "duration-adjective",
            "duration",
            r"(?<!-)(?P<u>second|minute|hour|day|week|month|year|decade|century|"
            r"(?P<pl>seconds|minutes|hours|days|weeks|months|years|decades|centuries))-long\b"
            r"|(?<!-)(?P<u3>days|weeks|months|years|decades|centuries)-old\b"
            r"|(?P<n>several|many|multi)-(?P<u2>day|week|month|year|decade)\b(?!-old)",
            2,
        ),
        (
            "duration-plural",
            "duration",
            _after_words("for", "within", "over")
            + r"(?P<u>years|months|weeks|days|decades|hours|centuries)\b"
            r"(?!\s+(?:of|ago|later|earlier|before|after))",
            1,
        ),
        (
            "set",
            "set",
            rf"(?:every|each)\s+(?P<other>other\s+)?(?:(?P<n>{num})\s+)?"
            rf"(?P<u>{units}|{wd}|{mon}|morning|afternoon|evening|night|weekend|spring|summer|"
            rf"autumn|fall|winter){b}",
            3,
        ),
        (
            "set",
            "set",
            r"(?:(?:once|twice|three\s+times|four\s+times)\s+)?"
            r"\b(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly)\b"
            r"(?!\s+(?-i:[A-Z]))",
            1,
        ),
        (
            "set",
            "set",
            rf"(?P<times>once|twice|thrice|(?:{num})\s+times)\s+(?:a|an|per|each|every)\s+"
            r"(?P<u>second|minute|hour|day|week|month|quarter|year|decade)\b",
            3,
        ),
        ("set", "set_rate", r"\b(?:a|per)\s+(?P<u>year|month|week|day|hour)\b", 0),
        ("clock", "clock", r"(?:(?P<approx>about|around|approximately|roughly)\s+)?" + clock, 3),
        (
            # "until Thursday noon", "Friday midnight"
            "clock",
            "clock",
            rf"(?P<wd>{wd})\s+(?P<nm>noon|midnight)\b",
            3,
        ),
        (
            # "by 0915 GMT": a 24-hour time written without a colon, with its zone
            "clock",
            "clock",
            r"(?<![\d.,])(?P<hh>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?P<tz>GMT|UTC|EST|EDT|CET|CEST)\b",
            3,
        ),
        (
            "clock",
            "clock",
            _after_words("at", "by", "around", "about", "until", "till", "before", "after", "since")
            + r"(?P<h>1[0-2]|[1-9])(?:[:.](?P<mi>[0-5]\d))?(?:\s+o'clock)?\s+in\s+"
            r"the\s+(?P<pd>morning|afternoon|evening)\b",
            3,
        ),
        (
            "clock",
            "clock",
            _after_words("at", "by", "around", "until", "from", "before", "after", "since")
            + r"(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)"
            r"(?:\s*(?P<tz>GMT|UTC|BST|CET|CEST|EST|EDT|local\s+time|hours|hrs|h)\b)?(?![\d:])"
            # "at 2.46 billion guilders", "at 1.25 percent": amounts, not clock times
            r"(?!\s*(?:%|[a-z]*illions?\b|thousands?\b|bn\b|percent|per\s+cent|pct\b|points?\b|"
            r"cents?\b|pence\b|times\b|a\s+share\b|per\s+share\b))",
            3,
        ),
        (
            "holiday",
            "holiday",
            r"(?:(?P<the>the\s+)?(?P<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|"
            r"Thanksgiving(?:\s+Day)?|Easter(?:\s+(?:Sunday|Monday))?|Valentine's\s+Day|Halloween|"
            r"Good\s+Friday|Labou?r\s+Day|Memorial\s+Day|Boxing\s+Day|Bastille\s+Day|"
            r"Armistice\s+Day|Veterans\s+Day|Easter\s+Saturday|Whit\s+Monday|Whit\s+Sunday|"
            r"Pentecost(?:\s+Sunday)?|Australia\s+Day|Canada\s+Day|Presidents['’]?\s+Day|"
            r"Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|Columbus\s+Day)"
            rf"(?P<wkend>\s+(?:weekend|holiday\s+weekend|holiday))?(?:\s+{YEAR})?{b})"
            # "the long Pentecost weekend"
            r"|(?P<the2>the\s+long\s+)(?P<hol2>Easter|Pentecost|Whitsun|Labou?r\s+Day|Memorial\s+Day)"
            r"(?P<wkend2>\s+weekend)\b",
            2,
        ),
    ]
    return _compile(rules)


def _romance(lang: str) -> tuple[Rule, ...]:
    lex = lexicon(lang)
    mon = lex.month_re
    wd = lex.weekday_re
    num = lex.number_re
    units = lex.unit_re
    b = r"\b"
    if lang == "fr":
        mod = (
            r"(?:(?:la\s+)?"
            r"(?P<mod>début|fin|mi|milieu)(?:\s+|-)(?:de\s+|d['’])?"
            r"(?:l['’]année\s+|l['’]an\s+)?)?"
        )
        count = rf"(?P<n>{num}|quelques|plusieurs)"
        approx = (
            r"(?:(?P<approx>environ|près\s+de|presque|un\s+peu\s+plus\s+de|un\s+peu\s+moins\s+de|"
            r"moins\s+de|plus\s+de|au\s+moins)\s+"
            r"|(?P<approx2>près\s+d['’]|moins\s+d['’]|plus\s+d['’]))?"
        )
        rel_after = (
            r"(?P<rel>dernière|dernier|passée|passé|prochaine|prochain|précédente|précédent|"
            r"suivante|suivant)\b"
        )
        the_unit = r"(?P<u>la\s+semaine|le\s+mois|l['’]année|l['’]an|le\s+week-end|le\s+trimestre)"
        this_unit = r"(?P<rel>cette|ce|cet)\s+(?P<u>semaine|mois|année|an|week-end|trimestre)"
        deictic = (
            r"(?P<dd>aujourd['’]hui|avant-hier|après-demain|hier|demain)"
            r"(?:\s+(?P<part>matin|soir|après-midi))?"
        )
        deictic_part = (
            r"(?P<dd>ce|cet|cette|hier|demain)\s+(?P<part>matin|soir|soirée|nuit|après-midi)\b"
            r"|la\s+(?P<part2>nuit)\s+(?P<dd2>dernière)\b"
        )
        ago = rf"il\s+y\s+a\s+{count}\s+(?P<u>{units})"
        offset_dir = r"(?P<dir>plus\s+tard|plus\s+tôt|après|auparavant|avant)"
        anaph = [
            (
                "anaphoric-day",
                "fixed_anaphor",
                r"(?P<fx>le\s+lendemain|la\s+veille|ce\s+jour-là|le\s+jour\s+même|ce\s+même\s+jour)",
            ),
        ]
        sets = (
            rf"(?:chaque|tous\s+les|toutes\s+les)\s+(?:(?P<n>{num})\s+)?"
            rf"(?P<u>{units}|(?:{wd})s?|week-ends?|soirs?|matins?|nuits?|été|hiver|printemps|automne){b}"
            r"|(?P<adv>quotidiennement|hebdomadairement|mensuellement|annuellement)\b"
            rf"|(?P<n2>{num})\s+(?P<times>fois)\s+par\s+(?P<u2>{units}){b}"
        )
        clocks = [
            # "à 15 heures", "dès 10h": the preposition stays out; "vers 8 h 30" is about
            # then; "4 heures du matin" says which half of the day
            r"(?:(?P<approx>vers)\s+|"
            + _after_words("à", "dès", "avant", "après", "depuis", "jusqu'à", "entre", "et")
            + r")"
            + r"(?:(?P<h>1[0-2]|0?[1-9])\s*(?:h|heures?)(?:\s*(?P<mi>[0-5]\d))?\s+"
            r"(?P<pd>du\s+matin|de\s+l['’]après-midi|du\s+soir)"
            r"|(?P<hh>[01]?\d|2[0-3])\s*(?:h|heures?)(?:\s*(?P<mi2>[0-5]\d))?)\b"
            r"(?:\s+(?P<tz>GMT|TU|heure\s+locale|heure\s+de\s+[A-Z][\w-]+))?",
            rf"(?:(?P<wd>{wd})\s+)?(?<![\w-])(?P<nm>minuit|midi)(?![\w-])",
            r"(?<![\d,.])(?P<hh>[01]?\d|2[0-3])\s*h(?:\s*(?P<mi2>[0-5]\d))?\s+(?P<tz>GMT|TU|UTC)\b",
            # "Depuis lundi, 5 heures du matin": the half of the day makes it a clock time
            r"(?<![\d,.])(?P<h>1[0-2]|0?[1-9])\s*(?:h|heures?)(?:\s*(?P<mi>[0-5]\d))?\s+"
            r"(?P<pd>du\s+matin|de\s+l['’]après-midi|du\s+soir)\b",
        ]
        decade = (
            r"(?:(?:(?:la\s+|le\s+)?(?P<mod>début|milieu|fin)\s+des\s+)|les\s+)?années\s+"
            r"(?:(?P<dy>1\d{2}0|20\d0)|(?P<dyy>\d)0|(?P<dw>vingt|trente|quarante|cinquante|"
            r"soixante|soixante-dix|quatre-vingt|quatre-vingts|quatre-vingt-dix))\b"
        )
        season = (
            rf"(?:(?P<the>l['’]|le\s+|cet\s+|ce\s+)?(?P<s>printemps|été|automne|hiver)"
            rf"(?:\s+(?P<rel>dernier|prochain)|\s+{YEAR})|(?P<the2>cet\s+|ce\s+)(?P<s2>printemps|été|automne|hiver))"
            # "à l'automne", "au printemps", "en hiver": the season the tense points to
            r"|(?:(?<=\bà\s)|(?<=\bici\s))(?P<the0>l['’])(?P<s3>automne|été|hiver)\b"
            r"|(?<=\bau\s)(?P<s4>printemps)\b"
            r"|(?<=\ben\s)(?P<s5>été|automne|hiver)\b"
        )
        quarter = (
            r"(?P<q>premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e|dernier)\s+trimestre"
            rf"(?:\s+(?:de\s+)?{YEAR})?{b}"
        )
        romance_extra = [
            ("set", "set", r"(?<=\s)par\s+(?P<u>an|année|mois|semaine|jour)\b", 2),
            (
                "half-year",
                "half",
                r"(?P<h>premier|second|deuxième)\s+semestre(?:\s+(?:de\s+)?" + YEAR + r")?\b",
                3,
            ),
            (
                "holiday",
                "holiday",
                r"(?:la\s+)?(?P<hol>Toussaint)(?![\w-])",
                2,
            ),
            (
                "century",
                "century",
                r"(?:(?:le\s+|la\s+)?(?P<mod>début|fin|milieu)\s+du\s+|le\s+)?"
                r"(?:(?P<roman>XVIIIe|XIXe|XXe|XXIe)\s+siècle|siècle\s+(?P<crel>dernier))\b",
                3,
            ),
        ]
        extra = [
            (
                "the-part-of-day",
                "mid_part",
                r"(?:(?<=\bdans\s)(?:l['’]|la\s+)(?P<part>après-midi|matinée|soirée|nuit)"
                r"|(?<=\ben\s)(?P<part2>matinée|soirée))\b",
                2,
            ),
            (
                # "en début d'après-midi", "en fin de matinée"
                "the-part-of-day",
                "mid_part",
                r"(?<=\ben\s)(?P<mod>début|fin|milieu)\s+(?:d['’]|de\s+)(?P<part>après-midi|matinée|soirée)\b",
                2,
            ),
            (
                "duration-plural",
                "duration",
                _after_words("pendant", "depuis", "durant")
                + r"des\s+(?P<u>décennies|années|mois|semaines|siècles)\b",
                2,
            ),
        ]
        refs = [
            ("present", "ref", r"\b(?P<ref>maintenant|actuellement|à\s+présent)\b"),
            ("past-ref", "ref", r"\b(?P<ref>récemment)\b"),
            ("future-ref", "ref", r"(?P<ref>l['’]avenir|prochainement)\b"),
        ]
        abbr = alternation(lex.month_abbr) if lex.month_abbr else mon
        abs_days = [
            rf"(?:(?P<wd>{wd})\s+)?(?P<d>1er|3[01]|[12]\d|0?[1-9])"
            r"(?:\s+au\s+(?P<d2>3[01]|[12]\d|0?[1-9]))?"
            rf"\s+(?P<mon>{mon}|(?:{abbr})\.?)(?:\s+{YEAR}"
            r"|\s+de\s+l['’](?:an|année)\s+(?P<rel>dernière|dernier|passée|prochaine|prochain)"
            r"|\s+de\s+(?P<rel2>cette)\s+année)?\b",
        ]
        month_year = rf"{mod}(?P<mon>{mon})\s+(?:de\s+)?{YEAR}"
        # "septembre de l'an dernier", "juin de l'année prochaine", "mai de cette année"
        month_rel_year = (
            rf"{mod}(?P<mon>{mon})\s+(?:de\s+l['’](?:an|année)\s+(?P<rel>dernière|dernier|passée|"
            r"prochaine|prochain)|de\s+(?P<rel2>cette)\s+année)\b"
        )
        rel_month = [rf"{mod}(?P<mon>{mon})\s+{rel_after}{b}"]
        weekday = (
            rf"(?:(?P<rel2>ce)\s+)?(?P<wd>{wd})(?:\s+(?P<rel>dernier|prochain|passé))?"
            rf"(?:\s+(?P<part>matin|soir|après-midi))?{b}"
        )
        rel_unit_pre: list[str] = []
        # "les trois dernières années": the French adjective follows the number.
        lead_durations = [
            rf"(?P<lead>(?:les|ces)\s+)?{count}\s+(?:dernières|derniers|prochaines|prochains)\s+"
            rf"(?P<u>{units}){b}",
            # "les 48 heures suivantes"
            rf"(?P<lead>(?:les|ces)\s+){count}\s+(?P<u>{units})\s+(?:suivantes|suivants|"
            r"précédentes|précédents|dernières|derniers|prochaines|prochains)\b",
            # "les prochaines 72 heures", "les prochains jours" (a vague span)
            r"(?P<lead>(?:les|ces)\s+(?:prochaines|prochains|dernières|derniers)\s+)"
            rf"(?:{count}\s+)?(?P<u>{units}){b}",
        ]
        mod_year = [
            r"(?:le\s+|la\s+)?(?P<mod>début|fin|milieu)\s+(?:de\s+|du\s+)?(?P<u>l['’]année|l['’]an|"
            r"mois|la\s+semaine)\b(?!\s+(?:de|d['’]|\d|prochaine|dernière))"
        ]
    else:
        mod = (
            r"(?:(?P<mod>principios|comienzos|inicios|mediados|finales|fines)\s+de(?:l)?\s+"
            r"(?:año\s+)?)?"
        )
        count = rf"(?P<n>{num}|unos|unas|varios|varias|algunos|algunas|medio|media)"
        approx = (
            r"(?:(?P<approx>alrededor\s+de|cerca\s+de|casi|unos|unas|poco\s+más\s+de|poco\s+menos\s+de|"
            r"menos\s+de|más\s+de|al\s+menos|por\s+lo\s+menos)\s+)?"
        )
        rel_after = r"(?P<rel>pasado|pasada|próximo|próxima|que\s+viene|anterior|siguiente)\b"
        the_unit = r"(?P<u>la\s+semana|el\s+mes|el\s+año|el\s+fin\s+de\s+semana|el\s+trimestre)"
        this_unit = r"(?P<rel>este|esta)\s+(?P<u>semana|mes|año|trimestre)"
        deictic = (
            r"(?P<dd>anteayer|antier|pasado\s+mañana|ayer|hoy|(?<!la\s)(?<!esta\s)mañana(?!\s+por))"
            r"(?:\s+por\s+la\s+(?P<part>mañana|tarde|noche))?"
        )
        deictic_part = (
            r"(?P<dd>esta|ayer\s+por\s+la|mañana\s+por\s+la)\s+(?P<part>mañana|tarde|noche)\b"
            r"|(?P<an>anoche)"
        )
        ago = rf"hace\s+{count}\s+(?P<u>{units})"
        offset_dir = r"(?P<dir>después|más\s+tarde|antes)"
        anaph = [
            (
                "anaphoric-day",
                "fixed_anaphor",
                r"(?P<fx>el\s+día\s+siguiente|al\s+día\s+siguiente|la\s+víspera|el\s+día\s+anterior|"
                r"ese\s+mismo\s+día|ese\s+día|aquel\s+día)",
            ),
        ]
        sets = (
            rf"(?:cada)\s+(?:(?P<n>{num})\s+)?(?P<u>{units}|{wd}|fin\s+de\s+semana|noche|mañana|"
            rf"verano|invierno|primavera|otoño){b}"
            rf"|(?P<n2>{num})\s+(?P<times>veces?)\s+(?:por|al|a\s+la)\s+(?P<u3>{units}){b}"
            rf"|(?:todos\s+los|todas\s+las)\s+(?P<u2>{units}|{wd}|noches|mañanas){b}"
            r"|(?P<adv>diariamente|semanalmente|mensualmente|anualmente|cotidianamente)\b"
        )
        hour = r"(?:1[0-2]|0?[1-9])"
        clocks = [
            # "a las 11 de la mañana", "las 8 de la noche de este sábado", "las 00:00 del
            # jueves": "a" stays out, the article and the day stay in
            _after_words(
                "a", "desde", "hasta", "hacia", "sobre", "antes de", "después de", "pasadas"
            )
            + rf"las?\s+(?:(?P<h>{hour})(?:[:.](?P<mi>[0-5]\d))?\s+de\s+la\s+"
            r"(?P<pd>mañana|tarde|noche|madrugada)|(?P<hh>[01]?\d|2[0-4])(?:[:.](?P<mi2>[0-5]\d)"
            r"(?!\d)(?:\s+(?:horas|h)\b)?|(?!\d|[.,:]\d)(?:\s+(?:horas|h)\b)?"
            r"(?!\s+(?:personas|de\s+(?!la\b)|años|días|horas))))"
            rf"(?:\s+(?:del|de(?:\s+est[ea])?)\s+(?P<wd>{wd})"
            rf"|\s+del\s+(?P<cd>3[01]|[12]\d|0?[1-9])\s+de\s+(?P<cmon>{mon}))?{b}",
            r"(?:(?:el|la)\s+)?(?<![\w-])(?P<nm>medianoche|mediodía|mediodia)(?![\w-])"
            r"(?:\s+de\s+(?P<dd>hoy|ayer|mañana))?",
        ]
        decade = (
            r"(?:(?:(?P<mod>principios|comienzos|inicios|mediados|finales|fines)\s+de\s+)?"
            r"(?:los\s+(?:años\s+)?(?P<dy>1\d{2}0|20\d0)|los\s+años\s+(?P<dyy>\d)0|"
            r"los\s+años\s+(?P<dw>veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|"
            r"noventa))|"
            r"la\s+década\s+de(?:\s+los)?\s+(?:(?P<dy2>1\d{2}0|20\d0)|(?P<dyy2>\d)0|"
            r"(?P<dw2>veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)))\b"
        )
        season = (
            rf"(?:(?P<the>el\s+|este\s+|esta\s+)?(?P<s>primavera|verano|otoño|invierno)"
            rf"(?:\s+(?P<rel>pasado|pasada|próximo|próxima)|\s+de\s+{YEAR})|(?P<the2>este\s+|esta\s+)"
            r"(?P<s2>primavera|verano|otoño|invierno))"
            # "a finales del verano", "en el invierno": the season the tense points to
            r"|(?P<mod>principios|comienzos|inicios|mediados|finales|fines|final)\s+del\s+"
            r"(?P<s3>verano|otoño|invierno)\b|(?<=\ben\s)(?P<the0>el\s+)?(?P<s4>primavera|verano|"
            r"otoño|invierno)\b"
        )
        es_abbr = "ene|feb|mar|abr|may|jun|jul|ago|sep|sept|oct|nov|dic"
        dateline = [
            # "Buenos Aires, 16 mar (EFE)": a dateline's abbreviated month
            rf"(?<=,\s)(?P<d>3[01]|[12]\d|0?[1-9])\s+(?P<mon>{es_abbr})\.?(?:\s+{YEAR})?(?=\s*[(.,])",
        ]
        quarter = (
            r"(?:el\s+)?(?P<q>primer|segundo|tercer|cuarto|último)\s+trimestre"
            rf"(?:\s+(?:de|del)\s+{YEAR})?{b}"
        )
        romance_extra = [
            ("set", "set", r"(?<=\s)(?:al|por)\s+(?P<u>año|mes|semana|día)\b", 2),
            (
                "half-year",
                "half",
                r"(?P<h>primer|segundo)\s+semestre(?:\s+(?:de|del)\s+" + YEAR + r")?\b",
                3,
            ),
            (
                "century",
                "century",
                r"(?:(?P<mod>principios|comienzos|mediados|finales|fines)\s+del\s+|el\s+)?"
                r"siglo\s+(?:(?P<roman>XVIII|XIX|XXI|XX)|(?P<crel>pasado))\b",
                3,
            ),
            (
                "the-period",
                "the_period",
                r"el\s+(?P<u>fin\s+de\s+semana)\b(?!\s+(?:pasado|próximo|que\s+viene))",
                2,
            ),
        ]
        extra = [
            *[("absolute-day", "dateline_day", p, 4) for p in dateline],
            (
                # "por la tarde", "durante la mañana": that part of the story's day
                "the-part-of-day",
                "mid_part",
                r"(?:(?<=\bpor\s)la\s+(?P<part>tarde|noche)|(?<=\bdurante\s)la\s+(?P<part2>mañana|tarde|"
                r"noche))\b(?!\s+del?\s)",
                2,
            ),
            (
                # "ese mismo mes", "aquel año": the story's month or year
                "anaphoric-unit",
                "anaphoric",
                r"(?P<rel>ese|esa|aquel|aquella)\s+(?:mismo\s+|misma\s+)?(?P<u>mes|año|semana)\b",
                3,
            ),
            (
                # "la noche del domingo": that part of that day
                "weekday",
                "weekday",
                rf"la\s+(?P<part>noche|mañana|tarde)\s+del?\s+(?P<wd>{wd}){b}",
                3,
            ),
            (
                "duration-plural",
                "duration",
                _after_words("durante", "hace")
                + r"(?P<u>años|décadas|meses|semanas|siglos)\b(?!\s+de\s+\d)",
                1,
            ),
            (
                "relative-unit",
                "rel_unit",
                r"(?P<mod>principios|comienzos|inicios|mediados|finales|fines|final)\s+del\s+"
                r"(?:(?P<rel>próximo|pasado)\s+(?P<u>año|mes)|(?P<u2>año|mes)\s+(?P<rel2>pasado|"
                r"próximo|que\s+viene))\b",
                3,
            ),
        ]
        refs = [
            ("present", "ref", r"\b(?P<ref>ahora|actualmente|en\s+la\s+actualidad)\b"),
            ("past-ref", "ref", r"\b(?P<ref>recientemente)\b"),
            ("future-ref", "ref", r"(?P<ref>el\s+futuro|próximamente)\b"),
        ]
        abs_days = [
            r"(?:la\s+(?P<part>noche|mañana|tarde)\s+del\s+)?"
            rf"(?:(?P<wd>{wd})\s+)?(?P<d>3[01]|[12]\d|0?[1-9])(?:º)?\s+de\s+(?P<mon>{mon})"
            rf"(?:\s+(?:de|del)\s+{YEAR}|\s+del\s+año\s+(?P<rel>pasado|próximo|que\s+viene)"
            r"|\s+del\s+(?P<rel2>próximo|pasado)\s+año|\s+de\s+(?P<rel3>este)\s+año)?\b",
        ]
        month_year = rf"{mod}(?P<mon>{mon})\s+(?:de|del)\s+{YEAR}"
        # "septiembre del año pasado", "marzo del próximo año", "mayo de este año"
        month_rel_year = (
            rf"{mod}(?P<mon>{mon})\s+(?:del\s+año\s+(?P<rel>pasado|próximo|que\s+viene)|"
            r"del\s+(?P<rel2>próximo|pasado)\s+año|de\s+(?P<rel3>este)\s+año)\b"
        )
        rel_month = [
            rf"{mod}(?P<mon>{mon})\s+{rel_after}{b}",
            rf"(?P<rel>el\s+pasado|el\s+próximo)\s+(?:mes\s+de\s+)?(?P<mon>{mon}){b}",
        ]
        weekday = (
            rf"(?:(?P<rel2>el\s+próximo|el\s+pasado|este)\s+)?(?P<wd>{wd})"
            rf"(?:\s+(?P<rel>pasado|próximo|que\s+viene))?"
            r"(?:\s+por\s+la\s+(?P<part>mañana|tarde|noche))?\b"
        )
        rel_unit_pre = [
            r"(?P<rel>el\s+próximo|la\s+próxima|el\s+pasado|la\s+pasada)\s+"
            r"(?P<u>año|mes|semana|trimestre|fin\s+de\s+semana)\b"
        ]
        lead_durations = [
            rf"(?P<lead>(?:los|las)\s+(?:últimos|últimas|próximos|próximas)\s+)(?:{count}\s+)?"
            rf"(?P<u>{units}){b}",
            # "en la última semana", "el último mes": the span reaching to now
            r"(?P<lead>(?:la|el)\s+(?:última|último)\s+)(?P<u>semana|mes|año|década)\b",
        ]
        mod_year = [
            r"(?P<mod>principios|comienzos|inicios|mediados|finales|fines|fin)\s+de(?:l)?\s+"
            r"(?:(?P<u>año|mes)|la\s+(?P<u2>semana))\b(?!\s+(?:de|\d|pasad|próxim|que))"
        ]

    rules: list = [
        (
            "iso-date",
            "iso",
            r"(?<![\d-])(?P<y>1\d{3}|2[0-2]\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])",
            5,
        ),
        (
            "numeric-date",
            "numeric",
            r"(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<c>\d{4})(?![\d/])",
            5,
        ),
        *[("absolute-day", "abs_day", p, 4) for p in abs_days],
        ("month-year", "month_year", month_year, 4),
        ("month+relative-year", "month_rel_year", month_rel_year, 4),
        *[("month+relative", "rel_month", p, 3) for p in rel_month],
        ("month", "month", rf"{mod}(?P<mon>{mon}){b}", 1),
        ("year", "year", rf"{mod}{YEAR}", 1),
        ("decade", "decade", decade, 2),
        ("season", "season", season, 2),
        ("relative-unit", "rel_unit", rf"{the_unit}\s+{rel_after}", 3),
        ("relative-unit", "rel_unit", rf"{mod}{this_unit}{b}", 3),
        *[("relative-unit", "rel_unit", p, 3) for p in rel_unit_pre],
        ("deictic-day", "deictic", deictic, 3),
        ("deictic-part", "deictic_part", deictic_part, 3),
        ("weekday", "weekday", weekday, 2),
        ("ago", "ago", ago, 4),
        ("offset", "offset", rf"{count}\s+(?P<u>{units})\s+{offset_dir}", 3),
        *[(n, r, p, 3) for n, r, p in anaph],
        *[(n, r, p, 1) for n, r, p in refs],
        ("duration", "duration", rf"{approx}{count}\s+(?P<u>{units}){b}", 1),
        *[("duration", "duration", p, 2) for p in lead_durations],
        *[("the-period", "the_period", p, 2) for p in mod_year],
        ("set", "set", sets, 3),
        *[("clock", "clock", p, 3) for p in clocks],
        *extra,
        *romance_extra,
        ("quarter", "quarter", quarter, 3),
        (
            # "chaque 14 juillet", "cada 19 de septiembre": the same day every year
            "set-date",
            "set_date",
            r"(?:chaque|cada)\s+(?P<d>1er|3[01]|[12]\d|0?[1-9])\s+(?:de\s+)?"
            + rf"(?P<mon>{mon}){b}",
            4,
        ),
        (
            # "six ans et quatre mois", "dos años y tres meses"
            "duration-compound",
            "duration_compound",
            rf"{count}\s+(?P<u>{units})\s+(?:et|y)\s+(?P<n2>{num})\s+(?P<u2b>{units}){b}",
            2,
        ),
        (
            "holiday",
            "holiday",
            r"(?P<hol>la\s+veille\s+de\s+Noël|Noël|Pâques|Vendredi\s+saint|Saint-Sylvestre|"
            r"jour\s+de\s+l['’]An|Nochebuena|"
            r"Navidad|Nochevieja|Año\s+Nuevo|Viernes\s+Santo|Domingo\s+de\s+Ramos|Pascua)"
            rf"(?:\s+{YEAR})?(?![\w-])",
            2,
        ),
    ]
    return _compile(rules)


@functools.cache
def trigger_for(language: str) -> re.Pattern[str]:
    """A cheap pattern for the words rules are built around, one named group per class.

    Classes: ``digit``, ``month``, ``wd`` (weekday), ``unit`` and ``other`` (deictic and
    reference words, seasons, holidays). Each resolver only runs near its classes' hits.
    """
    lang = languages.fallback(language)
    lex = lang.lexicon
    month = alternation(sorted({*lex.months, *lex.month_abbr}))
    other = alternation(sorted(set(lang.section("triggers").get("other", ()))))
    return re.compile(
        rf"(?P<digit>\d)|\b(?:(?P<month>{month})|(?P<wd>{alternation(lex.weekdays)})|"
        rf"(?P<unit>{alternation(lex.units)})|(?P<other>{other}))\b",
        re.IGNORECASE,
    )


# Trigger classes each resolver's matches contain (see trigger_for).
NEEDS = {
    "iso": ("digit",),
    "numeric": ("digit",),
    "abs_day": ("month",),
    "dateline_day": ("digit",),
    "month_year": ("month",),
    "month_rel_year": ("month",),
    "month_anaphoric_year": ("month",),
    "week_of_month": ("month",),
    "rel_month": ("month",),
    "month": ("month",),
    "week_of": ("month",),
    "year": ("digit",),
    "decade": ("digit", "other", "unit"),
    "century": ("digit", "other", "unit"),
    "season": ("other",),
    "quarter": ("digit", "other", "unit"),
    "half": ("other", "unit"),
    "same_period": ("unit", "other"),
    "set_date": ("month",),
    "duration_compound": ("unit",),
    "month_range": ("month",),
    "quarter_ref": ("unit", "other"),
    "year_quarter": ("digit",),
    "year_ago": ("unit", "other"),
    "rel_unit": ("unit", "other"),
    "past_unit": ("unit",),
    "the_period": ("unit", "other", "month"),
    "anaphoric": ("unit", "other"),
    "day_before": ("unit",),
    "fixed_anaphor": ("unit", "other"),
    "deictic": ("other",),
    "deictic_part": ("other",),
    "mid_part": ("other",),
    "year_end": ("unit",),
    "period_ref": ("other",),
    "weekday": ("wd",),
    "weekday_set": ("wd",),
    "anaphoric_weekday": ("wd",),
    "ago": ("unit",),
    "offset": ("unit",),
    "ref": ("other",),
    "spoken_year": ("other",),
    "duration": ("unit",),
    "set": ("unit", "wd", "month", "other"),
    "set_rate": ("unit",),
    "clock": ("digit", "other"),
    "holiday": ("other", "wd"),
}
TRIGGER_CLASSES = ("digit", "month", "wd", "unit", "other")


@functools.cache
def rules_for(language: str) -> tuple[Rule, ...]:
    """The compiled rules for ``language`` (English for anything but "fr" and "es")."""
    if language in ("fr", "es"):
        return _romance(language)
    return _english()


def build_rules(language) -> tuple[Rule, ...]:
    """The compiled rules of a :class:`~.languages.Language`."""
    return rules_for(language.code)
