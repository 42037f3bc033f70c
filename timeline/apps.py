from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Peace-process timelines"
    default_auto_field = "django.db.models.BigAutoField"
