"""Writes to products, demands and inquiries.

Each write announces its interaction event, and inquiry writes queue the
notification emails once the transaction commits.
"""

import logging
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from cooperatives.events import InteractionKind, announce
from cooperatives.images import shrink_image
from cooperatives.models import Cooperative
from cooperatives.rules import is_member

from .models import Demand, Inquiry, InquiryReply, Product
from .tasks import send_inquiry_notification

logger = logging.getLogger(__name__)

PHOTO_MAX_SIDE = 800


class CooperativeKindError(Exception):
    """Raised when a cooperative's kind does not allow the action.

    Only producer cooperatives list products, and only consumer cooperatives
    share demands. A cooperative of kind "both" may do both.
    """


class InquiryError(Exception):
    """Raised when an inquiry or a reply cannot be sent as requested."""


class DuplicateInquiry(InquiryError):  # noqa: N818 - reads as the situation
    """Raised when the same inquiry was sent moments ago, as on a double submit."""

    def __init__(self, inquiry: Inquiry):
        super().__init__(f"Inquiry {inquiry.pk} was already sent.")
        self.inquiry = inquiry


# A second identical inquiry within this window is a repeated submit (a
# double tap, a reload or a second tab), not a new conversation.
DUPLICATE_WINDOW = timedelta(minutes=10)


def _require_seller(cooperative: Cooperative) -> None:
    if not cooperative.can_sell:
        raise CooperativeKindError(
            f"Cooperative {cooperative.pk} is not a producer and cannot list products."
        )


def _require_buyer(cooperative: Cooperative) -> None:
    if not cooperative.can_buy:
        raise CooperativeKindError(
            f"Cooperative {cooperative.pk} is not a consumer and cannot share demands."
        )


# Products


@transaction.atomic
def product_create(*, product: Product, cooperative: Cooperative, user) -> Product:
    """Save a new product of a producer cooperative and shrink its photo."""
    _require_seller(cooperative)
    product.cooperative = cooperative
    product.save()
    shrink_image(product.photo, max_side=PHOTO_MAX_SIDE)
    announce(
        InteractionKind.PRODUCT_LISTED,
        user=user,
        cooperative=cooperative,
        obj=product,
    )
    logger.info("Product %s listed by cooperative %s", product.pk, cooperative.pk)
    return product


@transaction.atomic
def product_update(*, product: Product, photo_changed: bool = False) -> Product:
    """Save changes to a product, shrinking a new photo and deleting the old file.

    The old file is deleted only after the transaction commits.
    """
    _require_seller(product.cooperative)
    previous_photo = (
        Product.objects.filter(pk=product.pk).values_list("photo", flat=True).get()
    )
    product.save()
    if photo_changed:
        shrink_image(product.photo, max_side=PHOTO_MAX_SIDE)
        if previous_photo and previous_photo != product.photo.name:
            storage = product.photo.storage
            transaction.on_commit(lambda: storage.delete(previous_photo))
    return product


# Demands


@transaction.atomic
def demand_share(*, demand: Demand, cooperative: Cooperative, user) -> Demand:
    """Save a new demand of a consumer cooperative."""
    _require_buyer(cooperative)
    demand.cooperative = cooperative
    demand.save()
    announce(
        InteractionKind.DEMAND_SHARED,
        user=user,
        cooperative=cooperative,
        obj=demand,
    )
    logger.info("Demand %s shared by cooperative %s", demand.pk, cooperative.pk)
    return demand


@transaction.atomic
def demand_update(*, demand: Demand) -> Demand:
    _require_buyer(demand.cooperative)
    demand.save()
    return demand


# Inquiries


def _check_subject_objects(
    *, product: Product | None, demand: Demand | None, sides: set[int]
) -> None:
    for obj in (product, demand):
        if obj is not None and obj.cooperative_id not in sides:
            raise InquiryError(
                f"{obj._meta.model_name} {obj.pk} belongs to neither cooperative."
            )


def _queue_notification(*, inquiry_id: int, reply_id: int | None = None) -> None:
    transaction.on_commit(
        lambda: send_inquiry_notification.delay(
            inquiry_id=inquiry_id, reply_id=reply_id
        )
    )


@transaction.atomic
def inquiry_send(
    *,
    sender,
    sender_cooperative: Cooperative,
    recipient_cooperative: Cooperative,
    subject: str,
    body: str,
    product: Product | None = None,
    demand: Demand | None = None,
) -> Inquiry:
    """Open an inquiry from one cooperative to another and notify the recipient.

    The product or demand it is about, if any, must belong to one of the two
    cooperatives. Raises InquiryError for an inquiry to the sender's own
    cooperative and PermissionDenied when the sender is not its member.
    """
    if sender_cooperative.pk == recipient_cooperative.pk:
        raise InquiryError("A cooperative cannot send an inquiry to itself.")
    if not is_member(sender, sender_cooperative):
        raise PermissionDenied
    _check_subject_objects(
        product=product,
        demand=demand,
        sides={sender_cooperative.pk, recipient_cooperative.pk},
    )
    # Locking the sender's row serialises its sends, so two identical posts
    # from two tabs cannot both pass the duplicate check.
    Cooperative.objects.select_for_update().filter(pk=sender_cooperative.pk).first()
    now = timezone.now()
    earlier = Inquiry.objects.filter(
        sender_cooperative=sender_cooperative,
        recipient_cooperative=recipient_cooperative,
        product=product,
        demand=demand,
        subject=subject,
        body=body,
        created_at__gte=now - DUPLICATE_WINDOW,
    ).first()
    if earlier is not None:
        raise DuplicateInquiry(earlier)
    inquiry = Inquiry.objects.create(
        sender=sender,
        sender_cooperative=sender_cooperative,
        recipient_cooperative=recipient_cooperative,
        product=product,
        demand=demand,
        subject=subject,
        body=body,
        created_at=now,
        last_message_at=now,
        sender_read_at=now,
    )
    announce(
        InteractionKind.INQUIRY_SENT,
        user=sender,
        cooperative=sender_cooperative,
        target=recipient_cooperative,
        obj=inquiry,
    )
    _queue_notification(inquiry_id=inquiry.pk)
    logger.info(
        "Inquiry %s sent from cooperative %s to cooperative %s",
        inquiry.pk,
        sender_cooperative.pk,
        recipient_cooperative.pk,
    )
    return inquiry


def mark_thread_replied(inquiry: Inquiry, *, author_cooperative, at) -> None:
    """Move a thread's last activity to `at` and make it unread for the other side.

    The author's side has read everything up to its own reply. The caller
    saves the inquiry.
    """
    inquiry.last_message_at = at
    if author_cooperative.pk == inquiry.sender_cooperative_id:
        inquiry.sender_read_at, inquiry.recipient_read_at = at, None
    else:
        inquiry.sender_read_at, inquiry.recipient_read_at = None, at


@transaction.atomic
def inquiry_reply(
    *, inquiry: Inquiry, author, author_cooperative: Cooperative, body: str
) -> InquiryReply:
    """Add a reply to an inquiry's thread and notify the other side.

    The thread becomes unread for the other side. Raises PermissionDenied
    unless the author is a member of author_cooperative and that cooperative
    is one of the two sides.
    """
    sides = {inquiry.sender_cooperative_id, inquiry.recipient_cooperative_id}
    if author_cooperative.pk not in sides or not is_member(author, author_cooperative):
        raise PermissionDenied
    now = timezone.now()
    reply = InquiryReply.objects.create(
        inquiry=inquiry,
        author=author,
        author_cooperative=author_cooperative,
        body=body,
        created_at=now,
    )
    mark_thread_replied(inquiry, author_cooperative=author_cooperative, at=now)
    inquiry.save(
        update_fields=["last_message_at", "sender_read_at", "recipient_read_at"]
    )
    announce(
        InteractionKind.INQUIRY_REPLIED,
        user=author,
        cooperative=author_cooperative,
        target=inquiry.other_side(author_cooperative),
        obj=inquiry,
    )
    _queue_notification(inquiry_id=inquiry.pk, reply_id=reply.pk)
    logger.info(
        "Reply %s to inquiry %s by cooperative %s",
        reply.pk,
        inquiry.pk,
        author_cooperative.pk,
    )
    return reply


def inquiry_mark_read(*, inquiry: Inquiry, cooperative: Cooperative) -> bool:
    """Mark the inquiry read for one side and return whether it was unread.

    Only an unread side is updated, so opening a read thread writes nothing.
    """
    if cooperative.pk == inquiry.recipient_cooperative_id:
        field = "recipient_read_at"
    elif cooperative.pk == inquiry.sender_cooperative_id:
        field = "sender_read_at"
    else:
        raise PermissionDenied
    now = timezone.now()
    updated = Inquiry.objects.filter(
        pk=inquiry.pk, **{f"{field}__isnull": True}
    ).update(**{field: now})
    if updated:
        setattr(inquiry, field, now)
    return bool(updated)
