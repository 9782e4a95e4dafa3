import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme

from articles import workflow
from articles.models import Article
from articles.revisions import RevisionAdmin

from .merging import merge_actors
from .models import Actor, Alias, Mention, Quote

VERIFY_PERMISSION = "actors.verify_quote"

for model in (Alias, Quote, Mention):
    if not reversion.is_registered(model):
        reversion.register(model)
reversion.register(Actor, follow=("aliases",))


class StoryStatusFilter(admin.SimpleListFilter):
    title = "story status"
    parameter_name = "story_status"

    def lookups(self, request, model_admin):
        return Article.Status.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(article__status=self.value())
        return queryset


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 1
    fields = ("name",)


@admin.register(Actor)
class ActorAdmin(RevisionAdmin):
    list_display = (
        "name",
        "kind",
        "title",
        "affiliation",
        "is_verified",
        "quote_count",
        "mention_count",
    )
    list_filter = ("kind", "is_verified", "created_at")
    ordering = ("name",)
    list_select_related = ("affiliation",)
    search_fields = ("name", "aliases__name", "title")
    autocomplete_fields = ("affiliation",)
    prepopulated_fields = {"slug": ("name",)}
    inlines = (AliasInline,)
    actions = ("mark_verified", "merge_selected")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                quote_count=Count("quotes", distinct=True),
                mention_count=Count("mentions", distinct=True),
            )
        )

    @admin.display(description="Quotes", ordering="quote_count")
    def quote_count(self, obj):
        url = reverse("admin:actors_quote_changelist")
        return format_html(
            '<a href="{}?speaker__id__exact={}">{}</a>', url, obj.pk, obj.quote_count
        )

    @admin.display(description="Stories", ordering="mention_count")
    def mention_count(self, obj):
        return obj.mention_count

    def has_merge_permission(self, request):
        return request.user.has_perm("actors.merge_actor")

    @admin.action(permissions=["change"], description="Mark selected actors verified")
    def mark_verified(self, request, queryset):
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment("Marked verified.")
            actors = list(queryset.filter(is_verified=False))
            for actor in actors:
                actor.is_verified = True
                actor.save(update_fields=["is_verified", "updated_at"])
        messages.success(request, f"{len(actors)} actor(s) marked verified.")

    @admin.action(permissions=["merge"], description="Merge selected actors…")
    def merge_selected(self, request, queryset):
        actors = list(queryset.order_by("name"))
        if len(actors) < 2:
            messages.warning(request, "Select at least two actors to merge.")
            return None
        form = MergeForm(
            request.POST if "apply" in request.POST else None, actors=queryset
        )
        if form.is_bound and form.is_valid():
            survivor = form.cleaned_data["survivor"]
            merged = merge_actors(survivor, actors, user=request.user)
            messages.success(request, f"Merged {merged} actor(s) into “{survivor}”.")
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Merge actors",
            "actors": actors,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "admin/actors/actor/merge_confirm.html", context
        )


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=Actor.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="The actor to keep. The others become its aliases and are deleted.",
    )

    def __init__(self, *args, actors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = actors.order_by("name")


@admin.register(Alias)
class AliasAdmin(admin.ModelAdmin):
    list_display = ("name", "actor", "key")
    list_select_related = ("actor",)
    search_fields = ("name", "actor__name")
    autocomplete_fields = ("actor",)


class StoryPartAdmin:
    """Quotes and mentions follow their story's edit rights: reporters, own drafts."""

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or workflow.can_edit(request.user, obj.article)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or workflow.can_edit(request.user, obj.article)

    def save_model(self, request, obj, form, change):
        # Also covers adding one to, or moving one into, someone else's story.
        if not workflow.can_edit(request.user, obj.article):
            raise PermissionDenied("You may not change this story.")
        super().save_model(request, obj, form, change)


@admin.register(Mention)
class MentionAdmin(StoryPartAdmin, admin.ModelAdmin):
    list_display = ("actor", "article", "count", "first_offset")
    list_filter = (StoryStatusFilter,)
    list_select_related = ("actor", "article")
    search_fields = ("actor__name", "article__headline")
    autocomplete_fields = ("actor", "article")


# --- Quotes and the review queue -----------------------------------------------------


def review_quotes(quotes, user, status):
    """Record an editor's verdict on each quote; return how many changed."""
    if not user.has_perm(VERIFY_PERMISSION):
        raise PermissionDenied("You may not verify or reject quotes.")
    changed = 0
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Marked {Quote.Status(status).label.lower()}.")
        for quote in quotes:
            quote.status = status
            quote.reviewed_by = user
            quote.reviewed_at = timezone.now()
            quote.save(
                update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"]
            )
            changed += 1
    return changed


class ReassignForm(forms.Form):
    speaker = forms.ModelChoiceField(
        queryset=Actor.objects.all(),
        required=True,
        widget=AutocompleteSelect(Quote._meta.get_field("speaker"), admin.site),
    )


@admin.register(Quote)
class QuoteAdmin(StoryPartAdmin, RevisionAdmin):
    list_display = (
        "short_text",
        "speaker",
        "story",
        "sentence_excerpt",
        "status",
        "is_partial",
        "reviewed_by",
        "review_buttons",
    )
    list_display_links = ("short_text",)
    list_filter = (
        "status",
        ("speaker", admin.RelatedOnlyFieldListFilter),
        "is_partial",
        StoryStatusFilter,
        "reviewed_at",
        "created_at",
    )
    list_select_related = ("speaker", "article", "reviewed_by")
    search_fields = ("text", "sentence", "speaker__name", "article__headline")
    autocomplete_fields = ("speaker", "article")
    readonly_fields = ("status", "reviewed_by", "reviewed_at")
    date_hierarchy = "created_at"
    actions = ("verify_selected", "reject_selected", "reassign_selected")

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__body")

    @admin.display(description="Quote", ordering="text")
    def short_text(self, obj):
        return str(obj)

    @admin.display(description="Sentence")
    def sentence_excerpt(self, obj):
        sentence = obj.sentence
        return sentence if len(sentence) <= 160 else sentence[:157] + "…"

    @admin.display(description="Story", ordering="article__headline")
    def story(self, obj):
        url = reverse("admin:articles_article_change", args=(obj.article_id,))
        return format_html('<a href="{}">{}</a>', url, obj.article.headline)

    @admin.display(description="Review")
    def review_buttons(self, obj):
        if obj.status != Quote.Status.UNVERIFIED:
            return ""
        url = reverse("admin:actors_quote_review", args=(obj.pk,))
        # formaction posts the changelist form (and its CSRF token) to the review URL.
        return format_html(
            '<button type="submit" class="button" formaction="{}" name="decision" '
            'value="verify">Verify</button> '
            '<button type="submit" class="button" formaction="{}" name="decision" '
            'value="reject">Reject</button>',
            url,
            url,
        )

    def get_list_display(self, request):
        shown = super().get_list_display(request)
        if not self.has_verify_permission(request):
            shown = tuple(name for name in shown if name != "review_buttons")
        return shown

    # Verdicts need verify_quote, checked again in review_quotes().

    def has_verify_permission(self, request):
        return request.user.has_perm(VERIFY_PERMISSION)

    def get_urls(self):
        return [
            path(
                "review/",
                self.admin_site.admin_view(self.queue_view),
                name="actors_quote_queue",
            ),
            path(
                "<path:object_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="actors_quote_review",
            ),
        ] + super().get_urls()

    def queue_view(self, request):
        """The review queue: unverified quotes, oldest story first."""
        url = reverse("admin:actors_quote_changelist")
        return redirect(f"{url}?status__exact={Quote.Status.UNVERIFIED}")

    def review_view(self, request, object_id):
        if request.method != "POST":
            return redirect("admin:actors_quote_queue")
        if not self.has_verify_permission(request):
            raise PermissionDenied
        quote = self.get_object(request, unquote(object_id))
        if quote is None:
            raise Http404
        decisions = {"verify": Quote.Status.VERIFIED, "reject": Quote.Status.REJECTED}
        status = decisions.get(request.POST.get("decision"))
        if status is None:
            raise Http404
        review_quotes([quote], request.user, status)
        messages.success(request, f"{quote} marked {status.label.lower()}.")
        back = request.POST.get("next") or request.headers.get("referer", "")
        if not url_has_allowed_host_and_scheme(
            back, {request.get_host()}, request.is_secure()
        ):
            back = reverse("admin:actors_quote_queue")
        return redirect(back)

    @admin.action(permissions=["verify"], description="Verify selected quotes")
    def verify_selected(self, request, queryset):
        count = review_quotes(queryset, request.user, Quote.Status.VERIFIED)
        messages.success(request, f"{count} quote(s) verified.")

    @admin.action(permissions=["verify"], description="Reject selected quotes")
    def reject_selected(self, request, queryset):
        count = review_quotes(queryset, request.user, Quote.Status.REJECTED)
        messages.success(request, f"{count} quote(s) rejected.")

    @admin.action(
        permissions=["verify"], description="Reassign speaker of selected quotes…"
    )
    def reassign_selected(self, request, queryset):
        form = ReassignForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            speaker = form.cleaned_data["speaker"]
            with transaction.atomic(), reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment(f"Speaker reassigned to {speaker}.")
                quotes = list(queryset)
                for quote in quotes:
                    quote.speaker = speaker
                    quote.save(update_fields=["speaker", "updated_at"])
            messages.success(
                request, f"{len(quotes)} quote(s) now attributed to {speaker}."
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Reassign the speaker",
            "quotes": queryset.select_related("speaker", "article"),
            "form": form,
            "media": self.media + form.media,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request, "admin/actors/quote/reassign_confirm.html", context
        )
