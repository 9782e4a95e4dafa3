"""Say who spoke each quote. Pure Python: no Django.

For each quote, in order of confidence:

1. the speech verb right after it: ``"…," Trump said`` / ``"…," said Trump`` /
   ``"…," according to the report``;
2. the speech verb before it in the same sentence: ``Trump said: "…"`` /
   ``…, stating, "…"`` (the sentence's subject) / ``he told donors that "…"``; a partial
   quote with no speech verb belongs to the sentence's subject
   (``the Russian government seeks "ironclad" guarantees``);
3. the turn so far: the earlier part of a quote split over paragraphs, the previous quote
   in the paragraph, a paragraph ending in a colon (``Caddell continued:``), or the
   previous paragraph's speaker when a paragraph is only a quote; a later quote of the
   same sentence (``"tight," with "modest" gains, according to the report``).

The phrase that names the speaker ("he", "the mayor", "Flynn, a surrogate,") is
resolved by ``actors.referents``. A partial quote of a few words that no verb or
subject claims is a scare quote (``the "elites" in this country``) and is dropped.
"""

import bisect
import re
from dataclasses import dataclass

from . import names as lex
from .coreference import Actor
from .mentions import PERSON, Mention
from .quotes import QuoteSpan, Sentences
from .referents import TERMINAL, UNNAMED, Referents, clause_tail, without_apposition


@dataclass
class Attribution:
    speaker: str | None
    is_partial: bool
    sentence: tuple[int, int]


class Attributor(Referents):
    """Attribute every quote of one text (see the module docstring for the order)."""

    def __init__(
        self,
        body: str,
        spans: list[QuoteSpan],
        mentions: list[Mention],
        actors: list[Actor],
        sentences: Sentences,
    ):
        super().__init__(body, spans, mentions, actors, sentences)
        self.spans = spans

    # --- the three ways a quote gets its speaker --------------------------------
    def after(self, span: QuoteSpan) -> str | None:
        """Return the speaker named after the quote: ``"…," X said`` / ``said X``."""
        if span.close_mark < 0:
            return None
        body = self.body
        start = span.close_mark + 1
        _, end = self.sentences.bounds(self.sentences.index(span.open_mark))
        next_quote = bisect.bisect_right(self.quoted_starts, start)
        if next_quote < len(self.quoted_starts):
            end = min(end, self.quoted_starts[next_quote])
        end = max(end, start)
        stop = TERMINAL.search(body, start, end)
        clause_end = stop.start() if stop else end
        found = self._verbs(start, clause_end, speech=True)
        verb = found[0] if found else None
        if not verb:
            return None
        lead = body[start : verb.start()]
        if len(lead.split()) > 9:
            return None
        ended = body[span.end - 1 : span.end] in ".!?…" and not lead.strip(" ,\u00a0")
        if body[span.end - 1 : span.end] in ".!?…" and re.match(
            r"\s+that\b", body[verb.end() :]
        ):
            return None
        if re.search(r"[.!?]", lead) and not re.fullmatch(
            r"[\s\u00a0]*[A-Z][\w.’'\- \u00a0,]*", lead
        ):
            return None
        if (
            not lead.strip(" ,—–-\u00a0")
            or ended
            or verb.group().lower() == "according to"
        ):
            return self.resolve_phrase(verb.end(), clause_end, start, first=True)
        if (
            span.end < span.close_mark
            and body[span.end - 1] not in ",?!—–-…:;."
            and len(lead.split()) > 5
        ):
            return None
        return self.resolve_phrase(start, verb.start(), start, first=False)

    def before(
        self, span: QuoteSpan, previous: QuoteSpan | None, previous_speaker: str | None
    ) -> tuple[str | None, bool]:
        """Return (speaker, found) from the words before the quote in its sentence."""
        body = self.body
        s = self.sentences.index(span.open_mark)
        s_start, _ = self.sentences.bounds(s)
        start = s_start
        same_sentence = previous is not None and previous.close_mark >= s_start
        if same_sentence:
            start = previous.close_mark + 1
        text = body[start : span.open_mark]
        if not re.search(r"[A-Za-z]", text):
            return None, False
        verbs = self._verbs(start, span.open_mark)
        if verbs:
            verb = verbs[-1]
            word = verb.group().lower()
            if word == "according to":
                return self.resolve_phrase(
                    verb.end(), span.open_mark, span.open_mark, first=True
                ), True
            if word.endswith("ing"):
                # "…, stating, "…"": the subject of the sentence speaks.
                found = self._participle_speaker(
                    s, start, verb, span, previous_speaker if same_sentence else None
                )
                return found, found is not None
            window = without_apposition(body[start : verb.start()])
            clause = clause_tail(window)
            if UNNAMED.match(clause):
                return None, True
            offset = start + len(window) - len(clause)
            speaker = (
                self.resolve_phrase(
                    offset, offset + len(clause), span.open_mark, first=False
                )
                if clause.strip()
                else None
            )
            if speaker is None and same_sentence and previous_speaker:
                return previous_speaker, True
            if speaker is None:
                return self._sentence_subject(s, span.open_mark, None), True
            return speaker, True
        if same_sentence and previous_speaker:
            return previous_speaker, True
        subject = self._leading_subject(s_start, span.open_mark)
        return subject, subject is not None

    def _participle_speaker(self, s, start, verb, span, previous_speaker) -> str | None:
        """Return who is "stating" in "X …, stating, "…"" or "with the mayor calling …"."""
        body = self.body
        s_start, _ = self.sentences.bounds(s)
        window = body[start : verb.start()]
        absolute = re.search(
            r"\bwith\s+((?:the|his|her|its|their)\s+[\w\s\-’']{1,60}?)\s*$",
            window,
        )
        if absolute:
            found = self.resolve_phrase(
                start + absolute.start(1),
                verb.start(),
                span.open_mark,
                first=False,
            )
            if found:
                return found
        found = self._sentence_subject(s, span.open_mark, previous_speaker)
        if found is None:
            heads = [
                m
                for m in self._mentions_in(s_start, verb.start())
                if not m.possessive and not m.modifier
            ]
            found = heads[-1].name if heads else None
        return found

    def is_partial(self, span: QuoteSpan, previous: QuoteSpan | None) -> bool:
        if span.continued:
            return False
        body = self.body
        s_start, _ = self.sentences.bounds(self.sentences.index(span.open_mark))
        start = s_start
        if previous is not None and previous.close_mark >= s_start:
            start = previous.close_mark + 1
        before = body[start : span.open_mark]
        if not before.strip():
            return bool(
                previous is not None
                and previous.close_mark >= s_start
                and not re.search(
                    r"[.!?]\W*$", body[previous.start : previous.close_mark + 1]
                )
            )
        if re.search(r":\s*$", before):
            return False
        last = re.search(r"([A-Za-z]+)\W*,\s*$", before)
        if last and last.group(1).lower() in lex.SPEECH_VERBS:
            return False
        # "…, she said, "Yes."": a full utterance after a reporting clause.
        return not (
            last
            and self._verbs(start, span.open_mark, speech=True)
            and body[span.start : span.start + 1].isupper()
        )

    def is_scare_quote(self, span: QuoteSpan, attribution: Attribution) -> bool:
        """Return True for a word or two in quotes that nobody is said to have said."""
        if attribution.speaker is not None or not attribution.is_partial:
            return False
        if len(self.body[span.start : span.end].split()) > 3:
            return False
        return not self._verbs(*attribution.sentence)

    def sentence_of(self, span: QuoteSpan) -> tuple[int, int]:
        a, _ = self.sentences.bounds(self.sentences.index(span.open_mark))
        last = span.close_mark if span.close_mark >= 0 else span.end - 1
        _, b = self.sentences.bounds(self.sentences.index(last))
        return a, b

    # --- the whole text ---------------------------------------------------------------
    def attribute(self) -> list[tuple[QuoteSpan, Attribution]]:
        results: list[tuple[QuoteSpan, Attribution]] = []
        speakers: list[str | None] = []
        found_direct: list[bool] = []
        previous: QuoteSpan | None = None
        spans = [s for s in self.spans if not s.is_title]
        for span in spans:
            prev_same_para = (
                previous
                if previous is not None and previous.paragraph == span.paragraph
                else None
            )
            prev_speaker = (
                speakers[-1] if speakers and prev_same_para is not None else None
            )
            ends_open = self.body[
                span.end - 1 : span.end
            ] in ",?!—–-…" or self._at_sentence_start(span, prev_same_para)
            speaker, found = None, False
            if ends_open:
                speaker = self.after(span)
                found = speaker is not None
                if not found:
                    speaker, found = self.before(span, prev_same_para, prev_speaker)
            else:
                speaker, found = self.before(span, prev_same_para, prev_speaker)
                if not found:
                    speaker = self.after(span)
                    found = speaker is not None
            if not found:
                speaker = self._turn(
                    span,
                    prev_same_para,
                    prev_speaker,
                    previous,
                    speakers[-1] if speakers else None,
                )
            if speaker is not None:
                self.sentence_speaker.setdefault(
                    self.sentences.index(span.open_mark), speaker
                )
            speakers.append(speaker)
            found_direct.append(found)
            results.append(
                (
                    span,
                    Attribution(
                        speaker,
                        self.is_partial(span, prev_same_para),
                        self.sentence_of(span),
                    ),
                )
            )
            previous = span
        self._backfill_continued(results, found_direct)
        return [(span, a) for span, a in results if not self.is_scare_quote(span, a)]

    def _at_sentence_start(self, span: QuoteSpan, previous: QuoteSpan | None) -> bool:
        s_start, _ = self.sentences.bounds(self.sentences.index(span.open_mark))
        start = (
            s_start
            if previous is None or previous.close_mark < s_start
            else previous.close_mark + 1
        )
        return not re.search(r"[A-Za-z]", self.body[start : span.open_mark])

    def _turn(
        self, span, prev_same_para, prev_speaker, previous, last_speaker
    ) -> str | None:
        """Return the speaker whose turn it is for a quote with no verb of its own."""
        if span.continued and previous is not None:
            return last_speaker
        if prev_same_para is not None and prev_speaker:
            return prev_speaker
        body = self.body
        p_start, p_end = self.sentences.ends[span.paragraph]
        if body[p_start:p_end].isupper() and span.paragraph + 1 < len(
            self.sentences.ends
        ):
            # A quoted sub-heading repeats the words of the story that follows it.
            following = self.sentences.index(self.sentences.ends[span.paragraph + 1][0])
            subject = self.subjects.get(following)
            return subject.name if subject is not None else None
        if span.paragraph == 0:
            return None
        q_start, q_end = self.sentences.ends[span.paragraph - 1]
        previous_para = body[q_start:q_end].rstrip()
        if previous_para.endswith(":"):
            s = self.sentences.index(q_end - 1)
            return self._colon_speaker(s, q_end - 1)
        outside = self._outside_text(p_start, p_end)
        if (
            not re.search(r"[A-Za-z]{2,}", outside)
            and previous is not None
            and previous.paragraph == span.paragraph - 1
        ):
            if body[previous.end - 1 : previous.end] == "?":
                return self._answerer(previous, last_speaker)
            return last_speaker
        return None

    def _answerer(self, question: QuoteSpan, asker: str | None) -> str | None:
        """Return who answers a quoted question: the other person named around it."""
        s = self.sentences.index(question.open_mark)
        start, _ = self.sentences.bounds(max(0, s - 1))
        _, end = self.sentences.bounds(s)
        people = [
            m
            for m in self._mentions_in(start, end)
            if m.kind == PERSON and m.name != asker and not m.possessive
        ]
        return people[-1].name if people else None

    def _colon_speaker(self, s: int, pos: int) -> str | None:
        start, _ = self.sentences.bounds(s)
        verbs = self._verbs(start, pos, speech=True)
        if verbs and not verbs[-1].group().lower().endswith("ing"):
            clause = clause_tail(self.body[start : verbs[-1].start()])
            if clause.strip():
                found = self.resolve_phrase(
                    verbs[-1].start() - len(clause), verbs[-1].start(), pos, first=False
                )
                if found:
                    return found
        return self._sentence_subject(s, pos, None)

    def _outside_text(self, a: int, b: int) -> str:
        parts = []
        cursor = a
        for q_start, q_end in self.quoted:
            if q_end <= a or q_start >= b:
                continue
            parts.append(self.body[cursor : max(cursor, q_start)])
            cursor = max(cursor, q_end + 1)
        parts.append(self.body[cursor:b])
        return "".join(parts)

    def _backfill_continued(self, results, found_direct) -> None:
        """Give unattributed quotes the speaker of the next part of the same utterance.

        That is the later part of a quote continued over paragraphs, or a later quote in
        the same sentence (``remained "tight," with "modest" gains, according to X``).
        """
        for i in range(len(results) - 1, 0, -1):
            span, attribution = results[i]
            prev_span, prev_attr = results[i - 1]
            same_sentence = prev_attr.sentence == attribution.sentence
            if (
                same_sentence
                and prev_attr.speaker is None
                and not found_direct[i - 1]
                and attribution.speaker
            ):
                results[i - 1] = (
                    prev_span,
                    Attribution(
                        attribution.speaker, prev_attr.is_partial, prev_attr.sentence
                    ),
                )
        for i in range(len(results) - 1, 0, -1):
            span, attribution = results[i]
            prev_span, prev_attr = results[i - 1]
            if span.continued and prev_attr.speaker is None and attribution.speaker:
                results[i - 1] = (
                    prev_span,
                    Attribution(
                        attribution.speaker, prev_attr.is_partial, prev_attr.sentence
                    ),
                )
