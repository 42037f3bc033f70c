"""Background jobs (Django tasks API, run by ``manage.py db_worker``). They call services."""

from __future__ import annotations

from django.tasks import task


@task
def extract_article(*, article_id: int) -> str:
    """Extract one article's events in the background; returns the report as text."""
    from timeline.models import Article
    from timeline.services import article_extract

    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return "article no longer exists"
    return str(article_extract(article=article))
