from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article
from newsroom.links import slug_url
from newsroom.memo import remember

from .extraction import name_key as alias_key


class ActorQuerySet(models.QuerySet):
    def people(self):
        return self.filter(kind=Actor.Kind.PERSON)

    def organizations(self):
        return self.filter(kind=Actor.Kind.ORGANIZATION)

    def matching(self, name):
        """Actors whose name or any alias matches ``name``."""
        key = alias_key(name)
        return self.filter(Q(name_key=key) | Q(aliases__key=key)).distinct()

    # --- Reader-facing screens ------------------------------------------------------
    def public(self):
        """Actors readers may see: quoted or mentioned in a published story.

        An actor known only from unpublished stories stays hidden: their name alone
        could give away an embargoed story.
        """
        published = Article.objects.published()
        # Correlated EXISTS: one actor (a page, a filter value) probes the indexes;
        # the directory gets hashed semi-joins.
        return self.filter(
            Exists(Quote.objects.public().filter(speaker=OuterRef("pk")))
            | Exists(
                Mention.objects.filter(actor=OuterRef("pk"), article__in=published)
            )
        )

    def quoted(self):
        """Actors with at least one public quote."""
        return self.filter(
            Exists(Quote.objects.public().filter(speaker=OuterRef("pk")))
        )

    def for_directory(self, entries):
        """The actors of directory ``entries``, in order, with their counts."""
        actors = self.select_related("affiliation").in_bulk([e.id for e in entries])
        listed = []
        for entry in entries:
            if actor := actors.get(entry.id):  # unless deleted since
                actor.quote_count, actor.story_count = entry[2:]
                listed.append(actor)
        return listed

    def quoted_alongside(self, actor, limit=6):
        """Actors quoted in the same published stories as ``actor``, most shared first,
        each with ``shared_stories``. Only ``actor``'s newest ``ALONGSIDE_STORIES``
        stories are looked at, so the cost does not grow with the archive.
        """
        params = {
            "actor": actor.pk,
            "limit": limit,
            "stories": ALONGSIDE_STORIES,
            **_visibility_params(),
        }
        sql = ALONGSIDE_SQL.format(**_tables())
        return remember(
            ("alongside", actor.pk, limit), lambda: list(self.raw(sql, params))
        )


# Hand-written SQL for the actor page's aggregates: the ORM took longer to compile
# them (nested visibility subqueries) than the database took to run them. Their
# results are remembered until public content changes (newsroom.memo).
ALONGSIDE_STORIES = 200
ALONGSIDE_SQL = """
SELECT other.id, other.name, other.slug, COUNT(DISTINCT q.article_id) AS shared_stories
FROM {quote} q
JOIN {article} story ON story.id = q.article_id
JOIN {actor} other ON other.id = q.speaker_id
WHERE q.article_id IN (
        SELECT article_id FROM {quote}
        WHERE speaker_id = %(actor)s AND status <> %(rejected)s
        ORDER BY article_id DESC LIMIT %(stories)s
    )
    AND q.speaker_id <> %(actor)s AND q.status <> %(rejected)s
    AND story.status = %(published)s AND story.published_at <= %(now)s
GROUP BY other.id, other.name, other.slug
ORDER BY shared_stories DESC, other.name
LIMIT %(limit)s
"""
# Every public actor and their counts, by name: one pass over the quotes and one over
# the mentions, instead of two correlated counts per actor and per page.
DIRECTORY_SQL = """
SELECT actor.id, actor.kind, COALESCE(quoted.n, 0), COALESCE(mentioned.n, 0)
FROM {actor} actor
LEFT JOIN (
    SELECT q.speaker_id AS actor_id, COUNT(*) AS n
    FROM {quote} q JOIN {article} story ON story.id = q.article_id
    WHERE q.status <> %(rejected)s
        AND story.status = %(published)s AND story.published_at <= %(now)s
    GROUP BY q.speaker_id
) AS quoted ON quoted.actor_id = actor.id
LEFT JOIN (
    SELECT m.actor_id, COUNT(*) AS n
    FROM {mention} m JOIN {article} story ON story.id = m.article_id
    WHERE story.status = %(published)s AND story.published_at <= %(now)s
    GROUP BY m.actor_id
) AS mentioned ON mentioned.actor_id = actor.id
WHERE quoted.n IS NOT NULL OR mentioned.n IS NOT NULL
ORDER BY actor.name, actor.id
"""

PUBLIC_COUNTS_SQL = """
SELECT
    (SELECT COUNT(*) FROM {quote} q JOIN {article} story ON story.id = q.article_id
     WHERE q.speaker_id = %(actor)s AND q.status <> %(rejected)s
        AND story.status = %(published)s AND story.published_at <= %(now)s),
    (SELECT COUNT(*) FROM {mention} m JOIN {article} story ON story.id = m.article_id
     WHERE m.actor_id = %(actor)s
        AND story.status = %(published)s AND story.published_at <= %(now)s)
"""


def _tables():
    return {
        "actor": Actor._meta.db_table,
        "article": Article._meta.db_table,
        "mention": Mention._meta.db_table,
        "quote": Quote._meta.db_table,
    }


def _visibility_params():
    return {
        "published": Article.Status.PUBLISHED,
        "rejected": Quote.Status.REJECTED,
        "now": timezone.now(),
    }


class Actor(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organization"
        PLACE = "place", "Country or place"
        GROUP = "group", "Group"

    name = models.CharField(max_length=200, help_text="Canonical name.")
    name_key = models.CharField(max_length=200, db_index=True, editable=False)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(
        max_length=20, choices=Kind, default=Kind.PERSON, db_index=True
    )
    title = models.CharField(
        max_length=200, blank=True, help_text="Role, e.g. Secretary of State."
    )
    affiliation = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    description = models.TextField(blank=True)
    is_verified = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"])]
        permissions = [("merge_actor", "Can merge duplicate actors")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = alias_key(self.name)
        if not self.slug:
            self.slug = slugify(self.name)[:200] or "actor"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("actors:detail", self.slug)

    def public_counts(self):
        """(quotes, stories) readers can see. (0, 0): the actor is known only from
        unpublished stories, so not public."""
        params = {"actor": self.pk, **_visibility_params()}

        def counts():
            with connection.cursor() as cursor:
                cursor.execute(PUBLIC_COUNTS_SQL.format(**_tables()), params)
                return tuple(cursor.fetchone())

        return remember(("public-counts", self.pk), counts)

    @staticmethod
    def directory():
        """Every public actor as a ``DirectoryEntry``, by name; remembered for the
        content generation (newsroom.memo): counting over the whole archive is the
        expensive part of the people directory, whatever page or filter is shown."""

        def entries():
            with connection.cursor() as cursor:
                sql = DIRECTORY_SQL.format(**_tables())
                cursor.execute(sql, _visibility_params())
                return [DirectoryEntry(*row) for row in cursor.fetchall()]

        return remember(("directory",), entries)


class DirectoryEntry(NamedTuple):
    id: int
    kind: str
    quote_count: int
    story_count: int


class Alias(models.Model):
    """Another name an actor goes by ("Zelenskiy" for Volodymyr Zelenskyy)."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "key"], name="unique_alias_per_actor"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = alias_key(self.name)
        super().save(*args, **kwargs)


class Mention(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="mentions"
    )
    first_offset = models.PositiveIntegerField(default=0)
    count = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["first_offset"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "article"], name="unique_mention")
        ]

    def __str__(self):
        return f"{self.actor} in {self.article}"


class QuoteQuerySet(models.QuerySet):
    def public(self):
        """Quotes readers may see: in a published story, and not rejected."""
        # A join, not ``article__in=<subquery>``: the same rows, and the ORM compiles
        # it in a fraction of the time (this runs on every quote list).
        return self.filter(
            article__status=Article.Status.PUBLISHED, article__published_at__lte=Now()
        ).exclude(status=Quote.Status.REJECTED)

    def unverified(self):
        return self.filter(status=Quote.Status.UNVERIFIED)

    def for_list(self):
        return self.select_related("speaker", "article", "article__source").defer(
            "article__body", "article__search_document"
        )

    def newest_first(self):
        return self.order_by("-article__published_at", "-article_id", "start")


class Quote(models.Model):
    class Status(models.TextChoices):
        UNVERIFIED = "unverified", "Unverified"
        VERIFIED = "verified", "Verified"
        REJECTED = "rejected", "Rejected"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="quotes"
    )
    speaker = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    text = models.TextField(
        help_text="The exact quoted words, without quotation marks."
    )
    start = models.PositiveIntegerField(
        help_text="Offset of the first word in the body."
    )
    end = models.PositiveIntegerField(help_text="Offset just past the last word.")
    sentence = models.TextField(blank=True, help_text="The sentence around the quote.")
    is_partial = models.BooleanField(default=False)
    status = models.CharField(
        max_length=20, choices=Status, default=Status.UNVERIFIED, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start"]
        permissions = [("verify_quote", "Can verify, reject and reassign quotes")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="quote_span_not_empty"
            ),
            models.UniqueConstraint(
                fields=["article", "start"], name="unique_quote_start"
            ),
        ]

    def __str__(self):
        words = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        return f"“{words}”"

    def is_verified(self):
        return self.status == self.Status.VERIFIED

    def clean(self):
        if self.article_id and self.end > len(self.article.body):
            raise ValidationError(
                {"end": "The quote ends past the end of the article body."}
            )
