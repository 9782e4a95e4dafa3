"""Score the text core (actors + quotes + speakers) against hand-written answers.

Pure Python: no Django import, so it runs in a plain interpreter, in unit tests and
behind the ``evaluate_extraction`` management command alike.

Gold files (``tests/data/gold/<stem>.json``, see the README there) hold names and
*offsets* only — never corpus text. The quote text is recovered from the corpus file
(``text[start:end]``) and checked against the stored SHA-1, so a gold file that no
longer fits its article fails loudly instead of scoring nonsense.

Four scores, all micro-averaged over files (true/false positives and false negatives
are summed over every file before precision and recall are taken):

``people`` / ``organizations``
    Per file, the set of entities. A predicted name is correct when it names a gold
    entity: its normalised form (:func:`normalise_name`) equals the gold canonical name
    or one of the gold aliases; for people, also when first and last name agree and
    only middle names or initials differ ("Michaela Davis" for "Michaela Angela
    Davis"). Matching is one-to-one: a second prediction naming the same gold entity
    (an actor that was not merged, e.g. "Trump" next to "Donald Trump") is a false
    positive.

``quotes``
    Per file, the multiset of quote texts, compared after :func:`normalise_quote`
    (whitespace runs collapsed, curly and straight quote marks unified). Exact text,
    not overlap: a span that swallows or loses a word is wrong. Offsets are not
    compared, because the stored body and the raw file differ in layout.

``speakers``
    End-to-end attribution as in BBC citron's source metric: the multiset of pairs
    (quote text, speaker). A pair is correct when the quote text matches and the
    speaker names the same gold entity (same name rules as above); a quote whose gold
    speaker is null is correct only when the predicted speaker is null too. Precision
    is over *all* predicted quotes and recall over *all* gold quotes, so a missed or
    spurious quote also costs attribution. ``speaker_accuracy`` (attribution correct
    among quotes whose text matched) is reported beside it as a diagnostic.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO_ROOT / "tests" / "data" / "gold"
CORPUS_DIR = REPO_ROOT.parent / "shared" / "corpus"

CATEGORIES = ("quotes", "speakers", "people", "organizations")
# The quality bar of issue #3 (F1 per category).
BAR = {"quotes": 0.95, "speakers": 0.90, "people": 0.93, "organizations": 0.80}
# Extractor kinds that count as people / organizations ("place" and "group" do not:
# the export lists neither countries nor collective nouns such as "Democrats").
PERSON_KINDS = frozenset({"person"})
ORGANIZATION_KINDS = frozenset({"organization"})


class GoldError(ValueError):
    """A gold file is malformed or does not fit its corpus article."""


# --------------------------------------------------------------------------- text


def read_text(path: Path) -> str:
    """A corpus file as the gold offsets see it: UTF-8, BOM dropped, CRLF → LF."""
    raw = path.read_bytes().decode("utf-8")
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    return raw.replace("\r\n", "\n")


_RELATED = "Check out this related article:"
_SOURCE = "Source link"


def minimal_body(text: str) -> str:
    """Fallback file → body conversion (used when ``articles.seeds`` is unavailable).

    Drops the ``Source link…`` trailer (last line) and any ``Check out this related
    article:`` line, then keeps the non-blank lines as paragraphs joined by a blank
    line.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and lines[-1].lstrip().startswith(_SOURCE):
        lines.pop()
    paragraphs = [
        line.strip()
        for line in lines
        if line.strip() and not line.lstrip().startswith(_RELATED)
    ]
    return "\n\n".join(paragraphs)


def file_to_body(text: str, name: str = "article.txt") -> str:
    """The article body the importer would store.

    Uses ``articles.seeds.parse_seed`` (the importer's own parser) when it is there and
    accepts the text, otherwise :func:`minimal_body`.
    """
    try:
        from articles import seeds  # written beside this module; optional here
    except ImportError:
        return minimal_body(text)
    parser = getattr(seeds, "parse_seed", None)
    if callable(parser):
        try:
            body = getattr(parser(text, file_name=name or "article.txt"), "body", None)
        except Exception:  # a parser error must not hide the extractor's scores
            body = None
        if isinstance(body, str) and body.strip():
            return body
    return minimal_body(text)


# --------------------------------------------------------------------- normalising

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_QUOTE_MARKS = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "’": "'", "‘": "'"}
)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_name(name: str) -> str:
    """Case, accents, dots, apostrophe style, a leading "the" and "Mr."-style
    honorifics do not count: "The Kremlin" == "kremlin", "Mr. O’Neill" == "O'Neill".
    """
    text = _strip_accents(name).translate(_APOSTROPHES).casefold()
    text = text.replace(".", "")
    tokens = text.split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[0] in _HONORIFICS:
        tokens = tokens[1:]
    return " ".join(tokens)


def normalise_quote(text: str) -> str:
    """Whitespace runs (including no-break spaces) collapse; quote-mark style unifies."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


def _person_key(normalised: str) -> tuple[str, str, str] | None:
    """(first, last, suffix) of a normalised person name with 2+ name tokens."""
    tokens = normalised.replace(",", " ").split()
    suffix = ""
    if len(tokens) > 2 and tokens[-1] in _SUFFIXES:
        suffix = tokens.pop()
    if len(tokens) < 2:
        return None
    return tokens[0], tokens[-1], suffix


# ---------------------------------------------------------------------- gold data


@dataclass(frozen=True)
class Entity:
    """A gold person or organization: its canonical name and the forms it accepts."""

    name: str
    aliases: tuple[str, ...] = ()
    person: bool = False

    @property
    def forms(self) -> frozenset[str]:
        return frozenset(normalise_name(n) for n in (self.name, *self.aliases))

    def accepts(self, name: str, *, loose: bool = True) -> bool:
        norm = normalise_name(name)
        if norm in self.forms:
            return True
        if not (loose and self.person):
            return False
        key = _person_key(norm)
        return key is not None and any(_person_key(f) == key for f in self.forms)


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None = None


@dataclass(frozen=True)
class GoldDocument:
    file: str
    people: tuple[Entity, ...]
    organizations: tuple[Entity, ...]
    quotes: tuple[Quote, ...]

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self.people + self.organizations


@dataclass(frozen=True)
class Prediction:
    people: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def parse_gold(data: dict, text: str) -> GoldDocument:
    """Build a :class:`GoldDocument` from a gold JSON object and its article text."""
    try:
        file = data["file"]
        aliases = data.get("aliases", {})
        people = tuple(
            Entity(n, tuple(aliases.get(n, ())), person=True) for n in data["people"]
        )
        organizations = tuple(
            Entity(n, tuple(aliases.get(n, ()))) for n in data["organizations"]
        )
        names = {e.name for e in people + organizations}
        quotes = []
        for q in data["quotes"]:
            start, end, speaker = int(q["start"]), int(q["end"]), q["speaker"]
            if not 0 <= start < end <= len(text):
                raise GoldError(f"{file}: quote offsets {start}:{end} out of range")
            span = text[start:end]
            if sha1(span) != q["sha1"]:
                raise GoldError(f"{file}: quote {start}:{end} does not match its sha1")
            if speaker is not None and speaker not in names:
                raise GoldError(f"{file}: speaker {speaker!r} is not a listed actor")
            quotes.append(Quote(span, speaker))
    except (KeyError, TypeError, AttributeError) as exc:
        raise GoldError(f"malformed gold data: {exc!r}") from exc
    return GoldDocument(file, people, organizations, tuple(quotes))


def load_gold(path: Path, corpus_dir: Path = CORPUS_DIR) -> tuple[GoldDocument, str]:
    """One gold file and the raw text of the article it annotates."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    text = read_text(Path(corpus_dir) / data["file"])
    return parse_gold(data, text), text


def load_gold_dir(
    gold_dir: Path = GOLD_DIR, corpus_dir: Path = CORPUS_DIR
) -> list[tuple[GoldDocument, str]]:
    return [load_gold(p, corpus_dir) for p in sorted(Path(gold_dir).glob("*.json"))]


# ----------------------------------------------------------------------- scoring


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        # Nothing predicted and nothing to find is perfect; nothing predicted is 0/x.
        return (
            self.tp / (self.tp + self.fp) if self.tp + self.fp else float(not self.fn)
        )

    @property
    def recall(self) -> float:
        return (
            self.tp / (self.tp + self.fn) if self.tp + self.fn else float(not self.fp)
        )

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Counts plus the items behind them (for error listings)."""

    counts: Counts = field(default_factory=Counts)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


def match_entities(
    gold: Sequence[Entity], predicted: Iterable[str]
) -> tuple[dict[str, Entity], list[str], list[Entity]]:
    """One-to-one matching: exact forms first, then (people) first+last name.

    Returns (prediction → gold entity, unmatched predictions, unmatched gold).
    Predictions are deduplicated by normalised form first.
    """
    seen: dict[str, str] = {}
    for name in predicted:
        seen.setdefault(normalise_name(name), name)
    preds = list(seen.values())
    matched: dict[str, Entity] = {}
    taken: set[int] = set()
    for loose in (False, True):
        for name in preds:
            if name in matched:
                continue
            for i, entity in enumerate(gold):
                if i not in taken and entity.accepts(name, loose=loose):
                    matched[name] = entity
                    taken.add(i)
                    break
    unmatched = [n for n in preds if n not in matched]
    missing = [e for i, e in enumerate(gold) if i not in taken]
    return matched, unmatched, missing


def score_entities(gold: Sequence[Entity], predicted: Iterable[str]) -> Score:
    matched, unmatched, missing = match_entities(gold, predicted)
    return Score(
        Counts(len(matched), len(unmatched), len(missing)),
        missed=[e.name for e in missing],
        spurious=unmatched,
    )


def _multiset_score(gold: Counter, predicted: Counter, show: Callable) -> Score:
    common = gold & predicted
    tp = sum(common.values())
    missed = gold - predicted
    spurious = predicted - gold
    return Score(
        Counts(tp, sum(spurious.values()), sum(missed.values())),
        missed=[show(k) for k in missed.elements()],
        spurious=[show(k) for k in spurious.elements()],
    )


def score_quotes(gold: Sequence[Quote], predicted: Sequence[Quote]) -> Score:
    return _multiset_score(
        Counter(normalise_quote(q.text) for q in gold),
        Counter(normalise_quote(q.text) for q in predicted),
        show=lambda k: k,
    )


def resolve_speaker(name: str | None, entities: Sequence[Entity]) -> str | None:
    """The gold entity a predicted speaker names, else a key no gold pair has."""
    if name is None or not str(name).strip():
        return None
    exact = [e for e in entities if e.accepts(name, loose=False)]
    if len(exact) == 1:
        return exact[0].name
    loose = [e for e in entities if e.accepts(name)]
    if len(exact) == 0 and len(loose) == 1:
        return loose[0].name
    return "\x00unresolved:" + normalise_name(name)


def score_speakers(
    gold: Sequence[Quote], predicted: Sequence[Quote], entities: Sequence[Entity]
) -> Score:
    def show(pair: tuple[str, str | None]) -> str:
        text, speaker = pair
        who = "None" if speaker is None else speaker.replace("\x00unresolved:", "?")
        return f"{text}  <- {who}"

    return _multiset_score(
        Counter((normalise_quote(q.text), q.speaker) for q in gold),
        Counter(
            (normalise_quote(q.text), resolve_speaker(q.speaker, entities))
            for q in predicted
        ),
        show=show,
    )


def speaker_accuracy_counts(
    gold: Sequence[Quote], predicted: Sequence[Quote], entities: Sequence[Entity]
) -> tuple[int, int]:
    """(correct speakers, quotes whose text matched) — attribution given the span."""
    remaining = Counter((normalise_quote(q.text), q.speaker) for q in gold)
    texts = Counter(normalise_quote(q.text) for q in gold)
    correct = matched = 0
    for q in predicted:
        text = normalise_quote(q.text)
        if texts[text] <= 0:
            continue
        texts[text] -= 1
        matched += 1
        pair = (text, resolve_speaker(q.speaker, entities))
        if remaining[pair] > 0:
            remaining[pair] -= 1
            correct += 1
    return correct, matched


@dataclass
class FileResult:
    file: str
    scores: dict[str, Score]
    speaker_correct: int = 0
    speaker_matched: int = 0


@dataclass
class Report:
    files: list[FileResult]

    def total(self, category: str) -> Counts:
        total = Counts()
        for f in self.files:
            total += f.scores[category].counts
        return total

    @property
    def speaker_accuracy(self) -> float:
        matched = sum(f.speaker_matched for f in self.files)
        correct = sum(f.speaker_correct for f in self.files)
        return correct / matched if matched else 0.0

    def f1(self) -> dict[str, float]:
        return {c: self.total(c).f1 for c in CATEGORIES}

    def failures(self, bar: dict[str, float] = BAR) -> dict[str, float]:
        """Categories below the bar, with their F1."""
        return {c: f for c, f in self.f1().items() if c in bar and f < bar[c]}


def score_document(gold: GoldDocument, prediction: Prediction) -> FileResult:
    correct, matched = speaker_accuracy_counts(
        gold.quotes, prediction.quotes, gold.entities
    )
    return FileResult(
        gold.file,
        {
            "quotes": score_quotes(gold.quotes, prediction.quotes),
            "speakers": score_speakers(gold.quotes, prediction.quotes, gold.entities),
            "people": score_entities(gold.people, prediction.people),
            "organizations": score_entities(
                gold.organizations, prediction.organizations
            ),
        },
        speaker_correct=correct,
        speaker_matched=matched,
    )


# ---------------------------------------------------------------------- pipeline

Extractor = Callable[[str], object]


def _name_of(speaker: object) -> str | None:
    if speaker is None:
        return None
    if isinstance(speaker, str):
        return speaker
    return getattr(speaker, "name", None) or str(speaker)


def prediction_from_extraction(extraction: object) -> Prediction:
    """Turn an ``actors.extraction.Extraction`` into what the export would list."""
    actors = tuple(getattr(extraction, "actors", ()))
    people = tuple(a.name for a in actors if getattr(a, "kind", "") in PERSON_KINDS)
    organizations = tuple(
        a.name for a in actors if getattr(a, "kind", "") in ORGANIZATION_KINDS
    )
    quotes = tuple(
        Quote(q.text, _name_of(getattr(q, "speaker", None)))
        for q in getattr(extraction, "quotes", ())
    )
    return Prediction(people, organizations, quotes)


def default_extractor() -> Extractor:
    from actors.extraction import extract  # the engine under test

    return extract


def predict(
    text: str, extractor: Extractor | None = None, name: str = ""
) -> Prediction:
    extract = extractor or default_extractor()
    return prediction_from_extraction(extract(file_to_body(text, name)))


def evaluate(
    documents: Iterable[tuple[GoldDocument, str]],
    extractor: Extractor | None = None,
) -> Report:
    """Run the extractor over each gold article and score it."""
    extract = extractor or default_extractor()
    return Report(
        [score_document(g, predict(text, extract, g.file)) for g, text in documents]
    )


def prediction_from_export(record: dict) -> Prediction:
    """One ``export_articles`` JSON Lines object as a prediction."""
    return Prediction(
        tuple(record.get("people") or ()),
        tuple(record.get("organizations") or ()),
        tuple(
            Quote(q.get("text") or "", q.get("speaker"))
            for q in record.get("quotes") or ()
        ),
    )


def load_export(path: Path) -> dict[str, Prediction]:
    """An export file, keyed by the base name of each record's import file."""
    predictions = {}
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                name = Path(str(record.get("file", ""))).name
                predictions[name] = prediction_from_export(record)
    return predictions


def evaluate_export(
    documents: Iterable[tuple[GoldDocument, str]], predictions: dict[str, Prediction]
) -> Report:
    """Score an export (what the outside evaluation reads); absent files score 0."""
    return Report(
        [score_document(g, predictions.get(g.file, Prediction())) for g, _ in documents]
    )


def format_report(report: Report, *, verbose: bool = False) -> str:
    """A plain-text table (and, verbose, the per-file misses) for the terminal."""
    lines = [
        f"{len(report.files)} annotated files",
        f"{'category':<15}{'P':>7}{'R':>7}{'F1':>7}{'bar':>7}{'tp':>6}{'fp':>6}{'fn':>6}",
    ]
    for c in CATEGORIES:
        t = report.total(c)
        ok = "" if t.f1 >= BAR[c] else "  below bar"
        lines.append(
            f"{c:<15}{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}{BAR[c]:>7.2f}"
            f"{t.tp:>6}{t.fp:>6}{t.fn:>6}{ok}"
        )
    lines.append(f"speaker accuracy on matched quotes: {report.speaker_accuracy:.3f}")
    for f in report.files:
        errors = {c: s for c, s in f.scores.items() if s.missed or s.spurious}
        if not errors:
            continue
        summary = ", ".join(
            f"{c} -{len(s.missed)}/+{len(s.spurious)}" for c, s in errors.items()
        )
        lines.append(f"{f.file}: {summary}")
        if verbose:
            for c, s in errors.items():
                lines.extend(f"    {c} missed:   {_clip(m)}" for m in s.missed)
                lines.extend(f"    {c} spurious: {_clip(m)}" for m in s.spurious)
    return "\n".join(lines)


def _clip(text: str, width: int = 110) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= width else text[: width - 1] + "…"
