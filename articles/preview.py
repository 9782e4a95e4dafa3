"""Draft preview: staff see a story as readers will; others need a signed link.

The link carries a TimestampSigner token bound to the story's id, valid for
``settings.PREVIEW_LINK_MAX_AGE`` seconds. Without staff rights or a valid token the
story does not exist (404), so drafts never leak.
"""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from .models import Article
from .views import story_context

_SALT = "articles.preview"


def preview_token(article):
    return signing.TimestampSigner(salt=_SALT).sign(str(article.pk))


def preview_url(article, *, signed=False):
    url = reverse("articles:preview", kwargs={"slug": article.slug})
    return f"{url}?token={preview_token(article)}" if signed else url


def has_valid_token(article, token):
    try:
        value = signing.TimestampSigner(salt=_SALT).unsign(
            token, max_age=settings.PREVIEW_LINK_MAX_AGE
        )
    except signing.BadSignature:  # also SignatureExpired
        return False
    return value == str(article.pk)


@never_cache
def article_preview(request, slug):
    article = get_object_or_404(Article.objects.for_detail(), slug=slug)
    is_staff = request.user.is_staff and request.user.has_perm("articles.view_article")
    if not (is_staff or has_valid_token(article, request.GET.get("token", ""))):
        raise Http404("No such story.")
    context = {**story_context(article), "is_preview": True}
    response = render(request, "articles/article_detail.html", context)
    # Keep shared drafts out of search engines, and the token out of Referer headers.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
