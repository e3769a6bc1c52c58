from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from cooperatives.models import Province, Region

pytestmark = pytest.mark.django_db


def load() -> str:
    output = StringIO()
    call_command("load_reference_data", stdout=output)
    return output.getvalue()


def test_loads_province():
    load()
    province = Province.objects.get()
    assert province.bps_code == "32"
    assert province.name == "Jawa Barat"


def test_loads_27_regions():
    load()
    assert Region.objects.count() == 27
    assert Region.objects.filter(kind=Region.Kind.REGENCY).count() == 18
    assert Region.objects.filter(kind=Region.Kind.CITY).count() == 9


@pytest.mark.parametrize(
    ("bps_code", "name", "kemendagri_code", "kind"),
    [
        ("3201", "Kabupaten Bogor", "32.01", "kabupaten"),
        ("3205", "Kabupaten Garut", "32.05", "kabupaten"),
        ("3218", "Kabupaten Pangandaran", "32.18", "kabupaten"),
        ("3273", "Kota Bandung", "32.73", "kota"),
        ("3279", "Kota Banjar", "32.79", "kota"),
    ],
)
def test_region_codes(bps_code, name, kemendagri_code, kind):
    load()
    region = Region.objects.get(bps_code=bps_code)
    assert region.name == name
    assert region.kemendagri_code == kemendagri_code
    assert region.kind == kind


def test_region_figures():
    load()
    bandung = Region.objects.get(bps_code="3273")
    assert bandung.population == 2_591_763
    assert bandung.area_km2 == Decimal("166.593")
    assert bandung.latitude == Decimal("-6.919241")
    assert bandung.longitude == Decimal("107.636601")


def test_regency_capital():
    load()
    assert Region.objects.get(bps_code="3205").capital == "Tarogong Kidul"
    assert Region.objects.get(bps_code="3218").capital == "Parigi"


def test_total_population():
    # household_context_jabar.csv gives 51,316,378 as the sum of the rows.
    load()
    total = sum(Region.objects.values_list("population", flat=True))
    assert total == 51_316_378


def test_second_run_changes_nothing():
    load()
    before = list(Region.objects.order_by("bps_code").values())
    output = load()
    assert list(Region.objects.order_by("bps_code").values()) == before
    assert Province.objects.count() == 1
    assert "0 created, 0 updated, 27 unchanged" in output


def test_restores_changed_region():
    load()
    Region.objects.filter(bps_code="3273").update(population=1, name="Bandung")
    output = load()
    bandung = Region.objects.get(bps_code="3273")
    assert bandung.population == 2_591_763
    assert bandung.name == "Kota Bandung"
    assert "0 created, 1 updated, 26 unchanged" in output
