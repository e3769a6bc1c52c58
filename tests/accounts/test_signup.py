"""Sign-up, email confirmation, login and language preference."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Sawah-hijau-2026"


def sign_up(client, email: str):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )


def confirm_from_outbox(client):
    link = re.search(r"https?://\S+/akun/confirm-email/\S+/", mail.outbox[-1].body)
    assert link is not None, mail.outbox[-1].body
    path = "/" + link.group(0).split("/", 3)[3]
    return client.post(path)


def log_in(client, email: str, password: str = NEW_PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_signup_sends_confirmation_email(client):
    sign_up(client, "ketua@contoh.id")

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ketua@contoh.id"]


def test_confirmation_email_names_ecobiz(client):
    sign_up(client, "ketua@contoh.id")

    body = mail.outbox[0].body
    # The host name may appear in the confirmation link, and nowhere else.
    lines = [line for line in body.strip().splitlines() if "://" not in line]
    assert "EcoBiz" in lines[0]
    assert "EcoBiz" in lines[-1]
    assert "testserver" not in "\n".join(lines)


def test_login_refused_before_confirmation(client):
    sign_up(client, "ketua@contoh.id")
    client.logout()

    response = log_in(client, "ketua@contoh.id")

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")


def test_confirmation_then_login_reaches_dashboard(client):
    sign_up(client, "ketua@contoh.id")
    confirm_from_outbox(client)
    client.logout()

    response = log_in(client, "ketua@contoh.id")

    assert response.status_code == 302
    assert response.url == reverse("dashboard")


def test_email_case_gives_one_user(client):
    sign_up(client, "Ketua.Koperasi@Contoh.id")
    confirm_from_outbox(client)
    client.logout()

    first = log_in(client, "ketua.koperasi@contoh.id")
    client.logout()
    second = log_in(client, "Ketua.Koperasi@Contoh.id")

    assert first.url == reverse("dashboard")
    assert second.url == reverse("dashboard")
    assert User.objects.count() == 1
    assert EmailAddress.objects.count() == 1


def test_signup_with_other_case_is_refused(client):
    UserFactory(email="ketua.koperasi@contoh.id")

    response = sign_up(client, "KETUA.KOPERASI@contoh.id")

    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert User.objects.count() == 1


def test_second_address_with_other_case_is_refused(client):
    user = UserFactory(email="ketua.koperasi@contoh.id")
    client.force_login(user)

    response = client.post(
        reverse("account_email"),
        {"action_add": "", "email": "ketua.koperasi@CONTOH.ID"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert EmailAddress.objects.count() == 1


def test_signup_with_missing_password_shows_error(client):
    response = client.post(
        reverse("account_signup"), {"email": "ketua@contoh.id", "password1": ""}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    assert User.objects.count() == 0


def test_signup_with_invalid_email_shows_error(client):
    response = sign_up(client, "bukan-email")

    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert User.objects.count() == 0


def test_password_reset_sends_email(client):
    UserFactory(email="ketua@contoh.id")

    client.post(reverse("account_reset_password"), {"email": "ketua@contoh.id"})

    assert len(mail.outbox) == 1
    assert "ketua@contoh.id" in mail.outbox[0].to


def test_existing_user_logs_in_with_password(client):
    UserFactory(email="ketua@contoh.id")

    response = log_in(client, "ketua@contoh.id", PASSWORD)

    assert response.url == reverse("dashboard")


def test_language_choice_saved_for_user(client):
    user = UserFactory(email="ketua@contoh.id", language="id")
    client.force_login(user)

    client.post(reverse("accounts:language"), {"language": "en", "next": "/"})

    user.refresh_from_db()
    assert user.language == "en"


def test_saved_language_renders_pages(client):
    user = UserFactory(email="ketua@contoh.id", language="en")
    client.force_login(user)

    response = client.get(reverse("dashboard"))

    assert response.headers["Content-Language"] == "en"


def test_anonymous_language_choice_sets_cookie(client):
    response = client.post(reverse("accounts:language"), {"language": "en"})

    assert response.cookies["django_language"].value == "en"


def test_unknown_language_is_ignored(client):
    user = UserFactory(email="ketua@contoh.id", language="id")
    client.force_login(user)

    client.post(reverse("accounts:language"), {"language": "xx"})

    user.refresh_from_db()
    assert user.language == "id"


def test_language_redirect_stays_on_site(client):
    response = client.post(
        reverse("accounts:language"),
        {"language": "en", "next": "https://contoh.test/phish"},
    )

    assert response.url == "/"


def test_profile_form_saves_name(client):
    user = UserFactory(email="ketua@contoh.id")
    client.force_login(user)

    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "Siti", "last_name": "Aminah", "language": "id"},
    )

    user.refresh_from_db()
    assert response.status_code == 302
    assert user.first_name == "Siti"


def test_profile_form_rejects_unknown_language(client):
    user = UserFactory(email="ketua@contoh.id", language="id")
    client.force_login(user)

    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "Siti", "last_name": "", "language": "xx"},
    )

    user.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors["language"]
    assert user.language == "id"


def test_profile_requires_login(client):
    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_english_browser_still_gets_indonesian(client):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response.headers["Content-Language"] == "id"


def test_chosen_english_overrides_default(client):
    client.cookies["django_language"] = "en"

    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="id")

    assert response.headers["Content-Language"] == "en"
