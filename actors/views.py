from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from articles.models import Article
from articles.views import paginate
from newsroom.caching import public_page

from .filters import ActorFilter, QuoteFilter
from .models import Actor, Quote

ACTOR_PAGE_SIZE = 48


@require_safe
@public_page
def actor_list(request):
    filterset = ActorFilter(request.GET, queryset=Actor.objects.for_list())
    actors = filterset.qs if filterset.is_valid() else Actor.objects.none()
    context = {
        "filter": filterset,
        "page_obj": paginate(request, actors, ACTOR_PAGE_SIZE),
    }
    return render(request, "actors/actor_list.html", context)


@require_safe
@public_page
def actor_detail(request, slug):
    actor = get_object_or_404(Actor.objects.for_detail(), slug=slug)
    quotes = Quote.objects.public().filter(speaker=actor).for_list().newest_first()
    context = {
        "actor": actor,
        "page_obj": paginate(request, quotes),
        "stories": Article.objects.published().featuring(actor).for_list()[:10],
        "alongside": Actor.objects.quoted_alongside(actor)[:6],
    }
    return render(request, "actors/actor_detail.html", context)


@require_safe
@public_page
def quote_list(request):
    """Who said what: every public quote, searchable and filterable."""
    quotes = Quote.objects.public().for_list().newest_first()
    filterset = QuoteFilter(request.GET, queryset=quotes)
    results = filterset.qs if filterset.is_valid() else Quote.objects.none()
    context = {"filter": filterset, "page_obj": paginate(request, results)}
    return render(request, "actors/quote_list.html", context)
