import io
import logging
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command, load_command_class

from actors.extraction import Extraction
from articles import importer
from articles.models import Article

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent.parent / "data" / "seeds"


def run(*args):
    out = io.StringIO()
    call_command("import_seeds", *map(str, args), stdout=out)
    return out.getvalue()


def test_imports_a_folder_with_one_line_per_file_and_a_summary():
    output = run(DATA)
    lines = output.splitlines()
    assert lines[:3] == [
        "created   harbour.txt",
        "created   library.txt",
        "created   letter.txt",
    ]
    assert lines[3].startswith(
        "3 created, 0 updated, 0 unchanged, 0 duplicate, 0 conflict, 0 skipped"
    )
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 3


def test_rerun_says_nothing_changed():
    run(DATA)
    output = run(DATA)
    assert output.count("unchanged ") == 3
    assert "0 created, 0 updated, 3 unchanged" in output
    assert Article.objects.count() == 3


def test_dry_run_writes_nothing():
    output = run(DATA, "--dry-run")
    assert "Dry run, nothing written: 3 created" in output
    assert not Article.objects.exists()


def test_publish_publishes():
    run(DATA / "library.txt", "--publish")
    assert Article.objects.get().is_published()


def test_rejected_files_give_a_clear_error_and_good_ones_still_import(tmp_path):
    (tmp_path / "a-good.txt").write_text("A perfectly good story.")
    (tmp_path / "b-binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "c-\x1b]0;pwned\x07.txt").write_text("Name with an escape.")
    (tmp_path / "d-bidi.txt").write_text("\u202e" + "Reversed text.")
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 file"):
        call_command("import_seeds", str(tmp_path), stdout=out)
    output = out.getvalue()
    assert "skipped   b-binary.txt  (binary file (contains NUL bytes))" in output
    assert "skipped   c-\\x1b]0;pwned\\x07.txt  (file name has control" in output
    assert (
        "created   d-bidi.txt  (warning: removed 1 control or bidi character(s))"
        in (output)
    )
    assert "\x1b" not in output and "\u202e" not in output
    assert "Traceback" not in output
    assert Article.objects.count() == 2


def test_unexpected_error_in_one_file_is_reported_not_raised(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("First story here.")
    (tmp_path / "b.txt").write_text("Second story here.")

    def broken(body, *, known=None):
        if body.startswith("First"):
            raise ValueError("engine hiccup\nwith\x1b[2J escapes")
        return Extraction((), ())

    monkeypatch.setattr(importer, "extract", broken)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_seeds", str(tmp_path), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "skipped   a.txt  (unexpected error: ValueError: "
        "engine hiccup\\x0awith\\x1b[2J escapes)"
    )
    assert lines[1] == "created   b.txt"


def test_missing_path_is_reported(tmp_path):
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_seeds", str(tmp_path / "nope.txt"), stdout=out)
    assert "skipped   nope.txt  (cannot read: No such file or directory)" in (
        out.getvalue()
    )


def test_help_states_the_size_limit(settings):
    settings.IMPORT_MAX_FILE_BYTES = 3 * 1024 * 1024
    command = load_command_class("articles", "import_seeds")
    help_text = command.create_parser("manage.py", "import_seeds").format_help()
    assert "3,145,728 bytes (3 MiB" in help_text
    assert "--dry-run" in help_text and "--publish" in help_text


def test_size_limit_comes_from_settings(tmp_path, settings):
    settings.IMPORT_MAX_FILE_BYTES = 100
    (tmp_path / "big.txt").write_text("Long story. " * 20)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_seeds", str(tmp_path), stdout=out)
    assert "too large (240 bytes; the limit is 100)" in out.getvalue()


def test_summary_is_logged(caplog):
    with caplog.at_level(logging.INFO, logger="articles.importer"):
        run(DATA)
    assert any(
        record.name == "articles.importer" and "3 created" in record.getMessage()
        for record in caplog.records
    )


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys):
    run(DATA)
    assert "file/s" not in capsys.readouterr().err


def test_no_database_is_a_clear_error_not_a_traceback(monkeypatch):
    from django.db import OperationalError

    from articles.management.commands import import_seeds as command

    def down(*args, **kwargs):
        raise OperationalError("connection refused\x1b[0m")

    monkeypatch.setattr(command, "import_seeds", down)
    with pytest.raises(CommandError, match=r"Database error: connection refused\\x1b"):
        run(DATA)
