"""Permission rules for cooperatives, kept in this one module.

Views, templates ({% has_perm %}) and the admin all ask these permissions.
"""

import rules
from django.conf import settings

from .models import Membership

MANAGING_ROLES = (Membership.Role.OWNER, Membership.Role.MANAGER)


def _role(user, cooperative) -> str | None:
    if not user.is_authenticated or cooperative is None:
        return None
    cache = user.__dict__.setdefault("_cooperative_roles", {})
    if cooperative.pk not in cache:
        cache[cooperative.pk] = (
            Membership.objects.filter(user=user, cooperative=cooperative)
            .values_list("role", flat=True)
            .first()
        )
    return cache[cooperative.pk]


@rules.predicate
def is_member(user, cooperative) -> bool:
    return _role(user, cooperative) is not None


@rules.predicate
def is_manager(user, cooperative) -> bool:
    return _role(user, cooperative) in MANAGING_ROLES


@rules.predicate
def is_owner(user, cooperative) -> bool:
    return _role(user, cooperative) == Membership.Role.OWNER


@rules.predicate
def has_object(user, cooperative) -> bool:
    """Return whether the permission is checked for one cooperative.

    Django admin checks model permissions without an object, and for those
    ModelBackend decides.
    """
    return cooperative is not None


is_facilitator = rules.is_group_member(settings.FACILITATORS_GROUP)
is_administrator = rules.is_superuser

# Every profile is public, but the admin's list of cooperatives is not.
rules.add_perm("cooperatives.view_cooperative", has_object)
rules.add_perm("cooperatives.change_cooperative", is_manager | is_administrator)
rules.add_perm("cooperatives.invite_member", is_manager | is_administrator)
rules.add_perm("cooperatives.view_members", is_member | is_administrator)
# Only an owner may make someone else an owner, so a manager cannot invite
# an account that outranks them.
rules.add_perm("cooperatives.invite_owner", is_owner | is_administrator)
rules.add_perm("cooperatives.verify_cooperative", is_facilitator | is_administrator)
# Trading: managers list products and share demands; every member may write.
rules.add_perm("cooperatives.manage_catalogue", is_manager | is_administrator)
rules.add_perm("cooperatives.send_inquiry", is_member)
rules.add_perm("cooperatives.view_inbox", is_member)
