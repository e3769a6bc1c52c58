from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image

from cooperatives import emails, selectors, services
from cooperatives.events import InteractionKind
from cooperatives.models import Cooperative, Invitation, Membership

from ..factories import MembershipFactory, UserFactory
from .uploads import png_upload


def _unsaved_cooperative(region, **fields):
    return Cooperative(
        name=fields.pop("name", "Koperasi Baru"),
        kind="producer",
        sector="agriculture",
        region=region,
        **fields,
    )


def test_register_makes_user_owner(eko, bandung):
    cooperative = services.cooperative_register(
        user=eko, cooperative=_unsaved_cooperative(bandung)
    )
    membership = Membership.objects.get(cooperative=cooperative)
    assert membership.user == eko
    assert membership.role == Membership.Role.OWNER


def test_register_sets_slug_from_name(eko, bandung):
    cooperative = services.cooperative_register(
        user=eko, cooperative=_unsaved_cooperative(bandung, name="Koperasi Baru")
    )
    assert cooperative.slug == "koperasi-baru"


def test_register_same_name_gets_numbered_slug(eko, bandung):
    for _ in range(2):
        cooperative = services.cooperative_register(
            user=eko, cooperative=_unsaved_cooperative(bandung, name="Koperasi Baru")
        )
    assert cooperative.slug == "koperasi-baru-2"


def test_register_never_starts_verified(eko, bandung):
    cooperative = services.cooperative_register(
        user=eko, cooperative=_unsaved_cooperative(bandung, is_verified=True)
    )
    cooperative.refresh_from_db()
    assert cooperative.is_verified is False


def test_register_fills_search_columns(eko, bandung):
    services.cooperative_register(
        user=eko, cooperative=_unsaved_cooperative(bandung, name="Koperasi Sukamaju")
    )
    found = selectors.search_cooperatives(Cooperative.objects.all(), "sukamaju")
    assert [cooperative.name for cooperative in found] == ["Koperasi Sukamaju"]


def test_register_shrinks_logo(eko, bandung):
    cooperative = _unsaved_cooperative(bandung, logo=png_upload(size=(2000, 1000)))
    services.cooperative_register(user=eko, cooperative=cooperative)
    cooperative.refresh_from_db()
    assert cooperative.logo.name.endswith(".webp")
    with Image.open(cooperative.logo.path) as image:
        assert image.size == (512, 256)


def test_update_refreshes_search(producer):
    producer.name = "Koperasi Sukamaju"
    services.cooperative_update(cooperative=producer, logo_changed=False)
    found = selectors.search_cooperatives(Cooperative.objects.all(), "sukamaju")
    assert [cooperative.pk for cooperative in found] == [producer.pk]


def test_verify_records_facilitator_and_time(producer, dewi):
    services.cooperative_verify(cooperative=producer, verified_by=dewi)
    producer.refresh_from_db()
    assert producer.is_verified is True
    assert producer.verified_by == dewi
    assert timezone.now() - producer.verified_at < timedelta(minutes=1)


def test_verify_again_changes_nothing(producer, dewi, admin_user):
    # Loaded before the first verification, as by a second request that
    # runs at the same time.
    stale = Cooperative.objects.get(pk=producer.pk)
    assert services.cooperative_verify(cooperative=producer, verified_by=dewi)
    assert not services.cooperative_verify(cooperative=stale, verified_by=admin_user)
    producer.refresh_from_db()
    assert producer.verified_by == dewi


def test_verify_emails_active_owners_only(
    producer, ani, budi, dewi, mailoutbox, django_capture_on_commit_callbacks
):
    inactive = MembershipFactory(
        cooperative=producer, role=Membership.Role.OWNER, user__is_active=False
    ).user
    with django_capture_on_commit_callbacks(execute=True):
        services.cooperative_verify(cooperative=producer, verified_by=dewi)
    recipients = [message.to[0] for message in mailoutbox]
    assert recipients == ["ani@contoh.id"]
    assert inactive.email not in recipients


def test_verify_emails_only_after_commit(
    producer, ani, dewi, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        services.cooperative_verify(cooperative=producer, verified_by=dewi)
    assert mailoutbox == []
    assert len(callbacks) == 1


def test_verified_email_skips_former_owner(producer, ani, dewi, mailoutbox):
    services.cooperative_verify(cooperative=producer, verified_by=dewi)
    Membership.objects.filter(user=ani).update(role=Membership.Role.STAFF)
    sent = emails.send_verified_email(cooperative_id=producer.pk, user_id=ani.pk)
    assert sent is False
    assert mailoutbox == []


def test_record_view_announces_profile_view(producer, consumer, citra, announced):
    services.cooperative_record_view(
        cooperative=producer, user=citra, viewer_cooperative=consumer
    )
    assert len(announced) == 1
    assert announced[0]["kind"] == InteractionKind.PROFILE_VIEW
    assert announced[0]["cooperative"] == consumer
    assert announced[0]["target"] == producer
    assert announced[0]["user"] == citra


def test_record_view_skips_own_cooperative(producer, ani, announced):
    services.cooperative_record_view(
        cooperative=producer, user=ani, viewer_cooperative=producer
    )
    assert announced == []


def test_record_view_skips_without_cooperative(producer, eko, announced):
    services.cooperative_record_view(
        cooperative=producer, user=eko, viewer_cooperative=None
    )
    assert announced == []


def test_invitation_create_lowercases_email(producer, ani):
    invitation = services.invitation_create(
        cooperative=producer, email=" Baru@Contoh.ID ", role="staff", invited_by=ani
    )
    assert invitation.email == "baru@contoh.id"


def test_invitation_create_expires_in_7_days(producer, ani):
    invitation = services.invitation_create(
        cooperative=producer, email="baru@contoh.id", role="staff", invited_by=ani
    )
    validity = invitation.expires_at - invitation.created_at
    assert abs(validity - timedelta(days=7)) < timedelta(seconds=5)


def test_invitation_create_emails_after_commit(
    producer, ani, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            cooperative=producer, email="baru@contoh.id", role="staff", invited_by=ani
        )
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["baru@contoh.id"]
    assert invitation.token in mailoutbox[0].body


def test_invitation_create_sends_nothing_before_commit(producer, ani, mailoutbox):
    services.invitation_create(
        cooperative=producer, email="baru@contoh.id", role="staff", invited_by=ani
    )
    assert mailoutbox == []


@pytest.fixture
def invitation(producer, ani):
    return Invitation.objects.create(
        cooperative=producer, email="eko@contoh.id", role="manager", invited_by=ani
    )


def test_invitation_accept_creates_membership(invitation, eko, producer):
    membership = services.invitation_accept(token=invitation.token, user=eko)
    assert membership.cooperative == producer
    assert membership.role == Membership.Role.MANAGER


def test_invitation_accept_marks_invitation_used(invitation, eko):
    services.invitation_accept(token=invitation.token, user=eko)
    invitation.refresh_from_db()
    assert invitation.accepted_by == eko
    assert invitation.accepted_at is not None


def test_invitation_accept_twice_raises_used(invitation, eko):
    services.invitation_accept(token=invitation.token, user=eko)
    with pytest.raises(services.InvitationError, match="used"):
        services.invitation_accept(token=invitation.token, user=UserFactory())


def test_invitation_accept_expired_raises(invitation, eko):
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    with pytest.raises(services.InvitationError, match="expired"):
        services.invitation_accept(token=invitation.token, user=eko)


def test_invitation_accept_expired_adds_no_member(invitation, eko):
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    with pytest.raises(services.InvitationError):
        services.invitation_accept(token=invitation.token, user=eko)
    assert not Membership.objects.filter(user=eko).exists()


def test_invitation_accept_unknown_token_raises(db, eko):
    with pytest.raises(services.InvitationError, match="not_found"):
        services.invitation_accept(token="no-such-token", user=eko)


def test_invitation_accept_keeps_existing_role(invitation, budi, producer):
    services.invitation_accept(token=invitation.token, user=budi)
    membership = Membership.objects.get(user=budi, cooperative=producer)
    assert membership.role == Membership.Role.STAFF
