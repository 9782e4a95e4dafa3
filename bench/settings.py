"""The site's own settings plus the ceiling page, for bench/run.py only.

Same middleware, same templates engine, same everything: the only difference is one
extra URL serving a fixed ~10 KB template from a bare view.
"""

from newsroom.settings import *  # noqa: F403
from newsroom.settings import BASE_DIR, TEMPLATES

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
