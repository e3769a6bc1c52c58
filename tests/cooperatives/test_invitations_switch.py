from datetime import timedelta

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from cooperatives.models import Invitation, Membership
from cooperatives.selectors import ACTIVE_COOPERATIVE_SESSION_KEY

from ..factories import MembershipFactory, UserFactory


@pytest.fixture
def invitation(producer, ani):
    return Invitation.objects.create(
        cooperative=producer, email="eko@contoh.id", role="manager", invited_by=ani
    )


def _url(invitation):
    return reverse("cooperatives:invitation-accept", args=[invitation.token])


def _expire(invitation):
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )


@pytest.fixture
def english_eko(eko):
    eko.language = "en"
    eko.save()
    return eko


def test_accept_anonymous_redirects_keeping_next(client, invitation):
    response = client.get(_url(invitation))
    assert response.status_code == 302
    login = reverse("account_login")
    assert response["Location"] == f"{login}?next={_url(invitation)}"


def test_accept_anonymous_post_adds_nothing(client, invitation):
    client.post(_url(invitation))
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_accept_unknown_token_get_404(client, eko):
    client.force_login(eko)
    url = reverse("cooperatives:invitation-accept", args=["tidak-ada"])
    assert client.get(url).status_code == 404


def test_accept_unknown_token_post_404(client, eko):
    client.force_login(eko)
    url = reverse("cooperatives:invitation-accept", args=["tidak-ada"])
    assert client.post(url).status_code == 404
    assert not Membership.objects.filter(user=eko).exists()


def test_accept_page_shows_cooperative_and_role(client, invitation, english_eko):
    client.force_login(english_eko)
    response = client.get(_url(invitation))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Koperasi Tani Makmur" in page
    assert "Manager" in page
    assert 'type="submit">Accept</button>' in page


def test_accept_creates_membership(client, invitation, eko, producer):
    client.force_login(eko)
    response = client.post(_url(invitation))
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    membership = Membership.objects.get(user=eko)
    assert membership.cooperative == producer
    assert membership.role == Membership.Role.MANAGER


def test_accept_switches_to_cooperative(client, invitation, citra, producer):
    client.force_login(citra)
    client.post(_url(invitation))
    assert client.session[ACTIVE_COOPERATIVE_SESSION_KEY] == producer.pk


def test_accept_second_use_by_other(client, invitation, eko):
    client.force_login(eko)
    client.post(_url(invitation))
    other = UserFactory(language="en")
    client.force_login(other)
    response = client.post(_url(invitation))
    assert response.status_code == 409
    assert "already used" in response.content.decode()
    assert not Membership.objects.filter(user=other).exists()


def test_accept_second_use_get_explains(client, invitation, eko):
    client.force_login(eko)
    client.post(_url(invitation))
    other = UserFactory(language="en")
    client.force_login(other)
    page = client.get(_url(invitation)).content.decode()
    assert "already used" in page
    assert 'type="submit">Accept' not in page


def test_accept_twice_by_same_user(client, invitation, english_eko):
    client.force_login(english_eko)
    client.post(_url(invitation))
    response = client.post(_url(invitation))
    assert response.status_code == 409
    assert "You accepted this invitation" in response.content.decode()
    assert Membership.objects.filter(user=english_eko).count() == 1


def test_accept_expired_post(client, invitation, english_eko):
    _expire(invitation)
    client.force_login(english_eko)
    response = client.post(_url(invitation))
    assert response.status_code == 409
    assert "This invitation has expired." in response.content.decode()
    assert not Membership.objects.filter(user=english_eko).exists()


def test_accept_expired_get_explains(client, invitation, english_eko):
    _expire(invitation)
    client.force_login(english_eko)
    page = client.get(_url(invitation)).content.decode()
    assert "This invitation expired on" in page
    assert 'type="submit">Accept' not in page


def test_accept_existing_member_keeps_role(client, invitation, budi, producer):
    client.force_login(budi)
    client.post(_url(invitation))
    assert Membership.objects.get(user=budi, cooperative=producer).role == "staff"


def test_accept_existing_member_told(client, invitation, budi):
    budi.language = "en"
    budi.save()
    client.force_login(budi)
    page = client.get(_url(invitation)).content.decode()
    assert "You are already a member of this cooperative." in page


# Switching the active cooperative

SWITCH_URL = reverse("cooperatives:switch")


@pytest.fixture
def two_memberships(ani, consumer):
    """Ani owns the producer and is staff at the consumer cooperative."""
    MembershipFactory(user=ani, cooperative=consumer, role="staff")
    return ani


def test_switch_sets_session(client, two_memberships, consumer):
    client.force_login(two_memberships)
    response = client.post(SWITCH_URL, {"cooperative": consumer.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert client.session[ACTIVE_COOPERATIVE_SESSION_KEY] == consumer.pk


def test_switch_changes_active_membership(client, two_memberships, consumer):
    client.force_login(two_memberships)
    client.post(SWITCH_URL, {"cooperative": consumer.pk})
    response = client.get(reverse("cooperatives:list"))
    assert response.context["active_membership"].cooperative == consumer


def test_switch_follows_safe_next(client, two_memberships, consumer):
    client.force_login(two_memberships)
    data = {"cooperative": consumer.pk, "next": "/koperasi/?kind=producer"}
    response = client.post(SWITCH_URL, data)
    assert response["Location"] == "/koperasi/?kind=producer"


@pytest.mark.parametrize(
    "target",
    ["https://jahat.example/", "//jahat.example/", "javascript:alert(1)", "http:///x"],
)
def test_switch_ignores_unsafe_next(client, two_memberships, consumer, target):
    client.force_login(two_memberships)
    response = client.post(SWITCH_URL, {"cooperative": consumer.pk, "next": target})
    assert response["Location"] == reverse("dashboard")


def test_switch_to_foreign_cooperative_404(client, ani, consumer, producer):
    client.force_login(ani)
    response = client.post(SWITCH_URL, {"cooperative": consumer.pk})
    assert response.status_code == 404
    assert ACTIVE_COOPERATIVE_SESSION_KEY not in client.session


@pytest.mark.parametrize("value", ["", "abc", "1.5", "99999999999999999999999"])
def test_switch_bad_id_404(client, ani, value):
    client.force_login(ani)
    assert client.post(SWITCH_URL, {"cooperative": value}).status_code == 404


def test_switch_get_not_allowed(client, ani):
    client.force_login(ani)
    assert client.get(SWITCH_URL).status_code == 405


def test_switch_anonymous_redirects_to_login(client, producer):
    response = client.post(SWITCH_URL, {"cooperative": producer.pk})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def _render_switcher(user):
    request = RequestFactory().get("/koperasi/")
    request.user = user
    request.session = {}
    template = Template('{% include "cooperatives/partials/switcher.html" %}')
    context = Context({"request": request, "user": user, "active_membership": None})
    return template.render(context)


def test_switcher_lists_each_cooperative(two_memberships):
    html = _render_switcher(two_memberships)
    assert "Koperasi Tani Makmur" in html
    assert "Koperasi Konsumen Sejahtera" in html
    assert reverse("cooperatives:switch") in html


def test_switcher_hidden_with_one_membership(ani):
    assert "<form" not in _render_switcher(ani)


def test_switcher_hidden_without_membership(eko):
    assert "<form" not in _render_switcher(eko)
