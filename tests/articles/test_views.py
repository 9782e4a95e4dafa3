"""The reader-facing story pages: front page, archive, story, tag, search, corrections."""

import json
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.template.loader import get_template
from django.utils import timezone

from actors.models import Quote
from articles.models import Article, search_ranking, search_sql
from tests import factories as f

pytestmark = pytest.mark.django_db


class _Collector(HTMLParser):
    """Collects headings, JSON-LD blocks, meta tags and links from a page."""

    def __init__(self):
        super().__init__()
        self.headings, self.json_ld, self.meta, self.links = [], [], {}, []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True
            self.json_ld.append("")
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content"))
        if tag == "link":
            self.links.append(attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld[-1] += data


def parse(response):
    collector = _Collector()
    collector.feed(response.content.decode())
    return collector


def assert_headings_in_order(response):
    levels = parse(response).headings
    assert levels.count(1) == 1, levels
    assert levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


@pytest.fixture
def story():
    tag = f.make_tag(name="Diplomacy")
    source = f.make_source(name="Wire Co", url="https://wire.example/story")
    speaker = f.make_actor(name="Marco Rubio", title="Secretary of State")
    other = f.make_actor(name="Mike Waltz", kind="person")
    body = (
        'Rubio spoke on Monday. "We want peace now," Rubio said.\n\n'
        'Waltz added that "talks are hard" and left.'
    )
    article = f.make_article(
        headline="Talks begin in Riyadh",
        standfirst="Envoys meet for the first time.",
        body=body,
        byline="Jane Doe",
        source=source,
        related_headline="Earlier: envoys named",
        dateline_date=timezone.now().date(),
        tags=[tag],
    )
    f.make_mention(actor=speaker, article=article, first_offset=0)
    f.make_mention(actor=other, article=article, first_offset=60)
    f.make_quote(article=article, speaker=speaker, text="We want peace now,")
    f.make_quote(
        article=article, speaker=other, text="talks are hard", status="verified"
    )
    return article


# --- Front page and archive ------------------------------------------------------
def test_front_page_leads_with_the_newest_story_then_sections(client):
    tag = f.make_tag(name="Economy")
    oldest = f.make_article(
        headline="Oldest story",
        published_at=timezone.now() - timedelta(days=9),
        tags=[tag],
    )
    for n in range(7):
        f.make_article(published_at=timezone.now() - timedelta(days=n), tags=[tag])
    lead = f.make_article(headline="Newest story", published_at=timezone.now())
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["lead"] == lead
    assert len(response.context["latest"]) == 6
    html = response.content.decode()
    assert 'class="story-card story-card--lead"' in html
    assert html.index("Newest story") < html.index("Oldest story")
    [section] = response.context["sections"]
    assert section.name == "Economy"
    # Sections go on past what the top of the page shows, without repeating it.
    shown = {response.context["lead"], *response.context["latest"]}
    assert oldest in section.latest
    assert not shown & set(section.latest)
    assert_headings_in_order(response)


def test_front_page_without_stories_says_so(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "No stories yet" in response.content.decode()


def test_archive_filters_by_tag_source_actor_dates_and_words(client):
    tag, source = f.make_tag(name="Energy"), f.make_source(name="Daily")
    actor = f.make_actor(name="Ann Example")
    tagged = f.make_article(headline="Tagged piece", tags=[tag])
    sourced = f.make_article(headline="Sourced piece", source=source)
    featuring = f.make_article(headline="Featuring piece")
    f.make_mention(actor=actor, article=featuring)
    old = f.make_article(
        headline="Ancient piece", published_at=timezone.now() - timedelta(days=400)
    )
    worded = f.make_article(headline="Pipeline tariffs explained")

    def headlines(query):
        response = client.get("/stories/" + query)
        assert response.status_code == 200
        return {a.headline for a in response.context["page_obj"]}

    assert headlines(f"?tag={tag.slug}") == {tagged.headline}
    assert headlines(f"?source={source.slug}") == {sourced.headline}
    assert headlines(f"?actor={actor.slug}") == {featuring.headline}
    before = (timezone.now() - timedelta(days=100)).date().isoformat()
    assert headlines(f"?date_before={before}") == {old.headline}
    assert old.headline not in headlines(f"?date_after={before}")
    assert headlines("?q=tariffs") == {worded.headline}


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=999999",
        "?page=-1",
        "?date_after=notadate",
        "?tag=no-such-tag",
        "?actor=nobody",
        "?source=999",
        "?q=" + "x" * 5000,
    ],
)
def test_archive_survives_junk_parameters(client, query):
    f.make_article()
    response = client.get("/stories/" + query)
    assert response.status_code == 200


def test_junk_filter_shows_the_error_instead_of_wrong_results(client):
    f.make_article()
    response = client.get("/stories/?date_after=notadate")
    assert "Enter a valid date." in response.content.decode()
    assert len(response.context["page_obj"]) == 0


def test_pagination_keeps_the_filters(client):
    tag = f.make_tag(name="Paged")
    for _ in range(25):
        f.make_article(tags=[tag])
    response = client.get(f"/stories/?tag={tag.slug}")
    html = response.content.decode()
    assert f'href="?tag={tag.slug}&amp;page=2"' in html
    response = client.get(f"/stories/?tag={tag.slug}&page=2")
    assert len(response.context["page_obj"]) == 5


# --- The story page -------------------------------------------------------------
def test_story_page_shows_the_story_and_its_furniture(client, story):
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Talks begin in Riyadh",
        "Envoys meet for the first time.",
        "By Jane Doe",
        '<a href="https://wire.example/story" rel="noopener">Wire Co</a>',
        "Earlier: envoys named",
        '<a href="/tags/diplomacy/">Diplomacy</a>',
        "People in this story",
        "Secretary of State",
        'class="dateline"',
        "Published <time",
    ]:
        assert text in html, text
    assert_headings_in_order(response)


def test_story_body_marks_up_quotes_with_a_link_to_the_speaker(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    quote = Quote.objects.get(text="We want peace now,")
    assert (
        f'<q id="quote-{quote.pk}" cite="#quote-{quote.pk}" '
        f'data-speaker="Marco Rubio">We want peace now,</q>&quot;'
        ' <a class="speaker" href="/actors/marco-rubio/">' in html
    )
    assert html.count("<p>") >= 2  # paragraphs kept


def test_rejected_quotes_are_not_marked_up(client, story):
    Quote.objects.filter(text="talks are hard").update(status=Quote.Status.REJECTED)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<q" not in html.split("talks are hard")[0].rsplit("<p>", 1)[1]


def test_story_page_carries_canonical_opengraph_and_twitter_tags(client, story):
    page = parse(client.get(story.get_absolute_url()))
    canonical = [link for link in page.links if link.get("rel") == "canonical"]
    assert canonical[0]["href"].endswith("/stories/talks-begin-in-riyadh/")
    assert page.meta["og:type"] == ["article"]
    assert page.meta["og:title"] == ["Talks begin in Riyadh"]
    assert page.meta["og:url"] == [canonical[0]["href"]]
    assert page.meta["twitter:card"] == ["summary"]
    assert page.meta["article:tag"] == ["Diplomacy"]
    feeds = [link["href"] for link in page.links if link.get("rel") == "alternate"]
    assert "/feeds/rss/" in feeds and "/feeds/atom/" in feeds


def test_story_json_ld_is_a_news_article_with_mentions_quotes_corrections(
    client, story
):
    f.make_correction(article=story, note="The meeting was on Tuesday.")
    page = parse(client.get(story.get_absolute_url()))
    [raw] = page.json_ld
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Talks begin in Riyadh"
    assert {m["name"] for m in data["mentions"]} == {"Marco Rubio", "Mike Waltz"}
    assert data["mentions"][0]["@type"] == "Person"
    quotation = data["hasPart"][0]
    assert quotation["@type"] == "Quotation"
    assert quotation["spokenByCharacter"]["name"] == "Marco Rubio"
    assert quotation["creator"]["name"] == "Marco Rubio"
    assert data["correction"][0]["@type"] == "CorrectionComment"
    assert "Tuesday" in data["correction"][0]["text"]
    assert data["author"] == {"@type": "Person", "name": "Jane Doe"}


def test_story_page_shows_correction_notes(client, story):
    f.make_correction(article=story, kind="update", note="Adds the minister's reply.")
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Corrections and updates" in html
    assert "Adds the minister&#x27;s reply." in html


def test_related_stories_rank_shared_actors_and_tags_above_recency(client, story):
    speaker = story.mentions.get(actor__name="Marco Rubio").actor
    unrelated = f.make_article(headline="Unrelated newest", published_at=timezone.now())
    shares_tag = f.make_article(headline="Shares a tag", tags=story.tags.all())
    shares_actor = f.make_article(headline="Shares an actor")
    f.make_mention(actor=speaker, article=shares_actor)
    response = client.get(story.get_absolute_url())
    related = list(response.context["related"])
    assert related == [shares_actor, shares_tag]
    assert unrelated not in related


HOSTILE = '<script>alert("x")</script>'


def test_imported_markup_is_escaped_everywhere_on_the_story_page(client):
    actor = f.make_actor(name=f"Evil {HOSTILE} Actor")
    article = f.make_article(
        headline=f"Head {HOSTILE}",
        standfirst=f"Stand {HOSTILE}",
        body=f"Body {HOSTILE} and {HOSTILE} again.",
        byline=f"By {HOSTILE}",
        related_headline=f"Rel {HOSTILE}",
    )
    f.make_mention(actor=actor, article=article)
    f.make_quote(article=article, speaker=actor, text=f"{HOSTILE} again")
    f.make_correction(article=article, note=f"Note {HOSTILE}")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    [raw] = parse(client.get(article.get_absolute_url())).json_ld
    assert "<" not in raw and ">" not in raw
    assert json.loads(raw)["headline"] == f"Head {HOSTILE}"


def test_unknown_story_is_a_friendly_404(client):
    response = client.get("/stories/no-such-story/")
    assert response.status_code == 404
    assert "We couldn’t find that page" in response.content.decode()


def test_staff_preview_an_unpublished_story_at_its_url(client):
    draft = f.make_article(status=Article.Status.DRAFT, headline="Draft headline")
    staff = f.make_user(is_staff=True)
    client.force_login(staff)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: this story is draft" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


# --- Tags, search, corrections, robots, errors ----------------------------------
def test_tag_page_lists_its_stories_and_advertises_its_feeds(client):
    tag = f.make_tag(name="Climate")
    mine = f.make_article(headline="Glaciers", tags=[tag])
    f.make_article(headline="Other topic")
    response = client.get(tag.get_absolute_url())
    assert list(response.context["page_obj"]) == [mine]
    feeds = [
        link["href"] for link in parse(response).links if link.get("rel") == "alternate"
    ]
    assert "/tags/climate/rss/" in feeds and "/tags/climate/atom/" in feeds
    assert_headings_in_order(response)


def test_tag_without_published_stories_is_404(client):
    tag = f.make_tag(name="Embargoed")
    f.make_article(status=Article.Status.DRAFT, tags=[tag])
    assert client.get(tag.get_absolute_url()).status_code == 404


def test_search_finds_words_and_highlights_them_safely(client):
    f.make_article(
        headline="Ceasefire talks",
        body="A <b>bold</b> ceasefire plan was discussed at length.",
    )
    f.make_article(headline="Football results", body="Nothing to see.")
    response = client.get("/search/?q=ceasefire")
    assert response.status_code == 200
    assert [a.headline for a in response.context["page_obj"]] == ["Ceasefire talks"]
    html = response.content.decode()
    assert re.search(r"<mark>ceasefire</mark>", html, re.IGNORECASE)
    snippet = str(response.context["page_obj"][0].snippet)
    assert "<b>" not in snippet  # PostgreSQL drops the tags, SQLite escapes them
    assert "bold" in snippet


def test_search_ranks_headline_matches_first_on_postgresql(client, settings):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("ranking needs PostgreSQL full-text search")
    f.make_article(headline="Budget news", body="The tariff was mentioned once.")
    f.make_article(headline="Tariff war escalates", body="Tariffs everywhere.")
    response = client.get("/search/?q=tariff")
    headlines = [a.headline for a in response.context["page_obj"]]
    assert headlines[0] == "Tariff war escalates"


def test_search_ranks_only_the_newest_matches_and_links_to_all(client, monkeypatch):
    """Ranking reads every candidate's search document: only the newest are ranked,
    and the archive lists every match, newest first."""
    from articles import models as article_models
    from articles import views as article_views

    monkeypatch.setattr(article_models, "SEARCH_WINDOW", 2)
    monkeypatch.setattr(article_views, "SEARCH_WINDOW", 2)
    stories = [
        f.make_article(
            headline=f"Harbour story {n}",
            body="The harbour reopened.",
            published_at=timezone.now() - timedelta(days=n),
        )
        for n in range(3)
    ]
    response = client.get("/search/?q=harbour")
    assert set(response.context["page_obj"]) == set(stories[:2])
    html = response.content.decode()
    assert "The best of the 2 newest stories matching" in html
    assert 'href="/stories/?q=harbour"' in html
    archive = client.get("/stories/?q=harbour")
    assert list(archive.context["page_obj"]) == stories


def test_search_counts_results_below_the_window(client):
    f.make_article(headline="Lone lighthouse", body="A lighthouse keeper spoke.")
    html = client.get("/search/?q=lighthouse").content.decode()
    assert "1 result for “lighthouse”" in html
    assert "<mark>lighthouse</mark>" in html


@pytest.mark.parametrize(
    "query", ["", "?q=", "?q=" + "y" * 5000, "?q=a%20%26%20!(", "?page=x"]
)
def test_search_survives_odd_queries(client, query):
    f.make_article()
    assert client.get("/search/" + query).status_code == 200


def test_corrections_page_lists_notes_on_published_stories_only(client):
    response = client.get("/corrections/")
    assert response.status_code == 200
    assert "No corrections yet." in response.content.decode()
    story = f.make_article(headline="Corrected story")
    draft = f.make_article(status=Article.Status.DRAFT, headline="Secret draft")
    f.make_correction(article=story, note="Fixed the date.")
    f.make_correction(article=draft, note="Hidden note.")
    html = client.get("/corrections/").content.decode()
    assert "Fixed the date." in html and "Corrected story" in html
    assert "Hidden note." not in html and "Secret draft" not in html


def test_robots_txt_points_to_the_sitemaps(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http" in text and "/sitemap.xml" in text
    assert "/news-sitemap.xml" in text


def test_500_template_renders_without_context_or_database():
    html = get_template("500.html").render({})
    assert "Something went wrong" in html


# --- HTTP caching ---------------------------------------------------------------
PUBLIC_URLS = [
    "/",
    "/stories/",
    "/search/?q=x",
    "/corrections/",
    "/actors/",
    "/quotes/",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_do_not_vary_on_cookie_and_answer_304(client, url):
    f.make_article()
    response = client.get(url)
    assert response.status_code == 200
    assert "cookie" not in response.get("Vary", "").lower()
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_story_page_answers_conditional_requests(client, story):
    response = client.get(story.get_absolute_url())
    assert "cookie" not in response.get("Vary", "").lower()
    again = client.get(
        story.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
    )
    assert again.status_code == 304


def test_search_uses_the_gin_index_on_postgresql():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("GIN indexes exist only on PostgreSQL")
    # Enough published stories that only the GIN index can narrow the search down.
    published = {"status": Article.Status.PUBLISHED, "published_at": timezone.now()}
    Article.objects.bulk_create(
        Article(headline=f"Story {n}", slug=f"story-{n}", body="Talks.", **published)
        for n in range(2000)
    )
    sql, params = search_sql("ceasefire")
    with connection.cursor() as cursor:
        # New entries wait in the GIN index's pending list, which the planner
        # counts against it, until a vacuum or this moves them into the index.
        cursor.execute("SELECT gin_clean_pending_list('article_search_gin')")
        cursor.execute("ANALYZE articles_article")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "article_search_gin" in plan, plan


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/stories/",
        "/stories/talks-begin-in-riyadh/",
        "/tags/diplomacy/",
        "/search/?q=talks",
        "/corrections/",
        "/actors/",
        "/actors/marco-rubio/",
        "/quotes/",
        "/no-such-page/",
    ],
)
def test_every_page_has_one_h1_ordered_headings_and_landmarks(client, story, url):
    f.make_correction(article=story)
    response = client.get(url)
    assert_headings_in_order(response)
    html = response.content.decode()
    for landmark in [
        '<header class="masthead">',
        "<nav ",
        '<main id="main"',
        "<footer ",
    ]:
        assert landmark in html, landmark
    assert '<a class="skip-link" href="#main">' in html
    assert "csrfmiddlewaretoken" not in html


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=%00",
        "/search/?q=war%00peace",
        "/stories/?q=%00",
        "/stories/?page=%00",
        "/quotes/?speaker=%00",
        "/actors/?q=%00",
    ],
)
def test_nul_bytes_in_the_query_are_refused_not_a_500(client, url):
    f.make_article()
    assert client.get(url).status_code in (200, 400)


def test_search_follows_edits_saves_and_bulk_updates(client):
    """On PostgreSQL the stored search document is kept by a trigger."""
    article = f.make_article(headline="Plain news", body="Nothing to see.")
    assert search_ranking("zeppelin")[0] == []
    article.body = "A zeppelin landed."
    article.save()
    assert search_ranking("zeppelin")[0] == [article.pk]
    Article.objects.filter(pk=article.pk).update(headline="Airship over town")
    assert search_ranking("airship")[0] == [article.pk]
    Article.objects.filter(pk=article.pk).update(body="Quiet again.")
    assert search_ranking("zeppelin")[0] == []
    [found] = client.get("/search/?q=airship").context["page_obj"]
    assert "search_document" in found.get_deferred_fields()


def test_front_page_sections_follow_the_newest_stories(client, monkeypatch):
    """Topics are ranked over the newest stories only, not the whole archive."""
    from articles import front_page

    old_topic, new_topic = f.make_tag(name="Old topic"), f.make_tag(name="New topic")
    for n in range(5):
        f.make_article(
            published_at=timezone.now() - timedelta(days=30 + n), tags=[old_topic]
        )
    for n in range(10):
        f.make_article(published_at=timezone.now() - timedelta(hours=n), tags=[])
    newer = f.make_article(
        published_at=timezone.now() - timedelta(hours=11), tags=[new_topic]
    )
    monkeypatch.setattr(front_page, "SECTION_WINDOW", 11)
    sections = list(client.get("/").context["sections"])
    assert [tag.name for tag in sections] == ["New topic"]
    assert sections[0].latest == [newer]
