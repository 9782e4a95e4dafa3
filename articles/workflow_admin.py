"""The workflow in the admin: a button and a confirmation page per move, and actions.

The rules themselves (who may do what, from which state) live in ``articles.workflow``.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from actors.models import Quote

from . import workflow
from .models import Article

Status = Article.Status


@dataclass(frozen=True)
class Move:
    slug: str
    label: str
    verb: str
    run: object
    note_required: bool = False
    schedules: bool = False

    def is_available(self, user, article):
        status = article.status
        if self.slug == "submit":
            return status == Status.DRAFT and workflow.can_edit(user, article)
        if not workflow.can_publish(user):
            return False
        if self.slug == "publish":
            return status != Status.PUBLISHED or article.is_scheduled()
        if self.slug == "send-back":
            return status == Status.IN_REVIEW or article.is_scheduled()
        return status == Status.PUBLISHED  # unpublish


MOVES = {
    move.slug: move
    for move in (
        Move(
            "submit",
            "Submit for review",
            "submitted for review",
            workflow.submit_for_review,
        ),
        Move(
            "publish", "Publish or schedule", "published", workflow.publish, False, True
        ),
        Move(
            "send-back",
            "Send back to draft",
            "sent back to draft",
            workflow.send_back,
            True,
        ),
        Move("unpublish", "Unpublish (archive)", "unpublished", workflow.unpublish),
    )
}


class TransitionForm(forms.Form):
    at = forms.DateTimeField(
        required=False,
        label="Publish at",
        help_text="Empty publishes now; a time in the future schedules the story.",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    note = forms.CharField(
        required=False,
        label="Note",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
    )

    def __init__(self, *args, move, unverified=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.move = move
        self.unverified = unverified
        if move.schedules:
            zone = timezone.get_current_timezone_name()
            self.fields["at"].help_text += f" Times are in {zone}."
        else:
            del self.fields["at"]
        if move.note_required:
            self.fields["note"].required = True
            self.fields["note"].label = "What needs to change"
        elif move.schedules and unverified:
            self.fields["note"].required = True
            self.fields["note"].label = "Reason to publish with unverified quotes"

    def options(self):
        options = {"note": self.cleaned_data["note"]}
        if self.move.schedules:
            options["at"] = self.cleaned_data["at"]
        return options


def _run_move(move, article, user, options):
    if move.slug == "send-back":
        return move.run(article, user, options["note"])
    return move.run(article, user, **options)


class WorkflowAdminMixin:
    """Transition pages and actions for ArticleAdmin; every one checks permissions."""

    actions = ("submit_selected", "publish_selected", "send_back_selected")
    actions += ("unpublish_selected",)

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/transition/<slug:move>/",
                self.admin_site.admin_view(self.transition_view),
                name="{}_{}_transition".format(*info),
            )
        ] + super().get_urls()

    def transition_view(self, request, object_id, move):
        article = self.get_object(request, unquote(object_id))
        if article is None or move not in MOVES:
            raise Http404
        move = MOVES[move]
        may_publish = workflow.can_publish(request.user)
        if not (
            may_publish
            or (move.slug == "submit" and workflow.can_edit(request.user, article))
        ):
            raise PermissionDenied
        if not move.is_available(request.user, article):
            messages.error(request, f"“{article}” cannot be {move.verb} now.")
            return redirect(self._change_url(article))
        unverified = _unverified_quotes([article.pk]) if move.schedules else []
        form = TransitionForm(
            request.POST or None, move=move, unverified=len(unverified)
        )
        if request.method == "POST" and form.is_valid():
            try:
                _run_move(move, article, request.user, form.options())
            except workflow.UnverifiedQuotes as error:
                form.add_error("note", str(error))
            except workflow.TransitionError as error:
                messages.error(request, str(error))
                return redirect(self._change_url(article))
            else:
                messages.success(request, f"“{article}” was {_done(move, article)}.")
                return redirect(self._change_url(article))
        return self._confirm_page(request, move, [article], unverified, form)

    def _change_url(self, article):
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=(article.pk,),
        )

    def _confirm_page(self, request, move, articles, unverified, form, action=None):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"{move.label}: are you sure?",
            "move": move,
            "articles": articles,
            "unverified": unverified,
            "form": form,
            "action": action,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        return TemplateResponse(
            request, "admin/articles/article/transition_confirm.html", context
        )

    def _bulk_move(self, request, queryset, move_slug, action):
        move = MOVES[move_slug]
        articles = list(queryset.order_by("pk"))
        unverified = (
            _unverified_quotes([a.pk for a in articles]) if move.schedules else []
        )
        data = request.POST if "apply" in request.POST else None
        form = TransitionForm(data, move=move, unverified=len(unverified))
        if not form.is_bound or not form.is_valid():
            return self._confirm_page(request, move, articles, unverified, form, action)
        done, refused = 0, []
        for article in articles:
            try:
                _run_move(move, article, request.user, form.options())
                done += 1
            except (PermissionDenied, workflow.TransitionError) as error:
                refused.append(f"“{article}”: {error}")
        if done:
            messages.success(
                request, f"{done} stor{'y' if done == 1 else 'ies'} {move.verb}."
            )
        for reason in refused:
            messages.warning(request, reason)
        return None

    @admin.action(
        permissions=["change"], description="Submit selected stories for review"
    )
    def submit_selected(self, request, queryset):
        return self._bulk_move(request, queryset, "submit", "submit_selected")

    @admin.action(
        permissions=["publish"], description="Publish or schedule selected stories"
    )
    def publish_selected(self, request, queryset):
        return self._bulk_move(request, queryset, "publish", "publish_selected")

    @admin.action(
        permissions=["publish"], description="Send selected stories back to draft"
    )
    def send_back_selected(self, request, queryset):
        return self._bulk_move(request, queryset, "send-back", "send_back_selected")

    @admin.action(
        permissions=["publish"], description="Unpublish (archive) selected stories"
    )
    def unpublish_selected(self, request, queryset):
        return self._bulk_move(request, queryset, "unpublish", "unpublish_selected")


def _unverified_quotes(article_ids):
    return list(
        Quote.objects.unverified()
        .filter(article_id__in=article_ids)
        .select_related("article", "speaker")
        .order_by("article_id", "start")
    )


def _done(move, article):
    if move.schedules:
        article.refresh_from_db()
        if article.is_scheduled():
            return f"scheduled for {timezone.localtime(article.published_at):%Y-%m-%d %H:%M %Z}"
    return move.verb
