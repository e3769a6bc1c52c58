import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection

from cooperatives.events import InteractionKind
from cooperatives.models import Cooperative
from monitoring.models import DailyMetric
from monitoring.periods import JAKARTA, day_start, jakarta_today
from monitoring.services import (
    MAX_DAYS,
    daily_metric_compute,
    daily_metrics_backfill,
    daily_metrics_compute,
)

from ..factories import CooperativeFactory
from .factories import InteractionEventFactory

FIRST_MARCH = date(2026, 3, 1)
NOON = datetime(2026, 3, 1, 12, 0, tzinfo=JAKARTA)


@pytest.mark.django_db
def test_day_follows_jakarta_time(producer, consumer):
    InteractionEventFactory(
        cooperative=producer,
        target=consumer,
        occurred_at=datetime(2026, 2, 28, 17, 30, tzinfo=UTC),  # 00:30 WIB
    )
    InteractionEventFactory(
        cooperative=producer,
        target=consumer,
        occurred_at=datetime(2026, 3, 1, 23, 30, tzinfo=JAKARTA),
    )

    first_march = daily_metric_compute(day=FIRST_MARCH)
    last_february = daily_metric_compute(day=date(2026, 2, 28))
    second_march = daily_metric_compute(day=date(2026, 3, 2))

    assert first_march.inquiries_sent == 2
    assert first_march.cross_type_interactions == 2
    assert last_february.inquiries_sent == 0
    assert last_february.cross_type_interactions == 0
    assert second_march.inquiries_sent == 0


@pytest.mark.django_db
def test_midnight_belongs_to_next_day(producer):
    InteractionEventFactory(cooperative=producer, occurred_at=day_start(FIRST_MARCH))

    assert daily_metric_compute(day=date(2026, 2, 28)).inquiries_sent == 0
    assert daily_metric_compute(day=FIRST_MARCH).inquiries_sent == 1


@pytest.mark.django_db
def test_figures_counted_per_kind(producer, consumer):
    other_consumer = CooperativeFactory(kind=Cooperative.Kind.CONSUMER)
    kinds = [
        (producer, InteractionKind.PRODUCT_LISTED, None),
        (consumer, InteractionKind.INQUIRY_SENT, producer),
        (other_consumer, InteractionKind.INQUIRY_SENT, producer),
        (producer, InteractionKind.INQUIRY_REPLIED, consumer),
        (consumer, InteractionKind.DEMAND_SHARED, None),
    ]
    for actor, kind, target in kinds:
        InteractionEventFactory(
            cooperative=actor, kind=kind, target=target, occurred_at=NOON
        )

    metric = daily_metric_compute(day=FIRST_MARCH)

    assert metric.active_cooperatives == 3
    assert metric.inquiries_sent == 2
    assert metric.replies == 1
    assert metric.cross_type_interactions == 3


@pytest.mark.django_db
def test_event_without_cooperative_not_active():
    InteractionEventFactory(cooperative=None, occurred_at=NOON)

    metric = daily_metric_compute(day=FIRST_MARCH)

    assert metric.active_cooperatives == 0
    assert metric.inquiries_sent == 1


P, C, B = (Cooperative.Kind.PRODUCER, Cooperative.Kind.CONSUMER, Cooperative.Kind.BOTH)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("actor_kind", "target_kind", "expected"),
    [
        (P, C, 1),
        (C, P, 1),
        (B, P, 1),
        (P, B, 1),
        (B, C, 1),
        (B, B, 1),
        (P, P, 0),
        (C, C, 0),
    ],
)
def test_cross_type_rule(actor_kind, target_kind, expected):
    actor = CooperativeFactory(kind=actor_kind)
    target = CooperativeFactory(kind=target_kind)
    InteractionEventFactory(cooperative=actor, target=target, occurred_at=NOON)

    metric = daily_metric_compute(day=FIRST_MARCH)

    assert metric.cross_type_interactions == expected


@pytest.mark.django_db
@pytest.mark.parametrize("kind", [P, C, B])
def test_cross_type_excludes_self(kind):
    cooperative = CooperativeFactory(kind=kind)
    InteractionEventFactory(
        cooperative=cooperative, target=cooperative, occurred_at=NOON
    )

    assert daily_metric_compute(day=FIRST_MARCH).cross_type_interactions == 0


@pytest.mark.django_db
def test_cross_type_excludes_no_target(producer):
    InteractionEventFactory(cooperative=producer, target=None, occurred_at=NOON)

    assert daily_metric_compute(day=FIRST_MARCH).cross_type_interactions == 0


@pytest.mark.django_db
def test_rerun_keeps_one_row(producer, consumer):
    InteractionEventFactory(cooperative=producer, target=consumer, occurred_at=NOON)

    first = daily_metric_compute(day=FIRST_MARCH)
    second = daily_metric_compute(day=FIRST_MARCH)

    assert DailyMetric.objects.filter(day=FIRST_MARCH).count() == 1
    assert second.pk == first.pk
    stored = DailyMetric.objects.get(day=FIRST_MARCH)
    assert stored.active_cooperatives == first.active_cooperatives == 1
    assert stored.inquiries_sent == first.inquiries_sent == 1
    assert stored.replies == first.replies == 0
    assert stored.cross_type_interactions == first.cross_type_interactions == 1
    assert stored.computed_at == second.computed_at


@pytest.mark.django_db
def test_rerun_replaces_figures(producer, consumer):
    InteractionEventFactory(cooperative=producer, target=consumer, occurred_at=NOON)
    daily_metric_compute(day=FIRST_MARCH)
    InteractionEventFactory(cooperative=consumer, target=producer, occurred_at=NOON)

    daily_metric_compute(day=FIRST_MARCH)

    stored = DailyMetric.objects.get(day=FIRST_MARCH)
    assert stored.inquiries_sent == 2
    assert stored.active_cooperatives == 2


@pytest.mark.django_db
def test_range_writes_zero_days(producer):
    InteractionEventFactory(cooperative=producer, occurred_at=NOON)

    metrics = daily_metrics_compute(
        first_day=date(2026, 2, 27), last_day=date(2026, 3, 2)
    )

    assert [metric.day.day for metric in metrics] == [27, 28, 1, 2]
    assert [metric.inquiries_sent for metric in metrics] == [0, 0, 1, 0]
    assert DailyMetric.objects.count() == 4


@pytest.mark.django_db
def test_range_rejects_reversed_days():
    with pytest.raises(ValueError, match="after last_day"):
        daily_metrics_compute(first_day=FIRST_MARCH, last_day=date(2026, 2, 28))


@pytest.mark.django_db
def test_range_rejects_too_many_days():
    with pytest.raises(ValueError, match="at most"):
        daily_metrics_compute(
            first_day=FIRST_MARCH, last_day=FIRST_MARCH + timedelta(days=MAX_DAYS)
        )


@pytest.mark.django_db
def test_compute_uses_few_queries(producer, consumer, django_assert_max_num_queries):
    for hour in range(20):
        InteractionEventFactory(
            cooperative=producer,
            target=consumer,
            occurred_at=datetime(2026, 3, 1, hour, tzinfo=JAKARTA),
        )

    # One aggregate and one upsert, plus the savepoint of transaction.atomic
    # around them inside the test's transaction.
    with django_assert_max_num_queries(4):
        metrics = daily_metrics_compute(
            first_day=date(2026, 2, 1), last_day=date(2026, 3, 31)
        )

    assert len(metrics) == 59


@pytest.mark.django_db
def test_backfill_ends_today(producer):
    InteractionEventFactory(cooperative=producer)

    metrics = daily_metrics_backfill(days=3)

    assert [metric.day for metric in metrics] == [
        jakarta_today() - timedelta(days=2),
        jakarta_today() - timedelta(days=1),
        jakarta_today(),
    ]
    assert metrics[-1].inquiries_sent == 1


@pytest.mark.django_db
def test_backfill_rejects_zero_days():
    with pytest.raises(ValueError, match="at least 1"):
        daily_metrics_backfill(days=0)


@pytest.mark.django_db(transaction=True)
def test_concurrent_runs_keep_one_row(producer, consumer):
    InteractionEventFactory(cooperative=producer, target=consumer, occurred_at=NOON)
    InteractionEventFactory(cooperative=consumer, target=producer, occurred_at=NOON)
    connection.close()
    errors = []
    start = threading.Barrier(2)

    def compute():
        try:
            start.wait(timeout=10)
            daily_metric_compute(day=FIRST_MARCH)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=compute) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert DailyMetric.objects.count() == 1
    stored = DailyMetric.objects.get()
    assert stored.inquiries_sent == 2
    assert stored.cross_type_interactions == 2
