"""Writes to cooperatives, memberships and invitations."""

import logging

from django.contrib.postgres.search import SearchVector
from django.core.cache import cache
from django.db import transaction
from django.db.models import Value
from django.utils import timezone
from django.utils.text import slugify

from . import selectors
from .events import InteractionKind, announce
from .images import shrink_image
from .models import Cooperative, Invitation, Membership
from .search import normalise, trigrams
from .tasks import send_invitation, send_verified_notice

logger = logging.getLogger(__name__)

LOGO_MAX_SIDE = 512
# The cache key of a recorded profile view names its Jakarta day, so the key
# only has to outlive that day. 36 hours does from any time of day.
PROFILE_VIEW_KEY_SECONDS = 36 * 3600


class InvitationError(Exception):
    """Raised when an invitation cannot be accepted."""


def cooperative_refresh_search(*, cooperative: Cooperative) -> None:
    """Rebuild the stored search document and name trigrams of a cooperative."""
    Cooperative.objects.filter(pk=cooperative.pk).update(
        name_trigrams=trigrams(cooperative.name),
        search_vector=SearchVector(
            Value(normalise(cooperative.name)), weight="A", config="simple"
        )
        + SearchVector(
            Value(normalise(cooperative.description)), weight="B", config="simple"
        ),
    )


# Slugs whose profile URLs resolve to other pages: /koperasi/daftar/ and
# /koperasi/pilih/ are pages of their own, and /koperasi/undangan/ubah/ is
# read as an invitation link.
RESERVED_SLUGS = frozenset({"daftar", "pilih", "undangan"})


def _unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "koperasi"
    slug, number = base, 2
    while slug in RESERVED_SLUGS or Cooperative.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def cooperative_register(*, user, cooperative: Cooperative) -> Cooperative:
    """Save a new cooperative and make the registering user its owner."""
    cooperative.slug = _unique_slug(cooperative.name)
    cooperative.is_verified = False
    cooperative.save()
    Membership.objects.create(
        user=user, cooperative=cooperative, role=Membership.Role.OWNER
    )
    shrink_image(cooperative.logo, max_side=LOGO_MAX_SIDE)
    cooperative_refresh_search(cooperative=cooperative)
    logger.info("Cooperative %s registered by user %s", cooperative.pk, user.pk)
    return cooperative


@transaction.atomic
def cooperative_update(*, cooperative: Cooperative, logo_changed: bool) -> Cooperative:
    cooperative.save()
    if logo_changed:
        shrink_image(cooperative.logo, max_side=LOGO_MAX_SIDE)
    cooperative_refresh_search(cooperative=cooperative)
    return cooperative


@transaction.atomic
def cooperative_verify(*, cooperative: Cooperative, verified_by) -> bool:
    """Mark a cooperative as verified and email its owners after the commit.

    Returns False, changing nothing and sending no email, when the
    cooperative was already verified. The conditional UPDATE makes the
    second of two simultaneous requests find the row verified, so the
    first facilitator stays recorded and the owners get one email.
    """
    now = timezone.now()
    updated = Cooperative.objects.filter(pk=cooperative.pk, is_verified=False).update(
        is_verified=True, verified_by=verified_by, verified_at=now
    )
    if not updated:
        return False
    cooperative.is_verified = True
    cooperative.verified_by = verified_by
    cooperative.verified_at = now
    owner_ids = selectors.owners_of(cooperative).values_list("pk", flat=True)
    for user_id in owner_ids:
        # Bind user_id now: the lambdas run after the loop has finished.
        transaction.on_commit(
            lambda user_id=user_id: send_verified_notice.delay(cooperative.pk, user_id)
        )
    logger.info("Cooperative %s verified by user %s", cooperative.pk, verified_by.pk)
    return True


def cooperative_record_view(*, cooperative: Cooperative, user, viewer_cooperative):
    """Record that a member of another cooperative opened this profile.

    Only the first view per viewing cooperative, profile and Jakarta day is
    announced, so that reloading a page does not inflate the interaction
    figures that facilitators monitor.
    """
    if viewer_cooperative is None or viewer_cooperative.pk == cooperative.pk:
        return
    day = timezone.localdate()
    key = f"profile-view:{viewer_cooperative.pk}:{cooperative.pk}:{day.isoformat()}"
    if not cache.add(key, True, timeout=PROFILE_VIEW_KEY_SECONDS):
        return
    announce(
        InteractionKind.PROFILE_VIEW,
        user=user,
        cooperative=viewer_cooperative,
        target=cooperative,
        obj=cooperative,
    )


@transaction.atomic
def invitation_create(
    *, cooperative: Cooperative, email: str, role: str, invited_by
) -> Invitation:
    invitation = Invitation.objects.create(
        cooperative=cooperative,
        email=email.strip().lower(),
        role=role,
        invited_by=invited_by,
    )
    # The email goes out from a worker, so a slow or failing mail server does
    # not fail the request that created the invitation.
    transaction.on_commit(lambda: send_invitation.delay(invitation.pk))
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user) -> Membership:
    """Turn a usable invitation into a membership; each link works once."""
    invitation = Invitation.objects.select_for_update().filter(token=token).first()
    if invitation is None:
        raise InvitationError("not_found")
    if invitation.accepted_at is not None:
        raise InvitationError("used")
    if invitation.expires_at <= timezone.now():
        raise InvitationError("expired")
    membership, created = Membership.objects.get_or_create(
        user=user,
        cooperative=invitation.cooperative,
        defaults={"role": invitation.role},
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership
