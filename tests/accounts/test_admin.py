"""The admin index: EcoBiz headings and one section per app."""

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_admin_sections_have_distinct_names(admin_client):
    response = admin_client.get(reverse("admin:index"))

    names = [str(app["name"]) for app in response.context["app_list"]]
    assert len(names) == len(set(names))


def test_admin_accounts_section_named_users():
    with translation.override("en"):
        assert str(apps.get_app_config("accounts").verbose_name) == "Users"


def test_admin_header_names_ecobiz(admin_client):
    response = admin_client.get(reverse("admin:index"))

    assert "EcoBiz" in str(response.context["site_header"])
    assert "EcoBiz" in str(response.context["site_title"])
    assert "Django" not in response.text.split("<body")[1]


def test_admin_index_title_in_english(admin_client, admin_user):
    admin_user.language = "en"
    admin_user.save()

    response = admin_client.get(reverse("admin:index"))

    assert "<title>Manage EcoBiz | EcoBiz admin</title>" in response.text
