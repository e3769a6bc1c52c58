"""Reads that span several relations: matching demands with products.

How a match is scored
---------------------
A product matches an open demand when it is listed, belongs to another
cooperative, has the same category, a unit that converts into the demand's
unit (same dimension; a bundle only to itself), a price per base unit at or
below the demand's maximum, and a monthly capacity at least the demand's
monthly quantity, both compared in base units (kg, liter, pcs).

Each match gets a score from 0 to 100:

* item fit, up to 30 points: 30 × the share of the distinct words of the
  demand's item that the product name contains. For the item "Cabai rawit",
  "Cabai rawit super" earns 30, "Cabai merah keriting" 15 and "Talas Bogor"
  0. Words are compared as cooperatives.search.normalise() leaves them:
  lower case, without accents, and split at anything but a-z and 0-9.
* price fit, up to 35 points: all 35 at or below 75 % of the maximum price,
  0 at the maximum, and linear in between: 35 × min(4 × (1 − price ÷
  maximum price), 1). So a product at 90 % of the maximum earns 14.
* capacity, up to 20 points: 20 × min(capacity ÷ quantity − 1, 1), so
  capacity of twice the demand or more earns all 20 points.
* same regency, 15 points when the producer is in the delivery regency.

Each part is rounded to 4 decimal places before the parts are added. A
product at the maximum price, with no capacity to spare, in another
regency and with no word of the item in its name scores 0.

Matches whose product name shares at least one word with the item come
before all others, whatever their scores, because a cheap product of the
same category is no answer to a need for another item. Within each of the
two groups the higher score comes first, then the lower price, then the
newest product.

The reads for the inbox and the dashboard's inquiry counts follow the
matching functions.
"""

from decimal import Decimal

from django.contrib.postgres.fields import ArrayField
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Least, Lower, Round, Trim
from django.utils import timezone

from cooperatives.models import Cooperative

from .models import SELLING_KINDS, Demand, Inquiry, InquiryReply, Product, Unit

ITEM_WEIGHT = 30
PRICE_WEIGHT = 35
CAPACITY_WEIGHT = 20
SAME_REGION_WEIGHT = 15
# At or below this share of the maximum price, a product earns every price
# point.
FULL_PRICE_SHARE = Decimal("0.75")
SCORE_WEIGHTS = {
    "item": ITEM_WEIGHT,
    "price": PRICE_WEIGHT,
    "capacity": CAPACITY_WEIGHT,
    "region": SAME_REGION_WEIGHT,
}

_SCORE_FIELD = DecimalField(max_digits=12, decimal_places=4)
# The Unicode blocks of combining diacritical marks, which NFKD splits off
# accented Latin letters. normalise() drops every combining character, so
# the two differ only where a mark outside these blocks follows a Latin
# letter, as in no Indonesian word.
_COMBINING_MARKS = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"


def _decimal(value) -> Value:
    return Value(Decimal(value), output_field=_SCORE_FIELD)


def _points(expression) -> Round:
    # Rounded to the field's 4 decimal places, so that parts that are equal
    # on paper, such as 35 × 4 × (1 − 13/14) and 10, tie in the ordering.
    return Round(expression, 4, output_field=_SCORE_FIELD)


def _price_per_base_unit(price, factor):
    return ExpressionWrapper(price * _decimal(1) / factor, output_field=_SCORE_FIELD)


def _regexp_replace(expression, pattern: str, replacement: str) -> Func:
    return Func(
        expression,
        Value(pattern),
        Value(replacement),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


def text_words(expression) -> Func:
    """Return the words of a text column or value as a PostgreSQL array.

    The SQL counterpart of cooperatives.search.normalise(text).split(), so
    matching can compare words in the database. normalize() needs a UTF8
    database, which both the embedded server and the Docker image create.
    """
    decomposed = Func(
        expression,
        template="normalize(%(expressions)s, NFKD)",
        output_field=TextField(),
    )
    plain = Lower(_regexp_replace(decomposed, _COMBINING_MARKS, ""))
    spaced = Trim(_regexp_replace(plain, "[^0-9a-z]+", " "))
    return Func(
        spaced,
        Value(" "),
        function="string_to_array",
        output_field=ArrayField(CharField()),
    )


class _ItemWordShare(Func):
    """The share, from 0 to 1, of the item's distinct words found in a name.

    An item without words has a share of 0.
    """

    arity = 2
    output_field = _SCORE_FIELD

    def as_sql(self, compiler, connection, **extra_context):
        item_sql, item_params = compiler.compile(self.source_expressions[0])
        name_sql, name_params = compiler.compile(self.source_expressions[1])
        # Both parts are compiled expressions whose values travel as params.
        sql = (
            "COALESCE((SELECT CAST(count(DISTINCT item_word) FILTER "  # noqa: S608
            f"(WHERE item_word = ANY({name_sql})) AS numeric) "
            "/ NULLIF(count(DISTINCT item_word), 0) "
            f"FROM unnest({item_sql}) AS item_word), 0)"
        )
        return sql, (*name_params, *item_params)


def _score_parts(
    *,
    item,
    product_name,
    price_per_base,
    max_per_base,
    capacity_base,
    quantity_base,
    same_region: Q,
) -> dict:
    """Return the four score annotations of the rule in the module docstring."""
    item_points = _points(
        _decimal(ITEM_WEIGHT)
        * _ItemWordShare(text_words(item), text_words(product_name))
    )
    below_max = _decimal(1) - price_per_base / max_per_base
    price_points = _points(
        _decimal(PRICE_WEIGHT)
        * Least(below_max / _decimal(1 - FULL_PRICE_SHARE), _decimal(1))
    )
    capacity_points = _points(
        _decimal(CAPACITY_WEIGHT)
        * Least(capacity_base / quantity_base - _decimal(1), _decimal(1))
    )
    region_points = Case(
        When(same_region, then=_decimal(SAME_REGION_WEIGHT)),
        default=_decimal(0),
        output_field=_SCORE_FIELD,
    )
    return {
        "item_points": item_points,
        "price_points": price_points,
        "capacity_points": capacity_points,
        "region_points": region_points,
    }


_SCORE = ExpressionWrapper(
    F("item_points") + F("price_points") + F("capacity_points") + F("region_points"),
    output_field=_SCORE_FIELD,
)
_NAMES_ITEM = ExpressionWrapper(Q(item_points__gt=0), output_field=BooleanField())


def _convertible_units(unit: Unit) -> Q:
    if unit.dimension == Unit.Dimension.BUNDLE:
        return Q(unit=unit)
    return Q(unit__dimension=unit.dimension)


def demand_is_open(demand: Demand) -> bool:
    """Return whether a demand is active and valid today, like Demand.objects.open()."""
    return demand.is_active and demand.valid_until >= timezone.localdate()


def matches_for_demand(demand: Demand) -> QuerySet[Product]:
    """Return the products that match a demand, best first, with a `score`.

    Each product also carries the parts of its score (item_points,
    price_points, capacity_points, region_points), `names_item` (its name
    shares a word with the item) and its price_per_base. A closed or
    expired demand has no matches.
    """
    if not demand_is_open(demand):
        return Product.objects.none()
    demand_base_quantity = demand.monthly_quantity * demand.unit.factor
    demand_max_per_base = Decimal(demand.max_price) / demand.unit.factor
    score_parts = _score_parts(
        item=Value(demand.item, output_field=TextField()),
        product_name=F("name"),
        price_per_base=F("price_per_base"),
        max_per_base=_decimal(demand_max_per_base),
        capacity_base=F("capacity_base"),
        quantity_base=_decimal(demand_base_quantity),
        same_region=Q(cooperative__region_id=demand.delivery_region_id),
    )
    return (
        Product.objects.active()
        .for_listing()
        .filter(category_id=demand.category_id)
        .filter(_convertible_units(demand.unit))
        .exclude(cooperative_id=demand.cooperative_id)
        .annotate(
            price_per_base=_price_per_base_unit(F("price"), F("unit__factor")),
            capacity_base=ExpressionWrapper(
                F("monthly_capacity") * F("unit__factor"), output_field=_SCORE_FIELD
            ),
        )
        .filter(
            price_per_base__lte=demand_max_per_base,
            capacity_base__gte=demand_base_quantity,
        )
        .annotate(**score_parts)
        .annotate(score=_SCORE, names_item=_NAMES_ITEM)
        .order_by("-names_item", "-score", "price_per_base", "-created_at")
    )


def demands_matching_product(product: Product) -> QuerySet[Demand]:
    """Return the open demands that a product matches, newest first.

    A product that is not listed matches nothing.
    """
    if not product.is_active:
        return Demand.objects.none()
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
            max_per_base=_price_per_base_unit(F("max_price"), F("unit__factor")),
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

    For each of its open demands, a consumer gets the first product that
    matches_for_demand would list, by the same order.
    For its products, a producer gets every open demand they match. A
    cooperative of kind "both" gets both kinds of pairs. Pairs come newest
    demand first, then best score first.
    Four queries in all, so the dashboard's query count does not grow with
    the number of matches.
    """
    own_demands = Demand.objects.open().filter(cooperative=cooperative).values("pk")
    own_products = Product.objects.active().filter(cooperative=cooperative).values("pk")
    # DISTINCT ON keeps the first row per demand in the ORDER BY, which is
    # the best product in the order of matches_for_demand.
    best_for_own_demands = (
        _match_rows()
        .filter(demand_id__in=own_demands)
        .order_by(
            "id",
            "-names_item",
            "-score",
            "product_price_base",
            "-product_created_at",
        )
        .distinct("id")
    )
    for_own_products = (
        _match_rows()
        .filter(product_id__in=own_products)
        .order_by("-demand_created_at", "-score")[:limit]
    )
    rows = sorted(
        [*best_for_own_demands, *for_own_products],
        key=lambda row: (row["demand_created_at"], row["score"]),
        reverse=True,
    )[:limit]
    demands = Demand.objects.for_listing().in_bulk({row["demand_id"] for row in rows})
    products = Product.objects.for_listing().in_bulk(
        {row["product_id"] for row in rows}
    )
    return [(demands[row["demand_id"]], products[row["product_id"]]) for row in rows]


def match_count_for_cooperative(cooperative: Cooperative) -> int:
    """Count the matching (demand, product) pairs on either side."""
    own_demands = Demand.objects.open().filter(cooperative=cooperative).values("pk")
    own_products = Product.objects.active().filter(cooperative=cooperative).values("pk")
    return (
        _match_rows()
        .filter(Q(demand_id__in=own_demands) | Q(product_id__in=own_products))
        .count()
    )


def _match_rows():
    """Return a values() queryset of every matching (demand, product) pair.

    The join is done in SQL, so it is one set-based query however many
    demands and products there are. Demands reach products through their
    shared category. Every condition on the product refers to an annotation
    of that one join: a filter or exclude on "category__product" itself would
    become a subquery about any product of the category.
    """
    product = "category__product__"
    return (
        Demand.objects.open()
        .filter(
            **{
                # Product.objects.active(), as matches_for_demand uses it.
                f"{product}is_active": True,
                f"{product}cooperative__kind__in": SELLING_KINDS,
                f"{product}unit__dimension": F("unit__dimension"),
            }
        )
        .annotate(
            product_id=F(f"{product}id"),
            demand_id=F("id"),
            demand_created_at=F("created_at"),
            product_created_at=F(f"{product}created_at"),
            product_cooperative_id=F(f"{product}cooperative_id"),
            product_region_id=F(f"{product}cooperative__region_id"),
            product_unit_id=F(f"{product}unit_id"),
            product_price_base=_price_per_base_unit(
                F(f"{product}price"), F(f"{product}unit__factor")
            ),
            product_capacity_base=ExpressionWrapper(
                F(f"{product}monthly_capacity") * F(f"{product}unit__factor"),
                output_field=_SCORE_FIELD,
            ),
            max_per_base=_price_per_base_unit(F("max_price"), F("unit__factor")),
            quantity_base=ExpressionWrapper(
                F("monthly_quantity") * F("unit__factor"), output_field=_SCORE_FIELD
            ),
        )
        .exclude(product_cooperative_id=F("cooperative_id"))
        .filter(
            ~Q(unit__dimension=Unit.Dimension.BUNDLE) | Q(product_unit_id=F("unit_id"))
        )
        .filter(
            product_price_base__lte=F("max_per_base"),
            product_capacity_base__gte=F("quantity_base"),
        )
        .annotate(
            **_score_parts(
                item=F("item"),
                product_name=F(f"{product}name"),
                price_per_base=F("product_price_base"),
                max_per_base=F("max_per_base"),
                capacity_base=F("product_capacity_base"),
                quantity_base=F("quantity_base"),
                same_region=Q(product_region_id=F("delivery_region_id")),
            )
        )
        .annotate(score=_SCORE, names_item=_NAMES_ITEM)
        .values("demand_id", "product_id", "demand_created_at", "score")
    )


# Inquiries


def inquiries_for_inbox(cooperative: Cooperative) -> QuerySet[Inquiry]:
    """Return a cooperative's sent and received inquiries, latest activity first.

    Each row carries `is_received`, `is_unread` (for this cooperative's side)
    and `is_waiting` (received and not yet answered by this cooperative).
    """
    return (
        Inquiry.objects.involving(cooperative)
        .for_inbox()
        .select_related("demand__unit")
        .annotate(
            is_received=Q(recipient_cooperative=cooperative),
            is_unread=(
                Q(recipient_cooperative=cooperative, recipient_read_at__isnull=True)
                | Q(sender_cooperative=cooperative, sender_read_at__isnull=True)
            ),
            is_waiting=_waiting_condition(cooperative),
        )
        .order_by("-last_message_at", "-pk")
    )


def waiting_inquiries(cooperative: Cooperative) -> QuerySet[Inquiry]:
    """Return the received inquiries no member of the cooperative answered."""
    return Inquiry.objects.filter(_waiting_condition(cooperative))


def _waiting_condition(cooperative: Cooperative) -> Q:
    answered = InquiryReply.objects.filter(
        inquiry=OuterRef("pk"), author_cooperative=cooperative
    )
    return Q(recipient_cooperative=cooperative) & ~Exists(answered)


def inquiry_thread(inquiry: Inquiry) -> QuerySet[InquiryReply]:
    """Return an inquiry's replies in the order they were sent."""
    return inquiry.replies.select_related("author", "author_cooperative").order_by(
        "created_at", "pk"
    )
