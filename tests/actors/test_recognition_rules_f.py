"""Recognition rules added after the sixth held-out set (tests/data/own_corpus_f).

Every sentence is made up (invented names and firms); none comes from the held-out
articles, so each rule is checked on text it was not written from. Each rule has a
negative case: the context that must not trigger it.
"""

import pytest

from tests.actors.extracted import organizations, people


# --- people --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "person"),
    [
        # An upper-case byline line: "JANE ROE, Outlet staff writer".
        (
            "Rates rise again\n\nMIRAKO TESSUDA, Harbor Ledger staff writer\n\n"
            "OSAKA -- The bank raised rates on Friday.",
            "Mirako Tessuda",
        ),
        ("Heading\n\nDOVRAN KELLIMOR, correspondent\n\nRates rose.", "Dovran Kellimor"),
        # "member" and "dissenter" before a name: a person's role.
        (
            "The only dissenter, board member Telvio Narrasca, had argued otherwise.",
            "Telvio Narrasca",
        ),
        # A ruler's title before a name.
        ("It was a gift for Kaiser Oswin IV, the archive shows.", "Oswin IV"),
        (
            "The palace sent word to Sultan Ibrahim Ketterwa last year.",
            "Ibrahim Ketterwa",
        ),
        # A Vietnamese family-first name with a middle name.
        ("Outside the school, Nguyen Thi Lanh dropped off her son.", "Nguyen Thi Lanh"),
        ("Tran Van Kiet runs a noodle shop on the corner.", "Tran Van Kiet"),
        # A five-word name in an apposition after a role noun.
        (
            "The current sultan, Mohammed Arvel Tessiné Mbotto Karanja, welcomed it.",
            "Mohammed Arvel Tessiné Mbotto Karanja",
        ),
    ],
)
def test_person_found(body, person):
    assert person in people(body)


@pytest.mark.parametrize(
    ("body", "not_person"),
    [
        # A shouted heading line is no byline.
        ("BREAKING NEWS, LIVE UPDATES\n\nLONDON - Rates rose.", "Breaking News"),
        # A school named after a person is not the person.
        (
            "Parents at Bellweather Elementary marched on Monday.",
            "Bellweather Elementary",
        ),
        # A street named with a Vietnamese family name is a place.
        ("Nguyen Hue Street was busy all evening.", "Nguyen Hue Street"),
    ],
)
def test_not_a_person(body, not_person):
    assert not_person not in people(body)


# --- organizations -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "org"),
    [
        # The outlet of an upper-case byline.
        (
            "Rates rise again\n\nMIRAKO TESSUDA, Harbor Ledger staff writer\n\n"
            "OSAKA -- The bank raised rates on Friday.",
            "Harbor Ledger",
        ),
        # A common word naming a board inside the sentence.
        ("The decision by the seven-member Policy Board was 6-1.", "Policy Board"),
        # A school, a school district.
        (
            "Parents at Bellweather Elementary marched on Monday.",
            "Bellweather Elementary",
        ),
        (
            "Talks between the union and the Quarrytown Unified School District failed.",
            "Quarrytown Unified School District",
        ),
        # A building's street is not part of its name.
        (
            "At Quarrytown Technical High School on Larkmoor, teachers chanted.",
            "Quarrytown Technical High School",
        ),
        # "his job at": an employer.
        (
            "He took the week off from his job at the Port of Vellmar.",
            "Port of Vellmar",
        ),
        # An apposition with a possessive before its noun; "lobby" names a body.
        (
            "Tessendrek, the country's biggest business lobby, said it was glad.",
            "Tessendrek",
        ),
        # A partnership's names: commas, then "&".
        (
            "She hired the firm Dravik, Van Osten & Pelleray for the case.",
            "Dravik, Van Osten & Pelleray",
        ),
    ],
)
def test_organization_found(body, org):
    assert org in organizations(body)


@pytest.mark.parametrize(
    ("body", "not_org"),
    [
        # A portfolio before a minister's title is no organization.
        (
            "A spokesperson for Coastal Services Minister Vera Dallin said no.",
            "Coastal Services",
        ),
        (
            "Flood Management Commissioner Rolf Arnett said he agreed.",
            "Flood Management",
        ),
        # A sentence opener before "Board" is not its name.
        ("Many Board members left early.", "Many Board"),
        # A test named by an acronym is no body.
        ("Students sat AP exams and SAT tests in May.", "AP"),
        # Without "exams" the agency is still found.
        ("The AP reported the vote first.", "Associated Press"),
        # Lists of people or places joined by "&" are no firm.
        ("They visited Paris, London & Rome.", "Paris, London & Rome"),
        ("He met Tom, Dick & Harry.", "Tom, Dick & Harry"),
    ],
)
def test_not_an_organization(body, not_org):
    assert not_org not in organizations(body)


def test_portfolio_keeps_an_acronym_organization():
    assert "Federal Bureau of Investigation" in organizations(
        "FBI Director Kash Patel said it was closed."
    ) or "FBI" in organizations("FBI Director Kash Patel said it was closed.")


def test_building_split_keeps_a_council_on_a_topic():
    assert "Council on Trade Relations" in organizations(
        "The Council on Trade Relations said it would study it."
    )


def test_outlet_after_told_the():
    assert "Observer" in organizations("He told the Observer that it was over.")


def test_lone_parliament_is_the_chamber():
    assert "Parliament" in organizations(
        "The party would ask Parliament’s energy committee to summon him."
    )
    # Opening a sentence or after "the", the word may refer to a longer name.
    assert "Parliament" not in organizations("Parliament voted on it.")
    assert "Parliament" not in organizations(
        "The Vellmar Parliament met, and the Parliament voted."
    )


# --- linking -------------------------------------------------------------------------
def test_acronym_with_of_merges_with_long_name():
    body = "BOV lifts rates\n\nVALLETTA -- The Bank of Vellmar raised rates. The BOV said so."
    orgs = organizations(body)
    assert "Bank of Vellmar" in orgs
    assert "BOV" not in orgs


def test_acronym_without_matching_long_name_stays():
    body = "The DOV said so. The Bank of Vellmar disagreed."
    assert "DOV" in organizations(body)
