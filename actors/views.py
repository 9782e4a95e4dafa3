from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe

from articles.models import Article
from articles.views import PAGE_SIZE, paginate
from newsroom.caching import public_page

from .filters import ActorDirectoryForm, QuoteFilter
from .models import Actor, Quote

ACTOR_PAGE_SIZE = 48
# The quote search counts at most this many results ("1000+"): counting every public
# quote, or every quote with a common word, is a scan of the whole table.
QUOTE_COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """Counts at most ``cap`` results and pages through those; ``more`` says whether
    there were more."""

    cap = QUOTE_COUNT_CAP
    more = False

    @cached_property
    def count(self):
        # Unordered: a LIMIT under an ORDER BY would sort every match first.
        found = self.object_list.order_by()[: self.cap + 1].count()
        self.more = found > self.cap
        return min(found, self.cap)


@require_safe
@public_page
def actor_list(request):
    form = ActorDirectoryForm(request.GET)
    page_obj = paginate(request, form.entries(), ACTOR_PAGE_SIZE)
    page_obj.object_list = Actor.objects.for_directory(page_obj.object_list)
    return render(
        request, "actors/actor_list.html", {"form": form, "page_obj": page_obj}
    )


@require_safe
@public_page
def actor_detail(request, slug):
    actor = get_object_or_404(Actor.objects.select_related("affiliation"), slug=slug)
    actor.quote_count, actor.story_count = actor.public_counts()
    if not (actor.quote_count or actor.story_count):
        raise Http404("No public quotes or stories.")  # a name alone could leak one
    quotes = Quote.objects.public().filter(speaker=actor).for_list().newest_first()
    context = {
        "actor": actor,
        "page_obj": paginate(request, quotes, count=actor.quote_count),
        "stories": Article.objects.published().featuring(actor).for_list()[:10],
        "alongside": Actor.objects.quoted_alongside(actor),
    }
    return render(request, "actors/actor_detail.html", context)


@require_safe
@public_page
def quote_list(request):
    """Who said what: every public quote, searchable and filterable."""
    quotes = Quote.objects.public().for_list().newest_first()
    filterset = QuoteFilter(request.GET, queryset=quotes)
    results = filterset.qs if filterset.is_valid() else Quote.objects.none()
    paginator = CappedPaginator(results, PAGE_SIZE)
    context = {
        "filter": filterset,
        "page_obj": paginator.get_page(request.GET.get("page")),
    }
    return render(request, "actors/quote_list.html", context)
