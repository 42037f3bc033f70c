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

from timeline import categories
from timeline.dates import MODS, DateTextError, EventDate
from timeline.models import Actor, Article, Event
from timeline.services import article_content_hash, line_clean, text_clean


def _title(cleaned_data: dict, what: str) -> str:
    """The title field on one clean line; an empty one is refused."""
    title = line_clean(cleaned_data.get("title") or "")
    if not title:
        raise ValidationError(f"Give the {what} a title.", code="required")
    return title


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
            # dir=auto: Arabic, Persian or Hebrew text is typed and shown right to left.
            "body": forms.Textarea(attrs={"rows": 20, "cols": 100, "dir": "auto"}),
            "title": forms.TextInput(attrs={"dir": "auto", "size": 80}),
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["language"]
        field.required = False
        field.choices = [("", "Detect it from the text"), *(c for c in field.choices if c[0])]
        field.help_text = (
            "Leave it to be detected, or choose it. A language the extractor cannot read is "
            "kept with a warning, never read as English."
        )
        # A new article offers detection, not the model's default language.
        if self.instance._state.adding and not (kwargs.get("initial") or {}).get("language"):
            self.initial["language"] = ""

    def clean_title(self) -> str:
        return _title(self.cleaned_data, "article")

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
        size = len(raw)
        limit = settings.ARTICLE_MAX_CHARS
        if size > limit:
            raise ValidationError(
                "The text is %(size)s characters long; the limit is %(limit)s. Split the "
                "article or paste only its body.",
                code="too_large",
                params={"size": f"{size:,}", "limit": f"{limit:,}"},
            )
        body = text_clean(raw).strip()
        if not body:
            raise ValidationError("The article text is empty.", code="required")
        self._refuse_stored(
            "text", "duplicate_content", content_hash=article_content_hash(body=body)
        )
        return body

    def clean_url(self) -> str:
        url = (self.cleaned_data.get("url") or "").strip()
        if url:
            self._refuse_stored("URL", "duplicate_url", url=url)
        return url

    def _refuse_stored(self, what: str, code: str, **lookup) -> None:
        """Refuse a value another article already has, with a link to that article."""
        duplicate = Article.objects.filter(**lookup).exclude(pk=self.instance.pk).first()
        if duplicate:
            raise ValidationError(
                format_html("This {} is already stored as {}.", what, _article_link(duplicate)),
                code=code,
            )

    def validate_unique(self) -> None:
        # URL and content duplicates are checked above with a link to the existing article;
        # the database constraints remain the last line of defence.
        return None


# --- Editorial ---------------------------------------------------------------------------

PRECISION_AUTO = ""
MOD_AUTO = "auto"


class EventEditForm(forms.Form):
    """An editor's correction of one event; the date is typed as free text.

    ``date_text`` is read against ``anchor`` (the article's publication date, else the
    event's own date); ``precision`` and ``mod`` override what was read. ``version`` is the
    version the editor loaded: the service refuses the save if someone else saved in
    between. ``cleaned_data["date"]`` holds the resolved :class:`EventDate`.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    title = forms.CharField(max_length=300)
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    category = forms.ChoiceField(choices=categories.choices())
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
    # Left out of a post (an older form), these two keep the event's values.
    factuality = forms.ChoiceField(
        label="What the sources say",
        required=False,
        choices=Event.Factuality.choices,
        help_text="Plans, deadlines and expectations are drawn hollow, never as facts.",
    )
    scope = forms.ChoiceField(
        required=False,
        choices=Event.Scope.choices,
        help_text="Background: history the articles recall, outside the conflict's core span.",
    )
    is_key = forms.BooleanField(
        label="Key event",
        required=False,
        help_text="Always among the key events, ahead of the machine's ranking.",
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
        return _title(self.cleaned_data, "event")

    def clean_summary(self) -> str:
        return text_clean(self.cleaned_data.get("summary") or "").strip()

    def clean_factuality(self) -> str:
        return self.cleaned_data.get("factuality") or self.event.factuality

    def clean_scope(self) -> str:
        return self.cleaned_data.get("scope") or self.event.scope

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
        mod = None if mod in (None, MOD_AUTO) or mod not in MODS else mod
        try:
            if text == self.event.display_date and self.event.date_value:
                # The date as shown, untouched: keep what is stored rather than re-read it.
                cleaned["date"] = self.event.date.at(precision=precision, mod=mod)
            else:
                cleaned["date"] = EventDate.from_text(
                    text, anchor=self.anchor, language=self.language, precision=precision, mod=mod
                )
        except DateTextError as exc:
            self.add_error("date_text", ValidationError(str(exc), code="unreadable"))
        return cleaned

    # Plain fields whose names are model fields (event_update maps them to their groups
    # through services.events.FIELD_GROUP: is_key is the "key" group).
    PLAIN_FIELDS = ("title", "summary", "category", "places", "factuality", "scope", "is_key")

    def cleaned_values(self) -> dict:
        """Every editable value the form holds, in ``event_update`` form (date as one)."""
        data = self.cleaned_data
        values = {name: data[name] for name in self.PLAIN_FIELDS}
        values["actors"] = list(data["actors"])
        values["date"] = data["date"]
        return values

    def changes(self, *, current: Event) -> dict:
        """The cleaned values that differ from ``current``, in ``event_update`` form."""
        values = self.cleaned_values()
        out: dict = {}
        for name in self.PLAIN_FIELDS:
            if values[name] != getattr(current, name):
                out[name] = values[name]
        if values["date"] != current.date:
            out.update(values["date"].as_fields("date_"))
        if {a.pk for a in values["actors"]} != set(current.actors.values_list("pk", flat=True)):
            out["actors"] = values["actors"]
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
        "factuality": event.factuality,
        "scope": event.scope,
        "is_key": event.is_key,
    }
