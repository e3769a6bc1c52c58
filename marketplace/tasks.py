"""Celery tasks of the marketplace: inquiry notification emails."""

import logging
from dataclasses import dataclass

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cooperatives.emails import absolute_url
from cooperatives.models import Cooperative, Membership
from cooperatives.rules import MANAGING_ROLES

from .models import Inquiry, InquiryReply

logger = logging.getLogger(__name__)

SUBJECT_TEMPLATE = "marketplace/email/inquiry_subject.txt"
BODY_TEMPLATE = "marketplace/email/inquiry_body.txt"


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str
    name: str


def notification_recipients(
    cooperative: Cooperative, *, exclude_user_id: int | None = None
) -> list[Recipient]:
    """Return the owners and managers of a cooperative, then its own address.

    The author of the message is left out, and each address appears once.
    The cooperative's own address gets the site's default language.
    """
    memberships = (
        Membership.objects.filter(
            cooperative=cooperative, role__in=MANAGING_ROLES, user__is_active=True
        )
        .exclude(user_id=exclude_user_id)
        .select_related("user")
        .order_by("pk")
    )
    candidates = [
        Recipient(
            membership.user.email,
            membership.user.language or settings.LANGUAGE_CODE,
            membership.user.display_name,
        )
        for membership in memberships
    ]
    if cooperative.email:
        candidates.append(
            Recipient(cooperative.email, settings.LANGUAGE_CODE, cooperative.name)
        )
    recipients, seen = [], set()
    for candidate in candidates:
        if candidate.email.lower() not in seen:
            seen.add(candidate.email.lower())
            recipients.append(candidate)
    return recipients


def _render(context: dict, recipient: Recipient) -> EmailMessage:
    with translation.override(recipient.language):
        context = {**context, "recipient_name": recipient.name}
        subject = render_to_string(SUBJECT_TEMPLATE, context)
        body = render_to_string(BODY_TEMPLATE, context)
    # A line break in a subject would end the header.
    subject = " ".join(subject.split())
    return EmailMessage(subject, body, to=[recipient.email])


@shared_task
def send_inquiry_notification(*, inquiry_id: int, reply_id: int | None = None) -> int:
    """Email the receiving side about a new inquiry or reply.

    Without reply_id the message is the inquiry itself, and it goes to the
    recipient cooperative. With reply_id it goes to the side that did not
    write the reply. Each address gets its own email in its own language.
    A failed address is logged and skipped, because the message stays in
    the inbox. Returns the number of emails sent.
    """
    inquiry = (
        Inquiry.objects.select_related(
            "sender",
            "sender_cooperative",
            "recipient_cooperative",
            "product__unit",
            "demand__category",
            "demand__unit",
        )
        .filter(pk=inquiry_id)
        .first()
    )
    if inquiry is None:
        logger.warning("Inquiry %s no longer exists; no email sent", inquiry_id)
        return 0
    reply = None
    if reply_id is not None:
        reply = (
            InquiryReply.objects.select_related("author", "author_cooperative")
            .filter(pk=reply_id, inquiry=inquiry)
            .first()
        )
        if reply is None:
            logger.warning("Reply %s no longer exists; no email sent", reply_id)
            return 0
    if reply is None:
        author_id, author_cooperative = inquiry.sender_id, inquiry.sender_cooperative
    else:
        author_id, author_cooperative = reply.author_id, reply.author_cooperative
    receiving = inquiry.other_side(author_cooperative)
    context = {
        "inquiry": inquiry,
        "reply": reply,
        "author_cooperative": author_cooperative,
        "message": reply.body if reply else inquiry.body,
        "sent_at": reply.created_at if reply else inquiry.created_at,
        "url": absolute_url(
            reverse("marketplace:inquiry-detail", kwargs={"pk": inquiry.pk})
        ),
    }
    recipients = notification_recipients(receiving, exclude_user_id=author_id)
    sent = 0
    with get_connection() as connection:
        for recipient in recipients:
            message = _render(context, recipient)
            message.connection = connection
            try:
                sent += message.send()
            except OSError:
                logger.exception(
                    "Notification about inquiry %s failed for a recipient of "
                    "cooperative %s",
                    inquiry.pk,
                    receiving.pk,
                )
    logger.info(
        "Sent %s of %s notifications about inquiry %s (reply %s)",
        sent,
        len(recipients),
        inquiry.pk,
        reply_id,
    )
    return sent
