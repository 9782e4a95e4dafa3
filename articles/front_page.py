"""What the front page shows: the lead story, the latest ones, then a section per topic.

The sections are the busiest tags among the newest ``SECTION_WINDOW`` published stories
(counting over a recent window, not the whole archive, keeps the cost constant as the
archive grows, and follows what is in the news), each with its newest stories not
already shown above. One hand-written query picks every story (remembered until
public content changes, see newsroom.memo); one more loads them.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone

from newsroom.memo import remember

from .models import Article, Tag

SECTION_WINDOW = 500

LAYOUT_SQL = """
WITH recent AS (
    SELECT id, published_at,
           ROW_NUMBER() OVER (ORDER BY published_at DESC, id DESC) AS position
    FROM {article}
    WHERE status = %(published)s AND published_at <= %(now)s
    ORDER BY published_at DESC, id DESC
    LIMIT %(window)s
),
busiest AS (
    SELECT tag.id, tag.name, tag.slug, COUNT(*) AS stories
    FROM {tagging} tagging
    JOIN recent ON recent.id = tagging.article_id
    JOIN {tag} tag ON tag.id = tagging.tag_id
    GROUP BY tag.id, tag.name, tag.slug
    ORDER BY stories DESC, tag.name
    LIMIT %(sections)s
),
in_sections AS (
    SELECT busiest.id AS tag_id, recent.id AS article_id,
           ROW_NUMBER() OVER (
               PARTITION BY busiest.id ORDER BY recent.published_at DESC, recent.id DESC
           ) AS position
    FROM busiest
    JOIN {tagging} tagging ON tagging.tag_id = busiest.id
    JOIN recent ON recent.id = tagging.article_id
    WHERE recent.position > %(latest)s
)
SELECT NULL, NULL, NULL, NULL, id, position FROM recent WHERE position <= %(latest)s
UNION ALL
SELECT busiest.id, busiest.name, busiest.slug, busiest.stories,
       in_sections.article_id, in_sections.position
FROM busiest JOIN in_sections ON in_sections.tag_id = busiest.id
WHERE in_sections.position <= %(size)s
"""


@dataclass
class FrontPage:
    latest: list = field(default_factory=list)  # newest first; the first is the lead
    sections: list = field(default_factory=list)  # Tags, busiest first, with .latest

    @property
    def lead(self):
        return self.latest[0] if self.latest else None


def front_page(latest=7, sections=4, section_size=4):
    """The stories of the front page, in two queries (plus the tags of the cards)."""
    tables = {
        "article": Article._meta.db_table,
        "tag": Tag._meta.db_table,
        "tagging": Article.tags.through._meta.db_table,
    }
    params = {
        "published": Article.Status.PUBLISHED,
        "now": timezone.now(),
        "window": SECTION_WINDOW,
        "latest": latest,
        "sections": sections,
        "size": section_size,
    }

    def layout():
        with connection.cursor() as cursor:
            cursor.execute(LAYOUT_SQL.format(**tables), params)
            return cursor.fetchall()

    rows = remember(("front-page", latest, sections, section_size), layout)
    # Visibility is checked again here: a story unpublished or deleted while this
    # request ran under the previous generation simply drops out.
    stories = Article.objects.published().for_list().in_bulk({row[4] for row in rows})

    page, tags = FrontPage(), {}
    for tag_id, name, slug, _stories, article_id, _position in sorted(
        rows, key=_layout_order
    ):
        if article_id not in stories:
            continue
        if tag_id is None:
            page.latest.append(stories[article_id])
            continue
        if tag_id not in tags:
            tags[tag_id] = Tag(id=tag_id, name=name, slug=slug)
            tags[tag_id].latest = []
            page.sections.append(tags[tag_id])
        tags[tag_id].latest.append(stories[article_id])
    return page


def _layout_order(row):
    """The latest stories first, then the sections busiest first, each newest first."""
    tag_id, name, _slug, stories, _article_id, position = row
    return (tag_id is not None, -(stories or 0), name or "", position)
