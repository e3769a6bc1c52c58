from datetime import date, datetime, timedelta

import pytest
from django.utils import translation

from monitoring.models import DailyMetric
from monitoring.periods import JAKARTA
from monitoring.selectors import Trend, daily_table, last_days, metrics_summary

from .factories import DailyMetricFactory, InteractionEventFactory

TODAY = date(2026, 3, 31)

pytestmark = pytest.mark.django_db


def test_last_days_fills_gaps():
    DailyMetricFactory(day=TODAY - timedelta(days=2), inquiries_sent=5)
    DailyMetricFactory(day=TODAY, inquiries_sent=7)

    rows = last_days(4, today=TODAY)

    assert [row.day for row in rows] == [
        TODAY - timedelta(days=3),
        TODAY - timedelta(days=2),
        TODAY - timedelta(days=1),
        TODAY,
    ]
    assert [row.inquiries_sent for row in rows] == [0, 5, 0, 7]
    assert rows[0].pk is None
    assert DailyMetric.objects.count() == 2


def test_last_days_ignores_older_and_newer_rows():
    DailyMetricFactory(day=TODAY - timedelta(days=2))
    DailyMetricFactory(day=TODAY + timedelta(days=1))

    rows = last_days(2, today=TODAY)

    assert [row.pk for row in rows] == [None, None]


def test_summary_sums_current_and_previous():
    DailyMetricFactory(day=TODAY, inquiries_sent=4, replies=2)
    DailyMetricFactory(day=TODAY - timedelta(days=29), inquiries_sent=1, replies=0)
    DailyMetricFactory(day=TODAY - timedelta(days=30), inquiries_sent=3, replies=2)
    DailyMetricFactory(day=TODAY - timedelta(days=59), inquiries_sent=1, replies=2)
    DailyMetricFactory(day=TODAY - timedelta(days=60), inquiries_sent=100)

    summary = metrics_summary(days=30, today=TODAY)

    assert summary.inquiries_sent == Trend(total=5, previous=4)
    assert summary.replies == Trend(total=2, previous=4)
    assert summary.first_day == date(2026, 3, 2)


def test_summary_counts_distinct_active_cooperatives(producer, consumer):
    for day in (TODAY, TODAY - timedelta(days=1)):
        InteractionEventFactory(
            cooperative=producer,
            occurred_at=datetime.combine(day, datetime.min.time(), tzinfo=JAKARTA),
        )
    InteractionEventFactory(
        cooperative=consumer,
        occurred_at=datetime(2026, 2, 20, 9, tzinfo=JAKARTA),
    )

    summary = metrics_summary(days=30, today=TODAY)

    assert summary.active_cooperatives.total == 1
    assert summary.active_cooperatives.previous == 1


def test_summary_empty_has_zero_totals():
    summary = metrics_summary(days=30, today=TODAY)

    assert summary.cross_type_interactions == Trend(total=0, previous=0)
    assert summary.active_cooperatives == Trend(total=0, previous=0)
    assert summary.last_computed_at is None


def test_summary_last_computed_at():
    metric = DailyMetricFactory(day=TODAY)

    assert metrics_summary(today=TODAY).last_computed_at == metric.computed_at


@pytest.mark.parametrize(
    ("total", "previous", "change", "percent", "direction"),
    [
        (15, 10, 5, 50, "up"),
        (5, 10, -5, -50, "down"),
        (10, 10, 0, 0, "flat"),
        (3, 0, 3, None, "up"),
        (0, 0, 0, None, "flat"),
        (1, 3, -2, -67, "down"),
    ],
)
def test_trend_change(total, previous, change, percent, direction):
    trend = Trend(total=total, previous=previous)

    assert trend.change == change
    assert trend.change_percent == percent
    assert trend.direction == direction


def test_trend_sizes_are_unsigned():
    trend = Trend(total=1, previous=3)

    assert trend.change_size == 2
    assert trend.change_percent_size == 67


def test_daily_table_rows_and_chart():
    DailyMetricFactory(
        day=TODAY,
        active_cooperatives=1,
        inquiries_sent=2,
        replies=3,
        cross_type_interactions=4,
    )

    with translation.override("en"):
        table = daily_table(last_days(2, today=TODAY))
        chart = table.chart

    assert table.columns == [
        "Active cooperatives",
        "Inquiries sent",
        "Replies",
        "Producer–consumer interactions",
    ]
    assert table.rows == [
        (TODAY - timedelta(days=1), [0, 0, 0, 0]),
        (TODAY, [1, 2, 3, 4]),
    ]
    assert chart["labels"] == ["30 Mar", "31 Mar"]
    assert chart["series"][1] == {"label": "Inquiries sent", "values": [0, 2]}
