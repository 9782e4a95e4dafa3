"""The broad first-name lexicon (gender-guesser's dictionary) and the person cues beside it.

Every sentence is made up for the test (invented surnames); each rule has positive
cases and cases that must not become people.
"""

import pytest

from actors import names as lex
from actors.extraction import extract
from tests.actors.extracted import people

# --- the lexicon itself ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "gender"),
    [("Dagny", "f"), ("Zuzana", "f"), ("Oskar", "m"), ("Teodor", "m")],
)
def test_dictionary_first_names_have_a_gender(name, gender):
    assert lex.lexicon_first_name(name)
    assert lex.first_name_gender(name) == gender
    assert lex.gender_of([name, "Voskuijlen"], "") == gender


@pytest.mark.parametrize(
    "word",
    # months, places, openers, titles, nationalities, organization heads, particles
    ["April", "May", "Paris", "London", "Monday", "Chairman", "Brazilian", "Park"]
    + ["Church", "El", "Van", "Will"],
)
def test_words_the_lists_know_are_never_dictionary_first_names(word):
    assert not lex.lexicon_first_name(word)


def test_the_hand_written_list_stays_authoritative():
    # "Georgia" is in the hand-written list: the dictionary neither adds nor overrides it.
    assert "Georgia" in lex.FIRST_NAMES
    assert not lex.lexicon_first_name("Georgia")
    assert lex.first_name_gender("Helen") == "f"


# --- recognition ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Dagny Voskuijlen opened the new wing on Friday.", "Dagny Voskuijlen"),
        # hyphenated and diacritic surnames
        ("Oskar Brellin-Adeyemi scored twice.", "Oskar Brellin-Adeyemi"),
        ("Teodor Vranješić had 12 rebounds.", "Teodor Vranješić"),
    ],
)
def test_a_dictionary_first_name_opens_a_person(body, name):
    assert people(body) == {name}


@pytest.mark.parametrize(
    "body",
    [
        # the text uses the name as a lowercase word: context must decide
        "Sunny Meadows was closed. The weather stayed sunny all week.",
        # where a place or a thing goes
        "He spent two days at Royal Ascot in June.",
        "Farmers cleared land under Brazil’s Forest Code last year.",
        "The Booker Prize jury met on Monday.",
        # a surname that is a lowercase word of the text
        "Forest Code rules were loosened, and the code was rewritten.",
    ],
)
def test_a_dictionary_first_name_alone_does_not_make_these_people(body):
    assert people(body) == set()


def test_dictionary_gender_drives_pronouns():
    body = "Zuzana Kellbrook and Oskar Dremmel met in Brno. “We agreed on nothing,” she said."
    (quote,) = extract(body).quotes
    assert quote.speaker == "Zuzana Kellbrook"


# --- person cues where no list helps ---------------------------------------------------


def test_a_plural_title_heads_a_list_of_people():
    body = "In a dissent joined by Justices Marta Quellin and Brett Osterhage, the court split."
    assert people(body) == {"Marta Quellin", "Brett Osterhage"}


def test_particles_do_not_lengthen_a_titled_name():
    body = (
        "President Luiz Felipe Arantes da Rocha said on Monday that talks would go on."
    )
    assert people(body) == {"Luiz Felipe Arantes da Rocha"}


def test_a_first_name_and_a_place_word_with_a_person_cue():
    body = (
        "The reserves, the city’s finance director, Helen Park, said, are running low."
    )
    assert people(body) == {"Helen Park"}
    assert people("Helen Park reopened its playground after the storm.") == set()


def test_a_sentence_opening_pair_whose_surname_later_has_a_person_cue():
    body = (
        "Ifeoma Chukwuebuka has spent three years on a film about salt.\n\n"
        "Chukwuebuka, 46, is less sure of what she has made."
    )
    assert people(body) == {"Ifeoma Chukwuebuka"}
    # no person's cue later: a capitalised opening pair stays unknown
    body = "Granite Lantern has spent three years on a film. Lantern shares rose."
    assert people(body) == set()
