"""Quote and speaker rules from the sixth held-out set (made-up sentences only)."""

import pytest

from tests.actors.extracted import pairs, texts

HEAD = "Headline here\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A nickname given "known to his friends as" is not a quote.
        (
            "Paul Nolan, known to his friends as ‘Nolly’, scored twice. "
            "‘We were sharp,’ Nolan said.",
            ["We were sharp,"],
        ),
        (
            'Paul Nolan, known among fans as "The Hammer", scored twice. '
            '"We were sharp," Nolan said.',
            ["We were sharp,"],
        ),
        # Negative: words after "known" without "as" stay a quote.
        (
            'Paul Nolan said it was well known that the club was "in a hole" '
            "financially.",
            ["in a hole"],
        ),
    ],
)
def test_known_to_someone_as_is_a_nickname(body, expected):
    assert texts(HEAD + body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Words displayed on signs are quoted words, not a title.
        (
            'Nurses marched past the hospital carrying signs reading "Safe Staffing '
            'Now" as traffic slowed. Union leader Mary Kent said the march was big.',
            ["Safe Staffing Now"],
        ),
        # Negative: a capitalised title after "the film" is still a title.
        (
            'Critics praised the film "Long Road Home" this week. Mary Kent said it '
            "was moving.",
            [],
        ),
    ],
)
def test_sign_reading_is_quoted(body, expected):
    assert texts(HEAD + body) == expected


def test_headline_straight_single_quote_is_read_and_attributed():
    text = (
        "Miners felt 'left in the dark' as pit closed early\n\n"
        "By Ann Reporter\n\n"
        'Tom Baker, a miner for 20 years, spoke at the hearing. "We were left in '
        'the dark. Nobody told us anything," Baker said.'
    )
    assert pairs(text)[0] == ("left in the dark", "Tom Baker")


def test_headline_apostrophes_are_not_quotes():
    # Negative: apostrophes in a headline ("Jones' car", "'90s") open no quote.
    text = (
        "Jones' car and the '90s revival dominate the motor show\n\n"
        'Tom Baker said the show was busy. "It was packed," Baker said.'
    )
    assert texts(text) == ["It was packed,"]


def test_straight_single_marks_in_body_paragraph_still_ignored():
    # Negative: only the headline reads straight single marks when doubles are used.
    text = (
        "Headline here\n\n"
        "Tom Baker called it 'a mess' at the time. "
        '"We were left in the dark," Baker said.'
    )
    assert texts(text) == ["We were left in the dark,"]


def test_headline_phrase_said_by_nobody_below_is_dropped():
    # Negative: a headline phrase nobody repeats below gets no speaker (a scare quote).
    text = (
        "Town hit by 'perfect storm' of rising costs\n\n"
        'Tom Baker runs the bakery. "Flour doubled in price," Baker said.'
    )
    assert pairs(text) == [("Flour doubled in price,", "Tom Baker")]


def test_position_noun_names_the_player_in_focus():
    text = HEAD + (
        "Leinster beat Munster 24-10. Munster captain Peter Walsh, who limped off late, "
        "said the defeat hurt.\n\n"
        '"We gave away too many penalties," the flanker said.'
    )
    assert pairs(text) == [("We gave away too many penalties,", "Peter Walsh")]


def test_unknown_lowercase_noun_is_still_nobody():
    # Negative: a noun that is neither a role nor a position names nobody.
    text = HEAD + (
        "Munster captain Peter Walsh said the defeat hurt.\n\n"
        '"We gave away too many penalties," the scoreboard said.'
    )
    assert pairs(text) == [("We gave away too many penalties,", None)]
