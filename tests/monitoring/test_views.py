from datetime import datetime, time, timedelta

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from monitoring.models import DailyMetric
from monitoring.periods import JAKARTA, jakarta_today

from .factories import DailyMetricFactory, InteractionEventFactory

DASHBOARD = reverse("monitoring:dashboard")
RECOMPUTE = reverse("monitoring:recompute")

pytestmark = pytest.mark.django_db


def add_days(count: int, *, skip: int = 0) -> None:
    """Store a metric row and an event on each of `count` days, `skip` days back."""
    today = jakarta_today()
    for offset in range(skip, skip + count):
        day = today - timedelta(days=offset)
        DailyMetricFactory(day=day)
        InteractionEventFactory(occurred_at=datetime.combine(day, time(0), JAKARTA))


def test_dashboard_anonymous_redirected(client):
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("persona", ["ani", "budi", "citra", "eko"])
def test_dashboard_forbidden_without_role(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(DASHBOARD).status_code == 403


def test_dashboard_facilitator_sees_figures(client, dewi):
    add_days(3)
    client.force_login(dewi)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    summary = response.context["summary"]
    assert summary.inquiries_sent.total == 9
    assert summary.cross_type_interactions.total == 12
    assert summary.active_cooperatives.total == 3
    assert len(response.context["table"].rows) == 30
    content = response.content.decode()
    assert '<svg class="w-100 h-auto"' in content
    assert content.count("<polyline") == 4
    assert "chart.umd" not in content
    assert f'action="{RECOMPUTE}"' in content


def test_dashboard_superuser_allowed(client, django_user_model):
    admin = django_user_model.objects.create_superuser(
        email="admin@contoh.id", password="kata-sandi-uji-123"
    )
    client.force_login(admin)

    assert client.get(DASHBOARD).status_code == 200


def test_dashboard_has_no_inline_styles_or_handlers(client, dewi):
    add_days(2)
    client.force_login(dewi)

    content = client.get(DASHBOARD).content.decode()

    assert " style=" not in content
    assert " onclick=" not in content
    assert "<script>" not in content


def test_dashboard_queries_do_not_grow(client, dewi):
    client.force_login(dewi)
    client.get(DASHBOARD)
    add_days(10)
    with CaptureQueriesContext(connection) as ten_days:
        client.get(DASHBOARD)

    add_days(20, skip=10)
    with CaptureQueriesContext(connection) as thirty_days:
        response = client.get(DASHBOARD)

    assert response.context["summary"].inquiries_sent.total == 90
    assert len(thirty_days) == len(ten_days)


def test_recompute_by_facilitator(client, dewi, settings, producer):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    InteractionEventFactory(cooperative=producer)
    client.force_login(dewi)

    response = client.post(RECOMPUTE)

    assert response.status_code == 302
    assert response.url == DASHBOARD
    today = DailyMetric.objects.get(day=jakarta_today())
    assert today.inquiries_sent == 1
    assert DailyMetric.objects.filter(day=jakarta_today() - timedelta(days=1)).exists()
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert len(messages) == 1


@pytest.mark.parametrize("persona", ["ani", "citra", "eko"])
def test_recompute_forbidden_without_role(client, request, settings, persona):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    client.force_login(request.getfixturevalue(persona))

    response = client.post(RECOMPUTE)

    assert response.status_code == 403
    assert DailyMetric.objects.count() == 0


def test_recompute_anonymous_redirected(client):
    response = client.post(RECOMPUTE)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_recompute_rejects_get(client, dewi):
    client.force_login(dewi)

    assert client.get(RECOMPUTE).status_code == 405
