"""Turn imported plain text into safe HTML: quote markup and search highlights.

Every piece of text goes through ``escape``; markup is only ever added around it.
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

PARAGRAPH = re.compile(r"[^\n]+")
SNIPPET_CHARS = 240
CLOSING_MARKS = "\"'”’»"


def paragraph_spans(body):
    """(start, end) offsets of each non-blank line of ``body``."""
    return [m.span() for m in PARAGRAPH.finditer(body) if m.group().strip()]


def mark_up_paragraphs(body, quotes):
    """Escaped paragraphs of ``body``, each quote's span wrapped in ``<q>``.

    ``quotes`` have ``start``/``end`` offsets into ``body``; a quote that runs over
    several paragraphs is marked in each, and one overlapping an earlier quote is
    left unmarked rather than nesting.
    """
    kept, until = [], 0
    for quote in sorted(quotes, key=lambda q: (q.start, q.end)):
        if quote.start >= until and quote.end > quote.start:
            kept.append(quote)
            until = quote.end
    anchored = set()
    paragraphs = []
    for p_start, p_end in paragraph_spans(body):
        parts, pos = [], p_start
        for quote in kept:
            start, end = max(quote.start, pos), min(quote.end, p_end)
            if start >= end:
                continue
            first = quote.pk not in anchored
            anchored.add(quote.pk)
            parts.append(escape(body[pos:start]))
            parts.append(_quote_html(quote, body[start:end], first=first))
            pos = end
            if end == quote.end and quote.speaker:
                # Credit the speaker after the closing quotation marks.
                while pos < p_end and body[pos] in CLOSING_MARKS:
                    pos += 1
                parts.append(escape(body[end:pos]))
                parts.append(_speaker_html(quote))
        parts.append(escape(body[pos:p_end]))
        paragraphs.append(mark_safe("".join(parts)))
    return paragraphs


def _quote_html(quote, text, *, first):
    speaker = quote.speaker
    return format_html(
        '<q{} cite="#quote-{}"{}>{}</q>',
        format_html(' id="quote-{}"', quote.pk) if first else "",
        quote.pk,
        format_html(' data-speaker="{}"', speaker.name) if speaker else "",
        text,
    )


def _speaker_html(quote):
    verified = quote.is_verified()
    return format_html(
        ' <a class="speaker{}" href="{}"><span class="visually-hidden">said </span>'
        "{}{}</a>",
        " speaker--verified" if verified else "",
        quote.speaker.get_absolute_url(),
        quote.speaker.name,
        mark_safe('<span class="visually-hidden"> (verified quote)</span>')
        if verified
        else "",
    )


def highlight_words(text, words, length=SNIPPET_CHARS):
    """An escaped extract of ``text`` around the first of ``words`` found in it, with
    every whole word starting with one of ``words`` in ``<mark>``: ``words`` may be
    stems ("teacher" marks "teachers", "countri" marks "country")."""
    stems = [
        re.escape(w[:-1]) + "[iy]" if w.endswith("i") else re.escape(w)
        for w in words
        if w
    ][:10]
    if not stems:
        return escape(text[:length])
    alternatives = "|".join(stems)
    pattern = re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)
    return _marked_extract(text, pattern, length)


def _marked_extract(text, pattern, length):
    found = pattern.search(text)
    begin = max(0, found.start() - length // 3) if found else 0
    extract = text[begin : begin + length]
    parts, pos = [], 0
    for match in pattern.finditer(extract):
        parts.append(escape(extract[pos : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group()))
        pos = match.end()
    parts.append(escape(extract[pos:]))
    prefix = "… " if begin else ""
    suffix = " …" if begin + length < len(text) else ""
    return SafeString(prefix + "".join(parts) + suffix)
