from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cooperatives.models import Invitation, Membership

from ..factories import MembershipFactory


def _url(cooperative):
    return reverse("cooperatives:members", kwargs={"slug": cooperative.slug})


@pytest.fixture
def english_ani(ani):
    ani.language = "en"
    ani.save()
    return ani


def test_members_anonymous_redirects_to_login(client, producer):
    response = client.get(_url(producer))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("persona", ["citra", "dewi", "eko"])
def test_members_outsider_404(request, client, producer, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_url(producer)).status_code == 404


@pytest.mark.parametrize("persona", ["citra", "dewi", "eko"])
def test_members_outsider_invite_404(request, client, producer, persona):
    client.force_login(request.getfixturevalue(persona))
    data = {"email": "baru@contoh.id", "role": "staff"}
    assert client.post(_url(producer), data).status_code == 404
    assert not Invitation.objects.exists()


def test_members_staff_sees_list(client, producer, ani, budi):
    client.force_login(budi)
    response = client.get(_url(producer))
    page = response.content.decode()
    assert response.status_code == 200
    assert "ani@contoh.id" in page
    assert "budi@contoh.id" in page


def test_members_staff_has_no_invite_form(client, producer, budi):
    client.force_login(budi)
    response = client.get(_url(producer))
    assert response.context["form"] is None
    assert 'name="email"' not in response.content.decode()


def test_members_staff_sees_no_invitations(client, producer, budi):
    Invitation.objects.create(
        cooperative=producer, email="baru@contoh.id", role="staff"
    )
    client.force_login(budi)
    assert "baru@contoh.id" not in client.get(_url(producer)).content.decode()


def test_members_staff_invite_403(client, producer, budi):
    client.force_login(budi)
    data = {"email": "baru@contoh.id", "role": "staff"}
    assert client.post(_url(producer), data).status_code == 403
    assert not Invitation.objects.exists()


def test_members_owner_sees_form_and_invitations(client, producer, ani):
    Invitation.objects.create(
        cooperative=producer, email="baru@contoh.id", role="staff"
    )
    client.force_login(ani)
    page = client.get(_url(producer)).content.decode()
    assert 'name="email"' in page
    assert "baru@contoh.id" in page


def test_members_invite_creates_invitation(
    client, producer, ani, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(ani)
    data = {"email": "Baru@Contoh.id", "role": "manager"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(producer), data)
    assert response.status_code == 302
    assert response["Location"] == _url(producer)
    invitation = Invitation.objects.get()
    assert invitation.email == "baru@contoh.id"
    assert invitation.role == Membership.Role.MANAGER
    assert invitation.invited_by == ani
    assert len(mailoutbox) == 1


def test_members_invite_email_content(
    client, producer, english_ani, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(english_ani)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(producer), {"email": "baru@contoh.id", "role": "staff"})
    invitation = Invitation.objects.get()
    accept_path = reverse("cooperatives:invitation-accept", args=[invitation.token])
    email = mailoutbox[0]
    assert email.to == ["baru@contoh.id"]
    assert "Koperasi Tani Makmur" in email.subject
    assert f"http://127.0.0.1:8000{accept_path}" in email.body
    assert "expires in 7 days" in email.body
    assert "Staff" in email.body


def test_members_invitation_email_not_escaped(
    client, producer, ani, mailoutbox, django_capture_on_commit_callbacks
):
    producer.name = "Koperasi Tani & Ternak"
    producer.save()
    client.force_login(ani)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(producer), {"email": "baru@contoh.id", "role": "staff"})
    assert "Tani & Ternak" in mailoutbox[0].subject
    assert "&amp;" not in mailoutbox[0].body


def test_members_manager_may_invite_manager(client, producer, fajar):
    client.force_login(fajar)
    client.post(_url(producer), {"email": "baru@contoh.id", "role": "manager"})
    assert Invitation.objects.get().role == Membership.Role.MANAGER


def test_members_manager_cannot_invite_owner(client, producer, fajar):
    client.force_login(fajar)
    response = client.post(_url(producer), {"email": "baru@contoh.id", "role": "owner"})
    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_members_owner_may_invite_owner(client, producer, ani):
    client.force_login(ani)
    client.post(_url(producer), {"email": "baru@contoh.id", "role": "owner"})
    assert Invitation.objects.get().role == Membership.Role.OWNER


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "email", "This field is required."),
        ({"role": "staff"}, "email", "This field is required."),
        ({"email": "bukan-email", "role": "staff"}, "email", "Enter a valid email"),
        ({"email": "baru@contoh.id"}, "role", "This field is required."),
        ({"email": "baru@contoh.id", "role": "raja"}, "role", "Select a valid choice"),
        (
            {"email": "BUDI@contoh.id", "role": "staff"},
            "email",
            "budi@contoh.id is already a member of this cooperative.",
        ),
        (
            {"email": "tunggu@contoh.id", "role": "staff"},
            "email",
            "tunggu@contoh.id already has an invitation that has not expired.",
        ),
    ],
)
def test_members_invite_bad_input(
    client, producer, english_ani, budi, mailoutbox, data, field, message
):
    Invitation.objects.create(
        cooperative=producer, email="tunggu@contoh.id", role="staff"
    )
    client.force_login(english_ani)
    response = client.post(_url(producer), data)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert Invitation.objects.count() == 1
    assert mailoutbox == []


def test_members_invite_bad_input_keeps_email(client, producer, ani):
    client.force_login(ani)
    response = client.post(_url(producer), {"email": "baru@contoh", "role": "raja"})
    assert 'value="baru@contoh"' in response.content.decode()


def test_members_reinvite_after_expiry(client, producer, ani):
    Invitation.objects.create(
        cooperative=producer,
        email="lama@contoh.id",
        role="staff",
        expires_at=timezone.now() - timedelta(days=1),
    )
    client.force_login(ani)
    client.post(_url(producer), {"email": "lama@contoh.id", "role": "staff"})
    assert Invitation.objects.filter(email="lama@contoh.id").count() == 2


def _members_queries(client, producer, count):
    for _ in range(count):
        MembershipFactory(cooperative=producer, role="staff")
        Invitation.objects.create(
            cooperative=producer,
            email=f"undangan{Invitation.objects.count()}@contoh.id",
            role="staff",
        )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(_url(producer))
    assert response.status_code == 200
    return len(queries)


def test_members_query_count_constant(
    client, producer, ani, django_assert_max_num_queries
):
    client.force_login(ani)
    baseline = _members_queries(client, producer, 10)
    for _ in range(40):
        MembershipFactory(cooperative=producer, role="staff")
    with django_assert_max_num_queries(baseline):
        response = client.get(_url(producer))
    assert response.context["page_obj"].paginator.count == 51
    assert len(response.context["page_obj"]) == 20


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "2.5", "99999999999999999999"])
def test_members_odd_page_values(client, producer, ani, raw):
    client.force_login(ani)
    assert client.get(_url(producer), {"page": raw}).status_code == 200
