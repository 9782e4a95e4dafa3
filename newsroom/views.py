"""Health endpoints for load balancers and orchestrators.

Both are exempt from the HTTPS redirect (``SECURE_REDIRECT_EXEMPT``: probes speak plain
HTTP to the backend), carry no Content-Security-Policy (there is nothing to protect in
a two-byte answer), never touch the session, and are never cached.
"""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# An empty policy tells Django's CSP middleware to send no header.
csp_exempt = csp_override({})


def _plain(text, status=200):
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


@csp_exempt
@never_cache
@require_safe
def healthz(request):
    """The process is up and answering; says nothing about the database."""
    return _plain("ok\n")


@csp_exempt
@never_cache
@require_safe
def readyz(request):
    """Ready for traffic: the database answers ``SELECT 1``; 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:  # also OperationalError, pool timeouts
        logger.warning("readyz: database unreachable: %s", error.__class__.__name__)
        return _plain("database unreachable\n", status=503)
    return _plain("ok\n")
