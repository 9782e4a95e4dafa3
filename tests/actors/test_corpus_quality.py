"""The extraction engine against the hand-written gold answers (issue #3's bar).

Reads the corpus from ../shared/corpus (it is not in the repository: the articles
belong to their publishers) and skips when it is absent. The bar is not softened or
marked xfail: while the engine is below it, these tests fail and say by how much.
`python manage.py evaluate_extraction --verbose` lists the individual errors.
"""

from pathlib import Path

import pytest

from articles import evaluation as ev

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = REPO_ROOT.parent / "shared" / "corpus"
GOLD_FILES = sorted(ev.GOLD_DIR.glob("*.json"))

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason=f"evaluation corpus not found at {CORPUS} (kept outside the repository)",
)


@pytest.fixture(scope="module")
def documents():
    return [ev.load_gold(p, CORPUS) for p in GOLD_FILES]


@pytest.fixture(scope="module")
def report(documents):
    return ev.evaluate(documents)


def test_gold_offsets_still_fit_the_corpus(documents):
    # load_gold checks every quote's offsets against its sha1; here: count them.
    assert len(documents) >= 12
    assert sum(len(doc.quotes) for doc, _ in documents) > 100


@pytest.mark.parametrize("category", ev.CATEGORIES)
def test_quality_bar(report, category):
    total = report.total(category)
    assert total.f1 >= ev.BAR[category], (
        f"{category}: F1 {total.f1:.3f} < {ev.BAR[category]} "
        f"(P {total.precision:.3f}, R {total.recall:.3f}; "
        f"tp {total.tp}, fp {total.fp}, fn {total.fn})\n" + ev.format_report(report)
    )


def test_the_seed_comes_out_exactly_right(documents):
    doc, text = next((d, t) for d, t in documents if d.file.startswith("000_"))
    result = ev.score_document(doc, ev.predict(text, name=doc.file))
    errors = {
        category: (score.missed, score.spurious)
        for category, score in result.scores.items()
        if score.missed or score.spurious
    }
    assert errors == {}
