from django.conf import settings

from newsroom.links import site_links


def site(request):
    """The site's name, address and fixed pages, for the masthead, titles and links."""
    return {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL.rstrip("/"),
        "links": site_links(),
    }
