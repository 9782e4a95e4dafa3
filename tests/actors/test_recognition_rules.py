"""General recognition cues for people and organizations on unseen news text.

Every sentence is made up for the test (invented names and companies); each rule has
positive cases and cases that must not change.
"""

import pytest

from tests.actors.extracted import kinds, organizations, people


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Power from Varnel Energy was cut on Friday.", "Varnel Energy"),
        (
            "Analysts at Quorvik Capital Markets cut their forecast.",
            "Quorvik Capital Markets",
        ),
        (
            "The Brindle Division of Water Safety issued a warning.",
            "Brindle Division of Water Safety",
        ),
        ("Ossington United won again.", "Ossington United"),
        ("Staff at the Lindqvist Institutet were told.", "Lindqvist Institutet"),
        ("She studied at the Orvale College London campus.", "Orvale College London"),
        ("He joined Bramble’s College Dublin in May.", "Bramble’s College Dublin"),
        ("The Assembly of Delegates voted on Monday.", "Assembly of Delegates"),
        ("The House of Delegates voted on Monday.", "House of Delegates"),
    ],
)
def test_organization_heads(body, name):
    assert name in organizations(body)


@pytest.mark.parametrize(
    ("body", "org", "person"),
    [
        (
            "“Prices will fall,” said Tamsin Orrel, senior vice-president at Quandry. "
            "Orrel expects a cut.",
            "Quandry",
            "Tamsin Orrel",
        ),
        (
            "Tamsin Orrel of Brackley Economics said rates would fall.",
            "Brackley Economics",
            "Tamsin Orrel",
        ),
        (
            "Halvard Quist, an officer with Ferncliff Rescue, said the road was shut.",
            "Ferncliff Rescue",
            "Halvard Quist",
        ),
    ],
)
def test_a_role_at_an_organization(body, org, person):
    found = kinds(body)
    assert found.get(org) == "organization"
    assert found.get(person) == "person"


@pytest.mark.parametrize(
    ("body", "org"),
    [
        ("Zentrix said in a statement that output was cut.", "Zentrix"),
        ("Zentrix did not respond to requests for comment.", "Zentrix"),
        ("Flurb, the Oslo-based app maker, raised money.", "Flurb"),
        ("Vantro Rescue, the provincial agency, issued a warning.", "Vantro Rescue"),
        ("The Glint wrote that the phone was too loud.", "Glint"),
        ("Drave Research counts sales. An analyst at Drave said so.", "Drave Research"),
    ],
)
def test_statements_appositions_and_the(body, org):
    assert org in organizations(body)


@pytest.mark.parametrize(
    "body",
    [
        # A surname already named in full stays the person's.
        "Maria Quill runs the shop. Quill said in a statement that it would close.",
        # Descriptions after "the" are not names.
        "“It is a mess,” the Oregon Democrat said.",
        "“We defended well,” the Norwegian said.",
        # A modifier or the start of a longer name is not the organization.
        "Forty workers at the Tarrow plant lost their jobs.",
        "She is a lecturer at Britain’s Institute of Design.",
    ],
)
def test_org_cues_that_must_not_fire(body):
    assert not organizations(body) - {"Institute of Design"}
    assert "Tarrow" not in kinds(body)


def test_a_title_before_a_name_of_an_organization_is_split_off():
    found = kinds("Sen. Tim Roe of Brackley Economics said so.")
    assert found.get("Tim Roe") == "person"
    assert found.get("Brackley Economics") == "organization"


def test_a_known_person_is_not_made_an_organization():
    assert people(
        "Maria Quill runs the shop. Quill said in a statement it would close."
    ) == {"Maria Quill"}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("FEMA Administrator Jolene Farrow visited the site.", "Jolene Farrow"),
        ("Referee Colm Brady waved play on.", "Colm Brady"),
        ("Born Maude Ellen Tarrant in 1950, she sang.", "Maude Ellen Tarrant"),
        ("Jan Michael van Oosten scored twice.", "Jan Michael van Oosten"),
        ("She came with her partner, Odile Varsk, and her son.", "Odile Varsk"),
        ("The envoy for Chad, Ousmane Traly, will travel.", "Ousmane Traly"),
    ],
)
def test_titles_openers_particles_and_asides(body, name):
    assert name in people(body)


def test_reporting_credits_are_people():
    body = (
        "The fire grew overnight.\n(Reporting by Orla Venn in Oslo and Tiago Brum in "
        "Lisbon; Editing by Kai Lund and Ines Maro)"
    )
    assert {"Orla Venn", "Tiago Brum", "Kai Lund", "Ines Maro"} <= people(body)


def test_a_line_up_lists_players():
    body = (
        "Tavi Ostrom opened the scoring.\n\n"
        "Rovers: Pell; Dorn, Quist, Marr, Holt; Fenn, Ostrom, Kade (Lusk 70); Brill.\n"
    )
    assert {"Tavi Ostrom", "Pell", "Dorn", "Lusk", "Brill"} <= people(body)
    assert "Rovers" not in people(body)


def test_a_line_with_a_colon_is_not_a_line_up():
    body = "Note: the council met on Monday; it said nothing, and Orm Dale left.\n"
    assert "Orm" not in kinds(body)


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        ("VELMOOR, Fla. — Residents returned home.", "VELMOOR"),
        ("ST. KALDEN, Norway, Nov 12 (Reuters) - Talks failed.", "ST"),
        ("Results came at 8.40pm AEST on Saturday.", "AEST"),
        ("The government in Port Kalla, he said, would help.", "Port Kalla"),
        ("Fans sang at St Edwin’ Park. St Edwin’s Park was full.", "St Edwin"),
    ],
)
def test_datelines_time_zones_and_places_are_not_actors(body, absent):
    found = kinds(body)
    assert found.get(absent) not in ("person", "organization")


def test_a_dateline_rule_keeps_an_organization_opening_a_paragraph():
    assert "NATO" in organizations("NATO (the alliance) said it would meet - soon.")


def test_an_acronym_names_the_parent_not_its_council():
    body = "The U.N. Security Council met. U.N. officials said aid was stuck."
    assert {"U.N.", "U.N. Security Council"} <= organizations(body)


def test_a_branch_named_after_its_place():
    assert "Iowa" not in organizations(
        "The ACLU of Iowa said in a statement it would sue."
    )


@pytest.mark.parametrize(
    ("body", "org"),
    [
        ("Buyers stuck with Google and Zentrix this year.", "Zentrix"),
        ("Brackley Holdings and Zentrix both cut jobs.", "Zentrix"),
    ],
)
def test_a_name_coordinated_with_an_organization(body, org):
    assert org in organizations(body)


def test_a_person_coordinated_with_an_organization_stays_a_person():
    body = "Maria Quill left Google in May. Quill and Google settled the case."
    assert kinds(body) == {"Maria Quill": "person", "Google": "organization"}
