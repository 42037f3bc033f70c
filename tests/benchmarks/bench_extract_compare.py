"""``extract()`` throughput now against an earlier commit, on the same documents
(``make bench-extract-compare REV=<commit>``).

The earlier commit is checked out in a throw-away git worktree. Each round runs one child
process per tree, in turn (before, now, before, now...), so that a change in machine load
weighs on both alike; each child extracts every document of every language after a warm-up
on a few whole documents, twice (the first pass meets most words for the first time; the
second is a worker that has been extracting for a while), and reports documents per
CPU-second of its own process for each pass (CPU
time, not wall-clock: other work on a shared machine disturbs it less). The best round of
each tree is printed. Documents: TimeBank + AQUAINT for English, the French TimeBank dev
set for French, ``tests/extraction/spec/<language>/`` for the others. A benchmark, not a
test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import REPO  # the repository root on sys.path, for timeline below

from timeline.extraction.timeml import find_timeml_files, read_timeml

SHARED = REPO.parent / "shared" / "corpora"

# Run in a child process inside one tree: time extract() over the documents.
CHILD = """
import datetime, json, sys, time
sys.path.insert(0, ".")
from timeline.extraction import extract
rates = {}
for language, docs in json.load(open(sys.argv[1])).items():
    docs = [(text, datetime.date.fromisoformat(day)) for text, day in docs]
    def run(batch):
        for text, day in batch:
            try:
                extract(text, published=day, language=language)
            except Exception:
                pass  # a language the older tree refuses still costs its time
    run(docs[:3])
    rate = []
    for _ in range(2):  # first pass: words met for the first time; second: a warm worker
        started = time.process_time()
        run(docs)
        rate.append(len(docs) / max(time.process_time() - started, 1e-9))
    rates[language] = rate
print(json.dumps(rates))
"""


def documents() -> dict[str, list[tuple[str, str]]]:
    sources = {"en": SHARED / "te3-train", "fr": SHARED / "ftib-dev"}
    for folder in sorted((REPO / "tests" / "extraction" / "spec").iterdir()):
        if folder.is_dir() and folder.name not in sources:
            sources[folder.name] = folder
    out = {}
    for language, folder in sources.items():
        docs = [read_timeml(p) for p in find_timeml_files(folder)]
        out[language] = [(d.text, d.dct.isoformat()) for d in docs if d.dct is not None]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the earlier commit (or branch, tag)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as tmp:
        before = Path(tmp) / "before"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "--detach", str(before), args.rev],
            check=True,
            capture_output=True,
        )
        try:
            docs_file = Path(tmp) / "docs.json"
            docs = documents()
            docs_file.write_text(json.dumps(docs))
            best: dict[str, dict[str, float]] = {"before": {}, "now": {}}
            for _ in range(args.rounds):
                for name, tree in (("before", before), ("now", REPO)):
                    done = subprocess.run(
                        [sys.executable, "-c", CHILD, str(docs_file)],
                        cwd=tree,
                        check=True,
                        capture_output=True,
                        text=True,
                    )
                    for language, rate in json.loads(done.stdout.splitlines()[-1]).items():
                        got = best[name].setdefault(language, [0.0, 0.0])
                        best[name][language] = [max(a, b) for a, b in zip(got, rate, strict=True)]
        finally:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(before)],
                check=False,
                capture_output=True,
            )
    print(f"extract() documents per CPU-second, best of {args.rounds} rounds")
    for k, label in enumerate(("first pass (cold caches)", "second pass (a warm worker)")):
        print(f"\n{label}")
        print(f"{'language':<10} {'documents':>9} {args.rev[:12]:>12} {'now':>9} {'change':>8}")
        for language, items in docs.items():
            old, new = best["before"][language][k], best["now"][language][k]
            print(f"{language:<10} {len(items):>9} {old:>12.1f} {new:>9.1f} {new / old - 1:>+8.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
