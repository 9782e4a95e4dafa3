"""Quote and speaker rules from the fourth held-out set (made-up sentences only)."""

import pytest

from tests.actors.extracted import speakers, texts


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A double-quoted phrase nested in a single-quoted quote is part of it.
        (
            "Ann Lee was upbeat. ‘The message is “we are close”,’ she said.",
            ["The message is “we are close”,"],
        ),
        # Negative: two separate quotes stay two.
        (
            "Ann Lee was upbeat. “We are close,” she said. ‘Very close,’ she added.",
            ["We are close,", "Very close,"],
        ),
        # A work credited to its maker is a title, at every mention.
        (
            "Ann Lee wrote a book. “Crossings,” published by Knopf, is short. "
            "“I wrote it fast,” she said. Critics liked “Crossings” a lot.",
            ["I wrote it fast,"],
        ),
        (
            "“Crossings” by Ann Lee is out now. “It is short,” Lee said.",
            ["It is short,"],
        ),
        # Negative: speech followed by "by" and a lowercase word is still speech.
        (
            "“We will win this,” by all accounts, was what Ann Lee told them.",
            ["We will win this,"],
        ),
    ],
)
def test_quote_spans(body, expected):
    assert texts(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # An organization before a role and a name: the person is the subject.
        (
            "Tom Hart spoke first. Acme deputy leader Ann Lee told reporters the plan "
            "was dead. “We are done,” she said.",
            ["Ann Lee"],
        ),
        # Negative: an organization that is the subject stays the subject.
        (
            "Acme Holdings told reporters on Monday that it was done. “We are done,” "
            "it said.",
            ["Acme Holdings"],
        ),
        # A capitalised role in apposition, then the name.
        (
            "Mary Cole spoke first. The Chancellor, Ann Lee, who faces a vote, said "
            "she was calm. “We will manage,” she said.",
            ["Ann Lee"],
        ),
        # A role with a complement, or a role before the name, in apposition.
        (
            "Ann Lee sings. Her husband, the designer Tom Hart, says she works late. "
            "“She never stops,” he says.",
            ["Tom Hart"],
        ),
        (
            "Ann Lee sings. Her editor at Knopf, Tom Hart, says she is fast. "
            "“She writes well,” he writes.",
            ["Tom Hart"],
        ),
        # An unnamed juror who speaks about named people is still unnamed.
        (
            "Judge Ann Lee read the verdict. One juror, a retired teacher, said "
            "messages between Tom Hart and Jim Kerr mattered. “We read them all,” "
            "she said.",
            [None],
        ),
        # Negative: a juror the text names is that person.
        (
            "Judge Tom Hart read the verdict. One juror, Ann Lee, said the messages "
            "mattered. “We read them all,” she said.",
            ["Ann Lee"],
        ),
        # A participle phrase before the main clause: its subject speaks.
        (
            "Tom Hart flew in. Speaking in the town, he promised aid and said the "
            "state would “not abandon anyone.”",
            ["Tom Hart"],
        ),
        # Someone's post or comment introduced with a colon is theirs.
        (
            "Tom Hart did not attend. His only comment was a short post online, "
            "captioned: “Still working.”",
            ["Tom Hart"],
        ),
        (
            "Ann Lee stayed away. Tom Hart's only comment was a short post, "
            "captioned: “Still working.”",
            ["Tom Hart"],
        ),
    ],
)
def test_speakers(body, expected):
    assert speakers(body) == expected


def test_first_name_read_the_other_way_is_still_she():
    # The lexicon reads "Marian" as male; nobody else can be "she" here.
    body = (
        "Rep. Marian Feeney, the lone Republican to vote yes, said the choice was "
        "hard. “I grew up hunting,” she said."
    )
    assert speakers(body) == ["Marian Feeney"]


def test_honorific_gender_is_not_overridden():
    # Negative: "Mr" fixes the gender, so "she" is nobody named here.
    body = "Mr Marian Feeney voted no. “I grew up hunting,” she said."
    assert speakers(body) == [None]
