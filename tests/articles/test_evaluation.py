"""The scoring maths of articles.evaluation, on tiny made-up examples (no database)."""

import hashlib
import json
import re
from types import SimpleNamespace

import pytest

from articles import evaluation as ev
from articles.evaluation import Counts, Entity, Quote

# ------------------------------------------------------------------ normalising


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Kremlin", "kremlin"),
        ("the Russian government", "Russian Government"),
        ("Volodymyr Zelénskiy", "Volodymyr Zelenskiy"),
        ("U.S. Department of Justice", "US Department of Justice"),
        ("Mr. O’Neill", "O'Neill"),
        ("Ms Clinton", "Clinton"),
        ("  Donald   Trump ", "donald trump"),
    ],
)
def test_names_that_normalise_equal(a, b):
    assert ev.normalise_name(a) == ev.normalise_name(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Donald Trump Jr.", "Donald Trump"),
        ("Theodore Roosevelt", "Roosevelt"),
        ("Then", "The"),  # only a whole leading "the" word goes
        ("NATO", "NATO allies"),
    ],
)
def test_names_that_stay_different(a, b):
    assert ev.normalise_name(a) != ev.normalise_name(b)


def test_quote_normalisation_collapses_whitespace_and_unifies_marks():
    assert ev.normalise_quote(" It’s\u00a0a  “test”\n") == 'It\'s a "test"'


# ----------------------------------------------------------------------- counts


def test_precision_recall_f1():
    c = Counts(tp=3, fp=1, fn=2)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_counts_edge_cases():
    assert Counts().f1 == 1.0  # nothing to find, nothing claimed
    assert Counts(fn=4).precision == 0.0
    assert Counts(fn=4).f1 == 0.0
    assert Counts(fp=2).recall == 0.0
    assert Counts(tp=1).f1 == 1.0


def test_micro_average_sums_counts_before_dividing():
    file_a = ev.FileResult("a", {"people": ev.Score(Counts(tp=1, fp=0, fn=0))})
    file_b = ev.FileResult("b", {"people": ev.Score(Counts(tp=1, fp=2, fn=7))})
    total = ev.Report([file_a, file_b]).total("people")
    assert (total.tp, total.fp, total.fn) == (2, 2, 7)
    assert total.precision == pytest.approx(0.5)  # not the mean of 1.0 and 1/3
    assert total.recall == pytest.approx(2 / 9)


# --------------------------------------------------------------------- entities

PEOPLE = (
    Entity("Ada Mae Lovelace", person=True),
    Entity("Grace Hopper", ("Amazing Grace",), person=True),
    Entity("Alan Turing Jr.", person=True),
)


def test_exact_alias_and_middle_name_matches():
    s = ev.score_entities(PEOPLE, ["Ada Lovelace", "amazing grace", "Alan Turing Jr"])
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (3, 0, 0)


def test_suffix_matters_and_surname_alone_does_not_match():
    s = ev.score_entities(PEOPLE, ["Alan Turing", "Lovelace"])
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (0, 2, 3)
    assert sorted(s.spurious) == ["Alan Turing", "Lovelace"]
    assert s.missed == ["Ada Mae Lovelace", "Grace Hopper", "Alan Turing Jr."]


def test_second_name_for_one_entity_is_a_false_positive():
    s = ev.score_entities(PEOPLE, ["Grace Hopper", "Amazing Grace", "grace hopper"])
    # Case variants collapse; two distinct names for one person are one too many.
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (1, 1, 2)


def test_exact_match_wins_over_loose_match():
    gold = (
        Entity("John Smith", person=True),
        Entity("John Quincy Smith", person=True),
    )
    s = ev.score_entities(gold, ["John Quincy Smith", "John Smith"])
    assert s.counts.tp == 2


def test_organizations_never_match_loosely():
    orgs = (Entity("Bank of Nowhere"), Entity("Kremlin"))
    s = ev.score_entities(orgs, ["Bank Nowhere", "the Kremlin"])
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (1, 1, 1)


# ----------------------------------------------------------------------- quotes


def test_quote_spans_are_a_multiset():
    gold = [Quote("Yes."), Quote("Yes."), Quote("No way")]
    predicted = [Quote("Yes."), Quote(" No  way "), Quote("Maybe")]
    s = ev.score_quotes(gold, predicted)
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (2, 1, 1)
    assert s.missed == ["Yes."]
    assert s.spurious == ["Maybe"]


def test_quote_text_must_be_exact_apart_from_whitespace():
    s = ev.score_quotes([Quote("We will win.")], [Quote("We will win")])
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (0, 1, 1)


ENTITIES = (
    Entity("Ada Mae Lovelace", person=True),
    Entity("Grace Hopper", person=True),
    Entity("Analytical Society", ("Society",)),
)


def test_speaker_pairs():
    gold = [
        Quote("one", "Ada Mae Lovelace"),
        Quote("two", "Analytical Society"),
        Quote("three", None),
        Quote("four", None),
        Quote("five", "Grace Hopper"),
    ]
    predicted = [
        Quote("one", "Ada Lovelace"),  # loose person match: correct
        Quote("two", "the Society"),  # alias: correct
        Quote("three", None),  # null predicted for null gold: correct
        Quote("four", "Grace Hopper"),  # a speaker where the text names none: wrong
        Quote("six", "Grace Hopper"),  # a spurious quote
        # "five" is missed entirely
    ]
    s = ev.score_speakers(gold, predicted, ENTITIES)
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (3, 2, 2)
    assert s.counts.precision == pytest.approx(3 / 5)
    assert s.counts.recall == pytest.approx(3 / 5)
    correct, matched = ev.speaker_accuracy_counts(gold, predicted, ENTITIES)
    assert (correct, matched) == (3, 4)


def test_null_predicted_for_a_named_speaker_is_wrong():
    s = ev.score_speakers([Quote("x", "Grace Hopper")], [Quote("x", None)], ENTITIES)
    assert (s.counts.tp, s.counts.fp, s.counts.fn) == (0, 1, 1)


def test_unknown_or_ambiguous_speaker_names_never_match():
    assert ev.resolve_speaker("Charles Babbage", ENTITIES).startswith("\x00")
    both = (Entity("Ann Lee Smith", person=True), Entity("Ann Bo Smith", person=True))
    assert ev.resolve_speaker("Ann Smith", both).startswith("\x00")
    assert ev.resolve_speaker("Ann Lee Smith", both) == "Ann Lee Smith"
    assert ev.resolve_speaker("  ", both) is None


# -------------------------------------------------------------------- gold data

TEXT = 'Ada Lovelace said, "Numbers can weave." The Society agreed: "true".\n'


def _gold(**changes):
    start = TEXT.index("Numbers")
    end = start + len("Numbers can weave.")
    quote = {
        "start": start,
        "end": end,
        "sha1": hashlib.sha1(TEXT[start:end].encode()).hexdigest(),
        "speaker": "Ada Lovelace",
    }
    data = {
        "file": "x.txt",
        "people": ["Ada Lovelace"],
        "organizations": ["Analytical Society"],
        "aliases": {"Analytical Society": ["Society"]},
        "quotes": [quote],
    }
    quote.update(changes.pop("quote", {}))
    data.update(changes)
    return data


def test_parse_gold_recovers_text_from_offsets():
    doc = ev.parse_gold(_gold(), TEXT)
    assert doc.quotes == (Quote("Numbers can weave.", "Ada Lovelace"),)
    assert doc.people[0].person and not doc.organizations[0].person
    assert doc.organizations[0].accepts("the society")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"quote": {"sha1": "0" * 40}}, "sha1"),
        ({"quote": {"end": 10_000}}, "out of range"),
        ({"quote": {"speaker": "Charles Babbage"}}, "not a listed actor"),
        ({"people": None}, "malformed"),
    ],
)
def test_parse_gold_rejects_bad_data(changes, message):
    with pytest.raises(ev.GoldError, match=message):
        ev.parse_gold(_gold(**changes), TEXT)


def test_read_text_drops_bom_and_crlf(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffOne\r\n\r\nTwo “x”\r\n".encode())
    assert ev.read_text(path) == "One\n\nTwo “x”\n"


def test_minimal_body_drops_the_trailer_and_related_line():
    text = (
        "\ufeffFirst paragraph.\r\n\r\nSecond.\nCheck out this related article: Other"
        "\nThird.\nSource linkNews,Politics\n"
    )
    assert ev.minimal_body(text) == "First paragraph.\n\nSecond.\n\nThird."
    assert ev.minimal_body("Only.\n\nPlain.\n") == "Only.\n\nPlain."


# ---------------------------------------------------------------- pipeline glue


def _extraction():
    actor = SimpleNamespace
    return SimpleNamespace(
        actors=(
            actor(name="Ada Lovelace", kind="person"),
            actor(name="Analytical Society", kind="organization"),
            actor(name="London", kind="place"),
            actor(name="Mathematicians", kind="group"),
        ),
        quotes=(
            SimpleNamespace(text="Numbers can weave.", speaker="Ada Lovelace"),
            SimpleNamespace(text="true", speaker=SimpleNamespace(name="Society")),
        ),
    )


def test_prediction_keeps_people_and_organizations_only():
    p = ev.prediction_from_extraction(_extraction())
    assert p.people == ("Ada Lovelace",)
    assert p.organizations == ("Analytical Society",)
    assert p.quotes == (
        Quote("Numbers can weave.", "Ada Lovelace"),
        Quote("true", "Society"),
    )


def test_evaluate_end_to_end_with_a_fake_extractor(tmp_path):
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    gold_path = tmp_path / "x.json"
    data = _gold()
    start = TEXT.index("true")
    data["quotes"].append(
        {
            "start": start,
            "end": start + 4,
            "sha1": hashlib.sha1(b"true").hexdigest(),
            "speaker": "Analytical Society",
        }
    )
    gold_path.write_text(json.dumps(data), encoding="utf-8")
    seen = []

    def fake_extract(body):
        seen.append(body)
        return _extraction()

    report = ev.evaluate([ev.load_gold(gold_path, tmp_path)], fake_extract)
    assert seen and "Numbers can weave." in seen[0]
    assert report.f1() == {
        "quotes": 1.0,
        "speakers": 1.0,
        "people": 1.0,
        "organizations": 1.0,
    }
    assert report.failures() == {}
    assert report.speaker_accuracy == 1.0
    table = ev.format_report(report)
    for category in ev.CATEGORIES:
        assert category in table


def test_report_lists_errors_when_verbose(tmp_path):
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    gold_path = tmp_path / "x.json"
    gold_path.write_text(json.dumps(_gold()), encoding="utf-8")

    def fake_extract(body):
        return SimpleNamespace(actors=(), quotes=(SimpleNamespace(text="nope"),))

    report = ev.evaluate([ev.load_gold(gold_path, tmp_path)], fake_extract)
    assert set(report.failures()) == set(ev.CATEGORIES)
    short = ev.format_report(report)
    assert "x.txt: quotes -1/+1" in short and "spurious" not in short
    verbose = ev.format_report(report, verbose=True)
    assert "quotes spurious: nope" in verbose
    assert "people missed:   Ada Lovelace" in verbose


# ------------------------------------------------- the committed gold files' shape

GOLD_FILES = sorted(ev.GOLD_DIR.glob("*.json"))


def test_enough_gold_files_including_the_seed():
    assert len(GOLD_FILES) >= 12
    assert any(p.name.startswith("000_") for p in GOLD_FILES)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_shape_holds_no_corpus_text(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) <= {
        "file",
        "people",
        "organizations",
        "aliases",
        "quotes",
        "not_quotes",
    }
    assert data["file"] == path.stem + ".txt"
    names = set(data["people"]) | set(data["organizations"])
    assert len(names) == len(data["people"]) + len(data["organizations"])
    assert set(data.get("aliases", {})) <= names
    for quote in data["quotes"]:
        assert set(quote) == {"start", "end", "sha1", "speaker"}
        assert 0 <= quote["start"] < quote["end"]
        assert re.fullmatch(r"[0-9a-f]{40}", quote["sha1"])
        assert quote["speaker"] is None or quote["speaker"] in names
    for span in data.get("not_quotes", []):
        assert set(span) == {"start", "end"}


def test_scoring_an_export_file(tmp_path):
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    gold_path = tmp_path / "x.json"
    gold_path.write_text(json.dumps(_gold()), encoding="utf-8")
    export = tmp_path / "export.jsonl"
    record = {
        "file": "some/folder/x.txt",
        "people": ["Ada Lovelace"],
        "organizations": [],
        "quotes": [{"text": "Numbers can weave.", "speaker": "Ada Lovelace"}],
    }
    export.write_text(json.dumps(record) + "\n\n", encoding="utf-8")
    documents = [ev.load_gold(gold_path, tmp_path)]
    report = ev.evaluate_export(documents, ev.load_export(export))
    assert report.f1()["speakers"] == 1.0
    assert report.total("organizations").fn == 1
    missing = ev.evaluate_export(documents, {})
    assert missing.total("quotes").fn == 1
