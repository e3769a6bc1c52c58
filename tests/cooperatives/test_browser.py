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


@pytest.fixture
def crowded(transactional_db, bandung):
    """Twenty cooperatives without a logo, some with names that wrap."""
    return [
        CooperativeFactory(
            name=f"Koperasi Produsen Tani dan Ternak Sejahtera Bersama {number}"
            if number % 3 == 0
            else f"Koperasi Tani {number}",
            is_verified=number % 2 == 0,
            region=bandung,
        )
        for number in range(20)
    ]


def _card_bottoms(page: Page) -> list[float]:
    """Return the bottom edge of each directory card in page coordinates."""
    return page.evaluate(
        """() => [...document.querySelectorAll('#directory-results article')]
            .map((card) => card.getBoundingClientRect().bottom + window.scrollY)"""
    )


def test_phone_directory_fits_five_cards(page: Page, live_server, crowded):
    page.goto(f"{live_server.url}/koperasi/")
    bottoms = _card_bottoms(page)
    assert len(bottoms) == 20
    assert len([bottom for bottom in bottoms if bottom <= 1600]) >= 5


def test_phone_directory_skips_placeholder(page: Page, live_server, crowded):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/koperasi/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#directory-results img").count() == 0
    assert [url for url in requested if "placeholder" in url] == []


def test_desktop_directory_keeps_card_look(page: Page, live_server, crowded):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/koperasi/")
    image_box = page.locator("#directory-results .ecobiz-card-img").first
    box = image_box.bounding_box()
    background = image_box.evaluate("(box) => getComputedStyle(box).backgroundImage")
    assert "placeholder.svg" in background
    assert box["height"] == pytest.approx(box["width"] * 0.75, abs=1)
    assert page.locator("#directory-results .ecobiz-card-icon").first.is_hidden()
