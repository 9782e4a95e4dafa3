"""A GIN index over the stories' full-text search document, on PostgreSQL only.

The expression is the one ``articles.models.SEARCH_VECTOR`` builds, so the planner
uses the index for ``Article.objects.search()``. SQLite has no GIN indexes; there the
search falls back to substring matching and this migration does nothing.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "article_search_gin"


def search_index():
    return GinIndex(
        SearchVector("headline", weight="A", config="english")
        + SearchVector("standfirst", weight="B", config="english")
        + SearchVector("body", weight="C", config="english"),
        name=INDEX_NAME,
    )


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("articles", "Article"), search_index())


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("articles", "Article"), search_index())


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
