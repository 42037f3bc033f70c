"""Shared fixtures. ``shared_dir`` locates ../shared (never copied into the repo)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared"))


def require_shared(*parts: str) -> Path:
    """Path under ../shared; fails under CI=true and skips elsewhere when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is missing (the shared folder sits beside the repository)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def shared_dir() -> Path:
    return require_shared()


@pytest.fixture(autouse=True)
def _inline_extraction(settings):
    settings.EXTRACT_INLINE = True
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    # Hashing with PBKDF2's full work factor would cost seconds per login in the suite.
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
