"""The monitoring page in Chromium at phone width: the chart fits under the CSP."""

import pytest
from django.conf import settings
from playwright.sync_api import Page

from .test_views import add_days

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page: Page, live_server, client, user) -> None:
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def _label_size(page: Page) -> float:
    """Return the rendered size in pixels of the chart's 20-unit labels."""
    return page.evaluate(
        """() => {
            const chart = document.querySelector('svg#monitoring-chart');
            const units = Number(chart.querySelector('text').getAttribute('font-size'));
            return units * chart.getBoundingClientRect().width
                / chart.viewBox.baseVal.width;
        }"""
    )


def test_chart_draws_at_phone_width(page: Page, live_server, client, dewi):
    add_days(5)
    _log_in(page, live_server, client, dewi)
    errors = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size({"width": 360, "height": 780})

    page.goto(f"{live_server.url}/pemantauan/")

    assert errors == []
    chart = page.locator("svg#monitoring-chart")
    assert chart.locator("polyline").count() == 4
    points = chart.locator("polyline").first.get_attribute("points").split()
    assert len(points) == 30
    assert 0 < chart.bounding_box()["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("main table tbody tr").count() == 30


def test_chart_labels_near_body_size_on_desktop(page: Page, live_server, client, dewi):
    add_days(5)
    _log_in(page, live_server, client, dewi)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(f"{live_server.url}/pemantauan/")

    body_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert page.locator("svg#monitoring-chart").bounding_box()["width"] <= 512
    assert _label_size(page) <= body_size * 1.1


def test_chart_fills_phone_width(page: Page, live_server, client, dewi):
    add_days(5)
    _log_in(page, live_server, client, dewi)
    page.set_viewport_size({"width": 360, "height": 780})

    page.goto(f"{live_server.url}/pemantauan/")

    main_width = page.locator("main").evaluate("(main) => main.clientWidth")
    chart_width = page.locator("svg#monitoring-chart").bounding_box()["width"]
    # The main column has 12px of padding on each side.
    assert chart_width == main_width - 24
