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


def make_user(role=None, **overrides):
    """A staff user in the ``Reporter`` or ``Editor`` group; ``"admin"`` is a superuser.

    The groups come from a data migration; tests that flush the database
    (``transactional_db``) lose them, so they are recreated from that migration.
    """
    from django.contrib.auth.models import Group, User

    n = next(_seq)
    fields = {"username": f"{role or 'user'}{n}", "is_staff": role is not None}
    fields.update(overrides)
    password = fields.pop("password", "a-long-test-password")
    if role == "admin":
        return User.objects.create_superuser(password=password, **fields)
    user = User.objects.create_user(password=password, **fields)
    if role in ("reporter", "editor"):
        if not Group.objects.filter(name=role.capitalize()).exists():
            _create_editorial_groups()
        user.groups.add(Group.objects.get(name=role.capitalize()))
    return user


def _create_editorial_groups():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("actors.migrations.0002_editorial_groups")
    migration.create_groups(apps, None)


def make_correction(*, article, **overrides):
    from articles.models import Correction

    fields = {"note": "An earlier version misspelled a name."}
    fields.update(overrides)
    return Correction.objects.create(article=article, **fields)
