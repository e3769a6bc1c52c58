"""Load the province of Jawa Barat and its 27 regencies and cities.

The rows come from cooperatives/data/regions_jabar.csv. SOURCES.md in that
folder names the source and licence of each column.
"""

import csv
import logging
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cooperatives.models import Province, Region

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
REGIONS_CSV = DATA_DIR / "regions_jabar.csv"
PROVINCE_BPS_CODE = "32"
PROVINCE_NAME = "Jawa Barat"
REGION_COUNT = 27


def read_region_rows(path: Path = REGIONS_CSV) -> list[dict]:
    """Read the regions CSV into dicts of Region field values, in BPS code order.

    Raises CommandError when a row is outside the province or has an unknown
    kind, and when the file does not contain exactly REGION_COUNT regions.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [_region_values(row) for row in csv.DictReader(handle)]
    codes = {row["bps_code"] for row in rows}
    if len(codes) != REGION_COUNT or len(rows) != REGION_COUNT:
        raise CommandError(
            f"{path} contains {len(rows)} rows with {len(codes)} distinct BPS "
            f"codes, but {PROVINCE_NAME} has {REGION_COUNT} regencies and cities. "
            "Restore the file from the repository."
        )
    return sorted(rows, key=lambda row: row["bps_code"])


def _region_values(row: dict) -> dict:
    bps_code = row["bps_code"].strip()
    if len(bps_code) != 4 or not bps_code.startswith(PROVINCE_BPS_CODE):
        raise CommandError(
            f"Invalid BPS code {bps_code!r}: a regency of {PROVINCE_NAME} has four "
            f"digits starting with {PROVINCE_BPS_CODE}."
        )
    kind = row["kind"].strip()
    if kind not in Region.Kind.values:
        raise CommandError(
            f"Invalid kind {kind!r} for BPS code {bps_code}. "
            f"Expected one of {', '.join(Region.Kind.values)}."
        )
    return {
        "bps_code": bps_code,
        "kemendagri_code": row["kemendagri_code"].strip(),
        "kind": kind,
        "name": row["name"].strip(),
        "capital": row["capital"].strip(),
        "latitude": Decimal(row["latitude"]),
        "longitude": Decimal(row["longitude"]),
        "area_km2": Decimal(row["area_km2"]),
        "population": int(row["population_dukcapil_2024s2"]),
    }


def _differs(region: Region, values: dict) -> bool:
    return any(getattr(region, field) != value for field, value in values.items())


@transaction.atomic
def load_regions(path: Path = REGIONS_CSV) -> dict[str, int]:
    """Create or update the province and its regions and return counts by outcome.

    Rows equal to the stored ones are not written, so a second run changes
    nothing. The counts have the keys created, updated and unchanged.
    """
    province, _ = Province.objects.update_or_create(
        bps_code=PROVINCE_BPS_CODE, defaults={"name": PROVINCE_NAME}
    )
    stored = {region.bps_code: region for region in Region.objects.all()}
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for values in read_region_rows(path):
        values = {**values, "province_id": province.pk}
        current = stored.get(values["bps_code"])
        if current is not None and not _differs(current, values):
            counts["unchanged"] += 1
            continue
        _, created = Region.objects.update_or_create(
            bps_code=values.pop("bps_code"), defaults=values
        )
        counts["created" if created else "updated"] += 1
    logger.debug("Region load counts: %s", counts)
    return counts


class Command(BaseCommand):
    help = (
        "Load Jawa Barat and its 27 regencies and cities (BPS and Kemendagri "
        "codes, capital, coordinates, area, population). Safe to run again."
    )

    def handle(self, *args, **options):
        counts = load_regions()
        self.stdout.write(
            f"Reference data for {PROVINCE_NAME}: {REGION_COUNT} regions "
            f"({counts['created']} created, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged)."
        )
