"""Admin: conflict and actor set-up, article entry (saving runs extraction), event lists."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from timeline import services
from timeline.forms import ArticleForm
from timeline.models import Actor, Article, Conflict, Event, Mention

admin.site.site_header = "Peace-process timelines"
admin.site.site_title = "Peace-process timelines"
admin.site.index_title = "Conflicts, articles and events"


def _count_column(annotation: str, description: str):
    """A list column showing a count the admin's queryset annotates, sortable by it."""

    @admin.display(description=description, ordering=annotation)
    def column(self, obj) -> int:
        return getattr(obj, annotation)

    return column


class ActorInline(admin.TabularInline):
    model = Actor.conflicts.through
    extra = 1
    verbose_name = "actor"
    verbose_name_plural = "actors"
    autocomplete_fields = ["actor"]


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "start_date", "article_count", "event_count"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ActorInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_articles=Count("articles", distinct=True), n_events=Count("events", distinct=True)
            )
        )

    article_count = _count_column("n_articles", "articles")
    event_count = _count_column("n_events", "events")


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "alias_text"]
    list_filter = ["kind", "conflicts"]
    search_fields = ["name"]
    filter_horizontal = ["conflicts"]

    @admin.display(description="aliases")
    def alias_text(self, obj: Actor) -> str:
        return ", ".join(obj.alias_list)


class MentionInline(admin.TabularInline):
    """The events the extractor proposed from this article, with their evidence."""

    model = Mention
    fk_name = "article"
    extra = 0
    max_num = 0
    can_delete = False
    verbose_name = "proposed event"
    verbose_name_plural = "proposed events (one row per dated sentence)"
    fields = ["event_link", "resolved_date", "trail", "highlighted_sentence"]
    readonly_fields = fields
    ordering = ["expression_start"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event", "article")

    def has_add_permission(self, request, obj=None) -> bool:
        # Mentions come from the extractor; without this the blank "add" row renders and
        # its read-only fields fail on an unsaved mention.
        return False

    @admin.display(description="event")
    def event_link(self, obj: Mention) -> str:
        url = reverse("admin:timeline_event_change", args=[obj.event_id])
        return format_html(
            '<a href="{}" dir="auto">{}</a><br><small>{} · {}</small>',
            url,
            obj.event.title,
            obj.event.get_category_display(),
            obj.event.get_status_display(),
        )

    @admin.display(description="date")
    def resolved_date(self, obj: Mention) -> str:
        return obj.event.display_date

    @admin.display(description="how the date was worked out")
    def trail(self, obj: Mention) -> str:
        return obj.explanation or obj.resolved_value

    @admin.display(description="sentence")
    def highlighted_sentence(self, obj: Mention) -> str:
        before, expr, after = obj.sentence_parts
        # Arabic, Persian, Hebrew read right to left: the browser decides from the text.
        return format_html(
            '<span dir="auto" lang="{}">{}<mark>{}</mark>{}</span>',
            obj.article.language,
            before,
            expr,
            after,
        )


# What the machine recorded about an article: shown, never edited.
_EXTRACTION_FIELDS = [
    "language_detected",
    "language_warning",
    "extraction_status",
    "extraction_error",
    "fault_list",
    "extractor_version",
    "extracted_at",
    "content_hash",
    "created_by",
    "created_at",
]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = [
        "title_text",
        "conflict",
        "outlet",
        "published",
        "language_text",
        "extraction_status",
        "n_events",
    ]
    list_filter = ["conflict", "extraction_status", "language_detected", "language", "outlet"]
    search_fields = ["title", "outlet", "url", "body"]
    date_hierarchy = "published"
    readonly_fields = _EXTRACTION_FIELDS
    actions = ["reextract"]
    inlines = [MentionInline]
    fieldsets = [
        (None, {"fields": ["conflict", "title", "outlet", "url", "published", "language"]}),
        ("Text", {"fields": ["body"]}),
        (
            "Extraction",
            {"fields": _EXTRACTION_FIELDS},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("conflict")
            .annotate(event_total=Count("mentions__event", distinct=True))
        )

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # the add page: only what the admin types
            return self.fieldsets[:2]
        return self.fieldsets

    def get_inlines(self, request, obj=None):
        # The add page has no events yet: no mention inline (and no management form).
        return self.inlines if obj is not None else []

    n_events = _count_column("event_total", "events")

    @admin.display(description="title", ordering="title")
    def title_text(self, obj: Article) -> str:
        return format_html('<span dir="auto" lang="{}">{}</span>', obj.language, obj.title)

    @admin.display(description="language", ordering="language")
    def language_text(self, obj: Article) -> str:
        name = obj.get_language_display()
        if obj.language_warning:
            return format_html('{} <span title="{}">⚠</span>', name, obj.language_warning)
        return f"{name} (detected)" if obj.language_detected else name

    @admin.display(description="expressions the extractor could not read")
    def fault_list(self, obj: Article) -> str:
        faults = [f for f in obj.extraction_faults or [] if isinstance(f, dict)]
        if not faults:
            return "none"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><q dir="auto" lang="{}">{}</q> at {}: rule {} raised {} ({})</li>',
                (
                    (
                        obj.language,
                        f.get("text", ""),
                        f.get("start", "?"),
                        f.get("rule", "?"),
                        f.get("error", "?"),
                        f.get("message", ""),
                    )
                    for f in faults
                ),
            ),
        )

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if change:
            services.article_update(
                article=obj, changes={n: v for n, v in data.items() if n in form.changed_data}
            )
        else:
            created = services.article_create(**data, created_by=request.user)
            obj.pk = created.pk
            obj.refresh_from_db()
            obj._state.adding = False
        self._report(request, obj)

    def _report(self, request: HttpRequest, article: Article) -> None:
        if article.language_detected and not article.language_warning:
            messages.info(request, f"Language detected: {article.get_language_display()}.")
        if article.language_warning:
            messages.warning(request, article.language_warning)
        if article.extraction_faults:
            messages.warning(
                request,
                f"{len(article.extraction_faults)} date expression(s) could not be read; "
                "the rest of the article was extracted (see “Extraction”).",
            )
        if article.extraction_status == Article.ExtractionStatus.FAILED:
            messages.error(request, f"Extraction failed: {article.extraction_error}")
        elif article.extraction_status == Article.ExtractionStatus.DONE:
            count = article.mentions.values("event").distinct().count()
            messages.success(request, f"The extractor proposed {count} dated events.")
        else:
            messages.info(request, "Extraction is queued; refresh in a moment.")

    # Re-extraction rewrites machine proposals: article editors only, not event editors.
    @admin.action(description="Re-extract the selected articles", permissions=["change"])
    def reextract(self, request: HttpRequest, queryset) -> None:
        failed = 0
        for article in queryset:
            report = services.article_extract(article=article)
            if report.status == Article.ExtractionStatus.FAILED:
                failed += 1
                messages.error(request, f"{article}: {report.error}")
            else:
                messages.info(request, f"{article}: {report}")
        if not failed:
            messages.success(request, f"Re-extracted {queryset.count()} article(s).")


class EventMentionInline(admin.TabularInline):
    model = Mention
    fk_name = "event"
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["article", "expression_text", "explanation", "sentence"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "display_date",
        "conflict",
        "category",
        "status",
        "date_precision",
        "source_count",
    ]
    list_filter = ["conflict", "status", "category", "date_precision"]
    search_fields = ["title", "summary", "mentions__sentence"]
    date_hierarchy = "date_start"
    list_select_related = ["conflict"]
    autocomplete_fields = ["actors"]
    readonly_fields = ["version", "editor_fields", "confidence", "created_at", "updated_at"]
    inlines = [EventMentionInline]
    fields = [
        "conflict",
        "title",
        "summary",
        "category",
        "actors",
        "places",
        ("date_value", "date_mod", "date_precision"),
        ("date_start", "date_end"),
        "status",
        "version",
        "editor_fields",
        "confidence",
        "created_at",
        "updated_at",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_sources=Count("mentions", distinct=True))

    @admin.display(description="date", ordering="date_start")
    def display_date(self, obj: Event) -> str:
        return obj.display_date

    source_count = _count_column("n_sources", "sources")

    def save_model(self, request: HttpRequest, obj: Event, form, change: bool) -> None:
        if not change:
            values = {
                name: form.cleaned_data[name]
                for name in form.cleaned_data
                if name not in ("actors", "version")
                and name in {f.name for f in Event._meta.fields}
            }
            created = services.event_create(
                values=values, actors=list(form.cleaned_data.get("actors") or []), user=request.user
            )
            obj.pk = created.pk
            obj.refresh_from_db()
            obj._state.adding = False
            return
        changes = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name not in ("conflict", "actors")
        }
        if "actors" in form.changed_data:
            changes["actors"] = list(form.cleaned_data["actors"])
        original_version = form.initial.get("version", obj.version)
        try:
            services.event_update(
                event=obj, expected_version=original_version, changes=changes, user=request.user
            )
        except services.EventConflictError as exc:
            messages.error(
                request,
                f"Not saved: someone else changed this event (now version "
                f"{exc.current.version}). Reload and apply your change again.",
            )
        obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        # Actors are saved by the services above; the read-only mention inline is still
        # "saved" (a no-op) so the change message can be built.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
