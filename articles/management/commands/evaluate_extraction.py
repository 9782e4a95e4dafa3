"""Score the extraction engine against the hand-written gold answers.

A thin shell around :mod:`articles.evaluation`; see tests/data/gold/README.md for the
annotation rules and that module for how each score is computed.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles import evaluation


class Command(BaseCommand):
    help = (
        "Run the actor/quote extractor over the annotated corpus files and print "
        "precision, recall and F1 for quote spans, speaker attribution, people and "
        "organizations, plus the files with errors."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--gold",
            type=Path,
            default=evaluation.GOLD_DIR,
            help="Folder of gold JSON files (default: tests/data/gold).",
        )
        parser.add_argument(
            "--corpus",
            type=Path,
            default=evaluation.CORPUS_DIR,
            help="Folder of the corpus articles (default: ../shared/corpus).",
        )
        parser.add_argument(
            "--file",
            action="append",
            default=[],
            metavar="STEM",
            help="Only gold files whose name starts with STEM (repeatable).",
        )
        parser.add_argument(
            "--export",
            type=Path,
            metavar="JSONL",
            help="Score an export_articles JSON Lines file instead of running the "
            "extractor (articles are matched by their import file name).",
        )
        parser.add_argument(
            "--verbose",
            action="store_true",
            help="List every missed and spurious item per file (also with -v 2).",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Exit non-zero when a category is below the quality bar.",
        )

    def handle(self, *args, gold, corpus, file, export, verbose, check, **options):
        if not corpus.is_dir():
            raise CommandError(f"corpus folder not found: {corpus}")
        paths = sorted(gold.glob("*.json"))
        if file:
            paths = [p for p in paths if any(p.name.startswith(s) for s in file)]
        if not paths:
            raise CommandError(f"no gold files in {gold}")
        try:
            documents = [evaluation.load_gold(p, corpus) for p in paths]
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot load gold data: {exc}") from exc
        if export:
            try:
                predictions = evaluation.load_export(export)
            except (OSError, ValueError) as exc:
                raise CommandError(f"cannot read export {export}: {exc}") from exc
            report = evaluation.evaluate_export(documents, predictions)
        else:
            report = evaluation.evaluate(documents)
        verbose = verbose or options["verbosity"] >= 2
        self.stdout.write(evaluation.format_report(report, verbose=verbose))
        failures = report.failures()
        if check and failures:
            below = ", ".join(f"{c} {f:.3f}" for c, f in failures.items())
            raise CommandError(f"below the quality bar: {below}")
