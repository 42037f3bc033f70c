"""Forms: validation only. Writes happen in services."""

from __future__ import annotations

from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from timeline.models import Actor, Article, Event
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


class CleanTextField(forms.CharField):
    """A text field that strips NUL and control characters before validation.

    Django's CharField refuses NUL outright; pasted articles often carry one, and the
    promise is to strip them (identically on every database), not to reject the article.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return text_clean(value) if isinstance(value, str) else value


class ArticleForm(forms.ModelForm):
    """Article entry: the rules that keep bad input out of the database."""

    class Meta:
        model = Article
        fields = ["conflict", "title", "outlet", "url", "published", "language", "body"]
        field_classes = {"title": CleanTextField, "outlet": CleanTextField, "body": CleanTextField}
        widgets = {
            "body": forms.Textarea(attrs={"rows": 20, "cols": 100}),
            "published": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "body": {"required": "The article text is empty."},
            "published": {"required": "Give the publication date: it anchors every relative date."},
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


# --- Editorial ---------------------------------------------------------------------------

PRECISION_AUTO = ""
MOD_AUTO = "auto"


class EventEditForm(forms.Form):
    """An editor's correction of one event; the date is typed as free text.

    ``date_text`` is read by the extractor's normaliser against ``anchor`` (the article's
    publication date, else the event's own date); ``precision`` and ``mod`` override what
    it found. ``version`` is the version the editor loaded: the service refuses the save if
    someone else saved in between. ``cleaned_data["date"]`` holds the resolved date fields.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    title = forms.CharField(max_length=300)
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    category = forms.ChoiceField(choices=Event.Category.choices)
    actors = forms.ModelMultipleChoiceField(
        queryset=Actor.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    places = forms.CharField(
        required=False, max_length=1000, help_text="Separate places with commas."
    )
    date_text = forms.CharField(
        label="Date",
        max_length=100,
        help_text="For example “12 Feb 2021”, “early March 2020”, “September last year”, “2019”.",
    )
    precision = forms.ChoiceField(
        required=False,
        choices=[(PRECISION_AUTO, "as typed"), *Event.Precision.choices],
        help_text="Override the precision the date was read with.",
    )
    mod = forms.ChoiceField(
        label="Modifier",
        required=False,
        choices=[(MOD_AUTO, "as typed"), ("", "none"), *Event.Mod.choices[1:]],
    )

    def __init__(self, *args, event: Event, anchor: date, language: str = "en", **kwargs):
        kwargs.setdefault("initial", event_form_initial(event=event))
        super().__init__(*args, **kwargs)
        self.event = event
        self.anchor = anchor
        self.language = language
        self.fields["actors"].queryset = Actor.objects.filter(
            Q(conflicts=event.conflict_id) | Q(events=event.pk)
        ).distinct()

    def clean_title(self) -> str:
        title = line_clean(self.cleaned_data.get("title") or "")
        if not title:
            raise ValidationError("Give the event a title.", code="required")
        return title

    def clean_summary(self) -> str:
        return text_clean(self.cleaned_data.get("summary") or "").strip()

    def clean_places(self) -> list[str]:
        seen: list[str] = []
        for part in (self.cleaned_data.get("places") or "").split(","):
            place = line_clean(part)[:200]
            if place and place not in seen:
                seen.append(place)
        return seen

    def clean(self) -> dict:
        cleaned = super().clean()
        text = line_clean(cleaned.get("date_text") or "")
        if "date_text" in self.errors or not text:
            return cleaned
        precision = cleaned.get("precision") or PRECISION_AUTO
        mod = cleaned.get("mod", MOD_AUTO)
        mod = MOD_AUTO if mod is None else mod
        try:
            cleaned["date"] = event_date_resolve(
                event=self.event,
                text=text,
                anchor=self.anchor,
                language=self.language,
                precision=precision,
                mod=mod,
            )
        except ValidationError as exc:
            self.add_error("date_text", exc)
        return cleaned

    def changes(self, *, current: Event) -> dict:
        """The cleaned values that differ from ``current``, in ``event_update`` form."""
        data = self.cleaned_data
        out: dict = {}
        for name in ("title", "summary", "category", "places"):
            if data[name] != getattr(current, name):
                out[name] = data[name]
        for name, value in data["date"].items():
            if getattr(current, name) != value:
                out.update(data["date"])
                break
        if {a.pk for a in data["actors"]} != set(current.actors.values_list("pk", flat=True)):
            out["actors"] = list(data["actors"])
        return out


def event_form_initial(*, event: Event) -> dict:
    """The edit form's starting values for an event as it stands."""
    return {
        "version": event.version,
        "title": event.title,
        "summary": event.summary,
        "category": event.category,
        "actors": list(event.actors.all()) if event.pk else [],
        "places": ", ".join(event.places or []),
        "date_text": event.display_date,
        "precision": PRECISION_AUTO,
        "mod": MOD_AUTO,
    }


def event_date_resolve(
    *, event: Event, text: str, anchor: date, language: str, precision: str, mod: str
) -> dict:
    """The date fields for the typed text, with the editor's precision/mod overrides.

    Text identical to the event's displayed date keeps the stored date (so an unchanged
    field is not re-read); anything else goes through the extractor's normaliser. Raises
    ``ValidationError`` with a message for the editor when the text is not a date.
    """
    from timeline.extraction import timex_calendar as cal

    if text == event.display_date and event.date_value:
        value, found_mod = event.date_value, event.date_mod
        found_precision, start, end = event.date_precision, event.date_start, event.date_end
    else:
        expr = _normalise(text=text, anchor=anchor, language=language)
        value, found_mod = expr.value, expr.mod if expr.mod in Event.Mod.values else ""
        found_precision = expr.precision
        start, end = expr.interval_start, expr.interval_end
    if found_precision not in Event.Precision.values:
        found_precision = "quarter" if found_precision == "half" else "day"
    new_mod = found_mod if mod == MOD_AUTO else mod
    new_precision = precision or found_precision
    if new_precision != found_precision or new_mod != found_mod:
        # Re-derive value and interval from the period the date falls in, so an override
        # to "month" turns 12 Feb 2021 into 2021-02 (1-28 Feb), never a fake day.
        try:
            period = cal.containing(new_precision, start)
            value = period.value
            start, end = cal.part_interval(period, new_mod)
        except (ValueError, cal.OutOfRange) as exc:
            raise ValidationError(f"That date is out of range: {exc}", code="range") from None
    return {
        "date_value": value[:32],
        "date_mod": new_mod,
        "date_precision": new_precision,
        "date_start": start,
        "date_end": end,
    }


def _normalise(*, text: str, anchor: date, language: str):
    hint = "Try “12 Feb 2021”, “early March 2020”, “Q3 2019” or “2019”."
    try:
        from timeline.extraction.tagger import normalise_phrase
    except ImportError:
        raise ValidationError(
            "The date reader is not installed yet; the date cannot be changed.", code="parser"
        ) from None
    try:
        expr = normalise_phrase(text, anchor=anchor, language=language)
    except Exception:  # the normaliser must never turn a typo into a server error
        expr = None
    if expr is None or not getattr(expr, "is_dating", False):
        raise ValidationError(
            "Could not read a date from “%(text)s”. " + hint,
            code="unreadable",
            params={"text": text},
        )
    return expr
