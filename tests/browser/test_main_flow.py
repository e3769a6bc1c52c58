"""The main job end to end in Chromium: two cooperatives find each other.

A producer signs up, confirms the email, registers a cooperative and lists a
product; a consumer does the same and shares a demand, sees the match and
sends an inquiry, which then arrives in the producer's inbox.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from cooperatives.models import Cooperative, Region
from marketplace.models import Demand, Inquiry, Product
from monitoring.models import InteractionEvent
from tests.factories import category, unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Sawah-hijau-2026"


def submit_main_form(page: Page) -> None:
    page.locator("main form[method=post]").last.locator("[type=submit]").last.click()


def sign_up_and_confirm(page: Page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/akun/signup/")
    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    submit_main_form(page)
    page.wait_for_load_state()
    message = [item for item in mail.outbox if email in item.to][-1]
    link = re.search(r"https?://\S+/akun/confirm-email/\S+/", message.body).group(0)
    page.goto(base_url + "/" + link.split("/", 3)[3])
    submit_main_form(page)
    page.wait_for_url(re.compile(r"/beranda/$"))


def register_cooperative(page: Page, base_url: str, *, name: str, kind: str, region):
    page.goto(f"{base_url}/koperasi/daftar/")
    page.fill("input[name=name]", name)
    page.select_option("select[name=kind]", kind)
    page.select_option(
        "select[name=sector]", "agriculture" if kind == "producer" else "retail"
    )
    page.select_option("select[name=region]", str(region.pk))
    page.fill("input[name=member_count]", "150")
    page.fill("input[name=phone]", "0812-3456-7890")
    submit_main_form(page)
    page.wait_for_url(re.compile(r"/beranda/$"))


def log_out(page: Page, base_url: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base_url}/")


def test_producer_and_consumer_meet(page: Page, live_server, bandung, garut, tmp_path):
    base_url = live_server.url

    sign_up_and_confirm(page, base_url, "ani@tanimakmur.id")
    register_cooperative(
        page,
        base_url,
        name="Koperasi Tani Makmur",
        kind="producer",
        region=bandung,
    )
    page.goto(f"{base_url}/pasar/produk/baru/")
    page.fill("input[name=name]", "Beras Pandanwangi")
    page.select_option("select[name=category]", value=str(category("beras").pk))
    page.select_option("select[name=unit]", value=str(unit("kg").pk))
    page.fill("input[name=price]", "12.000")
    page.fill("input[name=minimum_order]", "10")
    page.fill("input[name=monthly_capacity]", "5.000")
    submit_main_form(page)
    page.wait_for_load_state()
    product = Product.objects.get(name="Beras Pandanwangi")
    assert product.price == 12000
    assert product.monthly_capacity == 5000

    log_out(page, base_url)
    sign_up_and_confirm(page, base_url, "citra@konsumen.id")
    register_cooperative(
        page,
        base_url,
        name="Koperasi Konsumen Sejahtera",
        kind="consumer",
        region=garut,
    )
    page.goto(f"{base_url}/pasar/kebutuhan/baru/")
    page.select_option("select[name=category]", value=str(category("beras").pk))
    page.fill("input[name=item]", "Beras pandanwangi")
    page.fill("input[name=monthly_quantity]", "20")
    page.select_option("select[name=unit]", value=str(unit("kuintal").pk))
    page.fill("input[name=max_price]", "1.400.000")
    page.select_option("select[name=delivery_region]", str(garut.pk))
    valid_until = timezone.localdate() + timedelta(days=60)
    page.fill("input[name=valid_until]", valid_until.isoformat())
    submit_main_form(page)
    page.wait_for_load_state()
    demand = Demand.objects.get(cooperative__name="Koperasi Konsumen Sejahtera")

    page.goto(f"{base_url}/pasar/kebutuhan/{demand.pk}/")
    expect(page.get_by_text("Beras Pandanwangi").first).to_be_visible()
    page.locator(
        f"a[href*='/pasar/pesan/baru/'][href*='product={product.pk}']"
    ).first.click()
    page.fill("input[name=subject]", "Pasokan beras bulanan")
    page.fill("textarea[name=body]", "Bisakah kirim 2 ton per bulan ke Garut?")
    submit_main_form(page)
    page.wait_for_url(re.compile(r"/pasar/pesan/\d+/$"))
    page.screenshot(path=tmp_path / "inquiry-sent.png", full_page=True)

    log_out(page, base_url)
    page.goto(f"{base_url}/akun/login/")
    page.fill("input[name=login]", "ani@tanimakmur.id")
    page.fill("input[name=password]", PASSWORD)
    submit_main_form(page)
    page.wait_for_url(re.compile(r"/beranda/$"))
    page.goto(f"{base_url}/pasar/pesan/")
    expect(page.get_by_text("Pasokan beras bulanan").first).to_be_visible()

    inquiry = Inquiry.objects.get(subject="Pasokan beras bulanan")
    assert inquiry.recipient_cooperative == Cooperative.objects.get(
        name="Koperasi Tani Makmur"
    )
    assert InteractionEvent.objects.filter(kind="inquiry_sent").count() == 1
    assert Region.objects.count() == 2
