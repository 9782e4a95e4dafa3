"""Public URLs without a full ``reverse()`` per link.

A story page links to dozens of stories, actors and tags; ``reverse()`` costs tens of
microseconds each, and those calls added up to a tenth of a page's time. The URL
pattern of a view cannot change while the process runs, so each is reversed once,
with a placeholder, and links are made by substitution. Slugs are ``[-a-zA-Z0-9_]``
(the ``slug`` path converter), so nothing needs quoting.
"""

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse

_PLACEHOLDER = "slug-placeholder-0"


@functools.cache
def _pattern(viewname, script_prefix, urlconf):
    return reverse(viewname, kwargs={"slug": _PLACEHOLDER}, urlconf=urlconf)


def slug_url(viewname, slug):
    """``reverse(viewname, kwargs={"slug": slug})``, fast."""
    pattern = _pattern(viewname, get_script_prefix(), get_urlconf())
    return pattern.replace(_PLACEHOLDER, slug)


@functools.cache
def _plain(viewname, script_prefix, urlconf):
    return reverse(viewname, urlconf=urlconf)


def url(viewname):
    """``reverse(viewname)`` for a view without arguments, fast."""
    return _plain(viewname, get_script_prefix(), get_urlconf())


SITE_PAGES = {
    "front": "articles:list",
    "archive": "articles:archive",
    "search": "articles:search",
    "corrections": "articles:corrections",
    "rss": "articles:rss",
    "atom": "articles:atom",
    "actors": "actors:list",
    "quotes": "actors:quotes",
    "sitemap": "sitemap",
}


def site_links():
    """The site's fixed pages by short name, for ``{{ links.archive }}`` in templates."""
    return {name: url(viewname) for name, viewname in SITE_PAGES.items()}


@receiver(setting_changed)
def _forget_patterns(setting, **kwargs):
    if setting == "ROOT_URLCONF":  # tests that swap the URLconf
        _pattern.cache_clear()
        _plain.cache_clear()
