from datetime import date, datetime, timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from celery.result import EagerResult
from django.conf import settings as django_settings

from ecobiz import celery_app
from monitoring.models import DailyMetric
from monitoring.periods import JAKARTA, jakarta_today
from monitoring.tasks import compute_daily_metrics

from .factories import InteractionEventFactory

FIRST_MARCH = date(2026, 3, 1)


@pytest.mark.django_db
def test_task_defaults_to_yesterday_and_today(producer):
    InteractionEventFactory(cooperative=producer)

    days = compute_daily_metrics()

    today = jakarta_today()
    assert days == [(today - timedelta(days=1)).isoformat(), today.isoformat()]
    assert DailyMetric.objects.get(day=today).inquiries_sent == 1


@pytest.mark.django_db
def test_task_computes_given_day(producer):
    InteractionEventFactory(
        cooperative=producer, occurred_at=datetime(2026, 3, 1, 8, tzinfo=JAKARTA)
    )

    assert compute_daily_metrics("2026-03-01") == ["2026-03-01"]
    assert DailyMetric.objects.get().inquiries_sent == 1


def test_beat_schedule_names_registered_task():
    entry = django_settings.CELERY_BEAT_SCHEDULE["monitoring-compute-daily-metrics"]

    assert entry["task"] == compute_daily_metrics.name
    assert entry["task"] in celery_app.tasks
    assert entry["schedule"] == 15 * 60


@pytest.mark.django_db(transaction=True)
def test_task_runs_on_worker(settings, producer, consumer):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    InteractionEventFactory(
        cooperative=producer,
        target=consumer,
        occurred_at=datetime(2026, 3, 1, 8, tzinfo=JAKARTA),
    )
    celery_app.control.purge()

    with start_worker(celery_app, perform_ping_check=False, pool="solo"):
        result = compute_daily_metrics.delay(FIRST_MARCH.isoformat())
        days = result.get(timeout=30)

    assert not isinstance(result, EagerResult)
    assert days == ["2026-03-01"]
    metric = DailyMetric.objects.get(day=FIRST_MARCH)
    assert metric.inquiries_sent == 1
    assert metric.cross_type_interactions == 1
