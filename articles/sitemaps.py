from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import sitemaps

from actors.models import Actor

from .models import Article, Tag


class Sitemap(sitemaps.Sitemap):
    """Absolute URLs on ``settings.SITE_URL``, whatever host the request came to."""

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"


class StorySitemap(Sitemap):
    changefreq = "hourly"
    priority = 0.8
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class NewsSitemap(Sitemap):
    """Google News: stories published in the last two days."""

    limit = 1000

    def items(self):
        return (
            Article.objects.published()
            .recent(days=2)
            .only("slug", "headline", "published_at")
        )

    def get_urls(self, *args, **kwargs):
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            url["publication_name"] = settings.SITE_NAME
        return urls


class TagSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Tag.objects.public().order_by("slug")


class ActorSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Actor.objects.public().only("slug", "updated_at").order_by("slug")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"stories": StorySitemap, "tags": TagSitemap, "actors": ActorSitemap}
NEWS_SITEMAPS = {"news": NewsSitemap}
