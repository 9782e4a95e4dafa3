"""The filter forms' widgets are built in Python for speed: the HTML must be exactly
what Django's own widget templates give."""

import datetime
import re

import pytest
from django import forms

from articles.filters import (
    QuickDateInput,
    QuickHiddenInput,
    QuickSelect,
    QuickTextInput,
)

ATTRS = [
    None,
    {"id": "id_q", "maxlength": 200, "placeholder": 'e.g. "jane-doe"'},
    {"required": True, "disabled": False, "aria-invalid": "true", "type": "date"},
]
VALUES = [None, "", "Kyiv & <Kharkiv>", '"quoted"', datetime.date(2025, 3, 16)]


@pytest.mark.parametrize(
    "quick, django",
    [
        (QuickTextInput, forms.TextInput),
        (QuickDateInput, forms.DateInput),
        (QuickHiddenInput, forms.HiddenInput),
    ],
)
@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize("value", VALUES)
def test_quick_inputs_render_what_django_renders(quick, django, attrs, value):
    assert quick(attrs=attrs).render("q", value) == django(attrs=attrs).render(
        "q", value
    )


@pytest.mark.parametrize("value", [None, "", "b", "<x>"])
def test_quick_select_renders_what_django_renders(value):
    choices = [("", "All topics"), ("a", "Aid & trade"), ("b", "War"), ("<x>", '"X"')]
    quick = QuickSelect(choices=choices).render("tag", value, {"id": "id_tag"})
    plain = forms.Select(choices=choices).render("tag", value, {"id": "id_tag"})
    assert quick == re.sub(r">\s+<", "><", plain)  # the same, without the indentation
