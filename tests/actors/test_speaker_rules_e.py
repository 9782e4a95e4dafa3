"""Quote and speaker rules from the fifth held-out set (made-up sentences only)."""

import pytest

from actors.extraction import extract

HEAD = "Headline here\n\n"


def pairs(body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract(HEAD + body).quotes]


def texts(body: str) -> list[str]:
    return [q.text for q in extract(HEAD + body).quotes]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A work named in the passive is a title, not a quote.
        (
            'Ann Lee showed in Paris. The collection was called "Rainy season," '
            'and it sold. "It was risky," Lee said.',
            ["It was risky,"],
        ),
        # Negative: a lowercase judgement in the passive stays a quote.
        (
            'Ann Lee showed in Paris. Her show was called "a triumph" by critics. '
            '"It was risky," Lee said.',
            ["a triumph", "It was risky,"],
        ),
        # A nickname between a first name and a surname is no quote.
        (
            'Joaquin "El Chapo" Guzman was jailed. "It is over," Ann Lee said.',
            ["It is over,"],
        ),
        # Negative: a one-word quote before a day stays a quote.
        ('Ann Lee said "Never" Monday, and Bo Diaz agreed.', ["Never"]),
    ],
)
def test_titles_and_nicknames(body, expected):
    assert texts(body) == expected


def test_demonym_noun_names_the_person_in_focus():
    body = (
        'Jo Kerr finished third. Kerr was blunt. "He was better," the Scot said.\n\n'
        'Anna Berg won the vault. "The bar was there," said the Swede, who won twice.'
    )
    assert [s for _, s in pairs(body)] == ["Jo Kerr", "Anna Berg"]


def test_demonym_noun_never_becomes_a_speaker_of_its_own():
    # Nobody named before: no speaker rather than the word "Scot".
    assert [s for _, s in pairs('"He was better," the Scot said.')] == [None]


@pytest.mark.parametrize("verb", ["repeats", "repeated", "echoed"])
def test_repeat_reports_speech(verb):
    body = f'Anna Kowalski runs a bakery. "Boring," she {verb}. "Boring pays."'
    assert [s for _, s in pairs(body)] == ["Anna Kowalski", "Anna Kowalski"]


def test_repeat_before_a_that_clause_is_not_a_speaker_verb_after_it():
    body = 'Tom Wu repeated the claim that the vote was "rigged" on Monday.'
    assert [s for _, s in pairs(body)] == ["Tom Wu"]


def test_as_the_president_said_names_the_source():
    body = (
        "President Tom Baker spoke in June.\n\n"
        "Sen. Ann Lee of Ohio asked Jo Kim directly whether she agreed that the "
        'agency should be "phased out" this year, as the president said in June.\n\n'
        '"Senator, I believe the plan works."\n\n'
        '"That is not what I asked," Lee said.\n\n'
        '"I do not agree with it. No."'
    )
    assert [s for _, s in pairs(body)] == [
        "Tom Baker",
        "Jo Kim",  # the addressee answers ...
        "Ann Lee",
        "Jo Kim",  # ... and answers again after the asker's rejoinder
    ]


def test_as_clause_after_another_verb_is_not_the_source():
    body = '"We will win," Jo Kim said, as Ann Lee said nothing.'
    assert [s for _, s in pairs(body)] == ["Jo Kim"]


def test_without_an_addressed_turn_bare_quotes_do_not_alternate():
    body = (
        "Ann Lee spoke at the hall on Monday about the budget.\n\n"
        '"We will cut taxes," Lee said.\n\n'
        '"That is a lie," Jo Kim said.\n\n'
        '"And we will not stop."'
    )
    assert [s for _, s in pairs(body)][-1] == "Jo Kim"


def test_unnamed_relative_is_nobody_named():
    body = (
        "Bo Diaz left his job in 2021 with a plan his father described, he "
        'recalls, as "a fine way to go broke."\n\n'
        '"Eat your soup," her mother said.'
    )
    assert [s for _, s in pairs(body)] == [None, None]


def test_relative_named_in_apposition_is_that_person():
    body = 'Her husband, the designer Tom Echo, says the book took "four rewrites."'
    assert [s for _, s in pairs(body)] == ["Tom Echo"]


def test_company_short_name_is_the_company():
    body = (
        "Acme Motors reported a profit on Monday. The Liberal Party lost.\n\n"
        'In the filing, Acme described the subsidies as "recurring in nature". '
        'It was a figure Acme called "outdated". '
        'One senior Liberal said it was "a car crash".'
    )
    assert [s for _, s in pairs(body)] == ["Acme Motors", "Acme Motors", None]


def test_lede_nominee_is_named_in_the_next_paragraph_not_the_agency():
    body = (
        "WASHINGTON (AP) — President Tom Baker's pick to lead the Federal Emergency "
        "Management Agency told senators Tuesday that she would not "
        '"preside over the dismantling" of the agency.\n\n'
        "Jo Kim, a former state director, faced hours of questions."
    )
    assert [s for _, s in pairs(body)] == ["Jo Kim"]


def test_agency_itself_still_speaks():
    body = (
        "The Federal Emergency Management Agency opened an office.\n\n"
        'The agency said it was "ready" for the storm season.'
    )
    assert [s for _, s in pairs(body)] == ["Federal Emergency Management Agency"]


def test_verbless_lead_in_continues_the_turn():
    body = (
        "Ann Lee runs a label in Paris. Would she sell?\n\n"
        'She laughs. "Ask me again when someone offers to buy the rain."\n\n'
        'Then, more seriously: "I am not against money."'
    )
    assert [s for _, s in pairs(body)] == ["Ann Lee", "Ann Lee"]


def test_lead_in_followed_by_narration_is_not_a_turn():
    body = (
        'Ann Lee runs a label in Paris. "It is fine," she says.\n\n'
        'Then, the forecast: "Rain all week." Nobody cared.'
    )
    assert [s for _, s in pairs(body)] == ["Ann Lee", None]
