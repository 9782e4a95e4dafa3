import pytest

from tests import factories


@pytest.fixture
def make_article(db):
    return factories.make_article


@pytest.fixture
def make_actor(db):
    return factories.make_actor


@pytest.fixture
def make_quote(db):
    return factories.make_quote
