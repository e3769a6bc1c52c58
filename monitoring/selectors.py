"""Reads of the interaction figures for the facilitators' dashboard."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Max, Q, Sum
from django.utils.formats import date_format
from django.utils.text import capfirst

from .models import FIGURE_FIELDS, DailyMetric, InteractionEvent
from .periods import day_bounds, day_start, jakarta_today

SUMMED_FIELDS = ("inquiries_sent", "replies", "cross_type_interactions")


def last_days(count: int, *, today: date | None = None) -> list[DailyMetric]:
    """Return the DailyMetric rows of the last `count` Jakarta days, oldest first.

    The range ends with today. A day without a stored row gets an unsaved row
    of zeros, so that a chart of the result has no gaps.
    """
    today = today or jakarta_today()
    first_day = today - timedelta(days=count - 1)
    stored = {
        metric.day: metric
        for metric in DailyMetric.objects.filter(day__range=(first_day, today))
    }
    zeros = dict.fromkeys(FIGURE_FIELDS, 0)
    days = (first_day + timedelta(days=offset) for offset in range(count))
    return [
        stored.get(day) or DailyMetric(day=day, computed_at=None, **zeros)
        for day in days
    ]


@dataclass(frozen=True)
class Trend:
    """A figure's total over a period and over the period before it."""

    total: int
    previous: int

    @property
    def change(self) -> int:
        return self.total - self.previous

    @property
    def change_percent(self) -> int | None:
        """Return the change in percent of the previous total, or None if that is 0."""
        if self.previous == 0:
            return None
        return round(self.change * 100 / self.previous)

    @property
    def change_size(self) -> int:
        """Return the change without its sign, for texts that name the direction."""
        return abs(self.change)

    @property
    def change_percent_size(self) -> int | None:
        percent = self.change_percent
        return None if percent is None else abs(percent)

    @property
    def direction(self) -> str:
        if self.change > 0:
            return "up"
        if self.change < 0:
            return "down"
        return "flat"


@dataclass(frozen=True)
class MetricsSummary:
    """Headline figures over the last `days` Jakarta days, today included."""

    days: int
    first_day: date
    last_day: date
    active_cooperatives: Trend
    inquiries_sent: Trend
    replies: Trend
    cross_type_interactions: Trend
    last_computed_at: datetime | None


def metrics_summary(*, days: int = 30, today: date | None = None) -> MetricsSummary:
    """Return the totals of the last `days` days and of the `days` before them.

    Inquiries, replies and producer–consumer interactions are sums of the
    stored DailyMetric rows. Active cooperatives is the number of distinct
    cooperatives with at least one event in the period, counted from the
    events, since a sum of daily counts would count a cooperative once for
    every day it was active.
    """
    today = today or jakarta_today()
    first_day = today - timedelta(days=days - 1)
    previous_first_day = first_day - timedelta(days=days)
    current = Q(day__range=(first_day, today))
    previous = Q(day__range=(previous_first_day, first_day - timedelta(days=1)))

    aggregates = {}
    for field in SUMMED_FIELDS:
        aggregates[f"{field}_total"] = Sum(field, filter=current, default=0)
        aggregates[f"{field}_previous"] = Sum(field, filter=previous, default=0)
    sums = DailyMetric.objects.filter(day__range=(previous_first_day, today)).aggregate(
        last_computed_at=Max("computed_at", filter=current),
        **aggregates,
    )

    period_start, period_end = day_bounds(first_day, today)
    previous_start = day_start(previous_first_day)
    active = InteractionEvent.objects.filter(
        occurred_at__gte=previous_start, occurred_at__lt=period_end
    ).aggregate(
        total=Count(
            "cooperative", distinct=True, filter=Q(occurred_at__gte=period_start)
        ),
        previous=Count(
            "cooperative", distinct=True, filter=Q(occurred_at__lt=period_start)
        ),
    )

    return MetricsSummary(
        days=days,
        first_day=first_day,
        last_day=today,
        active_cooperatives=Trend(total=active["total"], previous=active["previous"]),
        last_computed_at=sums["last_computed_at"],
        **{
            field: Trend(
                total=sums[f"{field}_total"], previous=sums[f"{field}_previous"]
            )
            for field in SUMMED_FIELDS
        },
    )


@dataclass(frozen=True)
class DailyTable:
    """Daily figures as table columns and rows, and as chart data."""

    columns: list[str]
    rows: list[tuple[date, list[int]]]

    @property
    def chart(self) -> dict:
        """Return the labels and one series per column, for the line chart."""
        return {
            "labels": [date_format(day, "j M") for day, _ in self.rows],
            "series": [
                {"label": label, "values": [values[index] for _, values in self.rows]}
                for index, label in enumerate(self.columns)
            ],
        }


def daily_table(metrics: list[DailyMetric]) -> DailyTable:
    """Arrange DailyMetric rows as a table with the model's field names as heads."""
    return DailyTable(
        columns=[
            str(capfirst(DailyMetric._meta.get_field(field).verbose_name))
            for field in FIGURE_FIELDS
        ],
        rows=[
            (metric.day, [getattr(metric, field) for field in FIGURE_FIELDS])
            for metric in metrics
        ],
    )
