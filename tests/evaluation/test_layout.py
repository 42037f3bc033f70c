"""The scorers stay pure Python; the selectors are keyword-only, typed and documented."""

from __future__ import annotations

import inspect
import subprocess
import sys

from tests.conftest import REPO


def test_scorers_import_no_django():
    code = (
        "import sys\n"
        "import timeline.evaluation.coref, timeline.evaluation.rouge\n"
        "import timeline.evaluation.events, timeline.evaluation.timelines\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_selectors_are_keyword_only_typed_and_documented():
    from timeline.selectors import evaluation

    functions = [
        f
        for name, f in inspect.getmembers(evaluation, inspect.isfunction)
        if f.__module__ == evaluation.__name__ and not name.startswith("_")
    ]
    assert len(functions) == 7
    for f in functions:
        signature = inspect.signature(f)
        assert all(p.kind is p.KEYWORD_ONLY for p in signature.parameters.values()), f
        assert signature.return_annotation is not inspect.Signature.empty, f
        assert f.__doc__, f
