import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from cooperatives.models import Membership
from marketplace.models import Demand

from ..factories import (
    CooperativeFactory,
    DemandFactory,
    MembershipFactory,
    ProductFactory,
    category,
    unit,
)
from .helpers import count_queries

pytestmark = pytest.mark.django_db

LIST_URL = reverse("marketplace:demand-list")
CREATE_URL = reverse("marketplace:demand-create")


def _edit_url(demand) -> str:
    return reverse("marketplace:demand-edit", kwargs={"pk": demand.pk})


def _form_data(region, **overrides) -> dict:
    return {
        "category": category("beras").pk,
        "item": "Beras medium",
        "monthly_quantity": "2",
        "unit": unit("kuintal").pk,
        "max_price": "1.400.000",
        "delivery_region": region.pk,
        "valid_until": (timezone.localdate() + timedelta(days=60)).isoformat(),
        "note": "Beras medium untuk toko anggota.",
        **overrides,
    }


def _edit_data(demand, **overrides) -> dict:
    values = {
        "monthly_quantity": str(demand.monthly_quantity),
        "unit": demand.unit_id,
        "max_price": str(demand.max_price),
        "valid_until": demand.valid_until.isoformat(),
        "is_active": "on",
    }
    return _form_data(demand.delivery_region, **{**values, **overrides})


@pytest.fixture
def staff_of_consumer(consumer):
    return MembershipFactory(
        cooperative=consumer, role=Membership.Role.STAFF, user__email="gilang@contoh.id"
    ).user


# List


def test_list_anonymous(client, demand):
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert "Beras medium" in response.text
    assert "1.000 kg per bulan" in response.text
    assert "Maksimal Rp\u00a014.000/kg" in response.text
    assert "Dikirim ke Kabupaten Garut" in response.text
    assert "Koperasi Konsumen Sejahtera" in response.text


def test_list_member_and_outsider(client, demand, citra, ani):
    for user in (citra, ani):
        client.force_login(user)
        response = client.get(LIST_URL)
        assert response.status_code == 200
        assert "Koperasi Konsumen Sejahtera" in response.text


def test_list_hides_closed(client, demand):
    DemandFactory(cooperative__name="Koperasi Tutup", is_active=False)
    DemandFactory(
        cooperative__name="Koperasi Lewat",
        valid_until=timezone.localdate() - timedelta(days=1),
    )
    response = client.get(LIST_URL)
    assert "Koperasi Tutup" not in response.text
    assert "Koperasi Lewat" not in response.text
    assert response.context["page_obj"].paginator.count == 1


def test_list_filter_category(client, demand):
    DemandFactory(cooperative__name="Koperasi Kopi", category=category("kopi"))
    response = client.get(LIST_URL, {"category": category("kopi").pk})
    assert "Koperasi Kopi" in response.text
    assert "Koperasi Konsumen Sejahtera" not in response.text


def test_list_filter_region(client, demand, bandung):
    DemandFactory(cooperative__name="Koperasi Bandung", delivery_region=bandung)
    response = client.get(LIST_URL, {"region": bandung.pk})
    assert "Koperasi Bandung" in response.text
    assert "Koperasi Konsumen Sejahtera" not in response.text


def test_list_empty_state(client):
    response = client.get(LIST_URL)
    assert "Belum ada kebutuhan terbuka" in response.text


@pytest.mark.parametrize(
    ("requested", "expected"),
    [("abc", 1), ("0", 1), ("-1", 1), ("2.5", 2), ("99999999999999999999", 2)],
)
def test_list_page_oddities(client, requested, expected):
    DemandFactory.create_batch(25)
    response = client.get(LIST_URL, {"page": requested})
    assert response.status_code == 200
    assert response.context["page_obj"].number == expected


def test_list_query_count(client, django_assert_max_num_queries):
    DemandFactory.create_batch(10)
    with_ten = count_queries(client, LIST_URL)
    DemandFactory.create_batch(40)
    with django_assert_max_num_queries(with_ten):
        response = client.get(LIST_URL)
    assert len(response.context["page_obj"].object_list) == 20


# Create


def test_create_anonymous(client):
    response = client.get(CREATE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_create_default_region(client, citra, garut):
    client.force_login(citra)
    response = client.get(CREATE_URL)
    assert response.status_code == 200
    assert response.context["form"].initial["delivery_region"] == garut.pk


def test_create_owner_saves(client, citra, consumer, garut):
    client.force_login(citra)
    response = client.post(CREATE_URL, _form_data(garut))
    demand = Demand.objects.get()
    assert response.status_code == 302
    assert response["Location"] == demand.get_absolute_url()
    assert demand.cooperative == consumer
    assert demand.monthly_quantity == Decimal("2")
    assert demand.max_price == 1_400_000
    assert demand.unit.code == "kuintal"
    assert demand.item == "Beras medium"
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert messages == [
        "Kebutuhan Anda sudah ditambahkan. Koperasi produsen kini dapat melihatnya."
    ]


def test_create_staff_forbidden(client, staff_of_consumer, garut):
    client.force_login(staff_of_consumer)
    assert client.get(CREATE_URL).status_code == 403
    assert client.post(CREATE_URL, _form_data(garut)).status_code == 403
    assert Demand.objects.count() == 0


def test_create_producer_message(client, ani, bandung):
    client.force_login(ani)
    response = client.post(CREATE_URL, _form_data(bandung))
    assert response.status_code == 200
    assert "Hanya koperasi konsumen yang dapat menambahkan kebutuhan" in response.text
    assert Demand.objects.count() == 0


def test_create_without_cooperative(client, eko, garut):
    client.force_login(eko)
    response = client.post(CREATE_URL, _form_data(garut))
    assert response.status_code == 302
    assert Demand.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("monthly_quantity", "0"),
        ("monthly_quantity", "-5"),
        ("max_price", "0"),
        ("max_price", "-1000"),
        ("max_price", "1400000,50"),
        ("valid_until", "2020-01-01"),
        ("valid_until", "kemarin"),
        ("delivery_region", "999999"),
        ("category", ""),
        ("item", ""),
        ("item", "x" * 121),
    ],
)
def test_create_bad_input(client, citra, garut, field, typed):
    client.force_login(citra)
    response = client.post(CREATE_URL, _form_data(garut, **{field: typed}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert Demand.objects.count() == 0


def test_create_keeps_input(client, citra, garut):
    client.force_login(citra)
    response = client.post(CREATE_URL, _form_data(garut, max_price="-1000"))
    assert 'value="-1000"' in response.text
    assert "Masukkan harga lebih dari nol." in response.text


# Edit


def test_edit_anonymous(client, demand):
    response = client.get(_edit_url(demand))
    assert response.status_code == 302


def test_edit_owner_saves(client, citra, demand):
    client.force_login(citra)
    response = client.post(_edit_url(demand), _edit_data(demand, max_price="15.000"))
    demand.refresh_from_db()
    assert response.status_code == 302
    assert demand.max_price == 15_000


def test_edit_owner_closes(client, citra, demand):
    client.force_login(citra)
    data = _edit_data(demand)
    del data["is_active"]
    client.post(_edit_url(demand), data)
    demand.refresh_from_db()
    assert demand.is_active is False


def test_edit_outsider_not_found(client, ani, demand):
    client.force_login(ani)
    assert client.get(_edit_url(demand)).status_code == 404
    response = client.post(_edit_url(demand), _edit_data(demand, max_price="1"))
    assert response.status_code == 404
    demand.refresh_from_db()
    assert demand.max_price == 14_000


def test_edit_staff_forbidden(client, staff_of_consumer, demand):
    client.force_login(staff_of_consumer)
    assert client.get(_edit_url(demand)).status_code == 403
    response = client.post(_edit_url(demand), _edit_data(demand, max_price="1"))
    assert response.status_code == 403
    demand.refresh_from_db()
    assert demand.max_price == 14_000


def test_edit_bad_input_unchanged(client, citra, demand):
    client.force_login(citra)
    response = client.post(_edit_url(demand), _edit_data(demand, monthly_quantity="-1"))
    assert response.status_code == 200
    assert "monthly_quantity" in response.context["form"].errors
    demand.refresh_from_db()
    assert demand.monthly_quantity == Decimal("1000")


# Detail


def test_detail_anonymous(client, demand, product):
    response = client.get(demand.get_absolute_url())
    assert response.status_code == 200
    assert "Rp\u00a014.000/kg" in response.text
    assert response.context["matches"] == []
    assert "Mengapa cocok" not in response.text


def test_detail_outsider_offer_button(client, ani, demand, product):
    client.force_login(ani)
    response = client.get(demand.get_absolute_url())
    assert response.context["matches"] == []
    inquiry_url = reverse(
        "marketplace:inquiry-create", kwargs={"slug": "koperasi-konsumen-sejahtera"}
    )
    assert f"{inquiry_url}?demand={demand.pk}" in response.text


def test_detail_owner_sees_matches(client, citra, demand, product):
    client.force_login(citra)
    response = client.get(demand.get_absolute_url())
    assert response.context["matches"] == [product]
    inquiry_url = reverse(
        "marketplace:inquiry-create", kwargs={"slug": "koperasi-tani-makmur"}
    )
    assert f"{inquiry_url}?product={product.pk}" in response.text


@pytest.fixture
def english_citra(citra):
    """Citra with English pages, so new text can be compared to the source."""
    citra.language = "en"
    citra.save()
    return citra


def test_detail_why_line(client, english_citra, demand, garut):
    # "Beras medium" names one of the item's two words (15 of 30 points),
    # Rp 7.000 is half the maximum (all 35), 2000 kg twice the need (all 20)
    # and the producer is in Garut, the delivery regency (15).
    near = CooperativeFactory(region=garut, name="Koperasi Garut Subur")
    ProductFactory(
        cooperative=near,
        name="Beras pandan wangi",
        price=7_000,
        monthly_capacity=Decimal("2000"),
    )
    client.force_login(english_citra)
    response = client.get(demand.get_absolute_url())
    assert (
        "Why this match: item 15 of 30 points, price 35 of 35, capacity 20 of 20, "
        "same regency 15 of 15." in response.text
    )
    assert ">85<" in response.text


def test_detail_explains_weights(client, english_citra, demand):
    client.force_login(english_citra)
    response = client.get(demand.get_absolute_url())
    assert "up to 30 points for the words of your item" in response.text
    assert "up to 35 for a lower price" in response.text
    assert "up to 20 for spare capacity" in response.text
    assert "and 15 when the producer is in your delivery regency" in response.text


def test_detail_named_item_first(client, citra, demand):
    # The cheaper bran scores higher, but the demand asks for rice.
    bran = ProductFactory(name="Dedak halus", price=5_000)
    rice = ProductFactory(name="Beras medium", price=14_000)
    client.force_login(citra)
    response = client.get(demand.get_absolute_url())
    assert response.context["matches"] == [rice, bran]


def test_detail_title_names_item(client, demand):
    response = client.get(demand.get_absolute_url())
    assert re.search(r"<h1[^>]*>Beras medium: 1\.000 kg", response.text)
    assert "<title>Beras medium" in response.text


def test_detail_converted_price(client, citra, demand):
    ProductFactory(unit=unit("ton"), price=12_000_000, monthly_capacity=Decimal("5"))
    client.force_login(citra)
    response = client.get(demand.get_absolute_url())
    assert "Rp\u00a012.000.000/ton" in response.text
    assert "(Rp\u00a012.000/kg)" in response.text


def test_detail_closed_hidden(client, ani, citra, demand):
    demand.is_active = False
    demand.save()
    assert client.get(demand.get_absolute_url()).status_code == 404
    client.force_login(ani)
    assert client.get(demand.get_absolute_url()).status_code == 404
    client.force_login(citra)
    response = client.get(demand.get_absolute_url())
    assert response.status_code == 200
    assert "Kebutuhan yang sudah ditutup tidak punya kecocokan" in response.text


def test_detail_heads_products_without_item(client, citra, demand):
    ProductFactory(name="Dedak halus", price=5_000)
    ProductFactory(name="Beras medium", price=14_000)
    client.force_login(citra)

    text = client.get(demand.get_absolute_url()).text

    assert text.index("Beras medium</a>") < text.index('id="other-products"')
    assert text.index('id="other-products"') < text.index("Dedak halus</a>")


def test_detail_no_heading_when_all_name_item(client, citra, demand):
    ProductFactory(name="Beras medium", price=14_000)
    client.force_login(citra)

    text = client.get(demand.get_absolute_url()).text

    assert 'id="other-products"' not in text
