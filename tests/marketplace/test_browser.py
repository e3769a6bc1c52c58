"""Marketplace pages in headless Chromium at 360 px: no sideways scrolling and
no Content-Security-Policy violations.
"""

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from ..factories import InquiryFactory

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


# Lists each element of <main> that reaches past the viewport's left or
# right edge, and each <time> cut off by its container, as "tag.class: text".
_CLIPPED_ELEMENTS = """
() => {
  const width = document.documentElement.clientWidth;
  const describe = (element) =>
    `${element.tagName.toLowerCase()}.${element.className}: ` +
    element.textContent.trim().slice(0, 40);
  const found = [];
  for (const element of document.querySelectorAll("main *")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.left < 0 || box.right > width) found.push(describe(element));
  }
  for (const time of document.querySelectorAll("main time")) {
    const container = time.parentElement;
    if (container.scrollWidth > container.clientWidth) found.push(describe(time));
  }
  return found;
}
"""


def test_inbox_fits_phone(page, live_server, ani, producer, consumer, tmp_path):
    consumer.name = "Koperasi Konsumen Sejahtera Bersama Warga Kabupaten Garut"
    consumer.save()
    InquiryFactory(
        sender_cooperative=consumer,
        recipient_cooperative=producer,
        subject="Pasokan beras pandan wangi dan beras medium untuk toko anggota",
    )
    InquiryFactory(sender_cooperative=producer, recipient_cooperative=consumer)
    _log_in(page, live_server, ani)
    page.goto(live_server.url + reverse("marketplace:inbox"))
    page.screenshot(path=tmp_path / "inbox.png", full_page=True)
    assert page.evaluate(_CLIPPED_ELEMENTS) == []
    assert page.locator("main time").count() == 2
    for tab in page.locator("main nav a").all():
        assert tab.is_visible()


def test_reply_in_browser(page, live_server, ani, inquiry, problems):
    _log_in(page, live_server, ani)
    page.goto(live_server.url + inquiry.get_absolute_url())
    page.fill("textarea[name=body]", "Bisa, kami kirim minggu depan.")
    page.locator("main form[method=post] [type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_text("Bisa, kami kirim minggu depan.").is_visible()
    assert inquiry.replies.count() == 1
    assert problems == []
