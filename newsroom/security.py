"""Login brute-force protection helpers for django-axes (see settings, "django-axes")."""

import ipaddress

from django.conf import settings
from django.http import HttpResponse

LOCKED_OUT_MESSAGE = (
    "Too many failed login attempts. Try again in an hour, or ask an administrator.\n"
)


def client_ip(request):
    """The client's address: behind ``PROXY_COUNT`` trusted proxies, the address the
    outermost of them saw (the Nth entry from the right of X-Forwarded-For); without a
    proxy, the socket peer. Entries further left are the client's own claims and are
    never trusted."""
    count = settings.PROXY_COUNT
    if count > 0:
        hops = [
            hop.strip()
            for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if hop.strip()
        ]
        if len(hops) >= count:
            try:  # axes stores it in an inet column: junk must not reach it
                return str(ipaddress.ip_address(hops[-count]))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR")


def login_locked_out(request, original_response=None, credentials=None):
    """The answer to a locked-out login attempt.

    The same bytes for every username, existing or not (django-axes counts failures
    for unknown usernames too), and it names no account: the lockout reveals nothing
    a wrong password would not.
    """
    return HttpResponse(
        LOCKED_OUT_MESSAGE, status=429, content_type="text/plain; charset=utf-8"
    )


def login_username(request, credentials=None):
    """The username django-axes records, cut to its column's 255 characters.

    The admin login form does not enforce a maximum length before authenticating, so
    without this a 10,000-character username made axes' INSERT fail on PostgreSQL (a
    500 on the login page).
    """
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        username = credentials.get(field)
    else:
        username = getattr(request, "data", request.POST).get(field)
    return username[:255] if isinstance(username, str) else username
