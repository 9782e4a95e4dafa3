"""An editor's day in a real browser: verify a quote, publish, and a reader sees it."""

import pytest

from actors.models import Quote
from articles.models import Article
from tests.factories import make_actor, make_article, make_quote, make_user

PASSWORD = "correct-horse-battery-staple"
HEADLINE = "Harbour bridge closes for six weeks of repairs"
BODY = (
    "The harbour bridge will close on Monday.\n\n"
    "The closure is needed to keep the bridge safe, the harbour master said."
)


@pytest.mark.browser
def test_editor_verifies_a_quote_publishes_and_a_reader_sees_it(
    page, browser, live_server, transactional_db, screenshot_dir
):
    from playwright.sync_api import expect

    editor = make_user("editor", username="erin", password=PASSWORD)
    article = make_article(
        status=Article.Status.IN_REVIEW, headline=HEADLINE, body=BODY
    )
    quote = make_quote(
        article=article,
        speaker=make_actor(name="Harbour Master"),
        text="The closure is needed to keep the bridge safe",
    )

    # Log in through the admin form (django-axes watches this login).
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#editorial-dashboard")).to_contain_text(HEADLINE)

    # The review queue: verify the quote.
    page.click("text=Quote review queue")
    row = page.locator("#result_list tbody tr", has_text="The closure is needed")
    expect(row).to_contain_text("Harbour Master")
    row.locator("input.action-select").check()
    page.select_option("select[name=action]", "verify_selected")
    page.click("button[name=index]")
    expect(page.locator(".messagelist")).to_contain_text("1 quote(s) verified")
    page.screenshot(path=screenshot_dir / "editor-quote-queue.png")

    # Publish the story from its page; no reason needed now every quote is checked.
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.click("#move-publish")
    expect(page.locator("#unverified-quotes")).to_have_count(0)
    page.click("input[type=submit][value='Publish or schedule']")
    expect(page.locator(".messagelist")).to_contain_text("was published")
    expect(page.locator("#transition-history")).to_contain_text("Published")

    quote.refresh_from_db()
    article.refresh_from_db()
    assert quote.status == Quote.Status.VERIFIED and quote.reviewed_by == editor
    assert article.is_published()

    # An anonymous reader, in a fresh browser context, finds it on the front page.
    reader = browser.new_context()
    try:
        front = reader.new_page()
        front.goto(f"{live_server.url}/")
        expect(front.get_by_role("link", name=HEADLINE).first).to_be_visible()
        front.screenshot(path=screenshot_dir / "reader-front-page.png")
    finally:
        reader.close()
