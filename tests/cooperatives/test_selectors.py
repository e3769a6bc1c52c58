from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from cooperatives import selectors, services
from cooperatives.filters import CooperativeFilter
from cooperatives.models import Cooperative, Invitation, Membership
from cooperatives.pagination import nearest_page_number

from ..factories import CooperativeFactory, MembershipFactory


def _search_names(text):
    found = selectors.search_cooperatives(Cooperative.objects.all(), text)
    return [cooperative.name for cooperative in found]


@pytest.fixture
def named(db, bandung):
    """Cooperatives with search columns filled, named for search tests."""
    names = [
        "Koperasi Tani Makmur",
        "Kopérasi Susu Lembang",
        "Koperasi Nelayan Pangandaran",
    ]
    cooperatives = [CooperativeFactory(name=name, region=bandung) for name in names]
    for cooperative in cooperatives:
        services.cooperative_refresh_search(cooperative=cooperative)
    return cooperatives


@pytest.mark.parametrize(
    "text",
    ["koprasi tani", "Koperasi Tani", "KOPERASI TANI", "kopérasi tani", "tani makmur"],
)
def test_search_finds_tani_makmur(named, text):
    assert "Koperasi Tani Makmur" in _search_names(text)


def test_search_misspelling_ranks_best_first(named):
    assert _search_names("koprasi tani")[0] == "Koperasi Tani Makmur"


def test_search_without_accent_finds_accented_name(named):
    assert "Kopérasi Susu Lembang" in _search_names("koperasi susu")


def test_search_excludes_unrelated(named):
    assert "Koperasi Nelayan Pangandaran" not in _search_names("tani makmur")


def test_search_matches_description(db, bandung):
    cooperative = CooperativeFactory(
        name="Koperasi Sukamaju", description="Kami menjual kopi arabika."
    )
    services.cooperative_refresh_search(cooperative=cooperative)
    assert _search_names("arabika") == ["Koperasi Sukamaju"]


def test_search_of_punctuation_returns_all(named):
    assert len(_search_names("!!!")) == 3


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("producer", ["producer", "both"]),
        ("consumer", ["consumer", "both"]),
        ("both", ["both"]),
    ],
)
def test_kinds_matching(kind, expected):
    assert selectors.kinds_matching(kind) == expected


@pytest.fixture
def mixed(db, bandung, garut):
    return {
        "producer": CooperativeFactory(
            name="A Produsen", kind="producer", sector="agriculture", region=bandung
        ),
        "consumer": CooperativeFactory(
            name="B Konsumen", kind="consumer", sector="retail", region=garut
        ),
        "both": CooperativeFactory(
            name="C Serba Usaha", kind="both", sector="multi_purpose", region=garut
        ),
    }


def _filtered_names(data):
    filterset = CooperativeFilter(data, queryset=selectors.directory_cooperatives())
    return sorted(cooperative.name for cooperative in filterset.qs)


def test_filter_region(mixed, garut):
    assert _filtered_names({"region": str(garut.pk)}) == ["B Konsumen", "C Serba Usaha"]


def test_filter_kind_producer_includes_both(mixed):
    assert _filtered_names({"kind": "producer"}) == ["A Produsen", "C Serba Usaha"]


def test_filter_kind_both_only(mixed):
    assert _filtered_names({"kind": "both"}) == ["C Serba Usaha"]


def test_filter_sector(mixed):
    assert _filtered_names({"sector": "retail"}) == ["B Konsumen"]


def test_filter_unknown_region_is_skipped(mixed):
    assert len(_filtered_names({"region": "abc", "sector": "retail"})) == 1


def test_filter_unknown_region_reports_error(mixed):
    filterset = CooperativeFilter({"region": "999999"}, queryset=Cooperative.objects)
    assert "region" in filterset.errors


def test_filter_search_and_region(mixed, garut):
    for cooperative in mixed.values():
        services.cooperative_refresh_search(cooperative=cooperative)
    data = {"q": "konsumen", "region": str(garut.pk)}
    assert _filtered_names(data) == ["B Konsumen"]


def test_directory_lists_verified_first(db):
    CooperativeFactory(name="A Belum")
    CooperativeFactory(name="Z Sudah", is_verified=True)
    names = [cooperative.name for cooperative in selectors.directory_cooperatives()]
    assert names == ["Z Sudah", "A Belum"]


def test_members_of_lists_owner_first(producer, budi, ani, fajar):
    roles = [membership.role for membership in selectors.members_of(producer)]
    assert roles == ["owner", "manager", "staff"]


def test_memberships_of_anonymous_is_empty(db):
    assert not selectors.memberships_of(AnonymousUser()).exists()


def test_memberships_of_orders_by_name(ani, consumer):
    MembershipFactory(user=ani, cooperative=consumer, role=Membership.Role.STAFF)
    names = [m.cooperative.name for m in selectors.memberships_of(ani)]
    assert names == ["Koperasi Konsumen Sejahtera", "Koperasi Tani Makmur"]


def test_pending_invitations_skip_used_and_expired(producer, ani):
    Invitation.objects.create(
        cooperative=producer, email="baru@contoh.id", role="staff"
    )
    Invitation.objects.create(
        cooperative=producer,
        email="lama@contoh.id",
        role="staff",
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    Invitation.objects.create(
        cooperative=producer,
        email="sudah@contoh.id",
        role="staff",
        accepted_at=timezone.now(),
    )
    emails = [i.email for i in selectors.pending_invitations(producer)]
    assert emails == ["baru@contoh.id"]


def test_is_member_email_ignores_case(ani, producer):
    assert selectors.is_member_email(producer, "ANI@contoh.id")


def test_is_member_email_other_cooperative(citra, producer):
    assert not selectors.is_member_email(producer, "citra@contoh.id")


def test_has_pending_invitation_ignores_case(producer):
    Invitation.objects.create(
        cooperative=producer, email="baru@contoh.id", role="staff"
    )
    assert selectors.has_pending_invitation(producer, "Baru@Contoh.id")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, 1),
        ("", 1),
        ("abc", 1),
        ("0", 1),
        ("-1", 1),
        ("2", 2),
        ("2.5", 2),
        ("3", 3),
        ("4", 3),
        ("99999999999999999999", 3),
        ("1e999999999", 3),
        ("NaN", 1),
        ("Infinity", 1),
        ("-Infinity", 1),
    ],
)
def test_nearest_page_number(raw, expected):
    assert nearest_page_number(raw, 3) == expected


def test_nearest_page_number_without_pages():
    assert nearest_page_number("5", 0) == 1
