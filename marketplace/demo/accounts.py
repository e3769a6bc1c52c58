"""Demo accounts: the logins that `make run` prints, with their roles.

The addresses and the password come from ecobiz.embedded, which prints them.
Each account gets a verified primary email address, because sign-in
requires a confirmed address (ACCOUNT_EMAIL_VERIFICATION = "mandatory").
"""

import logging
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured

from accounts.models import FACILITATORS_GROUP
from cooperatives.models import Cooperative, Membership
from ecobiz.embedded import DEMO_LOGINS, DEMO_PASSWORD

from .network import consumer_slug, producer_slug

logger = logging.getLogger(__name__)

# The producer account owns the first producer of Kabupaten Bandung, which
# sells curly red chilli. The consumer account owns the first consumer of
# Kota Bandung, and that product matches its chilli demand.
PRODUCER_SLUG = producer_slug("3204", 0)
CONSUMER_SLUG = consumer_slug("3273", 0)


@dataclass(frozen=True)
class DemoAccount:
    """An invented person behind a demo login and what the login may do."""

    first_name: str
    last_name: str
    is_superuser: bool = False
    is_facilitator: bool = False
    cooperative_slug: str = ""
    role: str = ""


# Keyed on the local part of each DEMO_LOGINS address.
DEMO_ACCOUNTS = {
    "admin": DemoAccount("Hendra", "Wiguna", is_superuser=True),
    "fasilitator": DemoAccount("Rina", "Kusumawati", is_facilitator=True),
    "produsen": DemoAccount(
        "Asep", "Saepudin", cooperative_slug=PRODUCER_SLUG, role=Membership.Role.OWNER
    ),
    "konsumen": DemoAccount(
        "Siti", "Nurhayati", cooperative_slug=CONSUMER_SLUG, role=Membership.Role.OWNER
    ),
    "staf": DemoAccount(
        "Dede", "Kurniawan", cooperative_slug=PRODUCER_SLUG, role=Membership.Role.STAFF
    ),
}


def demo_accounts() -> list[tuple[str, DemoAccount]]:
    """Return (email, account) for each DEMO_LOGINS entry.

    Raises ImproperlyConfigured when DEMO_LOGINS lists an address that
    DEMO_ACCOUNTS does not describe.
    """
    accounts = []
    for email, _role in DEMO_LOGINS:
        local_part = email.split("@")[0]
        if local_part not in DEMO_ACCOUNTS:
            raise ImproperlyConfigured(
                f"Demo login {email} has no entry in DEMO_ACCOUNTS. Add one for "
                f"{local_part!r} in {__name__}."
            )
        accounts.append((email, DEMO_ACCOUNTS[local_part]))
    return accounts


def ensure_demo_users() -> tuple[dict[str, object], int]:
    """Create the missing demo users and return all of them by email, and the count.

    Existing users are left as they are, but each gets its verified primary
    address and facilitator group when missing.
    """
    user_model = get_user_model()
    accounts = demo_accounts()
    users = {
        user.email: user
        for user in user_model.objects.filter(email__in=[e for e, _ in accounts])
    }
    missing = [(email, account) for email, account in accounts if email not in users]
    if missing:
        # One hash for all accounts: PBKDF2 is slow by design.
        password = make_password(DEMO_PASSWORD)
        for email, account in missing:
            users[email] = user_model.objects.create(
                email=email,
                password=password,
                first_name=account.first_name,
                last_name=account.last_name,
                is_staff=account.is_superuser,
                is_superuser=account.is_superuser,
            )
            logger.info("Created demo account %s", email)
    facilitators = Group.objects.get(name=FACILITATORS_GROUP)
    for email, account in accounts:
        EmailAddress.objects.get_or_create(
            user=users[email],
            email=email,
            defaults={"verified": True, "primary": True},
        )
        if account.is_facilitator:
            users[email].groups.add(facilitators)
    return users, len(missing)


def ensure_demo_memberships(users: dict[str, object]) -> None:
    """Give the producer, consumer and staff accounts their memberships."""
    slugs = {account.cooperative_slug for _, account in demo_accounts()} - {""}
    cooperatives = Cooperative.objects.in_bulk(slugs, field_name="slug")
    for email, account in demo_accounts():
        if not account.cooperative_slug:
            continue
        Membership.objects.get_or_create(
            user=users[email],
            cooperative=cooperatives[account.cooperative_slug],
            defaults={"role": account.role},
        )


def owner_slugs() -> set[str]:
    """Return the slugs of cooperatives that a demo account owns."""
    return {
        account.cooperative_slug
        for _, account in demo_accounts()
        if account.role == Membership.Role.OWNER
    }


def facilitator(users: dict[str, object]):
    """Return the demo facilitator, who verifies the demo cooperatives."""
    for email, account in demo_accounts():
        if account.is_facilitator:
            return users[email]
    return None
