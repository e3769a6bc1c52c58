import pytest
from django.urls import reverse
from PIL import Image

from cooperatives import selectors
from cooperatives.models import Cooperative

from .uploads import png_upload, svg_upload


def _edit_url(cooperative):
    return reverse("cooperatives:edit", kwargs={"slug": cooperative.slug})


def _verify_url(cooperative):
    return reverse("cooperatives:verify", kwargs={"slug": cooperative.slug})


@pytest.fixture
def edit_data(producer):
    return {
        "name": "Koperasi Tani Makmur Jaya",
        "kind": producer.kind,
        "sector": producer.sector,
        "member_count": "200",
        "region": str(producer.region_id),
        "phone": "+62 812 3456 7890",
    }


def test_edit_anonymous_redirects_to_login(client, producer):
    response = client.get(_edit_url(producer))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_edit_anonymous_post_changes_nothing(client, producer, edit_data):
    client.post(_edit_url(producer), edit_data)
    producer.refresh_from_db()
    assert producer.name == "Koperasi Tani Makmur"


@pytest.mark.parametrize("persona", ["ani", "fajar", "admin_user"])
def test_edit_form_opens(request, client, producer, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(_edit_url(producer))
    assert response.status_code == 200
    assert 'value="Koperasi Tani Makmur"' in response.content.decode()


def test_edit_form_shows_phone_nationally(client, producer, ani):
    client.force_login(ani)
    assert 'value="0812-3456-7890"' in client.get(_edit_url(producer)).content.decode()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("citra", 404), ("dewi", 404), ("eko", 404), ("budi", 403)],
)
def test_edit_forbidden_get(request, client, producer, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_edit_url(producer)).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [("citra", 404), ("dewi", 404), ("eko", 404), ("budi", 403)],
)
def test_edit_forbidden_post_changes_nothing(
    request, client, producer, edit_data, persona, status
):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(_edit_url(producer), edit_data)
    assert response.status_code == status
    producer.refresh_from_db()
    assert producer.name == "Koperasi Tani Makmur"


def test_edit_unknown_slug_404(client, ani):
    client.force_login(ani)
    response = client.get(reverse("cooperatives:edit", args=["tidak-ada"]))
    assert response.status_code == 404


def test_edit_saves_and_redirects(client, producer, ani, edit_data):
    client.force_login(ani)
    response = client.post(_edit_url(producer), edit_data)
    assert response.status_code == 302
    assert response["Location"] == producer.get_absolute_url()
    producer.refresh_from_db()
    assert producer.name == "Koperasi Tani Makmur Jaya"
    assert producer.member_count == 200


def test_edit_keeps_slug(client, producer, ani, edit_data):
    client.force_login(ani)
    client.post(_edit_url(producer), edit_data)
    producer.refresh_from_db()
    assert producer.slug == "koperasi-tani-makmur"


def test_edit_refreshes_search(client, producer, ani, edit_data):
    client.force_login(ani)
    client.post(_edit_url(producer), {**edit_data, "name": "Koperasi Sukamaju"})
    found = selectors.search_cooperatives(Cooperative.objects.all(), "sukamaju")
    assert [cooperative.pk for cooperative in found] == [producer.pk]


def test_edit_new_logo_is_shrunk(client, producer, ani, edit_data):
    client.force_login(ani)
    logo = png_upload(size=(800, 1600))
    client.post(_edit_url(producer), {**edit_data, "logo": logo})
    producer.refresh_from_db()
    with Image.open(producer.logo.path) as image:
        assert image.size == (256, 512)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("cooperative_number", "ABCD"),
        ("nib", "123"),
        ("member_count", "-1"),
        ("phone", "12345"),
        ("region", ""),
        ("name", ""),
    ],
)
def test_edit_bad_input_changes_nothing(client, producer, ani, edit_data, field, value):
    client.force_login(ani)
    response = client.post(_edit_url(producer), {**edit_data, field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    producer.refresh_from_db()
    assert producer.name == "Koperasi Tani Makmur"
    assert producer.member_count == 120


def test_edit_bad_input_keeps_saved_heading(client, producer, ani, edit_data):
    client.force_login(ani)
    data = {**edit_data, "name": "Nama Baru", "nib": "123"}
    page = client.post(_edit_url(producer), data).content.decode()
    assert "Koperasi Tani Makmur</h1>" in page
    assert "Nama Baru</h1>" not in page
    assert 'value="Nama Baru"' in page


def test_edit_svg_logo_rejected(client, producer, ani, edit_data):
    client.force_login(ani)
    response = client.post(
        _edit_url(producer), {**edit_data, "logo": svg_upload("logo.png")}
    )
    assert "logo" in response.context["form"].errors
    producer.refresh_from_db()
    assert not producer.logo


# Verify


def test_verify_get_not_allowed(client, producer, dewi):
    client.force_login(dewi)
    assert client.get(_verify_url(producer)).status_code == 405


@pytest.mark.parametrize("persona", ["dewi", "admin_user"])
def test_verify_by_facilitator_or_admin(request, client, producer, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = client.post(_verify_url(producer))
    assert response.status_code == 302
    assert response["Location"] == producer.get_absolute_url()
    producer.refresh_from_db()
    assert producer.is_verified is True
    assert producer.verified_by == user


@pytest.mark.parametrize("persona", ["anonymous", "ani", "budi", "citra", "eko"])
def test_verify_forbidden(request, client, producer, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    assert client.post(_verify_url(producer)).status_code == 403
    producer.refresh_from_db()
    assert producer.is_verified is False


def test_verify_unknown_slug_404(client, dewi):
    client.force_login(dewi)
    response = client.post(reverse("cooperatives:verify", args=["tidak-ada"]))
    assert response.status_code == 404


def test_verify_twice_keeps_first_facilitator(client, producer, dewi, admin_user):
    client.force_login(dewi)
    client.post(_verify_url(producer))
    client.force_login(admin_user)
    client.post(_verify_url(producer))
    producer.refresh_from_db()
    assert producer.verified_by == dewi


def test_verify_shows_message(client, producer, dewi):
    client.force_login(dewi)
    response = client.post(_verify_url(producer), follow=True)
    assert len(list(response.context["messages"])) == 1
    assert "badge badge-verified" in response.content.decode()
