"""The monitoring page in Chromium at phone width: the chart fits under the CSP."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from playwright.sync_api import Page

from .test_views import add_days

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def facilitator(request):
    """Dewi, after restoring the group that a data migration creates.

    An earlier transactional test's flush empties every table, the group
    included. serialized_rollback cannot restore it because the flush also
    recreates the content types, which the restore then inserts twice.
    """
    Group.objects.get_or_create(name=settings.FACILITATORS_GROUP)
    return request.getfixturevalue("dewi")


def test_chart_draws_at_phone_width(page: Page, live_server, client, facilitator):
    add_days(5)
    client.force_login(facilitator)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
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
