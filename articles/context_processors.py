from django.conf import settings


def site(request):
    """The site's name and address, for the masthead, titles and absolute links."""
    return {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL.rstrip("/")}
