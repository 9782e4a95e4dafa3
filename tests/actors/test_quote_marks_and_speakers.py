"""Straight single quotation marks, repeated titles and speaker rules (made-up text)."""

from actors.extraction import extract
from actors.quotes import find_quotes


def _quotes(body: str) -> list[str]:
    return [body[s.start : s.end] for s in find_quotes(body) if not s.is_title]


def _speakers(body: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in extract(body).quotes}


def test_straight_single_quotes_in_an_article_without_double_marks():
    body = (
        "Jane Roe said she had made 'a grave mistake' but had 'never lied'.\n\n"
        "'We will appeal,' Ms Roe said."
    )
    assert _quotes(body) == ["a grave mistake", "never lied", "We will appeal,"]


def test_apostrophes_are_not_quotes():
    body = (
        "Tom Hart's band played rock 'n' roll in the '90s, and the Joneses' dog "
        "didn't mind. The members' fees rose. 'Tis the season, said nobody."
    )
    assert _quotes(body) == []


def test_apostrophe_inside_a_single_quote():
    body = "Jane Roe called it 'the council's worst decision' on Monday."
    assert _quotes(body) == ["the council's worst decision"]


def test_straight_single_quotes_stay_nested_in_double_quotes():
    body = "\"Mum told me, 'Don't fuss,' and I listened,\" Jane Roe said."
    assert _quotes(body) == ["Mum told me, 'Don't fuss,' and I listened,"]


def test_straight_single_quotes_ignored_beside_double_marks():
    body = "Jane Roe said \"yes\" to the 'new deal' on Monday."
    assert _quotes(body) == ["yes"]


def test_single_quote_continued_over_paragraphs():
    body = (
        "In the letter, Tom Hart wrote: 'I tried my best.\n\n"
        "'I am sorry to my colleagues.'"
    )
    spans = find_quotes(body)
    assert [body[s.start : s.end] for s in spans] == [
        "I tried my best.",
        "I am sorry to my colleagues.",
    ]
    assert spans[0].close_mark == -1 and spans[1].continued
    assert set(_speakers(body).values()) == {"Tom Hart"}


def test_title_in_single_quotes_is_a_title():
    body = "Her novel 'The Long Road' sold well, Jane Roe said."
    assert _quotes(body) == []


def test_a_title_named_once_is_a_title_again():
    body = (
        "Her first novel, “Dry Season,” sold modestly.\n\n"
        "She is now writing an adaptation of “Dry Season,” her agent said."
    )
    assert _quotes(body) == []


def test_a_quoted_phrase_not_named_as_a_title_stays_a_quote():
    body = "Jane Roe said “never again.” Tom Hart said “never again” too."
    assert _quotes(body) == ["never again.", "never again"]


def test_a_name_ending_in_to_before_a_verb():
    body = "“We disagree,” Marco Pinto wrote. “It is wrong,” he added."
    assert _speakers(body) == {
        "We disagree,": "Marco Pinto",
        "It is wrong,": "Marco Pinto",
    }


def test_too_early_to_tell_is_not_a_speech_verb():
    body = "Jane Roe said it was too early to tell. “We wait,” she said."
    assert _speakers(body) == {"We wait,": "Jane Roe"}


def test_a_lowercase_role_in_apposition_does_not_speak():
    body = (
        "Tom Hart, executive director of the Harbor Research Institute (HRI), "
        "warned that “every day counts” for the port."
    )
    assert _speakers(body) == {"every day counts": "Tom Hart"}


def test_an_indefinite_role_is_nobody():
    body = (
        "Jane Roe resigned on Monday.\n\n"
        "One Harbor Party backbencher told reporters: 'She had no choice.'"
    )
    assert _speakers(body) == {"She had no choice.": None}


def test_an_indefinite_pronoun_is_nobody():
    body = (
        "Harbor Party members are tired of what one described as 'drip, drip, drip' "
        "stories about Jane Roe."
    )
    assert _speakers(body) == {"drip, drip, drip": None}


def test_a_definite_document_is_not_an_indefinite_role():
    body = "A Harbor Institute report said the port was “at risk.”"
    assert _speakers(body) == {"at risk.": "Harbor Institute"}


def test_the_unnamed_spokesman_after_a_name_in_an_intro_clause():
    body = (
        "Jane Roe said the plan was sound.\n\n"
        "A Harbor Institute spokesman said the board had met.\n\n"
        "Asked whether Tom Hart had resigned, the spokesman said: “He has not.”"
    )
    assert _speakers(body) == {"He has not.": None}


def test_the_spokesman_named_as_a_subject_since_is_named():
    body = (
        "A Harbor Institute spokesman declined to comment on Monday.\n\n"
        "Tom Hart, the spokesman, met reporters on Tuesday.\n\n"
        "“We are fine,” the spokesman said."
    )
    assert _speakers(body) == {"We are fine,": "Tom Hart"}


def test_the_subject_of_reported_speech_just_before_is_he():
    body = (
        "“We agreed,” Tom Hart said.\n\n"
        "The council met on Monday. The mayor's office said it was closed. "
        "The board said Mr Lee played no part.\n\n"
        "In a letter, he wrote: “I had no role.”"
    )
    assert "Lee" in (_speakers(body)["I had no role."] or "")


def test_an_object_just_before_does_not_beat_the_speaker():
    body = (
        "Jane Roe praised Ann Lee in a video.\n\n"
        "The commentator met with Mary Poe on Monday.\n\n"
        "“She is the first,” she said."
    )
    assert _speakers(body) == {"She is the first,": "Jane Roe"}


def test_an_unresolved_name_before_the_verb_is_not_the_sentence_subject():
    body = (
        "The Harbor Institute said that the price was fair, a figure Zorbex called "
        "“outdated” in its reply."
    )
    assert _speakers(body) == {"outdated": None}


def test_profile_she_says_long_after_the_name():
    body = (
        "“I was a bad lawyer,” Jane Roe says.\n\n"
        "The film took six years. The crew went to Lagos. The budget was small. "
        "The weather was bad. The goat was calm. The city was loud.\n\n"
        "“It was hard,” she says."
    )
    assert _speakers(body)["It was hard,"] == "Jane Roe"
