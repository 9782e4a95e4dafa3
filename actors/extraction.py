"""Find the actors in a news text and the quotes they said. Pure Python: no Django.

INTERFACE (stable; the importer depends on it):

    extract(body: str, *, known: Mapping[str, tuple[str, str]] | None = None) -> Extraction

``body`` is the stored article body (paragraphs joined by "\\n\\n"); every offset refers
to it. ``known`` maps alias keys (see ``name_key``) to (canonical name, kind) for actors
editors already curated, so their aliases are recognised in the text.
"""

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractedActor:
    name: str  # canonical name: "Marco Rubio"
    kind: str  # "person" | "organization" | "place" | "group" (Actor.Kind values)
    title: str = ""  # "Secretary of State"
    aliases: tuple[str, ...] = ()  # other forms seen in the text: "Rubio"
    first_offset: int = 0
    count: int = 1


@dataclass(frozen=True)
class ExtractedQuote:
    text: str  # exact words without the marks; body[start:end] == text
    start: int
    end: int
    sentence: str
    is_partial: bool
    speaker: str | None  # an ExtractedActor.name, or None when the text doesn't say


@dataclass(frozen=True)
class Extraction:
    actors: tuple[ExtractedActor, ...]
    quotes: tuple[ExtractedQuote, ...]


def name_key(name: str) -> str:
    """Return the lookup key of a name: case-, accent-, dot- and space-insensitive."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace(".", " ").split())


def extract(
    body: str, *, known: Mapping[str, tuple[str, str]] | None = None
) -> Extraction:
    # Placeholder until the extraction engine lands: finds nothing.
    return Extraction(actors=(), quotes=())
