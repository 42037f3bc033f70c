"""Shared by the fault-isolation tests: sample articles and access to the rule registry."""

from __future__ import annotations

from timeline.extraction import resolvers
from timeline.extraction.timex_grammar import rules_for
from timeline.extraction.timex_lexicon import lexicon

# One short article per language, dense with expressions of many kinds.
ARTICLES = {
    "en": (
        "On Sunday, talks began in September last year. The ceasefire signed on March 3, "
        "2020 held for three weeks. Two days later, the rebels left. Early next month the "
        "envoy will return; a vote is due by May. In the 1990s the war killed 2,500 troops. "
        "The talks resumed at 9 a.m. on Tuesday, 2020-06-01, and again on 12/05/2019. "
        "The first quarter of 2020 was calm; last week was not. A year ago, yesterday "
        "morning, every Monday, the day before, that day, Christmas 2019, the following "
        "month, the past three years, recently, this spring, mid-2020."
    ),
    "fr": (
        "Dimanche, les pourparlers ont repris en septembre de l'an dernier. Le cessez-le-feu "
        "signé le 3 mars 2020 a tenu trois semaines. Le lendemain, les rebelles sont partis. "
        "Début mai, l'envoyé reviendra ; un vote est prévu d'ici juin. Dans les années 1990, "
        "la guerre a tué 2 500 soldats. Les discussions ont repris à 9 heures mardi, le "
        "2020-06-01, et le 12/05/2019. Le premier trimestre 2020 a été calme ; la semaine "
        "dernière non. Il y a un an, hier soir, chaque lundi, ce jour-là, Noël 2019, le mois "
        "suivant, les trois dernières années, récemment, ce printemps, fin 2020."
    ),
    "es": (
        "El domingo, las conversaciones comenzaron en septiembre del año pasado. El alto el "
        "fuego firmado el 3 de marzo de 2020 duró tres semanas. Al día siguiente, los "
        "rebeldes se fueron. A principios de mayo el enviado volverá; la votación está "
        "prevista para junio. En los años 1990 la guerra mató a 2.500 soldados. Las "
        "conversaciones se reanudaron a las 9 de la mañana del martes, el 2020-06-01, y el "
        "12/05/2019. El primer trimestre de 2020 fue tranquilo; la semana pasada no. Hace un "
        "año, ayer por la tarde, cada lunes, ese día, Navidad de 2019, el mes siguiente, los "
        "últimos tres años, recientemente, este verano, finales de 2020."
    ),
}

_SALAD = (
    "the of in on by at a an two 3 12 31 2001 1999 2,500 1990s 9 p.m. , . ; - / ( ) "
    "la le el de del los les que hace il y ce cette este esta semana semaine week"
)


def resolver_names(language: str) -> list[str]:
    """The resolvers the rules of ``language`` feed, each once."""
    return sorted({rule.resolver for rule in rules_for(language)})


def set_resolver(monkeypatch, name: str, function) -> None:
    """Replace one registered resolver for the duration of a test."""
    monkeypatch.setitem(resolvers.RESOLVERS, name, function)


def rule_words(language: str) -> list[str]:
    """Words the rules of ``language`` are built from, plus function words and numbers."""
    lex = lexicon(language)
    words = [*lex.months, *lex.weekdays, *lex.numbers, *lex.units, *_SALAD.split()]
    return sorted(set(words))
