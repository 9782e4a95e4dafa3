"""Where an uncached page's time goes: total, SQL, queries, the slowest query.

    .venv/bin/python bench/profile_pages.py            # against newsroom_bench
    .venv/bin/python bench/profile_pages.py -v         # and print the slowest SQL

Runs the views in-process with Django's test client (no gunicorn, no network), each
URL three times with a unique query string so the page cache always misses, and
prints the last run. Use it to find what to fix once bench/run.sh shows a slow page.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.in_process import setup  # noqa: E402

setup(allowed_hosts="testserver", log_level="WARNING")

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

URLS = [
    "/bench/ceiling/",
    "/",
    "/stories/bench-story-1/",
    "/actors/bench-40/",
    "/quotes/?q=teachers",
    "/search/?q=teachers",
    "/search/?q=budget",
]


def main():
    verbose = "-v" in sys.argv
    client = Client()
    for url in URLS:
        for i in range(3):
            separator = "&" if "?" in url else "?"
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(f"{url}{separator}profile={time.time()}-{i}")
                elapsed = (time.perf_counter() - started) * 1000
        times = [float(q["time"]) * 1000 for q in queries.captured_queries]
        print(
            f"{url:26} {response.status_code} total {elapsed:7.1f} ms   "
            f"SQL {sum(times):7.1f} ms in {len(times)} queries   "
            f"slowest {max(times, default=0):6.1f} ms"
        )
        if verbose and times:
            slowest = max(queries.captured_queries, key=lambda q: float(q["time"]))
            print("    " + slowest["sql"][:600])


if __name__ == "__main__":
    main()
