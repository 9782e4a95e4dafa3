"""schema.org ``NewsArticle`` JSON-LD for a story page."""

import json

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

# As django.utils.html.json_script does: inside <script> nothing may close the element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
SCHEMA_TYPES = {"person": "Person", "place": "Place"}


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def thing(actor):
    data = {
        "@type": SCHEMA_TYPES.get(actor.kind, "Organization"),
        "name": actor.name,
        "url": absolute(actor.get_absolute_url()),
    }
    if actor.title and actor.kind == "person":
        data["jobTitle"] = actor.title
    return data


def news_article(article):
    """The story as a dict, from the caches ``Article.objects.for_detail()`` fills."""
    url = absolute(article.get_absolute_url())
    publisher = {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": settings.SITE_URL,
    }
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline[:110],
        "description": article.standfirst,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.published_at and article.published_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "author": (
            {"@type": "Person", "name": article.byline} if article.byline else publisher
        ),
        "publisher": publisher,
        "keywords": [tag.name for tag in article.tag_list],
        "mentions": [thing(actor) for actor in article.actors()],
        "hasPart": [
            {
                "@type": "Quotation",
                "text": quote.text,
                "url": f"{url}#quote-{quote.pk}",
                **(
                    {
                        "spokenByCharacter": thing(quote.speaker),
                        "creator": thing(quote.speaker),
                    }
                    if quote.speaker
                    else {}
                ),
            }
            for quote in article.public_quotes
        ],
        "correction": [
            {
                "@type": "CorrectionComment",
                "text": f"{note.get_kind_display()}: {note.note}",
                "datePublished": note.created_at.isoformat(),
            }
            for note in article.corrections.all()
        ],
    }
    if article.source:
        data["sourceOrganization"] = {
            "@type": "Organization",
            "name": article.source.name,
        }
        if article.source.url:
            data["isBasedOn"] = article.source.url
    if article.dateline_date:
        data["dateCreated"] = article.dateline_date.isoformat()
    return data


def json_ld_script(data):
    """A ``<script type="application/ld+json">`` element whose JSON cannot break out."""
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(payload)
    )


def news_article_json_ld(article):
    return json_ld_script(news_article(article))
