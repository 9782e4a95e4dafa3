import json

from django.core.management.base import BaseCommand
from django.db.models import Prefetch

from actors.models import Actor, Mention, Quote
from articles.models import Article

CHUNK_SIZE = 500


def exported_articles():
    """Imported articles with their mentions and non-rejected quotes, in 3 queries a chunk."""
    mentions = Mention.objects.select_related("actor").order_by("first_offset", "id")
    quotes = (
        Quote.objects.exclude(status=Quote.Status.REJECTED)
        .select_related("speaker")
        .order_by("start")
    )
    return (
        Article.objects.exclude(import_key="")
        .order_by("import_key", "id")
        .prefetch_related(
            Prefetch("mentions", queryset=mentions), Prefetch("quotes", queryset=quotes)
        )
    )


def export_record(article):
    """Return the JSON-ready record of one article (the evaluation tools read these keys)."""
    quotes = list(article.quotes.all())
    # Mentioned actors in order of appearance, then any speaker not mentioned.
    actors = {m.actor_id: m.actor for m in article.mentions.all()}
    actors.update((q.speaker_id, q.speaker) for q in quotes if q.speaker_id)
    actors = actors.values()
    return {
        "file": article.import_key,
        "headline": article.headline,
        "status": article.status,
        "url": article.get_absolute_url(),
        "people": [a.name for a in actors if a.kind == Actor.Kind.PERSON],
        "organizations": [a.name for a in actors if a.kind == Actor.Kind.ORGANIZATION],
        "quotes": [
            {"text": q.text, "speaker": q.speaker.name if q.speaker else None}
            for q in quotes
        ],
    }


class Command(BaseCommand):
    help = "Write imported articles as JSON Lines: people, organizations and quotes."

    def add_arguments(self, parser):
        parser.add_argument("--output", metavar="FILE", help="Write here, not stdout.")

    def handle(self, *, output, **options):
        out = open(output, "w", encoding="utf-8") if output else self.stdout._out  # noqa: SIM115
        try:
            for article in exported_articles().iterator(chunk_size=CHUNK_SIZE):
                out.write(json.dumps(export_record(article), ensure_ascii=False) + "\n")
        except BrokenPipeError:  # a reader such as `head` has seen enough
            pass
        finally:
            if output:
                out.close()
