"""Interaction history for the demo: listing events, inquiries and replies.

Events go through cooperatives.events.announce, so monitoring records them
as it records real ones. announce stamps them with the current time, so
the EventLog then moves each one to the created_at of its row, and the
monitoring chart shows the last 30 days.
"""

import logging
import random
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max

from cooperatives.events import InteractionKind, announce
from cooperatives.models import Cooperative

from ..models import Demand, Inquiry, InquiryReply, Product
from ..selectors import matches_for_demand
from ..services import mark_thread_replied
from . import timeline
from .network import SLUG_PREFIX, NewNetwork

logger = logging.getLogger(__name__)

# Share of inquiries that get a reply from the producer, and of replied ones
# that get a follow-up from the consumer (assumptions for a believable inbox).
REPLY_SHARE = 0.8
FOLLOW_UP_SHARE = 0.5
# Each message of a thread comes at most one day after the one before it
# (see timeline.REPLY_HOURS), so only an inquiry at least 3 days old gets a
# follow-up that is not dated in the future.
FOLLOW_UP_MIN_AGE = timedelta(days=3)
INQUIRIES_PER_CONSUMER = 2


def _rupiah(amount: int) -> str:
    return "Rp" + f"{amount:,}".replace(",", ".")


class EventLog:
    """Announce events and move each recorded one to its historical moment."""

    def __init__(self) -> None:
        try:
            self._event_model = apps.get_model("monitoring", "InteractionEvent")
        except LookupError:
            self._event_model = None
        self._last_pk = self._max_pk()
        self._moments: dict[tuple, deque[datetime]] = defaultdict(deque)

    def _max_pk(self) -> int:
        if self._event_model is None:
            return 0
        return self._event_model.objects.aggregate(last=Max("pk"))["last"] or 0

    def announce(self, kind, *, when: datetime, user, cooperative, obj, target=None):
        announce(kind, user=user, cooperative=cooperative, target=target, obj=obj)
        content_type = ContentType.objects.get_for_model(obj)
        self._moments[(str(kind), content_type.pk, obj.pk)].append(when)

    def backdate(self) -> int:
        """Set occurred_at of the events announced since creation and count them.

        Events of the same kind and object get their moments in announce
        order, which is also their primary key order.
        """
        if self._event_model is None:
            return 0
        events = list(
            self._event_model.objects.filter(pk__gt=self._last_pk).order_by("pk")
        )
        changed = []
        for event in events:
            moments = self._moments.get(
                (event.kind, event.content_type_id, event.object_id)
            )
            if moments:
                event.occurred_at = moments.popleft()
                changed.append(event)
        self._event_model.objects.bulk_update(changed, ["occurred_at"], batch_size=500)
        return len(changed)


def announce_listings(network: NewNetwork, owners: dict[int, object], log: EventLog):
    """Announce each new product and demand at the moment it was listed."""
    for product in network.products:
        log.announce(
            InteractionKind.PRODUCT_LISTED,
            when=product.created_at,
            user=owners.get(product.cooperative_id),
            cooperative=product.cooperative,
            obj=product,
        )
    for demand in network.demands:
        log.announce(
            InteractionKind.DEMAND_SHARED,
            when=demand.created_at,
            user=owners.get(demand.cooperative_id),
            cooperative=demand.cooperative,
            obj=demand,
        )


@dataclass
class Conversation:
    """An inquiry with its replies, before it is saved."""

    inquiry: Inquiry
    replies: list[InquiryReply] = field(default_factory=list)


def _best_product(demand: Demand, preferred_slug: str) -> Product | None:
    """Return the best demo product matching a demand, or None.

    Only products of demo cooperatives count, so that no demo inquiry lands
    in the inbox of a cooperative that a person registered. With
    preferred_slug, only that cooperative's products count.
    """
    matches = matches_for_demand(demand).filter(
        cooperative__slug__startswith=SLUG_PREFIX
    )
    if preferred_slug:
        matches = matches.filter(cooperative__slug=preferred_slug)
    return matches.first()


def _inquiry_text(demand: Demand, product: Product) -> tuple[str, str]:
    quantity = f"{demand.monthly_quantity.normalize():f}"
    subject = f"Permintaan {product.name}"
    body = (
        f"Selamat siang. Koperasi kami membutuhkan sekitar {quantity} "
        f"{demand.unit.name_id} {demand.item.lower()} per bulan, "
        f"dikirim ke {demand.delivery_region.name}. Apakah {product.name} bisa "
        f"dipasok rutin dengan harga {_rupiah(product.price)} per "
        f"{product.unit.name_id}?"
    )
    return subject, body


def _conversation(consumer, demand, product, owners, rng, *, today) -> Conversation:
    sent_at = timeline.office_hours_moment(rng, today=today, days=timeline.INQUIRY_DAYS)
    subject, body = _inquiry_text(demand, product)
    inquiry = Inquiry(
        sender=owners.get(consumer.pk),
        sender_cooperative=consumer,
        recipient_cooperative=product.cooperative,
        product=product,
        demand=demand,
        subject=subject,
        body=body,
        created_at=sent_at,
        last_message_at=sent_at,
        sender_read_at=sent_at,
    )
    conversation = Conversation(inquiry)
    if rng.random() >= REPLY_SHARE:
        return conversation
    answer = (
        f"Bisa. Kapasitas kami {product.monthly_capacity.normalize():f} "
        f"{product.unit.name_id} per bulan. Kami kirim contoh dulu minggu ini."
    )
    _add_reply(conversation, product.cooperative, answer, owners, rng)
    if rng.random() < FOLLOW_UP_SHARE and sent_at.date() <= today - FOLLOW_UP_MIN_AGE:
        follow_up = "Terima kasih. Mohon kirim contoh dan rincian ongkos kirim."
        _add_reply(conversation, consumer, follow_up, owners, rng)
    return conversation


def _add_reply(conversation: Conversation, author_cooperative, body, owners, rng):
    """Append a reply and leave the read marks as inquiry_reply would."""
    inquiry = conversation.inquiry
    sent_at = timeline.reply_moment(rng, inquiry.last_message_at)
    conversation.replies.append(
        InquiryReply(
            inquiry=inquiry,
            author=owners.get(author_cooperative.pk),
            author_cooperative=author_cooperative,
            body=body,
            created_at=sent_at,
        )
    )
    mark_thread_replied(inquiry, author_cooperative=author_cooperative, at=sent_at)


def plan_conversations(
    network: NewNetwork, owners: dict[int, object], *, preferred: dict[str, str]
) -> list[Conversation]:
    """Plan up to INQUIRIES_PER_CONSUMER inquiries from each new consumer.

    Each inquiry concerns one of the consumer's demands and goes to the
    cooperative of its best-matching product. preferred maps a consumer's
    slug to the producer slug that its first inquiry must go to. Demands
    that match nothing get no inquiry.
    """
    today = timeline.jakarta_today()
    demands_by_cooperative = defaultdict(list)
    for demand in network.demands:
        demands_by_cooperative[demand.cooperative_id].append(demand)
    conversations = []
    for cooperative in network.cooperatives:
        if cooperative.kind != Cooperative.Kind.CONSUMER:
            continue
        rng = random.Random(f"{cooperative.slug}/inquiry")  # noqa: S311 - demo data
        demands = demands_by_cooperative[cooperative.pk]
        rng.shuffle(demands)
        sent = 0
        for demand in demands:
            if sent == INQUIRIES_PER_CONSUMER:
                break
            preferred_slug = preferred.get(cooperative.slug, "") if sent == 0 else ""
            product = _best_product(demand, preferred_slug)
            if product is None:
                continue
            conversations.append(
                _conversation(cooperative, demand, product, owners, rng, today=today)
            )
            sent += 1
    return conversations


def save_conversations(
    conversations: list[Conversation], owners: dict[int, object], log: EventLog
) -> tuple[int, int]:
    """Save and announce the inquiries and replies and return their counts."""
    Inquiry.objects.bulk_create([c.inquiry for c in conversations])
    replies = []
    for conversation in conversations:
        inquiry = conversation.inquiry
        log.announce(
            InteractionKind.INQUIRY_SENT,
            when=inquiry.created_at,
            user=inquiry.sender,
            cooperative=inquiry.sender_cooperative,
            target=inquiry.recipient_cooperative,
            obj=inquiry,
        )
        for reply in conversation.replies:
            reply.inquiry = inquiry
            replies.append(reply)
            log.announce(
                InteractionKind.INQUIRY_REPLIED,
                when=reply.created_at,
                user=reply.author,
                cooperative=reply.author_cooperative,
                target=inquiry.other_side(reply.author_cooperative),
                obj=inquiry,
            )
    InquiryReply.objects.bulk_create(replies)
    if conversations:
        logger.info(
            "Created %s demo inquiries with %s replies",
            len(conversations),
            len(replies),
        )
    return len(conversations), len(replies)
