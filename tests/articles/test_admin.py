from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from actors.models import Quote
from articles import workflow
from articles.models import Article, Correction, Source, Tag, Transition
from tests.factories import (
    make_actor,
    make_article,
    make_mention,
    make_quote,
    make_source,
    make_tag,
    make_user,
)

pytestmark = pytest.mark.django_db
MODELS = [Article, Source, Tag, Transition, Correction]


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("admin"))
    return client


def add_stories(count):
    """Stories with everything a changelist row can show: source, tags, quotes, history."""
    editor = make_user("editor")
    tag = make_tag()
    for _ in range(count):
        article = make_article(
            status=Article.Status.IN_REVIEW, source=make_source(), tags=[tag]
        )
        speaker = make_actor()
        make_quote(article=article, speaker=speaker)
        make_mention(actor=speaker, article=article)
        workflow.publish(article, editor, note="checked")
        Correction.objects.create(article=article, note="A fix.", created_by=editor)


def admin_url(model, view, *args):
    return reverse(
        f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args
    )


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_and_change_pages_render_with_data(admin_client, model):
    add_stories(2)
    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    obj = model.objects.first()
    assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_add_pages_render(admin_client):
    for model in (Article, Source, Tag, Correction):
        assert admin_client.get(admin_url(model, "add")).status_code == 200


def test_article_changelist_search_filters_and_dates_render(admin_client):
    add_stories(2)
    url = admin_url(Article, "changelist")
    year = timezone.now().year
    for query in (
        {"q": "Story"},
        {"status__exact": "published"},
        {"publication": "scheduled"},
        {"publication": "live"},
        {"published_at__year": year},
        {"tags__id__exact": Tag.objects.first().pk},
        {"o": "-5"},  # by unverified count
    ):
        assert admin_client.get(url, query).status_code == 200, query


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_queries_do_not_grow_with_rows(
    admin_client, django_assert_max_num_queries, model
):
    url = admin_url(model, "changelist")
    add_stories(2)
    admin_client.get(url)  # warm up sessions and content types
    with django_assert_max_num_queries(12) as small:
        assert admin_client.get(url).status_code == 200
    add_stories(12)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert admin_client.get(url).status_code == 200


def test_article_changelist_shows_counts_and_schedule(admin_client):
    article = make_article(
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(days=1),
    )
    make_quote(article=article)
    make_quote(article=article, text="Second paragraph", status=Quote.Status.VERIFIED)
    response = admin_client.get(admin_url(Article, "changelist"))
    row = response.context["cl"].result_list.get(pk=article.pk)
    assert (row.quote_count, row.unverified_count) == (2, 1)
    assert b"Scheduled" in response.content


def test_dashboard_lists_review_schedule_and_unverified_quotes(admin_client):
    waiting = make_article(status=Article.Status.IN_REVIEW, headline="Waiting story")
    later = make_article(
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(hours=3),
        headline="Later story",
    )
    make_quote(article=later)
    make_quote(article=make_article(headline="Old story"))  # live: not "about to"
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "In review (1)" in page and waiting.headline in page
    assert "Scheduled (1)" in page and later.headline in page
    dashboard = page.split('id="editorial-dashboard"')[1].split("</div>")[0]
    assert "1 unverified" in dashboard
    assert "Old story" not in dashboard


def test_dashboard_query_count_is_constant(admin_client, django_assert_max_num_queries):
    url = reverse("admin:index")
    make_article(status=Article.Status.IN_REVIEW)
    admin_client.get(url)
    with django_assert_max_num_queries(12) as small:
        admin_client.get(url)
    for _ in range(8):
        article = make_article(
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() + timedelta(hours=3),
        )
        make_quote(article=article)
        make_article(status=Article.Status.IN_REVIEW)
    with django_assert_max_num_queries(len(small.captured_queries)):
        admin_client.get(url)


def test_transitions_cannot_be_edited_in_the_admin(client):
    add_stories(1)
    client.force_login(make_user("admin"))
    transition = Transition.objects.first()
    note = transition.note
    assert client.get(admin_url(Transition, "add")).status_code == 403
    client.post(admin_url(Transition, "change", transition.pk), {"note": "rewritten"})
    transition.refresh_from_db()
    assert transition.note == note
