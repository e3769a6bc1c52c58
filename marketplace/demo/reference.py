"""Read the reference CSV files that size and price the demo data.

marketplace/data/SOURCES.md and cooperatives/data/SOURCES.md name the source
of every file, and each statistical row also carries its own source column.
"""

import csv
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

MARKET_DATA_DIR = Path(__file__).resolve().parents[1] / "data"
REGION_DATA_DIR = Path(__file__).resolve().parents[2] / "cooperatives" / "data"

PROVINCE_CODE = "32"
PRODUCER_LEVEL = "produsen"
CONSUMER_LEVEL = "konsumen"

# Factors from a published per-capita unit to kg per capita per month. A
# month is 365/12 days.
_DAYS_PER_MONTH = Decimal(365) / 12
MONTHLY_KG_FACTORS = {
    "kg/kapita/bulan": Decimal(1),
    "kg/kapita/tahun": Decimal(1) / 12,
    "gram/kapita/hari": _DAYS_PER_MONTH / 1000,
    "gram/kapita/minggu": _DAYS_PER_MONTH / 7 / 1000,
}

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True)
class PriceRow:
    """One row of prices_reference.csv: a price in whole Rupiah per unit."""

    commodity: str
    unit: str
    price: int
    market_level: str
    price_type: str
    region_code: str
    date: tuple[int, int, int]
    source: str


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _date_key(text: str) -> tuple[int, int, int]:
    """Return (year, month, day) of the first date in text, with 0 for a missing part.

    The file writes dates as "2025-09-28", "2018-12", "2025 (as reported)" or
    "from 2025-01-15 (Kepbadan 2/2025)".
    """
    found = _DATE.search(text)
    if found is None:
        return (0, 0, 0)
    return tuple(int(part or 0) for part in found.groups())


@cache
def read_prices() -> tuple[PriceRow, ...]:
    return tuple(
        PriceRow(
            commodity=row["commodity"],
            unit=row["unit"],
            price=int(row["price_idr"]),
            market_level=row["market_level"],
            price_type=row["price_type"],
            region_code=row["region_bps_code"],
            date=_date_key(row["date_or_period"]),
            source=row["source"],
        )
        for row in _read_csv(MARKET_DATA_DIR / "prices_reference.csv")
    )


def _region_rank(row_code: str, region_code: str) -> int:
    if row_code == region_code:
        return 2
    return 1 if row_code == PROVINCE_CODE else 0


def reference_price(commodity: str, *, level: str, region_code: str) -> PriceRow | None:
    """Return the best price row of a commodity at a market level, or None.

    The newest row wins. Among rows of the same date, a row for the regency
    beats one for Jawa Barat, which beats a national or zone row, and an
    observed price beats a ceiling or reference price (HET, HAP, HPP).
    """
    candidates = [
        row
        for row in read_prices()
        if row.commodity == commodity and row.market_level == level
    ]
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda row: (
            row.date,
            _region_rank(row.region_code, region_code),
            row.price_type.startswith("observed"),
        ),
    )


@cache
def monthly_consumption_kg(commodity: str, area: str = "Indonesia") -> Decimal:
    """Return the per-capita consumption of a commodity in kg per month.

    Raises LookupError when consumption_per_capita.csv has no such row and
    ValueError when its published unit is not one of MONTHLY_KG_FACTORS.
    """
    for row in _read_csv(MARKET_DATA_DIR / "consumption_per_capita.csv"):
        if row["commodity"] == commodity and row["area"] == area:
            # A unit such as "gram/kapita/hari (DERIVED)" marks a derived
            # value, so only the part before the bracket is the unit.
            unit = row["unit_as_published"].split(" (")[0]
            if unit not in MONTHLY_KG_FACTORS:
                raise ValueError(
                    f"Invalid consumption unit {unit!r} for {commodity}. Add its "
                    "factor to MONTHLY_KG_FACTORS."
                )
            return Decimal(row["quantity_as_published"]) * MONTHLY_KG_FACTORS[unit]
    raise LookupError(
        f"No row for {commodity!r} in {area} found in consumption_per_capita.csv."
    )


@cache
def household_size() -> Decimal:
    """Return the average household size of Jawa Barat in persons.

    The value 3.69 is DERIVED, not published: the Dukcapil population of the
    second half of 2024 (51,316,378) divided by the BPS household estimate
    for 2024 (13,924,466). No published BPS average was found.
    """
    for row in _read_csv(REGION_DATA_DIR / "household_context_jabar.csv"):
        if row["indicator"] == "rata_rata_anggota_rumah_tangga_DERIVED":
            return Decimal(row["value"])
    raise LookupError("household_context_jabar.csv has no average household size.")


@cache
def leading_products() -> dict[str, tuple[str, ...]]:
    """Return the leading products of each regency by BPS code, in file order."""
    products: dict[str, list[str]] = {}
    for row in _read_csv(MARKET_DATA_DIR / "commodities_jabar.csv"):
        products.setdefault(row["regency_bps_code"], []).append(row["product"])
    return {code: tuple(names) for code, names in products.items()}
