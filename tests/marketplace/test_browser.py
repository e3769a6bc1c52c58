"""Marketplace pages in headless Chromium at 360 px: no sideways scrolling and
no Content-Security-Policy violations.
"""

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE_WIDTH = 360


def _log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
    )


def _check_page(page, url: str, problems: list[str]) -> None:
    problems.clear()
    response = page.goto(url)
    assert response.status == 200, url
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{url} is {width} px wide"
    assert problems == [], url


@pytest.fixture
def problems(page) -> list[str]:
    found: list[str] = []
    page.on(
        "console",
        lambda message: found.append(message.text) if message.type == "error" else None,
    )
    return found


def test_public_pages_fit_phone(page, live_server, product, demand, problems):
    for url in (
        reverse("marketplace:product-list"),
        product.get_absolute_url(),
        reverse("marketplace:demand-list"),
        demand.get_absolute_url(),
    ):
        _check_page(page, live_server.url + url, problems)


def test_consumer_pages_fit_phone(
    page, live_server, citra, product, demand, inquiry, problems
):
    _log_in(page, live_server, citra)
    for url in (
        reverse("dashboard"),
        demand.get_absolute_url(),
        reverse("marketplace:demand-create"),
        reverse("marketplace:inquiry-create", args=[product.cooperative.slug])
        + f"?product={product.pk}",
        reverse("marketplace:inbox"),
        inquiry.get_absolute_url(),
    ):
        _check_page(page, live_server.url + url, problems)


def test_producer_pages_fit_phone(
    page, live_server, ani, product, demand, inquiry, problems
):
    _log_in(page, live_server, ani)
    for url in (
        reverse("dashboard"),
        product.get_absolute_url(),
        reverse("marketplace:product-create"),
        reverse("marketplace:product-edit", args=[product.pk]),
        reverse("marketplace:inbox"),
        inquiry.get_absolute_url(),
    ):
        _check_page(page, live_server.url + url, problems)


def test_reply_in_browser(page, live_server, ani, inquiry, problems):
    _log_in(page, live_server, ani)
    page.goto(live_server.url + inquiry.get_absolute_url())
    page.fill("textarea[name=body]", "Bisa, kami kirim minggu depan.")
    page.locator("main form[method=post] [type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_text("Bisa, kami kirim minggu depan.").is_visible()
    assert inquiry.replies.count() == 1
    assert problems == []
