"""The Redis cache backend (newsroom.redis_cache), against a real Redis when there is one.

Each test gets its own key prefix and deletes only its own keys, so test processes
running side by side on the same Redis database never clear each other's.
"""

import socket
import threading
import uuid

import pytest
from django.core.cache import cache
from django.test import override_settings
from redis.exceptions import ConnectionError as RedisConnectionError

from newsroom import redis_cache

REDIS = "redis://127.0.0.1:6379/15"


def _redis_available():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def redis_as_default_cache(location=REDIS):
    """Make the default cache Redis, under a key prefix of its own (a fixture body)."""
    if not _redis_available():
        pytest.skip("no Redis on 127.0.0.1:6379")
    prefix = f"newsroom-test-{uuid.uuid4().hex[:12]}"
    config = {
        "default": {
            "BACKEND": "newsroom.redis_cache.ReusingRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=config):
        try:
            yield cache
        finally:
            client = cache._cache.get_client(write=True)
            for key in client.scan_iter(f"{prefix}:*"):
                client.delete(key)


@pytest.fixture
def on_redis():
    yield from redis_as_default_cache()


def test_get_many_fresh_answers_in_order_with_none_for_missing_keys(on_redis):
    cache.set("number", 1_753_000_000_000_000)
    cache.set("record", {"a": [1, 2]})
    assert cache.get_many_fresh(["record", "missing", "number"]) == [
        {"a": [1, 2]},
        None,
        1_753_000_000_000_000,
    ]


def test_get_many_fresh_survives_the_server_closing_its_connection(on_redis):
    cache.set("number", 7)
    assert cache.get_many_fresh(["number"]) == [7]
    connection = cache._cache._own_connection()
    connection.send_command("CLIENT", "ID")
    client_id = connection.read_response()
    cache._cache.get_client(write=True).client_kill_filter(_id=client_id)
    assert cache.get_many_fresh(["number"]) == [7]


def test_get_many_fresh_leaves_nothing_unread_after_an_error(on_redis, monkeypatch):
    cache.set("number", 7)
    cache.set("other", 8)
    connection = cache._cache._own_connection()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt  # e.g. a signal between sending and reading

    with monkeypatch.context() as patch:
        patch.setattr(connection, "read_response", interrupted)
        with pytest.raises(KeyboardInterrupt):
            cache.get_many_fresh(["number"])
    # The answer to the interrupted MGET must not be taken for this one's.
    assert cache.get_many_fresh(["other"]) == [8]


def test_get_many_fresh_reads_the_primary():
    """With replicas configured, Django reads from them; the generation must not."""
    for _cache in redis_as_default_cache(f"{REDIS},redis://127.0.0.1:1/0"):  # dead
        cache.set("number", 7)  # writes go to the primary
        assert cache.get_many_fresh(["number"]) == [7]
        with pytest.raises(RedisConnectionError):
            cache.get("number")  # Django's own reads use the replica


def test_after_a_fork_the_child_opens_its_own_connection(on_redis):
    cache.set("number", 7)
    parent = cache._cache._own_connection()
    # What os.fork() runs in the child (os.register_at_fork). A real fork here would
    # copy a multi-threaded test process.
    redis_cache._forked()
    child = cache._cache._own_connection()
    assert child is not parent
    assert cache.get_many_fresh(["number"]) == [7]


def test_each_thread_has_its_own_connection(on_redis):
    connections = []
    thread = threading.Thread(
        target=lambda: connections.append(cache._cache._own_connection())
    )
    thread.start()
    thread.join()
    assert connections[0] is not cache._cache._own_connection()
