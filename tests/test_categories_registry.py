"""The category registry is the one list: models, extractor, charts and CSS agree with it."""

from __future__ import annotations

import re
from pathlib import Path

from timeline import categories, charts
from timeline.extraction.events.lexicon import languages, lexicon
from timeline.models import Event

CSS = Path(__file__).resolve().parent.parent / "static" / "timeline" / "css" / "categories.css"


def test_model_choices_are_the_registry():
    assert Event.Category.choices == categories.choices()
    assert Event._meta.get_field("category").choices == categories.choices()


def test_every_category_the_extractor_can_give_is_registered():
    # The lexicon loader refuses unknown categories; each language file names some.
    for language in languages():
        cues = lexicon(language).categories
        assert cues and {c.value for c in cues} <= set(categories.VALUES)


def test_chart_colours_come_from_the_registry():
    for category in categories.CATEGORIES:
        assert charts.category_colour(category.value) == category.colour
    assert charts.category_colour("no such kind") == categories.get("other").colour


def test_the_generated_stylesheet_is_up_to_date():
    assert CSS.read_text(encoding="utf-8") == categories.stylesheet(), (
        "run `manage.py write_category_css` after editing timeline/categories.py"
    )


def test_each_category_has_its_own_swatch_class_and_colour():
    classes = [c.css_class for c in categories.CATEGORIES]
    assert len(set(classes)) == len(classes)
    assert all(re.fullmatch(r"cat-[a-z0-9-]+", c) for c in classes)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c.colour) for c in categories.CATEGORIES)
    assert len({c.colour for c in categories.CATEGORIES}) == len(categories.CATEGORIES)


def test_unknown_values_fall_back_to_other():
    assert categories.get("retired kind").value == categories.OTHER
