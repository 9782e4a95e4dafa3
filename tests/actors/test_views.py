"""The people pages: the actor directory, an actor's page, and who said what."""

from datetime import timedelta

import pytest
from django.utils import timezone

from actors.models import Actor, Quote
from articles.models import Article
from tests import factories as f

pytestmark = pytest.mark.django_db


def quoted(actor, *, when=None, status=Quote.Status.UNVERIFIED, words=None, **kw):
    """A published story in which ``actor`` says ``words``."""
    words = words or f"Words of {actor.name}"
    article = f.make_article(
        body=f'{actor.name} said: "{words}" on the day.',
        published_at=when or timezone.now() - timedelta(hours=1),
        **kw,
    )
    f.make_mention(actor=actor, article=article)
    return f.make_quote(article=article, speaker=actor, text=words, status=status)


# --- Directory ------------------------------------------------------------------
def test_directory_lists_public_actors_with_their_counts(client):
    busy = f.make_actor(name="Busy Speaker")
    quoted(busy)
    quoted(busy)
    quiet = f.make_actor(name="Quiet Mentioned")
    f.make_mention(actor=quiet, article=f.make_article())
    response = client.get("/actors/")
    assert response.status_code == 200
    actors = {a.name: a for a in response.context["page_obj"]}
    assert actors["Busy Speaker"].quote_count == 2
    assert actors["Busy Speaker"].story_count == 2
    assert actors["Quiet Mentioned"].quote_count == 0
    html = response.content.decode()
    assert "2 quotes · 2 stories" in html


def test_directory_filters_by_kind_and_name_or_alias(client):
    person = f.make_actor(name="Volodymyr Zelenskyy", aliases=["Zelenskiy"])
    org = f.make_actor(name="NATO", kind=Actor.Kind.ORGANIZATION)
    for actor in (person, org):
        f.make_mention(actor=actor, article=f.make_article())

    def names(query):
        response = client.get("/actors/" + query)
        assert response.status_code == 200
        return {a.name for a in response.context["page_obj"]}

    quoted(org)
    response = client.get("/actors/?sort=quotes")
    assert [a.name for a in response.context["page_obj"]][0] == "NATO"
    assert names("?kind=organization") == {"NATO"}
    assert names("?q=zelenskiy") == {"Volodymyr Zelenskyy"}
    assert names("?q=nat") == {"NATO"}


@pytest.mark.parametrize(
    "query",
    ["?kind=alien", "?sort=evil", "?page=abc", "?page=999999", "?q=" + "z" * 5000],
)
def test_directory_survives_junk(client, query):
    assert client.get("/actors/" + query).status_code == 200


# --- Actor page -----------------------------------------------------------------
def test_actor_page_shows_profile_and_quote_timeline_newest_first(client):
    party = f.make_actor(name="Some Party", kind=Actor.Kind.ORGANIZATION)
    actor = f.make_actor(
        name="Ann Speaker",
        title="Minister",
        affiliation=party,
        description="Leads the ministry.",
    )
    old = quoted(actor, when=timezone.now() - timedelta(days=3), words="Old words")
    new = quoted(actor, status=Quote.Status.VERIFIED, words="New words")
    response = client.get(actor.get_absolute_url())
    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [new, old]
    html = response.content.decode()
    for text in ["Ann Speaker", "Minister", "Some Party", "Leads the ministry."]:
        assert text in html
    assert html.index("New words") < html.index("Old words")
    assert html.count("badge--verified") == 1
    assert f'href="{new.article.get_absolute_url()}#quote-{new.pk}"' in html
    assert set(response.context["stories"]) == {new.article, old.article}


def test_actor_page_lists_who_they_are_most_often_quoted_alongside(client):
    actor = f.make_actor(name="Main Person")
    often = f.make_actor(name="Often Beside")
    once = f.make_actor(name="Once Beside")
    for n in range(2):
        q = quoted(actor, words=f"First {n}")
        article = q.article
        article.body += f' Then "Reply {n}" came.'
        article.save()
        f.make_quote(article=article, speaker=often, text=f"Reply {n}")
    article = quoted(actor, words="Third").article
    article.body += ' And "Solo" too.'
    article.save()
    f.make_quote(article=article, speaker=once, text="Solo")
    response = client.get(actor.get_absolute_url())
    alongside = [(a.name, a.shared_stories) for a in response.context["alongside"]]
    assert alongside == [("Often Beside", 2), ("Once Beside", 1)]


def test_actor_page_advertises_the_quote_feeds(client):
    actor = f.make_actor(name="Feed Person")
    quoted(actor)
    html = client.get(actor.get_absolute_url()).content.decode()
    assert 'href="/actors/feed-person/rss/"' in html
    assert 'href="/actors/feed-person/atom/"' in html


def test_actor_known_only_from_drafts_is_404(client):
    actor = f.make_actor(name="Embargoed Person")
    draft = f.make_article(status=Article.Status.DRAFT)
    f.make_mention(actor=actor, article=draft)
    f.make_quote(article=draft, speaker=actor)
    assert client.get(actor.get_absolute_url()).status_code == 404
    assert client.get("/actors/nobody-at-all/").status_code == 404


def test_actor_mentioned_but_never_quoted_has_an_empty_timeline(client):
    actor = f.make_actor(name="Mentioned Only")
    f.make_mention(actor=actor, article=f.make_article())
    response = client.get(actor.get_absolute_url())
    assert response.status_code == 200
    assert "No quotes from Mentioned Only" in response.content.decode()


# --- Who said what --------------------------------------------------------------
def test_quote_search_shows_words_speaker_story_and_date(client):
    actor = f.make_actor(name="Quote Giver")
    quote = quoted(actor, words="We will rebuild the bridge")
    response = client.get("/quotes/?q=rebuild")
    assert list(response.context["page_obj"]) == [quote]
    html = response.content.decode()
    assert "We will rebuild the bridge" in html
    assert 'href="/actors/quote-giver/"' in html
    assert quote.article.headline in html
    assert quote.article.published_at.strftime("%Y-%m-%d") in html


def test_quote_filters_speaker_tag_dates_and_status(client):
    tag = f.make_tag(name="Trade")
    ann, bob = f.make_actor(name="Ann"), f.make_actor(name="Bob")
    a_old = quoted(ann, when=timezone.now() - timedelta(days=10), tags=[tag])
    a_new = quoted(ann, status=Quote.Status.VERIFIED)
    b_new = quoted(bob)

    def found(query):
        response = client.get("/quotes/" + query)
        assert response.status_code == 200
        return set(response.context["page_obj"])

    assert found("?speaker=ann") == {a_old, a_new}
    assert found("?tag=trade") == {a_old}
    cutoff = (timezone.now() - timedelta(days=5)).date().isoformat()
    assert found(f"?date_after={cutoff}") == {a_new, b_new}
    assert found(f"?date_before={cutoff}") == {a_old}
    assert found("?status=verified") == {a_new}
    assert found("?status=unverified") == {a_old, b_new}
    assert found("?speaker=ann&status=verified") == {a_new}


@pytest.mark.parametrize(
    "query",
    [
        "?speaker=999999",
        "?speaker=no-such-person",
        "?date_after=notadate",
        "?date_before=2024-13-45",
        "?status=rejected",
        "?tag=nope",
        "?page=abc",
        "?page=999999",
        "?q=" + "q" * 5000,
    ],
)
def test_quote_search_survives_junk(client, query):
    quoted(f.make_actor())
    assert client.get("/quotes/" + query).status_code == 200


def test_quote_pagination_keeps_the_filters(client):
    actor = f.make_actor(name="Talker")
    for n in range(22):
        quoted(actor, words=f"Point number {n}")
    html = client.get("/quotes/?speaker=talker").content.decode()
    assert 'href="?speaker=talker&amp;page=2"' in html


def test_quote_search_speaker_is_a_text_box_not_a_list_of_every_actor(client):
    ann = f.make_actor(name="Ann")
    quoted(ann)
    quoted(f.make_actor(name="Bob"))
    html = client.get("/quotes/?speaker=ann").content.decode()
    assert 'name="speaker" value="ann"' in html
    assert "<option" not in html.split('name="speaker"')[1].split(">")[0]
    assert ">Bob</option>" not in html


def test_quote_search_has_a_trigram_index_on_postgresql():
    """``text__icontains`` runs as ``UPPER(text) LIKE …``: the index must match."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm indexes exist only on PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'quote_text_trgm'"
        )
        [(definition,)] = cursor.fetchall()
    assert "gin (upper(text) gin_trgm_ops)" in definition
    sql = str(Quote.objects.filter(text__icontains="rebuild").query)
    assert 'UPPER("actors_quote"."text"::text) LIKE' in sql


def test_quote_search_caps_its_count(client, monkeypatch):
    """Counting every public quote would scan the table: past the cap it says "N+"."""
    from actors.views import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "cap", 2)
    actor = f.make_actor(name="Talker")
    for n in range(3):
        quoted(actor, words=f"Point number {n}")
    response = client.get("/quotes/")
    assert "2+ quotes" in response.content.decode()
    assert response.context["page_obj"].paginator.count == 2
    monkeypatch.setattr(CappedPaginator, "cap", 3)
    assert "3 quotes" in client.get("/quotes/?q=point").content.decode()


def test_quote_filter_topic_select_keeps_the_choice(client):
    tag = f.make_tag(name="Docks & <Ports>")
    quoted(f.make_actor(name="Ann"), tags=[tag])
    html = client.get(f"/quotes/?tag={tag.slug}").content.decode()
    assert (
        f'<option value="{tag.slug}" selected>Docks &amp; &lt;Ports&gt;</option>'
        in html
    )
    assert '<option value="">All topics</option>' in html
