"""The words dateparser's locale data gives a language, arranged for the generic grammar.

dateparser (CLDR underneath) lists, for more than 200 languages, month and weekday names
and abbreviations, unit words, the words of "N units ago" and "in N units" (as regexes
such as ``vor (\\d+) tagen``), fixed relative phrases ("settimana scorsa", "позавчера",
"قبل يومين"), am/pm, numerals for some, and filler words. :func:`locale_words` reads them
into plain tables; nothing here names a language.

How the tables are cleaned, since running text is not a date field:

* forms shorter than four letters that are not a month's (weekday's) longest form are
  abbreviations: they only count inside a day-month date ("17 feb 2011"), never alone;
* a form listed for two months (weekdays), or for a month and a weekday, is dropped;
  forms that differ only by spaces or joiners count as one ("دو شنبه", "دوشنبه");
* last/this/next words are read off the relative phrases by taking the unit word away
  ("settimana scorsa" - "settimana" = "scorsa": last), kept only when a word always
  means the same offset; a first word shared by phrases of different offsets is a
  preposition ("в прошлом году", "в этом году"): the phrase is kept without it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNIT_KEYS = ("year", "month", "week", "day", "hour", "minute", "second", "decade")
# dateparser's number placeholder in its relative regexes.
_NUMBER = re.compile(r"\(\\d[^()]*\)")
_RELATIVE_KEY = re.compile(r"^(in )?(\d+) (\w+?)( ago)?$")
_REGEX_KEY = re.compile(r"^(in )?\\1 (\w+?)( ago)?$")
_LETTERS = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class LocaleWords:
    """What one dateparser locale says about dates, as tables of folded lower-case words."""

    months: dict[str, int] = field(default_factory=dict)
    month_abbr: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    # phrase -> (unit, offset): "позавчера" -> ("day", -2), "settimana scorsa" -> ("week", -1)
    phrases: dict[str, tuple[str, int]] = field(default_factory=dict)
    # last/this/next words and whether they stand before or after the unit word.
    relative: dict[str, int] = field(default_factory=dict)
    relative_before: frozenset[str] = frozenset()
    relative_after: frozenset[str] = frozenset()
    ago_before: frozenset[str] = frozenset()
    ago_after: frozenset[str] = frozenset()
    in_before: frozenset[str] = frozenset()
    in_after: frozenset[str] = frozenset()
    year_words: frozenset[str] = frozenset()
    year_abbr: frozenset[str] = frozenset()
    am: frozenset[str] = frozenset()
    pm: frozenset[str] = frozenset()
    # Filler words dateparser skips between the parts of a date ("de", "of").
    connectors: frozenset[str] = frozenset()
    date_order: str = "DMY"
    # True when the month names are written in a script with letter case.
    cased: bool = True


def folder(table: dict[int, int]):
    """A function folding and lower-casing a word the way the tagger folds text."""

    def fold(word: str) -> str:
        return word.translate(table).lower().replace("\u0307", "")

    return fold


@functools.cache
def _info(locale: str) -> dict:
    try:
        from dateparser.languages.loader import LocaleDataLoader

        return dict(LocaleDataLoader().get_locale(locale).info)
    except Exception:  # no such locale, or dateparser's data missing: no words
        return {}


def _squash(word: str) -> str:
    return re.sub(r"[\s\u200c\u200d'’.-]+", "", word)


def _names(info: dict, keys: tuple[str, ...], fold, taken: Iterable[str] = (), cased=True):
    """(full names, abbreviations) -> 1-based index, ambiguities dropped."""
    # squashed form -> [(rank, index, form)]; rank 0 the first (canonical) form, 1 the
    # other full forms, 2 abbreviations.
    entries: dict[str, list[tuple[int, int, str]]] = {}
    for index, key in enumerate(keys, start=1):
        forms = [fold(f) for f in info.get(key, []) if f and f.strip()]
        longest = max((len(f) for f in forms), default=0)
        for rank, form in enumerate(forms):
            # Truncations ("лист" of "листопад", "sept") and short forms are abbreviations.
            short = (len(form) < 4 and len(form) < longest) or any(
                len(o) >= len(form) + 2 and o.startswith(form) for o in forms
            )
            # Two-letter abbreviations only where letters have no case ("مه" is May).
            if len(form) < (3 if short and cased else 2):
                continue
            entries.setdefault(_squash(form), []).append(
                (2 if short else min(rank, 1), index, form)
            )
    full: dict[str, int] = {}
    abbr: dict[str, int] = {}
    taken_squashed = {_squash(t) for t in taken}
    for squashed, found in entries.items():
        if squashed in taken_squashed:
            continue
        best = min(rank for rank, _, _ in found)
        indexes = {i for rank, i, _ in found if rank == best}
        if len(indexes) != 1:
            continue  # one spelling, two months (or weekdays)
        index = indexes.pop()
        for rank, i, form in found:
            if i == index:
                (abbr if rank == 2 else full)[form] = index
    return full, abbr


def _expand(pattern: str) -> list[str]:
    """The words a simple regex of dateparser's lists ("дв(а|е|ух)", "пар[ауі]"), or []."""
    p = pattern.replace("\\b", "").strip("^$")
    out = [""]
    i = 0
    while i < len(p):
        c = p[i]
        if c == "(":
            j = p.find(")", i)
            if j < 0:
                return []
            alts = p[i + 1 : j].removeprefix("?:").split("|")
            i = j + 1
        elif c == "[":
            j = p.find("]", i)
            if j < 0:
                return []
            alts = list(p[i + 1 : j])
            i = j + 1
        elif c in "\\.*+?{}|":
            return []
        else:
            alts = [c]
            i += 1
        if any(re.search(r"[\\.*+?{}()\[\]|]", a) for a in alts):
            return []
        out = [o + a for o in out for a in alts]
        if len(out) > 64:
            return []
    return [o for o in out if o.strip()]


def _numbers(info: dict, fold) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in info.get("simplifications", []) or []:
        for key, value in item.items():
            if not isinstance(value, str) or not value.strip().isdigit():
                continue
            for word in _expand(key):
                w = fold(word)
                if _LETTERS.fullmatch(w) and len(w) >= 2:
                    out.setdefault(w, int(value))
    return out


def _units(info: dict, fold) -> dict[str, str]:
    out: dict[str, str] = {}
    for unit in UNIT_KEYS:
        forms = [fold(f) for f in info.get(unit, []) if f]
        longest = max((len(f) for f in forms), default=0)
        for form in forms:
            if len(form) >= 3 or len(form) == longest >= 2:
                out.setdefault(form, unit)
    return out


def _phrases(info: dict, fold, units: dict[str, str]):
    """The fixed relative phrases, and the last/this/next words read off them."""
    raw: dict[str, set[tuple[str, int]]] = {}
    for key, forms in (info.get("relative-type") or {}).items():
        m = _RELATIVE_KEY.match(key)
        if m is None or not (m.group(1) or m.group(4)):
            continue
        n = int(m.group(2)) * (1 if m.group(1) else -1)
        for form in forms:
            phrase = " ".join(fold(form).split())
            if _LETTERS.search(phrase):
                raw.setdefault(phrase, set()).add((m.group(3), n))
    # A phrase that is also a unit word ("ora": now, and hour) is too ambiguous to keep.
    phrases = {p: next(iter(v)) for p, v in raw.items() if len(v) == 1 and p not in units}
    # A first word shared by phrases of different offsets is a preposition.
    firsts: dict[str, set[int]] = {}
    for phrase, (_, n) in phrases.items():
        words = phrase.split()
        if len(words) > 1:
            firsts.setdefault(words[0], set()).add(n)
    out: dict[str, tuple[str, int]] = {}
    for phrase, value in phrases.items():
        words = phrase.split()
        if len(words) > 2 and len(firsts.get(words[0], ())) > 1:
            phrase = " ".join(words[1:])
        out.setdefault(phrase, value)
    # last/this/next words: what is left of a two-word phrase once its unit word is gone.
    seen: dict[str, set[int]] = {}
    where: dict[str, set[str]] = {}
    for phrase, (unit, n) in out.items():
        words = phrase.split()
        if unit not in ("week", "month", "year") or abs(n) > 1 or len(words) != 2:
            continue
        for i, w in enumerate(words):
            if units.get(w) == unit and len(words[1 - i]) >= 3:
                other = words[1 - i]
                seen.setdefault(other, set()).add(n)
                where.setdefault(other, set()).add("before" if i == 1 else "after")
    relative = {w: next(iter(v)) for w, v in seen.items() if len(v) == 1}
    before = frozenset(w for w in relative if "before" in where[w])
    after = frozenset(w for w in relative if "after" in where[w])
    return out, relative, before, after


def _count_words(info: dict, fold, units: dict[str, str]):
    """The words standing before and after the count in "N units ago" / "in N units"."""
    found = {"ago_before": set(), "ago_after": set(), "in_before": set(), "in_after": set()}
    for key, patterns in (info.get("relative-type-regex") or {}).items():
        m = _REGEX_KEY.match(key)
        if m is None or bool(m.group(1)) == bool(m.group(3)):
            continue
        kind = "in" if m.group(1) else "ago"
        unit_of_key = m.group(2)
        for pattern in patterns:
            parts = _NUMBER.split(pattern, maxsplit=1)
            if len(parts) != 2:
                continue
            before, after = (_LETTERS.findall(fold(text)) for text in parts)
            if after and after[0] not in units and not parts[1][:1].isalpha():
                # The word right after the count is a unit ("قبل 3 أيام", "3 giorni fa").
                if len(after[0]) >= 3:
                    units[after[0]] = unit_of_key
                after = after[1:]
            for side, words in (("before", before), ("after", after)):
                for word in words:
                    if word not in units and len(word) >= 2:
                        found[f"{kind}_{side}"].add(word)
    return {k: frozenset(v) for k, v in found.items()}


def locale_words(locale: str | None, table: dict[int, int]) -> LocaleWords:
    """The :class:`LocaleWords` of dateparser locale ``locale`` (empty when it has none)."""
    info = _info(locale) if locale else {}
    if not info:
        return LocaleWords()
    fold = folder(table)
    names = [f for k in MONTH_KEYS for f in info.get(k, [])]
    cased = any(c.upper() != c.lower() for c in "".join(names))
    weekdays, weekday_abbr = _names(info, WEEKDAY_KEYS, fold, cased=cased)
    months, month_abbr = _names(
        info, MONTH_KEYS, fold, taken=[*weekdays, *weekday_abbr], cased=cased
    )
    units = _units(info, fold)
    phrases, relative, before, after = _phrases(info, fold, units)
    counts = _count_words(info, fold, units)
    years = [fold(f) for f in info.get("year", []) if f]
    connectors = frozenset(
        fold(w) for w in info.get("skip", []) if _LETTERS.fullmatch(fold(w)) and len(w) <= 4
    )
    return LocaleWords(
        months=months,
        month_abbr=month_abbr,
        weekdays=weekdays,
        units=units,
        numbers=_numbers(info, fold),
        phrases=phrases,
        relative=relative,
        relative_before=before,
        relative_after=after,
        ago_before=counts["ago_before"],
        ago_after=counts["ago_after"],
        in_before=counts["in_before"],
        in_after=counts["in_after"],
        year_words=frozenset(y for y in years if len(y) >= 3),
        year_abbr=frozenset(y for y in years if len(y) < 3 and _LETTERS.fullmatch(y)),
        am=frozenset(fold(w) for w in info.get("am", []) if w),
        pm=frozenset(fold(w) for w in info.get("pm", []) if w),
        connectors=connectors,
        date_order=str(info.get("date_order") or "DMY"),
        cased=cased,
    )


def folds_for(language) -> dict[int, int]:
    """The character folds of ``language`` (see ``[folds]`` in common.toml)."""
    from . import languages

    folds = languages.common().get("folds", {})
    table: dict[int, int] = {}
    info = _info(language.locale) if language.locale else {}
    sample = "".join(f for k in MONTH_KEYS for f in info.get(k, []))
    sample += "".join(str(v) for v in language.section("months").get("forms", {}))
    for spec in folds.values():
        script = spec.get("script")
        if script and not re.search(f"[{script}]", sample):
            continue
        source, target = spec["from"], spec["to"]
        if len(source) != len(target):
            raise ValueError("a fold maps one character to one character")
        table.update(str.maketrans(source, target))
    return table
