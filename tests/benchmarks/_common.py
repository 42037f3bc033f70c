"""What the benchmark scripts share: the repository root on ``sys.path``.

The scripts run as ``python tests/benchmarks/<name>.py``, and Python puts the script's own
folder, this one, on ``sys.path``: so ``import _common`` works from them, and importing it
puts the repository root there too, for ``timeline`` and ``tests`` to import as they do
under pytest. A script imports it before those packages.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
