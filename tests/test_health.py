"""/healthz and /readyz for load balancers, and the per-request log line."""

import json
import logging

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

SECURE_SETTINGS = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_readyz_checks_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/readyz")
    assert response.status_code == 200


def test_readyz_is_503_when_the_database_is_down(client, monkeypatch):
    def refuse(self, sql, params=None):
        raise OperationalError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    response = client.get(reverse("readyz"))
    assert response.status_code == 503
    assert client.get(reverse("healthz")).status_code == 200


@pytest.mark.parametrize("url", ["/healthz", "/readyz"])
def test_probes_have_no_csp_no_cookies_no_cache(client, url):
    # A session cookie must not make the probe load the session.
    client.cookies["sessionid"] = "not-a-real-session"
    response = client.get(url)
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert "cookie" not in response.get("Vary", "").lower()
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("url", ["/healthz", "/readyz"])
def test_probes_are_exempt_from_the_https_redirect(client, url):
    with override_settings(**SECURE_SETTINGS):
        assert client.get(url).status_code == 200  # plain HTTP from the balancer
        assert client.get("/admin/login/").status_code == 301


def test_probes_only_answer_get_and_head(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_one_json_log_line_per_request(client, caplog):
    with caplog.at_level(logging.INFO, logger="newsroom.request"):
        client.get("/no/such/page/?q=1")
    records = [r for r in caplog.records if r.name == "newsroom.request"]
    assert len(records) == 1
    fields = json.loads(records[0].getMessage())
    assert fields["method"] == "GET"
    assert fields["path"] == "/no/such/page/"
    assert fields["status"] == 404
    assert fields["duration_ms"] >= 0
    assert fields["user"] == "anonymous"


def test_the_log_line_cannot_be_forged(client, caplog):
    with caplog.at_level(logging.INFO, logger="newsroom.request"):
        client.get("/a%0A2026-01-01 INFO forged/")
    (record,) = [r for r in caplog.records if r.name == "newsroom.request"]
    assert "\n" not in record.getMessage()


def test_probes_log_quietly(client, caplog):
    with caplog.at_level(logging.INFO, logger="newsroom.request"):
        client.get("/healthz")
    assert not [r for r in caplog.records if r.name == "newsroom.request"]
