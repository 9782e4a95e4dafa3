"""Django's Redis cache backend, minus a per-call cost.

``RedisCacheClient.get_client`` builds a new ``redis.Redis`` object on every cache
call, and redis-py's constructor fills a table of several hundred response callbacks
each time: about 0.2 ms per call, as much as the round trip to Redis itself. A
``redis.Redis`` is thread-safe (connections come from its pool, which also resets
itself after a fork), so one per pool per process is enough.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ReusingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
