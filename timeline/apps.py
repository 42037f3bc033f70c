from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Peace-process timelines"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from timeline.signals import groups_ensure

        post_migrate.connect(groups_ensure, sender=self, dispatch_uid="timeline_groups_ensure")
