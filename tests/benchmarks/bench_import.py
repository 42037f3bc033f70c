"""Import throughput with joining on (``make bench-import``).

Generates news-like articles about one synthetic conflict (varied actors, places, kinds of
happening; published over five years, each reporting mostly the last days' happenings and
now and then recalling an older one, so joining has real candidates to weigh) and imports
them one by one through ``services.article_create`` with inline extraction, in a
throw-away SQLite database (or the database ``DATABASE_URL`` names, when ``--postgres`` is
given). Prints articles per second for each block of articles and overall, the share of
mentions that joined an existing event, and the ratio of the last block's time per article
to the first's: joining draws its candidates from an index on conflict and dates, so the
ratio should stay near 1, not grow with the number of events (quadratic).

Run from the repository root: ``python tests/benchmarks/bench_import.py [--articles
1000,10000] [--seed 1]``. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Import throughput with joining on.")
    parser.add_argument("--articles", default="1000,10000", help="sizes to measure")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--block", type=int, default=500, help="articles per timed block")
    parser.add_argument("--postgres", action="store_true", help="use DATABASE_URL as is")
    return parser.parse_args()


ARGS = parse_args()
TMP = Path(tempfile.mkdtemp(prefix="bench-import-"))
if not ARGS.postgres:
    os.environ["SQLITE_PATH"] = str(TMP / "bench.sqlite3")
    os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["DJANGO_DEBUG"] = "1"
os.environ["DJANGO_LOG_LEVEL"] = "WARNING"
os.environ["EXTRACT_INLINE"] = "1"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from timeline import services  # noqa: E402
from timeline.models import Actor, Conflict, Event, Mention  # noqa: E402

ACTORS = [
    ("Northern Front", "armed_group", ["the Front", "NF"]),
    ("Republic of Osterland", "government", ["the government", "Osterland"]),
    ("Amara Koné", "person", ["Koné"]),
    ("Julien Barre", "mediator", ["Barre", "the envoy"]),
    ("Regional Union", "international_body", ["the Union"]),
    ("Western Brigades", "armed_group", ["the Brigades"]),
]
PLACES = ["Geneva", "Nairobi", "Doha", "Addis Ababa", "Kampala", "Oslo", "Istanbul", "Cairo"]
HAPPENINGS = [
    "{a} and {b} signed a ceasefire agreement in {p} on {d}",
    "{a} and {b} held a new round of talks in {p} on {d}",
    "{a} released {n} prisoners in {p} on {d}",
    "Fighters of {a} attacked a convoy near {p} on {d}, killing {n} people",
    "{a} withdrew {n} troops from {p} on {d}",
    "The envoy {c} visited {p} on {d} to meet {a}",
    "{a} suspended the talks with {b} on {d}",
    "{a} announced sanctions against {b} on {d}",
    "Talks between {a} and {b} are due to resume in {p} on {d}",
    "{a} is reviewing the agreement it signed with {b} in {p}",
]
FILLER = [
    "Diplomats said the next weeks would be decisive.",
    "Residents described a tense calm in the city.",
    "Observers doubted that the commitments would hold.",
    "The statement gave no further details.",
]


def article_text(rng: random.Random, start: datetime.date, published: datetime.date) -> str:
    names = [a[0] for a in ACTORS]
    parts = []
    for _ in range(rng.randint(3, 6)):
        # As in real coverage: mostly the last days' news, now and then an older recall.
        if rng.random() < 0.15:
            back = rng.randint(0, (published - start).days)
        else:
            back = min(int(rng.expovariate(1 / 6)), (published - start).days)
        day = published - datetime.timedelta(days=back)
        a, b = rng.sample(names, 2)
        sentence = rng.choice(HAPPENINGS).format(
            a=a,
            b=b,
            c=rng.choice(names),
            p=rng.choice(PLACES),
            d=f"{day.day} {day:%B %Y}",
            n=rng.randint(5, 900),
        )
        parts.append(sentence + ". " + rng.choice(FILLER))
    return "\n\n".join(parts)


def main() -> None:
    call_command("migrate", verbosity=0)
    sizes = sorted(int(s) for s in ARGS.articles.split(","))
    rng = random.Random(ARGS.seed)
    conflict = Conflict.objects.create(name="Bench conflict", slug=f"bench-{os.getpid()}")
    for name, kind, aliases in ACTORS:
        actor, _ = Actor.objects.get_or_create(
            name=name, defaults={"kind": kind, "aliases": aliases}
        )
        actor.conflicts.add(conflict)
    start = datetime.date(2018, 1, 1)
    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    block_rates: list[float] = []
    done = 0
    began = time.perf_counter()
    block_began = began
    for target in sizes:
        while done < target:
            published = start + datetime.timedelta(days=30 + done * 1800 // sizes[-1])
            services.article_create(
                conflict=conflict,
                title=f"Bench article {done}",
                published=published,
                body=article_text(rng, start, published),
            )
            done += 1
            if done % ARGS.block == 0:
                now = time.perf_counter()
                block_rates.append(ARGS.block / (now - block_began))
                print(f"  articles {done - ARGS.block + 1:>6}-{done:<6} {block_rates[-1]:6.1f}/s")
                block_began = now
        elapsed = time.perf_counter() - began
        mentions = Mention.objects.filter(article__conflict=conflict)
        joined = mentions.exclude(join_score=None).count()
        print(
            f"{target} articles: {target / elapsed:.1f} articles/s overall, "
            f"{Event.objects.filter(conflict=conflict).count()} events, "
            f"{mentions.count()} mentions ({100 * joined / max(mentions.count(), 1):.0f}% joined "
            "an existing event)"
        )
    if len(block_rates) >= 2:
        print(
            f"last block / first block time per article: {block_rates[0] / block_rates[-1]:.2f}"
            " (1.0 = linear; quadratic joining would grow with the number of events)"
        )


if __name__ == "__main__":
    main()
