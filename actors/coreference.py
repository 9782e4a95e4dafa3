"""Link the mentions of a text into actors: "Rubio" and "Mr. Rubio" are Marco Rubio.

Pure Python: no Django. Full names become actors first (variants with or without a
middle initial merge); then each short mention goes to the actor it names: a surname
or a tail ("de Blasio", "Trump Jr."), a first name, an acronym ("RNC"), a newspaper's
last word ("The Post"). Surnames shared by several actors go to the best-known or the
most recent one outside quotes. A surname seen with an honorific but never in full
("Mr. Obama") becomes an actor of its own.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import names as lex
from .mentions import ORGANIZATION, PERSON, Mention, MentionFinder, key_of
from .names import bare_token, gender_of, is_acronym, name_parts


@dataclass(slots=True)
class Actor:
    name: str
    kind: str
    title: str = ""
    gender: str = ""
    aliases: list[str] = field(default_factory=list)
    first_offset: int = 0
    count: int = 0


_CHAMBERS = lex.words("House Senate Congress Parliament Assembly Duma Knesset")
_GIVEN_ABBREVIATION = re.compile(r"[ \u00a0]+\(([A-Z][\w&.]*[A-Z])\)")


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[ \u00a0\-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words if w not in {"The"})


def _initials_with_of(name: str) -> str:
    """ "Bank of Japan" -> "BOJ", "Department of Justice" -> "DOJ": "of" counts too."""
    words = [
        w
        for w in re.split(r"[ \u00a0\-]+", name)
        if w and (w[0].isupper() or w == "of") and w != "The"
    ]
    return "".join(w[0].upper() for w in words)


class Linker:
    """Group mentions into actors: full names first, then the short references."""

    def __init__(self, finder: MentionFinder, quoted: list[tuple[int, int]]):
        self.finder = finder
        self.quoted = quoted
        self.actors: dict[str, Actor] = {}
        self.order: list[str] = []
        self._index: tuple | None = None
        # People by (first, last) name key and by the tails of their key, so a full
        # name is compared with the few actors it can match, not with all of them.
        self._rank: dict[str, int] = {}
        self._by_ends: dict[tuple[str, str], list[str]] = {}
        self._by_tail: dict[str, list[str]] = {}

    def link(self) -> tuple[list[Mention], list[Actor]]:
        mentions = self.finder.mentions
        for m in mentions:
            self._link_full(m)
        self._merge_acronyms(mentions)
        self._merge_org_names(mentions)
        linked = list(mentions)
        for m in self.finder.singles:
            if self._link_short(m, mentions):
                linked.append(m)
        linked.sort(key=lambda m: m.start)
        actors = self._collect(linked)
        return linked, actors

    def _actor(self, key: str, name: str, kind: str) -> Actor:
        actor = self.actors.get(key)
        if actor is None:
            actor = self.actors[key] = Actor(name, kind)
            self.order.append(key)
            if kind == PERSON:
                self._index_person(key, name)
        return actor

    def _index_person(self, key: str, name: str) -> None:
        self._rank[key] = len(self._rank)
        parts = name_parts(name)
        if len(parts) > 1:
            ends = (key_of(parts[0]), key_of(parts[-1]))
            self._by_ends.setdefault(ends, []).append(key)
        for i, char in enumerate(key):
            if char == " ":
                self._by_tail.setdefault(key[i + 1 :], []).append(key)

    @staticmethod
    def _same_person(name: str, parts: tuple[str, ...], other_name: str) -> bool:
        """Return True if two names with the same first and last name are one person."""
        other = name_parts(other_name)
        return len(name.split()) == len(other_name.split()) or any(
            len(bare_token(p)) == 1 for p in parts[1:-1] + other[1:-1]
        )

    def _first_person(self, keys) -> tuple[str, Actor] | None:
        """Return the first-created person under ``keys``, as a scan in order would."""
        found = [k for k in keys if k in self.actors and self.actors[k].kind == PERSON]
        if not found:
            return None
        key = min(found, key=self._rank.__getitem__)
        return key, self.actors[key]

    def _link_full(self, m: Mention) -> None:
        name = m.name or m.text
        if m.kind == PERSON:
            parts = name_parts(name)
            ends = (key_of(parts[0]), key_of(parts[-1]))
            candidates = self._by_ends.get(ends, ()) if len(parts) > 1 else ()
            same = [
                key
                for key in candidates
                if self._same_person(name, parts, self.actors[key].name)
            ]
            found = self._first_person([key_of(name), *same])
            if found:
                m.key, m.name = found[0], found[1].name
        if not m.name and m.kind == PERSON:
            longer = [
                key
                for key in self._by_tail.get(key_of(name), ())
                if len(self.actors[key].name.split()) > len(name.split())
            ]
            found = self._first_person(longer)
            if found:
                m.key, m.name = found[0], found[1].name
        if not m.name:
            m.name = " ".join(name.split())
            m.key = key_of(name)
        actor = self._actor(m.key, m.name, m.kind)
        if m.title and not actor.title:
            actor.title = m.title
        if m.gender and not actor.gender:
            actor.gender = m.gender

    def _merge_acronyms(self, mentions: list[Mention]) -> None:
        orgs = [a for a in self.actors.values() if a.kind == ORGANIZATION]
        by_initials = {}
        for a in orgs:
            if len(a.name.split()) > 1:
                by_initials.setdefault(_initials(a.name), a)
        for a in orgs:
            if " of " in a.name:
                by_initials.setdefault(_initials_with_of(a.name), a)
        # "Social Democratic Party (SPD)": the text gives the abbreviation itself.
        body = self.finder.body
        for m in mentions:
            given = _GIVEN_ABBREVIATION.match(body, m.end)
            if m.kind == ORGANIZATION and given and " " in m.name:
                by_initials[given.group(1).replace(".", "")] = self.actors[m.key]
        for m in mentions:
            if m.kind != ORGANIZATION or not is_acronym(m.text):
                continue
            target = by_initials.get(m.text.replace(".", ""))
            if target is not None and target.name != m.name:
                self._retarget(m, target)

    def _merge_org_names(self, mentions: list[Mention]) -> None:
        """Merge "ISIS" into "Islamic State", "State Board of Elections" into the longer name."""
        orgs = {a.name: a for a in self.actors.values() if a.kind == ORGANIZATION}
        for m in mentions:
            if m.kind != ORGANIZATION:
                continue
            target = orgs.get(lex.ORG_SYNONYMS.get(m.name, ""))
            if target is None and len(m.name.split()) > 1:
                target = next(
                    (
                        a
                        for n, a in orgs.items()
                        if n != m.name
                        and len(n) > len(m.name)
                        and n.endswith(" " + m.name)
                    ),
                    None,
                )
            if target is None and m.name in _CHAMBERS:
                target = self._chamber_of(m.name, orgs)
                if target is not None:
                    self._retarget(m, target)
                    continue
            if target is None and " " not in m.name:
                target = self._org_by_first_word(m.name, orgs)
                if target is not None:
                    self._retarget(m, target)
                    continue
            if target is not None:
                extra = target.name[: -len(m.name)].split()
                if (
                    all(
                        key_of(w) in lex.PLACES or w in lex.NATIONALITIES for w in extra
                    )
                    and m.name in orgs
                ):
                    for other in mentions:
                        if other.name == target.name:
                            self._retarget(other, orgs[m.name])
                    continue
                self._retarget(m, target)

    @staticmethod
    def _chamber_of(word: str, orgs: dict[str, Actor]) -> Actor | None:
        """Return the one "Pennsylvania House" that a later "House" shortens."""
        longer = [
            a
            for n, a in orgs.items()
            if n.endswith(" " + word)
            and all(key_of(w) in lex.PLACES for w in n[: -len(word)].split())
        ]
        return longer[0] if len(longer) == 1 else None

    @staticmethod
    def _org_by_first_word(word: str, orgs: dict[str, Actor]) -> Actor | None:
        """Return the one longer organization "Pew" shortens ("Pew Research Center")."""
        if word in lex.ORG_HEADS or word in lex.TITLE_WORDS or word in _CHAMBERS:
            return None  # "Senate" is not the "Senate Judiciary Committee"
        if is_acronym(word):
            return None  # "U.N." is the parent of the "U.N. Security Council"
        longer = [a for n, a in orgs.items() if n.startswith(word + " ")]
        return longer[0] if len(longer) == 1 else None

    def _retarget(self, m: Mention, target: Actor) -> None:
        old = m.key
        m.key, m.name = key_of(target.name), target.name
        if old in self.actors and not any(
            x.key == old for x in self.finder.mentions if x is not m
        ):
            del self.actors[old]
            self.order.remove(old)

    def _outside_quotes(self, pos: int) -> bool:
        return not any(a <= pos < b for a, b in self.quoted)

    def _name_index(self) -> tuple[dict[str, list[Actor]], dict[str, list[Actor]]]:
        """Return people by surname (or name tail) and by first name; rebuilt on change."""
        people = [a for a in self.actors.values() if a.kind == PERSON]
        if self._index is None or self._index[0] != len(people):
            surnames: dict[str, list[Actor]] = {}
            first_names: dict[str, list[Actor]] = {}
            for a in people:
                words = a.name.split()
                tails = {key_of(name_parts(a.name)[-1]), key_of(" ".join(words[1:]))}
                for tail in tails:
                    surnames.setdefault(tail, []).append(a)
                first_names.setdefault(key_of(words[0]), []).append(a)
            self._index = (len(people), surnames, first_names)
        return self._index[1], self._index[2]

    def _link_short(self, m: Mention, full: list[Mention]) -> bool:
        key = m.key
        surnames, first_names = self._name_index()
        curated = self.finder.known.get(key)
        if curated is not None and not surnames.get(key):
            m.name, m.kind = curated
            m.key = key_of(m.name)
            self._actor(m.key, m.name, m.kind)
            return True
        candidates = surnames.get(key, [])
        if not candidates and bare_token(m.text) in lex.FIRST_NAMES:
            candidates = first_names.get(key, [])
        elif not candidates and len(first_names.get(key, ())) == 1:
            # "Amara said" after "Amara Okonkwo": a first name no list knows, but
            # the first name of exactly one person in the story.
            candidates = first_names[key]
        if candidates:
            actor = self._choose(m, candidates, full)
            m.kind, m.name, m.key = PERSON, actor.name, key_of(actor.name)
            if m.title and not actor.title:
                actor.title = m.title
            if m.gender and not actor.gender:
                actor.gender = m.gender  # "Ms. Galvez" after "Xochitl Galvez"
            return True
        org = self._org_tail(m)
        if org is not None:
            m.kind, m.name, m.key = ORGANIZATION, org.name, key_of(org.name)
            return True
        famous = lex.FAMOUS_SURNAMES.get(bare_token(m.text))
        if m.kind == PERSON or m.title or famous:
            if not famous and not m.title and m.kind != PERSON:
                return False
            name = famous or m.text
            m.kind, m.name, m.key = PERSON, name, key_of(name)
            actor = self._actor(m.key, name, PERSON)
            actor.title = actor.title or m.title
            actor.gender = actor.gender or m.gender or gender_of(name.split(), m.title)
            return True
        if m.org_cue:  # "an analyst at Acme", "Acme said in a statement"
            orgs = {a.name: a for a in self.actors.values() if a.kind == ORGANIZATION}
            org = self._org_by_first_word(m.text, orgs)  # "Acme" of "Acme Research"
            name = org.name if org else m.text
            m.kind, m.name, m.key = ORGANIZATION, name, key_of(name)
            self._actor(m.key, name, ORGANIZATION)
            return True
        return False

    def _choose(
        self, m: Mention, candidates: list[Actor], full: list[Mention]
    ) -> Actor:
        if len(candidates) == 1:
            return candidates[0]
        famous = lex.FAMOUS_SURNAMES.get(bare_token(m.text))
        for a in candidates:
            if a.name == famous:
                return a
        names = {a.name for a in candidates}
        before = [
            f
            for f in full
            if f.start < m.start and f.name in names and self._outside_quotes(f.start)
        ]
        if before:
            return next(a for a in candidates if a.name == before[-1].name)
        return candidates[0]

    def _org_tail(self, m: Mention) -> Actor | None:
        tail = bare_token(m.text)
        if tail not in lex.ORG_HEADS:
            return None
        if not self.finder.body[max(0, m.start - 4) : m.start].lower().endswith("the "):
            return None
        for actor in self.actors.values():
            if (
                actor.kind == ORGANIZATION
                and actor.name.split()[-1] == tail
                and actor.name != tail
            ):
                return actor
        return None

    def _collect(self, linked: list[Mention]) -> list[Actor]:
        for m in linked:
            actor = self.actors.get(m.key)
            if actor is None:
                continue
            if actor.count == 0:
                actor.first_offset = m.start
            actor.count += 1
            surface = m.text
            if surface != actor.name and surface not in actor.aliases:
                actor.aliases.append(surface)
        return [self.actors[k] for k in self.order if self.actors[k].count]


def find_mentions(
    body: str,
    known: Mapping[str, tuple[str, str]] | None = None,
    quoted: list[tuple[int, int]] | None = None,
    titles: list[tuple[int, int]] | None = None,
) -> tuple[list[Mention], list[Actor]]:
    """Return every actor mention in ``body`` (in text order) and the actors they name."""
    finder = MentionFinder(body, known, quoted or [], titles or [])
    finder.scan()
    return Linker(finder, quoted or []).link()
