"""Forms: validation only. Writes happen in services."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from timeline.models import Article
from timeline.services import article_content_hash, line_clean, text_clean


def _article_link(article: Article) -> str:
    url = reverse("admin:timeline_article_change", args=[article.pk])
    return format_html(
        '<a href="{}">“{}” ({}, {})</a>',
        url,
        article.title,
        article.outlet or "no outlet",
        article.published.isoformat(),
    )


class ArticleForm(forms.ModelForm):
    """Article entry: the rules that keep bad input out of the database."""

    class Meta:
        model = Article
        fields = ["conflict", "title", "outlet", "url", "published", "language", "body"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 20, "cols": 100}),
            "published": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {
            "body": "Paste the article text. Dates such as “last week” are resolved against "
            "the publication date.",
        }

    def clean_title(self) -> str:
        title = line_clean(self.cleaned_data.get("title") or "")
        if not title:
            raise ValidationError("Give the article a title.", code="required")
        return title

    def clean_outlet(self) -> str:
        return line_clean(self.cleaned_data.get("outlet") or "")

    def clean_published(self):
        published = self.cleaned_data.get("published")
        if published and published > timezone.localdate():
            raise ValidationError(
                "The publication date %(date)s is in the future; relative dates in the text "
                "would be resolved against a day that has not happened.",
                code="future",
                params={"date": published.isoformat()},
            )
        return published

    def clean_body(self) -> str:
        raw = self.cleaned_data.get("body") or ""
        size = len(raw.encode("utf-8", "replace"))
        limit = settings.ARTICLE_MAX_CHARS
        if size > limit:
            raise ValidationError(
                "The text is %(size)s bytes; the limit is %(limit)s (1 MB). Split the article "
                "or paste only its body.",
                code="too_large",
                params={"size": f"{size:,}", "limit": f"{limit:,}"},
            )
        body = text_clean(raw).strip()
        if not body:
            raise ValidationError("The article text is empty.", code="required")
        duplicate = (
            Article.objects.filter(content_hash=article_content_hash(body=body))
            .exclude(pk=self.instance.pk)
            .first()
        )
        if duplicate:
            raise ValidationError(
                format_html("This text is already stored as {}.", _article_link(duplicate)),
                code="duplicate_content",
            )
        return body

    def clean_url(self) -> str:
        url = (self.cleaned_data.get("url") or "").strip()
        if url:
            duplicate = Article.objects.filter(url=url).exclude(pk=self.instance.pk).first()
            if duplicate:
                raise ValidationError(
                    format_html("This URL is already stored as {}.", _article_link(duplicate)),
                    code="duplicate_url",
                )
        return url

    def validate_unique(self) -> None:
        # URL and content duplicates are checked above with a link to the existing article;
        # the database constraints remain the last line of defence.
        return None
