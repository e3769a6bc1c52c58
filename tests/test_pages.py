"""The pages that belong to no single app: home, dashboard and health."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_shows_counts_to_visitors(client, producer, consumer):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert response.context["cooperative_count"] == 2


def test_home_sends_members_to_dashboard(client, ani):
    client.force_login(ani)

    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response.url == reverse("dashboard")


def test_dashboard_requires_login(client):
    response = client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_dashboard_without_cooperative_offers_registration(client, eko):
    client.force_login(eko)

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert reverse("cooperatives:register") in response.text


def test_dashboard_shows_active_cooperative(client, ani, producer):
    client.force_login(ani)

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert producer.name in response.text


def test_health_reports_database_and_cache(client):
    response = client.get(reverse("health"))

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


def test_security_headers_present(client):
    response = client.get(reverse("home"))

    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
