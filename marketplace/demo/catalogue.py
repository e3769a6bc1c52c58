"""Catalogue of what demo cooperatives sell and buy, with price and quantity rules.

Each leading product of commodities_jabar.csv maps onto a catalogue entry
with one of the project's categories and units, or onto None when the
catalogue has no fitting category. docs/reference-data.md lists the formulas.
"""

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from cooperatives.models import Cooperative

from . import reference

Sector = Cooperative.Sector

# NOTE: an assumption, not a published figure. A producer cooperative is
# taken to receive 80 % of the consumer price when only a consumer price is
# on record for the commodity.
FARM_GATE_SHARE = Decimal("0.80")
# A consumer cooperative offers up to 10 % above the consumer price, so that
# its demand leaves room for transport (an assumption, not a figure).
DEMAND_PRICE_MARKUP = Decimal("1.10")
RUPIAH_STEP = Decimal(100)


@dataclass(frozen=True)
class CategoryDefault:
    """Plausible producer price and monthly capacity of a small cooperative.

    Both are assumptions for demo data, not published figures. Price is in
    Rupiah and capacity in base units (kg or pcs).
    """

    price: int
    capacity: int


CATEGORY_DEFAULTS = {
    "beras": CategoryDefault(price=11_000, capacity=20_000),
    "sayuran": CategoryDefault(price=8_000, capacity=4_000),
    "buah": CategoryDefault(price=15_000, capacity=8_000),
    "kopi": CategoryDefault(price=100_000, capacity=1_500),
    "rempah": CategoryDefault(price=30_000, capacity=500),
    "kerajinan": CategoryDefault(price=75_000, capacity=400),
    "fashion": CategoryDefault(price=150_000, capacity=600),
    "olahan-pangan": CategoryDefault(price=35_000, capacity=1_500),
}


@dataclass(frozen=True)
class ProductSpec:
    """A product a demo producer lists.

    producer_price and consumer_price name a commodity in
    prices_reference.csv. default_price and capacity, in Rupiah and base
    units, replace the category defaults where the category default would
    be implausible (a leather jacket is no 150,000-Rupiah item).
    """

    name: str
    category: str
    unit: str
    sector: str
    producer_price: str = ""
    consumer_price: str = ""
    default_price: int | None = None
    capacity: int | None = None

    @property
    def base_capacity(self) -> int:
        return self.capacity or CATEGORY_DEFAULTS[self.category].capacity


RICE = ProductSpec(
    "Beras medium",
    "beras",
    "kuintal",
    Sector.AGRICULTURE,
    producer_price="beras di gudang Bulog",
)
RED_CHILLI = ProductSpec(
    "Cabai merah keriting",
    "sayuran",
    "kg",
    Sector.AGRICULTURE,
    consumer_price="cabai merah keriting",
)
MANGO = ProductSpec(
    "Mangga gedong gincu", "buah", "kg", Sector.AGRICULTURE, default_price=20_000
)
ARABICA = ProductSpec("Kopi arabika (green bean)", "kopi", "kg", Sector.PLANTATION)
DODOL_BEKASI = ProductSpec("Dodol Bekasi", "olahan-pangan", "kg", Sector.PROCESSED_FOOD)
MIXED_VEGETABLES = ProductSpec("Sayuran campur", "sayuran", "kg", Sector.AGRICULTURE)

# Regencies with no mappable leading product get these staples instead:
# Kota Cirebon, Kota Cimahi and Kota Banjar have no row in
# commodities_jabar.csv, and Kabupaten Bandung Barat has only dairy.
FALLBACK_SPECS = (RICE, MIXED_VEGETABLES)

# Keyed on the `product` column of commodities_jabar.csv. None skips a row:
# a second row about a product already listed, a row about one named real
# cooperative, or a product without a fitting category or unit.
LEADING_PRODUCT_SPECS: dict[str, ProductSpec | None] = {
    "manggis (varietas Manggis Raya)": ProductSpec(
        "Manggis grade A",
        "buah",
        "kg",
        Sector.AGRICULTURE,
        producer_price="manggis grade A ekspor",
    ),
    "manggis ekspor ke China": None,
    "padi": RICE,
    "beras pandanwangi": ProductSpec(
        "Beras pandan wangi",
        "beras",
        "kg",
        Sector.AGRICULTURE,
        consumer_price="beras pandan wangi",
    ),
    "cabai merah keriting": RED_CHILLI,
    "kopi (arabika)": ARABICA,
    "kopi arabika": ARABICA,
    "kopi arabika ekspor": None,
    "kopi Kuningan": ProductSpec(
        "Kopi biji (green bean)", "kopi", "kg", Sector.PLANTATION
    ),
    # No dairy category, and each row describes a named real cooperative.
    "susu sapi perah (KPBS Pangalengan)": None,
    "susu sapi perah (KPSBU Lembang)": None,
    "cabai rawit": ProductSpec(
        "Cabai rawit", "sayuran", "kg", Sector.AGRICULTURE, consumer_price="cabai rawit"
    ),
    # Essential oil sold by the litre fits none of the categories.
    "akar wangi / minyak atsiri (vetiver)": None,
    "kerajinan akar wangi": ProductSpec(
        "Kerajinan akar wangi", "kerajinan", "pcs", Sector.CRAFTS, default_price=50_000
    ),
    "jeruk (Garut)": ProductSpec("Jeruk Garut", "buah", "kg", Sector.AGRICULTURE),
    "jaket dan kerajinan kulit Sukaregang": ProductSpec(
        "Jaket kulit domba",
        "fashion",
        "pcs",
        Sector.FASHION,
        default_price=600_000,
        capacity=300,
    ),
    "dodol Garut": ProductSpec(
        "Dodol Garut", "olahan-pangan", "kg", Sector.PROCESSED_FOOD
    ),
    "anyaman Rajapolah (bambu, pandan)": ProductSpec(
        "Anyaman pandan Rajapolah", "kerajinan", "pcs", Sector.CRAFTS
    ),
    "salak": ProductSpec(
        "Salak", "buah", "kg", Sector.AGRICULTURE, default_price=10_000
    ),
    "bordir (sebagian kecamatan)": ProductSpec(
        "Kain bordir", "fashion", "pcs", Sector.FASHION
    ),
    "galendo": ProductSpec("Galendo", "olahan-pangan", "kg", Sector.PROCESSED_FOOD),
    "ubi jalar (pasta ubi jalar ekspor)": ProductSpec(
        "Pasta ubi jalar",
        "olahan-pangan",
        "kg",
        Sector.PROCESSED_FOOD,
        default_price=25_000,
    ),
    "tape ketan / peuyeum ketan": ProductSpec(
        "Tape ketan", "olahan-pangan", "kg", Sector.PROCESSED_FOOD, default_price=20_000
    ),
    "furnitur dan kerajinan rotan": ProductSpec(
        "Kursi rotan",
        "kerajinan",
        "pcs",
        Sector.CRAFTS,
        default_price=450_000,
        capacity=150,
    ),
    "industri rotan (unit usaha)": None,
    "batik Trusmi (mega mendung)": ProductSpec(
        "Kain batik mega mendung",
        "fashion",
        "pcs",
        Sector.FASHION,
        default_price=200_000,
    ),
    "mangga gedong gincu": MANGO,
    "mangga (gedong gincu)": MANGO,
    "ubi Cilembu": ProductSpec("Ubi Cilembu", "sayuran", "kg", Sector.AGRICULTURE),
    # A piece of tofu costs hundreds of Rupiah, and a small maker fries about
    # 1,500 pieces a day (both assumptions).
    "tahu Sumedang (tahu bungkeng)": ProductSpec(
        "Tahu Sumedang",
        "olahan-pangan",
        "pcs",
        Sector.PROCESSED_FOOD,
        default_price=800,
        capacity=40_000,
    ),
    "nanas Subang (Si Madu)": ProductSpec(
        "Nanas Si Madu",
        "buah",
        "kg",
        Sector.AGRICULTURE,
        producer_price="nanas (kontrak kemitraan kelompok tani - industri selai)",
    ),
    "nanas": None,
    "keramik / gerabah Plered": ProductSpec(
        "Gerabah Plered", "kerajinan", "pcs", Sector.CRAFTS, default_price=60_000
    ),
    "dodol Bekasi dan gabus pucung": DODOL_BEKASI,
    "ikan cue bandeng (Desa Jayalaksana, Kec. Cabangbungin)": ProductSpec(
        "Bandeng cue", "olahan-pangan", "kg", Sector.FISHERIES, default_price=45_000
    ),
    "batik Bekasi": ProductSpec(
        "Kain batik Bekasi", "fashion", "pcs", Sector.FASHION, default_price=200_000
    ),
    "gula kelapa (gula merah) / gula semut": ProductSpec(
        "Gula semut kelapa",
        "olahan-pangan",
        "kg",
        Sector.PLANTATION,
        default_price=30_000,
        capacity=3_000,
    ),
    "ikan asin": ProductSpec("Ikan asin", "olahan-pangan", "kg", Sector.FISHERIES),
    "talas Bogor (talas mentega, ketan, pandan wangi) dan olahan (lapis talas)": (
        ProductSpec("Talas Bogor", "sayuran", "kg", Sector.AGRICULTURE)
    ),
    "mochi Sukabumi": ProductSpec(
        "Mochi (kotak isi 10)",
        "olahan-pangan",
        "pcs",
        Sector.PROCESSED_FOOD,
        default_price=30_000,
        capacity=3_000,
    ),
    "sepatu Cibaduyut": ProductSpec(
        "Sepatu kulit", "fashion", "pcs", Sector.FASHION, default_price=250_000
    ),
    "jeans Cihampelas": ProductSpec("Celana jeans", "fashion", "pcs", Sector.FASHION),
    # Cloth is sold by the metre, and the catalogue has no metre unit.
    "kain/tekstil Cigondewah": None,
    "rajutan Binong Jati": ProductSpec(
        "Sweter rajut", "fashion", "pcs", Sector.FASHION, default_price=100_000
    ),
    "kaos sablon Suci": ProductSpec(
        "Kaos sablon", "fashion", "pcs", Sector.CREATIVE, default_price=60_000
    ),
    "boneka Sukamulya / Warung Muncang": ProductSpec(
        "Boneka kain", "kerajinan", "pcs", Sector.CRAFTS, default_price=45_000
    ),
    "boneka (Kec. Rawalumbu)": ProductSpec(
        "Boneka", "kerajinan", "pcs", Sector.CRAFTS, default_price=45_000
    ),
    "dodol Bekasi dan batik Bekasi": DODOL_BEKASI,
    "belimbing dewa": ProductSpec(
        "Belimbing dewa", "buah", "kg", Sector.AGRICULTURE, default_price=12_000
    ),
    "bordir Kawalu": ProductSpec(
        "Mukena bordir", "fashion", "pcs", Sector.FASHION, default_price=250_000
    ),
    "anyaman mendong": ProductSpec("Tikar mendong", "kerajinan", "pcs", Sector.CRAFTS),
    "payung geulis dan kelom geulis": ProductSpec(
        "Payung geulis", "kerajinan", "pcs", Sector.CRAFTS, default_price=85_000
    ),
}


def specs_for_region(bps_code: str) -> tuple[ProductSpec, ...]:
    """Return the distinct catalogue entries of a regency's leading products.

    Falls back to FALLBACK_SPECS when none of its products maps onto the
    catalogue.
    """
    specs: list[ProductSpec] = []
    for product in reference.leading_products().get(bps_code, ()):
        spec = LEADING_PRODUCT_SPECS.get(product)
        if spec is not None and spec not in specs:
            specs.append(spec)
    return tuple(specs) or FALLBACK_SPECS


@dataclass(frozen=True)
class DemandSpec:
    """A need a demo consumer cooperative shares.

    item names the commodity of consumption in the words that the demo
    products use, so that matching puts those products first. consumption
    names a commodity in consumption_per_capita.csv (national rows) and
    consumer_price one in prices_reference.csv. Without a consumer price,
    the category default divided by FARM_GATE_SHARE replaces it.
    """

    item: str
    note: str
    category: str
    consumption: str
    consumer_price: str = ""


RICE_DEMAND = DemandSpec(
    "Beras medium",
    "Beras medium untuk kebutuhan rumah tangga anggota.",
    "beras",
    consumption="beras",
    consumer_price="beras medium",
)
RED_CHILLI_DEMAND = DemandSpec(
    "Cabai merah keriting",
    "Cabai merah keriting segar untuk toko koperasi.",
    "sayuran",
    # Bapanas reports "cabai besar", which includes the curly red chilli.
    consumption="cabai besar",
    consumer_price="cabai merah keriting",
)
BIRD_CHILLI_DEMAND = DemandSpec(
    "Cabai rawit",
    "Cabai rawit segar untuk toko koperasi.",
    "sayuran",
    consumption="cabai rawit",
    consumer_price="cabai rawit",
)
# Consumption is recorded for all fruit together, so the item lists the
# fruits that demo producers grow.
FRUIT_DEMAND = DemandSpec(
    "Buah lokal (mangga, manggis, jeruk, salak, nanas, belimbing)",
    "Buah segar lokal untuk toko koperasi.",
    "buah",
    # DERIVED in the file: Susenas 2019 vegetables-and-fruit minus vegetables.
    consumption="buah (derived = sayur+buah minus sayur)",
)
# Every consumer cooperative shares the first two demands and one of the
# alternating ones.
STANDING_DEMANDS = (RICE_DEMAND, RED_CHILLI_DEMAND)
ALTERNATING_DEMANDS = (BIRD_CHILLI_DEMAND, FRUIT_DEMAND)


def round_rupiah(value: Decimal, rounding: str = ROUND_HALF_UP) -> int:
    """Round a Rupiah amount to a whole multiple of RUPIAH_STEP."""
    steps = (value / RUPIAH_STEP).quantize(Decimal(1), rounding=rounding)
    return int(steps * RUPIAH_STEP)


def _per_kg(row: reference.PriceRow) -> Decimal:
    if row.unit != "kg":
        raise ValueError(
            f"Invalid price unit {row.unit!r} for {row.commodity}: the demo "
            "prices products only from prices per kg."
        )
    return Decimal(row.price)


def producer_price_per_base(spec: ProductSpec, *, region_code: str) -> Decimal:
    """Return the producer price of one base unit (kg or pcs) in Rupiah.

    A producer-level price on record comes first, then a consumer price
    times FARM_GATE_SHARE, then the spec's or the category's default.
    """
    if spec.producer_price:
        row = reference.reference_price(
            spec.producer_price, level=reference.PRODUCER_LEVEL, region_code=region_code
        )
        if row is not None:
            return _per_kg(row)
    if spec.consumer_price:
        row = reference.reference_price(
            spec.consumer_price, level=reference.CONSUMER_LEVEL, region_code=region_code
        )
        if row is not None:
            return _per_kg(row) * FARM_GATE_SHARE
    return Decimal(spec.default_price or CATEGORY_DEFAULTS[spec.category].price)


def consumer_price_per_kg(spec: DemandSpec, *, region_code: str) -> Decimal:
    """Return the consumer price per kg that a demand's maximum is based on."""
    if spec.consumer_price:
        row = reference.reference_price(
            spec.consumer_price, level=reference.CONSUMER_LEVEL, region_code=region_code
        )
        if row is not None:
            return _per_kg(row)
    return Decimal(CATEGORY_DEFAULTS[spec.category].price) / FARM_GATE_SHARE


def demand_max_price(spec: DemandSpec, *, region_code: str) -> int:
    """Return the maximum price per kg: the consumer price plus the markup."""
    price = consumer_price_per_kg(spec, region_code=region_code) * DEMAND_PRICE_MARKUP
    return round_rupiah(price, rounding=ROUND_CEILING)


def demand_quantity_kg(spec: DemandSpec, *, member_count: int) -> Decimal:
    """Return the monthly quantity in whole kg for a cooperative's members.

    The quantity is the per-capita consumption per month times the member
    count times the average household size, since a member buys for the
    whole household.
    """
    per_capita = reference.monthly_consumption_kg(spec.consumption)
    quantity = per_capita * member_count * reference.household_size()
    return max(quantity.quantize(Decimal(1), rounding=ROUND_HALF_UP), Decimal(1))
