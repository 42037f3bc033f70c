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


def admins_are_staff(sender, instance, action: str, reverse: bool, pk_set, using: str, **kwargs):
    """Joining the Admin group opens the Django admin: the member becomes staff.

    Connected to ``m2m_changed`` on ``User.groups``, from either side ("user.groups.add"
    or "group.user_set.add"). Leaving the group does not take staff status away: it may
    have been granted for another reason; an administrator clears it by hand.
    """
    if action != "post_add" or not pk_set:
        return
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    if reverse:  # group.user_set.add(*users)
        if instance.name != ADMIN_GROUP:
            return
        members = get_user_model().objects.using(using).filter(pk__in=pk_set, is_staff=False)
    elif Group.objects.using(using).filter(pk__in=pk_set, name=ADMIN_GROUP).exists():
        members = [instance] if not instance.is_staff else []
    else:
        return
    for user in members:
        user.is_staff = True
        user.save(update_fields=["is_staff"], using=using)
