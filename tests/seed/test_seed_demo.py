"""Tests of seed_demo. SeedDemoTests seeds an empty database once per class."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from accounts.models import FACILITATORS_GROUP
from cooperatives.events import InteractionKind
from cooperatives.models import Cooperative, Membership, Region
from ecobiz.embedded import DEMO_LOGINS, DEMO_PASSWORD
from marketplace.demo.accounts import CONSUMER_SLUG, PRODUCER_SLUG
from marketplace.demo.network import DESCRIPTION_NOTE, producer_slug
from marketplace.models import Demand, Inquiry, InquiryReply, Product
from marketplace.selectors import matches_for_demand
from monitoring.models import InteractionEvent
from tests.factories import ProductFactory

COUNTED_MODELS = (
    Region,
    Cooperative,
    Membership,
    Product,
    Demand,
    Inquiry,
    InquiryReply,
    InteractionEvent,
    EmailAddress,
)


def seed(*arguments: str) -> str:
    output = StringIO()
    call_command("seed_demo", *arguments, stdout=output)
    return output.getvalue()


def row_counts() -> dict[str, int]:
    counts = {model.__name__: model.objects.count() for model in COUNTED_MODELS}
    counts["User"] = get_user_model().objects.count()
    return counts


def demo_email(local_part: str) -> str:
    (email,) = [email for email, _ in DEMO_LOGINS if email.startswith(local_part)]
    return email


class SeedDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.output = seed()

    def test_loads_regions_first(self):
        assert Region.objects.count() == 27
        assert "Reference data for Jawa Barat" in self.output

    def test_cooperatives_in_all_regions(self):
        regions = Region.objects.filter(cooperatives__isnull=False).distinct()
        assert regions.count() == 27

    def test_producers_in_all_regions(self):
        sellers = Cooperative.objects.exclude(kind=Cooperative.Kind.CONSUMER)
        regions = Region.objects.filter(cooperatives__in=sellers).distinct()
        assert regions.count() == 27

    def test_default_size_counts(self):
        consumers = Cooperative.objects.filter(kind=Cooperative.Kind.CONSUMER)
        assert Cooperative.objects.count() == 81
        assert consumers.count() == 27

    def test_some_cooperatives_both(self):
        assert Cooperative.objects.filter(kind=Cooperative.Kind.BOTH).exists()

    def test_every_producer_has_products(self):
        sellers = Cooperative.objects.exclude(kind=Cooperative.Kind.CONSUMER)
        assert not sellers.filter(products__isnull=True).exists()

    def test_every_consumer_has_demands(self):
        consumers = Cooperative.objects.filter(kind=Cooperative.Kind.CONSUMER)
        assert not consumers.filter(demands__isnull=True).exists()

    def test_demands_delivered_to_own_region(self):
        for demand in Demand.objects.select_related("cooperative"):
            assert demand.delivery_region_id == demand.cooperative.region_id

    def test_demands_valid_90_days(self):
        for demand in Demand.objects.all():
            listed = timezone.localdate(demand.created_at)
            assert demand.valid_until == listed + timedelta(days=90)

    def test_demand_has_match(self):
        matched = [
            demand for demand in Demand.objects.open() if matches_for_demand(demand)
        ]
        assert len(matched) >= 1

    def test_demands_have_items(self):
        assert not Demand.objects.filter(item="").exists()

    def test_best_match_names_item(self):
        # Every rice, chilli and fruit demand with a match first lists a
        # product whose name shares a word with its item.
        firsts = [matches_for_demand(demand).first() for demand in Demand.objects.all()]
        matched = [first for first in firsts if first is not None]
        assert len(matched) >= 1
        assert [first.name for first in matched if not first.names_item] == []

    def test_consumer_account_demand_matches(self):
        producer = Cooperative.objects.get(slug=PRODUCER_SLUG)
        demands = Demand.objects.filter(cooperative__slug=CONSUMER_SLUG)
        matching = [
            demand
            for demand in demands
            if matches_for_demand(demand).filter(cooperative=producer).exists()
        ]
        assert len(matching) >= 1

    def test_search_data_filled(self):
        assert not Cooperative.objects.filter(search_vector__isnull=True).exists()
        assert not Cooperative.objects.filter(name_trigrams=[]).exists()

    def test_descriptions_mark_demo(self):
        for cooperative in Cooperative.objects.all():
            assert DESCRIPTION_NOTE in cooperative.description, cooperative.slug

    def test_inquiries_have_events(self):
        sent = InteractionEvent.objects.filter(kind=InteractionKind.INQUIRY_SENT)
        replied = InteractionEvent.objects.filter(kind=InteractionKind.INQUIRY_REPLIED)
        assert Inquiry.objects.count() >= 1
        assert sent.count() == Inquiry.objects.count()
        assert replied.count() == InquiryReply.objects.count()

    def test_events_within_30_days(self):
        inquiry_kinds = [InteractionKind.INQUIRY_SENT, InteractionKind.INQUIRY_REPLIED]
        events = InteractionEvent.objects.filter(kind__in=inquiry_kinds)
        oldest = timezone.now() - timedelta(days=30)
        assert not events.filter(occurred_at__lt=oldest).exists()
        assert not events.filter(occurred_at__gt=timezone.now()).exists()
        days = {timezone.localdate(event.occurred_at) for event in events}
        assert len(days) >= 10

    def test_messages_in_office_hours(self):
        jakarta = ZoneInfo("Asia/Jakarta")
        moments = [*Inquiry.objects.values_list("created_at", flat=True)]
        moments += InquiryReply.objects.values_list("created_at", flat=True)
        for moment in moments:
            assert 8 <= moment.astimezone(jakarta).hour <= 16, moment

    def test_replies_after_inquiry(self):
        for reply in InquiryReply.objects.select_related("inquiry"):
            assert reply.created_at > reply.inquiry.created_at

    def test_consumer_account_inquiry(self):
        inquiry = Inquiry.objects.filter(
            sender_cooperative__slug=CONSUMER_SLUG,
            recipient_cooperative__slug=PRODUCER_SLUG,
        ).first()
        assert inquiry is not None
        assert inquiry.sender.email == demo_email("konsumen")

    def test_admin_is_superuser(self):
        admin = get_user_model().objects.get(email=demo_email("admin"))
        assert admin.is_superuser
        assert admin.is_staff

    def test_facilitator_in_group(self):
        user = get_user_model().objects.get(email=demo_email("fasilitator"))
        assert user.groups.filter(name=FACILITATORS_GROUP).exists()

    def test_producer_account_owns_producer(self):
        membership = Membership.objects.get(user__email=demo_email("produsen"))
        assert membership.role == Membership.Role.OWNER
        assert membership.cooperative.kind == Cooperative.Kind.PRODUCER

    def test_consumer_account_owns_consumer(self):
        membership = Membership.objects.get(user__email=demo_email("konsumen"))
        assert membership.role == Membership.Role.OWNER
        assert membership.cooperative.kind == Cooperative.Kind.CONSUMER

    def test_staff_account_in_producer(self):
        membership = Membership.objects.get(user__email=demo_email("staf"))
        assert membership.role == Membership.Role.STAFF
        assert membership.cooperative.slug == PRODUCER_SLUG

    def test_demo_addresses_verified(self):
        for email, _ in DEMO_LOGINS:
            address = EmailAddress.objects.get(email=email)
            assert address.verified, email
            assert address.primary, email

    def test_demo_accounts_named(self):
        for email, _ in DEMO_LOGINS:
            user = get_user_model().objects.get(email=email)
            assert user.first_name, email
            assert user.last_name, email

    def test_generated_owners_cannot_log_in(self):
        owners = get_user_model().objects.filter(email__startswith="pengurus.")
        assert owners.exists()
        assert not any(owner.has_usable_password() for owner in owners)

    def login(self, email: str, password: str = DEMO_PASSWORD):
        return self.client.post(
            reverse("account_login"), {"login": email, "password": password}
        )

    def test_admin_login(self):
        response = self.login(demo_email("admin"))
        assert response.status_code == 302
        assert response["Location"] == reverse("dashboard")

    def test_facilitator_login(self):
        response = self.login(demo_email("fasilitator"))
        assert response.status_code == 302
        assert response["Location"] == reverse("dashboard")

    def test_producer_login(self):
        response = self.login(demo_email("produsen"))
        assert response.status_code == 302
        assert response["Location"] == reverse("dashboard")

    def test_consumer_login(self):
        response = self.login(demo_email("konsumen"))
        assert response.status_code == 302
        assert response["Location"] == reverse("dashboard")

    def test_staff_login(self):
        response = self.login(demo_email("staf"))
        assert response.status_code == 302
        assert response["Location"] == reverse("dashboard")

    def test_wrong_password_rejected(self):
        response = self.login(demo_email("produsen"), password="salah-sandi-123")
        assert response.status_code == 200
        assert "_auth_user_id" not in self.client.session

    def test_second_run_creates_nothing(self):
        before = row_counts()
        output = seed()
        assert row_counts() == before
        assert "created 0 cooperatives" in output

    def test_deleted_cooperative_recreated(self):
        # Names and figures come from generators seeded with the slug, and
        # the owner left from the first run is reused.
        slug = producer_slug("3201", 0)
        cooperative = Cooperative.objects.get(slug=slug)
        prices = sorted(cooperative.products.values_list("price", flat=True))
        users = get_user_model().objects.count()
        cooperative.delete()
        seed()
        again = Cooperative.objects.get(slug=slug)
        assert again.name == cooperative.name
        assert again.member_count == cooperative.member_count
        assert sorted(again.products.values_list("price", flat=True)) == prices
        assert get_user_model().objects.count() == users
        assert again.memberships.filter(role=Membership.Role.OWNER).count() == 1


@pytest.mark.django_db
def test_size_one_count():
    seed("--size", "1")
    consumers = Cooperative.objects.filter(kind=Cooperative.Kind.CONSUMER)
    assert Cooperative.objects.count() == 54
    assert consumers.count() == 27


@pytest.mark.django_db
def test_larger_size_adds_cooperatives():
    seed("--size", "1")
    seed("--size", "4")
    consumers = Cooperative.objects.filter(kind=Cooperative.Kind.CONSUMER)
    assert Cooperative.objects.count() == 27 * 6
    assert consumers.count() == 27 * 2


@pytest.mark.django_db
def test_size_zero_rejected():
    with pytest.raises(CommandError, match="at least 1"):
        seed("--size", "0")


@pytest.mark.django_db
def test_no_inquiry_to_registered():
    # A cheap product with ample capacity would be the best match of every
    # rice demand, but its cooperative is not a demo cooperative.
    registered = ProductFactory(
        price=1, monthly_capacity=Decimal("1000000"), cooperative__slug="tani-asli"
    ).cooperative
    seed("--size", "1")
    assert Inquiry.objects.exists()
    assert not Inquiry.objects.filter(recipient_cooperative=registered).exists()
