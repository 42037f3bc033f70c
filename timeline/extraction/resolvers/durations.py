"""Durations and sets: "three years", "the past six months", "every week", "twice a year"."""

from __future__ import annotations

import re

from ..types import DURATION, SET
from .base import (
    Context,
    Resolved,
    _count,
    _g,
    _is_title,
    _month_index,
    _norm,
    _valid,
    duration_value,
    resolver,
)

_MONEY_BEFORE = re.compile(
    r"(?i)(?:\d|\b(?:million|billion|trillion|thousand|percent|dollars|euros|pounds|cents))"
    r"[\s%]*$|%\s*$"
)


@resolver("weekday_set", needs=("wd",))
def r_weekday_set(m: re.Match[str], ctx: Context) -> Resolved | None:
    """on Sundays: a recurring weekday."""
    wd = ctx.lex.weekdays.get(_norm(m["wd"]))
    return Resolved(SET, f"XXXX-WXX-{wd}") if wd else None


_PERSON_NOUNS = (
    r"homme|femme|enfant|garçon|fille|fillette|adolescent|adolescente|jeune|combattant|"
    r"combattante|militant|militante|infirmière|infirmier|commerçant|commerçante|mère|père|"
    r"milicien|soldat|policier|agriculteur|agricultrice|paysan|paysanne|réfugié|réfugiée|"
    r"veuve|veuf|retraité|retraitée|étudiant|étudiante|habitant|habitante|chauffeur|médecin|"
    r"journaliste|otage|détenu|détenue|prisonnier|victime|dirigeant|chef|ouvrier|pêcheur|"
    r"éleveur|élève|bébé|fils|épouse|mari|frère|sœur|soeur|grand-mère|grand-père|"
    r"hombre|mujer|niño|niña|joven|anciano|anciana|campesino|campesina|viuda|viudo|madre|"
    r"padre|hijo|hija|soldado|guerrillero|guerrillera|combatiente|policía|agricultor|"
    r"agricultora|líder|dirigente|comerciante|estudiante|desplazado|desplazada|víctima|"
    r"rehén|secuestrado|secuestrada|periodista|médico|médica|maestro|maestra|indígena|"
    r"excombatiente|exguerrillero|exguerrillera|menor|adolescente|señor|señora|abuela|abuelo|"
    r"pompier|gendarme|militaire|agent|juge|prêtre|imam|pasteur|guardia|militar|agente|président|"
    r"vecino|vecina|voisin|voisine|turista|touriste|migrant|migrante|sacerdote|obispo|"
    # agent nouns: "un camionero", "une manifestante", "un chauffeur", "una periodista"
    r"\w+(?:eur|euse|ier|ière|iste|ant|ante|ero|era|dor|dora|sor|sora|tor|tora|ista|ente)"
)
# Ages in French and Spanish: "une infirmière de 42 ans", "âgé de 47 ans", "J'ai 58 ans",
# "Zapatero, de 45 años,", "tiene 52 años", "52 años de edad".
_AGE_BEFORE = re.compile(
    rf"(?i)(?:\b(?:{_PERSON_NOUNS})(?:\s+[\w-]+){{0,2}}\s+de\s+|\b(?:âgée?s?|agée?s?)\s+de\s+|"
    # "personas de entre 15 y 39 años", "de 18 à 25 ans": an age range
    r"\b(?:entre\s+)?\d{1,3}\s+(?:y|et|a|à)\s+|"
    r",\s*(?:de\s+|âgée?\s+de\s+)?)$"
)
# "La Franco-Colombienne de 46 ans": a capitalised noun (a nationality, a name) with an age.
_AGE_NAMED = re.compile(
    r"(?:\b(?:[Ll]a|[Ll]e|[Ll]['’]|[Uu]ne?|[Ee]l|[Uu]na?)\s*)[A-ZÀ-Ý][\w-]+\s+de\s+$"
)
_AGE_AFTER = re.compile(r"(?i)^\s+de\s+edad\b")
# An age group named by its ages: "les moins de 17 ans", "l'accueil des 0-6 ans", "los
# mayores de 65 años" (people, not a span of time; "en moins de 17 ans" is a span).
_AGE_GROUP = re.compile(
    r"(?i)\b(?:les|des|aux|los|las)\s+(?:(?:moins|plus|menores|mayores)\s+de\s+\d{1,3}|"
    r"\d{1,2}\s*[-–]\s*\d{1,3})\s+(?:ans|años)$"
)


def _is_romance_age(m: re.Match[str], ctx: Context) -> bool:
    """A French or Spanish age: a person's "N ans", not a span of time."""
    if ctx.lex.age_verb is None or _g(m, "u") is None:
        return False
    if _norm(_g(m, "u") or "") not in ("ans", "años", "an", "año"):
        return False
    before = ctx.before(m.start(), 60)
    after = ctx.after(m.end(), 12)
    if _AGE_AFTER.match(after) or _AGE_GROUP.search(before[-30:] + m.group(0)):
        return True
    if ctx.lex.age_verb.search(before):
        # "tiene 52 años" is an age; "tiene 36 años de conflicto" a span of time.
        return not re.match(r"(?i)\s+(?:de|d['’])\s*(?!ici\b|plus\b)\w", after)
    if _AGE_NAMED.search(before):
        return True
    match = _AGE_BEFORE.search(before)
    if match is None:
        return False
    if match.group().lstrip().startswith(","):
        # "Zapatero, de 45 años, pidió": an apposition closed by a comma or bracket.
        return re.match(r"\s*[,)]", after) is not None
    return True


def _not_counted(m: re.Match[str], ctx: Context, unit: str, raw_n: str | None) -> bool:
    """A title, an age, a clock time or a part of the night, not a span of time."""
    if _is_title(m, ctx) or _is_romance_age(m, ctx):
        return True
    if unit == "hour" and re.fullmatch(r"\d{1,2}[.:][0-5]\d", (raw_n or "").strip()):
        return True  # "17.20 horas": a clock time, not 17.2 hours
    # "in the early hours of Thursday": a part of the night, not a span
    return re.search(r"(?i)\b(?:early|small|wee)\s+hours$", m.group(0)) is not None


def _shaped_span(m: re.Match[str], unit: str, raw_n: str | None) -> Resolved | None:
    """Spans whose shape gives their count: "day-long", "decades-old", "multi-year"."""
    if m.group(0).lower().endswith("-long") and _g(m, "u") and not _g(m, "n"):
        # "a day-long strike" lasts one day; "decades-long" an unknown number of decades.
        return Resolved(DURATION, duration_value(unit, None if _g(m, "pl") else 1))
    if _g(m, "u3"):
        # "a years-old slump", "decades-old feud": a vague span (ages take a number).
        return Resolved(DURATION, duration_value(unit, None))
    if raw_n is not None and _norm(raw_n) in ("several", "many", "multi") and "-" in m.group(0):
        return Resolved(DURATION, duration_value(unit, None))
    return None


def _not_a_count(
    m: re.Match[str], ctx: Context, unit: str, unit_word: str, raw_n: str | None
) -> bool:
    """ "a decades...", "the first two quarters of 1990", "a quarter of the market"."""
    if raw_n is not None and _norm(raw_n) in ("a", "an") and unit_word != unit:
        return True  # "a decades..." is no count of decades
    if (
        unit == "quarter"
        and re.search(r"\b(?:first|last|second)\s+two\s+quarters$", m.group(0), re.I)
        and re.match(r"\s+of\s+(?:\d{4}|this|last|next|the\s+year)\b", ctx.after(m.end(), 16), re.I)
    ):
        return True  # "the first two quarters of 1990" is a half-year (see r_half)
    fraction = raw_n is not None and _norm(raw_n) in ("a", "an", "one", "three")
    return bool(
        fraction
        and unit == "quarter"
        and re.match(
            r"\s+of\b(?!\s+(?:the\s+)?(?:\d{4}|this|last|next|fiscal|calendar|year|each|every)\b)",
            ctx.after(m.end(), 24),
            re.I,
        )
    )  # "a quarter of the market", "three quarters of voters": a fraction


def _span_count(m: re.Match[str], ctx: Context, unit_word: str, raw_n: str | None) -> float | None:
    """How many units the span counts (None: an unspecified number, "for years")."""
    duals = ctx.lex.table("duals")
    if raw_n is None and unit_word in duals:
        return float(duals[unit_word])  # "يومين": two days
    if raw_n is None:
        # bare plural: "for years"; a singular unit after "la última" is one of it
        # ("больше недели": more than one week)
        one = (
            (_g(m, "lead") and not unit_word.endswith("s"))
            or (_g(m, "approx") and not _g(m, "pl"))
            or m.groupdict().get("single") is not None
        )
        return 1.0 if one else None
    return _count(m, ctx)


def _not_a_span_after(m: re.Match[str], ctx: Context, unit: str, raw_n: str | None) -> bool:
    """What follows says it is a year, an age or an ordinal ("a second betrayal")."""
    if raw_n is not None and re.fullmatch(r"1\d{3}|2[0-2]\d\d", raw_n.strip()):
        return True  # "the 1988 quarter": a year, not 1,988 quarters
    after = ctx.after(m.end(), 12)
    if re.match(r"\s+old\b", after) or re.search(r"(?i)\bage\s+of\s+$", ctx.before(m.start(), 12)):
        return True  # "37 years old", "above the age of one year": an age
    # "a second", "un secondo", "ein zweiter": the indefinite article before "second".
    a_second = (
        unit == "second"
        and raw_n is not None
        and (_norm(raw_n) in ("a", "an") or (raw_n[:1].isalpha() and _count(m, ctx) == 1))
    )
    if (
        a_second
        and re.match(r"\s+[^\W\d_]", after)
        and not re.match(r"\s+(?:or|and|to|later|ago)\b", after)
    ):
        return True  # "a second betrayal": an ordinal
    # Ages ("52-year-old") describe people, not time; TimeBank leaves them untagged.
    return bool(m.groupdict().get("old"))


@resolver("duration", needs=("unit",), approximate=True)
def r_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Durations (18 months, the past three years, two-day); ages give nothing."""
    unit_word = _norm(_g(m, "u", "u2", "u3") or "")
    unit = ctx.lex.units.get(unit_word)
    if unit is None:
        return None
    raw_n = _g(m, "n")
    if _not_counted(m, ctx, unit, raw_n):
        return None
    shaped = _shaped_span(m, unit, raw_n)
    if shaped is not None:
        return shaped
    if _not_a_count(m, ctx, unit, unit_word, raw_n):
        return None
    n = _span_count(m, ctx, unit_word, raw_n)
    if n is not None and n > 100000:
        return None
    lead = _norm(m.groupdict().get("lead") or "")
    a_unit = raw_n is not None and _norm(raw_n) in ("a", "an") and not lead
    if a_unit and _MONEY_BEFORE.search(ctx.before(m.start(), 25)):
        # "$5 million a year" is a rate.
        return Resolved(SET, duration_value(unit, 1), rule="set-rate")
    if _not_a_span_after(m, ctx, unit, raw_n):
        return None
    return Resolved(DURATION, duration_value(unit, n))


@resolver("term", needs=("other",))
def r_term(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A term of office named by its length ("un quinquennat de cohérence"): the span of
    the language's [terms] table."""
    value = ctx.lex.table("terms").get(_norm(m["term"]))
    return Resolved(DURATION, value) if value else None


@resolver("set", needs=("unit", "wd", "month", "other"))
def r_set(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Sets (every week, weekly, twice a month, every Friday)."""
    adv = _g(m, "adv")
    if adv:
        return Resolved(SET, ctx.lex.table("set_adverbs")[adv.lower()])
    adj = _g(m, "adj")
    if adj:
        # "le lot quotidien", "la reunión anual": a frequency adjective, by its stem
        word = adj.lower()
        stems = ctx.lex.table("set_adjectives")
        return next((Resolved(SET, v) for st, v in stems.items() if word.startswith(st)), None)
    u = _norm(_g(m, "u", "u2", "u3") or "")
    seasons = ctx.lex.table("seasons")
    if u in seasons:
        return Resolved(SET, f"XXXX-{seasons[u]}")
    if m.groupdict().get("times"):
        unit = ctx.lex.units.get(u)
        return Resolved(SET, duration_value(unit, 1)) if unit else None
    lex = ctx.lex
    if u in lex.weekdays or u.rstrip("s") in lex.weekdays:
        return Resolved(SET, f"XXXX-WXX-{lex.weekdays.get(u) or lex.weekdays[u.rstrip('s')]}")
    month = lex.months.get(u)
    if month:
        return Resolved(SET, f"XXXX-{month:02d}")
    parts = ctx.lex.parts_of_day
    part = u if u in parts else u[:-1] if u.endswith("s") and u[:-1] in parts else None
    if part is not None:
        return Resolved(SET, f"XXXX-XX-XXT{ctx.lex.parts_of_day[part]}")
    if u in ("weekend", "week-end", "week-ends", "fin de semana"):
        return Resolved(SET, "XXXX-WXX-WE")
    unit = lex.units.get(u)
    if unit is None:
        return None
    n = _count(m, ctx) if _g(m, "n") else 1.0
    if m.groupdict().get("other"):
        n = 2.0 * (n or 1)
    return Resolved(SET, duration_value(unit, n))


@resolver("set_date", needs=("month",))
def r_set_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """every March 3, cada 19 de septiembre: one day a year."""
    month = _month_index(ctx.lex, m["mon"])
    dd = 1 if m["d"].lower() == "1er" else int(m["d"])
    if month is None or not _valid(2000, month, dd):
        return None
    return Resolved(SET, f"XXXX-{month:02d}-{dd:02d}")


@resolver("duration_compound", needs=("unit",), approximate=True)
def r_duration_compound(m: re.Match[str], ctx: Context) -> Resolved | None:
    """six years and four months: one duration, the larger unit first."""
    first = ctx.lex.units.get(_norm(m["u"]))
    second = ctx.lex.units.get(_norm(m["u2b"]))
    n1, n2 = _count(m, ctx), ctx.lex.number(_norm(m["n2"]))
    order = ("year", "month", "week", "day", "hour", "minute", "second")
    if (
        first not in order
        or second not in order
        or n1 is None
        or n2 is None
        or order.index(second) <= order.index(first)
        or n1 != int(n1)
        or n2 != int(n2)
    ):
        return None
    a, b = duration_value(first, n1), duration_value(second, n2)
    # P6Y + P4M -> P6Y4M; a time part joins after the T: P1D + PT6H -> P1DT6H.
    if b.startswith("PT") and not a.startswith("PT"):
        value = a + b[1:]
    else:
        value = a + b[2:] if a.startswith("PT") else a + b[1:]
    return Resolved(DURATION, value)


@resolver("set_rate", needs=("unit",))
def r_set_rate(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Rates after an amount ($5 million a year)."""
    if not _MONEY_BEFORE.search(ctx.before(m.start(), 25)):
        return None
    unit = ctx.lex.units.get(_norm(m["u"]))
    return Resolved(SET, duration_value(unit, 1)) if unit else None
