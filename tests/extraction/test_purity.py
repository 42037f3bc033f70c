"""The extractor is pure Python: importing and running it never loads Django."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_extraction_package_runs_without_django():
    code = (
        "import sys, datetime\n"
        "from timeline.extraction import extract\n"
        "r = extract('Talks resumed on Sunday.', published=datetime.date(2021, 2, 28))\n"
        "assert r.expressions, r\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
