"""A reader's journey in a real browser (Playwright driving Debian's Chromium).

Front page → story → a speaker's actor page → quote search → back to the story at the
quote. Screenshots of a story page and an actor page at desktop and phone widths go to
``artifacts/screenshots/``.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from actors.models import Actor, Quote
from tests import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "On March 16, 2025, while flying back to Washington, President Donald Trump "
    "shared his intention to speak with Russian President Vladimir Putin to discuss "
    "the ongoing war in Ukraine. He highlighted promising discussions between U.S. "
    'and Russian officials in Moscow, stating, "We want to see if we can bring that '
    'war to an end." Trump expressed his optimism.\n\n'
    "This conversation comes after both Ukraine and Russia have endured heavy "
    "bombings. Ukraine recently accepted a U.S.-proposed 30-day ceasefire, but "
    "tensions remain high.\n\n"
    "American officials, including Secretary of State Marco Rubio, emphasized the "
    'difficulties ahead. "There is a lot of work left to do," Rubio told reporters, '
    "adding that Ukraine's territorial integrity cannot be overlooked.\n\n"
    'In a related development, the Russian government seeks "ironclad" security '
    "guarantees in any agreement. Deputy Foreign Minister Alexander Grushko claims "
    "that these conditions are vital for any long-lasting peace."
)
WIDTHS = {"desktop": 1280, "phone": 375, "narrow": 320}


@pytest.fixture
def newsroom():
    tags = [f.make_tag(name="Ukraine"), f.make_tag(name="Diplomacy")]
    source = f.make_source(name="Reuters", url="https://www.reuters.com/")
    usa = f.make_actor(name="United States", kind=Actor.Kind.PLACE)
    trump = f.make_actor(
        name="Donald Trump",
        title="President of the United States",
        affiliation=usa,
        description="The 47th president of the United States.",
        is_verified=True,
    )
    putin = f.make_actor(name="Vladimir Putin", title="President of Russia")
    rubio = f.make_actor(name="Marco Rubio", title="Secretary of State")
    grushko = f.make_actor(name="Alexander Grushko", title="Deputy Foreign Minister")
    story = f.make_article(
        headline="Trump plans to speak with Putin about ending the war in Ukraine",
        standfirst="The president says there is a good chance of progress after "
        "talks between U.S. and Russian officials in Moscow.",
        body=BODY,
        byline="Newsroom staff",
        source=source,
        dateline_date=timezone.now().date(),
        related_headline="Ukraine accepts a U.S.-proposed 30-day ceasefire",
        published_at=timezone.now() - timedelta(minutes=30),
        tags=tags,
    )
    for offset, actor in enumerate([trump, putin, rubio, grushko]):
        f.make_mention(actor=actor, article=story, first_offset=offset)
    f.make_quote(
        article=story,
        speaker=trump,
        text="We want to see if we can bring that war to an end.",
        status=Quote.Status.VERIFIED,
    )
    f.make_quote(
        article=story, speaker=rubio, text="There is a lot of work left to do,"
    )
    f.make_quote(article=story, speaker=grushko, text="ironclad", is_partial=True)
    for n, headline in enumerate(
        [
            "Rubio and Waltz meet Ukrainian delegation in Jeddah",
            "Kremlin says Putin received the ceasefire plan through Witkoff",
            "European allies discuss a peacekeeping mission",
        ]
    ):
        other = f.make_article(
            headline=headline,
            standfirst="Envoys met for several hours on the terms of a truce.",
            body=f'Trump said "talks went well, number {n}" on the day.',
            tags=tags[n % 2 :],
            source=source,
            published_at=timezone.now() - timedelta(hours=n + 2),
        )
        f.make_mention(actor=trump, article=other)
        f.make_quote(article=other, speaker=trump, text=f"talks went well, number {n}")
        f.make_mention(actor=rubio, article=other)
    f.make_correction(
        article=story, note="An earlier version gave the wrong date for the call."
    )
    return {"story": story, "trump": trump}


def no_horizontal_scroll(page):
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_reader_journey(page, live_server, newsroom, screenshot_dir):
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}")
    )
    story, trump = newsroom["story"], newsroom["trump"]

    # The front page leads with the newest story.
    page.goto(live_server.url + "/")
    lead = page.locator(".story-card--lead h2 a")
    assert lead.inner_text() == story.headline

    # Keyboard users get a skip link first.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"

    # Follow the lead story.
    lead.click()
    page.wait_for_url(f"**{story.get_absolute_url()}")
    assert page.locator("h1").inner_text() == story.headline
    assert page.locator("q").count() == 3

    # Click the speaker's name next to their quote: their actor page.
    page.locator("a.speaker", has_text="Donald Trump").first.click()
    page.wait_for_url(f"**{trump.get_absolute_url()}")
    assert page.locator("h1").inner_text().startswith("Donald Trump")
    assert page.locator(".quote-card").count() == 4

    # Search who said what for a phrase, and land on the story at the quote.
    page.goto(live_server.url + "/quotes/")
    page.fill("#id_q", "bring that war")
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url("**/quotes/?q=bring+that+war*")
    results = page.locator(".quote-card")
    assert results.count() == 1
    results.locator("a", has_text=story.headline).click()
    page.wait_for_url(f"**{story.get_absolute_url()}#quote-*")
    assert page.locator("q:target").inner_text().startswith("We want to see")

    # Screenshots at desktop and phone widths; nothing overflows sideways.
    for name, url in [
        ("story", story.get_absolute_url()),
        ("actor", trump.get_absolute_url()),
    ]:
        for label, width in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(live_server.url + url)
            assert no_horizontal_scroll(page), (name, width)
            page.screenshot(
                path=str(screenshot_dir / f"{name}-{label}-{width}.png"),
                full_page=True,
            )
    assert errors == []  # no CSP violations, no missing files


LIST_PAGES = {
    "front": "/",
    "stories": "/stories/",
    "actors": "/actors/",
    "quotes": "/quotes/",
    "search": "/search/?q=war",
}


def test_front_and_list_pages_fit_every_width(
    page, live_server, newsroom, screenshot_dir
):
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in LIST_PAGES.items():
            response = page.goto(live_server.url + url)
            assert response.status == 200
            assert no_horizontal_scroll(page), (url, width)
            if label != "narrow":
                page.screenshot(
                    path=str(screenshot_dir / f"{name}-{label}-{width}.png"),
                    full_page=True,
                )
