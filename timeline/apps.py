from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_migrate


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Peace-process timelines"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model

        from timeline.signals import admins_are_staff, groups_ensure

        post_migrate.connect(groups_ensure, sender=self, dispatch_uid="timeline_groups_ensure")
        m2m_changed.connect(
            admins_are_staff,
            sender=get_user_model().groups.through,
            dispatch_uid="timeline_admins_are_staff",
        )
