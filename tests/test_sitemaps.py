"""sitemap.xml, the Google News sitemap and robots.txt, parsed as XML."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.utils import timezone

from articles.models import Article
from tests import factories as f

pytestmark = pytest.mark.django_db
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def locations(client, url):
    response = client.get(url)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return root, [loc.text for loc in root.iter(f"{SM}loc")]


def test_sitemap_lists_published_stories_tags_and_public_actors(client):
    tag = f.make_tag(name="Markets")
    story = f.make_article(headline="Stocks rise", tags=[tag])
    actor = f.make_actor(name="Public Person")
    f.make_mention(actor=actor, article=story)
    draft = f.make_article(headline="Secret plan", status=Article.Status.DRAFT)
    hidden_tag = f.make_tag(name="Hidden")
    draft.tags.set([hidden_tag])
    hidden = f.make_actor(name="Hidden Person")
    f.make_mention(actor=hidden, article=draft)
    _root, locs = locations(client, "/sitemap.xml")
    assert set(locs) == {
        f"{settings.SITE_URL}/stories/stocks-rise/",
        f"{settings.SITE_URL}/tags/markets/",
        f"{settings.SITE_URL}/actors/public-person/",
    }


def test_news_sitemap_holds_the_last_two_days_with_the_news_namespace(client):
    fresh = f.make_article(headline="Fresh & new", published_at=timezone.now())
    f.make_article(headline="Stale", published_at=timezone.now() - timedelta(days=3))
    f.make_article(
        headline="Scheduled", published_at=timezone.now() + timedelta(hours=2)
    )
    root, locs = locations(client, "/news-sitemap.xml")
    assert [loc.endswith(fresh.get_absolute_url()) for loc in locs] == [True]
    news = root.find(f"{SM}url/{NEWS}news")
    assert news.findtext(f"{NEWS}title") == "Fresh & new"
    assert news.findtext(f"{NEWS}publication/{NEWS}name")
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert news.findtext(f"{NEWS}publication_date").startswith(
        fresh.published_at.date().isoformat()
    )


def test_robots_txt_names_both_sitemaps(client):
    text = client.get("/robots.txt").content.decode()
    sitemaps = [line for line in text.splitlines() if line.startswith("Sitemap: ")]
    assert [s.rsplit("/", 1)[1] for s in sitemaps] == [
        "sitemap.xml",
        "news-sitemap.xml",
    ]


def test_sitemap_answers_conditional_requests(client):
    f.make_article()
    response = client.get("/sitemap.xml")
    etag = response["ETag"]
    assert client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=etag).status_code == 304
