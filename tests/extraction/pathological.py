"""Inputs known to be slow or to fail somewhere in date parsing (dateparser, regexes).

Shared by the robustness tests (which check the outcome) and
``tests/benchmarks/bench_robustness.py`` (which times them).
"""

from __future__ import annotations

KNOWN_BAD = [
    ": 20/05/20",
    "?" * 100000 + "x",
    "123456789 hour",
    "123456789 hours ago",
    "99999999999999 years later",
    "\x00" * 1000,
    "May " * 5000,
    "9" * 50000,
    "1/1/1 " * 3000,
    "the " * 20000 + "week",
    "31 February 2021, 30 February 2020, 0 March",
    "in the year 9999 and 0999 and 2201",
    "a" + "\u0301" * 10000,
]

# Editor phrases that are not dates, some of which dateparser is slow on.
KNOWN_BAD_PHRASES = [": 20/05/20", "123456789 hour", "?" * 100000 + "x", "\x00"]

# Megabyte inputs for the sentence splitter: quadratic behaviour would take minutes.
MEGABYTE_TEXTS = {
    "news": "The U.S. envoy met Dr. J. Smith on Sept. 11 in Kabul. " * 20_000,
    "dots": "." * 1_000_000,
    "spaces": " " * 1_000_000,
    "blank-lines": "\n \n" * 300_000,
    "acronyms": "U.S. " * 200_000,
    "one-token": "x" * 1_000_000,
    "no-spaces": "a." * 500_000,
}
