"""The draft-visibility matrix: every public URL, as anonymous reader and logged-in
non-staff user, never shows a draft, in-review, scheduled or archived story, nor the
quotes, mentions, actors, tags and corrections that only those stories carry; rejected
quotes never show anywhere."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from actors.models import Quote
from articles.models import Article
from tests import factories as f

pytestmark = pytest.mark.django_db

HIDDEN_STATES = {
    "draft": {"status": Article.Status.DRAFT},
    "review": {"status": Article.Status.IN_REVIEW},
    "scheduled": {
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() + timedelta(days=1),
    },
    "archived": {
        "status": Article.Status.ARCHIVED,
        "published_at": timezone.now() - timedelta(days=1),
    },
}
# URL names outside the reader's site, or with their own access rules.
NOT_PUBLIC = {"healthz", "readyz", "preview"}


@pytest.fixture
def world():
    """One published story and one hidden story per state, sharing a public actor."""
    voice = f.make_actor(name="Public Voice")
    public_tag = f.make_tag(name="Open topic")
    story = f.make_article(
        headline="Open story",
        body='Voice said "open words here" and "rejected words" too.',
        tags=[public_tag],
    )
    f.make_mention(actor=voice, article=story)
    f.make_quote(article=story, speaker=voice, text="open words here")
    f.make_quote(
        article=story,
        speaker=voice,
        text="rejected words",
        status=Quote.Status.REJECTED,
    )
    f.make_correction(article=story, note="Open correction.")
    hidden = {}
    for state, fields in HIDDEN_STATES.items():
        secret = f"zz{state}secret"
        tag = f.make_tag(name=f"{secret} tag")
        article = f.make_article(
            headline=f"{secret} headline",
            standfirst=f"{secret} standfirst",
            body=f'Voice said "{secret} quote words" to {secret} person.',
            tags=[tag, public_tag],
            **fields,
        )
        actor = f.make_actor(name=f"{secret} person")
        f.make_mention(actor=voice, article=article)
        f.make_mention(actor=actor, article=article)
        f.make_quote(article=article, speaker=voice, text=f"{secret} quote words")
        f.make_quote(article=article, speaker=actor, text=f"{secret} person")
        f.make_correction(article=article, note=f"{secret} correction")
        hidden[state] = {"article": article, "actor": actor, "tag": tag}
    return {"voice": voice, "tag": public_tag, "story": story, "hidden": hidden}


def public_urls(world):
    """Every reader-facing URL, keyed by URL name, with the filters that could leak."""
    voice, tag, story = world["voice"], world["tag"], world["story"]
    return {
        "articles:list": ["/"],
        "articles:archive": [
            "/stories/",
            "/stories/?q=secret",
            f"/stories/?actor={voice.slug}",
            f"/stories/?tag={tag.slug}",
        ],
        "articles:detail": [story.get_absolute_url()],
        "articles:tag": [tag.get_absolute_url()],
        "articles:tag_rss": [f"{tag.get_absolute_url()}rss/"],
        "articles:tag_atom": [f"{tag.get_absolute_url()}atom/"],
        "articles:rss": ["/feeds/rss/"],
        "articles:atom": ["/feeds/atom/"],
        "articles:search": [f"/search/?q=zz{s}secret" for s in HIDDEN_STATES]
        + ["/search/?q=voice", "/search/?q=words"],
        "articles:corrections": ["/corrections/"],
        "articles:robots": ["/robots.txt"],
        "actors:list": ["/actors/", "/actors/?q=secret", "/actors/?q=person"],
        "actors:detail": [voice.get_absolute_url()],
        "actors:rss": [f"{voice.get_absolute_url()}rss/"],
        "actors:atom": [f"{voice.get_absolute_url()}atom/"],
        "actors:quotes": [
            "/quotes/",
            "/quotes/?q=secret",
            "/quotes/?q=words",
            f"/quotes/?speaker={voice.slug}",
            f"/quotes/?tag={tag.slug}",
            "/quotes/?status=unverified",
        ],
        "sitemap": ["/sitemap.xml"],
        "news-sitemap": ["/news-sitemap.xml"],
    }


def url_names(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_the_matrix_covers_every_public_url(world):
    names = {n for n in url_names() if n.split(":")[-1] not in NOT_PUBLIC}
    assert names == set(public_urls(world))


@pytest.fixture(params=["anonymous", "logged-in reader"])
def reader(request, client):
    if request.param == "logged-in reader":
        client.force_login(f.make_user(is_staff=False))
    return client


def test_no_public_url_shows_hidden_content(reader, world):
    for name, urls in public_urls(world).items():
        for url in urls:
            response = reader.get(url)
            assert response.status_code == 200, (name, url)
            body = response.content.decode().lower()
            for value in parse_qs(urlsplit(url).query).values():
                body = body.replace(value[0].lower(), "")  # the form echoes the query
            assert "secret" not in body, (name, url)


def test_public_pages_still_show_the_published_story(reader, world):
    assert "Open story" in reader.get("/").content.decode()
    page = reader.get(world["voice"].get_absolute_url()).content.decode()
    assert "open words here" in page


def test_rejected_quotes_appear_nowhere_as_quotes(reader, world):
    voice = world["voice"]
    for url in [
        "/quotes/",
        "/quotes/?q=rejected",
        voice.get_absolute_url(),
        f"{voice.get_absolute_url()}rss/",
        f"{voice.get_absolute_url()}atom/",
    ]:
        assert "rejected words" not in reader.get(url).content.decode(), url
    story = reader.get(world["story"].get_absolute_url()).content.decode()
    assert ">rejected words</q>" not in story  # the body text stays, unmarked
    assert '"text": "rejected words"' not in story  # and out of the JSON-LD
    assert ">open words here</q>" in story


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_story_its_tag_and_its_actor_are_404(reader, world, state):
    hidden = world["hidden"][state]
    for url in [
        hidden["article"].get_absolute_url(),
        hidden["actor"].get_absolute_url(),
        f"{hidden['actor'].get_absolute_url()}rss/",
        f"{hidden['actor'].get_absolute_url()}atom/",
        hidden["tag"].get_absolute_url(),
        f"{hidden['tag'].get_absolute_url()}rss/",
    ]:
        response = reader.get(url)
        assert response.status_code == 404, url
        assert "secret" not in response.content.decode().lower()


def test_scheduled_story_appears_once_its_time_passes(client, world):
    scheduled = world["hidden"]["scheduled"]["article"]
    Article.objects.filter(pk=scheduled.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )
    from newsroom.caching import invalidate_public_pages

    invalidate_public_pages()  # update() sends no signal
    assert client.get(scheduled.get_absolute_url()).status_code == 200
    assert "zzscheduledsecret quote words" in client.get("/quotes/").content.decode()


def test_directory_counts_only_public_quotes_and_stories(reader, world):
    response = reader.get("/actors/?q=public+voice")
    [voice] = response.context["page_obj"]
    assert (voice.quote_count, voice.story_count) == (1, 1)
    page = reader.get(world["voice"].get_absolute_url())
    assert list(page.context["stories"]) == [world["story"]]
    assert list(page.context["alongside"]) == []
