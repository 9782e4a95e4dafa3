"""Fill the configured database with a large, deterministic archive for benchmarks.

    python manage.py generate_archive            # 10,000 stories, 2,000 actors, 50,000 quotes
    python manage.py generate_archive --clear    # remove a previous generated archive first

Everything it writes is marked (``import_key`` "bench:…", actor and tag slugs "bench-…"),
so ``--clear`` removes exactly that. The same seed gives the same archive. Rows go in
with ``bulk_create``, so no signals fire: the command retires cached pages itself.
"""

import random
import time
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from actors.extraction import name_key
from actors.models import Actor, Alias, Mention, Quote
from articles.models import Article, Correction, Source, Tag
from newsroom.caching import invalidate_public_pages

FIRST = [
    "Ada",
    "Amira",
    "Ben",
    "Carla",
    "Chen",
    "Dara",
    "Elena",
    "Emeka",
    "Farah",
    "Femi",
    "Gita",
    "Hana",
    "Ivan",
    "Jonas",
    "Kai",
    "Kofi",
    "Lara",
    "Leila",
    "Luis",
    "Maya",
    "Mei",
    "Nadia",
    "Nikolai",
    "Olga",
    "Omar",
    "Pablo",
    "Priya",
    "Quinn",
    "Rafael",
    "Rosa",
    "Sami",
    "Sara",
    "Tariq",
    "Tomas",
    "Uma",
    "Vera",
    "Wen",
    "Xavier",
    "Yara",
    "Yusuf",
    "Zainab",
    "Zoltan",
    "Ines",
    "Marek",
    "Noor",
    "Oskar",
    "Petra",
    "Ravi",
    "Sofia",
    "Theo",
]
LAST = [
    "Abara",
    "Becker",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Usman",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhang",
    "Adeyemi",
    "Bianchi",
    "Costa",
    "Da",
    "Silva",
    "Evans",
    "Fontaine",
    "Gupta",
    "Horvath",
    "Ivanova",
    "Jovanovic",
    "Kim",
    "Larsen",
    "Mendes",
    "Novak",
    "Ortiz",
    "Popescu",
    "Reyes",
    "Santos",
    "Takahashi",
    "Umarov",
    "Vasquez",
    "Wojcik",
    "Yamamoto",
    "Zapata",
    "Nielsen",
]
ORGANISATIONS = [
    "Ministry of Finance",
    "Central Bank",
    "Port Authority",
    "Teachers Union",
    "Health Agency",
    "Electoral Commission",
    "Supreme Court",
    "City Council",
    "Farmers Association",
    "Red Cross",
    "Energy Regulator",
    "Transport Workers Union",
    "National Assembly",
    "Chamber of Commerce",
    "Statistics Office",
    "Water Board",
    "Climate Institute",
    "Police Service",
    "Air Authority",
    "Press Council",
]
TOPICS = [
    "Budget",
    "Elections",
    "Health",
    "Climate",
    "Energy",
    "Housing",
    "Transport",
    "Education",
    "Courts",
    "Trade",
    "Agriculture",
    "Defence",
    "Science",
    "Culture",
    "Sport",
    "Technology",
    "Labour",
    "Water",
    "Tourism",
    "Migration",
    "Banking",
    "Fisheries",
    "Mining",
    "Media",
    "Police",
    "Prisons",
    "Pensions",
    "Tax",
    "Diplomacy",
    "Weather",
    "Ports",
    "Aviation",
    "Rail",
    "Roads",
    "Forestry",
    "Telecoms",
    "Insurance",
    "Retail",
    "Industry",
    "Space",
]
WORDS = [
    "government",
    "minister",
    "budget",
    "council",
    "report",
    "vote",
    "parliament",
    "hospital",
    "school",
    "workers",
    "union",
    "strike",
    "price",
    "inflation",
    "harbour",
    "river",
    "election",
    "court",
    "judge",
    "ruling",
    "appeal",
    "policy",
    "reform",
    "tax",
    "spending",
    "deficit",
    "energy",
    "grid",
    "power",
    "plant",
    "wind",
    "solar",
    "flood",
    "drought",
    "harvest",
    "farmers",
    "export",
    "import",
    "market",
    "bank",
    "rate",
    "loan",
    "housing",
    "rent",
    "teachers",
    "nurses",
    "doctors",
    "patients",
    "police",
    "officers",
    "investigation",
    "inquiry",
    "contract",
    "tender",
    "company",
    "shares",
    "profit",
    "loss",
    "jobs",
    "unemployment",
    "factory",
    "railway",
    "bridge",
    "road",
    "airport",
    "port",
    "ship",
    "cargo",
    "fuel",
    "gas",
    "oil",
    "coal",
    "climate",
    "emissions",
    "target",
    "agreement",
    "talks",
    "summit",
    "treaty",
    "border",
    "visa",
    "migrants",
    "asylum",
    "court",
    "hearing",
    "evidence",
    "witness",
    "statement",
    "spokesperson",
    "official",
    "agency",
    "regulator",
    "commission",
    "data",
    "survey",
    "figures",
    "growth",
    "quarter",
    "annual",
    "plan",
    "proposal",
    "draft",
    "law",
    "amendment",
    "opposition",
    "coalition",
    "mayor",
    "city",
    "region",
    "province",
    "district",
    "village",
    "community",
    "residents",
    "protest",
    "march",
]
VERBS = [
    "said",
    "told",
    "warned",
    "insisted",
    "promised",
    "argued",
    "added",
    "claimed",
    "stressed",
    "noted",
]
STOPWORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "on",
    "was",
    "with",
    "he",
    "it",
    "as",
    "at",
    "by",
    "from",
    "his",
    "her",
    "they",
    "be",
    "this",
    "have",
    "has",
    "not",
    "are",
    "but",
    "an",
    "had",
    "their",
    "which",
    "were",
    "been",
    "more",
    "will",
    "would",
    "who",
    "after",
    "its",
    "also",
    "new",
    "than",
    "over",
    "about",
    "into",
    "two",
    "last",
    "first",
    "one",
    "year",
    "other",
    "some",
]
SYLLABLES = [
    "ka",
    "ro",
    "ven",
    "tal",
    "mi",
    "sor",
    "bel",
    "dun",
    "fa",
    "gri",
    "hol",
    "jo",
    "ker",
    "lin",
    "mar",
    "nos",
    "pel",
    "quin",
    "ras",
    "sti",
    "tor",
    "ul",
    "var",
    "wes",
    "yen",
    "zan",
    "bra",
    "cle",
    "dro",
    "fen",
    "gal",
    "hur",
    "ist",
    "lum",
    "mov",
    "nar",
    "orp",
    "pru",
]


def _vocabulary():
    """Words ranked like a real language: stop words, news words, then a long tail.

    Text is drawn from it with Zipf's law (frequency ∝ 1/rank), so a news word like
    "budget" turns up in a realistic share of stories (a few per cent, not all of
    them) and full-text search has something to select.
    """
    tail, seen = [], set(WORDS) | set(STOPWORDS)
    for a in SYLLABLES:
        for b in SYLLABLES:
            for c in ("", *SYLLABLES[:12]):
                word = a + b + c
                if word not in seen:
                    seen.add(word)
                    tail.append(word)
    ranked = STOPWORDS + WORDS[:40] + tail[:200] + WORDS[40:] + tail[200:20_000]
    cumulative, total = [], 0.0
    for rank in range(1, len(ranked) + 1):
        total += 1 / rank
        cumulative.append(total)
    return ranked, cumulative


VOCABULARY, CUMULATIVE = _vocabulary()


def _sentence(rng, n_words):
    words = rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=n_words)
    return " ".join(words).capitalize() + "."


class Command(BaseCommand):
    help = "Generate a deterministic archive of published stories, actors and quotes."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=10_000)
        parser.add_argument("--actors", type=int, default=2_000)
        parser.add_argument("--quotes", type=int, default=50_000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--clear", action="store_true", help="remove a generated archive first"
        )

    def handle(self, *args, stories, actors, quotes, seed, clear, **options):
        if actors > len(FIRST) * len(LAST) + len(ORGANISATIONS):
            raise CommandError("too many actors for the name lists")
        if stories and quotes > stories * 40:
            raise CommandError("at most 40 quotes per story")
        started = time.monotonic()
        with transaction.atomic():
            if clear:
                self._clear()
            elif Article.objects.filter(import_key__startswith="bench:").exists():
                raise CommandError("a generated archive exists; use --clear")
            self._generate(random.Random(seed), stories, actors, quotes)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # VACUUM also merges the GIN indexes' pending lists, which a bulk
                # insert leaves long; searches would read them on every lookup.
                cursor.execute("VACUUM ANALYZE")
        invalidate_public_pages()
        self.stdout.write(
            f"generated {stories} stories, {actors} actors and {quotes} quotes "
            f"in {time.monotonic() - started:.1f} s"
        )

    def _clear(self):
        bench = Article.objects.filter(import_key__startswith="bench:")
        Quote.objects.filter(article__in=bench).delete()
        Mention.objects.filter(article__in=bench).delete()
        Correction.objects.filter(article__in=bench).delete()
        Article.tags.through.objects.filter(article__in=bench).delete()
        bench.delete()
        Actor.objects.filter(slug__startswith="bench-").delete()
        Tag.objects.filter(slug__startswith="bench-").delete()
        Source.objects.filter(slug__startswith="bench-").delete()

    def _generate(self, rng, n_stories, n_actors, n_quotes):
        sources = Source.objects.bulk_create(
            Source(name=f"Bench {name}", slug=f"bench-{name.lower()}", kind=kind)
            for name, kind in [
                ("Desk", Source.Kind.ORIGINAL),
                ("Wire", Source.Kind.WIRE),
                ("Agency", Source.Kind.WIRE),
                ("Digest", Source.Kind.AGGREGATOR),
            ]
        )
        tags = Tag.objects.bulk_create(
            Tag(name=f"{topic}", slug=f"bench-{topic.lower()}") for topic in TOPICS
        )

        names = [(f"{f} {last}", Actor.Kind.PERSON) for last in LAST for f in FIRST]
        rng.shuffle(names)
        names = [(o, Actor.Kind.ORGANIZATION) for o in ORGANISATIONS] + names
        actor_rows = []
        for i, (name, kind) in enumerate(names[:n_actors]):
            actor = Actor(
                name=name,
                slug=f"bench-{i}",
                kind=kind,
                title=rng.choice(["", "Minister", "Spokesperson", "Director", ""]),
                description=_sentence(rng, 12),
            )
            actor.name_key = name_key(actor.name)  # save() is skipped by bulk_create
            actor_rows.append(actor)
        actor_rows = Actor.objects.bulk_create(actor_rows, batch_size=1000)
        aliases = []
        for actor in actor_rows:
            if actor.kind == Actor.Kind.PERSON:
                alias = Alias(actor=actor, name=actor.name.split()[-1])
                alias.key = name_key(alias.name)
                aliases.append(alias)
        Alias.objects.bulk_create(aliases, batch_size=2000)

        per_story = [n_quotes // n_stories] * n_stories if n_stories else []
        for i in range(n_quotes - sum(per_story)):
            per_story[i] += 1
        now = timezone.now()
        article_rows, story_quotes = [], []
        for i in range(n_stories):
            speakers = rng.sample(actor_rows, k=min(len(actor_rows), 3))
            paragraphs, quotes_here, offset = [], [], 0
            for q in range(per_story[i]):
                speaker = speakers[q % len(speakers)]
                lead = _sentence(rng, rng.randint(8, 20))
                words = _sentence(rng, rng.randint(5, 14)).rstrip(".")
                paragraph = f'{lead} "{words}," {speaker.name} {rng.choice(VERBS)}.'
                start = offset + len(lead) + 2
                quotes_here.append((speaker, words, start, paragraph))
                paragraphs.append(paragraph)
                offset += len(paragraph) + 2
            for _ in range(rng.randint(2, 5)):
                paragraph = " ".join(_sentence(rng, rng.randint(8, 20)) for _ in "123")
                paragraphs.append(paragraph)
                offset += len(paragraph) + 2
            topic = rng.choice(TOPICS)
            headline = f"{topic}: {_sentence(rng, rng.randint(5, 10)).rstrip('.')}"
            article_rows.append(
                Article(
                    headline=headline,
                    slug=f"bench-story-{i}",
                    standfirst=_sentence(rng, 20),
                    body="\n\n".join(paragraphs),
                    status=Article.Status.PUBLISHED,
                    published_at=now - timedelta(minutes=37 * i + rng.randint(0, 30)),
                    dateline_date=(now - timedelta(minutes=37 * i)).date(),
                    source=rng.choice(sources),
                    byline=rng.choice(["", "Staff reporter", "Wire desk"]),
                    import_key=f"bench:{i}",
                )
            )
            story_quotes.append(quotes_here)
        article_rows = Article.objects.bulk_create(article_rows, batch_size=1000)

        through = Article.tags.through
        tag_links, quote_rows, mention_rows, corrections = [], [], [], []
        for article, quotes_here in zip(article_rows, story_quotes, strict=True):
            for tag in rng.sample(tags, k=rng.randint(1, 3)):
                tag_links.append(through(article_id=article.pk, tag_id=tag.pk))
            counts = {}
            for speaker, words, start, paragraph in quotes_here:
                quote_rows.append(
                    Quote(
                        article=article,
                        speaker=speaker,
                        text=words,
                        start=start,
                        end=start + len(words),
                        sentence=paragraph,
                        status=rng.choice(
                            [Quote.Status.VERIFIED] * 3 + [Quote.Status.UNVERIFIED]
                        ),
                    )
                )
                counts.setdefault(speaker, [start, 0])[1] += 1
            for speaker, (first, count) in counts.items():
                mention_rows.append(
                    Mention(
                        actor=speaker, article=article, first_offset=first, count=count
                    )
                )
            if rng.random() < 0.02:
                corrections.append(Correction(article=article, note=_sentence(rng, 15)))
        through.objects.bulk_create(tag_links, batch_size=5000)
        Quote.objects.bulk_create(quote_rows, batch_size=5000)
        Mention.objects.bulk_create(mention_rows, batch_size=5000)
        Correction.objects.bulk_create(corrections, batch_size=1000)
