import pytest
from django.urls import reverse
from django.utils import translation
from PIL import Image

from cooperatives import selectors
from cooperatives.models import Cooperative, Membership

from ..factories import MembershipFactory
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


@pytest.fixture
def english_owner(producer):
    """A second owner of the producer cooperative who reads English."""
    return MembershipFactory(
        cooperative=producer,
        role=Membership.Role.OWNER,
        user__email="hana@contoh.id",
        user__language="en",
    ).user


def _email_to(outbox, address):
    return next(message for message in outbox if message.to == [address])


@pytest.mark.parametrize("persona", ["dewi", "admin_user"])
def test_verify_get_shows_confirmation(request, client, producer, ani, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(_verify_url(producer))
    assert response.status_code == 200
    assert "cooperatives/verify.html" in [t.name for t in response.templates]
    page = response.content.decode()
    assert f'method="post" action="{_verify_url(producer)}"' in page
    assert f'href="{producer.get_absolute_url()}"' in page
    assert ani.display_name in page


def test_verify_get_changes_nothing(
    client, producer, ani, dewi, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(dewi)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.get(_verify_url(producer))
    producer.refresh_from_db()
    assert producer.is_verified is False
    assert producer.verified_by is None
    assert callbacks == []
    assert mailoutbox == []


def test_verify_get_when_verified_has_no_button(client, producer, dewi):
    producer.is_verified = True
    producer.save()
    client.force_login(dewi)
    response = client.get(_verify_url(producer))
    assert response.status_code == 200
    assert 'method="post"' not in response.content.decode().split("<main")[1]


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


def test_verify_emails_each_owner(
    client,
    producer,
    ani,
    budi,
    english_owner,
    dewi,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(dewi)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_verify_url(producer))
    recipients = sorted(message.to[0] for message in mailoutbox)
    assert recipients == ["ani@contoh.id", "hana@contoh.id"]


def test_verify_email_in_owner_language(
    client,
    producer,
    ani,
    english_owner,
    dewi,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with translation.override("id"):
        kind_id = str(producer.get_kind_display())
    with translation.override("en"):
        kind_en = str(producer.get_kind_display())
    # The catalogue already translates the kind, so it differs between the
    # two languages.
    assert kind_id != kind_en
    client.force_login(dewi)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_verify_url(producer))
    indonesian = _email_to(mailoutbox, "ani@contoh.id")
    english = _email_to(mailoutbox, "hana@contoh.id")
    assert f"({kind_id}, Kabupaten Bandung)" in indonesian.body
    assert f"({kind_en}, Kabupaten Bandung)" in english.body
    assert english.subject == "Koperasi Tani Makmur is now verified on EcoBiz"
    assert ani.display_name in indonesian.body
    assert producer.get_absolute_url() in english.body


def test_verify_twice_sends_one_email_per_owner(
    client,
    producer,
    ani,
    dewi,
    admin_user,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(dewi)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_verify_url(producer))
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_verify_url(producer))
    assert len(mailoutbox) == 1


PERSONAS_WITHOUT_VERIFY = ["anonymous", "ani", "budi", "citra", "eko"]


@pytest.mark.parametrize("persona", PERSONAS_WITHOUT_VERIFY)
def test_verify_get_forbidden(request, client, producer, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    assert client.get(_verify_url(producer)).status_code == 403


@pytest.mark.parametrize("persona", PERSONAS_WITHOUT_VERIFY)
def test_verify_forbidden(
    request,
    client,
    producer,
    ani,
    persona,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_verify_url(producer))
    assert response.status_code == 403
    producer.refresh_from_db()
    assert producer.is_verified is False
    assert mailoutbox == []


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
