"""Writes to the interaction figures: computing DailyMetric rows from events."""

import logging
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from cooperatives.events import InteractionKind
from cooperatives.models import Cooperative

from .models import FIGURE_FIELDS, DailyMetric, InteractionEvent
from .periods import JAKARTA, day_bounds, jakarta_today

logger = logging.getLogger(__name__)

SELLING_KINDS = (Cooperative.Kind.PRODUCER, Cooperative.Kind.BOTH)
BUYING_KINDS = (Cooperative.Kind.CONSUMER, Cooperative.Kind.BOTH)

# The maximum number of days one call computes, so that a mistyped backfill
# cannot write rows for centuries of empty days.
MAX_DAYS = 3660


def cross_type_condition() -> Q:
    """Return the filter for events between a selling and a buying cooperative.

    An event counts when it has a target cooperative other than the actor and
    one side can sell while the other can buy: the actor is a producer or
    both and the target a consumer or both, or the reverse. So
    producer→consumer, consumer→producer, both→producer, producer→both and
    both→both count, while producer→producer, consumer→consumer, events
    without a target and events towards the actor itself do not. Every kind
    of event with such a target counts, profile views included.

    NOTE: the rule reads each cooperative's kind at compute time, so a
    recomputed day reflects kinds changed after its events happened.
    """
    seller_to_buyer = Q(cooperative__kind__in=SELLING_KINDS) & Q(
        target__kind__in=BUYING_KINDS
    )
    buyer_to_seller = Q(cooperative__kind__in=BUYING_KINDS) & Q(
        target__kind__in=SELLING_KINDS
    )
    return (
        Q(target__isnull=False)
        & ~Q(target=F("cooperative"))
        & (seller_to_buyer | buyer_to_seller)
    )


def _figures_by_day(first_day: date, last_day: date) -> dict[date, dict[str, int]]:
    """Count each figure per Jakarta day in one grouped query."""
    start, end = day_bounds(first_day, last_day)
    rows = (
        InteractionEvent.objects.filter(occurred_at__gte=start, occurred_at__lt=end)
        .annotate(day=TruncDate("occurred_at", tzinfo=JAKARTA))
        .values("day")
        .order_by()
        .annotate(
            active_cooperatives=Count("cooperative", distinct=True),
            inquiries_sent=Count("pk", filter=Q(kind=InteractionKind.INQUIRY_SENT)),
            replies=Count("pk", filter=Q(kind=InteractionKind.INQUIRY_REPLIED)),
            cross_type_interactions=Count("pk", filter=cross_type_condition()),
        )
    )
    return {row.pop("day"): row for row in rows}


@transaction.atomic
def daily_metrics_compute(*, first_day: date, last_day: date) -> list[DailyMetric]:
    """Compute and store the DailyMetric rows of every day in a Jakarta range.

    Each day covers events with occurred_at in [00:00 WIB, 00:00 WIB the next
    day). Days without events get a row of zeros. The rows are written with
    one INSERT … ON CONFLICT (day) DO UPDATE, so a re-run replaces a day's
    figures and two concurrent runs leave one row per day without an error.
    Returns the rows oldest first.
    """
    if first_day > last_day:
        raise ValueError(f"first_day {first_day} is after last_day {last_day}.")
    day_count = (last_day - first_day).days + 1
    if day_count > MAX_DAYS:
        raise ValueError(
            f"The range {first_day} to {last_day} has {day_count} days; "
            f"at most {MAX_DAYS} can be computed at once."
        )

    figures = _figures_by_day(first_day, last_day)
    zeros = dict.fromkeys(FIGURE_FIELDS, 0)
    computed_at = timezone.now()
    # Rows go in day order so that concurrent runs lock the days in the same
    # order, which keeps two overlapping ranges from deadlocking.
    metrics = [
        DailyMetric(day=day, computed_at=computed_at, **figures.get(day, zeros))
        for day in (first_day + timedelta(days=offset) for offset in range(day_count))
    ]
    return DailyMetric.objects.bulk_create(
        metrics,
        update_conflicts=True,
        unique_fields=["day"],
        update_fields=[*FIGURE_FIELDS, "computed_at"],
    )


def daily_metric_compute(*, day: date) -> DailyMetric:
    """Compute and store the DailyMetric row of one Jakarta day."""
    (metric,) = daily_metrics_compute(first_day=day, last_day=day)
    return metric


def daily_metrics_backfill(*, days: int) -> list[DailyMetric]:
    """Compute the rows of the last `days` Jakarta days, today included."""
    if days < 1:
        raise ValueError(f"days must be at least 1, not {days}.")
    today = jakarta_today()
    logger.info("Backfilling daily metrics for the last %s days", days)
    metrics = daily_metrics_compute(
        first_day=today - timedelta(days=days - 1), last_day=today
    )
    logger.info("Backfilled %s daily metrics up to %s", len(metrics), today)
    return metrics
