import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from actors.merging import merge_actors
from actors.models import Actor, Alias, Mention
from tests.admin_helpers import action_data
from tests.factories import (
    make_actor,
    make_article,
    make_mention,
    make_quote,
    make_user,
)

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:actors_actor_changelist")


@pytest.fixture
def pair():
    survivor = make_actor(name="Volodymyr Zelenskyy", aliases=["Zelensky"])
    duplicate = make_actor(
        name="Zelenskiy", title="President", aliases=["V. Zelenskiy", "Zelensky"]
    )
    return survivor, duplicate


def test_merge_moves_quotes_mentions_and_aliases(pair):
    survivor, duplicate = pair
    shared, only_dup = make_article(), make_article()
    quote = make_quote(article=only_dup, speaker=duplicate)
    make_mention(actor=survivor, article=shared, first_offset=40, count=2)
    make_mention(actor=duplicate, article=shared, first_offset=10, count=3)
    make_mention(actor=duplicate, article=only_dup)
    member = make_actor(affiliation=duplicate)

    assert merge_actors(survivor, [survivor, duplicate]) == 1

    assert not Actor.objects.filter(pk=duplicate.pk).exists()
    quote.refresh_from_db()
    assert quote.speaker == survivor
    combined = Mention.objects.get(actor=survivor, article=shared)
    assert (combined.count, combined.first_offset) == (5, 10)
    assert Mention.objects.filter(actor=survivor).count() == 2
    names = set(Alias.objects.filter(actor=survivor).values_list("name", flat=True))
    assert names == {"Zelensky", "V. Zelenskiy", "Zelenskiy"}
    member.refresh_from_db()
    assert member.affiliation == survivor
    survivor.refresh_from_db()
    assert survivor.title == "President"  # blanks filled from the duplicate


def test_the_merged_name_finds_the_survivor(pair):
    """The importer looks speakers up with Actor.objects.matching(): old names work."""
    survivor, duplicate = pair
    merge_actors(survivor, [duplicate])
    assert list(Actor.objects.matching("Zelenskiy")) == [survivor]
    assert list(Actor.objects.matching("V. Zelenskiy")) == [survivor]


def test_merge_needs_the_permission(pair):
    survivor, duplicate = pair
    with pytest.raises(PermissionDenied):
        merge_actors(survivor, [duplicate], user=make_user("reporter"))
    assert Actor.objects.filter(pk=duplicate.pk).exists()


def test_editor_merges_through_the_admin_choosing_the_survivor(client, pair):
    survivor, duplicate = pair
    make_quote(speaker=duplicate)
    client.force_login(make_user("editor"))
    page = client.post(CHANGELIST, action_data("merge_selected", [survivor, duplicate]))
    assert page.status_code == 200
    assert b'name="survivor"' in page.content
    client.post(
        CHANGELIST,
        action_data(
            "merge_selected", [survivor, duplicate], apply="yes", survivor=survivor.pk
        ),
    )
    assert list(Actor.objects.all()) == [survivor]
    assert survivor.quotes.count() == 1


def test_reporters_cannot_merge_through_the_admin(client, pair):
    survivor, duplicate = pair
    client.force_login(make_user("reporter"))
    assert b"merge_selected" not in client.get(CHANGELIST).content
    client.post(
        CHANGELIST,
        action_data(
            "merge_selected", [survivor, duplicate], apply="yes", survivor=survivor.pk
        ),
    )
    assert Actor.objects.count() == 2


def test_the_importer_uses_aliases_from_a_merge_on_the_next_import(tmp_path):
    from articles.importer import import_seeds

    first = tmp_path / "first.txt"
    first.write_text(
        "The library will open on Sundays.\n\n"
        '"People asked for it for years," said board chair Ruth Adeyemi.\n'
    )
    import_seeds([first], publish=True)
    imported = Actor.objects.get(name="Ruth Adeyemi")
    survivor = make_actor(name="Ruth Abike Adeyemi", is_verified=True)
    merge_actors(survivor, [imported])

    second = tmp_path / "second.txt"
    second.write_text(
        "The library hired four more staff.\n\n"
        '"We need the help," said board chair Ruth Adeyemi.\n'
    )
    import_seeds([second], publish=True)

    assert not Actor.objects.filter(name="Ruth Adeyemi").exists()
    assert survivor.quotes.count() == 2
