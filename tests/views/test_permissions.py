"""Who may do what: a sweep over every URL for anonymous users, editors and admins."""
# ruff: noqa: F811 - pytest fixtures imported from tests.editorial_helpers

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.editorial_helpers import admin_user, doha, editor, reader, user_in  # noqa: F401
from tests.factories import ArticleFactory
from timeline.models import Article, Conflict, Event, Mention
from timeline.signals import EDITOR_GROUP

pytestmark = pytest.mark.django_db

# Pages anyone may read.
PUBLIC = {"home", "conflict_detail", "event_detail", "compare", "login"}
# Auth views that accept an anonymous POST by design.
ANONYMOUS_POST_OK = {
    "login",
    "logout",
    "password_reset",
    "password_reset_confirm",  # a bad token renders "invalid link" and changes nothing
}


def _patterns(resolver=None, prefix=""):
    """(name, route) for every named URL outside the Django admin."""
    resolver = resolver or get_resolver()
    for item in resolver.url_patterns:
        if isinstance(item, URLResolver):
            if getattr(item, "app_name", None) == "admin" or str(item.pattern) == "admin/":
                continue
            yield from _patterns(item, prefix + str(item.pattern))
        elif isinstance(item, URLPattern) and item.name:
            yield item.name, prefix + str(item.pattern)


def _fill(route: str, doha: dict) -> str:
    event = doha["first"]
    mention = event.mentions.first()
    values = {
        "pk": str(mention.pk if route.startswith("mentions/") else event.pk),
        "slug": doha["conflict"].slug,
        "uidb64": "MQ",
        "token": "set-password",
    }

    def sub(match):
        return values.get(match.group(2), "1")

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", sub, route)


def _snapshot():
    return (
        list(Event.objects.order_by("pk").values_list("pk", "status", "version", "title")),
        list(Mention.objects.order_by("pk").values_list("pk", "event_id")),
        list(Article.objects.order_by("pk").values_list("pk", "title")),
        list(Conflict.objects.order_by("pk").values_list("pk", "name")),
    )


def test_the_sweep_covers_the_editorial_urls(doha):
    names = {name for name, _ in _patterns()}
    assert {
        "review",
        "review_bulk",
        "event_edit",
        "event_confirm",
        "event_reject",
        "event_restore",
        "event_merge",
        "mention_split",
        "event_history",
        "event_revert",
    } <= names


def test_anonymous_users_get_read_only_pages_or_a_redirect_and_change_nothing(doha):
    client = Client()
    before = _snapshot()
    for name, route in _patterns():
        url = _fill(route, doha)
        got = client.get(url).status_code
        if name in PUBLIC:
            assert got == 200, (name, url, got)
        else:
            assert got in (200, 302, 403, 404, 405), (name, url, got)
            if name not in {
                "logout",
                "password_reset",
                "password_reset_done",
                "password_reset_confirm",
                "password_reset_complete",
            }:
                assert got != 200, (name, url, got)
        if name in ANONYMOUS_POST_OK:
            continue
        posted = client.post(url, {"version": 1, "title": "x", "event": [doha["first"].pk]})
        assert posted.status_code in (302, 403, 405), (name, url, posted.status_code)
        if posted.status_code == 302:
            assert posted["Location"].startswith(reverse("login")), (name, posted["Location"])
    assert _snapshot() == before


def test_readers_without_a_role_get_403_on_editorial_urls(doha, reader):
    client = Client()
    client.force_login(reader)
    for name in ("review", "event_history", "event_edit"):
        args = [] if name == "review" else [doha["first"].pk]
        assert client.get(reverse(name, args=args)).status_code == 403
    before = _snapshot()
    assert client.post(reverse("event_confirm", args=[doha["first"].pk])).status_code == 403
    assert _snapshot() == before


def test_editors_reach_every_editorial_page(doha, editor):
    client = Client()
    client.force_login(editor)
    event = doha["first"]
    for url in (
        reverse("review"),
        reverse("event_edit", args=[event.pk]),
        reverse("event_history", args=[event.pk]),
    ):
        assert client.get(url).status_code == 200, url
    display = reverse("event_display", args=[event.pk])
    response = client.get(display, HTTP_HX_REQUEST="true", HTTP_HX_TARGET=f"event-row-{event.pk}")
    assert response.status_code == 200


def test_editor_cannot_change_articles_or_conflicts_even_as_staff(doha):
    editor = user_in(EDITOR_GROUP, "staff_editor", is_staff=True)
    client = Client()
    client.force_login(editor)
    article = doha["articles"][0]
    conflict = doha["conflict"]
    before = _snapshot()
    assert client.get(reverse("admin:timeline_article_add")).status_code == 403
    assert client.get(reverse("admin:timeline_conflict_add")).status_code == 403
    for url, data in [
        (reverse("admin:timeline_article_add"), {"title": "Forged"}),
        (reverse("admin:timeline_article_change", args=[article.pk]), {"title": "Forged"}),
        (reverse("admin:timeline_article_delete", args=[article.pk]), {"post": "yes"}),
        (reverse("admin:timeline_conflict_change", args=[conflict.pk]), {"name": "Forged"}),
        (reverse("admin:timeline_conflict_delete", args=[conflict.pk]), {"post": "yes"}),
    ]:
        assert client.post(url, data).status_code == 403, url
    # Re-extraction is an article change: the action is not offered to editors at all.
    extracted_at = Article.objects.get(pk=article.pk).extracted_at
    response = client.post(
        reverse("admin:timeline_article_changelist"),
        {"action": "reextract", "_selected_action": [article.pk]},
    )
    assert response.status_code in (200, 403)
    assert Article.objects.get(pk=article.pk).extracted_at == extracted_at
    # Viewing is allowed: editors read the articles the events come from.
    assert client.get(reverse("admin:timeline_article_changelist")).status_code == 200
    assert _snapshot() == before


def test_editor_without_staff_status_is_kept_out_of_the_admin(doha, editor):
    client = Client()
    client.force_login(editor)
    response = client.get(reverse("admin:timeline_article_add"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_group_may_add_articles(doha, admin_user):
    client = Client()
    client.force_login(admin_user)
    assert client.get(reverse("admin:timeline_article_add")).status_code == 200
    assert client.get(reverse("review")).status_code == 200


# --- login and throttling ----------------------------------------------------------------


def test_login_page_is_styled_and_logs_in(editor):
    client = Client()
    page = client.get(reverse("login"))
    assert page.status_code == 200
    assert 'class="auth"' in page.content.decode()
    response = client.post(
        reverse("login"), {"username": "editor_a", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert client.get(reverse("review")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("review")).status_code == 302


def test_repeated_failed_logins_lock_the_username_and_address(editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(3):
        client.post(reverse("login"), {"username": "editor_a", "password": "wrong"})
    locked = client.post(
        reverse("login"), {"username": "editor_a", "password": "correct horse battery"}
    )
    assert locked.status_code == 429
    assert "Too many failed log-ins" in locked.content.decode()
    assert client.get(reverse("review")).status_code == 302  # still logged out
    # Another address is not locked out by these failures.
    other = Client(REMOTE_ADDR="198.51.100.9")
    ok = other.post(reverse("login"), {"username": "editor_a", "password": "correct horse battery"})
    assert ok.status_code == 302


def test_article_factory_still_builds():  # guards the sweep's fixtures against drift
    assert ArticleFactory().pk


def test_merge_and_split_also_need_the_mention_permission(doha):
    from django.contrib.auth.models import Permission

    user = user_in(None, "events_only")
    user.user_permissions.add(Permission.objects.get(codename="change_event"))
    client = Client()
    client.force_login(user)
    first, second = doha["first"], doha["second"]
    before = _snapshot()
    merge = client.post(
        reverse("event_merge"), {"event": [first.pk, second.pk], "target": first.pk}
    )
    split = client.post(reverse("mention_split", args=[first.mentions.get().pk]))
    assert (merge.status_code, split.status_code) == (403, 403)
    assert _snapshot() == before


def test_editors_and_admins_get_no_server_error_on_any_url(doha, editor, admin_user):
    for user in (editor, admin_user):
        client = Client()
        client.force_login(user)
        for name, route in _patterns():
            if name == "logout":
                continue
            url = _fill(route, doha)
            for headers in (
                {},
                {"HTTP_HX_REQUEST": "true"},
                {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "event-panel"},
            ):
                got = client.get(url, **headers).status_code
                assert got < 500, (user.username, name, url, got)
