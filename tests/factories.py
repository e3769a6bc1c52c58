"""factory_boy factories shared by the test suite."""

from datetime import timedelta
from decimal import Decimal

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import User
from cooperatives.models import Cooperative, Membership, Province, Region
from marketplace.models import Category, Demand, Inquiry, Product, Unit

PASSWORD = "kata-sandi-uji-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda number: f"pengguna{number}@contoh.id")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    language = "id"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save()
            EmailAddress.objects.create(
                user=self, email=self.email, verified=True, primary=True
            )


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ("bps_code",)

    bps_code = "32"
    name = "Jawa Barat"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("bps_code",)

    province = factory.SubFactory(ProvinceFactory)
    bps_code = factory.Sequence(lambda number: f"{3201 + number % 70}")
    kemendagri_code = factory.LazyAttribute(
        lambda region: f"{region.bps_code[:2]}.{region.bps_code[2:]}"
    )
    kind = Region.Kind.REGENCY
    name = factory.LazyAttribute(lambda region: f"Kabupaten Uji {region.bps_code}")


class CooperativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cooperative

    name = factory.Sequence(lambda number: f"Koperasi Uji {number}")
    slug = factory.Sequence(lambda number: f"koperasi-uji-{number}")
    kind = Cooperative.Kind.PRODUCER
    sector = Cooperative.Sector.AGRICULTURE
    member_count = 120
    region = factory.SubFactory(RegionFactory)
    phone = "+6281234567890"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    cooperative = factory.SubFactory(CooperativeFactory)
    role = Membership.Role.OWNER


def category(code: str = "beras") -> Category:
    return Category.objects.get(code=code)


def unit(code: str = "kg") -> Unit:
    return Unit.objects.get(code=code)


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    cooperative = factory.SubFactory(CooperativeFactory)
    name = factory.Sequence(lambda number: f"Beras Uji {number}")
    category = factory.LazyFunction(category)
    unit = factory.LazyFunction(unit)
    price = 12_000
    minimum_order = Decimal("10")
    monthly_capacity = Decimal("5000")


class DemandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Demand

    cooperative = factory.SubFactory(
        CooperativeFactory, kind=Cooperative.Kind.CONSUMER, sector="retail"
    )
    category = factory.LazyFunction(category)
    item = "Beras medium"
    unit = factory.LazyFunction(unit)
    monthly_quantity = Decimal("1000")
    max_price = 14_000
    delivery_region = factory.SubFactory(RegionFactory)
    valid_until = factory.LazyFunction(
        lambda: timezone.localdate() + timedelta(days=90)
    )


class InquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inquiry

    sender = factory.SubFactory(UserFactory)
    sender_cooperative = factory.SubFactory(
        CooperativeFactory, kind=Cooperative.Kind.CONSUMER
    )
    recipient_cooperative = factory.SubFactory(CooperativeFactory)
    subject = "Permintaan beras"
    body = "Apakah bisa kirim 1 ton per bulan?"
