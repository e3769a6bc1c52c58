"""Data migrations of the marketplace, run on the current models."""

import importlib

import pytest
from django.apps import apps
from django.utils import translation

from marketplace.models import Demand, Unit

from ..factories import DemandFactory, category

pytestmark = pytest.mark.django_db

fill_demand_item = importlib.import_module(
    "marketplace.migrations.0004_fill_demand_item"
)
quintal_name = importlib.import_module("marketplace.migrations.0005_quintal_name")


def test_fill_item_from_category():
    old = DemandFactory(item="", category=category("sayuran"))
    fill_demand_item.fill_item(apps, None)
    old.refresh_from_db()
    assert old.item == "Sayuran"


def test_fill_item_keeps_given_item():
    named = DemandFactory(item="Cabai rawit", category=category("sayuran"))
    fill_demand_item.fill_item(apps, None)
    named.refresh_from_db()
    assert named.item == "Cabai rawit"


def test_fill_item_reverse_clears_filled():
    filled = DemandFactory(item="Beras", category=category("beras"))
    named = DemandFactory(item="Beras medium", category=category("beras"))
    fill_demand_item.clear_item(apps, None)
    assert Demand.objects.get(pk=filled.pk).item == ""
    assert Demand.objects.get(pk=named.pk).item == "Beras medium"


def test_quintal_named_plainly():
    quintal = Unit.objects.get(code="kuintal")
    assert quintal.name_en == "quintal"
    assert quintal.name_id == "kuintal"


def test_quintal_rename_and_back():
    Unit.objects.filter(code="kuintal").update(name_en="quintal (100 kg)")
    quintal_name.rename(apps, None)
    assert Unit.objects.get(code="kuintal").name_en == "quintal"
    quintal_name.rename_back(apps, None)
    assert Unit.objects.get(code="kuintal").name_en == "quintal (100 kg)"


def test_quintal_shown_without_conversion():
    demand = DemandFactory(unit=Unit.objects.get(code="kuintal"))
    with translation.override("en"):
        assert str(demand) == "Beras medium · 1000 quintal"
