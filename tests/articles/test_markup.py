"""Quote markup and search highlighting: pure functions over plain text."""

import re
from types import SimpleNamespace

import pytest

from articles.markup import (
    highlight_words,
    mark_up_paragraphs,
)


def quote(pk, body, text, speaker=None, verified=False):
    start = body.index(text)
    return SimpleNamespace(
        pk=pk,
        start=start,
        end=start + len(text),
        speaker=speaker,
        is_verified=lambda: verified,
    )


def speaker(name="Ann Lee", slug="ann-lee"):
    return SimpleNamespace(name=name, get_absolute_url=lambda: f"/actors/{slug}/")


def test_paragraphs_are_split_on_newlines_and_escaped():
    body = "One <b>bold</b> & more.\n\nTwo.\nThree."
    assert mark_up_paragraphs(body, []) == [
        "One &lt;b&gt;bold&lt;/b&gt; &amp; more.",
        "Two.",
        "Three.",
    ]


def test_a_quote_is_wrapped_and_credited_after_its_closing_mark():
    body = 'She said "we <will> win." Then left.'
    [html] = mark_up_paragraphs(body, [quote(7, body, "we <will> win.", speaker())])
    assert html == (
        'She said &quot;<q id="quote-7" cite="#quote-7" data-speaker="Ann Lee">'
        "we &lt;will&gt; win.</q>&quot;"
        ' <a class="speaker" href="/actors/ann-lee/">'
        '<span class="visually-hidden">said </span>Ann Lee</a> Then left.'
    )


def test_a_verified_quote_says_so():
    body = '"Yes," she said.'
    [html] = mark_up_paragraphs(body, [quote(1, body, "Yes,", speaker(), True)])
    assert "speaker--verified" in html and "(verified quote)" in html


def test_a_speaker_name_with_markup_is_escaped():
    body = '"Hi" there.'
    evil = speaker(name='<script>alert("x")</script>', slug="evil")
    [html] = mark_up_paragraphs(body, [quote(1, body, "Hi", evil)])
    assert "<script>" not in html
    assert 'data-speaker="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"' in html


def test_a_quote_over_two_paragraphs_is_marked_in_each_and_anchored_once():
    body = '"First part.\n\nSecond part." she said.'
    q = quote(3, body, "First part.\n\nSecond part.", speaker())
    first, second = mark_up_paragraphs(body, [q])
    assert first.count("<q") == 1 and 'id="quote-3"' in first
    assert second.count("<q") == 1 and 'id="quote-3"' not in second
    assert 'class="speaker"' in second and 'class="speaker"' not in first


def test_overlapping_quotes_do_not_nest():
    body = '"alpha beta gamma" end'
    outer = quote(1, body, "alpha beta gamma")
    inner = quote(2, body, "beta")
    [html] = mark_up_paragraphs(body, [inner, outer])
    assert html.count("<q") == 1
    assert 'id="quote-1"' in html


def test_a_quote_past_the_end_of_the_body_is_clipped():
    body = "Short body."
    broken = SimpleNamespace(pk=9, start=6, end=500, speaker=None)
    [html] = mark_up_paragraphs(body, [broken])
    assert html == 'Short <q id="quote-9" cite="#quote-9">body.</q>'


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("War & peace", ["war"], "<mark>War</mark> &amp; peace"),
        ("a <b>war</b>", ["war"], "a &lt;b&gt;<mark>war</mark>&lt;/b&gt;"),
        ("nothing here", ["absent"], "nothing here"),
        ("x", [], "x"),
    ],
)
def test_highlight_words_escapes_and_marks(text, words, expected):
    assert highlight_words(text, words) == expected


def test_highlight_words_cuts_an_extract_around_the_first_match():
    text = "a " * 400 + "needle" + " b" * 400
    html = highlight_words(text, ["needle"])
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>needle</mark>" in html


@pytest.mark.parametrize(
    "text, words, marked",
    [
        ("The teachers struck.", ["teacher"], ["teachers"]),
        ("One country, two countries.", ["countri"], ["country", "countries"]),
        ("Railway bridges & <roads>.", ["railway", "bridg"], ["Railway", "bridges"]),
        ("A preteacher is not marked.", ["teacher"], []),
    ],
)
def test_highlight_words_marks_whole_words_starting_with_a_stem(text, words, marked):
    html = str(highlight_words(text, words))
    assert re.findall(r"<mark>(.*?)</mark>", html) == marked
    assert "<roads>" not in html
