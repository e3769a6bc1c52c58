import pytest
from django.urls import reverse

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

MODELS = ["category", "unit", "product", "demand", "inquiry"]


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", MODELS)
def test_admin_changelist(admin_client, model, product, demand, inquiry):
    url = reverse(f"admin:marketplace_{model}_changelist")
    response = admin_client.get(url, {"q": "beras"})
    assert response.status_code == 200


def test_admin_inquiry_change_has_replies(admin_client, inquiry, producer, ani):
    inquiry.replies.create(author=ani, author_cooperative=producer, body="Siap kirim.")
    url = reverse("admin:marketplace_inquiry_change", args=[inquiry.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Siap kirim." in response.text


@pytest.mark.parametrize(
    ("model", "fixture"), [("product", "product"), ("demand", "demand")]
)
def test_admin_change_page(admin_client, model, fixture, request):
    obj = request.getfixturevalue(fixture)
    url = reverse(f"admin:marketplace_{model}_change", args=[obj.pk])
    assert admin_client.get(url).status_code == 200


def test_admin_member_without_staff(client, ani):
    client.force_login(ani)
    response = client.get(reverse("admin:marketplace_product_changelist"))
    assert response.status_code == 302
