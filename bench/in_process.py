"""Set up Django in this process against the benchmark archive, for the profilers.

Production-like settings (``bench.settings``, DEBUG off, plain static storage) on
``newsroom_bench`` (or ``BENCH_DATABASE_URL``); callers say which hosts, log level and
cache they need.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(*, allowed_hosts, log_level, redis_url=None):
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DEBUG="0",
        SECURE="0",
        SECRET_KEY="bench-only-secret-key-" + "x" * 40,
        ALLOWED_HOSTS=allowed_hosts,
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        LOG_LEVEL=log_level,
    )
    os.environ.setdefault(
        "DATABASE_URL",
        os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"
        ),
    )
    if redis_url:
        os.environ["REDIS_URL"] = redis_url
    else:
        os.environ.pop("REDIS_URL", None)

    import django

    django.setup()
