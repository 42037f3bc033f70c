"""Words the temporal grammar is built from, per language (English, French, Spanish).

Month and weekday names come from dateparser's locale data where it has them (so spelling
variants such as "setiembre" are covered), filtered to forms that are unambiguous in running
text; the small closed classes (numbers, units, relative words, tense cues) are listed here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

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

# Abbreviations that are safe in English only next to a day or year number ("Sept. 11").
_EN_MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Forms dateparser lists that collide with ordinary words in running text.
_AMBIGUOUS = {"fr": {"sept", "sep", "mar", "jun", "jul", "jan"}, "es": {"sept", "sep", "set"}}

_EN_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
}
# Number words that multiply what comes before them ("two hundred", "a thousand").
_MULTIPLIERS = frozenset({"hundred", "thousand", "cent", "cents", "mille", "cien", "mil"})
# Abbreviated French months, as datelines write them ("9 avr 2011", "3 sept."); only
# in day-month dates, where no other word can stand.
_FR_MONTH_ABBR = {
    "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10,
    "nov": 11, "déc": 12, "dec": 12,
}  # fmt: skip
_FR_NUMBERS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "cent": 100,
    "dix-sept": 17,
    "dix-huit": 18,
    "dix-neuf": 19,
    "soixante": 60,
    "soixante-dix": 70,
    "quatre-vingt": 80,
    "quatre-vingts": 80,
    "quatre-vingt-dix": 90,
    "cents": 100,
    "mille": 1000,
}
_ES_NUMBERS = {
    "un": 1,
    "uno": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "trece": 13,
    "catorce": 14,
    "quince": 15,
    "dieciséis": 16,
    "veinte": 20,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "cien": 100,
    "diecisiete": 17,
    "dieciocho": 18,
    "diecinueve": 19,
    "veintiuno": 21,
    "veintiún": 21,
    "veintiuna": 21,
    "veintidós": 22,
    "veintitrés": 23,
    "veinticuatro": 24,
    "veinticinco": 25,
    "veintiséis": 26,
    "veintisiete": 27,
    "veintiocho": 28,
    "veintinueve": 29,
    "sesenta": 60,
    "setenta": 70,
    "ochenta": 80,
    "noventa": 90,
    "mil": 1000,
}

# Unit words -> canonical unit. Canonical units: second minute hour day week fortnight
# month quarter year decade century.
_EN_UNITS = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
}
_FR_UNITS = {
    "seconde": "second",
    "secondes": "second",
    "minute": "minute",
    "minutes": "minute",
    "heure": "hour",
    "heures": "hour",
    "jour": "day",
    "jours": "day",
    "journée": "day",
    "journées": "day",
    "semaine": "week",
    "semaines": "week",
    "quinzaine": "fortnight",
    "mois": "month",
    "trimestre": "quarter",
    "trimestres": "quarter",
    "an": "year",
    "ans": "year",
    "année": "year",
    "années": "year",
    "décennie": "decade",
    "décennies": "decade",
    "siècle": "century",
    "siècles": "century",
}
_ES_UNITS = {
    "segundo": "second",
    "segundos": "second",
    "minuto": "minute",
    "minutos": "minute",
    "hora": "hour",
    "horas": "hour",
    "día": "day",
    "días": "day",
    "semana": "week",
    "semanas": "week",
    "quincena": "fortnight",
    "mes": "month",
    "meses": "month",
    "trimestre": "quarter",
    "trimestres": "quarter",
    "año": "year",
    "años": "year",
    "década": "decade",
    "décadas": "decade",
    "siglo": "century",
    "siglos": "century",
}

# Words that, near an underspecified month or weekday, point to the future or the past.
_EN_FUTURE = (
    "will|'ll|shall|won't|wo|going|plan|plans|planned|planning|scheduled|schedule|expected|"
    "expects|expect|due|deadline|intend|intends|intended|aim|aims|aiming|upcoming|next|"
    "hope|hopes|hoping|promise|promised|pledge|pledged|vowed|vows|target|"
    "targets|proposed|propose|proposes|prepare|preparing|must|should|tomorrow|coming|would|"
    "might|soon|resume|set|ahead|pending|forecast|forecasts"
)
# The news present for what is scheduled ("tallies begin Wednesday", "she visits Monday"):
# a future cue for a weekday right after it, nothing else.
_EN_PRESENT_PLAN = (
    "begins|begin|starts|opens|meets|convenes|convene|expires|marks|heads|travels|visits|"
    "returns|arrives|faces|holds|kicks|resumes|reopens|closes|ends|reconvenes|reconvene|"
    "convenes|gathers|rallies"
)
_EN_PAST = (
    "was|were|had|did|met|began|begun|took|made|came|went|held|left|saw|won|lost|"
    "fell|rose|got|gave|became|broke|led|sent|spent|found|thought|brought|fought|ran|struck|"
    "ago|earlier|since|killed|wounded|yesterday|former|previously|ended"
)
_FR_FUTURE = (
    "sera|seront|aura|auront|fera|feront|ira|iront|pourra|pourront|attendu|attendue|"
    "attendus|attendues|"
    "va|vont|prévu|prévue|prévus|prévoit|prochain|prochaine|d'ici|devra|devront|doit|doivent|"
    "compte|comptent|plan|calendrier|échéance|date-butoir|jusqu'à"
)
_FR_PAST = "a|ont|était|étaient|avait|avaient|fut|furent|depuis|hier"
_ES_FUTURE = (
    "será|serán|habrá|hará|harán|irá|irán|podrá|podrán|"
    "va|van|próximo|próxima|previsto|prevista|prevé|planea|planean|plan|para|deberá|"
    "deberán|hasta|plazo|pretende|pretenden"
)
_ES_PAST = "fue|fueron|era|eran|había|habían|ha|han|desde|ayer"


# Reporting verbs give the time of the report, not of what is reported: never a cue.
_EN_REPORTING = frozenset(
    {
        *("said", "say", "says", "told", "tell", "tells", "announced", "reported", "added"),
        *("stated", "noted", "claimed", "confirmed", "explained", "insisted", "warned"),
        *("quoted", "according", "wrote", "indicated", "declared"),
    }
)


_FR_REPORTING = frozenset(
    {
        *("annoncé", "déclaré", "indiqué", "affirmé", "précisé", "ajouté", "expliqué", "dit"),
        *("souligné", "assuré", "estimé", "rapporté", "confirmé", "selon", "annonce"),
        *("déclare", "indique", "affirme", "précise", "ajoute", "explique", "souligne"),
        *("assure", "estime", "confirme", "rapporte"),
    }
)
_ES_REPORTING = frozenset(
    {
        *("dijo", "dice", "afirmó", "afirma", "anunció", "anuncia", "declaró", "declara"),
        *("señaló", "señala", "indicó", "indica", "explicó", "explica", "aseguró", "asegura"),
        *("informó", "informa", "según", "añadió", "añade", "confirmó", "confirma", "dicho"),
        *("afirmado", "anunciado", "declarado", "señalado", "indicado", "informado"),
    }
)
# Auxiliaries of compound past tenses, before a past participle ("ont signé", "han firmado").
_FR_AUXILIARIES = frozenset(
    {"a", "ont", "avait", "avaient", "est", "sont", "était", "étaient", "été", "eu"}
)
_ES_AUXILIARIES = frozenset({"ha", "han", "había", "habían", "fue", "fueron", "sido", "hubo"})
# Determiners: "la caméra", "una hora" are nouns, whatever their ending.
_FR_DETERMINERS = frozenset(
    {"le", "la", "les", "l", "un", "une", "des", "du", "de", "ce", "cette", "son", "sa"}
)
_ES_DETERMINERS = frozenset(
    {"el", "la", "los", "las", "un", "una", "unos", "unas", "del", "al", "su", "sus", "esta"}
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
        words = alternation(self.numbers)
        tens = alternation([w for w, v in self.numbers.items() if v >= 20 and v % 10 == 0])
        ones = alternation([w for w, v in self.numbers.items() if 1 <= v <= 9 and len(w) > 2])
        # Bounded and anchored at the start of a digit run, so a long run of digits costs
        # one attempt, not one per digit.
        digits = r"(?<![\d,.])(?:\d{1,3}(?:,\d{3}){1,3}|\d{1,7}(?:\.\d{1,3})?)(?![\d])(?:\s+1/2|½)?"
        multipliers = [w for w in self.numbers if w in _MULTIPLIERS]
        scaled = ""
        if multipliers:
            # "two hundred", "one thousand": a small count times a multiplier word.
            scaled = rf"(?:(?:{ones}|a|an|one)\s+)(?:{alternation(multipliers)})\b|"
        # "vingt et un", "treinta y dos": French and Spanish tens joined by "et" / "y".
        joined = rf"(?:{tens})\s+(?:et|y)\s+(?:{ones}|un|une|uno|una|onze)\b|"
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
            if part in ("et", "y") and total:
                continue  # "vingt et un", "treinta y dos"
            if part not in self.numbers:
                return None
            if part in _MULTIPLIERS:
                total = (total or 1) * self.numbers[part]
            else:
                total += self.numbers[part]
        return float(total)


def alternation(words: dict[str, object] | list[str]) -> str:
    """A regex alternation of ``words``, longest first, with regex metacharacters escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _locale_names(language: str, keys: tuple[str, ...]) -> dict[str, int]:
    """Month or weekday names from dateparser's locale data, mapped to 1-based indexes."""
    out: dict[str, int] = {}
    try:
        from dateparser.languages.loader import LocaleDataLoader

        info = LocaleDataLoader().get_locale(language).info
    except Exception:  # dateparser data missing: fall back to nothing, the caller adds basics
        return out
    bad = _AMBIGUOUS.get(language, set())
    for index, key in enumerate(keys, start=1):
        forms = info.get(key, [])
        longest = max((len(f) for f in forms), default=0)
        for form in forms:
            f = form.lower()
            if f in bad or (len(f) < 4 and len(f) < longest):
                continue
            out[f] = index
    return out


@functools.cache
def lexicon(language: str) -> Lexicon:
    """The lexicon for ``language`` ("en", "fr", "es"; anything else gets English)."""
    if language == "fr":
        months = _locale_names("fr", MONTH_KEYS) or {}
        months.update({"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4})
        months.update({"mai": 5, "juin": 6, "juillet": 7, "août": 8, "aout": 8})
        months.update({"septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12})
        months.update({"decembre": 12})
        days = {"lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5}
        days.update({"samedi": 6, "dimanche": 7})
        return Lexicon(
            "fr",
            months,
            dict(_FR_MONTH_ABBR),
            days,
            _FR_NUMBERS,
            _FR_UNITS,
            re.compile(rf"(?i)^(?:{_FR_FUTURE})$"),
            re.compile(rf"(?i)^(?:{_FR_PAST})$"),
            # Imparfait and passé simple plural endings; "-ait" alone would take "retrait".
            past_suffix=re.compile(r"(?i)(?:aient|èrent)$"),
            future_suffix=re.compile(r"(?i)(?:rai|ras|ra|rons|rez|ront|rait|raient)$"),
            reporting=_FR_REPORTING,
            inflected_tense=True,
            auxiliaries=_FR_AUXILIARIES,
            participle=re.compile(r"(?i)(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|erte|int|ite)$"),
            determiners=_FR_DETERMINERS,
        )
    if language == "es":
        months = _locale_names("es", MONTH_KEYS) or {}
        months.update({"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5})
        months.update({"junio": 6, "julio": 7, "agosto": 8, "septiembre": 9})
        months.update({"setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12})
        days = {"lunes": 1, "martes": 2, "miércoles": 3, "miercoles": 3, "jueves": 4}
        days.update({"viernes": 5, "sábado": 6, "sabado": 6, "domingo": 7})
        return Lexicon(
            "es",
            months,
            {},
            days,
            _ES_NUMBERS,
            _ES_UNITS,
            re.compile(rf"(?i)^(?:{_ES_FUTURE})$"),
            re.compile(rf"(?i)^(?:{_ES_PAST})$"),
            past_suffix=re.compile(r"(?i)(?:ó|aron|ieron|ió|aba|aban|ábamos|ían|iera|ieran)$"),
            future_suffix=re.compile(r"(?i)(?:ré|rás|rá|remos|rán)$"),
            reporting=_ES_REPORTING,
            inflected_tense=True,
            auxiliaries=_ES_AUXILIARIES,
            participle=re.compile(r"(?i)(?:ado|ada|ados|adas|ido|ida|idos|idas|cho|sto|to)$"),
            determiners=_ES_DETERMINERS,
        )
    months = {k: i for i, k in enumerate(MONTH_KEYS, start=1)}
    days = {k: i for i, k in enumerate(WEEKDAY_KEYS, start=1)}
    return Lexicon(
        "en",
        months,
        dict(_EN_MONTH_ABBR),
        days,
        _EN_NUMBERS,
        _EN_UNITS,
        re.compile(rf"(?i)^(?:{_EN_FUTURE})$"),
        re.compile(rf"(?i)^(?:{_EN_PAST})$"),
        past_suffix=re.compile(r"(?i)[a-z]{2,}ed$"),
        reporting=_EN_REPORTING,
        present_plan=re.compile(rf"(?i)^(?:{_EN_PRESENT_PLAN})$"),
    )
