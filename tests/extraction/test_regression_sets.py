"""The hand-annotated TimeML sets written for this project, as regression sets.

Each ``spec/<language>/regression/<set>/`` holds news articles annotated by hand with TIMEX3
before the extractor was run on them (README, "Measuring the extractor"), and a
``floors.json``. The rules have since been tuned on them, so they guard against regressions
rather than measure unseen text; the floors sit a few points under each set's figures, so a
change that costs several values fails here. Sets are discovered from the folders: a new
language or set adds files, not test code.
"""

from __future__ import annotations

import json

import pytest

from timeline.extraction.evaluation import OURS, evaluate_corpus, extractor_timexes
from timeline.extraction.timeml import find_timeml_files

from .spec_data import regression_sets

SETS = regression_sets()


def test_every_language_has_its_regression_sets():
    assert {lang for lang, _, _ in SETS} >= {"en", "fr", "es"}
    assert len(SETS) >= 21


@pytest.mark.parametrize(
    ("language", "name", "folder"), SETS, ids=[f"{lang}-{name}" for lang, name, _ in SETS]
)
def test_regression_set_scores_above_its_floor(language, name, folder):
    floors = json.loads((folder / "floors.json").read_text(encoding="utf-8"))
    paths = find_timeml_files(folder)
    assert len(paths) >= 3
    report = evaluate_corpus(
        paths,
        {OURS: lambda doc: extractor_timexes(doc.text, doc.dct, language=language)},
        time_limit=None,
    )
    ours = report.systems[OURS]
    assert ours.errors == []
    scores = ours.counts.scores()
    for key in ("value_f1", "strict_f1", "type_f1"):
        got = 100 * scores[key]
        assert got >= floors[key], f"{key} {got:.1f} < {floors[key]}"
