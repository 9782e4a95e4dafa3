"""Gunicorn settings for the newsroom site: ``gunicorn newsroom.wsgi``.

Every value can be changed from the environment; the defaults suit one machine behind a
TLS-terminating proxy or load balancer.

  BIND / PORT           listen address: $BIND, else 0.0.0.0:$PORT, else 0.0.0.0:8000
  WEB_CONCURRENCY       worker processes (default: 2 per CPU + 1)
  GUNICORN_WORKER_CLASS gthread (default) or sync
  GUNICORN_THREADS      threads per gthread worker (default 4; keep DB_POOL_MAX ≥ it)
  GUNICORN_TIMEOUT      seconds before a silent worker is killed and replaced (30)
  GUNICORN_KEEPALIVE    seconds to hold an idle keep-alive connection (5; set it above
                        the load balancer's idle timeout, e.g. 75 behind an AWS ALB)
  GUNICORN_MAX_REQUESTS recycle a worker after this many requests (10000, +10% jitter)
  FORWARDED_ALLOW_IPS   addresses of the proxies whose X-Forwarded-* headers are trusted
  PUBLIC_CACHE_GENERATION_FILE  without REDIS_URL: the file through which the workers
                        share the public pages' content generation (default: one in
                        /dev/shm per checkout). Give management commands (imports)
                        the same value, or set REDIS_URL, which makes it unnecessary.

Behind a proxy. The proxy terminates TLS and must *overwrite* (not append to)
``X-Forwarded-Proto``. Django trusts that header (``SECURE_PROXY_SSL_HEADER``) for
HTTPS redirects, HSTS and secure cookies, so gunicorn must be reachable only from the
proxy (a private address or a firewall), never straight from the internet. Set
``FORWARDED_ALLOW_IPS`` to the proxy's address(es) (``*`` only when nothing else can
reach the port, e.g. inside a container network) so gunicorn's own idea of the scheme
(``wsgi.url_scheme``) agrees. For client addresses in the login lockout, set
``PROXY_COUNT`` for Django (see README).
"""

import hashlib
import os


def _int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _cpus():
    try:
        return len(os.sched_getaffinity(0))  # honours taskset/cpuset limits
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


wsgi_app = "newsroom.wsgi:application"

# Each worker has its own local-memory cache when there is no Redis; the content
# generation that retires cached pages must still be one for all of them.
if not os.environ.get("REDIS_URL") and not os.environ.get(
    "PUBLIC_CACHE_GENERATION_FILE"
):
    _checkout = hashlib.sha256(os.getcwd().encode()).hexdigest()[:12]
    _directory = "/dev/shm" if os.path.isdir("/dev/shm") else "/tmp"
    os.environ["PUBLIC_CACHE_GENERATION_FILE"] = (
        f"{_directory}/newsroom-{os.getuid()}-{_checkout}.generation"
    )

if os.environ.get("BIND"):
    bind = [address.strip() for address in os.environ["BIND"].split(",")]
else:
    bind = [f"0.0.0.0:{_int('PORT', 8000)}"]

worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = _int("WEB_CONCURRENCY", 2 * _cpus() + 1)
# gthread: threads share the worker's psycopg connection pool (DB_POOL_MAX per worker).
threads = _int("GUNICORN_THREADS", 4 if worker_class == "gthread" else 1)

timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Recycle workers now and then so a slow leak never takes the site down; the jitter
# keeps them from all restarting at the same moment.
max_requests = _int("GUNICORN_MAX_REQUESTS", 10_000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", max(1, max_requests // 10))

# Heartbeat files in memory, not on a disk that may stall (Docker's overlayfs).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}

# Logs: access log on stdout, errors on stderr; %(M)s is the request time in ms.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
access_log_format = (
    '%(h)s "%(r)s" %(s)s %(B)s %(M)sms ref="%(f)s" ua="%(a)s" '
    'fwd="%({x-forwarded-for}i)s"'
)
proc_name = "newsroom"
