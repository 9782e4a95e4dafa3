from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html

from .models import Actor, Quote

FEED_SIZE = 30


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


class ActorQuotesFeed(Feed):
    """What one actor said: their public quotes, newest first."""

    def get_object(self, request, slug):
        return get_object_or_404(Actor.objects.public(), slug=slug)

    def title(self, obj):
        return f"Quotes from {obj.name} — {settings.SITE_NAME}"

    def link(self, obj):
        return absolute(obj.get_absolute_url())

    def description(self, obj):
        return f"What {obj.name} said, as reported in our stories."

    def items(self, obj):
        return (
            Quote.objects.public()
            .filter(speaker=obj)
            .for_list()
            .newest_first()[:FEED_SIZE]
        )

    def item_title(self, item):
        words = item.text if len(item.text) <= 100 else item.text[:99] + "…"
        return f"“{words}”"

    def item_link(self, item):
        return absolute(f"{item.article.get_absolute_url()}#quote-{item.pk}")

    def item_guid(self, item):
        return absolute(f"/quotes/{item.pk}")

    item_guid_is_permalink = False

    def item_description(self, item):
        return format_html(
            "<blockquote><p>{}</p></blockquote><p>From “{}”.</p>",
            item.text,
            item.article.headline,
        )

    def item_pubdate(self, item):
        return item.article.published_at

    def item_author_name(self, item):
        return item.speaker.name


class ActorQuotesAtomFeed(ActorQuotesFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
