import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), ("YES", True), ("on", True), ("0", False), ("off", False)],
)
def test_env_bool_reads_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG") is expected


def test_env_bool_rejects_nonsense_naming_the_variable(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG")


def test_env_bool_default_when_unset(monkeypatch):
    monkeypatch.delenv("X_FLAG", raising=False)
    assert env_bool("X_FLAG", default=True) is True


def test_env_int_parses_and_bounds(monkeypatch):
    monkeypatch.setenv("X_NUM", "42")
    assert env_int("X_NUM", 1) == 42
    monkeypatch.setenv("X_NUM", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("X_NUM", 1, minimum=1)
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(ImproperlyConfigured, match="X_NUM must be an integer"):
        env_int("X_NUM", 1)


def test_env_list_splits_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("X_HOSTS", "a.example, b.example,,")
    assert env_list("X_HOSTS") == ["a.example", "b.example"]
    monkeypatch.delenv("X_HOSTS")
    assert env_list("X_HOSTS", ["localhost"]) == ["localhost"]
    assert env_str("X_HOSTS", "d") == "d"


def _settings_in_subprocess(env: dict) -> subprocess.CompletedProcess:
    repo = Path(__file__).resolve().parent.parent
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    clean.update(env)
    code = "import config.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'])"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=repo, env=clean, capture_output=True, text=True
    )


def test_secret_key_required_when_debug_is_off():
    result = _settings_in_subprocess({"DJANGO_DEBUG": "0"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY (or DJANGO_SECRET_KEY_FILE) must be set" in result.stderr


def test_debug_off_by_default_and_sqlite_by_default():
    result = _settings_in_subprocess({"DJANGO_SECRET_KEY": "x" * 50})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "django.db.backends.sqlite3"]


def test_database_url_switches_to_postgresql():
    result = _settings_in_subprocess(
        {"DJANGO_SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://u@127.0.0.1:5432/db"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == "django.db.backends.postgresql"


def test_bad_boolean_in_environment_stops_startup_with_its_name():
    result = _settings_in_subprocess({"DJANGO_DEBUG": "perhaps"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be a boolean" in result.stderr


def test_sqlite_uses_wal_immediate_transactions_and_busy_timeout(settings):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite-specific")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 1
    assert "journal_mode=WAL" in options["init_command"]


def test_secrets_can_be_read_from_files(tmp_path):
    secret = tmp_path / "secret_key"
    secret.write_text("s" * 50 + "\n")
    url = tmp_path / "database_url"
    url.write_text("postgres://u@127.0.0.1:5432/db\n")
    result = _settings_in_subprocess(
        {"DJANGO_SECRET_KEY_FILE": str(secret), "DATABASE_URL_FILE": str(url)}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == "django.db.backends.postgresql"


def test_an_unreadable_secret_file_stops_startup_with_its_name(tmp_path):
    result = _settings_in_subprocess({"DJANGO_SECRET_KEY_FILE": str(tmp_path / "missing")})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY_FILE" in result.stderr


def test_article_limit_cannot_exceed_what_the_extractor_reads():
    result = _settings_in_subprocess(
        {"DJANGO_SECRET_KEY": "x" * 50, "ARTICLE_MAX_CHARS": "5000000"}
    )
    assert result.returncode != 0
    assert "ARTICLE_MAX_CHARS must be at most 1,000,000" in result.stderr


def test_importing_the_settings_creates_nothing(tmp_path):
    target = tmp_path / "nowhere" / "db.sqlite3"
    result = _settings_in_subprocess({"DJANGO_SECRET_KEY": "x" * 50, "SQLITE_PATH": str(target)})
    assert result.returncode == 0, result.stderr
    assert not target.parent.exists()
