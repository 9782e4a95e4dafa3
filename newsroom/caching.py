"""Public page caching: one server-side page cache, HTTP validators and CDN headers.

Decorate every public GET view with ``@public_page``. For anonymous readers it

1. serves the page from the shared cache (Redis when ``REDIS_URL`` is set, local
   memory otherwise), keyed by scheme, host, path and query, and valid only for the
   current content *generation*. Analytics parameters (``utm_*``, ``fbclid`` …) are
   dropped from the key and from what the view sees: a story shared on social media
   comes back with a new ``fbclid`` on every click, and would otherwise never hit;
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
:func:`invalidate_public_pages` itself). A scheduled story going live bumps it too:
each generation's *state* remembers when it began and the next scheduled publication.

Every cached page remembers the generation it was rendered at and is used only while
that is still the current one. Each process keeps the pages it served last in memory
(``PUBLIC_PAGE_MEMORY_ENTRIES``), and the state of the generation it saw last (a
generation's state never changes), so a hit or a 304 costs one small read: the
generation, an integer, from the Redis primary (``ReusingRedisCache.get_many_fresh``).
A page this process does not hold comes in the same round trip. Without Redis
(several workers, each with its own local memory cache) the generation lives in
``PUBLIC_CACHE_GENERATION_FILE``, shared by all processes on the host. If the cache is
down, pages are served uncached.
"""

import fcntl
import hashlib
import json
import logging
import os
import re
import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime
from functools import wraps
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache, caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse, QueryDict
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from newsroom import memo

logger = logging.getLogger(__name__)

GENERATION_KEY = "public:generation"
STATE_KEY_PREFIX = "public:state:"  # + a generation: {"changed_at", "next_publish_at"}
PAGE_KEY_PREFIX = "public:page:v3:"  # v3: (generation, body, headers, nonce) tuples
# Cached pages are checked against the generation on every hit, so they may live long;
# the timeout only bounds the memory that rarely visited pages occupy.
PAGE_TIMEOUT = 600
# A bump deletes the previous generation's state; the timeout only catches the odd one
# a race leaves behind. (A state that expired is recreated: Last-Modified moves on.)
STATE_TIMEOUT = 24 * 3600
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


def _state_key(generation):
    return f"{STATE_KEY_PREFIX}{generation}"


def _cache_bump():
    try:
        generation = cache.incr(GENERATION_KEY)
    except ValueError:  # the key is missing (first use, eviction, cache cleared)
        cache.add(GENERATION_KEY, _initial_generation(), timeout=None)
        generation = cache.incr(GENERATION_KEY)
    # Each generation has its own state, so two bumps at once cannot leave the newer
    # generation with the older one's state.
    cache.set(_state_key(generation), _new_state(), timeout=STATE_TIMEOUT)
    cache.delete(_state_key(generation - 1))
    return generation


def _cache_state(generation):
    """The state of ``generation``, created if it is missing (evicted, or the bump
    that made the generation has not written it yet)."""
    state = cache.get(_state_key(generation))
    if state is None:
        state = _new_state()
        if not cache.add(_state_key(generation), state, timeout=STATE_TIMEOUT):
            state = cache.get(_state_key(generation)) or state
    return state


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


def _went_live(state):
    """Has a scheduled story gone live since this generation began?"""
    next_publish_at = state.get("next_publish_at")
    return next_publish_at is not None and next_publish_at <= time.time()


class _Generation(NamedTuple):
    """A generation, its state, and the headers every response under it sends."""

    number: int
    state: dict
    etag: str
    last_modified: int  # HTTP dates have 1 s resolution
    headers: tuple  # ETag, Last-Modified, Cache-Control

    @classmethod
    def make(cls, number, state):
        etag = f'W/"{settings.PUBLIC_CACHE_VERSION}-{number}"'
        last_modified = int(state["changed_at"])
        blank = HttpResponse()
        _cdn_cache_control(blank)
        headers = (
            ("ETag", etag),
            ("Last-Modified", http_date(last_modified)),
            ("Cache-Control", blank["Cache-Control"]),
        )
        return cls(number, state, etag, last_modified, headers)


_known = None  # the _Generation this process saw last


@receiver(setting_changed)
def _forget_generation(setting, **kwargs):
    global _known
    if setting == "CACHES" or setting.startswith("PUBLIC_"):
        _known = None


def _generation(number, state=None):
    """The _Generation for ``number``: remembered, or built from its state."""
    global _known
    known = _known
    if known is None or known.number != number:
        if state is None:
            state = _cache_state(number)
        known = _known = _Generation.make(number, state)
    return known


def _lookup(page_key=None):
    """The current _Generation and, if ``page_key`` is given, the cached page there
    (else _UNFETCHED), in one round trip to the cache."""
    if settings.PUBLIC_CACHE_GENERATION_FILE:
        number, state = _file_current(settings.PUBLIC_CACHE_GENERATION_FILE)
        return _generation(number, state), _UNFETCHED
    backend = caches["default"]
    keys = [GENERATION_KEY] if page_key is None else [GENERATION_KEY, page_key]
    fetch = getattr(backend, "get_many_fresh", None)
    if fetch is not None:
        values = fetch(keys)
    else:
        found = backend.get_many(keys)
        values = [found.get(key) for key in keys]
    number = values[0]
    if number is None:
        backend.add(GENERATION_KEY, _initial_generation(), timeout=None)
        number = backend.get(GENERATION_KEY)
    generation = _generation(number)
    if _went_live(generation.state):
        generation = _generation(_cache_bump())
    return generation, values[1] if page_key is not None else _UNFETCHED


# --- The decorator -------------------------------------------------------------------
# Query parameters that only tell analytics where a reader came from.
TRACKING_NAMES = (
    r"utm_\w+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|twclid|ttclid|igshid"
    r"|yclid|mc_cid|mc_eid|_ga|_gl"
)
_TRACKING_NAME = re.compile(TRACKING_NAMES)
_TRACKED_QUERY = re.compile(rf"(?:^|&)(?:{TRACKING_NAMES})(?:=|&|$)")


def _drop_tracking_parameters(request):
    """Let the view see the query without analytics parameters (the page must not
    depend on them: pagination links would carry one reader's ``fbclid``)."""
    if not _TRACKED_QUERY.search(request.META.get("QUERY_STRING", "")):
        return  # the common case costs one regular-expression search
    kept = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        if not _TRACKING_NAME.fullmatch(name):
            kept.setlist(name, values)
    kept._mutable = False
    request.GET = kept
    request.cache_query = kept.urlencode()


def _url(request):
    path = request.get_full_path()
    query = getattr(request, "cache_query", None)
    if query is not None:  # tracking parameters were dropped
        path = path.partition("?")[0] + (f"?{query}" if query else "")
    return f"{request.scheme}://{request.get_host()}{path}"


def _page_key(url):
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"{PAGE_KEY_PREFIX}{settings.PUBLIC_CACHE_VERSION}:{digest}"


def _is_staff_request(request):
    """True when the request carries a session with a logged-in user.

    Only a request that has a session cookie is looked at: for everyone else the
    session is never loaded, so the response does not vary on cookies.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def _cdn_cache_control(response):
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PUBLIC_CACHE_SECONDS,
        stale_while_revalidate=settings.PUBLIC_CACHE_STALE_SECONDS,
        stale_if_error=settings.PUBLIC_CACHE_STALE_IF_ERROR_SECONDS,
    )


def _public_headers(response, generation):
    own_cache_control = "Cache-Control" in response
    for name, value in generation.headers:
        if name != "Cache-Control" or not own_cache_control:
            response[name] = value
    if own_cache_control:  # the view's own directives stay
        _cdn_cache_control(response)
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


class _Page(NamedTuple):
    """A stored page: plain values, cheap to pickle and to turn into a response."""

    generation: int
    body: bytes
    headers: tuple  # (name, value) pairs, Content-Type first
    nonce: str | None  # the CSP nonce the body embeds, to be replaced per reader

    @classmethod
    def of(cls, generation, response, nonce):
        headers = tuple(response.items())
        return cls(generation, response.content, headers, nonce)

    def response(self, request):
        body = self.body
        if self.nonce and getattr(request, "_csp_nonce", None) is not None:
            # The page embeds the nonce of the request that rendered it: give this
            # reader a fresh one, so the CSP header the middleware adds matches.
            body = body.replace(self.nonce.encode(), str(request._csp_nonce).encode())
        response = HttpResponse(body)
        for name, value in self.headers:
            response[name] = value
        return response


class _MemoryPages:
    """The most recently served pages (_Page records) in this process's memory.

    Checked against the generation like the shared cache, so a hit costs one small
    round trip to Redis (the generation) instead of fetching the whole page.
    """

    def __init__(self):
        self._pages = OrderedDict()
        self._lock = threading.Lock()

    def get(self, url):
        with self._lock:
            page = self._pages.get(url)
            if page is not None:
                self._pages.move_to_end(url)
            return page

    def put(self, url, page):
        with self._lock:
            self._pages[url] = page
            self._pages.move_to_end(url)
            while len(self._pages) > settings.PUBLIC_PAGE_MEMORY_ENTRIES:
                self._pages.popitem(last=False)


_memory = _MemoryPages()

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


def _valid(page, generation):
    return isinstance(page, _Page) and page.generation == generation.number


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
        _drop_tracking_parameters(request)

        conditional = (
            "HTTP_IF_NONE_MATCH" in request.META
            or "HTTP_IF_MODIFIED_SINCE" in request.META
        )
        url = remembered = None
        if not conditional:  # likely a 304: no page is needed to answer it
            url = _url(request)
            remembered = _memory.get(url)
        try:
            # With no page in memory, the cached one comes with the generation.
            fetch = url is not None and remembered is None
            generation, page = _lookup(_page_key(url) if fetch else None)
        except Exception:
            # The cache is down: serve the page uncached rather than not at all.
            _cache_unavailable()
            return view_func(request, *args, **kwargs)

        not_modified = get_conditional_response(
            request, etag=generation.etag, last_modified=generation.last_modified
        )
        if not_modified is not None:
            return _public_headers(not_modified, generation)

        if url is None:
            url = _url(request)
            remembered = _memory.get(url)
        page = _current_page(url, generation, remembered, page)
        if page is not None:
            response = page.response(request)
            response["X-Cache"] = "hit"
            return response

        # The view may reuse aggregates computed under this same generation.
        with memo.generation(generation.number):
            response = view_func(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()  # a TemplateResponse: render now
        if _storable(request, response):
            _store(request, response, url, generation)
        return response

    return wrapper


def _current_page(url, generation, remembered, fetched):
    """The page for ``url`` at ``generation``, from memory or the cache, or None."""
    if _valid(remembered, generation):
        return remembered
    if fetched is _UNFETCHED:
        fetched = _quietly(cache.get, _page_key(url))
    if not _valid(fetched, generation):
        return None
    _memory.put(url, fetched)
    return fetched


def _store(request, response, url, generation):
    _public_headers(response, generation)
    session = getattr(request, "session", None)
    if session is not None and not session.modified:
        session.accessed = False  # nothing in it came from (or goes to) a cookie
    page = _Page.of(generation.number, response, _nonce(request))
    _quietly(cache.set, _page_key(url), page, timeout=PAGE_TIMEOUT)
    _memory.put(url, page)
    response["X-Cache"] = "miss"


def last_change():
    """When public content last changed (an aware datetime); for feeds and sitemaps."""
    if settings.PUBLIC_CACHE_GENERATION_FILE:
        _generation, state = _file_read(settings.PUBLIC_CACHE_GENERATION_FILE)
    else:
        generation = cache.get(GENERATION_KEY)
        state = _cache_state(generation) if generation is not None else None
    changed_at = state["changed_at"] if state else time.time()
    return datetime.fromtimestamp(changed_at, tz=UTC)
