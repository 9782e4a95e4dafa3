"""Remember the expensive, shared parts of public pages for one content generation.

Which stories lead the front page, which stories are related to a story, who is
quoted alongside an actor: aggregates over the archive that every reader's request
would recompute, and that change only when public content changes. ``public_page``
(newsroom.caching) has just read the current content generation for the request, so
a value computed under that generation is valid until the next change, on every
host: each process keeps what it computed in memory and throws it away when the
generation moves. The page itself is still rendered from the database; only these
aggregates are reused.

Outside ``public_page`` (staff, previews, commands) nothing is remembered.
"""

import threading
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar

MAX_ENTRIES = 2000

_generation = ContextVar("public_content_generation", default=None)
_values = OrderedDict()
_lock = threading.Lock()


@contextmanager
def generation(number):
    """Within this block, ``remember`` keys values by content generation ``number``."""
    token = _generation.set(number)
    try:
        yield
    finally:
        _generation.reset(token)


def remember(key, compute):
    """``compute()``, or what it returned for ``key`` under the current generation."""
    number = _generation.get()
    if number is None:
        return compute()
    with _lock:
        if _values and next(iter(_values))[0] != number:
            _values.clear()  # a new generation: everything remembered is stale
        found = _values.get((number, key), _values)
        if found is not _values:
            _values.move_to_end((number, key))
            return found
    value = compute()
    with _lock:
        _values[(number, key)] = value
        while len(_values) > MAX_ENTRIES:
            _values.popitem(last=False)
    return value


def forget():
    with _lock:
        _values.clear()
