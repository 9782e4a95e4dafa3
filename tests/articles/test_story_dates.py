"""The list pages' date filters print what Django's ``date`` filter would."""

from datetime import UTC, date, datetime

import pytest
from django.template import engines
from django.test import override_settings


def render(source, value):
    return engines["django"].from_string(source).render({"d": value})


@pytest.mark.parametrize(
    "value",
    [
        datetime(2025, 3, 16, 9, 30, tzinfo=UTC),
        datetime(2024, 12, 31, 23, 59, 59, 123456, tzinfo=UTC),
        datetime(2025, 1, 1, 0, 5, tzinfo=UTC),
    ],
)
@pytest.mark.parametrize("zone", ["UTC", "Europe/Kyiv", "America/New_York"])
def test_same_text_as_the_date_filter(value, zone):
    with override_settings(TIME_ZONE=zone):
        ours = render("{% load story_dates %}{{ d|iso }} {{ d|day_month_year }}", value)
        django = render("{{ d|date:'c' }} {{ d|date:'j M Y' }}", value)
    assert ours == django


def test_a_plain_date_and_nothing():
    assert (
        render("{% load story_dates %}{{ d|day_month_year }}", date(2025, 3, 6))
        == "6 Mar 2025"
    )
    assert (
        render("{% load story_dates %}[{{ d|iso }}{{ d|day_month_year }}]", None)
        == "[]"
    )
