import pytest
from django.urls import reverse
from django.utils import translation
from PIL import Image

from cooperatives.forms import CooperativeForm
from cooperatives.models import Cooperative, Membership
from cooperatives.selectors import ACTIVE_COOPERATIVE_SESSION_KEY

from .uploads import png_upload, svg_upload

URL = reverse("cooperatives:register")
IMAGE_FORMAT_MESSAGE = "Image format must be JPG, PNG or WebP."


def test_register_anonymous_redirects_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_register_anonymous_post_creates_nothing(client, registration_data):
    client.post(URL, registration_data)
    assert not Cooperative.objects.filter(name="Koperasi Tani Sejahtera").exists()


@pytest.mark.parametrize("persona", ["eko", "ani", "citra"])
def test_register_form_opens(request, client, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(URL)
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_register_creates_owned_cooperative(client, eko, registration_data):
    client.force_login(eko)
    response = client.post(URL, registration_data)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    cooperative = Cooperative.objects.get(name="Koperasi Tani Sejahtera")
    membership = Membership.objects.get(cooperative=cooperative)
    assert membership.user == eko
    assert membership.role == Membership.Role.OWNER


def test_register_saves_fields(client, eko, registration_data, bandung):
    client.force_login(eko)
    client.post(URL, registration_data)
    cooperative = Cooperative.objects.get(name="Koperasi Tani Sejahtera")
    assert cooperative.slug == "koperasi-tani-sejahtera"
    assert cooperative.cooperative_number == "3204010020001234"
    assert cooperative.nib == "9120001234567"
    assert cooperative.founded_year == 2005
    assert cooperative.member_count == 150
    assert cooperative.region == bandung
    assert str(cooperative.phone) == "+6281234567890"
    assert cooperative.is_verified is False


def test_register_acts_for_new_cooperative(client, ani, registration_data):
    client.force_login(ani)
    client.post(URL, registration_data)
    cooperative = Cooperative.objects.get(name="Koperasi Tani Sejahtera")
    assert client.session[ACTIVE_COOPERATIVE_SESSION_KEY] == cooperative.pk


def test_register_success_message(client, eko, registration_data):
    client.force_login(eko)
    response = client.post(URL, registration_data, follow=True)
    assert "Koperasi Tani Sejahtera" in response.content.decode()
    assert len(list(response.context["messages"])) == 1


def test_register_only_required_fields(client, eko, bandung):
    client.force_login(eko)
    data = {
        "name": "Koperasi Kecil",
        "kind": "consumer",
        "sector": "retail",
        "member_count": "1",
        "region": str(bandung.pk),
    }
    assert client.post(URL, data).status_code == 302
    assert Cooperative.objects.filter(name="Koperasi Kecil").exists()


@pytest.fixture
def english_eko(eko):
    """Eko with English pages, so messages can be compared to the source text."""
    eko.language = "en"
    eko.save()
    return eko


def _post_invalid(client, user, data, files=None):
    """Post the form, check that it is shown again and nothing was saved."""
    client.force_login(user)
    before = Cooperative.objects.count()
    response = client.post(URL, {**data, **(files or {})})
    assert response.status_code == 200
    assert Cooperative.objects.count() == before
    return response


def test_register_missing_fields(client, eko, db):
    response = _post_invalid(client, eko, {})
    errors = response.context["form"].errors
    for field in ("name", "kind", "sector", "region", "member_count"):
        assert field in errors


def test_register_missing_fields_keeps_input(client, eko, db):
    response = _post_invalid(client, eko, {"name": "Koperasi Setengah Jadi"})
    assert 'value="Koperasi Setengah Jadi"' in response.content.decode()


def test_register_error_next_to_field(client, eko, registration_data):
    data = {**registration_data, "cooperative_number": "32O4"}
    page = _post_invalid(client, eko, data).content.decode()
    assert 'id="error_1_id_cooperative_number"' in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("cooperative_number", "3204O1OO2OOO1234", "The NIK may contain digits only."),
        ("cooperative_number", "NIK-ABC", "The NIK may contain digits only."),
        (
            "cooperative_number",
            "320401002000123",
            "The NIK must have exactly 16 digits; you entered 15.",
        ),
        (
            "cooperative_number",
            "32040100200012345",
            "The NIK must have exactly 16 digits; you entered 17.",
        ),
        ("nib", "912000123456", "The NIB must have exactly 13 digits; you entered 12."),
        ("nib", "91200012345AB", "The NIB may contain digits only."),
        ("phone", "12345", "Enter a valid Indonesian phone number"),
        ("phone", "telepon kami", "Enter a valid Indonesian phone number"),
        ("email", "bukan-email", "Enter a valid email address."),
        ("website", "bukan situs", "Enter a valid URL."),
        ("member_count", "-5", "Ensure this value is greater than or equal to 1."),
        ("member_count", "0", "Ensure this value is greater than or equal to 1."),
        ("member_count", "", "This field is required."),
        ("member_count", "banyak", "Enter a whole number."),
        ("founded_year", "-1", "Ensure this value is greater than or equal to 1896."),
        ("founded_year", "1990.5", "Enter a whole number."),
        ("founded_year", "1800", "Ensure this value is greater than or equal to 1896."),
        ("founded_year", "2999", "The year founded cannot be later than"),
        ("region", "999999", "Select a valid choice."),
        ("region", "abc", "Select a valid choice."),
        ("kind", "pedagang", "Select a valid choice."),
        ("name", "", "This field is required."),
        ("name", "x" * 201, "Ensure this value has at most 200 characters"),
    ],
)
def test_register_bad_input(
    client, english_eko, registration_data, field, value, message
):
    data = {**registration_data, field: value}
    response = _post_invalid(client, english_eko, data)
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_register_rejects_svg_logo(client, english_eko, registration_data, name):
    response = _post_invalid(
        client, english_eko, registration_data, {"logo": svg_upload(name)}
    )
    assert response.context["form"].errors["logo"] == [IMAGE_FORMAT_MESSAGE]


def test_register_svg_message_shown(client, english_eko, registration_data):
    response = _post_invalid(
        client, english_eko, registration_data, {"logo": svg_upload("logo.png")}
    )
    assert IMAGE_FORMAT_MESSAGE in response.content.decode()


def test_register_accepts_png_logo(client, eko, registration_data):
    client.force_login(eko)
    client.post(URL, {**registration_data, "logo": png_upload(size=(1024, 768))})
    cooperative = Cooperative.objects.get(name="Koperasi Tani Sejahtera")
    with Image.open(cooperative.logo.path) as image:
        assert max(image.size) == 512
        assert image.size == (512, 384)


def test_register_small_logo_kept_small(client, eko, registration_data):
    client.force_login(eko)
    client.post(URL, {**registration_data, "logo": png_upload(size=(200, 100))})
    cooperative = Cooperative.objects.get(name="Koperasi Tani Sejahtera")
    with Image.open(cooperative.logo.path) as image:
        assert image.size == (200, 100)


def test_register_get_not_allowed_methods(client, eko):
    client.force_login(eko)
    assert client.delete(URL).status_code == 405


# The form itself: how numbers typed in different ways are read.


def _form(registration_data, **changes):
    return CooperativeForm(data={**registration_data, **changes})


@pytest.mark.parametrize(
    "typed",
    [
        "0812-3456-7890",
        "081234567890",
        "0812 3456 7890",
        "+62 812 3456 7890",
        "+6281234567890",
        "6281234567890",
        "62 812-3456-7890",
    ],
)
def test_form_phone_normalises(registration_data, typed):
    form = _form(registration_data, phone=typed)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"].as_e164 == "+6281234567890"


def test_form_phone_62_is_country_code(registration_data):
    # "62812..." typed without + must not become the national number 062812...
    form = _form(registration_data, phone="6281234567890")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"].national_number == 81234567890


def test_form_phone_landline(registration_data):
    form = _form(registration_data, phone="(022) 5891234")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"].as_e164 == "+62225891234"


def test_form_phone_optional(registration_data):
    form = _form(registration_data, phone="")
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    "typed", ["3204 0100 2000 1234", "3204.0100.2000.1234", "3204-0100-2000-1234"]
)
def test_form_nik_separators_removed(registration_data, typed):
    form = _form(registration_data, cooperative_number=typed)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["cooperative_number"] == "3204010020001234"


def test_form_nik_one_message_for_long_number(registration_data):
    form = _form(registration_data, cooperative_number="3" * 20)
    assert len(form.errors["cooperative_number"]) == 1


def test_form_nik_and_nib_optional(registration_data):
    form = _form(registration_data, cooperative_number="", nib="")
    assert form.is_valid(), form.errors


def test_form_member_count_starts_empty():
    form = CooperativeForm()
    assert form["member_count"].value() is None
    assert 'name="member_count"' in str(form["member_count"])
    assert "value=" not in str(form["member_count"])


def test_form_member_count_required():
    assert CooperativeForm().fields["member_count"].required is True


def test_form_no_dashes_label(db):
    html = str(CooperativeForm())
    assert "---------" not in html


def test_form_choose_labels(db):
    with translation.override("en"):
        form = CooperativeForm()
        kind = str(form["kind"])
        sector = str(form["sector"])
        region = str(form["region"])
    assert '<option value="" selected>Choose the kind of cooperative</option>' in kind
    assert '<option value="" selected>Choose a sector</option>' in sector
    assert '<option value="" selected>Choose a regency or city</option>' in region


def test_register_page_no_dashes_label(client, eko):
    client.force_login(eko)
    response = client.get(URL)
    assert "---------" not in response.content.decode()
