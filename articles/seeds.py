"""Read seed files into SeedArticle records. Pure Python: no Django.

A seed file is paragraphs of prose, optionally a line ``Check out this related
article: <headline>``, and a last line ``Source link`` immediately followed by
comma-separated tags. Files without that trailer are plain paragraphs.
"""

import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

RELATED_PREFIX = "Check out this related article:"
TAGS_PREFIX = "Source link"
HEADLINE_LENGTH = 110
STANDFIRST_LENGTH = 300
RELATED_LENGTH = 300

# C0/C1 control characters except tab and newline, the BOM, and bidirectional
# embeddings, overrides and isolates, which make text read differently from what it
# says ("Trojan Source").
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u202a-\u202e\u2066-\u2069]")
_TERMINAL_ESCAPE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])"
)


class SeedError(Exception):
    """A seed file that cannot be imported, and why."""

    def __init__(self, file_name, reason):
        super().__init__(file_name, reason)
        self.file_name = file_name
        self.reason = reason

    def __str__(self):
        return f"{printable(self.file_name)}: {self.reason}"


@dataclass(frozen=True)
class SeedArticle:
    file_name: str
    headline: str
    standfirst: str
    body: str
    lead: str
    dateline_date: date | None
    related_headline: str
    tags: tuple[str, ...]
    content_hash: str
    warnings: tuple[str, ...] = ()

    def paragraphs(self):
        return self.body.split("\n\n")


def printable(text, limit=200):
    """Return ``text`` on one line, safe for a terminal: escape what doesn't print."""
    text = str(text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in text)


def _escape(ch):
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def read_seed(path, *, max_bytes, reference=None):
    """Read and parse one seed file, refusing anything that is not small plain text."""
    path = Path(path)
    name = os.fsdecode(path.name)
    if not name.isprintable():
        raise SeedError(name, "file name has control or non-printable characters")
    data = _read_bytes(path, name, max_bytes)
    if not data.strip():
        raise SeedError(name, "empty file" if not data else "only whitespace")
    if b"\x00" in data:
        raise SeedError(name, "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        raise SeedError(
            name, f"not UTF-8 text (byte 0x{byte:02x} at offset {exc.start})"
        ) from None
    if reference is None:
        reference = date.fromtimestamp(path.lstat().st_mtime)
    return parse_seed(text, file_name=name, reference=reference)


def _read_bytes(path, name, max_bytes):
    try:
        info = path.lstat()
    except OSError as exc:
        raise SeedError(name, f"cannot read: {exc.strerror}") from None
    if stat.S_ISLNK(info.st_mode):
        raise SeedError(name, "symbolic link (never followed)")
    if not stat.S_ISREG(info.st_mode):
        raise SeedError(name, "not a regular file")
    if info.st_size > max_bytes:
        raise SeedError(name, _too_large(info.st_size, max_bytes))
    # O_NOFOLLOW and the second check close the gap between lstat() and open();
    # O_NONBLOCK keeps a FIFO swapped in meanwhile from blocking the import.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise SeedError(name, f"cannot read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SeedError(name, "not a regular file")
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise SeedError(name, _too_large(len(data), max_bytes))
    return data


def _too_large(size, max_bytes):
    return f"too large ({size:,} bytes; the limit is {max_bytes:,})"


def parse_seed(text, *, file_name, reference=None):
    """Turn the text of a seed file into a SeedArticle."""
    text, removed = clean_text(text)
    lines = [line.strip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        raise SeedError(file_name, "only whitespace")
    tags = ()
    if lines[-1].startswith(TAGS_PREFIX):
        tags = split_tags(lines.pop()[len(TAGS_PREFIX) :])
    related = ""
    paragraphs = []
    for line in lines:
        if line.startswith(RELATED_PREFIX):
            related = line[len(RELATED_PREFIX) :].strip()
        elif line:
            paragraphs.append(line)
    if not paragraphs:
        raise SeedError(file_name, "no body text besides the trailer")
    warnings = []
    if removed:
        warnings.append(f"removed {removed} control or bidi character(s)")
    if len(related) > RELATED_LENGTH:
        related = shorten(related, RELATED_LENGTH)
        warnings.append(f"related headline shortened to {RELATED_LENGTH} characters")
    body = "\n\n".join(paragraphs)
    lead = _headline_paragraph(paragraphs)
    return SeedArticle(
        file_name=file_name,
        headline=derive_headline(paragraphs),
        standfirst=derive_standfirst(lead),
        body=body,
        lead=paragraphs[0],
        dateline_date=find_dateline_date(paragraphs[0], reference=reference),
        related_headline=related,
        tags=tags,
        content_hash=content_hash(body),
        warnings=tuple(warnings),
    )


def clean_text(text):
    """Return ``text`` without control characters, BOMs and bidi overrides, in NFC.

    Newlines and tabs stay; CR/LF, CR and Unicode line separators become "\\n".
    Also return how many characters were removed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    before = len(text)
    text = _UNWANTED.sub("", _TERMINAL_ESCAPE.sub("", text))
    removed = before - len(text)
    return unicodedata.normalize("NFC", text), removed


def split_tags(text):
    """Split the tag list of a trailer, dropping blanks and repeats (any case)."""
    tags, seen = [], set()
    for raw in text.split(","):
        tag = " ".join(raw.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tuple(tags)


def content_hash(body):
    """Return the SHA-256 of the body with all whitespace runs made one space."""
    return hashlib.sha256(" ".join(body.split()).encode()).hexdigest()


# --- Headline, standfirst -----------------------------------------------------------

# fmt: off
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt",
    "capt", "adm", "cmdr", "maj", "st", "jr", "sr", "rev", "no", "vs", "etc", "inc",
    "corp", "co", "ltd", "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "ft", "mt", "pres", "supt",
})
# fmt: on
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘'(]*[A-Z0-9])")


def sentences(paragraph):
    """Split a paragraph into sentences, not at abbreviations or initials."""
    found, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        if paragraph[match.start()] == "." and _ends_abbreviation(
            paragraph[start : match.start()]
        ):
            continue
        found.append(paragraph[start : match.end()].strip())
        start = match.end()
    if paragraph[start:].strip():
        found.append(paragraph[start:].strip())
    return found


def _ends_abbreviation(text):
    word = text.rsplit(None, 1)[-1] if text.strip() else ""
    word = word.lstrip("\"“‘'(")
    return (
        len(word) == 1
        or "." in word  # U.S, a.m
        or word.casefold() in _ABBREVIATIONS
    )


def _headline_paragraph(paragraphs):
    """Return the paragraph to take the headline from: a label like "LETTERS." is not."""
    if _is_label(paragraphs[0]) and len(paragraphs) > 1:
        return paragraphs[1]
    return paragraphs[0]


def _is_label(paragraph):
    return len(paragraph.split()) <= 2 and len(paragraph) <= 30


def derive_headline(paragraphs):
    """Return a draft headline: the lead's first sentence without its dateline."""
    lead = _headline_paragraph(paragraphs)
    first = sentences(lead)[0] if lead else ""
    first = strip_dateline(first)
    headline = shorten(first, HEADLINE_LENGTH).rstrip()
    if headline.endswith(".") and not headline.endswith(".."):
        headline = headline[:-1]
    headline = _capitalise(headline)
    if lead is not paragraphs[0]:
        label = paragraphs[0].strip(" .:").title()
        headline = shorten(f"{label}: {headline}", HEADLINE_LENGTH)
    return headline or "Untitled story"


def derive_standfirst(lead):
    """Return the lead's opening sentences, up to STANDFIRST_LENGTH characters."""
    if len(lead) <= STANDFIRST_LENGTH:
        return lead
    kept = ""
    for sentence in sentences(lead):
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > STANDFIRST_LENGTH:
            break
        kept = candidate
    return kept or shorten(lead, STANDFIRST_LENGTH)


def shorten(text, limit):
    """Cut ``text`` at a word boundary to at most ``limit`` characters, with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    words = text[:limit].split(" ")
    if len(words) > 1:
        words.pop()  # cut mid-word, or one too many for the "…"
    else:
        words = [text[: limit - 1]]
    while len(words) > 3 and words[-1].casefold() in _WEAK_ENDINGS:
        words.pop()
    return " ".join(words).rstrip(" ,;:-–—(\"“‘'") + "…"


# fmt: off
_WEAK_ENDINGS = frozenset({
    "a", "an", "the", "of", "to", "for", "and", "or", "but", "in", "on", "at", "by",
    "with", "from", "as", "that", "which", "who", "whose", "his", "her", "its",
    "their", "our", "your", "my", "is", "are", "was", "were", "be", "being", "been",
    "has", "have", "had", "into", "onto", "over", "under", "than", "then", "while",
})
# fmt: on


def _capitalise(text):
    return text[:1].upper() + text[1:]


# --- Dates --------------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DATE = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    rf"|\b(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')}\s+(?P<year2>(?:19|20)\d\d)\b"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATELINES = (
    # "On March 16, 2025, while flying back to Washington, "
    re.compile(
        rf"^(?:[Oo]n\s+)?(?:{_WEEKDAY},?\s+)?(?:{_DATE.pattern}|{_WEEKDAY})\s*,\s*"
        r"(?:(?:while|as|after|before|during|when|amid|following|in|at)\b[^,]{1,80},\s*)?"
    ),
    # "Washington (AFP) – ", "NEW YORK — "
    re.compile(r"^[A-Z][\w.' ]{1,40}\((?:AFP|AP|Reuters)\)\s*[-–—]+\s*"),
    re.compile(r"^[A-Z][A-Z.' ]{2,40}\s*[–—]+\s+"),
)


def strip_dateline(sentence):
    """Remove an opening "On March 16, 2025, while …, " or "City (AFP) – "."""
    for pattern in _DATELINES:
        stripped = pattern.sub("", sentence, count=1)
        if stripped != sentence:
            return stripped if len(stripped.split()) >= 3 else sentence
    return sentence


def find_dateline_date(lead, *, reference=None):
    """Return the date in the lead's first sentence, or None.

    A date without a year ("Mar. 16") takes the latest year that does not put it
    after ``reference`` (the day the file was written); with no reference, None.
    """
    first = sentences(lead)[0] if lead else ""
    match = _DATE.search(first)
    if not match:
        return None
    month = _MONTHS[(match["month"] or match["month2"])[:3].casefold()]
    day = int(match["day"] or match["day2"])
    year = match["year"] or match["year2"]
    if year:
        return _date_or_none(int(year), month, day)
    if reference is None:
        return None
    found = _date_or_none(reference.year, month, day)
    if found is None or found > reference:
        found = _date_or_none(reference.year - 1, month, day)
    return found


def _date_or_none(year, month, day):
    try:
        return date(year, month, day)
    except ValueError:
        return None
