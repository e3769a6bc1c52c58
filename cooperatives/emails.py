"""Emails about cooperatives, rendered in the recipient's language."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Cooperative, Invitation
from .selectors import owners_of

logger = logging.getLogger(__name__)


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def send_invitation_email(*, invitation_id: int) -> None:
    invitation = Invitation.objects.select_related("cooperative", "invited_by").get(
        pk=invitation_id
    )
    language = (
        invitation.invited_by.language
        if invitation.invited_by
        else settings.LANGUAGE_CODE
    )
    with translation.override(language):
        context = {
            "invitation": invitation,
            "accept_url": absolute_url(
                reverse("cooperatives:invitation-accept", args=[invitation.token])
            ),
        }
        subject = render_to_string("cooperatives/email/invitation_subject.txt", context)
        body = render_to_string("cooperatives/email/invitation_body.txt", context)
    # A line break in a subject would end the header, and a cooperative name
    # posted without the browser can contain one.
    subject = " ".join(subject.split())
    send_mail(subject, body, None, [invitation.email])


def send_verified_email(*, cooperative_id: int, user_id: int) -> bool:
    """Tell one owner that a facilitator verified their cooperative.

    Returns False, sending nothing, when the cooperative is gone, is no longer
    verified, or the user is no longer an active owner of it.
    """
    cooperative = (
        Cooperative.objects.select_related("region")
        .filter(pk=cooperative_id, is_verified=True)
        .first()
    )
    owner = None
    if cooperative is not None:
        owner = owners_of(cooperative).filter(pk=user_id).first()
    if cooperative is None or owner is None:
        logger.warning(
            "No verification email for user %s: cooperative %s is not verified "
            "or the user is not an active owner of it",
            user_id,
            cooperative_id,
        )
        return False
    with translation.override(owner.language or settings.LANGUAGE_CODE):
        context = {
            "cooperative": cooperative,
            "recipient_name": owner.display_name,
            "profile_url": absolute_url(cooperative.get_absolute_url()),
        }
        subject = render_to_string("cooperatives/email/verified_subject.txt", context)
        body = render_to_string("cooperatives/email/verified_body.txt", context)
    subject = " ".join(subject.split())
    send_mail(subject, body, None, [owner.email])
    return True
