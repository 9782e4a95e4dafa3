"""The editorial workflow: moving a story between states, with who, when and why.

Draft → In review → Published (scheduled while ``published_at`` is in the future) →
Archived, and back to Draft from review with a note. Every move checks the user's
permission on the server, is recorded as a ``Transition`` and keeps a revision.
"""

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from actors.models import Quote

from .models import Article, Transition

Status = Article.Status
PUBLISH_PERMISSION = "articles.publish_article"


class TransitionError(Exception):
    """The story is not in a state this move starts from."""


class UnverifiedQuotes(Exception):
    """Publishing needs a reason: some quotes are neither verified nor rejected."""

    def __init__(self, count):
        super().__init__(
            f"{count} quote{'s' if count != 1 else ''} in this story "
            f"{'are' if count != 1 else 'is'} not verified. Give a reason to publish anyway."
        )
        self.count = count


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def can_edit(user, article):
    """Return True if ``user`` may change ``article``: editors any, reporters own drafts."""
    if not user.has_perm("articles.change_article"):
        return False
    if can_publish(user):
        return True
    return article.created_by_id == user.pk and article.status == Status.DRAFT


def unverified_quote_count(article):
    return article.quotes.filter(status=Quote.Status.UNVERIFIED).count()


def submit_for_review(article, user, note=""):
    if not (can_publish(user) or can_edit(user, article)):
        raise PermissionDenied("You may only submit your own drafts.")
    return _move(article, user, {Status.DRAFT}, Status.IN_REVIEW, note)


def publish(article, user, *, at=None, note=""):
    """Publish now, or schedule when ``at`` is in the future.

    With unverified quotes the editor must give a reason (``note``), which is recorded.
    """
    _require_publisher(user)
    unverified = unverified_quote_count(article)
    if unverified and not note.strip():
        raise UnverifiedQuotes(unverified)
    if unverified:
        note = f"Published with {unverified} unverified quote(s): {note.strip()}"
    published_at = at or timezone.now()
    sources = {Status.DRAFT, Status.IN_REVIEW, Status.ARCHIVED}
    if article.is_scheduled():
        sources.add(Status.PUBLISHED)  # rescheduling
    return _move(
        article, user, sources, Status.PUBLISHED, note, published_at=published_at
    )


def send_back(article, user, note):
    """Return a story in review (or scheduled) to its reporter's drafts, with a note."""
    _require_publisher(user)
    if not note.strip():
        raise TransitionError("Say what needs to change before sending a story back.")
    sources = {Status.IN_REVIEW}
    if article.is_scheduled():
        sources.add(Status.PUBLISHED)
    return _move(article, user, sources, Status.DRAFT, note, published_at=None)


def unpublish(article, user, note=""):
    """Take a published (or scheduled) story off the site by archiving it."""
    _require_publisher(user)
    return _move(article, user, {Status.PUBLISHED}, Status.ARCHIVED, note)


def _require_publisher(user):
    if not can_publish(user):
        raise PermissionDenied("Only editors may publish, schedule or unpublish.")


_KEEP = object()


def _move(article, user, sources, target, note, *, published_at=_KEEP):
    with transaction.atomic(), reversion.create_revision():
        # Lock the row and work on fresh values, so two clicks cannot both move it.
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if locked.status not in sources:
            raise TransitionError(
                f"“{locked}” is {locked.get_status_display().lower()}; it cannot "
                f"move to {target.label.lower()} from there."
            )
        source = Status(locked.status)
        locked.status = target
        fields = ["status", "updated_at"]
        if published_at is not _KEEP:
            locked.published_at = published_at
            fields.append("published_at")
        locked.save(update_fields=fields)
        transition = Transition.objects.create(
            article=locked, from_status=source, to_status=target, user=user, note=note
        )
        reversion.set_user(user)
        reversion.set_comment(f"{source.label} → {target.label}. {note}".strip())
    article.refresh_from_db()
    return transition
