"""Invalidate cached public pages whenever content they show changes.

Every save or delete of a model that public pages render, and every change to an
article's tags, starts a new content generation (``newsroom.caching``). The bump runs
twice: at once, and again when the transaction commits. The second one is what makes it
correct: a reader who rendered the page between the write and the commit saw the old
rows, and their page is cached under the generation that the commit then retires. (The
immediate bump is what makes it visible inside a test's transaction, which never
commits.) Code that writes with ``bulk_create`` or ``QuerySet.update()`` sends no
signals and must call ``newsroom.caching.invalidate_public_pages()`` itself.
"""

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from newsroom.caching import invalidate_public_pages

PUBLIC_MODELS = [
    "articles.Article",
    "articles.Correction",
    "articles.Tag",
    "articles.Source",
    "actors.Actor",
    "actors.Alias",
    "actors.Mention",
    "actors.Quote",
]


def _bump_on_commit():
    invalidate_public_pages()


def content_changed(sender=None, using=DEFAULT_DB_ALIAS, **kwargs):
    connection = connections[using]
    if not connection.in_atomic_block:
        invalidate_public_pages()  # autocommit: the change is already visible
        return
    invalidate_public_pages()
    # One bump per transaction at commit time is enough, however many rows it writes.
    pending = [callback for _sids, callback, _robust in connection.run_on_commit]
    if _bump_on_commit not in pending:
        transaction.on_commit(_bump_on_commit, using=using)


def m2m_content_changed(sender=None, action="", using=DEFAULT_DB_ALIAS, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        content_changed(sender=sender, using=using)


def connect():
    for label in PUBLIC_MODELS:
        model = apps.get_model(label)
        uid = f"newsroom.caching:{label}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}:del")
    tags_through = apps.get_model("articles.Article").tags.through
    m2m_changed.connect(
        m2m_content_changed, sender=tags_through, dispatch_uid="newsroom.caching:tags"
    )
