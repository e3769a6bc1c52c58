"""Matching rules and the score documented in marketplace/selectors.py."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db.models import Value
from django.utils import timezone

from cooperatives.models import Cooperative
from cooperatives.search import normalise
from marketplace import selectors
from marketplace.models import Category, Demand, Product
from marketplace.selectors import (
    CAPACITY_WEIGHT,
    FULL_PRICE_SHARE,
    ITEM_WEIGHT,
    PRICE_WEIGHT,
    SAME_REGION_WEIGHT,
    SCORE_WEIGHTS,
    demands_matching_product,
    inquiries_for_inbox,
    match_count_for_cooperative,
    match_pairs_for_cooperative,
    matches_for_demand,
    text_words,
    waiting_inquiries,
)

from ..factories import (
    CooperativeFactory,
    DemandFactory,
    InquiryFactory,
    ProductFactory,
    RegionFactory,
    category,
    unit,
)

pytestmark = pytest.mark.django_db


def _ids(queryset) -> list[int]:
    return [row.pk for row in queryset]


@pytest.fixture
def region(db):
    return RegionFactory(bps_code="3273", name="Kota Bandung")


@pytest.fixture
def rice_demand(region):
    """1000 kg of rice a month, at most Rp 14.000/kg, delivered to Kota Bandung.

    Its item is the one word of every factory product's name ("Beras Uji 7"),
    so each of them earns the full item fit.
    """
    return DemandFactory(
        item="Beras",
        monthly_quantity=Decimal("1000"),
        max_price=14_000,
        delivery_region=region,
    )


# Matching rules


def test_match_same_category_only(rice_demand):
    rice = ProductFactory()
    vegetables = ProductFactory(category=category("sayuran"))
    matched = _ids(matches_for_demand(rice_demand))
    assert rice.pk in matched
    assert vegetables.pk not in matched


def test_match_kuintal_demand_kg_product():
    demand = DemandFactory(
        unit=unit("kuintal"), monthly_quantity=Decimal("2"), max_price=1_400_000
    )
    enough = ProductFactory(monthly_capacity=Decimal("200"), price=14_000)
    too_little = ProductFactory(monthly_capacity=Decimal("199"), price=12_000)
    too_dear = ProductFactory(monthly_capacity=Decimal("500"), price=14_001)
    matched = _ids(matches_for_demand(demand))
    assert enough.pk in matched
    assert too_little.pk not in matched
    assert too_dear.pk not in matched


def test_match_price_per_ton_converts(rice_demand):
    cheap = ProductFactory(
        unit=unit("ton"), price=13_000_000, monthly_capacity=Decimal("2")
    )
    dear = ProductFactory(
        unit=unit("ton"), price=14_500_000, monthly_capacity=Decimal("2")
    )
    small = ProductFactory(
        unit=unit("ton"), price=10_000_000, monthly_capacity=Decimal("0.5")
    )
    matched = _ids(matches_for_demand(rice_demand))
    assert cheap.pk in matched
    assert dear.pk not in matched
    assert small.pk not in matched


def test_match_bundle_only_bundle():
    demand = DemandFactory(
        category=category("sayuran"),
        unit=unit("ikat"),
        monthly_quantity=Decimal("100"),
        max_price=5_000,
    )
    in_bundles = ProductFactory(
        category=category("sayuran"), unit=unit("ikat"), price=3_000
    )
    in_kg = ProductFactory(category=category("sayuran"), unit=unit("kg"), price=3_000)
    in_pieces = ProductFactory(
        category=category("sayuran"), unit=unit("pcs"), price=3_000
    )
    matched = _ids(matches_for_demand(demand))
    assert matched == [in_bundles.pk]
    assert in_kg.pk not in matched
    assert in_pieces.pk not in matched


def test_match_kg_demand_skips_bundle(rice_demand):
    bundle = ProductFactory(unit=unit("ikat"), price=1_000)
    assert _ids(matches_for_demand(rice_demand)) == []
    assert _ids(demands_matching_product(bundle)) == []


def test_match_price_at_max_included(rice_demand):
    at_max = ProductFactory(price=14_000)
    above = ProductFactory(price=14_001)
    matched = _ids(matches_for_demand(rice_demand))
    assert at_max.pk in matched
    assert above.pk not in matched


def test_match_capacity_equal_included(rice_demand):
    equal = ProductFactory(monthly_capacity=Decimal("1000"))
    below = ProductFactory(monthly_capacity=Decimal("999.999"))
    matched = _ids(matches_for_demand(rice_demand))
    assert equal.pk in matched
    assert below.pk not in matched


def test_match_own_cooperative_excluded(region):
    both = CooperativeFactory(kind=Cooperative.Kind.BOTH)
    demand = DemandFactory(cooperative=both, delivery_region=region)
    own = ProductFactory(cooperative=both)
    other = ProductFactory()
    matched = _ids(matches_for_demand(demand))
    assert own.pk not in matched
    assert other.pk in matched
    assert demand.pk not in _ids(demands_matching_product(own))


def test_match_inactive_product_excluded(rice_demand):
    hidden = ProductFactory(is_active=False)
    assert hidden.pk not in _ids(matches_for_demand(rice_demand))
    assert _ids(demands_matching_product(hidden)) == []


def test_match_expired_demand_has_none():
    ProductFactory()
    expired = DemandFactory(valid_until=timezone.localdate() - timedelta(days=1))
    assert _ids(matches_for_demand(expired)) == []


def test_match_closed_demand_has_none():
    ProductFactory()
    closed = DemandFactory(is_active=False)
    assert _ids(matches_for_demand(closed)) == []


def test_match_valid_today_included():
    product = ProductFactory()
    today = DemandFactory(valid_until=timezone.localdate())
    assert _ids(matches_for_demand(today)) == [product.pk]


# Score and ordering


def test_score_parts_follow_rule(rice_demand, region):
    producer = CooperativeFactory(region=region)
    product = ProductFactory(
        cooperative=producer, price=7_000, monthly_capacity=Decimal("2000")
    )
    match = matches_for_demand(rice_demand).get(pk=product.pk)
    assert match.item_points == Decimal(ITEM_WEIGHT)
    assert match.price_points == Decimal(PRICE_WEIGHT)
    assert match.capacity_points == Decimal(CAPACITY_WEIGHT)
    assert match.region_points == Decimal(SAME_REGION_WEIGHT)
    assert match.score == Decimal(100)


def test_score_weights_add_to_100():
    assert sum(SCORE_WEIGHTS.values()) == 100
    assert ITEM_WEIGHT == 30
    assert PRICE_WEIGHT == 35
    assert CAPACITY_WEIGHT == 20
    assert SAME_REGION_WEIGHT == 15


def test_score_docstring_states_weights():
    # The module docstring documents the rule; each weight must appear there
    # as the code has it.
    doc = selectors.__doc__
    assert f"item fit, up to {ITEM_WEIGHT} points" in doc
    assert f"price fit, up to {PRICE_WEIGHT} points" in doc
    assert f"capacity, up to {CAPACITY_WEIGHT} points" in doc
    assert f"same regency, {SAME_REGION_WEIGHT} points" in doc
    assert "75 % of the maximum price" in doc
    assert FULL_PRICE_SHARE == Decimal("0.75")


def test_score_minimum_is_zero(rice_demand):
    # At the maximum price, with no capacity to spare, in another regency
    # and with no word of the item in its name.
    product = ProductFactory(
        name="Gabah kering giling", price=14_000, monthly_capacity=Decimal("1000")
    )
    match = matches_for_demand(rice_demand).get(pk=product.pk)
    assert match.item_points == Decimal(0)
    assert match.price_points == Decimal(0)
    assert match.capacity_points == Decimal(0)
    assert match.region_points == Decimal(0)
    assert match.score == Decimal(0)
    assert match.names_item is False


def test_score_partial_points(rice_demand):
    # 90 % of the maximum price: 35 × 4 × 0.1 = 14 points. Half the demand
    # to spare: 10 points. One of the item's two words: 15 points.
    rice_demand.item = "Beras merah"
    rice_demand.save()
    product = ProductFactory(price=12_600, monthly_capacity=Decimal("1500"))
    match = matches_for_demand(rice_demand).get(pk=product.pk)
    assert match.item_points == Decimal(15)
    assert match.price_points == Decimal(14)
    assert match.capacity_points == Decimal(10)
    assert match.region_points == Decimal(0)
    assert match.score == Decimal(39)


@pytest.mark.parametrize("price", [10_500, 9_000, 1])
def test_score_price_full_at_75_percent(rice_demand, price):
    product = ProductFactory(price=price)
    match = matches_for_demand(rice_demand).get(pk=product.pk)
    assert match.price_points == Decimal(PRICE_WEIGHT)


def test_score_price_linear_above_75_percent(rice_demand):
    # 95 % of the maximum is a fifth of the way from 100 % to 75 %.
    product = ProductFactory(price=13_300)
    match = matches_for_demand(rice_demand).get(pk=product.pk)
    assert match.price_points == Decimal(7)


def test_score_capacity_capped(rice_demand):
    product = ProductFactory(price=14_000, monthly_capacity=Decimal("10000"))
    match = matches_for_demand(rice_demand).get(pk=product.pk)
    assert match.capacity_points == Decimal(CAPACITY_WEIGHT)


def test_score_converts_units_for_points():
    demand = DemandFactory(
        unit=unit("kuintal"), monthly_quantity=Decimal("10"), max_price=1_400_000
    )
    product = ProductFactory(
        price=7_000, monthly_capacity=Decimal("2"), unit=unit("ton")
    )
    # Rp 7.000.000/ton is Rp 7.000/kg, half the Rp 14.000/kg maximum, and
    # 2 ton is twice the 10 kuintal needed.
    product.price = 7_000_000
    product.save()
    match = matches_for_demand(demand).get(pk=product.pk)
    assert match.price_points == Decimal(PRICE_WEIGHT)
    assert match.capacity_points == Decimal(CAPACITY_WEIGHT)


def test_order_same_regency_first(rice_demand, region):
    far = ProductFactory(price=12_000)
    near = ProductFactory(price=12_000, cooperative=CooperativeFactory(region=region))
    assert _ids(matches_for_demand(rice_demand)) == [near.pk, far.pk]


def test_order_by_score(rice_demand):
    middle = ProductFactory(price=12_600, monthly_capacity=Decimal("1500"))
    best = ProductFactory(price=7_000, monthly_capacity=Decimal("2000"))
    worst = ProductFactory(price=14_000, monthly_capacity=Decimal("1000"))
    assert _ids(matches_for_demand(rice_demand)) == [best.pk, middle.pk, worst.pk]


def test_order_tie_lower_price_first(rice_demand):
    # Both score 40: 30 for the item, then 10 price points and none for
    # capacity, or the reverse.
    dearer = ProductFactory(price=14_000, monthly_capacity=Decimal("1500"))
    cheaper = ProductFactory(price=13_000, monthly_capacity=Decimal("1000"))
    matches = list(matches_for_demand(rice_demand))
    assert [match.score for match in matches] == [Decimal(40), Decimal(40)]
    assert _ids(matches) == [cheaper.pk, dearer.pk]


def test_order_tie_newest_first(rice_demand):
    older = ProductFactory()
    newer = ProductFactory()
    assert _ids(matches_for_demand(rice_demand)) == [newer.pk, older.pk]


# Item fit


def _vegetable(name: str, **fields) -> Product:
    return ProductFactory(
        name=name,
        category=category("sayuran"),
        price=fields.pop("price", 30_000),
        monthly_capacity=fields.pop("monthly_capacity", Decimal("500")),
        **fields,
    )


@pytest.fixture
def chilli_demand(region):
    """100 kg of bird's eye chilli a month, at most Rp 40.000/kg."""
    return DemandFactory(
        category=category("sayuran"),
        item="Cabai rawit",
        monthly_quantity=Decimal("100"),
        max_price=40_000,
        delivery_region=region,
        note="Cabai rawit segar untuk toko koperasi.",
    )


def test_item_fit_ranks_named_first(chilli_demand):
    taro = _vegetable("Talas Bogor")
    mixed = _vegetable("Sayuran campur")
    chilli = _vegetable("Cabai rawit")
    matches = list(matches_for_demand(chilli_demand))
    assert _ids(matches) == [chilli.pk, mixed.pk, taro.pk]
    assert matches[0].item_points == Decimal(ITEM_WEIGHT)
    assert matches[1].item_points == Decimal(0)
    assert matches[2].item_points == Decimal(0)


def test_item_fit_beats_better_score(chilli_demand, region):
    # The taro scores 70 and the chilli 30, but only the chilli is what the
    # demand asks for.
    taro = _vegetable(
        "Talas Bogor",
        price=20_000,
        monthly_capacity=Decimal("1000"),
        cooperative=CooperativeFactory(region=region),
    )
    chilli = _vegetable("Cabai rawit", price=40_000, monthly_capacity=Decimal("100"))
    matches = list(matches_for_demand(chilli_demand))
    assert _ids(matches) == [chilli.pk, taro.pk]
    assert matches[0].score == Decimal(30)
    assert matches[1].score == Decimal(70)


def test_item_fit_share_of_words(chilli_demand):
    rawit = _vegetable("Cabai rawit hijau")
    curly = _vegetable("Cabai merah keriting")
    matches = list(matches_for_demand(chilli_demand))
    assert _ids(matches) == [rawit.pk, curly.pk]
    assert matches[0].item_points == Decimal(30)
    assert matches[1].item_points == Decimal(15)
    assert matches[1].names_item is True


@pytest.mark.parametrize(
    "name", ["CABAI RAWIT", "Cabái Rawít", "cabai-rawit (segar)", "Rawit, cabai"]
)
def test_item_fit_ignores_case_and_accents(chilli_demand, name):
    product = _vegetable(name)
    match = matches_for_demand(chilli_demand).get(pk=product.pk)
    assert match.item_points == Decimal(ITEM_WEIGHT)


def test_item_fit_whole_words_only(chilli_demand):
    # "Cabaigiling" contains "cabai" but is another word.
    product = _vegetable("Cabaigiling rawitan")
    match = matches_for_demand(chilli_demand).get(pk=product.pk)
    assert match.item_points == Decimal(0)


def test_item_fit_repeated_words_once(chilli_demand):
    chilli_demand.item = "Cabai cabai rawit"
    chilli_demand.save()
    product = _vegetable("Cabai hijau")
    match = matches_for_demand(chilli_demand).get(pk=product.pk)
    assert match.item_points == Decimal(15)


def test_item_fit_wordless_item(chilli_demand):
    chilli_demand.item = "!!!"
    chilli_demand.save()
    product = _vegetable("Cabai rawit")
    match = matches_for_demand(chilli_demand).get(pk=product.pk)
    assert match.item_points == Decimal(0)


@pytest.mark.parametrize(
    "text",
    [
        "Cabé Rawit!",
        "  Beras   MEDIUM ",
        "Kopi arabika (green bean) 1kg",
        "café-au-lait",
        "İstanbul ﬁsh",
        "Æble",
        "",
    ],
)
def test_text_words_like_normalise(text):
    words = (
        Category.objects.annotate(words=text_words(Value(text)))
        .values_list("words", flat=True)
        .first()
    )
    assert words == normalise(text).split()


# Demands matching a product


def test_demands_for_product_convert():
    product = ProductFactory(price=12_000, monthly_capacity=Decimal("300"))
    in_kuintal = DemandFactory(
        unit=unit("kuintal"), monthly_quantity=Decimal("2"), max_price=1_300_000
    )
    too_big = DemandFactory(
        unit=unit("kuintal"), monthly_quantity=Decimal("4"), max_price=1_300_000
    )
    too_cheap = DemandFactory(
        unit=unit("ton"), monthly_quantity=Decimal("0.1"), max_price=11_000_000
    )
    matched = _ids(demands_matching_product(product))
    assert in_kuintal.pk in matched
    assert too_big.pk not in matched
    assert too_cheap.pk not in matched


def test_demands_for_product_skip_closed():
    product = ProductFactory()
    open_demand = DemandFactory()
    DemandFactory(is_active=False)
    DemandFactory(valid_until=timezone.localdate() - timedelta(days=1))
    DemandFactory(category=category("kopi"))
    assert _ids(demands_matching_product(product)) == [open_demand.pk]


# Pairs on the dashboard


def test_pairs_consumer_sees_best_product(rice_demand):
    ProductFactory(price=13_500)
    best = ProductFactory(price=8_000)
    pairs = match_pairs_for_cooperative(rice_demand.cooperative)
    assert pairs == [(rice_demand, best)]


def test_pairs_consumer_sees_named_item(chilli_demand, region):
    # The same order as the demand page: the chilli before the cheaper,
    # nearer taro.
    _vegetable(
        "Talas Bogor",
        price=20_000,
        monthly_capacity=Decimal("1000"),
        cooperative=CooperativeFactory(region=region),
    )
    chilli = _vegetable("Cabai rawit", price=40_000, monthly_capacity=Decimal("100"))
    pairs = match_pairs_for_cooperative(chilli_demand.cooperative)
    assert pairs == [(chilli_demand, chilli)]


def test_pairs_skip_cooperative_that_stopped_selling(rice_demand):
    product = ProductFactory()
    product.cooperative.kind = Cooperative.Kind.CONSUMER
    product.cooperative.save()
    assert match_pairs_for_cooperative(rice_demand.cooperative) == []
    assert match_count_for_cooperative(rice_demand.cooperative) == 0


def test_pairs_producer_sees_demands(rice_demand):
    product = ProductFactory(price=12_000)
    second = DemandFactory()
    unmatched = DemandFactory(max_price=11_000)
    pairs = match_pairs_for_cooperative(product.cooperative)
    assert pairs == [(second, product), (rice_demand, product)]
    assert (unmatched, product) not in pairs


def test_pairs_both_kinds_see_both(rice_demand):
    both = CooperativeFactory(kind=Cooperative.Kind.BOTH)
    own_product = ProductFactory(cooperative=both, price=13_000)
    own_demand = DemandFactory(cooperative=both, category=category("kopi"))
    coffee = ProductFactory(category=category("kopi"), price=10_000)
    pairs = match_pairs_for_cooperative(both)
    assert (own_demand, coffee) in pairs
    assert (rice_demand, own_product) in pairs
    assert len(pairs) == 2


def test_pairs_both_kinds_keep_other_producers():
    # A cooperative that sells rice itself still sees other producers' rice
    # for its own rice demand, and never its own product.
    both = CooperativeFactory(kind=Cooperative.Kind.BOTH)
    own_product = ProductFactory(cooperative=both, price=9_000)
    own_demand = DemandFactory(cooperative=both)
    other = ProductFactory(price=13_000)
    pairs = match_pairs_for_cooperative(both)
    assert pairs == [(own_demand, other)]
    assert (own_demand, own_product) not in pairs


def test_pairs_respect_limit():
    product = ProductFactory()
    DemandFactory.create_batch(4)
    assert len(match_pairs_for_cooperative(product.cooperative, limit=3)) == 3


def test_pairs_empty_without_matches(rice_demand):
    assert match_pairs_for_cooperative(rice_demand.cooperative) == []


def test_match_count_counts_pairs(rice_demand):
    ProductFactory.create_batch(3)
    ProductFactory(price=20_000)
    assert match_count_for_cooperative(rice_demand.cooperative) == 3


def test_match_count_producer_side():
    product = ProductFactory()
    DemandFactory.create_batch(2)
    DemandFactory(is_active=False)
    assert match_count_for_cooperative(product.cooperative) == 2


# Inquiries


def test_inbox_flags_received(inquiry, producer):
    row = inquiries_for_inbox(producer).get()
    assert row.is_received is True
    assert row.is_unread is True
    assert row.is_waiting is True


def test_inbox_flags_sent(inquiry, consumer):
    inquiry.sender_read_at = timezone.now()
    inquiry.save()
    row = inquiries_for_inbox(consumer).get()
    assert row.is_received is False
    assert row.is_unread is False
    assert row.is_waiting is False


def test_inbox_excludes_others(inquiry, third_cooperative):
    assert list(inquiries_for_inbox(third_cooperative)) == []


def test_inbox_newest_activity_first(consumer, producer):
    now = timezone.now()
    old = InquiryFactory(
        sender_cooperative=consumer,
        recipient_cooperative=producer,
        last_message_at=now - timedelta(days=2),
    )
    recent = InquiryFactory(
        sender_cooperative=producer,
        recipient_cooperative=consumer,
        last_message_at=now - timedelta(hours=1),
    )
    assert _ids(inquiries_for_inbox(producer)) == [recent.pk, old.pk]


def test_waiting_until_recipient_replies(inquiry, producer, consumer, ani, citra):
    assert _ids(waiting_inquiries(producer)) == [inquiry.pk]
    inquiry.replies.create(author=citra, author_cooperative=consumer, body="Halo?")
    assert _ids(waiting_inquiries(producer)) == [inquiry.pk]
    inquiry.replies.create(author=ani, author_cooperative=producer, body="Bisa.")
    assert _ids(waiting_inquiries(producer)) == []
    assert _ids(waiting_inquiries(consumer)) == []


@pytest.mark.django_db
def test_product_hidden_after_kind_change(producer):
    product = ProductFactory(cooperative=producer)
    producer.kind = Cooperative.Kind.CONSUMER
    producer.save()

    assert product not in Product.objects.active()


@pytest.mark.django_db
def test_demand_hidden_after_kind_change(consumer):
    demand = DemandFactory(cooperative=consumer)
    consumer.kind = Cooperative.Kind.PRODUCER
    consumer.save()

    assert demand not in Demand.objects.open()


@pytest.mark.django_db
def test_listing_returns_when_kind_both(producer):
    product = ProductFactory(cooperative=producer)
    producer.kind = Cooperative.Kind.BOTH
    producer.save()

    assert product in Product.objects.active()
