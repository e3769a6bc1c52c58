"""Fetch objects for a user with the permission check views need.

Non-members get 404, so another cooperative's private pages do not reveal
that they exist; members whose role is too low get 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Cooperative
from .rules import is_member


def check_cooperative_permission(user, cooperative: Cooperative, permission: str):
    """Raise Http404 for outsiders and PermissionDenied for too low a role."""
    if not (user.is_superuser or is_member(user, cooperative)):
        raise Http404("No such cooperative for this user.")
    if not user.has_perm(permission, cooperative):
        raise PermissionDenied


def cooperative_for(user, slug: str, permission: str) -> Cooperative:
    cooperative = get_object_or_404(
        Cooperative.objects.select_related("region"), slug=slug
    )
    check_cooperative_permission(user, cooperative, permission)
    return cooperative
