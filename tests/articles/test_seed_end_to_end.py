"""The repository's own seed, through the real command and the real export."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from actors.models import Actor
from articles.models import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported():
    call_command("import_seeds", str(SEEDS), stdout=io.StringIO())
    out = io.StringIO()
    call_command("export_articles", stdout=out)
    (line,) = out.getvalue().splitlines()
    return json.loads(line)


def test_seed_people_come_out_exactly(exported):
    assert sorted(exported["people"]) == sorted(
        [
            "Donald Trump",
            "Vladimir Putin",
            "Steve Witkoff",
            "Marco Rubio",
            "Mike Waltz",
            "Volodymyr Zelenskiy",
            "Alexander Grushko",
        ]
    )


def test_seed_organizations_exclude_countries(exported):
    organizations = {
        name.removeprefix("the ").casefold() for name in exported["organizations"]
    }
    assert {
        "kremlin",
        "nato",
        "council on foreign relations",
        "russian government",
    } <= organizations
    assert not organizations & {
        "ukraine",
        "russia",
        "united states",
        "britain",
        "france",
    }


def test_seed_quotes_are_exact_and_attributed(exported):
    assert exported["quotes"] == [
        {
            "text": "We want to see if we can bring that war to an end.",
            "speaker": "Donald Trump",
        },
        {"text": "ironclad", "speaker": "Russian government"},
    ]


def test_seed_story_keeps_its_tags_date_and_related_headline(exported):
    article = Article.objects.get(import_key=exported["file"])
    assert (
        exported["status"] == "draft" and exported["url"] == article.get_absolute_url()
    )
    assert sorted(article.tags.values_list("name", flat=True)) == sorted(
        [
            "United States",
            "Ukraine",
            "Russia",
            "Politics",
            "Breaking News: Politics",
            "Donald J. Trump",
            "business news",
        ]
    )
    assert article.dateline_date.isoformat() == "2025-03-16"
    assert article.related_headline.startswith("Trump Plans Crucial Talk with Putin")
    assert "Source link" not in article.body and "Check out this" not in article.body


def test_seed_quotes_are_partial_or_full_with_offsets_into_the_body(exported):
    article = Article.objects.get(import_key=exported["file"])
    quotes = {q.text: q for q in article.quotes.all()}
    trump, ironclad = quotes[exported["quotes"][0]["text"]], quotes["ironclad"]
    assert not trump.is_partial and ironclad.is_partial
    for quote in quotes.values():
        assert article.body[quote.start : quote.end] == quote.text
        assert quote.text in quote.sentence
    rubio = Actor.objects.get(name="Marco Rubio")
    assert rubio.title == "Secretary of State"
