import os
from datetime import date
from pathlib import Path

import pytest

from articles.seeds import (
    HEADLINE_LENGTH,
    SeedError,
    clean_text,
    content_hash,
    derive_headline,
    find_dateline_date,
    parse_seed,
    printable,
    read_seed,
    sentences,
    shorten,
    split_tags,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "seeds"
REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
SEED = REPO / "seeds" / "000_f0f5015643b5d02c.txt"
LIMIT = 2 * 1024 * 1024


def seed_file(tmp_path, content, name="story.txt"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def test_seed_format_gives_body_trailer_and_derived_fields():
    seed = read_seed(DATA / "harbour.txt", max_bytes=LIMIT)
    assert seed.file_name == "harbour.txt"
    assert seed.headline == (
        "Mayor Jane Holloway announced that the old harbour bridge will close for "
        "repairs next month"
    )
    assert seed.dateline_date == date(2024, 4, 2)
    assert seed.related_headline == "Harbour Bridge Repairs Delayed Again"
    assert seed.tags == (
        "Local News",
        "Transport",
        "Harbour Bridge",
        "Breaking News: City Hall",
    )
    paragraphs = seed.body.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0] == seed.lead and seed.lead.startswith("On April 2, 2024")
    assert "Check out" not in seed.body and "Source link" not in seed.body
    assert "“We cannot wait" in seed.body and '"rushed"' in seed.body  # marks kept
    assert (
        seed.standfirst.startswith("On April 2, 2024") and len(seed.standfirst) <= 300
    )
    assert seed.content_hash == content_hash(seed.body) and len(seed.content_hash) == 64


def test_plain_paragraphs_without_trailer():
    seed = read_seed(DATA / "library.txt", max_bytes=LIMIT)
    assert seed.tags == () and seed.related_headline == ""
    assert seed.body.count("\n\n") == 2
    assert seed.headline == (
        "The city library will open on Sundays from next week, the library board "
        "decided on Tuesday"
    )
    assert seed.dateline_date is None


def test_label_lead_like_letters_is_not_the_headline():
    seed = read_seed(DATA / "nested" / "letter.txt", max_bytes=LIMIT)
    assert seed.headline.startswith("Letters: The new bike lanes on Elm Street")
    assert seed.body.startswith("LETTERS.\n\n")
    assert seed.standfirst.startswith("The new bike lanes")


@pytest.mark.parametrize(
    ("content", "expected_body"),
    [
        ("\ufeffOne.\r\n\r\nTwo.\r\n", "One.\n\nTwo."),
        ("One.\rTwo.", "One.\n\nTwo."),
        ("One.\n\n\n\n  Two.  \n\n", "One.\n\nTwo."),
        ("One.\nTwo.\nThree.", "One.\n\nTwo.\n\nThree."),
        ("One.\u2028Two.", "One.\n\nTwo."),
    ],
)
def test_line_endings_bom_and_blank_lines(content, expected_body):
    assert parse_seed(content, file_name="x.txt").body == expected_body


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x00b", "ab"),
        ("a\x07b\x1bc", "abc"),
        ("red \x1b[31mtext\x1b[0m here", "red text here"),
        ("title \x1b]0;owned\x07done", "title done"),
        ("tab\tkept\nnewline kept", "tab\tkept\nnewline kept"),
        ("bidi \u202eevil\u202c and \u2066iso\u2069", "bidi evil and iso"),
        ("\ufeffbom", "bom"),
        ("c1 \x85\x9b controls", "c1  controls"),
        ("cafe\u0301", "café"),  # NFC
    ],
)
def test_clean_text_removes_controls_bidi_and_normalises(raw, clean):
    assert clean_text(raw)[0] == clean


def test_cleaning_is_reported_as_a_warning():
    seed = parse_seed("A \u202estory\u202c here.", file_name="x.txt")
    assert seed.body == "A story here."
    assert seed.warnings == ("removed 2 control or bidi character(s)",)


@pytest.mark.parametrize(
    ("trailer", "tags"),
    [
        ("Source linkUnited States,Ukraine", ("United States", "Ukraine")),
        ("Source link", ()),
        ("Source link A ,, B,a, Breaking News: Politics", ("A", "B", "Breaking News: Politics")),
        ("Source linkSpaced   out  tag", ("Spaced out tag",)),
    ],
)  # fmt: skip
def test_tags_come_from_the_source_link_line(trailer, tags):
    seed = parse_seed(f"Body text here.\n{trailer}\n", file_name="x.txt")
    assert seed.tags == tags
    assert seed.body == "Body text here."


def test_split_tags_drops_case_repeats():
    assert split_tags("News,news, NEWS ,Other") == ("News", "Other")


@pytest.mark.parametrize(
    ("lead", "reference", "expected"),
    [
        ("On March 16, 2025, while flying home, the talks began.", None, date(2025, 3, 16)),
        ("March 3, 2024 — The vote was close.", None, date(2024, 3, 3)),
        ("The deal was signed on Sept. 9, 2016 in Paris.", None, date(2016, 9, 9)),
        ("The deal was signed on 16 March 2025 in Paris.", None, date(2025, 3, 16)),
        ("On Mar. 16, officials met.", date(2025, 5, 1), date(2025, 3, 16)),
        ("On Mar. 16, officials met.", date(2025, 2, 1), date(2024, 3, 16)),
        ("On Mar. 16, officials met.", None, None),
        ("On February 30, 2025, nothing happened.", None, None),
        ("On Friday, the attorney filed papers.", date(2025, 5, 1), None),
        ("No date here. But March 3, 2024 later.", None, None),
        ("", None, None),
    ],
)  # fmt: skip
def test_dateline_date(lead, reference, expected):
    assert find_dateline_date(lead, reference=reference) == expected


@pytest.mark.parametrize(
    ("paragraphs", "headline"),
    [
        (["On March 16, 2025, while flying back to Washington, the mayor spoke to us. More."],
         "The mayor spoke to us"),
        (["Washington (AFP) – The Post endorsed a candidate on Thursday. More."],
         "The Post endorsed a candidate on Thursday"),
        (["On Friday, the attorney for a woman dropped her lawsuit. More."],
         "The attorney for a woman dropped her lawsuit"),
        (["U.S. officials met Lt. Gen. Ann Ford in Rome. They talked."],
         "U.S. officials met Lt. Gen. Ann Ford in Rome"),
        (["“We will win,” she said. Then she left."], "“We will win,” she said"),
        (["Is this the end? Nobody knows."], "Is this the end?"),
        (["LETTERS.", "Our streets need more trees. Plant them."],
         "Letters: Our streets need more trees"),
        (["lowercase start of a story. Yes."], "Lowercase start of a story"),
    ],
)  # fmt: skip
def test_headline_is_the_leads_first_sentence_without_dateline(paragraphs, headline):
    assert derive_headline(paragraphs) == headline


def test_long_headline_is_cut_at_a_word_boundary():
    lead = "Officials " + "from many different countries " * 10 + "met today."
    headline = derive_headline([lead])
    assert len(headline) <= HEADLINE_LENGTH and headline.endswith("…")
    assert lead.startswith(headline[:-1] + " ")  # whole words only
    assert not headline.endswith("from…")  # no dangling little word


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, "short"),
        ("one two three four", 12, "one two…"),
        ("abcdefghijklmnop", 6, "abcde…"),
        ("talks about the future of the region", 26, "talks about the future…"),
    ],
)
def test_shorten(text, limit, expected):
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def test_sentences_do_not_split_at_abbreviations():
    text = (
        'Mr. Smith met U.S. envoys. He said "yes." Then Dr. Lee left at 5 p.m. Friday.'
    )
    assert sentences(text) == [
        "Mr. Smith met U.S. envoys.",
        'He said "yes."',
        "Then Dr. Lee left at 5 p.m. Friday.",
    ]


def test_content_hash_ignores_whitespace_only():
    assert content_hash("A  story.\n\nTwo.") == content_hash("A story. Two.")
    assert content_hash("A story.") != content_hash("A story!")


def test_same_text_with_other_whitespace_and_line_endings_hashes_alike():
    one = parse_seed("Body  one.\n\nBody two.\nSource linkA", file_name="a.txt")
    two = parse_seed("\ufeffBody one.\r\nBody   two.\r\n", file_name="b.txt")
    assert one.content_hash == two.content_hash


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n ", "only whitespace"),
        (b"Source linkA,B\n", "no body text besides the trailer"),
        (b"Check out this related article: X\nSource linkA\n", "no body text"),
        (b"\x1b\x07\n", "only whitespace"),
        (b"text\x00with NUL", "binary file"),
        (b"caf\xe9 latin-1", "not UTF-8 text (byte 0xe9 at offset 3)"),
        (b"\xff\xfeA\x00", "binary file"),
    ],
)
def test_bad_content_is_rejected_with_a_reason(tmp_path, content, reason):
    with pytest.raises(SeedError) as error:
        read_seed(seed_file(tmp_path, content), max_bytes=LIMIT)
    assert reason in error.value.reason
    assert str(error.value).startswith("story.txt: ")


def test_too_large_file_is_rejected_before_reading(tmp_path):
    path = seed_file(tmp_path, b"word " * 300)
    with pytest.raises(SeedError, match="too large"):
        read_seed(path, max_bytes=1000)


def test_symlink_is_never_followed(tmp_path):
    target = seed_file(tmp_path, "Secret text outside the folder.", "secret.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    with pytest.raises(SeedError, match="symbolic link"):
        read_seed(link, max_bytes=LIMIT)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_are_rejected_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SeedError, match="not a regular file"):
        read_seed(fifo, max_bytes=LIMIT)
    with pytest.raises(SeedError, match="not a regular file"):
        read_seed(tmp_path, max_bytes=LIMIT)


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(SeedError, match="cannot read: No such file"):
        read_seed(tmp_path / "gone.txt", max_bytes=LIMIT)


def test_control_characters_in_file_names_are_rejected_and_escaped(tmp_path):
    path = seed_file(tmp_path, "Fine text.", "\x1b[31mred\x1b[0m.txt")
    with pytest.raises(SeedError) as error:
        read_seed(path, max_bytes=LIMIT)
    message = str(error.value)
    assert "\x1b" not in message and "\\x1b[31mred" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain.txt", "plain.txt"),
        ("a\nb", "a\\x0ab"),
        ("\x1b[2J", "\\x1b[2J"),
        ("rtl\u202eexe.txt", "rtl\\u202eexe.txt"),
        ("caf\u00e9 \u041f", "caf\u00e9 \u041f"),
        ("bad\udcff", "bad\\udcff"),
    ],
)
def test_printable_escapes_what_a_terminal_would_interpret(text, shown):
    assert printable(text) == shown


def test_stored_text_keeps_markup_as_plain_text():
    seed = parse_seed("Say <script>alert(1)</script> & more.", file_name="x.txt")
    assert seed.body == "Say <script>alert(1)</script> & more."


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus here")
def test_every_corpus_file_parses():
    for path in sorted(CORPUS.glob("*.txt")):
        seed = read_seed(path, max_bytes=LIMIT, reference=date(2026, 1, 1))
        assert seed.body and seed.headline and len(seed.headline) <= HEADLINE_LENGTH
        assert "Source link" not in seed.body


@pytest.mark.skipif(not SEED.exists(), reason="no seed file")
def test_the_seed_keeps_its_date_tags_and_related_headline():
    seed = read_seed(SEED, max_bytes=LIMIT)
    assert seed.dateline_date == date(2025, 3, 16)
    assert len(seed.tags) == 7 and seed.tags[4] == "Breaking News: Politics"
    assert seed.related_headline.startswith("Trump Plans Crucial Talk with Putin")
    assert seed.headline.startswith("President Donald Trump shared his intention")
