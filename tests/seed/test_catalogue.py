from decimal import Decimal

import pytest

from cooperatives.models import Cooperative
from cooperatives.search import normalise
from marketplace.demo import catalogue, reference
from marketplace.models import Category, Demand, Unit


def test_every_leading_product_mapped():
    products = {
        name for names in reference.leading_products().values() for name in names
    }
    assert products - catalogue.LEADING_PRODUCT_SPECS.keys() == set()


def test_no_stale_mapping():
    products = {
        name for names in reference.leading_products().values() for name in names
    }
    assert catalogue.LEADING_PRODUCT_SPECS.keys() - products == set()


def all_specs():
    mapped = {spec for spec in catalogue.LEADING_PRODUCT_SPECS.values() if spec}
    return sorted(mapped | set(catalogue.FALLBACK_SPECS), key=lambda spec: spec.name)


@pytest.mark.django_db
@pytest.mark.parametrize("spec", all_specs(), ids=lambda spec: spec.name)
def test_spec_uses_known_codes(spec):
    assert Category.objects.filter(code=spec.category).exists()
    assert Unit.objects.filter(code=spec.unit).exists()
    assert spec.sector in Cooperative.Sector.values


DEMAND_SPECS = [*catalogue.STANDING_DEMANDS, *catalogue.ALTERNATING_DEMANDS]


@pytest.mark.parametrize("spec", DEMAND_SPECS, ids=lambda spec: spec.item)
def test_demand_item_named_by_products(spec):
    # Matching ranks products whose name shares a word with the item first,
    # so each demo demand needs products that do.
    item_words = set(normalise(spec.item).split())
    named = [
        product.name
        for product in all_specs()
        if product.category == spec.category
        and item_words & set(normalise(product.name).split())
    ]
    assert named != [], spec.item


@pytest.mark.parametrize("spec", DEMAND_SPECS, ids=lambda spec: spec.item)
def test_demand_item_fits_field(spec):
    assert 0 < len(spec.item) <= Demand._meta.get_field("item").max_length


def test_spec_price_commodities_exist():
    commodities = {row.commodity for row in reference.read_prices()}
    for spec in all_specs():
        assert spec.producer_price in commodities | {""}, spec.name
        assert spec.consumer_price in commodities | {""}, spec.name


def test_region_specs_from_commodities():
    garut = catalogue.specs_for_region("3205")
    assert [spec.name for spec in garut[:2]] == [
        "Cabai merah keriting",
        "Cabai rawit",
    ]
    assert len(garut) == len(set(garut))


def test_region_without_products_falls_back():
    assert catalogue.specs_for_region("3274") == catalogue.FALLBACK_SPECS
    # Kabupaten Bandung Barat has only a dairy row, which maps to nothing.
    assert catalogue.specs_for_region("3217") == catalogue.FALLBACK_SPECS


def test_household_size_is_derived_value():
    assert reference.household_size() == Decimal("3.69")


def test_monthly_rice_consumption():
    assert reference.monthly_consumption_kg("beras") == Decimal("6.5")


def test_yearly_value_per_month():
    assert reference.monthly_consumption_kg("cabai besar") == Decimal("2.42") / 12


def test_daily_value_per_month():
    per_month = reference.monthly_consumption_kg(
        "buah (derived = sayur+buah minus sayur)"
    )
    assert per_month == Decimal("90.1") * Decimal(365) / 12 / 1000


def test_rice_demand_quantity():
    # 6.5 kg per capita per month x 100 members x 3.69 persons = 2,398.5 kg.
    quantity = catalogue.demand_quantity_kg(catalogue.RICE_DEMAND, member_count=100)
    assert quantity == Decimal("2399")


def test_rice_demand_max_price():
    # 13,403 Rupiah (beras medium, 22 Sep 2025) x 1.10, rounded up to 100.
    price = catalogue.demand_max_price(catalogue.RICE_DEMAND, region_code="3273")
    assert price == 14_800


def test_regency_price_preferred():
    row = reference.reference_price(
        "cabai rawit", level=reference.CONSUMER_LEVEL, region_code="3205"
    )
    assert row.price == 27_000


def test_province_price_without_regency_row():
    row = reference.reference_price(
        "cabai rawit", level=reference.CONSUMER_LEVEL, region_code="3201"
    )
    assert row.price == 44_590


def test_newest_price_preferred():
    # Kota Bandung's own row is from 2023; the Jawa Barat row is from 2025.
    row = reference.reference_price(
        "cabai merah keriting", level=reference.CONSUMER_LEVEL, region_code="3273"
    )
    assert row.price == 60_147


def test_observed_price_beats_ceiling():
    row = reference.reference_price(
        "beras medium", level=reference.CONSUMER_LEVEL, region_code="3273"
    )
    assert row.price == 13_403
    assert row.price_type == "observed_avg"


def test_producer_level_price():
    price = catalogue.producer_price_per_base(catalogue.RICE, region_code="3215")
    assert price == Decimal(12_000)


def test_consumer_price_times_share():
    price = catalogue.producer_price_per_base(catalogue.RED_CHILLI, region_code="3204")
    assert price == Decimal(60_147) * catalogue.FARM_GATE_SHARE


def test_default_price_without_reference():
    assert catalogue.producer_price_per_base(
        catalogue.ARABICA, region_code="3204"
    ) == Decimal(catalogue.CATEGORY_DEFAULTS["kopi"].price)
    assert catalogue.producer_price_per_base(
        catalogue.MANGO, region_code="3210"
    ) == Decimal(20_000)


def test_round_rupiah():
    assert catalogue.round_rupiah(Decimal("48117.6")) == 48_100
    assert catalogue.round_rupiah(Decimal("48150")) == 48_200
