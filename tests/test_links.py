"""Fast links are the links ``reverse()`` would make."""

import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from newsroom.links import SITE_PAGES, site_links, slug_url


@pytest.mark.parametrize(
    "viewname", ["articles:detail", "articles:tag", "actors:detail"]
)
@pytest.mark.parametrize("slug", ["a", "talks-begin-in-riyadh", "x_1-2"])
def test_slug_url_is_reverse(viewname, slug):
    assert slug_url(viewname, slug) == reverse(viewname, kwargs={"slug": slug})


def test_site_links_are_reverse():
    assert site_links() == {name: reverse(view) for name, view in SITE_PAGES.items()}


def test_links_follow_the_script_prefix():
    set_script_prefix("/news/")
    try:
        assert slug_url("articles:detail", "s") == "/news/stories/s/"
        assert site_links()["archive"] == "/news/stories/"
    finally:
        clear_script_prefix()
    assert slug_url("articles:detail", "s") == "/stories/s/"
