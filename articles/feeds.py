from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join

from .models import Article, Tag

FEED_SIZE = 30


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


class LatestStoriesFeed(Feed):
    """The latest published stories, each with its correction notes."""

    description = "The latest stories."

    def title(self, obj=None):
        return settings.SITE_NAME

    def link(self, obj=None):
        return absolute("/")

    def items(self, obj=None):
        return Article.objects.published().for_feed()[:FEED_SIZE]

    def item_title(self, item):
        return item.headline

    def item_link(self, item):
        return absolute(item.get_absolute_url())

    def item_description(self, item):
        # Readers take the description as HTML: imported text goes in escaped.
        notes = format_html_join(
            "",
            "<p><strong>{}, {}:</strong> {}</p>",
            (
                (note.get_kind_display(), note.created_at.date().isoformat(), note.note)
                for note in item.corrections.all()
            ),
        )
        return format_html("<p>{}</p>{}", item.standfirst or "", notes)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [tag.name for tag in item.tag_list]


class LatestStoriesAtomFeed(LatestStoriesFeed):
    feed_type = Atom1Feed
    subtitle = LatestStoriesFeed.description


class TagFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag.objects.public(), slug=slug)

    def title(self, obj=None):
        return f"{obj.name} — {settings.SITE_NAME}"

    def link(self, obj=None):
        return absolute(obj.get_absolute_url())

    def description(self, obj=None):
        return f"The latest stories about {obj.name}."

    def items(self, obj=None):
        return Article.objects.published().filter(tags=obj).for_feed()[:FEED_SIZE]


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
