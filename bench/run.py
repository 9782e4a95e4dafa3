"""Load-test the site under gunicorn with wrk, against a bare-Django ceiling page.

    bench/run.sh                       # everything: database, archive, gunicorn, wrk
    bench/run.sh --rounds 5 --duration 10
    bench/run.sh --only cached,304 --stress-seconds 0   # the ceiling and cached pages

See bench/README.md for what is measured and why.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# wrk script: cycles through a list of paths; optionally makes every URL unique (so
# the server-side page cache always misses) or sends a fixed If-None-Match.
LUA = """
local paths = {%(paths)s}
local unique = %(unique)s
local etag = %(etag)s
local counter = 0
math.randomseed(os.time())
function setup(thread)
  -- a global in the thread's own Lua state: unique per thread and per run
  thread:set("tag", tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000)))
end
function request()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  if unique then
    local sep = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. sep .. "b=" .. tostring(tag) .. "-" .. counter
  end
  local headers = {}
  if etag then headers["If-None-Match"] = etag end
  return wrk.format("GET", path, headers)
end
"""


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)


def manage(env, *args, **kwargs):
    return run([PYTHON, "manage.py", *args], env, **kwargs)


def prepare_database(env, options):
    url = env["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    exists = subprocess.run(
        [
            "psql",
            admin_url,
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname='{name}'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if exists and options.regenerate:  # a dedicated database: start from scratch
        run(["psql", admin_url, "-qc", f'DROP DATABASE "{name}" WITH (FORCE)'], env)
        exists = ""
    if not exists:
        run(["psql", admin_url, "-qc", f'CREATE DATABASE "{name}"'], env)
    manage(env, "migrate", "--no-input", "-v0")
    count = manage(
        env,
        "shell",
        "-c",
        "from articles.models import Article;"
        "print(Article.objects.filter(import_key__startswith='bench:').count())",
        capture_output=True,
        text=True,
    ).stdout.strip()
    count = count.splitlines()[-1] if count else "0"
    if count != str(options.stories) or options.regenerate:
        log("generating the archive (10,000 stories, 2,000 actors, 50,000 quotes)")
        manage(env, "generate_archive", "--clear", "--stories", str(options.stories))
    else:
        log(f"archive present ({count} generated stories)")
    manage(env, "collectstatic", "--no-input", "-v0")


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return [int(pid) for pid in children.read_text().split()]


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / CLOCK_TICKS


def pids_named(name):
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == name:
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def start_gunicorn(env, port):
    env = {
        **env,
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_WORKER_CLASS": "sync",
        "GUNICORN_MAX_REQUESTS": "0",  # no recycling in the middle of a measurement
        "GUNICORN_ACCESSLOG": os.devnull,
    }
    logfile = open(tempfile.gettempdir() + "/newsroom-bench-gunicorn.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [GUNICORN, "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=logfile,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=2) as response:
                if response.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn did not start; see {logfile.name}")


def fetch(base, path, headers=None, timeout=30):
    request = urllib.request.Request(base + path, headers=headers or {})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, dict(response.headers), response.read()


def static_path(base):
    _status, _headers, body = fetch(base, "/")
    match = re.search(rb'href="(/static/[^"]+\.css)"', body)
    if match:
        return match.group(1).decode()
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    paths = json.loads(manifest.read_text())["paths"]
    return "/static/" + paths.get("css/site.css", paths["admin/css/base.css"])


def targets(base, options):
    stories = [f"/stories/bench-story-{i}/" for i in range(0, options.stories, 97)]
    actors = [f"/actors/bench-{i}/" for i in range(20, 2000, 37)]
    # Words of different frequencies (see generate_archive): from a third of the
    # stories ("budget") down to a few per cent ("teachers", "protest march").
    words = ["budget", "teachers", "railway bridge", "protest march", "hospital nurses",
             "court ruling", "drought harvest", "tax reform", "port cargo",
             "climate emissions"]  # fmt: skip
    _s, story_headers, _b = fetch(base, stories[0])
    etag = story_headers.get("ETag")
    plan = [
        ("ceiling (bare Django, 10 KB)", ["/bench/ceiling/"], False, None),
        ("front page, uncached", ["/"], True, None),
        ("story page, uncached", stories, True, None),
        ("actor page, uncached", actors, True, None),
        ("quote search, uncached", [f"/quotes/?q={w}" for w in words], True, None),
        ("full-text search, uncached", [f"/search/?q={w}" for w in words], True, None),
        ("static file (whitenoise)", [static_path(base)], False, None),
        ("front page, cached", ["/"], False, None),
        ("story page, cached", [stories[0]], False, None),
        ("story page, 304", [stories[0]], False, etag),
    ]
    if options.only:
        # Words of the label, so "cached" selects "story page, cached" but not
        # "story page, uncached". The ceiling always runs: ratios are relative to it.
        plan = plan[:1] + [
            target
            for target in plan[1:]
            if options.only & set(re.findall(r"\w+", target[0].lower()))
        ]
    for _label, paths, _unique, _etag in plan:
        for path in paths[:3]:
            status, _h, _b = fetch(base, path.replace(" ", "+"))
            assert status == 200, (path, status)
    return plan


def lua_script(paths, unique, etag, directory):
    quoted = ", ".join('"' + p.replace(" ", "+") + '"' for p in paths)
    script = LUA % {
        "paths": quoted,
        "unique": "true" if unique else "false",
        "etag": '"' + etag.replace('"', '\\"') + '"' if etag else "nil",
    }
    path = Path(directory) / f"t{abs(hash((tuple(paths), unique, etag)))}.lua"
    path.write_text(script)
    return str(path)


def parse_wrk(output):
    def latency_ms(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    requests = int(re.search(r"(\d+) requests in", output).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency_ms("50"),
        "p99": latency_ms("99"),
        "requests": requests,
        "bad": int(non2xx.group(1)) if non2xx else 0,
        "errors": sum(map(int, errors.groups())) if errors else 0,
    }


def wrk(base, script, connections, seconds, threads=2):
    output = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "--timeout",
            "5s",
            "-s",
            script,
            base,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(output)


def drain(base, workers, quiet=0.5, limit=120):
    """Wait until the server is idle: requests wrk gave up on still run after it
    exits (they wait in the listen backlog), and must not slow down (or be billed to)
    the next target. A probe on a new connection queues behind them; then the workers
    and the database must go quiet."""
    for _ in range(2):
        with contextlib.suppress(OSError):
            fetch(base, "/healthz", timeout=limit)
    workers = workers + pids_named("postgres")
    deadline = time.monotonic() + limit
    last = cpu_seconds(workers)
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = cpu_seconds(workers)
        if now - last < 0.02:
            return
        last = now


def measure(base, master, plan, options, directory):
    results = {label: [] for label, *_ in plan}
    workers = worker_pids(master)
    postgres = pids_named("postgres")
    redis = pids_named("redis-server")
    scripts = {label: lua_script(p, u, e, directory) for label, p, u, e in plan}
    for label, *_ in plan:  # warm up every worker and query plan
        wrk(base, scripts[label], options.connections, 2)
        drain(base, workers)
    for round_number in range(1, options.rounds + 1):
        log(f"round {round_number}/{options.rounds}")
        for label, *_ in plan:  # alternate targets so drift hits all of them alike
            app_before, db_before = cpu_seconds(workers), cpu_seconds(postgres + redis)
            result = wrk(base, scripts[label], options.connections, options.duration)
            result["app_cpu_ms"] = (cpu_seconds(workers) - app_before) * 1000
            result["db_cpu_ms"] = (cpu_seconds(postgres + redis) - db_before) * 1000
            results[label].append(result)
            drain(base, workers)
    return results


def summarise(results):
    rows = []
    ceiling = statistics.median(r["rps"] for r in next(iter(results.values())))
    ceiling = ceiling or float("nan")
    for label, runs in results.items():
        requests = sum(r["requests"] for r in runs) or float("nan")
        rows.append(
            {
                "label": label,
                "rps": statistics.median(r["rps"] for r in runs),
                "ratio": statistics.median(r["rps"] for r in runs) / ceiling,
                "p50": statistics.median(r["p50"] for r in runs),
                "p99": statistics.median(r["p99"] for r in runs),
                "app_cpu": sum(r["app_cpu_ms"] for r in runs) / requests,
                "db_cpu": sum(r["db_cpu_ms"] for r in runs) / requests,
                "bad": sum(r["bad"] + r["errors"] for r in runs),
            }
        )
    return rows


def print_table(rows, options, stress, load):
    print()
    print(
        f"load average (1 min) before/after the run: {load[0]:.2f} / {load[1]:.2f} "
        "(before: other work on the machine, should be near 0; after: includes this run)"
    )
    print(
        f"gunicorn: 2 sync workers on 127.0.0.1; wrk c={options.connections}, "
        f"{options.rounds} rounds x {options.duration} s per target, alternating; "
        f"medians. CPU: {os.cpu_count()} cores."
    )
    header = (
        f"{'target':32} {'req/s':>8} {'x ceil':>7} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'app CPU ms/req':>15} {'db+redis CPU ms/req':>20} {'errors':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['label']:32} {row['rps']:8.0f} {row['ratio']:7.2f} "
            f"{row['p50']:7.1f} {row['p99']:7.1f} {row['app_cpu']:15.2f} "
            f"{row['db_cpu']:20.2f} {row['bad']:7.0f}"
        )
    if stress:
        print()
        print(
            f"stress: c=64 for {options.stress_seconds} s over all targets' URLs "
            f"({'every request uncached' if options.stress_uncached else 'cached after the first visit'}): "
            f"{stress['requests']} requests, {stress['rps']:.0f} req/s, "
            f"p50 {stress['p50']:.1f} ms, p99 {stress['p99']:.1f} ms, "
            f"non-2xx/3xx {stress['bad']}, socket errors {stress['errors']}, "
            f"server errors logged {stress['server_5xx']}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=8, help="seconds per run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--stress-seconds", type=int, default=60)
    parser.add_argument(
        "--stress-uncached",
        action="store_true",
        help="make every stress request a cache miss (worst case)",
    )
    parser.add_argument(
        "--only",
        type=lambda value: {word.strip().lower() for word in value.split(",")},
        help="comma-separated words: run only the targets whose label has one "
        "(e.g. ceiling,cached,304); the ceiling always runs",
    )
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--port", type=int, default=8642)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--no-redis", action="store_true", help="locmem cache instead")
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"
        ),
    )
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DEBUG", "SECURE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=options.database_url,
        DEBUG="0",
        SECURE="0",
        SECRET_KEY="bench-only-secret-key-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        LOG_LEVEL="INFO",  # production's logging, one line per request, costs included
        STATICFILES_BACKEND="whitenoise.storage.CompressedManifestStaticFilesStorage",
        PYTHONPATH=str(ROOT),
    )
    if not options.no_redis:
        env["REDIS_URL"] = os.environ.get(
            "BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"
        )

    prepare_database(env, options)
    if not options.no_redis:
        manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
    load_before = os.getloadavg()[0]
    process, base = start_gunicorn(env, options.port)
    try:
        plan = targets(base, options)
        with tempfile.TemporaryDirectory() as directory:
            results = measure(base, process.pid, plan, options, directory)
            stress = None
            if options.stress_seconds:
                log(f"stress: 64 connections for {options.stress_seconds} s")
                # Reader traffic: every page of every target (about 200 URLs),
                # each rendered on its first visit and then served from the cache
                # until it expires; --stress-uncached makes every request a miss.
                everything = [p for _l, paths, _u, _e in plan for p in paths]
                script = lua_script(
                    everything, options.stress_uncached, None, directory
                )
                logfile = Path(tempfile.gettempdir()) / "newsroom-bench-gunicorn.log"
                before = logfile.read_text().count("Internal Server Error")
                drain(base, worker_pids(process.pid))
                stress = wrk(base, script, 64, options.stress_seconds, threads=4)
                after = logfile.read_text().count("Internal Server Error")
                stress["server_5xx"] = after - before
        load = (load_before, os.getloadavg()[0])
        print_table(summarise(results), options, stress, load)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
