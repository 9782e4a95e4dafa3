"""Say who spoke each quote. Pure Python: no Django.

For each quote, in order of confidence:

1. the speech verb right after it: ``"…," Trump said`` / ``"…," said Trump`` /
   ``"…," according to the report`` / ``"…," Roe shot back``; a dash signature
   (``"…" — Roe``) or ``"…," was Roe's reply``; not a verb of the next clause
   (``"…," and Doe called it …``);
2. the speech verb before it in the same sentence: ``Trump said: "…"`` /
   ``…, stating, "…"`` (the sentence's subject) / ``he told donors that "…"`` /
   ``… met Hart, who said: "…"`` (the antecedent of "who"); a clause closing the
   sentence (``Roe is "committed," her aides said.``); whose words they are
   (``Roe's response: "…"``, ``Her message to voters: "…"``); a partial quote with no
   speech verb belongs to the sentence's subject
   (``the Russian government seeks "ironclad" guarantees``);
3. the turn so far: the earlier part of a quote split over paragraphs, the previous quote
   in the paragraph (unless an unnamed voice takes over: ``The crowd roared, "Yes!"``),
   a paragraph ending in a colon (``Caddell continued:``), the previous paragraph's
   speaker when a paragraph is only a quote (or the one they questioned, in an
   interview), the subject of the sentence before a bare quote (``Roe was defiant.
   "…"``) or of reported speech in the paragraph before; a later quote of the same
   sentence (``"tight," with "modest" gains, according to the report``).

The phrase that names the speaker ("he", "the mayor", "Flynn, a surrogate,") is
resolved by ``actors.referents``; an indefinite person ("a campaign spokesman") is
nobody. A partial quote of a few words that no verb or subject claims is a scare quote
(``the "elites" in this country``) and is dropped, as is a label after a copula
(``he's the "change agent"``); a claim closing its sentence after "is" (``believe the
system is "rigged."``) and an introduced utterance (``roared, "Yes!"``) are kept.
"""

import bisect
import re
from dataclasses import dataclass

from . import names as lex
from .coreference import Actor
from .mentions import PERSON, Mention
from .quotes import QuoteSpan, Sentences
from .referents import (
    INDEFINITE_PERSON,
    KIN,
    TERMINAL,
    UNNAMED,
    Referents,
    clause_tail,
    unnamed,
    without_apposition,
)

_DETERMINER_BEFORE = re.compile(
    r"\b(?:is|was|are|were|be|been|become|became|becomes|’s|'s)[ \u00a0]+"
    r"(?:the|a|an|this|that|our|your|his|her|their)[ \u00a0]*$"
)
_FUNCTION_AFTER = re.compile(
    r"[ \u00a0]*(?:[,.;:!?)—–]|$|(?:the|a|an|that|who|which|in|of|for|to|on|at|with"
    r"|and|or|but|is|was|he|she|they|we|it)\b)"
)
_RELATIVE = re.compile(
    r",?[ \u00a0]+who(?:[ \u00a0]+(?:also|later|then|once|previously|recently|earlier"
    r"|had|has|have|quickly|promptly))*[ \u00a0]*$"
)
_OWNED_NOUNS = (
    r"(?:response|reply|answer|reaction|verdict|retort|comment|comments|words"
    r"|explanation|advice|warning|message|view|take|statement|tweet|post|note|letter"
    r"|argument|pitch|promise|plea)"
)
# "Roe's response: "…"", "In Roe's words, "…"", "Her message to voters: "…"".
_OWNED_WORDS = re.compile(
    r"['’]s?[ \u00a0]+(?:[a-z\-]+[ \u00a0]+)?"
    + _OWNED_NOUNS
    + r"(?:[ \u00a0]+(?:to|for|on|about)[^:\"“”\n]{0,40})?[:,][ \u00a0]*$"
)
# "Trump's promise to "drain the swamp"", "her claim that "…"": the owner's words.
_SPEECH_NOUNS = (
    r"(?:promise|promises|pledge|pledges|claim|claims|vow|call|calls|remark|remarks"
    r"|assertion|suggestion|insistence|description|characterization|boast|threat"
    r"|demand|charge|accusation|insult|attack|question|comment|comments|warning)"
)
_OWNED_SPEECH = re.compile(
    r"\b(?:(His|Her|Their|Its|his|her|their|its)|['’]s?)[ \u00a0]+"
    r"(?:[a-z\-]+[ \u00a0]+)?"
    + _SPEECH_NOUNS
    + r"[ \u00a0]+(?:to|that|of|about)[ \u00a0]*$"
)
_PRONOUN_WORDS = re.compile(
    r"\b(His|Her|Their|Its|his|her|their|its)[ \u00a0]+(?:[a-z\-]+[ \u00a0]+)?"
    + _OWNED_NOUNS
    + r"(?:[ \u00a0]+(?:to|for|on|about)[^:\"“”\n]{0,40})?:[ \u00a0]*$"
)
# A sentence about someone's words: "His only public comment was …", "Roe's reply …".
_OWNED_LEAD = re.compile(
    r"(?:['’]s?)?[ \u00a0]+(?:[a-z\-]+[ \u00a0]+){0,3}?" + _OWNED_NOUNS + r"\b"
)
_PRONOUN_LEAD = re.compile(
    r"\W*(His|Her|Their|Its)[ \u00a0]+(?:[a-z\-]+[ \u00a0]+){0,3}?"
    + _OWNED_NOUNS
    + r"\b"
)
_OWNER_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it"}
# ""No," was Roe's reply.": the owner of the reply speaks.
_WAS_REPLY = re.compile(r"[ \u00a0,]*(?:was|is|came|has[ \u00a0]+been)[ \u00a0]+")

_UNNAMED_VOICE = re.compile(
    r"\s*(?:The|A|An|Another|One|Some|Someone|Somebody)\s+[\w\s\-]{1,40}[,:]\s*$"
)
_AGENT = re.compile(r"[ \u00a0]+by[ \u00a0]+")
# ", as the president said": a comment clause naming whose words the quote are.
_AS_SAID = re.compile(r",[ \u00a0]+as[ \u00a0]+((?:[\w’'.\-]+[ \u00a0]+){1,4})$")
# ", she recalls, as": a reporting clause set off by commas inside another clause.
_ASIDE_BEFORE = re.compile(r"\w[ \u00a0]*,[ \u00a0]+(?:he|she|they|I|we)[ \u00a0]+$")
_ASIDE_AFTER = re.compile(r"[ \u00a0]*,[ \u00a0]*(?:as[ \u00a0]*)?")
# Words before a capitalised word that make it a person, not a short company name:
# "One senior Liberal said".
_PERSON_MODIFIERS = lex.words(
    "one another a an some senior junior former top leading prominent veteran fellow"
    " young retired longtime rival local"
)
# "Then, more seriously:", "And finally:": a few words and a colon.
_LEAD_IN = re.compile(
    r"[ \u00a0]*(?:[A-Za-z\-]+,?[ \u00a0]+){0,3}[A-Za-z\-]+:[ \u00a0]*"
)
_COORDINATED = re.compile(r"[\s,]*(?:and|but|while|whereas|although|though)\b")
_DASH_SIGN = re.compile(r"[ \u00a0]*[—–]+[ \u00a0]*|[ \u00a0]+--?[ \u00a0]+")
_REPLY = re.compile(
    r"\b(?:replied|replies|answered|answers|responded|responds|retorted|retorts"
    r"|countered|counters|shot[ \u00a0]+back|fired[ \u00a0]+back)\b"
)
_ADDRESSING = re.compile(
    r"\b(?:pressed|asked|questioned|challenged|grilled|confronted|interviewed|quizzed"
    r"|interrupted|pushed)[ \u00a0]+"
)
_OBJECT_PRONOUN = re.compile(r"(him|her)\b(?![ \u00a0]+[a-z]+ing\b)")
_SPACES = re.compile(r"\s+")
_DISPLAYED = re.compile(r"\b(?:reading|proclaiming)[ \u00a0]*$")
_SENTENCE_END = ("", ".", "!", "?", "\n")
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|be|been|being|’s|'s)[ \u00a0]*$")
_THAT = re.compile(r"\s+that\b")
_STOP = re.compile(r"[.!?]")
_NAME_LEAD = re.compile(r"[\s\u00a0]*[A-Z][\w.’'\- \u00a0,]*")
_OWNED_REPLY = re.compile(r"['’]s?[ \u00a0]+(?:[a-z\-]+[ \u00a0]+)?" + _OWNED_NOUNS)
_LETTER = re.compile(r"[A-Za-z]")
_WORDY = re.compile(r"[A-Za-z]{2,}")
_COLON_END = re.compile(r":[ \u00a0]*$")
_COLON_END_ANY = re.compile(r":\s*$")
_ENDED = re.compile(r"[.!?]\W*$")
_LAST_BEFORE_COMMA = re.compile(r"([A-Za-z]+)\W*,\s*$")
# A capitalised word (not the first of its clause) right before a verb.
_NAME_BEFORE_VERB = re.compile(r"[a-z,][ \u00a0]+[A-Z][\w’'\-]+[ \u00a0]*$")
_INTRODUCED = re.compile(r"\w[,:][ \u00a0]*$")
# The end of a reporting clause in commas: ", the statement added," / ", he told them,".
_PARENTHETICAL = re.compile(r"(?:[ \u00a0]+[\w’'\-]+){0,3}?[ \u00a0]*,")
_ABSOLUTE = re.compile(r"\bwith\s+((?:the|his|her|its|their)\s+[\w\s\-’']{1,60}?)\s*$")


@dataclass(slots=True)
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
        self._paragraph_speakers: dict[int, str | None] = {}
        self._alternated: set[int] = set()

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
            return self._signed(start, clause_end) or self._signed_below(span)
        lead = body[start : verb.start()]
        if len(lead.split()) > 9 or _COORDINATED.match(lead):
            return None  # "…," and Doe called it "…": Doe's verb governs the next quote
        ended = body[span.end - 1 : span.end] in ".!?…" and not lead.strip(" ,\u00a0")
        if body[span.end - 1 : span.end] in ".!?…" and _THAT.match(body, verb.end()):
            return None
        if _STOP.search(lead) and not _NAME_LEAD.fullmatch(lead):
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

    def _as_said(self, span: QuoteSpan) -> str | None:
        """Return X for ``… be "phased out" this year, as the president said``.

        A comment clause after the quote names whose words they are, whoever the
        sentence's subject (a senator asking about them) is.
        """
        if span.close_mark < 0:
            return None
        start = span.close_mark + 1
        _, end = self.sentences.bounds(self.sentences.index(span.close_mark))
        next_quote = bisect.bisect_right(self.quoted_starts, start)
        if next_quote < len(self.quoted_starts):
            end = min(end, self.quoted_starts[next_quote])
        stop = TERMINAL.search(self.body, start, max(start, end))
        end = stop.start() if stop else end
        verbs = self._verbs(start, end, speech=True)
        source = verbs and _AS_SAID.search(self.body[start : verbs[0].start()])
        if not source:
            return None  # only the first verb: ""…," Kim said, as Lee said nothing"
        return self.resolve_phrase(
            start + source.start(1), verbs[0].start(), start, first=False
        )

    def _signed_below(self, span: QuoteSpan) -> str | None:
        """Return X when the next paragraph signs the quote: ``— X (@handle) May 5``."""
        paragraphs = self.sentences.ends
        if span.paragraph + 1 >= len(paragraphs):
            return None
        p_start, p_end = paragraphs[span.paragraph]
        if self.body[span.close_mark + 1 : p_end].strip(" \u00a0.,"):
            return None  # the paragraph goes on after the quote
        n_start, n_end = paragraphs[span.paragraph + 1]
        if self.body[n_start : n_start + 1] not in ("—", "–", "-"):
            return None
        return self._signed(n_start, n_end)

    def _trailing_attribution(self, span: QuoteSpan):
        """Return the speech verb of a ", X said." clause ending the quote's sentence."""
        if span.close_mark < 0:
            return None
        _, end = self.sentences.bounds(self.sentences.index(span.close_mark))
        stop = TERMINAL.search(self.body, span.close_mark + 1, end)
        end = stop.start() if stop else end
        verbs = self._verbs(span.close_mark + 1, end, speech=True)
        if not verbs or self._in_quote(verbs[0].start()):
            return None
        tail = self.body[span.close_mark + 1 : verbs[0].start()]
        if "," not in tail or len(tail.split()) > 9:
            return None
        if any(span.close_mark < q < end for q in self.quoted_starts):
            return None
        after = self.body[verbs[0].end() : end]
        return verbs[0] if len(after.split()) <= 4 else None

    def _signed(self, start: int, end: int) -> str | None:
        """Return X for ``"…" — X`` (a quote signed with a dash) or ``"…" was X's reply``."""
        dash = _DASH_SIGN.match(self.body, start, end) or _WAS_REPLY.match(
            self.body, start, end
        )
        if not dash:
            return None
        if dash.re is _WAS_REPLY:
            owner = self._mentions_in(dash.end(), end)[:1]
            if (
                owner
                and owner[0].possessive
                and _OWNED_REPLY.match(self.body[owner[0].end : end])
            ):
                return owner[0].name
            return None
        heads = self._mentions_in(dash.end(), end)
        if heads and heads[0].start == dash.end() and not heads[0].possessive:
            return heads[0].name
        return None

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
        if not _LETTER.search(text):
            return None, False
        owner = self._claim_owner(text, start)
        if owner:
            return owner, True
        verbs = self._verbs(start, span.open_mark)
        if (
            len(verbs) > 1
            and _ASIDE_BEFORE.search(body, start, verbs[-1].start())
            and _ASIDE_AFTER.fullmatch(body, verbs[-1].end(), span.open_mark)
        ):
            # "a plan her mother described, she recalls, as "…"": the aside only
            # says who remembers; the verb it interrupts governs the quote.
            verbs.pop()
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
            agent = _AGENT.match(body, verb.end(), span.open_mark)
            if agent:
                # "Hart was told by Roe: "…"": the agent of a passive verb speaks.
                named = self._mentions_in(agent.end(), span.open_mark)
                if named and named[0].start == agent.end():
                    return named[0].name, True
            # "In a statement posted online, the group said": the subject is in the
            # main clause, not in a fronted adverbial.
            main = self._main_clause(s)
            if main <= verb.start():
                start = max(start, main)
            window = without_apposition(body[start : verb.start()])
            relative = _RELATIVE.search(window)
            if relative:
                # "… met Tom Hart, who said: "…"": the antecedent of "who" speaks.
                named = self._mentions_in(start, start + relative.start() + 1)
                if named and named[-1].end >= start + relative.start() - 1:
                    return named[-1].name, True
            clause = clause_tail(window)
            if _PARENTHETICAL.match(body, verb.end(), span.open_mark):
                # "The council, the statement added, was "…"": the reporting clause
                # set off by commas names the speaker, not the name before it.
                tail = clause[clause.rfind(",") + 1 :]
                clause = tail if _LETTER.search(tail) else clause
            if (
                UNNAMED.match(clause)
                or INDEFINITE_PERSON.match(clause)
                or unnamed(clause)
            ):
                return None, True
            kin = KIN.search(clause)
            tie = body.rfind(kin.group(), start, verb.start()) if kin else -1
            if kin and not self._mentions_in(tie, verb.start()):
                # "a plan her mother described": unnamed ("Her husband, Tom Roe, says"
                # names him).
                return self._given_role(kin.group(1)), True
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
            short = self._short_subject(clause) if speaker is None else None
            if short:
                return short, True
            if speaker is None and _NAME_BEFORE_VERB.search(clause):
                # "a figure Acme called "…"": a name the text did not resolve is the
                # verb's subject, not the sentence's.
                return None, True
            if speaker is None:
                return self._sentence_subject(s, span.open_mark, None), True
            return speaker, True
        if same_sentence and previous_speaker:
            return previous_speaker, True
        trailing = self._trailing_attribution(span)
        if trailing is not None:
            # "Roe is "committed" to it, her aides said.": the clause at the end speaks.
            return self.after(span), True
        owner = _OWNED_WORDS.search(text)
        if owner:
            # "Roe's response: "…"": the owner of the words speaks.
            named = self._mentions_in(start, start + owner.start() + 1)
            if (
                named
                and named[-1].possessive
                and named[-1].end >= start + owner.start()
            ):
                return named[-1].name, True
        pronoun = _PRONOUN_WORDS.search(text)
        if pronoun:
            word = _OWNER_PRONOUN[pronoun.group(1).lower()]
            found = self.resolve_pronoun(word, start + pronoun.start())
            if found:
                return found, True
        if _COLON_END.search(text):
            owner = self._lead_owner(s, span.open_mark)
            if owner:
                return owner, True
        subject = self._leading_subject(s_start, span.open_mark)
        if subject is None and _COLON_END.search(text):
            # "The message from Roe was simple: "…"": the one person named.
            named = {
                m.name
                for m in self._mentions_in(start, span.open_mark)
                if m.kind == PERSON and not m.modifier
            }
            if len(named) == 1:
                subject = named.pop()
        return subject, subject is not None

    def _short_subject(self, clause: str) -> str | None:
        """Return Acme Motors for "In the filing, Acme described" / "a figure Acme
        called": a company's short name, the first word of its full name."""
        words = clause.split()
        if not words or not words[-1][:1].isupper():
            return None
        if len(words) > 1 and (
            not words[-2].islower() or words[-2] in _PERSON_MODIFIERS
        ):
            return None
        return self._short_org(words[-1])

    def _lead_owner(self, s: int, pos: int) -> str | None:
        """Return X for "His only comment was a post …, captioned: "…"" (whose words)."""
        clause = self._main_clause(s)
        lead = _PRONOUN_LEAD.match(self.body, clause, pos)
        if lead:
            word = _OWNER_PRONOUN[lead.group(1).lower()]
            return self.resolve_pronoun(word, clause)
        first = self._mentions_in(clause, pos)[:1]
        if (
            first
            and first[0].possessive
            and not self.body[clause : first[0].start].strip()
            and _OWNED_LEAD.match(self.body, first[0].end, pos)
        ):
            return first[0].name
        return None

    def _claim_owner(self, text: str, start: int) -> str | None:
        """Return X for "X's promise to "…"" / "her claim that "…"" (whose words)."""
        claim = _OWNED_SPEECH.search(text)
        if not claim:
            return None
        if claim.group(1):
            word = _OWNER_PRONOUN[claim.group(1).lower()]
            return self.resolve_pronoun(word, start + claim.start())
        named = self._mentions_in(start, start + claim.start() + 1)
        if named and named[-1].possessive and named[-1].end >= start + claim.start():
            return named[-1].name
        return None

    def _participle_speaker(self, s, start, verb, span, previous_speaker) -> str | None:
        """Return who is "stating" in "X …, stating, "…"" or "with the mayor calling …"."""
        body = self.body
        s_start, _ = self.sentences.bounds(s)
        window = body[start : verb.start()]
        absolute = _ABSOLUTE.search(window)
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
                and not _ENDED.search(body[previous.start : previous.close_mark + 1])
            )
        if _COLON_END_ANY.search(before):
            return False
        last = _LAST_BEFORE_COMMA.search(before)
        if last and last.group(1).lower() in lex.SPEECH_VERBS:
            return False
        # "…, she said, "Yes."": a full utterance after a reporting clause.
        return not (
            last
            and self._verbs(start, span.open_mark, speech=True)
            and body[span.start : span.start + 1].isupper()
        )

    def is_scare_quote(self, span: QuoteSpan, attribution: Attribution) -> bool:
        """Return True for a word or two in quotes that nobody is said to have said.

        That is a label after a copula and an article with no reporting verb around it
        (he's the "change agent"), or a few words that no speaker claims; but not a
        predicate closing the sentence (believes the system is "rigged."), which repeats
        a claim, nor an introduced utterance (The crowd roared, "Yes!").
        """
        if (
            not attribution.is_partial
            or len(self.body[span.start : span.end].split()) > 3
        ):
            return False
        if self._verbs(*attribution.sentence):
            return False
        if self._is_label(span):
            return True
        if _DISPLAYED.search(self.body, max(0, span.open_mark - 12), span.open_mark):
            return False  # "signs reading "Fund Our Future"": words on display
        introduced = (
            _INTRODUCED.search(self.body[max(0, span.open_mark - 4) : span.open_mark])
            and self.body[span.start : span.start + 1].isupper()
        )
        return (
            attribution.speaker is None
            and not introduced  # "The crowd roared, "Yes!"": an utterance
            and not self._is_predicate(span)
        )

    def _is_label(self, span: QuoteSpan) -> bool:
        """Return True for "he's the "change agent" we need": a label, not speech."""
        before = self.body[max(0, span.open_mark - 20) : span.open_mark]
        if not _DETERMINER_BEFORE.search(before) or span.close_mark < 0:
            return False
        return bool(_FUNCTION_AFTER.match(self.body, span.close_mark + 1))

    def _is_predicate(self, span: QuoteSpan) -> bool:
        """Return True for a quote after "is"/"was" that ends its sentence."""
        before = self.body[max(0, span.open_mark - 12) : span.open_mark]
        if not _COPULA_BEFORE.search(before):
            return False
        if span.close_mark < 0 or self.body[span.end - 1 : span.end] in ".!?":
            return True
        after = self.body[span.close_mark + 1 : span.close_mark + 2]
        return after in _SENTENCE_END

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
            if ends_open and self._reported_before(span, prev_same_para):
                ends_open = False  # "While Roe called it "smart," Hart said …"
            speaker = self._as_said(span)
            found = speaker is not None
            # Whose turn it is: the sentence's subject when it repeats someone's words.
            voice = (
                self._sentence_subject(
                    self.sentences.index(span.open_mark), span.open_mark, speaker
                )
                if found
                else None
            )
            if found:
                pass
            elif ends_open:
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
            voice = voice or speaker
            self._paragraph_speakers[span.paragraph] = voice
            speakers.append(voice)
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
        self._headline_echoes(results)
        return [(span, a) for span, a in results if not self.is_scare_quote(span, a)]

    def _headline_echoes(self, results: list[tuple[QuoteSpan, Attribution]]) -> None:
        """Give a headline's quoted phrase to whoever says those words below.

        (Headline: Volunteers were 'flying blind' …; body: "We were flying blind,"
        Roe said.) Only when exactly one speaker says them.
        """
        for i, (span, a) in enumerate(results):
            if span.paragraph != 0 or a.speaker is not None:
                continue
            phrase = _SPACES.sub(" ", self.body[span.start : span.end]).strip(" ,.;:")
            if len(phrase) < 4:
                continue
            key = phrase.lower()
            owners = {
                b.speaker
                for other, b in results[i + 1 :]
                if b.speaker is not None
                and other.paragraph > 0
                and key in _SPACES.sub(" ", self.body[other.start : other.end]).lower()
            }
            if len(owners) == 1:
                results[i] = (span, Attribution(owners.pop(), a.is_partial, a.sentence))

    def _reported_before(self, span: QuoteSpan, previous: QuoteSpan | None) -> bool:
        """Return True for a fragment its own clause reports: ``Roe called it "smart,"``."""
        if not self.body[span.start : span.start + 1].islower():
            return False
        s_start, _ = self.sentences.bounds(self.sentences.index(span.open_mark))
        start = s_start
        if previous is not None and previous.close_mark >= s_start:
            start = previous.close_mark + 1
        verbs = self._verbs(start, span.open_mark)
        if not verbs:
            return False
        named = self._mentions_in(start, verbs[-1].start())
        return bool(named) and not named[-1].possessive

    def _at_sentence_start(self, span: QuoteSpan, previous: QuoteSpan | None) -> bool:
        s_start, _ = self.sentences.bounds(self.sentences.index(span.open_mark))
        start = (
            s_start
            if previous is None or previous.close_mark < s_start
            else previous.close_mark + 1
        )
        return not _LETTER.search(self.body[start : span.open_mark])

    def _turn(
        self, span, prev_same_para, prev_speaker, previous, last_speaker
    ) -> str | None:
        """Return the speaker whose turn it is for a quote with no verb of its own."""
        if span.continued and previous is not None:
            return last_speaker
        if prev_same_para is not None and prev_speaker:
            if self._unnamed_voice(span, prev_same_para):
                return None  # "The crowd roared, "Yes!"": someone else, unnamed
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
            return self._narrated(span, prev_same_para, 0, 0)
        q_start, q_end = self.sentences.ends[span.paragraph - 1]
        previous_para = body[q_start:q_end].rstrip()
        if previous_para.endswith(":"):
            s = self.sentences.index(q_end - 1)
            return self._colon_speaker(s, q_end - 1)
        outside = self._outside_text(p_start, p_end)
        if (
            (not _WORDY.search(outside) or self._bare_lead_in(p_start, p_end, span))
            and previous is not None
            and previous.paragraph == span.paragraph - 1
        ):
            partner = self._dialogue_partner(span.paragraph, last_speaker)
            if partner is not None:
                self._alternated.add(span.paragraph)
                return partner
            if body[previous.end - 1 : previous.end] == "?":
                return self._answerer(previous, last_speaker)
            # "Roe pressed Doe on taxes. "…," she said." then a bare quote: Doe's turn.
            addressed = self._addressee(q_start, q_end, last_speaker)
            if addressed is not None:
                self._alternated.add(span.paragraph)
            return addressed or last_speaker
        return self._narrated(span, prev_same_para, q_start, q_end)

    def _bare_lead_in(self, p_start: int, p_end: int, span: QuoteSpan) -> bool:
        """Return True for "Then, more seriously: "…"": a paragraph that opens on a
        few words naming nobody and no verb, then the quote (the turn goes on)."""
        lead = self.body[p_start : span.open_mark]
        return (
            bool(_LEAD_IN.fullmatch(lead))
            and not self._mentions_in(p_start, span.open_mark)
            and not self._verbs(p_start, span.open_mark)
            and not _WORDY.search(self._outside_text(span.open_mark, p_end))
        )

    def _narrated(self, span, prev_same_para, q_start: int, q_end: int) -> str | None:
        """Return who speaks in a bare quote after a sentence about them.

        ``Roe was unapologetic. "I did it."`` (the previous sentence's subject) and
        ``Roe said taxes must rise.\n\n"There is no other way."`` (the reported
        speaker of the paragraph before a paragraph that is only a quote).
        """
        if prev_same_para is not None:
            return None
        s = self.sentences.index(span.open_mark)
        s_start, s_end = self.sentences.bounds(s)
        if _LETTER.search(self.body[s_start : span.open_mark]):
            return None
        if any(not self._in_quote(v.start()) for v in self._verbs(s_start, s_end)):
            return None  # the quote's own sentence names a speaker ("they said")
        p_start = self.sentences.ends[span.paragraph][0]
        if s_start > p_start:
            return self._sentence_subject(s - 1, s_start, None)
        p_start, p_end = self.sentences.ends[span.paragraph]
        if q_end <= q_start or _WORDY.search(self._outside_text(p_start, p_end)):
            return None
        last = self.sentences.index(q_end - 1)
        l_start, _ = self.sentences.bounds(last)
        if l_start < q_start or not self._verbs(l_start, q_end, speech=True):
            return None
        if any(q_start <= a < q_end for a in self.quoted_starts):
            return None
        return self._sentence_subject(last, q_end, None)

    def _unnamed_voice(self, span: QuoteSpan, previous: QuoteSpan) -> bool:
        """Return True when an unnamed subject introduces the quote ("The crowd roared,")."""
        s_start, _ = self.sentences.bounds(self.sentences.index(span.open_mark))
        start = max(s_start, previous.close_mark + 1)
        text = self.body[start : span.open_mark]
        return bool(_UNNAMED_VOICE.match(text)) and not self._mentions_in(
            start, span.open_mark
        )

    def _addressee(self, a: int, b: int, speaker: str | None) -> str | None:
        """Return the person ``speaker`` questions in body[a:b] ("Roe pressed Doe")."""
        if speaker is None:
            return None
        for verb in _ADDRESSING.finditer(self.body, a, b):
            if self._in_quote(verb.start()):
                continue
            before = self._mentions_in(a, verb.start())
            after = self._mentions_in(verb.end(), verb.end() + 1)
            if (
                before
                and before[-1].name == speaker
                and after
                and after[0].kind == PERSON
                and after[0].name != speaker
            ):
                return after[0].name
        return None

    def _dialogue_partner(self, paragraph: int, last_speaker: str | None) -> str | None:
        """Return the other voice of a two-way exchange whose turn a bare quote is.

        ``"…?" Roe asked.`` / ``"…," Doe replied.`` / ``"…"`` (Roe) / ``"…"`` (Doe):
        after a reply, or a turn taken this way, bare quotes alternate.
        """
        partner = self._paragraph_speakers.get(paragraph - 2)
        if last_speaker is None or partner is None or partner == last_speaker:
            return None
        if paragraph - 1 in self._alternated or paragraph - 2 in self._alternated:
            # A bare turn, the other's rejoinder, a bare quote: back to the first.
            return partner
        p_start, p_end = self.sentences.ends[paragraph - 1]
        return partner if _REPLY.search(self._outside_text(p_start, p_end)) else None

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
        if people:
            return people[-1].name
        # "A reporter pressed her on taxes. "…?"": the one the asker addressed.
        for verb in _ADDRESSING.finditer(self.body, start, end):
            addressed = _OBJECT_PRONOUN.match(self.body, verb.end())
            if addressed and not self._in_quote(verb.start()):
                word = "he" if addressed.group(1) == "him" else "she"
                return self.resolve_pronoun(word, verb.start())
        return None

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
