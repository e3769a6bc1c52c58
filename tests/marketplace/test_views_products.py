from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from marketplace.models import Product

from ..factories import (
    CooperativeFactory,
    DemandFactory,
    ProductFactory,
    category,
    unit,
)
from .helpers import count_queries, jpeg_upload

pytestmark = pytest.mark.django_db

LIST_URL = reverse("marketplace:product-list")
CREATE_URL = reverse("marketplace:product-create")


def _edit_url(product) -> str:
    return reverse("marketplace:product-edit", kwargs={"pk": product.pk})


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _form_data(**overrides) -> dict:
    return {
        "name": "Beras Merah Organik",
        "category": category("beras").pk,
        "unit": unit("kg").pk,
        "price": "15.000",
        "minimum_order": "5",
        "monthly_capacity": "800",
        "description": "Dari sawah Ciparay.",
        **overrides,
    }


def _edit_data(product, **overrides) -> dict:
    values = {"name": product.name, "price": str(product.price), "is_active": "on"}
    return _form_data(**{**values, **overrides})


# Catalogue


def test_list_anonymous(client, product):
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert "Beras Pandan Wangi" in response.text
    assert "Rp\u00a012.500/<wbr>kg" in response.text
    assert "Koperasi Tani Makmur" in response.text
    assert "Kabupaten Bandung" in response.text


def test_list_placeholder_photo(client, product):
    response = client.get(LIST_URL)
    assert "img/placeholder.svg" in response.text
    assert 'loading="lazy"' in response.text


def test_list_hides_unlisted(client, product):
    ProductFactory(name="Beras Tersembunyi", is_active=False)
    response = client.get(LIST_URL)
    assert "Beras Tersembunyi" not in response.text


def test_list_member_and_outsider(client, product, ani, citra):
    for user in (ani, citra):
        client.force_login(user)
        response = client.get(LIST_URL)
        assert response.status_code == 200
        assert "Beras Pandan Wangi" in response.text


def test_list_filter_category(client, product):
    ProductFactory(name="Kopi Malabar", category=category("kopi"))
    response = client.get(LIST_URL, {"category": category("kopi").pk})
    assert "Kopi Malabar" in response.text
    assert "Beras Pandan Wangi" not in response.text


def test_list_filter_region(client, product, garut):
    ProductFactory(name="Jeruk Garut", cooperative=CooperativeFactory(region=garut))
    response = client.get(LIST_URL, {"region": garut.pk})
    assert "Jeruk Garut" in response.text
    assert "Beras Pandan Wangi" not in response.text


def test_list_search_name(client, product):
    ProductFactory(name="Kopi Malabar")
    response = client.get(LIST_URL, {"q": "pandan"})
    assert "Beras Pandan Wangi" in response.text
    assert "Kopi Malabar" not in response.text


def test_list_bad_filter_values(client, product):
    response = client.get(LIST_URL, {"category": "abc", "region": "-1"})
    assert response.status_code == 200
    assert "Beras Pandan Wangi" in response.text


def test_list_empty_state(client):
    response = client.get(LIST_URL)
    assert "Belum ada produk di katalog" in response.text


def test_list_empty_search(client, product):
    response = client.get(LIST_URL, {"q": "durian"})
    assert "Tidak ada produk yang sesuai dengan pencarian Anda" in response.text


@pytest.mark.parametrize(
    ("requested", "expected"),
    [
        ("abc", 1),
        ("0", 1),
        ("-1", 1),
        ("2.5", 2),
        ("99999999999999999999", 3),
        ("1e999999999", 3),
        ("", 1),
    ],
)
def test_list_page_oddities(client, requested, expected):
    ProductFactory.create_batch(45)
    response = client.get(LIST_URL, {"page": requested})
    assert response.status_code == 200
    assert response.context["page_obj"].number == expected


def test_list_query_count(client, django_assert_max_num_queries):
    ProductFactory.create_batch(10)
    with_ten = count_queries(client, LIST_URL)
    ProductFactory.create_batch(40)
    with django_assert_max_num_queries(with_ten):
        response = client.get(LIST_URL)
    assert len(response.context["page_obj"].object_list) == 20


# Create


def test_create_anonymous(client):
    response = client.get(CREATE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_create_owner_form(client, ani):
    client.force_login(ani)
    response = client.get(CREATE_URL)
    assert response.status_code == 200
    assert 'name="price"' in response.text


def test_create_owner_saves(client, ani, producer):
    client.force_login(ani)
    response = client.post(CREATE_URL, _form_data())
    product = Product.objects.get()
    assert response.status_code == 302
    assert response["Location"] == product.get_absolute_url()
    assert product.cooperative == producer
    assert product.price == 15_000
    assert product.monthly_capacity == Decimal("800")
    assert _messages(response) == ["Beras Merah Organik kini tampil di katalog."]


def test_create_with_photo(client, ani):
    client.force_login(ani)
    client.post(CREATE_URL, _form_data(photo=jpeg_upload(1600, 1200)))
    product = Product.objects.get()
    assert product.photo.name.endswith(".webp")
    assert product.photo.width == 800


def test_create_rejects_fake_image(client, ani):
    client.force_login(ani)
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("foto.png", b"<svg></svg>", content_type="image/png")
    response = client.post(CREATE_URL, _form_data(photo=fake))
    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    assert Product.objects.count() == 0


def test_create_staff_forbidden(client, budi):
    client.force_login(budi)
    assert client.get(CREATE_URL).status_code == 403
    assert client.post(CREATE_URL, _form_data()).status_code == 403
    assert Product.objects.count() == 0


def test_create_consumer_message(client, citra):
    client.force_login(citra)
    response = client.get(CREATE_URL)
    assert response.status_code == 200
    assert "Hanya koperasi produsen yang dapat menambahkan produk" in response.text
    assert reverse("marketplace:demand-create") in response.text


def test_create_consumer_post_ignored(client, citra):
    client.force_login(citra)
    response = client.post(CREATE_URL, _form_data())
    assert "Hanya koperasi produsen yang dapat menambahkan produk" in response.text
    assert Product.objects.count() == 0


def test_create_without_cooperative(client, eko):
    client.force_login(eko)
    response = client.post(CREATE_URL, _form_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert Product.objects.count() == 0


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("1.500", 1500),
        ("1.500.000", 1_500_000),
        ("1500", 1500),
        ("Rp 1.500", 1500),
    ],
)
def test_create_price_k01(client, ani, typed, stored):
    client.force_login(ani)
    client.post(CREATE_URL, _form_data(price=typed))
    assert Product.objects.get().price == stored


def test_create_price_english_k01(client, ani):
    ani.language = "en"
    ani.save()
    client.force_login(ani)
    client.post(CREATE_URL, _form_data(price="1,500"))
    assert Product.objects.get().price == 1500


def test_create_price_fraction_k01(client, ani):
    client.force_login(ani)
    response = client.post(CREATE_URL, _form_data(price="1500,50"))
    assert response.status_code == 200
    assert "angka bulat dalam Rupiah: hapus angka setelah" in response.text
    assert 'value="1500,50"' in response.text
    assert Product.objects.count() == 0


@pytest.mark.parametrize("typed", ["-1000", "-5", "0"])
def test_create_price_not_positive(client, ani, typed):
    client.force_login(ani)
    response = client.post(CREATE_URL, _form_data(price=typed))
    assert response.status_code == 200
    assert response.context["form"].errors["price"] == [
        "Masukkan harga lebih dari nol."
    ]
    assert Product.objects.count() == 0


@pytest.mark.parametrize("field", ["minimum_order", "monthly_capacity"])
@pytest.mark.parametrize("typed", ["0", "-3"])
def test_create_quantity_not_positive(client, ani, field, typed):
    client.force_login(ani)
    response = client.post(CREATE_URL, _form_data(**{field: typed}))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == ["Masukkan jumlah lebih dari nol."]
    assert Product.objects.count() == 0


def test_create_quantity_comma(client, ani):
    client.force_login(ani)
    client.post(CREATE_URL, _form_data(minimum_order="2,5"))
    assert Product.objects.get().minimum_order == Decimal("2.5")


def test_create_missing_fields(client, ani):
    client.force_login(ani)
    response = client.post(CREATE_URL, {})
    assert response.status_code == 200
    errors = response.context["form"].errors
    for field in ("name", "category", "unit", "price", "monthly_capacity"):
        assert field in errors
    assert Product.objects.count() == 0


# Edit


def test_edit_anonymous(client, product):
    response = client.get(_edit_url(product))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_edit_owner_saves(client, ani, product):
    client.force_login(ani)
    response = client.post(_edit_url(product), _edit_data(product, price="13.000"))
    product.refresh_from_db()
    assert response.status_code == 302
    assert product.price == 13_000
    assert _messages(response) == ["Perubahan Anda sudah disimpan."]


def test_edit_owner_unlists(client, ani, product):
    client.force_login(ani)
    data = _edit_data(product)
    del data["is_active"]
    client.post(_edit_url(product), data)
    product.refresh_from_db()
    assert product.is_active is False


def test_edit_outsider_not_found(client, citra, product):
    client.force_login(citra)
    assert client.get(_edit_url(product)).status_code == 404
    response = client.post(_edit_url(product), _edit_data(product, price="1"))
    assert response.status_code == 404
    product.refresh_from_db()
    assert product.price == 12_500


def test_edit_staff_forbidden(client, budi, product):
    client.force_login(budi)
    assert client.get(_edit_url(product)).status_code == 403
    response = client.post(_edit_url(product), _edit_data(product, price="1"))
    assert response.status_code == 403
    product.refresh_from_db()
    assert product.price == 12_500


def test_edit_missing_product(client, ani):
    client.force_login(ani)
    assert (
        client.get(reverse("marketplace:product-edit", args=[999999])).status_code
        == 404
    )


def test_edit_bad_input_unchanged(client, ani, product):
    client.force_login(ani)
    response = client.post(
        _edit_url(product), _edit_data(product, name="", price="-1000")
    )
    assert response.status_code == 200
    assert "price" in response.context["form"].errors
    assert "name" in response.context["form"].errors
    assert "Ubah Beras Pandan Wangi" in response.text
    product.refresh_from_db()
    assert product.name == "Beras Pandan Wangi"
    assert product.price == 12_500


# Detail


def test_detail_anonymous(client, product):
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    assert "Rp\u00a012.500/kg" in response.text
    inquiry_url = reverse(
        "marketplace:inquiry-create", kwargs={"slug": "koperasi-tani-makmur"}
    )
    assert f"{inquiry_url}?product={product.pk}" in response.text


def test_detail_owner_sees_matches(client, ani, product, demand):
    client.force_login(ani)
    response = client.get(product.get_absolute_url())
    assert response.context["matching_demands"] == [demand]
    assert demand.get_absolute_url() in response.text
    assert reverse("marketplace:product-edit", args=[product.pk]) in response.text


def test_detail_staff_sees_matches_not_edit(client, budi, product, demand):
    client.force_login(budi)
    response = client.get(product.get_absolute_url())
    assert response.context["matching_demands"] == [demand]
    assert reverse("marketplace:product-edit", args=[product.pk]) not in response.text


def test_detail_outsider_no_matches(client, citra, product, demand):
    client.force_login(citra)
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    assert response.context["matching_demands"] == []
    assert "Kebutuhan terbuka yang cocok dengan produk ini" not in response.text


def test_detail_unlisted_hidden(client, citra, ani, product):
    product.is_active = False
    product.save()
    assert client.get(product.get_absolute_url()).status_code == 404
    client.force_login(citra)
    assert client.get(product.get_absolute_url()).status_code == 404
    client.force_login(ani)
    assert client.get(product.get_absolute_url()).status_code == 200


def test_detail_missing(client):
    assert (
        client.get(reverse("marketplace:product-detail", args=[424242])).status_code
        == 404
    )


def test_detail_matches_newest_first(client, ani, product):
    older = DemandFactory()
    newer = DemandFactory()
    client.force_login(ani)
    response = client.get(product.get_absolute_url())
    assert response.context["matching_demands"] == [newer, older]
