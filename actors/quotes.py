"""Find the quotations in a news text and the sentences around them. Pure Python.

``find_quotes`` pairs quotation marks paragraph by paragraph: curly “ ” and straight "
marks (also mixed, as in “no evidence"), with marks nested one level deep kept inside
the outer quote. A quote still open at the end of a paragraph ends there; when the next
paragraph opens with a mark it continues the quote (each part is its own span, so every
span satisfies ``body[start:end] == text``). Titles in quotes (shows, books, articles,
aliases, title-case names) and labels given to someone ("dubbed her "the Iron Lady"",
"pronounce him "president for life"", "known as "…"") are marked so they are not
reported as speech; a speech verb right before title-case words ("shouted "Get Out
Now"") keeps them speech.
"""

import bisect
import itertools
import re
from dataclasses import dataclass

from . import names as lex

_MARK = re.compile(r"[\"“”]")
# The look-behind follows the mark so that the engine can skip ahead to each "‘".
_SINGLE = re.compile(r"‘(?<![\w’']‘)((?:[^‘’\n]|’(?=\w)){1,400}?)’(?!\w)")
# Straight single marks double as apostrophes ("don't", "Jones' car", "'90s", "rock 'n'
# roll"), so they are read as quotes only in an article that has no double marks (the
# British convention), with the opening mark at a word start and the closing mark before
# a non-word character; a quote left open at the end of its paragraph is kept when the
# next paragraph reopens it.
_STRAIGHT_SINGLE = re.compile(
    r"'(?<![\w'’]')(?!\d\ds?\b)(?=[^\W_])((?:[^'\n]|'(?=\w)){2,600}?)"
    r"(?:(?<=\S)'(?!\w)|$)",
    re.M,
)
_DOUBLE_MARK = re.compile(r"[\"“”]")
_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_SMALL = lex.words("a an and the of in on for to with at by or from as vs is")
_OPENERS = set(" \t\u00a0([{—–-/“‘")
_ABBREVIATIONS = lex.words(
    "Mr Mrs Ms Dr Sen Rep Gov Lt Gen Col Sgt Capt Maj Rev Jr Sr St Ft Mt Prof Atty"
    " Adm Cmdr Hon Pres Supt Insp Det Cpl Pvt Amb Brig Ret Fr No Nos vs Vs etc Inc"
    " Corp Co Ltd Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec U.S D.C U.K U.N"
    " a.m p.m Ph.D Mass Calif Fla Ill Pa Va Wash Tex Ariz Colo Conn Md Mich Minn"
    " Nev N.H N.J N.Y N.C S.C Okla Ore Tenn Wis"
)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*[ \u00a0]+(?=[\"“‘(\[]?[A-Z0-9À-Þ])")


@dataclass(slots=True)
class QuoteSpan:
    start: int  # first character of the words (marks and spaces excluded)
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset of the closing mark, -1 if the paragraph ends first
    paragraph: int
    continued: bool = False  # continues a quote left open in the previous paragraph
    is_title: bool = False


def paragraphs_of(body: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end()) for m in _PARAGRAPH.finditer(body) if m.group().strip()
    ]


def _mark_kind(body: str, i: int, start: int, end: int) -> str:
    ch = body[i]
    prev = body[i - 1] if i > start else " "
    nxt = body[i + 1] if i + 1 < end else " "
    if ch == "“":
        return (
            "close"
            if not prev.isspace() and prev not in _OPENERS and nxt.isspace()
            else "open"
        )
    if ch == "”":
        return "open" if prev.isspace() and nxt.isalnum() else "close"
    if prev in _OPENERS or prev.isspace():
        return "open" if not nxt.isspace() else "close"
    return "close"


def _next_paragraph(body: str, end: int) -> int:
    """Return the offset of the first character of the paragraph after ``end``."""
    while end < len(body) and body[end].isspace():
        end += 1
    return end


def _spans_in_paragraph(
    body: str, index: int, start: int, end: int, straight: bool = False
) -> list[QuoteSpan]:
    spans = []
    depth = 0
    opened = -1
    for m in _MARK.finditer(body, start, end):
        i = m.start()
        kind = _mark_kind(body, i, start, end)
        if depth == 0:
            if kind == "open":
                depth, opened = 1, i
        elif kind == "close":
            depth -= 1
            if depth == 0:
                spans.append(_span(body, opened, i, i, index))
        elif depth < 2:
            depth += 1
        else:
            depth -= 1
    if depth:
        spans.append(_span(body, opened, end, -1, index))
    covered = [(s.open_mark, s.close_mark if s.close_mark >= 0 else end) for s in spans]
    for m in itertools.chain(
        _SINGLE.finditer(body, start, end),
        _STRAIGHT_SINGLE.finditer(body, start, end) if straight else (),
    ):
        if m.start() > start and not (
            body[m.start() - 1].isspace() or body[m.start() - 1] in '(“"—–['
        ):
            continue
        if any(a <= m.start() <= b for a, b in covered):
            continue
        if m.re is _SINGLE or body[m.end() - 1] == "'":
            spans.append(_span(body, m.start(), m.end() - 1, m.end() - 1, index))
        elif body.startswith("'", _next_paragraph(body, end)):
            spans.append(_span(body, m.start(), end, -1, index))  # continued below
    spans = [s for s in spans if s.end > s.start and _WORD.search(body, s.start, s.end)]
    spans.sort(key=lambda s: s.start)
    return _drop_nested(spans)


def _drop_nested(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Drop a span lying inside another ("‘… is “we are nearly there”,’ she said")."""
    kept: list[QuoteSpan] = []
    for span in spans:  # sorted by start: only the last kept span can hold this one
        outer = kept[-1] if kept else None
        if (
            outer is not None
            and outer.close_mark >= 0
            and outer.open_mark < span.open_mark
            and 0 <= span.close_mark < outer.close_mark
        ):
            continue
        kept.append(span)
    return kept


def _span(
    body: str, open_mark: int, stop: int, close_mark: int, paragraph: int
) -> QuoteSpan:
    start, end = open_mark + 1, stop
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, open_mark, close_mark, paragraph)


# The last word(s) before the opening mark: "the film", "an e-mail titled".
_CUE = re.compile(r"\b([a-z][a-z\-]*)(?:\s+(of|titled|entitled|called|named))?,?\s*$")
# A colon or a speech verb right before the mark introduces speech, not a title.
_LAST_WORD = re.compile(r"([a-z]+),?\s*$")


# "pronounce him "…"", "dubbed herself "…"": a label or a nickname given to someone.
_LABELLED = re.compile(
    r"\b(?:pronounc|dub|nicknam|christen|anoint|crown|label|brand)\w*[ \u00a0]+"
    r"(?:him|her|them|it|me|us|you|himself|herself|themselves|itself)[ \u00a0]+(?:as[ \u00a0]+)?$"
)
# "known as "the Iron Lady"": a nickname.
# "known to his team-mates as ‘Tui’", "known among fans as "…"": the same, with whom.
_KNOWN_AS = re.compile(
    r"\b(?:known(?:[ \u00a0]+(?:to|among|by)(?:[ \u00a0]+[\w’'\-]+){1,3})?[ \u00a0]+as"
    r"|nicknamed|dubbed|a\.k\.a\.?|aka),?[ \u00a0]*$"
)
# An outlet's possessive before a programme: "NBC's "Meet the Press"" (group 1 when
# the owner is an acronym or camel-case brand, "CNN's", "HuffPost's").
_OUTLET_OWNED = re.compile(
    r"\b(?:([A-Z][A-Za-z]*[A-Z][A-Za-z]*)|[A-Z][a-z]+)['’]s[ \u00a0]*$"
)
# "called him "Big J"": a name given to someone (capitalised words, not a judgement).
_NAMED = re.compile(
    r"\b(?:call|calls|called|calling|nicknamed)[ \u00a0]+"
    r"(?:him|her|them|himself|herself|themselves)[ \u00a0]+$"
)


# "The collection was called "…"": a work named in the passive (its name, not words
# anyone said about it; "Roe called the show "…"" is active and stays a quote).
_WORK_NOUNS = lex.TITLE_CUES | lex.words(
    "collection collections exhibition exhibit tour campaign line range dish cocktail"
)
_NAMED_PASSIVE = re.compile(
    r"\b([a-z\-]+)[ \u00a0]+(?:is|was|are|were|will[ \u00a0]+be|has[ \u00a0]+been)"
    r"[ \u00a0]+(?:called|named|titled|entitled|dubbed),?[ \u00a0]*$"
)


# "signs reading "…"", "a banner saying "…"": words written on something.
_DISPLAY_VERBS = lex.words("reading saying proclaiming declaring")


# A capitalised word right before the opening mark and right after the closing one.
_NAME_BEFORE = re.compile(r"\b[A-Z][\w’'\-]+[ \u00a0]+$")
_NAME_AFTER = re.compile(r"[ \u00a0]+([A-Z][\w’'\-]+)")


# A work credited to its maker right after the quote: ""Understudy," published this
# week by Knopf", ""Home" by Ann Lee".
_CREDITED = re.compile(
    r",?[ \u00a0]+(?:(?:published|released|directed|written|edited|produced|recorded"
    r"|performed|composed)[ \u00a0]+(?:[a-z]+[ \u00a0]+){0,3})?by[ \u00a0]+[A-Z]"
)


def _is_title(body: str, span: QuoteSpan, paragraph_start: int) -> bool:
    """Return True if the quoted words name a work or a thing rather than quote anyone."""
    text = body[span.start : span.end]
    before = body[max(paragraph_start, span.open_mark - 40) : span.open_mark].lower()
    # The cheap tests on the words go before the searches of the context.
    length = len(text.split())
    if length <= 5 and (_LABELLED.search(before) or _KNOWN_AS.search(before)):
        return True
    if (
        length <= 4
        and all(w[:1].isupper() for w in text.split())
        and text[-1:] not in ".!?"
        and _NAMED.search(before)
    ):
        return True
    cue = _CUE.search(before)
    if cue and (
        cue.group(1) in lex.TITLE_CUES or cue.group(2) in ("titled", "entitled")
    ):
        return True
    if text.startswith(("#", "@", "http")):
        return True
    if (
        length <= 2
        and all(w[:1].isupper() for w in text.split())
        and text[-1:].isalpha()
        and _NAME_BEFORE.search(body, paragraph_start, span.open_mark)
        and (after := _NAME_AFTER.match(body, span.close_mark + 1))
        and after.group(1) not in lex.DATE_WORDS
    ):
        return True  # "Armand ‘Mondo’ Duplantis": a nickname inside a name
    passive = _NAMED_PASSIVE.search(before)
    if (
        passive
        and passive.group(1) in _WORK_NOUNS
        and text[:1].isupper()
        and length <= 6
        and text[-1:] not in ".!?"
    ):
        return True
    # Nine words are enough to tell: a title has at most eight.
    words = [w.group() for w in itertools.islice(_WORD.finditer(text), 9)]
    if len(words) > 8:
        return False
    owned = _OUTLET_OWNED.search(
        body, max(paragraph_start, span.open_mark - 30), span.open_mark
    )
    if (
        owned
        and (1 if owned.group(1) else 2) <= len(words)
        and (owned.group(1) or text[-1:] not in ".!?")
        and all(w[0].isupper() for w in words if w.lower() not in _SMALL)
    ):
        return True  # "CNN's "State of the Union,"": the outlet's programme
    if (
        span.close_mark >= 0
        and all(w[0].isupper() for w in words if w.lower() not in _SMALL)
        and text[-1:] not in ".!?"
        and _CREDITED.match(body, span.close_mark + 1)
    ):
        return True  # ""Understudy," published by Knopf" / ""Home" by Ann Lee": a work
    if len(words) < 2 or text[-1:] in ",?!":
        return False
    if before.rstrip().endswith(":"):
        return False  # a colon or a speech verb introduces speech, not a title
    last = _LAST_WORD.search(before)
    if last and (last.group(1) in lex.SPEECH_VERBS or last.group(1) in _DISPLAY_VERBS):
        return False  # "signs reading "Fund Our Future"": words displayed, not a title
    if text.isupper():
        return False  # a shouted sub-heading repeats someone's words
    big = [w for w in words if w.lower() not in _SMALL or w == words[0]]
    return len(big) > 1 and all(w[0].isupper() for w in big)  # not "It is."


def _is_headline(body: str, start: int, end: int) -> bool:
    """Return True for a first paragraph that reads as a headline: short, no full stop."""
    text = body[start:end].rstrip()
    return 0 < len(text) <= 160 and text[-1:] not in ".!?:\"”’'" and "\n" not in text


def find_quotes(body: str) -> list[QuoteSpan]:
    """Return every quoted span in ``body``, titles marked, in text order."""
    spans: list[QuoteSpan] = []
    paragraphs = paragraphs_of(body)
    previous_open = False
    straight = _DOUBLE_MARK.search(body) is None
    titles: set[str] = set()
    for index, (start, end) in enumerate(paragraphs):
        # A headline quotes with straight single marks even in an article that uses
        # double marks ("Volunteers were 'flying blind' as blaze spread").
        headline = index == 0 and _is_headline(body, start, end)
        found = _spans_in_paragraph(body, index, start, end, straight or headline)
        if headline and not straight:
            found = [s for s in found if s.close_mark >= 0]
        for span in found:
            # A work named once ("the novel "Harmattan,"") is a title at every mention.
            key = body[span.start : span.end].rstrip(",.;:")
            span.is_title = key in titles or _is_title(body, span, start)
            if span.is_title:
                titles.add(key)
        if (
            found
            and previous_open
            and found[0].open_mark
            == start + len(body[start:end]) - len(body[start:end].lstrip())
        ):
            found[0].continued = True
        previous_open = bool(found) and found[-1].close_mark < 0
        spans.extend(found)
    for span in spans:  # a work named later ("“Understudy” by Roe") is one throughout
        if not span.is_title and body[span.start : span.end].rstrip(",.;:") in titles:
            span.is_title = True
    return spans


_NEXT_WORDS = re.compile(r"[ \u00a0,]*([\w’'.\-]+)")
_STOP = re.compile(r"[.!?]")
_THAT_CLAUSE = re.compile(r"\s+(?:that|how|whether|if)\b")
# The word before a sentence boundary; looked for in a short window first.
_WORD_BEFORE = re.compile(r"[\w.]+$")
_INITIAL = re.compile(r"[A-Z]")
_FOLLOWER = re.compile(r"[\"“‘]|([A-Z][a-z]*)\b")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|Inc|Corp|Co|Ltd|etc")


def _attribution_follows(body: str, pos: int, end: int) -> bool:
    """Return True if the words after a closing mark say who spoke ("Trump said.")."""
    cursor = pos
    for _ in range(7):
        word = _NEXT_WORDS.match(body, cursor, end)
        if not word:
            return False
        cursor = word.end()
        token = word.group(1).lower().rstrip(".")
        if token == "that":
            return False
        if token in lex.SPEECH_VERBS:
            rest = body[cursor:end]
            stop = _STOP.search(rest)
            clause = rest[: stop.start()] if stop else rest
            return not _THAT_CLAUSE.match(rest) and len(clause.split()) <= 25
    return False


def _word_before(body: str, start: int, end: int) -> str:
    """Return the run of word characters and dots ending at ``end`` ("" if none)."""
    window = max(start, end - 40)  # a whole-paragraph search costs its length
    word = _WORD_BEFORE.search(body, window, end)
    if word and word.start() == window > start:
        word = _WORD_BEFORE.search(body, start, end)
    return word.group() if word else ""


class Sentences:
    """Sentence boundaries of a text, never inside a quotation."""

    def __init__(
        self, body: str, spans: list[QuoteSpan], paragraphs: list[tuple[int, int]]
    ):
        inside = [
            (s.open_mark + 1, s.close_mark if s.close_mark >= 0 else s.end)
            for s in spans
        ]
        opens = [a for a, _ in inside]
        starts = []
        for p_start, p_end in paragraphs:
            starts.append(p_start)
            for m in _BOUNDARY.finditer(body, p_start, p_end):
                pos = m.start()
                k = bisect.bisect_right(opens, m.end() - 1) - 1
                if k >= 0 and inside[k][0] <= m.end() - 1 < inside[k][1]:
                    continue
                word = _word_before(body, p_start, pos)
                if word and (word in _ABBREVIATIONS or _INITIAL.fullmatch(word)):
                    follower = _FOLLOWER.match(body, m.end())
                    if not (
                        _INITIALISM.fullmatch(word)
                        and follower
                        and (
                            follower.group(1) is None
                            or follower.group(1) in lex.COMMON_WORDS
                        )
                    ):
                        continue
                if body[m.end() - 2 : m.end() - 1] in "\"”’'" and _attribution_follows(
                    body, m.end(), p_end
                ):
                    continue
                starts.append(m.end())
        self.starts = starts
        self.ends = paragraphs
        self.paragraph_starts = [a for a, _ in paragraphs]
        # Asked for many times per quote: worked out once.
        self._bounds = [self._bounds_of(i) for i in range(len(starts))]

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def bounds(self, index: int) -> tuple[int, int]:
        return self._bounds[index] if index >= 0 else self._bounds_of(index)

    def _bounds_of(self, index: int) -> tuple[int, int]:
        start = self.starts[index]
        p = bisect.bisect_right(self.paragraph_starts, start) - 1
        end = self.ends[p][1]
        if index + 1 < len(self.starts):
            end = min(end, self.starts[index + 1])
        return start, end
