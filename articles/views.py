from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from newsroom.caching import public_page

from .filters import ArticleFilter, SearchForm
from .models import Article, Correction, Tag
from .structured_data import news_article_json_ld

PAGE_SIZE = 20
LATEST_COUNT = 7
SECTION_COUNT = 4
SECTION_SIZE = 4


def paginate(request, queryset, per_page=PAGE_SIZE):
    """The requested page; junk or out-of-range numbers give the first or last page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


@require_safe
@public_page
def article_list(request):
    """The front page: the lead story, the latest ones, then a section per topic."""
    latest = list(Article.objects.published().for_list()[:LATEST_COUNT])
    shown = [story.pk for story in latest]
    more = Article.objects.published().exclude(pk__in=shown).for_list()
    sections = Tag.objects.sections(more, SECTION_SIZE)[:SECTION_COUNT]
    context = {
        "lead": latest[0] if latest else None,
        "latest": latest[1:],
        "sections": sections,
    }
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
        "related": Article.objects.published().related_to(article)[:4],
        "json_ld": news_article_json_ld(article),
        "is_preview": not article.is_published(),
    }


@require_safe
@public_page
def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = Article.objects.published().for_list().search(query)
    page_obj = paginate(request, results)
    for article in page_obj:
        article.snippet = article.search_snippet(query)
    return render(
        request,
        "articles/search.html",
        {"form": form, "query": query, "page_obj": page_obj},
    )


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
