"""The whole pipeline against the gold answers, scored the way the graders score it.

``import_seeds`` reads the corpus (../shared/corpus, outside the repository: the
articles belong to their publishers) into the test database, ``export_articles``
writes the JSON Lines the outside evaluation reads, and ``articles.evaluation``
scores that export against tests/data/gold. Skipped when the corpus is absent.
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from articles import evaluation as ev

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = REPO_ROOT.parent / "shared" / "corpus"
GOLD_FILES = sorted(ev.GOLD_DIR.glob("*.json"))

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not CORPUS.is_dir(),
        reason=f"evaluation corpus not found at {CORPUS} (kept outside the repository)",
    ),
]


@pytest.fixture(scope="module")
def documents():
    return [ev.load_gold(path, CORPUS) for path in GOLD_FILES]


@pytest.fixture
def exported(tmp_path):
    """Import the corpus in file order into an empty database; return the export."""
    call_command("import_seeds", str(CORPUS), stdout=io.StringIO())
    output = tmp_path / "export.jsonl"
    call_command("export_articles", output=str(output), stdout=io.StringIO())
    return ev.load_export(output)


def test_the_export_meets_the_quality_bar(documents, exported):
    report = ev.evaluate_export(documents, exported)
    assert len(exported) == len(list(CORPUS.glob("*.txt")))
    assert report.failures() == {}, ev.format_report(report, verbose=True)


def test_importing_in_order_finds_what_each_file_alone_gives(documents, exported):
    # Actors created by earlier files reach extract() as known names: they may help
    # recognise a name, never change a later file's answers.
    alone = ev.evaluate(documents)
    imported = ev.evaluate_export(documents, exported)
    assert {
        f.file: {c: (s.missed, s.spurious) for c, s in f.scores.items()}
        for f in imported.files
    } == {
        f.file: {c: (s.missed, s.spurious) for c, s in f.scores.items()}
        for f in alone.files
    }
