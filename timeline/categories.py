"""The kinds of event a peace-process timeline shows: the one list, with labels and colours.

Pure Python (the extractor imports it too). Model choices, the extractor's category keys,
chart colours and the generated ``static/timeline/css/categories.css`` all come from
:data:`CATEGORIES`; ``tests/test_categories_registry.py`` checks that they agree.

``weight`` says how much a happening of this kind matters on a timeline of a peace process,
before counting its sources (see ``services.events``): an agreement or a ceasefire
outranks a routine statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Category:
    value: str
    label: str
    colour: str
    description: str
    weight: float

    @property
    def css_class(self) -> str:
        """The class of this category's swatch ("cat-prisoner-release")."""
        return "cat-" + re.sub(r"[^a-z0-9]+", "-", self.value.lower()).strip("-")


CATEGORIES: tuple[Category, ...] = (
    Category(
        "talks",
        "Talks",
        "#2b6cb0",
        "Negotiations held, opened or resumed; a round of talks; a meeting or summit between "
        "parties.",
        0.7,
    ),
    Category(
        "talks suspended",
        "Talks suspended",
        "#1a365d",
        "Talks suspended, postponed, boycotted or collapsed; a delegation walks out.",
        0.85,
    ),
    Category(
        "mediation",
        "Mediation",
        "#3182ce",
        "A mediator or envoy appointed; mediation offered, accepted or refused; shuttle diplomacy.",
        0.55,
    ),
    Category(
        "agreement",
        "Agreement",
        "#2f855a",
        "An agreement, deal, accord, declaration or roadmap signed, reached, ratified or endorsed.",
        1.0,
    ),
    Category(
        "ceasefire",
        "Ceasefire",
        "#2c9aa0",
        "A ceasefire or truce declared, beginning, extended, ending or broken.",
        0.95,
    ),
    Category(
        "withdrawal",
        "Withdrawal",
        "#6b46c1",
        "Troops withdrawn or redeployed; disarmament and demobilisation.",
        0.8,
    ),
    Category(
        "violence",
        "Violence",
        "#c53030",
        "Attacks, clashes, bombings, killings, offensives, captures of territory.",
        0.65,
    ),
    Category(
        "prisoner release",
        "Prisoner release",
        "#b7791f",
        "Prisoners, detainees or hostages released or exchanged.",
        0.7,
    ),
    Category(
        "humanitarian",
        "Humanitarian access",
        "#38a169",
        "Humanitarian access, aid convoys, corridors, famine and relief operations.",
        0.55,
    ),
    Category(
        "displacement",
        "Displacement",
        "#975a16",
        "People displaced or fleeing, refugees and their return.",
        0.5,
    ),
    Category(
        "protest",
        "Protest",
        "#d53f8c",
        "Demonstrations, rallies, strikes and sit-ins.",
        0.55,
    ),
    Category(
        "court",
        "Court ruling",
        "#44337a",
        "Court rulings, trials, indictments, arrest warrants; amnesties decided by a court "
        "or a law.",
        0.6,
    ),
    Category(
        "government",
        "Government",
        "#2d3748",
        "Governments formed or dissolved, leaders appointed or resigning, coups, "
        "constitutional changes.",
        0.75,
    ),
    Category(
        "sanctions",
        "Sanctions",
        "#9c4221",
        "Sanctions imposed or lifted, embargoes, blacklists.",
        0.6,
    ),
    Category(
        "election",
        "Election",
        "#b83280",
        "Elections, referendums and plebiscites, their results, inaugurations.",
        0.75,
    ),
    Category(
        "visit",
        "Visit",
        "#dd6b20",
        "An official's trip or visit.",
        0.4,
    ),
    Category(
        "report",
        "Report",
        "#4a5568",
        "A report, study or inquiry published.",
        0.35,
    ),
    Category(
        "statement",
        "Statement",
        "#718096",
        "A statement, declaration, warning or call that is news in itself.",
        0.3,
    ),
    Category(
        "other",
        "Other",
        "#8896a8",
        "None of the kinds above, or the extractor could not tell.",
        0.25,
    ),
)

OTHER = "other"
BY_VALUE: dict[str, Category] = {c.value: c for c in CATEGORIES}
VALUES: tuple[str, ...] = tuple(BY_VALUE)


def get(value: str) -> Category:
    """The category ``value``, or *other* for a value that is not (or no longer) known."""
    return BY_VALUE.get(value) or BY_VALUE[OTHER]


def choices() -> list[tuple[str, str]]:
    """(value, label) pairs in registry order, for model and form choices."""
    return [(c.value, c.label) for c in CATEGORIES]


def labels() -> dict[str, str]:
    """Value to label, in registry order."""
    return {c.value: c.label for c in CATEGORIES}


def colour(value: str) -> str:
    """The colour of a category, shared by the chart, its legend and the page's swatches."""
    return get(value).colour


def stylesheet() -> str:
    """The swatch rules of every category, as written to ``categories.css``."""
    lines = [
        "/* Generated from timeline/categories.py by `manage.py write_category_css`: "
        "edit the registry, not this file. */"
    ]
    lines += [f".{c.css_class} {{ background: {c.colour}; }}" for c in CATEGORIES]
    return "\n".join(lines) + "\n"
