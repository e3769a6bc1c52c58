from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cooperatives.events import InteractionKind
from cooperatives.selectors import ACTIVE_COOPERATIVE_SESSION_KEY

from ..factories import DemandFactory, MembershipFactory, ProductFactory


def _page(client, cooperative):
    response = client.get(cooperative.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def _inquiry_url(cooperative):
    return reverse("marketplace:inquiry-create", kwargs={"slug": cooperative.slug})


@pytest.mark.parametrize(
    "persona", ["anonymous", "ani", "budi", "citra", "dewi", "eko"]
)
def test_detail_opens_for_everyone(request, client, producer, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    assert "Koperasi Tani Makmur" in _page(client, producer)


def test_detail_unknown_slug_404(client, db):
    response = client.get(reverse("cooperatives:detail", args=["tidak-ada"]))
    assert response.status_code == 404


def test_detail_shows_identifiers(client, producer):
    producer.cooperative_number = "3204010020001234"
    producer.nib = "9120001234567"
    producer.legal_entity_number = "AHU-0001234.AH.01.26"
    producer.founded_year = 2005
    producer.address = "Jl. Raya Banjaran No. 10"
    producer.description = "Beras organik."
    producer.save()
    page = _page(client, producer)
    for text in (
        "3204010020001234",
        "9120001234567",
        "AHU-0001234.AH.01.26",
        "2005",
        "Jl. Raya Banjaran No. 10",
        "Beras organik.",
        "Kabupaten Bandung",
        "Pertanian",
        "120",
    ):
        assert text in page


def test_detail_contact_links(client, producer):
    producer.email = "info@tanimakmur.id"
    producer.save()
    page = _page(client, producer)
    assert 'href="tel:+6281234567890"' in page
    assert 'href="https://wa.me/6281234567890"' in page
    assert 'href="mailto:info@tanimakmur.id"' in page


def test_detail_without_phone_hides_whatsapp(client, producer):
    producer.phone = ""
    producer.save()
    assert "wa.me" not in _page(client, producer)


def test_detail_verified_badge_and_date(client, producer, dewi):
    producer.is_verified = True
    producer.verified_by = dewi
    producer.verified_at = timezone.make_aware(timezone.datetime(2025, 3, 4, 10, 0))
    producer.save()
    page = _page(client, producer)
    assert "badge badge-verified" in page
    assert "4 Maret 2025" in page


def test_detail_unverified_has_no_badge(client, producer):
    assert "badge-verified" not in _page(client, producer)


def test_detail_anonymous_gets_login_link(client, producer):
    page = _page(client, producer)
    login = reverse("account_login")
    assert f'href="{login}?next=/koperasi/koperasi-tani-makmur/"' in page
    assert _inquiry_url(producer) not in page


def test_detail_other_member_gets_inquiry(client, producer, citra):
    client.force_login(citra)
    assert _inquiry_url(producer) in _page(client, producer)


def test_detail_own_member_no_inquiry(client, producer, ani):
    client.force_login(ani)
    assert _inquiry_url(producer) not in _page(client, producer)


def test_detail_without_cooperative_offers_register(client, producer, eko):
    client.force_login(eko)
    page = _page(client, producer)
    assert reverse("cooperatives:register") in page
    assert _inquiry_url(producer) not in page


def test_detail_other_member_view_recorded(
    client, producer, consumer, citra, announced
):
    client.force_login(citra)
    _page(client, producer)
    assert len(announced) == 1
    assert announced[0]["kind"] == InteractionKind.PROFILE_VIEW
    assert announced[0]["cooperative"] == consumer
    assert announced[0]["target"] == producer


@pytest.mark.parametrize("persona", ["anonymous", "ani", "budi", "eko", "dewi"])
def test_detail_view_not_recorded(request, client, producer, announced, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    _page(client, producer)
    assert announced == []


def test_detail_records_for_active_cooperative(
    client, producer, consumer, ani, announced
):
    # Ani belongs to both and has switched to the consumer cooperative.
    MembershipFactory(user=ani, cooperative=consumer, role="staff")
    client.force_login(ani)
    session = client.session
    session[ACTIVE_COOPERATIVE_SESSION_KEY] = consumer.pk
    session.save()
    page = _page(client, producer)
    assert announced[0]["cooperative"] == consumer
    assert _inquiry_url(producer) in page


def _edit_url(cooperative):
    return reverse("cooperatives:edit", kwargs={"slug": cooperative.slug})


def _verify_url(cooperative):
    return reverse("cooperatives:verify", kwargs={"slug": cooperative.slug})


@pytest.mark.parametrize(
    ("persona", "shown"),
    [("ani", True), ("fajar", True), ("budi", False), ("citra", False)],
)
def test_detail_edit_button(request, client, producer, persona, shown):
    client.force_login(request.getfixturevalue(persona))
    assert (_edit_url(producer) in _page(client, producer)) is shown


@pytest.mark.parametrize(
    ("persona", "shown"),
    [("dewi", True), ("admin_user", True), ("ani", False), ("citra", False)],
)
def test_detail_verify_button(request, client, producer, persona, shown):
    client.force_login(request.getfixturevalue(persona))
    assert (_verify_url(producer) in _page(client, producer)) is shown


def test_detail_verify_button_hidden_once_verified(client, producer, dewi):
    producer.is_verified = True
    producer.save()
    client.force_login(dewi)
    assert _verify_url(producer) not in _page(client, producer)


def test_detail_lists_active_products(client, producer):
    ProductFactory(cooperative=producer, name="Beras Pandan Wangi", price=13_500)
    ProductFactory(cooperative=producer, name="Beras Lama", is_active=False)
    page = _page(client, producer)
    assert "Beras Pandan Wangi" in page
    assert "Rp\u00a013.500/kg" in page
    assert "Beras Lama" not in page


def test_detail_limits_products(client, producer):
    ProductFactory.create_batch(13, cooperative=producer)
    response = client.get(producer.get_absolute_url())
    assert len(response.context["products"]) == 12
    assert response.context["more_products"] is True


def test_detail_no_products_empty_state(client, producer, ani):
    client.force_login(ani)
    page = _page(client, producer)
    assert "Belum ada produk di katalog." in page
    assert reverse("marketplace:product-create") in page


def test_detail_consumer_lists_open_demands(client, consumer, bandung):
    DemandFactory(cooperative=consumer, delivery_region=bandung, max_price=14_000)
    DemandFactory(
        cooperative=consumer,
        delivery_region=bandung,
        max_price=99_000,
        valid_until=timezone.localdate() - timedelta(days=1),
    )
    page = _page(client, consumer)
    assert "Rp\u00a014.000/kg" in page
    assert "Rp\u00a099.000" not in page


def test_detail_consumer_has_no_products_section(client, consumer):
    assert 'id="products-heading"' not in _page(client, consumer)


def test_detail_producer_has_no_demands_section(client, producer):
    assert 'id="demands-heading"' not in _page(client, producer)


def test_detail_query_count_constant(client, producer, django_assert_max_num_queries):
    ProductFactory.create_batch(2, cooperative=producer)
    with CaptureQueriesContext(connection) as queries:
        client.get(producer.get_absolute_url())
    ProductFactory.create_batch(10, cooperative=producer)
    with django_assert_max_num_queries(len(queries)):
        response = client.get(producer.get_absolute_url())
    assert len(response.context["products"]) == 12


def test_facilitator_sees_verify_not_register(client, dewi, producer):
    client.force_login(dewi)

    response = client.get(reverse("cooperatives:detail", args=[producer.slug]))

    verify_url = reverse("cooperatives:verify", args=[producer.slug])
    assert f'class="btn btn-accent" href="{verify_url}"' in response.text
    main = response.text.split("<main")[1].split("</main>")[0]
    assert reverse("cooperatives:register") not in main
