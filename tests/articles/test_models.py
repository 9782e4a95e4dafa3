from datetime import timedelta

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_review_archived_and_scheduled(make_article):
    visible = make_article()
    make_article(status=Article.Status.DRAFT)
    make_article(status=Article.Status.IN_REVIEW)
    make_article(status=Article.Status.ARCHIVED, published_at=timezone.now())
    make_article(published_at=timezone.now() + timedelta(hours=1))
    assert list(Article.objects.published()) == [visible]


def test_scheduled_story_becomes_visible_when_its_time_passes(make_article):
    story = make_article(published_at=timezone.now() + timedelta(seconds=1))
    assert not story.is_published() and story.is_scheduled()
    Article.objects.filter(pk=story.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )
    assert list(Article.objects.published()) == [story]


def test_published_story_needs_a_publication_time(make_article):
    with pytest.raises(IntegrityError):
        make_article(published_at=None, status=Article.Status.PUBLISHED, headline="x")


def test_content_hash_is_unique_when_set(make_article):
    make_article(content_hash="a" * 64)
    make_article(content_hash="")
    make_article(content_hash="")
    with pytest.raises(IntegrityError):
        make_article(content_hash="a" * 64)


def test_slug_is_derived_from_the_headline_and_unique(make_article):
    article = make_article(headline="Trump plans talk with Putin")
    assert article.slug == "trump-plans-talk-with-putin"
    assert article.get_absolute_url() == "/stories/trump-plans-talk-with-putin/"
    with pytest.raises(IntegrityError):
        make_article(headline="Trump plans talk with Putin")


def test_story_cards_carry_their_tags_by_name_in_one_query_per_chunk(
    make_article, django_assert_num_queries
):
    from tests.factories import make_tag

    war, aid, zoo = (make_tag(name=n) for n in ("War", "Aid", "Zoo"))
    tagged = make_article(tags=[zoo, war, aid])
    plain = make_article()
    single = make_article(tags=[war])
    with django_assert_num_queries(2):  # the stories, then all their tags
        stories = {a.pk: a for a in Article.objects.with_tag_list()}
    assert [t.name for t in stories[tagged.pk].tag_list] == ["Aid", "War", "Zoo"]
    assert stories[plain.pk].tag_list == []
    assert stories[single.pk].tag_list == [war]
    with CaptureQueriesContext(connection) as queries:
        streamed = list(Article.objects.with_tag_list().iterator(chunk_size=2))
    tag_queries = [q for q in queries if "articles_article_tags" in q["sql"]]
    assert len(tag_queries) == 2  # streamed: one per chunk of two stories
    assert {a.pk: [t.slug for t in a.tag_list] for a in streamed} == {
        tagged.pk: ["aid", "war", "zoo"],
        plain.pk: [],
        single.pk: ["war"],
    }
