"""Match the actors an import finds to the actors already in the database.

``ActorIndex`` holds every actor's name key and alias keys in memory for a whole
import run, so a file needs no query to find its actors, and gives ``extract()``
the ``known`` mapping of names editors curated. Names that mix scripts (a
Cyrillic "а" inside "Vlаdimir Putіn") only ever match themselves.
"""

import functools
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType

from actors.extraction import name_key
from actors.models import Actor, Alias
from articles.bulk_writes import KeyPool, insert_rows
from articles.seeds import printable

__all__ = ["ActorIndex", "ActorRef", "is_mixed_script", "save_actors"]


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
class ActorRef:
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
            index.add_actor(ActorRef(id, name, kind, verified), key)
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

    def speaker_id(self, speaker, actor_ids):
        """Return the id of a quote's speaker: an actor of this story, or a known one."""
        if not speaker:
            return None
        if speaker in actor_ids:
            return actor_ids[speaker]
        return self.find(speaker, Actor.Kind.PERSON) or self.find(
            speaker, Actor.Kind.ORGANIZATION
        )

    def _pick(self, ids, kind, unique=False):
        refs = [self.actors[id] for id in sorted(ids)]
        same = [ref for ref in refs if _same_kind(ref.kind, kind)]
        if len(same) > 1 and unique:
            # A short form like "Trump" that names several actors: leave it alone.
            return None
        preferred = [ref for ref in same if ref.is_verified] or same
        return preferred[0].id if preferred else None


_KINDS = frozenset(Actor.Kind.values)


def _same_kind(a, b):
    loose = {Actor.Kind.ORGANIZATION, Actor.Kind.GROUP}
    return a == b or (a in loose and b in loose)


def save_actors(index, extracted, *, slugs, keys=None):
    """Map each extracted actor's name to an Actor id, creating new actors and aliases.

    Return ``(ids, warnings, on_commit)``: ``on_commit()`` adds what was created to
    ``index`` once the transaction has committed (a rollback leaves it as it was).
    ``slugs(names)`` gives a free slug for each new actor's name; ``keys`` is the
    KeyPool of new actors' primary keys.
    """
    ids, new, warnings = {}, {}, []
    name_limit = Actor._meta.get_field("name").max_length
    for actor in extracted:
        key = name_key(actor.name)
        if not key or len(actor.name) > name_limit:
            warnings.append(f"actor skipped, no usable name: {actor.name[:40]}")
            continue
        if actor.kind not in _KINDS:
            warnings.append(f"actor skipped, unknown kind {actor.kind!r}")
            continue
        found = index.find(actor.name, actor.kind, actor.aliases)
        if found is None:
            if key not in new:
                new[key] = actor
                if is_mixed_script(actor.name):
                    warnings.append(
                        f"mixed-script name kept apart: {printable(actor.name)}"
                    )
            ids[actor.name] = key
        else:
            ids[actor.name] = found
    refs = []
    if new:
        names = [actor.name for actor in new.values()]
        rows = [
            _new_actor(actor, key, slug)
            for (key, actor), slug in zip(new.items(), slugs(names), strict=True)
        ]
        pks = insert_rows(Actor, rows, keys=keys or KeyPool(Actor))
        refs = [
            (ActorRef(pk, row["name"], row["kind"], False), row["name_key"])
            for row, pk in zip(rows, pks, strict=True)
        ]
        new = dict(zip(new, pks, strict=True))
        ids = {name: new[v] if isinstance(v, str) else v for name, v in ids.items()}
    aliases = _save_aliases(index, extracted, ids)

    def on_commit():
        for ref in refs:
            index.add_actor(*ref)
        for key in aliases:
            index.add_alias(*key)

    return ids, warnings, on_commit


def _new_actor(actor, key, slug):
    limit = Actor._meta.get_field("title").max_length
    return {
        "name": actor.name,
        "name_key": key,
        "slug": slug,
        "kind": actor.kind,
        "title": actor.title[:limit],
        "is_verified": False,
    }


def _save_aliases(index, extracted, ids):
    """Record the other forms seen for new or unverified actors; return their keys."""
    limit = Alias._meta.get_field("name").max_length
    aliases = {}
    for actor in extracted:
        actor_id = ids.get(actor.name)
        ref = index.actors.get(actor_id)
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
                and not index.has_key(actor_id, key)
            ):
                aliases[actor_id, key] = {
                    "actor_id": actor_id,
                    "name": alias,
                    "key": key,
                }
    insert_rows(Alias, aliases.values(), ignore_conflicts=True)
    return list(aliases)
