"""Roles as groups, rebuilt after every ``migrate`` so a fresh database has them."""

from __future__ import annotations

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

EDITOR_GROUP = "Editor"
ADMIN_GROUP = "Admin"

# Editors review and correct events (and the mentions that move in merges and splits);
# articles, conflicts and actors are read-only to them.
EDITOR_PERMISSIONS = (
    "view_event",
    "change_event",
    "view_mention",
    "change_mention",
    "view_article",
    "view_conflict",
    "view_actor",
)


def groups_ensure(
    sender: AppConfig | None = None,
    *,
    app_config: AppConfig | None = None,
    using: str = DEFAULT_DB_ALIAS,
    apps=global_apps,
    **kwargs,
) -> None:
    """Create or refresh the Editor and Admin groups and their permissions.

    Connected to ``post_migrate`` for the timeline app. Permissions are created first,
    because Django's own handler may not have run for this app yet in this signal round.
    Idempotent: a re-run resets each group to exactly its listed permissions.
    """
    try:
        group_model = apps.get_model("auth", "Group")
        permission_model = apps.get_model("auth", "Permission")
    except LookupError:
        return
    timeline = app_config or global_apps.get_app_config("timeline")
    create_permissions(timeline, verbosity=0, using=using, apps=apps)
    timeline_perms = permission_model.objects.using(using).filter(
        content_type__app_label="timeline"
    )
    editor, _ = group_model.objects.using(using).get_or_create(name=EDITOR_GROUP)
    editor.permissions.set(timeline_perms.filter(codename__in=EDITOR_PERMISSIONS))
    admin, _ = group_model.objects.using(using).get_or_create(name=ADMIN_GROUP)
    admin.permissions.set(timeline_perms)
