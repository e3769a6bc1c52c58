"""The Indonesian catalogue is complete and used."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "id" / "LC_MESSAGES" / "django.po"


def _messages():
    with CATALOGUE.open("rb") as po_file:
        catalog = read_po(po_file)
    return [message for message in catalog if message.id]


def test_catalogue_has_entries():
    assert len(_messages()) > 300


def test_catalogue_has_no_untranslated_entry():
    untranslated = [
        message.id
        for message in _messages()
        if not (all(message.string) if message.pluralizable else message.string)
    ]
    assert untranslated == []


def test_catalogue_has_no_fuzzy_entry():
    fuzzy = [message.id for message in _messages() if message.fuzzy]
    assert fuzzy == []


@pytest.fixture(scope="module")
def compiled_catalogue():
    call_command("compile_translations")
    translation.trans_real._translations = {}
    translation.trans_real._active = translation.trans_real.Local()


def test_compiled_catalogue_translates(compiled_catalogue):
    with translation.override("id"):
        assert translation.gettext("Directory") != "Directory"


@pytest.mark.django_db
def test_home_page_in_indonesian(client, compiled_catalogue):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="id")

    assert response.headers["Content-Language"] == "id"
    assert "Direktori" in response.text
    assert "Directory" not in response.text


@pytest.mark.django_db
def test_home_page_in_english(client, compiled_catalogue):
    client.cookies["django_language"] = "en"

    response = client.get(reverse("home"))

    assert response.headers["Content-Language"] == "en"
    assert "Directory" in response.text
