from datetime import timedelta

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timeuntil

from actors.models import Mention, Quote

from . import workflow
from .models import Article, Correction, Source, Tag, Transition
from .preview import preview_url
from .revisions import RevisionAdmin, inline_diff
from .workflow_admin import MOVES, WorkflowAdminMixin

Status = Article.Status

# An article revision carries its quotes and mentions: their offsets point into
# that revision's body. Transitions and corrections are history and never restored.
for model in (Quote, Mention):
    if not reversion.is_registered(model):
        reversion.register(model)
reversion.register(Article, follow=("quotes", "mentions"))


class ArticleCountAdmin(admin.ModelAdmin):
    """A changelist column counting the stories of each row, in the same query."""

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="Stories", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


@admin.register(Source)
class SourceAdmin(ArticleCountAdmin):
    list_display = ("name", "kind", "url", "article_count")
    list_filter = ("kind",)
    search_fields = ("name", "url")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Tag)
class TagAdmin(ArticleCountAdmin):
    list_display = ("name", "slug", "article_count")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Transition)
class TransitionAdmin(admin.ModelAdmin):
    """The workflow log: read-only, written only by the workflow."""

    list_display = ("article", "from_status", "to_status", "user", "created_at")
    list_filter = ("to_status", "from_status", "created_at")
    list_select_related = ("article", "user")
    search_fields = ("article__headline", "note", "user__username")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ("article", "kind", "short_note", "created_by", "created_at")
    list_filter = ("kind", "created_at")
    list_select_related = ("article", "created_by")
    search_fields = ("note", "article__headline")
    date_hierarchy = "created_at"
    autocomplete_fields = ("article",)
    readonly_fields = ("created_by",)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            # Corrections belong to stories readers have seen.
            kwargs["queryset"] = Article.objects.filter(
                status__in=(Status.PUBLISHED, Status.ARCHIVED)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="Note")
    def short_note(self, obj):
        return obj.note if len(obj.note) <= 80 else obj.note[:77] + "…"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


# --- Inlines on the article page -----------------------------------------------------

_COMPACT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}


class ArticleChildInline(admin.TabularInline):
    """Inline rows follow the story's edit rights: reporters, their own drafts."""

    extra = 0
    formfield_overrides = _COMPACT_TEXT

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and _may_edit(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _may_edit(request, obj)


def _may_edit(request, article):
    return article is None or workflow.can_edit(request.user, article)


class QuoteInline(ArticleChildInline):
    model = Quote
    fields = ("text", "speaker", "start", "end", "sentence", "is_partial", "status")
    readonly_fields = ("status",)  # changed only in the review queue
    autocomplete_fields = ("speaker",)
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")


class MentionInline(ArticleChildInline):
    model = Mention
    fields = ("actor", "first_offset", "count")
    autocomplete_fields = ("actor",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class CorrectionInline(admin.StackedInline):
    """Dated corrections on a published story: editors only (add_correction)."""

    model = Correction
    extra = 0
    fields = ("kind", "note", "created_by", "created_at")
    readonly_fields = ("created_by", "created_at")
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3})}
    }


# --- Optimistic locking --------------------------------------------------------------

CONFLICT_MESSAGE = (
    "Someone else saved this story while you were editing it, so your changes were "
    "not saved. Your text is kept below: copy what you need, then open the latest "
    "version and apply it there."
)


class ArticleForm(forms.ModelForm):
    # The version the editor started from; a different one in the database at save
    # time means a concurrent edit, and the save is refused (optimistic locking).
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "seen_version" in self.fields:
            self.fields["seen_version"].initial = self.instance.version
        self.conflict = None

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None:
            # The admin saves inside a transaction: holding the row lock until the
            # save makes check-then-write atomic.
            current = (
                Article.objects.select_for_update().filter(pk=self.instance.pk).first()
            )
            if current is not None and current.version != cleaned.get("seen_version"):
                self.conflict = current
                raise ValidationError(CONFLICT_MESSAGE, code="conflict")
        return cleaned


class PublicationFilter(admin.SimpleListFilter):
    title = "publication"
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [("live", "Live on the site"), ("scheduled", "Scheduled")]

    def queryset(self, request, queryset):
        if self.value() == "live":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.scheduled()
        return queryset


@admin.register(Article)
class ArticleAdmin(WorkflowAdminMixin, RevisionAdmin):
    form = ArticleForm
    change_form_template = "admin/articles/article/change_form.html"
    list_display = (
        "headline",
        "state",
        "published_at",
        "source",
        "quote_count",
        "unverified_count",
        "updated_at",
    )
    list_filter = (
        "status",
        PublicationFilter,
        "tags",
        "source",
        "published_at",
        "dateline_date",
    )
    list_select_related = ("source",)
    search_fields = ("headline", "standfirst", "byline", "slug")
    date_hierarchy = "published_at"
    autocomplete_fields = ("source", "tags")
    prepopulated_fields = {"slug": ("headline",)}
    readonly_fields = (
        "status",
        "published_at",
        "created_by",
        "import_key",
        "content_hash",
        "import_version",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("headline", "slug", "standfirst", "body", "seen_version")}),
        (
            "Publication",
            {
                "description": "Status changes through the workflow buttons above.",
                "fields": (
                    ("status", "published_at"),
                    "dateline_date",
                    "byline",
                    "source",
                    "tags",
                    "related_headline",
                ),
            },
        ),
        (
            "Origin",
            {
                "classes": ("collapse",),
                "fields": (
                    "created_by",
                    "import_key",
                    "content_hash",
                    "import_version",
                    ("created_at", "updated_at"),
                ),
            },
        ),
    )
    inlines = (QuoteInline, MentionInline, CorrectionInline)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                quote_count=Count("quotes", distinct=True),
                unverified_count=Count(
                    "quotes",
                    filter=Q(quotes__status=Quote.Status.UNVERIFIED),
                    distinct=True,
                ),
            )
        )

    @admin.display(description="Status", ordering="status")
    def state(self, obj):
        if obj.is_scheduled():
            return "Scheduled"
        return obj.get_status_display()

    @admin.display(description="Quotes", ordering="quote_count")
    def quote_count(self, obj):
        return obj.quote_count

    @admin.display(description="Unverified", ordering="unverified_count")
    def unverified_count(self, obj):
        return obj.unverified_count

    # Permissions: reporters change only their own drafts; publishing needs
    # publish_article. The workflow module checks the same rules again.

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return workflow.can_edit(request.user, obj)

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        if obj is None or obj.status not in (Status.PUBLISHED, Status.ARCHIVED):
            inlines.remove(CorrectionInline)
        return inlines

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        live = getattr(request, "live_article", None)
        if live is not None:
            # Restoring a revision brings back its text, never its workflow state,
            # and the version keeps counting up so open forms still see a change.
            obj.status, obj.published_at = live.status, live.published_at
            obj.version = max(obj.version, live.version)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is Correction:
            for inline_form in formset.forms:
                if inline_form.instance.pk is None:
                    inline_form.instance.created_by = request.user
        super().save_formset(request, form, formset, change)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        live = self.get_object(request, unquote(object_id))
        if live is None:
            raise Http404
        if request.method == "POST" and not self.has_change_permission(request, live):
            raise PermissionDenied
        request.live_article = live
        return super().revision_view(request, object_id, version_id, extra_context)

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        obj = kwargs.get("obj")
        if obj is not None and obj.pk:
            context.update(self._workflow_context(request, obj))
        form = context["adminform"].form
        if getattr(form, "conflict", None) is not None:
            context["conflict"] = _conflict_context(form)
        return super().render_change_form(request, context, add, change, **kwargs)

    def _workflow_context(self, request, article):
        info = self.opts.app_label, self.opts.model_name
        moves = [
            (
                move,
                reverse(
                    f"admin:{info[0]}_{info[1]}_transition", args=(article.pk, slug)
                ),
            )
            for slug, move in MOVES.items()
            if move.is_available(request.user, article)
        ]
        max_age = timedelta(seconds=settings.PREVIEW_LINK_MAX_AGE)
        return {
            "moves": moves,
            "transitions": article.transitions.select_related("user"),
            "preview_url": preview_url(article),
            "share_url": request.build_absolute_uri(preview_url(article, signed=True)),
            "share_expires": timeuntil(timezone.now() + max_age),
            "unverified_quotes": article.quotes.filter(
                status=Quote.Status.UNVERIFIED
            ).count(),
        }


def _conflict_context(form):
    current = form.conflict
    fields = []
    for name in ("headline", "standfirst", "body"):
        yours = form.data.get(name, "")
        saved = getattr(current, name)
        fields.append(
            {
                "label": Article._meta.get_field(name).verbose_name,
                "yours": yours,
                "changed": yours != saved,
                "diff": inline_diff(saved, yours),
            }
        )
    return {"current": current, "fields": fields}
