import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

from articles.importer import discover, import_seeds
from articles.seeds import printable


class Command(BaseCommand):
    @property
    def help(self):
        limit = settings.IMPORT_MAX_FILE_BYTES
        return (
            "Import seed text files as draft articles with their tags, actors and "
            f"quotes. Files over {limit:,} bytes ({limit / 2**20:g} MiB, "
            "IMPORT_MAX_FILE_BYTES), binary, empty, special files and symbolic links "
            "are skipped and reported; the command then exits with status 1."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", default=["seeds"], metavar="PATH",
            help="Seed files, or folders searched recursively for *.txt "
            "(default: seeds/).",
        )  # fmt: skip
        parser.add_argument(
            "--publish", action="store_true", help="Publish what is imported now."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report only; write nothing."
        )

    def handle(self, *, paths, publish, dry_run, **options):
        bar = None
        if sys.stderr.isatty():
            total = sum(1 for _ in discover(paths))
            bar = tqdm(total=total, unit="file", file=sys.stderr, leave=False)

        def progress(result):
            if bar is None:
                self.stdout.write(str(result))
            else:
                bar.write(str(result), file=self.stdout._out)
                bar.update()

        try:
            report = import_seeds(
                paths, publish=publish, dry_run=dry_run, progress=progress
            )
        except DatabaseError as exc:  # no database at all: no file could be imported
            raise CommandError(f"Database error: {printable(exc)}") from None
        finally:
            if bar is not None:
                bar.close()
        self.stdout.write(report.summary())
        if report.rejected:
            raise CommandError(f"{report.rejected} file(s) rejected; see above.")
