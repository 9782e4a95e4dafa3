"""Test-run environment, loaded as a pytest plugin before Django reads its settings.

Tests run like production (DEBUG off) but over plain HTTP, with the plain static
storage (no collectstatic manifest). Values already in the environment win, so CI can
point DATABASE_URL at PostgreSQL.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECURE", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault(
    "STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage"
)
os.environ.pop("REDIS_URL", None) if os.environ.get("TEST_USE_REDIS") != "1" else None
