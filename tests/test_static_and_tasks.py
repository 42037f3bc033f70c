import datetime as dt

import pytest
from django.contrib.staticfiles import finders

from tests.factories import ConflictFactory
from timeline import services
from timeline.models import Article


def test_plotly_js_is_served_from_the_installed_package():
    path = finders.find("vendor/plotly/plotly.min.js")
    assert path and path.endswith("plotly/package_data/plotly.min.js")


def test_htmx_comes_from_django_htmx():
    assert finders.find("django_htmx/htmx-2.min.js")


@pytest.mark.django_db
def test_static_files_are_served_by_whitenoise(client):
    response = client.get("/static/vendor/plotly/plotly.min.js")
    assert response.status_code == 200
    first = b"".join(response.streaming_content)[:2000]
    assert b"plotly" in first.lower()


@pytest.mark.django_db
def test_pages_send_a_content_security_policy_without_inline_scripts(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    script_src = next(part for part in csp.split(";") if "script-src" in part)
    assert "'self'" in script_src
    assert "unsafe-inline" not in script_src


@pytest.mark.django_db(transaction=True)
def test_queued_extraction_runs_through_the_tasks_api(settings):
    settings.EXTRACT_INLINE = False
    article = services.article_create(
        conflict=ConflictFactory(),
        title="Queued",
        published=dt.date(2021, 2, 28),
        body="Talks resumed in Doha on Sunday.",
    )
    article.refresh_from_db()
    # ImmediateBackend (tests/conftest.py) runs the task as soon as it is enqueued on commit.
    assert article.extraction_status == Article.ExtractionStatus.DONE
    assert article.mentions.filter(resolved_value="2021-02-28").exists()
