"""Public page caching (newsroom.caching): hits, 304s, invalidation, staff, Vary.

The decorator is exercised through small views in this module's own URLconf, so the
tests pin its behaviour whatever the public templates look like; the last test checks
that the real public pages are decorated.
"""

import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template import engines
from django.test import override_settings
from django.urls import path, reverse
from django.utils import timezone

from actors.models import Actor, Quote
from articles.models import Article, Correction
from newsroom import caching
from newsroom import urls as site_urls
from tests import factories
from tests.test_redis_cache import redis_as_default_cache

TEMPLATE = engines["django"].from_string(
    "<h1>{{ article.headline }}</h1><p>{{ article.body }}</p>"
    "{% for c in article.corrections.all %}<aside>{{ c.note }}</aside>{% endfor %}"
    "{% for q in article.quotes.all %}<q>{{ q.text }} ({{ q.speaker }})</q>{% endfor %}"
    "{% for t in article.tags.all %}<a>{{ t.name }}</a>{% endfor %}"
    "{% if user.is_authenticated %}<a href=/admin/>edit</a>{% endif %}"
    "<script nonce='{{ csp_nonce }}'>1</script>"
)


@caching.public_page
def story(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    return HttpResponse(TEMPLATE.render({"article": article}, request))


@caching.public_page
def front(request):
    headlines = Article.objects.published().values_list("headline", flat=True)
    return HttpResponse("|".join(headlines))


@caching.public_page
def with_cookie(request):
    response = HttpResponse("cookie")
    response.set_cookie("greeting", "hello")
    return response


@caching.public_page
def short(request):
    response = HttpResponse("short", content_type="text/plain")
    response["Cache-Control"] = "must-revalidate"
    return response


# The site's own URLs stay, so its 404 page (which links to them) renders.
urlpatterns = [
    path("cache-test/", front, name="front"),
    path("cache-test/story/<slug:slug>/", story, name="story"),
    path("cache-test/cookie/", with_cookie, name="cookie"),
    path("cache-test/short/", short, name="short"),
    *site_urls.urlpatterns,
]
FRONT = "/cache-test/"

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def story_url(article):
    return reverse("story", kwargs={"slug": article.slug})


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_user(
        "editor", password="a-long-password-1", is_staff=True
    )
    client.force_login(user)
    return client


def test_anonymous_page_is_served_from_the_cache(client, django_assert_num_queries):
    article = factories.make_article(headline="Cached story")
    first = client.get(story_url(article))
    assert first.status_code == 200
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(story_url(article))
    assert second["X-Cache"] == "hit"
    assert second.content.split(b"<script")[0] == first.content.split(b"<script")[0]


def test_the_query_string_is_part_of_the_key(client):
    factories.make_article()
    assert client.get(FRONT + "?page=1")["X-Cache"] == "miss"
    assert client.get(FRONT + "?page=2")["X-Cache"] == "miss"
    assert client.get(FRONT + "?page=1")["X-Cache"] == "hit"


def test_analytics_parameters_share_the_page_and_never_reach_it(client):
    # A story shared on social media comes back with a new fbclid on every click.
    for n in range(30):
        factories.make_article(tags=[factories.make_tag(name=f"Topic {n}")])
    archive = reverse("articles:archive")
    first = client.get(archive + "?page=1&utm_source=news&fbclid=abc")
    assert first["X-Cache"] == "miss"
    assert b"fbclid" not in first.content and b"utm_source" not in first.content
    assert b'href="?page=2"' in first.content  # pagination keeps only real filters
    again = client.get(archive + "?fbclid=other&page=1&utm_medium=social")
    assert again["X-Cache"] == "hit"
    assert client.get(archive + "?page=1")["X-Cache"] == "hit"
    assert client.get(archive + "?page=1&utm=not-analytics")["X-Cache"] == "miss"


def test_public_headers_for_anonymous_readers(client, settings):
    article = factories.make_article()
    for response in (client.get(story_url(article)), client.get(story_url(article))):
        cache_control = response["Cache-Control"]
        assert "public" in cache_control
        assert f"max-age={settings.PUBLIC_CACHE_SECONDS}" in cache_control
        assert "stale-while-revalidate=" in cache_control
        assert response["ETag"].startswith('W/"')
        assert response["Last-Modified"].endswith("GMT")
        assert "cookie" not in response.get("Vary", "").lower()
        assert not response.cookies


def test_no_vary_cookie_even_when_the_template_looks_at_the_user(client):
    article = factories.make_article()
    response = client.get(story_url(article))
    assert "cookie" not in response.get("Vary", "").lower()
    assert b"edit" not in response.content


def test_if_none_match_gets_304(client):
    article = factories.make_article()
    etag = client.get(story_url(article))["ETag"]
    response = client.get(story_url(article), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert "public" in response["Cache-Control"]
    assert response.content == b""


def test_if_modified_since_gets_304(client):
    article = factories.make_article()
    last_modified = client.get(story_url(article))["Last-Modified"]
    response = client.get(story_url(article), HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 304


def test_304s_stop_after_an_edit(client):
    article = factories.make_article(body="Old text.")
    etag = client.get(story_url(article))["ETag"]
    article.body = "New text."
    article.save()
    response = client.get(story_url(article), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert b"New text." in response.content


def test_an_edited_story_never_serves_stale(client):
    article = factories.make_article(body="The minister resigned.")
    assert b"The minister resigned." in client.get(story_url(article)).content
    article.body = "The minister did not resign."
    article.save()
    response = client.get(story_url(article))
    assert response["X-Cache"] == "miss"
    assert b"The minister did not resign." in response.content
    assert b"The minister resigned." not in response.content


def test_a_correction_shows_at_once(client):
    article = factories.make_article()
    client.get(story_url(article))
    Correction.objects.create(article=article, note="An earlier version misspelt it.")
    assert b"An earlier version misspelt it." in client.get(story_url(article)).content


def test_unpublishing_removes_the_story_at_once(client):
    article = factories.make_article(headline="Withdrawn story")
    assert b"Withdrawn story" in client.get(FRONT).content
    assert client.get(story_url(article)).status_code == 200
    article.status = Article.Status.ARCHIVED
    article.save()
    assert b"Withdrawn story" not in client.get(FRONT).content
    assert client.get(story_url(article)).status_code == 404


def test_quote_actor_and_tag_changes_invalidate(client):
    article = factories.make_article(body="We will win. Said nobody.")
    speaker = factories.make_actor(name="Ada Speaker")
    quote = factories.make_quote(article=article, speaker=speaker, text="We will win")
    assert b"Ada Speaker" in client.get(story_url(article)).content

    speaker.name = "Ada Merged-Speaker"  # e.g. after a merge
    speaker.save()
    assert b"Ada Merged-Speaker" in client.get(story_url(article)).content

    quote.status = Quote.Status.REJECTED
    quote.text = "We shall win"
    quote.save()
    assert b"We shall win" in client.get(story_url(article)).content

    article.tags.add(factories.make_tag(name="Elections"))
    assert b"Elections" in client.get(story_url(article)).content

    Actor.objects.filter(pk=speaker.pk).delete()
    assert b"Ada Merged-Speaker" not in client.get(story_url(article)).content


def test_bulk_writes_invalidate_when_told(client):
    article = factories.make_article(body="Before the import.")
    client.get(story_url(article))
    Article.objects.filter(pk=article.pk).update(body="After the import.")  # no signal
    caching.invalidate_public_pages()
    assert b"After the import." in client.get(story_url(article)).content


def test_a_scheduled_story_appears_when_it_goes_live(client):
    factories.make_article(headline="Already out")
    factories.make_article(
        headline="Embargoed story", published_at=timezone.now() + timedelta(seconds=1)
    )
    assert b"Embargoed story" not in client.get(FRONT).content
    assert client.get(FRONT)["X-Cache"] == "hit"
    time.sleep(1.2)
    response = client.get(FRONT)
    assert b"Embargoed story" in response.content


def test_staff_never_get_cached_pages(client, staff_client):
    article = factories.make_article(body="Version one.")
    anonymous = client.__class__()
    anonymous.get(story_url(article))  # cached for readers
    Article.objects.filter(pk=article.pk).update(body="Version two.")  # no signal
    response = staff_client.get(story_url(article))
    assert b"Version two." in response.content  # not the cached page
    assert b"edit" in response.content
    assert "X-Cache" not in response
    assert "ETag" not in response
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "public" not in cache_control
    # ...and what staff saw is never stored for readers.
    assert b"edit" not in anonymous.get(story_url(article)).content


def test_staff_conditional_requests_are_not_answered_from_the_generation(staff_client):
    article = factories.make_article()
    etag = staff_client.__class__().get(story_url(article))["ETag"]  # a reader's
    response = staff_client.get(story_url(article), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200


def test_non_200_responses_are_not_cached(client, django_assert_max_num_queries):
    first = client.get("/cache-test/story/no-such-story/")
    assert first.status_code == 404
    assert "X-Cache" not in first
    assert "public" not in first.get("Cache-Control", "")
    factories.make_article(headline="Late", slug="no-such-story")
    # A story published under that address shows at once (the 404 was not kept).
    assert client.get("/cache-test/story/no-such-story/").status_code == 200


def test_responses_that_set_cookies_are_not_cached(client):
    for _ in range(2):
        response = client.get("/cache-test/cookie/")
        assert "X-Cache" not in response
        assert "greeting" in response.cookies
        assert "public" not in response.get("Cache-Control", "")


def test_a_cached_page_gets_a_fresh_csp_nonce(client):
    article = factories.make_article()
    nonces = []
    for _ in range(2):
        response = client.get(story_url(article))
        body_nonce = response.content.split(b"nonce='")[1].split(b"'")[0].decode()
        assert f"'nonce-{body_nonce}'" in response["Content-Security-Policy"]
        nonces.append(body_nonce)
    assert response["X-Cache"] == "hit"
    assert nonces[0] != nonces[1]


@pytest.mark.django_db(transaction=True)
def test_the_generation_moves_again_when_the_transaction_commits(client):
    article = factories.make_article()
    with transaction.atomic():
        article.body = "Edited inside a transaction."
        article.save()
        inside = cache.get(caching.GENERATION_KEY)
        # A reader on another connection could render the old rows now and cache
        # them under this generation...
    # ...which the commit retires.
    assert cache.get(caching.GENERATION_KEY) > inside
    assert b"Edited inside a transaction." in client.get(story_url(article)).content


@pytest.fixture
def on_redis():
    yield from redis_as_default_cache()


def test_the_same_rules_hold_on_redis(client, on_redis):
    article = factories.make_article(body="Redis before.")
    assert client.get(story_url(article))["X-Cache"] == "miss"
    assert client.get(story_url(article))["X-Cache"] == "hit"
    before = cache.get(caching.GENERATION_KEY)
    article.body = "Redis after."
    article.save()
    assert cache.get(caching.GENERATION_KEY) > before  # an atomic INCR
    assert b"Redis after." in client.get(story_url(article)).content


@pytest.fixture
def cache_calls(on_redis, monkeypatch):
    """Every call this process makes to Redis, as (method, keys)."""
    calls = []
    client = type(cache._cache)
    for name in ("get", "get_many", "set", "add", "incr", "delete", "get_many_fresh"):
        original = getattr(client, name)

        def spy(self, keys, *args, _original=original, _name=name, **kwargs):
            calls.append((_name, keys if isinstance(keys, str) else list(keys)))
            return _original(self, keys, *args, **kwargs)

        monkeypatch.setattr(client, name, spy)
    return calls


def test_a_hit_and_a_304_read_only_the_generation(client, cache_calls):
    article = factories.make_article()
    etag = client.get(story_url(article))["ETag"]
    generation_only = [("get_many_fresh", [cache.make_key(caching.GENERATION_KEY)])]
    cache_calls.clear()
    assert client.get(story_url(article))["X-Cache"] == "hit"
    assert cache_calls == generation_only
    cache_calls.clear()
    assert client.get(story_url(article), HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert cache_calls == generation_only


def test_a_page_another_worker_stored_comes_in_the_same_round_trip(
    client, cache_calls, monkeypatch
):
    article = factories.make_article(body="Rendered by another worker.")
    client.get(story_url(article))
    monkeypatch.setattr(caching, "_memory", caching._MemoryPages())  # another worker
    cache_calls.clear()
    response = client.get(story_url(article))
    assert response["X-Cache"] == "hit"
    assert b"Rendered by another worker." in response.content
    ((method, keys),) = cache_calls
    assert method == "get_many_fresh" and len(keys) == 2


@pytest.fixture(params=["locmem", "redis"])
def any_cache(request):
    if request.param == "redis":
        request.getfixturevalue("on_redis")
    return cache


def test_a_bump_on_another_host_retires_the_pages_in_memory(client, any_cache):
    article = factories.make_article(body="Before.")
    first = client.get(story_url(article))
    assert client.get(story_url(article))["X-Cache"] == "hit"
    # Another host edits: only the shared cache changes, not this process's memory.
    Article.objects.filter(pk=article.pk).update(body="After.")
    cache.incr(caching.GENERATION_KEY)
    response = client.get(story_url(article))
    assert response["X-Cache"] == "miss"
    assert response["ETag"] != first["ETag"]
    assert b"After." in response.content
    conditional = client.get(story_url(article), HTTP_IF_NONE_MATCH=first["ETag"])
    assert conditional.status_code == 200


def test_a_lost_generation_comes_back_higher(client, any_cache):
    article = factories.make_article()
    client.get(story_url(article))
    before = cache.get(caching.GENERATION_KEY)
    cache.delete(caching.GENERATION_KEY)  # evicted, or Redis restarted empty
    response = client.get(story_url(article))
    assert response["X-Cache"] == "miss"  # not the copy in memory
    assert cache.get(caching.GENERATION_KEY) > before


def test_each_generation_keeps_its_own_state(any_cache):
    first = caching.invalidate_public_pages()
    second = caching.invalidate_public_pages()
    assert second > first
    assert cache.get(caching._state_key(first)) is None  # retired with its generation
    assert cache.get(caching._state_key(second))["changed_at"] <= time.time()


def test_a_missing_state_is_recreated(client, any_cache, monkeypatch):
    article = factories.make_article()
    client.get(story_url(article))
    generation = cache.get(caching.GENERATION_KEY)
    cache.delete(caching._state_key(generation))  # evicted
    monkeypatch.setattr(caching, "_known", None)  # a worker that has not seen it
    response = client.get(story_url(article))
    assert response["X-Cache"] == "hit"
    assert response["Last-Modified"].endswith("GMT")
    assert cache.get(caching._state_key(generation)) is not None


def test_public_header_values_follow_the_settings(client, settings):
    article = factories.make_article()
    etag = client.get(story_url(article))["ETag"]
    settings.PUBLIC_CACHE_SECONDS = 17
    response = client.get(story_url(article), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert "max-age=17" in response["Cache-Control"]


def test_a_view_s_own_cache_control_is_kept(client):
    first = client.get("/cache-test/short/")
    assert first["X-Cache"] == "miss"
    for response in (first, client.get("/cache-test/short/")):
        assert "must-revalidate" in response["Cache-Control"]
        assert "public" in response["Cache-Control"]
        assert response["Content-Type"] == "text/plain"


@pytest.mark.urls("newsroom.urls")
def test_the_real_public_pages_are_cached(client):
    article = factories.make_article()
    actor = factories.make_actor()
    factories.make_quote(article=article, speaker=actor)
    urls = [
        reverse("articles:list"),
        reverse("articles:detail", kwargs={"slug": article.slug}),
        reverse("actors:list"),
        reverse("actors:detail", kwargs={"slug": actor.slug}),
    ]
    for url in urls:
        first = client.get(url)
        assert first.status_code == 200, url
        assert "public" in first.get("Cache-Control", ""), url
        assert "ETag" in first, url
        assert "cookie" not in first.get("Vary", "").lower(), url
        assert client.get(url)["X-Cache"] == "hit", url
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_workers_without_redis_share_the_generation_through_a_file(
    client, settings, tmp_path
):
    """Two gunicorn workers with local-memory caches: an edit seen by one retires the
    other's pages too, because the generation lives in a shared file."""
    settings.PUBLIC_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    article = factories.make_article(body="File before.")
    first = client.get(story_url(article))
    assert first["X-Cache"] == "miss"
    assert client.get(story_url(article))["X-Cache"] == "hit"
    assert (
        client.get(story_url(article), HTTP_IF_NONE_MATCH=first["ETag"]).status_code
        == 304
    )

    # Another process writes (only the file is shared; its cache is its own).
    Article.objects.filter(pk=article.pk).update(body="File after.")
    caching._file_bump(settings.PUBLIC_CACHE_GENERATION_FILE)

    response = client.get(story_url(article), HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert b"File after." in response.content
    article.body = "File after the signal."
    article.save()
    assert b"File after the signal." in client.get(story_url(article)).content


def test_pages_and_edits_survive_a_dead_cache(client):
    dead_cache = {
        "default": {
            "BACKEND": "newsroom.redis_cache.ReusingRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    article = factories.make_article(body="Served without a cache.")
    with override_settings(CACHES=dead_cache):
        response = client.get(story_url(article))
        assert response.status_code == 200
        assert b"Served without a cache." in response.content
        assert "public" not in response.get("Cache-Control", "")
        article.body = "Edited without a cache."
        article.save()  # the invalidation fails quietly; the save does not
        assert b"Edited without a cache." in client.get(story_url(article)).content


@pytest.mark.urls("newsroom.urls")
def test_every_public_url_is_cacheable_and_cookie_free(client):
    """Every page outside the admin and the probes, found in the URLconf, is a public
    page: shared-cacheable, with a validator, and no Vary: Cookie."""
    from tests.test_fuzz import _candidates, _fill, public_routes

    article = factories.make_article(tags=[factories.make_tag()])
    factories.make_quote(article=article, speaker=factories.make_actor())
    values = _candidates()
    checked = []
    for label, route in public_routes():
        url = _fill(route, values, client)
        response = client.get(url)
        if response.status_code != 200:
            continue
        checked.append(label)
        assert "public" in response.get("Cache-Control", ""), label
        assert "ETag" in response, label
        assert "cookie" not in response.get("Vary", "").lower(), label
        assert not response.cookies, label
    assert len(checked) >= 4


SEEDS = Path(__file__).resolve().parent / "data" / "seeds"


def test_an_import_shows_at_once(client):
    """The importer writes with bulk_create (no signals): it must retire cached pages
    itself, or imported stories stay off the cached front page."""
    from articles.importer import import_seeds

    front = reverse("front")
    for seed in ("harbour.txt", "library.txt"):
        before = client.get(front)
        assert client.get(front)["X-Cache"] == "hit"
        import_seeds([SEEDS / seed], publish=True)
        after = client.get(front)
        assert after["X-Cache"] == "miss", seed
        assert after.content != before.content, seed
