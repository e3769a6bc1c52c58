"""Emails about cooperatives, rendered in the recipient's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Invitation


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
