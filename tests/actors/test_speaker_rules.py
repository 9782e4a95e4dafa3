"""Speaker rules that generalise to unseen newswire text (made-up sentences only)."""

import pytest

from tests.actors.extracted import speakers


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # An unnamed spokesperson after the verb is nobody, not the organization.
        (
            "Aid groups were wary. “Nothing has changed,” said a spokesperson for "
            "Oxfam, which runs clinics in the area. “We need trucks.”",
            [None, None],
        ),
        (
            "“Nothing has changed,” said Jane Roe, a spokesperson for Oxfam.",
            ["Jane Roe"],
        ),
        # The subject is in the main clause, not in a fronted adverbial.
        (
            "Tom Hart left the talks. In an interview with Jane Roe on Monday, the "
            "senator said he was “not going anywhere”.",
            ["Tom Hart"],
        ),
        # A relative clause with commas of its own sits between subject and verb.
        (
            "Mayor Jim Kerr won easily. The mayor, who was joined on stage by his "
            "wife, Ann, and his son, Tom, promised a “fresh start” for the city.",
            ["Jim Kerr"],
        ),
        ("Ann Lee met Tom Hart, who said: “It is over.”", ["Tom Hart"]),
        # A reporting clause set off by commas names the speaker, not the name before.
        (
            "Ann Lee spoke first. Tom Hart, she said, was “a fine mayor”.",
            ["Ann Lee"],
        ),
        ("Tom Hart, 54, said, “We are ready.”", ["Tom Hart"]),
        # "the statement read": whoever spoke "in a statement" just before.
        (
            "Mara Quill died on Sunday, her publicist, Ann Lee, said in a statement. "
            "No cause was given.\n\n“She sang until the end,” the statement read.",
            ["Ann Lee"],
        ),
        # A role noun that is the title of someone named earlier.
        (
            "Treasurer Jim Kerr held his seat. Ann Lee lost hers.\n\n“People have "
            "done it tough,” the treasurer said.",
            ["Jim Kerr"],
        ),
        # A person called by nationality or age is the one in focus.
        (
            "Hans Weber did not hide his frustration.\n\n“We became passive,” the "
            "German said.",
            ["Hans Weber"],
        ),
        (
            "Tom Hart was cleared on Friday.\n\n“I am relieved,” the 45-year-old said.",
            ["Tom Hart"],
        ),
        # A fronted "For X," makes X what the sentence is about.
        (
            "Sheriff Tom Hart spoke after Jim Kerr. Mayor Jim Kerr left early.\n\nFor "
            "Tom Hart, the lesson was the same. “Water kills,” he said.",
            ["Tom Hart"],
        ),
        # A pronoun subject after a short adverbial with no comma.
        (
            "Jim Kerr thanked his staff. Later in the speech he set out his plans. "
            "“We will build more homes.”",
            ["Jim Kerr"],
        ),
        # The answer to a question goes to whom the asker addressed.
        (
            "Ann Lee took questions. A reporter pressed her on tariffs. “Will you "
            "act?”\n\n“We are ready to respond.”",
            [None, "Ann Lee"],
        ),
        # A bare role before a name still makes the name the subject.
        (
            "Tom Hart was dropped. Former club captain and pundit Jim Kerr said the "
            "club erred. “It was a mistake,” he wrote.",
            ["Jim Kerr"],
        ),
    ],
)
def test_speaker_rules(body, expected):
    assert speakers(body) == expected


def test_a_nationality_before_a_noun_is_not_a_person():
    body = "Tom Hart left.\n\n“We will respond,” the German government said."
    assert speakers(body) != ["Tom Hart"]
