"""The pages that belong to no single app: home, dashboard and health."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cooperatives.models import Cooperative

from .factories import CooperativeFactory, MembershipFactory

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


# Facilitator home

FACILITATOR_HOME = reverse("facilitator-home")


def _waiting(count: int, region) -> list:
    return CooperativeFactory.create_batch(count, region=region)


@pytest.mark.parametrize("persona", ["dewi", "admin_user"])
def test_dashboard_facilitator_without_cooperative(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert "facilitator_home.html" in [t.name for t in response.templates]
    assert "dashboard.html" not in [t.name for t in response.templates]


def test_dashboard_facilitator_member_links_home(client, dewi, producer):
    MembershipFactory(user=dewi, cooperative=producer)
    client.force_login(dewi)

    response = client.get(reverse("dashboard"))

    assert "dashboard.html" in [t.name for t in response.templates]
    assert "facilitator_home.html" not in [t.name for t in response.templates]
    main = response.text.split('<main id="main"')[1]
    assert f'href="{FACILITATOR_HOME}"' in main


def test_dashboard_member_has_no_facilitator_link(client, ani):
    client.force_login(ani)

    response = client.get(reverse("dashboard"))

    assert FACILITATOR_HOME not in response.text


def test_facilitator_home_anonymous_redirected(client):
    response = client.get(FACILITATOR_HOME)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("persona", "status"),
    [("dewi", 200), ("admin_user", 200), ("ani", 403), ("eko", 403)],
)
def test_facilitator_home_access(client, request, persona, status):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(FACILITATOR_HOME).status_code == status


def test_facilitator_home_lists_waiting(client, dewi, producer, consumer):
    consumer.is_verified = True
    consumer.save()
    client.force_login(dewi)

    response = client.get(FACILITATOR_HOME)

    assert list(response.context["page_obj"].object_list) == [producer]
    assert f'href="{producer.get_absolute_url()}"' in response.text
    assert producer.region.name in response.text
    assert consumer.name not in response.text


def test_facilitator_home_newest_first(client, dewi, bandung):
    older, newer = _waiting(2, bandung)
    Cooperative.objects.filter(pk=older.pk).update(
        created_at=timezone.now() - timedelta(days=3)
    )
    client.force_login(dewi)

    response = client.get(FACILITATOR_HOME)

    assert list(response.context["page_obj"].object_list) == [newer, older]


def test_facilitator_home_shows_registration_date(client, dewi, producer):
    Cooperative.objects.filter(pk=producer.pk).update(
        created_at=datetime(2026, 3, 5, 10, 0, tzinfo=UTC)
    )
    dewi.language = "en"
    dewi.save()
    client.force_login(dewi)

    response = client.get(FACILITATOR_HOME)

    assert "5 March 2026" in response.text


def test_facilitator_home_counts(client, dewi, producer, consumer, bandung):
    _waiting(2, bandung)
    consumer.is_verified = True
    consumer.save()
    client.force_login(dewi)

    counts = client.get(FACILITATOR_HOME).context["counts"]

    assert counts["total"] == 4
    assert counts["verified"] == 1
    assert counts["waiting"] == 3


def test_facilitator_home_paginates_by_20(client, dewi, bandung):
    _waiting(25, bandung)
    client.force_login(dewi)

    first = client.get(FACILITATOR_HOME).context["page_obj"]
    second = client.get(FACILITATOR_HOME, {"page": 2}).context["page_obj"]

    assert len(first.object_list) == 20
    assert len(second.object_list) == 5


def test_facilitator_home_links_monitoring(client, dewi):
    client.force_login(dewi)

    response = client.get(FACILITATOR_HOME)

    main = response.text.split('<main id="main"')[1]
    assert f'href="{reverse("monitoring:dashboard")}"' in main


def test_facilitator_home_empty_state(client, dewi, producer):
    producer.is_verified = True
    producer.save()
    client.force_login(dewi)

    response = client.get(FACILITATOR_HOME)

    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 0


def _facilitator_home_queries(client, count: int, region) -> int:
    Cooperative.objects.all().delete()
    _waiting(count, region)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(FACILITATOR_HOME)
    assert len(response.context["page_obj"].object_list) == min(count, 20)
    return len(queries)


def test_facilitator_home_constant_queries(client, dewi, bandung):
    client.force_login(dewi)

    few = _facilitator_home_queries(client, 10, bandung)
    many = _facilitator_home_queries(client, 50, bandung)

    assert few == many


# Bottom navigation


def _bottom_nav(response) -> str:
    """Return the HTML of the phone navigation bar on a page."""
    start = response.text.index('<nav class="ecobiz-bottom-nav')
    return response.text[start : response.text.index("</nav>", start)]


INBOX = reverse("marketplace:inbox")
MONITORING = reverse("monitoring:dashboard")
REGISTER = reverse("cooperatives:register")


@pytest.mark.parametrize(
    ("persona", "shown"),
    [
        ("ani", INBOX),
        ("dewi", MONITORING),
        ("admin_user", MONITORING),
        ("eko", REGISTER),
        ("anonymous", REGISTER),
    ],
)
def test_bottom_nav_fourth_link(client, request, persona, shown):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))

    nav = _bottom_nav(client.get(reverse("cooperatives:list")))

    assert f'href="{shown}"' in nav
    for other in {INBOX, MONITORING, REGISTER} - {shown}:
        assert f'href="{other}"' not in nav


def test_bottom_nav_facilitator_member_keeps_messages(client, dewi, producer):
    MembershipFactory(user=dewi, cooperative=producer)
    client.force_login(dewi)

    nav = _bottom_nav(client.get(reverse("cooperatives:list")))

    assert f'href="{INBOX}"' in nav
    assert f'href="{MONITORING}"' not in nav


def test_form_error_summary_links_fields(client, ani):
    client.force_login(ani)

    response = client.post(
        reverse("cooperatives:edit", args=[ani.memberships.get().cooperative.slug]),
        {"name": "", "cooperative_number": "12AB"},
    )

    assert response.status_code == 200
    assert 'href="#id_name"' in response.text
    assert 'href="#id_cooperative_number"' in response.text
