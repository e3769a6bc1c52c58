import pytest
from django.core.management import CommandError, call_command

from cooperatives.events import InteractionKind, announce
from monitoring.models import DailyMetric
from monitoring.periods import jakarta_today


@pytest.mark.django_db
def test_compute_metrics_fills_recent_days(ani, producer, consumer):
    announce(
        InteractionKind.PROFILE_VIEW, user=ani, cooperative=producer, target=consumer
    )

    call_command("compute_metrics", "--days", "3")

    assert DailyMetric.objects.count() == 3
    assert DailyMetric.objects.get(day=jakarta_today()).active_cooperatives == 1


@pytest.mark.django_db
def test_compute_metrics_rejects_zero_days():
    with pytest.raises(CommandError):
        call_command("compute_metrics", "--days", "0")
