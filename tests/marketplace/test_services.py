from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from PIL import Image

from cooperatives.events import InteractionKind
from marketplace import services
from marketplace.models import Demand, Inquiry, InquiryReply, Product

from ..factories import category, unit
from .helpers import jpeg_upload

pytestmark = pytest.mark.django_db


def _new_product(**fields) -> Product:
    values = {
        "name": "Kopi Arabika Malabar",
        "category": category("kopi"),
        "unit": unit("kg"),
        "price": 95_000,
        "monthly_capacity": Decimal("200"),
        **fields,
    }
    return Product(**values)


def _new_demand(region, **fields) -> Demand:
    values = {
        "category": category("beras"),
        "unit": unit("kg"),
        "monthly_quantity": Decimal("500"),
        "max_price": 13_000,
        "delivery_region": region,
        "valid_until": timezone.localdate() + timedelta(days=30),
        **fields,
    }
    return Demand(**values)


# Products


def test_product_create_saves(producer, ani):
    product = services.product_create(
        product=_new_product(), cooperative=producer, user=ani
    )
    product.refresh_from_db()
    assert product.cooperative == producer
    assert product.price == 95_000


def test_product_create_announces(producer, ani, announced):
    product = services.product_create(
        product=_new_product(), cooperative=producer, user=ani
    )
    assert len(announced) == 1
    assert announced[0]["kind"] == InteractionKind.PRODUCT_LISTED
    assert announced[0]["cooperative"] == producer
    assert announced[0]["user"] == ani
    assert announced[0]["target"] is None
    assert announced[0]["obj"] == product


def test_product_create_consumer_rejected(consumer, citra, announced):
    with pytest.raises(services.CooperativeKindError):
        services.product_create(
            product=_new_product(), cooperative=consumer, user=citra
        )
    assert Product.objects.count() == 0
    assert announced == []


def test_product_create_shrinks_photo(producer, ani):
    product = services.product_create(
        product=_new_product(photo=jpeg_upload(2000, 1000)),
        cooperative=producer,
        user=ani,
    )
    product.refresh_from_db()
    assert product.photo.name.endswith(".webp")
    with Image.open(product.photo.path) as image:
        assert image.size == (800, 400)


def test_product_update_replaces_photo(
    producer, ani, django_capture_on_commit_callbacks
):
    product = services.product_create(
        product=_new_product(photo=jpeg_upload(1000, 1000, "lama.jpg")),
        cooperative=producer,
        user=ani,
    )
    old_path = product.photo.path
    product.photo = jpeg_upload(1200, 900, "baru.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        services.product_update(product=product, photo_changed=True)
    product.refresh_from_db()
    assert "baru" in product.photo.name
    with Image.open(product.photo.path) as image:
        assert image.size == (800, 600)
    assert not product.photo.storage.exists(old_path)


def test_product_update_keeps_photo(producer, ani, django_capture_on_commit_callbacks):
    product = services.product_create(
        product=_new_product(photo=jpeg_upload(600, 600)),
        cooperative=producer,
        user=ani,
    )
    name = product.photo.name
    product.price = 99_000
    with django_capture_on_commit_callbacks(execute=True):
        services.product_update(product=product)
    product.refresh_from_db()
    assert product.price == 99_000
    assert product.photo.name == name
    assert product.photo.storage.exists(name)


def test_product_update_consumer_rejected(product, producer):
    producer.kind = "consumer"
    producer.save()
    product.price = 1
    with pytest.raises(services.CooperativeKindError):
        services.product_update(product=product)
    product.refresh_from_db()
    assert product.price == 12_500


# Demands


def test_demand_share_saves(consumer, citra, garut, announced):
    demand = services.demand_share(
        demand=_new_demand(garut), cooperative=consumer, user=citra
    )
    assert Demand.objects.get().cooperative == consumer
    assert announced[0]["kind"] == InteractionKind.DEMAND_SHARED
    assert announced[0]["cooperative"] == consumer
    assert announced[0]["obj"] == demand


def test_demand_share_producer_rejected(producer, ani, bandung, announced):
    with pytest.raises(services.CooperativeKindError):
        services.demand_share(
            demand=_new_demand(bandung), cooperative=producer, user=ani
        )
    assert Demand.objects.count() == 0
    assert announced == []


def test_demand_update_saves(demand):
    demand.max_price = 15_000
    services.demand_update(demand=demand)
    demand.refresh_from_db()
    assert demand.max_price == 15_000


def test_demand_update_producer_rejected(demand, consumer):
    consumer.kind = "producer"
    consumer.save()
    demand.max_price = 1
    with pytest.raises(services.CooperativeKindError):
        services.demand_update(demand=demand)
    demand.refresh_from_db()
    assert demand.max_price == 14_000


# Inquiries


def _send(citra, consumer, producer, **extra) -> Inquiry:
    return services.inquiry_send(
        sender=citra,
        sender_cooperative=consumer,
        recipient_cooperative=producer,
        subject="Tentang beras",
        body="Berapa harga untuk 2 ton?",
        **extra,
    )


def test_inquiry_send_saves(citra, consumer, producer, product):
    inquiry = _send(citra, consumer, producer, product=product)
    inquiry.refresh_from_db()
    assert inquiry.product == product
    assert inquiry.sender_read_at is not None
    assert inquiry.recipient_read_at is None
    assert inquiry.last_message_at == inquiry.created_at


def test_inquiry_send_announces(citra, consumer, producer, announced):
    inquiry = _send(citra, consumer, producer)
    assert announced[0]["kind"] == InteractionKind.INQUIRY_SENT
    assert announced[0]["cooperative"] == consumer
    assert announced[0]["target"] == producer
    assert announced[0]["obj"] == inquiry


def test_inquiry_send_own_cooperative(ani, producer, announced):
    with pytest.raises(services.InquiryError):
        _send(ani, producer, producer)
    assert Inquiry.objects.count() == 0
    assert announced == []


def test_inquiry_send_non_member(ani, consumer, producer):
    with pytest.raises(PermissionDenied):
        _send(ani, consumer, producer)
    assert Inquiry.objects.count() == 0


def test_inquiry_send_foreign_product(citra, consumer, producer, third_cooperative):
    from ..factories import ProductFactory

    foreign = ProductFactory(cooperative=third_cooperative)
    with pytest.raises(services.InquiryError):
        _send(citra, consumer, producer, product=foreign)
    assert Inquiry.objects.count() == 0


def test_inquiry_send_emails_managers(
    citra,
    consumer,
    producer,
    ani,
    budi,
    eager_tasks,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        _send(citra, consumer, producer)
    recipients = [message.to for message in mail.outbox]
    assert recipients == [["ani@contoh.id"]]


def test_inquiry_send_no_email_before_commit(
    citra, consumer, producer, ani, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _send(citra, consumer, producer)
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_inquiry_reply_saves(inquiry, ani, producer):
    before = inquiry.last_message_at
    reply = services.inquiry_reply(
        inquiry=inquiry, author=ani, author_cooperative=producer, body="Bisa, Bu."
    )
    inquiry.refresh_from_db()
    assert inquiry.last_message_at == reply.created_at
    assert inquiry.last_message_at > before
    assert inquiry.recipient_read_at is not None
    assert inquiry.sender_read_at is None


def test_inquiry_reply_announces(inquiry, ani, producer, consumer, announced):
    services.inquiry_reply(
        inquiry=inquiry, author=ani, author_cooperative=producer, body="Bisa."
    )
    assert announced[0]["kind"] == InteractionKind.INQUIRY_REPLIED
    assert announced[0]["cooperative"] == producer
    assert announced[0]["target"] == consumer
    assert announced[0]["obj"] == inquiry


def test_inquiry_reply_by_sender_targets_recipient(
    inquiry, citra, consumer, producer, announced
):
    services.inquiry_reply(
        inquiry=inquiry, author=citra, author_cooperative=consumer, body="Ditunggu."
    )
    inquiry.refresh_from_db()
    assert announced[0]["target"] == producer
    assert inquiry.recipient_read_at is None
    assert inquiry.sender_read_at is not None


def test_inquiry_reply_outsider(inquiry, outsider, third_cooperative, announced):
    with pytest.raises(PermissionDenied):
        services.inquiry_reply(
            inquiry=inquiry,
            author=outsider,
            author_cooperative=third_cooperative,
            body="Saya juga mau.",
        )
    assert InquiryReply.objects.count() == 0
    assert announced == []


def test_inquiry_reply_wrong_side(inquiry, outsider, producer):
    with pytest.raises(PermissionDenied):
        services.inquiry_reply(
            inquiry=inquiry, author=outsider, author_cooperative=producer, body="Hai"
        )
    assert InquiryReply.objects.count() == 0


def test_inquiry_reply_emails_other_side(
    inquiry, ani, producer, citra, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_reply(
            inquiry=inquiry, author=ani, author_cooperative=producer, body="Bisa."
        )
    assert [message.to for message in mail.outbox] == [["citra@contoh.id"]]


def test_mark_read_recipient(inquiry, producer):
    assert services.inquiry_mark_read(inquiry=inquiry, cooperative=producer) is True
    inquiry.refresh_from_db()
    assert inquiry.recipient_read_at is not None


def test_mark_read_twice(inquiry, producer):
    services.inquiry_mark_read(inquiry=inquiry, cooperative=producer)
    first = Inquiry.objects.get().recipient_read_at
    assert services.inquiry_mark_read(inquiry=inquiry, cooperative=producer) is False
    assert Inquiry.objects.get().recipient_read_at == first


def test_mark_read_sender_side(inquiry, consumer):
    services.inquiry_mark_read(inquiry=inquiry, cooperative=consumer)
    inquiry.refresh_from_db()
    assert inquiry.sender_read_at is not None
    assert inquiry.recipient_read_at is None


def test_mark_read_outsider(inquiry, third_cooperative):
    with pytest.raises(PermissionDenied):
        services.inquiry_mark_read(inquiry=inquiry, cooperative=third_cooperative)
    inquiry.refresh_from_db()
    assert inquiry.recipient_read_at is None
