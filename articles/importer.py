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
import unicodedata
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify

from actors.extraction import extract, name_key
from actors.models import Actor, Alias, Mention, Quote
from articles.models import Article, Source, Tag, Transition
from articles.seeds import SeedError, printable, read_seed
from newsroom.caching import invalidate_public_pages

logger = logging.getLogger("articles.importer")

# The seed files name no outlet: imported stories share one aggregator Source that
# editors can rename, or replace per story once they know where it came from.
IMPORT_SOURCE = {"slug": "newsroom-import", "name": "Newsroom import"}
SLUG_BATCH = 10


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
    with _quick_commits():
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


@contextmanager
def _quick_commits():
    """Let each file's commit skip the wait for the disk flush, for this run only.

    Neither setting risks corruption (SQLite in WAL mode, PostgreSQL): a crash can
    only lose the last few files committed, and rerunning the import redoes them.
    SQLite also gets a 32 MiB page cache, so index pages stay in memory as the
    tables grow.
    """
    if connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit TO OFF")
            restore = ["RESET synchronous_commit"]
        elif connection.vendor == "sqlite":
            cursor.execute("PRAGMA journal_mode")
            wal = cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA synchronous")
            restore = [f"PRAGMA synchronous = {int(cursor.fetchone()[0])}"]
            cursor.execute("PRAGMA cache_size")
            restore.append(f"PRAGMA cache_size = {int(cursor.fetchone()[0])}")
            cursor.execute("PRAGMA cache_size = -32768")
            if wal:
                cursor.execute("PRAGMA synchronous = NORMAL")
        else:
            restore = []
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for statement in restore:
                cursor.execute(statement)


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


@functools.lru_cache(maxsize=4096)
def is_mixed_script(name):
    """Return True if the letters of ``name`` come from more than one script."""
    if name.isascii():
        return False
    scripts = {_script(ch) for ch in name if ch.isalpha()}
    return len(scripts) > 1


def _script(ch):
    script = unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]
    return "CJK" if script in {"HIRAGANA", "KATAKANA", "HANGUL"} else script


@dataclass(frozen=True)
class _ActorRef:
    id: int
    name: str
    kind: str
    is_verified: bool


class ActorIndex:
    """The actors in the database, found by name key and alias key, kept across files.

    ``known`` is what ``extract()`` gets: each key that names exactly one actor, if
    it is a full name, or an editor's word (a verified actor). A lone surname seen
    in one story ("Davis") would otherwise claim every later Davis.
    """

    def __init__(self):
        self.actors = {}
        self.by_name = {}
        self.by_alias = {}
        self._known = {}
        self.known = MappingProxyType(self._known)

    @classmethod
    def load(cls):
        index = cls()
        rows = Actor.objects.values_list(
            "id", "name", "name_key", "kind", "is_verified"
        )
        for id, name, key, kind, verified in rows.iterator(chunk_size=2000):
            index.add_actor(_ActorRef(id, name, kind, verified), key)
        for actor_id, key in Alias.objects.values_list("actor_id", "key").iterator(
            chunk_size=2000
        ):
            index.add_alias(actor_id, key)
        return index

    def add_actor(self, ref, key):
        self.actors[ref.id] = ref
        self.by_name.setdefault(key, set()).add(ref.id)
        self._refresh(key)

    def add_alias(self, actor_id, key):
        if actor_id in self.actors:
            self.by_alias.setdefault(key, set()).add(actor_id)
            self._refresh(key)

    def has_key(self, actor_id, key):
        return actor_id in self.by_name.get(key, ()) or actor_id in self.by_alias.get(
            key, ()
        )

    def _refresh(self, key):
        ids = self.by_name.get(key, set()) | self.by_alias.get(key, set())
        ref = self.actors[next(iter(ids))] if len(ids) == 1 else None
        if (
            ref
            and (ref.is_verified or " " in key)
            and not is_mixed_script(ref.name)
            and not is_mixed_script(key)
        ):
            self._known[key] = (ref.name, ref.kind)
        else:
            self._known.pop(key, None)

    def find(self, name, kind, aliases=()):
        """Return the id of the actor ``name`` (of ``kind``) is, or None if unsure."""
        key = name_key(name)
        if is_mixed_script(name):
            # Only ever itself: a look-alike letter must not pass for a real name.
            return self._pick(self.by_name.get(key, ()), kind)
        if found := self._pick(self.by_name.get(key, ()), kind):
            return found
        candidates = [key] + [
            name_key(alias)
            for alias in aliases
            if len(alias.split()) > 1 and not is_mixed_script(alias)
        ]
        for key in candidates:
            ids = self.by_name.get(key, set()) | self.by_alias.get(key, set())
            if " " not in key:  # a lone word counts only where an editor put it
                ids = {id for id in ids if self.actors[id].is_verified}
            if found := self._pick(ids, kind, unique=True):
                return found
        return None

    def _pick(self, ids, kind, unique=False):
        refs = [self.actors[id] for id in sorted(ids)]
        same = [ref for ref in refs if _same_kind(ref.kind, kind)]
        if len(same) > 1 and unique:
            # A short form like "Trump" that names several actors: leave it alone.
            return None
        preferred = [ref for ref in same if ref.is_verified] or same
        return preferred[0].id if preferred else None


def _same_kind(a, b):
    loose = {Actor.Kind.ORGANIZATION, Actor.Kind.GROUP}
    return a == b or (a in loose and b in loose)


class _Importer:
    def __init__(self, *, publish, dry_run):
        self.publish = publish
        self.dry_run = dry_run
        self.max_bytes = settings.IMPORT_MAX_FILE_BYTES
        self.index = None
        self.tag_ids = {}
        self.source_id = None
        self.slug_hints = {}
        self.seen_names = {}
        self._staged = []
        self._reserved_slugs = set()

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
            self._reserved_slugs.clear()

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
        slugs = self._slug_candidates(Article, seed.headline, fallback="story")
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
        extraction = extract(seed.body, known=self.index.known)
        slug = self._unique_slug(
            Article, seed.headline, fallback="story", candidates=slugs, taken=taken
        )
        article_id = self._create(seed, slug)
        return Action.CREATED, "", self._attach(article_id, seed, tags, extraction)

    def _existing(self, seed, slugs):
        """Return the article imported from this file, another with its hash, and
        which of ``slugs`` are taken: one query, as it runs for every file."""
        rows = (
            Article.objects.filter(
                Q(import_key=seed.file_name)
                # "!= ''" repeats the partial unique index's condition, so SQLite
                # uses that index instead of scanning the table.
                | (Q(content_hash=seed.content_hash) & ~Q(content_hash=""))
                | Q(slug__in=slugs)
            )
            .order_by("id")
            .values(
                "id",
                "slug",
                "import_key",
                "content_hash",
                "related_headline",
                "version",
                "import_version",
            )
        )
        by_key = by_hash = None
        taken = set()
        for row in rows[: SLUG_BATCH + 10]:
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
        article = Article(
            headline=seed.headline,
            slug=slug,
            standfirst=seed.standfirst,
            body=seed.body,
            status=Article.Status.PUBLISHED if self.publish else Article.Status.DRAFT,
            published_at=now if self.publish else None,
            dateline_date=seed.dateline_date,
            source_id=self._source_id(),
            related_headline=seed.related_headline,
            import_key=seed.file_name,
            content_hash=seed.content_hash,
            version=1,
            import_version=1,
        )
        # bulk_create skips save(): the importer sets every derived field itself.
        Article.objects.bulk_create([article])
        if self.publish:
            Transition.objects.create(
                article_id=article.pk,
                from_status=Article.Status.DRAFT,
                to_status=Article.Status.PUBLISHED,
                note="Published on import.",
            )
        return article.pk

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
        Article.tags.through.objects.bulk_create(
            Article.tags.through(article_id=article_id, tag_id=tag_id)
            for tag_id in self._tag_ids(tag_names)
        )
        actor_ids, warnings = self._actor_ids(extraction.actors)
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
            new = [
                Tag(name=name, slug=self._unique_slug(Tag, name, fallback="tag"))
                for name in missing
                if name.lower() not in found
            ]
            Tag.objects.bulk_create(new)
            found.update((tag.name.lower(), tag.pk) for tag in new)
            self._staged.append(lambda: self.tag_ids.update(found))
            ids = {**self.tag_ids, **found}
        else:
            ids = self.tag_ids
        return list(dict.fromkeys(ids[name.lower()] for name in names))

    # --- Actors, mentions, quotes -------------------------------------------------------

    def _actor_ids(self, extracted):
        """Map each extracted actor's name to an Actor id, creating new actors."""
        ids, new, warnings = {}, {}, []
        name_limit = Actor._meta.get_field("name").max_length
        for actor in extracted:
            key = name_key(actor.name)
            if not key or len(actor.name) > name_limit:
                warnings.append(f"actor skipped, no usable name: {actor.name[:40]}")
                continue
            if actor.kind not in Actor.Kind.values:
                warnings.append(f"actor skipped, unknown kind {actor.kind!r}")
                continue
            found = self.index.find(actor.name, actor.kind, actor.aliases)
            if found is None:
                if key not in new:
                    new[key] = self._new_actor(actor, key)
                    if is_mixed_script(actor.name):
                        warnings.append(
                            f"mixed-script name kept apart: {printable(actor.name)}"
                        )
                ids[actor.name] = new[key]
            else:
                ids[actor.name] = found
        created = list(new.values())
        Actor.objects.bulk_create(created)
        refs = [
            (_ActorRef(a.pk, a.name, a.kind, a.is_verified), a.name_key)
            for a in created
        ]
        self._staged.append(lambda: [self.index.add_actor(*ref) for ref in refs])
        ids = {name: getattr(value, "pk", value) for name, value in ids.items()}
        self._save_aliases(extracted, ids)
        return ids, warnings

    def _new_actor(self, actor, key):
        limit = Actor._meta.get_field("title").max_length
        return Actor(
            name=actor.name,
            name_key=key,
            slug=self._unique_slug(Actor, actor.name, fallback="actor"),
            kind=actor.kind,
            title=actor.title[:limit],
            is_verified=False,
        )

    def _save_aliases(self, extracted, ids):
        """Record the other forms seen for new or unverified actors."""
        limit = Alias._meta.get_field("name").max_length
        aliases = {}
        for actor in extracted:
            actor_id = ids.get(actor.name)
            ref = self.index.actors.get(actor_id)
            if actor_id is None or (ref and ref.is_verified):
                continue
            if is_mixed_script(actor.name):
                continue
            for alias in actor.aliases:
                key = name_key(alias)
                if (
                    key
                    and len(alias) <= limit
                    and not is_mixed_script(alias)
                    and key != name_key(actor.name)
                    and not self.index.has_key(actor_id, key)
                ):
                    aliases[actor_id, key] = Alias(
                        actor_id=actor_id, name=alias, key=key
                    )
        Alias.objects.bulk_create(aliases.values(), ignore_conflicts=True)
        keys = list(aliases)
        self._staged.append(lambda: [self.index.add_alias(*k) for k in keys])

    def _save_mentions(self, article_id, extracted, actor_ids):
        mentions = {}
        for actor in extracted:
            actor_id = actor_ids.get(actor.name)
            if actor_id is None:
                continue
            if mention := mentions.get(actor_id):
                mention.first_offset = min(mention.first_offset, actor.first_offset)
                mention.count += actor.count
            else:
                mentions[actor_id] = Mention(
                    actor_id=actor_id,
                    article_id=article_id,
                    first_offset=max(actor.first_offset, 0),
                    count=max(actor.count, 1),
                )
        Mention.objects.bulk_create(mentions.values())

    def _save_quotes(self, article_id, body, extraction, actor_ids):
        quotes, warnings = {}, []
        for quote in extraction.quotes:
            if not 0 <= quote.start < quote.end <= len(body):
                warnings.append(
                    f"quote skipped, span outside the body: {quote.text[:40]}"
                )
                continue
            speaker_id = self._speaker_id(quote.speaker, actor_ids)
            quotes.setdefault(
                quote.start,
                Quote(
                    article_id=article_id,
                    speaker_id=speaker_id,
                    text=quote.text,
                    start=quote.start,
                    end=quote.end,
                    sentence=quote.sentence,
                    is_partial=quote.is_partial,
                ),
            )
        Quote.objects.bulk_create(quotes.values())
        return warnings

    def _speaker_id(self, speaker, actor_ids):
        if not speaker:
            return None
        if speaker in actor_ids:
            return actor_ids[speaker]
        return self.index.find(speaker, Actor.Kind.PERSON) or self.index.find(
            speaker, Actor.Kind.ORGANIZATION
        )

    # --- Slugs ------------------------------------------------------------------------

    def _slug_candidates(self, model, text, *, fallback, after=0):
        """Return the next batch of slugs to try for ``text``, mapped to their number."""
        limit = model._meta.get_field("slug").max_length
        base = slugify(text)[:limit].strip("-") or fallback
        n = max(self.slug_hints.get((model, base), 1), after + 1)
        return {_suffixed(base, i, limit): (base, i) for i in range(n, n + SLUG_BATCH)}

    def _unique_slug(self, model, text, *, fallback, candidates=None, taken=None):
        """Return a free slug for ``text``: "base", else "base-2", "base-3" …

        ``candidates`` and the ``taken`` ones among them may come from a query
        already made.
        """
        candidates = candidates or self._slug_candidates(model, text, fallback=fallback)
        while True:
            if taken is None:
                taken = model.objects.filter(slug__in=candidates).order_by()
                taken = set(taken.values_list("slug", flat=True))
            for slug, (base, i) in candidates.items():
                if slug not in taken and slug not in self._reserved_slugs:
                    self._reserved_slugs.add(slug)
                    if len(self.slug_hints) > 50_000:
                        self.slug_hints.clear()  # keep memory flat on huge runs
                    self.slug_hints[model, base] = i + 1
                    return slug
            candidates = self._slug_candidates(model, text, fallback=fallback, after=i)
            taken = None


def _suffixed(base, i, limit):
    if i == 1:
        return base
    suffix = f"-{i}"
    return base[: limit - len(suffix)].rstrip("-") + suffix
