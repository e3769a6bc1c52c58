"""Reads that span several relations: matching demands with products.

How a match is scored
---------------------
A product matches an open demand when it is listed, belongs to another
cooperative, has the same category, a unit that converts into the demand's
unit (same dimension; a bundle only to itself), a price per base unit at or
below the demand's maximum, and a monthly capacity at least the demand's
monthly quantity, both compared in base units (kg, liter, pcs).

Matches are ordered by a score from 0 to 100:

* price fit, up to 50 points: 50 × (1 − price ÷ maximum price), so a product
  at half the maximum price earns 25 points and one at the maximum earns 0;
* capacity, up to 30 points: 30 × min(capacity ÷ quantity − 1, 1), so
  capacity of twice the demand or more earns all 30 points;
* same regency, 20 points when the producer is in the delivery regency.

Ties are broken by lower price, then by the newest product.
"""

from decimal import Decimal

from django.db.models import (
    Case,
    DecimalField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Least

from cooperatives.models import Cooperative

from .models import Demand, Product, Unit

PRICE_WEIGHT = 50
CAPACITY_WEIGHT = 30
SAME_REGION_WEIGHT = 20

_SCORE_FIELD = DecimalField(max_digits=12, decimal_places=4)


def _price_per_base_unit(price, factor):
    return ExpressionWrapper(price * Value(Decimal(1)) / factor, output_field=_SCORE_FIELD)


def _convertible_units(unit: Unit) -> Q:
    if unit.dimension == Unit.Dimension.BUNDLE:
        return Q(unit=unit)
    return Q(unit__dimension=unit.dimension)


def matches_for_demand(demand: Demand) -> QuerySet[Product]:
    """Return the products that match a demand, best first, with a `score`."""
    demand_base_quantity = demand.monthly_quantity * demand.unit.factor
    demand_max_per_base = Decimal(demand.max_price) / demand.unit.factor
    price_per_base = _price_per_base_unit(F("price"), F("unit__factor"))
    capacity_base = ExpressionWrapper(
        F("monthly_capacity") * F("unit__factor"), output_field=_SCORE_FIELD
    )
    price_points = ExpressionWrapper(
        Value(Decimal(PRICE_WEIGHT))
        * (Value(Decimal(1)) - F("price_per_base") / Value(demand_max_per_base)),
        output_field=_SCORE_FIELD,
    )
    capacity_points = ExpressionWrapper(
        Value(Decimal(CAPACITY_WEIGHT))
        * Least(
            F("capacity_base") / Value(demand_base_quantity) - Value(Decimal(1)),
            Value(Decimal(1)),
        ),
        output_field=_SCORE_FIELD,
    )
    region_points = Case(
        When(
            cooperative__region_id=demand.delivery_region_id,
            then=Value(Decimal(SAME_REGION_WEIGHT)),
        ),
        default=Value(Decimal(0)),
        output_field=_SCORE_FIELD,
    )
    return (
        Product.objects.active()
        .for_listing()
        .filter(category_id=demand.category_id)
        .filter(_convertible_units(demand.unit))
        .exclude(cooperative_id=demand.cooperative_id)
        .annotate(price_per_base=price_per_base, capacity_base=capacity_base)
        .filter(
            price_per_base__lte=demand_max_per_base,
            capacity_base__gte=demand_base_quantity,
        )
        .annotate(
            price_points=price_points,
            capacity_points=capacity_points,
            region_points=region_points,
        )
        .annotate(score=F("price_points") + F("capacity_points") + F("region_points"))
        .order_by("-score", "price_per_base", "-created_at")
    )


def demands_matching_product(product: Product) -> QuerySet[Demand]:
    """Return the open demands that a product matches, newest first."""
    unit = product.unit
    price_per_base = Decimal(product.price) / unit.factor
    capacity_base = product.monthly_capacity * unit.factor
    units = (
        Q(unit=unit)
        if unit.dimension == Unit.Dimension.BUNDLE
        else Q(unit__dimension=unit.dimension)
    )
    return (
        Demand.objects.open()
        .for_listing()
        .filter(units, category_id=product.category_id)
        .exclude(cooperative_id=product.cooperative_id)
        .annotate(
            max_per_base=ExpressionWrapper(
                F("max_price") * Value(Decimal(1)) / F("unit__factor"),
                output_field=_SCORE_FIELD,
            ),
            quantity_base=ExpressionWrapper(
                F("monthly_quantity") * F("unit__factor"), output_field=_SCORE_FIELD
            ),
        )
        .filter(max_per_base__gte=price_per_base, quantity_base__lte=capacity_base)
        .order_by("-created_at")
    )


def match_pairs_for_cooperative(
    cooperative: Cooperative, *, limit: int = 10
) -> list[tuple[Demand, Product]]:
    """Return (demand, product) pairs on either side of a cooperative.

    A consumer sees the best product for each of its open demands; a producer
    sees the open demands its products match. One query per side, so the
    dashboard's query count does not grow with the number of matches.
    """
    pairs: list[tuple[Demand, Product]] = []
    demand_ids = Demand.objects.open().filter(cooperative=cooperative).values("pk")
    product_ids = Product.objects.active().filter(cooperative=cooperative).values("pk")
    rows = (
        _match_rows()
        .filter(Q(demand_id__in=demand_ids) | Q(product_id__in=product_ids))
        .order_by("-demand_created_at")[: limit * 5]
    )
    demands = Demand.objects.for_listing().in_bulk({row["demand_id"] for row in rows})
    products = Product.objects.for_listing().in_bulk({row["product_id"] for row in rows})
    seen = set()
    for row in rows:
        key = (row["demand_id"], row["product_id"])
        if key in seen:
            continue
        seen.add(key)
        pairs.append((demands[row["demand_id"]], products[row["product_id"]]))
        if len(pairs) >= limit:
            break
    return pairs


def _match_rows():
    """Return a values() queryset of every matching (demand, product) pair.

    The join is done in SQL, so it is one set-based query however many
    demands and products there are.
    """
    return (
        Demand.objects.open()
        .filter(
            category__product__is_active=True,
            category__product__unit__dimension=F("unit__dimension"),
        )
        .exclude(category__product__cooperative_id=F("cooperative_id"))
        .exclude(
            Q(unit__dimension=Unit.Dimension.BUNDLE)
            & ~Q(category__product__unit_id=F("unit_id"))
        )
        .annotate(
            product_id=F("category__product__id"),
            demand_id=F("id"),
            demand_created_at=F("created_at"),
            product_price_base=ExpressionWrapper(
                F("category__product__price")
                * Value(Decimal(1))
                / F("category__product__unit__factor"),
                output_field=_SCORE_FIELD,
            ),
            product_capacity_base=ExpressionWrapper(
                F("category__product__monthly_capacity")
                * F("category__product__unit__factor"),
                output_field=_SCORE_FIELD,
            ),
            max_per_base=ExpressionWrapper(
                F("max_price") * Value(Decimal(1)) / F("unit__factor"),
                output_field=_SCORE_FIELD,
            ),
            quantity_base=ExpressionWrapper(
                F("monthly_quantity") * F("unit__factor"), output_field=_SCORE_FIELD
            ),
        )
        .filter(
            product_price_base__lte=F("max_per_base"),
            product_capacity_base__gte=F("quantity_base"),
        )
        .values("demand_id", "product_id", "demand_created_at")
    )
