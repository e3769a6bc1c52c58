"""Marketplace pages in headless Chromium at 360 px: no sideways scrolling and
no Content-Security-Policy violations.
"""

import importlib
import os
import shutil

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or ""
PHONE_WIDTH = 360

# Playwright's sync API runs an event loop in the test thread, where the ORM
# calls of the fixtures are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

if not CHROMIUM_PATH:
    pytestmark.append(pytest.mark.skip(reason="Chromium is not installed"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM_PATH,
        "args": ["--headless", "--no-sandbox", "--disable-gpu"],
        "headless": True,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "viewport": {"width": PHONE_WIDTH, "height": 780},
        "timezone_id": "Asia/Jakarta",
    }


@pytest.fixture(autouse=True)
def _reference_rows(transactional_db):
    """Insert the categories and units that the data migration provides.

    A transactional test ends by flushing every table, so after the first
    one the migration's rows are gone for the tests that follow.
    """
    migration = importlib.import_module(
        "marketplace.migrations.0002_categories_and_units"
    )
    migration.add_reference_rows(apps, None)


@pytest.fixture(autouse=True)
def _plain_http(settings):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_SSL_REDIRECT = False
    settings.SECURE_HSTS_SECONDS = 0


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
