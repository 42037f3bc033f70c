"""Conflicts, actors, articles, the events the extractor proposes, and their evidence."""

from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from timeline import categories
from timeline.dates import MODS, PRECISION_RANK, PRECISIONS, EventDate
from timeline.extraction import languages as extraction_languages
from timeline.extraction.events import ARTICLE_DATE_RULE
from timeline.extraction.events.factuality import VALUES as FACTUALITIES


class ActorKind(models.TextChoices):
    STATE = "state", "State"
    ARMED_GROUP = "armed_group", "Armed group"
    GOVERNMENT = "government", "Government"
    MEDIATOR = "mediator", "Mediator"
    INTERNATIONAL_BODY = "international_body", "International body"
    PERSON = "person", "Person"


# One member per language the extractor's registry supports (every dateparser language:
# ENGLISH = "en", CHINESE_TRADITIONAL = "zh-Hant", ...), named from its English name, and
# UNDETERMINED ("und"): a language the extractor does not know, read for digits only.
ArticleLanguage = models.TextChoices(
    "ArticleLanguage",
    [
        *(
            (re.sub(r"\W+", "_", name.upper()).strip("_"), (code, name))
            for code, name in extraction_languages.names().items()
        ),
        ("UNDETERMINED", (extraction_languages.NEUTRAL, "Undetermined (dates in digits only)")),
    ],
)


class ArticleExtractionStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


def _choices(name: str, values, labels: dict[str, str] | None = None):
    """TextChoices over ``values``, the one list a pure module keeps (member names are the
    values in upper case, "" is NONE; labels from ``labels``, else the value capitalised)."""
    labels = labels or {}
    return models.TextChoices(
        name,
        [
            ((v.upper().replace(" ", "_") or "NONE"), (v, labels.get(v, v.capitalize())))
            for v in values
        ],
    )


# The category list lives in timeline.categories (one registry for models, extractor,
# charts and CSS); the model only stores its values. Factualities come from the extractor,
# precisions and modifiers from timeline.dates.
EventCategory = _choices(
    "EventCategory", categories.VALUES, {c.value: c.label for c in categories.CATEGORIES}
)
EventFactuality = _choices("EventFactuality", FACTUALITIES, {"not_happened": "Did not happen"})
EventScope = _choices("EventScope", ("core", "background"))
EventStatus = _choices("EventStatus", ("proposed", "confirmed", "rejected"))
EventPrecision = _choices("EventPrecision", PRECISIONS)
EventMod = _choices(
    "EventMod",
    MODS,
    {"": "—", "START": "Early", "END": "Late", "APPROX": "Approximately"},
)


class StoryFamily(models.Model):
    """Articles whose texts are near-identical (wire copies, updates): one source."""

    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "story families"

    def __str__(self) -> str:
        return f"story family {self.pk}"


class Conflict(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    summary = models.TextField(blank=True)
    start_date = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("conflict_detail", kwargs={"slug": self.slug})


class Actor(models.Model):
    Kind = ActorKind

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    # Other names the extractor tags this actor by ("the Taliban", "insurgents").
    aliases = models.JSONField(default=list, blank=True)
    conflicts = models.ManyToManyField(Conflict, related_name="actors", blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in ActorKind]), name="actor_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def alias_list(self) -> list[str]:
        return [a for a in (self.aliases or []) if isinstance(a, str) and a.strip()]


class Article(models.Model):
    Language = ArticleLanguage

    ExtractionStatus = ArticleExtractionStatus

    conflict = models.ForeignKey(Conflict, on_delete=models.PROTECT, related_name="articles")
    title = models.CharField(max_length=500)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(help_text="Anchors every relative date in the text.")
    language = models.CharField(
        max_length=8,
        choices=Language.choices,
        default=Language.ENGLISH,
        blank=True,  # blank in a form: detect it from the text (services.article_create)
    )
    language_detected = models.BooleanField(
        default=False, help_text="The language was detected from the text, not given."
    )
    language_warning = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why the dates of this article cannot be read in full, if they cannot.",
    )
    body = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    extraction_status = models.CharField(
        max_length=16, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING
    )
    extraction_error = models.TextField(blank=True)
    # Expressions the extractor had to drop (rule, text, error), the rest was extracted.
    extraction_faults = models.JSONField(default=list, blank=True)
    extractor_version = models.CharField(max_length=32, blank=True)
    family = models.ForeignKey(
        StoryFamily, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    # MinHash signature of the text's word shingles (datasketch), for near-duplicates.
    minhash = models.JSONField(default=list, blank=True, editable=False)
    extracted_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_url_unique_when_given"
            ),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
            models.CheckConstraint(
                condition=Q(extraction_status__in=[s.value for s in ArticleExtractionStatus]),
                name="article_extraction_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["conflict", "-published"])]

    def __str__(self) -> str:
        return self.title


class ArticleBand(models.Model):
    """One LSH band of an article's MinHash signature. Articles sharing a band's bucket
    are the candidates for its story family, found through an index instead of a scan."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bands")
    band = models.PositiveSmallIntegerField()
    bucket = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "band"], name="article_band_unique")
        ]
        indexes = [models.Index(fields=["band", "bucket"], name="article_band_bucket_idx")]

    def __str__(self) -> str:
        return f"band {self.band} of article {self.article_id}"


class EventWording:
    """How an event reads on the pages, from its ``date``, ``category`` and ``factuality``:
    shared by the model and the reader's plain rows (``selectors.reader.EventRow``)."""

    @property
    def display_date(self) -> str:
        return self.date.display

    @property
    def category_class(self) -> str:
        """The CSS class of this event's category swatch (from the category registry)."""
        return categories.get(self.category).css_class

    @property
    def factuality_word(self) -> str:
        """What a reader is told of a non-fact ("planned", "did not happen"); "" for a fact."""
        return factuality_word(self.factuality)


class Event(EventWording, models.Model):
    Category = EventCategory

    Status = EventStatus

    Factuality = EventFactuality

    Scope = EventScope

    Precision = EventPrecision

    Mod = EventMod

    # The columns of the event's date (``Event.date`` reads and writes them together).
    DATE_COLUMNS = ("date_value", "date_mod", "date_precision", "date_start", "date_end")
    # Fields an editor may set; once set, re-extraction leaves them alone.
    EDITABLE_FIELDS = (
        "title",
        "summary",
        "category",
        "actors",
        "places",
        "date",
        "factuality",
        "key",
        "scope",
    )
    # Plain columns a history version holds and a revert copies back (version only moves
    # forward; actors are a relation).
    REVERTIBLE_FIELDS = (
        "title",
        "summary",
        "category",
        "places",
        "date_value",
        "date_mod",
        "date_precision",
        "date_start",
        "date_end",
        "factuality",
        "is_key",
        "scope",
        "status",
    )

    conflict = models.ForeignKey(Conflict, on_delete=models.PROTECT, related_name="events")
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    # The language of the machine's title and summary (their source article's), so pages
    # can mark them up with lang and direction; blank when unknown.
    language = models.CharField(max_length=8, blank=True, default="")
    category = models.CharField(max_length=32, choices=Category.choices, default=Category.OTHER)
    actors = models.ManyToManyField(Actor, related_name="events", blank=True)
    places = models.JSONField(default=list, blank=True)

    # The date, TIMEX3-style, plus the inclusive interval it covers.
    date_value = models.CharField(max_length=32)
    date_mod = models.CharField(max_length=8, choices=Mod.choices, blank=True, default="")
    date_precision = models.CharField(max_length=8, choices=Precision.choices)
    # 0 = day ... 6 = decade: sorting by (start, rank) puts finer dates first.
    precision_rank = models.PositiveSmallIntegerField(editable=False, default=0)
    date_start = models.DateField()
    date_end = models.DateField()

    factuality = models.CharField(
        max_length=16, choices=Factuality.choices, default=Factuality.HAPPENED
    )
    # Core: the years the conflict is about; background: history its articles recall.
    scope = models.CharField(max_length=16, choices=Scope.choices, default=Scope.CORE)
    # What a reader trusts (independent sources, headlines, the kind of event), 0..1; an
    # editor's key-event flag always ranks first.
    importance = models.FloatField(default=0.0)
    is_key = models.BooleanField("key event", default=False)
    # Independent sources: distinct story families among the mentions' articles.
    source_count = models.PositiveIntegerField(default=0)
    # Content-word lemmas of its mentions, for matching the mentions of later articles.
    keywords = models.JSONField(default=list, blank=True, editable=False)

    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PROPOSED)
    version = models.PositiveIntegerField(default=1)
    editor_fields = models.JSONField(default=list, blank=True)
    confidence = models.FloatField(default=0.5)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Derived bookkeeping (services.joining.BOOKKEEPING_FIELDS) is not history.
    history = HistoricalRecords(
        m2m_fields=[actors],
        excluded_fields=["keywords", "importance", "source_count", "confidence"],
    )

    class Meta:
        ordering = ["date_start", "precision_rank", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_end__gte=F("date_start")), name="event_end_not_before_start"
            ),
            models.CheckConstraint(
                condition=Q(date_precision__in=[p.value for p in EventPrecision]),
                name="event_precision_valid",
            ),
            models.CheckConstraint(
                condition=Q(date_mod__in=[m.value for m in EventMod]), name="event_mod_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in EventStatus]), name="event_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(category__in=[c.value for c in EventCategory]),
                name="event_category_valid",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="event_version_positive"),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="event_confidence_in_unit_interval",
            ),
            models.CheckConstraint(condition=~Q(date_value=""), name="event_date_value_set"),
            models.CheckConstraint(
                condition=Q(factuality__in=[f.value for f in EventFactuality]),
                name="event_factuality_valid",
            ),
            models.CheckConstraint(
                condition=Q(scope__in=[s.value for s in EventScope]), name="event_scope_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["conflict", "date_start", "precision_rank"]),
            # Candidates for joining a new mention: events of the conflict whose interval
            # overlaps the mention's (date_start <= its end, date_end >= its start).
            models.Index(fields=["conflict", "date_end", "date_start"], name="event_join_idx"),
            models.Index(fields=["conflict", "status", "-importance"], name="event_key_idx"),
            models.Index(fields=["conflict", "status", "date_start"]),
            # Covers the timeline's counts per category, month and scope (the core span,
            # the home page's strips) and the "only what happened" filter, so a
            # 100,000-event conflict is counted from the index alone, without the rows.
            models.Index(
                fields=["conflict", "status", "category", "date_start", "scope", "factuality"],
                name="event_timeline_counts_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_date}: {self.title}"

    def save(self, *args, **kwargs) -> None:
        self.precision_rank = PRECISION_RANK[self.date_precision]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("event_detail", kwargs={"pk": self.pk})

    @property
    def date(self) -> EventDate:
        return EventDate.of_fields(self, "date_")

    @date.setter
    def date(self, value: EventDate) -> None:
        for name, field_value in value.as_fields("date_").items():
            setattr(self, name, field_value)


def factuality_word(factuality: str) -> str:
    """The word the list, the chart and the panel show beside a happening that is not a
    fact: "planned", "deadline", "expected", "did not happen"; "" for what happened."""
    if not factuality or factuality == EventFactuality.HAPPENED:
        return ""
    try:
        return EventFactuality(factuality).label.lower()
    except ValueError:
        return factuality


class Mention(models.Model):
    """The evidence for an event: one dated sentence of one article."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    sentence = models.TextField()
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    # Which happening of the article this is, stable across re-extraction of the same text
    # (sentence and predicate offsets): re-extraction finds the mention again by it.
    key = models.CharField(max_length=64)
    # Where in the article: paragraph 0 is the lead.
    paragraph = models.PositiveIntegerField(default=0)
    # The word naming the happening ("signed", "talks") and its offsets in the article.
    trigger = models.CharField(max_length=100, blank=True)
    trigger_start = models.PositiveIntegerField(null=True, blank=True)
    trigger_end = models.PositiveIntegerField(null=True, blank=True)
    # What this sentence says of the happening, before its sources are put together.
    factuality = models.CharField(
        max_length=16, choices=EventFactuality.choices, default=EventFactuality.HAPPENED
    )
    title = models.CharField(max_length=300, blank=True)
    category = models.CharField(max_length=32, choices=EventCategory.choices, default="other")
    # Other dates of the sentence, kept as context: [{"text", "start", "end", "value", ...}].
    context = models.JSONField(default=list, blank=True)
    # Why the mention is in its event: the join score and its reasons ("same day",
    # "agreement", "Taliban + United States"); empty for the mention that started it.
    join_score = models.FloatField(null=True, blank=True)
    join_reasons = models.JSONField(default=list, blank=True)
    # An editor put this mention where it is (merge, split): the machine never moves it.
    pinned = models.BooleanField(default=False)
    # What the extractor read in this sentence, from which its event is put together.
    actor_names = models.JSONField(default=list, blank=True)
    places = models.JSONField(default=list, blank=True)
    confidence = models.FloatField(default=0.5)
    # A noun phrase recalling the happening ("the February 2020 deal"), not a report of it.
    reference = models.BooleanField(default=False)
    # The article's headline names this happening too.
    in_headline = models.BooleanField(default=False)
    expression_text = models.CharField(max_length=300)
    expression_start = models.PositiveIntegerField()
    expression_end = models.PositiveIntegerField()
    expression_type = models.CharField(max_length=16, default="DATE")
    resolved_value = models.CharField(max_length=32)
    resolved_mod = models.CharField(max_length=8, blank=True, default="")
    resolved_precision = models.CharField(max_length=8)
    resolved_start = models.DateField()
    resolved_end = models.DateField()
    anchor_date = models.DateField(null=True, blank=True)
    anchor_kind = models.CharField(max_length=16, blank=True)
    rule = models.CharField(max_length=100, blank=True)
    explanation = models.CharField(max_length=500, blank=True)
    extractor_version = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["article__published", "article_id", "expression_start"]
        constraints = [
            # One mention per happening of an article: re-extraction finds it again instead
            # of adding a duplicate.
            models.UniqueConstraint(
                fields=["article", "key"], name="mention_unique_key_per_article"
            ),
            models.CheckConstraint(
                condition=Q(sentence_end__gte=F("sentence_start")),
                name="mention_sentence_span_ordered",
            ),
            # A report dated by its article has no expression of its own (an empty span).
            models.CheckConstraint(
                condition=Q(expression_end__gte=F("expression_start")),
                name="mention_expression_span_ordered",
            ),
            models.CheckConstraint(
                condition=Q(resolved_end__gte=F("resolved_start")),
                name="mention_resolved_end_not_before_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expression_text!r} in {self.article}"

    @property
    def resolved(self) -> EventDate:
        """The date this mention's expression was resolved to."""
        return EventDate.of_fields(self, "resolved_")

    @property
    def dated_by_article(self) -> bool:
        """A present-tense report with no date of its own, dated by its article (an empty
        expression span, rule "article date")."""
        return self.rule == ARTICLE_DATE_RULE or self.expression_end <= self.expression_start

    @property
    def join_text(self) -> str:
        """Why this mention is in its event, for readers and editors: "joined: same day ·
        agreement · Taliban + United States · 0.82", "first report" for the mention that
        started the event, "placed by an editor" for one an editor merged or split."""
        if self.join_score is None:
            return "placed by an editor" if self.pinned else "first report"
        reasons = [str(r) for r in (self.join_reasons or []) if str(r).strip()]
        text = " · ".join([*reasons, f"{self.join_score:.2f}"])
        prefix = "placed by an editor; joined" if self.pinned else "joined"
        return f"{prefix}: {text}"

    @property
    def context_dates(self) -> list[tuple[str, str]]:
        """The other dates of the sentence as (text, display): ("10 October", "10 Oct 2020")."""
        out = []
        for item in self.context or []:
            if not isinstance(item, dict) or not str(item.get("text", "")).strip():
                continue
            text = " ".join(str(item["text"]).split())
            display = str(item.get("display") or item.get("value") or "")
            out.append((text, display if display != text else ""))
        return out

    @property
    def factuality_word(self) -> str:
        """What this sentence says of the happening when it is not a fact ("planned")."""
        return factuality_word(self.factuality)

    @property
    def sentence_parts(self) -> tuple[str, str, str]:
        """The sentence split around the date expression, for highlighting."""
        lo = self.expression_start - self.sentence_start
        hi = self.expression_end - self.sentence_start
        if 0 <= lo < hi <= len(self.sentence):
            return self.sentence[:lo], self.sentence[lo:hi], self.sentence[hi:]
        return self.sentence, "", ""
