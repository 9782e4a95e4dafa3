"""Junk in the query string of every public URL never makes a 500.

The URLs come from the URLconf (everything outside the admin and the health probes),
so pages added later are fuzzed too. Slug arguments are filled with real objects where
one answers 200; the parameter names are the usual ones plus every name a page's own
forms and links use. Run it on PostgreSQL as well: that is where a NUL byte or a bad
tsquery would blow up.
"""

import re
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actors.models import Actor
from articles.models import Article, Correction, Source, Tag
from tests import factories

SKIPPED_NAMESPACES = {"admin"}
SKIPPED_NAMES = {"healthz", "readyz"}

COMMON_PARAMETERS = [
    "q", "page", "tag", "actor", "speaker", "source", "status", "kind", "sort",
    "order", "date", "from", "to", "year", "month", "per_page", "format", "cursor",
]  # fmt: skip

JUNK = [
    "\x00",
    "abc\x00def",
    "",
    " ",
    "abc",
    "-1",
    "0",
    "-0",
    "1.5",
    "1e309",
    "NaN",
    "99999999999999999999999999",
    "-99999999999999999999",
    "2147483648",
    "9" * 5000,
    "x" * 20_000,
    "' OR 1=1 --",
    '"; DROP TABLE articles_article; --',
    "%",
    "_",
    "\\",
    "%%' || '",
    "a & b | !c <-> d:*",
    "!!!",
    "():*&|",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "../../etc/passwd",
    "日本語の記事 ✓",
    "\u202e\u2066evil\u2069",
    "\U0001f600" * 50,
    "\ud800",  # a lone surrogate: not even encodable
    "2026-13-45",
    "0000-00-00",
    "[]",
    "{}",
    "true",
    "null",
]

# Raw, percent-encoded query strings that no dict can express.
RAW_QUERIES = [
    "q=%00",
    "page=%00",
    "q=%FF%FE%FD",
    "q=%C0%AF",
    "q=%",
    "q=%zz",
    "page=1&page=2&page=abc",
    "q[]=a&q[]=b",
    "=&=&&&",
    "q",
    ";;;",
    "page=" + "%2C" * 2000,
    "&".join(f"p{i}=1" for i in range(500)),
]


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            if ns in SKIPPED_NAMESPACES:
                continue
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            if pattern.name in SKIPPED_NAMES:
                continue
            yield namespace, pattern.name, prefix + str(pattern.pattern)


def public_routes():
    """(label, route) for every public URL pattern, e.g. "articles:detail"."""
    routes = []
    for namespace, name, route in _walk(get_resolver().url_patterns):
        label = f"{namespace}:{name}" if namespace else (name or route)
        routes.append((label, route))
    return routes


def _candidates():
    slugs = []
    for model in (Article, Actor, Tag, Source):
        slugs.extend(model.objects.order_by("pk").values_list("slug", flat=True)[:3])
    pks = [str(pk) for pk in Article.objects.values_list("pk", flat=True)[:3]]
    return {"slug": slugs + ["no-such-thing"], "int": pks + ["0", "999999"]}


_PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def _fill(route, values, client):
    """Concrete URLs for a route: real objects first, so the page itself renders."""
    names = _PARAMETER.findall(route)
    if not names:
        return "/" + route
    best = None
    pools = [values.get(conv or "str", values["slug"]) for conv, _ in names]
    for i in range(max(len(pool) for pool in pools)):
        url = "/" + route
        for (conv, name), pool in zip(names, pools, strict=True):
            url = re.sub(
                rf"<(?:{conv}:)?{name}>", pool[min(i, len(pool) - 1)], url, count=1
            )
        best = best or url
        if client.get(url).status_code == 200:
            return url
    return best


def _parameters_on_page(content):
    """The query parameter names a page's own forms and links use."""
    text = content.decode("utf-8", "replace")
    names = set(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([\w-]+)"', text))
    names |= set(re.findall(r"[?&](?:amp;)?([\w-]+)=", text))
    return names - {"csrfmiddlewaretoken"}


@pytest.fixture
def archive(db):
    tags = [factories.make_tag(name=f"Topic {i}") for i in range(3)]
    source = factories.make_source(name="Wire Service")
    articles = [
        factories.make_article(
            headline=f"Minister says budget will pass {i}",
            body=f"The minister said: we will pass the budget {i}.\n\nMore text.",
            tags=tags[: i % 3 + 1],
            source=source,
        )
        for i in range(6)
    ]
    for i, article in enumerate(articles[:4]):
        actor = factories.make_actor(name=f"Minister Number {i}", aliases=[f"MN{i}"])
        factories.make_mention(actor=actor, article=article)
        factories.make_quote(
            article=article, speaker=actor, text="we will pass the budget"
        )
    Correction.objects.create(article=articles[0], note="An earlier version erred.")
    return articles


statuses = {}


@pytest.fixture
def targets(archive, client):
    values = _candidates()
    found = {}
    for label, route in public_routes():
        url = _fill(route, values, client)
        response = client.get(url)
        assert response.status_code < 500, (label, url)
        own = (
            _parameters_on_page(response.content)
            if response.status_code == 200
            else set()
        )
        found[label] = (url, sorted(own | set(COMMON_PARAMETERS)), sorted(own))
        statuses[label] = response.status_code
    return found


def _encode(pairs):
    """A query string; lone surrogates go out as the raw bytes a browser never sends."""
    return "&".join(
        f"{quote(k)}={quote(v.encode('utf-8', 'surrogatepass'), safe='')}"
        for k, v in pairs
    )


def _get(client, url, query):
    response = client.get(f"{url}?{query}")
    assert response.status_code < 500, f"{response.status_code} for {url}?{query[:200]}"
    return response


def test_the_url_list_covers_the_public_site(targets):
    labels = set(targets)
    for expected in (
        "articles:list",
        "articles:detail",
        "actors:list",
        "actors:detail",
    ):
        assert expected in labels
        assert statuses[expected] == 200, f"{expected} was not filled with a real page"
    # Whatever else exists (search, feeds, sitemaps, tags, corrections) is fuzzed too.
    assert len(labels) >= 4


def test_junk_in_every_parameter_of_every_public_url(client, targets):
    for url, params, _own in targets.values():
        for value in JUNK:
            response = _get(client, url, _encode((name, value) for name in params))
            if "\x00" in value:
                assert response.status_code == 400


# One parameter at a time: a valid value elsewhere must not hide a crash here.
ONE_AT_A_TIME = ["-1", "99999999999999999999", "abc", "1e309", "x" * 20_000,
                 "' OR 1=1 --", "a & b | !c <-> d:*", "日本語の記事 ✓", "\ud800",
                 "2026-13-45", "%"]  # fmt: skip


def test_junk_one_parameter_at_a_time(client, targets):
    """Each parameter the page's own forms and links use, alone."""
    for url, _params, own in targets.values():
        for name in own:
            for value in ONE_AT_A_TIME:
                _get(client, url, _encode([(name, value)]))


def test_raw_query_strings(client, targets):
    for url, _params, _own in targets.values():
        for query in RAW_QUERIES:
            _get(client, url, query)


def test_nul_and_control_characters_are_refused_before_any_view(client, targets):
    for url, _params, _own in targets.values():
        for query in ("q=%00", "page=1%00", "a%00=1", "q=%0D%0ASet-Cookie:x=1"):
            assert client.get(f"{url}?{query}").status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/stories/%00/",
        "/stories/" + "a" * 5000 + "/",
        "/stories/%E2%80%AE/",
        "/stories/..%2F..%2Fetc%2Fpasswd/",
        "/tags/%27%20OR%201=1/",
        "/actors/%F0%9F%98%80/",
        "/%C0%AF/",
    ],
)
def test_junk_paths(client, archive, path):
    assert client.get(path).status_code < 500


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_random_queries(client, targets, data):
    label = data.draw(st.sampled_from(sorted(targets)))
    url, params, _own = targets[label]
    query = data.draw(
        st.dictionaries(
            st.sampled_from(params),
            st.one_of(
                st.text(max_size=200),
                st.integers().map(str),
                st.floats().map(str),
                st.sampled_from(JUNK),
            ),
            max_size=4,
        )
    )
    _get(client, url, _encode(query.items()))


JUNK_HEADERS = [
    {"HTTP_IF_NONE_MATCH": '"unterminated'},
    {"HTTP_IF_NONE_MATCH": "*"},
    {"HTTP_IF_NONE_MATCH": "W/" + '"x",' * 500},
    {"HTTP_IF_MODIFIED_SINCE": "yesterday"},
    {"HTTP_IF_MODIFIED_SINCE": "Mon, 99 Foo 99999 99:99:99 GMT"},
    {"HTTP_IF_MATCH": '"nope"'},
    {"HTTP_COOKIE": "sessionid=" + "x" * 5000},
    {"HTTP_COOKIE": "sessionid=%00; csrftoken=\x7f"},
    {"HTTP_COOKIE": "sessionid=' OR 1=1 --"},
    {"HTTP_X_FORWARDED_PROTO": "https, http"},
    {"HTTP_X_FORWARDED_FOR": "<script>, ::1, 999.1.1.1"},
    {"HTTP_ACCEPT_LANGUAGE": "zz-ZZ;q=abc," * 100},
    {"HTTP_HOST": "testserver:99999"},
    {"HTTP_HOST": "test\x00server"},
]


def test_junk_headers_on_every_public_url(client, targets):
    for url, _params, _own in targets.values():
        for headers in JUNK_HEADERS:
            response = client.get(url, **headers)
            assert response.status_code < 500, (url, headers)
