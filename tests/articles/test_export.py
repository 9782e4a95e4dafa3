import io
import json

import pytest
from django.core.management import call_command

from actors.models import Actor, Quote
from tests.factories import make_actor, make_article, make_mention, make_quote

pytestmark = pytest.mark.django_db

KEYS = {"file", "headline", "status", "url", "people", "organizations", "quotes"}


def export(*args):
    out = io.StringIO()
    call_command("export_articles", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def imported_article(n, **overrides):
    body = f'Story {n}. Ann said "we will win" and "soon" today.'
    return make_article(
        import_key=f"{n:03d}.txt", body=body, content_hash=f"{n:064d}", **overrides
    )


def test_one_line_per_imported_article_with_the_agreed_keys():
    draft = imported_article(1, status="draft")
    imported_article(2)
    make_article(headline="Written in the CMS")  # not imported: not exported
    records = export()
    assert [r["file"] for r in records] == ["001.txt", "002.txt"]
    assert all(set(r) == KEYS for r in records)
    first = records[0]
    assert first["headline"] == draft.headline
    assert first["status"] == "draft"
    assert first["url"] == draft.get_absolute_url() == f"/stories/{draft.slug}/"


def test_people_and_organizations_in_order_of_appearance_without_places():
    article = imported_article(1)
    people = [make_actor(name="Zoe Ray"), make_actor(name="Ann Bell")]
    org = make_actor(name="Harbour Trust", kind=Actor.Kind.ORGANIZATION)
    place = make_actor(name="Ukraine", kind=Actor.Kind.PLACE)
    group = make_actor(name="Protesters", kind=Actor.Kind.GROUP)
    for offset, actor in enumerate([*people, org, place, group]):
        make_mention(actor=actor, article=article, first_offset=offset)
    record = export()[0]
    assert record["people"] == ["Zoe Ray", "Ann Bell"]
    assert record["organizations"] == ["Harbour Trust"]


def test_quotes_with_speakers_in_text_order_without_rejected_ones():
    article = imported_article(1)
    ann = make_actor(name="Ann")
    make_quote(article=article, text="soon", speaker=None, is_partial=True)
    make_quote(article=article, text="we will win", speaker=ann)
    make_quote(article=article, text="today", status=Quote.Status.REJECTED)
    assert export()[0]["quotes"] == [
        {"text": "we will win", "speaker": "Ann"},
        {"text": "soon", "speaker": None},
    ]
    assert export()[0]["people"] == ["Ann"]  # a speaker counts even if unmentioned


def test_query_count_does_not_grow_with_articles(django_assert_num_queries):
    ann = make_actor(name="Ann")
    for n in range(6):
        article = imported_article(n)
        make_mention(actor=ann, article=article)
        make_quote(article=article, text="we will win", speaker=ann)
    with django_assert_num_queries(3):  # articles, mentions+actors, quotes+speakers
        assert len(export()) == 6


def test_output_file_is_utf8_json_lines(tmp_path):
    imported_article(1, headline="Café “quotes” — ünïcode")
    target = tmp_path / "out.jsonl"
    call_command("export_articles", "--output", str(target), stdout=io.StringIO())
    lines = target.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["headline"] == "Café “quotes” — ünïcode"
    assert "“quotes”" in lines[0]  # not \u-escaped
