"""The TimeML articles written for this project (tests/extraction/data/heldout_*, holdout*_*).

Seven sets of English, French and Spanish news articles, annotated by hand with TIMEX3 before
the extractor was run on them (README, "Measuring"). They guard against regressions on text
the rules were not first written from; the floors sit a few points under today's figures,
so a change that costs several values fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.extraction.evaluation import OURS, evaluate_corpus, extractor_timexes
from timeline.extraction.timeml import find_timeml_files

DATA = Path(__file__).parent / "data"

FLOORS = {  # (set, language): (value F1, strict F1, type F1), in percent
    ("heldout", "en"): (93.0, 96.0, 96.0),
    ("heldout", "fr"): (94.0, 95.0, 96.0),
    ("heldout", "es"): (94.0, 96.0, 97.0),
    ("holdout2", "en"): (91.0, 95.0, 94.0),
    ("holdout2", "fr"): (90.0, 96.0, 96.0),
    ("holdout2", "es"): (91.0, 96.0, 94.0),
    ("holdout3", "en"): (91.0, 95.0, 94.0),
    ("holdout3", "fr"): (95.0, 95.0, 95.0),
    ("holdout3", "es"): (92.0, 93.0, 93.0),
    ("holdout4", "en"): (92.0, 93.0, 95.0),
    ("holdout4", "fr"): (86.0, 96.0, 96.0),
    ("holdout4", "es"): (93.0, 96.0, 96.0),
    ("holdout5", "en"): (94.0, 94.0, 97.0),
    ("holdout5", "fr"): (93.0, 97.0, 97.0),
    ("holdout5", "es"): (92.0, 95.0, 96.0),
    ("holdout6", "en"): (90.0, 94.0, 95.0),
    ("holdout6", "fr"): (92.0, 95.0, 95.0),
    ("holdout6", "es"): (88.0, 95.0, 95.0),
    ("holdout7", "en"): (85.0, 93.0, 92.0),
    ("holdout7", "fr"): (82.0, 86.0, 90.0),
    ("holdout7", "es"): (76.0, 78.0, 91.0),
}


@pytest.mark.parametrize(("name", "language"), sorted(FLOORS))
def test_heldout_articles_score_above_their_floor(name, language):
    paths = find_timeml_files(DATA / f"{name}_{language}")
    assert len(paths) >= 3
    report = evaluate_corpus(
        paths,
        {OURS: lambda doc: extractor_timexes(doc.text, doc.dct, language=language)},
        time_limit=None,
    )
    ours = report.systems[OURS]
    assert ours.errors == []
    scores = ours.counts.scores()
    value, strict, type_ = (100 * scores[k] for k in ("value_f1", "strict_f1", "type_f1"))
    want_value, want_strict, want_type = FLOORS[(name, language)]
    assert value >= want_value, f"value F1 {value:.1f} < {want_value}"
    assert strict >= want_strict, f"strict F1 {strict:.1f} < {want_strict}"
    assert type_ >= want_type, f"type F1 {type_:.1f} < {want_type}"
