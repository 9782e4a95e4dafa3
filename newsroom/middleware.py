"""Request middleware: reject malformed requests early, log every request once."""

import json
import logging
import re
import time
from urllib.parse import unquote

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils.functional import empty

logger = logging.getLogger("newsroom.request")

# C0 control characters and DEL. PostgreSQL refuses NUL in text ("ValueError: A string
# literal cannot contain NUL"); none of them has a place in a URL a reader types.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
_QUIET_PATHS = {"/healthz", "/readyz"}


class RejectControlCharactersMiddleware:
    """Answer 400 to a request whose path or query string holds control characters.

    Runs before any view, so no view has to guard its query parameters against
    ``%00`` reaching the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = unquote(request.META.get("QUERY_STRING", ""), errors="replace")
        if _CONTROL_CHARACTERS.search(request.path_info) or _CONTROL_CHARACTERS.search(
            query
        ):
            return HttpResponseBadRequest(
                b"Bad request: control characters in the URL.\n",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def _user_kind(request):
    """ "anonymous", "staff", "user" or "session" (a session not looked at).

    Never loads the session itself: for a request whose user was not needed, logging
    must not cost a query.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return "anonymous"
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return "session"
    if not user.is_authenticated:
        return "anonymous"
    return "staff" if user.is_staff else "user"


class RequestLogMiddleware:
    """One JSON line per request on the ``newsroom.request`` logger.

    Fields: method, path, status, duration_ms, user (its kind, never who), cache
    (hit/miss for public pages). Health checks log at DEBUG so load balancer probes do
    not drown the log. Put it first in MIDDLEWARE so the duration covers everything.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = (time.perf_counter() - started) * 1000
        level = logging.DEBUG if request.path in _QUIET_PATHS else logging.INFO
        if logger.isEnabledFor(level):
            fields = {
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round(duration_ms, 1),
                "user": _user_kind(request),
            }
            if "X-Cache" in response:
                fields["cache"] = response["X-Cache"]
            # json.dumps escapes control characters: a crafted path cannot forge lines.
            logger.log(level, json.dumps(fields, ensure_ascii=False), extra=fields)
        return response
