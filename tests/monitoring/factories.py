"""Factories for monitoring rows with a chosen time, which announce() cannot set."""

import factory
from django.utils import timezone

from cooperatives.events import InteractionKind
from monitoring.models import DailyMetric, InteractionEvent

from ..factories import CooperativeFactory


class InteractionEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InteractionEvent

    kind = InteractionKind.INQUIRY_SENT
    cooperative = factory.SubFactory(CooperativeFactory)
    target = None
    occurred_at = factory.LazyFunction(timezone.now)


class DailyMetricFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DailyMetric

    active_cooperatives = 2
    inquiries_sent = 3
    replies = 1
    cross_type_interactions = 4
