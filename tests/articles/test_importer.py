from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import F
from django.utils import timezone

from actors.extraction import ExtractedActor, ExtractedQuote, Extraction
from actors.models import Actor, Alias, Mention, Quote
from articles import importer
from articles.importer import Action, import_seeds
from articles.models import Article, Source, Tag
from tests.factories import make_actor

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data" / "seeds"
REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_f0f5015643b5d02c.txt"

STORY = (
    "On May 4, 2024, the harbour council met in the town hall. "
    "Mayor Ann Lee said, “We will rebuild the pier.” Lee left early.\n\n"
    "The Harbour Trust called the plan “reckless” in a statement.\n"
    "Source linkLocal News,Harbour\n"
)


def write(folder, name, text):
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def counts(report):
    return {action.value: n for action, n in report.counts.items() if n}


class FakeExtractor:
    """Stands in for extract(): finds the listed names and quotes by plain search."""

    def __init__(self):
        self.actors = []  # (name, kind, title, aliases, surface form searched)
        self.quotes = []  # (text, speaker, is_partial)
        self.known = []

    def person(self, name, *, kind="person", title="", aliases=(), find=None):
        self.actors.append((name, kind, title, tuple(aliases), find or name))

    def quote(self, text, speaker, partial=False):
        self.quotes.append((text, speaker, partial))

    def __call__(self, body, *, known=None):
        self.known.append(dict(known or {}))
        actors = tuple(
            ExtractedActor(
                name, kind, title, aliases, body.find(find), body.count(find)
            )
            for name, kind, title, aliases, find in self.actors
            if find in body
        )
        quotes = tuple(
            ExtractedQuote(text, start, start + len(text), text, partial, speaker)
            for text, speaker, partial in self.quotes
            if (start := body.find(text)) >= 0
        )
        return Extraction(actors, quotes)


@pytest.fixture
def extractor(monkeypatch):
    fake = FakeExtractor()
    monkeypatch.setattr(importer, "extract", fake)
    return fake


@pytest.fixture
def story(tmp_path):
    write(tmp_path, "harbour.txt", STORY)
    return tmp_path


# --- Creating, rerunning ------------------------------------------------------------


def test_first_run_creates_a_draft_with_source_tags_and_dates(story):
    report = import_seeds([story])
    assert counts(report) == {"created": 1}
    article = Article.objects.get()
    assert article.import_key == "harbour.txt"
    assert article.status == Article.Status.DRAFT and article.published_at is None
    assert article.headline == "The harbour council met in the town hall"
    assert article.slug == "the-harbour-council-met-in-the-town-hall"
    assert article.dateline_date == date(2024, 5, 4)
    assert article.version == article.import_version == 1
    assert article.source == Source.objects.get(slug="newsroom-import")
    assert article.source.kind == Source.Kind.AGGREGATOR
    assert sorted(article.tags.values_list("name", flat=True)) == [
        "Harbour",
        "Local News",
    ]
    assert article.body.endswith("in a statement.") and "\n\n" in article.body


def test_rerun_changes_nothing_and_says_so(story, extractor):
    extractor.person("Ann Lee", title="Mayor")
    import_seeds([story])
    before = list(Article.objects.values()), Actor.objects.count(), Tag.objects.count()
    report = import_seeds([story])
    assert counts(report) == {"unchanged": 1}
    assert str(report.results[0]) == "unchanged harbour.txt"
    after = list(Article.objects.values()), Actor.objects.count(), Tag.objects.count()
    assert after == before
    assert Source.objects.count() == 1


def test_rerun_costs_few_queries(story, django_assert_max_num_queries):
    for n in range(5):
        write(story, f"copy{n}.txt", STORY.replace("pier", f"pier number {n}"))
    import_seeds([story])
    # The actor index, then per file: savepoint, lookup, tags, release.
    with django_assert_max_num_queries(2 + 4 * 6):
        report = import_seeds([story])
    assert counts(report) == {"unchanged": 6}


def test_publish_publishes_now(story):
    import_seeds([story], publish=True)
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at <= timezone.now()
    assert article.is_published()
    transition = article.transitions.get()
    assert (transition.from_status, transition.to_status) == ("draft", "published")


def test_dry_run_writes_nothing_but_reports(story, extractor):
    extractor.person("Ann Lee")
    report = import_seeds([story], dry_run=True)
    assert counts(report) == {"created": 1}
    assert report.summary().startswith("Dry run, nothing written")
    assert not Article.objects.exists() and not Actor.objects.exists()
    assert not Tag.objects.exists() and not Source.objects.exists()
    # The dry run left no stale cache behind: a real run afterwards works.
    assert counts(import_seeds([story])) == {"created": 1}


def test_same_headline_gets_a_numbered_slug(tmp_path):
    write(tmp_path, "a.txt", "Rain is coming to the valley. Take a coat.")
    write(tmp_path, "b.txt", "Rain is coming to the valley. Stay home.")
    write(tmp_path, "c.txt", "Rain is coming to the valley. Or not.")
    import_seeds([tmp_path])
    assert sorted(Article.objects.values_list("slug", flat=True)) == [
        "rain-is-coming-to-the-valley",
        "rain-is-coming-to-the-valley-2",
        "rain-is-coming-to-the-valley-3",
    ]


def test_a_single_path_may_be_given_bare(story):
    assert counts(import_seeds(story / "harbour.txt")) == {"created": 1}


def test_folders_are_searched_recursively_in_name_order():
    report = import_seeds([DATA])
    names = [result.file_name for result in report.results]
    assert names == ["harbour.txt", "library.txt", "letter.txt"]
    assert counts(report) == {"created": 3}


# --- Duplicates, updates, conflicts -------------------------------------------------


def test_same_story_under_another_name_is_a_duplicate(story):
    write(story, "zz-copy.txt", STORY)
    report = import_seeds([story])
    assert counts(report) == {"created": 1, "duplicate": 1}
    assert report.results[1].reason == "same story as harbour.txt"
    assert Article.objects.count() == 1


def test_story_differing_only_in_whitespace_is_a_duplicate(story):
    import_seeds([story])
    body, trailer = STORY.split("Source link")
    spaced = "\ufeff" + body.replace(" ", "  \t").replace("\n", "\r\n\r\n")
    spaced += "Source link" + trailer
    write(story, "spaced.txt", spaced)
    report = import_seeds([story / "spaced.txt"])
    assert counts(report) == {"duplicate": 1}


def test_same_file_name_in_two_folders(tmp_path):
    write(tmp_path, "a/story.txt", "The first story is here.")
    write(tmp_path, "b/story.txt", "The first story is here.")
    write(tmp_path, "c/story.txt", "A different story with the same name.")
    report = import_seeds([tmp_path])
    assert [r.action for r in report.results] == [
        Action.CREATED,
        Action.DUPLICATE,
        Action.SKIPPED,
    ]
    assert Article.objects.count() == 1


def test_changed_file_updates_its_draft_and_replaces_quotes(story, extractor):
    extractor.person("Ann Lee", title="Mayor")
    extractor.quote("We will rebuild the pier.", "Ann Lee")
    import_seeds([story])
    article = Article.objects.get()
    write(story, "harbour.txt", STORY.replace("rebuild the pier", "repair the pier"))
    extractor.quotes = [("We will repair the pier.", "Ann Lee", False)]
    report = import_seeds([story])
    assert counts(report) == {"updated": 1}
    article.refresh_from_db()
    assert "repair the pier" in article.body
    assert article.version == article.import_version == 2
    assert article.slug == "the-harbour-council-met-in-the-town-hall"  # URL kept
    assert list(Quote.objects.values_list("text", flat=True)) == [
        "We will repair the pier."
    ]
    assert Mention.objects.count() == 1


def test_changed_tags_alone_update_the_draft(story):
    import_seeds([story])
    write(story, "harbour.txt", STORY.replace("Local News,Harbour", "Harbour,Weather"))
    assert counts(import_seeds([story])) == {"updated": 1}
    tags = Article.objects.get().tags.values_list("name", flat=True)
    assert sorted(tags) == ["Harbour", "Weather"]


def test_editor_changed_article_is_a_conflict_not_overwritten(story):
    import_seeds([story])
    Article.objects.update(headline="Edited by a human", version=F("version") + 1)
    write(story, "harbour.txt", STORY.replace("pier", "jetty"))
    report = import_seeds([story])
    assert counts(report) == {"conflict": 1}
    assert "changed by an editor" in report.results[0].reason
    article = Article.objects.get()
    assert article.headline == "Edited by a human" and "pier" in article.body


def test_reviewed_quotes_make_a_conflict(story, extractor):
    extractor.quote("We will rebuild the pier.", None)
    import_seeds([story])
    Quote.objects.update(status=Quote.Status.VERIFIED)
    write(story, "harbour.txt", STORY.replace("town hall", "school hall"))
    report = import_seeds([story])
    assert counts(report) == {"conflict": 1}
    assert Quote.objects.get().status == Quote.Status.VERIFIED


def test_unchanged_file_of_an_edited_article_is_just_unchanged(story):
    import_seeds([story])
    Article.objects.update(version=F("version") + 1)
    assert counts(import_seeds([story])) == {"unchanged": 1}


# --- Failures -----------------------------------------------------------------------


def test_failure_leaves_nothing_half_written_and_others_import(tmp_path, monkeypatch):
    write(tmp_path, "a-bad.txt", "This story will fail halfway through saving.")
    write(tmp_path, "b-good.txt", "This story saves fine.")
    real = importer._Importer._attach

    def failing(self, article_id, seed, *args, **kwargs):
        if seed.file_name == "a-bad.txt":
            raise RuntimeError("disk on fire")
        return real(self, article_id, seed, *args, **kwargs)

    monkeypatch.setattr(importer._Importer, "_attach", failing)
    report = import_seeds([tmp_path])
    assert counts(report) == {"skipped": 1, "created": 1}
    assert report.results[0].reason == "unexpected error: RuntimeError: disk on fire"
    assert list(Article.objects.values_list("import_key", flat=True)) == ["b-good.txt"]
    assert report.rejected == 1


def test_hostile_files_are_skipped_with_one_line_reasons(tmp_path, settings):
    write(tmp_path, "nul.txt", b"Hello\x00world")
    write(tmp_path, "latin1.txt", b"Caf\xe9 au lait.")
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.txt", b" \n\n\t \r\n")
    write(tmp_path, "trailer.txt", "Source linkA,B\n")
    with (tmp_path / "huge.txt").open("wb") as huge:
        huge.write(b"All work and no play. " * (12 * 1024 * 1024 // 22 + 1))
    outside = write(tmp_path.parent / f"{tmp_path.name}-outside", "s.txt", "Secret.")
    (tmp_path / "link.txt").symlink_to(outside)
    (tmp_path / "linked-dir").symlink_to(outside.parent, target_is_directory=True)
    write(tmp_path, "\x1b[31mred\x1b[0m.txt", "A red file name.")
    write(tmp_path, "good.txt", "The only good story in the folder.")
    report = import_seeds([tmp_path])
    reasons = {r.file_name: r.reason for r in report.results}
    assert counts(report) == {"created": 1, "skipped": 9}
    assert "binary" in reasons["nul.txt"]
    assert "not UTF-8" in reasons["latin1.txt"]
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "only whitespace"
    assert reasons["trailer.txt"] == "no body text besides the trailer"
    assert "too large" in reasons["huge.txt"]
    assert "symbolic link" in reasons["link.txt"]
    assert "symbolic link" in reasons["linked-dir"]
    for result in report.results:
        line = str(result)
        assert line.isprintable(), line
    assert "\\x1b[31mred" in "".join(map(str, report.results))
    assert list(Article.objects.values_list("import_key", flat=True)) == ["good.txt"]
    assert not Article.objects.filter(body__contains="Secret").exists()


def test_stored_text_has_no_controls_bidi_or_bom_and_keeps_markup(tmp_path):
    text = (
        "\ufeffA \u202estory\u202c with \x07bells\x1b[0m and <script>alert(1)</script>."
        "\n\nSecond\u2066 para\u2069.\nSource linkTag\x01One"
    )
    write(tmp_path, "dirty.txt", text)
    report = import_seeds([tmp_path])
    article = Article.objects.get()
    assert article.body == (
        "A story with bells and <script>alert(1)</script>.\n\nSecond para."
    )
    assert list(article.tags.values_list("name", flat=True)) == ["TagOne"]
    assert "removed" in report.results[0].warnings[0]


def test_too_long_tag_is_dropped_with_a_warning(tmp_path):
    long_tag = "Very long tag " * 10
    write(tmp_path, "tags.txt", f"A story with tags.\nSource linkShort,{long_tag}\n")
    report = import_seeds([tmp_path])
    result = report.results[0]
    assert result.action == Action.CREATED
    assert "tag dropped, longer than 100 characters" in result.warnings[0]
    assert "warning: tag dropped" in str(result)
    assert list(Tag.objects.values_list("name", flat=True)) == ["Short"]


def test_tags_are_reused_whatever_their_case_and_slugs_stay_unique(tmp_path):
    Tag.objects.create(name="Politics!", slug="politics")
    Tag.objects.create(name="business news", slug="business-news")
    write(tmp_path, "t.txt", "A story.\nSource linkPolitics,Business News\n")
    import_seeds([tmp_path])
    tags = dict(Tag.objects.values_list("name", "slug"))
    assert tags == {
        "Politics!": "politics",
        "Politics": "politics-2",
        "business news": "business-news",
    }


# --- Actors, mentions, quotes -------------------------------------------------------


def test_new_actors_mentions_and_quotes_are_saved(story, extractor):
    extractor.person("Ann Lee", title="Mayor", aliases=("Lee",))
    extractor.person("Harbour Trust", kind="organization")
    extractor.quote("We will rebuild the pier.", "Ann Lee")
    extractor.quote("reckless", "Harbour Trust", partial=True)
    extractor.quote("council", "Someone Unknown", partial=True)
    import_seeds([story])
    article = Article.objects.get()
    lee = Actor.objects.get(name="Ann Lee")
    assert (lee.kind, lee.title, lee.is_verified) == ("person", "Mayor", False)
    assert list(lee.aliases.values_list("name", flat=True)) == ["Lee"]
    trust = Actor.objects.get(kind=Actor.Kind.ORGANIZATION)
    mention = Mention.objects.get(actor=lee)
    assert mention.first_offset == article.body.find("Ann Lee")
    assert mention.count == 1
    quotes = list(article.quotes.order_by("start"))
    assert [(q.text, q.speaker, q.is_partial) for q in quotes] == [
        ("council", None, True),
        ("We will rebuild the pier.", lee, False),
        ("reckless", trust, True),
    ]
    for quote in quotes:
        assert article.body[quote.start : quote.end] == quote.text


def test_quotes_outside_the_body_are_skipped(story, monkeypatch):
    def bad_extract(body, *, known=None):
        quote = ExtractedQuote("x", len(body), len(body) + 5, "", True, None)
        return Extraction((), (quote,))

    monkeypatch.setattr(importer, "extract", bad_extract)
    report = import_seeds([story])
    assert "quote skipped" in report.results[0].warnings[0]
    assert not Quote.objects.exists() and Article.objects.exists()


def test_unusable_actors_are_skipped_and_the_story_still_imports(story, extractor):
    extractor.person("Ann Lee " + "x" * 250, find="Ann Lee")
    extractor.person("Harbour Trust", kind="spaceship")
    extractor.quote("We will rebuild the pier.", "Harbour Trust")
    report = import_seeds([story])
    assert report.results[0].action == Action.CREATED
    assert [w.split(",")[0] for w in report.results[0].warnings] == [
        "actor skipped",
        "actor skipped",
    ]
    assert not Actor.objects.exists()
    assert Quote.objects.get().speaker is None


def test_existing_actor_is_matched_by_curated_alias(story, extractor):
    curated = make_actor(name="Ann Lee-Marsh", aliases=["Ann Lee"], is_verified=True)
    extractor.person("Ann Lee", title="Mayor", aliases=("Lee",))
    extractor.quote("We will rebuild the pier.", "Ann Lee")
    import_seeds([story])
    assert extractor.known[0]["ann lee"] == ("Ann Lee-Marsh", "person")
    assert Actor.objects.count() == 1
    assert Quote.objects.get().speaker == curated
    assert Mention.objects.get().actor == curated
    # A verified actor's aliases are the editors' to curate.
    assert list(curated.aliases.values_list("name", flat=True)) == ["Ann Lee"]


def test_alias_curated_between_imports_is_used_next_time(tmp_path, extractor):
    write(tmp_path, "one.txt", "Mayor Ann Lee opened the pier.")
    extractor.person("Ann Lee")
    import_seeds([tmp_path])
    lee = Actor.objects.get()
    Alias.objects.create(actor=lee, name="Mayor Lee")
    write(tmp_path, "two.txt", "Mayor Lee closed the pier.")
    extractor.actors = []
    extractor.person("Mayor Lee", find="Mayor Lee")
    import_seeds([tmp_path / "two.txt"])
    assert extractor.known[-1]["mayor lee"] == ("Ann Lee", "person")
    assert Actor.objects.count() == 1
    assert Mention.objects.filter(actor=lee).count() == 2


def test_existing_actor_is_matched_by_name_across_files(tmp_path, extractor):
    write(tmp_path, "one.txt", "Ann Lee opened the pier.")
    write(tmp_path, "two.txt", "Ann Lee closed the pier.")
    extractor.person("Ann Lee")
    import_seeds([tmp_path])
    assert Actor.objects.count() == 1 and Mention.objects.count() == 2


def test_lone_words_count_only_when_an_editor_curated_them(tmp_path, extractor):
    make_actor(name="Michaela Davis", aliases=["Davis"])  # recorded by an import
    zelenskyy = make_actor(
        name="Volodymyr Zelenskyy", aliases=["Zelenskiy"], is_verified=True
    )
    write(tmp_path, "one.txt", "Davis wrote to Zelenskiy.")
    extractor.person("Davis")
    extractor.person("Zelenskiy")
    import_seeds([tmp_path])
    known = extractor.known[0]
    assert "davis" not in known and "michaela davis" in known
    assert known["zelenskiy"] == ("Volodymyr Zelenskyy", "person")
    mentioned = Actor.objects.filter(mentions__isnull=False)
    assert sorted(mentioned.values_list("name", flat=True)) == [
        "Davis",
        "Volodymyr Zelenskyy",
    ]
    assert zelenskyy.mentions.exists()


def test_short_name_shared_by_several_actors_is_not_merged(tmp_path, extractor):
    donald = make_actor(name="Donald Trump", aliases=["Trump"])
    melania = make_actor(name="Melania Trump", aliases=["Trump"])
    write(tmp_path, "one.txt", "Trump spoke at the rally.")
    extractor.person("Trump")
    import_seeds([tmp_path])
    assert "trump" not in extractor.known[0]
    assert not Mention.objects.filter(actor__in=[donald, melania]).exists()
    assert Actor.objects.filter(name="Trump", is_verified=False).exists()


def test_mixed_script_name_is_never_merged_into_a_real_actor(tmp_path, extractor):
    putin = make_actor(name="Vladimir Putin", aliases=["Putin"], is_verified=True)
    fake = "Vl\u0430dimir Put\u0456n"  # Cyrillic а and і
    write(tmp_path, "one.txt", f"{fake} said nothing at all.")
    extractor.person(fake, aliases=("Vladimir Putin", "Putin"))
    report = import_seeds([tmp_path])
    assert "mixed-script name kept apart" in report.results[0].warnings[0]
    impostor = Actor.objects.exclude(pk=putin.pk).get()
    assert impostor.name == fake and not impostor.is_verified
    assert not impostor.aliases.exists()
    assert not putin.mentions.exists()
    assert fake.casefold() not in " ".join(extractor.known[0])


def test_two_forms_of_one_actor_share_one_mention(story, extractor):
    lee = make_actor(name="Ann Lee", aliases=["Mayor Ann Lee"])
    extractor.person("Ann Lee")
    extractor.person("Mayor Ann Lee", find="Lee")
    import_seeds([story])
    mention = Mention.objects.get()
    assert mention.actor == lee
    assert mention.count == 1 + STORY.count("Lee")


@pytest.mark.skipif(not SEED.exists(), reason="no seed file")
def test_seed_import_gives_its_people_and_tags(extractor):
    people = [
        "Donald Trump",
        "Vladimir Putin",
        "Steve Witkoff",
        "Marco Rubio",
        "Mike Waltz",
        "Volodymyr Zelenskiy",
        "Alexander Grushko",
    ]
    for name in people:
        extractor.person(name)
    extractor.person("NATO", kind="organization")
    extractor.person("Ukraine", kind="place")
    extractor.quote(
        "We want to see if we can bring that war to an end.", "Donald Trump"
    )
    import_seeds([SEED])
    article = Article.objects.get()
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
    mentioned = Actor.objects.filter(mentions__article=article)
    assert sorted(mentioned.people().values_list("name", flat=True)) == sorted(people)
    assert article.quotes.get().speaker.name == "Donald Trump"
    assert article.dateline_date == date(2025, 3, 16)


def test_dry_run_of_a_changed_file_reports_the_update_but_keeps_the_draft(story):
    import_seeds([story])
    write(story, "harbour.txt", STORY.replace("pier", "jetty"))
    assert counts(import_seeds([story], dry_run=True)) == {"updated": 1}
    assert "pier" in Article.objects.get().body


@pytest.mark.django_db(transaction=True)
def test_commit_durability_setting_is_restored_after_the_run(story):
    from django.db import connection

    queries = {
        "sqlite": ["PRAGMA synchronous", "PRAGMA cache_size"],
        "postgresql": ["SHOW synchronous_commit"],
    }.get(connection.vendor)
    if not queries:
        pytest.skip("only SQLite and PostgreSQL are tuned")

    def settings():
        values = []
        with connection.cursor() as cursor:
            for query in queries:
                cursor.execute(query)
                values.append(cursor.fetchone())
        return values

    before = settings()
    assert counts(import_seeds([story])) == {"created": 1}
    assert settings() == before


def test_public_pages_are_retired_only_when_something_was_written(story, monkeypatch):
    calls = []
    monkeypatch.setattr(importer, "invalidate_public_pages", lambda: calls.append(1))
    import_seeds([story], dry_run=True)
    assert calls == []
    import_seeds([story], publish=True)
    assert calls == [1]
    import_seeds([story])  # unchanged
    assert calls == [1]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner")
def test_the_lookup_of_existing_articles_uses_indexes_not_a_table_scan():
    with connection.cursor() as cursor:
        cursor.execute(
            f"EXPLAIN QUERY PLAN {importer._existing_sql(3)}",
            ["a.txt", "hash", "a", "b", "c", 13],
        )
        plan = " ".join(row[-1] for row in cursor.fetchall())
    assert "SCAN articles_article" not in plan
    assert "unique_article_content_hash" in plan
