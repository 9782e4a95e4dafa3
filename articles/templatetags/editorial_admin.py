"""The editors' dashboard on the admin index."""

from django import template
from django.db.models import Count

from actors.models import Quote
from articles.models import Article

register = template.Library()


@register.inclusion_tag("admin/editorial_dashboard.html", takes_context=True)
def editorial_dashboard(context):
    """Stories in review, scheduled stories, and unverified quotes about to go out."""
    user = context["request"].user
    if not user.has_perm("articles.view_article"):
        return {"show": False}
    upcoming = Article.objects.in_review() | Article.objects.scheduled()
    return {
        "show": True,
        "in_review": Article.objects.in_review()
        .select_related("created_by")
        .order_by("updated_at")[:20],
        "scheduled": Article.objects.scheduled().order_by("published_at")[:20],
        "unverified": Quote.objects.unverified()
        .filter(article__in=upcoming)
        .values("article_id", "article__headline")
        .annotate(count=Count("pk"))
        .order_by("article__headline")[:20],
        "queue_size": Quote.objects.unverified().count(),
    }
