import io
import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from actors.models import Quote
from articles import workflow
from articles.models import Article, Correction, Transition
from articles.preview import preview_url
from tests.admin_helpers import action_data, form_data
from tests.factories import make_user

Status = Article.Status
pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=(article.pk,))


def move_url(article, move):
    return reverse("admin:articles_article_transition", args=(article.pk, move))


@pytest.fixture
def reporter():
    return make_user("reporter")


@pytest.fixture
def editor():
    return make_user("editor")


@pytest.fixture
def draft(make_article, reporter):
    return make_article(status=Status.DRAFT, created_by=reporter)


# --- Roles ---------------------------------------------------------------------------


def test_data_migration_creates_the_roles_with_their_permissions():
    editor = {p.codename for p in Group.objects.get(name="Editor").permissions.all()}
    reporter = {
        p.codename for p in Group.objects.get(name="Reporter").permissions.all()
    }
    assert {
        "publish_article",
        "verify_quote",
        "merge_actor",
        "add_correction",
    } <= editor
    assert {"add_article", "change_article", "add_quote"} <= reporter
    assert not {"publish_article", "verify_quote", "merge_actor"} & reporter


MATRIX = [
    # role, move, allowed
    ("reporter", "submit", True),
    ("reporter", "publish", False),
    ("reporter", "send_back", False),
    ("reporter", "unpublish", False),
    ("editor", "submit", True),
    ("editor", "publish", True),
    ("editor", "send_back", True),
    ("editor", "unpublish", True),
    ("admin", "publish", True),
    ("admin", "unpublish", True),
]
START = {
    "submit": Status.DRAFT,
    "publish": Status.IN_REVIEW,
    "send_back": Status.IN_REVIEW,
    "unpublish": Status.PUBLISHED,
}


@pytest.mark.parametrize(("role", "move", "allowed"), MATRIX)
def test_permission_matrix_of_workflow_moves(make_article, role, move, allowed):
    user = make_user(role)
    article = make_article(status=START[move], created_by=user)
    run = {
        "submit": lambda: workflow.submit_for_review(article, user),
        "publish": lambda: workflow.publish(article, user),
        "send_back": lambda: workflow.send_back(article, user, "Needs a source."),
        "unpublish": lambda: workflow.unpublish(article, user),
    }[move]
    if allowed:
        run()
        assert Transition.objects.filter(article=article, user=user).count() == 1
    else:
        with pytest.raises(PermissionDenied):
            run()
        article.refresh_from_db()
        assert article.status == START[move]
        assert not Transition.objects.filter(article=article).exists()


def test_reporter_cannot_submit_someone_elses_draft(make_article, reporter):
    article = make_article(status=Status.DRAFT, created_by=make_user("reporter"))
    with pytest.raises(PermissionDenied):
        workflow.submit_for_review(article, reporter)


def test_reporter_publish_through_the_change_form_changes_nothing(
    client, draft, reporter
):
    client.force_login(reporter)
    page = client.get(change_url(draft))
    data = form_data(page, status="published", published_at="2020-01-01 00:00")
    response = client.post(change_url(draft), data)
    assert response.status_code == 302  # the text saves; status is not a form field
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.published_at is None
    assert not Article.objects.published().filter(pk=draft.pk).exists()


def test_reporter_publish_through_the_transition_page_is_refused(
    client, draft, reporter
):
    client.force_login(reporter)
    assert client.get(move_url(draft, "publish")).status_code == 403
    response = client.post(move_url(draft, "publish"), {"note": "please"})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert not draft.transitions.exists()


def test_reporter_publish_through_an_action_is_refused(client, draft, reporter):
    client.force_login(reporter)
    changelist = reverse("admin:articles_article_changelist")
    assert b"publish_selected" not in client.get(changelist).content
    client.post(changelist, action_data("publish_selected", [draft], apply="yes"))
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert not draft.transitions.exists()


def test_reporters_edit_only_their_own_drafts(client, make_article, reporter):
    client.force_login(reporter)
    own = make_article(status=Status.DRAFT, created_by=reporter, headline="Mine")
    page = client.get(change_url(own))
    response = client.post(change_url(own), form_data(page, headline="Mine, edited"))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.headline == "Mine, edited"

    for other in (
        make_article(status=Status.DRAFT, created_by=make_user("reporter")),
        make_article(status=Status.PUBLISHED, created_by=reporter),
    ):
        page = client.get(change_url(other))
        assert page.status_code == 200  # reporters may read every story
        assert b'name="_save"' not in page.content
        response = client.post(change_url(other), {"headline": "Hijacked"})
        assert response.status_code == 403
        other.refresh_from_db()
        assert other.headline != "Hijacked"


def test_reporter_creates_a_draft_they_own(client, reporter):
    client.force_login(reporter)
    url = reverse("admin:articles_article_add")
    data = form_data(client.get(url), headline="Fresh", slug="fresh", body="Words.")
    assert client.post(url, data).status_code == 302
    article = Article.objects.get(slug="fresh")
    assert (article.created_by, article.status) == (reporter, Status.DRAFT)


# --- Transitions ---------------------------------------------------------------------


def test_each_move_is_recorded_and_shown_as_history(client, draft, reporter, editor):
    workflow.submit_for_review(draft, reporter)
    workflow.send_back(draft, editor, "Check the second quote.")
    workflow.submit_for_review(draft, reporter, "Fixed.")
    workflow.publish(draft, editor)
    workflow.unpublish(draft, editor, "Legal asked.")
    moves = list(
        draft.transitions.order_by("id").values_list(
            "from_status", "to_status", "user__username", "note"
        )
    )
    assert moves == [
        ("draft", "in_review", reporter.username, ""),
        ("in_review", "draft", editor.username, "Check the second quote."),
        ("draft", "in_review", reporter.username, "Fixed."),
        ("in_review", "published", editor.username, ""),
        ("published", "archived", editor.username, "Legal asked."),
    ]
    client.force_login(editor)
    page = client.get(change_url(draft)).content.decode()
    assert "Workflow history" in page
    assert "Check the second quote." in page and "Legal asked." in page


def test_send_back_needs_a_note(draft, editor):
    draft.status = Status.IN_REVIEW
    draft.save()
    with pytest.raises(workflow.TransitionError):
        workflow.send_back(draft, editor, "  ")
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW


def test_a_move_from_the_wrong_state_is_refused(draft, editor):
    with pytest.raises(workflow.TransitionError):
        workflow.unpublish(draft, editor)
    assert not draft.transitions.exists()


def test_editor_moves_a_story_with_the_buttons(client, draft, editor):
    client.force_login(editor)
    client.post(move_url(draft, "submit"), {"note": ""})
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
    page = client.get(change_url(draft)).content.decode()
    assert 'id="move-publish"' in page and 'id="move-send-back"' in page
    client.post(move_url(draft, "send-back"), {"note": "Shorter, please."})
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.transitions.first().note == "Shorter, please."


def test_scheduled_story_appears_when_the_clock_passes(client, draft, editor):
    at = timezone.now() + timedelta(seconds=3)
    workflow.publish(draft, editor, at=at)
    draft.refresh_from_db()
    assert draft.is_scheduled()
    assert not Article.objects.published().filter(pk=draft.pk).exists()
    assert Article.objects.scheduled().filter(pk=draft.pk).exists()
    detail = reverse("articles:detail", kwargs={"slug": draft.slug})
    assert client.get(detail).status_code == 404

    time.sleep(max(0, (at - timezone.now()).total_seconds()) + 0.2)  # real time

    assert Article.objects.published().filter(pk=draft.pk).exists()
    assert client.get(detail).status_code == 200
    assert draft.transitions.get().to_status == Status.PUBLISHED


def test_schedule_through_the_admin_shows_it_on_the_dashboard(client, draft, editor):
    client.force_login(editor)
    at = (timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    client.post(move_url(draft, "publish"), {"at": at.strftime("%Y-%m-%dT%H:%M")})
    draft.refresh_from_db()
    assert draft.is_scheduled() and draft.published_at == at
    index = client.get(reverse("admin:index")).content.decode()
    assert "Scheduled (1)" in index and draft.headline in index


# --- The publish gate ----------------------------------------------------------------


def test_unverified_quotes_need_a_confirmed_reason(client, draft, editor, make_quote):
    make_quote(article=draft)
    client.force_login(editor)
    page = client.get(move_url(draft, "publish"))
    assert b"1 quote not verified" in page.content

    refused = client.post(move_url(draft, "publish"), {"note": ""})
    assert refused.status_code == 200
    assert refused.context["form"].errors["note"]
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT

    client.post(move_url(draft, "publish"), {"note": "Speaker confirmed by phone."})
    draft.refresh_from_db()
    assert draft.is_published()
    note = draft.transitions.get().note
    assert "1 unverified quote" in note and "Speaker confirmed by phone." in note


def test_the_gate_also_guards_the_bulk_action(client, draft, editor, make_quote):
    make_quote(article=draft)
    client.force_login(editor)
    changelist = reverse("admin:articles_article_changelist")
    page = client.post(
        changelist, action_data("publish_selected", [draft], apply="yes")
    )
    assert page.status_code == 200 and page.context["form"].errors["note"]
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    client.post(
        changelist, action_data("publish_selected", [draft], apply="yes", note="OK'd")
    )
    draft.refresh_from_db()
    assert draft.is_published()


def test_verified_or_rejected_quotes_need_no_reason(draft, editor, make_quote):
    make_quote(article=draft, status=Quote.Status.VERIFIED)
    workflow.publish(draft, editor)
    assert draft.is_published()
    with pytest.raises(workflow.UnverifiedQuotes):
        other = make_quote().article
        other.status = Status.IN_REVIEW
        other.save()
        workflow.publish(other, editor)


# --- Corrections ---------------------------------------------------------------------


def test_editor_adds_a_correction_to_a_published_story(client, make_article, editor):
    article = make_article()
    client.force_login(editor)
    page = client.get(change_url(article))
    data = form_data(
        page,
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-kind": "correction",
            "corrections-0-note": "An earlier version misspelled the minister's name.",
        },
    )
    assert client.post(change_url(article), data).status_code == 302
    correction = Correction.objects.get(article=article)
    assert correction.created_by == editor


def test_reporters_cannot_add_corrections(client, make_article, reporter):
    client.force_login(reporter)
    url = reverse("admin:articles_correction_add")
    assert client.get(url).status_code == 403
    article = make_article(created_by=reporter)
    data = form_data(
        client.get(change_url(article)),
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-kind": "correction",
            "corrections-0-note": "Sneaky.",
        },
    )
    assert client.post(change_url(article), data).status_code == 403
    assert not Correction.objects.exists()


# --- Revisions -----------------------------------------------------------------------


def edit(client, article, **changes):
    page = client.get(change_url(article))
    response = client.post(change_url(article), form_data(page, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()


def test_every_save_keeps_a_revision_that_can_be_compared_and_restored(
    client, make_article, editor
):
    article = make_article(body="The minister said no.")
    client.force_login(editor)
    edit(client, article, body="The minister said <script>yes</script>.")
    edit(client, article, body="The minister said maybe.")
    versions = list(Version.objects.get_for_object(article))  # newest first
    assert len(versions) == 2
    assert versions[0].revision.user == editor

    history = client.get(reverse("admin:articles_article_history", args=(article.pk,)))
    assert b"Compare selected revisions" in history.content
    compare = client.get(
        reverse("admin:articles_article_compare", args=(article.pk,)),
        {"from": versions[1].pk, "to": versions[0].pk},
    ).content.decode()
    assert "<del>&lt;script&gt;yes&lt;/script&gt;.</del>" in compare
    assert "<ins>maybe.</ins>" in compare
    assert "<script>yes" not in compare

    workflow.unpublish(article, editor)
    article.refresh_from_db()
    version_before = article.version
    restore = reverse(
        "admin:articles_article_revision", args=(article.pk, versions[1].pk)
    )
    page = client.get(restore)
    assert client.post(restore, form_data(page)).status_code == 302
    article.refresh_from_db()
    assert article.body == "The minister said <script>yes</script>."
    assert article.status == Status.ARCHIVED  # the workflow state is not restored
    assert article.version > version_before


def test_reporter_cannot_restore_over_a_published_story(client, make_article, editor):
    reporter = make_user("reporter")
    article = make_article(status=Status.DRAFT, created_by=reporter, body="One.")
    client.force_login(reporter)
    edit(client, article, body="Two.")
    version = Version.objects.get_for_object(article).first()
    workflow.submit_for_review(article, reporter)
    workflow.publish(article, editor)
    restore = reverse("admin:articles_article_revision", args=(article.pk, version.pk))
    assert client.post(restore, {"headline": "x"}).status_code == 403


def test_prune_revisions_keeps_the_newest(client, make_article, editor):
    article = make_article()
    client.force_login(editor)
    for n in range(4):
        edit(client, article, body=f"Version {n}.")
    newest = Version.objects.get_for_object(article).first()
    out = io.StringIO()
    call_command("prune_revisions", keep=2, stdout=out)
    remaining = Version.objects.get_for_object(article)
    assert remaining.count() == 2
    assert remaining.first() == newest
    assert "Kept the newest 2" in out.getvalue()


# --- Optimistic locking --------------------------------------------------------------


def test_a_concurrent_save_is_refused_and_the_text_shown_back(
    client, make_article, editor
):
    article = make_article(body="Original text.")
    other = make_user("editor")
    client.force_login(editor)
    mine = client.get(change_url(article))  # I open the story …

    client.force_login(other)  # … someone else opens and saves it first
    edit(client, article, body="Their text.")

    client.force_login(editor)
    response = client.post(
        change_url(article), form_data(mine, body="My careful rewrite.")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this story" in page
    assert page.count("My careful rewrite.") >= 2  # in the form and the conflict box
    assert "<del>Their</del>" in page  # the diff against the saved version
    article.refresh_from_db()
    assert article.body == "Their text."

    # Resubmitting the stale form is refused again; reloading gives a fresh version.
    again = client.post(change_url(article), response.context["adminform"].form.data)
    assert again.status_code == 200
    edit(client, article, body="My careful rewrite.")
    assert article.body == "My careful rewrite."


def test_a_workflow_move_also_invalidates_open_forms(client, draft, editor):
    client.force_login(editor)
    page = client.get(change_url(draft))
    workflow.submit_for_review(draft, editor)
    response = client.post(change_url(draft), form_data(page, body="Late edit."))
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.body != "Late edit."


# --- Preview -------------------------------------------------------------------------


def test_staff_preview_a_draft_with_the_public_template(client, draft, editor):
    client.force_login(editor)
    response = client.get(preview_url(draft))
    assert response.status_code == 200
    assert "articles/article_detail.html" in [t.name for t in response.templates]
    assert draft.headline in response.content.decode()
    assert response["X-Robots-Tag"].startswith("noindex")


def test_anonymous_without_a_link_gets_404(client, draft):
    assert client.get(preview_url(draft)).status_code == 404
    assert client.get(preview_url(draft) + "?token=forged").status_code == 404
    detail = reverse("articles:detail", kwargs={"slug": draft.slug})
    assert client.get(detail).status_code == 404


def test_a_signed_link_works_until_it_expires(client, draft, make_article, settings):
    settings.PREVIEW_LINK_MAX_AGE = 3600
    assert client.get(preview_url(draft, signed=True)).status_code == 200

    other = make_article(status=Status.DRAFT)
    token = preview_url(other, signed=True).split("token=")[1]
    assert client.get(f"{preview_url(draft)}?token={token}").status_code == 404

    real_time = time.time
    signing.time.time = lambda: real_time() - 3601  # a link made an hour ago
    try:
        expired = preview_url(draft, signed=True)
    finally:
        signing.time.time = real_time
    assert client.get(expired).status_code == 404


def test_the_change_page_offers_preview_and_a_share_link(client, draft, editor):
    client.force_login(editor)
    page = client.get(change_url(draft)).content.decode()
    assert preview_url(draft) in page
    assert "?token=" in page and "expires in" in page


def test_corrections_attach_only_to_stories_readers_have_seen(client, draft, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_correction_add"),
        {"article": draft.pk, "kind": "correction", "note": "Too early."},
    )
    assert response.status_code == 200 and response.context["adminform"].form.errors
    assert not Correction.objects.exists()
