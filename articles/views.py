from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from newsroom.caching import public_page

from .filters import ArticleFilter, SearchForm
from .front_page import front_page
from .markup import highlight_words
from .models import SEARCH_WINDOW, Article, Correction, Tag, search_ranking
from .structured_data import news_article_json_ld

PAGE_SIZE = 20


def paginate(request, queryset, per_page=PAGE_SIZE, count=None):
    """The requested page; junk or out-of-range numbers give the first or last page.

    ``count``, when the caller already knows it, saves the paginator's COUNT query.
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: this replaces the query
    return paginator.get_page(request.GET.get("page"))


@require_safe
@public_page
def article_list(request):
    """The front page: the lead story, the latest ones, then a section per topic."""
    page = front_page()
    context = {"lead": page.lead, "latest": page.latest[1:], "sections": page.sections}
    return render(request, "articles/front_page.html", context)


@require_safe
@public_page
def archive(request):
    filterset = ArticleFilter(
        request.GET, queryset=Article.objects.published().for_list()
    )
    stories = filterset.qs if filterset.is_valid() else Article.objects.none()
    context = {"filter": filterset, "page_obj": paginate(request, stories)}
    return render(request, "articles/article_list.html", context)


@require_safe
@public_page
def tag_detail(request, slug):
    tag = get_object_or_404(Tag.objects.public(), slug=slug)
    stories = Article.objects.published().for_list().filter(tags=tag)
    context = {"tag": tag, "page_obj": paginate(request, stories)}
    return render(request, "articles/tag_detail.html", context)


@require_safe
@public_page
def article_detail(request, slug):
    stories = Article.objects.for_detail()
    if not request.user.is_staff:  # staff preview unpublished stories at their URL
        stories = stories.published()
    article = get_object_or_404(stories, slug=slug)
    context = story_context(article)
    return render(request, "articles/article_detail.html", context)


def story_context(article):
    """What the story template shows; ``article`` comes from ``for_detail()``."""
    return {
        "article": article,
        "paragraphs": article.marked_up_paragraphs(),
        "people": article.people(),
        "places": article.places(),
        "related": article.related_stories(),
        "json_ld": news_article_json_ld(article),
        "is_preview": not article.is_published(),
    }


@require_safe
@public_page
def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    ranking, words = search_ranking(query)
    page_obj = paginate(request, ranking)
    stories = Article.objects.published().select_related("source").with_tag_list()
    stories = stories.in_bulk(page_obj)
    page_obj.object_list = [stories[pk] for pk in page_obj if pk in stories]
    for story in page_obj:
        story.snippet = highlight_words(story.body, words)
    context = {
        "form": form,
        "query": query,
        "page_obj": page_obj,
        "window": SEARCH_WINDOW,
    }
    return render(request, "articles/search.html", context)


@require_safe
@public_page
def corrections(request):
    notes = Correction.objects.public().for_list()
    return render(
        request, "articles/corrections.html", {"page_obj": paginate(request, notes)}
    )


@require_safe
@public_page
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
        f"Sitemap: {settings.SITE_URL}{reverse('news-sitemap')}",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )
