"""The held-out TimeML articles written for this project (tests/extraction/data/heldout_*).

Twelve English, six French and six Spanish news articles, annotated by hand with TIMEX3
before the extractor was run on them. They guard against regressions on text the rules
were not written from; the floors sit a little under the figures measured when the set was
made (README, "Measuring"), so a change that costs several values fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.extraction.evaluation import OURS, evaluate_corpus, extractor_timexes
from timeline.extraction.timeml import find_timeml_files

DATA = Path(__file__).parent / "data"

FLOORS = {  # language: (value F1, strict F1, type F1), in percent
    "en": (92.0, 95.0, 95.0),
    "fr": (92.0, 90.0, 95.0),
    "es": (90.0, 88.0, 95.0),
}


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_heldout_articles_score_above_their_floor(language):
    paths = find_timeml_files(DATA / f"heldout_{language}")
    assert len(paths) >= 6
    report = evaluate_corpus(
        paths,
        {OURS: lambda doc: extractor_timexes(doc.text, doc.dct, language=language)},
        time_limit=None,
    )
    ours = report.systems[OURS]
    assert ours.errors == []
    scores = ours.counts.scores()
    value, strict, type_ = (100 * scores[k] for k in ("value_f1", "strict_f1", "type_f1"))
    want_value, want_strict, want_type = FLOORS[language]
    assert value >= want_value, f"value F1 {value:.1f} < {want_value}"
    assert strict >= want_strict, f"strict F1 {strict:.1f} < {want_strict}"
    assert type_ >= want_type, f"type F1 {type_:.1f} < {want_type}"
