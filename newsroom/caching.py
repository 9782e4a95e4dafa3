"""Public page caching: one server-side page cache, HTTP validators and CDN headers.

Decorate every public GET view with ``@public_page``. For anonymous readers it

1. serves the page from the shared cache (Redis when ``REDIS_URL`` is set, local
   memory otherwise), keyed by scheme, host, path and query, and valid only for the
   current content *generation*;
2. sends ``ETag`` (the generation) and ``Last-Modified`` (the time of the last change)
   and answers ``If-None-Match`` / ``If-Modified-Since`` with 304 before rendering;
3. sends ``Cache-Control: public, max-age=PUBLIC_CACHE_SECONDS,
   stale-while-revalidate=…`` so a CDN may hold the page briefly;
4. never stores a non-200 response, a streaming one, or one that sets a cookie.

Logged-in staff (a session cookie whose session has a user) bypass the cache and get
``Cache-Control: private, no-store``. An anonymous reader has no session cookie, so the
session is never touched for them and public pages carry no ``Vary: Cookie``.

Any change to content that public pages show bumps the generation (``newsroom.signals``
wires the model signals; code that writes with ``bulk_create``/``update()`` must call
:func:`invalidate_public_pages` itself). A scheduled story going live bumps it too: the
generation state remembers the next scheduled publication time.

Every cached page remembers the generation it was rendered at and is used only while
that is still the current one, so a single cache round trip (``get_many``) fetches the
generation, its state and the page together. Each process also keeps the pages it
served last in memory (``PUBLIC_PAGE_MEMORY_ENTRIES``): then only the few bytes of the
generation come from Redis. Without Redis (several workers, each with its own local
memory cache) the generation lives in ``PUBLIC_CACHE_GENERATION_FILE``, shared by all
processes on the host. If the cache is down, pages are served uncached.
"""

import fcntl
import hashlib
import json
import logging
import os
import pickle
import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime
from functools import wraps

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

logger = logging.getLogger(__name__)

GENERATION_KEY = "public:generation"
STATE_KEY = "public:generation-state"
PAGE_KEY_PREFIX = "public:page:v2:"  # v2: (generation, pickled page) tuples
# Cached pages are checked against the generation on every hit, so they may live long;
# the timeout only bounds the memory that rarely visited pages occupy.
PAGE_TIMEOUT = 600
_UNFETCHED = object()


# --- The content generation ----------------------------------------------------------
def _initial_generation():
    # Microseconds since the epoch: if the cache loses the counter (eviction, restart),
    # the new value is still above every generation handed out before (that would
    # take more than a million invalidations a second), so no page cached under an
    # old generation, here or in a worker's memory, can come back.
    return int(time.time() * 1_000_000)


def _next_scheduled_publication():
    """When the next scheduled story goes live (a POSIX timestamp), or None."""
    from articles.models import Article

    moment = (
        Article.objects.scheduled()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return moment.timestamp() if moment else None


def _new_state():
    return {"changed_at": time.time(), "next_publish_at": _next_scheduled_publication()}


def invalidate_public_pages():
    """Start a new content generation: every cached public page is now stale.

    Never raises: an editor's save must not fail because the cache is down (the pages
    it holds cannot be served then either). Returns the new generation, or None.
    """
    try:
        if settings.PUBLIC_CACHE_GENERATION_FILE:
            return _file_bump(settings.PUBLIC_CACHE_GENERATION_FILE)
        return _cache_bump()
    except Exception:
        logger.exception("could not invalidate the public page cache")
        return None


def _cache_bump():
    try:
        generation = cache.incr(GENERATION_KEY)
    except ValueError:  # the key is missing (first use, eviction, cache cleared)
        generation = _initial_generation()
        cache.set(GENERATION_KEY, generation, timeout=None)
    cache.set(STATE_KEY, _new_state(), timeout=None)
    return generation


def _current(values):
    """The generation and its state from a ``get_many`` answer, creating them if absent."""
    generation = values.get(GENERATION_KEY)
    state = values.get(STATE_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _initial_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    if state is None:
        state = _new_state()
        cache.add(STATE_KEY, state, timeout=None)
    if _went_live(state):
        generation = _cache_bump()
        state = cache.get(STATE_KEY) or _new_state()
    return generation, state


def _went_live(state):
    """Has a scheduled story gone live since this generation began?"""
    next_publish_at = state.get("next_publish_at")
    return next_publish_at is not None and next_publish_at <= time.time()


# Without a shared cache (no REDIS_URL), each gunicorn worker has its own local-memory
# cache, and a generation kept there would only move in the worker that saw the edit.
# Then the generation lives in a small file that every process on the host reads
# (gunicorn.conf.py points PUBLIC_CACHE_GENERATION_FILE at one); pages stay per worker.
def _file_read(path):
    try:
        with open(path, "rb") as file:
            data = json.loads(file.read())
        return data["generation"], data["state"]
    except (OSError, ValueError, KeyError, TypeError):
        return None, None


def _file_bump(path):
    with open(f"{path}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # serialise read-increment-write
        generation, _state = _file_read(path)
        generation = max((generation or 0) + 1, _initial_generation())
        data = {"generation": generation, "state": _new_state()}
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "w") as file:
            json.dump(data, file)
        os.replace(temporary, path)  # readers see the old file or the new, never half
    return generation


def _file_current(path):
    generation, state = _file_read(path)
    if generation is None or _went_live(state):
        _file_bump(path)
        generation, state = _file_read(path)
    return generation, state


# --- The decorator -------------------------------------------------------------------
def _page_key(request):
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"{PAGE_KEY_PREFIX}{settings.PUBLIC_CACHE_VERSION}:{digest}"


def _etag(generation):
    return f'W/"{settings.PUBLIC_CACHE_VERSION}-{generation}"'


def _is_staff_request(request):
    """True when the request carries a session with a logged-in user.

    Only a request that has a session cookie is looked at: for everyone else the
    session is never loaded, so the response does not vary on cookies.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def _public_headers(response, etag, last_modified):
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(last_modified)
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PUBLIC_CACHE_SECONDS,
        stale_while_revalidate=settings.PUBLIC_CACHE_STALE_SECONDS,
        stale_if_error=settings.PUBLIC_CACHE_STALE_IF_ERROR_SECONDS,
    )
    return response


def _storable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page would hand one reader's cookie to everybody
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    cache_control = response.headers.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = response.headers.get("Vary", "").lower()
    return "cookie" not in vary and "*" not in vary


def _nonce(request):
    """The CSP nonce of this request if the page used it, else None."""
    nonce = getattr(request, "_csp_nonce", None)
    return str(nonce) if nonce else None  # a LazyNonce is falsy until used


class _MemoryPages:
    """The most recently served pages, pickled, in this process's memory.

    Checked against the generation like the shared cache, so a hit costs one small
    round trip to Redis (the generation) instead of fetching the whole page.
    """

    def __init__(self):
        self._pages = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            item = self._pages.get(key)
            if item is not None:
                self._pages.move_to_end(key)
            return item

    def put(self, key, item):
        with self._lock:
            self._pages[key] = item
            self._pages.move_to_end(key)
            while len(self._pages) > settings.PUBLIC_PAGE_MEMORY_ENTRIES:
                self._pages.popitem(last=False)


_memory = _MemoryPages()


def _from_entry(request, data):
    entry = pickle.loads(data)
    response = entry["response"]
    nonce = entry.get("nonce")
    if nonce and getattr(request, "_csp_nonce", None) is not None:
        # The page embeds the nonce of the request that rendered it: give this reader a
        # fresh one, so the CSP header the middleware adds matches the body.
        fresh = str(request._csp_nonce)
        response.content = response.content.replace(nonce.encode(), fresh.encode())
    return response


def _valid(entry, generation):
    return isinstance(entry, tuple) and len(entry) == 2 and entry[0] == generation


def _lookup(key, conditional=False):
    """The current generation, its state and the cached page (or _UNFETCHED)."""
    if settings.PUBLIC_CACHE_GENERATION_FILE:
        generation, state = _file_current(settings.PUBLIC_CACHE_GENERATION_FILE)
        return generation, state, _UNFETCHED  # fetched only if the answer is no 304
    if conditional:  # likely a 304: don't fetch (and unpickle) a page for nothing
        generation, state = _current(cache.get_many([GENERATION_KEY, STATE_KEY]))
        return generation, state, _UNFETCHED
    # One round trip for the generation, its state and the page.
    values = cache.get_many([GENERATION_KEY, STATE_KEY, key])
    generation, state = _current(values)
    return generation, state, values.get(key)


_last_complaint = 0.0


def _cache_unavailable():
    global _last_complaint
    if time.monotonic() - _last_complaint > 60:  # at most one line a minute
        _last_complaint = time.monotonic()
        logger.exception("cache unavailable: serving public pages uncached")


def _quietly(operation, *args, **kwargs):
    try:
        return operation(*args, **kwargs)
    except Exception:
        _cache_unavailable()
        return None


def public_page(view_func):
    """Cache a public GET view for anonymous readers (see the module docstring)."""

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or _is_staff_request(request):
            response = view_func(request, *args, **kwargs)
            if request.method in ("GET", "HEAD"):
                patch_cache_control(response, private=True, no_store=True)
                response.headers.pop("ETag", None)
            return response

        # An anonymous reader: make sure nothing the view or its templates do reads
        # the session (which would add Vary: Cookie to a page meant for everybody).
        request.user = AnonymousUser()

        key = _page_key(request)
        remembered = _memory.get(key)  # (generation, pickled page) or None
        try:
            conditional = (
                "HTTP_IF_NONE_MATCH" in request.META
                or "HTTP_IF_MODIFIED_SINCE" in request.META
            )
            generation, state, entry = _lookup(
                key, conditional or remembered is not None
            )
        except Exception:
            # The cache is down: serve the page uncached rather than not at all.
            _cache_unavailable()
            return view_func(request, *args, **kwargs)
        etag = _etag(generation)
        last_modified = int(state["changed_at"])  # HTTP dates have 1 s resolution

        not_modified = get_conditional_response(
            request, etag=etag, last_modified=last_modified
        )
        if not_modified is not None:
            return _public_headers(not_modified, etag, last_modified)

        if remembered is not None and remembered[0] == generation:
            entry = remembered
        else:
            if entry is _UNFETCHED:
                entry = _quietly(cache.get, key)
            if _valid(entry, generation):
                _memory.put(key, entry)
        if _valid(entry, generation):
            response = _from_entry(request, entry[1])
            response.headers["X-Cache"] = "hit"
            return response

        response = view_func(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()  # a TemplateResponse: render before storing
        if not _storable(request, response):
            return response
        _public_headers(response, etag, last_modified)
        session = getattr(request, "session", None)
        if session is not None and not session.modified:
            session.accessed = False  # nothing in it came from (or goes to) a cookie
        data = pickle.dumps(
            {"response": response, "nonce": _nonce(request)}, pickle.HIGHEST_PROTOCOL
        )
        entry = (generation, data)
        _quietly(cache.set, key, entry, timeout=PAGE_TIMEOUT)
        _memory.put(key, entry)
        response.headers["X-Cache"] = "miss"
        return response

    return wrapper


def last_change():
    """When public content last changed (an aware datetime); for feeds and sitemaps."""
    if settings.PUBLIC_CACHE_GENERATION_FILE:
        _generation, state = _file_read(settings.PUBLIC_CACHE_GENERATION_FILE)
    else:
        state = cache.get(STATE_KEY)
    changed_at = state["changed_at"] if state else time.time()
    return datetime.fromtimestamp(changed_at, tz=UTC)
