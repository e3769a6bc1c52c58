"""Forged URLs and query strings: 404 or an ignored value, never a 500 or a leak."""

from datetime import timedelta

import pytest
from django.urls import resolve, reverse
from django.utils import timezone

from cooperatives.events import InteractionKind
from cooperatives.models import Cooperative
from marketplace.models import Inquiry
from monitoring.models import InteractionEvent

from ..factories import DemandFactory

pytestmark = pytest.mark.django_db


def test_invitation_token_nul_byte(client, eko):
    client.force_login(eko)
    response = client.get("/koperasi/undangan/%00/")
    assert response.status_code == 404


@pytest.mark.parametrize("parameter", ["product", "demand"])
def test_inquiry_id_of_5000_digits(client, ani, consumer, parameter):
    client.force_login(ani)
    url = reverse("marketplace:inquiry-create", kwargs={"slug": consumer.slug})
    response = client.get(url, {parameter: "9" * 5000})
    assert response.status_code == 200
    assert response.context[parameter] is None


@pytest.fixture
def closed_demand(consumer, citra, garut):
    return DemandFactory(
        cooperative=consumer,
        delivery_region=garut,
        note="Catatan internal",
        is_active=False,
    )


@pytest.fixture
def expired_demand(consumer, citra, garut):
    return DemandFactory(
        cooperative=consumer,
        delivery_region=garut,
        valid_until=timezone.localdate() - timedelta(days=1),
    )


@pytest.mark.parametrize("fixture", ["closed_demand", "expired_demand"])
def test_inquiry_form_hides_closed_demand(client, request, ani, consumer, fixture):
    demand = request.getfixturevalue(fixture)
    client.force_login(ani)
    url = reverse("marketplace:inquiry-create", kwargs={"slug": consumer.slug})
    response = client.get(url, {"demand": demand.pk})
    assert response.status_code == 200
    assert response.context["demand"] is None
    assert reverse("marketplace:demand-detail", args=[demand.pk]) not in response.text


def test_inquiry_ignores_closed_demand(client, ani, consumer, closed_demand):
    client.force_login(ani)
    url = reverse("marketplace:inquiry-create", kwargs={"slug": consumer.slug})
    response = client.post(
        f"{url}?demand={closed_demand.pk}", {"subject": "Penawaran", "body": "Halo"}
    )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.demand is None


@pytest.mark.parametrize("name", ["Daftar", "Pilih", "Undangan"])
def test_registered_slug_reaches_profile(client, eko, bandung, name):
    client.force_login(eko)
    data = {
        "name": name,
        "kind": "producer",
        "sector": "agriculture",
        "member_count": "20",
        "region": str(bandung.pk),
    }
    client.post(reverse("cooperatives:register"), data)
    cooperative = Cooperative.objects.get(name=name)
    profile = resolve(cooperative.get_absolute_url())
    assert profile.url_name == "detail"
    edit = resolve(reverse("cooperatives:edit", kwargs={"slug": cooperative.slug}))
    assert edit.url_name == "edit"


@pytest.mark.parametrize(
    "url_name",
    ["cooperatives_cooperative_changelist", "cooperatives_cooperative_change"],
)
def test_admin_cooperatives_need_permission(client, plain_staff, producer, url_name):
    client.force_login(plain_staff)
    args = [producer.pk] if url_name.endswith("_change") else []
    response = client.get(reverse(f"admin:{url_name}", args=args))
    assert response.status_code == 403


def test_profile_reloads_recorded_once(client, producer, consumer, citra):
    client.force_login(citra)
    url = producer.get_absolute_url()
    for _ in range(3):
        assert client.get(url).status_code == 200
    views = InteractionEvent.objects.filter(
        kind=InteractionKind.PROFILE_VIEW, cooperative=consumer, target=producer
    )
    assert views.count() == 1
