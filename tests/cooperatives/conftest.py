import pytest
from django.contrib.auth.models import Group

from accounts.models import FACILITATORS_GROUP
from cooperatives import services
from cooperatives.events import interaction
from cooperatives.models import Membership

from ..factories import MembershipFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The factories hash a password for every user, and PBKDF2 makes tests
    # that create fifty users take many seconds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def fajar(producer):
    """A manager of the producer cooperative: manages, but is not the owner."""
    return MembershipFactory(
        cooperative=producer,
        role=Membership.Role.MANAGER,
        user__email="fajar@contoh.id",
    ).user


@pytest.fixture
def facilitator_staff(db):
    """A facilitator who may also open the Django admin."""
    user = UserFactory(email="gita@contoh.id", is_staff=True)
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    return user


@pytest.fixture
def searchable(producer, consumer):
    """Fill the search columns that the factories leave empty."""
    for cooperative in (producer, consumer):
        services.cooperative_refresh_search(cooperative=cooperative)
    return producer, consumer


@pytest.fixture
def announced():
    """Collect the interaction events that the code under test announces."""
    events = []

    def receive(sender, **kwargs):
        events.append(kwargs)

    interaction.connect(receive, dispatch_uid="tests.cooperatives.announced")
    yield events
    interaction.disconnect(dispatch_uid="tests.cooperatives.announced")


@pytest.fixture
def registration_data(bandung):
    return {
        "name": "Koperasi Tani Sejahtera",
        "kind": "producer",
        "sector": "agriculture",
        "legal_entity_number": "AHU-0001234.AH.01.26.TAHUN 2019",
        "cooperative_number": "3204010020001234",
        "nib": "9120001234567",
        "founded_year": "2005",
        "member_count": "150",
        "region": str(bandung.pk),
        "address": "Jl. Raya Banjaran No. 10, Kabupaten Bandung",
        "phone": "0812-3456-7890",
        "email": "info@tanisejahtera.id",
        "website": "https://tanisejahtera.id",
        "description": "Beras dan sayuran organik dari Banjaran.",
    }
