"""Each public page runs a fixed number of SQL queries, whatever the amount of data.

Every page is measured at two data sizes and must run exactly the pinned number of
queries at both: an N+1 in a template loop would show up as a difference.
"""

import pytest

from actors.models import Quote
from newsroom.caching import invalidate_public_pages
from tests import factories as f

pytestmark = pytest.mark.django_db

# Pinned counts per page (the comment says what each query is for).
EXPECTED = {
    # the layout (which stories where) · those stories · their tags
    "front": 3,
    # tag + source choices for the form (remembered for the content generation) ·
    # count · page · tags
    "archive": 5,
    # story · tags · corrections · mentions+actors · quotes+speakers · related
    "story": 6,
    # tag · count · page · tags
    "tag": 4,
    # ranking · page · tags
    "search": 3,
    # count · page
    "corrections": 2,
    # every public actor with their counts (remembered for the content generation) ·
    # the page's actors
    "actors": 2,
    # actor · public counts (also the paginator's) · quotes page · stories · tags
    # · alongside
    "actor": 6,
    # tag choices for the filter form · count · page (the speaker is a text box:
    # looked up only when given, see quotes_by_speaker)
    "quotes": 3,
    # the speaker · tag choices · count · page
    "quotes_by_speaker": 4,
    # stories · tags · corrections
    "rss": 3,
    # tag · stories · tags · corrections
    "tag_rss": 4,
    # actor · quotes
    "actor_rss": 2,
    # one count and one page query per section (stories, tags, actors)
    "sitemap": 6,
    # the stories (few enough for one page)
    "news_sitemap": 1,
}


def build(size):
    """``size`` published stories, each tagged, with two quoted actors and a note."""
    tags = [f.make_tag(name=f"Tag {n}") for n in range(3)]
    lead = f.make_actor(name="Lead Speaker", title="Minister")
    for n in range(size):
        other = f.make_actor(name=f"Other Speaker {n}")
        article = f.make_article(
            headline=f"Story {n} headline",
            body=f'Lead said "first words {n}" and Other said "second words {n}".',
            tags=[tags[n % 3], tags[(n + 1) % 3]],
            source=f.make_source(),
        )
        for actor in (lead, other):
            f.make_mention(actor=actor, article=article)
        f.make_quote(article=article, speaker=lead, text=f"first words {n}")
        f.make_quote(
            article=article,
            speaker=other,
            text=f"second words {n}",
            status=Quote.Status.VERIFIED,
        )
        f.make_correction(article=article, note=f"Note {n}")
    return {"tag": tags[0], "actor": lead, "story": article}


def urls(data):
    story, tag, actor = data["story"], data["tag"], data["actor"]
    return {
        "front": "/",
        "archive": f"/stories/?tag={tag.slug}",
        "story": story.get_absolute_url(),
        "tag": tag.get_absolute_url(),
        "search": "/search/?q=words",
        "corrections": "/corrections/",
        "actors": "/actors/",
        "actor": actor.get_absolute_url(),
        "quotes": "/quotes/?q=words",
        "quotes_by_speaker": f"/quotes/?speaker={actor.slug}&q=words",
        "rss": "/feeds/rss/",
        "tag_rss": f"{tag.get_absolute_url()}rss/",
        "actor_rss": f"{actor.get_absolute_url()}rss/",
        "sitemap": "/sitemap.xml",
        "news_sitemap": "/news-sitemap.xml",
    }


@pytest.mark.parametrize("size", [10, 30])
@pytest.mark.parametrize("page", EXPECTED)
def test_page_runs_a_constant_number_of_queries(
    client, django_assert_num_queries, page, size
):
    url = urls(build(size))[page]
    invalidate_public_pages()  # the cache's own bookkeeping query happens here
    with django_assert_num_queries(EXPECTED[page]):
        response = client.get(url)
    assert response.status_code == 200


def test_a_cached_page_runs_no_queries(client, django_assert_num_queries):
    url = urls(build(3))["story"]
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url)["X-Cache"] == "hit"
