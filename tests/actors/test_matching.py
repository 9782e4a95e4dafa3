"""Matching extracted actors to the actors in the database (actors.matching)."""

import pytest

from actors.extraction import ExtractedActor, name_key
from actors.matching import ActorIndex, is_mixed_script, save_actors
from actors.models import Actor, Alias
from tests.factories import make_actor

PERSON, ORGANIZATION = Actor.Kind.PERSON, Actor.Kind.ORGANIZATION


@pytest.mark.parametrize(
    ("name", "mixed"),
    [
        ("Vladimir Putin", False),
        ("Владимир Путин", False),
        ("Volodymyr Zelenskyy", False),
        ("José Martí", False),
        ("Vl\u0430dimir Putin", True),
        ("Ολυμπία Smith", True),
        ("O'Neil-Smith Jr.", False),
    ],
)
def test_is_mixed_script(name, mixed):
    assert is_mixed_script(name) is mixed


@pytest.mark.django_db
def test_an_actor_is_found_by_name_and_by_a_full_alias():
    rubio = make_actor(name="Marco Rubio", aliases=["Marco Antonio Rubio"])
    index = ActorIndex.load()
    assert index.find("Marco Rubio", PERSON) == rubio.pk
    assert index.find("Marco A. Rubio", PERSON, aliases=["Marco Antonio Rubio"]) == (
        rubio.pk
    )
    assert index.find("Marco Rubio", ORGANIZATION) is None


@pytest.mark.django_db
def test_a_lone_word_matches_only_where_an_editor_put_it():
    make_actor(name="Ann Davis", aliases=["Davis"])
    verified = make_actor(name="Volodymyr Zelenskyy", is_verified=True)
    Alias.objects.create(actor=verified, name="Zelenskiy")
    index = ActorIndex.load()
    assert index.find("Jo Davis", PERSON, aliases=["Davis"]) is None
    assert index.find("Zelenskiy", PERSON) == verified.pk
    assert name_key("Davis") not in index.known
    assert index.known[name_key("Zelenskiy")] == ("Volodymyr Zelenskyy", PERSON)


@pytest.mark.django_db
def test_a_name_shared_by_two_actors_is_not_known():
    make_actor(name="John Smith")
    make_actor(name="John Smith", kind=ORGANIZATION, slug="john-smith-2")
    index = ActorIndex.load()
    assert name_key("John Smith") not in index.known


@pytest.mark.django_db
def test_a_mixed_script_name_never_matches_the_real_actor():
    putin = make_actor(name="Vladimir Putin", is_verified=True)
    index = ActorIndex.load()
    assert index.find("Vl\u0430dimir Putin", PERSON) is None
    assert index.find("Vladimir Putin", PERSON) == putin.pk


@pytest.mark.django_db
def test_save_actors_creates_new_actors_and_updates_the_index_only_on_commit():
    existing = make_actor(name="Marco Rubio")
    index = ActorIndex.load()
    extracted = [
        ExtractedActor("Marco Rubio", PERSON, aliases=("Rubio",)),
        ExtractedActor("Jane Roe", PERSON, aliases=("Roe", "Ms. Jane Roe")),
    ]
    ids, warnings, on_commit = save_actors(
        index,
        extracted,
        slugs=lambda names: [n.lower().replace(" ", "-") for n in names],
    )
    roe = Actor.objects.get(name="Jane Roe")
    assert ids == {"Marco Rubio": existing.pk, "Jane Roe": roe.pk}
    assert warnings == []
    assert index.find("Jane Roe", PERSON) is None
    on_commit()
    assert index.find("Jane Roe", PERSON) == roe.pk
    assert index.find("Roe", PERSON, aliases=["Ms. Jane Roe"]) == roe.pk
    assert index.speaker_id("Jane Roe", {}) == roe.pk
    assert index.speaker_id(None, ids) is None
