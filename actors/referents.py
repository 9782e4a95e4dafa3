"""Say who a phrase means: "he", "the mayor", "the newspaper", "Flynn, a surrogate,".

Pure Python: no Django. ``Referents`` knows the sentences, the actor mentions outside
quotes and the reporting verbs of one text, and which mention is each sentence's
subject. Pronouns go to the most salient earlier actor of that gender (earlier speakers
and sentence subjects first); job descriptions ("the former secretary of state said") to
the actor whose title or described role ("Ann Lee, the former secretary of state,")
matches the phrase best, else the most salient person; "the union wrote" to the latest
matching organization; a document ("the Pew survey said", "Roe's statement said") to
whoever issued it; "a spokeswoman for X" to nobody.
"""

import bisect
import re

from . import names as lex
from .coreference import Actor
from .mentions import ORGANIZATION, PERSON, Mention
from .quotes import QuoteSpan, Sentences

# Verbs that report speech when they follow a quote (""Boring," she repeats"); the
# lexicon lists some only as verbs that put words in quotes, or only in the past.
_ALSO_SPEECH = lex.words("repeated repeats echoed echoes sighs laughs")
_REPORTING = lex.SPEECH_VERBS | lex.QUOTING_VERBS | _ALSO_SPEECH


class Verb:
    """A reporting verb found in the text (quacks like the ``re.Match`` of the word)."""

    __slots__ = ("_start", "_end", "word", "speech")

    def __init__(self, start: int, end: int, word: str, speech: bool):
        self._start, self._end, self.word, self.speech = start, end, word, speech

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self.word


def _trie_pattern(words: frozenset[str]) -> str:
    """Return a regex alternation of ``words`` shaped as a trie (fast to match)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [
            re.escape(c) + build(child) for c, child in sorted(node.items()) if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


_VERB = re.compile(
    r"\b(?:[Aa]ccording to|"
    + _trie_pattern(_REPORTING | frozenset(w.capitalize() for w in _REPORTING))
    + r")\b"
)


# "the statement read": "read" reports speech only after a document.
_DOCUMENT_READ = re.compile(
    r"\b(?:" + "|".join(sorted(lex.DOCUMENT_NOUNS)) + r")[ \u00a0]+(read)\b"
)


def find_verbs(body: str, start: int, end: int) -> list[Verb]:
    """Return every reporting verb and "according to" in ``body[start:end]``, in order."""
    verbs = [
        Verb(m.start(1), m.end(1), "read", True)
        for m in _DOCUMENT_READ.finditer(body, start, end)
    ]
    for m in _VERB.finditer(body, start, end):
        if (
            body[m.start() - 3 : m.start()] == "to "
            and not body[m.start() - 4 : m.start() - 3].isalpha()
        ):
            continue  # "too early to tell": not a report of speech ("Alito wrote" is)
        word = m.group().lower()
        verbs.append(
            Verb(
                m.start(),
                m.end(),
                word,
                word in lex.SPEECH_VERBS
                or word in _ALSO_SPEECH
                or word == "according to",
            )
        )
    if len(verbs) > 1:
        verbs.sort(key=Verb.start)
    return verbs


_INTRO_CLAUSE = re.compile(
    r"\W*(?:(?:After|When|While|If|Although|Though|Because|Since|As|Before|Despite|During"
    r"|In|On|At|For|With|Following|Under|Over|Through|From|According|Asked|Earlier|Later"
    r"|Unlike|Like|Once|Until|Throughout|Amid|Among|Given)\b[^,.;:!?]{0,140},"
    # "Speaking in Istiaia, he said": a participle phrase, then the main clause.
    r"|(?!\w*thing\b)[A-Z][a-z]{2,}ing[ \u00a0]+(?:in|on|at|to|from|after|before|with"
    r"|about|for|outside|inside|the|a|an|his|her|their|its|this|reporters)\b"
    r"[^,.;:!?]{0,140},"
    r"|[A-Z][a-z]+ly,)\s*"
)
_NEWSPAPER_NOUNS = lex.words(
    "newspaper paper daily weekly magazine publication outlet editorial site website"
)
_NEWSPAPER_HEADS = lex.words(
    "Post Times Journal News Tribune Herald Gazette Daily Chronicle Observer Guardian"
    " Telegraph Examiner Inquirer Star Sun Register Sentinel Review Magazine Weekly"
    " Globe Republic Politico POLITICO Breitbart HuffPost BuzzFeed"
)
_ADVERBS = lex.words(
    "also then later again further repeatedly reportedly once simply just only later"
    " has had have would will was is recently previously earlier later quickly"
    " flatly angrily sharply soothingly bluntly frankly candidly publicly privately"
    " explicitly immediately subsequently allegedly apparently"
)
_CLAUSE_STOPS = lex.words(
    "that where when while because but and who whom which as after before since if"
    " though although whether"
)
_INDEFINITE = lex.words("a an another one some two three several other many few any")
_PREPOSITIONS = lex.words(
    "to with of by for about at from on in into against over than like between among"
    " toward towards after before under via through"
)
# Words that make the words before a name more than a role (a clause, an object).
_NOT_IN_ROLE = _PREPOSITIONS | _REPORTING | (_CLAUSE_STOPS - {"and"})
_CLAUSE_VERB = re.compile(
    r"[ \u00a0]+(?:was|is|were|are|has|had|have|would|will|did|does|said|says)\b"
)
# A reporting verb right before a name: "said (that) Roe …" reports Roe's doing.
_REPORTED_SUBJECT = re.compile(
    r"\b(?:" + "|".join(sorted(lex.SPEECH_VERBS)) + r")(?:[ \u00a0]+that)?"
    r"(?:[ \u00a0]+[A-Z][\w.]*)?[ \u00a0]+$"
)
_PRONOUN = re.compile(r"\b(he|she|they|it|He|She|They|It)\W*$")
# "a spokeswoman for X", "an official familiar with …": someone the text does not name.
UNNAMED = re.compile(
    r"\W*(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:(?!(?:"
    + "|".join(sorted(lex.DOCUMENT_NOUNS))
    + r")\b)[a-z\-]+\s+){0,3}?(?:for|at|of|with|from|in|close|familiar)\b"
)
# "… campaign spokesman": up to seven words, then a noun for someone who speaks.
_SPEAKER_NOUN_PHRASE = (
    r"\s+(?:[\w\-’'&]+\s+){0,7}?(?:"
    + "|".join(sorted(lex.PERSON_SPEAKER_NOUNS))
    + r")s?"
)
# "A Roe campaign spokesman said": an indefinite person, nobody the text names.
INDEFINITE_PERSON = re.compile(
    r"\W*(?:[Aa]n?|[Aa]nother|[Oo]ne|[Ss]ome)" + _SPEAKER_NOUN_PHRASE + r"\W*$"
)
# "One Labour backbencher told": an indefinite role with any lowercase head noun (not
# a document or a body, "A Roe statement said"); "what one described as", "someone
# said": an indefinite pronoun. Nobody the text names.
_INDEFINITE_ROLE = re.compile(
    r"\W*(?:[Aa]n?|[Aa]nother|[Oo]ne)[ \u00a0]+(?:[A-Z][\w.\-’']*[ \u00a0]+){0,4}"
    r"(?:[a-z\-]+[ \u00a0]+){0,2}?([a-z\-]+)\W*$"
)
_INDEFINITE_PRONOUN = re.compile(
    r"(?:^|\b(?:what|as|how|which|and|but|,)[ \u00a0]+)(?:[Oo]ne|[Ss]omeone|[Ss]omebody"
    r"|[Nn]o[ \u00a0]+one)(?:[ \u00a0]+of[ \u00a0]+(?:them|us|those|the[ \u00a0]+\w+))?"
    r"[ \u00a0]*$"
)


def unnamed(text: str) -> bool:
    """Return True if ``text`` (the words before or after a verb) names nobody."""
    role = _INDEFINITE_ROLE.match(text)
    if role and role.group(1) not in lex.DOCUMENT_NOUNS | lex.ORG_SPEAKER_NOUNS:
        return True
    return bool(_INDEFINITE_PRONOUN.search(text))


# "A district official, who …, said …": a sentence led by someone the text does not
# name (no \W*$ anchor: the sentence goes on).
_INDEFINITE_LEAD = re.compile(
    r"\W*(?:An?|Another|One)" + _SPEAKER_NOUN_PHRASE + r"\b(?![’'])"
)
# "One juror, a retired teacher …, said": an unnamed person whose noun is not listed.
_INDEFINITE_NOUN = re.compile(
    r"\W*(?:An?|Another|One)[ \u00a0]+(?:[a-z\-]+[ \u00a0]+){0,2}?([a-z\-]+),"
)
# "in a statement", "In its policy statement,": the document someone spoke in.
_IN_DOCUMENT = re.compile(
    r"\b[Ii]n[ \u00a0]+(?:a|an|the|its|his|her|their)[ \u00a0]+(?:[\w\-]+[ \u00a0]+){0,2}?("
    + "|".join(sorted(lex.DOCUMENT_NOUNS))
    + r")\b"
)
# Nouns (not adjectives) for a person of a nation: "the Scot said", "said the Swede".
_DEMONYM_NOUNS = lex.words(
    "Scot Scots Swede Briton Brit Dane Finn Pole Spaniard Turk Serb Croat Slovene"
    " Czech Kiwi Aussie Icelander Luxembourger Zealander Jamaican Ugandan Tanzanian"
    " Rwandan Eritrean Cameroonian Senegalese Ivorian Zambian Malian Uruguayan"
    " Paraguayan Kyrgyz Tajik Mongolian Trinidadian Bahamian Namibian Ghanaian"
    " Frenchman Frenchwoman Englishman Englishwoman Irishman Irishwoman Scotsman"
    " Scotswoman Welshman Welshwoman Dutchman Dutchwoman"
)
# "to lead the", "to head": a name after it is the object of an infinitive.
_INFINITIVE_OBJECT = re.compile(
    r"\bto[ \u00a0]+(?:lead|head|run|chair|join|replace|succeed|oversee|direct)"
    r"[ \u00a0]+(?:the[ \u00a0]+)?$"
)
_INFINITIVE_TAIL = re.compile(
    r"[ \u00a0]+to[ \u00a0]+(?:lead|head|run|chair|join|replace|succeed|oversee|direct)\b"
)
# "Trump's pick to lead X": someone the lede names only later.
_NOMINEE_NOUNS = lex.words("pick nominee choice")
# "her mother", "his late father": kin named by the tie to someone else.
KIN = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)[ \u00a0]+(?:late[ \u00a0]+)?("
    r"mother|father|parents|son|daughter|wife|husband|sister|brother|grandmother"
    r"|grandfather|grandson|granddaughter|aunt|uncle|cousin|niece|nephew|mum|dad"
    r"|mom|stepmother|stepfather)[ \u00a0]*$"
)
# A person called by nationality or age: "the German", "the 32-year-old".
_DESCRIBED = re.compile(
    r"\W*[Tt]he[ \u00a0]+(?:\d+-year-old|"
    + "|".join(sorted(lex.NATIONALITIES | _DEMONYM_NOUNS))
    + r")\W*$"
)
# "For Roe, the lesson was …": the fronted person is what the sentence is about.
_FRONTED_TOPIC = re.compile(r"\W*(?:For|To)[ \u00a0]+")
# A full stop that ends a clause, not the one in "Dr." or "U.S.".
TERMINAL = re.compile(
    r"(?<!\b(?:Mr|Ms|Dr|Lt|Jr|Sr|St|Co|No|vs))(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Rev|Inc|Ltd))"
    r"(?<!\b[A-Z])(?<!\bSgt)(?<!\bCapt)(?<!\bCorp)[.!?…](?![ \u00a0]+[a-z])"
)


# A role given after a name ("Ann Lee, the former secretary of state," / ", who served
# as mayor,") or in lowercase before it ("former secretary of state Ann Lee").
_ROLE_AFTER = re.compile(
    r",[ \u00a0]+(?:who[ \u00a0]+(?:is|was|has[ \u00a0]+been|had[ \u00a0]+been|served"
    r"[ \u00a0]+as|became|is[ \u00a0]+now)[ \u00a0]+)?(?:the|a|an|his|her|their)?[ \u00a0]*"
    r"((?:[A-Za-z\-’']+[ \u00a0]+){0,6}?[a-z\-]+)[ \u00a0]*[,.;]"
)
_ROLE_BEFORE = re.compile(r"((?:\b[a-z\-]+[ \u00a0]+){1,5}),?[ \u00a0]*$")
_GENDERED = re.compile(r"\b(he|she|his|her|him|He|She|His|Her)\b")
_COMPLEMENT = re.compile(r"[ \u00a0](?:of|for|at|with|from|in|on|by|to)[ \u00a0]")
_PLURAL_LEAD = re.compile(
    r"\W*(?:(?:The|the|Some|some|Many|many|Several|several|Other|other|Two|Three|Most"
    r"|most|Local|local)[ \u00a0]+)?([A-Za-z]+s)\b(?![’'])"
)
_NOT_PLURAL = lex.words("this his its was has is as us yes news always perhaps")
# A player named by the position played: "the flanker said", "said the goalkeeper".
_POSITION_NOUNS = lex.words(
    "flanker fly-half scrum-half winger fullback full-back striker goalkeeper keeper"
    " goaltender netminder midfielder defender playmaker quarterback linebacker"
    " cornerback pitcher catcher shortstop outfielder batsman batter bowler"
    " wicketkeeper wicket-keeper all-rounder opener forward"
)
_FUNCTION = lex.words(
    "the a an his her their its this that of for at with from in on to and who"
)
_ASIDE = re.compile(r"—[^—]*—|\([^)]*\)")
_LETTERS = re.compile(r"[A-Za-z]+")
_CLAUSE_PUNCT = re.compile(r"[,;:]")
# "U.S. Deputy Secretary of State Jane Roe said": a long title before the subject.
_TITLE_GAP = re.compile(
    r"[ \u00a0]*(?:[A-Z][\w.’'\-]*[ \u00a0]+(?:(?:of|for|the|and)[ \u00a0]+)*)+"
)
# "Its chief executive, Jane Roe, said": a role in apposition leads to the subject,
# capitalised ("The Chancellor, Rachel Reeves,"), with a complement ("Her editor at
# Knopf, Jo Pavlou,") or followed by a role ("Her husband, the designer Tom Roe,").
_APPOSED_ROLE = re.compile(
    r"\s*(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]he|[A-Z][\w.\-]*['’]s?)[ \u00a0]+"
    r"(?:[\w\-]+(?:['’]s)?[ \u00a0]+){0,4}[\w\-]+,[ \u00a0]*"
    r"(?:(?:the|a|an)[ \u00a0]+(?:[a-z\-]+[ \u00a0]+){0,3})?"
)
# Role words between an organization and a person: " deputy leader ", " CEO ".
_ORG_ROLE = re.compile(
    r"(?:[ \u00a0]+[a-z\-]+){0,3}[ \u00a0]+([a-z\-]+|[A-Z]{2,5})[ \u00a0]+"
)
_PRONOUN_IN = re.compile(r"\b(?:he|she|it|they|I|we)\b", re.IGNORECASE)
_HE_SHE = re.compile(r"(?:He|She|he|she)\b")
_LOWER_WORDS = re.compile(r"[a-z\-]+")
_COMPLEMENT_SPLIT = re.compile(r"\s(?:of|for|at|with|from|in|on)\s")
_PHRASE_WORDS = re.compile(r"[A-Za-z’'\-]+")
_CLAUSE_SPLIT = re.compile(r"[,.;]")
_LEAD_PRONOUN_ANY_CASE = re.compile(r"\W*(he|she|they|it)\b", re.IGNORECASE)
_LEAD_PRONOUN = re.compile(r"\W*(he|she|they|it|He|She|They|It)\b")
# "Later in the speech he set out …": a pronoun subject after a short adverbial.
_ADVERBIAL_PRONOUN = re.compile(
    r"\W*(?:Later|Earlier|Then|Afterwards|Now|Today|Yesterday|Last|Next|Still|In|At"
    r"|On|During|After|Before|Since|Back|[A-Z][a-z]+ly)(?:[ \u00a0]+[a-z]+){0,5}?"
    r"[ \u00a0]+(he|she|they)\b"
)
_ROLE_SUBJECT = re.compile(
    r"\W*(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)[ \u00a0]+(?:[\w\-’']+[ \u00a0]+){0,3}?(?:"
    + "|".join(sorted(lex.PERSON_SPEAKER_NOUNS | lex.ORG_SPEAKER_NOUNS))
    + r")\b(?![’'])"
)
# "Mr Feeney", "Ms. Lee": an honorific fixes the gender whatever the first name says.
_HONORIFIC_BEFORE = re.compile(
    r"\b(?:"
    + "|".join(sorted(lex.FEMALE_HONORIFICS | lex.MALE_HONORIFICS))
    + r")\.?[ \u00a0]+$"
)
_LEAD_DETERMINER = re.compile(r"\W*(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s")
_LEAD_PERSONAL = re.compile(r"(he|she|He|She|they|They)\s")
_CLAUSE_TOKEN = re.compile(r"[\w’'\-.]+|[;:(—]")


class Referents:
    """Resolve the phrases of one text that name a speaker."""

    def __init__(
        self,
        body: str,
        spans: list[QuoteSpan],
        mentions: list[Mention],
        actors: list[Actor],
        sentences: Sentences,
    ):
        self.body = body
        self.sentences = sentences
        quoted = [
            (s.open_mark, s.close_mark if s.close_mark >= 0 else s.end)
            for s in spans
            if not s.is_title
        ]
        self.quoted_starts = [a for a, _ in quoted]
        self.quoted = quoted
        self.mentions = [
            m
            for m in mentions
            if m.kind in (PERSON, ORGANIZATION)
            and m.name
            and not self._in_quote(m.start)
        ]
        self.mention_starts = [m.start for m in self.mentions]
        self.actors = {a.name: a for a in actors}
        self.sentence_speaker: dict[int, str] = {}
        # Found paragraph by paragraph when first asked: most paragraphs never are.
        self._paragraph_verbs: dict[int, list[Verb]] = {}
        self._clauses: dict[int, int] = {}
        self._role_words: dict[str, tuple[set[str], set[str]]] | None = None
        self._gender_guess: dict[str, str] | None = None
        self.subjects = self._subjects()

    # --- helpers ------------------------------------------------------------------
    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quoted_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def _verbs(self, a: int, b: int, *, speech: bool = False) -> list[Verb]:
        paragraphs = self.sentences.ends
        p = max(0, bisect.bisect_right(self.sentences.paragraph_starts, a) - 1)
        found = []
        while p < len(paragraphs) and paragraphs[p][0] < b:
            verbs = self._paragraph_verbs.get(p)
            if verbs is None:
                verbs = self._paragraph_verbs[p] = find_verbs(self.body, *paragraphs[p])
            found += [
                v
                for v in verbs
                if a <= v.start() and v.end() <= b and (v.speech or not speech)
            ]
            p += 1
        return found

    def _mentions_in(self, a: int, b: int) -> list[Mention]:
        i = bisect.bisect_left(self.mention_starts, a)
        j = bisect.bisect_left(self.mention_starts, b)
        return self.mentions[i:j]

    def _main_clause(self, s: int) -> int:
        """Return where sentence ``s``'s main clause starts (after "After …, ")."""
        clause = self._clauses.get(s)
        if clause is None:
            start, end = self.sentences.bounds(s)
            intro = _INTRO_CLAUSE.match(self.body, start, end)
            clause = self._clauses[s] = intro.end() if intro else start
        return clause

    def _subjects(self) -> dict[int, Mention]:
        """Map each sentence to the mention that is its grammatical subject, if any."""
        subjects: dict[int, Mention] = {}
        seen: set[int] = set()
        mentions = self.mentions
        for i, m in enumerate(mentions):
            s = self.sentences.index(m.start)
            if s in seen:
                continue
            if (
                m.kind == ORGANIZATION
                and i + 1 < len(mentions)
                and mentions[i + 1].kind == PERSON
                and self._org_role(m.end, mentions[i + 1].start)
            ):
                continue  # "SPD deputy leader Anke Rehlinger": the org names her role
            clause = self._main_clause(s)
            if m.start < clause:
                continue
            if m.possessive or m.modifier:
                continue
            if self._in_parenthetical(clause, m.start):
                continue
            seen.add(s)
            gap = _ASIDE.sub(" ", self.body[clause : m.start])
            words = (w.lower() for w in reversed(_LETTERS.findall(gap)))
            last = next((w for w in words if w != "the"), "")
            if last in _PREPOSITIONS or last in _REPORTING:
                continue  # "… told CNN": an object, not the subject
            if (
                (
                    len(gap.split()) <= 4
                    and not _CLAUSE_PUNCT.search(gap)
                    and not _PRONOUN_IN.search(gap)
                )
                or self._role_before(gap)
                or (
                    (_APPOSED_ROLE.fullmatch(gap) and self.body.startswith(",", m.end))
                    or (m.title and _TITLE_GAP.fullmatch(gap))
                )
            ):
                subjects[s] = m
        return subjects

    def _org_role(self, a: int, b: int) -> bool:
        """Return True if body[a:b] is a role between an org and a person's name."""
        words = _ORG_ROLE.fullmatch(self.body, a, b)
        if not words:
            return False
        last = words.group(1)
        return last.lower() in lex.PERSON_SPEAKER_NOUNS or last in lex.TITLE_WORDS

    @staticmethod
    def _role_before(gap: str) -> bool:
        """Return True for a bare role before a name ("Former club captain and pundit")."""
        words = gap.split()
        return (
            0 < len(words) <= 7
            and gap[:1].isupper()
            and words[-1].islower()
            and not _CLAUSE_PUNCT.search(gap)
            and not _PRONOUN_IN.search(gap)
            and not {w.lower() for w in words} & _NOT_IN_ROLE
        )

    def _in_parenthetical(self, clause: int, pos: int) -> bool:
        text = self.body[clause:pos]
        _, end = self.sentences.bounds(self.sentences.index(pos))
        dashed = text.count("—") % 2 == 1 and "—" in self.body[pos:end]
        return dashed or text.count("(") > text.count(")")

    def _possessive_topic(self, s: int) -> Mention | None:
        """Return the actor a sentence is about: "Roe's group …", "For Roe, the …"."""
        start, end = self.sentences.bounds(s)
        clause = self._main_clause(s)
        first = self._mentions_in(clause, end)[:1]
        if (
            first
            and first[0].possessive
            and len(self.body[clause : first[0].start].split()) <= 1
        ):
            return first[0]
        fronted = self._mentions_in(start, clause)[:1]
        if (
            fronted
            and _FRONTED_TOPIC.fullmatch(self.body, start, fronted[0].start)
            and self.body.startswith(",", fronted[0].end)
        ):
            return fronted[0]
        return None

    def _unnamed_subject(self, s: int) -> bool:
        """Return True if sentence ``s`` opens on an unnamed person and names nobody."""
        clause = self._main_clause(s)
        _, end = self.sentences.bounds(s)
        lead = _INDEFINITE_LEAD.match(self.body, clause, end)
        if lead is None:
            # "One juror, a retired teacher, said …": any noun, up to its verb.
            lead = _INDEFINITE_NOUN.match(self.body, clause, end)
            if lead is None or lead.group(1) in lex.DOCUMENT_NOUNS | _NOT_IN_ROLE:
                return False
            verbs = self._verbs(lead.end(), end, speech=True)
            end = verbs[0].start() if verbs else end  # names after it are objects
        return not any(
            m.kind == PERSON and not m.possessive and not m.modifier
            for m in self._mentions_in(clause, end)
        )

    def _pronoun_subject(self, s: int) -> bool:
        clause = self._main_clause(s)
        return bool(_HE_SHE.match(self.body[clause : clause + 4]))

    def _gender_ok(self, name: str, gender: str) -> bool:
        actor = self.actors.get(name)
        if actor is None:
            return False
        if gender == "org":
            return actor.kind == ORGANIZATION
        if actor.kind != PERSON:
            return False
        known = actor.gender or self._genders().get(name, "")
        return not gender or not known or known == gender

    def _genders(self) -> dict[str, str]:
        """Guess the gender of people whose first name does not tell, from the text.

        An honorific on a short mention ("Ms. Galvez"), a gendered role ("Galvez, a
        spokeswoman,"), and the pronoun that follows them as a subject ("Galvez said
        she …"), by majority.
        """
        if self._gender_guess is not None:
            return self._gender_guess
        votes: dict[str, int] = {}
        unknown = {
            name for name, a in self.actors.items() if a.kind == PERSON and not a.gender
        }
        if unknown:
            roles = self._roles()
            for m in self.mentions:
                if m.name not in unknown:
                    continue
                vote = 2 if m.gender == "f" else -2 if m.gender == "m" else 0
                words = set().union(*roles.get(m.name, (set(), set())))
                vote += len(words & lex.FEMALE_NOUNS) - len(words & lex.MALE_NOUNS)
                s = self.sentences.index(m.start)
                if self.subjects.get(s) is m:
                    _, end = self.sentences.bounds(s)
                    pronoun = _GENDERED.search(self.body, m.end, max(end, m.end))
                    if pronoun and not self._in_quote(pronoun.start()):
                        vote += 1 if pronoun.group(1).lower() in ("she", "her") else -1
                votes[m.name] = votes.get(m.name, 0) + vote
        self._gender_guess = {
            name: "f" if v > 0 else "m" for name, v in votes.items() if v
        }
        return self._gender_guess

    # --- resolution of the phrase that names the speaker ---------------------------
    def resolve_pronoun(self, word: str, pos: int) -> str | None:
        w = word.lower()
        gender = "m" if w == "he" else "f" if w == "she" else "org"
        s = self.sentences.index(pos)
        fallback = None
        for k in range(s, max(-1, s - 6), -1):
            start, _ = self.sentences.bounds(k)
            spoken = self.sentence_speaker.get(k)
            subject = self.subjects.get(k)
            if k == s:
                in_sentence = [
                    m
                    for m in self._mentions_in(start, pos)
                    if self._gender_ok(m.name, gender)
                ]
                heads = [m for m in in_sentence if not m.possessive and not m.modifier]
                if (
                    heads
                    and heads[-1] is not subject
                    and _CLAUSE_VERB.match(self.body, heads[-1].end)
                ):
                    # "Flynn said Trump was "right" when he said …": the nearer subject.
                    return heads[-1].name
                if (
                    subject is not None
                    and subject.start < pos
                    and self._gender_ok(subject.name, gender)
                ):
                    return subject.name
                if heads:
                    return heads[0].name
                continue
            if spoken and self._gender_ok(spoken, gender):
                return spoken
            if subject is not None and self._gender_ok(subject.name, gender):
                return subject.name
            if gender != "org" and fallback is None and self._unnamed_subject(k):
                return None  # "A district official … said …. "…," he said."
            if w == "they" and subject is None and self._plural_subject(k):
                return None  # "Analysts were cautious. "…," they wrote.": people
            if self._pronoun_subject(k):
                continue  # "She also wrote …": the subject is further back
            topic = self._possessive_topic(k)
            if topic is not None and self._gender_ok(topic.name, gender):
                return topic.name  # "Mr. Jensen's group plans to sue."
            if fallback is None:
                ms = [
                    m
                    for m in self._mentions_in(start, self.sentences.bounds(k)[1])
                    if self._gender_ok(m.name, gender)
                    and not m.possessive
                    and not m.modifier
                ]
                if ms:
                    fallback = ms[0].name
                    if (
                        k == s - 1
                        and len({m.name for m in ms}) == 1
                        and _REPORTED_SUBJECT.search(self.body, start, ms[0].start)
                    ):
                        # "X said Roe played no part. In the letter, he wrote:": the
                        # subject of the speech just reported beats an older speaker.
                        return fallback
        if fallback is None and gender != "org":
            fallback = self._misgendered(s, pos)
        if fallback is None and gender != "org":
            # A profile's "she says" long after the subject was last named: the latest
            # earlier speaker of that gender.
            for k in sorted(self.sentence_speaker, reverse=True):
                spoken = self.sentence_speaker[k]
                if k < s - 5 and self._gender_ok(spoken, gender):
                    return spoken
        return fallback

    def _misgendered(self, s: int, pos: int) -> str | None:
        """Return the latest subject whose gender only its first name suggested.

        A name the lexicon reads the other way ("Marian", a surname-first "Yoon
        Seo-yeon") is still the one "she" means when nobody else fits.
        """
        for k in range(s, max(-1, s - 3), -1):
            subject = self.subjects.get(k)
            if subject is None or subject.start >= pos or subject.kind != PERSON:
                continue
            name = subject.name
            roles = set().union(*self._roles().get(name, (set(), set())))
            honorific = any(
                _HONORIFIC_BEFORE.search(self.body, max(0, m.start - 7), m.start)
                for m in self.mentions
                if m.name == name
            )
            if honorific or roles & (lex.FEMALE_NOUNS | lex.MALE_NOUNS):
                return None
            return name
        return None

    def _plural_subject(self, s: int) -> bool:
        """Return True if sentence ``s`` opens on plural people ("Analysts at X …")."""
        clause = self._main_clause(s)
        lead = _PLURAL_LEAD.match(self.body, clause)
        return bool(lead) and lead.group(1).lower() not in _NOT_PLURAL

    def _roles(self) -> dict[str, tuple[set[str], set[str]]]:
        """Map each person to the words of the roles the text gives them.

        The title before the name ("Secretary of State Ann Lee"), a lowercase role
        before it ("former secretary of state Ann Lee") and a description after it
        ("Ann Lee, the former secretary of state," / "Ann Lee, who served as mayor,").
        """
        if self._role_words is not None:
            return self._role_words
        roles: dict[str, tuple[set[str], set[str]]] = {}
        body = self.body
        for m in self.mentions:
            if m.kind != PERSON:
                continue
            words, loose = roles.setdefault(m.name, (set(), set()))
            after = _ROLE_AFTER.match(body, m.end, m.end + 90)
            if after:
                found = after.group(1).split()
                if (
                    not {"and", "or"} & set(found)
                    and (found[0].islower() or found[0] in lex.TITLE_WORDS)
                    and {w.lower() for w in found} & lex.PERSON_SPEAKER_NOUNS
                ):
                    words.update(w.lower() for w in found)
            before = _ROLE_BEFORE.search(body, max(0, m.start - 60), m.start)
            if before:
                found = before.group(1).split()
                if found[-1] in lex.PERSON_SPEAKER_NOUNS:
                    loose.update(found[-4:])  # "told host Ann Lee": maybe an object
        self._role_words = roles
        return roles

    def resolve_nominal(self, phrase: str, pos: int) -> str | None:
        if _DESCRIBED.match(phrase):
            # "the German said", "the 32-year-old said": the person in focus.
            return self._salient_person(pos, "")
        wanted = {w for w in _LOWER_WORDS.findall(phrase.lower()) if w not in _FUNCTION}
        # The head noun comes before its complement: "the secretary of state".
        phrase = _COMPLEMENT_SPLIT.split(phrase, 1)[0]
        words = _PHRASE_WORDS.findall(phrase)
        if not words:
            return None
        lowered = [w.lower() for w in words]
        nouns = lex.ORG_SPEAKER_NOUNS | lex.PERSON_SPEAKER_NOUNS
        while (
            len(lowered) > 1
            and lowered[-1] not in nouns
            and (lowered[-1] in _ADVERBS or lowered[-1].endswith("ly"))
        ):
            lowered.pop()
        if lowered[0] in _INDEFINITE:
            return None
        noun = lowered[-1]
        if noun in lex.ORG_SPEAKER_NOUNS:
            return self._latest_org(pos, noun)
        earlier = [m for m in self._mentions_in(0, pos) if m.kind == PERSON]
        titles = {
            m.name: _title_nouns(self.actors[m.name].title)
            for m in earlier
            if m.name in self.actors
        }
        titled = [
            (len(wanted & titles[m.name]), i, m.name)
            for i, m in enumerate(earlier)
            if noun in titles.get(m.name, ())
        ]
        if noun in _NOMINEE_NOUNS and all(m.possessive for m in earlier):
            return self._named_next(pos)  # a lede's pick, not yet named
        if titled:
            # The best match of the whole phrase ("the former secretary of state"),
            # then the latest mentioned; any title's noun ("Treasurer Ann Lee" → "the
            # treasurer") works, listed as a speaker noun or not.
            return max(titled)[2]
        if noun not in lex.PERSON_SPEAKER_NOUNS and noun not in _POSITION_NOUNS:
            return None
        if self._introduced_unnamed(noun, pos):
            return None  # "A senior diplomat, speaking on condition …" → "the diplomat"
        gender = (
            "f" if noun in lex.FEMALE_NOUNS else "m" if noun in lex.MALE_NOUNS else ""
        )
        salient = self._salient_person(pos, gender)
        # A role given in apposition ("Ann Lee, the former secretary of state,") names
        # the person; a lowercase role before a name ("told host Ann Lee") only beats
        # the most salient person when it matches more than the bare noun.
        roles = self._roles()
        for strong in (True, False):
            described = [
                (len(wanted & words), i, m.name)
                for i, m in enumerate(earlier)
                for words in [roles.get(m.name, (set(), set()))[0 if strong else 1]]
                if noun in words
            ]
            if described and (strong or salient is None or max(described)[0] >= 2):
                return max(described)[2]
        return salient

    def _introduced_unnamed(self, noun: str, pos: int) -> bool:
        """Return True if "a … <noun>" came shortly before ``pos``, with no name since."""
        window = max(0, pos - 400)
        intros = list(
            re.finditer(
                rf"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)[ \u00a0]+(?:[\w\-’']+[ \u00a0]+){{0,4}}?"
                rf"{noun}\b(?![’'])",
                self.body[window:pos],
            )
        )
        if not intros:
            return False
        after = window + intros[-1].end()
        # Only a person who is a sentence's subject can be the one now meant ("Asked
        # whether Roe had …, the spokesman said" still means the unnamed spokesman).
        return not any(
            m.kind == PERSON
            and not m.possessive
            and self.subjects.get(self.sentences.index(m.start)) is m
            for m in self._mentions_in(after, pos)
        )

    def _latest_org(self, pos: int, noun: str = "") -> str | None:
        """Return the organization "the newspaper", "the union", "the board" means."""
        orgs = [m for m in self._mentions_in(0, pos) if m.kind == ORGANIZATION]
        if noun in _NEWSPAPER_NOUNS:
            papers = [m for m in orgs if set(m.name.split()) & _NEWSPAPER_HEADS]
            orgs = papers or orgs
        elif noun:
            typed = [m for m in orgs if noun in m.name.lower()]
            if typed:
                return typed[-1].name
            s = self.sentences.index(pos)
            for k in range(s, max(-1, s - 3), -1):
                spoken = self.sentence_speaker.get(k)
                if spoken and self._gender_ok(spoken, "org"):
                    return spoken  # "The Times wrote … The board added: …"
            subjects = [
                m for m in orgs if self.subjects.get(self.sentences.index(m.start)) is m
            ]
            orgs = subjects or [m for m in orgs if not m.modifier] or orgs
        return orgs[-1].name if orgs else None

    def _cited_issuer(self, pos: int, noun: str) -> str | None:
        """Return who spoke "in a statement" shortly before "the statement" at ``pos``.

        ("Roe said in a statement …. "…," the statement read.")
        """
        s = self.sentences.index(pos)
        for k in range(s, max(-1, s - 4), -1):
            k_start, k_end = self.sentences.bounds(k)
            cited = [
                m
                for m in _IN_DOCUMENT.finditer(self.body, k_start, min(k_end, pos))
                if m.group(1) == noun and not self._in_quote(m.start())
            ]
            if cited:
                return self._document_speaker(k, cited[-1])
        return None

    def _issuer(self, pos: int, noun: str) -> str | None:
        """Return who issued "the letter" / "the memo": the latest speaker or subject."""
        cited = self._cited_issuer(pos, noun)
        if cited:
            return cited
        s = self.sentences.index(pos)
        for k in range(s, max(-1, s - 3), -1):
            spoken = self.sentence_speaker.get(k)
            if spoken:
                return spoken
            subject = self.subjects.get(k)
            if subject is not None and subject.start < pos:
                return subject.name
        return None

    def _document_speaker(self, s: int, cited: re.Match) -> str | None:
        """Return who speaks "in a statement" in sentence ``s``: its verb's subject."""
        clause = self._main_clause(s)
        _, end = self.sentences.bounds(s)
        verbs = [
            v
            for v in self._verbs(clause, end, speech=True)
            if not self._in_quote(v.start())
        ]
        # "Roe said in a statement" (the verb just before) or "In its statement, the
        # bank said" (the first verb after).
        before = [v for v in verbs if v.end() <= cited.start()]
        verb = before[-1] if before else next(iter(verbs), None)
        if verb is None:
            return self.sentence_speaker.get(s)
        floor = cited.end() if cited.end() <= verb.start() else clause
        window = without_apposition(self.body[floor : verb.start()])
        phrase = clause_tail(window)
        if cited.group(1) in phrase:
            return self.sentence_speaker.get(s)  # "the statement said in a statement"
        offset = floor + len(window) - len(phrase)
        found = self.resolve_phrase(
            offset, offset + len(phrase), verb.start(), first=False
        )
        return found or self.sentence_speaker.get(s)

    def _salient_person(self, pos: int, gender: str) -> str | None:
        s = self.sentences.index(pos)
        for k in range(s, max(-1, s - 8), -1):
            spoken = self.sentence_speaker.get(k)
            if spoken and self._gender_ok(spoken, gender):
                return spoken
            subject = self.subjects.get(k)
            if (
                subject is not None
                and subject.start < pos
                and self._gender_ok(subject.name, gender)
            ):
                return subject.name
        return None

    def resolve_phrase(self, a: int, b: int, pos: int, *, first: bool) -> str | None:
        """Name the speaker in body[a:b] (the words naming who spoke)."""
        text = self.body[a:b]
        if not first:
            text = without_apposition(text)  # "Clinton, who followed Trump, said"
            b = a + len(text)
        if first and (
            INDEFINITE_PERSON.match(_CLAUSE_SPLIT.split(text, 1)[0] + " ")
            or UNNAMED.match(text)
            or unnamed(_CLAUSE_SPLIT.split(text, 1)[0])
        ):
            return None  # "said a campaign spokesman", "said a spokesperson for X"
        if not first and (
            UNNAMED.match(text) or INDEFINITE_PERSON.match(text) or unnamed(text)
        ):
            return None  # "a spokeswoman for the Commission": nobody named
        phrase = (
            text.split(",")[0] if first else (text.rstrip(" ,\u00a0").split(",")[-1])
        ).strip()
        if _DESCRIBED.match(phrase):
            # "the Scot said": a capitalised demonym, never a name of its own.
            return self.resolve_nominal(phrase, pos)
        kin = (KIN.fullmatch if first else KIN.search)(phrase)
        if kin and not self._mentions_in(a, b):
            # "a plan her mother described as": a relative named only by the tie is
            # nobody the text names, unless a name was given that role ("Roe, her
            # mother,").
            return self._given_role(kin.group(1))
        heads = [
            m
            for m in self._mentions_in(a, b)
            if not m.possessive
            and not m.modifier
            and m.end <= b
            # "Trump's pick to lead FEMA told": what the subject is to lead.
            and not _INFINITIVE_OBJECT.search(self.body, max(a, m.start - 30), m.start)
        ]
        if not first:
            pronoun = _PRONOUN.search(text)
            if pronoun:
                return self.resolve_pronoun(pronoun.group(1), a + pronoun.start(1))
        if heads:
            if first:
                return heads[0].name
            people = [m for m in heads if m.kind == PERSON]
            return (people or heads)[-1].name
        pronoun = _LEAD_PRONOUN_ANY_CASE.match(text) if first else _PRONOUN.search(text)
        if pronoun:
            return self.resolve_pronoun(pronoun.group(1), a)
        phrase = _INFINITIVE_TAIL.split(phrase, 1)[0]  # "pick to lead the agency"
        owner = self._owning_org(a, b, phrase)
        return owner or self.resolve_nominal(phrase, pos)

    def _named_next(self, pos: int) -> str | None:
        """Return the person who is the subject of the next sentences (a lede's "pick
        to lead X" is named in the paragraph after it)."""
        s = self.sentences.index(pos)
        for k in range(s + 1, min(s + 3, len(self.sentences.starts))):
            subject = self.subjects.get(k)
            if subject is not None and subject.kind == PERSON:
                return subject.name
        return None

    def _short_org(self, word: str) -> str | None:
        """Return the one organization whose longer name opens with ``word``."""
        found = [
            name
            for name, actor in self.actors.items()
            if actor.kind == ORGANIZATION and name.split()[0] == word and " " in name
        ]
        return found[0] if len(found) == 1 else None

    def _given_role(self, noun: str) -> str | None:
        """Return the one person the text gives the role ``noun`` in apposition."""
        named = [name for name, (words, _) in self._roles().items() if noun in words]
        return named[0] if len(named) == 1 else None

    def _owning_org(self, a: int, b: int, phrase: str) -> str | None:
        """Return X for "the X editorial board said", "X's office said" (part of an org)."""
        # The head before its complement: "a statement from Roe's office" → statement.
        head = _COMPLEMENT.split(phrase)[0]
        words = _LETTERS.findall(head)
        last = words[-1].lower() if words else ""
        if last in lex.DOCUMENT_NOUNS:
            # "Roe's statement said", "the Pew survey said", "a statement from Roe's
            # office said": whoever issued it (not whom it went "to").
            owners = [
                m
                for m in self._mentions_in(a, b)
                if m.end <= b and self.body[max(0, m.start - 3) : m.start] != "to "
            ]
            if owners:
                return owners[-1].name
            if len(words) > 2 and words[-2][:1].isupper():
                return self._latest_org(a, "report")  # "the Beige Book said"
            if last not in lex.ORG_SPEAKER_NOUNS:
                return self._issuer(a, last)  # "Roe wrote a letter. The letter reads:"
            return self._cited_issuer(a, last)
        if last not in lex.ORG_SPEAKER_NOUNS:
            return None
        orgs = [
            m
            for m in self._mentions_in(a, b)
            if m.kind == ORGANIZATION
            and not _INFINITIVE_OBJECT.search(self.body, max(a, m.start - 30), m.start)
        ]
        return orgs[-1].name if orgs else None

    def _sentence_subject(self, s: int, pos: int, fallback: str | None) -> str | None:
        start, _ = self.sentences.bounds(s)
        subject = self.subjects.get(s)
        if subject is not None and subject.start < pos:
            return subject.name
        start = self._main_clause(s)
        pronoun = _LEAD_PRONOUN.match(self.body[start:pos]) or _ADVERBIAL_PRONOUN.match(
            self.body[start:pos]
        )
        if pronoun:
            return self.resolve_pronoun(pronoun.group(1), start)
        if _LEAD_DETERMINER.match(self.body[start:pos]):
            verb = self._verbs(start, pos)
            if verb:
                phrase = self.body[start : verb[0].start()]
                found = self.resolve_nominal(phrase.split(",")[0].strip(), pos)
                if found:
                    return found
            else:
                # "The club's manager smiled.": the role noun heading the subject.
                role = _ROLE_SUBJECT.match(self.body, start, pos)
                if role:
                    return self.resolve_nominal(role.group().strip(), pos) or fallback
        return fallback

    def _leading_subject(self, start: int, pos: int) -> str | None:
        """Return the sentence's subject when it opens the clause (for partial quotes)."""
        text = self.body[start:pos]
        lead = self._main_clause(self.sentences.index(start)) - start
        lead += len(text[lead:]) - len(text[lead:].lstrip())
        for m in self._mentions_in(start + lead, pos):
            if m.possessive or m.modifier:
                continue
            gap = self.body[start + lead : m.start]
            if len(gap.split()) <= 1 and not _CLAUSE_PUNCT.search(gap):
                return m.name
            break
        pronoun = _LEAD_PERSONAL.match(text[lead:])
        if pronoun:
            return self.resolve_pronoun(pronoun.group(1), start + lead)
        return None


def _title_nouns(title: str) -> set[str]:
    words = set()
    for w in _LETTERS.findall(title):
        low = w.lower()
        words.add(low)
        if low in lex.TITLE_NOUNS:
            words.add(lex.TITLE_NOUNS[low])
    return words


_APPOSITION = re.compile(
    r"^(.*?[^\s,])\s*,\s*(?:who|which|whose|a|an|the|asked|speaking|after|before|when"
    r"|while|also|like|as|then|now|once|in|on|at|during|his|her|their|its|(?!includ)[a-z]+ing"
    r"|[a-z]+ed"
    # A bare role: "Roe, executive secretary of the X (XYZ), said": Roe speaks.
    r"|(?:[a-z\-]+\s+){0,2}(?:"
    + "|".join(sorted(lex.PERSON_SPEAKER_NOUNS))
    + r"))\b[^,]*,\s*$"
)


# A relative clause may hold commas of its own: "Lee, who came with his son, Tom, said".
_RELATIVE_ASIDE = re.compile(r"^(.*?[^\s,])\s*,\s*(?:who|whose)\b.*,\s*$", re.DOTALL)


def without_apposition(text: str) -> str:
    """Drop a description set off by commas before the verb: "Flynn, a surrogate, said"."""
    match = _APPOSITION.match(text) or _RELATIVE_ASIDE.match(text)
    return match.group(1) if match else text


def clause_tail(window: str) -> str:
    """Return the end of ``window`` after the last clause boundary."""
    words = list(_CLAUSE_TOKEN.finditer(window))
    cut = 0
    for i in range(len(words) - 1, -1, -1):
        token = words[i].group()
        if token in {";", ":", "(", "—"}:
            cut = words[i].end()
            break
        # "A WHO spokesperson": an acronym, not the relative pronoun; "Health and
        # Social Care": a name going on, not a new clause.
        if (
            token.lower() in _CLAUSE_STOPS
            and not token.isupper()
            and not (
                0 < i < len(words) - 1
                and token.islower()
                and words[i - 1].group()[:1].isupper()
                and words[i + 1].group()[:1].isupper()
            )
        ):
            cut = words[i].end()
            break
    return window[cut:]
