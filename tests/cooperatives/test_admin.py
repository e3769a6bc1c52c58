import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from accounts.models import User
from cooperatives import selectors
from cooperatives.models import Cooperative, Invitation

CHANGELISTS = [
    "admin:cooperatives_province_changelist",
    "admin:cooperatives_region_changelist",
    "admin:cooperatives_cooperative_changelist",
    "admin:cooperatives_membership_changelist",
    "admin:cooperatives_invitation_changelist",
    "admin:accounts_user_changelist",
]


@pytest.mark.parametrize("name", CHANGELISTS)
def test_admin_changelist_opens(admin_client, ani, budi, citra, name):
    assert admin_client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize(
    "name",
    [
        "admin:cooperatives_cooperative_add",
        "admin:cooperatives_region_add",
        "admin:accounts_user_add",
    ],
)
def test_admin_add_form_opens(admin_client, db, name):
    assert admin_client.get(reverse(name)).status_code == 200


def test_admin_cooperative_change_opens(admin_client, producer, ani):
    url = reverse("admin:cooperatives_cooperative_change", args=[producer.pk])
    assert admin_client.get(url).status_code == 200


def test_admin_user_change_opens(admin_client, ani):
    url = reverse("admin:accounts_user_change", args=[ani.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="email"' in page
    assert 'name="username"' not in page


@pytest.mark.parametrize(
    "term", ["Tani Makmur", "3204010020001234", "9120001234567", "info@tani.id"]
)
def test_admin_cooperative_search(admin_client, producer, consumer, term):
    producer.cooperative_number = "3204010020001234"
    producer.nib = "9120001234567"
    producer.email = "info@tani.id"
    producer.save()
    url = reverse("admin:cooperatives_cooperative_changelist")
    response = admin_client.get(url, {"q": term})
    assert list(response.context["cl"].result_list) == [producer]


@pytest.mark.parametrize(
    "query", [{"is_verified__exact": "0"}, {"kind__exact": "producer"}]
)
def test_admin_cooperative_filters(admin_client, producer, consumer, query):
    url = reverse("admin:cooperatives_cooperative_changelist")
    assert admin_client.get(url, query).status_code == 200


def test_admin_membership_filter_by_role(admin_client, ani, budi):
    url = reverse("admin:cooperatives_membership_changelist")
    response = admin_client.get(url, {"role__exact": "staff"})
    users = [membership.user for membership in response.context["cl"].result_list]
    assert users == [budi]


def test_admin_user_search_by_email(admin_client, ani, budi):
    url = reverse("admin:accounts_user_changelist")
    response = admin_client.get(url, {"q": "budi@contoh"})
    assert list(response.context["cl"].result_list) == [budi]


def _verify_action(client, *cooperatives):
    url = reverse("admin:cooperatives_cooperative_changelist")
    return client.post(
        url,
        {
            "action": "verify_selected",
            "_selected_action": [cooperative.pk for cooperative in cooperatives],
        },
    )


def test_admin_verify_action_by_superuser(admin_client, admin_user, producer, consumer):
    _verify_action(admin_client, producer, consumer)
    for cooperative in (producer, consumer):
        cooperative.refresh_from_db()
        assert cooperative.is_verified is True
        assert cooperative.verified_by == admin_user


def test_admin_verify_action_keeps_earlier_verifier(admin_client, producer, dewi):
    producer.is_verified = True
    producer.verified_by = dewi
    producer.save()
    _verify_action(admin_client, producer)
    producer.refresh_from_db()
    assert producer.verified_by == dewi


def test_admin_verify_action_emails_owners(
    admin_client, producer, consumer, ani, citra, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _verify_action(admin_client, producer, consumer)
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["ani@contoh.id", "citra@contoh.id"]


@pytest.fixture
def staff_clerk(db):
    """A staff user who may edit cooperatives in the admin but is no facilitator."""
    user = User.objects.create_user(
        email="clerk@contoh.id", password="kata-sandi-uji-123", is_staff=True
    )
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_cooperative", "change_cooperative"]
        )
    )
    return user


def test_admin_verify_action_hidden_from_clerk(client, staff_clerk, producer):
    client.force_login(staff_clerk)
    url = reverse("admin:cooperatives_cooperative_changelist")
    assert "verify_selected" not in client.get(url).content.decode()


def test_admin_verify_action_refused_to_clerk(client, staff_clerk, producer):
    client.force_login(staff_clerk)
    _verify_action(client, producer)
    producer.refresh_from_db()
    assert producer.is_verified is False


def test_admin_verify_action_by_facilitator(client, facilitator_staff, producer):
    facilitator_staff.user_permissions.add(
        Permission.objects.get(codename="view_cooperative")
    )
    client.force_login(facilitator_staff)
    _verify_action(client, producer)
    producer.refresh_from_db()
    assert producer.is_verified is True
    assert producer.verified_by == facilitator_staff


def test_admin_save_refreshes_search(admin_client, producer):
    url = reverse("admin:cooperatives_cooperative_change", args=[producer.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and key != "logo"
    }
    data.update(
        {
            "name": "Koperasi Sukamaju",
            "region": producer.region_id,
            "phone": "+6281234567890",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302
    found = selectors.search_cooperatives(Cooperative.objects.all(), "sukamaju")
    assert [cooperative.pk for cooperative in found] == [producer.pk]


def test_admin_invitation_cannot_be_added(admin_client, db):
    response = admin_client.get(reverse("admin:cooperatives_invitation_add"))
    assert response.status_code == 403


def test_admin_invitation_change_opens(admin_client, producer):
    invitation = Invitation.objects.create(
        cooperative=producer, email="baru@contoh.id", role="staff"
    )
    url = reverse("admin:cooperatives_invitation_change", args=[invitation.pk])
    assert admin_client.get(url).status_code == 200


def test_admin_user_add_lowercases_email(admin_client, db):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "Baru@Contoh.ID",
            "usable_password": "true",
            "password1": "kata-sandi-panjang-987",
            "password2": "kata-sandi-panjang-987",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email="baru@contoh.id").exists()


def test_admin_user_add_rejects_duplicate_email(admin_client, ani):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "ANI@contoh.id",
            "usable_password": "true",
            "password1": "kata-sandi-panjang-987",
            "password2": "kata-sandi-panjang-987",
        },
    )
    assert response.status_code == 200
    assert "email" in response.context["adminform"].form.errors
    assert User.objects.filter(email__iexact="ani@contoh.id").count() == 1
