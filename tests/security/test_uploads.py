"""Uploads that are not whole JPG, PNG or WebP images get a form error, never a 500."""

import pytest
from django.urls import reverse

from marketplace.models import Product

from ..factories import category, unit
from .conftest import (
    image_bytes,
    png_header_only,
    truncated_jpeg,
    upload,
    webp_html_polyglot,
)

pytestmark = pytest.mark.django_db


def _edit_logo(client, producer, logo):
    data = {
        "name": producer.name,
        "kind": producer.kind,
        "sector": producer.sector,
        "member_count": "120",
        "region": str(producer.region_id),
        "logo": logo,
    }
    url = reverse("cooperatives:edit", kwargs={"slug": producer.slug})
    return client.post(url, data)


def _create_product(client, photo):
    data = {
        "name": "Beras Uji Unggah",
        "category": category("beras").pk,
        "unit": unit("kg").pk,
        "price": "12.000",
        "minimum_order": "10",
        "monthly_capacity": "500",
        "photo": photo,
    }
    return client.post(reverse("marketplace:product-create"), data)


def _error_codes(response, field: str) -> list[str]:
    return [error.code for error in response.context["form"].errors.as_data()[field]]


@pytest.mark.parametrize("name", ["evil.html", "evil.svg", "evil.js", "evil"])
def test_logo_polyglot_name_rejected(client, ani, producer, name):
    client.force_login(ani)
    response = _edit_logo(
        client, producer, upload(name, webp_html_polyglot(), "text/html")
    )
    assert response.status_code == 200
    assert _error_codes(response, "logo") == ["invalid_image"]
    producer.refresh_from_db()
    assert not producer.logo


def test_logo_webp_name_accepted(client, ani, producer):
    client.force_login(ani)
    response = _edit_logo(
        client, producer, upload("logo.WEBP", image_bytes("WEBP"), "image/webp")
    )
    assert response.status_code == 302
    producer.refresh_from_db()
    assert producer.logo.name.endswith((".webp", ".WEBP"))


def test_logo_truncated_jpeg_rejected(client, ani, producer):
    client.force_login(ani)
    response = _edit_logo(
        client, producer, upload("logo.jpg", truncated_jpeg(), "image/jpeg")
    )
    assert response.status_code == 200
    assert _error_codes(response, "logo") == ["damaged_image"]
    producer.refresh_from_db()
    assert not producer.logo


def test_logo_header_only_png_rejected(client, ani, producer):
    client.force_login(ani)
    response = _edit_logo(
        client, producer, upload("logo.png", png_header_only(4000, 4000), "image/png")
    )
    assert response.status_code == 200
    assert _error_codes(response, "logo") == ["damaged_image"]


def test_logo_decompression_bomb_rejected(client, ani, producer):
    client.force_login(ani)
    response = _edit_logo(
        client, producer, upload("logo.png", png_header_only(30000, 30000), "image/png")
    )
    assert response.status_code == 200
    assert _error_codes(response, "logo") == ["too_many_pixels"]


def test_photo_truncated_jpeg_rejected(client, ani, producer):
    client.force_login(ani)
    response = _create_product(
        client, upload("foto.jpg", truncated_jpeg(), "image/jpeg")
    )
    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    assert not Product.objects.exists()


def test_photo_header_only_png_rejected(client, ani, producer):
    client.force_login(ani)
    response = _create_product(
        client, upload("foto.png", png_header_only(4000, 4000), "image/png")
    )
    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    assert not Product.objects.exists()
