"""Bad input on the product and demand forms: messages, never exceptions."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from marketplace.forms import (
    DemandEditForm,
    DemandForm,
    InquiryForm,
    ProductEditForm,
    ProductForm,
    unit_conversions,
)

from ..factories import DemandFactory, ProductFactory, category, unit

pytestmark = pytest.mark.django_db


def _product_data(**overrides) -> dict:
    return {
        "name": "Beras Pandan Wangi",
        "category": category("beras").pk,
        "unit": unit("kg").pk,
        "price": "12.500",
        "minimum_order": "10",
        "monthly_capacity": "2000",
        "description": "",
        **overrides,
    }


def _demand_data(region, **overrides) -> dict:
    return {
        "category": category("beras").pk,
        "item": "Beras medium",
        "monthly_quantity": "1.000",
        "unit": unit("kg").pk,
        "max_price": "14.000",
        "delivery_region": region.pk,
        "valid_until": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "note": "",
        **overrides,
    }


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("1.500", 1500),
        ("1.500.000", 1_500_000),
        ("1500", 1500),
        ("Rp 1.500", 1500),
        ("Rp1.500", 1500),
        ("IDR 2.000", 2000),
    ],
)
def test_price_indonesian_formats(typed, stored):
    form = ProductForm(data=_product_data(price=typed))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["price"] == stored


def test_price_english_comma():
    with translation.override("en"):
        form = ProductForm(data=_product_data(price="1,500"))
        assert form.is_valid(), form.errors
    assert form.cleaned_data["price"] == 1500


def test_price_fraction_rejected():
    form = ProductForm(data=_product_data(price="1500,50"))
    assert not form.is_valid()
    assert "angka bulat dalam Rupiah: hapus angka setelah" in form.errors["price"][0]


@pytest.mark.parametrize("typed", ["-1000", "-5", "0"])
def test_price_not_positive(typed):
    form = ProductForm(data=_product_data(price=typed))
    assert not form.is_valid()
    assert form.errors["price"] == ["Masukkan harga lebih dari nol."]


@pytest.mark.parametrize("typed", ["abc", "1.50", "12..500", "1.5000"])
def test_price_unreadable(typed):
    form = ProductForm(data=_product_data(price=typed))
    assert not form.is_valid()
    assert "bukan jumlah yang valid" in form.errors["price"][0]


def test_price_too_large():
    form = ProductForm(data=_product_data(price="99999999999999999999"))
    assert not form.is_valid()
    assert "paling tinggi Rp 1.000.000.000.000" in form.errors["price"][0]


def test_quantity_comma_decimal():
    form = ProductForm(data=_product_data(minimum_order="2,5"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["minimum_order"] == Decimal("2.5")


@pytest.mark.parametrize("field", ["minimum_order", "monthly_capacity"])
@pytest.mark.parametrize("typed", ["0", "-1", "-0,5"])
def test_quantity_not_positive(field, typed):
    form = ProductForm(data=_product_data(**{field: typed}))
    assert not form.is_valid()
    assert form.errors[field] == ["Masukkan jumlah lebih dari nol."]


@pytest.mark.parametrize("typed", ["banyak", "NaN", "Infinity", "1e999"])
def test_quantity_unreadable(typed):
    form = ProductForm(data=_product_data(monthly_capacity=typed))
    assert not form.is_valid()
    assert "monthly_capacity" in form.errors


@pytest.mark.parametrize(
    "field", ["name", "category", "unit", "price", "monthly_capacity"]
)
def test_product_required_fields(field):
    form = ProductForm(data=_product_data(**{field: ""}))
    assert not form.is_valid()
    assert field in form.errors


def test_product_unknown_category():
    form = ProductForm(data=_product_data(category="999999"))
    assert not form.is_valid()
    assert "category" in form.errors


def test_demand_valid(garut):
    form = DemandForm(data=_demand_data(garut))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["monthly_quantity"] == Decimal("1000")
    assert form.cleaned_data["max_price"] == 14_000


def test_demand_today_allowed(garut):
    form = DemandForm(
        data=_demand_data(garut, valid_until=timezone.localdate().isoformat())
    )
    assert form.is_valid(), form.errors


def test_demand_past_date_rejected(garut):
    yesterday = timezone.localdate() - timedelta(days=1)
    form = DemandForm(data=_demand_data(garut, valid_until=yesterday.isoformat()))
    assert not form.is_valid()
    assert form.errors["valid_until"] == ["Pilih hari ini atau tanggal sesudahnya."]


@pytest.mark.parametrize("typed", ["2026-13-45", "besok", "31/02/2027"])
def test_demand_bad_date(garut, typed):
    form = DemandForm(data=_demand_data(garut, valid_until=typed))
    assert not form.is_valid()
    assert "valid_until" in form.errors


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("monthly_quantity", "0", "Masukkan jumlah lebih dari nol."),
        ("monthly_quantity", "-10", "Masukkan jumlah lebih dari nol."),
        ("max_price", "0", "Masukkan harga lebih dari nol."),
        ("max_price", "-1000", "Masukkan harga lebih dari nol."),
    ],
)
def test_demand_not_positive(garut, field, typed, message):
    form = DemandForm(data=_demand_data(garut, **{field: typed}))
    assert not form.is_valid()
    assert form.errors[field] == [message]


@pytest.mark.parametrize(
    "field",
    ["category", "item", "monthly_quantity", "unit", "max_price", "valid_until"],
)
def test_demand_required_fields(garut, field):
    form = DemandForm(data=_demand_data(garut, **{field: ""}))
    assert not form.is_valid()
    assert field in form.errors


def test_demand_item_saved(garut, consumer):
    form = DemandForm(data=_demand_data(garut, item="Cabai rawit merah"))
    assert form.is_valid(), form.errors
    demand = form.save(commit=False)
    assert demand.item == "Cabai rawit merah"


def test_demand_item_too_long(garut):
    form = DemandForm(data=_demand_data(garut, item="x" * 121))
    assert not form.is_valid()
    assert "item" in form.errors


def test_demand_item_blank_rejected(garut):
    form = DemandForm(data=_demand_data(garut, item="   "))
    assert not form.is_valid()
    assert "item" in form.errors


# Drop-downs and unit help


def _forms(consumer, producer):
    return [
        ProductForm(),
        ProductEditForm(instance=ProductFactory(cooperative=producer)),
        DemandForm(),
        DemandEditForm(instance=DemandFactory(cooperative=consumer)),
    ]


def test_forms_no_dashes_label(consumer, producer):
    for form in _forms(consumer, producer):
        html = str(form)
        assert "---------" not in html, type(form).__name__
        assert "<select" in html


def test_forms_choose_labels(consumer, producer):
    with translation.override("en"):
        for form in _forms(consumer, producer):
            html = str(form)
            assert "Choose a category" in html
            assert "Choose a unit" in html


def test_unit_help_conversions():
    with translation.override("id"):
        assert unit_conversions() == "1 kuintal = 100 kg; 1 ton = 1.000 kg"
    with translation.override("en"):
        assert unit_conversions() == "1 quintal = 100 kg; 1 tonne = 1,000 kg"


@pytest.mark.parametrize("form_class", [ProductForm, DemandForm])
def test_unit_help_on_forms(form_class):
    with translation.override("en"):
        help_text = form_class().fields["unit"].help_text
    assert "1 quintal = 100 kg" in help_text
    assert "1 tonne = 1,000 kg" in help_text


def test_inquiry_form_required():
    form = InquiryForm(data={"subject": "", "body": "  "})
    assert not form.is_valid()
    assert "subject" in form.errors
    assert "body" in form.errors


def test_inquiry_form_too_long():
    form = InquiryForm(data={"subject": "x" * 201, "body": "y" * 5001})
    assert not form.is_valid()
    assert "subject" in form.errors
    assert "body" in form.errors


@pytest.mark.django_db
def test_minimum_order_above_capacity_rejected():
    form = ProductForm(
        data={
            "name": "Beras Pulen",
            "category": category("beras").pk,
            "unit": unit("kg").pk,
            "price": "12.000",
            "minimum_order": "600",
            "monthly_capacity": "500",
        }
    )

    assert not form.is_valid()
    assert form.errors["minimum_order"]


@pytest.mark.django_db
def test_demand_valid_past_one_year_rejected(consumer):
    form = DemandForm(
        data={
            "category": category("beras").pk,
            "monthly_quantity": "100",
            "unit": unit("kg").pk,
            "max_price": "14.000",
            "delivery_region": consumer.region.pk,
            "valid_until": "9999-12-31",
        },
    )

    assert not form.is_valid()
    assert form.errors["valid_until"]
