"""Fixtures shared by every test: named personas around two cooperatives.

Ani owns the producer cooperative Tani Makmur, Budi is a staff member
there, Citra owns the consumer cooperative Konsumen Sejahtera, Dewi is a
facilitator and Eko has no cooperative.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache

from cooperatives.models import Cooperative, Membership

from .factories import CooperativeFactory, MembershipFactory, RegionFactory, UserFactory


def _delete_cache_keys() -> None:
    # cache.clear() would flush the whole Redis database, Celery's queue with
    # it, so only the keys under the cache's prefix are deleted.
    client = cache._cache.get_client(write=True)
    keys = list(client.scan_iter(f"{settings.CACHES['default']['KEY_PREFIX']}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate limits and sessions live in Redis, which outlives each test.
    _delete_cache_keys()
    yield
    _delete_cache_keys()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Templates use {% static %}; the manifest needs collectstatic, which unit
    # tests do not run.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture
def bandung(db):
    return RegionFactory(bps_code="3204", name="Kabupaten Bandung")


@pytest.fixture
def garut(db):
    return RegionFactory(bps_code="3205", name="Kabupaten Garut")


@pytest.fixture
def producer(bandung):
    return CooperativeFactory(
        name="Koperasi Tani Makmur",
        slug="koperasi-tani-makmur",
        kind=Cooperative.Kind.PRODUCER,
        region=bandung,
    )


@pytest.fixture
def consumer(garut):
    return CooperativeFactory(
        name="Koperasi Konsumen Sejahtera",
        slug="koperasi-konsumen-sejahtera",
        kind=Cooperative.Kind.CONSUMER,
        sector=Cooperative.Sector.RETAIL,
        region=garut,
    )


@pytest.fixture
def ani(producer):
    """The owner of the producer cooperative."""
    return MembershipFactory(
        cooperative=producer, role=Membership.Role.OWNER, user__email="ani@contoh.id"
    ).user


@pytest.fixture
def budi(producer):
    """A staff member of the producer cooperative: the lowest role."""
    return MembershipFactory(
        cooperative=producer, role=Membership.Role.STAFF, user__email="budi@contoh.id"
    ).user


@pytest.fixture
def citra(consumer):
    """The owner of the consumer cooperative: an outsider to the producer."""
    return MembershipFactory(
        cooperative=consumer, role=Membership.Role.OWNER, user__email="citra@contoh.id"
    ).user


@pytest.fixture
def dewi(db):
    """A facilitator."""
    user = UserFactory(email="dewi@contoh.id")
    user.groups.add(Group.objects.get(name=settings.FACILITATORS_GROUP))
    return user


@pytest.fixture
def eko(db):
    """A signed-in user without a cooperative."""
    return UserFactory(email="eko@contoh.id")
