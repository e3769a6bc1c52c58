"""The directory and a profile in headless Chromium at phone width (360 px)."""

import pytest
from playwright.sync_api import Page, expect

from cooperatives import services

from ..factories import CooperativeFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def listed(transactional_db, bandung):
    cooperatives = [
        CooperativeFactory(name="Koperasi Tani Makmur", region=bandung),
        CooperativeFactory(
            name="Koperasi Konsumen Sejahtera", kind="consumer", region=bandung
        ),
    ]
    for cooperative in cooperatives:
        services.cooperative_refresh_search(cooperative=cooperative)
    return cooperatives


def _collect_console_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if message.type == "error" else None
        ),
    )
    return errors


def test_phone_filters_start_folded(page: Page, live_server, listed):
    page.goto(f"{live_server.url}/koperasi/")
    expect(page.locator("#directory-filters")).to_be_hidden()
    page.locator("button[aria-controls=directory-filters]").click()
    expect(page.locator("#directory-filters")).to_be_visible()


def test_phone_search_updates_results(page: Page, live_server, listed):
    page.goto(f"{live_server.url}/koperasi/")
    page.fill("input[name=q]", "koprasi tani")
    page.keyboard.press("Enter")
    results = page.locator("#directory-results")
    expect(results).not_to_contain_text("Koperasi Konsumen Sejahtera")
    expect(results).to_contain_text("Koperasi Tani Makmur")


def test_phone_pages_break_no_csp_rule(page: Page, live_server, listed):
    errors = _collect_console_errors(page)
    page.goto(f"{live_server.url}/koperasi/")
    page.goto(f"{live_server.url}{listed[0].get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Koperasi Tani Makmur")
    assert errors == []


def test_phone_directory_fits_width(page: Page, live_server, listed):
    page.goto(f"{live_server.url}/koperasi/")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360
