import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperatives import services

from ..factories import CooperativeFactory
from .uploads import png_upload

URL = reverse("cooperatives:list")


@pytest.mark.parametrize("persona", ["anonymous", "ani", "citra", "eko"])
def test_directory_opens_for_everyone(request, client, searchable, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.get(URL)
    assert response.status_code == 200
    assert "Koperasi Tani Makmur" in response.content.decode()


def test_directory_card_links_profile(client, producer):
    response = client.get(URL)
    assert f'href="{producer.get_absolute_url()}"' in response.content.decode()


def test_directory_shows_region(client, producer):
    assert "Kabupaten Bandung" in client.get(URL).content.decode()


def test_directory_verified_badge_only_when_verified(client, producer, consumer):
    producer.is_verified = True
    producer.save()
    page = client.get(URL).content.decode()
    assert page.count("badge badge-verified") == 1


def _results(response) -> str:
    page = response.content.decode()
    return page[page.index('id="directory-results"') :]


def test_directory_without_logo_has_no_image(client, producer):
    results = _results(client.get(URL))
    assert "<img" not in results
    assert "placeholder.svg" not in results


def test_directory_without_logo_shows_kind_icon(client, producer, consumer):
    results = _results(client.get(URL))
    assert results.count('class="ecobiz-card-icon"') == 2
    assert '<i class="bi bi-box-seam">' in results
    assert '<i class="bi bi-basket">' in results


def test_directory_logo_is_lazy(client, producer):
    producer.logo = png_upload()
    producer.save()
    page = client.get(URL).content.decode()
    assert f'src="{producer.logo.url}" alt="" loading="lazy"' in page


def test_directory_filters_fold_on_phones(client, db):
    page = client.get(URL).content.decode()
    assert 'class="collapse d-md-block' in page
    assert 'data-bs-target="#directory-filters"' in page


def test_directory_search_misspelt(client, searchable):
    page = client.get(URL, {"q": "koprasi tani"}).content.decode()
    assert "Koperasi Tani Makmur" in page
    assert "Koperasi Konsumen Sejahtera" not in page


def test_directory_filter_kind(client, producer, consumer):
    page = client.get(URL, {"kind": "consumer"}).content.decode()
    assert "Koperasi Konsumen Sejahtera" in page
    assert "Koperasi Tani Makmur" not in page


def test_directory_filter_region(client, producer, consumer, garut):
    page = client.get(URL, {"region": garut.pk}).content.decode()
    assert "Koperasi Konsumen Sejahtera" in page
    assert "Koperasi Tani Makmur" not in page


def test_directory_filter_sector(client, producer, consumer):
    page = client.get(URL, {"sector": "retail"}).content.decode()
    assert "Koperasi Konsumen Sejahtera" in page
    assert "Koperasi Tani Makmur" not in page


@pytest.mark.parametrize(
    "query",
    [
        {"region": "abc"},
        {"region": "99999999999999999999"},
        {"kind": "nothing"},
        {"sector": "<script>"},
        {"q": "x" * 500},
    ],
)
def test_directory_bad_filter_never_fails(client, producer, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert "Koperasi Tani Makmur" in response.content.decode()


def test_directory_bad_filter_shows_error(client, producer):
    page = client.get(URL, {"kind": "nothing"}).content.decode()
    assert "invalid-feedback" in page


def test_directory_empty_result_offers_reset(client, searchable):
    page = client.get(URL, {"q": "nelayan"}).content.decode()
    assert "Tidak ada koperasi yang sesuai dengan pencarian Anda" in page
    assert "Tampilkan semua koperasi" in page


def test_directory_empty_offers_registration(client, db):
    page = client.get(URL).content.decode()
    assert "Belum ada koperasi yang terdaftar." in page
    assert reverse("cooperatives:register") in page


def test_directory_htmx_returns_results_only(client, producer):
    response = client.get(URL, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "Koperasi Tani Makmur" in page
    assert "<html" not in page


def test_directory_varies_on_htmx_header(client, db):
    assert "HX-Request" in client.get(URL)["Vary"]


@pytest.fixture
def many(db, bandung):
    """45 cooperatives: three pages of 20, 20 and 5."""
    return CooperativeFactory.create_batch(45, region=bandung)


def _names_on_page(response):
    return [cooperative.name for cooperative in response.context["page_obj"]]


def test_directory_pages_of_twenty(client, many):
    assert len(_names_on_page(client.get(URL))) == 20


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("abc", 1),
        ("0", 1),
        ("-1", 1),
        ("2.5", 2),
        ("3", 3),
        ("99999999999999999999", 3),
        ("1e999999999", 3),
        ("", 1),
    ],
)
def test_directory_odd_page_values(client, many, raw, expected):
    response = client.get(URL, {"page": raw})
    assert response.status_code == 200
    assert response.context["page_obj"].number == expected


def test_directory_next_link_keeps_filters(client, many):
    page = client.get(URL, {"kind": "producer"}).content.decode()
    assert 'href="?kind=producer&amp;page=2"' in page


def _directory_queries(client, count):
    CooperativeFactory.create_batch(count)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("persona", ["anonymous", "ani"])
def test_directory_query_count_constant(
    request, client, db, django_assert_max_num_queries, persona
):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    baseline = _directory_queries(client, 10)
    CooperativeFactory.create_batch(40)
    with django_assert_max_num_queries(baseline):
        response = client.get(URL)
    assert len(response.context["page_obj"]) == 20


def test_directory_search_query_count_constant(
    client, db, django_assert_max_num_queries
):
    cooperatives = CooperativeFactory.create_batch(10, name="Koperasi Tani")
    for cooperative in cooperatives:
        services.cooperative_refresh_search(cooperative=cooperative)
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, {"q": "tani"})
    for cooperative in CooperativeFactory.create_batch(40, name="Koperasi Tani"):
        services.cooperative_refresh_search(cooperative=cooperative)
    with django_assert_max_num_queries(len(queries)):
        response = client.get(URL, {"q": "tani"})
    assert response.context["page_obj"].paginator.count == 50
