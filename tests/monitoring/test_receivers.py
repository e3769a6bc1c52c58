import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from cooperatives.events import InteractionKind, announce
from cooperatives.models import Cooperative
from monitoring.models import InteractionEvent

pytestmark = pytest.mark.django_db


def test_announce_records_event(citra, consumer, producer):
    before = timezone.now()

    announce(
        InteractionKind.PROFILE_VIEW,
        user=citra,
        cooperative=consumer,
        target=producer,
        obj=producer,
    )

    event = InteractionEvent.objects.get()
    assert event.kind == InteractionKind.PROFILE_VIEW
    assert event.user == citra
    assert event.cooperative == consumer
    assert event.target == producer
    assert event.content_type == ContentType.objects.get_for_model(Cooperative)
    assert event.object_id == producer.pk
    assert before <= event.occurred_at <= timezone.now()


def test_announce_without_target_or_object(ani, producer):
    announce(InteractionKind.PRODUCT_LISTED, user=ani, cooperative=producer)

    event = InteractionEvent.objects.get()
    assert event.kind == InteractionKind.PRODUCT_LISTED
    assert event.target is None
    assert event.content_type is None
    assert event.object_id is None


def test_announce_anonymous_user_stored_as_none(producer, consumer):
    announce(
        InteractionKind.PROFILE_VIEW,
        user=AnonymousUser(),
        cooperative=consumer,
        target=producer,
    )

    event = InteractionEvent.objects.get()
    assert event.user is None
