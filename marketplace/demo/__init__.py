"""Believable demo data for West Java: cooperatives, listings, inquiries, logins.

seed_demo is idempotent: demo cooperatives are keyed on their slugs and demo
accounts on their email addresses, and a run only creates what is missing.
The formulas behind prices and quantities are in docs/reference-data.md.
"""

from dataclasses import dataclass

from django.db import transaction

from cooperatives.models import Cooperative, Membership, Region

from . import accounts, activity, network

DEFAULT_SIZE = 2
PROVINCE_CODE = "32"
REGION_COUNT = 27


@dataclass(frozen=True)
class SeedResult:
    """Counts of the rows one seed_demo run created."""

    cooperatives: int
    products: int
    demands: int
    inquiries: int
    replies: int
    events: int
    accounts: int


def regions_loaded() -> bool:
    """Return whether the regencies and cities of Jawa Barat are loaded."""
    regions = Region.objects.filter(province__bps_code=PROVINCE_CODE)
    return regions.count() >= REGION_COUNT


def _owners_of_demo_cooperatives() -> dict[int, object]:
    memberships = Membership.objects.filter(
        role=Membership.Role.OWNER, cooperative__slug__startswith=network.SLUG_PREFIX
    ).select_related("user")
    return {m.cooperative_id: m.user for m in memberships}


@transaction.atomic
def seed_demo(*, size: int = DEFAULT_SIZE) -> SeedResult:
    """Create the missing demo network for `size` producers per regency.

    Raises ValueError when size is below 1 and LookupError when the regions
    are not loaded (run load_reference_data first).
    """
    if size < 1:
        raise ValueError(f"size must be at least 1, not {size}.")
    if not regions_loaded():
        raise LookupError("The regions of Jawa Barat are not loaded.")
    users, accounts_created = accounts.ensure_demo_users()
    regions = list(Region.objects.filter(province__bps_code=PROVINCE_CODE))
    existing = set(
        Cooperative.objects.filter(slug__startswith=network.SLUG_PREFIX).values_list(
            "slug", flat=True
        )
    )
    plans = [
        plan
        for plan in network.plan_network(regions, size=size)
        if plan.slug not in existing
    ]
    created = network.create_network(
        plans,
        facilitator=accounts.facilitator(users),
        owner_slugs=accounts.owner_slugs(),
    )
    accounts.ensure_demo_memberships(users)
    owners = _owners_of_demo_cooperatives()
    log = activity.EventLog()
    activity.announce_listings(created, owners, log)
    conversations = activity.plan_conversations(
        created,
        owners,
        preferred={accounts.CONSUMER_SLUG: accounts.PRODUCER_SLUG},
    )
    inquiries, replies = activity.save_conversations(conversations, owners, log)
    # The daily figures of the backdated days come from the monitoring
    # app's compute_metrics command, which `make run` calls after the seed.
    events = log.backdate()
    return SeedResult(
        cooperatives=len(created.cooperatives),
        products=len(created.products),
        demands=len(created.demands),
        inquiries=inquiries,
        replies=replies,
        events=events,
        accounts=accounts_created,
    )
