from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Bound revision growth: keep the newest --keep revisions of each article, "
        "actor and quote (and the revisions they share), delete the rest."
    )

    def add_arguments(self, parser):
        parser.add_argument("--keep", type=int, default=20)
        parser.add_argument(
            "--days",
            type=int,
            default=0,
            help="Delete only revisions older than this many days (0: any age).",
        )

    def handle(self, *, keep, days, **options):
        if keep < 1:
            raise CommandError("--keep must be at least 1: restore needs a revision.")
        # django-reversion's own command does the work; this fixes the apps and
        # refuses --keep 0, which would delete every revision.
        call_command(
            "deleterevisions", "articles", "actors", keep=keep, days=days, verbosity=0
        )
        self.stdout.write(
            f"Kept the newest {keep} revisions of each article, actor and quote."
        )
