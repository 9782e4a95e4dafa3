"""Aggregates of public pages are reused within a content generation, never across."""

from itertools import count

import pytest
from django.utils import timezone

from articles.front_page import front_page
from newsroom import memo
from tests import factories as f


def counter():
    calls = count(1)
    return lambda: next(calls)


def test_outside_a_public_page_nothing_is_remembered():
    compute = counter()
    assert memo.remember("k", compute) == 1
    assert memo.remember("k", compute) == 2


def test_within_a_generation_the_first_answer_is_reused():
    compute = counter()
    with memo.generation(7):
        assert memo.remember("k", compute) == 1
        assert memo.remember("k", compute) == 1
        assert memo.remember("other", compute) == 2


def test_a_new_generation_computes_again():
    compute = counter()
    with memo.generation(7):
        memo.remember("k", compute)
    with memo.generation(8):
        assert memo.remember("k", compute) == 2
        assert memo.remember("k", compute) == 2


def test_memory_stays_bounded(monkeypatch):
    monkeypatch.setattr(memo, "MAX_ENTRIES", 3)
    with memo.generation(1):
        for key in range(10):
            memo.remember(key, lambda key=key: key)
    assert len(memo._values) == 3


@pytest.mark.django_db
def test_a_newly_published_related_story_shows_at_once(client):
    tag = f.make_tag(name="Energy")
    story = f.make_article(headline="The first story", tags=[tag])
    assert "Related stories" not in client.get(story.get_absolute_url()).text
    f.make_article(headline="A follow-up", tags=[tag], published_at=timezone.now())
    page = client.get(story.get_absolute_url(), {"fresh": "1"}).text
    assert "A follow-up" in page


@pytest.mark.django_db
def test_a_new_story_reaches_the_front_page_at_once(client):
    f.make_article(headline="Yesterday's news")
    assert "Yesterday" in client.get("/").text
    f.make_article(headline="Breaking now", published_at=timezone.now())
    assert "Breaking now" in client.get("/", {"fresh": "1"}).text


@pytest.mark.django_db
def test_a_second_reader_reuses_the_related_stories(client, django_assert_num_queries):
    tag = f.make_tag(name="Energy")
    story = f.make_article(headline="The first story", tags=[tag])
    f.make_article(headline="A follow-up", tags=[tag])
    with django_assert_num_queries(6):  # story, 4 prefetches, related
        client.get(story.get_absolute_url(), {"reader": "1"})
    with django_assert_num_queries(5):  # the related stories are remembered
        page = client.get(story.get_absolute_url(), {"reader": "2"}).text
    assert "A follow-up" in page


@pytest.mark.django_db
def test_a_story_gone_since_the_layout_was_remembered_drops_out(client):
    kept = f.make_article(headline="Still here")
    gone = f.make_article(headline="Taken down")
    with memo.generation(99):
        front_page()  # remembers a layout with both stories
        gone.delete()
        page = front_page()
    assert [story.pk for story in page.latest] == [kept.pk]


@pytest.mark.django_db
def test_filter_choices_follow_new_topics_at_once_and_are_reused(
    client, django_assert_num_queries
):
    f.make_article(tags=[f.make_tag(name="Energy")], source=f.make_source(name="Wire"))
    with django_assert_num_queries(5):  # tag and source choices · count · page · tags
        client.get("/stories/", {"reader": "1"})
    with django_assert_num_queries(3):  # the choices are remembered
        page = client.get("/stories/", {"reader": "2"}).text
    assert '<option value="energy">Energy</option>' in page
    assert '<option value="wire">Wire</option>' in page
    assert '<label for="id_source">Source</label>' in page
    f.make_article(tags=[f.make_tag(name="Water")], published_at=timezone.now())
    page = client.get("/stories/", {"reader": "3"}).text
    assert '<option value="water">Water</option>' in page
    quotes = client.get("/quotes/", {"tag": "water"})
    assert quotes.status_code == 200
    assert '<option value="water" selected>Water</option>' in quotes.text


@pytest.mark.django_db
def test_the_directory_is_counted_once_and_follows_new_quotes(
    client, django_assert_num_queries
):
    speaker = f.make_actor(name="Ada Speaker")
    f.make_quote(article=f.make_article(), speaker=speaker)
    with django_assert_num_queries(2):  # every public actor's counts · the page
        client.get("/actors/", {"reader": "1"})
    with django_assert_num_queries(1):  # the counts are remembered: the page
        page = client.get("/actors/", {"reader": "2"}).text
    assert "Ada Speaker" in page and "1 quote · 0 stories" in page
    newcomer = f.make_actor(name="Bo Newcomer")
    f.make_quote(article=f.make_article(), speaker=newcomer)
    f.make_quote(article=f.make_article(), speaker=newcomer)
    response = client.get("/actors/", {"sort": "quotes"})
    assert [a.name for a in response.context["page_obj"]] == [
        "Bo Newcomer",
        "Ada Speaker",
    ]
