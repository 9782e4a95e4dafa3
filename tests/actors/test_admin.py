import pytest
from django.urls import reverse
from reversion.models import Version

from actors.models import Actor, Alias, Mention, Quote
from articles.models import Article
from tests.admin_helpers import action_data, form_data
from tests.factories import (
    make_actor,
    make_article,
    make_mention,
    make_quote,
    make_user,
)

pytestmark = pytest.mark.django_db
MODELS = [Actor, Alias, Mention, Quote]
QUEUE = reverse("admin:actors_quote_changelist") + "?status__exact=unverified"


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("admin"))
    return client


def admin_url(model, view, *args):
    return reverse(
        f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args
    )


def add_people(count):
    for _ in range(count):
        article = make_article()
        actor = make_actor(aliases=["Another Name"], affiliation=make_actor())
        make_quote(article=article, speaker=actor)
        make_mention(actor=actor, article=article)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_and_change_pages_render_with_data(admin_client, model):
    add_people(2)
    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    obj = model.objects.first()
    assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200
    assert admin_client.get(admin_url(model, "add")).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_queries_do_not_grow_with_rows(
    admin_client, django_assert_max_num_queries, model
):
    url = admin_url(model, "changelist")
    add_people(2)
    admin_client.get(url)
    with django_assert_max_num_queries(12) as small:
        assert admin_client.get(url).status_code == 200
    add_people(12)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert admin_client.get(url).status_code == 200


def test_actor_search_finds_aliases_and_autocomplete_answers(admin_client):
    actor = make_actor(name="Volodymyr Zelenskyy", aliases=["Zelenskiy"])
    page = admin_client.get(admin_url(Actor, "changelist"), {"q": "Zelenskiy"})
    assert list(page.context["cl"].result_list) == [actor]
    found = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Zelen",
            "app_label": "actors",
            "model_name": "quote",
            "field_name": "speaker",
        },
    ).json()
    assert [r["text"] for r in found["results"]] == ["Volodymyr Zelenskyy"]


def test_actor_counts_are_annotated(admin_client):
    add_people(1)
    actor = Actor.objects.filter(quotes__isnull=False).get()
    page = admin_client.get(admin_url(Actor, "changelist"))
    row = page.context["cl"].result_list.get(pk=actor.pk)
    assert (row.quote_count, row.mention_count) == (1, 1)


def test_quote_list_filters_by_speaker_and_status(admin_client):
    speaker = make_actor()
    mine = make_quote(speaker=speaker)
    make_quote(speaker=make_actor(), status=Quote.Status.VERIFIED)
    page = admin_client.get(
        admin_url(Quote, "changelist"),
        {"speaker__id__exact": speaker.pk, "status__exact": "unverified"},
    )
    assert list(page.context["cl"].result_list) == [mine]


def test_the_review_queue_lists_unverified_quotes_with_context(admin_client):
    quote = make_quote(speaker=make_actor(name="Ada Speaker"))
    make_quote(status=Quote.Status.VERIFIED)
    response = admin_client.get(reverse("admin:actors_quote_queue"), follow=True)
    assert list(response.context["cl"].result_list) == [quote]
    page = response.content.decode()
    assert quote.sentence in page and "Ada Speaker" in page
    assert quote.article.headline in page
    assert 'value="verify"' in page


# --- Review: verify, reject, reassign ------------------------------------------------


def test_editor_verifies_and_rejects_in_bulk(client):
    editor = make_user("editor")
    client.force_login(editor)
    quotes = [make_quote() for _ in range(3)]
    changelist = admin_url(Quote, "changelist")
    client.post(changelist, action_data("verify_selected", quotes[:2]))
    client.post(changelist, action_data("reject_selected", quotes[2:]))
    statuses = dict(Quote.objects.values_list("pk", "status"))
    assert [statuses[q.pk] for q in quotes] == ["verified", "verified", "rejected"]
    verified = Quote.objects.get(pk=quotes[0].pk)
    assert verified.reviewed_by == editor and verified.reviewed_at is not None
    assert Version.objects.get_for_object(verified).first().revision.user == editor


def test_editor_reviews_one_quote_with_its_row_button(client):
    client.force_login(make_user("editor"))
    quote = make_quote()
    response = client.post(
        reverse("admin:actors_quote_review", args=(quote.pk,)),
        {"decision": "reject"},
        HTTP_REFERER="https://evil.example/",
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:actors_quote_queue"))
    quote.refresh_from_db()
    assert quote.status == Quote.Status.REJECTED


def test_editor_reassigns_the_speaker(client):
    client.force_login(make_user("editor"))
    quotes = [make_quote(speaker=make_actor()) for _ in range(2)]
    right = make_actor(name="The Right Person")
    changelist = admin_url(Quote, "changelist")
    page = client.post(changelist, action_data("reassign_selected", quotes))
    assert page.status_code == 200
    assert b"admin/js/autocomplete.js" in page.content
    client.post(
        changelist,
        action_data("reassign_selected", quotes, apply="yes", speaker=right.pk),
    )
    assert set(Quote.objects.values_list("speaker", flat=True)) == {right.pk}


def test_reporters_cannot_review_quotes(client):
    client.force_login(make_user("reporter"))
    quote = make_quote()
    changelist = admin_url(Quote, "changelist")
    page = client.get(changelist)
    assert b"verify_selected" not in page.content
    assert b'value="verify"' not in page.content
    client.post(changelist, action_data("verify_selected", [quote]))
    client.post(changelist, action_data("reassign_selected", [quote], apply="yes"))
    response = client.post(
        reverse("admin:actors_quote_review", args=(quote.pk,)), {"decision": "verify"}
    )
    assert response.status_code == 403
    quote.refresh_from_db()
    assert quote.status == Quote.Status.UNVERIFIED and quote.reviewed_by is None


def test_quote_status_is_not_editable_in_forms(client):
    reporter = make_user("reporter")
    client.force_login(reporter)
    quote = make_quote(
        article=make_article(status=Article.Status.DRAFT, created_by=reporter)
    )
    page = client.get(admin_url(Quote, "change", quote.pk))
    assert "status" not in page.context["adminform"].form.fields


# --- Actors --------------------------------------------------------------------------


def test_editor_marks_actors_verified(client):
    client.force_login(make_user("editor"))
    actors = [make_actor() for _ in range(2)]
    client.post(admin_url(Actor, "changelist"), action_data("mark_verified", actors))
    assert Actor.objects.filter(is_verified=True).count() == 2


def test_reporters_cannot_mark_actors_verified(client):
    client.force_login(make_user("reporter"))
    actor = make_actor()
    client.post(admin_url(Actor, "changelist"), action_data("mark_verified", [actor]))
    actor.refresh_from_db()
    assert not actor.is_verified


def test_aliases_are_edited_inline_on_the_actor_page(admin_client):
    actor = make_actor(name="Volodymyr Zelenskyy")
    page = admin_client.get(admin_url(Actor, "change", actor.pk))
    assert "aliases-TOTAL_FORMS" in page.content.decode()


def test_reporters_cannot_add_quotes_or_mentions_to_others_stories(client):
    reporter = make_user("reporter")
    client.force_login(reporter)
    others = make_article(status=Article.Status.DRAFT, created_by=make_user("reporter"))
    response = client.post(
        admin_url(Quote, "add"),
        {"article": others.pk, "text": "First", "start": 0, "end": 5, "status": "x"},
    )
    assert response.status_code == 403
    response = client.post(
        admin_url(Mention, "add"),
        {"article": others.pk, "actor": make_actor().pk, "first_offset": 0, "count": 1},
    )
    assert response.status_code == 403
    assert not Quote.objects.exists() and not Mention.objects.exists()


def test_actor_revisions_can_be_compared(admin_client):
    actor = make_actor(name="Ada Lovelace")
    url = admin_url(Actor, "change", actor.pk)
    for title in ("Mathematician", "Analyst"):
        page = admin_client.get(url)
        data = form_data(page, title=title)
        assert admin_client.post(url, data).status_code == 302
    versions = list(Version.objects.get_for_object(actor))
    assert admin_client.get(admin_url(Actor, "history", actor.pk)).status_code == 200
    compare = admin_client.get(
        admin_url(Actor, "compare", actor.pk),
        {"from": versions[1].pk, "to": versions[0].pk},
    ).content.decode()
    assert "<del>Mathematician</del>" in compare and "<ins>Analyst</ins>" in compare
