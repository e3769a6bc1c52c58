"""Celery jobs that keep the interaction figures current."""

import logging
from datetime import date, timedelta

from celery import shared_task

from .periods import jakarta_today
from .services import daily_metrics_compute

logger = logging.getLogger(__name__)


@shared_task
def compute_daily_metrics(day_iso: str | None = None) -> list[str]:
    """Compute the DailyMetric rows of one day, or of yesterday and today.

    `day_iso` is a Jakarta date such as "2026-03-01". Without it the job
    computes yesterday as well as today, because events of the last minutes
    before midnight arrive after the last run of the old day. Returns the
    ISO dates computed.
    """
    if day_iso is None:
        last_day = jakarta_today()
        first_day = last_day - timedelta(days=1)
    else:
        first_day = last_day = date.fromisoformat(day_iso)
    logger.info("Computing daily metrics for %s to %s", first_day, last_day)
    metrics = daily_metrics_compute(first_day=first_day, last_day=last_day)
    logger.info(
        "Computed %s daily metrics for %s to %s", len(metrics), first_day, last_day
    )
    return [metric.day.isoformat() for metric in metrics]
