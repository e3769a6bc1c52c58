"""Fixtures for the marketplace: a product, a demand and an inquiry between
the producer (Ani's Tani Makmur) and the consumer (Citra's Konsumen
Sejahtera), plus a third cooperative whose owner is an outsider to both.
"""

from decimal import Decimal

import pytest

from cooperatives.events import interaction
from cooperatives.models import Cooperative, Membership

from ..factories import (
    CooperativeFactory,
    DemandFactory,
    InquiryFactory,
    MembershipFactory,
    ProductFactory,
)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The personas' passwords are hashed on creation; PBKDF2's work factor
    # would make each test's setup take most of a second.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def eager_tasks(settings):
    """Run Celery tasks in the calling process, as Celery's eager mode does."""
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def announced():
    """Collect the interaction events that the code under test announces."""
    events = []

    def receive(sender, **kwargs):
        events.append(kwargs)

    interaction.connect(receive, dispatch_uid="tests.marketplace.announced")
    yield events
    interaction.disconnect(dispatch_uid="tests.marketplace.announced")


@pytest.fixture
def product(producer, ani):
    return ProductFactory(
        cooperative=producer,
        name="Beras Pandan Wangi",
        price=12_500,
        minimum_order=Decimal("50"),
        monthly_capacity=Decimal("3000"),
    )


@pytest.fixture
def demand(consumer, citra, garut):
    return DemandFactory(
        cooperative=consumer,
        monthly_quantity=Decimal("1000"),
        max_price=14_000,
        delivery_region=garut,
    )


@pytest.fixture
def inquiry(consumer, producer, citra, ani, product):
    """An unread inquiry from Citra's consumer cooperative to Ani's producer."""
    return InquiryFactory(
        sender=citra,
        sender_cooperative=consumer,
        recipient_cooperative=producer,
        product=product,
        subject="Tentang Beras Pandan Wangi",
        body="Bisa kirim 1 ton per bulan ke Garut?",
    )


@pytest.fixture
def third_cooperative(db):
    return CooperativeFactory(
        name="Koperasi Serba Usaha Mandiri",
        slug="koperasi-serba-usaha-mandiri",
        kind=Cooperative.Kind.BOTH,
    )


@pytest.fixture
def outsider(third_cooperative):
    """The owner of a third cooperative, outside both the producer and consumer."""
    return MembershipFactory(
        cooperative=third_cooperative,
        role=Membership.Role.OWNER,
        user__email="hadi@contoh.id",
    ).user
