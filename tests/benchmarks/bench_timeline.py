"""How the timeline page scales: 1k, 10k and 100k events (``make bench-timeline``).

Builds three synthetic conflicts in a throw-away SQLite database, then for each prints the
server time of the full page and of the htmx partial (median of repeated requests through
Django's test client), the bytes of each response, the number of SQL queries, and the time
until headless Chromium has drawn the chart (``performance.mark("timeline-drawn")`` set
by ``static/timeline/js/timeline.js``). Ends with the ratios 10k/1k and 100k/1k against the
target: 100k costs at most 3x what 1k costs in server time and bytes, and no response is
larger than 1.5 MB.

Run from the repository root: ``python tests/benchmarks/bench_timeline.py [--sizes 1000,10000]
[--repeat 15] [--no-browser]``. A benchmark, not a test: it asserts nothing and exits 0
unless something breaks.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="How the timeline page scales.")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument(
        "--db",
        help="keep the database at this path and reuse it on the next run (default: "
        "a temporary file, removed at the end)",
    )
    return parser.parse_args()


ARGS = parse_args()
TMP = Path(tempfile.mkdtemp(prefix="bench-timeline-"))
os.environ["SQLITE_PATH"] = ARGS.db or str(TMP / "bench.sqlite3")
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# DEBUG on only so {% static %} resolves without collectstatic; it is switched off below
# before anything is timed, so queries are not logged.
os.environ["DJANGO_DEBUG"] = "1"
os.environ["AXES_ENABLED"] = "0"
os.environ["DJANGO_LOG_LEVEL"] = "WARNING"

import warnings  # noqa: E402

# WhiteNoise notes that collectstatic has not run: irrelevant here, files come from finders.
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from timeline.dates import PRECISION_RANK  # noqa: E402
from timeline.models import Actor, Article, Conflict, Event, Mention  # noqa: E402

TARGET_RATIO = 3.0
TARGET_BYTES = 1_500_000
FIRST_DAY = datetime.date(2000, 1, 1)
SPAN_DAYS = 25 * 365
BACKGROUND_UNTIL = datetime.date(2003, 1, 1)
FACTUALITIES = ["happened", "planned", "deadline", "expected", "not_happened"]

PRECISIONS = [("day", 62), ("week", 8), ("month", 16), ("season", 3), ("quarter", 3), ("year", 7)]
MODS = ["", "", "", "", "", "START", "MID", "END", "APPROX"]
CATEGORIES = [c.value for c in Event.Category]
WORDS = [
    *[
        "talks",
        "ceasefire",
        "envoy",
        "delegation",
        "agreement",
        "withdrawal",
        "prisoners",
        "release",
        "statement",
    ],
    *[
        "mediators",
        "capital",
        "province",
        "border",
        "summit",
        "framework",
        "roadmap",
        "negotiators",
    ],
]


def interval(rng: random.Random, precision: str, day: datetime.date):
    if precision == "day":
        return day.isoformat(), day, day
    if precision == "week":
        start = day - datetime.timedelta(days=day.weekday())
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}", start, start + datetime.timedelta(days=6)
    if precision == "month":
        start = day.replace(day=1)
        end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        return f"{day:%Y-%m}", start, end
    if precision == "quarter":
        q = (day.month - 1) // 3
        start = datetime.date(day.year, 3 * q + 1, 1)
        end = (start + datetime.timedelta(days=95)).replace(day=1) - datetime.timedelta(days=1)
        return f"{day.year}-Q{q + 1}", start, end
    if precision == "season":
        start = datetime.date(day.year, 6, 21)
        return f"{day.year}-SU", start, datetime.date(day.year, 9, 22)
    return str(day.year), datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31)


def build_conflict(n_events: int, seed: int) -> Conflict:
    rng = random.Random(seed)
    conflict = Conflict.objects.create(name=f"Synthetic {n_events:,}", slug=f"synthetic-{n_events}")
    actors = [
        Actor.objects.create(name=f"Actor {n_events}-{i}", kind=Actor.Kind.ARMED_GROUP)
        for i in range(10)
    ]
    conflict.actors.set(actors)
    n_articles = max(1, n_events // 20)
    articles = Article.objects.bulk_create(
        Article(
            conflict=conflict,
            title=f"Article {i}",
            outlet="Bench Wire",
            published=FIRST_DAY + datetime.timedelta(days=rng.randrange(SPAN_DAYS)),
            body=f"Body {n_events}-{i}",
            content_hash=f"{n_events:08d}{i:056d}",
            extraction_status=Article.ExtractionStatus.DONE,
        )
        for i in range(n_articles)
    )
    kinds, weights = zip(*PRECISIONS, strict=True)
    batch = 5000
    for lo in range(0, n_events, batch):
        events = []
        for _ in range(lo, min(lo + batch, n_events)):
            precision = rng.choices(kinds, weights)[0]
            day = FIRST_DAY + datetime.timedelta(days=rng.randrange(SPAN_DAYS))
            value, start, end = interval(rng, precision, day)
            # The first years are history the articles recall (background), as in real
            # conflicts; a few events are plans or deadlines, a few carry several sources.
            events.append(
                Event(
                    conflict=conflict,
                    title=" ".join(rng.choices(WORDS, k=rng.randint(5, 12))).capitalize(),
                    category=rng.choice(CATEGORIES),
                    date_value=value,
                    date_precision=precision,
                    precision_rank=PRECISION_RANK[precision],
                    date_mod=rng.choice(MODS) if precision != "day" else "",
                    date_start=start,
                    date_end=end,
                    status=rng.choices(["proposed", "confirmed", "rejected"], [70, 25, 5])[0],
                    scope="background" if day < BACKGROUND_UNTIL else "core",
                    factuality=rng.choices(FACTUALITIES, [85, 8, 3, 3, 1])[0],
                    importance=round(rng.random(), 3),
                    source_count=rng.choice([1, 1, 1, 2, 3]),
                )
            )
        events = Event.objects.bulk_create(events)
        links = []
        mentions = []
        for j, event in enumerate(events):
            for actor in rng.sample(actors, rng.choice([0, 1, 1, 2])):
                links.append(Event.actors.through(event_id=event.pk, actor_id=actor.pk))
            article = articles[(lo + j) % n_articles]
            offset = (lo + j) * 10
            mentions.append(
                Mention(
                    event=event,
                    article=article,
                    sentence=event.title,
                    sentence_start=offset,
                    sentence_end=offset + len(event.title),
                    expression_text="on Sunday",
                    expression_start=offset,
                    expression_end=offset + 9,
                    resolved_value=event.date_value,
                    resolved_precision=event.date_precision,
                    resolved_start=event.date_start,
                    resolved_end=event.date_end,
                    extractor_version="bench",
                    key=f"bench-{lo + j}",
                )
            )
        Event.actors.through.objects.bulk_create(links)
        Mention.objects.bulk_create(mentions)
    return conflict


def timed(client: Client, url: str, repeat: int, **headers) -> tuple[float, int, int]:
    """Median seconds, bytes and query count of GET url."""
    client.get(url, headers=headers)  # warm caches (templates, plotly validators)
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)
    ):
        response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        response = client.get(url, headers=headers)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), len(response.content), len(queries)


class LiveServer:
    """The site on a free local port, static files included, for Chromium to load."""

    def __enter__(self) -> str:
        from django.contrib.staticfiles.handlers import StaticFilesHandler
        from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
        from django.core.wsgi import get_wsgi_application

        class QuietHandler(WSGIRequestHandler):
            def log_message(self, *args) -> None:
                pass

        self.server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=True)
        self.server.set_app(StaticFilesHandler(get_wsgi_application()))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def browser_times(base: str, slugs: list[str], repeat: int) -> dict[str, float | None]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is not installed: skipping the browser timings")
        return {}
    executable = shutil.which("chromium")
    if not executable:
        print("chromium is not on PATH: skipping the browser timings")
        return {}
    out: dict[str, float | None] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=executable,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        # One visit first so plotly.min.js is cached, as it is for any returning reader.
        page.goto(f"{base}/conflicts/{slugs[0]}/")
        page.wait_for_selector("#timeline-chart[data-drawn=true]", timeout=60_000)
        for slug in slugs:
            samples = []
            for _ in range(repeat):
                page.goto(f"{base}/conflicts/{slug}/")
                page.wait_for_selector("#timeline-chart[data-drawn=true]", timeout=60_000)
                samples.append(
                    page.evaluate(
                        "performance.getEntriesByName('timeline-drawn')[0].startTime / 1000"
                    )
                )
            out[slug] = statistics.median(samples)
        browser.close()
    return out


def main() -> int:
    args = ARGS
    sizes = [int(s) for s in args.sizes.split(",")]

    print(f"Throw-away database: {os.environ['SQLITE_PATH']}")
    call_command("migrate", verbosity=0)
    conflicts = {}
    for i, n in enumerate(sizes):
        existing = Conflict.objects.filter(slug=f"synthetic-{n}").first()
        if existing is not None:
            conflicts[n] = existing
            continue
        t0 = time.perf_counter()
        with transaction.atomic():
            conflicts[n] = build_conflict(n, seed=i)
        print(f"  built {n:>7,} events in {time.perf_counter() - t0:5.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
    client = Client()
    results = {}
    for n, conflict in conflicts.items():
        url = f"/conflicts/{conflict.slug}/"
        page = timed(client, url, args.repeat)
        partial = timed(client, url, args.repeat, HX_Request="true")
        results[n] = {"page": page, "partial": partial}

    drawn: dict = {}
    if not args.no_browser:
        with LiveServer() as base:
            drawn = browser_times(base, [c.slug for c in conflicts.values()], repeat=3)

    print()
    header = (
        f"{'events':>8} | {'page ms':>8} {'page KB':>8} {'q':>3} | "
        f"{'partial ms':>10} {'partial KB':>10} {'q':>3} | {'drawn ms':>8}"
    )
    print(header)
    print("-" * len(header))
    for n, r in results.items():
        (pt, pb, pq), (xt, xb, xq) = r["page"], r["partial"]
        d = drawn.get(conflicts[n].slug)
        d_text = f"{d * 1000:8.0f}" if d is not None else f"{'-':>8}"
        print(
            f"{n:>8,} | {pt * 1000:8.1f} {pb / 1024:8.1f} {pq:>3} | "
            f"{xt * 1000:10.1f} {xb / 1024:10.1f} {xq:>3} | {d_text}"
        )

    base_n = sizes[0]
    ok = True
    print()
    for n in sizes[1:]:
        ratios = {
            "page time": results[n]["page"][0] / results[base_n]["page"][0],
            "partial time": results[n]["partial"][0] / results[base_n]["partial"][0],
            "page bytes": results[n]["page"][1] / results[base_n]["page"][1],
            "partial bytes": results[n]["partial"][1] / results[base_n]["partial"][1],
        }
        if drawn.get(conflicts[n].slug) and drawn.get(conflicts[base_n].slug):
            ratios["drawn"] = drawn[conflicts[n].slug] / drawn[conflicts[base_n].slug]
        text = ", ".join(f"{k} {v:.2f}x" for k, v in ratios.items())
        print(f"ratio {n:,}/{base_n:,}: {text}")
        ok &= all(v <= TARGET_RATIO for k, v in ratios.items() if k != "drawn")
    largest = max(max(r["page"][1], r["partial"][1]) for r in results.values())
    ok &= largest <= TARGET_BYTES
    print(f"largest response: {largest / 1024:.1f} KB (limit {TARGET_BYTES / 1024:.0f} KB)")
    print(
        f"target (server time and bytes at most {TARGET_RATIO:.0f}x the smallest, "
        f"responses at most 1.5 MB): {'met' if ok else 'NOT met'}"
    )
    shutil.rmtree(TMP, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
