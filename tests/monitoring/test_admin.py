import pytest
from django.urls import reverse

from .factories import DailyMetricFactory, InteractionEventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_logged_in(client, django_user_model):
    admin = django_user_model.objects.create_superuser(
        email="admin@contoh.id", password="kata-sandi-uji-123"
    )
    client.force_login(admin)
    return client


def test_event_list_searches_cooperative(admin_client_logged_in, producer, consumer):
    InteractionEventFactory(cooperative=producer, target=consumer)
    InteractionEventFactory(cooperative=consumer, target=None)
    url = reverse("admin:monitoring_interactionevent_changelist")

    response = admin_client_logged_in.get(url, {"q": "Tani Makmur"})

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


def test_event_list_filters_kind(admin_client_logged_in, producer):
    InteractionEventFactory(cooperative=producer, kind="inquiry_sent")
    InteractionEventFactory(cooperative=producer, kind="profile_view")
    url = reverse("admin:monitoring_interactionevent_changelist")

    response = admin_client_logged_in.get(url, {"kind__exact": "profile_view"})

    assert response.context["cl"].result_count == 1


def test_event_cannot_be_added(admin_client_logged_in):
    url = reverse("admin:monitoring_interactionevent_add")

    assert admin_client_logged_in.get(url).status_code == 403


def test_event_change_page_read_only(admin_client_logged_in, producer):
    event = InteractionEventFactory(cooperative=producer)
    url = reverse("admin:monitoring_interactionevent_change", args=[event.pk])

    response = admin_client_logged_in.get(url)

    assert response.status_code == 200
    assert response.context["has_change_permission"] is False


def test_daily_metric_list(admin_client_logged_in):
    DailyMetricFactory(day="2026-03-01")
    url = reverse("admin:monitoring_dailymetric_changelist")

    response = admin_client_logged_in.get(url)

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


def test_daily_metric_cannot_be_deleted(admin_client_logged_in):
    metric = DailyMetricFactory(day="2026-03-01")
    url = reverse("admin:monitoring_dailymetric_delete", args=[metric.pk])

    assert admin_client_logged_in.post(url).status_code == 403
