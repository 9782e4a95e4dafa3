"""A trigram GIN index for the quote search's substring match, on PostgreSQL only.

``QuoteFilter`` searches with ``text__icontains``, which PostgreSQL runs as
``UPPER(text) LIKE UPPER('%words%')``; a ``pg_trgm`` index over ``UPPER(text)``
serves it instead of scanning every quote. SQLite has neither ``pg_trgm`` nor GIN
indexes: there this migration does nothing (``TrigramExtension`` is a no-op too).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX_NAME = "quote_text_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON actors_quote "
            "USING gin (UPPER(text) gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [("actors", "0002_editorial_groups")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
