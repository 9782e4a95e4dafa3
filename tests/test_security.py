"""Security headers, cookies, the TLS proxy, hosts and login brute-force protection.

Tests run over plain HTTP with SECURE=0; the HTTPS-dependent settings are switched on
with ``override_settings`` and ``secure=True`` requests, and the production values
themselves are checked by loading the settings with a production environment.
"""

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "production-like-" + "k3y-" * 16,
    "ALLOWED_HOSTS": "news.example.com",
    "SECURE": "1",
    "STATICFILES_BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}
SECURE_SETTINGS = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}
PASSWORD = "a-long-correct-password-1"


def parse_csp(header):
    policy = {}
    for directive in header.split(";"):
        name, *values = directive.split()
        policy[name] = values
    return policy


class InlineCode(HTMLParser):
    """Collects inline <script>/<style> elements and style="" attributes."""

    def __init__(self):
        super().__init__()
        self.inline = []  # (tag, nonce or None)
        self.style_attributes = 0
        self.event_handlers = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.style_attributes += 1
        if any(name.startswith("on") for name in attrs):
            self.event_handlers += 1
        if tag == "style" or (tag == "script" and "src" not in attrs):
            if attrs.get("type") in ("application/json", "application/ld+json"):
                return  # data, never executed
            self.inline.append((tag, attrs.get("nonce")))


def production_settings(*names):
    """The named settings as the production environment computes them."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}, "
        "default=str))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="newsroom.settings")
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- Production settings -------------------------------------------------------------
def test_check_deploy_passes_with_production_settings():
    env = {**os.environ, **PRODUCTION_ENV}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_are_locked_down():
    values = production_settings(
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_PROXY_SSL_HEADER",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "SESSION_COOKIE_NAME",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SAMESITE",
        "SECURE_CSP",
    )
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    for cookie in ("SESSION", "CSRF"):
        assert values[f"{cookie}_COOKIE_SECURE"] is True
        assert values[f"{cookie}_COOKIE_HTTPONLY"] is True
        assert values[f"{cookie}_COOKIE_SAMESITE"] in ("Lax", "Strict")
    assert values["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert values["SECURE_CSP"]["upgrade-insecure-requests"] is True


# --- Headers on a story page, a 404 and the admin login ------------------------------
@pytest.fixture
def pages():
    article = factories.make_article(body="A story.\n\nWith two paragraphs.")
    return {
        "story": reverse("articles:detail", kwargs={"slug": article.slug}),
        "404": "/no-such-page-at-all/",
        "admin login": reverse("admin:login"),
    }


@override_settings(**SECURE_SETTINGS)
@pytest.mark.parametrize("page", ["story", "404", "admin login"])
def test_security_headers(client, pages, page):
    response = client.get(pages[page], secure=True)
    assert response.status_code == (404 if page == "404" else 200)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    hsts = dict(
        part.strip().partition("=")[::2]
        for part in response["Strict-Transport-Security"].split(";")
    )
    assert int(hsts["max-age"]) >= 31_536_000
    assert "includeSubDomains" in hsts


@pytest.mark.parametrize("page", ["story", "404", "admin login"])
def test_content_security_policy(client, pages, page):
    response = client.get(pages[page])
    policy = parse_csp(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] in (["'self'"], ["'none'"])
    assert policy["form-action"] == ["'self'"]
    for directive in ("script-src", "style-src"):
        values = policy.get(directive, policy["default-src"])
        assert "'unsafe-inline'" not in values, directive
        assert "'unsafe-eval'" not in values, directive
        assert "*" not in values and "data:" not in values, directive

    # Every inline script or style in the page carries this response's nonce.
    nonces = {
        value.removeprefix("'nonce-").removesuffix("'")
        for value in policy["script-src"] + policy.get("style-src", [])
        if value.startswith("'nonce-")
    }
    parser = InlineCode()
    parser.feed(response.content.decode())
    for tag, nonce in parser.inline:
        assert nonce in nonces, f"inline <{tag}> without the nonce on {page}"
    assert parser.style_attributes == 0, f"style= attributes on {page}"
    assert parser.event_handlers == 0, f"on…= handlers on {page}"


def test_the_admin_works_under_the_csp(admin_client):
    """The admin's pages (index, a change list, a change form) keep to the policy."""
    article = factories.make_article()
    for url in (
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        policy = parse_csp(response["Content-Security-Policy"])
        nonces = [v for v in policy["script-src"] if v.startswith("'nonce-")]
        parser = InlineCode()
        parser.feed(response.content.decode())
        for tag, nonce in parser.inline:
            assert f"'nonce-{nonce}'" in nonces, f"<{tag}> without the nonce on {url}"
        assert parser.event_handlers == 0, url


# --- Cookies -------------------------------------------------------------------------
@override_settings(**SECURE_SETTINGS)
def test_cookies_are_secure_httponly_and_samesite(client):
    get_user_model().objects.create_user(
        "editor", password=PASSWORD, is_staff=True, is_superuser=True
    )
    login = reverse("admin:login")
    response = client.get(login, secure=True)
    csrf = response.cookies["csrftoken"]
    response = client.post(
        login,
        {
            "username": "editor",
            "password": PASSWORD,
            "csrfmiddlewaretoken": csrf.value,
        },
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    for cookie in (csrf, session):
        assert cookie["secure"] is True
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"


# --- Behind the TLS proxy ------------------------------------------------------------
@override_settings(**SECURE_SETTINGS)
def test_plain_http_is_redirected_to_https(client, pages):
    response = client.get(pages["story"])
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


@override_settings(**SECURE_SETTINGS)
def test_the_proxy_header_is_honoured_without_a_redirect_loop(client, pages):
    response = client.get(pages["story"], HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response


@override_settings(**SECURE_SETTINGS)
def test_a_forged_http_proto_is_still_redirected(client, pages):
    response = client.get(pages["story"], HTTP_X_FORWARDED_PROTO="http")
    assert response.status_code == 301


# --- Hosts and malformed requests ----------------------------------------------------
def test_an_unknown_host_gets_400(client, pages):
    for url in (pages["story"], "/", "/admin/login/"):
        assert client.get(url, HTTP_HOST="evil.example").status_code == 400


def test_a_nul_byte_anywhere_in_the_url_gets_400(client):
    assert client.get("/?q=%00").status_code == 400
    assert client.get("/stories/a%00b/").status_code == 400
    assert client.get("/?q=%1b[31m").status_code == 400


# --- Login brute-force protection ----------------------------------------------------
def _attempt(client, username, password):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR="203.0.113.7",
    )


def _normalised(response, username):
    body = response.content.decode()
    body = body.replace(username, "USERNAME")
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", body)
    return re.sub(r"nonce=\"[^\"]+\"", "NONCE", body)


def test_unknown_user_and_wrong_password_get_the_same_answer(client, settings):
    get_user_model().objects.create_user("reporter", password=PASSWORD, is_staff=True)
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        known = _attempt(client, "reporter", f"wrong-{attempt}")
        unknown = _attempt(client, "nobody-here", f"wrong-{attempt}")
        assert known.status_code == unknown.status_code == 200
        assert b"Please enter the correct username and password" in known.content
        assert _normalised(known, "reporter") == _normalised(unknown, "nobody-here")


def test_lockout_after_repeated_failures_reveals_nothing(client, settings):
    get_user_model().objects.create_user("reporter", password=PASSWORD, is_staff=True)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        _attempt(client, "reporter", f"wrong-{attempt}")
        _attempt(client, "nobody-here", f"wrong-{attempt}")

    known = _attempt(client, "reporter", "wrong-again")
    unknown = _attempt(client, "nobody-here", "wrong-again")
    assert known.status_code == unknown.status_code == 429
    assert known.content == unknown.content
    assert b"reporter" not in known.content

    # Locked out, even the right password gets the same answer and no session.
    right = _attempt(client, "reporter", PASSWORD)
    assert right.status_code == 429
    assert right.content == known.content
    assert "sessionid" not in right.cookies


def test_the_lockout_is_per_client_address(client, settings):
    get_user_model().objects.create_user("reporter", password=PASSWORD, is_staff=True)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        _attempt(client, "reporter", f"wrong-{attempt}")
    response = client.post(
        reverse("admin:login"),
        {"username": "reporter", "password": PASSWORD, "next": "/admin/"},
        REMOTE_ADDR="198.51.100.20",
    )
    assert response.status_code == 302  # the real reporter, from the office


def test_client_address_behind_proxies(rf, settings):
    from newsroom.security import client_ip

    request = rf.get(
        "/",
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7, 10.0.0.1",
    )
    settings.PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.PROXY_COUNT = 1
    assert client_ip(request) == "10.0.0.1"
    settings.PROXY_COUNT = 2
    assert client_ip(request) == "203.0.113.7"  # never the client's own claim
    # Behind fewer proxies than configured, the hop is the client's own: junk.
    junk = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="<script>, 1.2.3.4")
    settings.PROXY_COUNT = 2
    assert client_ip(junk) == "10.0.0.2"


def test_a_forged_forwarded_for_never_crashes_the_login(client, settings):
    settings.PROXY_COUNT = 1
    response = client.post(
        reverse("admin:login"),
        {"username": "someone", "password": "wrong"},
        HTTP_X_FORWARDED_FOR="not-an-address",
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    "username,password",
    [("a\x00b", "x"), ("admin", "p\x00ss"), ("x" * 10_000, "y"), ("' OR 1=1 --", "z")],
)
def test_junk_logins_never_crash(client, username, password):
    response = _attempt(client, username, password)
    assert response.status_code in (200, 429)
