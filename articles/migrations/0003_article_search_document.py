"""Store each story's full-text search document, on PostgreSQL kept by a trigger.

``search_document`` holds ``articles.models.SEARCH_VECTOR`` of the row: a ``BEFORE
INSERT OR UPDATE`` trigger computes it (for ``save()``, ``bulk_create()``, queryset
``update()`` and raw SQL alike), recomputing only when the headline, standfirst or
body changed. The GIN index moves from the expression (migration 0002) to the
column, under the same name, so ranking reads the stored vector instead of
re-parsing every matching story. On SQLite the column stays empty and this does
nothing else: search there falls back to substring matching.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import migrations

INDEX_NAME = "article_search_gin"

DOCUMENT = """
    setweight(to_tsvector('english'::regconfig, COALESCE({row}headline, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, COALESCE({row}standfirst, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, COALESCE({row}body, '')), 'C')
"""

FORWARD = [
    f"""
    CREATE OR REPLACE FUNCTION articles_article_search_document() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE'
           AND OLD.search_document IS NOT NULL
           AND NEW.headline IS NOT DISTINCT FROM OLD.headline
           AND NEW.standfirst IS NOT DISTINCT FROM OLD.standfirst
           AND NEW.body IS NOT DISTINCT FROM OLD.body THEN
            NEW.search_document := OLD.search_document;
        ELSE
            NEW.search_document := {DOCUMENT.format(row="NEW.")};
        END IF;
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER articles_article_search_document
    BEFORE INSERT OR UPDATE ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_document()
    """,
    f"UPDATE articles_article SET search_document = {DOCUMENT.format(row='')}",
    f"DROP INDEX IF EXISTS {INDEX_NAME}",
    f"CREATE INDEX {INDEX_NAME} ON articles_article USING gin (search_document)",
]

BACKWARD = [
    f"DROP INDEX IF EXISTS {INDEX_NAME}",
    f"CREATE INDEX {INDEX_NAME} ON articles_article USING gin (({DOCUMENT.format(row='')}))",
    "DROP TRIGGER IF EXISTS articles_article_search_document ON articles_article",
    "DROP FUNCTION IF EXISTS articles_article_search_document()",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_article_search_index")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_document",
            field=SearchVectorField(editable=False, null=True, serialize=False),
        ),
        migrations.RunPython(run(FORWARD), run(BACKWARD), elidable=False),
    ]
