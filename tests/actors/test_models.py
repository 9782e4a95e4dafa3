import pytest
from django.db import IntegrityError

from actors.models import Actor, Alias

pytestmark = pytest.mark.django_db


def test_actor_is_found_by_name_and_by_any_alias(make_actor):
    zelenskyy = make_actor(
        name="Volodymyr Zelenskyy", aliases=["Zelenskiy", "Zelensky"]
    )
    make_actor(name="Someone Else")
    for name in ["Volodymyr Zelenskyy", "zelenskiy", "ZELENSKY", " Zelenskiy "]:
        assert list(Actor.objects.matching(name)) == [zelenskyy]


def test_alias_lookup_ignores_accents_and_dots(make_actor):
    actor = make_actor(name="José Martí", aliases=["Mr. Martí"])
    assert list(Actor.objects.matching("Jose Marti")) == [actor]
    assert list(Actor.objects.matching("mr marti")) == [actor]


def test_an_actor_cannot_have_the_same_alias_twice(make_actor):
    actor = make_actor(aliases=["Rubio"])
    with pytest.raises(IntegrityError):
        Alias.objects.create(actor=actor, name="RUBIO")


def test_quote_span_must_not_be_empty(make_quote):
    with pytest.raises(IntegrityError):
        make_quote(start=5, end=5)
