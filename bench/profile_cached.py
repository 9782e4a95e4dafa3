"""CPU per request of the cached path, in-process: the ceiling vs a hit vs a 304.

    .venv/bin/python bench/profile_cached.py            # Redis db 13, newsroom_bench
    .venv/bin/python bench/profile_cached.py --profile  # and cProfile each target

Calls Django's WSGI handler directly (no gunicorn, no sockets to the client), with
the production middleware and request log (written to /dev/null), and measures
``time.process_time()``. The targets alternate in blocks; the minimum over rounds is
the figure least disturbed by other work on the machine. Reads the database only.
"""

import cProfile
import io
import logging
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.in_process import setup  # noqa: E402

setup(
    allowed_hosts="127.0.0.1",
    log_level="INFO",
    redis_url=os.environ.get("PROFILE_REDIS_URL", "redis://127.0.0.1:6379/13"),
)

from django.core.cache import cache  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402

APPLICATION = WSGIHandler()
STORY = "/stories/bench-story-0/"


def call(path, headers=None):
    """One request through the WSGI handler; returns (status, headers)."""
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer.update(status=status, headers=dict(response_headers))

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8642",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        **(headers or {}),
    }
    result = APPLICATION(environ, start_response)
    b"".join(result)
    result.close()
    return answer["status"], answer["headers"]


def main(rounds=15, block=300):
    for handler in logging.getLogger().handlers:  # production's cost, not its output
        handler.setStream(open(os.devnull, "w"))  # noqa: SIM115
    cache.clear()
    call(STORY)
    etag = call(STORY)[1]["ETag"]
    targets = {
        "ceiling": ("/bench/ceiling/", None),
        "cached story": (STORY, None),
        "cached front": ("/", None),
        "story 304": (STORY, {"HTTP_IF_NONE_MATCH": etag}),
    }
    times = {label: [] for label in targets}
    for path, headers in targets.values():
        for _ in range(100):  # warm up
            call(path, headers)
    for _ in range(rounds):
        for label, (path, headers) in targets.items():
            started = time.process_time()
            for _ in range(block):
                call(path, headers)
            times[label].append((time.process_time() - started) / block * 1000)
    ceiling = min(times["ceiling"])
    for label, values in times.items():
        print(
            f"{label:14} {min(values):6.3f} ms CPU/request (min of {rounds} rounds), "
            f"{min(values) / ceiling:.2f}x the ceiling"
        )
    print(f"load average (1 min): {os.getloadavg()[0]:.2f}")
    if "--profile" in sys.argv:
        for label, (path, headers) in targets.items():
            profile = cProfile.Profile(time.process_time)
            profile.runcall(lambda p=path, h=headers: [call(p, h) for _ in range(2000)])
            print(f"===== {label}")
            pstats.Stats(profile).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
