"""Django's Redis cache backend, minus a per-call cost, plus one fast read.

``RedisCacheClient.get_client`` builds a new ``redis.Redis`` object on every cache
call, and redis-py's constructor fills a table of several hundred response callbacks
each time: about 0.2 ms per call, as much as the round trip to Redis itself. A
``redis.Redis`` is thread-safe (connections come from its pool, which also resets
itself after a fork), so one per pool per process is enough.

Even then a call through ``redis.Redis`` costs about 0.1 ms of CPU (taking a
connection from the pool and polling it, retries, instrumentation) where the round
trip itself costs 0.03 ms. :meth:`ReusingRedisCache.get_many_fresh` is for the one
read that every public page makes (``newsroom.caching``): an ``MGET`` on a
connection that each thread keeps for itself, always to the primary, so a replica's
lag can never make it stale.
"""

import os
import threading

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

# Bumped in a forked child, whose copies of the parent's connections must not be used
# (cheaper than comparing os.getpid() on every call).
_forks = 0


def _forked():
    global _forks
    _forks += 1


os.register_at_fork(after_in_child=_forked)


class ReusingRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def get_many_fresh(self, keys):
        try:
            values = self._mget(keys)
        except self._lib.ConnectionError:
            # Once more, on a new connection: Redis restarted, or closed an idle one.
            values = self._mget(keys)
        loads = self._serializer.loads
        return [None if value is None else loads(value) for value in values]

    def _mget(self, keys):
        connection = self._own_connection()
        try:
            connection.send_command("MGET", *keys)
            return connection.read_response()
        except BaseException:
            # Whatever was left unread on the socket must never answer the next call.
            connection.disconnect()
            raise

    def _own_connection(self):
        """This thread's connection to the primary, made after any fork."""
        local = self.__dict__.setdefault("_local", threading.local())
        forks, connection = getattr(local, "connection", (None, None))
        if forks != _forks:
            pool = self._get_connection_pool(write=True)
            connection = pool.connection_class(**pool.connection_kwargs)
            local.connection = (_forks, connection)
        return connection


class ReusingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def get_many_fresh(self, keys):
        """The values of ``keys`` (a list, None where missing), from the primary."""
        # make_key() without validate_key(): its warnings concern memcached only.
        return self._cache.get_many_fresh([self.make_key(key) for key in keys])
