"""Create the demo cooperatives with their owners, products and demands.

Every demo cooperative has a slug of the form demo-<BPS code>-produsen-<n>
or demo-<BPS code>-konsumen-<n>, so a second run finds what the first one
created and skips it.
"""

import logging
import random
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model

from cooperatives.models import Cooperative, Membership, Region
from cooperatives.services import cooperative_refresh_search

from ..models import Category, Demand, Product, Unit
from . import catalogue, names, timeline
from .catalogue import DemandSpec, ProductSpec

logger = logging.getLogger(__name__)

SLUG_PREFIX = "demo-"
DEMO_EMAIL_DOMAIN = "demo.ecobiz.id"
DESCRIPTION_NOTE = "Data contoh untuk demo EcoBiz, bukan koperasi sungguhan."
# Ranges for invented figures: a small village cooperative (assumptions).
PRODUCER_MEMBERS = (25, 250)
CONSUMER_MEMBERS = (80, 400)
FOUNDED_YEARS = (1995, 2023)
JOINED_DAYS_AGO = (60, 400)
VERIFIED_SHARE = 0.75
# Price spread between cooperatives selling the same product, and capacity
# spread around the category default.
PRICE_FACTORS = (Decimal("0.95"), Decimal("1.00"), Decimal("1.05"))
CAPACITY_FACTORS = (Decimal("0.80"), Decimal("1.00"), Decimal("1.25"))
DEMAND_VALIDITY = timedelta(days=90)


@dataclass
class CooperativePlan:
    """A demo cooperative to create, with what it sells or buys."""

    slug: str
    name: str
    kind: str
    sector: str
    region: Region
    product_specs: tuple[ProductSpec, ...] = ()
    demand_specs: tuple[DemandSpec, ...] = ()
    rng: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Seeding with the slug gives every cooperative the same figures on
        # every machine, because str seeds do not depend on PYTHONHASHSEED.
        self.rng = random.Random(self.slug)  # noqa: S311 - demo data


@dataclass
class NewNetwork:
    """The cooperatives, products and demands one run created."""

    cooperatives: list[Cooperative] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    demands: list[Demand] = field(default_factory=list)


def producer_slug(bps_code: str, index: int) -> str:
    return f"{SLUG_PREFIX}{bps_code}-produsen-{index + 1}"


def consumer_slug(bps_code: str, index: int) -> str:
    return f"{SLUG_PREFIX}{bps_code}-konsumen-{index + 1}"


def consumer_count(size: int) -> int:
    """Return the consumer cooperatives per regency for a --size value."""
    return max(1, size // 2)


def _producer_plan(region: Region, region_index: int, index: int) -> CooperativePlan:
    specs = catalogue.specs_for_region(region.bps_code)
    chosen = [specs[index % len(specs)]]
    if len(specs) > 1:
        chosen.append(specs[(index + 1) % len(specs)])
    # The second producer of every sixth regency also buys: kind "both".
    is_both = index == 1 and region_index % 6 == 5
    demands = ()
    if is_both:
        sold = {spec.category for spec in chosen}
        demands = tuple(
            spec
            for spec in (catalogue.RICE_DEMAND, catalogue.FRUIT_DEMAND)
            if spec.category not in sold
        )[:1]
    sector = chosen[0].sector
    return CooperativePlan(
        slug=producer_slug(region.bps_code, index),
        name=names.cooperative_name(
            names.PRODUCER_PREFIXES[sector],
            region=region,
            index=index,
            offset=region_index,
        ),
        kind=Cooperative.Kind.BOTH if is_both else Cooperative.Kind.PRODUCER,
        sector=sector,
        region=region,
        product_specs=tuple(chosen),
        demand_specs=demands,
    )


def _consumer_plan(region: Region, region_index: int, index: int) -> CooperativePlan:
    prefixes = names.CONSUMER_PREFIXES
    alternating = catalogue.ALTERNATING_DEMANDS
    return CooperativePlan(
        slug=consumer_slug(region.bps_code, index),
        name=names.cooperative_name(
            prefixes[(region_index + index) % len(prefixes)],
            region=region,
            index=index,
            offset=region_index + 7,
        ),
        kind=Cooperative.Kind.CONSUMER,
        sector=Cooperative.Sector.RETAIL,
        region=region,
        demand_specs=(
            *catalogue.STANDING_DEMANDS,
            alternating[(region_index + index) % len(alternating)],
        ),
    )


def plan_network(regions: list[Region], *, size: int) -> list[CooperativePlan]:
    """Return the plans of every region, in region order.

    Each region gets `size` producers and consumer_count(size) consumers.
    """
    plans = []
    for region_index, region in enumerate(regions):
        plans += [_producer_plan(region, region_index, i) for i in range(size)]
        plans += [
            _consumer_plan(region, region_index, i) for i in range(consumer_count(size))
        ]
    return plans


def _description(plan: CooperativePlan) -> str:
    place = names.place_name(plan.region)
    if plan.product_specs:
        offer = ", ".join(spec.name for spec in plan.product_specs)
        return (
            f"Koperasi produsen di {place}. Produk utama: {offer}. {DESCRIPTION_NOTE}"
        )
    return f"Koperasi konsumen warga {place}. {DESCRIPTION_NOTE}"


def _cooperative(plan: CooperativePlan, *, facilitator, joined) -> Cooperative:
    rng = plan.rng
    members = PRODUCER_MEMBERS if plan.product_specs else CONSUMER_MEMBERS
    verified = rng.random() < VERIFIED_SHARE
    region = plan.region
    return Cooperative(
        name=plan.name,
        slug=plan.slug,
        kind=plan.kind,
        sector=plan.sector,
        founded_year=rng.randint(*FOUNDED_YEARS),
        member_count=rng.randint(*members),
        region=region,
        address=", ".join(part for part in (region.capital, region.name) if part),
        description=_description(plan),
        is_verified=verified,
        verified_by=facilitator if verified else None,
        verified_at=joined + timedelta(days=rng.randint(3, 30)) if verified else None,
    )


def _create_cooperatives(plans, *, facilitator, today) -> list[Cooperative]:
    joined = [
        timeline.office_hours_moment(plan.rng, today=today, days=JOINED_DAYS_AGO)
        for plan in plans
    ]
    cooperatives = [
        _cooperative(plan, facilitator=facilitator, joined=moment)
        for plan, moment in zip(plans, joined, strict=True)
    ]
    Cooperative.objects.bulk_create(cooperatives)
    _backdate(Cooperative, cooperatives, joined)
    for cooperative in cooperatives:
        cooperative_refresh_search(cooperative=cooperative)
    return cooperatives


def _backdate(model, rows, moments) -> None:
    """Set created_at, which auto_now_add overrides on insert, after the insert."""
    for row, moment in zip(rows, moments, strict=True):
        row.created_at = moment
    model.objects.bulk_update(rows, ["created_at"], batch_size=500)


def _owner_email(slug: str) -> str:
    return f"pengurus.{slug}@{DEMO_EMAIL_DOMAIN}"


def _create_owners(plans, cooperatives, *, skip_slugs: set[str]) -> None:
    """Make a user without a usable password the owner of each cooperative.

    A user left from a deleted demo cooperative of the same slug is reused.
    Cooperatives in skip_slugs get a demo account as owner instead.
    """
    user_model = get_user_model()
    owned = [
        (plan, cooperative)
        for plan, cooperative in zip(plans, cooperatives, strict=True)
        if plan.slug not in skip_slugs
    ]
    users = user_model.objects.in_bulk(
        [_owner_email(plan.slug) for plan, _ in owned], field_name="email"
    )
    new_users = []
    for plan, _ in owned:
        email = _owner_email(plan.slug)
        # Drawn even for a reused user, so that the products drawn next from
        # the same generator come out as in the first run.
        first_name, last_name = names.person_name(plan.rng)
        if email in users:
            continue
        user = user_model(email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        users[email] = user
        new_users.append(user)
    user_model.objects.bulk_create(new_users)
    Membership.objects.bulk_create(
        Membership(
            user=users[_owner_email(plan.slug)],
            cooperative=cooperative,
            role=Membership.Role.OWNER,
        )
        for plan, cooperative in owned
    )


def _whole_units(quantity: Decimal) -> Decimal:
    return max(quantity.quantize(Decimal(1), rounding=ROUND_HALF_UP), Decimal(1))


def _product(spec: ProductSpec, cooperative, rng, *, units, categories) -> Product:
    unit = units[spec.unit]
    per_base = catalogue.producer_price_per_base(
        spec, region_code=cooperative.region.bps_code
    )
    price = catalogue.round_rupiah(per_base * rng.choice(PRICE_FACTORS))
    capacity = _whole_units(
        spec.base_capacity * rng.choice(CAPACITY_FACTORS) / unit.factor
    )
    place = names.place_name(cooperative.region)
    return Product(
        cooperative=cooperative,
        name=spec.name,
        category=categories[spec.category],
        unit=unit,
        price=int(price * unit.factor),
        # A minimum order of 1 % of the monthly capacity (an assumption).
        minimum_order=_whole_units(capacity / 100),
        monthly_capacity=capacity,
        description=f"{spec.name} hasil anggota koperasi di {place}. "
        "Produk contoh untuk demo EcoBiz.",
    )


def _demand(spec: DemandSpec, cooperative, *, listed_at, units, categories) -> Demand:
    return Demand(
        cooperative=cooperative,
        category=categories[spec.category],
        item=spec.item,
        monthly_quantity=catalogue.demand_quantity_kg(
            spec, member_count=cooperative.member_count
        ),
        unit=units["kg"],
        max_price=catalogue.demand_max_price(
            spec, region_code=cooperative.region.bps_code
        ),
        delivery_region=cooperative.region,
        valid_until=listed_at.date() + DEMAND_VALIDITY,
        note=spec.note,
    )


def _create_listings(plans, cooperatives, network: NewNetwork) -> None:
    units = {unit.code: unit for unit in Unit.objects.all()}
    categories = {category.code: category for category in Category.objects.all()}
    today = timeline.jakarta_today()
    product_times, demand_times = [], []
    for plan, cooperative in zip(plans, cooperatives, strict=True):
        rng = plan.rng
        for spec in plan.product_specs:
            product_times.append(
                timeline.office_hours_moment(
                    rng, today=today, days=timeline.LISTING_DAYS
                )
            )
            network.products.append(
                _product(spec, cooperative, rng, units=units, categories=categories)
            )
        for spec in plan.demand_specs:
            listed_at = timeline.office_hours_moment(
                rng, today=today, days=timeline.LISTING_DAYS
            )
            demand_times.append(listed_at)
            network.demands.append(
                _demand(
                    spec,
                    cooperative,
                    listed_at=listed_at,
                    units=units,
                    categories=categories,
                )
            )
    Product.objects.bulk_create(network.products)
    Demand.objects.bulk_create(network.demands)
    _backdate(Product, network.products, product_times)
    _backdate(Demand, network.demands, demand_times)


def create_network(
    plans: list[CooperativePlan], *, facilitator, owner_slugs: set[str]
) -> NewNetwork:
    """Create the planned cooperatives, their owners, products and demands.

    Cooperatives whose slug is in owner_slugs get no generated owner, since
    a demo account owns them.
    """
    network = NewNetwork()
    if not plans:
        return network
    today = timeline.jakarta_today()
    network.cooperatives = _create_cooperatives(
        plans, facilitator=facilitator, today=today
    )
    _create_owners(plans, network.cooperatives, skip_slugs=owner_slugs)
    _create_listings(plans, network.cooperatives, network)
    logger.info(
        "Created %s demo cooperatives, %s products and %s demands",
        len(network.cooperatives),
        len(network.products),
        len(network.demands),
    )
    return network
