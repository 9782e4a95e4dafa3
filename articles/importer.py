"""Import seed files: parse → extract → save, one transaction per file.

Each file becomes an Article (a draft unless ``publish``), with its tags, the actors
it mentions and the quotes they said. Articles are keyed by file name
(``import_key``) and by a whitespace-insensitive hash of the body
(``content_hash``), so reruns change nothing and copies are recognised.
"""

import functools
import logging
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone

from actors.extraction import extract
from actors.matching import ActorIndex, save_actors
from actors.models import Actor, Mention, Quote
from articles.bulk_writes import KeyPool, insert_rows, pipelined, quick_commits
from articles.models import Article, Source, Tag, Transition
from articles.seeds import SeedError, printable, read_seed
from articles.slugs import SlugPicker
from newsroom.caching import invalidate_public_pages

logger = logging.getLogger("articles.importer")

# The seed files name no outlet: imported stories share one aggregator Source that
# editors can rename, or replace per story once they know where it came from.
IMPORT_SOURCE = {"slug": "newsroom-import", "name": "Newsroom import"}


class Action(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class FileResult:
    action: Action
    file_name: str
    reason: str = ""
    warnings: tuple[str, ...] = ()

    def __str__(self):
        notes = [self.reason, *(f"warning: {w}" for w in self.warnings)]
        notes = "; ".join(printable(n, limit=300) for n in notes if n)
        line = f"{self.action:<9} {printable(self.file_name)}"
        return f"{line}  ({notes})" if notes else line


@dataclass
class ImportReport:
    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, result):
        self.counts[result.action] += 1
        self.results.append(result)

    @property
    def rejected(self):
        return self.counts[Action.SKIPPED]

    def summary(self):
        counts = ", ".join(f"{self.counts[action]} {action}" for action in Action)
        files = sum(self.counts.values())
        line = f"{counts} ({files} file(s) in {self.seconds:.1f} s)"
        return f"Dry run, nothing written: {line}" if self.dry_run else line


def import_seeds(paths, *, publish=False, dry_run=False, progress=None):
    """Import seed files and folders (recursively, ``*.txt``); return an ImportReport.

    ``progress`` is called with each FileResult as soon as its file is done.
    """
    report = ImportReport(dry_run=dry_run)
    started = time.perf_counter()
    importer = _Importer(publish=publish, dry_run=dry_run)
    with quick_commits():
        for item in discover(paths):
            result = importer.run(item)
            report.add(result)
            if progress:
                progress(result)
    report.seconds = time.perf_counter() - started
    if not dry_run and (report.counts[Action.CREATED] or report.counts[Action.UPDATED]):
        # bulk_create() and update() send no signals: retire cached pages here.
        invalidate_public_pages()
    logger.info("seed import: %s", report.summary())
    return report


def discover(paths):
    """Yield the files to import: each path given, and ``*.txt`` under folders.

    Folders are walked in name order without following symbolic links; links met
    on the way are yielded so that they are reported, not read.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for path in map(Path, paths):
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder):
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield SeedError(os.fsdecode(folder), f"cannot read folder: {exc.strerror}")
        return
    for entry in entries:
        is_text = entry.name.lower().endswith(".txt")
        if entry.is_symlink():
            if is_text or entry.is_dir():
                yield Path(entry.path)
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif is_text:
            yield Path(entry.path)


class _Importer:
    def __init__(self, *, publish, dry_run):
        self.publish = publish
        self.dry_run = dry_run
        self.max_bytes = settings.IMPORT_MAX_FILE_BYTES
        self.index = None
        self.tag_ids = {}
        self.source_id = None
        self.slugs = SlugPicker()
        self.keys = {model: KeyPool(model) for model in (Article, Actor, Tag)}
        self.seen_names = {}
        self._staged = []

    def run(self, item):
        """Import one file; never raise, report instead."""
        name = os.fsdecode(item.name) if isinstance(item, Path) else item.file_name
        try:
            if isinstance(item, SeedError):
                raise item
            seed = read_seed(item, max_bytes=self.max_bytes)
            return self._import(seed)
        except SeedError as exc:
            return FileResult(Action.SKIPPED, exc.file_name, exc.reason)
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run
            logger.debug("seed import failed for %s", printable(name), exc_info=True)
            reason = f"unexpected error: {type(exc).__name__}: {exc}"
            return FileResult(Action.SKIPPED, name, reason)
        finally:
            self._staged.clear()
            self.slugs.release()

    def _import(self, seed):
        seen = self.seen_names.get(seed.file_name)
        if seen == seed.content_hash:
            reason = "a copy of a file imported earlier in this run"
            return FileResult(Action.DUPLICATE, seed.file_name, reason)
        if seen is not None:
            reason = "another file of this name was imported earlier in this run"
            return FileResult(Action.SKIPPED, seed.file_name, reason)
        self.seen_names[seed.file_name] = seed.content_hash
        if self.index is None:
            self.index = ActorIndex.load()
        tags, warnings = self._usable_tags(seed.tags)
        with transaction.atomic():
            with pipelined():
                action, reason, notes = self._save(seed, tags)
            if self.dry_run:
                transaction.set_rollback(True)
        if not self.dry_run:
            for apply in self._staged:
                apply()
        warnings = (*seed.warnings, *warnings, *notes)
        return FileResult(action, seed.file_name, reason, warnings)

    def _save(self, seed, tags):
        """Write one seed; return (action, reason, warnings)."""
        slugs = self.slugs.candidates(Article, seed.headline, fallback="story")
        by_key, by_hash, taken = self._existing(seed, slugs)
        if by_key and by_key["content_hash"] == seed.content_hash:
            if self._same_trailer(by_key, seed, tags):
                return Action.UNCHANGED, "", []
        elif by_hash:
            other = by_hash["import_key"] or f"article #{by_hash['id']}"
            return Action.DUPLICATE, f"same story as {other}", []
        if by_key:
            if reason := self._edited(by_key):
                return Action.CONFLICT, reason, []
            extraction = extract(seed.body, known=self.index.known)
            if not self._update(by_key, seed):
                return Action.CONFLICT, "changed by an editor during the import", []
            warnings = self._attach(by_key["id"], seed, tags, extraction, replace=True)
            return Action.UPDATED, "content changed", warnings
        slug = self.slugs.pick(
            Article, seed.headline, fallback="story", candidates=slugs, taken=taken
        )
        # Written before extracting: PostgreSQL indexes the story meanwhile.
        article_id = self._create(seed, slug)
        extraction = extract(seed.body, known=self.index.known)
        return Action.CREATED, "", self._attach(article_id, seed, tags, extraction)

    def _existing(self, seed, slugs):
        """Return the article imported from this file, another with its hash, and
        which of ``slugs`` are taken: one query, as it runs for every file."""
        with connection.cursor() as cursor:
            cursor.execute(
                _existing_sql(len(slugs)),
                [seed.file_name, seed.content_hash, *slugs, len(slugs) + 10],
            )
            rows = [
                dict(zip(_EXISTING_COLUMNS, row, strict=True))
                for row in cursor.fetchall()
            ]
        by_key = by_hash = None
        taken = set()
        for row in rows:
            taken.add(row["slug"])
            if row["import_key"] == seed.file_name:
                by_key = by_key or row
            elif row["content_hash"] == seed.content_hash:
                by_hash = row
        return by_key, by_hash, taken

    # --- Articles ---------------------------------------------------------------------

    def _same_trailer(self, row, seed, tags):
        if row["related_headline"] != seed.related_headline:
            return False
        stored = Article.tags.through.objects.filter(article_id=row["id"])
        stored = stored.values_list("tag__name", flat=True)
        return {name.lower() for name in stored} == {tag.lower() for tag in tags}

    def _edited(self, row):
        if row["version"] != row["import_version"]:
            return "changed by an editor since import; not overwritten"
        reviewed = Quote.objects.filter(article_id=row["id"]).exclude(
            status=Quote.Status.UNVERIFIED
        )
        if reviewed.exists():
            return "an editor reviewed its quotes since import; not overwritten"
        return ""

    def _create(self, seed, slug):
        now = timezone.now()
        # No save(): the importer sets every derived field itself.
        [article_id] = insert_rows(
            Article,
            [
                {
                    "headline": seed.headline,
                    "slug": slug,
                    "standfirst": seed.standfirst,
                    "body": seed.body,
                    "status": Article.Status.PUBLISHED
                    if self.publish
                    else Article.Status.DRAFT,
                    "published_at": now if self.publish else None,
                    "dateline_date": seed.dateline_date,
                    "source_id": self._source_id(),
                    "related_headline": seed.related_headline,
                    "import_key": seed.file_name,
                    "content_hash": seed.content_hash,
                    "version": 1,
                    "import_version": 1,
                }
            ],
            keys=self.keys[Article],
        )
        if self.publish:
            insert_rows(
                Transition,
                [
                    {
                        "article_id": article_id,
                        "from_status": Article.Status.DRAFT,
                        "to_status": Article.Status.PUBLISHED,
                        "note": "Published on import.",
                    }
                ],
            )
        return article_id

    def _update(self, row, seed):
        """Overwrite the imported fields unless an editor saved meanwhile."""
        return Article.objects.filter(
            pk=row["id"], version=row["version"], import_version=row["version"]
        ).update(
            headline=seed.headline,
            standfirst=seed.standfirst,
            body=seed.body,
            dateline_date=seed.dateline_date,
            related_headline=seed.related_headline,
            content_hash=seed.content_hash,
            version=F("version") + 1,
            import_version=F("version") + 1,
            updated_at=timezone.now(),
        )

    def _source_id(self):
        if self.source_id is None:
            source, _ = Source.objects.get_or_create(
                slug=IMPORT_SOURCE["slug"],
                defaults={
                    "name": IMPORT_SOURCE["name"],
                    "kind": Source.Kind.AGGREGATOR,
                },
            )
            self._staged.append(lambda: setattr(self, "source_id", source.pk))
            return source.pk
        return self.source_id

    def _attach(self, article_id, seed, tag_names, extraction, *, replace=False):
        """Save tags, mentions and quotes of an article; return warnings."""
        if replace:
            Article.tags.through.objects.filter(article_id=article_id).delete()
            Mention.objects.filter(article_id=article_id).delete()
            Quote.objects.filter(article_id=article_id).delete()
        insert_rows(
            Article.tags.through,
            [
                {"article_id": article_id, "tag_id": tag_id}
                for tag_id in self._tag_ids(tag_names)
            ],
        )
        actor_ids, warnings, on_commit = save_actors(
            self.index,
            extraction.actors,
            slugs=lambda names: self.slugs.pick_many(Actor, names, fallback="actor"),
            keys=self.keys[Actor],
        )
        self._staged.append(on_commit)
        self._save_mentions(article_id, extraction.actors, actor_ids)
        warnings += self._save_quotes(article_id, seed.body, extraction, actor_ids)
        return warnings

    # --- Tags -------------------------------------------------------------------------

    def _usable_tags(self, tags):
        limit = Tag._meta.get_field("name").max_length
        usable, warnings = [], []
        for tag in tags:
            if len(tag) > limit:
                warnings.append(
                    f"tag dropped, longer than {limit} characters: {tag[:40]}…"
                )
            else:
                usable.append(tag)
        return usable, warnings

    def _tag_ids(self, names):
        missing = [name for name in names if name.lower() not in self.tag_ids]
        if missing:
            # Lower() folds only ASCII on SQLite: match exact names too.
            rows = (
                Tag.objects.annotate(key=Lower("name"))
                .filter(
                    Q(key__in=[name.lower() for name in missing]) | Q(name__in=missing)
                )
                .values_list("name", "id")
            )
            found = {name.lower(): id for name, id in rows}
            absent = [name for name in missing if name.lower() not in found]
            slugs = self.slugs.pick_many(Tag, absent, fallback="tag") if absent else []
            new = [
                {"name": name, "slug": slug}
                for name, slug in zip(absent, slugs, strict=True)
            ]
            pks = insert_rows(Tag, new, keys=self.keys[Tag])
            found.update(
                (tag["name"].lower(), pk) for tag, pk in zip(new, pks, strict=True)
            )
            self._staged.append(lambda: self._remember_tags(found))
            ids = {**self.tag_ids, **found}
        else:
            ids = self.tag_ids
        return list(dict.fromkeys(ids[name.lower()] for name in names))

    def _remember_tags(self, found):
        if len(self.tag_ids) > 50_000:
            self.tag_ids.clear()  # keep memory flat on huge runs
        self.tag_ids.update(found)

    # --- Actors, mentions, quotes -------------------------------------------------------

    def _save_mentions(self, article_id, extracted, actor_ids):
        mentions = {}
        for actor in extracted:
            actor_id = actor_ids.get(actor.name)
            if actor_id is None:
                continue
            if mention := mentions.get(actor_id):
                mention["first_offset"] = min(
                    mention["first_offset"], actor.first_offset
                )
                mention["count"] += actor.count
            else:
                mentions[actor_id] = {
                    "actor_id": actor_id,
                    "article_id": article_id,
                    "first_offset": max(actor.first_offset, 0),
                    "count": max(actor.count, 1),
                }
        insert_rows(Mention, mentions.values())

    def _save_quotes(self, article_id, body, extraction, actor_ids):
        quotes, warnings = {}, []
        for quote in extraction.quotes:
            if not 0 <= quote.start < quote.end <= len(body):
                warnings.append(
                    f"quote skipped, span outside the body: {quote.text[:40]}"
                )
                continue
            speaker_id = self.index.speaker_id(quote.speaker, actor_ids)
            quotes.setdefault(
                quote.start,
                {
                    "article_id": article_id,
                    "speaker_id": speaker_id,
                    "text": quote.text,
                    "start": quote.start,
                    "end": quote.end,
                    "sentence": quote.sentence,
                    "is_partial": quote.is_partial,
                },
            )
        insert_rows(Quote, quotes.values())
        return warnings


_EXISTING_COLUMNS = (
    "id",
    "slug",
    "import_key",
    "content_hash",
    "related_headline",
    "version",
    "import_version",
)


@functools.cache
def _existing_sql(slugs):
    """The articles with this file name, this content hash or one of ``slugs``.

    One SELECT per condition, joined by UNION: each uses its own index on both
    backends (PostgreSQL scans the whole table for the three conditions joined by
    OR). "NOT (… = '')" repeats the partial unique index's condition word for word:
    SQLite uses that index only then.
    """
    qn = connection.ops.quote_name
    column = {
        name: qn(Article._meta.get_field(name).column) for name in _EXISTING_COLUMNS
    }
    select = f"SELECT {', '.join(column.values())} FROM {qn(Article._meta.db_table)}"
    return (
        f"{select} WHERE {column['import_key']} = %s"
        f" UNION {select} WHERE {column['content_hash']} = %s"
        f" AND NOT ({column['content_hash']} = '')"
        f" UNION {select} WHERE {column['slug']} IN ({', '.join(['%s'] * slugs)})"
        f" ORDER BY 1 LIMIT %s"
    )
