"""Find who and what a news text names: people, organizations, places, groups.

Pure Python: no Django. ``MentionFinder`` scans capitalised runs once, splits job
titles off names ("Secretary of State Marco Rubio") and classifies each run with the
word lists in ``actors.names``; names it cannot place on their own ("Rubio", "Mr.
Waltz", "The Post") are kept as short mentions for ``actors.coreference`` to link.
Context decides the hard cases: a letter's signature line ("Will Hansen."), a first
name after a family tie ("his daughter Chelsea"), a programme named after people ("The
Roe and Doe Show": nobody), two outlets sharing one modifier ("a Herald-CNN poll":
both), a transcript label ("ROE:"), initials ("J.D. Vance").
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from . import names as lex
from .names import (
    UPPER as _UP,
)
from .names import (
    bare_token,
    gender_of,
    is_acronym,
    is_title_token,
    looks_like_name_token,
    name_parts,
    name_tokens_ok,
)

PERSON = "person"
ORGANIZATION = "organization"
PLACE = "place"
GROUP = "group"

_ABBREV = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|Col|Sgt|Capt|Maj|Rev|Jr|Sr|St|Ft|Mt|Prof"
    r"|Atty|Adm|Cmdr|Hon|Pres|Supt|Insp|Det|Cpl|Pvt|Amb|Brig|Ret|Fr|Msgr)\."
)
_TOKEN = (
    rf"(?:[{_UP}]\.(?:[{_UP}]\.)+"  # U.S., D.C.
    rf"|{_ABBREV}"
    rf"|[{_UP}]\.(?=[ \u00a0][{_UP}])"  # initials: Donald J. Trump
    rf"|@?[{_UP}](?:[\w&]|['’](?!s\b)(?=\w)|-(?=\w))*"
    r")"
)
# "og", "och", "und", "et", "y": "and" inside Nordic, German, French, Spanish names.
_CONNECTOR = (
    r"(?:of|for|on|de|del|della|der|den|van|von|da|di|du|la|le|bin|ibn|al|el"
    r"|og|och|und|et|y)"
)
_SEP = r"[ \u00a0]"
_RUN = re.compile(
    rf"(?<![\w@#/.])(?=[@{_UP}]){_TOKEN}"
    rf"(?:(?:{_SEP}|-)(?:{_CONNECTOR}(?:{_SEP}|-)){{0,3}}{_TOKEN})*"
)
_WORD_AFTER = re.compile(r"[ \u00a0]+([a-z][a-z\-]*)")
_ORG_PHRASE = re.compile(
    rf"\b[Tt]he[ \u00a0]+((?:[{_UP}][\w.’'\-]*[ \u00a0]+){{1,3}}?)"
    r"(government|administration|military|army|navy|parliament|ministry|embassy"
    r"|campaign|regime|cabinet|legislature|party)\b"
)
# "Tulsa police", "Trump campaign", "Obama administration" (not after "the": see above).
_LOWER_ORG = re.compile(
    rf"(?<![\w’'.])(?<!\b[Tt]he )((?:[{_UP}][\w\-]*(?:['’](?!s\b)\w+)*[ \u00a0]){{1,2}})"
    r"(police|campaign|administration)\b"
)
_ORG_NOUN = re.compile(
    r"\b(?:government|administration|military|army|navy|parliament|ministry|embassy"
    r"|campaign|regime|cabinet|legislature|party|police)\b"
)
_PLACE_KEYS = lex.PLACES
_PARTY_WORDS = frozenset(
    {
        "Republican",
        "Democrat",
        "Democratic",
        "GOP",
        "Independent",
        "Libertarian",
        "Green",
    }
)
_PARTY_STATE = ("D-", "R-", "I-")  # "Anthony Weiner, D-N.Y."
# A capitalised word with a lowercase hyphenated tail describes what follows.
_MODIFIER_TOKEN = re.compile(
    r"^[^\W\d_][\w.]*-(?:controlled|led|based|backed|owned|run|funded|linked|born"
    r"|listed|registered|headquartered)$"
)
# Common words that open organizations' names mid-sentence ("Social Democratic Party").
_NAME_ADJECTIVES = lex.words(
    "Social Private Political Economic Great Old Good Internet Labor Independence"
    " Memorial Veterans Manufacturing Real True Fair Main Top Big"
)
_NON_SPACE = re.compile(r"[^ \u00a0]+")
_WORD = re.compile(r"[\w\-]+")
# Context that makes an unknown capitalised pair a person ("Crutcher, 40, …").
_CUE_AFTER = re.compile(
    # A possessive, unless it opens a longer name ("St James’ Park", "King’s College").
    r"['’]s?\s(?!(?:" + "|".join(sorted(lex.PLACE_HEADS | lex.ORG_HEADS)) + r")\b)"
    r"|,\s+(?:a|an|the|who|whose|\d+|then|now|former|longtime|executive"
    r"|president)\b|\s+(?:said|says|told|wrote|added|who|and his|and her)\b|\s*\([RDI]"
    r"|\s+contributed\b"  # a contributor line: "Jane Roe contributed reporting"
    rf"|,\s+[{_UP}]\w+['’]s\s+[a-z]"  # "…, Norway's foreign minister"
    # A role at an organization: "…, senior vice-president at Acme Capital".
    rf"|,\s+(?:[a-z][\w\-]*\s+){{1,4}}(?:at|of|with|for)\s+(?:the\s+)?[{_UP}]"
)
# What a person called by first name later does: "…," Amara said.
_FIRST_NAME_VERBS = "said|says|told|added|asked|replied|wrote|shrugged|laughed|smiled"
# A wire story's credits: "(Reporting by Jane Roe in Oslo and John Doe; Editing by …)":
# every name up to the next ";" or ")".
_CREDIT_BEFORE = re.compile(
    r"\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Pp]hotos?)[ \u00a0]+by"
    r"[ \u00a0]+(?:[^;()\n]*?(?:,|[ \u00a0]and)[ \u00a0]+)?$"
)
_CUE_BEFORE = re.compile(
    r"\b(?:"
    + "|".join(sorted(lex.PERSON_SPEAKER_NOUNS | lex.PERSON_CUE_NOUNS))
    # "the minister, Dara Calleary,": an apposition; "the envoy for Sudan, Jane Roe"
    + rf")(?:[ \u00a0]+(?:for|of|to|at)[ \u00a0]+(?-i:[{_UP}])[\w.\-]*)?,?[ \u00a0]+$",
    re.IGNORECASE,
)
# Context that makes an unknown capitalised name an organization: a job held there,
# an apposition saying what it is, a statement it issued, "the" before a speaker.
_ORG_CUE_BEFORE = re.compile(
    r"\b(?:"
    + "|".join(sorted(lex.WORK_ROLE_NOUNS | {"job"}))  # "his job at the Port of Acme"
    + r")s?(?:[ \u00a0][a-z][\w\-]*){0,4}"
    r"[ \u00a0](?:(?:at|with)(?:[ \u00a0]the)?|for[ \u00a0]the|of)[ \u00a0]+$"
)
_NAME_GOES_ON = re.compile(
    r"['’]|,[ \u00a0]+[A-Z]|[ \u00a0]+(?!(?:said|says|and|or|in|on|at|to|for|of|from"
    r"|who|which|that|told|has|have|had|is|was|were|are|will|would|since|after|before"
    r"|as|with)\b)[a-z]"
)
# A team line-up: "Rovers: Roe; Doe, Poe (Moe 58), Loe; …": every name a player.
_LINEUP_ITEM = (
    rf"(?:(?:van|de|da|von|der|di|dos|del)[ \u00a0])?[{_UP}][\w'’.\-]*"
    rf"(?:[ \u00a0][{_UP}][\w'’.\-]*){{0,2}}(?:[ \u00a0]\([^()\n]{{1,30}}\))?"
)
_LINEUP = re.compile(
    rf"^[{_UP}][^\n:]{{0,40}}:[ \u00a0]+({_LINEUP_ITEM}(?:[,;][ \u00a0]+{_LINEUP_ITEM}){{5,}})"
    r"\.?[ \t]*$",
    re.MULTILINE,
)
# A name coordinated with an organization: "Acme and Zentrix", "Zentrix or Acme Corp".
_ORG_AND_BEFORE = re.compile(rf"([{_UP}][\w&.]*)[ \u00a0]+(?:and|or|&)[ \u00a0]+$")
_ORG_AND_AFTER = re.compile(
    rf"[ \u00a0]+(?:and|or|&)[ \u00a0]+(?:[\w.]+-[a-z]+[ \u00a0]+)?"  # "U.S.-based"
    rf"((?:[{_UP}][\w&.]*[ \u00a0]?){{1,4}})"
)
# What a text calls an organization right before its name: "the payments company
# Acme", "the boy band Orbit", "Acme's rival Zentrix"; a work issued by it ("published
# by Acme"); a platform posted on ("a post on X"); a list of firms ("fintechs,
# including Acme and Zentrix").
_ORG_NOUN_BEFORE = re.compile(
    r"(?<![’'])\b(?:"
    # Not the nouns a person can be too ("broadcaster Jane Roe", "producer …").
    + "|".join(sorted(lex.ORG_KIND_NOUNS))
    + r")s?[ \u00a0]+$"
    # An apposition after an owner: "her label, Acme,", "its subsidiary, Zentrix,"
    r"|\b(?:her|his|its|their|our|my)[ \u00a0]+(?:"
    + "|".join(sorted(lex.ORG_KIND_NOUNS))
    + r"),[ \u00a0]+$"
    r"|\b(?:published|backed|funded|owned|acquired|operated|sponsored|bankrolled)"
    r"[ \u00a0]+by[ \u00a0]+$"
    r"|\b(?:posts?|posted|posting|livestream|livestreamed|account|channel|page"
    r"|described|wrote|written|shared|announced)"
    r"[ \u00a0]+on[ \u00a0]+$"
    r"|\b(?:companies|firms|startups|start-ups|fintechs|banks|lenders|investors|funds"
    r"|rivals|platforms|outlets|brands|insurers|airlines|retailers|publishers|backers"
    r"|makers|manufacturers|labels|studios),?(?:[ \u00a0]+(?:including|such[ \u00a0]as))?"
    rf"[ \u00a0]+(?:[{_UP}][\w.&'’\-]*(?:[ \u00a0][{_UP}][\w.&'’\-]*)*"
    r"(?:,[ \u00a0]+|,?[ \u00a0]+and[ \u00a0]+))*$"
)
# What an organization has that a person has not: "Acme's board", "Acme's shares".
_ORG_POSSESSION = re.compile(
    r"['’]s[ \u00a0]+(?:former[ \u00a0]+|new[ \u00a0]+)?(?:board|shares|stock"
    r"|shareholders|investors|employees|workforce|customers|headquarters|offices"
    r"|valuation|revenue|co-founder|rival|chief[ \u00a0]+(?:executive|financial"
    r"|operating|technology))\b"
)
# An outlet named with what it is: "told Bild newspaper", "Acme magazine".
_OUTLET_AFTER = re.compile(
    r"[ \u00a0]+(?:newspaper|magazine|tabloid|broadcaster|news[ \u00a0]+agency"
    r"|(?:evening|morning|nightly|lunchtime)[ \u00a0]+(?:news|bulletin))\b"
)
# A firm before its employee's job and name: "Acme analyst Jane Roe".
_ROLE_AFTER = re.compile(
    r"[ \u00a0]+(?:" + "|".join(sorted(lex.WORK_ROLE_NOUNS)) + rf")[ \u00a0]+[{_UP}]"
)
# A wire agency in a dateline: "SEOUL, Nov. 12 (Yonhap) --".
_DATELINE_AGENCY = re.compile(
    rf"^[{_UP}][^\n()]{{0,60}}\(([{_UP}][\w&]+)\)[ \u00a0]*(?:--|[—–-])",
    re.MULTILINE,
)
# A match result names the opposing team: "a win over Acme Rovers", "against …".
_TEAM_BEFORE = re.compile(
    r"\b(?:win|victory|defeat|loss|match|game|fixture|clash|draw|lost|beat|beating)"
    r"(?:es|s)?,?(?:[ \u00a0]+(?:over|against|to))?[ \u00a0]+$"
)
# A list of names, with a score after each in a sports summary: "A, B and C".
_LIST_GAP = re.compile(r"(?:[ \u00a0]+\d[\d/\-]*)?(?:[,;]|,?[ \u00a0]+and)[ \u00a0]+")
# A byline, whose next line may be a section label ("Capitol Bureau"), no actor.
_BYLINE = re.compile(rf"(?:^|\n)By[ \u00a0]+[{_UP}][^\n]*\n+$")
_WHERE_BEFORE = re.compile(r"\b(?i:in|at|near|from|into|to|of|the)[ \u00a0]+$")
_AMPERSAND_AFTER = re.compile(rf"[ \u00a0]+&[ \u00a0]+[{_UP}]")
# What a capitalised abbreviation names when it is a thing: "the FTSE index", "QR codes".
_THING_AFTER = re.compile(
    r"[ \u00a0]+(?:index|indices|code|codes|screen|screens|chip|chips|display"
    r"|displays|light|lights|lamp|lamps|scanner|reader|file|files|format)\b"
    # Vehicles and weapons by model: "TGV high-speed trains", "F-16 jets".
    r"|[ \u00a0]+(?:[a-z]+-[a-z]+[ \u00a0]+)?(?:trains?|jets?|aircraft|planes?|cars?"
    r"|missiles?|rockets?|drones?|tanks?|vaccines?)\b"
)
# A long name with its abbreviation: "Alternative for Germany (AfD)".
_ABBREVIATED_AFTER = re.compile(rf"[ \u00a0]+\(([{_UP}][\w&]*[{_UP}][\w&]*)\)")
_OPENING_MARKS = frozenset("\"“‘'")
_CLOSING_MARKS = frozenset("\"”’'")
_BARE_INITIALS = re.compile(rf"^[{_UP}]{{2}}$")  # "MS Dhoni"
_AGE_AFTER = re.compile(r",[ \u00a0]+\d{1,3},")
_SAID_AFTER = re.compile(r"[ \u00a0]+(?:said|says|wrote|writes|reported|reports)\b")
_ORG_CUE_AFTER = re.compile(
    r",[ \u00a0]+(?:a|an|the)[ \u00a0]+(?:[\w\-'’]+[ \u00a0]+){0,3}?(?:"
    + "|".join(sorted(lex.ORG_APPOSITION_NOUNS))
    + r")(?=[,.;:)]|[ \u00a0]+(?:that|which|whose|in|of|based|with|for|and|said|says"
    r"|has|had|is|was|[a-z]+ed)\b)"
    r"|[ \u00a0]+(?:said|says)[ \u00a0]+in[ \u00a0]+an?[ \u00a0]+(?:statement|note|release"
    r"|filing|(?:email|letter|message)[ \u00a0]+to[ \u00a0]+(?:its[ \u00a0]+)?(?:supporters"
    r"|members|customers|clients|subscribers|shareholders))\b|[ \u00a0]+did[ \u00a0]+not[ \u00a0]+(?:immediately[ \u00a0]+)?respond\b"
)
_INITIALS = re.compile(rf"(?:[{_UP}]\.){{2,3}}$")
_ARTICLES = (" a ", " an ", "\na ", "\nan ", "\u00a0a ", "\u00a0an ")
# What may follow a signature under a reader's letter: nothing, or the writer's town.
_SIGNATURE_END = re.compile(
    rf"\.?[ \t]*(?:\n|$)|,[ \u00a0]+[{_UP}][\w.\-]*(?:,?[ \u00a0]+[{_UP}][\w.\-]*){{0,3}}"
    r"\.?[ \t]*(?:\n|$)"
)
# A family or personal tie right before a lone first name: "his daughter, Chelsea".
_KIN_BEFORE = re.compile(
    r"\b(?:daughter|son|wife|husband|mother|father|sister|brother|granddaughter"
    r"|grandson|niece|nephew|cousin|aunt|uncle|girlfriend|boyfriend|fiancée?|widow"
    r"|widower|stepdaughter|stepson|twin|baby|child|named|first[ \u00a0]name)s?,?"
    r"[ \u00a0]+$",
    re.IGNORECASE,
)
# A programme named after its hosts: "The Tom and Jerry Show", "The Roe Hour".
_PROGRAMME = re.compile(
    rf"\b[Tt]he[ \u00a0]+(?:[{_UP}][\w.’'\-]*[ \u00a0]+(?:(?:and|&)[ \u00a0]+)?){{1,5}}"
    r"(?:Show|Hour|Report|Podcast|Daily|Tonight|Files|Minute|Program|Programme)\b"
    rf"(?![ \u00a0]*[{_UP}&])"
)
# Opens on the dash, not on "[\w.]" before it: the engine then skips to each dash.
_JOINT_NOUN = re.compile(
    rf"[/\-](?<=[\w.][/\-])[{_UP}][^\n]{{0,40}}?[ \u00a0](?:poll|survey|stud|analysis"
    r"|investigation|partnership|report|joint|tracking|exit)"
)
# Two outlets joined in one modifier: "a Herald-CNN poll", "the Post/ABC News survey".
_JOINT = re.compile(
    rf"(?<![\w.])([{_UP}][\w.&]*(?:[ \u00a0][{_UP}][\w.&]*){{0,3}})[/\-]"
    rf"([{_UP}][\w.&]*(?:[ \u00a0][{_UP}][\w.&]*){{0,3}})"
    r"(?=[ \u00a0]+(?:poll|polls|survey|surveys|study|studies|analysis|investigation"
    r"|partnership|report|joint|tracking|exit)\b)"
)
_AND_GAP = re.compile(r"[ \u00a0]+(?:and|&)[ \u00a0]+")
_ARTICLE_GAP = re.compile(r"[ \u00a0]+(?:for|of)[ \u00a0]+(?:a|the)[ \u00a0]+")
_CAPS_LINE = re.compile(rf"^[^a-z]*[{_UP}]{{2,}}[^a-z]*$")
# A dateline in capitals opens a story: "ST. PETERSBURG, Fla. —", "OSLO (Reuters) -".
_DATELINE = re.compile(
    rf"^[{_UP}][{_UP}.'’ \u00a0\-]*[{_UP}.]"
    rf"(?=,?(?:[ \u00a0]+[{_UP}\d(][^\s,]*,?){{0,5}}[ \u00a0]+[—–-][ \u00a0])",
    re.MULTILINE,
)
_LETTER_WORDS = re.compile(r"[^\W\d_]+")
# A nickname in quotation marks inside a name: Joaquin "El Chapo" Roe, Jan ‘Bear’ Doe.
_NICK = rf"[{_UP}][\w.\-]*(?:[ \u00a0][{_UP}][\w.\-]*){{0,2}}"
_NICKNAME = re.compile(
    rf"(?<![\w.’'])([{_UP}][\w\-]+)[ \u00a0]+"
    rf"(?:\"{_NICK}\"|“{_NICK}”|‘{_NICK}’|'{_NICK}')"
    rf"[ \u00a0]+([{_UP}][\w\-]+(?:['’](?!s\b)\w+)?)"
)
# A web byline names the outlet after a bar: "By Jane Roe | The Acme Courier".
_BYLINE_OUTLET = re.compile(
    rf"^By[ \u00a0]+[{_UP}][^\n|]*\|[ \u00a0]*([{_UP}][^\n|]*?)[ \t]*$", re.MULTILINE
)
# An upper-case byline: "JANE ROE, Acme Times staff writer" (the outlet is group 2).
_CAPS_BYLINE = re.compile(
    r"^([A-Z][A-Z'\-]+(?:[ \u00a0][A-Z][A-Z'\-]+){1,2}),[ \u00a0]+"
    r"(?:(?:the[ \u00a0])?([A-Z][\w&.\-]*(?:[ \u00a0][A-Z][\w&.\-]*){0,3})[ \u00a0]+)?"
    r"(?:(?:staff|senior|chief|special|contributing)[ \u00a0])?"
    r"(?:writer|correspondent|reporter|editor)[ \t]*$",
    re.MULTILINE,
)
_PROGRAMME_TAILS = tuple(f" {w}" for w in sorted(lex.PROGRAMME_TAILS))
_TRAILING = lex.TITLE_CONNECTORS | {"al", "de", "van"}  # never end a name
_PARTICLES = lex.words("de del della der den van von da di du la le bin ibn al el")
_POSSESSIVE_GAPS = ("’s ", "'s ", "’s\u00a0", "'s\u00a0")
_PLURAL_POSSESSIVE_GAPS = ("’ ", "' ", "’\u00a0", "'\u00a0")  # "Employers' Association"
# Where a place or a thing goes, not a person: "at Royal Ascot", "Brazil's Forest Code".
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|at|in|near|into|through|via)|['’]s?)[ \u00a0]+$"
)
# An acronym joined to a capitalised word: "SUD-Rail" (not "COVID-19", "U.S.-Mexico").
_ACRONYM_COMPOUND = re.compile(rf"^[{_UP}]{{2,}}-[{_UP}][a-zà-ÿ]+$")
_POSSESSOR = re.compile(
    rf"([{_UP}][\w.\-]*(?:[ \u00a0][{_UP}][\w.\-]*)?)['’]s[ \u00a0]+$"
)
# Words that open a place's or a group's name, never a person's: "Santa Cruz",
# "Avenida Obregon", "Los Roe" (only the broad dictionary takes them for first names).
_PLACE_OPENERS = lex.words(
    "San Santa Santo Sao São Saint Sainte Sankt Los Las Les La Le El Il Die Der Avenida"
    " Calle Rue Via Rua Strasse Straße Boulevard Plaza Praça Piazza Puerto Porto Port"
)
# Words of parties' names: "the Socialist Left party", "the Green Liberal party".
_PARTY_NAME_WORDS = lex.words(
    "Socialist Social Democratic Democrat Liberal Conservative Labour Labor Green"
    " Greens Left Right Centre Center People's Peoples Progressive Christian National"
    " Popular Radical Workers Communist Reform Unity Freedom Justice Alternative New"
    " Moderate Independent Republican Agrarian Pirate"
)
# Job titles that end a byline's role and are hardly ever surnames.
_JOB_TAILS = lex.words(
    "Correspondent Editor Columnist Reporter Analyst Economist Strategist Spokesman"
    " Spokeswoman Spokesperson Commissioner Director Manager Minister Secretary"
    " President Officer Writer Critic Producer"
)
_QUALIFICATION_AFTER = re.compile(
    r"[ \u00a0]+(?:exam|test|course|class|score|credit)(?:s|es)?\b"
)
# Vietnamese family names that are no common word elsewhere ("Le", "Do", "Ho" are),
# and the middle names that mark a family-first name ("Nguyen Thi Hoa").
_VIETNAMESE_FAMILY = lex.words(
    "Nguyen Nguyễn Tran Trần Pham Phạm Hoang Hoàng Huynh Huỳnh Phan Bui Bùi Duong"
    " Dương Ngo Ngô Truong Trương Dinh Đinh Trinh Trịnh Luong Lương"
)
_VIETNAMESE_MIDDLE = lex.words("Thi Thị Van Văn Duc Đức Minh Ngoc Ngọc Quang Huu Hữu")
_BUILDINGS = lex.words(
    "School Elementary Academy Hospital Church Museum Library Stadium Hotel Station"
)
_LONE_CHAMBERS = lex.words("Parliament")
_TOLD_THE = re.compile(r"\btold[ \u00a0]+the[ \u00a0]+$")
_PORTFOLIO_TITLES = lex.words("Minister Secretary Commissioner")
_BODY_HEADS = lex.words("Board Commission Committee Council Authority")
_STREET_OPENERS = lex.words("Avenida Calle Rue Rua Praça Piazza Strasse Straße")
_BUILDING_BEFORE = re.compile(
    r"\b(?:in|into|to|at|from|for|be|inside|outside|of)[ \u00a0]+the[ \u00a0]+$"
)


@dataclass(slots=True)
class Mention:
    start: int  # offsets of the name itself (title excluded)
    end: int
    text: str
    kind: str
    key: str  # canonical-name key once linked; provisional before
    name: str = ""  # canonical name
    title: str = ""
    full: bool = False  # names the actor in full (not a short reference)
    possessive: bool = False
    modifier: bool = False  # "Trump campaign", "Clinton staffer"
    gender: str = ""
    org_cue: bool = False  # an organization if no person has this name


key_of = lex.name_key


def _two_first_names(tokens: list[tuple[str, int]]) -> bool:
    """Return True if a run opens with two first names ("Jan Paul van Hecke"): the
    first is a name even when it is also a common word (a month, "Will")."""
    return (
        len(tokens) > 2
        and tokens[0][0] in lex.FIRST_NAMES
        and tokens[1][0] in lex.FIRST_NAMES
    )


def _is_org_word(last: str, name: str = "") -> bool:
    """Return True if a name ending in ``last`` is a known or head-marked organization."""
    return (
        key_of(name or last) in lex.KNOWN_ORGS
        or key_of(last) in lex.KNOWN_ORGS
        or bare_token(last) in lex.ORG_HEADS
    )


def _tokens(run: str, offset: int) -> list[tuple[str, int]]:
    return [(m.group(), offset + m.start()) for m in _NON_SPACE.finditer(run)]


class MentionFinder:
    """Scan one text: ``mentions`` get full names, ``singles`` the short references."""

    def __init__(
        self,
        body: str,
        known: Mapping[str, tuple[str, str]] | None,
        quoted: list[tuple[int, int]],
        titles: list[tuple[int, int]],
    ):
        self.body = body
        self.known = known or {}
        self.quoted = quoted
        self.titles = titles
        self.mentions: list[Mention] = []
        self.singles: list[Mention] = []
        self.surnames: set[str] = set()
        self.kin: set[str] = set()  # first names a family tie made people
        self._shouted: dict[int, bool] = {}  # by line start: see _shouted_line
        self._lowercase: frozenset[str] | None = None  # see _lowercase_word
        self.lineups = [m.span(1) for m in _LINEUP.finditer(body)]
        # Surnames listed in a line-up: "Kaoru Mitoma opened the scoring" is a player.
        self.listed = {
            w for a, b in self.lineups for w in _LETTER_WORDS.findall(body[a:b])
        }
        self.agencies = [m.span(1) for m in _DATELINE_AGENCY.finditer(body[:300])]
        # Name-like runs nothing placed yet: people if listed beside a person.
        self.pending: list[Mention] = []

    # --- scanning -------------------------------------------------------------------
    def scan(self) -> None:
        body = self.body
        # Find the head nouns first (cheap), then look back for their modifiers.
        for noun in _ORG_NOUN.finditer(body):
            window = max(0, noun.start() - 60)
            for pattern, handle in (
                (_ORG_PHRASE, self._org_phrase),
                (_LOWER_ORG, self._lower_org),
            ):
                match = next(
                    (
                        m
                        for m in pattern.finditer(body, window, noun.end())
                        if m.end(2) == noun.end()
                    ),
                    None,
                )
                if match:
                    handle(match)
                    break
        programmes = (
            [
                (m.start(), m.end())
                for m in _PROGRAMME.finditer(body)
                if key_of(m.group()[4:]) not in lex.KNOWN_ORGS  # "the Drudge Report"
            ]
            if any(tail in body for tail in _PROGRAMME_TAILS)
            else []
        )
        joints = _JOINT.finditer(body) if _JOINT_NOUN.search(body) else ()
        for joint in joints:
            if not self._in(programmes, joint.start()):
                for part in (1, 2):
                    self._run(_tokens(joint.group(part), joint.start(part)))
                programmes.append((joint.start(), joint.end()))
        self._nicknamed()
        for byline in _CAPS_BYLINE.finditer(body, 0, 600):
            name = " ".join(w.capitalize() for w in byline.group(1).split())
            self._add(*byline.span(1), PERSON, name=name, full=True)
            self.surnames.add(name.split()[-1])
            if byline.group(2):
                self._add(*byline.span(2), ORGANIZATION, full=True)
        for outlet in _BYLINE_OUTLET.finditer(body, 0, 600):
            self._add(*outlet.span(1), ORGANIZATION, full=True)
        taken = [(m.start, m.end) for m in self.mentions] + self.titles + programmes
        taken += [m.span() for m in _DATELINE.finditer(body)]
        common = lex.COMMON_WORDS
        for start, text in self._joined_runs():
            if text in common and text not in self.surnames:
                continue  # "The", "He", "In": the usual sentence openers
            if taken and any(a <= start < b for a, b in taken):
                continue
            if " " in text or "\u00a0" in text or text.isupper():
                self._run(_tokens(text, start))
            else:
                self._classify([(text, start)])  # one ordinary word: nothing to split
        self._coordinated_people()
        self.mentions.sort(key=lambda m: m.start)

    def _nicknamed(self) -> None:
        """Name a person whose nickname sits in quotation marks between first name and
        surname: the nickname is dropped from the name ("Joaquin Roe")."""
        for m in _NICKNAME.finditer(self.body):
            first, last = m.group(1), m.group(2)
            if not self._first_name(first) or not looks_like_name_token(last):
                continue
            if bare_token(last) in lex.ORG_HEADS or last in lex.COMMON_WORDS:
                continue
            name = f"{first} {last}"
            self._add(m.start(), m.end(), PERSON, name=name, full=True)
            self.mentions[-1].text = name
            self.mentions[-1].gender = gender_of([first, last], "")

    def _coordinated_people(self) -> None:
        """Make people of the name-like runs listed beside a person ("Jane Roe, John
        Doe and Ann Poe", "(Jane Roe 48, John Doe 39)"); the rest stay short mentions."""
        body = self.body
        ends = {m.end for m in self.mentions if m.kind == PERSON}
        starts = {m.start for m in self.mentions if m.kind == PERSON}
        pending = sorted(self.pending, key=lambda m: m.start)
        changed = True
        while changed and pending:
            changed = False
            for m in list(pending):
                gap_before = next(
                    (
                        g
                        for g in _LIST_GAP.finditer(body, max(0, m.start - 12), m.start)
                        if g.end() == m.start and g.start() in ends
                    ),
                    None,
                )
                gap_after = _LIST_GAP.match(body, m.end)
                if _WHERE_BEFORE.search(body, max(0, m.start - 12), m.start):
                    continue  # "In Redington Shores, Jane Roe …": a place
                if gap_before or (gap_after and gap_after.end() in starts):
                    pending.remove(m)
                    m.kind, m.full = PERSON, True
                    m.gender = gender_of(m.text.split(), "")
                    self.mentions.append(m)
                    self.surnames.add(name_parts(m.text)[-1])
                    ends.add(m.end)
                    starts.add(m.start)
                    changed = True
        self.singles.extend(pending)

    def _joined_runs(self) -> list[tuple[int, str]]:
        """Capitalised runs, rejoined where an organization's name goes on after "and"
        or "for a" ("Office of Management and Budget", "Committee for a Responsible
        Federal Budget", "European Tyre and Rubber Manufacturers' Association")."""
        runs = [(m.start(), m.group()) for m in _RUN.finditer(self.body)]
        joined: list[tuple[int, str]] = []
        for run in runs:
            joined.append(run)
            # Joining may go on leftwards: "Tyre and Rubber Manufacturers' Association"
            # is joined at "and" once "Manufacturers' Association" is.
            while len(joined) > 1:
                (left_start, left), (start, text) = joined[-2], joined[-1]
                gap = self.body[left_start + len(left) : start]
                if not self._org_goes_on(left, gap, text):
                    break
                joined[-2:] = [(left_start, self.body[left_start : start + len(text)])]
            if len(joined) > 2 and self._partnership(joined[-3:]):
                first_start = joined[-3][0]
                last_start, last = joined[-1]
                joined[-3:] = [
                    (first_start, self.body[first_start : last_start + len(last)])
                ]
        return joined

    def _partnership(self, runs: list[tuple[int, str]]) -> bool:
        """Return True for "Keker, Van Nest & Peters": a firm of partners' names, the
        last joined by "&" (not "Tom, Dick & Harry" or "Paris, London & Rome")."""
        (a_start, a), (b_start, b), (c_start, c) = runs
        body = self.body
        return (
            body[a_start + len(a) : b_start] == ", "
            and _AND_GAP.fullmatch(body[b_start + len(b) : c_start]) is not None
            and "&" in body[b_start + len(b) : c_start]
            and all(
                len(r.split()) <= 2
                and r.split()[0] not in lex.FIRST_NAMES
                and key_of(r) not in _PLACE_KEYS
                and key_of(r) not in lex.KNOWN_ORGS
                for r in (a, b, c)
            )
        )

    @staticmethod
    def _org_goes_on(left: str, gap: str, right: str) -> bool:
        left_words, right_words = left.split(), right.split()
        if gap in _POSSESSIVE_GAPS:
            # "King’s College London", not "Britain’s Foreign Office"; an office named
            # after its holder: "the Acme County Sheriff’s Office"
            return (
                bare_token(right_words[0]) in lex.ORG_HEADS
                and (
                    (len(left_words) == 1 and key_of(left) not in _PLACE_KEYS)
                    or (
                        is_title_token(left_words[-1])
                        and bare_token(left_words[-1]) not in lex.HONORIFICS
                        and len(right_words) == 1
                        # a named jurisdiction, not "the District Attorney’s Office"
                        and any(
                            not is_title_token(w) and w not in lex.PLACE_HEADS
                            for w in left_words[:-1]
                        )
                    )
                )
            )
        if gap in _PLURAL_POSSESSIVE_GAPS:
            # "Mexican Employers' Association": a plural possessive inside the name
            return left.endswith("s") and bare_token(right_words[0]) in lex.ORG_HEADS
        if left_words[0] == "The" and len(left_words) > 1:
            left_words = left_words[1:]
        if right_words[0] in lex.FIRST_NAMES or key_of(right) in lex.KNOWN_ORGS:
            return False
        if key_of(right) in _PLACE_KEYS or len(right_words) > 4:
            return False
        if _ARTICLE_GAP.fullmatch(gap):
            return bare_token(left_words[-1]) in lex.ORG_HEADS
        if not _AND_GAP.fullmatch(gap) or is_acronym(right_words[0]):
            return False
        headed = any(
            bare_token(w) in lex.ORG_HEADS and nxt in ("of", "for")
            for w, nxt in zip(left_words, left_words[1:], strict=False)
        )
        if headed:
            return True  # "Department of Health and Social Care"
        # "Canada Mortgage and Housing Corporation", "Independent Electoral and
        # Boundaries Commission": a place or a party word may open the name, but the
        # word before "and" must not be one ("Canada and Mexico Commission").
        inner = left_words[-1]
        return (
            len(left_words) <= 3
            and bare_token(right_words[-1]) in lex.ORG_HEADS
            and not any(w in lex.FIRST_NAMES for w in left_words)
            and inner not in _PARTY_WORDS
            and inner not in lex.NATIONALITIES
            and (inner not in lex.TITLE_WORDS or inner in lex.TITLE_MODIFIERS)
            and all(
                key_of(w) not in _PLACE_KEYS and key_of(w) not in lex.KNOWN_ORGS
                for w in (inner, " ".join(left_words))
            )
        )

    def _caps_line(self, tokens: list[tuple[str, int]]) -> bool:
        """Return True if an all-caps run is a heading ("LETTERS.", "HUFFPOST READERS:")."""
        body = self.body
        pos = tokens[0][1]
        end = tokens[-1][1] + len(tokens[-1][0])
        line_start = body.rfind("\n", 0, pos) + 1
        if self._shouted_line(line_start):
            return True
        return (
            len(tokens) > 1 and pos == line_start and body[end : end + 1] in (":", "")
        )

    def _shouted_line(self, line_start: int) -> bool:
        """Return True if the line is one word or mostly capitals (once per line)."""
        shouted = self._shouted.get(line_start)
        if shouted is None:
            line_end = self.body.find("\n", line_start)
            line = self.body[line_start : line_end if line_end >= 0 else None]
            words = _LETTER_WORDS.findall(line)
            upper = sum(1 for w in words if w.isupper() and len(w) > 1)
            shouted = len(words) <= 1 or upper >= max(2, 0.6 * len(words))
            self._shouted[line_start] = shouted
        return shouted

    def _lower_org(self, match: re.Match) -> None:
        words = match.group(1).split()
        noun = match.group(2)
        if words[0] in lex.COMMON_WORDS and words[0] not in lex.FIRST_NAMES:
            words = words[1:]
        if not words:
            return
        is_place = key_of(" ".join(words)) in _PLACE_KEYS
        if noun == "police" and not is_place:
            return
        if noun != "police" and (
            is_place or not all(looks_like_name_token(w) for w in words)
        ):
            return
        start = match.start(1) + match.group(1).index(words[0])
        end = match.end(2)
        name = " ".join(words + [noun])
        self.mentions.append(
            Mention(
                start,
                end,
                self.body[start:end],
                ORGANIZATION,
                key_of(name),
                name=name,
                full=True,
            )
        )

    def _first_name(self, token: str) -> bool:
        """Return True if ``token`` is a first name: by the hand-written list, or by the
        broad dictionary unless this text also uses the word in lowercase ("will",
        "rose", "grace"): then only the context can make it a person."""
        if token in lex.FIRST_NAMES:
            return True
        return lex.lexicon_first_name(token) and not self._lowercase_word(token)

    def _lowercase_word(self, token: str) -> bool:
        """Return True if the text also uses ``token`` as a lowercase word."""
        if self._lowercase is None:  # once per text, and only if a name asks
            found = _WORD.findall(self.body)
            self._lowercase = frozenset(w for w in found if w.islower())
        return bare_token(token).lower() in self._lowercase

    def _lexicon_person(self, texts: list[str], start: int) -> bool:
        """Return True if a run opening with a first name only the broad dictionary
        knows reads as a person's name: two or three words, none of them a lowercase
        word of the text, no thing's tail ("Booker Prize"), and not where a place goes
        ("at Royal Ascot", "the Dow Jones", "Brazil's Forest Code")."""
        end = start + len(" ".join(texts))
        return (
            2 <= len(texts) <= 3
            and self._first_name(texts[0])
            and texts[0] not in lex.FIRST_NAMES
            and texts[0] not in _PLACE_OPENERS
            and texts[-1] not in _JOB_TAILS  # "Athletics Correspondent" in a byline
            and bare_token(texts[-1]) not in lex.NOT_PERSON_TAILS
            and not any(self._lowercase_word(t) for t in texts[1:])
            and (
                not _PLACE_BEFORE.search(self.body, max(0, start - 12), start)
                # "Kenya’s Jane Roe": a country's athlete or politician
                or self._place_possessive(start)
            )
            # "her label, Amara Roe,", "Amara Homes, the agency created …"
            and not _ORG_CUE_AFTER.match(self.body, end)
            and not _ORG_NOUN_BEFORE.search(self.body, max(0, start - 60), start)
        )

    def _place_possessive(self, start: int) -> bool:
        """Return True if a country's or city's possessive comes right before."""
        before = _POSSESSOR.search(self.body, max(0, start - 40), start)
        return bool(before) and key_of(before.group(1)) in _PLACE_KEYS

    def _in(self, spans: list[tuple[int, int]], pos: int) -> bool:
        return any(a <= pos < b for a, b in spans)

    def _sentence_initial(self, pos: int) -> bool:
        before = self.body[max(0, pos - 3) : pos].rstrip(" \u00a0")
        return not before or before[-1] in '.!?:"“\n(—–-'

    def _org_phrase(self, match: re.Match) -> None:
        modifier = match.group(1).strip()
        noun = match.group(2)
        bare = bare_token(modifier)
        words = modifier.split()
        if len(words) >= 2 and self._named_body(words):
            # "the Coalition Avenir Roe government", "the Socialist Left party": the
            # organization's own name, then what it is
            name = f"{modifier} party" if noun == "party" else modifier
            end = match.end(2) if noun == "party" else match.end(1) - 1
            start = match.start(1)
            self._add(start, end, ORGANIZATION, name=name, full=True)
            return
        if not (
            modifier in lex.NATIONALITIES
            or key_of(modifier) in _PLACE_KEYS
            or bare in lex.NATIONALITIES
            or (len(words) == 1 and looks_like_name_token(modifier))
            or all(w in lex.NATIONALITIES for w in words)
        ):
            return
        if noun == "party":
            if modifier not in {"Republican", "Democratic", "Green", "Libertarian"}:
                return
            name = f"{modifier} Party"
        else:
            name = f"{modifier} {noun}"
        start = match.start(1)
        self.mentions.append(
            Mention(
                start,
                match.end(2),
                self.body[start : match.end(2)],
                ORGANIZATION,
                key_of(name),
                name=name,
                full=True,
            )
        )

    def _named_body(self, words: list[str]) -> bool:
        """Return True if capitalised words before "government" or "party" are an
        organization's name: a head word in it ("Coalition") or a party's words
        ("Socialist Left"), and no person, place or nationality."""
        if any(w in lex.FIRST_NAMES for w in words):
            return False
        if all(w in lex.NATIONALITIES or key_of(w) in _PLACE_KEYS for w in words):
            return False
        return any(bare_token(w) in lex.ORG_HEADS for w in words) or all(
            w in _PARTY_NAME_WORDS for w in words
        )

    def _run(self, tokens: list[tuple[str, int]]) -> None:
        if not tokens or self._section_label(tokens):
            return
        texts = [t for t, _ in tokens]
        if all(_CAPS_LINE.match(t) for t in texts) and self._caps_line(tokens):
            key = key_of(" ".join(texts))
            if len(texts) == 1 and key not in lex.KNOWN_ORGS and len(key) > 4:
                key = key.removesuffix("s")  # "TWITTERS.": the readers' posts there
            if len(texts) == 1 and key in lex.KNOWN_ORGS:
                self._add(
                    tokens[0][1],
                    tokens[0][1] + len(texts[0]),
                    ORGANIZATION,
                    name=lex.KNOWN_ORGS[key],
                    full=True,
                )
            return  # an all-caps heading such as "HUFFPOST READERS" or "LETTERS."
        if (
            len(texts) == 1
            and texts[0].isupper()
            and key_of(texts[0]) not in lex.KNOWN_ORGS
            and self.body[tokens[0][1] - 1 : tokens[0][1]] in ("", "\n")
            and self.body.startswith(":", tokens[0][1] + len(texts[0]))
        ):
            # "ROE: …" in a transcript: a speaker's surname, linked if named in full.
            start = tokens[0][1]
            self.singles.append(
                self._mention(start, start + len(texts[0]), "", full=False)
            )
            return
        if texts[0][:2] in _PARTY_STATE:
            tokens = tokens[1:]  # "D-N.Y." after a lawmaker's name
        # "Republican-controlled Senate", "Lagos-based Acme": a modifier, not the name;
        # "Rival Acme Corp said": what the sentence calls it, then its name
        while len(tokens) > 1 and (
            _MODIFIER_TOKEN.match(tokens[0][0])
            or (
                tokens[0][0].lower() in lex.ORG_KIND_NOUNS
                and self._sentence_initial(tokens[0][1])
            )
        ):
            tokens = tokens[1:]
        if not tokens or _MODIFIER_TOKEN.match(tokens[-1][0]):
            return  # "Hong Kong-listed shares": describes what follows
        if (
            len(texts) == 1
            and is_acronym(texts[0])
            and len(texts[0]) > 6
            and texts[0].casefold() not in lex.KNOWN_ORGS
        ):
            return  # "LETTERS" and the like: a shouted word, not an acronym
        # Drop sentence openers (not a surname: "May" once Theresa May is named) and
        # split at weekdays/months (not the first name of a signature: "Will Hansen."
        # under a letter).
        while (
            tokens
            and (
                (
                    bare_token(tokens[0][0]) in lex.COMMON_WORDS
                    and bare_token(tokens[0][0]) not in lex.TITLE_WORDS
                    and not self._capitalised_inside(tokens)
                    and tokens[0][0].casefold() not in lex.KNOWN_ORGS
                    and tokens[0][0] not in self.surnames
                    and not _two_first_names(tokens)
                    and not self._common_word_body(tokens)
                )
                or tokens[0][0] in lex.TITLE_CONNECTORS
            )
            and not self._signature(tokens)
        ):
            tokens = tokens[1:]
        while tokens and tokens[-1][0] in _TRAILING:
            tokens = tokens[:-1]
        if not tokens:
            return
        for i in range(1, len(tokens)):
            tok = tokens[i][0]
            if tok[:2] in _PARTY_STATE or (
                bare_token(tok) in lex.DATE_WORDS
                and tokens[i - 1][0] not in lex.FIRST_NAMES
            ):
                self._run(tokens[:i])
                self._run(tokens[i + 1 :])
                return
        self._classify(tokens)

    def _common_word_body(self, tokens: list[tuple[str, int]]) -> bool:
        """Return True for "the Policy Board", "its Planning Commission": a common word
        naming a board inside the sentence (not an opener: "Many Board members")."""
        return (
            len(tokens) == 2
            and tokens[1][0] in _BODY_HEADS
            and bare_token(tokens[0][0]) not in lex.DATE_WORDS
            and not self._sentence_initial(tokens[0][1])
        )

    def _section_label(self, tokens: list[tuple[str, int]]) -> bool:
        """Return True if the run is a line of its own under a byline ("By Jane Roe"
        then "Capitol Bureau"): the paper's desk, not an actor."""
        body = self.body
        start = tokens[0][1]
        end = tokens[-1][1] + len(tokens[-1][0])
        if body[start - 1 : start] != "\n" or body[end : end + 1] not in ("\n", ""):
            return False
        return bool(_BYLINE.search(body, max(0, start - 120), start))

    def _capitalised_inside(self, tokens: list[tuple[str, int]]) -> bool:
        """Return True if a common word opening a run is part of the name: mid-sentence
        it is capitalised for a reason, as a first name ("a cameo from Will Jacks") or
        an organization's adjective ("the Social Democratic Party")."""
        first = bare_token(tokens[0][0])
        if (
            len(tokens) < 2
            or first in lex.DATE_WORDS
            or not first.isalpha()
            or self._sentence_initial(tokens[0][1])
        ):
            return False
        if first in lex.FIRST_NAMES:
            return len(tokens) == 2 and looks_like_name_token(tokens[1][0])
        return (
            first in _NAME_ADJECTIVES
            and len(tokens) >= 3
            and bare_token(tokens[-1][0]) in lex.ORG_HEADS
        )

    def _signature(self, tokens: list[tuple[str, int]]) -> bool:
        """Return True if the run is a letter writer's signature alone on its line."""
        if not 2 <= len(tokens) <= 4 or bare_token(tokens[0][0]) not in lex.FIRST_NAMES:
            return False
        start = tokens[0][1]
        end = tokens[-1][1] + len(tokens[-1][0])
        return (start == 0 or self.body[start - 1] == "\n") and bool(
            _SIGNATURE_END.match(self.body, end)
        )

    def _classify(self, tokens: list[tuple[str, int]]) -> None:
        texts = [t for t, _ in tokens]
        if (
            len(texts) > 2
            and texts[1] in lex.FIRST_NAMES
            and (texts[0] in lex.NATIONALITIES or texts[0] in _PARTY_WORDS)
        ):
            self._classify(tokens[:1])
            self._classify(tokens[1:])
            return
        if (
            len(texts) > 1
            and texts[-1] in lex.GROUP_WORDS
            and key_of(" ".join(texts)) not in lex.KNOWN_ORGS  # "Liberal Democrats"
        ):
            self._classify(tokens[:-1])
            return
        for connector in ("on", "of"):
            if connector not in texts[1:-1]:
                continue
            i = texts.index(connector, 1)
            right = key_of(" ".join(texts[i + 1 :]))
            # "National Observatory of Athens": an organization named after a place
            left_is_person = bare_token(texts[i - 1]) not in lex.ORG_HEADS and any(
                is_title_token(t) or self._first_name(t) for t in texts[:i]
            )
            # "ACLU of Iowa": a branch of the organization, named after it
            left_is_org = i == 1 and (
                is_acronym(texts[0]) or key_of(texts[0]) in lex.KNOWN_ORGS
            )
            org_on_right = (
                right in lex.KNOWN_ORGS
                or bare_token(texts[-1]) in lex.ORG_HEADS
                or (
                    i + 2 == len(texts)
                    and (is_acronym(texts[-1]) or _ACRONYM_COMPOUND.match(texts[-1]))
                )
            )
            # "Tamsin Orrel of Acme Capital": a name-like pair works at an organization
            left_is_name = i >= 2 and all(looks_like_name_token(t) for t in texts[:i])
            # "Rep. Jane Roe of Cambria County": a place by its head word, too
            place_on_right = (
                right in _PLACE_KEYS or bare_token(texts[-1]) in lex.PLACE_HEADS
            )
            # "Acme High School on Main Street": a building, then its street
            building = connector == "on" and bare_token(texts[i - 1]) in _BUILDINGS
            if (
                building
                or (place_on_right or org_on_right)
                and (
                    connector == "on"
                    or left_is_person
                    or left_is_org
                    or (left_is_name and org_on_right)
                )
            ):
                # "Huston on Twitter", "Sen. Tim Kaine of Virginia", "Jane Roe of
                # Acme Capital": a person and where they are from or work
                left_start, left_end = (
                    tokens[0][1],
                    tokens[i - 1][1] + len(texts[i - 1]),
                )
                if (
                    connector == "of"
                    and org_on_right
                    and left_is_name
                    and not left_is_person  # titles and first names: classify
                    and i <= 4
                ):
                    self._add(left_start, left_end, PERSON, full=True)
                else:
                    self._classify(tokens[:i])
                self._classify(tokens[i + 1 :])
                return
        start = tokens[0][1]
        end = tokens[-1][1] + len(texts[-1])
        text = self.body[start:end]
        key = key_of(text)
        curated = self.known.get(key)
        # The word lists and the context fix the kind of "White House" (building or
        # administration) and the like: an earlier story's actor must not decide it.
        if curated is not None and key not in lex.KNOWN_ORGS and key not in _PLACE_KEYS:
            name, kind = curated
            # Known or not, a person's first name still tells "he" from "she".
            gender = gender_of(texts, "") if kind == PERSON else ""
            self._add(start, end, kind, name=name, full=True, gender=gender)
            return
        split = self._title_split(texts)
        if split:
            self._titled(tokens, split)
            return
        if len(texts) == 1 and (
            (
                texts[0] in lex.FIRST_NAMES
                and (
                    texts[0] in self.kin
                    or _KIN_BEFORE.search(self.body, max(0, start - 30), start)
                )
            )
            or self._kin_apposition(texts[0], start, end)
        ):
            self.kin.add(texts[0])
            # A lone first name after a family tie ("his daughter Chelsea"): a person
            # the story names by first name only.
            self.singles.append(self._mention(start, end, PERSON, full=False))
            return
        kind = self._kind_of(texts, key, start, end)
        if (
            kind == ORGANIZATION
            and key == "white house"
            and _BUILDING_BEFORE.search(self.body[max(0, start - 12) : start])
        ):
            kind = PLACE  # a building, not the administration
        if (
            kind == ORGANIZATION
            and len(texts) == 1
            and is_acronym(texts[0])
            and key not in lex.KNOWN_ORGS
            and (self._in(self.quoted, start) or _THING_AFTER.match(self.body, end))
        ):
            return  # a shouted word in a quote ("USING"), a thing ("the ABC index")
        if kind == PERSON:
            self._add(start, end, PERSON, full=True, gender=gender_of(texts, ""))
        elif kind == ORGANIZATION and key in lex.KNOWN_ORGS:
            self._add(start, end, kind, name=lex.KNOWN_ORGS[key], full=True)
        elif kind:
            self._add(start, end, kind, full=True)
        elif len(texts) == 1 or (
            len(texts) == 2 and bare_token(texts[1]) in lex.GENERATION_SUFFIXES
        ):
            player = self._in(self.lineups, start)
            single = self._mention(start, end, PERSON if player else "", full=False)
            # A surname may still name a person: the linker decides (see org_cue).
            single.org_cue = (
                len(texts) == 1
                and looks_like_name_token(texts[0])
                and texts[0] not in lex.TITLE_WORDS
                and self._org_cue(start, end)
            ) or (
                # "told the Guardian": an outlet; "asked Parliament’s committee": the
                # chamber named without "the" inside a sentence
                len(texts) == 1
                and bare_token(texts[0]) in lex.ORG_HEADS
                and (
                    _TOLD_THE.search(self.body, max(0, start - 12), start) is not None
                    or (
                        texts[0] in _LONE_CHAMBERS
                        and not self._sentence_initial(start)
                        and self.body[max(0, start - 4) : start].lower() != "the "
                    )
                )
            )
            self.singles.append(single)
        elif key_of(texts[0]) in lex.KNOWN_ORGS:
            self._classify(tokens[:1])  # "SiriusXM Patriot": the company's channel
        elif self._sentence_initial(start) and texts[0] not in lex.FIRST_NAMES:
            self._classify(tokens[1:])  # "Notice Trump …": an opening word, then a name
        elif self._is_tail_run(texts):
            single = self._mention(start, end, "", full=False)
            if len(texts) > 1:
                self.pending.append(single)
            else:
                self.singles.append(single)

    def _kin_apposition(self, token: str, start: int, end: int) -> bool:
        """Return True for any name set off by commas after a family tie ("whose
        daughter, Linh, was"): the commas make it her name, known first name or not."""
        return (
            looks_like_name_token(token)
            and not is_acronym(token)
            and self.body.startswith(",", end)
            and self.body[start - 2 : start] == ", "
            and bool(_KIN_BEFORE.search(self.body, max(0, start - 30), start))
        )

    def _is_tail_run(self, texts: list[str]) -> bool:
        return (
            len(texts) <= 3
            and all(looks_like_name_token(t) for t in texts)
            and texts[-1] not in _JOB_TAILS  # "Jane Roe, Athletics Correspondent"
        )

    def _title_split(self, texts: list[str]) -> int:
        """Return how many leading tokens form a job title before a name (0 if none)."""
        if len(texts) < 2:
            return 0
        last = max(
            (i for i, t in enumerate(texts[:-1]) if is_title_token(t)), default=-1
        )
        if last < 0:
            return 0
        name = texts[last + 1 :]
        # Particles do not lengthen a name: "Luiz Inácio Lula da Silva".
        length = sum(t not in _PARTICLES for t in name)
        if length > 4 or not name_tokens_ok(name):
            return 0
        if all(bare_token(t) in lex.GENERATION_SUFFIXES for t in name):
            return 0  # "Martin Luther King Jr.": a surname that is a title word
        title = texts[: last + 1]
        if not any(is_title_token(t) and t not in lex.TITLE_MODIFIERS for t in title):
            return 0  # "Trump National Doral": modifiers only, no title
        if all(t in lex.TITLE_WORDS for t in name) and not any(
            bare_token(t) in lex.HONORIFICS for t in title
        ):
            return 0  # "Vice Chancellor": a title alone ("Mr. King" is a name)
        return last + 1

    def _titled(self, tokens: list[tuple[str, int]], split: int) -> None:
        texts = [t for t, _ in tokens]
        # What precedes the title's head names an organization or a place:
        # "FBI Director", "Republican National Committee Chairman", "House Speaker".
        head = next(
            i
            for i, t in enumerate(texts)
            if is_title_token(t) and t not in lex.TITLE_MODIFIERS
        )
        # "Labour Minister …": a portfolio, not the party; "FBI Director": the bureau
        if (
            head
            and not all(t in lex.TITLE_MODIFIERS for t in texts[:head])
            and not self._portfolio(texts[:head], texts[head])
        ):
            self._classify_prefix(tokens[:head])
        title_tokens = [
            t
            for t in texts[:split]
            if bare_token(t) not in {"Mr", "Mrs", "Ms", "Miss", "Mx"}
        ]
        title = " ".join(title_tokens)
        name_tokens = tokens[split:]
        start = name_tokens[0][1]
        end = name_tokens[-1][1] + len(name_tokens[-1][0])
        name_texts = texts[split:]
        gender = gender_of(name_texts, " ".join(texts[:split]))
        single = len(name_texts) == 1 or (
            len(name_texts) == 2
            and bare_token(name_texts[1]) in lex.GENERATION_SUFFIXES
        )
        mention = self._mention(
            start, end, PERSON, full=not single, title=title, gender=gender
        )
        curated = self.known.get(mention.key)
        if curated is not None:  # an editor's actor: "Secretary Rubio" → their name
            mention.name, mention.kind = curated
            mention.key, mention.full = key_of(mention.name), True
            self.mentions.append(mention)
        elif single and self._work_title(texts[:split], tokens[0][1], end):
            return  # "“Miss Saigon”": a show's name, nobody
        elif single:
            self.singles.append(mention)  # "Mr. Waltz": a person, linked later
        else:
            self.mentions.append(mention)
        if not single:  # known or not: a later "May" is Theresa May, not the month
            self.surnames.add(name_parts(mention.text)[-1])

    def _work_title(self, title: list[str], start: int, end: int) -> bool:
        """Return True if an honorific and one name fill quotation marks alone."""
        body = self.body
        return (
            all(bare_token(t) in lex.HONORIFICS for t in title)
            and body[start - 1 : start] in _OPENING_MARKS
            and body[end : end + 2].lstrip(",.!?")[:1] in _CLOSING_MARKS
        )

    @staticmethod
    def _portfolio(prefix: list[str], head: str) -> bool:
        """Return True for "Emergency Services Minister", "Emergency Management
        Commissioner": a portfolio before a minister's title, not an organization
        ("FBI Director", "Treasury Secretary" name one)."""
        return (
            bare_token(head) in _PORTFOLIO_TITLES
            and key_of(" ".join(prefix)) not in lex.KNOWN_ORGS
            and not any(is_acronym(t) for t in prefix)
        )

    def _classify_prefix(self, tokens: list[tuple[str, int]]) -> None:
        texts = [t for t, _ in tokens]
        start = tokens[0][1]
        end = tokens[-1][1] + len(texts[-1])
        key = key_of(self.body[start:end])
        kind = self._kind_of(texts, key, start, end, person=False)
        if kind in (ORGANIZATION, PLACE):
            name = lex.KNOWN_ORGS.get(key, "") if kind == ORGANIZATION else ""
            self._add(start, end, kind, name=name, full=True)
            self.mentions[-1].modifier = True  # "FBI Director …": not the subject

    def _kind_of(
        self, texts: list[str], key: str, start: int, end: int, person: bool = True
    ) -> str:
        bare_last = bare_token(texts[-1])
        if len(texts) == 1 and _QUALIFICATION_AFTER.match(self.body, end):
            return ""  # "AP exams", "SAT scores": a test, not a body
        if key in lex.KNOWN_ORGS:
            return ORGANIZATION
        if key in _PLACE_KEYS or (
            len(texts) == 1 and texts[0] in lex.STATE_ABBREVIATIONS
        ):
            return PLACE
        if len(texts) == 1:
            tok = texts[0]
            if tok.startswith("@"):
                return ""
            if tok in lex.GROUP_WORDS:
                return GROUP
            if tok in lex.NATIONALITIES:
                return ""
            if is_acronym(tok) and tok not in lex.ACRONYM_NOT_ORG:
                return ORGANIZATION
            if _ACRONYM_COMPOUND.match(tok):
                return ORGANIZATION  # "SUD-Rail", "CGT-Cheminots": a union's branch
            return ""
        if bare_last in lex.PROGRAMME_TAILS:
            return ""  # "Jerry Show", "Roe Tonight": a programme, not a person
        if texts[0] in _STREET_OPENERS:
            return PLACE  # "Avenida Obregon", "Rue Roe": a street
        if (
            _INITIALS.match(texts[0])
            and len(texts) <= 3
            and key_of(texts[0]) not in _PLACE_KEYS
            and texts[0] not in lex.ACRONYM_NOT_ORG
            and bare_last not in lex.ORG_HEADS
            and bare_last not in lex.PLACE_HEADS  # "M.A. Roe Stadium"
            and all(looks_like_name_token(t) for t in texts[1:])
        ):
            return PERSON if person else ""  # "J.D. Vance", "A.J. Roe"
        if (
            person
            and len(texts) == 2
            and _BARE_INITIALS.match(texts[0])
            and texts[0] not in lex.ACRONYM_NOT_ORG
            and key not in lex.KNOWN_ORGS
            and looks_like_name_token(texts[1])
            and bare_last not in lex.ORG_HEADS
            and (
                _AGE_AFTER.match(self.body, end)
                or _CUE_BEFORE.search(self.body, max(0, start - 40), start)
            )
        ):
            return PERSON  # "JD Roe, 44,": initials without dots
        if (
            person
            and len(texts) >= 2
            and _TEAM_BEFORE.search(self.body, max(0, start - 30), start)
            and not any(t in lex.FIRST_NAMES for t in texts)
            and (
                len(texts) >= 3
                or key_of(texts[0]) in _PLACE_KEYS
                or key_of(texts[-1]) in _PLACE_KEYS
            )
        ):
            return ORGANIZATION  # "a win over Oslo Rovers": a team
        if (
            person
            and len(texts) == 5
            and texts[0] in lex.FIRST_NAMES
            and all(looks_like_name_token(t) for t in texts)
            and self.body.startswith(",", end)
            and self.body[start - 2 : start] == ", "
            and _CUE_BEFORE.search(self.body, max(0, start - 40), start)
        ):
            return PERSON  # "The sultan, Mohammed Nabil Mforifoum Mbombo Njoya,"
        if (
            person
            and 2 <= len(texts) <= 4
            and texts[0] in _VIETNAMESE_FAMILY
            and (len(texts) == 2 or texts[1] in _VIETNAMESE_MIDDLE)
            and bare_last not in lex.ORG_HEADS
            and bare_last not in lex.PLACE_HEADS
            and all(looks_like_name_token(t) for t in texts)
        ):
            return PERSON  # "Nguyen Thi Hoa": a Vietnamese name, family name first
        if (
            (
                any(t in lex.FIRST_NAMES for t in texts[:-1])
                or self._lexicon_person(texts, start)
            )
            and len(texts) <= 4
            and bare_last not in lex.ORG_HEADS
            and bare_last not in lex.PLACE_HEADS
            and name_tokens_ok(texts[1:], texts[0])
        ):
            return PERSON if person else ""
        if bare_last in lex.ORG_HEADS or texts[-1].casefold() in lex.KNOWN_ORGS:
            return ORGANIZATION
        if texts[0] in lex.ORG_OPENERS and len(texts) >= 2:
            return ORGANIZATION  # "Banco Acme", "Institut Français de la Mode"
        if bare_token(texts[-2]) in lex.ORG_HEADS and key_of(texts[-1]) in _PLACE_KEYS:
            return ORGANIZATION  # "Imperial College London"
        if any(
            (bare_token(t) in lex.ORG_HEADS or t == "House")
            and texts[i + 1] in {"of", "on", "for"}
            for i, t in enumerate(texts[:-1])
        ):
            return ORGANIZATION  # "Council on Foreign Relations", "Bank of America"
        if bare_last == "District" and bare_token(texts[-2]) in lex.ORG_HEADS:
            return ORGANIZATION  # "Acme Unified School District": a school board
        if bare_last in lex.PLACE_HEADS or texts[-1] in lex.STATE_ABBREVIATIONS:
            if (
                person
                and len(texts) == 2
                and self._first_name(texts[0])
                and self._person_cue(start, end, strict=True)
            ):
                return PERSON  # "the finance director, Helen Park, said": a surname
            return PLACE
        if all(t in lex.NATIONALITIES or key_of(t) in _PLACE_KEYS for t in texts):
            return PLACE
        if not person:
            return ""
        if (
            any(t in lex.TITLE_WORDS for t in texts)
            or bare_last in lex.NOT_PERSON_TAILS
        ):
            return ""
        if self._org_cue(start, end):
            return ORGANIZATION
        abbreviation = _ABBREVIATED_AFTER.match(self.body, end)
        if abbreviation and abbreviation.group(1)[0] == texts[0][0]:
            return ORGANIZATION  # "Alternative for Germany (AfD)": a party, a body
        if (
            2 <= len(texts) <= 4
            and all(
                looks_like_name_token(t)
                or bare_token(t) in lex.GENERATION_SUFFIXES
                or (len(t) == 2 and t.endswith("."))
                for t in texts
            )
            and key_of(texts[0]) not in _PLACE_KEYS
            and key_of(texts[-1]) not in _PLACE_KEYS  # "Port Sudan"
            and not is_acronym(texts[0])
            # A name never takes "the": "the Roe Doe 8-400" is a thing
            and self.body[max(0, start - 4) : start] != "the "
            and self._person_cue(start, end, strict=self._sentence_initial(start))
        ):
            return PERSON
        return ""

    def _org_cue(self, start: int, end: int) -> bool:
        """Return True if the context says an unknown capitalised name is an organization."""
        body = self.body
        if (
            _ORG_CUE_AFTER.match(body, end)
            or _ORG_POSSESSION.match(body, end)
            or _OUTLET_AFTER.match(body, end)
            # "by Acme analyst Jane Roe", not "Brand strategist …" opening a sentence
            or (
                _ROLE_AFTER.match(body, end)
                and not self._sentence_initial(start)
                and not self._lowercase_word(body[start:end])
            )
            or (
                _ORG_NOUN_BEFORE.search(body, max(0, start - 150), start)
                and not _AMPERSAND_AFTER.match(body, end)  # "Transport & Environment"
            )
            or self._in(self.agencies, start)
            or _TOLD_THE.search(body, max(0, start - 12), start)  # "told the Acme"
        ):
            return True
        if _ORG_CUE_BEFORE.search(body, max(0, start - 60), start):
            # Not a modifier or the start of a longer name: "at the Joplin plant",
            # "at Oxford’s Nuffield Department", "for the Bakery, Confectionery, …".
            return not _NAME_GOES_ON.match(body, end)
        left = _ORG_AND_BEFORE.search(body, max(0, start - 40), start)
        right = _ORG_AND_AFTER.match(body, end)
        if (left and _is_org_word(left.group(1))) or (
            right and _is_org_word(right.group(1).split()[-1], right.group(1))
        ):
            return True
        # "The Verge wrote": a name never takes "the", but a description does ("the
        # California Democrat said", "the German said").
        return (
            body[max(0, start - 4) : start].lower() == "the "
            and bool(_SAID_AFTER.match(body, end))
            and not any(
                w in _PARTY_WORDS or w in lex.NATIONALITIES or key_of(w) in _PLACE_KEYS
                for w in body[start:end].split()
            )
        )

    def _person_cue(self, start: int, end: int, *, strict: bool = False) -> bool:
        """Return True if the context says a capitalised run with no known first name is a person."""
        body = self.body
        after = body[end : end + 40]
        before = body[max(0, start - 40) : start]
        if (
            _CUE_AFTER.match(after)
            or _CUE_BEFORE.search(before)
            or _CREDIT_BEFORE.search(body, max(0, start - 120), start)
        ):
            return True
        if (not before or before.endswith("\n")) and _SIGNATURE_END.match(after):
            return True  # a signature line under a reader's letter
        words = self.body[start:end].split()
        if words[-1] in self.listed:
            return True
        names = "|".join(re.escape(w) for w in {words[0], words[-1]})
        if re.search(
            rf"(?<![\w-])(?:{names})(?:,?[ \u00a0]+(?:{_FIRST_NAME_VERBS})\b"
            r"|,[ \u00a0]+\d+,)",
            body[end:],
        ):
            return True  # "Amara Okonkwo …" then "Amara said" or "Okonkwo, 46,"
        if strict:
            return False
        return bool(
            re.search(
                rf"(?<![\w-])(?<!{re.escape(words[-2])} ){re.escape(words[-1])}(?![\w-])",
                body[end:],
            )
        )

    # --- building mentions ------------------------------------------------------------
    def _mention(
        self,
        start: int,
        end: int,
        kind: str,
        *,
        full: bool,
        title: str = "",
        gender: str = "",
    ) -> Mention:
        body = self.body
        possessive = body.startswith(("'s", "’s"), end) or (
            end < len(body) and body[end] in "'’" and body[end - 1] == "s"
        )
        word = _WORD_AFTER.match(body, end)
        # "Trump campaign", "Clinton staffer", "an Obama appointee": the name describes.
        modifier = bool(word) and (
            word.group(1) in lex.PERSON_SPEAKER_NOUNS
            or word.group(1) in lex.ORG_SPEAKER_NOUNS
            or word.group(1) in lex.MODIFIED_NOUNS
            or f" {body[max(0, start - 4) : start].lower()}".endswith(_ARTICLES)
        )
        text = " ".join(body[start:end].split())
        return Mention(
            start,
            end,
            text,
            kind,
            key_of(text),
            title=title,
            full=full,
            possessive=possessive,
            modifier=modifier,
            gender=gender,
        )

    def _add(
        self,
        start: int,
        end: int,
        kind: str,
        *,
        name: str = "",
        full: bool,
        gender: str = "",
    ) -> None:
        mention = self._mention(start, end, kind, full=full, gender=gender)
        if kind == PERSON:
            self.surnames.add(name_parts(mention.text)[-1])
        if name:
            mention.name = name
            mention.key = key_of(name)
        self.mentions.append(mention)
