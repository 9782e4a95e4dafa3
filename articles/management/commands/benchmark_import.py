"""Time the seed import: N copies of the corpus into a fresh database, per size.

Each size runs in its own process (so its peak RSS is its own) against a new
database made like a test database: a temporary SQLite file, or on PostgreSQL
``<NAME>_import_bench`` next to the database of DATABASE_URL (never that one).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from actors.extraction import Extraction
from articles import importer

TRAILER_PREFIXES = ("Check out this related article:", "Source link")


def corpus_texts(corpus):
    return [
        (path.name, path.read_text("utf-8")) for path in sorted(corpus.glob("*.txt"))
    ]


def write_copies(texts, n, folder):
    """Write ``n`` seed files cycling through ``texts``, each a distinct story."""
    folder.mkdir(parents=True)
    for i in range(n):
        name, text = texts[i % len(texts)]
        lines = text.rstrip("\n").split("\n")
        end = len(lines)
        while end > 1 and lines[end - 1].startswith(TRAILER_PREFIXES):
            end -= 1
        lines.insert(end, f"This is benchmark copy number {i} of the story.")
        (folder / f"{i:06d}_{name}").write_text("\n".join(lines) + "\n", "utf-8")


def run_once(n, corpus, *, extraction=True):
    if not extraction:
        # Measure the importer alone: parse, match and save, with nothing extracted.
        importer.extract = lambda body, known=None: Extraction(actors=(), quotes=())
    texts = corpus_texts(corpus)
    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmp:
        folder = Path(tmp) / "seeds"
        write_copies(texts, n, folder)
        test = connection.settings_dict.setdefault("TEST", {})
        if connection.vendor == "sqlite":
            test["NAME"] = str(Path(tmp) / "bench.sqlite3")
        else:
            test["NAME"] = f"{connection.settings_dict['NAME']}_import_bench"
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        try:
            started, cpu_started = time.perf_counter(), time.process_time()
            report = importer.import_seeds([folder])
            seconds = time.perf_counter() - started
            cpu_seconds = time.process_time() - cpu_started
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": report.counts["created"],
        "files": n,
        "seconds": round(seconds, 2),
        "per_second": round(n / seconds, 1),
        # CPU time of this process only: what a busy machine's other work can't blur.
        "cpu_seconds": round(cpu_seconds, 2),
        "per_cpu_second": round(n / cpu_seconds, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }


class Command(BaseCommand):
    help = (
        "Import N copies of ../shared/corpus into a fresh database and report "
        "articles per second, growth from the smallest to the largest N, and peak RSS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="1000,10000", help="Comma-separated N.")
        parser.add_argument(
            "--corpus",
            type=Path,
            default=settings.BASE_DIR.parent / "shared" / "corpus",
        )
        parser.add_argument(
            "--without-extraction",
            action="store_true",
            help="Time the importer alone (extract() finds nothing).",
        )
        parser.add_argument("--one", type=int, help=argparse.SUPPRESS)

    def handle(self, *, sizes, corpus, one, without_extraction, **options):
        if not corpus.is_dir() or not any(corpus.glob("*.txt")):
            raise CommandError(f"No corpus at {corpus}: nothing to benchmark.")
        if one:
            result = run_once(one, corpus, extraction=not without_extraction)
            self.stdout.write(json.dumps(result))
            return
        extra = ["--without-extraction"] if without_extraction else []
        results = [self.run_child(int(n), corpus, extra) for n in sizes.split(",")]
        for r in results:
            self.stdout.write(
                f"{connection.vendor}: {r['files']:>6} files -> {r['articles']} articles "
                f"in {r['seconds']:.2f} s = {r['per_second']:.0f} articles/s "
                f"({r['cpu_seconds']:.2f} s CPU = {r['per_cpu_second']:.0f}/CPU-s), "
                f"peak RSS {r['peak_rss_mb']:.0f} MB"
            )
        if len(results) > 1:
            first, last = results[0], results[-1]
            self.stdout.write(
                f"{last['files'] / first['files']:g}x the articles took "
                f"{last['seconds'] / first['seconds']:.2f}x the time "
                f"({last['cpu_seconds'] / first['cpu_seconds']:.2f}x the CPU time)"
            )

    def run_child(self, n, corpus, extra):
        command = [sys.executable, sys.argv[0], "benchmark_import", *extra]
        command += ["--one", str(n), "--corpus", str(corpus)]
        env = {**os.environ, "DEBUG": "0", "LOG_LEVEL": "WARNING"}
        env.setdefault("SECRET_KEY", "benchmark-only-not-a-secret")
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode:
            raise CommandError(f"benchmark of {n} failed:\n{done.stderr[-2000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])
