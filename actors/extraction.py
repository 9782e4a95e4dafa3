"""Find the actors in a news text and the quotes they said. Pure Python: no Django.

INTERFACE (stable; the importer depends on it):

    extract(body: str, *, known: Mapping[str, tuple[str, str]] | None = None) -> Extraction

``body`` is the stored article body (paragraphs joined by "\\n\\n"); every offset refers
to it. ``known`` maps alias keys (see ``name_key``) to (canonical name, kind) for actors
editors already curated, so their aliases are recognised in the text.

The pipeline, each step in its own module:

1. ``quotes``: pair the quotation marks paragraph by paragraph, mark titles
   ("The Apprentice", an e-mail "titled …"), and split the text into sentences that
   never break inside a quote;
2. ``mentions``: find capitalised runs, split job titles off names, classify each run
   as person, organization, place or group with the word lists in ``names``, and link
   short mentions ("Trump", "Mr. Waltz", "the RNC") to the actor named in full;
3. ``attribution``: give each quote its speaker (speech verb after or before it,
   pronouns, job descriptions, the turn of the conversation), decide full/partial,
   and drop scare quotes that nobody is said to have said.

A quote continued over paragraphs gives one quote per paragraph: every part keeps
``body[q.start:q.end] == q.text`` and all parts share the speaker.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from .attribution import Attributor
from .coreference import Actor, find_mentions
from .names import name_key
from .quotes import Sentences, find_quotes, paragraphs_of

__all__ = ["ExtractedActor", "ExtractedQuote", "Extraction", "extract", "name_key"]


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


def extract(
    body: str, *, known: Mapping[str, tuple[str, str]] | None = None
) -> Extraction:
    """Return the actors named in ``body`` and the quotes with their speakers."""
    spans = find_quotes(body)
    titles = [(s.open_mark, s.close_mark) for s in spans if s.is_title]
    speech = [
        (s.open_mark, s.close_mark if s.close_mark >= 0 else s.end)
        for s in spans
        if not s.is_title
    ]
    mentions, actors = find_mentions(body, known, speech, titles)
    if not speech:  # nothing to attribute: skip the sentence and speaker work
        return Extraction(actors=_actors(actors), quotes=())
    sentences = Sentences(body, spans, paragraphs_of(body))
    attributed = Attributor(body, spans, mentions, actors, sentences).attribute()
    quotes = tuple(
        ExtractedQuote(
            text=body[span.start : span.end],
            start=span.start,
            end=span.end,
            sentence=body[a.sentence[0] : a.sentence[1]].strip(),
            is_partial=a.is_partial,
            speaker=a.speaker,
        )
        for span, a in attributed
    )
    return Extraction(actors=_actors(actors), quotes=quotes)


def _actors(actors: list[Actor]) -> tuple[ExtractedActor, ...]:
    return tuple(
        ExtractedActor(
            name=a.name,
            kind=a.kind,
            title=a.title,
            aliases=tuple(a.aliases),
            first_offset=a.first_offset,
            count=a.count,
        )
        for a in actors
    )
