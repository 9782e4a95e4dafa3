import re
from datetime import timedelta
from itertools import islice

from django.apps import apps
from django.conf import settings
from django.contrib.postgres.search import (
    SearchQuery,
    SearchVector,
    SearchVectorField,
)
from django.db import connections, models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Now
from django.db.models.query import ModelIterable
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify

from newsroom.links import slug_url
from newsroom.memo import remember

from .markup import mark_up_paragraphs


class Source(models.Model):
    class Kind(models.TextChoices):
        ORIGINAL = "original", "Original reporting"
        WIRE = "wire", "Wire service"
        AGGREGATOR = "aggregator", "Aggregator"
        REFERENCE = "reference", "Reference"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    url = models.URLField(blank=True, max_length=500)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.ORIGINAL)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)

    @staticmethod
    def public_choices():
        """(slug, name) of every source of a published story, for filter forms;
        remembered for the content generation (newsroom.memo)."""
        sources = Source.objects.filter(articles__in=Article.objects.published())
        return remember(
            ("public-sources",),
            lambda: list(sources.distinct().values_list("slug", "name")),
        )


class TagQuerySet(models.QuerySet):
    def public(self):
        """Tags on at least one published story."""
        published = Article.objects.published()
        return self.filter(
            Exists(
                Article.tags.through.objects.filter(
                    tag=OuterRef("pk"), article__in=published
                )
            )
        )


class _WithTagList(ModelIterable):
    """Articles, each with ``tag_list`` filled by one query per chunk of them.

    ``prefetch_related("tags")`` builds a related manager and a queryset per
    article, and compiling even a plain ORM query for the tags costs several times
    running it: together about 1 ms on a page of 20 story cards. This costs 0.1 ms.
    """

    def __iter__(self):
        articles = super().__iter__()
        while chunk := list(islice(articles, self.chunk_size)):
            self._fill_tag_lists(chunk)
            yield from chunk

    def _fill_tag_lists(self, articles):
        sql = TAG_LIST_SQL.format(
            tag=Tag._meta.db_table,
            tagging=Article.tags.through._meta.db_table,
            ids=", ".join(["%s"] * len(articles)),
        )
        tags = {}
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, [article.pk for article in articles])
            for article_id, *tag in cursor.fetchall():
                tags.setdefault(article_id, []).append(Tag(*tag))
        for article in articles:
            article.__dict__["tag_list"] = tags.get(article.pk, [])


TAG_LIST_SQL = """
SELECT tagging.article_id, tag.id, tag.name, tag.slug
FROM {tagging} tagging JOIN {tag} tag ON tag.id = tagging.tag_id
WHERE tagging.article_id IN ({ids})
ORDER BY tag.name
"""


class Tag(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:100]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:tag", self.slug)

    @staticmethod
    def public_choices():
        """(slug, name) of every tag on a published story, for filter forms;
        remembered for the content generation (newsroom.memo)."""
        tags = Tag.objects.public().values_list("slug", "name")
        return remember(("public-tags",), lambda: list(tags))


# How many of the newest stories sharing an actor, and sharing a tag, are scored.
RELATED_CANDIDATES = 200
RELATED_SQL = """
SELECT story.id, story.headline, story.slug, story.published_at, shared.score
FROM (
    SELECT article_id, SUM(weight) AS score
    FROM (
        SELECT * FROM (
            SELECT m.article_id, 2 AS weight FROM {mention} m
            WHERE m.actor_id IN (
                SELECT actor_id FROM {mention} WHERE article_id = %(story)s
            ) AND m.article_id <> %(story)s
            ORDER BY m.article_id DESC LIMIT %(candidates)s
        ) AS by_actor
        UNION ALL
        SELECT * FROM (
            SELECT t.article_id, 1 AS weight FROM {tagging} t
            WHERE t.tag_id IN (
                SELECT tag_id FROM {tagging} WHERE article_id = %(story)s
            ) AND t.article_id <> %(story)s
            ORDER BY t.article_id DESC LIMIT %(candidates)s
        ) AS by_tag
    ) AS links
    GROUP BY article_id
) AS shared
JOIN {article} story ON story.id = shared.article_id
WHERE story.status = %(published)s AND story.published_at <= %(now)s
ORDER BY shared.score DESC, story.published_at DESC, story.id DESC
LIMIT %(limit)s
"""


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Return what readers may see: published, and not scheduled for later."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=Now())

    def scheduled(self):
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=Now())

    def in_review(self):
        return self.filter(status=Article.Status.IN_REVIEW)

    # --- Reader-facing screens ------------------------------------------------------
    def for_list(self):
        """Story cards: headline, standfirst, date, source and tags; not the body."""
        return self.select_related("source").defer("body").with_tag_list()

    def with_tag_list(self):
        clone = self._chain()
        clone._iterable_class = _WithTagList
        return clone

    def for_feed(self):
        return self.for_list().prefetch_related("corrections")

    def for_detail(self):
        Mention = apps.get_model("actors", "Mention")
        Quote = apps.get_model("actors", "Quote")
        mentions = Mention.objects.select_related(
            "actor", "actor__affiliation"
        ).order_by("first_offset", "pk")
        quotes = (
            Quote.objects.exclude(status=Quote.Status.REJECTED)
            .select_related("speaker")
            .order_by("start")
        )
        return (
            self.select_related("source")
            .with_tag_list()
            .prefetch_related(
                "corrections",
                Prefetch("mentions", queryset=mentions, to_attr="mention_list"),
                Prefetch("quotes", queryset=quotes, to_attr="public_quotes"),
            )
        )

    def recent(self, days=2):
        return self.filter(published_at__gte=timezone.now() - timedelta(days=days))

    def featuring(self, actor):
        """Stories that mention ``actor`` or carry a quote of theirs."""
        Mention = apps.get_model("actors", "Mention")
        Quote = apps.get_model("actors", "Quote")
        quoted = Quote.objects.exclude(status=Quote.Status.REJECTED).filter(
            speaker=actor
        )
        mentioned = Mention.objects.filter(actor=actor).values("article")
        quoted = quoted.values("article")
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            # One IN over a UNION: PostgreSQL fetches the actor's stories by key
            # instead of walking every published story to test an OR per row.
            return self.filter(pk__in=mentioned.union(quoted))
        return self.filter(Q(pk__in=mentioned) | Q(pk__in=quoted))

    def matching(self, query):
        """Stories matching ``query``, unordered: PostgreSQL full-text, else substrings."""
        query = _clean_query(query)
        if not query:
            return self.none()
        if connections[self.db].vendor == "postgresql":
            return self.filter(search_document=_search_query(query))
        matches = Q()
        for word in query.split()[:10]:
            matches &= (
                Q(headline__icontains=word)
                | Q(standfirst__icontains=word)
                | Q(body__icontains=word)
            )
        return self.filter(matches)


# The search page ranks this many of the newest matching stories; the archive's
# word filter (``matching``) lists every match, newest first.
SEARCH_WINDOW = 60
# A lexeme in PostgreSQL's querytree() text; negated ones (!'word') are not shown.
QUERY_LEXEME = re.compile(r"(!?)'((?:[^']|'')+)'")


def _clean_query(query):
    return " ".join(query.replace("\x00", " ").split())


def _search_query(query):
    return SearchQuery(query, search_type="websearch", config="english")


def search_words(terms):
    """The words to highlight from querytree() text, e.g. ``'railway' & 'bridg'``."""
    lexemes = QUERY_LEXEME.findall(terms)
    return [word.replace("''", "'") for negated, word in lexemes if not negated]


# Ranking reads each candidate's stored search document, a TOASTed value of several
# kilobytes, so ranking every match of a common word ("budget" is in a third of the
# stories) would grow with the archive: only the newest matches are ranked, which
# also suits news. Hand-written because the ORM took ten times longer to compile
# this query than PostgreSQL took to run it.
SEARCH_SQL = """
SELECT newest.id, querytree(websearch_to_tsquery('english', %(query)s))
FROM (
    SELECT id, published_at, search_document FROM {article}
    WHERE status = %(published)s AND published_at <= %(now)s
      AND search_document @@ websearch_to_tsquery('english', %(query)s)
    ORDER BY published_at DESC, id DESC
    LIMIT %(window)s
) AS newest
ORDER BY ts_rank(newest.search_document, websearch_to_tsquery('english', %(query)s))
    DESC, newest.published_at DESC, newest.id DESC
"""


def search_sql(query):
    """``SEARCH_SQL`` and its parameters for ``query``."""
    params = {
        "query": _clean_query(query),
        "published": Article.Status.PUBLISHED,
        "now": timezone.now(),
        "window": SEARCH_WINDOW,
    }
    return SEARCH_SQL.format(article=Article._meta.db_table), params


def search_ranking(query):
    """The ids of the newest ``SEARCH_WINDOW`` published stories matching ``query``,
    best first, and the words to highlight in them: PostgreSQL's stemmed lexemes
    ("teacher" for "teachers"). SQLite has no ranking: newest first, the words."""
    query = _clean_query(query)
    if not query:
        return [], []
    stories = Article.objects.published()
    if connections[stories.db].vendor != "postgresql":
        newest = stories.matching(query).order_by("-published_at", "-pk")
        return list(newest.values_list("pk", flat=True)[:SEARCH_WINDOW]), query.split()[
            :10
        ]
    with connections[stories.db].cursor() as cursor:
        cursor.execute(*search_sql(query))
        rows = cursor.fetchall()
    return [pk for pk, _terms in rows], search_words(rows[0][1]) if rows else []


# Full-text search document. On PostgreSQL a trigger (migration 0003) stores it in
# ``Article.search_document``, which a GIN index covers.
SEARCH_VECTOR = (
    SearchVector("headline", weight="A", config="english")
    + SearchVector("standfirst", weight="B", config="english")
    + SearchVector("body", weight="C", config="english")
)


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        # The stored search document is for the database only: never load it.
        return super().get_queryset().defer("search_document")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"
        ARCHIVED = "archived", "Archived"

    headline = models.CharField(max_length=300)
    slug = models.SlugField(max_length=255, unique=True)
    standfirst = models.TextField(
        blank=True, help_text="The summary under the headline."
    )
    body = models.TextField(
        help_text="Plain text; paragraphs separated by blank lines."
    )
    status = models.CharField(
        max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="In the future, the story is scheduled."
    )
    dateline_date = models.DateField(
        null=True, blank=True, help_text="The date the story is about."
    )
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    byline = models.CharField(max_length=200, blank=True)
    related_headline = models.CharField(max_length=300, blank=True)
    import_key = models.CharField(
        max_length=255,
        blank=True,
        db_index=True,
        help_text="The seed file it came from.",
    )
    content_hash = models.CharField(
        max_length=64,
        blank=True,
        help_text="Whitespace-insensitive hash of the import.",
    )
    # Bumped on every save: optimistic locking, and telling editor changes from imports.
    version = models.PositiveIntegerField(default=1)
    import_version = models.PositiveIntegerField(
        null=True, blank=True, help_text="The version the importer last wrote."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # SEARCH_VECTOR of the row, kept up to date by a PostgreSQL trigger (migration
    # 0003); always empty on other databases, where search matches substrings.
    search_document = SearchVectorField(null=True, editable=False, serialize=False)

    objects = ArticleManager()

    class Meta:
        ordering = ["-published_at", "-id"]
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish articles")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=~Q(content_hash=""),
                name="unique_article_content_hash",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="published_article_has_published_at",
            ),
        ]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.headline)[:255] or "story"
        if not self._state.adding:
            # A new version on every save: the admin's optimistic lock compares it.
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:detail", self.slug)

    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @cached_property
    def tag_list(self):
        """The story's tags, by name. Querysets made ``with_tag_list()`` fill it for
        every story they load; templates read it instead of ``tags.all()``, which
        builds a related manager on every call."""
        return list(self.tags.all())

    @property
    def kicker(self):
        """The first tag, shown above the headline."""
        return self.tag_list[0] if self.tag_list else None

    def paragraphs(self):
        return [p for p in self.body.split("\n\n") if p.strip()]

    def marked_up_paragraphs(self):
        """The body as escaped HTML paragraphs, its public quotes marked up."""
        return mark_up_paragraphs(self.body, getattr(self, "public_quotes", ()))

    def actors(self):
        """Actors mentioned or quoted in the story: the quoted first, then by
        appearance. Reads the caches ``for_detail()`` fills."""
        quotes = getattr(self, "public_quotes", ())
        mentioned = [m.actor for m in getattr(self, "mention_list", ())]
        seen, actors = set(), []
        for actor in mentioned + [q.speaker for q in quotes if q.speaker]:
            if actor.pk not in seen:
                seen.add(actor.pk)
                actor.quotes_here = sum(1 for q in quotes if q.speaker_id == actor.pk)
                actors.append(actor)
        return sorted(actors, key=lambda actor: actor.quotes_here == 0)

    def people(self):
        """The story's actors other than places."""
        place = apps.get_model("actors", "Actor").Kind.PLACE
        return [actor for actor in self.actors() if actor.kind != place]

    def places(self):
        place = apps.get_model("actors", "Actor").Kind.PLACE
        return [actor for actor in self.actors() if actor.kind == place]

    def related_stories(self, limit=4):
        """Published stories sharing actors (worth two) and tags (worth one), best
        first, as light instances (headline, slug, dates).

        Bounded whatever the archive's size: only the newest ``RELATED_CANDIDATES``
        links sharing an actor and sharing a tag are scored. Hand-written SQL
        because the ORM spent longer compiling this query than the database spent
        running it; remembered until public content changes (newsroom.memo).
        """
        Mention = apps.get_model("actors", "Mention")
        tables = {
            "article": Article._meta.db_table,
            "mention": Mention._meta.db_table,
            "tagging": Article.tags.through._meta.db_table,
        }
        params = {
            "story": self.pk,
            "candidates": RELATED_CANDIDATES,
            "published": Article.Status.PUBLISHED,
            "now": timezone.now(),
            "limit": limit,
        }
        sql = RELATED_SQL.format(**tables)
        return remember(
            ("related", self.pk, limit), lambda: list(Article.objects.raw(sql, params))
        )


class Transition(models.Model):
    """One recorded move of an article between workflow states."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(max_length=20, choices=Article.Status)
    to_status = models.CharField(max_length=20, choices=Article.Status)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.article}: {self.from_status} → {self.to_status}"


class CorrectionQuerySet(models.QuerySet):
    def public(self):
        """Notes on stories readers may see."""
        return self.filter(article__in=Article.objects.published())

    def for_list(self):
        return self.select_related("article").defer(
            "article__body", "article__search_document"
        )


class Correction(models.Model):
    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        CLARIFICATION = "clarification", "Clarification"
        UPDATE = "update", "Update"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.CORRECTION)
    note = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.article}"
