"""Create the superuser named by DJANGO_SUPERUSER_USERNAME/_PASSWORD/_EMAIL if missing."""

from __future__ import annotations

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create a superuser from DJANGO_SUPERUSER_* variables unless it exists (idempotent)."

    def handle(self, *args, **opts) -> None:
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "").strip()
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "")
        if not username or not password:
            raise CommandError("Set DJANGO_SUPERUSER_USERNAME and DJANGO_SUPERUSER_PASSWORD.")
        users = get_user_model().objects
        if users.filter(username=username).exists():
            self.stdout.write(f"Superuser {username!r} already exists.")
            return
        users.create_superuser(username=username, email=email, password=password)
        self.stdout.write(f"Created superuser {username!r}.")
