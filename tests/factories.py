"""Small builders for test data: make_x(**overrides) returns a saved object."""

import itertools
from datetime import timedelta

from django.utils import timezone

from actors.models import Actor, Alias, Mention, Quote
from articles.models import Article, Source, Tag

_seq = itertools.count(1)


def make_source(**overrides):
    n = next(_seq)
    return Source.objects.create(**{"name": f"Source {n}", **overrides})


def make_tag(**overrides):
    n = next(_seq)
    return Tag.objects.create(**{"name": f"Tag {n}", **overrides})


def make_article(*, tags=(), **overrides):
    n = next(_seq)
    fields = {
        "headline": f"Story number {n}",
        "body": f"First paragraph of story {n}.\n\nSecond paragraph.",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timedelta(hours=n),
    }
    fields.update(overrides)
    if fields["status"] != Article.Status.PUBLISHED and "published_at" not in overrides:
        fields["published_at"] = None
    article = Article.objects.create(**fields)
    if tags:
        article.tags.set(tags)
    return article


def make_actor(*, aliases=(), **overrides):
    n = next(_seq)
    actor = Actor.objects.create(**{"name": f"Person {n}", **overrides})
    for alias in aliases:
        Alias.objects.create(actor=actor, name=alias)
    return actor


def make_mention(*, actor, article, **overrides):
    return Mention.objects.create(actor=actor, article=article, **overrides)


def make_quote(*, article=None, speaker=None, text=None, **overrides):
    article = article or make_article()
    text = text or article.body.split(".")[0]
    start = article.body.find(text)
    if start < 0:
        start = 0
        text = article.body[: len(text)]
    fields = {"start": start, "end": start + len(text), "sentence": text}
    fields.update(overrides)
    return Quote.objects.create(article=article, speaker=speaker, text=text, **fields)
