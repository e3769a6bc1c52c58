"""Numbers posted without the browser, and edit forms submitted unchanged."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from cooperatives.fields import parse_quantity, parse_rupiah
from cooperatives.validators import validate_cooperative_number
from marketplace.models import Demand, Product

from ..factories import DemandFactory, ProductFactory, category, unit

pytestmark = pytest.mark.django_db


def _input_value(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert match, f"no value for {name} in the form"
    return match.group(1)


def _product_data(**overrides) -> dict:
    return {
        "name": "Beras Uji",
        "category": category("beras").pk,
        "unit": unit("kg").pk,
        "price": "12.000",
        "minimum_order": "10",
        "monthly_capacity": "500",
        **overrides,
    }


def test_price_thousands_of_digits(client, ani, producer):
    client.force_login(ani)
    url = reverse("marketplace:product-create")
    response = client.post(url, _product_data(price="9" * 5000))
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert [error.code for error in errors["price"]] == ["too_long"]
    assert not Product.objects.exists()


def test_max_price_thousands_of_digits(client, citra, consumer, garut):
    client.force_login(citra)
    data = {
        "category": category("beras").pk,
        "monthly_quantity": "100",
        "unit": unit("kg").pk,
        "max_price": "9" * 5000,
        "delivery_region": garut.pk,
        "valid_until": "2099-01-31",
    }
    response = client.post(reverse("marketplace:demand-create"), data)
    assert response.status_code == 200
    assert "max_price" in response.context["form"].errors
    assert not Demand.objects.exists()


@pytest.mark.parametrize("language", ["id", "en"])
def test_product_edit_unchanged_keeps_quantities(client, ani, producer, language):
    ani.language = language
    ani.save()
    product = ProductFactory(
        cooperative=producer,
        minimum_order=Decimal("2.5"),
        monthly_capacity=Decimal("5000"),
    )
    client.force_login(ani)
    url = reverse("marketplace:product-edit", kwargs={"pk": product.pk})
    page = client.get(url).text
    fields = ["name", "price", "minimum_order", "monthly_capacity"]
    data = _product_data(**{name: _input_value(page, name) for name in fields})
    data["is_active"] = "on"
    response = client.post(url, data)
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.minimum_order == Decimal("2.5")
    assert product.monthly_capacity == Decimal("5000")
    assert product.price == 12_000


@pytest.mark.parametrize("language", ["id", "en"])
def test_demand_edit_unchanged_keeps_quantity(client, citra, consumer, garut, language):
    citra.language = language
    citra.save()
    demand = DemandFactory(
        cooperative=consumer,
        monthly_quantity=Decimal("500"),
        delivery_region=garut,
    )
    client.force_login(citra)
    url = reverse("marketplace:demand-edit", kwargs={"pk": demand.pk})
    page = client.get(url).text
    data = {
        "category": demand.category_id,
        "item": _input_value(page, "item"),
        "unit": demand.unit_id,
        "delivery_region": garut.pk,
        "monthly_quantity": _input_value(page, "monthly_quantity"),
        "max_price": _input_value(page, "max_price"),
        "valid_until": _input_value(page, "valid_until"),
        "is_active": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    demand.refresh_from_db()
    assert demand.monthly_quantity == Decimal("500")
    assert demand.max_price == 14_000


@pytest.mark.parametrize("typed", ["١٢٣", "１２３", "१२३"])
def test_price_in_other_digits_rejected(typed):
    with translation.override("id"), pytest.raises(ValidationError):
        parse_rupiah(typed)


@pytest.mark.parametrize("typed", ["١٫٥", "１"])
def test_quantity_in_other_digits_rejected(typed):
    with translation.override("id"), pytest.raises(ValidationError):
        parse_quantity(typed)


def test_nik_in_other_digits_rejected():
    with pytest.raises(ValidationError):
        validate_cooperative_number("١" * 16)
