import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from cooperatives.models import Membership
from marketplace.access import acting_side

from ..factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_change_product_owner(ani, product):
    assert ani.has_perm("marketplace.change_product", product)


def test_change_product_staff(budi, product):
    assert not budi.has_perm("marketplace.change_product", product)


def test_change_product_outsider(citra, product):
    assert not citra.has_perm("marketplace.change_product", product)


def test_change_product_anonymous(product):
    assert not AnonymousUser().has_perm("marketplace.change_product", product)


def test_change_product_without_object(ani):
    assert not ani.has_perm("marketplace.change_product")


def test_change_demand_owner_only(citra, ani, demand):
    assert citra.has_perm("marketplace.change_demand", demand)
    assert not ani.has_perm("marketplace.change_demand", demand)


@pytest.mark.parametrize("persona", ["ani", "budi", "citra"])
def test_view_inquiry_sides(inquiry, persona, request):
    user = request.getfixturevalue(persona)
    assert user.has_perm("marketplace.view_inquiry", inquiry)
    assert user.has_perm("marketplace.reply_inquiry", inquiry)


@pytest.mark.parametrize("persona", ["outsider", "dewi", "eko"])
def test_view_inquiry_others(inquiry, persona, request):
    user = request.getfixturevalue(persona)
    assert not user.has_perm("marketplace.view_inquiry", inquiry)


def test_superuser_inquiry_page_not_found(client, inquiry):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("marketplace:inquiry-detail", args=[inquiry.pk])
    assert client.get(url).status_code == 404


def test_acting_side_prefers_active(inquiry, producer, consumer, citra):
    MembershipFactory(cooperative=producer, user=citra, role=Membership.Role.STAFF)
    assert acting_side(citra, inquiry, producer) == producer
    assert acting_side(citra, inquiry, consumer) == consumer


def test_acting_side_falls_back(inquiry, producer, third_cooperative, ani):
    assert acting_side(ani, inquiry, third_cooperative) == producer
    assert acting_side(ani, inquiry, None) == producer
