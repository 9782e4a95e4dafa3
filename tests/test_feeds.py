"""RSS and Atom feeds, parsed as XML: all stories, per tag, per actor (their quotes)."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from actors.models import Quote
from articles.models import Article
from tests import factories as f

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = "<script>alert(1)</script>"


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ElementTree.fromstring(response.content).findall("./channel/item")


def atom_entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content).findall(f"{ATOM}entry")


def test_story_feeds_list_published_stories_newest_first(client):
    f.make_article(headline="Older", published_at=timezone.now() - timedelta(days=1))
    f.make_article(headline="Newer", published_at=timezone.now())
    f.make_article(headline="Draft", status=Article.Status.DRAFT)
    items = rss_items(client, "/feeds/rss/")
    assert [i.findtext("title") for i in items] == ["Newer", "Older"]
    assert items[0].findtext("link").startswith("http")
    assert items[0].findtext("link").endswith("/stories/newer/")
    entries = atom_entries(client, "/feeds/atom/")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Newer", "Older"]


def test_feed_entries_carry_tags_and_corrections(client):
    tag = f.make_tag(name="Health")
    story = f.make_article(headline="Vaccines", standfirst="Summary.", tags=[tag])
    f.make_correction(article=story, note="The dose was 2mg, not 20mg.")
    [item] = rss_items(client, "/feeds/rss/")
    assert item.findtext("category") == "Health"
    assert "The dose was 2mg, not 20mg." in item.findtext("description")
    assert "Correction" in item.findtext("description")


def test_tag_feeds_only_hold_the_tag(client):
    tag = f.make_tag(name="Space")
    f.make_article(headline="Rockets", tags=[tag])
    f.make_article(headline="Cooking")
    assert [i.findtext("title") for i in rss_items(client, "/tags/space/rss/")] == [
        "Rockets"
    ]
    entries = atom_entries(client, "/tags/space/atom/")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Rockets"]
    assert client.get("/tags/no-such-tag/rss/").status_code == 404


def test_actor_feeds_hold_their_public_quotes(client):
    actor = f.make_actor(name="Feed Speaker")
    story = f.make_article(body='She said "we stay the course" firmly.')
    f.make_mention(actor=actor, article=story)
    quote = f.make_quote(article=story, speaker=actor, text="we stay the course")
    draft = f.make_article(status=Article.Status.DRAFT, body='"draft words" here')
    f.make_quote(article=draft, speaker=actor, text="draft words")
    f.make_quote(
        article=f.make_article(body='"rejected words" here'),
        speaker=actor,
        text="rejected words",
        status=Quote.Status.REJECTED,
    )
    [item] = rss_items(client, "/actors/feed-speaker/rss/")
    assert item.findtext("title") == "“we stay the course”"
    assert item.findtext("link").endswith(
        f"{story.get_absolute_url()}#quote-{quote.pk}"
    )
    [entry] = atom_entries(client, "/actors/feed-speaker/atom/")
    assert "we stay the course" in entry.findtext(f"{ATOM}summary")


def test_feeds_escape_imported_markup(client):
    actor = f.make_actor(name=f"Name {HOSTILE}")
    story = f.make_article(
        headline=f"Head {HOSTILE}",
        standfirst=f"Stand {HOSTILE}",
        body=f'Said "words {HOSTILE}" then.',
    )
    f.make_mention(actor=actor, article=story)
    f.make_quote(article=story, speaker=actor, text=f"words {HOSTILE}")
    f.make_correction(article=story, note=f"Note {HOSTILE}")
    [item] = rss_items(client, "/feeds/rss/")
    assert item.findtext("title") == f"Head {HOSTILE}"  # plain text, XML-escaped
    description = item.findtext("description")  # HTML: the markup must be escaped
    assert "<script>" not in description
    assert "&lt;script&gt;" in description
    [quote_item] = rss_items(client, f"{actor.get_absolute_url()}rss/")
    assert "<script>" not in quote_item.findtext("description")


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_feeds_answer_conditional_requests(client, url):
    f.make_article()
    response = client.get(url)
    assert "public" in response["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
