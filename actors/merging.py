"""Merge duplicate actors into one survivor.

Quotes, mentions, aliases and members move to the survivor; each merged actor's name
becomes an alias of it, so the importer finds the survivor under the old name next
time. Two mentions of the pair in the same story become one.
"""

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction

from .extraction import name_key
from .models import Actor, Alias, Mention, Quote

MERGE_PERMISSION = "actors.merge_actor"


def merge_actors(survivor, duplicates, *, user=None):
    """Fold ``duplicates`` into ``survivor``; return how many actors were merged."""
    if user is not None and not user.has_perm(MERGE_PERMISSION):
        raise PermissionDenied("You may not merge actors.")
    duplicates = [actor for actor in duplicates if actor.pk != survivor.pk]
    with transaction.atomic(), reversion.create_revision():
        for duplicate in duplicates:
            _merge_one(survivor, duplicate)
        survivor.save()
        if user is not None:
            reversion.set_user(user)
        names = ", ".join(actor.name for actor in duplicates)
        reversion.set_comment(f"Merged {names} into {survivor.name}.")
    return len(duplicates)


def _merge_one(survivor, duplicate):
    Quote.objects.filter(speaker=duplicate).update(speaker=survivor)
    _merge_mentions(survivor, duplicate)
    _merge_aliases(survivor, duplicate)
    Actor.objects.filter(affiliation=duplicate).exclude(pk=survivor.pk).update(
        affiliation=survivor
    )
    if survivor.affiliation_id == duplicate.pk:
        survivor.affiliation = duplicate.affiliation
    for field in ("title", "description"):
        if not getattr(survivor, field):
            setattr(survivor, field, getattr(duplicate, field))
    survivor.is_verified = survivor.is_verified or duplicate.is_verified
    duplicate.delete()


def _merge_mentions(survivor, duplicate):
    kept = {m.article_id: m for m in Mention.objects.filter(actor=survivor)}
    for mention in Mention.objects.filter(actor=duplicate):
        same_story = kept.get(mention.article_id)
        if same_story is None:
            mention.actor = survivor
            mention.save(update_fields=["actor"])
            continue
        same_story.count += mention.count
        same_story.first_offset = min(same_story.first_offset, mention.first_offset)
        same_story.save(update_fields=["count", "first_offset"])
        mention.delete()


def _merge_aliases(survivor, duplicate):
    taken = {survivor.name_key} | set(
        Alias.objects.filter(actor=survivor).values_list("key", flat=True)
    )
    Alias.objects.filter(actor=duplicate, key__in=taken).delete()
    moved = Alias.objects.filter(actor=duplicate)
    taken |= set(moved.values_list("key", flat=True))
    moved.update(actor=survivor)
    if name_key(duplicate.name) not in taken:
        Alias.objects.create(actor=survivor, name=duplicate.name)
